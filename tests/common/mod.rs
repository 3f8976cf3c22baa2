//! Comparisons shared by the temporal test suites: a resolved value against
//! a hand-written JSON expectation (`{"value", "precision", "approximate"}`
//! for instants, `{"seconds", "qualifier"}` for durations).

use chrono::DateTime;
use jangae::Qualifier;
use jangae::temporal::Instant;
use serde_json::Value;

/// The record contract's name of a serializable enum value ("minute", "at_least").
fn name<T: serde::Serialize>(v: T) -> Option<String> {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Value, precision and approximate flag all as expected.
pub fn instant_matches(i: &Instant, e: &Value) -> bool {
    let want = e["value"]
        .as_str()
        .and_then(|v| DateTime::parse_from_rfc3339(v).ok());
    Some(i.value) == want
        && e["precision"].as_str().map(str::to_string) == name(i.precision)
        && e["approximate"].as_bool() == Some(i.approximate)
}

/// Seconds and qualifier as expected.
pub fn duration_matches(seconds: u64, qualifier: Qualifier, e: &Value) -> bool {
    e["seconds"].as_u64() == Some(seconds)
        && e["qualifier"].as_str().map(str::to_string) == name(qualifier)
}
