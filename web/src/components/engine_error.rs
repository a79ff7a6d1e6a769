//! The banner shown when the embedded models cannot be loaded.

use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct EngineErrorProps {
    /// Why loading failed, from tact-core.
    pub reason: AttrValue,
}

#[component(EngineError)]
pub fn engine_error(props: &EngineErrorProps) -> Html {
    html! {
        <div class="engine-error" id="engine-error" role="alert">
            <strong>{ "The tact models could not be loaded, so nothing can be scored." }</strong>
            <p>{ props.reason.clone() }</p>
            <p class="muted">{ "This is a build problem, not something you typed: rebuild the app with trained models (scripts/build-web)." }</p>
        </div>
    }
}
