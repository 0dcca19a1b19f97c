//! The few WebExtension APIs the page uses, bound by hand: `storage` (local, sync, session) and
//! `i18n`. The API object comes from `options.js` (Firefox's `browser` or Chrome's `chrome`),
//! so nothing here guesses which browser it runs in. Values cross as JSON text.

use js_sys::{Array, Promise, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `chrome` / `browser`.
    #[derive(Clone)]
    pub type Api;
    #[wasm_bindgen(method, getter)]
    pub fn storage(this: &Api) -> Storage;
    #[wasm_bindgen(method, getter)]
    pub fn i18n(this: &Api) -> I18n;
    /// `commands`: absent where the browser has none (Firefox for Android).
    #[wasm_bindgen(method, getter)]
    pub fn commands(this: &Api) -> Option<Commands>;

    pub type Commands;
    #[wasm_bindgen(method, catch, js_name = getAll)]
    fn get_all(this: &Commands) -> Result<Promise, JsValue>;

    pub type Storage;
    #[wasm_bindgen(method, getter)]
    pub fn local(this: &Storage) -> Area;
    #[wasm_bindgen(method, getter)]
    pub fn sync(this: &Storage) -> Option<Area>;
    #[wasm_bindgen(method, getter)]
    pub fn session(this: &Storage) -> Option<Area>;
    #[wasm_bindgen(method, getter, js_name = onChanged)]
    pub fn on_changed(this: &Storage) -> ChangeEvent;

    pub type Area;
    #[wasm_bindgen(method, catch)]
    fn get(this: &Area, keys: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn set(this: &Area, items: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn remove(this: &Area, keys: &JsValue) -> Result<Promise, JsValue>;

    pub type ChangeEvent;
    #[wasm_bindgen(method, js_name = addListener)]
    pub fn add_listener(this: &ChangeEvent, f: &js_sys::Function);

    pub type I18n;
    #[wasm_bindgen(method, js_name = getMessage)]
    fn get_message(this: &I18n, name: &str, substitutions: &JsValue) -> String;
    #[wasm_bindgen(method, js_name = getUILanguage)]
    pub fn ui_language(this: &I18n) -> String;
}

/// A storage failure, as the browser words it.
pub fn error_text(e: &JsValue) -> String {
    // `message` read as a property: an `Error`'s, or a `DOMException`'s, alike.
    crate::dom::prop(e, "message").as_string().or_else(|| e.as_string()).unwrap_or_else(|| "unknown error".into())
}

/// A JSON value as compact text. Every value goes through this one serialiser: `Display`
/// (`.to_string()`) or `to_string_pretty` would each link another copy of it (~2 KB gzipped).
pub fn text(json: &serde_json::Value) -> String {
    serde_json::to_string(json).unwrap_or_default()
}

fn to_js(json: &serde_json::Value) -> Result<JsValue, JsValue> {
    JSON::parse(&text(json))
}

/// A JSON value as indented text for a file, by the browser's `JSON.stringify(v, null, 2)`:
/// the same layout serde_json's pretty printer gives, without its code in the module.
pub fn pretty(json: &serde_json::Value) -> String {
    to_js(json)
        .and_then(|v| JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &JsValue::from_f64(2.0)))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

pub fn from_js(v: &JsValue) -> serde_json::Value {
    if v.is_undefined() {
        return serde_json::Value::Null;
    }
    // The same call as `pretty`'s, with no indent: one binding for both.
    JSON::stringify_with_replacer_and_space(v, &JsValue::NULL, &JsValue::UNDEFINED)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null)
}

impl Area {
    /// The items at `keys` (`null`: every item) as one JSON object.
    pub async fn read(&self, keys: &serde_json::Value) -> Result<serde_json::Value, String> {
        let p = self.get(&to_js(keys).map_err(|e| error_text(&e))?).map_err(|e| error_text(&e))?;
        JsFuture::from(p).await.map(|v| from_js(&v)).map_err(|e| error_text(&e))
    }

    /// Stores every key of `items` at once (one write operation towards sync's rate limits).
    pub async fn write(&self, items: &serde_json::Value) -> Result<(), String> {
        let p = self.set(&to_js(items).map_err(|e| error_text(&e))?).map_err(|e| error_text(&e))?;
        JsFuture::from(p).await.map(drop).map_err(|e| error_text(&e))
    }

    pub async fn delete(&self, keys: &[String]) -> Result<(), String> {
        let list: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
        let p = self.remove(&list).map_err(|e| error_text(&e))?;
        JsFuture::from(p).await.map(drop).map_err(|e| error_text(&e))
    }
}

impl I18n {
    /// The language tag of the locale the browser picked for the extension ("en", "de", "fr"):
    /// the one message the pages read from `_locales`, which holds only what the browser itself
    /// shows and the worker's own words; the pages' words are in the module ([`crate::messages`]).
    pub fn html_lang(&self) -> String {
        self.get_message("html_lang", &JsValue::UNDEFINED)
    }
}

/// The JSON of a storage change's new value (`chrome.storage.onChanged`), `Null` when removed.
pub fn change_value(changes: &JsValue, key: &str) -> Option<serde_json::Value> {
    let change = js_sys::Reflect::get(changes, &JsValue::from_str(key)).ok().filter(|c| !c.is_undefined())?;
    Some(js_sys::Reflect::get(&change, &JsValue::from_str("newValue")).map(|v| from_js(&v)).unwrap_or(serde_json::Value::Null))
}

impl Api {
    /// The keyboard shortcut of the toolbar button as the user set it (`"Alt+Shift+Y"`), `None`
    /// when they removed it. Read from the browser rather than the manifest: users change it.
    pub async fn action_shortcut(&self) -> Option<String> {
        let all = JsFuture::from(self.commands()?.get_all().ok()?).await.ok()?;
        let list = from_js(&all);
        let action = list
            .as_array()?
            .iter()
            .find(|c| matches!(c.get("name").and_then(serde_json::Value::as_str), Some("_execute_action" | "_execute_browser_action")))?;
        action.get("shortcut").and_then(serde_json::Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
    }
}
