//! The welcome page (`welcome.html`), opened once when NotYet is installed and reachable again
//! from the options page: who you are (saved to the settings as you type), where the toolbar
//! button and its shortcut are, a sample invitation with the draft NotYet would write for it
//! (updated as you type your name), and the way to the options page. It can be skipped.
//!
//! It shares the options page's builder, wording and storage bindings, and the settings
//! document: only the fields of `me` and `language` typed here are written, into the settings read
//! fresh from storage each time, so nothing the options page saved meanwhile is lost.

use std::cell::RefCell;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use notyet_core::samples::{samples, Sample};
use notyet_core::storage;
use notyet_core::{decide, Category, Invitation, Settings};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chrome::{self, Api};
use crate::dom::{self, document, set_text, E};
use crate::view::{field, input};
use crate::{set_i18n, tr, tr_with};

/// How long typing pauses before the fields are saved: one write per pause, not per key.
const SAVE_AFTER_MS: u32 = 400;

struct Welcome {
    api: Api,
    /// The stored settings, as read at start and after each save (for the sample's draft).
    settings: Settings,
    sample: Sample,
    /// The pending save; replacing it (dropping the `Timeout`) cancels it.
    save: Option<Timeout>,
    /// The fields typed here since the last save, a bit each (name 1, email 2, link 4, language
    /// 8): only these are written. All four were, as read when the page opened, so an email, a
    /// link or a language the options page saved meanwhile went back without a word.
    typed: u8,
    /// The page's listeners, removed if the page state is dropped.
    _listeners: Vec<EventListener>,
}

thread_local! {
    static PAGE: RefCell<Option<Welcome>> = const { RefCell::new(None) };
}

fn with_page<R>(f: impl FnOnce(&mut Welcome) -> R) -> Option<R> {
    PAGE.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.as_mut().map(f)))
}

/// Builds and binds the welcome page. `stored`: the loader's `storage.local.get("settings")`,
/// started while this module loaded.
#[wasm_bindgen(js_name = startWelcome)]
pub async fn start_welcome(api: Api, stored: js_sys::Promise) -> Result<(), JsValue> {
    set_i18n(api.i18n());
    let read = chrome::from_js(&wasm_bindgen_futures::JsFuture::from(stored).await?);
    let doc_value = storage::migrate(read.get("settings").cloned().unwrap_or(Value::Null)).value;
    // The reply language is shown for the user to see and change: the worker set it to the
    // browser's at install (background.js), where it was English for everyone.
    let (settings, _) = Settings::from_json(&chrome::text(&doc_value));
    let shortcut = api.action_shortcut().await;
    let sample = sample_for(crate::ui().code());
    let Some(doc) = document() else { return Err(JsValue::from_str("no document")) };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", crate::ui().code());
    }
    doc.set_title(&tr("welcome_title"));
    let page = view(&settings, &sample, shortcut.as_deref());
    if let Some(body) = doc.body() {
        body.set_text_content(None);
        let _ = body.append_child(&page.0);
    }
    let listeners = vec![
        EventListener::new(&doc, "input", |e| {
            let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            if let Some(key) = el.get_attribute("data-k") {
                with_page(|p| p.on_input(&key, &dom::value(&el)));
            }
        }),
        EventListener::new(&doc, "click", |e| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let Some(act) = target.and_then(|el| el.closest("[data-act]").ok().flatten()).and_then(|b| b.get_attribute("data-act")) else { return };
            // A name typed or filled in a moment ago waits for the pause before its save: saved
            // first, or Done and Open the settings, pressed within it, lost it.
            let then = match act.as_str() {
                "close" => Then::Close,
                "options" => Then::Options,
                _ => return,
            };
            let pending = with_page(|p| p.save.take().is_some()).unwrap_or(false);
            if let Then::Options = then {
                // Nothing waiting: the link goes as links do.
                if !pending {
                    return;
                }
                e.prevent_default();
            }
            crate::spawn(save_then(pending, then));
        }),
    ];
    PAGE.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = Some(Welcome { api, settings, sample, save: None, typed: 0, _listeners: listeners });
        }
    });
    with_page(|p| p.update_draft());
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-ready", "true");
    }
    Ok(())
}

/// The sample shown: a stranger's personal note in the interface language when there is one.
fn sample_for(lang: &str) -> Sample {
    let all = samples();
    let id = dom::cat("personalized_", lang);
    let i = all.iter().position(|s| s.id == id).or_else(|| all.iter().position(|s| s.category == Category::Personalized)).unwrap_or(0);
    all.into_iter().nth(i).unwrap_or_else(|| Sample { id: "none", category: Category::Generic, invitation: Invitation::default() })
}

fn view(s: &Settings, sample: &Sample, shortcut: Option<&str>) -> E {
    let inv = &sample.invitation;
    let keys = match shortcut {
        Some(keys) => E::new("p").id("welcome-shortcut").t(&tr("welcome_shortcut_is")).t(" ").c(E::new("kbd").t(keys)).t(&tr("welcome_shortcut_after")),
        None => E::new("p").id("welcome-shortcut").tr("welcome_shortcut_none"),
    };
    E::new("main")
        .class("welcome")
        .id("welcome")
        .c(E::new("h1").tr("welcome_title"))
        .c(E::new("p").class("lede").tr("welcome_lede"))
        .c(E::new("div").class("actions").c(E::new("button").a("type", "button").a("data-act", "close").id("welcome-skip").tr("welcome_skip")))
        .c(E::new("section")
            .a("aria-labelledby", "h-who")
            // "Saved." beside the heading: under the last field it kept an empty line's strip
            // at the card's foot before anything was typed.
            .c(E::new("div")
                .class("head")
                .c(E::new("h2").id("h-who").tr("welcome_who"))
                .c(E::new("p").id("welcome-saved").a("role", "status").a("aria-live", "polite")))
            .c(E::new("p").class("hint").tr("welcome_who_hint"))
            // The options page's fields: an address or link replies would leave out is flagged.
            .c(field("me.name", "me_name", input("text", &s.me.name).a("autocomplete", "name"), None))
            .c(field("me.email", "me_email", input("email", &s.me.email).a("autocomplete", "email"), Some("me_email_hint")))
            .c(field("me.link", "me_link", input("url", &s.me.link).a("autocomplete", "url"), Some("me_link_hint")))
            .c(E::new("div")
                .class("field")
                .c(E::new("label").a("for", "language").tr("welcome_language"))
                .c(crate::view::select(crate::view::language_options(crate::view::languages(s)), &s.language)
                    .id("language")
                    .a("data-k", "language")
                    .a("aria-describedby", "hint-language"))
                .c(E::new("p").class("hint").id("hint-language").tr("language_hint"))))
        .c(E::new("section")
            .a("aria-labelledby", "h-where")
            .c(E::new("h2").id("h-where").tr("welcome_where"))
            .c(E::new("p").tr("welcome_button"))
            .c(E::new("p").tr("welcome_pin"))
            .c(keys)
            // The side panel for a backlog, found otherwise only once a click on a list offers it.
            .c(E::new("p").id("welcome-panel").tr("welcome_panel")))
        .c(E::new("section")
            .a("aria-labelledby", "h-try")
            .c(E::new("h2").id("h-try").tr("welcome_try"))
            .c(E::new("p").class("hint").tr("welcome_try_hint"))
            .c(crate::view::invitation_card(inv))
            .c(E::new("h3").id("h-welcome-draft").tr("draft"))
            .c(E::new("pre").id("welcome-draft").class("draft").a("aria-labelledby", "h-welcome-draft").a("tabindex", "0")))
        .c(E::new("section").a("aria-labelledby", "h-next").c(E::new("h2").id("h-next").tr("welcome_next")).c(E::new("p").tr("welcome_next_text")).c(E::new(
            "div",
        )
        .class("actions")
        .c(E::new("a").class("button primary").a("href", "options.html").a("data-act", "options").id("welcome-options").tr("welcome_open_options"))
        .c(E::new("button").a("type", "button").a("data-act", "close").id("welcome-done").tr("welcome_done"))))
}

impl Welcome {
    fn on_input(&mut self, key: &str, value: &str) {
        let v = value.trim().to_owned();
        crate::flag_me(key, &v);
        // The typed bit and the field in one match (it matched the four keys twice).
        let (bit, field) = match key {
            "me.name" => (1, &mut self.settings.me.name),
            "me.email" => (2, &mut self.settings.me.email),
            "me.link" => (4, &mut self.settings.me.link),
            "language" => (8, &mut self.settings.language),
            _ => return,
        };
        *field = v;
        self.typed |= bit;
        self.update_draft();
        set_text("welcome-saved", "");
        // Saved once typing pauses; a new key press replaces (and so cancels) the pending save.
        self.save = Some(Timeout::new(SAVE_AFTER_MS, || crate::spawn(save_then(true, Then::Stay))));
    }

    fn update_draft(&self) {
        let s = decide(&self.sample.invitation, &self.settings);
        set_text("welcome-draft", s.text.as_deref().unwrap_or(""));
    }
}

/// What follows a save.
enum Then {
    Stay,
    /// Skip or Done: the tab closes.
    Close,
    /// Open the settings, clicked while a save was pending.
    Options,
}

/// Saves (`save`: fields typed since the last save), then goes on, unless the save failed (said on
/// the page, which stays open). One future for the three callers: `save`'s code once in the module.
async fn save_then(save_first: bool, then: Then) {
    if save_first && !save().await {
        return;
    }
    match then {
        Then::Stay => {}
        Then::Close if close_tab().await => {}
        // Open the settings, and Skip or Done where the tab can't be closed: the options page.
        Then::Close | Then::Options => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href("options.html");
            }
        }
    }
}

/// Writes the fields typed here into the stored settings, read fresh so that nothing else in them
/// is lost. Whether they were written (a failure is said on the page, and they are kept to write).
async fn save() -> bool {
    let Some((api, typed, me, language)) = with_page(|p| {
        (
            p.api.clone(),
            std::mem::take(&mut p.typed),
            [("name", p.settings.me.name.clone()), ("email", p.settings.me.email.clone()), ("link", p.settings.me.link.clone())],
            p.settings.language.clone(),
        )
    }) else {
        return false;
    };
    let local = api.storage().local();
    let result = async {
        let read = local.read(&Value::from("settings")).await?;
        let mut doc = storage::migrate(read.get("settings").cloned().unwrap_or(Value::Null)).value;
        if !doc.is_object() {
            doc = Value::Object(Map::new());
        }
        let mut fields = doc.get("me").and_then(Value::as_object).cloned().unwrap_or_default();
        for (bit, (k, v)) in me.into_iter().enumerate() {
            if typed & 1 << bit != 0 {
                fields.insert(k.to_owned(), Value::String(v));
            }
        }
        if let Some(obj) = doc.as_object_mut() {
            obj.insert("me".into(), Value::Object(fields));
            if typed & 8 != 0 {
                obj.insert("language".into(), Value::String(language));
            }
        }
        let mut items = Map::new();
        items.insert("settings".into(), doc);
        items.insert("settings_saved_at".into(), Value::from(js_sys::Date::now()));
        local.write(&Value::Object(items)).await
    }
    .await;
    match &result {
        Ok(()) => set_text("welcome-saved", &tr("welcome_saved")),
        Err(e) => {
            with_page(|p| p.typed |= typed);
            set_text("welcome-saved", &tr_with("save_failed", &[&crate::storage_error(e)]));
        }
    }
    result.is_ok()
}

/// Skip / Done: closes this tab (`tabs.getCurrent` + `tabs.remove`: a page may not close a tab
/// it didn't open with `window.close()`); whether it did (where tabs can't be reached, the
/// caller goes to the options page).
async fn close_tab() -> bool {
    let Some(api) = with_page(|p| p.api.clone()) else { return false };
    let tabs = dom::prop(&api, "tabs");
    let call = |name: &str, arg: &JsValue| -> Option<js_sys::Promise> {
        let f = dom::prop(&tabs, name).dyn_into::<js_sys::Function>().ok()?;
        f.call1(&tabs, arg).ok()?.dyn_into().ok()
    };
    let current = match call("getCurrent", &JsValue::UNDEFINED) {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok(),
        None => None,
    };
    let id = current.map(|t| dom::prop(&t, "id")).filter(|id| id.as_f64().is_some());
    match id.and_then(|id| call("remove", &id)) {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
        None => false,
    }
}
