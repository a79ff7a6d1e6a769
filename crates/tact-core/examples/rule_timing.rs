//! Where the time of one reply check goes: `Draft::new`, each rule, and the features, on a
//! 65-word draft. A quick profile to read beside `cargo bench -p tact-core --bench engine`.
//!
//! ```sh
//! cargo run --release -p tact-core --example rule_timing
//! ```

use std::hint::black_box;
use std::time::Instant;

const DRAFT: &str = "Hi Dana, we're sorry that you are having this problem with your order. I checked with our warehouse and the parcel left early on Monday morning, so it should reach you by Thursday at the latest. I've added a tracking link to your account and refunded the delivery fee of $4.99. Is there anything else wrong with the order that we should look at today?";
const ROUNDS: u32 = 500;

fn main() -> Result<(), tact_core::Error> {
    let t = Instant::now();
    for _ in 0..ROUNDS {
        black_box(tact_core::Document::new(DRAFT));
    }
    println!(
        "{:<24} {:?}",
        "  of which Document::new",
        t.elapsed() / ROUNDS
    );
    let t = Instant::now();
    for _ in 0..ROUNDS {
        black_box(tact_core::Draft::new(DRAFT));
    }
    println!("{:<24} {:?}", "Draft::new", t.elapsed() / ROUNDS);
    let draft = tact_core::Draft::new(DRAFT);
    for rule in tact_core::all_rules() {
        let t = Instant::now();
        for _ in 0..ROUNDS {
            black_box(rule.check(&draft));
        }
        println!("{:<24} {:?}", rule.id().to_string(), t.elapsed() / ROUNDS);
    }
    let engine = tact_core::Engine::embedded()?;
    let t = Instant::now();
    for _ in 0..ROUNDS {
        black_box(engine.featurizer().features(&draft.doc));
    }
    println!("{:<24} {:?}", "features", t.elapsed() / ROUNDS);
    let t = Instant::now();
    for _ in 0..ROUNDS {
        black_box(engine.check(DRAFT, None));
    }
    println!("{:<24} {:?}", "Engine::check (all)", t.elapsed() / ROUNDS);
    Ok(())
}
