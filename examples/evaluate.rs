//! Scores the extractor against gold files.
//!
//! ```text
//! cargo run --release --example evaluate -- [--reference-from-gold] [--verbose] [--json] DIR
//! ```
//!
//! DIR holds documents (`NAME.txt`, `NAME.html`) with `NAME.gold.json`
//! beside them. Prints incident precision / recall / F1, per-field accuracy
//! over matched incidents and the mean field accuracy (definitions in
//! `jangae::evaluate`). `--reference-from-gold` passes the gold
//! `published_at` as the publication time (for documents without a date of
//! their own); `--verbose` lists each document's differences; `--json`
//! prints the whole report as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use jangae::Extractor;
use jangae::evaluate::{Options, Tally, evaluate_dir};

fn main() -> ExitCode {
    let mut options = Options::default();
    let (mut verbose, mut json) = (false, false);
    let mut dirs = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--reference-from-gold" => options.reference_from_gold = true,
            "--verbose" | "-v" => verbose = true,
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: evaluate [--reference-from-gold] [--verbose] [--json] DIR...");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => {
                eprintln!("unknown option {s}");
                return ExitCode::from(2);
            }
            s => dirs.push(PathBuf::from(s)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: evaluate [--reference-from-gold] [--verbose] [--json] DIR...");
        return ExitCode::from(2);
    }
    let extractor = match Extractor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for dir in dirs {
        let report = match evaluate_dir(&extractor, &dir, &options) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        if json {
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            continue;
        }
        println!("== {} ({} documents)", dir.display(), report.documents.len());
        if verbose {
            for d in &report.documents {
                println!(
                    "-- {}: tp {} fp {} fn {}{}",
                    d.source,
                    d.true_positives,
                    d.false_positives,
                    d.false_negatives,
                    d.error.as_deref().map(|e| format!(" error: {e}")).unwrap_or_default()
                );
                for m in &d.mismatches {
                    println!("   {m}");
                }
            }
        }
        println!(
            "incidents: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
            report.precision(),
            report.recall(),
            report.f1(),
            report.true_positives,
            report.false_positives,
            report.false_negatives
        );
        let f = &report.fields;
        let line = |name: &str, t: &Tally| println!("  {name:<16} {:.3}  ({}/{})", t.accuracy(), t.correct, t.total);
        line("start", &f.start);
        line("end", &f.end);
        line("duration", &f.duration);
        line("causes", &f.causes);
        line("services", &f.services);
        line("operator", &f.operator);
        line("published_at", &f.published_at);
        println!("  extra:");
        line("services_strict", &f.services_strict);
        line("kind", &f.kind);
        line("impacts", &f.impacts);
        line("timeline", &f.timeline);
        println!("mean field accuracy {:.3}", report.mean_field_accuracy());
    }
    ExitCode::SUCCESS
}
