//! The side panel's reading of a page, natively, for profiling (issue 8's start-up budget):
//! `cargo build --release -p notyet-core --example panel_read`, then
//! `target/release/examples/panel_read PAGE [REPS]` with PAGE the agent's snapshot JSON (`.json`)
//! or an HTML page (a panel fixture: `tests/fixtures/panel/make_panel_fixtures.py`'s `page(300,
//! 300)`). It prints the median time of each step; with REPS 0 it reads once, for `valgrind
//! --tool=callgrind --collect-atstart=no --toggle-collect='panel_read::once'`. The settings are
//! the panel tests' (tests/fixtures/panel/settings.json, run from the repository's root).
//! The panel's first list and the rest are apart: `--toggle-collect='panel_read::first_list'`
//! (parse, every card read as far as its key, the first [`FIRST`] rows decided) and
//! `'panel_read::the_rest'` (the other rows read whole and decided); `once` is both as one.
//! `panel_read PAGE rows` prints the rows of both ways as JSON, to compare two builds' outputs.

use notyet_core::panel::{triage, triage_first, Progress, Triage, WARM_PAGE};
use notyet_core::read::read_cards;
use notyet_core::snapshot::Snapshot;
use notyet_core::{decide_without_text, Settings};
use std::time::Instant;

const URL: &str = "https://www.linkedin.com/mynetwork/invitation-manager/received/";

/// What the panel does with a snapshot it receives: parse it, then read and decide every card.
#[inline(never)]
fn once(json: &str, settings: &Settings) -> usize {
    let snapshot = Snapshot::from_json(json).expect("the snapshot parses");
    triage(&snapshot, settings).rows.len()
}

/// The rows the panel decides at once: those in view of a tall side panel (an 800 px window's
/// rows of 92 px then, two partly shown, and six drawn beyond: crates/options, `panel::view`).
/// Kept at 16 since README's figures were taken with it; with today's rows of 70 px the panel
/// decides 19 in that window.
const FIRST: usize = 16;

/// The panel's first list: parse, read every card as far as its key, decide the first rows.
#[inline(never)]
fn first_list(json: &str, settings: &Settings) -> (Triage, Progress) {
    let snapshot = Snapshot::from_json(json).expect("the snapshot parses");
    triage_first(snapshot, settings, FIRST)
}

/// What the panel does a task later: the other rows read whole and decided.
#[inline(never)]
fn the_rest(mut fresh: Triage, progress: Progress, settings: &Settings) -> usize {
    progress.finish(&mut fresh.rows, settings);
    fresh.rows.len()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let page = args.next().expect("usage: panel_read PAGE [REPS]");
    let reps_arg = args.next();
    let reps: usize = reps_arg.as_deref().and_then(|a| a.parse().ok()).unwrap_or(25);
    let text = std::fs::read_to_string(&page).expect("the page reads");
    let json = if page.ends_with(".json") {
        text
    } else {
        let converted = notyet_core::html::snapshot_of(&text, URL, &notyet_core::html::Options { frames: None, mark: None });
        serde_json::to_string(&converted.snapshot).expect("serializes")
    };
    let settings = Settings::from_json(&std::fs::read_to_string("tests/fixtures/panel/settings.json").expect("the settings read")).0;
    // As the panel does while the page is read: what runs once per instance is done before.
    std::hint::black_box(triage(&Snapshot::from_json(WARM_PAGE).expect("parses"), &settings));
    if reps_arg.as_deref() == Some("rows") {
        println!("{}", serde_json::to_string(&triage(&Snapshot::from_json(&json).expect("parses"), &settings)).expect("serializes"));
        let (mut fresh, progress) = first_list(&json, &settings);
        progress.finish(&mut fresh.rows, &settings);
        println!("{}", serde_json::to_string(&fresh).expect("serializes"));
        return;
    }
    if reps == 0 {
        println!("{} rows", once(&json, &settings));
        let (fresh, progress) = first_list(&json, &settings);
        println!("{} rows, {} decided at once", fresh.rows.len(), fresh.rows.iter().filter(|r| !r.pending).count());
        println!("{} rows in the end", the_rest(fresh, progress, &settings));
        return;
    }
    let mut times: [Vec<f64>; 6] = Default::default();
    for _ in 0..reps {
        let t0 = Instant::now();
        let snapshot = Snapshot::from_json(&json).expect("parses");
        let t1 = Instant::now();
        let (cards, _) = read_cards(&snapshot);
        let t2 = Instant::now();
        let decided = cards.iter().map(|c| decide_without_text(&c.invitation, &settings).reasons.len()).sum::<usize>();
        let t3 = Instant::now();
        let rows = triage(&snapshot, &settings).rows.len();
        let t4 = Instant::now();
        let (fresh, progress) = triage_first(snapshot, &settings, FIRST);
        let t5 = Instant::now();
        let all = the_rest(fresh, progress, &settings);
        let t6 = Instant::now();
        std::hint::black_box((decided, rows, all));
        for (k, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5].into_iter().enumerate() {
            times[k].push(d.as_secs_f64() * 1000.0);
        }
    }
    for (name, mut t) in
        ["parse", "read every card", "decide every card", "triage (read + decide)", "the first list (every key, 16 rows decided)", "the rest decided"]
            .into_iter()
            .zip(times)
    {
        t.sort_by(f64::total_cmp);
        println!("{name}: median {:.2} ms, fastest {:.2} ms", t[t.len() / 2], t[0]);
    }
}
