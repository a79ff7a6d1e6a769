//! What tact tells its users: a report on a complaint and a report on a reply draft.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rules::Lint;
use crate::span::Span;

/// Urgency levels, lowest first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum UrgencyLevel {
    /// Can wait days.
    Low,
    /// Within a day.
    Normal,
    /// Within hours.
    High,
    /// Now.
    Critical,
}

impl UrgencyLevel {
    /// Level from its class index in the urgency model.
    pub fn from_index(i: usize) -> UrgencyLevel {
        match i {
            0 => UrgencyLevel::Low,
            1 => UrgencyLevel::Normal,
            2 => UrgencyLevel::High,
            _ => UrgencyLevel::Critical,
        }
    }

    /// The 0–100 score band of this level: low 0–24, normal 25–49, high 50–74, critical 75–100.
    pub fn band(self) -> (u8, u8) {
        match self {
            UrgencyLevel::Low => (0, 24),
            UrgencyLevel::Normal => (25, 49),
            UrgencyLevel::High => (50, 74),
            UrgencyLevel::Critical => (75, 100),
        }
    }
}

/// Customer personas (seed 000 step 2, seed 003 "Define each complainer").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum PersonaLabel {
    /// Averse to complaining; may just leave.
    Meek,
    /// Not shy about letting you know they're upset.
    Aggressive,
    /// Pays well and demands premium support.
    HighRoller,
    /// Contacts you a lot.
    Chronic,
    /// The "rip-off" customer who wants what they don't deserve.
    Barnacle,
    /// The average complaint.
    Moderate,
}

impl PersonaLabel {
    /// Persona from its class index in the persona model.
    pub fn from_index(i: usize) -> PersonaLabel {
        match i {
            0 => PersonaLabel::Meek,
            1 => PersonaLabel::Aggressive,
            2 => PersonaLabel::HighRoller,
            3 => PersonaLabel::Chronic,
            4 => PersonaLabel::Barnacle,
            _ => PersonaLabel::Moderate,
        }
    }
}

/// A piece of text that moved a score, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// Byte span in the complaint.
    #[serde(flatten)]
    pub span: Span,
    /// Exactly the text of the span.
    pub text: String,
    /// Why it matters.
    pub why: String,
    /// How much it moved the score (model units; larger moved it more).
    pub weight: f32,
}

/// How urgent a complaint is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Urgency {
    /// The level.
    pub level: UrgencyLevel,
    /// 0–100, inside the level's band.
    pub score: u8,
    /// Probability of each level.
    pub probabilities: BTreeMap<UrgencyLevel, f32>,
    /// What drove it, in text order.
    pub cues: Vec<Cue>,
}

/// Who the customer is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    /// The most likely persona.
    pub label: PersonaLabel,
    /// Its probability.
    pub confidence: f32,
    /// Probability of every persona.
    pub scores: BTreeMap<PersonaLabel, f32>,
    /// What drove it, in text order.
    pub cues: Vec<Cue>,
}

/// One piece of advice on how to answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    /// "urgency" or "persona".
    pub about: String,
    /// What to do.
    pub text: String,
    /// The guide passage it comes from.
    pub source: String,
}

/// Everything tact says about an incoming complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplaintReport {
    /// How urgent.
    pub urgency: Urgency,
    /// Who is writing.
    pub persona: Persona,
    /// How to answer.
    pub advice: Vec<Advice>,
}

/// Everything tact says about a reply draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplyReport {
    /// The verdict: will this read as passive-aggressive?
    pub passive_aggressive: bool,
    /// 0–1: the tone model and the rules combined (see `Engine::check`).
    pub score: f32,
    /// The tone model's probability on its own.
    pub model_score: f32,
    /// Findings, in text order.
    pub lints: Vec<Lint>,
    /// What the complaint (when given) says about its writer; persona hints follow from it.
    pub complaint: Option<crate::rules::ComplaintContext>,
}
