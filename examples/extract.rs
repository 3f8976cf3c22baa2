//! `extract`: Korean outage articles in, incident records out.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] PATH...
//! ```
//!
//! Reads files, directories (walked recursively, in sorted order) and `-`
//! (stdin), extracts every document in parallel with one shared
//! [`Extractor`], and writes one record per document **in input order**:
//! JSON Lines by default (the format is specified in `jangae::dataset`),
//! a JSON array, CSV, or a dataset directory. Memory stays bounded: at most a
//! window of documents is in flight or waiting for its turn to be written.
//!
//! Exit code: 0 when at least one document was read, 1 when every document
//! failed (or there was none, or the output could not be written), 2 for
//! wrong arguments.

use std::collections::{BTreeMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use globset::{Glob, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jangae::dataset::{self, DatasetWriter, Line};
use jangae::{DEFAULT_MAX_BYTES, Error, Extractor, ExtractorOptions, Input};

const USAGE: &str = "\
extract: structured incident records from Korean news articles about IT outages

USAGE:
    extract [OPTIONS] PATH...

PATH is a file (.html/.htm read as HTML, .txt as text, anything else sniffed),
a directory (walked recursively in sorted order), or - for stdin.

OPTIONS:
    --published RFC3339   publication time of every document (wins over the page's);
                          relative dates are resolved against it
    --format FORMAT       jsonl (default: one JSON object per document and line),
                          json (one array), or csv (one row per incident)
    --with-body           include the clean article text (\"body\") that spans point into
    --dataset DIR         write DIR/articles.jsonl, incidents.jsonl (merged across
                          articles), errors.jsonl and summary.json instead of stdout
    --from-list FILE      also read paths from FILE, one per line (- for stdin)
    --include GLOB        when walking directories, take files matching GLOB
                          (repeatable; default: *.html, *.htm, *.txt)
    --exclude GLOB        when walking directories, skip files and folders matching GLOB
                          (repeatable); globs match the path below the walked directory
    --jobs N              worker threads (default: all cores)
    --max-bytes N         refuse documents larger than N bytes (K, M, G suffixes;
                          default 20M)
    --quiet               no progress bar and no summary on stderr
    -h, --help            print this help

Exit code: 0 when at least one document was read, 1 when all failed, 2 for wrong
arguments. Hidden files and folders (.name) are skipped while walking.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jsonl,
    Json,
    Csv,
}

#[derive(Debug)]
struct Options {
    published: Option<DateTime<FixedOffset>>,
    format: Format,
    with_body: bool,
    dataset: Option<PathBuf>,
    from_list: Option<String>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    quiet: bool,
    jobs: usize,
    max_bytes: usize,
    paths: Vec<String>,
}

enum Parsed {
    Run(Box<Options>),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut o = Options {
        published: None,
        format: Format::Jsonl,
        with_body: false,
        dataset: None,
        from_list: None,
        include: None,
        exclude: None,
        quiet: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        max_bytes: DEFAULT_MAX_BYTES,
        paths: Vec::new(),
    };
    let (mut include, mut exclude) = (Vec::new(), Vec::new());
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            o.paths.push(arg);
            continue;
        }
        if arg == "--" {
            only_paths = true;
            continue;
        }
        // Both `--name value` and `--name=value`.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--published" => {
                let v = value()?;
                o.published = Some(DateTime::parse_from_rfc3339(&v).map_err(|_| {
                    format!("invalid --published {v:?}: expected RFC 3339, e.g. 2023-11-17T18:00:00+09:00")
                })?);
            }
            "--format" => {
                o.format = match value()?.as_str() {
                    "jsonl" => Format::Jsonl,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(format!(
                            "unknown --format {other:?}: use jsonl, json or csv"
                        ));
                    }
                }
            }
            "--with-body" => o.with_body = true,
            "--quiet" | "-q" => o.quiet = true,
            "--dataset" => o.dataset = Some(PathBuf::from(value()?)),
            "--from-list" => o.from_list = Some(value()?),
            "--include" => include.push(value()?),
            "--exclude" => exclude.push(value()?),
            "--jobs" | "-j" => {
                let v = value()?;
                o.jobs =
                    v.parse().ok().filter(|&n: &usize| n > 0).ok_or_else(|| {
                        format!("invalid --jobs {v:?}: expected a positive number")
                    })?;
            }
            "--max-bytes" => {
                let v = value()?;
                o.max_bytes = parse_size(&v).ok_or_else(|| {
                    format!("invalid --max-bytes {v:?}: expected e.g. 5000000 or 20M")
                })?;
            }
            _ => return Err(format!("unknown option {arg}")),
        }
        if inline.is_some() && matches!(name.as_str(), "--with-body" | "--quiet" | "-q") {
            return Err(format!("{name} takes no value"));
        }
    }
    if o.paths.is_empty() && o.from_list.is_none() {
        return Err("no PATH given".into());
    }
    let stdin_uses = o.paths.iter().filter(|p| *p == "-").count()
        + usize::from(o.from_list.as_deref() == Some("-"));
    if stdin_uses > 1 {
        return Err("stdin (-) can be read only once".into());
    }
    o.include = globs(&include)?;
    o.exclude = globs(&exclude)?;
    Ok(Parsed::Run(Box::new(o)))
}

fn parse_size(v: &str) -> Option<usize> {
    let (digits, unit) = match v.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => v.split_at(i),
        None => (v, ""),
    };
    let n: usize = digits.parse().ok()?;
    let mult = match unit.to_ascii_uppercase().as_str() {
        "" => 1,
        "K" | "KB" => 1 << 10,
        "M" | "MB" => 1 << 20,
        "G" | "GB" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(mult).filter(|&n| n > 0)
}

fn globs(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("invalid glob {p:?}: {e}"))?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------
// Inputs: a lazy, ordered stream of documents (never the whole list in memory).

/// One document to read.
enum Doc {
    Stdin,
    File {
        path: PathBuf,
        source: String,
    },
    /// Found but not readable (a walk error).
    Failed {
        source: String,
        error: String,
    },
}

struct Inputs {
    pending: VecDeque<String>,
    list: Option<Box<dyn BufRead + Send>>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Inputs {
    fn new(o: &Options, list: Option<Box<dyn BufRead + Send>>) -> Self {
        Self {
            pending: o.paths.iter().cloned().collect(),
            list,
            walk: None,
            include: o.include.clone(),
            exclude: o.exclude.clone(),
        }
    }

    fn wanted(&self, rel: &Path) -> bool {
        if self.exclude.as_ref().is_some_and(|g| g.is_match(rel)) {
            return false;
        }
        match &self.include {
            Some(g) => g.is_match(rel),
            None => rel.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["html", "htm", "txt"]
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            }),
        }
    }

    fn next_from_walk(&mut self) -> Option<Doc> {
        loop {
            let (root, walk) = self.walk.as_mut()?;
            let Some(entry) = walk.next() else {
                self.walk = None;
                return None;
            };
            let root = root.clone();
            match entry {
                Err(e) => {
                    let source = e.path().unwrap_or(&root).to_string_lossy().into_owned();
                    return Some(Doc::Failed {
                        source,
                        error: format!("cannot read {}: {e}", e.path().unwrap_or(&root).display()),
                    });
                }
                Ok(entry) => {
                    let rel = entry.path().strip_prefix(&root).unwrap_or(entry.path());
                    let is_dir = entry.file_type().is_dir();
                    let skipped = entry.depth() > 0
                        && (is_hidden(entry.path())
                            || (is_dir && self.exclude.as_ref().is_some_and(|g| g.is_match(rel))));
                    if skipped && is_dir {
                        walk.skip_current_dir();
                    }
                    if !skipped && entry.file_type().is_file() && self.wanted(rel) {
                        return Some(Doc::File {
                            source: entry.path().to_string_lossy().into_owned(),
                            path: entry.into_path(),
                        });
                    }
                }
            }
        }
    }

    fn next_arg(&mut self) -> Option<String> {
        if let Some(p) = self.pending.pop_front() {
            return Some(p);
        }
        let list = self.list.as_mut()?;
        let mut line = String::new();
        loop {
            line.clear();
            match list.read_line(&mut line) {
                Ok(0) | Err(_) => {
                    self.list = None;
                    return None;
                }
                Ok(_) => {
                    let p = line.trim_end_matches(['\n', '\r']);
                    if !p.trim().is_empty() {
                        return Some(p.to_string());
                    }
                }
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Doc;

    fn next(&mut self) -> Option<Doc> {
        loop {
            if let Some(doc) = self.next_from_walk() {
                return Some(doc);
            }
            let arg = self.next_arg()?;
            if arg == "-" {
                return Some(Doc::Stdin);
            }
            let path = PathBuf::from(&arg);
            if path.is_dir() {
                let walk = walkdir::WalkDir::new(&path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter();
                self.walk = Some((path, walk));
                continue;
            }
            return Some(Doc::File { path, source: arg });
        }
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

// ---------------------------------------------------------------------------
// Processing one document.

struct Done {
    line: Line,
    bytes: u64,
}

fn read_limited(mut reader: impl Read, limit: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A document's source name, its bytes, and its path when it is a file.
type Loaded<'a> = (String, Vec<u8>, Option<&'a Path>);

/// A failure: the source name and the message.
type Failure = (String, String);

fn read_doc(doc: &Doc, max_bytes: usize) -> Result<Loaded<'_>, Failure> {
    match doc {
        Doc::Stdin => read_limited(io::stdin().lock(), max_bytes)
            .map(|b| ("-".to_string(), b, None))
            .map_err(|e| ("-".to_string(), format!("cannot read stdin: {e}"))),
        Doc::Failed { source, error } => Err((source.clone(), error.clone())),
        Doc::File { path, source } => {
            let io_err = |e: io::Error| {
                (
                    source.clone(),
                    Error::Io {
                        path: source.clone(),
                        source: e,
                    }
                    .to_string(),
                )
            };
            let file = File::open(path).map_err(io_err)?;
            let meta = file.metadata().map_err(io_err)?;
            if meta.is_dir() {
                return Err((
                    source.clone(),
                    format!("cannot read {source}: is a directory"),
                ));
            }
            // Refuse huge files before reading them.
            if meta.len() > max_bytes as u64 {
                let e = Error::TooLarge {
                    size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
                    limit: max_bytes,
                };
                return Err((source.clone(), e.to_string()));
            }
            let bytes = read_limited(file, max_bytes).map_err(io_err)?;
            Ok((source.clone(), bytes, Some(path.as_path())))
        }
    }
}

fn process(extractor: &Extractor, doc: Doc, o: &Settings) -> Done {
    let (source, bytes, path) = match read_doc(&doc, o.max_bytes) {
        Ok(x) => x,
        Err((source, error)) => {
            return Done {
                line: Line::failed(source, error),
                bytes: 0,
            };
        }
    };
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let n = bytes.len() as u64;
    let run = || {
        let input = match ext.as_deref() {
            Some("html" | "htm") => Input::html(bytes.as_slice()),
            Some("txt") => match std::str::from_utf8(&bytes) {
                Ok(text) => Input::text(text),
                // Not UTF-8: let the reader detect the encoding.
                Err(_) => Input::sniff(bytes.as_slice()),
            },
            _ => Input::sniff(bytes.as_slice()),
        };
        let mut input = input.with_source(source.clone());
        if let Some(p) = o.published {
            input = input.with_published(p);
        }
        extractor.extract(input)
    };
    // A panic is a bug, but one document must not take the batch down.
    let line = match std::panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok(article)) => Line::ok(article, o.with_body),
        Ok(Err(e)) => Line::failed(source, e),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Line::failed(source, format!("internal error (please report): {msg}"))
        }
    };
    Done { line, bytes: n }
}

/// What the workers need (cheap to share).
struct Settings {
    published: Option<DateTime<FixedOffset>>,
    with_body: bool,
    max_bytes: usize,
}

// ---------------------------------------------------------------------------
// Output sinks.

enum Sink {
    Jsonl(BufWriter<io::Stdout>),
    Json(BufWriter<io::Stdout>, bool),
    Csv(Box<csv::Writer<io::Stdout>>),
    Dataset(Box<DatasetWriter>),
}

impl Sink {
    fn open(o: &Options) -> io::Result<Self> {
        if let Some(dir) = &o.dataset {
            return Ok(Sink::Dataset(Box::new(DatasetWriter::create(dir)?)));
        }
        Ok(match o.format {
            Format::Jsonl => Sink::Jsonl(BufWriter::new(io::stdout())),
            Format::Json => Sink::Json(BufWriter::new(io::stdout()), true),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(io::stdout());
                w.write_record(dataset::CSV_HEADER)
                    .map_err(io::Error::from)?;
                Sink::Csv(Box::new(w))
            }
        })
    }

    fn write(&mut self, line: &Line) -> io::Result<()> {
        match self {
            Sink::Jsonl(w) => writeln!(w, "{}", line.to_json()),
            Sink::Json(w, first) => {
                let sep = if *first { "[\n" } else { ",\n" };
                *first = false;
                write!(w, "{sep}{}", line.to_json())
            }
            Sink::Csv(w) => dataset::write_csv(w, line).map_err(io::Error::from),
            Sink::Dataset(d) => d.write(line),
        }
    }

    /// Closes the output; returns the number of merged incidents for a dataset.
    fn finish(self) -> io::Result<Option<usize>> {
        match self {
            Sink::Jsonl(mut w) => w.flush().map(|_| None),
            Sink::Json(mut w, first) => {
                w.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
                w.flush().map(|_| None)
            }
            Sink::Csv(mut w) => w.flush().map(|_| None),
            Sink::Dataset(d) => d.finish().map(|s| Some(s.merged_incidents)),
        }
    }
}

// ---------------------------------------------------------------------------

#[derive(Default)]
struct Tally {
    documents: u64,
    read: u64,
    failed: u64,
    incidents: u64,
    bytes: u64,
}

fn open_list(o: &Options) -> Result<Option<Box<dyn BufRead + Send>>, String> {
    Ok(match o.from_list.as_deref() {
        None => None,
        Some("-") => Some(Box::new(BufReader::new(io::stdin()))),
        Some(f) => Some(Box::new(BufReader::new(
            File::open(f).map_err(|e| format!("cannot read --from-list {f}: {e}"))?,
        ))),
    })
}

fn progress_bar(o: &Options) -> ProgressBar {
    let single = o.from_list.is_none()
        && o.paths.len() == 1
        && (o.paths[0] == "-" || !Path::new(&o.paths[0]).is_dir());
    if o.quiet || single || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{spinner} {human_pos} docs  {per_sec:0}  {msg}  (counting…)")
            .expect("static template"),
    );
    pb.set_message("0 failed");
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

/// Counts the documents in the background so the bar can show an ETA.
fn count_in_background(o: &Options, pb: &ProgressBar) {
    if pb.is_hidden() || o.from_list.as_deref() == Some("-") {
        return;
    }
    let Ok(list) = open_list(o) else { return };
    let inputs = Inputs::new(o, list);
    let pb = pb.clone();
    std::thread::spawn(move || {
        let n = inputs.count() as u64;
        pb.set_length(n);
        pb.set_style(
            ProgressStyle::with_template(
                "{spinner} [{bar:30}] {human_pos}/{human_len} docs  {per_sec:0}  ETA {eta}  {msg}",
            )
            .expect("static template")
            .progress_chars("=> "),
        );
    });
}

fn run(o: Options, list: Option<Box<dyn BufRead + Send>>) -> Result<ExitCode, String> {
    let started = Instant::now();
    let extractor = Arc::new(
        Extractor::with_options(ExtractorOptions {
            max_bytes: o.max_bytes,
            ..ExtractorOptions::default()
        })
        .map_err(|e| format!("cannot load the dictionary: {e}"))?,
    );
    let settings = Arc::new(Settings {
        published: o.published,
        with_body: o.with_body,
        max_bytes: o.max_bytes,
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(o.jobs)
        .thread_name(|i| format!("extract-{i}"))
        .build()
        .map_err(|e| e.to_string())?;
    let mut sink = Sink::open(&o).map_err(|e| format!("cannot open the output: {e}"))?;
    let pb = progress_bar(&o);
    count_in_background(&o, &pb);

    // In flight plus waiting to be written never exceeds `window` documents.
    let window = (o.jobs * 8).max(16);
    let (permits_tx, permits_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        permits_tx.send(()).expect("receiver alive");
    }
    let (done_tx, done_rx) = mpsc::channel::<(usize, Done)>();
    let inputs = Inputs::new(&o, list);
    let mut tally = Tally::default();
    let mut write_error = None;

    std::thread::scope(|scope| {
        let pool = &pool;
        scope.spawn(move || {
            for (i, doc) in inputs.enumerate() {
                if permits_rx.recv().is_err() {
                    break; // the writer stopped
                }
                let (tx, ex, st) = (done_tx.clone(), extractor.clone(), settings.clone());
                pool.spawn(move || {
                    let _ = tx.send((i, process(&ex, doc, &st)));
                });
            }
        });
        // Write in input order as results arrive.
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        'recv: for (i, done) in done_rx.iter() {
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&next) {
                next += 1;
                tally.documents += 1;
                tally.bytes += done.bytes;
                if done.line.is_ok() {
                    tally.read += 1;
                    tally.incidents += done.line.article.incidents.len() as u64;
                } else {
                    tally.failed += 1;
                    pb.set_message(format!("{} failed", tally.failed));
                }
                if let Err(e) = sink.write(&done.line) {
                    write_error = Some(e);
                    break 'recv;
                }
                pb.inc(1);
                let _ = permits_tx.send(());
            }
        }
        // Unblocks the producer if we stopped early.
        drop(permits_tx);
        drop(done_rx);
    });
    pb.finish_and_clear();

    let merged = match write_error {
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Some(e) => return Err(format!("cannot write the output: {e}")),
        None => sink
            .finish()
            .map_err(|e| format!("cannot write the output: {e}"))?,
    };

    if !o.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = tally.bytes as f64 / 1e6;
        let mut msg = format!(
            "extract: {} documents ({} read, {} failed), {} incidents",
            tally.documents, tally.read, tally.failed, tally.incidents
        );
        if let (Some(m), Some(dir)) = (merged, &o.dataset) {
            msg += &format!(" ({m} after merging, written to {})", dir.display());
        }
        msg += &format!(
            ", {mb:.1} MB in {secs:.2} s ({:.1} docs/s, {:.2} MB/s, {} threads)",
            tally.documents as f64 / secs,
            mb / secs,
            o.jobs
        );
        eprintln!("{msg}");
    }
    Ok(if tally.read > 0 {
        ExitCode::SUCCESS
    } else {
        if !o.quiet && tally.documents == 0 {
            eprintln!("extract: no documents found");
        }
        ExitCode::from(1)
    })
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("extract: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Ok(Parsed::Run(o)) => {
            let list = match open_list(&o) {
                Ok(list) => list,
                Err(e) => {
                    eprintln!("extract: {e}");
                    return ExitCode::from(2);
                }
            };
            match run(*o, list) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("extract: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
