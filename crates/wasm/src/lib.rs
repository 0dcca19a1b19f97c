//! The wasm-bindgen layer: JSON strings in, JSON strings out, one function a message.
//!
//! Strings rather than JS objects: the agent's snapshot already arrives as a JSON string
//! (`JSON.stringify` is the fastest way out of the page), and serde_json parses it faster than
//! walking JS objects through the boundary.

use notyet_core::click;
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
    notyet_core::snapshot::REQUEST.to_owned()
}

/// Whether NotYet reads pages at this address.
#[wasm_bindgen(js_name = isSupportedUrl)]
pub fn is_supported_url(url: &str) -> bool {
    notyet_core::read::is_supported_url(url)
}

/// Whether the side panel reads the page at this address: the invitations only (elsewhere it
/// says where they are and reads nothing). The worker starts the page's walk for an opening
/// panel only there: on the feed or a profile it walked the whole page for no one.
#[wasm_bindgen(js_name = panelReads)]
pub fn panel_reads(url: &str) -> bool {
    notyet_core::panel::where_is(url) == notyet_core::panel::Where::Invitations
}

/// The notice for a click on a page NotYet doesn't work on: `{"level", "text"}`, in the
/// interface language `ui` (`i18n.getUILanguage()`, e.g. "de"; English when unknown).
#[wasm_bindgen(js_name = unsupportedNotice)]
pub fn unsupported_notice(ui: &str) -> String {
    click::unsupported_notice(ui).to_json()
}

/// Plans a click (`request` empty) or a notice button (`request`: a core `Request` as JSON, e.g.
/// `{"type":"restore"}`): snapshot, settings and the tab's last draft as JSON in, the Plan as JSON
/// out, its notices in the interface language `ui` (`i18n.getUILanguage()`; English when unknown).
///
/// The plan carries no list of what was read: that is [`last_read`], asked after the insertion.
#[wasm_bindgen(js_name = planRequest)]
pub fn plan_request(snapshot: &str, settings: &str, last: &str, request: &str, ui: &str) -> String {
    let (plan, snapshot) = click::plan_json_keeping(snapshot, settings, last, request, ui);
    let json = plan.to_json();
    KEPT.with(|k| *k.borrow_mut() = snapshot.filter(|_| plan.read).map_or(Kept::Nothing, Kept::Page));
    json
}

/// The last plan's page, kept for [`last_read`]: reading every card of a 300-invitation page
/// whole, and dropping its tree, happen after the draft is in rather than before.
enum Kept {
    /// The last plan read no invitation.
    Nothing,
    Page(notyet_core::snapshot::Snapshot),
    /// Its page, read whole, as JSON.
    Read(String),
}

thread_local! {
    static KEPT: std::cell::RefCell<Kept> = const { std::cell::RefCell::new(Kept::Nothing) };
}

/// What the last [`plan_request`] read: every invitation of its page in page order, as JSON (an
/// array of the core's Invitation; `[]` when it read none). The worker stores it as `lastRead`
/// once the draft is in. Asked again, the same answer; clicks in two tabs both get the later
/// page's, which is the last read.
#[wasm_bindgen(js_name = lastRead)]
pub fn last_read() -> String {
    KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        if let Kept::Page(snapshot) = &*kept {
            let json = notyet_core::Invitation::list_json(&click::last_read(snapshot));
            *kept = Kept::Read(json);
        }
        match &*kept {
            Kept::Read(json) => json.clone(),
            _ => "[]".into(),
        }
    })
}

/// A page report of a snapshot (the agent's JSON): the snapshot with personal text masked, as
/// JSON for the user to look at and save. `""` when the snapshot can't be read.
#[wasm_bindgen(js_name = pageReport)]
pub fn page_report(snapshot: &str) -> String {
    notyet_core::snapshot::Snapshot::from_json(snapshot).map(|s| notyet_core::report::page_report(&s)).unwrap_or_default()
}

/// A side panel's whole progress record (JSON, as the panel writes it) saved over the record as
/// stored (JSON, `""` for none): the record to store, as JSON (`Record::save_over`).
#[wasm_bindgen(js_name = recordSave)]
pub fn record_save(mine: &str, stored: &str) -> String {
    notyet_core::panel::Record::from_json(mine).save_over(stored)
}
