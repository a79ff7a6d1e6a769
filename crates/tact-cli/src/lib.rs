//! The readers of the `tact` command line, as a library: UTF-8 decoding, JSON Lines records
//! and CSV rows, each error in words with its line. The `tact` binary reads its input through
//! these functions; the fuzz targets (`fuzz/`) and tests call them directly.
//!
//! Errors are plain strings; the binary prefixes the file name where these do not and turns
//! them into exit code 2.

use std::io::Read;

use serde_json::Value;

/// Bytes as UTF-8, or an error that says where the first invalid byte is (byte offset and
/// line, counted from 1), prefixed with `source`.
pub fn decode_utf8(bytes: Vec<u8>, source: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let raw = e.as_bytes();
        let line = raw
            .get(..at)
            .unwrap_or(raw)
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        format!("{source}: invalid UTF-8 at byte {at} (line {line}); tact reads UTF-8 text only")
    })
}

/// One JSON Lines record of `tact analyze --jsonl` or `tact check --jsonl`.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonlRecord {
    /// The line's `"id"` (null when absent), echoed in the output.
    pub id: Value,
    /// The text.
    pub text: String,
    /// The line's `"complaint"`, if any.
    pub complaint: Option<String>,
}

/// What kind of JSON value this is, in words ("a number", "an array", ...).
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parse one JSON Lines line; `fields` are the names accepted for the text, the first one
/// being the name used in errors. Other fields are ignored.
pub fn parse_jsonl_line(line: &str, fields: &[&str]) -> Result<JsonlRecord, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut obj) = v else {
        return Err(format!("expected a JSON object, got {}", kind(&v)));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let text = match fields.iter().find_map(|f| obj.remove(*f).map(|v| (f, v))) {
        Some((_, Value::String(s))) => s,
        Some((f, other)) => {
            return Err(format!(
                "field \"{f}\" must be a string, got {}",
                kind(&other)
            ))
        }
        None => {
            return Err(format!(
                "missing field \"{}\"",
                fields.first().copied().unwrap_or("text")
            ))
        }
    };
    let complaint = match obj.remove("complaint") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            return Err(format!(
                "field \"complaint\" must be a string, got {}",
                kind(&other)
            ))
        }
    };
    Ok(JsonlRecord {
        id,
        text,
        complaint,
    })
}

/// The lines of a JSON Lines text that hold something, with their line numbers (from 1):
/// a leading byte-order mark dropped (Windows tools write one), split on `\n`, a trailing
/// `\r` removed, blank lines skipped.
pub fn jsonl_lines(all: &str) -> impl Iterator<Item = (usize, &str)> {
    let all = all.strip_prefix('\u{FEFF}').unwrap_or(all);
    all.split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix('\r').unwrap_or(line)))
        .filter(|(_, line)| !line.trim().is_empty())
}

/// Every record of a JSON Lines text, in order, with its line number: one item per line that
/// holds something, so no line is dropped, good or bad.
pub fn jsonl_records<'a>(
    all: &'a str,
    fields: &'a [&'a str],
) -> impl Iterator<Item = (usize, Result<JsonlRecord, String>)> + 'a {
    jsonl_lines(all).map(move |(n, line)| (n, parse_jsonl_line(line, fields)))
}

/// The line (from 1) on which the CSV record at `pos` of `data` starts. The csv crate counts
/// a line when it meets `\n`, so after a record ending in `\r\n` it reports the line before;
/// this counts from the bytes instead.
pub fn csv_line(data: &[u8], pos: &csv::Position) -> u64 {
    let mut at = usize::try_from(pos.byte())
        .unwrap_or(usize::MAX)
        .min(data.len());
    while matches!(data.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    let newlines = data
        .get(..at)
        .unwrap_or(data)
        .iter()
        .filter(|&&b| b == b'\n');
    newlines.count() as u64 + 1
}

/// A csv error with its line number, in words.
pub fn csv_error(e: &csv::Error) -> String {
    describe(e, e.position().map(|p| p.line()))
}

/// A csv error in words, with the line counted in `data` (see [`csv_line`]).
pub fn csv_error_in(data: &[u8], e: &csv::Error) -> String {
    describe(e, e.position().map(|p| csv_line(data, p)))
}

fn describe(e: &csv::Error, line: Option<u64>) -> String {
    let line = line.map(|n| format!("line {n}: ")).unwrap_or_default();
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{line}this row has {len} fields, the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { err, .. } => format!(
            "{line}invalid UTF-8 in field {} (tact reads UTF-8 text only)",
            err.field() + 1
        ),
        _ => format!("{line}{e}"),
    }
}

/// The header row without the extra byte-order marks some tools leave when they join files:
/// the csv crate drops the first one; a second one would stick to the first column's name
/// (and be dropped again when the output is read back, renaming the column).
pub fn clean_headers(headers: &csv::StringRecord) -> csv::StringRecord {
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 {
                h.trim_start_matches('\u{FEFF}')
            } else {
                h
            }
        })
        .collect()
}

/// A malformed CSV row: its line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// The line the row starts on (from 1; 0 when unknown).
    pub line: u64,
    /// What is wrong, in words, starting with the line.
    pub error: String,
}

/// A CSV of complaints as `tact triage` reads it.
#[derive(Debug, Clone)]
pub struct CsvRows {
    /// The header row.
    pub headers: csv::StringRecord,
    /// Index of the text column.
    pub text_column: usize,
    /// Every good row, in input order.
    pub rows: Vec<csv::StringRecord>,
    /// Every bad row, in input order (only with `keep_going`).
    pub bad: Vec<BadRow>,
}

/// Read a CSV with a header row that must have the column `text_column`. Without
/// `keep_going` the first bad row is the error; with it, every bad row is kept in
/// [`CsvRows::bad`] and reading goes on. Errors are prefixed with `source`.
pub fn read_csv<R: Read>(
    mut input: R,
    source: &str,
    text_column: &str,
    keep_going: bool,
) -> Result<CsvRows, String> {
    let mut data = Vec::new();
    input
        .read_to_end(&mut data)
        .map_err(|e| format!("cannot read {source}: {e}"))?;
    let mut rdr = csv::ReaderBuilder::new().from_reader(data.as_slice());
    let headers = rdr
        .headers()
        .map_err(|e| format!("{source}: {}", csv_error_in(&data, &e)))?;
    let headers = clean_headers(headers);
    if headers.is_empty() {
        return Err(format!(
            "{source}: the file is empty; a CSV needs a header row with a \"{text_column}\" column"
        ));
    }
    let text_i = headers
        .iter()
        .position(|h| h == text_column)
        .ok_or_else(|| {
            format!(
                "{source}: no column \"{text_column}\" (columns: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            )
        })?;
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for rec in rdr.records() {
        match rec {
            Ok(r) => rows.push(r),
            Err(e) if keep_going => bad.push(BadRow {
                line: e.position().map_or(0, |p| csv_line(&data, p)),
                error: csv_error_in(&data, &e),
            }),
            Err(e) => return Err(format!("{source}: {}", csv_error_in(&data, &e))),
        }
    }
    Ok(CsvRows {
        headers,
        text_column: text_i,
        rows,
        bad,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_lines_are_counted_from_the_bytes_even_after_crlf() {
        for data in [
            &b"id,body\r\n1,late\r\n2\r\n3,ok\r\n"[..],
            b"id,body\n1,late\n2\n3,ok\n",
            b"\xef\xbb\xbfid,body\r\n1,late\r\n2\r\n3,ok\r\n",
        ] {
            let r = read_csv(data, "t.csv", "body", true).unwrap();
            assert_eq!(r.rows.len(), 2);
            assert_eq!(r.bad.len(), 1);
            assert_eq!(r.bad[0].line, 3, "{data:?}");
            assert!(r.bad[0].error.starts_with("line 3: this row has 1 fields"));
            let e = read_csv(data, "t.csv", "body", false).unwrap_err();
            assert!(e.starts_with("t.csv: line 3: "), "{e}");
        }
        // A quoted field over two lines: the row after it starts on line 4.
        let r = read_csv(&b"id,body\r\n1,\"a\r\nb\"\r\n2\r\n"[..], "t", "body", true).unwrap();
        assert_eq!(r.bad[0].line, 4);
    }

    /// Found by the csv fuzz target (fuzz/corpus/csv/double-bom): a file starting with two
    /// byte-order marks kept one in the first column's name, and triage's output, read back,
    /// lost it again.
    #[test]
    fn a_doubled_byte_order_mark_is_not_part_of_the_first_column() {
        let data = "\u{FEFF}\u{FEFF}id,body\r\n1,late\r\n".as_bytes();
        let r = read_csv(data, "t.csv", "body", false).unwrap();
        assert_eq!(r.headers.iter().collect::<Vec<_>>(), ["id", "body"]);
        let r = read_csv(
            &b"\xef\xbb\xbf\xef\xbb\xbfbody\n1\n"[..],
            "t.csv",
            "body",
            false,
        )
        .unwrap();
        assert_eq!(r.text_column, 0);
    }

    #[test]
    fn an_empty_csv_says_so() {
        let e = read_csv(&b""[..], "e.csv", "body", true).unwrap_err();
        assert_eq!(
            e,
            "e.csv: the file is empty; a CSV needs a header row with a \"body\" column"
        );
    }

    #[test]
    fn jsonl_lines_skip_a_bom_and_blank_lines_and_keep_numbers() {
        let all = "\u{FEFF}{\"text\":\"a\"}\r\n\n  \n{\"text\":\"b\"}";
        let got: Vec<_> = jsonl_records(all, &["text"])
            .map(|(n, r)| (n, r.map(|r| r.text)))
            .collect();
        assert_eq!(got, vec![(1, Ok("a".into())), (4, Ok("b".into()))]);
    }
}
