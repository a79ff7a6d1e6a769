//! How to answer, by urgency and by persona, from the guides.

use crate::report::{Advice, PersonaLabel, UrgencyLevel};

/// Advice on how fast to answer.
pub fn for_urgency(level: UrgencyLevel) -> Advice {
    let text = match level {
        UrgencyLevel::Low => "Can wait: answer within a day or two. A customer with a feature request or a question won't mind a day.",
        UrgencyLevel::Normal => "Answer today: a real problem, but with a workaround or limited impact.",
        UrgencyLevel::High => "Answer within hours and put it ahead of the queue: the customer is blocked, out of pocket or at the end of their patience.",
        UrgencyLevel::Critical => "Answer now. This customer is 'pulling their hair out': money, safety, a deadline today or a business at a standstill. Escalate if you can't fix it yourself.",
    };
    Advice {
        about: "urgency".into(),
        text: text.into(),
        source:
            "seed 000 step 3 \"Respond to the customer quickly\"; seed 003 \"Time is critical\""
                .into(),
    }
}

/// Advice on how to answer a persona.
pub fn for_persona(p: PersonaLabel) -> Advice {
    let (text, source) = match p {
        PersonaLabel::Meek => (
            "They may not tell you everything, and may just leave. Reach out, ask gentle open questions (\"Could you tell me a bit more about what happened?\") to draw out exactly what is wrong, and make it easy to reply.",
            "seed 000 step 2 (type 4); seed 003 \"The Meek Customer\"",
        ),
        PersonaLabel::Aggressive => (
            "Don't mirror the tone: answer with firm politeness, show you're ready to hear them out, and ask \"What else may I help you with?\".",
            "seed 000 step 2 (type 1); seed 003 \"The Aggressive Customer\"",
        ),
        PersonaLabel::HighRoller => (
            "No excuses: get straight to the solution, with an owner and a time. Consider a VIP queue for them.",
            "seed 000 step 2 (type 2); seed 003 \"The High Roller\"",
        ),
        PersonaLabel::Chronic => (
            "Be patient and don't sound frustrated; treat this issue on its own merits. Once satisfied, they often become advocates.",
            "seed 000 step 2 (type 3); seed 003 \"The Chronic Complainer\"",
        ),
        PersonaLabel::Barnacle => (
            "Keep your composure and answer as objectively as possible: state what you can do, involve them (\"What do you think would be fair?\"), and don't hand out more than the problem warrants.",
            "seed 003 \"The Barnacle\" and \"Resolving customer complaints … involve them\"",
        ),
        PersonaLabel::Moderate => (
            "The usual process: acknowledge, apologise plainly (\"I'm sorry about that\"), give a concrete next step with a date, and check the fix worked.",
            "seed 000 steps 1–4; seed 004",
        ),
    };
    Advice {
        about: "persona".into(),
        text: text.into(),
        source: source.into(),
    }
}
