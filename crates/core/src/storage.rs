//! Where settings live: version migration and the split for `storage.sync`.
//!
//! `chrome.storage.local` key `"settings"` holds the settings document and is the source of
//! truth; the service worker reads it on each click. Two concerns sit between that document and
//! the options page, both pure data and so tested here natively:
//!
//! - **Migration** ([`migrate`]): a stored document carries `version`; older ones are brought
//!   forward one step at a time, and keys this NotYet doesn't know (written by a newer one) are
//!   kept on save ([`keep_unknown`]), so an update or a downgrade loses nothing.
//! - **Sync** ([`sync_items`], [`join_sync`]): `storage.sync` allows 8,192 bytes an item (key
//!   plus the value's JSON) and 102,400 in all. The compact settings JSON is cut into string
//!   chunks `settings.0`, `settings.1`, … under a `settings.meta` item that names their count
//!   and a checksum, so a half-synced set (some chunks from an older save) is recognised.

use serde_json::{Map, Value};

use crate::settings::{CURRENT_VERSION, KEYS as KNOWN_KEYS, RULES_LIMIT};

/// `storage.sync`'s quota for one item: its key's length plus its value's JSON, in bytes.
pub const SYNC_ITEM_LIMIT: usize = 8_192;
/// `storage.sync`'s quota for everything stored there.
pub const SYNC_TOTAL_LIMIT: usize = 102_400;
/// `storage.sync`'s most items.
pub const SYNC_MAX_ITEMS: usize = 512;
/// The sync item that describes the chunks.
pub const SYNC_META_KEY: &str = "settings.meta";

/// The key of sync chunk `i`.
pub fn sync_chunk_key(i: usize) -> String {
    format!("settings.{i}")
}

/// A stored document brought to [`CURRENT_VERSION`].
#[derive(Debug, Clone, PartialEq)]
pub struct Migrated {
    /// The document in the current format (still to be read by [`crate::Settings::from_json`]).
    pub value: Value,
    /// The version it was stored in: 0 for documents written before versions existed.
    pub from: u32,
    /// The stored document was no object (another program wrote it) and the defaults stand in
    /// for it: the options page says so in its own language (this was an English sentence).
    pub replaced: bool,
}

/// One migration step: turns a version-`i` document into a version-`i + 1` one. A step that
/// changes what the user wrote would add a typed note to [`Migrated`], worded by the page.
type Step = fn(&mut Map<String, Value>);

/// `STEPS[i]` migrates version `i` to `i + 1`; its length is [`CURRENT_VERSION`].
const STEPS: [Step; CURRENT_VERSION as usize] = [v0_to_v1];

/// Version 0: the options shell's raw JSON, the same keys without `version`. Only the stamp
/// changes, which is nothing a user needs to be told.
fn v0_to_v1(doc: &mut Map<String, Value>) {
    doc.insert("version".into(), Value::from(1));
}

/// Brings a stored settings document forward to the current version, step by step.
///
/// A document from a newer NotYet is left as it is (its known keys still read; [`keep_unknown`]
/// keeps the rest on save). Anything but an object (absent settings: `null`) becomes `{}`.
pub fn migrate(doc: Value) -> Migrated {
    let replaced = !doc.is_object() && !doc.is_null();
    let Value::Object(mut map) = doc else {
        return Migrated { value: Value::Object(Map::new()), from: CURRENT_VERSION, replaced };
    };
    if map.is_empty() {
        return Migrated { value: Value::Object(map), from: CURRENT_VERSION, replaced };
    }
    let from = match map.get("version") {
        None => 0,
        Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(CURRENT_VERSION),
    };
    for step in STEPS.iter().skip(from as usize) {
        step(&mut map);
    }
    Migrated { value: Value::Object(map), from, replaced }
}

/// The settings as the options page saves them: `fresh` (what this version writes) plus every
/// top-level key of `stored` that this version doesn't know, so that settings written by a
/// newer NotYet survive a save made with an older one; and after `fresh`'s rules, the stored
/// rules past the first [`RULES_LIMIT`] as they were written. An older NotYet kept any number:
/// reading uses the first ones, and the next save dropped the rest, rules the user typed.
pub fn keep_unknown(stored: &Value, fresh: Value) -> Value {
    let (Value::Object(old), Value::Object(mut new)) = (stored, fresh.clone()) else {
        return fresh;
    };
    for (k, v) in old {
        if !KNOWN_KEYS.contains(&k.as_str()) && !new.contains_key(k) {
            new.insert(k.clone(), v.clone());
        }
    }
    if let (Some(Value::Array(past)), Some(Value::Array(rules))) = (old.get("rules"), new.get_mut("rules")) {
        rules.extend(past.iter().skip(RULES_LIMIT).cloned());
    }
    Value::Object(new)
}

/// Settings too large for `storage.sync`: what they need and what it allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// Bytes the chunks would take, meta item included.
    pub needed: usize,
    /// [`SYNC_TOTAL_LIMIT`].
    pub limit: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the settings need {} bytes in sync storage, which holds {}", self.needed, self.limit)
    }
}

/// The bytes `storage.sync` counts for one item: the key plus the value's JSON.
pub fn sync_item_bytes(key: &str, value: &Value) -> usize {
    key.len() + serde_json::to_string(value).map_or(0, |s| s.len())
}

/// The bytes one character takes inside a JSON string: serde_json escapes exactly as
/// `JSON.stringify` does (quote, backslash, control characters; everything else as UTF-8).
fn escaped_len(c: char) -> usize {
    match c {
        '"' | '\\' | '\u{8}' | '\u{c}' | '\n' | '\r' | '\t' => 2,
        c if (c as u32) < 0x20 => 6,
        c => c.len_utf8(),
    }
}

/// FNV-1a over the text: a checksum that tells whether a set of chunks belongs together.
fn checksum(text: &str) -> String {
    format!("{:016x}", crate::fnv1a(text))
}

/// Splits a settings document into `storage.sync` items: `settings.meta` first, then the chunks.
/// `saved_at` (milliseconds since the epoch) goes into the meta item, so another device can tell
/// which copy is newer. Fails when the items would exceed the total quota or the item count.
pub fn sync_items(settings: &Value, saved_at: f64) -> Result<Vec<(String, Value)>, TooLarge> {
    let text = serde_json::to_string(settings).unwrap_or_else(|_| "{}".into());
    let mut chunks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for c in text.chars() {
        let key_len = sync_chunk_key(chunks.len()).len();
        // Two bytes for the string's quotes.
        if key_len + 2 + used + escaped_len(c) > SYNC_ITEM_LIMIT {
            chunks.push(std::mem::take(&mut current));
            used = 0;
        }
        used += escaped_len(c);
        current.push(c);
    }
    if !current.is_empty() || chunks.is_empty() {
        chunks.push(current);
    }
    // Built by inserts, not by `json!`, whose values go through `to_value` (serde_json's value
    // serialiser, which nothing else in the module needs).
    let mut meta = serde_json::Map::new();
    meta.insert("version".into(), CURRENT_VERSION.into());
    meta.insert("chunks".into(), chunks.len().into());
    meta.insert("sum".into(), checksum(&text).into());
    meta.insert("saved_at".into(), saved_at.into());
    let meta = Value::Object(meta);
    let mut items = vec![(SYNC_META_KEY.to_owned(), meta)];
    items.extend(chunks.into_iter().enumerate().map(|(i, c)| (sync_chunk_key(i), Value::String(c))));
    let needed: usize = items.iter().map(|(k, v)| sync_item_bytes(k, v)).sum();
    if needed > SYNC_TOTAL_LIMIT || items.len() > SYNC_MAX_ITEMS {
        return Err(TooLarge { needed, limit: SYNC_TOTAL_LIMIT });
    }
    Ok(items)
}

/// The chunk keys an earlier save left that a new one of `chunks` chunks no longer uses.
pub fn stale_chunk_keys(old_chunks: usize, chunks: usize) -> Vec<String> {
    (chunks..old_chunks).map(sync_chunk_key).collect()
}

/// What `storage.sync` holds, put back together.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    pub settings: Value,
    pub saved_at: f64,
    pub chunks: usize,
}

/// Why what `storage.sync` holds isn't one settings file. Data, not English sentences: the page
/// says it in the interface language (it showed these in English on a German page), and says
/// the same of each, since the user can do the same about each (wait for the other browser, or
/// save here again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncUnreadable {
    /// `settings.meta` names no chunk count, or more than [`SYNC_MAX_ITEMS`].
    BadCount,
    /// A chunk is missing (still syncing?).
    Missing,
    /// The chunks don't match their checksum: they belong to different saves (still syncing?).
    Mixed,
    /// The joined text isn't JSON.
    NotJson,
}

/// Joins the items read from `storage.sync` (an object of key → value). `Ok(None)` when nothing
/// was synced; an error when chunks are missing or belong to different saves (sync still in
/// progress from another device).
pub fn join_sync(items: &Value) -> Result<Option<Synced>, SyncUnreadable> {
    let Some(meta) = items.get(SYNC_META_KEY) else {
        return Ok(None);
    };
    let count = meta.get("chunks").and_then(Value::as_u64).filter(|&n| n as usize <= SYNC_MAX_ITEMS).ok_or(SyncUnreadable::BadCount)? as usize;
    let mut text = String::new();
    for i in 0..count {
        text.push_str(items.get(sync_chunk_key(i)).and_then(Value::as_str).ok_or(SyncUnreadable::Missing)?);
    }
    if meta.get("sum").and_then(Value::as_str) != Some(checksum(&text).as_str()) {
        return Err(SyncUnreadable::Mixed);
    }
    let settings = serde_json::from_str(&text).map_err(|_| SyncUnreadable::NotJson)?;
    Ok(Some(Synced { settings, saved_at: meta.get("saved_at").and_then(Value::as_f64).unwrap_or(0.0), chunks: count }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn to_map(items: &[(String, Value)]) -> Value {
        Value::Object(items.iter().cloned().collect())
    }

    fn total(items: &[(String, Value)]) -> usize {
        items.iter().map(|(k, v)| sync_item_bytes(k, v)).sum()
    }

    /// A settings document whose compact JSON is exactly `len` bytes, padded with `fill`.
    fn doc_of_len(len: usize, fill: &str) -> Value {
        let base = serde_json::to_string(&json!({ "version": 1, "sign_off": "" })).map_or(0, |s| s.len());
        let per = serde_json::to_string(fill).map_or(0, |s| s.len()) - 2;
        let n = (len - base) / per;
        let mut s: String = fill.repeat(n);
        while base + serde_json::to_string(&s).map_or(0, |x| x.len()) - 2 < len {
            s.push('a');
        }
        let v = json!({ "version": 1, "sign_off": s });
        assert_eq!(serde_json::to_string(&v).map_or(0, |s| s.len()), len);
        v
    }

    #[test]
    fn unversioned_settings_migrate_to_the_current_version() {
        let m = migrate(json!({ "me": { "name": "Pat" } }));
        assert_eq!(m.from, 0);
        assert_eq!(m.value["version"], json!(CURRENT_VERSION));
        assert_eq!(m.value["me"]["name"], "Pat");
        assert!(!m.replaced);
        let (s, problems) = crate::Settings::from_json(&m.value.to_string());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.me.name, "Pat");
    }

    #[test]
    fn current_and_newer_versions_are_left_alone() {
        let doc = json!({ "version": 1, "language": "de" });
        assert_eq!(migrate(doc.clone()), Migrated { value: doc, from: 1, replaced: false });
        let newer = json!({ "version": 7, "language": "de", "future": { "x": 1 } });
        let m = migrate(newer.clone());
        assert_eq!((m.value, m.from), (newer, 7));
    }

    #[test]
    fn absent_or_broken_documents_start_empty() {
        let m = migrate(Value::Null);
        assert_eq!((m.value, m.replaced), (json!({}), false), "no settings yet: nothing to say");
        for other in [json!("text"), json!([1]), json!(3), json!(true)] {
            let m = migrate(other.clone());
            assert_eq!((m.value, m.replaced), (json!({}), true), "{other}");
        }
    }

    #[test]
    fn a_save_keeps_keys_from_a_newer_version() {
        let stored = json!({ "version": 2, "language": "de", "future": [1, 2] });
        let fresh = json!({ "version": 1, "language": "fr" });
        assert_eq!(keep_unknown(&stored, fresh), json!({ "version": 1, "language": "fr", "future": [1, 2] }));
    }

    /// An older NotYet kept any number of rules; reading uses the first [`RULES_LIMIT`], and a
    /// save (of what was read, one rule removed here) dropped the rest: they follow the saved
    /// rules as written, a broken one too, and the next read still uses the first ones.
    #[test]
    fn a_save_keeps_the_stored_rules_past_the_limit_as_written() {
        let rule = |i: usize| json!({ "name": format!("Rule {i}"), "when": { "keywords": [format!("kw{i}")] }, "then": { "action": "reply" } });
        let mut rules: Vec<Value> = (0..RULES_LIMIT + 50).map(rule).collect();
        rules[RULES_LIMIT + 7] = json!({ "name": "typed, never read", "then": { "action": "shout" } });
        let stored = json!({ "version": 1, "rules": rules });
        let (mut read, _) = crate::Settings::from_json(&stored.to_string());
        assert_eq!(read.rules.len(), RULES_LIMIT);
        read.rules.remove(0);
        let fresh: Value = serde_json::from_str(&read.to_compact_json()).expect("JSON");
        let saved = keep_unknown(&stored, fresh);
        let saved_rules = saved["rules"].as_array().expect("rules");
        assert_eq!(saved_rules.len(), RULES_LIMIT + 49);
        assert_eq!(saved_rules[0]["name"], "Rule 1");
        assert_eq!(&saved_rules[RULES_LIMIT - 1..], &rules[RULES_LIMIT..]);
        let (again, _) = crate::Settings::from_json(&saved.to_string());
        assert_eq!((again.rules.len(), again.rules[RULES_LIMIT - 1].name.as_str()), (RULES_LIMIT, "Rule 100"));
        // At most the limit stored: nothing added (Clear's empty list stays empty).
        let few = json!({ "rules": [rule(0), rule(1)] });
        assert_eq!(keep_unknown(&few, json!({ "rules": [] })), json!({ "rules": [] }));
    }

    #[test]
    fn chunks_rejoin_and_every_item_fits() {
        for fill in ["a", "\"", "é", "€", "😀", "\n", "\u{1}", "a\u{1}é😀\"\\"] {
            for len in [30, 8_000, 8_170, 8_180, 8_192, 16_384, 40_000] {
                let doc = doc_of_len(len, fill);
                let items = sync_items(&doc, 5.0).unwrap_or_else(|e| panic!("{fill:?} {len}: {e}"));
                for (k, v) in &items {
                    assert!(sync_item_bytes(k, v) <= SYNC_ITEM_LIMIT, "{fill:?} {len}: {k} is {} bytes", sync_item_bytes(k, v));
                }
                let back = join_sync(&to_map(&items)).ok().flatten().map(|s| s.settings);
                assert_eq!(back.as_ref(), Some(&doc), "{fill:?} {len}");
            }
        }
    }

    #[test]
    fn chunks_are_filled_to_the_item_limit() {
        let items = sync_items(&doc_of_len(20_000, "a"), 0.0).unwrap_or_default();
        assert_eq!(sync_item_bytes(&items[1].0, &items[1].1), SYNC_ITEM_LIMIT);
        assert_eq!(items.len(), 1 + 3);
    }

    #[test]
    fn the_total_quota_is_met_to_the_byte() {
        // The largest document that fits, found by search; one byte more must not fit.
        let (mut lo, mut hi) = (1_000usize, 120_000usize);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if sync_items(&doc_of_len(mid, "a"), 0.0).is_ok() {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let fits = sync_items(&doc_of_len(lo, "a"), 0.0).unwrap_or_default();
        assert!(total(&fits) <= SYNC_TOTAL_LIMIT && total(&fits) > SYNC_TOTAL_LIMIT - 64, "{}", total(&fits));
        let err = sync_items(&doc_of_len(lo + 1, "a"), 0.0).err();
        assert!(matches!(err, Some(TooLarge { needed, limit: SYNC_TOTAL_LIMIT }) if needed > SYNC_TOTAL_LIMIT));
    }

    #[test]
    fn half_synced_sets_are_recognised() {
        let a = sync_items(&doc_of_len(20_000, "a"), 1.0).unwrap_or_default();
        let b = sync_items(&doc_of_len(20_000, "b"), 2.0).unwrap_or_default();
        let mut mixed = to_map(&a);
        mixed["settings.1"] = b[2].1.clone();
        assert_eq!(join_sync(&mixed), Err(SyncUnreadable::Mixed));
        let mut missing = to_map(&a);
        missing.as_object_mut().map(|m| m.remove("settings.2"));
        assert_eq!(join_sync(&missing), Err(SyncUnreadable::Missing));
        assert_eq!(join_sync(&json!({"settings.meta": {"chunks": 513}})), Err(SyncUnreadable::BadCount));
        assert_eq!(join_sync(&json!({"settings.meta": {"chunks": 1, "sum": checksum("{")}, "settings.0": "{"})), Err(SyncUnreadable::NotJson));
        assert_eq!(join_sync(&json!({})), Ok(None));
        assert_eq!(join_sync(&to_map(&b)).ok().flatten().map(|s| (s.saved_at, s.chunks)), Some((2.0, 3)));
    }

    #[test]
    fn stale_chunks_are_named() {
        assert_eq!(stale_chunk_keys(4, 2), vec!["settings.2", "settings.3"]);
        assert!(stale_chunk_keys(1, 3).is_empty());
    }
}
