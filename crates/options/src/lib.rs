//! The NotYet options page, rendered and bound in Rust.
//!
//! `options.js` loads this module and calls [`start`] with the extension API object. The page
//! holds one [`App`]: the [`Settings`] being edited, read from `chrome.storage.local` (the source
//! of truth the service worker reads on every click) and migrated forward. Events are delegated:
//! four listeners on the document dispatch by the target's `data-k` (a binding key) or
//! `data-act` (a button's action), so re-rendering the rule list leaks no closures.
//!
//! Storage keys: `storage.local` `"settings"` (the document; the worker watches it, so a save
//! applies to the next click), `"settings_saved_at"` (when it was saved, to compare with a synced
//! copy) and `"sync_settings"` (whether this browser syncs); `storage.sync` `"settings.meta"` and
//! `"settings.0"`… (see `notyet_core::storage`); `storage.session` `"lastRead"` (what the last
//! click read, offered as preview samples).
//!
//! Edits are saved explicitly (Save, or Ctrl/Cmd+S), after the same checks `notyet
//! check-settings` makes; until then the page says there are unsaved changes and warns before
//! it is closed. The preview runs the core's `decide` on every keystroke: well under a frame.

mod chrome;
mod dom;
mod messages;
mod panel;
mod view;
mod welcome;

use notyet_core::words::Say;
use notyet_core::Find;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use notyet_core::samples::{read_invitation, samples, Sample};
use notyet_core::storage::{self, TooLarge};
use notyet_core::template::default_source;
use notyet_core::{decide, Action, Category, Invitation, Rule, Settings, Then, Variant, When};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use chrome::{Api, I18n};
use dom::{by_id, cat, cat_n, document, set_text, E};

use view::ctrl_id;

/// Which invitation the preview shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    Builtin(usize),
    LastRead(usize),
    Pasted,
}

/// The page's state.
pub struct App {
    api: Api,
    pub settings: Settings,
    /// The document as stored: its unknown keys (from a newer NotYet) are kept on save.
    stored: Value,
    dirty: bool,
    pub sync_on: bool,
    /// How many chunks the last sync save used, so stale ones are removed.
    sync_chunks: usize,
    /// Settings saved on another device, newer than this one's, offered (never applied unasked).
    synced: Option<Value>,
    pub samples: Vec<Sample>,
    pub last_read: Vec<Invitation>,
    pub sample: Pick,
    pub pasted: String,
    pub tpl_id: String,
    pub tpl_lang: String,
    pub preview_variant: Option<Variant>,
    /// The template editor last used: where a placeholder button inserts.
    tpl_focus: Variant,
    /// The last export's object URL, revoked on the next export.
    export_url: Option<String>,
    /// The rule shown open when the list is drawn again (just added or moved); the others show their summary.
    pub open_rule: Option<usize>,
    /// What the status area says now (tone, text), so an unchanged message isn't announced again.
    status: Option<(Tone, String)>,
    /// The status area lists a check's problems: each edit checks again, so none stays after its cause is gone.
    rechecks: bool,
}

/// The kind of message the status area shows, which is its look (class `status-…`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    Info,
    Done,
    Problem,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
    static UI: Cell<Option<notyet_core::words::Ui>> = const { Cell::new(None) };
}

/// Runs `f` on the app; `None` before [`start`] has set it up or while it is borrowed.
fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|a| a.try_borrow_mut().ok().and_then(|mut a| a.as_mut().map(f)))
}
/// Interface text in the browser's language.
pub fn tr(key: &str) -> String {
    tr_with(key, &[])
}

/// A message key handed to a helper that translates it (`field`, `button`, …): one call site
/// per text instead of a `String` each. Named so that the check that every key has its wording
/// (`messages.rs`'s tests, which find keys as `tr("…")`) still sees every key.
pub const fn lazy_tr(key: &'static str) -> &'static str {
    key
}

/// The interface text `prefix` + a value's JSON name: `cat_` + `not_a_person`.
pub fn tr_named(prefix: &str, name: &str) -> String {
    tr(&cat(prefix, name))
}

/// The interface language: the language of the locale the browser picked for the extension
/// (its `html_lang`), so the pages, the core's reasons and the worker's notices never differ.
/// (`i18n.getUILanguage()` can: Chromium started with `--lang=de` reports "en-US" there.)
pub fn ui() -> notyet_core::words::Ui {
    UI.get().unwrap_or_default()
}

/// The interface text `key` in the page's language ([`messages`]), `$1`… filled from `args`;
/// the key itself when there is no such message, or before [`set_i18n`], so a gap shows rather
/// than vanishes.
pub fn tr_with(key: &str, args: &[&str]) -> String {
    match (UI.get(), messages::find(key)) {
        (Some(ui), Some(words)) => messages::fill(ui.pick(words), args),
        _ => key.to_owned(),
    }
}

/// Sets the pages' interface language: the language of the locale the browser picked.
fn set_i18n(i18n: I18n) {
    UI.set(Some(notyet_core::words::Ui::from_code(&i18n.html_lang())));
}

/// Runs `future` to its end on the page's task queue. One copy of the queue's code for the
/// pages' 17 starts of a task: `spawn_local`, generic in its future, had its task set-up and
/// scheduling inlined at each (7 times in the options page's event handler alone).
pub(crate) fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    spawn_boxed(Box::pin(future));
}

#[inline(never)]
fn spawn_boxed(future: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    wasm_bindgen_futures::spawn_local(future);
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Builds the page from storage and binds it. Resolves when it is interactive.
///
/// `stored` is the page loader's `Promise.all` of `storage.local.get(["settings",
/// "sync_settings"])` and `storage.session.get("lastRead")`, started while this module loaded.
#[wasm_bindgen]
pub async fn start(api: Api, stored: js_sys::Promise) -> Result<(), JsValue> {
    step("start");
    set_i18n(api.i18n());
    let reads = wasm_bindgen_futures::JsFuture::from(stored).await?;
    let part = |i: u32| chrome::from_js(&js_sys::Reflect::get_u32(&reads, i).unwrap_or(JsValue::NULL));
    let (local_read, session_read) = (part(0), part(1));
    let stored = local_read.get("settings").cloned().unwrap_or(Value::Null);
    let sync_on = local_read.get("sync_settings") == Some(&Value::Bool(true));
    let last_read = invitations(session_read.get("lastRead"));
    step("storage");
    let migrated = storage::migrate(stored.clone());
    let (settings, problems) = Settings::from_json(&chrome::text(&migrated.value));
    let tpl_lang = settings.language.clone();
    let app = App {
        api,
        settings,
        stored,
        dirty: false,
        sync_on,
        sync_chunks: 0,
        synced: None,
        samples: samples(),
        sample: if last_read.is_empty() { Pick::Builtin(0) } else { Pick::LastRead(0) },
        last_read,
        pasted: String::new(),
        tpl_id: "personalized".into(),
        tpl_lang,
        preview_variant: None,
        tpl_focus: Variant::Long,
        export_url: None,
        status: None,
        rechecks: false,
        open_rule: None,
    };
    let Some(doc) = document() else { return Err(JsValue::from_str("no document")) };
    if let Some(root) = doc.document_element() {
        // The language of the interface text actually shown (the locale file's own tag).
        let _ = root.set_attribute("lang", ui().code());
    }
    doc.set_title(&tr("options_title"));
    let page = view::page(&app);
    if let Some(body) = doc.body() {
        body.set_text_content(None);
        let _ = body.append_child(&page.0);
    }
    step("rendered");
    APP.with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            *a = Some(app);
        }
    });
    bind(&doc);
    if let Some(api) = with_app(|a| a.api.clone()) {
        spawn(panel::record::fill(api));
    }
    with_app(|app| {
        app.update_preview();
        // Problems are alerts; stored settings replaced by the defaults are only said.
        if !problems.is_empty() {
            app.tell(Tone::Problem, &tr("loaded_with_notes"), &problems.iter().map(|p| worded(p, false, true)).collect::<Vec<_>>());
            app.rechecks = true;
        } else if migrated.replaced {
            app.say_tr("stored_replaced");
        }
    });
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-ready", "true");
    }
    let _ = js_sys::Reflect::set(&js_sys::global(), &"__notyetOptionsReady".into(), &JsValue::from_f64(performance_now()));
    if sync_on {
        check_synced().await;
    }
    Ok(())
}

/// Records when start-up reached `name` (`__notyetOptionsSteps`, read by the benchmark).
fn step(name: &str) {
    let global = js_sys::global();
    let key = JsValue::from_str("__notyetOptionsSteps");
    let steps = js_sys::Reflect::get(&global, &key).ok().filter(JsValue::is_object).unwrap_or_else(|| {
        let o: JsValue = js_sys::Object::new().into();
        let _ = js_sys::Reflect::set(&global, &key, &o);
        o
    });
    let _ = js_sys::Reflect::set(&steps, &JsValue::from_str(name), &JsValue::from_f64(performance_now()));
}

fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Invitations from `lastRead`; entries that don't read as one are skipped.
fn invitations(v: Option<&Value>) -> Vec<Invitation> {
    let Some(Value::Array(items)) = v else { return Vec::new() };
    items.iter().filter_map(|i| read_invitation(i).ok()).collect()
}

/// The invitation the preview shows (borrowed unless pasted) and whether it is the built-in
/// sample of a known inviter; or why there is none.
fn preview_invitation<'a>(sample: &Pick, samples: &'a [Sample], last_read: &'a [Invitation], pasted: &str) -> Result<(Cow<'a, Invitation>, bool), String> {
    let missing = || tr("sample_missing");
    match *sample {
        Pick::Builtin(i) => samples.get(i).map(|s| (Cow::Borrowed(&s.invitation), s.category == Category::Known)).ok_or_else(missing),
        Pick::LastRead(i) => last_read.get(i).map(|inv| (Cow::Borrowed(inv), false)).ok_or_else(missing),
        Pick::Pasted => {
            if pasted.trim().is_empty() {
                return Err(tr("paste_empty"));
            }
            // Parsed as a value, then read by hand: syntax errors at serde's position, a
            // wrong value at its key's (the module has no typed `Invitation` parser).
            let v: Value = serde_json::from_str(pasted).map_err(|e| {
                tr_with("paste_bad", &[&e.line().to_string(), &e.column().to_string(), &notyet_core::words::JsonError::in_text(&e, pasted).say(ui())])
            })?;
            read_invitation(&v).map(|inv| (Cow::Owned(inv), false)).map_err(|(key, message)| {
                let (line, column) = key_position(pasted, &key);
                tr_with("paste_bad", &[&line.to_string(), &column.to_string(), &format!("{key}: {message}")])
            })
        }
    }
}

/// Where `"key"` first appears in `text`, as a 1-based line and column: where a pasted
/// invitation's bad value is (its JSON parsed fine, so the key is there, unless escaped).
fn key_position(text: &str, key: &str) -> (usize, usize) {
    let Some(at) = text.at(&format!("\"{key}\"")) else { return (1, 1) };
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// The four delegated listeners, the unload guard, and storage changes from elsewhere. The
/// five DOM listeners share one closure, [`on_event`], which tells events apart by their type.
fn bind(doc: &web_sys::Document) {
    // `Fn`, not `FnMut`: a handler that focuses an element re-enters it at once (focusin).
    let handler = Closure::wrap(Box::new(on_event) as Box<dyn Fn(Event)>);
    let f: &js_sys::Function = handler.as_ref().unchecked_ref();
    for name in ["input", "change", "click", "keydown", "focusin"] {
        let _ = doc.add_event_listener_with_callback(name, f);
    }
    // Scrolling doesn't bubble: caught on the way down, to keep a template's backdrop in step.
    let _ = doc.add_event_listener_with_callback_and_bool("scroll", f, true);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("beforeunload", f);
    }
    handler.forget(); // lives as long as the page
    let changed = Closure::wrap(Box::new(|changes: JsValue, area: String| {
        if area == "session" {
            if let Some(v) = chrome::change_value(&changes, "lastRead") {
                with_app(|app| app.set_last_read(invitations(Some(&v))));
            }
        } else if area == "local" {
            if let Some(v) = chrome::change_value(&changes, "settings") {
                with_app(|app| app.stored_elsewhere(v));
            }
            if chrome::change_value(&changes, notyet_core::panel::RECORD_KEY).is_some() {
                if let Some(api) = with_app(|a| a.api.clone()) {
                    spawn(panel::record::fill(api));
                }
            }
        }
    }) as Box<dyn FnMut(JsValue, String)>);
    if let Some(api) = with_app(|a| a.api.clone()) {
        api.storage().on_changed().add_listener(changed.as_ref().unchecked_ref());
    }
    changed.forget();
}

/// One event of the page's: a control's value (`input`, `change`), a button (`click`), the
/// save shortcut (`keydown`), or leaving with unsaved changes (`beforeunload`).
fn on_event(e: Event) {
    let kind = dom::prop(&e, "type").as_string().unwrap_or_default();
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    match kind.as_str() {
        "input" | "change" => {
            let Some(el) = target else { return };
            // Selects and check boxes report through `input` too; a chosen file only through
            // `change` (Chrome sends both for it, which would import twice).
            if (el.get_attribute("type").as_deref() == Some("file")) != (kind == "change") {
                return;
            }
            let Some(key) = el.get_attribute("data-k") else { return };
            if key == "import" {
                spawn(import(el));
            } else if key == "sync" {
                spawn(toggle_sync(dom::checked(&el)));
            } else {
                with_app(|app| app.on_input(&key, &el));
            }
        }
        "click" => {
            let Some(button) = target.and_then(|el| el.closest("[data-act]").ok().flatten()) else { return };
            if button.has_attribute("disabled") {
                return;
            }
            if let Some(act) = button.get_attribute("data-act") {
                act_on(&act);
            }
        }
        "focusin" => {
            if let Some(v) = target.and_then(|el| el.get_attribute("data-variant")) {
                with_app(|a| a.tpl_focus = variant_of(&v));
            }
        }
        "scroll" => {
            let Some(el) = target.filter(|el| el.has_attribute("data-variant")) else { return };
            if let Some(bd) = by_id(&cat("bd-", &el.id())) {
                let _ = js_sys::Reflect::set(&bd, &"scrollTop".into(), &dom::prop(&el, "scrollTop"));
            }
        }
        "keydown" => {
            // Read as properties: a typed `KeyboardEvent` costs the module five bindings.
            let k = |name: &str| dom::prop(&e, name);
            let key = k("key").as_string().unwrap_or_default();
            if (k("ctrlKey").is_truthy() || k("metaKey").is_truthy()) && !k("altKey").is_truthy() && key.eq_ignore_ascii_case("s") {
                e.prevent_default();
                spawn(async {
                    save().await;
                });
            }
        }
        _ => {
            // beforeunload
            if with_app(|a| a.dirty).unwrap_or(false) {
                e.prevent_default();
                // `returnValue`, set as a property for the browsers that still ask for it.
                let _ = js_sys::Reflect::set(&e, &JsValue::from("returnValue"), &JsValue::from("unsaved"));
            }
        }
    }
}

/// A button's action: `save`, `rule-up.3`, `tpl-reset.short`, …
fn act_on(act: &str) {
    let (name, arg) = act.split_once('.').unwrap_or((act, ""));
    let index = arg.parse::<usize>().ok();
    match name {
        "save" => spawn(async {
            save().await;
        }),
        "export" => {
            with_app(|app| app.export());
        }
        "import" => {
            if let Some(input) = by_id("import") {
                dom::call(&input, "click");
            }
        }
        "reset" => {
            if let Some(d) = by_id("reset-dialog") {
                dom::call(&d, "showModal");
                focus("reset-export");
            }
        }
        "reset-export" => {
            with_app(|app| app.export());
        }
        "reset-cancel" => close_dialog("reset-dialog", "save"),
        "reset-confirm" => {
            close_dialog("reset-dialog", "save");
            spawn(reset());
        }
        "use-synced" => {
            with_app(App::use_synced);
        }
        // The side panel's progress record (crates/options/src/panel/record.rs).
        "progress-export" => {
            if let Some(api) = with_app(|a| a.api.clone()) {
                spawn(panel::record::export(api));
            }
        }
        "progress-clear" => {
            if let Some(d) = by_id("progress-clear-dialog") {
                dom::call(&d, "showModal");
                focus("progress-clear-cancel");
            }
        }
        "progress-clear-cancel" => close_dialog("progress-clear-dialog", "progress-clear"),
        "progress-clear-confirm" => {
            close_dialog("progress-clear-dialog", "progress-clear");
            if let Some(api) = with_app(|a| a.api.clone()) {
                spawn(async move {
                    let said = match panel::record::clear(api).await {
                        Ok(()) => tr("panel_record_cleared"),
                        Err(e) => tr_with("panel_failed", &[&e]),
                    };
                    with_app(|app| app.say(&said));
                    // Clear is disabled now, the record empty: the focus goes to what says so
                    // rather than to the page's start.
                    focus("status-close");
                });
            }
        }
        "status-close" => {
            with_app(App::dismiss);
        }
        _ => {
            with_app(|app| app.on_edit_action(name, arg, index));
        }
    }
}

/// Closes the question dialog `id` (if open) and gives the focus back to the control `to`.
fn close_dialog(id: &str, to: &str) {
    if let Some(d) = by_id(id) {
        dom::call(&d, "close");
    }
    focus(to);
}

fn focus(id: &str) {
    if let Some(el) = by_id(id) {
        dom::call(&el, "focus");
    }
}

/// Flags an email address or link that replies would leave out, on the options and welcome
/// pages alike, as it is typed (`key`: `me.email`, `me.link`; other keys clear nothing).
pub(crate) fn flag_me(key: &str, v: &str) {
    let bad = match key {
        "me.email" => (!notyet_core::email_usable(v)).then_some("me_email_bad"),
        "me.link" => (!notyet_core::link_usable(v)).then_some("me_link_bad"),
        _ => return,
    };
    field_error(key, bad.map(tr).as_deref());
}

/// Marks a control invalid and explains why, or clears both.
fn field_error(key: &str, message: Option<&str>) {
    let id = ctrl_id(key);
    if let Some(el) = by_id(&id) {
        let _ = match message {
            Some(_) => el.set_attribute("aria-invalid", "true"),
            None => el.remove_attribute("aria-invalid"),
        };
    }
    set_text(&cat("err-", &id), message.unwrap_or(""));
}

/// A list as entries: split at `sep`, trimmed (a line's `\r` too), empty ones dropped.
fn entries(s: &str, sep: char) -> Vec<String> {
    s.split(sep).map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}

/// A comma-separated list as entries.
fn comma_list(s: &str) -> Vec<String> {
    entries(s, ',')
}

/// One entry per line.
fn lines(s: &str) -> Vec<String> {
    entries(s, '\n')
}

/// The value of `all` whose JSON name (`names`, the core's table beside it) is `s`: no
/// deserialiser per enum is linked. The options page's selects and the side panel's filters.
pub(crate) fn parse_enum<T: Copy>(names: &[&str], all: &[T], s: &str) -> Option<T> {
    names.iter().position(|n| *n == s).map(|i| all[i])
}

fn variant_of(s: &str) -> Variant {
    if s == "short" {
        Variant::Short
    } else {
        Variant::Long
    }
}

impl App {
    /// Says one thing in the status area, in place of what it said before: it never shows two
    /// states at once, and says nothing until something happened. `details`: the problems
    /// behind it, listed under it (empty: none).
    fn tell(&mut self, tone: Tone, text: &str, details: &[String]) {
        self.rechecks = false;
        dom::replace("problems", details.iter().map(|l| E::new("li").t(l)).collect());
        if self.status.as_ref().is_some_and(|(t, s)| *t == tone && s == text) {
            return;
        }
        self.status = Some((tone, text.to_owned()));
        set_text("status", text);
        if let Some(area) = by_id("status-area") {
            let _ = area.set_attribute(
                "class",
                match tone {
                    Tone::Info => "status-area status-info",
                    Tone::Done => "status-area status-done",
                    Tone::Problem => "status-area status-problem",
                },
            );
            let _ = area.remove_attribute("hidden");
        }
    }

    /// Hides the status area (its close button) until the next message.
    fn dismiss(&mut self) {
        self.status = None;
        self.rechecks = false;
        set_text("status", "");
        dom::replace("problems", Vec::new());
        if let Some(area) = by_id("status-area") {
            let _ = area.set_attribute("hidden", "");
        }
    }

    fn say(&mut self, text: &str) {
        self.tell(Tone::Info, text, &[]);
    }

    /// Says the interface text `key`.
    fn say_tr(&mut self, key: &str) {
        self.say(&tr(key));
    }

    /// Marks the page unsaved or saved; the Save button carries the mark (a dot), so it stays
    /// visible after the status area is dismissed.
    fn set_dirty(&mut self, dirty: bool) {
        self.dirty = dirty;
        if let Some(b) = by_id("save") {
            let _ = b.set_attribute("class", if dirty { "dirty" } else { "" });
            let _ = b.set_attribute("title", &tr(if dirty { "save_unsaved" } else { "save_hint" }));
        }
    }

    /// The settings were edited: the page is unsaved, which the status area says, unless it
    /// lists a check's problems: those are checked again, and go when none is left. The ones
    /// left are said as the edited page's, which Save refuses: under the stored settings'
    /// heading ("read with these notes") they read as if still what storage held.
    fn edited(&mut self) {
        self.set_dirty(true);
        if self.rechecks {
            let problems = check(&settings_value(&self.settings), false);
            if !problems.is_empty() {
                self.tell(Tone::Problem, &tr("unsaved_problems"), &problems);
                self.rechecks = true;
                return;
            }
        }
        self.say_tr("unsaved");
    }

    /// One control changed: update the settings (or the preview's choices) and the preview.
    fn on_input(&mut self, key: &str, el: &Element) {
        let v = dom::value(el);
        let mut edited = true;
        let parts: Vec<&str> = key.split('.').collect();
        match parts.as_slice() {
            ["me", f] => {
                let v = v.trim().to_owned();
                flag_me(key, &v);
                match *f {
                    "name" => self.settings.me.name = v,
                    "email" => self.settings.me.email = v,
                    _ => self.settings.me.link = v,
                }
            }
            ["known", f] => {
                let list = lines(&v);
                match *f {
                    "people" => self.settings.known.people = list,
                    "companies" => self.settings.known.companies = list,
                    _ => self.settings.known.schools = list,
                }
            }
            ["mutual_threshold"] => match v.trim().parse::<u32>() {
                Ok(n) => {
                    field_error(key, None);
                    self.settings.mutual_threshold = n;
                }
                Err(_) => {
                    field_error(key, Some(&tr("whole_number")));
                    edited = false;
                }
            },
            ["language"] => self.settings.language = v,
            ["variant"] => self.settings.variant = variant_of(&v),
            ["sign_off"] => {
                let err = view::template_error(&v);
                field_error(key, err.as_ref().map(|e| e.0.as_str()));
                self.settings.sign_off = v;
            }
            ["r", i, rest @ ..] => {
                let Some(i) = i.parse::<usize>().ok().filter(|i| *i < self.settings.rules.len()) else { return };
                edited = self.on_rule_input(i, rest, &v, el, key);
                if let Some(r) = self.settings.rules.get(i) {
                    set_text(&cat_n("r-", i, "-summary"), &view::rule_summary(i, r));
                }
            }
            ["tpl", which @ ("id" | "lang")] => {
                if *which == "id" {
                    self.tpl_id = v
                } else {
                    self.tpl_lang = v
                }
                self.follow_template();
                dom::replace("templates", view::templates(self));
                edited = false;
            }
            ["tpl", "newid"] | ["tpl", "newlang"] => edited = false,
            ["tpl", vn] => {
                let variant = variant_of(vn);
                self.set_template(variant, v);
                self.preview_variant = Some(variant);
                if let Some(sel) = by_id("pvariant") {
                    dom::set_value(&sel, vn);
                }
            }
            ["sample"] => {
                self.sample = match v.split_once('.') {
                    Some(("b", i)) => i.parse().map(Pick::Builtin).unwrap_or(Pick::Builtin(0)),
                    Some(("l", i)) => i.parse().map(Pick::LastRead).unwrap_or(Pick::Builtin(0)),
                    _ => Pick::Pasted,
                };
                if let Some(b) = by_id("paste-box") {
                    let _ = if self.sample == Pick::Pasted { b.set_attribute("hidden", "") } else { b.remove_attribute("hidden") };
                    let _ = if self.sample == Pick::Pasted { b.remove_attribute("hidden") } else { b.set_attribute("hidden", "") };
                }
                edited = false;
            }
            ["pasted"] => {
                self.pasted = v;
                edited = false;
            }
            ["pvariant"] => {
                self.preview_variant = (!v.is_empty()).then(|| variant_of(&v));
                edited = false;
            }
            _ => edited = false,
        }
        if edited {
            self.edited();
        }
        self.update_preview();
    }

    /// A rule's control changed; returns whether the settings changed.
    fn on_rule_input(&mut self, i: usize, rest: &[&str], v: &str, el: &Element, key: &str) -> bool {
        let Some(rule) = self.settings.rules.get_mut(i) else { return false };
        let w = &mut rule.when;
        let number = |v: &str| -> Result<Option<u32>, ()> {
            if v.trim().is_empty() {
                Ok(None)
            } else {
                v.trim().parse().map(Some).map_err(drop)
            }
        };
        match rest {
            ["name"] => {
                rule.name = v.to_owned();
                let n = (i + 1).to_string();
                let title = if v.trim().is_empty() { tr_with("rule_n", &[&n]) } else { tr_with("rule_n_named", &[&n, v.trim()]) };
                if let Some(legend) = el.closest("fieldset").ok().flatten().and_then(|f| f.query_selector("legend").ok().flatten()) {
                    legend.set_text_content(Some(&title));
                }
            }
            ["enabled"] => {
                rule.enabled = dom::checked(el);
                if let Some(li) = el.closest("li").ok().flatten() {
                    let _ = li.set_attribute("class", if rule.enabled { "rule" } else { "rule off" });
                }
            }
            ["cat", c] => {
                let Some(cat) = parse_enum(Category::NAMES, &Category::ALL, c) else { return false };
                w.category.retain(|x| *x != cat);
                if dom::checked(el) {
                    // Kept in the page's order by inserting in place: a sort would link a stable sort (~2 KB gzipped).
                    let rank = |c: &Category| Category::ALL.iter().position(|y| y == c);
                    let at = w.category.iter().position(|x| rank(x) > rank(&cat)).unwrap_or(w.category.len());
                    w.category.insert(at, cat);
                }
            }
            ["note"] => {
                w.note = match v {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                }
            }
            [which @ ("mutual_at_least" | "mutual_below")] => match number(v) {
                Ok(n) => {
                    field_error(key, None);
                    if *which == "mutual_below" {
                        w.mutual_below = n
                    } else {
                        w.mutual_at_least = n
                    }
                }
                Err(()) => {
                    field_error(key, Some(&tr("whole_number")));
                    return false;
                }
            },
            ["keywords"] => w.keywords = comma_list(v),
            ["in"] => w.field = view::field_from(v),
            ["names"] => w.name = comma_list(v),
            ["company"] => w.company = comma_list(v),
            ["language"] => {
                let code = v.trim().to_ascii_lowercase();
                if code.is_empty() {
                    w.language = None;
                } else if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
                    w.language = Some(code);
                } else {
                    field_error(key, Some(&tr("language_code_bad")));
                    return false;
                }
                field_error(key, None);
            }
            ["action"] => rule.then.action = parse_enum(Action::NAMES, &Action::ALL, v),
            ["then_category"] => rule.then.category = parse_enum(Category::NAMES, &Category::ALL, v),
            ["template"] => rule.then.template = Some(v.to_owned()).filter(|t| !t.is_empty()),
            ["variant"] => rule.then.variant = (!v.is_empty()).then(|| variant_of(v)),
            _ => return false,
        }
        true
    }

    /// Stores the edited wording of the shown template; the built-in wording (or nothing)
    /// means no override, so built-in improvements keep reaching the user.
    fn set_template(&mut self, variant: Variant, text: String) {
        let (id, lang) = (self.tpl_id.clone(), self.tpl_lang.clone());
        let builtin = default_source(&format!("{id}.{lang}.{}", variant.name()));
        let keep = !text.trim().is_empty() && Some(text.as_str()) != builtin;
        let by_lang = self.settings.templates.or_default(id.clone());
        let sources = by_lang.or_default(lang.clone());
        let slot = match variant {
            Variant::Short => &mut sources.short,
            Variant::Long => &mut sources.long,
        };
        *slot = keep.then_some(text.clone());
        if sources.short.is_none() && sources.long.is_none() {
            by_lang.remove(&lang);
        }
        if by_lang.is_empty() && default_template_known(&id) {
            self.settings.templates.remove(&id);
        }
        let key = cat("tpl.", variant.name());
        let err = view::template_error(&text);
        field_error(&key, err.as_ref().map(|e| e.0.as_str()));
        let id_ = ctrl_id(&key);
        set_text(&cat("caret-", &id_), err.as_ref().map(|e| e.1.as_str()).unwrap_or(""));
        dom::replace(&cat("bd-", &id_), view::backdrop(&text, err.as_ref().map(|e| e.2)));
        set_text(&cat("status-", &id_), &view::template_status(&self.settings, &id, &lang, variant));
        dom::set_disabled(&cat("reset-", &id_), !keep);
    }

    /// Inserts `{name}` at the caret (over the selection) of the template editor last used, as
    /// if typed: the template, its error mark and the preview follow.
    fn insert_placeholder(&mut self, name: &str) {
        let vn = self.tpl_focus.name();
        let Some(el) = by_id(&cat("tpl-", vn)) else { return };
        let text = dom::value(&el);
        let pos = |p: &str| dom::prop(&el, p).as_f64().map_or(text.encode_utf16().count(), |x| x as usize);
        let (start, end) = (pos("selectionStart"), pos("selectionEnd"));
        // Selection offsets count UTF-16 units: split there, not at byte offsets.
        let units: Vec<u16> = text.encode_utf16().collect();
        let (start, end) = (start.min(units.len()), end.min(units.len()).max(start.min(units.len())));
        let insert = ["{", name, "}"].concat();
        let value = [String::from_utf16_lossy(&units[..start]), insert.clone(), String::from_utf16_lossy(&units[end..])].concat();
        dom::set_value(&el, &value);
        let caret = JsValue::from_f64((start + insert.encode_utf16().count()) as f64);
        if let Ok(f) = dom::prop(&el, "setSelectionRange").dyn_into::<js_sys::Function>() {
            let _ = f.call2(&el, &caret, &caret);
        }
        dom::call(&el, "focus");
        self.on_input(&cat("tpl.", vn), &el);
    }

    /// Buttons that edit: rules and templates.
    fn on_edit_action(&mut self, name: &str, arg: &str, index: Option<usize>) {
        let n = self.settings.rules.len();
        let focus_after = match (name, index) {
            ("rule-add", _) => {
                // Nothing ticked and nothing decided: it changes no decision until it is filled in.
                self.settings.rules.push(Rule { name: tr("rule_new_name"), enabled: true, when: When::default(), then: Then::default() });
                self.open_rule = Some(n);
                cat_n("r-", n, "-name")
            }
            ("rule-up", Some(i)) if i > 0 && i < n => {
                self.settings.rules.swap(i, i - 1);
                self.open_rule = Some(i - 1);
                cat_n("r-", i - 1, if i - 1 == 0 { "-down" } else { "-up" })
            }
            ("rule-down", Some(i)) if i + 1 < n => {
                self.settings.rules.swap(i, i + 1);
                self.open_rule = Some(i + 1);
                cat_n("r-", i + 1, if i + 2 == n { "-up" } else { "-down" })
            }
            ("rule-remove", Some(i)) if i < n => {
                self.settings.rules.remove(i);
                // The rule that takes its place is shown open: focus goes to its Remove button.
                self.open_rule = (n > 1).then(|| i.min(n - 2));
                if n == 1 {
                    "rule-add".into()
                } else {
                    cat_n("r-", i.min(n - 2), "-remove")
                }
            }
            ("ph", _) => {
                self.insert_placeholder(arg);
                return;
            }
            ("tpl-reset", _) => {
                let variant = variant_of(arg);
                self.set_template(variant, String::new());
                dom::replace("templates", view::templates(self));
                self.edited();
                if !self.rechecks {
                    self.say_tr("tpl_reset_done");
                }
                self.update_preview();
                focus(&cat("tpl-", arg));
                return;
            }
            ("tpl-new", _) => {
                let id = by_id("tpl-newid").map(|e| dom::value(&e)).unwrap_or_default().trim().to_owned();
                if id.is_empty() || id.len() > 64 || id.contains(|c: char| c.is_whitespace() || c == '.') || id.starts_with('$') {
                    field_error("tpl.newid", Some(&tr("tpl_new_bad")));
                    return;
                }
                self.tpl_id = id.clone();
                let lang = self.tpl_lang.clone();
                self.settings.templates.or_default(id).or_default(lang);
                dom::replace("templates", view::templates(self));
                // Rules may name the new template.
                dom::replace("rules", view::rules(self));
                focus("tpl-short");
                return;
            }
            ("tpl-newlang", _) => {
                let code = by_id("tpl-newlang").map(|e| dom::value(&e)).unwrap_or_default().trim().to_ascii_lowercase();
                if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                    field_error("tpl.newlang", Some(&tr("language_code_bad")));
                    return;
                }
                // The language stays listed once one of its templates has wording.
                self.tpl_lang = code;
                dom::replace("templates", view::templates(self));
                focus("tpl-short");
                return;
            }
            _ => return,
        };
        dom::replace("rules", view::rules(self));
        dom::set_disabled("rule-add", self.settings.rules.len() >= notyet_core::RULES_LIMIT);
        self.edited();
        self.update_preview();
        focus(&focus_after);
    }

    /// After the template being edited changes, show a sample it drafts for, if the preview
    /// shows a built-in one of another category: editing should show its effect at once.
    fn follow_template(&mut self) {
        let Pick::Builtin(current) = self.sample else { return };
        let wants = |s: &Sample| s.category.name() == self.tpl_id;
        if self.samples.get(current).is_some_and(|s| wants(s) && s.id.ends_with(&self.tpl_lang)) {
            return;
        }
        let best = self.samples.iter().position(|s| wants(s) && s.id.ends_with(&self.tpl_lang)).or_else(|| self.samples.iter().position(wants));
        if let Some(i) = best {
            if self.samples.get(current).is_some_and(|s| !wants(s)) || best != Some(current) {
                self.sample = Pick::Builtin(i);
                if let Some(sel) = by_id("sample") {
                    dom::set_value(&sel, &cat_n("b.", i, ""));
                }
            }
        }
    }

    /// Decides the sample with the settings as edited and shows category, reasons and draft.
    pub fn update_preview(&mut self) {
        // The fields apart: the invitation is borrowed while the settings are adjusted.
        let App { sample, samples, last_read, pasted, settings, preview_variant, .. } = self;
        let (inv, known) = match preview_invitation(sample, samples, last_read, pasted) {
            Ok(x) => x,
            Err(e) => {
                dom::replace("preview-invitation", Vec::new());
                set_text("preview-summary", &e);
                set_text("preview-count", "");
                dom::replace("preview-reasons", Vec::new());
                set_text("preview-draft", "");
                return;
            }
        };
        // The sample's settings (`Sample::settings_for`: the known sample's inviter among the
        // known people) and the preview's length, made in place and undone after: a copy of the
        // settings per keystroke would link their whole `Clone`, the templates' trees included.
        dom::replace("preview-invitation", vec![view::invitation_card(&inv)]);
        let people = &mut settings.known.people;
        let before = people.len();
        people.extend(known.then(|| inv.name.clone()));
        let variant = settings.variant;
        settings.variant = preview_variant.unwrap_or(variant);
        // An address or a link that is not one is left out (by the core's values), as from replies.
        let s = decide(&inv, settings);
        settings.variant = variant;
        settings.known.people.truncate(before);
        let mut summary = tr_with("preview_summary", &[&tr_named("cat_", s.category.name()), &tr_named("act_", s.action.name())]);
        if let Some(t) = &s.template {
            summary.push_str(" · ");
            // Its name, language and length, not the id rules use ("personalized.en.long").
            summary.push_str(&template_words(t));
        }
        set_text("preview-summary", &summary);
        dom::replace("preview-reasons", s.reasons.iter().map(|r| E::new("li").t(&r.say(ui()))).collect());
        match &s.text {
            Some(text) => {
                let n = text.chars().count();
                set_text("preview-draft", text);
                set_text("preview-count", &tr_with("char_count", &[&n.to_string(), &s.limit.to_string()]));
                if let Some(c) = by_id("preview-count") {
                    let _ = c.set_attribute("class", if n > s.limit as usize { "count over" } else { "count" });
                }
            }
            None => {
                set_text("preview-draft", &tr_named("no_text_", s.action.name()));
                set_text("preview-count", "");
            }
        }
    }

    fn set_last_read(&mut self, list: Vec<Invitation>) {
        self.last_read = list;
        if matches!(self.sample, Pick::LastRead(i) if i >= self.last_read.len()) {
            self.sample = Pick::Builtin(0);
        }
        if let Some(sel) = by_id("sample") {
            sel.set_text_content(None);
            let current = view::pick_value(&self.sample);
            for (v, l) in view::sample_options(self) {
                let _ = sel.append_child(&dom::option(&v, &l, v == current).0);
            }
        }
        self.update_preview();
    }

    /// Settings stored by someone else (another options tab, an import elsewhere): taken over
    /// when nothing here is unsaved, otherwise said, so neither side loses silently.
    fn stored_elsewhere(&mut self, v: Value) {
        // This page's own save, heard after it (Firefox): the rules kept past the limit make
        // its first 100 differ from the page's when fewer are edited here, which read as another
        // window's change and took it over.
        if chrome::text(&v) == chrome::text(&self.stored) {
            return;
        }
        let migrated = storage::migrate(v.clone());
        let (fresh, _) = Settings::from_json(&chrome::text(&migrated.value));
        self.stored = v;
        // Compared as their JSON: the same test, without linking `PartialEq` for every settings type.
        if settings_text(&fresh) == settings_text(&self.settings) {
            return;
        }
        if self.dirty {
            self.say_tr("changed_elsewhere_dirty");
        } else {
            self.settings = fresh;
            self.rerender();
            self.say_tr("changed_elsewhere");
        }
    }

    /// Renders the page anew from the state (after import, reset, synced settings).
    fn rerender(&mut self) {
        if !view::languages(&self.settings).contains(&self.tpl_lang) {
            self.tpl_lang = self.settings.language.clone();
        }
        if !view::template_ids(&self.settings).contains(&self.tpl_id) {
            self.tpl_id = "personalized".into();
        }
        if let Some(old) = by_id("app") {
            let _ = old.replace_with_with_node_1(&view::page(self).0);
        }
        self.set_dirty(self.dirty);
        self.update_preview();
    }

    /// The settings as they would be saved: this version's keys, plus unknown ones kept.
    fn document(&self) -> Value {
        storage::keep_unknown(&self.stored, settings_value(&self.settings))
    }

    /// Downloads the settings as edited, as a JSON file (a Blob URL: nothing leaves the machine).
    fn export(&mut self) {
        let text = chrome::pretty(&self.document());
        // The URL is revoked on the next export rather than at once.
        let Some(url) = dom::download_json(&text, "notyet-settings.json") else { return };
        if let Some(old) = self.export_url.replace(url) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        self.say_tr("exported");
    }

    fn use_synced(&mut self) {
        let Some(v) = self.synced.take() else { return };
        // What a save keeps beside the settings (rules past the limit, a newer version's keys)
        // is the synced document's now, not this device's.
        self.stored = v.clone();
        let migrated = storage::migrate(v);
        let (s, _) = Settings::from_json(&chrome::text(&migrated.value));
        self.settings = s;
        self.dirty = true;
        self.rerender();
        self.edited();
        dom::replace("sync-offer", Vec::new());
        self.say_tr("synced_used");
    }
}

fn default_template_known(id: &str) -> bool {
    notyet_core::default_template_ids().contains(&id)
}

/// The settings as a JSON document, through the compact serialiser the module has anyway
/// (`to_value` would link serde_json's value serialiser besides).
fn settings_value(settings: &Settings) -> Value {
    serde_json::from_str(&settings_text(settings)).unwrap_or(Value::Null)
}

/// The settings as compact JSON.
fn settings_text(settings: &Settings) -> String {
    settings.to_compact_json()
}

/// A JSON object of these items (`json!` would serialise each value anew through `to_value`,
/// and link serde_json's value serialiser for it).
pub(crate) fn object<const N: usize>(items: [(&str, Value); N]) -> Value {
    object_of(&mut items.into_iter())
}

/// [`object`]'s map, built once in the module rather than once for each number of items.
#[inline(never)]
fn object_of(items: &mut dyn Iterator<Item = (&str, Value)>) -> Value {
    let mut map = Map::new();
    for (k, v) in items {
        map.insert(k.to_owned(), v);
    }
    Value::Object(map)
}

/// The settings document checked as `notyet check-settings` does, each problem in the user's
/// words at the part of the page it is in; `with_path` adds its JSON path (an import report's
/// details, which are about a file). Its callers refuse (a save, an import) or list what a
/// refusal would: nothing is read, so nothing is said of what reading does ("using \"en\"").
/// More than 100 rules refuse nothing: an import reads them as stored settings are read (the
/// first 100 used, the rest kept as written, said when the page is next opened), so that an export of such
/// settings imports again; a save writes at most 100 of its own.
fn check(doc: &Value, with_path: bool) -> Vec<String> {
    Settings::from_json(&chrome::text(doc))
        .1
        .iter()
        .filter(|p| !p.kind.only_when_read() && !matches!(p.kind, notyet_core::ProblemKind::TooManyRules { .. }))
        .map(|p| worded(p, with_path, false))
        .collect()
}

/// A settings problem as the page says it: where ("Rule 2", "Template Recruiter, German,
/// short"), then what, in the interface language; with `read`, what reading did about it.
fn worded(p: &notyet_core::Problem, with_path: bool, read: bool) -> String {
    // "Rule 2: …", in French "Règle 2 : …".
    let mut out = tr_with("problem_at", &[&place(&p.path), &p.said(ui(), read)]);
    if with_path {
        out.push_str(" · ");
        out.push_str(&p.path);
    }
    out
}

/// The part of the page a JSON path points into, in the page's words.
fn place(path: &str) -> String {
    let rest = path.strip_prefix("$.").unwrap_or(path);
    let (head, tail) = rest.split_once(['.', '[']).unwrap_or((rest, ""));
    match head {
        "me" => tr("me"),
        "known" => tr("known"),
        "rules" => {
            // `$.rules` itself (too many, not a list): the section, not "Rule 0".
            match tail.split(']').next().and_then(|i| i.parse::<usize>().ok()) {
                Some(i) => tr_with("rule_n", &[&(i + 1).to_string()]),
                None => tr("rules"),
            }
        }
        "templates" => template_words(tail),
        "mutual_threshold" | "language" | "variant" | "sign_off" => tr(head),
        _ => tr("general"),
    }
}

/// A template's id in the page's words: `recruiter.en.long` → Template “Recruiter”, English (en),
/// long (the length in lower case, as the notice and the rule summaries write it); a template of
/// the user's own by the id they gave it.
fn template_words(id: &str) -> String {
    let mut parts = id.split('.');
    let id = parts.next().unwrap_or("");
    let label = tr(&cat("tpl_id_", id));
    let label = if label.starts_with("tpl_id_") { id.to_owned() } else { label };
    match (parts.next(), parts.next()) {
        (Some(lang), Some(v)) => tr_with("problem_template", &[&label, &view::language_label(lang), &tr(&cat("sum_", v))]),
        _ => tr_with("problem_template_id", &[&label]),
    }
}

/// Saves the edited settings to `storage.local` (and sync when on), after checking them.
/// Returns whether they were stored: the page says "Saved." only once storage said so, and
/// stays unsaved otherwise.
async fn save() -> bool {
    let Some((api, fresh, doc)) = with_app(|app| (app.api.clone(), settings_value(&app.settings), app.document())) else { return false };
    // Only what this version writes is checked: keys kept from a newer version are its business.
    let problems = check(&fresh, false);
    if !problems.is_empty() {
        with_app(|app| {
            app.tell(Tone::Problem, &tr("save_refused"), &problems);
            app.rechecks = true;
        });
        return false;
    }
    let saved_at = now();
    let result = api.storage().local().write(&object([("settings", doc.clone()), ("settings_saved_at", Value::from(saved_at))])).await;
    match result {
        Ok(()) => {
            with_app(|app| {
                app.stored = doc.clone();
                app.set_dirty(false);
                app.tell(Tone::Done, &tr("saved"), &[]);
            });
            if with_app(|a| a.sync_on).unwrap_or(false) {
                push_sync(&api, &doc, saved_at).await;
            }
            true
        }
        Err(e) => {
            let why = storage_error(&e);
            with_app(|app| {
                app.set_dirty(true);
                app.tell(Tone::Problem, &tr_with("save_failed", &[&why]), &[]);
            });
            false
        }
    }
}

/// A storage failure in the user's words: the browser's own message ("QUOTA_BYTES quota
/// exceeded") is developer talk, so the common case, a full storage, is said in ours.
pub(crate) fn storage_error(e: &str) -> String {
    if e.to_ascii_lowercase().has("quota") {
        tr("storage_full")
    } else {
        e.to_owned()
    }
}

/// The clear message for settings that don't fit sync storage.
fn too_large(e: &TooLarge) -> String {
    // Integer arithmetic, rounded as `{:.1}` rounds (half to even): float formatting would add ~10 KB to the module.
    let kb = |b: usize| {
        let (q, r) = (b * 10 / 1024, b * 10 % 1024);
        decimal(if r > 512 || (r == 512 && q % 2 == 1) { q + 1 } else { q })
    };
    tr_with("sync_too_large", &[&kb(e.needed), &kb(e.limit), &kb(storage::SYNC_ITEM_LIMIT)])
}

/// `bytes` in `unit`s with one decimal, rounded down (integer arithmetic, as in [`too_large`]).
fn tenths(bytes: usize, unit: usize) -> String {
    decimal(bytes * 10 / unit)
}

/// `t` tenths with the interface language's decimal mark: "3.0 MB", "3,0 MB", "3,0 Mo".
fn decimal(t: usize) -> String {
    format!("{}{}{}", t / 10, if ui() == notyet_core::words::Ui::En { '.' } else { ',' }, t % 10)
}

/// Copies the saved settings to `storage.sync` in chunks, removing chunks a larger earlier save left.
async fn push_sync(api: &Api, doc: &Value, saved_at: f64) {
    let Some(sync) = api.storage().sync() else {
        set_text("sync-status", &tr("sync_unavailable"));
        return;
    };
    let items = match storage::sync_items(doc, saved_at) {
        Ok(items) => items,
        Err(e) => {
            let message = too_large(&e);
            set_text("sync-status", &message);
            with_app(|app| app.tell(Tone::Problem, &message, &[]));
            return;
        }
    };
    let count = items.len() - 1;
    let old = match with_app(|a| a.sync_chunks).unwrap_or(0) {
        0 => sync
            .read(&Value::from(storage::SYNC_META_KEY))
            .await
            .ok()
            .and_then(|v| v.get(storage::SYNC_META_KEY).and_then(|m| m.get("chunks")).and_then(Value::as_u64))
            .map_or(0, |n| n as usize),
        n => n,
    };
    // Inserted one by one: `collect` would sort first, linking a stable sort for this type (~3 KB).
    let mut object = serde_json::Map::new();
    for (key, value) in items {
        object.insert(key, value);
    }
    match sync.write(&Value::Object(object)).await {
        Ok(()) => {
            let stale = storage::stale_chunk_keys(old, count);
            if !stale.is_empty() {
                let _ = sync.delete(&stale).await;
            }
            with_app(|a| a.sync_chunks = count);
            set_text("sync-status", &tr_with("sync_done", &[&count.to_string()]));
        }
        Err(e) => set_text("sync-status", &tr_with("sync_failed", &[&e])),
    }
}

async fn toggle_sync(on: bool) {
    let Some(api) = with_app(|a| {
        a.sync_on = on;
        a.api.clone()
    }) else {
        return;
    };
    let _ = api.storage().local().write(&object([("sync_settings", Value::Bool(on))])).await;
    if !on {
        set_text("sync-status", &tr("sync_off"));
        return;
    }
    // What is pushed is what is saved here; unsaved edits go on the next save.
    let stored = api.storage().local().read(&Value::Array(vec!["settings".into(), "settings_saved_at".into()])).await.unwrap_or(Value::Null);
    let doc = storage::migrate(stored.get("settings").cloned().unwrap_or(Value::Null)).value;
    let at = stored.get("settings_saved_at").and_then(Value::as_f64).unwrap_or_else(now);
    if !check_synced().await {
        push_sync(&api, &doc, at).await;
    }
}

/// Offers settings synced from another device when they are newer than this one's; returns
/// whether it did.
async fn check_synced() -> bool {
    let Some(api) = with_app(|a| a.api.clone()) else { return false };
    let Some(sync) = api.storage().sync() else { return false };
    let Ok(all) = sync.read(&Value::Null).await else { return false };
    let local_at = api
        .storage()
        .local()
        .read(&Value::from("settings_saved_at"))
        .await
        .ok()
        .and_then(|v| v.get("settings_saved_at").and_then(Value::as_f64))
        .unwrap_or(0.0);
    match storage::join_sync(&all) {
        Ok(Some(synced)) => {
            with_app(|a| a.sync_chunks = synced.chunks);
            // Compared as compact JSON (object keys come sorted): no `Value` equality in the module.
            let text = |v: &Value| chrome::text(&storage::migrate(v.clone()).value);
            let same = with_app(|a| text(&a.stored) == text(&synced.settings)).unwrap_or(true);
            if same || synced.saved_at <= local_at {
                return false;
            }
            with_app(|a| a.synced = Some(synced.settings));
            dom::replace("sync-offer", vec![E::new("p").tr("synced_newer"), E::new("button").a("type", "button").a("data-act", "use-synced").tr("synced_use")]);
            true
        }
        Ok(None) => false,
        // Said the same whatever the kind: the user can only wait for the other browser, or save here.
        Err(_) => {
            set_text("sync-status", &tr("sync_unreadable"));
            false
        }
    }
}

/// The largest settings file an import reads: a real one is a few KB (sync holds at most
/// 100 KB), and parsing a file of tens of MB froze the page for over a minute (69 MB: 75 s).
pub const IMPORT_LIMIT: f64 = 1024.0 * 1024.0;

#[wasm_bindgen]
extern "C" {
    /// The browser's `TextDecoder`, for a UTF-16 settings file (see [`import`]).
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new(label: &str) -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &JsValue) -> String;
}

/// Imports a settings file: checked first, and applied and saved only when it has no problem.
async fn import(input: Element) {
    let Some(file) = input.dyn_ref::<web_sys::HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
    dom::set_value(&input, ""); // the same file may be chosen again
    let name = file.name();
    if file.size() > IMPORT_LIMIT {
        // Refused before reading: its size is known without touching its bytes.
        let mb = |b: f64| tenths(b as usize, 1024 * 1024);
        with_app(|a| a.tell(Tone::Problem, &tr_with("import_too_large", &[&name, &mb(file.size()), &mb(IMPORT_LIMIT)]), &[]));
        return;
    }
    let read = |p| async {
        wasm_bindgen_futures::JsFuture::from(p)
            .await
            .map_err(|e| with_app(|a| a.tell(Tone::Problem, &tr_with("import_failed", &[&chrome::error_text(&e)]), &[])))
    };
    let Ok(text) = read(file.text()).await else { return };
    let mut text = text.as_string().unwrap_or_default();
    // A UTF-16 file (Windows' "Unicode", PowerShell 5's `>`): Chromium's File.text() follows its
    // byte-order mark, Firefox's reads UTF-8 only, as the standard says: the mark's two bytes
    // come as two U+FFFD, then `{` and NUL (little-endian) or NUL and `{`. Read again in
    // UTF-16 there (a TextDecoder drops the mark): +200 B of the Chrome zip, where decoding
    // the bytes in the module measured +1,012 B (1 Dec 2026).
    if let Some(rest) = text.strip_prefix("\u{fffd}\u{fffd}") {
        let label = if rest.starts_with('\0') { "utf-16be" } else { "utf-16le" };
        let Ok(bytes) = read(file.array_buffer()).await else { return };
        text = TextDecoder::new(label).decode(&bytes);
    }
    // A key written twice is refused here too (the last one was taken, the first dropped).
    let parsed = notyet_core::settings_value(&text);
    let problems = match &parsed {
        // A JSON object with no setting in it (the panel's exported progress, a page report,
        // another program's file, `{}`) is no settings file, rather than a list of unknown keys.
        Ok(Value::Object(m)) if m.keys().any(|k| notyet_core::SETTINGS_KEYS[1..].contains(&k.as_str())) => {
            check(&storage::migrate(Value::Object(m.clone())).value, true)
        }
        Err(p) if !text.trim().is_empty() => {
            let what = match &p.kind {
                notyet_core::ProblemKind::NotJson { error } => error.say(ui()),
                kind => kind.say(ui()),
            };
            let at = |n: Option<usize>| n.unwrap_or(1).to_string();
            vec![tr_with("import_bad_json", &[&at(p.line), &at(p.column), &what])]
        }
        // An empty file holds no settings (it was "at line 1, column 0, the text ends too early").
        _ => vec![tr("import_not_object")],
    };
    if !problems.is_empty() {
        // The report's details may name JSON paths: they say where in the file to look.
        with_app(|a| a.tell(Tone::Problem, &tr_with("import_refused", &[&name]), &problems));
        return;
    }
    let Ok(doc) = parsed else { return };
    let dirty = with_app(|a| a.dirty).unwrap_or(false);
    if dirty && !web_sys::window().and_then(|w| w.confirm_with_message(&tr("import_discard")).ok()).unwrap_or(false) {
        return;
    }
    let migrated = storage::migrate(doc.clone());
    with_app(|a| {
        a.settings = Settings::from_json(&chrome::text(&migrated.value)).0;
        a.stored = doc;
        a.dirty = true;
        a.rerender();
    });
    if save().await {
        with_app(|a| a.tell(Tone::Done, &tr_with("imported", &[&name]), &[]));
    } else {
        // Shown but not stored: the page stays unsaved (and warns before closing), and says why.
        let why = with_app(|a| a.status.as_ref().map(|(_, t)| t.clone()).unwrap_or_default()).unwrap_or_default();
        with_app(|a| a.tell(Tone::Problem, &tr_with("import_not_saved", &[&name, &why]), &[]));
    }
}

/// Resets every setting to its default and saves (after the dialog's confirmation).
async fn reset() {
    with_app(|a| {
        a.settings = Settings::default();
        a.stored = Value::Null;
        a.rerender();
    });
    if save().await {
        with_app(|a| a.tell(Tone::Done, &tr("reset_done"), &[]));
    }
}
