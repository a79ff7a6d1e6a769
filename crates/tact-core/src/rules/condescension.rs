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
        pattern: "as it|the|your|our *4 ~make|~say|~state|~show *2 clear|clearly|plain|plainly",
        severity: Severity::Error,
        message: "\"As the page makes clear\" implies the customer should have known. Explain it without the reproach.",
        suggestion: None,
    },
    Phrase {
        pattern: "as you will|would ~find|~see|~know if you",
        severity: Severity::Error,
        message: "\"As you'll see if you read ...\" blames the customer for not reading; point to the information instead.",
        suggestion: None,
    },
    Phrase {
        pattern: "you would have ~see|~know|~notic|~find|~spot|~read",
        severity: Severity::Error,
        message: "\"You'd have seen it\" blames the customer for missing it; just give the information.",
        suggestion: None,
    },
    Phrase {
        pattern: "to reiterate",
        severity: Severity::Warning,
        message: "\"To reiterate\" says \"I've told you already\". Just restate it.",
        suggestion: Some("To recap"),
    },
    Phrase {
        pattern: "i will|am going? to? try to? keep|make|put *2 simple|simpler|~simply|basic",
        severity: Severity::Error,
        message: "Promising to keep it simple implies the customer can't follow. Explain plainly without saying so.",
        suggestion: None,
    },
    Phrase {
        pattern: "as simply|slowly|clearly as i|we can|could",
        severity: Severity::Error,
        message: "\"As simply as I can\" implies the customer can't follow. Explain plainly without saying so.",
        suggestion: None,
    },
    Phrase {
        pattern: "nice and slowly|slow",
        severity: Severity::Error,
        message: "Talking about going slowly treats the customer as slow. Just walk them through it.",
        suggestion: None,
    },
    Phrase {
        pattern: "so|that you have|know it|this|that? for next time|future reference",
        severity: Severity::Warning,
        message: "\"So you have it for next time\" lectures the customer. Give the information without the lesson.",
        suggestion: None,
    },
    Phrase {
        pattern: "next time before|please",
        severity: Severity::Warning,
        message: "Telling the customer what to do \"next time\" lectures them. Help with this time.",
        suggestion: None,
    },
    Phrase {
        pattern: "hopefully it|this ~stick",
        severity: Severity::Error,
        message: "\"Hopefully it sticks this time\" mocks the customer. Just give the answer.",
        suggestion: None,
    },
    Phrase {
        pattern: "i am sure you can|will ~see why",
        severity: Severity::Warning,
        message: "\"I'm sure you can see why\" presumes agreement and closes the conversation. Explain, then ask.",
        suggestion: None,
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
    // "twice as long as we told you": a comparison, not a reminder.
    if first == "as"
        && m.0 > 0
        && matches!(
            words[m.0 - 1].norm.as_str(),
            "long"
                | "much"
                | "soon"
                | "many"
                | "far"
                | "quick"
                | "quickly"
                | "early"
                | "late"
                | "fast"
        )
    {
        return true;
    }
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
        // "... obviously isn't acceptable": the agent agrees with the customer.
        let agrees = after.contains(&"not")
            && after.iter().any(|w| {
                matches!(
                    *w,
                    "acceptable" | "right" | "ok" | "okay" | "good" | "fair" | "enough"
                )
            });
        return own_fault || agrees || has("sorri") || has("apolog");
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
    if matches!(first, "as")
        && words[m.0..=m.1]
            .iter()
            .any(|w| matches!(w.stem.as_str(), "mention" | "said" | "told"))
        && !words[m.0..=m.1]
            .iter()
            .any(|w| matches!(w.norm.as_str(), "already" | "previously"))
    {
        // "As I mentioned on the phone, your refund is on its way": good news follows.
        return has("refund")
            || has("on") && has("way")
            || has("confirm")
            || has("rais")
            || has("resubmit")
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
        // In a reply that apologises plainly, "obviously"/"clearly" sides with the customer
        // ("a non-fault claim obviously shouldn't push your premium up") and "as I mentioned on
        // Tuesday" recalls a conversation rather than scolding; "already"/"previously" still do.
        if !lints.is_empty()
            && draft
                .sentences
                .iter()
                .any(|s| super::words::real_apology(s))
        {
            lints.retain(|l| {
                let t = l.text.to_lowercase();
                let t = t.trim();
                let soft_word = t == "obviously" || t == "clearly";
                let recall = (t.starts_with("as i ") || t.starts_with("as we "))
                    && !t.contains("already")
                    && !t.contains("previously");
                !(soft_word || recall)
            });
        }
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
        // An apology elsewhere does not excuse "already".
        assert_flags(
            &r,
            "Sorry for the wait. As I already explained, the refund takes 5 days.",
            "As I already explained",
            None,
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
            "You're right to be annoyed. A non-fault claim obviously shouldn't raise your premium, and I'm sorry it did.",
        );
        assert_quiet(
            &r,
            "Sorry for the delay, Aiden. As I mentioned on Monday, the certificate needed a sign-off; that's done now.",
        );
        assert_quiet(
            &r,
            "I explained the fee to my manager and she has waived it.",
        );
        assert_quiet(&r, "Thanks for your last email.");
    }
}
