//! The verdict on a reply draft.

use yew::prelude::*;

use super::fixed;

#[derive(PartialEq, Properties)]
pub struct VerdictProps {
    pub passive_aggressive: bool,
    /// Rules and tone model combined, 0–1.
    pub score: f32,
    /// The tone model alone, 0–1.
    pub model_score: f32,
}

#[component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let (class, text) = if props.passive_aggressive {
        ("verdict verdict-bad", "Reads as passive-aggressive")
    } else {
        ("verdict verdict-good", "Reads fine")
    };
    html! {
        <p id="reply-verdict" class={class} role="status">
            <strong>{ text }</strong>
            <span class="verdict-score">
                { format!("score {}", fixed(f64::from(props.score), 2)) }
                <span class="muted">{ format!(" (tone model {})", fixed(f64::from(props.model_score), 2)) }</span>
            </span>
        </p>
    }
}
