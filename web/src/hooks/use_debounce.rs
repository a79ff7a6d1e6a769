//! `use_debounce`: a value that follows another once it has stopped changing for a while.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// `value` as it was once it last stayed unchanged for `millis` milliseconds.
///
/// The first render gets `value` straight away; after that every change restarts the timer
/// (the pending timeout is dropped, which cancels it), so scoring runs once typing pauses
/// rather than on every key.
#[hook]
pub fn use_debounce<T>(value: T, millis: u32) -> T
where
    T: Clone + PartialEq + 'static,
{
    let settled = use_state_eq(|| value.clone());
    {
        let settled = settled.setter();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let timeout = Timeout::new(millis, move || settled.set(value));
            move || drop(timeout)
        });
    }
    (*settled).clone()
}
