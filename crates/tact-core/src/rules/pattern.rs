//! A small phrase pattern language for reply rules, matched over words (contractions
//! expanded, case and apostrophes folded) within one sentence.
//!
//! ```text
//! sorry           the word "sorry"
//! ~apologize      any word with the same English stem ("apologise", "apologized" ...)
//! we|i            either word
//! really?         optional
//! *3              up to three filler words
//! ```
//! Elements are separated by spaces; alternatives may mix plain and `~` words (`~regret|sorry`).

use crate::span::Span;
use crate::text::{expand_contraction, Document, TokenKind};

/// One word of a reply, after contraction expansion.
#[derive(Debug, Clone)]
pub struct Word {
    /// Normalised form.
    pub norm: String,
    /// English stem.
    pub stem: String,
    /// Span of the token it came from (shared by the parts of a contraction).
    pub span: Span,
    /// Index of the source token in the document.
    pub token: usize,
}

/// Words of each sentence of a document.
pub fn sentence_words(doc: &Document<'_>) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<Word>> = doc.sentences().iter().map(|_| Vec::new()).collect();
    let mut s = 0;
    for (ti, t) in doc.tokens().iter().enumerate() {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        while s + 1 < doc.sentences().len() && t.span.start >= doc.sentences()[s].end {
            s += 1;
        }
        let Some(bucket) = out.get_mut(s) else {
            continue;
        };
        match expand_contraction(&t.norm) {
            Some(parts) => {
                for p in parts {
                    bucket.push(Word {
                        norm: p.to_string(),
                        stem: crate::text::stem(p),
                        span: t.span,
                        token: ti,
                    });
                }
            }
            None => bucket.push(Word {
                norm: t.norm.clone(),
                stem: t.stem.clone(),
                span: t.span,
                token: ti,
            }),
        }
    }
    out
}

/// The words of a draft (normalised forms and stems), as sorted FNV-1a hashes: the set
/// [`Pattern::may_match`] asks, built without copying a string. A hash collision can only make
/// `may_match` say "maybe", never hide a match.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    hashes: Vec<u64>,
}

impl Vocab {
    /// The vocabulary of these words.
    pub fn new<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut hashes: Vec<u64> = words.map(Vocab::hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        Vocab { hashes }
    }

    /// Whether a word with this [`Vocab::hash`] is (probably) among them.
    pub fn contains_hash(&self, hash: u64) -> bool {
        self.hashes.binary_search(&hash).is_ok()
    }

    /// The hash a word is kept under.
    pub fn hash(word: &str) -> u64 {
        crate::features::fnv1a(&[word.as_bytes()])
    }
}

#[derive(Debug, Clone)]
enum Alt {
    Word(String),
    Stem(String),
}

#[derive(Debug, Clone)]
enum Elem {
    Any {
        alts: Vec<Alt>,
        optional: bool,
        /// FNV-1a of each alternative, for [`Vocab`] look-ups without hashing at check time.
        hashes: Vec<u64>,
    },
    Skip(usize),
}

/// A compiled phrase pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    elems: Vec<Elem>,
}

impl Pattern {
    /// Compile a pattern. Patterns are written in rule files; a malformed one is a bug caught
    /// by that rule's tests, so compile errors fall back to a pattern that never matches.
    pub fn new(source: &'static str) -> Pattern {
        let mut elems = Vec::new();
        for part in source.split_whitespace() {
            if let Some(n) = part.strip_prefix('*') {
                elems.push(Elem::Skip(n.parse().unwrap_or(0)));
                continue;
            }
            let (body, optional) = match part.strip_suffix('?') {
                Some(b) => (b, true),
                None => (part, false),
            };
            let alts: Vec<Alt> = body
                .split('|')
                .map(|a| match a.strip_prefix('~') {
                    Some(w) => Alt::Stem(crate::text::stem(&crate::text::normalize_word(w))),
                    None => Alt::Word(crate::text::normalize_word(a)),
                })
                .collect();
            let hashes = alts
                .iter()
                .map(|a| match a {
                    Alt::Word(x) | Alt::Stem(x) => Vocab::hash(x),
                })
                .collect();
            elems.push(Elem::Any {
                alts,
                optional,
                hashes,
            });
        }
        Pattern { elems }
    }

    /// False when the pattern cannot match a draft whose words (normalised forms and stems)
    /// are `vocab`: some required element has none of its alternatives there. A cheap
    /// pre-check that spares most patterns the scan of every start position.
    pub fn may_match(&self, vocab: &Vocab) -> bool {
        self.elems.iter().all(|e| match e {
            Elem::Any {
                optional, hashes, ..
            } => *optional || hashes.iter().any(|&h| vocab.contains_hash(h)),
            Elem::Skip(_) => true,
        })
    }

    /// All non-overlapping matches in `words`, as `(first, last)` word indices (inclusive).
    pub fn find_all(&self, words: &[Word]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < words.len() {
            match self.match_at(words, start, 0) {
                Some(end) if end > start => {
                    out.push((start, end - 1));
                    start = end;
                }
                _ => start += 1,
            }
        }
        out
    }

    /// Span covered by a match.
    pub fn span(words: &[Word], m: (usize, usize)) -> Span {
        words[m.0].span.join(words[m.1].span)
    }

    fn match_at(&self, words: &[Word], i: usize, e: usize) -> Option<usize> {
        let Some(elem) = self.elems.get(e) else {
            return Some(i);
        };
        match elem {
            Elem::Skip(n) => (0..=*n).filter(|k| i + k <= words.len()).find_map(|k| {
                // A filler may not be the last thing matched.
                self.match_at(words, i + k, e + 1)
            }),
            Elem::Any { alts, optional, .. } => {
                let hit = words.get(i).is_some_and(|w| {
                    alts.iter().any(|a| match a {
                        Alt::Word(x) => w.norm == *x,
                        Alt::Stem(x) => w.stem == *x,
                    })
                });
                let taken = if hit {
                    self.match_at(words, i + 1, e + 1)
                } else {
                    None
                };
                taken.or_else(|| {
                    if *optional {
                        self.match_at(words, i, e + 1)
                    } else {
                        None
                    }
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &'static str, text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let p = Pattern::new(pattern);
        sentence_words(&doc)
            .iter()
            .flat_map(|ws| {
                p.find_all(ws)
                    .into_iter()
                    .map(|x| Pattern::span(ws, x).slice(text).to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn contractions_case_and_curly_apostrophes() {
        let p = "we are sorry that you are having";
        assert_eq!(
            m(
                p,
                "We\u{2019}re SORRY that you\u{2019}re having this problem."
            ),
            ["We\u{2019}re SORRY that you\u{2019}re having"]
        );
        assert_eq!(
            m(p, "we are sorry that you are having it"),
            ["we are sorry that you are having"]
        );
    }

    #[test]
    fn stems_optional_and_filler() {
        assert_eq!(
            m(
                "~apologize for *2 ~inconvenience",
                "We apologise for the inconvenience."
            ),
            ["apologise for the inconvenience"]
        );
        assert_eq!(
            m(
                "~apologize for *2 ~inconvenience",
                "We apologized for any inconveniences"
            ),
            ["apologized for any inconveniences"]
        );
        assert!(m(
            "~apologize for *2 ~inconvenience",
            "We apologise for being late, no inconvenience"
        )
        .is_empty());
        assert_eq!(
            m("as i already? explained", "As I explained"),
            ["As I explained"]
        );
        assert_eq!(
            m("as i already? explained", "as I already explained"),
            ["as I already explained"]
        );
    }

    #[test]
    fn does_not_cross_sentences() {
        assert!(m("sorry you", "I am sorry. You are right").is_empty());
    }
}
