//! The side panel: every invitation on the invitation manager in the active tab, decided by the
//! core, in a list to walk through with the keyboard or the mouse.
//!
//! `panel.js` loads this module and calls [`panel`] with the extension API and a small host
//! object (the active tab, running the page agent in it, asking the service worker to draft,
//! tab and focus events). Everything else is here: reading, deciding, filtering, rendering.
//!
//! What the panel does on LinkedIn, and what it never does: it reads the page (the agent's
//! snapshot), scrolls a card into view and draws a frame over it or over LinkedIn's own Accept
//! and Ignore buttons (in a closed shadow root of its own), scrolls the page's list so that
//! LinkedIn loads more rows, and, only when the user presses Draft reply, clicks that one
//! invitation's Reply button and drafts into the box by the toolbar click's path. It never
//! presses Accept, Ignore, Report or Send: LinkedIn's rules forbid automating invitations.
//!
//! The list renders only the rows in view (fixed row height, a spacer for the rest), so 1,000
//! rows scroll as smoothly as 10.

pub mod record;
mod view;

use notyet_core::Find;
use std::cell::RefCell;

use js_sys::{Promise, JSON};
use notyet_core::panel::{counts, key_of, merge, triage_first, where_is, Filter, Progress, Record, Row, Where, RECORD_KEY, ROW_LIMIT, WARM_PAGE};
use notyet_core::read::read_page;
use notyet_core::snapshot::{fold_whitespace, Snapshot, REQUEST};
use notyet_core::{Action, Category, Settings};

use crate::object;
use crate::spawn;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Event};

use crate::chrome::{self, Api};
use crate::dom::{self, by_id, document, set_text};
use crate::tr;

#[wasm_bindgen]
extern "C" {
    /// `panel.js`'s host object: the browser-API glue the panel needs, nothing more.
    #[derive(Clone)]
    pub type Host;
    /// The tab the panel follows: `{id, url}` or `null`.
    #[wasm_bindgen(method)]
    fn active(this: &Host) -> Promise;
    /// Runs one agent command in the tab's top frame; rejects when the tab is gone or not readable.
    #[wasm_bindgen(method)]
    fn run(this: &Host, tab: f64, command: &JsValue) -> Promise;
    /// Asks the service worker to draft in the tab, exactly as a toolbar click: resolves to the click's record.
    #[wasm_bindgen(method)]
    fn draft(this: &Host, tab: f64) -> Promise;
    /// Asks the service worker to merge this panel's progress record (JSON) into the stored one:
    /// resolves to null, or `{error}`.
    #[wasm_bindgen(method)]
    fn record(this: &Host, json: &str) -> Promise;
    /// Calls `f` when the followed tab may have changed or the panel gained focus.
    #[wasm_bindgen(method)]
    fn watch(this: &Host, f: &js_sys::Function);
    /// Resolves once the frame showing what was just drawn is painted.
    #[wasm_bindgen(method, js_name = afterPaint)]
    fn after_paint(this: &Host) -> Promise;
}

/// A message line's kind (its colour and whether screen readers are interrupted).
#[derive(Clone, Copy, PartialEq)]
pub enum Tone {
    Info,
    Success,
    Warning,
    Error,
}

/// The panel's state.
pub struct Panel {
    host: Host,
    /// The followed tab: id and address at the last reading.
    tab: Option<(f64, String)>,
    place: Where,
    pub rows: Vec<Row>,
    /// The last reading's rows not decided yet (the first list decides only those in view):
    /// decided a frame after it is drawn, or at once by anything that would show one of them,
    /// count them or filter by them ([`Panel::finish`]).
    progress: Option<Progress>,
    pub announced: Option<u32>,
    /// Rows beyond [`ROW_LIMIT`] left out of the last reading.
    pub cut: usize,
    /// Indexes into `rows` of the rows the filter lets through, in order.
    pub view: Vec<usize>,
    /// Rows on the page the filter would list but Hide handled hides: said beside "4 listed".
    pub hidden: usize,
    /// The selected entry of `view`.
    pub sel: Option<usize>,
    pub filter: Filter,
    pub record: Record,
    settings: Settings,
    /// An action is running (Draft reply, Read more): others wait.
    busy: bool,
    cancel: bool,
    /// A reading is under way; `again` asks for one more after it.
    reading: bool,
    again: bool,
    /// The interface language, for dates.
    pub ui: String,
    /// The first row index the list window shows, to re-render only on change.
    pub first: usize,
    /// The last action's outcome is on the message line and stays there when the page it was
    /// on goes (the tab navigated or closed mid-action): "where it works" doesn't replace it.
    /// Cleared by the next action and by a switch to another tab.
    keep_message: bool,
    /// The message line says where the panel works (the tab was elsewhere): the tab's next
    /// reading of the invitations clears it. A tab opened blank and then pointed at the
    /// invitations kept it under its list of 40 ("works on … the invitation manager").
    said_where: bool,
    /// The key of the invitation the message line speaks of ("X's invitation is framed"):
    /// the line is cleared when the selection moves to another, so it never sits beside the
    /// wrong person's details.
    about: Option<String>,
    /// The first screen shown is the one the service worker drew ([`first_screen`]), inert, not
    /// yet drawn again by this panel: events wait for that (a resize drew an empty list over it).
    early: bool,
}

thread_local! {
    static PANEL: RefCell<Option<Panel>> = const { RefCell::new(None) };
}

/// Runs `f` on the panel; `None` before it is set up or while it is borrowed.
fn with<R>(f: impl FnOnce(&mut Panel) -> R) -> Option<R> {
    PANEL.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.as_mut().map(f)))
}

/// Builds the panel, reads the active tab, and follows it. Resolves once the first list is shown.
/// `stored` is `storage.local.get(["settings", "panel_record"])`, started by `panel.js`.
#[wasm_bindgen]
pub async fn panel(api: Api, host: Host, stored: Promise) -> Result<(), JsValue> {
    mark("start");
    crate::set_i18n(api.i18n());
    let ui = api.i18n().ui_language();
    // `panel.js` started this read (settings and the record) while the module loaded.
    let stored = call(stored).await.unwrap_or(Value::Null);
    mark("storage");
    let settings = stored.get("settings").filter(|v| !v.is_null()).map(chrome::text);
    let record = stored.get(RECORD_KEY).map(chrome::text);
    let Some(doc) = document() else {
        return Err(JsValue::from_str("no document"));
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", crate::ui().code());
    }
    doc.set_title(&tr("panel_title"));
    let mut panel = Panel::new(host.clone(), settings.as_deref(), record.as_deref(), ui);
    // The worker's first screen, if `panel-early.js` put it in: kept, and drawn again by the
    // first reading in the same task as it is read (no flash); otherwise the empty shell.
    let early = by_id("panel").is_some();
    if let (false, Some(body)) = (early, doc.body()) {
        body.set_text_content(None);
        dom::append_to_body(view::shell(panel.filter.hide_handled));
    }
    panel.early = early;
    PANEL.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = Some(panel);
        }
    });
    bind(&doc, &host, &api);
    refresh().await;
    // Ready (for the tests and the bench) once the first list's rest is decided and counted too.
    if with(|p| p.progress.is_some()).unwrap_or(false) {
        after_paint().await;
        with(Panel::finish);
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-ready", "true");
    }
    Ok(())
}

/// The page's listeners (delegated, one closure), the host's tab and focus events, and storage
/// changes (settings saved in the options page, the record cleared there).
fn bind(doc: &web_sys::Document, host: &Host, api: &Api) {
    let handler = Closure::wrap(Box::new(on_event) as Box<dyn FnMut(Event)>);
    let f: &js_sys::Function = handler.as_ref().unchecked_ref();
    for name in ["input", "change", "click", "keydown", "dblclick"] {
        let _ = doc.add_event_listener_with_callback(name, f);
    }
    // Scroll events don't bubble: caught on the way down.
    let _ = doc.add_event_listener_with_callback_and_bool("scroll", f, true);
    // A panel made taller shows more rows: those are drawn (and decided, if still pending).
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("resize", f);
    }
    handler.forget();
    let changed = Closure::wrap(Box::new(|| spawn(reread())) as Box<dyn FnMut()>);
    host.watch(changed.as_ref().unchecked_ref());
    changed.forget();
    let stored = Closure::wrap(Box::new(|changes: JsValue, area: String| {
        if area != "local" {
            return;
        }
        if let Some(v) = chrome::change_value(&changes, "settings") {
            let settings = if v.is_null() { Settings::default() } else { Settings::from_json(&chrome::text(&v)).0 };
            with(|p| p.settings = settings);
            spawn(reread());
        }
        if let Some(v) = chrome::change_value(&changes, RECORD_KEY) {
            with(|p| {
                // This panel's Hide handled stays as its box shows it, and is what its next save keeps
                // (the options page's Clear had the box on and the next open off).
                p.record = Record { hide: p.filter.hide_handled, ..Record::from_json(&chrome::text(&v)) };
                p.apply_filter();
            });
        }
    }) as Box<dyn FnMut(JsValue, String)>);
    api.storage().on_changed().add_listener(stored.as_ref().unchecked_ref());
    stored.forget();
}

fn on_event(e: Event) {
    if with(|p| p.early).unwrap_or(false) {
        return;
    }
    let kind = dom::prop(&e, "type").as_string().unwrap_or_default();
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    // A key, a click or a filter in the few milliseconds before the rest of the list is decided
    // acts on decided rows: they are decided first (a scroll decides them only when it reaches them).
    if !matches!(kind.as_str(), "scroll" | "resize") {
        with(Panel::finish);
    }
    match kind.as_str() {
        "scroll" if target.as_ref().is_some_and(|t| t.id() == "list") => {
            with(|p| p.render_window(false));
        }
        "resize" => {
            with(|p| {
                view::list_height(p.view.len());
                p.render_window(true);
            });
        }
        "input" | "change" => {
            let Some(el) = target else { return };
            let Some(key) = el.get_attribute("data-k") else {
                return;
            };
            with(|p| {
                match key.as_str() {
                    "text" => p.filter.text = dom::value(&el),
                    "category" => p.filter.category = crate::parse_enum(Category::NAMES, &Category::ALL, &dom::value(&el)),
                    "hide" => {
                        // Remembered with the record, for the next open (and its first screen).
                        p.filter.hide_handled = dom::checked(&el);
                        p.record.hide = p.filter.hide_handled;
                        spawn(save_record());
                        // A selection it hides gives its place to the next one still listed, as a
                        // draft with the box ticked does (it went back to the first of 300).
                        let row = p.sel.and_then(|s| p.view.get(s)).copied();
                        let keep = p.selected().map(|r| r.key.clone());
                        p.filter_keeping(keep, None, row);
                        view::scroll_to(p.sel.unwrap_or(0));
                        return;
                    }
                    _ => return,
                }
                p.apply_filter();
            });
        }
        "click" | "dblclick" => {
            let Some(el) = target else { return };
            if let Some(row) = el.closest("[data-row]").ok().flatten() {
                let at = row.get_attribute("data-row").and_then(|r| r.parse::<usize>().ok());
                with(|p| p.select(at, false));
                if kind == "dblclick" {
                    act("show");
                }
                return;
            }
            let Some(button) = el.closest("[data-act]").ok().flatten() else {
                return;
            };
            if button.has_attribute("disabled") {
                return;
            }
            if let Some(a) = button.get_attribute("data-act") {
                act(&a);
            }
        }
        "keydown" => {
            let key = dom::prop(&e, "key").as_string().unwrap_or_default();
            let tag = target.as_ref().map(Element::tag_name).unwrap_or_default();
            let typing = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
            let modified = ["ctrlKey", "metaKey", "altKey"].iter().any(|m| dom::prop(&e, m).is_truthy());
            // ↑/↓ in the search field move through the list, and Enter shows the one selected (a
            // name typed and Enter did nothing); in the category menu they are the menu's own
            // (they moved the list, and the category could not be chosen by key).
            let search = key == "Enter" && target.as_ref().is_some_and(|t| t.id() == "text");
            if modified || (typing && !search && (tag == "SELECT" || !matches!(key.as_str(), "ArrowDown" | "ArrowUp"))) {
                return;
            }
            let step: Option<isize> = match key.as_str() {
                "ArrowDown" | "j" => Some(1),
                "ArrowUp" | "k" => Some(-1),
                "PageDown" => Some(8),
                "PageUp" => Some(-8),
                "Home" if !typing => Some(isize::MIN / 2),
                "End" if !typing => Some(isize::MAX / 2),
                _ => None,
            };
            if let Some(step) = step {
                e.prevent_default();
                with(|p| p.step(step));
            } else if search || key == "Enter" && matches!(tag.as_str(), "DIV" | "BODY") {
                // The list (or nothing focused): Show. A button's or a link's Enter is its own (the
                // link to the invitations, on another page, did nothing).
                e.prevent_default();
                act("show");
            }
        }
        _ => {}
    }
}

/// A button's action: `show`, `draft`, `accept`, `ignore`, `refresh`, `more`, `cancel`, `filter.reply`.
fn act(name: &str) {
    with(Panel::finish);
    let (name, arg) = name.split_once('.').unwrap_or((name, ""));
    match name {
        "refresh" => {
            // A reading asked for supersedes the last one's outcome ("Stopped. Read 70 of 300."
            // stayed beside "Read 69 of 300 · 1 gone"); one about the selected person stays.
            with(|p| {
                if p.about.is_none() && !p.keep_message {
                    p.say(Tone::Info, "");
                }
            });
            spawn(reread())
        }
        "more" => spawn(read_more()),
        "cancel" => {
            with(|p| p.cancel = true);
        }
        "filter" => {
            with(|p| {
                let a = crate::parse_enum(Action::NAMES, &Action::ALL, arg);
                p.filter.action = if p.filter.action == a { None } else { a };
                p.apply_filter();
            });
        }
        "show" | "accept" | "ignore" => spawn(point(name.to_owned())),
        "draft" => spawn(draft()),
        _ => {}
    }
}

impl Panel {
    /// A panel with nothing read yet; `settings` and `record` as stored (JSON), `None` if not.
    fn new(host: Host, settings: Option<&str>, record: Option<&str>, ui: String) -> Panel {
        let record = record.map(Record::from_json).unwrap_or_default();
        Panel {
            filter: Filter { hide_handled: record.hide, ..Filter::default() },
            record,
            host,
            tab: None,
            place: Where::Elsewhere,
            rows: Vec::new(),
            progress: None,
            announced: None,
            cut: 0,
            view: Vec::new(),
            hidden: 0,
            sel: None,
            settings: settings.map(|s| Settings::from_json(s).0).unwrap_or_default(),
            busy: false,
            cancel: false,
            reading: false,
            again: false,
            ui,
            first: usize::MAX,
            keep_message: false,
            said_where: false,
            about: None,
            early: false,
        }
    }

    /// Recomputes which rows are listed and re-renders the counts, the list and the details.
    pub fn apply_filter(&mut self) {
        let selected = self.selected().map(|r| r.key.clone());
        self.filter_keeping(selected, None, None);
    }

    /// [`Panel::apply_filter`], selecting the invitation `selected` (by key), else the entry at
    /// `at`, else the first listed after the row `after`, else the first.
    fn filter_keeping(&mut self, selected: Option<String>, at: Option<usize>, after: Option<usize>) {
        // A filter needs every decision: no first list before them. Not Hide handled, which asks
        // only the keys and the record (remembered, it would have decided all 300 before every open's
        // first list); a row in view it leaves undecided is decided as the window draws it.
        if self.filter != (Filter { hide_handled: self.filter.hide_handled, ..Filter::default() }) {
            self.finish();
        }
        // Only hiding asks what was handled; then the record is looked through once, not per row.
        let handled = if self.filter.hide_handled { self.record.handled_keys() } else { Default::default() };
        self.hidden = 0;
        self.view = (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                let done = handled.contains(r.key.as_str());
                self.hidden += usize::from(done && !r.gone && self.filter.matches(r, false));
                self.filter.matches(r, r.gone || done)
            })
            .collect();
        let len = self.view.len();
        let at = at.or_else(|| after.map(|r| self.view.iter().take_while(|&&i| i < r).count()));
        self.sel = selected.and_then(|k| self.view.iter().position(|&i| self.rows[i].key == k)).or_else(|| (len > 0).then(|| at.unwrap_or(0).min(len - 1)));
        self.forget_moved_message();
        self.show_counts();
        view::status(self);
        self.first = usize::MAX;
        view::list_height(self.view.len());
        self.render_window(true);
        self.show_detail();
        // Every part is this panel's own now: the worker's first screen is taken over.
        if std::mem::take(&mut self.early) {
            dom::set_attribute("panel", "inert", None);
        }
    }

    /// "12 accept · 40 reply · …", or that they are being counted while rows are pending.
    fn show_counts(&self) {
        // Without what is hidden: "37 Reply", pressed, listed 36 with Hide handled on.
        let handled = if self.filter.hide_handled { self.record.handled_keys() } else { Default::default() };
        let tally = self.progress.is_none().then(|| counts(self.rows.iter().filter(|r| !handled.contains(r.key.as_str()))));
        view::counts(tally.as_ref(), self.filter.action);
    }

    /// Decides the rows the first list left pending, at once, and shows the counts. What needs
    /// every row (the counts, a filter) or shows one (the rows in view, the details) calls it
    /// first, and every key, click and filter does: nothing ever sees an undecided row.
    pub fn finish(&mut self) {
        let Some(progress) = self.progress.take() else { return };
        progress.finish(&mut self.rows, &self.settings);
        self.show_counts();
        // The first reading's: every row decided and counted (`./build.sh bench`, "all decided").
        mark("decided");
    }

    /// Renders the rows in view (and a few beyond) when the first one changed, or `force`.
    pub fn render_window(&mut self, force: bool) {
        let first = view::first_visible();
        if !force && first == self.first {
            return;
        }
        // Scrolled past the rows decided so far: the rest are decided first. By `get`, as the
        // window draws: a reading of another tab or page clears the rows before its snapshot is
        // in and leaves the list's entries until then; a scroll in that wait, with the last
        // reading's rest still pending, indexed past the rows and stopped the module (a panic).
        if self.progress.is_some()
            && self.view.get(view::window_rows(first, self.view.len())).is_some_and(|v| v.iter().any(|&i| self.rows.get(i).is_some_and(|r| r.pending)))
        {
            self.finish();
        }
        self.first = first;
        view::window(self, first);
    }

    /// The selected invitation's details, decided.
    fn show_detail(&mut self) {
        if self.selected().is_some_and(|r| r.pending) {
            self.finish();
        }
        view::detail(self);
    }

    fn select(&mut self, at: Option<usize>, scroll: bool) {
        let Some(at) = at.filter(|&a| a < self.view.len()) else {
            return;
        };
        self.sel = Some(at);
        self.forget_moved_message();
        if scroll {
            view::scroll_to(at);
        }
        self.render_window(true);
        self.show_detail();
    }

    fn step(&mut self, by: isize) {
        if self.view.is_empty() {
            return;
        }
        let now = self.sel.unwrap_or(0) as isize;
        let to = now.saturating_add(by).clamp(0, self.view.len() as isize - 1) as usize;
        self.select(Some(to), true);
    }

    pub fn selected(&self) -> Option<&Row> {
        self.sel.and_then(|s| self.view.get(s)).and_then(|&i| self.rows.get(i))
    }

    /// Says something in the panel's message line.
    pub fn say(&mut self, tone: Tone, text: &str) {
        self.about = None;
        self.said_where = false;
        view::message(tone, text);
    }

    /// Says something about the invitation `key` (cleared once another one is selected).
    fn say_about(&mut self, key: &str, tone: Tone, text: &str) {
        self.said_where = false;
        view::message(tone, text);
        self.about = Some(key.to_owned());
    }

    /// Only a move to another invitation clears it: a list emptied (the tab left the page
    /// mid-action) keeps the outcome, which is what the user needs to read then.
    fn forget_moved_message(&mut self) {
        if self.about.as_ref().is_some_and(|k| self.selected().is_some_and(|r| &r.key != k)) {
            self.say(Tone::Info, "");
        }
    }

    /// The agent's snapshot command, with the same request the service worker sends (crates/wasm's `snapshotRequest`).
    fn snapshot_command() -> JsValue {
        JSON::parse(&["{\"op\":\"snapshot\",", &REQUEST[1..]].concat()).unwrap_or(JsValue::NULL)
    }
}

fn to_js(v: &Value) -> JsValue {
    JSON::parse(&chrome::text(v)).unwrap_or(JsValue::NULL)
}

async fn call(p: Promise) -> Result<Value, String> {
    JsFuture::from(p).await.map(|v| chrome::from_js(&v)).map_err(|e| chrome::error_text(&e))
}

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(p).await;
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// What went wrong running something in the tab, worded for the user. Firefox answers a reading
/// whose document the tab navigated away from with "Actor 'ExtensionContent' destroyed before
/// query … was resolved": the panel said "couldn't finish (Actor …)" where the tab had left the
/// page (panel.test's Draft reply with the tab navigating away, failed so in CI, 2 Dec 2026).
fn tab_error(e: &str) -> String {
    if e.has("No tab") || e.has("closed") || e.has("Invalid tab") {
        tr("panel_tab_closed")
    } else if e.has("Cannot access") || e.has("Missing host permission") || e.has("showing error page") || e.has("Frame") || e.has("destroyed") {
        tr("panel_tab_moved")
    } else {
        crate::tr_with("panel_failed", &[e])
    }
}

/// The followed tab as `(id, url)`.
async fn active_tab(host: &Host) -> Option<(f64, String)> {
    tab_of(JsFuture::from(host.active())).await
}

/// The tab `active` resolves to, as `(id, url)`.
async fn tab_of(active: JsFuture) -> Option<(f64, String)> {
    let v = chrome::from_js(&active.await.ok()?);
    let id = v.get("id")?.as_f64()?;
    Some((id, v.get("url").and_then(Value::as_str).unwrap_or("").to_owned()))
}

/// Takes a snapshot of the tab: the agent's JSON, parsed.
async fn snapshot(host: &Host, tab: f64) -> Result<Snapshot, String> {
    parse(&snapshot_json(host, tab).await?)
}

/// The agent's snapshot of the tab, the JSON text it answers with. Taken as a string: through
/// `call` it was stringified once more and parsed as a JSON string before the real parse (17 ms
/// of a 300-invitation reading, on a loaded machine).
/// The agent is asked at the call, not when the answer is first awaited.
fn snapshot_json(host: &Host, tab: f64) -> impl std::future::Future<Output = Result<String, String>> {
    let asked = JsFuture::from(host.run(tab, &Panel::snapshot_command()));
    async move {
        let v = asked.await.map_err(|e| chrome::error_text(&e))?;
        v.as_string().ok_or_else(|| tr("panel_tab_moved"))
    }
}

/// A snapshot that won't parse is said in the interface language (`json_error_kind` is the
/// CLI's English: a German panel said "NotYet konnte nicht abschließen (the text ends too early)").
fn parse(json: &str) -> Result<Snapshot, String> {
    Snapshot::from_json(json).map_err(|e| crate::tr_with("panel_failed", &[notyet_core::words::JsonError::of(&e).words(crate::ui())]))
}

/// [`refresh`] for an event handler.
async fn reread() {
    refresh().await;
}

/// Reads the followed tab again: its address first (elsewhere, the panel says where it works),
/// then, on the invitation manager, every card. Rows of an earlier reading of the same page
/// that are no longer there are kept and marked gone. Returns whether the list is current.
pub async fn refresh() -> bool {
    let Some(host) = with(|p| {
        if p.reading {
            p.again = true;
            return None;
        }
        p.reading = true;
        Some(p.host.clone())
    })
    .flatten() else {
        return false;
    };
    let ok = loop {
        let ok = read_once(&host).await;
        let again = with(|p| std::mem::take(&mut p.again)).unwrap_or(false);
        if !again {
            break ok;
        }
    };
    with(|p| p.reading = false);
    ok
}

async fn read_once(host: &Host) -> bool {
    let tab = active_tab(host).await;
    mark("tab");
    let place = tab.as_ref().map_or(Where::Elsewhere, |(_, url)| where_is(url));
    let switched = with(|p| {
        let before = p.tab.as_ref().map(|(id, url)| (*id, url.clone()));
        p.place = place;
        let switched = before.as_ref().map(|(id, _)| *id) != tab.as_ref().map(|(id, _)| *id);
        let moved = before.as_ref().map(|(_, u)| page_of(u)) != tab.as_ref().map(|(_, u)| page_of(u));
        if switched {
            p.keep_message = false;
        }
        if switched || moved || place != Where::Invitations {
            p.rows.clear();
            p.announced = None;
            p.cut = 0;
        }
        p.tab = tab.clone();
        switched && before.is_some()
    })
    .unwrap_or(false);
    // No tab at all: the tab a panel opened as a tab follows (`panel.html?tab=ID`) was closed.
    let closed = tab.is_none();
    let Some((id, _)) = tab.filter(|_| place == Where::Invitations) else {
        with(|p| {
            p.apply_filter();
            view::elsewhere(place, closed, !p.keep_message);
            p.said_where |= !p.keep_message;
        });
        return false;
    };
    let started = performance_now();
    let fail = |e: String| {
        with(|p| {
            p.rows.clear();
            p.apply_filter();
            p.say(Tone::Error, &tab_error(&e));
        });
        false
    };
    let asked = snapshot_json(host, id);
    warm_up();
    let json = match asked.await {
        Ok(json) => json,
        Err(e) => return fail(e),
    };
    // Whether the tab moved on while the page was read (a reading of another tab is read again):
    // asked as soon as the snapshot is in, answered while it is parsed and drawn.
    let still = JsFuture::from(host.active());
    let snap = match parse(&json) {
        Ok(snap) => snap,
        Err(e) => return fail(e),
    };
    let read = performance_now();
    mark("read");
    let pending = with(|p| p.show(snap, switched, read - started)).unwrap_or(false);
    if pending {
        spawn(async {
            after_paint().await;
            if !held() {
                with(Panel::finish);
            }
        });
    }
    // Checked once the list is drawn: in the side panel's start the browser answered 5 to 15 ms
    // after the snapshot was in (traces of 1 Dec), and the list waited for it. A reading of a tab
    // left meanwhile is then read again at once, as a switch the tab events report is.
    if tab_of(still).await.map(|(t, _)| t) != Some(id) {
        with(|p| p.again = true);
        return false;
    }
    true
}

impl Panel {
    /// Shows a reading of the invitations (`snap`, taken in `snapshot_ms`): decides the rows that
    /// can be in view (all of them for a list on show already), merges them with the last
    /// reading's and draws the list. Returns whether rows are left to decide.
    fn show(&mut self, snap: Snapshot, switched: bool, snapshot_ms: f64) -> bool {
        let p = self;
        // The last reading's rest first: its rows are merged with this one's.
        p.finish();
        // The rows that can be in view are decided now, the others a frame after the list is drawn.
        // Only a list not shown yet (the first, or another tab's or page's) is drawn before every
        // decision: a list read again (Read more every 250 ms, after each action, on focus) would
        // otherwise flash "Counting…" where its counts were, for a list already on screen.
        let first = if p.rows.is_empty() || held() { view::rows_in_view_at_most() } else { usize::MAX };
        let (fresh, progress) = triage_first(snap, &p.settings, first);
        let deep = fresh.rows.is_empty() && progress.cut_deep();
        mark("first");
        if progress.done() {
            mark("decided");
        } else {
            p.progress = Some(progress);
        }
        let (merged, cut) = merge(&p.rows, fresh, ROW_LIMIT);
        // The selection by key: the new rows come in another order (one above left the page, a
        // new one arrived at the top), and the old index named someone else, silently. One that
        // has just left the page (accepted or ignored there) gives its place to the next still
        // there, as a mail client moves on from a message filed away; it stays, marked, in place.
        let selected = p.selected().map(|r| (r.key.clone(), r.gone));
        let at = p.sel;
        p.rows = merged.rows;
        p.announced = merged.announced;
        p.cut = cut;
        let gone = p.record.note_gone(&p.rows, now_ms());
        let keep = selected.and_then(|(k, was)| {
            let i = p.rows.iter().position(|r| r.key == k)?;
            if was || !p.rows[i].gone {
                return Some(k);
            }
            let live = |r: &&Row| !r.gone;
            p.rows[i..].iter().find(live).or_else(|| p.rows[..i].iter().rev().find(live)).map(|r| r.key.clone())
        });
        p.filter_keeping(keep, at, None);
        view::where_line(p, switched);
        if p.said_where {
            p.say(Tone::Info, "");
        }
        if gone {
            spawn(save_record());
        }
        if p.rows.is_empty() {
            // A page nesting its list past what the agent copies: the toolbar click's own words
            // (a sentence of the panel's own cost ~250 B of zip in three languages), without
            // their last, "Nothing was changed.": the panel asked nothing of the page.
            if deep {
                let words = crate::ui().too_deep();
                // A char search, not a `&str` one: `rfind(". ")` brought back std's Two-Way (its
                // reverse half), 173 B of zip more than this (1 Dec).
                p.say(Tone::Info, words.trim_end_matches('.').rfind('.').map_or(words, |end| &words[..=end]));
            } else {
                p.say(Tone::Info, &tr("panel_none"));
            }
        }
        mark_shown(snapshot_ms, p.rows.len());
        p.progress.is_some()
    }
}

/// The side panel's first screen, drawn by the service worker as HTML from the page's walk it
/// keeps for the panel (`json`), with the panel's own rendering ([`view`], its [`dom::E`]s in
/// their HTML-string form): the panel's page shows it as soon as the walk would have come,
/// rather than once its own module is compiled, instantiated and has read the walk (README,
/// performance). `settings` and `record` are stored JSON (`""`: none), `height` the panel's
/// window height. Exactly the first list the panel draws from that walk, in the same words
/// (the tests compare the two); `""` if the walk can't be read.
#[wasm_bindgen(js_name = panelScreen)]
pub fn first_screen(api: Api, json: &str, settings: &str, record: &str, height: f64) -> String {
    crate::set_i18n(api.i18n());
    let Ok(snap) = Snapshot::from_json(json) else { return String::new() };
    let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    let ui = api.i18n().ui_language();
    let mut p = Panel::new(JsValue::UNDEFINED.unchecked_into(), some(settings).as_deref(), some(record).as_deref(), ui);
    p.place = Where::Invitations;
    view::set_tall(height);
    let html = dom::html(|| {
        dom::append_to_body(view::shell(p.filter.hide_handled));
        p.show(snap, false, 0.0);
    });
    view::set_tall(0.0);
    html
}

/// The tests' seam (`<html data-hold>`): every reading leaves its rest pending, and only the
/// handlers decide it, so that the tests can act in the gap (tests/panel.test.mjs).
fn held() -> bool {
    document().and_then(|d| d.document_element()).is_some_and(|e| e.has_attribute("data-hold"))
}

/// Resolves once the frame showing what was just drawn has been painted (`panel.js`: the task
/// after the next animation frame; a closure made here for it cost 0.8 KB of WASM, 353 B of zip).
async fn after_paint() {
    if let Some(p) = with(|p| p.host.after_paint()) {
        let _ = JsFuture::from(p).await;
    }
}

/// Reads and decides [`WARM_PAGE`] once, while the first snapshot is on its way: what a page
/// instance does only once (the functions the reader and the decisions call compiled on first
/// use, the built-in templates' map, the known-people index kept in these settings) is then
/// done during that wait instead of after it. A cold open (the module no longer in V8's cache)
/// of 300 invitations: list shown at 349.8 ms without, 224.0 ms with; a warm one 299.0 and
/// 208.5 (medians of 8, A/B alternating, 30 Nov, load 5 to 7). Not when the early reading's
/// snapshot is in already (the side panel's kept walk often is): the reading then goes first
/// and does its own first uses (it waited 9.5 ms for the warm-up in one open of 1 Dec).
fn warm_up() {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.with(|d| d.replace(true)) || step("taken").is_some() {
        return;
    }
    if let Ok(snap) = Snapshot::from_json(WARM_PAGE) {
        with(|p| {
            // Both steps of a reading, as the first list and its rest take them.
            let (mut t, rest) = triage_first(snap, &p.settings, 2);
            rest.finish(&mut t.rows, &p.settings);
        });
    }
    mark("warm");
}

/// The page an address shows, without its query and fragment (a filter tab keeps the list).
fn page_of(url: &str) -> String {
    url.split(['?', '#']).next().unwrap_or("").trim_end_matches('/').to_owned()
}

fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// `__notyetPanelSteps`: when start-up reached each step (`./build.sh bench`), made on first use.
fn steps() -> JsValue {
    let global = js_sys::global();
    let key = JsValue::from_str("__notyetPanelSteps");
    js_sys::Reflect::get(&global, &key).ok().filter(JsValue::is_object).unwrap_or_else(|| {
        let o: JsValue = js_sys::Object::new().into();
        let _ = js_sys::Reflect::set(&global, &key, &o);
        o
    })
}

/// When start-up reached `name` (`panel-early.js` marks its own: `taken`, the early reading in).
fn step(name: &str) -> Option<f64> {
    js_sys::Reflect::get(&steps(), &JsValue::from_str(name)).ok().and_then(|v| v.as_f64())
}

/// Records when start-up reached `name` (`__notyetPanel.steps`, for `./build.sh bench`).
fn mark(name: &str) {
    if step(name).is_none() {
        let _ = js_sys::Reflect::set(&steps(), &JsValue::from_str(name), &JsValue::from_f64(performance_now()));
    }
}

/// `__notyetPanel`: when the list was first shown and how many rows, for `./build.sh bench` and the tests.
fn mark_shown(snapshot_ms: f64, rows: usize) {
    let global = js_sys::global();
    let key = JsValue::from_str("__notyetPanel");
    let o = js_sys::Reflect::get(&global, &key).ok().filter(JsValue::is_object).unwrap_or_else(|| {
        let o: JsValue = js_sys::Object::new().into();
        let _ = js_sys::Reflect::set(&o, &"shown".into(), &JsValue::from_f64(performance_now()));
        let _ = js_sys::Reflect::set(&o, &"snapshot".into(), &JsValue::from_f64(snapshot_ms));
        let _ = js_sys::Reflect::set(&global, &key, &o);
        o
    });
    let _ = js_sys::Reflect::set(&o, &"rows".into(), &JsValue::from_f64(rows as f64));
    let _ = js_sys::Reflect::set(
        &o,
        &"readings".into(),
        &JsValue::from_f64(js_sys::Reflect::get(&o, &"readings".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) + 1.0),
    );
}

/// Writes this panel's record by the service worker, which saves it over the record as stored
/// by entry, one save at a time (`Record::save_over`): written here whole, it replaced a draft another panel
/// (another window's, or the panel in a tab) had written a moment before. The merged record comes
/// back as a storage change.
async fn save_record() {
    let Some((host, json)) = with(|p| (p.host.clone(), p.record.to_json())) else {
        return;
    };
    let saved = call(host.record(&json)).await;
    // Said as what it is: after a draft the text is in the box, and "couldn't finish … Nothing was
    // changed" (storage full) said the opposite.
    if let Some(e) = saved.map(|v| v.get("error").and_then(Value::as_str).map(str::to_owned)).unwrap_or_else(Some) {
        with(|p| p.say(Tone::Error, &crate::tr_with("panel_record_unsaved", &[&e])));
    }
}

/// Claims the panel for one action at a time; `None` (and a message) while another runs.
fn begin() -> Option<(Host, f64)> {
    with(|p| {
        if p.busy {
            p.say(Tone::Info, &tr("panel_busy"));
            return None;
        }
        let tab = p.tab.as_ref().map(|(id, _)| *id)?;
        p.busy = true;
        p.cancel = false;
        p.keep_message = false;
        // The last outcome no longer describes what the panel is doing (it read "Drafted a
        // reply…" beside Read more's progress).
        p.say(Tone::Info, "");
        Some((p.host.clone(), tab))
    })
    .flatten()
}

fn end() {
    with(|p| {
        p.busy = false;
        view::status(p); // Read more on again, before the progress bar hands it the focus
        view::progress(None, false);
    });
}

/// The selected row, read again from a fresh snapshot: `None` (and a message) when it has left the page.
async fn fresh_selected() -> Option<Row> {
    let key = with(|p| p.selected().map(|r| r.key.clone())).flatten()?;
    refresh().await;
    with(|p| {
        p.finish();
        let row = p.rows.iter().find(|r| r.key == key).cloned();
        match row {
            Some(r) if !r.gone => Some(r),
            Some(r) => {
                p.say_about(&r.key, Tone::Warning, &crate::tr_with("panel_gone", &[&name_or(&r)]));
                None
            }
            None => None,
        }
    })
    .flatten()
}

fn name_or(r: &Row) -> String {
    let n = fold_whitespace(&r.invitation.name);
    if n.is_empty() {
        tr("panel_this_person")
    } else {
        n
    }
}

/// Show: the card scrolled into view and framed. Accept and Ignore: the card framed, and
/// LinkedIn's own button framed and labelled for the user to press. Nothing is pressed.
async fn point(what: String) {
    with(|p| p.keep_message = false);
    let Some(row) = fresh_selected().await else {
        return;
    };
    let Some((host, tab)) = with(|p| p.tab.as_ref().map(|(id, _)| (p.host.clone(), *id))).flatten() else {
        return;
    };
    let name = name_or(&row);
    let (button, label, said) = match what.as_str() {
        "accept" => (row.controls.accept, tr("panel_mark_accept"), crate::tr_with("panel_pointed_accept", &[&name])),
        "ignore" => (
            row.controls.ignore,
            tr("panel_mark_ignore"),
            crate::tr_with(if row.action == Action::Report { "panel_pointed_report" } else { "panel_pointed_ignore" }, &[&name]),
        ),
        _ => (None, String::new(), crate::tr_with("panel_shown", &[&name])),
    };
    if what != "show" && button.is_none() {
        with(|p| p.say_about(&row.key, Tone::Warning, &crate::tr_with("panel_no_button", &[&name])));
        return;
    }
    let mut marks = vec![object([("node", row.card.into()), ("label", if what == "show" { name.clone() } else { String::new() }.into())])];
    if let Some(b) = button {
        marks.push(object([("node", b.into()), ("label", label.into()), ("button", true.into())]));
    }
    let command = object([("op", "outline".into()), ("marks", marks.into()), ("scroll", row.card.into())]);
    match call(host.run(tab, &to_js(&command))).await {
        Ok(v) if v.get("missing").and_then(Value::as_array).is_some_and(|m| m.iter().any(|n| n.as_u64() == Some(u64::from(row.card)))) => {
            refresh().await;
            with(|p| p.say_about(&row.key, Tone::Warning, &crate::tr_with("panel_gone", &[&name])));
        }
        Ok(_) => {
            with(|p| p.say_about(&row.key, Tone::Info, &said));
        }
        Err(e) => {
            with(|p| {
                p.say(Tone::Error, &tab_error(&e));
                p.keep_message = true;
            });
        }
    }
}

/// Draft reply: opens the invitation's own Reply control (the one click NotYet makes on
/// LinkedIn, and only on this request), waits for its message box, then drafts through the
/// service worker exactly as a toolbar click does. Nothing is typed when no box opens.
async fn draft() {
    let Some(row) = fresh_selected().await else {
        return;
    };
    let name = name_or(&row);
    let Some(reply) = row.controls.reply else {
        with(|p| p.say_about(&row.key, Tone::Warning, &crate::tr_with("panel_no_reply", &[&name])));
        return;
    };
    let Some((host, tab)) = begin() else { return };
    with(|p| p.say_about(&row.key, Tone::Info, &crate::tr_with("panel_opening", &[&name])));
    let done = draft_in(&host, tab, &row, reply, &name).await;
    end();
    if let Err((tone, text)) = done {
        with(|p| {
            p.say_about(&row.key, tone, &text);
            p.keep_message = true;
        });
    }
    refresh().await;
}

async fn draft_in(host: &Host, tab: f64, row: &Row, reply: u32, name: &str) -> Result<(), (Tone, String)> {
    let fail = |e: String| (Tone::Error, tab_error(&e));
    let url = with(|p| p.tab.as_ref().map(|(_, u)| u.clone())).flatten().unwrap_or_default();
    let before = snapshot(host, tab).await.map_err(fail)?;
    let box_before = read_page(&before).composer.map(|c| c.node);
    let clicked = call(host.run(tab, &to_js(&object([("op", "click".into()), ("node", reply.into())])))).await.map_err(fail)?;
    if clicked.get("ok") != Some(&Value::Bool(true)) {
        return Err((Tone::Warning, crate::tr_with("panel_gone", &[name])));
    }
    // LinkedIn opens the box a moment later: looked for every 150 ms, for 4 s by the clock. Each
    // look is a reading of the page: 27 looks had stood for the 4 s, and took over 10 s on a loaded
    // machine (CI, 1 Dec, 40 invitations), and the panel said "Opening…" all that while.
    let want = name_key(&row.invitation.name);
    let mut opened = false;
    let until = performance_now() + 4000.0;
    while performance_now() < until {
        sleep(150).await;
        if with(|p| p.cancel).unwrap_or(false) {
            return Err((Tone::Info, tr("panel_cancelled")));
        }
        match active_tab(host).await {
            None => return Err((Tone::Warning, tr("panel_tab_closed"))),
            Some((t, u)) if t != tab || page_of(&u) != page_of(&url) => return Err((Tone::Warning, tr("panel_tab_moved"))),
            Some(_) => {}
        }
        let snap = snapshot(host, tab).await.map_err(fail)?;
        if let Some(c) = read_page(&snap).composer {
            let to = c.addressee.as_deref().map(name_key).unwrap_or_default();
            let for_them = !to.is_empty() && !want.is_empty() && (to.has(&want) || want.has(&to));
            if for_them || (to.is_empty() && Some(c.node) != box_before) {
                opened = true;
                break;
            }
        }
    }
    if !opened {
        return Err((Tone::Warning, crate::tr_with("panel_no_box", &[name])));
    }
    let record = call(host.draft(tab)).await.map_err(fail)?;
    // The worker drafts one click at a time a tab and drops another meanwhile (a toolbar click or
    // a notice's button under way): its record's code word, "couldn't finish (busy). Nothing was
    // changed.", was shown while the draft under way went into the box. Said as the panel says
    // its own request under way (a message of its own cost 232 B of zip).
    if record.get("dropped") == Some(&Value::Bool(true)) {
        return Err((Tone::Info, tr("panel_busy")));
    }
    if let Some(e) = record.get("error").and_then(Value::as_str) {
        return Err((Tone::Error, tab_error(e)));
    }
    let notice = record.get("notice");
    let level = notice.and_then(|n| n.get("level")).and_then(Value::as_str).unwrap_or("info");
    let text = notice.and_then(|n| n.get("text")).and_then(Value::as_str).unwrap_or("").to_owned();
    let tone = match level {
        "success" => Tone::Success,
        "warning" => Tone::Warning,
        "error" => Tone::Error,
        _ => Tone::Info,
    };
    with(|p| {
        if tone == Tone::Success {
            p.record.drafted(&key_of(&row.invitation), &row.invitation.name, now_ms());
        }
        p.say_about(&row.key, tone, &text);
    });
    if tone == Tone::Success {
        save_record().await;
    }
    Ok(())
}

/// Lower-case letters and digits, words single-spaced: names compared as the core compares them.
fn name_key(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() { notyet_core::case::lower_char(c) } else { ' ' }).collect();
    fold_whitespace(&cleaned)
}

/// Read more: scrolls the page's list (its scroll container, found from the last card) so that
/// LinkedIn renders more rows, reading after each step, until the announced count is reached,
/// the list stops growing, the row limit is met, or the user cancels. Scrolling presses nothing.
async fn read_more() {
    let Some((host, tab)) = begin() else { return };
    let mut stale = 0;
    let mut said_at = 0;
    let outcome = loop {
        let Some((last, live, announced, cancel)) = with(|p| {
            let live: Vec<&Row> = p.rows.iter().filter(|r| !r.gone).collect();
            (live.last().map(|r| r.card), live.len(), p.announced, p.cancel)
        }) else {
            break None;
        };
        // Said to a screen reader at the start and then every 5 s: a step of ten rows takes 0.3
        // to 0.6 s, and "Reading the page's list: 40 of 300" about 2 s to speak at a default rate
        // (some 180 words a minute), so every step would queue words the reader never caught up
        // with; reading 300 says it three or four times (picky tour, 1 Dec 2026: it was said only
        // at the end).
        let say = now_ms() >= said_at + 5000;
        if say {
            said_at = now_ms();
        }
        view::progress(Some((live, announced)), say);
        if cancel {
            break Some((Tone::Info, crate::tr_with("panel_more_stopped", &[&read_of(live, announced)])));
        }
        if announced.is_some_and(|m| live >= m as usize) {
            break Some((Tone::Success, crate::tr_with("panel_more_all", &[&read_of(live, announced)])));
        }
        if live >= ROW_LIMIT {
            break Some((Tone::Warning, crate::tr_with("panel_limit", &[&num(ROW_LIMIT)])));
        }
        let Some(last) = last else {
            break Some((Tone::Info, tr("panel_none")));
        };
        let (moved, hidden) = match call(host.run(tab, &to_js(&object([("op", "scroll".into()), ("node", last.into())])))).await {
            Ok(v) => (v.get("moved") == Some(&Value::Bool(true)), v.get("hidden") == Some(&Value::Bool(true))),
            Err(e) => break Some((Tone::Error, tab_error(&e))),
        };
        sleep(if moved { 250 } else { 400 }).await;
        if !refresh().await || with(|p| p.tab.as_ref().map(|(t, _)| *t) != Some(tab)).unwrap_or(true) {
            break Some((Tone::Warning, tr("panel_tab_moved")));
        }
        let now = with(|p| p.rows.iter().filter(|r| !r.gone).count()).unwrap_or(0);
        stale = if now > live { 0 } else { stale + 1 };
        if stale >= 4 {
            // The list stopped growing. In a background tab that says nothing about its end: the
            // page loads rows only while it is shown (the panel in a tab of its own beside it).
            let key = if hidden { "panel_more_hidden" } else { "panel_more_end" };
            break Some((if hidden { Tone::Warning } else { Tone::Info }, crate::tr_with(key, &[&read_of(now, announced)])));
        }
    };
    end();
    if let Some((tone, text)) = outcome {
        with(|p| {
            p.say(tone, &text);
            p.keep_message = matches!(tone, Tone::Warning | Tone::Error);
        });
    }
}

/// "40 of 300" (or "40" when the page announces no count).
pub fn read_of(n: usize, announced: Option<u32>) -> String {
    match announced {
        Some(m) => crate::tr_with("panel_n_of_m", &[&num(n), &num(m as usize)]),
        None => num(n),
    }
}

/// A count as the interface language writes it ("2,000", "2.000", "2 000").
pub fn num(n: usize) -> String {
    crate::ui().number(n as u64)
}

/// The element with `id`, as a convenience for the view.
pub fn el(id: &str) -> Option<Element> {
    by_id(id)
}

/// Replaces the text of the element with `id`.
pub fn text(id: &str, s: &str) {
    set_text(id, s);
}

#[cfg(test)]
mod tests {
    use notyet_core::words::Ui;

    #[test]
    fn a_snapshot_that_will_not_parse_is_said_in_the_interface_language() {
        for (ui, said) in [
            (Ui::De, "NotYet konnte nicht abschließen (der Text endet zu früh). Es wurde nichts geändert."),
            (Ui::Fr, "NotYet n'a pas pu terminer (le texte s'arrête trop tôt). Rien n'a été modifié."),
        ] {
            crate::UI.set(Some(ui));
            assert_eq!(super::parse(r#"{"url": "#).err().as_deref(), Some(said));
        }
    }
}
