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
use crate::rules::{first_match, Facts};
use crate::settings::Variant;
use crate::shim::template::{default_template, template_languages, Template, Values, Variant as TemplateVariant};
use crate::shim::{lang, names};
use crate::snapshot::fold_whitespace;
use crate::{Action, Category, Invitation, Settings, Suggestion, MESSAGE_LIMIT};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Every category, for walking the built-in templates.
const CATEGORIES: [Category; 8] =
    [Category::Known, Category::Spam, Category::Recruiter, Category::Sales, Category::Mutual, Category::Personalized, Category::Generic, Category::NotAPerson];

/// The built-in templates, parsed once.
struct Defaults {
    /// (template id, language, variant) → template.
    by_id: HashMap<(&'static str, &'static str, Variant), Template>,
    /// (category, variant) → template id (the same in every language).
    ids: HashMap<(Category, Variant), &'static str>,
    all_ids: Vec<&'static str>,
}

fn defaults() -> &'static Defaults {
    static DEFAULTS: OnceLock<Defaults> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        let mut d = Defaults { by_id: HashMap::new(), ids: HashMap::new(), all_ids: Vec::new() };
        for category in CATEGORIES {
            for variant in [Variant::Short, Variant::Long] {
                for &language in template_languages() {
                    let Some((id, source)) = default_template(category, language, template_variant(variant)) else { continue };
                    // A built-in template that doesn't parse is a bug the tests catch; at run time it is skipped.
                    let Ok(t) = Template::parse(source) else { continue };
                    d.ids.entry((category, variant)).or_insert(id);
                    if !d.all_ids.contains(&id) {
                        d.all_ids.push(id);
                    }
                    d.by_id.insert((id, language, variant), t);
                }
            }
        }
        d
    })
}

fn template_variant(v: Variant) -> TemplateVariant {
    match v {
        Variant::Short => TemplateVariant::Short,
        Variant::Long => TemplateVariant::Long,
    }
}

/// The ids of the built-in templates.
pub fn default_template_ids() -> &'static [&'static str] {
    &defaults().all_ids
}

/// The languages the built-in templates are written in.
pub fn default_languages() -> &'static [&'static str] {
    template_languages()
}

/// The action each category suggests when no rule says otherwise (contract section 2).
pub fn default_action(category: Category) -> Action {
    match category {
        Category::Known => Action::Accept,
        Category::Spam => Action::Report,
        Category::NotAPerson => Action::Ignore,
        Category::Recruiter | Category::Sales | Category::Mutual | Category::Personalized | Category::Generic => Action::Reply,
    }
}

/// Which template text to use: the user's wording for `id` in `language`, else the built-in one.
enum Source<'a> {
    User(&'a str),
    Builtin(&'a Template),
}

fn find_source<'a>(settings: &'a Settings, id: &str, language: &str, variant: Variant) -> Option<Source<'a>> {
    if let Some(src) = settings.templates.get(id).and_then(|t| t.get(language)).and_then(|s| s.get(variant)) {
        return Some(Source::User(src));
    }
    let d = defaults();
    let other = match variant {
        Variant::Short => Variant::Long,
        Variant::Long => Variant::Short,
    };
    // The built-in map is keyed by &'static str; look the id up among the known ones.
    let id = *d.all_ids.iter().find(|i| **i == id)?;
    let language = *template_languages().iter().find(|l| **l == language)?;
    d.by_id.get(&(id, language, variant)).or_else(|| d.by_id.get(&(id, language, other))).map(Source::Builtin)
}

fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        other => other,
    }
}

/// How to greet: the page's first name when given, else one derived from the full name.
fn first_name_of(inv: &Invitation) -> Option<String> {
    inv.first_name
        .as_deref()
        .map(fold_whitespace)
        .filter(|f| !f.is_empty())
        .or_else(|| names::first_name(&inv.name))
}

/// Decides the category, action and wording for one invitation.
pub fn decide(inv: &Invitation, settings: &Settings) -> Suggestion {
    let class = classify(inv, settings);
    let mut reasons = class.reasons;
    let first_name = first_name_of(inv);
    let note = inv.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let note_language = note.and_then(lang::detect);
    let facts_language = note_language.unwrap_or(settings.language.as_str());

    // Rules first, then the category's defaults.
    let headline = Words::new(inv.headline.as_deref().unwrap_or(""));
    let note_words = Words::new(note.unwrap_or(""));
    let facts = Facts {
        category: class.category,
        personal_note: class.personal_note,
        mutual: inv.mutual_connections,
        name: &inv.name,
        headline: &headline,
        note: &note_words,
        language: facts_language,
    };
    let (category, action, rule_template) = match first_match(&settings.rules, &facts) {
        Some((i, rule)) => {
            let label = if rule.name.trim().is_empty() { format!("your rule {} matched", i + 1) } else { format!("your rule \"{}\" matched", rule.name.trim()) };
            reasons.push(label);
            let category = rule.then.category.unwrap_or(class.category);
            (category, rule.then.action.unwrap_or_else(|| default_action(category)), rule.then.template.clone())
        }
        None => (class.category, default_action(class.category), None),
    };

    let mut suggestion = Suggestion {
        category,
        action,
        first_name: first_name.clone(),
        language: settings.language.clone(),
        text: None,
        template: None,
        reasons,
        limit: MESSAGE_LIMIT,
    };
    let variant = settings.variant;
    let d = defaults();
    // A rule may ask a reply of a category with no template of its own: the generic one serves.
    let id: String = match rule_template {
        Some(t) => t,
        None => match d.ids.get(&(category, variant)).or_else(|| d.ids.get(&(Category::Generic, variant))) {
            Some(id) => (*id).to_owned(),
            None => category_key(category).to_owned(),
        },
    };
    // The note's language if the template speaks it, else the settings' one, else English.
    let candidates = [note_language, Some(settings.language.as_str()), Some("en")];
    let chosen = candidates.into_iter().flatten().find_map(|l| find_source(settings, &id, l, variant).map(|s| (l, s)));
    if let Some(l) = note_language {
        if chosen.as_ref().is_some_and(|(c, _)| *c == l) && l != settings.language {
            suggestion.reasons.push(format!("wrote in {}", language_name(l)));
        }
    }
    if let Some((l, _)) = &chosen {
        suggestion.language = (*l).to_owned();
    }
    if action != Action::Reply {
        return suggestion;
    }
    let Some((_, source)) = chosen else {
        suggestion.reasons.push(format!("no template \"{id}\" to word a reply with"));
        return suggestion;
    };
    let parsed;
    let template = match source {
        Source::Builtin(t) => t,
        Source::User(src) => match Template::parse(src) {
            Ok(t) => {
                parsed = t;
                &parsed
            }
            Err(_) => {
                suggestion.reasons.push(format!("your template \"{id}\" has an error"));
                return suggestion;
            }
        },
    };
    let sign_off = if settings.sign_off.trim().is_empty() { None } else { Template::parse(&settings.sign_off).ok() };
    let mut values = Values::for_invitation(inv, &settings.me);
    values.first_name = first_name.unwrap_or_default();
    let text = fit(template, sign_off.as_ref(), &mut values, MESSAGE_LIMIT as usize);
    suggestion.text = Some(text);
    suggestion.template = Some(id);
    suggestion
}

/// Renders the template, and while the text is longer than `limit` characters shortens what
/// came from the invitation (the longest of note, topic, headline, company, name first), then
/// cuts at a word. Values are cut before they go in, so no placeholder is ever cut in half.
fn fit(template: &Template, sign_off: Option<&Template>, values: &mut Values, limit: usize) -> String {
    let full = |v: &Values| {
        let mut text = template.render(v).trim_end().to_owned();
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
        let Some(field) = fields.into_iter().max_by_key(|f| f.chars().count()).filter(|f| !f.is_empty()) else { break };
        let keep = field.chars().count().saturating_sub(over + 1);
        *field = shorten(field, keep);
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
    let cut: String = s.chars().take(max).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i * 5 >= cut.len() * 4 => cut[..i].trim_end().to_owned(),
        _ => cut,
    };
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
