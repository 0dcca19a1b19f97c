//! The user's rules: ordered conditions and outcomes, tried before the built-in defaults.
//! See [`Rule`] for the JSON shape.

use crate::classify::{mentions, name_words, organisation, same_person, Words};
use crate::{Action, Category, Variant};
use serde::{Deserialize, Serialize};

/// One user rule.
///
/// A rule matches when every condition it gives holds (an empty `when` matches everything);
/// within a list (`keywords`, `name`, `company`, `category`) one entry is enough. The first
/// enabled rule that matches decides; its outcome may change the category, the action and the
/// template, and what it leaves out comes from the built-in defaults for the (new) category.
///
/// ```json
/// { "name": "Recruiters with Rust roles", "enabled": true,
///   "when": { "category": ["recruiter"], "note": true, "mutual_at_least": 2, "mutual_below": 50,
///             "keywords": ["rust", "wasm"], "in": "any", "name": ["Jane"], "company": ["Acme"],
///             "language": "de" },
///   "then": { "action": "reply", "template": "recruiter", "category": "recruiter", "variant": "short" } }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rule {
    /// Shown in the reasons when the rule decides ("your rule \"…\" matched").
    pub name: String,
    /// A disabled rule is kept in the settings but never matches.
    pub enabled: bool,
    pub when: When,
    pub then: Then,
}

impl Default for Rule {
    fn default() -> Self {
        Rule { name: String::new(), enabled: true, when: When::default(), then: Then::default() }
    }
}

/// Conditions; each one left out holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct When {
    /// The built-in category is one of these.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<Category>,
    /// `true`: the note says something of its own; `false`: it doesn't (or there is none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mutual_at_least: Option<u32>,
    /// Fewer shared connections than this; an unknown count is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mutual_below: Option<u32>,
    /// One of these words or phrases (a trailing `*` matches word starts) occurs in `in`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Where `keywords` are looked for.
    #[serde(rename = "in")]
    pub field: Field,
    /// The inviter is one of these people (compared as the known people are).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<String>,
    /// The headline names one of these companies or schools.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub company: Vec<String>,
    /// The note is in this language (ISO 639-1); with no clear note language, the settings' one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Where a rule's keywords are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Headline,
    Note,
    #[default]
    Any,
}

impl Field {
    /// Its JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Field::Headline => "headline",
            Field::Note => "note",
            Field::Any => "any",
        }
    }
}

/// What a matching rule decides; what it leaves out follows the category's defaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Then {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// A template id: the user's own or a built-in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// The reply's length (`"short"` or `"long"`) instead of the settings' one. Optional, so
    /// settings written before it existed read unchanged; a length chosen on the notice wins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<Variant>,
}

/// What rules look at, computed once per invitation.
pub(crate) struct Facts<'a> {
    pub category: Category,
    pub personal_note: bool,
    pub mutual: Option<u32>,
    pub name: &'a str,
    pub headline: &'a Words,
    pub note: &'a Words,
    pub language: &'a str,
}

impl When {
    /// Whether every condition holds for these facts.
    pub(crate) fn matches(&self, f: &Facts) -> bool {
        if !self.category.is_empty() && !self.category.contains(&f.category) {
            return false;
        }
        if self.note.is_some_and(|n| n != f.personal_note) {
            return false;
        }
        if self.mutual_at_least.is_some_and(|n| f.mutual.unwrap_or(0) < n) {
            return false;
        }
        if self.mutual_below.is_some_and(|n| f.mutual.unwrap_or(0) >= n) {
            return false;
        }
        if !self.keywords.is_empty() {
            let fields: &[&Words] = match self.field {
                Field::Headline => &[f.headline],
                Field::Note => &[f.note],
                Field::Any => &[f.headline, f.note],
            };
            if !self.keywords.iter().any(|k| fields.iter().any(|w| mentions(w, k))) {
                return false;
            }
        }
        if !self.name.is_empty() {
            let name = name_words(f.name);
            if !self.name.iter().any(|n| same_person(&name, &name_words(n))) {
                return false;
            }
        }
        if !self.company.is_empty()
            && !self.company.iter().any(|c| {
                let org = organisation(c);
                !org.is_empty() && f.headline.contains(&org)
            })
        {
            return false;
        }
        if self.language.as_deref().is_some_and(|l| l != f.language) {
            return false;
        }
        true
    }
}

/// The first enabled rule that matches, with its position.
pub(crate) fn first_match<'r>(rules: &'r [Rule], facts: &Facts) -> Option<(usize, &'r Rule)> {
    rules.iter().enumerate().find(|(_, r)| r.enabled && r.when.matches(facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(headline: &'a Words, note: &'a Words, mutual: Option<u32>) -> Facts<'a> {
        Facts { category: Category::Recruiter, personal_note: !note.is_empty(), mutual, name: "Dr. Jane Doe", headline, note, language: "en" }
    }

    #[test]
    fn every_given_condition_must_hold() {
        let (h, n) = (Words::new("Talent partner at Acme Corp"), Words::new("We need Rust engineers"));
        let f = facts(&h, &n, Some(5));
        let yes = |w: When| assert!(w.matches(&f), "{w:?}");
        let no = |w: When| assert!(!w.matches(&f), "{w:?}");
        yes(When::default());
        yes(When { category: vec![Category::Sales, Category::Recruiter], ..When::default() });
        no(When { category: vec![Category::Sales], ..When::default() });
        yes(When { keywords: vec!["rust".into()], field: Field::Note, ..When::default() });
        no(When { keywords: vec!["rust".into()], field: Field::Headline, ..When::default() });
        yes(When { keywords: vec!["engineer*".into()], ..When::default() });
        yes(When { mutual_at_least: Some(5), mutual_below: Some(6), ..When::default() });
        no(When { mutual_below: Some(5), ..When::default() });
        yes(When { name: vec!["jane doe".into()], company: vec!["ACME".into()], ..When::default() });
        no(When { company: vec!["Initech".into()], ..When::default() });
        yes(When { note: Some(true), language: Some("en".into()), ..When::default() });
        no(When { language: Some("de".into()), ..When::default() });
    }

    #[test]
    fn the_first_enabled_match_wins() {
        let (h, n) = (Words::new(""), Words::new(""));
        let f = facts(&h, &n, None);
        let rule = |name: &str, enabled| Rule { name: name.into(), enabled, ..Rule::default() };
        let rules = [rule("off", false), rule("first", true), rule("second", true)];
        assert_eq!(first_match(&rules, &f).map(|(i, r)| (i, r.name.as_str())), Some((1, "first")));
        // An unknown count is 0: it is below every threshold and reaches none.
        assert!(When { mutual_below: Some(1), ..When::default() }.matches(&f));
        assert!(!When { mutual_at_least: Some(1), ..When::default() }.matches(&f));
    }
}
