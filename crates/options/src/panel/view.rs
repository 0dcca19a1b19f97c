//! The panel's rendering: a shell built once, then the parts that change (counts, the rows in
//! view, the selected invitation's details, the message line). Names, headlines and notes are
//! set as text, never as HTML.

use notyet_core::panel::{first_words, Where};
use notyet_core::words::Say;
use notyet_core::{Action, Category};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::{el, num, read_of, text, Panel, Tone};
use crate::dom::{self, cat, cat_n, option, E};
use crate::{tr, tr_named, tr_with};

/// How tall every row is (px), as panel.css has it: the list positions rows by index, so it
/// renders only those in view. 70 at every width: 92 above 300 px held 78 px of text, and the
/// list showed 2 rows at 360 × 640.
const ROW_HEIGHT: i32 = 70;
/// Rows rendered above and below the visible ones, so a fast scroll shows no gap.
const OVERSCAN: usize = 6;

/// `hide`: Hide handled on, as the record remembers it.
pub fn shell(hide: bool) -> E {
    let categories: Vec<E> = std::iter::once(option("", &tr("panel_all_categories"), true))
        .chain(Category::ALL.iter().map(|c| option(c.name(), &tr_named("cat_", c.name()), false)))
        .collect();
    // `data-none`: no invitation read (yet): the counts, filters and list are hidden (panel.css).
    E::new("div").class("panel").id("panel").a("data-none", "").cs(vec![
        E::new("header").cs(vec![
            E::new("h1").tr("panel_title"),
            E::new("p").id("where").class("where"),
            E::new("div").class("bar").cs(vec![
                // What a filter leaves listed ("· 5 listed"), a live region of its own: a screen
                // reader heard nothing when a filter, a search or Hide handled changed the list.
                E::new("span").id("read").class("read").cs(vec![E::new("span").id("read-n"), E::new("span").id("listed").a("role", "status")]),
                E::new("button").a("type", "button").a("data-act", "more").id("more").tr("panel_more"),
                E::new("button").a("type", "button").a("data-act", "refresh").a("title", &tr("panel_refresh_hint")).tr("panel_refresh"),
            ]),
            E::new("div").id("progress").class("progress").flag("hidden", true).cs(vec![
                E::new("progress").id("progress-bar").a("max", "1").a("value", "0").a("aria-labelledby", "progress-text"),
                E::new("span").id("progress-text"),
                E::new("button").a("type", "button").a("data-act", "cancel").tr("panel_cancel"),
            ]),
            // A group of toggles, not a navigation landmark: landmarks lead to links elsewhere.
            E::new("div").id("counts").class("counts").a("role", "group").a("aria-label", &tr("panel_counts_label")),
            E::new("div").class("filters").cs(vec![
                E::new("select").id("category").a("data-k", "category").a("aria-label", &tr("panel_category")).cs(categories),
                // Before the search field, which wraps to a full line of its own in a narrow panel.
                E::new("label").cs(vec![
                    E::new("input").id("hide").a("type", "checkbox").a("data-k", "hide").flag("checked", hide),
                    E::new("span").tr("panel_hide_handled"),
                ]),
                E::new("input").id("text").a("type", "search").a("data-k", "text").a("placeholder", &tr("panel_search")).a("aria-label", &tr("panel_search")),
            ]),
            // Two live regions, there and empty from the start: screen readers honour a region's
            // politeness as it was before its text changed, so one element switching
            // status↔alert could read an error politely, or not at all.
            E::new("p").id("msg").class("msg").cs(vec![
                E::new("span").id("msg-polite").a("role", "status").a("aria-live", "polite"),
                E::new("span").id("msg-alert").a("role", "alert").a("aria-live", "assertive"),
                // Read more's progress for a screen reader, every few seconds (`progress`); the
                // bar's own text changes at every step of ten rows and is in no live region.
                E::new("span").id("msg-progress").class("sr").a("role", "status"),
            ]),
        ]),
        E::new("div")
            .id("list")
            .class("list")
            .a("role", "listbox")
            .a("tabindex", "0")
            .a("aria-label", &tr("panel_list_label"))
            .c(E::new("div").id("spacer").class("spacer")),
        // Not a live region: the list's selected option is announced already, and every reading
        // rebuilds the details (a live region read them all out again after each action).
        E::new("section").id("detail").class("detail").a("aria-labelledby", "detail-name"),
        E::new("p").class("never").tr("panel_never"),
    ])
}

/// "12 accept · 40 reply · 230 ignore · 8 report": each a toggle filter. `None` while the rows
/// are being decided (a few milliseconds after the first list): "Counting…" in their place, the
/// buttons laid out unseen so that the line keeps its height, and `aria-busy` so that a screen
/// reader waits for the counts rather than reading a part of them.
pub fn counts(counts: Option<&[(Action, usize); 4]>, active: Option<Action>) {
    keep_focus("counts", || fill_counts(counts, active));
}

fn fill_counts(counts: Option<&[(Action, usize); 4]>, active: Option<Action>) {
    dom::set_attribute("counts", "aria-busy", counts.is_none().then_some("true"));
    let mut parts = Vec::new();
    if counts.is_none() {
        parts.push(E::new("span").class("counting").tr("panel_counting"));
    }
    for (k, a) in [Action::Accept, Action::Reply, Action::Ignore, Action::Report].iter().enumerate() {
        if k > 0 {
            // A separator for the eye: a screen reader's reading of the counts said "dot" between them.
            parts.push(E::new("span").a("aria-hidden", "true").t(" · "));
        }
        let n = counts.map_or_else(|| "…".into(), |c| num(c[k].1));
        let b = E::new("button")
            .a("type", "button")
            .class(&cat("count act-", a.name()))
            .a("data-act", &cat("filter.", a.name()))
            .a("aria-pressed", if active == Some(*a) { "true" } else { "false" })
            .t(&format!("{n} {}", tr_named("act_", a.name())));
        parts.push(b);
    }
    dom::replace("counts", parts);
}

/// "Read 10 of 300 invitations" and the list's accessible count.
pub fn status(p: &Panel) {
    let live = p.rows.iter().filter(|r| !r.gone).count();
    // The noun agrees with the last number said: "Read 1 invitation", "Read 1 of 3 invitations".
    let last = p.announced.map_or(live as u64, u64::from);
    let key = if crate::ui().singular(last) { "panel_read_one" } else { "panel_read" };
    let mut s = tr_with(key, &[&read_of(live, p.announced)]);
    let gone = p.rows.len() - live;
    if gone > 0 {
        s.push_str(" · ");
        s.push_str(&tr_with("panel_gone_count", &[&num(gone)]));
    }
    if p.cut > 0 {
        s.push_str(" · ");
        s.push_str(&tr_with("panel_cut", &[&num(p.cut)]));
    }
    text("read-n", &s);
    // Set only when it changes: the panel reads the page again at each focus, which says nothing.
    let mut listed = if p.view.len() != p.rows.len() { tr_with("panel_listed", &[&num(p.view.len())]) } else { String::new() };
    // Why so few: a day-two open listed "Read 10 of 300 · 4 listed" and "0 Reply", the six drafted
    // yesterday hidden without a word.
    if p.hidden > 0 {
        listed.push_str(" · ");
        listed.push_str(&tr_with("panel_hidden", &[&num(p.hidden)]));
    }
    if el("listed").map_or(true, |e| dom::prop(&e, "textContent").as_string().unwrap_or_default() != listed) {
        text("listed", &listed);
    }
    dom::set_attribute("panel", "data-none", p.rows.is_empty().then_some(""));
    let all = p.announced.is_some_and(|m| live >= m as usize);
    // Off while an action runs too: pressed again during Read more it only said "busy".
    let off = all || p.rows.is_empty() || p.busy;
    // Read more pressed from the keyboard: a disabled button drops the focus to the body. It
    // goes to Cancel while the list is read, else to the list.
    let lost = off && el("more").is_some_and(|m| has_focus(&m));
    dom::set_attribute("more", "disabled", off.then_some(""));
    if lost {
        let cancel = el("progress").filter(|b| !b.has_attribute("hidden")).and_then(|b| b.query_selector("[data-act=cancel]").ok().flatten());
        focus(cancel.or_else(|| el("list")));
    }
}

pub fn list_height(n: usize) {
    dom::set_attribute("spacer", "style", Some(&cat_n("height: ", n * ROW_HEIGHT as usize, "px")));
}

/// The index of the first row in view.
pub fn first_visible() -> usize {
    el("list").map_or(0, |l| (l.scroll_top().max(0) / ROW_HEIGHT) as usize)
}

/// The rows the list shows, and the two it may cut. Drawn in the worker, the list is not laid
/// out: its window's height stands for it (a few rows more than the list's own, drawn below).
fn visible_rows() -> usize {
    el("list").map_or_else(|| tall() as usize / ROW_HEIGHT as usize + 2, |l| (l.client_height().max(0) / ROW_HEIGHT) as usize + 2)
}

/// Keeps row `at` inside the list's visible part.
pub fn scroll_to(at: usize) {
    let Some(l) = el("list") else { return };
    let row = ROW_HEIGHT;
    let top = at as i32 * row;
    let (height, now) = (l.client_height(), l.scroll_top());
    if top < now {
        l.set_scroll_top(top);
    } else if top + row > now + height {
        l.set_scroll_top(top + row - height);
    }
}

/// The entries of a list of `len` that [`window`] draws from `first` on: the overscan above, the
/// visible ones and the overscan below.
pub fn window_rows(first: usize, len: usize) -> std::ops::Range<usize> {
    // A list scrolled far down and then filtered to a few rows: its old scroll position is past
    // the end until the browser clamps it, and nothing was drawn.
    first.min(len).saturating_sub(OVERSCAN)..(first + visible_rows() + OVERSCAN).min(len)
}

/// The most rows a reading can show before the user scrolls: the list is no taller than the
/// window (before the first reading it is not laid out, and has no height to ask). The browser
/// window's height too: a side panel starts before it has its full height (its first list drew
/// more rows than the page's height then allowed for, and every invitation was decided before
/// the list showed, 9 ms of 300 on the path; traces of 1 Dec), and it is never taller than that.
pub fn rows_in_view_at_most() -> usize {
    first_visible() + tall() as usize / ROW_HEIGHT as usize + 2 + OVERSCAN
}

thread_local! {
    /// The panel's window height as the panel sent it, for its first screen drawn in the worker.
    static TALL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// The panel's window height: its own, or (drawn in the worker) the one it sent ([`set_tall`]).
fn tall() -> f64 {
    let height = |h: Result<JsValue, JsValue>| h.ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    match TALL.get() {
        t if t > 0.0 => t,
        _ => web_sys::window().map_or(1200.0, |w| height(w.inner_height()).max(height(w.outer_height()))),
    }
}

/// The height the worker draws the panel's first screen for: the larger of its window's inner
/// and outer heights, as [`rows_in_view_at_most`] takes them in the panel (0: the window's own).
pub fn set_tall(height: f64) {
    TALL.set(height);
}

/// Renders the rows from `first` (less the overscan) to just past the visible ones.
pub fn window(p: &Panel, first: usize) {
    let mut rows = Vec::new();
    let ui = crate::ui();
    let height = ROW_HEIGHT as usize;
    for v in window_rows(first, p.view.len()) {
        let Some(r) = p.view.get(v).and_then(|&i| p.rows.get(i)) else {
            continue;
        };
        let inv = &r.invitation;
        let selected = p.sel == Some(v);
        let words = badge_words(r);
        let mut l1 = vec![E::new("b").class("name").t(&inv.name)];
        l1.extend(badges(r, &words));
        let headline = inv.headline.as_deref().unwrap_or("");
        let mut l2 = E::new("div").class("l2");
        // The mutual count leads the headline's line: after the name and two badges it was cut
        // ("3 m" in Firefox's 240 px sidebar; gone entirely beside "Personalvermittlung" at 360).
        let mutual = inv.mutual_connections.map(|m| ui.mutual_connections(m)).unwrap_or_default();
        if !mutual.is_empty() {
            let sep = if headline.is_empty() { "" } else { " · " };
            l2 = l2.c(E::new("span").class("mutual").t(&[mutual.as_str(), sep].concat()));
        }
        let l3 = inv.note.as_deref().map(|n| ui.quote(&first_words(n, 14))).unwrap_or_else(|| tr("panel_no_note"));
        let reasons = notyet_core::reason::say_together(&r.reasons.iter().collect::<Vec<_>>(), ui, false);
        let state = handled_text(p, r).unwrap_or_default();
        let l4 = if state.is_empty() { reasons.clone() } else { format!("{state} · {reasons}") };
        // The option's name, its parts apart: read from the row's text, a screen reader ran the
        // lines together ("Reply Mutual connections 25 mutual connections", "No note is Alex
        // Adler from your known people", "No note sent no personal note").
        let mut label = inv.name.clone();
        for part in [&words[0], &words[1], &mutual, headline, &l3, &state, &reasons] {
            if !part.is_empty() {
                label.push_str(". ");
                label.push_str(part);
            }
        }
        let row = E::new("div")
            .class(&format!("row{}{}", if selected { " selected" } else { "" }, if r.gone { " gone" } else { "" }))
            .id(&cat_n("row-", v, ""))
            .a("role", "option")
            .a("aria-selected", if selected { "true" } else { "false" })
            // Only the rows in view exist: without these a screen reader said "3 of 20" in a list of 300.
            .a("aria-setsize", &p.view.len().to_string())
            .a("aria-posinset", &(v + 1).to_string())
            .a("data-row", &v.to_string())
            .a("aria-label", &label)
            .a("style", &cat_n("top: ", v * height, "px"))
            .cs(vec![E::new("div").class("l1").cs(l1), l2.t(headline), E::new("div").class("l3").t(&l3), E::new("div").class("l4").t(&l4)]);
        rows.push(row);
    }
    // Filters that let nothing through left a blank list: the user saw no reason.
    if p.view.is_empty() && !p.rows.is_empty() {
        rows.push(E::new("p").class("empty").a("role", "option").a("aria-disabled", "true").tr("panel_no_match"));
    }
    dom::replace("spacer", rows);
    dom::set_attribute("list", "aria-activedescendant", p.sel.map(|v| cat_n("row-", v, "")).as_deref());
}

/// The suggested action and the category, as badges.
/// A row's action and category in words, for its badges and its spoken name alike.
fn badge_words(r: &notyet_core::panel::Row) -> [String; 2] {
    [tr_named("act_", r.action.name()), tr_named("cat_", r.category.name())]
}

fn badges(r: &notyet_core::panel::Row, [action, category]: &[String; 2]) -> [E; 2] {
    [E::new("span").class(&cat("badge act-", r.action.name())).t(action), E::new("span").class("badge cat").t(category)]
}

/// "drafted 28 Nov", "gone from the page", "gone · drafted 28 Nov".
fn handled_text(p: &Panel, r: &notyet_core::panel::Row) -> Option<String> {
    let drafted = p.record.get(&r.key).and_then(|h| h.drafted).map(|ms| drafted_on(&p.ui, ms));
    match (r.gone, drafted) {
        (true, Some(d)) => Some(format!("{} · {d}", tr("panel_gone_mark"))),
        (true, None) => Some(tr("panel_gone_mark")),
        (false, d) => d,
    }
}

/// "drafted today", "drafted yesterday", "drafted 28 Nov": a draft made today read "drafted
/// Nov 30", a date the user had to compare with today's. Days are the browser's local ones.
pub fn drafted_on(ui: &str, ms: u64) -> String {
    let day = |ms: f64| js_sys::Date::new(&JsValue::from_f64(ms)).to_date_string();
    let (then, now) = (day(ms as f64), js_sys::Date::now());
    if then == day(now) {
        tr("panel_drafted_today")
    } else if then == day(now - 864e5) {
        tr("panel_drafted_yesterday")
    } else {
        tr_with("panel_drafted", &[&date(ui, ms)])
    }
}

/// A day in the interface language: "28 Nov", "28. Nov.". `ui` is the browser's language
/// (`en-GB` words a day as "28 Nov", `en-US` as "Nov 28"), used when the panel's words are in its
/// language; otherwise the words' own: a browser started with `--lang=de` answers `en-US` while
/// every message is German, and the record read "Entwurf am Nov 28".
///
/// The last day's words are kept: each `toLocaleDateString` with options builds the browser's
/// formatter afresh, and the options page's list of 1,000 entries spent 534 ms of its 2.7 s open
/// in them (load 13, 2 Dec 2026); listed newest first, the entries of one day follow each other.
pub fn date(ui: &str, ms: u64) -> String {
    thread_local! {
        static LAST: std::cell::RefCell<(JsValue, JsValue)> = const { std::cell::RefCell::new((JsValue::UNDEFINED, JsValue::UNDEFINED)) };
    }
    let words = crate::ui().code();
    let ui = if ui.split('-').next() == Some(words) { ui } else { words };
    let day = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    // The day as the browser's local one (its `ui` is the page's, the same at every call).
    let key = JsValue::from(day.to_date_string());
    LAST.with_borrow_mut(|(last, said)| {
        if *last != key {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"day".into(), &"numeric".into());
            let _ = js_sys::Reflect::set(&options, &"month".into(), &"short".into());
            *said = day.to_locale_date_string(ui, &options).into();
            *last = key;
        }
        said.as_string().unwrap_or_default()
    })
}

/// The selected invitation: everything about it, and what the panel can do for it.
pub fn detail(p: &Panel) {
    keep_focus("detail", || dom::replace("detail", detail_parts(p)));
}

/// Rebuilding a part (the counts, the details after every reading) took the focus from the
/// button pressed in it to the page's body: a keyboard user who pressed Show, Draft reply or a
/// count had to Tab back from the top. The same control (by its `data-act`) takes it back, or
/// the list when that control is gone or disabled.
fn keep_focus(id: &str, rebuild: impl FnOnce()) {
    let part = el(id);
    let active = crate::dom::document().and_then(|d| d.active_element());
    let was = part.as_ref().zip(active).filter(|(part, a)| part.contains(Some(a))).and_then(|(_, a)| a.get_attribute("data-act"));
    rebuild();
    let (Some(act), Some(part)) = (was, part) else { return };
    focus(part.query_selector(&format!("[data-act=\"{act}\"]:not([disabled])")).ok().flatten().or_else(|| el("list")));
}

fn focus(e: Option<Element>) {
    if let Some(e) = e.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

fn has_focus(e: &Element) -> bool {
    crate::dom::document().and_then(|d| d.active_element()).as_ref() == Some(e)
}

fn detail_parts(p: &Panel) -> Vec<E> {
    let Some(r) = p.selected() else { return Vec::new() };
    let inv = &r.invitation;
    let ui = crate::ui();
    let reasons: Vec<E> = r.reasons.iter().map(|x| E::new("li").t(&x.say(ui))).collect();
    let advice = match r.action {
        Action::Accept => "panel_advice_accept",
        // Without a Reply button there is nothing for Draft reply to write into: the advice says
        // what the user can do there instead of promising a disabled button.
        Action::Reply if r.controls.reply.is_none() => "panel_advice_reply_none",
        Action::Reply => "panel_advice_reply",
        Action::Ignore => "panel_advice_ignore",
        Action::Report => "panel_advice_report",
    };
    let button = |act: &str, key: &str, enabled: bool| {
        E::new("button").a("type", "button").a("data-act", act).id(&cat("do-", act)).flag("disabled", !enabled || r.gone).tr(key)
    };
    // The buttons right after who and what: a long note or many reasons pushed them out of a
    // short side panel's view.
    let mut parts = vec![
        E::new("h2").id("detail-name").t(&inv.name),
        // The row's two badges, then the advice as a sentence: "Known · Accept: someone you
        // know: accept it on LinkedIn." read as a chain of labels.
        E::new("p").class("advice").cs(badges(r, &badge_words(r)).into_iter().chain([E::new("span").t(&tr(advice))]).collect()),
        E::new("div").class("actions").cs(vec![
            button("show", "panel_show", true),
            button("draft", "panel_draft", r.controls.reply.is_some()),
            button("accept", "panel_point_accept", r.controls.accept.is_some()),
            button("ignore", if r.action == Action::Report { "panel_point_report" } else { "panel_point_ignore" }, r.controls.ignore.is_some()),
        ]),
    ];
    // Why Draft reply is off, unless the advice has just said it ("…offers no way to send one").
    if r.controls.reply.is_none() && advice != "panel_advice_reply_none" {
        parts.push(E::new("p").class("hint").tr("panel_no_reply_hint"));
    }
    if let Some(h) = &inv.headline {
        parts.push(E::new("p").class("headline").t(h));
    }
    if let Some(n) = &inv.note {
        parts.push(E::new("blockquote").t(n));
    }
    if let Some(state) = handled_text(p, r) {
        parts.push(E::new("p").class("handled").t(&state));
    }
    parts.push(E::new("ul").class("reasons").cs(reasons));
    // The panel's promise, at the end of the details where a narrow panel shows it (panel.css):
    // under them it took 82 of the 700 px of Firefox's 240 px sidebar.
    parts.push(E::new("p").class("never").tr("panel_never"));
    parts
}

pub fn message(tone: Tone, s: &str) {
    let class = match tone {
        Tone::Info => "msg",
        Tone::Success => "msg success",
        Tone::Warning => "msg warning",
        Tone::Error => "msg error",
    };
    dom::set_attribute("msg", "class", Some(class));
    let alert = matches!(tone, Tone::Warning | Tone::Error);
    text("msg-polite", if alert { "" } else { s });
    text("msg-alert", if alert { s } else { "" });
}

/// The panel on a page that isn't the invitation manager: where it works, and how to get there.
/// With `say_where`, the message line says where the panel works; without, it keeps the last
/// action's outcome (the page went mid-action: that is what the user needs to read first).
pub fn elsewhere(place: Where, closed: bool, say_where: bool) {
    let key = match place {
        _ if closed => "panel_followed_closed",
        Where::Sent => "panel_sent",
        Where::OtherLinkedIn => "panel_other_linkedin",
        _ => "panel_elsewhere",
    };
    text("where", &tr(key));
    plain_where(false);
    if say_where {
        message(Tone::Info, &tr("panel_where_it_works"));
    }
    let link = E::new("a")
        .a("href", "https://www.linkedin.com/mynetwork/invitation-manager/received/")
        .a("target", "_blank")
        .a("rel", "noopener")
        .tr("panel_open_manager");
    dom::replace("detail", vec![E::new("p").c(link)]);
}

/// The line under the title: which tab's invitations these are.
pub fn where_line(_p: &Panel, switched: bool) {
    text("where", &tr(if switched { "panel_switched" } else { "panel_here" }));
    plain_where(!switched);
}

/// Marks the line under the title as saying only what the panel is (a narrow panel hides it:
/// Firefox's 240 px sidebar spent 335 px on the header, and the list had 191).
fn plain_where(plain: bool) {
    dom::set_attribute("where", "data-plain", plain.then_some(""));
}

/// The Read more progress bar: `Some((read, announced))` shows it, `None` hides it. With `say`,
/// the same words go to a live region too.
pub fn progress(state: Option<(usize, Option<u32>)>, say: bool) {
    let Some(box_) = el("progress") else { return };
    match state {
        Some((n, m)) => {
            let _ = box_.remove_attribute("hidden");
            if let Some(bar) = el("progress-bar") {
                // Whole numbers against the announced count: no float formatting in the module.
                match m {
                    Some(m) if m > 0 => {
                        let _ = bar.set_attribute("max", &m.to_string());
                        let _ = bar.set_attribute("value", &n.min(m as usize).to_string());
                    }
                    _ => {
                        let _ = bar.remove_attribute("value"); // indeterminate
                    }
                }
            }
            let words = tr_with("panel_reading", &[&read_of(n, m)]);
            if say {
                text("msg-progress", &words);
            }
            text("progress-text", &words);
        }
        None => {
            text("msg-progress", "");
            // Cancel pressed from the keyboard: the hidden bar took the focus with it.
            let inside = crate::dom::document().and_then(|d| d.active_element()).is_some_and(|a| box_.contains(Some(&a)));
            let _ = box_.set_attribute("hidden", "");
            if inside {
                focus(el("more").filter(|m| !m.has_attribute("disabled")).or_else(|| el("list")));
            }
        }
    }
}
