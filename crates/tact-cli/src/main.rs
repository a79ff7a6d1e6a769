//! `tact`: triage complaints and check reply drafts from the command line.
//!
//! Exit codes: 0 success, 1 usage or I/O error, 2 bad input data (a malformed line, invalid
//! UTF-8, a missing column) or a bad model file.

mod data;
mod human;
mod input;
mod serve;
mod train;
mod triage;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use tact_core::{Engine, Model, Task};

/// tact reads customer complaints and the replies to them: urgency and persona for each
/// complaint, passive-aggressive wording in each reply draft. Everything runs locally.
#[derive(Debug, Parser)]
#[command(name = "tact", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct ModelArgs {
    /// Use this urgency model instead of the built-in one.
    #[arg(long, value_name = "MODEL")]
    urgency_model: Option<PathBuf>,
    /// Use this persona model instead of the built-in one.
    #[arg(long, value_name = "MODEL")]
    persona_model: Option<PathBuf>,
    /// Use this tone model instead of the built-in one.
    #[arg(long, value_name = "MODEL")]
    tone_model: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// The text. Without it, --file or standard input is read.
    text: Option<String>,
    /// Read the text (or JSON Lines) from this file.
    #[arg(long, short, value_name = "PATH", conflicts_with = "text")]
    file: Option<PathBuf>,
    /// Read JSON Lines ({"id": any, "text": str} per line) and write one JSON object per line.
    #[arg(long)]
    jsonl: bool,
    /// With --jsonl: on a malformed line write {"line": N, "error": "..."} and go on (exit code
    /// 2 at the end) instead of stopping.
    #[arg(long, requires = "jsonl")]
    keep_going: bool,
    /// Print the report as JSON even for a single text.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score a complaint: urgency (level and 0-100), persona, the words behind them, advice.
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        models: ModelArgs,
    },
    /// Check a reply draft for passive-aggressive wording, with spans and suggestions.
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// The complaint the draft answers (JSONL lines may carry "complaint").
        #[arg(long, value_name = "TEXT")]
        complaint: Option<String>,
        /// Checker settings (TOML): strictness, disabled rules, allowed phrases, dismissed
        /// findings. See the README.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Override the strictness: strict, standard or relaxed.
        #[arg(long)]
        strictness: Option<tact_core::Strictness>,
        #[command(flatten)]
        models: ModelArgs,
    },
    /// Rank a CSV of complaints by urgency, adding urgency and persona columns.
    Triage(triage::TriageArgs),
    /// Train a model on labelled data, with a k-fold cross-validation report.
    Train(train::TrainArgs),
    /// Evaluate a model on labelled data it was not trained on.
    Eval(train::EvalArgs),
    /// Show a model file's task, features, labels and training metadata.
    Info {
        /// The model file.
        model: PathBuf,
    },
    /// Serve the web app on 127.0.0.1.
    Serve(serve::ServeArgs),
}

/// An error that exits with code 2: the input data or a model file is bad.
#[derive(Debug)]
pub(crate) struct DataError(pub String);

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DataError {}

pub(crate) fn load_model(path: &std::path::Path, task: Option<Task>) -> Result<Model> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read model file {}", path.display()))?;
    let parsed = match task {
        Some(t) => Model::from_bytes_for(&bytes, t),
        None => Model::from_bytes(&bytes),
    };
    parsed.map_err(|e| DataError(format!("{}: {e}", path.display())).into())
}

fn load_config(path: &std::path::Path) -> Result<tact_core::CheckConfig> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    let text = tact_cli::decode_utf8(bytes, &path.display().to_string()).map_err(DataError)?;
    toml::from_str(&text).map_err(|e| DataError(format!("{}: {e}", path.display())).into())
}

fn engine(models: &ModelArgs) -> Result<Engine> {
    let mut engine = Engine::embedded()
        .map_err(|e| DataError(e.to_string()))?
        .clone();
    for (path, task) in [
        (&models.urgency_model, Task::Urgency),
        (&models.persona_model, Task::Persona),
        (&models.tone_model, Task::Tone),
    ] {
        if let Some(p) = path {
            let m = load_model(p, Some(task))?;
            engine = engine
                .with_model(m)
                .map_err(|e| DataError(format!("{}: {e}", p.display())))?;
        }
    }
    Ok(engine)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Analyze { input, models } => {
            let engine = engine(&models)?;
            input::run_texts(&input, &mut out, &["text"], |rec| {
                let report = engine.analyze(&rec.text);
                if rec.human {
                    Ok(human::complaint(&rec.text, &report))
                } else {
                    let mut v = serde_json::to_value(&report)?;
                    input::put_id(&mut v, rec.id);
                    Ok(serde_json::to_string(&v)?)
                }
            })?
        }
        Command::Check {
            input,
            complaint,
            config,
            strictness,
            models,
        } => {
            let engine = engine(&models)?;
            let mut settings = match &config {
                Some(p) => load_config(p)?,
                None => tact_core::CheckConfig::default(),
            };
            if let Some(s) = strictness {
                settings.strictness = s;
            }
            input::run_texts(&input, &mut out, &["text", "reply"], |rec| {
                let c = rec.complaint.as_deref().or(complaint.as_deref());
                let report = engine.check_with(&rec.text, c, &settings);
                if rec.human {
                    Ok(human::reply(&rec.text, &report))
                } else {
                    let mut v = serde_json::to_value(&report)?;
                    input::put_id(&mut v, rec.id);
                    Ok(serde_json::to_string(&v)?)
                }
            })?
        }
        Command::Triage(args) => {
            let engine = engine(&args.models)?;
            triage::run(&args, &engine, &mut out)?
        }
        Command::Train(args) => train::train(&args, &mut out)?,
        Command::Eval(args) => train::eval(&args, &mut out)?,
        Command::Info { model } => {
            let m = load_model(&model, None)?;
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&train::model_info(&m))?
            )?;
            ExitCode::SUCCESS
        }
        Command::Serve(args) => serve::serve(&args)?,
    };
    out.flush()?;
    Ok(code)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let code = if e.downcast_ref::<DataError>().is_some() {
                2
            } else {
                1
            };
            eprintln!("tact: error: {e:#}");
            ExitCode::from(code)
        }
    }
}

pub(crate) use ModelArgs as Models;
