//! Every word NotYet shows on a page or an extension page, in the browser's interface language
//! (English, German, French): the notices and their buttons, and, through [`Say`], the typed
//! values the core hands out ([`Reason`](crate::reason::Reason)s, template errors, settings
//! problems, categories, actions, lengths).
//!
//! One place per message, so a new language is one more match arm per message. Whole sentences
//! per language, not pieces glued together: German puts the verb elsewhere, French wants a
//! space before its colon. The drafts' own language is another matter (the note's language, see
//! [`decide`](crate::decide())); this is the user's.

use crate::{Action, Category, Variant};

/// The interface language. Unknown languages get English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Ui {
    #[default]
    En,
    De,
    Fr,
}

/// One wording in the three interface languages, written with [`en_de_fr!`] and read with
/// [`Ui::pick`]: one string, `"en\u{1f}de\u{1f}fr"`. Three `&str`s cost the WASM a pointer and a
/// length each wherever they are written (over 150 wordings), numbers deflate can't squeeze; one
/// string costs one of each (README, WASM size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnDeFr(#[doc(hidden)] pub &'static str);

impl EnDeFr {
    /// Between the languages: a control character no wording holds (checked as it compiles).
    pub const SEPARATOR: char = '\u{1f}';

    /// Whether `words` holds exactly three wordings: what [`en_de_fr!`] asserts at compile time.
    #[doc(hidden)]
    pub const fn three(words: &str) -> bool {
        let b = words.as_bytes();
        let (mut i, mut n) = (0, 0);
        while i < b.len() {
            if b[i] == Self::SEPARATOR as u8 {
                n += 1;
            }
            i += 1;
        }
        n == 2
    }

    /// Whether the French wording (the third) keeps its high punctuation with its word: a
    /// no-break space (U+00A0), not a plain one, before `:` `;` `?` `!` `»` and after `«`, as
    /// French typography has it (a plain one let "?" or "»" open a line of a narrow notice).
    /// What [`en_de_fr!`] asserts at compile time.
    #[doc(hidden)]
    pub const fn french_spaced(words: &str) -> bool {
        let b = words.as_bytes();
        let (mut i, mut n) = (0, 0);
        while i + 1 < b.len() {
            if b[i] == Self::SEPARATOR as u8 {
                n += 1;
            }
            let next = b[i + 1];
            let high = matches!(next, b':' | b';' | b'?' | b'!') || (next == 0xc2 && i + 2 < b.len() && b[i + 2] == 0xbb);
            let opens = b[i] == 0xc2 && b[i + 1] == 0xab && i + 2 < b.len() && b[i + 2] == b' ';
            if n == 2 && ((b[i] == b' ' && high) || opens) {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// A typed value worded in an interface language: reasons, errors, problems, names of things.
pub trait Say {
    fn say(&self, ui: Ui) -> String;
}

impl Ui {
    /// Every interface language, in the order a language menu lists them.
    pub const ALL: [Ui; 3] = [Ui::En, Ui::De, Ui::Fr];

    /// The language of a browser's interface language code: "de", "de-AT", "de_CH" → German;
    /// "fr", "fr-CA" → French; anything else, including "" → English.
    pub fn from_code(code: &str) -> Ui {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Ui::De
        } else if primary.eq_ignore_ascii_case("fr") {
            Ui::Fr
        } else {
            Ui::En
        }
    }

    /// The ISO 639-1 code: "en", "de", "fr".
    pub fn code(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::De => "de",
            Ui::Fr => "fr",
        }
    }

    /// The phrase in this language, from the three written out with [`en_de_fr!`].
    pub fn pick(self, words: EnDeFr) -> &'static str {
        words.0.split(EnDeFr::SEPARATOR).nth(self as usize).unwrap_or_default()
    }

    pub fn unsupported(self) -> &'static str {
        self.pick(en_de_fr!("NotYet works on LinkedIn. Open your invitations (linkedin.com/mynetwork/invitation-manager), open Reply or Message on one, then click NotYet.", "NotYet funktioniert auf LinkedIn. Öffnen Sie Ihre Einladungen (linkedin.com/mynetwork/invitation-manager), öffnen Sie bei einer davon „Antworten“ oder „Nachricht“ und klicken Sie dann auf NotYet.", "NotYet fonctionne sur LinkedIn. Ouvrez vos invitations (linkedin.com/mynetwork/invitation-manager), ouvrez «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» sur l'une d'elles, puis cliquez sur NotYet."))
    }

    pub fn gone(self) -> &'static str {
        self.pick(en_de_fr!("The message box closed before NotYet could write in it. Nothing was changed: open it again and click NotYet.", "Das Nachrichtenfeld wurde geschlossen, bevor NotYet hineinschreiben konnte. Es wurde nichts geändert: Öffnen Sie es erneut und klicken Sie auf NotYet.", "La zone de message s'est fermée avant que NotYet puisse y écrire. Rien n'a été modifié\u{a0}: rouvrez-la et cliquez sur NotYet."))
    }

    pub fn unknown_request(self) -> &'static str {
        self.pick(en_de_fr!(
            "NotYet got a request it doesn't know. Nothing was changed.",
            "NotYet hat eine unbekannte Anfrage erhalten. Es wurde nichts geändert.",
            "NotYet a reçu une demande inconnue. Rien n'a été modifié."
        ))
    }

    /// `error` is how the snapshot's JSON failed, in words ([`JsonError`]).
    pub fn unreadable(self, error: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "NotYet couldn't read this page ({a}). Nothing was changed.",
                "NotYet konnte diese Seite nicht lesen ({a}). Es wurde nichts geändert.",
                "NotYet n'a pas pu lire cette page ({a}). Rien n'a été modifié."
            )),
            error,
            "",
        )
    }

    /// The notice's button that opens the side panel on an invitation list.
    pub fn triage(self, n: usize) -> String {
        fill(self.pick(en_de_fr!("Triage {a}", "{a} sichten", "Trier {a}")), &self.invitations(n), "")
    }

    /// "1 invitation", "2 invitations", for a sentence counting invitations.
    pub fn invitations(self, n: usize) -> String {
        self.counted(n as u64, ["invitation", "invitations"], ["Einladung", "Einladungen"], ["invitation", "invitations"])
    }

    /// "1 mutual connection", "2 mutual connections": the notice's read line and the reason.
    pub fn mutual_connections(self, n: u32) -> String {
        self.counted(
            n.into(),
            ["mutual connection", "mutual connections"],
            ["gemeinsamer Kontakt", "gemeinsame Kontakte"],
            ["relation en commun", "relations en commun"],
        )
    }

    /// `n` and its noun, `[singular, plural]` in each language, agreeing with the count: the one
    /// rule for every counted noun (French keeps 0 and 1 singular), so any count reads right.
    fn counted(self, n: u64, en: [&str; 2], de: [&str; 2], fr: [&str; 2]) -> String {
        let [singular, plural] = match self {
            Ui::En => en,
            Ui::De => de,
            Ui::Fr => fr,
        };
        format!("{} {}", self.number(n), if self.singular(n) { singular } else { plural })
    }

    /// `n` with its thousands grouped as the language writes them: "5,000", "5.000", "5 000"
    /// (French with a narrow no-break space). Hand-written: three separators don't need a
    /// locale library in the module.
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let sep = match self {
            Ui::En => ",",
            Ui::De => ".",
            Ui::Fr => "\u{202f}",
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// Whether `n` takes the singular noun: 1 in English and German, 0 and 1 in French.
    pub fn singular(self, n: u64) -> bool {
        match self {
            Ui::En | Ui::De => n == 1,
            Ui::Fr => n <= 1,
        }
    }

    pub fn opening_panel(self) -> &'static str {
        self.pick(en_de_fr!(
            "Opening NotYet's invitation panel.",
            "Das Einladungs-Panel von NotYet wird geöffnet.",
            "Ouverture du panneau d'invitations de NotYet."
        ))
    }

    pub fn opening_options(self) -> &'static str {
        self.pick(en_de_fr!("Opening NotYet's options.", "Die Optionen von NotYet werden geöffnet.", "Ouverture des options de NotYet."))
    }

    pub fn sent_page(self) -> &'static str {
        self.pick(en_de_fr!("This page lists invitations you sent. NotYet drafts replies to invitations you received: open Received, then Reply or Message on one.", "Diese Seite zeigt Einladungen, die Sie gesendet haben. NotYet entwirft Antworten auf Einladungen, die Sie erhalten haben: Öffnen Sie „Erhalten“ und dann bei einer Einladung „Antworten“ oder „Nachricht“.", "Cette page liste les invitations que vous avez envoyées. NotYet rédige des réponses aux invitations reçues\u{a0}: ouvrez «\u{a0}Reçues\u{a0}», puis «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» sur l'une d'elles."))
    }

    pub fn which_invitation(self, n: usize) -> String {
        fill(self.pick(en_de_fr!("{a} here, and NotYet couldn't tell which one this message box is for. Open the box from the invitation's Reply or Message button.", "Es gibt hier {a}, und NotYet konnte nicht erkennen, zu welcher dieses Nachrichtenfeld gehört. Öffnen Sie das Feld über „Antworten“ oder „Nachricht“ bei der Einladung.", "{a} ici, et NotYet n'a pas pu savoir à laquelle cette zone de message correspond. Ouvrez la zone depuis le bouton «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» de l'invitation.")), &self.invitations(n), "")
    }

    pub fn draft_changed(self) -> &'static str {
        self.pick(en_de_fr!("You've changed NotYet's draft, so it stays as you wrote it. Replace it anyway if you want a fresh draft: Restore brings your version back.", "Sie haben den Entwurf von NotYet geändert, daher bleibt er so, wie Sie ihn geschrieben haben. Ersetzen Sie ihn trotzdem, wenn Sie einen neuen Entwurf möchten: „Wiederherstellen“ holt Ihre Fassung zurück.", "Vous avez modifié le brouillon de NotYet\u{a0}: il reste tel que vous l'avez écrit. Remplacez-le quand même si vous voulez un nouveau brouillon\u{a0}: «\u{a0}Rétablir\u{a0}» ramène votre version."))
    }

    pub fn too_long(self, limit: u32) -> String {
        fill(self.pick(en_de_fr!("The box already holds a long text; with the draft it would pass LinkedIn's {a} characters. Nothing was added.", "Das Feld enthält bereits einen langen Text; mit dem Entwurf wären es mehr als die {a} Zeichen, die LinkedIn erlaubt. Es wurde nichts hinzugefügt.", "La zone contient déjà un long texte\u{a0}; avec le brouillon, elle dépasserait les {a} caractères permis par LinkedIn. Rien n'a été ajouté.")), &limit.to_string(), "")
    }

    /// The success notice. `reason` is already worded; `kept`: the user's own text stays above.
    /// The reason is labelled as one: a bare "(wrote a personal note)" after "Drafted a reply to
    /// Kathie Smith" read as if the reply had written the note (a reason has no subject of its own).
    pub fn drafted(self, who: &str, reason: Option<&str>, kept: bool) -> String {
        let label = self.pick(en_de_fr!(" (reason: {a})", " (Grund: {a})", " (motif\u{a0}: {a})"));
        let reason = reason.map(|r| fill(label, r, "")).unwrap_or_default();
        let drafted = fill(self.pick(en_de_fr!("Drafted a reply to {a}{b}.", "Antwort an {a} entworfen{b}.", "Réponse à {a} rédigée{b}.")), who, &reason);
        let kept = match kept {
            true => self.pick(en_de_fr!(
                " Your own text is kept above it.",
                " Ihr eigener Text bleibt darüber erhalten.",
                " Votre propre texte est conservé au-dessus."
            )),
            false => "",
        };
        [drafted.as_str(), kept, " ", self.send_yourself()].concat()
    }

    pub fn shorter(self) -> &'static str {
        self.pick(en_de_fr!("Shorter", "Kürzer", "Plus court"))
    }

    pub fn longer(self) -> &'static str {
        self.pick(en_de_fr!("Longer", "Länger", "Plus long"))
    }

    pub fn restore(self) -> &'static str {
        self.pick(en_de_fr!("Restore", "Wiederherstellen", "Rétablir"))
    }

    pub fn options(self) -> &'static str {
        self.pick(en_de_fr!("Options", "Optionen", "Options"))
    }

    /// The label of the button that closes a notice.
    pub fn close(self) -> &'static str {
        self.pick(en_de_fr!("Close", "Schließen", "Fermer"))
    }

    pub fn nothing_to_restore(self) -> &'static str {
        self.pick(en_de_fr!(
            "Nothing to restore: NotYet hasn't written in this box.",
            "Nichts wiederherzustellen: NotYet hat in diesem Feld nichts geschrieben.",
            "Rien à rétablir\u{a0}: NotYet n'a pas écrit dans cette zone."
        ))
    }

    pub fn restore_refused(self) -> &'static str {
        self.pick(en_de_fr!("The box has changed since NotYet's draft, so Restore left it as it is (your edits stay). Ctrl+Z undoes step by step.", "Das Feld hat sich seit dem Entwurf von NotYet geändert, daher hat „Wiederherstellen“ es so gelassen (Ihre Änderungen bleiben). Strg+Z macht Schritt für Schritt rückgängig.", "La zone a changé depuis le brouillon de NotYet\u{a0}: «\u{a0}Rétablir\u{a0}» l'a laissée telle quelle (vos modifications restent). Ctrl+Z annule pas à pas."))
    }

    /// "As it was", as the empty box's: after Replace anyway, Restore brings the edited version
    /// back, which "as it was before the draft" seemed to deny (the box before the first draft).
    pub fn restored(self, had_text: bool) -> &'static str {
        match had_text {
            false => self.pick(en_de_fr!(
                "Restored: the box is empty again, as it was.",
                "Wiederhergestellt: Das Feld ist wieder leer, wie zuvor.",
                "Rétabli\u{a0}: la zone est de nouveau vide, comme avant."
            )),
            true => self.pick(en_de_fr!(
                "Restored: the box holds your text again, as it was.",
                "Wiederhergestellt: Das Feld enthält wieder Ihren Text, wie zuvor.",
                "Rétabli\u{a0}: la zone contient de nouveau votre texte, comme avant."
            )),
        }
    }

    /// Stands in for a name the page didn't show.
    pub fn this_person(self) -> &'static str {
        self.pick(en_de_fr!("this person", "diese Person", "cette personne"))
    }

    pub fn no_invitation(self) -> &'static str {
        self.pick(en_de_fr!("No invitation found on this page. Open your invitations, then Reply or Message on one, and click NotYet again.", "Auf dieser Seite wurde keine Einladung gefunden. Öffnen Sie Ihre Einladungen, öffnen Sie bei einer davon „Antworten“ oder „Nachricht“ und klicken Sie erneut auf NotYet.", "Aucune invitation trouvée sur cette page. Ouvrez vos invitations, puis «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» sur l'une d'elles, et cliquez de nouveau sur NotYet."))
    }

    /// An invitation list with no card on it: the user is already where the "open your
    /// invitations" advice would send them (LinkedIn's empty list, or one still loading).
    pub fn empty_list(self) -> &'static str {
        self.pick(en_de_fr!("NotYet found no pending invitation on this list. If LinkedIn is still loading it, wait a moment and click NotYet again.", "NotYet hat auf dieser Liste keine offene Einladung gefunden. Falls LinkedIn sie noch lädt, warten Sie einen Moment und klicken Sie erneut auf NotYet.", "NotYet n'a trouvé aucune invitation en attente dans cette liste. Si LinkedIn la charge encore, patientez un instant et cliquez de nouveau sur NotYet."))
    }

    pub fn one_invitation(self, who: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "1 invitation from {a}. Open Reply or Message on it to draft a decline.",
                "1 Einladung von {a}. Öffnen Sie dort „Antworten“ oder „Nachricht“, um eine Absage zu entwerfen.",
                "1 invitation de {a}. Ouvrez «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» sur celle-ci pour rédiger un refus."
            )),
            who,
            "",
        )
    }

    pub fn many_invitations(self, n: usize) -> String {
        fill(
            self.pick(en_de_fr!(
                "{a}. Open Reply or Message on one to draft a decline.",
                "{a}. Öffnen Sie bei einer davon „Antworten“ oder „Nachricht“, um eine Absage zu entwerfen.",
                "{a}. Ouvrez «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» sur l'une d'elles pour rédiger un refus."
            )),
            &self.invitations(n),
            "",
        )
    }

    /// `why` is empty or " (reasons)", already worded.
    pub fn accept_advice(self, who: &str, why: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "{a} looks like someone you know{b}: accept the invitation if you like. Nothing was written.",
                "{a} scheint jemand zu sein, den Sie kennen{b}: Nehmen Sie die Einladung an, wenn Sie möchten. Es wurde nichts geschrieben.",
                "{a} semble être quelqu'un que vous connaissez{b}\u{a0}: acceptez l'invitation si vous le souhaitez. Rien n'a été écrit."
            )),
            who,
            why,
        )
    }

    pub fn spam_advice(self, who: &str, why: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "This invitation from {a} looks like spam{b}. Better not to reply: ignore or report it. Nothing was written.",
                "Diese Einladung von {a} sieht nach Spam aus{b}. Antworten Sie besser nicht: Ignorieren oder melden Sie sie. Es wurde nichts geschrieben.",
                "Cette invitation de {a} ressemble à du spam{b}. Mieux vaut ne pas répondre\u{a0}: ignorez-la ou signalez-la. Rien n'a été écrit."
            )),
            who,
            why,
        )
    }

    /// A weak sign of spam: milder than [`Ui::spam_advice`].
    pub fn doubt_advice(self, who: &str, why: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "This invitation from {a} has a sign of spam{b}, though not a strong one. Ignoring it is the safe choice. Nothing was written.",
                "Diese Einladung von {a} zeigt ein Anzeichen für Spam{b}, aber kein starkes. Ignorieren ist die sichere Wahl. Es wurde nichts geschrieben.",
                "Cette invitation de {a} présente un signe de spam{b}, mais pas un signe fort. L'ignorer est le choix prudent. Rien n'a été écrit."
            )),
            who,
            why,
        )
    }

    pub fn follow_advice(self, who: &str, why: &str) -> String {
        fill(self.pick(en_de_fr!("This is an invitation to follow {a}{b}, not a person to answer. Ignore it if you like. Nothing was written.", "Dies ist eine Einladung, {a} zu folgen{b}, keine Person, der Sie antworten müssten. Ignorieren Sie sie, wenn Sie möchten. Es wurde nichts geschrieben.", "C'est une invitation à suivre {a}{b}, pas une personne à qui répondre. Ignorez-la si vous le souhaitez. Rien n'a été écrit.")), who, why)
    }

    /// An ignore decided by the user's rule, for a person.
    pub fn ignore_advice(self, who: &str, why: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "NotYet suggests ignoring the invitation from {a}{b}. Nothing was written.",
                "NotYet schlägt vor, die Einladung von {a} zu ignorieren{b}. Es wurde nichts geschrieben.",
                "NotYet suggère d'ignorer l'invitation de {a}{b}. Rien n'a été écrit."
            )),
            who,
            why,
        )
    }

    /// `s` between the language's quotation marks: “…”, „…“, « … » (a note on the notice, the
    /// options page's card and the panel's rows; German and French read “…” as foreign).
    pub fn quote(self, s: &str) -> String {
        fill(self.pick(en_de_fr!("“{a}”", "„{a}“", "«\u{a0}{a}\u{a0}»")), s, "")
    }

    /// What was read, one line: the note's first words and the mutual count (`None`: not shown on the page).
    pub fn read_line(self, note: Option<&str>, mutual: Option<u32>) -> String {
        let note = match note {
            Some(n) => format!("{} {}", self.pick(en_de_fr!("note", "Nachricht", "message")), self.quote(n)),
            None => self.pick(en_de_fr!("no note", "keine Nachricht", "aucun message")).to_owned(),
        };
        let mutual = mutual.map(|n| format!(" · {}", self.mutual_connections(n))).unwrap_or_default();
        format!("{}{note}{mutual}", self.pick(en_de_fr!("Read: ", "Gelesen: ", "Lu\u{a0}: ")))
    }

    /// What was decided, one line: "Alex Member · wrote a personal note → Reply (Personal, English, long)".
    /// `why` is the first reason, worded for the page; `how` the category, language and length.
    pub fn decided_line(self, who: &str, why: Option<&str>, action: &str, how: &[String]) -> String {
        let why = why.map(|w| format!(" · {w}")).unwrap_or_default();
        let how = if how.is_empty() { String::new() } else { format!(" ({})", how.join(", ")) };
        format!("{who}{why} → {action}{how}")
    }

    /// The label of the notice's menu of reply categories. The notice writes "label: choice";
    /// French ends its labels with the no-break space it puts before a colon ("Langue : Anglais").
    /// German and French name the template: "Antworten als: Personalvermittlung" read as
    /// answering as a recruitment agency, "Répondre comme : Recruteur" as a recruiter.
    pub fn category_label(self) -> &'static str {
        self.pick(en_de_fr!("Reply as", "Vorlage", "Modèle\u{a0}"))
    }

    /// The label of the notice's menu of languages (see [`Ui::category_label`]).
    pub fn language_label(self) -> &'static str {
        self.pick(en_de_fr!("Language", "Sprache", "Langue\u{a0}"))
    }

    pub fn replace_anyway(self) -> &'static str {
        self.pick(en_de_fr!("Replace anyway", "Trotzdem ersetzen", "Remplacer quand même"))
    }

    /// The button on a spam notice that drafts a reply all the same.
    pub fn not_spam(self) -> &'static str {
        self.pick(en_de_fr!("Not spam: draft anyway", "Kein Spam: trotzdem entwerfen", "Pas du spam\u{a0}: rédiger quand même"))
    }

    /// The button on another notice without a draft (someone known) that drafts all the same.
    pub fn draft_anyway(self) -> &'static str {
        self.pick(en_de_fr!("Draft anyway", "Trotzdem entwerfen", "Rédiger quand même"))
    }

    /// Said first after the user changed the decision on the notice: what changed, one clause each.
    pub fn changed(self, changes: &[String]) -> String {
        if changes.is_empty() {
            return self
                .pick(en_de_fr!(
                    "Nothing changed: this template has no other wording for that choice.",
                    "Nichts geändert: Diese Vorlage hat für diese Wahl keine andere Fassung.",
                    "Rien n'a changé\u{a0}: ce modèle n'a pas d'autre texte pour ce choix."
                ))
                .into();
        }
        format!("{}.", changes.join(self.pick(en_de_fr!("; ", "; ", "\u{a0}; "))))
    }

    pub fn changed_category(self, now: &str, was: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "Now the {a} reply (was {b})",
                "Jetzt die Antwort „{a}“ (vorher „{b}“)",
                "Maintenant la réponse «\u{a0}{a}\u{a0}» (avant\u{a0}: «\u{a0}{b}\u{a0}»)"
            )),
            now,
            was,
        )
    }

    pub fn changed_language(self, now: &str, was: &str) -> String {
        let (now, was) = (self.language_in_sentence(now), self.language_in_sentence(was));
        fill(self.pick(en_de_fr!("Now in {a} (was {b})", "Jetzt auf {a} (vorher {b})", "Maintenant en {a} (avant\u{a0}: {b})")), &now, &was)
    }

    /// A language's name (`reason::language_name`) as a sentence writes it: French puts it in
    /// lower case ("a écrit en anglais", "(Générique, anglais, version longue)"); the others as named.
    pub fn language_in_sentence(self, name: &str) -> String {
        if self == Ui::Fr {
            crate::case::lower_str(name)
        } else {
            name.to_owned()
        }
    }

    /// A reply's length in the notice's details, "(Personnel, anglais, version longue)": French
    /// names the noun its adjective agrees with, since a bare "longue" beside the masculine
    /// "Personnel" and "anglais" agreed with neither. English and German adjectives don't agree.
    pub fn variant_in_line(self, v: Variant) -> String {
        let said = v.say(self);
        if self == Ui::Fr {
            format!("version {said}")
        } else {
            said
        }
    }

    pub fn changed_variant(self, now: &str, was: &str) -> String {
        fill(
            self.pick(en_de_fr!("Now the {a} version (was {b})", "Jetzt die Fassung „{a}“ (vorher „{b}“)", "Maintenant la version {a} (avant\u{a0}: {b})")),
            now,
            was,
        )
    }

    /// After "Replace anyway": the user's edited version can come back.
    pub fn replaced_edited(self, who: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "Replaced your edited draft with a fresh one for {a}. Restore brings your version back.",
                "Ihr bearbeiteter Entwurf wurde durch einen neuen für {a} ersetzt. „Wiederherstellen“ holt Ihre Fassung zurück.",
                "Votre brouillon modifié a été remplacé par un nouveau pour {a}. «\u{a0}Rétablir\u{a0}» ramène votre version."
            )),
            who,
            "",
        )
    }

    /// After a draft while the settings have no name: the built-in closing signs with it, so the
    /// draft ends without one, and the first click would otherwise not say why (issue 9).
    pub fn no_name(self) -> &'static str {
        self.pick(en_de_fr!(
            "Your name isn't set, so the draft ends without a sign-off: add it in Options.",
            "Ihr Name ist noch nicht eingetragen, daher endet der Entwurf ohne Grußformel: Tragen Sie ihn unter „Optionen“ ein.",
            "Votre nom n'est pas encore renseigné, le brouillon se termine donc sans formule de politesse\u{a0}: ajoutez-le dans Options."
        ))
    }

    /// The end of every notice after a draft.
    pub fn send_yourself(self) -> &'static str {
        self.pick(en_de_fr!(
            "Read it over and press Send yourself.",
            "Bitte lesen Sie sie durch und drücken Sie selbst auf Senden.",
            "Relisez-la et appuyez vous-même sur Envoyer."
        ))
    }

    /// The settings problems on a notice, `{a}`: what they are, in words.
    pub fn settings_problems(self) -> &'static str {
        self.pick(en_de_fr!(
            "Your settings have a problem (the options page shows where): {a}",
            "Ihre Einstellungen haben ein Problem (die Optionen zeigen, wo): {a}",
            "Vos paramètres ont un problème (la page des options montre où)\u{a0}: {a}"
        ))
    }

    pub fn no_text(self, who: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "NotYet has no text for {a}. Nothing was written.",
                "NotYet hat keinen Text für {a}. Es wurde nichts geschrieben.",
                "NotYet n'a pas de texte pour {a}. Rien n'a été écrit."
            )),
            who,
            "",
        )
    }

    /// The box's conversation names no one NotYet can tell apart: the candidates, a button each.
    pub fn unsure_whom(self, names: &[String]) -> String {
        let list = names.join(", ");
        fill(
            self.pick(en_de_fr!(
                "NotYet couldn't tell whom this message box is for, so it wrote nothing. It could be for: {a}. Pick one:",
                "NotYet konnte nicht erkennen, an wen dieses Nachrichtenfeld geht, und hat nichts geschrieben. Infrage kommen: {a}. Wählen Sie aus:",
                "NotYet n'a pas pu savoir à qui s'adresse ce champ de message, et n'a rien écrit. Il pourrait s'agir de\u{a0}: {a}. Choisissez\u{a0}:"
            )),
            &list,
            "",
        )
    }

    /// The box writes to someone the page doesn't show inviting the user.
    pub fn not_invited(self, name: &str) -> String {
        fill(self.pick(en_de_fr!("Nothing on this page says {a} invited you, so NotYet wrote nothing: it drafts replies to invitations. Open the invitation's Reply or Message and click NotYet again.", "Nichts auf dieser Seite zeigt, dass {a} Sie eingeladen hat, deshalb hat NotYet nichts geschrieben: Es entwirft Antworten auf Einladungen. Öffnen Sie „Antworten“ oder „Nachricht“ bei der Einladung und klicken Sie erneut auf NotYet.", "Rien sur cette page n'indique que {a} vous a invité, donc NotYet n'a rien écrit\u{a0}: il rédige des réponses aux invitations. Ouvrez «\u{a0}Répondre\u{a0}» ou «\u{a0}Message\u{a0}» sur l'invitation et cliquez de nouveau sur NotYet.")), name, "")
    }

    /// A button drafting for one of the candidates.
    pub fn draft_for(self, name: &str) -> String {
        fill(self.pick(en_de_fr!("Draft for {a}", "Entwurf für {a}", "Brouillon pour {a}")), name, "")
    }

    pub fn candidate_gone(self, name: &str) -> String {
        fill(
            self.pick(en_de_fr!(
                "NotYet can't find {a}'s invitation on the page any more. Nothing was changed.",
                "NotYet findet die Einladung von {a} nicht mehr auf der Seite. Es wurde nichts geändert.",
                "NotYet ne trouve plus l'invitation de {a} sur la page. Rien n'a été modifié."
            )),
            name,
            "",
        )
    }

    /// The button that saves a page report of a misread page.
    pub fn not_right(self) -> &'static str {
        self.pick(en_de_fr!("Not right?", "Nicht richtig?", "Un souci\u{a0}?"))
    }

    pub fn opening_report(self) -> &'static str {
        self.pick(en_de_fr!(
            "Opening a page report: you see it before anything is saved.",
            "Ein Seitenbericht wird geöffnet: Sie sehen ihn, bevor etwas gespeichert wird.",
            "Ouverture d'un rapport de page\u{a0}: vous le voyez avant que quoi que ce soit ne soit enregistré."
        ))
    }

    /// The page nests deeper than the agent copies, and neither an invitation nor a message box
    /// was found above that depth (the side panel says the same of the invitations).
    pub fn too_deep(self) -> &'static str {
        self.pick(en_de_fr!(
            "This page nests deeper than NotYet reads, and no invitation or message box was found above that depth. Nothing was changed.",
            "Diese Seite ist tiefer verschachtelt, als NotYet liest, und oberhalb davon wurde weder eine Einladung noch ein Nachrichtenfeld gefunden. Es wurde nichts geändert.",
            "Cette page est imbriquée plus profondément que NotYet ne lit, et aucune invitation ni aucun champ de message n'a été trouvé au-dessus. Rien n'a été modifié."
        ))
    }

    /// The box holds more text than NotYet copies: it won't write where it can't see everything.
    pub fn box_too_full(self) -> &'static str {
        self.pick(en_de_fr!(
            "The message box holds more text than NotYet reads, so it wrote nothing (it never risks your text).",
            "Das Nachrichtenfeld enthält mehr Text, als NotYet liest, deshalb wurde nichts geschrieben (Ihr Text wird nie gefährdet).",
            "Le champ de message contient plus de texte que NotYet n'en lit, il n'a donc rien écrit (votre texte n'est jamais mis en jeu)."
        ))
    }
}

impl Say for Category {
    fn say(&self, ui: Ui) -> String {
        let words = match self {
            Category::Known => en_de_fr!("Known", "Bekannt", "Connu"),
            Category::Spam => en_de_fr!("Spam", "Spam", "Spam"),
            Category::Recruiter => en_de_fr!("Recruiter", "Personalvermittlung", "Recruteur"),
            Category::Sales => en_de_fr!("Sales", "Vertrieb", "Démarchage"),
            Category::Mutual => en_de_fr!("Mutual connections", "Gemeinsame Kontakte", "Relations en commun"),
            Category::Personalized => en_de_fr!("Personal", "Persönlich", "Personnel"),
            Category::Generic => en_de_fr!("Generic", "Allgemein", "Générique"),
            Category::NotAPerson => en_de_fr!("Not a person", "Keine Person", "Pas une personne"),
        };
        ui.pick(words).into()
    }
}

impl Say for Action {
    fn say(&self, ui: Ui) -> String {
        let words = match self {
            Action::Accept => en_de_fr!("Accept", "Annehmen", "Accepter"),
            Action::Reply => en_de_fr!("Reply", "Antworten", "Répondre"),
            Action::Ignore => en_de_fr!("Ignore", "Ignorieren", "Ignorer"),
            Action::Report => en_de_fr!("Report", "Melden", "Signaler"),
        };
        ui.pick(words).into()
    }
}

impl Say for Variant {
    fn say(&self, ui: Ui) -> String {
        match self {
            Variant::Short => ui.pick(en_de_fr!("short", "kurz", "courte")),
            Variant::Long => ui.pick(en_de_fr!("long", "lang", "longue")),
        }
        .into()
    }
}

/// How a JSON text failed to parse, in words: serde_json's own messages are English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends too early.
    Eof,
    /// A character is out of place.
    Syntax,
    /// A value has the wrong type or nests too deep.
    Data,
    /// It could not be read.
    Io,
    /// It nests more than serde_json's 128 levels (which it files as a syntax error).
    TooDeep,
    /// A number past the largest a JSON reader holds (`1e999`; also filed as a syntax error).
    NumberTooLarge,
}

impl JsonError {
    pub fn of(e: &serde_json::Error) -> JsonError {
        match e.classify() {
            serde_json::error::Category::Eof => JsonError::Eof,
            serde_json::error::Category::Syntax => JsonError::Syntax,
            serde_json::error::Category::Data => JsonError::Data,
            serde_json::error::Category::Io => JsonError::Io,
        }
    }

    /// [`JsonError::of`] `text`'s error, with the two syntax errors that are none told apart by
    /// the text at the error's position (serde_json's line, and its column: the line's byte, from
    /// 1): its nesting limit stops at the 128th open bracket, a number out of range at its last
    /// digit. Both were said "a character is out of place", with the right position.
    pub fn in_text(e: &serde_json::Error, text: &str) -> JsonError {
        let kind = JsonError::of(e);
        let b = text.as_bytes();
        // The line starts after its `line - 1`th newline.
        let mut lines = e.line().saturating_sub(1);
        let line_start = match lines {
            0 => 0,
            _ => b
                .iter()
                .position(|&c| {
                    lines -= usize::from(c == b'\n');
                    lines == 0
                })
                .map_or(b.len(), |n| n + 1),
        };
        let at = line_start + e.column().saturating_sub(1);
        let number = |c: &u8| b"0123456789.eE+-".contains(c);
        match b.get(at) {
            // A number's last digit after its other characters (a one-digit number is never too
            // large; a digit after `0` is a leading zero): one past f64 has an exponent or 309
            // digits or more.
            Some(c) if kind == JsonError::Syntax && c.is_ascii_digit() && at > 0 && number(&b[at - 1]) => {
                let from = b[..at].iter().rposition(|c| !number(c)).map_or(0, |p| p + 1);
                if at - from >= 300 || b[from..at].iter().any(|c| matches!(c, b'e' | b'E')) {
                    return JsonError::NumberTooLarge;
                }
                kind
            }
            Some(b'[' | b'{') if kind == JsonError::Syntax && nesting(&text[..=at]) >= 128 => JsonError::TooDeep,
            _ => kind,
        }
    }
}

/// How many brackets are open at the end of a piece of JSON text (brackets in texts are text).
fn nesting(json: &str) -> usize {
    use crate::settings::JsonMark;
    let mut open = 0usize;
    crate::settings::json_marks(json, &mut |_, mark| {
        match mark {
            JsonMark::Open { .. } => open += 1,
            JsonMark::Close => open = open.saturating_sub(1),
            _ => {}
        }
        true
    });
    open
}

impl Say for JsonError {
    fn say(&self, ui: Ui) -> String {
        self.words(ui).into()
    }
}

impl JsonError {
    /// The kind in words, as [`Say::say`] gives them, without a `String`.
    pub fn words(self, ui: Ui) -> &'static str {
        match self {
            JsonError::Eof => ui.pick(en_de_fr!("the text ends too early", "der Text endet zu früh", "le texte s'arrête trop tôt")),
            JsonError::Syntax => ui.pick(en_de_fr!("a character is out of place", "ein Zeichen steht an der falschen Stelle", "un caractère est mal placé")),
            JsonError::Data => ui.pick(en_de_fr!(
                "a value has the wrong type or nests too deep",
                "ein Wert hat den falschen Typ oder ist zu tief verschachtelt",
                "une valeur a le mauvais type ou est trop imbriquée"
            )),
            JsonError::Io => ui.pick(en_de_fr!("it could not be read", "er konnte nicht gelesen werden", "il n'a pas pu être lu")),
            JsonError::TooDeep => ui.pick(en_de_fr!(
                "the text nests more than 128 levels deep",
                "der Text ist mehr als 128 Ebenen tief verschachtelt",
                "le texte s'imbrique sur plus de 128 niveaux"
            )),
            JsonError::NumberTooLarge => ui.pick(en_de_fr!("a number is too large", "eine Zahl ist zu groß", "un nombre est trop grand")),
        }
    }
}

/// `words` with `{a}` and `{b}` replaced by `a` and `b`. Typed values are worded through this
/// one function, a wording a kind in three languages: a `format!` per kind and language cost
/// the WASM module about a hundred bytes of code each. One pass over `words`: a value is never
/// read for `{a}` or `{b}` itself (a name written "Sam {b}" stays as it is).
pub fn fill(words: &str, a: &str, b: &str) -> String {
    let mut out = String::with_capacity(words.len() + a.len() + b.len());
    let mut rest = words;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let (value, skip) = match rest.as_bytes().get(at + 1..at + 3) {
            Some(b"a}") => (a, 3),
            Some(b"b}") => (b, 3),
            _ => ("{", 1),
        };
        // French writes "de" as "d'" before a vowel: "l'invitation d'Ella", not "de Ella" (no
        // other interface language has the word "de" before a placeholder).
        if (out.ends_with(" de ") || out == "de ") && elides(value) {
            out.truncate(out.len() - 3);
            out.push_str("d'");
        }
        out.push_str(value);
        rest = &rest[at + skip..];
    }
    out.push_str(rest);
    out
}

/// Whether French elides a "de" (or "le") before `word`: it starts with a vowel ("Ella",
/// "Élodie", "Yves"; an h is left alone, as French names differ there).
pub fn elides(word: &str) -> bool {
    word.starts_with(|c| "aeiouyàâéèêîôAEIOUYÀÂÉÈÊÎÔ".contains(c))
}

/// "line 3, column 9", in words.
pub fn at_line(ui: Ui, line: usize, column: usize) -> String {
    fill(ui.pick(en_de_fr!("line {a}, column {b}", "Zeile {a}, Spalte {b}", "ligne {a}, colonne {b}")), &line.to_string(), &column.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case;
    use crate::reason::{KnownList, Reason, Text, Topic};
    use crate::template::Template;
    use crate::Kind;

    /// The side panel says `too_deep` without its last sentence, cut at the last '.' before the
    /// final one (a char search: a `&str` one brought std's Two-Way back into the module, +173 B
    /// of zip): in each language that is the end of the first sentence, "… depth." / "… davon
    /// wurde …gefunden." / "… au-dessus.".
    #[test]
    fn too_deep_cuts_before_its_last_sentence() {
        for ui in Ui::ALL {
            let words = ui.too_deep();
            let cut = words.trim_end_matches('.').rfind('.').map(|end| &words[..=end]);
            assert_eq!(cut, words.rfind(". ").map(|end| &words[..=end]), "{ui:?}");
            assert!(cut.is_some_and(|c| !c.contains(". ") && c.len() > words.len() / 2), "{ui:?}: {cut:?}");
        }
    }

    /// The success notice and the language change, whole, in each language.
    #[test]
    fn drafted_and_changed_language_read_whole() {
        let note = |ui| Reason::PersonalNote.say_on_page(ui);
        assert_eq!(
            Ui::En.drafted("Sam", Some(&note(Ui::En)), true),
            "Drafted a reply to Sam (reason: wrote a personal note). Your own text is kept above it. Read it over and press Send yourself."
        );
        assert_eq!(Ui::De.drafted("Sam", None, false), "Antwort an Sam entworfen. Bitte lesen Sie sie durch und drücken Sie selbst auf Senden.");
        assert_eq!(
            Ui::De.drafted("Sam", Some(&note(Ui::De)), false),
            "Antwort an Sam entworfen (Grund: persönliche Nachricht). Bitte lesen Sie sie durch und drücken Sie selbst auf Senden."
        );
        assert_eq!(
            Ui::Fr.drafted("Sam {a}", Some(&note(Ui::Fr)), true),
            "Réponse à Sam {a} rédigée (motif\u{a0}: message personnel). Votre propre texte est conservé au-dessus. Relisez-la et appuyez vous-même sur Envoyer."
        );
        // A reason holding "{a}" stays as it is (a rule's name is never on the page, but still).
        assert_eq!(Ui::En.drafted("Sam", Some("{a}"), false), "Drafted a reply to Sam (reason: {a}). Read it over and press Send yourself.");
        assert_eq!(Ui::De.changed_language("Deutsch", "Englisch"), "Jetzt auf Deutsch (vorher Englisch)");
        assert_eq!(Ui::Fr.changed_language("Allemand", "Anglais"), "Maintenant en allemand (avant\u{a0}: anglais)");
    }

    /// One invitation and whom it is from, with no comma between: "1 Einladung, von Drew Stone"
    /// and "1 invitation, de Drew Stone" read as two phrases; French elides the "de" as elsewhere.
    #[test]
    fn one_invitation_from_someone() {
        assert!(Ui::En.one_invitation("Drew Stone").starts_with("1 invitation from Drew Stone. Open"));
        assert!(Ui::De.one_invitation("Drew Stone").starts_with("1 Einladung von Drew Stone. Öffnen"));
        assert!(Ui::Fr.one_invitation("Drew Stone").starts_with("1 invitation de Drew Stone. Ouvrez"));
        assert!(Ui::Fr.one_invitation("Ella").starts_with("1 invitation d'Ella. Ouvrez"));
    }

    /// French elides "de" before a name with a vowel ("Cette invitation de Ella" was written).
    #[test]
    fn french_elides_de_before_a_vowel() {
        assert!(Ui::Fr.spam_advice("Ella Brightwater", "").starts_with("Cette invitation d'Ella Brightwater ressemble"));
        assert!(Ui::Fr.spam_advice("Élodie", "").starts_with("Cette invitation d'Élodie "));
        assert!(Ui::Fr.spam_advice("Kathie", "").starts_with("Cette invitation de Kathie "));
        assert!(Ui::Fr.spam_advice("Hugo", "").starts_with("Cette invitation de Hugo "));
        assert!(!Ui::En.spam_advice("Ella", "").contains("d'"));
    }

    /// The values go in as they are, whatever they hold: a hostile name is text, never a template.
    #[test]
    fn values_are_never_filled_in_themselves() {
        assert_eq!(fill("{a} and {b}", "Sam {b}", "x {a}"), "Sam {b} and x {a}");
        assert_eq!(fill("{{a}} {c} {", "1", "2"), "{1} {c} {");
        assert_eq!(
            Ui::En.spam_advice("Sam {b}", ""),
            "This invitation from Sam {b} looks like spam. Better not to reply: ignore or report it. Nothing was written."
        );
        assert_eq!(Ui::Fr.quote("x"), "«\u{a0}x\u{a0}»");
    }

    /// A wording written once for three languages gives each language its own, empty ones too;
    /// the compile-time check counts exactly two separators.
    #[test]
    fn a_wording_gives_each_language_its_own() {
        assert_eq!(Ui::ALL.map(|ui| ui.pick(en_de_fr!("Close", "Schließen", "Fermer"))), ["Close", "Schließen", "Fermer"]);
        assert_eq!(Ui::ALL.map(|ui| ui.pick(en_de_fr!("", "b", ""))), ["", "b", ""]);
        assert!(EnDeFr::three("a\u{1f}\u{1f}c") && !EnDeFr::three("a\u{1f}b") && !EnDeFr::three("a\u{1f}b\u{1f}c\u{1f}d"));
        assert_eq!(Ui::ALL.map(Ui::code), ["en", "de", "fr"]);
    }

    /// Every count-bearing phrase of the core, for 0, 1 and 2 in each language: the noun agrees
    /// with the count (French: 0 and 1 singular).
    #[test]
    fn counts_agree_in_every_language() {
        let cases = [
            (Ui::En, ["0 invitations", "1 invitation", "2 invitations"], ["0 mutual connections", "1 mutual connection", "2 mutual connections"]),
            (Ui::De, ["0 Einladungen", "1 Einladung", "2 Einladungen"], ["0 gemeinsame Kontakte", "1 gemeinsamer Kontakt", "2 gemeinsame Kontakte"]),
            (Ui::Fr, ["0 invitation", "1 invitation", "2 invitations"], ["0 relation en commun", "1 relation en commun", "2 relations en commun"]),
        ];
        for (ui, invitations, mutual) in cases {
            for n in 0..3 {
                let noun = invitations[n];
                assert_eq!(ui.invitations(n), noun);
                let word = |s: &str| s.split_once(' ').map(|(_, w)| w.to_owned());
                assert_eq!(ui.singular(n as u64), word(noun) == word(invitations[1]), "{noun}");
                assert!(ui.triage(n).contains(noun) && !ui.triage(n).contains(&format!("{noun}s")), "{}", ui.triage(n));
                assert!(ui.many_invitations(n).starts_with(&format!("{noun}.")), "{}", ui.many_invitations(n));
                let which = ui.which_invitation(n);
                assert!(which.contains(&format!("{noun} ")) || which.contains(&format!("{noun},")), "{which}");
                assert!(ui.read_line(None, Some(n as u32)).ends_with(&format!(" · {}", mutual[n])), "{}", ui.read_line(None, Some(n as u32)));
                let reason = Reason::MutualConnections { count: n as u32, threshold: 2 }.say(ui);
                assert!(reason.starts_with(&format!("{} (", mutual[n])), "{reason}");
            }
        }
    }

    #[test]
    fn numbers_grouped_by_language() {
        for (ui, want) in [
            (Ui::En, ["0", "999", "1,000", "5,000", "1,234,567"]),
            (Ui::De, ["0", "999", "1.000", "5.000", "1.234.567"]),
            (Ui::Fr, ["0", "999", "1\u{202f}000", "5\u{202f}000", "1\u{202f}234\u{202f}567"]),
        ] {
            for (n, want) in [0, 999, 1000, 5000, 1_234_567].into_iter().zip(want) {
                assert_eq!(ui.number(n), want);
            }
        }
        assert_eq!(Ui::En.invitations(5000), "5,000 invitations");
    }

    #[test]
    fn interface_codes_pick_a_language() {
        for code in ["de", "de-DE", "de_AT", "DE-ch", " de "] {
            assert_eq!(Ui::from_code(code), Ui::De, "{code}");
        }
        for code in ["fr", "fr-FR", "fr_CA", "FR"] {
            assert_eq!(Ui::from_code(code), Ui::Fr, "{code}");
        }
        for code in ["", "en", "en-US", "es", "dex", "deutsch", "french"] {
            assert_eq!(Ui::from_code(code), Ui::En, "{code}");
        }
    }

    fn every_reason() -> Vec<Reason> {
        let Err(error) = Template::parse("Hi {frist_name}") else { panic!("an error") };
        let mut all = vec![
            Reason::KnownPerson { entry: "Jane Doe".into() },
            Reason::FollowInvitation { kind: Kind::Company },
            Reason::NameHasDigits,
            Reason::NoHeadline,
            Reason::OnlyWeakSigns,
            Reason::NotKnown,
            Reason::PersonalNote,
            Reason::NoNote,
            Reason::StockNote,
            Reason::MutualConnections { count: 1, threshold: 5 },
            Reason::MutualConnections { count: 12, threshold: 5 },
            Reason::WroteIn { language: "de".into() },
            Reason::NoTemplateIn { reply: "en".into(), note: "nl".into() },
            Reason::YouAsked,
            Reason::RuleMatched { number: 2, name: "Recruiters".into() },
            Reason::RuleMatched { number: 2, name: String::new() },
            Reason::NoTemplate { id: "x".into() },
            Reason::TemplateError { id: "thanks".into(), error },
        ];
        for list in [KnownList::Companies, KnownList::Schools] {
            for in_headline in [false, true] {
                all.push(Reason::KnownOrganisation { entry: "Acme Corp".into(), list, in_headline });
            }
        }
        for topic in [
            Topic::Romance,
            Topic::MoneyPromises,
            Topic::CryptoOrTrading,
            Topic::MovingChat,
            Topic::Bait,
            Topic::AdultContent,
            Topic::MadeUpProfile,
            Topic::Recruiting,
            Topic::JobOpening,
            Topic::SellingServices,
        ] {
            for text in [Text::Headline, Text::Note] {
                all.push(Reason::Mentions { text, topic });
            }
        }
        all
    }

    /// The English words are the strings a Suggestion's `reasons` hold: the same as before reasons became data.
    #[test]
    fn english_reasons_keep_their_words() {
        let cases = [
            (Reason::PersonalNote, "wrote a personal note"),
            (Reason::Mentions { text: Text::Note, topic: Topic::CryptoOrTrading }, "note mentions crypto or trading"),
            (
                Reason::KnownOrganisation { entry: "Acme".into(), list: KnownList::Companies, in_headline: true },
                "headline mentions Acme from your known companies",
            ),
            (Reason::KnownPerson { entry: "Jane Doe".into() }, "is Jane Doe from your known people"),
            (Reason::FollowInvitation { kind: Kind::Company }, "an invitation to follow a company page, not a person"),
            (Reason::WroteIn { language: "de".into() }, "wrote in German"),
            (Reason::MutualConnections { count: 1, threshold: 5 }, "1 mutual connection (your threshold is 5)"),
            (Reason::RuleMatched { number: 1, name: "Recruiters".into() }, "your rule \"Recruiters\" matched"),
            (Reason::RuleMatched { number: 2, name: " ".into() }, "your rule 2 matched"),
            (Reason::NoTemplate { id: "x".into() }, "no template \"x\" to word a reply with"),
        ];
        for (reason, en) in cases {
            assert_eq!(reason.say(Ui::En), en);
            assert_eq!(serde_json::to_string(&reason).expect("serializes"), serde_json::to_string(en).expect("serializes"));
        }
    }

    #[test]
    fn reasons_in_german_and_french() {
        let cases = [
            (Reason::PersonalNote, "persönliche Nachricht", "message personnel"),
            (
                Reason::Mentions { text: Text::Note, topic: Topic::CryptoOrTrading },
                "Nachricht erwähnt Krypto oder Trading",
                "le message mentionne des cryptomonnaies ou du trading",
            ),
            (
                Reason::KnownPerson { entry: "Jane Doe".into() },
                "steht als Jane Doe unter Ihren bekannten Personen",
                "figure sous le nom Jane Doe parmi vos personnes connues",
            ),
            (
                Reason::FollowInvitation { kind: Kind::Company },
                "eine Unternehmensseite, keine Person",
                "une invitation à suivre une page d'entreprise, pas une personne",
            ),
            (Reason::WroteIn { language: "de".into() }, "schrieb auf Deutsch", "a écrit en allemand"),
            (
                Reason::MutualConnections { count: 12, threshold: 5 },
                "12 gemeinsame Kontakte (Ihre Schwelle: 5)",
                "12 relations en commun (votre seuil\u{a0}: 5)",
            ),
            (
                Reason::RuleMatched { number: 1, name: "Recruiters".into() },
                "Ihre Regel „Recruiters“ trifft zu",
                "votre règle «\u{a0}Recruiters\u{a0}» s'applique",
            ),
        ];
        for (reason, de, fr) in cases {
            assert_eq!(reason.say(Ui::De), de);
            assert_eq!(reason.say(Ui::Fr), fr);
        }
    }

    /// Every reason has words of its own in German and French: none falls back to English.
    #[test]
    fn no_reason_stays_english() {
        for reason in every_reason() {
            let en = reason.say(Ui::En);
            for ui in [Ui::De, Ui::Fr] {
                for said in [reason.say(ui), reason.say_on_page(ui)] {
                    assert_ne!(said, en, "{ui:?}: {reason:?}");
                    assert!(!said.contains(" your ") && !said.contains("mentions") && !said.contains("column"), "{ui:?}: {said}");
                }
            }
        }
    }

    /// Text on a page never names an entry of the user's known lists, a rule's name or a template id.
    #[test]
    fn reasons_on_a_page_name_no_private_entry() {
        for reason in every_reason() {
            for ui in Ui::ALL {
                let said = reason.say_on_page(ui);
                for secret in ["Jane Doe", "Acme", "Recruiters", "thanks", "\"x\""] {
                    assert!(!said.contains(secret), "{ui:?}: {said}");
                }
            }
        }
        assert_eq!(
            Reason::KnownOrganisation { entry: "Acme".into(), list: KnownList::Companies, in_headline: true }.say_on_page(Ui::En),
            "headline matches your known companies"
        );
    }

    /// The details' parts each read alone: French "longue" beside "Personnel, anglais" agreed
    /// with neither, so it is "version longue"; English and German unchanged.
    #[test]
    fn the_details_length_agrees_with_its_noun() {
        let how = |ui: Ui, v: Variant| ui.decided_line("K", None, "R", &[Category::Personalized.say(ui), ui.variant_in_line(v)]);
        assert_eq!(how(Ui::Fr, Variant::Long), "K → R (Personnel, version longue)");
        assert_eq!(how(Ui::Fr, Variant::Short), "K → R (Personnel, version courte)");
        assert_eq!(how(Ui::En, Variant::Long), "K → R (Personal, long)");
        assert_eq!(how(Ui::De, Variant::Short), "K → R (Persönlich, kurz)");
    }

    #[test]
    fn names_of_things_in_every_language() {
        assert_eq!(Category::Personalized.say(Ui::De), "Persönlich");
        assert_eq!(Action::Report.say(Ui::Fr), "Signaler");
        assert_eq!(Variant::Short.say(Ui::De), "kurz");
        assert_eq!(Ui::Fr.close(), "Fermer");
        assert_eq!(Ui::De.close(), "Schließen");
        assert_eq!(JsonError::Eof.say(Ui::Fr), "le texte s'arrête trop tôt");
        assert_eq!(Ui::De.category_label(), "Vorlage");
    }

    /// The extension's interface words in each language, as the pages load them: the pages'
    /// own from `crates/options/src/messages.rs` (`key:` and three string literals a message),
    /// the rest from `_locales`, as `{"key": {"message": "…"}}`.
    fn locale_messages() -> [(Ui, serde_json::Value); 3] {
        let parse = |json: &str| -> serde_json::Value { serde_json::from_str(json).expect("a locale parses") };
        let mut all = [
            (Ui::En, parse(include_str!("../../../extension/_locales/en/messages.json"))),
            (Ui::De, parse(include_str!("../../../extension/_locales/de/messages.json"))),
            (Ui::Fr, parse(include_str!("../../../extension/_locales/fr/messages.json"))),
        ];
        let source = include_str!("../../options/src/messages.rs");
        let table = &source[source.find("static MESSAGES").expect("the table")..];
        let mut lines = table.lines().skip(1).map(str::trim);
        while let Some(key) = lines.next().and_then(|l| l.strip_suffix(':')) {
            for (ui, messages) in &mut all {
                let literal = lines.next().expect("three wordings");
                let inner = &literal[1..literal.len() - 2];
                // The wordings' one escape is `\"`.
                let text = inner.replace("\\\"", "\"");
                assert!(!text.contains('\\'), "{key}: an escape to read");
                // The side panel's title is Firefox's sidebar's in `_locales` too: the same words.
                assert!(messages.get(key).is_none_or(|m| m["message"] == text.as_str()), "{ui:?} {key} twice");
                messages[key] = serde_json::json!({ "message": text });
            }
        }
        assert!(all.iter().all(|(_, m)| m.as_object().is_some_and(|m| m.len() > 300)), "the table read whole");
        all
    }

    /// The invitation's note has one name a language, as the side panel and the options page
    /// call it: French rows read "Pas de message" beside "aucune note personnelle", and the
    /// filter "Message personnel" beside the reason "note personnelle".
    #[test]
    fn the_note_is_named_as_the_panel_names_it() {
        for ((ui, messages), word) in locale_messages().into_iter().zip(["note", "Nachricht", "message"]) {
            let no_note = messages["panel_no_note"]["message"].as_str().expect("panel_no_note");
            assert!(case::lower_str(no_note).contains(&case::lower_str(word)), "{ui:?}: {no_note}");
            let read = [ui.read_line(Some("Hi"), None), ui.read_line(None, None)];
            // A template error lists the placeholders ({note}), the same in every language.
            let reasons = every_reason().into_iter().filter(|r| !matches!(r, Reason::TemplateError { .. }));
            let said = reasons.map(|r| r.say(ui)).chain(read).collect::<Vec<_>>();
            let other = match ui {
                Ui::Fr => "note",
                _ => "message",
            };
            for s in &said {
                assert!(!s.split(|c: char| !c.is_alphanumeric()).any(|w| w == other), "{ui:?}: {s}");
            }
            for r in [Reason::PersonalNote, Reason::NoNote, Reason::StockNote, Reason::Mentions { text: Text::Note, topic: Topic::Bait }] {
                assert!(r.say(ui).contains(word), "{ui:?}: {}", r.say(ui));
            }
        }
    }

    /// One apostrophe, the straight one the notices and the replies write: the welcome page
    /// read "don’t" beside "the note's", the French options page "l’ordre" beside "Rien
    /// d'enregistré" (the panel's words). The straight one is a byte, the curly one three.
    #[test]
    fn one_apostrophe_everywhere() {
        let locales = [
            include_str!("../../../extension/_locales/en/messages.json"),
            include_str!("../../../extension/_locales/de/messages.json"),
            include_str!("../../../extension/_locales/fr/messages.json"),
            include_str!("../../options/src/messages.rs"),
        ];
        let texts = locales.into_iter().chain(crate::template::default_templates().iter().map(|(_, src)| *src));
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                assert!(!(w[1] == '\u{2019}' && w[0].is_alphabetic() && w[2].is_alphabetic()), "{}", w.iter().collect::<String>());
            }
        }
        assert!(Ui::En.too_long(8000).contains("LinkedIn's"));
        assert!(Ui::Fr.too_long(8000).contains("n'a"));
    }

    /// French keeps its high punctuation with its word: a no-break space before `:` `;` `?` `!`
    /// `»` and after `«`, in the pages' messages and the French replies as in every
    /// [`en_de_fr!`] (asserted as it compiles). 57 of 64 colons in the pages' French had a plain
    /// space, so "?" or "»" could open a line of a narrow panel or notice.
    #[test]
    fn french_high_punctuation_keeps_to_its_word() {
        let [.., (_, fr)] = locale_messages();
        let fr = fr.as_object().expect("messages").values().map(|m| m["message"].as_str().expect("a message").to_owned());
        let replies = crate::template::default_templates().iter().filter(|(id, _)| id.contains(".fr.")).map(|(_, src)| (*src).to_owned());
        for text in fr.chain(replies) {
            // Each line (a message, a reply's paragraph) as one wording: the separator before it.
            for line in text.lines() {
                let words = ["\u{1f}\u{1f}", line].concat();
                assert!(EnDeFr::french_spaced(&words), "a plain space in: {line}");
            }
        }
        assert!(Ui::Fr.which_invitation(2).contains("«\u{a0}Répondre\u{a0}»"));
        let two = [&crate::reason::Reason::NameHasDigits, &crate::reason::Reason::NotKnown];
        assert!(crate::reason::say_together(&two, Ui::Fr, false).contains("\u{a0}; "));
        assert!(crate::reason::say_together(&two, Ui::En, false).contains("; "));
        assert!(!EnDeFr::french_spaced("a\u{1f}b\u{1f}Un souci ?"));
        assert!(!EnDeFr::french_spaced("a\u{1f}b\u{1f}« oui\u{a0}»"));
    }

    /// The options page names the template placeholders as a template's error does (French:
    /// "Champs" over the editor, "espace réservé inconnu" under it), and names the imported file
    /// as the refusal does (German: "„x.json“ wurde nicht importiert" but "x.json importiert").
    #[test]
    fn placeholders_and_imported_files_are_named_alike() {
        let err = crate::template::Template::parse("{zzz}").expect_err("an unknown placeholder");
        for (ui, messages) in locale_messages() {
            let says = |key: &str| messages[key]["message"].as_str().expect(key).to_owned();
            let word = case::lower_str(says("tpl_syntax_hint").split(':').next().unwrap_or("").trim_end_matches('\u{a0}'));
            assert!(case::lower_str(&err.message(ui)).contains(&word), "{ui:?}: {word} / {}", err.message(ui));
            // The report page's title says what it is, then what it holds: "Ein Seitenbericht
            // dessen, was NotYet gelesen hat" and "Un rapport de page de ce que NotYet a lu" read stiff.
            assert!(!says("report_title").contains("dessen") && !says("report_title").contains(" de ce que"), "{ui:?}");
            let quoted = ui.quote("$1");
            assert!(says("import_refused").contains(&quoted) && says("imported").contains(&quoted), "{ui:?}");
        }
    }

    /// The known lists are named as the options page names them, and its section too: the
    /// German reasons said "bekannten Unternehmen" of the list headed "Firmen" (now "Unternehmen"
    /// on the pages too), and the section "Menschen, die Sie kennen" held a list headed "Personen".
    #[test]
    fn known_lists_are_named_as_the_options_page_names_them() {
        for (ui, messages) in locale_messages() {
            let word = |key: &str| case::lower_str(messages[key]["message"].as_str().expect(key));
            for (list, key) in [(KnownList::People, "known_people"), (KnownList::Companies, "known_companies"), (KnownList::Schools, "known_schools")] {
                assert_eq!(case::lower_str(&list.say(ui)), word(key), "{ui:?} {key}");
            }
            assert!(word("known").contains(&word("known_people")), "{ui:?}: {}", word("known"));
        }
    }

    /// The notice's "Reply as" and the side panel's filter name a category alike: the French
    /// notice said "Vente" and "Relations communes" where its panel said "Démarchage" and
    /// "Relations en commun", the German "Recruiter" beside "Personalvermittlung".
    #[test]
    fn categories_are_named_as_the_panel_names_them() {
        for (ui, messages) in locale_messages() {
            for (category, key) in [
                (Category::Known, "cat_known"),
                (Category::Spam, "cat_spam"),
                (Category::Recruiter, "cat_recruiter"),
                (Category::Sales, "cat_sales"),
                (Category::Mutual, "cat_mutual"),
                (Category::Generic, "cat_generic"),
                (Category::NotAPerson, "cat_not_a_person"),
            ] {
                assert_eq!(category.say(ui), messages[key]["message"].as_str().expect(key), "{ui:?} {key}");
            }
        }
    }
}
