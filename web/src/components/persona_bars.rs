//! Persona: the most likely label and every persona's probability as a bar.

use tact_core::Persona;
use yew::prelude::*;

use super::{percent, words};

#[derive(PartialEq, Properties)]
pub struct PersonaBarsProps {
    pub persona: Persona,
}

#[component(PersonaBars)]
pub fn persona_bars(props: &PersonaBarsProps) -> Html {
    let p = &props.persona;
    let label = p.label.to_string();
    html! {
        <div class="card persona">
            <div class="card-head">
                <span class="card-title">{ "Persona" }</span>
                <strong id="persona-label" data-label={label.clone()}>{ words(&label) }</strong>
                <span class="score">{ format!("{}%", percent(p.confidence)) }</span>
            </div>
            <ul class="bars">
                { for p.scores.iter().map(|(name, prob)| {
                    let pct = percent(*prob);
                    let name = name.to_string();
                    let top = name == label;
                    html! {
                        <li class={classes!("bar-row", top.then_some("top"))}>
                            <span class="bar-name">{ words(&name) }</span>
                            <span class="bar-track" aria-hidden="true">
                                <span class="bar-fill" style={format!("width: {pct}%")}></span>
                            </span>
                            <span class="bar-value">{ format!("{pct}%") }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
