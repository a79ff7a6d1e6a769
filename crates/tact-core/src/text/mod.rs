//! Text → tokens with byte spans, sentences, normalised and stemmed forms.
//!
//! Nothing here changes the text the spans point into: normalisation (NFKC, lower case,
//! apostrophe and quote folding, zero-width removal) is applied to each token's own form,
//! so every [`Span`] stays a valid slice of the caller's original string.

mod contractions;
mod normalize;
mod tokenize;

pub use contractions::expand_contraction;
pub use normalize::normalize_word;
pub(crate) use tokenize::stem;
pub use tokenize::{Token, TokenKind};

use crate::span::Span;

/// A text broken into tokens and sentences, ready for features and rules.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    sentences: Vec<Span>,
}

impl<'a> Document<'a> {
    /// Tokenise, normalise and stem `text`.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize::tokenize(text);
        let sentences = tokenize::sentences(text);
        Document {
            text,
            tokens,
            sentences,
        }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// All tokens, in order (no whitespace tokens).
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Sentence spans, trimmed of surrounding whitespace, in order.
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }

    /// Number of word tokens.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_are_slices(text: &str) {
        let doc = Document::new(text);
        for t in doc.tokens() {
            assert!(text.is_char_boundary(t.span.start), "{t:?}");
            assert!(text.is_char_boundary(t.span.end), "{t:?}");
            assert!(!t.span.is_empty());
        }
        for s in doc.sentences() {
            assert!(text.get(s.start..s.end).is_some());
        }
    }

    #[test]
    fn spans_with_emoji_are_byte_offsets() {
        let text = "Refund 😡😡 now!!! 👍🏽 ok";
        let doc = Document::new(text);
        let words: Vec<&str> = doc.tokens().iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(words, ["Refund", "😡", "😡", "now", "!!!", "👍🏽", "ok"]);
        let now = &doc.tokens()[3];
        assert_eq!((now.span.start, now.span.end), (16, 19));
        assert_eq!(doc.tokens()[1].kind, TokenKind::Emoji);
        spans_are_slices(text);
    }

    #[test]
    fn accents_keep_spans_and_normalise() {
        // "é" composed (1 char, 2 bytes) and decomposed ("e" + U+0301, 3 bytes).
        let text = "Caf\u{e9} and Cafe\u{301} both FERM\u{c9}S";
        let doc = Document::new(text);
        let t: Vec<(&str, &str)> = doc
            .tokens()
            .iter()
            .map(|t| (doc.slice(t.span), t.norm.as_str()))
            .collect();
        assert_eq!(t[0], ("Caf\u{e9}", "caf\u{e9}"));
        assert_eq!(t[2], ("Cafe\u{301}", "caf\u{e9}"));
        assert_eq!(t[4].1, "ferm\u{e9}s");
        assert!(doc.tokens()[4].upper);
        spans_are_slices(text);
    }

    #[test]
    fn crlf_lines_split_sentences_and_keep_offsets() {
        let text = "Hello team.\r\nMy order is late!\r\n\r\nPlease help";
        let doc = Document::new(text);
        let s: Vec<&str> = doc.sentences().iter().map(|s| doc.slice(*s)).collect();
        assert_eq!(s, ["Hello team.", "My order is late!", "Please help"]);
        let late = doc
            .tokens()
            .iter()
            .find(|t| t.norm == "late")
            .map(|t| t.span);
        assert_eq!(late, Some(Span::new(25, 29)));
        spans_are_slices(text);
    }

    #[test]
    fn curly_apostrophes_fold_and_stems_apply() {
        let doc = Document::new("We\u{2019}re CHARGING you again");
        let t = &doc.tokens()[0];
        assert_eq!(t.norm, "we're");
        assert_eq!(doc.tokens()[1].stem, "charg");
        assert_eq!(doc.tokens()[1].norm, "charging");
    }

    #[test]
    fn zero_width_characters_do_not_split_or_leak() {
        let text = "ref\u{200b}und please";
        let doc = Document::new(text);
        assert!(
            doc.tokens().iter().any(|t| t.norm == "refund"),
            "{:?}",
            doc.tokens()
        );
        spans_are_slices(text);
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert!(Document::new("").tokens().is_empty());
        let doc = Document::new(" \t\r\n ");
        assert!(doc.tokens().is_empty());
        assert!(doc.sentences().is_empty());
    }

    #[test]
    fn punctuation_runs_merge() {
        let doc = Document::new("why?? WHY?!");
        let norms: Vec<&str> = doc.tokens().iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["why", "??", "why", "?!"]);
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        for text in [
            "\u{0}\u{0}abc",
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd} hello \u{645}\u{631}\u{62d}\u{628}\u{627}",
            "a\u{301}\u{302}\u{303}",
            "\u{feff}BOM first",
            "👨‍👩‍👧‍👦 family",
            "x\u{200d}y",
        ] {
            spans_are_slices(text);
        }
    }
}
