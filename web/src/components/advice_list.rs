//! How to answer: the advice for the urgency and the persona, each with its source.

use tact_core::Advice;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct AdviceListProps {
    pub advice: Vec<Advice>,
}

#[component(AdviceList)]
pub fn advice_list(props: &AdviceListProps) -> Html {
    html! {
        <ul class="advice">
            { for props.advice.iter().map(|a| html! {
                <li>
                    <span class="advice-about">{ a.about.clone() }</span>
                    <p>{ a.text.clone() }</p>
                    <p class="source">{ "Source: " }{ a.source.clone() }</p>
                </li>
            }) }
        </ul>
    }
}
