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
/// code, never by a second copy in the worker.
pub enum E {
    Dom(Element),
    Html(Node),
}

/// An element of the HTML-string form: its tag, attributes in the order set, children.
#[derive(Default)]
pub struct Node {
    tag: String,
    attrs: Vec<(String, String)>,
    kids: Vec<Kid>,
}

enum Kid {
    Text(String),
    Node(Node),
}

thread_local! {
    /// The HTML-string form's body while [`html`] renders; `None` otherwise (a page's DOM).
    static HTML: RefCell<Option<Node>> = const { RefCell::new(None) };
}

fn html_mode() -> bool {
    HTML.with(|h| h.borrow().is_some())
}

/// Runs `draw` with the HTML-string form as the document (the elements [`E`] makes, and those
/// [`set_text`], [`replace`] and [`set_attr`] find by id, are the form's), and returns what it
/// put in the body as HTML: text and attribute values escaped, so page text stays text.
pub fn html(draw: impl FnOnce()) -> String {
    HTML.with(|h| *h.borrow_mut() = Some(Node::default()));
    draw();
    let mut out = String::new();
    if let Some(body) = HTML.with(|h| h.borrow_mut().take()) {
        body.inner(&mut out);
    }
    out
}

/// Appends `child` to the body: the page's, or the HTML-string form's.
pub fn append_to_body(child: E) {
    match child {
        E::Dom(el) => {
            if let Some(body) = document().and_then(|d| d.body()) {
                let _ = body.append_child(&el);
            }
        }
        E::Html(n) => HTML.with(|h| {
            if let Some(body) = h.borrow_mut().as_mut() {
                body.kids.push(Kid::Node(n));
            }
        }),
    }
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

    fn find(&mut self, id: &str) -> Option<&mut Node> {
        if self.attrs.iter().any(|(k, v)| k == "id" && v == id) {
            return Some(self);
        }
        self.kids.iter_mut().find_map(|k| match k {
            Kid::Node(n) => n.find(id),
            Kid::Text(_) => None,
        })
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.tag);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            escape(v, out);
            out.push('"');
        }
        out.push('>');
        // The one void element the panel makes.
        if self.tag != "input" {
            self.inner(out);
            out.push_str("</");
            out.push_str(&self.tag);
            out.push('>');
        }
    }

    fn inner(&self, out: &mut String) {
        for k in &self.kids {
            match k {
                Kid::Text(t) => escape(t, out),
                Kid::Node(n) => n.write(out),
            }
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

/// Runs `f` on the HTML-string form's element with `id`; false when not rendering that form.
fn html_by_id(id: &str, f: impl FnOnce(&mut Node)) -> bool {
    HTML.with(|h| match h.borrow_mut().as_mut() {
        Some(body) => {
            if let Some(n) = body.find(id) {
                f(n);
            }
            true
        }
        None => false,
    })
}

impl E {
    pub fn new(tag: &str) -> E {
        if html_mode() {
            return E::Html(Node { tag: tag.to_owned(), ..Node::default() });
        }
        match DOC.with(|d| d.as_ref()?.create_element(tag).ok()) {
            Some(el) => E::Dom(el),
            // Unreachable on a page; a detached stand-in keeps the builder total.
            None => E::Dom(js_sys::Object::new().unchecked_into()),
        }
    }

    /// The page's element (`None` in the HTML-string form).
    pub fn dom(&self) -> Option<&Element> {
        match self {
            E::Dom(el) => Some(el),
            E::Html(_) => None,
        }
    }

    pub fn a(mut self, name: &str, value: &str) -> E {
        match &mut self {
            E::Dom(el) => {
                let _ = el.set_attribute(name, value);
            }
            E::Html(n) => n.set(name, Some(value)),
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
    pub fn t(mut self, text: &str) -> E {
        match &mut self {
            E::Dom(el) => {
                let _ = el.append_with_str_1(text);
            }
            E::Html(n) => n.kids.push(Kid::Text(text.to_owned())),
        }
        self
    }

    /// Appends the interface text `key` (one call site per message instead of a `String` each).
    pub fn tr(self, key: &str) -> E {
        self.t(&crate::tr(key))
    }

    pub fn c(mut self, child: E) -> E {
        match (&mut self, child) {
            (E::Dom(el), E::Dom(c)) => {
                let _ = el.append_child(&c);
            }
            (E::Html(n), E::Html(c)) => n.kids.push(Kid::Node(c)),
            _ => {}
        }
        self
    }

    /// Appends children (a `Vec`, not any iterator: one copy of the code).
    pub fn cs(self, children: Vec<E>) -> E {
        children.into_iter().fold(self, E::c)
    }

    /// Sets a form control's current value (inputs, text areas and selects); a page's only.
    pub fn value(self, v: &str) -> E {
        if let E::Dom(el) = &self {
            set_value(el, v);
        }
        self
    }
}

/// Appends `child` to a page's element.
pub fn append(parent: &Element, child: E) {
    if let E::Dom(c) = child {
        let _ = parent.append_child(&c);
    }
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

/// Replaces the text of the element with `id`.
pub fn set_text(id: &str, text: &str) {
    if html_by_id(id, |n| n.kids = if text.is_empty() { Vec::new() } else { vec![Kid::Text(text.to_owned())] }) {
        return;
    }
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// Replaces the children of the element with `id`.
pub fn replace(id: &str, children: Vec<E>) {
    if html_mode() {
        html_by_id(id, |n| n.kids = children.into_iter().filter_map(|c| if let E::Html(c) = c { Some(Kid::Node(c)) } else { None }).collect());
        return;
    }
    if let Some(el) = by_id(id) {
        el.set_text_content(None);
        for c in children {
            if let E::Dom(c) = c {
                let _ = el.append_child(&c);
            }
        }
    }
}

/// Sets the attribute `name` of the element with `id` to `value`, or removes it (`None`).
pub fn set_attr(id: &str, name: &str, value: Option<&str>) {
    if html_by_id(id, |n| n.set(name, value)) {
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
    if let (Some(body), Some(a)) = (document().and_then(|d| d.body()), a.dom()) {
        let _ = body.append_child(a);
        call(a, "click");
        a.remove();
    }
    Some(url)
}
