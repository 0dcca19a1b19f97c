//! A rule may pick the reply's length (`"then": {"variant": "short"}`): read leniently, used by
//! the decision, and overridden by a length asked for on the notice.

use notyet_core::samples::samples;
use notyet_core::{decide, Settings, Variant};

fn recruiter() -> notyet_core::Invitation {
    samples().into_iter().find(|s| s.id == "recruiter_en").expect("a recruiter sample").invitation
}

#[test]
fn a_rule_picks_the_short_wording_and_settings_without_it_read_as_before() {
    let (plain, problems) = Settings::from_json(r#"{"variant": "long", "rules": [{"when": {"category": ["recruiter"]}, "then": {"action": "reply"}}]}"#);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(plain.rules[0].then.variant, None);
    assert_eq!(decide(&recruiter(), &plain).template.as_deref(), Some("recruiter.en.long"));

    let (short, problems) =
        Settings::from_json(r#"{"variant": "long", "rules": [{"when": {"category": ["recruiter"]}, "then": {"action": "reply", "variant": "short"}}]}"#);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(short.rules[0].then.variant, Some(Variant::Short));
    assert_eq!(decide(&recruiter(), &short).template.as_deref(), Some("recruiter.en.short"));
    // Written back as it was read.
    assert!(short.to_json().contains(r#""variant": "short""#));
}

#[test]
fn a_length_alone_is_a_rule_s_outcome_and_a_wrong_one_is_a_problem() {
    let (s, problems) = Settings::from_json(r#"{"rules": [{"when": {"category": ["recruiter"]}, "then": {"variant": "short"}}]}"#);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(decide(&recruiter(), &s).template.as_deref(), Some("recruiter.en.short"));
    let (_, problems) = Settings::from_json(r#"{"rules": [{"when": {"keywords": ["rust"]}, "then": {"action": "reply", "variant": "tiny"}}]}"#);
    assert_eq!(
        problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        ["$.rules[0].then.variant", "$.rules[0]"],
        "the bad length, and the rule left out for it"
    );
}
