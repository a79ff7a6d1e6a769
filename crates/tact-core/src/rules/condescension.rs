//! condescension: talking down to the customer ("as I already explained", "per my last
//! email", "obviously", "simply", "I'm sure you understand").
//!
//! Seed 003, "Avoid being passive-aggressive": language that comes off "as demeaning or
//! dismissive"; seed 002: avoid "failing to empathize with the customer's perception".

use super::{compile, phrase_lints, Draft, Lint, Pattern, Phrase, Rule, RuleId, Severity, Word};

const SOURCE: &str =
    "seed 003 \"Avoid being passive-aggressive\" (demeaning or dismissive language)";

static PHRASES: &[Phrase] = &[
    Phrase {
        pattern: "as i|we have? already|previously? ~explain|~state|~mention|~said|told|~note",
        severity: Severity::Error,
        message: "Reminds the customer they were already told: it reads as \"you didn't listen\". Just give the answer again.",
        suggestion: Some("To recap"),
    },
    Phrase {
        pattern: "per|as|see my|our last|previous|earlier email|message|reply|response|note|mail",
        severity: Severity::Error,
        message: "\"Per my last email\" is read as a rebuke. Restate the point plainly.",
        suggestion: Some("To recap"),
    },
    Phrase {
        pattern: "as clearly|explicitly ~state|~explain|~mention|~outline|~note|~say|~written",
        severity: Severity::Error,
        message: "\"As clearly stated\" implies the customer should have known. Explain it without the reproach.",
        suggestion: Some("As our policy says"),
    },
    Phrase {
        pattern: "i am sure you|you'll can? ~understand|~appreciate|~agree",
        severity: Severity::Warning,
        message: "\"I'm sure you understand\" presumes agreement and closes the conversation. Explain, then ask.",
        suggestion: Some("I hope this helps explain"),
    },
    Phrase {
        pattern: "if you had ~read|~check|~look|~follow",
        severity: Severity::Error,
        message: "Blames the customer for not reading; point to the information instead.",
        suggestion: Some("You can find this"),
    },
    Phrase {
        pattern: "obviously|clearly",
        severity: Severity::Warning,
        message: "\"Obviously\" tells the customer they missed something plain. Drop it.",
        suggestion: Some(""),
    },
    Phrase {
        pattern: "simply|just ~need|have to|~go|~click|~restart|~read|~follow|~check|~log",
        severity: Severity::Hint,
        message: "\"Simply\" makes the customer's trouble sound trivial; it wasn't simple for them.",
        suggestion: None,
    },
];

/// The condescension rule.
#[derive(Debug)]
pub struct Condescension {
    phrases: Vec<(Pattern, &'static Phrase)>,
}

impl Default for Condescension {
    fn default() -> Self {
        Condescension {
            phrases: compile(PHRASES),
        }
    }
}

/// "Obviously this should never have happened" and "as I mentioned on the phone, your refund
/// is on its way" use the words without the reproach: an apology or good news in the same
/// sentence, or "obviously/clearly" about the company's own fault.
fn innocent(words: &[Word], m: (usize, usize)) -> bool {
    let has = |w: &str| words.iter().any(|x| x.norm == w || x.stem == w);
    let first = words[m.0].norm.as_str();
    if matches!(first, "obviously" | "clearly") {
        let after: Vec<&str> = words[m.1 + 1..]
            .iter()
            .take(5)
            .map(|w| w.norm.as_str())
            .collect();
        let own_fault = after
            .iter()
            .any(|w| matches!(*w, "we" | "our" | "i" | "this" | "that" | "it"))
            && (has("sorri")
                || has("should")
                || has("mistak")
                || has("fault")
                || has("wrong")
                || has("not"));
        return own_fault || has("sorri") || has("apolog");
    }
    if first == "simply" {
        // "Simply reply here and I'll handle it": an offer, not a verdict.
        return words[m.1 + 1..]
            .iter()
            .take(6)
            .any(|w| matches!(w.norm.as_str(), "i" | "we"))
            || words.get(m.0 + 1).is_some_and(|w| {
                matches!(w.norm.as_str(), "reply" | "call" | "write" | "send" | "let")
            });
    }
    if matches!(first, "as") && words[m.0..=m.1].iter().any(|w| w.stem == "mention") {
        // "As I mentioned on the phone, your refund is on its way": good news follows.
        return has("refund")
            || has("on") && has("way")
            || has("sorri")
            || has("good")
            || has("arriv");
    }
    false
}

impl Rule for Condescension {
    fn id(&self) -> RuleId {
        RuleId::Condescension
    }

    fn description(&self) -> &'static str {
        "Talks down to the customer (\"as I already explained\", \"per my last email\", \"obviously\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let mut lints = phrase_lints(draft, self.id(), SOURCE, &self.phrases, innocent);
        // A deleted "obviously" should take one following space with it.
        let text = draft.text();
        for l in &mut lints {
            if l.suggestion.as_deref() == Some("") && text[l.span.end..].starts_with(' ') {
                l.span.end += 1;
                l.text.push(' ');
            }
        }
        lints
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_reminders() {
        let r = Condescension::default();
        assert_flags(
            &r,
            "As I already explained, the refund takes 5 days.",
            "As I already explained",
            Some("To recap, the refund takes 5 days."),
        );
        assert_flags(
            &r,
            "Per my last email, you need a receipt.",
            "Per my last email",
            Some("To recap, you need a receipt."),
        );
        assert_flags(
            &r,
            "As clearly stated in our terms, fees apply.",
            "As clearly stated",
            None,
        );
        assert_flags(
            &r,
            "I'm sure you understand our position.",
            "I'm sure you understand",
            None,
        );
    }

    #[test]
    fn flags_obviously() {
        let r = Condescension::default();
        assert_flags(
            &r,
            "The app obviously needs an update.",
            "obviously ",
            Some("The app needs an update."),
        );
    }

    #[test]
    fn quiet_on_innocent_uses() {
        let r = Condescension::default();
        assert_quiet(
            &r,
            "Obviously this should never have happened, and I'm sorry.",
        );
        assert_quiet(
            &r,
            "As I mentioned on the phone, your refund is on its way.",
        );
        assert_quiet(&r, "Simply reply here and I'll handle it.");
        assert_quiet(
            &r,
            "I explained the fee to my manager and she has waived it.",
        );
        assert_quiet(&r, "Thanks for your last email.");
    }
}
