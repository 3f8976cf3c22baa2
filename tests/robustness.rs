//! Robustness of the full pipeline on hostile, odd and mutated input.
//!
//! Every document goes through [`Extractor::extract`] as HTML, as text and as
//! sniffed bytes, with and without a publication time. Each run must return
//! `Ok` or a typed `Err` without panicking (a panic is reported with the
//! input's label) and within a generous wall-clock bound that only a hang or
//! a quadratic blow-up can break. Every `Ok` article is then checked against
//! the output contract: each span lies within `body` on char boundaries and
//! slices to the text stored beside it, starts come no later than ends,
//! service names are not blank, and the JSON form round-trips.
//!
//! The mutated documents come from the fixtures through a small seeded PRNG,
//! so every run sees the same inputs and a failure reproduces.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::LazyLock;
use std::sync::mpsc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, FixedOffset};
use jangae::{Article, Error, Extractor, Input};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("dictionary"));

/// A run that takes longer than this has hung or gone quadratic: every input
/// here takes at most a few seconds in a debug build (the megabyte ones).
const HANG_LIMIT: StdDuration = StdDuration::from_secs(90);

/// How the bytes are handed to the extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Html,
    Text,
    Sniff,
}

const MODES: [Mode; 3] = [Mode::Html, Mode::Text, Mode::Sniff];

fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("rfc3339")
}

/// An ordinary publication time.
fn published() -> DateTime<FixedOffset> {
    at("2023-09-26T18:00:00+09:00")
}

/// Runs the pipeline once on its own thread (so a hang is noticed), catching
/// a panic and reporting it with `label`. `Mode::Text` reads invalid UTF-8
/// lossily, as a caller holding a `&str` would have.
fn extract(
    label: &str,
    bytes: Vec<u8>,
    mode: Mode,
    published: Option<DateTime<FixedOffset>>,
) -> Result<Article, Error> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let text;
            let input = match mode {
                Mode::Html => Input::html(Cow::Borrowed(&bytes[..])),
                Mode::Sniff => Input::sniff(Cow::Borrowed(&bytes[..])),
                Mode::Text => {
                    text = String::from_utf8_lossy(&bytes);
                    Input::text(&text)
                }
            };
            let input = match published {
                Some(p) => input.with_published(p),
                None => input,
            };
            EXTRACTOR.extract(input)
        }));
        let _ = tx.send(outcome.map_err(|payload| {
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic payload".to_string())
        }));
    });
    let context = format!("{label} (as {mode:?}, published {published:?})");
    match rx.recv_timeout(HANG_LIMIT) {
        Ok(Ok(result)) => {
            if let Ok(article) = &result {
                check_article(&context, article);
            }
            // A reference outside RFC 3339's years is refused, and only such.
            let usable = published.is_none_or(|p| {
                p.naive_utc()
                    .checked_add_offset(*p.offset())
                    .is_some_and(|local| (0..=9999).contains(&local.year()))
            });
            match &result {
                Err(Error::InvalidTime { .. }) => {
                    assert!(!usable, "{context}: a usable reference was refused")
                }
                Ok(_) => assert!(usable, "{context}: an unusable reference was accepted"),
                _ => {}
            }
            result
        }
        Ok(Err(message)) => panic!("{context}: the pipeline panicked: {message}"),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{context}: no answer within {HANG_LIMIT:?} (hang or blow-up)")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{context}: the worker died without answering")
        }
    }
}

/// Runs `bytes` in every mode, with and without a publication time, and
/// returns the six results in a fixed order.
fn extract_all(label: &str, bytes: &[u8]) -> Vec<Result<Article, Error>> {
    let mut out = Vec::new();
    for mode in MODES {
        for published in [None, Some(published())] {
            out.push(extract(label, bytes.to_vec(), mode, published));
        }
    }
    out
}

/// `Ok`, or one of the errors a document (not a bug) can cause.
fn assert_typed(label: &str, result: &Result<Article, Error>) {
    match result {
        Ok(_)
        | Err(Error::Empty(_))
        | Err(Error::Binary(_))
        | Err(Error::TooLarge { .. })
        | Err(Error::InvalidTime { .. })
        | Err(Error::UnknownEncoding(_)) => {}
        Err(e) => panic!("{label}: unexpected error kind: {e:?}"),
    }
}

fn check_span(context: &str, body: &str, what: &str, text: Option<&str>, span: [usize; 2]) {
    let [s, e] = span;
    assert!(
        s < e && e <= body.len(),
        "{context}: {what} span {s}..{e} is empty or outside the body (len {})",
        body.len()
    );
    assert!(
        body.is_char_boundary(s) && body.is_char_boundary(e),
        "{context}: {what} span {s}..{e} cuts a character"
    );
    if let Some(text) = text {
        assert_eq!(
            &body[s..e],
            text,
            "{context}: {what} span {s}..{e} does not hold its text"
        );
    }
}

/// The output contract, checked on every article produced here.
fn check_article(context: &str, a: &Article) {
    let body = a.body.as_str();
    assert!(!body.trim().is_empty(), "{context}: Ok with an empty body");
    for (n, inc) in a.incidents.iter().enumerate() {
        let ctx = format!("{context}, incident {n}");
        for s in &inc.services {
            assert!(
                !s.trim().is_empty(),
                "{ctx}: blank service name in {:?}",
                inc.services
            );
        }
        if let Some(op) = &inc.operator {
            assert!(!op.trim().is_empty(), "{ctx}: blank operator");
        }
        for (what, point) in [("start", &inc.start), ("end", &inc.end)] {
            if let Some(p) = point
                && let Some(span) = p.span
            {
                check_span(&ctx, body, what, Some(&p.text), span);
            }
        }
        if let (Some(start), Some(end)) = (&inc.start, &inc.end) {
            assert!(
                start.value <= end.value,
                "{ctx}: start {} ({:?}) is after end {} ({:?})",
                start.value,
                start.text,
                end.value,
                end.text
            );
        }
        if let Some(d) = &inc.duration
            && let Some(span) = d.span
        {
            check_span(&ctx, body, "duration", Some(&d.text), span);
        }
        for c in &inc.causes {
            if let Some(span) = c.span {
                check_span(&ctx, body, "cause", Some(&c.text), span);
            }
        }
        for i in &inc.impacts {
            if let Some(span) = i.span {
                check_span(&ctx, body, "impact", Some(&i.text), span);
            }
        }
        for t in &inc.timeline {
            if let Some(span) = t.span {
                check_span(&ctx, body, "timeline entry", Some(&t.text), span);
            }
            if let Some(p) = &t.at
                && let Some(span) = p.span
            {
                check_span(&ctx, body, "timeline time", Some(&p.text), span);
            }
        }
        for &span in &inc.sentences {
            check_span(&ctx, body, "sentence", None, span);
        }
    }
    let json = serde_json::to_string(a)
        .unwrap_or_else(|e| panic!("{context}: the article does not serialize: {e}"));
    let back: Article = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{context}: the JSON does not read back: {e}"));
    let mut expected = a.clone();
    expected.body.clear(); // not serialized
    assert_eq!(back, expected, "{context}: the JSON does not round-trip");
}

// ---------------------------------------------------------------------------
// Degenerate inputs
// ---------------------------------------------------------------------------

#[test]
fn empty_and_blank_inputs_are_empty_errors() {
    let blanks: [&[u8]; 5] = [
        b"",
        b" ",
        b" \n\t\r\n  \x0c ",
        "\u{3000}\u{00A0}\u{2003}\n\u{3000}".as_bytes(),
        "\u{200B}\u{FEFF}\u{200B}".as_bytes(),
    ];
    for (n, bytes) in blanks.iter().enumerate() {
        for result in extract_all(&format!("blank #{n}"), bytes) {
            assert!(
                matches!(result, Err(Error::Empty(_))),
                "blank #{n} {bytes:?}: {result:?}"
            );
        }
    }
    // Markup with nothing in it is empty as a page (as text it is text).
    let page = b"<html><head><title> </title></head><body> <p> </p> </body></html>";
    for mode in [Mode::Html, Mode::Sniff] {
        let result = extract("blank page", page.to_vec(), mode, None);
        assert!(matches!(result, Err(Error::Empty(_))), "{result:?}");
    }
}

#[test]
fn a_single_character_or_punctuation_only() {
    let inputs = [
        "장",
        "가",
        "ㄱ",
        "\u{1100}\u{1161}",
        ".",
        "......",
        "……\n!!!???\n...",
        "。、・“”「」『』《》〈〉",
        "-----\n=====\n*****",
        "1",
    ];
    for text in inputs {
        for result in extract_all(text, text.as_bytes()) {
            assert_typed(text, &result);
            if let Ok(a) = result {
                assert!(a.incidents.is_empty(), "{text:?}: {:?}", a.incidents);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Size and repetition
// ---------------------------------------------------------------------------

#[test]
fn a_megabyte_line_of_korean_without_spaces() {
    let unit = "카카오톡장애발생서비스중단복구완료데이터센터화재로";
    let line = unit.repeat(1_000_000 / unit.len() + 1);
    let text = format!("먹통\n{line}");
    for mode in [Mode::Text, Mode::Sniff] {
        let result = extract(
            "1 MB line",
            text.clone().into_bytes(),
            mode,
            Some(published()),
        );
        assert_typed("1 MB line", &result);
    }
}

#[test]
fn ten_thousand_dates_in_a_row() {
    let text = format!(
        "장애 일지\n카카오톡 장애가 {}발생했다.",
        "2023년 9월 26일 ".repeat(10_000)
    );
    for mode in [Mode::Text, Mode::Sniff] {
        for p in [None, Some(published())] {
            let result = extract("10,000 dates", text.clone().into_bytes(), mode, p);
            assert_typed("10,000 dates", &result);
        }
    }
}

#[test]
fn long_runs_of_digits() {
    let digits = "9".repeat(100_000);
    let inputs = [
        digits.clone(),
        format!("정부24 장애\n{digits}년 {digits}월 {digits}일 {digits}시 {digits}분 서비스가 중단됐다."),
        format!("서비스가 {digits}시간 {digits}분 동안 멈췄다. 피해는 {digits}건이다."),
        "서비스가 18446744073709551616초 동안 멈췄고 99999999999999999999명이 피해를 봤다.".to_string(),
        "1".repeat(300) + "년 2월 3일 장애",
        "0".repeat(5000) + "시 장애가 났다",
        "1,000,000,000,000,000,000,000,000건의 결제가 실패했다. 장애는 12,34,5,,6분 이어졌다.".to_string(),
        "3.14159265358979323846264338327950288419716939937510 시간 장애. 2023.09.26.12.30.45.99 장애".to_string(),
    ];
    for (n, text) in inputs.iter().enumerate() {
        let label = format!("digits #{n}");
        for mode in [Mode::Text, Mode::Sniff] {
            for p in [None, Some(published())] {
                assert_typed(&label, &extract(&label, text.clone().into_bytes(), mode, p));
            }
        }
    }
}

#[test]
fn thousands_of_outage_triggers() {
    let text = format!(
        "장애 장애 장애\n{}",
        "카카오톡 장애가 발생했다. 오후 3시 복구됐다. ".repeat(3_000)
    );
    let result = extract(
        "3,000 triggers",
        text.into_bytes(),
        Mode::Text,
        Some(published()),
    );
    assert_typed("3,000 triggers", &result);
    let bare = "장애".repeat(20_000);
    let result = extract("20,000 bare triggers", bare.into_bytes(), Mode::Text, None);
    assert_typed("20,000 bare triggers", &result);
    let spaced = "장애 먹통 마비 중단 불통 지연 오류 ".repeat(3_000);
    let result = extract(
        "spaced triggers",
        spaced.into_bytes(),
        Mode::Sniff,
        Some(published()),
    );
    assert_typed("spaced triggers", &result);
}

#[test]
fn a_thousand_dated_incidents() {
    let text: String = (0..1_000)
        .map(|i| {
            format!(
                "{}년 {}월 {}일 {}시 서비스{} 장애가 발생했다가 {}시 복구됐다. 원인은 화재였다.\n",
                1990 + i % 30,
                i % 12 + 1,
                i % 28 + 1,
                i % 12,
                i % 50,
                i % 12 + 6
            )
        })
        .collect();
    for p in [None, Some(published())] {
        assert_typed(
            "dated incidents",
            &extract("dated incidents", text.clone().into_bytes(), Mode::Text, p),
        );
    }
}

#[test]
fn enumerations_with_hundreds_of_items() {
    let items: Vec<String> = (0..500).map(|i| format!("서비스{i}")).collect();
    let middot = items.join("·");
    let comma = items.join(", ");
    let banks: Vec<String> = (0..300).map(|i| format!("제{i}은행")).collect();
    let inputs = [
        format!("대규모 장애\n{middot} 등이 26일 오전 9시부터 먹통이 됐다."),
        format!("대규모 장애\n{comma} 등의 접속 장애가 3시간 동안 이어졌다."),
        format!(
            "은행 장애\n{}에서 앱 접속 장애가 발생했다.",
            banks.join("과 ")
        ),
        format!("{}장애", "A·".repeat(5_000)),
        format!("{} 장애", "·".repeat(5_000)),
        format!("{} 서비스 장애", ", ".repeat(5_000)),
    ];
    for (n, text) in inputs.iter().enumerate() {
        let label = format!("enumeration #{n}");
        for p in [None, Some(published())] {
            assert_typed(
                &label,
                &extract(&label, text.clone().into_bytes(), Mode::Text, p),
            );
        }
    }
}

#[test]
fn each_with_mismatched_lists() {
    let inputs = [
        "은행 앱 장애\n신한은행, 하나은행, 국민은행에서 각각 3시간, 9시간 가량 앱이 마비됐다.",
        "은행 앱 장애\n신한은행에서 각각 3시간, 9시간, 1시간, 2시간 가량 앱이 마비됐다.",
        "은행 앱 장애\n각각 3시간, 9시간 가량 앱이 마비됐다.",
        "은행 앱 장애\n신한은행, 하나은행에서 각각 장애가 났다.",
        "각각",
        "각각 각각 각각 각각 각각 장애",
        "은행 앱 장애\n신한은행, 하나은행, 국민은행, 우리은행, 농협은행에서 각각 오전 9시, 오후 3시에 시작돼 각각 1시간 동안 멈췄다.",
    ];
    for (n, text) in inputs.iter().enumerate() {
        let label = format!("각각 #{n}");
        for p in [None, Some(published())] {
            assert_typed(
                &label,
                &extract(&label, text.as_bytes().to_vec(), Mode::Text, p),
            );
        }
    }
}

#[test]
fn deeply_nested_quotes_and_parentheses() {
    let inputs = [
        format!("{}카카오톡 장애{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}카카오톡 장애", "(".repeat(10_000)),
        format!("카카오톡 장애{}", ")".repeat(10_000)),
        format!(
            "{}정부24 먹통{}",
            "\"'「『“‘".repeat(3_000),
            "’”』」'\"".repeat(3_000)
        ),
        format!("장애.{} 복구됐다.", "\".'\"".repeat(5_000)),
        format!("{}서비스가 중단됐다", "[<{《〈(".repeat(3_000)),
    ];
    for (n, text) in inputs.iter().enumerate() {
        let label = format!("nesting #{n}");
        for mode in [Mode::Text, Mode::Sniff] {
            assert_typed(
                &label,
                &extract(&label, text.clone().into_bytes(), mode, Some(published())),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Scripts, code points and encodings
// ---------------------------------------------------------------------------

#[test]
fn mixed_scripts_and_combining_marks() {
    let inputs = [
        "카카오톡 障礙 発生 خدمة توقفت 😀👨‍👩‍👧‍👦 장애가 26일 오후 3시께 발생했다.",
        "서비스\u{0301}\u{0302}\u{0303}가 중\u{200D}단\u{200D}됐다. 오\u{200C}후 3\u{FE0F}시 복구.",
        "정부24\u{200D}\u{200D}\u{200D} 장애 🇰🇷🏳️‍🌈 오후 1시 57분부터 오후 8시 40분까지",
        "\u{202E}장애 발생\u{202C} \u{2066}오전 9시\u{2069} 복구",
        "ＫＴ 인터넷 장애 ２５일 오전 １１시 １６분께 시작돼 낮 １２시 ４５분께 정상화됐다.",
        "ｶｶｵ 장애 ㈜카카오 ㉮ ⅫⅣ시 ① ② ③ 오후 ３시",
        "\u{1100}\u{1161}\u{11A8}\u{1100}\u{1161}\u{11A8} 장애 \u{3131}\u{314F}",
        "\u{0000}\u{0001}\u{0007}\u{001B}[31m 장애 \u{007F}\u{0085}\u{2028}\u{2029} 복구",
        "장애\r발생\r오후 3시\r복구",
        "𠀀𠀁𪜀 장애 \u{10FFFF}\u{E000}\u{F8FF} 서비스 중단",
    ];
    for text in inputs {
        for result in extract_all(text, text.as_bytes()) {
            assert_typed(text, &result);
        }
    }
}

#[test]
fn replacement_characters_and_nul_bytes() {
    let inputs: Vec<Vec<u8>> = vec![
        "\u{FFFD}".repeat(50_000).into_bytes(),
        format!(
            "장애\u{FFFD}\u{FFFD}발생 오후\u{FFFD}3시 {}",
            "\u{FFFD}".repeat(1_000)
        )
        .into_bytes(),
        vec![0; 10_000],
        b"\0\0\0<html><body><p>\xec\x9e\xa5\xec\x95\xa0</p></body></html>".to_vec(),
        "카\0카\0오\0톡 장\0애 오후 3시\0".as_bytes().to_vec(),
        {
            let mut v = "서비스 장애 발생.".as_bytes().to_vec();
            v.push(0);
            v
        },
    ];
    for (n, bytes) in inputs.iter().enumerate() {
        let label = format!("replacement/NUL #{n}");
        for result in extract_all(&label, bytes) {
            assert_typed(&label, &result);
        }
    }
}

#[test]
fn invalid_utf8() {
    let korean = "카카오톡 장애가 26일 오후 3시께 발생했다.".as_bytes();
    let inputs: Vec<Vec<u8>> = vec![
        vec![0xff; 1_000],
        vec![0x80; 1_000],
        b"\xc0\x80\xc1\xbf\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xf8\x88\x80\x80\x80".to_vec(),
        [
            korean,
            b"\xec\x9e",
            korean,
            b"\xed",
            korean,
            b"\xf0\x9f\x98",
        ]
        .concat(),
        [
            b"<html><body><p>".as_slice(),
            korean,
            b"\xfe\xff\xfe</p>\xc3",
        ]
        .concat(),
        (0u8..=255).cycle().take(4_096).collect(),
        korean[..korean.len() - 1].to_vec(),
        korean[1..].to_vec(),
    ];
    for (n, bytes) in inputs.iter().enumerate() {
        let label = format!("invalid UTF-8 #{n}");
        for result in extract_all(&label, bytes) {
            assert_typed(&label, &result);
        }
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = if bom { Some(0xFEFF) } else { None }
        .into_iter()
        .chain(text.encode_utf16());
    for u in units {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_and_without_bom() {
    let page = "<html><head><title>정부24 먹통</title></head><body><article><p>정부24 서비스가 26일 오전 9시부터 중단됐다가 오후 2시 30분 정상화됐다.</p></article></body></html>";
    let text =
        "정부24 먹통\n정부24 서비스가 26일 오전 9시부터 중단됐다가 오후 2시 30분 정상화됐다.";
    for source in [page, text] {
        for big_endian in [false, true] {
            for bom in [true, false] {
                let bytes = utf16(source, big_endian, bom);
                let label = format!("UTF-16 (BE {big_endian}, BOM {bom})");
                for result in extract_all(&label, &bytes) {
                    assert_typed(&label, &result);
                }
                // An odd length cuts the last code unit in half.
                let cut = &bytes[..bytes.len() - 1];
                for result in extract_all(&format!("{label}, odd length"), cut) {
                    assert_typed(&label, &result);
                }
            }
        }
    }
    // Only a BOM.
    for bom in [
        &b"\xff\xfe"[..],
        b"\xfe\xff",
        b"\xef\xbb\xbf",
        b"\xff\xfe\x00",
    ] {
        for result in extract_all("bare BOM", bom) {
            assert_typed("bare BOM", &result);
        }
    }
}

#[test]
fn binary_magic_bytes_are_binary_errors() {
    let tail = "장애가 발생했다 오후 3시".as_bytes();
    let magics: [&[u8]; 4] = [
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"PK\x03\x04\x14\0\0\0\x08\0\0\0!\0word/document.xml",
        b"\x1f\x8b\x08\0\0\0\0\0\0\x03",
    ];
    for magic in magics {
        let bytes = [magic, tail].concat();
        for mode in [Mode::Html, Mode::Sniff] {
            for p in [None, Some(published())] {
                let result = extract("magic bytes", bytes.clone(), mode, p);
                assert!(
                    matches!(result, Err(Error::Binary(_))),
                    "{:?}: {result:?}",
                    &magic[..4]
                );
            }
        }
        let result = extract("magic bytes", bytes, Mode::Text, None);
        assert_typed("magic bytes as text", &result);
    }
}

#[test]
fn lying_and_odd_charsets() {
    let korean = "<p>정부24 서비스가 26일 오전 9시부터 중단됐다가 오후 2시 30분 정상화됐다.</p>";
    let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(korean);
    let pages: Vec<Vec<u8>> = vec![
        format!("<html><head><meta charset=\"euc-kr\"></head><body>{korean}</body></html>")
            .into_bytes(),
        [
            b"<html><head><meta charset=\"utf-8\"></head><body>".as_slice(),
            &euc_kr,
            b"</body></html>",
        ]
        .concat(),
        format!("<meta charset=\"x-no-such-charset\"><body>{korean}").into_bytes(),
        format!("<meta charset=\"utf-16\"><body>{korean}").into_bytes(),
        format!("<meta charset=\"replacement\"><body>{korean}").into_bytes(),
        format!("<meta charset=\"iso-2022-kr\"><body>{korean}").into_bytes(),
        format!("<?xml version=\"1.0\" encoding=\"shift_jis\"?><html><body>{korean}</body></html>")
            .into_bytes(),
        format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\"><body>{korean}")
            .into_bytes(),
        format!("<meta charset=\"{}\"><body>{korean}", "x".repeat(10_000)).into_bytes(),
        [
            b"\xef\xbb\xbf<meta charset=\"euc-kr\"><body>".as_slice(),
            korean.as_bytes(),
        ]
        .concat(),
        [
            utf16("<meta charset=\"utf-8\">", false, true),
            euc_kr.to_vec(),
        ]
        .concat(),
    ];
    for (n, bytes) in pages.iter().enumerate() {
        let label = format!("charset #{n}");
        for result in extract_all(&label, bytes) {
            assert_typed(&label, &result);
        }
    }
}

// ---------------------------------------------------------------------------
// Markup
// ---------------------------------------------------------------------------

#[test]
fn a_hundred_thousand_nested_divs() {
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>카카오톡 장애가 26일 오후 3시께 발생했다.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let unclosed = format!("<html><body>{}장애 발생", "<div><span><b><i>".repeat(n / 4));
    let tables = format!(
        "<table><tr><td>{}정부24 먹통",
        "<table><tr><td>".repeat(n / 10)
    );
    let formatting = format!("<body>{}서비스 중단</body>", "<a><b><font>".repeat(n / 10));
    for (label, page) in [
        ("nested divs", page),
        ("unclosed nesting", unclosed),
        ("nested tables", tables),
        ("formatting elements", formatting),
    ] {
        for mode in [Mode::Html, Mode::Sniff] {
            assert_typed(
                label,
                &extract(label, page.clone().into_bytes(), mode, Some(published())),
            );
        }
    }
}

#[test]
fn scripts_styles_and_comments_only() {
    let pages = [
        "<html><head><script>var a = '장애 발생 오후 3시';</script><style>p{}</style></head><body><script>document.write('<p>먹통</p>')</script></body></html>".to_string(),
        "<script>".repeat(1_000),
        format!("<html><body><script>{}", "장애 ".repeat(10_000)),
        "<!-- 장애 발생 오후 3시 --><!-- <p>먹통</p> -->".to_string(),
        format!("<body><!--{}", "장애 ".repeat(10_000)),
        "<noscript>장애</noscript><template><p>장애 발생</p></template><iframe>먹통</iframe>".to_string(),
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"장애\",\"datePublished\":\"9999-99-99T99:99:99+99:99\",\"articleBody\":\"".to_string() + &"장애 ".repeat(1_000) + "</script>",
        "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{\"datePublished\":\"2023-09-26T25:61:00+09:00\"}</script><p>장애</p>".to_string(),
    ];
    for (n, page) in pages.iter().enumerate() {
        let label = format!("script page #{n}");
        for result in extract_all(&label, page.as_bytes()) {
            assert_typed(&label, &result);
        }
    }
}

#[test]
fn unclosed_and_broken_markup() {
    let pages = [
        "<html><body><div><p>카카오톡 장애가 26일 <b>오후 3시<i>께 발생".to_string(),
        "<p>장애 발생<p>오후 3시 복구<p><p><p>".to_string(),
        "<html<body<p>장애>>>".to_string(),
        "<<<<<<<<<<<<p>>>>>>>>장애".to_string(),
        "<p title=\"장애 발생>오후 3시 복구</p>".to_string(),
        "<p>&#0;&#xD800;&#1114112;&#xFFFFFFFF;&amp&lt&gt&nbsp 장애 &#54620;</p>".to_string(),
        format!("<p>{}</p>", "&#xAC00;".repeat(20_000)),
        "<meta property=\"article:published_time\" content=\"-262144-01-01T00:00:00+09:00\"><p>어제 장애</p>".to_string(),
        "<meta property=\"article:published_time\" content=\"+262143-12-31T23:59:59+09:00\"><p>내일 장애. 내년 3월 복구</p>".to_string(),
        "<time datetime=\"0000-00-00T00:00\">입력 0000.00.00 00:00</time><p>지난 31일 장애</p>".to_string(),
        "<p>입력 9999.12.31 23:59 수정 0001.01.01 00:00</p><p>이튿날 새벽 장애</p>".to_string(),
        format!("<p class=\"{}\">장애</p>", "article ".repeat(10_000)),
        format!("<div {}>장애</div>", "a=b ".repeat(10_000)),
        "<title></title><title>장애</title><h1></h1><p>먹통</p>".to_string(),
        format!("<title>{}</title><p>장애</p>", "제목".repeat(50_000)),
    ];
    for (n, page) in pages.iter().enumerate() {
        let label = format!("broken markup #{n}");
        for result in extract_all(&label, page.as_bytes()) {
            assert_typed(&label, &result);
        }
    }
}

// ---------------------------------------------------------------------------
// Time expressions and reference times at the edges
// ---------------------------------------------------------------------------

/// Time expressions, ordinary and out of range, inserted into mutated
/// fixtures and run against edge reference times.
const TIME_EXPRESSIONS: &[&str] = &[
    "26일 오후 3시께",
    "어제 오전 9시부터",
    "지난 17일 오후 1시 57분",
    "같은 날 오후 8시 40분쯤",
    "이튿날 새벽 3시까지",
    "오후 1시~3시",
    "3시간 40분 동안",
    "89분 만에",
    "이틀째",
    "사흘 만에 복구됐다",
    "지난해 2월 29일",
    "2월 30일",
    "13월 32일",
    "0월 0일 0시 0분",
    "24시 60분 60초",
    "오전 0시",
    "오후 12시",
    "오후 13시",
    "9999년 12월 31일 오후 11시 59분",
    "262144년",
    "0년",
    "1년 전",
    "100000000년 전",
    "4294967296일 후",
    "18446744073709551616시간",
    "2023.9.26.",
    "2023-09-26 23:59:60",
    "23:59",
    "99:99",
    "내년 말",
    "5분기",
    "지난주 월요일",
    "다음 달 31일",
    "설 연휴",
    "추석 전날",
    "초복",
    "3.1절",
    "올해 상반기",
    "2023년 9월 26일(수)",
    "25일(월)",
    "오후 3시 현재",
    "한 시간 넘게",
    "백만 시간",
    "구천구백구십구조 년",
    "일주일간",
    "20여 분 동안",
    "1시간 이내",
    "10년 만에",
    "자정",
    "정오께",
];

/// Reference times: ordinary ones and the edges of the representable range.
fn reference_times() -> Vec<Option<DateTime<FixedOffset>>> {
    vec![
        None,
        Some(published()),
        Some(at("2024-02-29T23:59:59+09:00")),
        Some(at("2023-12-31T23:59:59-12:00")),
        Some(at("2023-01-01T00:00:00+14:00")),
        Some(at("0001-01-01T00:00:00+09:00")),
        Some(at("9999-12-31T23:59:59+09:00")),
        Some(DateTime::<chrono::Utc>::MIN_UTC.fixed_offset()),
        Some(DateTime::<chrono::Utc>::MAX_UTC.fixed_offset()),
        Some(
            DateTime::<chrono::Utc>::MAX_UTC
                .with_timezone(&FixedOffset::east_opt(9 * 3600).expect("offset")),
        ),
    ]
}

#[test]
fn time_expressions_against_edge_reference_times() {
    let text = format!(
        "카카오톡 장애\n카카오톡 서비스가 {} 중단됐다가 복구됐다. 장애는 {} 이어졌다.",
        TIME_EXPRESSIONS.join(" 장애가 났고 "),
        TIME_EXPRESSIONS.join(", ")
    );
    for p in reference_times() {
        for expression in TIME_EXPRESSIONS {
            let one = format!(
                "카카오톡 장애\n카카오톡 서비스가 {expression} 중단됐다가 {expression} 복구됐다."
            );
            assert_typed(
                expression,
                &extract(expression, one.into_bytes(), Mode::Text, p),
            );
        }
        assert_typed(
            "all time expressions",
            &extract(
                "all time expressions",
                text.clone().into_bytes(),
                Mode::Text,
                p,
            ),
        );
    }
}

// ---------------------------------------------------------------------------
// Mutated fixtures
// ---------------------------------------------------------------------------

/// xorshift64*: small, seeded, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn fixtures(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no *.{ext} in {}", dir.display());
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("read fixture"))
        .collect()
}

/// Numbers swapped in for the digits of a fixture.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "12",
    "13",
    "24",
    "25",
    "29",
    "30",
    "31",
    "32",
    "59",
    "60",
    "61",
    "99",
    "100",
    "1999",
    "2023",
    "9999",
    "65536",
    "4294967296",
    "18446744073709551615",
    "99999999999999999999999",
];

/// Korean chunks inserted at random places.
const INSERTS: &[&str] = &[
    "장애",
    "먹통",
    "각각",
    "등",
    "·",
    "、",
    "(",
    ")",
    "\"",
    "“",
    "…",
    ".",
    "\n",
    " ",
    "\u{200B}",
    "\u{FFFD}",
    "오후",
    "께",
    "부터",
    "까지",
    "만에",
    "동안",
    "째",
    "원인은",
    "화재로",
    "복구됐다.",
    "<p>",
    "</div>",
    "<script>",
    "&#0;",
    "입력 2023.09.26 10:00",
];

/// One random edit. Works on bytes so it can cut characters in half.
fn mutate(rng: &mut Rng, doc: &mut Vec<u8>, donor: &[u8]) {
    let text = String::from_utf8_lossy(doc).into_owned();
    match rng.below(9) {
        // Truncate at any byte, possibly inside a character.
        0 => {
            let cut = rng.below(doc.len() + 1);
            doc.truncate(cut);
        }
        // Delete lines.
        1 => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            for _ in 0..=rng.below(4) {
                if !lines.is_empty() {
                    let i = rng.below(lines.len());
                    lines.remove(i);
                }
            }
            *doc = lines.join("\n").into_bytes();
        }
        // Duplicate lines.
        2 => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            for _ in 0..=rng.below(4) {
                if !lines.is_empty() {
                    let from = rng.below(lines.len());
                    let to = rng.below(lines.len() + 1);
                    let line = lines[from];
                    lines.insert(to, line);
                }
            }
            *doc = lines.join("\n").into_bytes();
        }
        // Swap numbers.
        3 => {
            let mut out = String::with_capacity(text.len());
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c.is_ascii_digit() {
                    while chars.peek().is_some_and(char::is_ascii_digit) {
                        chars.next();
                    }
                    if rng.below(2) == 0 {
                        out.push_str(rng.pick(NUMBERS));
                    } else {
                        out.push(c);
                    }
                } else {
                    out.push(c);
                }
            }
            *doc = out.into_bytes();
        }
        // Insert time expressions at character boundaries.
        4 => {
            let mut text = text;
            for _ in 0..=rng.below(5) {
                let mut at = rng.below(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let expression = format!(" {} ", rng.pick(TIME_EXPRESSIONS));
                text.insert_str(at, &expression);
            }
            *doc = text.into_bytes();
        }
        // Insert words, punctuation and markup at any byte.
        5 => {
            for _ in 0..=rng.below(8) {
                let at = rng.below(doc.len() + 1);
                let chunk = rng.pick(INSERTS).as_bytes().to_vec();
                doc.splice(at..at, chunk);
            }
        }
        // Shuffle lines.
        6 => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            for i in (1..lines.len()).rev() {
                let j = rng.below(i + 1);
                lines.swap(i, j);
            }
            *doc = lines.join("\n").into_bytes();
        }
        // Overwrite random bytes.
        7 => {
            for _ in 0..=rng.below(16) {
                if !doc.is_empty() {
                    let i = rng.below(doc.len());
                    doc[i] = rng.next() as u8;
                }
            }
        }
        // Splice in part of another document.
        _ => {
            let at = rng.below(doc.len() + 1);
            let from = rng.below(donor.len() + 1);
            let to = from + rng.below(donor.len() - from + 1);
            doc.splice(at..at, donor[from..to].iter().copied());
        }
    }
}

/// Runs `per_doc` mutants of every document; each gets one to three edits.
fn run_mutants(kind: &str, docs: &[Vec<u8>], per_doc: usize, seed: u64, modes: &[Mode]) {
    let times = reference_times();
    let mut rng = Rng::new(seed);
    for (d, original) in docs.iter().enumerate() {
        for m in 0..per_doc {
            let donor = &docs[rng.below(docs.len())];
            let mut doc = original.clone();
            for _ in 0..=rng.below(3) {
                mutate(&mut rng, &mut doc, donor);
            }
            let mode = rng.pick(modes);
            let published = if rng.below(3) == 0 {
                rng.pick(&times)
            } else {
                Some(published())
            };
            let label = format!("{kind} fixture #{d}, mutant #{m} (seed {seed})");
            assert_typed(&label, &extract(&label, doc, mode, published));
        }
    }
}

#[test]
fn fixtures_unmutated_are_valid_and_deterministic() {
    let mut docs = fixtures("fixtures/articles", "txt");
    docs.extend(fixtures("fixtures/articles", "html"));
    docs.extend(fixtures("fixtures/html", "html"));
    for (d, doc) in docs.iter().enumerate() {
        let label = format!("fixture #{d}");
        let first = extract(&label, doc.clone(), Mode::Sniff, Some(published()));
        let second = extract(&label, doc.clone(), Mode::Sniff, Some(published()));
        assert!(first.is_ok(), "{label}: {first:?}");
        assert_eq!(first.ok(), second.ok(), "{label}: two runs differ");
    }
}

#[test]
fn mutated_text_fixtures() {
    let docs = fixtures("fixtures/articles", "txt");
    run_mutants(
        "text",
        &docs,
        8,
        0x6a61_6e67,
        &[Mode::Text, Mode::Text, Mode::Sniff],
    );
}

#[test]
fn mutated_html_fixtures() {
    let mut docs = fixtures("fixtures/html", "html");
    docs.extend(fixtures("fixtures/articles", "html"));
    run_mutants(
        "html",
        &docs,
        6,
        0x6165_0001,
        &[Mode::Html, Mode::Html, Mode::Sniff, Mode::Text],
    );
}

// ---------------------------------------------------------------------------
// Minimal reproducers of the bugs these tests found
// ---------------------------------------------------------------------------

/// Counts and durations longer than u64 overflowed a multiplication
/// (impact::korean_number; a duration reader since folded into temporal).
#[test]
fn overflowing_counts_and_durations() {
    for text in [
        "결제 장애로 99999999999999999999건이 실패했다.",
        "결제 장애로 1,000,000,000,000,000,000,000건이 실패했다.",
        "서비스가 99999999999999999999일 동안 멈췄다.",
        "서비스가 9999999999999999999시간 99999999999999999999분 동안 멈췄다.",
    ] {
        for p in [None, Some(published())] {
            assert_typed(
                text,
                &extract(text, text.as_bytes().to_vec(), Mode::Text, p),
            );
        }
    }
}

/// Relative times far beyond the calendar overflowed chrono's arithmetic
/// (temporal::resolve shift and span).
#[test]
fn relative_times_beyond_the_calendar() {
    for text in [
        "카카오톡 장애가 1억 년 전 발생했다.",
        "카카오톡 장애가 4294967296일 후 복구됐다.",
        "카카오톡 장애가 18446744073709551616시간 후 복구됐다.",
        "카카오톡 장애가 지난 100000000일 동안 이어졌다.",
        "카카오톡 장애가 3000000000개월 전 발생했다.",
        "카카오톡 장애가 구천구백구십구조 년 전 발생했다.",
    ] {
        for p in [None, Some(published())] {
            assert_typed(
                text,
                &extract(text, text.as_bytes().to_vec(), Mode::Text, p),
            );
        }
    }
}

/// A reference at chrono's limits panicked in `naive_local`; one outside
/// RFC 3339's years is now refused with a typed error.
#[test]
fn references_outside_rfc3339_years_are_refused() {
    let text = "카카오톡 먹통\n카카오톡 장애가 어제 오후 3시 발생해 이튿날 복구됐다.";
    let kst = FixedOffset::east_opt(9 * 3600).expect("offset");
    for p in [
        DateTime::<chrono::Utc>::MAX_UTC.with_timezone(&kst),
        DateTime::<chrono::Utc>::MIN_UTC.fixed_offset(),
        chrono::TimeZone::with_ymd_and_hms(&kst, 10000, 1, 1, 0, 0, 0)
            .single()
            .expect("year 10000"),
    ] {
        let result = extract(
            "edge reference",
            text.as_bytes().to_vec(),
            Mode::Text,
            Some(p),
        );
        assert!(
            matches!(result, Err(Error::InvalidTime { .. })),
            "{p:?}: {result:?}"
        );
    }
    // The last representable day still resolves (and may step past it).
    let end = at("9999-12-31T23:59:59+09:00");
    for text in [
        "카카오톡 장애가 내일 발생했다.",
        "카카오톡 장애가 다음 주 토요일 복구됐다.",
        "내년 장애",
    ] {
        assert_typed(
            text,
            &extract(text, text.as_bytes().to_vec(), Mode::Text, Some(end)),
        );
    }
}

/// "오후 3시부터 오전 6시까지" ended before it started: the end inherited the
/// start's day, which stopped the roll-over to the next morning.
#[test]
fn an_interval_into_the_next_morning_ends_after_it_starts() {
    let text = "카카오톡 먹통\n26일 오후 3시부터 오전 6시까지 카카오톡 장애가 이어졌다.";
    let article = extract(
        "overnight",
        text.as_bytes().to_vec(),
        Mode::Text,
        Some(published()),
    )
    .expect("article");
    let incident = article.incidents.first().expect("an incident");
    let start = incident.start.as_ref().expect("start");
    let end = incident.end.as_ref().expect("end");
    assert_eq!(start.value, at("2023-09-26T15:00:00+09:00"));
    assert_eq!(end.value, at("2023-09-27T06:00:00+09:00"));
}

/// One sentence of thousands of triggers made merging cubic (minutes for a
/// few kilobytes); a megabyte without punctuation made one huge sentence.
#[test]
fn one_sentence_of_many_triggers() {
    for (label, text) in [
        ("glued", "장애".repeat(5_000)),
        ("spaced", "장애 ".repeat(5_000)),
        (
            "services",
            (0..2_000).map(|i| format!("서비스{i} 장애 ")).collect(),
        ),
    ] {
        let result = extract(label, text.into_bytes(), Mode::Text, Some(published()));
        assert_typed(label, &result);
        if let Ok(article) = result {
            for incident in &article.incidents {
                assert!(
                    incident.services.len() <= 1_000,
                    "{label}: {}",
                    incident.services.len()
                );
            }
        }
    }
}
