//! The document stage on real-looking pages: the HTML fixtures of
//! `fixtures/html/` against their hand-written gold, bad inputs, and the
//! plain-text development set in `../shared/seeds/` when it is present.

use std::path::{Path, PathBuf};
use std::time::Instant;

use jangae::{Document, Error, Format, read_document};

const LIMIT: usize = 20 * 1024 * 1024;

/// Whitespace-insensitive comparison key.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn read(bytes: &[u8], format: Format) -> Result<Document, Error> {
    read_document(bytes, format, LIMIT)
}

// ---------------------------------------------------------------- seeds

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let dir = if dir.is_dir() {
        dir
    } else {
        Path::new("/work/shared/seeds").to_path_buf()
    };
    dir.is_dir().then_some(dir)
}

fn gold_texts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, v) in o {
                match (k.as_str(), v) {
                    ("text", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => gold_texts(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| gold_texts(v, out)),
        _ => {}
    }
}

/// Every seed: the gold title exactly, and every gold evidence text still in
/// the body (the filters must not eat article text).
#[test]
fn seeds_keep_title_and_every_gold_text() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipping: ../shared/seeds is not present");
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let gold_path = path.with_extension("gold.json");
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let doc = read(&std::fs::read(&path).unwrap(), Format::Text).unwrap();
        let name = path.display();
        assert_eq!(
            doc.title.as_deref(),
            gold["title"].as_str(),
            "{name}: title"
        );
        let body = squeeze(&doc.body);
        let mut texts = Vec::new();
        gold_texts(&gold["incidents"], &mut texts);
        for t in texts {
            assert!(body.contains(&squeeze(&t)), "{name}: lost gold text {t:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, 5, "five seed documents");
}

/// Seed clutter that must not survive: widgets, credits, copyright lines,
/// headline lists and their timestamps, repeated bodies.
#[test]
fn seeds_lose_their_clutter() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipping: ../shared/seeds is not present");
        return;
    };
    let forbidden = [
        "기사 스크랩",
        "클린뷰",
        "이 글자크기로 변경됩니다",
        "(예시)",
        "본문 보기를 권장합니다",
        "무단전재",
        "관련사진보기",
        "ⓒ",
        "2025-01-19",
        "@hankookilbo.com",
        "/연합뉴스",
        "원고료로 응원",
        "메뉴 건너뛰기",
    ];
    for n in ["000", "001", "002", "003", "004"] {
        let path = dir.join(format!("{n}.txt"));
        let doc = read(&std::fs::read(&path).unwrap(), Format::Text).unwrap();
        for f in forbidden {
            assert!(!doc.body.contains(f), "{n}: {f:?} left in body");
        }
        // Headline-list timestamps are not the article's.
        assert_eq!(doc.published_at, None, "{n}: no dateline in the capture");
        // No paragraph twice.
        let mut seen = std::collections::HashSet::new();
        for line in doc.body.lines() {
            assert!(
                seen.insert(squeeze(line)),
                "{n}: repeated paragraph {line:?}"
            );
        }
    }
}
