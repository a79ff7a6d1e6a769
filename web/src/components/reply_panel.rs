//! Panel (b): check a reply draft for passive-aggressive wording, with fixes to apply.

use tact_core::{CheckConfig, Dismissal, ReplyReport, Severity, Strictness};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::finding::Finding;
use super::highlighted_text::{HighlightedText, Mark};
use super::text_input::TextInput;
use super::verdict::Verdict;
use super::{words, DEBOUNCE_MS};
use crate::hooks::use_debounce::use_debounce;
use crate::state::EngineStatus;

const EXAMPLE: &str = "We're sorry that you are having this problem. As I already explained, you need to read the instructions. Is there anything else wrong?";

/// How many characters of the complaint to show as the reply's context.
const CONTEXT_CHARS: usize = 160;

#[derive(PartialEq, Properties)]
pub struct ReplyPanelProps {
    pub engine: EngineStatus,
    /// The draft as typed.
    pub text: AttrValue,
    /// The complaint in panel (a).
    pub complaint: AttrValue,
    /// Check the draft as the answer to `complaint`.
    pub answers_complaint: bool,
    /// Strictness and dismissed findings.
    pub config: CheckConfig,
    pub on_change: Callback<String>,
    pub on_answers_change: Callback<bool>,
    pub on_strictness: Callback<Strictness>,
    pub on_dismiss: Callback<Dismissal>,
    /// Show every dismissed finding again.
    pub on_restore: Callback<()>,
}

/// The three positions of the strictness switch, with what each does.
const STRICTNESS: [(Strictness, &str, &str); 3] = [
    (
        Strictness::Strict,
        "Strict",
        "every finding; passive-aggressive from a score of 0.40",
    ),
    (
        Strictness::Standard,
        "Standard",
        "every finding; passive-aggressive from 0.50",
    ),
    (
        Strictness::Relaxed,
        "Relaxed",
        "warnings and errors only, no hints; passive-aggressive from 0.60",
    ),
];

#[component(ReplyPanel)]
pub fn reply_panel(props: &ReplyPanelProps) -> Html {
    let context =
        Some(props.complaint.clone()).filter(|c| props.answers_complaint && !c.trim().is_empty());
    let settled = use_debounce((props.text.clone(), context.clone()), DEBOUNCE_MS);
    let report = use_memo(
        (props.engine.clone(), settled.clone(), props.config.clone()),
        |(engine, (text, context), config)| {
            let engine = engine.engine()?;
            (!text.trim().is_empty()).then(|| engine.check_with(text, context.as_deref(), config))
        },
    );
    let input_ref = use_node_ref();

    // Apply lint `i` of the report. The report is for the settled draft; if the draft changed
    // since, the same finding is looked up again in the current draft so no typing is lost.
    let on_apply = {
        let (report, checked, current) = (report.clone(), settled.0.clone(), props.text.clone());
        let (engine, context, config) =
            (props.engine.clone(), context.clone(), props.config.clone());
        let (on_change, input_ref) = (props.on_change.clone(), input_ref.clone());
        Callback::from(move |i: usize| {
            let Some(lint) = report.as_ref().as_ref().and_then(|r| r.lints.get(i)) else {
                return;
            };
            let fixed = if checked == current {
                lint.apply(&current)
            } else {
                engine.engine().and_then(|e| {
                    e.check_with(&current, context.as_deref(), &config)
                        .lints
                        .iter()
                        .find(|l| {
                            l.rule == lint.rule
                                && l.text == lint.text
                                && l.suggestion == lint.suggestion
                        })
                        .and_then(|l| l.apply(&current))
                })
            };
            if let Some(fixed) = fixed {
                on_change.emit(fixed);
                if let Some(area) = input_ref.cast::<HtmlTextAreaElement>() {
                    // Keep the keyboard where the text is; failing to focus is harmless.
                    let _ = area.focus();
                }
            }
        })
    };
    let on_dismiss = {
        let (report, on_dismiss) = (report.clone(), props.on_dismiss.clone());
        Callback::from(move |i: usize| {
            if let Some(lint) = report.as_ref().as_ref().and_then(|r| r.lints.get(i)) {
                on_dismiss.emit(Dismissal {
                    rule: lint.rule,
                    text: lint.text.clone(),
                });
            }
        })
    };
    let on_answers = {
        let on_answers_change = props.on_answers_change.clone();
        move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_answers_change.emit(input.checked());
            }
        }
    };
    let on_example = {
        let on_change = props.on_change.clone();
        move |_: MouseEvent| on_change.emit(EXAMPLE.to_string())
    };

    let body = match (&props.engine, report.as_ref()) {
        (EngineStatus::Failed(_), _) => html! {
            <p class="muted">{ "Reply checking is unavailable because the models did not load." }</p>
        },
        (EngineStatus::Loading, _) => html! { <p class="muted">{ "Loading the models…" }</p> },
        _ if props.text.trim().is_empty() => html! {
            <p class="empty">{ "Paste a reply draft to check it" }</p>
        },
        (EngineStatus::Ready(_), None) => html! { <p class="muted">{ "Checking…" }</p> },
        (EngineStatus::Ready(_), Some(r)) => results(r, &settled.0, on_apply, on_dismiss),
    };

    let context_note = if !props.answers_complaint {
        html! {}
    } else if let Some(c) = &context {
        let mut shown: String = c.chars().take(CONTEXT_CHARS).collect();
        if c.chars().nth(CONTEXT_CHARS).is_some() {
            shown.push('…');
        }
        html! { <blockquote class="context">{ shown }</blockquote> }
    } else {
        html! { <p class="hint">{ "No complaint yet: type one under “Triage a complaint”." }</p> }
    };

    html! {
        <section class="panel" id="reply" aria-labelledby="reply-title">
            <div class="panel-head">
                <h2 id="reply-title">{ "Check a reply" }</h2>
                <button type="button" class="quiet" onclick={on_example}>{ "Try an example" }</button>
            </div>
            <TextInput
                id="reply-input"
                label="Reply draft"
                hint="Checked as you type for wording that reads as passive-aggressive."
                placeholder="Paste your reply to the customer here…"
                value={props.text.clone()}
                on_change={props.on_change.clone()}
                node_ref={input_ref}
                rows={5}
            />
            <div class="check">
                <input type="checkbox" id="reply-answers" checked={props.answers_complaint} onchange={on_answers} />
                <label for="reply-answers">{ "It answers the complaint from “Triage a complaint”" }</label>
            </div>
            { context_note }
            { strictness_switch(props.config.strictness, &props.on_strictness) }
            if !props.config.dismissed.is_empty() {
                <p class="dismissed-note" id="dismissed-note">
                    { match props.config.dismissed.len() {
                        1 => "1 finding dismissed. ".to_string(),
                        n => format!("{n} findings dismissed. "),
                    } }
                    <button type="button" class="quiet" onclick={props.on_restore.reform(|_: MouseEvent| ())}>
                        { "Show them again" }
                    </button>
                </p>
            }
            <div class="results">{ body }</div>
        </section>
    }
}

/// Strict / standard / relaxed, as a group of radio buttons (arrow keys move between them).
fn strictness_switch(current: Strictness, on_strictness: &Callback<Strictness>) -> Html {
    html! {
        <fieldset class="strictness" id="strictness">
            <legend>{ "Strictness" }</legend>
            { for STRICTNESS.iter().map(|&(s, label, what)| {
                let id = format!("strictness-{s}");
                let onchange = on_strictness.reform(move |_: Event| s);
                html! {
                    <label for={id.clone()} title={what} class={classes!((s == current).then_some("on"))}>
                        <input type="radio" name="strictness" id={id} value={s.to_string()} checked={s == current} {onchange} />
                        { label }
                    </label>
                }
            }) }
            <p class="hint">{ STRICTNESS.iter().find(|x| x.0 == current).map(|x| x.2).unwrap_or_default() }</p>
        </fieldset>
    }
}

/// The verdict, the draft with its findings underlined, and the findings.
fn results(
    r: &ReplyReport,
    text: &AttrValue,
    on_apply: Callback<usize>,
    on_dismiss: Callback<usize>,
) -> Html {
    let mut order: Vec<usize> = (0..r.lints.len()).collect();
    // Most severe first, so overlapping underlines take the worse colour.
    order.sort_by_key(|&i| std::cmp::Reverse(r.lints[i].severity));
    let marks: Vec<Mark> = order
        .iter()
        .map(|&i| {
            let l = &r.lints[i];
            Mark {
                span: l.span,
                class: match l.severity {
                    Severity::Error => "lint lint-error",
                    Severity::Warning => "lint lint-warning",
                    Severity::Hint => "lint lint-hint",
                },
                title: format!(
                    "{} ({}): {}",
                    words(&l.rule.to_string()),
                    l.severity,
                    l.message
                ),
            }
        })
        .collect();
    html! {
        <>
            <Verdict passive_aggressive={r.passive_aggressive} score={r.score} model_score={r.model_score} />
            <h3>{ "The draft" }</h3>
            <p class="legend">
                <mark class="lint lint-error">{ "error" }</mark>
                <mark class="lint lint-warning">{ "warning" }</mark>
                <mark class="lint lint-hint">{ "hint" }</mark>
                { " Hover or focus (Tab) an underline for the reason." }
            </p>
            <HighlightedText id="reply-marked" label="The reply draft with its findings underlined" text={text.clone()} {marks} focusable=true />
            <h3>{ format!("Findings ({})", r.lints.len()) }</h3>
            if r.lints.is_empty() {
                <p class="no-findings">{ "No findings: nothing in this draft matches a rule." }</p>
            } else {
                <ol class="findings">
                    { for r.lints.iter().enumerate().map(|(index, lint)| html! {
                        <Finding {index} lint={lint.clone()} on_apply={on_apply.clone()} on_dismiss={on_dismiss.clone()} />
                    }) }
                </ol>
            }
        </>
    }
}
