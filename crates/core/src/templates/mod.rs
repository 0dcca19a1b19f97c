//! The default reply templates, one file per id (`generic.en.short.txt`), in our own words.
//!
//! Every reply category has a short and a longer variant in each language. Each follows the
//! same order: the warm part first (thanks, an offer to talk, the email in an optional part),
//! then the boundary (I connect with people I know well or have worked with), then the door
//! left open (not yet, rather than never), signed with `{me.name}` in an optional part.
//! German greets formally with the full name ("Guten Tag Kathie Smith,"), which needs no
//! guess at gender; French uses vous, Spanish usted.
//!
//! Personalized replies take up the note through `{note_topic}` ("Thank you for the invitation
//! and for your note about networking"), last in its clause: a topic that is a list ("Rust, WASM
//! and the web") followed by "and for the invitation" read as one long list. It is a short
//! phrase the note itself introduced with "about"/"über"/"au sujet de"/"sobre", taken only when
//! quoting it back reads right (see [`crate::lang::note_topic`]).
//! Otherwise the optional part drops and the reply thanks them for the note as a whole; the
//! note is never quoted at length, which would read as mechanical.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::template::Template;
use crate::Category;

/// Which of a category's two default wordings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    #[default]
    Short,
    Long,
}

impl Variant {
    fn name(self) -> &'static str {
        match self {
            Variant::Short => "short",
            Variant::Long => "long",
        }
    }
}

/// Languages with default templates, the first being the fallback.
const LANGUAGES: &[&str] = &["en", "de", "fr", "es"];

macro_rules! defaults {
    ($($id:literal),* $(,)?) => {
        &[$(($id, include_str!(concat!($id, ".txt")))),*]
    };
}

/// Every default template as (id, source).
const DEFAULTS: &[(&str, &str)] = defaults!(
    "generic.en.short",
    "generic.en.long",
    "personalized.en.short",
    "personalized.en.long",
    "recruiter.en.short",
    "recruiter.en.long",
    "sales.en.short",
    "sales.en.long",
    "mutual.en.short",
    "mutual.en.long",
    "generic.de.short",
    "generic.de.long",
    "personalized.de.short",
    "personalized.de.long",
    "recruiter.de.short",
    "recruiter.de.long",
    "sales.de.short",
    "sales.de.long",
    "mutual.de.short",
    "mutual.de.long",
    "generic.fr.short",
    "generic.fr.long",
    "personalized.fr.short",
    "personalized.fr.long",
    "recruiter.fr.short",
    "recruiter.fr.long",
    "sales.fr.short",
    "sales.fr.long",
    "mutual.fr.short",
    "mutual.fr.long",
    "generic.es.short",
    "generic.es.long",
    "personalized.es.short",
    "personalized.es.long",
    "recruiter.es.short",
    "recruiter.es.long",
    "sales.es.short",
    "sales.es.long",
    "mutual.es.short",
    "mutual.es.long",
);

/// The languages default templates exist in (ISO 639-1), English first.
pub fn template_languages() -> &'static [&'static str] {
    LANGUAGES
}

/// Every default template as (id, source), for listing on the options page.
pub fn default_templates() -> &'static [(&'static str, &'static str)] {
    DEFAULTS
}

/// The category's part of a template id, for the categories that reply.
fn category_key(category: Category) -> Option<&'static str> {
    match category {
        Category::Recruiter => Some("recruiter"),
        Category::Sales => Some("sales"),
        Category::Mutual => Some("mutual"),
        Category::Personalized => Some("personalized"),
        Category::Generic => Some("generic"),
        Category::Known | Category::Spam | Category::NotAPerson => None,
    }
}

/// The default template (id, source) for a reply category in a language, `None` for
/// categories that do not reply or languages without templates.
pub fn default_template(category: Category, language: &str, variant: Variant) -> Option<(&'static str, &'static str)> {
    let key = category_key(category)?;
    DEFAULTS.iter().copied().find(|(id, _)| {
        let mut parts = id.split('.');
        parts.next() == Some(key) && parts.next() == Some(language) && parts.next() == Some(variant.name())
    })
}

/// A default template's source by id ("generic.en.short").
pub fn default_source(id: &str) -> Option<&'static str> {
    DEFAULTS.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
}

/// A default template parsed, by id. Parsed once for the process and shared: rendering is on
/// the hot path (hundreds of invitations a click).
pub fn parsed_default(id: &str) -> Option<&'static Template> {
    static PARSED: OnceLock<Vec<Option<Template>>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| DEFAULTS.iter().map(|(_, src)| Template::parse(src).ok()).collect());
    let at = DEFAULTS.iter().position(|(i, _)| *i == id)?;
    parsed.get(at)?.as_ref()
}
