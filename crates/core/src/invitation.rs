//! What was read from a page: one invitation (the JSON shape: docs/formats.md).

use serde::{Deserialize, Serialize};

/// Who or what is inviting: a person to connect, or something to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Person,
    Company,
    School,
    Group,
    Event,
    Newsletter,
    Page,
}

/// An invitation, as read from a page or given on the command line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Invitation {
    /// Always `linkedin` for now; kept so other sites can follow.
    pub site: String,
    pub kind: Kind,
    pub name: String,
    /// How to greet them; derived from `name` when absent.
    pub first_name: Option<String>,
    pub headline: Option<String>,
    /// The whole personal note, `None` when there is none.
    pub note: Option<String>,
    pub mutual_connections: Option<u32>,
    pub profile_url: Option<String>,
    /// As the page says it ("2 weeks ago").
    pub sent: Option<String>,
}
