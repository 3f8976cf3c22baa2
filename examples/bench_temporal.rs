//! Throughput of the temporal stage alone (the document-level pass, without
//! morphological analysis) over every file under `fixtures/` (or the files
//! given as arguments). Prints MB/s on one core: by wall clock, and by the
//! thread's own CPU time where Linux reports it (on a shared, loaded machine
//! the wall-clock figure understates the single-core speed).
//!
//! ```text
//! cargo run --release --example bench_temporal
//! cargo run --release --example bench_temporal -- ../shared/seeds/*.txt
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::DateTime;
use jangae::temporal::{self, Policy};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// CPU time this thread has run, in seconds (Linux `schedstat`).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        collect(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
            &mut paths,
        );
    }
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("no input files");
        return;
    }
    let reference = DateTime::parse_from_rfc3339("2023-11-24T21:00:00+09:00").expect("valid");
    let mut mentions = 0usize;
    let mut rounds = 0usize;
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for d in &docs {
            mentions += temporal::parse_document_text(d, Some(reference), Policy::Past).len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_start.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    let mb = (bytes * rounds) as f64 / 1e6;
    print!(
        "{} files, {:.1} KB, {} rounds, {} mentions/round: {:.1} MB/s wall",
        docs.len(),
        bytes as f64 / 1e3,
        rounds,
        mentions / rounds,
        mb / secs
    );
    match cpu {
        Some(c) if c > 0.0 => println!(
            ", {:.1} MB/s CPU ({:.0}% of a core)",
            mb / c,
            100.0 * c / secs
        ),
        _ => println!(),
    }
}
