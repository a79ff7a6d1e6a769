//! Urgency: the level, the 0–100 score as a bar over the four bands, and each level's
//! probability under its band.

use tact_core::{Urgency, UrgencyLevel};
use yew::prelude::*;

use super::percent;

/// The four bands of the gauge, left to right.
const LEVELS: [UrgencyLevel; 4] = [
    UrgencyLevel::Low,
    UrgencyLevel::Normal,
    UrgencyLevel::High,
    UrgencyLevel::Critical,
];

#[derive(PartialEq, Properties)]
pub struct UrgencyGaugeProps {
    pub urgency: Urgency,
}

#[component(UrgencyGauge)]
pub fn urgency_gauge(props: &UrgencyGaugeProps) -> Html {
    let u = &props.urgency;
    let level = u.level.to_string();
    let score = u.score.min(100);
    html! {
        <div class="card gauge">
            <div class="card-head">
                <span class="card-title">{ "Urgency" }</span>
                <strong id="urgency-level" class={classes!("level", format!("level-{level}"))}>{ level.clone() }</strong>
                <span class="score"><span id="urgency-score">{ score }</span>{ "/100" }</span>
            </div>
            <div
                class="gauge-track"
                role="meter"
                aria-label="Urgency score"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow={score.to_string()}
                aria-valuetext={format!("{score} out of 100, {level}")}
            >
                <div class={classes!("gauge-fill", format!("level-{level}"))} style={format!("width: {score}%")}></div>
            </div>
            <ul class="gauge-scale" aria-label="Probability of each level">
                { for LEVELS.into_iter().map(|l| {
                    let p = percent(u.probabilities.get(&l).copied().unwrap_or(0.0));
                    html! {
                        <li class={classes!((l == u.level).then_some("current"))}>
                            <span class="scale-name">{ l.to_string() }</span>
                            <span class="scale-odds">{ format!("{p}%") }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
