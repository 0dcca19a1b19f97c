//! From an invitation and the settings to a suggestion: category → rules → template → text.
//!
//! 1. [`classify`](crate::classify) gives the built-in category and its reasons.
//! 2. The user's rules are tried in order; the first match may change category, action, template.
//! 3. A reply's template is the rule's, else the category's built-in one; its language is the
//!    note's when clear and the template exists in it, else the settings' language, else English.
//!    The user's own wording for that id and language wins over the built-in one.
//! 4. The template is rendered with the invitation's and the user's values, and made to fit.
//!
//! Built-in templates are parsed once per process (a `OnceLock`), not once per invitation.

use crate::classify::{classify, Words};
use crate::reason::Reason;
use crate::rules::{first_match, Facts};
use crate::settings::Variant;
use crate::template::{Template, Values, Var};
use crate::templates::{default_templates, parsed_default, template_languages};
use crate::{lang, names, Action, Category, Invitation, Kind, Place, Settings, Suggestion};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The ids of the built-in templates, one a reply category; each exists in every language of
/// [`default_languages`] as `ID.LANG.short` and `ID.LANG.long`.
pub fn default_template_ids() -> &'static [&'static str] {
    &["generic", "personalized", "recruiter", "sales", "mutual"]
}

/// The languages the built-in templates are written in.
pub fn default_languages() -> &'static [&'static str] {
    template_languages()
}

fn variant_name(v: Variant) -> &'static str {
    match v {
        Variant::Short => "short",
        Variant::Long => "long",
    }
}

/// The action each category suggests when no rule says otherwise (docs/formats.md).
pub fn default_action(category: Category) -> Action {
    match category {
        Category::Known => Action::Accept,
        Category::Spam => Action::Report,
        Category::NotAPerson => Action::Ignore,
        Category::Recruiter | Category::Sales | Category::Mutual | Category::Personalized | Category::Generic => Action::Reply,
    }
}

/// Which template text to use.
enum Source<'a> {
    User(&'a str),
    Builtin(&'static Template),
}

/// A template reference as a rule or category gives it: `generic`, or a built-in id pinned to
/// a language and variant, `generic.en.short`.
struct TemplateRef<'a> {
    id: &'a str,
    language: Option<&'a str>,
    variant: Option<Variant>,
}

impl<'a> TemplateRef<'a> {
    fn new(written: &'a str) -> TemplateRef<'a> {
        let mut parts = written.splitn(3, '.');
        let id = parts.next().unwrap_or("");
        let language = parts.next();
        let variant = match parts.next() {
            Some("short") => Some(Variant::Short),
            Some("long") => Some(Variant::Long),
            _ => None,
        };
        TemplateRef { id, language, variant }
    }
}

/// The user's wording for `id` in `language` (either variant, preferring `variant`), else the
/// built-in one; with the concrete id that produced it (`generic.en.long`).
fn find_source<'a>(settings: &'a Settings, r: &TemplateRef, language: &str, variant: Variant) -> Option<(Source<'a>, String)> {
    if r.language.is_some_and(|l| l != language) {
        return None;
    }
    let variant = r.variant.unwrap_or(variant);
    let other = match variant {
        Variant::Short => Variant::Long,
        Variant::Long => Variant::Short,
    };
    if let Some(sources) = settings.templates.get(r.id).and_then(|t| t.get(language)) {
        for v in [variant, other] {
            let src = match v {
                Variant::Short => sources.short.as_deref(),
                Variant::Long => sources.long.as_deref(),
            };
            if let Some(src) = src {
                return Some((Source::User(src), format!("{}.{language}.{}", r.id, variant_name(v))));
            }
        }
    }
    for v in [variant, other] {
        if let Some((id, t)) = builtin(r.id, language, v) {
            return Some((Source::Builtin(t), id.to_owned()));
        }
    }
    None
}

/// A built-in template by id, language and variant, from a map built once: a page of
/// invitations looks one up per reply.
fn builtin(id: &str, language: &str, variant: Variant) -> Option<(&'static str, &'static Template)> {
    type Key = (&'static str, &'static str, Variant);
    static MAP: OnceLock<HashMap<Key, (&'static str, &'static Template), crate::Fnv>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for &(full, _) in default_templates() {
            let mut parts = full.splitn(3, '.');
            let (Some(base), Some(lang), Some(v)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let v = if v == "short" { Variant::Short } else { Variant::Long };
            // A built-in template that doesn't parse is a bug the template tests catch; here it is skipped.
            if let Some(t) = parsed_default(full) {
                map.insert((base, lang, v), (full, t));
            }
        }
        map
    });
    // The map's keys are 'static; borrowed keys can't look them up, so match through the
    // short list of built-in ids and languages first.
    let id = *default_template_ids().iter().find(|i| **i == id)?;
    let language = *template_languages().iter().find(|l| **l == language)?;
    map.get(&(id, language, variant)).copied()
}

/// Decides the category, action and wording for one invitation, for a LinkedIn message.
pub fn decide(inv: &Invitation, settings: &Settings) -> Suggestion {
    decide_for(inv, settings, Place::Message)
}

/// What the user chose on the notice for this one invitation, over the decision: each field
/// left `None` is decided as usual.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Choice {
    /// Reply with this category's template, whatever the classifier or a rule said.
    pub category: Option<Category>,
    /// The reply's language (one with a template).
    pub language: Option<String>,
    pub variant: Option<Variant>,
}

/// The reply categories, the ones a user can pick on the notice.
pub const REPLY_CATEGORIES: [Category; 5] = [Category::Recruiter, Category::Sales, Category::Mutual, Category::Personalized, Category::Generic];

/// Decides as [`decide`] does, fitting the text to `place`'s limit.
pub fn decide_for(inv: &Invitation, settings: &Settings, place: Place) -> Suggestion {
    decide_with(inv, settings, place, &Choice::default())
}

/// The category a reply takes when the user drafts anyway: the invitation's category with its
/// signs of spam passed over, or the generic one for people they know and pages.
pub fn draft_anyway_category(inv: &Invitation, settings: &Settings) -> Category {
    let note = inv.note.as_deref().map(str::trim).unwrap_or("");
    let class = crate::classify::classify_as(inv, settings, &Words::new(inv.headline.as_deref().unwrap_or("")), &Words::new(note), false);
    if REPLY_CATEGORIES.contains(&class.category) {
        class.category
    } else {
        Category::Generic
    }
}

/// The languages template `id` (`generic`, or `generic.en.long`: its base) can be written in:
/// the built-in ones for a built-in id, and the user's own.
pub fn languages_of(settings: &Settings, id: &str) -> Vec<String> {
    let base = id.split('.').next().unwrap_or(id);
    let mut out: Vec<String> = Vec::new();
    if default_template_ids().contains(&base) {
        out.extend(default_languages().iter().map(|l| (*l).to_owned()));
    }
    for l in settings.templates.get(base).into_iter().flat_map(|t| t.keys()) {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}

/// Decides as [`decide_for`] does, with the user's [`Choice`] over the decision.
pub fn decide_with(inv: &Invitation, settings: &Settings, place: Place, choice: &Choice) -> Suggestion {
    decide_inner(inv, settings, place, choice, true)
}

/// The decision alone: the category, action, language and reasons [`decide`] gives (a
/// template's error and a missing template included), with no text, template or first name.
/// The side panel decides every invitation on the page and words none of them: without the
/// wording, 1,000 invitations take 7.4 ms instead of 10.9 natively (30 Nov, fixture cards).
pub fn decide_without_text(inv: &Invitation, settings: &Settings) -> Suggestion {
    decide_inner(inv, settings, Place::Message, &Choice::default(), false)
}

fn decide_inner(inv: &Invitation, settings: &Settings, place: Place, choice: &Choice, word: bool) -> Suggestion {
    let limit = place.limit();
    let variant = choice.variant.unwrap_or(settings.variant);
    let note = inv.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let headline = Words::new(inv.headline.as_deref().unwrap_or(""));
    let note_words = Words::new(note.unwrap_or(""));
    let class = classify(inv, settings, &headline, &note_words);
    let mut reasons = class.reasons;
    let note_language = note.and_then(lang::detect);
    let facts_language = note_language.unwrap_or(settings.language.as_str());

    // Rules first, then the category's defaults.
    let facts = Facts {
        category: class.category,
        personal_note: class.personal_note,
        mutual: inv.mutual_connections,
        name: &inv.name,
        headline: &headline,
        note: &note_words,
        language: facts_language,
    };
    // Spam on weak evidence only is ignored, not reported, unless a rule says otherwise.
    let class_action = if class.mild { Action::Ignore } else { default_action(class.category) };
    let (category, action, rule_template, rule_variant) = match (choice.category, first_match(&settings.rules, &facts)) {
        (Some(chosen), _) => {
            reasons.insert(0, Reason::YouAsked);
            (chosen, Action::Reply, None, None)
        }
        (None, Some((i, rule))) => {
            reasons.push(Reason::RuleMatched { number: i + 1, name: rule.name.trim().to_owned() });
            let category = rule.then.category.unwrap_or(class.category);
            let action = rule.then.action.unwrap_or_else(|| if category == class.category { class_action } else { default_action(category) });
            (category, action, rule.then.template.as_deref(), rule.then.variant)
        }
        (None, None) => (class.category, class_action, None, None),
    };

    // A rule may ask a reply of a category with no template of its own: the generic one serves.
    let base = match category {
        Category::Known | Category::Spam | Category::NotAPerson => "generic",
        other => category_key(other),
    };
    let reference = TemplateRef::new(rule_template.unwrap_or(base));
    // The note's language if the template speaks it, else the settings' one, else English.
    let candidates = [choice.language.as_deref(), note_language, reference.language, Some(settings.language.as_str()), Some("en")];
    // The length: the one chosen on the notice, else the matching rule's, else the settings'.
    let variant = choice.variant.or(rule_variant).unwrap_or(variant);
    let chosen = candidates.into_iter().flatten().find_map(|l| find_source(settings, &reference, l, variant).map(|s| (l, s)));
    let language = match &chosen {
        Some((l, _)) => {
            // A reason for the reply's language, so said only with a reply: "wrote in English"
            // beside a spam or accept advice, where nothing is written, read as a sign of it.
            if note_language == Some(*l) && *l != settings.language && action == Action::Reply {
                reasons.push(Reason::WroteIn { language: (*l).to_owned() });
            }
            // Not the note's language, though nothing on the notice or a rule asked for another.
            if let Some(n) = note_language.filter(|n| n != l && choice.language.is_none() && reference.language.is_none() && action == Action::Reply) {
                reasons.push(Reason::NoTemplateIn { reply: (*l).to_owned(), note: n.to_owned() });
            }
            (*l).to_owned()
        }
        None if !default_languages().contains(&settings.language.as_str()) => "en".to_owned(),
        None => settings.language.clone(),
    };
    let mut suggestion = Suggestion { category, action, first_name: None, language, text: None, template: None, reasons, limit };
    // Pages, groups and events have no first name to greet.
    let person = inv.kind == Kind::Person;
    let first_name_alone = || {
        inv.first_name
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .or_else(|| names::first_name_with(&inv.name, inv.profile_url.as_deref()))
    };
    let source = match chosen {
        Some((_, source)) if action == Action::Reply => source,
        other => {
            if action == Action::Reply && other.is_none() {
                suggestion.reasons.push(Reason::NoTemplate { id: reference.id.to_owned() });
            }
            if word {
                suggestion.first_name = first_name_alone().filter(|_| person);
            }
            return suggestion;
        }
    };
    let (source, id) = source;
    let parsed;
    let template = match source {
        Source::Builtin(t) => t,
        Source::User(src) => match Template::parse(src) {
            Ok(t) => {
                parsed = t;
                &parsed
            }
            Err(e) => {
                suggestion.reasons.push(Reason::TemplateError { id, error: e });
                if word {
                    suggestion.first_name = first_name_alone().filter(|_| person);
                }
                return suggestion;
            }
        },
    };
    if !word {
        return suggestion;
    }
    // The user's own closing replaces the built-in templates' one, which hangs on {me.name}.
    let sign_off = Some(settings.sign_off.trim()).filter(|s| !s.is_empty()).and_then(|s| Template::parse(s).ok());
    let blank_name = sign_off.is_some() && matches!(source, Source::Builtin(_));
    let mut used = template.variables();
    used.extend(sign_off.iter().flat_map(Template::variables));
    let mut values = Values::for_invitation(&only_needed(inv, &used), &settings.me);
    // The count grouped as the reply's language groups it: "we share 1234 connections" read like
    // a code beside the notice's "1,234". Spanish writes four digits ungrouped.
    if let (Some(n @ 1000..), "en" | "de" | "fr") = (inv.mutual_connections, suggestion.language.as_str()) {
        if !values.mutual.is_empty() {
            values.mutual = crate::words::Ui::from_code(&suggestion.language).number(n.into());
        }
    }
    // A topic in another language than the reply's reads as a slip ("your note about kleine
    // Netzwerke" once a German note's reply is switched to English): the reply leaves it out.
    if !values.note_topic.is_empty() && note_language.is_some_and(|l| l != suggestion.language) {
        values.note_topic.clear();
    }
    suggestion.first_name = Some(values.first_name.clone()).filter(|f| person && !f.is_empty());
    // English greets a title and a family name by both ("Hi Dr. Müller,"), where "Hi," alone read
    // curt. German greets by {name} already; French writes "Bonjour," as a native writer would
    // without a given name ("Bonjour Herr Müller" or "Mr. Smith" would carry a title across).
    if values.first_name.is_empty() && person && suggestion.language == "en" {
        values.first_name = names::titled_family_name(&inv.name).unwrap_or_default();
    }
    let text = fit(template, sign_off.as_ref(), blank_name, &mut values, limit as usize);
    suggestion.text = Some(text);
    suggestion.template = Some(id);
    suggestion
}

/// The invitation without the parts no used value is derived from: deriving a note's topic or
/// a headline's company costs more than all the rest of a decision.
fn only_needed(inv: &Invitation, used: &[Var]) -> Invitation {
    let uses = |vars: &[Var]| vars.iter().any(|v| used.contains(v));
    Invitation {
        site: String::new(),
        kind: inv.kind,
        name: inv.name.clone(),
        first_name: inv.first_name.clone(),
        headline: if uses(&[Var::Headline, Var::Company]) { inv.headline.clone() } else { None },
        note: if uses(&[Var::Note, Var::NoteTopic]) { inv.note.clone() } else { None },
        mutual_connections: inv.mutual_connections,
        // A first name may be derived from the name with the address as its witness (and the
        // name is then "Priya", not "Ms. Priya").
        profile_url: if uses(&[Var::FirstName, Var::Name]) { inv.profile_url.clone() } else { None },
        sent: None,
    }
}

/// Renders the template, and while the text is longer than `limit` characters shortens what
/// came from the invitation (the longest of note, topic, headline, company, name first; the
/// topic is dropped rather than cut), then cuts at a word. Values are cut before they go in, so no placeholder is ever cut in half.
fn fit(template: &Template, sign_off: Option<&Template>, blank_name: bool, values: &mut Values, limit: usize) -> String {
    let full = |v: &Values| {
        let mut text = if blank_name { template.render(&Values { me_name: String::new(), ..v.clone() }) } else { template.render(v) };
        text.truncate(text.trim_end().len());
        if let Some(s) = sign_off {
            let s = s.render(v);
            if !s.trim().is_empty() {
                text.push_str("\n\n");
                text.push_str(s.trim());
            }
        }
        text
    };
    let mut text = full(values);
    for _ in 0..6 {
        let over = text.chars().count().saturating_sub(limit);
        if over == 0 {
            return text;
        }
        let fields = [&mut values.note, &mut values.note_topic, &mut values.headline, &mut values.company, &mut values.name];
        let Some((i, field)) = fields.into_iter().enumerate().max_by_key(|(_, f)| f.chars().count()).filter(|(_, f)| !f.is_empty()) else {
            break;
        };
        if i == 1 {
            // A shortened topic could stop inside its quotes; without it the sentence drops cleanly.
            field.clear();
        } else {
            let keep = field.chars().count().saturating_sub(over + 1);
            *field = shorten(field, keep);
        }
        text = full(values);
    }
    if text.chars().count() > limit {
        text = shorten(&text, limit.saturating_sub(1));
    }
    text
}

/// At most `max` characters and an ellipsis, cut at a word boundary when one is near.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    // Where a character ends: a name's emoji kept its skin tone only when the cut missed it.
    let cut = crate::click::head(s, max);
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i * 5 >= cut.len() * 4 => &cut[..i],
        _ => cut,
    }
    .trim_end();
    if max == 0 {
        return String::new();
    }
    format!("{at_word}…")
}

fn category_key(c: Category) -> &'static str {
    match c {
        Category::Known => "known",
        Category::Spam => "spam",
        Category::Recruiter => "recruiter",
        Category::Sales => "sales",
        Category::Mutual => "mutual",
        Category::Personalized => "personalized",
        Category::Generic => "generic",
        Category::NotAPerson => "not_a_person",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MESSAGE_LIMIT;

    fn inv(name: &str, headline: &str, note: Option<&str>) -> Invitation {
        Invitation { name: name.into(), headline: Some(headline.into()), note: note.map(str::to_owned), ..Invitation::default() }
    }

    #[test]
    fn known_lists_changed_after_a_decision_are_seen() {
        let mut settings = Settings::default();
        let jane = inv("Jane Doe", "Engineer", None);
        assert_eq!(decide(&jane, &settings).category, Category::Generic);
        settings.known.people.push("Jane Doe".into());
        assert_eq!(decide(&jane, &settings).category, Category::Known);
        assert_eq!(decide(&jane, &settings.clone()).category, Category::Known);
    }

    #[test]
    fn only_replies_carry_text() {
        let settings = Settings::default();
        for (i, want) in [
            (inv("Bob 77", "", Some("add me on whatsapp")), Action::Report),
            (Invitation { kind: Kind::Event, name: "Summit".into(), ..Invitation::default() }, Action::Ignore),
            (inv("Ann Lee", "Teacher", None), Action::Reply),
        ] {
            let s = decide(&i, &settings);
            assert_eq!(s.action, want);
            assert_eq!(s.text.is_some(), want == Action::Reply, "{s:?}");
        }
    }

    /// "wrote in English" explains a reply's language: a German user's spam and known-person
    /// advice listed it ("sieht nach Spam aus (…; schrieb auf Englisch)") as if it were a sign.
    #[test]
    fn the_note_language_is_a_reason_only_for_a_reply() {
        let (mut settings, _) = Settings::from_json(r#"{"language": "de"}"#);
        settings.known.people.push("Kim Park".into());
        let english = "Hi, I read your article about accessible forms and would love to connect and exchange ideas.";
        let wrote = |s: &Suggestion| s.reasons.iter().any(|r| matches!(r, Reason::WroteIn { .. }));
        let reply = decide(&inv("Ann Lee", "Teacher", Some(english)), &settings);
        assert!(reply.action == Action::Reply && wrote(&reply) && reply.language == "en", "{reply:?}");
        let spam = "Hi dear, I make 5000 USD a week with bitcoin trading, contact me on WhatsApp to learn how.";
        for (i, action) in [(inv("Bob Stone", "Crypto trader", Some(spam)), Action::Report), (inv("Kim Park", "Engineer", Some(english)), Action::Accept)] {
            let s = decide(&i, &settings);
            assert!(s.action == action && !wrote(&s), "{s:?}");
        }
    }

    /// A Dutch note answered in English said only "English": the reply's language and why it
    /// isn't the note's are a reason, given only when nothing else picked the language.
    #[test]
    fn a_note_in_a_language_without_a_template_says_why_not() {
        let dutch = "Hallo, ik heb uw artikel over netwerken gelezen en zou graag met u verbinden.";
        let why_not = |s: &Suggestion| s.reasons.iter().find(|r| matches!(r, Reason::NoTemplateIn { .. })).map(|r| r.to_string());
        let daan = inv("Daan de Vries", "Product owner", Some(dutch));
        let s = decide(&daan, &Settings::default());
        assert_eq!((s.language.as_str(), why_not(&s).as_deref()), ("en", Some("written in English: no Dutch template")), "{s:?}");
        let (french, _) = Settings::from_json(r#"{"language": "fr"}"#);
        assert_eq!(why_not(&decide(&daan, &french)).as_deref(), Some("written in French: no Dutch template"));
        // The user's own Dutch template answers it in Dutch, and nothing is said.
        let (own, p) = Settings::from_json(r#"{"templates": {"personalized": {"nl": {"long": "Hoi {first_name|daar},"}}}}"#);
        assert!(p.is_empty(), "{p:?}");
        let s = decide(&daan, &own);
        assert_eq!((s.language.as_str(), why_not(&s)), ("nl", None));
        // Picked on the notice, pinned by a rule, or no reply at all: nothing to explain.
        let picked = Choice { language: Some("de".into()), ..Choice::default() };
        assert_eq!(why_not(&decide_with(&daan, &Settings::default(), Place::Message, &picked)), None);
        let (pinned, _) = Settings::from_json(r#"{"rules": [{"when": {}, "then": {"template": "generic.en.short"}}]}"#);
        assert_eq!(why_not(&decide(&daan, &pinned)), None);
        let spam = "Hallo lieverd, ik verdien 5000 USD per week met bitcoin trading, stuur me een bericht op WhatsApp.";
        let s = decide(&inv("Bob Stone", "Crypto trader", Some(spam)), &Settings::default());
        assert!(s.action != Action::Reply && why_not(&s).is_none(), "{s:?}");
        // A note in a language with a template is answered in it, as before.
        let s = decide(&inv("Ana Ruiz", "Profesora", Some("Hola, leí tu artículo sobre redes y me gustaría conectar contigo.")), &Settings::default());
        assert_eq!((s.language.as_str(), why_not(&s)), ("es", None));
    }

    #[test]
    fn a_sign_off_replaces_the_built_in_closing() {
        let (settings, p) = Settings::from_json(r#"{"me": {"name": "Pat Example"}, "sign_off": "Cheers,\n{me.name}"}"#);
        assert!(p.is_empty());
        let text = decide(&inv("Ann Lee", "Teacher", None), &settings).text.unwrap_or_default();
        assert!(text.ends_with("Cheers,\nPat Example"), "{text}");
        assert_eq!(text.matches("Pat Example").count(), 1, "{text}");
    }

    #[test]
    fn a_title_and_one_name_is_greeted_by_it_when_the_profile_address_shows_it_first() {
        let priya = |url: &str| Invitation { name: "Ms. Priya".into(), profile_url: Some(url.into()), ..inv("", "Teacher", None) };
        let s = decide(&priya("https://www.linkedin.com/in/priya-sharma-4b1a2c/"), &Settings::default());
        assert_eq!(s.first_name.as_deref(), Some("Priya"));
        assert!(s.text.unwrap_or_default().starts_with("Hi Priya,\n"));
        let de = Invitation {
            note: Some("Hallo, ich würde mich gern mit Ihnen vernetzen, danke!".into()),
            ..priya("https://www.linkedin.com/in/priya-sharma-4b1a2c/")
        };
        let text = decide(&de, &Settings::default()).text.unwrap_or_default();
        assert!(text.starts_with("Guten Tag Priya,\n"), "{text}");
        // "Dr. Müller": a family name, never "Hi Müller", and no longer a bare "Hi,": English
        // greets the title and the name, as German does; French says "Bonjour," (no first name).
        let muller = Invitation { name: "Dr. Müller".into(), ..priya("https://www.linkedin.com/in/hans-mueller-12ab/") };
        let s = decide(&muller, &Settings::default());
        assert_eq!(s.first_name, None);
        assert!(s.text.unwrap_or_default().starts_with("Hi Dr. Müller,\n"));
        // German greets by the whole name: the title stays with a family name alone.
        let note = "Guten Tag, ich habe Ihren Vortrag über hybride Teams gesehen und würde mich gern vernetzen.";
        let text = decide(&Invitation { note: Some(note.into()), ..muller.clone() }, &Settings::default()).text.unwrap_or_default();
        assert!(text.starts_with("Guten Tag Dr. Müller,\n"), "{text}");
        let note = "Bonjour, j'ai vu votre conférence sur les équipes hybrides et j'aimerais échanger avec vous.";
        let text = decide(&Invitation { note: Some(note.into()), ..muller }, &Settings::default()).text.unwrap_or_default();
        assert!(text.starts_with("Bonjour,\n"), "{text}");
        let s = decide(&Invitation { name: "Mr. Smith".into(), profile_url: None, ..inv("", "Teacher", None) }, &Settings::default());
        assert!(s.text.unwrap_or_default().starts_with("Hi Mr. Smith,\n"));
    }

    /// A German note's topic quoted in a reply switched to English read "your note about kleine
    /// Netzwerke": another language's topic is left out, the note's own is kept.
    #[test]
    fn a_topic_is_quoted_only_in_its_own_language() {
        let note = "Hallo, ich habe Ihren Beitrag über kleine Netzwerke gelesen und würde mich freuen.";
        let i = inv("Hans Peter Müller", "Teacher", Some(note));
        let text = |lang: Option<&str>| {
            let choice = Choice { language: lang.map(str::to_owned), ..Choice::default() };
            decide_with(&i, &Settings::default(), Place::Message, &choice).text.unwrap_or_default()
        };
        assert!(text(None).contains("Nachricht über kleine Netzwerke"), "{}", text(None));
        for lang in ["en", "fr", "es"] {
            assert!(!text(Some(lang)).contains("kleine"), "{lang}: {}", text(Some(lang)));
        }
    }

    #[test]
    fn long_values_are_cut_before_they_go_in() {
        let (settings, _) = Settings::from_json(r#"{"templates": {"personalized": {"en": "Hi {first_name}, you wrote: {note}. {headline}"}}}"#);
        let long = "word ".repeat(4000);
        let s = decide(&inv("Ann Lee", &long, Some(&long)), &settings);
        let text = s.text.unwrap_or_default();
        assert!(text.chars().count() <= MESSAGE_LIMIT as usize, "{}", text.chars().count());
        assert!(text.starts_with("Hi Ann, you wrote: word"), "{}", &text[..40]);
        assert!(text.contains('…'));
    }

    #[test]
    fn a_value_is_shortened_where_a_character_ends() {
        // Cut at 5 characters: inside the emoji and its skin tone, which go whole.
        assert_eq!(shorten("Sam 👍🏽👍🏽 Lee", 5), "Sam…");
        assert_eq!(shorten("Sam👍🏽👍🏽 Lee", 5), "Sam👍🏽…");
        assert_eq!(shorten("Sam Lee", 9), "Sam Lee");
    }

    #[test]
    fn the_text_fits_the_place_it_goes() {
        let (settings, _) = Settings::from_json(r#"{"me": {"name": "Pat Example", "email": "pat@example.com"}}"#);
        let note = "I read your article about distributed systems and would love to hear your view on consensus protocols.";
        for (place, limit) in [
            (Place::Message, 8000),
            (Place::InvitationNote { premium: true }, 300),
            (Place::InvitationNote { premium: false }, 200),
            (Place::Box { limit: 120 }, 120),
        ] {
            let s = decide_for(&inv("Ann Lee", "Teacher", Some(note)), &settings, place);
            let text = s.text.unwrap_or_default();
            assert_eq!(s.limit, limit);
            assert!(text.chars().count() <= limit as usize, "{place:?}: {} chars", text.chars().count());
            assert!(text.starts_with("Hi Ann"), "{text}");
            assert!(!text.contains('{'), "{text}");
        }
    }

    /// Shortening to fit must not cut a topic inside its quotes: it drops, and its optional
    /// part with it.
    #[test]
    fn a_quoted_topic_is_dropped_rather_than_cut_to_fit() {
        let (settings, _) = Settings::from_json(r#"{"templates": {"personalized": {"en": "Hi {first_name}, thanks[ for your note about {note_topic}]!"}}}"#);
        // A topic that would end inside its quotes (at the comma) is never taken.
        let note = "I loved your talk about saying \"not yet, kindly\" often and want to connect";
        let s = decide_for(&inv("Ann Lee", "Teacher", Some(note)), &settings, Place::Box { limit: 40 });
        assert_eq!(s.text.as_deref(), Some("Hi Ann, thanks!"));
        // A whole quoted topic is taken, and dropped whole when the text must shrink.
        let note = "I loved your talk about saying \"not yet\" and want to connect";
        let full = decide(&inv("Ann Lee", "Teacher", Some(note)), &settings).text.unwrap_or_default();
        assert_eq!(full, "Hi Ann, thanks for your note about saying \"not yet\"!");
        let s = decide_for(&inv("Ann Lee", "Teacher", Some(note)), &settings, Place::Box { limit: 40 });
        assert_eq!(s.text.as_deref(), Some("Hi Ann, thanks!"));
    }

    #[test]
    fn a_rule_can_pin_a_built_in_template() {
        let (settings, p) = Settings::from_json(r#"{"rules": [{"when": {}, "then": {"template": "generic.de.short"}}]}"#);
        assert!(p.is_empty(), "{p:?}");
        let s = decide(&inv("Ann Lee", "Teacher", None), &settings);
        assert_eq!((s.template.as_deref(), s.language.as_str()), (Some("generic.de.short"), "de"));
    }
    /// A large mutual count reads as the reply's language writes numbers.
    #[test]
    fn mutual_counts_grouped_in_the_reply_language() {
        let inv = Invitation { name: "Priya Nair".into(), mutual_connections: Some(1234), ..Invitation::default() };
        for (lang, want) in [("en", "1,234"), ("de", "1.234"), ("fr", "1\u{202f}234"), ("es", "1234")] {
            let settings = Settings { language: lang.into(), ..Settings::default() };
            let text = decide(&inv, &settings).text.unwrap_or_default();
            assert!(text.contains(want), "{lang}: {text}");
        }
    }
}
