//! Prints the temporal mentions of stdin as JSON lines.
//!
//! ```text
//! echo "24일 오후 1시 57분쯤" | cargo run --example temporal -- --reference 2023-11-24T21:00:00+09:00
//! cargo run --example temporal -- --reference 2023-11-24T21:00:00+09:00 --document < article.txt
//! ```
//! Without `--document` each line is its own text (one JSON line each); with
//! it, the whole input is one document (one JSON line).

use std::io::{self, BufRead, Read, Write};

use chrono::{DateTime, FixedOffset};
use jangae::Qualifier;
use jangae::temporal::{self, Instant, Policy, TemporalMention, TemporalValue};
use serde_json::{Map, Value, json};

fn precision(p: jangae::Precision) -> &'static str {
    use jangae::Precision as P;
    match p {
        P::Year => "year",
        P::Quarter => "quarter",
        P::Month => "month",
        P::Week => "week",
        P::Day => "day",
        P::Hour => "hour",
        P::Minute => "minute",
        P::Second => "second",
    }
}

fn instant(i: &Instant) -> Value {
    json!({"value": i.value.to_rfc3339(), "precision": precision(i.precision), "approximate": i.approximate})
}

fn mention(m: &TemporalMention) -> Value {
    let mut o = Map::new();
    o.insert("text".into(), json!(m.text));
    o.insert("span".into(), json!([m.span.start, m.span.end]));
    match &m.value {
        TemporalValue::Instant(i) => {
            o.insert("kind".into(), json!("instant"));
            if let Value::Object(f) = instant(i) {
                o.extend(f);
            }
        }
        TemporalValue::Interval { from, to } => {
            o.insert("kind".into(), json!("interval"));
            o.insert("from".into(), from.as_ref().map_or(Value::Null, instant));
            o.insert("to".into(), to.as_ref().map_or(Value::Null, instant));
        }
        TemporalValue::Duration { seconds, qualifier } => {
            o.insert("kind".into(), json!("duration"));
            o.insert("seconds".into(), json!(seconds));
            let q = match qualifier {
                Qualifier::Exact => "exact",
                Qualifier::About => "about",
                Qualifier::AtLeast => "at_least",
                Qualifier::AtMost => "at_most",
            };
            o.insert("qualifier".into(), json!(q));
        }
        TemporalValue::Number { value, approximate } => {
            o.insert("kind".into(), json!("number"));
            o.insert("number".into(), json!(value));
            o.insert("approximate".into(), json!(approximate));
        }
        TemporalValue::Ordinal(n) => {
            o.insert("kind".into(), json!("ordinal"));
            o.insert("number".into(), json!(n));
        }
        _ => {
            o.insert("kind".into(), json!("other"));
        }
    }
    Value::Object(o)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut reference: Option<DateTime<FixedOffset>> = None;
    let mut policy = Policy::Past;
    let mut document = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reference" => {
                let v = args.next().ok_or("--reference needs a value")?;
                reference = Some(DateTime::parse_from_rfc3339(&v)?);
            }
            "--policy" => {
                policy = match args.next().as_deref() {
                    Some("past") => Policy::Past,
                    Some("future") => Policy::Future,
                    _ => return Err("--policy past|future".into()),
                }
            }
            "--document" => document = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let out = io::stdout();
    let mut out = out.lock();
    let print =
        |out: &mut io::StdoutLock<'_>, text: &str, ms: &[TemporalMention]| -> io::Result<()> {
            let v = json!({"text": text, "mentions": ms.iter().map(mention).collect::<Vec<_>>()});
            writeln!(out, "{v}")
        };
    if document {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        let ms = temporal::parse_document_text(&text, reference, policy);
        print(&mut out, &text, &ms)?;
    } else {
        let reference = reference.ok_or("--reference is required without --document")?;
        for line in io::stdin().lock().lines() {
            let line = line?;
            let ms = temporal::parse(&line, reference, policy);
            print(&mut out, &line, &ms)?;
        }
    }
    Ok(())
}
