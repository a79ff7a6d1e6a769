//! leading_negative_question: "Is there anything else wrong?" invites more complaint; ask
//! "How else can I help you today?".
//!
//! Seed 003, "Handling customer complaints … investigate with supportive questioning":
//! "Asking a customer who just complained a leading, negative question such as #1 will lead
//! to nothing good."

use super::{compile, phrase_lints, Draft, Lint, Pattern, Phrase, Rule, RuleId, Severity};

const SOURCE: &str = "seed 003 \"investigate with supportive questioning\"";

static PHRASES: &[Phrase] = &[
    Phrase {
        pattern: "is|are there anything|any other? else? ~wrong|~problem|~issu|~complaint|broken",
        severity: Severity::Warning,
        message: "A leading, negative question invites more complaint. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
    Phrase {
        pattern: "anything|something else *2 ~go|~be? wrong|broken",
        severity: Severity::Warning,
        message: "Asking what else went wrong invites more complaint. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
    Phrase {
        pattern: "is|was|are|were there some|something|anything|any other|else? *6 ~unhappy|~dissatisfi|~wrong|~problem|~issu|~complaint|broken|~disput|~fault",
        severity: Severity::Warning,
        message: "Asking what else the customer is unhappy with invites more complaint. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
    Phrase {
        pattern: "what else is|was|are|were ~wrong|broken|~fault|not|n't",
        severity: Severity::Warning,
        message: "\"What else is wrong?\" invites more complaint. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
    Phrase {
        pattern: "anything|something else not|n't ~work|right",
        severity: Severity::Warning,
        message: "Asking what else isn't working invites more complaint. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
    Phrase {
        pattern: "any other|more ~complaint|~problem|~issu",
        severity: Severity::Warning,
        message: "\"Any other complaints?\" invites more complaint and sounds weary. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
    Phrase {
        pattern: "any|anything other|else you *3 ~complain",
        severity: Severity::Error,
        message: "Asking what else they want to complain about reads as sarcasm. Ask how else you can help.",
        suggestion: Some("How else can I help you today"),
    },
];

/// The leading-negative-question rule.
#[derive(Debug)]
pub struct LeadingNegativeQuestion {
    phrases: Vec<(Pattern, &'static Phrase)>,
}

impl Default for LeadingNegativeQuestion {
    fn default() -> Self {
        LeadingNegativeQuestion {
            phrases: compile(PHRASES),
        }
    }
}

impl Rule for LeadingNegativeQuestion {
    fn id(&self) -> RuleId {
        RuleId::LeadingNegativeQuestion
    }

    fn description(&self) -> &'static str {
        "\"Is there anything else wrong?\" instead of \"How else can I help you today?\"."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        // Only questions: the sentence must end with "?".
        let text = draft.text();
        let mut lints = phrase_lints(draft, self.id(), SOURCE, &self.phrases, |_, _| false);
        lints.retain(|l| {
            draft
                .doc
                .sentences()
                .iter()
                .find(|s| s.start <= l.span.start && l.span.end <= s.end)
                .is_some_and(|s| {
                    // Zero-width characters after the "?" (pasted from rich text) don't count.
                    s.slice(text)
                        .trim_end_matches(|c: char| {
                            c.is_whitespace()
                                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
                        })
                        .ends_with('?')
                })
        });
        lints
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn a_zero_width_character_after_the_question_mark_changes_nothing() {
        let r = LeadingNegativeQuestion::default();
        for tail in ["\u{200b}", "\u{feff}", " \u{200d} "] {
            let text = format!("Is there anything else wrong?{tail}");
            let lints = r.check(&Draft::new(&text));
            assert_eq!(lints.len(), 1, "{text:?}: {lints:?}");
        }
    }

    #[test]
    fn flags_the_seed_question() {
        let r = LeadingNegativeQuestion::default();
        assert_flags(
            &r,
            "Is there anything else wrong?",
            "Is there anything else wrong",
            Some("How else can I help you today?"),
        );
        assert_flags(
            &r,
            "Done. Are there any other problems?",
            "Are there any other problems",
            None,
        );
        assert_flags(
            &r,
            "Anything else you'd like to complain about?",
            "Anything else you'd like to complain",
            None,
        );
    }

    #[test]
    fn quiet_on_supportive_questions_and_statements() {
        let r = LeadingNegativeQuestion::default();
        assert_quiet(&r, "How else can I help you today?");
        assert_quiet(
            &r,
            "There isn't anything else wrong with the router, I checked.",
        );
        assert_quiet(&r, "Is there anything else I can do for you?");
    }
}
