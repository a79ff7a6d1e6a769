//! `Engine::check_with` on an arbitrary reply, complaint and settings. A mode, taken from the
//! strictness byte, picks where the settings come from, so that each input costs one check
//! (two in the last mode): raw JSON for `CheckConfig::from_json` (the wasm API's parser); a
//! structured config of strictness, disabled rules and allowed phrases; or dismissals and
//! allowed phrases taken from the reply's own findings in an unconfigured check, so that they
//! really match something.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use tact_core::{CheckConfig, Dismissal, Engine, RuleId, Strictness};

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    reply: &'a str,
    complaint: Option<&'a str>,
    json: &'a str,
    /// `% 3` the strictness, `/ 3 % 3` the mode (one byte, so the seeds keep their layout).
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
    let mode = input.strictness / 3 % 3;
    if mode == 0 {
        if let Ok(cfg) = CheckConfig::from_json(input.json) {
            let r = engine.check_with(reply, input.complaint, &cfg);
            tact_fuzz::check_reply(reply, &r);
            obeys(&cfg, &r);
        } else {
            tact_fuzz::check_reply(reply, &engine.check(reply, input.complaint));
        }
        return;
    }
    let ids = RuleId::ALL;
    let mut cfg = CheckConfig {
        strictness: match input.strictness % 3 {
            0 => Strictness::Strict,
            1 => Strictness::Standard,
            _ => Strictness::Relaxed,
        },
        disabled: input
            .disabled
            .iter()
            .map(|i| ids[usize::from(*i) % ids.len()])
            .collect(),
        allow: input.allow.iter().map(|s| s.to_string()).collect(),
        dismissed: Vec::new(),
    };
    if mode == 2 {
        let plain = engine.check(reply, input.complaint);
        tact_fuzz::check_reply(reply, &plain);
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
    }
    let r = engine.check_with(reply, input.complaint, &cfg);
    tact_fuzz::check_reply(reply, &r);
    obeys(&cfg, &r);
    // The structured config survives a round trip through the wasm API's JSON parser.
    if let Ok(json) = serde_json::to_string(&cfg) {
        let back = CheckConfig::from_json(&json);
        assert_eq!(back.ok().as_ref(), Some(&cfg), "config JSON round trip");
    }
});

/// No disabled rule reports, and no dismissed finding comes back.
fn obeys(cfg: &CheckConfig, r: &tact_core::ReplyReport) {
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
}
