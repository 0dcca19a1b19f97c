//! The profile page of someone whose invitation is pending: `/in/<slug>/` with their name in
//! the `h1`, the headline under it, and an invitation area ("… is inviting you to connect" with
//! the note, or an Accept/Ignore pair). A profile without such an area is no invitation.

use super::phrases::{self, Relation};
use super::{blank_invitation, entity, is_control, text_of, Index, Reading};
use crate::snapshot::{Child, Node};
use crate::{Invitation, Kind};

/// Reads the inviting person from their profile page, if this is one.
pub(super) fn read(index: &Index, path: &str) -> Option<Invitation> {
    let (kind, url) = entity(path)?;
    if kind != Kind::Person || index.len() == 0 {
        return None;
    }
    let scope = (0..index.len()).find(|&j| index.node(j).tag == "main").unwrap_or(0);
    let h1 = (scope..index.end(scope)).find(|&j| index.node(j).tag == "h1")?;
    let mut inv = blank_invitation();
    inv.profile_url = Some(url);
    inv.name = text_of(index.node(h1), Reading::Visible, false);

    // The top card: the section holding the name.
    let top = index.ancestors(h1).take_while(|&a| a >= scope).find(|&a| index.node(a).tag == "section").unwrap_or(scope);
    let mut j = index.end(h1);
    while j < index.end(top) {
        let n = index.node(j);
        if is_control(n) || n.hidden || n.attr("hidden").is_some() {
            j = index.end(j);
            continue;
        }
        let classed = n.has_class("text-body-medium");
        if classed || has_text(n) {
            let text = text_of(n, Reading::Visible, false);
            if let Some(c) = shared(index, j, &text) {
                inv.mutual_connections = inv.mutual_connections.or(Some(c));
            } else if inv.headline.is_none() && !text.is_empty() && (classed || (phrases::relation(&text).is_none() && !phrases::is_time_ago(&text))) {
                inv.headline = Some(text);
            }
            j = index.end(j);
            continue;
        }
        j += 1;
    }

    // The invitation area: its relation line, then the note; or at least the two answers. A
    // relation line in words we don't know ("Giulia … ti sta invitando a collegarti") is still the
    // first line after the top card that starts with their name, before another section's heading
    // (not "You and Sam Lee both studied at …"): with the two answers on the page, what follows it
    // is the note (it was lost, and the time read as none).
    let mut relation_at = None;
    let mut named_at = None;
    let mut headed = false;
    let (mut accept, mut ignore, mut own_accept) = (false, false, false);
    let mut j = scope;
    while j < index.end(scope) {
        let n = index.node(j);
        if is_control(n) {
            let label = format!("{} {}", n.attr("aria-label").unwrap_or(""), text_of(n, Reading::Visible, false));
            match phrases::answer(n.attr("aria-label").unwrap_or("")).or_else(|| phrases::answer(&label)) {
                Some(true) => {
                    accept = true;
                    own_accept |= top != scope && j < index.end(top);
                }
                Some(false) => ignore = true,
                None => {}
            }
            j = index.end(j);
            continue;
        }
        if relation_at.is_none() && has_text(n) {
            let text = text_of(n, Reading::Visible, false);
            if phrases::relation(&text) == Some(Relation::Connect) {
                relation_at = Some(j);
                j = index.end(j);
                continue;
            }
            let after_top = j >= index.end(top);
            if after_top && !headed && named_at.is_none() && text.len() > inv.name.len() && !inv.name.is_empty() && text.starts_with(&inv.name) {
                named_at = Some(j);
            }
            headed = headed || (after_top && matches!(&*n.tag, "h2" | "h3"));
        }
        j += 1;
    }
    // An Accept needs its Ignore beside it, as a cookie banner's "Accept" stands beside "Reject";
    // but one in the top card, under the name, is the profile's own, its Ignore perhaps in the
    // closed "More" menu, whose items are not on the page until it opens.
    if relation_at.is_none() && !(accept && ignore) && !own_accept {
        return None;
    }
    let relation_at = relation_at.or(named_at);
    if let Some(r) = relation_at {
        read_note(index, r, &mut inv);
    }
    Some(inv)
}

/// The shared-connections line's count: read by its words, or in any words by its link to the
/// people you share, as on a card ([`super::links_shared`]): the live 2026 profile links
/// that line (outside/en-oo-profile-pending), and a line in words we don't read ("Marco, Luca e
/// altri 3 contatti reciproci") was the headline on a profile without one, or nothing.
fn shared(index: &Index, j: usize, text: &str) -> Option<u32> {
    use super::cards::{bold_names_at, people_in};
    let linked = || (j..index.end(j)).chain(index.ancestors(j).take(3)).any(|a| super::links_shared(index.node(a)));
    phrases::mutual_count(text).or_else(|| linked().then(|| people_in(bold_names_at(index, j), text)))
}

fn has_text(n: &Node) -> bool {
    matches!(&*n.tag, "p" | "h2" | "h3" | "h4" | "blockquote" | "time") || n.children.iter().any(|c| matches!(c, Child::Text(t) if !t.trim().is_empty()))
}

/// The note follows the relation line in its box: the box is the nearest ancestor holding more.
fn read_note(index: &Index, relation: usize, inv: &mut Invitation) {
    let boxed = index.ancestors(relation).take(4).find(|&a| index.end(a) > index.end(relation)).unwrap_or(relation);
    let mut parts: Vec<String> = Vec::new();
    let mut j = index.end(relation);
    while j < index.end(boxed) {
        let n = index.node(j);
        if is_control(n) || n.hidden || n.attr("hidden").is_some() {
            j = index.end(j);
            continue;
        }
        if has_text(n) {
            let text = text_of(n, Reading::Visible, false);
            if n.tag == "time" || phrases::is_time_ago(&text) {
                inv.sent = Some(text);
            } else if let Some(c) = shared(index, j, &text) {
                inv.mutual_connections = inv.mutual_connections.or(Some(c));
            } else {
                let seen = text_of(n, Reading::Visible, true);
                let spoken = text_of(n, Reading::Spoken, true);
                parts.push(phrases::strip_more(if spoken.chars().count() > seen.chars().count() { &spoken } else { &seen }));
            }
            j = index.end(j);
            continue;
        }
        j += 1;
    }
    let note = parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n");
    inv.note = (!note.is_empty()).then_some(note);
}
