//! FTRL-Proximal for sparse multinomial logistic regression, behind linfa's traits.

use linfa::dataset::Records;
use linfa::traits::Fit;
use linfa::{DatasetBase, ParamGuard};
use ndarray::Array1;

use super::{SparseRecords, SplitMix64};
use crate::error::{Error, Result};
use crate::model::LinearModel;

/// Hyper-parameters (unchecked). Build with [`FtrlParams::new`] and the setters; linfa's
/// [`ParamGuard`] checks them.
#[derive(Debug, Clone, PartialEq)]
pub struct FtrlParams(FtrlValidParams);

/// Checked hyper-parameters; implements [`Fit`].
#[derive(Debug, Clone, PartialEq)]
pub struct FtrlValidParams {
    n_classes: usize,
    alpha: f32,
    beta: f32,
    l1: f32,
    l2: f32,
    epochs: usize,
    seed: u64,
    balanced: bool,
    idf: bool,
}

impl FtrlParams {
    /// Defaults for `n_classes` classes: alpha 0.3, beta 1, l1 1, l2 0.1, 20 epochs,
    /// seed 42, class-balanced loss.
    pub fn new(n_classes: usize) -> Self {
        FtrlParams(FtrlValidParams {
            n_classes,
            alpha: 0.3,
            beta: 1.0,
            l1: 1.0,
            l2: 0.1,
            epochs: 20,
            seed: 42,
            balanced: true,
            idf: true,
        })
    }
    /// Learning rate.
    pub fn alpha(mut self, v: f32) -> Self {
        self.0.alpha = v;
        self
    }
    /// Learning-rate smoothing.
    pub fn beta(mut self, v: f32) -> Self {
        self.0.beta = v;
        self
    }
    /// L1 strength (zeroes weak weights; keeps the model file small).
    pub fn l1(mut self, v: f32) -> Self {
        self.0.l1 = v;
        self
    }
    /// L2 strength.
    pub fn l2(mut self, v: f32) -> Self {
        self.0.l2 = v;
        self
    }
    /// Passes over the data.
    pub fn epochs(mut self, v: usize) -> Self {
        self.0.epochs = v;
        self
    }
    /// Shuffle seed.
    pub fn seed(mut self, v: u64) -> Self {
        self.0.seed = v;
        self
    }
    /// Weight classes by inverse frequency.
    pub fn balanced(mut self, v: bool) -> Self {
        self.0.balanced = v;
        self
    }
    /// Scale each feature by its inverse document frequency while training (rare features
    /// count more, ubiquitous ones less), folded into the weights afterwards so that the
    /// model file and inference are unchanged: `w · (idf ⊙ x) = (w ⊙ idf) · x`.
    pub fn idf(mut self, v: bool) -> Self {
        self.0.idf = v;
        self
    }
}

impl FtrlValidParams {
    /// The hyper-parameters as name → value, for model metadata.
    pub fn describe(&self) -> Vec<(String, String)> {
        vec![
            (
                "learner".into(),
                "ftrl-proximal multinomial logistic regression".into(),
            ),
            ("alpha".into(), self.alpha.to_string()),
            ("beta".into(), self.beta.to_string()),
            ("l1".into(), self.l1.to_string()),
            ("l2".into(), self.l2.to_string()),
            ("epochs".into(), self.epochs.to_string()),
            ("balanced".into(), self.balanced.to_string()),
            ("idf".into(), self.idf.to_string()),
        ]
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }
}

impl ParamGuard for FtrlParams {
    type Checked = FtrlValidParams;
    type Error = Error;

    fn check_ref(&self) -> Result<&FtrlValidParams> {
        let p = &self.0;
        let bad = |what: &str| Err(Error::Training(format!("invalid hyper-parameter: {what}")));
        if p.n_classes < 2 {
            return bad("at least two classes are needed");
        }
        if !(p.alpha.is_finite() && p.alpha > 0.0) {
            return bad("alpha must be positive");
        }
        if !(p.beta.is_finite() && p.beta >= 0.0) {
            return bad("beta must be non-negative");
        }
        if !(p.l1.is_finite() && p.l1 >= 0.0 && p.l2.is_finite() && p.l2 >= 0.0) {
            return bad("l1 and l2 must be non-negative");
        }
        if p.epochs == 0 || p.epochs > 1000 {
            return bad("epochs must be in 1..=1000");
        }
        Ok(p)
    }

    fn check(self) -> Result<FtrlValidParams> {
        self.check_ref()?;
        Ok(self.0)
    }
}

impl FtrlValidParams {
    /// Fit, reporting `(epoch, epochs)` after each pass.
    pub fn fit_with_progress(
        &self,
        data: &DatasetBase<SparseRecords, Array1<usize>>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<LinearModel> {
        let k = self.n_classes;
        let x = &data.records;
        let y = &data.targets;
        let n = x.nsamples();
        if n == 0 {
            return Err(Error::Training("no training examples".into()));
        }
        if y.len() != n {
            return Err(Error::Training(format!(
                "{n} examples but {} labels",
                y.len()
            )));
        }
        if let Some(bad) = y.iter().find(|&&c| c >= k) {
            return Err(Error::Training(format!(
                "label index {bad} is outside the {k} classes"
            )));
        }
        let dim = x.nfeatures();
        // Sample weights (linfa's dataset weights; 1 when absent) and class balance by weight.
        let sample_w: Vec<f32> = (0..n).map(|i| data.weight_for(i)).collect();
        if sample_w.iter().any(|w| !(w.is_finite() && *w >= 0.0)) {
            return Err(Error::Training(
                "sample weights must be finite and non-negative".into(),
            ));
        }
        let mut mass = vec![0f32; k];
        for (&c, &w) in y.iter().zip(&sample_w) {
            mass[c] += w;
        }
        let total: f32 = mass.iter().sum();
        let class_w: Vec<f32> = mass
            .iter()
            .map(|&m| {
                if self.balanced && m > 0.0 {
                    total / (k as f32 * m)
                } else {
                    1.0
                }
            })
            .collect();

        // Smoothed inverse document frequency per bucket (as scikit-learn's TfidfTransformer:
        // ln((1 + n) / (1 + df)) + 1), or 1 everywhere when switched off.
        let mut idf = vec![1f32; dim];
        if self.idf {
            let mut df = vec![0u32; dim];
            for row in &x.rows {
                for &j in &row.indices {
                    if let Some(d) = df.get_mut(j as usize) {
                        *d += 1;
                    }
                }
            }
            for (w, &d) in idf.iter_mut().zip(&df) {
                *w = ((1.0 + n as f32) / (1.0 + d as f32)).ln() + 1.0;
            }
        }

        // z and n accumulators per (bucket, class), interleaved per bucket as
        // [z_0 .. z_{k-1}, n_0 .. n_{k-1}] so that one feature's update touches one block.
        // Only touched buckets matter.
        let mut zn = vec![0f32; dim * 2 * k];
        let mut bz = vec![0f32; k];
        let mut bn = vec![0f32; k];
        let (alpha, beta, l1, l2) = (self.alpha, self.beta, self.l1, self.l2);
        let weight = |z: f32, n: f32, l1: f32| -> f32 {
            if z.abs() <= l1 {
                0.0
            } else {
                -(z - z.signum() * l1) / ((beta + n.sqrt()) / alpha + l2)
            }
        };
        let mut order: Vec<usize> = (0..n).collect();
        let mut rng = SplitMix64::new(self.seed);
        let mut logits = vec![0f32; k];
        // Per example, for each of its features: the scaled value, and per class the weight
        // and sqrt(n) computed in the forward pass. The update reuses them: a row's indices are
        // unique, so nothing changes a feature's (z, n) between its forward pass and its
        // update, and the arithmetic (hence every bit of the model) is the same as computing
        // them again.
        let mut vals: Vec<f32> = Vec::new();
        let mut wcache: Vec<f32> = Vec::new();
        let mut scache: Vec<f32> = Vec::new();
        for epoch in 0..self.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let row = &x.rows[i];
                let yi = y[i];
                let nnz = row.indices.len().min(row.values.len());
                vals.clear();
                wcache.resize(nnz * k, 0.0);
                scache.resize(nnz * k, 0.0);
                for c in 0..k {
                    logits[c] = weight(bz[c], bn[c], 0.0);
                }
                // Touch every feature's block first: the blocks lie scattered over far more
                // memory than the cache holds, and independent loads issued together overlap
                // their misses where the arithmetic below would wait for them one by one.
                let mut touched = 0f32;
                for &j in &row.indices {
                    let base = j as usize * 2 * k;
                    if let Some(block) = zn.get(base..base + 2 * k) {
                        touched += block.iter().step_by(16).sum::<f32>();
                    }
                }
                std::hint::black_box(touched);
                for (f, (j, v)) in row.iter().enumerate() {
                    let base = j as usize * 2 * k;
                    let Some(block) = zn.get(base..base + 2 * k) else {
                        return Err(Error::Training(format!(
                            "feature {j} is outside the {dim}-dimensional space"
                        )));
                    };
                    let (zr, nr) = block.split_at(k);
                    let v = v * idf[j as usize];
                    vals.push(v);
                    let wr = &mut wcache[f * k..(f + 1) * k];
                    let sr = &mut scache[f * k..(f + 1) * k];
                    // `weight` written without a branch (the same arithmetic, then a select),
                    // so that the compiler can run the classes in SIMD lanes.
                    for ((((lg, &z), &n), s_out), w_out) in logits
                        .iter_mut()
                        .zip(zr)
                        .zip(nr)
                        .zip(sr.iter_mut())
                        .zip(wr.iter_mut())
                    {
                        let s = n.sqrt();
                        let shrunk = -(z - z.signum() * l1) / ((beta + s) / alpha + l2);
                        let w = if z.abs() <= l1 { 0.0 } else { shrunk };
                        *s_out = s;
                        *w_out = w;
                        *lg += w * v;
                    }
                }
                let p = crate::model::softmax_pub(&logits);
                let scale = class_w[yi] * sample_w[i];
                for c in 0..k {
                    let g = (p[c] - if c == yi { 1.0 } else { 0.0 }) * scale;
                    let wb = weight(bz[c], bn[c], 0.0);
                    let sigma = ((bn[c] + g * g).sqrt() - bn[c].sqrt()) / alpha;
                    bz[c] += g - sigma * wb;
                    bn[c] += g * g;
                    logits[c] = g;
                }
                for (f, (j, &v)) in row.indices.iter().zip(&vals).enumerate() {
                    let base = *j as usize * 2 * k;
                    let (zr, nr) = zn[base..base + 2 * k].split_at_mut(k);
                    let wr = &wcache[f * k..(f + 1) * k];
                    let sr = &scache[f * k..(f + 1) * k];
                    for ((((z, n), &gl), &s), &w) in zr
                        .iter_mut()
                        .zip(nr.iter_mut())
                        .zip(&logits)
                        .zip(sr)
                        .zip(wr)
                    {
                        let g = gl * v;
                        let sigma = ((*n + g * g).sqrt() - s) / alpha;
                        *z += g - sigma * w;
                        *n += g * g;
                    }
                }
            }
            progress(epoch + 1, self.epochs);
        }
        let mut rows = Vec::new();
        let mut weights = Vec::new();
        for (j, &idf_j) in idf.iter().enumerate() {
            let base = j * 2 * k;
            // Fold the IDF scaling into the weights: inference sees plain features.
            let w: Vec<f32> = (0..k)
                .map(|c| weight(zn[base + c], zn[base + k + c], l1) * idf_j)
                .collect();
            if w.iter().any(|x| *x != 0.0) {
                rows.push(j as u32);
                weights.extend(w);
            }
        }
        let bias = (0..k).map(|c| weight(bz[c], bn[c], 0.0)).collect();
        LinearModel::from_parts(rows, weights, bias)
            .ok_or_else(|| Error::Training("training diverged (non-finite weights)".into()))
    }
}

impl Fit<SparseRecords, Array1<usize>, Error> for FtrlValidParams {
    type Object = LinearModel;

    fn fit(&self, data: &DatasetBase<SparseRecords, Array1<usize>>) -> Result<LinearModel> {
        self.fit_with_progress(data, &mut |_, _| {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::SparseVector;
    use linfa::traits::Predict;

    fn toy() -> DatasetBase<SparseRecords, Array1<usize>> {
        // Class = which of buckets 1, 2, 3 is present (plus shared noise in bucket 9).
        let mut rows = Vec::new();
        let mut y = Vec::new();
        for i in 0..60 {
            let c = i % 3;
            rows.push(SparseVector {
                indices: vec![c as u32 + 1, 9],
                values: vec![1.0, 0.5],
            });
            y.push(c);
        }
        DatasetBase::new(SparseRecords { rows, dim: 16 }, Array1::from(y))
    }

    #[test]
    fn learns_a_separable_problem() {
        let data = toy();
        let model = FtrlParams::new(3).fit(&data).unwrap();
        let pred: Array1<usize> = model.predict(&data);
        assert_eq!(pred, data.targets);
    }

    #[test]
    fn same_seed_same_weights() {
        let data = toy();
        let a = FtrlParams::new(3).seed(3).fit(&data).unwrap();
        let b = FtrlParams::new(3).seed(3).fit(&data).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn zero_weight_examples_are_ignored() {
        // Half the examples carry the wrong label with weight 0: the fit must not notice them.
        let mut data = toy();
        let n = data.targets.len();
        let mut weights = vec![1.0f32; n];
        for i in 0..n / 2 {
            data.records.rows.push(data.records.rows[i].clone());
            data.targets = ndarray::concatenate![
                ndarray::Axis(0),
                data.targets.view(),
                ndarray::array![(data.targets[i] + 1) % 3]
            ];
            weights.push(0.0);
        }
        let data = data.with_weights(Array1::from(weights));
        let model = FtrlParams::new(3).fit(&data).unwrap();
        let clean = toy();
        let pred: Array1<usize> = model.predict(&clean);
        assert_eq!(pred, clean.targets);
    }

    #[test]
    fn bad_params_and_data_are_errors() {
        assert!(FtrlParams::new(1).check().is_err());
        assert!(FtrlParams::new(3).alpha(-1.0).check().is_err());
        assert!(FtrlParams::new(3).epochs(0).check().is_err());
        let empty = DatasetBase::new(
            SparseRecords {
                rows: vec![],
                dim: 16,
            },
            Array1::from(Vec::<usize>::new()),
        );
        assert!(FtrlParams::new(3).fit(&empty).is_err());
        let mut bad = toy();
        bad.targets[0] = 7;
        assert!(FtrlParams::new(3).fit(&bad).is_err());
    }
}
