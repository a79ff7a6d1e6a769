//! tact-core: complaint triage and reply checking for customer support, with no I/O.
//!
//! Text goes through one pipeline: [`Document`] (tokens with byte spans, sentences, stems) →
//! [`Featurizer`] (hashed word n-grams, signals, lexicons, as a sparse vector) → linear
//! [`Model`]s (urgency, persona, tone) and reply [`rules`](RuleId) → reports
//! ([`ComplaintReport`], [`ReplyReport`]).
//!
//! ```
//! let engine = tact_core::Engine::embedded().expect("the default models are built in");
//! let report = engine.analyze("My card was stolen and someone is spending money right now!");
//! assert!(report.urgency.score <= 100);
//! let reply = engine.check("We're sorry that you are having this problem.", None);
//! assert!(reply.lints.iter().any(|l| l.rule == tact_core::RuleId::NonApology));
//! ```
#![deny(missing_docs)]

mod advice;
mod config;
mod engine;
mod error;
mod features;
mod model;
mod report;
mod rules;
mod span;
mod text;
#[cfg(feature = "train")]
pub mod train;

pub use config::{CheckConfig, Dismissal, Strictness};
pub use engine::Engine;
pub use error::{Error, Result};
pub use features::{
    detect_signals, FeatureConfig, Featurizer, Signal, SignalKind, SparseVector, EXTRACTOR_VERSION,
};
pub use model::{
    checksum, ordinal_decision, DataSource, LinearModel, Model, Task, TrainingMeta, FORMAT_VERSION,
    MAGIC,
};
pub use report::{
    Advice, ComplaintReport, Cue, Persona, PersonaLabel, ReplyReport, Urgency, UrgencyLevel,
};
pub use rules::{all_rules, ComplaintContext, Draft, Lint, Rule, RuleId, Severity};
pub use span::Span;
pub use text::{normalize_word, Document, Token, TokenKind};
