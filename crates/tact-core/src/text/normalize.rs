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
    let folded: String = word.chars().filter(|c| !invisible(*c)).map(fold).collect();
    folded.nfkc().flat_map(char::to_lowercase).collect()
}
