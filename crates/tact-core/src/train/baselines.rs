//! Baselines fitted on the same training data as a tact model, for an honest comparison:
//! the majority class, and linfa's own Bernoulli naive Bayes and multinomial logistic
//! regression on a small dense feature set (counts of the most frequent word stems).
//!
//! linfa's learners take dense `Array2` records, which is why the vocabulary here is capped
//! (default 2,000 stems: 2,000 f64 columns = 16 KB per document). tact's own learner works on
//! the full 2^18-bucket hashed space, sparse.

use std::collections::HashMap;

use linfa::traits::{Fit, Predict};
use linfa::DatasetBase;
use ndarray::{Array1, Array2};

use super::Metrics;
use crate::text::{Document, TokenKind};

/// A baseline's result on the evaluation data.
#[derive(Debug, Clone)]
pub struct BaselineResult {
    /// Name.
    pub name: String,
    /// Metrics on the evaluation data (`None` if it failed to fit, with the reason in `note`).
    pub metrics: Option<Metrics>,
    /// What went wrong, or how it was set up.
    pub note: String,
}

fn stems(text: &str) -> Vec<String> {
    Document::new(text)
        .tokens()
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.stem.clone())
        .collect()
}

/// The `size` stems found in the most training documents (ties broken alphabetically).
fn vocabulary(texts: &[String], size: usize) -> HashMap<String, usize> {
    let mut df: HashMap<String, usize> = HashMap::new();
    for t in texts {
        let mut s = stems(t);
        s.sort_unstable();
        s.dedup();
        for w in s {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut words: Vec<(String, usize)> = df.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words
        .into_iter()
        .take(size)
        .enumerate()
        .map(|(i, (w, _))| (w, i))
        .collect()
}

fn counts(texts: &[String], vocab: &HashMap<String, usize>) -> Array2<f64> {
    let mut x = Array2::zeros((texts.len(), vocab.len()));
    for (i, t) in texts.iter().enumerate() {
        for w in stems(t) {
            if let Some(&j) = vocab.get(&w) {
                x[(i, j)] += 1.0;
            }
        }
    }
    x
}

fn one_hot(pred: &[usize], k: usize) -> Vec<Vec<f32>> {
    pred.iter()
        .map(|&p| (0..k).map(|c| if c == p { 1.0 } else { 0.0 }).collect())
        .collect()
}

/// Fit the baselines on `(train_texts, train_labels)` and score them on the evaluation data.
pub fn baselines(
    labels: &[&str],
    ordinal: bool,
    train_texts: &[String],
    train_labels: &[usize],
    eval_texts: &[String],
    eval_labels: &[usize],
    vocab_size: usize,
) -> Vec<BaselineResult> {
    let k = labels.len();
    let mut out = Vec::new();
    let mut freq = vec![0usize; k];
    for &l in train_labels {
        if l < k {
            freq[l] += 1;
        }
    }
    let majority = (0..k)
        .max_by_key(|&c| (freq[c], std::cmp::Reverse(c)))
        .unwrap_or(0);
    out.push(BaselineResult {
        name: "majority class".into(),
        metrics: Some(Metrics::compute(
            labels,
            eval_labels,
            &one_hot(&vec![majority; eval_labels.len()], k),
            ordinal,
        )),
        note: format!("always \"{}\"", labels[majority]),
    });

    let vocab = vocabulary(train_texts, vocab_size);
    let xtr = counts(train_texts, &vocab);
    let xev = counts(eval_texts, &vocab);
    let train = DatasetBase::new(xtr.clone(), Array1::from(train_labels.to_vec()));
    let note = format!(
        "word-stem counts, {} most frequent stems (dense)",
        vocab.len()
    );

    // Bernoulli rather than multinomial naive Bayes: linfa-bayes 0.8.1's MultinomialNb fit
    // prints every class histogram to stderr (a stray `dbg!` at multinomial_nb.rs:78).
    let nb = linfa_bayes::BernoulliNb::<f64, usize>::params()
        .binarize(Some(0.5))
        .fit(&train);
    out.push(match nb {
        Ok(m) => {
            let pred: Array1<usize> = m.predict(&xev);
            BaselineResult {
                name: "naive Bayes (linfa-bayes, Bernoulli)".into(),
                metrics: Some(Metrics::compute(
                    labels,
                    eval_labels,
                    &one_hot(pred.as_slice().unwrap_or(&[]), k),
                    ordinal,
                )),
                note: note.clone(),
            }
        }
        Err(e) => BaselineResult {
            name: "naive Bayes (linfa-bayes)".into(),
            metrics: None,
            note: e.to_string(),
        },
    });

    let lr = linfa_logistic::MultiLogisticRegression::<f64>::default()
        .alpha(1.0)
        .max_iterations(100)
        .fit(&train);
    out.push(match lr {
        Ok(m) => {
            let pred: Array1<usize> = m.predict(&xev);
            BaselineResult {
                name: "logistic regression (linfa-logistic, multinomial)".into(),
                metrics: Some(Metrics::compute(
                    labels,
                    eval_labels,
                    &one_hot(pred.as_slice().unwrap_or(&[]), k),
                    ordinal,
                )),
                note: format!("{note}, L2 alpha 1, 100 L-BFGS iterations"),
            }
        }
        Err(e) => BaselineResult {
            name: "logistic regression (linfa-logistic)".into(),
            metrics: None,
            note: e.to_string(),
        },
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baselines_learn_an_easy_split() {
        let texts: Vec<String> = (0..40)
            .map(|i| {
                if i % 2 == 0 {
                    format!("refund refund money {i}")
                } else {
                    format!("thanks lovely great {i}")
                }
            })
            .collect();
        let labels: Vec<usize> = (0..40).map(|i| i % 2).collect();
        let r = baselines(&["a", "b"], false, &texts, &labels, &texts, &labels, 50);
        assert_eq!(r.len(), 3);
        assert!((r[0].metrics.as_ref().unwrap().accuracy - 0.5).abs() < 1e-9);
        assert!(r[1].metrics.as_ref().unwrap().accuracy > 0.95, "{:?}", r[1]);
        assert!(r[2].metrics.as_ref().unwrap().accuracy > 0.95, "{:?}", r[2]);
    }
}
