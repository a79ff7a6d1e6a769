//! `tact triage`: rank a CSV of complaints by urgency.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use tact_core::Engine;

use crate::DataError;

/// Arguments of `tact triage`.
#[derive(Debug, Args)]
pub(crate) struct TriageArgs {
    /// The CSV file (with a header row).
    file: PathBuf,
    /// The column holding the complaint text.
    #[arg(long)]
    text_column: String,
    /// Write the ranked CSV here instead of standard output.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// On a malformed row, report it on standard error as {"line": N, "error": "..."} and go on
    /// (exit code 2 at the end) instead of stopping.
    #[arg(long)]
    keep_going: bool,
    #[command(flatten)]
    pub models: crate::Models,
}

struct Row {
    fields: csv::StringRecord,
    score: u8,
    level: String,
    persona: String,
    confidence: f32,
}

pub(crate) fn run(args: &TriageArgs, engine: &Engine, stdout: &mut dyn Write) -> Result<ExitCode> {
    let src = args.file.display().to_string();
    let file = std::fs::File::open(&args.file).with_context(|| format!("cannot read {src}"))?;
    let read = tact_cli::read_csv(
        std::io::BufReader::new(file),
        &src,
        &args.text_column,
        args.keep_going,
    )
    .map_err(DataError)?;
    let failed = read.bad.len();
    for bad in &read.bad {
        eprintln!(
            "{}",
            serde_json::json!({"line": bad.line, "error": bad.error})
        );
    }
    let headers = read.headers;
    let col = read.text_column;
    let mut rows: Vec<Row> = read
        .rows
        .into_iter()
        .map(|rec| {
            let r = engine.analyze(rec.get(col).unwrap_or_default());
            Row {
                score: r.urgency.score,
                level: r.urgency.level.to_string(),
                persona: r.persona.label.to_string(),
                confidence: r.persona.confidence,
                fields: rec,
            }
        })
        .collect();
    // Most urgent first; ties keep the input order (a stable sort).
    rows.sort_by_key(|r| std::cmp::Reverse(r.score));
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        ),
        None => Box::new(stdout),
    };
    let mut w = csv::Writer::from_writer(sink);
    let mut h = headers.clone();
    for extra in [
        "urgency_level",
        "urgency_score",
        "persona",
        "persona_confidence",
    ] {
        h.push_field(extra);
    }
    w.write_record(&h)?;
    for r in rows {
        let mut f = r.fields;
        f.push_field(&r.level);
        f.push_field(&r.score.to_string());
        f.push_field(&r.persona);
        f.push_field(&format!("{:.3}", r.confidence));
        w.write_record(&f)?;
    }
    w.flush()?;
    if failed > 0 {
        eprintln!("tact: {failed} malformed row(s) in {src}");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}
