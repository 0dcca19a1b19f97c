//! A small element builder over web-sys: enough to write the page as nested calls, with no
//! framework. Attribute errors (only possible for invalid names, which are all literals here)
//! are ignored rather than unwrapped.

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
    // Borrowed, not cloned: a clone is a call out to JS and back per lookup.
    DOC.with(|d| d.as_ref()?.get_element_by_id(id))
}

/// An element under construction.
pub struct E(pub Element);

impl E {
    pub fn new(tag: &str) -> E {
        match DOC.with(|d| d.as_ref()?.create_element(tag).ok()) {
            Some(el) => E(el),
            // Unreachable on a page; a detached stand-in keeps the builder total.
            None => E(js_sys::Object::new().unchecked_into()),
        }
    }

    pub fn a(self, name: &str, value: &str) -> E {
        let _ = self.0.set_attribute(name, value);
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
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends the interface text `key` (one call site per message instead of a `String` each).
    pub fn tr(self, key: &str) -> E {
        self.t(&crate::tr(key))
    }

    pub fn c(self, child: E) -> E {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends children (a `Vec`, not any iterator: one copy of the code).
    pub fn cs(self, children: Vec<E>) -> E {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Sets a form control's current value (inputs, text areas and selects).
    pub fn value(self, v: &str) -> E {
        set_value(&self.0, v);
        self
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
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// Replaces the children of the element with `id`.
pub fn replace(id: &str, children: Vec<E>) {
    if let Some(el) = by_id(id) {
        el.set_text_content(None);
        for c in children {
            let _ = el.append_child(&c.0);
        }
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
