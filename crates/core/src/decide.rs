//! From an invitation and the settings to a suggestion.

use crate::{Action, Category, Invitation, Settings, Suggestion, MESSAGE_LIMIT};

/// Decides the category, action and wording for one invitation.
pub fn decide(inv: &Invitation, settings: &Settings) -> Suggestion {
    let first = inv.first_name.clone().or_else(|| inv.name.split_whitespace().next().map(str::to_owned));
    let personal = inv.note.as_deref().is_some_and(|n| !n.trim().is_empty());
    let category = if personal { Category::Personalized } else { Category::Generic };
    let greeting = match &first {
        Some(f) => format!("Hi {f},"),
        None => "Hi,".to_owned(),
    };
    let mut text = format!("{greeting}\n\nThank you for the invitation. I would be glad to talk");
    if settings.me.email.is_empty() {
        text.push_str(": just reply here.");
    } else {
        text.push_str(&format!(": write to me at {}.", settings.me.email));
    }
    text.push_str("\n\nI keep my LinkedIn network to people I know well or have worked with, so I won't accept just yet. Not never, just not yet.");
    if !settings.me.name.is_empty() {
        text.push_str(&format!("\n\nBest,\n{}", settings.me.name));
    }
    Suggestion {
        category,
        action: Action::Reply,
        first_name: first,
        language: settings.language.clone(),
        text: Some(text),
        template: Some(if personal { "personalized" } else { "generic" }.into()),
        reasons: vec![if personal { "wrote a personal note".into() } else { "sent no personal note".into() }],
        limit: MESSAGE_LIMIT,
    }
}
