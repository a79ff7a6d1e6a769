//! A labelled textarea that reports every edit.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct TextInputProps {
    /// Element id of the textarea (its label points at it).
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// A line of help under the label, read out with the field.
    #[prop_or_default]
    pub hint: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the whole new text on every edit.
    pub on_change: Callback<String>,
    #[prop_or(6)]
    pub rows: u32,
    /// Lets the parent move focus here.
    #[prop_or_default]
    pub node_ref: NodeRef,
}

#[component(TextInput)]
pub fn text_input(props: &TextInputProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_change.emit(area.value());
            }
        }
    };
    let hint_id = format!("{}-hint", props.id);
    let has_hint = !props.hint.is_empty();
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if has_hint {
                <p class="hint" id={hint_id.clone()}>{ props.hint.clone() }</p>
            }
            <textarea
                id={props.id.clone()}
                ref={props.node_ref.clone()}
                rows={props.rows.to_string()}
                placeholder={props.placeholder.clone()}
                aria-describedby={has_hint.then_some(hint_id)}
                spellcheck="true"
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}
