//! The JSON Lines reader of `tact analyze --jsonl` / `tact check --jsonl` on arbitrary bytes:
//! invalid UTF-8 is an error naming a byte inside the input and its line; otherwise every line
//! that holds something gives exactly one record or one error, in order, with its own line
//! number, so nothing is silently dropped.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let all = match tact_cli::decode_utf8(data.to_vec(), "in.jsonl") {
        Ok(s) => s,
        Err(e) => {
            let at = std::str::from_utf8(data)
                .err()
                .map(|u| u.valid_up_to())
                .unwrap_or(usize::MAX);
            assert!(at < data.len(), "invalid UTF-8 reported for valid bytes");
            assert!(
                e.starts_with(&format!("in.jsonl: invalid UTF-8 at byte {at} (line ")),
                "{e}"
            );
            return;
        }
    };
    let body = all.strip_prefix('\u{FEFF}').unwrap_or(&all);
    let expected: Vec<usize> = body
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect();
    for fields in [&["text"][..], &["text", "reply"][..]] {
        let got: Vec<_> = tact_cli::jsonl_records(&all, fields).collect();
        let lines: Vec<usize> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines, expected, "a line was dropped or misnumbered");
        for (n, rec) in got {
            let line = body.split('\n').nth(n - 1).unwrap_or_default();
            match rec {
                Ok(r) => {
                    // The text really is the line's field, and the id goes back out as JSON.
                    let v: serde_json::Value =
                        serde_json::from_str(line.strip_suffix('\r').unwrap_or(line))
                            .unwrap_or_default();
                    let field = fields.iter().find_map(|f| v.get(*f));
                    assert_eq!(field.and_then(|t| t.as_str()), Some(r.text.as_str()));
                    assert!(serde_json::to_string(&r.id).is_ok());
                }
                Err(e) => assert!(!e.is_empty(), "an empty error for line {n}"),
            }
        }
    }
});
