//! What users of Harper, alex and proselint ask for most: turn a rule off, allow-list phrases,
//! pick a strictness, dismiss one finding. One serde struct, read from TOML by the CLI
//! (`--config`) and from a plain object by the wasm API.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::rules::{Lint, RuleId, Severity};
use crate::text::normalize_word;

/// How much the checker shows.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Strictness {
    /// Every finding; a draft is called passive-aggressive from a combined score of 0.4.
    Strict,
    /// Every finding; the verdict at 0.5.
    #[default]
    Standard,
    /// Warnings and errors of the ten patterns only (no hints, no good-practice advice); the
    /// verdict at 0.6.
    Relaxed,
}

impl Strictness {
    /// The combined score from which a draft is called passive-aggressive.
    pub fn threshold(self) -> f32 {
        match self {
            Strictness::Strict => 0.4,
            Strictness::Standard => 0.5,
            Strictness::Relaxed => 0.6,
        }
    }
}

/// One finding the agent dismissed: the rule and the exact words it flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dismissal {
    /// The rule.
    pub rule: RuleId,
    /// The flagged text (compared case-insensitively, apostrophes folded).
    pub text: String,
}

/// Settings of the reply checker. Every field is optional; the default checks everything at
/// standard strictness.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckConfig {
    /// strict, standard or relaxed.
    pub strictness: Strictness,
    /// Rules turned off.
    pub disabled: Vec<RuleId>,
    /// Phrases never flagged: a finding whose text contains one (case-insensitively) is dropped.
    pub allow: Vec<String>,
    /// Single findings dismissed.
    pub dismissed: Vec<Dismissal>,
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(normalize_word)
        .collect::<Vec<_>>()
        .join(" ")
}

impl CheckConfig {
    /// Parse a JSON object (the wasm API's form); errors name the problem.
    pub fn from_json(json: &str) -> Result<CheckConfig> {
        serde_json::from_str(json).map_err(|e| Error::Config(e.to_string()))
    }

    /// Whether this finding is shown (and counts toward the verdict).
    pub fn keeps(&self, lint: &Lint) -> bool {
        if self.disabled.contains(&lint.rule) {
            return false;
        }
        let shown = match self.strictness {
            Strictness::Strict | Strictness::Standard => true,
            Strictness::Relaxed => {
                lint.severity >= Severity::Warning && lint.rule.counts_toward_verdict()
            }
        };
        if !shown {
            return false;
        }
        let text = fold(&lint.text);
        if !text.is_empty()
            && self
                .allow
                .iter()
                .map(|a| fold(a))
                .any(|a| !a.is_empty() && text.contains(&a))
        {
            return false;
        }
        !self
            .dismissed
            .iter()
            .any(|d| d.rule == lint.rule && fold(&d.text) == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn lint(rule: RuleId, severity: Severity, text: &str) -> Lint {
        Lint {
            rule,
            span: Span::new(0, text.len()),
            text: text.into(),
            severity,
            message: "m".into(),
            suggestion: None,
            source: "s".into(),
        }
    }

    #[test]
    fn strictness_levels() {
        let hint = lint(RuleId::Condescension, Severity::Hint, "simply");
        let warn = lint(
            RuleId::NonApology,
            Severity::Warning,
            "sorry for any inconvenience",
        );
        let err = lint(
            RuleId::NonApology,
            Severity::Error,
            "sorry that you are having",
        );
        let strict = CheckConfig {
            strictness: Strictness::Strict,
            ..Default::default()
        };
        let standard = CheckConfig::default();
        let relaxed = CheckConfig {
            strictness: Strictness::Relaxed,
            ..Default::default()
        };
        assert!(strict.keeps(&hint) && strict.keeps(&warn) && strict.keeps(&err));
        assert!(standard.keeps(&hint) && standard.keeps(&warn) && standard.keeps(&err));
        assert!(!relaxed.keeps(&hint) && relaxed.keeps(&warn) && relaxed.keeps(&err));
        assert!(Strictness::Strict.threshold() < Strictness::Relaxed.threshold());
    }

    #[test]
    fn disabled_allowed_and_dismissed() {
        let l = lint(
            RuleId::Condescension,
            Severity::Error,
            "As I already explained",
        );
        let off = CheckConfig {
            disabled: vec![RuleId::Condescension],
            ..Default::default()
        };
        assert!(!off.keeps(&l));
        let allow = CheckConfig {
            allow: vec!["as i ALREADY explained".into()],
            ..Default::default()
        };
        assert!(!allow.keeps(&l));
        let dismissed = CheckConfig {
            dismissed: vec![Dismissal {
                rule: RuleId::Condescension,
                text: "as I already  explained".into(),
            }],
            ..Default::default()
        };
        assert!(!dismissed.keeps(&l));
        let other = CheckConfig {
            dismissed: vec![Dismissal {
                rule: RuleId::NonApology,
                text: "As I already explained".into(),
            }],
            ..Default::default()
        };
        assert!(other.keeps(&l), "a dismissal is for one rule");
    }

    #[test]
    fn json_errors_name_the_problem() {
        let e = CheckConfig::from_json(r#"{"disabled": ["no_such_rule"]}"#).unwrap_err();
        assert!(e.to_string().contains("no_such_rule"), "{e}");
        let e = CheckConfig::from_json(r#"{"strictnes": "strict"}"#).unwrap_err();
        assert!(e.to_string().contains("strictnes"), "{e}");
        let c = CheckConfig::from_json(r#"{"strictness": "relaxed", "allow": ["per our policy"]}"#)
            .unwrap();
        assert_eq!(c.strictness, Strictness::Relaxed);
    }
}
