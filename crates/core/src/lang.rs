//! Which language a note is written in, and what it is about.
//!
//! A small function-word detector rather than whatlang: whatlang adds 259 KB of WASM
//! (163,103 → 422,482 bytes, measured on notyet-wasm with `--release`; +66 KB gzipped), most of the
//! 350 KB budget, to tell apart 69 languages when we write replies in four. Notes are short
//! and full of function words ("ich", "vous", "the", "usted"), which separate these languages
//! well; Italian, Dutch and Portuguese are scored too so that they are not mistaken for
//! Spanish or French.

use crate::Find;
use crate::{entries, listed};
use std::sync::OnceLock;

/// Languages the detector can name (ISO 639-1).
pub const DETECTED: &[&str] = &["en", "de", "fr", "es", "it", "nl", "pt"];

/// Function words and greetings, by language. Words shared by two of them are mostly left out
/// (`de`, `la`, `que`, `in`, `en`, `un`, `con`...), so that each hit is a vote for one language;
/// a word listed under two votes for both.
#[rustfmt::skip]
const WORDS: &[(&str, &str)] = &[
    (
        "en",
        list![
            "the", "and", "you", "your", "to", "of", "i", "is", "are", "would", "like", "with", "for", "that", "this", "my",
            "we", "it", "be", "have", "will", "am", "about", "our", "if", "can", "hope", "thanks", "thank", "connect",
            "hello", "hi", "dear", "there", "from", "at", "but", "or", "what", "how", "i'm", "i'd", "i'll", "i've", "it's",
            "you're", "don't", "love", "great", "looking", "forward", "really", "just", "saw", "read", "work", "working",
        ],
    ),
    (
        "de",
        list![
            "der", "die", "das", "und", "ich", "sie", "ihr", "ihre", "ihnen", "ihrem", "ihren", "mit", "für", "nicht", "ist",
            "sind", "ein", "eine", "einen", "einem", "auf", "zu", "dem", "mich", "mir", "gerne", "gern", "würde", "möchte",
            "vernetzen", "hallo", "liebe", "lieber", "guten", "tag", "grüße", "viele", "auch", "bei", "von", "wir", "uns",
            "wie", "über", "sehr", "freue", "freuen", "mein", "meine", "dass", "aus", "oder", "aber", "habe", "haben",
            "kontakt", "beitrag", "würde", "wäre", "netzwerk", "herzliche", "beste",
        ],
    ),
    (
        "fr",
        list![
            "le", "les", "et", "je", "vous", "votre", "vos", "nous", "du", "une", "est", "pour", "avec", "dans", "sur",
            "pas", "qui", "ce", "cette", "mon", "mes", "suis", "bonjour", "merci", "aimerais", "souhaite", "souhaiterais",
            "au", "aux", "mais", "ou", "très", "bien", "être", "serait", "ai", "plaisir", "échanger", "réseau", "salut",
            "cordialement", "ravi", "ravie", "j'ai", "c'est", "n'hésitez", "parcours", "votre",
        ],
    ),
    (
        "es",
        list![
            "el", "los", "las", "y", "para", "por", "su", "sus", "usted", "es", "una", "del", "al", "lo", "mi", "muy",
            "gracias", "hola", "saludos", "gustaría", "encantaría", "quisiera", "estoy", "soy", "está", "pero", "también",
            "más", "qué", "sobre", "trabajo", "mucho", "gusto", "este", "esta", "conectar", "red", "contacto", "perfil",
            "experiencia", "cordial",
        ],
    ),
    (
        "it",
        list![
            "il", "della", "delle", "degli", "di", "che", "per", "sono", "non", "grazie", "ciao", "buongiorno", "vorrei",
            "piacere", "essere", "anche", "molto", "gli", "nel", "sul", "questo", "questa", "io", "collegarmi", "rete",
            "salve", "lavoro", "tuo", "tua",
        ],
    ),
    (
        "nl",
        list![
            "het", "een", "ik", "jij", "u", "uw", "niet", "met", "voor", "van", "dat", "zijn", "graag", "wil", "bedankt",
            "groet", "groeten", "netwerk", "ook", "maar", "wij", "ons", "heb", "heeft", "mijn", "naar", "bij", "jouw",
            "verbinden", "hoi",
        ],
    ),
    (
        "pt",
        list![
            "você", "vocês", "obrigado", "obrigada", "não", "uma", "um", "seu", "meu", "minha", "muito", "olá", "gostaria",
            "estou", "sou", "também", "mas", "ao", "aos", "isso", "isto", "pelo", "pela", "em", "é", "rede", "trabalho",
            "conexão", "prazer", "sua", "suas", "oi", "adorei", "palestra",
            // Shared with Spanish, so they vote for both: alone in Spanish's list they outvoted
            // a Portuguese note's own words ("Vi seu post sobre Rust e gostaria de me conectar").
            "sobre", "para", "conectar",
        ],
    ),
];

/// French elisions ("j'aimerais", "qu'il") vote French; `l'`/`d'` vote French and Italian.
const ELISIONS: &[(&str, &[usize])] = &[("j", &[FR]), ("qu", &[FR]), ("c", &[FR]), ("n", &[FR]), ("m", &[FR]), ("l", &[FR, IT]), ("d", &[FR, IT])];

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
        // Kept sorted as it is built: no sort routine in the WASM for it (3.6 KB of code).
        let mut table: Vec<(u128, u8)> = Vec::new();
        for (i, (_, words)) in WORDS.iter().enumerate() {
            for k in entries(words).filter_map(key) {
                match table.binary_search_by_key(&k, |&(x, _)| x) {
                    Ok(at) => table[at].1 |= 1 << i,
                    Err(at) => table.insert(at, (k, 1 << i)),
                }
            }
        }
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
            buf.extend(word.chars().flat_map(crate::case::lower).map(|c| if c == '’' { '\'' } else { c }));
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
/// Each keeps the grammar the templates quote it back with ("about X", "über X", "sur X",
/// "sobre X"). French says what a piece is about with "sur" most of all ("votre article sur les
/// formulaires accessibles"), but "sur" alone also places things ("sur LinkedIn", "sur place"):
/// it counts only after a piece of writing or a talk, and before an article (see
/// [`FR_ARTICLES`]). The French templates quote with "sur", which takes "le", "la", "les" as
/// they come, where "au sujet de les formulaires" was wrong.
const TOPIC_MARKERS: &[(usize, &[&str])] = &[
    (EN, &["about"]),
    (EN, &["regarding"]),
    (EN, &["on", "the", "topic", "of"]),
    (DE, &["über"]),
    (DE, &["zum", "thema"]),
    (FR, &["à", "propos", "de"]),
    (FR, &["au", "sujet", "de"]),
    (FR, &["article", "sur"]),
    (FR, &["post", "sur"]),
    (FR, &["billet", "sur"]),
    (FR, &["publication", "sur"]),
    (FR, &["conférence", "sur"]),
    (FR, &["présentation", "sur"]),
    (FR, &["intervention", "sur"]),
    (FR, &["vidéo", "sur"]),
    (FR, &["livre", "sur"]),
    (FR, &["podcast", "sur"]),
    (FR, &["webinaire", "sur"]),
    (FR, &["travail", "sur"]),
    (FR, &["travaux", "sur"]),
    (ES, &["sobre"]),
    (ES, &["acerca", "de"]),
];

/// The longest first word of a marker, in bytes ("présentation"): longer words are skipped unread.
const MARKER_LONGEST: usize = 13;

/// What a French topic after "… sur" starts with: an article ("sur la sobriété", "sur l'IA").
/// Without one, "sur" more often says where ("sur France Inter").
const FR_ARTICLES: &str = list!["le", "la", "les", "un", "une", "des", "du"];

/// Words that end a topic ("networking *and* would like to connect"), by the marker's language.
#[rustfmt::skip]
fn topic_stops(lang: usize) -> &'static str {
    match lang {
        DE => list!["und", "aber", "weil", "denn", "ich", "wir", "ist", "war", "hat", "hatte", "&"],
        FR => list!["et", "mais", "car", "que", "qui", "je", "nous", "a", "est", "était", "m'a", "m'ont", "sont", "&"],
        ES => list!["y", "pero", "porque", "que", "yo", "nosotros", "es", "fue", "ha", "me", "está", "&"],
        // The note's sentence goes on after the topic with its verb, which English doesn't mark:
        // "your post about burnout resonated with me" gave "your note about burnout resonated
        // with me" in the reply, "…about hiring juniors made my day" likewise. The verbs and
        // adverbs such notes go on with end the topic too ("burnout", "hiring juniors").
        _ => list!["and", "but", "which", "that", "so", "because", "as", "since", "i", "we", "is", "was", "were", "are",
               "has", "had", "&", "really", "truly", "totally", "definitely", "just", "helped", "helps", "made", "makes", "resonated", "resonates", "inspired",
               "inspires", "changed", "got", "gave", "struck", "caught", "taught", "reminded", "sparked", "opened",
               "touched", "convinced", "impressed", "spoke", "came", "blew"],
    }
}

/// Topics that would read wrongly when quoted back: pronouns and possessives flip their meaning
/// in a reply ("your work" is theirs in the note, mine in the answer), and "about connecting"
/// is no topic.
#[rustfmt::skip]
const TOPIC_REJECT_FIRST: &str = list![
    "you", "yourself", "your", "yours", "u", "it", "this", "that", "me", "my", "us", "our", "him", "her", "his", "them",
    "their", "what", "how", "why", "where", "who", "when", "a", "an", "sie", "ihnen", "ihr", "ihre", "ihren", "ihrem",
    "ihrer", "dich", "dir", "dein", "deine", "mich", "mir", "mein", "meine", "meinen", "uns", "unser", "unsere", "es", "das",
    "was", "wie", "vous", "votre", "vos", "toi", "ton", "ta", "tes", "moi", "mon", "ma", "mes", "nous", "notre", "nos",
    "cela", "ça", "ce", "ceci", "usted", "su", "sus", "ti", "tu", "tus", "mí", "mi", "mis", "nuestro", "nuestra", "eso",
    "esto", "lo", "qué", "cómo",
];

/// A short word written in capitals (`n` its normalized form) is an acronym ("US tax law", "ME"),
/// not the person word "us" or "me" of the reject lists.
fn acronym(word: &str, n: &str) -> bool {
    (2..=3).contains(&n.len()) && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// One-word "topics" that are idioms ("it's about time").
const TOPIC_REJECT_WHOLE: &str = list!["time", "it", "that", "this"];

/// Words that make a topic about the invitation itself, and persons anywhere in it: a topic
/// that names someone is a clause gone past its topic ("about remote work changed how you…") or
/// reads the wrong way round in a reply ("about helping you grow").
#[rustfmt::skip]
const TOPIC_REJECT_ANY: &str =
    list!["linkedin", "connect", "connecting", "connection", "network", "vernetzen", "vernetzung", "connecter", "conectar", "conexión",
          "me", "my", "us", "our", "you", "your", "him", "his", "her", "them", "their", "how", "mir", "mich", "uns", "ihnen",
          "vous", "votre", "vos", "moi"];

/// With the topic stops, words that start a new clause or an aside after "about X,": the
/// comma ended the topic.
#[rustfmt::skip]
const EN_AFTER_TOPIC: &str = list![
    "it", "it's", "i'd", "i'm", "they", "this", "these", "he", "she", "you", "especially", "particularly", "really", "very", "great", "loved",
    "thanks", "thank", "would", "could", "can", "will", "not", "or", "also", "hope", "such", "what", "how", "let", "please",
    "honestly", "actually", "anyway", "frankly", "sadly", "seriously", "btw", "though", "obviously", "personally",
];

/// Punctuation that ends a clause, and so a topic.
const CLAUSE_END: [char; 7] = ['.', ',', ';', ':', '!', '?', '…'];

/// Double quotation marks of the languages we read ("…", “…”, „…“, «…», »…«, ”…”, 「…」).
/// Which way a mark faces differs by language, so its place in a word says whether it opens
/// (before the word) or closes (after it), not its shape.
const DOUBLE_QUOTES: [char; 14] = ['"', '“', '”', '„', '‟', '«', '»', '‹', '›', '「', '」', '『', '』', '＂'];

/// Single quotation marks. Inside a word ("l'IA", "don't"), or after one when no single quote
/// is open ("students' work"), they are apostrophes.
const SINGLE_QUOTES: [char; 5] = ['\'', '‘', '’', '‚', '‛'];

/// A word without the punctuation around it.
fn trim(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

/// The most words a quoted topic may have: longer ones read like a quotation.
const TOPIC_MAX_WORDS: usize = 6;

/// Quotation marks and brackets open so far in a topic, innermost last. A topic is only ever
/// cut where none is open: `about saying "not yet and …` would quote back a mark that never
/// closes.
#[derive(Debug, Default)]
struct Open {
    /// The open marks, each with the number of words with letters read before it.
    marks: Vec<(char, usize)>,
    words: usize,
    /// Whether a mark closed with nothing inside (`" "`, `« »`), which reads as a slip.
    empty: bool,
}

/// Whether `close` ends a quotation or bracket that `open` began, in some language we read:
/// "…" “…” „…“ „…” ”…” «…» »…« »…» ‹…› ›…‹ 「…」 『…』 '…' ‘…’ ‚…‘ ‚…’ ’…’ (…).
fn pairs(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('"', '"')
            | ('＂', '＂')
            | ('“', '”')
            | ('„', '“')
            | ('„', '”')
            | ('”', '”')
            | ('‟', '”')
            | ('«', '»')
            | ('»', '«')
            | ('»', '»')
            | ('‹', '›')
            | ('›', '‹')
            | ('「', '」')
            | ('『', '』')
            | ('\'', '\'')
            | ('‘', '’')
            | ('‚', '‘')
            | ('‚', '’')
            | ('’', '’')
            | ('‛', '’')
            | ('(', ')')
    )
}

/// Whether `c` is a quotation mark or a round bracket.
fn is_mark(c: char) -> bool {
    DOUBLE_QUOTES.contains(&c) || SINGLE_QUOTES.contains(&c) || c == '(' || c == ')'
}

impl Open {
    fn any(&self) -> bool {
        !self.marks.is_empty()
    }

    fn open(&mut self, c: char) {
        self.marks.push((c, self.words));
    }

    /// Closes the innermost open mark if `c` ends it.
    fn close(&mut self, c: char) -> bool {
        match self.marks.last() {
            Some(&(o, words)) if pairs(o, c) => {
                self.empty |= words == self.words;
                self.marks.pop();
                true
            }
            _ => false,
        }
    }

    /// Reads one word of a topic: the word as quoted back, and whether the topic ends after it.
    /// Marks before the letters open; marks after them close what is open and are kept. Sentence
    /// punctuation is dropped, even inside a closing quote (`yet."` → `yet"`), and ends the
    /// topic, as does a closing mark that closes nothing open (a quote that began before the
    /// topic). A single quote after letters that closes nothing is an apostrophe ("students'").
    /// `None` when a double quote or bracket sits between letters, where its meaning is unclear.
    fn word(&mut self, w: &str) -> Option<(String, bool)> {
        let is_letter = |c: char| c.is_alphanumeric() || c == '&';
        let (lead, body, tail) = match (w.find(is_letter), w.rfind(is_letter)) {
            (Some(a), Some(b)) => {
                let end = b + w[b..].chars().next().map_or(1, char::len_utf8);
                (&w[..a], &w[a..end], &w[end..])
            }
            // Punctuation alone (` « `, ` » `, ` – `): it closes what it can, else it opens.
            _ => ("", "", w),
        };
        if body.contains(|c: char| DOUBLE_QUOTES.contains(&c) || c == '(' || c == ')') {
            return None;
        }
        let lone = body.is_empty();
        let mut out = String::with_capacity(w.len());
        for c in lead.chars() {
            if c == ')' {
                return None;
            }
            if is_mark(c) {
                self.open(c);
            }
            out.push(c);
        }
        out.push_str(body);
        self.words += usize::from(!lone);
        let mut ends = false;
        for c in tail.chars() {
            if CLAUSE_END.contains(&c) {
                ends = true;
            } else if !is_mark(c) {
                if !ends {
                    out.push(c);
                }
            } else if self.close(c) {
                out.push(c);
            } else if (lone && c != ')') || c == '(' {
                self.open(c);
                out.push(c);
            } else if SINGLE_QUOTES.contains(&c) {
                if !ends {
                    out.push(c);
                }
            } else {
                ends = true;
            }
        }
        Some((out, ends))
    }
}

/// Whether every quotation mark and bracket in `topic` is closed within it, read the way
/// [`Open::word`] reads them: no topic is quoted back with a mark left open or closed twice.
fn balanced(topic: &str) -> bool {
    let mut open = Open::default();
    for w in topic.split_whitespace() {
        // A list's commas ("Rust, WASM and the web") are the topic's own.
        let w = w.strip_suffix(',').unwrap_or(w);
        match open.word(w) {
            Some((read, ends)) if read == w && !ends => {}
            _ => return false,
        }
    }
    !open.any() && !open.empty
}

/// "and" or "or", the words that close an English list.
fn is_and(w: &str) -> bool {
    let w = trim(w);
    w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or")
}

/// Whether the words after a comma in an English topic go on with a list: capitalised words, or
/// single words between commas, up to an "and" or "or" with a word after it ("Rust, *WASM and the
/// web*", "rust, *wasm, and the web*"). A capital that starts a new clause ("Rust, I think",
/// "Rust, Thanks"), a name with nothing after it ("about Rust, Kathie!") and lowercase words that
/// run on ("rust, great read and thanks") are no list: the comma ended the topic.
fn starts_list(rest: &[&str]) -> bool {
    let Some(k) = rest.iter().take(5).position(|w| is_and(w)) else { return false };
    let items = &rest[..k];
    k > 0
        && (items.iter().all(|w| w.starts_with(char::is_uppercase)) || items[..k - 1].iter().all(|w| w.ends_with(',')))
        && items.iter().all(|w| plain(w) && !w.ends_with(['.', ';', ':', '!', '?']))
        && rest.get(k + 1).is_some_and(plain)
}

/// An English word that neither ends a topic nor starts a new clause.
fn plain(w: &&str) -> bool {
    let n = crate::case::lower_str(trim(w));
    !listed(topic_stops(EN), &n) && !listed(EN_AFTER_TOPIC, &n)
}

/// After names ("about Rust"), whether "and" and the next word close a list of two: a name that
/// ends the sentence or comes before a word that ends topics ("about Rust and WASM!", "Rust and
/// Go was fun"), not a new clause ("Rust and I would…", "Rust and Helm charts").
fn two_names(topic: &[String], rest: &[&str]) -> bool {
    let cap = |w: &str| w.starts_with(char::is_uppercase);
    !topic.is_empty()
        && topic.iter().all(|w| cap(w))
        && rest.first().is_some_and(|n| cap(n) && plain(n) && (n.ends_with(['.', ',', '!', '?', ';', ':']) || !rest.get(1).is_some_and(|m| plain(m) || cap(m))))
}

/// What the note says it is about, in its own words, when it says so briefly:
/// "I read your post about networking and would like to connect" → "networking".
/// `None` when there is no such phrase, or quoting it back could read wrongly: the templates
/// drop the sentence part that holds the topic, which reads better than an odd topic.
pub fn note_topic(note: &str) -> Option<String> {
    let words: Vec<&str> = note.split_whitespace().take(400).collect();
    let norm = |w: &str| crate::case::lower_str(trim(w));
    // Compares without allocating: this runs on every word of every note.
    let is = |w: &str, lower: &str| trim(w).chars().flat_map(crate::case::lower).eq(lower.chars());
    // A marker that ends its clause or quote (`"about."`, `talk "about"`) introduces nothing.
    let ends_clause = |w: &str| w.ends_with(|c: char| CLAUSE_END.contains(&c) || DOUBLE_QUOTES.contains(&c) || SINGLE_QUOTES.contains(&c) || c == ')');
    let mut first = String::new();
    // The note's language, found once a marker is (most notes have none).
    let mut note_lang: Option<Option<&str>> = None;
    for i in 0..words.len() {
        // Markers start with a short word: skip long ones without lowercasing them.
        let t = trim(words[i]);
        let initial = t.chars().next().map(crate::case::lower_char);
        if t.len() > MARKER_LONGEST || !initial.is_some_and(|c| TOPIC_MARKERS.iter().any(|(_, m)| m[0].starts_with(c))) {
            continue;
        }
        first.clear();
        first.extend(t.chars().flat_map(crate::case::lower));
        let Some(&(lang, marker)) = TOPIC_MARKERS
            .iter()
            .find(|(_, m)| m.first() == Some(&first.as_str()) && words.len() > i + m.len() && m[1..].iter().zip(&words[i + 1..]).all(|(mw, w)| is(w, mw)))
        else {
            continue;
        };
        if ends_clause(words[i + marker.len() - 1]) {
            continue;
        }
        // A marker of another language than the note's says nothing: Portuguese "sobre Rust e
        // gostaria de…" read with the Spanish marker gave "about Rust e gostaria de" in an
        // English reply. A note too short to tell keeps its marker's reading.
        if note_lang.get_or_insert_with(|| detect(note)).is_some_and(|l| l != DETECTED[lang]) {
            continue;
        }
        let mut topic: Vec<String> = Vec::new();
        let mut open = Open::default();
        let mut clear = true;
        // The word after a comma that ended the topic, when one did.
        let mut after_comma = None;
        // In an English list ("about Rust, WASM and the web"): its "and" or "or" is still to come.
        let mut listing = false;
        // A lowercase list, and whether a stop word cut the topic: such a list is quoted only
        // when its clause ends with it ("about rust, wasm and the web."), as lowercase words
        // are more often a clause than names are ("about rust, wasm and then I was hooked").
        let (mut lower_list, mut cut) = (false, false);
        for (j, w) in words.iter().enumerate().skip(i + marker.len()) {
            if listed(topic_stops(lang), &norm(w)) {
                if is_and(w) && (listing || lang == EN && two_names(&topic, &words[j + 1..])) {
                    listing = false;
                    topic.push(trim(w).to_owned());
                    continue;
                }
                cut = true;
                break;
            }
            let Some((word, ends)) = open.word(w) else {
                clear = false;
                break;
            };
            if !word.is_empty() {
                topic.push(word);
            }
            if ends && w.ends_with(',') && !open.any() && (listing || (lang == EN && starts_list(&words[j + 1..]))) {
                // A comma inside the list: kept, and the topic goes on.
                lower_list |= !listing && words.get(j + 1).is_some_and(|n| !n.starts_with(char::is_uppercase));
                listing = true;
                if let Some(last) = topic.last_mut() {
                    last.push(',');
                }
                continue;
            }
            if ends || topic.len() > TOPIC_MAX_WORDS {
                if ends && w.ends_with(',') {
                    after_comma = words.get(j + 1).copied();
                }
                break;
            }
        }
        // German puts the verb last ("über hybride Teams gelesen") and capitalises nouns, so a
        // trailing lowercase word after a German marker is the verb, not the topic; a word that
        // closes a quote („Nein sagen“) is quoted, not the verb.
        let verb = |w: &String| {
            w.chars().next().is_some_and(char::is_lowercase) && !w.ends_with(|c: char| DOUBLE_QUOTES.contains(&c) || SINGLE_QUOTES.contains(&c) || c == ')')
        };
        if lang == DE {
            while topic.len() > 1 && topic.last().is_some_and(verb) {
                topic.pop();
            }
        }
        // A German topic ends with its noun, which is capitalised: one that ends lowercase is an
        // adjective cut from its noun ("über kleine, ehrliche Netzwerke" gave "über kleine").
        let no_noun = lang == DE && topic.last().is_some_and(verb);
        // English: a comma after one lowercase word, or after "a calm", is more often a list of
        // adjectives ("about small, honest networks", "about building a calm, focused team") than
        // the end of the topic; the topic would be "small" or "building a calm". It is taken only
        // when the comma plainly starts something else ("about burnout, great read", "…, which").
        let cut_adjective = lang == EN
            && after_comma.map(|w| norm(w).replace('’', "'")).is_some_and(|next| !listed(topic_stops(EN), &next) && !listed(EN_AFTER_TOPIC, &next))
            && topic.last().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && (topic.len() == 1 || topic.iter().rev().nth(1).is_some_and(|w| listed(list!["a", "an", "the"], &norm(w))));
        let joined = topic.join(" ");
        // The first word that has letters: `« la sobriété »` is about "la".
        let first = topic.iter().map(|w| norm(w)).find(|w| !w.is_empty()).unwrap_or_default();
        let idiom = topic.len() == 1 && listed(TOPIC_REJECT_WHOLE, &first);
        let placed = marker.last() == Some(&"sur") && !(listed(FR_ARTICLES, &first) || first.starts_with("l'") || first.starts_with("l’"));
        let run_on = lower_list && cut;
        // A verb or adverb cut the topic right after its article ("about the really…").
        let article_last = topic.last().is_some_and(|w| listed(list!["a", "an", "the"], &norm(w)));
        let usable = clear
            && !run_on
            && !article_last
            && !no_noun
            && !cut_adjective
            && !placed
            && (1..=TOPIC_MAX_WORDS).contains(&topic.len())
            && !first.is_empty()
            && !first.starts_with(|c: char| c.is_numeric())
            && (!listed(TOPIC_REJECT_FIRST, &first) || topic.iter().find(|w| !norm(w).is_empty()).is_some_and(|w| acronym(w, &first)))
            && !idiom
            // "about (Rust)" reads oddly, and a bracket opening the topic is an aside.
            && !joined.starts_with(['(', ')'])
            && balanced(&joined)
            && !topic.iter().any(|w| {
                let n = norm(w);
                (listed(TOPIC_REJECT_ANY, &n) && !acronym(w, &n))
                    || w.contains('@')
                    || w.has("://")
                    || w.contains(['{', '}', '[', ']', '<', '>'])
            });
        return usable.then_some(joined);
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
            // An acronym in capitals is no person word; the same word in lower case is.
            ("Your talk about US tax law was great", Some("US tax law")),
            ("Your talk about us was great", None),
            ("Your post about tax law in the US was great", Some("tax law in the US")),
            ("Your post about the way you work was great", None),
            ("Votre post à propos de l'IA générative m'a beaucoup plu.", Some("l'IA générative")),
            ("Thanks for writing about {me.email} things", None),
            // French says "sur" after a piece of writing or a talk, before an article.
            ("Bonjour, j'ai lu votre article sur les formulaires accessibles et j'ai trouvé vos exemples utiles.", Some("les formulaires accessibles")),
            ("Votre présentation sur l'IA générative m'a plu.", Some("l'IA générative")),
            ("J'ai vu votre intervention sur France Inter hier.", None),
            ("J'ai vu votre post sur LinkedIn.", None),
            ("Je suis sur place demain.", None),
            // A German topic ends with its (capitalised) noun: an adjective cut from it is none.
            ("Hallo Pat, ich habe Ihren Vortrag über kleine, ehrliche Netzwerke gesehen.", None),
            ("Ihr Vortrag über agile und hybride Teams war toll.", None),
            ("Ich habe Ihren Beitrag über Führung gelesen.", Some("Führung")),
            // English: a comma inside a list of adjectives is not the topic's end.
            ("I loved your post about small, honest networks.", None),
            ("I read your article about building a calm, focused team.", None),
            ("I enjoyed your piece about open, transparent leadership and would like to connect.", None),
            ("Great post about burnout, great read!", Some("burnout")),
            ("Your post about networking, which I do a lot, was great.", Some("networking")),
            ("Your article about leadership, especially the part on agents, was insightful.", Some("leadership")),
            // A list of names is the topic whole, to its "and"; a capital that starts a clause or
            // addresses them is no list.
            ("Your talk about Rust, WASM and the web was great.", Some("Rust, WASM and the web")),
            ("I'd love to chat about Rust, WASM and the web", Some("Rust, WASM and the web")),
            ("I'd love to chat about Rust, Go, and WASM and would like to connect.", Some("Rust, Go, and WASM")),
            ("Your post about hiring, Rust or Go was fun.", Some("hiring, Rust or Go")),
            ("Loved your talk about Rust, Kathie!", Some("Rust")),
            ("Loved your talk about Rust, Kathie and I would like to connect.", Some("Rust")),
            ("Your talk about Rust, I think, was great.", Some("Rust")),
            ("Great talk about Rust, Thanks and see you.", Some("Rust")),
            ("Your post about Rust, WASM. And the web.", Some("Rust")),
            // Lowercase single words between commas are a list too, when the clause ends with it.
            ("I'd love to chat about rust, wasm and the web", Some("rust, wasm and the web")),
            ("Your post about hiring, onboarding, and retention. Thanks!", Some("hiring, onboarding, and retention")),
            ("I loved your post about small, honest and open networks.", Some("small, honest and open networks")),
            ("Your talk about rust, wasm and then I was hooked.", None),
            ("Your post about hiring, onboarding and retention was great.", None),
            ("Great post about rust, great read and thanks!", Some("rust")),
            ("Great post about rust, shared it and thanks!", None),
            // An aside between commas is no item: "your note about testing, honestly, and the slides".
            ("Loved your talk about testing, honestly, and the slides.", Some("testing")),
            ("I read your post about burnout, sadly, and the fix.", Some("burnout")),
            // Two names joined by "and" that end the sentence or the topic; a new clause is no list.
            ("Great talk about Rust and WASM! Let's connect.", Some("Rust and WASM")),
            ("Your talk about Rust and Go was fun.", Some("Rust and Go")),
            ("I read your post about Rust and WASM", Some("Rust and WASM")),
            ("Loved your talk about Rust and I would like to connect.", Some("Rust")),
            ("Loved your talk about Kubernetes and Helm charts.", Some("Kubernetes")),
            ("Your post about hiring and Rust was fun.", Some("hiring")),
            ("Great post about remote work, it resonated.", Some("remote work")),
            ("Your article about the future of AI, especially the part on agents, was insightful.", Some("the future of AI")),
            // The note's sentence goes on with its verb: the topic ends there, or is none where it names someone.
            ("Hello Pat, your thread about portfolio reviews helped me a lot. Would you be open to a chat?", Some("portfolio reviews")),
            ("Hi Pat, your post about burnout resonated with me.", Some("burnout")),
            ("Your post about hiring juniors made my day.", Some("hiring juniors")),
            ("Your article about remote work really changed how I run my team.", Some("remote work")),
            ("Your talk about property tests inspired me to try them.", Some("property tests")),
            ("Your post about the really hard parts of hiring was great.", None),
            ("Your post about helping you grow as a designer.", None),
            ("I loved your talk about Rust at RustConf last week.", Some("Rust at RustConf last week")),
            ("Loved your post about how we hire.", None),
        ];
        for (note, want) in cases {
            assert_eq!(note_topic(note).as_deref(), *want, "note_topic({note:?})");
        }
    }

    /// A marker is read in its own language only: Portuguese and Italian share "sobre" and "su"
    /// with their neighbours, and a topic cut by another language's stops reads as nonsense.
    #[test]
    fn topic_marker_of_another_language() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Olá! Vi seu post sobre Rust e gostaria de me conectar para trocar ideias.", None),
            ("Oi, adorei sua palestra sobre design de sistemas. Vamos nos conectar?", None),
            ("Hola, me gustó tu charla sobre Rust y me gustaría conectar.", Some("Rust")),
            ("Loved your talk about Rust!", Some("Rust")),
        ];
        for (note, want) in cases {
            assert_eq!(note_topic(note).as_deref(), *want, "note_topic({note:?})");
        }
        assert_eq!(detect("Oi, adorei sua palestra sobre design de sistemas. Vamos nos conectar?"), Some("pt"));
    }

    /// A topic never stops inside a quotation or brackets: the browser test drafted
    /// `your note about saying "not yet and for…` from a note that quoted "not yet".
    #[test]
    fn topic_never_cuts_inside_quotes_or_brackets() {
        let cases: &[(&str, Option<&str>)] = &[
            // The reported note: the quote closes within the topic, so it is kept whole.
            (r#"I loved your talk about saying "not yet" and for sure want to connect"#, Some(r#"saying "not yet""#)),
            (r#"I read your post about saying "not yet" to strangers on LinkedIn and it made me smile."#, None),
            ("I loved your talk about saying “not yet” and want to connect", Some("saying “not yet”")),
            ("Ihr Beitrag über „Nein sagen“ hat mir gefallen.", Some("„Nein sagen“")),
            ("J'ai aimé votre article au sujet de « la sobriété » et je vous écris.", Some("« la sobriété »")),
            ("Me gustó su charla sobre «liderazgo», ¿conectamos?", Some("«liderazgo»")),
            ("Loved your talk about 'not yet' as an answer", Some("'not yet'")),
            ("I loved your post about ‘not yet’ and more", Some("‘not yet’")),
            ("Loved your talk about Rust (the language) and its community", Some("Rust (the language)")),
            // Sentence punctuation inside a closing quote is dropped, the quote kept.
            ("I loved your talk about saying “not yet.” Thanks!", Some("saying “not yet”")),
            // Cut inside: dropped rather than quoted back half.
            (r#"I loved your talk about saying "not yet, not never" and the rest"#, None),
            ("I loved your talk about saying “not yet and meaning it” so much", None),
            ("Ihr Vortrag über „Nein sagen und dabei freundlich bleiben“ war toll.", None),
            ("Votre post au sujet de « sobriété et numérique » m'a plu.", None),
            ("Loved your talk about saying «not yet and more", None),
            // A stop word right after an opening bracket cuts before the bracket: nothing is open.
            ("Loved your talk about Rust (and WebAssembly) a lot", Some("Rust")),
            ("Loved your talk about Rust (the language, not the game) a lot", None),
            ("Loved the talk about (mostly) Rust", None),
            ("Loved your talk about 'til death do us part", None),
            (r#"Loved your talk about "not"yet" today"#, None),
            // A quote that opened before the topic closes it; the topic inside it is whole.
            (r#"She wrote "a post about networking" and I loved it"#, Some("networking")),
            ("Er schrieb „einen Beitrag über Netzwerke“ gestern", Some("Netzwerke")),
            // Apostrophes are no quotes.
            ("Your post about students' first jobs was great.", Some("students' first jobs")),
            ("Votre post à propos de l'IA générative m'a beaucoup plu.", Some("l'IA générative")),
            ("Loved your talk about Rust's borrow checker", Some("Rust's borrow checker")),
        ];
        for (note, want) in cases {
            let got = note_topic(note);
            assert_eq!(got.as_deref(), *want, "note_topic({note:?})");
            if let Some(t) = &got {
                assert!(balanced(t), "{t:?}");
            }
        }
    }

    /// Every sequence of up to four words and marks after "about": each topic found is balanced,
    /// and some of them do quote (the check is not vacuous).
    #[test]
    fn topics_after_every_short_quote_sequence_are_balanced() {
        let tokens = ["Rust", "and", "\"Rust", "Rust\"", "\"", "“Rust", "Rust”", "„Rust", "Rust“", "«", "»", "(Rust", "Rust)", "'Rust", "Rust'", "Rust.\""];
        let mut quoted = 0;
        let mut seq = [0usize; 4];
        for n in 1..=4 {
            for k in 0..tokens.len().pow(n as u32) {
                let mut k = k;
                for slot in seq.iter_mut().take(n) {
                    *slot = k % tokens.len();
                    k /= tokens.len();
                }
                let note = format!("Loved your talk about {} today", seq[..n].iter().map(|&i| tokens[i]).collect::<Vec<_>>().join(" "));
                if let Some(t) = note_topic(&note) {
                    assert!(balanced(&t), "{note:?} → {t:?}");
                    let marks = |cs: &[char]| t.chars().filter(|c| cs.contains(c)).count();
                    assert_eq!(marks(&['(']), marks(&[')']), "{note:?} → {t:?}");
                    assert_eq!(marks(&DOUBLE_QUOTES) % 2, 0, "{note:?} → {t:?}");
                    if std::env::var_os("NOTYET_SHOW_TOPICS").is_some() {
                        eprintln!("{note:?} → {t:?}");
                    }
                    quoted += usize::from(t.contains(|c: char| !c.is_alphanumeric() && c != ' '));
                }
            }
        }
        assert!(quoted > 100, "only {quoted} quoting topics");
    }

    proptest::proptest! {
        /// Whatever a note quotes, its topic has no mark left open or closed twice.
        #[test]
        fn topics_are_always_balanced(parts in proptest::collection::vec(proptest::sample::select(&[
            "about", "über", "sobre", "Rust", "not", "yet", "and", "the", "talk", "\"", "“", "”", "„", "«", "»", "'", "‘", "’",
            "(", ")", ".", ",", "s", " ", "l'IA", "x", "»", "‹", "›",
        ][..]), 0..24)) {
            let note = parts.concat();
            if let Some(t) = note_topic(&note) {
                proptest::prop_assert!(balanced(&t), "{note:?} → {t:?}");
                let marks = |cs: &[char]| t.chars().filter(|c| cs.contains(c)).count();
                proptest::prop_assert!(marks(&['(']) == marks(&[')']), "{note:?} → {t:?}");
                proptest::prop_assert!(marks(&DOUBLE_QUOTES) % 2 == 0, "{note:?} → {t:?}");
            }
        }
    }
}
