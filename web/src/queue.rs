//! The queue's pure parts: reading a CSV (or pasted lines) into complaints, sorting and
//! filtering the ranked rows, and writing them back as CSV. No DOM here, so all of it is
//! unit-tested natively.
//!
//! CSV as RFC 4180 reads it, plus what spreadsheets write: a UTF-8 byte-order mark, CRLF or
//! LF line ends, quoted fields with `""` for a quote and line breaks inside. The text is the
//! column called `text` (any case) when the first row has one; otherwise there is no header
//! and the text is the first column. A row that cannot be read (an unclosed quote, text after
//! a closing quote, the wrong number of fields, an empty text) is reported with its line
//! number and left out of the ranking; it is never dropped silently.

use tact_core::{PersonaLabel, UrgencyLevel};

/// One complaint to rank: where it came from and all of its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line of the file (1-based) where the row starts.
    pub line: usize,
    /// Every field of the row, in column order.
    pub fields: Vec<String>,
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// Line (1-based) where the row starts.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// A file read into rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names: the file's header, or `text` / `column_N` when it has none.
    pub columns: Vec<String>,
    /// Whether the first row was a header.
    pub has_header: bool,
    /// Which column holds the complaint.
    pub text_column: usize,
    /// The rows that can be ranked, in file order.
    pub rows: Vec<Row>,
    /// The rows that cannot, in file order.
    pub errors: Vec<RowError>,
}

impl Table {
    /// The complaint of a row.
    pub fn text<'a>(&self, row: &'a Row) -> &'a str {
        row.fields.get(self.text_column).map_or("", String::as_str)
    }
}

/// One raw record: its first line and its fields, or why it is unreadable.
type Record = (usize, Result<Vec<String>, String>);

/// Split CSV text into records. Blank lines are skipped. After an unreadable record the
/// reader goes on at the next line, so one bad row does not hide the rest.
fn records(input: &str) -> Vec<Record> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut error: Option<String> = None;
        let mut at_field_start = true;
        let mut blank = true;
        while let Some(c) = chars.next() {
            match c {
                '"' if at_field_start => {
                    blank = false;
                    at_field_start = false;
                    let mut closed = false;
                    while let Some(q) = chars.next() {
                        match q {
                            '"' if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            '"' => {
                                closed = true;
                                break;
                            }
                            '\n' => {
                                line += 1;
                                field.push('\n');
                            }
                            '\r' => {
                                if chars.peek() == Some(&'\n') {
                                    chars.next();
                                }
                                line += 1;
                                field.push('\n');
                            }
                            q => field.push(q),
                        }
                    }
                    if !closed {
                        error = Some("a quoted field is never closed (a missing \")".into());
                        break;
                    }
                    match chars.peek() {
                        None | Some(',' | '\n' | '\r') => {}
                        Some(_) => {
                            error = Some(format!(
                                "field {} has text after its closing quote",
                                fields.len() + 1
                            ));
                            // Skip the rest of the line.
                            for q in chars.by_ref() {
                                if q == '\n' {
                                    break;
                                }
                            }
                            line += 1;
                            break;
                        }
                    }
                }
                ',' => {
                    blank = false;
                    fields.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                '\n' | '\r' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    break;
                }
                c => {
                    blank = false;
                    at_field_start = false;
                    field.push(c);
                }
            }
        }
        if let Some(e) = error {
            out.push((start, Err(e)));
            continue;
        }
        if blank && field.is_empty() && fields.is_empty() {
            continue;
        }
        fields.push(field);
        out.push((start, Ok(fields)));
    }
    out
}

/// Read a CSV file. Fails only when there is no row at all; bad rows are in
/// [`Table::errors`].
pub fn parse_csv(input: &str) -> Result<Table, String> {
    let mut recs = records(input).into_iter();
    let (first_line, first) = match recs.next() {
        None => return Err("the file has no rows".into()),
        // An unreadable first row cannot say what the columns are.
        Some((line, Err(e))) => return Err(format!("line {line}: {e}")),
        Some((line, Ok(fields))) => (line, fields),
    };
    let text_at = first
        .iter()
        .position(|f| f.trim().trim_matches('"').eq_ignore_ascii_case("text"));
    let width = first.len();
    let (columns, has_header, text_column) = match text_at {
        Some(i) => (
            first.iter().map(|c| c.trim().to_string()).collect(),
            true,
            i,
        ),
        None => {
            let cols = if width == 1 {
                vec!["text".to_string()]
            } else {
                (1..=width).map(|i| format!("column_{i}")).collect()
            };
            (cols, false, 0)
        }
    };
    let mut table = Table {
        columns,
        has_header,
        text_column,
        rows: Vec::new(),
        errors: Vec::new(),
    };
    let rest: Box<dyn Iterator<Item = Record>> = if has_header {
        Box::new(recs)
    } else {
        Box::new(std::iter::once((first_line, Ok(first))).chain(recs))
    };
    for (line, rec) in rest {
        match rec {
            Err(message) => table.errors.push(RowError { line, message }),
            Ok(fields) if fields.len() != width => table.errors.push(RowError {
                line,
                message: format!(
                    "{} fields, expected {width} like {}",
                    fields.len(),
                    if has_header {
                        "the header"
                    } else {
                        "the first row"
                    }
                ),
            }),
            Ok(fields) if fields[text_column].trim().is_empty() => table.errors.push(RowError {
                line,
                message: format!("the {} column is empty", table.columns[text_column]),
            }),
            Ok(fields) => table.rows.push(Row { line, fields }),
        }
    }
    Ok(table)
}

/// Pasted complaints, one per line; blank lines are skipped.
pub fn parse_lines(input: &str) -> Table {
    let rows = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Row {
            line: i + 1,
            fields: vec![l.trim().to_string()],
        })
        .collect();
    Table {
        columns: vec!["text".into()],
        has_header: false,
        text_column: 0,
        rows,
        errors: Vec::new(),
    }
}

/// A ranked complaint.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Position in the input (ties keep this order).
    pub order: usize,
    /// The row.
    pub row: Row,
    /// Urgency level.
    pub level: UrgencyLevel,
    /// Urgency 0–100.
    pub score: u8,
    /// Most likely persona.
    pub persona: PersonaLabel,
    /// Its probability.
    pub confidence: f32,
}

/// What the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Urgency score (ties: input order).
    Urgency,
    /// Persona name, then urgency, most urgent first.
    Persona,
    /// Line in the file.
    Line,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Descending (most urgent first for urgency).
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Urgency,
            descending: true,
        }
    }
}

/// Persona names in alphabetical order, for sorting by persona.
fn persona_rank(p: PersonaLabel) -> u64 {
    match p {
        PersonaLabel::Aggressive => 0,
        PersonaLabel::Barnacle => 1,
        PersonaLabel::Chronic => 2,
        PersonaLabel::HighRoller => 3,
        PersonaLabel::Meek => 4,
        PersonaLabel::Moderate => 5,
    }
}

/// Order `rows`; ties keep input order (`Ranked::order`).
///
/// Sorted as plain `u64` keys (the column in the high 32 bits, the input order in the low 32)
/// rather than with a comparison closure over `Ranked`: the same result, and the page links
/// one small integer sort instead of a generic stable sort for this type.
pub fn sort(rows: &mut Vec<Ranked>, by: Sort) {
    const LOW: u64 = 0xffff_ffff;
    let mut keys: Vec<u64> = rows
        .iter()
        .map(|r| {
            let column = match by.key {
                SortKey::Urgency => u64::from(r.score),
                // Alphabetical by name, then most urgent first.
                SortKey::Persona => persona_rank(r.persona) * 256 + (255 - u64::from(r.score)),
                SortKey::Line => (r.row.line as u64).min(LOW),
            };
            let column = if by.descending { LOW - column } else { column };
            (column << 32) | (r.order as u64 & LOW)
        })
        .collect();
    keys.sort_unstable();
    // Each `order` appears once (the ranking numbers the rows 0..n).
    let mut slots: Vec<Option<Ranked>> = Vec::new();
    slots.resize_with(rows.iter().map(|r| r.order + 1).max().unwrap_or(0), || None);
    for r in rows.drain(..) {
        let i = r.order;
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(r);
        }
    }
    rows.extend(
        keys.iter()
            .filter_map(|k| slots.get_mut((k & LOW) as usize).and_then(Option::take)),
    );
}

/// Which rows to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Only this level.
    pub level: Option<UrgencyLevel>,
    /// Only this persona.
    pub persona: Option<PersonaLabel>,
    /// Only complaints containing this (case-insensitive).
    pub search: String,
}

impl Filter {
    /// Whether `r` is shown.
    pub fn keeps(&self, r: &Ranked, text: &str) -> bool {
        self.level.is_none_or(|l| l == r.level)
            && self.persona.is_none_or(|p| p == r.persona)
            && (self.search.trim().is_empty()
                || text
                    .to_lowercase()
                    .contains(&self.search.trim().to_lowercase()))
    }
}

fn csv_field(out: &mut String, f: &str) {
    if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

fn csv_line(out: &mut String, fields: impl IntoIterator<Item = impl AsRef<str>>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f.as_ref());
    }
    out.push_str("\r\n");
}

/// The rows as CSV, in the order given: every original column, then `urgency_level,
/// urgency_score, persona, persona_confidence` (the columns `tact triage` adds).
pub fn to_csv<'a>(table: &Table, rows: impl IntoIterator<Item = &'a Ranked>) -> String {
    let mut out = String::new();
    let added = [
        "urgency_level",
        "urgency_score",
        "persona",
        "persona_confidence",
    ];
    csv_line(
        &mut out,
        table
            .columns
            .iter()
            .map(String::as_str)
            .chain(added.iter().copied()),
    );
    for r in rows {
        let extra = [
            r.level.to_string(),
            r.score.to_string(),
            r.persona.to_string(),
            crate::components::fixed(f64::from(r.confidence), 3),
        ];
        csv_line(&mut out, r.row.fields.iter().cloned().chain(extra));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &Table) -> Vec<&str> {
        t.rows.iter().map(|r| t.text(r)).collect()
    }

    #[test]
    fn a_text_column_is_found_in_the_header_whatever_its_place_and_case() {
        let t = parse_csv("id,Text,customer\n1,My card was stolen,ann\n2,Late again,bob\n")
            .expect("parses");
        assert!(t.has_header);
        assert_eq!(t.text_column, 1);
        assert_eq!(texts(&t), ["My card was stolen", "Late again"]);
        assert_eq!(t.rows[1].line, 3);
        assert!(t.errors.is_empty());
    }

    #[test]
    fn without_a_text_header_the_first_column_is_the_text_and_no_row_is_lost() {
        let t = parse_csv("My card was stolen,x\nLate again,y").expect("parses");
        assert!(!t.has_header);
        assert_eq!(t.columns, ["column_1", "column_2"]);
        assert_eq!(texts(&t), ["My card was stolen", "Late again"]);
    }

    #[test]
    fn bom_crlf_quotes_commas_and_line_breaks_inside_fields() {
        let input = "\u{feff}id,text\r\n1,\"Hello, \"\"world\"\"\r\nsecond line\"\r\n2,plain\r\n";
        let t = parse_csv(input).expect("parses");
        assert_eq!(t.columns, ["id", "text"]);
        assert_eq!(texts(&t), ["Hello, \"world\"\nsecond line", "plain"]);
        assert_eq!(t.rows[1].line, 4, "the quoted line break counts as a line");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line_and_the_rest_are_kept() {
        let input = "id,text\n1,good\n2,too,many\n\n3,\"never closed\n4,fine";
        let t = parse_csv(input).expect("parses");
        assert_eq!(texts(&t), ["good"]);
        assert_eq!(t.errors.len(), 2, "{:?}", t.errors);
        assert_eq!(t.errors[0].line, 3);
        assert!(t.errors[0].message.contains("3 fields, expected 2"));
        assert_eq!(t.errors[1].line, 5);
        assert!(t.errors[1].message.contains("never closed"));
    }

    #[test]
    fn text_after_a_closing_quote_and_an_empty_text_are_errors() {
        let t = parse_csv("text,id\n\"a\"b,1\n,2\nok,3\n").expect("parses");
        assert_eq!(texts(&t), ["ok"]);
        let lines: Vec<usize> = t.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3]);
        assert!(t.errors[0].message.contains("after its closing quote"));
        assert!(t.errors[1].message.contains("empty"));
    }

    #[test]
    fn an_empty_file_is_an_error() {
        assert!(parse_csv("").is_err());
        assert!(parse_csv("\u{feff}\n\n").is_err());
    }

    #[test]
    fn pasted_lines_skip_blanks_and_keep_line_numbers() {
        let t = parse_lines("first\n\n  second  \r\n");
        assert_eq!(texts(&t), ["first", "second"]);
        assert_eq!(t.rows[1].line, 3);
    }

    fn ranked(order: usize, score: u8, persona: PersonaLabel) -> Ranked {
        Ranked {
            order,
            row: Row {
                line: order + 2,
                fields: vec![format!("c{order}")],
            },
            level: if score >= 75 {
                UrgencyLevel::Critical
            } else {
                UrgencyLevel::Low
            },
            score,
            persona,
            confidence: 0.5,
        }
    }

    #[test]
    fn sorting_is_stable_and_most_urgent_first_by_default() {
        let mut rows = vec![
            ranked(0, 10, PersonaLabel::Meek),
            ranked(1, 90, PersonaLabel::Aggressive),
            ranked(2, 10, PersonaLabel::Chronic),
            ranked(3, 90, PersonaLabel::Meek),
        ];
        sort(&mut rows, Sort::default());
        let order: Vec<usize> = rows.iter().map(|r| r.order).collect();
        assert_eq!(order, [1, 3, 0, 2]);
        sort(
            &mut rows,
            Sort {
                key: SortKey::Persona,
                descending: false,
            },
        );
        let order: Vec<usize> = rows.iter().map(|r| r.order).collect();
        assert_eq!(
            order,
            [1, 2, 3, 0],
            "aggressive, chronic, meek (90 before 10)"
        );
        sort(
            &mut rows,
            Sort {
                key: SortKey::Line,
                descending: false,
            },
        );
        assert_eq!(rows[0].order, 0);
        sort(
            &mut rows,
            Sort {
                key: SortKey::Urgency,
                descending: false,
            },
        );
        let order: Vec<usize> = rows.iter().map(|r| r.order).collect();
        assert_eq!(order, [0, 2, 1, 3], "ascending, ties still in input order");
    }

    #[test]
    fn sorting_keeps_every_row_even_with_gaps_in_the_order() {
        let mut rows = vec![
            ranked(7, 10, PersonaLabel::Meek),
            ranked(3, 50, PersonaLabel::Meek),
        ];
        sort(&mut rows, Sort::default());
        let order: Vec<usize> = rows.iter().map(|r| r.order).collect();
        assert_eq!(order, [3, 7]);
    }

    #[test]
    fn filters_combine() {
        let r = ranked(0, 90, PersonaLabel::Meek);
        assert!(Filter::default().keeps(&r, "Card STOLEN"));
        let f = Filter {
            level: Some(UrgencyLevel::Critical),
            persona: Some(PersonaLabel::Meek),
            search: "stolen".into(),
        };
        assert!(f.keeps(&r, "Card STOLEN"));
        assert!(!f.keeps(&r, "late parcel"));
        let f = Filter {
            persona: Some(PersonaLabel::Chronic),
            ..Filter::default()
        };
        assert!(!f.keeps(&r, "Card STOLEN"));
    }

    #[test]
    fn export_quotes_what_needs_quoting_and_reads_back() {
        let table = parse_csv("id,text\n7,\"Hi, \"\"you\"\"\nthere\"\n").expect("parses");
        let r = Ranked {
            order: 0,
            row: table.rows[0].clone(),
            level: UrgencyLevel::High,
            score: 60,
            persona: PersonaLabel::HighRoller,
            confidence: 0.4567,
        };
        let csv = to_csv(&table, [&r]);
        assert_eq!(
            csv,
            "id,text,urgency_level,urgency_score,persona,persona_confidence\r\n7,\"Hi, \"\"you\"\"\nthere\",high,60,high_roller,0.457\r\n"
        );
        let back = parse_csv(&csv).expect("reads back");
        assert_eq!(back.rows[0].fields[1], "Hi, \"you\"\nthere");
        assert_eq!(back.rows[0].fields[4], "high_roller");
    }
}
