//! The side panel's fixture pages (tests/fixtures/panel), read natively: every rendered card is
//! found with its Accept, Ignore and (with a note) Reply controls, every category occurs, and the
//! count the page announces is read.

mod support;

use notyet_core::panel::{counts, merge, triage, ROW_LIMIT};
use notyet_core::{Action, Category, Settings};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use support::snapshot_of;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/panel")
}

fn load(name: &str) -> (notyet_core::snapshot::Snapshot, Value) {
    let d = dir();
    let html = std::fs::read_to_string(d.join(format!("{name}.html"))).expect("fixture exists (python3 make_panel_fixtures.py)");
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(d.join(format!("{name}.json"))).expect("spec exists")).expect("spec parses");
    let url = spec["url"].as_str().expect("url").to_owned();
    (snapshot_of(&html, &url, &d).snapshot, spec)
}

fn settings() -> Settings {
    Settings::from_json(&std::fs::read_to_string(dir().join("settings.json")).expect("settings exist")).0
}

#[test]
fn forty_invitations_every_category_with_their_controls() {
    let (snap, spec) = load("panel-40");
    let t = triage(&snap, &settings());
    let people = spec["people"].as_array().expect("people");
    assert_eq!(t.rows.len(), people.len());
    assert_eq!(t.announced, Some(40));
    for (row, p) in t.rows.iter().zip(people) {
        assert_eq!(row.invitation.name, p["name"].as_str().expect("name"));
        assert_eq!(serde_json::to_value(row.category).expect("category"), p["category"], "{}", row.invitation.name);
        assert!(row.controls.accept.is_some() && row.controls.ignore.is_some(), "{}: {:?}", row.invitation.name, row.controls);
        assert_ne!(row.controls.accept, row.controls.ignore);
        assert_eq!(row.controls.reply.is_some(), row.invitation.note.is_some(), "{}: {:?}", row.invitation.name, row.controls);
        assert_eq!(row.key, p["href"].as_str().expect("href"));
    }
    let categories: BTreeSet<String> = t.rows.iter().map(|r| serde_json::to_string(&r.category).expect("category")).collect();
    assert_eq!(categories.len(), 8, "{categories:?}");
    let c = counts(&t.rows);
    assert!(c.iter().all(|(_, n)| *n > 0), "{c:?}");
    assert!(t.rows.iter().any(|r| r.category == Category::Spam && r.action == Action::Report));
}

#[test]
fn three_hundred_renders_ten_and_announces_all() {
    let (snap, spec) = load("panel-300");
    let t = triage(&snap, &settings());
    assert_eq!(t.rows.len(), spec["rendered"].as_u64().expect("rendered") as usize);
    assert_eq!(t.announced, Some(300));
    // A second reading without the first three: they are kept, marked gone.
    let (merged, cut) = merge(&t.rows, notyet_core::panel::Triage { rows: t.rows[3..].to_vec(), announced: t.announced }, ROW_LIMIT);
    assert_eq!((merged.rows.len(), cut), (10, 0));
    assert_eq!(merged.rows.iter().filter(|r| r.gone).count(), 3);
}

#[test]
fn the_page_fixtures_controls_are_found_too() {
    // The ordinary page fixtures: Ember cards and the 2026 cards read the same way.
    let pages = support::fixtures_dir();
    for name in ["new-list-mixed", "ember-list", "new-reply-light"] {
        let html = std::fs::read_to_string(pages.join(format!("{name}.html"))).expect("fixture");
        let snap = snapshot_of(&html, "https://www.linkedin.com/mynetwork/invitation-manager/received/", &pages).snapshot;
        let t = triage(&snap, &Settings::default());
        assert!(!t.rows.is_empty(), "{name}");
        for r in &t.rows {
            assert!(r.controls.accept.is_some() && r.controls.ignore.is_some(), "{name} {}: {:?}", r.invitation.name, r.controls);
        }
    }
}

/// The announced count the way the received list shows it in other projects' saved 2026 markup
/// (tests/fixtures/outside, mcp-received-*): the bucket picker's "Focused (4)" first, category
/// radios after ("Verified (1)"), the picker's closed menu hidden ("Other (3)"). A checked
/// category radio filters the list, so its count is the list's.
#[test]
fn the_announced_count_is_the_pickers_or_a_checked_categorys() {
    let outside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/outside");
    let url = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
    let read = |html: &str| triage(&snapshot_of(html, url, &outside).snapshot, &Settings::default()).announced;
    for (name, want) in [("mcp-received-2026", 4), ("mcp-received-filters", 1), ("mcp-received-count-mismatch", 2)] {
        let html = std::fs::read_to_string(outside.join(format!("{name}.html"))).expect("outside page");
        assert_eq!(read(&html), Some(want), "{name}");
    }
    let html = std::fs::read_to_string(outside.join("mcp-received-2026.html")).expect("outside page");
    let mutual = html.replacen(
        "<div role=\"radio\" aria-checked=\"false\" tabindex=\"0\">\n        <input aria-hidden=\"true\" type=\"checkbox\" />\n        Mutual Connections (1)",
        "<div role=\"radio\" aria-checked=\"true\" tabindex=\"0\">\n        <input aria-hidden=\"true\" type=\"checkbox\" checked />\n        Mutual Connections (12)",
        1,
    );
    assert_ne!(mutual, html, "the page has the Mutual Connections radio");
    assert_eq!(read(&mutual), Some(12), "a checked category's count is the list's");
    // The picker's menu, once open, shows "Other (3)" after "Focused (4)": still the picker's own count.
    assert_eq!(read(&html.replacen("role=\"menu\" hidden", "role=\"menu\"", 1)), Some(4));
}

/// A filtered list (`/received/PEOPLE_WITH_MUTUAL_CONNECTION/`) shows a chip per filter, "All (12)"
/// first (browser-use/browser-harness, domain-skills/linkedin: the active chip "mirrors the URL"):
/// the list's count is the active chip's, never the first; with no chip marked active, none.
/// The chips here are the outside filter page's radios, relabelled; how the live page marks the
/// active one is not known, so each mark the reader takes is tried.
#[test]
fn a_filtered_lists_count_is_its_active_chips_not_the_first() {
    let outside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/outside");
    let html = std::fs::read_to_string(outside.join("mcp-received-filters.html")).expect("outside page");
    let mutual = "https://www.linkedin.com/mynetwork/invitation-manager/received/PEOPLE_WITH_MUTUAL_CONNECTION/";
    let read = |html: &str, url: &str| triage(&snapshot_of(html, url, &outside).snapshot, &Settings::default()).announced;
    let chips = html.replacen("Focused (1)", "All (12)", 1).replacen("Mutual Connections (1)", "Mutual Connections (3)", 1);
    assert_ne!(chips, html);
    let radio = "<div role=\"radio\" aria-checked=\"false\" tabindex=\"0\">\n        <input aria-hidden=\"true\" type=\"checkbox\" />\n        Mutual Connections (3)\n      </div>";
    assert!(chips.contains(radio), "the page has the Mutual Connections radio");
    // Unfiltered, the first count is the list's, as before; filtered with no chip marked, none.
    assert_eq!(read(&chips, "https://www.linkedin.com/mynetwork/invitation-manager/received/"), Some(12));
    assert_eq!(read(&chips, mutual), None, "the first chip's count is not the filtered list's");
    let marked = |chip: &str| read(&chips.replacen(radio, chip, 1), mutual);
    let pressed = "<button type=\"button\" aria-pressed=\"true\"><span>Mutual Connections (3)</span></button>";
    assert_eq!(marked(pressed), Some(3), "a pressed chip");
    let checked = radio.replacen("aria-checked=\"false\"", "aria-checked=\"true\"", 1);
    assert_eq!(marked(&checked), Some(3), "a checked radio");
}

#[test]
fn the_warm_up_page_holds_one_invitation_of_each_category() {
    let snap = notyet_core::snapshot::Snapshot::from_json(notyet_core::panel::WARM_PAGE).expect("the warm-up page parses");
    let t = triage(&snap, &settings());
    let categories: BTreeSet<String> = t.rows.iter().map(|r| serde_json::to_string(&r.category).expect("category")).collect();
    assert_eq!((t.rows.len(), categories.len()), (8, 8), "{categories:?}");
}

/// The panel's first list decides only the rows in view and the rest a task later
/// (`triage_first`, `Progress::finish`): once finished, the rows are exactly `triage`'s (keys,
/// order, duplicates left out, controls, decisions, the announced count) on every fixture page,
/// the panel's, ours and the outside ones, and on a generated page of 300 cards; merged first
/// (a list cut at its end), the rows kept are the same too.
#[test]
fn the_first_list_then_the_rest_is_the_whole_triage() {
    let mut pages: Vec<(String, notyet_core::snapshot::Snapshot)> = Vec::new();
    for d in [dir(), support::fixtures_dir(), support::outside_dir()] {
        let mut names: Vec<_> =
            std::fs::read_dir(&d).expect("dir").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "html")).collect();
        names.sort();
        for path in names {
            let spec: Value = std::fs::read_to_string(path.with_extension("json")).ok().and_then(|j| serde_json::from_str(&j).ok()).unwrap_or(Value::Null);
            let url = spec["url"].as_str().unwrap_or("https://www.linkedin.com/mynetwork/invitation-manager/received/");
            let html = std::fs::read_to_string(&path).expect("page");
            pages.push((path.display().to_string(), snapshot_of(&html, url, &d).snapshot));
        }
    }
    let big = support::new_layout_page(300);
    pages.push(("300 cards".into(), snapshot_of(&big, "https://www.linkedin.com/mynetwork/invitation-manager/received/", &dir()).snapshot));
    let mut rows_seen = 0;
    for settings in [settings(), Settings::default()] {
        for (name, snap) in &pages {
            let whole = triage(snap, &settings);
            rows_seen += whole.rows.len();
            for first in [0, 1, 3, 14, usize::MAX] {
                let (mut fresh, progress) = notyet_core::panel::triage_first(snap.clone(), &settings, first);
                assert_eq!(fresh.announced, whole.announced, "{name}");
                assert_eq!(
                    fresh.rows.iter().map(|r| &r.key).collect::<Vec<_>>(),
                    whole.rows.iter().map(|r| &r.key).collect::<Vec<_>>(),
                    "{name}: keys at once"
                );
                let decided = fresh.rows.iter().take_while(|r| !r.pending).count();
                assert!(decided >= first.min(whole.rows.len()), "{name}: the first {first} decided at once");
                assert_eq!(progress.done(), fresh.rows.iter().all(|r| !r.pending), "{name}");
                let (mut cut, _) = merge(&[], fresh.clone(), 5);
                progress.finish(&mut fresh.rows, &settings);
                assert_eq!(fresh.rows, whole.rows, "{name}, first {first}");
                // The same reading merged and cut at 5 rows before it is finished.
                let (_, again) = notyet_core::panel::triage_first(snap.clone(), &settings, first);
                again.finish(&mut cut.rows, &settings);
                assert_eq!(cut.rows.as_slice(), &whole.rows[..whole.rows.len().min(5)], "{name}, cut, first {first}");
            }
        }
    }
    assert!(rows_seen > 700, "{rows_seen}");
}
