//! The models: what each task's model is (labels, date, data, training metrics), loading a
//! `.tactmodel` file exported by `tact train` in its place, and going back to the embedded
//! defaults. A bad file is an error message in the panel; the models in use stay as they were.

use std::rc::Rc;

use tact_core::{Engine, Model, Task};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{fixed, words};
use crate::state::{task_index, EngineStatus, ModelOrigin};

/// Larger files are refused before they are read (the shipped models are ~0.2 MB).
const MAX_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

#[derive(PartialEq, Properties)]
pub struct ModelsPanelProps {
    pub engine: EngineStatus,
    /// Where each task's model came from (urgency, persona, tone).
    pub origins: [ModelOrigin; 3],
    /// A model was loaded: the new engine, its task and the file's name.
    pub on_model: Callback<(Rc<Engine>, Task, String)>,
    pub on_reset: Callback<()>,
}

/// What the last load did, for the message under the title.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    None,
    Loaded(AttrValue),
    Failed(AttrValue),
}

/// Read `bytes` as the model for `task` and put it into `engine`.
fn load(engine: &Engine, task: Task, name: &str, bytes: &[u8]) -> Result<Engine, String> {
    let model = Model::from_bytes_for(bytes, task)
        .map_err(|e| format!("{name} cannot be used as the {task} model: {e}"))?;
    engine
        .with_model(model)
        .map_err(|e| format!("{name} does not fit the other models: {e}"))
}

#[component(ModelsPanel)]
pub fn models_panel(props: &ModelsPanelProps) -> Html {
    let outcome = use_state(|| Outcome::None);

    let on_file = |task: Task| {
        let (engine, on_model, outcome) = (
            props.engine.clone(),
            props.on_model.clone(),
            outcome.setter(),
        );
        move |e: Event| {
            let Some(file) = super::chosen_file(&e) else {
                return;
            };
            let name = file.name();
            let Some(current) = engine.engine().cloned() else {
                outcome.set(Outcome::Failed(
                    "the models are still loading; try again in a moment".into(),
                ));
                return;
            };
            if file.size() > MAX_BYTES {
                outcome.set(Outcome::Failed(
                    format!(
                        "{name} is {} MB, too large to be a tact model",
                        fixed(file.size() / 1e6, 0)
                    )
                    .into(),
                ));
                return;
            }
            let (on_model, outcome) = (on_model.clone(), outcome.clone());
            spawn_local(async move {
                let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                    .await
                    .map(|buf| js_sys::Uint8Array::new(&buf).to_vec());
                let Ok(bytes) = bytes else {
                    outcome.set(Outcome::Failed(format!("{name} could not be read").into()));
                    return;
                };
                match load(&current, task, &name, &bytes) {
                    Ok(next) => {
                        outcome.set(Outcome::Loaded(
                            format!("Loaded {name} as the {task} model.").into(),
                        ));
                        on_model.emit((Rc::new(next), task, name));
                    }
                    Err(e) => outcome.set(Outcome::Failed(e.into())),
                }
            });
        }
    };
    let on_reset = {
        let (on_reset, outcome) = (props.on_reset.clone(), outcome.setter());
        move |_: MouseEvent| {
            on_reset.emit(());
            outcome.set(Outcome::Loaded(
                "Back to the embedded default models.".into(),
            ));
        }
    };
    let all_embedded = props.origins.iter().all(|o| *o == ModelOrigin::Embedded);

    let message = match &*outcome {
        Outcome::None => html! {},
        Outcome::Loaded(m) => {
            html! { <p class="model-status" id="model-status" role="status">{ m.clone() }</p> }
        }
        Outcome::Failed(m) => html! {
            <div class="model-error" id="model-error" role="alert">
                <strong>{ "That model file was not loaded. " }</strong>
                { m.clone() }
                <p class="muted">{ "The models in use have not changed." }</p>
            </div>
        },
    };

    let body = match props.engine.engine() {
        None => html! { <p class="muted">{ "Loading the models…" }</p> },
        Some(engine) => html! {
            <div class="model-cards">
                { for Task::all().into_iter().map(|task| {
                    model_card(engine.model(task), &props.origins[task_index(task)], Callback::from(on_file(task)))
                }) }
            </div>
        },
    };

    html! {
        <section class="panel panel-wide" id="models" aria-labelledby="models-title">
            <div class="panel-head">
                <h2 id="models-title">{ "Models" }</h2>
                <button type="button" class="secondary" id="models-reset" onclick={on_reset} disabled={all_embedded}>
                    { "Reset to embedded defaults" }
                </button>
            </div>
            <p class="hint">
                { "Load a model file exported by " }<code>{ "tact train" }</code>
                { " to use it instead of the built-in one; it is read in this page and replaces the model until you reset or reload." }
            </p>
            { message }
            { body }
        </section>
    }
}

/// One task's model: where it came from, its metadata and metrics, and a file input.
fn model_card(model: &Model, origin: &ModelOrigin, on_file: Callback<Event>) -> Html {
    let task = model.task.to_string();
    let meta = &model.meta;
    let input_id = format!("model-file-{task}");
    let origin = match origin {
        ModelOrigin::Embedded => html! { <span class="origin">{ "embedded default" }</span> },
        ModelOrigin::File(name) => {
            html! { <span class="origin origin-file">{ format!("from {name}") }</span> }
        }
    };
    let f = &model.features;
    html! {
        <article class="card model-card" id={format!("model-{task}")} data-task={task.clone()}>
            <div class="card-head">
                <span class="card-title">{ format!("{task} model") }</span>
                { origin }
            </div>
            <dl class="meta">
                <dt>{ "Labels" }</dt>
                <dd class="model-labels">{ model.labels.iter().map(|l| words(l)).collect::<Vec<_>>().join(", ") }</dd>
                <dt>{ "Trained" }</dt>
                <dd class="model-date">
                    { meta.trained_on.clone().unwrap_or_else(|| "no date recorded".into()) }
                    { format!(" · tact {} · seed {}", meta.tact_version, meta.seed) }
                </dd>
                <dt>{ "Examples" }</dt>
                <dd class="model-examples">{ meta.examples }</dd>
                <dt>{ "Data" }</dt>
                <dd class="model-sources">
                    if meta.data_sources.is_empty() {
                        { "not recorded" }
                    } else {
                        <ul>
                            { for meta.data_sources.iter().map(|d| html! {
                                <li>{ format!("{} ({} rows, licence {})", d.name, d.rows, d.licence) }</li>
                            }) }
                        </ul>
                    }
                </dd>
                <dt>{ "Features" }</dt>
                <dd>{ format!("2^{} hashed buckets, word n-grams up to {}, {} weights", f.hash_bits, f.word_ngrams, model.linear.weights().len()) }</dd>
            </dl>
            if meta.metrics.is_empty() {
                <p class="muted">{ "No training metrics recorded." }</p>
            } else {
                <table class="metrics">
                    <caption>{ "Cross-validation at training" }</caption>
                    <tbody>
                        { for meta.metrics.iter().map(|(k, v)| html! {
                            <tr><th scope="row">{ words(k) }</th><td class="num">{ fixed(*v, 3) }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            <div class="field">
                <label for={input_id.clone()}>{ format!("Load {} {task} model file", if task.starts_with('u') { "an" } else { "a" }) }</label>
                <input type="file" id={input_id} accept=".tactmodel,application/octet-stream" onchange={on_file} />
            </div>
        </article>
    }
}
