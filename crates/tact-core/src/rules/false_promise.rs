//! false_promise: promising what can't be known ("this will never happen again", "guaranteed
//! by tomorrow", "100% fixed", "I promise it will arrive today", "rest assured this won't
//! happen again").
//!
//! Seed 002, "What to Avoid When Handling Complaints": "Making promises or giving false
//! expectations of what it will take to address the complaint, or when it will be addressed";
//! its process asks instead for "a realistic sense of how the complaint will be handled, and
//! what follow-up steps will be taken and by what date". Seed 004: "ensure that what you
//! promised is delivered", so promise only what you control.
//!
//! Not flagged: honest limits ("I can't promise they'll agree", "not guaranteed"), reassurance
//! about the past ("rest assured your card details were never stored"), commitments the agent
//! controls ("I'll definitely call you on Friday"), and "you won't need to call again".

use super::words::{has, never};
use super::{phrase as p, phrase_fix as fix};
use super::{Draft, GuardedPhrases, Innocent, Lint, Phrase, Rule, RuleId, Severity, Word};

const SOURCE: &str = "seed 002 \"What to Avoid\" (\"Making promises or giving false expectations of what it will take to address the complaint, or when it will be addressed\"); seed 004 (\"ensure that what you promised is delivered\")";

use Severity::{Error, Warning};

const NEVER_AGAIN: &str = "\"This will never happen again\" promises what nobody can know; if it does happen again, you've lost the customer's trust twice. Say what you changed and that it makes a repeat much less likely.";
const GUARANTEE: &str = "A guarantee sets an expectation you may not be able to meet. Give a realistic estimate and say what you'll do if it slips.";
const PROMISE: &str = "Promising an outcome you don't control sets up a second disappointment. Say what you've done and when you expect it, and promise only what you'll do yourself.";
const CERTAIN: &str = "Certainty words (\"definitely\", \"100%\", \"for sure\") promise more than you can know. Say what you expect and when you'll update them.";
const ASSURED: &str = "\"Rest assured ... will\" asks the customer to trust a promise you can't keep for sure. Say what you've done and what you expect.";

/// "We've changed X so this is much less likely to happen again."
const LESS_LIKELY: &str = "is much less likely to happen again";

static PHRASES: &[(Phrase, Innocent)] = &[
    (fix("will|would|can *1 never|not *5 again|another|anymore|ever", Error, NEVER_AGAIN, LESS_LIKELY), no_need_again),
    (p("will|would|can *1 never|not ~recur|~reoccur|~repeat", Error, NEVER_AGAIN), never),
    (p("nothing *4 will|would|can ever *4 again", Error, NEVER_AGAIN), never),
    (p("will|would *1 not|never *3 any more", Error, NEVER_AGAIN), no_need_again),
    (p("will *2 no more", Error, NEVER_AGAIN), never),
    (p("no more delays|problems|issues|outages|errors|surprises", Error, NEVER_AGAIN), never),
    (p("no surprises", Warning, GUARANTEE), a_name),
    (fix("100 guaranteed", Error, GUARANTEE, ""), never),
    (p("~guarantee that", Error, GUARANTEE), negated),
    (p("i|we can? promise|guarantee", Error, PROMISE), negated),
    (p("i|we can ~assure you that?", Warning, ASSURED), not_a_promise),
    (p("promise you", Error, PROMISE), negated),
    (fix("that is a promise|guarantee", Error, PROMISE, ""), never),
    (fix("is a guarantee", Error, GUARANTEE, ""), never),
    (fix("you have my|our word", Error, PROMISE, ""), never),
    (fix("guaranteed", Error, GUARANTEE, ""), not_a_guarantee),
    (fix("100", Error, CERTAIN, ""), not_percent),
    (fix("will|would definitely|absolutely|certainly|surely", Warning, CERTAIN, "should"), agent_commits),
    (p("is|are definitely|absolutely going|~ship|~arrive|~come|~happen|~open|~deliver", Warning, CERTAIN), never),
    (fix("for sure", Warning, CERTAIN, ""), not_future),
    (fix("without fail|exception|question", Error, PROMISE, ""), never),
    (fix("no matter what", Error, PROMISE, ""), never),
    (fix("no question|doubt about it", Error, PROMISE, ""), never),
    (fix("no question", Error, PROMISE, ""), questions_asked),
    (p("will *4 all the time", Warning, CERTAIN), agent_commits),
    (p("set in stone", Error, PROMISE), never),
    (p("consider it done", Warning, PROMISE), never),
    (p("you can count on it", Warning, PROMISE), never),
    (p("nothing can stop it", Error, PROMISE), never),
    (p("~make sure of it", Warning, PROMISE), never),
    (p("personally made|~make sure", Warning, PROMISE), never),
    (p("i am sure|certain|confident of it", Warning, PROMISE), never),
    (p("i am confident|certain that? *3 will", Warning, PROMISE), never),
    (p("please? rest|be assured", Warning, ASSURED), not_future),
    (p("completely|totally|permanently|entirely ~fix|~resolve|~eliminate|gone|~finish|~restore|~sort", Warning, CERTAIN), not_future_or_now),
    (p("~fix|~resolve|~sort|it *3 for good", Warning, CERTAIN), never),
    (p("will *3 perfect|perfectly", Warning, CERTAIN), agent_commits),
    (p("will always", Warning, CERTAIN), agent_commits),
    (p("will be exactly", Warning, CERTAIN), never),
    (p("will|would not owe|pay anything|a", Warning, PROMISE), beyond),
];

/// "I can't promise", "we don't guarantee", "cannot be guaranteed": an honest limit.
fn negated(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words[m.0.saturating_sub(3)..=m.1]
        .iter()
        .any(|w| matches!(w.norm.as_str(), "not" | "never" | "no"))
}

/// "You won't need to call again", "you won't be charged again" (after a cancellation), "so it
/// can't slip again" (a mechanism, not a promise), "won't teach again until ..." (a condition).
fn no_need_again(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let modal_can_not =
        words[m.0].norm == "can" && words.get(m.0 + 1).is_some_and(|w| w.norm == "not");
    let passive_billing = words[m.0..=m.1].windows(2).any(|w| {
        w[0].norm == "be"
            && matches!(
                w[1].norm.as_str(),
                "charged" | "billed" | "contacted" | "asked" | "emailed" | "called" | "debited"
            )
    });
    let conditional = words[m.1 + 1..]
        .iter()
        .any(|w| matches!(w.norm.as_str(), "until" | "unless"));
    if modal_can_not || passive_billing || conditional {
        return true;
    }
    let neg = words[m.0..=m.1]
        .iter()
        .position(|w| w.norm == "not" || w.norm == "never")
        .map(|i| m.0 + i);
    neg.and_then(|i| words.get(i + 1))
        .is_some_and(|w| matches!(w.norm.as_str(), "need" | "have" | "ask" | "repeat"))
        && neg
            .and_then(|i| words.get(i + 2))
            .is_some_and(|w| w.norm == "to" || w.norm == "need")
        || neg
            .and_then(|i| words.get(i + 1))
            .is_some_and(|w| w.norm == "need")
}

/// A plain statement of fact needs no promise words: "I can assure you we never stored it".
fn not_a_promise(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    negated(d, words, m) || not_future(d, words, m)
}

/// Certainty about the future only: "rest assured your card details were never stored" is
/// reassurance about the past.
fn not_future(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    !has(
        words,
        &[
            "will", "go", "last", "complet", "fulli", "guarante", "shall",
        ],
    )
}

/// "Completely fixed by this afternoon" / "the issue is completely resolved".
fn not_future_or_now(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    not_future(d, words, m)
        && !(m.0 > 0 && matches!(words[m.0 - 1].norm.as_str(), "is" | "are" | "now"))
}

/// "I'll definitely call you on Friday" is the agent's own commitment.
fn agent_commits(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let subject = words[..=m.0].iter().rev().find(|w| {
        matches!(
            w.norm.as_str(),
            "i" | "we" | "you" | "it" | "this" | "that" | "they" | "he" | "she" | "there"
        )
    });
    subject.is_some_and(|w| w.norm == "i")
        || words[m.0..=m.1.min(words.len() - 1)]
            .iter()
            .chain(words.get(m.1 + 1))
            .any(|w| w.norm == "not")
}

/// "A guaranteed seat", "guaranteed access", "cannot be guaranteed", "not guaranteed".
fn not_a_guarantee(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let before = m.0.checked_sub(1).map(|i| words[i].norm.as_str());
    let before2 = m.0.checked_sub(2).map(|i| words[i].norm.as_str());
    let negated = matches!(before, Some("not" | "never"))
        || before == Some("be") && matches!(before2, Some("not" | "never"));
    if negated {
        return true;
    }
    let after_text = d.text()[words[m.1].span.end..].trim_start();
    let ends_clause = after_text.is_empty() || after_text.starts_with([',', '.', '!', ';', ')']);
    let adjective = matches!(before, Some("a" | "an" | "the" | "for" | "your" | "our"));
    adjective && !ends_clause
}

/// "100%" only, and not "a 100% refund" or "100% of the cost".
fn not_percent(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let text = d.text();
    let after = &text[words[m.1].span.end..];
    if !after.starts_with('%') {
        return true;
    }
    let next = words.get(m.1 + 1).map(|w| w.norm.as_str());
    matches!(
        next,
        Some(
            "refund"
                | "of"
                | "off"
                | "discount"
                | "cashback"
                | "money"
                | "back"
                | "match"
                | "rating"
                | "charge"
                | "cotton"
                | "wool"
                | "renewable"
                | "recycled"
                // "100% goes to your driver": a share, not a certainty.
                | "goes"
                | "go"
                | "went"
                | "is"
                | "are"
        )
    )
}

/// "No questions asked" is a policy; "there's no question of anyone blaming you" reassures.
fn questions_asked(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words
        .get(m.1 + 1)
        .is_some_and(|w| matches!(w.norm.as_str(), "asked" | "of" | "that" | "whether"))
}

/// "Under the No Surprises Act ...".
fn a_name(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words.get(m.1 + 1).is_some_and(|w| w.norm == "act")
}

/// "You won't owe anything beyond your $250 excess" states the terms.
/// So does "if you cancel before then, you won't pay anything".
fn beyond(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    has(
        words,
        &["beyond", "except", "apart", "other", "more", "if", "unless"],
    )
}

/// The false-promise rule.
#[derive(Debug)]
pub struct FalsePromise {
    phrases: GuardedPhrases,
}

impl Default for FalsePromise {
    fn default() -> Self {
        FalsePromise {
            phrases: GuardedPhrases::new(PHRASES),
        }
    }
}

impl Rule for FalsePromise {
    fn id(&self) -> RuleId {
        RuleId::FalsePromise
    }

    fn description(&self) -> &'static str {
        "Promises what can't be known (\"this will never happen again\", \"guaranteed by tomorrow\", \"100% fixed\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let text = draft.text();
        let mut out: Vec<Lint> = Vec::new();
        for mut l in self.phrases.matches(draft, self.id(), SOURCE) {
            if out.iter().any(|o| o.span.overlaps(&l.span)) {
                continue;
            }
            if !rewrite(text, &mut l) {
                l.suggestion = None;
            }
            if !out.iter().any(|o| o.span.overlaps(&l.span)) {
                out.push(l);
            }
        }
        out.sort_by_key(|l| l.span.start);
        out
    }
}

/// Adjust a lint's span and suggestion so that applying it reads well; false when there is no
/// safe rewrite.
fn rewrite(text: &str, l: &mut Lint) -> bool {
    let Some(s) = l.suggestion.as_ref().map(|s| s.to_lowercase()) else {
        return true;
    };
    let flagged = l.text.to_lowercase();
    let first = flagged.split_whitespace().next().unwrap_or("");
    if s == LESS_LIKELY {
        // Only "[this] will never happen again": the subject stays, the promise goes.
        let standalone = matches!(first, "will" | "won't" | "won\u{2019}t" | "wont" | "would");
        let happen = flagged.ends_with("happen again") || flagged.ends_with("occur again");
        let before = text[..l.span.start].trim_end().to_lowercase();
        let subject = ["this", "it", "that"]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")) || before == *w);
        return standalone && happen && subject;
    }
    if s == "should" {
        // "will definitely" -> "should"; "you'll definitely" -> "you should".
        let head = l.text.split_whitespace().next().unwrap_or("");
        let lower = head.to_lowercase().replace('\u{2019}', "'");
        if let Some(subject) = lower.strip_suffix("'ll") {
            let keep = &head[..subject.len()];
            l.suggestion = Some(format!("{keep} should"));
            return true;
        }
        return matches!(lower.as_str(), "will" | "would");
    }
    if flagged.starts_with("100") {
        // "100" is matched as a number; take its "%" too.
        if text[l.span.end..].starts_with('%') && !flagged.contains('%') {
            l.span.end += 1;
        }
    }
    if s.is_empty() {
        delete_phrase(text, l);
    }
    true
}

/// Make deleting a lint's span leave a clean sentence: take the comma or space before it, or,
/// at the start of a sentence, the comma after it and capitalise what follows.
fn delete_phrase(text: &str, l: &mut Lint) {
    let before = &text[..l.span.start];
    let in_sentence =
        !before.trim_end().is_empty() && !before.trim_end().ends_with(['.', '!', '?']);
    if in_sentence {
        let trimmed = before.trim_end_matches([' ', ',', '\u{2014}', '-', ':', ';']);
        l.span.start = trimmed.len();
        l.suggestion = Some(String::new());
    } else {
        let rest = &text[l.span.end..];
        let skip = rest.len() - rest.trim_start_matches([',', ' ', ':', ';']).len();
        l.span.end += skip;
        let next = text[l.span.end..].chars().next();
        l.suggestion = Some(String::new());
        if let Some(c) = next.filter(|c| c.is_lowercase()) {
            l.span.end += c.len_utf8();
            l.suggestion = Some(c.to_uppercase().collect());
        }
    }
    l.text = l.span.slice(text).to_string();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_never_again() {
        let r = FalsePromise::default();
        assert_flags(
            &r,
            "We've fixed the script, so this will never happen again.",
            "will never happen again",
            Some("We've fixed the script, so this is much less likely to happen again."),
        );
        assert_flags(
            &r,
            "We changed the checks and it won\u{2019}t happen again!",
            "won\u{2019}t happen again",
            Some("We changed the checks and it is much less likely to happen again!"),
        );
        assert_flags(
            &r,
            "Nothing like this will EVER happen again at any of our restaurants.",
            "Nothing like this will EVER happen again",
            None,
        );
        assert_flags(
            &r,
            "The next patch is out, so you'll never get kicked out again.",
            "you'll never get kicked out again",
            None,
        );
    }

    #[test]
    fn flags_guarantees_and_certainty() {
        let r = FalsePromise::default();
        assert_flags(
            &r,
            "You'll have a replacement by tomorrow, guaranteed.",
            ", guaranteed",
            Some("You'll have a replacement by tomorrow."),
        );
        assert_flags(
            &r,
            "The bug is 100% fixed.",
            " 100%",
            Some("The bug is fixed."),
        );
        assert_flags(
            &r,
            "Your bag will definitely be delivered by 6pm today.",
            "will definitely",
            Some("Your bag should be delivered by 6pm today."),
        );
        assert_flags(
            &r,
            "You\u{2019}ll definitely hear from them today.",
            "You\u{2019}ll definitely",
            Some("You should hear from them today."),
        );
        assert_flags(
            &r,
            "It'll be back in stock in a few days for sure.",
            " for sure",
            Some("It'll be back in stock in a few days."),
        );
        assert_flags(
            &r,
            "Your refund will be processed this week, no question.",
            ", no question",
            Some("Your refund will be processed this week."),
        );
    }

    #[test]
    fn flags_promises_and_assurances() {
        let r = FalsePromise::default();
        assert_flags(
            &r,
            "Your skis will be with you within 24 hours, you have our word.",
            ", you have our word",
            Some("Your skis will be with you within 24 hours."),
        );
        assert_flags(
            &r,
            "Please rest assured your refund will be with you shortly.",
            "Please rest assured",
            None,
        );
        assert_flags(&r, "i PROMISE it will arrive today", "i PROMISE", None);
    }

    #[test]
    fn quiet_on_honest_expectations() {
        let r = FalsePromise::default();
        assert_quiet(
            &r,
            "I can't promise they'll agree, but in most cases like this they do.",
        );
        assert_quiet(&r, "Upgrades aren't guaranteed, so I can't promise one.");
        assert_quiet(
            &r,
            "Rest assured your card details were never stored in that system.",
        );
        assert_quiet(
            &r,
            "Priority includes a guaranteed overhead space for one cabin bag.",
        );
        assert_quiet(&r, "I'll definitely call you on Friday with an update.");
        assert_quiet(
            &r,
            "I've fixed the script, so this is much less likely to happen again.",
        );
        assert_quiet(&r, "You won't need to call us again about this.");
        assert_quiet(&r, "I've refunded 100% of the fee.");
        assert_quiet(
            &r,
            "You can add a tip in the app, and 100% goes to your driver.",
        );
        assert_quiet(&r, "We'll swap it for a new one, no questions asked.");
        assert_quiet(&r, "You won't owe anything beyond your $250 excess.");
        assert_quiet(
            &r,
            "I'm sorry that you are having this problem. Is there anything else wrong?",
        );
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        crate::rules::test_util::assert_odd_text_is_safe(&FalsePromise::default());
    }
}
