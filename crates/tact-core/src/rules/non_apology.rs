//! non_apology: apologising for the customer's feelings or for "any inconvenience" instead of
//! for the mistake.
//!
//! Seed 003, "Avoid being passive-aggressive": "Hearing the phrase, 'We're sorry that you are
//! having this problem,' is pretty infuriating from the customer's viewpoint. [...] Just say
//! you're sorry." Seed 004 allows "I'm sorry you feel that way" where a full apology is
//! legally unwise, so that shape is reported at a milder severity, with the reason.

use super::{compile, phrase_lints, Draft, Lint, Pattern, Phrase, Rule, RuleId, Severity};

const SOURCE: &str =
    "seed 003 \"Avoid being passive-aggressive\"; seed 004 on \"I'm sorry you feel that way\"";

static PHRASES: &[Phrase] = &[
    Phrase {
        pattern: "sorry that|if? you are|were|have? been? having|experiencing|facing|encountering",
        severity: Severity::Error,
        message: "Apologises for the customer having a problem, not for the problem: the guides call this infuriating. Just say you're sorry.",
        suggestion: Some("sorry about"),
    },
    Phrase {
        pattern: "sorry|~apologize|~apology for any *1 ~inconvenience this|that|it? may|might|could? have? ~cause?",
        severity: Severity::Warning,
        message: "\"Any inconvenience\" hedges the apology as if nothing may have gone wrong; name what went wrong and own it.",
        suggestion: Some("sorry for the trouble this caused"),
    },
    Phrase {
        pattern: "sorry if you *2 feel|felt|were|are|found|got ~upset|~offend|~confuse|~frustrate|~disappoint|~annoy|that|this|it",
        severity: Severity::Error,
        message: "\"Sorry if you ...\" doubts that anything went wrong and puts it on the customer's reaction.",
        suggestion: Some("sorry about this"),
    },
    Phrase {
        pattern: "~apologize|~apology if you *2 feel|felt|were|are|found|got ~upset|~offend|~confuse|~frustrate|~disappoint|~annoy|that|this|it",
        severity: Severity::Error,
        message: "\"We apologise if you ...\" doubts that anything went wrong and puts it on the customer's reaction.",
        suggestion: Some("apologise for this"),
    },
    Phrase {
        pattern: "sorry|~apologize|~apology|~regret for|about? any *1 ~frustration|~confusion|~disturbance|~disappointment|~distress|~upset|~annoyance|~stress|~worry|~concern",
        severity: Severity::Warning,
        message: "\"Any frustration\" apologises for a feeling the customer may or may not have, not for what went wrong. Name the mistake and own it.",
        suggestion: Some("sorry for the trouble this caused"),
    },
    Phrase {
        pattern: "sorry|~apologize that? you have? been|are|were|feel|felt|got ~disappoint|~unhappy|~upset|~frustrate|~dissatisfi|~annoy",
        severity: Severity::Error,
        message: "Apologises for the customer's disappointment, not for what caused it. Say what went wrong and that you're sorry for it.",
        suggestion: Some("sorry about this"),
    },
    Phrase {
        pattern: "sorry|~apologize to hear|learn|see that? you are|were|feel|felt *1 ~disappoint|~unhappy|~upset|~frustrate|~dissatisfi|~annoy",
        severity: Severity::Warning,
        message: "\"Sorry to hear you're unhappy\" is sympathy for a feeling, not an apology for the mistake. Own what happened.",
        suggestion: Some("sorry about this"),
    },
    Phrase {
        pattern: "sorry|~apologize that? this|it has? been|was|is a|an *1 ~frustrate|~disappoint|~upset|~annoy|~stress|~difficult|~unpleasant experience|time",
        severity: Severity::Warning,
        message: "Apologises for how the experience felt rather than for what went wrong. Name the mistake and own it.",
        suggestion: Some("sorry about this"),
    },
    Phrase {
        pattern: "sorry|~apologize if your|the|this *4 not|n't",
        severity: Severity::Error,
        message: "\"We apologise if your stay was not ...\" doubts that anything went wrong. Say what went wrong and that you're sorry.",
        suggestion: None,
    },
    Phrase {
        pattern: "sorry that? you feel|felt that|this|like way|that?",
        severity: Severity::Warning,
        message: "\"Sorry you feel that way\" apologises for the customer's feelings, not the mistake. Seed 004 accepts it only where a full apology is legally unwise; otherwise apologise for what happened.",
        suggestion: Some("sorry about this"),
    },
    Phrase {
        pattern: "sorry that? you feel|felt",
        severity: Severity::Warning,
        message: "\"Sorry you feel ...\" apologises for the customer's view of it, not for what went wrong. Seed 004 accepts it only where a full apology is legally unwise; otherwise apologise for what happened.",
        suggestion: None,
    },
];

/// The non-apology rule.
#[derive(Debug)]
pub struct NonApology {
    phrases: Vec<(Pattern, &'static Phrase)>,
}

impl Default for NonApology {
    fn default() -> Self {
        NonApology {
            phrases: compile(PHRASES),
        }
    }
}

impl Rule for NonApology {
    fn id(&self) -> RuleId {
        RuleId::NonApology
    }

    fn description(&self) -> &'static str {
        "Apologises for the customer's feelings or for \"any inconvenience\" rather than for the mistake."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        phrase_lints(draft, self.id(), SOURCE, &self.phrases, |_, _| false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_the_seed_phrase() {
        let r = NonApology::default();
        assert_flags(
            &r,
            "We're sorry that you are having this problem.",
            "sorry that you are having",
            Some("We're sorry about this problem."),
        );
        assert_flags(
            &r,
            "We\u{2019}re SORRY you\u{2019}re experiencing issues",
            "SORRY you\u{2019}re experiencing",
            None,
        );
    }

    #[test]
    fn flags_any_inconvenience() {
        let r = NonApology::default();
        assert_flags(
            &r,
            "Sorry for any inconvenience this may have caused!",
            "Sorry for any inconvenience this may have caused",
            None,
        );
        assert_flags(
            &r,
            "We apologise for any inconvenience.",
            "apologise for any inconvenience",
            None,
        );
    }

    #[test]
    fn flags_feelings_apologies() {
        let r = NonApology::default();
        assert_flags(
            &r,
            "I'm sorry you feel that way.",
            "sorry you feel that way",
            Some("I'm sorry about this."),
        );
        assert_flags(
            &r,
            "We apologize if you were upset by the email.",
            "apologize if you were upset",
            None,
        );
        let l = crate::rules::test_util::lints(&r, "I'm sorry you feel that way.");
        assert_eq!(
            l[0].severity,
            Severity::Warning,
            "seed 004 makes this one milder"
        );
    }

    #[test]
    fn quiet_on_real_apologies() {
        let r = NonApology::default();
        assert_quiet(&r, "I'm sorry about that.");
        assert_quiet(&r, "I'm sorry you had to chase us for this.");
        assert_quiet(&r, "Sorry for the delay with your refund, it's on its way.");
        assert_quiet(&r, "We're sorry we charged you twice.");
        assert_quiet(&r, "I'm so sorry. You were right to be upset.");
    }
}
