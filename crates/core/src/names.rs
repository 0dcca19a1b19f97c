//! How to greet someone, from what they typed into a profile's name field.
//!
//! LinkedIn names carry titles ("Dr."), credentials ("MBA, PMP"), emoji, pronouns
//! ("(she/her)"), job taglines after a bar, or the family name first ("Doe, Jane").
//! This module peels those off with `char` properties from std; a Unicode-segmentation crate
//! would add size for cases the name field never has.

use crate::classify::{fold, COMPANY_ABBREVIATIONS, COMPANY_FORMS, LEGAL_FORMS};
use crate::Find;
use crate::{entries, listed};
use std::borrow::Cow;

/// Honorifics dropped at the front, compared case-insensitively between dots.
const TITLES: &str = list![
    "dr", "prof", "mr", "mrs", "ms", "mx", "miss", "herr", "frau", "mme", "mlle", "sr", "sra", "srta", "dra", "ing", "dipl", "dipl-ing", "mag", "sir", "dame",
    "rev", "ir", "drs",
];

/// Military ranks written as titles ("General Thomas Wood"). An array, not a [`list!`]: every
/// name's first word is compared with them, and a length check rejects most at once.
const RANKS: [&str; 6] = ["general", "colonel", "col", "captain", "capt", "major"];

/// Words that follow a German doctor title ("Dr. med.", "Dr. rer. nat.").
const AFTER_TITLE: &str = list!["med", "rer", "nat", "phil", "habil", "jur", "dent", "vet", "oec", "pol", "hc", "h", "c", "sc"];

/// Credentials and suffixes, as usually written (dots removed). A table rather than a [`list!`]:
/// every token of every name is checked against it, and a slice skips by initial letter
/// without reading the rest.
const CREDENTIALS: &[&str] = &[
    "MBA", "PhD", "CPA", "PMP", "MSc", "MA", "BSc", "BA", "MS", "BS", "CFA", "Esq", "Jr", "Sr", "II", "III", "IV", "MD", "DDS", "RN", "CSM", "CSPO", "PSM",
    "CISSP", "CISA", "CISM", "PE", "MPhil", "LLM", "LLB", "JD", "MPA", "MPH", "MEng", "BEng", "BBA", "CMA", "CIA", "ACCA", "FCA", "ACA", "PHR", "SPHR",
    "SHRM-CP", "SHRM-SCP", "CEng", "DBA", "EdD", "PsyD", "DVM", "PharmD", "FRM", "CAIA", "CIPD", "MCIPD", "PRINCE2", "ITIL", "CFP", "CPCC", "ACC", "PCC",
    "MCC", "PMI-ACP", "SAFe", "CSSBB", "LSSBB", "MAS", "MIM", "MiM", "Dipl-Kfm", "Dipl-Ing", "CCNA", "CCNP", "AWS", "RD", "NP", "PA-C", "OTR", "DPT", "FACS",
    "FRCS",
];

/// Spanish, French and German given names that pair up, also written without a hyphen ("María
/// José", "Juan Carlos", "Jean Pierre", "Marie Claire", "Hans Peter", "Anna Lena"), folded: the
/// first word, then the second.
const PAIRED_FIRST: &str =
    list!["maria", "jose", "juan", "ana", "luis", "miguel", "jean", "marie", "anne", "pierre", "hans", "karl", "klaus", "franz", "anna", "eva", "lisa"];
#[rustfmt::skip] // a word list, packed
const PAIRED_SECOND: &str = list![
    "jose", "maria", "luis", "carlos", "angel", "antonio", "manuel", "jesus", "pablo", "ignacio", "francisco", "javier", "pedro", "miguel", "elena", "isabel",
    "teresa", "carmen", "pierre", "paul", "luc", "claude", "marc", "francois", "michel", "claire", "louis", "baptiste", "philippe", "christophe", "yves",
    "jacques", "alain", "marie", "laure", "sophie", "helene", "christine", "peter", "heinz", "jurgen", "joachim", "dieter", "georg", "werner", "ulrich", "josef",
    "lena", "luise", "kathrin",
];

/// Lowercase name particles kept lowercase inside a name ("Ludwig van Beethoven").
const PARTICLES: &str = list!["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "zu", "ten", "ter", "y", "e"];

/// Where a tagline starts in a name field ("Jane Doe | Coach", "Jane Doe - Hiring"): a bar, or
/// a dash, bullet or slash with spaces around it. A separator with nothing before it is skipped.
fn cut_tagline(name: &str) -> &str {
    let mut start = 0;
    let mut prev = ' ';
    let mut chars = name.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let cut = matches!(c, '|' | '｜') || (matches!(c, '-' | '–' | '—' | '•' | '·' | '/') && prev == ' ' && next == ' ');
        if cut {
            if name[start..i].trim().is_empty() {
                start = i + c.len_utf8();
            } else {
                return &name[start..i];
            }
        }
        prev = c;
    }
    &name[start..]
}

/// The first name to greet someone by, or `None` when the name gives none
/// (empty, only symbols, only a title and a family name like "Dr. Smith", only an initial).
///
/// Names in CJK scripts are written family name first and are kept whole ("山田 太郎").
pub fn first_name(name: &str) -> Option<String> {
    first_name_with(name, None)
}

/// The whole name cleaned for a greeting: no titles, credentials, emoji, pronouns or tagline;
/// "Doe, Jane" becomes "Jane Doe"; ALL CAPS becomes title case. Empty when nothing is left.
pub fn display_name(name: &str) -> String {
    Parsed::new(&clean(name)).display_name(false)
}

/// [`first_name`], with the profile's address as a witness for a title and one name: "Ms. Priya"
/// alone may be a given name (as Indian English writes it) or a family name ("Dr. Müller", never
/// to be greeted "Hi Müller"). LinkedIn makes the address from the name as first given
/// (`/in/priya-sharma-4b1a2c/`): one that starts with that name and has another name word after
/// it shows it is the given name. Without such an address it stays unknown.
pub fn first_name_with(name: &str, profile_url: Option<&str>) -> Option<String> {
    Parsed::new(&clean(name)).first_name(profile_url)
}

/// [`first_name_with`] and [`display_name`] at once, taking the name apart only once. A title
/// and a given name the address shows ("Ms. Priya") are the name without the title: German
/// greets by the name, and "Guten Tag Ms. Priya" reads as an English slip.
pub fn first_and_display_name(name: &str, profile_url: Option<&str>) -> (Option<String>, String) {
    let cleaned = clean(name);
    let parsed = Parsed::new(&cleaned);
    let first = parsed.first_name(profile_url);
    let display = parsed.display_name(first.is_some());
    (first, display)
}

/// A title and a family name alone, as the name writes them ("Dr. Müller", "Mr. Smith"): whom
/// an English draft greets when no given name is known, as "Hi Dr. Müller," read better than "Hi,".
pub fn titled_family_name(name: &str) -> Option<String> {
    let cleaned = clean(name);
    let parsed = Parsed::new(&cleaned);
    (parsed.title.is_some() && parsed.tokens.len() == 1).then(|| parsed.display_name(false))
}

/// Lower-case letters and digits, words single-spaced: names compared as people read them
/// ("Dr. Jane  DOE" → "dr jane doe").
pub(crate) fn name_key(name: &str) -> String {
    if name.is_ascii() {
        // Byte by byte: a click compares every invitation's name with the box's addressee.
        let mut out = Vec::with_capacity(name.len());
        let mut space = false;
        for &b in name.as_bytes() {
            if !b.is_ascii_alphanumeric() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(b' ');
                space = false;
            }
            out.push(b.to_ascii_lowercase());
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() { crate::case::lower_char(c) } else { ' ' }).collect();
    crate::snapshot::fold_whitespace(&cleaned)
}

/// The company a headline names ("Engineer at Acme Corp | Speaker" → "Acme Corp"), if it does.
pub fn company_from_headline(headline: &str) -> Option<String> {
    // One pass over the spaces, comparing the markers in place (ASCII case-insensitively).
    let bytes = headline.as_bytes();
    let start = bytes.iter().enumerate().filter(|&(_, &b)| b == b' ').find_map(|(i, _)| {
        [" at ", " @ ", " @", " bei ", " chez ", " bij ", " presso "]
            .iter()
            .find(|m| bytes.get(i..i + m.len()).is_some_and(|s| s.eq_ignore_ascii_case(m.as_bytes())))
            .map(|m| i + m.len())
    })?;
    let rest = headline.get(start..)?;
    let end = rest
        .find(['|', ',', ';', '(', '•', '·', '/', '\n'])
        .into_iter()
        .chain([" - ", " – ", " — ", " and ", " & "].iter().filter_map(|s| rest.at(s)))
        .min()
        .unwrap_or(rest.len());
    let company = rest.get(..end)?.trim().trim_end_matches(['.', '!']);
    (!company.is_empty() && company.chars().count() <= 60).then(|| company.to_owned())
}

/// The name field without tagline, bracketed asides, emoji and symbols; borrowed when clean.
fn clean(raw: &str) -> Cow<'_, str> {
    let name = strip_brackets(cut_tagline(raw));
    // Pronouns written without brackets ("Kathie Smith she/her"): no name word holds a slash.
    // Nor an at sign: an email address typed as the name ("Mr. pat.doe@example.com") greeted
    // "Hi Pat.Doe," from its words.
    let odd = |w: &str| w.contains(['/', '@']);
    let name = if odd(&name) { Cow::Owned(name.split_whitespace().filter(|w| !odd(w)).collect::<Vec<_>>().join(" ")) } else { name };
    match name {
        Cow::Borrowed(s) => clean_symbols(s),
        Cow::Owned(s) => Cow::Owned(clean_symbols(&s).into_owned()),
    }
}

/// A name taken apart: the given-name-first tokens and what was dropped.
struct Parsed<'a> {
    tokens: Vec<&'a str>,
    /// The first title dropped at the front ("Prof." of "Prof. Dr.", "Herr").
    title: Option<&'a str>,
    /// Every cased letter in the name is uppercase (so case says nothing).
    all_caps: bool,
    /// The name ends in a company's legal form ("Acme GmbH", "Delta S.L."): no one to greet.
    company: bool,
}

impl<'a> Parsed<'a> {
    fn new(cleaned: &'a str) -> Parsed<'a> {
        let all_caps = {
            let mut cased = cleaned.chars().filter(|c| c.is_uppercase() || c.is_lowercase()).peekable();
            cased.peek().is_some() && cased.all(char::is_uppercase)
        };

        let mut segments: Vec<&str> = cleaned.split([',', '，']).map(str::trim).filter(|s| !s.is_empty()).collect();
        while segments.len() > 1 && segments.last().is_some_and(|s| is_credential_segment(s, all_caps)) {
            segments.pop();
        }
        // "Doe, Jane" → "Jane Doe"; any further segments are not part of the name.
        let ordered: Vec<&str> = match segments.as_slice() {
            [] => Vec::new(),
            [one] => one.split_whitespace().collect(),
            [last, given, ..] => given.split_whitespace().chain(last.split_whitespace()).collect(),
        };

        let mut tokens: Vec<&str> =
            ordered.into_iter().map(|t| t.trim_matches(|c: char| matches!(c, '-' | '\'' | '’' | ','))).filter(|t| t.chars().any(char::is_alphabetic)).collect();

        let mut had_title = false;
        let mut skip = 0;
        while tokens.len() - skip > 1 && is_title(tokens[skip], had_title) {
            skip += 1;
            had_title = true;
        }
        // A title alone ("Mr." of "Mr. pat@example.com", "Dr. med.") names no one: "Hi Mr.," read as a slip.
        let lone = tokens.len() == skip + 1 && is_title(tokens[skip], had_title);
        let title = tokens.drain(..skip).next();
        if lone {
            tokens.clear();
        }
        // Before the credentials go: "BV" and "S.L." look like ones.
        let company = tokens.len() > 1 && tokens.last().is_some_and(|t| is_legal_form(t, all_caps));
        while tokens.len() > 1 && tokens.last().is_some_and(|t| is_credential(t, all_caps)) {
            tokens.pop();
        }
        Parsed { tokens, title, all_caps, company }
    }

    fn first_name(&self, profile_url: Option<&str>) -> Option<String> {
        let tokens = &self.tokens;
        let first = tokens.first()?;
        if is_cjk(first) {
            let run: Vec<&str> = tokens.iter().copied().take_while(|t| is_cjk(t)).collect();
            return Some(run.join(" "));
        }
        // "Dr. Smith", "Herr Müller": what is left after a title is a family name, unless the
        // profile's address shows it first of two names ([`first_name_with`]).
        if self.title.is_some() && tokens.len() == 1 {
            let (_, slug) = profile_url?.split_str("/in/")?;
            let next = slug.strip_prefix(&*fold(first))?.strip_prefix('-')?;
            let n = next.bytes().take_while(u8::is_ascii_alphabetic).count();
            return (n > 0 && matches!(next.as_bytes().get(n), None | Some(b'-' | b'/' | b'?'))).then(|| fix_case(first, true, self.all_caps));
        }
        if self.company {
            return None;
        }
        // "J. Robert Oppenheimer" → Robert; "J. Smith" has no first name to use.
        let (i, pick) = tokens.iter().enumerate().take(tokens.len().saturating_sub(1).max(1)).find(|(_, t)| !is_initial(t))?;
        let mut first = fix_case(pick, true, self.all_caps);
        // "María José García": both given names, when a family name follows them.
        if let Some(next) = tokens.get(i + 1).filter(|next| i + 2 < tokens.len() && listed(PAIRED_FIRST, &fold(pick)) && listed(PAIRED_SECOND, &fold(next))) {
            first.push(' ');
            first.push_str(&fix_case(next, true, self.all_caps));
        }
        Some(first)
    }

    /// `given`: a first name was found, so one name left after a title is a given name ("Ms.
    /// Priya" with the address as witness) and goes without the title.
    fn display_name(&self, given: bool) -> String {
        // German greets by {name}: "Guten Tag Acme GmbH," read as a form letter; "Guten Tag," as the others.
        if self.company {
            return String::new();
        }
        let mut fixed: Vec<String> = self.tokens.iter().enumerate().map(|(i, t)| fix_case(t, i == 0, self.all_caps)).collect();
        // A family name alone keeps its title: "Guten Tag Dr. Müller", never "Guten Tag Müller".
        if let (Some(t), 1, false) = (self.title, fixed.len(), given) {
            fixed.insert(0, fix_case(t, true, self.all_caps));
        }
        fixed.join(" ")
    }
}

/// Removes bracketed asides ("(she/her)", "[he/him]", "（山田）"); an unclosed one runs to the end.
fn strip_brackets(s: &str) -> Cow<'_, str> {
    const OPEN: [char; 6] = ['(', '[', '{', '（', '【', '<'];
    const CLOSE: [char; 6] = [')', ']', '}', '）', '】', '>'];
    if !s.contains(OPEN) && !s.contains(CLOSE) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = depth.saturating_sub(1);
            out.push(' ');
        } else if depth == 0 {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Replaces emoji, symbols, digits and stray punctuation with spaces; keeps letters, the marks
/// that scripts combine with them, and the punctuation names use (`-`, `'`, `’`, `.`, `,`).
fn clean_symbols(s: &str) -> Cow<'_, str> {
    let keep = |c: char| {
        c.is_alphabetic()
            || c == ' '
            || matches!(c, '-' | '\'' | '’' | '.' | ',' | '，')
            || (!c.is_ascii() && !c.is_whitespace() && !is_symbol_block(c) && !c.is_numeric())
    };
    if s.chars().all(keep) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if keep(c) { c } else { ' ' }).collect())
}

/// Unicode blocks of punctuation, symbols and emoji (letters there were kept before this is asked).
fn is_symbol_block(c: char) -> bool {
    matches!(c as u32,
        0x00A0..=0x00BF | 0x00D7 | 0x00F7 | 0x02B9..=0x02FF | 0x2000..=0x2BFF | 0x2E00..=0x2E7F
        | 0x3000..=0x303F | 0xE000..=0xF8FF | 0xFE00..=0xFE0F | 0xFE30..=0xFE4F | 0xFF01..=0xFF20
        | 0xFFF0..=0xFFFF | 0x1F000..=0x1FAFF | 0xE0000..=0xE007F | 0xF0000..=0x10FFFF)
}

fn is_title(token: &str, after_title: bool) -> bool {
    // "M." is Monsieur only with its dot; a bare "M" is an initial.
    if token == "M." {
        return true;
    }
    // Titles are short ASCII words; this check runs on every leading token.
    if !token.is_ascii() || token.len() > 16 {
        return false;
    }
    let mut parts = token.split('.').map(|p| p.trim_matches('-')).filter(|p| !p.is_empty());
    let Some(head) = parts.next() else { return false };
    let title = |p: &str| RANKS.iter().any(|t| t.eq_ignore_ascii_case(p)) || entries(TITLES).any(|t| t.eq_ignore_ascii_case(p));
    let after = |p: &str| entries(AFTER_TITLE).any(|t| t.eq_ignore_ascii_case(p));
    // "Dr.", "Prof.Dr.", "Dipl.-Ing.", "Dr.med.", and "med." right after a title.
    (title(head) || (after_title && after(head))) && parts.all(|p| title(p) || after(p))
}

/// Whether a name's last word is a company's legal form ([`LEGAL_FORMS`]): one of its first run
/// however written ("Acme Widgets Ltd"), one of its second written as an abbreviation, in
/// capitals in a name that is not all capitals or with dots ("Beta AG", "Delta S.L.", not "Ana Sa").
fn is_legal_form(token: &str, all_caps: bool) -> bool {
    // Legal forms are short ASCII words; this check runs on every name's last word.
    if !token.is_ascii() || token.len() > 12 {
        return false;
    }
    let bare = || token.bytes().filter(|&b| b != b'.');
    let is = |f: &str| f.bytes().eq(bare().map(|b| b.to_ascii_lowercase()));
    let marked = || token.contains('.') || (!all_caps && bare().all(|b| b.is_ascii_uppercase()));
    let form = entries(LEGAL_FORMS).position(is);
    form.is_some_and(|i| i < COMPANY_FORMS || (i < COMPANY_ABBREVIATIONS && marked()))
}

fn is_credential(token: &str, all_caps: bool) -> bool {
    // Credentials are short ASCII abbreviations; this check runs on every name token.
    if !token.is_ascii() || token.len() > 12 {
        return false;
    }
    let bare = || token.bytes().filter(|&b| b != b'.' && b != b'-');
    let Some(initial) = bare().next() else { return false };
    let listed = CREDENTIALS.iter().filter(|c| c.as_bytes().first().is_some_and(|b| b.eq_ignore_ascii_case(&initial))).any(|c| {
        let canon = || c.bytes().filter(|&b| b != b'-');
        // Two-letter ones ("MA", "Ma") are surnames too: only their usual spelling counts.
        bare().eq(canon())
            || bare().eq(canon().map(|b| b.to_ascii_uppercase()))
            || (canon().count() >= 3 && bare().map(|b| b.to_ascii_lowercase()).eq(canon().map(|b| b.to_ascii_lowercase())))
    });
    // Unlisted credentials are short capital abbreviations without vowels ("CSCP", "CHRP").
    let looks = !all_caps
        && (2..=6).contains(&bare().count())
        && bare().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && !bare().any(|b| b"AEIOUY".contains(&b));
    listed || looks
}

fn is_credential_segment(segment: &str, all_caps: bool) -> bool {
    let mut tokens = segment.split_whitespace().peekable();
    tokens.peek().is_some() && tokens.all(|t| is_credential(t, all_caps))
}

fn is_initial(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 && token.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// Han, Hiragana, Katakana and Hangul: scripts whose names are written family name first.
fn is_cjk(token: &str) -> bool {
    token.chars().any(|c| {
        matches!(c as u32,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
            | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF | 0x31F0..=0x31FF)
    })
}

/// ALL CAPS (or all lowercase) → title case per hyphen and apostrophe part; mixed case is kept
/// ("McDonald", "DeShawn"). Particles stay lowercase inside a name.
fn fix_case(token: &str, first: bool, all_caps: bool) -> String {
    let cased: Vec<char> = token.chars().filter(|c| c.is_uppercase() || c.is_lowercase()).collect();
    let upper = cased.len() >= 2 && cased.iter().all(|c| c.is_uppercase());
    let lower = !cased.is_empty() && cased.iter().all(|c| c.is_lowercase());
    if !(upper || lower) || (upper && !all_caps && token.chars().count() <= 3) {
        // A short capital word in a mixed-case name is deliberate ("Li", "JJ", "DJ").
        return token.to_owned();
    }
    let lowered = crate::case::lower_str(token);
    if !first && listed(PARTICLES, &lowered) {
        return lowered;
    }
    let mut out = String::with_capacity(token.len());
    let mut start = true;
    for c in lowered.chars() {
        // İ lowers to "i" and a combining dot: a capital keeps it as İ, a small i drops it
        // ("İBRAHİM" → "İbrahim", not "İbrahi̇m" with two dots).
        if c == '\u{307}' && out.ends_with(['i', 'I']) {
            if out.pop() == Some('I') {
                out.push('\u{130}');
            } else {
                out.push('i');
            }
            continue;
        }
        if start {
            out.push(capital(c));
        } else {
            out.push(c);
        }
        start = matches!(c, '-' | '\'' | '’' | '.');
    }
    out
}

/// Letters whose capital lowercases to another letter (ı → I, ς → Σ) or that are title case (ǅ → Ǆ):
/// not found by inverting the lowercase mapping.
#[rustfmt::skip]
const OTHER_CAPITALS: &[(char, char)] = &[
    ('\u{b5}', '\u{39c}'), ('\u{131}', '\u{49}'), ('\u{17f}', '\u{53}'), ('\u{1c5}', '\u{1c4}'), ('\u{1c8}', '\u{1c7}'),
    ('\u{1cb}', '\u{1ca}'), ('\u{1f2}', '\u{1f1}'), ('\u{345}', '\u{399}'), ('\u{3c2}', '\u{3a3}'), ('\u{3d0}', '\u{392}'),
    ('\u{3d1}', '\u{398}'), ('\u{3d5}', '\u{3a6}'), ('\u{3d6}', '\u{3a0}'), ('\u{3f0}', '\u{39a}'), ('\u{3f1}', '\u{3a1}'),
    ('\u{3f5}', '\u{395}'), ('\u{1c80}', '\u{412}'), ('\u{1c81}', '\u{414}'), ('\u{1c82}', '\u{41e}'), ('\u{1c83}', '\u{421}'),
    ('\u{1c84}', '\u{422}'), ('\u{1c85}', '\u{422}'), ('\u{1c86}', '\u{42a}'), ('\u{1c87}', '\u{462}'), ('\u{1c88}', '\u{a64a}'),
    ('\u{1e9b}', '\u{1e60}'), ('\u{1fbe}', '\u{399}'),
];

/// `c` as a capital letter, as `char::to_uppercase` gives it whenever that is one letter.
///
/// Derived from the lowercase mapping ([`crate::case`]) rather than calling `to_uppercase`,
/// which would link std's 12 KB uppercase table into the WASM module for this one use. Where std
/// gives two letters (ß → SS, ŉ → ʼN), the letter is kept, or gets its one-letter capital (ß → ẞ).
fn capital(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    if let Ok(i) = OTHER_CAPITALS.binary_search_by_key(&c, |p| p.0) {
        return OTHER_CAPITALS[i].1;
    }
    crate::case::capital_of(c).unwrap_or(c)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std is what these compare with
mod tests {
    use super::*;

    #[test]
    fn name_keys_of_ascii_names_as_of_any_name() {
        // The general way: every letter or digit lower-cased, anything else a space, folded.
        let general = |name: &str| {
            let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
            crate::snapshot::fold_whitespace(&cleaned)
        };
        for name in ["Dr. Jane  DOE", "  Sam-Lee O'Neil, PhD ", "", "...", "A\tB\x0bC", "x1 2Y", "Müller Jäne"] {
            assert_eq!(name_key(name), general(name), "{name:?}");
        }
        assert_eq!(name_key("Dr. Jane  DOE"), "dr jane doe");
    }

    #[test]
    fn capitals_match_std() {
        let mut differ = Vec::new();
        // Every letter std capitalises, and every lowercase letter (those capital() is asked about).
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut upper = c.to_uppercase();
            let std = match (upper.next(), upper.next()) {
                (Some(u), None) if u != c || c.is_lowercase() => u,
                _ => continue, // unchanged, or two or three letters: not one capital
            };
            if capital(c) != std {
                differ.push(c);
            }
        }
        assert_eq!(differ, Vec::<char>::new());
    }

    #[test]
    fn names_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Kathie Smith", Some("Kathie")),
            ("Dr. Jane Doe, PhD", Some("Jane")),
            ("Prof. Dr. Hans Müller", Some("Hans")),
            ("Prof.Dr. Hans Müller", Some("Hans")),
            ("Dr. med. Anna Schmidt", Some("Anna")),
            ("Dipl.-Ing. Jürgen Weber", Some("Jürgen")),
            ("Herr Thomas Becker", Some("Thomas")),
            ("Frau Müller", None),
            ("M. Jean Dupont", Some("Jean")),
            ("Mme Claire Martin", Some("Claire")),
            ("Mlle Sophie Bernard", Some("Sophie")),
            ("Sra. María García", Some("María")),
            ("Dra. Lucía Fernández", Some("Lucía")),
            ("Sr. Carlos Ruiz", Some("Carlos")),
            ("Mr. John Smith Jr.", Some("John")),
            ("Ms. Priya Patel, MBA, PMP", Some("Priya")),
            ("Mx. Sam Rivera", Some("Sam")),
            ("Jane Doe MBA", Some("Jane")),
            ("Doe, Jane", Some("Jane")),
            ("Doe, Jane, CPA", Some("Jane")),
            ("de la Cruz, María José", Some("María José")),
            ("María José García", Some("María José")),
            ("MARIA JOSE GARCIA LOPEZ", Some("Maria Jose")),
            ("Juan Carlos Pérez", Some("Juan Carlos")),
            ("Jean Paul Dupont", Some("Jean Paul")),
            ("Juan Carlos", Some("Juan")),
            ("María García López", Some("María")),
            ("General Thomas Wood", Some("Thomas")),
            ("Captain Sarah Ellis", Some("Sarah")),
            ("Gen Tanaka", Some("Gen")),
            ("Acme Widgets Ltd", None),
            ("Datenwerk GmbH", None),
            ("Gamma SARL", None),
            ("Beta AG", None),
            ("Delta Consultores S.L.", None),
            ("Epsilon BV", None),
            ("Omega S.A.", None),
            ("Müller & Söhne GmbH & Co. KG", None),
            // Short forms in lower case are family names.
            ("Ana Sa", Some("Ana")),
            // Initials, and forms that are initials as often: a person.
            ("Kim A.B.", Some("Kim")),
            ("Kim AB", Some("Kim")),
            // Spelt as "Omega SA" is: a company's name is the likelier, and "Hi," the safe slip.
            ("Minji SA", None),
            ("Acme Corporation", None),
            ("Acme Widgets ltd.", None),
            // An email address or a title is no name to greet.
            ("pat@example.com", None),
            ("Mr. pat@example.com", None),
            ("Mr. jdoe@gmail.com (Jane Doe)", None),
            ("Jane Doe jane@example.com", Some("Jane")),
            ("Mr.", None),
            ("Herr", None),
            ("Mr. ✨", None),
            ("Dr. med.", None),
            ("Peter Sas", Some("Peter")),
            ("ANA SA", Some("Ana")),
            ("JOHN SMITH", Some("John")),
            ("JEAN-PAUL GAULTIER", Some("Jean-Paul")),
            ("Jean-Paul Sartre", Some("Jean-Paul")),
            ("jane doe", Some("Jane")),
            ("Kathie Smith (she/her)", Some("Kathie")),
            ("Alex Kim [they/them]", Some("Alex")),
            ("🚀 Kathie Smith ✨", Some("Kathie")),
            ("Kathie Smith | Career Coach", Some("Kathie")),
            ("Kathie Smith - Hiring for Rust roles", Some("Kathie")),
            ("Ludwig van Beethoven", Some("Ludwig")),
            ("J. Robert Oppenheimer", Some("Robert")),
            ("J. Smith", None),
            ("山田 太郎", Some("山田 太郎")),
            ("王小明", Some("王小明")),
            ("김민준", Some("김민준")),
            ("やまだ たろう", Some("やまだ たろう")),
            ("Олег Иванов", Some("Олег")),
            ("Γιώργος Παπαδόπουλος", Some("Γιώργος")),
            ("Mohammed Al-Farsi", Some("Mohammed")),
            ("O'NEIL, SEAN", Some("Sean")),
            ("Zoë Ångström", Some("Zoë")),
            ("José", Some("José")),
            ("", None),
            ("   ", None),
            ("🚀✨💼", None),
            ("---", None),
            ("(she/her)", None),
            ("Jane Doe, CSCP", Some("Jane")),
            ("Li Wei", Some("Li")),
            // German and French double given names written without a hyphen.
            ("Anna Maria Schmidt-Weber, Dipl.-Kfm.", Some("Anna Maria")),
            ("Hans Peter Müller", Some("Hans Peter")),
            ("Karl Heinz Schmidt", Some("Karl Heinz")),
            ("Anna Lena Vogt", Some("Anna Lena")),
            ("Hans Jürgen Weber", Some("Hans Jürgen")),
            ("Franz Josef Huber", Some("Franz Josef")),
            ("Jean Pierre Martin", Some("Jean Pierre")),
            ("Marie Claire Dubois", Some("Marie Claire")),
            ("Anne Sophie Leroy", Some("Anne Sophie")),
            ("MARIE HÉLÈNE ROUX", Some("Marie Hélène")),
            // The second half as a family name: one given name.
            ("Hans Peter", Some("Hans")),
            ("Klaus Werner", Some("Klaus")),
            ("Anna Schmidt Weber", Some("Anna")),
        ];
        for (name, want) in cases {
            assert_eq!(first_name(name).as_deref(), *want, "first_name({name:?})");
        }
    }

    #[test]
    fn a_title_and_one_name_greeted_by_it_only_when_the_address_shows_it_first() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Ms. Priya", Some("https://www.linkedin.com/in/priya-sharma-4b1a2c/"), Some("Priya")),
            ("Dr. Priya", Some("https://www.linkedin.com/in/priya-s?trk=x"), Some("Priya")),
            ("Frau Anna", Some("https://www.linkedin.com/in/anna-schmidt/"), Some("Anna")),
            ("M. Jean", Some("https://www.linkedin.com/in/jean-dupont-75/"), Some("Jean")),
            ("Sra. María", Some("https://www.linkedin.com/in/maria-garcia/"), Some("María")),
            ("MS. PRIYA", Some("https://www.linkedin.com/in/priya-sharma/"), Some("Priya")),
            // A family name, or nothing to tell: no first name, as before.
            ("Ms. Priya", None, None),
            ("Ms. Priya", Some("https://www.linkedin.com/in/ms-priya-8a1b2c/"), None),
            ("Ms. Priya", Some("https://www.linkedin.com/in/priya-1234/"), None),
            ("Dr. Müller", Some("https://www.linkedin.com/in/hans-mueller-12ab/"), None),
            ("Dr. Müller", Some("https://www.linkedin.com/in/dr-mueller/"), None),
            ("Herr Weber", Some("https://www.linkedin.com/in/thomas-weber/"), None),
            ("Prof. Schmidt", Some("https://www.linkedin.com/company/schmidt-ag/"), None),
            // Names that give a first name anyway are unchanged by the address.
            ("Ms. Priya Patel", Some("https://www.linkedin.com/in/someone-else/"), Some("Priya")),
            ("J. Smith", Some("https://www.linkedin.com/in/j-smith/"), None),
        ];
        for (name, url, want) in cases {
            assert_eq!(first_name_with(name, *url).as_deref(), *want, "first_name_with({name:?}, {url:?})");
        }
    }

    #[test]
    fn legal_form_runs_end_where_their_counts_say() {
        let forms: Vec<&str> = entries(LEGAL_FORMS).collect();
        assert_eq!((forms[COMPANY_FORMS - 1], forms[COMPANY_FORMS]), ("sarl", "ag"));
        assert_eq!((forms[COMPANY_ABBREVIATIONS - 1], forms[COMPANY_ABBREVIATIONS]), ("nv", "co"));
    }

    #[test]
    fn display_names() {
        assert_eq!(display_name("Dr. Jane Doe, PhD 🚀 (she/her)"), "Jane Doe");
        assert_eq!(display_name("DOE, JANE"), "Jane Doe");
        assert_eq!(display_name("LUDWIG VAN BEETHOVEN"), "Ludwig van Beethoven");
        assert_eq!(display_name("Kathie Smith | Coach"), "Kathie Smith");
        assert_eq!(display_name("山田 太郎"), "山田 太郎");
        assert_eq!(display_name("✨"), "");
        assert_eq!(display_name("Kathie Smith she/her"), "Kathie Smith");
        assert_eq!(display_name("Kathie Smith | she/her"), "Kathie Smith");
        assert_eq!(display_name("Jürgen Weber, Dipl.-Ing. (FH)"), "Jürgen Weber");
        // A title and a family name alone: the title stays, so the greeting isn't the bare name.
        assert_eq!(display_name("Dr. Müller"), "Dr. Müller");
        assert_eq!(titled_family_name("Dr. med. Müller").as_deref(), Some("Dr. Müller"));
        assert_eq!(titled_family_name("MR. SMITH").as_deref(), Some("Mr. Smith"));
        for name in ["Dr. Jane Doe", "J. Smith", "Müller", "Acme Widgets Ltd", ""] {
            assert_eq!(titled_family_name(name), None, "{name}");
        }
        assert_eq!(display_name("HERR MÜLLER"), "Herr Müller");
        assert_eq!(display_name("İBRAHİM YILMAZ"), "İbrahim Yilmaz");
        assert_eq!(display_name("Prof. Dr. Schmidt, PhD"), "Prof. Schmidt");
        assert_eq!(display_name("Dr. med. Müller"), "Dr. Müller");
        assert_eq!(display_name("Dr. Anna Schmidt"), "Anna Schmidt");
        // A company greets nobody, in German ({name}) as in English ({first_name}).
        for name in ["Acme GmbH", "Gamma SARL", "Delta S.L.", "Epsilon BV", "Zeta Inc."] {
            assert_eq!(display_name(name), "", "{name}");
        }
        assert_eq!(display_name("Peter Sas"), "Peter Sas");
        for name in ["pat@example.com", "Mr. pat.doe@example.com", "Herr", "Dr. med."] {
            assert_eq!((display_name(name).as_str(), titled_family_name(name)), ("", None), "{name}");
        }
        assert_eq!(display_name("Jane Doe jane@example.com"), "Jane Doe");
    }

    #[test]
    fn companies_from_headlines() {
        assert_eq!(company_from_headline("Engineer at Acme Corp | Speaker").as_deref(), Some("Acme Corp"));
        assert_eq!(company_from_headline("Founder @ Nimbus, ex-Google").as_deref(), Some("Nimbus"));
        assert_eq!(company_from_headline("Entwicklerin bei Beispiel GmbH").as_deref(), Some("Beispiel GmbH"));
        assert_eq!(company_from_headline("Career coach | Speaker"), None);
        assert_eq!(company_from_headline("Working at "), None);
    }
}
