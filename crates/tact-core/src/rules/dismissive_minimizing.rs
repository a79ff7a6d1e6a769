//! dismissive_minimizing: minimising or dismissing the complaint ("calm down", "it's just a
//! small delay", "not a big deal", "it's only $35", "other customers don't complain", "there's
//! no need to get upset", "relax", "these things happen").
//!
//! Seed 002, "What to Avoid When Handling Complaints": "ignoring or dismissing the complaint,
//! or acting as if it isn't worthy of addressing", and "failing to empathize with the
//! customer's perception of the situation". Seed 003, "Define each complainer": the chronic
//! complainer's issues still shouldn't "be dismissed"; "Avoid being passive-aggressive":
//! language "coming off as demeaning or dismissive".
//!
//! Reassurance is not dismissal: "No big deal at all, happy to swap it!" answers a customer
//! who apologised for their own slip, "it's a small amount, but it's your money, so I've
//! refunded it" and "it's only $45 and I've already waived it" take the customer's side, and
//! "I hope this helps you calm down a little" is kind. A sentence that apologises, concedes
//! ("..., but ...") or fixes something is left alone.

use super::phrase as p;
use super::words::{has, has_seq, never, real_apology};
use super::{Draft, GuardedPhrases, Innocent, Lint, Phrase, Rule, RuleId, Severity, Word};

const SOURCE: &str = "seed 002 \"What to Avoid\" (\"ignoring or dismissing the complaint, or acting as if it isn't worthy of addressing\"); seed 003 \"Avoid being passive-aggressive\" (\"demeaning or dismissive\") and the chronic complainer (\"their issues should [not] be dismissed\")";

use Severity::{Error, Warning};

const CALM: &str = "Telling an upset customer to calm down or relax dismisses their feelings and usually makes things worse. Acknowledge why they're upset instead.";
const UPSET: &str = "\"No need to get upset\" tells the customer their reaction is wrong. Acknowledge why they're upset and say what you'll do.";
const SMALL: &str = "Calling the problem small (\"just a small delay\", \"only $35\") dismisses what it cost the customer. Take it as seriously as they do.";
const BIG_DEAL: &str = "\"Not a big deal\" dismisses the complaint. It is a big deal to the customer; acknowledge it and fix it.";
const OTHERS: &str = "Comparing with other customers (\"most customers manage fine\", \"no one else has complained\") dismisses this customer's problem and implies it's them.";
const HAPPENS: &str =
    "\"These things happen\" shrugs the problem off. Apologise and say what you'll do about it.";
const NORMAL: &str = "Calling it normal or expected dismisses the customer's experience. Acknowledge it first, then explain if needed.";
const EXCUSING: &str = "Explaining away the staff's behaviour (\"I'm sure it wasn't personal\") dismisses how the customer felt. Acknowledge it and follow up.";
const SILVER_LINING: &str = "Looking on the bright side for the customer (\"the main thing is you got home safely\") dismisses the problem they're writing about.";

static PHRASES: &[(Phrase, Innocent)] = &[
    (p("most|many|other ~custom|~household|~player|~user|~guest|~passeng|people|~client|~member *4 will|would|do|did not even? have? ~notic|~mind|~care", Error, OTHERS), never),
    (p("nothing to worry|stress|fret|panic about|over", Warning, UPSET), never),
    (p("i would not worry too? much", Warning, UPSET), never),
    (p("hardly worth", Error, BIG_DEAL), never),
    (p("not missing anything important|much", Warning, SMALL), never),
    (p("a|just|only minor|tiny|small *1 quirk|glitch|hiccup|blip|niggle", Warning, SMALL), never),
    (p("normal wear and tear", Warning, NORMAL), never),
    // Calm down, relax, don't panic.
    (p("calm down", Error, CALM), helps_them),
    (p("take a deep breath", Error, CALM), never),
    (p("remain|stay|keep calm", Warning, CALM), safety),
    (p("relax", Error, CALM), not_an_order),
    (p("do not panic|fret", Error, CALM), never),
    (p("no need to|for ~panic|~fret|~stress", Error, CALM), never),
    (p("no? need to get|be upset|worked|angry|annoyed|cross", Error, UPSET), never),
    (p("something|anything|nothing to get|be upset|worked|angry|annoyed|cross", Error, UPSET), never),
    (p("no reason to get|be upset|worried|annoyed|angry|cross|concerned", Error, UPSET), never),
    (p("overreacting|overreact|overreacted", Error, UPSET), never),
    (p("being|bit|little|too dramatic", Error, UPSET), never),
    (p("i would not worry about it", Warning, UPSET), never),
    (p("nothing|no need to worry about?", Warning, UPSET), reassures),
    (p("if it is too much for you", Warning, UPSET), never),
    // Not a big deal.
    (p("not|no a? big deal", Error, BIG_DEAL), at_all),
    (p("not the end of the world", Error, BIG_DEAL), never),
    (p("scheme of things", Warning, BIG_DEAL), softened),
    (p("far|much worse things", Warning, BIG_DEAL), softened),
    (p("worse things happen", Warning, BIG_DEAL), softened),
    (p("could be|have worse", Warning, BIG_DEAL), softened),
    (p("could have been worse", Warning, BIG_DEAL), softened),
    (p("not that|so|as long|bad|big|serious|expensive|complicated|hard|difficult|noticeable", Warning, BIG_DEAL), softened),
    (p("hardly|barely a|an|anyone|noticeable|any|anything|noticed|visible|used", Warning, BIG_DEAL), softened),
    (p("mind too much", Warning, BIG_DEAL), softened),
    // Just a small delay, only $35.
    (p("is|was|are|were only|just", Warning, SMALL), not_small),
    (p("little|small|minor|tiny|slight|short *1 ~delay|mix|~inconvenience|~blip|~thing|~hiccup|~chip|~issue|~glitch|~problem|~wait|~hassle|~scratch|~error|~mistake|~niggle", Warning, SMALL), reply_softened),
    (p("small|tiny number|percentage|fraction|handful|minority", Warning, SMALL), reply_softened),
    (p("rare exception|occurrence|case", Warning, SMALL), reply_softened),
    (p("easy peasy", Warning, SMALL), never),
    (p("hopefully you were able to", Warning, SMALL), never),
    (p("if you are used to", Warning, SMALL), softened),
    (p("sure *3 worth the wait", Warning, SMALL), never),
    (p("a whole", Warning, SMALL), whole_number),
    // Others don't complain.
    (p("most|many|lots|plenty|other|few|majority *3 ~customer|~guest|~player|~user|~member|~patient|~passenger|people|~team|~rider|~driver|~parent|~household|~client|~diner|~traveller|~shopper|~owner|~household|everyone|~resident|~student", Warning, OTHERS), not_a_comparison),
    (p("vast majority", Warning, OTHERS), softened),
    (p("plenty|enough|fine|worth *3 for most", Warning, OTHERS), softened),
    (p("~work fine|perfectly *1 for|on|with", Warning, OTHERS), softened),
    (p("for everyone else", Warning, OTHERS), softened),
    (p("no other ~complaint|~report|~issue", Warning, OTHERS), softened),
    (p("nobody|noone else *2 ~complain|~report|~mention|has|had", Warning, OTHERS), softened),
    (p("no one else *2 ~complain|~report|~mention|has|had", Warning, OTHERS), softened),
    (p("not the only one", Warning, OTHERS), reply_softened),
    (p("nobody's|nobody|noone is? making|forcing you", Error, OTHERS), never),
    (p("no one is? making|forcing you", Error, OTHERS), never),
    (p("can not please everyone", Error, OTHERS), never),
    (p("everyone feels|thinks|says", Warning, OTHERS), softened),
    (p("~work hard to|on", Warning, OTHERS), reply_softened),
    // These things happen.
    (p("these|such things happen", Warning, HAPPENS), softened),
    (p("it|that|this happens|happen sometimes|occasionally|all", Warning, HAPPENS), softened),
    (p("it|that|this happens|happen from time to time", Warning, HAPPENS), softened),
    (p("~happen occasionally|sometimes", Warning, HAPPENS), softened),
    (p("it does happen", Warning, HAPPENS), softened),
    (p("happen", Warning, HAPPENS), not_a_plural_shrug),
    (p("it|that happens", Warning, HAPPENS), not_a_shrug),
    (p("~change|~expire|~happen|~fail|~break|~drop all the time", Warning, HAPPENS), softened),
    (p("that is life|retail|travel|flying|aviation", Warning, HAPPENS), softened),
    (p("part of", Warning, NORMAL), not_part_of_the_fun),
    // It's normal.
    (p("actually|pretty|quite|perfectly|totally|completely|fairly *1 normal|standard|short|expected|safe|fine|clear|reasonable|playable|usual|common|plenty|manageable|affordable|cheap", Warning, NORMAL), softened),
    (p("kind|sort of to be expected", Warning, NORMAL), softened),
    (p("is|isn't|not unusual|uncommon", Warning, NORMAL), softened),
    (p("well within *2 normal|~standard|~usual|~expect", Warning, NORMAL), softened),
    (p("honestly *2 plenty|fine|enough|worse|good|still|perfectly|very|most", Warning, NORMAL), softened),
    // It wasn't personal.
    (p("i am sure|confident *8 just|personal|~use|careful|~misunderstand|interests|fine", Warning, EXCUSING), softened),
    (p("was|were just trying|being", Warning, EXCUSING), softened),
    (p("just unlucky|unfortunate", Warning, EXCUSING), softened),
    (p("rotten|bad|hard luck", Warning, EXCUSING), more_than),
    (p("safe than sorry", Warning, SILVER_LINING), softened),
    (p("the main thing is", Warning, SILVER_LINING), softened),
    (p("worked out in the end", Warning, SILVER_LINING), softened),
    (p("not miss out", Warning, SILVER_LINING), softened),
    (p("a good problem", Warning, SILVER_LINING), softened),
    (p("add it to the|our list|pile", Warning, "\"We'll add it to the list\" files the complaint away without saying what happens to it. Say what you'll do and when."), reply_softened),
    (p("extremely|very|highly|perfectly|always accurate|reliable", Warning, OTHERS), reply_softened),
    (p("at least it|you|they|nobody|everyone|your", Warning, SILVER_LINING), softened),
    (p("after all", Warning, SMALL), not_a_shrug),
    (p("anyway", Warning, SMALL), not_a_shrug),
    (p("why not *4 instead", Warning, SILVER_LINING), softened),
    (p("~comment|~feedback|~remark|~concern|~complaint has|have been duly? noted", Warning, "\"Your feedback has been noted\" without any action reads as dismissal. Say what you'll do with it."), softened),
];

/// "I've refunded / I've waived / we'll replace ...": the agent puts it right.
fn fixes(words: &[Word]) -> bool {
    const DONE: [&str; 31] = [
        "refund", "credit", "waiv", "fix", "replac", "rebook", "revers", "remov", "cancel", "book",
        "ad", "restor", "resolv", "upgrad", "switch", "move", "arrang", "extend", "appli",
        "reissu", "correct", "releas", "void", "swap", "sent", "taken", "chang", "updat", "email",
        "call", "log",
    ];
    words.windows(3).any(|w| {
        matches!(w[0].norm.as_str(), "i" | "we")
            && matches!(w[1].norm.as_str(), "have" | "will" | "can" | "already")
            && (DONE.contains(&w[2].stem.as_str()) || DONE.contains(&w[2].norm.as_str()))
    }) || words.windows(4).any(|w| {
        matches!(w[0].norm.as_str(), "i" | "we")
            && w[1].norm == "have"
            && w[2].norm == "already"
            && DONE.contains(&w[3].stem.as_str())
    })
}

/// The sentence apologises, concedes after the match ("it's a small amount, but it's your
/// money"), owns the problem, says it costs the customer nothing, or fixes it.
fn softened(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let concession = words[m.1 + 1..]
        .iter()
        .position(|w| w.norm == "but")
        .is_some_and(|i| {
            has(
                &words[m.1 + 1 + i..],
                &["your", "you", "sorri", "should", "refund", "waiv", "fix"],
            )
        });
    real_apology(words)
        || fixes(words)
        || concession
        || has_seq(words, &["costs", "you", "nothing"])
        || has_seq(words, &["free", "of", "charge"])
        || ["fault", "mistake", "error"]
            .iter()
            .any(|n| has_seq(words, &["our", n]))
        || has_seq(words, &["not", "your", "fault"])
}

/// The sentence is softened, or the reply apologises or fixes something elsewhere.
fn reply_softened(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    softened(d, words, m) || d.sentences.iter().any(|s| real_apology(s) || fixes(s))
}

/// "Three times is more than bad luck" takes the customer's side.
fn more_than(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    m.0 >= 1 && matches!(words[m.0 - 1].norm.as_str(), "than" | "just") || softened(d, words, m)
}

/// "..., and drops happen." / "spills happen in turbulence": a plural shrug.
fn not_a_plural_shrug(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let prev = m.0.checked_sub(1).map(|i| words[i].norm.as_str());
    let plural_subject = prev.is_some_and(|p| {
        p.len() > 3 && p.ends_with('s') && !matches!(p, "things" | "this" | "does" | "was" | "has")
    });
    let after = d.text()[words[m.1].span.end..].trim_start();
    let clause_end = after.is_empty()
        || after.starts_with([',', '.', '!', ';'])
        || words
            .get(m.1 + 1)
            .is_some_and(|w| matches!(w.norm.as_str(), "in" | "on" | "with" | "sometimes"));
    !(plural_subject && clause_end) || softened(d, words, m)
}

/// "I hope this helps you calm down a little" is kind.
fn helps_them(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    words[m.0.saturating_sub(4)..m.0]
        .iter()
        .any(|w| w.stem == "help" || w.norm == "hope")
}

/// "Please stay calm and leave the house" is safety advice.
fn safety(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    has(
        words,
        &[
            "leav", "safe", "evacu", "emerg", "gas", "fire", "911", "999", "112", "polic", "ambul",
        ],
    ) || softened(d, words, m)
}

/// "Relax, it's only ..." is an order; "sit back and relax" and "so you can relax" are not.
fn not_an_order(_: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    // "Relax and enjoy the rest of your stay!"
    words.get(m.1 + 1).is_some_and(|w| w.norm == "and")
        || m.0 > 0
            && !matches!(
                words[m.0 - 1].norm.as_str(),
                "just" | "please" | "ok" | "okay" | "now" | "oh" | "hey" | "look" | "so"
            )
}

/// "Nothing to worry about: your card details weren't affected" reassures with the facts.
fn reassures(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let after = d.text()[words[m.1].span.end..].trim_start();
    softened(d, words, m)
        || after.starts_with([':', ';', '\u{2014}'])
        || words[m.1 + 1..]
            .iter()
            .any(|w| matches!(w.norm.as_str(), "because" | "since" | "your" | "you"))
}

/// "No big deal at all, happy to swap it" answers the customer's own apology.
fn at_all(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let next_two: Vec<&str> = words[m.1 + 1..]
        .iter()
        .take(2)
        .map(|w| w.norm.as_str())
        .collect();
    next_two == ["at", "all"]
        || reply_softened(d, words, m)
        || d.sentences.iter().any(|s| {
            has_seq(s, &["nothing", "to", "apologise"])
                || has_seq(s, &["nothing", "to", "apologize"])
                || has_seq(s, &["no", "harm"])
        })
}

/// "It's only $35" / "it was just a few hours" minimise; "it's only charged once" or "it's
/// just been approved" do not.
fn not_small(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    const SMALL_WORDS: [&str; 10] = [
        "a", "an", "the", "few", "couple", "two", "three", "five", "ten", "twenty",
    ];
    let next = words.get(m.1 + 1).map(|w| w.norm.as_str());
    let small = next
        .is_some_and(|n| SMALL_WORDS.contains(&n) || n.starts_with(|c: char| c.is_ascii_digit()))
        || d.text()[words[m.1].span.end..]
            .trim_start()
            .starts_with(['$', '£', '€']);
    // "the same", "the beginning", "the one you need": not a size.
    let the_not_small = next == Some("the")
        && !words.get(m.1 + 2).is_some_and(|w| {
            matches!(
                w.norm.as_str(),
                "final" | "one" | "last" | "first" | "procedure"
            )
        });
    !small || the_not_small || softened(d, words, m)
}

/// "A whole $3!" mocks the amount; "a whole month is far too long" doesn't.
fn whole_number(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let after = d.text()[words[m.1].span.end..].trim_start();
    !after.starts_with(['$', '£', '€']) && !after.starts_with(|c: char| c.is_ascii_digit())
}

/// "Most customers find it easy" compares; "most customers see the refund in 3 days" informs.
fn not_a_comparison(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    const DISMISS: [&str; 39] = [
        "find",
        "found",
        "manag",
        "understand",
        "appreci",
        "love",
        "prefer",
        "are",
        "were",
        "do",
        "did",
        "get",
        "got",
        "thank",
        "plan",
        "check",
        "bring",
        "set",
        "tidi",
        "use",
        "add",
        "pay",
        "enjoy",
        "seem",
        "know",
        "never",
        "rare",
        "happili",
        "like",
        "cope",
        "mind",
        "accept",
        "complain",
        "notic",
        "would",
        "actual",
        "just",
        "alreadi",
        "happi",
    ];
    let next = words[m.1 + 1..].iter().take(2);
    let dismissive = next
        .clone()
        .any(|w| DISMISS.contains(&w.stem.as_str()) || DISMISS.contains(&w.norm.as_str()));
    // "like most customers, you'll ..." / "most of our customers are refunded within 3 days".
    let informative = words[m.1 + 1..].iter().take(3).any(|w| {
        matches!(
            w.norm.as_str(),
            "refunded"
                | "charged"
                | "billed"
                | "affected"
                | "see"
                | "receive"
                | "reported"
                | "been"
                | "had"
                | "said"
        )
    });
    !dismissive || informative || softened(d, words, m)
}

/// "These things happen." and "... after all." shrug at the end of a sentence; "no harm done,
/// it happens more than you'd think" (the customer's own slip) and "you were right after all"
/// do not.
fn not_a_shrug(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let last = m.1 + 1 == words.len();
    let kind = has(words, &["right", "correct", "thank", "thanks", "harm"]);
    let reply_fixes = d.sentences.iter().any(|s| fixes(s) || real_apology(s));
    !last || kind || softened(d, words, m) || reply_fixes && words[m.0].norm != "anyway"
}

/// "It's all part of the fun" dismisses; "your claim is part of a batch" does not.
fn not_part_of_the_fun(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let before = m.0.checked_sub(1).map(|i| words[i].norm.as_str());
    let intensified = matches!(
        before,
        Some("all" | "just" | "normal" | "natural" | "standard" | "big" | "usual" | "simply")
    );
    let fun = words[m.1 + 1..].iter().take(3).any(|w| {
        matches!(
            w.stem.as_str(),
            "fun"
                | "charm"
                | "experi"
                | "life"
                | "fli"
                | "travel"
                | "game"
                | "have"
                | "product"
                | "deal"
                | "job"
                | "territori"
        )
    });
    !(intensified || fun) || softened(d, words, m)
}

/// The dismissive-minimizing rule.
#[derive(Debug)]
pub struct DismissiveMinimizing {
    phrases: GuardedPhrases,
}

impl Default for DismissiveMinimizing {
    fn default() -> Self {
        DismissiveMinimizing {
            phrases: GuardedPhrases::new(PHRASES),
        }
    }
}

impl Rule for DismissiveMinimizing {
    fn id(&self) -> RuleId {
        RuleId::DismissiveMinimizing
    }

    fn description(&self) -> &'static str {
        "Minimises or dismisses the complaint (\"calm down\", \"it's just a small delay\", \"not a big deal\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let mut out: Vec<Lint> = Vec::new();
        for l in self.phrases.matches(draft, self.id(), SOURCE) {
            if !out.iter().any(|o| o.span.overlaps(&l.span)) {
                out.push(l);
            }
        }
        // "A seat is a seat", "rules are rules", "late is late": a tautology closes the
        // subject.
        for words in &draft.sentences {
            if let Some(l) = tautology(draft, words) {
                if !out.iter().any(|o| o.span.overlaps(&l.span)) {
                    out.push(l);
                }
            }
        }
        // A reply that is nothing but "Noted." or "Noted, thanks." brushes the complaint off.
        let words: Vec<&Word> = draft.sentences.iter().flatten().collect();
        if words.len() <= 3 && words.iter().any(|w| w.norm == "noted") {
            if let Some(w) = words.iter().find(|w| w.norm == "noted") {
                out.push(Lint {
                    rule: self.id(),
                    span: w.span,
                    text: w.span.slice(draft.text()).to_string(),
                    severity: Severity::Error,
                    message: "A reply that only says \"Noted\" brushes the complaint off. Acknowledge it and say what you'll do.".to_string(),
                    suggestion: None,
                    source: SOURCE.to_string(),
                });
            }
        }
        out.sort_by_key(|l| l.span.start);
        let text = draft.text();
        for l in &mut out {
            let lower = l.text.to_lowercase();
            if lower == "part of" {
                widen_part_of(text, l);
            } else if lower.starts_with("honestly") {
                // "Honestly, 20Mbps is plenty": drop the "honestly" that waves it away.
                l.span.end = l.span.start + "honestly".len();
                l.text = l.span.slice(text).to_string();
                delete_phrase(text, l);
            }
        }
        merge_adjacent(text, out)
    }
}

/// "A seat is a seat" / "rules are rules" / "late is late".
fn tautology(d: &Draft<'_>, words: &[Word]) -> Option<Lint> {
    const SKIP: [&str; 12] = [
        "it", "this", "that", "there", "what", "who", "which", "a", "an", "the", "is", "are",
    ];
    let norm = |k: usize| words.get(k).map(|w| w.norm.as_str());
    for i in 0..words.len() {
        // "X is X" or "a X is a X".
        let article = matches!(norm(i), Some("a" | "an"));
        let x = if article { i + 1 } else { i };
        let y = if article { x + 3 } else { x + 2 };
        let Some(noun) = norm(x) else { break };
        if SKIP.contains(&noun) || !matches!(norm(x + 1), Some("is" | "are")) {
            continue;
        }
        if (article && norm(x + 2) != norm(i)) || norm(y) != Some(noun) {
            continue;
        }
        let span = words[i].span.join(words[y].span);
        return Some(Lint {
            rule: RuleId::DismissiveMinimizing,
            span,
            text: span.slice(d.text()).to_string(),
            severity: Severity::Warning,
            message: "A tautology (\"a seat is a seat\", \"rules are rules\") shuts the complaint down instead of answering it.".to_string(),
            suggestion: None,
            source: SOURCE.to_string(),
        });
    }
    None
}

/// "part of" -> "all part of the fun": the words around it say what is being waved away.
fn widen_part_of(text: &str, l: &mut Lint) {
    let before = &text[..l.span.start];
    let trimmed = before.trim_end();
    let prev_start = trimmed
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + 1);
    let prev = trimmed[prev_start..].to_lowercase();
    if matches!(
        prev.as_str(),
        "all" | "just" | "normal" | "natural" | "standard" | "big" | "usual" | "simply"
    ) {
        l.span.start = prev_start;
    }
    let rest = &text[l.span.end..];
    let clause = rest
        .find([',', '.', ';', '!', '?', '\n'])
        .unwrap_or(rest.len());
    let mut end = 0;
    for (n, (i, _)) in rest[..clause]
        .match_indices(|c: char| c.is_whitespace())
        .skip(1)
        .enumerate()
    {
        if n >= 2 {
            break;
        }
        end = i;
    }
    let take = if rest[..clause].split_whitespace().count() <= 3 {
        clause
    } else {
        end
    };
    l.span.end += rest[..take].trim_end().len();
    l.text = l.span.slice(text).to_string();
}

/// Make deleting a lint's span leave a clean sentence: take the comma or space before it, or,
/// at the start of a sentence, the comma after it and capitalise what follows.
fn delete_phrase(text: &str, l: &mut Lint) {
    let before = &text[..l.span.start];
    let in_sentence =
        !before.trim_end().is_empty() && !before.trim_end().ends_with(['.', '!', '?']);
    l.suggestion = Some(String::new());
    if in_sentence {
        let trimmed = before.trim_end_matches([' ', ',']);
        l.span.start = trimmed.len();
    } else {
        let rest = &text[l.span.end..];
        let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
        l.span.end += skip;
        if let Some(c) = text[l.span.end..]
            .chars()
            .next()
            .filter(|c| c.is_lowercase())
        {
            l.span.end += c.len_utf8();
            l.suggestion = Some(c.to_uppercase().collect());
        }
    }
    l.text = l.span.slice(text).to_string();
}

/// "It's just" + "small delay" in "It's just a small delay" is one finding.
fn merge_adjacent(text: &str, lints: Vec<Lint>) -> Vec<Lint> {
    let mut out: Vec<Lint> = Vec::new();
    for l in lints {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.span.end..l.span.start).unwrap_or(".");
            let gap_words: Vec<&str> = gap.split_whitespace().collect();
            let joinable = gap_words.len() <= 1
                && gap_words.iter().all(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "a" | "an" | "the" | "just" | "only" | "so"
                    )
                });
            if joinable && !gap.contains(['.', '!', '?', ',', ';', ':']) {
                prev.span = prev.span.join(l.span);
                prev.text = prev.span.slice(text).to_string();
                prev.severity = prev.severity.max(l.severity);
                prev.suggestion = None;
                continue;
            }
        }
        out.push(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet};

    #[test]
    fn flags_calm_down_and_relax() {
        let r = DismissiveMinimizing::default();
        assert_flags(&r, "Please CALM DOWN, sir.", "CALM DOWN", None);
        assert_flags(&r, "Relax, the parcel is on its way.", "Relax", None);
        assert_flags(
            &r,
            "There\u{2019}s no need to get upset about it.",
            "no need to get upset",
            None,
        );
        assert_flags(
            &r,
            "Don't panic! It was a display glitch.",
            "Don't panic",
            None,
        );
    }

    #[test]
    fn flags_minimising() {
        let r = DismissiveMinimizing::default();
        assert_flags(
            &r,
            "It's just a small delay.",
            "It's just a small delay",
            None,
        );
        assert_flags(&r, "It's only $35, so it's fine.", "It's only", None);
        assert_flags(
            &r,
            "You can cancel any time, so it's not a big deal.",
            "not a big deal",
            None,
        );
        assert_flags(
            &r,
            "Honestly, it's not the end of the world.",
            "not the end of the world",
            None,
        );
        assert_flags(&r, "20 minutes isn't that long.", "isn't that long", None);
    }

    #[test]
    fn flags_comparisons_and_shrugs() {
        let r = DismissiveMinimizing::default();
        assert_flags(
            &r,
            "Other customers don't complain about the noise.",
            "Other customers",
            None,
        );
        assert_flags(
            &r,
            "Most guests find the bus easy enough.",
            "Most guests",
            None,
        );
        assert_flags(&r, "These things happen.", "These things happen", None);
        assert_flags(&r, "Well, a seat is a seat!", "a seat is a seat", None);
        assert_flags(
            &r,
            "Kids can be noisy, it's all part of the fun!",
            "all part of the fun",
            None,
        );
        assert_flags(
            &r,
            "Honestly, 20Mbps is plenty for streaming.",
            "Honestly, ",
            Some("20Mbps is plenty for streaming."),
        );
        assert_flags(
            &r,
            "I'm sure it wasn't personal.",
            "I'm sure it wasn't personal",
            None,
        );
        assert_flags(&r, "Noted, thanks.", "Noted", None);
    }

    #[test]
    fn quiet_on_reassurance() {
        let r = DismissiveMinimizing::default();
        assert_quiet(&r, "No big deal at all, happy to swap it!");
        assert_quiet(&r, "Not a big deal at all, and nothing to apologise for.");
        assert_quiet(&r, "It's only $45 and I've already waived it.");
        assert_quiet(
            &r,
            "It's a small amount, but it's your money, so I've refunded it.",
        );
        assert_quiet(&r, "I hope this helps you calm down a little.");
        assert_quiet(&r, "Sit back and relax, the driver is on the way.");
        assert_quiet(&r, "No harm done, it happens more than you'd think!");
        assert_quiet(
            &r,
            "Not a small thing to me, and sorry it's happened twice.",
        );
        assert_quiet(&r, "A whole month is far too long, and I'm sorry.");
        assert_quiet(&r, "It's just been approved, so you'll see it tomorrow.");
        assert_quiet(&r, "Most customers see the refund within 3 days.");
        assert_quiet(
            &r,
            "I'm sorry that you are having this problem. Is there anything else wrong?",
        );
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        crate::rules::test_util::assert_odd_text_is_safe(&DismissiveMinimizing::default());
    }
}
