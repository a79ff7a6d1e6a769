//! The multiclass linear model and its versioned file format.

mod file;
mod linear;
mod ordinal;

pub use file::{checksum, DataSource, Model, TrainingMeta, FORMAT_VERSION, MAGIC};
#[cfg(feature = "train")]
pub(crate) use linear::softmax as softmax_pub;
pub use linear::LinearModel;
pub use ordinal::ordinal_decision;

use serde::{Deserialize, Serialize};

/// What a model predicts.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Task {
    /// Urgency of a complaint: low, normal, high, critical.
    Urgency,
    /// Persona of the complaining customer.
    Persona,
    /// Tone of an agent's reply: ok or passive_aggressive.
    Tone,
}

impl Task {
    /// The labels of this task, in model order.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            Task::Urgency => &["low", "normal", "high", "critical"],
            Task::Persona => &[
                "meek",
                "aggressive",
                "high_roller",
                "chronic",
                "barnacle",
                "moderate",
            ],
            Task::Tone => &["ok", "passive_aggressive"],
        }
    }

    /// All tasks.
    pub fn all() -> [Task; 3] {
        [Task::Urgency, Task::Persona, Task::Tone]
    }

    /// Index of `label` in [`Task::labels`], or a typed error naming the labels allowed.
    pub fn label_index(self, label: &str) -> crate::Result<usize> {
        let l = label.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        let l = match (self, l.as_str()) {
            (Task::Tone, "true" | "1" | "yes") => "passive_aggressive".to_string(),
            (Task::Tone, "false" | "0" | "no") => "ok".to_string(),
            _ => l,
        };
        self.labels()
            .iter()
            .position(|x| *x == l)
            .ok_or_else(|| crate::Error::UnknownLabel {
                task: self,
                label: label.to_string(),
                expected: self.labels().join(", "),
            })
    }
}
