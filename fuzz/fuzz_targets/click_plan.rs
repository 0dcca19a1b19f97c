//! Any text as a page snapshot: the whole click planner (reading the page, deciding, wording,
//! planning the insertion) never panics on what a page can put in front of it, and its plan is
//! always something the service worker can carry out.
//!
//! Input: one byte choosing the request (a click, either length, Restore, a choice made on the
//! notice, Replace anyway) and the interface
//! language, then the snapshot's JSON text, then optionally a NUL byte and the last draft's JSON
//! (what the worker remembered from an earlier click, which a page can shape too).
#![no_main]

use libfuzzer_sys::fuzz_target;
use notyet_core::click::plan_json;

const REQUESTS: [&str; 6] = [
    "",
    r#"{"type":"variant","variant":"short"}"#,
    r#"{"type":"variant","variant":"long"}"#,
    r#"{"type":"restore"}"#,
    r#"{"type":"choose","choice":{"category":"sales","language":"de","variant":"short"},"replace":true}"#,
    r#"{"type":"choose","choice":{"category":"generic"},"was":{"category":"spam","language":"en","variant":"long"}}"#,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(rest) = std::str::from_utf8(rest) else { return };
    let (snapshot, last) = rest.split_once('\0').unwrap_or((rest, "null"));
    let request = REQUESTS[usize::from(pick) % REQUESTS.len()];
    let ui = ["en-US", "de", "fr"][usize::from(pick >> 6) % 3];
    let settings = r#"{"me": {"name": "Pat Example", "email": "pat@example.com"}}"#;
    let plan = plan_json(snapshot, settings, last, request, ui);
    let json = serde_json::to_string(&plan).expect("a plan always serialises");
    assert!(!plan.notice.text.is_empty(), "every plan says something: {json}");
    if let Some(insert) = &plan.insert {
        assert!(!insert.lines.is_empty(), "an insertion writes at least one line: {json}");
    }
});
