//! The tact side of `scripts/bench`: train on a JSONL file and score a held-out one, timing
//! each phase, the way `tact train --folds 0` and `tact eval` do it but for any label set
//! (the CLI only knows urgency, persona and tone labels). Not a criterion benchmark: run by
//! `scripts/bench` as
//!
//! ```text
//! cargo bench -p tact-core --features train --bench scale -- \
//!     --train TRAIN.jsonl --test TEST.jsonl [--throughput N] [--epochs 20]
//! ```
//!
//! Each input line is `{"text": str, "label": str}`. Prints one JSON object: the time to
//! read, featurise and fit, held-out accuracy, prediction and `Engine::analyze` throughput on
//! the test documents (repeated to `--throughput` documents). Without `--train` it prints how
//! to use it and exits 0, so that a plain `cargo bench` passes over it.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::BufRead;
use std::process::ExitCode;
use std::time::Instant;

use linfa::traits::Fit;
use linfa::ParamGuard;
use tact_core::train::{dataset, FtrlParams, SparseRecords};
use tact_core::{Document, Engine, FeatureConfig, Featurizer};

struct Args {
    train: Option<String>,
    test: Option<String>,
    throughput: usize,
    epochs: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        train: None,
        test: None,
        throughput: 20_000,
        epochs: 20,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--train" => a.train = Some(value("--train")?),
            "--test" => a.test = Some(value("--test")?),
            "--throughput" => {
                a.throughput = value("--throughput")?
                    .parse()
                    .map_err(|e| format!("--throughput: {e}"))?
            }
            "--epochs" => {
                a.epochs = value("--epochs")?
                    .parse()
                    .map_err(|e| format!("--epochs: {e}"))?
            }
            // cargo bench passes --bench; criterion-style filters are not used here.
            "--bench" => {}
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

/// Texts and labels of a `{"text", "label"}` JSONL file; a bad line is an error naming it.
fn read(path: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        #[derive(serde::Deserialize)]
        struct Row {
            text: String,
            label: String,
        }
        let row: Row = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        texts.push(row.text);
        labels.push(row.label);
    }
    Ok((texts, labels))
}

fn run(a: &Args, train: &str, test: &str) -> Result<serde_json::Value, String> {
    let t0 = Instant::now();
    let (texts, labels) = read(train)?;
    let load_s = t0.elapsed().as_secs_f64();

    let names: Vec<String> = labels
        .iter()
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let index: BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let y: Vec<usize> = labels.iter().map(|l| index[l.as_str()]).collect();

    // The same features and defaults as `tact train`.
    let config = FeatureConfig::default();
    let featurizer = Featurizer::new(config.clone()).map_err(|e| e.to_string())?;
    let t1 = Instant::now();
    let records = SparseRecords::from_texts(&featurizer, &texts);
    let featurize_s = t1.elapsed().as_secs_f64();
    let nnz: usize = records.rows.iter().map(|r| r.nnz()).sum();
    drop(texts);

    let params = FtrlParams::new(names.len())
        .epochs(a.epochs)
        .check()
        .map_err(|e| e.to_string())?;
    let t2 = Instant::now();
    let data = dataset(records, y, None);
    let model = params.fit(&data).map_err(|e| e.to_string())?;
    let fit_s = t2.elapsed().as_secs_f64();
    let train_s = t0.elapsed().as_secs_f64();
    drop(data);

    let (test_texts, test_labels) = read(test)?;
    let mut correct = 0usize;
    for (t, l) in test_texts.iter().zip(&test_labels) {
        let p = model.predict_proba(&featurizer.features(&Document::new(t)));
        let best = p
            .iter()
            .enumerate()
            .fold(
                (0, f32::NEG_INFINITY),
                |b, (i, &v)| {
                    if v > b.1 {
                        (i, v)
                    } else {
                        b
                    }
                },
            )
            .0;
        correct += usize::from(names.get(best) == Some(l));
    }
    let accuracy = correct as f64 / test_texts.len().max(1) as f64;

    // Throughput on the test documents, cycled to `throughput` documents.
    let docs: Vec<&str> = test_texts
        .iter()
        .map(String::as_str)
        .cycle()
        .take(if test_texts.is_empty() {
            0
        } else {
            a.throughput
        })
        .collect();
    let t3 = Instant::now();
    for d in &docs {
        black_box(model.predict_proba(&featurizer.features(&Document::new(black_box(d)))));
    }
    let predict_s = t3.elapsed().as_secs_f64();
    let engine = Engine::embedded().map_err(|e| e.to_string())?;
    let t4 = Instant::now();
    for d in &docs {
        black_box(engine.analyze(black_box(d)));
    }
    let analyze_s = t4.elapsed().as_secs_f64();

    Ok(serde_json::json!({
        "peer": "tact",
        "n_train": labels.len(),
        "n_test": test_texts.len(),
        "classes": names.len(),
        "nnz_per_doc": nnz as f64 / labels.len().max(1) as f64,
        "load_s": load_s,
        "featurize_s": featurize_s,
        "fit_s": fit_s,
        "train_s": train_s,
        "accuracy": accuracy,
        "weight_rows": model.rows().len(),
        // FNV-1a over the weights' bits: the same data and seed must give the same model.
        "weights_fnv": model
            .weights()
            .iter()
            .chain(model.bias())
            .fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
                (h ^ u64::from(w.to_bits())).wrapping_mul(0x0100_0000_01b3)
            })
            .to_string(),
        "predict_docs_per_s": docs.len() as f64 / predict_s.max(1e-9),
        "analyze_docs_per_s": docs.len() as f64 / analyze_s.max(1e-9),
    }))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("scale: {e}");
            return ExitCode::from(1);
        }
    };
    let (Some(train), Some(test)) = (args.train.as_deref(), args.test.as_deref()) else {
        println!("scale: scripts/bench drives this bench (--train FILE --test FILE); skipped");
        return ExitCode::SUCCESS;
    };
    match run(&args, train, test) {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("scale: {e}");
            ExitCode::from(2)
        }
    }
}
