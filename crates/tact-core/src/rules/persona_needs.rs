//! persona_needs: what the complaining customer's persona needs from the reply, when the
//! complaint is known (`draft.complaint`).
//!
//! Seed 000 step 2 and seed 003 on the personas:
//! - high roller: no excuses, get straight to the solution ("unfortunately", "due to",
//!   "our system", "policy", "we are busy");
//! - aggressive: firm politeness; don't mirror their tone (capitals, "!!"), and offer help;
//! - chronic complainer: patience, treat the issue on its merits ("again", "as before",
//!   "once more", "as we have told you" sound weary);
//! - meek: reach out and ask: an open question draws out what is wrong;
//! - barnacle: composure and objectivity, don't hand out more than the fix ("free",
//!   "complimentary", "full refund", "on us", "voucher"); involve them: "What do you think
//!   would be fair?".
//!
//! All findings are hints and never part of the verdict. The hints about what a draft lacks
//! (an offer of help, a question) stay quiet on short chat replies.

use super::{compile, phrase_lints, Draft, Lint, Pattern, Phrase, Rule, RuleId, Severity, Word};
use crate::report::PersonaLabel;
use crate::span::Span;
use crate::text::TokenKind;

/// Replies shorter than this are chat lines; the "missing" hints stay quiet on them.
const MIN_WORDS: usize = 20;

const SRC_HIGH_ROLLER: &str =
    "seed 000 step 2 (type 2); seed 003 \"The High Roller\": no excuses, get to the solution";
const SRC_AGGRESSIVE: &str =
    "seed 000 step 2 (type 1); seed 003 \"The Aggressive Customer\": firm politeness";
const SRC_CHRONIC: &str = "seed 000 step 2 (type 3); seed 003 \"The Chronic Complainer\": patience";
const SRC_MEEK: &str =
    "seed 000 step 2 (type 4); seed 003 \"The Meek Customer\": reach out and ask";
const SRC_BARNACLE: &str =
    "seed 003 \"The Barnacle\": composure and objectivity; \"What do you think would be fair?\"";

const NO_EXCUSES: &str = "No excuses to a high roller: get straight to the solution.";
const PATIENCE: &str = "Sounds weary of a repeat complaint; patience: treat this on its merits.";
const FAIR: &str = "Offers more than the fix to a barnacle; composure and objectivity; try \"What do you think would be fair?\"";

static EXCUSES: &[Phrase] = &[
    Phrase {
        pattern: "unfortunately",
        severity: Severity::Hint,
        message: NO_EXCUSES,
        suggestion: None,
    },
    Phrase {
        pattern: "due to",
        severity: Severity::Hint,
        message: NO_EXCUSES,
        suggestion: None,
    },
    Phrase {
        pattern: "our system|systems",
        severity: Severity::Hint,
        message: NO_EXCUSES,
        suggestion: None,
    },
    Phrase {
        pattern: "~policy",
        severity: Severity::Hint,
        message: NO_EXCUSES,
        suggestion: None,
    },
    Phrase {
        pattern: "we are|were *2 busy",
        severity: Severity::Hint,
        message: NO_EXCUSES,
        suggestion: None,
    },
];

static WEARY: &[Phrase] = &[
    Phrase {
        pattern: "yet|once again",
        severity: Severity::Hint,
        message: PATIENCE,
        suggestion: None,
    },
    Phrase {
        pattern: "once more",
        severity: Severity::Hint,
        message: PATIENCE,
        suggestion: None,
    },
    Phrase {
        pattern: "as before",
        severity: Severity::Hint,
        message: PATIENCE,
        suggestion: None,
    },
    Phrase {
        pattern: "as i|we have? already? told|explained|said|mentioned",
        severity: Severity::Hint,
        message: PATIENCE,
        suggestion: None,
    },
    Phrase {
        pattern: "again",
        severity: Severity::Hint,
        message: PATIENCE,
        suggestion: None,
    },
];

static EXTRAS: &[Phrase] = &[
    Phrase {
        pattern: "free",
        severity: Severity::Hint,
        message: FAIR,
        suggestion: None,
    },
    Phrase {
        pattern: "complimentary",
        severity: Severity::Hint,
        message: FAIR,
        suggestion: None,
    },
    Phrase {
        pattern: "full refund",
        severity: Severity::Hint,
        message: FAIR,
        suggestion: None,
    },
    Phrase {
        pattern: "on us",
        severity: Severity::Hint,
        message: FAIR,
        suggestion: None,
    },
    Phrase {
        pattern: "~voucher|~coupon",
        severity: Severity::Hint,
        message: FAIR,
        suggestion: None,
    },
    Phrase {
        pattern: "gift card",
        severity: Severity::Hint,
        message: FAIR,
        suggestion: None,
    },
];

/// Firm, polite offers of help for the aggressive customer.
static OFFERS: &[&str] = &[
    "i|we can|will|would|could",
    "i|we am|are happy|glad|ready",
    "let me|us",
];

/// The persona-needs rule.
#[derive(Debug)]
pub struct PersonaNeeds {
    excuses: Vec<(Pattern, &'static Phrase)>,
    weary: Vec<(Pattern, &'static Phrase)>,
    extras: Vec<(Pattern, &'static Phrase)>,
    offers: Vec<Pattern>,
}

impl Default for PersonaNeeds {
    fn default() -> Self {
        PersonaNeeds {
            excuses: compile(EXCUSES),
            weary: compile(WEARY),
            extras: compile(EXTRAS),
            offers: OFFERS
                .iter()
                .chain(super::missing_close::CLOSES)
                .map(|p| Pattern::new(p))
                .collect(),
        }
    }
}

/// The word before a match, if any.
fn before(words: &[Word], m: (usize, usize)) -> &str {
    m.0.checked_sub(1)
        .and_then(|i| words.get(i))
        .map_or("", |w| w.norm.as_str())
}

/// "sorry again", "thanks again", "try again": not weariness.
fn innocent_again(words: &[Word], m: (usize, usize)) -> bool {
    words[m.0].norm == "again"
        && matches!(
            before(words, m),
            "sorry" | "thanks" | "thank" | "apologies" | "happen" | "happens" | "work" | "works"
        )
}

/// "feel free", "toll-free", "rely on us": not a give-away.
fn innocent_extra(words: &[Word], m: (usize, usize)) -> bool {
    let prev = before(words, m);
    match words[m.0].norm.as_str() {
        "free" => matches!(prev, "feel" | "toll" | "hands" | "error" | "hassle"),
        "on" => matches!(
            prev,
            "rely" | "count" | "depend" | "call" | "focus" | "wait" | "trust" | "on"
        ),
        _ => false,
    }
}

/// An all-capitals word that reads as shouting rather than as an acronym ("NOT", "NEVER"; not
/// "DPD", "ASAP").
fn shouted(norm: &str) -> bool {
    match norm.chars().count() {
        3 => matches!(
            norm,
            "not"
                | "now"
                | "you"
                | "all"
                | "was"
                | "did"
                | "are"
                | "any"
                | "how"
                | "why"
                | "the"
                | "and"
                | "our"
                | "can"
                | "yes"
                | "too"
                | "way"
                | "own"
        ),
        n => n >= 4 && !matches!(norm, "asap" | "faqs" | "html" | "https" | "json" | "imei"),
    }
}

fn at_end(draft: &Draft<'_>, message: &str, suggestion: Option<&str>, source: &str) -> Lint {
    let end = draft.text().len();
    Lint {
        rule: RuleId::PersonaNeeds,
        span: Span::new(end, end),
        text: String::new(),
        severity: Severity::Hint,
        message: message.to_string(),
        suggestion: suggestion.map(str::to_string),
        source: source.to_string(),
    }
}

impl PersonaNeeds {
    fn aggressive(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let text = draft.text();
        let mut out: Vec<Lint> = draft
            .doc
            .tokens()
            .iter()
            .filter(|t| {
                let shout = t.kind == TokenKind::Word
                    && t.upper
                    && shouted(&t.norm);
                let bangs = t.kind == TokenKind::Punct && t.norm.matches('!').count() >= 2;
                shout || bangs
            })
            .map(|t| Lint {
                rule: RuleId::PersonaNeeds,
                span: t.span,
                text: t.span.slice(text).to_string(),
                severity: Severity::Hint,
                message: "Mirrors an aggressive customer's tone (capitals, \"!!\"): answer with firm politeness.".to_string(),
                suggestion: None,
                source: SRC_AGGRESSIVE.to_string(),
            })
            .collect();
        let offers = draft
            .sentences
            .iter()
            .any(|ws| self.offers.iter().any(|p| !p.find_all(ws).is_empty()));
        if !offers && draft.doc.word_count() >= MIN_WORDS {
            out.push(at_end(
                draft,
                "No clear offer of help for an aggressive customer: be firm and polite, e.g. \"What else may I help you with?\"",
                None,
                SRC_AGGRESSIVE,
            ));
        }
        out
    }
}

impl Rule for PersonaNeeds {
    fn id(&self) -> RuleId {
        RuleId::PersonaNeeds
    }

    fn description(&self) -> &'static str {
        "What the complaint's persona needs: no excuses to a high roller, firm politeness to an aggressive customer, patience with a chronic one, a question for a meek one, objectivity with a barnacle."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let Some(c) = draft.complaint else {
            return Vec::new();
        };
        match c.persona {
            PersonaLabel::HighRoller => {
                phrase_lints(draft, self.id(), SRC_HIGH_ROLLER, &self.excuses, |_, _| {
                    false
                })
            }
            PersonaLabel::Aggressive => self.aggressive(draft),
            PersonaLabel::Chronic => {
                phrase_lints(draft, self.id(), SRC_CHRONIC, &self.weary, innocent_again)
            }
            PersonaLabel::Meek => {
                if draft.doc.word_count() >= MIN_WORDS && !draft.text().contains('?') {
                    vec![at_end(
                        draft,
                        "A meek customer may not say everything: reach out with an open question.",
                        Some("\n\nCould you tell me a bit more about what happened?"),
                        SRC_MEEK,
                    )]
                } else {
                    Vec::new()
                }
            }
            PersonaLabel::Barnacle => {
                phrase_lints(draft, self.id(), SRC_BARNACLE, &self.extras, innocent_extra)
            }
            PersonaLabel::Moderate => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::UrgencyLevel;
    use crate::rules::ComplaintContext;

    fn check(persona: PersonaLabel, text: &str) -> Vec<Lint> {
        let ctx = ComplaintContext {
            persona,
            urgency: UrgencyLevel::Normal,
        };
        let l = PersonaNeeds::default().check(&Draft::with_complaint(text, Some(ctx)));
        for x in &l {
            assert_eq!(x.span.slice(text), x.text);
            assert_eq!(x.severity, Severity::Hint);
            assert!(!x.message.is_empty() && !x.source.is_empty());
            if let Some(applied) = x.apply(text) {
                assert!(
                    check(persona, &applied).is_empty(),
                    "applying {x:?} to {text:?} still flags"
                );
            }
        }
        l
    }

    fn flagged(persona: PersonaLabel, text: &str) -> Vec<String> {
        let mut l = check(persona, text);
        l.sort_by_key(|x| x.span.start);
        l.into_iter().map(|l| l.text).collect()
    }

    const LONG_OK: &str = "I'm sorry about that. I've refunded the order today and the money will reach your card within three days. How else can I help you today?";

    #[test]
    fn quiet_without_a_complaint_or_for_moderates() {
        let r = PersonaNeeds::default();
        assert!(r
            .check(&Draft::new("Unfortunately due to policy, FREE!!"))
            .is_empty());
        assert!(check(
            PersonaLabel::Moderate,
            "Unfortunately due to policy, FREE!!"
        )
        .is_empty());
        assert!(!RuleId::PersonaNeeds.counts_toward_verdict());
    }

    #[test]
    fn high_roller_excuses() {
        let p = PersonaLabel::HighRoller;
        assert_eq!(
            flagged(
                p,
                "Unfortunately, due to our system upgrade this is our policy."
            ),
            ["Unfortunately", "due to", "our system", "policy"]
        );
        assert_eq!(
            flagged(p, "We're very busy right now."),
            ["We're very busy"]
        );
        assert!(check(p, LONG_OK).is_empty());
    }

    #[test]
    fn aggressive_tone_and_offer() {
        let p = PersonaLabel::Aggressive;
        assert_eq!(
            flagged(p, "We did NOT lose it!! How else can I help?"),
            ["NOT", "!!"]
        );
        let no_offer = "The parcel was handed to the courier on the date shown in the confirmation email and the tracking shows it was delivered to the address.";
        let l = check(p, no_offer);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].span, Span::new(no_offer.len(), no_offer.len()));
        assert!(check(p, LONG_OK).is_empty());
        assert!(check(p, "I'm sorry about that. I can fix it.").is_empty());
        assert!(check(p, "I checked the DPD tracking, and I can resend it today.").is_empty());
    }

    #[test]
    fn chronic_weariness() {
        let p = PersonaLabel::Chronic;
        assert_eq!(
            flagged(p, "As we have told you, the app was updated again."),
            ["As we have told", "again"]
        );
        assert_eq!(flagged(p, "Yet again, please restart it."), ["Yet again"]);
        assert_eq!(
            flagged(p, "Do it as before, once more."),
            ["as before", "once more"]
        );
        assert!(check(p, "Sorry again for the trouble, and thanks again.").is_empty());
        assert!(check(p, LONG_OK).is_empty());
    }

    #[test]
    fn meek_needs_a_question() {
        let p = PersonaLabel::Meek;
        let text = "I'm sorry about that. I've refunded the order today and the money will reach your card within three days. Thanks for telling us.";
        let l = check(p, text);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].span, Span::new(text.len(), text.len()));
        assert!(l[0].suggestion.as_deref().unwrap().contains('?'));
        assert!(check(p, LONG_OK).is_empty());
        assert!(check(p, "Thanks, fixed it.").is_empty());
    }

    #[test]
    fn barnacle_extras() {
        let p = PersonaLabel::Barnacle;
        assert_eq!(
            flagged(
                p,
                "Here's a full refund and a free month on us, plus a voucher."
            ),
            ["full refund", "free", "on us", "voucher"]
        );
        assert_eq!(flagged(p, "A complimentary upgrade."), ["complimentary"]);
        assert!(check(
            p,
            "Feel free to reply; you can always count on us. What do you think would be fair?"
        )
        .is_empty());
    }

    #[test]
    fn never_panics() {
        for p in [
            PersonaLabel::Meek,
            PersonaLabel::Aggressive,
            PersonaLabel::HighRoller,
            PersonaLabel::Chronic,
            PersonaLabel::Barnacle,
            PersonaLabel::Moderate,
        ] {
            for t in ["", " ", "🙂", "¡¡AÑO!!", "é!!\u{200d}🙂 AGAIN", "?!?!"] {
                check(p, t);
            }
        }
    }
}
