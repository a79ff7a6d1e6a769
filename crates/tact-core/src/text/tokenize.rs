//! A tokenizer that keeps byte spans into the original text.
//!
//! Hand-written rather than UAX #29 word bounds because customer text needs a few things
//! those bounds do not give: punctuation runs ("!!!", "?!") as one token, emoji with their
//! skin-tone modifiers and ZWJ sequences as one token, and zero-width characters kept inside
//! the word they were pasted into.

use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use super::normalize::normalize_word;
use crate::span::Span;

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (with inner apostrophes and digits).
    Word,
    /// Digits, with inner `.`, `,` or `:` and trailing letters ("3.50", "1,200", "5pm", "3rd").
    Number,
    /// One punctuation mark, or a run of `!`/`?` or of `.`.
    Punct,
    /// An emoji, with its modifiers and joiners.
    Emoji,
    /// A currency sign or other symbol.
    Symbol,
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Where the token lies in the original text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// Normalised form (NFKC, lower case, folded apostrophes, no zero-width characters).
    pub norm: String,
    /// English Snowball stem of `norm` for words; `norm` otherwise.
    pub stem: String,
    /// True for a word of two or more letters written all in capitals.
    pub upper: bool,
}

pub(crate) fn stemmer() -> &'static rust_stemmers::Stemmer {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

/// English stem of a normalised word, with British and American spellings folded first
/// ("apologise"/"apologize", "colour"/"color", "analyse"/"analyze"), which Snowball keeps apart.
pub(crate) fn stem(norm: &str) -> String {
    let folded = spelling_fold(norm);
    stemmer()
        .stem(folded.as_deref().unwrap_or(norm))
        .into_owned()
}

fn spelling_fold(w: &str) -> Option<String> {
    if w.len() < 6 || !w.is_ascii() {
        return None;
    }
    for (from, to) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("ouring", "oring"),
        ("ourite", "orite"),
        ("ourites", "orites"),
    ] {
        if let Some(head) = w.strip_suffix(from) {
            return Some(format!("{head}{to}"));
        }
    }
    None
}

fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{00ad}' | '\u{034f}'
    )
}

fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

fn pictographic(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x3030 | 0x303D | 0x3297 | 0x3299)
}

fn emoji_tail(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF | 0xFE0F | 0xFE0E | 0x20E3 | 0xE0020..=0xE007F)
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || invisible(c)
}

/// Tokenise `text`. Spans are end-exclusive byte offsets on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut tokens = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let j;
        let kind;
        if c.is_whitespace() || invisible(c) || c.is_control() {
            i += 1;
            continue;
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            kind = if c.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let mut k = i + 1;
            while k < chars.len() {
                let ch = chars[k].1;
                let next = chars.get(k + 1).map(|p| p.1);
                if word_char(ch) {
                    k += 1;
                } else if (kind == TokenKind::Word
                    && apostrophe(ch)
                    && next.is_some_and(char::is_alphabetic))
                    || (kind == TokenKind::Number
                        && matches!(ch, '.' | ',' | ':')
                        && next.is_some_and(|n| n.is_ascii_digit()))
                {
                    // An inner apostrophe ("we're") or decimal/thousands mark ("3.50").
                    k += 2;
                } else {
                    break;
                }
            }
            j = k;
        } else if pictographic(c) || (0x1F1E6..=0x1F1FF).contains(&(c as u32)) {
            kind = TokenKind::Emoji;
            let mut k = i + 1;
            loop {
                match chars.get(k).map(|p| p.1) {
                    Some(ch) if emoji_tail(ch) => k += 1,
                    Some('\u{200d}') if chars.get(k + 1).is_some_and(|p| pictographic(p.1)) => {
                        k += 2
                    }
                    // Regional-indicator pairs are flags.
                    Some(ch)
                        if (0x1F1E6..=0x1F1FF).contains(&(ch as u32))
                            && (0x1F1E6..=0x1F1FF).contains(&(c as u32))
                            && k == i + 1 =>
                    {
                        k += 1
                    }
                    _ => break,
                }
            }
            j = k;
        } else if matches!(c, '!' | '?' | '\u{ff01}' | '\u{ff1f}') {
            kind = TokenKind::Punct;
            let mut k = i + 1;
            while chars
                .get(k)
                .is_some_and(|p| matches!(p.1, '!' | '?' | '\u{ff01}' | '\u{ff1f}'))
            {
                k += 1;
            }
            j = k;
        } else if c == '.' || c == '\u{2026}' {
            kind = TokenKind::Punct;
            let mut k = i + 1;
            while chars.get(k).is_some_and(|p| p.1 == '.') {
                k += 1;
            }
            j = k;
        } else {
            kind = if c.is_ascii_punctuation()
                && !matches!(
                    c,
                    '$' | '%' | '@' | '#' | '+' | '=' | '<' | '>' | '^' | '|' | '~' | '&' | '*'
                )
                || matches!(
                    c,
                    '\u{2018}'
                        ..='\u{201f}'
                            | '\u{2013}'
                            | '\u{2014}'
                            | '\u{00ab}'
                            | '\u{00bb}'
                            | '\u{00bf}'
                            | '\u{00a1}'
                ) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            j = i + 1;
        }
        let span = Span::new(start, end_of(j));
        let raw = &text[span.start..span.end];
        let norm = normalize_word(raw);
        i = j;
        if norm.is_empty() {
            continue;
        }
        let (stem, upper) = if kind == TokenKind::Word {
            // Capitals, not letters: Arabic, Hebrew or CJK words have no case and never shout.
            let capitals = raw.chars().filter(|c| c.is_uppercase()).count();
            let upper = capitals >= 2 && !raw.chars().any(char::is_lowercase);
            (stem(&norm), upper)
        } else {
            (norm.clone(), false)
        };
        tokens.push(Token {
            span,
            kind,
            norm,
            stem,
            upper,
        });
    }
    tokens
}

/// Sentence spans (UAX #29), trimmed of surrounding whitespace; empty ones dropped.
pub(crate) fn sentences(text: &str) -> Vec<Span> {
    text.split_sentence_bound_indices()
        .filter_map(|(start, s)| {
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
        })
        .collect()
}
