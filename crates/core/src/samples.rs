//! Built-in sample invitations for the options page's live preview: at least one for every
//! category, so a user can see what each of their templates and rules drafts without waiting
//! for a real invitation.
//!
//! `known` depends on the user's own lists: its sample is previewed as if the inviter were in
//! them ([`Sample::settings_for`]), which the page says next to the sample's name.

use std::borrow::Cow;

use serde_json::Value;

use crate::{Category, Invitation, Kind, Settings};

/// One sample invitation and the category it shows with the default settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Stable id (`recruiter-en`), also the options page's message key (`sample_recruiter_en`).
    pub id: &'static str,
    pub category: Category,
    pub invitation: Invitation,
}

impl Sample {
    /// The settings to preview this sample with: the user's own, and for the `known` sample the
    /// inviter added to the known people (on a copy; nothing is saved).
    pub fn settings_for<'s>(&self, settings: &'s Settings) -> Cow<'s, Settings> {
        if self.category != Category::Known {
            return Cow::Borrowed(settings);
        }
        let mut s = settings.clone();
        s.known.people.push(self.invitation.name.clone());
        Cow::Owned(s)
    }
}

fn person(name: &str, headline: &str, note: Option<&str>, mutual: Option<u32>) -> Invitation {
    Invitation {
        site: "linkedin".into(),
        kind: Kind::Person,
        name: name.into(),
        headline: Some(headline.into()).filter(|h: &String| !h.is_empty()),
        note: note.map(Into::into),
        mutual_connections: mutual,
        sent: Some("1 week ago".into()),
        ..Invitation::default()
    }
}

/// Every built-in sample, in the order the options page lists them.
pub fn samples() -> Vec<Sample> {
    let s = |id, category, invitation| Sample { id, category, invitation };
    vec![
        s("personalized_en", Category::Personalized, person("Kathie Smith", "Product designer",
            Some("Hi, I read your post about accessible forms and liked the examples you gave. Would love to connect and swap notes."), Some(3))),
        s("personalized_de", Category::Personalized, person("Lena Hoffmann", "Produktmanagerin bei Beispiel GmbH",
            Some("Hallo, ich habe Ihren Vortrag über barrierefreie Formulare gesehen und fand die Beispiele sehr hilfreich. Ich würde mich freuen, in Kontakt zu bleiben."), Some(1))),
        s("personalized_fr", Category::Personalized, person("Camille Laurent", "Designer UX chez Exemple SA",
            Some("Bonjour, j'ai lu votre article sur les formulaires accessibles et j'ai trouvé vos exemples très utiles. Je serais ravie d'échanger avec vous."), Some(2))),
        s("generic_en", Category::Generic, person("Tom Baker", "Software engineer", None, Some(2))),
        s("mutual_en", Category::Mutual, person("Priya Nair", "Data scientist", None, Some(24))),
        s("recruiter_en", Category::Recruiter, person("Sam Carter", "Technical Recruiter | Hiring Rust engineers",
            Some("Hi, I'm a recruiter with an exciting opportunity for a senior Rust role. Are you open to new opportunities?"), Some(4))),
        s("sales_en", Category::Sales, person("Alex Morgan", "Founder at GrowthLeads | We help B2B companies get more clients",
            Some("Hi, we help companies like yours generate more leads. Do you have 15 minutes for a quick call this week?"), Some(0))),
        s("spam_en", Category::Spam, person("Mia Cruz", "Model",
            Some("Check out my OnlyFans, link in my profile"), None)),
        s("known_en", Category::Known, person("Jane Doe", "Engineering manager", Some("Great working with you last year!"), Some(40))),
        s("not_a_person_en", Category::NotAPerson, Invitation {
            site: "linkedin".into(),
            kind: Kind::Newsletter,
            name: "Rust Weekly".into(),
            headline: Some("A newsletter about the Rust language".into()),
            ..Invitation::default()
        }),
    ]
}

/// An invitation pasted into the preview (an Invitation's JSON, already parsed), read
/// as serde's derive reads it: absent keys and `null`s default, unknown keys are ignored.
///
/// By hand because the options page's module would otherwise carry a typed deserialiser for
/// `Invitation` of its own (~9 KB), beside the JSON value parser it needs anyway. The tests
/// hold it to the derive. An error names the key and what was wrong.
pub fn read_invitation(v: &Value) -> Result<Invitation, (String, String)> {
    let Value::Object(map) = v else {
        return Err(("$".into(), "expected an object".into()));
    };
    let mut inv = Invitation::default();
    for (key, value) in map {
        let bad = |what: &str| (key.clone(), format!("expected {what}"));
        let optional = match key.as_str() {
            "first_name" => &mut inv.first_name,
            "headline" => &mut inv.headline,
            "note" => &mut inv.note,
            "profile_url" => &mut inv.profile_url,
            "sent" => &mut inv.sent,
            "site" | "name" => {
                let Value::String(s) = value else {
                    return Err(bad("a string"));
                };
                *(if key == "site" { &mut inv.site } else { &mut inv.name }) = s.clone();
                continue;
            }
            "kind" => {
                inv.kind = value.as_str().and_then(Kind::from_name).ok_or_else(|| bad("person, company, school, group, event, newsletter or page"))?;
                continue;
            }
            "mutual_connections" => {
                inv.mutual_connections = match value {
                    Value::Null => None,
                    _ => Some(value.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| bad("a whole number"))?),
                };
                continue;
            }
            _ => continue,
        };
        *optional = match value {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            _ => return Err(bad("a string")),
        };
    }
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide;

    #[test]
    fn a_pasted_invitation_reads_as_serde_reads_it() {
        let full = r#"{"site": "linkedin", "kind": "newsletter", "name": "Rust Weekly", "first_name": null,
            "headline": "News", "note": "Hi", "mutual_connections": 4, "profile_url": "https://x.example", "sent": "1 day ago", "extra": [1]}"#;
        for text in [full, "{}", r#"{"name": "Kathie Smith", "mutual_connections": null}"#, r#"{"kind": "page", "note": null}"#] {
            let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            let derived: Option<Invitation> = serde_json::from_str(text).ok();
            assert_eq!(read_invitation(&v).ok(), derived, "{text}");
        }
        for kind in [Kind::Person, Kind::Company, Kind::School, Kind::Group, Kind::Event, Kind::Newsletter, Kind::Page] {
            let v = serde_json::json!({ "kind": kind });
            assert_eq!(read_invitation(&v).map(|i| i.kind), Ok(kind));
        }
        for text in [
            r#"{"name": 3}"#,
            r#"{"name": null}"#,
            r#"{"note": 1}"#,
            r#"{"kind": "robot"}"#,
            r#"{"mutual_connections": -1}"#,
            r#"{"mutual_connections": 1.5}"#,
            r#"{"mutual_connections": 5000000000}"#,
            "[]",
            "3",
        ] {
            let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            assert!(serde_json::from_str::<Invitation>(text).is_err() || text == "[]", "{text}");
            assert!(read_invitation(&v).is_err(), "{text}");
        }
        assert_eq!(read_invitation(&serde_json::json!({ "note": 1 })), Err(("note".into(), "expected a string".into())));
    }

    #[test]
    fn every_category_has_a_sample_that_shows_it() {
        let settings = Settings::default();
        for category in Category::ALL {
            assert!(samples().iter().any(|s| s.category == category), "no sample for {category:?}");
        }
        for sample in samples() {
            let got = decide(&sample.invitation, &sample.settings_for(&settings));
            assert_eq!(got.category, sample.category, "{}: {:?}", sample.id, got.reasons);
        }
    }

    #[test]
    fn samples_hold_with_a_filled_in_profile() {
        let (settings, _) = Settings::from_json(r#"{"me": {"name": "Pat Example", "email": "pat@example.com"}, "known": {"people": ["Someone Else"]}}"#);
        for sample in samples() {
            let got = decide(&sample.invitation, &sample.settings_for(&settings));
            assert_eq!(got.category, sample.category, "{}: {:?}", sample.id, got.reasons);
            assert_eq!(got.text.is_some(), crate::default_action(sample.category) == crate::Action::Reply, "{}", sample.id);
        }
    }

    #[test]
    fn ids_are_unique_message_keys() {
        let ids: Vec<&str> = samples().iter().map(|s| s.id).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert!(ids.iter().all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
    }
}
