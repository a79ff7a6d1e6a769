//! Bad and odd input through the real `tact` binary: each case ends in a clear error that says
//! what and where (exit code 2 for bad data), or in a sane report whose spans are exact
//! slices of the input. Batch runs report every bad line and keep every good one.
//!
//! What tests/cli.rs already covers (a half-truncated and a bit-flipped model, a ragged CSV
//! row, the basic --keep-going run) is not repeated here. The time of 1 MB of text is
//! measured in a benchmark (`cargo bench -p tact-core --bench limits`), not here.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod support;
use support::{run, s, stderr as err, stdout as out, train_quietly, TempDir};

/// Exit code 2 and a standard-error message containing every one of `needles`.
#[track_caller]
fn assert_data_error(o: &Output, needles: &[&str]) {
    let e = err(o);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {e}");
    for n in needles {
        assert!(e.contains(n), "stderr lacks {n:?}: {e}");
    }
    assert!(!e.contains("panicked"), "{e}");
}

#[track_caller]
fn assert_ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", err(o));
}

/// Every span of a report (cues, lints) lies on char boundaries of `text` and its "text" is
/// exactly that slice; returns how many spans there were.
#[track_caller]
fn assert_spans(text: &str, report: &Value) -> usize {
    let mut spans = Vec::new();
    for key in ["urgency", "persona"] {
        if let Some(cues) = report[key]["cues"].as_array() {
            spans.extend(cues);
        }
    }
    if let Some(lints) = report["lints"].as_array() {
        spans.extend(lints);
    }
    for sp in &spans {
        let (a, b) = (
            sp["start"].as_u64().expect("start") as usize,
            sp["end"].as_u64().expect("end") as usize,
        );
        assert!(
            a <= b && text.is_char_boundary(a) && text.is_char_boundary(b),
            "span {a}..{b} is not on char boundaries"
        );
        assert_eq!(Some(&text[a..b]), sp["text"].as_str(), "span {a}..{b}");
    }
    spans.len()
}

/// A complaint report that keeps its contract: level, score in the level's band,
/// probabilities summing to 1, persona label.
#[track_caller]
fn assert_sane_complaint(text: &str, r: &Value) {
    let level = r["urgency"]["level"].as_str().expect("level");
    let score = r["urgency"]["score"].as_u64().expect("score");
    let (lo, hi) = match level {
        "low" => (0, 24),
        "normal" => (25, 49),
        "high" => (50, 74),
        "critical" => (75, 100),
        other => panic!("level {other}"),
    };
    assert!((lo..=hi).contains(&score), "{level} {score}");
    let sum: f64 = r["urgency"]["probabilities"]
        .as_object()
        .expect("probabilities")
        .values()
        .map(|p| p.as_f64().expect("a number"))
        .sum();
    assert!((sum - 1.0).abs() < 1e-3, "probabilities sum to {sum}");
    assert!(r["persona"]["label"].is_string());
    assert_spans(text, r);
}

#[track_caller]
fn assert_sane_reply(text: &str, r: &Value) -> usize {
    let score = r["score"].as_f64().expect("score");
    assert!((0.0..=1.0).contains(&score), "score {score}");
    assert_eq!(r["passive_aggressive"].as_bool(), Some(score >= 0.5));
    assert_spans(text, r)
}

/// `analyze --json` and `check --json` of `text` read from a file; both must succeed.
fn both(dir: &TempDir, text: &str) -> (Value, Value) {
    let f = dir.file("t.txt", text.as_bytes());
    let a = run(&["analyze", "--json", "--file", s(&f)], b"");
    assert_ok(&a);
    let c = run(&["check", "--json", "--file", s(&f)], b"");
    assert_ok(&c);
    let a: Value = serde_json::from_str(&out(&a)).expect("analyze JSON");
    let c: Value = serde_json::from_str(&out(&c)).expect("check JSON");
    assert_sane_complaint(text, &a);
    assert_sane_reply(text, &c);
    (a, c)
}

#[test]
fn empty_and_whitespace_only_text_give_a_sane_report() {
    let dir = TempDir::new("empty");
    for t in ["", " ", "\n", "\t \r\n  \n", "\u{A0}\u{3000}\u{2028}"] {
        let (a, c) = both(&dir, t);
        assert!(
            a["urgency"]["cues"].as_array().is_some_and(Vec::is_empty),
            "{t:?}"
        );
        assert!(
            c["lints"].as_array().is_some_and(Vec::is_empty),
            "{t:?}: {c}"
        );
        assert_eq!(c["passive_aggressive"], false, "{t:?}");
    }
    // The same through standard input and as a JSONL line.
    let o = run(&["analyze", "--json"], b"");
    assert_ok(&o);
    let o = run(
        &["analyze", "--jsonl"],
        b"{\"id\": \"e\", \"text\": \"\"}\n",
    );
    assert_ok(&o);
    assert_eq!(out(&o).lines().count(), 1);
    // An empty or blank JSONL input is zero records: no output, success.
    for input in [&b""[..], b"\n\n", b" \r\n\t\n"] {
        let o = run(&["check", "--jsonl"], input);
        assert_ok(&o);
        assert_eq!(out(&o), "", "{input:?}");
    }
}

#[test]
fn one_megabyte_of_text_is_read_whole() {
    let dir = TempDir::new("mega");
    let para = "My card was stolen and someone is spending money right now! We're sorry that \
                you are having this problem. Is there anything else wrong? 😀 ";
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(para);
    }
    let (a, c) = both(&dir, &text);
    assert_eq!(a["urgency"]["level"], "critical");
    let lints = c["lints"].as_array().expect("lints");
    // Findings all the way through, not only in a prefix.
    let last = lints.iter().filter_map(|l| l["start"].as_u64()).max();
    assert!(
        last > Some((text.len() - 2 * para.len()) as u64),
        "{last:?}"
    );
    // One megabyte with no space at all: one enormous word.
    let blob = "a".repeat(1 << 20);
    both(&dir, &blob);
}

#[test]
fn ten_thousand_emoji_are_text_like_any_other() {
    let dir = TempDir::new("emoji");
    for t in [
        "😀".repeat(10_000),
        "👩\u{200D}💻👍🏽🇬🇧".repeat(2_500),
        format!("Where is my refund?? {}", "😡".repeat(10_000)),
    ] {
        let (_, c) = both(&dir, &t);
        assert!(
            c["lints"]
                .as_array()
                .expect("lints")
                .iter()
                .all(|l| l["text"].as_str().is_some_and(|x| !x.contains('😀'))),
            "emoji are flagged: {c}"
        );
    }
}

#[test]
fn right_to_left_and_mixed_scripts_keep_exact_spans() {
    let dir = TempDir::new("rtl");
    // Caseless scripts are not capitals: no shouting finding on Arabic or Hebrew.
    for t in [
        "مرحبا، طلبي متأخر منذ أسبوعين!",
        "שלום, ההזמנה שלי מאחרת",
        "\u{202E}We're sorry that you are having this problem.\u{202C}",
        "طلبي متأخر. We're sorry that you are having this problem. 注文が遅い。Заказ опаздывает.",
    ] {
        let (_, c) = both(&dir, t);
        let lints = c["lints"].as_array().expect("lints");
        for l in lints {
            let x = l["text"].as_str().unwrap_or_default();
            assert!(
                x.chars().any(|ch| ch.is_ascii_alphabetic()),
                "{t:?}: a finding on non-Latin words: {l}"
            );
        }
        if t.contains("sorry that you") {
            assert!(
                lints.iter().any(|l| l["rule"] == "non_apology"),
                "{t:?}: the English phrase is still found: {c}"
            );
        }
    }
}

#[test]
fn zero_width_and_combining_characters_do_not_hide_or_break_findings() {
    let dir = TempDir::new("zw");
    // (A zero-width character right after the "?" still hides the leading question: reported
    // to the rules' owner, not asserted here.)
    let t = "\u{FEFF}We\u{200B}\u{2019}re sorry that you are\u{200D} having this problem. Is \
             there any\u{200B}thing else wrong?";
    let (_, c) = both(&dir, t);
    let rules: Vec<&str> = c["lints"]
        .as_array()
        .expect("lints")
        .iter()
        .filter_map(|l| l["rule"].as_str())
        .collect();
    assert!(rules.contains(&"non_apology"), "{rules:?}");
    assert!(rules.contains(&"leading_negative_question"), "{rules:?}");
    // Combining marks: spans never cut a letter from its accent.
    for t in [
        "Re\u{301}fund me now! Sorry\u{301} that you are having this problem.",
        "\u{301}\u{308}\u{323} leading marks, e\u{301}\u{301}\u{301} stacked ones",
        "ﬁx ｔｈｉｓ ＮＯＷ",
    ] {
        both(&dir, t);
    }
}

#[test]
fn nul_bytes_are_text_in_a_file_and_an_error_inside_a_json_string() {
    let dir = TempDir::new("nul");
    let (a, _) = both(&dir, "my order\0 is late\0\0 and I want a refund\0");
    assert!(a["urgency"]["level"].is_string());
    // Escaped NUL is fine JSON; a raw NUL inside a string is not, and says where.
    let input = b"{\"id\":1,\"text\":\"late\\u0000order\"}\n{\"id\":2,\"text\":\"raw\0nul\"}\n{\"id\":3,\"text\":\"fine\"}\n";
    let o = run(&["analyze", "--jsonl", "--keep-going"], input);
    assert_data_error(
        &o,
        &["standard input: line 2: invalid JSON: control character"],
    );
    let lines: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        (lines[0]["id"].clone(), lines[2]["id"].clone()),
        (1.into(), 3.into())
    );
    assert_eq!(lines[1]["line"], 2);
}

#[test]
fn invalid_utf8_anywhere_names_the_file_and_the_place() {
    let dir = TempDir::new("utf8");
    let f = dir.file("x.txt", b"first line\nsecond \xc3\x28 line\n");
    let o = run(&["analyze", "--file", s(&f)], b"");
    assert_data_error(&o, &["x.txt: invalid UTF-8 at byte 18 (line 2)"]);
    // Standard input, with a truncated multi-byte sequence at the very end.
    let o = run(
        &["check"],
        "trop tard é".as_bytes().split_last().expect("bytes").1,
    );
    assert_data_error(&o, &["standard input: invalid UTF-8 at byte 10 (line 1)"]);
    // A CSV row: the line and the field; --keep-going keeps the others.
    let f = dir.file("t.csv", b"id,body\n1,late\n2,caf\xe9 cold\n3,fine\n");
    let o = run(&["triage", s(&f), "--text-column", "body"], b"");
    assert_data_error(&o, &["t.csv: line 3: invalid UTF-8 in field 2"]);
    let o = run(
        &["triage", s(&f), "--text-column", "body", "--keep-going"],
        b"",
    );
    assert_data_error(
        &o,
        &[
            "\"line\":3",
            "invalid UTF-8 in field 2",
            "1 malformed row(s)",
        ],
    );
    assert_eq!(
        csv::Reader::from_reader(o.stdout.as_slice())
            .records()
            .count(),
        2
    );
    // Training data.
    let f = dir.file(
        "d.jsonl",
        b"{\"text\":\"ok\",\"urgency\":\"low\"}\n{\"text\":\"\xff\",\"urgency\":\"low\"}\n",
    );
    let o = train_quietly("urgency", s(&f), s(&dir.0.join("m")));
    assert_data_error(&o, &["d.jsonl: invalid UTF-8 at byte 39 (line 2)"]);
    // A settings file: the file, the byte and the line are named, exit code 2.
    let f = dir.file("c.toml", b"strictness = \"relaxed\"\n# caf\xe9\n");
    let o = run(&["check", "--config", s(&f), "hi"], b"");
    assert_data_error(&o, &["c.toml", "invalid UTF-8", "line 2"]);
}

#[test]
fn a_jsonl_batch_reports_every_bad_line_and_keeps_every_good_one() {
    let lines: &[&str] = &[
        r#"{"id": 1, "text": "Where is my refund??"}"#,
        r#"{"id": 2, "text": "#,
        r#"{"id": 3}"#,
        r#"{"id": 4, "text": 42}"#,
        r#"{"id": 5, "text": null}"#,
        r#"{"id": 6, "text": ["a", "b"]}"#,
        r#"{"id": 7, "reply": "Sorry you feel that way.", "complaint": 5}"#,
        r#"[{"text": "an array"}]"#,
        r#""just a string""#,
        "",
        "{\"id\": {\"nested\": [1, 2]}, \"text\": \"I’m sure you understand.\"}\r",
        "   ",
        r#"{"id": 13, "text": "also fine", "extra": {"ignored": true}}"#,
        r#"{"id": 14, "text": "no newline at the end"}"#,
    ];
    let input = lines.join("\n");
    let expected_bad: &[(u64, &str)] = &[
        (2, "invalid JSON: EOF while parsing"),
        (3, "missing field \"text\""),
        (4, "field \"text\" must be a string, got a number"),
        (5, "field \"text\" must be a string, got null"),
        (6, "field \"text\" must be a string, got an array"),
        (7, "field \"complaint\" must be a string, got a number"),
        (8, "expected a JSON object, got an array"),
        (9, "expected a JSON object, got a string"),
    ];
    for cmd in ["analyze", "check"] {
        let o = run(&[cmd, "--jsonl", "--keep-going"], input.as_bytes());
        let e = err(&o);
        assert_eq!(o.status.code(), Some(2), "{e}");
        let got: Vec<Value> = out(&o)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        // One output line per non-blank input line, in order.
        assert_eq!(got.len(), 12, "{cmd}");
        let bad: Vec<(u64, String)> = got
            .iter()
            .filter(|v| v.get("error").is_some())
            .map(|v| {
                (
                    v["line"].as_u64().expect("line"),
                    v["error"].as_str().expect("error").to_string(),
                )
            })
            .collect();
        // check reads "reply" too, so line 7 is bad for both: analyze misses "text", check
        // gets a number for "complaint".
        let mut want: Vec<(u64, &str)> = expected_bad.to_vec();
        if cmd == "analyze" {
            want[5] = (7, "missing field \"text\"");
        }
        assert_eq!(bad.len(), want.len(), "{cmd}: {bad:?}");
        for ((line, msg), (wl, wm)) in bad.iter().zip(&want) {
            assert_eq!(line, wl, "{cmd}");
            assert!(msg.starts_with(wm), "{cmd} line {line}: {msg}");
            assert!(e.contains(&format!("standard input: line {line}: ")), "{e}");
        }
        let ids: Vec<Value> = got
            .iter()
            .filter(|v| v.get("error").is_none())
            .map(|v| v["id"].clone())
            .collect();
        assert_eq!(
            ids,
            vec![
                1.into(),
                serde_json::json!({"nested": [1, 2]}),
                13.into(),
                14.into()
            ],
            "{cmd}"
        );
        assert!(e.contains("8 malformed line(s) in standard input"), "{e}");
    }
    // Without --keep-going the first bad line stops the run, after the good line before it.
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    assert_data_error(&o, &["standard input: line 2: invalid JSON"]);
    assert_eq!(out(&o).lines().count(), 1);
}

#[test]
fn a_jsonl_file_from_windows_with_a_bom_and_crlf_reads() {
    let dir = TempDir::new("bom-jsonl");
    let f = dir.file(
        "w.jsonl",
        "\u{FEFF}{\"id\":1,\"text\":\"late order\"}\r\n{\"id\":2,\"text\":\"refund\"}\r\n"
            .as_bytes(),
    );
    let o = run(&["analyze", "--jsonl", "--file", s(&f)], b"");
    assert_ok(&o);
    let ids: Vec<Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON")["id"].clone())
        .collect();
    assert_eq!(ids, vec![Value::from(1), Value::from(2)]);
}

/// The rows of a triage output: the header and the records.
fn triage_rows(o: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let h = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|x| x.expect("row").iter().map(String::from).collect())
        .collect();
    (h, rows)
}

#[test]
fn csv_ragged_rows_are_each_reported_and_the_good_rows_kept() {
    let dir = TempDir::new("ragged");
    let f = dir.file(
        "r.csv",
        b"id,body\n1,late\n2\n3,\"two\nlines\"\n4,a,b,c\n5,fine\n6,also,bad\n7,ok\n",
    );
    let o = run(
        &["triage", s(&f), "--text-column", "body", "--keep-going"],
        b"",
    );
    assert_data_error(
        &o,
        &[
            "{\"line\":3,\"error\":\"line 3: this row has 1 fields, the header has 2\"}",
            "{\"line\":6,\"error\":\"line 6: this row has 4 fields, the header has 2\"}",
            "{\"line\":8,\"error\":\"line 8: this row has 3 fields, the header has 2\"}",
            "3 malformed row(s)",
        ],
    );
    let (_, rows) = triage_rows(&o);
    let mut ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["1", "3", "5", "7"]);
    assert!(rows.iter().any(|r| r[1] == "two\nlines"));
}

#[test]
fn csv_missing_columns_name_the_column_and_the_columns_there_are() {
    let dir = TempDir::new("missing");
    let f = dir.file("e.csv", b"");
    let o = run(&["triage", s(&f), "--text-column", "body"], b"");
    assert_data_error(&o, &["e.csv: the file is empty", "\"body\""]);
    let f = dir.file("d.csv", b"text,label\nlate,high\n");
    let o = train_quietly("urgency", s(&f), s(&dir.0.join("m")));
    assert_data_error(&o, &["d.csv: no column \"urgency\" (columns: text, label)"]);
    // A header only: nothing to rank, but the columns are still written.
    let f = dir.file("h.csv", b"id,body\n");
    let o = run(&["triage", s(&f), "--text-column", "body"], b"");
    assert_ok(&o);
    let (h, rows) = triage_rows(&o);
    assert_eq!(h.len(), 6);
    assert!(rows.is_empty());
}

#[test]
fn csv_with_a_bom_and_crlf_reads_like_any_other() {
    let dir = TempDir::new("bom-csv");
    let f = dir.file(
        "w.csv",
        "\u{FEFF}body,id\r\nMy card was stolen right now!\r\n\"multi\r\nline\",2\r\n".as_bytes(),
    );
    // The BOM is not part of the first column's name; the second line is a ragged row.
    let o = run(
        &["triage", s(&f), "--text-column", "body", "--keep-going"],
        b"",
    );
    assert_data_error(&o, &["line 2: this row has 1 fields, the header has 2"]);
    let (h, rows) = triage_rows(&o);
    assert_eq!(h[0], "body");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0][0], "multi\r\nline",
        "a quoted CRLF stays in its field"
    );
    let f = dir.file(
        "ok.csv",
        "\u{FEFF}id,body\r\n1,late order\r\n2,card stolen right now!\r\n".as_bytes(),
    );
    let o = run(&["triage", s(&f), "--text-column", "body"], b"");
    assert_ok(&o);
    let (h, rows) = triage_rows(&o);
    assert_eq!(h[..2], ["id", "body"]);
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().all(|r| r.iter().all(|x| !x.contains('\r'))),
        "{rows:?}"
    );
    assert_eq!(rows[0][0], "2", "most urgent first");
}

/// The shipped model for a task.
fn shipped(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../models")
            .join(format!("{name}.tactmodel")),
    )
    .expect("shipped model")
}

#[test]
fn bad_model_files_are_refused_with_what_is_wrong() {
    let dir = TempDir::new("models");
    let real = shipped("urgency");
    let mut cases: Vec<(&str, Vec<u8>, Vec<&str>)> = vec![
        ("empty", Vec::new(), vec!["not a tact model file"]),
        (
            "magic-only",
            real[..12].to_vec(),
            vec!["truncated", "shorter than the 28-byte header"],
        ),
        (
            "header-only",
            real[..28].to_vec(),
            vec!["truncated", "the header announces"],
        ),
        (
            "one-byte-short",
            real[..real.len() - 1].to_vec(),
            vec!["truncated"],
        ),
    ];
    let mut v2 = real.clone();
    v2[8..12].copy_from_slice(&2u32.to_le_bytes());
    cases.push((
        "version-2",
        v2,
        vec!["format version 2 is not supported (this tact reads version 1)"],
    ));
    let mut v0 = real.clone();
    v0[8] ^= 1;
    cases.push(("version-bit", v0, vec!["format version 0 is not supported"]));
    let mut sum = real.clone();
    sum[20] ^= 0x80;
    cases.push(("checksum-bit", sum, vec!["checksum"]));
    let mut tail = real.clone();
    let last = tail.len() - 1;
    tail[last] ^= 0x10;
    cases.push(("last-bit", tail, vec!["checksum"]));
    // A payload that is garbage behind a valid checksum: the decoder says it is corrupt.
    let mut forged = real[..28].to_vec();
    let body: Vec<u8> = real[28..].iter().map(|b| b ^ 0x5a).collect();
    forged[20..28].copy_from_slice(&tact_core::checksum(&body).to_le_bytes());
    forged.extend_from_slice(&body);
    cases.push(("forged", forged, vec!["model file is corrupt"]));
    for (name, bytes, needles) in &cases {
        let f = dir.file(&format!("{name}.tactmodel"), bytes);
        let o = run(&["info", s(&f)], b"");
        let mut all = vec![s(&f)];
        all.extend(needles);
        assert_data_error(&o, &all);
        let o = run(&["analyze", "--urgency-model", s(&f), "hi"], b"");
        assert_data_error(&o, &all);
    }
}

#[test]
fn a_model_of_another_task_or_feature_configuration_is_refused() {
    let dir = TempDir::new("mismatch");
    let tone = dir.file("tone.tactmodel", &shipped("tone"));
    let o = run(&["analyze", "--urgency-model", s(&tone), "hi"], b"");
    assert_data_error(
        &o,
        &["tone.tactmodel: expected a model for urgency, got a model for tone"],
    );
    let o = run(&["check", "--persona-model", s(&tone), "hi"], b"");
    assert_data_error(&o, &["expected a model for persona, got a model for tone"]);
    // A real urgency model, trained with 2^12 hash buckets instead of the shipped 2^18.
    let mut data = String::new();
    for (t, u) in [
        ("card stolen right now", "critical"),
        ("where is my refund", "normal"),
        ("small typo", "low"),
        ("site down for everyone", "high"),
    ] {
        for i in 0..3 {
            data.push_str(&format!(
                "{{\"text\": \"{t} {i}\", \"urgency\": \"{u}\"}}\n"
            ));
        }
    }
    let d = dir.file("d.jsonl", data.as_bytes());
    let m = dir.0.join("small.tactmodel");
    let o = run(
        &[
            "train",
            "--task",
            "urgency",
            "--data",
            s(&d),
            "--out",
            s(&m),
            "--folds",
            "0",
            "--hash-bits",
            "12",
            "-q",
        ],
        b"",
    );
    assert_ok(&o);
    let o = run(&["info", s(&m)], b"");
    assert_ok(&o);
    assert!(out(&o).contains("\"hash_bits\": 12"), "{}", out(&o));
    let o = run(&["analyze", "--urgency-model", s(&m), "hi"], b"");
    assert_data_error(
        &o,
        &[
            "small.tactmodel: feature configuration mismatch",
            "hash_bits: 12",
            "hash_bits: 18",
        ],
    );
    // Given as the tone model it is the wrong task before it is the wrong configuration.
    let o = run(&["check", "--tone-model", s(&m), "hi"], b"");
    assert_data_error(&o, &["expected a model for tone, got a model for urgency"]);
}
