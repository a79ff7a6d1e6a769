//! Lexicons embedded from MIT-licensed sources (see `lexicons/LICENSE-*` and the model card):
//! VADER valence (Hutto & Gilbert 2014), hedges and weasel words, and a subset of Empath
//! categories (Fast et al. 2016). Parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

const VADER: &str = include_str!("lexicons/vader.tsv");
const HEDGES: &str = include_str!("lexicons/hedges.txt");
const WEASELS: &str = include_str!("lexicons/weasels.txt");
const EMPATH: &str = include_str!("lexicons/empath.tsv");
const SITUATIONS: &str = include_str!("lexicons/situations.tsv");

/// The parsed lexicons.
#[derive(Debug)]
pub(crate) struct Lexicons {
    /// word → valence (-4..4).
    pub vader: HashMap<&'static str, f32>,
    /// first word → phrases (as word lists) starting with it.
    pub hedges: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// first word → phrases starting with it.
    pub weasels: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// word → Empath category names.
    pub empath: HashMap<&'static str, Vec<&'static str>>,
    /// Urgency situations (tact's own list): first word → (phrase, category).
    pub situations: HashMap<String, Vec<(Vec<String>, &'static str)>>,
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn phrases(src: &'static str) -> HashMap<&'static str, Vec<Vec<&'static str>>> {
    let mut m: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
    for l in lines(src) {
        let words: Vec<&str> = l.split_whitespace().collect();
        if let Some(first) = words.first() {
            m.entry(first).or_default().push(words);
        }
    }
    for v in m.values_mut() {
        v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    m
}

pub(crate) fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(|| {
        let vader = lines(VADER)
            .filter_map(|l| {
                let (w, v) = l.split_once('\t')?;
                Some((w, v.parse::<f32>().ok()?))
            })
            .collect();
        let mut empath: HashMap<&str, Vec<&str>> = HashMap::new();
        for l in lines(EMPATH) {
            if let Some((cat, words)) = l.split_once('\t') {
                for w in words.split_whitespace() {
                    empath.entry(w).or_default().push(cat);
                }
            }
        }
        let mut situations: HashMap<String, Vec<(Vec<String>, &str)>> = HashMap::new();
        for l in lines(SITUATIONS) {
            if let Some((cat, phrases)) = l.split_once('\t') {
                for p in phrases.split('|') {
                    // Phrases are matched against normalised words: apostrophes are folded
                    // and contractions stay one word, as the tokenizer keeps them.
                    let words: Vec<String> = p
                        .split_whitespace()
                        .map(crate::text::normalize_word)
                        .collect();
                    if let Some(first) = words.first().cloned() {
                        situations.entry(first).or_default().push((words, cat));
                    }
                }
            }
        }
        for v in situations.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
        Lexicons {
            situations,
            vader,
            hedges: phrases(HEDGES),
            weasels: phrases(WEASELS),
            empath,
        }
    })
}

/// Length in words of the longest phrase from `table` that starts at `words[i]`, if any.
pub(crate) fn phrase_at(
    table: &HashMap<&'static str, Vec<Vec<&'static str>>>,
    words: &[&str],
    i: usize,
) -> Option<usize> {
    let cands = table.get(words.get(i)?)?;
    cands
        .iter()
        .find(|p| words.len() >= i + p.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b))
        .map(Vec::len)
}

/// The longest situation phrase starting at `words[i]`: its length and category.
pub(crate) fn situation_at(
    lex: &Lexicons,
    words: &[&str],
    i: usize,
) -> Option<(usize, &'static str)> {
    let cands = lex.situations.get(*words.get(i)?)?;
    cands
        .iter()
        .find(|(p, _)| words.len() >= i + p.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b))
        .map(|(p, c)| (p.len(), *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        let l = lexicons();
        assert!(l.vader.len() > 7000);
        assert!(l.vader["furious"] < -2.0);
        assert!(l.vader["great"] > 2.0);
        assert!(l.empath["angry"].contains(&"aggression"));
        let words = ["it", "is", "a", "bit", "late"];
        assert_eq!(phrase_at(&l.hedges, &words, 2), Some(2));
        assert_eq!(phrase_at(&l.hedges, &words, 4), None);
        let words = [
            "someone", "hacked", "my", "account", "and", "i", "can't", "log", "in",
        ];
        assert_eq!(situation_at(l, &words, 1), Some((1, "security")));
        assert_eq!(situation_at(l, &words, 6), Some((3, "outage")));
        assert_eq!(situation_at(l, &words, 2), None);
    }
}
