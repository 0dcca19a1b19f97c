//! The progress record's save (`Record::save_over`, what the service worker runs for each panel
//! save) timed natively at a full record: `cargo run --release -p notyet-core --example
//! record_save`. A panel's record in the stored one's order (as panels write it), reversed,
//! scrambled, and with no key in common: the search out from the last entry found is linear in
//! the first two cases only.

use notyet_core::panel::{Handled, Record, RECORD_LIMIT};
use std::time::Instant;

fn main() {
    let e = |k: u64| Handled {
        key: format!("https://www.linkedin.com/in/person-{k:05}/"),
        name: format!("Person {k}"),
        drafted: Some(1_796_064_000_000 + k),
        gone: None,
    };
    let n = RECORD_LIMIT as u64;
    let mine = Record { entries: (0..n).map(e).collect(), hide: false, cleared: None };
    let mut same = mine.clone();
    same.entries.pop();
    same.entries.push(e(2 * n));
    let mut reversed = mine.clone();
    reversed.entries.reverse();
    // Every key, shuffled (Fisher-Yates by a fixed xorshift: the same order each run).
    let mut scrambled = mine.clone();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    for i in (1..scrambled.entries.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        scrambled.entries.swap(i, (x % (i as u64 + 1)) as usize);
    }
    let apart = Record { entries: (5 * n..6 * n).map(e).collect(), hide: false, cleared: None };
    for (name, stored) in [("same order", &same), ("reversed", &reversed), ("scrambled", &scrambled), ("no key in common", &apart)] {
        let stored = stored.to_json();
        let start = Instant::now();
        let mut bytes = 0;
        for _ in 0..20 {
            bytes += mine.clone().save_over(&stored).len();
        }
        println!("{name}: {:.2} ms a save ({} B written)", start.elapsed().as_secs_f64() * 1000.0 / 20.0, bytes / 20);
    }
}
