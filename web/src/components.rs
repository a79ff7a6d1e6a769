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

/// The file chosen in a file input's `change` event. The input is cleared, so that choosing
/// the same file again fires `change` again.
pub fn chosen_file(e: &yew::Event) -> Option<web_sys::File> {
    use yew::TargetCast;
    let input = e.target_dyn_into::<web_sys::HtmlInputElement>()?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

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

/// `x` with `digits` decimals (at most 9), rounded half away from zero. Integer arithmetic
/// only: the page never links the standard library's float formatting, which keeps the wasm
/// smaller. Not finite gives "–".
pub fn fixed(x: f64, digits: u32) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let digits = digits.min(9);
    let scale = 10u64.pow(digits);
    let n = (x.abs() * scale as f64).round() as u64;
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    let (int, frac) = (n / scale, n % scale);
    if digits == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = digits as usize)
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
    fn fixed_point_matches_the_standard_formatting() {
        for x in [
            0.0, 0.004, 0.005, 0.126, 0.9999, 1.0, 12.345_678, -0.5, -0.0004, 1234.5,
        ] {
            for d in 0..4 {
                let expected = format!("{:.*}", d as usize, x);
                let expected = if expected.starts_with("-0")
                    && expected.trim_start_matches(['-', '0', '.']).is_empty()
                {
                    expected.trim_start_matches('-').to_string()
                } else {
                    expected
                };
                // Both round to the nearest; they may differ only on exact binary halves.
                let ours = fixed(x, d);
                let a: f64 = ours.parse().unwrap_or(f64::NAN);
                let b: f64 = expected.parse().unwrap_or(f64::NAN);
                assert!(
                    (a - b).abs() <= 10f64.powi(-(d as i32)) + 1e-12,
                    "{x} to {d}: {ours} vs {expected}"
                );
                assert_eq!(
                    ours.split('.').nth(1).map_or(0, str::len),
                    d as usize,
                    "{ours}"
                );
            }
        }
        assert_eq!(fixed(0.957, 2), "0.96");
        assert_eq!(fixed(1.5, 0), "2");
        assert_eq!(fixed(0.4567, 3), "0.457");
        assert_eq!(fixed(f64::NAN, 2), "–");
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(words("high_roller"), "high roller");
        assert_eq!(words("meek"), "meek");
    }
}
