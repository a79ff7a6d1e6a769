//! excuse: explaining the problem away instead of fixing it ("unfortunately our system ...",
//! "we are experiencing high volumes", "that's just how it works", "due to circumstances
//! beyond our control", "our policy doesn't allow it", "the system won't let me").
//!
//! Seed 000, step 2, on customers who "pay well and demand premium support": "avoid excuses
//! and just get to the solution". Seed 003, "Define each complainer", on the high roller:
//! "While no customers are fond of excuses, this customer hates hearing them." Seed 002,
//! "What to Avoid": "Making excuses, deflecting, or laying the blame".
//!
//! A reason given while owning the problem is not an excuse: "we were short of housekeepers
//! that day, but that's our problem to solve, not yours", "unfortunately our system only takes
//! cards, which I know is behind the times" and "a backlog after our system migration; because
//! of that, I've taken 20% off" are hard negatives in the corpus, so a sentence that apologises,
//! says it's on us, or acts ("I've ...") is left alone.

use super::phrase as p;
use super::words::{has, has_seq, real_apology};
use super::{Draft, GuardedPhrases, Innocent, Lint, Phrase, Rule, RuleId, Severity, Word};

const SOURCE: &str = "seed 000 step 2 (high rollers: \"avoid excuses and just get to the solution\"); seed 003 \"Define each complainer\" (\"While no customers are fond of excuses, this customer hates hearing them\"); seed 002 \"What to Avoid\" (\"Making excuses\")";

use Severity::{Error, Warning};

const SYSTEM: &str = "Blaming \"the system\" is an excuse: customers don't care why, they want it fixed, and high rollers hate hearing excuses. Say what you will do instead.";
const HOW_IT_WORKS: &str = "\"That's just how it works\" explains the problem away and closes the conversation. High rollers hate excuses: get straight to what you can do.";
const BUSY: &str = "Being busy is your problem, not the customer's: it reads as an excuse, and high rollers hate excuses. Say when they'll have an answer instead.";
const CONTROL: &str = "\"Beyond our control\" is an excuse: it tells the customer nothing can be done. High rollers hate excuses; say what you can do.";
const NOTHING: &str = "\"There's nothing we can do\" is an excuse that ends the conversation. High rollers hate excuses; offer what you can do, even if it's small.";
const POLICY: &str = "Hiding behind policy or rules reads as an excuse; high rollers hate excuses. Explain briefly and offer what you can do.";
const REASONS: &str = "Explaining why it went wrong without fixing it reads as an excuse, and high rollers hate excuses. Lead with the fix; keep the reason short.";

static PHRASES: &[(Phrase, Innocent)] = &[
    // The system, the process, the policy.
    (p("unfortunately|sadly our|the *2 system|systems|process|policy|~engineer|warehouse|team|staff|~server|~network|~adjuster|~phone|~platform|~app", Warning, SYSTEM), owned),
    (p("system|systems|computer|platform will|does|do|can|would not let|allow|permit|accept|~recognize", Error, SYSTEM), owned),
    (p("our system|systems only", Warning, SYSTEM), owned),
    (p("~generate|~trigger|~apply|~issue|~set|~calculate *1 automatically by? the|our|an *1 system|systems|platform", Warning, SYSTEM), owned),
    (p("by an|the|our automated|automatic *1 system|process|platform", Warning, SYSTEM), owned),
    (p("policy|policies|rules|terms does|do|will|would not allow|permit|let", Error, POLICY), owned),
    (p("is non negotiable", Warning, POLICY), owned),
    (p("not|never be? guaranteed", Warning, POLICY), owned),
    (p("~staff|~crew|~agent|~team|~driver|~pilot|~engineer|~employee|~reader|~rep are|is ~train|~obligate|~require|~entitle|~instruct to", Warning, REASONS), admits),
    (p("~staff|~crew|~agent|~team|~driver|~pilot|~engineer|~employee|~guard|they|we ~follow *3 ~procedure|~protocol|~instruction|~plan|~guideline|~regulation|~rule", Warning, REASONS), admits),
    (p("~operate independently", Warning, REASONS), owned),
    (p("~depend|~involve|go on|through several|multiple|many|various|numerous", Warning, REASONS), owned),
    (p("is|was a huge|big|complex|complicated|difficult|hard *1 challenge|process|job|task|problem", Warning, REASONS), owned),
    (p("~work very|so|really|extremely hard", Warning, REASONS), owned),
    (p("is|are|was|were|been dealing with", Warning, REASONS), not_about_customer),
    (p("do|does not work weekends|saturdays|sundays|evenings|nights", Warning, REASONS), owned),
    (p("can|may vary", Warning, REASONS), owned),
    (p("~slip through", Warning, REASONS), owned),
    (p("owing to", Warning, REASONS), owned),
    (p("due to *3 ~issue|~constraint|~volume|~demand|~staff|~maintenance|~migration|~upgrade|~problem|~weather|~storm|~holiday|~vendor|~supplier", Warning, REASONS), owned),
    (p("backed up", Warning, BUSY), owned),
    (p("~delay are|is expected", Warning, REASONS), owned),
    (p("in line with *3 ~procedure|~policy|~protocol|~condition|~regulation|~practice", Warning, POLICY), owned),
    (p("subject to change|closure|availability", Warning, POLICY), owned),
    (p("at the discretion of", Warning, POLICY), owned),
    (p("by their|its nature", Warning, POLICY), owned),
    (p("not considered a|an? ~defect|~fault", Warning, POLICY), owned),
    (p("~apply to all|every|everyone", Warning, POLICY), owned),
    (p("always ~meet|met|~compli *1 ~regulation|~standard|~requirement", Warning, REASONS), owned),
    (p("we are unable to", Warning, POLICY), owned),
    (p("not required|obligated|expected to", Warning, POLICY), not_about_customer),
    (p("per|under *3 ~regulation", Warning, POLICY), owned),
    (p("legal|regulatory requirement", Warning, REASONS), owned),
    (p("act of god", Warning, REASONS), owned),
    (p("~cancel|~reject|~close|~decline|~expire automatically by the|our? system", Warning, SYSTEM), owned),
    (p("~undergo|~perform|~carri *1 scheduled|planned|routine? maintenance", Warning, REASONS), owned),
    (p("reduced|skeleton|short|smaller ~team|~staff|~crew", Warning, BUSY), owned),
    (p("~happen to every|all|any *1 airline|airlines|company|companies|provider|providers|business|businesses|hotel|hotels|bank|banks|operator|operators", Warning, HOW_IT_WORKS), owned),
    (p("hard|impossible|difficult to avoid", Warning, HOW_IT_WORKS), owned),
    (p("inevitably|unavoidably", Warning, HOW_IT_WORKS), owned),
    (p("not subject to manual? ~amend|~change|~review|~override", Warning, POLICY), owned),
    // "That's just how it works".
    (p("just the way things are", Error, HOW_IT_WORKS), owned),
    (p("is|was just|simply? how *4 work|works|operates|goes|is", Error, HOW_IT_WORKS), just_how_it_works),
    (p("is|was just|simply? the way *4 work|works|operates|goes|is", Error, HOW_IT_WORKS), just_how_it_works),
    (p("is just our|the process|policy|rules|system", Error, HOW_IT_WORKS), owned),
    (p("is *1 the|a known? nature|reality|limitation", Warning, HOW_IT_WORKS), owned),
    (p("just one of those things", Warning, HOW_IT_WORKS), owned),
    (p("these|such things take time", Warning, HOW_IT_WORKS), owned),
    (p("industry standard", Warning, HOW_IT_WORKS), owned),
    (p("across the industry|board", Warning, HOW_IT_WORKS), owned),
    (p("every other", Warning, HOW_IT_WORKS), owned),
    (p("all suppliers|providers|airlines|banks|networks|companies", Warning, HOW_IT_WORKS), owned),
    (p("same on|at|with every|any", Warning, HOW_IT_WORKS), owned),
    (p("as with any", Warning, HOW_IT_WORKS), owned),
    (p("is|are to be expected", Warning, HOW_IT_WORKS), owned),
    (p("naturally take|be|have|slower|longer", Warning, REASONS), owned),
    (p("do|does take time", Warning, REASONS), owned),
    (p("do|does|can|could take a while", Warning, REASONS), owned),
    // Busy, high volumes, small team.
    (p("experiencing|~experience *3 high|higher|heavy|unusually|unprecedented|large|extreme|extremely *1 ~volume|~demand|~number", Error, BUSY), owned),
    (p("high|higher|heavy|large|huge|unusual|unprecedented|extreme *1 ~volume|~demand|~caseload", Warning, BUSY), owned),
    (p("are|is|been|were|was very|extremely|incredibly|really|exceptionally|particularly|so|super busy", Warning, BUSY), customer_is_busy),
    (p("busy *1 time|period|season|weekend|weekends|day|days|night|nights|gate|gates|spell|month|week|launch", Warning, BUSY), owned),
    (p("off their feet", Warning, BUSY), owned),
    (p("swamped|inundated|overwhelmed|overstretched", Warning, BUSY), customer_is_busy),
    (p("snowed under", Warning, BUSY), customer_is_busy),
    (p("short staffed|handed", Warning, BUSY), owned),
    (p("understaffed|backlog|teething", Warning, BUSY), owned),
    (p("staffing ~issue|~problem|~shortage", Warning, BUSY), owned),
    (p("staff ~shortage", Warning, BUSY), owned),
    (p("lost some staff", Warning, BUSY), owned),
    (p("we are a small", Warning, BUSY), owned),
    (p("as a small *1 team|business|practice|company|shop", Warning, BUSY), owned),
    (p("still learning", Warning, REASONS), owned),
    (p("hard to pin down", Warning, REASONS), owned),
    (p("hard|difficult for the|our team|staff", Warning, REASONS), owned),
    (p("costs|prices have|had gone up", Warning, REASONS), owned),
    (p("costs|prices have|had risen|rose|~increase", Warning, REASONS), owned),
    (p("the best we could do", Warning, REASONS), owned),
    (p("with the resources we have", Warning, REASONS), owned),
    // Out of our hands.
    (p("due|owing to circumstances beyond *2 control", Error, CONTROL), owned),
    (p("beyond|outside *2 control|hands", Warning, CONTROL), owned),
    (p("out of *2 control|hands", Warning, CONTROL), owned),
    (p("not in our|my control|hands", Warning, CONTROL), owned),
    (p("no control over", Warning, CONTROL), owned),
    (p("not something we|i *3 control|say|~influence|~change|~help", Warning, CONTROL), owned),
    (p("nothing|much|little we|i can|could do", Warning, NOTHING), owned),
    (p("can not *2 every|everyone|everything", Warning, REASONS), owned),
    (p("not always possible", Warning, REASONS), owned),
];

/// "I've refunded / we'll fix / I have added ...": the agent puts it right.
fn fixes(words: &[Word]) -> bool {
    const DONE: [&str; 40] = [
        "refund", "credit", "waiv", "fix", "replac", "rebook", "revers", "remov", "approv",
        "cancel", "book", "report", "ad", "refresh", "restor", "resolv", "upgrad", "switch",
        "move", "arrang", "extend", "appli", "reissu", "correct", "releas", "void", "unlock",
        "reset", "reactiv", "taken", "increas", "call", "chase", "check", "sort", "put", "done",
        "escal", "send", "sent",
    ];
    words.windows(3).any(|w| {
        matches!(w[0].norm.as_str(), "i" | "we")
            && matches!(w[1].norm.as_str(), "have" | "will" | "can")
            && (DONE.contains(&w[2].stem.as_str()) || DONE.contains(&w[2].norm.as_str()))
    })
}

/// The sentence owns the problem or fixes it: an apology, "our fault/problem", "which I know
/// is behind the times", "no excuse", "should have", or the agent putting it right.
fn owned(_: &Draft<'_>, words: &[Word], _: (usize, usize)) -> bool {
    real_apology(words)
        || has_seq(words, &["i", "know"])
        || has_seq(words, &["no", "excuse"])
        || has_seq(words, &["should", "have"])
        || has_seq(words, &["on", "us"])
        || has_seq(words, &["on", "our", "side"])
        || ["fault", "mistake", "error", "problem"]
            .iter()
            .any(|n| has_seq(words, &["our", n]))
        || fixes(words)
}

/// "You're not required to do anything" / "I'm dealing with it" are about someone else.
fn not_about_customer(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    owned(d, words, m)
        || words[..m.0]
            .iter()
            .rev()
            .take(2)
            .any(|w| matches!(w.norm.as_str(), "you" | "i"))
}

/// "That's just how it works" closes the door; a plain "that's how it works" after an
/// explanation ("... and 60p is saved. That's how it works.") does not, nor does "here's how
/// it works: ...".
fn just_how_it_works(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let closing = has(
        words,
        &[
            "just", "unfortun", "afraid", "industri", "simpli", "all", "everi", "alway",
        ],
    );
    !closing || explains_next(d, words, m)
}

/// "Our staff are trained to check ID discreetly, and that didn't happen": an admission.
fn admits(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    owned(d, words, m) || has(words, &["but", "should"]) || has_seq(words, &["did", "not"])
}

/// "Here's how it works: ..." explains; "that's just how it works." closes the door.
fn explains_next(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    let after = d.text()[words[m.1].span.end..].trim_start();
    owned(d, words, m)
        || after.starts_with(':')
        || m.0 > 0 && matches!(words[m.0 - 1].norm.as_str(), "here" | "this" | "what")
}

/// "I know you're very busy" is about the customer.
fn customer_is_busy(d: &Draft<'_>, words: &[Word], m: (usize, usize)) -> bool {
    owned(d, words, m) || m.0 > 0 && words[m.0 - 1].norm == "you"
}

/// The excuse rule.
#[derive(Debug)]
pub struct Excuse {
    phrases: GuardedPhrases,
}

impl Default for Excuse {
    fn default() -> Self {
        Excuse {
            phrases: GuardedPhrases::new(PHRASES),
        }
    }
}

impl Rule for Excuse {
    fn id(&self) -> RuleId {
        RuleId::Excuse
    }

    fn description(&self) -> &'static str {
        "Explains the problem away instead of fixing it (\"unfortunately our system\", \"we're very busy\", \"that's just how it works\")."
    }

    fn check(&self, draft: &Draft<'_>) -> Vec<Lint> {
        let mut out: Vec<Lint> = Vec::new();
        for l in self.phrases.matches(draft, self.id(), SOURCE) {
            if !out.iter().any(|o| o.span.overlaps(&l.span)) {
                out.push(l);
            }
        }
        out.sort_by_key(|l| l.span.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{assert_flags, assert_quiet, lints};

    #[test]
    fn flags_the_system_and_the_process() {
        let r = Excuse::default();
        assert_flags(
            &r,
            "Unfortunately our system only recognises cleared funds.",
            "Unfortunately our system",
            None,
        );
        assert_flags(
            &r,
            "I'm afraid the system won\u{2019}t let me change it.",
            "system won\u{2019}t let",
            None,
        );
        assert_flags(
            &r,
            "That's just how it works on our end.",
            "That's just how it works",
            None,
        );
        assert_flags(
            &r,
            "THAT'S JUST HOW AVIATION WORKS.",
            "THAT'S JUST HOW AVIATION WORKS",
            None,
        );
        assert_flags(
            &r,
            "Our policy doesn't allow refunds on sale items.",
            "policy doesn't allow",
            None,
        );
    }

    #[test]
    fn flags_busy_and_out_of_our_hands() {
        let r = Excuse::default();
        assert_flags(
            &r,
            "We are experiencing a very high volume of calls at the moment.",
            "experiencing a very high volume",
            None,
        );
        assert_flags(&r, "We're very busy this week.", "We're very busy", None);
        assert_flags(
            &r,
            "The flight was cancelled due to circumstances beyond our control.",
            "due to circumstances beyond our control",
            None,
        );
        assert_flags(
            &r,
            "Apple hasn't approved our fix yet, so it's out of our hands.",
            "out of our hands",
            None,
        );
        assert_flags(
            &r,
            "There's really nothing we can do to speed that up.",
            "nothing we can do",
            None,
        );
    }

    #[test]
    fn flags_curly_and_filler_variants() {
        let r = Excuse::default();
        assert_flags(
            &r,
            "We\u{2019}re currently experiencing unusually high call volumes.",
            "experiencing unusually high call volumes",
            None,
        );
        assert_flags(
            &r,
            "I\u{2019}m afraid that\u{2019}s simply the way our billing works.",
            "that\u{2019}s simply the way our billing works",
            None,
        );
    }

    #[test]
    fn says_high_rollers_hate_excuses() {
        let r = Excuse::default();
        let l = lints(&r, "Unfortunately our engineers are extremely busy.");
        assert!(!l.is_empty());
        assert!(l.iter().all(|l| l.message.contains("high rollers hate")));
    }

    #[test]
    fn quiet_when_the_reply_owns_it() {
        let r = Excuse::default();
        assert_quiet(
            &r,
            "Unfortunately our system only takes cards right now, which I know is behind the times.",
        );
        assert_quiet(
            &r,
            "We were short of housekeepers that day, but that's our problem to solve, not yours.",
        );
        assert_quiet(
            &r,
            "Here's how it works: you pay once and we bill the rest later.",
        );
        assert_quiet(&r, "I know you're very busy, so I've done it for you.");
        assert_quiet(
            &r,
            "Per our policy, spouses are added as drivers free of charge.",
        );
        assert_quiet(
            &r,
            "I'm sorry, three weeks is far too long, and I've added a $30 credit.",
        );
        assert_quiet(&r, "I'm sorry that you are having this problem.");
    }

    #[test]
    fn odd_text_keeps_spans_valid() {
        crate::rules::test_util::assert_odd_text_is_safe(&Excuse::default());
    }
}
