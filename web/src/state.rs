//! The page's state: the engine once loaded, the two texts, and whether the reply answers the
//! complaint. Changed only through [`Action`]s.

use std::rc::Rc;

use tact_core::Engine;
use yew::prelude::*;

/// The loaded engine. Compared by address: a page has exactly one.
#[derive(Debug, Clone, Copy)]
pub struct EngineRef(pub &'static Engine);

impl PartialEq for EngineRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Where loading the models stands.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineStatus {
    /// Not parsed yet (it happens right after the first paint).
    Loading,
    /// Ready to score.
    Ready(EngineRef),
    /// The embedded models could not be loaded; the reason, for the page.
    Failed(AttrValue),
}

impl EngineStatus {
    /// Parse the embedded models (once per page; later calls are free).
    pub fn load() -> EngineStatus {
        match Engine::embedded() {
            Ok(engine) => EngineStatus::Ready(EngineRef(engine)),
            Err(e) => EngineStatus::Failed(e.to_string().into()),
        }
    }

    /// The engine, when it is ready.
    pub fn engine(&self) -> Option<&'static Engine> {
        match self {
            EngineStatus::Ready(e) => Some(e.0),
            _ => None,
        }
    }
}

/// Everything the page shows derives from this.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The models.
    pub engine: EngineStatus,
    /// The complaint in panel (a).
    pub complaint: AttrValue,
    /// The reply draft in panel (b).
    pub reply: AttrValue,
    /// Check the reply as an answer to the complaint in panel (a).
    pub reply_answers_complaint: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            engine: EngineStatus::Loading,
            complaint: AttrValue::default(),
            reply: AttrValue::default(),
            reply_answers_complaint: true,
        }
    }
}

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// The models finished loading (or failed to).
    EngineLoaded(EngineStatus),
    /// The complaint text changed.
    SetComplaint(String),
    /// The reply draft changed (typing, or a suggestion applied).
    SetReply(String),
    /// The "answers the complaint" box was ticked or unticked.
    SetReplyAnswersComplaint(bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::EngineLoaded(status) => next.engine = status,
            Action::SetComplaint(text) => next.complaint = text.into(),
            Action::SetReply(text) => next.reply = text.into(),
            Action::SetReplyAnswersComplaint(on) => next.reply_answers_complaint = on,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> Rc<State> {
        Rc::new(state).reduce(action)
    }

    #[test]
    fn texts_and_flag_change_through_actions() {
        let s = reduce(
            State::default(),
            Action::SetComplaint("Card stolen!".into()),
        );
        assert_eq!(s.complaint, "Card stolen!");
        let s = Rc::clone(&s).reduce(Action::SetReply("Sorry.".into()));
        assert_eq!(s.reply, "Sorry.");
        let s = Rc::clone(&s).reduce(Action::SetReplyAnswersComplaint(false));
        assert!(!s.reply_answers_complaint);
        assert_eq!(s.engine, EngineStatus::Loading);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = Rc::new(State::default());
        let same = Rc::clone(&s).reduce(Action::SetReply(String::new()));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn a_failed_load_is_kept_with_its_reason() {
        let s = reduce(
            State::default(),
            Action::EngineLoaded(EngineStatus::Failed("no model".into())),
        );
        assert_eq!(s.engine, EngineStatus::Failed("no model".into()));
        assert!(s.engine.engine().is_none());
    }
}
