//! Features: hashed word 1–2-grams over stems, signals and lexicon scores, as a sparse vector.
//!
//! A document never becomes a dense row: features are `(index, value)` pairs, sorted by index,
//! with duplicates summed. Every feature can also report where in the text it came from, which
//! is how reports explain a score with the words that drove it.

mod lexicon;
mod signals;

pub use signals::{detect as detect_signals, Signal, SignalKind};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::span::Span;
use crate::text::{Document, TokenKind};

/// Version of the feature extractor compiled into this build. A model trained with another
/// extractor version computes different features and is refused.
pub const EXTRACTOR_VERSION: u32 = 1;

/// How features are computed. Stored in every model file; a model is only used with the
/// configuration it was trained with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Must equal [`EXTRACTOR_VERSION`].
    pub extractor_version: u32,
    /// Number of hash buckets is `2^hash_bits` (10..=24).
    pub hash_bits: u8,
    /// Longest word n-gram (1..=3).
    pub word_ngrams: u8,
    /// Use English Snowball stems rather than normalised words.
    pub stem: bool,
    /// Add signal features (shouting, "!!!", money, deadlines ...).
    pub signals: bool,
    /// Add lexicon features (VADER, hedges, weasels, Empath).
    pub lexicons: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            extractor_version: EXTRACTOR_VERSION,
            hash_bits: 18,
            word_ngrams: 2,
            stem: true,
            signals: true,
            lexicons: true,
        }
    }
}

impl FeatureConfig {
    /// Check that this build can compute these features.
    pub fn validate(&self) -> Result<()> {
        if self.extractor_version != EXTRACTOR_VERSION {
            return Err(Error::FeatureConfigMismatch(format!(
                "the model was trained with feature extractor version {}, this build has version {}",
                self.extractor_version, EXTRACTOR_VERSION
            )));
        }
        if !(10..=24).contains(&self.hash_bits) {
            return Err(Error::FeatureConfigMismatch(format!(
                "hash_bits {} is outside 10..=24",
                self.hash_bits
            )));
        }
        if !(1..=3).contains(&self.word_ngrams) {
            return Err(Error::FeatureConfigMismatch(format!(
                "word_ngrams {} is outside 1..=3",
                self.word_ngrams
            )));
        }
        Ok(())
    }

    /// Number of hash buckets.
    pub fn dimension(&self) -> u32 {
        1u32 << self.hash_bits
    }
}

/// A sparse feature vector: sorted, unique indices with their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    /// Bucket indices, strictly increasing.
    pub indices: Vec<u32>,
    /// Values, one per index.
    pub values: Vec<f32>,
}

impl SparseVector {
    fn from_pairs(mut pairs: Vec<(u32, f32)>) -> Self {
        pairs.sort_unstable_by_key(|p| p.0);
        let mut v = SparseVector {
            indices: Vec::with_capacity(pairs.len()),
            values: Vec::with_capacity(pairs.len()),
        };
        for (i, x) in pairs {
            if v.indices.last() == Some(&i) {
                if let Some(last) = v.values.last_mut() {
                    *last += x;
                }
            } else {
                v.indices.push(i);
                v.values.push(x);
            }
        }
        v
    }

    /// Number of non-zero entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// `(index, value)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.indices
            .iter()
            .copied()
            .zip(self.values.iter().copied())
    }
}

/// Where one feature occurrence came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The feature's bucket.
    pub index: u32,
    /// Its value in the vector (before summing with colliding features).
    pub value: f32,
    /// The span of text that produced it.
    pub span: Span,
    /// What kind of feature, for explanations.
    pub source: OriginKind,
}

/// What produced a feature.
#[derive(Debug, Clone, PartialEq)]
pub enum OriginKind {
    /// A word n-gram.
    Words,
    /// A signal.
    Signal(SignalKind),
    /// A lexicon entry (the lexicon's name).
    Lexicon(&'static str),
}

/// FNV-1a, 64 bit: stable across platforms and releases (model files depend on it).
pub(crate) fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in *p {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Computes features for one configuration.
#[derive(Debug, Clone)]
pub struct Featurizer {
    config: FeatureConfig,
}

struct Sink {
    mask: u64,
    pairs: Vec<(u32, f32)>,
    origins: Option<Vec<Origin>>,
}

impl Sink {
    fn add(&mut self, key: &[&[u8]], value: f32, span: Span, source: OriginKind) {
        let index = (fnv1a(key) & self.mask) as u32;
        self.pairs.push((index, value));
        if let Some(o) = self.origins.as_mut() {
            o.push(Origin {
                index,
                value,
                span,
                source,
            });
        }
    }
}

impl Featurizer {
    /// A featurizer for `config` (validated).
    pub fn new(config: FeatureConfig) -> Result<Self> {
        config.validate()?;
        Ok(Featurizer { config })
    }

    /// The configuration.
    pub fn config(&self) -> &FeatureConfig {
        &self.config
    }

    /// Features of a document.
    pub fn features(&self, doc: &Document<'_>) -> SparseVector {
        self.compute(doc, false).0
    }

    /// Features of a document and where each came from.
    pub fn features_with_origins(&self, doc: &Document<'_>) -> (SparseVector, Vec<Origin>) {
        let (v, o) = self.compute(doc, true);
        (v, o.unwrap_or_default())
    }

    fn compute(&self, doc: &Document<'_>, origins: bool) -> (SparseVector, Option<Vec<Origin>>) {
        let cfg = &self.config;
        let mut sink = Sink {
            mask: u64::from(cfg.dimension() - 1),
            pairs: Vec::with_capacity(doc.tokens().len() * 3 + 16),
            origins: origins.then(Vec::new),
        };
        // Word n-grams over words, numbers (as one shape), emoji and "!"/"?" runs.
        let grams: Vec<(&str, Span)> = doc
            .tokens()
            .iter()
            .filter_map(|t| {
                let g = match t.kind {
                    TokenKind::Word if cfg.stem => t.stem.as_str(),
                    TokenKind::Word => t.norm.as_str(),
                    TokenKind::Number => "<num>",
                    TokenKind::Emoji => t.norm.as_str(),
                    TokenKind::Punct if t.norm.starts_with(['!', '?']) => {
                        if t.norm.len() > 1 {
                            "<!!>"
                        } else {
                            &t.norm[..1]
                        }
                    }
                    TokenKind::Symbol if t.norm.chars().all(|c| !c.is_alphanumeric()) => {
                        t.norm.as_str()
                    }
                    _ => return None,
                };
                Some((g, t.span))
            })
            .collect();
        let n_before = sink.pairs.len();
        for n in 1..=usize::from(cfg.word_ngrams) {
            let tag: &[u8] = match n {
                1 => b"u",
                2 => b"b",
                _ => b"t",
            };
            for w in grams.windows(n) {
                let mut key: Vec<&[u8]> = Vec::with_capacity(n + 1);
                key.push(tag);
                key.extend(w.iter().map(|(g, _)| g.as_bytes()));
                let span = w[0].1.join(w[n - 1].1);
                sink.add(&key, 1.0, span, OriginKind::Words);
            }
        }
        // Binary presence, scaled so that a long text does not outweigh a short one.
        let grams_added = sink.pairs.len() - n_before;
        if grams_added > 0 {
            let scale = 1.0 / (grams_added as f32).sqrt();
            for p in &mut sink.pairs[n_before..] {
                p.1 = scale;
            }
            if let Some(o) = sink.origins.as_mut() {
                for x in o.iter_mut() {
                    x.value = scale;
                }
            }
        }
        if cfg.signals {
            self.signal_features(doc, &mut sink);
        }
        if cfg.lexicons {
            self.lexicon_features(doc, &mut sink);
        }
        sink.add(
            &[b"len"],
            length_bucket(doc.word_count()),
            Span::new(0, 0),
            OriginKind::Words,
        );
        let v = SparseVector::from_pairs(sink.pairs);
        (v, sink.origins)
    }

    fn signal_features(&self, doc: &Document<'_>, sink: &mut Sink) {
        let signals = signals::detect(doc);
        let mut counts: std::collections::HashMap<SignalKind, f32> = Default::default();
        for s in &signals {
            *counts.entry(s.kind).or_default() += 1.0;
        }
        for s in &signals {
            let name: &'static str = s.kind.into();
            let n = counts[&s.kind];
            // Saturating: the first occurrence matters most.
            let total = (n.min(3.0) / 3.0).sqrt().max(0.5);
            sink.add(
                &[b"sig", name.as_bytes()],
                total / n,
                s.span,
                OriginKind::Signal(s.kind),
            );
        }
        let words = doc.word_count().max(1) as f32;
        let upper = doc
            .tokens()
            .iter()
            .filter(|t| t.upper && t.norm.chars().count() >= 3)
            .count() as f32;
        if upper / words > 0.3 && words >= 3.0 {
            sink.add(
                &[b"sig", b"mostly_caps"],
                1.0,
                Span::new(0, 0),
                OriginKind::Signal(SignalKind::Shouting),
            );
        }
    }

    fn lexicon_features(&self, doc: &Document<'_>, sink: &mut Sink) {
        let lex = lexicon::lexicons();
        let toks: Vec<&crate::text::Token> = doc
            .tokens()
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .collect();
        let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        let n = (words.len().max(1) as f32).sqrt();
        for (i, t) in toks.iter().enumerate() {
            if let Some(v) = lex.vader.get(words[i]) {
                let name: &[u8] = if *v < 0.0 { b"vader_neg" } else { b"vader_pos" };
                sink.add(
                    &[b"lex", name],
                    v.abs() / 4.0 / n,
                    t.span,
                    OriginKind::Lexicon("VADER"),
                );
            }
            if let Some(len) = lexicon::phrase_at(&lex.hedges, &words, i) {
                sink.add(
                    &[b"lex", b"hedge"],
                    1.0 / n,
                    t.span.join(toks[i + len - 1].span),
                    OriginKind::Lexicon("hedges"),
                );
            }
            if let Some(len) = lexicon::phrase_at(&lex.weasels, &words, i) {
                sink.add(
                    &[b"lex", b"weasel"],
                    1.0 / n,
                    t.span.join(toks[i + len - 1].span),
                    OriginKind::Lexicon("weasels"),
                );
            }
            if let Some((len, cat)) = lexicon::situation_at(lex, &words, i) {
                sink.add(
                    &[b"sit", cat.as_bytes()],
                    1.0 / n.max(1.0).sqrt(),
                    t.span.join(toks[i + len - 1].span),
                    OriginKind::Lexicon("situation"),
                );
            }
            if let Some(cats) = lex.empath.get(words[i]) {
                for c in cats {
                    sink.add(
                        &[b"emp", c.as_bytes()],
                        1.0 / n,
                        t.span,
                        OriginKind::Lexicon("Empath"),
                    );
                }
            }
        }
    }
}

/// log-scaled length in words, 0..1 (a 300-word text is ~1).
fn length_bucket(words: usize) -> f32 {
    ((words as f32 + 1.0).ln() / 300f32.ln()).min(1.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_sorted_unique_and_finite() {
        let f = Featurizer::new(FeatureConfig::default()).unwrap();
        let doc = Document::new(
            "I was charged $40 TWICE!!! Furious. Fix it by Friday, it's the third time.",
        );
        let (v, origins) = f.features_with_origins(&doc);
        assert!(v.indices.windows(2).all(|w| w[0] < w[1]));
        assert!(v.values.iter().all(|x| x.is_finite()));
        assert!(origins
            .iter()
            .any(|o| o.source == OriginKind::Signal(SignalKind::Money)));
        assert!(origins
            .iter()
            .any(|o| o.source == OriginKind::Lexicon("VADER")));
        assert!(v.indices.iter().all(|&i| i < f.config().dimension()));
    }

    #[test]
    fn same_text_same_features() {
        let f = Featurizer::new(FeatureConfig::default()).unwrap();
        let a = f.features(&Document::new("Where is my parcel?"));
        let b = f.features(&Document::new("Where is my parcel?"));
        assert_eq!(a, b);
        assert!(a.nnz() > 4);
    }

    #[test]
    fn bad_configs_are_typed_errors() {
        let c = FeatureConfig {
            extractor_version: 99,
            ..FeatureConfig::default()
        };
        assert!(matches!(
            Featurizer::new(c),
            Err(Error::FeatureConfigMismatch(_))
        ));
        let c = FeatureConfig {
            hash_bits: 40,
            ..FeatureConfig::default()
        };
        assert!(matches!(
            Featurizer::new(c),
            Err(Error::FeatureConfigMismatch(_))
        ));
        let c = FeatureConfig {
            word_ngrams: 0,
            ..FeatureConfig::default()
        };
        assert!(matches!(
            Featurizer::new(c),
            Err(Error::FeatureConfigMismatch(_))
        ));
    }

    #[test]
    fn fnv_is_stable() {
        // Model files depend on this value never changing.
        assert_eq!(fnv1a(&[b"u", b"refund"]), 0xddf9f2df8cfeaec8);
        assert_ne!(fnv1a(&[b"u", b"ab"]), fnv1a(&[b"u", b"a", b"b"]));
    }
}
