//! The page: a header with a table of contents, the engine error when there is one, and the
//! four panels: triage and reply side by side, then the queue and the models.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::complaint_panel::ComplaintPanel;
use crate::components::engine_error::EngineError;
use crate::components::models_panel::ModelsPanel;
use crate::components::queue_panel::QueuePanel;
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
    let on_strictness = make_callback(&state, Action::SetStrictness);
    let on_dismiss = make_callback(&state, Action::Dismiss);
    let on_restore = make_callback(&state, |()| Action::RestoreDismissed);
    let on_reset = make_callback(&state, |()| Action::ResetModels);
    let on_model = make_callback(&state, |(engine, task, file)| Action::ModelLoaded {
        engine,
        task,
        file,
    });

    html! {
        <>
            <header class="masthead">
                <h1>{ "tact" }</h1>
                <p class="tagline">
                    { "Triage customer complaints and check reply drafts for passive-aggressive wording. " }
                    { "Everything runs in this page: nothing you type or open is sent anywhere." }
                </p>
                <nav class="toc" aria-label="Panels">
                    <a href="#triage">{ "Triage" }</a>
                    <a href="#reply">{ "Reply" }</a>
                    <a href="#queue">{ "Queue" }</a>
                    <a href="#models">{ "Models" }</a>
                </nav>
            </header>
            if let EngineStatus::Failed(reason) = &state.engine {
                <EngineError reason={reason.clone()} />
            }
            <main>
                <div class="panels">
                    <ComplaintPanel engine={state.engine.clone()} text={state.complaint.clone()} on_change={on_complaint} />
                    <ReplyPanel
                        engine={state.engine.clone()}
                        text={state.reply.clone()}
                        complaint={state.complaint.clone()}
                        answers_complaint={state.reply_answers_complaint}
                        config={state.check_config()}
                        on_change={on_reply}
                        on_answers_change={on_answers}
                        {on_strictness}
                        {on_dismiss}
                        {on_restore}
                    />
                </div>
                <QueuePanel engine={state.engine.clone()} />
                <ModelsPanel engine={state.engine.clone()} origins={state.origins.clone()} {on_model} {on_reset} />
            </main>
        </>
    }
}
