//! Cutting a text into runs for highlighting: plain runs, and runs covered by one or more
//! marked spans. Spans are byte offsets into the same Rust string (end-exclusive), so the
//! text is only ever sliced here, in Rust, never through JavaScript string indices.

use std::ops::Range;

use tact_core::Span;

/// A run of the text and the spans that cover all of it (indices into the input, in input
/// order; empty for plain text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte range of the run.
    pub range: Range<usize>,
    /// Which spans cover it.
    pub covering: Vec<usize>,
}

/// True when `span` can be sliced out of `text`: non-empty, inside it, on char boundaries.
fn usable(text: &str, span: &Span) -> bool {
    span.start < span.end && text.get(span.start..span.end).is_some()
}

/// Cut `text` into runs at every edge of a usable span. Overlapping spans split each other;
/// spans that cannot be sliced out of `text` (stale or out of range) are ignored. The runs
/// cover the whole text, in order, without gaps.
pub fn runs(text: &str, spans: &[Span]) -> Vec<Run> {
    let mut edges: Vec<usize> = vec![0, text.len()];
    for s in spans.iter().filter(|s| usable(text, s)) {
        edges.push(s.start);
        edges.push(s.end);
    }
    edges.sort_unstable();
    edges.dedup();
    edges
        .windows(2)
        .map(|w| Run {
            range: w[0]..w[1],
            covering: spans
                .iter()
                .enumerate()
                .filter(|(_, s)| usable(text, s) && s.start <= w[0] && w[1] <= s.end)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, runs: &[Run]) -> Vec<(&'a str, Vec<usize>)> {
        runs.iter()
            .map(|r| (&text[r.range.clone()], r.covering.clone()))
            .collect()
    }

    #[test]
    fn plain_text_is_one_run() {
        let t = "Nothing to see.";
        assert_eq!(texts(t, &runs(t, &[])), vec![(t, vec![])]);
    }

    #[test]
    fn empty_text_has_no_runs() {
        assert!(runs("", &[Span::new(0, 0)]).is_empty());
    }

    #[test]
    fn marked_spans_split_the_text() {
        let t = "My card was stolen now";
        let r = runs(t, &[Span::new(8, 18), Span::new(19, 22)]);
        assert_eq!(
            texts(t, &r),
            vec![
                ("My card ", vec![]),
                ("was stolen", vec![0]),
                (" ", vec![]),
                ("now", vec![1])
            ]
        );
    }

    #[test]
    fn overlapping_spans_split_each_other() {
        let t = "abcdef";
        let r = runs(t, &[Span::new(0, 4), Span::new(2, 6)]);
        assert_eq!(
            texts(t, &r),
            vec![("ab", vec![0]), ("cd", vec![0, 1]), ("ef", vec![1])]
        );
    }

    #[test]
    fn emoji_and_accents_are_sliced_on_char_boundaries() {
        let t = "Café 😡 now!";
        let start = t.find('😡').unwrap_or(0);
        let r = runs(
            t,
            &[Span::new(0, 5), Span::new(start, start + '😡'.len_utf8())],
        );
        assert_eq!(
            texts(t, &r),
            vec![
                ("Café", vec![0]),
                (" ", vec![]),
                ("😡", vec![1]),
                (" now!", vec![])
            ]
        );
    }

    #[test]
    fn spans_that_do_not_fit_the_text_are_ignored() {
        let t = "é!";
        // 1 is inside 'é'; 10 is past the end; 2..2 is empty.
        let r = runs(t, &[Span::new(1, 3), Span::new(0, 10), Span::new(2, 2)]);
        assert_eq!(texts(t, &r), vec![(t, vec![])]);
    }
}
