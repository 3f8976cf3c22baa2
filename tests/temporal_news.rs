//! The hand-written news table (fixtures/temporal/news.json, conventions in
//! its README): every expected mention must be found with its exact text and
//! value, and nothing else may be reported (the lists are exhaustive).
//!
//! `JANGAE_NEWS_VERBOSE=1 cargo test --test temporal_news -- --nocapture`
//! lists every failing entry.

mod common;

use chrono::DateTime;
use jangae::temporal::{self, Instant, Policy, TemporalMention, TemporalValue};
use serde_json::Value;

fn side_ok(i: Option<&Instant>, e: &Value) -> bool {
    match i {
        None => e.is_null(),
        Some(i) => !e.is_null() && common::instant_matches(i, e),
    }
}

fn value_ok(m: &TemporalMention, e: &Value) -> bool {
    match (e["kind"].as_str(), &m.value) {
        (Some("instant"), TemporalValue::Instant(i)) => common::instant_matches(i, e),
        (Some("interval"), TemporalValue::Interval { from, to }) => {
            side_ok(from.as_ref(), &e["from"]) && side_ok(to.as_ref(), &e["to"])
        }
        (Some("duration"), TemporalValue::Duration { seconds, qualifier }) => {
            common::duration_matches(*seconds, *qualifier, e)
        }
        (Some("number"), TemporalValue::Number { value, approximate }) => {
            e["number"]
                .as_f64()
                .is_some_and(|n| (n - value).abs() < 1e-9)
                && e["approximate"].as_bool().unwrap_or(false) == *approximate
        }
        (Some("ordinal"), TemporalValue::Ordinal(n)) => e["number"].as_i64() == Some(*n),
        _ => false,
    }
}

/// Checks one entry; returns the problems found.
fn check(entry: &Value) -> Vec<String> {
    let text = entry["text"].as_str().expect("text");
    let reference = DateTime::parse_from_rfc3339(entry["reference"].as_str().expect("reference"))
        .expect("RFC 3339 reference");
    let policy = match entry["policy"].as_str() {
        Some("future") => Policy::Future,
        _ => Policy::Past,
    };
    let got = if entry["document"].as_bool().unwrap_or(false) {
        temporal::parse_document_text(text, Some(reference), policy)
    } else {
        temporal::parse(text, reference, policy)
    };
    let mut problems = Vec::new();
    let mut from = 0;
    let mut matched = vec![false; got.len()];
    for e in entry["expect"].as_array().into_iter().flatten() {
        let et = e["text"].as_str().expect("expected text");
        let Some(pos) = text[from..].find(et).map(|p| p + from) else {
            problems.push(format!("table: {et:?} not in text"));
            continue;
        };
        from = pos + et.len();
        let span = pos..pos + et.len();
        match got.iter().position(|m| m.span == span) {
            Some(k) => {
                matched[k] = true;
                if !value_ok(&got[k], e) {
                    problems.push(format!("{et:?}: expected {e}, got {:?}", got[k].value));
                }
            }
            None => {
                let near: Vec<_> = got
                    .iter()
                    .filter(|m| m.span.start < span.end && span.start < m.span.end)
                    .map(|m| &m.text)
                    .collect();
                problems.push(format!("{et:?} not found (overlapping: {near:?})"));
            }
        }
    }
    for (k, m) in got.iter().enumerate() {
        if !matched[k] {
            problems.push(format!("extra {:?} {:?}", m.text, m.value));
        }
    }
    problems
}

#[test]
fn news_table_passes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/temporal/news.json");
    let raw = std::fs::read_to_string(path).expect("fixtures/temporal/news.json");
    let entries: Vec<Value> = serde_json::from_str(&raw).expect("valid JSON");
    assert!(
        entries.len() >= 200,
        "the table has {} entries",
        entries.len()
    );
    let verbose = std::env::var_os("JANGAE_NEWS_VERBOSE").is_some();
    let mut failed = 0;
    for e in &entries {
        let problems = check(e);
        if !problems.is_empty() {
            failed += 1;
            if verbose {
                println!("FAIL {}", e["text"]);
                for p in problems {
                    println!("    {p}");
                }
            }
        }
    }
    println!(
        "news table: {}/{} entries pass",
        entries.len() - failed,
        entries.len()
    );
    assert_eq!(failed, 0, "{failed} news-table entries fail");
}
