//! The queue: open a CSV (or paste complaints, one per line) and get them ranked by urgency
//! with their persona; sort, filter, export as CSV.
//!
//! Ranking runs in slices of about [`SLICE_MS`] milliseconds, yielding to the browser between
//! slices (a zero timeout), so the page keeps painting and answering clicks while thousands
//! of rows are scored. Measured in tests/browser (scripts/web-size): a worker was not needed.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use tact_core::{Engine, PersonaLabel, UrgencyLevel};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

use super::{fixed, percent, words};
use crate::queue::{self, Filter, Ranked, Sort, SortKey, Table};
use crate::state::EngineStatus;

/// Longest stretch of scoring before the page gets a turn.
const SLICE_MS: f64 = 12.0;
/// Rows shown at first, and added by "Show more".
const PAGE: usize = 100;

const LEVELS: [UrgencyLevel; 4] = [
    UrgencyLevel::Critical,
    UrgencyLevel::High,
    UrgencyLevel::Normal,
    UrgencyLevel::Low,
];
const PERSONAS: [PersonaLabel; 6] = [
    PersonaLabel::Meek,
    PersonaLabel::Aggressive,
    PersonaLabel::HighRoller,
    PersonaLabel::Chronic,
    PersonaLabel::Barnacle,
    PersonaLabel::Moderate,
];

/// Where a ranking stands.
#[derive(Debug, Clone, PartialEq)]
enum Job {
    /// Nothing opened yet.
    Idle,
    /// Reading the file.
    Reading(AttrValue),
    /// Scoring: rows done of total.
    Ranking { done: usize, total: usize },
    /// Finished, in this many milliseconds.
    Done { millis: f64 },
    /// The input could not be read at all.
    Failed(AttrValue),
}

#[derive(Debug, Clone, PartialEq)]
struct QueueState {
    job: Job,
    /// Name of what was ranked (a file name, or "pasted complaints").
    source: AttrValue,
    table: Option<Rc<Table>>,
    ranked: Rc<Vec<Ranked>>,
    sort: Sort,
    filter: Filter,
    shown: usize,
    paste: AttrValue,
}

impl Default for QueueState {
    fn default() -> Self {
        QueueState {
            job: Job::Idle,
            source: AttrValue::default(),
            table: None,
            ranked: Rc::default(),
            sort: Sort::default(),
            filter: Filter::default(),
            shown: PAGE,
            paste: AttrValue::default(),
        }
    }
}

enum QueueAction {
    Reading(String),
    Started(String, Rc<Table>),
    Progress(usize),
    Finished(Vec<Ranked>, f64),
    Failed(String),
    SortBy(SortKey),
    Filter(Filter),
    ShowMore,
    Paste(String),
}

impl Reducible for QueueState {
    type Action = QueueAction;

    fn reduce(self: Rc<Self>, action: QueueAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            QueueAction::Reading(name) => s.job = Job::Reading(name.into()),
            QueueAction::Started(source, table) => {
                s.job = Job::Ranking {
                    done: 0,
                    total: table.rows.len(),
                };
                s.source = source.into();
                s.table = Some(table);
                s.ranked = Rc::default();
                s.shown = PAGE;
            }
            QueueAction::Progress(done) => {
                if let Job::Ranking { total, .. } = s.job {
                    s.job = Job::Ranking { done, total };
                }
            }
            QueueAction::Finished(mut rows, millis) => {
                queue::sort(&mut rows, s.sort);
                s.ranked = Rc::new(rows);
                s.job = Job::Done { millis };
            }
            QueueAction::Failed(e) => {
                s.job = Job::Failed(e.into());
                s.table = None;
                s.ranked = Rc::default();
            }
            QueueAction::SortBy(key) => {
                s.sort = if s.sort.key == key {
                    Sort {
                        key,
                        descending: !s.sort.descending,
                    }
                } else {
                    Sort {
                        key,
                        descending: key == SortKey::Urgency,
                    }
                };
                let mut rows = (*s.ranked).clone();
                queue::sort(&mut rows, s.sort);
                s.ranked = Rc::new(rows);
            }
            QueueAction::Filter(f) => {
                s.filter = f;
                s.shown = PAGE;
            }
            QueueAction::ShowMore => s.shown += PAGE,
            QueueAction::Paste(text) => s.paste = text.into(),
        }
        Rc::new(s)
    }
}

/// Score every row of `table`, a slice at a time, unless a newer job (`generation`) starts.
async fn rank(
    engine: Rc<Engine>,
    table: Rc<Table>,
    generation: Rc<Cell<u32>>,
    mine: u32,
    dispatcher: UseReducerDispatcher<QueueState>,
) {
    let started = js_sys::Date::now();
    let mut out = Vec::with_capacity(table.rows.len());
    let mut rows = table.rows.iter().enumerate().peekable();
    while rows.peek().is_some() {
        let slice = js_sys::Date::now();
        while js_sys::Date::now() - slice < SLICE_MS {
            let Some((order, row)) = rows.next() else {
                break;
            };
            let r = engine.analyze(table.text(row));
            out.push(Ranked {
                order,
                row: row.clone(),
                level: r.urgency.level,
                score: r.urgency.score,
                persona: r.persona.label,
                confidence: r.persona.confidence,
            });
        }
        if generation.get() != mine {
            return;
        }
        dispatcher.dispatch(QueueAction::Progress(out.len()));
        sleep(Duration::ZERO).await;
        if generation.get() != mine {
            return;
        }
    }
    dispatcher.dispatch(QueueAction::Finished(out, js_sys::Date::now() - started));
}

/// Offer `text` as a file download (a Blob URL: nothing leaves the page).
fn download(name: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Give the download a moment to start before the URL goes away.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

#[derive(PartialEq, Properties)]
pub struct QueuePanelProps {
    pub engine: EngineStatus,
}

#[component(QueuePanel)]
pub fn queue_panel(props: &QueuePanelProps) -> Html {
    let state = use_reducer(QueueState::default);
    // Bumped by every new job; a running job that sees another number stops.
    let generation: Rc<Cell<u32>> = use_memo((), |_| Cell::new(0u32));

    // Start ranking `table` (from `source`) with the current engine.
    let start = {
        let (engine, dispatcher, generation) =
            (props.engine.clone(), state.dispatcher(), generation.clone());
        Callback::from(move |(source, table): (String, Table)| {
            let EngineStatus::Ready(e) = &engine else {
                dispatcher.dispatch(QueueAction::Failed(
                    "the models are not loaded yet; try again in a moment".into(),
                ));
                return;
            };
            let mine = generation.get().wrapping_add(1);
            generation.set(mine);
            let table = Rc::new(table);
            dispatcher.dispatch(QueueAction::Started(source, Rc::clone(&table)));
            spawn_local(rank(
                Rc::clone(&e.0),
                table,
                generation.clone(),
                mine,
                dispatcher.clone(),
            ));
        })
    };

    let on_file = {
        let (dispatcher, start) = (state.dispatcher(), start.clone());
        move |e: Event| {
            let Some(file) = super::chosen_file(&e) else {
                return;
            };
            let name = file.name();
            dispatcher.dispatch(QueueAction::Reading(name.clone()));
            let (dispatcher, start) = (dispatcher.clone(), start.clone());
            spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                let Some(text) = text else {
                    dispatcher.dispatch(QueueAction::Failed(format!(
                        "{name}: the file could not be read as text"
                    )));
                    return;
                };
                match queue::parse_csv(&text) {
                    Ok(table) => start.emit((name, table)),
                    Err(e) => dispatcher.dispatch(QueueAction::Failed(format!("{name}: {e}"))),
                }
            });
        }
    };
    let on_paste_input = {
        let dispatcher = state.dispatcher();
        move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                dispatcher.dispatch(QueueAction::Paste(area.value()));
            }
        }
    };
    let on_rank_paste = {
        let (dispatcher, start, paste) = (state.dispatcher(), start.clone(), state.paste.clone());
        move |_: MouseEvent| {
            let table = queue::parse_lines(&paste);
            if table.rows.is_empty() {
                dispatcher.dispatch(QueueAction::Failed(
                    "nothing to rank: paste one complaint per line".into(),
                ));
            } else {
                start.emit(("pasted complaints".to_string(), table));
            }
        }
    };

    let busy = matches!(state.job, Job::Reading(_) | Job::Ranking { .. });
    let ready = props.engine.engine().is_some();

    let view: Rc<Vec<usize>> = {
        let (ranked, filter, table) = (
            state.ranked.clone(),
            state.filter.clone(),
            state.table.clone(),
        );
        use_memo((ranked, filter, table), |(ranked, filter, table)| {
            let Some(table) = table else {
                return Vec::new();
            };
            ranked
                .iter()
                .enumerate()
                .filter(|(_, r)| filter.keeps(r, table.text(&r.row)))
                .map(|(i, _)| i)
                .collect()
        })
    };

    let status = match &state.job {
        Job::Idle => html! {},
        Job::Reading(name) => {
            html! { <p class="muted" role="status">{ format!("Reading {name}…") }</p> }
        }
        Job::Ranking { done, total } => html! {
            <div class="progress" role="status" id="queue-progress">
                <progress max={total.to_string()} value={done.to_string()} />
                <span>{ format!("Ranked {done} of {total}…") }</span>
            </div>
        },
        Job::Done { millis } => html! {
            <p class="queue-done" role="status" id="queue-status" data-millis={fixed(*millis, 0)}>
                { format!("Ranked {} complaints from {} in {} s.", state.ranked.len(), state.source, fixed(millis / 1000.0, 2)) }
            </p>
        },
        Job::Failed(e) => html! {
            <p class="queue-error" role="alert" id="queue-error">{ format!("Could not rank: {e}") }</p>
        },
    };

    let bad_rows = match (&state.table, &state.job) {
        (Some(t), Job::Ranking { .. } | Job::Done { .. }) if !t.errors.is_empty() => html! {
            <div role="alert">
                <details class="bad-rows" id="queue-bad-rows" open=true>
                <summary>{ match t.errors.len() {
                    1 => "1 row could not be read and is not ranked".to_string(),
                    n => format!("{n} rows could not be read and are not ranked"),
                } }</summary>
                <ul>
                    { for t.errors.iter().map(|e| html! { <li>{ format!("line {}: {}", e.line, e.message) }</li> }) }
                </ul>
            </details>
            </div>
        },
        _ => html! {},
    };

    let table_html = match (&state.table, &state.job) {
        (Some(table), Job::Done { .. }) => results(&state, table, &view, state.dispatcher()),
        (_, Job::Idle) => html! {
            <p class="empty-queue">{ "Open a CSV file or paste complaints to rank them by urgency." }</p>
        },
        _ => html! {},
    };

    html! {
        <section class="panel panel-wide" id="queue" aria-labelledby="queue-title">
            <div class="panel-head">
                <h2 id="queue-title">{ "Rank a queue" }</h2>
            </div>
            <p class="hint">
                { "A CSV with a " }<code>{ "text" }</code>{ " column (or the complaint in the first column), " }
                { "or complaints pasted one per line. Read and scored in this page; nothing is uploaded." }
            </p>
            <div class="queue-inputs">
                <div class="field">
                    <label for="queue-file">{ "Open a CSV file" }</label>
                    <input type="file" id="queue-file" accept=".csv,.tsv,.txt,text/csv,text/plain" disabled={busy || !ready} onchange={on_file} />
                </div>
                <div class="field queue-paste">
                    <label for="queue-paste">{ "Or paste complaints, one per line" }</label>
                    <textarea id="queue-paste" rows="3" value={state.paste.clone()} oninput={on_paste_input}
                        placeholder="My card was stolen!\nThe invoice is wrong again.\nCould you add a dark mode?" />
                    <button type="button" id="queue-rank-paste" onclick={on_rank_paste} disabled={busy || !ready}>{ "Rank pasted complaints" }</button>
                </div>
            </div>
            { status }
            { bad_rows }
            { table_html }
        </section>
    }
}

/// Filters, the table and the export button.
fn results(
    state: &QueueState,
    table: &Rc<Table>,
    view: &Rc<Vec<usize>>,
    dispatcher: UseReducerDispatcher<QueueState>,
) -> Html {
    let filter = state.filter.clone();
    let on_level = {
        let (dispatcher, filter) = (dispatcher.clone(), filter.clone());
        move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                let level = LEVELS.into_iter().find(|l| l.to_string() == s.value());
                dispatcher.dispatch(QueueAction::Filter(Filter {
                    level,
                    ..filter.clone()
                }));
            }
        }
    };
    let on_persona = {
        let (dispatcher, filter) = (dispatcher.clone(), filter.clone());
        move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                let persona = PERSONAS.into_iter().find(|p| p.to_string() == s.value());
                dispatcher.dispatch(QueueAction::Filter(Filter {
                    persona,
                    ..filter.clone()
                }));
            }
        }
    };
    let on_search = {
        let (dispatcher, filter) = (dispatcher.clone(), filter.clone());
        move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                dispatcher.dispatch(QueueAction::Filter(Filter {
                    search: i.value(),
                    ..filter.clone()
                }));
            }
        }
    };
    let on_export = {
        let (table, ranked, view) = (Rc::clone(table), state.ranked.clone(), Rc::clone(view));
        move |_: MouseEvent| {
            let csv = queue::to_csv(&table, view.iter().filter_map(|&i| ranked.get(i)));
            // A failed download leaves the page as it was; there is nothing else to do.
            let _ = download("tact-ranked.csv", &csv);
        }
    };
    let on_more = {
        let dispatcher = dispatcher.clone();
        move |_: MouseEvent| dispatcher.dispatch(QueueAction::ShowMore)
    };
    let header = |key: SortKey, label: &str| {
        let on = state.sort.key == key;
        let aria = match (on, state.sort.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        };
        let arrow = match (on, state.sort.descending) {
            (false, _) => "",
            (true, true) => " ▼",
            (true, false) => " ▲",
        };
        let onclick = {
            let dispatcher = dispatcher.clone();
            move |_: MouseEvent| dispatcher.dispatch(QueueAction::SortBy(key))
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" {onclick}>{ label.to_string() }{ arrow }</button>
            </th>
        }
    };
    let total = state.ranked.len();
    let matching = view.len();
    let shown = matching.min(state.shown);
    html! {
        <>
            <div class="queue-tools">
                <label>{ "Urgency " }
                    <select id="queue-filter-level" onchange={on_level}>
                        <option value="" selected={filter.level.is_none()}>{ "all" }</option>
                        { for LEVELS.iter().map(|l| html! {
                            <option value={l.to_string()} selected={filter.level == Some(*l)}>{ l.to_string() }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Persona " }
                    <select id="queue-filter-persona" onchange={on_persona}>
                        <option value="" selected={filter.persona.is_none()}>{ "all" }</option>
                        { for PERSONAS.iter().map(|p| html! {
                            <option value={p.to_string()} selected={filter.persona == Some(*p)}>{ words(&p.to_string()) }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Contains " }
                    <input type="search" id="queue-filter-text" value={filter.search.clone()} oninput={on_search} />
                </label>
                <button type="button" id="queue-export" onclick={on_export} disabled={matching == 0}>
                    { format!("Export {matching} rows as CSV") }
                </button>
            </div>
            <p class="muted" id="queue-count">{ format!("Showing {shown} of {matching} matching ({total} ranked).") }</p>
            <div class="table-wrap">
                <table class="queue-table" id="queue-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "#" }</th>
                            { header(SortKey::Urgency, "Urgency") }
                            { header(SortKey::Persona, "Persona") }
                            <th scope="col">{ "Complaint" }</th>
                            { header(SortKey::Line, "Line") }
                        </tr>
                    </thead>
                    <tbody>
                        { for view.iter().take(shown).enumerate().filter_map(|(n, &i)| state.ranked.get(i).map(|r| (n, r))).map(|(n, r)| {
                            let level = r.level.to_string();
                            let persona = r.persona.to_string();
                            html! {
                                <tr data-score={r.score.to_string()} data-level={level.clone()} data-persona={persona.clone()} data-line={r.row.line.to_string()}>
                                    <td class="num">{ n + 1 }</td>
                                    <td><span class={classes!("level", format!("level-{level}"))}>{ level.clone() }</span>{ " " }<span class="num">{ r.score }</span></td>
                                    <td>{ words(&persona) }<span class="muted">{ format!(" {}%", percent(r.confidence)) }</span></td>
                                    <td class="complaint-cell"><div class="clamp">{ table.text(&r.row).to_string() }</div></td>
                                    <td class="num">{ r.row.line }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if shown < matching {
                <button type="button" class="quiet" id="queue-more" onclick={on_more}>
                    { format!("Show {} more", PAGE.min(matching - shown)) }
                </button>
            }
        </>
    }
}
