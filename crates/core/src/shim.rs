//! Temporary stand-ins for template.rs, names.rs and lang.rs until they land.
#![allow(dead_code, missing_docs)]

pub mod template {
    #[derive(Debug, Clone, PartialEq)]
    pub struct TemplateError { pub kind: String, pub message: String, pub line: usize, pub column: usize }
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Var(pub &'static str);
    impl Var {
        pub fn name(self) -> &'static str { self.0 }
    }
    #[derive(Debug, Clone, Default)]
    pub struct Values { pub first_name: String, pub name: String, pub headline: String, pub company: String, pub mutual: String, pub note: String, pub note_topic: String, pub me_name: String, pub me_email: String, pub me_link: String }
    impl Values {
        pub fn for_invitation(inv: &crate::Invitation, me: &crate::Me) -> Values {
            Values { first_name: inv.first_name.clone().or_else(|| super::names::first_name(&inv.name)).unwrap_or_default(), name: inv.name.clone(), headline: inv.headline.clone().unwrap_or_default(), note: inv.note.clone().unwrap_or_default(), me_name: me.name.clone(), me_email: me.email.clone(), me_link: me.link.clone(), ..Values::default() }
        }
        fn get(&self, k: &str) -> Option<&str> {
            Some(match k { "first_name" => &self.first_name, "name" => &self.name, "headline" => &self.headline, "note" => &self.note, "me.name" => &self.me_name, "me.email" => &self.me_email, "me.link" => &self.me_link, _ => return None })
        }
    }
    #[derive(Debug, Clone)]
    pub struct Template { src: String }
    impl Template {
        pub fn parse(s: &str) -> Result<Template, TemplateError> {
            if s.matches('{').count() != s.matches('}').count() {
                return Err(TemplateError { kind: "unclosed".into(), message: "unbalanced braces".into(), line: 1, column: 1 });
            }
            Ok(Template { src: s.to_owned() })
        }
        pub fn render(&self, values: &Values) -> String {
            let mut out = String::new();
            let mut rest = self.src.as_str();
            while let Some(i) = rest.find('{') {
                out.push_str(&rest[..i]);
                let Some(j) = rest[i..].find('}') else { break };
                let name = &rest[i + 1..i + j];
                let (n, fb) = name.split_once('|').unwrap_or((name, ""));
                out.push_str(values.get(n).filter(|v| !v.is_empty()).unwrap_or(fb));
                rest = &rest[i + j + 1..];
            }
            out.push_str(rest);
            out
        }
        pub fn variables(&self) -> Vec<Var> { Vec::new() }
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Variant { Short, Long }
    pub fn template_languages() -> &'static [&'static str] { &["en", "de", "fr", "es"] }
    pub fn default_template(c: crate::Category, lang: &str, v: Variant) -> Option<(&'static str, &'static str)> {
        use crate::Category::*;
        if !template_languages().contains(&lang) { return None; }
        let id = match c { Recruiter => "recruiter", Sales => "sales", Mutual => "mutual", Personalized => "personalized", Generic => "generic", _ => return None };
        let src = match (lang, v) {
            ("de", _) => "Guten Tag {name},\n\nvielen Dank für Ihre Einladung. Ich verbinde mich nur mit Menschen, die ich gut kenne. Noch nicht, nicht nie.",
            ("fr", _) => "Bonjour {first_name},\n\nmerci pour votre invitation. Pas encore, pas jamais.",
            ("es", _) => "Hola {first_name}:\n\ngracias por la invitación. Todavía no, no nunca.",
            (_, Variant::Short) => "Hi {first_name|there},\n\nthanks for the invitation. Not yet, not never.",
            _ => "Hi {first_name|there},\n\nThank you for the invitation. Write to me at {me.email}. I connect only with people I know well. Not yet, not never.",
        };
        Some((id, src))
    }
}

pub mod names {
    pub fn first_name(name: &str) -> Option<String> { name.split_whitespace().next().map(str::to_owned) }
}

pub mod lang {
    pub fn detect(s: &str) -> Option<&'static str> {
        let l = s.to_lowercase();
        if l.contains(" ich ") || l.contains(" sie ") { Some("de") } else if l.contains(" je ") || l.contains(" vous ") { Some("fr") } else if l.contains(" hola") { Some("es") } else if l.split_whitespace().count() > 4 { Some("en") } else { None }
    }
}
