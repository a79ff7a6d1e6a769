//! Custom hooks.

pub mod use_debounce;
