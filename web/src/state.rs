//! The page's state: the engine (embedded defaults or models loaded from files), the two texts,
//! the reply checker's settings, and whether the reply answers the complaint. Changed only
//! through [`Action`]s.

use std::rc::Rc;

use tact_core::{CheckConfig, Dismissal, Engine, Strictness, Task};
use yew::prelude::*;

/// The engine in use. Compared by address: a new engine (a model loaded, or the defaults
/// restored) is a new value, so everything scored with the old one is scored again.
#[derive(Debug, Clone)]
pub struct EngineRef(pub Rc<Engine>);

impl PartialEq for EngineRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
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
            Ok(engine) => EngineStatus::Ready(EngineRef(Rc::new(engine.clone()))),
            Err(e) => EngineStatus::Failed(e.to_string().into()),
        }
    }

    /// The engine, when it is ready.
    pub fn engine(&self) -> Option<&Engine> {
        match self {
            EngineStatus::Ready(e) => Some(&e.0),
            _ => None,
        }
    }
}

/// Where the model for one task came from.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelOrigin {
    /// Built into the page.
    Embedded,
    /// Loaded from this file.
    File(AttrValue),
}

/// Everything the page shows derives from this.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The models.
    pub engine: EngineStatus,
    /// Where each task's model came from: urgency, persona, tone.
    pub origins: [ModelOrigin; 3],
    /// The complaint in the triage panel.
    pub complaint: AttrValue,
    /// The reply draft in the reply panel.
    pub reply: AttrValue,
    /// Check the reply as an answer to the complaint in the triage panel.
    pub reply_answers_complaint: bool,
    /// How much the reply checker shows.
    pub strictness: Strictness,
    /// Findings the agent dismissed, in order.
    pub dismissed: Vec<Dismissal>,
}

impl Default for State {
    fn default() -> Self {
        State {
            engine: EngineStatus::Loading,
            origins: [
                ModelOrigin::Embedded,
                ModelOrigin::Embedded,
                ModelOrigin::Embedded,
            ],
            complaint: AttrValue::default(),
            reply: AttrValue::default(),
            reply_answers_complaint: true,
            strictness: Strictness::default(),
            dismissed: Vec::new(),
        }
    }
}

/// Position of a task in [`State::origins`].
pub fn task_index(task: Task) -> usize {
    match task {
        Task::Urgency => 0,
        Task::Persona => 1,
        Task::Tone => 2,
    }
}

impl State {
    /// The reply checker's settings.
    pub fn check_config(&self) -> CheckConfig {
        CheckConfig {
            strictness: self.strictness,
            dismissed: self.dismissed.clone(),
            ..CheckConfig::default()
        }
    }
}

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// The models finished loading (or failed to).
    EngineLoaded(EngineStatus),
    /// A model file replaced the model for its task: the new engine and the file's name.
    ModelLoaded {
        /// The engine with the new model.
        engine: Rc<Engine>,
        /// The task the model is for.
        task: Task,
        /// The file it came from.
        file: String,
    },
    /// Back to the embedded models for every task.
    ResetModels,
    /// The complaint text changed.
    SetComplaint(String),
    /// The reply draft changed (typing, or a suggestion applied).
    SetReply(String),
    /// The "answers the complaint" box was ticked or unticked.
    SetReplyAnswersComplaint(bool),
    /// The strictness switch moved.
    SetStrictness(Strictness),
    /// One finding dismissed.
    Dismiss(Dismissal),
    /// Every dismissed finding shown again.
    RestoreDismissed,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::EngineLoaded(status) => next.engine = status,
            Action::ModelLoaded { engine, task, file } => {
                next.engine = EngineStatus::Ready(EngineRef(engine));
                next.origins[task_index(task)] = ModelOrigin::File(file.into());
            }
            Action::ResetModels => {
                next.engine = EngineStatus::load();
                next.origins = State::default().origins;
            }
            Action::SetComplaint(text) => next.complaint = text.into(),
            Action::SetReply(text) => next.reply = text.into(),
            Action::SetReplyAnswersComplaint(on) => next.reply_answers_complaint = on,
            Action::SetStrictness(s) => next.strictness = s,
            Action::Dismiss(d) => {
                if !next.dismissed.contains(&d) {
                    next.dismissed.push(d);
                }
            }
            Action::RestoreDismissed => next.dismissed.clear(),
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
    use tact_core::RuleId;

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

    #[test]
    fn dismissals_reach_the_check_config_once_and_can_be_restored() {
        let d = Dismissal {
            rule: RuleId::NonApology,
            text: "sorry that you are having".into(),
        };
        let s = reduce(State::default(), Action::Dismiss(d.clone()));
        let s = Rc::clone(&s).reduce(Action::Dismiss(d.clone()));
        assert_eq!(s.check_config().dismissed, vec![d]);
        let s = Rc::clone(&s).reduce(Action::SetStrictness(Strictness::Relaxed));
        assert_eq!(s.check_config().strictness, Strictness::Relaxed);
        let s = Rc::clone(&s).reduce(Action::RestoreDismissed);
        assert!(s.check_config().dismissed.is_empty());
    }

    #[test]
    fn a_loaded_model_is_recorded_and_reset_restores_the_defaults() {
        let engine = match EngineStatus::load() {
            EngineStatus::Ready(e) => e.0,
            other => panic!("embedded models should load: {other:?}"),
        };
        let s = reduce(
            State::default(),
            Action::ModelLoaded {
                engine: Rc::clone(&engine),
                task: Task::Persona,
                file: "mine.tactmodel".into(),
            },
        );
        assert_eq!(s.origins[1], ModelOrigin::File("mine.tactmodel".into()));
        assert_eq!(s.origins[0], ModelOrigin::Embedded);
        let s = Rc::clone(&s).reduce(Action::ResetModels);
        assert!(s.origins.iter().all(|o| *o == ModelOrigin::Embedded));
        assert!(s.engine.engine().is_some());
    }
}
