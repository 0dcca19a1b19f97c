//! One toolbar click, from snapshot to plan: which invitation the open box belongs to, the
//! draft's lines, how to insert them without losing the user's text, and every notice's words.
//!
//! The service worker stays logic-free: it hands over the snapshot, the settings and the record
//! of the last draft it inserted in this tab, and carries out the returned [`Plan`].

use crate::read::{is_supported_url, read_page, Composer, Page};
use crate::snapshot::{fold_whitespace, Snapshot};
use crate::words::{at_line, JsonError, Say, Ui};
use crate::{decide, decide_for, Action, Category, Invitation, Place, Settings, Suggestion, Variant};
use serde::{Deserialize, Serialize};

/// What the agent should do on the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// What was read, in page order (for tests and the options page's preview).
    pub invitations: Vec<Invitation>,
    /// The decision for the invitation the box belongs to, if one was made.
    pub suggestion: Option<Suggestion>,
    /// Text to write, if any.
    pub insert: Option<Insert>,
    /// Shown after a successful insertion, or alone when there is nothing to insert.
    pub notice: Notice,
    /// Shown instead when the box is gone by the time the agent writes.
    pub gone_notice: Notice,
    /// Settings problems worth telling the user about (their broken parts fell back to defaults).
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
}

/// A short message on the page, in NotYet's own shadow root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// Buttons on the notice; each sends its request back to the service worker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<NoticeAction>,
}

/// A button on a notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeAction {
    pub label: String,
    pub request: Request,
}

/// What the user asked for: the toolbar click, or a button on the notice after a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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
    /// Open the side panel over an invitation list (the service worker does it; no plan needed).
    Panel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Success,
    Info,
    Warning,
    Error,
}

impl Notice {
    fn new(level: Level, text: impl Into<String>) -> Notice {
        Notice { level, text: text.into(), actions: Vec::new() }
    }
}

/// Where NotYet works, for a click anywhere else, in the interface language `ui` (a browser's
/// code such as "de-DE"; English when unknown).
pub fn unsupported_notice(ui: &str) -> Notice {
    Notice::new(Level::Info, Ui::from_code(ui).unsupported())
}

fn gone_notice(w: Ui) -> Notice {
    Notice::new(Level::Warning, w.gone())
}

/// Plans from JSON, as the service worker hands it over: the agent's snapshot, the settings, the
/// tab's last draft (empty or `null` when there is none) and the [`Request`] (empty for a click),
/// with notices in the interface language `ui` (a browser's code such as "de-DE"; English when
/// unknown). Never fails: every problem becomes a notice.
pub fn plan_json(snapshot: &str, settings: &str, last: &str, request: &str, ui: &str) -> Plan {
    let w = Ui::from_code(ui);
    let request = if request.trim().is_empty() { Ok(Request::Click) } else { serde_json::from_str::<Request>(request) };
    let Ok(request) = request else {
        return only_notice(w, Vec::new(), Notice::new(Level::Error, w.unknown_request()));
    };
    let (settings, problems) = if settings.trim().is_empty() { (Settings::default(), Vec::new()) } else { Settings::from_json(settings) };
    let warnings = problems.iter().map(|p| format!("{}: {}", p.path, p.say(w))).collect();
    let last: Option<LastDraft> = serde_json::from_str(last).ok().flatten();
    let mut plan = match Snapshot::from_json(snapshot) {
        Ok(snap) => plan_request(&snap, &settings, last.as_ref(), request, w),
        Err(e) => {
            only_notice(w, Vec::new(), Notice::new(Level::Error, w.unreadable(&format!("{}, {}", JsonError::of(&e).say(w), at_line(w, e.line(), e.column())))))
        }
    };
    plan.warnings = warnings;
    plan
}

/// Plans a click, notices in English: read the page, decide, and choose how to write.
pub fn plan(snapshot: &Snapshot, settings: &Settings, last: Option<&LastDraft>) -> Plan {
    plan_request(snapshot, settings, last, Request::Click, Ui::En)
}

/// Plans what `request` asks on this page, notices in the interface language `w`.
pub fn plan_request(snapshot: &Snapshot, settings: &Settings, last: Option<&LastDraft>, request: Request, w: Ui) -> Plan {
    match request {
        Request::Click => {}
        Request::Variant { variant } if variant != settings.variant => {
            let settings = Settings { variant, ..settings.clone() };
            return plan_request(snapshot, &settings, last, Request::Click, w);
        }
        Request::Variant { .. } => {}
        Request::Restore => return plan_restore(snapshot, last, w),
        Request::Options => return only_notice(w, Vec::new(), Notice::new(Level::Info, w.opening_options())),
        Request::Panel => return only_notice(w, Vec::new(), Notice::new(Level::Info, w.opening_panel())),
    }
    if !is_supported_url(&snapshot.url) {
        return only_notice(w, Vec::new(), Notice::new(Level::Info, w.unsupported()));
    }
    if snapshot.url.contains("/invitation-manager/sent") {
        // Invitations the user sent: a decline to one of those people would make no sense.
        return only_notice(w, Vec::new(), Notice::new(Level::Info, w.sent_page()));
    }
    let page = read_page(snapshot);
    let Some(composer) = page.composer.clone() else {
        let notice = describe_without_box(&page, settings, w);
        return only_notice(w, page.invitations, notice);
    };
    let Some(target) = target_of(&page, &composer) else {
        let n = page.invitations.len();
        return only_notice(w, page.invitations, Notice::new(Level::Warning, w.which_invitation(n)));
    };
    let place = composer.limit.map_or(Place::Message, |limit| Place::Box { limit });
    let suggestion = decide_for(&target, settings, place);
    let who = display_name(&target, w);
    let Some(text) = suggestion.text.clone().filter(|_| suggestion.action == Action::Reply) else {
        let notice = advice_without_text(&suggestion, &who, w);
        return Plan { suggestion: Some(suggestion), ..only_notice(w, page.invitations, notice) };
    };
    let mut draft: Vec<String> = text.lines().map(str::to_owned).collect();

    let now = fold_whitespace(&composer.lines.join(" "));
    let same_box = last.is_some_and(|l| l.node == composer.node && l.url == snapshot.url);
    let (mode, before) = if now.is_empty() {
        (Mode::Replace, Vec::new())
    } else if let Some(l) = last.filter(|l| same_box && l.after == now) {
        (Mode::Replace, l.before.clone())
    } else if same_box {
        let notice = Notice::new(Level::Info, w.draft_changed());
        return Plan { suggestion: Some(suggestion), ..only_notice(w, page.invitations, notice) };
    } else {
        (Mode::Append, composer.lines.clone())
    };

    // The user already greeted them: a second greeting under theirs would read oddly.
    if before.first().is_some_and(|l| is_greeting(l)) && draft.first().is_some_and(|l| is_greeting(l)) {
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
        let notice = Notice::new(Level::Warning, w.too_long(suggestion.limit));
        return Plan { suggestion: Some(suggestion), ..only_notice(w, page.invitations, notice) };
    }
    let reason = suggestion.reasons.first().map(|r| r.say_on_page(w));
    let mut notice = Notice::new(Level::Success, w.drafted(&who, reason.as_deref(), !before.is_empty()));
    let (label, other) = match settings.variant {
        Variant::Long => (w.shorter(), Variant::Short),
        Variant::Short => (w.longer(), Variant::Long),
    };
    notice.actions = vec![
        NoticeAction { label: label.into(), request: Request::Variant { variant: other } },
        NoticeAction { label: w.restore().into(), request: Request::Restore },
        NoticeAction { label: w.options().into(), request: Request::Options },
    ];
    Plan {
        invitations: page.invitations,
        suggestion: Some(suggestion),
        insert: Some(Insert { node: composer.node, mode, lines, remember: LastDraft { url: snapshot.url.clone(), node: composer.node, before, after } }),
        notice,
        gone_notice: gone_notice(w),
        warnings: Vec::new(),
    }
}

/// Puts back what the box held before NotYet's last draft, if the draft is still as written.
fn plan_restore(snapshot: &Snapshot, last: Option<&LastDraft>, w: Ui) -> Plan {
    let page = read_page(snapshot);
    let Some(composer) = page.composer else {
        return only_notice(w, page.invitations, gone_notice(w));
    };
    let Some(last) = last.filter(|l| l.node == composer.node && l.url == snapshot.url) else {
        return only_notice(w, page.invitations, Notice::new(Level::Info, w.nothing_to_restore()));
    };
    if fold_whitespace(&composer.lines.join(" ")) != last.after {
        return only_notice(w, page.invitations, Notice::new(Level::Info, w.restore_refused()));
    }
    let after = fold_whitespace(&last.before.join(" "));
    let text = w.restored(!last.before.is_empty());
    Plan {
        invitations: page.invitations,
        suggestion: None,
        insert: Some(Insert {
            node: composer.node,
            mode: Mode::Replace,
            lines: last.before.clone(),
            remember: LastDraft { url: last.url.clone(), node: last.node, before: last.before.clone(), after },
        }),
        notice: Notice::new(Level::Success, text),
        gone_notice: gone_notice(w),
        warnings: Vec::new(),
    }
}

/// A line that opens a letter: short, and starting with a greeting word in one of the drafts'
/// languages ("Hi Kathie,", "Guten Tag Frau Smith,", "Hola:").
fn is_greeting(line: &str) -> bool {
    const WORDS: &[&str] = &[
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
    let first = line.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()).map(str::to_lowercase);
    line.chars().count() <= 60 && first.is_some_and(|w| WORDS.contains(&w.as_str()))
}

fn only_notice(w: Ui, invitations: Vec<Invitation>, notice: Notice) -> Plan {
    Plan { invitations, suggestion: None, insert: None, notice, gone_notice: gone_notice(w), warnings: Vec::new() }
}

/// The invitation the box belongs to: the one its addressee names; else the page's only one;
/// else, when the box names someone not listed (a profile or thread), that person with no note.
fn target_of(page: &Page, composer: &Composer) -> Option<Invitation> {
    if let Some(to) = composer.addressee.as_deref().map(name_key).filter(|k| !k.is_empty()) {
        let found = page.invitations.iter().find(|i| name_key(&i.name) == to).or_else(|| {
            page.invitations.iter().find(|i| {
                let k = name_key(&i.name);
                !k.is_empty() && (k.contains(&to) || to.contains(&k))
            })
        });
        return Some(found.cloned().unwrap_or_else(|| Invitation {
            site: "linkedin".into(),
            name: composer.addressee.clone().unwrap_or_default(),
            ..Invitation::default()
        }));
    }
    match page.invitations.as_slice() {
        [only] => Some(only.clone()),
        [] => Some(Invitation { site: "linkedin".into(), ..Invitation::default() }),
        _ => None,
    }
}

/// Lower-case letters and digits, words single-spaced: "Dr. Jane  DOE" → "dr jane doe".
fn name_key(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
    fold_whitespace(&cleaned)
}

fn display_name(inv: &Invitation, w: Ui) -> String {
    let name = fold_whitespace(&inv.name);
    if name.is_empty() {
        w.this_person().into()
    } else {
        name
    }
}

fn describe_without_box(page: &Page, settings: &Settings, w: Ui) -> Notice {
    match page.invitations.as_slice() {
        [] => Notice::new(Level::Info, w.no_invitation()),
        [only] => {
            let s = decide(only, settings);
            let who = display_name(only, w);
            if s.action == Action::Reply {
                Notice::new(Level::Info, w.one_invitation(&who))
            } else {
                advice_without_text(&s, &who, w)
            }
        }
        many => {
            // A list: the side panel walks through it, one invitation at a time.
            let mut notice = Notice::new(Level::Info, w.many_invitations(many.len()));
            notice.actions = vec![NoticeAction { label: w.triage(many.len()), request: Request::Panel }];
            notice
        }
    }
}

fn advice_without_text(s: &Suggestion, who: &str, w: Ui) -> Notice {
    let why = if s.reasons.is_empty() { String::new() } else { format!(" ({})", s.reasons.iter().map(|r| r.say_on_page(w)).collect::<Vec<_>>().join("; ")) };
    let text = match (s.action, s.category) {
        (Action::Accept, _) => w.accept_advice(who, &why),
        (Action::Report, _) | (_, Category::Spam) => w.spam_advice(who, &why),
        (Action::Ignore, _) => w.follow_advice(who, &why),
        (Action::Reply, _) => w.no_text(who),
    };
    Notice::new(if s.action == Action::Report { Level::Warning } else { Level::Info }, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reason::{Reason, Text, Topic};
    use crate::snapshot::{Child, Node};

    fn page_with_box(url: &str, addressee: &str) -> Snapshot {
        let json = format!(
            r#"{{"url":"{url}","root":{{"i":1,"t":"html","c":[{{"i":2,"t":"div","a":["class","msg-overlay-conversation-bubble"],"c":[
                {{"i":3,"t":"h2","a":["class","msg-overlay-bubble-header__title"],"c":["{addressee}"]}},
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
        let requests: Vec<Request> = first.notice.actions.iter().map(|a| a.request).collect();
        assert_eq!(requests, vec![Request::Variant { variant: Variant::Short }, Request::Restore, Request::Options]);
        let long = first.insert.expect("drafts");

        // The shorter variant replaces the draft while it is unchanged.
        let shown = after(&snap, &long);
        let short = plan_request(&shown, &Settings::default(), Some(&long.remember), Request::Variant { variant: Variant::Short }, Ui::En);
        let short_insert = short.insert.expect("swaps");
        assert_eq!(short_insert.mode, Mode::Replace);
        assert!(short_insert.lines.join(" ").len() < long.lines.join(" ").len());
        assert_eq!(short.notice.actions[0].request, Request::Variant { variant: Variant::Long });

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
        let bad = plan_json("{}", "", "", r#"{"type":"send"}"#, "");
        assert_eq!(bad.notice.level, Level::Error);
    }

    #[test]
    fn no_second_greeting_under_the_users_own() {
        let mut snap = page_with_box("https://www.linkedin.com/messaging/thread/1/", "Kathie Smith");
        set_box(
            &mut snap.root,
            vec![Child::Element(Node {
                id: 50,
                tag: "p".into(),
                children: vec![Child::Text("Hi Kathie, thanks for the kind words!".into())],
                ..Node::default()
            })],
        );
        let insert = plan(&snap, &Settings::default(), None).insert.expect("appends");
        let body: Vec<&String> = insert.lines.iter().filter(|l| !l.is_empty()).collect();
        assert!(!body[0].starts_with("Hi"), "{:?}", insert.lines);
        // Not a greeting: the draft keeps its own.
        set_box(&mut snap.root, vec![Child::Text("Thanks for the invite! One question first:".into())]);
        let insert = plan(&snap, &Settings::default(), None).insert.expect("appends");
        assert!(insert.lines.iter().any(|l| l.starts_with("Hi Kathie")), "{:?}", insert.lines);
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
        assert!(plan.notice.text.starts_with("Antwort an Kathie Smith entworfen (keine persönliche Nachricht)."), "{}", plan.notice.text);
        assert!(plan.notice.text.ends_with("Bitte lesen Sie sie durch und drücken Sie selbst auf Senden."), "{}", plan.notice.text);
        let labels: Vec<&str> = plan.notice.actions.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["Kürzer", "Wiederherstellen", "Optionen"]);
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
        assert_eq!(de(&empty).text, Ui::De.no_invitation());
        assert!(de(&empty).text.starts_with("Auf dieser Seite wurde keine Einladung gefunden."));
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
        let notice = advice_without_text(&spam, "Crypto King 77", Ui::De);
        assert_eq!(notice.level, Level::Warning);
        assert_eq!(
            notice.text,
            "Diese Einladung von Crypto King 77 sieht nach Spam aus (Nachricht erwähnt Krypto oder Trading; Name enthält Ziffern). Antworten Sie besser nicht: Ignorieren oder melden Sie sie. Es wurde nichts geschrieben."
        );
        assert!(advice_without_text(&spam, "Crypto King 77", Ui::En)
            .text
            .starts_with("This invitation from Crypto King 77 looks like spam (note mentions crypto or trading;"));
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
        assert_eq!(plan.invitations.len(), 2);
        assert_eq!(plan.notice.actions, vec![NoticeAction { label: "Triage 2 invitations".into(), request: Request::Panel }]);
        assert_eq!(plan_json(&json, "", "", r#"{"type":"panel"}"#, "de").notice.text, "Das Einladungs-Panel von NotYet wird geöffnet.");
    }

    #[test]
    fn bad_snapshot_json_becomes_a_notice() {
        let plan = plan_json("{not json", "", "", "", "");
        assert!(plan.insert.is_none());
        assert_eq!(plan.notice.level, Level::Error);
    }
}
