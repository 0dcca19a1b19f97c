//! The user's settings: the keys other tools rely on (docs/formats.md), plus rules, templates and wording preferences.
//!
//! The keys, their defaults and what counts as a problem are documented on [`Settings`].

use crate::classify::KnownIndex;
use crate::rules::{Field, Rule, Then, When};
use crate::template::{Template, TemplateError};
use crate::words::{at_line, fill, EnDeFr, JsonError, Say, Ui};
use crate::Find;
use crate::{Action, Category};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The settings format this NotYet writes.
pub const CURRENT_VERSION: u32 = 1;

/// The most rules NotYet uses: more are a problem, said, and an import and stored settings both
/// use the first ones (a save keeps the rest as written, [`crate::storage::keep_unknown`]). The options page builds an editor of ~129 elements a rule and draws
/// them all again when one is added: 100 rules open in 0.25-0.48 s and an added one redraws in
/// 0.14-0.34 s (Chromium, two busy cores, 1 Dec 2026), where 10,000 (an 880 KB file) froze the
/// page for 84 s. A person's rules are a handful; 100 of ~250 B also fit sync's 102,400 B.
pub const RULES_LIMIT: usize = 100;

/// The top-level keys of a settings file in this version, `version` first: a save keeps any other
/// (a newer NotYet's, [`crate::storage::keep_unknown`]), and a file with none of these but
/// `version` holds no settings (the options page's import says so, where it listed a progress
/// record's or a page report's every key as unknown).
pub const KEYS: [&str; 9] = ["version", "me", "known", "mutual_threshold", "language", "variant", "sign_off", "rules", "templates"];

/// Everything the core decides from. Every key is optional in a file: absent keys take defaults.
///
/// Reading is lenient and exact at once. [`Settings::from_json`] walks the JSON by hand rather
/// than through serde's derive, so that it can keep every valid part, put the default in place
/// of every broken one, and name each problem by its JSON path (`$.rules[2].then.template`).
/// The options page shows those problems; `notyet check-settings` prints them. Serialising goes
/// through serde, and what it writes reads back without a problem.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `version` | 1 | the format; files without it are read as the current one |
/// | `me.name`, `me.email`, `me.link` | `""` | how replies sign and where they point; empty parts drop out |
/// | `known.people`, `.companies`, `.schools` | `[]` | invitations matching these are suggested for acceptance |
/// | `mutual_threshold` | 10 | from this many shared connections a stranger with no note is `mutual`; 0 turns it off |
/// | `language` | `"en"` | drafts' language when the note's is unclear or has no template |
/// | `variant` | `"long"` | `"short"` or `"long"` wording |
/// | `sign_off` | `""` | a template put after every reply, in place of the built-in closing |
/// | `rules` | `[]` | see [`crate::Rule`]: tried in order before the defaults, first match wins; at most [`RULES_LIMIT`] (100) |
/// | `templates` | `{}` | id → language → `{"short", "long"}` or one text for both |
///
/// ```json
/// {
///   "version": 1,
///   "me": { "name": "Pat Example", "email": "pat@example.com", "link": "https://example.com/why" },
///   "known": { "people": ["Jane Doe"], "companies": ["Acme Corp"], "schools": ["TU Wien"] },
///   "mutual_threshold": 10,
///   "language": "en",
///   "variant": "long",
///   "sign_off": "Best,\n{me.name}",
///   "rules": [
///     { "name": "Rust recruiters get a short answer",
///       "when": { "category": "recruiter", "keywords": ["rust"], "in": "any" },
///       "then": { "action": "reply", "template": "recruiter-short" } },
///     { "name": "Sales pitches: the short wording",
///       "when": { "category": "sales" }, "then": { "variant": "short" } }
///   ],
///   "templates": {
///     "recruiter-short": { "en": "Hi {first_name|there}, thanks, but I'm not looking right now." },
///     "generic": { "de": { "short": "…", "long": "…" } }
///   }
/// }
/// ```
///
/// A rule's `then.variant` (`"short"` or `"long"`) picks the reply's length for the invitations
/// it matches, in place of `variant`; it is optional, so files written before it existed read
/// the same (no new `version`), and a length asked for on the page's notice still wins.
///
/// A template id that is also a built-in one (see [`crate::default_template_ids`]) overrides
/// the built-in wording in the languages and variants it gives; the others stay built in. A
/// rule may also name a built-in template pinned to a language and variant: `generic.de.short`.
///
/// What counts as a problem: a wrong type, an unknown key (a typo would silently do nothing),
/// a template that doesn't parse (with its line and column), a rule naming a template that
/// doesn't exist, a language code that isn't two letters or has no templates, a negative or
/// fractional count, an email without `@`, a version from the future. A rule with a problem is
/// left out whole; any other broken value takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    pub me: Me,
    pub known: Known,
    /// From this many shared connections on, a stranger with no note counts as `mutual`; 0 turns it off.
    pub mutual_threshold: u32,
    /// ISO 639-1 code of the drafts when the note's language is unclear or has no template.
    pub language: String,
    /// Which of a template's two lengths to draft.
    pub variant: Variant,
    /// Your own closing, itself a template (`"Best,\n{me.name}"`), added after every reply in
    /// place of the built-in templates' closing; empty to keep theirs.
    pub sign_off: String,
    /// The user's rules, tried in order before the built-in defaults; the first match wins.
    pub rules: Vec<Rule>,
    /// The user's templates by id: a language code → the wording in each variant.
    pub templates: Keyed<Keyed<Sources>>,
    /// The known lists folded for matching, built on first use. Public only so that
    /// `Settings { language: "de".into(), ..Settings::default() }` works outside this crate.
    #[doc(hidden)]
    #[serde(skip)]
    pub cache: KnownCache,
}

impl Settings {
    /// The settings as compact JSON, as their derived `Serialize` writes them (a unit test holds
    /// the two to the same bytes), for the options page's saves and exports: the derived
    /// writers of `Settings`, `Rule` and the rest, inlined there, cost the module 4.7 KB raw and
    /// 1.5 KB gzipped (a stub in their place); by hand [`Out`](crate::json::Out) writes them.
    pub fn to_compact_json(&self) -> String {
        // Every field named, so that one added to these structs stops the build here until it is
        // written: the derived writer would have written it, and a save by hand would drop the
        // user's setting (the unit test sees only the fields its samples set).
        let Settings {
            version: _,
            me: Me { name: _, email: _, link: _ },
            known: Known { people: _, companies: _, schools: _ },
            mutual_threshold: _,
            language: _,
            variant: _,
            sign_off: _,
            rules: _,
            templates: _,
            cache: _,
        } = self;
        let mut o = crate::json::Out::default();
        o.open(b'{');
        o.key("version");
        o.num(self.version.into());
        o.key("me");
        o.open(b'{');
        o.key("name");
        o.str(&self.me.name);
        o.key("email");
        o.str(&self.me.email);
        o.key("link");
        o.str(&self.me.link);
        o.close(b'}');
        o.key("known");
        o.open(b'{');
        o.key("people");
        o.strs(&self.known.people);
        o.key("companies");
        o.strs(&self.known.companies);
        o.key("schools");
        o.strs(&self.known.schools);
        o.close(b'}');
        o.key("mutual_threshold");
        o.num(self.mutual_threshold.into());
        o.key("language");
        o.str(&self.language);
        o.key("variant");
        o.str(self.variant.name());
        o.key("sign_off");
        o.str(&self.sign_off);
        o.key("rules");
        o.open(b'[');
        for r in &self.rules {
            rule_json(&mut o, r);
        }
        o.close(b']');
        o.key("templates");
        o.open(b'{');
        for (id, languages) in self.templates.iter() {
            o.key_escaped(id);
            o.open(b'{');
            for (language, sources) in languages.iter() {
                let Sources { short: _, long: _ } = sources;
                o.key_escaped(language);
                o.open(b'{');
                if let Some(short) = &sources.short {
                    o.key("short");
                    o.str(short);
                }
                if let Some(long) = &sources.long {
                    o.key("long");
                    o.str(long);
                }
                o.close(b'}');
            }
            o.close(b'}');
        }
        o.close(b'}');
        o.close(b'}');
        o.finish()
    }
}

fn rule_json(o: &mut crate::json::Out, r: &Rule) {
    // Every field named, as in `to_compact_json`.
    let Rule {
        name: _,
        enabled: _,
        when: When { category: _, note: _, mutual_at_least: _, mutual_below: _, keywords: _, field: _, name: _, company: _, language: _ },
        then: Then { action: _, template: _, category: _, variant: _ },
    } = r;
    o.open(b'{');
    o.key("name");
    o.str(&r.name);
    o.key("enabled");
    o.bool(r.enabled);
    let w = &r.when;
    o.key("when");
    o.open(b'{');
    if !w.category.is_empty() {
        o.key("category");
        o.open(b'[');
        for c in &w.category {
            o.str(c.name());
        }
        o.close(b']');
    }
    if let Some(note) = w.note {
        o.key("note");
        o.bool(note);
    }
    if let Some(n) = w.mutual_at_least {
        o.key("mutual_at_least");
        o.num(n.into());
    }
    if let Some(n) = w.mutual_below {
        o.key("mutual_below");
        o.num(n.into());
    }
    if !w.keywords.is_empty() {
        o.key("keywords");
        o.strs(&w.keywords);
    }
    o.key("in");
    o.str(w.field.name());
    if !w.name.is_empty() {
        o.key("name");
        o.strs(&w.name);
    }
    if !w.company.is_empty() {
        o.key("company");
        o.strs(&w.company);
    }
    if let Some(l) = &w.language {
        o.key("language");
        o.str(l);
    }
    o.close(b'}');
    let t = &r.then;
    o.key("then");
    o.open(b'{');
    if let Some(a) = t.action {
        o.key("action");
        o.str(a.name());
    }
    if let Some(id) = &t.template {
        o.key("template");
        o.str(id);
    }
    if let Some(c) = t.category {
        o.key("category");
        o.str(c.name());
    }
    if let Some(v) = t.variant {
        o.key("variant");
        o.str(v.name());
    }
    o.close(b'}');
    o.close(b'}');
}

/// A [`KnownIndex`] built once per settings. It compares the lists on use, so a
/// change to `known` after the first decision is never matched against stale names. It takes
/// no part in comparing, cloning or serialising settings.
#[derive(Default)]
pub struct KnownCache(OnceLock<KnownIndex>);

impl Clone for KnownCache {
    fn clone(&self) -> Self {
        KnownCache::default()
    }
}

impl PartialEq for KnownCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for KnownCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KnownCache")
    }
}

/// The user, as their replies name them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Me {
    pub name: String,
    pub email: String,
    pub link: String,
}

/// Whom the user knows: these invitations are suggested for acceptance.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Known {
    pub people: Vec<String>,
    pub companies: Vec<String>,
    pub schools: Vec<String>,
}

/// A template's two lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    Short,
    #[default]
    Long,
}

impl Variant {
    /// The names settings and requests give the lengths, in the order of [`Variant::ALL`].
    pub const NAMES: &'static [&'static str] = &["short", "long"];
    pub const ALL: [Variant; 2] = [Variant::Short, Variant::Long];

    /// Its JSON name.
    pub fn name(self) -> &'static str {
        Variant::NAMES[self as usize]
    }
}

impl<'de> Deserialize<'de> for Variant {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::by_name(d, Variant::NAMES, &Variant::ALL)
    }
}

/// A map from text keys, kept as one `Vec` sorted by key, for the settings' templates (id →
/// language → wording): a `BTreeMap` there linked the tree's code (inserting with its node
/// splits, iterating, dropping) once for each of the two value types, for maps of a few
/// entries: −7,016 B raw, −2,477 B on each zip (1 Dec 2026; README, WASM size). The same order and the same JSON as a
/// `BTreeMap<String, V>`; a key given twice keeps its last value, as the `BTreeMap` did.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyed<V>(Vec<(String, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    fn at(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
    pub fn get(&self, key: &str) -> Option<&V> {
        self.at(key).ok().map(|i| &self.0[i].1)
    }
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.at(key).ok().map(|i| &mut self.0[i].1)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.at(key).is_ok()
    }
    /// Sets `key` to `value`, returning the value it had.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.at(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.at(key).ok().map(|i| self.0.remove(i).1)
    }
    /// The value of `key`, made by `Default` first if there is none.
    pub fn or_default(&mut self, key: String) -> &mut V
    where
        V: Default,
    {
        let i = match self.at(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Keyed<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = <std::collections::BTreeMap<String, V>>::deserialize(d)?;
        Ok(Keyed(map.into_iter().collect()))
    }
}

/// One template's wording in one language. A file may give a single string for both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Sources {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub long: Option<String>,
}

impl Sources {
    /// The wording for `variant`, else the other one.
    pub fn get(&self, variant: Variant) -> Option<&str> {
        let (first, second) = match variant {
            Variant::Short => (&self.short, &self.long),
            Variant::Long => (&self.long, &self.short),
        };
        first.as_deref().or(second.as_deref())
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: CURRENT_VERSION,
            me: Me::default(),
            known: Known::default(),
            mutual_threshold: 10,
            language: "en".into(),
            variant: Variant::Long,
            sign_off: String::new(),
            rules: Vec::new(),
            templates: Keyed::default(),
            cache: KnownCache::default(),
        }
    }
}

/// A problem found in a settings file, at its JSON path (`$.me.email`). Template errors also
/// carry the line and column within the template's text. What is wrong is data
/// ([`ProblemKind`]), worded by [`Say`] in the interface language; `Display` gives the CLI's
/// English line with the path.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The type of a JSON value, as a problem names what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    List,
    Object,
}

impl JsonType {
    /// The type of a JSON value, as a problem names it (the settings reader's and the CLI's).
    pub fn of(v: &Value) -> JsonType {
        match v {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Bool,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::List,
            Value::Object(_) => JsonType::Object,
        }
    }
}

impl Say for JsonType {
    fn say(&self, ui: Ui) -> String {
        match self {
            JsonType::Null => "null",
            JsonType::Bool => "true/false",
            JsonType::Number => ui.pick(en_de_fr!("a number", "eine Zahl", "un nombre")),
            JsonType::String => ui.pick(en_de_fr!("a text", "ein Text", "un texte")),
            JsonType::List => ui.pick(en_de_fr!("a list", "eine Liste", "une liste")),
            JsonType::Object => ui.pick(en_de_fr!("an object", "ein Objekt", "un objet")),
        }
        .into()
    }
}

/// What is wrong with one setting.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is not JSON at all.
    NotJson {
        error: JsonError,
    },
    NotAnObject {
        found: JsonType,
    },
    /// A key this version doesn't know; `expected` are the keys it does.
    UnknownKey {
        expected: Vec<&'static str>,
    },
    NotText {
        found: JsonType,
    },
    NotTrueOrFalse {
        found: JsonType,
    },
    TooLarge {
        value: u64,
    },
    Negative {
        number: String,
    },
    /// A number that isn't whole (`number`), or another type (`found`).
    NotWholeNumber {
        number: Option<String>,
        found: JsonType,
    },
    NotAListOfTexts {
        found: JsonType,
    },
    NotALanguageCode {
        written: String,
    },
    VersionZero,
    NewerVersion {
        version: u32,
    },
    NotAnEmail {
        written: String,
    },
    NotALink {
        written: String,
    },
    /// `found` is the value as JSON.
    NotAVariant {
        found: String,
    },
    NotAListOfRules {
        found: JsonType,
    },
    /// More than [`RULES_LIMIT`] rules: `count` of them.
    TooManyRules {
        count: usize,
    },
    /// The settings' language has no templates, so English is used.
    NoTemplatesInLanguage {
        language: String,
        built_in: Vec<&'static str>,
    },
    BadTemplateId,
    NotATemplate {
        found: JsonType,
    },
    Template(TemplateError),
    RuleWithoutThen,
    /// A rule with problems is left out whole; `name` may be empty.
    RuleLeftOut {
        name: String,
    },
    NotACategory {
        written: String,
    },
    /// `found` is the value as JSON.
    NotAField {
        found: String,
    },
    NotAnAction {
        written: String,
    },
    NoSuchTemplate {
        id: String,
        ids: Vec<String>,
    },
    EmptyThen,
    /// One object holds `key` twice: a JSON reader keeps the last and drops the first without a
    /// word (`{"me": {"name": …}, "me": {"email": …}}` lost the name), so the file is refused.
    DuplicateKey {
        key: String,
    },
}

impl Say for ProblemKind {
    fn say(&self, ui: Ui) -> String {
        use ProblemKind as P;
        let none = String::new;
        let quoted = |w: &str| fill(ui.pick(en_de_fr!("\"{a}\"", "„{a}“", "«\u{a0}{a}\u{a0}»")), w, "");
        let list = |items: &[&str]| items.join(", ");
        // One wording a kind, in the three languages, with at most two values: `{a}` and `{b}`.
        let (words, a, b): (EnDeFr, String, String) = match self {
            P::NotJson { error } => (en_de_fr!("not valid JSON: {a}", "kein gültiges JSON, denn {a}", "JSON non valide\u{a0}: {a}"), error.say(ui), none()),
            P::DuplicateKey { key } => (
                en_de_fr!("the key {a} comes twice in one object", "der Schlüssel {a} steht zweimal im selben Objekt", "la clé {a} figure deux fois dans le même objet"),
                quoted(key),
                none(),
            ),
            P::NotAnObject { found } => (
                en_de_fr!("expected an object, found {a}", "Erwartet war ein Objekt, gefunden wurde {a}", "un objet était attendu, trouvé\u{a0}: {a}"),
                found.say(ui),
                none(),
            ),
            P::UnknownKey { expected } => (
                en_de_fr!("unknown key (expected one of: {a})", "unbekannter Schlüssel (bekannt sind: {a})", "clé inconnue (clés connues\u{a0}: {a})"),
                list(expected),
                none(),
            ),
            P::NotText { found } => (
                en_de_fr!("expected a text, found {a}", "Erwartet war ein Text, gefunden wurde {a}", "un texte était attendu, trouvé\u{a0}: {a}"),
                found.say(ui),
                none(),
            ),
            P::NotTrueOrFalse { found } => (
                en_de_fr!(
                    "expected true or false, found {a}",
                    "Erwartet war true oder false, gefunden wurde {a}",
                    "true ou false était attendu, trouvé\u{a0}: {a}"
                ),
                found.say(ui),
                none(),
            ),
            P::TooLarge { value } => (en_de_fr!("{a} is too large", "{a} ist zu groß", "{a} est trop grand"), value.to_string(), none()),
            P::Negative { number } => (
                en_de_fr!("must not be negative, found {a}", "Der Wert darf nicht negativ sein, gefunden wurde {a}", "ne doit pas être négatif, trouvé\u{a0}: {a}"),
                number.clone(),
                none(),
            ),
            P::NotWholeNumber { number, found } => (
                en_de_fr!(
                    "expected a whole number, found {a}",
                    "Erwartet war eine ganze Zahl, gefunden wurde {a}",
                    "un nombre entier était attendu, trouvé\u{a0}: {a}"
                ),
                number.clone().unwrap_or_else(|| found.say(ui)),
                none(),
            ),
            P::NotAListOfTexts { found } => (
                en_de_fr!(
                    "expected a list of texts, found {a}",
                    "Erwartet war eine Liste von Texten, gefunden wurde {a}",
                    "une liste de textes était attendue, trouvé\u{a0}: {a}"
                ),
                found.say(ui),
                none(),
            ),
            P::NotALanguageCode { written } => (
                en_de_fr!(
                    "{a} is not a two-letter language code such as \"en\", \"de\", \"fr\" or \"es\"",
                    "{a} ist kein zweibuchstabiger Sprachcode wie „en“, „de“, „fr“ oder „es“",
                    "{a} n'est pas un code de langue à deux lettres comme «\u{a0}en\u{a0}», «\u{a0}de\u{a0}», «\u{a0}fr\u{a0}» ou «\u{a0}es\u{a0}»"
                ),
                quoted(written),
                none(),
            ),
            P::VersionZero => (
                en_de_fr!(
                    "versions start at 1; read as version 1",
                    "Versionen beginnen bei 1; als Version 1 gelesen",
                    "les versions commencent à 1\u{a0}; lu comme version 1"
                ),
                none(),
                none(),
            ),
            P::NewerVersion { version } => (
                en_de_fr!(
                    "written by a newer NotYet (version {a}); read as version {b}, so newer parts may be reported or ignored",
                    "von einem neueren NotYet geschrieben (Version {a}); als Version {b} gelesen, neuere Teile werden daher gemeldet oder übergangen",
                    "écrit par un NotYet plus récent (version {a})\u{a0}; lu comme version {b}, les parties plus récentes peuvent donc être signalées ou ignorées"
                ),
                version.to_string(),
                CURRENT_VERSION.to_string(),
            ),
            P::NotAnEmail { written } => (
                en_de_fr!(
                    "{a} doesn't look like an email address; replies leave it out",
                    "{a} sieht nicht wie eine E-Mail-Adresse aus; Antworten lassen sie weg",
                    "{a} ne ressemble pas à une adresse e-mail\u{a0}; les réponses l'omettent"
                ),
                quoted(written),
                none(),
            ),
            P::NotALink { written } => (
                en_de_fr!(
                    "{a} doesn't look like a web address (https://…); replies leave it out",
                    "{a} sieht nicht wie eine Webadresse (https://…) aus; Antworten lassen sie weg",
                    "{a} ne ressemble pas à une adresse web (https://…)\u{a0}; les réponses l'omettent"
                ),
                quoted(written),
                none(),
            ),
            P::NotAVariant { found } => (
                en_de_fr!(
                    "expected \"short\" or \"long\", found {a}",
                    "Erwartet war „short“ oder „long“, gefunden wurde {a}",
                    "«\u{a0}short\u{a0}» ou «\u{a0}long\u{a0}» était attendu, trouvé\u{a0}: {a}"
                ),
                found.clone(),
                none(),
            ),
            P::NotAListOfRules { found } => (
                en_de_fr!(
                    "expected a list of rules, found {a}",
                    "Erwartet war eine Liste von Regeln, gefunden wurde {a}",
                    "une liste de règles était attendue, trouvé\u{a0}: {a}"
                ),
                found.say(ui),
                none(),
            ),
            P::TooManyRules { count } => (
                en_de_fr!(
                    "{a} rules, more than the {b} NotYet uses; the first {b} are used, the others kept but not used",
                    "{a} Regeln, mehr als die {b}, die NotYet verwendet; die ersten {b} werden verwendet, die übrigen aufbewahrt, aber nicht verwendet",
                    "{a} règles, plus que les {b} que NotYet utilise\u{a0}; les {b} premières sont utilisées, les autres gardées sans être utilisées"
                ),
                count.to_string(),
                RULES_LIMIT.to_string(),
            ),
            P::NoTemplatesInLanguage { language, built_in } => (
                en_de_fr!(
                    "no templates in {a} (built in: {b}, or add your own); using \"en\"",
                    "keine Vorlagen in {a} (eingebaut: {b}, oder fügen Sie eigene hinzu); „en“ wird verwendet",
                    "aucun modèle en {a} (intégrés\u{a0}: {b}, ou ajoutez les vôtres)\u{a0}; «\u{a0}en\u{a0}» est utilisé"
                ),
                quoted(language),
                list(built_in),
            ),
            P::BadTemplateId => (
                en_de_fr!(
                    "a template id is 1 to 64 characters, with no spaces or dots",
                    "Ein Vorlagenname hat 1 bis 64 Zeichen, ohne Leerzeichen oder Punkte",
                    "un identifiant de modèle compte 1 à 64 caractères, sans espaces ni points"
                ),
                none(),
                none(),
            ),
            P::NotATemplate { found } => (
                en_de_fr!(
                    "expected a template text or {\"short\": …, \"long\": …}, found {a}",
                    "Erwartet war ein Vorlagentext oder {\"short\": …, \"long\": …}, gefunden wurde {a}",
                    "un texte de modèle ou {\"short\": …, \"long\": …} était attendu, trouvé\u{a0}: {a}"
                ),
                found.say(ui),
                none(),
            ),
            // The page and the CLI say where (a template, the sign-off): no "template:" before it.
            P::Template(e) => (en_de_fr!("{a}", "{a}", "{a}"), e.message(ui), none()),
            P::RuleWithoutThen => (
                en_de_fr!(
                    "a rule needs \"then\": what to do when it matches",
                    "Eine Regel braucht „then“: was zu tun ist, wenn sie zutrifft",
                    "une règle a besoin de «\u{a0}then\u{a0}»\u{a0}: que faire quand elle s'applique"
                ),
                none(),
                none(),
            ),
            P::RuleLeftOut { name } if name.trim().is_empty() => (
                en_de_fr!(
                    "rule is left out until the problems above are fixed",
                    "Die Regel bleibt unberücksichtigt, bis die Probleme oben behoben sind",
                    "la règle est mise de côté jusqu'à ce que les problèmes ci-dessus soient corrigés"
                ),
                none(),
                none(),
            ),
            P::RuleLeftOut { name } => (
                en_de_fr!(
                    "rule {a} is left out until the problems above are fixed",
                    "Die Regel {a} bleibt unberücksichtigt, bis die Probleme oben behoben sind",
                    "la règle {a} est mise de côté jusqu'à ce que les problèmes ci-dessus soient corrigés"
                ),
                quoted(name.trim()),
                none(),
            ),
            P::NotACategory { written } => (
                en_de_fr!(
                    "{a} is not a category (one of: {b})",
                    "{a} ist keine Kategorie (eine von: {b})",
                    "{a} n'est pas une catégorie (l'une de\u{a0}: {b})"
                ),
                quoted(written),
                list(Category::NAMES),
            ),
            P::NotAField { found } => (
                en_de_fr!(
                    "expected \"headline\", \"note\" or \"any\", found {a}",
                    "Erwartet war „headline“, „note“ oder „any“, gefunden wurde {a}",
                    "«\u{a0}headline\u{a0}», «\u{a0}note\u{a0}» ou «\u{a0}any\u{a0}» était attendu, trouvé\u{a0}: {a}"
                ),
                found.clone(),
                none(),
            ),
            P::NotAnAction { written } => (
                en_de_fr!(
                    "{a} is not an action (one of: accept, reply, ignore, report)",
                    "{a} ist keine Aktion (eine von: accept, reply, ignore, report)",
                    "{a} n'est pas une action (l'une de\u{a0}: accept, reply, ignore, report)"
                ),
                quoted(written),
                none(),
            ),
            P::NoSuchTemplate { id, ids } => (
                en_de_fr!("no template {a} (there are: {b})", "keine Vorlage {a} (vorhanden: {b})", "aucun modèle {a} (existants\u{a0}: {b})"),
                quoted(id),
                ids.join(", "),
            ),
            P::EmptyThen => (
                en_de_fr!(
                    "the rule doesn't say what to do: choose an action, a length, a template or a category",
                    "Die Regel sagt nicht, was geschehen soll: Wählen Sie eine Aktion, eine Länge, eine Vorlage oder eine Kategorie",
                    "la règle ne dit pas quoi faire\u{a0}: choisissez une action, une longueur, un modèle ou une catégorie"
                ),
                none(),
                none(),
            ),
        };
        fill(ui.pick(words), &a, &b)
    }
}

impl ProblemKind {
    /// Whether the wording goes on, after its last ';', with what reading the file anyway does
    /// ("; replies leave it out", "; read as version 1", "; using \"en\"": no such part has a ';'
    /// of its own, so one in a value the user wrote, before it, stays). That part is said where the file is
    /// read (the stored settings, the CLI) and cut where nothing is: a refused import listed
    /// "using \"en\"" and "replies leave it out" under "Nothing was changed".
    pub fn says_what_reading_does(&self) -> bool {
        use ProblemKind as P;
        matches!(
            self,
            P::VersionZero | P::NewerVersion { .. } | P::NotAnEmail { .. } | P::NotALink { .. } | P::TooManyRules { .. } | P::NoTemplatesInLanguage { .. }
        )
    }

    /// A problem that is only what reading does (a rule left out for the problems listed above
    /// it): a refused import or save, which reads nothing, leaves it out of its list.
    pub fn only_when_read(&self) -> bool {
        matches!(self, ProblemKind::RuleLeftOut { .. })
    }
}

impl Problem {
    /// What is wrong, with the line and column of a template error, and with `read`, what
    /// reading the file does about it ([`ProblemKind::says_what_reading_does`]); the JSON path is
    /// left to the CLI (`Display`) and to a page that shows where in its own words.
    pub fn said(&self, ui: Ui, read: bool) -> String {
        let mut out = self.kind.say(ui);
        if let Some(at) = out.bytes().rposition(|c| c == b';').filter(|_| !read && self.kind.says_what_reading_does()) {
            out.truncate(at);
            if out.ends_with('\u{a0}') {
                out.pop();
            }
        }
        if let (Some(l), Some(c)) = (self.line, self.column) {
            out.push_str(&format!(" ({})", at_line(ui, l, c)));
        }
        out
    }
}

impl Say for Problem {
    /// As read: [`Problem::said`] with what reading does.
    fn say(&self, ui: Ui) -> String {
        self.said(ui, true)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.say(Ui::En))
    }
}

impl Settings {
    /// Reads settings leniently: what is broken falls back to its default, and is reported.
    /// Never fails and never panics.
    pub fn from_json(json: &str) -> (Settings, Vec<Problem>) {
        let mut r = Reader::default();
        let settings = match settings_value(json) {
            Ok(v) => r.settings(&v),
            Err(p) => {
                r.problems.push(p);
                Settings::default()
            }
        };
        (settings, r.problems)
    }

    /// The settings as JSON, in the shape [`Settings::from_json`] reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }

    /// The known people, companies and schools, and the user's own name, folded for matching.
    pub(crate) fn known_index(&self) -> Cow<'_, KnownIndex> {
        let cached = self.cache.0.get_or_init(|| KnownIndex::new(&self.known, &self.me.name));
        if cached.is_for(&self.known, &self.me.name) {
            Cow::Borrowed(cached)
        } else {
            Cow::Owned(KnownIndex::new(&self.known, &self.me.name))
        }
    }

    /// Whether the user's templates or the built-in ones hold template `id` in some language.
    /// `id` may also pin a built-in template to a language and variant: `generic.en.short`.
    pub fn has_template(&self, id: &str) -> bool {
        self.templates.contains_key(id) || crate::decide::default_template_ids().contains(&id) || crate::templates::default_source(id).is_some()
    }
}

/// A settings file's JSON, or why it is none: a [`Problem`] at `$` with the position in its own
/// fields, [`ProblemKind::NotJson`] or [`ProblemKind::DuplicateKey`] (the options page's import
/// says it in its own words).
pub fn settings_value(json: &str) -> Result<Value, Problem> {
    let at = |kind, line, column| Problem { path: "$".into(), kind, line: Some(line), column: Some(column) };
    let value = serde_json::from_str::<Value>(json).map_err(|e| at(ProblemKind::NotJson { error: JsonError::in_text(&e, json) }, e.line(), e.column()))?;
    match duplicate_key(json) {
        Some((key, start)) => {
            // Lines and columns as serde_json counts them: from 1, a column a byte.
            let before = &json.as_bytes()[..start];
            let line_start = before.iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
            Err(at(ProblemKind::DuplicateKey { key: key.into() }, before.iter().filter(|&&c| c == b'\n').count() + 1, start - line_start + 1))
        }
        None => Ok(value),
    }
}

/// A key written twice in one object of a JSON text that parsed, and the byte its second one
/// starts at. Keys are compared as written (`"a"` and `"\u0061"` are two): the slip this catches
/// is a key typed twice. Each object's keys go in a map (serde_json's own, so no other map's
/// code is added), not compared pairwise: an object of 100,000 keys fits in a 1 MB file.
fn duplicate_key(json: &str) -> Option<(&str, usize)> {
    // Each open object's keys; `None` for a list.
    let mut open: Vec<Option<Map<String, Value>>> = Vec::new();
    let mut key_next = false;
    let mut found = None;
    json_marks(json, &mut |at, mark| {
        match mark {
            JsonMark::Text(key) => {
                if let (true, Some(Some(keys))) = (key_next, open.last_mut()) {
                    if keys.insert(key.into(), Value::Null).is_some() {
                        found = Some((key, at));
                        return false;
                    }
                }
                key_next = false;
            }
            JsonMark::Open { object } => {
                open.push(object.then(Map::new));
                key_next = object;
            }
            JsonMark::Comma => key_next = matches!(open.last(), Some(Some(_))),
            JsonMark::Close => drop(open.pop()),
        }
        true
    });
    found
}

/// What [`json_marks`] finds in a JSON text.
pub(crate) enum JsonMark<'a> {
    /// `{` (an object) or `[`.
    Open {
        object: bool,
    },
    /// `}` or `]`.
    Close,
    Comma,
    /// A text, as written between its quotes (escapes kept).
    Text(&'a str),
}

/// The brackets, commas and texts of a JSON text (or the start of one), in order, each with the
/// byte it starts at, to `each` until it answers `false`: a bracket inside a text is text, and a
/// text left open runs to the end. serde_json's `Value` keeps neither a key written twice nor how
/// deep a byte lies: the one scan both [`duplicate_key`] and the nesting told by
/// [`JsonError::in_text`] read (hand-written: serde_json's reader gives no positions of what it
/// reads, only of an error; a callback, not an iterator: the one copy of it, the smallest).
pub(crate) fn json_marks<'a>(json: &'a str, each: &mut dyn FnMut(usize, JsonMark<'a>) -> bool) {
    let b = json.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let at = i;
        i += 1;
        let mark = match c {
            b'"' => {
                while let Some(&c) = b.get(i).filter(|&&c| c != b'"') {
                    i += if c == b'\\' { 2 } else { 1 };
                }
                let text = json.get(at + 1..i).unwrap_or("");
                i += 1;
                JsonMark::Text(text)
            }
            b'{' | b'[' => JsonMark::Open { object: c == b'{' },
            b'}' | b']' => JsonMark::Close,
            b',' => JsonMark::Comma,
            _ => continue,
        };
        if !each(at, mark) {
            return;
        }
    }
}

/// Every language code has this shape: two lower-case ASCII letters.
pub(crate) fn is_language_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// Checks one template's text; the error carries the line and column.
fn check_template(source: &str, path: &str) -> Result<(), Problem> {
    Template::parse(source).map(drop).map_err(|e| Problem { path: path.into(), line: Some(e.line), column: Some(e.column), kind: ProblemKind::Template(e) })
}

/// Walks a settings document, keeping what is valid and noting the rest.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { path: path.into(), kind, line: None, column: None });
    }

    fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.problem(path, ProblemKind::NotAnObject { found: JsonType::of(other) });
                None
            }
        }
    }

    /// Reports keys this version doesn't know: a typo would otherwise silently do nothing.
    fn unknown_keys(&mut self, m: &Map<String, Value>, path: &str, known: &[&'static str]) -> bool {
        let mut any = false;
        for k in m.keys() {
            if !known.contains(&k.as_str()) {
                self.problem(&key_path(path, k), ProblemKind::UnknownKey { expected: known.to_vec() });
                any = true;
            }
        }
        any
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.problem(path, ProblemKind::NotText { found: JsonType::of(other) });
                None
            }
        }
    }

    fn boolean(&mut self, v: &Value, path: &str) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                self.problem(path, ProblemKind::NotTrueOrFalse { found: JsonType::of(other) });
                None
            }
        }
    }

    fn count(&mut self, v: &Value, path: &str) -> Option<u32> {
        match v {
            Value::Number(n) => match n.as_u64() {
                Some(x) => match u32::try_from(x) {
                    Ok(x) => Some(x),
                    Err(_) => {
                        self.problem(path, ProblemKind::TooLarge { value: x });
                        None
                    }
                },
                None if n.as_i64().is_some_and(|x| x < 0) || n.as_f64().is_some_and(|x| x < 0.0) => {
                    self.problem(path, ProblemKind::Negative { number: n.to_string() });
                    None
                }
                None => {
                    self.problem(path, ProblemKind::NotWholeNumber { number: Some(n.to_string()), found: JsonType::Number });
                    None
                }
            },
            other => {
                self.problem(path, ProblemKind::NotWholeNumber { number: None, found: JsonType::of(other) });
                None
            }
        }
    }

    /// A list of strings; a single string is read as a list of one.
    fn strings(&mut self, v: &Value, path: &str) -> Option<Vec<String>> {
        match v {
            Value::String(s) => Some(vec![s.clone()]),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    match self.string(item, &format!("{path}[{i}]")) {
                        Some(s) => out.push(s),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            other => {
                self.problem(path, ProblemKind::NotAListOfTexts { found: JsonType::of(other) });
                None
            }
        }
    }

    fn language(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        let code = s.trim().to_ascii_lowercase();
        if is_language_code(&code) {
            Some(code)
        } else {
            self.problem(path, ProblemKind::NotALanguageCode { written: s.clone() });
            None
        }
    }

    fn settings(&mut self, v: &Value) -> Settings {
        let mut s = Settings::default();
        let Some(m) = self.object(v, "$") else {
            return s;
        };
        self.unknown_keys(m, "$", &KEYS);
        if let Some(v) = m.get("version") {
            if let Some(n) = self.count(v, "$.version") {
                match n {
                    0 => self.problem("$.version", ProblemKind::VersionZero),
                    n if n > CURRENT_VERSION => self.problem("$.version", ProblemKind::NewerVersion { version: n }),
                    _ => {}
                }
            }
        }
        // Version 1 is the first format: there is nothing older to migrate from yet. When a
        // version 2 comes, its reader converts version-1 keys here, before the checks below.
        s.version = CURRENT_VERSION;
        if let Some(v) = m.get("me") {
            if let Some(me) = self.object(v, "$.me") {
                self.unknown_keys(me, "$.me", &["name", "email", "link"]);
                for (key, slot) in [("name", &mut s.me.name), ("email", &mut s.me.email), ("link", &mut s.me.link)] {
                    if let Some(x) = me.get(key).and_then(|x| self.string(x, &key_path("$.me", key))) {
                        *slot = x.trim().to_owned();
                    }
                }
                if !email_usable(&s.me.email) {
                    self.problem("$.me.email", ProblemKind::NotAnEmail { written: s.me.email.clone() });
                    s.me.email.clear();
                }
                if !link_usable(&s.me.link) {
                    self.problem("$.me.link", ProblemKind::NotALink { written: s.me.link.clone() });
                    s.me.link.clear();
                }
            }
        }
        if let Some(v) = m.get("known") {
            if let Some(k) = self.object(v, "$.known") {
                self.unknown_keys(k, "$.known", &["people", "companies", "schools"]);
                for (key, slot) in [("people", &mut s.known.people), ("companies", &mut s.known.companies), ("schools", &mut s.known.schools)] {
                    if let Some(x) = k.get(key).and_then(|x| self.strings(x, &key_path("$.known", key))) {
                        *slot = x.into_iter().filter(|e| !e.trim().is_empty()).collect();
                    }
                }
            }
        }
        if let Some(n) = m.get("mutual_threshold").and_then(|v| self.count(v, "$.mutual_threshold")) {
            s.mutual_threshold = n;
        }
        if let Some(l) = m.get("language").and_then(|v| self.language(v, "$.language")) {
            s.language = l;
        }
        if let Some(v) = m.get("variant") {
            match v.as_str() {
                Some("short") => s.variant = Variant::Short,
                Some("long") => s.variant = Variant::Long,
                // `to_string`, not `{v}`: `Value`'s Display would link serde_json's pretty printer too.
                _ => self.problem("$.variant", ProblemKind::NotAVariant { found: serde_json::to_string(v).unwrap_or_default() }),
            }
        }
        if let Some(x) = m.get("sign_off").and_then(|v| self.string(v, "$.sign_off")) {
            match check_template(&x, "$.sign_off") {
                Ok(()) => s.sign_off = x,
                Err(p) => self.problems.push(p),
            }
        }
        if let Some(v) = m.get("templates") {
            s.templates = self.templates(v);
        }
        if let Some(v) = m.get("rules") {
            match v {
                Value::Array(items) => {
                    if items.len() > RULES_LIMIT {
                        self.problem("$.rules", ProblemKind::TooManyRules { count: items.len() });
                    }
                    for (i, item) in items.iter().take(RULES_LIMIT).enumerate() {
                        if let Some(rule) = self.rule(item, &format!("$.rules[{i}]"), &s) {
                            s.rules.push(rule);
                        }
                    }
                }
                other => self.problem("$.rules", ProblemKind::NotAListOfRules { found: JsonType::of(other) }),
            }
        }
        let available = |lang: &str| crate::decide::default_languages().contains(&lang) || s.templates.values().any(|t| t.contains_key(lang));
        if !available(&s.language) {
            let l = s.language.clone();
            self.problem("$.language", ProblemKind::NoTemplatesInLanguage { language: l, built_in: crate::decide::default_languages().to_vec() });
            s.language = "en".into();
        }
        s
    }

    fn templates(&mut self, v: &Value) -> Keyed<Keyed<Sources>> {
        let mut out = Keyed::default();
        let Some(m) = self.object(v, "$.templates") else {
            return out;
        };
        for (id, langs) in m {
            let path = key_path("$.templates", id);
            if id.trim().is_empty() || id.len() > 64 || id.chars().any(|c| c.is_whitespace() || c == '.') {
                self.problem(&path, ProblemKind::BadTemplateId);
                continue;
            }
            let Some(langs) = self.object(langs, &path) else {
                continue;
            };
            let mut by_lang = Keyed::default();
            for (lang, sources) in langs {
                let lpath = key_path(&path, lang);
                if !is_language_code(lang) {
                    self.problem(&lpath, ProblemKind::NotALanguageCode { written: lang.clone() });
                    continue;
                }
                let mut got = Sources::default();
                match sources {
                    Value::String(src) => {
                        if self.template_ok(src, &lpath) {
                            got = Sources { short: Some(src.clone()), long: Some(src.clone()) };
                        }
                    }
                    Value::Object(vm) => {
                        self.unknown_keys(vm, &lpath, &["short", "long"]);
                        for (key, slot) in [("short", &mut got.short), ("long", &mut got.long)] {
                            let kpath = key_path(&lpath, key);
                            if let Some(src) = vm.get(key).and_then(|x| self.string(x, &kpath)) {
                                if self.template_ok(&src, &kpath) {
                                    *slot = Some(src);
                                }
                            }
                        }
                    }
                    other => self.problem(&lpath, ProblemKind::NotATemplate { found: JsonType::of(other) }),
                }
                if got.short.is_some() || got.long.is_some() {
                    by_lang.insert(lang.clone(), got);
                }
            }
            if !by_lang.is_empty() {
                out.insert(id.clone(), by_lang);
            }
        }
        out
    }

    fn template_ok(&mut self, source: &str, path: &str) -> bool {
        match check_template(source, path) {
            Ok(()) => true,
            Err(p) => {
                self.problems.push(p);
                false
            }
        }
    }

    /// One rule. A rule with any problem is left out whole: half a rule could match far more
    /// than its author meant.
    fn rule(&mut self, v: &Value, path: &str, s: &Settings) -> Option<Rule> {
        let before = self.problems.len();
        let Some(m) = self.object(v, path) else {
            // Said as any other rule's problems are: a list (the CLI's, the stored settings') said
            // nothing of what became of it.
            self.problem(path, ProblemKind::RuleLeftOut { name: String::new() });
            return None;
        };
        self.unknown_keys(m, path, &["name", "enabled", "when", "then"]);
        let mut rule = Rule::default();
        if let Some(n) = m.get("name").and_then(|x| self.string(x, &key_path(path, "name"))) {
            rule.name = n;
        }
        if let Some(e) = m.get("enabled").and_then(|x| self.boolean(x, &key_path(path, "enabled"))) {
            rule.enabled = e;
        }
        if let Some(w) = m.get("when") {
            rule.when = self.when(w, &key_path(path, "when"));
        }
        match m.get("then") {
            Some(t) => rule.then = self.then(t, &key_path(path, "then"), s),
            None => self.problem(path, ProblemKind::RuleWithoutThen),
        }
        if self.problems.len() > before {
            self.problem(path, ProblemKind::RuleLeftOut { name: rule.name.clone() });
            return None;
        }
        Some(rule)
    }

    fn when(&mut self, v: &Value, path: &str) -> When {
        let mut w = When::default();
        let Some(m) = self.object(v, path) else {
            return w;
        };
        self.unknown_keys(m, path, &["category", "note", "mutual_at_least", "mutual_below", "keywords", "in", "name", "company", "language"]);
        if let Some(c) = m.get("category") {
            let p = key_path(path, "category");
            if let Some(names) = self.strings(c, &p) {
                for n in names {
                    match category_from(&n) {
                        Some(c) => w.category.push(c),
                        None => self.problem(&p, ProblemKind::NotACategory { written: n.clone() }),
                    }
                }
            }
        }
        if let Some(b) = m.get("note").and_then(|x| self.boolean(x, &key_path(path, "note"))) {
            w.note = Some(b);
        }
        if let Some(n) = m.get("mutual_at_least").and_then(|x| self.count(x, &key_path(path, "mutual_at_least"))) {
            w.mutual_at_least = Some(n);
        }
        if let Some(n) = m.get("mutual_below").and_then(|x| self.count(x, &key_path(path, "mutual_below"))) {
            w.mutual_below = Some(n);
        }
        for (key, slot) in [("keywords", &mut w.keywords), ("name", &mut w.name), ("company", &mut w.company)] {
            if let Some(list) = m.get(key).and_then(|x| self.strings(x, &key_path(path, key))) {
                let list: Vec<String> = list.into_iter().filter(|e| !e.trim().is_empty()).collect();
                *slot = list;
            }
        }
        if let Some(f) = m.get("in") {
            match f.as_str() {
                Some("headline") => w.field = Field::Headline,
                Some("note") => w.field = Field::Note,
                Some("any") => w.field = Field::Any,
                _ => self.problem(&key_path(path, "in"), ProblemKind::NotAField { found: serde_json::to_string(f).unwrap_or_default() }),
            }
        }
        if let Some(l) = m.get("language").and_then(|x| self.language(x, &key_path(path, "language"))) {
            w.language = Some(l);
        }
        w
    }

    fn then(&mut self, v: &Value, path: &str, s: &Settings) -> Then {
        let mut t = Then::default();
        let Some(m) = self.object(v, path) else {
            return t;
        };
        self.unknown_keys(m, path, &["action", "template", "category", "variant"]);
        if let Some(a) = m.get("action").and_then(|x| self.string(x, &key_path(path, "action"))) {
            match action_from(&a) {
                Some(a) => t.action = Some(a),
                None => self.problem(&key_path(path, "action"), ProblemKind::NotAnAction { written: a.clone() }),
            }
        }
        if let Some(c) = m.get("category").and_then(|x| self.string(x, &key_path(path, "category"))) {
            match category_from(&c) {
                Some(c) => t.category = Some(c),
                None => self.problem(&key_path(path, "category"), ProblemKind::NotACategory { written: c.clone() }),
            }
        }
        if let Some(id) = m.get("template").and_then(|x| self.string(x, &key_path(path, "template"))) {
            if s.has_template(&id) {
                t.template = Some(id);
            } else {
                let mut ids: Vec<&str> = crate::decide::default_template_ids().to_vec();
                ids.extend(s.templates.keys().map(String::as_str));
                self.problem(&key_path(path, "template"), ProblemKind::NoSuchTemplate { id: id.clone(), ids: ids.iter().map(|s| (*s).to_owned()).collect() });
            }
        }
        if let Some(v) = m.get("variant") {
            match v.as_str() {
                Some("short") => t.variant = Some(Variant::Short),
                Some("long") => t.variant = Some(Variant::Long),
                _ => self.problem(&key_path(path, "variant"), ProblemKind::NotAVariant { found: serde_json::to_string(v).unwrap_or_default() }),
            }
        }
        if t.action.is_none() && t.template.is_none() && t.category.is_none() && t.variant.is_none() && m.is_empty() {
            self.problem(path, ProblemKind::EmptyThen);
        }
        t
    }
}

/// Whether an email address is used in replies: empty (nothing to offer), or a name, an `@` and a
/// domain with a dot inside it, no spaces; any other ("pawhy", "pat@gmail" with its ".com"
/// forgotten, "pat @example.com") is a problem, and replies leave it out (the preview too).
pub fn email_usable(email: &str) -> bool {
    email.is_empty()
        || !email.contains(char::is_whitespace)
            && email.rsplit_once('@').is_some_and(|(name, host)| !name.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.'))
}

/// Whether a link is used in replies: empty, or a web address: `https://` or `http://` and a
/// host, or a bare host with a dot ("example.com/why", which LinkedIn turns into a link too).
/// Anything else ("javascript:…", "mailto:…", "example com", "https//x") is a problem, and
/// replies leave it out. A shape check, not a parser: the `url` crate's IDNA tables would
/// cost the module more than the whole settings reader, to answer a question this small.
pub fn link_usable(link: &str) -> bool {
    if link.is_empty() {
        return true;
    }
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let (rest, scheme) = match link.at("://") {
        Some(i) if link[..i].eq_ignore_ascii_case("https") || link[..i].eq_ignore_ascii_case("http") => (&link[i + 3..], true),
        Some(_) => return false,
        None => (link, false),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // "user@host" only after a scheme: without one, "mailto:pat@example.com" is no web address.
    let host = if scheme { host.rsplit('@').next().unwrap_or_default() } else { host };
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        Some(_) => return false,
        None => host,
    };
    let labels_ok = host.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    labels_ok && (host.contains('.') || host.eq_ignore_ascii_case("localhost"))
}

fn category_from(s: &str) -> Option<Category> {
    crate::from_name(s.trim(), Category::NAMES, &Category::ALL)
}

fn action_from(s: &str) -> Option<Action> {
    crate::from_name(s.trim(), Action::NAMES, &Action::ALL)
}

/// The JSON path of `key` in the object at `path`: "$.rules[0]" and "then" give "$.rules[0].then".
fn key_path(path: &str, key: &str) -> String {
    [path, ".", key].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Keyed` behaves as the `BTreeMap<String, V>` it replaced: the same order (bytewise, as
    /// JSON writes it), a key given twice keeps its last value, `remove`, `or_default` and `get`
    /// alike. The settings' own tests compare two writers of a `Keyed`, which an unsorted insert
    /// would pass.
    #[test]
    fn keyed_is_a_btree_map_by_another_name() {
        let keys = ["fr", "en", "Zz", "é", "de", "", "en", "a b", "de-CH", "fr", "😀", "Ä"];
        let (mut keyed, mut tree) = (Keyed::default(), std::collections::BTreeMap::new());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(keyed.insert((*k).to_owned(), i), tree.insert((*k).to_owned(), i), "{k}");
        }
        for k in ["de", "nope", ""] {
            assert_eq!(keyed.remove(k), tree.remove(k), "{k}");
        }
        *keyed.or_default("ja".into()) += 5;
        *tree.entry("ja".into()).or_default() += 5;
        *keyed.or_default("fr".into()) += 5;
        *tree.entry("fr".into()).or_default() += 5;
        assert_eq!(serde_json::to_string(&keyed).expect("writes"), serde_json::to_string(&tree).expect("writes"));
        assert_eq!(keyed.len(), tree.len());
        for k in keys {
            assert_eq!((keyed.get(k), keyed.contains_key(k)), (tree.get(k), tree.contains_key(k)), "{k}");
        }
        let json = r#"{"b":1,"a":2,"b":3}"#;
        let back: Keyed<u32> = serde_json::from_str(json).expect("reads");
        let tree: std::collections::BTreeMap<String, u32> = serde_json::from_str(json).expect("reads");
        assert_eq!(serde_json::to_string(&back).expect("writes"), serde_json::to_string(&tree).expect("writes"));
    }

    /// The settings written by hand are the derived writer's bytes: the defaults, every settings
    /// file the tests hold, and settings with every optional field both ways, template ids and
    /// values JSON must escape.
    #[test]
    fn settings_are_written_as_their_derived_writer_writes_them() {
        let same = |s: &Settings| assert_eq!(s.to_compact_json(), serde_json::to_string(s).expect("serializes"));
        same(&Settings::default());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = 0;
        for dir in ["crates/core/tests/corpus", "tests/fixtures/panel"] {
            for e in std::fs::read_dir(root.join(dir)).expect("a directory") {
                let path = e.expect("an entry").path();
                if path.to_string_lossy().contains("settings") {
                    let text = std::fs::read_to_string(&path).expect("reads");
                    same(&Settings::from_json(&text).0);
                    files += 1;
                }
            }
        }
        assert!(files >= 8, "{files} settings files");
        let odd = "\"q\" \\ \n\t\u{1}\u{1f} é \u{2028} 😀";
        let when = When {
            category: vec![Category::NotAPerson, Category::Known],
            note: Some(false),
            mutual_at_least: Some(0),
            mutual_below: Some(u32::MAX),
            keywords: vec![odd.into(), String::new()],
            field: Field::Headline,
            name: vec![odd.into()],
            company: vec!["Acme".into()],
            language: Some(odd.into()),
        };
        let then = Then { action: Some(Action::Report), template: Some(odd.into()), category: Some(Category::Spam), variant: Some(Variant::Short) };
        let mut templates = Keyed::default();
        let sources = |short: Option<&str>, long: Option<&str>| Sources { short: short.map(str::to_owned), long: long.map(str::to_owned) };
        let mut languages = Keyed::default();
        languages.insert("en".to_owned(), sources(Some(odd), None));
        languages.insert(odd.to_owned(), sources(None, Some("x")));
        languages.insert("fr".to_owned(), sources(Some(""), Some(odd)));
        languages.insert("de".to_owned(), sources(None, None));
        templates.insert(odd.to_owned(), languages);
        templates.insert("empty".to_owned(), Keyed::default());
        let full = Settings {
            version: 7,
            me: Me { name: odd.into(), email: "a@b".into(), link: odd.into() },
            known: Known { people: vec![odd.into(), "Sam".into()], companies: vec![], schools: vec![odd.into()] },
            mutual_threshold: 0,
            language: odd.into(),
            variant: Variant::Short,
            sign_off: odd.into(),
            rules: vec![
                Rule::default(),
                Rule { name: odd.into(), enabled: false, when, then },
                Rule { when: When { field: Field::Note, note: Some(true), ..When::default() }, ..Rule::default() },
            ],
            templates,
            ..Settings::default()
        };
        same(&full);
    }

    #[test]
    fn links_are_web_addresses() {
        for ok in [
            "",
            "https://example.com/why",
            "http://pat.dev",
            "HTTPS://Example.com:8443/a?b#c",
            "example.com/why",
            "pat.dev",
            "münchen.de/über",
            "http://localhost:8080/x",
        ] {
            assert!(link_usable(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "mailto:pat@example.com",
            "data:text/html,x",
            "example com",
            "https//example.com",
            "https://",
            "ftp://example.com",
            "why",
            "https://exa mple.com",
            "https://example..com",
            "example.com:http",
        ] {
            assert!(!link_usable(bad), "{bad}");
        }
        let (s, problems) = Settings::from_json(r#"{"me": {"name": "Pat", "link": "javascript:alert(1)"}}"#);
        assert_eq!(s.me.link, "");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "$.me.link");
        assert!(problems[0].say(Ui::En).contains("doesn't look like a web address"), "{}", problems[0].say(Ui::En));
    }

    /// Every problem is worded in German and French of its own; the CLI keeps the path and English.
    #[test]
    fn problems_in_every_interface_language() {
        let json = r#"{"version": 0, "me": {"email": "nope", "link": "nope", "x": 1}, "known": {"people": 3}, "mutual_threshold": -2, "language": "xx", "variant": "tiny",
            "sign_off": "Bye {frist_name}", "templates": {"a b": {}, "t": {"english": "x", "en": 5}},
            "rules": [{"when": {"in": "body", "category": "nope"}, "then": {"action": "shout", "template": "none"}}, {"name": "R", "when": {"note": "yes"}}, {"then": {}}]}"#;
        let (_, problems) = Settings::from_json(json);
        assert!(problems.len() >= 15, "{problems:#?}");
        for p in &problems {
            let en = p.say(Ui::En);
            assert!(p.to_string().starts_with(&format!("{}: ", p.path)), "{p}");
            for ui in [Ui::De, Ui::Fr] {
                let said = p.say(ui);
                assert_ne!(said, en, "{ui:?}: {p:?}");
                assert!(!said.contains("expected") && !said.contains("found") && !said.contains("column"), "{ui:?}: {said}");
            }
        }
        // The known keys listed as such: no elision ("l'une d'action, template" was written), and
        // none of "erwartet: einer von …" / "l'une de : …", which read as a broken sentence.
        let (_, unknown) = Settings::from_json(r#"{"rules": [{"then": {"act": "reply"}}]}"#);
        let unknown = |ui| unknown.iter().find(|p| p.path == "$.rules[0].then.act").map(|p| p.say(ui));
        assert_eq!(unknown(Ui::Fr).as_deref(), Some("clé inconnue (clés connues\u{a0}: action, template, category, variant)"));
        assert_eq!(unknown(Ui::De).as_deref(), Some("unbekannter Schlüssel (bekannt sind: action, template, category, variant)"));
        // "gefunden wurde" takes the nominative: "einen Text" was written.
        let (_, text) = Settings::from_json(r#"{"mutual_threshold": "ten"}"#);
        assert_eq!(text[0].say(Ui::De), "Erwartet war eine ganze Zahl, gefunden wurde ein Text");
        let (_, broken) = Settings::from_json("{");
        assert_eq!(broken[0].say(Ui::De), "kein gültiges JSON, denn der Text endet zu früh (Zeile 1, Spalte 1)");
        assert_eq!(broken[0].to_string(), "$: not valid JSON: the text ends too early (line 1, column 1)");
    }

    /// German starts a whole sentence after a colon with a capital, and the options page writes
    /// each problem after one ("Regel 1: …"): "Regel 1: eine Regel braucht „then“", "Vorlagen:
    /// erwartet war …", "kein gültiges JSON: der Text endet zu früh" (picky tour, 1 Dec 2026).
    /// Phrases stay lower case ("unbekannter Schlüssel …", "keine Vorlage …").
    #[test]
    fn german_sentences_start_with_a_capital() {
        use ProblemKind as P;
        let sentences = [
            P::NotAnObject { found: JsonType::Number },
            P::NotText { found: JsonType::Number },
            P::NotTrueOrFalse { found: JsonType::Number },
            P::Negative { number: "-1".into() },
            P::NotWholeNumber { number: Some("1.5".into()), found: JsonType::Number },
            P::NotAListOfTexts { found: JsonType::Number },
            P::NotAVariant { found: "1".into() },
            P::NotAListOfRules { found: JsonType::Number },
            P::BadTemplateId,
            P::NotATemplate { found: JsonType::Number },
            P::RuleWithoutThen,
            P::RuleLeftOut { name: String::new() },
            P::RuleLeftOut { name: "x".into() },
            P::NotAField { found: "1".into() },
            P::EmptyThen,
        ];
        for p in sentences {
            let said = p.say(Ui::De);
            assert!(said.starts_with(char::is_uppercase), "{said}");
        }
        assert!(P::EmptyThen.say(Ui::De).contains(": Wählen Sie"));
        assert_eq!(P::NotJson { error: JsonError::Syntax }.say(Ui::De), "kein gültiges JSON, denn ein Zeichen steht an der falschen Stelle");
    }

    /// 10,000 rules (an 880 KB file) froze the options page for 84 s as it built their editors:
    /// more than [`RULES_LIMIT`] are a problem (said), and reading uses the first.
    #[test]
    fn more_rules_than_the_limit_are_a_problem_and_the_first_are_kept() {
        let rule = |i: usize| format!(r#"{{"name": "r{i}", "when": {{"keywords": ["k{i}"]}}, "then": {{"action": "reply"}}}}"#);
        let file = |n: usize| format!(r#"{{"rules": [{}]}}"#, (0..n).map(rule).collect::<Vec<_>>().join(","));
        let (s, problems) = Settings::from_json(&file(RULES_LIMIT));
        assert_eq!((s.rules.len(), problems), (RULES_LIMIT, vec![]));
        let (s, problems) = Settings::from_json(&file(10_000));
        assert_eq!(s.rules.len(), RULES_LIMIT);
        assert_eq!(s.rules.last().map(|r| r.name.as_str()), Some("r99"));
        assert_eq!(problems.len(), 1);
        // The rest are kept by a save (storage::keep_unknown), which the note says where read.
        assert_eq!(problems[0].to_string(), "$.rules: 10000 rules, more than the 100 NotYet uses; the first 100 are used, the others kept but not used");
        assert_eq!(problems[0].said(Ui::En, false), "10000 rules, more than the 100 NotYet uses");
        assert_eq!(problems[0].said(Ui::De, false), "10000 Regeln, mehr als die 100, die NotYet verwendet");
        assert_eq!(
            problems[0].said(Ui::Fr, true),
            "10000 règles, plus que les 100 que NotYet utilise\u{a0}; les 100 premières sont utilisées, les autres gardées sans être utilisées"
        );
    }

    /// What reading does about a problem is said where the file is read, and left out where
    /// nothing is (a refused import listed "using \"en\"" under "Nothing was changed").
    #[test]
    fn what_reading_does_is_said_only_where_the_file_is_read() {
        let (_, problems) =
            Settings::from_json(r#"{"version": 0, "me": {"email": "pat@", "link": "x"}, "language": "xx", "rules": [{"then": {"action": "shout"}}]}"#);
        let said = |read| problems.iter().filter(|p| read || !p.kind.only_when_read()).map(|p| p.said(Ui::En, read)).collect::<Vec<_>>();
        assert_eq!(
            said(false),
            [
                "versions start at 1",
                "\"pat@\" doesn't look like an email address",
                "\"x\" doesn't look like a web address (https://…)",
                "\"shout\" is not an action (one of: accept, reply, ignore, report)",
                "no templates in \"xx\" (built in: en, de, fr, es, or add your own)",
            ]
        );
        let read = said(true);
        assert_eq!(read[0], "versions start at 1; read as version 1");
        assert_eq!(read[1], "\"pat@\" doesn't look like an email address; replies leave it out");
        assert_eq!(read[4], "rule is left out until the problems above are fixed");
        assert_eq!(read[5], "no templates in \"xx\" (built in: en, de, fr, es, or add your own); using \"en\"");
        let newer = &Settings::from_json(r#"{"version": 9}"#).1[0];
        assert_eq!(
            newer.said(Ui::De, true),
            "von einem neueren NotYet geschrieben (Version 9); als Version 1 gelesen, neuere Teile werden daher gemeldet oder übergangen"
        );
        assert_eq!(newer.said(Ui::Fr, false), "écrit par un NotYet plus récent (version 9)");
        assert_eq!(problems[1].said(Ui::Fr, false), "«\u{a0}pat@\u{a0}» ne ressemble pas à une adresse e-mail");
        // A ';' the user wrote is theirs, not where a wording's reading part starts.
        let (_, semi) = Settings::from_json(r#"{"me": {"email": "a;b"}}"#);
        assert_eq!(semi[0].said(Ui::En, false), "\"a;b\" doesn't look like an email address");
    }

    /// A new rule on the options page has an empty `then` until the user picks something; the
    /// page says so without the file's key names ("then" was on the page, in English, in German).
    #[test]
    fn a_rule_that_does_nothing_is_said_in_the_users_words() {
        let (_, problems) = Settings::from_json(r#"{"rules": [{"name": "New rule", "then": {}}]}"#);
        let p = problems.iter().find(|p| p.path == "$.rules[0].then").expect("a problem at the rule's then");
        assert_eq!(p.say(Ui::En), "the rule doesn't say what to do: choose an action, a length, a template or a category");
        for ui in [Ui::En, Ui::De, Ui::Fr] {
            assert!(!p.say(ui).contains("then"), "{ui:?}: {}", p.say(ui));
        }
    }

    fn paths(json: &str) -> Vec<String> {
        Settings::from_json(json).1.into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn partial_files_take_defaults() {
        let (s, p) = Settings::from_json(r#"{"me": {"email": "pat@example.com"}}"#);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(s.me.email, "pat@example.com");
        assert_eq!(s.mutual_threshold, 10);
        assert_eq!(s.language, "en");
    }

    #[test]
    fn every_problem_has_its_path_and_the_rest_survives() {
        let json = r#"{"me": {"name": 3, "email": "pat@example.com", "nick": "p"}, "mutual_threshold": -2, "language": "english",
            "colour": "red", "known": {"people": ["Jane Doe", 4]},
            "rules": [{"name": "r", "when": {"category": "recruiterz"}, "then": {"action": "reply"}},
                      {"name": "ok", "when": {"keywords": "rust"}, "then": {"template": "nope"}},
                      {"name": "fine", "when": {"mutual_at_least": 3}, "then": {"action": "accept"}}]}"#;
        let (s, problems) = Settings::from_json(json);
        let ps: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        for want in [
            "$.me.name",
            "$.me.nick",
            "$.mutual_threshold",
            "$.language",
            "$.colour",
            "$.known.people[1]",
            "$.rules[0].when.category",
            "$.rules[1].then.template",
        ] {
            assert!(ps.contains(&want), "{want} missing from {ps:?}");
        }
        assert_eq!(s.me.email, "pat@example.com");
        assert_eq!(s.mutual_threshold, 10);
        assert_eq!(s.rules.len(), 1);
        assert_eq!(s.rules[0].name, "fine");
    }

    /// serde_json files its nesting limit and a number past f64 as syntax errors: they were said
    /// "a character is out of place". A key written twice lost its first value without a word.
    #[test]
    fn deep_nesting_large_numbers_and_duplicate_keys_are_said_as_such() {
        let said = |json: &str| {
            let (s, p) = Settings::from_json(json);
            assert_eq!((s, p.len(), p[0].path.as_str()), (Settings::default(), 1, "$"), "{json}");
            let p = &p[0];
            [Ui::En, Ui::De, Ui::Fr].map(|ui| p.say(ui)).join(" | ")
        };
        let deep = format!(r#"{{"me": {}1{}}}"#, "[".repeat(200), "]".repeat(200));
        assert_eq!(
            said(&deep),
            "not valid JSON: the text nests more than 128 levels deep (line 1, column 134) | kein gültiges JSON, denn der Text ist mehr als 128 Ebenen tief \
             verschachtelt (Zeile 1, Spalte 134) | JSON non valide\u{a0}: le texte s'imbrique sur plus de 128 niveaux (ligne 1, colonne 134)"
        );
        // Brackets in a text are text, not nesting: the same error past a text of 200 `[`.
        assert!(
            said(&format!(r#"{{"me": "{}", "x": {}1{}}}"#, "[".repeat(200), "[".repeat(200), "]".repeat(200))).starts_with("not valid JSON: the text nests")
        );
        for big in ["1e999", "-1E+400", "1.5e309", &"9".repeat(400)] {
            let json = format!("{{\n  \"mutual_threshold\": {big}\n}}");
            let column = 23 + big.len() - 1;
            assert_eq!(
                said(&json),
                format!("not valid JSON: a number is too large (line 2, column {column}) | kein gültiges JSON, denn eine Zahl ist zu groß (Zeile 2, Spalte {column}) | JSON non valide\u{a0}: un nombre est trop grand (ligne 2, colonne {column})"),
                "{big}"
            );
        }
        // Syntax errors at a digit stay what they are: a leading zero, two numbers in a row.
        for (json, column) in [(r#"{"mutual_threshold": 01}"#, 23), ("[1 2]", 4), ("[12 3e5]", 5), (r#"{"a" [1]}"#, 6)] {
            assert_eq!(
                said(json),
                format!("not valid JSON: a character is out of place (line 1, column {column})") + &said(json)[said(json).find(" | ").unwrap_or(0)..],
                "{json}"
            );
        }
        assert_eq!(
            said("{\"me\": {\"name\": \"Pat\"},\n \"language\": \"de\",\n \"me\": {\"email\": \"pat@example.com\"}}"),
            "the key \"me\" comes twice in one object (line 3, column 2) | der Schlüssel „me“ steht zweimal im selben Objekt (Zeile 3, Spalte 2) | la clé \
             «\u{a0}me\u{a0}» figure deux fois dans le même objet (ligne 3, colonne 2)"
        );
        // In a nested object, one of three, and with escapes and brackets inside the texts.
        assert!(said(r#"{"rules": [{"name": "a\"}[", "when": {"note": "x", "note": "y"}}]}"#).starts_with("the key \"note\" comes twice"));
        assert!(said(r#"{"templates": {"t": {"en": "a", "de": "b", "en": "c", "en": "d"}}}"#).contains("\"en\" comes twice in one object (line 1, column 44)"));
        // The same key in two objects, or as a value, is no duplicate.
        let (_, p) = Settings::from_json(r#"{"me": {"name": "me"}, "known": {"people": ["me", "me"]}, "templates": {"me": {"en": "x"}}}"#);
        assert!(p.iter().all(|p| !matches!(p.kind, ProblemKind::DuplicateKey { .. })), "{p:?}");
    }

    #[test]
    fn broken_json_and_wrong_root_fall_back() {
        assert_eq!(paths("{"), vec!["$"]);
        assert_eq!(paths("[]"), vec!["$"]);
        // Found by fuzzing (settings_parse): what is reported must not be kept, or it is reported again.
        let (s, p) = Settings::from_json(r#"{"me": {"email": "pawhy"}}"#);
        assert_eq!((s.me.email.as_str(), p.len()), ("", 1));
        for ok in ["", "pat@example.com", "p.a+t@mail.example.co.uk"] {
            assert!(email_usable(ok), "{ok}");
        }
        for bad in ["pawhy", "pat@gmail", "@example.com", "pat@", "pat @example.com", "pat@.com", "pat@example.", "pat@example..com."] {
            assert!(!email_usable(bad), "{bad}");
        }
        assert_eq!(Settings::from_json("").0, Settings::default());
    }

    #[test]
    fn what_it_writes_reads_back() {
        let json = r#"{"me": {"name": "Pat"}, "variant": "short", "sign_off": "Best,\n{me.name}",
            "templates": {"mine": {"en": "Hi {first_name|there}!", "de": {"short": "Hallo {name}"}}},
            "rules": [{"name": "x", "when": {"category": ["recruiter", "sales"], "in": "headline", "keywords": ["rust"]}, "then": {"action": "reply", "template": "mine"}}]}"#;
        let (s, p) = Settings::from_json(json);
        assert!(p.is_empty(), "{p:?}");
        let (again, p2) = Settings::from_json(&s.to_json());
        assert!(p2.is_empty(), "{p2:?}");
        assert_eq!(again, s);
    }
}
