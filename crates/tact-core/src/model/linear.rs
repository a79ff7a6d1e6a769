//! Sparse multiclass linear model: softmax over `W·x + b`, where `W` holds only the rows
//! (hash buckets) that training touched. Inference walks the document's non-zero features and
//! looks each up by binary search: it never builds a dense matrix.

use crate::features::SparseVector;

/// A multiclass linear model over sparse hashed features.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    n_classes: usize,
    /// Sorted bucket ids that have weights.
    rows: Vec<u32>,
    /// `rows.len() * n_classes` weights, row-major.
    weights: Vec<f32>,
    /// One bias per class.
    bias: Vec<f32>,
}

impl LinearModel {
    /// Build from parts. `rows` must be strictly increasing, `weights.len() == rows.len() *
    /// bias.len()`; returns `None` otherwise.
    pub fn from_parts(rows: Vec<u32>, weights: Vec<f32>, bias: Vec<f32>) -> Option<Self> {
        let k = bias.len();
        if k < 2
            || weights.len() != rows.len().checked_mul(k)?
            || !rows.windows(2).all(|w| w[0] < w[1])
            || !weights.iter().chain(&bias).all(|x| x.is_finite())
        {
            return None;
        }
        Some(LinearModel {
            n_classes: k,
            rows,
            weights,
            bias,
        })
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Bucket ids with weights.
    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    /// Row-major weights.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// Biases.
    pub fn bias(&self) -> &[f32] {
        &self.bias
    }

    /// The weights of one bucket, if it has any.
    pub fn row(&self, index: u32) -> Option<&[f32]> {
        let r = self.rows.binary_search(&index).ok()?;
        self.weights
            .get(r * self.n_classes..(r + 1) * self.n_classes)
    }

    /// Raw class scores (logits).
    pub fn logits(&self, x: &SparseVector) -> Vec<f32> {
        let mut z = self.bias.clone();
        for (i, v) in x.iter() {
            if let Some(w) = self.row(i) {
                for (zk, wk) in z.iter_mut().zip(w) {
                    *zk += wk * v;
                }
            }
        }
        z
    }

    /// Class probabilities (softmax of the logits); always finite and summing to 1.
    pub fn predict_proba(&self, x: &SparseVector) -> Vec<f32> {
        softmax(&self.logits(x))
    }
}

/// Numerically stable softmax.
pub(crate) fn softmax(z: &[f32]) -> Vec<f32> {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = z.iter().map(|x| (x - m).exp()).collect();
    let s: f32 = e.iter().sum();
    if !(s.is_finite() && s > 0.0) {
        return vec![1.0 / z.len() as f32; z.len()];
    }
    e.into_iter().map(|x| x / s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicts_with_sparse_rows() {
        let m = LinearModel::from_parts(vec![3, 10], vec![1.0, -1.0, 0.0, 2.0], vec![0.0, 0.0])
            .unwrap();
        let x = SparseVector {
            indices: vec![3, 5, 10],
            values: vec![1.0, 7.0, 1.0],
        };
        assert_eq!(m.logits(&x), vec![1.0, 1.0]);
        let p = m.predict_proba(&SparseVector {
            indices: vec![10],
            values: vec![1.0],
        });
        assert!(p[1] > 0.85 && (p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn rejects_bad_parts() {
        assert!(LinearModel::from_parts(vec![2, 1], vec![0.0; 4], vec![0.0; 2]).is_none());
        assert!(LinearModel::from_parts(vec![1], vec![0.0; 3], vec![0.0; 2]).is_none());
        assert!(LinearModel::from_parts(vec![1], vec![f32::NAN, 0.0], vec![0.0; 2]).is_none());
        assert!(LinearModel::from_parts(vec![], vec![], vec![0.0]).is_none());
    }

    #[test]
    fn softmax_survives_extremes() {
        let p = softmax(&[1e30, -1e30, 0.0]);
        assert!(p.iter().all(|x| x.is_finite()));
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
    }
}
