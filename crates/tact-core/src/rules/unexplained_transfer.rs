//! unexplained_transfer: transferring, forwarding or escalating without saying to whom and why
//! ("Please hold while we transfer you", "I'll pass this on", "I've forwarded this to the
//! relevant department", "your call is very important to us", "someone will get back to you").
//!
//! Seed 003, "Transfer them but explain why": "Please hold while we transfer you. Your call is
//! very important to us. Ugh. [...] Never miss an opportunity to briefly explain to a customer
//! why this transfer will be to their benefit [...] You will be transferred to our ____
//! specialist who can better answer your question." Seed 000, step 1: "If you determine that
//! you are not the right person [...] make sure to explain why [...] 'I'm going to set you up
//! with our specialist who will get that squared away for you right away.'"
//!
//! A transfer is explained when the same sentence or the one before or after names who (a
//! person, or a specific team: "Maria in billing", "our security team", "our specialist"; not
//! "the relevant department" or "someone") and why ("who can reverse the charge", "so she can
//! check", "because ...", "she'll email you the form"). Passing on a compliment ("thanks for
//! the kind words, I'll pass them on") is not a transfer.

use super::words::never;
use super::{Draft, Lint, Pattern, Rule, RuleId, Severity, Word};
use crate::span::Span;

const SOURCE: &str = "seed 003 \"Transfer them but explain why\" (\"You will be transferred to our ____ specialist who can better answer your question\"); seed 000 step 1 (\"make sure to explain why\")";

/// The generic explanation a suggestion adds; the rule accepts it as "who and why".
const SPECIALIST: &str = " to our specialist, who can sort this out for you";
const WHO_CAN: &str = ", who can sort this out for you";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A hand-off: the rewrite adds who and why.
    Transfer,
    /// A hand-off with no safe rewrite ("let me get someone else").
    Handoff,
    /// "Your call is important to us": delete it.
    Important,
    /// "Someone will be in touch": no rewrite, say who and when.
    FollowUp,
}

/// Is this match not a transfer at all? Gets the draft, the sentence's words and the match.
type Guard = fn(&Draft<'_>, &[Word], (usize, usize)) -> bool;

struct Trigger {
    pattern: &'static str,
    kind: Kind,
    guard: Guard,
}

const TRANSFER: &str = "Transferring or escalating without saying to whom and why leaves the customer in the dark. Say who will help and why: \"I'm transferring you to our billing specialist, who can reverse the charge\".";
const IMPORTANT: &str = "\"Your call is important to us\" is the stock line the guides single out (\"Ugh.\"); it sounds like the opposite. Drop it and say what happens next.";
const FOLLOW_UP: &str = "\"Someone will be in touch\" doesn't say who, why or when. Name the person or team, what they'll do and by when.";

static TRIGGERS: &[Trigger] = &[
    // "Your call is very important to us."
    t("your call|chat|business|query|enquiry|inquiry|custom is|are|matters|matter *2 to us", Kind::Important, never),
    // Hand-offs of the customer.
    t("~transfer you|now", Kind::Transfer, never),
    t("~transfer this|it", Kind::Transfer, money),
    t("~transfer your|the|this call|chat|conversation|case|query|ticket|request|enquiry|inquiry|matter|complaint", Kind::Transfer, never),
    t("put|get|pass|passing|hand|move|moving|send you through|over|across", Kind::Transfer, never),
    t("set you up with", Kind::Transfer, never),
    t("connect you", Kind::Transfer, never),
    t("let me get someone|somebody|a", Kind::Handoff, not_someone_else),
    t("get this|it over|across to", Kind::Transfer, never),
    // Passive: "your query has been escalated / forwarded to the relevant department".
    t("has|have|will|is|are|was|were? been|be duly? *3 ~transfer|~forward|~escalate|refer|referred|referring|refers|~pass|~route|~move|~send|sent|~hand|~redirect|~reassign|~assign|~lodge", Kind::Transfer, not_a_case),
    // Active: "I've escalated this", "I'll pass this on", "I've forwarded your ticket to ...".
    t("i|we *3 ~escalate", Kind::Transfer, escalation_noun),
    t("~forward|~pass|~send|sent|~hand|~route|refer|referred|referring|refers|~move|~redirect|~put|~get *2 on|along|over|across|through|internally|elsewhere|onward|onwards|accordingly", Kind::Transfer, not_a_hand_off),
    t("~forward|~pass|~send|sent|~hand|~route|refer|referred|referring|refers|~move|~redirect|~transfer|~introduce *4 to|with", Kind::Transfer, not_to_a_team),
    t("raise|raised|raising|raises it|this internally", Kind::Handoff, never),
    t("raise|raised|raising|raises a ticket", Kind::Handoff, never),
    t("~flag *3 for follow|~review", Kind::Handoff, never),
    t("one for another|different|separate team|department", Kind::Handoff, never),
    t("one for a different|separate team|department", Kind::Handoff, never),
    t("~go elsewhere", Kind::Handoff, never),
    t("up the chain|ladder", Kind::Handoff, never),
    t("~go through another|different|separate team|department", Kind::Handoff, never),
    t("~go through a different|separate team|department", Kind::Handoff, never),
    t("via|through another|different channel", Kind::Handoff, never),
    t("via|through a different channel", Kind::Handoff, never),
    // Vague follow-ups.
    t("will|should|shall be in touch", Kind::FollowUp, not_vague),
    t("will|should|shall get back to you", Kind::FollowUp, not_vague),
    t("will|should reach out", Kind::FollowUp, not_vague),
    t("will|should|shall contact you", Kind::FollowUp, not_vague),
    t("will|should follow up", Kind::FollowUp, not_vague),
    t("will|should|shall revert", Kind::FollowUp, not_vague),
    t("take|handle it from here", Kind::FollowUp, not_vague),
    t("will|should|shall pick it up", Kind::FollowUp, not_vague),
    t("await their|a|further response|reply|communication", Kind::FollowUp, never),
    t("wait to be contacted", Kind::FollowUp, never),
    t("be contacted in due course", Kind::FollowUp, never),
    t("should hear back", Kind::FollowUp, never),
];

const fn t(pattern: &'static str, kind: Kind, guard: Guard) -> Trigger {
    Trigger {
        pattern,
        kind,
        guard,
    }
}

fn norm_in(w: Option<&Word>, set: &[&str]) -> bool {
    w.is_some_and(|w| set.contains(&w.norm.as_str()))
}

/// "I'll transfer it to your account" moves money, not the customer.
fn money(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    words.iter().any(|w| {
        matches!(
            w.stem.as_str(),
            "account"
                | "bank"
                | "refund"
                | "money"
                | "fund"
                | "balanc"
                | "payment"
                | "point"
                | "mile"
                | "credit"
                | "loan"
                | "mortgag"
                | "saving"
        )
    })
}

/// "Let me get someone else" / "let me get a colleague"; not "let me get a replacement".
fn not_someone_else(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let last = words[m.1].norm.as_str();
    if last == "a" {
        return !norm_in(
            words.get(m.1 + 1),
            &["colleague", "manager", "supervisor", "specialist"],
        );
    }
    false
}

/// "Your query has been escalated": the subject is the customer's case, not money or a booking.
fn not_a_case(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    const CASE: [&str; 26] = [
        "case",
        "call",
        "chat",
        "query",
        "ticket",
        "request",
        "conversation",
        "matter",
        "complaint",
        "enquiry",
        "inquiry",
        "feedback",
        "comments",
        "details",
        "email",
        "message",
        "dispute",
        "claim",
        "issue",
        "report",
        "concerns",
        "remarks",
        "correspondence",
        "it",
        "this",
        "that",
    ];
    let before = &words[m.0.saturating_sub(6)..m.0];
    let be = words[m.0..=m.1]
        .iter()
        .position(|w| w.norm == "be" || w.norm == "been")
        .map_or(m.0, |i| m.0 + i);
    let negated = be > 0 && matches!(words[be - 1].norm.as_str(), "not" | "never");
    negated
        || !before.iter().any(|w| CASE.contains(&w.norm.as_str()))
        || before.iter().any(|w| {
            matches!(
                w.stem.as_str(),
                "refund" | "money" | "payment" | "fund" | "book"
            )
        })
}

/// "Escalation" is a noun; "escalating tensions" aren't a hand-off.
fn escalation_noun(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    norm_in(words.get(m.1), &["escalation", "escalations"])
}

/// The agent hands the case on: an "I/we" subject (or "passing you across now"), the case as
/// object, and the particle ending the clause. "Please forward it to 7726", "just hand the box
/// over" and "look forward" are not hand-offs; nor is passing on a compliment.
fn not_a_hand_off(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let verb = &words[m.0];
    if m.0 > 0 && matches!(words[m.0 - 1].norm.as_str(), "look" | "looking" | "going") {
        return true;
    }
    let object = &words[m.0 + 1..m.1];
    let particle = words[m.1].norm.as_str();
    if kind_words(words)
        || object.len() > 2
        || object
            .iter()
            .any(|w| w.norm == "to" || w.norm.starts_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    if object.iter().any(|w| w.norm == "you") {
        // "put you through" hands the customer on; "put you on the top floor" doesn't.
        return particle == "on";
    }
    let agent = words[m.0.saturating_sub(5)..m.0]
        .iter()
        .any(|w| matches!(w.norm.as_str(), "i" | "we"))
        || verb.norm.ends_with("ing") && m.0 == 0;
    let particle_ends = match words.get(m.1 + 1) {
        None => true,
        Some(n) => {
            matches!(
                n.norm.as_str(),
                "to" | "for" | "now" | "internally" | "and" | "so" | "today" | "already"
            ) || d.text()[words[m.1].span.end..]
                .trim_start()
                .starts_with([',', ';', '.', '!'])
        }
    };
    // "Moved your booking over to Friday": only the case moves.
    let case_object = object.is_empty()
        || object.iter().any(|w| {
            matches!(
                w.norm.as_str(),
                "this" | "it" | "your" | "them" | "that" | "everything" | "details" | "case"
            )
        });
    !(agent && particle_ends && case_object)
}

/// "Thanks for the kind words about the crew; I'll pass them on."
fn kind_words(words: &[Word]) -> bool {
    words.iter().any(|w| {
        matches!(w.stem.as_str(), "kind" | "compliment" | "love" | "nice")
            || w.norm.starts_with("prais")
    })
}

/// "I've forwarded your ticket to the appropriate team": the agent sends the case to a team or
/// a person. "I've moved your booking to the 16th" and "I've sent you the form to sign" don't.
fn not_to_a_team(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let agent_or_passive = words[m.0.saturating_sub(5)..m.0]
        .iter()
        .any(|w| matches!(w.norm.as_str(), "i" | "we" | "been" | "be"));
    let object = &words[m.0 + 1..m.1];
    let dest = &words[m.1 + 1..];
    if object.is_empty()
        || dest
            .iter()
            .take(4)
            .any(|w| matches!(w.norm.as_str(), "front" | "top" | "head" | "priority"))
    {
        return true;
    }
    if object.iter().any(|w| {
        matches!(
            w.stem.as_str(),
            "refund"
                | "money"
                | "payment"
                | "fund"
                | "book"
                | "bag"
                | "box"
                | "parcel"
                | "form"
                | "label"
                | "link"
                | "code"
                | "card"
                | "invoic"
                | "receipt"
        ) || w.norm.starts_with(|c: char| c.is_ascii_digit())
    }) || object.first().is_some_and(|w| {
        w.norm == "you"
            && words[m.0].stem != "transfer"
            && words[m.0].stem != "refer"
            && words[m.0].stem != "pass"
            && words[m.0].stem != "hand"
            && words[m.0].stem != "introduc"
    }) {
        return true;
    }
    !(agent_or_passive && is_destination(d, dest)) || kind_words(words)
}

/// What follows "to"/"with" is a team or a person: "the relevant department", "a colleague",
/// "our billing team", "someone", "Maria".
fn is_destination(d: &Draft<'_>, dest: &[Word]) -> bool {
    const DEST: [&str; 36] = [
        "team",
        "department",
        "colleague",
        "someone",
        "somebody",
        "specialist",
        "unit",
        "desk",
        "queue",
        "party",
        "area",
        "function",
        "stakeholders",
        "manager",
        "lead",
        "leader",
        "supervisor",
        "contractor",
        "agent",
        "people",
        "group",
        "office",
        "division",
        "centre",
        "center",
        "section",
        "reservations",
        "billing",
        "finance",
        "claims",
        "engineers",
        "counsel",
        "officer",
        "coordinator",
        "expert",
        "experts",
    ];
    dest.iter().take(5).enumerate().any(|(k, w)| {
        DEST.contains(&w.norm.as_str())
            || (k <= 1
                && capitalised(d, w)
                && !norm_in(
                    Some(w),
                    &[
                        "i",
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                    ],
                ))
    })
}

fn capitalised(d: &Draft<'_>, w: &Word) -> bool {
    d.text()[w.span.start..w.span.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// "They'll be in touch" after a named hand-off, or "I'll be in touch": only a vague subject
/// ("someone", "a member of the team", "another team", "they") is a problem.
fn not_vague(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let before = &words[m.0.saturating_sub(6)..m.0];
    let vague = before.iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "someone"
                | "somebody"
                | "colleague"
                | "member"
                | "another"
                | "they"
                | "team"
                | "department"
                | "party"
                | "else"
                | "unit"
                | "staff"
        )
    });
    let agent = m.0 > 0 && matches!(words[m.0 - 1].norm.as_str(), "i" | "we");
    !vague || agent
}

/// The unexplained-transfer rule.
#[derive(Debug)]
pub struct UnexplainedTransfer {
    triggers: Vec<(Pattern, Kind, Guard)>,
}

impl Default for UnexplainedTransfer {
    fn default() -> Self {
        UnexplainedTransfer {
            triggers: TRIGGERS
                .iter()
                .map(|t| (Pattern::new(t.pattern), t.kind, t.guard))
                .collect(),
        }
    }
}

impl Rule for UnexplainedTransfer {
    fn id(&self) -> RuleId {
        RuleId::UnexplainedTransfer
    }

    fn description(&self) -> &'static str {
        "Transfers or escalates without saying to whom and why (\"Please hold while we transfer you\", \"I'll pass this on\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let text = draft.text();
        let mut out: Vec<(usize, Kind, Lint)> = Vec::new();
        // Only the triggers whose words are all in the draft (most drafts mention no transfer).
        let live: Vec<_> = self
            .triggers
            .iter()
            .filter(|(pattern, _, _)| pattern.may_match(&draft.vocab))
            .collect();
        for (si, words) in draft.sentences.iter().enumerate() {
            for (pattern, kind, guard) in live.iter().copied() {
                for m in pattern.find_all(words) {
                    if guard(draft, words, m) {
                        continue;
                    }
                    if *kind != Kind::Important && explained(draft, si) {
                        continue;
                    }
                    // "... to our billing team, who can fix it. They'll be in touch."
                    if *kind == Kind::FollowUp && si > 0 {
                        let prev = &draft.sentences[si - 1];
                        if who_specific(draft, prev) && why_given(draft, prev) {
                            continue;
                        }
                    }
                    if *kind == Kind::FollowUp
                        && out.iter().any(|(s, k, _)| {
                            *k != Kind::FollowUp
                                && *k != Kind::Important
                                && (*s == si || *s + 1 == si)
                        })
                    {
                        continue;
                    }
                    let lint = build(draft, si, words, m, *kind);
                    if out.iter().any(|(_, _, o)| o.span.overlaps(&lint.span)) {
                        continue;
                    }
                    out.push((si, *kind, lint));
                }
            }
        }
        let mut lints: Vec<Lint> = out.into_iter().map(|(_, _, l)| l).collect();
        lints.sort_by_key(|l| l.span.start);
        for l in &mut lints {
            l.text = l.span.slice(text).to_string();
        }
        lints
    }
}

/// Does the sentence, the one before or the one after say who will help and why?
fn explained(d: &Draft<'_>, si: usize) -> bool {
    let here = &d.sentences[si];
    let next = d.sentences.get(si + 1).map(Vec::as_slice).unwrap_or(&[]);
    let prev = si
        .checked_sub(1)
        .and_then(|i| d.sentences.get(i))
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let who = who_specific(d, here) || who_specific(d, next);
    let why = why_given(d, here) || why_given(d, next) || capability(d, prev);
    who && (why || reply_fixes(d))
}

/// A person's name or a specific team: "Maria", "our billing team", "our specialist"; not
/// "the relevant department", "another team", "someone", "the team".
fn who_specific(d: &Draft<'_>, words: &[Word]) -> bool {
    const HEADS: [&str; 23] = [
        "team",
        "department",
        "desk",
        "unit",
        "specialist",
        "specialists",
        "lead",
        "manager",
        "counsel",
        "coordinator",
        "engineer",
        "engineers",
        "officer",
        "adviser",
        "advisor",
        "expert",
        "experts",
        "supervisor",
        "handler",
        "leader",
        "contractor",
        "director",
        "office",
    ];
    const NEEDS_MODIFIER: [&str; 6] =
        ["team", "department", "desk", "unit", "contractor", "office"];
    const GENERIC: [&str; 14] = [
        "relevant",
        "appropriate",
        "right",
        "other",
        "another",
        "separate",
        "different",
        "correct",
        "concerned",
        "respective",
        "internal",
        "a",
        "an",
        "the",
    ];
    const NOT_NAMES: [&str; 38] = [
        "i",
        "please",
        "thanks",
        "thank",
        "our",
        "the",
        "we",
        "you",
        "your",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "ok",
        "hi",
        "hello",
        "dear",
        "sorry",
        "unfortunately",
        "yes",
        "no",
        "kind",
        "regards",
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
    ];
    const GREETING: [&str; 13] = [
        "hi",
        "hello",
        "dear",
        "hey",
        "thanks",
        "sorry",
        "morning",
        "afternoon",
        "evening",
        "congratulations",
        "welcome",
        "bye",
        "cheers",
    ];
    let names = words.iter().enumerate().any(|(k, w)| {
        let tok = &d.doc.tokens()[w.token];
        k > 0
            && !GREETING.contains(&words[k - 1].norm.as_str())
            && tok.kind == crate::text::TokenKind::Word
            && capitalised(d, w)
            && !tok.upper
            && !NOT_NAMES.contains(&w.norm.as_str())
            && !(k > 0 && words[k - 1].span == w.span)
    });
    let team = words.iter().enumerate().any(|(k, w)| {
        if !HEADS.contains(&w.norm.as_str()) {
            return false;
        }
        let det = words[..k].iter().rposition(|x| {
            matches!(
                x.norm.as_str(),
                "our" | "the" | "your" | "my" | "his" | "her" | "their" | "a" | "an"
            )
        });
        let Some(det) = det.filter(|det| k - det <= 4) else {
            return false;
        };
        let modifiers = &words[det + 1..k];
        let generic = modifiers.iter().any(|x| GENERIC.contains(&x.norm.as_str()))
            || matches!(words[det].norm.as_str(), "a" | "an");
        let bare = modifiers.is_empty() && NEEDS_MODIFIER.contains(&w.norm.as_str());
        !generic && !bare
    });
    names || team
}

/// "who can reverse the charge", "because ...", "so she can check", "she'll email you the
/// form", "to call you tomorrow".
fn why_given(d: &Draft<'_>, words: &[Word]) -> bool {
    const REMEDY: [&str; 24] = [
        "fix", "sort", "revers", "refund", "check", "look", "call", "review", "investig", "resolv",
        "arrang", "process", "cancel", "redirect", "approv", "releas", "answer", "help", "handl",
        "confirm", "book", "recov", "restor", "email",
    ];
    words.iter().enumerate().any(|(k, w)| {
        let next = words.get(k + 1);
        match w.norm.as_str() {
            "because" => true,
            "who" | "which" => {
                let aux = norm_in(
                    next,
                    &[
                        "can", "could", "will", "would", "is", "has", "have", "shall",
                    ],
                );
                next.is_some_and(|n| {
                    !matches!(n.norm.as_str(), "is" | "was") || k + 2 < words.len()
                }) && !vague_after(words, if aux { k + 2 } else { k + 1 })
            }
            "so" => norm_in(next, &["that", "she", "he", "they", "you", "we", "i", "it"]),
            "to" => next.is_some_and(|n| REMEDY.contains(&n.stem.as_str())),
            "for" => next.is_some_and(|n| {
                matches!(
                    n.stem.as_str(),
                    "correct" | "investig" | "repair" | "refund" | "approv" | "reissu" | "recal"
                )
            }),
            "she" | "he" | "they" => {
                let aux = norm_in(
                    next,
                    &[
                        "can", "could", "will", "would", "is", "has", "have", "does", "are",
                    ],
                );
                if aux {
                    !vague_after(words, k + 2)
                } else {
                    next.is_some_and(|n| n.norm.ends_with('s') || n.norm == "review")
                        && !vague_after(words, k + 1)
                }
            }
            _ => {
                capitalised(d, w)
                    && k > 0
                    && norm_in(next, &["can", "will", "has", "is"])
                    && !vague_after(words, k + 2)
            }
        }
    })
}

/// "... our delivery team can redirect it": the sentence before says what the handler can do.
fn capability(d: &Draft<'_>, words: &[Word]) -> bool {
    words.windows(2).enumerate().any(|(k, w)| {
        matches!(
            w[0].norm.as_str(),
            "team" | "department" | "desk" | "specialist" | "lead" | "unit" | "they" | "she" | "he"
        ) && matches!(
            w[1].norm.as_str(),
            "can" | "handles" | "handle" | "runs" | "run"
        ) && !vague_after(words, k + 2)
    }) || words.iter().any(|w| w.norm == "because") && who_specific(d, words)
}

/// "be in touch", "get back to you", "reach out", "take it from here", "try to reach you".
fn vague_after(words: &[Word], k: usize) -> bool {
    let a = words.get(k).map(|w| w.norm.as_str());
    let b = words.get(k + 1).map(|w| w.norm.as_str());
    matches!(
        (a, b),
        (Some("be"), Some("in" | "touch" | "contacted"))
            | (Some("get"), Some("back"))
            | (
                Some("reach" | "follow" | "revert" | "respond" | "reply" | "try" | "contact"),
                _
            )
            | (Some("take"), Some("it"))
            | (Some("pick"), _)
            | (Some("deals" | "deal"), Some("with"))
            | (Some("help"), None)
            | (Some("look"), Some("into"))
    )
}

/// "I've rebooked you ... I've also sent your feedback to the station manager": the customer's
/// problem is already fixed, so passing feedback on to a named manager is follow-through.
fn reply_fixes(d: &Draft<'_>) -> bool {
    const DONE: [&str; 21] = [
        "refund", "credit", "waiv", "fix", "replac", "rebook", "revers", "remov", "cancel",
        "restor", "resolv", "upgrad", "releas", "void", "reset", "reactiv", "unlock", "correct",
        "approv", "rebuilt", "switch",
    ];
    d.sentences.iter().any(|s| {
        s.windows(3).any(|w| {
            matches!(w[0].norm.as_str(), "i" | "we")
                && w[1].norm == "have"
                && DONE.contains(&w[2].stem.as_str())
        })
    })
}

/// A lint for a trigger, with the span and rewrite its kind calls for.
fn build(d: &Draft<'_>, si: usize, words: &[Word], m: (usize, usize), kind: Kind) -> Lint {
    let text = d.text();
    let sentence = d.doc.sentences()[si];
    let start = words[m.0].span.start;
    let end = words[m.1].span.end;
    let (span, severity, message, suggestion) = match kind {
        Kind::Important => {
            let (span, suggestion) = deletion(text, sentence, Span::new(start, end));
            (span, Severity::Error, IMPORTANT, Some(suggestion))
        }
        Kind::FollowUp => {
            // Take the vague subject too: "Someone will be in touch", "A member of the team
            // will be in touch".
            let from = if m.0 <= 6 { 0 } else { m.0 };
            (
                Span::new(words[from].span.start, end),
                Severity::Warning,
                FOLLOW_UP,
                None,
            )
        }
        Kind::Handoff => (Span::new(start, end), Severity::Warning, TRANSFER, None),
        Kind::Transfer => {
            // The clause from the trigger to the next punctuation.
            let rest = &text[end..sentence.end];
            let lower = rest.to_lowercase();
            let clause_end = [
                rest.find([',', '.', ';', '!', '?', ':', '\n']),
                lower.find(" and "),
                lower.find(" so "),
                lower.find(" but "),
            ]
            .into_iter()
            .flatten()
            .min()
            .map_or(sentence.end, |i| end + i);
            let span = Span::new(start, clause_end.max(end));
            let suggestion = with_who_and_why(d, words, span);
            (span, Severity::Warning, TRANSFER, Some(suggestion))
        }
    };
    Lint {
        rule: RuleId::UnexplainedTransfer,
        span,
        text: span.slice(text).to_string(),
        severity,
        message: message.to_string(),
        suggestion,
        source: SOURCE.to_string(),
    }
}

/// "transfer you now to our billing team" -> "transfer you now to our billing team, who can
/// sort this out for you"; "forwarded this to the relevant department" -> "forwarded this to
/// our specialist, who can sort this out for you".
fn with_who_and_why(d: &Draft<'_>, words: &[Word], span: Span) -> String {
    let text = d.text();
    let clause = span.slice(text);
    let lower = clause.to_lowercase();
    let split = [" to ", " with "]
        .iter()
        .filter_map(|s| lower.find(s))
        .min()
        .unwrap_or(clause.len());
    let (mut head, tail) = clause.split_at(split);
    let mut time = "";
    for t in [
        " right now",
        " now",
        " today",
        " shortly",
        " straight away",
        " right away",
    ] {
        if head.to_lowercase().ends_with(t) {
            time = &head[head.len() - t.len()..];
            head = &head[..head.len() - t.len()];
        }
    }
    for t in [" internally", " elsewhere", " accordingly"] {
        if head.to_lowercase().ends_with(t) {
            head = &head[..head.len() - t.len()];
        }
    }
    let mut tail = tail.trim_end().to_string();
    for t in [
        " right now",
        " now",
        " today",
        " shortly",
        " straight away",
        " right away",
    ] {
        if tail.to_lowercase().ends_with(t) && time.is_empty() {
            time = t;
            tail.truncate(tail.len() - t.len());
        }
    }
    let tail_words: Vec<Word> = words
        .iter()
        .filter(|w| w.span.start >= span.start + split && w.span.end <= span.end)
        .cloned()
        .collect();
    if !tail.is_empty() && who_specific(d, &tail_words) && !is_vague_tail(&tail) {
        format!("{head}{time}{tail}{WHO_CAN}")
    } else {
        format!("{head}{time}{SPECIALIST}")
    }
}

fn is_vague_tail(tail: &str) -> bool {
    let t = tail.to_lowercase();
    [
        "relevant",
        "appropriate",
        "another",
        "other",
        "separate",
        "different",
        "someone",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Delete a stock phrase: the whole sentence (with the space after it) when it is the whole
/// sentence, else the phrase with the comma before it.
fn deletion(text: &str, sentence: Span, phrase: Span) -> (Span, String) {
    let sentence_text = sentence.slice(text);
    let phrase_text = phrase.slice(text);
    let rest = sentence_text
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim_end();
    if rest.eq_ignore_ascii_case(phrase_text) || rest.to_lowercase() == phrase_text.to_lowercase() {
        let after = &text[sentence.end..];
        let ws = after.len() - after.trim_start().len();
        return (Span::new(sentence.start, sentence.end + ws), String::new());
    }
    let before = &text[..phrase.start];
    let trimmed = before.trim_end_matches([' ', ',', ';', '\u{2014}', '-']);
    (Span::new(trimmed.len(), phrase.end), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_the_seed_transfer() {
        let r = UnexplainedTransfer::default();
        assert_flags(
            &r,
            "Please hold while we transfer you.",
            "transfer you",
            Some("Please hold while we transfer you to our specialist, who can sort this out for you."),
        );
        assert_flags(
            &r,
            "Thanks for waiting. Your call is very important to us.",
            "Your call is very important to us.",
            Some("Thanks for waiting. "),
        );
        assert_flags(
            &r,
            "Transferring you now, please stay on the line.",
            "Transferring you now",
            Some("Transferring you now to our specialist, who can sort this out for you, please stay on the line."),
        );
    }

    #[test]
    fn flags_passing_it_on() {
        let r = UnexplainedTransfer::default();
        assert_flags(
            &r,
            "Hi Ferdinand, I\u{2019}ve passed your email along.",
            "passed your email along",
            Some("Hi Ferdinand, I\u{2019}ve passed your email along to our specialist, who can sort this out for you."),
        );
        assert_flags(
            &r,
            "I'll pass this on.",
            "pass this on",
            Some("I'll pass this on to our specialist, who can sort this out for you."),
        );
        assert_flags(
            &r,
            "I've forwarded this to the relevant department.",
            "forwarded this to the relevant department",
            Some("I've forwarded this to our specialist, who can sort this out for you."),
        );
        assert_flags(
            &r,
            "YOUR QUERY HAS BEEN ESCALATED.",
            "HAS BEEN ESCALATED",
            Some("YOUR QUERY HAS BEEN ESCALATED to our specialist, who can sort this out for you."),
        );
        assert_flags(
            &r,
            "I'm transferring you to our Collections department now.",
            "transferring you to our Collections department now",
            Some("I'm transferring you now to our Collections department, who can sort this out for you."),
        );
    }

    #[test]
    fn flags_vague_follow_ups() {
        let r = UnexplainedTransfer::default();
        assert_flags(
            &r,
            "Thanks for writing. Someone will get back to you.",
            "Someone will get back to you",
            None,
        );
        assert_flags(
            &r,
            "Let me get someone else for this one. One moment.",
            "Let me get someone",
            None,
        );
    }

    #[test]
    fn quiet_when_who_and_why_are_given() {
        let r = UnexplainedTransfer::default();
        assert_quiet(
            &r,
            "I'll transfer you to Maria in billing, who can reverse the charge today.",
        );
        assert_quiet(
            &r,
            "I'm going to set you up with our specialist who will get that squared away for you right away.",
        );
        assert_quiet(
            &r,
            "I'm handing it to our security team, who can review the full access logs.",
        );
        assert_quiet(
            &r,
            "Toll disputes go through our tolling team, so I'm transferring you to Kim there: she can see the transponder logs.",
        );
        assert_quiet(
            &r,
            "I'll pass this on to his team leader, Ravi, today, and Ravi will let you know what's been done.",
        );
        assert_quiet(
            &r,
            "Thank you for the kind words about the crew; I'll pass them on.",
        );
        assert_quiet(&r, "I've moved your booking to the 16th, same time.");
        assert_quiet(&r, "I've transferred the $50 to your account.");
        assert_quiet(&r, "Please forward it to 7726 and delete it.");
        assert_quiet(&r, "We look forward to seeing you again.");
        assert_quiet(
            &r,
            "Please hold for one moment while I check the earliest engineer slot.",
        );
        assert_quiet(&r, "I'll be in touch on Friday with an update.");
        assert_quiet(
            &r,
            "I'm sorry that you are having this problem. Is there anything else wrong?",
        );
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        crate::rules::test_util::assert_odd_text_is_safe(&UnexplainedTransfer::default());
    }
}

#[cfg(test)]
mod regression_tests {
    use super::*;
    use crate::rules::test_util::assert_quiet;

    /// `~refer` also stemmed the noun "reference"; a refund reference is not a hand-off.
    #[test]
    fn a_reference_number_is_not_a_referral() {
        let r = UnexplainedTransfer::default();
        assert_quiet(
            &r,
            "It's already been refunded: reference RF-1234, sent this morning.",
        );
    }
}
