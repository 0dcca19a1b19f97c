//! Every word NotYet shows on the page, in the browser's interface language: the notices, their
//! buttons, and the reasons a notice quotes from a [`Suggestion`](crate::Suggestion).
//!
//! One place, so a new language is one more match arm per message. Whole sentences per language,
//! not pieces glued together: German puts the verb elsewhere. The drafts' own language is
//! another matter (the note's language, see [`decide`](crate::decide())); this is the user's.

/// The interface language of the notices. Unknown languages get English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ui {
    #[default]
    En,
    De,
}

impl Ui {
    /// The language of a browser's interface language code: "de", "de-AT", "de_CH" → German;
    /// anything else, including "" → English.
    pub fn from_code(code: &str) -> Ui {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Ui::De
        } else {
            Ui::En
        }
    }

    fn pick(self, en: &'static str, de: &'static str) -> &'static str {
        match self {
            Ui::En => en,
            Ui::De => de,
        }
    }

    pub fn unsupported(self) -> &'static str {
        self.pick(
            "NotYet works on LinkedIn. Open your invitations (linkedin.com/mynetwork/invitation-manager), open Reply or Message on one, then click NotYet.",
            "NotYet funktioniert auf LinkedIn. Öffnen Sie Ihre Einladungen (linkedin.com/mynetwork/invitation-manager), öffnen Sie bei einer davon „Antworten“ oder „Nachricht“ und klicken Sie dann auf NotYet.",
        )
    }

    pub fn gone(self) -> &'static str {
        self.pick(
            "The message box closed before NotYet could write in it. Nothing was changed: open it again and click NotYet.",
            "Das Nachrichtenfeld wurde geschlossen, bevor NotYet hineinschreiben konnte. Es wurde nichts geändert: Öffnen Sie es erneut und klicken Sie auf NotYet.",
        )
    }

    pub fn unknown_request(self) -> &'static str {
        self.pick(
            "NotYet got a request it doesn't know. Nothing was changed.",
            "NotYet hat eine unbekannte Anfrage erhalten. Es wurde nichts geändert.",
        )
    }

    /// `error` is the JSON parser's own message, left as it is.
    pub fn unreadable(self, error: &str) -> String {
        match self {
            Ui::En => format!("NotYet couldn't read this page ({error}). Nothing was changed."),
            Ui::De => format!(
                "NotYet konnte diese Seite nicht lesen ({error}). Es wurde nichts geändert."
            ),
        }
    }

    /// The notice's button that opens the side panel on an invitation list.
    pub fn triage(self, n: usize) -> String {
        match self {
            Ui::En => format!("Triage {n} invitations"),
            Ui::De => format!("{n} Einladungen sichten"),
        }
    }

    pub fn opening_panel(self) -> &'static str {
        self.pick(
            "Opening NotYet's invitation panel.",
            "Das Einladungs-Panel von NotYet wird geöffnet.",
        )
    }

    pub fn opening_options(self) -> &'static str {
        self.pick(
            "Opening NotYet's options.",
            "Die Optionen von NotYet werden geöffnet.",
        )
    }

    pub fn sent_page(self) -> &'static str {
        self.pick(
            "This page lists invitations you sent. NotYet drafts replies to invitations you received: open Received, then Reply or Message on one.",
            "Diese Seite zeigt Einladungen, die Sie gesendet haben. NotYet entwirft Antworten auf Einladungen, die Sie erhalten haben: Öffnen Sie „Erhalten“ und dann bei einer Einladung „Antworten“ oder „Nachricht“.",
        )
    }

    pub fn which_invitation(self, n: usize) -> String {
        match self {
            Ui::En => format!("{n} invitations here, and NotYet couldn't tell which one this message box is for. Open the box from the invitation's Reply or Message button."),
            Ui::De => format!("Hier sind {n} Einladungen, und NotYet konnte nicht erkennen, zu welcher dieses Nachrichtenfeld gehört. Öffnen Sie das Feld über „Antworten“ oder „Nachricht“ bei der Einladung."),
        }
    }

    pub fn draft_changed(self) -> &'static str {
        self.pick(
            "You've changed NotYet's draft, so it stays as you wrote it. Clear the box and click NotYet again for a fresh draft.",
            "Sie haben den Entwurf von NotYet geändert, daher bleibt er so, wie Sie ihn geschrieben haben. Für einen neuen Entwurf leeren Sie das Feld und klicken Sie erneut auf NotYet.",
        )
    }

    pub fn too_long(self, limit: u32) -> String {
        match self {
            Ui::En => format!("The box already holds a long text; with the draft it would pass LinkedIn's {limit} characters. Nothing was added."),
            Ui::De => format!("Das Feld enthält bereits einen langen Text; mit dem Entwurf wären es mehr als die {limit} Zeichen, die LinkedIn erlaubt. Es wurde nichts hinzugefügt."),
        }
    }

    /// The success notice. `reason` is already translated; `kept`: the user's own text stays above.
    pub fn drafted(self, who: &str, reason: Option<&str>, kept: bool) -> String {
        let reason = reason.map(|r| format!(" ({r})")).unwrap_or_default();
        match self {
            Ui::En => {
                let kept = if kept {
                    " Your own text is kept above it."
                } else {
                    ""
                };
                format!(
                    "Drafted a reply to {who}{reason}.{kept} Read it over and press Send yourself."
                )
            }
            Ui::De => {
                let kept = if kept {
                    " Ihr eigener Text bleibt darüber erhalten."
                } else {
                    ""
                };
                format!("Antwort an {who} entworfen{reason}.{kept} Bitte lesen Sie sie durch und drücken Sie selbst auf Senden.")
            }
        }
    }

    pub fn shorter(self) -> &'static str {
        self.pick("Shorter", "Kürzer")
    }

    pub fn longer(self) -> &'static str {
        self.pick("Longer", "Länger")
    }

    pub fn restore(self) -> &'static str {
        self.pick("Restore", "Wiederherstellen")
    }

    pub fn options(self) -> &'static str {
        self.pick("Options", "Optionen")
    }

    pub fn nothing_to_restore(self) -> &'static str {
        self.pick(
            "Nothing to restore: NotYet hasn't written in this box.",
            "Nichts wiederherzustellen: NotYet hat in diesem Feld nichts geschrieben.",
        )
    }

    pub fn restore_refused(self) -> &'static str {
        self.pick(
            "The box has changed since NotYet's draft, so Restore left it as it is (your edits stay). Ctrl+Z undoes step by step.",
            "Das Feld hat sich seit dem Entwurf von NotYet geändert, daher hat „Wiederherstellen“ es so gelassen (Ihre Änderungen bleiben). Strg+Z macht Schritt für Schritt rückgängig.",
        )
    }

    pub fn restored(self, had_text: bool) -> &'static str {
        match (self, had_text) {
            (Ui::En, false) => "Restored: the box is empty again, as it was.",
            (Ui::En, true) => "Restored: the box holds your text as it was before the draft.",
            (Ui::De, false) => "Wiederhergestellt: Das Feld ist wieder leer, wie zuvor.",
            (Ui::De, true) => {
                "Wiederhergestellt: Das Feld enthält Ihren Text wieder so wie vor dem Entwurf."
            }
        }
    }

    /// Stands in for a name the page didn't show.
    pub fn this_person(self) -> &'static str {
        self.pick("this person", "diese Person")
    }

    pub fn no_invitation(self) -> &'static str {
        self.pick(
            "No invitation found on this page. Open your invitations, then Reply or Message on one, and click NotYet again.",
            "Auf dieser Seite wurde keine Einladung gefunden. Öffnen Sie Ihre Einladungen, öffnen Sie bei einer davon „Antworten“ oder „Nachricht“ und klicken Sie erneut auf NotYet.",
        )
    }

    pub fn one_invitation(self, who: &str) -> String {
        match self {
            Ui::En => format!("1 invitation, from {who}. Open Reply or Message on it to draft a decline."),
            Ui::De => format!("1 Einladung, von {who}. Öffnen Sie dort „Antworten“ oder „Nachricht“, um eine Absage zu entwerfen."),
        }
    }

    pub fn many_invitations(self, n: usize) -> String {
        match self {
            Ui::En => format!("{n} invitations. Open Reply or Message on one to draft a decline."),
            Ui::De => format!("{n} Einladungen. Öffnen Sie bei einer davon „Antworten“ oder „Nachricht“, um eine Absage zu entwerfen."),
        }
    }

    /// `why` is empty or " (reasons)", already translated.
    pub fn accept_advice(self, who: &str, why: &str) -> String {
        match self {
            Ui::En => format!("{who} looks like someone you know{why}: accept the invitation if you like. Nothing was written."),
            Ui::De => format!("{who} scheint jemand zu sein, den Sie kennen{why}: Nehmen Sie die Einladung an, wenn Sie möchten. Es wurde nichts geschrieben."),
        }
    }

    pub fn spam_advice(self, who: &str, why: &str) -> String {
        match self {
            Ui::En => format!("This invitation from {who} looks like spam{why}. Better not to reply: ignore or report it. Nothing was written."),
            Ui::De => format!("Diese Einladung von {who} sieht nach Spam aus{why}. Antworten Sie besser nicht: Ignorieren oder melden Sie sie. Es wurde nichts geschrieben."),
        }
    }

    pub fn follow_advice(self, who: &str, why: &str) -> String {
        match self {
            Ui::En => format!("This is an invitation to follow {who}{why}, not a person to answer. Ignore it if you like. Nothing was written."),
            Ui::De => format!("Dies ist eine Einladung, {who} zu folgen{why}, keine Person, der Sie antworten müssten. Ignorieren Sie sie, wenn Sie möchten. Es wurde nichts geschrieben."),
        }
    }

    pub fn no_text(self, who: &str) -> String {
        match self {
            Ui::En => format!("NotYet has no text for {who}. Nothing was written."),
            Ui::De => format!("NotYet hat keinen Text für {who}. Es wurde nichts geschrieben."),
        }
    }

    /// A suggestion's reason (English, from the classifier and [`decide`](crate::decide())) in
    /// this language. A reason not known here stays English rather than being dropped.
    pub fn reason(self, reason: &str) -> String {
        match self {
            Ui::En => reason.to_owned(),
            Ui::De => reason_de(reason).unwrap_or_else(|| reason.to_owned()),
        }
    }
}

/// Fixed reasons and the words that fill the patterned ones, English → German.
const DE: &[(&str, &str)] = &[
    ("wrote a personal note", "persönliche Nachricht"),
    ("sent no personal note", "keine persönliche Nachricht"),
    (
        "note holds only a greeting or LinkedIn's stock text",
        "Nachricht enthält nur einen Gruß oder LinkedIns Standardtext",
    ),
    (
        "not in your known people",
        "nicht unter Ihren bekannten Personen",
    ),
    ("name contains digits", "Name enthält Ziffern"),
    ("no headline", "keine Headline"),
    // Fields and topics of "<field> mentions <topic>".
    ("headline", "Headline"),
    ("note", "Nachricht"),
    ("romance", "Romantik"),
    ("money promises", "Geldversprechen"),
    ("crypto or trading", "Krypto oder Trading"),
    (
        "moving to WhatsApp or Telegram",
        "Wechsel zu WhatsApp oder Telegram",
    ),
    ("adult content", "Inhalte für Erwachsene"),
    ("a made-up-looking profile", "ein erfunden wirkendes Profil"),
    ("recruiting", "Recruiting"),
    ("a job opening", "eine offene Stelle"),
    ("selling services", "Verkauf von Dienstleistungen"),
    // "from your known <list>".
    ("people", "Personen"),
    ("companies", "Unternehmen"),
    ("schools", "Schulen"),
    // "an invitation to follow a <kind>, not a person".
    ("company page", "eine Unternehmensseite"),
    ("school page", "eine Schulseite"),
    ("group", "eine Gruppe"),
    ("event", "eine Veranstaltung"),
    ("newsletter", "ein Newsletter"),
    ("page", "eine Seite"),
    // "wrote in <language>".
    ("English", "Englisch"),
    ("German", "Deutsch"),
    ("French", "Französisch"),
    ("Spanish", "Spanisch"),
    ("Italian", "Italienisch"),
    ("Portuguese", "Portugiesisch"),
    ("Dutch", "Niederländisch"),
];

fn de(en: &str) -> Option<&'static str> {
    DE.iter().find(|(e, _)| *e == en).map(|(_, d)| *d)
}

/// German for a reason, or `None` when its wording isn't known here. Patterns follow the
/// `format!`s in classify.rs and decide.rs; names and template ids pass through unchanged.
fn reason_de(r: &str) -> Option<String> {
    if let Some(d) = de(r) {
        return Some(d.to_owned());
    }
    if let Some((k, list)) = r
        .strip_prefix("is ")
        .and_then(|s| s.rsplit_once(" from your known "))
    {
        return Some(format!("ist {k} aus Ihren bekannten {}", de(list)?));
    }
    if let Some((k, list)) = r
        .strip_prefix("headline mentions ")
        .and_then(|s| s.rsplit_once(" from your known "))
    {
        return Some(format!(
            "Headline nennt {k} aus Ihren bekannten {}",
            de(list)?
        ));
    }
    if let Some((field, topic)) = r.split_once(" mentions ") {
        return Some(format!("{} erwähnt {}", de(field)?, de(topic)?));
    }
    if let Some(kind) = r
        .strip_prefix("an invitation to follow a ")
        .and_then(|s| s.strip_suffix(", not a person"))
    {
        return Some(format!("{}, keine Person", de(kind)?));
    }
    if let Some(language) = r.strip_prefix("wrote in ") {
        return Some(format!("schrieb auf {}", de(language)?));
    }
    if let Some((n, rest)) = r.split_once(" mutual connection") {
        let threshold = rest.strip_suffix(')')?.rsplit_once("threshold is ")?.1;
        let contacts = if n == "1" {
            "gemeinsamer Kontakt"
        } else {
            "gemeinsame Kontakte"
        };
        return Some(format!("{n} {contacts} (Ihre Schwelle: {threshold})"));
    }
    if let Some(rule) = r
        .strip_prefix("your rule ")
        .and_then(|s| s.strip_suffix(" matched"))
    {
        let rule = rule
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .map_or_else(|| rule.to_owned(), |name| format!("„{name}“"));
        return Some(format!("Ihre Regel {rule} trifft zu"));
    }
    if let Some(id) = r
        .strip_prefix("no template \"")
        .and_then(|s| s.strip_suffix("\" to word a reply with"))
    {
        return Some(format!("keine Vorlage „{id}“ für eine Antwort"));
    }
    if let Some((id, error)) = r
        .strip_prefix("your template \"")
        .and_then(|s| s.split_once("\" has an error "))
    {
        return Some(format!("Ihre Vorlage „{id}“ hat einen Fehler {error}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_codes_pick_a_language() {
        for code in ["de", "de-DE", "de_AT", "DE-ch", " de "] {
            assert_eq!(Ui::from_code(code), Ui::De, "{code}");
        }
        for code in ["", "en", "en-US", "fr", "dex", "deutsch"] {
            assert_eq!(Ui::from_code(code), Ui::En, "{code}");
        }
    }

    /// Guards the patterns against the classifier's wording drifting: every built-in sample's
    /// reasons, with and without a mutual-connections threshold, have German words.
    #[test]
    fn every_sample_reason_has_german_words() {
        let mut settings = crate::Settings::default();
        for threshold in [0, 5] {
            settings.mutual_threshold = threshold;
            for sample in crate::samples::samples() {
                let s = crate::decide(&sample.invitation, &sample.settings_for(&settings));
                for r in &s.reasons {
                    assert!(reason_de(r).is_some(), "{}: no German for {r:?}", sample.id);
                }
            }
        }
    }

    #[test]
    fn reasons_in_german_and_unknown_ones_kept() {
        let cases = [
            ("wrote a personal note", "persönliche Nachricht"),
            (
                "note mentions crypto or trading",
                "Nachricht erwähnt Krypto oder Trading",
            ),
            (
                "headline mentions Acme from your known companies",
                "Headline nennt Acme aus Ihren bekannten Unternehmen",
            ),
            (
                "is Jane Doe from your known people",
                "ist Jane Doe aus Ihren bekannten Personen",
            ),
            (
                "an invitation to follow a company page, not a person",
                "eine Unternehmensseite, keine Person",
            ),
            ("wrote in German", "schrieb auf Deutsch"),
            (
                "1 mutual connection (your threshold is 5)",
                "1 gemeinsamer Kontakt (Ihre Schwelle: 5)",
            ),
            (
                "12 mutual connections (your threshold is 5)",
                "12 gemeinsame Kontakte (Ihre Schwelle: 5)",
            ),
            (
                "your rule \"Recruiters\" matched",
                "Ihre Regel „Recruiters“ trifft zu",
            ),
            ("your rule 2 matched", "Ihre Regel 2 trifft zu"),
            (
                "no template \"x\" to word a reply with",
                "keine Vorlage „x“ für eine Antwort",
            ),
            ("something new entirely", "something new entirely"),
            (
                "note mentions an unheard-of topic",
                "note mentions an unheard-of topic",
            ),
        ];
        for (en, de) in cases {
            assert_eq!(Ui::De.reason(en), de);
            assert_eq!(Ui::En.reason(en), en);
        }
    }
}
