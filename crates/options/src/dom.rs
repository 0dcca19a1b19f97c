//! A small element builder over web-sys: enough to write the page as nested calls, with no
//! framework. Attribute errors (only possible for invalid names, which are all literals here)
//! are ignored rather than unwrapped.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

thread_local! {
    static DOC: Option<Document> = web_sys::window().and_then(|w| w.document());
}

/// The page's document; `None` only outside a page (never on the options page).
pub fn document() -> Option<Document> {
    DOC.with(Clone::clone)
}

/// The element with `id`.
pub fn by_id(id: &str) -> Option<Element> {
    // The HTML-string form has no page elements: the view's page-only steps (focus, scrolling,
    // the list's laid-out height) find none while it renders.
    if html_mode() {
        return None;
    }
    // Borrowed, not cloned: a clone is a call out to JS and back per lookup.
    DOC.with(|d| d.as_ref()?.get_element_by_id(id))
}

/// An element under construction: a page's element, or (while [`html`] renders) an element of
/// the HTML-string form, for the side panel's first screen drawn by the service worker, which
/// has no document (README, performance). One builder for both: the panel is rendered by one
/// code, never by a second copy in the worker. In that form the `Element` is only a number, the
/// element's index in [`HTML`]: an `E` stays one word wide, as every builder call moves one (an
/// enum of the two forms made the module 9 KB larger, the options page's builders most).
pub struct E(pub Element);

/// An element of the HTML-string form: its tag, attributes in the order set, children.
struct Node {
    tag: String,
    attrs: Vec<(String, String)>,
    kids: Vec<Kid>,
}

enum Kid {
    Text(String),
    Node(usize),
}

thread_local! {
    /// The HTML-string form's elements while [`html`] renders (the body first); `None` otherwise.
    static HTML: RefCell<Option<Vec<Node>>> = const { RefCell::new(None) };
}

fn html_mode() -> bool {
    HTML.with(|h| h.borrow().is_some())
}

fn node(tag: &str) -> Node {
    Node { tag: tag.to_owned(), attrs: Vec::new(), kids: Vec::new() }
}

/// Runs `draw` with the HTML-string form as the document (the elements [`E`] makes, and those
/// [`set_text`], [`replace`] and [`set_attribute`] find by id, are the form's), and returns what it
/// put in the body as HTML: text and attribute values escaped, so page text stays text.
pub fn html(draw: impl FnOnce()) -> String {
    HTML.with(|h| *h.borrow_mut() = Some(vec![node("body")]));
    draw();
    let mut out = String::new();
    if let Some(all) = HTML.with(|h| h.borrow_mut().take()) {
        inner(&all, 0, &mut out);
    }
    out
}

/// Appends `child` to the body: the page's, or the HTML-string form's.
pub fn append_to_body(child: E) {
    if !at(None, &|body| body.kids.push(Kid::Node(index(&child)))) {
        if let Some(body) = document().and_then(|d| d.body()) {
            let _ = body.append_child(&child.0);
        }
    }
}

/// The HTML-string form's index of `e`.
fn index(e: &E) -> usize {
    e.0.as_f64().unwrap_or(0.0) as usize
}

/// Runs `f` on the HTML-string form's element `e` (`None`: the body); false (and nothing run)
/// outside that form. `e`'s index is read only then: on a page, an `E` is an element.
fn at(e: Option<&E>, f: &dyn Fn(&mut Node)) -> bool {
    HTML.with(|h| match h.borrow_mut().as_mut() {
        Some(all) => {
            if let Some(n) = all.get_mut(e.map_or(0, index)) {
                f(n);
            }
            true
        }
        None => false,
    })
}

/// Runs `f` on the HTML-string form's element with `id` in the body; false outside that form.
fn at_id(id: &str, f: &dyn Fn(&mut Node)) -> bool {
    let found = HTML.with(|h| h.borrow().as_ref().map(|all| find(all, 0, id)));
    match found {
        Some(i) => {
            HTML.with(|h| h.borrow_mut().as_mut().and_then(|all| all.get_mut(i?)).map(f));
            true
        }
        None => false,
    }
}

fn find(all: &[Node], i: usize, id: &str) -> Option<usize> {
    let n = all.get(i)?;
    if n.attrs.iter().any(|(k, v)| k == "id" && v == id) {
        return Some(i);
    }
    n.kids.iter().find_map(|k| match k {
        Kid::Node(c) => find(all, *c, id),
        Kid::Text(_) => None,
    })
}

impl Node {
    fn set(&mut self, name: &str, value: Option<&str>) {
        let at = self.attrs.iter().position(|(k, _)| k == name);
        match (at, value) {
            (Some(i), Some(v)) => self.attrs[i].1 = v.to_owned(),
            (None, Some(v)) => self.attrs.push((name.to_owned(), v.to_owned())),
            (Some(i), None) => {
                self.attrs.remove(i);
            }
            (None, None) => {}
        }
    }
}

fn write(all: &[Node], i: usize, out: &mut String) {
    let Some(n) = all.get(i) else { return };
    out.push('<');
    out.push_str(&n.tag);
    for (k, v) in &n.attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape(v, out);
        out.push('"');
    }
    out.push('>');
    // The one void element the panel makes.
    if n.tag != "input" {
        inner(all, i, out);
        out.push_str("</");
        out.push_str(&n.tag);
        out.push('>');
    }
}

fn inner(all: &[Node], i: usize, out: &mut String) {
    for k in all.get(i).map_or(&[][..], |n| &n.kids) {
        match k {
            Kid::Text(t) => escape(t, out),
            Kid::Node(c) => write(all, *c, out),
        }
    }
}

/// Text and attribute values as HTML: `&`, `<`, `>` and `"` escaped, in text and values alike.
fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

impl E {
    pub fn new(tag: &str) -> E {
        let made = HTML.with(|h| {
            let mut h = h.borrow_mut();
            let all = h.as_mut()?;
            all.push(node(tag));
            Some(all.len() - 1)
        });
        if let Some(i) = made {
            return E(JsValue::from(i as u32).unchecked_into());
        }
        match DOC.with(|d| d.as_ref()?.create_element(tag).ok()) {
            Some(el) => E(el),
            // Unreachable on a page; a detached stand-in keeps the builder total.
            None => E(js_sys::Object::new().unchecked_into()),
        }
    }

    pub fn a(self, name: &str, value: &str) -> E {
        if !at(Some(&self), &|n| n.set(name, Some(value))) {
            let _ = self.0.set_attribute(name, value);
        }
        self
    }

    /// Sets the attribute only when `on`.
    pub fn flag(self, name: &str, on: bool) -> E {
        if on {
            self.a(name, "")
        } else {
            self
        }
    }

    pub fn id(self, id: &str) -> E {
        self.a("id", id)
    }

    pub fn class(self, c: &str) -> E {
        self.a("class", c)
    }

    /// Appends text.
    pub fn t(self, text: &str) -> E {
        let text = &*plain(text);
        if !at(Some(&self), &|n| n.kids.push(Kid::Text(text.to_owned()))) {
            let _ = self.0.append_with_str_1(text);
        }
        self
    }

    /// Appends the interface text `key` (one call site per message instead of a `String` each).
    pub fn tr(self, key: &str) -> E {
        self.t(&crate::tr(key))
    }

    pub fn c(self, child: E) -> E {
        if !at(Some(&self), &|n| n.kids.push(Kid::Node(index(&child)))) {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    /// Appends children (a `Vec`, not any iterator: one copy of the code).
    pub fn cs(mut self, children: Vec<E>) -> E {
        for c in children {
            self = self.c(c);
        }
        self
    }

    /// Sets a form control's current value (inputs, text areas and selects).
    pub fn value(self, v: &str) -> E {
        set_value(&self.0, v);
        self
    }
}

/// `a` then `b` as one `String`: an element id or message key from its prefix and name
/// (`err-` + `me-name`, `cat_` + `known`). A `format!` builds its arguments' table at each of
/// the ~40 call sites and `[a, b].concat()` a slice of the two (measured larger in the fourth
/// pass); this is one call of two arguments, as the settings reader's `key_path` is.
#[inline(never)]
pub fn cat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// `a`, the number `n` in decimal, then `b`: a numbered id (`r-` 3 `-up`, `row-` 12) or a
/// length (`top: ` 480 `px`), without `format!`'s table of arguments at each site.
#[inline(never)]
pub fn cat_n(a: &str, n: usize, b: &str) -> String {
    let mut buf = [0u8; 20];
    let mut s = cat(a, notyet_core::json::decimal(n as u64, &mut buf));
    s.push_str(b);
    s
}

/// The property `name` of a JS object, `undefined` when it can't be read.
pub fn prop(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls the DOM method `name` of `target` with no arguments (`click`, `focus`, `showModal`,
/// `close`), through the `Function.prototype.call` binding the module has anyway: typed
/// web-sys calls would add a binding and a type check for each. Errors are ignored, as the
/// typed calls' were.
pub fn call(target: &JsValue, name: &str) {
    if let Ok(f) = prop(target, name).dyn_into::<js_sys::Function>() {
        let _ = f.call1(target, &JsValue::UNDEFINED);
    }
}

/// A form control's current value (inputs, text areas, selects), `""` for anything else. Read
/// as the `value` property: the same for every control, and no web-sys binding per element type.
pub fn value(el: &Element) -> String {
    prop(el, "value").as_string().unwrap_or_default()
}

/// Sets a form control's current value (only ever called on one).
pub fn set_value(el: &Element, v: &str) {
    let _ = js_sys::Reflect::set(el, &JsValue::from("value"), &JsValue::from(v));
}

/// Turns the control with `id` off (`disabled`) or on.
pub fn set_disabled(id: &str, off: bool) {
    if let Some(el) = by_id(id) {
        let _ = js_sys::Reflect::set(&el, &JsValue::from("disabled"), &JsValue::from(off));
    }
}

/// Whether a check box is ticked.
pub fn checked(el: &Element) -> bool {
    prop(el, "checked").is_truthy()
}

/// Text without bidi controls: one in a name carries on past it, and a page's U+202E (right-to-left
/// override) in "Kai \u{202e}Adler" turned the rest of the panel's line around ("Drafted a reply
/// to Kai enildaeh :nosaer) reldA", the options' "… · drafted today" likewise). Right-to-left
/// names read right without them: the browser orders each run by its letters.
pub fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    // Bidi embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if text.chars().any(bidi) {
        text.chars().filter(|&c| !bidi(c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// Replaces the text of the element with `id`.
pub fn set_text(id: &str, text: &str) {
    let text = &*plain(text);
    if at_id(id, &|n| n.kids = if text.is_empty() { Vec::new() } else { vec![Kid::Text(text.to_owned())] }) {
        return;
    }
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// Replaces the children of the element with `id`.
pub fn replace(id: &str, children: Vec<E>) {
    if at_id(id, &|n| n.kids = children.iter().map(|c| Kid::Node(index(c))).collect()) {
        return;
    }
    if let Some(el) = by_id(id) {
        el.set_text_content(None);
        for c in children {
            let _ = el.append_child(&c.0);
        }
    }
}

/// Sets the attribute `name` of the element with `id` to `value`, or removes it (`None`).
pub fn set_attribute(id: &str, name: &str, value: Option<&str>) {
    if at_id(id, &|n| n.set(name, value)) {
        return;
    }
    if let Some(el) = by_id(id) {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// A labelled `<select>` option.
pub fn option(value: &str, label: &str, selected: bool) -> E {
    E::new("option").a("value", value).flag("selected", selected).t(label)
}

/// Offers `text` as a JSON file named `file_name` to download (a Blob URL: nothing leaves the
/// machine) and returns the URL, which the caller revokes later: at once could cut the download
/// short. The link is attached while clicked, as Firefox downloads only from links in the document.
pub fn download_json(text: &str, file_name: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a = E::new("a").a("href", &url).a("download", file_name).flag("hidden", true);
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.append_child(&a.0);
        call(&a.0, "click");
        a.0.remove();
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids and lengths read as `format!` wrote them, the numbers' ends included.
    #[test]
    fn joined_ids_are_the_formatted_ones() {
        assert_eq!(cat("err-", "me-name"), format!("err-{}", "me-name"));
        for n in [0, 7, 10, 12, 480, 1_000_000, usize::MAX] {
            assert_eq!(cat_n("r-", n, "-up"), format!("r-{n}-up"));
            assert_eq!(cat_n("row-", n, ""), format!("row-{n}"));
        }
    }

    /// A page's bidi controls end with its text: none is left to run on into the words after it.
    #[test]
    fn page_text_loses_its_bidi_controls() {
        assert_eq!(plain("Kai \u{202e}Adler's invitation"), "Kai Adler's invitation");
        assert_eq!(plain("\u{2067}محمد\u{2069} \u{202a}x\u{202c}"), "محمد x");
        assert!(matches!(plain("Alex Adler"), std::borrow::Cow::Borrowed(_)));
    }

    /// Page text (a name, a note, a headline) in the HTML-string form stays text: nothing in it
    /// opens an element or an attribute, and `&amp;` is shown as written, not as `&`. (The
    /// builder itself needs the browser's numbers: tests/panel.test.mjs draws a hostile headline.)
    #[test]
    fn the_html_form_keeps_page_text_text() {
        let hostile = r#"<img src=x onerror="alert(1)"> &amp; 'Co'"#;
        let mut div = node("div");
        div.set("id", Some("a"));
        div.set("title", Some(hostile));
        div.set("data-none", Some(""));
        div.set("class", Some("row"));
        div.set("data-none", None);
        div.kids = vec![Kid::Text(hostile.into()), Kid::Node(2), Kid::Node(3)];
        let mut input = node("input");
        input.set("type", Some("checkbox"));
        let mut body = node("body");
        body.kids.push(Kid::Node(1));
        let mut out = String::new();
        inner(&[body, div, input, node("span")], 0, &mut out);
        let text = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;amp; 'Co'";
        assert_eq!(out, format!(r#"<div id="a" title="{text}" class="row">{text}<input type="checkbox"><span></span></div>"#));
        assert_eq!(find(&[node("body")], 0, "a"), None);
    }
}
