//! The page: a header, the engine error when there is one, and the two panels.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::complaint_panel::ComplaintPanel;
use crate::components::engine_error::EngineError;
use crate::components::reply_panel::ReplyPanel;
use crate::state::{Action, EngineStatus, State};

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);

    // Parse the embedded models just after the first render, so the page shows at once.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let timeout = Timeout::new(0, move || {
                dispatcher.dispatch(Action::EngineLoaded(EngineStatus::load()))
            });
            move || drop(timeout)
        });
    }

    fn make_callback<E: 'static>(
        state: &UseReducerHandle<State>,
        f: fn(E) -> Action,
    ) -> Callback<E> {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: E| dispatcher.dispatch(f(e)))
    }
    let on_complaint = make_callback(&state, Action::SetComplaint);
    let on_reply = make_callback(&state, Action::SetReply);
    let on_answers = make_callback(&state, Action::SetReplyAnswersComplaint);

    html! {
        <>
            <header class="masthead">
                <h1>{ "tact" }</h1>
                <p class="tagline">
                    { "Triage customer complaints and check reply drafts for passive-aggressive wording. " }
                    { "Everything runs in this page: nothing you type is sent anywhere." }
                </p>
            </header>
            if let EngineStatus::Failed(reason) = &state.engine {
                <EngineError reason={reason.clone()} />
            }
            <main class="panels">
                <ComplaintPanel engine={state.engine.clone()} text={state.complaint.clone()} on_change={on_complaint} />
                <ReplyPanel
                    engine={state.engine.clone()}
                    text={state.reply.clone()}
                    complaint={state.complaint.clone()}
                    answers_complaint={state.reply_answers_complaint}
                    on_change={on_reply}
                    on_answers_change={on_answers}
                />
            </main>
        </>
    }
}
