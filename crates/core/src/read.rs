//! Reading a snapshot: the invitations on the page and the open message box.
//!
//! Knows LinkedIn's two live layouts: the 2026 server-driven
//! one with hashed classes, read through roles, aria, hrefs and text shapes; and the older Ember
//! one with stable `invitation-card*` classes. A profile page of someone who invited you counts
//! as one invitation. Labels are localized, so where a label can't be read the structure decides.
//!
//! The tree is indexed once ([`Index`]: every element in page order with its parent and the end
//! of its subtree), so each part of the page is read in one pass: a 300-invitation page stays
//! linear, with no search from the root per card.

mod cards;
use crate::Find;
pub use cards::{Controls, Located};
use cards::{Depth, Root, Roots, Seen};
mod composer;
pub(crate) mod phrases;
mod profile;

use crate::snapshot::{fold_whitespace, push_folded, Child, Node, Snapshot};
use crate::{Invitation, Kind};
use serde::{Deserialize, Serialize};

/// What a page holds that NotYet can act on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Every invitation on the page, in page order.
    pub invitations: Vec<Invitation>,
    /// The open message box, if any.
    pub composer: Option<Composer>,
}

/// An open message box.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Composer {
    /// The agent's id of the editable element.
    pub node: u32,
    /// Whom the message goes to, when the page says (the overlay's title, the thread's name).
    pub addressee: Option<String>,
    /// What the box holds now, a line a paragraph; empty when the box is empty.
    pub lines: Vec<String>,
    /// The box's own `maxlength`, when it states one; a LinkedIn message box holds 8,000.
    pub limit: Option<u32>,
    /// The agent left part of the box's text out (its size limits): `lines` are not all of it.
    #[serde(default)]
    pub cut: bool,
    /// The page says the addressee invited the user ("Drew Stone sent you an invitation" in the
    /// conversation list, "… is inviting you to connect"), though no card of theirs is shown.
    #[serde(default)]
    pub invited: bool,
}

/// Whether NotYet reads this address at all: LinkedIn over HTTPS.
pub fn is_supported_url(url: &str) -> bool {
    url.strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .is_some_and(|host| host == "www.linkedin.com" || host == "linkedin.com")
}

/// Reads everything NotYet needs from a snapshot.
pub fn read_page(snapshot: &Snapshot) -> Page {
    let mut reader = PageReader::new(snapshot);
    let invitations = (0..reader.count()).map(|k| reader.invitation(k)).collect();
    Page { invitations, composer: reader.composer }
}

/// A page being read for one click: the message box at once, the cards as far as asked. A
/// click needs every card's name to find whom the box is for, but the whole of only the one it
/// drafts for; the whole list is read after the insertion, for the options page's preview
/// (`click::last_read`). On the bench's 300-card page a click's plan went from 74.4 M to 52.5 M
/// instructions natively (callgrind, the size profile) and from 17.9–21.5 to 10.5–13.5 ms in
/// WASM (Node, old and new alternating, 30 Nov 2026), the same plan.
pub(crate) struct PageReader<'a> {
    index: Index<'a>,
    seen: Seen,
    roots: Roots,
    /// The cards in page order: where each one's root is in `roots`, and what is read of it.
    cards: Vec<(usize, Read)>,
    /// The open message box, if any.
    pub composer: Option<Composer>,
}

/// What is read of one card so far.
enum Read {
    Nothing,
    /// Its name key ([`name_key`](crate::names::name_key)).
    Key(String),
    Whole(Invitation),
}

impl<'a> PageReader<'a> {
    pub(crate) fn new(snapshot: &'a Snapshot) -> PageReader<'a> {
        let index = Index::new(&snapshot.root);
        let path = url_path(&snapshot.url);
        let seen = Seen::new(&index);
        // An inviter's own profile page is their invitation; its Accept/Ignore pair is no card.
        let profile = entity(&path).is_some_and(|(kind, _)| kind == Kind::Person);
        let roots = if profile { Roots::none() } else { Roots::find(&index, &path, &snapshot.lang, &seen) };
        // Whether a card found by its look alone is one takes reading it (as far as its name).
        let mut cards = Vec::with_capacity(roots.list.len());
        for (k, root) in roots.list.iter().enumerate() {
            if Roots::certain(&index, root) {
                cards.push((k, Read::Nothing));
            } else if let Some(inv) = roots.read(&index, &seen, root, Depth::Name) {
                cards.push((k, Read::Key(crate::names::name_key(&inv.name))));
            }
        }
        if cards.is_empty() {
            if let Some(inv) = profile::read(&index, &path) {
                cards.push((usize::MAX, Read::Whole(with_first_name(inv))));
            }
        }
        let mut composer = composer::read(&index, snapshot.focus);
        if let Some(c) = composer.as_mut() {
            c.invited = c.addressee.as_deref().is_some_and(|name| says_invited(&index, name));
        }
        PageReader { index, seen, roots, cards, composer }
    }

    /// How many invitations the page holds.
    pub(crate) fn count(&self) -> usize {
        self.cards.len()
    }

    /// The count the page announces for its list, outside its cards ([`announced_count`]).
    pub(crate) fn announced(&self) -> Option<u32> {
        let cards: Vec<usize> = self.cards.iter().filter_map(|&(k, _)| self.roots.list.get(k)).map(|root| root.0).collect();
        announced_count(&self.index, &cards, self.roots.filtered)
    }

    /// The name key of invitation `k` (< [`count`](Self::count)), read only as far as it takes.
    pub(crate) fn key(&mut self, k: usize) -> String {
        let (root, read) = &self.cards[k];
        match read {
            Read::Key(key) => key.clone(),
            Read::Whole(inv) => crate::names::name_key(&inv.name),
            Read::Nothing => {
                let key = crate::names::name_key(&self.read(*root, Depth::Name).name);
                self.cards[k].1 = Read::Key(key.clone());
                key
            }
        }
    }

    /// Invitation `k` (< [`count`](Self::count)), read whole.
    pub(crate) fn invitation(&mut self, k: usize) -> Invitation {
        if let (_, Read::Whole(inv)) = &self.cards[k] {
            return inv.clone();
        }
        let inv = with_first_name(self.read(self.cards[k].0, Depth::Full));
        self.cards[k].1 = Read::Whole(inv.clone());
        inv
    }

    fn read(&self, root: usize, depth: Depth) -> Invitation {
        let root: &Root = &self.roots.list[root];
        // Only cards that were taken for cards are asked about, and a card reads as one whatever the depth.
        self.roots.read(&self.index, &self.seen, root, depth).unwrap_or_else(blank_invitation)
    }
}

/// The page shows a name, not a greeting: each person's first name is derived here, once, so
/// what is read (the CLI's lines, the panel, the options page's last read) says whom a reply greets.
fn with_first_name(mut inv: Invitation) -> Invitation {
    if inv.kind == Kind::Person && inv.first_name.is_none() {
        inv.first_name = crate::names::first_name_with(&inv.name, inv.profile_url.as_deref());
    }
    inv
}

/// Whether a line on the page says `name` invited the user: a relation line naming them.
fn says_invited(index: &Index, name: &str) -> bool {
    let key = phrases::norm(name);
    let words: Vec<&str> = key.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return false;
    }
    let mut j = 0;
    while j < index.len() {
        let n = index.node(j);
        if n.hidden || n.attr("hidden").is_some() {
            j = index.end(j);
            continue;
        }
        if n.children.iter().any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty())) {
            let t = phrases::norm(&text_of(n, Reading::Visible, false));
            let line: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            if t.len() < 300 && phrases::relation_normed(&t) == Some(phrases::Relation::Connect) && line.windows(words.len()).any(|w| w == words.as_slice()) {
                return true;
            }
        }
        j += 1;
    }
    false
}

/// Every invitation card with its node and controls, for the side panel; and the count the
/// page announces for its list ("Focused (300)"), which may exceed the cards rendered so far.
pub fn read_cards(snapshot: &Snapshot) -> (Vec<Located>, Option<u32>) {
    PanelCards::find(snapshot, |r| {
        let (ks, cards): (Vec<usize>, Vec<Located>) = (0..r.len()).filter_map(|k| Some((k, r.whole(k)?))).unzip();
        let announced = r.announced(&ks);
        (cards, announced)
    })
    .2
}

/// The side panel's reading of a page in two steps, so that its first list waits only for the
/// rows in view (issue 8's "panel opened → list shown"): [`PanelCards::new`] finds every card
/// and hands them to a first pass that reads each as far as a click does (name, kind and
/// profile: a row's key) and only the first ones whole; [`PanelCards::reader`] reads the rest
/// whole in a later task. The snapshot is kept for that; the index, which borrows it, is built
/// again then (one walk over the elements, about 1% of reading the cards).
pub struct PanelCards {
    snapshot: Snapshot,
    seen: Seen,
    roots: Roots,
}

/// The cards of a [`PanelCards`] with the page's index: each read by its place `k` among the
/// roots found (`0..len()`), as [`read_cards`] reads it.
pub struct CardReader<'a> {
    index: Index<'a>,
    seen: &'a Seen,
    roots: &'a Roots,
}

impl PanelCards {
    /// Finds the cards of `snapshot` and runs `first` over them before keeping the snapshot.
    pub fn new<R>(snapshot: Snapshot, first: impl FnOnce(&CardReader) -> R) -> (PanelCards, R) {
        let (seen, roots, out) = PanelCards::find(&snapshot, first);
        (PanelCards { snapshot, seen, roots }, out)
    }

    fn find<R>(snapshot: &Snapshot, first: impl FnOnce(&CardReader) -> R) -> (Seen, Roots, R) {
        let index = Index::new(&snapshot.root);
        let seen = Seen::new(&index);
        let roots = Roots::find(&index, &url_path(&snapshot.url), &snapshot.lang, &seen);
        let out = first(&CardReader { index, seen: &seen, roots: &roots });
        (seen, roots, out)
    }

    /// [`Snapshot::cut_deep`] of the page read.
    pub fn cut_deep(&self) -> bool {
        self.snapshot.cut_deep()
    }

    pub fn reader(&self) -> CardReader<'_> {
        CardReader { index: Index::new(&self.snapshot.root), seen: &self.seen, roots: &self.roots }
    }
}

impl CardReader<'_> {
    /// How many card roots were found (some may turn out not to be cards).
    pub fn len(&self) -> usize {
        self.roots.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roots.list.is_empty()
    }

    /// Card `k` read as far as its name, kind and profile (its controls left unread); `None`
    /// when it is not a card, which that much reading settles (the click relies on it too).
    pub fn named(&self, k: usize) -> Option<Located> {
        let root = &self.roots.list[k];
        let invitation = self.roots.read(&self.index, self.seen, root, Depth::Name)?;
        Some(Located { invitation, card: self.index.node(root.0).id, controls: Controls::default() })
    }

    /// Card `k` read whole with its controls, as [`read_cards`] lists it.
    pub fn whole(&self, k: usize) -> Option<Located> {
        let root = &self.roots.list[k];
        let invitation = self.roots.read(&self.index, self.seen, root, Depth::Full)?;
        Some(Located { invitation, card: self.index.node(root.0).id, controls: cards::controls_of(&self.index, root.0, self.seen) })
    }

    /// The count the page announces for its list, outside the cards `ks` (in page order).
    pub fn announced(&self, ks: &[usize]) -> Option<u32> {
        let cards: Vec<usize> = ks.iter().map(|&k| self.roots.list[k].0).collect();
        announced_count(&self.index, &cards, self.roots.filtered)
    }
}

/// The count in a short label outside every card: LinkedIn renders about ten cards at a time,
/// so only the page's own label says how many there are. The received list (2026 layout, as
/// other projects' fixtures of it show) labels its bucket picker "Focused (300)", first, and
/// then a radio per category ("Verified (3)", "Mutual Connections (12)"): the picker's count is
/// the list's, unless a category radio is checked (`aria-checked="true"`), which filters the
/// list to that category and so its count is the list's. Hidden labels (the picker's closed
/// menu, "Other (40)") are not read. The Sent tab's "People (12)" is the same shape.
///
/// A filtered list (`/received/PEOPLE_WITH_MUTUAL_CONNECTION/`) shows chips "All (12)", "Mutual
/// Connections (3)", "Your School (1)", the active one mirroring the address (browser-use/
/// browser-harness, domain-skills/linkedin): there the first count is all the invitations, not
/// the list's, and once read as its total. Its count is the active chip's: a checked radio or a
/// pressed toggle (`aria-pressed`, as LinkedIn's filter pills say it); with neither, no count (the
/// panel then says "Read 3", not "Read 3 of 12"). A chip linking to the filter's address was
/// taken too at first: +449 B of zip with the pressed toggle, for a mark never seen.
/// `cards` are the cards' places in the index, in page order (a slice for both callers, the
/// panel's reading and the click's notice, and never inlined: a generic iterator and inlining
/// made two copies of this walk in the WASM).
#[inline(never)]
fn announced_count(index: &Index, cards: &[usize], filtered: bool) -> Option<u32> {
    let chosen = |at: usize| {
        let e = index.node(at);
        (e.attr("role") == Some("radio") && e.attr("aria-checked") == Some("true")) || e.attr("aria-pressed") == Some("true")
    };
    let mut cards = cards.iter().copied().peekable();
    let mut first = None;
    let mut j = 0;
    while j < index.len() {
        let n = index.node(j);
        while cards.next_if(|&c| c < j).is_some() {}
        if cards.peek() == Some(&j) || n.attr("hidden").is_some() {
            j = index.end(j);
            continue;
        }
        let own = n.children.iter().any(|c| matches!(c, Child::Text(t) if t.contains('(')));
        if own {
            let text = text_of(n, Reading::Visible, false);
            if text.chars().count() <= 48 {
                if let Some(count) = parenthesized_count(&text) {
                    if chosen(j) || index.parent(j).is_some_and(chosen) {
                        return Some(count);
                    }
                    first = first.or(Some(count));
                }
            }
        }
        j += 1;
    }
    first.filter(|_| !filtered)
}

/// "People (1,204)" → 1204: a number alone in brackets at the end of a label.
fn parenthesized_count(text: &str) -> Option<u32> {
    let inner = text.trim_end().strip_suffix(')')?.rsplit_once('(')?.1.trim();
    if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}')) {
        return None;
    }
    phrases::first_number(inner).map(|(v, _)| v)
}

/// Every element of a snapshot in page order (pre-order, shadow roots and frames included),
/// with its parent and where its subtree ends: subtrees are ranges, ancestors a short walk up.
pub(crate) struct Index<'a> {
    entries: Vec<Entry<'a>>,
}

pub(crate) struct Entry<'a> {
    pub node: &'a Node,
    pub parent: Option<usize>,
    /// One past the last entry of this element's subtree.
    pub end: usize,
}

impl<'a> Index<'a> {
    /// Indexes the tree without recursion: deep pages must not overflow the stack.
    pub fn new(root: &'a Node) -> Index<'a> {
        enum Step<'a> {
            Enter(&'a Node, Option<usize>),
            Exit(usize),
        }
        let mut entries: Vec<Entry<'a>> = Vec::new();
        let mut stack = vec![Step::Enter(root, None)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(node, parent) => {
                    let at = entries.len();
                    entries.push(Entry { node, parent, end: at + 1 });
                    stack.push(Step::Exit(at));
                    stack.extend(node.children.iter().rev().filter_map(|c| match c {
                        Child::Element(k) => Some(Step::Enter(k, Some(at))),
                        Child::Text(_) => None,
                    }));
                }
                Step::Exit(at) => {
                    let end = entries.len();
                    if let Some(e) = entries.get_mut(at) {
                        e.end = end;
                    }
                }
            }
        }
        Index { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn node(&self, at: usize) -> &'a Node {
        self.entries[at].node
    }

    pub fn end(&self, at: usize) -> usize {
        self.entries[at].end
    }

    pub fn parent(&self, at: usize) -> Option<usize> {
        self.entries[at].parent
    }

    /// The elements strictly inside `at`, in page order.
    pub fn inside(&self, at: usize) -> std::ops::Range<usize> {
        at + 1..self.end(at)
    }

    /// `at`'s ancestors, nearest first.
    pub fn ancestors(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent(at), move |&p| self.parent(p))
    }
}

/// Which copy of doubled text to keep: LinkedIn often renders a visible copy marked
/// `aria-hidden` next to a `visually-hidden` one for screen readers; a clamped note may show
/// a truncated copy while the whole text sits in the hidden one.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Reading {
    /// The visible text: skip `visually-hidden` helpers (names, headlines).
    Visible,
    /// The screen-reader text: skip `aria-hidden` parts.
    Spoken,
}

/// Whether an element links to the people you share with someone (`/search/results/people/?…&connectionOf=…`):
/// the shared-connections line in any words (cards' `bold_names`, profiles), and in a page report
/// the link whose count keeps its digits.
pub(crate) fn links_shared(n: &Node) -> bool {
    n.tag == "a" && n.attr("href").is_some_and(|h| h.has("connectionOf="))
}

/// Whether an element is a control rather than content: its label is never part of a field.
pub(crate) fn is_control(n: &Node) -> bool {
    // The tag's length first: four string comparisons an element were half of this, and most
    // tags (div, span, p, a) have none of those lengths.
    if (matches!(n.tag.len(), 5 | 6 | 8) && matches!(&*n.tag, "button" | "input" | "select" | "textarea")) || n.attr("role") == Some("button") {
        return true;
    }
    // One substring test first: this runs on every element of every card.
    if n.attr("class").is_some_and(|c| c.has("lt-line-clamp__")) && (n.has_class_prefix("lt-line-clamp__more") || n.has_class_prefix("lt-line-clamp__less")) {
        return true;
    }
    n.tag == "a" && n.attr("href").is_some_and(is_action_href)
}

/// Links that act rather than show someone: compose a message, or the page itself (a
/// follows-you card's Accept is a link to the invitation manager).
fn is_action_href(href: &str) -> bool {
    href.has("/messaging/") || href.has("invitation-manager") || href.starts_with('#') || href.starts_with("javascript:")
}

fn is_screen_reader_only(n: &Node) -> bool {
    n.has_class("visually-hidden") || n.has_class("a11y-text") || n.has_class("sr-only")
}

/// The text of `node`, whitespace folded, without controls and without the copy `copy` skips.
/// With `breaks`, blocks and `<br>` end lines (for notes and message boxes).
pub(crate) fn text_of(node: &Node, copy: Reading, breaks: bool) -> String {
    enum Item<'a> {
        Open(&'a Node),
        Close(&'a Node),
        Text(&'a str),
    }
    // Without breaks the text is folded as it is gathered: this runs on every line of every card.
    // Sized up front: growing the string a few bytes at a time cost more than filling it.
    let mut out = Folded { text: String::with_capacity(64), pending: false };
    if !breaks && node.children.iter().all(|c| matches!(c, Child::Text(_))) {
        // Most lines are one element holding text: no walk needed.
        out.text.reserve(node.children.iter().map(|c| if let Child::Text(t) = c { t.len() } else { 0 }).sum());
        for c in &node.children {
            if let Child::Text(t) = c {
                out.push_str(t, false);
            }
        }
        return out.text;
    }
    let mut stack = vec![Item::Open(node)];
    // Whether the last thing read was text (or an element opened right after text): an inline
    // element there joins it as the page shows ("re<em>use</em>", "(<a>slides</a>)"), in line
    // mode. After an element's end the snapshot may have dropped white space between the tags.
    let mut after_text = false;
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(t) => {
                out.push_str(t, breaks);
                after_text = !t.is_empty();
            }
            Item::Close(n) => {
                if breaks && is_block(n) {
                    out.text.push('\n');
                }
                after_text = false;
            }
            Item::Open(n) => {
                let root = std::ptr::eq(n, node);
                if !root && (is_control(n) || hidden_for(n, copy)) {
                    continue;
                }
                if breaks && (n.tag == "br" || is_block(n)) {
                    out.text.push('\n');
                    after_text = false;
                } else if !(breaks && after_text) {
                    // Adjacent elements must not glue words together (as `Node::text` does): an
                    // Ember note's lines are one <span> each, a card's lines often spans that only
                    // the page's styles set apart. Right after text, a note's <b>, <em> or <a>
                    // once read "re use ( slides)" for "re<em>use</em> (<a>slides</a>)".
                    out.space();
                }
                if n.tag == "br" {
                    continue;
                }
                stack.push(Item::Close(n));
                for child in n.children.iter().rev() {
                    stack.push(match child {
                        Child::Element(e) => Item::Open(e),
                        Child::Text(t) => Item::Text(t),
                    });
                }
            }
        }
    }
    if !breaks {
        return out.text;
    }
    let mut kept: Vec<String> = Vec::new();
    for line in out.text.split('\n').map(fold_whitespace) {
        // Paragraph breaks survive as one empty line; runs of them are layout.
        if line.is_empty() && kept.last().map_or(true, |l| l.is_empty()) {
            continue;
        }
        kept.push(line);
    }
    while kept.last().is_some_and(|l| l.is_empty()) {
        kept.pop();
    }
    kept.join("\n")
}

/// Text gathered with runs of white space folded to one space, none at the ends.
#[derive(Default)]
struct Folded {
    text: String,
    pending: bool,
}

impl Folded {
    fn space(&mut self) {
        self.pending = !self.text.is_empty();
    }

    /// Appends `t`, folding its white space unless `raw` (line mode folds each line at the end).
    fn push_str(&mut self, t: &str, raw: bool) {
        if raw {
            // Elements next to each other are apart as on screen: the white space between their
            // tags is not in the snapshot (an Ember note's lines are one <span> each).
            if std::mem::take(&mut self.pending) && !t.starts_with(char::is_whitespace) && !self.text.ends_with(char::is_whitespace) {
                self.text.push(' ');
            }
            self.text.push_str(t);
            return;
        }
        // Runs of words copied whole (`snapshot::push_folded` says why): this runs on every
        // line of every card.
        push_folded(&mut self.text, &mut self.pending, t);
    }
}

fn hidden_for(n: &Node, copy: Reading) -> bool {
    match copy {
        Reading::Visible => is_screen_reader_only(n),
        Reading::Spoken => n.attr("aria-hidden") == Some("true"),
    }
}

fn is_block(n: &Node) -> bool {
    matches!(
        &*n.tag,
        "p" | "div" | "li" | "ul" | "ol" | "section" | "article" | "header" | "footer" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "tr"
    )
}

/// What a link points at: the kind of profile and its canonical address, for links to a
/// person (`/in/slug/`), company, school, group, event, newsletter or showcase page.
pub(crate) fn entity(href: &str) -> Option<(Kind, String)> {
    let (kind, slug) = entity_slug(href)?;
    let section = match kind {
        Kind::Person => "in",
        Kind::Company => "company",
        Kind::School => "school",
        Kind::Group => "groups",
        Kind::Event => "events",
        Kind::Newsletter => "newsletters",
        Kind::Page => "showcase",
    };
    // Joined rather than formatted: asked of a card's picture and name links (`format!` was a
    // third of reading a link, 430 K instructions of a 300-invitation page's first list).
    Some((kind, ["https://www.linkedin.com/", section, "/", slug, "/"].concat()))
}

/// Whether a link points at a profile ([`entity`]), without building its address: asked of
/// every link on the page.
pub(crate) fn is_entity(href: &str) -> bool {
    entity_slug(href).is_some()
}

/// `s` cut at its first '/', as `split_once('/')` but by bytes: std's char searcher a cut, three
/// cuts a link, was 0.5 M instructions of a 300-invitation page's first list (callgrind).
fn cut_slash(s: &str) -> (&str, &str) {
    match s.bytes().position(|b| b == b'/') {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or("")),
        None => (s, ""),
    }
}

/// The kind of profile a link points at, and its slug.
fn entity_slug(href: &str) -> Option<(Kind, &str)> {
    let path = if let Some(rest) = href.strip_prefix("https://").or_else(|| href.strip_prefix("http://")).or_else(|| href.strip_prefix("//")) {
        let (host, path) = cut_slash(rest);
        if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
            return None;
        }
        path
    } else {
        href.strip_prefix('/')?
    };
    // Cut by bytes rather than `split`: asked of every link on the page.
    let path = path.get(..path.bytes().position(|b| b == b'?' || b == b'#').unwrap_or(path.len())).unwrap_or("");
    let (section, rest) = cut_slash(path);
    let kind = match section {
        "in" => Kind::Person,
        "company" => Kind::Company,
        "school" => Kind::School,
        "groups" => Kind::Group,
        "events" => Kind::Event,
        "newsletters" => Kind::Newsletter,
        "showcase" => Kind::Page,
        _ => return None,
    };
    // ASCII tested inline: std's `is_alphanumeric` is a call per character in the size profile.
    let slug = Some(cut_slash(rest).0).filter(|s| {
        !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '%' | '.' | '~') || (!c.is_ascii() && c.is_alphanumeric()))
    })?;
    Some((kind, slug))
}

/// The path of a page address (`/mynetwork/invitation-manager/received/`), empty when none.
fn url_path(url: &str) -> String {
    let rest = url.split_str("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or("").to_owned()
}

/// An invitation with the fields every reader sets.
pub(crate) fn blank_invitation() -> Invitation {
    Invitation { site: "linkedin".into(), ..Invitation::default() }
}

#[cfg(test)]
mod tests {
    use super::phrases::*;
    use super::*;

    #[test]
    fn mutual_counts_in_english() {
        assert_eq!(mutual_count("Casey Ray and 8 other mutual connections"), Some(9));
        assert_eq!(mutual_count("Casey Ray and 1 other mutual connection"), Some(2));
        assert_eq!(mutual_count("Casey Ray, Drew Stone and 3 other mutual connections"), Some(5));
        assert_eq!(mutual_count("Casey Ray, Drew Stone, and 3 others are mutual connections"), Some(5));
        assert_eq!(mutual_count("Drew Stone is a mutual connection"), Some(1));
        assert_eq!(mutual_count("Drew Stone and Casey Ray are mutual connections"), Some(2));
        assert_eq!(mutual_count("12 mutual connections"), Some(12));
        assert_eq!(mutual_count("1 mutual connection"), Some(1));
        assert_eq!(mutual_count("1,234 mutual connections"), Some(1234));
        assert_eq!(mutual_count("Casey Ray and 1,233 other mutual connections"), Some(1234));
        // The 2026 people search's wording, with "&" (a 1st-degree cleanup tool's parser): 19 and 1 before.
        assert_eq!(mutual_count("Dennis Mokaya, Angela Onsarigo & 19 other mutual connections"), Some(21));
        assert_eq!(mutual_count("Dennis Mokaya & Angela Onsarigo are mutual connections"), Some(2));
    }

    #[test]
    fn mutual_counts_in_german_french_spanish() {
        assert_eq!(mutual_count("Casey Ray und 8 weitere gemeinsame Kontakte"), Some(9));
        assert_eq!(mutual_count("12 gemeinsame Kontakte"), Some(12));
        assert_eq!(mutual_count("1.234 gemeinsame Kontakte"), Some(1234));
        assert_eq!(mutual_count("Drew Stone ist ein gemeinsamer Kontakt"), Some(1));
        assert_eq!(mutual_count("Drew Stone und Casey Ray sind gemeinsame Kontakte"), Some(2));
        assert_eq!(mutual_count("Casey Ray et 8 autres relations en commun"), Some(9));
        assert_eq!(mutual_count("12 relations en commun"), Some(12));
        assert_eq!(mutual_count("Drew Stone est une relation en commun"), Some(1));
        assert_eq!(mutual_count("Casey Ray y 8 contactos más en común"), Some(9));
        assert_eq!(mutual_count("12 contactos en común"), Some(12));
    }

    #[test]
    fn not_mutual_lines() {
        assert_eq!(mutual_count("Career coach | Speaker"), None);
        assert_eq!(mutual_count("2 weeks ago"), None);
        assert_eq!(mutual_count(""), None);
        assert_eq!(mutual_count("Kathie Smith is inviting you to connect"), None);
    }

    #[test]
    fn numbers_with_separators() {
        assert_eq!(first_number("1,234"), Some((1234, 0)));
        assert_eq!(first_number("about 1.234.567 people"), Some((1_234_567, 6)));
        assert_eq!(first_number("1\u{a0}234 relations"), Some((1234, 0)));
        assert_eq!(first_number("3, 4"), Some((3, 0)));
        assert_eq!(first_number("12.5"), Some((12, 0)));
        assert_eq!(first_number("none"), None);
        assert_eq!(first_number("99999999999999999999"), Some((u32::MAX, 0)));
    }

    #[test]
    fn times_ago() {
        for t in ["2 weeks ago", "an hour ago", "Yesterday", "vor 2 Wochen", "Gestern", "vor 3 Tagen", "il y a 2 semaines", "hace 3 días", "1 month ago"] {
            assert!(is_time_ago(t), "{t}");
        }
        for t in ["Career coach | Speaker", "2 years in sales", "Vorstand", "Hace marketing", ""] {
            assert!(!is_time_ago(t), "{t}");
        }
    }

    #[test]
    fn times_in_seven_languages_by_their_whole_shape() {
        for t in [
            "2 weeks ago",
            "vor 3 Tagen",
            "il y a 2 jours",
            "hace 3 días",
            "há 2 semanas",
            "2 semanas atrás",
            "2 settimane fa",
            "2 weken geleden",
            "1w",
            "3d",
            "2mo",
            "1 yr",
            "un mese fa",
            "een week geleden",
            "vor einem Monat",
            "il y a un an",
            "Gisteren",
            "Ieri",
            "hace 1 año",
            "há 1 mês",
            "3 giorni fa",
            "1 uur geleden",
            "10 minutes ago",
            // Shortened and elided units, and an amount with its unit alone.
            "hace 2 sem.",
            "vor 2 Std.",
            "il y a 2 h",
            "un'ora fa",
            "un’ora fa",
            "1 sett.",
            "1 mnd",
            "1 mes",
            "3 días",
            // "Just now" in each language, as a card's time line.
            "Just now",
            "Gerade eben",
            "Soeben",
            "À l’instant",
            "Ahora mismo",
            "Justo ahora",
            "Agora mesmo",
            "Adesso",
            "Proprio ora",
            "Poco fa",
            "Zojuist",
            "Net nu",
            // The Sent list's label before the time (outside/mcp-sent-people): LinkedIn's words,
            // never a note.
            "Sent 2 weeks ago",
            "Sent today",
            "Invited 5 days ago",
            "Envoyée il y a 2 semaines",
            "Gesendet vor 3 Tagen",
            "Enviada hace 2 semanas",
            "Enviado há 2 semanas",
            "Inviato 2 settimane fa",
            "Verzonden 2 weken geleden",
        ] {
            assert!(is_time_ago(t), "{t}");
        }
        for t in [
            "2 weeks ago I saw your talk",
            "Vor 2 Wochen habe ich Ihren Vortrag gesehen",
            "Hace 3 días que te escribo",
            "2 years in sales",
            "Ana",
            "3 dogs",
            "12 mutual connections",
            "1000 d",
            "hace marketing",
            "Hace 2 sem. que te escribo",
            "un'idea fa",
            "2 sem. in Rom",
            // A note that begins or ends like the label is a note.
            "Sent you my CV last week",
            "Sent you my CV 2 weeks ago",
            "Sent",
            "Sent sent 2 weeks ago",
            "I sent it 2 weeks ago",
            "2 weeks ago I sent",
            "Envoyé mon CV il y a 2 jours",
        ] {
            assert!(!is_time_ago(t), "{t}");
        }
    }

    #[test]
    fn time_shapes_in_languages_we_dont_know() {
        for t in [
            "منذ 3 أيام",
            "3 日前",
            "2週間前",
            "3일 전",
            "3 дня назад",
            "3 дн. назад",
            "för 3 dagar sedan",
            "πριν από 3 ημέρες",
            "12 hours ago •",
            "3 wspólne kontakty",
        ] {
            assert!(is_time_shaped(t), "{t}");
        }
        for t in [
            "منذ أسبوعين",
            "320 deelnemers",
            "3.210 membri",
            "51-200 empleados",
            "Ana, Luis y 3 más",
            "共通のつながり: 田中さん、他3人",
            "See you in 2 weeks at the meetup",
            "Met you 2 times.",
            "Hi!",
            "3月に会いましょう！",
            "3時に話せますか？",
            "هل نلتقي في 3؟",
        ] {
            assert!(!is_time_shaped(t), "{t}");
        }
    }

    #[test]
    fn names_in_answer_labels() {
        assert_eq!(label_name("Accept Sam Lee’s invitation"), Some("Sam Lee".into()));
        assert_eq!(label_name("Accept Sam Lee's invitation to connect"), Some("Sam Lee".into()));
        assert_eq!(label_name("Ignore an invitation to connect from Sam Lee"), Some("Sam Lee".into()));
        assert_eq!(label_name("Ignore invitation for Weekly Digest"), Some("Weekly Digest".into()));
        assert_eq!(label_name("Einladung von Sam Lee annehmen"), Some("Sam Lee".into()));
        assert_eq!(label_name("Uitnodiging van Sam Lee negeren"), Some("Sam Lee".into()));
        assert_eq!(label_name("Accepter l’invitation de Sam Lee"), Some("Sam Lee".into()));
        assert_eq!(label_name("Accetta l’invito di Sam Lee"), Some("Sam Lee".into()));
        assert_eq!(label_name("Aceitar o convite de Sam Lee"), Some("Sam Lee".into()));
        // Names with particles, whole: the first "of" a capital follows.
        assert_eq!(label_name("Uitnodiging van Sanne de Vries negeren"), Some("Sanne de Vries".into()));
        assert_eq!(label_name("Accepteer de uitnodiging van Sanne de Vries"), Some("Sanne de Vries".into()));
        assert_eq!(label_name("Ignore an invitation to connect from Sam de Vries"), Some("Sam de Vries".into()));
        assert_eq!(label_name("Einladung von Anna von Berg annehmen"), Some("Anna von Berg".into()));
        assert_eq!(label_name("Aceptar la invitación de María de la Cruz"), Some("María de la Cruz".into()));
        assert_eq!(label_name("Aceitar o convite de João da Silva"), Some("João da Silva".into()));
        assert_eq!(label_name("Accetta l’invito di Maria Di Stefano"), Some("Maria Di Stefano".into()));
        assert_eq!(label_name("Accepter l’invitation d’Anne de Roy"), Some("Anne de Roy".into()));
        assert_eq!(label_name("Accept invitation from d‘anne roy"), Some("anne roy".into()));
        assert_eq!(label_name("Accept"), None);
        assert_eq!(label_name("Reply to Sam"), None);
        assert_eq!(answer("Einladung von Sam Lee annehmen"), Some(true));
        assert_eq!(answer("Negeren"), Some(false));
        assert_eq!(answer("Accetta"), Some(true));
        assert_eq!(answer("Reply"), None);
        assert!(is_write_label("Reply to Kathie") && is_write_label("Nachricht") && is_write_label("Beantwoorden") && !is_write_label("Accept"));
    }

    #[test]
    fn mutual_lines_in_more_languages_and_not_in_notes() {
        assert_eq!(mutual_count("Casey Ray en 8 andere gedeelde connecties"), Some(9));
        assert_eq!(mutual_count("12 collegamenti in comune"), Some(12));
        assert_eq!(mutual_count("Casey Ray e 3 outras conexões em comum"), Some(4));
        assert_eq!(mutual_count("We have 3 mutual connections, so I thought I'd reach out!"), None);
        // As other projects found them on the live site.
        assert_eq!(mutual_count("Ana, Luis y 3 contactos más en común"), Some(5));
        assert_eq!(mutual_count("Marisol Monroy es contacto en común"), Some(1));
        assert_eq!(mutual_count("Marco Rossi e altri 2 collegamenti in comune"), Some(3));
        assert_eq!(mutual_count("Alex Kim est une relation que vous avez en commun"), Some(1));
        assert_eq!(mutual_count("Alex Kim est une relation commune"), Some(1));
        assert_eq!(mutual_count("Alex Kim et 3 autres relations communes"), Some(4));
        assert_eq!(mutual_count("12 relations communes"), Some(12));
        assert_eq!(mutual_count("Conseiller municipal de ma commune"), None);
    }

    #[test]
    fn relation_lines() {
        assert_eq!(relation("Kathie Smith is inviting you to connect"), Some(Relation::Connect));
        assert_eq!(relation("Kathie Smith follows you and is inviting you to connect"), Some(Relation::Connect));
        assert_eq!(relation("Kathrin Müller möchte sich mit Ihnen vernetzen"), Some(Relation::Connect));
        assert_eq!(relation("Kathie Smith vous invite à rejoindre son réseau"), Some(Relation::Connect));
        assert_eq!(relation("Kathie Smith te invita a unirte a su red"), Some(Relation::Connect));
        assert_eq!(relation("Acme Corp invited you to follow"), Some(Relation::Follow));
        assert_eq!(relation("Jane Doe hat Sie eingeladen, Acme zu folgen"), Some(Relation::Follow));
        // The general "invited you to …" forms in Spanish, Italian, Portuguese and Dutch: connect forms first.
        assert_eq!(relation("Ti ha invitato a unirti al gruppo"), Some(Relation::Follow));
        assert_eq!(relation("Te ha invitado a asistir"), Some(Relation::Follow));
        assert_eq!(relation("Convidou você para participar do evento"), Some(Relation::Follow));
        assert_eq!(relation("Heeft je uitgenodigd om lid te worden van de groep"), Some(Relation::Follow));
        assert_eq!(relation("Giulia Bianchi ti ha invitato a collegarti"), Some(Relation::Connect));
        assert_eq!(relation("Lucía te ha invitado a conectar"), Some(Relation::Connect));
        assert_eq!(relation("Mariana convidou você para se conectar"), Some(Relation::Connect));
        assert_eq!(relation("Sanne heeft je uitgenodigd om te connecten"), Some(Relation::Connect));
        assert_eq!(relation("Career coach | Speaker"), None);
    }

    #[test]
    fn more_labels_are_stripped() {
        assert_eq!(strip_more("I read your post … show more"), "I read your post");
        assert_eq!(strip_more("Ich habe Ihren Beitrag gelesen …mehr anzeigen"), "Ich habe Ihren Beitrag gelesen");
        assert_eq!(strip_more("Wait... see more"), "Wait");
        assert_eq!(strip_more("Nothing to strip…"), "Nothing to strip…");
    }

    #[test]
    fn reply_to_names() {
        assert_eq!(reply_to_name("Reply to Kathie"), Some("Kathie".into()));
        assert_eq!(reply_to_name("Antworten an Kathrin"), Some("Kathrin".into()));
        assert_eq!(reply_to_name("Write a message…"), None);
    }

    #[test]
    fn entity_links() {
        assert_eq!(entity("/in/kathie-smith/"), Some((Kind::Person, "https://www.linkedin.com/in/kathie-smith/".into())));
        assert_eq!(entity("https://de.linkedin.com/in/kathrin?miniProfileUrn=x"), Some((Kind::Person, "https://www.linkedin.com/in/kathrin/".into())));
        assert_eq!(entity("/company/acme/life/"), Some((Kind::Company, "https://www.linkedin.com/company/acme/".into())));
        assert_eq!(entity("https://evil.example/in/x/"), None);
        assert_eq!(entity("/in/"), None);
        assert_eq!(entity("/feed/"), None);
    }

    fn snapshot(root: &str) -> Snapshot {
        Snapshot::from_json(&format!(r#"{{"url":"https://www.linkedin.com/messaging/","root":{root}}}"#)).expect("test snapshot parses")
    }

    #[test]
    fn addressee_from_reply_labels_and_titles() {
        let labelled = snapshot(
            r#"{"i":1,"t":"body","c":[{"i":2,"t":"div","a":["contenteditable","true","role","textbox","aria-label","Reply to Kathie"],"c":[{"i":3,"t":"p","c":["Hello"]}]}]}"#,
        );
        let c = read_page(&labelled).composer.expect("a box");
        assert_eq!((c.node, c.addressee.as_deref(), c.lines), (2, Some("Kathie"), vec!["Hello".to_owned()]));

        let titled = snapshot(
            r#"{"i":1,"t":"body","c":[{"i":2,"t":"div","a":["role","dialog"],"c":[{"i":3,"t":"h2","c":["Antworten an Kathrin"]},{"i":4,"t":"div","a":["contenteditable",""],"c":[{"i":5,"t":"p","c":[{"i":6,"t":"br"}]}]}]}]}"#,
        );
        let c = read_page(&titled).composer.expect("a box");
        assert_eq!((c.node, c.addressee.as_deref(), c.lines.is_empty()), (4, Some("Kathrin"), true));
    }

    #[test]
    fn a_shown_box_beats_a_hidden_one_and_later_wins_ties() {
        let two = snapshot(
            r#"{"i":1,"t":"body","c":[{"i":2,"t":"div","a":["contenteditable","true","role","textbox"]},{"i":3,"t":"div","a":["class","bubble--is-minimized"],"c":[{"i":4,"t":"div","a":["contenteditable","true","role","textbox"]}]},{"i":5,"t":"div","a":["contenteditable","false"]}]}"#,
        );
        assert_eq!(read_page(&two).composer.map(|c| c.node), Some(2));
        let ties = snapshot(r#"{"i":1,"t":"body","c":[{"i":2,"t":"div","a":["contenteditable","true"]},{"i":3,"t":"div","a":["contenteditable","true"]}]}"#);
        assert_eq!(read_page(&ties).composer.map(|c| c.node), Some(3));
        // The focused box wins, even against one that looks better (the focus may be on a paragraph inside it).
        let focused = Snapshot {
            focus: Some(7),
            ..snapshot(
                r#"{"i":1,"t":"body","c":[{"i":2,"t":"div","a":["contenteditable","true","role","textbox"],"c":[{"i":7,"t":"p"}]},{"i":3,"t":"form","c":[{"i":4,"t":"div","a":["contenteditable","true","role","textbox","class","msg-form__contenteditable"]}]}]}"#,
            )
        };
        assert_eq!(read_page(&focused).composer.map(|c| c.node), Some(2));
    }

    #[test]
    fn empty_and_odd_snapshots_read_as_nothing() {
        assert_eq!(read_page(&Snapshot::default()), Page::default());
        let mut deep = Node { tag: "div".into(), ..Node::default() };
        for i in 0..2000 {
            deep = Node {
                id: i,
                tag: if i % 2 == 0 { "div".into() } else { "p".into() },
                attrs: vec![("role".into(), "listitem".into())],
                children: vec![Child::Element(deep)],
                ..Node::default()
            };
        }
        let snap = Snapshot { url: "https://www.linkedin.com/mynetwork/invitation-manager/received/".into(), root: deep, ..Snapshot::default() };
        let page = read_page(&snap);
        assert!(page.composer.is_none());
    }
}
