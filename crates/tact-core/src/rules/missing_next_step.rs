//! missing_next_step: a reply of 20 or more words that gives no concrete next step: nothing
//! done ("I've refunded ...") and no when ("today", "by Friday", "within 24 hours").
//!
//! Seed 002: give the customer a realistic sense of how and by what date the problem will be
//! solved, and follow up. A hint, never part of the verdict, with no suggestion: there is no
//! generic next step to insert. Quiet on short chat replies.

use super::{Draft, Lint, Pattern, Rule, RuleId, Severity};
use crate::span::Span;

const SOURCE: &str =
    "seed 002: give a realistic sense of how and by what date it will be solved, and follow up";

/// Replies shorter than this are chat lines; the hint stays quiet on them.
const MIN_WORDS: usize = 20;

/// A when, or an action already taken.
static NEXT_STEPS: &[&str] = &[
    "today|tonight|tomorrow|yesterday",
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "january|february|march|april|june|july|august|september|october|november|december",
    "this morning|afternoon|evening|week|weekend",
    "next week|month|weekend|morning",
    "within|in *2 minute|minutes|hour|hours|day|days|week|weeks",
    "by the? end|noon|midday|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "end of day|today|the week|the day",
    "right|just now",
    "straight away",
    "immediately",
    "i|we have just|already|now? ~refund|sent|~fix|~book|~reset|~cancel|~credit|~replace|~ship|~issue|~escalate|~arrange|~process|~update|~correct|~restore|~reactivate|~unlock|~apply|~add|~remove|~resend|~reship|~schedule|~order|~change|~upgrade|~extend|~waive|~reverse",
];

/// The missing-next-step rule.
#[derive(Debug)]
pub struct MissingNextStep {
    cues: Vec<Pattern>,
}

impl Default for MissingNextStep {
    fn default() -> Self {
        MissingNextStep {
            cues: NEXT_STEPS.iter().map(|p| Pattern::new(p)).collect(),
        }
    }
}

impl Rule for MissingNextStep {
    fn id(&self) -> RuleId {
        RuleId::MissingNextStep
    }

    fn description(&self) -> &'static str {
        "A longer reply with no concrete next step: who does what, by when (\"I've refunded ...\", \"by Friday\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        if draft.doc.word_count() < MIN_WORDS {
            return Vec::new();
        }
        let has_step = draft
            .sentences
            .iter()
            .any(|ws| self.cues.iter().any(|p| !p.find_all(ws).is_empty()));
        if has_step {
            return Vec::new();
        }
        let end = draft.text().len();
        vec![Lint {
            rule: self.id(),
            span: Span::new(end, end),
            text: String::new(),
            severity: Severity::Hint,
            message: "No concrete next step: say who does what by when (\"I've refunded it today\", \"I'll call you by Friday\").".to_string(),
            suggestion: None,
            source: SOURCE.to_string(),
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet, lints};

    const VAGUE: &str = "I'm sorry about the trouble with your order. We are looking into it and someone from the team will be in touch about it. Thank you for your patience.";

    #[test]
    fn flags_a_reply_without_a_step() {
        let r = MissingNextStep::default();
        assert_flags(&r, VAGUE, "", None);
        let l = lints(&r, VAGUE);
        assert_eq!((l[0].span.start, l[0].span.end), (VAGUE.len(), VAGUE.len()));
        assert_eq!(l[0].severity, Severity::Hint);
        assert!(!RuleId::MissingNextStep.counts_toward_verdict());
        let emoji = format!("{VAGUE} 🙏");
        let l = lints(&r, &emoji);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].span.start, emoji.len());
    }

    #[test]
    fn quiet_with_a_when_or_a_done_action() {
        let r = MissingNextStep::default();
        assert_quiet(&r, &VAGUE.replace("about it.", "by Friday."));
        assert_quiet(&r, &VAGUE.replace("about it.", "within 24 hours."));
        assert_quiet(&r, &VAGUE.replace("about it.", "this afternoon."));
        assert_quiet(&r, &VAGUE.replace("about it.", "on Monday."));
        assert_quiet(&r, &VAGUE.replace("about it.", "tomorrow."));
        assert_quiet(&r, &format!("I've refunded the $12. {VAGUE}"));
        assert_quiet(&r, &format!("We have already sent a new one. {VAGUE}"));
        assert_quiet(&r, &format!("I've reset your password. {VAGUE}"));
    }

    #[test]
    fn quiet_on_short_replies() {
        let r = MissingNextStep::default();
        assert_quiet(&r, "I'm sorry about that. How else can I help you today?");
        assert_quiet(&r, "We're looking into it.");
        assert_quiet(&r, "");
    }
}
