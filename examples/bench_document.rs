//! Throughput of the document stage (bytes → title, times, clean body) in
//! MB/s of input, one thread.
//!
//! `cargo run --release --example bench_document [-- PATH...] [--dump]`
//! (default: every page in `fixtures/html/`). Two figures are printed: the
//! pages as given (the fixtures are small, 2-4 KB, so per-page costs
//! dominate) and the same pages brought to the weight of real portal pages
//! (about 200 KB: inline scripts and styles, a menu of a few hundred links,
//! a footer), which is what a crawler actually feeds the stage. `--dump` prints what the stage
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
    let bodies: Vec<Vec<u8>> = pages.iter().map(|(_, b)| b.clone()).collect();
    run("as given", &bodies);
    parse_only("as given", &bodies);
    let heavy: Vec<Vec<u8>> = bodies.iter().map(|b| real_weight(b)).collect();
    // The padding must not change what is read.
    for (((name, _), light), heavy) in pages.iter().zip(&bodies).zip(&heavy) {
        let a = read_document(light, Format::Html, usize::MAX)
            .ok()
            .map(|d| (d.title, d.published_at, d.body));
        let b = read_document(heavy, Format::Html, usize::MAX)
            .ok()
            .map(|d| (d.title, d.published_at, d.body));
        if a != b {
            eprintln!("warning: {name} reads differently at real page weight");
        }
    }
    run("at real page weight", &heavy);
}

/// Brings a page to the weight of a real Korean portal article page: the
/// scripts, styles, menus and footers that surround the article.
fn real_weight(page: &[u8]) -> Vec<u8> {
    let mut head = String::new();
    for i in 0..120 {
        head.push_str(&format!(
            "<script>window.__cfg{i}={{\"svc\":\"news\",\"ab\":[{i},{},{}],\"ads\":[\"/ad/slot/{i}\",\"/ad/slot/{}\"],\"t\":\"2025-01-19 10:20:58\"}};(function(w,d){{var s=d.createElement('script');s.async=true;s.src='https://cdn.example.com/lib/{i}.js';if(w.innerWidth<768&&d.cookie.indexOf('m=1')<0){{s.src+='?m=1'}}d.head.appendChild(s)}})(window,document);</script>\n",
            i * 7,
            i * 13,
            i + 1
        ));
    }
    head.push_str("<style>");
    for i in 0..400 {
        head.push_str(&format!(".c{i} .item > a:hover{{color:#1a1a1a;background:url(/img/s{i}.png) no-repeat 0 -{}px}}\n", i * 20));
    }
    head.push_str("</style>\n");
    let mut nav = String::from("<div class=\"gnb_wrap\"><ul class=\"gnb\">");
    for i in 0..300 {
        nav.push_str(&format!(
            "<li class=\"m{i}\"><a href=\"/section/{i}\">분야 {i}</a></li>"
        ));
    }
    nav.push_str("</ul></div>\n");
    let mut foot = String::from("<div class=\"site_footer\"><ul>");
    for i in 0..100 {
        foot.push_str(&format!("<li><a href=\"/corp/{i}\">회사 안내 {i}</a></li>"));
    }
    foot.push_str("</ul><p>주소: 서울특별시 예시구 예시로 1</p></div>\n");
    // Insert after the opening tags when present (case-insensitive search on
    // ASCII); EUC-KR pages stay byte-exact around the insertions.
    let lower = page.to_ascii_lowercase();
    let at = |needle: &[u8]| {
        lower
            .windows(needle.len())
            .position(|w| w == needle)
            .and_then(|p| {
                lower[p..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map(|q| p + q + 1)
            })
    };
    let mut out = Vec::with_capacity(page.len() + 220_000);
    let head_at = at(b"<head").unwrap_or(0);
    let body_at = at(b"<body").unwrap_or(head_at).max(head_at);
    out.extend_from_slice(&page[..head_at]);
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(&page[head_at..body_at]);
    out.extend_from_slice(nav.as_bytes());
    out.extend_from_slice(&page[body_at..]);
    out.extend_from_slice(foot.as_bytes());
    out
}

/// The floor under the stage: html5ever building the tree of the same
/// (UTF-8-decoded) pages, nothing else.
fn parse_only(label: &str, pages: &[Vec<u8>]) {
    let texts: Vec<String> = pages
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let total: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let mut rounds = 0usize;
    while start.elapsed().as_secs_f64() < 1.0 {
        for t in &texts {
            std::hint::black_box(scraper::Html::parse_document(std::hint::black_box(t)));
        }
        rounds += 1;
    }
    let wall = start.elapsed().as_secs_f64();
    let secs = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    println!(
        "  (html5ever tree building alone, {label}: {:.1} MB/s)",
        (total * rounds) as f64 / 1e6 / secs
    );
}

fn run(label: &str, pages: &[Vec<u8>]) {
    let total: usize = pages.iter().map(Vec::len).sum();
    // Warm up, then run for at least two seconds.
    for b in pages {
        let _ = read_document(b, Format::Html, usize::MAX);
    }
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let mut rounds = 0usize;
    while start.elapsed().as_secs_f64() < 2.0 {
        for b in pages {
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
        "document stage, {label}: {} pages, {:.1} KB per round, {rounds} rounds, {secs:.2} s CPU ({wall:.2} s wall): {:.1} MB/s, {:.0} pages/s (one core)",
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
