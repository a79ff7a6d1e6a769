//! Reply rules: phrase-level checks from the customer-service guides, each with a span, a
//! reason, a suggestion and the guide passage it enforces.
//!
//! One rule per file; `_template.rs` is the one to copy. The registry below is alphabetical.

mod blame_shifting;
mod condescension;
mod corporate_stiffness;
mod dismissive_minimizing;
mod excuse;
mod false_promise;
mod leading_negative_question;
mod missing_apology;
mod missing_close;
mod missing_next_step;
mod non_apology;
mod pattern;
mod persona_needs;
mod sarcasm;
mod unexplained_transfer;
mod words;

pub use pattern::{sentence_words, Pattern, Word};

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::Document;

/// Every rule's id. Display, FromStr and serde all use the snake_case name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RuleId {
    /// Apologises for the customer's feelings or "any inconvenience" rather than the mistake.
    NonApology,
    /// Talks down to the customer.
    Condescension,
    /// "Is there anything else wrong?"
    LeadingNegativeQuestion,
    /// Formal, stiff wording.
    CorporateStiffness,
    /// Puts the fault on the customer or on another party ("you should have", "that's on the courier").
    BlameShifting,
    /// Explains the problem away instead of fixing it ("unfortunately our system", "we're very busy").
    Excuse,
    /// Transfers or escalates without saying to whom and why ("Please hold while we transfer you").
    UnexplainedTransfer,
    /// Promises what can't be known ("this will never happen again", "guaranteed by tomorrow").
    FalsePromise,
    /// Minimises or dismisses the complaint ("calm down", "it's just a small delay").
    DismissiveMinimizing,
    /// Sarcasm and shouting ("Thanks SO much for your patience", "Wow, what a surprise").
    Sarcasm,
    /// Hint: a longer reply to a complaint with no plain apology.
    MissingApology,
    /// Hint: a longer reply with no concrete next step (who does what, by when).
    MissingNextStep,
    /// Hint: a longer reply that doesn't end by inviting more questions.
    MissingClose,
    /// Hint: what the complaint's persona needs from the reply.
    PersonaNeeds,
}

impl RuleId {
    /// Every rule, in declaration order (the rules themselves are built by [`all_rules`]).
    pub const ALL: [RuleId; 14] = [
        RuleId::NonApology,
        RuleId::Condescension,
        RuleId::LeadingNegativeQuestion,
        RuleId::CorporateStiffness,
        RuleId::BlameShifting,
        RuleId::Excuse,
        RuleId::UnexplainedTransfer,
        RuleId::FalsePromise,
        RuleId::DismissiveMinimizing,
        RuleId::Sarcasm,
        RuleId::MissingApology,
        RuleId::MissingNextStep,
        RuleId::MissingClose,
        RuleId::PersonaNeeds,
    ];

    /// True for the ten passive-aggressive patterns, whose findings count toward the verdict.
    /// Good-practice hints (what a reply lacks, what a persona needs) advise; they never make
    /// a draft passive-aggressive.
    pub fn counts_toward_verdict(self) -> bool {
        matches!(
            self,
            RuleId::NonApology
                | RuleId::Condescension
                | RuleId::LeadingNegativeQuestion
                | RuleId::CorporateStiffness
                | RuleId::BlameShifting
                | RuleId::Excuse
                | RuleId::UnexplainedTransfer
                | RuleId::FalsePromise
                | RuleId::DismissiveMinimizing
                | RuleId::Sarcasm
        )
    }
}

/// What the complaint a draft answers says about its writer, when it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintContext {
    /// The complaining customer's persona.
    pub persona: crate::report::PersonaLabel,
    /// How urgent the complaint is.
    pub urgency: crate::report::UrgencyLevel,
}

/// How serious a finding is.
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
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Severity {
    /// Worth a thought.
    Hint,
    /// Likely to land badly.
    Warning,
    /// Will land badly: fix before sending.
    Error,
}

/// One finding in a reply draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lint {
    /// Which rule.
    pub rule: RuleId,
    /// Byte span in the draft.
    #[serde(flatten)]
    pub span: Span,
    /// Exactly the text of the span.
    pub text: String,
    /// How serious.
    pub severity: Severity,
    /// Why it is a problem.
    pub message: String,
    /// Replacement for the span, if there is one (`""` deletes it).
    pub suggestion: Option<String>,
    /// The guide passage the rule enforces.
    pub source: String,
}

impl Lint {
    /// The draft with this lint's suggestion applied, or `None` without a suggestion.
    pub fn apply(&self, draft: &str) -> Option<String> {
        let s = self.suggestion.as_ref()?;
        let before = draft.get(..self.span.start)?;
        let after = draft.get(self.span.end..)?;
        Some(format!("{before}{s}{after}"))
    }
}

/// A reply draft, analysed once for all rules.
#[derive(Debug)]
pub struct Draft<'a> {
    /// The tokenised draft.
    pub doc: Document<'a>,
    /// Words of each sentence, contractions expanded.
    pub sentences: Vec<Vec<Word>>,
    /// The complaint the draft answers, if known.
    pub complaint: Option<ComplaintContext>,
    /// Every normalised form and stem in the draft, for [`Pattern::may_match`].
    pub(crate) vocab: pattern::Vocab,
}

impl<'a> Draft<'a> {
    /// Analyse a draft.
    pub fn new(text: &'a str) -> Self {
        let doc = Document::new(text);
        let sentences = sentence_words(&doc);
        let vocab = pattern::Vocab::new(
            sentences
                .iter()
                .flatten()
                .flat_map(|w| [w.norm.as_str(), w.stem.as_str()]),
        );
        Draft {
            doc,
            sentences,
            complaint: None,
            vocab,
        }
    }

    /// Analyse a draft that answers a complaint with this context.
    pub fn with_complaint(text: &'a str, complaint: Option<ComplaintContext>) -> Self {
        Draft {
            complaint,
            ..Draft::new(text)
        }
    }

    /// The draft's text.
    pub fn text(&self) -> &'a str {
        self.doc.text()
    }
}

/// A reply rule.
pub trait Rule: Send + Sync + std::fmt::Debug {
    /// The rule's id.
    fn id(&self) -> RuleId;
    /// One line on what it catches.
    fn description(&self) -> &'static str;
    /// Findings in a draft.
    fn check(&self, draft: &Draft<'_>) -> Vec<Lint>;
}

/// One phrase a phrase-list rule looks for.
#[derive(Debug)]
pub(crate) struct Phrase {
    pub pattern: &'static str,
    pub severity: Severity,
    pub message: &'static str,
    pub suggestion: Option<&'static str>,
}

/// A phrase without a suggestion (for rule tables).
pub(crate) const fn phrase(
    pattern: &'static str,
    severity: Severity,
    message: &'static str,
) -> Phrase {
    Phrase {
        pattern,
        severity,
        message,
        suggestion: None,
    }
}

/// A phrase with a replacement for its span (for rule tables).
pub(crate) const fn phrase_fix(
    pattern: &'static str,
    severity: Severity,
    message: &'static str,
    suggestion: &'static str,
) -> Phrase {
    Phrase {
        pattern,
        severity,
        message,
        suggestion: Some(suggestion),
    }
}

/// The common body of phrase-list rules: every match of every phrase, unless `skip` says the
/// sentence uses it innocently.
pub(crate) fn phrase_lints(
    draft: &Draft<'_>,
    rule: RuleId,
    source: &str,
    phrases: &[(Pattern, &Phrase)],
    skip: impl Fn(&[Word], (usize, usize)) -> bool,
) -> Vec<Lint> {
    let mut out: Vec<Lint> = Vec::new();
    let live: Vec<&(Pattern, &Phrase)> = phrases
        .iter()
        .filter(|(p, _)| p.may_match(&draft.vocab))
        .collect();
    for words in &draft.sentences {
        for (pattern, phrase) in live.iter().copied() {
            for m in pattern.find_all(words) {
                if skip(words, m) {
                    continue;
                }
                let span = Pattern::span(words, m);
                if out.iter().any(|l| l.span.overlaps(&span)) {
                    continue;
                }
                out.push(Lint {
                    rule,
                    span,
                    text: span.slice(draft.text()).to_string(),
                    severity: phrase.severity,
                    message: phrase.message.to_string(),
                    suggestion: phrase
                        .suggestion
                        .map(|s| match_case(s, span.slice(draft.text()))),
                    source: source.to_string(),
                });
            }
        }
    }
    out
}

/// Give a suggestion the capitalisation of the text it replaces (first letter only).
pub(crate) fn match_case(suggestion: &str, original: &str) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut c = suggestion.chars();
    match c.next() {
        Some(f) if upper => f.to_uppercase().chain(c).collect(),
        Some(f) if !upper && !suggestion.starts_with("I ") && !suggestion.starts_with("I'") => {
            f.to_lowercase().chain(c).collect()
        }
        _ => suggestion.to_string(),
    }
}

/// Decides whether one match of a phrase uses its words without the reproach ("obviously
/// this should never have happened" is an apology, not a put-down).
pub(crate) type Innocent = fn(&Draft<'_>, &[Word], (usize, usize)) -> bool;

/// A compiled phrase table in which every phrase carries its own innocence check.
#[derive(Debug)]
pub(crate) struct GuardedPhrases {
    entries: Vec<(Pattern, &'static Phrase)>,
    innocent: Vec<Innocent>,
}

impl GuardedPhrases {
    /// Compile a table once.
    pub(crate) fn new(table: &'static [(Phrase, Innocent)]) -> Self {
        GuardedPhrases {
            entries: table
                .iter()
                .map(|(p, _)| (Pattern::new(p.pattern), p))
                .collect(),
            innocent: table.iter().map(|(_, i)| *i).collect(),
        }
    }

    /// Every match that is not innocent, phrase by phrase in table order (so a rule can let
    /// an earlier, more specific phrase win an overlap).
    pub(crate) fn matches(&self, draft: &Draft<'_>, rule: RuleId, source: &str) -> Vec<Lint> {
        self.entries
            .iter()
            .zip(&self.innocent)
            .flat_map(|(entry, innocent)| {
                phrase_lints(draft, rule, source, std::slice::from_ref(entry), |w, m| {
                    innocent(draft, w, m)
                })
            })
            .collect()
    }
}

/// Compile a rule's phrase table once.
pub(crate) fn compile(phrases: &'static [Phrase]) -> Vec<(Pattern, &'static Phrase)> {
    phrases
        .iter()
        .map(|p| (Pattern::new(p.pattern), p))
        .collect()
}

/// All rules, alphabetical by id.
pub fn all_rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(blame_shifting::BlameShifting::default()),
        Box::new(condescension::Condescension::default()),
        Box::new(corporate_stiffness::CorporateStiffness::default()),
        Box::new(dismissive_minimizing::DismissiveMinimizing::default()),
        Box::new(excuse::Excuse::default()),
        Box::new(false_promise::FalsePromise::default()),
        Box::new(leading_negative_question::LeadingNegativeQuestion::default()),
        Box::new(missing_apology::MissingApology::default()),
        Box::new(missing_close::MissingClose::default()),
        Box::new(missing_next_step::MissingNextStep::default()),
        Box::new(non_apology::NonApology::default()),
        Box::new(persona_needs::PersonaNeeds::default()),
        Box::new(sarcasm::Sarcasm::default()),
        Box::new(unexplained_transfer::UnexplainedTransfer::default()),
    ]
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;

    /// Lints of one rule on `text`.
    pub fn lints(rule: &dyn Rule, text: &str) -> Vec<Lint> {
        rule.check(&Draft::new(text))
    }

    /// `text` gives exactly one lint of `rule`, covering `flagged`; applying its suggestion
    /// gives text the rule no longer flags, equal to `fixed` when given.
    #[track_caller]
    pub fn assert_flags(rule: &dyn Rule, text: &str, flagged: &str, fixed: Option<&str>) {
        let l = lints(rule, text);
        assert_eq!(
            l.len(),
            1,
            "expected one {} lint in {text:?}, got {l:#?}",
            rule.id()
        );
        assert_eq!(l[0].text, flagged, "in {text:?}");
        assert_eq!(l[0].span.slice(text), l[0].text);
        assert!(!l[0].message.is_empty() && !l[0].source.is_empty());
        if let Some(applied) = l[0].apply(text) {
            let again = lints(rule, &applied);
            assert!(
                again.is_empty(),
                "after applying the suggestion {applied:?} still flags {again:#?}"
            );
            if let Some(f) = fixed {
                assert_eq!(applied, f);
            }
        } else {
            assert!(fixed.is_none(), "expected a suggestion for {text:?}");
        }
    }

    /// On odd text (empty, emoji, combining marks, BOM, CRLF) every lint's text is its slice,
    /// and an applied suggestion stays a sane size.
    #[track_caller]
    pub fn assert_odd_text_is_safe(rule: &dyn Rule) {
        for t in [
            "",
            "   ",
            "!!!",
            "you",
            "I'll",
            "100%",
            "SO",
            "\u{1F600} WOW WOW \u{1F600}",
            "x\u{301}\u{302} calm down, transfer you, 100% guaranteed, you should have",
            "\u{feff}THANKS SO MUCH for waiting, it's only $5, not us.",
            "Line one\r\n\r\nLine two: someone will be in touch.",
        ] {
            for l in lints(rule, t) {
                assert_eq!(l.span.slice(t), l.text, "{t:?}");
                if let Some(applied) = l.apply(t) {
                    assert!(applied.len() <= t.len() + 200);
                }
            }
        }
    }

    /// `text` gives no lint of `rule`.
    #[track_caller]
    pub fn assert_quiet(rule: &dyn Rule, text: &str) {
        let l = lints(rule, text);
        assert!(
            l.is_empty(),
            "{} should not flag {text:?}: {l:#?}",
            rule.id()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_has_one_rule() {
        let mut built: Vec<RuleId> = all_rules().iter().map(|r| r.id()).collect();
        let mut listed = RuleId::ALL.to_vec();
        built.sort_by_key(|id| id.to_string());
        listed.sort_by_key(|id| id.to_string());
        assert_eq!(built, listed);
        listed.dedup();
        assert_eq!(listed.len(), RuleId::ALL.len(), "a rule id is listed twice");
    }
}
