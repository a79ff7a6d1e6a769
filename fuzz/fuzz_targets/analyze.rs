//! `Engine::analyze` on arbitrary text: never panics, and every report keeps its contract.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tact_core::Engine;

fuzz_target!(|data: &[u8]| {
    let Ok(engine) = Engine::embedded() else {
        panic!("the embedded models do not load");
    };
    let text = tact_fuzz::text(data);
    let report = engine.analyze(&text);
    tact_fuzz::check_complaint(&text, &report);
});
