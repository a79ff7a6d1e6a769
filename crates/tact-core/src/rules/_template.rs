//! TEMPLATE (not compiled): copy to `my_rule.rs` to add a phrase-list rule. Replace every
//! `my_rule` / `MyRule`, then:
//! 1. add a `RuleId::MyRule` variant (with a one-line doc) in `mod.rs`;
//! 2. add `mod my_rule;` in `mod.rs`;
//! 3. add `Box::new(my_rule::MyRule::default())` to `all_rules()`, keeping it alphabetical.
//!
//! my_rule: one line on what it catches ("example phrase", "another").
//!
//! Cite the guide passage the rule enforces, by seed file and heading, in this comment and in
//! `SOURCE`: e.g. seed 003, "Avoid being passive-aggressive": "Hearing the phrase, 'We're
//! sorry that you are having this problem,' is pretty infuriating". Say which look-alikes are
//! left alone and why (check the corpus hard negatives in `models/corpus/replies/`).

use super::{compile, phrase_lints, Draft, Lint, Pattern, Phrase, Rule, RuleId, Severity, Word};

/// Shown with every finding: the guide and passage.
const SOURCE: &str = "seed 003 \"Avoid being passive-aggressive\"";

/// The phrases. Pattern language (see `pattern.rs`): plain words, `~stem` (write the FULL
/// word: `~apologize`, `~promise`), `a|b` alternatives of ONE word each (`a b|c d` means
/// "a (b or c) d", not "a b" or "c d": write two phrases instead), `word?` optional, `*N` up
/// to N filler words. Matching is per sentence, over words with contractions expanded
/// ("we're" -> we are, "won't" -> will not), case and curly apostrophes folded.
///
/// Severity: `Error` will land badly (enough on its own to call a draft passive-aggressive),
/// `Warning` likely to, `Hint` worth a thought. `suggestion` replaces the matched span
/// (`Some("")` deletes it, `None` when no rewrite is safe); the tests check that applying it
/// gives text this rule no longer flags.
static PHRASES: &[Phrase] = &[
    Phrase {
        pattern: "example|sample ~phrase",
        severity: Severity::Warning,
        message: "Why it lands badly, in plain words, and what to say instead.",
        suggestion: Some("better wording"),
    },
    Phrase {
        pattern: "another *2 one",
        severity: Severity::Hint,
        message: "Why this one is worth a thought.",
        suggestion: None,
    },
];

/// The my_rule rule.
#[derive(Debug)]
pub struct MyRule {
    phrases: Vec<(Pattern, &'static Phrase)>,
}

impl Default for MyRule {
    fn default() -> Self {
        MyRule {
            phrases: compile(PHRASES),
        }
    }
}

/// Innocent uses of the phrases (hard negatives): gets the sentence's words and the match
/// `(first, last)` word indices. Return true to skip the match.
fn innocent(words: &[Word], m: (usize, usize)) -> bool {
    // E.g. an apology earlier in the sentence makes the phrase harmless.
    words[..m.0].iter().any(|w| w.stem == "sorri")
}

impl Rule for MyRule {
    fn id(&self) -> RuleId {
        RuleId::MyRule
    }

    fn description(&self) -> &'static str {
        "One line on what it catches (\"example phrase\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        phrase_lints(draft, self.id(), SOURCE, &self.phrases, innocent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_the_phrases() {
        let r = MyRule::default();
        // Text, the exact flagged span, and the text after applying the suggestion (or None
        // when there is no suggestion). Cover contractions, curly apostrophes, case, filler.
        assert_flags(
            &r,
            "Use the example phrase here.",
            "example phrase",
            Some("Use the better wording here."),
        );
        assert_flags(&r, "ANOTHER ONE.", "ANOTHER ONE", None);
    }

    #[test]
    fn quiet_on_look_alikes() {
        let r = MyRule::default();
        assert_quiet(&r, "I'm sorry, that example phrase was ours.");
        assert_quiet(&r, "Nothing to see here.");
    }
}
