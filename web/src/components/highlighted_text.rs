//! A text re-rendered with marked spans: `<mark>` elements with a class and a title.

use tact_core::Span;
use yew::prelude::*;

use crate::highlight::runs;

/// One span to mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Byte span in the text.
    pub span: Span,
    /// CSS classes of the `<mark>`.
    pub class: &'static str,
    /// Shown on hover: why it is marked.
    pub title: String,
}

#[derive(PartialEq, Properties)]
pub struct HighlightedTextProps {
    /// The text the spans were computed on.
    pub text: AttrValue,
    /// Marks, most important first: where marks overlap, the first one's class wins and all
    /// their titles are shown.
    pub marks: Vec<Mark>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// What this block is, for screen readers.
    pub label: AttrValue,
    /// Marks take keyboard focus and show their reason while focused or hovered (not only
    /// in the `title` tooltip, which keyboards never reach).
    #[prop_or_default]
    pub focusable: bool,
}

#[component(HighlightedText)]
pub fn highlighted_text(props: &HighlightedTextProps) -> Html {
    let text: &str = &props.text;
    let spans: Vec<Span> = props.marks.iter().map(|m| m.span).collect();
    html! {
        <div class="highlighted" id={props.id.clone()} role="group" aria-label={props.label.clone()}>
            { for runs(text, &spans).into_iter().map(|run| {
                let slice = text.get(run.range.clone()).unwrap_or_default().to_string();
                match run.covering.first().and_then(|&i| props.marks.get(i)) {
                    None => html! { { slice } },
                    Some(first) => {
                        let mut titles: Vec<&str> = Vec::new();
                        for m in run.covering.iter().filter_map(|&i| props.marks.get(i)) {
                            if !titles.contains(&m.title.as_str()) {
                                titles.push(&m.title);
                            }
                        }
                        let why = titles.join("\n");
                        if props.focusable {
                            html! {
                                <mark class={first.class} tabindex="0" title={why.clone()} data-why={why.clone()} aria-description={why}>
                                    { slice }
                                </mark>
                            }
                        } else {
                            html! { <mark class={first.class} title={why}>{ slice }</mark> }
                        }
                    }
                }
            }) }
        </div>
    }
}
