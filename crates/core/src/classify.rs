//! What kind of invitation this is: the built-in categories (docs/formats.md), and why.
//!
//! Matching works on folded words (lower case, accents removed, punctuation as spaces), so
//! "Chasseur de têtes" and "chasseur de tetes" are the same phrase and "Acme" never matches
//! inside "Acmestone". Phrases are short word lists where a trailing `*` matches a word's start
//! ("recruit*" finds "Recruiter" and "recruiting"). Hand-written rather than the regex crate,
//! which would add more to the WASM than all of these lists together.
//!
//! Signals are weighed: a strong one (2) decides a category alone, weak ones (1) need company.
//! A few phrases hold a signal's words without being one ("Would you be open to connecting?",
//! "Talent development"): words they cover count for nothing.
//! The order of the checks is the order of trust: a follow invitation is never a person; a
//! person the user knows by name wins over everything; spam wins over the rest, then a known
//! company or school, recruiting, selling, shared connections, and last what the note says.
//!
//! Suggesting Report about a real person is a serious mistake, so spam is reported only on
//! strong evidence: a strong phrase, or three weak signs together. Weaker evidence (one or two
//! weak signs: digits in a name, one odd word) is still spam, but the advice is Ignore, and the
//! reasons say so. One weak sign alone is outweighed by a note that says something of its own,
//! or by being a word of the headline (a headline says what someone does: "US Army veteran");
//! a scam persona there ("Four star general") is one weak sign that nothing but a note outweighs.

use crate::reason::{KnownList, Reason, Text, Topic};
use crate::Find;
use crate::{entries, listed, Category, Fnv, Invitation, Kind, Settings};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The category and the reasons that led to it, in the order they were weighed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Classification {
    pub category: Category,
    pub reasons: Vec<Reason>,
    /// Whether the note says something of its own (not empty, a greeting or LinkedIn's stock text).
    pub personal_note: bool,
    /// Spam on weak evidence only: ignore rather than report.
    pub mild: bool,
}

// ---------------------------------------------------------------------------------------------
// Folded words and phrases

/// Lower-cases, strips accents and turns everything but letters and digits into spaces.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Byte by byte (most headlines, notes and names): a `String::push` per character was
        // most of folding in the size-optimized module (callgrind, a 300-invitation page:
        // 2.4 M instructions, 1.0 M this way).
        let mut bytes = s.as_bytes().to_vec();
        for b in &mut bytes {
            *b = if b.is_ascii_alphanumeric() { b.to_ascii_lowercase() } else { b' ' };
        }
        return String::from_utf8(bytes).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most text is ASCII: no case tables or accent lookups for it.
        if c.is_ascii() {
            out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
            continue;
        }
        for c in crate::case::lower(c) {
            if let Some(base) = base_letters(c) {
                out.push_str(base);
            } else if c.is_alphanumeric() {
                out.push(c);
            } else if matches!(c, '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{308}' | '\u{327}') {
                // Combining accents of decomposed text ("e\u{301}") fold away like precomposed ones.
            } else {
                out.push(' ');
            }
        }
    }
    out
}

/// The unaccented letters for the accented Latin letters of the supported languages (and their
/// neighbours). A table rather than a Unicode normalisation crate: a few lines against ~100 KB.
fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

/// A text as folded words, ready for phrase matching: one folded string and the words' spans
/// in it (one allocation rather than one a word; a page has thousands of words).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Words {
    text: String,
    spans: Vec<(usize, usize)>,
}

impl Words {
    pub fn new(s: &str) -> Words {
        let text = fold(s);
        let mut spans = Vec::new();
        let mut start = None;
        // `fold` leaves letters, digits and single-byte spaces, so a space byte is a boundary.
        for (i, b) in text.bytes().enumerate() {
            match (b == b' ', start) {
                (true, Some(st)) => {
                    spans.push((st, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(st) = start {
            spans.push((st, text.len()));
        }
        Words { text, spans }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The `i`th word; empty past the end.
    pub fn word(&self, i: usize) -> &str {
        self.spans.get(i).and_then(|&(a, b)| self.text.get(a..b)).unwrap_or("")
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(move |i| self.word(i))
    }

    /// Whether `phrase` occurs as whole words.
    pub fn contains(&self, phrase: &Phrase) -> bool {
        self.find(phrase, 0).is_some()
    }

    /// The index of the first occurrence of `phrase` at or after `from`.
    fn find(&self, phrase: &Phrase, from: usize) -> Option<usize> {
        (from..self.len()).find(|&i| self.matches_at(phrase, i))
    }

    /// Whether `phrase` starts at word `i`.
    fn matches_at(&self, phrase: &Phrase, i: usize) -> bool {
        self.matches_after(phrase, i, 0)
    }

    /// As [`Words::matches_at`], with the phrase's first `known` words known to match.
    fn matches_after(&self, phrase: &Phrase, i: usize, known: usize) -> bool {
        let n = phrase.0.len();
        n > 0 && i + n <= self.len() && phrase.0.iter().enumerate().skip(known).all(|(k, p)| p.matches(self.word(i + k)))
    }
}

/// One word of a phrase: exact, or a word start when written with a trailing `*`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PhraseWord {
    word: String,
    prefix: bool,
}

impl PhraseWord {
    fn matches(&self, w: &str) -> bool {
        if self.prefix {
            w.starts_with(&self.word)
        } else {
            w == self.word
        }
    }
}

/// A phrase of folded words, as written in the lists below or by the user.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Phrase(Vec<PhraseWord>);

impl Phrase {
    pub fn new(s: &str) -> Phrase {
        let mut words = Vec::new();
        for raw in s.split_whitespace() {
            let (raw, prefix) = match raw.strip_suffix('*') {
                Some(r) => (r, true),
                None => (raw, false),
            };
            let f = fold(raw);
            let parts: Vec<&str> = f.split_whitespace().collect();
            let last = parts.len().saturating_sub(1);
            for (i, p) in parts.iter().enumerate() {
                words.push(PhraseWord { word: (*p).to_owned(), prefix: prefix && i == last });
            }
        }
        Phrase(words)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

// ---------------------------------------------------------------------------------------------
// Signals

/// What a group of signals points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Points {
    Spam,
    Recruiter,
    Sales,
}

/// Which phrases of a group count in a headline: a headline says what someone does, so a weak
/// word there ("Investment banker", "non-profit") is no sign of a scam, but it is of a recruiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Headline {
    None,
    Strong,
    All,
    /// As `All`, but a strong phrase there is one weak sign, and one being in a headline doesn't
    /// outweigh: a headline only claims a job, and real UN doctors and generals exist, so "Surgeon
    /// with the UN" alone is Ignore with the reason shown, not Report.
    Claim,
    /// As `All`, but a strong phrase in a note is one weak sign: "Helping SaaS founders …" heads
    /// a seller's profile, while a note says it of the reader's work ("your post about helping
    /// startups hire") or a mentor's ("I'm helping founders at Techstars"): both read as sales.
    Pitch,
}

/// A topic of related phrases, in all supported languages, with strong and weak phrases.
struct Group {
    points: Points,
    /// Completes "the note mentions …" / "the headline mentions …".
    topic: Topic,
    /// [`list!`]s.
    strong: &'static str,
    weak: &'static str,
    /// Which of its phrases count in a headline.
    in_headline: Headline,
}

#[rustfmt::skip] // word lists packed by language, one group a few lines
const GROUPS: &[Group] = &[
    Group {
        points: Points::Spam,
        topic: Topic::Romance,
        strong: list![
            "my love", "looking for love", "love you", "my dear", "sweetheart", "my heart", "soulmate", "soul mate", "beautiful smile", "your smile",
            "beautiful woman", "beautiful lady", "you are beautiful", "you re beautiful", "you are so beautiful", "so handsome", "you are handsome",
            "lonely", "i am single", "im single", "i m single", "serious relationship", "long term relationship", "looking for a wife", "looking for a woman",
            "marry", "kisses", "xoxo", "sexy",
            // German
            "mein schatz", "meine liebe suche", "ich bin single", "ernsthafte beziehung", "einsam", "partnersuche", "suche eine frau", "dein lacheln", "hubsche frau", "wunderschone frau",
            // French
            "mon amour", "mon coeur", "ma cherie", "celibataire", "ame soeur", "belle femme", "ton sourire", "votre sourire", "relation serieuse",
            // Spanish
            "mi amor", "mi corazon", "carino", "soltera", "soltero", "alma gemela", "mujer hermosa", "tu sonrisa", "relacion seria",
            // A partner sought in other words: "a kind face", "an honest man".
            "kind face", "looking for an honest man", "suche einen ehrlichen mann", "cherche un homme honnete", "busco un hombre honesto",
        ],
        weak: list!["beautiful", "handsome", "gorgeous", "pretty", "dear friend", "honey", "darling", "widow*", "witwe", "veuve", "viuda", "be friends", "good man", "honest man", "hermosa", "guapa", "schon dich", "belle", "cherie", "\u{2764}"],
        in_headline: Headline::None,
    },
    Group {
        points: Points::Spam,
        topic: Topic::MoneyPromises,
        strong: list![
            "make money", "earn money", "passive income", "get rich", "financial freedom", "double your money", "guaranteed profit*", "guaranteed return*",
            "profit daily", "daily profit*", "weekly profit*", "from home and earn", "weekly from home", "daily from home", "earn from home", "earning from home", "inheritance", "beneficiary", "next of kin", "million dollars", "million usd", "wire transfer",
            "western union", "lottery", "you have won", "cash prize",
            "geld verdienen", "passives einkommen", "schnell reich", "erbschaft", "gewinn garantiert", "garantierte rendite",
            "gagner de l argent", "revenu passif", "revenus passifs", "argent facile", "liberte financiere",
            "ganar dinero", "ingresos pasivos", "herencia", "dinero facil", "libertad financiera",
        ],
        weak: list!["money", "income", "profit*", "usd", "dollars", "geld", "argent", "dinero", "earn"],
        in_headline: Headline::Strong,
    },
    Group {
        points: Points::Spam,
        topic: Topic::CryptoOrTrading,
        strong: list![
            "forex", "binary option*", "trading signal*", "investment opportunit*", "invest with me", "investment platform", "trading platform", "mining pool", "crypto investment*",
            "bitcoin investment*", "usdt", "pump and dump", "crypto mentor*", "trading mentor*", "ganancias diarias",
            "gains quotidiens", "gains garantis", "taglich gewinn*", "anlagemoglichkeit", "investmentchance", "krypto investment*", "opportunite d investissement", "oportunidad de inversion",
        ],
        weak: list!["crypto*", "krypto*", "cripto*", "bitcoin", "btc", "ethereum", "nft*", "trading", "trader", "invest*", "inversion*", "investissement*", "blockchain"],
        in_headline: Headline::Strong,
    },
    // Bait: a prize to claim, an account to "verify", a link to click. Such notes read as
    // personal (they are written to the reader), so without this group they were answered warmly.
    Group {
        points: Points::Spam,
        topic: Topic::Bait,
        strong: list![
            "claim your prize*", "claim your reward*", "claim your gift*", "claim your bonus*", "claim your crypto*", "claim your winning*", "claim your free",
            "you have been selected", "you ve been selected", "you have been chosen", "you ve been chosen", "you have won", "you ve won", "you are a winner",
            "you re a winner", "verify your account", "confirm your account", "verify your identity", "your account has been suspended",
            "your account will be suspended", "your account will be restricted", "your account has been restricted", "free iphone",
            "sie haben gewonnen", "sie wurden ausgewahlt", "ihr konto verifizieren", "bestatigen sie ihr konto",
            "vous avez gagne", "vous avez ete selectionne*", "reclamez votre", "verifiez votre compte", "confirmez votre compte",
            "has ganado", "ha ganado", "has sido seleccionad*", "reclama tu premio", "verifica tu cuenta", "confirma tu cuenta",
        ],
        weak: list![
            "prize*", "winner*", "reward*", "giveaway", "click here", "click the link", "click this link", "click on the link", "link below", "bit ly", "tinyurl",
            "klicken sie hier", "cliquez ici", "haz clic aqui", "premio*", "gift card*", "gutschein*", "carte cadeau*", "tarjeta de regalo",
        ],
        in_headline: Headline::Strong,
    },
    Group {
        points: Points::Spam,
        topic: Topic::MovingChat,
        strong: list!["whatsapp", "whats app", "telegram", "wechat", "viber", "text me", "my number is", "meine nummer", "mon numero", "mi numero"],
        weak: list!["kik", "hangouts", "signal app", "private chat", "chat privately"],
        // A headline names the app as work ("Telegram bot developer", "Engineer at WhatsApp").
        in_headline: Headline::None,
    },
    Group {
        points: Points::Spam,
        topic: Topic::AdultContent,
        strong: list!["nude*", "xxx", "onlyfans", "hookup", "hook up", "escort*", "adult content", "adult dating", "sex", "sexy", "porn*", "erotic*"],
        weak: list!["dating", "hot girl*", "naughty", "intimate", "intimacy", "flirt*"],
        in_headline: Headline::Strong,
    },
    Group {
        points: Points::Spam,
        topic: Topic::MadeUpProfile,
        strong: list!["un doctor", "united nations doctor", "doctor at un", "doctor with the un", "un peacekeeping doctor", "un surgeon", "military surgeon", "oil rig", "offshore rig",
            "surgeon with the un", "surgeon with the united nations", "doctor with the united nations", "four star general", "4 star general"],
        weak: list!["army general", "us army", "general at", "peacekeep*", "widower", "deployed", "marine corps", "navy seal", "petroleum engineer", "offshore engineer"],
        in_headline: Headline::Claim,
    },
    Group {
        points: Points::Recruiter,
        topic: Topic::Recruiting,
        strong: list![
            "recruit*", "headhunt*", "talent acquisition", "talent partner", "talent scout", "talent sourc*", "sourcer", "executive search", "staffing", "we are hiring",
            "we re hiring", "i m hiring", "i am hiring",
            "personalberat*", "personalvermittl*", "personaldienstleist*", "wir stellen ein",
            "recruteur*", "recruteuse*", "recrutement", "chasseur de tetes", "chasseuse de tetes", "chasseur de tete", "nous recrutons", "je recrute",
            "reclutador*", "reclutamiento", "cazatalentos", "seleccion de personal", "estamos contratando", "headhunting",
        ],
        // Not "career": career coaches and students starting one write it too. "Would you be
        // open to …" asks for a chat as often as for a job change: it needs company.
        weak: list![
            "hiring", "talent*", "opportunit*", "your profile", "your background", "we are looking for", "we re looking for", "wir suchen", "suchen wir", "ihr profil", "dein profil",
            "votre profil", "nous recherchons", "estamos buscando", "buscamos", "tu perfil", "oportunidad*", "candidat*", "kandidat*", "would you be open to",
            "are you open to",
        ],
        in_headline: Headline::All,
    },
    Group {
        points: Points::Recruiter,
        topic: Topic::JobOpening,
        strong: list![
            "i have a role", "i have a position", "i have an opening", "i have a job", "open role*", "open position*", "job opportunit*", "job offer", "role for you",
            "position for you", "perfect fit for", "are you open to new", "are you open to a new",
            // Not "would you be open to" alone: "Would you be open to connecting?" is a courtesy.
            "would you be open to a new role", "would you be open to a new position", "would you be open to a new opportunit*", "would you be open to a new challenge",
            "would you be open to new opportunit*", "would you be open to new roles", "would you be open to new challenges", "would you be open to explor* new opportunit*",
            "would you be open to explor* a new", "would you be open to explor* opportunit*", "would you be open to hear* about a* role",
            "would you be open to hear* about a* position", "would you be open to hear* about a* opportunit*", "would you be open to relocat*",
            "ich habe eine position", "ich habe eine stelle", "spannende position", "spannende stelle", "interessante position", "stellenangebot", "offene stelle*", "vakanz",
            "neue herausforderung", "role that matches", "matches your profile", "profile fits", "profil passt", "cherche un profil", "recherche un profil",
            "votre profil correspond", "perfil encaja", "looking for a founding", "we have an opening", "we have a role", "we have a position",
            "j ai un poste", "poste a pourvoir", "offre d emploi", "nouveau defi", "opportunite professionnelle",
            "tengo una posicion", "tengo un puesto", "tengo una vacante", "vacante*", "oferta de empleo", "oferta laboral", "proceso de seleccion",
        ],
        weak: list![
            "position", "role", "stelle", "poste", "puesto", "salary", "gehalt", "salaire", "salario", "remote", "building a team", "join our team",
            "joining our team", "joining us", "founding engineer*", "for our team", "fur unser team", "pour notre equipe",
            "para nuestro equipo",
        ],
        in_headline: Headline::None,
    },
    Group {
        points: Points::Sales,
        topic: Topic::SellingServices,
        strong: list![
            "we help companies", "we help businesses", "we help brands", "we help startups", "we help b2b", "we help saas", "book a call", "book a demo", "schedule a call",
            "schedule a demo", "15 minute call", "15 min call", "our services", "our solution*", "our agency", "our platform", "our product*", "lead generation",
            "grow your business", "increase your sales", "scale your business", "outsourc*", "white label", "seo services", "free audit", "free consultation", "free trial",
            // The growth pitch: more leads through a proven system, shown in a short video.
            "we help founder*", "we help coach*", "we help agenc*", "we help entrepreneur*", "we help ceo*", "we help cto*", "we help tech", "we help small business*",
            "i help compan*", "i help business*", "i help brand*", "i help startup*", "i help founder*", "i help b2b", "i help saas", "i help agenc*", "i help coach*",
            "i help entrepreneur*", "i help ceo*", "i help cto*", "i help tech", "i help small business*", "i help ecommerce", "more deals", "more demos", "more revenue",
            "offshore team*", "offshore develop*", "nearshore", "dedicated develop* team*", "dedicated dev team*", "staff augmentation", "team augmentation", "hiring headache*", "calendly",
            // "I work with founders to …": the pitch's shape; "I work with founders" alone is a mentor's too.
            "i work with founder* to", "i work with founder* and cto*", "i work with founder* and ceo*", "i work with cto* to", "i work with ceo* to", "i work with startup* to",
            "i work with compan* to", "i work with business* to", "we work with founder* to", "we work with startup* to", "we work with compan* to",
            "we work with business* to", "we work with saas",
            "more leads", "qualified leads",
            "more meetings", "more clients", "more customers", "proven system", "proven process", "proven framework", "quick video", "short video", "loom video",
            "appointment setting", "cold email*", "outbound campaign*", "our tool helps", "our software helps", "leaders like you", "founders like you",
            "companies like yours", "discovery call", "discovery session", "strategy call", "free session", "free webinar", "worth a quick", "worth a short",
            "between our companies", "unverbindliches", "unverbindlichen", "audit offert", "free call", "sesion gratuita", "llamada gratuita", "seance gratuite", "my rates", "my services", "i help busy",
            "webinaire gratuit",
            "wir helfen unternehmen", "unsere dienstleistung*", "unsere losung*", "unsere agentur", "termin vereinbaren", "kostenlose beratung", "kostenloses erstgesprach",
            "mehr leads", "mehr kunden", "mehr termine", "kurzes video", "ich helfe unternehmen", "ich helfe startups", "ich helfe tech*", "ich helfe grunder*",
            "ich helfe agenturen", "ich helfe selbststandig*", "ich helfe b2b", "ich helfe saas", "wir helfen startups",
            "nous aidons les entreprises", "nos services", "notre agence", "notre solution", "prendre rendez vous", "appel de 15 minutes", "demo gratuite", "audit gratuit",
            "plus de leads", "plus de clients", "plus de rendez vous", "courte video", "j aide les entreprise*", "j aide les fondateur*", "j aide les startup*",
            "j aide les dirigeant*", "j aide les pme", "j aide les agence*", "j aide les independant*", "j accompagne les entreprise*", "j accompagne les dirigeant*",
            "j accompagne les fondateur*", "nous aidons les startup*", "nous accompagnons les entreprise*",
            "ayudamos a empresa*", "nuestros servicios", "nuestra agencia", "nuestra solucion", "agendar una llamada", "llamada rapida", "demo gratuita", "consultoria gratuita",
            "mas leads", "mas clientes", "mas reuniones", "video corto", "ayudo a empresa*", "ayudo a startup*", "ayudo a fundador*", "ayudo a emprendedor*", "ayudo a pyme*",
            "ayudo a marca*", "ayudo a agencia*", "ayudo a negocio*", "ayudamos a startup*", "ayudamos a fundador*", "ayudamos a emprendedor*", "ayudamos a pyme*",
        ],
        weak: list![
            "we help", "solutions", "agency", "agentur*", "agence", "agencia", "services", "dienstleist*", "consulting", "business development", "account executive",
            "sales", "vertrieb*", "demo", "pricing", "discount", "roi", "clients", "kunden", "leads", "marketing", "software development company", "potential partnership",
            "eine partnerschaft", "un partenariat", "we partner with",
            // The call a pitch asks for: one weak sign with the words of the trade, as a reader
            // asks for "a quick chat about your talk" and people in sales write notes too.
            "quick call", "short call", "brief call", "quick chat", "quick zoom", "hop on a call", "jump on a call", "15 minutes", "15 min", "20 minutes", "30 minutes",
            "kurzes gesprach", "kurzes telefonat", "kurzen call", "15 minuten", "petit appel", "appel rapide", "court appel", "un appel", "15 minutos", "una llamada",
            "llamada corta", "breve llamada",
        ],
        in_headline: Headline::All,
    },
    // A pitch's opening ("I work with founders …"): a group of its own, so that it and the call
    // it asks for, each weak (mentors say the one), make a seller together. A call ask was a group
    // of its own and a word of the trade made it one: "I'm in marketing; we had a quick chat at
    // the meetup" was sales.
    Group {
        points: Points::Sales,
        topic: Topic::SellingServices,
        strong: "",
        weak: list![
            "i work with founder*", "i work with compan*", "i work with startup*", "i work with business*", "i work with ceo*", "i work with cto*", "i work with saas",
            "i work with b2b", "i work with brand*", "show you how we", "share how we", "scale your", "we work with founder*", "we work with startup*",
            "we work with compan*", "we work with business*", "ich arbeite mit unternehmen", "je travaille avec des entreprise*", "trabajo con empresa*",
        ],
        in_headline: Headline::All,
    },
    // "Helping …" is a seller's headline, but a note says it of the reader's work too.
    Group {
        points: Points::Sales,
        topic: Topic::SellingServices,
        strong: list![
            "helping compan*", "helping business*", "helping brand*", "helping startup*", "helping founder*", "helping b2b", "helping saas", "helping agenc*",
            "helping coach*", "helping entrepreneur*", "helping ceo*", "helping cto*", "helping tech", "helping small business*", "helping ecommerce",
        ],
        weak: "",
        in_headline: Headline::Pitch,
    },
];

/// LinkedIn's own invitation texts and the stock phrases everybody sends: not a personal note.
#[rustfmt::skip] // word lists packed by language, one group a few lines
const STOCK_TEXTS: &str = list![
    "i d like to join your professional network on linkedin",
    "i d like to join your professional network",
    "i d like to add you to my professional network on linkedin",
    "i d like to add you to my professional network",
    "i would like to join your professional network",
    "i would like to add you to my professional network",
    "ich mochte sie gerne zu meinem beruflichen netzwerk auf linkedin hinzufugen",
    "ich mochte sie gerne zu meinem beruflichen netzwerk hinzufugen",
    "ich mochte sie gerne meinem beruflichen netzwerk hinzufugen",
    "ich mochte mich gerne ihrem beruflichen netzwerk anschliessen",
    "ich mochte ihrem beruflichen netzwerk beitreten",
    "je souhaiterais faire partie de votre reseau professionnel sur linkedin",
    "je souhaiterais faire partie de votre reseau professionnel",
    "je souhaiterais vous ajouter a mon reseau professionnel sur linkedin",
    "je souhaiterais vous ajouter a mon reseau professionnel",
    "j aimerais vous ajouter a mon reseau professionnel",
    "me gustaria unirme a tu red profesional en linkedin",
    "me gustaria unirme a tu red profesional",
    "me gustaria anadirte a mi red profesional en linkedin",
    "me gustaria anadirte a mi red profesional",
    "me gustaria agregarte a mi red profesional",
];

/// Words that carry nothing of the sender's own: greetings, courtesy, "let's connect", sign-offs.
#[rustfmt::skip] // word lists packed by language, one group a few lines
const FILLER: &str = list![
    // English
    "hi", "hello", "hey", "dear", "there", "all", "good", "morning", "afternoon", "evening", "greetings", "i", "d", "m", "s", "ll", "would", "like", "love", "to", "connect",
    "connecting", "connection", "with", "you", "your", "my", "me", "network", "networking", "professional", "linkedin", "let", "lets", "please", "accept", "invitation", "invite",
    "request", "add", "join", "hope", "how", "are", "doing", "well", "nice", "meet", "happy", "glad", "be", "in", "touch", "and", "the", "a", "an", "on", "here", "thanks",
    "thank", "regards", "best", "kind", "cheers", "sincerely", "warm", "wishes", "br", "thx", "ty", "it", "is", "that", "this", "we", "our", "can", "could", "great", "would",
    "want", "wanted", "hoping", "looking", "forward", "do", "have", "am", "of", "for", "so", "sir", "madam", "kindly",
    // German
    "hallo", "guten", "tag", "moin", "servus", "liebe", "lieber", "sehr", "geehrte", "geehrter", "ich", "wurde", "mochte", "mich", "freuen", "freue", "mit", "ihnen", "dir",
    "zu", "vernetzen", "vernetzung", "kontakt", "gerne", "gern", "sie", "uns", "mein", "meinem", "netzwerk", "beruflichen", "hinzufugen", "viele", "grusse", "gruss", "beste",
    "lg", "vg", "mfg", "freundlichen", "danke", "und", "der", "die", "das", "auf", "wenn", "uber", "damen", "herren",
    // French
    "bonjour", "bonsoir", "salut", "cher", "chere", "je", "serais", "ravi", "ravie", "de", "me", "connecter", "avec", "vous", "toi", "votre", "ton", "mon", "reseau",
    "cordialement", "bien", "a", "merci", "souhaite", "souhaiterais", "aimerais", "rejoindre", "ajouter", "faire", "partie", "bonne", "journee", "et", "le", "la", "les", "en",
    "contact", "plaisir", "au", "j", "madame", "monsieur",
    // Spanish
    "hola", "buenos", "buenas", "dias", "tardes", "estimado", "estimada", "gustaria", "conectar", "contigo", "con", "usted", "tu", "su", "mi", "red", "saludos", "gracias",
    "un", "una", "encantado", "encantada", "agregarte", "anadirte", "unirme", "profesional", "y", "el", "que", "muchas", "atentamente", "abrazo", "senor",
    "senora",
];

/// Phrases that hold a signal's words but are no signal: the words they cover count for no
/// group. "Would you be open to connecting?" asks for the invitation, not about a job; a
/// "Talent development lead" trains staff; "the opportunity to learn from you" is courtesy.
#[rustfmt::skip] // word lists packed by language, one group a few lines
const NOT_SIGNALS: &str = list![
    "open to connect*", "open to a connection", "open to new connection*", "open to network*",
    "opportunit* to connect*", "opportunit* to learn", "opportunit* to meet", "opportunit* to exchange", "opportunit* to hear", "opportunit* to listen",
    "opportunit* to network*", "talent development", "talented", "talentiert*", "talententwicklung", "developpement des talents", "desarrollo del talento",
    "desarrollo de talento", "phd candidat*", "doctoral candidat*", "telegram bot*", "whatsapp bot*", "whatsapp business", "whatsapp integration*",
    "at whatsapp", "our platform team",
];

/// Titles and credentials that are not part of how a person is named.
#[rustfmt::skip] // word lists packed by language, one group a few lines
const NAME_NOISE: &str = list![
    "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "herr", "frau", "m", "mme", "mlle", "sr", "sra", "srta", "don", "dona", "ing", "dipl", "mag",
    "phd", "mba", "cpa", "cfa", "pmp", "msc", "bsc", "ma", "ba", "md", "jr", "sr", "iii", "ii", "esq", "peng", "ceng",
];

/// Legal forms that a company is known by with or without, in three runs that say what each
/// tells of a name ending in it ([`crate::names`] greets nobody for a company): forms no person's
/// name ends in, in any case ("Acme Ltd", "Gamma Sarl"); forms that end a person's name only
/// spelt as a name ("Ana Sa", "Peter Sas"), so they count written as an abbreviation ("Beta AG",
/// "Omega S.A."); and forms that are initials or words as often ("Kim A.B.", "Smith & Co"),
/// which never make a name a company's. One list, so the greeting's forms can't drift from
/// those the classifier drops.
#[rustfmt::skip] // the runs, one a line
pub(crate) const LEGAL_FORMS: &str = list![
    "inc", "corp", "corporation", "llc", "ltd", "limited", "plc", "gmbh", "sarl",
    "ag", "kg", "sa", "sas", "sl", "srl", "bv", "nv",
    "co", "ab", "oy", "as",
];

/// How many of [`LEGAL_FORMS`] are a company's in any case (its first run).
pub(crate) const COMPANY_FORMS: usize = 9;
/// How many of [`LEGAL_FORMS`] are a company's written as an abbreviation (its first two runs).
pub(crate) const COMPANY_ABBREVIATIONS: usize = 17;

/// A signal phrase and where it belongs: a group and whether it is strong, or, for
/// [`NOT_SIGNALS`], no group.
struct Signal {
    phrase: Phrase,
    group: Option<(usize, bool)>,
}

/// The signal lists, folded and indexed once per process. Phrases are found by their first
/// word (a hash lookup per word of the text), or, for the few starting with a word start
/// (`recruit*`), by a scan of those alone: a page of 300 invitations stays well under 2 ms.
struct Lists {
    by_first_word: HashMap<String, Vec<Signal>, Fnv>,
    /// Phrases starting with a word start, by that start's first two bytes.
    by_first_prefix: HashMap<[u8; 2], Vec<Signal>, Fnv>,
    stock: Vec<Phrase>,
    /// The first words of [`STOCK_TEXTS`]: a note's other words are looked up once rather than
    /// compared with each text's first word (callgrind, 116 notes: 3.6 M instructions, 1.7 M).
    stock_starts: HashSet<&'static str, Fnv>,
    filler: HashSet<&'static str, Fnv>,
    /// [`NAME_NOISE`] as a set: every name is looked through, the invitation's on each decision
    /// (a scan of the list string for each word was a quarter of the panel's 1,000 decisions).
    noise: HashSet<&'static str, Fnv>,
}

/// The first two bytes of a word, the key of the word-start index.
fn two(w: &str) -> Option<[u8; 2]> {
    match w.as_bytes() {
        [a, b, ..] => Some([*a, *b]),
        _ => None,
    }
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut lists = Lists {
            by_first_word: HashMap::default(),
            by_first_prefix: HashMap::default(),
            stock: entries(STOCK_TEXTS).map(Phrase::new).collect(),
            // The texts are written folded: their first words as written are their phrases' first words.
            stock_starts: entries(STOCK_TEXTS).filter_map(|t| t.split(' ').next()).collect(),
            filler: entries(FILLER).collect(),
            noise: entries(NAME_NOISE).collect(),
        };
        let signals = GROUPS
            .iter()
            .enumerate()
            .flat_map(|(group, g)| entries(g.strong).map(move |p| (p, Some((group, true)))).chain(entries(g.weak).map(move |p| (p, Some((group, false))))));
        for (p, group) in signals.chain(entries(NOT_SIGNALS).map(|p| (p, None))) {
            let phrase = Phrase::new(p);
            let Some(first) = phrase.0.first() else { continue };
            if first.prefix {
                // Every word start in the lists has two bytes or more; a shorter one would match too much anyway.
                if let Some(key) = two(&first.word) {
                    lists.by_first_prefix.entry(key).or_default().push(Signal { phrase, group });
                }
            } else {
                lists.by_first_word.entry(first.word.clone()).or_default().push(Signal { phrase, group });
            }
        }
        lists
    })
}

/// For each group, whether a strong and whether a weak phrase of it occurs in `words`, not
/// counting phrases that share a word with one of [`NOT_SIGNALS`].
fn hits(words: &Words) -> Vec<(bool, bool)> {
    let l = lists();
    // Matches are few, so they are gathered first and weighed once every unsignal is known.
    let mut found: Vec<(usize, usize, (usize, bool))> = Vec::new();
    let mut not_signal: Vec<(usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // The word was looked up by an exact phrase's first word: only the rest is compared.
        let exact = l.by_first_word.get(w).into_iter().flatten().filter(|s| words.matches_after(&s.phrase, i, 1));
        let prefix = two(w).and_then(|k| l.by_first_prefix.get(&k)).into_iter().flatten().filter(|s| words.matches_at(&s.phrase, i));
        for s in exact.chain(prefix) {
            let span = (i, i + s.phrase.0.len());
            match s.group {
                Some(g) => found.push((span.0, span.1, g)),
                None => not_signal.push(span),
            }
        }
    }
    let mut out = vec![(false, false); GROUPS.len()];
    for (a, b, (group, strong)) in found {
        if not_signal.iter().any(|&(x, y)| a < y && x < b) {
            continue;
        }
        let h = &mut out[group];
        if strong {
            h.0 = true;
        } else {
            h.1 = true;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Names and organisations

/// A person's name as comparable words: folded, bracketed parts (pronouns), titles and
/// credentials dropped, order kept ("Dr. Jane Doe, PhD (she/her)" → ["jane", "doe"]).
pub(crate) fn name_words(name: &str) -> Vec<String> {
    let mut clean = String::with_capacity(name.len());
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => clean.push(c),
            _ => {}
        }
    }
    Words::new(&clean).iter().filter(|w| !lists().noise.contains(w)).map(str::to_owned).collect()
}

/// Whether `name` names the known person `known`: every word of the known name appears in it,
/// in any order, so "Doe, Jane" and "Jane M. Doe" are Jane Doe.
pub(crate) fn same_person(name: &[String], known: &[String]) -> bool {
    !known.is_empty() && known.iter().all(|k| name.contains(k))
}

/// A company or school as a phrase, without its legal form ("Acme Corp" → "acme").
pub(crate) fn organisation(name: &str) -> Phrase {
    let words = Words::new(name);
    let has_core = words.iter().any(|w| !listed(LEGAL_FORMS, w));
    Phrase(words.iter().filter(|w| !has_core || !listed(LEGAL_FORMS, w)).map(|w| PhraseWord { word: w.to_owned(), prefix: false }).collect())
}

/// The known people, companies and schools, folded once: a user may know hundreds, and a page
/// may hold hundreds of invitations.
#[derive(Debug, Clone, Default)]
pub(crate) struct KnownIndex {
    /// The lists it was built from, compared whole on each use (settings may change after it
    /// was built). A comparison, not a hash: hashing the lists on every decision was 9% of a
    /// decision with a list of two people and a company, and grows with the user's list.
    lists: crate::Known,
    /// The user's own name as written, and as [`name_words`]: a note naming them says nothing of its own.
    me: (String, Vec<String>),
    people: Vec<(Vec<String>, String)>,
    /// (phrase, as the user wrote it, which list).
    organisations: Vec<(Phrase, String, KnownList)>,
}

impl KnownIndex {
    pub fn new(known: &crate::Known, me: &str) -> KnownIndex {
        let mut organisations = Vec::new();
        for (list, what) in [(&known.companies, KnownList::Companies), (&known.schools, KnownList::Schools)] {
            for k in list {
                let org = organisation(k);
                if !org.is_empty() {
                    organisations.push((org, k.trim().to_owned(), what));
                }
            }
        }
        KnownIndex {
            lists: known.clone(),
            me: (me.to_owned(), name_words(me)),
            people: known.people.iter().map(|k| (name_words(k), k.trim().to_owned())).filter(|(w, _)| !w.is_empty()).collect(),
            organisations,
        }
    }

    pub fn is_for(&self, known: &crate::Known, me: &str) -> bool {
        self.me.0 == me && self.lists == *known
    }

    /// Which known person the invitation comes from.
    fn person(&self, name: &[String]) -> Option<Reason> {
        if name.is_empty() {
            return None;
        }
        self.people.iter().find(|(k, _)| same_person(name, k)).map(|(_, k)| Reason::KnownPerson { entry: k.clone() })
    }

    /// Which known company or school the headline (or, for a page, its name) names.
    fn organisation(&self, kind: Kind, own_name: &Words, headline: &Words) -> Option<Reason> {
        for (org, written, what) in &self.organisations {
            if kind != Kind::Person && own_name.contains(org) {
                return Some(Reason::KnownOrganisation { entry: written.clone(), list: *what, in_headline: false });
            }
            if headline.contains(org) {
                return Some(Reason::KnownOrganisation { entry: written.clone(), list: *what, in_headline: true });
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------------------------
// The note

/// Whether the note says something of its own once greetings, courtesy, the names of the two
/// people and LinkedIn's stock texts are taken away: two words of its own are enough.
pub(crate) fn is_personal(note: &Words, names: &[&[String]]) -> bool {
    if note.is_empty() {
        return false;
    }
    let l = lists();
    let keep = outside_stock_texts(note);
    let own = note
        .iter()
        .zip(&keep)
        .filter(|(w, k)| **k && !l.filler.contains(*w) && !names.iter().any(|n| n.iter().any(|x| x == w)) && !w.bytes().all(|c| c.is_ascii_digit()))
        .count();
    own >= 2
}

/// The note without its web addresses: an address is not something said ("https://github.com/x"
/// alone read as a personal note of three words of its own). Only notes with a `/` or `www.` get here.
fn without_links(note: &str) -> String {
    let link = |w: &str| w.has("://") || w.starts_with("www.") || w.split('/').next().is_some_and(|host| host.contains('.') && !host.ends_with('.'));
    let mut out = String::with_capacity(note.len());
    for w in note.split_whitespace().filter(|w| !link(w)) {
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// Which words of the note are not part of a stock text. Each stock text is taken where it
/// occurs, left to right, not overlapping itself. One pass over the note, each word compared
/// with the texts' first words: a search of the note for each of the 21 texts in turn was a
/// fifth of a panel's decision (callgrind, 1,000 decisions without text: 141.9 M instructions,
/// 118.4 M with this and the user's name folded once in [`KnownIndex`]).
fn outside_stock_texts(note: &Words) -> Vec<bool> {
    let (stock, starts) = (&lists().stock, &lists().stock_starts);
    let mut keep = vec![true; note.len()];
    let mut from = vec![0; stock.len()];
    for i in 0..note.len() {
        let w = note.word(i);
        if !starts.contains(&w) {
            continue;
        }
        for (k, stock) in stock.iter().enumerate() {
            if i >= from[k] && stock.0.first().is_some_and(|f| f.word == w) && note.matches_at(stock, i) {
                let n = stock.0.len();
                keep[i..i + n].iter_mut().for_each(|k| *k = false);
                from[k] = i + n;
            }
        }
    }
    keep
}

// ---------------------------------------------------------------------------------------------
// Classification

/// Decides the built-in category of an invitation, given its headline and note as words.
pub(crate) fn classify(inv: &Invitation, settings: &Settings, headline: &Words, note_words: &Words) -> Classification {
    classify_as(inv, settings, headline, note_words, true)
}

/// As [`classify`]; with `spam: false` the signs of spam are passed over (the user said "not spam").
pub(crate) fn classify_as(inv: &Invitation, settings: &Settings, headline: &Words, note_words: &Words, spam: bool) -> Classification {
    let check_spam = spam;
    let known = settings.known_index();
    let them = name_words(&inv.name);
    let names: [&[String]; 2] = [&known.me.1, &them];
    let personal = !note_words.is_empty()
        && match inv.note.as_deref().filter(|n| n.contains('/') || n.has("www.")) {
            Some(note) => is_personal(&Words::new(&without_links(note)), &names),
            None => is_personal(note_words, &names),
        };
    let mut reasons = Vec::new();
    let done = |category, reasons| Classification { category, reasons, personal_note: personal, mild: false };

    if inv.kind != Kind::Person {
        let own_name = Words::new(&inv.name);
        if let Some(why) = known.organisation(inv.kind, &own_name, headline) {
            reasons.push(why);
            return done(Category::Known, reasons);
        }
        reasons.push(Reason::FollowInvitation { kind: inv.kind });
        return done(Category::NotAPerson, reasons);
    }
    if let Some(why) = known.person(&them) {
        reasons.push(why);
        return done(Category::Known, reasons);
    }

    let scores = score(headline, note_words);
    let strong = scores.spam > scores.spam_weak;
    let mut weak = scores.spam_weak;
    let mut spam_reasons = scores.spam_reasons;
    if inv.name.chars().any(|c| c.is_ascii_digit()) {
        weak += 1;
        spam_reasons.push(Reason::NameHasDigits);
    }
    if (strong || weak > 0) && headline.is_empty() && scores.romance {
        weak += 1;
        spam_reasons.push(Reason::NoHeadline);
    }
    if check_spam && (strong || weak >= 3) {
        reasons.extend(spam_reasons);
        return done(Category::Spam, reasons);
    }
    if let Some(why) = known.organisation(inv.kind, &Words::default(), headline) {
        reasons.push(why);
        return done(Category::Known, reasons);
    }
    let outweighed = weak == 1 && (personal || scores.spam_weak_in_headline == 1);
    if check_spam && weak > 0 && !outweighed {
        reasons.extend(spam_reasons);
        reasons.push(Reason::OnlyWeakSigns);
        return Classification { mild: true, ..done(Category::Spam, reasons) };
    }
    // What made it a recruiter's or a seller's comes first: the notice names the first reason
    // ("headline mentions recruiting"), and "not in your known people" says nothing of the kind.
    for (points, why, category) in [(scores.recruiter, scores.recruiter_reasons, Category::Recruiter), (scores.sales, scores.sales_reasons, Category::Sales)] {
        if points >= 2 {
            reasons.extend(why);
            reasons.push(Reason::NotKnown);
            return done(category, reasons);
        }
    }
    reasons.push(Reason::NotKnown);
    if personal {
        reasons.insert(0, Reason::PersonalNote);
        return done(Category::Personalized, reasons);
    }
    let note_present = !note_words.is_empty();
    reasons.insert(0, if note_present { Reason::StockNote } else { Reason::NoNote });
    let threshold = settings.mutual_threshold;
    match inv.mutual_connections {
        Some(n) if threshold > 0 && n >= threshold => {
            reasons.push(Reason::MutualConnections { count: n, threshold });
            done(Category::Mutual, reasons)
        }
        Some(n) if threshold > 0 => {
            reasons.push(Reason::MutualConnections { count: n, threshold });
            done(Category::Generic, reasons)
        }
        _ => done(Category::Generic, reasons),
    }
}

#[derive(Default)]
struct Scores {
    /// Spam points (a strong phrase 2, a weak one 1), and how many of them are weak signs.
    spam: u32,
    spam_weak: u32,
    spam_weak_in_headline: u32,
    spam_reasons: Vec<Reason>,
    romance: bool,
    recruiter: u32,
    recruiter_reasons: Vec<Reason>,
    sales: u32,
    sales_reasons: Vec<Reason>,
}

/// Weighs every group's phrases in the headline and the note.
fn score(headline: &Words, note: &Words) -> Scores {
    let mut s = Scores::default();
    for (field, words) in [(Text::Headline, headline), (Text::Note, note)] {
        let in_headline = field == Text::Headline;
        for (group, (strong, weak)) in GROUPS.iter().zip(hits(words)) {
            if in_headline && group.in_headline == Headline::None {
                continue;
            }
            // Weak words decide nothing alone: one field gives them at most 1.
            // A strong phrase that counts as one weak sign in this field.
            let claim = strong && (in_headline && group.in_headline == Headline::Claim || !in_headline && group.in_headline == Headline::Pitch);
            let weight = if strong && !claim {
                2
            } else if in_headline && group.in_headline == Headline::Strong {
                0
            } else {
                u32::from(weak || claim)
            };
            if weight == 0 {
                continue;
            }
            let reason = Reason::Mentions { text: field, topic: group.topic };
            let (total, reasons) = match group.points {
                Points::Spam => {
                    s.romance |= group.topic == Topic::Romance;
                    if weight == 1 {
                        s.spam_weak += 1;
                        s.spam_weak_in_headline += u32::from(in_headline && !claim);
                    }
                    (&mut s.spam, &mut s.spam_reasons)
                }
                Points::Recruiter => (&mut s.recruiter, &mut s.recruiter_reasons),
                Points::Sales => (&mut s.sales, &mut s.sales_reasons),
            };
            *total += weight;
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    }
    s
}

/// Whether the phrase occurs as words in the text (for rules' keywords, names and companies).
pub(crate) fn mentions(words: &Words, phrase: &str) -> bool {
    let p = Phrase::new(phrase);
    !p.is_empty() && words.contains(&p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(fold("Chasseur de Têtes!"), "chasseur de tetes ");
        assert_eq!(fold("Straße"), "strasse");
        // The stock texts are written folded, as the index of their first words assumes.
        for t in entries(STOCK_TEXTS) {
            assert_eq!(fold(t), t, "{t:?}");
            assert!(lists().stock_starts.contains(&Phrase::new(t).0[0].word.as_str()), "{t:?}");
        }
        // The ASCII path (byte by byte) and the general one agree.
        for s in ["Hi Pat, I'm a RECRUITER @ Acme_42!", "", "a\tb\nc", "~`^"] {
            assert_eq!(fold(s), fold(&format!("{s}é")).trim_end_matches('e'), "{s:?}");
        }
        assert!(Words::new("Senior Recruiter @ Foo").contains(&Phrase::new("recruit*")));
        assert!(!Words::new("Acmestone").contains(&Phrase::new("acme")));
    }

    #[test]
    fn names_ignore_titles_order_and_pronouns() {
        let known = name_words("Jane Doe");
        assert!(same_person(&name_words("Dr. Jane Doe, PhD"), &known));
        assert!(same_person(&name_words("DOE, Jane (she/her)"), &known));
        assert!(same_person(&name_words("Jäne Döe"), &name_words("Jane Doe")));
        assert!(!same_person(&name_words("Jane Smith"), &known));
    }

    #[test]
    fn greetings_and_stock_texts_are_not_personal() {
        let pat = name_words("Pat Example");
        for note in [
            "Hi",
            "Hello Pat,",
            "I'd like to join your professional network.",
            "Ich möchte Sie gerne zu meinem beruflichen Netzwerk hinzufügen.",
            "Hola, me gustaría agregarte a mi red profesional. Saludos",
            // Addressed to nobody in particular: a personal note names or knows its reader.
            "Dear Sir, kindly accept my request. Regards",
            "Sehr geehrte Damen und Herren, ich möchte mich gerne mit Ihnen vernetzen.",
            "Bonjour Madame, je souhaiterais me connecter avec vous.",
            "Estimado señor, me gustaría conectar con usted. Saludos",
        ] {
            assert!(!is_personal(&Words::new(note), &[&pat]), "{note}");
        }
        assert!(is_personal(&Words::new("Hi Pat, I read your post about networking and would like to connect."), &[&pat]));
    }

    #[test]
    fn stock_texts_are_found_where_a_scan_for_each_finds_them() {
        let scan = |note: &Words| {
            let mut keep = vec![true; note.len()];
            for text in entries(STOCK_TEXTS) {
                let (stock, mut from) = (Phrase::new(text), 0);
                while let Some(i) = note.find(&stock, from) {
                    keep[i..i + stock.0.len()].iter_mut().for_each(|k| *k = false);
                    from = i + stock.0.len();
                }
            }
            keep
        };
        for note in [
            "",
            "I'd like to join your professional network on LinkedIn.",
            "Hi! I'd like to join your professional network. I'd like to join your professional network on LinkedIn i d like",
            "i i d like to add you to my professional network on linkedin me gustaria agregarte a mi red profesional me",
            "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn – j'aimerais vous ajouter a mon reseau professionnel",
            "Ich möchte Sie gerne meinem beruflichen Netzwerk hinzufügen, ich möchte ihrem beruflichen Netzwerk beitreten. Pat",
            "We met at the meetup in Berlin; I would like to join your professional network",
        ] {
            let words = Words::new(note);
            assert_eq!(outside_stock_texts(&words), scan(&words), "{note}");
        }
    }

    fn category(headline: &str, note: Option<&str>) -> Category {
        let inv = Invitation { name: "Ann Lee".into(), headline: Some(headline.into()), note: note.map(str::to_owned), ..Invitation::default() };
        let settings = Settings::default();
        classify(&inv, &settings, &Words::new(headline), &Words::new(note.unwrap_or(""))).category
    }

    #[test]
    fn ordinary_jobs_and_notes_raise_no_signal() {
        for headline in [
            "Heat pump engineer",
            "Director at a non-profit | Invest in people",
            "Solutions Architect at AWS",
            "Data scientist | Trading systems",
            "Investment Banker at Goldman Sachs",
            "18 years in finance",
            "General Manager at Hilton",
            "HR Business Partner",
            "Account Executive",
        ] {
            assert_eq!(category(headline, None), Category::Generic, "{headline}");
        }
        for (headline, note) in [
            ("Student", "Hi Pat, I'm a student starting my career and would value the opportunity to learn from you."),
            ("Career coach | Speaker", "Hi, I loved your talk on careers in tech."),
            ("Blockchain developer at Parity", "Loved your article on WebAssembly and Rust."),
            ("Software engineer", "Dear Pat, I enjoyed your talk. It was beautiful work."),
            ("Software engineer", "Hello, could we have a quick call about your open source project?"),
            ("Marketing manager", "Liebe Grüße aus Berlin, ich habe Ihren Artikel über Rust gelesen."),
        ] {
            assert_eq!(category(headline, Some(note)), Category::Personalized, "{headline} / {note}");
        }
    }

    /// The notice names the first reason: a recruiter's or a seller's says what made it one,
    /// not "not in your known people" (which it said for both).
    #[test]
    fn recruiters_and_sellers_are_said_why_first() {
        for (headline, note, category) in [
            (
                "Technical Recruiter at Hooli",
                "Hi Pat, I have an exciting opportunity for a senior engineer role. Are you open to new roles?",
                Category::Recruiter,
            ),
            (
                "Account Executive at SaaSCo",
                "Hi Pat, I'd love to show you how our platform helps teams cut costs. Could we book a quick demo call?",
                Category::Sales,
            ),
        ] {
            let inv = Invitation { name: "Ann Lee".into(), headline: Some(headline.into()), note: Some(note.into()), ..Invitation::default() };
            let c = classify(&inv, &Settings::default(), &Words::new(headline), &Words::new(note));
            assert_eq!(c.category, category, "{headline}");
            assert!(matches!(c.reasons[0], Reason::Mentions { .. }), "{:?}", c.reasons);
            assert_eq!(c.reasons.last(), Some(&Reason::NotKnown));
        }
    }

    /// Bait written to the reader ("Click here to claim your crypto prize") read as a personal
    /// note and got the warm reply; the growth pitch ("10x more leads with our proven system")
    /// had only weak words and did too.
    #[test]
    fn bait_is_spam_and_the_growth_pitch_is_sales() {
        for note in [
            "Click here to claim your crypto prize http://bit.ly/x",
            "Congratulations! You have been selected. Claim your reward at bit.ly/abc",
            "Hi, please verify your account by clicking this link: http://linked1n-security.com/login",
            "Félicitations, vous avez gagné ! Cliquez ici.",
            "Herzlichen Glückwunsch, Sie haben gewonnen!",
            "¡Felicidades! Has ganado un premio.",
        ] {
            let inv = Invitation { name: "Eve Hart".into(), note: Some(note.into()), ..Invitation::default() };
            let c = classify(&inv, &Settings::default(), &Words::default(), &Words::new(note));
            assert_eq!((c.category, c.mild), (Category::Spam, false), "{note}");
            assert!(c.reasons.contains(&Reason::Mentions { text: Text::Note, topic: Topic::Bait }), "{note}: {:?}", c.reasons);
        }
        for (headline, note) in [
            ("CEO at GrowthHackers", "Hi! We help founders like you get 10x more leads with our proven system. Can I send you a quick video?"),
            ("Founder", "Ich helfe Agenturen zu mehr Kunden: darf ich Ihnen ein kurzes Video schicken?"),
            ("Fondateur", "Nous aidons les entreprises à obtenir plus de rendez-vous qualifiés."),
        ] {
            assert_eq!(category(headline, Some(note)), Category::Sales, "{note}");
        }
        // A personal note with one weak sign stays personal; headlines with the weak words are jobs.
        for (headline, note) in [
            ("Designer", "Congratulations on the new role! My portfolio is at bit.ly/ann-lee if you're curious."),
            ("Engineer", "I found your talk on Rust really rewarding, thank you."),
            ("Gift card partnerships at Acme", "Loved your article on WebAssembly."),
        ] {
            assert_eq!(category(headline, Some(note)), Category::Personalized, "{note}");
        }
        for headline in ["Rewards and benefits manager", "Gift card partnerships at Acme", "Nobel Prize winner", "Click here: my newsletter"] {
            assert_eq!(category(headline, None), Category::Generic, "{headline}");
        }
    }

    /// The browser test's career coach asked "Would you be open to connecting?", which was a
    /// strong job-opening phrase, and got the recruiter reply.
    #[test]
    fn career_coach_asking_to_connect_is_not_a_recruiter() {
        let notes = [
            "Hi, I read your post about networking and would like to connect.",
            "I coach people who are changing careers. Would you be open to connecting? I'd love to hear how you decide whom to accept.",
            "Would you be open to a quick chat some time?",
            "Are you open to new connections from fellow speakers?",
            "I'd value the opportunity to learn from you.",
        ];
        for headline in ["Career coach | Speaker", "Executive coach", "Career changer", "Talent development lead", "PhD candidate", "Talented designer"] {
            for note in notes {
                assert_eq!(category(headline, Some(note)), Category::Personalized, "{headline} / {note}");
            }
        }
        for headline in ["Tech recruiter", "Talent acquisition partner", "Head of Talent"] {
            assert_eq!(category(headline, Some(notes[2])), Category::Recruiter, "{headline}");
        }
        for headline in ["Tech recruiter", "Talent acquisition partner"] {
            for note in notes {
                assert_eq!(category(headline, Some(note)), Category::Recruiter, "{headline} / {note}");
            }
        }
        for note in [
            "Would you be open to a chat about a Staff Engineer position?",
            "Would you be open to exploring new opportunities?",
            "Would you be open to a new role in Berlin?",
            "Would you be open to hearing about a role at a fintech?",
            "Are you open to new opportunities?",
        ] {
            assert_eq!(category("Career coach | Speaker", Some(note)), Category::Recruiter, "{note}");
        }
    }

    /// The LinkedIn pitch ("I help tech founders scale … Open to a quick call?") was answered as a
    /// personal note. Its opening or its call alone is no pitch: organisers, mentors and readers
    /// say "I help organise …", "I work with founders …" and "a quick call about your project".
    #[test]
    fn pitches_are_sales_and_helpers_are_not() {
        for (headline, note) in [
            ("Engineer", "Hi Pat, I help tech founders scale their engineering teams without the hiring headaches. Open to a quick call next week?"),
            ("Founder", "Hi Pat, I work with founders and CTOs to build dedicated developer teams in Eastern Europe."),
            ("Consultant", "Hi Pat, I work with SaaS startups on growth. Could we hop on a quick call?"),
            ("Consultant", "Hi Pat, I work with founders and CTOs to build their engineering teams in Eastern Europe."),
            ("Partner at Devhaus", "Hi Pat, we work with startups to ship their MVP in 8 weeks."),
            ("CEO", "Hi Pat, do you have 15 minutes this week? Here's my calendly: calendly.com/ann"),
            ("Consultant", "Hi Pat, I'd love to grab 15 minutes to share how we cut hiring costs."),
            ("Consultant", "Hi Pat, helping startups hire faster is what we do. Open to a quick call?"),
            ("Gründer", "Hallo Pat, ich helfe Tech-Startups, ihre Teams aufzubauen. Hätten Sie Zeit für ein kurzes Telefonat?"),
            ("Fondateur", "Bonjour Pat, j'aide les fondateurs à recruter des développeurs. Un petit appel la semaine prochaine ?"),
            ("Fundador", "Hola Pat, ayudo a empresas tecnológicas a escalar sus equipos. ¿Tienes 15 minutos?"),
        ] {
            let inv = Invitation { name: "Ann Lee".into(), headline: Some(headline.into()), note: Some(note.into()), ..Invitation::default() };
            let c = classify(&inv, &Settings::default(), &Words::new(headline), &Words::new(note));
            assert_eq!(c.category, Category::Sales, "{note}");
            assert_eq!(c.reasons[0], Reason::Mentions { text: Text::Note, topic: Topic::SellingServices }, "{note}");
        }
        for note in [
            "Hi Pat, I help organise RustConf and would love to connect.",
            "Hi Pat, I help organise RustConf; could we have a quick call about you speaking?",
            "Hi Pat, I work with founders at an incubator as a mentor, your talk on hiring was great.",
            "Hi Pat, we work with startups a lot at our coworking space and your talk came up.",
            "Hi Pat, I'm helping my team adopt Rust and your post helped a lot.",
            "Hi Pat, I loved your 15 minutes lightning talk.",
            "Hi Pat, I loved your post about helping startups hire their first engineers.",
            "Hi Pat, I'm helping founders at Techstars this season and Anna said to say hello.",
            "Hi Pat, I'm in marketing at Mozilla and we had a quick chat at the Berlin meetup.",
            "Hi Pat, my clients love your library. Could we have a quick chat at the next meetup?",
            "Hi Pat, your demo at FOSDEM was amazing, I watched all 30 minutes twice!",
            "Hi Pat, I'm a dedicated developer and your Rust talk inspired me.",
            "Hola Pat, trabajo en ventas y marketing, charlamos 15 minutos en la RustConf. ¡Conectemos!",
            "Hallo Pat, ich helfe beim Organisieren der RustLab und würde mich gern vernetzen.",
            "Bonjour Pat, j'aide à organiser le meetup Rust de Lyon, ravi d'échanger.",
            "Hola Pat, ayudo a organizar la RustConf de Madrid y me encantaría conectar.",
        ] {
            assert_eq!(category("Engineer", Some(note)), Category::Personalized, "{note}");
        }
        for headline in ["Helping SaaS founders get 10 demos a week | Lead generation", "Account Executive at SaaSCo | Helping teams close more deals"] {
            assert_eq!(category(headline, None), Category::Sales, "{headline}");
        }
        assert_eq!(category("Engineering manager | Helping teams ship reliable software", None), Category::Generic);
        assert_eq!(category("Dedicated developer, lifelong learner", None), Category::Generic);
    }

    /// A scam persona in a headline alone ("Surgeon with the UN", "Four star general") was
    /// Report, and so was a real "Oil rig supervisor": a headline only claims a job. Ignore, with
    /// the reason; a note that says something of its own outweighs it; the note's words still report.
    #[test]
    fn a_scam_persona_in_a_headline_is_ignore() {
        let decide = |headline: &str, note: Option<&str>| {
            let inv = Invitation { name: "Ann Lee".into(), headline: Some(headline.into()), note: note.map(str::to_owned), ..Invitation::default() };
            let c = classify(&inv, &Settings::default(), &Words::new(headline), &Words::new(note.unwrap_or("")));
            (c.category, c.mild, c.reasons.first().cloned())
        };
        let persona = Some(Reason::Mentions { text: Text::Headline, topic: Topic::MadeUpProfile });
        for headline in ["Four star general, US Army", "Surgeon with the UN", "Oil rig supervisor", "US Army General | UN Doctor"] {
            assert_eq!(decide(headline, None), (Category::Spam, true, persona.clone()), "{headline}");
            assert_eq!(decide(headline, Some("Hello, nice to meet you.")), (Category::Spam, true, persona.clone()), "{headline}");
        }
        assert_eq!(decide("Military surgeon", Some("Hi Pat, I read your article on triage software.")).0, Category::Personalized);
        assert_eq!(decide("US Army veteran", None).0, Category::Generic);
        assert_eq!(decide("Engineer", Some("I am a surgeon with the UN, deployed in Syria.")).0, Category::Spam);
        assert!(!decide("Engineer", Some("I am a surgeon with the UN, deployed in Syria.")).1);
    }

    /// Probes a person would recognise (30 Nov): recruiters and sellers who never say so, and
    /// the words of the new phrases in notes that are none of it. The chat apps are work in a
    /// headline ("Telegram bot developer" was reported), KiK is a shop, a link is not a note.
    #[test]
    fn quiet_recruiters_and_sellers_and_their_look_alikes() {
        for (headline, note, want) in [
            ("Engineering Manager", "Hi Pat, I'm building a team at Flowly and your background stood out.", Category::Recruiter),
            ("Engineering Director", "Hi Pat, we have an opening on our platform team that I think you'd be great for.", Category::Recruiter),
            ("Head of People", "Hallo Pat, für unser Team in München suchen wir eine erfahrene Person im Backend.", Category::Recruiter),
            ("Co-founder", "Hey Pat, we raised our seed round and are looking for a founding engineer.", Category::Recruiter),
            ("Virtual Assistant", "Hi Pat, I help busy founders reclaim their week. Can I share my rates?", Category::Sales),
            ("Business Development Manager", "Hi Pat, I'd love to explore a potential partnership between us.", Category::Sales),
            ("Founding Engineer at Tessel", "Hi Pat, I'm a founding engineer too and your post on startup times was spot on.", Category::Personalized),
            ("Meetup organiser", "Hi Pat, we're looking for speakers for our Rust evening in May, would you be interested?", Category::Personalized),
            ("Engineering lead", "Hi Pat, our software team uses your crate every day, thank you!", Category::Personalized),
            ("Marketing manager", "Hi Pat, I enjoyed your webinar on accessibility last week.", Category::Personalized),
            ("Entwickler", "Hallo Pat, ich habe Ihr Profil gesehen, ich bin auch Entwickler und arbeite mit Rust.", Category::Personalized),
            ("Designerin", "Hallo Pat, ganz unverbindlich: Ihr Vortrag in Graz hat mir sehr gefallen.", Category::Personalized),
            ("Backend engineer at Kraken", "Hi Pat, I work on crypto trading infrastructure and liked your post on latency.", Category::Personalized),
            ("Grief counsellor", "Hi Pat, your essay on supporting widows at work moved me.", Category::Personalized),
            ("Welder", "Hello Pat, I am an honest man and a hard worker, I read your post on apprenticeships.", Category::Personalized),
            ("Telegram bot developer", "Hi Pat, I liked your article about Rust and WebAssembly.", Category::Personalized),
            ("Software Engineer at WhatsApp", "Hi Pat, I work at WhatsApp on the web client and enjoyed your article.", Category::Personalized),
            ("Product owner", "Hi Pat, we're building a WhatsApp integration and your post on webhooks helped.", Category::Personalized),
            ("Filialleiterin bei KiK", "Hallo Pat, ich habe Ihren Beitrag über Teamführung im Handel gelesen.", Category::Personalized),
            ("Teacher", "Hi Pat, I teach kids and/or adults to code 24/7 and loved your book.", Category::Personalized),
            ("Engineer", "Hi Pat, I built a crate inspired by your talk: https://github.com/ann/tiny", Category::Personalized),
            ("Engineer", "https://github.com/annlee", Category::Generic),
            ("Engineer", "www.annlee.dev", Category::Generic),
        ] {
            assert_eq!(category(headline, Some(note)), want, "{headline} / {note}");
        }
        for headline in ["Telegram bot developer", "Software Engineer at WhatsApp", "Filialleiterin bei KiK"] {
            assert_eq!(category(headline, None), Category::Generic, "{headline}");
        }
    }
}
