//! The wasm-bindgen layer: JSON strings in, JSON strings out, one function a message.
//!
//! Strings rather than JS objects: the agent's snapshot already arrives as a JSON string
//! (`JSON.stringify` is the fastest way out of the page), and serde_json parses it faster than
//! walking JS objects through the boundary.

use notyet_core::click;
use notyet_core::snapshot::{
    ATTRIBUTES, CLASS_PARTS, MAX_ATTRIBUTE, MAX_DEPTH, MAX_TEXT, MAX_TOTAL_TEXT, PROBE_ATTRIBUTES, PROBE_ROLES, PROBE_TAGS, SKIPPED_TAGS,
};
use wasm_bindgen::prelude::*;

// The extension pages' exports (`start`, …) live in crates/options; naming the crate links them
// into this module, so the worker and every page share one copy of the core (README, WASM size).
use notyet_options as _;

/// Talc instead of std's dlmalloc: a few KB less code in the module, and faster (one thread here).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What the agent should copy from the page: `{"attributes", "skip", "max_depth", "class_parts",
/// "probe": {"tags", "roles", "attributes"}, "max_text", "max_total_text", "max_attribute"}`.
#[wasm_bindgen(js_name = snapshotRequest)]
pub fn snapshot_request() -> String {
    // A struct, not `json!`: formatting a `Value` would pull serde_json's pretty printer into the module.
    #[derive(serde::Serialize)]
    struct Probe {
        tags: &'static [&'static str],
        roles: &'static [&'static str],
        attributes: &'static [&'static str],
    }
    #[derive(serde::Serialize)]
    struct Request {
        attributes: &'static [&'static str],
        skip: &'static [&'static str],
        max_depth: u32,
        class_parts: &'static [&'static str],
        probe: Probe,
        max_text: u32,
        max_total_text: u32,
        max_attribute: u32,
    }
    to_json(&Request {
        attributes: ATTRIBUTES,
        skip: SKIPPED_TAGS,
        max_depth: MAX_DEPTH,
        class_parts: CLASS_PARTS,
        probe: Probe { tags: PROBE_TAGS, roles: PROBE_ROLES, attributes: PROBE_ATTRIBUTES },
        max_text: MAX_TEXT,
        max_total_text: MAX_TOTAL_TEXT,
        max_attribute: MAX_ATTRIBUTE,
    })
}

/// Whether NotYet reads pages at this address.
#[wasm_bindgen(js_name = isSupportedUrl)]
pub fn is_supported_url(url: &str) -> bool {
    notyet_core::read::is_supported_url(url)
}

/// The notice for a click on a page NotYet doesn't work on: `{"level", "text"}`, in the
/// interface language `ui` (`i18n.getUILanguage()`, e.g. "de"; English when unknown).
#[wasm_bindgen(js_name = unsupportedNotice)]
pub fn unsupported_notice(ui: &str) -> String {
    to_json(&click::unsupported_notice(ui))
}

/// Plans a click (`request` empty) or a notice button (`request`: a core `Request` as JSON, e.g.
/// `{"type":"restore"}`): snapshot, settings and the tab's last draft as JSON in, the Plan as JSON
/// out, its notices in the interface language `ui` (`i18n.getUILanguage()`; English when unknown).
#[wasm_bindgen(js_name = planRequest)]
pub fn plan_request(snapshot: &str, settings: &str, last: &str, request: &str, ui: &str) -> String {
    to_json(&click::plan_json(snapshot, settings, last, request, ui))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serializing our own plain structs cannot fail; an empty object keeps the caller's JSON.parse safe.
    serde_json::to_string(value).unwrap_or_else(|_| "{}".into())
}

/// A page report of a snapshot (the agent's JSON): the snapshot with personal text masked, as
/// JSON for the user to look at and save. `""` when the snapshot can't be read.
#[wasm_bindgen(js_name = pageReport)]
pub fn page_report(snapshot: &str) -> String {
    notyet_core::snapshot::Snapshot::from_json(snapshot).map(|s| notyet_core::report::page_report(&s)).unwrap_or_default()
}
