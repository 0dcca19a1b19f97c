//! What the core decides for one invitation (the JSON shape: docs/formats.md).

use crate::reason::Reason;
use serde::{Deserialize, Serialize};

/// The kind of invitation, which picks the default action and template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Known,
    Spam,
    Recruiter,
    Sales,
    Mutual,
    Personalized,
    Generic,
    NotAPerson,
}

/// What the user is advised to do. Only `Reply` carries a text; NotYet never acts by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Accept,
    Reply,
    Ignore,
    Report,
}

impl Category {
    /// Every category, in the order of [`Category::NAMES`].
    pub const ALL: [Category; 8] = [
        Category::Known,
        Category::Spam,
        Category::Recruiter,
        Category::Sales,
        Category::Mutual,
        Category::Personalized,
        Category::Generic,
        Category::NotAPerson,
    ];
    /// Their JSON names, as serialized.
    pub const NAMES: &'static [&'static str] = &["known", "spam", "recruiter", "sales", "mutual", "personalized", "generic", "not_a_person"];

    /// Its JSON name.
    pub fn name(self) -> &'static str {
        Category::NAMES[self as usize]
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::by_name(d, Category::NAMES, &Category::ALL)
    }
}

impl Action {
    /// Every action, in the order of [`Action::NAMES`].
    pub const ALL: [Action; 4] = [Action::Accept, Action::Reply, Action::Ignore, Action::Report];
    /// Their JSON names, as serialized.
    pub const NAMES: &'static [&'static str] = &["accept", "reply", "ignore", "report"];

    /// Its JSON name.
    pub fn name(self) -> &'static str {
        Action::NAMES[self as usize]
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::by_name(d, Action::NAMES, &Action::ALL)
    }
}

/// The decision and, for a reply, its wording. Serialized for the CLI and the tests only (the
/// reasons as their English words); nothing reads one back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub category: Category,
    pub action: Action,
    pub first_name: Option<String>,
    /// ISO 639-1 code of `text`.
    pub language: String,
    pub text: Option<String>,
    /// The id of the template that produced `text`.
    pub template: Option<String>,
    /// Why, in the order the decision was made; worded at the edge ([`Say`](crate::words::Say)).
    pub reasons: Vec<Reason>,
    /// The most characters the place this text goes to accepts.
    pub limit: u32,
}

/// A LinkedIn message holds at most this many characters.
pub const MESSAGE_LIMIT: u32 = 8000;

/// Where a text goes, which sets how long it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// A LinkedIn message: 8,000 characters.
    #[default]
    Message,
    /// The note sent with an invitation: 300 characters with Premium, 200 without.
    InvitationNote { premium: bool },
    /// A box that states its own maximum (`maxlength`).
    Box { limit: u32 },
}

impl Place {
    /// The most characters this place accepts.
    pub fn limit(self) -> u32 {
        match self {
            Place::Message => MESSAGE_LIMIT,
            Place::InvitationNote { premium: true } => 300,
            Place::InvitationNote { premium: false } => 200,
            Place::Box { limit } => limit,
        }
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;
    use crate::Variant;

    /// The names read back are the names written, and an unknown one is refused as serde would.
    #[test]
    fn enums_read_back_the_names_they_write() {
        for (c, n) in Category::ALL.iter().zip(Category::NAMES) {
            assert_eq!(serde_json::to_string(c).ok(), Some(format!("\"{n}\"")));
            assert_eq!(serde_json::from_str::<Category>(&format!("\"{n}\"")).ok(), Some(*c));
        }
        for (a, n) in Action::ALL.iter().zip(Action::NAMES) {
            assert_eq!(serde_json::to_string(a).ok(), Some(format!("\"{n}\"")));
            assert_eq!(serde_json::from_str::<Action>(&format!("\"{n}\"")).ok(), Some(*a));
        }
        for v in [Variant::Short, Variant::Long] {
            let json = serde_json::to_string(&v).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Variant>(&json).ok(), Some(v));
            assert_eq!(json, format!("\"{}\"", v.name()));
        }
        for c in Category::ALL {
            assert_eq!(serde_json::to_string(&c).ok(), Some(format!("\"{}\"", c.name())));
        }
        for a in Action::ALL {
            assert_eq!(serde_json::to_string(&a).ok(), Some(format!("\"{}\"", a.name())));
        }
        for f in [crate::Field::Headline, crate::Field::Note, crate::Field::Any] {
            assert_eq!(serde_json::to_string(&f).ok(), Some(format!("\"{}\"", f.name())));
        }
        let e = serde_json::from_str::<Category>("\"friend\"").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("unknown variant `friend`, expected one of `known`"), "{e}");
        assert!(serde_json::from_str::<Action>("3").is_err());
    }
}
