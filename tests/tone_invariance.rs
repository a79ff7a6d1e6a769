//! Invariance of the reply verdict: what does not change a reply's tone must not change tact's
//! verdict. A greeting ("Hi Sam,") or a sign-off ("Thanks, Maria") around a good reply is
//! still a good reply; the tone model once learnt the opposite, because most greeted replies
//! in its corpus were passive-aggressive (a good reply scored 0.06 without "Hi Jon," and 0.66
//! with it).
//!
//! The replies are the good replies of the corpus's **test** split (never trained on) that have
//! neither a greeting nor a sign-off of their own, each checked with its complaint. For every
//! greeting and sign-off below the test counts the replies the verdict left alone that it now
//! flags, and the mean change of the tone model's score; both must stay small. The figures are
//! printed (`cargo test -p tact-core --test tone_invariance -- --nocapture`).

use std::path::Path;

use serde::Deserialize;
use tact_core::Engine;

#[derive(Debug, Deserialize)]
struct Example {
    id: String,
    complaint: String,
    reply: String,
    passive_aggressive: bool,
    split: String,
}

/// A greeting, a sign-off, or both, put around a reply.
const WRAPS: &[(&str, &str)] = &[
    ("Hi Sam, ", ""),
    ("Hello,\n\n", ""),
    ("Dear Ms Novak,\n\n", ""),
    ("Good morning Aisha, ", ""),
    ("Hey Lou! ", ""),
    ("", "\n\nThanks,\nMaria"),
    ("", "\n\nKasia"),
    ("", " Cheers, Raj"),
    ("Hi Ben,\n\n", "\n\nBest,\nTom\nSupport team"),
];

/// At most this share of the good replies the verdict leaves alone may be flagged once wrapped.
/// The model this test was written against flagged 8.3 % after "Hi Sam," and 12.7 % after a
/// greeting and a team sign-off; retrained on a corpus with 275 more hand-written replies
/// (greeted and signed-off good ones, brisk ones) it flags at most 3.8 %: short replies near
/// the line, tipped by an exclamation mark or a "Support team" sign-off (models/README.md).
const MAX_FLIPPED: f64 = 0.05;
/// The tone model's score may move by at most this much on average.
const MAX_MEAN_SHIFT: f64 = 0.05;

const GREETINGS: &[&str] = &["hi", "hello", "hey", "dear", "good", "morning", "afternoon"];

fn greets(reply: &str) -> bool {
    let first = reply
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    GREETINGS.contains(&first.as_str())
}

/// Ends in a sign-off: a last line of one to four words with no sentence punctuation.
fn signs_off(reply: &str) -> bool {
    let last = reply.trim_end().rsplit('\n').next().unwrap_or("");
    reply.trim_end().contains('\n')
        && last.split_whitespace().count() <= 4
        && !last.trim_end().ends_with(['.', '!', '?'])
}

fn test_split_good_replies() -> Vec<Example> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/corpus/replies");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the reply corpus folder is readable")
        .map(|e| e.expect("a readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("a readable corpus file");
        for (i, line) in text.lines().enumerate() {
            let e: Example = serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("{}:{}: {err}", f.display(), i + 1));
            if e.split == "test"
                && !e.passive_aggressive
                && !greets(&e.reply)
                && !signs_off(&e.reply)
            {
                out.push(e);
            }
        }
    }
    out
}

#[test]
fn the_greeting_detector_reads_greetings_and_sign_offs() {
    assert!(greets("Hi Sam, done."));
    assert!(greets("Good morning Aisha, your refund is on its way."));
    assert!(!greets("Highlights are under Settings."));
    assert!(signs_off("Done.\n\nThanks,\nMaria"));
    assert!(!signs_off("Done. It arrives Friday."));
    assert!(!signs_off("Done.\n\nIt arrives Friday."));
}

#[test]
fn a_greeting_or_a_sign_off_does_not_make_a_good_reply_passive_aggressive() {
    let engine = Engine::embedded().expect("the embedded models load");
    let replies = test_split_good_replies();
    assert!(
        replies.len() >= 100,
        "only {} plain good test replies",
        replies.len()
    );
    let base: Vec<_> = replies
        .iter()
        .map(|e| engine.check(&e.reply, Some(&e.complaint)))
        .collect();
    let left_alone = base.iter().filter(|r| !r.passive_aggressive).count();
    let mut failures = Vec::new();
    println!(
        "{} good test replies without greeting or sign-off; the verdict leaves {left_alone} alone",
        replies.len()
    );
    for (pre, post) in WRAPS {
        let mut flipped = Vec::new();
        let mut shift = 0.0f64;
        for (e, b) in replies.iter().zip(&base) {
            let wrapped = format!("{pre}{}{post}", e.reply);
            let r = engine.check(&wrapped, Some(&e.complaint));
            shift += f64::from(r.model_score - b.model_score);
            if r.passive_aggressive && !b.passive_aggressive {
                flipped.push(e.id.as_str());
            }
        }
        let mean = shift / replies.len() as f64;
        let share = flipped.len() as f64 / left_alone.max(1) as f64;
        println!(
            "{:<40} flagged {:>3} of {left_alone} ({:>5.1} %), mean model shift {mean:+.3}  {}",
            format!("{pre:?} ... {post:?}"),
            flipped.len(),
            100.0 * share,
            flipped.join(" ")
        );
        if share > MAX_FLIPPED || mean > MAX_MEAN_SHIFT {
            failures.push(format!(
                "{pre:?} ... {post:?}: {} flagged ({:.1} %), mean shift {mean:+.3}",
                flipped.len(),
                100.0 * share
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "greetings or sign-offs change the verdict on good replies:\n{}",
        failures.join("\n")
    );
}
