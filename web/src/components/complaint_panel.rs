//! Panel (a): triage a complaint as it is typed.

use tact_core::ComplaintReport;
use yew::prelude::*;

use super::advice_list::AdviceList;
use super::highlighted_text::{HighlightedText, Mark};
use super::persona_bars::PersonaBars;
use super::text_input::TextInput;
use super::urgency_gauge::UrgencyGauge;
use super::DEBOUNCE_MS;
use crate::hooks::use_debounce::use_debounce;
use crate::state::EngineStatus;

const EXAMPLE: &str = "This is the third time I'm writing about this. My card was stolen and someone is spending money right now! I've been a premium customer for years and I need this blocked immediately.";

#[derive(PartialEq, Properties)]
pub struct ComplaintPanelProps {
    pub engine: EngineStatus,
    /// The complaint as typed.
    pub text: AttrValue,
    pub on_change: Callback<String>,
}

#[component(ComplaintPanel)]
pub fn complaint_panel(props: &ComplaintPanelProps) -> Html {
    let settled = use_debounce(props.text.clone(), DEBOUNCE_MS);
    let report = use_memo((props.engine.clone(), settled.clone()), |(engine, text)| {
        let engine = engine.engine()?;
        (!text.trim().is_empty()).then(|| engine.analyze(text))
    });
    let on_example = {
        let on_change = props.on_change.clone();
        move |_: MouseEvent| on_change.emit(EXAMPLE.to_string())
    };

    let body = match (&props.engine, report.as_ref()) {
        (EngineStatus::Failed(_), _) => html! {
            <p class="muted">{ "Triage is unavailable because the models did not load." }</p>
        },
        (EngineStatus::Loading, _) => html! { <p class="muted">{ "Loading the models…" }</p> },
        _ if props.text.trim().is_empty() => html! {
            <p class="empty">{ "Paste a complaint to score it" }</p>
        },
        (EngineStatus::Ready(_), None) => html! { <p class="muted">{ "Scoring…" }</p> },
        (EngineStatus::Ready(_), Some(r)) => results(r, &settled),
    };

    html! {
        <section class="panel" id="triage" aria-labelledby="triage-title">
            <div class="panel-head">
                <h2 id="triage-title">{ "Triage a complaint" }</h2>
                <button type="button" class="quiet" onclick={on_example}>{ "Try an example" }</button>
            </div>
            <TextInput
                id="complaint-input"
                label="Customer complaint"
                hint="Scored as you type: urgency, who is writing, and how to answer."
                placeholder="Paste the customer's message here…"
                value={props.text.clone()}
                on_change={props.on_change.clone()}
                rows={5}
            />
            <div class="results">{ body }</div>
        </section>
    }
}

/// The scores, the complaint with its cues marked, and the advice.
fn results(r: &ComplaintReport, text: &AttrValue) -> Html {
    let marks: Vec<Mark> = r
        .urgency
        .cues
        .iter()
        .map(|c| Mark {
            span: c.span,
            class: "cue cue-urgency",
            title: c.why.clone(),
        })
        .chain(r.persona.cues.iter().map(|c| Mark {
            span: c.span,
            class: "cue cue-persona",
            title: c.why.clone(),
        }))
        .collect();
    let mut cues: Vec<(String, String)> = Vec::new();
    for c in r.urgency.cues.iter().chain(&r.persona.cues) {
        let item = (c.text.clone(), c.why.clone());
        if !cues.contains(&item) {
            cues.push(item);
        }
    }
    html! {
        <>
            <div class="cards">
                <UrgencyGauge urgency={r.urgency.clone()} />
                <PersonaBars persona={r.persona.clone()} />
            </div>
            <h3>{ "What drove it" }</h3>
            <p class="legend">
                <mark class="cue cue-urgency">{ "urgency" }</mark>
                <mark class="cue cue-persona">{ "persona" }</mark>
                { " Hover a highlight for the reason." }
            </p>
            <HighlightedText id="complaint-cues" label="The complaint with its cues highlighted" text={text.clone()} {marks} />
            if !cues.is_empty() {
                <details class="cue-list">
                    <summary>{ format!("All cues ({})", cues.len()) }</summary>
                    <ul>
                        { for cues.into_iter().map(|(text, why)| html! {
                            <li><q>{ text }</q>{ ": " }{ why }</li>
                        }) }
                    </ul>
                </details>
            }
            <h3>{ "How to answer" }</h3>
            <AdviceList advice={r.advice.clone()} />
        </>
    }
}
