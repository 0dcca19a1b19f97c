//! The text shapes LinkedIn uses for parts of an invitation, in the interface languages we know
//! (English, German, and the cheap French and Spanish forms). Hand-written matching instead of
//! the regex crate: a handful of phrases does not justify ~300 KB of WASM.
//!
//! Every matcher lower-cases and folds whitespace first, and leans on structure where it can
//! (a number where a count stands, the "A, B and N others" shape), so an unknown wording of a
//! known shape still reads.

use crate::snapshot::fold_whitespace;

/// Lower case, whitespace (including no-break spaces) folded, typographic apostrophes plain.
/// One pass and one allocation: it runs on every line of every card.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Words that mark a line as the shared-connections line.
const MUTUAL_WORDS: &[&str] =
    &["mutual connection", "gemeinsame kontakt", "gemeinsamer kontakt", "gemeinsamen kontakt", "en commun", "en común", "em comum", "in comune"];

/// Words joining the named people to the rest: "A and 8 other…", "A und 8 weitere…".
const AND: &[&str] = &[" and ", " und ", " et ", " y ", " e "];

/// How many shared connections a line names: "Casey Ray and 8 other mutual connections" → 9,
/// "12 gemeinsame Kontakte" → 12, "Drew Stone is a mutual connection" → 1. `None` when the
/// line is not about shared connections.
pub(crate) fn mutual_count(text: &str) -> Option<u32> {
    mutual_count_normed(&norm(text))
}

/// [`mutual_count`] of text already passed through [`norm`].
pub(crate) fn mutual_count_normed(t: &str) -> Option<u32> {
    if !MUTUAL_WORDS.iter().any(|w| t.contains(w)) {
        return None;
    }
    Some(count_people(t))
}

/// Counts the people a shared-connections line names, by its shape alone.
pub(crate) fn count_people(t: &str) -> u32 {
    let and = AND.iter().filter_map(|w| t.find(w)).min();
    let names_before = |end: usize| t[..end].split(',').filter(|s| !s.trim().is_empty()).count() as u32;
    match (first_number(t), and) {
        // "A, B and 8 other…": the named ones plus the number.
        (Some((n, at)), Some(and)) if and < at => n.saturating_add(names_before(and)),
        // "12 mutual connections".
        (Some((n, _)), _) => n,
        // "A and B are mutual connections".
        (None, Some(and)) => names_before(and) + 1,
        // "A is a mutual connection".
        (None, None) => 1,
    }
}

/// The first whole number in `t` and its byte offset; thousands separators (`,` `.` and
/// spaces before a group of exactly three digits) are read through. Saturates at `u32::MAX`.
pub(crate) fn first_number(t: &str) -> Option<(u32, usize)> {
    let bytes: Vec<(usize, char)> = t.char_indices().collect();
    let start = bytes.iter().position(|(_, c)| c.is_ascii_digit())?;
    let mut value: u64 = 0;
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i].1;
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            value = (value * 10 + u64::from(d)).min(u64::from(u32::MAX));
            i += 1;
        } else if matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'')
            && (1..=3).all(|k| bytes.get(i + k).is_some_and(|(_, c)| c.is_ascii_digit()))
            && !bytes.get(i + 4).is_some_and(|(_, c)| c.is_ascii_digit())
        {
            i += 1;
        } else {
            break;
        }
    }
    Some((u32::try_from(value).unwrap_or(u32::MAX), bytes[start].0))
}

/// Whole lines that say when: "Yesterday", "Gestern"…
const DAYS: &[&str] = &["today", "yesterday", "just now", "heute", "gestern", "aujourd'hui", "hier", "hoy", "ayer", "hoje", "ontem"];

/// Beginnings of time units, in the languages above.
const UNITS: &[&str] = &[
    "sec", "min", "hour", "day", "week", "month", "year", "sekunde", "stunde", "tag", "woche", "monat", "jahr", "heure", "jour", "semaine", "mois", "an",
    "segundo", "hora", "día", "dia", "semana", "mes", "año", "ano",
];

/// Whether a short line says how long ago: "2 weeks ago", "vor 2 Wochen", "il y a 2 semaines".
pub(crate) fn is_time_ago(text: &str) -> bool {
    is_time_ago_normed(&norm(text))
}

/// [`is_time_ago`] of text already passed through [`norm`].
pub(crate) fn is_time_ago_normed(t: &str) -> bool {
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    if DAYS.contains(&t) {
        return true;
    }
    let ago = t.ends_with(" ago") || t.starts_with("vor ") || t.starts_with("il y a ") || t.starts_with("hace ") || t.starts_with("há ");
    ago && t.split(|c: char| !c.is_alphanumeric()).any(|w| UNITS.iter().any(|u| w.starts_with(u)))
}

/// What the line under a card's name says the invitation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// A person asks to connect.
    Connect,
    /// Someone invites you to follow a page, event, group or newsletter.
    Follow,
}

/// Checked after [`CONNECT`]: the general "invited you to …" forms are follow invitations.
const FOLLOW: &[&str] = &[
    "invited you to",
    "invites you to",
    "inviting you to follow",
    "eingeladen",
    "zu folgen",
    "hat sie eingeladen",
    "lädt sie ein",
    "vous invite à suivre",
    "vous a invité à suivre",
    "a seguir",
];

const CONNECT: &[&str] = &[
    "inviting you to connect",
    "invited you to connect",
    "wants to connect",
    "sich mit ihnen vernetzen",
    "sich mit dir vernetzen",
    "lädt sie zum vernetzen ein",
    "vous invite à vous connecter",
    "rejoindre son réseau",
    "souhaite se connecter",
    "te invita a conectar",
    "te ha invitado a conectar",
    "a unirte a su red",
    "quiere conectar",
];

/// Reads a relation line: "Kathie Smith is inviting you to connect", "… invited you to follow".
pub(crate) fn relation(text: &str) -> Option<Relation> {
    relation_normed(&norm(text))
}

/// [`relation`] of text already passed through [`norm`].
pub(crate) fn relation_normed(t: &str) -> Option<Relation> {
    if CONNECT.iter().any(|p| t.contains(p)) {
        Some(Relation::Connect)
    } else if FOLLOW.iter().any(|p| t.contains(p)) {
        Some(Relation::Follow)
    } else {
        None
    }
}

/// The labels of the button that expands a clamped text.
const MORE: &[&str] = &["show more", "see more", "mehr anzeigen", "mehr", "voir plus", "ver más", "mostrar más", "ver mais"];

/// Whether a control's label is a "… show more" expander (the leading ellipsis is universal).
pub(crate) fn is_more_label(label: &str) -> bool {
    let t = norm(label);
    let t = t.trim_start_matches(['…', '.', ' ']);
    MORE.contains(&t) || (label.trim_start().starts_with(['…']) && t.split_whitespace().count() <= 3 && !t.is_empty())
}

/// Drops a trailing "… show more" that was written as plain text rather than a button.
pub(crate) fn strip_more(text: &str) -> String {
    let trimmed = text.trim_end();
    for marker in ["…", "..."] {
        if let Some(at) = trimmed.rfind(marker) {
            let tail = &trimmed[at + marker.len()..];
            if !tail.trim().is_empty() && MORE.contains(&norm(tail).as_str()) {
                return trimmed[..at].trim_end().to_owned();
            }
        }
    }
    trimmed.to_owned()
}

/// The name in a "Reply to Kathie" label (English, German, French, Spanish).
pub(crate) fn reply_to_name(label: &str) -> Option<String> {
    let folded = fold_whitespace(label);
    let lower = folded.to_lowercase();
    for prefix in ["reply to ", "antworten an ", "antwort an ", "répondre à ", "responder a "] {
        if lower.starts_with(prefix) {
            // The prefixes are ASCII but for "é", whose lower case has the same length.
            let name = folded.get(prefix.len()..).unwrap_or("").trim();
            if !name.is_empty() {
                return Some(name.to_owned());
            }
        }
    }
    None
}

/// Labels of the two answers to an invitation (button text or the start of an aria-label).
const ACCEPT: &[&str] = &["accept", "annehmen", "akzeptieren", "accepter", "aceptar", "aceitar"];
const IGNORE: &[&str] = &["ignore", "ignorieren", "ignorer", "ignorar"];

/// Whether a control accepts (`Some(true)`) or ignores (`Some(false)`) an invitation.
pub(crate) fn answer(label: &str) -> Option<bool> {
    let t = norm(label);
    let first = t.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if ACCEPT.contains(&first) || t.ends_with(" annehmen") {
        Some(true)
    } else if IGNORE.contains(&first) || t.ends_with(" ignorieren") {
        Some(false)
    } else {
        None
    }
}
