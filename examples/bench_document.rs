//! Throughput of the document stage (bytes → title, times, clean body) in
//! MB/s of input, one thread.
//!
//! `cargo run --release --example bench_document [-- PATH...] [--dump]`
//! (default: every page in `fixtures/html/`). `--dump` prints what the stage
//! read from each file instead of timing it; `--json` prints the same as one
//! JSON object per file (for comparisons with other extractors).

use std::time::Instant;

use jangae::{Format, read_document};

fn main() {
    let mut dump = false;
    let mut json = false;
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--dump" {
            dump = true;
        } else if a == "--json" {
            json = true;
        } else {
            paths.push(a.into());
        }
    }
    if paths.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html");
        let mut found: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        found.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "html"));
        found.sort();
        paths = found;
    }
    let pages: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    if pages.is_empty() {
        eprintln!("no input pages");
        std::process::exit(2);
    }
    if json {
        for (name, bytes) in &pages {
            let format = if name.ends_with(".txt") {
                Format::Text
            } else {
                Format::Sniff
            };
            let value = match read_document(bytes, format, usize::MAX) {
                Ok(d) => serde_json::json!({
                    "source": name,
                    "title": d.title,
                    "published_at": d.published_at.map(|t| t.to_rfc3339()),
                    "modified_at": d.modified_at.map(|t| t.to_rfc3339()),
                    "byline": d.byline,
                    "body": d.body,
                    "warnings": d.warnings,
                }),
                Err(e) => serde_json::json!({"source": name, "error": e.to_string()}),
            };
            println!("{value}");
        }
        return;
    }
    if dump {
        for (name, bytes) in &pages {
            let format = if name.ends_with(".txt") {
                Format::Text
            } else {
                Format::Sniff
            };
            match read_document(bytes, format, usize::MAX) {
                Ok(d) => {
                    println!(
                        "=== {name}\ntitle: {:?}\npublished: {:?}\nmodified: {:?}\nbyline: {:?}\nwarnings: {:?}\n{}\n",
                        d.title, d.published_at, d.modified_at, d.byline, d.warnings, d.body
                    );
                }
                Err(e) => println!("=== {name}\nerror: {e}\n"),
            }
        }
        return;
    }
    let total: usize = pages.iter().map(|(_, b)| b.len()).sum();
    // Warm up, then run for at least two seconds.
    for (_, b) in &pages {
        let _ = read_document(b, Format::Html, usize::MAX);
    }
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let mut rounds = 0usize;
    while start.elapsed().as_secs_f64() < 2.0 {
        for (_, b) in &pages {
            std::hint::black_box(
                read_document(std::hint::black_box(b), Format::Html, usize::MAX).ok(),
            );
        }
        rounds += 1;
    }
    let wall = start.elapsed().as_secs_f64();
    // On a shared machine wall time includes other processes; the thread's
    // own CPU time (Linux) is the fairer denominator for "one core".
    let secs = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    let mb = (total * rounds) as f64 / 1e6;
    println!(
        "document stage: {} pages, {:.1} KB per round, {rounds} rounds, {secs:.2} s CPU ({wall:.2} s wall): {:.1} MB/s, {:.0} pages/s (one core)",
        pages.len(),
        total as f64 / 1e3,
        mb / secs,
        (pages.len() * rounds) as f64 / secs
    );
}

/// CPU time of this thread in seconds, where the OS tells it.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
