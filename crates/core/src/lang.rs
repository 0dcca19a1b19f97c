//! Which language a note is written in, and what it is about.
//!
//! A small function-word detector rather than whatlang: whatlang adds 259 KB of WASM
//! (163,103 → 422,482 bytes, measured on notyet-wasm with `--release`; +66 KB gzipped), most of the
//! 350 KB budget, to tell apart 69 languages when we write replies in four. Notes are short
//! and full of function words ("ich", "vous", "the", "usted"), which separate these languages
//! well; Italian, Dutch and Portuguese are scored too so that they are not mistaken for
//! Spanish or French.

use std::sync::OnceLock;

/// Languages the detector can name (ISO 639-1).
pub const DETECTED: &[&str] = &["en", "de", "fr", "es", "it", "nl", "pt"];

/// Function words and greetings, by language. Words shared by two of them are left out
/// (`de`, `la`, `que`, `in`, `en`, `un`, `con`...), so that each hit is a vote for one language.
#[rustfmt::skip]
const WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "you", "your", "to", "of", "i", "is", "are", "would", "like", "with", "for", "that", "this", "my",
            "we", "it", "be", "have", "will", "am", "about", "our", "if", "can", "hope", "thanks", "thank", "connect",
            "hello", "hi", "dear", "there", "from", "at", "but", "or", "what", "how", "i'm", "i'd", "i'll", "i've", "it's",
            "you're", "don't", "love", "great", "looking", "forward", "really", "just", "saw", "read", "work", "working",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ich", "sie", "ihr", "ihre", "ihnen", "ihrem", "ihren", "mit", "für", "nicht", "ist",
            "sind", "ein", "eine", "einen", "einem", "auf", "zu", "dem", "mich", "mir", "gerne", "gern", "würde", "möchte",
            "vernetzen", "hallo", "liebe", "lieber", "guten", "tag", "grüße", "viele", "auch", "bei", "von", "wir", "uns",
            "wie", "über", "sehr", "freue", "freuen", "mein", "meine", "dass", "aus", "oder", "aber", "habe", "haben",
            "kontakt", "beitrag", "würde", "wäre", "netzwerk", "herzliche", "beste",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "et", "je", "vous", "votre", "vos", "nous", "du", "une", "est", "pour", "avec", "dans", "sur",
            "pas", "qui", "ce", "cette", "mon", "mes", "suis", "bonjour", "merci", "aimerais", "souhaite", "souhaiterais",
            "au", "aux", "mais", "ou", "très", "bien", "être", "serait", "ai", "plaisir", "échanger", "réseau", "salut",
            "cordialement", "ravi", "ravie", "j'ai", "c'est", "n'hésitez", "parcours", "votre",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "para", "por", "su", "sus", "usted", "es", "una", "del", "al", "lo", "mi", "muy",
            "gracias", "hola", "saludos", "gustaría", "encantaría", "quisiera", "estoy", "soy", "está", "pero", "también",
            "más", "qué", "sobre", "trabajo", "mucho", "gusto", "este", "esta", "conectar", "red", "contacto", "perfil",
            "experiencia", "cordial",
        ],
    ),
    (
        "it",
        &[
            "il", "della", "delle", "degli", "di", "che", "per", "sono", "non", "grazie", "ciao", "buongiorno", "vorrei",
            "piacere", "essere", "anche", "molto", "gli", "nel", "sul", "questo", "questa", "io", "collegarmi", "rete",
            "salve", "lavoro", "tuo", "tua",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "ik", "jij", "u", "uw", "niet", "met", "voor", "van", "dat", "zijn", "graag", "wil", "bedankt",
            "groet", "groeten", "netwerk", "ook", "maar", "wij", "ons", "heb", "heeft", "mijn", "naar", "bij", "jouw",
            "verbinden", "hoi",
        ],
    ),
    (
        "pt",
        &[
            "você", "vocês", "obrigado", "obrigada", "não", "uma", "um", "seu", "meu", "minha", "muito", "olá", "gostaria",
            "estou", "sou", "também", "mas", "ao", "aos", "isso", "isto", "pelo", "pela", "em", "é", "rede", "trabalho",
            "conexão", "prazer",
        ],
    ),
];

/// French elisions ("j'aimerais", "qu'il") vote French; `l'`/`d'` vote French and Italian.
const ELISIONS: &[(&str, &[usize])] =
    &[("j", &[FR]), ("qu", &[FR]), ("c", &[FR]), ("n", &[FR]), ("m", &[FR]), ("l", &[FR, IT]), ("d", &[FR, IT])];

// Indexes into DETECTED.
const EN: usize = 0;
const DE: usize = 1;
const FR: usize = 2;
const ES: usize = 3;
const IT: usize = 4;
const PT: usize = 6;

/// Letters that mostly belong to one language, with their weight.
fn letter_votes(c: char) -> &'static [(usize, u32)] {
    match c {
        'ß' => &[(DE, 2)],
        'ä' | 'ö' | 'ü' => &[(DE, 1)],
        'ñ' | '¿' | '¡' => &[(ES, 2)],
        'œ' => &[(FR, 2)],
        'ç' => &[(FR, 1), (PT, 1)],
        'ã' | 'õ' => &[(PT, 2)],
        'è' | 'ê' | 'â' | 'î' | 'û' | 'ë' | 'ï' => &[(FR, 1)],
        'ì' | 'ò' => &[(IT, 1)],
        _ => &[],
    }
}

/// A word of at most 16 bytes packed into an integer, so that looking it up compares integers.
fn key(word: &str) -> Option<u128> {
    (word.len() <= 16).then(|| word.bytes().fold(0u128, |k, b| k << 8 | u128::from(b)))
}

/// Every listed word's key with the languages it votes for (a bit per [`DETECTED`] index),
/// sorted for binary search: built once, so a note costs a few integer comparisons a word.
fn word_table() -> &'static [(u128, u8)] {
    static TABLE: OnceLock<Vec<(u128, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(u128, u8)> = Vec::new();
        for (i, (_, words)) in WORDS.iter().enumerate() {
            for k in words.iter().filter_map(|w| key(w)) {
                match table.iter_mut().find(|(x, _)| *x == k) {
                    Some((_, mask)) => *mask |= 1 << i,
                    None => table.push((k, 1 << i)),
                }
            }
        }
        table.sort_unstable_by_key(|&(k, _)| k);
        table
    })
}

/// The note's language as an ISO 639-1 code, when it is clear: at least two votes, and twice
/// as many as any other language. Greetings alone ("Hi", "Hallo!") are not enough.
pub fn detect(text: &str) -> Option<&'static str> {
    let table = word_table();
    let mut scores = [0u32; DETECTED.len()];
    let mut buf = String::new();
    for word in text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')) {
        let word = word.trim_matches(|c| c == '\'' || c == '’');
        if word.is_empty() || word.len() > 40 {
            continue;
        }
        buf.clear();
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
        }
        let word = buf.as_str();
        if let Some(Ok(i)) = key(word).map(|k| table.binary_search_by_key(&k, |&(x, _)| x)) {
            let mask = table[i].1;
            for (bit, score) in scores.iter_mut().enumerate() {
                *score += u32::from(mask >> bit & 1);
            }
        }
        if let Some((head, tail)) = word.split_once('\'') {
            if !tail.is_empty() {
                for (prefix, langs) in ELISIONS {
                    if head == *prefix {
                        langs.iter().for_each(|&l| scores[l] += 1);
                    }
                }
            }
        }
        if !word.is_ascii() {
            for c in word.chars() {
                for &(lang, weight) in letter_votes(c) {
                    scores[lang] += weight;
                }
            }
        }
    }
    let (best, &top) = scores.iter().enumerate().max_by_key(|&(_, s)| *s)?;
    let second = scores.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, s)| *s).max().unwrap_or(0);
    (top >= 2 && top >= second * 2).then(|| DETECTED[best])
}

/// Words that introduce what a note is about, as lowercase word sequences, by language.
/// Each keeps the grammar the templates quote it back with ("about X", "über X",
/// "au sujet de X", "sobre X"); "concernant le X" would read "au sujet de le X", so it is not one.
const TOPIC_MARKERS: &[(usize, &[&str])] = &[
    (EN, &["about"]),
    (EN, &["regarding"]),
    (EN, &["on", "the", "topic", "of"]),
    (DE, &["über"]),
    (DE, &["zum", "thema"]),
    (FR, &["à", "propos", "de"]),
    (FR, &["au", "sujet", "de"]),
    (ES, &["sobre"]),
    (ES, &["acerca", "de"]),
];

/// Words that end a topic ("networking *and* would like to connect"), by the marker's language.
#[rustfmt::skip]
fn topic_stops(lang: usize) -> &'static [&'static str] {
    match lang {
        DE => &["und", "aber", "weil", "denn", "ich", "wir", "ist", "war", "hat", "hatte", "&"],
        FR => &["et", "mais", "car", "que", "qui", "je", "nous", "a", "est", "était", "m'a", "m'ont", "sont", "&"],
        ES => &["y", "pero", "porque", "que", "yo", "nosotros", "es", "fue", "ha", "me", "está", "&"],
        _ => &["and", "but", "which", "that", "so", "because", "as", "since", "i", "we", "is", "was", "were", "are",
               "has", "had", "&"],
    }
}

/// Topics that would read wrongly when quoted back: pronouns and possessives flip their meaning
/// in a reply ("your work" is theirs in the note, mine in the answer), and "about connecting"
/// is no topic.
#[rustfmt::skip]
const TOPIC_REJECT_FIRST: &[&str] = &[
    "you", "yourself", "your", "yours", "u", "it", "this", "that", "me", "my", "us", "our", "him", "her", "his", "them",
    "their", "what", "how", "why", "where", "who", "when", "a", "an", "sie", "ihnen", "ihr", "ihre", "ihren", "ihrem",
    "ihrer", "dich", "dir", "dein", "deine", "mich", "mir", "mein", "meine", "meinen", "uns", "unser", "unsere", "es", "das",
    "was", "wie", "vous", "votre", "vos", "toi", "ton", "ta", "tes", "moi", "mon", "ma", "mes", "nous", "notre", "nos",
    "cela", "ça", "ce", "ceci", "usted", "su", "sus", "ti", "tu", "tus", "mí", "mi", "mis", "nuestro", "nuestra", "eso",
    "esto", "lo", "qué", "cómo",
];

/// One-word "topics" that are idioms ("it's about time").
const TOPIC_REJECT_WHOLE: &[&str] = &["time", "it", "that", "this"];

/// Words that make a topic about the invitation itself.
#[rustfmt::skip]
const TOPIC_REJECT_ANY: &[&str] =
    &["linkedin", "connect", "connecting", "connection", "network", "vernetzen", "vernetzung", "connecter", "conectar", "conexión"];

/// Punctuation that ends a clause, and so a topic.
const CLAUSE_END: [char; 9] = ['.', ',', ';', ':', '!', '?', ')', '"', '…'];

/// A word without the punctuation around it.
fn trim(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

/// The most words a quoted topic may have: longer ones read like a quotation.
const TOPIC_MAX_WORDS: usize = 6;

/// What the note says it is about, in its own words, when it says so briefly:
/// "I read your post about networking and would like to connect" → "networking".
/// `None` when there is no such phrase, or quoting it back could read wrongly.
pub fn note_topic(note: &str) -> Option<String> {
    let words: Vec<&str> = note.split_whitespace().take(400).collect();
    let norm = |w: &str| trim(w).to_lowercase();
    // Compares without allocating: this runs on every word of every note.
    let is = |w: &str, lower: &str| trim(w).chars().flat_map(char::to_lowercase).eq(lower.chars());
    let ends_clause = |w: &str| w.ends_with(CLAUSE_END);
    let mut first = String::new();
    for i in 0..words.len() {
        // Markers start with a short word: skip long ones without lowercasing them.
        let t = trim(words[i]);
        let initial = t.chars().next().map(|c| c.to_lowercase().next().unwrap_or(c));
        if t.len() > 12 || !initial.is_some_and(|c| TOPIC_MARKERS.iter().any(|(_, m)| m[0].starts_with(c))) {
            continue;
        }
        first.clear();
        first.extend(t.chars().flat_map(char::to_lowercase));
        let Some(&(lang, marker)) = TOPIC_MARKERS.iter().find(|(_, m)| {
            m.first() == Some(&first.as_str())
                && words.len() > i + m.len()
                && m[1..].iter().zip(&words[i + 1..]).all(|(mw, w)| is(w, mw))
        }) else {
            continue;
        };
        if ends_clause(words[i + marker.len() - 1]) {
            continue;
        }
        let mut topic: Vec<&str> = Vec::new();
        for w in &words[i + marker.len()..] {
            let n = norm(w);
            if topic_stops(lang).contains(&n.as_str()) {
                break;
            }
            let bare = w.trim_end_matches(CLAUSE_END);
            if !bare.is_empty() {
                topic.push(bare);
            }
            if ends_clause(w) || topic.len() > TOPIC_MAX_WORDS {
                break;
            }
        }
        // German puts the verb last ("über hybride Teams gelesen") and capitalises nouns, so a
        // trailing lowercase word after a German marker is the verb, not the topic.
        if lang == DE {
            while topic.len() > 1 && topic.last().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)) {
                topic.pop();
            }
        }
        let first = topic.first().map(|w| norm(w)).unwrap_or_default();
        let idiom = topic.len() == 1 && TOPIC_REJECT_WHOLE.contains(&first.as_str());
        let usable = (1..=TOPIC_MAX_WORDS).contains(&topic.len())
            && !first.is_empty()
            && !first.starts_with(|c: char| c.is_numeric())
            && !TOPIC_REJECT_FIRST.contains(&first.as_str())
            && !idiom
            && !topic.iter().any(|w| {
                let n = norm(w);
                TOPIC_REJECT_ANY.contains(&n.as_str())
                    || w.contains('@')
                    || w.contains("://")
                    || w.contains(['{', '}', '[', ']', '<', '>'])
            });
        return usable.then(|| topic.join(" "));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_follow_detected_order() {
        let langs: Vec<&str> = WORDS.iter().map(|(l, _)| *l).collect();
        assert_eq!(langs, DETECTED);
    }

    #[test]
    fn detects_clear_notes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Hi, I read your post about networking and would like to connect.", Some("en")),
            ("Hello Jane, I'd love to add you to my professional network.", Some("en")),
            ("Thanks for the great talk at RustConf!", Some("en")),
            ("Guten Tag Frau Müller, ich würde mich gerne mit Ihnen vernetzen.", Some("de")),
            ("Hallo Jan, ich habe Ihren Beitrag über Führung gelesen und fand ihn sehr spannend.", Some("de")),
            ("Bonjour, j'ai lu votre article sur le recrutement et j'aimerais échanger avec vous.", Some("fr")),
            ("Merci pour votre présentation, je souhaiterais rejoindre votre réseau.", Some("fr")),
            ("Hola, me gustaría conectar con usted para hablar sobre su experiencia.", Some("es")),
            ("¡Hola! Vi su publicación y me encantaría estar en contacto.", Some("es")),
            ("Buongiorno, vorrei collegarmi con te per parlare di lavoro.", Some("it")),
            ("Hallo, ik wil graag met u verbinden voor mijn netwerk.", Some("nl")),
            ("Olá, gostaria de me conectar com você. Obrigado!", Some("pt")),
            ("Hi", None),
            ("Hallo!", None),
            ("Bonjour", None),
            ("", None),
            ("👋🙂", None),
            ("Kathie Smith", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), *want, "detect({text:?})");
        }
    }

    #[test]
    fn topics() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Hi, I read your post about networking and would like to connect.", Some("networking")),
            ("Loved your talk about Rust in embedded systems!", Some("Rust in embedded systems")),
            ("Ich habe Ihren Beitrag über hybride Teams gelesen.", Some("hybride Teams")),
            ("J'ai aimé votre article au sujet de la sobriété numérique.", Some("la sobriété numérique")),
            ("Me gustó su charla sobre liderazgo, ¿conectamos?", Some("liderazgo")),
            ("I'd love to learn more about you.", None),
            ("I'd like to talk about your work at Acme.", None),
            ("We met about 3 years ago.", None),
            ("Let's talk about connecting here on LinkedIn.", None),
            ("Your post about the many ways a small team can ship software without burning out was great", None),
            ("Nothing to see here.", None),
            ("about", None),
            ("It's about time we connected!", None),
            ("Your post about hiring juniors was great.", Some("hiring juniors")),
            ("Votre post à propos de l'IA générative m'a beaucoup plu.", Some("l'IA générative")),
            ("Thanks for writing about {me.email} things", None),
        ];
        for (note, want) in cases {
            assert_eq!(note_topic(note).as_deref(), *want, "note_topic({note:?})");
        }
    }
}
