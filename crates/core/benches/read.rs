//! A click on a big invitation page, natively: the snapshot JSON in, the plan JSON out (what the
//! worker's `planRequest` does), on pages of 300 and 1,000 cards shaped like `tests/bench.mjs`'s
//! (LinkedIn's 2026 layout, each card with a long clamped note), with a message box open.
//! Issue 8's budget is for the same in WASM: read + plan ≤ 10 ms at 300, ≤ 30 ms at 1,000.

use criterion::{criterion_group, criterion_main, Criterion};
use notyet_core::click::plan_json;
use notyet_core::read::read_page;
use notyet_core::snapshot::Snapshot;
use std::hint::black_box;

mod pages;
use pages::page;

fn bench(c: &mut Criterion) {
    let settings = r#"{"me":{"name":"Pat Example","email":"pat@example.com"}}"#;
    for n in [300, 1000] {
        let json = page(n);
        let plan = plan_json(&json, settings, "", "", "en");
        assert_eq!(read_page(&Snapshot::from_json(&json).expect("parses")).invitations.len(), n, "every card is read");
        assert!(plan.insert.is_some(), "a draft for the open conversation: {}", plan.notice.text);
        c.bench_function(&format!("plan_{n}"), |b| b.iter(|| serde_json::to_string(&plan_json(black_box(&json), settings, "", "", "en")).expect("serializes")));
        let snapshot = Snapshot::from_json(&json).expect("parses");
        c.bench_function(&format!("read_{n}"), |b| b.iter(|| read_page(black_box(&snapshot))));
        c.bench_function(&format!("parse_{n}"), |b| b.iter(|| Snapshot::from_json(black_box(&json)).expect("parses")));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
