//! One finding in a reply draft: rule, severity, message, source, and the suggestion with a
//! button that applies it.

use tact_core::Lint;
use yew::prelude::*;

use super::words;

#[derive(PartialEq, Properties)]
pub struct FindingProps {
    /// Position in the report's list; what `on_apply` gets.
    pub index: usize,
    pub lint: Lint,
    pub on_apply: Callback<usize>,
    /// Hide this finding (its rule and words) from now on; gets `index`.
    pub on_dismiss: Callback<usize>,
}

#[component(Finding)]
pub fn finding(props: &FindingProps) -> Html {
    let lint = &props.lint;
    let severity = lint.severity.to_string();
    let rule = lint.rule.to_string();
    let onclick = {
        let (on_apply, index) = (props.on_apply.clone(), props.index);
        move |_: MouseEvent| on_apply.emit(index)
    };
    let on_dismiss = {
        let (on_dismiss, index) = (props.on_dismiss.clone(), props.index);
        move |_: MouseEvent| on_dismiss.emit(index)
    };
    html! {
        <li class={classes!("finding", format!("finding-{severity}"))}>
            <div class="finding-head">
                <span class={classes!("badge", format!("badge-{severity}"))}>{ severity.clone() }</span>
                <span class="rule" title={rule.clone()}>{ words(&rule) }</span>
                if !lint.text.is_empty() {
                    <q class="flagged">{ lint.text.clone() }</q>
                }
            </div>
            <p class="message">{ lint.message.clone() }</p>
            if let Some(s) = &lint.suggestion {
                <p class="suggestion">
                    { "Suggestion: " }
                    if s.is_empty() { <em>{ "delete it" }</em> } else { <q>{ s.clone() }</q> }
                </p>
            }
            <p class="source">{ "Source: " }{ lint.source.clone() }</p>
            <div class="finding-actions">
                if let Some(s) = &lint.suggestion {
                    <button
                        type="button"
                        class="apply"
                        aria-label={format!("Apply suggestion: replace “{}” with “{}”", lint.text, s)}
                        {onclick}
                    >
                        { "Apply suggestion" }
                    </button>
                }
                <button
                    type="button"
                    class="dismiss secondary"
                    aria-label={format!("Dismiss: stop flagging “{}” as {}", lint.text, words(&rule))}
                    onclick={on_dismiss}
                >
                    { "Dismiss" }
                </button>
            </div>
        </li>
    }
}
