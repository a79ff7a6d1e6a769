//! The `tact` binary, run for real: its CLI contract, its errors and its exit codes.

use std::io::{Read, Write};
use std::process::Stdio;

use serde_json::Value;

mod support;
use support::{run, s, stderr, stdout, tact, train_quietly, TempDir};

#[test]
fn analyze_jsonl_prints_one_line_of_the_contract() {
    let o = run(
        &["analyze", "--jsonl"],
        br#"{"id":1,"text":"My card was stolen and someone is spending money right now!"}"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let v: Value = serde_json::from_str(out.trim()).expect("valid JSON");
    assert_eq!(v["id"], 1);
    let level = v["urgency"]["level"].as_str().expect("level");
    assert!(
        ["high", "critical"].contains(&level),
        "a stolen card being used now is urgent, got {level}"
    );
    let score = v["urgency"]["score"].as_u64().expect("score");
    assert!(score <= 100);
    assert!(v["urgency"]["cues"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
    let label = v["persona"]["label"].as_str().expect("label");
    assert!([
        "meek",
        "aggressive",
        "high_roller",
        "chronic",
        "barnacle",
        "moderate"
    ]
    .contains(&label));
    let conf = v["persona"]["confidence"].as_f64().expect("confidence");
    assert!((0.0..=1.0).contains(&conf));
    let total: f64 = v["persona"]["scores"]
        .as_object()
        .expect("scores")
        .values()
        .filter_map(Value::as_f64)
        .sum();
    assert!((total - 1.0).abs() < 1e-3);
    assert!(v["advice"].as_array().is_some_and(|a| a.len() >= 2));
    // Every cue's text is exactly the slice of the input it points to.
    let text = "My card was stolen and someone is spending money right now!";
    for c in v["urgency"]["cues"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(v["persona"]["cues"].as_array().into_iter().flatten())
    {
        let (a, b) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], c["text"].as_str().unwrap());
    }
}

#[test]
fn check_flags_the_seed_phrases_with_spans_and_suggestions() {
    let text = "We're sorry that you are having this problem. Is there anything else wrong?";
    let o = run(&["check", "--json", text], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let lints = v["lints"].as_array().expect("lints");
    assert_eq!(lints.len(), 2, "{lints:#?}");
    let rules: Vec<&str> = lints.iter().map(|l| l["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["non_apology", "leading_negative_question"]);
    for l in lints {
        let (a, b) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], l["text"].as_str().unwrap());
        assert!(["hint", "warning", "error"].contains(&l["severity"].as_str().unwrap()));
    }
    assert_eq!(lints[1]["suggestion"], "How else can I help you today");
    assert_eq!(v["passive_aggressive"], true);

    let o = run(
        &[
            "check",
            "--json",
            "I'm sorry about that. How else can I help you today?",
        ],
        b"",
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["lints"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["passive_aggressive"], false);
}

#[test]
fn check_jsonl_keeps_ids_order_and_reads_complaint() {
    let input = b"{\"id\":\"a\",\"text\":\"Per my last email, the fee stands.\",\"complaint\":\"Why was I charged?\"}\n\n{\"id\":\"b\",\"text\":\"Happy to help!\"}\r\n";
    let o = run(&["check", "--jsonl"], input);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "the blank line is not a record");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[0]["lints"][0]["rule"], "condescension");
    let keys: Vec<&String> = lines[1].as_object().unwrap().keys().collect();
    assert_eq!(keys[0], "id", "id comes first");
}

#[test]
fn malformed_jsonl_stops_with_the_line_number() {
    let input =
        b"{\"id\":1,\"text\":\"fine\"}\n{\"id\":2,\"text\":\n{\"id\":3,\"text\":\"also fine\"}\n";
    let o = run(&["analyze", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).lines().count(),
        1,
        "the line before the error was written"
    );
}

#[test]
fn keep_going_writes_errors_in_place_and_keeps_every_good_line() {
    let input = b"{\"id\":1,\"text\":\"fine\"}\n{\"id\":2}\n{\"id\":3,\"text\":42}\nnot json\n{\"id\":5,\"text\":\"also fine\"}\n";
    let o = run(&["analyze", "--jsonl", "--keep-going"], input);
    assert_eq!(
        o.status.code(),
        Some(2),
        "errors still show in the exit code"
    );
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(
        lines[1],
        serde_json::json!({"line": 2, "error": "missing field \"text\""})
    );
    assert_eq!(
        lines[2]["error"],
        "field \"text\" must be a string, got a number"
    );
    assert_eq!(lines[3]["line"], 4);
    assert!(lines[3]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert_eq!(lines[4]["id"], 5);
}

#[test]
fn invalid_utf8_is_an_error_that_says_so() {
    let dir = TempDir::new("utf8");
    let f = dir.file(
        "bad.jsonl",
        b"{\"id\":1,\"text\":\"ok\"}\n{\"id\":2,\"text\":\"caf\xe9\"}\n",
    );
    let o = run(&["check", "--jsonl", "--file", s(&f)], b"");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("invalid UTF-8") && e.contains("line 2") && e.contains("bad.jsonl"),
        "{e}"
    );
}

#[test]
fn analyze_reads_a_file_and_stdin_and_prints_for_people() {
    let dir = TempDir::new("analyze");
    let f = dir.file(
        "c.txt",
        "Third time writing: the router is STILL down since Monday!!!".as_bytes(),
    );
    let o = run(&["analyze", "--file", s(&f)], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Urgency: "), "{out}");
    assert!(out.contains("Persona: ") && out.contains("Advice:"));
    let o = run(&["analyze", "--json"], "Where is my parcel?".as_bytes());
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert!(v["urgency"]["level"].is_string());
}

#[test]
fn triage_ranks_a_csv_and_adds_columns() {
    let dir = TempDir::new("triage");
    let csv = "\u{feff}ticket,body\r\n1,\"Could you add a dark mode some day? No rush.\"\r\n2,\"Our whole store is down, card payments fail, we are losing money RIGHT NOW!!!\"\r\n3,The invoice PDF has a typo in my street name.\r\n";
    let f = dir.file("q.csv", csv.as_bytes());
    let o = run(&["triage", s(&f), "--text-column", "body"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    let headers: Vec<String> = rdr
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        headers,
        [
            "ticket",
            "body",
            "urgency_level",
            "urgency_score",
            "persona",
            "persona_confidence"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3, "nothing dropped");
    assert_eq!(&rows[0][0], "2", "the outage comes first");
    let scores: Vec<u32> = rows.iter().map(|r| r[3].parse().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn triage_errors_name_the_column_and_the_line() {
    let dir = TempDir::new("triage-err");
    let f = dir.file("q.csv", b"id,text\n1,hello\n");
    let o = run(&["triage", s(&f), "--text-column", "body"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no column \"body\" (columns: id, text)"),
        "{}",
        stderr(&o)
    );

    let f = dir.file("ragged.csv", b"id,text\n1,hello\n2,too,many\n3,fine\n");
    let o = run(&["triage", s(&f), "--text-column", "text"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("line 3: this row has 3 fields, the header has 2"),
        "{}",
        stderr(&o)
    );

    let o = run(
        &["triage", s(&f), "--text-column", "text", "--keep-going"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("\"line\":3"), "{}", stderr(&o));
    let rows = csv::Reader::from_reader(o.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, 2, "the good rows are kept");
}

#[test]
fn train_eval_info_round_trip_and_reproducible_bytes() {
    let dir = TempDir::new("train");
    let mut data = String::new();
    let examples = [
        ("Please could you add an export to PDF?", "low"),
        ("Small typo on the pricing page.", "low"),
        ("A dark theme would be nice.", "low"),
        ("Feature idea: keyboard shortcuts.", "low"),
        (
            "The site is down and we are losing orders right now!",
            "critical",
        ),
        (
            "Someone stole my card and is spending money now",
            "critical",
        ),
        (
            "Gas smell in the flat, engineer needed immediately",
            "critical",
        ),
        ("All our servers are offline, total outage", "critical"),
    ];
    for (i, (t, l)) in examples.iter().enumerate() {
        data.push_str(&serde_json::json!({"id": i, "text": t, "urgency": l}).to_string());
        data.push('\n');
    }
    let f = dir.file("d.jsonl", data.as_bytes());
    let m1 = dir.0.join("a.tactmodel");
    let m2 = dir.0.join("b.tactmodel");
    for m in [&m1, &m2] {
        let o = run(
            &[
                "train",
                "--task",
                "urgency",
                "--data",
                s(&f),
                "--out",
                s(m),
                "--folds",
                "2",
                "--seed",
                "7",
                "--quiet",
            ],
            b"",
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stdout(&o).contains("2-fold cross-validation"),
            "{}",
            stdout(&o)
        );
    }
    assert_eq!(
        std::fs::read(&m1).unwrap(),
        std::fs::read(&m2).unwrap(),
        "same data and seed, same bytes"
    );

    let o = run(
        &[
            "eval",
            "--task",
            "urgency",
            "--data",
            s(&f),
            "--model",
            s(&m1),
            "--json",
            "--baselines-train",
            s(&f),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let results = v["results"].as_array().expect("results");
    let names: Vec<&str> = results
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names[0], "tact urgency model");
    assert_eq!(names[1], "majority class");
    assert!(
        names.iter().any(|n| n.starts_with("naive Bayes"))
            && names.iter().any(|n| n.starts_with("logistic regression")),
        "{names:?}"
    );
    let m = &results[0]["metrics"];
    assert_eq!(m["n"], 8);
    assert!(
        m["accuracy"].as_f64().unwrap() >= 0.75,
        "fits its own training data: {v}"
    );
    assert_eq!(
        results[1]["metrics"]["accuracy"], 0.5,
        "half are the majority class"
    );

    let o = run(&["info", s(&m1)], b"");
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["task"], "urgency");
    assert_eq!(v["meta"]["seed"], 7);
    assert_eq!(v["meta"]["data_sources"][0]["rows"], 8);

    // The model works in place of the built-in one...
    let o = run(
        &[
            "analyze",
            "--json",
            "--urgency-model",
            s(&m1),
            "the site is down right now",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // ...but not in the persona slot.
    let o = run(&["analyze", "--persona-model", s(&m1), "hello"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("expected a model for persona, got a model for urgency"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_training_data_names_file_line_and_field() {
    let dir = TempDir::new("train-bad");
    let f = dir.file(
        "d.jsonl",
        b"{\"text\":\"a\",\"urgency\":\"low\"}\n{\"text\":\"b\",\"urgency\":\"urgent-ish\"}\n",
    );
    let o = train_quietly("urgency", s(&f), s(&dir.0.join("m")));
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("d.jsonl: line 2: field \"urgency\"")
            && e.contains("low, normal, high, critical"),
        "{e}"
    );

    let f = dir.file("d.csv", b"text,label\nhello,low\n");
    let o = train_quietly("urgency", s(&f), s(&dir.0.join("m")));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no column \"urgency\" (columns: text, label)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn broken_model_files_are_clear_errors() {
    let dir = TempDir::new("models");
    let not = dir.file("x.tactmodel", b"hello world");
    let o = run(&["analyze", "--urgency-model", s(&not), "hi"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not a tact model file"),
        "{}",
        stderr(&o)
    );
    let real = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/urgency.tactmodel"
    ))
    .expect("shipped model");
    let cut = dir.file("cut.tactmodel", &real[..real.len() / 2]);
    let o = run(&["info", s(&cut)], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("truncated"), "{}", stderr(&o));
    let mut flipped = real.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 1;
    let f = dir.file("flip.tactmodel", &flipped);
    let o = run(&["info", s(&f)], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("checksum"), "{}", stderr(&o));
}

#[test]
fn serve_hands_out_files_with_a_strict_csp_and_nothing_outside() {
    let dir = TempDir::new("serve");
    dir.file("index.html", b"<!doctype html><title>t</title>");
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
        l.local_addr().expect("addr").port()
    };
    let mut child = tact()
        .args(["serve", "--port", &port.to_string(), "--dir", s(&dir.0)])
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let get = |path: &str| -> Option<String> {
        let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        write!(c, "GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").ok()?;
        let mut s = String::new();
        c.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let mut page = None;
    for _ in 0..100 {
        page = get("/");
        if page.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let outside = get("/../Cargo.toml");
    let etag = page.as_deref().and_then(|p| {
        p.lines()
            .find(|l| l.to_ascii_lowercase().starts_with("etag:"))
            .map(|l| l[5..].trim().to_string())
    });
    let revalidated = etag.as_ref().and_then(|t| {
        let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        write!(c, "GET / HTTP/1.0\r\nHost: x\r\nIf-None-Match: {t}\r\n\r\n").ok()?;
        let mut s = String::new();
        c.read_to_string(&mut s).ok()?;
        Some(s)
    });
    let _ = child.kill();
    let _ = child.wait();
    let page = page.expect("server answered");
    assert!(
        page.starts_with("HTTP/1.0 200") || page.starts_with("HTTP/1.1 200"),
        "{page}"
    );
    assert!(
        page.to_ascii_lowercase()
            .contains("content-security-policy: default-src 'self'"),
        "{page}"
    );
    assert!(page.contains("<title>t</title>"));
    assert!(outside.expect("answer").contains(" 404 "));
    assert!(etag.is_some(), "an ETag header: {page}");
    let revalidated = revalidated.expect("answer to the revalidation");
    assert!(revalidated.contains(" 304 "), "{revalidated}");
    assert!(!revalidated.contains("<title>"), "a 304 has no body");
}

#[test]
fn serve_without_a_built_app_says_how_to_build_it() {
    let dir = TempDir::new("serve-empty");
    let o = run(&["serve", "--port", "1", "--dir", s(&dir.0)], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("scripts/build-web"), "{}", stderr(&o));
}

#[test]
fn check_config_turns_rules_off_allows_phrases_and_reports_bad_files() {
    let dir = TempDir::new("config");
    let text = "As I already explained, we regret to inform you that the fee stands.";
    let all = run(&["check", "--json", text], b"");
    let v: Value = serde_json::from_str(&stdout(&all)).expect("JSON");
    let rules: Vec<&str> = v["lints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"condescension") && rules.contains(&"corporate_stiffness"),
        "{rules:?}"
    );

    let cfg = dir.file(
        "tact.toml",
        b"strictness = \"standard\"\ndisabled = [\"corporate_stiffness\"]\nallow = [\"as I already explained\"]\n",
    );
    let o = run(&["check", "--json", "--config", s(&cfg), text], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["lints"].as_array().map(Vec::len), Some(0), "{v}");

    let bad = dir.file(
        "bad.toml",
        b"strictness = \"standard\"\ndisabled = [\"no_such_rule\"]\n",
    );
    let o = run(&["check", "--config", s(&bad), text], b"");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("bad.toml") && e.contains("no_such_rule") && e.contains("line 2"),
        "{e}"
    );

    let latin1 = dir.file(
        "latin1.toml",
        b"strictness = \"standard\"\nallow = [\"caf\xe9\"]\n",
    );
    let o = run(&["check", "--config", s(&latin1), text], b"");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("latin1.toml") && e.contains("UTF-8") && e.contains("line 2"),
        "{e}"
    );
}
