//! missing_close: a reply of 20 or more words whose last two sentences make no inviting
//! offer of more help ("Please let me know if there's anything else I can do for you").
//!
//! Seed 000 step 4: "Please let me know if there's anything else I can do for you. I'm happy
//! to help!"; seed 003: end with an inviting question. A hint, never part of the verdict.
//! Quiet on short chat replies and on drafts that close with "let me know", "how else can I
//! help", "anything else I can do", "happy to help", "feel free to reply", "just reply" ...

use super::{Draft, Lint, Pattern, Rule, RuleId, Severity};
use crate::span::Span;

const SOURCE: &str = "seed 000 step 4: \"Please let me know if there's anything else I can do for you. I'm happy to help!\"; seed 003: end with an inviting question";

/// Replies shorter than this are chat lines; the hint stays quiet on them.
const MIN_WORDS: usize = 20;

/// The text the suggestion appends.
const CLOSE: &str = "\n\nPlease let me know if there's anything else I can do for you.";

/// Inviting closes.
pub(crate) static CLOSES: &[&str] = &[
    "let me|us know",
    "how|what else can|could|may i|we help|assist|do",
    "anything else i|we can|could|may help|do|assist",
    "anything else i|we can|could|may do",
    "happy|glad|pleased to help|assist",
    "feel free to reply|contact|write|call|message|email|ask|reach|get",
    "just reply|write|call",
    "reply to this",
    "get in touch",
    "reach out",
    "do not hesitate",
    "here to help",
    "any other questions",
    "any questions",
];

/// The missing-close rule.
#[derive(Debug)]
pub struct MissingClose {
    closes: Vec<Pattern>,
}

impl Default for MissingClose {
    fn default() -> Self {
        MissingClose {
            closes: CLOSES.iter().map(|p| Pattern::new(p)).collect(),
        }
    }
}

impl Rule for MissingClose {
    fn id(&self) -> RuleId {
        RuleId::MissingClose
    }

    fn description(&self) -> &'static str {
        "A longer reply that doesn't end by inviting more questions (\"Please let me know if there's anything else I can do for you\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        if draft.doc.word_count() < MIN_WORDS {
            return Vec::new();
        }
        let closes = draft
            .sentences
            .iter()
            .filter(|ws| !ws.is_empty())
            .rev()
            .take(2)
            .any(|ws| self.closes.iter().any(|p| !p.find_all(ws).is_empty()));
        if closes {
            return Vec::new();
        }
        let end = draft.text().len();
        vec![Lint {
            rule: self.id(),
            span: Span::new(end, end),
            text: String::new(),
            severity: Severity::Hint,
            message: "No inviting close: end by offering more help, e.g. \"Please let me know if there's anything else I can do for you.\"".to_string(),
            suggestion: Some(CLOSE.to_string()),
            source: SOURCE.to_string(),
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet, lints};

    const BARE: &str = "I'm sorry about the late delivery. I've refunded the shipping cost today and the parcel should reach you by Friday at the latest.";

    #[test]
    fn flags_a_reply_without_a_close() {
        let r = MissingClose::default();
        let fixed = format!("{BARE}{CLOSE}");
        assert_flags(&r, BARE, "", Some(&fixed));
        let l = lints(&r, BARE);
        assert_eq!((l[0].span.start, l[0].span.end), (BARE.len(), BARE.len()));
        assert_eq!(l[0].severity, Severity::Hint);
        assert!(!RuleId::MissingClose.counts_toward_verdict());
        // An offer early on doesn't count as a close.
        let early = format!("Let me know if you need anything. {BARE} Thanks for waiting.");
        assert_eq!(lints(&r, &early).len(), 1);
        let emoji = format!("{BARE} 📦");
        assert_flags(&r, &emoji, "", Some(&format!("{emoji}{CLOSE}")));
    }

    #[test]
    fn quiet_with_a_close() {
        let r = MissingClose::default();
        assert_quiet(&r, &format!("{BARE} How else can I help you today?"));
        assert_quiet(&r, &format!("{BARE} Let me know if it doesn't arrive."));
        assert_quiet(
            &r,
            &format!("{BARE} Is there anything else I can do for you? Thanks!"),
        );
        assert_quiet(&r, &format!("{BARE} I'm happy to help!"));
        assert_quiet(&r, &format!("{BARE} Feel free to reply here."));
        assert_quiet(&r, &format!("{BARE} Just reply to this email."));
    }

    #[test]
    fn quiet_on_short_replies() {
        let r = MissingClose::default();
        assert_quiet(&r, "I'm sorry about that. How else can I help you today?");
        assert_quiet(
            &r,
            "We're sorry that you are having this problem. Is there anything else wrong?",
        );
        assert_quiet(&r, "");
    }
}
