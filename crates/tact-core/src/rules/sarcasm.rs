//! sarcasm: sarcasm and shouting ("Thanks SO much for your patience", "wow, what a surprise",
//! "congratulations on finally", "good luck with that", "I'm sure you'll figure it out",
//! "clearly you know best", "Six times!", and runs of capitals aimed at the customer).
//!
//! Seed 003, "Avoid being passive-aggressive": language "coming off as demeaning or
//! dismissive" is "pretty infuriating from the customer's viewpoint". Seed 000, step 2, on the
//! aggressive customer: "avoid mirroring their confrontational behavior; instead, react with
//! firm politeness"; seed 003: "avoid being aggressive back". Capitals read as shouting.
//!
//! Sincere thanks stay quiet ("Thanks so much for your patience while we fixed this", "Thank
//! you SO much for telling us instead of using it!" in the corpus): only capitalised emphasis
//! on thanks for patience, waiting, holding or "letting us know" is flagged. Acronyms (ATM,
//! PIN, SLA, USB, VIP, FAQ, ID, OK, ...) are not shouting, nor are quoted labels.

use super::phrase as p;
use super::words::{has, never};
use super::{Draft, GuardedPhrases, Innocent, Lint, Phrase, Rule, RuleId, Severity, Word};
use crate::span::Span;
use crate::text::TokenKind;

const SOURCE: &str = "seed 003 \"Avoid being passive-aggressive\" (\"demeaning or dismissive\"); seed 000 step 2 (\"avoid mirroring their confrontational behavior; instead, react with firm politeness\")";

use Severity::{Error, Warning};

const SARCASM: &str = "Sarcasm reads as mockery to someone who is already upset, and written down it can't be taken back. Say it plainly.";
const MOCK_EFFORT: &str = "Mocking how often the customer has had to get in touch turns their frustration into a joke. Acknowledge it and apologise.";
const THANKS_CAPS: &str = "Capitalised emphasis in a thank-you (\"Thanks SO much for your patience\") reads as sarcasm. If the thanks is sincere, drop the capitals; if not, apologise for the wait instead.";
const SHOUTING: &str = "A run of capitals reads as shouting at the customer. Write it in normal case; the guides ask for firm politeness, never mirroring anger.";
const AS_ALWAYS: &str = "\"Thanks for your patience, as always\" hints that the customer is always complaining. Drop \"as always\".";

static PHRASES: &[(Phrase, Innocent)] = &[
    (p("what a surprise|shock", Error, SARCASM), never),
    (p("fancy that", Error, SARCASM), never),
    (p("that is|that's a first", Error, SARCASM), never),
    (
        p("always a treat|pleasure|joy to hear", Error, SARCASM),
        never,
    ),
    (p("we|i do love hearing|getting", Error, SARCASM), never),
    (
        p(
            "thanks|thank you for the glowing review|feedback",
            Error,
            SARCASM,
        ),
        never,
    ),
    (
        p("oh wow|great|joy|brilliant|lovely", Error, SARCASM),
        never,
    ),
    (
        p("ah|oh yes the great|famous|infamous", Error, SARCASM),
        never,
    ),
    (
        p("will|would miss you terribly|dearly", Error, SARCASM),
        never,
    ),
    (
        p(
            "let us try a|an third|fourth|fifth|sixth|tenth time then?",
            Error,
            MOCK_EFFORT,
        ),
        never,
    ),
    (p("who knew", Error, SARCASM), never),
    (p("what are the odds", Error, SARCASM), never),
    (p("believe it or not", Error, SARCASM), never),
    (p("funny how that works", Error, SARCASM), never),
    (p("funnily enough", Warning, SARCASM), never),
    (p("the horror", Error, SARCASM), never),
    (p("riveting", Error, SARCASM), never),
    (p("we aim to please", Error, SARCASM), never),
    (p("how will you survive|cope", Error, SARCASM), never),
    (p("alert the authorities", Error, SARCASM), never),
    (p("you must really love", Error, MOCK_EFFORT), never),
    (
        p(
            "quite the accusation|honour|honor|achievement",
            Error,
            SARCASM,
        ),
        never,
    ),
    (
        p("impressive|such|real dedication", Error, MOCK_EFFORT),
        never,
    ),
    (p("that is dedication", Error, MOCK_EFFORT), never),
    (p("most dedicated", Error, MOCK_EFFORT), never),
    (p("persistence pays off", Error, MOCK_EFFORT), never),
    (p("asking a lot", Error, SARCASM), never),
    (p("what you can find when you look", Error, SARCASM), never),
    (p("shockingly", Error, SARCASM), never),
    (p("of course because", Error, SARCASM), never),
    (p("i am sure you did", Error, SARCASM), never),
    (p("making it up", Error, SARCASM), sorry),
    (p("good luck with that", Error, SARCASM), never),
    (p("good luck getting|finding|trying", Error, SARCASM), never),
    (p("better luck", Error, SARCASM), never),
    (
        p(
            "i am sure you will figure|work|manage|cope|get",
            Error,
            SARCASM,
        ),
        never,
    ),
    (p("you know best|better", Error, SARCASM), sincere_know_best),
    (p("on finally", Error, SARCASM), never),
    (
        p("at least it is consistent|reliable", Error, SARCASM),
        never,
    ),
    (p("at least now you", Error, SARCASM), never),
    (p("time's the|a charm", Error, MOCK_EFFORT), never),
    (p("time is the|a charm", Error, MOCK_EFFORT), never),
    (p("the classic", Error, SARCASM), not_at_end),
    (
        p(
            "oh how lovely|wonderful|nice|awful|terrible|delightful",
            Error,
            SARCASM,
        ),
        sorry,
    ),
    (p("unfortunate for you", Error, SARCASM), never),
    (p("did not you hear", Error, SARCASM), never),
    (p("try not to lose any? sleep", Error, SARCASM), never),
    (
        p(
            "i am sure that|it was *2 fun|great|lovely|enjoyable",
            Error,
            SARCASM,
        ),
        never,
    ),
    (p("i am sure", Error, SARCASM), not_tacked_on),
    (p("i suppose", Error, SARCASM), not_tacked_on),
    (p("good thing you noticed", Error, SARCASM), never),
    (p("can not please everyone", Error, SARCASM), never),
    (p("secret feature", Error, SARCASM), never),
    (p("grow on trees", Error, SARCASM), never),
    (p("the mysterious", Warning, SARCASM), never),
    (p("caused you so much", Error, SARCASM), never),
    (p("such a shame", Warning, SARCASM), sorry),
    (p("kidding|joking aside", Error, SARCASM), never),
    (p("got to enjoy", Warning, SARCASM), never),
    (
        p(
            "haha",
            Warning,
            "Laughing at a complaint makes light of it. Acknowledge the problem instead.",
        ),
        thanked_nearby,
    ),
    (p("i suppose you would also? like", Error, SARCASM), never),
    (
        p(
            "oh? wonderful|great|fantastic|lovely|brilliant|perfect another",
            Error,
            SARCASM,
        ),
        never,
    ),
    (
        p(
            "that is just fantastic|wonderful|great|perfect|brilliant|lovely|marvellous",
            Error,
            SARCASM,
        ),
        sorry,
    ),
    (p("lucky you", Error, SARCASM), never),
    (p("the one time|day you|the|it|we", Error, SARCASM), sorry),
    (
        p(
            "what a wonderful|great|fantastic|brilliant question",
            Error,
            SARCASM,
        ),
        never,
    ),
    (p("great mysteries|mystery", Error, SARCASM), never),
    (p("really suffering|struggling", Error, SARCASM), sorry),
    (p("bit of a clue", Error, SARCASM), never),
    (p("little hint", Error, SARCASM), never),
    (p("for your enjoyment|amusement", Error, SARCASM), never),
    (p("mind reading", Error, SARCASM), never),
    (p("read minds", Error, SARCASM), never),
    (p("~teleport", Error, SARCASM), never),
    (p("have it framed", Error, SARCASM), never),
    (p("part of the furniture", Error, SARCASM), never),
    (
        p("~keep things exciting|interesting", Error, SARCASM),
        never,
    ),
    (p("how brave", Error, SARCASM), never),
    (p("which is handy", Warning, SARCASM), never),
    (p("like the rest of the world", Error, SARCASM), never),
    (p("turning it off and on again", Error, SARCASM), never),
    (p("make it any clearer", Error, SARCASM), never),
    (p("have you tried you know", Error, SARCASM), never),
    (p("finally clears", Error, SARCASM), never),
    (p("add it to the pile", Error, SARCASM), never),
    (p("how passionate you are", Error, SARCASM), never),
    (p("easy to miss i know", Error, SARCASM), never),
    (p("gosh", Warning, SARCASM), sorry),
    (p("impressive", Warning, MOCK_EFFORT), not_a_count_jibe),
    (p("whole", Error, MOCK_EFFORT), not_a_count),
    (
        p(
            "all two|three|four|five|six|seven|eight|nine|ten",
            Error,
            MOCK_EFFORT,
        ),
        not_all_of_them,
    ),
    (
        Phrase {
            pattern: "as always|ever",
            severity: Warning,
            message: AS_ALWAYS,
            suggestion: Some(""),
        },
        not_thanks,
    ),
];

/// "Gosh, I'm so sorry" / "oh, how awful, I'm sorry" are sympathy.
fn sorry(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    has(words, &["sorri", "apolog"])
}

/// "Haha, we wish! Thanks for flagging" laughs along with the customer.
fn thanked_nearby(d: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    let si = d
        .sentences
        .iter()
        .position(|s| s.first().map(|w| w.span) == words.first().map(|w| w.span));
    let next = si.and_then(|i| d.sentences.get(i + 1));
    has(words, &["sorri", "thank", "thanks"])
        || next.is_some_and(|n| has(n, &["sorri", "thank", "thanks"]))
}

/// "You know your business best" is sincere; "clearly you know best" is not.
fn sincere_know_best(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    !words[m.0.saturating_sub(2)..m.0].iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "clearly" | "obviously" | "since" | "as" | "well" | "because"
        )
    })
}

/// "Oof, the classic!" ends the sentence; "the classic menu" doesn't.
fn not_at_end(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    m.1 + 1 != words.len()
}

/// "Yes, very annoying, I'm sure!" / "fast food can be romantic too, I suppose": tacked on.
fn not_tacked_on(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let before = d.text()[..words[m.0].span.start].trim_end();
    !(m.1 + 1 == words.len() && before.ends_with(','))
}

fn number_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "fifteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
    ) || w.starts_with(|c: char| c.is_ascii_digit())
}

/// "Thirty times, impressive dedication!" / "A 200-game streak, impressive!"; not "an
/// impressive fix".
fn not_a_count_jibe(d: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    let sentence = sentence_text(d, words);
    !(words.len() <= 6 && sentence.ends_with('!') && words.iter().any(|w| number_word(&w.norm)))
}

/// "Four whole games" / "ten whole minutes" mock the amount; "a whole month" doesn't.
fn not_a_count(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    !(m.0 > 0 && number_word(&words[m.0 - 1].norm))
}

/// "We do read them, all four!" / "all four times"; not "I've refunded all three charges".
fn not_all_of_them(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let next = words.get(m.1 + 1).map(|w| w.norm.as_str());
    let at_end = m.1 + 1 == words.len();
    let echo = has(words, &["read", "hear", "heard", "got", "receiv", "count"]);
    !(next == Some("times") || at_end && echo)
}

/// "As always" only mocks in a thank-you.
fn not_thanks(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    !has(words, &["thank", "thanks", "appreci"])
}

fn sentence_text<'a>(d: &Draft<'a>, words: &[Word]) -> &'a str {
    let Some(first) = words.first() else {
        return "";
    };
    d.doc
        .sentences()
        .iter()
        .find(|s| s.start <= first.span.start && first.span.start < s.end)
        .map_or("", |s| s.slice(d.text()))
}

/// Words that are written in capitals without shouting.
const ACRONYMS: [&str; 96] = [
    "atm", "pin", "sla", "usb", "vip", "faq", "id", "ok", "sim", "api", "sso", "cpt", "hsa", "dpa",
    "dpo", "po", "vat", "ac", "uk", "eu", "us", "usa", "it", "pc", "tv", "sms", "pdf", "ios",
    "url", "ceo", "dm", "eta", "gb", "mb", "tb", "kg", "am", "pm", "nhs", "fca", "isp", "hr", "cv",
    "qr", "nfc", "gps", "cctv", "dvd", "hd", "ui", "ux", "ip", "vpn", "isa", "iban", "bic", "ev",
    "mot", "rsvp", "asap", "fyi", "ps", "nb", "tbc", "tbd", "aws", "csv", "xml", "json", "sql",
    "ssl", "http", "https", "wifi", "dsl", "fttp", "lte", "esim", "payg", "apr", "aer", "atc",
    "est", "gmt", "utc", "bst", "pst", "cet", "uae", "nz", "ny", "dc", "mr", "mrs", "ms", "dr",
];

/// Words used for emphasis in a sarcastic thank-you.
const EMPHASIS: [&str; 9] = [
    "so", "really", "very", "sooo", "soooo", "totally", "truly", "much", "such",
];

/// The sarcasm rule.
#[derive(Debug)]
pub struct Sarcasm {
    phrases: GuardedPhrases,
}

impl Default for Sarcasm {
    fn default() -> Self {
        Sarcasm {
            phrases: GuardedPhrases::new(PHRASES),
        }
    }
}

impl Rule for Sarcasm {
    fn id(&self) -> RuleId {
        RuleId::Sarcasm
    }

    fn description(&self) -> &'static str {
        "Sarcasm and shouting (\"Thanks SO much for your patience\", \"Wow, what a surprise\", capitals)."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let text = draft.text();
        let mut out: Vec<Lint> = Vec::new();
        let push = |out: &mut Vec<Lint>, l: Lint| {
            if !out.iter().any(|o| o.span.overlaps(&l.span)) {
                out.push(l);
            }
        };
        for l in caps_thanks(draft) {
            push(&mut out, l);
        }
        for l in shouting(draft) {
            push(&mut out, l);
        }
        for l in count_echoes(draft) {
            push(&mut out, l);
        }
        for mut l in self.phrases.matches(draft, self.id(), SOURCE) {
            if l.suggestion.as_deref() == Some("") {
                // ", as always" goes with its comma.
                let before = &text[..l.span.start];
                l.span.start = before.trim_end_matches([' ', ',']).len();
                l.text = l.span.slice(text).to_string();
            }
            push(&mut out, l);
        }
        out.sort_by_key(|l| l.span.start);
        out
    }
}

fn lint(
    d: &Draft<'_>,
    span: Span,
    severity: Severity,
    message: &str,
    suggestion: Option<String>,
) -> Lint {
    Lint {
        rule: RuleId::Sarcasm,
        span,
        text: span.slice(d.text()).to_string(),
        severity,
        message: message.to_string(),
        suggestion,
        source: SOURCE.to_string(),
    }
}

/// "Thanks SO much for your patience", "We REALLY appreciate you being so patient", "Thank you
/// for being SO persistent": capitalised emphasis on thanks for waiting, holding, persisting or
/// "letting us know".
fn caps_thanks(d: &Draft<'_>) -> Vec<Lint> {
    let text = d.text();
    let tokens = d.doc.tokens();
    let mut out = Vec::new();
    for words in &d.sentences {
        let target = has(
            words,
            &[
                "patienc",
                "patient",
                "wait",
                "hold",
                "persist",
                "loyalti",
                "understand",
            ],
        ) || words
            .windows(3)
            .any(|w| w[0].norm == "letting" && w[1].norm == "us" && w[2].norm == "know");
        if !target {
            continue;
        }
        for (k, w) in words.iter().enumerate() {
            if !matches!(w.stem.as_str(), "thank" | "thanks" | "appreci") {
                continue;
            }
            let lo = k.saturating_sub(1);
            let hi = (k + 5).min(words.len());
            let caps = (lo..hi).find(|&i| {
                let t = &tokens[words[i].token];
                t.upper && EMPHASIS.contains(&words[i].norm.as_str())
            });
            let Some(c) = caps else { continue };
            let (a, mut b) = (k.min(c), k.max(c));
            if words.get(b + 1).is_some_and(|w| w.norm == "much") {
                b += 1;
            }
            let span = words[a].span.join(words[b].span);
            let original = span.slice(text);
            let fixed = lowercase_caps(d, span, &words[a..=b]);
            if fixed != original {
                out.push(lint(d, span, Error, THANKS_CAPS, Some(fixed)));
            }
            break;
        }
    }
    out
}

/// The span's text with its all-capital words in lower case ("I" stays "I").
fn lowercase_caps(d: &Draft<'_>, span: Span, words: &[Word]) -> String {
    let text = d.text();
    let tokens = d.doc.tokens();
    let mut s = String::new();
    let mut at = span.start;
    let mut seen = Vec::new();
    for w in words {
        if seen.contains(&w.token) {
            continue;
        }
        seen.push(w.token);
        let t = &tokens[w.token];
        s.push_str(&text[at..t.span.start]);
        let raw = t.span.slice(text);
        if t.upper && !ACRONYMS.contains(&t.norm.as_str()) {
            let lower = raw.to_lowercase();
            if lower == "i" || lower.starts_with("i'") || lower.starts_with("i\u{2019}") {
                s.push('I');
                s.push_str(&lower[1..]);
            } else {
                s.push_str(&lower);
            }
        } else {
            s.push_str(raw);
        }
        at = t.span.end;
    }
    s.push_str(&text[at..span.end]);
    s
}

/// Two or more capitalised words in a row that aren't acronyms: "PLEASE DO NOT HANG UP".
fn shouting(d: &Draft<'_>) -> Vec<Lint> {
    let text = d.text();
    let tokens = d.doc.tokens();
    let loud = |i: usize| {
        let t = &tokens[i];
        t.kind == TokenKind::Word
            && t.upper
            && !ACRONYMS.contains(&t.norm.as_str())
            && !t.norm.chars().any(|c| c.is_ascii_digit())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !loud(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < tokens.len()
            && loud(j + 1)
            && text[tokens[j].span.end..tokens[j + 1].span.start]
                .trim()
                .is_empty()
        {
            j += 1;
        }
        let quoted = text[..tokens[i].span.start]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '"' | '\'' | '\u{2018}' | '\u{201c}'));
        if j > i && !quoted {
            let span = tokens[i].span.join(tokens[j].span);
            let mut fixed = span.slice(text).to_lowercase();
            let sentence_start = text[..span.start]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'));
            if sentence_start || fixed.starts_with("i ") || fixed.starts_with("i'") {
                let mut c = fixed.chars();
                if let Some(f) = c.next() {
                    fixed = f.to_uppercase().chain(c).collect();
                }
            }
            fixed = fixed.replace(" i ", " I ").replace(" i'", " I'");
            out.push(lint(d, span, Error, SHOUTING, Some(fixed)));
        }
        i = j + 1;
    }
    out
}

/// "Six times!", "Gosh, five calls!", "Five times, really?", "Wow, again?": echoing how often
/// the customer has had to get in touch.
fn count_echoes(d: &Draft<'_>) -> Vec<Lint> {
    const UNITS: [&str; 16] = [
        "times", "calls", "hours", "minutes", "days", "weeks", "months", "games", "emails",
        "messages", "tries", "attempts", "visits", "letters", "tickets", "chats",
    ];
    let text = d.text();
    let mut out = Vec::new();
    for (si, words) in d.sentences.iter().enumerate() {
        let Some(sentence) = d.doc.sentences().get(si) else {
            continue;
        };
        let s = sentence.slice(text).trim_end();
        let next_sorry = d
            .sentences
            .get(si + 1)
            .is_some_and(|n| has(n, &["sorri", "apolog"]));
        if !(s.ends_with('!') || s.ends_with('?')) || has(words, &["sorri", "apolog"]) || next_sorry
        {
            continue;
        }
        let mut k = 0;
        while words.get(k).is_some_and(|w| {
            matches!(
                w.norm.as_str(),
                "wow" | "gosh" | "oh" | "well" | "ah" | "seriously" | "yes" | "whoa"
            )
        }) {
            k += 1;
        }
        let Some(first) = words.get(k) else { continue };
        let count = number_word(&first.norm) || matches!(first.norm.as_str(), "twice" | "again");
        if !count {
            continue;
        }
        let mut end = k;
        if words.get(k + 1).is_some_and(|w| w.norm == "whole") {
            end += 1;
        }
        if words
            .get(end + 1)
            .is_some_and(|w| UNITS.contains(&w.norm.as_str()))
        {
            end += 1;
        }
        // The echo must be its own clause: "Six times!" / "Seven calls, you must ...".
        let after = text[words[end].span.end..].trim_start();
        if !after.starts_with([',', '!', '?', '.']) {
            continue;
        }
        if end == k && !matches!(first.norm.as_str(), "twice" | "again") {
            continue;
        }
        let span = words[k].span.join(words[end].span);
        out.push(lint(d, span, Warning, MOCK_EFFORT, None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_capitalised_thanks() {
        let r = Sarcasm::default();
        assert_flags(
            &r,
            "Thanks SO much for your patience!",
            "Thanks SO much",
            Some("Thanks so much for your patience!"),
        );
        assert_flags(
            &r,
            "Thank you SO much for holding for 55 minutes.",
            "Thank you SO much",
            Some("Thank you so much for holding for 55 minutes."),
        );
        assert_flags(
            &r,
            "We REALLY appreciate you waiting.",
            "REALLY appreciate",
            Some("We really appreciate you waiting."),
        );
    }

    #[test]
    fn flags_sarcastic_phrases() {
        let r = Sarcasm::default();
        assert_flags(&r, "Wow, what a surprise.", "what a surprise", None);
        assert_flags(
            &r,
            "Congratulations on finally reading the email.",
            "on finally",
            None,
        );
        assert_flags(&r, "Good luck with that!", "Good luck with that", None);
        assert_flags(
            &r,
            "I\u{2019}m sure you\u{2019}ll figure it out.",
            "I\u{2019}m sure you\u{2019}ll figure",
            None,
        );
        assert_flags(&r, "Well, clearly you know best.", "you know best", None);
        assert_flags(
            &r,
            "Six times! We'll add it to the list.",
            "Six times",
            None,
        );
        assert_flags(
            &r,
            "Thanks for your patience, as always.",
            ", as always",
            Some("Thanks for your patience."),
        );
    }

    #[test]
    fn flags_shouting_but_not_acronyms() {
        let r = Sarcasm::default();
        assert_flags(
            &r,
            "You're through now! PLEASE DO NOT HANG UP AGAIN, or you lose your place.",
            "PLEASE DO NOT HANG UP AGAIN",
            Some("You're through now! Please do not hang up again, or you lose your place."),
        );
        assert_quiet(
            &r,
            "Your ATM PIN was reset, so the VIP FAQ on our SLA applies.",
        );
        assert_quiet(&r, "Plug the USB cable in and press OK.");
        assert_quiet(&r, "The sticker says \"DIESEL ONLY\" on the cap.");
    }

    #[test]
    fn quiet_on_sincere_thanks_and_look_alikes() {
        let r = Sarcasm::default();
        assert_quiet(&r, "Thanks so much for your patience while we fixed this.");
        assert_quiet(&r, "Thank you SO much for telling us instead of using it!");
        assert_quiet(&r, "Wow, 40 tries, well done.");
        assert_quiet(&r, "A whole month is far too long, and I'm sorry.");
        assert_quiet(&r, "I've refunded all three charges.");
        assert_quiet(&r, "You know your business best, so tell me what works.");
        assert_quiet(&r, "Good luck with the move!");
        assert_quiet(&r, "Three weeks! I'm so sorry.");
        assert_quiet(
            &r,
            "I'm sorry that you are having this problem. Is there anything else wrong?",
        );
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        crate::rules::test_util::assert_odd_text_is_safe(&Sarcasm::default());
    }
}
