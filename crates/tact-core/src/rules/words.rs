//! Small word-list helpers shared by the phrase rules' innocence checks.

use super::{Draft, Word};

/// True when any word of the sentence (normalised or stemmed) is in `set`.
pub(crate) fn has(words: &[Word], set: &[&str]) -> bool {
    words
        .iter()
        .any(|w| set.contains(&w.norm.as_str()) || set.contains(&w.stem.as_str()))
}

/// True when the sentence contains the words of `seq` in a row (normalised forms).
pub(crate) fn has_seq(words: &[Word], seq: &[&str]) -> bool {
    words
        .windows(seq.len())
        .any(|w| w.iter().zip(seq).all(|(a, b)| a.norm == *b))
}

/// An apology that is one: "sorry about this", not "sorry if you ..." or "sorry for any ...".
pub(crate) fn real_apology(words: &[Word]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        (w.stem == "sorri" || w.stem == "apolog")
            && !(i > 0 && words[i - 1].norm == "than")
            && !matches!(
                words.get(i + 1).map(|n| n.norm.as_str()),
                Some("if" | "you" | "that" | "to")
            )
            && !(words.get(i + 1).is_some_and(|n| n.norm == "for")
                && words.get(i + 2).is_some_and(|n| n.norm == "any"))
    })
}

/// An innocence check that never excuses a match.
pub(crate) fn never(_: &Draft<'_>, _: &[Word], _: (usize, usize)) -> bool {
    false
}
