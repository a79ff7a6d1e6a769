//! Stratified k-fold cross-validation.

use linfa::traits::Fit;
use serde::{Deserialize, Serialize};

use super::{dataset, FtrlValidParams, Metrics, SparseRecords, SplitMix64};
use crate::error::{Error, Result};

/// The outcome of k-fold cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvReport {
    /// Number of folds.
    pub folds: usize,
    /// Macro-F1 of each fold.
    pub fold_macro_f1: Vec<f64>,
    /// Metrics of all out-of-fold predictions together.
    pub pooled: Metrics,
}

impl CvReport {
    /// Mean and standard deviation of the per-fold macro-F1.
    pub fn macro_f1_mean_sd(&self) -> (f64, f64) {
        let n = self.fold_macro_f1.len().max(1) as f64;
        let m = self.fold_macro_f1.iter().sum::<f64>() / n;
        let v = self
            .fold_macro_f1
            .iter()
            .map(|x| (x - m).powi(2))
            .sum::<f64>()
            / n;
        (m, v.sqrt())
    }
}

/// Stratified folds: each class's examples are shuffled (seeded) and dealt round-robin.
pub fn stratified_folds(labels: &[usize], k: usize, seed: u64) -> Vec<Vec<usize>> {
    let classes = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut folds = vec![Vec::new(); k];
    let mut rng = SplitMix64::new(seed ^ 0x5EED_F01D);
    let mut next = 0;
    for c in 0..classes {
        let mut idx: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
        rng.shuffle(&mut idx);
        for i in idx {
            folds[next % k].push(i);
            next += 1;
        }
    }
    for f in &mut folds {
        f.sort_unstable();
    }
    folds
}

/// What cross-validation runs on.
#[derive(Debug, Clone, Copy)]
pub struct CvData<'a> {
    /// Features of every example.
    pub records: &'a SparseRecords,
    /// Class index of every example.
    pub labels: &'a [usize],
    /// Sample weights, if any.
    pub weights: Option<&'a [f32]>,
    /// Which examples count in the metrics (all when `None`).
    pub eval_mask: Option<&'a [bool]>,
}

/// k-fold cross-validation of `params` on `(records, labels)`; `progress(fold, folds)`.
///
/// Training folds use the sample weights; every held-out example counts once in the metrics.
/// `eval_mask`, when given, limits the metrics to the examples it marks (e.g. only tact's own
/// corpus when public data is mixed into training).
pub fn cross_validate(
    params: &FtrlValidParams,
    data: &CvData<'_>,
    label_names: &[&str],
    ordinal: bool,
    k: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CvReport> {
    let CvData {
        records,
        labels,
        weights,
        eval_mask,
    } = *data;
    if k < 2 || k > labels.len() {
        return Err(Error::Training(format!(
            "--folds {k} must be between 2 and the number of examples ({})",
            labels.len()
        )));
    }
    let folds = stratified_folds(labels, k, params.seed());
    let counted = |i: usize| eval_mask.is_none_or(|m| m.get(i).copied().unwrap_or(false));
    let mut oof: Vec<Option<Vec<f32>>> = vec![None; labels.len()];
    let mut fold_macro_f1 = Vec::with_capacity(k);
    for (f, test) in folds.iter().enumerate() {
        let train: Vec<usize> = (0..labels.len())
            .filter(|i| test.binary_search(i).is_err())
            .collect();
        let w = weights.map(|w| train.iter().map(|&i| w[i]).collect());
        let data = dataset(
            records.select(&train),
            train.iter().map(|&i| labels[i]).collect(),
            w,
        );
        let model = params.fit(&data)?;
        let scored: Vec<usize> = test.iter().copied().filter(|&i| counted(i)).collect();
        let probs: Vec<Vec<f32>> = scored
            .iter()
            .map(|&i| model.predict_proba(&records.rows[i]))
            .collect();
        let truth: Vec<usize> = scored.iter().map(|&i| labels[i]).collect();
        fold_macro_f1.push(Metrics::compute(label_names, &truth, &probs, ordinal).macro_f1);
        for (&i, p) in scored.iter().zip(probs) {
            oof[i] = Some(p);
        }
        progress(f + 1, k);
    }
    let (truth, probs): (Vec<usize>, Vec<Vec<f32>>) = oof
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| (labels[i], p)))
        .unzip();
    let pooled = Metrics::compute(label_names, &truth, &probs, ordinal);
    Ok(CvReport {
        folds: k,
        fold_macro_f1,
        pooled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_partition_and_stratify() {
        let labels: Vec<usize> = (0..30).map(|i| i % 3).collect();
        let folds = stratified_folds(&labels, 5, 1);
        let mut all: Vec<usize> = folds.concat();
        all.sort_unstable();
        assert_eq!(all, (0..30).collect::<Vec<_>>());
        for f in &folds {
            assert_eq!(f.len(), 6);
            for c in 0..3 {
                assert_eq!(f.iter().filter(|&&i| labels[i] == c).count(), 2);
            }
        }
        assert_eq!(folds, stratified_folds(&labels, 5, 1));
    }
}
