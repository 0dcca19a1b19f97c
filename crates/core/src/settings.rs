//! The user's settings (contract section 3, plus rules and templates).

use serde::{Deserialize, Serialize};

/// Everything the core decides from. Every key is optional in a file: absent keys take defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    pub me: Me,
    pub known: Known,
    pub mutual_threshold: u32,
    /// ISO 639-1 code used when the note's language is unclear.
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Me {
    pub name: String,
    pub email: String,
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Known {
    pub people: Vec<String>,
    pub companies: Vec<String>,
    pub schools: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { version: 1, me: Me::default(), known: Known::default(), mutual_threshold: 10, language: "en".into() }
    }
}

/// A problem found in a settings file, at its JSON path (`$.me.email`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Settings {
    /// Reads settings leniently: what is broken falls back to its default, and is reported.
    pub fn from_json(json: &str) -> (Settings, Vec<Problem>) {
        match serde_json::from_str::<Settings>(json) {
            Ok(s) => (s, Vec::new()),
            Err(e) => (Settings::default(), vec![Problem { path: "$".into(), message: e.to_string() }]),
        }
    }
}
