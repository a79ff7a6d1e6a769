//! missing_apology: a reply of 20 or more words to a complaint that never says sorry.
//!
//! Seed 004: "I'm sorry about that" — apologise plainly, without blame. Seed 003 ("Avoid being
//! passive-aggressive"): "Just say you're sorry." A hint, never part of the verdict. Quiet on
//! short chat replies, on drafts that already apologise ("sorry", "apologise", "my/our
//! mistake", "I regret"), and when the complaint is known to be of low urgency (a feature
//! request or a question needs no apology).

use super::{Draft, Lint, Pattern, Rule, RuleId, Severity};
use crate::report::UrgencyLevel;
use crate::span::Span;

const SOURCE: &str = "seed 004 \"I'm sorry about that\"; seed 003 \"Avoid being passive-aggressive\": \"Just say you're sorry\"";

/// Replies shorter than this are chat lines; the hint stays quiet on them.
const MIN_WORDS: usize = 20;

/// Plain apologies.
static APOLOGIES: &[&str] = &[
    "sorry",
    "~apologize",
    "~apologise",
    "~apology",
    "apologies",
    "my|our mistake|fault|error|bad",
    "i|we ~regret",
];

/// The missing-apology rule.
#[derive(Debug)]
pub struct MissingApology {
    apologies: Vec<Pattern>,
}

impl Default for MissingApology {
    fn default() -> Self {
        MissingApology {
            apologies: APOLOGIES.iter().map(|p| Pattern::new(p)).collect(),
        }
    }
}

impl Rule for MissingApology {
    fn id(&self) -> RuleId {
        RuleId::MissingApology
    }

    fn description(&self) -> &'static str {
        "A longer reply to a complaint that never plainly apologises (\"I'm sorry about that\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        if draft.doc.word_count() < MIN_WORDS {
            return Vec::new();
        }
        if draft
            .complaint
            .is_some_and(|c| c.urgency == UrgencyLevel::Low)
        {
            return Vec::new();
        }
        let apologises = draft
            .sentences
            .iter()
            .any(|ws| self.apologies.iter().any(|p| !p.find_all(ws).is_empty()));
        if apologises {
            return Vec::new();
        }
        vec![Lint {
            rule: self.id(),
            span: Span::new(0, 0),
            text: String::new(),
            severity: Severity::Hint,
            message: "No apology: the customer has a complaint. Say sorry plainly, without blame, e.g. \"I'm sorry about that.\"".to_string(),
            suggestion: Some("I'm sorry about that. ".to_string()),
            source: SOURCE.to_string(),
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::PersonaLabel;
    use crate::rules::test_util::{assert_flags, assert_quiet, lints};
    use crate::rules::ComplaintContext;

    const NO_APOLOGY: &str = "Your order left our warehouse yesterday and the courier says it will reach you on Friday. I've added the tracking link to your account so you can follow it.";

    #[test]
    fn flags_a_long_reply_without_apology() {
        let r = MissingApology::default();
        let fixed = format!("I'm sorry about that. {NO_APOLOGY}");
        assert_flags(&r, NO_APOLOGY, "", Some(&fixed));
        let l = lints(&r, NO_APOLOGY);
        assert_eq!((l[0].span.start, l[0].span.end), (0, 0));
        assert_eq!(l[0].severity, Severity::Hint);
        assert!(!RuleId::MissingApology.counts_toward_verdict());
        let urgent = ComplaintContext {
            persona: PersonaLabel::Moderate,
            urgency: UrgencyLevel::High,
        };
        assert_eq!(
            r.check(&Draft::with_complaint(NO_APOLOGY, Some(urgent)))
                .len(),
            1
        );
    }

    #[test]
    fn quiet_when_it_apologises() {
        let r = MissingApology::default();
        assert_quiet(&r, &format!("I'm so sorry. {NO_APOLOGY}"));
        assert_quiet(&r, &format!("We apologise for the mix-up. {NO_APOLOGY}"));
        assert_quiet(&r, &format!("That was our mistake. {NO_APOLOGY}"));
        assert_quiet(&r, &format!("I regret the delay. {NO_APOLOGY}"));
        assert_quiet(&r, &format!("My apologies! {NO_APOLOGY}"));
    }

    #[test]
    fn quiet_on_short_replies_and_low_urgency() {
        let r = MissingApology::default();
        assert_quiet(&r, "Thanks, done! How else can I help you today?");
        assert_quiet(&r, "");
        assert_quiet(&r, "🙂🙂🙂");
        let low = ComplaintContext {
            persona: PersonaLabel::Moderate,
            urgency: UrgencyLevel::Low,
        };
        assert!(r
            .check(&Draft::with_complaint(NO_APOLOGY, Some(low)))
            .is_empty());
    }
}
