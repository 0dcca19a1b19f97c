//! What was read from a page: one invitation (the JSON shape: docs/formats.md).

use serde::{Deserialize, Serialize};

/// Who or what is inviting: a person to connect, or something to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Person,
    Company,
    School,
    Group,
    Event,
    Newsletter,
    Page,
}

impl Kind {
    /// Every kind, in the order of [`Kind::NAMES`].
    pub const ALL: [Kind; 7] = [Kind::Person, Kind::Company, Kind::School, Kind::Group, Kind::Event, Kind::Newsletter, Kind::Page];
    /// Their JSON names, as serialized.
    pub const NAMES: &'static [&'static str] = &["person", "company", "school", "group", "event", "newsletter", "page"];

    /// Its JSON name.
    pub fn name(self) -> &'static str {
        Kind::NAMES[self as usize]
    }

    /// The kind named `name` (a JSON name), if any.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::NAMES.iter().position(|n| *n == name).map(|i| Kind::ALL[i])
    }
}

/// An invitation, as read from a page or given on the command line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Invitation {
    /// Always `linkedin` for now; kept so other sites can follow.
    pub site: String,
    pub kind: Kind,
    pub name: String,
    /// How to greet them; derived from `name` when absent.
    pub first_name: Option<String>,
    pub headline: Option<String>,
    /// The whole personal note, `None` when there is none.
    pub note: Option<String>,
    pub mutual_connections: Option<u32>,
    pub profile_url: Option<String>,
    /// As the page says it ("2 weeks ago").
    pub sent: Option<String>,
}

impl Invitation {
    /// A list of invitations as JSON, as their derived `Serialize` writes it (a unit test holds
    /// the two to the same bytes): what the worker stores as `lastRead` after a click. The
    /// derived writer, inlined into `lastRead`, cost the module 700 B raw (a stub in its place);
    /// by hand −526 B raw, −159 B gzipped, −208 B on each zip (1 Dec 2026).
    pub fn list_json(list: &[Invitation]) -> String {
        let mut o = crate::json::Out::default();
        o.open(b'[');
        for i in list {
            o.open(b'{');
            o.key("site");
            o.str(&i.site);
            o.key("kind");
            o.str(i.kind.name());
            o.key("name");
            o.str(&i.name);
            o.key("first_name");
            o.opt_str(i.first_name.as_deref());
            o.key("headline");
            o.opt_str(i.headline.as_deref());
            o.key("note");
            o.opt_str(i.note.as_deref());
            o.key("mutual_connections");
            match i.mutual_connections {
                Some(n) => o.num(n.into()),
                None => o.null(),
            }
            o.key("profile_url");
            o.opt_str(i.profile_url.as_deref());
            o.key("sent");
            o.opt_str(i.sent.as_deref());
            o.close(b'}');
        }
        o.close(b']');
        o.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{Invitation, Kind};

    /// Every kind's name is serde's, and reads back as that kind; an unknown name is none.
    #[test]
    fn kinds_read_back_the_names_they_write() {
        for k in Kind::ALL {
            assert_eq!(serde_json::to_string(&k).ok(), Some(format!("\"{}\"", k.name())));
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
        assert_eq!(Kind::from_name("Person"), None);
    }

    #[test]
    fn invitations_are_written_as_their_derived_writer_writes_them() {
        let odd = "\"q\" \\ \n\t\u{1}\u{1f} é \u{2028} 😀";
        let mut list: Vec<Invitation> = Kind::ALL.iter().map(|&kind| Invitation { kind, ..Invitation::default() }).collect();
        list.push(Invitation {
            site: odd.into(),
            kind: Kind::Person,
            name: odd.into(),
            first_name: Some(odd.into()),
            headline: Some(String::new()),
            note: Some(odd.into()),
            mutual_connections: Some(u32::MAX),
            profile_url: Some(odd.into()),
            sent: Some(odd.into()),
        });
        list.push(Invitation { mutual_connections: Some(0), ..Invitation::default() });
        for n in 0..list.len() {
            assert_eq!(Invitation::list_json(&list[..n]), serde_json::to_string(&list[..n]).expect("serializes"));
        }
    }
}
