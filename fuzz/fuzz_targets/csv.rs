//! The CSV reader of `tact triage` on arbitrary bytes: the header error or the rows; with
//! --keep-going every row is either kept (with the header's length) or reported with its
//! line, and without it the first bad row is the error. What is kept writes back as CSV that
//! reads again to the same rows (triage writes them back out).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lenient = tact_cli::read_csv(data, "in.csv", "body", true);
    let strict = tact_cli::read_csv(data, "in.csv", "body", false);
    let read = match lenient {
        Ok(r) => r,
        Err(e) => {
            assert!(e.starts_with("in.csv: "), "{e}");
            assert_eq!(
                strict.err(),
                Some(e),
                "the header error depends on --keep-going"
            );
            return;
        }
    };
    assert!(read.text_column < read.headers.len());
    for row in &read.rows {
        assert_eq!(row.len(), read.headers.len(), "a ragged row was kept");
    }
    for bad in &read.bad {
        assert!(!bad.error.is_empty());
    }
    match strict {
        Ok(s) => {
            assert!(read.bad.is_empty(), "a bad row without --keep-going passed");
            assert_eq!(s.rows, read.rows);
        }
        Err(e) => {
            assert!(
                !read.bad.is_empty(),
                "strict failed where lenient found nothing: {e}"
            );
            assert_eq!(e, format!("in.csv: {}", read.bad[0].error));
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let written = w
        .write_record(&read.headers)
        .and_then(|()| read.rows.iter().try_for_each(|r| w.write_record(r)));
    assert!(written.is_ok());
    let Ok(bytes) = w.into_inner() else {
        panic!("cannot finish writing the CSV");
    };
    let again = tact_cli::read_csv(&bytes[..], "out.csv", "body", false);
    let Ok(again) = again else {
        panic!("triage's output does not read back: {again:?}");
    };
    assert_eq!(again.headers, read.headers);
    assert_eq!(again.rows, read.rows);
});
