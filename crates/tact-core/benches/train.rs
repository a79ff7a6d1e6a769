//! Training cost at 10k and 100k documents: features + FTRL fit with `tact train`'s defaults
//! (urgency, 20 epochs), on tact's own complaints (models/corpus/complaints, both splits)
//! repeated to the size. At 10k also the fit alone on cached features and the features alone,
//! to separate the two.
//! Run with `cargo bench -p tact-core --features train --bench train`.
//!
//! Small sample sizes: one 100k fit takes seconds, so criterion's minimum of 10 samples
//! already costs minutes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use linfa::traits::Fit;
use linfa::ParamGuard;
use tact_core::train::{dataset, FtrlParams, SparseRecords};
use tact_core::{FeatureConfig, Featurizer, Task};

/// (text, urgency index) of every complaint in tact's corpus.
fn corpus() -> Vec<(String, usize)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/corpus/complaints"
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("models/corpus/complaints is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable corpus file");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus JSONL");
            let (Some(t), Some(u)) = (v["text"].as_str(), v["urgency"].as_str()) else {
                panic!("{}: a row without text or urgency", f.display());
            };
            let y = Task::Urgency.label_index(u).expect("a known urgency");
            rows.push((t.to_string(), y));
        }
    }
    assert!(!rows.is_empty(), "an empty corpus");
    rows
}

fn bench(c: &mut Criterion) {
    let rows = corpus();
    let featurizer = Featurizer::new(FeatureConfig::default()).expect("default features");
    let params = FtrlParams::new(Task::Urgency.labels().len())
        .check()
        .expect("default parameters");

    let mut g = c.benchmark_group("train");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(100));
    g.measurement_time(Duration::from_secs(5));
    for n in [10_000usize, 100_000] {
        let texts: Vec<&str> = rows.iter().cycle().take(n).map(|r| r.0.as_str()).collect();
        let labels: Vec<usize> = rows.iter().cycle().take(n).map(|r| r.1).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("features+fit", n), &n, |b, _| {
            b.iter(|| {
                let records = SparseRecords::from_texts(&featurizer, black_box(&texts));
                let data = dataset(records, labels.clone(), None);
                params.fit(&data).expect("fit")
            })
        });
        if n > 10_000 {
            continue; // the phases apart at 10k only: each 100k sample costs seconds
        }
        let data = dataset(
            SparseRecords::from_texts(&featurizer, &texts),
            labels.clone(),
            None,
        );
        g.bench_with_input(BenchmarkId::new("fit", n), &n, |b, _| {
            b.iter(|| params.fit(black_box(&data)).expect("fit"))
        });
        g.bench_with_input(BenchmarkId::new("features", n), &n, |b, _| {
            b.iter(|| SparseRecords::from_texts(&featurizer, black_box(&texts)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
