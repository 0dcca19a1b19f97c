//! Invitation cards on the invitation manager (and the invitations atop "My Network").
//!
//! Cards are found by what LinkedIn can't easily change, strongest first:
//! - the answer controls: an Accept/Ignore pair (by their accessible names, in English, German,
//!   French, Spanish, Portuguese, Italian and Dutch); a card is the smallest subtree holding
//!   one inviter's profile link with its controls, widened to its list item when it sits in
//!   one, so a note after the buttons still belongs to it;
//! - a `componentkey` of `urn:li:invitation:…` (2026 layout) or an `li.invitation-card` (Ember);
//! - else an element with `role=listitem` that reads like an invitation (controls with no
//!   labels, or labels in an unknown language: the structure decides).
//!
//! What the page doesn't render is not read: subtrees the agent marked hidden, the `hidden`
//! attribute, and controls asleep under `inert` or `aria-hidden` (unless every card is, as
//! under a modal dialog). A card is then read as text units in page order (name, relation
//! line, headline, shared connections, time, note), each recognized by its shape; times by their
//! pattern, or in a language we don't know by their place (last of the name's lines, before the
//! buttons) and a time's shape (short, one small number) together, never by their place alone;
//! the note is the free text that is none of the others,
//! wherever it sits, except a short label between the headline and the time (what you share
//! with the person: a company, a school).

use super::phrases::{self, Relation};
use super::{blank_invitation, entity, is_control, is_entity, links_shared, text_of, Index, Reading};
use crate::names::name_key;
use crate::snapshot::{Child, Node};
use crate::Find;
use crate::{Invitation, Kind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How far a card is read. A click reads every card only as far as its name (to find whom the
/// open box is for) and then the one it drafts for in full: on the bench's 300-card page the
/// rest of each card (headline, shared connections, time, note) was half of reading it
/// (callgrind: 20.8 M instructions for 300 cards whole, 10.6 M for their names).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// The name, kind and profile, and whether it is a card at all: every field that decides
    /// them is read, the others may be left unread or half read.
    Name,
    Full,
}

/// The card roots of a page in page order, found but not read yet.
pub(super) struct Roots {
    pub list: Vec<Root>,
    /// The page is the invitation manager.
    manager: bool,
    /// Some card was found by its Accept/Ignore controls.
    anchored_any: bool,
    /// The page is a filtered received list (`/received/PEOPLE_WITH_MUTUAL_CONNECTION/`): its
    /// count is its active filter's (read::announced_count).
    pub filtered: bool,
    /// The page's language is one whose times and shared-connections lines we read by their
    /// words ([`phrases::reads_language`]): none is guessed by its shape.
    words: bool,
}

impl Roots {
    pub(super) fn none() -> Roots {
        Roots { list: Vec::new(), manager: false, anchored_any: false, filtered: false, words: false }
    }

    pub(super) fn find(index: &Index, path: &str, lang: &str, seen: &Seen) -> Roots {
        // Sent invitations are the user's own, not invitations to answer.
        if path.has("/invitation-manager/sent") {
            return Roots::none();
        }
        let manager = path.has("/invitation-manager/");
        let (mut roots, lone) = anchored(index, seen);
        let anchored_any = !roots.is_empty();
        for (at, strong) in candidates(index, seen) {
            // A marked card already found by its controls (or inside one) is that card. Roots
            // never nest (neither the anchored ones nor the candidates), so only the last root
            // before `at` can hold it and only the first from `at` on can lie inside it: two
            // lookups, where asking every root was 300 × 300 tests on a 300-invitation page
            // (0.95 M instructions, callgrind).
            let k = roots.partition_point(|r| r.0 < at);
            let inside = roots.get(k).is_some_and(|r| r.0 < index.end(at));
            if inside || k.checked_sub(1).is_some_and(|p| at < index.end(roots[p].0)) {
                continue;
            }
            // In page order (an insertion, not a sort: the sort's code would cost the WASM 3 KB).
            roots.insert(k, (at, strong, None));
        }
        for &at in &lone {
            if repeats(index, &roots, &lone, at) {
                roots.retain(|r| r.0 != at);
            }
        }
        let filtered = path.split_str("/invitation-manager/received/").is_some_and(|(_, f)| f.len() > 1);
        Roots { list: roots, manager, anchored_any, filtered, words: phrases::reads_language(lang) }
    }

    /// Whether `root` is a card whatever it holds: one found by its controls or a strong mark
    /// (an Ember card is read by its classes, never turned down).
    pub(super) fn certain(index: &Index, root: &Root) -> bool {
        root.1 || is_ember(index.node(root.0))
    }

    /// Reads the card at `root` as deep as `depth` asks; `None` when it turns out not to be one.
    pub(super) fn read(&self, index: &Index, seen: &Seen, root: &Root, depth: Depth) -> Option<Invitation> {
        let (at, sure, label) = root;
        if is_ember(index.node(*at)) {
            return Some(read_ember(index, *at, seen, self.words));
        }
        let card = read_card(index, *at, seen, label.as_ref().map(|(n, f)| (n.as_str(), *f)), depth, self.words);
        // Cards found only by their look on a page whose other cards have controls are not cards;
        // nor is a list item whose line under the name names them again ("Salesforce Ventures and
        // …", a post's title) without an invitation's controls.
        let look = card.relation == Some(Relation::Echo) || (self.manager && card.link.is_some() && !self.anchored_any);
        let accepted = *sure || card.relation.is_some_and(|r| r != Relation::Echo) || (look && answers_by_place(index, *at, seen));
        accepted.then_some(card.invitation)
    }
}

fn is_ember(n: &Node) -> bool {
    n.tag == "li" && n.has_class_prefix("invitation-card")
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
pub(super) fn controls_of(index: &Index, card: usize, seen: &Seen) -> Controls {
    let (mut out, unknown, _) = scan_controls(index, card, seen);
    if out.accept.is_none() && out.ignore.is_none() {
        if let [.., ignore, accept] = unknown.as_slice() {
            out.ignore = Some(*ignore);
            out.accept = Some(*accept);
        }
    }
    out
}

/// Whether a card known by its look alone has an invitation's controls: a "Reply to Kathie" (a
/// note to answer: the answers may not be rendered yet), or two controls whose words are
/// unknown, in an unknown language the Ignore and the Accept, beside no known answer and none
/// that names another action. A post has four or more (Like, Repost, its menu: OpenOutreach's
/// 2026 profile saves read at the manager's address gave 10–12 "invitations" each), a
/// suggestion a Connect, Follow or Subscribe, a birthday or "now a connection" row a Message.
fn answers_by_place(index: &Index, card: usize, seen: &Seen) -> bool {
    let (known, unknown, other) = scan_controls(index, card, seen);
    known.accept.is_none() && known.ignore.is_none() && (other == Some(false) || (unknown.len() == 2 && other.is_none()))
}

/// A card's controls known by their words, those whose words are unknown, and whether a
/// "Reply to …" (`Some(false)`) or a control naming another action (`Some(true)`, which wins) is among them.
fn scan_controls(index: &Index, card: usize, seen: &Seen) -> (Controls, Vec<u32>, Option<bool>) {
    let mut out = Controls::default();
    let mut unknown: Vec<u32> = Vec::new();
    let mut other = None;
    let mut j = card + 1;
    while j < index.end(card) {
        let n = index.node(j);
        if seen.hidden(j) {
            j = index.end(j);
            continue;
        }
        if !seen.control(j) {
            j += 1;
            continue;
        }
        let label = control_label(n);
        let aria = n.attr("aria-label").unwrap_or("");
        // The reader's own answer labels first (seven languages), then the first or last word.
        let answer = phrases::answer(if aria.trim().is_empty() { &label } else { aria }).map(|accepts| if accepts { Button::Accept } else { Button::Ignore });
        let kind = answer.or_else(|| button_kind(aria)).or_else(|| button_kind(&label));
        let href = n.attr("href").unwrap_or("");
        let reply_to = || phrases::reply_to_name(&label).is_some() || phrases::reply_to_name(aria).is_some();
        match kind {
            Some(Button::Accept) => out.accept = out.accept.or(Some(n.id)),
            Some(Button::Ignore) => out.ignore = out.ignore.or(Some(n.id)),
            Some(Button::Reply) => {
                if other.is_none() && reply_to() {
                    other = Some(false);
                }
                out.reply = out.reply.or(Some(n.id))
            }
            None if href.has("/messaging/") || reply_to() => out.reply = out.reply.or(Some(n.id)),
            None if phrases::is_more_label(&label) => {}
            // A menu after the pair's first control: a post's (Repost, its reactions), never an
            // invitation's, whose answers end the card but for its note and "… more".
            None if n.attr("aria-expanded").is_some() => {
                if !unknown.is_empty() {
                    other = Some(true);
                }
            }
            Some(Button::Other) => {
                other = Some(true);
                unknown.push(n.id)
            }
            None => unknown.push(n.id),
        }
        j = index.end(j);
    }
    (out, unknown, other)
}

#[derive(Clone, Copy, PartialEq)]
enum Button {
    Accept,
    Ignore,
    Reply,
    /// What a suggestion offers: Connect, Follow, Subscribe, Join.
    Other,
}

/// A control's role from its first or last word, in the languages LinkedIn's labels were seen in.
fn button_kind(label: &str) -> Option<Button> {
    const ACCEPT: &[&str] = &["accept", "annehmen", "akzeptieren", "accepter", "aceptar", "accepteren", "accetta"];
    const IGNORE: &[&str] = &["ignore", "ignorieren", "ignorer", "ignorar", "negeren", "ignora"];
    // Only the two end words are looked at: only they are lower-cased.
    let mut words = label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next();
    let ends = [first.map(crate::case::lower_str), words.next_back().or(first).map(crate::case::lower_str)];
    let has = |list: &[&str]| ends.iter().flatten().any(|w| list.contains(&w.as_str()));
    if has(IGNORE) {
        Some(Button::Ignore)
    } else if has(ACCEPT) {
        Some(Button::Accept)
    } else if has(phrases::WRITE) {
        Some(Button::Reply)
    } else if ends.iter().flatten().any(|w| crate::listed(phrases::OTHER, w)) {
        Some(Button::Other)
    } else {
        None
    }
}

/// What the page shows: the elements not hidden, and which are asleep (under `inert` or
/// `aria-hidden="true"`: shown, but not for the user to act on).
pub(super) struct Seen {
    hidden: Vec<bool>,
    asleep: Vec<bool>,
    /// Which elements are controls ([`is_control`]), asked once each: finding the cards and
    /// reading each one ask it of every element again.
    control: Vec<bool>,
}

impl Seen {
    pub(super) fn new(index: &Index) -> Seen {
        let mut hidden = vec![false; index.len()];
        let mut asleep = vec![false; index.len()];
        let mut control = vec![false; index.len()];
        for j in 0..index.len() {
            let n = index.node(j);
            let parent = index.parent(j);
            hidden[j] = parent.is_some_and(|p| hidden[p]) || n.hidden || n.attr("hidden").is_some();
            asleep[j] = parent.is_some_and(|p| asleep[p]) || n.attr("inert").is_some() || n.attr("aria-hidden") == Some("true");
            control[j] = is_control(n);
        }
        Seen { hidden, asleep, control }
    }

    pub(super) fn hidden(&self, at: usize) -> bool {
        self.hidden.get(at).copied().unwrap_or(false)
    }

    /// Whether the element at `at` is a control.
    pub(super) fn control(&self, at: usize) -> bool {
        self.control.get(at).copied().unwrap_or(false)
    }
}

/// The columns of `anchored`'s counts: Accepts, Ignores, profile links.
const ACCEPTS: usize = 0;
const IGNORES: usize = 1;
const LINKS: usize = 2;

/// Card roots found by their Accept/Ignore controls, in page order, with the name the
/// controls' labels give; and those of them with an Accept but no Ignore.
fn anchored(index: &Index, seen: &Seen) -> (Vec<Root>, Vec<usize>) {
    // (position, accepts, asleep, label)
    let mut answers: Vec<(usize, bool, bool, Cow<str>)> = Vec::new();
    let mut links: Vec<usize> = Vec::new();
    let mut j = 0;
    while j < index.len() {
        let n = index.node(j);
        if seen.hidden(j) {
            j = index.end(j);
            continue;
        }
        if n.tag == "a" && n.attr("href").is_some_and(is_entity) {
            links.push(j);
        }
        if seen.control(j) {
            let aria = n.attr("aria-label").filter(|l| !l.trim().is_empty());
            // The aria-label borrowed, not copied: asked of every control on the page.
            let label = aria.map_or_else(|| Cow::Owned(text_of(n, Reading::Visible, false)), Cow::Borrowed);
            // A messaging quick reply shows its words ("Aceptar") but says what it does to a
            // screen reader ("Responder a la conversación con «Aceptar»"): a reply, not an answer.
            let quick_reply = || aria.map_or_else(|| phrases::is_write_label(&text_of(n, Reading::Spoken, false)), phrases::is_write_label);
            if let Some(accepts) = phrases::answer(&label).filter(|_| !quick_reply()) {
                answers.push((j, accepts, seen.asleep[j], label));
            }
            j = index.end(j);
            continue;
        }
        j += 1;
    }
    // Controls asleep under a hidden tab are not the user's; under a modal, all are.
    if answers.iter().any(|a| !a.2) {
        answers.retain(|a| !a.2);
    }
    // How many Accepts, Ignores and profile links lie before each place in page order: a
    // subtree's count is then two lookups. Asked of each ancestor of each answer (about 20 times
    // a card), two binary searches a count were 2.6 M instructions on a 300-invitation page.
    let mut before = vec![[0u32; 3]; index.len() + 1];
    for a in &answers {
        before[a.0 + 1][usize::from(!a.1)] += 1;
    }
    for &l in &links {
        before[l + 1][LINKS] += 1;
    }
    let mut run = [0u32; 3];
    for counts in &mut before {
        for (c, r) in counts.iter_mut().zip(&mut run) {
            *r += *c;
            *c = *r;
        }
    }
    let count_in = |k: usize, at: usize| before[index.end(at)][k] - before[at][k];
    let one_card = |at: usize| count_in(ACCEPTS, at) <= 1 && count_in(IGNORES, at) <= 1;
    let mut roots: Vec<Root> = Vec::new();
    for (at, _, _, label) in &answers {
        // The smallest subtree holding a profile link and no other card's controls.
        let mut root = *at;
        let mut linked = false;
        for a in index.ancestors(*at) {
            if is_boundary(index.node(a)) || !one_card(a) {
                break;
            }
            root = a;
            if count_in(LINKS, a) > 0 {
                linked = true;
                break;
            }
        }
        // With no profile link, only the pair makes a card: an Accept beside "Reject" is the
        // cookie consent banner's, not an invitation.
        if !linked && (root == *at || count_in(ACCEPTS, root) == 0 || count_in(IGNORES, root) == 0) {
            continue;
        }
        // Widened to the list item (or marked card) around it, when that holds this card alone:
        // a note after the buttons is still the card's.
        let item = index.ancestors(root).take(6).take_while(|&a| !is_boundary(index.node(a)) && one_card(a)).find(|&a| is_item(index.node(a)));
        if let Some(item) = item {
            root = item;
        }
        let k = roots.partition_point(|r| r.0 < root);
        match roots.get_mut(k).filter(|r| r.0 == root) {
            Some(r) => {
                if r.2.is_none() {
                    r.2 = phrases::named(label);
                }
            }
            None => roots.insert(k, (root, true, phrases::named(label))),
        }
    }
    // A root inside another (a nested list item) stands for the same card: keep the outer one.
    let mut kept: Vec<Root> = Vec::new();
    for r in roots {
        if kept.last().is_some_and(|k| r.0 < index.end(k.0)) {
            continue;
        }
        // An invitation can be accepted: an Ignore alone dismisses a suggestion ("people you may know").
        if count_in(ACCEPTS, r.0) == 0 {
            continue;
        }
        kept.push(r);
    }
    let lone = kept.iter().filter(|r| count_in(IGNORES, r.0) == 0).map(|r| r.0).collect();
    (kept, lone)
}

/// Whether the card at `at`, one with an Accept but no Ignore, is about someone another card
/// already holds: the "Take care when connecting" warning LinkedIn may open after Accept ("View
/// profile", "Accept invite"; browser-use/browser-harness, domain-skills/linkedin), not one more
/// invitation. Few cards lack an Ignore, so the links are looked up for those only. Of two such
/// cards about one person the first stays: the list's card, not the warning after it, whose link
/// reads "View profile".
fn repeats(index: &Index, roots: &[Root], lone: &[usize], at: usize) -> bool {
    let profile =
        |at: usize| (at + 1..index.end(at)).find_map(|j| index.node(j).attr("href").filter(|_| index.node(j).tag == "a").and_then(entity)).map(|e| e.1);
    let Some(url) = profile(at) else { return false };
    roots.iter().any(|r| (r.0 < at || !lone.contains(&r.0)) && Roots::certain(index, r) && profile(r.0) == Some(url.clone()))
}

/// A card's root in the index, whether a strong mark found it, and what its controls' labels
/// say: a name, and whether it names what the invitation is for.
pub(super) type Root = (usize, bool, Option<(String, bool)>);

fn is_item(n: &Node) -> bool {
    n.tag == "li" || n.attr("role") == Some("listitem") || n.attr("componentkey").is_some_and(|k| k.starts_with("urn:li:invitation")) || n.tag == "article"
}

/// Where a card can't reach: the page, a list of cards, a frame or a shadow root.
fn is_boundary(n: &Node) -> bool {
    matches!(&*n.tag, "body" | "main" | "html" | "ul" | "ol" | "#shadow-root" | "#document") || n.attr("role") == Some("list")
}

/// Card roots in page order, with whether a strong mark found them. A strong mark inside a
/// list item wins over the list item; list items inside a card (a face pile) are part of it.
fn candidates(index: &Index, seen: &Seen) -> Vec<(usize, bool)> {
    let mut found: Vec<(usize, bool, bool)> = Vec::new(); // (at, strong, superseded)
    let mut open_weak: Option<(usize, usize)> = None; // (position in `found`, end of its subtree)
    let mut at = 0;
    while at < index.len() {
        if open_weak.is_some_and(|(_, end)| at >= end) {
            open_weak = None;
        }
        if seen.hidden(at) {
            at = index.end(at);
            continue;
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
    let awake: Vec<(usize, bool)> = found.iter().filter(|f| !f.2 && !seen.asleep[f.0]).map(|&(at, strong, _)| (at, strong)).collect();
    if !awake.is_empty() {
        return awake;
    }
    found.into_iter().filter(|f| !f.2).map(|(at, strong, _)| (at, strong)).collect()
}

/// A run of text in a card: a paragraph, heading, `time`, or the innermost element holding text.
struct Unit<'a> {
    at: usize,
    node: &'a Node,
    /// Its visible text, read when first asked ([`Unit::text`]): a card read for its name stops
    /// at the relation line, and reading the lines after it too (the note the longest) made
    /// reading 300 cards for their names 14.5 M instructions instead of 10.6 M (callgrind).
    text: std::cell::OnceCell<String>,
    /// The profile a link in (or around) the unit points at, and the link's place in the index.
    link: Option<(Kind, String, usize)>,
    /// A "… show more" control sits in or right after it: it is a clamped note.
    more: bool,
    /// How many of the card's other controls come before it ([`Walk::controls`]).
    after: u32,
}

impl Unit<'_> {
    fn text(&self) -> &str {
        self.text.get_or_init(|| text_of(self.node, Reading::Visible, false))
    }
}

/// What one card yields, and the signals that tell it is an invitation.
struct Card {
    invitation: Invitation,
    relation: Option<Relation>,
    link: Option<(Kind, String)>,
}

fn is_unit(n: &Node) -> bool {
    matches!(&*n.tag, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "time")
        || n.children.iter().any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty()))
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
    // An element holding only text has one copy: the note's usual shape, read once.
    if is_leaf(n) {
        return phrases::strip_more(&seen);
    }
    let spoken = text_of(n, Reading::Spoken, true);
    phrases::strip_more(if spoken.chars().count() > seen.chars().count() { &spoken } else { &seen })
}

/// [`note_text`] of a unit, whose text is read already: an element holding only text with no
/// line break in it reads as that text (the usual note; reading each note again, twice, was a
/// fifth of reading a 300-invitation page).
fn unit_note(u: &Unit) -> String {
    if is_leaf(u.node) && !u.node.children.iter().any(|c| matches!(c, Child::Text(t) if t.contains('\n'))) {
        return phrases::strip_more(u.text());
    }
    note_text(u.node)
}

/// Whether an element holds only text (or nothing).
fn is_leaf(n: &Node) -> bool {
    n.children.iter().all(|c| matches!(c, Child::Text(_)))
}

/// A card's units in page order, walked only as far as asked: a card read for its name needs
/// its first lines, and walking the rest too (the note, the time, the controls after them, whose
/// labels were read for a "… show more") was a fifth of reading the cards for their names in a
/// click (callgrind, the bench's 300 cards: 7.14 → 5.58 M instructions; 1,000: 24.08 → 18.88 M).
struct Walk<'i, 'a> {
    index: &'i Index<'a>,
    seen: &'i Seen,
    card: usize,
    /// Where the walk goes on.
    j: usize,
    units: Vec<Unit<'a>>,
    /// The first profile link met: the card's first link to one, or a unit's.
    first_link: Option<(Kind, String)>,
    /// The card's answer controls walked past so far: LinkedIn's lines about the person come
    /// before the card's buttons, the note may come after them (outside/mcp-received-2026). An
    /// answer is one [`phrases::answer`] knows, or the second of two controls in a row (a pair's,
    /// in a language it doesn't know); a lone other control (a badge's button between the name
    /// and the headline) is none: with any control counted, the headline, the shared connections
    /// and the time after one were all read as the note.
    controls: u32,
    /// The last thing walked past was a control other than "… show more".
    after_control: bool,
}

impl<'a> Walk<'_, 'a> {
    /// Walks on to the next unit; false at the card's end.
    fn step(&mut self) -> bool {
        let (index, seen, card) = (self.index, self.seen, self.card);
        while self.j < index.end(card) {
            let j = self.j;
            let n = index.node(j);
            if seen.hidden(j) {
                self.j = index.end(j);
                continue;
            }
            if self.first_link.is_none() && n.tag == "a" {
                self.first_link = n.attr("href").and_then(entity);
            }
            if seen.control(j) {
                let label = control_label(n);
                if phrases::is_more_label(&label) {
                    if let Some(last) = self.units.last_mut() {
                        last.more = true;
                    }
                } else {
                    self.controls += u32::from(self.after_control || phrases::answer(&label).is_some());
                    self.after_control = true;
                }
                self.j = index.end(j);
                continue;
            }
            if is_unit(n) {
                let link = link_of(index, j, card);
                if self.first_link.is_none() {
                    self.first_link = link.as_ref().map(|(k, u, _)| (*k, u.clone()));
                }
                let mut more = false;
                for c in index.inside(j).filter(|&k| seen.control(k)).map(|k| index.node(k)) {
                    more = more || phrases::is_more_label(&control_label(c));
                }
                self.units.push(Unit { at: j, node: n, text: std::cell::OnceCell::new(), link, more, after: self.controls });
                self.after_control = false;
                self.j = index.end(j);
                return true;
            }
            self.j += 1;
        }
        false
    }

    /// Walks until unit `k` is read, or to the end; whether it is. (Unit `k`'s "… show more"
    /// is settled once unit `k + 1` is read: the control may follow it.)
    fn reach(&mut self, k: usize) -> bool {
        while self.units.len() <= k && self.step() {}
        self.units.len() > k
    }

    /// The first unit for which `pred` holds, walking as far as it takes.
    fn position(&mut self, mut pred: impl FnMut(&Self, &Unit<'a>) -> bool) -> Option<usize> {
        let mut k = 0;
        while self.reach(k) {
            if pred(self, &self.units[k]) {
                return Some(k);
            }
            k += 1;
        }
        None
    }
}

fn read_card(index: &Index, card: usize, seen: &Seen, labelled: Option<(&str, bool)>, depth: Depth, words: bool) -> Card {
    let label = labelled.map(|l| l.0);
    let mut w = Walk { index, seen, card, j: card + 1, units: Vec::new(), first_link: None, controls: 0, after_control: false };
    if depth == Depth::Full {
        w.reach(usize::MAX);
    }

    let mut inv = blank_invitation();
    // The inviter is whom the controls' labels name, when a linked unit says that name; else
    // whom the card's first profile link shows (the picture, then the name). A second profile
    // (a shared connection, someone the note mentions) is not the inviter.
    let label_key = label.map(name_key).filter(|k| !k.is_empty());
    // "Ignore invitation for Weekly Digest": the controls name what the invitation is for.
    let label_for = labelled.is_some_and(|l| l.1);
    // The name read while matching it to the label, kept for the unit it was read from.
    let mut read_name: Option<(usize, String)> = None;
    if let Some(key) = &label_key {
        let named = w.position(|_, u| {
            u.link.is_some() && {
                let name = name_of(index, u);
                let hit = name_key(&name) == *key;
                read_name = hit.then_some((0, name));
                hit
            }
        });
        if let (Some(k), Some(read)) = (named, read_name.as_mut()) {
            read.0 = k;
            if let Some((kind, url, _)) = w.units[k].link.clone() {
                w.first_link = Some((kind, url));
            }
        }
    }
    // The first profile link may lie further on.
    while w.first_link.is_none() && w.step() {}
    let name_at = match &w.first_link {
        Some(_) => w.position(|w, u| u.link.as_ref().zip(w.first_link.as_ref()).is_some_and(|((_, l, _), (_, url))| l == url)),
        None => None,
    };
    if let Some((kind, url)) = &w.first_link {
        inv.kind = *kind;
        inv.profile_url = Some(url.clone());
    }
    let rest_from = match name_at {
        Some(k) => {
            inv.name = match read_name {
                Some((at, name)) if at == k => name,
                _ => name_of(index, &w.units[k]),
            };
            k + 1
        }
        None => {
            // No linked name: the first unit that is not a relation line or a count.
            let k = w.position(|_, u| !u.text().is_empty() && phrases::relation(u.text()).is_none());
            if let Some(k) = k {
                inv.name = w.units[k].text().to_owned();
            }
            k.map_or(0, |k| k + 1)
        }
    };

    // The lines about the person share the name's container and come before the card's buttons;
    // the note sits in a box of its own, or after the buttons. Where no words are known, that
    // split and the order decide.
    let meta = name_at.map(|k| meta_container(&mut w, k));
    let name_after = name_at.map_or(0, |k| w.units[k].after);
    let in_meta = |u: &Unit| meta.is_some_and(|m| u.at > m && u.at < index.end(m)) && u.after == name_after;
    let mut relation = None;
    // The units no pattern placed, by their place in `w.units`.
    let mut unknown: Vec<usize> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for k in rest_from.. {
        if !w.reach(k) {
            break;
        }
        w.reach(k + 1);
        let u = &w.units[k];
        if u.text().is_empty() || u.text() == inv.name {
            continue;
        }
        let early = inv.headline.is_none() && inv.mutual_connections.is_none() && inv.sent.is_none() && unknown.is_empty();
        let open = notes.is_empty() && inv.sent.is_none();
        // The relation line is settled once one is read, past the first lines, or once the note
        // has begun: what follows is the rest of the card, which a name doesn't need.
        if depth == Depth::Name && (relation.is_some() || !early || !open) {
            break;
        }
        if u.more || !open {
            notes.push(unit_note(u));
            continue;
        }
        // Lower-cased only for the shapes below: a note after the time needs none of them.
        let t = phrases::norm(u.text());
        if let Some(r) = (early && relation.is_none()).then(|| phrases::relation_normed(&t)).flatten() {
            relation = Some(r);
        } else if early && relation.is_none() && k == rest_from && !inv.name.is_empty() && u.text().has(&inv.name) {
            // A sentence right under the name that names them again is the relation line, in any
            // language; it makes a card only beside an invitation's controls.
            relation = Some(Relation::Echo);
        } else if let Some(c) = inv.mutual_connections.is_none().then(|| phrases::mutual_count_normed(&t)).flatten() {
            inv.mutual_connections = Some(c);
        } else if (meta.is_none() || in_meta(u)) && phrases::is_audience_normed(&t) {
            // "2,001 followers" under a page's name: its audience, neither the people you share
            // nor words to you (it once read as 2,001 mutual connections by the rule below).
        } else if u.node.tag == "time" || phrases::is_time_ago_normed(&t) {
            inv.sent = Some(u.text().to_owned());
        } else if meta.is_none() || in_meta(u) {
            if early {
                inv.headline = Some(u.text().to_owned());
            } else {
                unknown.push(k);
            }
        } else {
            notes.push(unit_note(u));
        }
    }
    // A shared-connections line above the name (an insight row over the card, a face with it) is
    // still theirs: "Casey Ray en 3 andere gedeelde connecties" there read as no one in common.
    if depth == Depth::Full && inv.mutual_connections.is_none() {
        inv.mutual_connections = w.units[..rest_from.saturating_sub(1)].iter().find_map(|u| phrases::mutual_count(u.text()));
    }
    // Lines under the headline that no pattern knows: in a language we don't know, the last of
    // the name's lines, shaped like a time, is the time, and a first short one with a number the
    // shared connections; one naming people in bold is that in any language; the rest is free
    // text, so the note's, unless it is a short label above the time (see [`read_notes`]).
    if depth == Depth::Full {
        let person = inv.kind == Kind::Person && relation != Some(Relation::Follow);
        let lines = unknown.into_iter().map(|k| &w.units[k]).collect();
        // The card's words are ours when the page says so, or a line read by them does.
        let foreign = !words && matches!(relation, None | Some(Relation::Echo)) && inv.mutual_connections.is_none();
        read_notes(&mut inv, lines, notes, person, meta.is_some(), foreign, |u| bold_names(index, u));
    }
    if inv.name.is_empty() {
        // Only the controls name them ("Accept Sam Lee’s invitation").
        inv.name = label.unwrap_or("").to_owned();
    }

    // The controls name something that shares no word with the linked name: they are for that.
    // (The name's key only where the controls name what the invitation is for: few cards.)
    let label_other = label_for
        && label_key.as_ref().is_some_and(|k| {
            let own = name_key(&inv.name);
            !own.is_empty() && !k.split(' ').any(|w| own.split(' ').any(|o| o == w))
        });
    if (relation == Some(Relation::Follow) || label_other) && inv.kind == Kind::Person {
        // "… invited you to follow" with a person's link first, or controls naming something
        // else ("Ignore invitation for Weekly Digest"): what to follow is another link, or a page.
        let other = (card..index.end(card)).find_map(|j| {
            let n = index.node(j);
            (n.tag == "a").then(|| n.attr("href").and_then(entity)).flatten().filter(|(k, _)| *k != Kind::Person).map(|(k, u)| (k, u, j))
        });
        w.reach(usize::MAX);
        let newsletter = w.units.iter().any(|u| phrases::norm(u.text()).has("newsletter"));
        // A sender's card with nothing else to follow in it, no newsletter named and controls
        // naming the sender is their invitation to connect in words that read like a follow line
        // ("Lucía te ha invitado a formar parte de su red"), not a page of theirs.
        if other.is_some() || newsletter || label_other {
            // The invitation is to follow what that link names ("Example Systems"), not its sender.
            if let Some(title) = other.as_ref().map(|o| text_of(index.node(o.2), Reading::Visible, false)).filter(|t| !t.is_empty()) {
                inv.name = title;
            }
            let other = other.map(|(k, u, _)| (k, u));
            inv.kind = other.as_ref().map_or(if newsletter { Kind::Newsletter } else { Kind::Page }, |(k, _)| *k);
            if let Some((_, url)) = other {
                inv.profile_url = Some(url);
            }
            if let (true, Some(l)) = (label_other, label) {
                // The controls name what the invitation is for; the person is who sent it.
                inv.name = l.to_owned();
            }
        }
    }
    Card { invitation: inv, relation, link: w.first_link }
}

/// The lines of a card that no pattern placed (`unknown`, in the name's container, all of them
/// above the time line if the card has one) and the note's lines: the shared connections in a
/// language we don't know, then the note. `bold` tells the people a line names in bold
/// ([`bold_names`]).
///
/// Live 2026 cards put what LinkedIn says about the person between the headline and the time
/// (a company or school you share, with its logo: "Institute Alpha"), and the note after the
/// buttons. So a short label above a time line is not words to you: read as the note, it once
/// made a note of "Institute Alpha" for an inviter who wrote none, and put "ExampleCo" before a
/// real note. Prose there (a sentence's end, or longer than a label) still reads as the note.
/// Only a person has connections in common with you: on a page's, group's or event's card a short
/// line with a number is its audience in words we don't know ("3.210 membri", "320 deelnemers",
/// "51-200 empleados"), which once read as that many mutual connections.
///
/// A time in words we don't know ("منذ 3 أيام", "3 日前") is found by its place and its shape
/// together: every layout puts the time last among the name's lines (`placed`: the name has its
/// container), under the shared connections, with at most a short note shown whole after it; and
/// it is a short line with one small number and no sentence in it ([`phrases::is_time_shaped`]).
/// Read by either alone it was the note ("منذ 3 أيام" after a shared-connections line) or the
/// shared connections (3, on a card with none: a stranger's "12 days ago" would have made 12).
/// A time without a digit ("منذ أسبوعين", two weeks ago) stays the note's: a short line of
/// words is as likely a note ("Let's connect"), and a note is worse lost than a date.
///
/// Neither is guessed by its shape where the card's words are ours (`foreign` is false: the page's
/// `lang` is a language we read, or the card's relation or shared-connections line was read by its
/// words): there every time and shared-connections line is read by its words, and a short note
/// with a number ("Met at PyCon 24") was the time, or 24 shared connections. A line naming people in bold is the shared connections in any
/// language, never the time (a time names no one): LinkedIn's 2026 pages set the people of that
/// line in bold ("<strong>David</strong>, <strong>Olivier</strong> and 3 other mutual
/// connections", outside/en-oo-profile-pending). It counts its number and each person named
/// ("ليلى و3 آخرون", Layla and 3 others, is 4, as "Casey Ray and 8 others" is 9 in English);
/// last on a card with no time, it was read as the time.
fn read_notes(
    inv: &mut Invitation,
    mut unknown: Vec<&Unit>,
    mut notes: Vec<String>,
    person: bool,
    placed: bool,
    foreign: bool,
    bold: impl Fn(&Unit) -> Option<u32>,
) {
    // A short note shown whole under the time: the note's, never the count (it may hold a number).
    let mut under_time: Vec<&Unit> = Vec::new();
    if placed && inv.sent.is_none() {
        // The last line, or the one before a last line of prose (a short note under the time).
        let last = unknown.len().checked_sub(1).map(|k| if k > 0 && !is_label(unknown[k].text()) { k - 1 } else { k });
        if let Some(k) = last.filter(|&k| foreign && phrases::is_time_shaped(unknown[k].text()) && bold(unknown[k]).is_none()) {
            under_time = unknown.split_off(k + 1);
            inv.sent = Some(unknown.remove(k).text().to_owned());
        }
    }
    // A short label above the time line: what LinkedIn says about the person, not their words.
    let above_time = inv.sent.is_some();
    let label = |u: &Unit| above_time && is_label(u.text());
    // Labels are never the note, and the count may come after one (the 2026 "insight" line, a
    // company you share, above the count): the first line that is neither is the count, if any.
    // On a page's card a short line with a number is its audience: neither the count nor a note.
    let mut unknown = unknown.into_iter().filter(|u| if is_count_shaped(u.text()) { person } else { !label(u) });
    let mut notes_in_meta: Vec<String> = Vec::new();
    if inv.mutual_connections.is_none() {
        if let Some(first) = unknown.next() {
            // Its people named in bold, if any: `Some(None)` for a count read by its shape.
            let count = is_count_shaped(first.text()).then(|| bold(first)).filter(|named| named.is_some() || foreign);
            if let Some(named) = count {
                inv.mutual_connections = Some(people_in(named, first.text()));
            } else {
                notes_in_meta.push(unit_note(first));
            }
        }
    }
    notes_in_meta.extend(unknown.filter(|u| !label(u)).map(unit_note));
    notes_in_meta.extend(under_time.into_iter().map(unit_note));
    notes_in_meta.append(&mut notes);
    let note = notes_in_meta.into_iter().filter(|n| !n.is_empty()).collect::<Vec<_>>().join("\n");
    inv.note = (!note.is_empty()).then_some(note);
}

/// A short line with a number: maybe a count.
fn is_count_shaped(text: &str) -> bool {
    text.chars().count() <= SHORT_LINE && text.chars().any(|c| c.is_ascii_digit())
}

/// How many people a line names in bold (its bold parts without a digit: the number may be bold
/// too, "<strong>8 other mutual connections</strong>"); `None` when nothing in it is bold and it
/// links to no people search.
///
/// A link in it to the people you share marks the shared-connections line too, in any words: the
/// live 2026 profile (outside/en-oo-profile-pending) links that line's words, and the faces of the
/// people with them, to `/search/results/people/?…&connectionOf=…`. Not any people search: a
/// followers line links there too, by `followerOf` ("8K followers", live 2026 search results). No
/// time or note of a card links there; read by its shape alone, a plain "共通のつながり3人" last on a
/// card with no time was the time.
fn bold_names(index: &Index, u: &Unit) -> Option<u32> {
    bold_names_at(index, u.at)
}

/// [`bold_names`] of node `at`.
pub(super) fn bold_names_at(index: &Index, at: usize) -> Option<u32> {
    let (mut any, mut named) = (false, 0);
    for n in (at..index.end(at)).map(|j| index.node(j)).filter(|n| matches!(&*n.tag, "strong" | "b")) {
        let t = text_of(n, Reading::Visible, false);
        any = true;
        named += u32::from(!t.is_empty() && !t.contains(|c: char| c.is_ascii_digit()));
    }
    (any || (at..index.end(at)).any(|j| links_shared(index.node(j)))).then_some(named)
}

/// How many people a shared-connections line names: its number and each person `named` in bold
/// ("<strong>David</strong>, <strong>Olivier</strong> and 3 other…": 5), else by its shape alone.
pub(super) fn people_in(named: Option<u32>, text: &str) -> u32 {
    let t = phrases::norm(text);
    named.map_or_else(|| phrases::count_people(&t), |n| phrases::first_number(&t).map_or(0, |f| f.0).saturating_add(n))
}

/// The name in its unit: the text of the link inside it, else of its bold part, else all of
/// it; a trailing degree ("· 2nd") dropped. A link around the unit may hold more than the name.
fn name_of(index: &Index, unit: &Unit) -> String {
    let inside = unit.link.as_ref().map(|&(_, _, a)| a).filter(|&a| a >= unit.at && a < index.end(unit.at));
    let strong = || index.inside(unit.at).find(|&j| matches!(&*index.node(j).tag, "strong" | "b"));
    let text =
        inside.or_else(strong).map(|a| text_of(index.node(a), Reading::Visible, false)).filter(|t| !t.is_empty()).unwrap_or_else(|| unit.text().to_owned());
    strip_degree(&text).to_owned()
}

/// "Noor Haddad · 2nd" → "Noor Haddad".
fn strip_degree(name: &str) -> &str {
    // Both separators are past ASCII: an ASCII name (most) has neither, and two substring
    // searches a card were 0.36 M instructions of a 300-invitation page's first list.
    if name.is_ascii() {
        return name;
    }
    for sep in [" · ", " • "] {
        if let Some((head, tail)) = name.rsplit_once(sep) {
            if tail.chars().count() <= 6 && tail.chars().any(|c| c.is_ascii_digit()) {
                return head.trim_end();
            }
        }
    }
    name
}

/// Longer than this, an unrecognized line is prose (a note), not a count.
const SHORT_LINE: usize = 60;

/// A line that names something rather than says something: short, and not ended like a sentence.
fn is_label(text: &str) -> bool {
    let text = text.trim_end();
    // Full-width and Arabic sentence ends too: a short Japanese note ending "！" is prose.
    text.chars().count() <= SHORT_LINE && !text.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟'])
}

/// The element holding the name's lines (unit `k`): the name's parent, or higher while it holds
/// nothing else.
fn meta_container(w: &mut Walk, k: usize) -> usize {
    let (index, card, name) = (w.index, w.card, w.units[k].at);
    let mut meta = index.parent(name).unwrap_or(card);
    while meta != card {
        // Units come in page order: once one lies past `meta`, so do all the others.
        while w.units.last().is_some_and(|u| u.at < index.end(meta)) && w.step() {}
        if w.units.iter().any(|u| u.at != name && u.at > meta && u.at < index.end(meta)) {
            break;
        }
        meta = index.parent(meta).unwrap_or(card);
    }
    meta
}

/// The Ember card: stable `invitation-card__*` classes name every field.
fn read_ember(index: &Index, card: usize, seen: &Seen, words: bool) -> Invitation {
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
        let mut read = read_card(index, card, seen, None, Depth::Full, words).invitation;
        read.note = read.note.or(inv.note);
        read
    }
}
