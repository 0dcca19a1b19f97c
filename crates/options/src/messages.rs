//! The extension pages' interface words, in English, German and French: the options page, the
//! welcome page and the side panel, read with [`crate::tr`]. The browser's own `_locales` keeps
//! only what the browser and the scripts without the module read (the manifest's name,
//! description, action title and command descriptions, the worker's few notice words, the page
//! report's page) and `html_lang`, the language of the locale the browser picked, which chooses
//! the pages' language here too. These 307 messages were there until 1 Dec 2026: in the module
//! they are one string, each message its key and its three wordings as [`en_de_fr!`] joins them,
//! 3.4 KB less in each zip than three JSON files of the same words (README, WASM size).
//!
//! `$1`, `$2`, `$3` are filled as `i18n.getMessage` fills its substitutions ([`fill`]).

use notyet_core::words::EnDeFr;

/// Messages as one string: `key U+001F en U+001F de U+001F fr U+001E` each, checked as it
/// compiles to hold exactly three wordings a message (a missing one does not compile), and French
/// spaced as every [`notyet_core::en_de_fr!`] is.
macro_rules! messages {
    ($($key:ident: $en:literal, $de:literal, $fr:literal;)*) => {{
        $(const _: () = assert!(EnDeFr::french_spaced(concat!($en, "\u{1f}", $de, "\u{1f}", $fr)), concat!(stringify!($key), ": French needs a no-break space (U+00A0) before : ; ? ! » and after «"));)*
        const ALL: &str = concat!($(stringify!($key), "\u{1f}", $en, "\u{1f}", $de, "\u{1f}", $fr, "\u{1e}"),*);
        const _: () = assert!(three_each(ALL), "a message holds U+001E or U+001F");
        ALL
    }};
}

/// Whether every message of `all` has its key and exactly three wordings.
const fn three_each(all: &str) -> bool {
    let b = all.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        match b[i] {
            0x1f => n += 1,
            0x1e if n == 3 => n = 0,
            0x1e => return false,
            _ => {}
        }
        i += 1;
    }
    n == 0 && !b.is_empty() && b[b.len() - 1] == 0x1e
}

/// In the order of the pages (the options page, its status and problems, the welcome page, the
/// side panel), which deflates better than sorted by key (130 B in the zip).
static MESSAGES: &str = messages! {
    options_title:
        "NotYet settings",
        "NotYet-Einstellungen",
        "Réglages de NotYet";
    toolbar_label:
        "Settings actions",
        "Aktionen für die Einstellungen",
        "Actions des réglages";
    save:
        "Save",
        "Speichern",
        "Enregistrer";
    save_hint:
        "Save (Ctrl+S or ⌘S). The next toolbar click uses the saved settings.",
        "Speichern (Strg+S oder ⌘S). Der nächste Klick auf das Symbol verwendet die gespeicherten Einstellungen.",
        "Enregistrer (Ctrl+S ou ⌘S). Le prochain clic sur le bouton utilise les réglages enregistrés.";
    export:
        "Export…",
        "Exportieren…",
        "Exporter…";
    import:
        "Import…",
        "Importieren…",
        "Importer…";
    reset:
        "Reset to defaults…",
        "Auf Standard zurücksetzen…",
        "Rétablir les valeurs par défaut…";
    unsaved:
        "Unsaved changes: press Save or Ctrl+S.",
        "Ungespeicherte Änderungen: Speichern oder Strg+S drücken.",
        "Modifications non enregistrées : cliquez sur Enregistrer ou appuyez sur Ctrl+S.";
    saved:
        "Saved. The next click on the NotYet button uses these settings.",
        "Gespeichert. Der nächste Klick auf das NotYet-Symbol verwendet diese Einstellungen.",
        "Enregistré. Le prochain clic sur le bouton NotYet utilise ces réglages.";
    save_refused:
        "Not saved: please fix the problems listed below first.",
        "Nicht gespeichert: Bitte zuerst die unten genannten Probleme beheben.",
        "Non enregistré : corrigez d'abord les problèmes ci-dessous.";
    save_failed:
        "Not saved: $1. Your changes are still here.",
        "Nicht gespeichert: $1. Ihre Änderungen sind noch da.",
        "Non enregistré : $1. Vos modifications sont toujours là.";
    loaded_with_notes:
        "Your stored settings were read with these notes:",
        "Ihre gespeicherten Einstellungen wurden mit diesen Hinweisen gelesen:",
        "Vos réglages enregistrés ont été lus avec ces remarques :";
    stored_replaced:
        "Your stored settings couldn't be read: NotYet uses the defaults shown here until you save.",
        "Ihre gespeicherten Einstellungen ließen sich nicht lesen: NotYet verwendet die hier gezeigten Standardwerte, bis Sie speichern.",
        "Vos réglages enregistrés n'ont pas pu être lus : NotYet utilise les valeurs par défaut affichées ici jusqu'à ce que vous enregistriez.";
    unsaved_problems:
        "Unsaved changes. To save, fix these problems first:",
        "Ungespeicherte Änderungen. Zum Speichern zuerst diese Probleme beheben:",
        "Modifications non enregistrées. Pour enregistrer, corrigez d'abord ces problèmes :";
    changed_elsewhere:
        "Settings were changed in another window; showing them now.",
        "Die Einstellungen wurden in einem anderen Fenster geändert und werden jetzt angezeigt.",
        "Les réglages ont été modifiés dans une autre fenêtre ; ils sont affichés ici.";
    changed_elsewhere_dirty:
        "Settings were changed in another window. Saving here will replace them with what you see.",
        "Die Einstellungen wurden in einem anderen Fenster geändert. Speichern ersetzt sie durch das, was Sie hier sehen.",
        "Les réglages ont été modifiés dans une autre fenêtre. Enregistrer ici les remplacera par ce que vous voyez.";
    me:
        "About you",
        "Über Sie",
        "À propos de vous";
    me_hint:
        "Your replies can be signed with your name and offer your email or a link.",
        "Ihre Antworten können Ihren Namen als Unterschrift tragen und Ihre E-Mail oder einen Link anbieten.",
        "Vos réponses peuvent être signées de votre nom et proposer votre adresse e-mail ou un lien.";
    me_name:
        "Your name",
        "Ihr Name",
        "Votre nom";
    me_email:
        "Email address",
        "E-Mail-Adresse",
        "Adresse e-mail";
    me_email_hint:
        "Optional. Without one, the sentence that offers it is left out.",
        "Optional. Ohne Adresse entfällt der Satz, der sie anbietet.",
        "Facultatif. Sans adresse, la phrase qui la propose est omise.";
    me_email_bad:
        "This doesn't look like an email address.",
        "Das sieht nicht nach einer E-Mail-Adresse aus.",
        "Cela ne ressemble pas à une adresse e-mail.";
    me_link:
        "Link",
        "Link",
        "Lien";
    me_link_bad:
        "This doesn't look like a web address (https://…).",
        "Das sieht nicht nach einer Webadresse (https://…) aus.",
        "Cela ne ressemble pas à une adresse web (https://…).";
    me_link_hint:
        "Optional, for example a page about how you connect.",
        "Optional, etwa eine Seite darüber, wie Sie sich vernetzen.",
        "Facultatif, par exemple une page expliquant avec qui vous vous connectez.";
    known:
        "People you know",
        "Personen, die Sie kennen",
        "Personnes que vous connaissez";
    known_hint:
        "Invitations from these people, or from people at these companies or schools, are suggested for accepting.",
        "Einladungen von diesen Personen oder von Personen dieser Unternehmen oder Schulen werden zum Annehmen vorgeschlagen.",
        "Il est proposé d'accepter les invitations de ces personnes, ou de personnes de ces entreprises ou écoles.";
    known_people:
        "People",
        "Personen",
        "Personnes";
    known_companies:
        "Companies",
        "Unternehmen",
        "Entreprises";
    known_schools:
        "Schools",
        "Schulen",
        "Écoles";
    one_per_line:
        "One per line.",
        "Eine pro Zeile.",
        "Une par ligne.";
    general:
        "General",
        "Allgemein",
        "Général";
    mutual_threshold:
        "Mutual connections threshold",
        "Schwelle für gemeinsame Kontakte",
        "Seuil de relations en commun";
    mutual_threshold_hint:
        "From this many shared connections, a stranger with no note is asked where you met. 0 turns this off.",
        "Ab so vielen gemeinsamen Kontakten wird eine fremde Person ohne Nachricht gefragt, woher man sich kennt. 0 schaltet das ab.",
        "À partir de ce nombre de relations en commun, on demande à une personne inconnue qui vous invite sans message où vous avez fait connaissance. 0 désactive cette règle.";
    whole_number:
        "Please enter a whole number, 0 or more.",
        "Bitte eine ganze Zahl ab 0 eingeben.",
        "Saisissez un nombre entier, 0 ou plus.";
    language:
        "Default language",
        "Standardsprache",
        "Langue par défaut";
    language_hint:
        "Replies use the note's language when it is clear and a template exists in it; otherwise this one.",
        "Antworten verwenden die Sprache der Nachricht, wenn sie eindeutig ist und es eine Vorlage dafür gibt; sonst diese.",
        "Les réponses suivent la langue du message quand elle est claire et qu'un modèle existe dans cette langue ; sinon celle-ci.";
    variant:
        "Reply length",
        "Länge der Antwort",
        "Longueur de la réponse";
    variant_short:
        "Short",
        "Kurz",
        "Courte";
    variant_long:
        "Long",
        "Lang",
        "Longue";
    sign_off:
        "Your sign-off",
        "Ihr Gruß",
        "Votre formule de fin";
    sign_off_hint:
        "Added after every reply in place of the built-in closing, for example “Best,” and {me.name} on the next line. Empty keeps the built-in one.",
        "Wird statt des eingebauten Grußes an jede Antwort angehängt, zum Beispiel „Viele Grüße“ und {me.name} in der nächsten Zeile. Leer behält den eingebauten.",
        "Ajoutée après chaque réponse à la place de la formule intégrée, par exemple « Bien à vous, » et {me.name} à la ligne suivante. Vide : la formule intégrée reste.";
    rules:
        "Rules",
        "Regeln",
        "Règles";
    rules_hint:
        "Rules are tried in order before the built-in decision; the first enabled rule that matches decides. At most $1 rules.",
        "Regeln werden der Reihe nach vor der eingebauten Entscheidung geprüft; die erste aktive passende Regel entscheidet. Höchstens $1 Regeln.",
        "Les règles sont essayées dans l'ordre avant la décision intégrée ; la première règle active qui correspond décide. Au plus $1 règles.";
    rules_none:
        "No rules yet: the built-in decision applies.",
        "Noch keine Regeln: Es gilt die eingebaute Entscheidung.",
        "Aucune règle pour l'instant : la décision intégrée s'applique.";
    rule_add:
        "Add a rule",
        "Regel hinzufügen",
        "Ajouter une règle";
    rule_new_name:
        "New rule",
        "Neue Regel",
        "Nouvelle règle";
    rule_n:
        "Rule $1",
        "Regel $1",
        "Règle $1";
    rule_n_named:
        "Rule $1: $2",
        "Regel $1: $2",
        "Règle $1 : $2";
    rule_name:
        "Name",
        "Name",
        "Nom";
    rule_enabled:
        "Enabled",
        "Aktiv",
        "Active";
    when:
        "When",
        "Wenn",
        "Si";
    when_category:
        "The built-in category is one of (none ticked: any)",
        "Die eingebaute Kategorie ist eine von (keine gewählt: jede)",
        "La catégorie intégrée est l'une de (aucune cochée : n'importe laquelle)";
    when_note:
        "Personal note",
        "Persönliche Nachricht",
        "Message personnel";
    any:
        "Doesn't matter",
        "Egal",
        "Peu importe";
    note_yes:
        "Has a personal note",
        "Mit persönlicher Nachricht",
        "Avec un message personnel";
    note_no:
        "Has no personal note",
        "Ohne persönliche Nachricht",
        "Sans message personnel";
    when_mutual_at_least:
        "At least this many mutual connections",
        "Mindestens so viele gemeinsame Kontakte",
        "Au moins ce nombre de relations en commun";
    when_mutual_below:
        "Fewer mutual connections than",
        "Weniger gemeinsame Kontakte als",
        "Moins de relations en commun que";
    when_keywords:
        "Keywords",
        "Stichwörter",
        "Mots-clés";
    when_keywords_hint:
        "Separated by commas; one is enough. A trailing * matches word starts.",
        "Durch Kommas getrennt; eines genügt. Ein * am Ende passt auf Wortanfänge.",
        "Séparés par des virgules ; un seul suffit. Un * final correspond au début des mots.";
    when_in:
        "Look for keywords in",
        "Stichwörter suchen in",
        "Chercher les mots-clés dans";
    in_any:
        "Headline and note",
        "Titel und Nachricht",
        "Titre et message";
    in_headline:
        "Headline",
        "Titel",
        "Titre";
    in_note:
        "Note",
        "Nachricht",
        "Message";
    when_names:
        "Inviter is one of",
        "Die einladende Person ist eine von",
        "L'expéditeur est l'une de ces personnes";
    when_company:
        "Headline names a company or school",
        "Der Titel nennt ein Unternehmen oder eine Schule",
        "Le titre nomme une entreprise ou une école";
    comma_list:
        "Separated by commas.",
        "Durch Kommas getrennt.",
        "Séparés par des virgules.";
    when_language:
        "Note language",
        "Sprache der Nachricht",
        "Langue du message";
    when_language_hint:
        "Two letters such as en or de; empty: any.",
        "Zwei Buchstaben wie en oder de; leer: jede.",
        "Deux lettres comme en ou de ; vide : n'importe laquelle.";
    language_code_bad:
        "A language is two letters, such as en or de.",
        "Eine Sprache sind zwei Buchstaben, etwa en oder de.",
        "Une langue s'écrit en deux lettres, comme en ou de.";
    then:
        "Then",
        "Dann",
        "Alors";
    then_action:
        "Action",
        "Aktion",
        "Action";
    then_action_default:
        "The category's usual action",
        "Die übliche Aktion der Kategorie",
        "L'action habituelle de la catégorie";
    then_category:
        "Treat as category",
        "Als Kategorie behandeln",
        "Traiter comme la catégorie";
    then_category_keep:
        "Keep the category",
        "Kategorie beibehalten",
        "Garder la catégorie";
    then_template:
        "Reply template",
        "Vorlage für die Antwort",
        "Modèle de réponse";
    then_template_default:
        "The category's template",
        "Die Vorlage der Kategorie",
        "Le modèle de la catégorie";
    move_up:
        "Move up",
        "Nach oben",
        "Monter";
    move_down:
        "Move down",
        "Nach unten",
        "Descendre";
    remove:
        "Remove",
        "Entfernen",
        "Supprimer";
    move_up_n:
        "Move rule $1 up",
        "Regel $1 nach oben",
        "Monter la règle $1";
    move_down_n:
        "Move rule $1 down",
        "Regel $1 nach unten",
        "Descendre la règle $1";
    remove_n:
        "Remove rule $1",
        "Regel $1 entfernen",
        "Supprimer la règle $1";
    templates:
        "Templates",
        "Vorlagen",
        "Modèles";
    templates_hint:
        "Each reply category has a short and a long wording in each language. The built-in wording shows until you change it.",
        "Jede Antwortkategorie hat in jeder Sprache eine kurze und eine lange Fassung. Die eingebaute Fassung wird angezeigt, bis Sie sie ändern.",
        "Chaque catégorie de réponse a une formulation courte et une longue dans chaque langue. La formulation intégrée s'affiche tant que vous ne la modifiez pas.";
    tpl_id:
        "Template",
        "Vorlage",
        "Modèle";
    tpl_lang:
        "Language",
        "Sprache",
        "Langue";
    tpl_new:
        "New template name",
        "Name einer neuen Vorlage",
        "Nom du nouveau modèle";
    tpl_new_hint:
        "For rules: letters, digits and dashes, no spaces or dots.",
        "Für Regeln: Buchstaben, Ziffern und Bindestriche, keine Leerzeichen oder Punkte.",
        "Pour les règles : lettres, chiffres et tirets, sans espaces ni points.";
    tpl_new_add:
        "Add template",
        "Vorlage hinzufügen",
        "Ajouter le modèle";
    tpl_new_bad:
        "A template name is 1 to 64 characters, with no spaces or dots.",
        "Ein Vorlagenname hat 1 bis 64 Zeichen, ohne Leerzeichen oder Punkte.",
        "Un nom de modèle compte de 1 à 64 caractères, sans espaces ni points.";
    tpl_text:
        "$1 wording",
        "Fassung: $1",
        "Formulation : $1";
    tpl_syntax_hint:
        "Placeholders: {first_name}, {first_name|there} (with a fallback), {name}, {headline}, {company}, {mutual}, {note}, {note_topic}, {me.name}, {me.email}, {me.link}. [ … ] is dropped when a value in it is empty. {Thanks!|Thank you.} takes one of its texts, always the same for the same person.",
        "Platzhalter: {first_name}, {first_name|there} (mit Ersatz), {name}, {headline}, {company}, {mutual}, {note}, {note_topic}, {me.name}, {me.email}, {me.link}. [ … ] fällt weg, wenn ein Wert darin leer ist. {Danke!|Vielen Dank.} nimmt einen seiner Texte, für dieselbe Person immer denselben.",
        "Espaces réservés : {first_name}, {first_name|there} (avec une valeur de repli), {name}, {headline}, {company}, {mutual}, {note}, {note_topic}, {me.name}, {me.email}, {me.link}. [ … ] disparaît quand une valeur qu'il contient est vide. {Merci !|Merci beaucoup.} prend l'un de ses textes, toujours le même pour une même personne.";
    tpl_yours:
        "Your wording.",
        "Ihre Fassung.",
        "Votre formulation.";
    tpl_builtin:
        "Built-in wording.",
        "Eingebaute Fassung.",
        "Formulation intégrée.";
    tpl_empty:
        "Empty: nothing is drafted with this wording.",
        "Leer: Mit dieser Fassung wird nichts entworfen.",
        "Vide : rien n'est rédigé avec cette formulation.";
    tpl_reset:
        "Reset this template",
        "Diese Vorlage zurücksetzen",
        "Rétablir ce modèle";
    tpl_reset_n:
        "Reset the $1 to the built-in one",
        "$1 auf die eingebaute zurücksetzen",
        "Rétablir la formulation intégrée : $1";
    tpl_reset_done:
        "The template is back to the built-in wording (save to keep it).",
        "Die Vorlage hat wieder die eingebaute Fassung (zum Behalten speichern).",
        "Le modèle a retrouvé sa formulation intégrée (enregistrez pour la garder).";
    tpl_error:
        "Line $1, column $2: $3",
        "Zeile $1, Spalte $2: $3",
        "Ligne $1, colonne $2 : $3";
    tpl_id_generic:
        "Stranger, no note",
        "Fremd, ohne Nachricht",
        "Inconnu, sans message";
    tpl_id_personalized:
        "Stranger with a personal note",
        "Fremd, mit persönlicher Nachricht",
        "Inconnu avec un message personnel";
    tpl_id_recruiter:
        "Recruiter",
        "Personalvermittlung",
        "Recruteur";
    tpl_id_sales:
        "Sales",
        "Vertrieb",
        "Démarchage commercial";
    tpl_id_mutual:
        "Many mutual connections",
        "Viele gemeinsame Kontakte",
        "Nombreuses relations en commun";
    cat_known:
        "Known",
        "Bekannt",
        "Connu";
    cat_spam:
        "Spam",
        "Spam",
        "Spam";
    cat_recruiter:
        "Recruiter",
        "Personalvermittlung",
        "Recruteur";
    cat_sales:
        "Sales",
        "Vertrieb",
        "Démarchage";
    cat_mutual:
        "Mutual connections",
        "Gemeinsame Kontakte",
        "Relations en commun";
    cat_personalized:
        "Personal note",
        "Persönliche Nachricht",
        "Message personnel";
    cat_generic:
        "Generic",
        "Allgemein",
        "Générique";
    cat_not_a_person:
        "Not a person",
        "Keine Person",
        "Pas une personne";
    act_accept:
        "Accept",
        "Annehmen",
        "Accepter";
    act_reply:
        "Reply",
        "Antworten",
        "Répondre";
    act_ignore:
        "Ignore",
        "Ignorieren",
        "Ignorer";
    act_report:
        "Report",
        "Melden",
        "Signaler";
    no_text_accept:
        "No draft: NotYet suggests accepting this invitation.",
        "Kein Entwurf: NotYet schlägt vor, diese Einladung anzunehmen.",
        "Pas de brouillon : NotYet propose d'accepter cette invitation.";
    no_text_ignore:
        "No draft: NotYet suggests ignoring this invitation.",
        "Kein Entwurf: NotYet schlägt vor, diese Einladung zu ignorieren.",
        "Pas de brouillon : NotYet propose d'ignorer cette invitation.";
    no_text_report:
        "No draft: NotYet suggests reporting this invitation.",
        "Kein Entwurf: NotYet schlägt vor, diese Einladung zu melden.",
        "Pas de brouillon : NotYet propose de signaler cette invitation.";
    no_text_reply:
        "No draft: the template can't be used (see Why).",
        "Kein Entwurf: Die Vorlage kann nicht verwendet werden (siehe Warum).",
        "Pas de brouillon : le modèle ne peut pas servir (voir Pourquoi).";
    lang_en:
        "English",
        "Englisch",
        "anglais";
    lang_de:
        "German",
        "Deutsch",
        "allemand";
    lang_fr:
        "French",
        "Französisch",
        "français";
    lang_es:
        "Spanish",
        "Spanisch",
        "espagnol";
    sync:
        "Sync",
        "Synchronisieren",
        "Synchronisation";
    sync_on:
        "Sync these settings across my browsers",
        "Diese Einstellungen zwischen meinen Browsern synchronisieren",
        "Synchroniser ces réglages entre mes navigateurs";
    sync_hint:
        "Settings are always kept on this device; sync copies them to your browser account, which holds at most 100 KB.",
        "Die Einstellungen bleiben immer auf diesem Gerät; die Synchronisierung kopiert sie in Ihr Browserkonto, das höchstens 100 KB fasst.",
        "Les réglages restent toujours sur cet appareil ; la synchronisation les copie dans votre compte de navigateur, qui en contient au plus 100 Ko.";
    sync_off:
        "Sync is off: settings stay on this device only.",
        "Synchronisierung aus: Die Einstellungen bleiben nur auf diesem Gerät.",
        "Synchronisation désactivée : les réglages restent sur cet appareil.";
    sync_done:
        "Synced ($1 parts).",
        "Synchronisiert ($1 Teile).",
        "Synchronisé ($1 parties).";
    sync_failed:
        "Saved on this device, but sync failed: $1",
        "Auf diesem Gerät gespeichert, aber die Synchronisierung schlug fehl: $1",
        "Enregistré sur cet appareil, mais la synchronisation a échoué : $1";
    sync_unavailable:
        "This browser offers no sync storage.",
        "Dieser Browser bietet keinen Synchronisierungsspeicher.",
        "Ce navigateur n'offre pas de stockage synchronisé.";
    sync_too_large:
        "Saved on this device, but not synced: your settings need $1 KB and sync storage holds $2 KB (at most $3 KB a part). Shorten or reset some templates, or turn sync off.",
        "Auf diesem Gerät gespeichert, aber nicht synchronisiert: Ihre Einstellungen brauchen $1 KB, der Synchronisierungsspeicher fasst $2 KB (höchstens $3 KB je Teil). Kürzen Sie Vorlagen oder setzen Sie sie zurück, oder schalten Sie die Synchronisierung ab.",
        "Enregistré sur cet appareil, mais pas synchronisé : vos réglages occupent $1 Ko et le stockage synchronisé en contient $2 Ko (au plus $3 Ko par partie). Raccourcissez ou rétablissez des modèles, ou désactivez la synchronisation.";
    synced_newer:
        "Newer settings were synced from another browser.",
        "Aus einem anderen Browser wurden neuere Einstellungen synchronisiert.",
        "Des réglages plus récents ont été synchronisés depuis un autre navigateur.";
    synced_use:
        "Use the synced settings",
        "Synchronisierte Einstellungen übernehmen",
        "Utiliser les réglages synchronisés";
    synced_used:
        "The synced settings are shown; save to use them here.",
        "Die synchronisierten Einstellungen werden angezeigt; speichern, um sie hier zu verwenden.",
        "Les réglages synchronisés sont affichés ; enregistrez pour les utiliser ici.";
    preview:
        "Preview",
        "Vorschau",
        "Aperçu";
    sample:
        "Invitation to preview",
        "Einladung für die Vorschau",
        "Invitation à prévisualiser";
    sample_last_read:
        "Last read on a page: $1",
        "Zuletzt gelesen: $1",
        "Lue en dernier : $1";
    sample_paste:
        "Paste an invitation as JSON…",
        "Einladung als JSON einfügen…",
        "Coller une invitation en JSON…";
    sample_missing:
        "This sample is no longer available.",
        "Dieses Beispiel ist nicht mehr verfügbar.",
        "Cet exemple n'est plus disponible.";
    paste_label:
        "Invitation (JSON)",
        "Einladung (JSON)",
        "Invitation (JSON)";
    paste_hint:
        "For example {\"name\": \"Kathie Smith\", \"headline\": \"…\", \"note\": \"…\", \"mutual_connections\": 3}",
        "Zum Beispiel {\"name\": \"Kathie Smith\", \"headline\": \"…\", \"note\": \"…\", \"mutual_connections\": 3}",
        "Par exemple {\"name\": \"Kathie Smith\", \"headline\": \"…\", \"note\": \"…\", \"mutual_connections\": 3}";
    paste_empty:
        "Paste an invitation to see its draft.",
        "Fügen Sie eine Einladung ein, um ihren Entwurf zu sehen.",
        "Collez une invitation pour voir son brouillon.";
    paste_bad:
        "That is not an invitation (line $1, column $2): $3",
        "Das ist keine Einladung (Zeile $1, Spalte $2): $3",
        "Ce n'est pas une invitation (ligne $1, colonne $2) : $3";
    preview_variant:
        "Length in the preview",
        "Länge in der Vorschau",
        "Longueur dans l'aperçu";
    preview_variant_settings:
        "As in the settings",
        "Wie in den Einstellungen",
        "Comme dans les réglages";
    preview_summary:
        "$1 → $2",
        "$1 → $2",
        "$1 → $2";
    reasons:
        "Why",
        "Warum",
        "Pourquoi";
    draft:
        "Draft",
        "Entwurf",
        "Brouillon";
    char_count:
        "$1 of $2 characters",
        "$1 von $2 Zeichen",
        "$1 caractères sur $2";
    sample_personalized_en:
        "Kathie Smith, a note about your post",
        "Kathie Smith, eine Nachricht zu Ihrem Beitrag",
        "Kathie Smith, un message sur votre article";
    sample_personalized_de:
        "Lena Hoffmann, a note in German",
        "Lena Hoffmann, eine Nachricht auf Deutsch",
        "Lena Hoffmann, un message en allemand";
    sample_generic_en:
        "Tom Baker, no note",
        "Tom Baker, ohne Nachricht",
        "Tom Baker, sans message";
    sample_mutual_en:
        "Priya Nair, 24 mutual connections",
        "Priya Nair, 24 gemeinsame Kontakte",
        "Priya Nair, 24 relations en commun";
    sample_recruiter_en:
        "Sam Carter, a Rust role",
        "Sam Carter, eine Rust-Stelle",
        "Sam Carter, un poste Rust";
    sample_sales_en:
        "Alex Morgan, lead generation",
        "Alex Morgan, Kundengewinnung",
        "Alex Morgan, génération de prospects";
    sample_spam_en:
        "Mia Cruz, a suspicious link",
        "Mia Cruz, ein verdächtiger Link",
        "Mia Cruz, un lien suspect";
    sample_known_en:
        "Jane Doe, as if in your known people",
        "Jane Doe, als stünde sie unter Ihren Bekannten",
        "Jane Doe, comme si elle figurait parmi vos connaissances";
    sample_not_a_person_en:
        "Rust Weekly, a newsletter",
        "Rust Weekly, ein Newsletter",
        "Rust Weekly, une newsletter";
    exported:
        "Exported as notyet-settings.json (check your downloads).",
        "Als notyet-settings.json exportiert (siehe Downloads).",
        "Exporté sous notyet-settings.json (voir vos téléchargements).";
    import_failed:
        "The file could not be read: $1",
        "Die Datei konnte nicht gelesen werden: $1",
        "Le fichier n'a pas pu être lu : $1";
    import_not_object:
        "This is not a settings file: it holds no settings.",
        "Das ist keine Einstellungsdatei: Sie enthält keine Einstellungen.",
        "Ce n'est pas un fichier de réglages : il ne contient aucun réglage.";
    import_refused:
        "“$1” was not imported. Nothing was changed. Details:",
        "„$1“ wurde nicht importiert. Nichts wurde geändert. Details:",
        "« $1 » n'a pas été importé. Rien n'a été modifié. Détails :";
    import_discard:
        "Importing replaces your unsaved changes. Continue?",
        "Der Import ersetzt Ihre ungespeicherten Änderungen. Fortfahren?",
        "L'importation remplace vos modifications non enregistrées. Continuer ?";
    imported:
        "Imported “$1” and saved.",
        "„$1“ importiert und gespeichert.",
        "« $1 » importé et enregistré.";
    reset_title:
        "Reset every setting?",
        "Alle Einstellungen zurücksetzen?",
        "Rétablir tous les réglages ?";
    reset_text:
        "Your name, known people, rules and templates go back to the defaults. Export first to keep a copy you can import later.",
        "Ihr Name, Ihre Bekannten, Regeln und Vorlagen kehren zu den Standardwerten zurück. Exportieren Sie zuerst, um eine Kopie zum späteren Import zu behalten.",
        "Votre nom, vos connaissances, vos règles et vos modèles reviennent aux valeurs par défaut. Exportez d'abord pour garder une copie à importer plus tard.";
    reset_export:
        "Export first",
        "Zuerst exportieren",
        "Exporter d'abord";
    reset_confirm:
        "Reset to defaults",
        "Auf Standard zurücksetzen",
        "Rétablir les valeurs par défaut";
    cancel:
        "Cancel",
        "Abbrechen",
        "Annuler";
    reset_done:
        "Reset to the defaults and saved.",
        "Auf die Standardwerte zurückgesetzt und gespeichert.",
        "Valeurs par défaut rétablies et enregistrées.";
    tpl_newlang:
        "Another language",
        "Weitere Sprache",
        "Autre langue";
    tpl_newlang_hint:
        "Two letters, such as it or nl, to write templates in that language.",
        "Zwei Buchstaben wie it oder nl, um Vorlagen in dieser Sprache zu schreiben.",
        "Deux lettres, comme it ou nl, pour écrire des modèles dans cette langue.";
    tpl_newlang_add:
        "Add language",
        "Sprache hinzufügen",
        "Ajouter la langue";
    dismiss:
        "Dismiss this message",
        "Diese Meldung schließen",
        "Fermer ce message";
    save_unsaved:
        "Save (unsaved changes)",
        "Speichern (ungespeicherte Änderungen)",
        "Enregistrer (modifications non enregistrées)";
    storage_full:
        "the browser's storage for NotYet is full (it holds at most 10 MB)",
        "der Speicher des Browsers für NotYet ist voll (er fasst höchstens 10 MB)",
        "l'espace de stockage du navigateur pour NotYet est plein (10 Mo au plus)";
    import_too_large:
        "“$1” was not imported: it is $2 MB, and a settings file is at most $3 MB. Nothing was changed.",
        "„$1“ wurde nicht importiert: Die Datei hat $2 MB, eine Einstellungsdatei höchstens $3 MB. Nichts wurde geändert.",
        "« $1 » n'a pas été importé : il pèse $2 Mo, et un fichier de réglages pèse au plus $3 Mo. Rien n'a été modifié.";
    import_bad_json:
        "This is not a settings file: at line $1, column $2, $3.",
        "Das ist keine Einstellungsdatei: Fehler in Zeile $1, Spalte $2 ($3).",
        "Ce n'est pas un fichier de réglages : à la ligne $1, colonne $2, $3.";
    import_not_saved:
        "“$1” was read but not saved ($2). The page shows it unsaved.",
        "„$1“ wurde gelesen, aber nicht gespeichert ($2). Die Seite zeigt die Einstellungen ungespeichert.",
        "« $1 » a été lu mais pas enregistré ($2). La page l'affiche comme non enregistré.";
    nav_label:
        "Sections",
        "Abschnitte",
        "Sections";
    nav_welcome:
        "Welcome page",
        "Willkommensseite",
        "Page d'accueil";
    welcome_title:
        "Welcome to NotYet",
        "Willkommen bei NotYet",
        "Bienvenue dans NotYet";
    welcome_lede:
        "NotYet writes a warm, polite decline to a LinkedIn invitation from someone you don't know yet. It never sends anything: you read the draft, change what you like and press Send yourself.",
        "NotYet schreibt eine freundliche, höfliche Absage auf eine LinkedIn-Einladung von jemandem, den Sie noch nicht kennen. Es verschickt nie etwas: Sie lesen den Entwurf, ändern, was Sie möchten, und drücken selbst auf Senden.",
        "NotYet rédige un refus chaleureux et poli à une invitation LinkedIn de quelqu'un que vous ne connaissez pas encore. Il n'envoie jamais rien : vous lisez le brouillon, modifiez ce que vous voulez et cliquez vous-même sur Envoyer.";
    welcome_skip:
        "Skip for now",
        "Jetzt überspringen",
        "Passer pour l'instant";
    welcome_who:
        "Who you are",
        "Wer Sie sind",
        "Qui vous êtes";
    welcome_who_hint:
        "Your replies are signed with your name and can offer your email or a link. Saved as you type; change it any time in the settings.",
        "Ihre Antworten tragen Ihren Namen als Unterschrift und können Ihre E-Mail-Adresse oder einen Link anbieten. Wird beim Tippen gespeichert; jederzeit in den Einstellungen änderbar.",
        "Vos réponses sont signées de votre nom et peuvent proposer votre adresse e-mail ou un lien. Enregistré pendant la saisie ; modifiable à tout moment dans les réglages.";
    welcome_saved:
        "Saved.",
        "Gespeichert.",
        "Enregistré.";
    welcome_where:
        "Where to find NotYet",
        "Wo Sie NotYet finden",
        "Où trouver NotYet";
    welcome_button:
        "Open Reply or Message on an invitation on LinkedIn, then click NotYet's button in the browser's toolbar: the draft appears in the message box.",
        "Öffnen Sie auf LinkedIn „Antworten“ oder „Nachricht“ bei einer Einladung und klicken Sie dann auf das NotYet-Symbol in der Symbolleiste des Browsers: Der Entwurf erscheint im Nachrichtenfeld.",
        "Sur LinkedIn, ouvrez Répondre ou Message sur une invitation, puis cliquez sur le bouton de NotYet dans la barre d'outils du navigateur : le brouillon apparaît dans la zone de message.";
    welcome_pin:
        "Don't see the button? Click the Extensions button (the puzzle piece) and then the pin next to NotYet. In Firefox: the Extensions button, then the gear next to NotYet, then “Pin to Toolbar”.",
        "Sie sehen das Symbol nicht? Klicken Sie auf das Erweiterungssymbol (das Puzzleteil) und dann auf die Stecknadel neben NotYet. In Firefox: das Erweiterungssymbol, dann das Zahnrad neben NotYet, dann „An Symbolleiste anheften“.",
        "Vous ne voyez pas le bouton ? Cliquez sur le bouton Extensions (la pièce de puzzle), puis sur l'épingle à côté de NotYet. Dans Firefox : le bouton Extensions, puis la roue dentée à côté de NotYet, puis « Épingler à la barre d'outils ».";
    welcome_shortcut_is:
        "Or press",
        "Oder drücken Sie auf der Seite",
        "Ou appuyez sur";
    welcome_shortcut_after:
        " on the page.",
        ".",
        " sur la page.";
    welcome_shortcut_none:
        "No keyboard shortcut is set; you can set one in the browser's extension shortcuts.",
        "Es ist kein Tastenkürzel festgelegt; Sie können eines in den Tastenkürzeln der Browser-Erweiterungen festlegen.",
        "Aucun raccourci clavier n'est défini ; vous pouvez en définir un dans les raccourcis des extensions du navigateur.";
    welcome_try:
        "Try it",
        "Ausprobieren",
        "Essayer";
    welcome_try_hint:
        "A sample invitation and the draft NotYet writes for it. Type your name above and watch the sign-off change.",
        "Eine Beispiel-Einladung und der Entwurf, den NotYet dafür schreibt. Tippen Sie oben Ihren Namen ein und sehen Sie, wie sich der Gruß ändert.",
        "Une invitation d'exemple et le brouillon que NotYet rédige pour elle. Saisissez votre nom ci-dessus et regardez la signature changer.";
    welcome_next:
        "Make it yours",
        "Nach Ihren Wünschen",
        "À votre façon";
    welcome_next_text:
        "In the settings you can list people and companies you know, change the wording of each reply, pick the reply length and language, and add rules. This page is there too, under “Welcome page”.",
        "In den Einstellungen können Sie Personen und Unternehmen eintragen, die Sie kennen, den Wortlaut jeder Antwort ändern, Länge und Sprache der Antwort wählen und Regeln anlegen. Auch diese Seite finden Sie dort, unter „Willkommensseite“.",
        "Dans les réglages, vous pouvez indiquer les personnes et entreprises que vous connaissez, modifier la formulation de chaque réponse, choisir la longueur et la langue des réponses et ajouter des règles. Cette page s'y trouve aussi, sous « Page d'accueil ».";
    welcome_open_options:
        "Open the settings",
        "Einstellungen öffnen",
        "Ouvrir les réglages";
    welcome_done:
        "Done",
        "Fertig",
        "Terminé";
    welcome_panel:
        "A backlog of invitations? Click NotYet on your list of invitations, then “Triage”: a side panel takes you through them one at a time. The button's right-click menu opens it too.",
        "Viele offene Einladungen? Klicken Sie auf Ihrer Einladungsliste auf NotYet und dann auf „… Einladungen sichten“: Ein Panel führt Sie der Reihe nach durch alle. Auch das Kontextmenü des Symbols öffnet es.",
        "Beaucoup d'invitations en attente ? Cliquez sur NotYet depuis votre liste d'invitations, puis sur « Trier » : un panneau latéral vous les présente une à une. Le menu contextuel du bouton l'ouvre aussi.";
    welcome_language:
        "Language of your replies",
        "Sprache Ihrer Antworten",
        "Langue de vos réponses";
    invitation_mutual:
        "$1 mutual connections",
        "$1 gemeinsame Kontakte",
        "$1 relations en commun";
    invitation_no_note:
        "No personal note.",
        "Keine persönliche Nachricht.",
        "Pas de message personnel.";
    sample_personalized_fr:
        "Camille Laurent, a note in French",
        "Camille Laurent, eine Nachricht auf Französisch",
        "Camille Laurent, un message en français";
    problem_template:
        "Template “$1”, $2, $3",
        "Vorlage „$1“, $2, $3",
        "Modèle « $1 », $2, $3";
    problem_template_id:
        "Template “$1”",
        "Vorlage „$1“",
        "Modèle « $1 »";
    sum_quoted:
        "‘$1’",
        "„$1“",
        "« $1 »";
    sum_or:
        " or ",
        " oder ",
        " ou ";
    sum_and:
        " and ",
        " und ",
        " et ";
    sum_note_yes:
        "with a note",
        "mit Nachricht",
        "avec un message";
    sum_note_no:
        "without a note",
        "ohne Nachricht",
        "sans message";
    sum_mutual_at_least:
        "at least $1 mutual",
        "gemeinsame Kontakte: mindestens $1",
        "relations en commun : au moins $1";
    sum_mutual_below:
        "fewer than $1 mutual",
        "gemeinsame Kontakte: weniger als $1",
        "relations en commun : moins de $1";
    sum_from:
        "from $1",
        "von $1",
        "de $1";
    sum_at:
        "at $1",
        "bei $1",
        "chez $1";
    sum_language:
        "a note in $1",
        "Nachricht auf $1",
        "un message en $1";
    sum_always:
        "Any invitation",
        "Jede Einladung",
        "Toute invitation";
    sum_if:
        "If $1",
        "Wenn $1",
        "Si $1";
    sum_usual:
        "the usual action",
        "die übliche Aktion",
        "l'action habituelle";
    sum_as:
        "as $1",
        "als $1",
        "comme $1";
    sum_template:
        "template $1",
        "Vorlage $1",
        "modèle $1";
    sum_off:
        "(off) $1",
        "(aus) $1",
        "(désactivée) $1";
    placeholders_label:
        "Insert:",
        "Einfügen:",
        "Insérer :";
    preview_invitation:
        "The invitation",
        "Die Einladung",
        "L'invitation";
    then_variant:
        "Reply length",
        "Länge der Antwort",
        "Longueur de la réponse";
    then_variant_default:
        "As in the settings",
        "Wie in den Einstellungen",
        "Comme dans les réglages";
    sum_short:
        "short",
        "kurz",
        "version courte";
    sum_long:
        "long",
        "lang",
        "version longue";
    panel_title:
        "NotYet: invitations",
        "NotYet: Einladungen",
        "NotYet : invitations";
    panel_more:
        "Read more",
        "Mehr lesen",
        "Lire la suite";
    panel_refresh:
        "Read again",
        "Neu lesen",
        "Relire";
    panel_refresh_hint:
        "Read the page again (the panel also does when it gains focus and after each of its actions)",
        "Die Seite neu lesen (das Panel tut es auch, wenn es den Fokus erhält, und nach jeder seiner Aktionen)",
        "Relire la page (le panneau le fait aussi quand il reçoit le focus et après chacune de ses actions)";
    panel_cancel:
        "Cancel",
        "Abbrechen",
        "Annuler";
    panel_counts_label:
        "Invitations per suggested action (each a filter)",
        "Einladungen je vorgeschlagener Aktion (jeweils ein Filter)",
        "Invitations par action suggérée (chacune est un filtre)";
    panel_counting:
        "Counting…",
        "Wird gezählt…",
        "Décompte en cours…";
    panel_category:
        "Category",
        "Kategorie",
        "Catégorie";
    panel_all_categories:
        "All categories",
        "Alle Kategorien",
        "Toutes les catégories";
    panel_search:
        "Filter by name, headline or note",
        "Nach Name, Titel oder Nachricht filtern",
        "Filtrer par nom, titre ou message";
    panel_hide_handled:
        "Hide handled",
        "Erledigte ausblenden",
        "Masquer les traitées";
    panel_list_label:
        "Invitations",
        "Einladungen",
        "Invitations";
    panel_never:
        "NotYet never presses Accept, Ignore, Report or Send: it points at LinkedIn's buttons, and you press them. It opens a Reply box only when you ask for a draft.",
        "NotYet drückt nie auf Annehmen, Ignorieren, Melden oder Senden: Es zeigt auf LinkedIns Schaltflächen, und Sie drücken selbst. Ein Antwortfeld öffnet es nur, wenn Sie einen Entwurf wünschen.",
        "NotYet n'appuie jamais sur Accepter, Ignorer, Signaler ou Envoyer : il montre les boutons de LinkedIn, et c'est vous qui appuyez. Il n'ouvre une réponse que si vous demandez un brouillon.";
    panel_followed_closed:
        "The tab this panel was reading is closed.",
        "Der Tab, den dieses Panel gelesen hat, ist geschlossen.",
        "L'onglet que ce panneau lisait est fermé.";
    panel_read:
        "Read $1 invitations",
        "$1 Einladungen gelesen",
        "$1 invitations lues";
    panel_read_one:
        "Read $1 invitation",
        "$1 Einladung gelesen",
        "$1 invitation lue";
    panel_gone_count:
        "$1 gone",
        "$1 nicht mehr da",
        "plus sur la page : $1";
    panel_listed:
        "$1 listed",
        "$1 angezeigt",
        "dans la liste : $1";
    panel_hidden:
        "$1 handled hidden",
        "$1 erledigte ausgeblendet",
        "traitées masquées : $1";
    panel_cut:
        "$1 more not listed",
        "$1 weitere nicht angezeigt",
        "$1 de plus non affichées";
    panel_n_of_m:
        "$1 of $2",
        "$1 von $2",
        "$1 sur $2";
    panel_no_note:
        "No note",
        "Keine Nachricht",
        "Pas de message";
    panel_drafted_today:
        "drafted today",
        "Entwurf heute",
        "brouillon aujourd'hui";
    panel_drafted_yesterday:
        "drafted yesterday",
        "Entwurf gestern",
        "brouillon hier";
    panel_drafted:
        "drafted $1",
        "Entwurf am $1",
        "brouillon le $1";
    panel_gone_mark:
        "gone from the page",
        "nicht mehr auf der Seite",
        "n'est plus sur la page";
    panel_advice_accept:
        "Someone you know: accept it on LinkedIn.",
        "Jemand, den Sie kennen: auf LinkedIn annehmen.",
        "Quelqu'un que vous connaissez : acceptez sur LinkedIn.";
    panel_advice_reply:
        "A polite not-yet reply fits: Draft reply writes it into the box for you to read and send.",
        "Eine höfliche Noch-nicht-Antwort passt: „Antwort entwerfen“ schreibt sie ins Feld, Sie lesen und senden selbst.",
        "Une réponse polie « pas encore » convient : « Rédiger une réponse » l'écrit dans le champ, vous la relisez et l'envoyez.";
    panel_advice_reply_none:
        "A polite not-yet reply would fit, but this card offers no way to send one: leave it pending, or ignore it on LinkedIn.",
        "Eine höfliche Noch-nicht-Antwort würde passen, aber diese Karte bietet keinen Weg, sie zu senden: offen lassen oder auf LinkedIn ignorieren.",
        "Une réponse polie « pas encore » conviendrait, mais cette carte ne permet pas d'en envoyer : laissez-la en attente, ou ignorez-la sur LinkedIn.";
    panel_advice_ignore:
        "Not a person to connect with: ignore it on LinkedIn.",
        "Keine Person zum Vernetzen: auf LinkedIn ignorieren.",
        "Pas une personne avec qui se connecter : ignorez sur LinkedIn.";
    panel_advice_report:
        "Looks like spam: don't reply; ignore it, and report it from their profile if you like.",
        "Sieht nach Spam aus: nicht antworten; ignorieren und, wenn Sie möchten, im Profil melden.",
        "Ressemble à du spam : ne répondez pas ; ignorez, et signalez depuis son profil si vous voulez.";
    panel_show:
        "Show",
        "Zeigen",
        "Montrer";
    panel_draft:
        "Draft reply",
        "Antwort entwerfen",
        "Rédiger une réponse";
    panel_point_accept:
        "Point at Accept",
        "Auf „Annehmen“ zeigen",
        "Montrer « Accepter »";
    panel_point_ignore:
        "Point at Ignore",
        "Auf „Ignorieren“ zeigen",
        "Montrer « Ignorer »";
    panel_point_report:
        "Point at Ignore (spam)",
        "Auf „Ignorieren“ zeigen (Spam)",
        "Montrer « Ignorer » (spam)";
    panel_no_reply_hint:
        "This card has no Reply button (LinkedIn shows one only with a note), so NotYet can't draft here.",
        "Diese Karte hat keine Antworten-Schaltfläche (LinkedIn zeigt sie nur mit Nachricht), daher kann NotYet hier nichts entwerfen.",
        "Cette carte n'a pas de bouton Répondre (LinkedIn n'en montre qu'avec un message) : NotYet ne peut rien rédiger ici.";
    panel_sent:
        "This is the list of invitations you sent: there is nothing to answer here.",
        "Das ist die Liste Ihrer gesendeten Einladungen: Hier gibt es nichts zu beantworten.",
        "C'est la liste des invitations que vous avez envoyées : rien à répondre ici.";
    panel_other_linkedin:
        "This LinkedIn page has no invitation list.",
        "Diese LinkedIn-Seite hat keine Einladungsliste.",
        "Cette page LinkedIn n'a pas de liste d'invitations.";
    panel_elsewhere:
        "This tab isn't LinkedIn.",
        "Dieser Tab ist nicht LinkedIn.",
        "Cet onglet n'est pas LinkedIn.";
    panel_where_it_works:
        "The panel works on the invitations you received, in LinkedIn's invitation manager (My Network → Invitations). It follows the active tab.",
        "Das Panel arbeitet mit den erhaltenen Einladungen in LinkedIns Einladungsverwaltung (Mein Netzwerk → Einladungen). Es folgt dem aktiven Tab.",
        "Le panneau fonctionne sur les invitations reçues, dans le gestionnaire d'invitations de LinkedIn (Réseau → Invitations). Il suit l'onglet actif.";
    panel_open_manager:
        "Open your invitations on LinkedIn",
        "Ihre Einladungen auf LinkedIn öffnen",
        "Ouvrir vos invitations sur LinkedIn";
    panel_switched:
        "Now showing the invitations in this tab.",
        "Jetzt die Einladungen in diesem Tab.",
        "Voici maintenant les invitations de cet onglet.";
    panel_here:
        "The invitations in this tab, as NotYet decides them.",
        "Die Einladungen in diesem Tab, wie NotYet sie einschätzt.",
        "Les invitations de cet onglet, telles que NotYet les évalue.";
    panel_reading:
        "Reading the page's list: $1",
        "Die Liste der Seite wird gelesen: $1",
        "Lecture de la liste de la page : $1";
    panel_tab_closed:
        "The tab was closed. Nothing was done.",
        "Der Tab wurde geschlossen. Es wurde nichts getan.",
        "L'onglet a été fermé. Rien n'a été fait.";
    panel_tab_moved:
        "The tab left the invitation page (or can't be read now). Nothing was done there.",
        "Der Tab hat die Einladungsseite verlassen (oder ist gerade nicht lesbar). Dort wurde nichts getan.",
        "L'onglet a quitté la page des invitations (ou ne peut pas être lu maintenant). Rien n'y a été fait.";
    sync_unreadable:
        "The settings synced from another browser can't be read yet (it may still be syncing). The settings here are unchanged.",
        "Die aus einem anderen Browser synchronisierten Einstellungen lassen sich noch nicht lesen (vielleicht wird noch synchronisiert). Die Einstellungen hier sind unverändert.",
        "Les réglages synchronisés depuis un autre navigateur ne peuvent pas encore être lus (la synchronisation est peut-être en cours). Les réglages d'ici sont inchangés.";
    panel_failed:
        "NotYet couldn't finish ($1). Nothing was changed.",
        "NotYet konnte nicht abschließen ($1). Es wurde nichts geändert.",
        "NotYet n'a pas pu terminer ($1). Rien n'a été modifié.";
    panel_none:
        "No invitations on this page.",
        "Keine Einladungen auf dieser Seite.",
        "Aucune invitation sur cette page.";
    panel_no_match:
        "No invitation matches these filters.",
        "Keine Einladung passt zu diesen Filtern.",
        "Aucune invitation ne correspond à ces filtres.";
    panel_busy:
        "One moment: NotYet is still busy with the last request.",
        "Einen Moment: NotYet ist noch mit der letzten Anfrage beschäftigt.",
        "Un instant : NotYet traite encore la demande précédente.";
    panel_gone:
        "$1's invitation is no longer on the page (answered, or the page changed). It stays in the list, marked gone.",
        "Die Einladung von $1 ist nicht mehr auf der Seite (beantwortet, oder die Seite hat sich geändert). Sie bleibt in der Liste, als „nicht mehr auf der Seite“ markiert.",
        "$1 : l'invitation n'est plus sur la page (traitée, ou la page a changé). Elle reste dans la liste, marquée « n'est plus sur la page ».";
    panel_this_person:
        "This person",
        "Diese Person",
        "Cette personne";
    panel_mark_accept:
        "Accept: press it yourself",
        "Annehmen: selbst drücken",
        "Accepter : à vous d'appuyer";
    panel_mark_ignore:
        "Ignore: press it yourself",
        "Ignorieren: selbst drücken",
        "Ignorer : à vous d'appuyer";
    panel_pointed_accept:
        "LinkedIn's Accept button for $1 is framed on the page. NotYet never presses it: that click is yours.",
        "LinkedIns Schaltfläche „Annehmen“ für $1 ist auf der Seite markiert. NotYet drückt sie nie: Der Klick gehört Ihnen.",
        "Le bouton Accepter de LinkedIn pour $1 est encadré sur la page. NotYet n'appuie jamais dessus : ce clic est le vôtre.";
    panel_pointed_ignore:
        "LinkedIn's Ignore button for $1 is framed on the page. NotYet never presses it: that click is yours.",
        "LinkedIns Schaltfläche „Ignorieren“ für $1 ist auf der Seite markiert. NotYet drückt sie nie: Der Klick gehört Ihnen.",
        "Le bouton Ignorer de LinkedIn pour $1 est encadré sur la page. NotYet n'appuie jamais dessus : ce clic est le vôtre.";
    panel_pointed_report:
        "$1 looks like spam. LinkedIn's Ignore button is framed; to report, open their profile and use More → Report. NotYet presses neither.",
        "$1 sieht nach Spam aus. LinkedIns „Ignorieren“ ist markiert; zum Melden das Profil öffnen, Mehr → Melden. NotYet drückt keine der beiden.",
        "$1 ressemble à du spam. Le bouton Ignorer est encadré ; pour signaler, ouvrez son profil, Plus → Signaler. NotYet n'appuie sur aucun des deux.";
    panel_shown:
        "$1's invitation is framed on the page.",
        "Die Einladung von $1 ist auf der Seite markiert.",
        "$1 : l'invitation est encadrée sur la page.";
    panel_no_button:
        "LinkedIn shows no such button on $1's card right now.",
        "LinkedIn zeigt auf der Karte von $1 gerade keine solche Schaltfläche.",
        "$1 : LinkedIn ne montre pas ce bouton sur sa carte pour l'instant.";
    panel_no_reply:
        "$1's card has no Reply button, so there is no box to draft in. Nothing was typed.",
        "Die Karte von $1 hat keine Antworten-Schaltfläche, also kein Feld für einen Entwurf. Es wurde nichts geschrieben.",
        "$1 : la carte n'a pas de bouton Répondre, donc pas de champ où rédiger. Rien n'a été écrit.";
    panel_opening:
        "Opening the Reply box for $1…",
        "Das Antwortfeld für $1 wird geöffnet…",
        "Ouverture de la réponse à $1…";
    panel_cancelled:
        "Cancelled. Nothing was typed.",
        "Abgebrochen. Es wurde nichts geschrieben.",
        "Annulé. Rien n'a été écrit.";
    panel_no_box:
        "The Reply button for $1 opened no message box. Nothing was typed. Try it once yourself, then use the toolbar button.",
        "Die Antworten-Schaltfläche für $1 hat kein Nachrichtenfeld geöffnet. Es wurde nichts geschrieben. Öffnen Sie es einmal selbst und nutzen Sie dann die Symbolleisten-Schaltfläche.",
        "Le bouton Répondre pour $1 n'a ouvert aucun champ de message. Rien n'a été écrit. Ouvrez-le vous-même, puis utilisez le bouton de la barre d'outils.";
    panel_more_stopped:
        "Stopped. Read $1.",
        "Angehalten. $1 gelesen.",
        "Arrêté. $1 lues.";
    panel_more_all:
        "All read: $1.",
        "Alle gelesen: $1.",
        "Toutes lues : $1.";
    panel_limit:
        "The panel holds at most $1 invitations; read the rest after answering some.",
        "Das Panel fasst höchstens $1 Einladungen; lesen Sie den Rest, nachdem Sie einige beantwortet haben.",
        "Le panneau contient au plus $1 invitations ; lisez la suite après en avoir traité quelques-unes.";
    panel_more_end:
        "The page's list ends here: read $1.",
        "Die Liste der Seite endet hier: $1 gelesen.",
        "La liste de la page s'arrête ici : $1 lues.";
    panel_more_hidden:
        "LinkedIn loads more rows only while its page is shown, and that tab is in the background: read $1. Switch to it (the side panel stays beside it), then Read more again.",
        "LinkedIn lädt weitere Einträge nur, solange die Seite sichtbar ist, und dieser Tab liegt im Hintergrund: $1 gelesen. Wechseln Sie zu ihm (das Panel bleibt daneben) und wählen Sie dann erneut „Mehr lesen“.",
        "LinkedIn ne charge d'autres lignes que tant que sa page est affichée, et cet onglet est en arrière-plan : $1 lues. Affichez-le (le panneau latéral reste à côté), puis relancez « Lire la suite ».";
    panel_record_title:
        "Panel progress",
        "Fortschritt im Panel",
        "Progression du panneau";
    panel_record_hint:
        "What you drafted through the side panel, kept in this browser only (never synced), at most $1 entries; the oldest go first.",
        "Was Sie über das Panel entworfen haben, nur in diesem Browser gespeichert (nie synchronisiert), höchstens $1 Einträge; die ältesten fallen zuerst weg.",
        "Ce que vous avez rédigé depuis le panneau latéral, gardé dans ce navigateur seulement (jamais synchronisé), au plus $1 entrées ; les plus anciennes partent d'abord.";
    panel_record_unsaved:
        "NotYet couldn't save your progress ($1); this panel keeps it until it closes.",
        "NotYet konnte Ihren Fortschritt nicht speichern ($1); dieses Panel behält ihn, bis es geschlossen wird.",
        "NotYet n'a pas pu enregistrer votre progression ($1) ; ce panneau la garde jusqu'à sa fermeture.";
    panel_record_empty:
        "Nothing recorded yet.",
        "Noch nichts festgehalten.",
        "Rien d'enregistré pour l'instant.";
    panel_record_export:
        "Export progress…",
        "Fortschritt exportieren…",
        "Exporter la progression…";
    panel_record_clear:
        "Clear progress",
        "Fortschritt löschen",
        "Effacer la progression";
    panel_record_clear_title:
        "Clear the progress record?",
        "Den Fortschritt löschen?",
        "Effacer la progression ?";
    panel_record_clear_text:
        "NotYet forgets which invitations you drafted and which have left the page; the side panel no longer shows “drafted” dates. Export first to keep a copy.",
        "NotYet vergisst, für welche Einladungen Sie Antworten entworfen haben und welche die Seite verlassen haben; das Panel zeigt kein „Entwurf am“ mehr. Exportieren Sie vorher, um eine Kopie zu behalten.",
        "NotYet oublie pour quelles invitations vous avez rédigé une réponse et lesquelles ont quitté la page ; le panneau latéral n'affiche plus les dates de brouillon. Exportez d'abord pour en garder une copie.";
    panel_record_cleared:
        "Progress cleared.",
        "Fortschritt gelöscht.",
        "Progression effacée.";
    panel_record_gone:
        "gone $1",
        "nicht mehr da seit $1",
        "plus sur la page depuis le $1";
    invitation_mutual_one:
        "1 mutual connection",
        "1 gemeinsamer Kontakt",
        "1 relation en commun";
    problem_at:
        "$1: $2",
        "$1: $2",
        "$1 : $2";
};

/// The wording of `key` in the three languages. A binary search of an index of the messages
/// sorted by key, made on the first look-up (one pass over 307 messages).
pub(crate) fn find(key: &str) -> Option<EnDeFr> {
    thread_local! {
        static INDEX: Vec<(&'static str, &'static str)> = index();
    }
    INDEX.with(|index| index.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| EnDeFr(index[i].1)))
}

fn index() -> Vec<(&'static str, &'static str)> {
    let mut index: Vec<_> = MESSAGES.split_terminator('\u{1e}').filter_map(|m| m.split_once(EnDeFr::SEPARATOR)).collect();
    index.sort_unstable_by_key(|(key, _)| *key);
    index
}

/// `text` with `$1`…`$9` replaced by `args` (one not given by nothing), as `i18n.getMessage`
/// fills its substitutions; any other `$` stays.
pub(crate) fn fill(text: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.as_bytes().first() {
            Some(d @ b'1'..=b'9') => {
                out.push_str(args.get(usize::from(d - b'1')).copied().unwrap_or_default());
                rest = &after[1..];
            }
            _ => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use notyet_core::words::Ui;

    fn sources(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("the crate's sources") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).expect("a source"));
            }
        }
    }

    /// Every key the pages ask for by name (`tr("…")`, `tr_with`, `lazy_tr`, `say_tr`) has its
    /// message, in all three languages (the table holds three a message, or it doesn't compile).
    #[test]
    fn every_key_the_pages_use_has_its_message() {
        let mut src = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut src);
        let mut keys: Vec<&str> = src
            .split("tr(\"")
            .chain(src.split("tr_with(\""))
            .skip(1)
            .filter_map(|after| after.split_once('"').map(|(key, _)| key))
            .filter(|key| !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        assert!(keys.len() > 200, "{}", keys.len());
        let missing: Vec<_> = keys.iter().filter(|k| find(k).is_none()).collect();
        assert!(missing.is_empty(), "no message for {missing:?}");
        for category in notyet_core::Category::ALL {
            assert!(find(&["cat_", category.name()].concat()).is_some(), "{category:?}");
        }
    }

    /// One place for each message: no key twice, no wording empty, and none of them in
    /// `_locales` too, which keeps only what the browser and the scripts without the module read.
    #[test]
    fn each_message_once_and_worded() {
        let index = index();
        assert_eq!(index.len(), MESSAGES.matches('\u{1e}').count());
        for pair in index.windows(2) {
            assert_ne!(pair[0].0, pair[1].0, "twice");
        }
        for (key, words) in &index {
            for ui in Ui::ALL {
                assert!(!ui.pick(EnDeFr(words)).trim().is_empty(), "{key} {ui:?}");
            }
        }
        for locale in [
            include_str!("../../../extension/_locales/en/messages.json"),
            include_str!("../../../extension/_locales/de/messages.json"),
            include_str!("../../../extension/_locales/fr/messages.json"),
        ] {
            let locale: serde_json::Map<String, serde_json::Value> = serde_json::from_str(locale).expect("a locale");
            assert!(locale.len() < 20, "{}", locale.len());
            // The side panel's title is Firefox's sidebar's too, which the browser names from `_locales`.
            for key in locale.keys().filter(|k| *k != "panel_title") {
                assert!(find(key).is_none(), "{key} in _locales and here");
            }
        }
    }

    /// A file that isn't JSON, said as a native speaker reads it: the German was "In Zeile 4,
    /// Spalte 1: ein Zeichen steht an der falschen Stelle" (a second colon, no verb after the
    /// place), the French a bare list, "ligne 4, colonne 1, un caractère est mal placé".
    #[test]
    fn a_file_that_is_no_json_is_said_in_a_sentence() {
        let said = |ui: Ui| fill(ui.pick(find("import_bad_json").expect("a message")), &["4", "1", notyet_core::words::JsonError::Syntax.words(ui)]);
        assert_eq!(said(Ui::En), "This is not a settings file: at line 4, column 1, a character is out of place.");
        assert_eq!(said(Ui::De), "Das ist keine Einstellungsdatei: Fehler in Zeile 4, Spalte 1 (ein Zeichen steht an der falschen Stelle).");
        assert_eq!(said(Ui::Fr), "Ce n'est pas un fichier de réglages\u{a0}: à la ligne 4, colonne 1, un caractère est mal placé.");
    }

    #[test]
    fn wordings_are_found_and_filled_as_the_browser_fills_them() {
        assert_eq!(find("cancel").map(|w| Ui::De.pick(w)), Some("Abbrechen"));
        assert_eq!(find("no_such_message"), None);
        assert_eq!(fill("Not saved: $1. Your changes are still here.", &["quota"]), "Not saved: quota. Your changes are still here.");
        assert_eq!(fill("$2 of $1", &["8000", "12"]), "12 of 8000");
        assert_eq!(fill("($3) $1$", &["a"]), "() a$");
        assert_eq!(fill("€ $ $x $", &[]), "€ $ $x $");
    }
}
