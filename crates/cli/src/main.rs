//! `notyet`: the NotYet core over JSON lines and saved pages (the commands and formats: docs/formats.md).
//!
//! Kept thin: argument parsing, files and streams here; every decision in `notyet-core`.
//! Arguments are parsed by hand: four subcommands and two flags don't justify a parser crate.

use notyet_core::click::{self, Target};
use notyet_core::html;
use notyet_core::read::read_page;
use notyet_core::snapshot::Snapshot;
use notyet_core::words::{JsonError, Say, Ui};
use notyet_core::{decide, Action, Invitation, JsonType, Kind, ProblemKind, Settings};
use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
notyet: suggests polite replies to LinkedIn invitations.

Usage:
  notyet suggest [--settings FILE] [FILE|-]
      Reads invitations, one JSON object a line, from FILE or standard input (-, the default),
      and writes one suggestion a line, in the same order. A bad line gets
      {\"error\": \"...\", \"line\": N} instead and the rest go on; the exit status is 1 if any failed.
  notyet check-settings FILE|-
      Checks a settings file and prints each problem with its JSON path; exit status 1 if any.
  notyet read [--url URL] FILE
      Reads a saved page (FILE.html) or a page report (FILE.json, saved after \"Not right?\")
      as the extension would: one invitation (JSON) a line in page order, then one line
      {\"composer\": {\"to\": NAME or null, \"text\": TEXT}} or {\"composer\": null}.
      --url gives the page's address (default: the address the file names, else the
      invitation manager's); it decides which page layout is read.
  notyet triage [--settings FILE] [--url URL] FILE
      For every invitation on a saved page or a page report (as read takes them), in page
      order, one JSON line with the invitation's fields and the decision's category, action,
      reasons and text; the counts per action go to standard error.
  notyet --help | --version

Exit status: 0 all well, 1 some input line or setting had a problem, or a page could not be
read (or read whole); 2 the command could not run.
";

/// Where a saved page is taken to be when neither `--url` nor the file says.
const DEFAULT_URL: &str = "https://www.linkedin.com/mynetwork/invitation-manager/received/";

/// A failure that stops the command, printed as `notyet: …` with exit status 2.
struct Fatal(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("notyet: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Fatal> {
    let Some((command, rest)) = args.split_first() else {
        eprint!("{HELP}");
        return Err(Fatal("no command given (the commands are above)".into()));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("notyet {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        "suggest" => suggest(rest),
        "check-settings" => check_settings(rest),
        "read" => read(rest),
        "triage" => triage(rest),
        other => Err(Fatal(format!("unknown command `{other}` (try `notyet --help`)"))),
    }
}

/// An I/O error as a person reads it: the system's words without their code ("No such file or
/// directory", not "No such file or directory (os error 2)").
fn io_words(e: &io::Error) -> String {
    let said = e.to_string();
    match said.rfind(" (os error ") {
        Some(at) if said.ends_with(')') => said[..at].to_owned(),
        _ => said,
    }
}

/// The most a settings file may hold, as the options page's import: a real one is a few KB.
const SETTINGS_LIMIT: u64 = 1 << 20;
/// The most a saved page may hold: LinkedIn's saved lists are 1 to 5 MB; a 50 MB page reads in
/// 5 s with 0.7 GB of memory (1 Dec 2026), so 256 MB stays within a laptop's.
const PAGE_LIMIT: u64 = 256 << 20;
/// The longest line `suggest` reads: one invitation is a few KB.
const LINE_LIMIT: u64 = 1 << 20;

/// "1 MB", "256 MB": a limit as said to the user.
fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes >> 20)
}

/// Reads a whole file, or standard input for `-`, of at most `limit` bytes: a file with no end
/// (`/dev/zero`, `yes |`) was read until memory ran out, the command hanging meanwhile.
fn read_text(path: &str, limit: u64) -> Result<String, Fatal> {
    read_limited(path, limit).map_err(|e| {
        let what = if path == "-" { "standard input".to_owned() } else { format!("`{path}`") };
        Fatal(format!("cannot read {what}: {}", io_words(&e)))
    })
}

/// The one reader of every input file: [`read_text`]'s, and a saved page's frames (which were
/// read whole, so a `/dev/zero` link beside a page ran the command out of memory).
fn read_limited(path: &str, limit: u64) -> io::Result<String> {
    let too_large = || io::Error::other(format!("larger than {}", megabytes(limit)));
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)?;
    } else {
        let file = fs::File::open(path)?;
        // A plain file says its size: one past the limit is refused unread, where a frame of
        // 256 MB was read into memory first (261 MB at the peak, 0.6-2.3 s on two busy cores).
        if file.metadata().is_ok_and(|m| m.is_file() && m.len() > limit) {
            return Err(too_large());
        }
        file.take(limit + 1).read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    // A UTF-16 file starts with its byte-order mark (Windows' "Unicode", PowerShell 5's `>`), as
    // the options page's import reads it.
    let utf16 = |from: fn([u8; 2]) -> u16| {
        char::decode_utf16(bytes[2..].chunks(2).map(|c| from([c[0], *c.get(1).unwrap_or(&0)])))
            .collect::<Result<String, _>>()
            .ok()
            .filter(|_| bytes.len() % 2 == 0)
    };
    let text = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => utf16(u16::from_le_bytes),
        Some([0xFE, 0xFF]) => utf16(u16::from_be_bytes),
        _ => String::from_utf8(bytes).ok(),
    };
    let text = text.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "stream did not contain valid UTF-8 or UTF-16"))?;
    // Editors on Windows start UTF-8 files with a byte-order mark: it is no part of the content.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The settings file given with `--settings`, or the defaults: read leniently, each problem a
/// warning on stderr (an unknown key is ignored, a bad value's default used), as the extension
/// does. A file with no settings to read (not JSON, not an object) stops the command: it went on
/// with every default and exit status 0, so a typo in the file drafted without the user's name.
fn load_settings(path: Option<&str>) -> Result<Settings, Fatal> {
    let Some(path) = path else { return Ok(Settings::default()) };
    let (settings, problems) = Settings::from_json(&read_text(path, SETTINGS_LIMIT)?);
    if let Some(p) = problems.iter().find(|p| p.path == "$") {
        return Err(Fatal(format!("cannot use `{path}` as settings: {p}")));
    }
    for p in &problems {
        // A problem that says what reading does ("replies leave it out", a rule "left out") gets
        // no second word on it; a rule's own problems, an unknown key's too, are followed by the
        // line that leaves the whole rule out (not "(ignored)").
        let then = match &p.kind {
            k if k.says_what_reading_does() || k.only_when_read() || p.path.starts_with("$.rules[") => "",
            ProblemKind::UnknownKey { .. } => " (ignored)",
            _ => " (its default used)",
        };
        eprintln!("notyet: warning: {path}: {p}{then}");
    }
    Ok(settings)
}

fn suggest(args: &[String]) -> Result<ExitCode, Fatal> {
    let mut settings_path: Option<&str> = None;
    let mut input: Option<&str> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--settings" | "-s" => {
                let value = it.next().ok_or_else(|| Fatal("--settings needs a file name".into()))?;
                settings_path = Some(value);
            }
            s if s.starts_with("--settings=") => settings_path = Some(&s["--settings=".len()..]),
            "-" => input = Some("-"),
            s if s.starts_with('-') => return Err(Fatal(format!("unknown option `{s}` for suggest (try `notyet --help`)"))),
            s => {
                if let Some(first) = input {
                    return Err(Fatal(format!("suggest reads one input, got `{first}` and `{s}`")));
                }
                input = Some(s);
            }
        }
    }
    let settings = load_settings(settings_path)?;
    let mut reader: Box<dyn BufRead> = match input.unwrap_or("-") {
        "-" => Box::new(BufReader::new(io::stdin().lock())),
        path => Box::new(BufReader::new(fs::File::open(path).map_err(|e| Fatal(format!("cannot read `{path}`: {}", io_words(&e))))?)),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = reader.by_ref().take(LINE_LIMIT + 1).read_until(b'\n', &mut line);
        if read.map_err(|e| Fatal(format!("cannot read input at line {number}: {}", io_words(&e))))? == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if line.len() as u64 > LINE_LIMIT {
            return Err(Fatal(format!("cannot read input at line {number}: longer than {}", megabytes(LINE_LIMIT))));
        }
        let result = match std::str::from_utf8(&line) {
            Err(e) => Err(BadLine::NotUtf8 { column: e.valid_up_to() + 1 }),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) if number == 1 && text.starts_with('\u{feff}') => parse_invitation(&text['\u{feff}'.len_utf8()..]),
            Ok(text) => parse_invitation(text),
        };
        // A suggestion is texts, numbers and lists: writing it fails only with the memory.
        let json = result.map(|inv| serde_json::to_string(&decide(&inv, &settings)).unwrap_or_default());
        let json = json.unwrap_or_else(|bad| {
            failed = true;
            serde_json::json!({ "error": bad.words(number), "line": number }).to_string()
        });
        if let Err(e) = writeln!(out, "{json}") {
            return closed_output(e);
        }
    }
    if let Err(e) = out.flush() {
        return closed_output(e);
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// A reader that stops early (`notyet suggest | head`) is not an error.
fn closed_output(e: io::Error) -> Result<ExitCode, Fatal> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Fatal(format!("cannot write output: {}", io_words(&e))))
    }
}

/// Why a page report is none, in the command's words, as `suggest` says a bad line and
/// `check-settings` a setting: serde_json's own English ("invalid type: integer `5`, expected a
/// string", "missing field `root`", "invalid type: sequence, expected struct Snapshot",
/// "trailing comma at line 1 column 14") was its parser's. The reader's own words (a page nested
/// too deep, an element without a tag) stay, their position said as the rest.
fn report_problem(e: &serde_json::Error, text: &str) -> String {
    let at = format!("(line {}, column {})", e.line(), e.column());
    if !e.is_data() {
        return format!("not valid JSON: {} {at}", JsonError::in_text(e, text).words(Ui::En));
    }
    let message = e.to_string();
    let message = message.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&message);
    // serde's "missing field `root`": the name between the backquotes.
    let key = |prefix: &str| message.strip_prefix(prefix).and_then(|m| m.split('`').next()).map(str::to_owned);
    // The type by its first byte, not `JsonType::of` a `Value`: a report may nest past
    // serde_json's 128 levels, which the snapshot's reader allows and a `Value` refuses.
    let found = match text.trim_start().as_bytes().first() {
        Some(b'{') => JsonType::Object,
        Some(b'[') => JsonType::List,
        Some(b'"') => JsonType::String,
        Some(b't' | b'f') => JsonType::Bool,
        Some(b'n') => JsonType::Null,
        _ => JsonType::Number,
    };
    let why = if found != JsonType::Object {
        ProblemKind::NotAnObject { found }.say(Ui::En)
    } else if let Some(key) = key("missing field `") {
        format!("it has no \"{key}\" (a page report holds the page under it)")
    } else if let Some(key) = key("duplicate field `") {
        format!("{} {at}", ProblemKind::DuplicateKey { key }.say(Ui::En))
    } else if ["invalid type", "invalid value", "invalid length"].iter().any(|p| message.starts_with(p)) {
        format!("a value of the wrong type {at}")
    } else {
        format!("{message} {at}")
    };
    format!("not a page report: {why}")
}

/// Why `suggest` answers an input line with `{"error": …, "line": N}`, worded in
/// [`BadLine::words`] as `check-settings` words a setting's problem: serde_json's own English
/// ("invalid type: integer `5`, expected a string", "trailing comma at line 1 column 14", the
/// line being the input line's own JSON, always 1) said its parser's words and no input line.
#[derive(Debug, PartialEq)]
enum BadLine {
    /// No UTF-8 text from this column (a byte's, from 1).
    NotUtf8 { column: usize },
    /// No JSON, or a key written twice in one object, as the settings reader refuses either
    /// (its [`ProblemKind::NotJson`] or [`ProblemKind::DuplicateKey`]), and where on the line
    /// (serde_json's column, a byte's from 1). A key twice was taken, the last one winning: `{"name":
    /// "Kathie", "note": "Hi", "name": "Sam"}` was read as Sam's without a word.
    NotJson { problem: ProblemKind, column: usize },
    /// JSON, but no object.
    NotAnObject { found: JsonType },
    /// A field that takes a text (or `null`, when `optional`) given another type.
    NotText { field: String, optional: bool, found: JsonType },
    /// `kind` naming no kind.
    NotAKind { written: String },
    /// `mutual_connections` neither a whole number from 0 to `u32::MAX` nor `null`: the value as JSON.
    NotACount { found: String },
}

impl BadLine {
    /// In words, for input line `line` (which the error object also gives as `"line"`).
    fn words(&self, line: usize) -> String {
        match self {
            BadLine::NotUtf8 { column } => format!("not UTF-8 text (line {line}, column {column})"),
            BadLine::NotJson { problem, column } => format!("{} (line {line}, column {column})", problem.say(Ui::En)),
            BadLine::NotAnObject { found } => format!("expected an invitation object {{\"name\": …, \"note\": …}}, found {}", found.say(Ui::En)),
            BadLine::NotText { field, optional, found } => {
                format!("$.{field}: expected a text{}, found {}", if *optional { " or null" } else { "" }, found.say(Ui::En))
            }
            BadLine::NotAKind { written } => format!("$.kind: \"{written}\" is not a kind (one of: {})", Kind::NAMES.join(", ")),
            BadLine::NotACount { found } => format!("$.mutual_connections: expected a whole number from 0 to {} or null, found {found}", u32::MAX),
        }
    }
}

/// An invitation from one line's JSON, read by hand so that each way it can be wrong is a
/// [`BadLine`]. What serde's derive took, taken: any other key is ignored (a newer NotYet's, or
/// `triage`'s own fields), and `null` stands for an optional field left out. A key written twice
/// is refused, as the settings reader refuses it ([`notyet_core::settings_value`]).
fn parse_invitation(text: &str) -> Result<Invitation, BadLine> {
    use serde_json::Value;
    let value = notyet_core::settings_value(text).map_err(|p| BadLine::NotJson { problem: p.kind, column: p.column.unwrap_or(0) })?;
    let Value::Object(fields) = value else { return Err(BadLine::NotAnObject { found: JsonType::of(&value) }) };
    let mut inv = Invitation::default();
    for (key, value) in fields {
        if key == "mutual_connections" {
            inv.mutual_connections = match value {
                Value::Null => None,
                v => Some(v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| BadLine::NotACount { found: v.to_string() })?),
            };
            continue;
        }
        if !["site", "kind", "name", "first_name", "headline", "note", "profile_url", "sent"].contains(&key.as_str()) {
            continue;
        }
        let optional = !matches!(key.as_str(), "site" | "kind" | "name");
        let text = match value {
            Value::String(s) => Some(s),
            Value::Null if optional => None,
            other => return Err(BadLine::NotText { found: JsonType::of(&other), field: key, optional }),
        };
        match key.as_str() {
            "site" => inv.site = text.unwrap_or_default(),
            "kind" => {
                let written = text.unwrap_or_default();
                inv.kind = Kind::from_name(&written).ok_or(BadLine::NotAKind { written })?;
            }
            "name" => inv.name = text.unwrap_or_default(),
            "first_name" => inv.first_name = text,
            "headline" => inv.headline = text,
            "note" => inv.note = text,
            "profile_url" => inv.profile_url = text,
            _ => inv.sent = text,
        }
    }
    Ok(inv)
}

fn check_settings(args: &[String]) -> Result<ExitCode, Fatal> {
    let path = match args {
        [h] if h == "-h" || h == "--help" => {
            print!("{HELP}");
            return Ok(ExitCode::SUCCESS);
        }
        [p] if p == "-" || !p.starts_with('-') => p.as_str(),
        [] => return Err(Fatal("check-settings needs a settings file (or - for standard input)".into())),
        [p] => return Err(Fatal(format!("unknown option `{p}` for check-settings"))),
        _ => return Err(Fatal("check-settings checks one file".into())),
    };
    let (_, problems) = Settings::from_json(&read_text(path, SETTINGS_LIMIT)?);
    let mut out = io::stdout().lock();
    for p in &problems {
        if let Err(e) = writeln!(out, "{p}") {
            return closed_output(e);
        }
    }
    if problems.is_empty() {
        eprintln!("{path}: settings are valid");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{path}: {} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
        Ok(ExitCode::FAILURE)
    }
}

/// The options of `read` and `triage`: the page file, `--url`, and (triage) `--settings`.
struct PageArgs {
    file: String,
    url: Option<String>,
    settings: Option<String>,
}

fn page_args(command: &str, args: &[String], settings: bool) -> Result<Option<PageArgs>, Fatal> {
    let mut out = PageArgs { file: String::new(), url: None, settings: None };
    let mut file: Option<String> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "--url" => out.url = Some(it.next().ok_or_else(|| Fatal("--url needs an address".into()))?.clone()),
            s if s.starts_with("--url=") => out.url = Some(s["--url=".len()..].to_owned()),
            "--settings" | "-s" if settings => out.settings = Some(it.next().ok_or_else(|| Fatal("--settings needs a file name".into()))?.clone()),
            s if settings && s.starts_with("--settings=") => out.settings = Some(s["--settings=".len()..].to_owned()),
            s if s.starts_with('-') && s != "-" => return Err(Fatal(format!("unknown option `{s}` for {command} (try `notyet --help`)"))),
            s => {
                if let Some(first) = &file {
                    return Err(Fatal(format!("{command} reads one page, got `{first}` and `{s}`")));
                }
                file = Some(s.to_owned());
            }
        }
    }
    out.file = file.ok_or_else(|| Fatal(format!("{command} needs a saved page (.html) or a page report (.json)")))?;
    Ok(Some(out))
}

/// The page as the extension would have snapshotted it: a report's snapshot as saved, or a
/// saved HTML page converted natively, and whether it was read whole. `None` (after saying why)
/// when it can't be read.
fn load_page(args: &PageArgs) -> Result<Option<(Snapshot, bool)>, Fatal> {
    let text = match read_text(&args.file, PAGE_LIMIT) {
        Ok(t) => t,
        Err(Fatal(message)) => {
            eprintln!("notyet: {message}");
            return Ok(None);
        }
    };
    let is_report = args.file.to_ascii_lowercase().ends_with(".json") || (args.file == "-" && text.trim_start().starts_with('{'));
    if is_report {
        let mut snapshot = match Snapshot::from_json(&text) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("notyet: {}: {}", args.file, report_problem(&e, &text));
                return Ok(None);
            }
        };
        if let Some(url) = &args.url {
            snapshot.url = url.clone();
        } else if snapshot.url.is_empty() {
            snapshot.url = DEFAULT_URL.into();
        }
        return Ok(Some((snapshot, true)));
    }
    // A page named alone ("page.html") has the parent "": its frame "/-" was then "-", which
    // read_limited reads as standard input, so the command waited on it.
    let dir = std::path::Path::new(&args.file).parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new(".")).to_path_buf();
    // The page and its frames share PAGE_LIMIT (nine frames of 256 MB each would want 2.3 GB).
    // Only a plain file is a frame: a browser saves nothing else, and opening a FIFO with no
    // writer waits for ever. A frame that can't be read stays empty, as the agent leaves one.
    let left = std::cell::Cell::new(PAGE_LIMIT - text.len() as u64);
    let frames_cut = std::cell::Cell::new(false);
    let load = |path: &str| {
        let path = dir.join(path);
        let path = path.to_str().filter(|_| fs::metadata(&path).is_ok_and(|m| m.is_file()))?;
        match read_limited(path, left.get()) {
            Ok(frame) => {
                left.set(left.get() - frame.len() as u64);
                Some(frame)
            }
            Err(e) if e.kind() == io::ErrorKind::Other => {
                eprintln!("notyet: {}: the frame `{path}` left out: the page and its frames hold more than {}", args.file, megabytes(PAGE_LIMIT));
                frames_cut.set(true);
                None
            }
            Err(_) => None,
        }
    };
    let url = args.url.clone().or_else(|| html::page_address(&text)).unwrap_or_else(|| DEFAULT_URL.into());
    let converted = html::snapshot_of(&text, &url, &html::Options { frames: Some(&load), mark: None });
    match converted.cut {
        Some(html::ParseCut::Depth) => {
            eprintln!("notyet: {}: the page nests more than {} elements deep: read down to there, the rest left out", args.file, html::PARSE_DEPTH)
        }
        Some(html::ParseCut::Looks) => eprintln!(
            "notyet: {}: the page's tags had the parser look through its open elements or a tag's attributes more than {} times a byte: read up to there, the rest left out",
            args.file,
            html::PARSE_LOOKS_PER_BYTE
        ),
        None => {}
    }
    Ok(Some((converted.snapshot, converted.cut.is_none() && !frames_cut.get())))
}

fn read(args: &[String]) -> Result<ExitCode, Fatal> {
    let Some(args) = page_args("read", args, false)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let Some((snapshot, whole)) = load_page(&args)? else {
        return Ok(ExitCode::FAILURE);
    };
    let page = read_page(&snapshot);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut lines: Vec<String> = page.invitations.iter().map(|inv| serde_json::to_string(inv).unwrap_or_default()).collect();
    let composer = match &page.composer {
        None => serde_json::json!({ "composer": null }),
        Some(c) => {
            let to = match click::target(&page, c) {
                Target::One(inv) => Some(inv.name).filter(|n| !n.is_empty()),
                // Whom the box writes to, even when the page shows no invitation of theirs.
                Target::NotInvited(name) => Some(name).filter(|n| !n.is_empty()),
                Target::Unsure(_) | Target::Nobody => None,
            };
            serde_json::json!({ "composer": { "to": to, "text": c.lines.join("\n") } })
        }
    };
    lines.push(composer.to_string());
    for line in lines {
        if let Err(e) = writeln!(out, "{line}") {
            return closed_output(e);
        }
    }
    if let Err(e) = out.flush() {
        return closed_output(e);
    }
    Ok(if whole { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn triage(args: &[String]) -> Result<ExitCode, Fatal> {
    let Some(args) = page_args("triage", args, true)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let settings = load_settings(args.settings.as_deref())?;
    let Some((snapshot, whole)) = load_page(&args)? else {
        return Ok(ExitCode::FAILURE);
    };
    let page = read_page(&snapshot);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut counts = [(Action::Reply, 0usize), (Action::Accept, 0), (Action::Ignore, 0), (Action::Report, 0)];
    for inv in &page.invitations {
        let s = decide(inv, &settings);
        if let Some(c) = counts.iter_mut().find(|(a, _)| *a == s.action) {
            c.1 += 1;
        }
        let mut line = serde_json::to_value(inv).unwrap_or_default();
        if let Some(map) = line.as_object_mut() {
            map.insert("category".into(), serde_json::to_value(s.category).unwrap_or_default());
            map.insert("action".into(), serde_json::to_value(s.action).unwrap_or_default());
            map.insert("reasons".into(), serde_json::to_value(&s.reasons).unwrap_or_default());
            map.insert("text".into(), serde_json::to_value(&s.text).unwrap_or_default());
        }
        if let Err(e) = writeln!(out, "{line}") {
            return closed_output(e);
        }
    }
    if let Err(e) = out.flush() {
        return closed_output(e);
    }
    let n = page.invitations.len();
    let parts: Vec<String> =
        counts.iter().map(|(a, c)| format!("{c} {}", serde_json::to_value(a).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default())).collect();
    eprintln!("{n} invitation{}: {}", if n == 1 { "" } else { "s" }, parts.join(", "));
    Ok(if whole { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse_invitation` lists `Invitation`'s fields by hand beside its derived `Deserialize`:
    /// a field added to the type and not to that list would be dropped from every line without
    /// a word. The literal names every field (an added one fails to compile here), and what
    /// `Invitation` writes must read back whole.
    #[test]
    fn parse_invitation_reads_back_every_field_an_invitation_writes() {
        let full = Invitation {
            site: "linkedin".into(),
            kind: Kind::Company,
            name: "Kathie Smith".into(),
            first_name: Some("Kathie".into()),
            headline: Some("Career coach".into()),
            note: Some("Hi".into()),
            mutual_connections: Some(3),
            profile_url: Some("https://www.linkedin.com/in/kathie-smith/".into()),
            sent: Some("2 weeks ago".into()),
        };
        let text = serde_json::to_string(&full).expect("JSON");
        assert_eq!(parse_invitation(&text), Ok(full));
    }
}
