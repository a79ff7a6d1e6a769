//! Signals a linear model cannot see from single words: shouting, "!!!", "??", repeated
//! contact, money amounts, deadlines and durations. Each carries the span that shows it.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::{Document, Token, TokenKind};

/// The kinds of signal tact detects.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SignalKind {
    /// Words written in capitals ("REFUND NOW").
    Shouting,
    /// Two or more exclamation marks ("!!!", "?!").
    Exclamations,
    /// Two or more question marks ("??").
    RepeatedQuestion,
    /// The customer has been in touch before ("third time", "again", "still").
    RepeatedContact,
    /// A money amount ("$49.99", "200 euros").
    Money,
    /// A deadline or a now ("tonight", "by Friday", "asap").
    Deadline,
    /// How long a problem has lasted ("since Monday", "for 3 weeks").
    Duration,
}

impl SignalKind {
    /// Why this signal matters, for a cue's explanation.
    pub fn why(self) -> &'static str {
        match self {
            SignalKind::Shouting => "written in capitals: strong frustration",
            SignalKind::Exclamations => "repeated exclamation marks: strong frustration",
            SignalKind::RepeatedQuestion => "repeated question marks: exasperation",
            SignalKind::RepeatedContact => "the customer has been in touch about this before",
            SignalKind::Money => "money is at stake",
            SignalKind::Deadline => "a deadline or an immediate need",
            SignalKind::Duration => "the problem has lasted a while",
        }
    }
}

/// One detected signal.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// What was found.
    pub kind: SignalKind,
    /// Where.
    pub span: Span,
}

const ACRONYMS: &[&str] = &[
    "atm", "pin", "sla", "usb", "vip", "ceo", "cto", "api", "url", "pdf", "sms", "iban", "swift",
    "faq", "tv", "uk", "usa", "eu", "id", "ok", "okay", "asap", "eta", "gps", "sim", "wifi", "hr",
    "it", "pm", "am", "bbq", "nhs", "dm", "ssn", "vpn", "ip", "dns", "ssl", "aws", "gcp", "eod",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "weekend",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const UNITS: &[&str] = &[
    "minute", "minutes", "mins", "min", "hour", "hours", "hrs", "hr", "day", "days", "week",
    "weeks", "wks", "month", "months", "year", "years", "yrs",
];
const NUMBER_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "few", "couple", "many", "multiple", "over", "almost", "nearly", "like", "about",
    "the", "past", "last", "whole", "entire", "24",
];
const ORDINALS: &[&str] = &[
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "nth",
    "umpteenth",
    "hundredth",
    "millionth",
    "2nd",
    "3rd",
    "4th",
    "5th",
    "6th",
    "7th",
    "8th",
    "9th",
    "10th",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollars", "dollar", "usd", "euros", "euro", "eur", "pounds", "pound", "gbp", "quid", "bucks",
    "rupees", "rupee", "inr", "rs", "cad", "aud", "yen", "jpy", "chf", "francs", "pesos", "peso",
    "reais", "zloty", "pln", "sek", "nok", "dkk", "k",
];
const CURRENCY_SIGNS: &[&str] = &["$", "£", "€", "₹", "¥", "₩", "₽", "₺", "₦", "₱", "฿"];
const DEADLINE_WORDS: &[&str] = &[
    "tonight",
    "today",
    "tomorrow",
    "asap",
    "immediately",
    "urgent",
    "urgently",
    "deadline",
    "eod",
    "overnight",
    "tmrw",
    "tmr",
    "2nite",
    "tonite",
];
const CONTACT_VERBS: &[&str] = &[
    "called",
    "contacted",
    "emailed",
    "written",
    "wrote",
    "messaged",
    "chatted",
    "complained",
    "reported",
    "rang",
    "phoned",
    "asked",
    "raised",
    "tweeted",
    "explained",
    "told",
];

fn norm(t: &Token) -> &str {
    t.norm.as_str()
}

/// Find all signals in a document, in text order.
pub fn detect(doc: &Document<'_>) -> Vec<Signal> {
    let toks = doc.tokens();
    let mut out = Vec::new();
    let words: Vec<usize> = (0..toks.len())
        .filter(|&i| matches!(toks[i].kind, TokenKind::Word | TokenKind::Number))
        .collect();
    let w = |k: usize| -> Option<&str> { words.get(k).map(|&i| norm(&toks[i])) };
    let span_w = |a: usize, b: usize| toks[words[a]].span.join(toks[words[b]].span);

    // Shouting: a capitalised word of 4+ letters that is not an acronym, or two capitalised
    // words in a row.
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.upper && !ACRONYMS.contains(&norm(t)) {
            let mut j = i;
            while toks.get(j + 1).is_some_and(|n| {
                n.upper || n.kind == TokenKind::Punct && toks.get(j + 2).is_some_and(|m| m.upper)
            }) {
                j += 1;
            }
            let letters = t.norm.chars().filter(|c| c.is_alphabetic()).count();
            let run_words = toks[i..=j].iter().filter(|x| x.upper).count();
            if letters >= 4 || run_words >= 2 {
                out.push(Signal {
                    kind: SignalKind::Shouting,
                    span: t.span.join(toks[j].span),
                });
            }
            i = j + 1;
            continue;
        }
        if t.kind == TokenKind::Punct {
            let bangs = t.norm.chars().filter(|&c| c == '!').count();
            let qs = t.norm.chars().filter(|&c| c == '?').count();
            if bangs >= 2 || (bangs >= 1 && qs >= 1) {
                out.push(Signal {
                    kind: SignalKind::Exclamations,
                    span: t.span,
                });
            } else if qs >= 2 {
                out.push(Signal {
                    kind: SignalKind::RepeatedQuestion,
                    span: t.span,
                });
            }
        }
        if t.kind == TokenKind::Symbol && CURRENCY_SIGNS.contains(&norm(t)) {
            let next_num = toks
                .get(i + 1)
                .filter(|n| n.kind == TokenKind::Number && n.span.start == t.span.end);
            let prev_num = i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .filter(|n| n.kind == TokenKind::Number && n.span.end == t.span.start);
            if let Some(n) = next_num.or(prev_num) {
                out.push(Signal {
                    kind: SignalKind::Money,
                    span: t.span.join(n.span),
                });
            }
        }
        i += 1;
    }

    for k in 0..words.len() {
        let cur = w(k).unwrap_or("");
        let next = w(k + 1);
        let next2 = w(k + 2);
        // Repeated contact.
        let contact_span = match cur {
            "again" | "still" | "anymore" => Some(span_w(k, k)),
            "yet" if matches!(next, Some("again" | "another")) => Some(span_w(k, k + 1)),
            "once" if next == Some("more") => Some(span_w(k, k + 1)),
            "over" if next == Some("and") && next2 == Some("over") => Some(span_w(k, k + 2)),
            "how" if next == Some("many") && next2 == Some("times") => Some(span_w(k, k + 2)),
            "every" if next == Some("time") => Some(span_w(k, k + 1)),
            "keeps" | "kept" | "keep"
                if matches!(
                    next,
                    Some(
                        "happening" | "breaking" | "failing" | "dropping" | "crashing" | "charging"
                    )
                ) =>
            {
                Some(span_w(k, k + 1))
            }
            _ if ORDINALS.contains(&cur)
                && matches!(
                    next,
                    Some("time" | "call" | "email" | "message" | "ticket" | "attempt")
                ) =>
            {
                Some(span_w(k, k + 1))
            }
            _ if (cur.parse::<u32>().is_ok()
                || matches!(
                    cur,
                    "multiple"
                        | "several"
                        | "many"
                        | "countless"
                        | "numerous"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "ten"
                ))
                && next == Some("times") =>
            {
                Some(span_w(k, k + 1))
            }
            "already" if next.is_some_and(|n| CONTACT_VERBS.contains(&n)) => Some(span_w(k, k + 1)),
            "previous" | "prior" | "earlier"
                if matches!(
                    next,
                    Some(
                        "ticket"
                            | "tickets"
                            | "call"
                            | "calls"
                            | "complaint"
                            | "complaints"
                            | "emails"
                            | "email"
                            | "chats"
                            | "chat"
                    )
                ) =>
            {
                Some(span_w(k, k + 1))
            }
            _ => None,
        };
        if let Some(span) = contact_span {
            out.push(Signal {
                kind: SignalKind::RepeatedContact,
                span,
            });
        }
        // Money written with a currency word: "200 euros", "rs 500", "50k".
        if toks[words[k]].kind == TokenKind::Number {
            if next.is_some_and(|n| CURRENCY_WORDS.contains(&n) && n != "k")
                && toks[words[k + 1]].span.start <= toks[words[k]].span.end + 1
            {
                out.push(Signal {
                    kind: SignalKind::Money,
                    span: span_w(k, k + 1),
                });
            } else if cur.ends_with('k')
                && cur.len() > 1
                && cur[..cur.len() - 1].chars().all(|c| c.is_ascii_digit())
            {
                // "50k" alone is ambiguous; only with a currency word before it.
                if k > 0 && matches!(w(k - 1), Some("usd" | "eur" | "gbp" | "inr" | "rs")) {
                    out.push(Signal {
                        kind: SignalKind::Money,
                        span: span_w(k - 1, k),
                    });
                }
            }
        } else if matches!(cur, "rs" | "inr" | "usd" | "eur" | "gbp")
            && k + 1 < words.len()
            && toks[words[k + 1]].kind == TokenKind::Number
        {
            out.push(Signal {
                kind: SignalKind::Money,
                span: span_w(k, k + 1),
            });
        }
        // Deadlines.
        let deadline = match cur {
            _ if DEADLINE_WORDS.contains(&cur) => Some(span_w(k, k)),
            "right" if matches!(next, Some("now" | "away")) => Some(span_w(k, k + 1)),
            "this" if matches!(next, Some("morning" | "afternoon" | "evening")) => {
                Some(span_w(k, k + 1))
            }
            "end"
                if next == Some("of")
                    && matches!(next2, Some("day" | "today" | "week" | "month")) =>
            {
                Some(span_w(k, k + 2))
            }
            "by" | "before" | "until" | "till"
                if next.is_some_and(|n| {
                    WEEKDAYS.contains(&n)
                        || MONTHS.contains(&n)
                        || matches!(
                            n,
                            "noon" | "midnight" | "tonight" | "tomorrow" | "monday" | "then"
                        )
                        || n.ends_with("pm")
                        || n.ends_with("am") && n.len() > 2 && n.as_bytes()[0].is_ascii_digit()
                }) =>
            {
                Some(span_w(k, k + 1))
            }
            "within" if next2.is_some_and(|n| UNITS.contains(&n)) => Some(span_w(k, k + 2)),
            "in" if next2.is_some_and(|n| matches!(n, "hours" | "hour" | "minutes" | "mins")) => {
                Some(span_w(k, k + 2))
            }
            _ => None,
        };
        if let Some(span) = deadline {
            out.push(Signal {
                kind: SignalKind::Deadline,
                span,
            });
        }
        // Durations.
        let duration = match cur {
            "since"
                if next.is_some_and(|n| {
                    WEEKDAYS.contains(&n)
                        || MONTHS.contains(&n)
                        || matches!(n, "yesterday" | "last" | "early" | "the" | "morning")
                        || n.parse::<u32>().is_ok()
                }) =>
            {
                let end = if matches!(next, Some("last" | "the" | "early")) && k + 2 < words.len() {
                    k + 2
                } else {
                    k + 1
                };
                Some(span_w(k, end))
            }
            "for" => {
                // for 3 weeks / for two days / for a month / for over a week
                let mut e = k + 1;
                let mut steps = 0;
                while e < words.len() && steps < 3 {
                    let x = w(e).unwrap_or("");
                    if UNITS.contains(&x) {
                        break;
                    }
                    if NUMBER_WORDS.contains(&x) || x.parse::<f32>().is_ok() {
                        e += 1;
                        steps += 1;
                    } else {
                        steps = 9;
                    }
                }
                (e < words.len()
                    && e > k + 1
                    && steps < 9
                    && w(e).is_some_and(|x| UNITS.contains(&x)))
                .then(|| span_w(k, e))
            }
            _ if cur.parse::<u32>().is_ok()
                && next.is_some_and(|n| UNITS.contains(&n))
                && matches!(
                    next2,
                    Some("ago" | "now" | "later" | "late" | "overdue" | "waiting")
                ) =>
            {
                Some(span_w(k, k + 2))
            }
            _ => None,
        };
        if let Some(span) = duration {
            out.push(Signal {
                kind: SignalKind::Duration,
                span,
            });
        }
    }
    out.sort_by_key(|s| (s.span.start, s.span.end));
    out.dedup_by(|a, b| a.kind == b.kind && a.span.overlaps(&b.span));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(SignalKind, String)> {
        let doc = Document::new(text);
        detect(&doc)
            .into_iter()
            .map(|s| (s.kind, s.span.slice(text).to_string()))
            .collect()
    }

    fn has(text: &str, kind: SignalKind, what: &str) {
        let f = found(text);
        assert!(
            f.iter().any(|(k, s)| *k == kind && s == what),
            "{kind:?} {what:?} not in {f:?}"
        );
    }

    #[test]
    fn shouting_and_punctuation() {
        has("I want a REFUND NOW!!!", SignalKind::Shouting, "REFUND NOW");
        has("I want a REFUND NOW!!!", SignalKind::Exclamations, "!!!");
        has("where is it??", SignalKind::RepeatedQuestion, "??");
        has("seriously?!", SignalKind::Exclamations, "?!");
    }

    #[test]
    fn acronyms_are_not_shouting() {
        let f = found("The ATM ate my PIN card, the SLA says 4 hours");
        assert!(!f.iter().any(|(k, _)| *k == SignalKind::Shouting), "{f:?}");
    }

    #[test]
    fn repeated_contact() {
        has(
            "This is the third time I write",
            SignalKind::RepeatedContact,
            "third time",
        );
        has("It's broken again", SignalKind::RepeatedContact, "again");
        has(
            "I have already called twice",
            SignalKind::RepeatedContact,
            "already called",
        );
        has("I asked 5 times", SignalKind::RepeatedContact, "5 times");
    }

    #[test]
    fn money() {
        has("charged $49.99 twice", SignalKind::Money, "$49.99");
        has("I paid 200 euros", SignalKind::Money, "200 euros");
        has("refund Rs 1,500 please", SignalKind::Money, "Rs 1,500");
        has("cost me 30€", SignalKind::Money, "30€");
        assert!(found("I have 3 kids")
            .iter()
            .all(|(k, _)| *k != SignalKind::Money));
    }

    #[test]
    fn deadlines_and_durations() {
        has("my flight is tonight", SignalKind::Deadline, "tonight");
        has("fix it by Friday", SignalKind::Deadline, "by Friday");
        has("down since Monday", SignalKind::Duration, "since Monday");
        has(
            "waiting for 3 weeks now",
            SignalKind::Duration,
            "for 3 weeks",
        );
        has(
            "no internet for two days",
            SignalKind::Duration,
            "for two days",
        );
        assert!(found("thanks for the help")
            .iter()
            .all(|(k, _)| *k != SignalKind::Duration));
    }
}
