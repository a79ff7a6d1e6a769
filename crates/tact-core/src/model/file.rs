//! The model file: a fixed header, then a postcard payload.
//!
//! ```text
//! bytes 0..8    magic "TACTMODL"
//! bytes 8..12   format_version, u32 little-endian
//! bytes 12..20  payload length, u64 little-endian
//! bytes 20..28  FNV-1a 64 checksum of the payload, little-endian
//! bytes 28..    payload (postcard): task, feature configuration, labels, weights, metadata
//! ```
//!
//! The version sits outside the payload so that a file of another version is reported as
//! such rather than as garbage. Weights are stored as 16-bit fixed point with one scale per
//! model and bucket ids are delta-encoded; both keep the embedded models small.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{LinearModel, Task};
use crate::error::{Error, Result};
use crate::features::{fnv1a, FeatureConfig};

/// The first eight bytes of every tact model file.
pub const MAGIC: &[u8; 8] = b"TACTMODL";
/// The model-file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 28;

/// One dataset a model was trained on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSource {
    /// Name (a file name or dataset name).
    pub name: String,
    /// Rows used.
    pub rows: u64,
    /// Licence of the data.
    pub licence: String,
}

/// What is known about how a model was made.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TrainingMeta {
    /// Version of tact that trained it.
    pub tact_version: String,
    /// Date of training (from `--date` or `SOURCE_DATE_EPOCH`), if given; never the clock,
    /// so that the same data and seed give the same bytes.
    pub trained_on: Option<String>,
    /// Random seed.
    pub seed: u64,
    /// Training examples.
    pub examples: u64,
    /// Data sources.
    pub data_sources: Vec<DataSource>,
    /// Metrics measured at training time (cross-validation), by name.
    pub metrics: BTreeMap<String, f64>,
    /// Hyper-parameters, by name.
    pub params: BTreeMap<String, String>,
}

/// A trained model: its task, the features it expects, its weights and its history.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// What it predicts.
    pub task: Task,
    /// The feature configuration it was trained with.
    pub features: FeatureConfig,
    /// Label names, in class order.
    pub labels: Vec<String>,
    /// The weights.
    pub linear: LinearModel,
    /// Training metadata.
    pub meta: TrainingMeta,
}

#[derive(Serialize, Deserialize)]
struct Payload {
    task: Task,
    features: FeatureConfig,
    labels: Vec<String>,
    scale: f32,
    bias: Vec<f32>,
    row_deltas: Vec<u32>,
    weights: Vec<i16>,
    meta: TrainingMeta,
}

impl Model {
    /// Check that the model fits its task and this build.
    pub fn validate(&self) -> Result<()> {
        self.features.validate()?;
        let expected: Vec<String> = self.task.labels().iter().map(|s| s.to_string()).collect();
        if self.labels != expected || self.linear.n_classes() != expected.len() {
            return Err(Error::WrongLabels {
                task: self.task,
                found: self.labels.clone(),
                expected,
            });
        }
        if self
            .linear
            .rows()
            .last()
            .is_some_and(|&r| r >= self.features.dimension())
        {
            return Err(Error::Corrupt(
                "a weight row lies outside the hash space".into(),
            ));
        }
        Ok(())
    }

    /// Serialise to the model-file format.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let lin = &self.linear;
        let max = lin.weights().iter().fold(0f32, |m, w| m.max(w.abs()));
        // The loader takes only a normal scale; weights so small that max / 32767 underflows
        // are kept at the smallest normal one (they still fit in an i16 there).
        let scale = if max > 0.0 {
            (max / f32::from(i16::MAX)).max(f32::MIN_POSITIVE)
        } else {
            1.0
        };
        let mut prev = 0u32;
        let row_deltas = lin
            .rows()
            .iter()
            .map(|&r| {
                let d = r - prev;
                prev = r;
                d
            })
            .collect();
        let payload = Payload {
            task: self.task,
            features: self.features.clone(),
            labels: self.labels.clone(),
            scale,
            bias: lin.bias().to_vec(),
            row_deltas,
            weights: lin
                .weights()
                .iter()
                .map(|w| (w / scale).round() as i16)
                .collect(),
            meta: self.meta.clone(),
        };
        let body = postcard::to_allocvec(&payload).map_err(|e| Error::Corrupt(e.to_string()))?;
        let mut out = Vec::with_capacity(HEADER + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&body).to_le_bytes());
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Parse and validate a model file. Every failure is a typed [`Error`]; no input panics.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(Error::NotAModel);
        }
        let field = |r: std::ops::Range<usize>| -> Result<&[u8]> {
            bytes.get(r).ok_or_else(|| {
                Error::Truncated(format!(
                    "{} bytes, shorter than the {HEADER}-byte header",
                    bytes.len()
                ))
            })
        };
        let version = u32::from_le_bytes(field(8..12)?.try_into().map_err(|_| Error::NotAModel)?);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let len = u64::from_le_bytes(field(12..20)?.try_into().map_err(|_| Error::NotAModel)?);
        let expected = u64::from_le_bytes(field(20..28)?.try_into().map_err(|_| Error::NotAModel)?);
        let body = &bytes[HEADER..];
        if body.len() as u64 != len {
            return Err(Error::Truncated(format!(
                "the header announces {len} payload bytes, the file has {}",
                body.len()
            )));
        }
        let found = checksum(body);
        if found != expected {
            return Err(Error::ChecksumMismatch { found, expected });
        }
        let p: Payload = postcard::from_bytes(body).map_err(|e| Error::Corrupt(e.to_string()))?;
        let mut rows = Vec::with_capacity(p.row_deltas.len());
        let mut acc = 0u32;
        for (i, d) in p.row_deltas.iter().enumerate() {
            if i > 0 && *d == 0 {
                return Err(Error::Corrupt(
                    "weight rows are not strictly increasing".into(),
                ));
            }
            acc = acc
                .checked_add(*d)
                .ok_or_else(|| Error::Corrupt("weight row overflows".into()))?;
            rows.push(acc);
        }
        // A positive normal scale whose largest weight stays finite: a subnormal one would
        // not survive writing the model back (found by the model fuzz target).
        if !p.scale.is_normal() || p.scale < 0.0 || !(p.scale * 32768.0).is_finite() {
            return Err(Error::Corrupt(format!("invalid weight scale {}", p.scale)));
        }
        if p.bias.iter().any(|b| !b.is_finite()) {
            return Err(Error::Corrupt("a bias is not a finite number".into()));
        }
        let weights = p.weights.iter().map(|&w| f32::from(w) * p.scale).collect();
        let linear = LinearModel::from_parts(rows, weights, p.bias)
            .ok_or_else(|| Error::Corrupt("weights do not match the labels".into()))?;
        let model = Model {
            task: p.task,
            features: p.features,
            labels: p.labels,
            linear,
            meta: p.meta,
        };
        model.validate()?;
        Ok(model)
    }

    /// Parse a model file that must be for `task`.
    pub fn from_bytes_for(bytes: &[u8], task: Task) -> Result<Model> {
        let m = Model::from_bytes(bytes)?;
        if m.task != task {
            return Err(Error::WrongTask {
                expected: task,
                found: m.task,
            });
        }
        Ok(m)
    }
}

/// The checksum a model file keeps of its payload (bytes 28.. of the file): FNV-1a 64. Public
/// so that tools can write a well-formed file around bytes of their own (tests, fuzzing)
/// without copying the algorithm.
pub fn checksum(payload: &[u8]) -> u64 {
    fnv1a(&[payload])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let linear = LinearModel::from_parts(
            vec![1, 7, 300],
            vec![0.5, -0.25, 1.0, 0.0, -2.0, 0.125],
            vec![0.1, -0.1],
        )
        .unwrap();
        let mut meta = TrainingMeta {
            seed: 7,
            examples: 3,
            ..Default::default()
        };
        meta.metrics.insert("cv_macro_f1".into(), 0.5);
        Model {
            task: Task::Tone,
            features: FeatureConfig::default(),
            labels: vec!["ok".into(), "passive_aggressive".into()],
            linear,
            meta,
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let m = model();
        let bytes = m.to_bytes().unwrap();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.task, m.task);
        assert_eq!(back.labels, m.labels);
        assert_eq!(back.meta, m.meta);
        assert_eq!(back.linear.rows(), m.linear.rows());
        for (a, b) in back.linear.weights().iter().zip(m.linear.weights()) {
            assert!((a - b).abs() < 1e-4, "{a} vs {b}");
        }
        assert_eq!(
            back.to_bytes().unwrap(),
            bytes,
            "serialisation is deterministic"
        );
    }

    /// A file around `payload` with a valid header and checksum.
    fn file_around(payload: &[u8]) -> Vec<u8> {
        let mut f = Vec::new();
        f.extend_from_slice(MAGIC);
        f.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        f.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        f.extend_from_slice(&checksum(payload).to_le_bytes());
        f.extend_from_slice(payload);
        f
    }

    /// Found by the model fuzz target (fuzz/corpus/model/subnormal-scale): a payload with a
    /// subnormal weight scale loaded, but its weights (-4.7e-42) wrote back with a scale of 0,
    /// which did not load again. Such a scale is now refused; a model with weights that small
    /// (built in memory) writes a file that loads.
    #[test]
    fn what_loads_writes_back_and_loads_again() {
        let payload: &[u8] = &[
            2, 1, 12, 1, 1, 1, 1, 2, 2, 111, 107, 18, 112, 97, 115, 115, 105, 118, 101, 95, 97,
            103, 103, 114, 101, 115, 115, 105, 118, 101, 60, 0, 0, 0, 2, 158, 160, 2, 1, 12, 1, 1,
            17, 1, 2, 2, 111, 0, 1, 0, 0, 0, 0, 0, 0, 0, 111, 110, 153,
        ];
        assert!(
            matches!(Model::from_bytes(&file_around(payload)), Err(Error::Corrupt(e)) if e.contains("scale")),
            "a subnormal weight scale is refused"
        );
        let mut m = model();
        m.linear = LinearModel::from_parts(
            vec![1, 7, 300],
            vec![-4.7e-42, 0.0, 1e-40, 0.0, 0.0, f32::MIN_POSITIVE],
            vec![0.1, -0.1],
        )
        .unwrap();
        let back = Model::from_bytes(&m.to_bytes().unwrap()).expect("tiny weights load back");
        assert_eq!(back.linear.rows(), m.linear.rows());
        assert_eq!(
            back.to_bytes().unwrap(),
            m.to_bytes().unwrap(),
            "and write back the same"
        );
    }

    #[test]
    fn every_bad_file_is_a_typed_error() {
        let bytes = model().to_bytes().unwrap();
        assert_eq!(Model::from_bytes(b"hello"), Err(Error::NotAModel));
        assert_eq!(Model::from_bytes(b""), Err(Error::NotAModel));
        assert!(matches!(
            Model::from_bytes(&bytes[..10]),
            Err(Error::Truncated(_))
        ));
        assert!(matches!(
            Model::from_bytes(&bytes[..bytes.len() - 1]),
            Err(Error::Truncated(_))
        ));
        let mut v2 = bytes.clone();
        v2[8] = 2;
        assert_eq!(
            Model::from_bytes(&v2),
            Err(Error::UnsupportedVersion {
                found: 2,
                supported: 1
            })
        );
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(matches!(
            Model::from_bytes(&flipped),
            Err(Error::ChecksumMismatch { .. })
        ));
        assert!(matches!(
            Model::from_bytes_for(&bytes, Task::Urgency),
            Err(Error::WrongTask { .. })
        ));
    }

    #[test]
    fn a_valid_checksum_over_garbage_is_corrupt_not_a_panic() {
        let body = [0xffu8; 40];
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&fnv1a(&[&body]).to_le_bytes());
        bytes.extend_from_slice(&body);
        assert!(matches!(Model::from_bytes(&bytes), Err(Error::Corrupt(_))));
    }

    #[test]
    fn mismatched_feature_config_is_refused() {
        let mut m = model();
        m.features.extractor_version = 999;
        let bytes = m.to_bytes().unwrap();
        assert!(matches!(
            Model::from_bytes(&bytes),
            Err(Error::FeatureConfigMismatch(_))
        ));
    }

    #[test]
    fn wrong_labels_are_refused() {
        let mut m = model();
        m.labels = vec!["a".into(), "b".into()];
        assert!(matches!(
            Model::from_bytes(&m.to_bytes().unwrap()),
            Err(Error::WrongLabels { .. })
        ));
    }
}
