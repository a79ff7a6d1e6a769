//! Time of the largest inputs tests/bad_input.rs feeds the binary: 1 MB of complaint text, one
//! 1 MB word, and 10,000 emoji, through `analyze` and `check`. Run with
//! `cargo bench -p tact-core --bench limits`. tact has no input size limit; this is what the
//! biggest texts cost (it should grow linearly: compare the 64 KB and 1 MB rows).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tact_core::Engine;

const PARAGRAPH: &str = "My card was stolen and someone is spending money right now! We're \
sorry that you are having this problem. Is there anything else wrong? 😀 ";

fn repeat_to(piece: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + piece.len());
    while s.len() < bytes {
        s.push_str(piece);
    }
    s
}

fn bench(c: &mut Criterion) {
    let engine = Engine::embedded().expect("embedded models");
    let inputs = [
        ("text 64 KB", repeat_to(PARAGRAPH, 64 << 10)),
        ("text 1 MB", repeat_to(PARAGRAPH, 1 << 20)),
        ("one word 1 MB", "a".repeat(1 << 20)),
        ("10k emoji", "😀".repeat(10_000)),
    ];
    for (group, run) in [("analyze", true), ("check", false)] {
        let mut g = c.benchmark_group(format!("limits/{group}"));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(20));
        for (name, text) in &inputs {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
                if run {
                    b.iter(|| engine.analyze(black_box(t)))
                } else {
                    b.iter(|| engine.check(black_box(t), None))
                }
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
