//! The page's components, one per file.

pub mod advice_list;
pub mod complaint_panel;
pub mod engine_error;
pub mod finding;
pub mod highlighted_text;
pub mod models_panel;
pub mod persona_bars;
pub mod queue_panel;
pub mod reply_panel;
pub mod text_input;
pub mod urgency_gauge;
pub mod verdict;

/// How long typing must pause before the text is scored again.
pub const DEBOUNCE_MS: u32 = 150;

/// A probability as a whole percentage, clamped to 0–100 (NaN gives 0).
pub fn percent(p: f32) -> u32 {
    if p.is_nan() {
        0
    } else {
        (p.clamp(0.0, 1.0) * 100.0).round() as u32
    }
}

/// A snake_case label as words: `high_roller` -> `high roller`.
pub fn words(label: &str) -> String {
    label.replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_clamped_and_rounded() {
        assert_eq!(percent(0.126), 13);
        assert_eq!(percent(1.7), 100);
        assert_eq!(percent(-0.2), 0);
        assert_eq!(percent(f32::NAN), 0);
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(words("high_roller"), "high roller");
        assert_eq!(words("meek"), "meek");
    }
}
