//! What the core decides for one invitation (the JSON shape: docs/formats.md).

use crate::reason::Reason;
use serde::{Deserialize, Serialize};

/// The kind of invitation, which picks the default action and template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Accept,
    Reply,
    Ignore,
    Report,
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
