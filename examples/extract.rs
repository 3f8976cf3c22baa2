//! `extract`: Korean outage articles in, incident records out (JSON Lines).
//!
//! Skeleton; the full batch CLI is built in issue 7.

use std::io::Read;

use jangae::{Extractor, Input};

fn main() {
    let mut published = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--published" => published = args.next().and_then(|v| v.parse().ok()),
            _ => paths.push(a),
        }
    }
    let extractor = Extractor::new().expect("dictionary");
    for path in paths {
        let bytes = if path == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).ok();
            b
        } else {
            std::fs::read(&path).unwrap_or_default()
        };
        let mut input = Input::sniff(bytes.as_slice()).with_source(path.clone());
        if let Some(p) = published {
            input = input.with_published(p);
        }
        match extractor.extract(input) {
            Ok(a) => println!("{}", serde_json::to_string(&a).unwrap()),
            Err(e) => println!(
                "{}",
                serde_json::json!({"source": path, "error": e.to_string(), "incidents": []})
            ),
        }
    }
}
