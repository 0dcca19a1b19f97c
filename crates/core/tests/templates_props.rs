//! Properties of the template language: no input panics, no placeholder survives rendering,
//! values go in literally.

use notyet_core::template::{Template, Values, Var};
use proptest::prelude::*;

/// A template written with the language's own pieces, without escapes.
fn template_source() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = Var::ALL.iter().map(|v| v.name()).collect();
    let var = (proptest::sample::select(names), proptest::option::of("[a-z ]{0,6}")).prop_map(|(n, f)| match f {
        Some(f) => format!("{{{n}|{f}}}"),
        None => format!("{{{n}}}"),
    });
    // A choice: a first text no placeholder's name is close to, then one to three more.
    let choice = (proptest::sample::select(vec!["Kind regards", "Thanks again", "With thanks"]), proptest::collection::vec("[a-z ]{0,6}", 1..4))
        .prop_map(|(first, rest)| format!("{{{first}|{}}}", rest.join("|")));
    let var = prop_oneof![var, choice];
    let text = "[a-zA-Z ,.;:!?\n]{0,12}";
    let inline = prop_oneof![text.prop_map(|t| t), var.clone()];
    let block = proptest::collection::vec(inline, 0..4).prop_map(|parts| format!("[{}]", parts.concat()));
    let piece = prop_oneof![text.prop_map(|t| t), var, block];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// A value: empty, blank, ordinary, or hostile (template syntax, HTML, control characters).
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_owned()),
        "[A-Za-z]{1,10}",
        Just("{me.email}".to_owned()),
        Just("[You can reach me at {me.link}.]".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("}} {{ ]] [[ | {".to_owned()),
        "\\PC{0,24}",
        any::<String>(),
    ]
}

fn values() -> impl Strategy<Value = Values> {
    (proptest::collection::vec(value(), 10), any::<u64>()).prop_map(|(v, seed)| {
        let mut it = v.into_iter();
        let mut next = || it.next().unwrap_or_default();
        Values {
            first_name: next(),
            name: next(),
            headline: next(),
            company: next(),
            mutual: next(),
            note: next(),
            note_topic: next(),
            me_name: next(),
            me_email: next(),
            me_link: next(),
            seed,
        }
    })
}

/// The same emptiness as `v`, with every non-empty value replaced by a plain word.
fn plain(v: &Values) -> Values {
    let p = |s: &String| {
        if s.trim().is_empty() {
            String::new()
        } else {
            "word".to_owned()
        }
    };
    Values {
        first_name: p(&v.first_name),
        name: p(&v.name),
        headline: p(&v.headline),
        company: p(&v.company),
        mutual: p(&v.mutual),
        note: p(&v.note),
        note_topic: p(&v.note_topic),
        me_name: p(&v.me_name),
        me_email: p(&v.me_email),
        me_link: p(&v.me_link),
        seed: v.seed,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics(src in any::<String>()) {
        if let Err(e) = Template::parse(&src) {
            prop_assert!(e.line >= 1 && e.column >= 1);
            let _ = e.caret(&src);
            let head = format!("line {}, column {}: ", e.line, e.column);
            prop_assert!(e.to_string().starts_with(&head));
        }
    }

    #[test]
    fn parse_never_panics_on_syntax_soup(src in "[{}\\[\\]|a-z_. \n]{0,40}") {
        if let Ok(t) = Template::parse(&src) {
            let _ = t.render(&Values::default());
        }
    }

    #[test]
    fn rendering_hostile_values_never_panics(src in any::<String>(), v in values()) {
        if let Ok(t) = Template::parse(&src) {
            let _ = t.render(&v);
        }
    }

    #[test]
    fn no_placeholder_survives(src in template_source(), v in values()) {
        let t = Template::parse(&src).map_err(|e| TestCaseError::fail(format!("{src:?}: {e}")))?;
        let _ = t.render(&v);
        // With values that carry no syntax, nothing of the template's syntax may show.
        let out = t.render(&plain(&v));
        prop_assert!(!out.contains(['{', '}', '[', ']']), "{src:?} rendered {out:?}");
        prop_assert_eq!(out.trim(), out.as_str());
    }

    #[test]
    fn values_go_in_literally(v in value()) {
        let t = Template::parse("Note: {note}").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let values = Values { note: v.clone(), ..Values::default() };
        let out = t.render(&values);
        if v.trim().is_empty() {
            prop_assert_eq!(out, "Note:");
        } else {
            prop_assert_eq!(out, format!("Note: {}", v.trim()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn names_and_languages_never_panic(s in any::<String>()) {
        if let Some(f) = notyet_core::names::first_name(&s) {
            prop_assert!(!f.trim().is_empty());
            prop_assert!(!f.contains(['(', ')', '[', ']', '{', '}', '|']), "{s:?} → {f:?}");
        }
        let _ = notyet_core::names::display_name(&s);
        let _ = notyet_core::names::company_from_headline(&s);
        if let Some(code) = notyet_core::lang::detect(&s) {
            prop_assert!(notyet_core::lang::DETECTED.contains(&code));
        }
        let _ = notyet_core::lang::note_topic(&s);
    }
}
