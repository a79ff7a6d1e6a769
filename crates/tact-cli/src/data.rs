//! Labelled data for `tact train` and `tact eval`: JSON Lines or CSV, chosen by extension.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::Value;
use tact_core::{DataSource, Task};

use crate::input::{kind, utf8};
use crate::DataError;
use tact_cli::{csv_error_in, csv_line};

/// Texts with class indices, and where they came from.
#[derive(Debug, Default)]
pub(crate) struct Labelled {
    pub texts: Vec<String>,
    pub labels: Vec<usize>,
    /// Sample weights ("weight" field or column; 1 when absent).
    pub weights: Vec<f32>,
    /// Which file (index into `sources`) each example came from.
    pub file: Vec<usize>,
    pub sources: Vec<DataSource>,
}

impl Labelled {
    /// The weights, or `None` when every weight is 1 (the usual case).
    pub fn weights(&self) -> Option<&[f32]> {
        self.weights
            .iter()
            .any(|w| *w != 1.0)
            .then_some(self.weights.as_slice())
    }
}

fn weight_of(v: Option<&Value>) -> std::result::Result<f32, String> {
    match v {
        None | Some(Value::Null) => Ok(1.0),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(w) if w.is_finite() && w >= 0.0 => Ok(w as f32),
            _ => Err(format!("must be a non-negative number, got {n}")),
        },
        Some(other) => Err(format!("must be a number, got {}", kind(other))),
    }
}

/// Which columns to read and which rows to keep.
#[derive(Debug)]
pub(crate) struct Columns<'a> {
    pub text: Option<&'a str>,
    pub label: Option<&'a str>,
    /// Keep only rows whose "split" field equals this.
    pub split: Option<&'a str>,
    pub licence: &'a str,
}

fn default_text(task: Task) -> &'static [&'static str] {
    match task {
        Task::Tone => &["reply", "text"],
        _ => &["text"],
    }
}

fn default_label(task: Task) -> &'static str {
    match task {
        Task::Urgency => "urgency",
        Task::Persona => "persona",
        Task::Tone => "passive_aggressive",
    }
}

fn label_of(task: Task, v: &Value) -> std::result::Result<usize, String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => return Err(format!("must be a string, got {}", kind(other))),
    };
    task.label_index(&s).map_err(|e| e.to_string())
}

/// Load every file; every bad row is an error naming file, line and field.
pub(crate) fn load(paths: &[PathBuf], task: Task, cols: &Columns<'_>) -> Result<Labelled> {
    let mut out = Labelled::default();
    for (fi, p) in paths.iter().enumerate() {
        let before = out.texts.len();
        let is_csv = p
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
        if is_csv {
            load_csv(p, task, cols, &mut out)?;
        } else {
            load_jsonl(p, task, cols, &mut out)?;
        }
        out.file.resize(out.texts.len(), fi);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        out.sources.push(DataSource {
            name,
            rows: (out.texts.len() - before) as u64,
            licence: cols.licence.to_string(),
        });
    }
    if out.texts.is_empty() {
        return Err(DataError(
            "no labelled examples were read (check --split and the files)".into(),
        )
        .into());
    }
    Ok(out)
}

fn load_jsonl(p: &Path, task: Task, cols: &Columns<'_>, out: &mut Labelled) -> Result<()> {
    let src = p.display().to_string();
    let all = utf8(
        std::fs::read(p).with_context(|| format!("cannot read {src}"))?,
        &src,
    )?;
    let text_fields: Vec<&str> = cols
        .text
        .map_or_else(|| default_text(task).to_vec(), |t| vec![t]);
    let label_field = cols.label.unwrap_or(default_label(task));
    for (i, line) in all.split('\n').enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let err = |m: String| DataError(format!("{src}: line {n}: {m}"));
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let Value::Object(obj) = v else {
            return Err(err("expected a JSON object".into()).into());
        };
        if let Some(want) = cols.split {
            match obj.get("split") {
                Some(Value::String(s)) if s == want => {}
                Some(Value::String(_)) => continue,
                _ => {
                    return Err(err(
                        "--split was given but the line has no string field \"split\"".into(),
                    )
                    .into())
                }
            }
        }
        let text = match text_fields.iter().find_map(|f| obj.get(*f).map(|v| (f, v))) {
            Some((_, Value::String(s))) => s.clone(),
            Some((f, other)) => {
                return Err(err(format!(
                    "field \"{f}\" must be a string, got {}",
                    kind(other)
                ))
                .into())
            }
            None => return Err(err(format!("missing field \"{}\"", text_fields[0])).into()),
        };
        let label = match obj.get(label_field) {
            Some(v) => {
                label_of(task, v).map_err(|e| err(format!("field \"{label_field}\": {e}")))?
            }
            None => return Err(err(format!("missing field \"{label_field}\"")).into()),
        };
        let weight =
            weight_of(obj.get("weight")).map_err(|e| err(format!("field \"weight\": {e}")))?;
        out.texts.push(text);
        out.labels.push(label);
        out.weights.push(weight);
    }
    Ok(())
}

fn load_csv(p: &Path, task: Task, cols: &Columns<'_>, out: &mut Labelled) -> Result<()> {
    let src = p.display().to_string();
    let delimiter = if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv")) {
        b'\t'
    } else {
        b','
    };
    let data = std::fs::read(p).with_context(|| format!("cannot read {src}"))?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(data.as_slice());
    let headers = rdr
        .headers()
        .map_err(|e| DataError(format!("{src}: {}", csv_error_in(&data, &e))))?;
    let headers = tact_cli::clean_headers(headers);
    let find = |name: &str| -> Result<usize> {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            DataError(format!(
                "{src}: no column \"{name}\" (columns: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            ))
            .into()
        })
    };
    let text_i = match cols.text {
        Some(t) => find(t)?,
        None => default_text(task)
            .iter()
            .find_map(|t| find(t).ok())
            .map_or_else(|| find(default_text(task)[0]), Ok)?,
    };
    let label_name = cols.label.unwrap_or(default_label(task));
    let label_i = find(label_name)?;
    let split_i = cols.split.map(|_| find("split")).transpose()?;
    let weight_i = headers.iter().position(|h| h == "weight");
    for rec in rdr.records() {
        let rec = rec.map_err(|e| DataError(format!("{src}: {}", csv_error_in(&data, &e))))?;
        let n = rec.position().map_or(0, |p| csv_line(&data, p));
        if let (Some(i), Some(want)) = (split_i, cols.split) {
            if rec.get(i) != Some(want) {
                continue;
            }
        }
        let text = rec.get(text_i).unwrap_or_default().to_string();
        let raw = rec.get(label_i).unwrap_or_default();
        let label = task
            .label_index(raw)
            .map_err(|e| DataError(format!("{src}: line {n}: column \"{label_name}\": {e}")))?;
        let weight = match weight_i.and_then(|i| rec.get(i)).filter(|w| !w.trim().is_empty()) {
            None => 1.0,
            Some(w) => w
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|w| w.is_finite() && *w >= 0.0)
                .ok_or_else(|| {
                    DataError(format!(
                        "{src}: line {n}: column \"weight\": must be a non-negative number, got {w:?}"
                    ))
                })?,
        };
        out.texts.push(text);
        out.labels.push(label);
        out.weights.push(weight);
    }
    Ok(())
}
