//! `notyet`: the NotYet core over JSON lines (the commands and formats: docs/formats.md).
//!
//! Kept thin: argument parsing, files and streams here; every decision in `notyet-core`.
//! Arguments are parsed by hand: two subcommands and one flag don't justify a parser crate.

use notyet_core::{decide, Invitation, Settings};
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
  notyet --help | --version

Exit status: 0 all well, 1 some input line or setting had a problem, 2 the command could not run.
";

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
        return Err(Fatal("no command given: use `notyet suggest` or `notyet check-settings`".into()));
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
        other => Err(Fatal(format!("unknown command `{other}` (try `notyet --help`)"))),
    }
}

/// Reads a whole file, or standard input for `-`.
fn read_text(path: &str) -> Result<String, Fatal> {
    if path == "-" {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s).map_err(|e| Fatal(format!("cannot read standard input: {e}")))?;
        return Ok(s);
    }
    fs::read_to_string(path).map_err(|e| Fatal(format!("cannot read `{path}`: {e}")))
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
    let settings = match settings_path {
        None => Settings::default(),
        Some(path) => {
            let (settings, problems) = Settings::from_json(&read_text(path)?);
            for p in &problems {
                eprintln!("notyet: warning: {path}: {p} (using the default there)");
            }
            settings
        }
    };
    let reader: Box<dyn BufRead> = match input.unwrap_or("-") {
        "-" => Box::new(BufReader::new(io::stdin().lock())),
        path => Box::new(BufReader::new(fs::File::open(path).map_err(|e| Fatal(format!("cannot read `{path}`: {e}")))?)),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for (i, line) in reader.split(b'\n').enumerate() {
        let number = i + 1;
        let line = line.map_err(|e| Fatal(format!("cannot read input at line {number}: {e}")))?;
        let result = match std::str::from_utf8(&line) {
            Err(e) => Err(format!("not UTF-8 text: {e}")),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => parse_invitation(text),
        };
        let json = match result {
            Ok(inv) => serde_json::to_string(&decide(&inv, &settings)).map_err(|e| format!("cannot write the suggestion: {e}")),
            Err(e) => Err(e),
        };
        let json = json.unwrap_or_else(|message| {
            failed = true;
            serde_json::json!({ "error": message, "line": number }).to_string()
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
        Err(Fatal(format!("cannot write output: {e}")))
    }
}

fn parse_invitation(text: &str) -> Result<Invitation, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    if !value.is_object() {
        return Err("expected an invitation object {\"name\": ..., \"note\": ...}".into());
    }
    serde_json::from_value(value).map_err(|e| format!("not an invitation: {e}"))
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
    let (_, problems) = Settings::from_json(&read_text(path)?);
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
