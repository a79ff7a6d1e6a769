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
    // One alternative per element: "pursuant to|herewith" would read as "pursuant" followed by
    // "to" or "herewith", so each legal-sounding word has its own phrase.
    Phrase {
        pattern: "pursuant to",
        severity: Severity::Hint,
        message: "Legal-sounding words put distance between you and the customer.",
        suggestion: None,
    },
    Phrase {
        pattern: "herewith|hereby|aforementioned|aforesaid|heretofore|foregoing",
        severity: Severity::Hint,
        message: "Legal-sounding words put distance between you and the customer.",
        suggestion: None,
    },
    Phrase {
        pattern: "we|i write|am|are writing? to ~advise|~inform|~notify you? that?",
        severity: Severity::Warning,
        message: "\"We write to advise\" is form-letter language. Start with what you have to say.",
        suggestion: Some(""),
    },
    Phrase {
        pattern: "we|i would ~advise that",
        severity: Severity::Hint,
        message: "\"We would advise that\" is stiff; just say it.",
        suggestion: Some(""),
    },
    Phrase {
        pattern: "it should|must|is be? ~note that",
        severity: Severity::Hint,
        message: "\"It should be noted that\" is stiff and impersonal; just say it.",
        suggestion: Some(""),
    },
    Phrase {
        pattern: "we|i trust this|that|the *1 ~clarifi|~address|~resolv|~answer|~satisfi",
        severity: Severity::Warning,
        message: "\"We trust this clarifies the matter\" closes the door like a form letter. Ask if it helped instead.",
        suggestion: None,
    },
    Phrase {
        pattern: "we are|am in receipt of",
        severity: Severity::Warning,
        message: "\"We are in receipt of\" is form-letter language. Thank them for writing.",
        suggestion: Some("We've got"),
    },
    Phrase {
        pattern: "receipt of your *2 is|has been? *1 ~acknowledg",
        severity: Severity::Warning,
        message: "\"Receipt is acknowledged\" is form-letter language. Thank them for writing.",
        suggestion: None,
    },
    Phrase {
        pattern: "we|i ~acknowledge your ~communic|~letter|~email|~complaint|~message",
        severity: Severity::Warning,
        message: "\"We acknowledge your communication\" is form-letter language. Thank them for writing.",
        suggestion: Some("Thanks for your message"),
    },
    Phrase {
        pattern: "in due course",
        severity: Severity::Warning,
        message: "\"In due course\" is stiff and says nothing about when. Give a date.",
        suggestion: None,
    },
    Phrase {
        pattern: "your valued custom|business",
        severity: Severity::Hint,
        message: "\"Your valued custom\" is a form-letter phrase; thank them in your own words.",
        suggestion: None,
    },
    Phrase {
        pattern: "dear valued? customer|client|applicant|student|policyholder|passenger|guest|member|patient",
        severity: Severity::Hint,
        message: "A generic greeting reads like a form letter; use the customer's name.",
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
        let starts: Vec<usize> = lints.iter().map(|l| l.span.start).collect();
        for l in &mut lints {
            // Deleting a lead-in takes its comma/space with it and capitalises what follows.
            if l.suggestion.as_deref() == Some("") {
                let rest = &text[l.span.end..];
                let skip = rest.len() - rest.trim_start_matches([',', ' ', ':']).len();
                l.span.end += skip;
                l.text = l.span.slice(text).to_string();
                let next = text[l.span.end..].chars().next();
                if l.span.start == 0 || text[..l.span.start].trim_end().ends_with(['.', '!', '?']) {
                    // The span takes the whole next word ("Kindly note that we" -> "We"), so
                    // that it shows as words, unless another finding starts there.
                    let word_len: usize = text[l.span.end..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}'))
                        .map(char::len_utf8)
                        .sum();
                    let end = l.span.end + word_len;
                    let clash = starts.iter().any(|&s| s >= l.span.end && s < end);
                    if let (Some(c), false) = (next.filter(|c| c.is_lowercase()), clash) {
                        let word = &text[l.span.end..end];
                        let rest = &word[c.len_utf8()..];
                        l.suggestion = Some(format!("{}{rest}", c.to_uppercase()));
                        l.span.end = end;
                        l.text = l.span.slice(text).to_string();
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
            "Please be advised that fees",
            Some("Fees apply."),
        );
        assert_flags(
            &r,
            "We write to advise that your claim is closed.",
            "We write to advise that your",
            Some("Your claim is closed."),
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
    fn a_deleted_lead_in_never_overlaps_the_next_finding() {
        let r = CorporateStiffness::default();
        let text = "Kindly note that we acknowledge your complaint.";
        let lints = r.check(&Draft::new(text));
        assert_eq!(lints.len(), 2, "{lints:?}");
        assert!(!lints[0].span.overlaps(&lints[1].span), "{lints:?}");
        assert_eq!(lints[0].text, "Kindly note that ");
    }

    #[test]
    fn legal_words_are_flagged_alone() {
        let r = CorporateStiffness::default();
        assert_flags(&r, "Receipt is hereby acknowledged.", "hereby", None);
        assert_flags(
            &r,
            "Per the aforementioned terms, no.",
            "aforementioned",
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
