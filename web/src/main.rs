//! tact in the browser: a yew app that triages complaints and checks reply drafts by calling
//! tact-core directly, with nothing sent anywhere.
//!
//! Built for wasm32 by `scripts/build-web`. On other targets the crate only compiles (so the
//! workspace-wide clippy and test runs cover it) and its pure parts are unit-tested.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod app;
mod components;
mod highlight;
mod hooks;
mod queue;
mod state;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::set_custom_panic_hook(Box::new(console_error_panic_hook::hook));
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tact-web runs in a browser: build it with scripts/build-web and serve it with `tact serve`.");
    std::process::exit(2);
}
