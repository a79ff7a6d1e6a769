//! corporate_stiffness: talking like a "corporate stiff" ("correspondence", "we regret to
//! inform you", "please be advised").
//!
//! Seed 003, "Drop all formalities": "refer to your 'chat' with a customer rather than your
//! 'correspondence' with them, and speak as if you were talking with an acquaintance."

use super::{compile, phrase_lints, Draft, Lint, Pattern, Phrase, Rule, RuleId, Severity};

const SOURCE: &str = "seed 003 \"Drop all formalities\"";

static PHRASES: &[Phrase] = &[
    Phrase {
        pattern: "we|i regret to ~inform|~advise you that?",
        severity: Severity::Warning,
        message: "Formal bad-news wording sounds like a form letter. Say it plainly and say sorry.",
        suggestion: Some("I'm sorry, but"),
    },
    Phrase {
        pattern: "please|kindly be ~advise|~inform|~note that?",
        severity: Severity::Warning,
        message: "\"Please be advised\" is corporate-speak; just say it.",
        suggestion: Some(""),
    },
    Phrase {
        pattern: "kindly note that?",
        severity: Severity::Hint,
        message: "\"Kindly note\" is stiff; just say it.",
        suggestion: Some(""),
    },
    Phrase {
        pattern: "we|i ~acknowledge receipt of your?",
        severity: Severity::Warning,
        message: "\"We acknowledge receipt\" is form-letter language. Thank them for writing.",
        suggestion: Some("Thanks for your"),
    },
    Phrase {
        pattern: "~correspondence",
        severity: Severity::Hint,
        message: "\"Correspondence\" is formal; the guides suggest \"chat\" or \"message\".",
        suggestion: Some("message"),
    },
    Phrase {
        pattern: "pursuant to|herewith|aforementioned|hereby",
        severity: Severity::Hint,
        message: "Legal-sounding words put distance between you and the customer.",
        suggestion: None,
    },
];

/// The corporate-stiffness rule.
#[derive(Debug)]
pub struct CorporateStiffness {
    phrases: Vec<(Pattern, &'static Phrase)>,
}

impl Default for CorporateStiffness {
    fn default() -> Self {
        CorporateStiffness {
            phrases: compile(PHRASES),
        }
    }
}

impl Rule for CorporateStiffness {
    fn id(&self) -> RuleId {
        RuleId::CorporateStiffness
    }

    fn description(&self) -> &'static str {
        "Formal, stiff wording (\"correspondence\", \"we regret to inform you\", \"please be advised\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let text = draft.text();
        let mut lints = phrase_lints(draft, self.id(), SOURCE, &self.phrases, |_, _| false);
        for l in &mut lints {
            // Deleting a lead-in takes its comma/space with it and capitalises what follows.
            if l.suggestion.as_deref() == Some("") {
                let rest = &text[l.span.end..];
                let skip = rest.len() - rest.trim_start_matches([',', ' ', ':']).len();
                l.span.end += skip;
                l.text = l.span.slice(text).to_string();
                let next = text[l.span.end..].chars().next();
                if l.span.start == 0 || text[..l.span.start].trim_end().ends_with(['.', '!', '?']) {
                    if let Some(c) = next.filter(|c| c.is_lowercase()) {
                        l.span.end += c.len_utf8();
                        l.text = l.span.slice(text).to_string();
                        l.suggestion = Some(c.to_uppercase().collect());
                    }
                }
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
    fn flags_stiff_wording() {
        let r = CorporateStiffness::default();
        assert_flags(
            &r,
            "We regret to inform you that the item is gone.",
            "We regret to inform you that",
            Some("I'm sorry, but the item is gone."),
        );
        assert_flags(
            &r,
            "Please be advised that fees apply.",
            "Please be advised that f",
            Some("Fees apply."),
        );
        assert_flags(
            &r,
            "Thank you for your correspondence.",
            "correspondence",
            Some("Thank you for your message."),
        );
        assert_flags(
            &r,
            "We acknowledge receipt of your complaint.",
            "We acknowledge receipt of your",
            None,
        );
    }

    #[test]
    fn quiet_on_plain_wording() {
        let r = CorporateStiffness::default();
        assert_quiet(&r, "Thanks for your message.");
        assert_quiet(&r, "I regret that we got this wrong, and I'm sorry.");
        assert_quiet(&r, "Please note your new ticket number: 4471.");
    }
}
