//! The panel's progress record on the options page: listed, exported to a file on request, and
//! cleared. It lives in `storage.local` only (never synced), at most [`RECORD_LIMIT`] entries.

use notyet_core::panel::{iso_time, Handled, Record, RECORD_KEY, RECORD_LIMIT};
use serde_json::Value;
use wasm_bindgen::JsCast;

use super::view::{date, drafted_on};
use crate::chrome::{self, Api};
use crate::dom::{self, E};
use crate::tr_with;

/// The section: a hint with the limit, the list, Export and Clear.
pub fn section() -> E {
    let button = |act: &str, key: &str| E::new("button").a("type", "button").a("data-act", act).id(act).tr(key);
    E::new("section")
        .a("aria-labelledby", "h-progress")
        .id("s-progress")
        .c(E::new("h2").id("h-progress").tr("panel_record_title"))
        .c(E::new("p").class("hint").t(&tr_with("panel_record_hint", &[&super::num(RECORD_LIMIT)])))
        .c(E::new("ul").id("progress-list"))
        .c(E::new("div").class("toolbar").c(button("progress-export", "panel_record_export")).c(button("progress-clear", "panel_record_clear")))
        .c(clear_dialog(button))
}

/// Clearing can't be undone, so it asks first, as Reset does; the focus starts on Cancel.
fn clear_dialog(button: impl Fn(&str, &str) -> E) -> E {
    crate::view::question_dialog(
        "progress-clear",
        "panel_record_clear_title",
        "panel_record_clear_text",
        vec![
            button("progress-export", "reset_export").id("progress-clear-export"),
            button("progress-clear-confirm", "panel_record_clear").class("danger"),
            button("progress-clear-cancel", "cancel"),
        ],
    )
}

async fn read(api: &Api) -> Record {
    let v = api.storage().local().read(&Value::from(vec![Value::from(RECORD_KEY)])).await.unwrap_or(Value::Null);
    v.get(RECORD_KEY).map(|r| Record::from_json(&chrome::text(r))).unwrap_or_default()
}

/// Lists the stored record, newest draft first.
pub async fn fill(api: Api) {
    let record = read(&api).await;
    let ui = api.i18n().ui_language();
    let mut entries = record.entries;
    Handled::newest_first(&mut entries);
    // Nothing to export or clear: "Nothing recorded yet." sat above two live buttons, Export
    // writing an empty file and Clear asking whether to clear nothing.
    for id in ["progress-export", "progress-clear"] {
        dom::set_disabled(id, entries.is_empty());
    }
    let items: Vec<E> = if entries.is_empty() {
        vec![E::new("li").class("hint").tr("panel_record_empty")]
    } else {
        entries
            .iter()
            .map(|e| {
                let mut s = e.name.clone();
                if let Some(d) = e.drafted {
                    s.push_str(" · ");
                    s.push_str(&drafted_on(&ui, d));
                }
                if let Some(g) = e.gone {
                    s.push_str(" · ");
                    s.push_str(&tr_with("panel_record_gone", &[&date(&ui, g)]));
                }
                E::new("li").t(&s)
            })
            .collect()
    };
    dom::replace("progress-list", items);
}

/// The record as a JSON file, downloaded, its times as dates a person reads ("2026-11-30T18:40:00Z",
/// not 1796064000000): nothing reads the file back in. Each time found by its key: walking every
/// field of every entry (`values_mut`) cost the zip 1.8 KB, this 0.4 KB.
pub async fn export(api: Api) {
    // The time of the last Clear is the saves' business, not what was drafted.
    let record = Record { cleared: None, ..read(&api).await };
    let mut value: Value = serde_json::from_str(&record.to_json()).unwrap_or(Value::Null);
    for entry in value.get_mut("entries").and_then(Value::as_array_mut).into_iter().flatten() {
        for key in ["drafted", "gone"] {
            if let Some(time) = entry.get_mut(key).filter(|t| t.is_u64()) {
                *time = Value::String(iso_time(time.as_u64().unwrap_or(0)));
            }
        }
    }
    let text = chrome::pretty(&value);
    let Some(url) = dom::download_json(&text, "notyet-panel-progress.json") else { return };
    // Revoked a little later: at once could cut the download short.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Clears the record; the list says so. A save like a panel's (an empty record with the time of
/// the clear), by the service worker in line with the panels' saves: removed here, a save in
/// flight as Clear ran wrote its panel's whole record back a moment later. Sent through the
/// `Function.prototype.call` binding the module has anyway, not a binding of `runtime` of its own.
pub async fn clear(api: Api) -> Result<(), String> {
    let cleared = Record { cleared: Some(js_sys::Date::now() as u64), ..Record::default() };
    let message = js_sys::Object::new();
    for (key, value) in [("type", "panel-record"), ("json", &cleared.to_json())] {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value.into());
    }
    let runtime = dom::prop(&api, "runtime");
    let send = dom::prop(&runtime, "sendMessage").unchecked_into::<js_sys::Function>();
    let saved = send.call1(&runtime, &message).map_err(|e| chrome::error_text(&e))?;
    let answer = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(saved)).await.map_err(|e| chrome::error_text(&e))?;
    if let Some(e) = dom::prop(&answer, "error").as_string() {
        return Err(e);
    }
    fill(api).await;
    Ok(())
}
