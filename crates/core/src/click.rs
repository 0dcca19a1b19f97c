//! One toolbar click, from snapshot to plan: which invitation the open box belongs to, the
//! draft's lines, how to insert them without losing the user's text, and every notice's words.
//!
//! The service worker stays logic-free: it hands over the snapshot, the settings and the record
//! of the last draft it inserted in this tab, and carries out the returned [`Plan`]. A button or
//! menu on the notice sends its [`Request`] back, and the worker plans it the same way.
//!
//! The notice is text on someone else's page, and the page can read it back (`window.find()`
//! sees into closed shadow roots): it says what was read from that same page and what was
//! decided, never an entry of the user's known lists ([`Reason::say_on_page`]), and every
//! value taken from the page is cut to a length ([`clip`]).

use crate::decide::{draft_anyway_category, languages_of, Choice, REPLY_CATEGORIES};
use crate::json::Out;
use crate::names::name_key;
use crate::read::{is_supported_url, read_page, Composer, Page, PageReader};
use crate::reason::{language_name, Reason};
use crate::snapshot::{fold_whitespace, Snapshot};
use crate::words::{at_line, fill, JsonError, Say, Ui};
use crate::Find;
use crate::{decide, decide_with, Action, Category, Invitation, Place, Settings, Suggestion, Variant};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the agent should do on the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Whether the plan read the page's invitations. What was read, the whole list, is then
    /// [`last_read`]: the worker stores it for the options page's preview after the insertion,
    /// off the click's path (at 300 invitations the plan's JSON was 182 KB with it, 3 KB without).
    #[serde(skip)]
    pub read: bool,
    /// The decision for the invitation the box belongs to, if one was made.
    pub suggestion: Option<Suggestion>,
    /// Text to write, if any.
    pub insert: Option<Insert>,
    /// Shown after a successful insertion, or alone when there is nothing to insert.
    pub notice: Notice,
    /// Shown instead when the box is gone by the time the agent writes.
    pub gone_notice: Notice,
    /// Settings problems worth telling the user about (their broken parts fell back to defaults),
    /// in the interface language; the notice lists them too.
    pub warnings: Vec<String>,
}

/// Write `lines` into the box `node`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insert {
    pub node: u32,
    /// `Replace`: select the box's whole content and type over it; `Append`: type after it.
    pub mode: Mode,
    /// One entry a paragraph; the agent inserts a paragraph break between entries.
    pub lines: Vec<String>,
    /// What the service worker keeps, once the insertion succeeded, for the next click.
    pub remember: LastDraft,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Replace,
    Append,
}

/// The last draft NotYet wrote in a tab: lets a second click replace it rather than add a copy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastDraft {
    pub url: String,
    pub node: u32,
    /// What the user had typed before the draft went in, a line a paragraph.
    pub before: Vec<String>,
    /// The box's whole text right after insertion, whitespace folded.
    pub after: String,
    /// What Restore puts back when it isn't `before`: the user's own edited version of a draft
    /// that "Replace anyway" wrote over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore: Option<Vec<String>>,
    /// Whom the user chose the draft for, when NotYet had asked: a new length drafts for them again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The category, language or length the user picked on the notice for this draft: a click
    /// on the same box again keeps them (after picking German and editing, "Replace anyway"
    /// wrote the English default over the German).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
}

impl LastDraft {
    /// The worker's stored draft as [`LastDraft`]'s derived reader takes it (`null`, and any
    /// field of the wrong type, give `None`; a missing field its default; other fields are
    /// passed over), read from the parsed `Value`, whose reader the module has anyway: the
    /// derived one, for this struct and its `Choice`, cost the module 5.2 KB raw and 1.9 KB
    /// gzipped. Unlike it, a repeated field is taken at its last value rather than refused,
    /// and the struct's array form isn't read: the worker stores what [`Plan`] wrote, an object.
    pub fn from_json(text: &str) -> Option<LastDraft> {
        let Value::Object(m) = serde_json::from_str::<Value>(text).ok()? else { return None };
        let mut last = LastDraft::default();
        if let Some(v) = m.get("url") {
            last.url = v.as_str()?.to_owned();
        }
        if let Some(v) = m.get("node") {
            last.node = u32::try_from(v.as_u64()?).ok()?;
        }
        if let Some(v) = m.get("before") {
            last.before = strings(v)?;
        }
        if let Some(v) = m.get("after") {
            last.after = v.as_str()?.to_owned();
        }
        last.restore = optional(m.get("restore"), strings)?;
        last.to = optional(m.get("to"), |v| v.as_str().map(str::to_owned))?;
        last.choice = optional(m.get("choice"), choice_of)?;
        Some(last)
    }
}

// Readers of the parsed `Value` with serde's derived rules, for the JSON the worker hands back
// (the last draft, a notice's request): the derived readers, inlined where they are used, cost
// the module several KB (WASM size, the fourth pass).

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?.iter().map(|s| s.as_str().map(str::to_owned)).collect()
}

/// `null` or absent as `None`, else `read`, which must succeed.
fn optional<T>(v: Option<&Value>, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match v {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

fn named<T: Copy>(v: &Value, names: &[&str], all: &[T]) -> Option<T> {
    crate::from_name(v.as_str()?, names, all)
}

/// A [`Choice`]: an object whose fields, each when there and not `null`, are a category's
/// name, a string and a length's name.
fn choice_of(v: &Value) -> Option<Choice> {
    let c = v.as_object()?;
    Some(Choice {
        category: optional(c.get("category"), |v| named(v, Category::NAMES, &Category::ALL))?,
        language: optional(c.get("language"), |v| v.as_str().map(str::to_owned))?,
        variant: optional(c.get("variant"), |v| named(v, Variant::NAMES, &Variant::ALL))?,
    })
}

impl Request {
    /// A request as its derived reader ([`RawRequest`] and `TryFrom`) takes it, from the parsed
    /// `Value`: `type` one of the names; each other field, when there, of its type (`null` for
    /// none) whatever the type, `replace` a boolean; `variant` needed for a `variant` request and
    /// `name` for `draft_for`; `was` a choice with all three fields. `None` for anything else.
    pub fn from_json(text: &str) -> Option<Request> {
        let Value::Object(m) = serde_json::from_str::<Value>(text).ok()? else { return None };
        let kind = named(m.get("type")?, RequestKind::NAMES, &RequestKind::ALL)?;
        let variant = optional(m.get("variant"), |v| named(v, Variant::NAMES, &Variant::ALL))?;
        let choice = optional(m.get("choice"), choice_of)?;
        let replace = m.get("replace").map_or(Some(false), Value::as_bool)?;
        let was = optional(m.get("was"), |v| {
            let c = choice_of(v)?;
            Some(Shown { category: c.category?, language: c.language?, variant: c.variant? })
        })?;
        let name = optional(m.get("name"), |v| v.as_str().map(str::to_owned))?;
        let raw = RawRequest { kind, variant, choice, replace, was, name };
        Request::try_from(raw).ok()
    }
}

/// A short message on the page, in NotYet's own shadow root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// What was read and decided, a short line each, under the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// Menus on the notice: each picks one of its options' requests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<NoticeChoice>,
    /// Buttons on the notice; each sends its request back to the service worker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<NoticeAction>,
    /// The close button's label, in the interface language.
    #[serde(default)]
    pub close: String,
    /// The action that takes the keyboard focus when this notice answers the last one's control,
    /// where the control at the place of the one used would not do: after Replace anyway (gone
    /// from this notice), Restore, which undoes it. Else the agent keeps the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus_action: Option<usize>,
}

/// A button on a notice, or an option of a menu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeAction {
    pub label: String,
    pub request: Request,
}

/// A menu on a notice: the option at `selected` is what is shown now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeChoice {
    pub label: String,
    pub options: Vec<NoticeAction>,
    pub selected: usize,
}

/// What the user asked for: the toolbar click, or a button on the notice. As JSON
/// `{"type": "restore"}`, `{"type": "choose", "choice": {…}}`, …; read through [`RawRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawRequest")]
pub enum Request {
    /// Draft a reply (the toolbar button or its shortcut).
    #[default]
    Click,
    /// Swap NotYet's draft for the template's other length.
    Variant { variant: Variant },
    /// Put back exactly what the box held before NotYet's draft.
    Restore,
    /// Open the options page (the service worker does it; no plan needed).
    Options,
    /// Draft again for this invitation with the user's choices over the decision.
    Choose {
        choice: Choice,
        /// Write over the draft even though the user edited it ("Replace anyway"); Restore
        /// then brings their version back.
        #[serde(default)]
        replace: bool,
        /// What the notice showed before, so that the next one can say what changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<Shown>,
    },
    /// Draft for this invitation: the user's answer when NotYet couldn't tell whom the box is for.
    DraftFor { name: String },
    /// Open the side panel over an invitation list (the service worker does it; no plan needed).
    Panel,
    /// Save a page report of this page ("Not right?"): the service worker shows the masked
    /// snapshot for the user to save; no plan needed.
    Report,
}

/// A [`Request`] as its JSON has it, flat: read directly, where serde's internally tagged enums
/// buffer the whole value first (that buffering cost the WASM module about 8 KB).
#[derive(Deserialize)]
struct RawRequest {
    #[serde(rename = "type")]
    kind: RequestKind,
    variant: Option<Variant>,
    choice: Option<Choice>,
    #[serde(default)]
    replace: bool,
    was: Option<Shown>,
    name: Option<String>,
}

#[derive(Clone, Copy)]
enum RequestKind {
    Click,
    Variant,
    Restore,
    Options,
    Choose,
    DraftFor,
    Panel,
    Report,
}

impl RequestKind {
    /// The `type` of each request, in the order of [`RequestKind::ALL`].
    const NAMES: &'static [&'static str] = &["click", "variant", "restore", "options", "choose", "draft_for", "panel", "report"];
    const ALL: [RequestKind; 8] = {
        use RequestKind as K;
        [K::Click, K::Variant, K::Restore, K::Options, K::Choose, K::DraftFor, K::Panel, K::Report]
    };
}

impl<'de> Deserialize<'de> for RequestKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::by_name(d, RequestKind::NAMES, &RequestKind::ALL)
    }
}

impl TryFrom<RawRequest> for Request {
    type Error = &'static str;
    fn try_from(r: RawRequest) -> Result<Request, &'static str> {
        Ok(match r.kind {
            RequestKind::Click => Request::Click,
            RequestKind::Variant => Request::Variant { variant: r.variant.ok_or("variant")? },
            RequestKind::Restore => Request::Restore,
            RequestKind::Options => Request::Options,
            RequestKind::Choose => Request::Choose { choice: r.choice.unwrap_or_default(), replace: r.replace, was: r.was },
            RequestKind::DraftFor => Request::DraftFor { name: r.name.ok_or("name")? },
            RequestKind::Panel => Request::Panel,
            RequestKind::Report => Request::Report,
        })
    }
}

/// What a notice showed of a decision: the user's choices are made against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub category: Category,
    pub language: String,
    pub variant: Variant,
}

impl<'de> Deserialize<'de> for Shown {
    /// Read as a [`Choice`] (the same three fields) that must have all three: one derived reader
    /// for both, where a second cost the WASM module 1.4 KB.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Choice { category, language, variant } = Choice::deserialize(d)?;
        let missing = <D::Error as serde::de::Error>::missing_field;
        Ok(Shown {
            category: category.ok_or_else(|| missing("category"))?,
            language: language.ok_or_else(|| missing("language"))?,
            variant: variant.ok_or_else(|| missing("variant"))?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Success,
    Info,
    Warning,
    Error,
}

// The worker's JSON written by hand ([`Out`]), each writer the bytes of its type's derived
// `Serialize`, which stays for the CLI and the tests. The derived writers, inlined into
// `planRequest` and `unsupportedNotice`, cost the module 4.8 KB raw and 1.6 KB gzipped (a stub in
// their place); these cost 2.8 KB of it back: −2.0 KB raw, −0.44 KB gzipped, −494 B on each zip
// (1 Dec 2026). The plan of a click on the bench's 300-invitation page (4.5 KB of JSON) is
// written in 129 K instructions natively, 175 K by the derived writers.

impl Plan {
    /// The plan as JSON, as its derived `Serialize` writes it (a unit test holds the two to the
    /// same bytes on every page the tests hold).
    pub fn to_json(&self) -> String {
        let mut o = Out::default();
        o.open(b'{');
        o.key("suggestion");
        match &self.suggestion {
            Some(s) => suggestion_json(&mut o, s),
            None => o.null(),
        }
        o.key("insert");
        match &self.insert {
            Some(i) => insert_json(&mut o, i),
            None => o.null(),
        }
        o.key("notice");
        self.notice.write(&mut o);
        o.key("gone_notice");
        self.gone_notice.write(&mut o);
        o.key("warnings");
        o.strs(&self.warnings);
        o.close(b'}');
        o.finish()
    }
}

impl Notice {
    /// The notice as JSON, as its derived `Serialize` writes it.
    pub fn to_json(&self) -> String {
        let mut o = Out::default();
        self.write(&mut o);
        o.finish()
    }

    fn write(&self, o: &mut Out) {
        o.open(b'{');
        o.key("level");
        o.str(["success", "info", "warning", "error"][self.level as usize]);
        o.key("text");
        o.str(&self.text);
        if !self.details.is_empty() {
            o.key("details");
            o.strs(&self.details);
        }
        if !self.choices.is_empty() {
            o.key("choices");
            o.open(b'[');
            for c in &self.choices {
                o.open(b'{');
                o.key("label");
                o.str(&c.label);
                o.key("options");
                actions_json(o, &c.options);
                o.key("selected");
                o.num(c.selected as u64);
                o.close(b'}');
            }
            o.close(b']');
        }
        if !self.actions.is_empty() {
            o.key("actions");
            actions_json(o, &self.actions);
        }
        o.key("close");
        o.str(&self.close);
        if let Some(f) = self.focus_action {
            o.key("focus_action");
            o.num(f as u64);
        }
        o.close(b'}');
    }
}

fn suggestion_json(o: &mut Out, s: &Suggestion) {
    o.open(b'{');
    o.key("category");
    o.str(s.category.name());
    o.key("action");
    o.str(s.action.name());
    o.key("first_name");
    o.opt_str(s.first_name.as_deref());
    o.key("language");
    o.str(&s.language);
    o.key("text");
    o.opt_str(s.text.as_deref());
    o.key("template");
    o.opt_str(s.template.as_deref());
    o.key("reasons");
    o.open(b'[');
    for r in &s.reasons {
        o.str(&r.say(Ui::En));
    }
    o.close(b']');
    o.key("limit");
    o.num(s.limit.into());
    o.close(b'}');
}

fn insert_json(o: &mut Out, i: &Insert) {
    o.open(b'{');
    o.key("node");
    o.num(i.node.into());
    o.key("mode");
    o.str(if i.mode == Mode::Replace { "replace" } else { "append" });
    o.key("lines");
    o.strs(&i.lines);
    o.key("remember");
    let r = &i.remember;
    o.open(b'{');
    o.key("url");
    o.str(&r.url);
    o.key("node");
    o.num(r.node.into());
    o.key("before");
    o.strs(&r.before);
    o.key("after");
    o.str(&r.after);
    if let Some(restore) = &r.restore {
        o.key("restore");
        o.strs(restore);
    }
    if let Some(to) = &r.to {
        o.key("to");
        o.str(to);
    }
    if let Some(c) = &r.choice {
        o.key("choice");
        choice_json(o, c.category, c.language.as_deref(), c.variant);
    }
    o.close(b'}');
    o.close(b'}');
}

/// A [`Choice`] or a [`Shown`]: the same three fields, each `null` when not chosen.
fn choice_json(o: &mut Out, category: Option<Category>, language: Option<&str>, variant: Option<Variant>) {
    o.open(b'{');
    o.key("category");
    o.opt_str(category.map(Category::name));
    o.key("language");
    o.opt_str(language);
    o.key("variant");
    o.opt_str(variant.map(Variant::name));
    o.close(b'}');
}

fn actions_json(o: &mut Out, actions: &[NoticeAction]) {
    o.open(b'[');
    for a in actions {
        o.open(b'{');
        o.key("label");
        o.str(&a.label);
        o.key("request");
        o.open(b'{');
        o.key("type");
        let r = &a.request;
        o.str(match r {
            Request::Click => "click",
            Request::Variant { .. } => "variant",
            Request::Restore => "restore",
            Request::Options => "options",
            Request::Choose { .. } => "choose",
            Request::DraftFor { .. } => "draft_for",
            Request::Panel => "panel",
            Request::Report => "report",
        });
        match r {
            Request::Variant { variant } => {
                o.key("variant");
                o.str(variant.name());
            }
            Request::Choose { choice, replace, was } => {
                o.key("choice");
                choice_json(o, choice.category, choice.language.as_deref(), choice.variant);
                o.key("replace");
                o.bool(*replace);
                if let Some(w) = was {
                    o.key("was");
                    choice_json(o, Some(w.category), Some(&w.language), Some(w.variant));
                }
            }
            Request::DraftFor { name } => {
                o.key("name");
                o.str(name);
            }
            _ => {}
        }
        o.close(b'}');
        o.close(b'}');
    }
    o.close(b']');
}

/// At most this many characters of a name on a notice, and of the note's first words.
pub const NAME_CHARS: usize = 60;
pub const NOTE_CHARS: usize = 60;

impl Notice {
    fn new(w: Ui, level: Level, text: impl Into<String>) -> Notice {
        Notice { level, text: text.into(), details: Vec::new(), choices: Vec::new(), actions: Vec::new(), close: w.close().into(), focus_action: None }
    }
}

/// At most `max` characters of `s`, whitespace folded, cut at a word when one is near, with an
/// ellipsis when cut: a page's 1 MB name must not become a 1 MB notice.
pub fn clip(s: &str, max: usize) -> String {
    let folded = fold_whitespace(s);
    if folded.chars().count() <= max {
        return folded;
    }
    let cut = head(&folded, max.saturating_sub(1));
    let at_word = match cut.rfind(' ') {
        Some(i) if i * 4 >= cut.len() * 3 => &cut[..i],
        _ => cut,
    };
    // "manager.…", "kleine,…": the mark that ended a clause goes, the ellipsis says the rest.
    format!("{}…", at_word.trim_end().trim_end_matches(['.', ',', ';', ':', '-', '–', '—', ' ']))
}

/// The first `max` characters of `s` at most, not ending inside a character as a reader sees it:
/// cut by `char`s, a name lost an emoji's skin tone ("👍🏽" became "👍"), a joined family its last
/// members, a flag half its pair (a lone letter in a box), a letter its accent. Not full grapheme
/// segmentation (a crate of tables: kilobytes of WASM), the few marks that join a character to
/// the one before: joiners, variation selectors, skin tones, combining marks, tags.
pub(crate) fn head(s: &str, max: usize) -> &str {
    let Some((mut at, _)) = s.char_indices().nth(max) else { return s };
    let flag = |c: &char| ('\u{1f1e6}'..='\u{1f1ff}').contains(c);
    while let (Some(before), Some(after)) = (s[..at].chars().next_back(), s[at..].chars().next()) {
        let joined = before == '\u{200d}'
            || matches!(after, '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{300}'..='\u{36f}' | '\u{20d0}'..='\u{20ff}' | '\u{e0020}'..='\u{e007f}')
            || (flag(&after) && s[..at].chars().rev().take_while(flag).count() % 2 == 1);
        if !joined {
            break;
        }
        at -= before.len_utf8();
    }
    &s[..at]
}

/// Where NotYet works, for a click anywhere else, in the interface language `ui` (a browser's
/// code such as "de-DE"; English when unknown).
pub fn unsupported_notice(ui: &str) -> Notice {
    let w = Ui::from_code(ui);
    Notice::new(w, Level::Info, w.unsupported())
}

fn gone_notice(w: Ui) -> Notice {
    Notice::new(w, Level::Warning, w.gone())
}

/// Plans from JSON, as the service worker hands it over: the agent's snapshot, the settings, the
/// tab's last draft (empty or `null` when there is none) and the [`Request`] (empty for a click),
/// with notices in the interface language `ui` (a browser's code such as "de-DE"; English when
/// unknown). Never fails: every problem becomes a notice.
pub fn plan_json(snapshot: &str, settings: &str, last: &str, request: &str, ui: &str) -> Plan {
    plan_json_keeping(snapshot, settings, last, request, ui).0
}

/// [`plan_json`], and the snapshot it parsed, when it did: what [`last_read`] reads later.
pub fn plan_json_keeping(snapshot: &str, settings: &str, last: &str, request: &str, ui: &str) -> (Plan, Option<Snapshot>) {
    let w = Ui::from_code(ui);
    let request = if request.trim().is_empty() { Some(Request::Click) } else { Request::from_json(request) };
    let Some(request) = request else {
        return (only_notice(w, Notice::new(w, Level::Error, w.unknown_request())), None);
    };
    let (settings, problems) = if settings.trim().is_empty() { (Settings::default(), Vec::new()) } else { Settings::from_json(settings) };
    let warnings: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.path, p.say(w))).collect();
    let last = LastDraft::from_json(last);
    let (mut plan, snap) = match Snapshot::from_json(snapshot) {
        Ok(snap) => (plan_request(&snap, &settings, last.as_ref(), request, w), Some(snap)),
        Err(e) => {
            let error = format!("{}, {}", JsonError::of(&e).say(w), at_line(w, e.line(), e.column()));
            (only_notice(w, Notice::new(w, Level::Error, w.unreadable(&error))), None)
        }
    };
    if !problems.is_empty() {
        // In the user's words, without JSON paths; the options page shows where each one is.
        let said: Vec<String> = problems.iter().map(|p| p.say(w)).collect();
        plan.notice.details.push(clip(&fill(w.settings_problems(), &said.join("; "), ""), 400));
    }
    plan.warnings = warnings;
    (plan, snap)
}

/// Every invitation on the page, read whole, in page order: what a plan that read the page
/// ([`Plan::read`]) saw. The worker stores it as `lastRead` once the draft is in.
pub fn last_read(snapshot: &Snapshot) -> Vec<Invitation> {
    read_page(snapshot).invitations
}

/// Plans a click, notices in English: read the page, decide, and choose how to write.
pub fn plan(snapshot: &Snapshot, settings: &Settings, last: Option<&LastDraft>) -> Plan {
    plan_request(snapshot, settings, last, Request::Click, Ui::En)
}

/// What the user asked of a draft on the notice: their choices over the decision, whether to
/// write over their own edit, and what the notice showed before.
#[derive(Default)]
struct Asked {
    choice: Choice,
    replace: bool,
    was: Option<Shown>,
}

/// Plans what `request` asks on this page, notices in the interface language `w`.
pub fn plan_request(snapshot: &Snapshot, settings: &Settings, last: Option<&LastDraft>, request: Request, w: Ui) -> Plan {
    // Whom the user picked earlier, when NotYet had asked: later choices draft for them again.
    let chosen = |l: Option<&LastDraft>| l.filter(|l| l.url == snapshot.url).and_then(|l| l.to.clone());
    let mut plan = match request {
        Request::Click => plan_draft(snapshot, settings, last, None, Asked::default(), w),
        Request::Variant { variant } => {
            let asked = Asked { choice: Choice { variant: Some(variant), ..Choice::default() }, ..Asked::default() };
            plan_draft(snapshot, settings, last, chosen(last).as_deref(), asked, w)
        }
        Request::Choose { choice, replace, was } => plan_draft(snapshot, settings, last, chosen(last).as_deref(), Asked { choice, replace, was }, w),
        Request::DraftFor { name } => plan_draft(snapshot, settings, last, Some(&name), Asked::default(), w),
        Request::Restore => return plan_restore(snapshot, last, w),
        Request::Options => return only_notice(w, Notice::new(w, Level::Info, w.opening_options())),
        Request::Panel => return only_notice(w, Notice::new(w, Level::Info, w.opening_panel())),
        Request::Report => return only_notice(w, Notice::new(w, Level::Info, w.opening_report())),
    };
    // After every read of a LinkedIn page, a misread can be reported.
    if is_supported_url(&snapshot.url) && !snapshot.url.has("/invitation-manager/sent") {
        plan.notice.actions.push(NoticeAction { label: w.not_right().into(), request: Request::Report });
    }
    plan
}

/// Reads the page, decides and plans the draft; `chosen` is the invitation the user picked.
fn plan_draft(snapshot: &Snapshot, settings: &Settings, last: Option<&LastDraft>, chosen: Option<&str>, asked: Asked, w: Ui) -> Plan {
    if !is_supported_url(&snapshot.url) {
        return only_notice(w, Notice::new(w, Level::Info, w.unsupported()));
    }
    if snapshot.url.has("/invitation-manager/sent") {
        // Invitations the user sent: a decline to one of those people would make no sense.
        return only_notice(w, Notice::new(w, Level::Info, w.sent_page()));
    }
    let mut page = PageReader::new(snapshot);
    let composer = page.composer.take();
    Plan { read: true, ..plan_page(&mut page, composer, snapshot, settings, last, chosen, asked, w) }
}

/// The invitations a plan picks from: counted, known by their names' keys, read whole on request.
pub(crate) trait Cards {
    fn count(&self) -> usize;
    /// The count the page announces for its list ("Focused (300)"), when it says one.
    fn announced(&self) -> Option<u32> {
        None
    }
    /// The [`name_key`] of invitation `k`'s name.
    fn key(&mut self, k: usize) -> String;
    fn invitation(&mut self, k: usize) -> Invitation;
}

/// A click reads the names of the cards, and whole only the one it drafts for.
impl Cards for PageReader<'_> {
    fn count(&self) -> usize {
        PageReader::count(self)
    }

    fn announced(&self) -> Option<u32> {
        PageReader::announced(self)
    }

    fn key(&mut self, k: usize) -> String {
        PageReader::key(self, k)
    }

    fn invitation(&mut self, k: usize) -> Invitation {
        PageReader::invitation(self, k)
    }
}

/// A page read whole (the command line's), with the count its list announces.
struct Listed<'a>(&'a [Invitation], Option<u32>);

impl Cards for Listed<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn announced(&self) -> Option<u32> {
        self.1
    }

    fn key(&mut self, k: usize) -> String {
        name_key(&self.0[k].name)
    }

    fn invitation(&mut self, k: usize) -> Invitation {
        self.0[k].clone()
    }
}

/// Decides and plans the draft from what the page holds: `cards` and the message box.
#[allow(clippy::too_many_arguments)]
fn plan_page(
    page: &mut impl Cards,
    composer: Option<Composer>,
    snapshot: &Snapshot,
    settings: &Settings,
    last: Option<&LastDraft>,
    chosen: Option<&str>,
    asked: Asked,
    w: Ui,
) -> Plan {
    let Asked { mut choice, replace, was } = asked;
    let Some(composer) = composer else {
        // Only where nothing was read: a block nested too deep beside a list read whole (a widget,
        // a hostile page) said so instead of the list's notice, and the list went unread.
        if page.count() == 0 && snapshot.cut_deep() {
            return only_notice(w, Notice::new(w, Level::Warning, w.too_deep()));
        }
        let notice = describe_without_box(page, settings, snapshot.url.has("/invitation-manager"), w);
        return only_notice(w, notice);
    };
    let found = match chosen {
        // A notice's "Draft for …" button: that one, if it is still on the page.
        Some(name) => {
            let key = name_key(name);
            match (0..page.count()).find(|&k| page.key(k) == key) {
                Some(k) => Target::One(page.invitation(k)),
                None => return only_notice(w, Notice::new(w, Level::Warning, w.candidate_gone(&clip(name, NAME_CHARS)))),
            }
        }
        None => target_in(page, &composer),
    };
    let target = match found {
        Target::One(inv) => inv,
        Target::NotInvited(name) => return only_notice(w, Notice::new(w, Level::Info, w.not_invited(&clip(&name, NAME_CHARS)))),
        Target::Nobody => return only_notice(w, Notice::new(w, Level::Info, w.no_invitation())),
        Target::Unsure(candidates) if candidates.is_empty() => {
            let n = page.count();
            return only_notice(w, Notice::new(w, Level::Warning, w.which_invitation(n)));
        }
        Target::Unsure(candidates) => {
            let names: Vec<String> = candidates.iter().map(|c| display_name(c, w)).collect();
            let mut notice = Notice::new(w, Level::Warning, w.unsure_whom(&names));
            // The label shows the name cut to fit; the request carries it whole, to find the card again.
            notice.actions = names
                .iter()
                .zip(&candidates)
                .map(|(n, c)| NoticeAction { label: w.draft_for(n), request: Request::DraftFor { name: c.name.clone() } })
                .collect();
            return only_notice(w, notice);
        }
    };
    let same_box = last.is_some_and(|l| l.node == composer.node && l.url == snapshot.url);
    // A plain click on the box of the last draft: what the user picked for it still holds.
    if choice == Choice::default() && was.is_none() && same_box {
        choice = last.and_then(|l| l.choice.clone()).unwrap_or_default();
    }
    let place = composer.limit.map_or(Place::Message, |limit| Place::Box { limit });
    let suggestion = decide_with(&target, settings, place, &choice);
    let who = display_name(&target, w);
    let Some(text) = suggestion.text.clone().filter(|_| suggestion.action == Action::Reply) else {
        let mut notice = advice_without_text(&suggestion, &target, w);
        if target.kind == crate::Kind::Person && suggestion.action != Action::Reply {
            // The user may know better: a draft is one click away, never made unasked.
            let label = if suggestion.category == Category::Spam { w.not_spam() } else { w.draft_anyway() };
            let category = Some(draft_anyway_category(&target, settings));
            let request = Request::Choose { choice: Choice { category, ..choice.clone() }, replace: false, was: None };
            notice.actions = vec![NoticeAction { label: label.into(), request }, options_button(w)];
        }
        return Plan { suggestion: Some(suggestion), ..only_notice(w, notice) };
    };
    let mut draft: Vec<String> = text.lines().map(str::to_owned).collect();

    if composer.cut {
        return Plan { suggestion: Some(suggestion), ..only_notice(w, Notice::new(w, Level::Warning, w.box_too_full())) };
    }
    let now = fold_whitespace(&composer.lines.join(" "));
    // `restore`: what Restore will put back when it isn't `before`.
    let (mode, before, restore) = if now.is_empty() {
        (Mode::Replace, Vec::new(), None)
    } else if let Some(l) = last.filter(|l| same_box && l.after == now) {
        (Mode::Replace, l.before.clone(), l.restore.clone())
    } else if let Some(l) = last.filter(|_| same_box && replace) {
        (Mode::Replace, l.before.clone(), Some(composer.lines.clone()))
    } else if same_box {
        let mut notice = Notice::new(w, Level::Info, w.draft_changed());
        notice.details = details(&target, &suggestion, w);
        let request = Request::Choose { choice: choice.clone(), replace: true, was: None };
        notice.actions = vec![NoticeAction { label: w.replace_anyway().into(), request }, options_button(w)];
        return Plan { suggestion: Some(suggestion), ..only_notice(w, notice) };
    } else {
        (Mode::Append, composer.lines.clone(), None)
    };

    // The user already greeted them: a second greeting under theirs would read oddly.
    if greets(&before, suggestion.first_name.as_deref()) && draft.first().is_some_and(|l| is_greeting(l)) {
        draft.remove(0);
        while draft.first().is_some_and(|l| l.trim().is_empty()) {
            draft.remove(0);
        }
    }
    // Replacing retypes what the user had before; appending types after it. Either way a blank
    // line separates their text from the draft.
    let separator: &[String] = if before.is_empty() { &[] } else { &[String::new(), String::new()] };
    let lines: Vec<String> = match mode {
        Mode::Replace => before.iter().cloned().chain(separator.iter().skip(1).cloned()).chain(draft.iter().cloned()).collect(),
        Mode::Append => separator.iter().cloned().chain(draft.iter().cloned()).collect(),
    };
    let after = fold_whitespace(&before.iter().chain(draft.iter()).cloned().collect::<Vec<_>>().join(" "));
    let total: usize = before.iter().chain(draft.iter()).map(|l| l.chars().count() + 1).sum();
    if total > suggestion.limit as usize {
        let notice = Notice::new(w, Level::Warning, w.too_long(suggestion.limit));
        return Plan { suggestion: Some(suggestion), ..only_notice(w, notice) };
    }
    let variant = choice.variant.unwrap_or(settings.variant);
    let shown = Shown { category: suggestion.category, language: suggestion.language.clone(), variant: shown_variant(&suggestion, variant) };
    let replaced_edit = replace && restore.is_some() && last.is_some_and(|l| l.after != now);
    let text = if replaced_edit {
        w.replaced_edited(&who)
    } else if let Some(was) = &was {
        format!("{} {}", w.changed(&changes(was, &shown, w)), w.send_yourself())
    } else {
        let reason = suggestion.reasons.first().map(|r| r.say_on_page(w));
        w.drafted(&who, reason.as_deref(), !before.is_empty())
    };
    // No name and no sign-off of one's own: the built-in closing is left out with the name.
    let text = if settings.me.name.trim().is_empty() && settings.sign_off.trim().is_empty() { format!("{text} {}", w.no_name()) } else { text };
    let mut notice = Notice::new(w, Level::Success, text);
    notice.details = details(&target, &suggestion, w);
    notice.choices = menus(settings, &suggestion, &choice, &shown, w);
    let (label, other) = match shown.variant {
        Variant::Long => (w.shorter(), Variant::Short),
        Variant::Short => (w.longer(), Variant::Long),
    };
    let swap = Request::Choose { choice: Choice { variant: Some(other), ..choice.clone() }, replace: false, was: Some(shown.clone()) };
    notice.actions =
        vec![NoticeAction { label: label.into(), request: swap }, NoticeAction { label: w.restore().into(), request: Request::Restore }, options_button(w)];
    notice.focus_action = replaced_edit.then_some(1);
    Plan {
        read: false,
        suggestion: Some(suggestion),
        insert: Some(Insert {
            node: composer.node,
            mode,
            lines,
            remember: LastDraft {
                url: snapshot.url.clone(),
                node: composer.node,
                before,
                after,
                restore,
                to: chosen.map(|_| target.name.clone()),
                choice: (choice != Choice::default()).then_some(choice.clone()),
            },
        }),
        notice,
        gone_notice: gone_notice(w),
        warnings: Vec::new(),
    }
}

fn options_button(w: Ui) -> NoticeAction {
    NoticeAction { label: w.options().into(), request: Request::Options }
}

/// The length the draft came in: the template id's last part (`generic.en.short`), which may
/// differ from the one asked for when a user's template has only one.
fn shown_variant(s: &Suggestion, asked: Variant) -> Variant {
    match s.template.as_deref().and_then(|t| t.rsplit('.').next()) {
        Some("short") => Variant::Short,
        Some("long") => Variant::Long,
        _ => asked,
    }
}

/// What was read and what was decided, a line each, every value from the page cut to a length.
fn details(inv: &Invitation, s: &Suggestion, w: Ui) -> Vec<String> {
    let mut who = clip(&display_name(inv, w), NAME_CHARS);
    // The line starts with the name: the stand-in for none starts it capitalised ("This person ·").
    if who == w.this_person() {
        if let Some(first) = who.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    let why = s.reasons.first().map(|r| r.say_on_page(w));
    let mut how = vec![s.category.say(w)];
    if s.text.is_some() {
        // The language, or why it isn't the note's: "written in English: no Dutch template".
        let why_not = s.reasons.iter().find(|r| matches!(r, Reason::NoTemplateIn { .. }));
        how.push(why_not.map_or_else(|| w.language_in_sentence(&language_name(&s.language, w)), |r| r.say_on_page(w)));
        if let Some(v) = s.template.as_deref().and_then(|t| t.rsplit('.').next()).and_then(|v| crate::from_name(v, Variant::NAMES, &Variant::ALL)) {
            how.push(w.variant_in_line(v));
        }
    }
    let note = inv.note.as_deref().map(|n| clip(n, NOTE_CHARS)).filter(|n| !n.is_empty());
    vec![w.decided_line(&who, why.as_deref(), &s.action.say(w), &how), w.read_line(note.as_deref(), inv.mutual_connections)]
}

/// The notice's menus: another reply category, another language its template is written in.
fn menus(settings: &Settings, s: &Suggestion, choice: &Choice, shown: &Shown, w: Ui) -> Vec<NoticeChoice> {
    let request = |c: Choice| Request::Choose { choice: c, replace: false, was: Some(shown.clone()) };
    let mut categories: Vec<Category> = REPLY_CATEGORIES.to_vec();
    if !categories.contains(&s.category) {
        categories.insert(0, s.category);
    }
    let category = NoticeChoice {
        label: w.category_label().into(),
        selected: categories.iter().position(|c| *c == s.category).unwrap_or(0),
        options: categories.iter().map(|c| NoticeAction { label: c.say(w), request: request(Choice { category: Some(*c), ..choice.clone() }) }).collect(),
    };
    let mut languages = s.template.as_deref().map(|t| languages_of(settings, t)).unwrap_or_default();
    if !languages.contains(&s.language) {
        languages.insert(0, s.language.clone());
    }
    let language = NoticeChoice {
        label: w.language_label().into(),
        selected: languages.iter().position(|l| *l == s.language).unwrap_or(0),
        options: languages
            .iter()
            .map(|l| NoticeAction { label: language_name(l, w), request: request(Choice { language: Some(l.clone()), ..choice.clone() }) })
            .collect(),
    };
    vec![category, language]
}

/// What differs between two shown decisions, a clause each.
fn changes(was: &Shown, now: &Shown, w: Ui) -> Vec<String> {
    let mut out = Vec::new();
    if was.category != now.category {
        out.push(w.changed_category(&now.category.say(w), &was.category.say(w)));
    }
    if was.language != now.language {
        out.push(w.changed_language(&language_name(&now.language, w), &language_name(&was.language, w)));
    }
    if was.variant != now.variant {
        out.push(w.changed_variant(&now.variant.say(w), &was.variant.say(w)));
    }
    out
}

/// Puts back what the box held before NotYet's last draft, if the draft is still as written.
fn plan_restore(snapshot: &Snapshot, last: Option<&LastDraft>, w: Ui) -> Plan {
    // Only the box: no card is read.
    Plan { read: true, ..restore_in(PageReader::new(snapshot).composer, snapshot, last, w) }
}

fn restore_in(composer: Option<Composer>, snapshot: &Snapshot, last: Option<&LastDraft>, w: Ui) -> Plan {
    let Some(composer) = composer else {
        return only_notice(w, gone_notice(w));
    };
    let Some(last) = last.filter(|l| l.node == composer.node && l.url == snapshot.url) else {
        return only_notice(w, Notice::new(w, Level::Info, w.nothing_to_restore()));
    };
    if fold_whitespace(&composer.lines.join(" ")) != last.after {
        return only_notice(w, Notice::new(w, Level::Info, w.restore_refused()));
    }
    let lines = last.restore.clone().unwrap_or_else(|| last.before.clone());
    let after = fold_whitespace(&lines.join(" "));
    let text = w.restored(!lines.is_empty());
    // What the box holds now is the user's own: a later click appends to it, Restore has nothing.
    let remember =
        LastDraft { url: last.url.clone(), node: last.node, before: lines.clone(), after, restore: None, to: last.to.clone(), choice: last.choice.clone() };
    Plan {
        read: false,
        suggestion: None,
        insert: Some(Insert { node: composer.node, mode: Mode::Replace, lines, remember }),
        notice: Notice::new(w, Level::Success, text),
        gone_notice: gone_notice(w),
        warnings: Vec::new(),
    }
}

/// Whether the user's own text already greets them: its first or last line opens a letter
/// ("Hi Kathie,", "Dear Ms. Smith,") or speaks to them by `first_name`: the name opens or ends a
/// stretch between commas or marks ("Thanks for the invite, Kathie!", "Kathie,", a long "Hi
/// Kathie, thanks so much for …", "Thanks, Kathie."). A note that only mentions them ("I met
/// Kathie at RustConf") greets nobody. The last line too: the draft goes right under it.
fn greets(before: &[String], first_name: Option<&str>) -> bool {
    // The name as a whole word at a stretch's start or end: both sides padded with a space.
    let first = first_name.map(name_key).filter(|f| !f.is_empty()).map(|f| format!(" {f} "));
    let mut said = before.iter().filter(|l| !l.trim().is_empty());
    [said.next(), said.next_back()].into_iter().flatten().any(|l| {
        is_greeting(l)
            || first.as_ref().is_some_and(|f| {
                l.split([',', '!', '?', ':', ';']).any(|part| {
                    let k = format!(" {} ", name_key(part));
                    k.starts_with(f.as_str()) || k.ends_with(f.as_str())
                })
            })
    })
}

/// A line that opens a letter: short, and starting with a greeting word in one of the drafts'
/// languages ("Hi Kathie,", "Guten Tag Frau Smith,", "Hola:").
fn is_greeting(line: &str) -> bool {
    const WORDS: &str = list![
        "hi",
        "hello",
        "hey",
        "dear",
        "good",
        "greetings",
        "hallo",
        "guten",
        "liebe",
        "lieber",
        "sehr",
        "moin",
        "servus",
        "bonjour",
        "bonsoir",
        "salut",
        "cher",
        "chère",
        "hola",
        "estimado",
        "estimada",
        "buenos",
        "buenas",
    ];
    let first = line.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()).map(crate::case::lower_str);
    line.chars().count() <= 60 && first.is_some_and(|w| crate::listed(WORDS, &w))
}

fn only_notice(w: Ui, notice: Notice) -> Plan {
    Plan { read: false, suggestion: None, insert: None, notice, gone_notice: gone_notice(w), warnings: Vec::new() }
}

/// Whom the open box is for, as far as the page tells.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// This invitation (or, for a box that names someone not listed, that person with no note).
    One(Invitation),
    /// These invitations could all be the one; NotYet asks rather than guess. Empty when there
    /// are too many to offer as buttons.
    Unsure(Vec<Invitation>),
    /// The box writes to this person, and nothing on the page says they invited the user.
    NotInvited(String),
    /// The box names no one and the page shows no invitation.
    Nobody,
}

/// The most candidates a notice offers as buttons; with more, it asks to open the box from the card.
pub const MAX_CANDIDATES: usize = 4;

/// The invitation the box belongs to: the one its addressee names (whole words: "Ann" never
/// matches "Joanne"); else the page's only one; else, when the box names someone not listed (a
/// profile or thread) whom the page says invited the user, that person with no note. A box
/// for someone who didn't invite the user, or for no one, gets no decline. Two or more that fit: [`Target::Unsure`]. A
/// draft to the wrong person is worse than none.
pub fn target(page: &Page, composer: &Composer) -> Target {
    target_in(&mut Listed(&page.invitations, None), composer)
}

/// [`target`] among `cards`, reading whole only the invitations it returns: the names decide.
fn target_in(cards: &mut impl Cards, composer: &Composer) -> Target {
    let n = cards.count();
    let unsure = |found: Vec<Invitation>| Target::Unsure(if found.len() <= MAX_CANDIDATES { found } else { Vec::new() });
    if let Some(to) = composer.addressee.as_deref().map(name_key).filter(|k| !k.is_empty()) {
        let keys: Vec<String> = (0..n).map(|k| cards.key(k)).collect();
        let exact: Vec<usize> = (0..n).filter(|&k| keys[k] == to).collect();
        let found: Vec<usize> = if exact.is_empty() {
            (0..n).filter(|&k| !keys[k].is_empty() && (words_within(&to, &keys[k]) || words_within(&keys[k], &to))).collect()
        } else {
            exact
        };
        return match found.as_slice() {
            [one] => Target::One(cards.invitation(*one)),
            // A thread or a profile of someone the page says invited the user: them, with no note.
            [] if composer.invited => {
                Target::One(Invitation { site: "linkedin".into(), name: composer.addressee.clone().unwrap_or_default(), ..Invitation::default() })
            }
            [] => Target::NotInvited(composer.addressee.clone().unwrap_or_default()),
            _ => {
                let found: Vec<Invitation> = found.iter().map(|&k| cards.invitation(k)).collect();
                if same_person(&found) {
                    Target::One(found.into_iter().next().unwrap_or_default())
                } else {
                    unsure(found)
                }
            }
        };
    }
    match n {
        0 => Target::Nobody,
        1 => Target::One(cards.invitation(0)),
        // More than a notice offers as buttons: none is read.
        _ if n > MAX_CANDIDATES => Target::Unsure(Vec::new()),
        _ => unsure((0..n).map(|k| cards.invitation(k)).collect()),
    }
}

/// The same invitation read twice (the same profile, or the same name and no profile).
fn same_person(found: &[Invitation]) -> bool {
    found.windows(2).all(|w| w[0].profile_url == w[1].profile_url && name_key(&w[0].name) == name_key(&w[1].name))
}

/// Whether the words of `part` appear in `whole` as whole words, in order and next to each other
/// ("kathie" in "kathie smith"; "ann" not in "joanne smith").
fn words_within(part: &str, whole: &str) -> bool {
    let part: Vec<&str> = part.split(' ').collect();
    let whole: Vec<&str> = whole.split(' ').collect();
    whole.windows(part.len()).any(|w| w == part.as_slice())
}

/// The inviter's name for a notice (cut to [`NAME_CHARS`]), or "this person".
fn display_name(inv: &Invitation, w: Ui) -> String {
    let name = clip(&inv.name, NAME_CHARS);
    if name.is_empty() {
        w.this_person().into()
    } else {
        name
    }
}

/// `on_list`: the page is an invitation list, where "open your invitations" would send the user
/// back to the page they are on.
fn describe_without_box(page: &mut impl Cards, settings: &Settings, on_list: bool, w: Ui) -> Notice {
    match page.count() {
        0 if on_list => Notice::new(w, Level::Info, w.empty_list()),
        0 => Notice::new(w, Level::Info, w.no_invitation()),
        1 => {
            let only = &page.invitation(0);
            let s = decide(only, settings);
            let mut notice = if s.action == Action::Reply {
                Notice::new(w, Level::Info, w.one_invitation(&display_name(only, w)))
            } else {
                advice_without_text(&s, only, w)
            };
            notice.details = details(only, &s, w);
            notice
        }
        many => {
            // A list (none of it read but the cards' count): the side panel walks through it,
            // one invitation at a time. LinkedIn renders about ten cards at a time: the count is
            // the one the page announces where it says one ("Triage 10 invitations" on a list
            // of 300 read as if NotYet saw only ten; the panel then says "Read 10 of 300").
            let all = page.announced().map_or(many, |n| many.max(n as usize));
            let mut notice = Notice::new(w, Level::Info, w.many_invitations(all));
            notice.actions = vec![NoticeAction { label: w.triage(all), request: Request::Panel }];
            notice
        }
    }
}

/// The notice for a decision without a text: accept, ignore, report.
fn advice_without_text(s: &Suggestion, inv: &Invitation, w: Ui) -> Notice {
    let who = display_name(inv, w);
    // Signs of spam first: they are what the user should check.
    // The doubt notice says itself that the signs are weak.
    let mut reasons: Vec<&Reason> = s.reasons.iter().filter(|r| r.is_spam_sign()).collect();
    reasons.extend(s.reasons.iter().filter(|r| !r.is_spam_sign() && **r != Reason::OnlyWeakSigns));
    let why = if reasons.is_empty() { String::new() } else { format!(" ({})", crate::reason::say_together(&reasons, w, true)) };
    let text = match (s.action, s.category) {
        (Action::Accept, _) => w.accept_advice(&who, &why),
        (Action::Report, _) => w.spam_advice(&who, &why),
        (Action::Ignore, Category::Spam) => w.doubt_advice(&who, &why),
        // What it is, once: the reason ("an invitation to follow a company page, not a person")
        // would say the sentence's own words again.
        (Action::Ignore, Category::NotAPerson) => w.follow_advice(&who, &format!(" ({})", crate::reason::kind_words(inv.kind, w))),
        (Action::Ignore, _) => w.ignore_advice(&who, &why),
        (Action::Reply, _) => w.no_text(&who),
    };
    let mut notice = Notice::new(w, if s.action == Action::Report { Level::Warning } else { Level::Info }, text);
    notice.details = details(inv, s, w);
    notice
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_last_draft_reads_as_its_derived_reader_reads_it() {
        use super::LastDraft;
        let derived = |json: &str| serde_json::from_str::<Option<LastDraft>>(json).ok().flatten();
        let full = LastDraft {
            url: "https://www.linkedin.com/messaging/".into(),
            node: 4_000_000_000,
            before: vec!["Hi".into(), String::new()],
            after: "Hi Sam".into(),
            restore: Some(vec!["mine".into()]),
            to: Some("Sam Person".into()),
            choice: Some(super::Choice { category: Some(crate::Category::NotAPerson), language: Some("fr".into()), variant: Some(crate::Variant::Short) }),
        };
        let written = serde_json::to_string(&full).expect("serializes");
        assert_eq!(LastDraft::from_json(&written), Some(full));
        for json in [
            written.as_str(),
            serde_json::to_string(&LastDraft::default()).expect("serializes").as_str(),
            "",
            "null",
            "{}",
            "3",
            "\"x\"",
            "{\"url\":1}",
            "{\"url\":null}",
            "{\"node\":-1}",
            "{\"node\":3.0}",
            "{\"node\":4294967296}",
            "{\"node\":7,\"other\":[1,{}]}",
            "{\"before\":null}",
            "{\"before\":[\"a\",1]}",
            "{\"before\":[]}",
            "{\"after\":\"x\"}",
            "{\"restore\":null}",
            "{\"restore\":[]}",
            "{\"restore\":\"x\"}",
            "{\"to\":null}",
            "{\"to\":2}",
            "{\"to\":\"Sam\"}",
            "{\"choice\":null}",
            "{\"choice\":{}}",
            "{\"choice\":3}",
            "{\"choice\":{\"category\":\"spam\",\"x\":1}}",
            "{\"choice\":{\"category\":\"Spam\"}}",
            "{\"choice\":{\"category\":null,\"language\":null,\"variant\":null}}",
            "{\"choice\":{\"language\":\"de\",\"variant\":\"long\"}}",
            "{\"choice\":{\"variant\":\"medium\"}}",
            "{\"choice\":{\"language\":1}}",
            "{\"url\":\"a\"",
        ] {
            assert_eq!(LastDraft::from_json(json), derived(json), "{json}");
        }
        // The array form, which the derived reader takes and nothing writes, isn't read.
        assert_eq!(LastDraft::from_json("[]"), None);
    }

    #[test]
    fn a_request_reads_as_its_derived_reader_reads_it() {
        use super::{Request, Shown};
        use crate::{Category, Variant};
        let derived = |json: &str| serde_json::from_str::<Request>(json).ok();
        let choice = super::Choice { category: Some(Category::Recruiter), language: Some("de".into()), variant: Some(Variant::Short) };
        let was = Shown { category: Category::Sales, language: "fr".into(), variant: Variant::Long };
        let all = [
            Request::Click,
            Request::Variant { variant: Variant::Short },
            Request::Restore,
            Request::Options,
            Request::Choose { choice: choice.clone(), replace: true, was: Some(was) },
            Request::Choose { choice: super::Choice::default(), replace: false, was: None },
            Request::DraftFor { name: "Sam Person".into() },
            Request::Panel,
            Request::Report,
        ];
        for r in &all {
            let json = serde_json::to_string(r).expect("serializes");
            assert_eq!(Request::from_json(&json).as_ref(), Some(r), "{json}");
            assert_eq!(Request::from_json(&json), derived(&json), "{json}");
        }
        for json in [
            "",
            "null",
            "{}",
            "[]",
            "3",
            r#"{"type":"nope"}"#,
            r#"{"type":null}"#,
            r#"{"type":3}"#,
            r#"{"type":"click","x":[1]}"#,
            r#"{"type":"variant"}"#,
            r#"{"type":"variant","variant":null}"#,
            r#"{"type":"variant","variant":"medium"}"#,
            r#"{"type":"click","variant":"medium"}"#,
            r#"{"type":"restore","variant":"long"}"#,
            r#"{"type":"choose"}"#,
            r#"{"type":"choose","choice":null}"#,
            r#"{"type":"choose","choice":{}}"#,
            r#"{"type":"choose","choice":3}"#,
            r#"{"type":"choose","choice":{"category":"spam","language":"de"}}"#,
            r#"{"type":"choose","choice":{"category":"Spam"}}"#,
            r#"{"type":"choose","replace":null}"#,
            r#"{"type":"choose","replace":1}"#,
            r#"{"type":"choose","replace":false}"#,
            r#"{"type":"choose","was":null}"#,
            r#"{"type":"choose","was":{"category":"spam","language":"de"}}"#,
            r#"{"type":"choose","was":{"category":"spam","language":"de","variant":"long"}}"#,
            r#"{"type":"panel","was":{}}"#,
            r#"{"type":"draft_for"}"#,
            r#"{"type":"draft_for","name":null}"#,
            r#"{"type":"draft_for","name":1}"#,
            r#"{"type":"report","name":"x"}"#,
            r#"{"type":"options","choice":{"variant":"short"}}"#,
            r#"{"type":"click""#,
        ] {
            assert_eq!(Request::from_json(json), derived(json), "{json}");
        }
    }

    #[test]
    fn what_was_shown_reads_back_and_needs_all_three() {
        use super::Shown;
        let shown = Shown { category: crate::Category::Recruiter, language: "de".into(), variant: crate::Variant::Short };
        let json = serde_json::to_string(&shown).expect("serializes");
        assert_eq!(serde_json::from_str::<Shown>(&json).expect("reads back"), shown);
        for missing in ["category", "language", "variant"] {
            let mut v: serde_json::Value = serde_json::from_str(&json).expect("json");
            v.as_object_mut().expect("object").remove(missing);
            let e = serde_json::from_value::<Shown>(v).expect_err("a field missing").to_string();
            assert!(e.contains(&format!("missing field `{missing}`")), "{e}");
        }
        assert!(serde_json::from_str::<Shown>(r#"{"category":"sales","language":"en","variant":"medium"}"#).is_err());
    }

    #[test]
    fn request_types_read_by_name() {
        use super::RequestKind as K;
        let kinds =
            ["click", "variant", "restore", "options", "choose", "draft_for", "panel", "report"].map(|n| serde_json::from_str::<K>(&format!("\"{n}\"")).ok());
        assert!(matches!(
            kinds,
            [Some(K::Click), Some(K::Variant), Some(K::Restore), Some(K::Options), Some(K::Choose), Some(K::DraftFor), Some(K::Panel), Some(K::Report)]
        ));
        assert!(serde_json::from_str::<K>("\"draftFor\"").is_err());
    }

    use super::*;
    use crate::reason::{Reason, Text, Topic};
    use crate::snapshot::{Child, Node};

    /// A thread with `addressee`, whose invitation the conversation mentions.
    fn page_with_box(url: &str, addressee: &str) -> Snapshot {
        let json = format!(
            r#"{{"url":"{url}","root":{{"i":1,"t":"html","c":[{{"i":2,"t":"div","a":["class","msg-overlay-conversation-bubble"],"c":[
                {{"i":3,"t":"h2","a":["class","msg-overlay-bubble-header__title"],"c":["{addressee}"]}},
                {{"i":7,"t":"p","c":["{addressee} sent you an invitation"]}},
                {{"i":4,"t":"div","a":["contenteditable","true","role","textbox"],"c":[{{"i":5,"t":"p","c":[{{"i":6,"t":"br"}}]}}]}}]}}]}}}}"#
        );
        Snapshot::from_json(&json).expect("test snapshot parses")
    }

    #[test]
    fn drafts_into_an_empty_box_then_replaces_its_own_draft() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let first = plan(&snap, &Settings::default(), None);
        let insert = first.insert.expect("drafts");
        assert_eq!(insert.mode, Mode::Replace);
        assert!(insert.lines[0].contains("Kathie"), "{:?}", insert.lines);
        // The box now holds exactly the draft: a second click replaces it, not adds a copy.
        let mut again = snap.clone();
        let lines: Vec<Child> = insert
            .lines
            .iter()
            .enumerate()
            .map(|(k, l)| Child::Element(Node { id: 100 + k as u32, tag: "p".into(), children: vec![Child::Text(l.clone())], ..Node::default() }))
            .collect();
        set_box(&mut again.root, lines);
        let second = plan(&again, &Settings::default(), Some(&insert.remember));
        let insert2 = second.insert.expect("replaces");
        assert_eq!(insert2.mode, Mode::Replace);
        assert!(insert2.remember.before.is_empty());
        // Edited by the user: left alone, and said so.
        let mut edited = snap.clone();
        set_box(&mut edited.root, vec![Child::Text("my own words".into())]);
        let third = plan(&edited, &Settings::default(), Some(&insert.remember));
        assert!(third.insert.is_none());
        assert!(third.notice.text.contains("changed"));
    }

    fn set_box(root: &mut Node, children: Vec<Child>) {
        if root.attr("contenteditable").is_some() {
            root.children = children;
            return;
        }
        for c in &mut root.children {
            if let Child::Element(n) = c {
                set_box(n, children.clone());
            }
        }
    }

    /// The snapshot after the agent carried out `insert` on `snap`'s box.
    fn after(snap: &Snapshot, insert: &Insert) -> Snapshot {
        let mut next = snap.clone();
        let lines = insert.remember.before.iter().chain(insert.lines.iter().skip(if insert.mode == Mode::Append { 0 } else { insert.remember.before.len() }));
        let children = lines
            .enumerate()
            .map(|(k, l)| Child::Element(Node { id: 100 + k as u32, tag: "p".into(), children: vec![Child::Text(l.clone())], ..Node::default() }))
            .collect();
        set_box(&mut next.root, children);
        next
    }

    #[test]
    fn the_notice_offers_the_other_length_restore_and_options() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let first = plan(&snap, &Settings::default(), None);
        let requests: Vec<Request> = first.notice.actions.iter().map(|a| a.request.clone()).collect();
        let was = Shown { category: Category::Generic, language: "en".into(), variant: Variant::Long };
        let shorter = Request::Choose { choice: Choice { variant: Some(Variant::Short), ..Choice::default() }, replace: false, was: Some(was) };
        assert_eq!(requests, vec![shorter.clone(), Request::Restore, Request::Options, Request::Report]);
        let long = first.insert.expect("drafts");

        // The shorter variant replaces the draft while it is unchanged.
        let shown = after(&snap, &long);
        let short = plan_request(&shown, &Settings::default(), Some(&long.remember), shorter, Ui::En);
        let short_insert = short.insert.expect("swaps");
        assert_eq!(short_insert.mode, Mode::Replace);
        assert!(short_insert.lines.join(" ").len() < long.lines.join(" ").len());
        assert!(short.notice.text.starts_with("Now the short version (was long)."), "{}", short.notice.text);
        assert_eq!(short.notice.actions[0].label, "Longer");

        // Restore puts back the empty box it was.
        let shown = after(&snap, &short_insert);
        let restored = plan_request(&shown, &Settings::default(), Some(&short_insert.remember), Request::Restore, Ui::En);
        let r = restored.insert.expect("restores");
        assert_eq!((r.mode, r.lines.len()), (Mode::Replace, 0));
    }

    #[test]
    fn restore_puts_back_the_users_own_text_and_never_their_edits() {
        let mut snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        set_box(&mut snap.root, vec![Child::Element(Node { id: 50, tag: "p".into(), children: vec![Child::Text("Hello Kathie!".into())], ..Node::default() })]);
        let first = plan(&snap, &Settings::default(), None).insert.expect("appends");
        assert_eq!(first.mode, Mode::Append);
        assert_eq!(first.remember.before, vec!["Hello Kathie!".to_owned()]);
        let shown = after(&snap, &first);
        let restored = plan_request(&shown, &Settings::default(), Some(&first.remember), Request::Restore, Ui::En).insert.expect("restores");
        assert_eq!(restored.lines, vec!["Hello Kathie!".to_owned()]);
        // Edited after the draft: Restore leaves it.
        let mut edited = shown.clone();
        set_box(&mut edited.root, vec![Child::Text("Hello Kathie! plus my edit".into())]);
        let refused = plan_request(&edited, &Settings::default(), Some(&first.remember), Request::Restore, Ui::En);
        assert!(refused.insert.is_none());
        // Nothing written yet: nothing to restore.
        assert!(plan_request(&snap, &Settings::default(), None, Request::Restore, Ui::En).insert.is_none());
    }

    #[test]
    fn requests_read_from_json() {
        let plan = plan_json("{\"url\":\"https://example.com/\",\"root\":{\"i\":1,\"t\":\"html\"}}", "", "", r#"{"type":"variant","variant":"short"}"#, "");
        assert_eq!(plan.notice, unsupported_notice("en-US"));
        // Every request the notice hands out reads back as itself.
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let first = super::plan(&snap, &Settings::default(), None);
        let all = first.notice.actions.iter().chain(first.notice.choices.iter().flat_map(|c| c.options.iter()));
        for a in all {
            let json = serde_json::to_string(&a.request).expect("serializes");
            assert_eq!(serde_json::from_str::<Request>(&json).expect("reads back"), a.request, "{json}");
        }
        assert!(serde_json::from_str::<Request>(r#"{"type":"variant"}"#).is_err());
        // Settings problems are listed on the notice in the user's words, without JSON paths.
        let json = serde_json::to_string(&snap).expect("serializes");
        let warned = plan_json(&json, r#"{"me": {"email": "pat.example.com"}}"#, "", "", "de");
        assert_eq!(warned.notice.details.last().map(String::as_str), Some("Ihre Einstellungen haben ein Problem (die Optionen zeigen, wo): „pat.example.com“ sieht nicht wie eine E-Mail-Adresse aus; Antworten lassen sie weg"));
        let bad = plan_json("{}", "", "", r#"{"type":"send"}"#, "");
        assert_eq!(bad.notice.level, Level::Error);
    }

    #[test]
    fn no_second_greeting_under_the_users_own() {
        let mut snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let para = |k: u32, l: &str| Child::Element(Node { id: 50 + k, tag: "p".into(), children: vec![Child::Text(l.into())], ..Node::default() });
        // (what the user typed, a line a paragraph; whether the draft keeps its own "Hi Kathie,")
        let cases: &[(&[&str], bool)] = &[
            (&["Hi Kathie, thanks for the kind words!"], false),
            (&["Hi Kathie,"], false),
            (&["Hallo Kathie"], false),
            (&["Dear Ms. Smith,"], false),
            // Greetings that name them, however long, and the greeting the draft goes right under.
            (&["Hi Kathie, thanks so much for the kind words about the post, it means a lot."], false),
            (&["Thanks for the invite, Kathie! Quick question first:"], false),
            (&["Kathie,"], false),
            (&["(note to self: keep it short)", "Hi Kathie,"], false),
            (&["Bonjour Kathie !", "Merci pour votre message."], false),
            // Neither a greeting nor their name: the draft keeps its own.
            (&["Thanks for the invite! One question first:"], true),
            (&["I will answer properly later.", "smith & co. were mentioned"], true),
            // Their name only mentioned, not spoken to: the draft keeps its greeting.
            (&["I met Kathie at RustConf, ask about the talk."], true),
            (&["Thanks, Kathie."], false),
        ];
        for (typed, keeps) in cases {
            set_box(&mut snap.root, typed.iter().enumerate().map(|(k, l)| para(k as u32, l)).collect());
            let insert = plan(&snap, &Settings::default(), None).insert.expect("appends");
            assert_eq!(insert.mode, Mode::Append);
            let first = insert.lines.iter().find(|l| !l.is_empty()).expect("a draft");
            assert_eq!(first.starts_with("Hi Kathie"), *keeps, "{typed:?}: {:?}", insert.lines);
        }
        assert!(
            is_greeting("Guten Tag Frau Smith,")
                && is_greeting("Hola:")
                && !is_greeting("Good luck with the new role, and thanks for reaching out to me today!")
        );
    }

    #[test]
    fn writes_nothing_on_the_sent_invitations_page() {
        let snap = page_with_box("https://www.linkedin.com/mynetwork/invitation-manager/sent/", "Kathie Smith");
        let plan = plan(&snap, &Settings::default(), None);
        assert!(plan.insert.is_none());
        assert!(plan.notice.text.contains("you sent"));
    }

    #[test]
    fn german_success_notice_and_buttons() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let plan = plan_request(&snap, &Settings::default(), None, Request::Click, Ui::De);
        assert!(plan.insert.is_some());
        // No note in the box's thread: the reason quoted is the classifier's, in German.
        assert!(plan.notice.text.starts_with("Antwort an Kathie Smith entworfen (Grund: keine persönliche Nachricht)."), "{}", plan.notice.text);
        assert!(plan.notice.text.contains("Bitte lesen Sie sie durch und drücken Sie selbst auf Senden."), "{}", plan.notice.text);
        // No name in the settings: said in German too.
        assert!(plan.notice.text.ends_with("Tragen Sie ihn unter „Optionen“ ein."), "{}", plan.notice.text);
        let labels: Vec<&str> = plan.notice.actions.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["Kürzer", "Wiederherstellen", "Optionen", "Nicht richtig?"]);
        assert!(plan.gone_notice.text.starts_with("Das Nachrichtenfeld wurde geschlossen"));
        // The short variant offers the long one back, in German too.
        let short = plan_request(&snap, &Settings::default(), None, Request::Variant { variant: Variant::Short }, Ui::De);
        assert_eq!(short.notice.actions[0].label, "Länger");
        // The same click through JSON, as the service worker makes it.
        let json = serde_json::to_string(&snap).expect("serializes");
        assert_eq!(plan_json(&json, "", "", "", "de-DE").notice, plan.notice);
        assert_eq!(plan_json(&json, "", "", "", "xx").notice, plan_request(&snap, &Settings::default(), None, Request::Click, Ui::En).notice);
    }

    #[test]
    fn german_notices_without_a_box() {
        let de = |snap: &Snapshot| plan_request(snap, &Settings::default(), None, Request::Click, Ui::De).notice;
        let empty = Snapshot::from_json(r#"{"url":"https://www.linkedin.com/mynetwork/invitation-manager/","root":{"i":1,"t":"html"}}"#).expect("parses");
        // An empty invitation list: the user is already there, so no "open your invitations".
        assert_eq!(de(&empty).text, Ui::De.empty_list());
        assert!(de(&empty).text.starts_with("NotYet hat auf dieser Liste keine offene Einladung gefunden."));
        let profile = Snapshot::from_json(r#"{"url":"https://www.linkedin.com/in/someone/","root":{"i":1,"t":"html"}}"#).expect("parses");
        assert_eq!(de(&profile).text, Ui::De.no_invitation());
        assert!(de(&profile).text.starts_with("Auf dieser Seite wurde keine Einladung gefunden."));
        let elsewhere = Snapshot::from_json(r#"{"url":"https://example.com/","root":{"i":1,"t":"html"}}"#).expect("parses");
        assert_eq!(de(&elsewhere), unsupported_notice("de"));
        assert!(unsupported_notice("de-AT").text.starts_with("NotYet funktioniert auf LinkedIn."));
        assert!(unsupported_notice("fr").text.starts_with("NotYet fonctionne sur LinkedIn."));
        assert!(unsupported_notice("es").text.starts_with("NotYet works on LinkedIn."));
        let sent = page_with_box("https://www.linkedin.com/mynetwork/invitation-manager/sent/", "Kathie Smith");
        assert!(de(&sent).text.contains("die Sie gesendet haben"));
        let options = plan_request(&empty, &Settings::default(), None, Request::Options, Ui::De).notice;
        assert_eq!(options.text, "Die Optionen von NotYet werden geöffnet.");
        assert!(plan_json("{}", "", "", r#"{"type":"send"}"#, "de").notice.text.contains("Es wurde nichts geändert."));
    }

    #[test]
    fn german_spam_advice_with_german_reasons() {
        let spam = Suggestion {
            category: Category::Spam,
            action: Action::Report,
            first_name: None,
            language: "en".into(),
            text: None,
            template: None,
            reasons: vec![Reason::Mentions { text: Text::Note, topic: Topic::CryptoOrTrading }, Reason::NameHasDigits],
            limit: crate::MESSAGE_LIMIT,
        };
        let king = Invitation { name: "Crypto King 77".into(), ..Invitation::default() };
        let notice = advice_without_text(&spam, &king, Ui::De);
        assert_eq!(notice.level, Level::Warning);
        assert_eq!(
            notice.text,
            "Diese Einladung von Crypto King 77 sieht nach Spam aus (Nachricht erwähnt Krypto oder Trading; Name enthält Ziffern). Antworten Sie besser nicht: Ignorieren oder melden Sie sie. Es wurde nichts geschrieben."
        );
        assert!(advice_without_text(&spam, &king, Ui::En)
            .text
            .starts_with("This invitation from Crypto King 77 looks like spam (note mentions crypto or trading;"));
        // Signs in the same text: its topics said once ("note mentions …; note mentions …; …" read like a form).
        let mut three = spam.clone();
        three.reasons = [Topic::MoneyPromises, Topic::CryptoOrTrading, Topic::MovingChat]
            .into_iter()
            .map(|topic| Reason::Mentions { text: Text::Note, topic })
            .chain([Reason::Mentions { text: Text::Headline, topic: Topic::CryptoOrTrading }, Reason::NameHasDigits])
            .collect();
        let said = |s: &Suggestion, w| advice_without_text(s, &king, w).text;
        assert!(
            said(&three, Ui::En).contains("(note mentions money promises, crypto or trading, and moving to WhatsApp or Telegram; headline mentions crypto or trading; name contains digits)"),
            "{}",
            said(&three, Ui::En)
        );
        assert!(
            said(&three, Ui::De).contains("(Nachricht erwähnt Geldversprechen, Krypto oder Trading und Wechsel zu WhatsApp oder Telegram; Titel erwähnt"),
            "{}",
            said(&three, Ui::De)
        );
        assert!(said(&three, Ui::Fr).contains(" et "), "{}", said(&three, Ui::Fr));
        three.reasons.truncate(2);
        assert!(said(&three, Ui::En).contains("(note mentions money promises and crypto or trading)"), "{}", said(&three, Ui::En));
    }

    #[test]
    fn german_restore_notices() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let first = plan_request(&snap, &Settings::default(), None, Request::Click, Ui::De).insert.expect("drafts");
        let restored = plan_request(&after(&snap, &first), &Settings::default(), Some(&first.remember), Request::Restore, Ui::De);
        assert_eq!(restored.notice.text, "Wiederhergestellt: Das Feld ist wieder leer, wie zuvor.");
        let nothing = plan_request(&snap, &Settings::default(), None, Request::Restore, Ui::De);
        assert!(nothing.notice.text.starts_with("Nichts wiederherzustellen"));
    }

    #[test]
    fn a_list_without_a_box_offers_the_panel() {
        let card = |k: u32, name: &str| {
            format!(
                r#"{{"i":{k},"t":"li","a":["class","invitation-card"],"c":[{{"i":{},"t":"span","a":["class","invitation-card__title"],"c":["{name}"]}}]}}"#,
                k + 1
            )
        };
        let json = format!(
            r#"{{"url":"https://www.linkedin.com/mynetwork/invitation-manager/received/","root":{{"i":1,"t":"ul","c":[{},{}]}}}}"#,
            card(10, "Kathie Smith"),
            card(20, "Drew Stone")
        );
        let snap = Snapshot::from_json(&json).expect("parses");
        let plan = plan(&snap, &Settings::default(), None);
        assert!(plan.read);
        assert_eq!(last_read(&snap).len(), 2);
        assert_eq!(plan.notice.actions.first(), Some(&NoticeAction { label: "Triage 2 invitations".into(), request: Request::Panel }));
        assert_eq!(plan_json(&json, "", "", r#"{"type":"panel"}"#, "de").notice.text, "Das Einladungs-Panel von NotYet wird geöffnet.");
        // The page says how many its list holds, of which it has rendered two: that count.
        let json = json.replacen(r#""root":{"i":1,"t":"ul","c":["#, r#""root":{"i":1,"t":"ul","c":[{"i":2,"t":"button","c":["Focused (300)"]},"#, 1);
        let announced = super::plan(&Snapshot::from_json(&json).expect("parses"), &Settings::default(), None);
        assert_eq!(announced.notice.text, "300 invitations. Open Reply or Message on one to draft a decline.");
        assert_eq!(announced.notice.actions.first().map(|a| a.label.as_str()), Some("Triage 300 invitations"));
    }

    #[test]
    fn bad_snapshot_json_becomes_a_notice() {
        let plan = plan_json("{not json", "", "", "", "");
        assert!(plan.insert.is_none());
        assert_eq!(plan.notice.level, Level::Error);
    }

    /// Every page the tests hold (the fixture pages, the outside pages, the panel's, the bench's
    /// generated 300-card page), as the agent would send it.
    #[cfg(feature = "html")]
    fn every_page() -> Vec<(String, Snapshot)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let mut out = Vec::new();
        for dir in ["pages", "outside", "panel"] {
            let d = root.join(dir);
            let mut names: Vec<String> = std::fs::read_dir(&d)
                .expect("fixture directory")
                .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".html").map(str::to_owned))
                .collect();
            names.sort();
            for n in names {
                let html = std::fs::read_to_string(d.join(format!("{n}.html"))).expect("fixture page");
                let spec: Option<serde_json::Value> = std::fs::read_to_string(d.join(format!("{n}.json"))).ok().and_then(|j| serde_json::from_str(&j).ok());
                let url = spec.as_ref().and_then(|v| v["url"].as_str()).unwrap_or("https://www.linkedin.com/mynetwork/invitation-manager/received/").to_owned();
                let load = |p: &str| std::fs::read_to_string(d.join(p)).ok();
                let page = crate::html::snapshot_of(&html, &url, &crate::html::Options { frames: Some(&load), mark: None });
                out.push((format!("{dir}/{n}"), page.snapshot));
            }
        }
        assert!(out.len() > 50, "{} pages", out.len());
        let bench = include_str!("../benches/pages/mod.rs");
        assert!(bench.contains("Sam Person"), "the bench's page is the one below");
        out.push(("bench 300".into(), Snapshot::from_json(&bench_page(300)).expect("parses")));
        out
    }

    /// `benches/pages/mod.rs`'s page, built the same way (that file is the bench's, not the library's).
    #[cfg(feature = "html")]
    fn bench_page(n: usize) -> String {
        mod pages {
            include!("../benches/pages/mod.rs");
        }
        pages::page(n)
    }

    /// The page with a message box (focused) whose label names `to`, or no one.
    #[cfg(feature = "html")]
    fn with_box(snap: &Snapshot, to: Option<&str>) -> Snapshot {
        let mut s = snap.clone();
        let mut attrs = vec![("contenteditable".into(), "true".into()), ("role".into(), "textbox".into())];
        if let Some(to) = to {
            attrs.push(("aria-label".into(), format!("Reply to {to}")));
        }
        s.root.children.push(Child::Element(Node { id: 9_999_990, tag: "div".into(), attrs, ..Node::default() }));
        s.focus = Some(9_999_990);
        s
    }

    /// A click reads each card only as far as its name, and whole only the one it drafts for
    /// (`PageReader`): on every page the tests hold, under every request and addressee tried,
    /// its plan is the plan made from the page read whole first, as every click did before; and
    /// each card's name read alone is the name read whole.
    #[cfg(feature = "html")]
    #[test]
    fn a_click_reading_only_names_plans_as_one_reading_everything() {
        let settings = Settings::default();
        let mut plans = 0;
        for (file, snap) in every_page() {
            let whole = read_page(&snap);
            let mut reader = PageReader::new(&snap);
            assert_eq!(reader.count(), whole.invitations.len(), "{file}");
            for (k, inv) in whole.invitations.iter().enumerate() {
                assert_eq!(reader.key(k), name_key(&inv.name), "{file}: card {k}, read for its name");
            }
            assert_eq!((0..reader.count()).map(|k| reader.invitation(k)).collect::<Vec<_>>(), whole.invitations, "{file}: read whole after its name");

            let names: Vec<String> = whole.invitations.iter().take(12).map(|i| i.name.clone()).collect();
            let mut addressees: Vec<String> = vec!["Nobody Atall".into(), "Sam".into(), "...".into(), String::new()];
            for name in &names {
                let words: Vec<&str> = name.split_whitespace().collect();
                addressees.extend([name.clone(), format!("{name} Extra")]);
                addressees.extend(words.first().into_iter().chain(words.last()).map(|w| w.to_string()));
            }
            addressees.sort();
            addressees.dedup();
            let mut cases: Vec<(Snapshot, Option<String>)> =
                vec![(snap.clone(), None), (snap.clone(), Some("Nobody Atall".into())), (with_box(&snap, None), None)];
            cases.extend(names.iter().map(|n| (snap.clone(), Some(n.clone()))));
            cases.extend(addressees.iter().map(|a| (with_box(&snap, Some(a)), None)));
            for (page, chosen) in cases {
                let lazy = plan_request(&page, &settings, None, chosen.clone().map_or(Request::Click, |name| Request::DraftFor { name }), Ui::En);
                let eager = if !is_supported_url(&page.url) || page.url.contains("/invitation-manager/sent") {
                    plan_request(&page, &settings, None, chosen.clone().map_or(Request::Click, |name| Request::DraftFor { name }), Ui::En)
                } else {
                    let read = read_page(&page);
                    // As `plan_request` and `plan_draft` wrap it.
                    let mut plan = plan_page(
                        &mut Listed(&read.invitations, PageReader::new(&page).announced()),
                        read.composer,
                        &page,
                        &settings,
                        None,
                        chosen.as_deref(),
                        Asked::default(),
                        Ui::En,
                    );
                    plan.read = true;
                    plan.notice.actions.push(NoticeAction { label: Ui::En.not_right().into(), request: Request::Report });
                    plan
                };
                assert_eq!(lazy, eager, "{file}, for {chosen:?}");
                plans += 1;
            }
        }
        assert!(plans > 700, "{plans} plans compared");
    }

    /// The worker's JSON, written by hand, is the derived writers' byte for byte: the plan of a
    /// click on every page the tests hold, with no box, a box for no one and a box for its first
    /// card, in each language, and the invitations each page reads (`lastRead`'s list); then the
    /// plan of every button and menu option on its notice, with the draft it wrote as the tab's
    /// last draft.
    #[cfg(feature = "html")]
    #[test]
    fn plans_are_written_as_their_derived_writer_writes_them() {
        let settings = Settings::default();
        let mut plans = 0;
        for (file, snap) in every_page() {
            let first = read_page(&snap).invitations.first().map(|i| i.name.clone());
            let pages = [
                (snap.clone(), Ui::En),
                (with_box(&snap, None), Ui::De),
                (with_box(&snap, first.as_deref()), Ui::Fr),
                (with_box(&snap, first.as_deref()), Ui::En),
            ];
            for (page, w) in pages {
                let plan = plan_request(&page, &settings, None, Request::Click, w);
                assert_eq!(plan.to_json(), serde_json::to_string(&plan).expect("serializes"), "{file}");
                let read = last_read(&page);
                assert_eq!(Invitation::list_json(&read), serde_json::to_string(&read).expect("serializes"), "{file}");
                plans += 1;
                if file == "bench 300" {
                    continue;
                }
                let last = plan.insert.as_ref().map(|i| i.remember.clone());
                let options = plan.notice.choices.iter().flat_map(|c| &c.options);
                for a in plan.notice.actions.iter().chain(options) {
                    let p = plan_request(&page, &settings, last.as_ref(), a.request.clone(), w);
                    assert_eq!(p.to_json(), serde_json::to_string(&p).expect("serializes"), "{file}: {:?}", a.request);
                    plans += 1;
                }
            }
        }
        assert!(plans > 1000, "{plans} plans compared");
    }

    /// A notice and a plan with every field the writers can leave out, every request and
    /// characters JSON escapes, written as the derived writers write them.
    #[test]
    fn notices_with_every_field_are_written_as_their_derived_writer_writes_them() {
        let odd = "\"quoted\" \\ line\nbreak\ttab \u{1}\u{1f} é \u{2028} 😀 </b>";
        let choice = Choice { category: Some(Category::NotAPerson), language: Some(odd.into()), variant: Some(Variant::Short) };
        let shown = Shown { category: Category::Generic, language: "de".into(), variant: Variant::Long };
        let requests = [
            Request::Click,
            Request::Variant { variant: Variant::Short },
            Request::Variant { variant: Variant::Long },
            Request::Restore,
            Request::Options,
            Request::Choose { choice: Choice::default(), replace: false, was: None },
            Request::Choose { choice: choice.clone(), replace: true, was: Some(shown) },
            Request::DraftFor { name: odd.into() },
            Request::Panel,
            Request::Report,
        ];
        let actions: Vec<NoticeAction> = requests.iter().map(|r| NoticeAction { label: odd.into(), request: r.clone() }).collect();
        let mut notice = Notice::new(Ui::Fr, Level::Success, odd);
        for level in [Level::Success, Level::Info, Level::Warning, Level::Error] {
            notice.level = level;
            assert_eq!(notice.to_json(), serde_json::to_string(&notice).expect("serializes"));
        }
        notice.details = vec![odd.into(), String::new()];
        notice.choices = vec![
            NoticeChoice { label: odd.into(), options: actions.clone(), selected: 3 },
            NoticeChoice { label: String::new(), options: Vec::new(), selected: 0 },
        ];
        notice.actions = actions;
        notice.focus_action = Some(usize::MAX);
        assert_eq!(notice.to_json(), serde_json::to_string(&notice).expect("serializes"));
        let remember = LastDraft { url: odd.into(), node: u32::MAX, before: vec![odd.into()], after: odd.into(), restore: None, to: None, choice: None };
        let suggestion = Suggestion {
            category: Category::Spam,
            action: Action::Report,
            first_name: None,
            language: String::new(),
            text: None,
            template: None,
            reasons: vec![Reason::OnlyWeakSigns, Reason::NoTemplate { id: odd.into() }],
            limit: 0,
        };
        let mut plan = Plan {
            read: true,
            suggestion: Some(suggestion),
            insert: Some(Insert { node: 0, mode: Mode::Append, lines: Vec::new(), remember }),
            notice: notice.clone(),
            gone_notice: Notice::new(Ui::De, Level::Warning, ""),
            warnings: vec![odd.into()],
        };
        assert_eq!(plan.to_json(), serde_json::to_string(&plan).expect("serializes"));
        if let Some(i) = plan.insert.as_mut() {
            i.mode = Mode::Replace;
            i.lines = vec![odd.into(), String::new()];
            i.remember = LastDraft { restore: Some(vec![]), to: Some(odd.into()), choice: Some(Choice::default()), ..i.remember.clone() };
        }
        assert_eq!(plan.to_json(), serde_json::to_string(&plan).expect("serializes"));
        if let Some(i) = plan.insert.as_mut() {
            i.remember.restore = Some(vec![odd.into(), String::new()]);
            i.remember.choice = Some(choice);
        }
        plan.suggestion = Some(Suggestion {
            first_name: Some(odd.into()),
            text: Some(odd.into()),
            template: Some(odd.into()),
            limit: u32::MAX,
            ..Suggestion::clone(plan.suggestion.as_ref().expect("set above"))
        });
        assert_eq!(plan.to_json(), serde_json::to_string(&plan).expect("serializes"));
        let empty = Plan { suggestion: None, insert: None, warnings: Vec::new(), ..plan };
        assert_eq!(empty.to_json(), serde_json::to_string(&empty).expect("serializes"));
    }

    /// Every string a notice shows (text, details, menus, buttons, close).
    fn shown_text(n: &Notice) -> Vec<String> {
        let mut out = vec![n.text.clone(), n.close.clone()];
        out.extend(n.details.iter().cloned());
        for c in &n.choices {
            out.push(c.label.clone());
            out.extend(c.options.iter().map(|o| o.label.clone()));
        }
        out.extend(n.actions.iter().map(|a| a.label.clone()));
        out
    }

    #[test]
    fn a_nameless_inviter_starts_the_decided_line_capitalised() {
        let nobody = Invitation::default();
        let s = crate::decide(&nobody, &Settings::default());
        for (w, want) in [(Ui::En, "This person · "), (Ui::De, "Diese Person · "), (Ui::Fr, "Cette personne · ")] {
            let line = &details(&nobody, &s, w)[0];
            assert!(line.starts_with(want), "{line}");
        }
    }

    #[test]
    fn the_notice_says_what_was_read_and_decided() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let plan = plan(&snap, &Settings::default(), None);
        assert_eq!(plan.notice.details, ["Kathie Smith · sent no personal note → Reply (Generic, English, long)", "Read: no note"]);
        assert_eq!(plan.notice.close, "Close");
        let labels: Vec<&str> = plan.notice.choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Reply as", "Language"]);
        let categories = &plan.notice.choices[0];
        assert_eq!(
            categories.options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>(),
            ["Recruiter", "Sales", "Mutual connections", "Personal", "Generic"]
        );
        assert_eq!(categories.options[categories.selected].label, "Generic");
        let languages = &plan.notice.choices[1];
        assert_eq!(languages.options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>(), ["English", "German", "French", "Spanish"]);
        assert_eq!(languages.options[languages.selected].label, "English");

        // A note and mutual connections are read back in their first words, cut to a length.
        let inv = Invitation {
            name: "Alex Member".into(),
            note: Some("Hi Pat, I read your post about saying no kindly and tried it with my own team last week.".into()),
            mutual_connections: Some(3),
            ..Invitation::default()
        };
        let s = decide(&inv, &Settings::default());
        let lines = details(&inv, &s, Ui::En);
        assert_eq!(lines[0], "Alex Member · wrote a personal note → Reply (Personal, English, long)");
        assert!(lines[1].starts_with("Read: note “Hi Pat, I read your post about saying no kindly and"), "{}", lines[1]);
        assert!(lines[1].ends_with("…” · 3 mutual connections"), "{}", lines[1]);

        // A note in a language no template speaks: the language item says why the reply isn't in it.
        let daan = Invitation {
            name: "Daan de Vries".into(),
            note: Some("Hallo, ik heb uw artikel over netwerken gelezen en zou graag met u verbinden.".into()),
            ..inv
        };
        let s = decide(&daan, &Settings::default());
        for (ui, line) in [
            (Ui::En, "Daan de Vries · wrote a personal note → Reply (Personal, written in English: no Dutch template, long)"),
            (Ui::De, "Daan de Vries · persönliche Nachricht → Antworten (Persönlich, auf Englisch geschrieben: keine Vorlage auf Niederländisch, lang)"),
            (Ui::Fr, "Daan de Vries · message personnel → Répondre (Personnel, rédigé en anglais\u{a0}: aucun modèle en néerlandais, version longue)"),
        ] {
            assert_eq!(details(&daan, &s, ui)[0], line);
        }
    }

    #[test]
    fn another_category_language_and_length_on_the_spot_and_what_changed() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let first = plan(&snap, &Settings::default(), None);
        let german = first.notice.choices[1].options.iter().find(|o| o.label == "German").expect("German is offered").request.clone();
        let shown = after(&snap, first.insert.as_ref().expect("drafts"));
        let de = plan_request(&shown, &Settings::default(), Some(&first.insert.as_ref().expect("drafts").remember), german, Ui::En);
        assert_eq!(de.suggestion.as_ref().map(|s| s.language.as_str()), Some("de"));
        assert!(de.notice.text.starts_with("Now in German (was English)."), "{}", de.notice.text);
        assert!(de.insert.as_ref().expect("replaces").lines[0].starts_with("Guten Tag"), "{:?}", de.insert);
        // The next choice keeps the language: the recruiter reply, in German.
        let recruiter = de.notice.choices[0].options.iter().find(|o| o.label == "Recruiter").expect("offered").request.clone();
        let shown = after(&shown, de.insert.as_ref().expect("replaces"));
        let r = plan_request(&shown, &Settings::default(), Some(&de.insert.as_ref().expect("replaces").remember), recruiter, Ui::En);
        let s = r.suggestion.as_ref().expect("decided");
        assert_eq!((s.category, s.language.as_str()), (Category::Recruiter, "de"));
        assert!(r.notice.text.starts_with("Now the Recruiter reply (was Generic)."), "{}", r.notice.text);
        // A choice that changes nothing says so.
        let same = Request::Choose {
            choice: Choice::default(),
            replace: false,
            was: Some(Shown { category: Category::Generic, language: "en".into(), variant: Variant::Long }),
        };
        assert!(plan_request(&snap, &Settings::default(), None, same, Ui::En).notice.text.starts_with("Nothing changed"));
        // A click on the same box again keeps what was picked: after an edit, "Replace anyway"
        // writes the German recruiter reply, not the English default over it.
        let remember = &r.insert.as_ref().expect("replaces").remember;
        let mut edited = after(&shown, r.insert.as_ref().expect("replaces"));
        set_box(
            &mut edited.root,
            vec![Child::Element(Node { id: 60, tag: "p".into(), children: vec![Child::Text("Mein eigener Text.".into())], ..Node::default() })],
        );
        let asked = plan(&edited, &Settings::default(), Some(remember));
        assert!(asked.notice.details[0].ends_with("→ Reply (Recruiter, German, long)"), "{}", asked.notice.details[0]);
        let again = plan_request(&edited, &Settings::default(), Some(remember), asked.notice.actions[0].request.clone(), Ui::En);
        let s = again.suggestion.as_ref().expect("decided");
        assert_eq!((s.category, s.language.as_str()), (Category::Recruiter, "de"));
        // Another box (another card's Reply on the same list) starts from the decision again.
        let other = LastDraft { node: remember.node + 1, ..remember.clone() };
        let fresh = plan(&edited, &Settings::default(), Some(&other)).suggestion.expect("decided");
        assert_eq!((fresh.category, fresh.language.as_str()), (Category::Generic, "en"));
    }

    #[test]
    fn replace_anyway_after_an_edit_and_restore_brings_the_edit_back() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let first = plan(&snap, &Settings::default(), None).insert.expect("drafts");
        let mut edited = after(&snap, &first);
        let mine = vec!["Hi Kathie, my own words now.".to_owned()];
        set_box(&mut edited.root, vec![Child::Element(Node { id: 60, tag: "p".into(), children: vec![Child::Text(mine[0].clone())], ..Node::default() })]);
        let asked = plan(&edited, &Settings::default(), Some(&first.remember));
        assert!(asked.insert.is_none());
        assert_eq!(asked.notice.actions[0].label, "Replace anyway");
        let replaced = plan_request(&edited, &Settings::default(), Some(&first.remember), asked.notice.actions[0].request.clone(), Ui::En);
        assert!(replaced.notice.text.starts_with("Replaced your edited draft"), "{}", replaced.notice.text);
        // Replace anyway is gone from this notice: the focus goes to Restore, which undoes it.
        let focused = replaced.notice.focus_action.map(|i| replaced.notice.actions[i].request.clone());
        assert_eq!(focused, Some(Request::Restore));
        assert_eq!(plan(&snap, &Settings::default(), None).notice.focus_action, None, "else the agent keeps the place");
        let insert = replaced.insert.expect("replaces anyway");
        assert_eq!(insert.mode, Mode::Replace);
        assert_eq!(insert.remember.restore.as_deref(), Some(&mine[..]));
        // Restore puts back the user's edited version, not the empty box.
        let now = after(&edited, &insert);
        let restored = plan_request(&now, &Settings::default(), Some(&insert.remember), Request::Restore, Ui::En).insert.expect("restores");
        assert_eq!(restored.lines, mine);
    }

    #[test]
    fn spam_can_be_drafted_anyway_and_weak_signs_say_ignore() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Anna Smith 2847");
        let plan = plan(&snap, &Settings::default(), None);
        let s = plan.suggestion.as_ref().expect("decided");
        assert_eq!((s.category, s.action), (Category::Spam, Action::Ignore));
        assert!(
            plan.notice.text.starts_with("This invitation from Anna Smith 2847 has a sign of spam (name contains digits), though not a strong one."),
            "{}",
            plan.notice.text
        );
        assert!(plan.insert.is_none());
        assert_eq!(plan.notice.actions[0].label, "Not spam: draft anyway");
        let anyway = plan_request(&snap, &Settings::default(), None, plan.notice.actions[0].request.clone(), Ui::En);
        assert!(anyway.insert.is_some());
        assert_eq!(anyway.suggestion.map(|s| (s.category, s.action)), Some((Category::Generic, Action::Reply)));
        // The reply's reason is the user's word, not the sign of spam it was drafted despite.
        assert!(anyway.notice.text.starts_with("Drafted a reply to Anna Smith 2847 (reason: you asked for it)."), "{}", anyway.notice.text);
        assert!(anyway.notice.details[0].starts_with("Anna Smith 2847 · you asked for it → Reply (Generic"), "{}", anyway.notice.details[0]);
        assert_eq!(Ui::De.not_spam(), "Kein Spam: trotzdem entwerfen");
    }

    /// A first click before the welcome page was filled in: the draft has no sign-off, and the
    /// notice says why and where to set the name (issue 9's first run).
    #[test]
    fn a_draft_without_a_name_says_where_to_set_it() {
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let plan = plan(&snap, &Settings::default(), None);
        assert!(plan.insert.is_some());
        assert!(plan.notice.text.ends_with("Your name isn't set, so the draft ends without a sign-off: add it in Options."), "{}", plan.notice.text);
        let (named, _) = Settings::from_json(r#"{"me": {"name": "Pat Example"}}"#);
        assert!(!super::plan(&snap, &named, None).notice.text.contains("Your name"));
        let (signed, _) = Settings::from_json(r#"{"sign_off": "Cheers"}"#);
        assert!(!super::plan(&snap, &signed, None).notice.text.contains("Your name"));
    }

    /// The follow notice said "(an invitation to follow a company page, not a person), not a
    /// person to answer": its own words twice.
    #[test]
    fn a_follow_invitation_says_what_it_is_once() {
        let inv = Invitation { name: "Acme Labs".into(), kind: crate::Kind::Company, ..Invitation::default() };
        let s = decide(&inv, &Settings::default());
        let said: Vec<String> = Ui::ALL.iter().map(|&w| advice_without_text(&s, &inv, w).text).collect();
        assert_eq!(said[0], "This is an invitation to follow Acme Labs (a company page), not a person to answer. Ignore it if you like. Nothing was written.");
        assert!(said[1].starts_with("Dies ist eine Einladung, Acme Labs zu folgen (eine Unternehmensseite), keine Person"), "{}", said[1]);
        assert!(said[2].starts_with("C'est une invitation à suivre Acme Labs (une page d'entreprise), pas une personne"), "{}", said[2]);
        let event = Invitation { name: "Data Days".into(), kind: crate::Kind::Event, ..Invitation::default() };
        assert!(advice_without_text(&decide(&event, &Settings::default()), &event, Ui::En).text.contains("(an event)"));
    }

    #[test]
    fn a_page_never_reads_the_users_known_entries_and_long_names_are_cut() {
        let (settings, _) = Settings::from_json(r#"{"known": {"companies": ["Acme Corp"], "schools": ["TU Wien"], "people": ["Jane Q. Doe"]}}"#);
        for ui in Ui::ALL {
            let inv = Invitation { name: "Sam Lee".into(), headline: Some("Engineer at Acme Corp".into()), ..Invitation::default() };
            let s = decide(&inv, &settings);
            assert_eq!(s.category, Category::Known);
            let notice = advice_without_text(&s, &inv, ui);
            for text in shown_text(&notice) {
                assert!(!text.contains("Acme"), "{ui:?}: {text}");
            }
        }
        let huge = "Name ".repeat(200_000);
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", &huge);
        let plan = plan(&snap, &Settings::default(), None);
        for text in shown_text(&plan.notice) {
            assert!(text.chars().count() < 400, "{} chars", text.chars().count());
        }
        assert_eq!(clip("  a  b  ", 10), "a b");
        // Cut where a character ends: an emoji keeps its skin tone, a family and a flag stay whole.
        for (s, max, want) in [
            ("ab👍🏽👍🏽", 3, "ab"),
            ("ab👍🏽👍🏽", 4, "ab👍🏽"),
            ("x👨\u{200d}👩\u{200d}👧", 3, "x"),
            ("x👨\u{200d}👩\u{200d}👧", 5, "x"),
            ("x👨\u{200d}👩\u{200d}👧y", 6, "x👨\u{200d}👩\u{200d}👧"),
            ("🇩🇪🇫🇷", 1, ""),
            ("🇩🇪🇫🇷", 3, "🇩🇪"),
            ("Zoe\u{301} M", 3, "Zo"),
            ("1\u{fe0f}\u{20e3}x", 2, ""),
            ("plain", 3, "pla"),
            ("plain", 9, "plain"),
        ] {
            assert_eq!(head(s, max), want, "{s:?} at {max}");
        }
        assert_eq!(clip(&format!("Sam {}", "👍🏽".repeat(40)), 10), format!("Sam {}…", "👍🏽".repeat(2)));
        assert_eq!(clip(&format!("Sam{}", "👍🏽".repeat(40)), 10), format!("Sam{}…", "👍🏽".repeat(3)));
        assert_eq!(clip("word ".repeat(30).as_str(), 20), "word word word word…");
        // No punctuation before the ellipsis: the spam notice read "investment manager.…".
        assert_eq!(clip("Hello dear, I am a senior crypto investment manager. Guaranteed profit", 58), "Hello dear, I am a senior crypto investment manager…");
        assert_eq!(clip("Hallo Pat, ich habe Ihren Vortrag über kleine, ehrliche Netzwerke", 50), "Hallo Pat, ich habe Ihren Vortrag über kleine…");
    }

    /// German and French notices hold no English word: text, details, menus, buttons, close.
    #[test]
    fn german_and_french_notices_leave_no_english() {
        let english =
            ["Reply", "Read", "Close", "Shorter", "Longer", "Restore", "Language", "Generic", "Personal", "Sales", "the ", " and ", "English", "draft"];
        let snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        let spam = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Anna Smith 2847");
        for ui in [Ui::De, Ui::Fr] {
            let first = plan_request(&snap, &Settings::default(), None, Request::Click, ui);
            let shown = after(&snap, first.insert.as_ref().expect("drafts"));
            let swap =
                plan_request(&shown, &Settings::default(), Some(&first.insert.as_ref().expect("drafts").remember), first.notice.actions[0].request.clone(), ui);
            let doubt = plan_request(&spam, &Settings::default(), None, Request::Click, ui);
            let mut edited = shown.clone();
            set_box(&mut edited.root, vec![Child::Text("mine".into())]);
            let changed = plan_request(&edited, &Settings::default(), Some(&first.insert.as_ref().expect("drafts").remember), Request::Click, ui);
            for notice in [&first.notice, &first.gone_notice, &swap.notice, &doubt.notice, &changed.notice] {
                for text in shown_text(notice) {
                    // German's word for the recruiter category begins with "Personal".
                    let text = text.replace("Personalvermittlung", "");
                    for word in english {
                        assert!(!text.contains(word), "{ui:?}: {word:?} in {text:?}");
                    }
                }
            }
        }
        let fr = plan_request(&snap, &Settings::default(), None, Request::Click, Ui::Fr);
        assert_eq!(fr.notice.details[0], "Kathie Smith · aucun message personnel → Répondre (Générique, anglais, version longue)");
        assert_eq!(fr.notice.close, "Fermer");
    }
}
