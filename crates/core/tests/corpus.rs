//! The decision corpus: one invitation a file in `tests/corpus/`, each with settings overrides
//! and the expected category, action, first name and language. A reply's drafted text is kept
//! beside the case as `NAME.txt`, so that a change of wording shows up as a reviewed diff.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test -p notyet-core --test corpus` rewrites the `.txt` files.

use notyet_core::{decide, Invitation, Settings};
use serde_json::{Map, Value};
use std::fs;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The base settings with the case's top-level keys put over them.
fn settings_for(base: &Value, overrides: Option<&Value>) -> Value {
    let mut merged: Map<String, Value> = base.as_object().cloned().unwrap_or_default();
    if let Some(Value::Object(o)) = overrides {
        for (k, v) in o {
            merged.insert(k.clone(), v.clone());
        }
    }
    Value::Object(merged)
}

const EXPECT_KEYS: &[&str] = &["category", "action", "first_name", "language", "template", "reasons", "allow_first_name_any"];

/// Checks one case; returns what differs, one line each.
fn check_case(name: &str, case: &Value, base: &Value, update: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let settings_json = settings_for(base, case.get("settings"));
    let (settings, problems) = Settings::from_json(&settings_json.to_string());
    if !problems.is_empty() {
        failures.push(format!("settings problems: {problems:?}"));
    }
    let inv: Invitation = match serde_json::from_value(case.get("invitation").cloned().unwrap_or(Value::Null)) {
        Ok(i) => i,
        Err(e) => return vec![format!("invitation does not parse: {e}")],
    };
    let s = decide(&inv, &settings);
    let got = serde_json::to_value(&s).expect("a suggestion serializes");
    let expect = case.get("expect").and_then(Value::as_object).cloned().unwrap_or_default();
    for key in expect.keys() {
        if !EXPECT_KEYS.contains(&key.as_str()) {
            failures.push(format!("unknown expect key {key}"));
        }
    }
    for key in ["category", "action", "language", "first_name", "template"] {
        if key == "first_name" && expect.get("allow_first_name_any").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let Some(want) = expect.get(key) else {
            if key != "template" {
                failures.push(format!("expect.{key} is missing"));
            }
            continue;
        };
        if got.get(key) != Some(want) {
            failures.push(format!("{key}: expected {want}, got {}", got.get(key).unwrap_or(&Value::Null)));
        }
    }
    if let Some(Value::Array(reasons)) = expect.get("reasons") {
        for r in reasons {
            if !r.as_str().is_some_and(|r| s.reasons.iter().any(|x| x.to_string() == r)) {
                failures.push(format!("reason {r} missing from {:?}", s.reasons));
            }
        }
    }
    if s.reasons.is_empty() {
        failures.push("no reasons given".into());
    }
    let snapshot = corpus_dir().join(format!("{name}.txt"));
    match &s.text {
        None => {
            if s.action == notyet_core::Action::Reply {
                failures.push("a reply without text".into());
            }
            if snapshot.exists() {
                failures.push(format!("no text drafted, but {} exists", snapshot.display()));
            }
        }
        Some(text) => {
            if s.action != notyet_core::Action::Reply {
                failures.push(format!("text drafted for action {:?}", s.action));
            }
            if text.chars().count() > s.limit as usize {
                failures.push(format!("text of {} characters passes the limit {}", text.chars().count(), s.limit));
            }
            let inputs = case.get("invitation").map(Value::to_string).unwrap_or_default();
            if !inputs.contains('{') && (text.contains('{') || text.contains('}')) {
                failures.push("text holds a brace: an unresolved placeholder?".into());
            }
            if update {
                fs::write(&snapshot, format!("{text}\n")).expect("snapshot written");
            } else {
                match fs::read_to_string(&snapshot) {
                    Ok(want) if want.strip_suffix('\n').unwrap_or(&want) == text => {}
                    Ok(want) => failures.push(format!("text differs from {}:\n--- expected\n{want}\n--- got\n{text}\n", snapshot.display())),
                    Err(_) => failures.push(format!("no snapshot {} (run with UPDATE_SNAPSHOTS=1)", snapshot.display())),
                }
            }
        }
    }
    failures
}

#[test]
fn corpus() {
    let dir = corpus_dir();
    let base = read_json(&dir.join("_settings.json"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".json") && !f.starts_with('_'))
        .map(|f| f.trim_end_matches(".json").to_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 60, "the corpus holds {} cases, fewer than 60", names.len());
    let mut report = String::new();
    for name in &names {
        let case = read_json(&dir.join(format!("{name}.json")));
        let failures = check_case(name, &case, &base, update);
        if !failures.is_empty() {
            report.push_str(&format!("\n{name}:\n  {}", failures.join("\n  ")));
        }
    }
    // Snapshots whose case is gone would otherwise linger unreviewed.
    for entry in fs::read_dir(&dir).expect("corpus directory").flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = file.strip_suffix(".txt") {
            if !names.iter().any(|n| n == stem) {
                report.push_str(&format!("\n{file}: snapshot without a case"));
            }
        }
    }
    assert!(report.is_empty(), "{} cases, failures:{report}", names.len());
}
