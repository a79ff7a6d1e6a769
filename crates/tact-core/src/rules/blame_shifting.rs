//! blame_shifting: putting the fault on the customer ("you should have", "you failed to",
//! "that's on you", "if you had read ... this would have been avoided") or on another party
//! ("our shipping partner is responsible", "that's the courier's fault", "handled by a
//! separate company, not by us", "you'll need to take that up with your bank").
//!
//! Seed 002, "What to Avoid When Handling Complaints": "Making excuses, deflecting, or laying
//! the blame back on the customer, management, or another department", and its process step
//! "Empathize with the customer [...] while avoiding deflecting or laying of blame and
//! defensiveness". Seed 004: "apologize without pointing the blame. [...] Don't blame another
//! person or department."
//!
//! Hard negatives: "you should have had that back within 5 days" and "it's not your fault at
//! all" take the customer's side; "we're on your side" is not "it's on your side"; a third
//! party named in a sentence where the agent acts ("the card is run by a separate company, so
//! I've called them for you") is an explanation, not a deflection.

use super::words::{has, has_seq, never};
use super::{phrase as p, phrase_fix as fix};
use super::{Draft, GuardedPhrases, Innocent, Lint, Phrase, Rule, RuleId, Severity, Word};

const SOURCE: &str = "seed 002 \"What to Avoid\" (\"deflecting, or laying the blame back on the customer, management, or another department\"); seed 004 (\"apologize without pointing the blame [...] Don't blame another person or department\")";

use Severity::{Error, Warning};

const IF_YOU_HAD: &str = "\"If you had ..., this would have ...\" tells the customer the problem is their own doing. Say what you can do now instead.";
const YOU_FAILED: &str = "Telling the customer what they failed to do puts the fault on them. Point to what's needed and help them do it.";
const ON_YOU: &str = "\"That's on you\" hands the problem back to the customer or another party. Own the next step instead.";
const THEIR_FAULT: &str = "Naming someone else's fault or responsibility (\"the courier's fault\", \"the passenger's responsibility\") deflects the blame. Apologise and say what you'll do.";
const NOT_RESPONSIBLE: &str = "\"We can't be held responsible\" is defensive and puts the problem back on the customer. Say what you can do.";
const NOT_US: &str =
    "\"..., not us\" points the blame away from you. Drop it and say what you will do.";
const ELSEWHERE: &str = "Sending the customer to chase another party deflects the complaint. Offer to contact them yourself, or explain why only the customer can.";
const OTHER_PARTY: &str = "Pointing at the other company that handles it deflects the complaint. Say what you will do about it.";
const THEIR_SIDE: &str = "Saying the problem is on the customer's side or someone else's deflects the complaint. Help check it and say what you will do.";
const NEXT_TIME: &str = "Advice on what the customer should do next time implies this was their fault. Solve the problem first; offer tips only if asked.";
const RECORDS: &str = "Quoting your records or terms against the customer reads as \"you're wrong\". Check with them what happened and say what you'll do.";

static PHRASES: &[(Phrase, Innocent)] = &[
    // Blaming the customer directly.
    (p("you must have ~click|~enter|~type|~select|~press|~tap|~choos|~chose|~set|~turn|~put|~pick|~misread|~forgot|~miss", Error, YOU_FAILED), not_their_doing),
    (p("not|n't an|a ~issu|~problem|~fault on|at our end|side", Error, THEIR_SIDE), never),
    (p("from|with|in your *2 rather than our|ours", Error, THEIR_SIDE), never),
    (p("one for *3 to fix|sort|solve|resolv", Warning, OTHER_PARTY), never),
    (p("would have been worth ~read|~check|~look", Error, IF_YOU_HAD), never),
    (p("if *3 had|would *9 would|could|might not? have", Error, IF_YOU_HAD), not_their_doing),
    (p("if you *3 correctly|properly|right|carefully", Warning, IF_YOU_HAD), troubleshooting),
    (p("you should have", Error, "\"You should have ...\" lays the blame on the customer. Say what can be done now, and if it helps, what makes it easier next time, without the reproach."), not_a_reproach),
    (p("you should really|definitely|always|probably", Warning, "\"You should really ...\" lectures the customer about what they did wrong. Help first."), apology_or_action),
    (p("you ~fail|~neglect|forgot|~forget|~omit to", Error, YOU_FAILED), conditional),
    (p("you did|have not|never ~read|~check|~follow|~notice|~look|~fill|~confirm|~update|~request|~complete|~include|~attach|~register|~submit", Warning, YOU_FAILED), conditional),
    (p("you may|might not have ~read|~notice|~see|~realize|~check", Warning, YOU_FAILED), never),
    (p("you would have ~receive|~see|~get|~been", Warning, "\"You would have received ...\" implies the customer should have known. Explain it again without the reproach."), apology_or_action),
    (p("you agreed|signed|accepted", Warning, RECORDS), owns_it),
    (p("you needed to", Warning, YOU_FAILED), apology_or_action),
    (p("you had *2 ~day|~week|~month|~hour|time to", Warning, YOU_FAILED), apology_or_action),
    (p("that|this|it|which is|was|lies on you|them", Error, ON_YOU), never),
    (p("ball is in your court", Error, ON_YOU), never),
    (p("are you sure you|that", Warning, "\"Are you sure you ...?\" doubts the customer and implies the mistake is theirs. Ask for the details neutrally."), genuine_question),
    (p("perhaps|maybe|possibly *4 the way you", Error, "Suggesting the customer caused it lays the blame on them."), never),
    (p("likely|probably what happened", Warning, "Guessing that the customer caused it lays the blame on them."), never),
    // Responsibility and fault.
    (p("the *2 ~fault|~responsibility|job|duty", Error, THEIR_FAULT), not_possessive),
    (p("is|was|are really|entirely|solely|all? your|their ~fault|~responsibility|job|duty|~problem", Error, THEIR_FAULT), owns_it),
    (p("~responsibility|~duty of the|each *1 ~cardholder|~customer|~passenger|~member|~guest|~holder|~policyholder|~user|~owner|~buyer|~player|~traveller", Error, THEIR_FAULT), never),
    (p("can|could|will not be held ~responsible|liable|accountable", Error, NOT_RESPONSIBLE), never),
    (p("not take|accept *1 ~responsibility|liability", Error, NOT_RESPONSIBLE), never),
    (p("is|are not ~responsible|liable|accountable", Error, NOT_RESPONSIBLE), customer_is_not_responsible),
    (p("not a|the? ~fault|~problem|~issue with|on|in our", Error, NOT_RESPONSIBLE), never),
    (p("~partner|~courier|~bank|~carrier|~supplier|~contractor|~subcontractor|~manufacturer|~provider|~insurer|~airport|~vendor|~retailer|~franchisee|~repairer|~distributor|they is|are solely|entirely|fully|wholly? ~responsible|liable|accountable|to|at blame|fault?", Error, THEIR_FAULT), owns_it),
    (p("~member|~passenger|~customer|~guest|~user|~player|~cardholder|~policyholder|~owner|holder|holders|~parent|~traveller|~occupant|~tenant|you are|is ~responsible for", Warning, THEIR_FAULT), never),
    (p("at the|your|their *1 own? risk", Warning, NOT_RESPONSIBLE), never),
    (p("attributable to", Warning, THEIR_FAULT), owns_it),
    (p("~originate with|from them|their|the|your", Warning, THEIR_FAULT), owns_it),
    (fix("not|than by? us|ours|me", Error, NOT_US, ""), not_a_contrast),
    (fix("not the airline|hotel|bank|branch|restaurant|store|shop|clinic|practice|gym|club|company|hospital|surgery|office", Warning, NOT_US, ""), not_a_contrast),
    (fix("as far as we are concerned", Warning, "\"As far as we're concerned\" closes the matter against the customer. Drop it.", ""), never),
    // Sending the customer elsewhere.
    (fix("you *3 take|raise *2 up? with", Warning, ELSEWHERE, "I'll take it up with"), agent_offers),
    (p("something|one|matter|question|issue to take|raise *1 up? with|for", Warning, ELSEWHERE), agent_acts),
    (p("a|the question|matter for them|their|the", Warning, ELSEWHERE), agent_acts),
    (p("is a|an bank|courier|airline|insurer|airport|supplier|carrier|manufacturer|retailer|regulator|council matter|issue|question|problem", Warning, ELSEWHERE), agent_acts),
    (p("you will|would|may|might|could|should|can|must *2 ~ask|~contact|~speak|~call|~talk|~check|~ring|~chase|~take|raise|raised|raising|raises|~report|~complain", Warning, ELSEWHERE), not_sent_elsewhere),
    (p("please ~ask|~contact|~speak|~call|~talk|~check|~ring|~chase|raise|raised|raising|raises|~complain", Warning, ELSEWHERE), not_sent_elsewhere),
    (p("~suggest|~recommend|~advise|best|better|worth *2 ~ask|~contact|~speak|~call|~talk|~check|~ring|~chase|~open|raise|raised|raising|raises|~take|~go", Warning, ELSEWHERE), not_sent_elsewhere),
    (p("~contact|~ask|~speak|~call|~go|raise|raised|raising|raises|~rebook|~take|~open|~complain|~deal|~talk *5 directly", Warning, ELSEWHERE), not_sent_elsewhere),
    // Another party's doing.
    (p("by a|an|the|your|their? *2 separate|external|third|outside|independent|~contractor|~subcontractor|~franchisee|~partner|~regulator|authority|authorities|~courier|~bank|~airport|~insurer|~council|city|~government|traffic|~manufacturer|~provider|~storefront|~vendor|~supplier|~studio|~carrier|~issuer|~distributor ~company|~contractor|~partner|party|~business|~team|~firm|~provider?", Warning, OTHER_PARTY), not_ours),
    (p("is|are a|an? separate|independent|different|external *1 business|businesses|company|companies|team|~contractor|~partner|~provider|~entity|~organization|~franchise", Warning, OTHER_PARTY), owns_it),
    (p("in the|their *1 hands", Warning, OTHER_PARTY), owns_it),
    (p("is|are|be|was|were|lies|rests on|with their|your side|end|setup", Warning, THEIR_SIDE), we_are_on_your_side),
    (p("on their side|end", Warning, THEIR_SIDE), owns_it),
    (p("~cause by *2 your|~customer", Warning, THEIR_SIDE), own_cause),
    (p("due|down to *2 your|~customer", Warning, THEIR_SIDE), own_cause),
    (p("because of *2 your|~customer", Warning, THEIR_SIDE), own_cause),
    (p("~cause by *3 on your end|side", Warning, THEIR_SIDE), own_cause),
    (p("~problem|~issue|~fault is|was|lies with? your|their", Warning, THEIR_SIDE), owns_it),
    (p("~issue|~problem|~fault may|might|could|must|probably|likely be? with|in|inside your|their", Warning, THEIR_SIDE), owns_it),
    (p("may|might|could|must|probably|likely be an|a ~issue|~problem|~fault with|in|inside your|their", Warning, THEIR_SIDE), owns_it),
    (p("usually|probably|likely means your|you|someone", Warning, THEIR_SIDE), owns_it),
    (p("based on *2 information *3 given|~give|~supply|~provide|you", Warning, THEIR_SIDE), owns_it),
    (p("only *2 what we ~receive|~given|are", Warning, THEIR_SIDE), owns_it),
    // Lessons for next time.
    (p("~recommend|~suggest|~advise|best|wise|worth|idea|~remember|~consider *10 future|forward|ahead|beforehand|advance|before", Warning, NEXT_TIME), owns_it),
    (p("~recommend|~suggest|~advise|best|wise|worth|idea|~remember|~consider *10 next time", Warning, NEXT_TIME), owns_it),
    (p("next time *2 please|make|~mention|~familiarize|~remember|try|~check|~double|~allow|~recommend|~suggest|~advise|~ensure|~consider|~read|be", Warning, NEXT_TIME), owns_it),
    (p("future|forward *2 please|make|~mention|~familiarize|~remember|try|~check|~double|~allow|~recommend|~suggest|~advise|~ensure|~consider|~read|be", Warning, NEXT_TIME), owns_it),
    (p("please *6 next time", Warning, NEXT_TIME), owns_it),
    (p("maybe|perhaps|try|just *5 next time", Warning, NEXT_TIME), owns_it),
    (p("it helps *2 if ~customer|you|~guest|~passenger|~member|~user|people", Warning, NEXT_TIME), owns_it),
    (p("be more careful|attentive|vigilant", Error, "Telling the customer to be more careful blames them for the problem."), never),
    (p("before raise|raised|raising|raises|~make|~file|~submit|~log a ~complaint", Error, "Telling the customer to check before complaining dismisses the complaint and blames them."), never),
    (p("before ~contact us again", Error, "Telling the customer what to do before contacting you again blames them and shuts the door."), never),
    (p("always best|advisable|wise|worth|sensible to", Warning, NEXT_TIME), owns_it),
    (p("always a good idea", Warning, NEXT_TIME), owns_it),
    (p("we do|always ~advise|~recommend", Warning, NEXT_TIME), owns_it),
    (p("we would always ~advise|~recommend", Warning, NEXT_TIME), owns_it),
    // Records and terms quoted against the customer.
    (p("according to our records", Warning, RECORDS), records_not_against_customer),
    (p("our records|system|systems ~show|~indicate|~suggest", Warning, RECORDS), records_not_against_customer),
    (p("is|are|was|were clearly? ~publish|~post|~list|~display|~show|~print|~outline|~state|~explain|~mention|~include|~set out? on|in our|the|your", Warning, RECORDS), apology_or_action),
];

/// The agent (or the company) does something: "I'll", "I've", "I can", "let me", "we've",
/// "I'm sending"; not "I'm afraid", "we can't", "I'd suggest".
fn agent_does(words: &[Word]) -> bool {
    words.windows(3).any(|w| {
        let (a, b, c) = (w[0].norm.as_str(), w[1].norm.as_str(), w[2].norm.as_str());
        let subject = matches!(a, "i" | "we");
        let aux = matches!(b, "will" | "can" | "have" | "am" | "are" | "shall");
        let real = !matches!(
            c,
            "any"
                | "no"
                | "not"
                | "never"
                | "afraid"
                | "sorry"
                | "unable"
                | "a"
                | "an"
                | "the"
                | "to"
                | "only"
                | "happy"
                | "glad"
                | "aware"
                | "told"
        ) && (b != "am" && b != "are" || c.ends_with("ing"));
        subject && aux && real
    }) || has_seq(words, &["let", "me"])
}

/// The reply owns the problem somewhere: "that shouldn't have happened", "our mistake",
/// "you're right", "we should explain better", or the agent fixes something ("I've refunded").
fn reply_owns(d: &Draft<'_>) -> bool {
    d.sentences.iter().any(|words| {
        has_seq(words, &["should", "not", "have"])
            || has_seq(words, &["we", "should"])
            || has_seq(words, &["i", "should"])
            || has_seq(words, &["you", "are", "right"])
            || ["fault", "mistake", "error", "problem"]
                .iter()
                .any(|n| has_seq(words, &["our", n]))
            || has_seq(words, &["on", "our", "side"])
            || has_seq(words, &["on", "our", "end"])
            || ["had", "received", "been"]
                .iter()
                .any(|n| has_seq(words, &["should", "have", n]))
            || has_seq(words, &["on", "us"])
            || has_seq(words, &["not", "good", "enough"])
            || has_seq(words, &["not", "good", "service"])
            || fixes(words)
    })
}

/// "I've refunded / we've fixed / I have added ...": a remedy in the past tense.
fn fixes(words: &[Word]) -> bool {
    const DONE: [&str; 31] = [
        "refund", "credit", "waiv", "fix", "replac", "rebook", "revers", "remov", "approv",
        "cancel", "book", "report", "ad", "refresh", "restor", "resolv", "upgrad", "switch",
        "move", "arrang", "extend", "appli", "reissu", "correct", "releas", "void", "unlock",
        "reset", "reactiv", "taken", "found",
    ];
    words.windows(3).any(|w| {
        matches!(w[0].norm.as_str(), "i" | "we")
            && w[1].norm == "have"
            && (DONE.contains(&w[2].stem.as_str()) || DONE.contains(&w[2].norm.as_str()))
    })
}

/// An apology or the agent acting in the same sentence, or a reply that owns the problem.
fn apology_or_action(d: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    has(words, &["sorri", "apolog"]) || agent_does(words) || reply_owns(d)
}

/// The agent acts in the same sentence ("..., so I've called them for you").
fn agent_acts(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    agent_does(words)
}

/// The agent acts in the sentence, or the reply owns the problem elsewhere.
fn owns_it(d: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    agent_does(words) || reply_owns(d)
}

/// "Held by our payment provider" is ours to answer for.
fn not_ours(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words.get(m.0 + 1).is_some_and(|w| w.norm == "our") || owns_it(d, words, m)
}

/// "If you'd like, we could have it ready" / "if we had known, we would have called".
fn not_their_doing(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let span = &words[m.0..=m.1];
    let after = span
        .iter()
        .position(|w| w.norm == "had" || w.norm == "would")
        .and_then(|i| words.get(m.0 + i + 1));
    let polite = after.is_some_and(|w| {
        matches!(
            w.norm.as_str(),
            "like"
                | "prefer"
                | "rather"
                | "want"
                | "wish"
                | "liked"
                | "preferred"
                | "wanted"
                | "any"
        )
    });
    let ours = span
        .iter()
        .take_while(|w| w.norm != "had" && w.norm != "would")
        .any(|w| matches!(w.norm.as_str(), "we" | "i" | "our" | "us" | "my"));
    polite || ours
}

/// "If you entered it correctly and it still fails, reply here" is a troubleshooting step.
fn troubleshooting(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    has(words, &["still", "repli", "let", "tell", "sorri"])
}

/// "If you followed the steps and it still fails, reply here" is a troubleshooting step.
fn conditional(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words[..m.0]
        .iter()
        .rev()
        .take(3)
        .any(|w| matches!(w.norm.as_str(), "if" | "whether" | "unless" | "case"))
}

/// "You should have had/received/been told ..." takes the customer's side; "you should have
/// it by Friday" is news. Only a past participle of something the customer did is a reproach.
fn not_a_reproach(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let mut next = words[m.1 + 1..].iter().map(|w| w.norm.as_str());
    let mut w = next.next();
    if matches!(
        w,
        Some("just" | "really" | "simply" | "actually" | "probably" | "already" | "first" | "also")
    ) {
        w = next.next();
    }
    let Some(w) = w else { return true };
    const GIVEN: [&str; 9] = [
        "received", "been", "had", "got", "gotten", "heard", "seen", "offered", "charged",
    ];
    const IRREGULAR: [&str; 22] = [
        "bought", "read", "done", "made", "sent", "told", "taken", "given", "chosen", "known",
        "brought", "kept", "left", "paid", "put", "set", "written", "thought", "gone", "worn",
        "run", "driven",
    ];
    if GIVEN.contains(&w) {
        return true;
    }
    !(w.ends_with("ed") || IRREGULAR.contains(&w))
}

/// "We're on your side" is support, not deflection.
fn we_are_on_your_side(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    m.0 > 0 && matches!(words[m.0 - 1].norm.as_str(), "we" | "i") || owns_it(d, words, m)
}

/// "The driver's fault" deflects; "the fault" or "our fault" does not.
fn not_possessive(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let filler = &words[m.0 + 1..m.1];
    let negated = words[m.0.saturating_sub(3)..m.0]
        .iter()
        .any(|w| matches!(w.norm.as_str(), "not" | "never"));
    negated
        || owns_it(d, words, m)
        || !filler.iter().any(|w| {
            (w.norm.ends_with("'s") || w.norm.ends_with("s'"))
                && !matches!(w.norm.as_str(), "today's" | "yesterday's" | "everyone's")
        })
}

/// "You aren't responsible for this charge" reassures.
fn customer_is_not_responsible(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    m.0 > 0
        && matches!(
            words[m.0 - 1].norm.as_str(),
            "you" | "customer" | "customers"
        )
}

/// "..., not us" only after a comma or dash.
fn not_a_contrast(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let first = words[m.0].norm.as_str();
    if first == "than" && (m.0 == 0 || words[m.0 - 1].norm != "rather") {
        return true;
    }
    if first == "not" {
        let before = d.text()[..words[m.0].span.start].trim_end();
        if !(before.ends_with(',') || before.ends_with('\u{2014}') || before.ends_with('-')) {
            return true;
        }
    }
    false
}

/// "Would you like me to raise it with them?" / "I can take it up with them".
fn agent_offers(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words[m.0..=m.1].iter().any(|w| w.norm == "me") || agent_does(words)
}

/// Sends the customer to another party: the words after the verb name one, and the agent is
/// not the one doing the contacting.
fn not_sent_elsewhere(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    const THIRD: [&str; 33] = [
        "them",
        "their",
        "bank",
        "insurer",
        "courier",
        "carrier",
        "provider",
        "store",
        "shop",
        "retailer",
        "airport",
        "airline",
        "manufacturer",
        "doctor",
        "administrator",
        "supplier",
        "contractor",
        "agency",
        "issuer",
        "seller",
        "storefront",
        "partner",
        "franchisee",
        "office",
        "insurance",
        "network",
        "council",
        "landlord",
        "broker",
        "whoever",
        "company",
        "operator",
        "line",
    ];
    if agent_does(words) {
        return true;
    }
    let end = (m.1 + 6).min(words.len());
    let scope = &words[m.1 + 1..end];
    if scope
        .iter()
        .chain(&words[m.0..=m.1])
        .any(|w| matches!(w.norm.as_str(), "me" | "us" | "i" | "we" | "our"))
    {
        return true;
    }
    let names_other = scope.iter().enumerate().any(|(k, w)| {
        THIRD.contains(&w.norm.as_str())
            || THIRD.contains(&w.stem.as_str())
            || w.norm.ends_with("'s")
            // A name right after the verb or "with"/"to": "ask Apple", "up with Apple".
            || ((k == 0 || matches!(scope[k - 1].norm.as_str(), "with" | "to" | "at"))
                && d.text()[w.span.start..w.span.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase))
    });
    !names_other
}

/// "Due to our error, not your card" owns it; "caused by your router" blames.
fn own_cause(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words[m.0..m.1]
        .iter()
        .any(|w| matches!(w.norm.as_str(), "our" | "we" | "us" | "my" | "i"))
        || has(words, &["sorri", "apolog", "thank"])
        || owns_it(d, words, m)
}

/// "Our records show your payment arrived, so I've removed the fee" is on the customer's side.
fn records_not_against_customer(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let rest = &words[m.1 + 1..];
    !rest
        .iter()
        .any(|w| matches!(w.norm.as_str(), "you" | "your" | "yours"))
        || has(
            words,
            &[
                "sorri", "apolog", "refund", "waiv", "credit", "remov", "fix",
            ],
        )
        || owns_it(d, words, m)
}

/// "Are you sure you want to cancel?" is a real question.
fn genuine_question(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words.get(m.1 + 1).is_some_and(|w| {
        matches!(
            w.norm.as_str(),
            "want" | "would" | "wish" | "need" | "are" | "have" | "do" | "like"
        )
    })
}

/// The blame-shifting rule.
#[derive(Debug)]
pub struct BlameShifting {
    phrases: GuardedPhrases,
}

impl Default for BlameShifting {
    fn default() -> Self {
        BlameShifting {
            phrases: GuardedPhrases::new(PHRASES),
        }
    }
}

impl Rule for BlameShifting {
    fn id(&self) -> RuleId {
        RuleId::BlameShifting
    }

    fn description(&self) -> &'static str {
        "Puts the fault on the customer or another party (\"you should have\", \"that's on the courier\", \"not by us\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let text = draft.text();
        let mut out: Vec<Lint> = Vec::new();
        for mut l in self.phrases.matches(draft, self.id(), SOURCE) {
            if out.iter().any(|o| o.span.overlaps(&l.span)) {
                continue;
            }
            match l.suggestion.as_deref() {
                // A deleted "..., not us" takes its comma and space with it.
                Some("") => {
                    let before = &text[..l.span.start];
                    let trimmed = before.trim_end_matches([' ', ',', '\u{2014}', '-']);
                    l.span.start = trimmed.len();
                    l.text = l.span.slice(text).to_string();
                }
                // The one rewrite: "You'll need to take this up with" -> "I'll take this up
                // with".
                Some(_) => {
                    l.suggestion = offer_to_take_it_up(&l.text);
                }
                None => {}
            }
            out.push(l);
        }
        out.sort_by_key(|l| l.span.start);
        out
    }
}

/// "you'll need to raise this with" -> "I'll raise this with".
fn offer_to_take_it_up(flagged: &str) -> Option<String> {
    let lower = flagged.to_lowercase();
    let at = ["take ", "raise "]
        .iter()
        .filter_map(|v| lower.find(v))
        .min()?;
    Some(format!("I'll {}", &flagged[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_blaming_the_customer() {
        let r = BlameShifting::default();
        assert_flags(
            &r,
            "You should have bought them on the platform you mainly play on.",
            "You should have",
            None,
        );
        assert_flags(
            &r,
            "Honestly you should\u{2019}ve just called us first.",
            "you should\u{2019}ve",
            None,
        );
        assert_flags(
            &r,
            "Unfortunately YOU FAILED TO submit the form.",
            "YOU FAILED TO",
            None,
        );
        assert_flags(
            &r,
            "It looks like you didn't read the terms.",
            "you didn't read",
            None,
        );
        assert_flags(&r, "Sorry, but that's on you.", "that's on you", None);
        assert_flags(
            &r,
            "If you had requested it earlier, you would have it by now.",
            "If you had requested it earlier, you would have",
            None,
        );
        assert_flags(
            &r,
            "If you'd bothered to compare tariffs you might have chosen differently.",
            "If you'd bothered to compare tariffs you might have",
            None,
        );
    }

    #[test]
    fn flags_deflecting_to_another_party() {
        let r = BlameShifting::default();
        assert_flags(
            &r,
            "Honestly, that's the courier's fault.",
            "the courier's fault",
            None,
        );
        assert_flags(
            &r,
            "It is the policyholder\u{2019}s job to make sure payments go through.",
            "the policyholder\u{2019}s job",
            None,
        );
        assert_flags(
            &r,
            "We can't be held responsible for problems with your bank account.",
            "can't be held responsible",
            None,
        );
        assert_flags(
            &r,
            "Our shipping partner is responsible for delays.",
            "partner is responsible",
            None,
        );
        assert_flags(
            &r,
            "Sadly the BANK is solely responsible for that fee.",
            "BANK is solely responsible",
            None,
        );
        assert_flags(
            &r,
            "You will need to raise this with the airline.",
            "You will need to raise this with",
            Some("I'll raise this with the airline."),
        );
        assert_flags(
            &r,
            "The conversion fee is set by TravelFinder, not by us.",
            ", not by us",
            Some("The conversion fee is set by TravelFinder."),
        );
        assert_flags(&r, "Any delay is on their side.", "is on their side", None);
        assert_flags(
            &r,
            "Deliveries are late, so you'll need to take that up with Apple.",
            "you'll need to take that up with",
            Some("Deliveries are late, so I'll take that up with Apple."),
        );
        assert_flags(
            &r,
            "Reinstatement works are handled by a separate contractor.",
            "by a separate contractor",
            None,
        );
    }

    #[test]
    fn flags_blame_by_advice_and_records() {
        let r = BlameShifting::default();
        assert_flags(
            &r,
            "We'd recommend calling ahead next time.",
            "recommend calling ahead",
            None,
        );
        assert_flags(
            &r,
            "Next time, please make sure to check the deadlines.",
            "Next time, please",
            None,
        );
        assert_flags(
            &r,
            "Hopefully you'll be more careful with trades in the future.",
            "be more careful",
            None,
        );
        assert_flags(
            &r,
            "According to our records you cancelled the booking yourself.",
            "According to our records",
            None,
        );
    }

    #[test]
    fn quiet_on_taking_the_customers_side() {
        let r = BlameShifting::default();
        assert_quiet(
            &r,
            "You should have had that back within 5 days of our cancellation.",
        );
        assert_quiet(
            &r,
            "You should have received a reminder, and it was never sent.",
        );
        assert_quiet(&r, "You should have the new card by Friday.");
        assert_quiet(&r, "It's not your fault at all, and I'm sorry.");
        assert_quiet(&r, "You're right, that's on us, not you.");
        assert_quiet(&r, "We're on your side here.");
        assert_quiet(&r, "You aren't responsible for this charge.");
        assert_quiet(&r, "If you'd like, we could have it ready tomorrow.");
        assert_quiet(
            &r,
            "If you had questions saved up for the call, send them over.",
        );
        assert_quiet(
            &r,
            "If you didn't request this, let me know and I'll cancel it.",
        );
        assert_quiet(
            &r,
            "The store card is run by a separate finance company, so I've called them for you.",
        );
        assert_quiet(&r, "Send me their contact and I'll talk to them directly.");
        assert_quiet(
            &r,
            "Our records show your payment arrived on the 3rd, so I've removed the fee.",
        );
        assert_quiet(&r, "Are you sure you want to cancel?");
        assert_quiet(&r, "We'd still recommend changing your app password.");
        assert_quiet(
            &r,
            "Next time, message her directly and she'll see you at the private entrance.",
        );
        assert_quiet(
            &r,
            "We're sorry that you are having this problem. Is there anything else wrong?",
        );
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        crate::rules::test_util::assert_odd_text_is_safe(&BlameShifting::default());
    }
}
