//! Any text as a settings file: reading never panics, what it keeps reads back without a
//! problem, and deciding with it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use notyet_core::{decide, Invitation, Settings};

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let (settings, _problems) = Settings::from_json(json);
    let (again, problems) = Settings::from_json(&settings.to_json());
    assert!(problems.is_empty(), "kept settings report {problems:?}");
    assert_eq!(again, settings);
    let inv = Invitation {
        name: "Dr. Jane Doe, PhD".into(),
        headline: Some("Recruiter at Acme".into()),
        note: Some("Hi, I read your post about networking and would like to connect.".into()),
        mutual_connections: Some(12),
        ..Invitation::default()
    };
    let _ = decide(&inv, &settings);
});
