//! Why a decision was made, as data: the classifier and [`decide`](crate::decide()) produce
//! [`Reason`]s, and each interface words them in its own language with [`Say`]. Nothing is ever
//! parsed back from English: a new reason is a new variant, and the compiler asks for its words
//! in every language.
//!
//! The JSON of a [`Suggestion`](crate::Suggestion) (the CLI's output) carries the English
//! wording, so outside tools keep reading plain strings.

use crate::template::TemplateError;
use crate::words::{Say, Ui};
use crate::Kind;
use serde::{Serialize, Serializer};
use std::fmt;

/// The text a signal was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    Headline,
    Note,
}

/// What a group of signal phrases is about ("the note mentions …").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    Romance,
    MoneyPromises,
    CryptoOrTrading,
    MovingChat,
    AdultContent,
    MadeUpProfile,
    Recruiting,
    JobOpening,
    SellingServices,
}

/// Which of the user's known lists matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownList {
    People,
    Companies,
    Schools,
}

/// One reason for a decision, with what it needs to be worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The inviter is `entry` of the user's known people (as the user wrote it).
    KnownPerson {
        entry: String,
    },
    /// A known company or school: the page's own name (`in_headline: false`) or its headline names it.
    KnownOrganisation {
        entry: String,
        list: KnownList,
        in_headline: bool,
    },
    /// A page, group, event or newsletter to follow.
    FollowInvitation {
        kind: Kind,
    },
    /// A signal phrase of `topic` in the headline or the note.
    Mentions {
        text: Text,
        topic: Topic,
    },
    NameHasDigits,
    NoHeadline,
    /// The only signs of spam are weak ones: ignore rather than report.
    OnlyWeakSigns,
    NotKnown,
    PersonalNote,
    NoNote,
    /// A note of greetings or LinkedIn's stock text only.
    StockNote,
    MutualConnections {
        count: u32,
        threshold: u32,
    },
    /// The note's language (an ISO 639-1 code), when it picked the reply's language.
    WroteIn {
        language: String,
    },
    /// The user's rule at 1-based `number`; `name` may be empty.
    RuleMatched {
        number: usize,
        name: String,
    },
    NoTemplate {
        id: String,
    },
    TemplateError {
        id: String,
        error: TemplateError,
    },
}

impl Serialize for Reason {
    /// As its English words: a Suggestion's `reasons` are plain strings (docs/formats.md).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.say(Ui::En))
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Ui::En))
    }
}

impl Say for Reason {
    fn say(&self, ui: Ui) -> String {
        self.words(ui, false)
    }
}

impl Reason {
    /// The words for text shown on a web page: the user's known entries, rule names and template
    /// ids are left out, because the page can read its own text back (`window.find()` finds
    /// text even in a closed shadow root) and so learn whom the user knows.
    pub fn say_on_page(&self, ui: Ui) -> String {
        self.words(ui, true)
    }

    /// Whether this reason is a sign of spam (shown first on a spam notice).
    pub fn is_spam_sign(&self) -> bool {
        match self {
            Reason::Mentions { topic, .. } => topic.is_spam(),
            Reason::NameHasDigits | Reason::NoHeadline => true,
            _ => false,
        }
    }

    fn words(&self, ui: Ui, on_page: bool) -> String {
        use Reason as R;
        use Ui::{De, En, Fr};
        match (self, ui) {
            (R::KnownPerson { .. }, En) if on_page => "matches your known people".into(),
            (R::KnownPerson { .. }, De) if on_page => "passt zu Ihren bekannten Personen".into(),
            (R::KnownPerson { .. }, Fr) if on_page => "correspond à vos personnes connues".into(),
            (R::KnownPerson { entry }, En) => format!("is {entry} from your known people"),
            (R::KnownPerson { entry }, De) => format!("ist {entry} aus Ihren bekannten Personen"),
            (R::KnownPerson { entry }, Fr) => format!("est {entry}, de vos personnes connues"),
            (R::KnownOrganisation { list, in_headline, .. }, _) if on_page => match (ui, in_headline) {
                (En, false) => format!("matches your known {}", list.say(En)),
                (En, true) => format!("headline matches your known {}", list.say(En)),
                (De, false) => format!("passt zu Ihren bekannten {}", list.say(De)),
                (De, true) => format!("Headline passt zu Ihren bekannten {}", list.say(De)),
                (Fr, false) => format!("correspond à vos {} connues", list.say(Fr)),
                (Fr, true) => format!("le titre correspond à vos {} connues", list.say(Fr)),
            },
            (R::KnownOrganisation { entry, list, in_headline: false }, En) => format!("is {entry} from your known {}", list.say(En)),
            (R::KnownOrganisation { entry, list, in_headline: true }, En) => format!("headline mentions {entry} from your known {}", list.say(En)),
            (R::KnownOrganisation { entry, list, in_headline: false }, De) => format!("ist {entry} aus Ihren bekannten {}", list.say(De)),
            (R::KnownOrganisation { entry, list, in_headline: true }, De) => format!("Headline nennt {entry} aus Ihren bekannten {}", list.say(De)),
            (R::KnownOrganisation { entry, list, in_headline: false }, Fr) => format!("est {entry}, de vos {} connues", list.say(Fr)),
            (R::KnownOrganisation { entry, list, in_headline: true }, Fr) => format!("le titre mentionne {entry}, de vos {} connues", list.say(Fr)),
            (R::FollowInvitation { kind }, En) => {
                format!("an invitation to follow a {}, not a person", kind_en(*kind))
            }
            (R::FollowInvitation { kind }, De) => format!("{}, keine Person", kind_de(*kind)),
            (R::FollowInvitation { kind }, Fr) => format!("une invitation à suivre {}, pas une personne", kind_fr(*kind)),
            (R::Mentions { text, topic }, En) => format!("{} mentions {}", if *text == Text::Headline { "headline" } else { "note" }, topic.say(En)),
            (R::Mentions { text, topic }, De) => format!("{} erwähnt {}", if *text == Text::Headline { "Headline" } else { "Nachricht" }, topic.say(De)),
            (R::Mentions { text, topic }, Fr) => format!("{} mentionne {}", if *text == Text::Headline { "le titre" } else { "la note" }, topic.say(Fr)),
            (R::NameHasDigits, _) => ui.pick("name contains digits", "Name enthält Ziffern", "le nom contient des chiffres").into(),
            (R::NoHeadline, _) => ui.pick("no headline", "keine Headline", "pas de titre de profil").into(),
            (R::OnlyWeakSigns, _) => ui
                .pick(
                    "only weak signs of spam, so ignore rather than report",
                    "nur schwache Anzeichen für Spam, daher ignorieren statt melden",
                    "seulement de faibles signes de spam : ignorer plutôt que signaler",
                )
                .into(),
            (R::NotKnown, _) => {
                ui.pick("not in your known people", "nicht unter Ihren bekannten Personen", "ne fait pas partie de vos personnes connues").into()
            }
            (R::PersonalNote, _) => ui.pick("wrote a personal note", "persönliche Nachricht", "a écrit une note personnelle").into(),
            (R::NoNote, _) => ui.pick("sent no personal note", "keine persönliche Nachricht", "aucune note personnelle").into(),
            (R::StockNote, _) => ui
                .pick(
                    "note holds only a greeting or LinkedIn's stock text",
                    "Nachricht enthält nur einen Gruß oder LinkedIns Standardtext",
                    "la note ne contient qu'une salutation ou le texte type de LinkedIn",
                )
                .into(),
            (R::MutualConnections { count, threshold }, En) => {
                format!("{count} mutual connection{} (your threshold is {threshold})", if *count == 1 { "" } else { "s" })
            }
            (R::MutualConnections { count, threshold }, De) => {
                format!("{count} {} (Ihre Schwelle: {threshold})", if *count == 1 { "gemeinsamer Kontakt" } else { "gemeinsame Kontakte" })
            }
            (R::MutualConnections { count, threshold }, Fr) => {
                format!("{count} {} (votre seuil\u{a0}: {threshold})", if *count <= 1 { "relation en commun" } else { "relations en commun" })
            }
            (R::WroteIn { language }, En) => format!("wrote in {}", language_name(language, En)),
            (R::WroteIn { language }, De) => format!("schrieb auf {}", language_name(language, De)),
            (R::WroteIn { language }, Fr) => {
                format!("a écrit en {}", language_name(language, Fr).to_lowercase())
            }
            (R::RuleMatched { number, name }, _) => {
                let name = name.trim();
                match (ui, name.is_empty() || on_page) {
                    (En, true) => format!("your rule {number} matched"),
                    (En, false) => format!("your rule \"{name}\" matched"),
                    (De, true) => format!("Ihre Regel {number} trifft zu"),
                    (De, false) => format!("Ihre Regel „{name}“ trifft zu"),
                    (Fr, true) => format!("votre règle {number} s'applique"),
                    (Fr, false) => format!("votre règle «\u{a0}{name}\u{a0}» s'applique"),
                }
            }
            (R::NoTemplate { .. }, _) if on_page => {
                ui.pick("no template to word a reply with", "keine Vorlage für eine Antwort", "aucun modèle pour rédiger une réponse").into()
            }
            (R::NoTemplate { id }, En) => format!("no template \"{id}\" to word a reply with"),
            (R::NoTemplate { id }, De) => format!("keine Vorlage „{id}“ für eine Antwort"),
            (R::NoTemplate { id }, Fr) => {
                format!("aucun modèle «\u{a0}{id}\u{a0}» pour rédiger une réponse")
            }
            (R::TemplateError { error, .. }, En) if on_page => {
                format!("your template has an error ({})", error.say(En))
            }
            (R::TemplateError { error, .. }, De) if on_page => {
                format!("Ihre Vorlage hat einen Fehler ({})", error.say(De))
            }
            (R::TemplateError { error, .. }, Fr) if on_page => {
                format!("votre modèle contient une erreur ({})", error.say(Fr))
            }
            (R::TemplateError { id, error }, En) => {
                format!("your template \"{id}\" has an error ({})", error.say(En))
            }
            (R::TemplateError { id, error }, De) => {
                format!("Ihre Vorlage „{id}“ hat einen Fehler ({})", error.say(De))
            }
            (R::TemplateError { id, error }, Fr) => format!("votre modèle «\u{a0}{id}\u{a0}» contient une erreur ({})", error.say(Fr)),
        }
    }
}

impl Topic {
    /// Whether this topic is a sign of spam (rather than of a recruiter or a seller).
    pub fn is_spam(self) -> bool {
        !matches!(self, Topic::Recruiting | Topic::JobOpening | Topic::SellingServices)
    }
}

impl Say for Topic {
    fn say(&self, ui: Ui) -> String {
        let (en, de, fr) = match self {
            Topic::Romance => ("romance", "Romantik", "des avances amoureuses"),
            Topic::MoneyPromises => ("money promises", "Geldversprechen", "des promesses d'argent"),
            Topic::CryptoOrTrading => ("crypto or trading", "Krypto oder Trading", "des cryptomonnaies ou du trading"),
            Topic::MovingChat => ("moving to WhatsApp or Telegram", "Wechsel zu WhatsApp oder Telegram", "un passage à WhatsApp ou Telegram"),
            Topic::AdultContent => ("adult content", "Inhalte für Erwachsene", "du contenu pour adultes"),
            Topic::MadeUpProfile => ("a made-up-looking profile", "ein erfunden wirkendes Profil", "un profil qui semble inventé"),
            Topic::Recruiting => ("recruiting", "Recruiting", "du recrutement"),
            Topic::JobOpening => ("a job opening", "eine offene Stelle", "un poste à pourvoir"),
            Topic::SellingServices => ("selling services", "Verkauf von Dienstleistungen", "la vente de services"),
        };
        ui.pick(en, de, fr).into()
    }
}

impl Say for KnownList {
    fn say(&self, ui: Ui) -> String {
        let (en, de, fr) = match self {
            KnownList::People => ("people", "Personen", "personnes"),
            KnownList::Companies => ("companies", "Unternehmen", "entreprises"),
            KnownList::Schools => ("schools", "Schulen", "écoles"),
        };
        ui.pick(en, de, fr).into()
    }
}

fn kind_en(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "person",
        Kind::Company => "company page",
        Kind::School => "school page",
        Kind::Group => "group",
        Kind::Event => "event",
        Kind::Newsletter => "newsletter",
        Kind::Page => "page",
    }
}

fn kind_de(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "eine Person",
        Kind::Company => "eine Unternehmensseite",
        Kind::School => "eine Schulseite",
        Kind::Group => "eine Gruppe",
        Kind::Event => "eine Veranstaltung",
        Kind::Newsletter => "ein Newsletter",
        Kind::Page => "eine Seite",
    }
}

fn kind_fr(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "une personne",
        Kind::Company => "une page d'entreprise",
        Kind::School => "une page d'école",
        Kind::Group => "un groupe",
        Kind::Event => "un événement",
        Kind::Newsletter => "une newsletter",
        Kind::Page => "une page",
    }
}

/// A language's name in the interface language (`code`: ISO 639-1); an unknown code stays as it is.
pub fn language_name(code: &str, ui: Ui) -> String {
    let names = match code {
        "en" => ("English", "Englisch", "Anglais"),
        "de" => ("German", "Deutsch", "Allemand"),
        "fr" => ("French", "Französisch", "Français"),
        "es" => ("Spanish", "Spanisch", "Espagnol"),
        "it" => ("Italian", "Italienisch", "Italien"),
        "pt" => ("Portuguese", "Portugiesisch", "Portugais"),
        "nl" => ("Dutch", "Niederländisch", "Néerlandais"),
        other => return other.to_owned(),
    };
    ui.pick(names.0, names.1, names.2).into()
}
