//! The reply fixture suite: 300 whole replies written by hand (tests/fixtures/replies/), each
//! with the complaint it answers and every passive-aggressive span labelled by its writer, who
//! read neither the training corpus nor the rules. Two checks:
//!
//! 1. **Expectations.** Every labelled span must be found by a lint of its rule (overlapping
//!    the span), and no pattern lint may fire where nothing is labelled. Where tact and the
//!    label disagree today, the disagreement is written down, with the reason, in
//!    `tests/fixtures/replies/known-differences.json`; the test fails when the differences
//!    are not exactly those (a new miss, a new false alarm, or a fixed one that should leave
//!    the list). Aggregate recall, precision and the verdict are printed
//!    (`cargo test -p tact-core --test reply_fixtures -- --nocapture`).
//! 2. **Snapshots** (insta) of every finding: rule, severity, span, text, suggestion, and the
//!    verdict, so any change in behaviour shows up as a reviewed diff
//!    (`INSTA_UPDATE=always cargo test ...` or `cargo insta review`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tact_core::{Engine, Lint, ReplyReport, RuleId};

#[derive(Debug, Deserialize)]
struct Fixture {
    id: String,
    complaint: String,
    reply: String,
    passive_aggressive: bool,
    hard_negative: bool,
    expect: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    rule: String,
    text: String,
}

/// A difference between the labels and tact: `(rule, text)`.
type Diff = (String, String);

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
struct Known {
    #[serde(default)]
    missed: BTreeSet<Diff>,
    #[serde(default)]
    extra: BTreeSet<Diff>,
    #[allow(dead_code)]
    why: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/replies")
}

fn load(file: &str) -> Vec<Fixture> {
    let path = dir().join(file);
    let text = std::fs::read_to_string(&path).expect("fixture file is readable");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Byte ranges where `needle` occurs in `hay`.
fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    hay.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// What tact missed and what it flagged beyond the labels, for one fixture.
fn differences(f: &Fixture, report: &ReplyReport) -> (BTreeSet<Diff>, BTreeSet<Diff>) {
    let pattern_lints: Vec<&Lint> = report
        .lints
        .iter()
        .filter(|l| l.rule.counts_toward_verdict())
        .collect();
    let mut missed = BTreeSet::new();
    let mut labelled: Vec<(RuleId, (usize, usize))> = Vec::new();
    for e in &f.expect {
        let rule: RuleId = e
            .rule
            .parse()
            .unwrap_or_else(|_| panic!("{}: unknown rule {:?}", f.id, e.rule));
        let places = find_all(&f.reply, &e.text);
        assert!(
            !places.is_empty(),
            "{}: {:?} is not in the reply",
            f.id,
            e.text
        );
        let found = places.iter().any(|&p| {
            pattern_lints
                .iter()
                .any(|l| l.rule == rule && overlaps(p, (l.span.start, l.span.end)))
        });
        if !found {
            missed.insert((e.rule.clone(), e.text.clone()));
        }
        labelled.extend(places.into_iter().map(|p| (rule, p)));
    }
    let extra = pattern_lints
        .iter()
        .filter(|l| {
            !labelled
                .iter()
                .any(|(r, p)| *r == l.rule && overlaps(*p, (l.span.start, l.span.end)))
        })
        .map(|l| (l.rule.to_string(), l.text.clone()))
        .collect();
    (missed, extra)
}

fn snapshot_of(f: &Fixture, report: &ReplyReport) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {}",
        f.id,
        if report.passive_aggressive {
            "passive-aggressive"
        } else {
            "ok"
        }
    );
    for l in &report.lints {
        let _ = writeln!(
            s,
            "  {} {} {}..{} {:?} -> {}",
            l.rule,
            l.severity,
            l.span.start,
            l.span.end,
            l.text,
            l.suggestion
                .as_deref()
                .map_or_else(|| "(no suggestion)".to_string(), |x| format!("{x:?}"))
        );
    }
    s
}

#[derive(Debug, Default)]
struct Tally {
    labelled: usize,
    found: usize,
    flagged: usize,
    flagged_right: usize,
    good: usize,
    good_flagged: usize,
    hard_negatives: usize,
    hard_flagged: usize,
    verdict_tp: usize,
    verdict_fp: usize,
    verdict_fn: usize,
    verdict_tn: usize,
    per_rule: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.labelled += o.labelled;
        self.found += o.found;
        self.flagged += o.flagged;
        self.flagged_right += o.flagged_right;
        self.good += o.good;
        self.good_flagged += o.good_flagged;
        self.hard_negatives += o.hard_negatives;
        self.hard_flagged += o.hard_flagged;
        self.verdict_tp += o.verdict_tp;
        self.verdict_fp += o.verdict_fp;
        self.verdict_fn += o.verdict_fn;
        self.verdict_tn += o.verdict_tn;
        for (rule, (n, found)) in &o.per_rule {
            let e = self.per_rule.entry(rule.clone()).or_default();
            e.0 += n;
            e.1 += found;
        }
    }
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let d = 2 * tp + fp + fn_;
    if d == 0 {
        1.0
    } else {
        2.0 * tp as f64 / d as f64
    }
}

fn print_tally(name: &str, t: &Tally) {
    eprintln!(
        "{name}: {} replies ({} good, {} hard negatives)",
        t.good + t.verdict_tp + t.verdict_fn,
        t.good,
        t.hard_negatives
    );
    eprintln!(
        "rules: labelled spans found {}/{} ({:.1} %); findings that match a label {}/{} ({:.1} %)",
        t.found,
        t.labelled,
        100.0 * t.found as f64 / t.labelled.max(1) as f64,
        t.flagged_right,
        t.flagged,
        100.0 * t.flagged_right as f64 / t.flagged.max(1) as f64
    );
    eprintln!(
        "good replies with a pattern finding: {}/{} ({:.1} %); hard negatives {}/{}",
        t.good_flagged,
        t.good,
        100.0 * t.good_flagged as f64 / t.good.max(1) as f64,
        t.hard_flagged,
        t.hard_negatives
    );
    for (rule, (n, found)) in &t.per_rule {
        eprintln!("  {rule:<26} {found:>3}/{n:<3} found");
    }
    eprintln!(
        "verdict: passive-aggressive F1 {:.3} (tp {} fp {} fn {} tn {}); good replies left unflagged {:.1} %",
        f1(t.verdict_tp, t.verdict_fp, t.verdict_fn),
        t.verdict_tp,
        t.verdict_fp,
        t.verdict_fn,
        t.verdict_tn,
        100.0 * t.verdict_tn as f64 / (t.verdict_tn + t.verdict_fp).max(1) as f64
    );
}

#[test]
fn reply_fixtures_match_their_labels_and_snapshots() {
    let engine = Engine::embedded().expect("embedded models load");
    let known_path = dir().join("known-differences.json");
    let known: BTreeMap<String, Known> = serde_json::from_str(
        &std::fs::read_to_string(&known_path).expect("known-differences.json is readable"),
    )
    .expect("known-differences.json is valid");

    let mut problems = Vec::new();
    let mut total = Tally::default();
    let mut seen = BTreeSet::new();
    let files = ["services.jsonl", "goods.jsonl"];
    let mut snapshots = Vec::new();
    for file in files {
        let fixtures = load(file);
        assert!(fixtures.len() >= 150, "{file}: {} fixtures", fixtures.len());
        let mut snap = String::new();
        let mut t = Tally::default();
        for f in &fixtures {
            assert!(seen.insert(f.id.clone()), "duplicate fixture id {}", f.id);
            assert_eq!(
                f.passive_aggressive,
                !f.expect.is_empty(),
                "{}: passive_aggressive must say whether anything is labelled",
                f.id
            );
            let report = engine.check(&f.reply, Some(&f.complaint));
            snap.push_str(&snapshot_of(f, &report));

            let (missed, extra) = differences(f, &report);
            let k = known.get(&f.id);
            let (kmissed, kextra) =
                k.map_or_else(Default::default, |k| (k.missed.clone(), k.extra.clone()));
            if missed != kmissed || extra != kextra {
                problems.push(format!(
                    "{}: missed {:?} extra {:?} (known: missed {:?} extra {:?})\n  {}",
                    f.id,
                    missed,
                    extra,
                    kmissed,
                    kextra,
                    serde_json::json!({ &f.id: {"missed": missed, "extra": extra, "why": ""} })
                ));
            }

            t.labelled += f.expect.len();
            t.found += f.expect.len() - missed.len();
            let n_pattern = report
                .lints
                .iter()
                .filter(|l| l.rule.counts_toward_verdict())
                .count();
            t.flagged += n_pattern;
            t.flagged_right += n_pattern - extra.len().min(n_pattern);
            for e in &f.expect {
                let entry = t.per_rule.entry(e.rule.clone()).or_default();
                entry.0 += 1;
                if !missed.contains(&(e.rule.clone(), e.text.clone())) {
                    entry.1 += 1;
                }
            }
            if !f.passive_aggressive {
                t.good += 1;
                t.good_flagged += usize::from(n_pattern > 0);
                if f.hard_negative {
                    t.hard_negatives += 1;
                    t.hard_flagged += usize::from(n_pattern > 0);
                }
            }
            match (f.passive_aggressive, report.passive_aggressive) {
                (true, true) => t.verdict_tp += 1,
                (false, true) => t.verdict_fp += 1,
                (true, false) => t.verdict_fn += 1,
                (false, false) => t.verdict_tn += 1,
            }
        }
        print_tally(file, &t);
        total.add(&t);
        snapshots.push((file.trim_end_matches(".jsonl"), snap));
    }
    for id in known.keys() {
        assert!(
            seen.contains(id),
            "known-differences.json names {id}, which is no fixture"
        );
    }

    print_tally("all 300", &total);

    assert!(
        problems.is_empty(),
        "{} fixtures differ from their labels in ways known-differences.json does not list:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // Labels first (they say what is wrong), then the full behaviour.
    for (name, snap) in snapshots {
        insta::assert_snapshot!(name, snap);
    }
}
