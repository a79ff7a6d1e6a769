//! Speed of `analyze` and `check` on fixed texts grouped by length, with the embedded models.
//! Run with `cargo bench -p tact-core --bench engine`. Issue #4's target: checking a 65-word
//! reply natively in <= 0.2 ms.
//!
//! `analyze_corpus` and `check_corpus` run over a fixed corpus: tact's own complaints and reply
//! drafts (models/corpus, test split, in file order), grouped by length in words; one
//! iteration goes through every text of the group, and the throughput is in texts.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tact_core::Engine;

/// A 65-word reply draft with two findings (a non-apology and a leading negative question).
const REPLY_65: &str = "Hi Dana, we're sorry that you are having this problem with your order. \
I checked with our warehouse and the parcel left early on Monday morning, so it should reach you by Thursday \
at the latest. I've added a tracking link to your account and refunded the delivery fee of \
$4.99. Is there anything else wrong with the order that we should look at today?";

const COMPLAINTS: [(&str, &str); 3] = [
    ("short", "Where is my refund??"),
    (
        "medium",
        "This is the third time I'm writing. My card was charged twice for the same order \
         (#88123, $64.20) and nobody has answered. I need the money back before rent is due on Friday.",
    ),
    (
        "long",
        "Agent: Thanks for calling, how can I help? Customer: Honestly I don't even know where to \
         start. We moved our whole team of forty people onto your platform in March because your \
         sales rep promised us priority support and an uptime guarantee. Since last Tuesday the \
         dashboard has been timing out every afternoon, exports fail halfway, and two of our \
         clients have already asked why their weekly reports are late. I have opened four \
         tickets, each one closed with a link to the status page that says everything is fine. \
         If this is not fixed by the end of the week we will have to look at other providers \
         and ask for the unused part of our annual contract back.",
    ),
];

fn bench(c: &mut Criterion) {
    let engine = Engine::embedded().expect("embedded models");
    let words = REPLY_65.split_whitespace().count();
    assert_eq!(words, 65, "the reply benchmark needs a 65-word reply");

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(1));
    g.bench_with_input(BenchmarkId::new("reply", "65 words"), REPLY_65, |b, t| {
        b.iter(|| engine.check(black_box(t), None))
    });
    g.finish();

    let mut g = c.benchmark_group("analyze");
    for (name, text) in COMPLAINTS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("complaint", name), text, |b, t| {
            b.iter(|| engine.analyze(black_box(t)))
        });
    }
    g.finish();
}

/// Texts of the test split of `models/corpus/<kind>` (field `field`), in file order.
fn corpus(kind: &str, field: &str) -> Vec<String> {
    let dir = format!("{}/../../models/corpus/{kind}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("models/corpus is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus JSONL");
            if v["split"] == "test" {
                if let Some(t) = v[field].as_str() {
                    out.push(t.to_string());
                }
            }
        }
    }
    assert!(!out.is_empty(), "no test-split texts in {dir}");
    out
}

/// A length group: its name and which word counts belong to it.
type Group = (&'static str, fn(usize) -> bool);

/// Up to 100 texts per length group: under 30 words, 30 to 79, 80 and more.
fn by_length(texts: &[String]) -> Vec<(&'static str, Vec<&str>)> {
    let groups: [Group; 3] = [
        ("<30 words", |n| n < 30),
        ("30-79 words", |n| (30..80).contains(&n)),
        (">=80 words", |n| n >= 80),
    ];
    groups
        .iter()
        .map(|(name, keep)| {
            let g: Vec<&str> = texts
                .iter()
                .map(String::as_str)
                .filter(|t| keep(t.split_whitespace().count()))
                .take(100)
                .collect();
            (*name, g)
        })
        .filter(|(_, g)| !g.is_empty())
        .collect()
}

fn bench_corpus(c: &mut Criterion) {
    let engine = Engine::embedded().expect("embedded models");
    let complaints = corpus("complaints", "text");
    let replies = corpus("replies", "reply");

    let mut g = c.benchmark_group("analyze_corpus");
    for (name, texts) in by_length(&complaints) {
        g.throughput(Throughput::Elements(texts.len() as u64));
        g.bench_with_input(BenchmarkId::new("complaints", name), &texts, |b, ts| {
            b.iter(|| {
                for t in ts {
                    black_box(engine.analyze(black_box(t)));
                }
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("check_corpus");
    for (name, texts) in by_length(&replies) {
        g.throughput(Throughput::Elements(texts.len() as u64));
        g.bench_with_input(BenchmarkId::new("replies", name), &texts, |b, ts| {
            b.iter(|| {
                for t in ts {
                    black_box(engine.check(black_box(t), None));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench, bench_corpus);
criterion_main!(benches);
