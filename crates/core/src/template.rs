//! The reply template language: a few placeholders and droppable sentences, nothing more.
//!
//! Hand-written rather than a template crate: minijinja alone adds about 430 KB of WASM
//! (measured), more than the whole 350 KB budget, and this language needs a page of code.
//!
//! # Syntax
//!
//! | write                   | means                                                              |
//! |-------------------------|--------------------------------------------------------------------|
//! | `{first_name}`          | the value; empty if unknown (the space before it is tidied away)   |
//! | `{first_name\|there}`   | the value, or the text after `\|` when the value is empty          |
//! | `[ ... ]`               | an optional part: dropped whole when a value inside it is empty    |
//! | `{Thanks!\|Thank you.}` | one of the texts, the same for the same inviter (see below)       |
//! | `{{` `}}` `[[` `]]`     | a literal `{` `}` `[` `]`                                          |
//!
//! Variables: `first_name`, `name`, `headline`, `company`, `mutual`, `note`, `note_topic`,
//! `me.name`, `me.email`, `me.link` (see [`Var`]). Names are forgiving about case and spaces
//! (`{First Name}` is `{first_name}`). An unknown variable is a parse error, so a template that
//! parses never prints a bare placeholder; [`Template::variables`] lists what one uses.
//!
//! ```text
//! Hi {first_name},
//!
//! Thank you for the invitation.[ You can write to me at {me.email}.]
//!
//! [Best,
//! {me.name}]
//! ```
//! With no email and no name set this renders `Hi Kathie,\n\nThank you for the invitation.`;
//! with no first name either, `Hi,\n\nThank you for the invitation.`
//!
//! A choice is written as a fallback is, with no placeholder's name first: each text between
//! `|`s, trimmed, on one line. Which one a reply takes follows the inviter's name
//! ([`Values::seed`]), so a second click drafts the same text, and ten replies a day don't all
//! end alike: the built-in short replies end with one of three wordings of the same boundary
//! (one closing sent ten times a day read as a form letter). A first text close to a
//! placeholder's name (`{frist_name|there}`), or written as one (`{company_name|your company}`,
//! `{me.title|}`), is still the unknown placeholder it was.
//!
//! A value with a fallback never empties its optional part: `[Hello {first_name|there}!]` is
//! always kept. Optional parts do not nest; a variable-free `[...]` is simply kept as its text.
//! Doubled brackets are read first, also inside a part: `[see {me.link}]]]` ends with a literal
//! `]` and then closes the part.
//!
//! # Rendering
//!
//! Values go in literally and are never parsed again: a note containing `{me.email}`, `[x]` or
//! `<b>` stays that text. Values are trimmed; a value that is only white space counts as empty.
//! Where a value or an optional part drops out, the white space around the gap is tidied: no
//! double spaces, no space before `,` `.` `;` `:` `!` `?`, at most one empty line, nothing
//! dangling at the start or end. Apart from that white space, the template's text and the
//! values are kept exactly as written.
//!
//! Parse once, render many times: parsing builds a small list of nodes, and rendering one
//! default template takes well under a microsecond.

use std::fmt;

use crate::words::{at_line, fill, Say, Ui};
use crate::{email_usable, link_usable, names, Invitation, Me};

pub use crate::templates::{default_source, default_template, default_templates, parsed_default, template_languages, Variant};

/// A value a template can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Var {
    /// How to greet the inviter (`Kathie`), from the page or derived from the name.
    FirstName,
    /// The inviter's name cleaned for a greeting (`Kathie Smith`, no titles or emoji).
    Name,
    Headline,
    /// The company from the headline ("Engineer at Acme" → `Acme`), when it says one.
    Company,
    /// The number of shared connections when there are several; empty for none, one or
    /// unknown, so that "{mutual} connections" always reads right.
    Mutual,
    /// The whole personal note.
    Note,
    /// What the note is about, when it says so briefly ("your post about *networking*").
    NoteTopic,
    MeName,
    MeEmail,
    MeLink,
}

impl Var {
    /// Every variable, in the order the options page lists them.
    pub const ALL: [Var; 10] =
        [Var::FirstName, Var::Name, Var::Headline, Var::Company, Var::Mutual, Var::Note, Var::NoteTopic, Var::MeName, Var::MeEmail, Var::MeLink];

    /// The name written between braces.
    pub fn name(self) -> &'static str {
        match self {
            Var::FirstName => "first_name",
            Var::Name => "name",
            Var::Headline => "headline",
            Var::Company => "company",
            Var::Mutual => "mutual",
            Var::Note => "note",
            Var::NoteTopic => "note_topic",
            Var::MeName => "me.name",
            Var::MeEmail => "me.email",
            Var::MeLink => "me.link",
        }
    }

    /// Reads a variable name the way a person might type it: `First Name`, `first-name`, ` me.email `.
    pub fn from_name(written: &str) -> Option<Var> {
        let key: String = written.trim().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() }).collect();
        Var::ALL.into_iter().find(|v| v.name() == key)
    }
}

impl fmt::Display for Var {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The values a template is rendered with. Empty strings are "unknown".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    pub first_name: String,
    pub name: String,
    pub headline: String,
    pub company: String,
    pub mutual: String,
    pub note: String,
    pub note_topic: String,
    pub me_name: String,
    pub me_email: String,
    pub me_link: String,
    /// Picks each choice's text ([`Template::parse`]'s `{one|other}`): a hash of the inviter's
    /// name, so the same person gets the same words, click after click.
    pub seed: u64,
}

impl Values {
    /// The values for replying to `inv` as `me`: names cleaned, company and note topic derived.
    /// An email or link that is not one ([`email_usable`], [`link_usable`]) is unknown: every reply
    /// and every preview of one leaves it out, whichever page's settings it came from.
    pub fn for_invitation(inv: &Invitation, me: &Me) -> Values {
        let (derived, name) = names::first_and_display_name(&inv.name, inv.profile_url.as_deref());
        let first_name = inv.first_name.as_deref().map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned).or(derived).unwrap_or_default();
        let headline = inv.headline.as_deref().unwrap_or("").trim();
        let note = inv.note.as_deref().unwrap_or("").trim();
        Values {
            first_name,
            name,
            headline: headline.to_owned(),
            company: names::company_from_headline(headline).unwrap_or_default(),
            mutual: inv.mutual_connections.filter(|&n| n >= 2).map(|n| n.to_string()).unwrap_or_default(),
            note: note.to_owned(),
            note_topic: crate::lang::note_topic(note).unwrap_or_default(),
            me_name: me.name.trim().to_owned(),
            me_email: Some(me.email.trim()).filter(|e| email_usable(e)).unwrap_or_default().to_owned(),
            me_link: Some(me.link.trim()).filter(|l| link_usable(l)).unwrap_or_default().to_owned(),
            seed: crate::fnv1a(inv.name.trim()),
        }
    }

    /// The value of one variable, trimmed.
    pub fn get(&self, var: Var) -> &str {
        let v = match var {
            Var::FirstName => &self.first_name,
            Var::Name => &self.name,
            Var::Headline => &self.headline,
            Var::Company => &self.company,
            Var::Mutual => &self.mutual,
            Var::Note => &self.note,
            Var::NoteTopic => &self.note_topic,
            Var::MeName => &self.me_name,
            Var::MeEmail => &self.me_email,
            Var::MeLink => &self.me_link,
        };
        v.trim()
    }
}

/// What went wrong in a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateErrorKind {
    /// `{frist_name}`: not a variable this language knows.
    UnknownVariable,
    /// `{}` or `{|there}`: no variable name.
    EmptyVariable,
    /// `{first_name` without its `}` on the same line.
    UnclosedVariable,
    /// A lone `}` (a literal one is written `}}`).
    UnmatchedBrace,
    /// `[` without its `]`.
    UnclosedBlock,
    /// A lone `]` (a literal one is written `]]`).
    UnmatchedBracket,
    /// `[` inside an optional part: they do not nest.
    NestedBlock,
}

/// A parse error, with the 1-based line and column (in characters) where it was found. Worded
/// by [`Say`] in the interface language; `Display` gives the English words (for the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub kind: TemplateErrorKind,
    pub line: usize,
    pub column: usize,
    /// For [`TemplateErrorKind::UnknownVariable`]: the name as written.
    pub written: String,
    /// For [`TemplateErrorKind::UnknownVariable`]: the known variable it is closest to, if close.
    pub hint: Option<Var>,
}

impl TemplateError {
    /// The offending line of `src` and a caret under the column, for the options page:
    /// ```text
    /// Hi {frist_name},
    ///     ^
    /// ```
    pub fn caret(&self, src: &str) -> String {
        let line = src.lines().nth(self.line.saturating_sub(1)).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        let pad: String = line.chars().take(self.column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        format!("{line}\n{pad}^")
    }

    /// What is wrong, without where: the options page marks the line itself.
    pub fn message(&self, ui: Ui) -> String {
        use TemplateErrorKind as K;
        let known = known_list();
        match (self.kind, ui) {
            (K::UnknownVariable, _) => {
                let unknown = match self.hint {
                    Some(h) => fill(
                        ui.pick(en_de_fr!(
                            "unknown placeholder “{a}” (did you mean “{b}”?)",
                            "unbekannter Platzhalter „{a}“ (meinten Sie „{b}“?)",
                            "espace réservé inconnu «\u{a0}{a}\u{a0}» (vouliez-vous dire «\u{a0}{b}\u{a0}»\u{a0}?)"
                        )),
                        &self.written,
                        h.name(),
                    ),
                    None => fill(ui.pick(en_de_fr!("unknown placeholder “{a}”", "unbekannter Platzhalter „{a}“", "espace réservé inconnu «\u{a0}{a}\u{a0}»")), &self.written, ""),
                };
                [unknown.as_str(), ui.pick(en_de_fr!("; known placeholders: ", "; bekannte Platzhalter: ", "\u{a0}; espaces réservés connus\u{a0}: ")), &known].concat()
            }
            (K::EmptyVariable, _) => [
                ui.pick(en_de_fr!(
                    "a placeholder name is missing between the braces; known placeholders: ",
                    "Zwischen den geschweiften Klammern fehlt der Name eines Platzhalters; bekannte Platzhalter: ",
                    "il manque le nom d'un espace réservé entre les accolades\u{a0}; espaces réservés connus\u{a0}: "
                )),
                &known,
            ]
            .concat(),
            (K::UnclosedVariable, _) => ui
                .pick(en_de_fr!("this “{” is not closed: end the placeholder with “}”, or write “{{” for a literal brace", "Diese „{“ wird nicht geschlossen: Beenden Sie den Platzhalter mit „}“ oder schreiben Sie „{{“ für eine wörtliche Klammer", "cette «\u{a0}{\u{a0}» n'est pas fermée\u{a0}: terminez l'espace réservé par «\u{a0}}\u{a0}», ou écrivez «\u{a0}{{\u{a0}» pour une accolade littérale"))
                .into(),
            (K::UnmatchedBrace, _) => ui
                .pick(en_de_fr!("this “}” closes nothing: write “}}” for a literal brace", "Diese „}“ schließt nichts: Schreiben Sie „}}“ für eine wörtliche Klammer", "cette «\u{a0}}\u{a0}» ne ferme rien\u{a0}: écrivez «\u{a0}}}\u{a0}» pour une accolade littérale"))
                .into(),
            (K::NestedBlock, _) => ui
                .pick(en_de_fr!("an optional part cannot hold another “[”: close the first with “]”, or write “[[” for a literal bracket", "Ein optionaler Teil kann kein weiteres „[“ enthalten: Schließen Sie den ersten mit „]“ oder schreiben Sie „[[“ für eine wörtliche Klammer", "une partie facultative ne peut pas contenir un autre «\u{a0}[\u{a0}»\u{a0}: fermez la première par «\u{a0}]\u{a0}», ou écrivez «\u{a0}[[\u{a0}» pour un crochet littéral"))
                .into(),
            (K::UnmatchedBracket, _) => ui
                .pick(en_de_fr!("this “]” closes nothing: write “]]” for a literal bracket", "Diese „]“ schließt nichts: Schreiben Sie „]]“ für eine wörtliche Klammer", "ce «\u{a0}]\u{a0}» ne ferme rien\u{a0}: écrivez «\u{a0}]]\u{a0}» pour un crochet littéral"))
                .into(),
            (K::UnclosedBlock, _) => ui
                .pick(en_de_fr!("this “[” is not closed: end the optional part with “]”, or write “[[” for a literal bracket", "Diese „[“ wird nicht geschlossen: Beenden Sie den optionalen Teil mit „]“ oder schreiben Sie „[[“ für eine wörtliche Klammer", "ce «\u{a0}[\u{a0}» n'est pas fermé\u{a0}: terminez la partie facultative par «\u{a0}]\u{a0}», ou écrivez «\u{a0}[[\u{a0}» pour un crochet littéral"))
                .into(),
        }
    }
}

impl Say for TemplateError {
    /// Where and what: "line 1, column 4: …".
    fn say(&self, ui: Ui) -> String {
        format!("{}{}{}", at_line(ui, self.line, self.column), ui.pick(en_de_fr!(": ", ": ", "\u{a0}: ")), self.message(ui))
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Ui::En))
    }
}

impl std::error::Error for TemplateError {}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Text(String),
    Var {
        var: Var,
        fallback: Option<String>,
    },
    /// An optional part; holds only `Text`, `Var` and `Choice`.
    Block(Vec<Node>),
    /// `{one|other}`: one of the texts, by [`Values::seed`].
    Choice(Vec<String>),
}

/// A parsed template, ready to render many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    nodes: Vec<Node>,
}

/// A position in the source, 1-based.
#[derive(Debug, Clone, Copy)]
struct Pos {
    line: usize,
    column: usize,
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    pos: Pos,
}

impl Parser {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.at += 1;
        if c == '\n' {
            self.pos = Pos { line: self.pos.line + 1, column: 1 };
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    fn error(kind: TemplateErrorKind, at: Pos) -> TemplateError {
        TemplateError { kind, line: at.line, column: at.column, written: String::new(), hint: None }
    }

    /// Reads `{name}` or `{name|fallback}`; the cursor is on the `{`.
    fn variable(&mut self) -> Result<Node, TemplateError> {
        let open = self.pos;
        self.bump();
        let mut name = String::new();
        let mut name_at = self.pos;
        let mut fallback: Option<String> = None;
        loop {
            match self.peek(0) {
                None | Some('\n') | Some('{') => return Err(Self::error(TemplateErrorKind::UnclosedVariable, open)),
                Some('}') => {
                    self.bump();
                    break;
                }
                Some('|') if fallback.is_none() => {
                    self.bump();
                    fallback = Some(String::new());
                }
                Some(c) => {
                    if let Some(f) = fallback.as_mut() {
                        f.push(c);
                    } else {
                        if name.trim().is_empty() && !c.is_whitespace() {
                            name_at = self.pos;
                        }
                        name.push(c);
                    }
                    self.bump();
                }
            }
        }
        if name.trim().is_empty() {
            return Err(Self::error(TemplateErrorKind::EmptyVariable, open));
        }
        let written = name.trim();
        // A known name is taken as it is, with no misspelling looked for.
        if let Some(var) = Var::from_name(&name) {
            return Ok(Node::Var { var, fallback: fallback.map(|f| f.trim().to_owned()) });
        }
        match (suggest(written), fallback) {
            (None, Some(rest)) if !name_shaped(written) => {
                Ok(Node::Choice(std::iter::once(written).chain(rest.split('|').map(str::trim)).map(str::to_owned).collect()))
            }
            (hint, _) => Err(TemplateError { written: written.to_owned(), hint, ..Self::error(TemplateErrorKind::UnknownVariable, name_at) }),
        }
    }
}

fn known_list() -> String {
    Var::ALL.iter().map(|v| v.name()).collect::<Vec<_>>().join(", ")
}

/// Written as a placeholder's name is, not as words: one word of ASCII letters, digits, `_` and
/// `.`, with a `_` in it or a `.` before two more characters (`company_name`, `me.title`, not
/// `e.g.`). As a choice's first text it is an unknown placeholder: `{company_name|your company}`
/// drafted "company_name" for half the inviters, a bare placeholder in a sent message.
fn name_shaped(written: &str) -> bool {
    let b = written.as_bytes();
    let word = |c: &u8| c.is_ascii_alphanumeric();
    b.iter().all(|c| word(c) || b"_.".contains(c))
        && (0..b.len()).any(|i| b[i] == b'_' || b[i] == b'.' && b.get(i + 1..i + 3).is_some_and(|n| n.iter().all(word)))
}

/// The known variable closest to a misspelt one, if it is close (at most 2 edits). Names whose
/// lengths differ by more are not compared (the distance is at least that difference): a
/// choice's first text (`{Until soon|…}`) is asked about too. With known names no longer asked
/// about either, the built-in templates' parse, once a worker, 38.7 → 5.3 M instructions
/// (callgrind, `examples/click_plan.rs` at 300, 1 Dec; README, performance).
fn suggest(written: &str) -> Option<Var> {
    let written: Vec<char> = crate::case::lower_str(written).replace([' ', '-'], "_").chars().collect();
    // Lengths first, in bytes: the names are ASCII. Only the names left are collected as characters.
    Var::ALL
        .into_iter()
        .filter(|v| written.len().abs_diff(v.name().len()) <= 2)
        .map(|v| (edit_distance(&written, &v.name().chars().collect::<Vec<_>>()), v))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, v)| v)
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl Template {
    /// Parses a template. Errors carry the line and column of the first problem.
    pub fn parse(src: &str) -> Result<Template, TemplateError> {
        // Line ends as "\n": "\r\n" read as src.replace("\r\n", "\n") would, without std's `&str` search.
        let mut chars: Vec<char> = Vec::with_capacity(src.len());
        for c in src.chars() {
            if c == '\n' && chars.last() == Some(&'\r') {
                chars.pop();
            }
            chars.push(c);
        }
        let mut p = Parser { chars, at: 0, pos: Pos { line: 1, column: 1 } };
        let mut nodes = Vec::new();
        // The open optional part, if any, with where its `[` stood.
        let mut block: Option<(Vec<Node>, Pos)> = None;
        let mut text = String::new();

        fn flush(text: &mut String, into: &mut Vec<Node>) {
            if !text.is_empty() {
                into.push(Node::Text(std::mem::take(text)));
            }
        }

        while let Some(c) = p.peek(0) {
            let doubled = p.peek(1) == Some(c);
            match c {
                '{' | '}' | '[' | ']' if doubled => {
                    text.push(c);
                    p.bump();
                    p.bump();
                }
                '{' => {
                    let target = match block.as_mut() {
                        Some((inner, _)) => inner,
                        None => &mut nodes,
                    };
                    flush(&mut text, target);
                    target.push(p.variable()?);
                }
                '}' => return Err(Parser::error(TemplateErrorKind::UnmatchedBrace, p.pos)),
                '[' => {
                    if block.is_some() {
                        return Err(Parser::error(TemplateErrorKind::NestedBlock, p.pos));
                    }
                    flush(&mut text, &mut nodes);
                    block = Some((Vec::new(), p.pos));
                    p.bump();
                }
                ']' => match block.take() {
                    Some((mut inner, _)) => {
                        flush(&mut text, &mut inner);
                        nodes.push(Node::Block(inner));
                        p.bump();
                    }
                    None => return Err(Parser::error(TemplateErrorKind::UnmatchedBracket, p.pos)),
                },
                _ => {
                    text.push(c);
                    p.bump();
                }
            }
        }
        if let Some((_, open)) = block {
            return Err(Parser::error(TemplateErrorKind::UnclosedBlock, open));
        }
        flush(&mut text, &mut nodes);
        Ok(Template { nodes })
    }

    /// The variables the template uses, each once, in order of first use.
    pub fn variables(&self) -> Vec<Var> {
        let mut out = Vec::new();
        let mut visit = |node: &Node| {
            if let Node::Var { var, .. } = node {
                if !out.contains(var) {
                    out.push(*var);
                }
            }
        };
        for node in &self.nodes {
            match node {
                Node::Block(inner) => inner.iter().for_each(&mut visit),
                other => visit(other),
            }
        }
        out
    }

    /// Renders with `values`: values go in literally, empty ones drop out, and the gaps are tidied.
    pub fn render(&self, values: &Values) -> String {
        let mut pieces: Vec<Piece<'_>> = Vec::with_capacity(self.nodes.len() + 4);
        for node in &self.nodes {
            match node {
                Node::Block(inner) => {
                    let keep = inner.iter().all(|n| match n {
                        Node::Var { var, fallback: None } => !values.get(*var).is_empty(),
                        _ => true,
                    });
                    if keep {
                        inner.iter().for_each(|n| push_piece(n, values, &mut pieces));
                    } else {
                        pieces.push(Piece::Gap);
                    }
                }
                other => push_piece(other, values, &mut pieces),
            }
        }
        assemble(&pieces)
    }
}

/// A rendered stretch: template text, a value (never re-read), or where something dropped out.
enum Piece<'a> {
    Lit(&'a str),
    Val(&'a str),
    Gap,
}

fn push_piece<'a>(node: &'a Node, values: &'a Values, pieces: &mut Vec<Piece<'a>>) {
    match node {
        Node::Text(t) => pieces.push(Piece::Lit(t)),
        Node::Var { var, fallback } => {
            let v = values.get(*var);
            match (v.is_empty(), fallback) {
                (false, _) => pieces.push(Piece::Val(v)),
                (true, Some(f)) if !f.is_empty() => pieces.push(Piece::Lit(f)),
                (true, _) => pieces.push(Piece::Gap),
            }
        }
        Node::Choice(texts) => {
            // Mixed with the first text's length: two choices in one template pick apart.
            let at = (values.seed.wrapping_add(texts[0].len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 33) as usize % texts.len();
            pieces.push(if texts[at].is_empty() { Piece::Gap } else { Piece::Lit(&texts[at]) });
        }
        // Blocks are flattened by the caller; a stray one renders nothing rather than panicking.
        Node::Block(_) => {}
    }
}

/// Punctuation that takes no space before it.
fn closes(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '…' | '、' | '。' | '，' | '！' | '？')
}

fn newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// Joins the pieces, tidying the white space around each gap.
fn assemble(pieces: &[Piece<'_>]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| if let Piece::Lit(s) | Piece::Val(s) = p { s.len() } else { 0 }).sum());
    let mut i = 0;
    while i < pieces.len() {
        match pieces[i] {
            Piece::Lit(s) | Piece::Val(s) => {
                out.push_str(s);
                i += 1;
            }
            Piece::Gap => {
                // White space before the gap (values are trimmed, so it is the template's).
                let kept = out.trim_end().len();
                let mut breaks = newlines(&out[kept..]);
                let mut spaced = kept < out.len();
                out.truncate(kept);
                i += 1;
                // Further gaps separated only by white space count as one.
                while let Some(p) = pieces.get(i) {
                    match p {
                        Piece::Gap => {}
                        Piece::Lit(s) if s.trim().is_empty() => {
                            breaks = breaks.max(newlines(s));
                            spaced |= !s.is_empty();
                        }
                        _ => break,
                    }
                    i += 1;
                }
                let rest = match pieces.get(i) {
                    Some(Piece::Lit(s)) => {
                        let t = s.trim_start();
                        breaks = breaks.max(newlines(&s[..s.len() - t.len()]));
                        spaced |= t.len() < s.len();
                        i += 1;
                        Some((t, true))
                    }
                    Some(Piece::Val(s)) => Some((*s, false)),
                    _ => None,
                };
                let Some((rest, consumed)) = rest else { break };
                // Line breaks win over punctuation: a dropped line never joins two lines.
                let joiner = if out.is_empty() {
                    ""
                } else if breaks >= 2 {
                    "\n\n"
                } else if breaks == 1 {
                    "\n"
                } else if rest.starts_with(closes) {
                    ""
                } else if spaced {
                    " "
                } else {
                    ""
                };
                out.push_str(joiner);
                if consumed {
                    out.push_str(rest);
                }
            }
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    let start = out.len() - out.trim_start().len();
    out.drain(..start);
    out
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // native tests may use std's case mapping
mod tests {

    /// An email without an @ or a link that is no web address is unknown to every template:
    /// the options page's preview and the welcome page's example drop it as replies do.
    #[test]
    fn unusable_email_and_link_are_unknown() {
        let me = Me { name: "Pat".into(), email: "not an email".into(), link: "javascript:alert(1)".into() };
        let v = Values::for_invitation(&Invitation::default(), &me);
        assert_eq!((v.me_email.as_str(), v.me_link.as_str()), ("", ""));
        let me = Me { name: "Pat".into(), email: " pat@example.com ".into(), link: "example.com/why".into() };
        let v = Values::for_invitation(&Invitation::default(), &me);
        assert_eq!((v.me_email.as_str(), v.me_link.as_str()), ("pat@example.com", "example.com/why"));
    }
    use super::*;

    fn values() -> Values {
        Values {
            first_name: "Kathie".into(),
            name: "Kathie Smith".into(),
            me_name: "Pat Example".into(),
            me_email: "pat@example.com".into(),
            ..Values::default()
        }
    }

    fn render(src: &str, v: &Values) -> String {
        match Template::parse(src) {
            Ok(t) => t.render(v),
            Err(e) => panic!("{src:?} did not parse: {e}"),
        }
    }

    fn err(src: &str) -> TemplateError {
        match Template::parse(src) {
            Ok(_) => panic!("{src:?} parsed"),
            Err(e) => e,
        }
    }

    #[test]
    fn substitutes_values() {
        assert_eq!(render("Hi {first_name}, I am {me.name}.", &values()), "Hi Kathie, I am Pat Example.");
        assert_eq!(render("{ First Name }/{first-name}", &values()), "Kathie/Kathie");
    }

    #[test]
    fn fallback_when_empty() {
        let empty = Values::default();
        assert_eq!(render("Hi {first_name|there},", &empty), "Hi there,");
        assert_eq!(render("Hi {first_name|there},", &values()), "Hi Kathie,");
        assert_eq!(render("Hi {first_name | there you},", &empty), "Hi there you,");
        let blank = Values { first_name: "   ".into(), ..Values::default() };
        assert_eq!(render("Hi {first_name|there},", &blank), "Hi there,");
    }

    #[test]
    fn empty_value_tidies_space_before_punctuation() {
        assert_eq!(render("Hi {first_name},\n\nThanks.", &Values::default()), "Hi,\n\nThanks.");
        assert_eq!(render("Dear {first_name} {name}!", &Values::default()), "Dear!");
    }

    #[test]
    fn block_kept_or_dropped() {
        let src = "Thanks for the invite.[ Write to me at {me.email}.] Talk soon.";
        assert_eq!(render(src, &values()), "Thanks for the invite. Write to me at pat@example.com. Talk soon.");
        assert_eq!(render(src, &Values::default()), "Thanks for the invite. Talk soon.");
        let spaced = "Thanks. [Write to {me.email}.] Talk soon.";
        assert_eq!(render(spaced, &Values::default()), "Thanks. Talk soon.");
        let mid = "Glad to talk[ at {me.email}], any time.";
        assert_eq!(render(mid, &Values::default()), "Glad to talk, any time.");
    }

    #[test]
    fn dropped_lines_leave_no_empty_runs() {
        let src = "Hi {first_name},\n\n[Mail: {me.email}]\n\n[Web: {me.link}]\n\nBye.\n\n[Best,\n{me.name}]\n";
        assert_eq!(render(src, &Values::default()), "Hi,\n\nBye.");
        let v = Values { me_link: "https://x.test".into(), ..values() };
        assert_eq!(render(src, &v), "Hi Kathie,\n\nMail: pat@example.com\n\nWeb: https://x.test\n\nBye.\n\nBest,\nPat Example");
        assert_eq!(render("[{me.email}]\nA\n[{me.link}]", &Values::default()), "A");
        assert_eq!(render("A\n[{me.email}]\nB", &Values::default()), "A\nB");
        assert_eq!(render("A\n[{me.email}]\n- b", &Values::default()), "A\n- b");
        assert_eq!(render("A\n[{me.email}]\n.", &Values::default()), "A\n.");
    }

    #[test]
    fn block_with_fallback_or_without_variables_is_kept() {
        assert_eq!(render("[Hello {first_name|there}!]", &Values::default()), "Hello there!");
        assert_eq!(render("a [plain] b", &Values::default()), "a plain b");
    }

    /// One of the texts, the same for the same inviter: a second click drafts what the first did,
    /// and ten inviters get a mix (the short replies' closing was the same ten times a day).
    #[test]
    fn choices_pick_by_the_inviters_name() {
        let t = Template::parse("Hi. {Not never, just not yet. | Not yet, rather than never.|}").expect("parses");
        let said = |name: &str| t.render(&Values::for_invitation(&Invitation { name: name.into(), ..Invitation::default() }, &Me::default()));
        assert_eq!(said("Kathie Smith"), said(" Kathie Smith "));
        let names = ["Kathie Smith", "Sam Carter", "Ana Lopez", "Jan Novak", "Li Wei", "Omar Haddad", "Eva Berg", "Tom Reed", "Ines Costa", "Raj Patel"];
        let mut seen: Vec<String> = names.iter().map(|n| said(n)).collect();
        seen.sort();
        seen.dedup();
        // Each text in ten names, the empty one dropped as a value is (no space left after "Hi.").
        assert_eq!(seen, ["Hi.", "Hi. Not never, just not yet.", "Hi. Not yet, rather than never."]);
        // A placeholder's name first is a fallback still, "|" and all; a misspelt one an error.
        assert_eq!(render("{first_name|a|b}", &Values::default()), "a|b");
        let e = Template::parse("{frist_name|there}").expect_err("a typo");
        assert_eq!((e.kind, e.hint), (TemplateErrorKind::UnknownVariable, Some(Var::FirstName)));
        // `suggest` compares lengths in bytes, as characters: the names are ASCII. Two edits away, a
        // name two characters longer or shorter is still found.
        assert!(Var::ALL.iter().all(|v| v.name().is_ascii()));
        assert_eq!(Template::parse("{first_nam|x}").expect_err("short by one").hint, Some(Var::FirstName));
        assert_eq!(Template::parse("{me.emailxy}").expect_err("two more").hint, Some(Var::MeEmail));
        assert_eq!(Template::parse("{Mé.email}").expect_err("an accent").hint, Some(Var::MeEmail));
        // A name no placeholder is close to, but written as one, is not a choice either: it drafted
        // "company_name" for half the inviters (review, 1 Dec 2026).
        for guessed in ["{company_name|your company}", "{job_title|your role}", "{me.title|}", "{my.phone|here}", "Hi {Last_Name|}."] {
            let e = Template::parse(guessed).expect_err(guessed);
            assert_eq!((e.kind, e.hint), (TemplateErrorKind::UnknownVariable, None), "{guessed}");
        }
        for words in ["{e.g.|for example}", "{U.S.|American}", "{Hi!|Hello,}", "{3|three}"] {
            assert!(Template::parse(words).is_ok(), "{words}");
        }
        // The options page's examples, in its three languages.
        for example in ["{Hi|Hello}", "{Thanks!|Thank you.}", "{Danke!|Vielen Dank.}", "{Merci\u{a0}!|Merci beaucoup.}"] {
            assert_eq!(Template::parse(example).map(|t| t.variables()), Ok(vec![]), "{example}");
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(render("{{first_name}} [[x]] {first_name}", &values()), "{first_name} [x] Kathie");
        assert_eq!(render("[see {me.email}]]]", &values()), "see pat@example.com]");
        assert_eq!(render("[{{ {me.email} }}]", &Values::default()), "");
    }

    #[test]
    fn values_go_in_literally() {
        let hostile = Values {
            first_name: "{me.email}".into(),
            note: "<img src=x onerror=alert(1)> [{me.link}] {{ }}".into(),
            me_email: "pat@example.com".into(),
            ..Values::default()
        };
        assert_eq!(render("Hi {first_name}: {note}", &hostile), "Hi {me.email}: <img src=x onerror=alert(1)> [{me.link}] {{ }}");
        // A value's own spacing is not "tidied".
        let spaced = Values { note: "a  ,  b\n\n\n\nc".into(), ..Values::default() };
        assert_eq!(render("[{me.email}] {note}", &spaced), "a  ,  b\n\n\n\nc");
    }

    #[test]
    fn errors_have_line_and_column() {
        let e = err("Hi {first_name},\n\nThanks {frist_name}!");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::UnknownVariable, 3, 9));
        assert_eq!(e.hint, Some(Var::FirstName));
        assert!(e.to_string().starts_with("line 3, column 9: unknown placeholder “frist_name” (did you mean “first_name”?)"), "{e}");
        assert!(e.say(Ui::De).starts_with("Zeile 3, Spalte 9: unbekannter Platzhalter „frist_name“ (meinten Sie „first_name“?)"), "{}", e.say(Ui::De));
        assert!(e.say(Ui::Fr).starts_with("ligne 3, colonne 9\u{a0}: espace réservé inconnu"), "{}", e.say(Ui::Fr));
        assert_eq!(e.to_string().split(':').next(), Some("line 3, column 9"));
        // Whole, in each language, with and without a hint: the known list follows after "; ".
        let known = known_list();
        assert_eq!(e.message(Ui::En), format!("unknown placeholder “frist_name” (did you mean “first_name”?); known placeholders: {known}"));
        let far = err("{zzzzzz}");
        assert_eq!(far.hint, None);
        assert_eq!(far.message(Ui::De), format!("unbekannter Platzhalter „zzzzzz“; bekannte Platzhalter: {known}"));
        // German writes a whole sentence after a colon with a capital ("Zeile 1, Spalte 7: Diese
        // „{“ wird nicht geschlossen: …"; it said "diese"); a phrase, as the one above, keeps its small letter.
        for src in ["Hallo {name", "Hallo name}", "[a [b] c]", "a ] b", "[x", "{}"] {
            let said = err(src).message(Ui::De);
            assert!(said.starts_with(char::is_uppercase), "{src}: {said}");
        }
        assert_eq!(far.message(Ui::Fr), format!("espace réservé inconnu «\u{a0}zzzzzz\u{a0}»\u{a0}; espaces réservés connus\u{a0}: {known}"));
        assert_eq!(
            e.message(Ui::Fr),
            format!(
                "espace réservé inconnu «\u{a0}frist_name\u{a0}» (vouliez-vous dire «\u{a0}first_name\u{a0}»\u{a0}?)\u{a0}; espaces réservés connus\u{a0}: {known}"
            )
        );
        assert_eq!(e.caret("Hi {first_name},\n\nThanks {frist_name}!"), "Thanks {frist_name}!\n        ^");

        let e = err("Hi {first_name,\nthere}");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::UnclosedVariable, 1, 4));
        let e = err("a }");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::UnmatchedBrace, 1, 3));
        let e = err("ok\n  [Write to {me.email}.");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::UnclosedBlock, 2, 3));
        let e = err("a ] b");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::UnmatchedBracket, 1, 3));
        let e = err("[a [b] c]");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::NestedBlock, 1, 4));
        let e = err("x {|there}");
        assert_eq!((e.kind, e.line, e.column), (TemplateErrorKind::EmptyVariable, 1, 3));
        let e = err("{ nope }");
        assert_eq!((e.kind, e.column), (TemplateErrorKind::UnknownVariable, 3));
        let e = err("é{x");
        assert_eq!((e.kind, e.column), (TemplateErrorKind::UnclosedVariable, 2));
    }

    #[test]
    fn module_doc_example_renders_as_documented() {
        let src = "Hi {first_name},\n\nThank you for the invitation.[ You can write to me at {me.email}.]\n\n[Best,\n{me.name}]";
        let kathie = Values { first_name: "Kathie".into(), ..Values::default() };
        assert_eq!(render(src, &kathie), "Hi Kathie,\n\nThank you for the invitation.");
        assert_eq!(render(src, &Values::default()), "Hi,\n\nThank you for the invitation.");
        assert_eq!(render(src, &values()), "Hi Kathie,\n\nThank you for the invitation. You can write to me at pat@example.com.\n\nBest,\nPat Example");
    }

    #[test]
    fn windows_line_ends_and_tabs() {
        assert_eq!(render("Hi {first_name},\r\n\r\n[{me.link}]\r\nBye", &values()), "Hi Kathie,\n\nBye");
        let src = "\tHi {nme}";
        let e = err(src);
        assert_eq!((e.line, e.column), (1, 6));
        assert_eq!(e.caret(src), "\tHi {nme}\n\t    ^");
    }

    #[test]
    fn lists_variables_once() {
        let t = Template::parse("{first_name} {first_name|x} [{me.email} {me.name}] {me.email}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.variables(), vec![Var::FirstName, Var::MeEmail, Var::MeName]);
    }

    #[test]
    fn every_var_round_trips_its_name() {
        for v in Var::ALL {
            assert_eq!(Var::from_name(v.name()), Some(v));
            assert_eq!(Var::from_name(&v.name().to_uppercase()), Some(v));
        }
    }
}
