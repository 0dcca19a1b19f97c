//! Properties over generated input: nothing panics, and no draft holds an unresolved placeholder.

use notyet_core::{decide, decide_without_text, Action, Category, Invitation, Kind, Settings};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Text as pages and people write it: any Unicode, with the characters templates treat
/// specially and the words the signals look for well represented.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,80}",
        "[a-zA-ZäöüßéèñçÀ-ÿ ,.!?'\n-]{0,120}",
        prop::collection::vec(
            prop::sample::select(vec![
                "Hi",
                "Pat",
                "recruiter",
                "WhatsApp",
                "crypto",
                "we help",
                "book a call",
                "I'd like to join your professional network",
                "Guten Tag",
                "Sie",
                "vous",
                "usted",
                "Dr.",
                "PhD",
                "(she/her)",
                "Doe, Jane",
                "Acme Corp",
                "🚀",
                "山田",
                "{",
                "}",
                "[",
                "]",
                "{first_name}",
                "{me.email}",
                "|",
                "\u{0}",
                "\u{202e}",
                "  ",
            ]),
            0..12,
        )
        .prop_map(|w| w.join(" ")),
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![Kind::Person, Kind::Person, Kind::Person, Kind::Company, Kind::School, Kind::Group, Kind::Event, Kind::Newsletter, Kind::Page])
}

fn invitation() -> impl Strategy<Value = Invitation> {
    (kind(), text(), prop::option::of(text()), prop::option::of(text()), prop::option::of(text()), prop::option::of(any::<u32>())).prop_map(
        |(kind, name, first_name, headline, note, mutual_connections)| Invitation {
            site: "linkedin".into(),
            kind,
            name,
            first_name,
            headline,
            note,
            mutual_connections,
            ..Invitation::default()
        },
    )
}

/// Settings that parse, including user templates, a sign-off and rules.
fn settings() -> impl Strategy<Value = Settings> {
    let me = (text(), prop::sample::select(vec!["", "pat@example.com"]), prop::sample::select(vec!["", "https://example.com/why"]));
    let lang = prop::sample::select(vec!["en", "de", "fr", "es", "it"]);
    let template = prop::sample::select(vec![
        "Hi {first_name|there},[ mail {me.email}.] Not yet.",
        "{name}: {note}",
        "[{company}] [{note_topic}] {headline}",
        "Hallo {first_name}!",
    ]);
    (me, lang, 0u32..30, any::<bool>(), template, text()).prop_map(|((name, email, link), lang, threshold, short, template, keyword)| {
        let json = json!({
            "me": {"name": name, "email": email, "link": link},
            "known": {"people": ["Jane Doe"], "companies": ["Acme Corp"]},
            "mutual_threshold": threshold,
            "language": lang,
            "variant": if short { "short" } else { "long" },
            "sign_off": "[Best,\n{me.name}]",
            "templates": {"mine": {"en": template, "de": template}},
            "rules": [{"name": "kw", "when": {"keywords": [keyword]}, "then": {"template": "mine"}}],
        });
        Settings::from_json(&json.to_string()).0
    })
}

/// Settings whose rule may name a template that doesn't parse, or one that doesn't exist.
fn settings_with_flaws() -> impl Strategy<Value = Settings> {
    let template = prop::sample::select(vec!["Hi {frist_name}, not yet.", "Hi {first_name, not yet.", "Hi [{first_name}, not yet.", "Hi {first_name|there}."]);
    let named = prop::sample::select(vec!["mine", "missing"]);
    (prop::sample::select(vec!["en", "de", "fr"]), template, named, text(), any::<bool>()).prop_map(|(lang, template, named, keyword, any_note)| {
        let when = if any_note { json!({"mutual_below": 1_000_000}) } else { json!({"keywords": [keyword]}) };
        let json = json!({
            "language": lang,
            "templates": {"mine": {"en": template, "de": template}},
            "rules": [{"name": "r", "when": when, "then": {"template": named, "action": "reply"}}],
        });
        Settings::from_json(&json.to_string()).0
    })
}

/// A template only in another language (no template), and one that no longer parses (settings
/// files are checked when read; a template can still fail where settings are built otherwise).
#[test]
fn the_decision_without_text_keeps_a_template_error_and_a_missing_template() {
    let inv = Invitation { name: "Ann Lee".into(), headline: Some("Teacher".into()), ..Invitation::default() };
    let json = json!({"templates": {"mine": {"de": "Hallo."}}, "rules": [{"name": "r", "when": {"mutual_below": 5}, "then": {"template": "mine", "action": "reply"}}]});
    let mut settings = Settings::from_json(&json.to_string()).0;
    let same = |settings: &Settings, reason: &str| {
        let (full, lean) = (decide(&inv, settings), decide_without_text(&inv, settings));
        assert_eq!((lean.category, lean.action, &lean.reasons), (full.category, full.action, &full.reasons));
        let reasons = format!("{:?}", lean.reasons);
        assert!(reasons.contains(reason), "{reasons}");
    };
    same(&settings, "NoTemplate");
    let broken = notyet_core::Sources { short: Some("Hi {frist_name}".into()), long: None };
    settings.templates.get_mut("mine").map(|t| t.insert("en".into(), broken));
    same(&settings, "TemplateError");
}

fn has_placeholder(text: &str) -> bool {
    let vars = ["first_name", "name", "headline", "company", "mutual", "note", "note_topic", "me.name", "me.email", "me.link"];
    vars.iter().any(|v| text.contains(&format!("{{{v}")))
}

/// Whether a value that goes into the text holds a brace itself (values go in literally).
fn braces_in(inv: &Invitation, settings: &Settings) -> bool {
    let me = [&settings.me.name, &settings.me.email, &settings.me.link];
    [Some(&inv.name), inv.first_name.as_ref(), inv.headline.as_ref(), inv.note.as_ref()].into_iter().flatten().chain(me).any(|s| s.contains('{'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decide_never_panics_and_leaves_no_placeholder(inv in invitation(), settings in settings()) {
        let s = decide(&inv, &settings);
        prop_assert!(!s.reasons.is_empty());
        prop_assert_eq!(s.text.is_some(), s.action == Action::Reply, "text only for replies: {:?}", s);
        if let Some(text) = &s.text {
            prop_assert!(text.chars().count() <= s.limit as usize);
            if !braces_in(&inv, &settings) {
                prop_assert!(!has_placeholder(text), "unresolved placeholder in {:?}", text);
            }
        }
        prop_assert!(s.language.len() == 2);
    }

    /// The side panel's decision (no text) is the full one's category, action and reasons.
    #[test]
    fn the_decision_without_text_is_the_decision(inv in invitation(), good in settings(), flawed in settings_with_flaws()) {
        for settings in [&good, &flawed] {
            let full = decide(&inv, settings);
            let lean = decide_without_text(&inv, settings);
            prop_assert_eq!((lean.category, lean.action, &lean.reasons, &lean.language), (full.category, full.action, &full.reasons, &full.language));
            prop_assert!(lean.text.is_none() && lean.template.is_none() && lean.first_name.is_none());
        }
    }

    #[test]
    fn settings_never_panic_on_text(s in ".{0,200}") {
        let _ = Settings::from_json(&s);
    }

    #[test]
    fn settings_never_panic_on_json(v in json_value()) {
        let (settings, problems) = Settings::from_json(&v.to_string());
        // What was kept reads back without a problem.
        let (again, p2) = Settings::from_json(&settings.to_json());
        prop_assert!(p2.is_empty(), "{:?} from {:?}", p2, problems);
        prop_assert_eq!(again, settings);
    }
}

/// JSON shaped like settings: the real keys, wrong types, nesting, odd values.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "version",
        "me",
        "name",
        "email",
        "link",
        "known",
        "people",
        "companies",
        "schools",
        "mutual_threshold",
        "language",
        "variant",
        "sign_off",
        "rules",
        "enabled",
        "when",
        "then",
        "category",
        "note",
        "mutual_at_least",
        "mutual_below",
        "keywords",
        "in",
        "company",
        "action",
        "template",
        "templates",
        "generic",
        "en",
        "de",
        "short",
        "long",
        "colour",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        prop::sample::select(vec!["en", "xx", "recruiter", "reply", "short", "generic", "Hi {first_name}", "{oops", "[x", "any", "headline"])
            .prop_map(|s| json!(s)),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

/// Other crates build settings with struct update syntax; the known-list cache must not stop them.
#[test]
fn settings_can_be_built_field_by_field() {
    let mut settings = Settings { language: "de".into(), ..Settings::default() };
    settings.known.people.push("Jane Doe".into());
    let inv = Invitation { name: "Jane Doe".into(), ..Invitation::default() };
    assert_eq!(decide(&inv, &settings).action, Action::Accept);
}

/// The user's own name is kept folded with the known lists; a change to it after a decision
/// applies to the next one (a note that only names the user says nothing of its own).
#[test]
fn a_changed_own_name_applies_to_the_next_decision() {
    let mut settings = Settings::default();
    settings.me.name = "Pat Example".into();
    let inv = Invitation { name: "Sam Person".into(), note: Some("Pat Example, Pat Example!".into()), ..Invitation::default() };
    assert_eq!(decide(&inv, &settings).category, Category::Generic);
    settings.me.name = "Robin Other".into();
    assert_eq!(decide(&inv, &settings).category, Category::Personalized);
}
