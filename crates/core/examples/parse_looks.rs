//! The parser's looks at open elements and attribute names per byte of each saved page given, and the parse's time:
//! the measure behind `html::PARSE_LOOKS_PER_BYTE`.
//! `cargo run -q --release -p notyet-core --features html --example parse_looks -- PAGE.html...`
//! prints bytes, looks, looks a byte, milliseconds, path.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("a readable file");
        let text = String::from_utf8_lossy(&bytes);
        let t = std::time::Instant::now();
        let looks = notyet_core::html::parse_looks(&text);
        let el = t.elapsed();
        println!("{:>12} {:>14} {:>8.2} {:>9.1}ms {}", text.len(), looks, looks as f64 / text.len().max(1) as f64, el.as_secs_f64() * 1e3, path);
    }
}
