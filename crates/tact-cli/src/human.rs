//! Reports for a person to read in a terminal.

use std::fmt::Write;

use tact_core::{ComplaintReport, ReplyReport};

pub(crate) fn complaint(text: &str, r: &ComplaintReport) -> String {
    let mut s = String::new();
    let u = &r.urgency;
    let _ = writeln!(s, "Urgency: {} ({}/100)", u.level, u.score);
    for c in &u.cues {
        let _ = writeln!(
            s,
            "  \"{}\" (bytes {}..{}): {}",
            c.text, c.span.start, c.span.end, c.why
        );
    }
    let p = &r.persona;
    let _ = writeln!(
        s,
        "Persona: {} ({:.0}% sure)",
        p.label,
        p.confidence * 100.0
    );
    let mut scores: Vec<_> = p.scores.iter().collect();
    scores.sort_by(|a, b| b.1.total_cmp(a.1));
    let line: Vec<String> = scores
        .iter()
        .map(|(k, v)| format!("{k} {:.0}%", *v * 100.0))
        .collect();
    let _ = writeln!(s, "  {}", line.join(", "));
    for c in &p.cues {
        let _ = writeln!(s, "  \"{}\": {}", c.text, c.why);
    }
    let _ = writeln!(s, "Advice:");
    for a in &r.advice {
        let _ = writeln!(s, "  - {} [{}]", a.text, a.source);
    }
    if text.trim().is_empty() {
        let _ = writeln!(s, "(the text is empty)");
    }
    s.trim_end().to_string()
}

pub(crate) fn reply(text: &str, r: &ReplyReport) -> String {
    let mut s = String::new();
    let verdict = if r.passive_aggressive {
        "reads as passive-aggressive"
    } else {
        "reads fine"
    };
    let _ = writeln!(
        s,
        "Verdict: {verdict} (score {:.2}, tone model {:.2})",
        r.score, r.model_score
    );
    if r.lints.is_empty() {
        let _ = writeln!(s, "No findings.");
    }
    for l in &r.lints {
        let line = text[..l.span.start.min(text.len())].matches('\n').count() + 1;
        let _ = writeln!(
            s,
            "{} [{}] line {line}, \"{}\": {}",
            l.severity, l.rule, l.text, l.message
        );
        match &l.suggestion {
            Some(x) if x.is_empty() => {
                let _ = writeln!(s, "    suggestion: delete it");
            }
            Some(x) => {
                let _ = writeln!(s, "    suggestion: \"{x}\"");
            }
            None => {}
        }
        let _ = writeln!(s, "    source: {}", l.source);
    }
    s.trim_end().to_string()
}
