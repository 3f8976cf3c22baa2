//! Hand-written gold times of whole articles: the article fixtures
//! (fixtures/articles/*.gold.json) and the seed documents
//! (../shared/seeds/*.gold.json, read in place when present, never copied).
//! Every start, end, timeline instant and stated duration of the plain-text
//! documents must be found by the document-level pass, with its value,
//! precision and approximation (durations: seconds and qualifier). HTML
//! fixtures are left to the extractor's own tests (their body text needs the
//! document stage).

mod common;

use std::path::Path;

use chrono::DateTime;
use jangae::temporal::{self, Policy, TemporalMention, TemporalValue};
use serde_json::Value;

fn matches(m: &TemporalMention, g: &Value, duration: bool) -> bool {
    match (&m.value, duration) {
        (TemporalValue::Duration { seconds, qualifier }, true) => {
            common::duration_matches(*seconds, *qualifier, g)
        }
        (TemporalValue::Instant(i), false) => common::instant_matches(i, g),
        (TemporalValue::Interval { from, to }, false) => from
            .iter()
            .chain(to.iter())
            .any(|i| common::instant_matches(i, g)),
        _ => false,
    }
}

/// Checks every gold file in `dir`; returns (items checked, failures).
fn check_dir(dir: &Path) -> (usize, Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (0, Vec::new());
    };
    let mut golds: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    let (mut total, mut failures) = (0, Vec::new());
    for g in golds {
        let name = g
            .to_string_lossy()
            .trim_end_matches(".gold.json")
            .to_string();
        let Ok(text) = std::fs::read_to_string(format!("{name}.txt")) else {
            continue;
        };
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&g).expect("gold")).expect("JSON");
        let reference = gold["published_at"]
            .as_str()
            .and_then(|r| DateTime::parse_from_rfc3339(r).ok());
        let found = temporal::parse_document_text(&text, reference, Policy::Past);
        for inc in gold["incidents"].as_array().into_iter().flatten() {
            let mut items: Vec<(&Value, bool)> = Vec::new();
            for k in ["start", "end"] {
                if !inc[k].is_null() {
                    items.push((&inc[k], false));
                }
            }
            if !inc["duration"].is_null() {
                items.push((&inc["duration"], true));
            }
            for t in inc["timeline"].as_array().into_iter().flatten() {
                if !t["at"].is_null() {
                    items.push((&t["at"], false));
                }
            }
            for (g, duration) in items {
                total += 1;
                let want = g["text"].as_str().unwrap_or("");
                // the mention may be the gold text or contain it (an interval
                // "5일 0시부터 8일 6시까지" holds the start "5일 0시")
                let ok = found
                    .iter()
                    .filter(|m| {
                        m.text == want || m.text.contains(want) || want.contains(m.text.as_str())
                    })
                    .any(|m| matches(m, g, duration));
                if !ok {
                    failures.push(format!("{name}: {want:?} expected {g}"));
                }
            }
        }
    }
    (total, failures)
}

#[test]
fn article_gold_times_are_found() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (total, failures) = check_dir(&root.join("fixtures/articles"));
    println!(
        "article fixtures: {}/{total} gold times found",
        total - failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn seed_gold_times_are_found() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(dir) = [
        root.join("../shared/seeds"),
        root.join("../../shared/seeds"),
    ]
    .into_iter()
    .find(|p| p.is_dir()) else {
        println!("seed folder ../shared/seeds not found: skipped");
        return;
    };
    let (total, failures) = check_dir(&dir);
    println!("seeds: {}/{total} gold times found", total - failures.len());
    assert!(failures.is_empty(), "{failures:#?}");
}
