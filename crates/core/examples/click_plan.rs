//! One click's plan on the bench's generated page, for counting instructions natively:
//! `cargo build --release -p notyet-core --example click_plan` then
//! `valgrind --tool=callgrind target/release/examples/click_plan 300`; `click_plan 300 json`
//! prints the page's snapshot JSON instead, `click_plan 300 plan` the whole plan (to compare two
//! builds' outputs). In place of the count, a page: `click_plan PAGE.html` (a panel fixture,
//! `make_panel_fixtures.py`'s `page(300, 300)`) or the agent's snapshot (`.json`).
//! `--toggle-collect='click_plan::once'` counts the plan alone, without making the page.
//! The generated page is `benches/read.rs`'s (one module shared by both).

#[path = "../benches/pages/mod.rs"]
mod pages;

const SETTINGS: &str = r#"{"me":{"name":"Pat Example","email":"pat@example.com"}}"#;

/// The click's work in the WASM: the snapshot parsed, the page read, the plan made.
#[inline(never)]
fn once(json: &str) -> notyet_core::click::Plan {
    notyet_core::click::plan_json(json, SETTINGS, "", "", "en")
}

fn main() {
    let page = std::env::args().nth(1).unwrap_or_else(|| "300".into());
    let json = match page.parse::<usize>() {
        Ok(n) => pages::page(n),
        Err(_) => {
            let text = std::fs::read_to_string(&page).expect("the page reads");
            if page.ends_with(".json") {
                text
            } else {
                let url = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
                let converted = notyet_core::html::snapshot_of(&text, url, &notyet_core::html::Options { frames: None, mark: None });
                serde_json::to_string(&converted.snapshot).expect("serializes")
            }
        }
    };
    if std::env::args().nth(2).as_deref() == Some("json") {
        // The page itself, for timing the WASM module on it (tests/bench.mjs's shape).
        println!("{json}");
        return;
    }
    let out = serde_json::to_string(&once(&json)).unwrap_or_default();
    if std::env::args().nth(2).as_deref() == Some("plan") {
        println!("{out}");
    } else {
        println!("{} bytes of plan", out.len());
    }
}
