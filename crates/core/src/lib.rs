//! The NotYet core: read a LinkedIn invitation, decide a polite reply, word it.
//!
//! One data path, one click:
//!
//! ```text
//!  page agent (JS)        core (this crate, in the service worker as WASM)          page agent (JS)
//!  ───────────────        ───────────────────────────────────────────────          ───────────────
//!  snapshot ──JSON──▶ Snapshot ─read_page─▶ Page ─decide─▶ Suggestion ─click─▶ Plan ──▶ insert + notice
//!                                  (invitations,      (category, action,     (lines, mode,
//!                                   message box)       text, reasons)         notice words)
//! ```
//!
//! - [`snapshot`]: the compact DOM tree the agent sends, and text helpers over it.
//! - [`read`]: LinkedIn's layouts → [`Invitation`]s and the open [`read::Composer`].
//! - [`decide()`]: an invitation and the [`Settings`] → a [`Suggestion`]: the built-in category
//!   (`classify`: weighed signal phrases in four languages), then the user's [`Rule`]s, then a
//!   template in the note's language, rendered and fitted to the message limit.
//! - [`template`]: the reply template language (`{first_name|there}`, droppable `[...]` parts)
//!   and the default replies, one file each in `src/templates/`; [`names`] finds the first name
//!   to greet, [`lang`] the note's language.
//! - [`Settings`]: read leniently from JSON, every problem named by its JSON path.
//! - [`click`]: the whole click, including what a second click does and every notice's words.
//! - [`reason`]: why a decision was made, as data ([`Reason`]).
//! - [`words`]: every word shown to the user, in the interface language (English, German,
//!   French): notices, and through [`words::Say`] reasons, template errors, settings problems.
//!
//! Nothing here touches the web: it builds natively and is tested with `cargo test`.

/// A word list stored as one string, its entries each followed by `|` (`list!["a b", "c"]` is
/// `"a b|c|"`), read back with [`entries`]. A `&[&str]` costs the WASM a pointer and a length
/// (8 bytes) per entry besides the text, numbers deflate can't squeeze (README, WASM size).
macro_rules! list {
    ($($entry:literal),* $(,)?) => {
        concat!($($entry, "|"),*)
    };
}

/// One wording in English, German and French as one string ([`words::EnDeFr`]), for
/// [`words::Ui::pick`]: `en_de_fr!("Close", "Schließen", "Fermer")`. A wording holding the
/// separator fails to compile. Exported for the extension pages' words (`notyet-options`).
#[macro_export]
macro_rules! en_de_fr {
    ($en:literal, $de:literal, $fr:literal $(,)?) => {{
        const WORDS: &str = concat!($en, "\u{1f}", $de, "\u{1f}", $fr);
        const _: () = assert!($crate::words::EnDeFr::three(WORDS), "a wording holds the separator U+001F");
        const _: () = assert!($crate::words::EnDeFr::french_spaced(WORDS), "French: a no-break space (U+00A0) before : ; ? ! » and after «");
        $crate::words::EnDeFr(WORDS)
    }};
}

/// The entries of a [`list!`].
pub(crate) fn entries(list: &'static str) -> std::str::SplitTerminator<'static, char> {
    list.split_terminator('|')
}

/// Whether `word` is an entry of a [`list!`].
pub(crate) fn listed(list: &'static str, word: &str) -> bool {
    entries(list).any(|e| e == word)
}

/// A forward search for a `&str` in a `&str`, for the module: std's `contains`, `find` and
/// `split_once` with a `&str` pattern search with Two-Way (`StrSearcher`), whose forward half
/// (its set-up per call, `next`, two copies of `next_match`) is about 1.4 KB of the WASM; the
/// pages and the reader look for short words in short texts, where a scan for the needle's first
/// byte and a compare does as well. Char patterns (`'x'`, `[' ', '-']`) keep std's.
pub trait Find {
    /// Whether `needle` occurs in `self` (`str::contains` with a `&str`).
    fn has(&self, needle: &str) -> bool;
    /// Where `needle` first occurs in `self` (`str::find` with a `&str`).
    fn at(&self, needle: &str) -> Option<usize>;
    /// `self` split around the first `needle` (`str::split_once` with a `&str`).
    fn split_str(&self, needle: &str) -> Option<(&str, &str)>;
}

impl Find for str {
    fn has(&self, needle: &str) -> bool {
        find(self, needle).is_some()
    }

    fn at(&self, needle: &str) -> Option<usize> {
        find(self, needle)
    }

    fn split_str(&self, needle: &str) -> Option<(&str, &str)> {
        let at = find(self, needle)?;
        Some((&self[..at], &self[at + needle.len()..]))
    }
}

#[inline(never)]
fn find(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return Some(0) };
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        if hay[at] == first && hay[at..at + needle.len()] == *needle {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Reads a unit-only enum from its JSON name (`"not_a_person"`), `names[i]` naming `all[i]`: one
/// string read and a scan, where serde's derived enum visitor costs the WASM about 1 KB for each
/// enum. The same error as the derived one for a name not in `names`.
pub(crate) fn by_name<'de, D: serde::Deserializer<'de>, T: Copy>(d: D, names: &'static [&'static str], all: &[T]) -> Result<T, D::Error> {
    let name = <String as serde::Deserialize>::deserialize(d)?;
    from_name(&name, names, all).ok_or_else(|| serde::de::Error::unknown_variant(&name, names))
}

/// The value `name` names, `names[i]` naming `all[i]`: for serde's readers ([`by_name`]), the
/// worker's JSON read from a `Value` and the settings' words alike.
pub(crate) fn from_name<T: Copy>(name: &str, names: &[&str], all: &[T]) -> Option<T> {
    names.iter().position(|n| *n == name).map(|i| all[i])
}

/// FNV-1a, the one hasher of every `HashMap` and `HashSet` in this crate. The classifier's
/// keys are short words it wrote itself, where it is several times cheaper than SipHash for
/// three-letter keys. The panel's sets (invitation keys, at most a few thousand a list) used
/// std's `RandomState`, whose keys in the WASM (wasm32-unknown-unknown has no source of
/// randomness) are two addresses, the same on every run: no protection there to lose, and one
/// hasher leaves SipHash and a second copy of the table code out of the module: −2,595 B raw,
/// −961 B on each zip, a click's plan at 300 invitations 42.33 → 42.29 M instructions (1 Dec
/// 2026; README, WASM size).
#[derive(Default, Clone, Copy)]
pub struct Fnv;

pub struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// FNV-1a over a text's bytes, as [`Fnv`] hashes them: the settings chunks' checksum and the
/// inviter's seed for a template's choices.
pub(crate) fn fnv1a(text: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = Fnv.build_hasher();
    h.write(text.as_bytes());
    h.finish()
}

/// A `HashSet` with [`Fnv`].
pub type FnvSet<T> = std::collections::HashSet<T, Fnv>;

pub mod case;
mod classify;
pub mod click;
mod decide;
#[cfg(feature = "html")]
pub mod html;
mod invitation;
pub mod json;
pub mod lang;
pub mod names;
pub mod panel;
pub mod read;
pub mod reason;
pub mod report;
mod rules;
pub mod samples;
mod settings;
pub mod snapshot;
pub mod storage;
mod suggestion;
pub mod template;
mod templates;
pub mod words;

pub use decide::{
    decide, decide_for, decide_with, decide_without_text, default_action, default_languages, default_template_ids, draft_anyway_category, languages_of, Choice,
    REPLY_CATEGORIES,
};
pub use invitation::{Invitation, Kind};
pub use reason::Reason;
pub use rules::{Field, Rule, Then, When};
pub use settings::{
    email_usable, link_usable, settings_value, JsonType, Known, Me, Problem, ProblemKind, Settings, Sources, Variant, CURRENT_VERSION, KEYS as SETTINGS_KEYS,
    RULES_LIMIT,
};
pub use suggestion::{Action, Category, Place, Suggestion, MESSAGE_LIMIT};

#[cfg(test)]
mod tests {
    use super::{entries, listed, Find};

    /// `has`, `at` and `split_str` answer as std's `contains`, `find` and `split_once` with a
    /// `&str`, on every piece of a few texts with repeats, multi-byte letters and the edges.
    #[test]
    fn the_search_answers_as_std() {
        let texts = ["", "a", "aaa", "abab", "ababa", "xyzabc", "/in/sam/in/", "Ça et là: «oui»…", "LinkedIn | LinkedIn", "ab\r\ncd"];
        for hay in texts {
            let mut needles: Vec<&str> = vec!["", "a", "aa", "ab", "ba", "abc", "/in/", "là", "»…", "\r\n", "zzzz", "LinkedIn"];
            needles.extend((0..=hay.len()).flat_map(|i| (i..=hay.len()).filter_map(move |j| hay.get(i..j))));
            for needle in needles {
                assert_eq!(hay.has(needle), hay.contains(needle), "{hay:?} {needle:?}");
                assert_eq!(hay.at(needle), hay.find(needle), "{hay:?} {needle:?}");
                assert_eq!(hay.split_str(needle), hay.split_once(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn a_list_gives_back_its_entries() {
        const L: &str = list!["a b", "c", "é"];
        assert_eq!(L, "a b|c|é|");
        assert_eq!(entries(L).collect::<Vec<_>>(), ["a b", "c", "é"]);
        assert!(listed(L, "c") && listed(L, "a b") && !listed(L, "a") && !listed(L, ""));
        assert_eq!(entries(list![]).count(), 0);
    }
}
