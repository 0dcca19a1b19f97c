//! Why a decision was made, as data: the classifier and [`decide`](crate::decide()) produce
//! [`Reason`]s, and each interface words them in its own language with [`Say`]. Nothing is ever
//! parsed back from English: a new reason is a new variant, and the compiler asks for its words
//! in every language.
//!
//! The JSON of a [`Suggestion`](crate::Suggestion) (the CLI's output) carries the English
//! wording, so outside tools keep reading plain strings.

use crate::template::TemplateError;
use crate::words::{fill, EnDeFr, Say, Ui};
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
    Bait,
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
    /// The note's language (`note`) has no template, so the reply is in `reply`, the user's
    /// language or English: a Dutch note answered in English with the notice saying only
    /// "English" read as a misreading of the note.
    NoTemplateIn {
        reply: String,
        note: String,
    },
    /// The user picked the reply on the notice ("Not spam: draft anyway", "Reply as"): said first,
    /// so the notice doesn't give a sign of spam as the reason for a reply.
    YouAsked,
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
        let none = String::new;
        let quoted = |w: &str| fill(ui.pick(en_de_fr!("\"{a}\"", "„{a}“", "«\u{a0}{a}\u{a0}»")), w, "");
        // One wording a reason, in the three languages, with at most two values: `{a}` and `{b}`.
        let (words, a, b): (EnDeFr, String, String) = match self {
            R::KnownPerson { .. } if on_page => {
                (en_de_fr!("matches your known people", "passt zu Ihren bekannten Personen", "correspond à vos personnes connues"), none(), none())
            }
            R::KnownPerson { entry } => (
                en_de_fr!(
                    "is {a} from your known people",
                    "steht als {a} unter Ihren bekannten Personen",
                    "figure sous le nom {a} parmi vos personnes connues"
                ),
                entry.clone(),
                none(),
            ),
            R::KnownOrganisation { list, in_headline: false, .. } if on_page => {
                (en_de_fr!("matches your known {b}", "passt zu Ihren bekannten {b}", "correspond à vos {b} connues"), none(), list.say(ui))
            }
            R::KnownOrganisation { list, in_headline: true, .. } if on_page => (
                en_de_fr!("headline matches your known {b}", "Titel passt zu Ihren bekannten {b}", "le titre correspond à vos {b} connues"),
                none(),
                list.say(ui),
            ),
            R::KnownOrganisation { entry, list, in_headline: false } => {
                (en_de_fr!("is {a} from your known {b}", "ist {a} aus Ihren bekannten {b}", "est {a}, de vos {b} connues"), entry.clone(), list.say(ui))
            }
            R::KnownOrganisation { entry, list, in_headline: true } => (
                en_de_fr!("headline mentions {a} from your known {b}", "Titel nennt {a} aus Ihren bekannten {b}", "le titre mentionne {a}, de vos {b} connues"),
                entry.clone(),
                list.say(ui),
            ),
            R::FollowInvitation { kind } => (
                en_de_fr!("an invitation to follow a {a}, not a person", "{a}, keine Person", "une invitation à suivre {a}, pas une personne"),
                match ui {
                    Ui::En => kind_en(*kind),
                    Ui::De => kind_de(*kind),
                    Ui::Fr => kind_fr(*kind),
                }
                .to_owned(),
                none(),
            ),
            R::Mentions { text: Text::Headline, topic } => {
                (en_de_fr!("headline mentions {a}", "Titel erwähnt {a}", "le titre mentionne {a}"), topic.say(ui), none())
            }
            R::Mentions { text: Text::Note, topic } => {
                (en_de_fr!("note mentions {a}", "Nachricht erwähnt {a}", "le message mentionne {a}"), topic.say(ui), none())
            }
            R::NameHasDigits => (en_de_fr!("name contains digits", "Name enthält Ziffern", "le nom contient des chiffres"), none(), none()),
            R::NoHeadline => (en_de_fr!("no headline", "kein Titel", "pas de titre de profil"), none(), none()),
            R::OnlyWeakSigns => (
                en_de_fr!(
                    "only weak signs of spam, so ignore rather than report",
                    "nur schwache Anzeichen für Spam, daher ignorieren statt melden",
                    "seulement de faibles signes de spam\u{a0}: ignorer plutôt que signaler"
                ),
                none(),
                none(),
            ),
            R::NotKnown => {
                (en_de_fr!("not in your known people", "nicht unter Ihren bekannten Personen", "ne fait pas partie de vos personnes connues"), none(), none())
            }
            // French and German name the note, as "aucun message personnel" does: the success notice
            // says "(motif : message personnel)", where a verb without a subject read oddly. French
            // calls it a "message", as the panel and the options page do ("Pas de message").
            R::PersonalNote => (en_de_fr!("wrote a personal note", "persönliche Nachricht", "message personnel"), none(), none()),
            R::NoNote => (en_de_fr!("sent no personal note", "keine persönliche Nachricht", "aucun message personnel"), none(), none()),
            R::StockNote => (
                en_de_fr!(
                    "note holds only a greeting or LinkedIn's stock text",
                    "Nachricht enthält nur einen Gruß oder LinkedIns Standardtext",
                    "le message ne contient qu'une salutation ou le texte type de LinkedIn"
                ),
                none(),
                none(),
            ),
            R::MutualConnections { count, threshold } => (
                en_de_fr!("{a} (your threshold is {b})", "{a} (Ihre Schwelle: {b})", "{a} (votre seuil\u{a0}: {b})"),
                ui.mutual_connections(*count),
                threshold.to_string(),
            ),
            R::WroteIn { language } => {
                (en_de_fr!("wrote in {a}", "schrieb auf {a}", "a écrit en {a}"), ui.language_in_sentence(&language_name(language, ui)), none())
            }
            R::NoTemplateIn { reply, note } => (
                en_de_fr!("written in {a}: no {b} template", "auf {a} geschrieben: keine Vorlage auf {b}", "rédigé en {a}\u{a0}: aucun modèle en {b}"),
                ui.language_in_sentence(&language_name(reply, ui)),
                ui.language_in_sentence(&language_name(note, ui)),
            ),
            R::YouAsked => (en_de_fr!("you asked for it", "auf Ihren Wunsch", "à votre demande"), none(), none()),
            R::RuleMatched { number, name } if name.trim().is_empty() || on_page => {
                (en_de_fr!("your rule {a} matched", "Ihre Regel {a} trifft zu", "votre règle {a} s'applique"), number.to_string(), none())
            }
            R::RuleMatched { name, .. } => {
                (en_de_fr!("your rule {a} matched", "Ihre Regel {a} trifft zu", "votre règle {a} s'applique"), quoted(name.trim()), none())
            }
            R::NoTemplate { .. } if on_page => {
                (en_de_fr!("no template to word a reply with", "keine Vorlage für eine Antwort", "aucun modèle pour rédiger une réponse"), none(), none())
            }
            R::NoTemplate { id } => (
                en_de_fr!("no template {a} to word a reply with", "keine Vorlage {a} für eine Antwort", "aucun modèle {a} pour rédiger une réponse"),
                quoted(id),
                none(),
            ),
            R::TemplateError { error, .. } if on_page => (
                en_de_fr!("your template has an error ({b})", "Ihre Vorlage hat einen Fehler ({b})", "votre modèle contient une erreur ({b})"),
                none(),
                error.say(ui),
            ),
            R::TemplateError { id, error } => (
                en_de_fr!("your template {a} has an error ({b})", "Ihre Vorlage {a} hat einen Fehler ({b})", "votre modèle {a} contient une erreur ({b})"),
                quoted(id),
                error.say(ui),
            ),
        };
        fill(ui.pick(words), &a, &b)
    }
}

/// Reasons said in a row, "; " between them, the topics of signs found in the same text said
/// once: "note mentions money promises, crypto or trading, and moving to WhatsApp or Telegram",
/// where a spam notice read "note mentions …; note mentions …; note mentions …". The topics
/// follow each other because every language's "mentions" wording ends with its topic.
/// `on_page`: as [`Reason::say_on_page`].
pub fn say_together(reasons: &[&Reason], ui: Ui, on_page: bool) -> String {
    let text_of = |k: usize| match reasons.get(k) {
        Some(Reason::Mentions { text, .. }) => Some(*text),
        _ => None,
    };
    let mut out = String::new();
    for (k, r) in reasons.iter().enumerate() {
        match r {
            Reason::Mentions { text, topic } if k > 0 && text_of(k - 1) == Some(*text) => {
                // English keeps the serial comma: the topics have "or" in them ("crypto or trading").
                let serial = k > 1 && text_of(k - 2) == Some(*text);
                out.push_str(if text_of(k + 1) == Some(*text) {
                    ", "
                } else {
                    if serial {
                        ui.pick(en_de_fr!(", and ", " und ", " et "))
                    } else {
                        ui.pick(en_de_fr!(" and ", " und ", " et "))
                    }
                });
                out.push_str(&topic.say(ui));
            }
            _ => {
                if k > 0 {
                    // French sets a no-break space before the semicolon (the panel's French rows
                    // read "aucun message personnel; ne fait pas partie…").
                    out.push_str(ui.pick(en_de_fr!("; ", "; ", "\u{a0}; ")));
                }
                out.push_str(&r.words(ui, on_page));
            }
        }
    }
    out
}

impl Topic {
    /// Whether this topic is a sign of spam (rather than of a recruiter or a seller).
    pub fn is_spam(self) -> bool {
        !matches!(self, Topic::Recruiting | Topic::JobOpening | Topic::SellingServices)
    }
}

impl Say for Topic {
    fn say(&self, ui: Ui) -> String {
        let words = match self {
            Topic::Romance => en_de_fr!("romance", "Romantik", "des avances amoureuses"),
            Topic::MoneyPromises => en_de_fr!("money promises", "Geldversprechen", "des promesses d'argent"),
            Topic::CryptoOrTrading => en_de_fr!("crypto or trading", "Krypto oder Trading", "des cryptomonnaies ou du trading"),
            Topic::MovingChat => en_de_fr!("moving to WhatsApp or Telegram", "Wechsel zu WhatsApp oder Telegram", "un passage à WhatsApp ou Telegram"),
            Topic::Bait => {
                en_de_fr!("a prize to claim or a link to click", "einen Gewinn oder einen Link zum Anklicken", "un gain à réclamer ou un lien à suivre")
            }
            Topic::AdultContent => en_de_fr!("adult content", "Inhalte für Erwachsene", "du contenu pour adultes"),
            Topic::MadeUpProfile => en_de_fr!("a made-up-looking profile", "ein erfunden wirkendes Profil", "un profil qui semble inventé"),
            Topic::Recruiting => en_de_fr!("recruiting", "Recruiting", "du recrutement"),
            Topic::JobOpening => en_de_fr!("a job opening", "eine offene Stelle", "un poste à pourvoir"),
            Topic::SellingServices => en_de_fr!("selling services", "Verkauf von Dienstleistungen", "la vente de services"),
        };
        ui.pick(words).into()
    }
}

impl Say for KnownList {
    fn say(&self, ui: Ui) -> String {
        let words = match self {
            KnownList::People => en_de_fr!("people", "Personen", "personnes"),
            KnownList::Companies => en_de_fr!("companies", "Unternehmen", "entreprises"),
            KnownList::Schools => en_de_fr!("schools", "Schulen", "écoles"),
        };
        ui.pick(words).into()
    }
}

/// What an invitation to follow is about, with its article ("a company page", "eine Gruppe").
pub(crate) fn kind_words(kind: Kind, ui: Ui) -> String {
    match ui {
        Ui::En => {
            let en = kind_en(kind);
            [if en.starts_with(['a', 'e', 'i', 'o', 'u']) { "an " } else { "a " }, en].concat()
        }
        Ui::De => kind_de(kind).to_owned(),
        Ui::Fr => kind_fr(kind).to_owned(),
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
        "en" => en_de_fr!("English", "Englisch", "Anglais"),
        "de" => en_de_fr!("German", "Deutsch", "Allemand"),
        "fr" => en_de_fr!("French", "Französisch", "Français"),
        "es" => en_de_fr!("Spanish", "Spanisch", "Espagnol"),
        "it" => en_de_fr!("Italian", "Italienisch", "Italien"),
        "pt" => en_de_fr!("Portuguese", "Portugiesisch", "Portugais"),
        "nl" => en_de_fr!("Dutch", "Niederländisch", "Néerlandais"),
        other => return other.to_owned(),
    };
    ui.pick(names).into()
}
