//! `Engine::check_with` on an arbitrary reply, complaint and settings. Settings come both as
//! raw JSON for `CheckConfig::from_json` (the wasm API's parser) and as a structured config
//! built from the rules and from the reply's own findings, so that dismissals and allowed
//! phrases really match something.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use tact_core::{CheckConfig, Dismissal, Engine, RuleId, Strictness};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    reply: &'a str,
    complaint: Option<&'a str>,
    json: &'a str,
    strictness: u8,
    disabled: Vec<u8>,
    allow: Vec<&'a str>,
    /// Findings of the unconfigured check to dismiss (by index).
    dismiss: Vec<u8>,
    /// Findings of the unconfigured check whose text becomes an allowed phrase (by index).
    allow_found: Vec<u8>,
}

fuzz_target!(|input: Input<'_>| {
    let Ok(engine) = Engine::embedded() else {
        panic!("the embedded models do not load");
    };
    let reply = input.reply;
    if let Ok(cfg) = CheckConfig::from_json(input.json) {
        let r = engine.check_with(reply, input.complaint, &cfg);
        tact_fuzz::check_reply(reply, &r);
    }
    let plain = engine.check(reply, input.complaint);
    tact_fuzz::check_reply(reply, &plain);

    let ids: Vec<RuleId> = tact_core::all_rules().iter().map(|r| r.id()).collect();
    let mut cfg = CheckConfig {
        strictness: match input.strictness % 3 {
            0 => Strictness::Strict,
            1 => Strictness::Standard,
            _ => Strictness::Relaxed,
        },
        disabled: input
            .disabled
            .iter()
            .filter_map(|i| ids.get(usize::from(*i) % ids.len().max(1)).copied())
            .collect(),
        allow: input.allow.iter().map(|s| s.to_string()).collect(),
        dismissed: Vec::new(),
    };
    let n = plain.lints.len();
    if n > 0 {
        for i in &input.dismiss {
            let l = &plain.lints[usize::from(*i) % n];
            cfg.dismissed.push(Dismissal {
                rule: l.rule,
                text: l.text.clone(),
            });
        }
        for i in &input.allow_found {
            cfg.allow
                .push(plain.lints[usize::from(*i) % n].text.clone());
        }
    }
    let r = engine.check_with(reply, input.complaint, &cfg);
    tact_fuzz::check_reply(reply, &r);
    for l in &r.lints {
        assert!(
            !cfg.disabled.contains(&l.rule),
            "a disabled rule reported {l:?}"
        );
        assert!(
            !cfg.dismissed
                .iter()
                .any(|d| d.rule == l.rule && d.text == l.text),
            "a dismissed finding came back: {l:?}"
        );
    }
    // The structured config survives a round trip through the wasm API's JSON parser.
    if let Ok(json) = serde_json::to_string(&cfg) {
        let back = CheckConfig::from_json(&json);
        assert_eq!(back.ok().as_ref(), Some(&cfg), "config JSON round trip");
    }
});
