//! The page as the agent saw it: a compact tree of elements and text.
//!
//! The page agent (extension/agent.js) walks the live DOM, including open shadow roots and
//! same-origin iframes, and sends this tree as JSON. It keeps only the attributes that
//! [`ATTRIBUTES`] names, so the core decides what is worth reading, and the agent stays generic.
//! Shadow roots and frame documents appear as pseudo-elements (`#shadow-root`, `#document`)
//! under their host, so every reader walks one uniform tree.
//!
//! JSON shape: `{"url": "...", "title": "...", "lang": "de", "focus": 12, "root": ELEMENT}`, an
//! element an array `[tag, id?, {attributes}?, flags and children...]` whose children are texts
//! (strings) and elements (arrays). The id is left out where it is the previous element's id + 1
//! in document order, which it is for nearly every element of a first snapshot. Flags (numbers
//! anywhere after the id): `0` the page doesn't render the element (its content left out), `-1`
//! / `-2` content cut by the agent's depth / text limits. Arrays and implicit ids made the
//! benchmark's 300-invitation page 28% smaller (442,633 → 317,532 characters) than the earlier
//! objects with one-letter keys (`{"i": 1, "t": "p", "a": [...], "c": [...]}`), which still
//! parse: page reports saved in that shape read as before.

use crate::Find;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The attributes the agent copies: the ones the readers look at, and nothing else (style, ids,
/// test ids, image sources and alt texts, button types stay on the page). Dropping the fifteen
/// that nothing read made the 300-invitation snapshot smaller for the page-to-worker transfer.
pub const ATTRIBUTES: &[&str] = &[
    "class",
    "role",
    "href",
    "hidden",
    "inert",
    "contenteditable",
    "placeholder",
    "maxlength",
    "aria-label",
    "aria-hidden",
    "aria-expanded",
    // A checked category radio's count is the list's ("Verified (3)"), or a pressed filter chip's:
    // read::announced_count.
    "aria-checked",
    "aria-pressed",
    "data-placeholder",
    "componentkey",
    // The 2026 message bubble minimized (no classes to say so): read::composer.
    MINIMIZED,
];

/// The 2026 message bubble's mark of a minimized bubble, `="true"` (dsmorgan/netkeeper's notes on
/// its maintainer's capture of 2026-10-05: `"false"` on an open one; a minimized one keeps its composer, hidden, not
/// removed, so its draft survives).
pub const MINIMIZED: &str = "data-msg-overlay-conversation-bubble-is-minimized";

/// The elements whose rendering the agent asks the browser about (`checkVisibility()`): the
/// containers a page hides whole (tabs, lists, panels, dialogs, frames), list items and cards,
/// and message boxes. Not every element: asking about each button and role as well doubled the
/// 300-invitation page's snapshot (15 → 31 ms, the fastest of 15); an element inside a shown card
/// that the page hides by itself is rare, and the hidden attribute is seen everywhere.
pub const PROBE_TAGS: &[&str] = &["main", "section", "aside", "nav", "ul", "ol", "li", "article", "form", "dialog", "details", "iframe"];

/// `role` values that make an element worth asking about, as [`PROBE_TAGS`] do.
pub const PROBE_ROLES: &[&str] = &["list", "listitem", "tabpanel", "dialog", "region", "feed", "main", "complementary", "navigation"];

/// Attributes that make an element worth asking about: cards and message boxes.
pub const PROBE_ATTRIBUTES: &[&str] = &["componentkey", "contenteditable"];

/// The class fragments the reader looks for. The agent keeps only class names holding one of
/// them: the 2026 layout's hashed classes (`_175f6c4b`) say nothing and were a third of a big
/// page's snapshot. The native fixture tests read through the same filter ([`kept_classes`]).
pub const CLASS_PARTS: &[&str] = &[
    "invitation-card",
    "member-insights",
    "time-badge",
    "lt-line-clamp",
    "a11y-text",
    "sr-only",
    "visually-hidden",
    "text-body-medium",
    "msg-",
    "minimized",
    "collapsed",
    "focus",
    "is-active",
    "conversation-bubble",
    "header__title",
    "entity-title",
    "lockup__title",
    "placeholder",
];

/// The class names of `value` that the reader may look at (see [`CLASS_PARTS`]), or `None`.
pub fn kept_classes(value: &str) -> Option<String> {
    let kept: Vec<&str> = value.split_ascii_whitespace().filter(|w| CLASS_PARTS.iter().any(|p| w.has(p))).collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// A tag or attribute name. The names nearly every element has (the tags of [`TAGS`], the
/// attribute names of [`ATTRIBUTES`]) point into the module rather than owning a copy: a
/// 300-invitation page has 6,352 elements and 2,146 attributes: 8,500 allocations and frees
/// fewer, a plan 4% faster in WASM for 0.4 KB of zip (README, Performance).
pub type Name = std::borrow::Cow<'static, str>;

/// The tags parsed without a string of their own ([`Name`]): the ones a LinkedIn page is made of.
const TAGS: &[&str] = &["div", "p", "span", "a", "button", "li", "img", "strong", "br", "ul", "section", "h2", "h3", "b", "time", "form", "article"];

/// `name` as a [`Name`], borrowed when `known` holds it.
fn intern(name: &str, known: &[&'static str]) -> Name {
    known.iter().find(|k| **k == name).map_or_else(|| Name::Owned(name.to_owned()), |k| Name::Borrowed(k))
}

/// Elements whose content never says anything about an invitation.
pub const SKIPPED_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg", "head", "link", "meta", "canvas", "video", "audio", "picture"];

/// A page snapshot as sent by the agent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Snapshot {
    /// The page's address, as the browser reports it.
    #[serde(default)]
    pub url: String,
    /// `document.title`.
    #[serde(default)]
    pub title: String,
    /// The document element's `lang`, the interface language.
    #[serde(default)]
    pub lang: String,
    /// `<html>`, or an empty root for a page the agent could not read.
    #[serde(serialize_with = "serialize_root")]
    pub root: Node,
    /// The id of the element that has the keyboard focus (through open shadow roots and
    /// same-origin frames), when it is in the tree: the box the user is typing in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<u32>,
}

/// One element. `id` is the agent's handle for later calls (insert at this node).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Node {
    pub id: u32,
    /// Lower-case tag name, or `#shadow-root` / `#document`.
    pub tag: Name,
    /// Name/value pairs, in page order, limited to [`ATTRIBUTES`].
    pub attrs: Vec<(Name, String)>,
    pub children: Vec<Child>,
    /// The page does not render it (the `hidden` attribute, CSS `display: none`, a collapsed
    /// panel: the agent asks the browser with `checkVisibility()`); its content is left out.
    pub hidden: bool,
    /// Part of its content was left out by the agent's limits, and why.
    pub cut: Option<Cut>,
}

/// Why the agent left part of an element's content out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// Its children lie deeper than [`MAX_DEPTH`].
    Depth,
    /// A text in it was longer than [`MAX_TEXT`], or the page's text passed [`MAX_TOTAL_TEXT`].
    Text,
}

/// The most characters the agent copies of one text node. Above a message box's 8,000, so that
/// the user's own text in the box always comes whole.
pub const MAX_TEXT: u32 = 10_000;

/// The most characters of text the agent copies from a page in all: a page holding hundreds of
/// megabytes of text (one probe's 200 MB blocked the worker for 11 s) is read up to here, with
/// every element, attribute and control still copied. 300 invitations hold about 120,000.
pub const MAX_TOTAL_TEXT: u32 = 2_000_000;

/// The most characters the agent copies of one attribute value (a name or a label is far shorter).
pub const MAX_ATTRIBUTE: u32 = 2_000;

/// A child: an element or a run of text (whitespace-only runs are dropped by the agent).
#[derive(Debug, Clone, PartialEq)]
pub enum Child {
    Element(Node),
    Text(String),
}

/// Tags that start a new line when text is flattened, as `innerText` would.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "form",
    "blockquote",
    "pre",
    "tr",
    "table",
    "dd",
    "dt",
    "nav",
    "aside",
];

impl Node {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Whether the `class` attribute holds `class` as a whole word.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|w| w == class))
    }

    /// Whether some class starts with `prefix` (e.g. `invitation-card`).
    pub fn has_class_prefix(&self, prefix: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|w| w.starts_with(prefix)))
    }

    /// Child elements, skipping text.
    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// This node and all below it, depth first in page order (shadow roots and frames included).
    pub fn descendants(&self) -> Descendants<'_> {
        Descendants { stack: vec![self] }
    }

    /// The first node below (or equal to) this one that matches.
    pub fn find(&self, mut pred: impl FnMut(&Node) -> bool) -> Option<&Node> {
        self.descendants().find(|n| pred(n))
    }

    /// The node with agent id `id`.
    pub fn by_id(&self, id: u32) -> Option<&Node> {
        self.find(|n| n.id == id)
    }

    /// All text below, whitespace folded to single spaces and trimmed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out, false);
        fold_whitespace(&out)
    }

    /// Text below with line breaks where blocks and `<br>` are, like `innerText`;
    /// spaces within a line are folded, and lines are trimmed. Empty paragraphs stay as empty lines.
    pub fn lines(&self) -> Vec<String> {
        let mut out = String::new();
        self.push_text(&mut out, true);
        let mut lines: Vec<String> = out.split('\n').map(fold_whitespace).collect();
        // Leading and trailing empty lines are layout, not content.
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
        lines.drain(..start);
        lines
    }

    fn push_text(&self, out: &mut String, breaks: bool) {
        let block = breaks && BLOCK_TAGS.contains(&&*self.tag);
        if block && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if self.tag == "br" {
            out.push(if breaks { '\n' } else { ' ' });
            return;
        }
        for child in &self.children {
            match child {
                Child::Text(t) => out.push_str(t),
                Child::Element(n) => {
                    if !breaks {
                        // Adjacent blocks must not glue words together.
                        out.push(' ');
                    }
                    n.push_text(out, breaks);
                }
            }
        }
        if block && !out.ends_with('\n') {
            out.push('\n');
        }
    }
}

/// Runs of white space (including no-break spaces) become one space; ends are trimmed.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_folded(&mut out, &mut false, s);
    out
}

/// Appends `t` to `out` with its runs of white space folded to one space. `pending` is a space
/// owed from before (text that ended in white space), paid before the next word and only after
/// some text; it is left set when `t` ends in white space.
///
/// Words with one plain space between them are copied as one run: copying a word at a time
/// (and its space) was most of folding a note, in the size-optimized module.
pub(crate) fn push_folded(out: &mut String, pending: &mut bool, t: &str) {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let space = space_at(t, i);
        if space > 0 {
            *pending = !out.is_empty();
            i += space;
            continue;
        }
        let start = i;
        let mut end = i;
        while i < b.len() {
            // A run of visible ASCII (most text) in a tight byte loop: half the instructions of
            // asking `space_at` per byte (callgrind, a 300-invitation page: 3.35 → 2.32 M instructions).
            if (b'!'..=b'~').contains(&b[i]) {
                i += 1;
                end = i;
            } else if space_at(t, i) == 0 {
                i += char_len(b[i]);
                end = i;
            } else if b[i] == b' ' && i + 1 < b.len() && space_at(t, i + 1) == 0 {
                // One plain space between two words stays in the run.
                i += 1;
            } else {
                break;
            }
        }
        if *pending {
            out.push(' ');
            *pending = false;
        }
        out.push_str(t.get(start..end).unwrap_or(""));
    }
}

/// The length in bytes of the white space character (as `char::is_whitespace` has it) at byte
/// `i` of `s`, or 0 when there is none there; `i` is on a character boundary. Byte by byte and
/// inlined: std's `split(char::is_whitespace)` decoded every character through a call in the
/// size-optimized module, and folding text that way was a third of reading a 300-invitation page.
#[inline(always)]
pub(crate) fn space_at(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b' ' | b'\t'..=b'\r' => 1,
        b if b < 0x80 => 0,
        _ => wide_space_at(s, i),
    }
}

/// [`space_at`] past ASCII: no-break and other wide spaces.
#[inline(never)]
fn wide_space_at(s: &str, i: usize) -> usize {
    s.get(i..).and_then(|r| r.chars().next()).filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
}

/// The length in bytes of the character whose first byte is `b`.
#[inline(always)]
pub(crate) fn char_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xf0.. => 4,
        0xe0.. => 3,
        _ => 2,
    }
}

/// Depth-first iterator over a subtree.
pub struct Descendants<'a> {
    stack: Vec<&'a Node>,
}

impl<'a> Iterator for Descendants<'a> {
    type Item = &'a Node;
    fn next(&mut self) -> Option<&'a Node> {
        let node = self.stack.pop()?;
        // Straight onto the stack, last child first: no list of the children on the way.
        self.stack.extend(node.children.iter().rev().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        }));
        Some(node)
    }
}

// Hand-written serde: the compact shape needs it, and `#[serde(untagged)]` for the
// string-or-element children would buffer every node twice (on a 300-invitation page that
// doubled the parse time).
//
// Written as arrays (see the module's doc); read in both shapes, so that page reports saved in
// the earlier object shape still read.
impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        seq.serialize_element(&self.tag)?;
        // The id only where it isn't the previous element's id + 1 (document order).
        let implicit = LAST_ID.with(|last| last.replace(self.id)).wrapping_add(1);
        if self.id != implicit {
            seq.serialize_element(&self.id)?;
        }
        if !self.attrs.is_empty() {
            seq.serialize_element(&Attributes(&self.attrs))?;
        }
        if self.hidden {
            seq.serialize_element(&FLAG_HIDDEN)?;
        }
        match self.cut {
            Some(Cut::Depth) => seq.serialize_element(&FLAG_CUT_DEPTH)?,
            Some(Cut::Text) => seq.serialize_element(&FLAG_CUT_TEXT)?,
            None => {}
        }
        for child in &self.children {
            seq.serialize_element(child)?;
        }
        seq.end()
    }
}

/// An element's attributes as one JSON object, name → value in page order.
struct Attributes<'a>(&'a [(Name, String)]);

impl Serialize for Attributes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The numbers after an element's tag that are flags, not its id.
const FLAG_HIDDEN: i64 = 0;
const FLAG_CUT_DEPTH: i64 = -1;
const FLAG_CUT_TEXT: i64 = -2;

impl Serialize for Child {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Child::Text(t) => s.serialize_str(t),
            Child::Element(n) => n.serialize(s),
        }
    }
}

/// Read by hand with the derived reader's rules (`url`, `title`, `lang` and `focus` taking their
/// defaults when missing, `root` needed, a field twice or of the wrong type an error at the same
/// place, another field passed over): the derived reader, inlined into every reading of a
/// snapshot with its array form and its field names read as text, bytes and numbers: −2,152 B
/// raw, −571 B on each zip, a click's plan at 300 invitations the same instructions (1 Dec 2026;
/// README, WASM size). One difference, never sent: the array form isn't read. A unit test holds
/// the two to the same answer and error (its kind and place, what a failed click shows).
impl<'de> Deserialize<'de> for Snapshot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Snapshot;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("struct Snapshot")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Snapshot, A::Error> {
                const NAMES: &[&str] = &["url", "title", "lang", "root", "focus"];
                let mut s = Snapshot::default();
                let (mut seen, mut root) = ([false; 5], false);
                while let Some(i) = map.next_key_seed(crate::panel::Field(NAMES))? {
                    if let Some(seen) = seen.get_mut(i) {
                        if std::mem::replace(seen, true) {
                            return Err(de::Error::duplicate_field(NAMES[i]));
                        }
                    }
                    match i {
                        0 => s.url = map.next_value()?,
                        1 => s.title = map.next_value()?,
                        2 => s.lang = map.next_value()?,
                        3 => {
                            s.root = map.next_value()?;
                            root = true;
                        }
                        4 => s.focus = map.next_value()?,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                if !root {
                    return Err(de::Error::missing_field("root"));
                }
                Ok(s)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

impl<'de> Deserialize<'de> for Child {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ChildVisitor)
    }
}

/// How deep the agent copies the page: deeper elements are left out (no page that matters nests
/// this deep, and a hostile one must not exhaust the stack).
pub const MAX_DEPTH: u32 = 192;

/// What the agent copies from a page, as the JSON it is sent (`{"attributes", "skip",
/// "max_depth", "class_parts", "probe": {"tags", "roles", "attributes"}, "max_text",
/// "max_total_text", "max_attribute"}`): the lists and bounds above, written out once as text so
/// that the module holds no code to serialize them (a unit test keeps the two the same).
pub const REQUEST: &str = concat!(
    r#"{"attributes":["class","role","href","hidden","inert","contenteditable","placeholder","maxlength","aria-label","aria-hidden","#,
    r#""aria-expanded","aria-checked","aria-pressed","data-placeholder","componentkey","data-msg-overlay-conversation-bubble-is-minimized"],"#,
    r#""skip":["script","style","noscript","template","svg","head","link","meta","canvas","video","audio","picture"],"#,
    r#""max_depth":192,"#,
    r#""class_parts":["invitation-card","member-insights","time-badge","lt-line-clamp","a11y-text","sr-only","visually-hidden","#,
    r#""text-body-medium","msg-","minimized","collapsed","focus","is-active","conversation-bubble","header__title","entity-title","#,
    r#""lockup__title","placeholder"],"#,
    r#""probe":{"tags":["main","section","aside","nav","ul","ol","li","article","form","dialog","details","iframe"],"#,
    r#""roles":["list","listitem","tabpanel","dialog","region","feed","main","complementary","navigation"],"#,
    r#""attributes":["componentkey","contenteditable"]},"#,
    r#""max_text":10000,"max_total_text":2000000,"max_attribute":2000}"#,
);

/// The parser's own bound, above [`MAX_DEPTH`] so that a snapshot from the agent always parses.
const MAX_PARSE_DEPTH: u32 = MAX_DEPTH + 64;

std::thread_local! {
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The id of the element read or written last: an element without an id of its own has
    /// this + 1. Reset where a tree starts (its root, at depth 1).
    static LAST_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Counts nesting while a node is parsed; `None` past [`MAX_PARSE_DEPTH`].
struct DepthGuard;

impl DepthGuard {
    fn enter() -> Option<DepthGuard> {
        let depth = DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        if depth == 1 {
            LAST_ID.with(|last| last.set(0));
        }
        let guard = DepthGuard;
        (depth <= MAX_PARSE_DEPTH).then_some(guard)
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// A tree's root: its elements' implicit ids count from here.
fn serialize_root<S: Serializer>(root: &Node, s: S) -> Result<S::Ok, S::Error> {
    LAST_ID.with(|last| last.set(0));
    root.serialize(s)
}

struct NodeVisitor;

/// One item of an element's array after its tag, read straight into the element (`node`): an
/// id or a flag (a number), the attributes (an object), or a child (a text or an element).
/// Returned as a value, each item moved its element (88 bytes) through three results on the
/// way up: the side panel's first list at 300 invitations 29.64 → 28.94 M instructions
/// (callgrind), and the module 394 B smaller.
struct ItemSeed<'a> {
    node: &'a mut Node,
    /// The item comes right after the tag: a positive number there is the element's id.
    first: bool,
}

/// What an item was read as: `Err` names a number out of place, raised once serde_json has
/// passed the item (where the error's position always pointed).
type Placed = Result<(), &'static str>;

impl<'de> de::DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = Placed;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Placed, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_> {
    type Value = Placed;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id or flag, the attributes, a text or an element")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Placed, E> {
        let node = self.node;
        match v {
            // The id comes first, before any child takes the next one.
            id if id > 0 && self.first => match u32::try_from(id) {
                Ok(id) => {
                    node.id = id;
                    LAST_ID.with(|last| last.set(id));
                }
                Err(_) => return Ok(Err("an element id out of range")),
            },
            FLAG_HIDDEN => node.hidden = true,
            FLAG_CUT_DEPTH => node.cut = Some(Cut::Depth),
            FLAG_CUT_TEXT => node.cut = Some(Cut::Text),
            _ => return Ok(Err("a number out of place in an element")),
        }
        Ok(Ok(()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Placed, E> {
        self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Placed, E> {
        self.node.children.push(Child::Text(v.to_owned()));
        Ok(Ok(()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Placed, E> {
        self.node.children.push(Child::Text(v));
        Ok(Ok(()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Placed, A::Error> {
        let child = NodeVisitor.visit_seq(seq)?;
        self.node.children.push(Child::Element(child));
        Ok(Ok(()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Placed, A::Error> {
        while let Some(k) = map.next_key_seed(NameSeed(ATTRIBUTES))? {
            self.node.attrs.push((k, map.next_value()?));
        }
        Ok(Ok(()))
    }
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an element [tag, ...]")
    }
    /// `[tag, id?, {attributes}?, flags..., children...]`: the shape the agent sends.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let _depth = DepthGuard::enter().ok_or_else(|| de::Error::custom(format!("the page nests more than {MAX_PARSE_DEPTH} elements deep")))?;
        let tag = seq.next_element_seed(NameSeed(TAGS))?.ok_or_else(|| de::Error::custom("an element without a tag"))?;
        let mut node = Node { tag, id: LAST_ID.with(|last| last.get()).wrapping_add(1), ..Node::default() };
        LAST_ID.with(|last| last.set(node.id));
        let mut first = true;
        while let Some(placed) = seq.next_element_seed(ItemSeed { node: &mut node, first })? {
            placed.map_err(de::Error::custom)?;
            first = false;
        }
        Ok(node)
    }
    /// `{"i": id, "t": tag, "a": [name, value, ...], "c": [...], "h": 1, "x": 1|2}`: the shape
    /// before the arrays, which page reports saved then still have.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let _depth = DepthGuard::enter().ok_or_else(|| de::Error::custom(format!("the page nests more than {MAX_PARSE_DEPTH} elements deep")))?;
        let mut node = Node::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "i" => {
                    node.id = map.next_value()?;
                    LAST_ID.with(|last| last.set(node.id));
                }
                "t" => node.tag = map.next_value_seed(NameSeed(TAGS))?,
                "a" => {
                    let flat: Vec<String> = map.next_value()?;
                    if flat.len() % 2 != 0 {
                        return Err(de::Error::custom("attributes must come in name/value pairs"));
                    }
                    let mut it = flat.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        node.attrs.push((intern(&k, ATTRIBUTES), v));
                    }
                }
                "c" => node.children = map.next_value()?,
                "h" => node.hidden = map.next_value::<u8>()? != 0,
                "x" => {
                    node.cut = match map.next_value::<u8>()? {
                        1 => Some(Cut::Depth),
                        0 => None,
                        _ => Some(Cut::Text),
                    }
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(node)
    }
}

/// Reads a tag or attribute name as a [`Name`], borrowed when one of `.0`: serde's own `Cow`
/// always copies.
struct NameSeed(&'static [&'static str]);

impl<'de> de::DeserializeSeed<'de> for NameSeed {
    type Value = Name;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Name, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for NameSeed {
    type Value = Name;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
        Ok(intern(v, self.0))
    }
}

struct ChildVisitor;

impl<'de> Visitor<'de> for ChildVisitor {
    type Value = Child;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text string or an element")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Child, E> {
        Ok(Child::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Child, E> {
        Ok(Child::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Child, A::Error> {
        NodeVisitor.visit_seq(seq).map(Child::Element)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Child, A::Error> {
        NodeVisitor.visit_map(map).map(Child::Element)
    }
}

/// `json` with every lone UTF-16 surrogate escape replaced by `\ufffd` (serde_json refuses
/// them in strings). Hand-written: one pass, and none at all when no `\ud` escape is present.
pub fn well_formed(json: &str) -> std::borrow::Cow<'_, str> {
    let bytes = json.as_bytes();
    // What follows each backslash, found by a character search (word at a time), rather than a
    // look at every byte of the page: 3% of a 300-invitation click did only this.
    let has_escape = json.split('\\').skip(1).any(|after| after.len() >= 2 && after.as_bytes()[0] == b'u' && (after.as_bytes()[1] | 0x20) == b'd');
    if !has_escape {
        return std::borrow::Cow::Borrowed(json);
    }
    // The code unit of a `\uXXXX` escape starting at byte `at`, if it is one.
    let unit = |at: usize| -> Option<u16> {
        let hex = bytes.get(at + 2..at + 6)?;
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u')).then_some(())?;
        hex.iter().try_fold(0u16, |v, &b| Some(v << 4 | (b as char).to_digit(16)? as u16))
    };
    let mut out = String::with_capacity(json.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF) if unit(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            // Any other escape: skip it whole, so that `\\` never looks like the start of one.
            _ => i += 2,
        }
    }
    out.push_str(&json[copied..]);
    std::borrow::Cow::Owned(out)
}

/// What kind of JSON error `e` is, in English words, for the CLI: the words of
/// [`crate::words::JsonError`], which the pages say in the interface language. serde_json's own
/// `Display` would link its table of messages and std::io's error names, about 2 KB gzipped.
pub fn json_error_kind(e: &serde_json::Error) -> &'static str {
    crate::words::JsonError::of(e).words(crate::words::Ui::En)
}

impl Snapshot {
    /// Parses the agent's JSON.
    ///
    /// serde_json's own nesting limit (128 levels, 64 elements here) is lifted: real pages nest
    /// deeper than that. [`MAX_DEPTH`] bounds the recursion instead, well within the WASM stack.
    ///
    /// A lone UTF-16 surrogate escape (`\ud83d`, which `JSON.stringify` writes for an emoji cut
    /// in half) becomes U+FFFD: one broken character must not make a whole page unreadable.
    pub fn from_json(json: &str) -> Result<Snapshot, serde_json::Error> {
        let json = well_formed(json);
        let mut de = serde_json::Deserializer::from_str(&json);
        de.disable_recursion_limit();
        let snapshot = Snapshot::deserialize(&mut de)?;
        de.end()?;
        Ok(snapshot)
    }

    /// Whether the agent left part of the page out for nesting deeper than [`MAX_DEPTH`]: what
    /// was looked for and not found may be there. Asked only when nothing was found.
    pub fn cut_deep(&self) -> bool {
        self.root.descendants().any(|n| n.cut == Some(Cut::Depth))
    }
}

#[cfg(test)]
mod tests {
    /// [`REQUEST`](super::REQUEST) says what the lists and bounds say.
    #[test]
    fn the_request_is_the_lists_and_bounds() {
        use super::*;
        let want = serde_json::json!({
            "attributes": ATTRIBUTES, "skip": SKIPPED_TAGS, "max_depth": MAX_DEPTH, "class_parts": CLASS_PARTS,
            "probe": {"tags": PROBE_TAGS, "roles": PROBE_ROLES, "attributes": PROBE_ATTRIBUTES},
            "max_text": MAX_TEXT, "max_total_text": MAX_TOTAL_TEXT, "max_attribute": MAX_ATTRIBUTE,
        });
        let request: serde_json::Value = serde_json::from_str(REQUEST).expect("the request is JSON");
        assert_eq!(request, want, "write the lists' changes into REQUEST too");
    }

    use super::*;

    #[test]
    fn the_snapshot_reads_as_the_derived_reader_read_it() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Derived {
            #[serde(default)]
            url: String,
            #[serde(default)]
            title: String,
            #[serde(default)]
            lang: String,
            root: Node,
            #[serde(default)]
            focus: Option<u32>,
        }
        let cases = [
            r#"{"url":"u","title":"t","lang":"de","root":["html",1,["p","x"]],"focus":3}"#,
            r#"{"root":{"i":1,"t":"html"}}"#,
            r#"{"root":{"i":1,"t":"html"},"focus":null,"other":{"a":[1,2]},"url":"\u0075"}"#,
            r#"{"r\u006fot":{"i":1,"t":"html"}}"#,
            r#"{"url":"u"}"#,
            r#"{}"#,
            r#"{"url":null,"root":{"i":1,"t":"html"}}"#,
            r#"{"url":5,"root":{"i":1,"t":"html"}}"#,
            r#"{"focus":-1,"root":{"i":1,"t":"html"}}"#,
            r#"{"focus":"3","root":{"i":1,"t":"html"}}"#,
            r#"{"root":{"i":1,"t":"html"},"root":{"i":1,"t":"html"}}"#,
            r#"{"url":"a","url":"b","root":{"i":1,"t":"html"}}"#,
            r#"{"root":null}"#,
            r#"{"root":["p","x",5]}"#,
            r#"{"root":{"i":1,"t":"html"}"#,
            r#"{"root":{"i":1,"t":"html"}} x"#,
            "null",
            "3",
            "\"root\"",
            "",
        ];
        for case in cases {
            let derived = serde_json::from_str::<Derived>(case);
            let by_hand = Snapshot::from_json(case);
            match (&derived, &by_hand) {
                (Ok(d), Ok(h)) => {
                    assert_eq!((&d.url, &d.title, &d.lang, &d.root, d.focus), (&h.url, &h.title, &h.lang, &h.root, h.focus), "{case}")
                }
                (Err(d), Err(h)) => assert_eq!((d.classify(), d.line(), d.column()), (h.classify(), h.line(), h.column()), "{case}: {d} / {h}"),
                _ => panic!("{case}: {derived:?} / {by_hand:?}"),
            }
        }
        // The one difference: the struct's array form, which the agent never sends (an array is
        // an error of the same kind, said at its start).
        assert!(serde_json::from_str::<Derived>(r#"["u","t","en",{"i":1,"t":"html"}]"#).is_ok());
        assert_eq!(Snapshot::from_json("[]").map_err(|e| e.classify()).err(), Some(serde_json::error::Category::Data));
        assert!(Snapshot::from_json(r#"["u","t","en",{"i":1,"t":"html"}]"#).is_err());
    }

    #[test]
    fn parses_deep_pages_and_refuses_absurd_ones() {
        let nest = |depth: usize| {
            let mut json = String::from(r#"{"url":"u","root":"#);
            for i in 0..depth {
                json.push_str(&format!(r#"["div",{},"x","#, i + 1));
            }
            json.push_str(r#"["p"]"#);
            for _ in 0..depth {
                json.push(']');
            }
            json.push('}');
            json
        };
        // Debug builds use far bigger stack frames than the release WASM: give them room.
        let run = std::thread::Builder::new().stack_size(64 << 20).spawn(move || {
            let deep = Snapshot::from_json(&nest(MAX_DEPTH as usize)).expect("a page as deep as the agent copies parses");
            assert_eq!(deep.root.descendants().count(), MAX_DEPTH as usize + 1);
            assert!(Snapshot::from_json(&nest(10 * MAX_DEPTH as usize)).is_err());
            // The guard unwinds on error: a normal page still parses afterwards.
            assert!(Snapshot::from_json(&nest(3)).is_ok());
        });
        run.expect("spawns").join().expect("no panic");
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let json = r#"{"url":"u","title":"a\ud83d","root":["p",{"title":"\uDE00x"},"ok \ud83d\ude00 \\ud83d end\ud83d"]}"#;
        let s = Snapshot::from_json(json).expect("a broken emoji does not fail the page");
        assert_eq!(s.title, "a\u{fffd}");
        assert_eq!(s.root.attr("title"), Some("\u{fffd}x"));
        assert_eq!(s.root.text(), "ok \u{1f600} \\ud83d end\u{fffd}");
        assert!(matches!(well_formed(r#"{"a":"\u00e9"}"#), std::borrow::Cow::Borrowed(_)));
        // Whether an escape is looked for at all: as the earlier look at every three bytes.
        let by_windows = |j: &str| j.as_bytes().windows(3).any(|w| w[0] == b'\\' && w[1] == b'u' && (w[2] | 0x20) == b'd');
        for j in [r#""\ud83d""#, r#""\uD800""#, r#""\\ud""#, r#""\u00e9""#, r#""\ud"#, r#""\u"#, "\\", r#""x\"\n\uDe""#, "plain", ""] {
            assert_eq!(matches!(well_formed(j), std::borrow::Cow::Owned(_)), by_windows(j), "{j}");
        }
    }

    #[test]
    fn round_trips_and_flattens_text() {
        let json = r#"{"url":"https://x/","title":"","lang":"","root":["div",{"class":"a b"},"Hello ",["strong","World"],["p","line",["br"],"two"]]}"#;
        let s = Snapshot::from_json(json).expect("parses");
        assert!(s.root.has_class("b"));
        assert_eq!(s.root.text(), "Hello World line two");
        assert_eq!(s.root.lines(), vec!["Hello World", "line", "two"]);
        let ids: Vec<u32> = s.root.descendants().map(|n| n.id).collect();
        assert_eq!(ids, [1, 2, 3, 4], "implicit ids count in document order from 1");
        let back = serde_json::to_string(&s).expect("serializes");
        assert_eq!(back, json, "written as read");
        assert_eq!(Snapshot::from_json(&back).expect("reparses"), s);
    }

    #[test]
    fn ids_flags_and_attributes() {
        // A later snapshot: ids kept from the first, new elements numbered after them.
        let json = r#"{"url":"u","focus":41,"root":["html",7,{"lang":"de","class":"x"},["body",["div",40,0],["div",-1],["p",-2,"cut"],["main",["li",90,"a"],["li","b"]]]]}"#;
        let s = Snapshot::from_json(json).expect("parses");
        let nodes: Vec<(u32, &str, bool, Option<Cut>)> = s.root.descendants().map(|n| (n.id, &*n.tag, n.hidden, n.cut)).collect();
        assert_eq!(
            nodes,
            [
                (7, "html", false, None),
                (8, "body", false, None),
                (40, "div", true, None),
                (41, "div", false, Some(Cut::Depth)),
                (42, "p", false, Some(Cut::Text)),
                (43, "main", false, None),
                (90, "li", false, None),
                (91, "li", false, None),
            ]
        );
        assert_eq!(s.root.attrs, [("lang".into(), "de".to_owned()), ("class".into(), "x".to_owned())]);
        assert_eq!(s.focus, Some(41));
        assert_eq!(Snapshot::from_json(&serde_json::to_string(&s).expect("serializes")).expect("reparses"), s);
        // A number after a child is no id: refused rather than guessed.
        assert!(Snapshot::from_json(r#"{"url":"u","root":["p","x",5]}"#).is_err());
        assert!(Snapshot::from_json(r#"{"url":"u","root":[]}"#).is_err());
        assert!(Snapshot::from_json(r#"{"url":"u","root":["p",{"a":1}]}"#).is_err());
    }

    /// Known names are borrowed, others owned; either way the node reads and writes the same.
    #[test]
    fn names_borrowed_or_owned_read_alike() {
        let json = r#"{"url":"u","title":"","lang":"","root":["div",{"role":"list","data-x":"1"},["x-card",{"aria-label":"A"},"t"],["p"]]}"#;
        let s = Snapshot::from_json(json).expect("parses");
        let borrowed = |n: &Name| matches!(n, Name::Borrowed(_));
        let tags: Vec<(&str, bool)> = s.root.descendants().map(|n| (&*n.tag, borrowed(&n.tag))).collect();
        assert_eq!(tags, [("div", true), ("x-card", false), ("p", true)]);
        let names: Vec<(&str, bool)> = s.root.descendants().flat_map(|n| n.attrs.iter().map(|(k, _)| (&**k, borrowed(k)))).collect();
        assert_eq!(names, [("role", true), ("data-x", false), ("aria-label", true)]);
        assert_eq!(s.root.attr("data-x"), Some("1"));
        let owned =
            Node { tag: Name::Owned("div".into()), attrs: vec![(Name::Owned("role".into()), "list".into()), ("data-x".into(), "1".into())], ..s.root.clone() };
        assert_eq!(owned, s.root, "a borrowed name equals the same name owned");
        assert_eq!(serde_json::to_string(&s).expect("serializes"), json);
        let old = Snapshot::from_json(r#"{"url":"u","root":{"t":"div","a":["role","list","data-x","1"]}}"#).expect("parses");
        assert!(borrowed(&old.root.tag) && borrowed(&old.root.attrs[0].0) && !borrowed(&old.root.attrs[1].0));
    }

    #[test]
    fn reads_the_earlier_object_shape() {
        let json = r#"{"url":"https://x/","root":{"i":3,"t":"div","a":["class","a b"],"c":["Hello ",{"i":5,"t":"strong","h":1},{"i":6,"t":"p","x":2,"c":["line",{"i":9,"t":"br"},"two"]}]}}"#;
        let s = Snapshot::from_json(json).expect("parses");
        let nodes: Vec<(u32, &str, bool, Option<Cut>)> = s.root.descendants().map(|n| (n.id, &*n.tag, n.hidden, n.cut)).collect();
        assert_eq!(nodes, [(3, "div", false, None), (5, "strong", true, None), (6, "p", false, Some(Cut::Text)), (9, "br", false, None)]);
        assert!(s.root.has_class("a"));
        assert_eq!(s.root.text(), "Hello line two");
        // Written again in today's shape, it reads back the same.
        assert_eq!(Snapshot::from_json(&serde_json::to_string(&s).expect("serializes")).expect("reparses"), s);
    }
}
