//! A small element builder over web-sys: enough to write the page as nested calls, with no
//! framework. Attribute errors (only possible for invalid names, which are all literals here)
//! are ignored rather than unwrapped.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

thread_local! {
    static DOC: Option<Document> = web_sys::window().and_then(|w| w.document());
}

/// The page's document; `None` only outside a page (never on the options page).
pub fn document() -> Option<Document> {
    DOC.with(Clone::clone)
}

/// The element with `id`.
pub fn by_id(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

/// An element under construction.
pub struct E(pub Element);

impl E {
    pub fn new(tag: &str) -> E {
        match document().and_then(|d| d.create_element(tag).ok()) {
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
        if on { self.a(name, "") } else { self }
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
    pub fn tk(self, key: &str) -> E {
        self.t(&crate::tr(key))
    }

    pub fn c(self, child: E) -> E {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn cs(self, children: impl IntoIterator<Item = E>) -> E {
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

/// A form control's current value, `""` for anything else.
pub fn value(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

pub fn set_value(el: &Element, v: &str) {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_value(v);
    } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(v);
    } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.set_value(v);
    }
}

pub fn checked(el: &Element) -> bool {
    el.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked)
}

/// Replaces the text of the element with `id`.
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// Replaces the children of the element with `id`.
pub fn replace(id: &str, children: impl IntoIterator<Item = E>) {
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
