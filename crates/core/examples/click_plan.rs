//! One click's plan on the bench's generated page, for counting instructions natively:
//! `cargo build --release -p notyet-core --example click_plan` then
//! `valgrind --tool=callgrind target/release/examples/click_plan 300`; `click_plan 300 json`
//! prints the page's snapshot JSON instead.
//! The page is `benches/read.rs`'s (one module shared by both).

#[path = "../benches/pages/mod.rs"]
mod pages;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(300);
    let json = pages::page(n);
    if std::env::args().nth(2).as_deref() == Some("json") {
        // The page itself, for timing the WASM module on it (tests/bench.mjs's shape).
        println!("{json}");
        return;
    }
    let settings = r#"{"me":{"name":"Pat Example","email":"pat@example.com"}}"#;
    let plan = notyet_core::click::plan_json(&json, settings, "", "", "en");
    let out = serde_json::to_string(&plan).unwrap_or_default();
    println!("{} bytes of plan", out.len());
}
