//! Throughput benchmark of the whole pipeline against lindera alone.
//!
//! ```text
//! cargo run --release --example bench -- [--corpus DIR] [--mb N] [--jobs N] [--write-corpus DIR]
//! ```
//!
//! Builds a corpus of at least `--mb` MB (default 20) from the `.txt` and
//! `.html` documents under `--corpus` (default `fixtures/`, recursively), each copy varied
//! (paragraphs of text documents permuted, digits shifted) so no two
//! documents are the same, then reports in one run:
//!
//! * (f) the time to construct the [`Extractor`];
//! * (a) lindera alone: segmenting the same clean bodies, with and without
//!   reading each token's part-of-speech tag;
//! * (b) the full pipeline, and (c) each stage's share of it;
//! * (d) MB/s and documents/s on one core and on all cores (rayon pools);
//! * (e) peak resident memory (`VmHWM`), corpus included.
//!
//! `--write-corpus DIR` also writes the corpus as files, to measure the
//! `extract` binary itself (for example under `/usr/bin/time -v`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jangae::{Extractor, Input, StageTimes};
use lindera::dictionary::load_dictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use rayon::prelude::*;

struct Doc {
    bytes: Vec<u8>,
    html: bool,
}

fn main() {
    let mut corpus_dir = PathBuf::from("fixtures");
    let mut target_mb = 20.0_f64;
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut write_corpus: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--corpus" => corpus_dir = PathBuf::from(value()),
            "--mb" => target_mb = value().parse().unwrap_or_else(|_| usage("bad --mb")),
            "--jobs" => jobs = value().parse().unwrap_or_else(|_| usage("bad --jobs")),
            "--write-corpus" => write_corpus = Some(PathBuf::from(value())),
            _ => usage(&format!("unknown argument {a}")),
        }
    }

    println!("jangae {} throughput benchmark", env!("CARGO_PKG_VERSION"));
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average at start: {}", load.trim());
    }

    // (f) Construction.
    let t = Instant::now();
    let extractor = Extractor::new().expect("extractor");
    let first = t.elapsed();
    let t = Instant::now();
    let second = Extractor::new().expect("extractor");
    let again = t.elapsed();
    drop(second);
    println!(
        "(f) Extractor::new: {:.1} ms first, {:.1} ms again (target < 100 ms)",
        ms(first),
        ms(again)
    );

    let seeds = load_seeds(&corpus_dir);
    if seeds.is_empty() {
        usage(&format!(
            "no .txt or .html documents in {}",
            corpus_dir.display()
        ));
    }
    let corpus = build_corpus(&seeds, (target_mb * 1e6) as usize);
    let total_bytes: usize = corpus.iter().map(|d| d.bytes.len()).sum();
    let mb = total_bytes as f64 / 1e6;
    println!(
        "corpus: {} documents, {mb:.1} MB, varied from {} seeds in {}",
        corpus.len(),
        seeds.len(),
        corpus_dir.display()
    );
    if let Some(dir) = &write_corpus {
        write_out(dir, &corpus);
        println!("corpus written to {}", dir.display());
    }

    // Warm-up pass (untimed): touches the dictionary and collects the clean
    // bodies lindera alone will be timed on.
    let mut bodies: Vec<String> = Vec::with_capacity(corpus.len());
    let mut incidents = 0;
    let mut failed = 0;
    for d in &corpus {
        match extractor.extract(input(d)) {
            Ok(a) => {
                incidents += a.incidents.len();
                bodies.push(a.body);
            }
            Err(_) => failed += 1,
        }
    }
    println!("    {incidents} incidents, {failed} documents refused (e.g. no article text)");

    // (a) lindera alone on the same clean bodies, one thread.
    let dictionary = load_dictionary("embedded://ko-dic").expect("dictionary");
    let segmenter = Segmenter::new(Mode::Normal, dictionary, None);
    let body_mb = bodies.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let clock = Clock::start();
    let mut n_tokens = 0usize;
    for b in &bodies {
        n_tokens += segmenter
            .segment(Cow::Borrowed(b.as_str()))
            .expect("segment")
            .len();
    }
    let seg = clock.stop();
    let clock = Clock::start();
    let mut tag_bytes = 0usize;
    for b in &bodies {
        for mut tok in segmenter
            .segment(Cow::Borrowed(b.as_str()))
            .expect("segment")
        {
            tag_bytes += tok.get_detail(0).map_or(0, str::len);
        }
    }
    let seg_pos = clock.stop();
    std::hint::black_box(tag_bytes);
    drop(bodies);
    println!(
        "(a) lindera alone, one thread, {body_mb:.1} MB of clean bodies, {n_tokens} tokens:\n    segment {seg} ({:.2} MB/s of CPU); segment + POS tag {seg_pos}",
        body_mb / seg.cpu
    );

    // (b, c, d) Full pipeline on one core, then on all cores.
    let mut rows: Vec<(usize, Measured)> = Vec::new();
    let mut stage = StageTimes::default();
    for threads in [1, jobs] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let clock = Clock::start();
        let times: StageTimes = pool.install(|| {
            corpus
                .par_iter()
                .map(|d| extractor.extract_timed(input(d)).1)
                .reduce(StageTimes::default, |mut a, b| {
                    a += b;
                    a
                })
        });
        // Measured before the pool (and its threads' CPU counters) goes.
        rows.push((threads, clock.stop()));
        if threads == 1 {
            stage = times;
        }
        if jobs == 1 {
            break;
        }
    }
    let one = rows[0].1;
    for (threads, m) in &rows {
        println!(
            "(b,d) full pipeline, {threads} thread(s): {m}: {:.2} MB/s, {:.0} docs/s{}",
            mb / m.wall,
            corpus.len() as f64 / m.wall,
            if *threads > 1 {
                format!(
                    "; speed-up {:.2}x over one thread (wall; target >= 1.8x on 2 cores)",
                    one.wall / m.wall
                )
            } else {
                format!(" ({:.2} MB/s of CPU)", mb / one.cpu)
            }
        );
    }
    let staged = [
        ("document", stage.document),
        ("text", stage.text),
        ("morph", stage.morph),
        ("temporal", stage.temporal),
        ("incident", stage.incident),
    ];
    let in_stages: Duration = staged.iter().map(|s| s.1).sum();
    let shares: Vec<String> = staged
        .iter()
        .map(|(name, d)| {
            format!(
                "{name} {:.2} s ({:.1}%)",
                d.as_secs_f64(),
                100.0 * d.as_secs_f64() / in_stages.as_secs_f64()
            )
        })
        .collect();
    println!("(c) stage shares (one thread, wall): {}", shares.join(", "));
    println!(
        "    full pipeline / lindera (one thread, CPU time): {:.2}x segment-only, {:.2}x segment + POS (target <= 1.5x)",
        one.cpu / seg.cpu,
        one.cpu / seg_pos.cpu
    );

    // (e) Peak memory.
    println!(
        "(e) peak RSS (VmHWM): {} (corpus of {mb:.1} MB and its bodies held in memory; target < 300 MB)",
        peak_rss().unwrap_or_else(|| "unavailable".into())
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average at end: {}", load.trim());
    }
}

fn usage(msg: &str) -> ! {
    eprintln!("bench: {msg}\nusage: bench [--corpus DIR] [--mb N] [--jobs N] [--write-corpus DIR]");
    std::process::exit(2)
}

fn input(d: &Doc) -> Input<'_> {
    match (d.html, std::str::from_utf8(&d.bytes)) {
        (true, _) => Input::html(d.bytes.as_slice()),
        (false, Ok(text)) => Input::text(text),
        (false, Err(_)) => Input::sniff(d.bytes.as_slice()),
    }
}

/// Wall-clock and CPU seconds of one phase. On a shared machine the CPU
/// time of a one-thread phase is the fairer figure: it leaves out the time
/// spent waiting for a core.
#[derive(Debug, Clone, Copy)]
struct Measured {
    wall: f64,
    cpu: f64,
}

impl std::fmt::Display for Measured {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2} s wall, {:.2} s CPU", self.wall, self.cpu)
    }
}

struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    fn start() -> Self {
        Self {
            wall: Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    fn stop(self) -> Measured {
        Measured {
            wall: self.wall.elapsed().as_secs_f64(),
            cpu: cpu_seconds() - self.cpu,
        }
    }
}

/// CPU time of the live threads of this process, from
/// `/proc/self/task/*/schedstat` (nanoseconds on CPU); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .sum::<f64>()
        / 1e9
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

/// The `.txt` and `.html` documents under `dir` (recursively), sorted by path.
fn load_seeds(dir: &Path) -> Vec<Doc> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| {
            let e = e.ok()?;
            let ext = e.path().extension()?.to_str()?.to_ascii_lowercase();
            let html = match ext.as_str() {
                "html" | "htm" => true,
                "txt" => false,
                _ => return None,
            };
            Some(Doc {
                bytes: std::fs::read(e.path()).ok()?,
                html,
            })
        })
        .collect()
}

/// Repeats the seeds with variations until `target` bytes.
fn build_corpus(seeds: &[Doc], target: usize) -> Vec<Doc> {
    let mut out = Vec::new();
    let mut size = 0;
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let mut k = 0usize;
    while size < target {
        let seed = &seeds[k % seeds.len()];
        let variant = k / seeds.len();
        let bytes = if variant == 0 {
            seed.bytes.clone()
        } else {
            vary(seed, variant, &mut rng)
        };
        size += bytes.len();
        out.push(Doc {
            bytes,
            html: seed.html,
        });
        k += 1;
    }
    out
}

fn next(rng: &mut u64) -> u64 {
    // xorshift64*: deterministic, no dependency.
    *rng ^= *rng >> 12;
    *rng ^= *rng << 25;
    *rng ^= *rng >> 27;
    rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Shifts every ASCII digit by `variant` and, for text, permutes the
/// paragraphs after the first line (the title).
fn vary(seed: &Doc, variant: usize, rng: &mut u64) -> Vec<u8> {
    let shift = (variant % 9 + 1) as u8;
    let shifted: Vec<u8> = seed
        .bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_digit() {
                b'0' + (b - b'0' + shift) % 10
            } else {
                b
            }
        })
        .collect();
    if seed.html {
        return shifted;
    }
    let Ok(text) = String::from_utf8(shifted.clone()) else {
        return shifted;
    };
    let mut lines: Vec<&str> = text.lines().collect();
    if lines.len() > 2 {
        // Fisher-Yates over the lines after the title.
        for i in (2..lines.len()).rev() {
            let j = 1 + (next(rng) as usize) % i;
            lines.swap(i, j);
        }
    }
    lines.join("\n").into_bytes()
}

fn write_out(dir: &Path, corpus: &[Doc]) {
    std::fs::create_dir_all(dir).expect("create corpus dir");
    for (i, d) in corpus.iter().enumerate() {
        let ext = if d.html { "html" } else { "txt" };
        std::fs::write(dir.join(format!("{i:06}.{ext}")), &d.bytes).expect("write corpus");
    }
}
