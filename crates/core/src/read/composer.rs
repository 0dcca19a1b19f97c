//! The open message box: LinkedIn's `msg-form` editor, a `contenteditable` textbox, wherever it
//! sits — the light DOM, the open shadow root of the 2026 interop outlet, or a same-origin
//! interop iframe (the index walks into both).
//!
//! Several boxes may be open (overlay bubbles side by side). A box that is shown beats one in a
//! minimized or hidden bubble (even one holding the keyboard focus); then the box with the
//! keyboard focus; a box that looks focused or active beats the rest; a message form beats other editors; and
//! among equals the last in page order wins. That last rule is a guess (the overlay's
//! order of bubbles is not documented): with two open, shown boxes and no focus mark, a draft
//! may go to the other one, which the notice's "Drafted a reply to <name>" makes visible.
//! A comment box under a post is never the box: a comment is public.

use super::phrases;
use super::{entity, text_of, Composer, Index, Reading};
use crate::snapshot::{Child, Node};
use crate::Find;

/// Finds the box NotYet should write in, and whom it addresses. The box holding the keyboard
/// focus, when the agent saw one, beats every guess by look.
pub(super) fn read(index: &Index, focus: Option<u32>) -> Option<Composer> {
    let mut best: Option<(u8, usize)> = None;
    let mut j = 0;
    while j < index.len() {
        let n = index.node(j);
        if is_editable(n) {
            if !is_comment_box(index, j) {
                let focused = focus.is_some_and(|f| (j..index.end(j)).any(|k| index.node(k).id == f));
                let score = score(index, j, focused);
                // Later boxes win ties.
                if best.map_or(true, |(s, _)| s <= score) {
                    best = Some((score, j));
                }
            }
            // Paragraphs inside the box are the box.
            j = index.end(j);
            continue;
        }
        j += 1;
    }
    let (_, at) = best?;
    let node = index.node(at);
    let limit = node.attr("maxlength").and_then(|m| m.trim().parse().ok()).filter(|&m| m > 0);
    let cut = node.descendants().any(|n| n.cut == Some(crate::snapshot::Cut::Text));
    Some(Composer { node: node.id, addressee: addressee(index, at), lines: lines(node), limit, cut, invited: false })
}

fn is_editable(n: &Node) -> bool {
    match n.attr("contenteditable") {
        Some(v) => {
            let v = v.trim().to_ascii_lowercase();
            v.is_empty() || v == "true" || v == "plaintext-only"
        }
        None => false,
    }
}

/// How likely the box at `at` is the one the user means: shown beats everything (a focused
/// box the page doesn't show, as some pages keep, never wins over a visible one), then the
/// keyboard focus, then a focused look, then a message form.
fn score(index: &Index, at: usize, focused: bool) -> u8 {
    let node = index.node(at);
    let chain = || std::iter::once(at).chain(index.ancestors(at).take_while(|&a| !is_boundary(index.node(a)))).map(|a| index.node(a));
    // Hidden all the way up (a hidden frame or shadow host hides what is inside it).
    let unrendered =
        std::iter::once(at).chain(index.ancestors(at)).map(|a| index.node(a)).any(|n| n.hidden || n.attr("hidden").is_some() || n.attr("inert").is_some());
    let hidden = unrendered
        || node.attr("aria-hidden") == Some("true")
        || chain().any(|n| {
            n.attr("aria-hidden") == Some("true")
                || class_has(n, "minimized")
                || class_has(n, "collapsed")
                || n.attr(crate::snapshot::MINIMIZED) == Some("true")
        });
    let looks_focused = chain().any(|n| class_has(n, "focus") || class_has(n, "is-active"));
    let message = node.attr("role") == Some("textbox") && chain().any(|n| n.has_class_prefix("msg-") || n.tag == "form");
    (u8::from(!hidden) << 3) | (u8::from(focused && !hidden) << 2) | (u8::from(looks_focused) << 1) | u8::from(message || node.has_class_prefix("msg-form"))
}

/// A comment box under a post is public, never the box for a private reply: with one invitation
/// on the page and no message box, NotYet drafted the decline there (its addressee is the post's
/// author or a commenter). Its prompt says what it is: Ember's Quill `ql-editor` carries
/// `data-placeholder="Add a comment…"` (a live 2022 feed save); its classes are not copied. Quill's
/// clipboard, an editable sibling with no prompt, goes with it. The later Ember box (Italian, a
/// capture of 2026-09-03: outside page it-pitchbox-post-comment-box) has its prompt in a span
/// beside the editor's container, hidden from screen readers ("Aggiungi un commento…"), none on
/// the editor: such a short span beside the editor or its container says the same. Comments
/// moved to TipTap in 2026: a bare `contenteditable` `role=textbox` whose prompt is CSS on an inner
/// paragraph, its own label "Text editor for creating comment" (outside page
/// cl-messaging-new-shell, a live capture of 2026-09-27 with made-up words, and other tools'
/// selectors), so the label says it too; in any language its container's key does, a
/// `componentkey` `commentBox-…` a few levels up (the TipTap wrapper's parent or grandparent in
/// three tools' selectors; a comment's own key, `replaceableComment_…`, says the same).
fn is_comment_box(index: &Index, at: usize) -> bool {
    let mut a = at;
    for _ in 0..4 {
        a = index.parent(a).unwrap_or(a);
        if index.node(a).attr("componentkey").is_some_and(phrases::is_comment_prompt) {
            return true;
        }
    }
    let prompted = |n: &Node| n.attr("data-placeholder").or(n.attr("placeholder")).or(n.attr("aria-label")).is_some_and(phrases::is_comment_prompt);
    let shown = |n: &Node| {
        n.attr("aria-hidden") == Some("true") && {
            let t = text_of(n, Reading::Visible, false);
            t.len() < 60 && phrases::is_comment_prompt(&t)
        }
    };
    let beside = |p: usize| index.node(p).children.iter().any(|c| matches!(c, Child::Element(e) if is_editable(e) && prompted(e) || shown(e)));
    index.parent(at).map_or_else(|| prompted(index.node(at)), |p| beside(p) || index.parent(p).is_some_and(beside))
}

fn class_has(n: &Node, part: &str) -> bool {
    n.attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|w| w.has(part)))
}

/// Where the search for a box's context stops: beyond lies the page, not the conversation.
fn is_boundary(n: &Node) -> bool {
    matches!(&*n.tag, "body" | "main" | "html" | "#shadow-root" | "#document")
}

/// The conversation's own container ends the climb: a bubble or a dialog.
fn is_conversation(n: &Node) -> bool {
    // Block classes only: `…-bubble__content-wrapper` is a part inside the bubble.
    let block = |part: &str| n.attr("class").is_some_and(|c| c.split_ascii_whitespace().any(|w| w.has(part) && !w.has("__")));
    n.attr("role") == Some("dialog") || block("conversation-bubble") || block("msg-convo-wrapper") || n.tag == "aside"
}

/// Whom the box writes to: the title of the conversation that holds it (the overlay header,
/// the thread's heading, a profile link in its header), else a "Reply to <First>" label.
fn addressee(index: &Index, at: usize) -> Option<String> {
    let mut inner = at;
    for a in index.ancestors(at) {
        let node = index.node(a);
        if is_boundary(node) {
            break;
        }
        if let Some(title) = title_in(index, a, inner) {
            // An inline reply may be titled "Reply to Kathie": the name is what follows.
            return Some(phrases::reply_to_name(&title).unwrap_or(title));
        }
        if is_conversation(node) {
            break;
        }
        inner = a;
    }
    let box_node = index.node(at);
    [box_node.attr("aria-label"), box_node.attr("placeholder"), box_node.attr("data-placeholder")].into_iter().flatten().find_map(phrases::reply_to_name)
}

/// A title in `container`, outside the branch `skip` that holds the box. A new message (its
/// recipients field, a combobox, beside the box) is for the one person its profile links name:
/// its bubble is headed "New message" (Ember's header title in 2022, a bare `h2` in 2026, as
/// dsmorgan/netkeeper's rebuild of its maintainer's capture of 2026-10-05 shows it), the recipient
/// only on a chip and a link below; that an invitation's Message opens it is likely, unconfirmed. Links to two people (a group) leave the title, which names no invitation.
fn title_in(index: &Index, container: usize, skip: usize) -> Option<String> {
    let mut title: Option<String> = None;
    let mut headings: Option<String> = None;
    let mut profile_link: Option<String> = None;
    let (mut field, mut people) = (false, false);
    let mut j = container + 1;
    while j < index.end(container) {
        if j == skip {
            j = index.end(j);
            continue;
        }
        let n = index.node(j);
        field |= n.attr("role") == Some("combobox");
        if title.is_none() && (class_has(n, "header__title") || class_has(n, "entity-title") || class_has(n, "lockup__title")) {
            title = Some(name_of(n)).filter(|t| !t.is_empty());
        }
        if headings.is_none() && (matches!(&*n.tag, "h1" | "h2" | "h3" | "h4") || n.attr("role") == Some("heading")) {
            headings = Some(name_of(n)).filter(|t| !t.is_empty());
        }
        if n.tag == "a" && n.attr("href").and_then(entity).is_some() {
            let text = Some(text_of(n, Reading::Visible, false)).filter(|t| !t.is_empty());
            if profile_link.is_none() {
                profile_link = text;
            } else {
                people |= text.is_some() && text != profile_link;
            }
        }
        j += 1;
    }
    if field && !people && profile_link.is_some() {
        return profile_link;
    }
    title.or(headings).or(profile_link)
}

/// A title's name: the text of the profile link in it if there is one, else all its text.
fn name_of(n: &Node) -> String {
    n.descendants()
        .find(|d| d.tag == "a" && d.attr("href").and_then(entity).is_some())
        .map(|a| text_of(a, Reading::Visible, false))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| text_of(n, Reading::Visible, false))
}

/// The box's text, a line a paragraph, without any placeholder element an editor puts inside.
fn lines(node: &Node) -> Vec<String> {
    if !node.descendants().skip(1).any(is_placeholder) {
        return node.lines();
    }
    strip_placeholders(node).lines()
}

fn is_placeholder(n: &Node) -> bool {
    class_has(n, "placeholder")
}

fn strip_placeholders(node: &Node) -> Node {
    let children = node
        .children
        .iter()
        .filter_map(|c| match c {
            Child::Element(e) if is_placeholder(e) => None,
            Child::Element(e) => Some(Child::Element(strip_placeholders(e))),
            Child::Text(t) => Some(Child::Text(t.clone())),
        })
        .collect();
    Node { id: node.id, tag: node.tag.clone(), attrs: node.attrs.clone(), children, hidden: node.hidden, cut: node.cut }
}
