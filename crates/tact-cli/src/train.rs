//! `tact train`, `tact eval` and `tact info`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use tact_core::train::{
    baselines, cross_validate, dataset, CvData, FtrlParams, Metrics, SparseRecords,
};
use tact_core::{FeatureConfig, Featurizer, Model, Task, TrainingMeta};

use crate::data::{load, Columns};
use crate::DataError;

/// Which columns hold the text and the label, and which rows to keep (train and eval).
#[derive(Debug, Args)]
pub(crate) struct ColumnArgs {
    /// Column (CSV) or field (JSONL) holding the text [default: text; reply for tone].
    #[arg(long)]
    text_column: Option<String>,
    /// Column or field holding the label [default: the task's name; passive_aggressive for tone].
    #[arg(long)]
    label_column: Option<String>,
    /// Keep only rows whose "split" field equals this (e.g. train, test).
    #[arg(long)]
    split: Option<String>,
}

impl ColumnArgs {
    fn columns<'a>(&'a self, split: Option<&'a str>, licence: &'a str) -> Columns<'a> {
        Columns {
            text: self.text_column.as_deref(),
            label: self.label_column.as_deref(),
            split,
            licence,
        }
    }
}

/// Arguments of `tact train`.
#[derive(Debug, Args)]
pub(crate) struct TrainArgs {
    /// What to learn: urgency, persona or tone.
    #[arg(long)]
    task: Task,
    /// Labelled data: JSON Lines (.jsonl) or CSV (.csv, .tsv). Several files are concatenated.
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    /// Where to write the model file.
    #[arg(long)]
    out: PathBuf,
    /// Seed for shuffling and folds: the same data and seed give the same bytes.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Folds of the cross-validation report (0 skips it).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Score the cross-validation only on rows from these files (all of them are still
    /// trained on); e.g. your own tickets when public data is mixed in. Each must be in --data.
    #[arg(long, num_args = 1..)]
    cv_data: Vec<PathBuf>,
    /// Weight every row of one data file: PATH=WEIGHT (repeatable), e.g. to down-weight a
    /// public proxy dataset next to your own tickets. Multiplies any per-row "weight".
    #[arg(long, value_name = "PATH=WEIGHT")]
    file_weight: Vec<String>,
    #[command(flatten)]
    columns: ColumnArgs,
    /// Licence of the data, recorded in the model file.
    #[arg(long, default_value = "unspecified")]
    data_licence: String,
    /// Date recorded in the model file [default: $SOURCE_DATE_EPOCH as a date, else none].
    #[arg(long)]
    date: Option<String>,
    /// Passes over the data.
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    /// FTRL learning rate.
    #[arg(long, default_value_t = 0.3)]
    alpha: f32,
    /// L1 strength (larger: smaller model).
    #[arg(long, default_value_t = 1.0)]
    l1: f32,
    /// L2 strength.
    #[arg(long, default_value_t = 0.1)]
    l2: f32,
    /// Train on plain features, without inverse-document-frequency scaling.
    #[arg(long)]
    no_idf: bool,
    /// Hash buckets = 2^hash_bits.
    #[arg(long, default_value_t = 18)]
    hash_bits: u8,
    /// Longest word n-gram.
    #[arg(long, default_value_t = 2)]
    ngrams: u8,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// Arguments of `tact eval`.
#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// What the model predicts.
    #[arg(long)]
    task: Task,
    /// Labelled data the model was not trained on.
    #[arg(long, required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    /// The model file.
    #[arg(long)]
    model: PathBuf,
    #[command(flatten)]
    columns: ColumnArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Also fit baselines on this training data (majority class, linfa naive Bayes, linfa
    /// logistic regression on dense word counts) and score them on the same evaluation data.
    #[arg(long, num_args = 1..)]
    baselines_train: Vec<PathBuf>,
    /// With --baselines-train: keep only rows whose "split" field equals this.
    #[arg(long)]
    baselines_split: Option<String>,
}

fn civil_date(epoch_secs: i64) -> String {
    // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    let z = epoch_secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn bar(quiet: bool, len: u64, what: &str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg:>14} [{bar:30}] {pos}/{len} {elapsed}") {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_message(what.to_string());
    pb
}

pub(crate) fn train(args: &TrainArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut meta_weights: Vec<String> = Vec::new();
    let cols = args
        .columns
        .columns(args.columns.split.as_deref(), &args.data_licence);
    let mut data = load(&args.data, args.task, &cols)?;
    for spec in &args.file_weight {
        let (path, w) = spec
            .rsplit_once('=')
            .and_then(|(p, w)| Some((PathBuf::from(p), w.parse::<f32>().ok()?)))
            .filter(|(_, w)| w.is_finite() && *w >= 0.0)
            .ok_or_else(|| {
                DataError(format!(
                    "--file-weight {spec}: expected PATH=WEIGHT with a non-negative weight"
                ))
            })?;
        let fi = args.data.iter().position(|d| *d == path).ok_or_else(|| {
            DataError(format!(
                "--file-weight {}: not one of the --data files",
                path.display()
            ))
        })?;
        for (row_w, &f) in data.weights.iter_mut().zip(&data.file) {
            if f == fi {
                *row_w *= w;
            }
        }
        meta_weights.push(format!(
            "{}={w}",
            path.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        ));
    }
    let config = FeatureConfig {
        hash_bits: args.hash_bits,
        word_ngrams: args.ngrams,
        ..FeatureConfig::default()
    };
    let featurizer = Featurizer::new(config.clone()).map_err(|e| DataError(e.to_string()))?;
    let labels: Vec<&str> = args.task.labels().to_vec();
    let params = FtrlParams::new(labels.len())
        .alpha(args.alpha)
        .l1(args.l1)
        .l2(args.l2)
        .epochs(args.epochs)
        .idf(!args.no_idf)
        .seed(args.seed);
    let params = linfa::ParamGuard::check(params).map_err(|e| DataError(e.to_string()))?;

    let pb = bar(args.quiet, data.texts.len() as u64, "features");
    let records = SparseRecords {
        rows: data
            .texts
            .iter()
            .map(|t| {
                pb.inc(1);
                featurizer.features(&tact_core::Document::new(t))
            })
            .collect(),
        dim: config.dimension() as usize,
    };
    pb.finish_and_clear();

    let mut meta = TrainingMeta {
        tact_version: env!("CARGO_PKG_VERSION").to_string(),
        trained_on: args.date.clone().or_else(|| {
            std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .map(civil_date)
        }),
        seed: args.seed,
        examples: data.texts.len() as u64,
        data_sources: data.sources.clone(),
        ..Default::default()
    };
    for (k, v) in params.describe() {
        meta.params.insert(k, v);
    }
    if !meta_weights.is_empty() {
        meta.params
            .insert("file_weights".into(), meta_weights.join(", "));
    }
    let ordinal = args.task == Task::Urgency;
    if args.folds > 0 {
        let pb = bar(args.quiet, args.folds as u64, "cross-valid.");
        let mask: Option<Vec<bool>> = if args.cv_data.is_empty() {
            None
        } else {
            let mut chosen = vec![false; args.data.len()];
            for c in &args.cv_data {
                let i = args.data.iter().position(|d| d == c).ok_or_else(|| {
                    DataError(format!(
                        "--cv-data {} is not one of the --data files",
                        c.display()
                    ))
                })?;
                chosen[i] = true;
            }
            Some(data.file.iter().map(|&f| chosen[f]).collect())
        };
        let cv_data = CvData {
            records: &records,
            labels: &data.labels,
            weights: data.weights(),
            eval_mask: mask.as_deref(),
        };
        let cv = cross_validate(
            &params,
            &cv_data,
            &labels,
            ordinal,
            args.folds,
            &mut |_, _| pb.inc(1),
        )
        .map_err(|e| DataError(e.to_string()))?;
        pb.finish_and_clear();
        let (mean, sd) = cv.macro_f1_mean_sd();
        writeln!(
            out,
            "{}-fold cross-validation of {} on {} examples (scored on {})",
            cv.folds,
            args.task,
            data.texts.len(),
            cv.pooled.n
        )?;
        writeln!(out, "macro-F1 per fold: mean {mean:.3}, sd {sd:.3}")?;
        writeln!(out, "{}", cv.pooled.to_text())?;
        meta.metrics.insert(
            format!("cv{}_macro_f1", cv.folds),
            round(cv.pooled.macro_f1),
        );
        meta.metrics.insert(
            format!("cv{}_accuracy", cv.folds),
            round(cv.pooled.accuracy),
        );
        meta.metrics
            .insert(format!("cv{}_ece", cv.folds), round(cv.pooled.ece));
        if let (Some(w), Some(r)) = (cv.pooled.within_one, cv.pooled.spearman) {
            meta.metrics
                .insert(format!("cv{}_within_one", cv.folds), round(w));
            meta.metrics
                .insert(format!("cv{}_spearman", cv.folds), round(r));
        }
    }
    let pb = bar(args.quiet, args.epochs as u64, "training");
    let ds = dataset(
        records,
        data.labels.clone(),
        data.weights().map(<[f32]>::to_vec),
    );
    let linear = params
        .fit_with_progress(&ds, &mut |_, _| pb.inc(1))
        .map_err(|e| DataError(e.to_string()))?;
    pb.finish_and_clear();
    let model = Model {
        task: args.task,
        features: config,
        labels: labels.iter().map(|s| s.to_string()).collect(),
        linear,
        meta,
    };
    let bytes = model.to_bytes().map_err(|e| DataError(e.to_string()))?;
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    writeln!(
        out,
        "wrote {} ({} bytes, {} weight rows)",
        args.out.display(),
        bytes.len(),
        model.linear.rows().len()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub(crate) fn eval(args: &EvalArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let model = crate::load_model(&args.model, Some(args.task))?;
    let cols = args.columns.columns(args.columns.split.as_deref(), "");
    let data = load(&args.data, args.task, &cols)?;
    let featurizer =
        Featurizer::new(model.features.clone()).map_err(|e| DataError(e.to_string()))?;
    let probs: Vec<Vec<f32>> = data
        .texts
        .iter()
        .map(|t| {
            model
                .linear
                .predict_proba(&featurizer.features(&tact_core::Document::new(t)))
        })
        .collect();
    let labels: Vec<&str> = args.task.labels().to_vec();
    let ordinal = args.task == Task::Urgency;
    let mut rows: Vec<(String, Metrics)> = vec![(
        format!("tact {} model", args.task),
        Metrics::compute(&labels, &data.labels, &probs, ordinal),
    )];

    // For tone, the verdict users see combines the model with the reply rules.
    if args.task == Task::Tone {
        let engine = tact_core::Engine::embedded()
            .map_err(|e| DataError(e.to_string()))?
            .with_model(model.clone())
            .map_err(|e| DataError(e.to_string()))?;
        let mut rules_only = Vec::with_capacity(data.texts.len());
        let mut combined = Vec::with_capacity(data.texts.len());
        for (t, p) in data.texts.iter().zip(&probs) {
            let r = engine.check(t, None);
            // The rules' own evidence, as the combined score with a neutral model (p = 0).
            let rules = if r.model_score >= 1.0 {
                1.0
            } else {
                1.0 - (1.0 - r.score) / (1.0 - r.model_score)
            };
            rules_only.push(vec![1.0 - rules, rules]);
            combined.push(vec![1.0 - r.score, r.score]);
            debug_assert!((r.model_score - p[1]).abs() < 1e-4);
        }
        rows.push((
            "reply rules alone".into(),
            Metrics::compute(&labels, &data.labels, &rules_only, false),
        ));
        rows.push((
            "tact verdict (model + rules)".into(),
            Metrics::compute(&labels, &data.labels, &combined, false),
        ));
    }

    let mut notes = Vec::new();
    if !args.baselines_train.is_empty() {
        let tcols = args.columns.columns(args.baselines_split.as_deref(), "");
        let train = load(&args.baselines_train, args.task, &tcols)?;
        for b in baselines(
            &labels,
            ordinal,
            &train.texts,
            &train.labels,
            &data.texts,
            &data.labels,
            2000,
        ) {
            notes.push(format!("{}: {}", b.name, b.note));
            if let Some(m) = b.metrics {
                rows.push((b.name, m));
            }
        }
    }

    if args.json {
        let v = json!({
            "task": args.task,
            "model": args.model.display().to_string(),
            "data": args.data.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "split": args.columns.split,
            "results": rows.iter().map(|(name, m)| json!({"name": name, "metrics": m})).collect::<Vec<_>>(),
            "notes": notes,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} model {} on {} examples",
        args.task,
        args.model.display(),
        rows[0].1.n
    )?;
    writeln!(out, "{}", rows[0].1.to_text())?;
    writeln!(
        out,
        "{:<52} {:>8} {:>9} {}",
        "compared on the same data",
        "accuracy",
        "macro-F1",
        if ordinal {
            "within-1  Spearman"
        } else {
            "F1 of the last class"
        }
    )?;
    for (name, m) in &rows {
        let extra = match (m.within_one, m.spearman) {
            (Some(w), Some(r)) => format!("{w:>8.3}  {r:>8.3}"),
            _ => format!("{:>8.3}", m.classes.last().map_or(0.0, |c| c.f1)),
        };
        writeln!(
            out,
            "{name:<52} {:>8.3} {:>9.3} {extra}",
            m.accuracy, m.macro_f1
        )?;
    }
    for n in notes {
        writeln!(out, "  {n}")?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn model_info(m: &Model) -> serde_json::Value {
    json!({
        "task": m.task,
        "format_version": tact_core::FORMAT_VERSION,
        "labels": m.labels,
        "features": m.features,
        "weight_rows": m.linear.rows().len(),
        "meta": m.meta,
    })
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn dates_from_epoch() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(1_795_305_600), "2026-11-22");
        assert_eq!(civil_date(951_782_400), "2000-02-29");
    }
}
