//! Reading texts: one TEXT argument, a file, standard input, or JSON Lines.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::{Map, Value};

use crate::{DataError, InputArgs};

/// One text to process.
pub(crate) struct Record {
    /// The JSONL line's "id" (null for a single text).
    pub id: Value,
    /// The text.
    pub text: String,
    /// The JSONL line's "complaint", if any.
    pub complaint: Option<String>,
    /// Print for a person rather than as JSON.
    pub human: bool,
}

/// Where the input came from, for error messages.
fn source_name(args: &InputArgs) -> String {
    match &args.file {
        Some(p) => p.display().to_string(),
        None => "standard input".to_string(),
    }
}

/// Bytes as UTF-8, or an error that says where the first invalid byte is.
pub(crate) fn utf8(bytes: Vec<u8>, source: &str) -> Result<String> {
    tact_cli::decode_utf8(bytes, source).map_err(|e| DataError(e).into())
}

fn read_all(args: &InputArgs) -> Result<String> {
    let source = source_name(args);
    let mut bytes = Vec::new();
    match &args.file {
        Some(p) => {
            bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
        }
    }
    utf8(bytes, &source)
}

/// Parse one JSONL line into a record; `fields` are the names accepted for the text.
pub(crate) fn parse_line(line: &str, fields: &[&str]) -> std::result::Result<Record, String> {
    tact_cli::parse_jsonl_line(line, fields).map(|r| Record {
        id: r.id,
        text: r.text,
        complaint: r.complaint,
        human: false,
    })
}

pub(crate) use tact_cli::kind;

/// Put `"id"` first in a report object.
pub(crate) fn put_id(v: &mut Value, id: Value) {
    if let Value::Object(m) = v {
        let mut out = Map::new();
        out.insert("id".into(), id);
        out.append(m);
        *m = out;
    }
}

/// Run `f` on every input text and write its output line by line.
pub(crate) fn run_texts(
    args: &InputArgs,
    out: &mut dyn Write,
    fields: &[&str],
    mut f: impl FnMut(Record) -> Result<String>,
) -> Result<ExitCode> {
    if !args.jsonl {
        let text = match &args.text {
            Some(t) => t.clone(),
            None => read_all(args)?,
        };
        let human = !args.json;
        writeln!(
            out,
            "{}",
            f(Record {
                id: Value::Null,
                text,
                complaint: None,
                human
            })?
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.text.is_some() {
        return Err(DataError(
            "--jsonl reads from --file or standard input, not from a TEXT argument".into(),
        )
        .into());
    }
    let source = source_name(args);
    let all = read_all(args)?;
    let mut failed = 0usize;
    for (n, line) in tact_cli::jsonl_lines(&all) {
        match parse_line(line, fields) {
            Ok(rec) => writeln!(out, "{}", f(rec)?)?,
            Err(e) if args.keep_going => {
                failed += 1;
                eprintln!("tact: {source}: line {n}: {e}");
                writeln!(out, "{}", serde_json::json!({"line": n, "error": e}))?;
            }
            Err(e) => {
                out.flush()?;
                return Err(DataError(format!("{source}: line {n}: {e}")).into());
            }
        }
    }
    if failed > 0 {
        out.flush()?;
        eprintln!("tact: {failed} malformed line(s) in {source}");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_names_problems() {
        let r = parse_line(r#"{"id": 7, "text": "hi", "x": 1}"#, &["text"]).unwrap();
        assert_eq!((r.id, r.text.as_str()), (Value::from(7), "hi"));
        assert_eq!(
            parse_line(r#"{"id": 1}"#, &["text"]).err().unwrap(),
            "missing field \"text\""
        );
        assert_eq!(
            parse_line(r#"{"text": 3}"#, &["text"]).err().unwrap(),
            "field \"text\" must be a string, got a number"
        );
        assert!(parse_line("{oops", &["text"])
            .err()
            .unwrap()
            .starts_with("invalid JSON"));
        assert_eq!(
            parse_line("[1]", &["text"]).err().unwrap(),
            "expected a JSON object, got an array"
        );
        let r = parse_line(
            r#"{"reply": "ok", "complaint": "late"}"#,
            &["text", "reply"],
        )
        .unwrap();
        assert_eq!(r.complaint.as_deref(), Some("late"));
    }

    #[test]
    fn invalid_utf8_names_the_byte_and_line() {
        let e = utf8(b"ok\nbad \xff here".to_vec(), "x.jsonl").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.jsonl: invalid UTF-8 at byte 7 (line 2); tact reads UTF-8 text only"
        );
    }
}
