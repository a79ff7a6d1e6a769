//! The one error type of tact-core.

use crate::model::Task;

/// Everything that can go wrong inside tact-core.
///
/// Text analysis itself cannot fail: any `&str` gives a report. Errors come from model files,
/// configuration and training data.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes do not start with tact's model-file magic.
    #[error("not a tact model file (the first bytes are not the \"TACTMODL\" header)")]
    NotAModel,
    /// The file is shorter than its header says or has been cut off.
    #[error("model file is truncated: {0}")]
    Truncated(String),
    /// The file was written by a tact with another model-file format.
    #[error(
        "model file format version {found} is not supported (this tact reads version {supported})"
    )]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// The checksum in the header does not match the payload.
    #[error(
        "model file is corrupt: checksum {found:016x} does not match the expected {expected:016x}"
    )]
    ChecksumMismatch {
        /// Checksum computed from the payload.
        found: u64,
        /// Checksum stored in the header.
        expected: u64,
    },
    /// The payload could not be decoded.
    #[error("model file is corrupt: {0}")]
    Corrupt(String),
    /// The model's feature configuration does not match what this engine computes.
    #[error("feature configuration mismatch: {0}")]
    FeatureConfigMismatch(String),
    /// A model for one task was given where another was expected.
    #[error("expected a model for {expected}, got a model for {found}")]
    WrongTask {
        /// The task that was expected.
        expected: Task,
        /// The task in the file.
        found: Task,
    },
    /// A model's labels are not the labels of its task.
    #[error("the {task} model has labels {found:?}, expected {expected:?}")]
    WrongLabels {
        /// The model's task.
        task: Task,
        /// Labels in the file.
        found: Vec<String>,
        /// Labels the task requires.
        expected: Vec<String>,
    },
    /// The embedded default models are missing or invalid (a build problem).
    #[error("the embedded default {task} model could not be loaded: {reason}")]
    EmbeddedModel {
        /// Which model.
        task: Task,
        /// Why it failed.
        reason: String,
    },
    /// A configuration value is invalid.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Training data or parameters are invalid.
    #[error("training: {0}")]
    Training(String),
    /// A label that the task does not know.
    #[error("unknown {task} label {label:?} (expected one of: {expected})")]
    UnknownLabel {
        /// The task.
        task: Task,
        /// The label found.
        label: String,
        /// The labels allowed, comma-separated.
        expected: String,
    },
}

/// `Result` with tact-core's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(feature = "train")]
impl From<linfa::Error> for Error {
    fn from(e: linfa::Error) -> Self {
        Error::Training(e.to_string())
    }
}
