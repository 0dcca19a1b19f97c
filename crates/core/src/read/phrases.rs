//! The text shapes LinkedIn uses for parts of an invitation, in the interface languages we know
//! (English, German, and the cheap French and Spanish forms). Hand-written matching instead of
//! the regex crate: a handful of phrases does not justify ~300 KB of WASM.
//!
//! Every matcher lower-cases and folds whitespace first, and leans on structure where it can
//! (a number where a count stands, the "A, B and N others" shape), so an unknown wording of a
//! known shape still reads.

use crate::snapshot::fold_whitespace;
use crate::Find;

/// Lower case, whitespace (including no-break spaces) folded, typographic apostrophes plain.
/// One pass and one allocation: it runs on every line of every card.
pub(crate) fn norm(s: &str) -> String {
    // Folded first, then lower-cased in place when ASCII (most lines) rather than a char at a
    // time: this runs on every line of every card.
    let mut out = fold_whitespace(s);
    if out.is_ascii() {
        out.make_ascii_lowercase();
        return out;
    }
    let mut lower = String::with_capacity(out.len());
    for c in out.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => lower.push('\''),
            c if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
            c => lower.extend(crate::case::lower(c)),
        }
    }
    out = lower;
    out
}

/// [`norm`] of one word (no white space in it): lower-cased without folding when ASCII, as
/// the reader's label matching asks it of word after word.
fn lower_word(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        norm(w)
    }
}

/// Words that mark a line as the shared-connections line: they end it ("12 mutual
/// connections"), so a note that mentions mutual connections in passing is not one.
const MUTUAL_WORDS: &[&str] = &[
    "mutual connection",
    "gemeinsame kontakt",
    "gemeinsamer kontakt",
    "gemeinsamen kontakt",
    "en commun",
    // "Alex Kim est une relation commune", "3 relations communes" (its plural ending is longer).
    "relation commune",
    "relations commune",
    "en común",
    "em comum",
    "in comune",
    "gedeelde connectie",
    "gemeenschappelijke connectie",
    "wederzijdse connectie",
    "gemeinsame verbindung",
];

/// Who follows a page, group, event or newsletter: "2,001 followers", "12.345 Mitglieder".
/// Singular forms; a plural ending is allowed as for [`MUTUAL_WORDS`].
const AUDIENCE_WORDS: &[&str] = &[
    "follower",
    "abonné",
    "abonnent",
    "seguidor",
    "volger",
    "member",
    "mitglied",
    "membre",
    "miembro",
    "membro",
    "lid",
    "subscriber",
    "attendee",
    "teilnehmer",
    "participant",
    "employee",
    "mitarbeiter",
];

/// Whether a whole line, passed through [`norm`], is a count of an audience and nothing else:
/// a number, then one audience word ("2,001 followers", "1 234 abonnés").
pub(crate) fn is_audience_normed(t: &str) -> bool {
    let Some((_, 0)) = first_number(t) else { return false };
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\''));
    let rest = rest.trim_end_matches(['.', ' ']);
    AUDIENCE_WORDS.iter().any(|w| rest.strip_prefix(w).is_some_and(|end| end.len() <= 2 && end.chars().all(|c| c.is_alphabetic())))
}

/// Words joining the named people to the rest: "A and 8 other…", "A und 8 weitere…", and the
/// ampersand of LinkedIn's 2026 English lines ("A, B & 19 other mutual connections", "A & B are
/// mutual connections": read 19 and 1 without it).
const AND: &[&str] = &[" and ", " und ", " et ", " y ", " e ", " en ", " & "];

/// Whether `w` (one word) is a word of [`AND`].
pub(crate) fn is_joining_word(w: &str) -> bool {
    AND.iter().any(|a| a.trim().eq_ignore_ascii_case(w))
}

/// How many shared connections a line names: "Casey Ray and 8 other mutual connections" → 9,
/// "12 gemeinsame Kontakte" → 12, "Drew Stone is a mutual connection" → 1. `None` when the
/// line is not about shared connections.
pub(crate) fn mutual_count(text: &str) -> Option<u32> {
    mutual_count_normed(&norm(text))
}

/// [`mutual_count`] of text already passed through [`norm`].
pub(crate) fn mutual_count_normed(t: &str) -> Option<u32> {
    let t = t.trim_end_matches(['.', ' ']);
    if t.len() > 160 {
        return None;
    }
    // The phrase ends the line, but for a plural ending ("connections", "Kontakte"): compared
    // as bytes (a whole phrase matched ends on a character boundary), asked of most lines.
    let b = t.as_bytes();
    let ending = (0..=2).filter(|&k| k <= b.len() && b[b.len() - k..].iter().all(u8::is_ascii_alphabetic));
    if !ending.into_iter().any(|k| MUTUAL_WORDS.iter().any(|w| b[..b.len() - k].ends_with(w.as_bytes()))) {
        return None;
    }
    Some(count_people(t))
}

/// Counts the people a shared-connections line names, by its shape alone.
pub(crate) fn count_people(t: &str) -> u32 {
    // Dutch "en" is also French "relation en commun": a joining word only before a number there.
    // Each joining word's first place, looked for at the line's spaces (every one starts with
    // one) rather than by a substring search per word.
    let mut en_seen = false;
    let and = t.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(i, _)| i).find(|&i| {
        let rest = t.get(i..).unwrap_or("");
        AND.iter().any(|w| {
            if !rest.starts_with(w) {
                return false;
            }
            if *w != " en " {
                return true;
            }
            // Only the first " en " counts, and only before a number.
            let first = !en_seen;
            en_seen = true;
            first && rest[w.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
    });
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
    // Byte by byte (digits and most separators are ASCII): this runs on every short line of
    // every card, and collecting the characters first was a tenth of the matching.
    let b = t.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let start = b.iter().position(u8::is_ascii_digit)?;
    let mut value: u64 = 0;
    let mut i = start;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            value = (value * 10 + u64::from(b[i] - b'0')).min(u64::from(u32::MAX));
            i += 1;
            continue;
        }
        let rest = t.get(i..).unwrap_or("");
        let sep = match b[i] {
            b',' | b'.' | b' ' | b'\'' => 1,
            _ if rest.starts_with('\u{a0}') => 2,
            _ if rest.starts_with('\u{202f}') => 3,
            _ => break,
        };
        // A separator before a group of exactly three digits.
        let group = i + sep;
        if !(digit(group) && digit(group + 1) && digit(group + 2)) || digit(group + 3) {
            break;
        }
        i = group;
    }
    Some((u32::try_from(value).unwrap_or(u32::MAX), start))
}

/// Whole lines that say when without a number: "Yesterday", "Gestern"…
const DAYS: &[&str] = &[
    "today",
    "yesterday",
    "just now",
    "now",
    "heute",
    "gestern",
    "gerade eben",
    "soeben",
    "aujourd'hui",
    "hier",
    "à l'instant",
    "hoy",
    "ayer",
    "ahora",
    "ahora mismo",
    "justo ahora",
    "hoje",
    "ontem",
    "agora",
    "agora mesmo",
    "oggi",
    "ieri",
    "adesso",
    "proprio ora",
    "poco fa",
    "vandaag",
    "gisteren",
    "zojuist",
    "net nu",
    "nu",
];

/// Time units, each with the endings its plurals and cases take, in English, German, French,
/// Spanish, Portuguese, Italian and Dutch ("week" + "s", "woche" + "n", "giorn" + "o"/"i").
const UNITS: &[(&str, &str)] = &[
    ("second", list!["", "s", "e", "es", "i", "o", "a", "en"]),
    ("sekunde", list!["", "n"]),
    ("segundo", list!["", "s"]),
    ("minut", list!["e", "es", "en", "o", "os", "i", "a"]),
    ("minuut", list![""]),
    ("hour", list!["", "s"]),
    ("stunde", list!["", "n"]),
    ("heure", list!["", "s"]),
    ("hora", list!["", "s"]),
    ("or", list!["a", "e"]),
    ("uur", list![""]),
    ("day", list!["", "s"]),
    ("tag", list!["", "en", "e"]),
    ("jour", list!["", "s"]),
    ("día", list!["", "s"]),
    ("dia", list!["", "s"]),
    ("giorn", list!["o", "i"]),
    ("dag", list!["", "en"]),
    ("week", list!["", "s"]),
    ("woche", list!["", "n"]),
    ("semaine", list!["", "s"]),
    ("semana", list!["", "s"]),
    ("settiman", list!["a", "e"]),
    ("weken", list![""]),
    ("month", list!["", "s"]),
    ("monat", list!["", "e", "en"]),
    ("mois", list![""]),
    ("mes", list!["", "es", "e", "i"]),
    ("mês", list![""]),
    ("maand", list!["", "en"]),
    ("year", list!["", "s"]),
    ("jahr", list!["", "e", "en"]),
    ("an", list!["", "s"]),
    ("año", list!["", "s"]),
    ("ano", list!["", "s"]),
    ("ann", list!["o", "i"]),
    ("jaar", list!["", "en"]),
];

/// Words standing for "one" before a unit: "an hour ago", "vor einem Tag", "il y a un mois".
const ONE: &[&str] = &["a", "an", "one", "einem", "einer", "un", "une", "una", "um", "uma", "een", "1"];

/// Whether `w` is a time unit word.
fn is_unit(w: &str) -> bool {
    UNITS.iter().any(|(stem, ends)| w.strip_prefix(stem).is_some_and(|end| crate::listed(ends, end)))
}

/// Units as LinkedIn shortens them: "3d", "1w", "2mo", "5h", "10m", "1y", "1yr", "2 sem.", "1 sett.",
/// "2 Std.", "1 mnd".
const SHORT: &[&str] = &["s", "m", "min", "h", "d", "w", "mo", "y", "yr", "j", "t", "sem", "a", "g", "u", "sett", "std", "mon", "mnd"];

/// Whether `w` is a shortened unit, with or without its full stop.
fn is_short_unit(w: &str) -> bool {
    SHORT.contains(&w.trim_end_matches('.'))
}

/// The compact forms: "3d", "1w", "2mo", "5h", "10m", "1y", "1yr" (optionally "3 d").
fn is_compact_time(words: &[&str]) -> bool {
    let joined: String = words.concat();
    let digits = joined.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 3 && is_short_unit(&joined[digits..])
}

/// Whether a whole line says how long ago: "2 weeks ago", "vor 3 Tagen", "il y a 2 jours",
/// "hace 3 días", "há 2 semanas", "2 semanas atrás", "2 settimane fa", "2 weken geleden",
/// "3d", "hace 2 sem.", "un'ora fa", "1 mes", "Yesterday". Recognised by its whole shape, never
/// by its place in a card: "2 weeks ago I saw your talk" is a note.
pub(crate) fn is_time_ago(text: &str) -> bool {
    is_time_ago_normed(&norm(text))
}

/// The word LinkedIn puts before the time of an invitation the user sent: "Sent 2 weeks ago" is how
/// its Sent list dates a card (outside/mcp-sent-people), a received card says "2 weeks ago". A
/// received card with such a line is dated by it, not given a note: read as the note, LinkedIn's
/// words would be the inviter's. "Invited" as a time's label too; the six other languages' past
/// participles of "send" (our words: no Sent list in them is known), both genders where "invitation" is
/// feminine. Only before a whole time line: "Sent you my CV last week" is a note.
const SENT: &str =
    list!["sent", "invited", "gesendet", "verschickt", "envoyé", "envoyée", "enviada", "enviado", "inviato", "inviata", "verzonden", "verstuurd",];

/// [`is_time_ago`] of text already passed through [`norm`].
pub(crate) fn is_time_ago_normed(t: &str) -> bool {
    if t.is_empty() || t.len() > 48 {
        return false;
    }
    // A trailing "•", "·" or full stop is decoration.
    let t = t.trim_end_matches(['.', '•', '·', ' ']);
    // "Sent 2 weeks ago": the label, then the time alone.
    bare_time(t.split_once(' ').filter(|(w, _)| crate::listed(SENT, w)).map_or(t, |p| p.1))
}

/// [`is_time_ago_normed`] of a line without its label and decoration.
fn bare_time(t: &str) -> bool {
    if DAYS.contains(&t) {
        return true;
    }
    // Italian elides "one" before a vowel: "un'ora fa" (a copy only when there is one: this runs on
    // most lines of every card).
    let elided;
    let t = if t.contains('\'') {
        elided = t.replace('\'', " ");
        &elided
    } else {
        t
    };
    let words: Vec<&str> = t.split(' ').collect();
    let amount = |w: &str| ONE.contains(&w) || (!w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()));
    // The amount and its unit (whole or shortened: "hace 2 sem.", "vor 2 Std."), with the words
    // around them that make it "ago" in each language; or the two alone ("1 mes", "3 días").
    let core = |ws: &[&str]| matches!(ws, [n, u] if amount(n) && (is_unit(u) || is_short_unit(u)));
    match words.as_slice() {
        [rest @ .., "ago"] | [rest @ .., "fa"] | [rest @ .., "geleden"] | [rest @ .., "atrás"] => core(rest),
        ["vor", rest @ ..] | ["hace", rest @ ..] | ["há", rest @ ..] | ["ha", rest @ ..] => core(rest),
        ["il", "y", "a", rest @ ..] => core(rest),
        ws => is_compact_time(ws) || matches!(ws, [n, u] if amount(n) && is_unit(u)),
    }
}

/// Whether the page's language (`<html lang>`: "en", "pt-BR") is one of the seven whose times
/// and shared-connections lines [`is_time_ago`] and [`mutual_count`] read by their words: there no
/// line is taken for either by its shape ([`is_time_shaped`]).
pub(crate) fn reads_language(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    ["en", "de", "fr", "es", "pt", "it", "nl"].iter().any(|l| l.eq_ignore_ascii_case(primary))
}

/// Whether a line is shaped like a time in a language we don't know: "منذ 3 أيام", "3 日前",
/// "3 дня назад", "för 3 dagar sedan". At most four words and 48 bytes (as [`is_time_ago_normed`]),
/// one number of one or two digits (a time says 59 minutes, 23 hours, 11 months at most; a count of
/// members may say "320"), and nothing that ends a sentence (full-width and Arabic marks too: a
/// short note "3月に会いましょう！" is no time) or parts a list (a shared-connections
/// line names people: "Ana, Luis y 3 más", "共通のつながり: 田中さん、他3人").
/// The shape alone is not enough, "3 wspólne kontakty" has it too: the card's reader also asks
/// for a time's place (read::cards).
pub(crate) fn is_time_shaped(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['•', '·', ' ']);
    if t.len() > 48 || t.split(' ').count() > 4 || t.ends_with('.') {
        return false;
    }
    let (mut runs, mut digits, mut in_run) = (0, 0, false);
    for c in t.chars() {
        if matches!(c, ',' | ';' | ':' | '!' | '?' | '،' | '、' | '。' | '！' | '？' | '؟') {
            return false;
        }
        let digit = c.is_ascii_digit();
        runs += usize::from(digit && !in_run);
        digits += usize::from(digit);
        in_run = digit;
    }
    runs == 1 && digits <= 2
}

/// What the line under a card's name says the invitation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// A person asks to connect.
    Connect,
    /// Someone invites you to follow a page, event, group or newsletter.
    Follow,
    /// A line right under the name that names them again, in words not known: a person's
    /// invitation in another language, or a post's title ("Salesforce Ventures and …").
    Echo,
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
    "a seguire",
    "te volgen",
    "to subscribe",
    "zu abonnieren",
    "à vous abonner",
    "a suscribirte",
    "a assinar",
    "ad iscriverti",
    // The general forms, as "invited you to" ("… a unirti", "… a asistir", "… para participar",
    // "… om lid te worden"): the connect forms above are checked first.
    "te ha invitado a",
    "ti ha invitato a",
    "convidou você para",
    "heeft je uitgenodigd",
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
    "convidou você para se conectar",
    "quer se conectar",
    "convida você para se conectar",
    "ti ha invitato a collegarti",
    "vuole collegarsi",
    "ti invita a collegarti",
    "wil met je connecten",
    "nodigt je uit om te connecten",
    "heeft je uitgenodigd om te connecten",
    "wil connecten",
    "sent you an invitation",
    "hat ihnen eine einladung gesendet",
    "vous a envoyé une invitation",
    "te ha enviado una invitación",
    "te enviou um convite",
    "ti ha inviato un invito",
    "heeft je een uitnodiging gestuurd",
];

/// Reads a relation line: "Kathie Smith is inviting you to connect", "… invited you to follow".
pub(crate) fn relation(text: &str) -> Option<Relation> {
    relation_normed(&norm(text))
}

/// [`relation`] of text already passed through [`norm`].
pub(crate) fn relation_normed(t: &str) -> Option<Relation> {
    if CONNECT.iter().any(|p| t.has(p)) {
        Some(Relation::Connect)
    } else if FOLLOW.iter().any(|p| t.has(p)) {
        Some(Relation::Follow)
    } else {
        None
    }
}

/// The labels of the button that expands a clamped text.
const MORE: &[&str] = &[
    "show more",
    "see more",
    "more",
    "mehr anzeigen",
    "mehr",
    "voir plus",
    "plus",
    "ver más",
    "mostrar más",
    "ver mais",
    "mostrar mais",
    "mostra altro",
    "altro",
    "meer weergeven",
    "meer",
    "toon meer",
];

/// Whether a control's label is a "… show more" expander (the leading ellipsis is universal).
pub(crate) fn is_more_label(label: &str) -> bool {
    // Where the label starts and ends in ASCII (past white space and leading dots), no "…"
    // opens it and `norm` starts and ends it with those letters lower-cased: it must start and
    // end as an entry of MORE does. Most controls ("Accept", "Ignore") are told so by two byte
    // loops, without a lower-cased copy (callgrind, a 300-invitation page: 1.45 → 0.61 M).
    let b = label.as_bytes();
    let (mut start, mut end) = (0, b.len());
    while start < end && matches!(b[start], b' ' | b'\t'..=b'\r' | b'.') {
        start += 1;
    }
    while end > start && matches!(b[end - 1], b' ' | b'\t'..=b'\r') {
        end -= 1;
    }
    if start < end
        && b[start].is_ascii()
        && b[end - 1].is_ascii()
        && !(matches!(b[start] | 0x20, b's' | b'm' | b'v' | b'p' | b'a' | b't') && matches!(b[end - 1] | 0x20, b'e' | b'n' | b'r' | b's' | b'o'))
    {
        return false;
    }
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
    let lower = crate::case::lower_str(&folded);
    for prefix in
        ["reply to ", "antworten an ", "antwort an ", "répondre à ", "responder a ", "responder para ", "rispondi a ", "antwoorden aan ", "beantwoorden aan "]
    {
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
const ACCEPT: &[&str] =
    &["accept", "annehmen", "akzeptieren", "bestätigen", "accepter", "aceptar", "aceitar", "accetta", "accettare", "accepteren", "accepteer"];
const IGNORE: &[&str] = &["ignore", "ignorieren", "ignorer", "ignorar", "ignora", "ignorare", "negeren", "negeer"];

/// Whether a control accepts (`Some(true)`) or ignores (`Some(false)`) an invitation.
pub(crate) fn answer(label: &str) -> Option<bool> {
    // The verb opens the label in most languages and closes it in German and Dutch
    // ("Einladung von Sam Lee annehmen").
    let (first, last) = end_words(label)?;
    if first.is_ascii() && last.is_ascii() {
        // Neither end word can be an answer unless it starts as one of them does (a, b, i, n):
        // most controls' labels are skipped with two byte tests instead of 38 comparisons
        // (callgrind, a 300-invitation page: `answer` 2.70 → 2.48 M instructions).
        let may = |w: &str| matches!(w.as_bytes()[0] | 0x20, b'a' | b'b' | b'i' | b'n');
        if !may(first) && !may(last) {
            return None;
        }
        // Compared as they are, ignoring ASCII case: no lower-cased copies (most labels).
        let same = |w: &str, end: &str| w.len() == end.len() && w.eq_ignore_ascii_case(end);
        let has = |list: &[&str]| list.iter().any(|w| same(w, first) || same(w, last));
        return if has(ACCEPT) {
            Some(true)
        } else if has(IGNORE) {
            Some(false)
        } else {
            None
        };
    }
    let (first, last) = lower_end_words(label, first, last)?;
    let ends = [first.as_str(), last.as_str()];
    if ends.iter().any(|w| ACCEPT.contains(w)) {
        Some(true)
    } else if ends.iter().any(|w| IGNORE.contains(w)) {
        Some(false)
    } else {
        None
    }
}

/// The first and the last run of letters and digits in `label` (the same run twice when there
/// is one), as written: the words [`answer`] looks at. Only those two are looked at: this is
/// asked of every control on the page.
fn end_words(label: &str) -> Option<(&str, &str)> {
    // ASCII tested inline first: std's `is_alphanumeric` is a call per character in the
    // size-optimized module (callgrind, a 300-invitation page: 28 K calls; `answer` 2.48 → 2.36 M instructions).
    let word = |c: char| c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric());
    let start = label.find(word)?;
    let first = label.get(start..)?;
    let first = first.get(..first.find(|c: char| !word(c)).unwrap_or(first.len()))?;
    let end = label.rfind(word)?;
    let last = label.get(..end + label.get(end..)?.chars().next()?.len_utf8())?;
    let last = last.get(last.char_indices().rev().find(|&(_, c)| !word(c)).map_or(0, |(i, c)| i + c.len_utf8())..)?;
    Some((first, last))
}

/// The first and the last word of `label` as [`norm`] and a split at every character that is
/// no letter or digit give them, from its end words ([`end_words`]) where lower case keeps
/// them whole.
fn lower_end_words(label: &str, first: &str, last: &str) -> Option<(String, String)> {
    let word = |c: char| c.is_alphanumeric();
    let (first, last) = (lower_word(first), lower_word(last));
    if first.chars().chain(last.chars()).all(word) {
        return Some((first, last));
    }
    // A letter whose lower case is no letter alone (a dotted capital I): the whole label.
    let t = norm(label);
    let mut words = t.split(|c: char| !word(c)).filter(|w| !w.is_empty());
    let first = words.next()?.to_owned();
    let last = words.next_back().map_or_else(|| first.clone(), str::to_owned);
    Some((first, last))
}

#[cfg(test)]
fn answer_by_the_whole_label(label: &str) -> Option<bool> {
    let t = norm(label);
    let mut words = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next();
    let ends = [first, words.next_back().or(first)];
    if ends.iter().flatten().any(|w| ACCEPT.contains(w)) {
        Some(true)
    } else if ends.iter().flatten().any(|w| IGNORE.contains(w)) {
        Some(false)
    } else {
        None
    }
}

/// Whether an answer label names what the invitation is for rather than who sent it, by a
/// lower-cased copy of the whole label: what [`named`] tells from its words.
#[cfg(test)]
pub(crate) fn label_is_for(label: &str) -> bool {
    let t = norm(label);
    FOR.iter().any(|w| t.has(&format!(" {w} ")))
}

/// Labels of the controls that open a message to the inviter (by their first word here, by
/// either end word as a card's control).
pub(crate) const WRITE: &[&str] = &[
    "reply",
    "message",
    "antworten",
    "nachricht",
    "répondre",
    "responder",
    "mensaje",
    "mensagem",
    "rispondi",
    "messaggio",
    "beantwoorden",
    "bericht",
    "reageren",
];

/// Whether a control's label opens a message ("Reply", "Reply to Kathie", "Nachricht").
pub(crate) fn is_write_label(label: &str) -> bool {
    // Its first word compared ignoring case where it and what comes before and after it are
    // ASCII (most labels; "Accept Sam Lee’s invitation" too), with no lower-cased copy of the
    // whole label: asked of every control of every card (callgrind, a 300-invitation page:
    // 3.1 M instructions, 0.6 M this way).
    let b = label.as_bytes();
    match b.iter().position(|c| !c.is_ascii() || c.is_ascii_alphanumeric()) {
        None => return false,
        Some(start) if b[start].is_ascii() => {
            let word = b[start..].split(|c| !c.is_ascii_alphanumeric()).next().unwrap_or(&[]);
            if b.get(start + word.len()).map_or(true, u8::is_ascii) {
                return WRITE.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word));
            }
        }
        Some(_) => {}
    }
    let t = norm(label);
    t.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).is_some_and(|w| WRITE.contains(&w))
}

/// What a word asking for a comment holds: comment (commentaire, commento), Kommentar, coment
/// (comentario, comentário).
const COMMENT: [&str; 3] = ["comment", "kommentar", "coment"];

/// Whether an editor's prompt asks for a comment ("Add a comment…", "Kommentar hinzufügen…",
/// "Ajouter un commentaire…", "Añadir un comentario…", "Aggiungi un commento…"): it holds a
/// [`COMMENT`] stem, in any case. Message boxes prompt for a message.
pub(crate) fn is_comment_prompt(prompt: &str) -> bool {
    let b = prompt.as_bytes();
    COMMENT.iter().any(|s| b.windows(s.len()).any(|w| w.eq_ignore_ascii_case(s.as_bytes())))
}

/// The quotes [`norm`] reads as an apostrophe.
const QUOTES: [char; 2] = ['\u{2019}', '\u{2018}'];

/// The name [`named`] reads from an answer control's label, alone (the tests' view of it).
#[cfg(test)]
pub(crate) fn label_name(label: &str) -> Option<String> {
    named(label).map(|n| n.0)
}

/// The words that make an answer label name what the invitation is for when another word
/// comes before and after them: "Ignore invitation for Weekly Digest", "Einladung für …".
const FOR: &[&str] = &["for", "für", "pour", "para", "per", "voor"];

/// The name an answer control's label gives: "Accept Sam Lee’s invitation", "Ignore an
/// invitation to connect from Sam Lee", "Ignore invitation for Weekly Digest", "Einladung von
/// Sam Lee annehmen", "Accepter l’invitation de Sam Lee"; `None` when the label names no one.
/// With it, whether the label names what the invitation is for ([`FOR`]), read from the same
/// folded words: one fold and no lower-cased copy of the label for both (callgrind, a
/// 300-invitation page: reading the labels 3.67 → 3.17 M instructions).
pub(crate) fn named(label: &str) -> Option<(String, bool)> {
    let folded = fold_whitespace(label);
    // Both quotes as the apostrophe: one [`norm`] reads as "'" was sliced as one byte ("d‘anne" panicked).
    // (An ASCII label, most, is not searched for them: 1.0 M instructions of a 300-invitation page.)
    let folded = if !folded.is_ascii() && folded.contains(QUOTES) { folded.replace(QUOTES, "'") } else { folded };
    let words: Vec<&str> = folded.split(' ').collect();
    // " for " in the folded, lower-cased label: one of those words between two others.
    let is_for = words.len() > 2 && words[1..words.len() - 1].iter().any(|w| in_list(w, FOR));
    // The words are compared as written where they are ASCII (no lower-cased copies): this is
    // asked of every card's label.
    let answer_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        in_list(w, ACCEPT) || in_list(w, IGNORE)
    };
    // Drop the verb at either end.
    let (start, end) = match (words.first(), words.last()) {
        (Some(f), _) if answer_word(f) => (1, words.len()),
        (_, Some(l)) if answer_word(l) => (0, words.len().saturating_sub(1)),
        _ => return None,
    };
    let words = &words[start..end];
    // "Sam Lee's invitation": the words before the possessive.
    if let Some(k) = words.iter().position(|w| w.ends_with("'s") && words.len() > 1) {
        let mut name: Vec<&str> = words[..k].to_vec();
        name.push(words[k].strip_suffix("'s").unwrap_or(words[k]));
        let name: Vec<&str> = name.into_iter().filter(|w| !in_list(w, &["an", "the"])).collect();
        return Some((name.join(" "), is_for)).filter(|n| !n.0.is_empty());
    }
    // "... from Sam Lee", "... von Sam Lee", "... de Sam Lee": the words after the first such word
    // that a capital follows, as a name starts ("de Sanne de Vries", "von Anna von Berg", "de João
    // da Silva": the last one cut the name to "Vries", and a shared connection's link was then taken
    // for the inviter's); the last such word when no capital follows any.
    const OF: &[&str] = &["from", "for", "by", "von", "de", "d'", "du", "di", "del", "da", "do", "van", "of"];
    let elided = |w: &str| if w.is_ascii() { w.get(..2).is_some_and(|h| h.eq_ignore_ascii_case("d'")) } else { lower_word(w).starts_with("d'") };
    let of = |w: &str| in_list(w, OF) || elided(w);
    let capital_after = |k: usize| {
        let w = words[k];
        let next = if elided(w) && w.len() > 2 { w.get(2..) } else { words.get(k + 1).copied() };
        next.and_then(|n| n.chars().next()).is_some_and(char::is_uppercase)
    };
    let k = (0..words.len()).find(|&k| of(words[k]) && capital_after(k)).or_else(|| words.iter().rposition(|w| of(w)))?;
    let mut rest: Vec<&str> = words[k + 1..].to_vec();
    if let Some(first) = words.get(k).filter(|w| elided(w) && lower_word(w).len() > 2) {
        rest.insert(0, &first[2..]);
    }
    Some((rest.join(" ").trim_matches(|c: char| c == '.' || c == ',').to_owned(), is_for)).filter(|n| !n.0.is_empty())
}

/// Whether one word (no white space in it), lower-cased as [`norm`] does, is in `list` (of
/// lower-case words): compared as written, ignoring ASCII case, when it is ASCII.
fn in_list(w: &str, list: &[&str]) -> bool {
    if w.is_ascii() {
        // The lengths compared inline first: most entries differ in length, and the comparison
        // proper is a call in the size profile.
        list.iter().any(|l| l.len() == w.len() && l.eq_ignore_ascii_case(w))
    } else {
        list.contains(&lower_word(w).as_str())
    }
}

#[cfg(test)]
fn label_name_by_copies(label: &str) -> Option<String> {
    let folded = fold_whitespace(label).replace(QUOTES, "'");
    let words: Vec<&str> = folded.split(' ').collect();
    let lower = |w: &str| lower_word(w.trim_matches(|c: char| !c.is_alphanumeric()));
    // Drop the verb at either end.
    let (start, end) = match (words.first().map(|w| lower(w)), words.last().map(|w| lower(w))) {
        (Some(f), _) if ACCEPT.contains(&f.as_str()) || IGNORE.contains(&f.as_str()) => (1, words.len()),
        (_, Some(l)) if ACCEPT.contains(&l.as_str()) || IGNORE.contains(&l.as_str()) => (0, words.len().saturating_sub(1)),
        _ => return None,
    };
    let words = &words[start..end];
    // "Sam Lee's invitation": the words before the possessive.
    if let Some(k) = words.iter().position(|w| w.ends_with("'s") && words.len() > 1) {
        let mut name: Vec<&str> = words[..k].to_vec();
        name.push(words[k].strip_suffix("'s").unwrap_or(words[k]));
        let name: Vec<&str> = name.into_iter().filter(|w| !matches!(lower_word(w).as_str(), "an" | "the")).collect();
        return Some(name.join(" ")).filter(|n| !n.is_empty());
    }
    // "... from Sam Lee", "... von Sam Lee", "... de Sam Lee": the words after the first such word
    // a capital follows, else after the last such word.
    const OF: &[&str] = &["from", "for", "by", "von", "de", "d'", "du", "di", "del", "da", "do", "van", "of"];
    let of = |w: &str| {
        let w = lower_word(w);
        OF.contains(&w.as_str()) || w.starts_with("d'")
    };
    let capital = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let k = (0..words.len())
        .find(|&k| {
            of(words[k])
                && if lower_word(words[k]).starts_with("d'") && words[k].len() > 2 {
                    capital(&words[k][2..])
                } else {
                    words.get(k + 1).is_some_and(|n| capital(n))
                }
        })
        .or_else(|| words.iter().rposition(|w| of(w)))?;
    let mut rest: Vec<String> = words[k + 1..].iter().map(|w| w.to_string()).collect();
    if let Some(first) = words.get(k).filter(|w| lower_word(w).starts_with("d'") && lower_word(w).len() > 2) {
        rest.insert(0, first[2..].to_owned());
    }
    Some(rest.join(" ").trim_matches(|c: char| c == '.' || c == ',').to_owned()).filter(|n| !n.is_empty())
}

/// Whether `text` is one of the interface's own phrases (a relation, shared-connections, time,
/// expander or answer label, "Reply to …"), whose words a page report may keep.
pub(crate) fn is_interface_phrase(text: &str) -> bool {
    let t = norm(text);
    relation_normed(&t).is_some()
        || mutual_count_normed(&t).is_some()
        || is_time_ago_normed(&t)
        || is_more_label(text)
        || answer(text).is_some()
        || reply_to_name(text).is_some()
        || INTERFACE_EXTRA.iter().any(|p| t.has(p))
        || is_comment_box_prompt(text)
        || end_words(text).is_some_and(|(a, b)| crate::entries(OTHER).any(|o| o.eq_ignore_ascii_case(a) || o.eq_ignore_ascii_case(b)))
}

/// A comment box's whole prompt ("Add a comment…", "Kommentar hinzufügen…"): three words at most
/// and an ellipsis, so that a page report's comment box is still one. Not any text holding the
/// word: a note "Thanks for your comment on my post…" kept "for your comment" unmasked, a
/// headline "Head of Comments at …" its "of Comments", where a note or a headline is masked whole.
fn is_comment_box_prompt(text: &str) -> bool {
    let t = text.trim_end();
    (t.ends_with('…') || t.ends_with("...")) && t.split_whitespace().count() <= 3 && is_comment_prompt(t)
}

/// What a suggestion or a post offers, by a control's first or last word ("Invite Sam Lee to
/// connect", "Vernetzen", "Se connecter", "S’abonner", "Attend …", "Like"): never an answer to an
/// invitation. Kept in a page report, where a card known by its look must stay what it was.
pub(crate) const OTHER: &str = list![
    "connect",
    "follow",
    "subscribe",
    "join",
    "attend",
    "like",
    "reaction",
    "repost",
    "vernetzen",
    "folgen",
    "abonnieren",
    "connecter",
    "suivre",
    "abonner",
    "conectar",
    "seguir",
    "suscribirse",
    "assinar",
    "collegati",
    "segui",
    "iscriviti",
    "connectie",
    "volgen",
    "abonneren",
];

/// Phrases of controls and pictures beyond the tables above.
const INTERFACE_EXTRA: &[&str] = &[
    "profile picture",
    "profilbild",
    "photo de profil",
    "foto de perfil",
    "foto del profilo",
    "profielfoto",
    "invitation",
    "einladung",
    "invitación",
    "convite",
    "invito",
    "uitnodiging",
];

/// Whether `word` is a word of the interface's phrases (never a name we need to hide); a
/// shortened unit ("sem", "Std") is one only after a number, as "Min", "Mon" and "Sem" are names.
pub(crate) fn is_interface_word(word: &str, after_number: bool) -> bool {
    let w = norm(word);
    // A packed list: only a page report asks, and as an array its 86 words cost 238 B more on the zip.
    const EXTRA: &str = list![
        "is",
        "are",
        "a",
        "an",
        "the",
        "to",
        "you",
        "your",
        "and",
        "other",
        "others",
        "from",
        "for",
        "of",
        "ist",
        "sind",
        "ein",
        "eine",
        "einer",
        "einem",
        "weitere",
        "andere",
        "von",
        "sie",
        "ihnen",
        "dir",
        "est",
        "une",
        "un",
        "autres",
        "relation",
        "relations",
        "de",
        "du",
        "des",
        "la",
        "le",
        "l",
        "d",
        "y",
        "más",
        "contacto",
        "contactos",
        "otros",
        "há",
        "e",
        "outros",
        "conexões",
        "conexão",
        "di",
        "altri",
        "collegamenti",
        "collegamento",
        "en",
        "van",
        "je",
        "andere",
        "gedeelde",
        "connecties",
        "connectie",
        "s",
        "ago",
        "vor",
        "il",
        "fa",
        "geleden",
        "atrás",
        "hace",
        "connection",
        "connections",
        "kontakte",
        "kontakt",
        // Relation lines' words the tables leave out ("wants to connect with you", "möchte sich
        // mit Ihnen vernetzen", "invited you to join"): a page report masked them as names.
        "with",
        "möchte",
        "join",
        // The site and its invitation page's title ("Manage invitations | LinkedIn").
        "linkedin",
        "manage",
        "pending",
        "verwalten",
        "gérer",
        "administrar",
        "gerenciar",
        "gestisci",
        "beheren",
    ];
    if w.is_empty() || crate::listed(EXTRA, &w) || crate::listed(OTHER, &w) || crate::listed(SENT, &w) {
        return true;
    }
    let tables: [&[&str]; 11] = [MUTUAL_WORDS, DAYS, FOLLOW, CONNECT, MORE, ACCEPT, IGNORE, INTERFACE_EXTRA, WRITE, ONE, AND];
    let plural = |x: &str| w.strip_prefix(x).is_some_and(|end| ["", "s", "e", "n", "en", "es"].contains(&end));
    tables.iter().any(|table| table.iter().any(|p| p.split(|c: char| !c.is_alphanumeric()).any(|x| !x.is_empty() && plural(x))))
        || is_unit(&w)
        || (after_number && is_short_unit(&w))
        || is_comment_prompt(&w)
}

#[cfg(test)]
mod tests {
    use super::{is_audience_normed, is_write_label, norm, WRITE};

    #[test]
    fn audience_lines_are_a_count_and_one_word() {
        for yes in ["2,001 followers", "12.345 Mitglieder", "1 234 abonnés", "1 follower", "850 members.", "77 volgers"] {
            assert!(is_audience_normed(&norm(yes)), "{yes}");
        }
        for no in ["12 mutual connections", "2 weeks ago", "followers: 12", "3 members of my team suggested you", "2,001 followers and counting", "Engineer"] {
            assert!(!is_audience_normed(&norm(no)), "{no}");
        }
    }

    #[test]
    fn answers_read_from_the_end_words_as_from_the_whole_label() {
        for label in [
            "Accept",
            "  Ignore ",
            "Accept Drew Stone’s invitation",
            "Ignore an invitation to connect from Drew Stone",
            "Einladung von Kathrin Müller annehmen",
            "ÉCOUTER… Ignorer",
            "İgnore",
            "Accept İ",
            "’’ accept ’’",
            "Reply to Kathie",
            "",
            "…",
            "\u{a0}Negeren\u{a0}",
            "x-IGNORE",
        ] {
            assert_eq!(super::answer(label), super::answer_by_the_whole_label(label), "{label:?}");
        }
    }

    #[test]
    fn more_labels_read_as_from_the_lower_cased_copy() {
        let by_copy = |label: &str| {
            let t = super::norm(label);
            let t = t.trim_start_matches(['…', '.', ' ']);
            super::MORE.contains(&t) || (label.trim_start().starts_with(['…']) && t.split_whitespace().count() <= 3 && !t.is_empty())
        };
        for m in super::MORE {
            let b = m.as_bytes();
            assert!(matches!(b[0], b's' | b'm' | b'v' | b'p' | b'a' | b't') && matches!(b[b.len() - 1], b'e' | b'n' | b'r' | b's' | b'o'), "{m}");
        }
        for label in [
            "Show more",
            "… see more",
            "…see more of it",
            "… a b c d",
            "Accept Sam Lee’s invitation",
            "... show more",
            "...more",
            ". . more",
            "MEER WEERGEVEN",
            "Mostrar MÁS",
            "show\u{a0}more",
            "show more\u{a0}",
            "  … mehr  anzeigen ",
            "Accept",
            "Ignore",
            "Message",
            "Show more.",
            "   . more",
            ". …more",
            "\u{a0}more",
            "Plus\u{a0}",
            "\u{b}more\u{b}",
            "…",
            "...",
            " ",
            "",
        ] {
            assert_eq!(super::is_more_label(label), by_copy(label), "{label:?}");
        }
    }

    #[test]
    fn answers_start_as_answer_skips_none_of_them() {
        for w in super::ACCEPT.iter().chain(super::IGNORE) {
            assert!(matches!(w.as_bytes()[0], b'a' | b'b' | b'i' | b'n'), "{w}");
            assert_eq!(super::answer(w), Some(super::ACCEPT.contains(w)), "{w}");
            assert_eq!(super::answer(&format!("Einladung von Sam {}", w.to_ascii_uppercase())), Some(super::ACCEPT.contains(w)), "{w}");
        }
    }

    #[test]
    fn label_names_read_as_from_lower_cased_copies() {
        for label in [
            "Accept Sam Lee’s invitation",
            "Accept Sam Lee's invitation to connect",
            "Ignore an invitation to connect from Sam Lee",
            "Ignore invitation for Weekly Digest",
            "Einladung von Sam Lee annehmen",
            "Uitnodiging van Sam Lee negeren",
            "Accepter l’invitation de Sam Lee",
            "Accepter l’invitation d’Anne Roy",
            "ACCEPT THE INVITATION FROM D'ARCY LEE.",
            "Accetta l’invito di Sam Lee",
            "Aceitar o convite de Sam Lee",
            "İgnore from Sam",
            "Accept  an  Émile’s invitation",
            "Uitnodiging van Sanne de Vries accepteren",
            "Accepteer de uitnodiging van Sanne de Vries",
            "Aceptar la invitación de María de la Cruz",
            "Ignorar o convite de joão da silva",
            "Einladung von Anna von Berg annehmen",
            "Accepter l’invitation d’Anne de Roy",
            "Accept invitation from d‘anne roy",
            "Ignore Drew Stone",
            "Einladung für Weekly Digest annehmen",
            "EINLADUNG FÜR Digest annehmen",
            "IGNORE INVITATION FOR Digest",
            "Accepter l’invitation\u{a0}pour  Digest",
            "Ignore invitation for",
            "Aceptar para Ana",
            "Accept invitation voor per Sam Lee’s",
            "Accept",
            "Reply to Sam",
            "",
        ] {
            assert_eq!(super::label_name(label), super::label_name_by_copies(label), "{label:?}");
            let for_ = super::named(label).map(|n| n.1);
            assert_eq!(for_, super::label_name(label).map(|_| super::label_is_for(label)), "{label:?}");
        }
    }

    #[test]
    fn joining_words_found_at_spaces_as_by_searching_for_each() {
        // The earlier way: each word's first place by a substring search, " en " only before a number.
        let by_search =
            |t: &str| super::AND.iter().filter_map(|w| t.find(w).filter(|&i| *w != " en " || t[i + w.len()..].starts_with(|c: char| c.is_ascii_digit()))).min();
        for t in [
            "casey ray and 8 other mutual connections",
            "casey ray, drew stone and 3 others are mutual connections",
            "12 relations en commun",
            "casey ray en 8 andere gedeelde connecties",
            "anne en ben en 3 andere gedeelde connecties",
            "jan en 3 andere en 4",
            "casey ray e 3 outras conexões em comum",
            "drew stone y casey ray",
            " en 5",
            "",
        ] {
            let and = super::count_people(t);
            let expected = match (super::first_number(t), by_search(t)) {
                (Some((n, at)), Some(and)) if and < at => n.saturating_add(t[..and].split(',').filter(|s| !s.trim().is_empty()).count() as u32),
                (Some((n, _)), _) => n,
                (None, Some(and)) => t[..and].split(',').filter(|s| !s.trim().is_empty()).count() as u32 + 1,
                (None, None) => 1,
            };
            assert_eq!(and, expected, "{t:?}");
        }
    }

    #[test]
    fn norm_folds_ascii_runs_as_it_folds_any_text() {
        // The fast path for ASCII lines must say what the general one says: "\u{a0}" sends a
        // line down the general path without changing its meaning (it is white space too).
        for s in ["", "  ", "Accept", "  Accept  Sam\tLee’s \n invitation ", "A\x0bB\x0cC\rD", "\t\x0b x", "MIXED Case  42 Mutual"] {
            let general = norm(&format!("{s}\u{a0}"));
            assert_eq!(norm(s), general.trim_end(), "{s:?}");
        }
        assert_eq!(norm(" Sam  LEE "), "sam lee");
    }

    #[test]
    fn write_labels_read_without_a_copy_as_the_lowered_label_reads() {
        // What the ASCII path of `is_write_label` stands in for.
        let write = |l: &str| norm(l).split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).is_some_and(|w| WRITE.contains(&w));
        let labels = [
            "",
            " ",
            "...",
            "…",
            "Reply",
            "reply to Sam",
            "  Message Sam",
            "(Reply)",
            "Replying",
            "Répondre à Sam",
            "Reply’s",
            "Reply\u{e9}",
            "Nachricht senden",
            "2 Reply",
            "Accept Sam Lee’s invitation",
            "İgnore",
            "Message\u{a0}Sam",
            "ÉMessage",
            "…Reply",
            "MESSAGE",
        ];
        for l in labels {
            assert_eq!(is_write_label(l), write(l), "{l:?}");
        }
    }
}
