//! Conformance with the peers' own Korean corpora (Duckling, rustling), read
//! from `../shared/conformance` (relative to the crate root). Prints the pass
//! rate of every file and asserts the floors of issue 4. When the folder is
//! absent the test says so and passes.
//!
//! Run `JANGAE_CONFORMANCE_VERBOSE=1 cargo test --test temporal_conformance -- --nocapture`
//! to list every failing record.
//!
//! Each corpus is compared under its own conventions (see the corpus README):
//! - Duckling and rustling intervals end exclusively; ours end inclusively at
//!   their precision, so a closed interval's `to` is compared one unit later.
//!   An interval with an open start ("오전 11시 전", "오후 2시까지", where the
//!   peers fill the open start with now) is compared on its bound itself.
//! - "N 안에 / N 이내" is a duration at most N for us. Duckling resolves it to
//!   the instant now+N truncated to the record's grain; rustling to the
//!   interval [now, now+N) with the end truncated one unit below N's unit.
//! - Grain is checked for instants; interval ends are checked by value
//!   (rustling checks only the ends upstream).
//! - Rustling's times have no offset: they are compared as wall clocks.

use std::path::PathBuf;

use chrono::{DateTime, Duration, DurationRound, FixedOffset, NaiveDateTime, TimeZone};
use jangae::temporal::{self, Instant, Policy, TemporalMention, TemporalValue};
use jangae::{Precision, Qualifier};
use serde_json::Value;

fn root() -> Option<PathBuf> {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        base.join("../shared/conformance"),
        base.join("../../shared/conformance"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok().or_else(|| {
        let n = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok()?;
        FixedOffset::east_opt(0)?.from_local_datetime(&n).single()
    })
}

fn grain(g: &str) -> Option<Precision> {
    Some(match g {
        "year" => Precision::Year,
        "quarter" => Precision::Quarter,
        "month" => Precision::Month,
        "week" => Precision::Week,
        "day" => Precision::Day,
        "hour" => Precision::Hour,
        "minute" => Precision::Minute,
        "second" => Precision::Second,
        _ => return None,
    })
}

/// One unit of `p` after `i` (the exclusive end of an inclusive end).
fn next_unit(i: &Instant) -> DateTime<FixedOffset> {
    let v = i.value;
    match i.precision {
        Precision::Second => v + Duration::seconds(1),
        Precision::Minute => v + Duration::minutes(1),
        Precision::Hour => v + Duration::hours(1),
        Precision::Day => v + Duration::days(1),
        Precision::Week => v + Duration::weeks(1),
        Precision::Month => v.checked_add_months(chrono::Months::new(1)).unwrap_or(v),
        Precision::Quarter => v.checked_add_months(chrono::Months::new(3)).unwrap_or(v),
        Precision::Year => v.checked_add_months(chrono::Months::new(12)).unwrap_or(v),
    }
}

fn truncate(v: DateTime<FixedOffset>, p: Precision) -> DateTime<FixedOffset> {
    use chrono::Datelike;
    let d = |x: Duration| v.duration_trunc(x).unwrap_or(v);
    match p {
        Precision::Second => d(Duration::seconds(1)),
        Precision::Minute => d(Duration::minutes(1)),
        Precision::Hour => d(Duration::hours(1)),
        _ => {
            let off = *v.offset();
            let day = v.date_naive();
            let day = match p {
                Precision::Month => day.with_day(1).unwrap_or(day),
                Precision::Year => day.with_day(1).and_then(|x| x.with_month(1)).unwrap_or(day),
                _ => day,
            };
            off.from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
                .single()
                .unwrap_or(v)
        }
    }
}

/// The mention that covers the whole text (a trailing 에 may stay outside).
fn whole<'a>(text: &str, ms: &'a [TemporalMention]) -> Option<&'a TemporalMention> {
    let t = text.trim();
    let lead = text.len() - text.trim_start().len();
    ms.iter().find(|m| {
        let rest = text[m.span.end..].trim();
        m.span.start == lead && (rest.is_empty() || rest == "에") && m.span.end <= lead + t.len()
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Corpus {
    Duckling,
    Rustling,
}

/// The end of "within N" under each corpus's convention: Duckling's instant
/// is truncated to the record's grain; intervals (both corpora) end at now+N
/// truncated one unit below N's unit (weeks and days to the day).
fn within_end(
    reference: DateTime<FixedOffset>,
    seconds: u64,
    instant_grain: Option<Precision>,
) -> DateTime<FixedOffset> {
    let end = reference + Duration::seconds(seconds as i64);
    let unit_below = if seconds.is_multiple_of(365 * 86400) {
        Precision::Month
    } else if seconds.is_multiple_of(86400) {
        Precision::Day
    } else if seconds.is_multiple_of(3600) {
        Precision::Minute
    } else {
        Precision::Second
    };
    truncate(end, instant_grain.unwrap_or(unit_below))
}

fn time_ok(rec: &Value, corpus: Corpus) -> bool {
    let text = rec["text"].as_str().unwrap_or("");
    let Some(reference) = rec["reference"].as_str().and_then(parse_time) else {
        return false;
    };
    let e = &rec["expected"];
    let ms = temporal::parse(text, reference, Policy::Future);
    let Some(m) = whole(text, &ms) else {
        return false;
    };
    let g = e["grain"].as_str().and_then(grain);
    let t = |k: &str| e[k].as_str().and_then(parse_time);
    match (e["type"].as_str(), &m.value) {
        (Some("instant"), TemporalValue::Instant(i)) => {
            Some(i.value) == t("value") && Some(i.precision) == g
        }
        (
            Some("instant"),
            TemporalValue::Duration {
                seconds,
                qualifier: Qualifier::AtMost,
            },
        ) => corpus == Corpus::Duckling && Some(within_end(reference, *seconds, g)) == t("value"),
        (
            Some("interval"),
            TemporalValue::Duration {
                seconds,
                qualifier: Qualifier::AtMost,
            },
        ) => t("from") == Some(reference) && Some(within_end(reference, *seconds, None)) == t("to"),
        (Some("interval"), TemporalValue::Interval { from, to }) => {
            let from_ok = match (from, t("from")) {
                (Some(a), Some(b)) => a.value == b,
                (None, None) => true,
                // "…까지": the peers fill the open start with now
                (None, Some(b)) => b == reference,
                _ => false,
            };
            let to_ok = match (to, t("to")) {
                (Some(a), Some(b)) => {
                    if from.is_none() {
                        a.value == b
                    } else {
                        next_unit(a) == b
                    }
                }
                (None, None) => true,
                _ => false,
            };
            from_ok && to_ok
        }
        _ => false,
    }
}

fn value_ok(rec: &Value, kind: &str) -> bool {
    let text = rec["text"].as_str().unwrap_or("");
    let want = rec["expected"]["value"].as_f64().unwrap_or(f64::NAN);
    let reference = DateTime::parse_from_rfc3339("2013-02-12T04:30:00-02:00").expect("constant");
    match kind {
        "numeral" => temporal::parse_number(text).is_some_and(|v| (v - want).abs() < 1e-9),
        "ordinal" => {
            let ms = temporal::parse(text, reference, Policy::Future);
            whole(text, &ms).is_some_and(|m| m.value == TemporalValue::Ordinal(want as i64))
        }
        "duration" => {
            let ms = temporal::parse(text, reference, Policy::Future);
            let secs = rec["expected"]["seconds"].as_f64().unwrap_or(f64::NAN);
            whole(text, &ms).is_some_and(|m| {
                matches!(m.value, TemporalValue::Duration { seconds, .. } if (seconds as f64 - secs).abs() < 0.5)
            })
        }
        _ => false,
    }
}

#[test]
fn peers_corpora_meet_the_floors() {
    let Some(root) = root() else {
        println!("conformance folder ../shared/conformance not found: skipped");
        return;
    };
    let verbose = std::env::var_os("JANGAE_CONFORMANCE_VERBOSE").is_some();
    let files: [(&str, &str, f64); 7] = [
        ("duckling-ko/time.json", "time", 0.95),
        ("rustling-ko/time.json", "time", 0.90),
        ("duckling-ko/numeral.json", "numeral", 1.0),
        ("rustling-ko/numeral.json", "numeral", 1.0),
        ("duckling-ko/duration.json", "duration", 1.0),
        ("duckling-ko/ordinal.json", "ordinal", 1.0),
        ("rustling-ko/ordinal.json", "ordinal", 1.0),
    ];
    let mut below = Vec::new();
    for (file, kind, floor) in files {
        let path = root.join(file);
        let Ok(raw) = std::fs::read_to_string(&path) else {
            println!("{file}: missing");
            continue;
        };
        let recs: Vec<Value> = serde_json::from_str(&raw).expect("valid JSON");
        let corpus = if file.starts_with("duckling") {
            Corpus::Duckling
        } else {
            Corpus::Rustling
        };
        let mut pass = 0;
        for r in &recs {
            let ok = match kind {
                "time" => time_ok(r, corpus),
                k => value_ok(r, k),
            };
            if ok {
                pass += 1;
            } else if verbose {
                let text = r["text"].as_str().unwrap_or("");
                let reference = r["reference"]
                    .as_str()
                    .and_then(parse_time)
                    .expect("reference");
                let got: Vec<String> = temporal::parse(text, reference, Policy::Future)
                    .iter()
                    .map(|m| format!("{:?} {:?}", m.text, m.value))
                    .collect();
                println!(
                    "  FAIL {file} {text:?} expected {} got {got:?}",
                    r["expected"]
                );
            }
        }
        let rate = pass as f64 / recs.len() as f64;
        println!(
            "{file}: {pass}/{} = {:.1}% (floor {:.0}%)",
            recs.len(),
            rate * 100.0,
            floor * 100.0
        );
        if rate + 1e-9 < floor {
            below.push(format!(
                "{file} {:.1}% < {:.0}%",
                rate * 100.0,
                floor * 100.0
            ));
        }
    }
    assert!(below.is_empty(), "below the floor: {below:?}");
}
