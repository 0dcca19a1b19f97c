//! Any text as a template: parsing never panics, and a template that parses renders without
//! panicking, both with every value set and with none.
#![no_main]

use libfuzzer_sys::fuzz_target;
use notyet_core::template::{Template, Values};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    match Template::parse(source) {
        Ok(template) => {
            let _ = template.variables();
            let _ = template.render(&Values::default());
            let full = Values {
                first_name: "Kathie".into(),
                name: "Kathie Smith".into(),
                headline: "Career coach".into(),
                company: "Acme".into(),
                mutual: "3".into(),
                note: "{me.email} [x]".into(),
                note_topic: "networking".into(),
                me_name: "Pat".into(),
                me_email: "pat@example.com".into(),
                me_link: "https://example.com".into(),
                // A choice's text is picked by the seed: the input's length varies which one.
                seed: data.len() as u64,
            };
            let _ = template.render(&full);
        }
        Err(e) => {
            assert!(e.line >= 1 && e.column >= 1, "positions are 1-based: {e:?}");
            let _ = e.caret(source);
        }
    }
});
