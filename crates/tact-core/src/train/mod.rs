//! Training and evaluation (native only, behind the `train` feature).
//!
//! The learner is a sparse multinomial logistic regression fitted with FTRL-Proximal
//! (McMahan et al. 2013) over hashed features, optionally scaled by inverse document frequency
//! during training (folded into the weights afterwards, so inference is unchanged). It implements linfa's traits: a [`FtrlParams`]
//! builder checked by [`linfa::ParamGuard`] into [`FtrlValidParams`], which implements
//! [`linfa::traits::Fit`] on a [`linfa::DatasetBase`] of [`SparseRecords`]; the fitted
//! [`LinearModel`] implements [`linfa::traits::PredictInplace`] (and so `Predict`), and the
//! metrics use linfa's `ConfusionMatrix`.
//!
//! Why not linfa's own logistic regression: `linfa-logistic` 0.8 fits `Array2<F>` records
//! only, so a corpus would have to be densified first. At the default 2^18 hashed features one
//! dense f32 row is 1 MiB; 2,000 complaints would need 2 GiB and 100k documents 100 GiB,
//! where the sparse representation needs a few hundred bytes per document. `tact eval
//! --baselines` still fits linfa's multinomial naive Bayes on a small dense feature set, for
//! comparison.

mod baselines;
mod cv;
mod ftrl;
mod metrics;

pub use baselines::{baselines, BaselineResult};
pub use cv::{cross_validate, CvData, CvReport};
pub use ftrl::{FtrlParams, FtrlValidParams};
pub use metrics::{ClassMetrics, Metrics};

use linfa::dataset::Records;
use linfa::traits::PredictInplace;
use linfa::DatasetBase;
use ndarray::Array1;

use crate::features::{Featurizer, SparseVector};
use crate::model::LinearModel;
use crate::text::Document;

/// Sparse feature rows: linfa records that are never densified.
#[derive(Debug, Clone, Default)]
pub struct SparseRecords {
    /// One sparse vector per example.
    pub rows: Vec<SparseVector>,
    /// Dimension of the feature space.
    pub dim: usize,
}

impl Records for SparseRecords {
    type Elem = f32;

    fn nsamples(&self) -> usize {
        self.rows.len()
    }

    fn nfeatures(&self) -> usize {
        self.dim
    }
}

impl SparseRecords {
    /// Features of every text.
    pub fn from_texts<S: AsRef<str>>(featurizer: &Featurizer, texts: &[S]) -> SparseRecords {
        SparseRecords {
            rows: texts
                .iter()
                .map(|t| featurizer.features(&Document::new(t.as_ref())))
                .collect(),
            dim: featurizer.config().dimension() as usize,
        }
    }

    /// The rows at `idx`, in that order.
    pub fn select(&self, idx: &[usize]) -> SparseRecords {
        SparseRecords {
            rows: idx.iter().map(|&i| self.rows[i].clone()).collect(),
            dim: self.dim,
        }
    }
}

/// A labelled sparse dataset in linfa's own container.
pub type SparseDataset = DatasetBase<SparseRecords, Array1<usize>>;

/// Build a [`SparseDataset`] from records and class indices, with optional sample weights.
pub fn dataset(
    records: SparseRecords,
    labels: Vec<usize>,
    weights: Option<Vec<f32>>,
) -> SparseDataset {
    let d = DatasetBase::new(records, Array1::from(labels));
    match weights {
        Some(w) => d.with_weights(Array1::from(w)),
        None => d,
    }
}

impl PredictInplace<SparseRecords, Array1<usize>> for LinearModel {
    fn predict_inplace<'a>(&'a self, x: &'a SparseRecords, y: &mut Array1<usize>) {
        for (yi, row) in y.iter_mut().zip(&x.rows) {
            let p = self.predict_proba(row);
            *yi = p
                .iter()
                .enumerate()
                .fold(
                    (0, f32::NEG_INFINITY),
                    |b, (i, &v)| if v > b.1 { (i, v) } else { b },
                )
                .0;
        }
    }

    fn default_target(&self, x: &SparseRecords) -> Array1<usize> {
        Array1::zeros(x.rows.len())
    }
}

/// A tiny deterministic generator (SplitMix64): shuffles must give the same order on every
/// platform and in every release, or the same seed would not give the same model bytes.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
