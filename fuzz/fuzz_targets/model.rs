//! `Model::from_bytes` on arbitrary bytes. The first byte picks the mode: odd, the rest is
//! read as a whole file (header, checksum and all); even, the rest is a payload that gets a
//! valid header and checksum, so the fuzzer reaches the postcard decoding and the validation
//! behind the checksum. A model that loads must also work: an engine takes it or refuses it
//! with an error, and analysing and checking with it keeps the report contracts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tact_core::{Engine, Model, FORMAT_VERSION, MAGIC};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let file;
    let bytes = if mode % 2 == 1 {
        rest
    } else {
        let mut f = Vec::with_capacity(28 + rest.len());
        f.extend_from_slice(MAGIC);
        f.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        f.extend_from_slice(&(rest.len() as u64).to_le_bytes());
        f.extend_from_slice(&tact_core::checksum(rest).to_le_bytes());
        f.extend_from_slice(rest);
        file = f;
        &file
    };
    let Ok(model) = Model::from_bytes(bytes) else {
        return;
    };
    // What loads re-serialises and loads back to the same model.
    let again = model
        .to_bytes()
        .ok()
        .and_then(|b| Model::from_bytes(&b).ok());
    assert!(again.is_some(), "a loaded model does not round-trip");
    let Ok(base) = Engine::embedded() else {
        panic!("the embedded models do not load");
    };
    if let Ok(engine) = base.with_model(model) {
        let complaint = "My card was stolen and someone is spending money right now!";
        tact_fuzz::check_complaint(complaint, &engine.analyze(complaint));
        let reply = "We're sorry that you are having this problem. Is there anything else wrong?";
        tact_fuzz::check_reply(reply, &engine.check(reply, Some(complaint)));
    }
});
