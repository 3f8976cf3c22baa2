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

// ------------------------------------------------------------- fixtures

#[derive(serde::Deserialize)]
struct Gold {
    title: String,
    published_at: String,
    modified_at: Option<String>,
    byline: Option<String>,
    first_sentence: String,
    last_sentence: String,
    must_not_contain: Vec<String>,
    sentences: Vec<String>,
}

fn fixtures() -> Vec<(PathBuf, Gold)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html");
    let mut out: Vec<(PathBuf, Gold)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.strip_suffix(".doc.json")?;
            let page = dir.join(format!("{name}.html"));
            let gold = serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
            Some((page, gold))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn rfc3339(t: Option<chrono::DateTime<chrono::FixedOffset>>) -> Option<String> {
    t.map(|t| t.to_rfc3339())
}

/// Every HTML fixture against its hand-written gold: title, publication and
/// modification time, byline exact; first and last body sentence present;
/// every body sentence present; no clutter line present.
#[test]
fn html_fixtures_match_their_gold() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 15, "at least 15 fixtures");
    let mut failures = Vec::new();
    for (page, gold) in &fixtures {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let doc = match read(&std::fs::read(page).unwrap(), Format::Sniff) {
            Ok(doc) => doc,
            Err(e) => {
                failures.push(format!("{name}: error {e}"));
                continue;
            }
        };
        let mut fail = |what: String| failures.push(format!("{name}: {what}"));
        if doc.title.as_deref() != Some(gold.title.as_str()) {
            fail(format!("title {:?} != {:?}", doc.title, gold.title));
        }
        if rfc3339(doc.published_at).as_deref() != Some(gold.published_at.as_str()) {
            fail(format!(
                "published_at {:?} != {:?}",
                rfc3339(doc.published_at),
                gold.published_at
            ));
        }
        if rfc3339(doc.modified_at) != gold.modified_at {
            fail(format!(
                "modified_at {:?} != {:?}",
                rfc3339(doc.modified_at),
                gold.modified_at
            ));
        }
        if doc.byline != gold.byline {
            fail(format!("byline {:?} != {:?}", doc.byline, gold.byline));
        }
        let body = squeeze(&doc.body);
        let first_line = doc.body.lines().next().unwrap_or("");
        let last_line = doc.body.lines().last().unwrap_or("");
        if !squeeze(first_line).starts_with(&squeeze(&gold.first_sentence)) {
            fail(format!("first line {first_line:?}"));
        }
        if !squeeze(last_line).ends_with(&squeeze(&gold.last_sentence)) {
            fail(format!("last line {last_line:?}"));
        }
        for s in &gold.sentences {
            if !body.contains(&squeeze(s)) {
                fail(format!("lost sentence {s:?}"));
            }
        }
        for f in &gold.must_not_contain {
            if body.contains(&squeeze(f)) {
                fail(format!("clutter left in body: {f:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ------------------------------------------------------------ bad input

/// Runs `f` and checks it returned within a generous bound (debug builds,
/// shared machine): a guard against quadratic blow-ups, not a benchmark.
fn bounded<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let secs = start.elapsed().as_secs_f64();
    assert!(secs < 30.0, "{what} took {secs:.1} s");
    out
}

#[test]
fn empty_input_is_a_typed_error() {
    assert!(matches!(read(b"", Format::Sniff), Err(Error::Empty(_))));
    assert!(matches!(
        read(b"  \n\t", Format::Html),
        Err(Error::Empty(_))
    ));
    assert!(matches!(
        read(b"<html><head></head><body></body></html>", Format::Html),
        Err(Error::Empty(_))
    ));
}

#[test]
fn binary_input_is_a_typed_error() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    assert!(matches!(read(&png, Format::Sniff), Err(Error::Binary(_))));
    assert!(matches!(read(&png, Format::Html), Err(Error::Binary(_))));
    let pdf =
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n\x00\x01\x02";
    assert!(matches!(read(pdf, Format::Text), Err(Error::Binary(_))));
}

#[test]
fn oversized_input_is_refused_before_any_work() {
    let page = vec![b'a'; 50 * 1024 * 1024];
    let err = bounded("50 MB page", || read_document(&page, Format::Html, LIMIT));
    assert!(
        matches!(err, Err(Error::TooLarge { size, limit }) if size == page.len() && limit == LIMIT)
    );
}

#[test]
fn large_page_under_a_raised_limit_is_read() {
    // 8 MB of markup around a small article: read in bounded time.
    let filler = "<div class=\"list\"><a href=\"#\">다른 기사 제목</a></div>\n".repeat(150_000);
    let page = format!(
        "<html><head><title>대형 페이지 장애 기사 - 예시뉴스</title></head><body>{filler}<div id=\"articleBody\"><p>서버 장애로 예약 서비스가 세 시간 동안 멈췄다.</p><p>회사는 저녁 무렵 복구를 마쳤다고 밝혔다.</p></div></body></html>"
    );
    assert!(page.len() > 8_000_000);
    let doc = bounded("8 MB page", || {
        read_document(page.as_bytes(), Format::Html, 64 << 20)
    })
    .unwrap();
    assert!(
        doc.body
            .contains("서버 장애로 예약 서비스가 세 시간 동안 멈췄다.")
    );
    assert_eq!(doc.title.as_deref(), Some("대형 페이지 장애 기사"));
}

#[test]
fn deeply_nested_divs_are_flattened_not_fatal() {
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>깊이 중첩된 페이지에서도 본문 문장은 남아야 한다. 전산 장애는 오후에 복구됐다.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let doc = bounded("100,000 nested divs", || {
        read(page.as_bytes(), Format::Html)
    })
    .unwrap();
    assert!(
        doc.body
            .contains("깊이 중첩된 페이지에서도 본문 문장은 남아야 한다.")
    );
    assert!(
        doc.warnings.iter().any(|w| w.contains("nested")),
        "{:?}",
        doc.warnings
    );
    // Unclosed, too.
    let page = format!(
        "<html><body>{}<p>닫히지 않은 태그 속 본문이다. 장애가 길어졌다.</p>",
        "<div><span>".repeat(n)
    );
    let doc = bounded("100,000 unclosed divs", || {
        read(page.as_bytes(), Format::Html)
    })
    .unwrap();
    assert!(doc.body.contains("닫히지 않은 태그 속 본문이다."));
}

#[test]
fn a_page_of_only_scripts_has_no_article() {
    let page = format!(
        "<html><head><script>{}</script></head><body><script>document.write('<p>스크립트가 만든 문단이다.</p>');</script><style>p {{ color: red; }}</style></body></html>",
        "var x = '<div>본문처럼 보이는 문자열이다.</div>';\n".repeat(1000)
    );
    assert!(matches!(
        read(page.as_bytes(), Format::Html),
        Err(Error::Empty(_))
    ));
}

#[test]
fn a_lying_charset_is_seen_through_with_a_warning() {
    let text = "<html><head><meta charset=\"euc-kr\"><title>정부 전산망 장애</title></head><body><div id=\"articleBody\"><p>정부 전산망이 오전 내내 멈췄다. 행정안전부는 네트워크 장비 오류가 원인이라고 밝혔다.</p><p>민원서류 발급은 오후 늦게 재개됐다.</p></div></body></html>";
    let doc = read(text.as_bytes(), Format::Html).unwrap();
    assert!(doc.body.contains("정부 전산망이 오전 내내 멈췄다."));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("EUC-KR") && w.contains("UTF-8")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn invalid_bytes_are_replaced_and_reported() {
    let mut page = "<html><head><meta charset=\"utf-8\"></head><body><div id=\"articleBody\"><p>결제 서버 장애가 발생했다. 회사는 두 시간 만에 복구를 마쳤다고 밝혔다.".as_bytes().to_vec();
    page.extend([0xff, 0xfe]);
    page.extend("</p><p>이용자 보상은 다음 주에 안내된다.</p></div></body></html>".as_bytes());
    let doc = read(&page, Format::Html).unwrap();
    assert!(doc.body.contains("이용자 보상은 다음 주에 안내된다."));
    assert!(
        doc.warnings.iter().any(|w| w.contains("U+FFFD")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn random_bytes_never_panic() {
    // A cheap deterministic generator: markup-ish noise around Korean text.
    let mut state = 0x2545_f491_u64;
    let pieces: [&[u8]; 12] = [
        b"<div>",
        b"</div>",
        b"<p>",
        b"<script>",
        b"</script>",
        b"<!--",
        b"-->",
        b"<a href='",
        "장애".as_bytes(),
        b"\xb0\xa1",
        b"<meta charset=euc-kr>",
        b"<br>",
    ];
    for _ in 0..200 {
        let mut page = Vec::new();
        for _ in 0..200 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            page.extend_from_slice(pieces[(state % pieces.len() as u64) as usize]);
        }
        let _ = read(&page, Format::Sniff);
        let _ = read(&page, Format::Text);
    }
}

/// Other shapes of pathological markup: long runs of unclosed or nested
/// elements of every parsing category (formatting, tables, lists, custom
/// tags). Each must finish in bounded time with the article text kept.
#[test]
fn pathological_markup_stays_bounded() {
    let n = 20_000;
    for open in [
        "<a href=#>",
        "<b>",
        "<font size=2>",
        "<q>",
        "<table><tr><td>",
        "<ul><li>",
        "<p>",
        "<x-box>",
        "<span>",
        "<blockquote>",
        "<select><option>",
    ] {
        let page = format!(
            "<html><body>{}<div id=\"articleBody\"><p>병적인 마크업 속에서도 본문은 읽혀야 한다. 복구는 오후에 끝났다.</p></div></body></html>",
            open.repeat(n)
        );
        let doc = bounded(open, || read(page.as_bytes(), Format::Html));
        if open != "<select><option>" {
            let doc = doc.unwrap_or_else(|e| panic!("{open}: {e}"));
            assert!(
                doc.body
                    .contains("병적인 마크업 속에서도 본문은 읽혀야 한다."),
                "{open}: {:?}",
                doc.body
            );
        }
    }
}
