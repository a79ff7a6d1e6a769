//! Per-token normalisation: NFKC, lower case, folded apostrophes and quotes, no zero-width.

use unicode_normalization::UnicodeNormalization;

/// Characters dropped from a token's normalised form: zero-width and format characters
/// that a reader cannot see (they are often pasted in from rich text or used to dodge filters).
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{00ad}' | '\u{034f}'
    )
}

fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`' | '\u{00b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// The normalised form of one word: NFKC, lower case, `’` → `'`, invisible characters removed.
///
/// ```
/// assert_eq!(tact_core::normalize_word("We\u{2019}RE"), "we're");
/// ```
pub fn normalize_word(word: &str) -> String {
    // Plain ASCII is its own NFKC form and has nothing invisible; only '`' folds. Most words
    // of most texts take this path, which allocates once and skips the Unicode tables.
    if word.is_ascii() {
        return word
            .bytes()
            .map(|b| {
                if b == b'`' {
                    '\''
                } else {
                    char::from(b.to_ascii_lowercase())
                }
            })
            .collect();
    }
    let folded: String = word.chars().filter(|c| !invisible(*c)).map(fold).collect();
    folded.nfkc().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general path, without the ASCII shortcut.
    fn slow(word: &str) -> String {
        let folded: String = word.chars().filter(|c| !invisible(*c)).map(fold).collect();
        folded.nfkc().flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_unicode_path() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(normalize_word(&all), slow(&all));
        for w in ["We're", "DON`T", "Per", "ABC123", "x", ""] {
            assert_eq!(normalize_word(w), slow(w), "{w:?}");
        }
    }

    #[test]
    fn unicode_words_fold_and_drop_invisibles() {
        assert_eq!(normalize_word("We\u{2019}RE"), "we're");
        assert_eq!(normalize_word("re\u{200b}fund"), "refund");
        assert_eq!(normalize_word("ﬁx"), "fix");
    }
}
