//! Every default template parses and reads well, with every value set and with none.

use notyet_core::template::{default_template, default_templates, parsed_default, template_languages, Template, Values, Variant};
use notyet_core::{Category, Invitation, Me};

const REPLY_CATEGORIES: [Category; 5] = [Category::Recruiter, Category::Sales, Category::Mutual, Category::Personalized, Category::Generic];

fn full() -> Values {
    Values {
        first_name: "Kathie".into(),
        name: "Kathie Smith".into(),
        headline: "Career coach | Speaker".into(),
        company: "Acme".into(),
        mutual: "12".into(),
        note: "Hi, I read your post about networking and would like to connect.".into(),
        note_topic: "networking".into(),
        me_name: "Pat Example".into(),
        me_email: "pat@example.com".into(),
        me_link: "https://example.com/why".into(),
        seed: 0,
    }
}

/// The word that opens the warm part, per language; the boundary names LinkedIn after it.
fn warm_word(lang: &str) -> &'static str {
    match lang {
        "de" => "Dank",
        "fr" => "Merci",
        "es" => "Gracias",
        _ => "Thank",
    }
}

/// Words that leave the door open ("not yet"), per language.
fn door_words(lang: &str) -> &'static str {
    match lang {
        "de" => "noch nicht",
        "fr" => "pas encore",
        "es" => "todavía no",
        _ => "not yet",
    }
}

fn assert_reads_well(id: &str, text: &str) {
    assert!(!text.is_empty(), "{id}: empty");
    for bad in ["{", "}", "[", "]", "  ", " ,", " .", "\n\n\n", " \n", "\n "] {
        assert!(!text.contains(bad), "{id}: contains {bad:?}:\n{text}");
    }
    assert_eq!(text.trim(), text, "{id}: untrimmed");
}

#[test]
fn every_category_and_language_has_both_variants() {
    assert_eq!(template_languages(), &["en", "de", "fr", "es"]);
    for lang in template_languages() {
        for cat in REPLY_CATEGORIES {
            for variant in [Variant::Short, Variant::Long] {
                let (id, src) = default_template(cat, lang, variant).unwrap_or_else(|| panic!("{cat:?} {lang} {variant:?}"));
                assert!(id.contains(&format!(".{lang}.")), "{id}");
                assert!(Template::parse(src).is_ok(), "{id}");
                assert!(parsed_default(id).is_some(), "{id}");
            }
            // As drafted, whichever closing a choice takes (the short source holds three).
            let drafted = |v| {
                default_template(cat, lang, v)
                    .and_then(|(id, _)| parsed_default(id))
                    .map(|t| (0..12).map(|seed| t.render(&Values { seed, ..full() }).len()).collect::<Vec<_>>())
                    .unwrap_or_default()
            };
            let (short, long) = (drafted(Variant::Short), drafted(Variant::Long));
            assert!(short.iter().zip(&long).all(|(s, l)| s < l), "{cat:?} {lang}: short is not shorter");
        }
    }
    for cat in [Category::Known, Category::Spam, Category::NotAPerson] {
        assert_eq!(default_template(cat, "en", Variant::Short), None);
    }
    assert_eq!(default_template(Category::Generic, "xx", Variant::Short), None);
    assert_eq!(default_templates().len(), 40);
}

#[test]
fn defaults_render_well_full_and_empty() {
    let empty = Values::default();
    for (id, src) in default_templates() {
        let lang = id.split('.').nth(1).unwrap_or("en");
        let t = Template::parse(src).unwrap_or_else(|e| panic!("{id}: {e}\n{}", e.caret(src)));
        for (which, values) in [("full", full()), ("empty", empty.clone())] {
            let text = t.render(&values);
            let label = format!("{id} ({which})");
            assert_reads_well(&label, &text);
            let warm = text.find(warm_word(lang)).unwrap_or_else(|| panic!("{label}: no warm part:\n{text}"));
            let boundary = text.find("LinkedIn").unwrap_or_else(|| panic!("{label}: no boundary:\n{text}"));
            assert!(warm < boundary, "{label}: boundary before the warm part:\n{text}");
            assert!(notyet_core::case::lower_str(&text).contains(door_words(lang)), "{label}: door not left open:\n{text}");
        }
        let text = t.render(&full());
        assert!(text.contains("pat@example.com"), "{id}: email missing");
        assert!(text.ends_with("Pat Example"), "{id}: not signed");
        assert!(text.find("pat@example.com") < text.find("LinkedIn"), "{id}: email not in the warm part");
        let bare = t.render(&empty);
        assert!(!bare.contains("example"), "{id}: {bare}");
    }
}

/// The door's "not yet" is a quoted word set against another quoted one ("not a \"no\", just a
/// \"not yet\""), alike in every template and language: the long Recruiter reply alone wrote
/// "not a no, just a not yet", which reads as a typo, and the English and German short ones
/// quoted one word of the two or none. The long Mutual replies say it as a clause ("and if not
/// yet, …"), so they quote nothing.
#[test]
fn not_yet_is_quoted_alike_everywhere() {
    for (id, src) in default_templates() {
        let lang = id.split('.').nth(1).unwrap_or("en");
        let (quoted, mark, marks) = match lang {
            "de" => ("„noch nicht“", "„", 2),
            "fr" => ("«\u{a0}pas encore\u{a0}»", "«", 2),
            "es" => ("«todavía no»", "«", 2),
            _ => ("\"not yet\"", "\"", 4),
        };
        // Every wording a choice may take (the short replies end one of three ways).
        for seed in 0..12 {
            let text = parsed_default(id).map(|t| t.render(&Values { seed, ..full() })).unwrap_or_default();
            let lines: Vec<&str> = text.lines().filter(|l| l.contains(quoted)).collect();
            if id.starts_with("mutual.") && id.ends_with(".long") {
                assert!(lines.is_empty() && src.contains(door_words(lang)), "{id}: the door as a clause, unquoted:\n{src}");
                continue;
            }
            assert_eq!(lines.len(), 1, "{id}: no quoted {quoted}:\n{text}");
            assert_eq!(lines[0].matches(mark).count(), marks, "{id}: \"not yet\" against one other quoted word:\n{}", lines[0]);
        }
    }
}

/// The short replies but Mutual's said the same two closing sentences, and a user answering ten
/// invitations a day sent them ten times (picky tour, 1 Dec 2026): each now ends one of three
/// ways, by the inviter's name, the same three in every category of a language (one boundary,
/// said three ways), the warm part and the door kept in each.
#[test]
fn short_replies_end_three_ways() {
    for lang in template_languages() {
        for cat in [Category::Recruiter, Category::Sales, Category::Personalized, Category::Generic] {
            let (id, _) = default_template(cat, lang, Variant::Short).unwrap_or_default();
            let closing = |seed| {
                let text = parsed_default(id).map(|t| t.render(&Values { seed, ..full() })).unwrap_or_default();
                text.split("\n\n").nth(2).unwrap_or_default().to_owned()
            };
            let mut closings: Vec<String> = (0..24).map(closing).collect();
            assert_eq!(closing(7), closing(7), "{id}");
            closings.sort();
            closings.dedup();
            assert_eq!(closings.len(), 3, "{id}: {closings:#?}");
            for c in &closings {
                assert!(c.contains("LinkedIn") && notyet_core::case::lower_str(c).contains(door_words(lang)), "{id}: {c}");
            }
        }
    }
}

/// The thanks and the reasons read as a person writes them (picky tour, 1 Dec 2026): French
/// mixed "merci d'…" with "… et pour votre invitation" (and "merci pour …" with "et d'avoir…"),
/// German "vielen Dank, dass …, und für Ihre Einladung"; a German sentence said "gern" twice, a
/// French paragraph "c'est pourquoi …" and then, before the link, "Voici pourquoi".
#[test]
fn thanks_and_reasons_read_as_written() {
    for (id, src) in default_templates() {
        for sentence in src.split(['.', '!', '?', ':', ';']) {
            let s = sentence.trim_start();
            let mixed = (s.starts_with("Merci d") && s.contains(" et pour "))
                || (s.starts_with("Merci pour") && s.contains(" et d'"))
                || (s.contains("dass Sie") && s.contains(", und für"));
            assert!(!mixed, "{id}: two constructions in one thanks: {s}");
            assert!(s.matches("gern").count() < 2, "{id}: \"gern\" twice: {s}");
        }
        for paragraph in src.split("\n\n") {
            assert!(paragraph.matches("pourquoi").count() < 2, "{id}: \"pourquoi\" twice: {paragraph}");
        }
    }
}

/// The long Mutual reply asks someone the user can't place where they met: "I'd be glad to
/// catch up" assumed a past the user doesn't remember.
#[test]
fn mutual_long_assumes_no_past() {
    for lang in template_languages() {
        let (id, src) = default_template(Category::Mutual, lang, Variant::Long).unwrap_or_default();
        for assumed in ["catch up", "wiedersehen", "retrouver", "reencontrarnos", "ponernos al día"] {
            assert!(!src.contains(assumed), "{id}: {assumed}");
        }
    }
}

/// French agrees a reflexive past with "nous" in gender: "où nous nous sommes rencontrés", "que
/// nous nous soyons croisés" made the user and the inviter men (picky tour, 1 Dec 2026). The
/// Mutual replies say "où nous avons fait connaissance", "que nos chemins se soient croisés".
#[test]
fn french_says_nothing_of_our_gender() {
    for (id, src) in default_templates().iter().filter(|(id, _)| id.contains(".fr.")) {
        for agreed in ["nous nous sommes ", "nous nous soyons ", "nous sommes rencontr", "nous sommes croisé"] {
            assert!(!src.contains(agreed), "{id}: {agreed}");
        }
    }
}

#[test]
fn greetings_adapt_to_a_missing_name() {
    let empty = Values::default();
    let greeting = |id: &str, v: &Values| parsed_default(id).map(|t| t.render(v)).unwrap_or_default().lines().next().unwrap_or("").to_owned();
    assert_eq!(greeting("generic.en.short", &full()), "Hi Kathie,");
    assert_eq!(greeting("generic.en.short", &empty), "Hi,");
    assert_eq!(greeting("generic.de.short", &full()), "Guten Tag Kathie Smith,");
    assert_eq!(greeting("generic.de.short", &empty), "Guten Tag,");
    assert_eq!(greeting("generic.fr.short", &full()), "Bonjour Kathie,");
    assert_eq!(greeting("generic.fr.short", &empty), "Bonjour,");
    assert_eq!(greeting("generic.es.short", &full()), "Hola, Kathie:");
    assert_eq!(greeting("generic.es.short", &empty), "Hola:");
}

#[test]
fn personalized_takes_up_the_note() {
    let inv = Invitation {
        name: "Dr. Kathie Smith, PhD (she/her)".into(),
        note: Some("Hi, I read your post about networking and would like to connect.".into()),
        mutual_connections: Some(1),
        ..Invitation::default()
    };
    let me = Me { name: "Pat Example".into(), email: String::new(), link: String::new() };
    let values = Values::for_invitation(&inv, &me);
    assert_eq!(values.first_name, "Kathie");
    assert_eq!(values.name, "Kathie Smith");
    assert_eq!(values.note_topic, "networking");
    assert_eq!(values.mutual, "", "one shared connection is not 'connections'");
    let text = parsed_default("personalized.en.short").map(|t| t.render(&values)).unwrap_or_default();
    assert!(text.starts_with("Hi Kathie,\n\nThank you for the invitation and for your note about networking;"), "{text}");
    assert!(text.contains("just reply here."), "{text}");
}

#[test]
fn page_first_name_wins_over_derived() {
    let inv = Invitation { name: "Katherine Smith".into(), first_name: Some(" Kathie ".into()), ..Invitation::default() };
    assert_eq!(Values::for_invitation(&inv, &Me::default()).first_name, "Kathie");
}

/// The wording of every default with all values set and with none, for review.
#[test]
fn print_defaults_for_review() {
    if std::env::var_os("NOTYET_PRINT_TEMPLATES").is_none() {
        return;
    }
    for (id, src) in default_templates() {
        if let Ok(t) = Template::parse(src) {
            println!("===== {id} (full)\n{}\n===== {id} (empty)\n{}\n", t.render(&full()), t.render(&Values::default()));
        }
    }
}
