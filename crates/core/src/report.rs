//! A page report: the snapshot of a page NotYet misread, with everything personal masked, for
//! the user to look at and save (nothing is ever sent), and for a maintainer to turn into a
//! fixture (`notyet read REPORT.json` reads it as the extension did).
//!
//! Masking keeps what the reader looks at and nothing that says who: letters become `x` (`X` in
//! upper case, a letter of the same script elsewhere: Cyrillic `х`, Greek `χ`, CJK `字`…),
//! digits `0`, so lengths, punctuation, scripts and the tree stay as they were. The interface's
//! own phrases ("is inviting you to connect", "8 other mutual connections", "2 weeks ago",
//! "Accept", "… show more") keep their words and numbers, with the names inside them masked:
//! they are LinkedIn's words, and the reader needs them to read the page the same way.

use crate::read::phrases;
use crate::snapshot::{Child, Node, Snapshot};
use crate::Find;
use crate::{entries, listed};

/// What marks a page report among other JSON files (the snapshot's own keys sit beside it).
pub const REPORT_MARK: &str = "notyet_page_report";

/// Attributes that only name or identify things: kept as they are.
const STRUCTURAL: &str = list![
    "class",
    "role",
    "type",
    "hidden",
    "disabled",
    "contenteditable",
    "maxlength",
    "aria-hidden",
    "aria-expanded",
    "aria-multiline",
    "data-sdui-screen",
    "data-view-name",
    "lang",
    "inert",
    "aria-modal",
    "open",
];

/// The site's name, kept wherever it stands (the reader's interface words keep it inside phrases).
const SITE: &str = "LinkedIn";

/// Words that say where, kept before the site's name only ("connect on LinkedIn", "auf
/// LinkedIn", "no LinkedIn"): "Su" and "No" are names too, and a name's word is never kept.
const BEFORE_SITE: &str = list!["on", "auf", "sur", "su", "no", "op"];

/// Attributes holding interface words and names: phrases kept, other words masked.
const WORDED: &str = list!["aria-label", "alt", "title", "placeholder", "data-placeholder"];

/// The snapshot with personal text masked, as a page report's JSON (the snapshot's own shape,
/// plus the [`REPORT_MARK`] key).
pub fn page_report(snapshot: &Snapshot) -> String {
    // The mark spliced in front of the snapshot's own keys: no `serde_json::Value` in the WASM.
    let json = serde_json::to_string(&mask_snapshot(snapshot)).unwrap_or_default();
    match json.strip_prefix('{') {
        Some(rest) => format!("{{\"{REPORT_MARK}\":1,{rest}"),
        None => json,
    }
}

/// A copy of `snapshot` with personal text masked.
pub fn mask_snapshot(snapshot: &Snapshot) -> Snapshot {
    Snapshot {
        url: mask_url(&snapshot.url),
        title: mask_phrase(&snapshot.title),
        lang: snapshot.lang.clone(),
        root: mask_node(&snapshot.root),
        focus: snapshot.focus,
    }
}

/// Masks a copy in place, iteratively (the tree's depth is bounded by the snapshot parser).
/// Inside a link to the people you share (`connectionOf`), text keeps its digits: the reader
/// takes that line as the shared connections in any words, by its number ("<strong>Marco</strong>,
/// <strong>Luca</strong> e altri 3 contatti reciproci"), and a report of it read 2, not 5.
fn mask_node(root: &Node) -> Node {
    let mut out = root.clone();
    let mut stack = vec![(&mut out, false)];
    while let Some((n, shared)) = stack.pop() {
        let shared = shared || crate::read::links_shared(n);
        for (k, v) in n.attrs.iter_mut() {
            *v = mask_attribute(k, v);
        }
        for c in n.children.iter_mut() {
            match c {
                Child::Text(t) => *t = mask_words(t, shared),
                Child::Element(e) => stack.push((e, shared)),
            }
        }
    }
    out
}

fn mask_attribute(name: &str, value: &str) -> String {
    if listed(STRUCTURAL, name) {
        value.to_owned()
    } else if listed(WORDED, name) {
        mask_phrase(value)
    } else if name == "href" || name == "src" {
        mask_url(value)
    } else {
        // ids, test ids, component keys, datetimes: their shape is the reader's, their letters and
        // numbers not. An invitation's key keeps its kind, which marks a card whatever its words
        // (read::cards): masked whole, an Arabic page's cards with a note (a Reply of unknown words
        // beside the answers) were no longer read from its report.
        const INVITATION: &str = "urn:li:invitation:";
        let (kind, rest) = value.strip_prefix(INVITATION).map_or(("", value), |rest| (INVITATION, rest));
        [kind, &mask_all(rest)].concat()
    }
}

/// An address with its host and first path part kept (`/in/`, `/company/`, `/messaging/`), the rest masked.
fn mask_url(url: &str) -> String {
    let (scheme, rest) = url.split_str("://").map_or(("", url), |(s, r)| (s, r));
    let (host, path) = if scheme.is_empty() { ("", rest) } else { rest.split_at(rest.find('/').unwrap_or(rest.len())) };
    let mut out = String::new();
    if !scheme.is_empty() {
        out.push_str(scheme);
        out.push_str("://");
        out.push_str(host);
    }
    let (path, query) = path.split_at(path.find(['?', '#']).unwrap_or(path.len()));
    let mut parts = path.split('/');
    let first = parts.next().unwrap_or("");
    out.push_str(first);
    let section = parts.next();
    if let Some(section) = section {
        out.push('/');
        out.push_str(section);
    }
    for p in parts {
        out.push('/');
        // The address's place in the invitation manager is structure; a slug is a name.
        if matches!(section, Some("mynetwork") | Some("messaging")) && p.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            out.push_str(p);
        } else {
            out.push_str(&mask_all(p));
        }
    }
    // The one parameter name the reader reads is kept, `connectionOf` (a link to the people you
    // share); every other is masked as its value is: a name can be anyone's words ("?sam.lee=1",
    // a fragment's "#kim=…").
    for (i, part) in query.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        let kept = if part.starts_with("connectionOf=") || part.starts_with("?connectionOf=") { part.find('=').unwrap_or(0) } else { 0 };
        out.push_str(&part[..kept]);
        out.push_str(&mask_all(&part[kept..]));
    }
    out
}

/// Every letter and digit masked.
pub fn mask_all(text: &str) -> String {
    mask_text(text, false)
}

/// [`mask_all`], its ASCII digits kept if `digits`.
fn mask_text(text: &str, digits: bool) -> String {
    text.chars().map(|c| if digits && c.is_ascii_digit() { c } else { mask_char(c) }).collect()
}

/// A letter of the same script and case, `0` for a digit; anything else as it is.
fn mask_char(c: char) -> char {
    if c.is_numeric() {
        return '0';
    }
    if !c.is_alphabetic() {
        return c;
    }
    let upper = c.is_uppercase();
    match c as u32 {
        0x0370..=0x03FF => {
            if upper {
                'Χ'
            } else {
                'χ'
            }
        }
        0x0400..=0x052F => {
            if upper {
                'Х'
            } else {
                'х'
            }
        }
        0x0590..=0x05FF => 'ש',
        0x0600..=0x06FF | 0x0750..=0x077F => 'س',
        0x0900..=0x097F => 'क',
        0x0E00..=0x0E7F => 'ก',
        0x3040..=0x309F => 'あ',
        0x30A0..=0x30FF => 'ア',
        0xAC00..=0xD7AF | 0x1100..=0x11FF => '가',
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => '字',
        _ => {
            if upper {
                'X'
            } else {
                'x'
            }
        }
    }
}

/// Text masked unless it is one of the interface's phrases, whose own words and numbers stay
/// (names inside them are masked). Anything else, a note or a headline, is masked whole.
pub fn mask_phrase(text: &str) -> String {
    mask_words(text, false)
}

/// [`mask_phrase`], a count's digits kept in any words if `count` (at most four digits in the text).
fn mask_words(text: &str, count: bool) -> String {
    if !phrases::is_interface_phrase(text) {
        // A short line with one small number keeps it: in words the reader doesn't know, a time or
        // the shared connections ("منذ 3 أيام" → "سسس 3 سسسس"), read by that number and shape; no
        // phone number or date fits in two digits. Masked whole, such a page's report read counts
        // of 0 and no times.
        // A count's digits in any words, where they are few: a name in the line with a phone
        // number in it ("Marco 0151 2345678", people put them in their names) is masked whole.
        let digits = (count && text.bytes().filter(u8::is_ascii_digit).count() <= 4) || phrases::is_time_shaped(text);
        // The site's name is no one's: "Mariana Costa | LinkedIn" keeps it, as a note saying it does.
        let (mut out, mut rest) = (String::with_capacity(text.len()), text);
        while let Some((part, tail)) = rest.split_str(SITE) {
            out.push_str(&mask_text(part, digits));
            out.push_str(SITE);
            rest = tail;
        }
        out.push_str(&mask_text(rest, digits));
        return out;
    }
    let mut out = String::with_capacity(text.len());
    // Short interface words between two masked ones, single spaces apart, are a name's particles
    // ("Sanne de Vries", "Daan van den Berg"): masked as the name is where it stands alone, or a
    // report's answer labels no longer name its cards. Joining words, numbers and longer words
    // stay ("Casey Ray and Sam Lee", "Casey Ray en 3 andere", "Sam Ortiz invited you to join").
    // `particles`: where such words begin in `out`, while only they follow a masked word or
    // the start: a short word first is a name's when a masked word follows ("Su Lee", "An Vo").
    let mut particles: Option<usize> = Some(0);
    let mut after_number = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let word = c.is_alphanumeric();
        let (part, tail) = rest.split_at(rest.find(|x: char| x.is_alphanumeric() != word).unwrap_or(rest.len()));
        rest = tail;
        // Whether a number, or a number and a space, came before this part: a unit's place ("2 sem.").
        let unit = after_number;
        after_number = if word { part.chars().all(char::is_numeric) } else { unit && part == " " };
        if !word {
            if part != " " {
                particles = None;
            }
        } else if after_number || phrases::is_interface_word(part, unit) || before_site(part, rest) {
            if part.chars().count() > 3 || !part.chars().all(char::is_alphabetic) || phrases::is_joining_word(part) {
                particles = None;
            }
        } else {
            if let Some(at) = particles {
                let name = mask_all(&out[at..]);
                out.truncate(at);
                out.push_str(&name);
            }
            out.push_str(&mask_all(part));
            particles = Some(out.len());
            continue;
        }
        out.push_str(part);
    }
    out
}

/// Whether `word` is a [`BEFORE_SITE`] word and the site's name follows it (`rest`).
fn before_site(word: &str, rest: &str) -> bool {
    word.len() <= 3 && rest.strip_prefix(' ').is_some_and(|r| r.starts_with(SITE)) && entries(BEFORE_SITE).any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_or_headline_saying_comment_is_masked_whole_a_comment_prompt_keeps_its_word() {
        assert_eq!(mask_phrase("Thanks for your comment on my post, Kim…"), "Xxxxxx xxx xxxx xxxxxxx xx xx xxxx, Xxx…");
        assert_eq!(mask_phrase("Head of Comments at Daily Mail"), "Xxxx xx Xxxxxxxx xx Xxxxx Xxxx");
        assert_eq!(mask_phrase("Add a comment…"), "Xxx a comment…");
        assert_eq!(mask_phrase("Kommentar hinzufügen…"), "Kommentar xxxxxxxxxx…");
        assert_eq!(mask_phrase("Ajouter un commentaire..."), "Xxxxxxx un commentaire...");
    }

    #[test]
    fn personal_text_is_masked_and_interface_words_stay() {
        assert_eq!(mask_phrase("Hi Pat, I saw your talk in 2024!"), "Xx Xxx, X xxx xxxx xxxx xx 0000!");
        assert_eq!(mask_phrase("Kathie Smith is inviting you to connect"), "Xxxxxx Xxxxx is inviting you to connect");
        assert_eq!(mask_phrase("Casey Ray and 8 other mutual connections"), "Xxxxx Xxx and 8 other mutual connections");
        assert_eq!(mask_phrase("2 weeks ago"), "2 weeks ago");
        assert_eq!(mask_phrase("vor 3 Tagen"), "vor 3 Tagen");
        assert_eq!(mask_phrase("Accept Sam Lee’s invitation"), "Accept Xxx Xxx’s invitation");
        // A name's particles are the name's, masked as where it stands alone; joining words stay.
        assert_eq!(mask_phrase("Uitnodiging van Sanne de Vries negeren"), "Uitnodiging van Xxxxx xx Xxxxx negeren");
        assert_eq!(mask_phrase("Uitnodiging van Sanne de Vries negeren"), format!("Uitnodiging van {} negeren", mask_all("Sanne de Vries")));
        assert_eq!(mask_phrase("Einladung von Daan van den Berg annehmen"), "Einladung von Xxxx xxx xxx Xxxx annehmen");
        assert_eq!(mask_phrase("Casey Ray and Sam Lee are mutual connections"), "Xxxxx Xxx and Xxx Xxx are mutual connections");
        assert_eq!(mask_phrase("Casey Ray en 3 andere gedeelde connecties"), "Xxxxx Xxx en 3 andere gedeelde connecties");
        // A shortened unit stays after a number only: "Min", "Mon" and "Sem" are names too.
        assert_eq!(mask_phrase("hace 2 sem."), "hace 2 sem.");
        assert_eq!(mask_phrase("vor 2 Std."), "vor 2 Std.");
        assert_eq!(mask_phrase("Min Lee is inviting you to connect"), "Xxx Xxx is inviting you to connect");
        assert_eq!(mask_phrase("Mon Santos and 3 other mutual connections"), "Xxx Xxxxxx and 3 other mutual connections");
        assert_eq!(mask_phrase("Жанна Ли"), "Ххххх Хх");
        assert_eq!(mask_phrase("李小龍"), "字字字");
        assert_eq!(mask_all("urn:li:invitation:7391"), "xxx:xx:xxxxxxxxxx:0000");
    }

    /// In a link to the people you share, a count's few digits stay in any words; a text with
    /// more (a phone number in a name) is masked whole, as elsewhere.
    #[test]
    fn a_shared_link_keeps_a_count_not_a_phone_number() {
        assert_eq!(mask_words(" e altri 3 contatti reciproci", true), " x xxxxx 3 xxxxxxxx xxxxxxxxx");
        assert_eq!(mask_words("Marco, Luca e altri 1234 contatti", true), "Xxxxx, Xxxx x xxxxx 1234 xxxxxxxx");
        assert_eq!(mask_words("Marco 0151 2345678, Luca e altri 3", true), "Xxxxx 0000 0000000, Xxxx x xxxxx 0");
        assert_eq!(mask_words("Marco, Luca e altri 3 contatti", false), "Xxxxx, Xxxx x xxxxx 0 xxxxxxxx");
    }

    /// The site's own name is no one's: a title kept "Xxxxxxxx" where the page said "LinkedIn".
    #[test]
    fn the_site_name_stays_in_titles_and_text() {
        let title = |t: &str| mask_snapshot(&Snapshot { title: t.into(), ..Snapshot::default() }).title;
        assert_eq!(title("Mariana Costa | LinkedIn"), "Xxxxxxx Xxxxx | LinkedIn");
        assert_eq!(title("(1) Invitations | LinkedIn"), "(1) Invitations | LinkedIn");
        assert_eq!(title("Manage invitations | LinkedIn"), "Manage invitations | LinkedIn");
        assert_eq!(title("LinkedIn"), "LinkedIn");
        assert_eq!(title("Uitnodigingen beheren | LinkedIn"), "Uitnodigingen beheren | LinkedIn");
        assert_eq!(mask_phrase("Saw your LinkedIn post"), "Xxx xxxx LinkedIn xxxx");
        // A word saying where is kept before the site's name only: "Su" and "No" are names too.
        assert_eq!(mask_phrase("Kathie Smith is inviting you to connect on LinkedIn"), "Xxxxxx Xxxxx is inviting you to connect on LinkedIn");
        assert_eq!(mask_phrase("Marie Dupont vous invite à vous connecter sur LinkedIn"), "Xxxxx Xxxxxx vous invite à vous connecter sur LinkedIn");
        assert_eq!(mask_phrase("Su No is inviting you to connect on LinkedIn"), "Xx Xx is inviting you to connect on LinkedIn");
        assert_eq!(mask_phrase("An Vo and 3 other mutual connections"), "Xx Xx and 3 other mutual connections");
        // The relation lines' own words stay whole.
        assert_eq!(mask_phrase("Sam Lee wants to connect with you"), "Xxx Xxx wants to connect with you");
        assert_eq!(mask_phrase("Kathrin Müller möchte sich mit Ihnen vernetzen"), "Xxxxxxx Xxxxxx möchte sich mit Ihnen vernetzen");
        assert_eq!(mask_phrase("Sam Lee invited you to join Rust Berlin"), "Xxx Xxx invited you to join Xxxx Xxxxxx");
    }

    /// The report page's intro says only the phrases NotYet goes by stay (its examples in en/de/fr), LinkedIn's menus
    /// masked too: keeping "Home" or "Jobs" would keep such a word wherever it stood alone, a
    /// headline's or a note's as well.
    #[test]
    fn the_intro_is_true_reading_words_stay_menus_are_masked() {
        for (kept, text) in [
            (true, "Accept"),
            (true, "2 weeks ago"),
            (true, "8 mutual connections"),
            (true, "8 gemeinsame Kontakte"),
            (true, "8 relations en commun"),
            (false, "Home"),
            (false, "My Network"),
            (false, "Messaging"),
            (false, "Startseite"),
        ] {
            assert_eq!(mask_phrase(text) == text, kept, "{text}");
        }
    }

    #[test]
    fn addresses_keep_their_sections() {
        assert_eq!(mask_url("https://www.linkedin.com/in/kathie-smith-42/?x=1"), "https://www.linkedin.com/in/xxxxxx-xxxxx-00/?x=0");
        assert_eq!(
            mask_url("https://www.linkedin.com/mynetwork/invitation-manager/received/"),
            "https://www.linkedin.com/mynetwork/invitation-manager/received/"
        );
        assert_eq!(mask_url("/in/sam/"), "/in/xxx/");
        // Whose connections the search lists is masked, not that it lists the people you share.
        assert_eq!(
            mask_url("https://www.linkedin.com/search/results/people/?network=%5B%22F%22%5D&connectionOf=%5B%22ACoAAB%22%5D#kim"),
            "https://www.linkedin.com/search/xxxxxxx/xxxxxx/?xxxxxxx=%0X%00X%00%0X&connectionOf=%0X%00XXxXXX%00%0X#xxx"
        );
        // Any other name is masked: a name, or a fragment, can be anyone's words.
        assert_eq!(mask_url("/in/sam/?sam.lee=1&trk=x#kim=Ann"), "/in/xxx/?xxx.xxx=0&xxx=x#xxx=Xxx");
        assert_eq!(mask_url("/in/sam/?connectionOf"), "/in/xxx/?xxxxxxxxxxXx");
    }
}
