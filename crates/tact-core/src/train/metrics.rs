//! Classification metrics: accuracy, per-class precision/recall/F1, macro-F1, confusion
//! matrix, expected calibration error; for ordinal tasks, within-one accuracy and Spearman's
//! rank correlation.

use linfa::prelude::ToConfusionMatrix;
use ndarray::Array1;
use serde::{Deserialize, Serialize};

/// Metrics of one class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassMetrics {
    /// Label.
    pub label: String,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// True examples of this class.
    pub support: usize,
}

/// Metrics of a set of predictions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Examples.
    pub n: usize,
    /// Fraction predicted exactly.
    pub accuracy: f64,
    /// Mean F1 over classes.
    pub macro_f1: f64,
    /// Per class.
    pub classes: Vec<ClassMetrics>,
    /// `confusion[true][predicted]` counts, in label order.
    pub confusion: Vec<Vec<usize>>,
    /// Expected calibration error (10 equal-width confidence bins).
    pub ece: f64,
    /// Ordinal tasks: fraction predicted within one level.
    pub within_one: Option<f64>,
    /// Ordinal tasks: Spearman correlation of the true level with the expected level.
    pub spearman: Option<f64>,
    /// Accuracy as computed by linfa's `ConfusionMatrix` (a cross-check of `accuracy`).
    pub linfa_accuracy: f64,
}

fn argmax(p: &[f32]) -> usize {
    p.iter()
        .enumerate()
        .fold(
            (0, f32::NEG_INFINITY),
            |b, (i, &v)| if v > b.1 { (i, v) } else { b },
        )
        .0
}

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rank correlation (Pearson on average ranks); 0 when either side is constant.
pub(crate) fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

impl Metrics {
    /// Metrics of probability predictions `probs` against true class indices `truth`.
    pub fn compute(labels: &[&str], truth: &[usize], probs: &[Vec<f32>], ordinal: bool) -> Metrics {
        let k = labels.len();
        let n = truth.len().min(probs.len());
        // Ordered classes use the engine's decision rule, so the metrics are those of what
        // users see (model/ordinal.rs); the others use argmax.
        let pred: Vec<usize> = probs
            .iter()
            .take(n)
            .map(|p| {
                if ordinal {
                    crate::model::ordinal_decision(p)
                } else {
                    argmax(p)
                }
            })
            .collect();
        let mut confusion = vec![vec![0usize; k]; k];
        for (t, p) in truth.iter().zip(&pred) {
            if *t < k && *p < k {
                confusion[*t][*p] += 1;
            }
        }
        let correct: usize = (0..k).map(|c| confusion[c][c]).sum();
        let classes: Vec<ClassMetrics> = (0..k)
            .map(|c| {
                let tp = confusion[c][c] as f64;
                let predicted: usize = (0..k).map(|t| confusion[t][c]).sum();
                let support: usize = confusion[c].iter().sum();
                let precision = if predicted > 0 {
                    tp / predicted as f64
                } else {
                    0.0
                };
                let recall = if support > 0 {
                    tp / support as f64
                } else {
                    0.0
                };
                let f1 = if precision + recall > 0.0 {
                    2.0 * precision * recall / (precision + recall)
                } else {
                    0.0
                };
                ClassMetrics {
                    label: labels[c].to_string(),
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect();
        let present: Vec<&ClassMetrics> = classes.iter().filter(|c| c.support > 0).collect();
        let macro_f1 = if present.is_empty() {
            0.0
        } else {
            present.iter().map(|c| c.f1).sum::<f64>() / present.len() as f64
        };

        // Expected calibration error over the top-class confidence.
        let mut bins = [(0usize, 0f64, 0f64); 10];
        for i in 0..n {
            let conf = f64::from(probs[i][pred[i]]);
            let b = ((conf * 10.0) as usize).min(9);
            bins[b].0 += 1;
            bins[b].1 += conf;
            bins[b].2 += f64::from(u8::from(pred[i] == truth[i]));
        }
        let ece = if n == 0 {
            0.0
        } else {
            bins.iter()
                .filter(|b| b.0 > 0)
                .map(|b| (b.1 - b.2).abs())
                .sum::<f64>()
                / n as f64
        };

        let (within_one, spearman_rho) = if ordinal && n > 0 {
            let w = truth
                .iter()
                .zip(&pred)
                .filter(|(t, p)| t.abs_diff(**p) <= 1)
                .count() as f64
                / n as f64;
            let expected: Vec<f64> = probs
                .iter()
                .take(n)
                .map(|p| {
                    p.iter()
                        .enumerate()
                        .map(|(i, q)| i as f64 * f64::from(*q))
                        .sum()
                })
                .collect();
            let t: Vec<f64> = truth.iter().take(n).map(|&t| t as f64).collect();
            (Some(w), Some(spearman(&t, &expected)))
        } else {
            (None, None)
        };

        let linfa_accuracy = Array1::from(pred.clone())
            .confusion_matrix(&Array1::from(truth[..n].to_vec()))
            .map(|cm| f64::from(cm.accuracy()))
            .unwrap_or(f64::NAN);

        Metrics {
            n,
            accuracy: if n == 0 {
                0.0
            } else {
                correct as f64 / n as f64
            },
            macro_f1,
            classes,
            confusion,
            ece,
            within_one,
            spearman: spearman_rho,
            linfa_accuracy,
        }
    }

    /// A report a person can read.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "examples: {}", self.n);
        let _ = writeln!(
            s,
            "accuracy: {:.3}   macro-F1: {:.3}   ECE: {:.3}",
            self.accuracy, self.macro_f1, self.ece
        );
        if let (Some(w), Some(r)) = (self.within_one, self.spearman) {
            let _ = writeln!(s, "within one level: {w:.3}   Spearman rho: {r:.3}");
        }
        let _ = writeln!(
            s,
            "{:<20} {:>9} {:>7} {:>7} {:>8}",
            "class", "precision", "recall", "F1", "support"
        );
        for c in &self.classes {
            let _ = writeln!(
                s,
                "{:<20} {:>9.3} {:>7.3} {:>7.3} {:>8}",
                c.label, c.precision, c.recall, c.f1, c.support
            );
        }
        let _ = writeln!(s, "confusion (rows: true, columns: predicted)");
        let width = self
            .classes
            .iter()
            .map(|c| c.label.len())
            .max()
            .unwrap_or(4)
            .max(4);
        let _ = write!(s, "{:<width$}", "");
        for c in &self.classes {
            let _ = write!(s, " {:>6}", &c.label[..c.label.len().min(6)]);
        }
        let _ = writeln!(s);
        for (c, row) in self.classes.iter().zip(&self.confusion) {
            let _ = write!(s, "{:<width$}", c.label);
            for v in row {
                let _ = write!(s, " {v:>6}");
            }
            let _ = writeln!(s);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_imperfect_predictions() {
        let labels = ["a", "b", "c"];
        let truth = [0, 1, 2, 2];
        let probs = vec![
            vec![0.9, 0.05, 0.05],
            vec![0.1, 0.8, 0.1],
            vec![0.1, 0.1, 0.8],
            vec![0.1, 0.6, 0.3],
        ];
        let m = Metrics::compute(&labels, &truth, &probs, true);
        assert!((m.accuracy - 0.75).abs() < 1e-9);
        assert!((m.linfa_accuracy - 0.75).abs() < 1e-6);
        assert_eq!(m.confusion[2], vec![0, 1, 1]);
        assert!((m.classes[2].recall - 0.5).abs() < 1e-9);
        assert!((m.classes[1].precision - 0.5).abs() < 1e-9);
        assert_eq!(m.within_one, Some(1.0));
        assert!(m.spearman.is_some_and(|r| r > 0.8));
        assert!(m.ece >= 0.0 && m.ece <= 1.0);
    }

    #[test]
    fn spearman_known_values() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }
}
