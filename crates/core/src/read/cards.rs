//! Invitation cards on the invitation manager (and the invitations atop "My Network").
//!
//! A card is found by what marks it, strongest first: a `componentkey` of
//! `urn:li:invitation:…` (2026 layout) or an `li.invitation-card` (Ember layout); else an
//! element with `role=listitem` that reads like an invitation. The 2026 card has no stable
//! classes, so it is read as a sequence of text units in page order — name, relation line,
//! headline, shared connections, time, note — each recognized by its shape where the words are
//! known, by its place where they are not.

use super::phrases::{self, Relation};
use super::{blank_invitation, entity, is_control, text_of, Index, Reading};
use crate::snapshot::{Child, Node};
use crate::{Invitation, Kind};
use serde::{Deserialize, Serialize};

/// Reads every invitation card on the page, in page order.
pub(super) fn read(index: &Index, path: &str) -> Vec<Invitation> {
    located(index, path).into_iter().map(|c| c.invitation).collect()
}

/// Every invitation card with where it is on the page: the card's node and its controls.
pub(super) fn located(index: &Index, path: &str) -> Vec<Located> {
    // Sent invitations are the user's own, not invitations to answer.
    if path.contains("/invitation-manager/sent") {
        return Vec::new();
    }
    let manager = path.contains("/invitation-manager/");
    candidates(index)
        .into_iter()
        .filter_map(|(at, strong)| {
            let node = index.node(at);
            let invitation = if node.tag == "li" && node.has_class_prefix("invitation-card") {
                read_ember(index, at)
            } else {
                let card = read_card(index, at);
                let accepted = strong || card.relation.is_some() || (manager && card.link.is_some() && card.controls >= 2);
                if !accepted {
                    return None;
                }
                card.invitation
            };
            Some(Located { invitation, card: node.id, controls: controls_of(index, at) })
        })
        .collect()
}

/// A card's own buttons, by the agent's node ids: what the panel points at (Accept, Ignore) and
/// the one it may open on request (Reply or Message).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Controls {
    pub accept: Option<u32>,
    pub ignore: Option<u32>,
    pub reply: Option<u32>,
}

/// An invitation and where it sits on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Located {
    pub invitation: Invitation,
    /// The card's element.
    pub card: u32,
    pub controls: Controls,
}

/// The card's controls, recognized by their words (label or `aria-label`, first or last word:
/// "Accept Kathie’s invitation", "Einladung von Kathrin annehmen") where known; else by their
/// place, as LinkedIn lays every layout out: Ignore, then Accept, last in the card.
fn controls_of(index: &Index, card: usize) -> Controls {
    let mut out = Controls::default();
    let mut unknown: Vec<u32> = Vec::new();
    let mut j = card + 1;
    while j < index.end(card) {
        let n = index.node(j);
        if is_hidden(n) || !is_control(n) {
            j += 1;
            continue;
        }
        let label = control_label(n);
        let aria = n.attr("aria-label").unwrap_or("");
        let kind = button_kind(aria).or_else(|| button_kind(&label));
        let href = n.attr("href").unwrap_or("");
        match kind {
            Some(Button::Accept) => out.accept = out.accept.or(Some(n.id)),
            Some(Button::Ignore) => out.ignore = out.ignore.or(Some(n.id)),
            Some(Button::Reply) => out.reply = out.reply.or(Some(n.id)),
            None if href.contains("/messaging/") || phrases::reply_to_name(&label).is_some() || phrases::reply_to_name(aria).is_some() => {
                out.reply = out.reply.or(Some(n.id))
            }
            None if phrases::is_more_label(&label) || n.attr("aria-expanded").is_some() => {}
            None => unknown.push(n.id),
        }
        j = index.end(j);
    }
    if out.accept.is_none() && out.ignore.is_none() {
        if let [.., ignore, accept] = unknown.as_slice() {
            out.ignore = Some(*ignore);
            out.accept = Some(*accept);
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Button {
    Accept,
    Ignore,
    Reply,
}

/// A control's role from its first or last word, in the languages LinkedIn's labels were seen in.
fn button_kind(label: &str) -> Option<Button> {
    const ACCEPT: &[&str] = &["accept", "annehmen", "akzeptieren", "accepter", "aceptar", "accepteren", "accetta"];
    const IGNORE: &[&str] = &["ignore", "ignorieren", "ignorer", "ignorar", "negeren", "ignora"];
    const REPLY: &[&str] = &["reply", "message", "antworten", "nachricht", "répondre", "responder", "mensaje", "beantwoorden", "bericht"];
    let words: Vec<String> = label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let ends = [words.first(), words.last()];
    let has = |list: &[&str]| ends.iter().flatten().any(|w| list.contains(&w.as_str()));
    if has(IGNORE) {
        Some(Button::Ignore)
    } else if has(ACCEPT) {
        Some(Button::Accept)
    } else if has(REPLY) {
        Some(Button::Reply)
    } else {
        None
    }
}

/// Card roots in page order, with whether a strong mark found them. A strong mark inside a
/// list item wins over the list item; list items inside a card (a face pile) are part of it.
fn candidates(index: &Index) -> Vec<(usize, bool)> {
    let mut found: Vec<(usize, bool, bool)> = Vec::new(); // (at, strong, superseded)
    let mut open_weak: Option<(usize, usize)> = None; // (position in `found`, end of its subtree)
    let mut at = 0;
    while at < index.len() {
        if open_weak.is_some_and(|(_, end)| at >= end) {
            open_weak = None;
        }
        let node = index.node(at);
        let strong =
            node.attr("componentkey").is_some_and(|k| k.starts_with("urn:li:invitation")) || (node.tag == "li" && node.has_class_prefix("invitation-card"));
        if strong {
            if let Some((pos, _)) = open_weak {
                if let Some(f) = found.get_mut(pos) {
                    f.2 = true;
                }
            }
            found.push((at, true, false));
            at = index.end(at);
            continue;
        }
        if open_weak.is_none() && node.attr("role") == Some("listitem") {
            found.push((at, false, false));
            open_weak = Some((found.len() - 1, index.end(at)));
        }
        at += 1;
    }
    found.into_iter().filter(|f| !f.2).map(|(at, strong, _)| (at, strong)).collect()
}

/// A run of text in a card: a paragraph, heading, `time`, or the innermost element holding text.
struct Unit<'a> {
    at: usize,
    node: &'a Node,
    text: String,
    /// The profile a link in (or around) the unit points at, and the link's place in the index.
    link: Option<(Kind, String, usize)>,
    /// A "… show more" control sits in or right after it: it is a clamped note.
    more: bool,
}

/// What one card yields, and the signals that tell it is an invitation.
struct Card {
    invitation: Invitation,
    relation: Option<Relation>,
    link: Option<(Kind, String)>,
    controls: usize,
}

fn is_unit(n: &Node) -> bool {
    matches!(n.tag.as_str(), "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "time")
        || n.children.iter().any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty()))
}

fn is_hidden(n: &Node) -> bool {
    n.attr("hidden").is_some()
}

/// Where element `at` links to, if it is a link to a profile.
fn profile_link(index: &Index, at: usize) -> Option<(Kind, String, usize)> {
    let n = index.node(at);
    let (kind, url) = (n.tag == "a").then(|| n.attr("href").and_then(entity)).flatten()?;
    Some((kind, url, at))
}

/// The first link to a profile in `at`'s subtree, else the link around it (up to the card).
fn link_of(index: &Index, at: usize, card: usize) -> Option<(Kind, String, usize)> {
    (at..index.end(at)).find_map(|j| profile_link(index, j)).or_else(|| index.ancestors(at).take_while(|&a| a != card).find_map(|a| profile_link(index, a)))
}

fn control_label(n: &Node) -> String {
    let text = text_of(n, Reading::Visible, false);
    if text.is_empty() {
        n.attr("aria-label").unwrap_or("").to_owned()
    } else {
        text
    }
}

/// A note's whole text: the longer of the visible and the spoken copy (a clamp may shorten
/// one of them), paragraphs kept, a trailing "… show more" dropped.
fn note_text(n: &Node) -> String {
    let seen = text_of(n, Reading::Visible, true);
    let spoken = text_of(n, Reading::Spoken, true);
    phrases::strip_more(if spoken.chars().count() > seen.chars().count() { &spoken } else { &seen })
}

fn read_card(index: &Index, card: usize) -> Card {
    let mut units: Vec<Unit> = Vec::new();
    let mut first_link: Option<(Kind, String)> = None;
    let mut controls = 0;
    let mut j = card + 1;
    while j < index.end(card) {
        let n = index.node(j);
        if is_hidden(n) {
            j = index.end(j);
            continue;
        }
        if first_link.is_none() && n.tag == "a" {
            first_link = n.attr("href").and_then(entity);
        }
        if is_control(n) {
            controls += 1;
            if phrases::is_more_label(&control_label(n)) {
                if let Some(last) = units.last_mut() {
                    last.more = true;
                }
            }
            j = index.end(j);
            continue;
        }
        if is_unit(n) {
            let text = text_of(n, Reading::Visible, false);
            let link = link_of(index, j, card);
            if first_link.is_none() {
                first_link = link.as_ref().map(|(k, u, _)| (*k, u.clone()));
            }
            let mut more = false;
            for c in index.inside(j).map(|k| index.node(k)).filter(|c| is_control(c)) {
                controls += 1;
                more = more || phrases::is_more_label(&control_label(c));
            }
            units.push(Unit { at: j, node: n, text, link, more });
            j = index.end(j);
            continue;
        }
        j += 1;
    }

    let mut inv = blank_invitation();
    // The inviter is whom the card's first profile link shows (the picture, then the name).
    let name_at = match &first_link {
        Some((_, url)) => units.iter().position(|u| u.link.as_ref().is_some_and(|(_, l, _)| l == url)),
        None => None,
    };
    if let Some((kind, url)) = &first_link {
        inv.kind = *kind;
        inv.profile_url = Some(url.clone());
    }
    let rest_from = match name_at {
        Some(k) => {
            inv.name = name_of(index, &units[k]);
            k + 1
        }
        None => {
            // No linked name: the first unit that is not a relation line or a count.
            let k = units.iter().position(|u| !u.text.is_empty() && phrases::relation(&u.text).is_none());
            if let Some(k) = k {
                inv.name = units[k].text.clone();
            }
            k.map_or(0, |k| k + 1)
        }
    };

    // The lines about the person share the name's container; the note sits in a box of its own.
    // Where no words are known, that split and the order decide.
    let meta = name_at.map(|k| meta_container(index, card, units[k].at, &units));
    let in_meta = |u: &Unit| meta.is_some_and(|m| u.at > m && u.at < index.end(m));
    let mut relation = None;
    let mut unknown: Vec<&Unit> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for (k, u) in units.iter().enumerate().skip(rest_from) {
        if u.text.is_empty() || u.text == inv.name {
            continue;
        }
        let t = phrases::norm(&u.text);
        let early = inv.headline.is_none() && inv.mutual_connections.is_none() && inv.sent.is_none() && unknown.is_empty();
        let open = notes.is_empty() && inv.sent.is_none();
        if u.more || !open {
            notes.push(note_text(u.node));
        } else if let Some(r) = (early && relation.is_none()).then(|| phrases::relation_normed(&t)).flatten() {
            relation = Some(r);
        } else if early && relation.is_none() && k == rest_from && !inv.name.is_empty() && u.text.contains(&inv.name) {
            // A sentence right under the name that names them again is the relation line, in any language.
            relation = Some(Relation::Connect);
        } else if let Some(c) = inv.mutual_connections.is_none().then(|| phrases::mutual_count_normed(&t)).flatten() {
            inv.mutual_connections = Some(c);
        } else if u.node.tag == "time" || phrases::is_time_ago_normed(&t) {
            inv.sent = Some(u.text.clone());
        } else if meta.is_none() || in_meta(u) {
            if early {
                inv.headline = Some(u.text.clone());
            } else {
                unknown.push(u);
            }
        } else {
            notes.push(note_text(u.node));
        }
    }
    // Lines of an unknown language under the headline: shared connections (optional), then the
    // time (always shown), so the last short one is the time. A long line is a note sharing
    // the container.
    let short = |u: &&Unit| u.text.chars().count() <= SHORT_LINE;
    let mut notes_in_meta: Vec<String> = unknown.iter().filter(|u| !short(u)).map(|u| note_text(u.node)).collect();
    notes_in_meta.append(&mut notes);
    let notes = notes_in_meta;
    let mut unknown: Vec<&Unit> = unknown.into_iter().filter(short).collect();
    if inv.sent.is_none() {
        inv.sent = unknown.pop().map(|u| u.text.clone());
    }
    if inv.mutual_connections.is_none() {
        if let Some(line) = unknown.first().filter(|u| u.text.chars().any(|c| c.is_ascii_digit())) {
            inv.mutual_connections = Some(phrases::count_people(&phrases::norm(&line.text)));
        }
    }
    let note = notes.into_iter().filter(|n| !n.is_empty()).collect::<Vec<_>>().join("\n");
    inv.note = (!note.is_empty()).then_some(note);

    if relation == Some(Relation::Follow) && inv.kind == Kind::Person {
        // "… invited you to follow" with a person's link first: what to follow is another link, or a page.
        let other = (card..index.end(card)).find_map(|j| {
            let n = index.node(j);
            (n.tag == "a").then(|| n.attr("href").and_then(entity)).flatten().filter(|(k, _)| *k != Kind::Person)
        });
        inv.kind = other.map_or(Kind::Page, |(k, _)| k);
    }
    Card { invitation: inv, relation, link: first_link, controls }
}

/// The name in its unit: the text of the link inside it, else of its bold part, else all of
/// it; a trailing degree ("· 2nd") dropped. A link around the unit may hold more than the name.
fn name_of(index: &Index, unit: &Unit) -> String {
    let inside = unit.link.as_ref().map(|&(_, _, a)| a).filter(|&a| a >= unit.at && a < index.end(unit.at));
    let strong = || index.inside(unit.at).find(|&j| matches!(index.node(j).tag.as_str(), "strong" | "b"));
    let text = inside.or_else(strong).map(|a| text_of(index.node(a), Reading::Visible, false)).filter(|t| !t.is_empty()).unwrap_or_else(|| unit.text.clone());
    strip_degree(&text).to_owned()
}

/// "Noor Haddad · 2nd" → "Noor Haddad".
fn strip_degree(name: &str) -> &str {
    for sep in [" · ", " • "] {
        if let Some((head, tail)) = name.rsplit_once(sep) {
            if tail.chars().count() <= 6 && tail.chars().any(|c| c.is_ascii_digit()) {
                return head.trim_end();
            }
        }
    }
    name
}

/// Longer than this, an unrecognized line is prose (a note), not a count or a time.
const SHORT_LINE: usize = 60;

/// The element holding the name's lines: the name's parent, or higher while it holds nothing else.
fn meta_container(index: &Index, card: usize, name: usize, units: &[Unit]) -> usize {
    let mut meta = index.parent(name).unwrap_or(card);
    while meta != card && !units.iter().any(|u| u.at != name && u.at > meta && u.at < index.end(meta)) {
        meta = index.parent(meta).unwrap_or(card);
    }
    meta
}

/// The Ember card: stable `invitation-card__*` classes name every field.
fn read_ember(index: &Index, card: usize) -> Invitation {
    let mut inv = blank_invitation();
    let mut titled = false;
    let mut j = card + 1;
    while j < index.end(card) {
        let n = index.node(j);
        if inv.profile_url.is_none() && n.tag == "a" {
            if let Some((kind, url)) = n.attr("href").and_then(entity) {
                inv.kind = kind;
                inv.profile_url = Some(url);
            }
        }
        let field = if n.has_class("invitation-card__title") || n.has_class("invitation-card__tvm-title") {
            titled = true;
            inv.name = text_of(n, Reading::Visible, false);
            true
        } else if n.has_class("invitation-card__subtitle") {
            inv.headline = Some(text_of(n, Reading::Visible, false)).filter(|t| !t.is_empty());
            true
        } else if n.has_class("member-insights__count") || n.has_class("member-insights__reason") {
            let t = text_of(n, Reading::Visible, false);
            inv.mutual_connections = phrases::mutual_count(&t).or_else(|| phrases::first_number(&t).map(|(v, _)| v));
            true
        } else if n.has_class("time-badge") {
            inv.sent = Some(text_of(n, Reading::Visible, false)).filter(|t| !t.is_empty());
            true
        } else if n.has_class("invitation-card__custom-message") {
            inv.note = Some(note_text(n)).filter(|t| !t.is_empty());
            true
        } else {
            false
        };
        j = if field { index.end(j) } else { j + 1 };
    }
    if titled {
        inv
    } else {
        // The classes changed: read it as a card of the new layout.
        let mut read = read_card(index, card).invitation;
        read.note = read.note.or(inv.note);
        read
    }
}
