//! Invariants every fuzz target checks on what tact-core returns: a violated one is a crash.

use tact_core::{ComplaintReport, Document, ReplyReport, Span};

/// Text from fuzzer bytes: the bytes themselves when they are UTF-8, else a lossy decoding
/// (so that every input reaches the engine).
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

fn span_ok(text: &str, span: Span, what: &str, claimed: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    let slice = text
        .get(span.start..span.end)
        .unwrap_or_else(|| panic!("{what}: span {span:?} is off the char boundaries"));
    assert_eq!(slice, claimed, "{what}: text differs from its slice");
}

fn prob_ok(p: f32, what: &str) {
    assert!(p.is_finite() && (0.0..=1.0).contains(&p), "{what}: {p}");
}

/// The contract of a complaint report over `text`.
pub fn check_complaint(text: &str, r: &ComplaintReport) {
    assert!(r.urgency.score <= 100);
    let (lo, hi) = r.urgency.level.band();
    assert!(
        (lo..=hi).contains(&r.urgency.score),
        "score outside its band"
    );
    let mut sum = 0.0;
    for p in r.urgency.probabilities.values() {
        prob_ok(*p, "urgency probability");
        sum += p;
    }
    assert!(
        (sum - 1.0).abs() < 1e-3,
        "urgency probabilities sum to {sum}"
    );
    let mut sum = 0.0;
    for p in r.persona.scores.values() {
        prob_ok(*p, "persona score");
        sum += p;
    }
    assert!((sum - 1.0).abs() < 1e-3, "persona scores sum to {sum}");
    prob_ok(r.persona.confidence, "persona confidence");
    for c in r.urgency.cues.iter().chain(&r.persona.cues) {
        span_ok(text, c.span, "cue", &c.text);
        assert!(c.weight.is_finite(), "cue weight {}", c.weight);
    }
    let doc = Document::new(text);
    for s in tact_core::detect_signals(&doc) {
        span_ok(text, s.span, "signal", s.span.slice(text));
    }
    for t in doc.tokens() {
        span_ok(text, t.span, "token", t.span.slice(text));
    }
}

/// The contract of a reply report over `reply`.
pub fn check_reply(reply: &str, r: &ReplyReport) {
    prob_ok(r.score, "verdict score");
    prob_ok(r.model_score, "model score");
    for l in &r.lints {
        span_ok(reply, l.span, "lint", &l.text);
        if l.suggestion.is_some() {
            assert!(
                l.apply(reply).is_some(),
                "a suggestion that cannot be applied: {l:?}"
            );
        }
    }
}
