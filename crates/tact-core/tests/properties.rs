//! Properties of every report, over realistic and odd text: reply phrases from the rules'
//! tests, complaint fragments, emoji, combining marks, right-to-left scripts, zero-width
//! characters, curly quotes, NUL bytes and arbitrary Unicode, glued in any order.
//!
//! - every span (cue, lint, signal, token) lies on char boundaries and its text is the slice;
//! - applying a lint's suggestion gives text where that rule no longer flags that place;
//! - scores are finite and in range (urgency 0..=100 within its level's band, probabilities
//!   summing to 1, verdict score 0..=1);
//! - analyze and check are deterministic, and an engine built from the model files gives the
//!   same reports as the embedded one.
//!
//! 256 cases per property by default (`PROPTEST_CASES=10000 cargo test -p tact-core --test
//! properties` for a longer run).
#![cfg(feature = "embedded-models")]

use proptest::prelude::*;
use proptest::sample::select;
use tact_core::{Document, Engine, Model, Span, Task};

/// Reply phrases the rules' own tests flag, and look-alikes they must not.
const PHRASES: &[&str] = &[
    "I'm sorry you feel that way.",
    "We're sorry that you are having this problem.",
    "Is there anything else wrong?",
    "Anything else you'd like to complain about?",
    "As I already explained, the refund takes 5 days.",
    "As clearly stated in our terms, fees apply.",
    "According to our records you cancelled the booking yourself.",
    "Apple hasn't approved our fix yet, so it's out of our hands.",
    "Congratulations on finally reading the email.",
    "Don't panic! It was a display glitch.",
    "Honestly, it's not the end of the world.",
    "Hopefully you'll be more careful with trades in the future.",
    "I'll pass this on.",
    "I'm sure you understand our position.",
    "I\u{2019}m afraid that\u{2019}s simply the way our billing works.",
    "I\u{2019}m sure you\u{2019}ll figure it out.",
    "If you had requested it earlier, you would have it by now.",
    "It looks like you didn't read the terms.",
    "It'll be back in stock in a few days for sure.",
    "It's just a small delay.",
    "Next time, please make sure to check the deadlines.",
    "Nothing like this will EVER happen again at any of our restaurants.",
    "I'm transferring you to our Collections department now.",
    "Per my last email, obviously the form is required.",
    "HAS BEEN ESCALATED",
    "Thank you for your patience.",
    "We apologise for the delay. I've refunded the fee and the parcel arrives Thursday.",
    "Sorry about the double charge: the refund is on its way.",
    "How else can I help you today?",
    "Is there anything else I can help with?",
];

/// Complaint fragments.
const COMPLAINTS: &[&str] = &[
    "My card was stolen and someone is spending money right now!",
    "Where is my refund??",
    "This is the third time I'm writing.",
    "I need the money back before rent is due on Friday.",
    "We moved our whole team of forty people onto your platform.",
    "If this is not fixed by the end of the week we will cancel.",
    "The site has been down for all our users since 9am",
    "no rush, just a small typo on the invoice",
    "I WANT A MANAGER. NOW.",
];

/// Odd pieces: emoji (with modifiers and joiners), combining marks, right-to-left scripts and
/// controls, zero-width characters, curly quotes, NUL, other scripts, stray punctuation.
const ODD: &[&str] = &[
    "😀",
    "👩\u{200D}💻",
    "👍🏽",
    "🇬🇧",
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{301}",
    "مرحبا، طلبي متأخر",
    "שלום",
    "\u{202E}",
    "\u{202C}",
    "\u{200F}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{2060}",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "\u{2014}",
    "\u{2026}",
    "\0",
    "注文が遅い",
    "Заказ опаздывает",
    "ﬁx",
    "Ｆｕｌｌ",
    "!!!",
    "???",
    "'",
    "\"",
    "#88123",
    "$64.20",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{3000}",
];

const GLUE: &[&str] = &["", " ", "  ", "\n", ", ", ". ", "\u{200B}", "\u{A0}"];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(PHRASES).prop_map(String::from),
        2 => select(COMPLAINTS).prop_map(String::from),
        1 => select(PHRASES).prop_map(|p| p.to_uppercase()),
        1 => select(PHRASES).prop_map(|p| p.to_lowercase().replace('\'', "\u{2019}")),
        1 => (select(PHRASES), any::<prop::sample::Index>()).prop_map(|(p, i)| {
            // A phrase cut at any char boundary.
            let cuts: Vec<usize> = p.char_indices().map(|(b, _)| b).collect();
            p[..cuts[i.index(cuts.len())]].to_string()
        }),
        4 => select(ODD).prop_map(String::from),
        2 => "\\PC{0,12}",
        1 => any::<String>(),
    ]
}

/// Realistic, odd text: up to 12 pieces glued together.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), select(GLUE)), 0..12)
        .prop_map(|parts| parts.into_iter().map(|(p, g)| format!("{p}{g}")).collect())
}

fn engine() -> &'static Engine {
    match Engine::embedded() {
        Ok(e) => e,
        Err(e) => panic!("the embedded models do not load: {e}"),
    }
}

/// An engine built from the model files rather than the embedded bytes.
fn engine_from_files() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| {
        let load = |bytes: &[u8], task| match Model::from_bytes_for(bytes, task) {
            Ok(m) => m,
            Err(e) => panic!("{task} model: {e}"),
        };
        let e = Engine::new(
            load(
                include_bytes!("../../../models/urgency.tactmodel"),
                Task::Urgency,
            ),
            load(
                include_bytes!("../../../models/persona.tactmodel"),
                Task::Persona,
            ),
            load(include_bytes!("../../../models/tone.tactmodel"), Task::Tone),
        );
        match e {
            Ok(e) => e,
            Err(e) => panic!("engine: {e}"),
        }
    })
}

fn assert_span(text: &str, span: Span, claimed: &str, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not on char boundaries of {text:?}"
    );
    prop_assert_eq!(&text[span.start..span.end], claimed, "{} text", what);
    Ok(())
}

fn assert_prob(p: f32, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(p.is_finite() && (0.0..=1.0).contains(&p), "{what} = {p}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_span_is_on_char_boundaries_and_its_text_is_the_slice(t in text(), c in text()) {
        let e = engine();
        let r = e.analyze(&t);
        for cue in r.urgency.cues.iter().chain(&r.persona.cues) {
            assert_span(&t, cue.span, &cue.text, "cue")?;
        }
        let doc = Document::new(&t);
        for tok in doc.tokens() {
            prop_assert!(!tok.span.is_empty(), "empty token {:?}", tok);
            assert_span(&t, tok.span, tok.span.slice(&t), "token")?;
        }
        for s in tact_core::detect_signals(&doc) {
            assert_span(&t, s.span, s.span.slice(&t), "signal")?;
        }
        for complaint in [None, Some(c.as_str())] {
            let rr = e.check(&t, complaint);
            for l in &rr.lints {
                assert_span(&t, l.span, &l.text, "lint")?;
            }
            prop_assert!(
                rr.lints.windows(2).all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)),
                "lints are not in text order"
            );
        }
    }

    #[test]
    fn a_suggestion_applies_and_its_rule_no_longer_flags_that_place(t in text()) {
        let e = engine();
        let r = e.check(&t, None);
        for l in r.lints.iter().filter(|l| l.suggestion.is_some()) {
            let fixed = l.apply(&t);
            prop_assert!(fixed.is_some(), "the suggestion of {:?} does not apply", l);
            let fixed = fixed.unwrap_or_default();
            let s = l.suggestion.as_deref().unwrap_or_default();
            prop_assert_eq!(&fixed[l.span.start..l.span.start + s.len()], s);
            // The replaced place: the suggestion's bytes, or the point where the span was
            // deleted.
            let place = Span::new(l.span.start, l.span.start + s.len());
            // The same finding (rule and message) must be gone from that place; another
            // finding of the same rule may surface there (a phrase that was shouted is
            // still the phrase once in normal case).
            let again = e.check(&fixed, None);
            for m in again.lints.iter().filter(|m| m.rule == l.rule && m.message == l.message) {
                let there = if place.is_empty() {
                    m.span.start == place.start && m.text == l.text
                } else {
                    m.span.overlaps(&place)
                };
                prop_assert!(
                    !there,
                    "{} still flags {:?} after applying {:?} -> {:?} in {:?}",
                    l.rule, m.text, l.text, s, fixed
                );
            }
        }
    }

    #[test]
    fn scores_are_finite_and_in_range(t in text(), c in text(), strict in 0u8..3) {
        let e = engine();
        let r = e.analyze(&t);
        prop_assert!(r.urgency.score <= 100);
        let (lo, hi) = r.urgency.level.band();
        prop_assert!((lo..=hi).contains(&r.urgency.score), "score {} outside {:?}", r.urgency.score, (lo, hi));
        prop_assert_eq!(r.urgency.probabilities.len(), 4);
        prop_assert_eq!(r.persona.scores.len(), 6);
        let mut sum = 0.0;
        for p in r.urgency.probabilities.values() {
            assert_prob(*p, "urgency probability")?;
            sum += p;
        }
        prop_assert!((sum - 1.0).abs() < 1e-4, "urgency probabilities sum to {}", sum);
        let mut sum = 0.0;
        for p in r.persona.scores.values() {
            assert_prob(*p, "persona score")?;
            sum += p;
        }
        prop_assert!((sum - 1.0).abs() < 1e-4, "persona scores sum to {}", sum);
        assert_prob(r.persona.confidence, "persona confidence")?;
        prop_assert_eq!(Some(&r.persona.confidence), r.persona.scores.get(&r.persona.label));
        for cue in r.urgency.cues.iter().chain(&r.persona.cues) {
            prop_assert!(cue.weight.is_finite(), "cue weight {}", cue.weight);
        }
        let cfg = tact_core::CheckConfig {
            strictness: [tact_core::Strictness::Strict, tact_core::Strictness::Standard, tact_core::Strictness::Relaxed][usize::from(strict)],
            ..Default::default()
        };
        let rr = e.check_with(&t, Some(&c), &cfg);
        assert_prob(rr.score, "verdict score")?;
        assert_prob(rr.model_score, "model score")?;
        prop_assert!(rr.score + 1e-6 >= rr.model_score, "the rules lowered the score");
        prop_assert_eq!(rr.passive_aggressive, rr.score >= cfg.strictness.threshold());
    }

    #[test]
    fn analyze_and_check_are_deterministic(t in text(), c in text()) {
        let (a, b) = (engine(), engine_from_files());
        let first = a.analyze(&t);
        prop_assert_eq!(&first, &a.analyze(&t));
        prop_assert_eq!(&first, &b.analyze(&t));
        let first = a.check(&t, Some(&c));
        prop_assert_eq!(&first, &a.check(&t, Some(&c)));
        prop_assert_eq!(&first, &b.check(&t, Some(&c)));
        // Same text, a fresh copy in another allocation: nothing depends on addresses.
        let copy = t.clone();
        prop_assert_eq!(&first, &a.check(&copy, Some(&c)));
    }
}

/// The strategy really produces the odd text the properties are about.
#[test]
fn the_text_strategy_covers_odd_text() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = text();
    let mut seen = [false; 5];
    for _ in 0..2000 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let t = tree.current();
        seen[0] |= t.chars().any(|c| ('\u{1F300}'..='\u{1FAFF}').contains(&c));
        seen[1] |= t.contains('\u{301}');
        seen[2] |= t.contains('\u{200B}');
        seen[3] |= t.chars().any(|c| ('\u{0590}'..='\u{06FF}').contains(&c));
        seen[4] |= PHRASES.iter().any(|p| t.contains(p));
    }
    assert_eq!(
        seen, [true; 5],
        "emoji, combining, zero-width, RTL, phrases"
    );
}

/// Found by the suggestion property: words of scripts without case (Arabic, Hebrew, CJK)
/// counted as written in capitals, so the sarcasm rule called them shouting and suggested
/// the same words "in normal case".
#[test]
fn caseless_scripts_are_not_shouting() {
    for t in [
        "مرحبا، طلبي متأخر",
        "שלום עולם",
        "注文が遅い 注文",
        "WHERE IS MY ORDER مرحبا",
    ] {
        let doc = Document::new(t);
        for tok in doc.tokens() {
            let caseless = tok.span.slice(t).chars().all(|c| !c.is_uppercase());
            assert!(
                !(caseless && tok.upper),
                "{:?} counted as capitals",
                tok.span.slice(t)
            );
        }
        let r = engine().check(t, None);
        assert!(
            r.lints
                .iter()
                .all(|l| l.text.chars().any(char::is_uppercase)),
            "{t:?}: {:?}",
            r.lints
        );
    }
    // Latin capitals still shout.
    let r = engine().check("WHERE IS YOUR ORDER NUMBER", None);
    assert!(r.lints.iter().any(|l| l.rule == tact_core::RuleId::Sarcasm));
}
