//! Dates as news pages write them, in metadata and in visible datelines.
//!
//! Metadata: RFC 3339 and its loose cousins ("2023-11-24T21:05:00",
//! "2023-11-24 21:05:00.0", "2023-11-24T21:05+0900", "20231124210500").
//! Datelines: a label ("입력", "기사입력", "승인", "등록", "수정", "업데이트",
//! ...) or a bar ("| 2022.10.15 21:52") before a date in many shapes
//! ("2022.10.16 07:48", "2023-11-17 오후 5:10", "2023년 11월 24일 21시 5분").
//! A time without an offset is KST.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;

/// Korea Standard Time, the default offset of Korean pages.
pub(crate) fn kst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("valid offset")
}

/// One date in a shape news pages use (`+09:00` when no offset is given).
const DATE: &str = r"(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년)\s*(?P<mo>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?:\s*일)?\.?(?:(?:\s*\([월화수목금토일]\))?(?:\s*T|\s+|\s*,\s*)\(?(?P<ap>오전|오후|AM|PM|am|pm)?\s*(?P<h>\d{1,2})\s*(?::|시)\s*(?P<mi>\d{1,2})?(?:\s*분)?(?::(?P<s>\d{2})(?:\.\d+)?)?\)?(?:\s*(?P<ap2>AM|PM|am|pm))?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|KST)?";

static DATE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^\\s*{DATE}")).expect("static regex"));

/// Labelled datelines: the label decides published vs modified.
static LABELLED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<label>기사\s*입력|최초\s*입력|입력\s*시간|입력|기사\s*승인|승인|등록\s*일시?|등록|게재\s*일시?|게재|발행\s*일시?|발행|송고\s*시간|송고|작성\s*일시?|작성|기사\s*수정|최종\s*수정|최종\s*업데이트|수정\s*시간|수정|업데이트|Published|Posted|Updated|Modified)\s*(?:일자|일시|시간)?\s*[:：]?\s*{DATE}"
    ))
    .expect("static regex")
});

/// A date after a bar, as in "홍길동 기자 | 2022.10.15 21:52".
static BAR_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"[|｜]\s*{DATE}")).expect("static regex"));

/// A date and clock time with no label, e.g. a timestamp of a headline list.
static BARE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)\d{2}[-./]\s*\d{1,2}[-./]\s*\d{1,2}\.?\s+(?:오전|오후)?\s*\d{1,2}:\d{2}")
        .expect("static regex")
});

/// Parses a date at the start of `s` (metadata values, dateline tails).
pub(crate) fn parse(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Some(t) = compact(s) {
        return Some(t);
    }
    let caps = DATE_RE.captures(s)?;
    from_caps(&caps)
}

/// "20231124210500" (Daum's `og:regDate`) and "20231124".
fn compact(s: &str) -> Option<DateTime<FixedOffset>> {
    if !(s.len() == 14 || s.len() == 12 || s.len() == 8) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|v| v.parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(n(0..4)? as i32, n(4..6)?, n(6..8)?)?;
    let (h, mi, sec) = match s.len() {
        14 => (n(8..10)?, n(10..12)?, n(12..14)?),
        12 => (n(8..10)?, n(10..12)?, 0),
        _ => (0, 0, 0),
    };
    let time = NaiveTime::from_hms_opt(h, mi, sec)?;
    kst().from_local_datetime(&date.and_time(time)).single()
}

fn from_caps(caps: &regex::Captures<'_>) -> Option<DateTime<FixedOffset>> {
    let num = |k: &str| caps.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = num("y")? as i32;
    let date = NaiveDate::from_ymd_opt(year, num("mo")?, num("d")?)?;
    let mut hour = num("h").unwrap_or(0);
    let ampm = caps
        .name("ap")
        .or_else(|| caps.name("ap2"))
        .map(|m| m.as_str());
    match ampm {
        Some("오후" | "PM" | "pm") if hour < 12 => hour += 12,
        Some("오전" | "AM" | "am") if hour == 12 => hour = 0,
        _ => {}
    }
    let time = NaiveTime::from_hms_opt(hour, num("mi").unwrap_or(0), num("s").unwrap_or(0))?;
    let naive = NaiveDateTime::new(date, time);
    let offset = match caps.name("tz").map(|m| m.as_str()) {
        None | Some("KST") => kst(),
        Some("Z") => FixedOffset::east_opt(0)?,
        Some(tz) => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            let digits: String = tz.chars().filter(char::is_ascii_digit).collect();
            let h: i32 = digits.get(0..2)?.parse().ok()?;
            let m: i32 = digits.get(2..4)?.parse().ok()?;
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))?
        }
    };
    offset.from_local_datetime(&naive).single()
}

/// Which time a dateline states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Published,
    Modified,
}

/// A dateline found in visible text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub stamp: Stamp,
    pub at: DateTime<FixedOffset>,
    /// Byte range of the match in the searched text.
    pub range: std::ops::Range<usize>,
    /// Whether a label ("입력", "수정", ...) introduced it, rather than a bar.
    pub labelled: bool,
}

/// Whether `text` has a four-digit run (a year): a cheap test that spares
/// the regexes most lines of a page.
fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    let mut run = 0;
    for &c in b {
        if c.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The labelled or barred datelines in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    if !has_year(text) {
        return out;
    }
    for caps in LABELLED_RE.captures_iter(text) {
        let Some(at) = from_caps(&caps) else { continue };
        let label = caps.name("label").map_or("", |m| m.as_str());
        let stamp = if label.contains("수정")
            || label.contains("업데이트")
            || label == "Updated"
            || label == "Modified"
        {
            Stamp::Modified
        } else {
            Stamp::Published
        };
        let range = caps.get(0).map_or(0..0, |m| m.range());
        out.push(Found {
            stamp,
            at,
            range,
            labelled: true,
        });
    }
    if out.is_empty() {
        for caps in BAR_RE.captures_iter(text) {
            let Some(at) = from_caps(&caps) else { continue };
            let range = caps.get(0).map_or(0..0, |m| m.range());
            out.push(Found {
                stamp: Stamp::Published,
                at,
                range,
                labelled: false,
            });
        }
    }
    out
}

/// Whether `text` holds a date with a clock time and no label.
pub(crate) fn has_bare_timestamp(text: &str) -> bool {
    has_year(text) && BARE_RE.is_match(text)
}

/// A line that is only a timestamp ("2023.11.24 21:05", "2023-11-24 오후 9:05").
pub(crate) fn whole_line_date(line: &str) -> Option<DateTime<FixedOffset>> {
    let line = line.trim();
    if !has_year(line) {
        return None;
    }
    let caps = DATE_RE.captures(line)?;
    let m = caps.get(0)?;
    if m.end() != line.len() || caps.name("h").is_none() {
        return None;
    }
    from_caps(&caps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn parses_metadata_values() {
        assert_eq!(
            parse("2023-11-24T21:05:00+09:00"),
            Some(t("2023-11-24T21:05:00+09:00"))
        );
        assert_eq!(
            parse("2023-11-24T12:05:00.000Z"),
            Some(t("2023-11-24T12:05:00Z"))
        );
        assert_eq!(
            parse("2023-11-24T21:05:00"),
            Some(t("2023-11-24T21:05:00+09:00"))
        );
        assert_eq!(
            parse("2023-11-24 21:05:00.0"),
            Some(t("2023-11-24T21:05:00+09:00"))
        );
        assert_eq!(
            parse("2023-11-24T21:05+0900"),
            Some(t("2023-11-24T21:05:00+09:00"))
        );
        assert_eq!(
            parse("20231124210500"),
            Some(t("2023-11-24T21:05:00+09:00"))
        );
        assert_eq!(parse("2023-11-24"), Some(t("2023-11-24T00:00:00+09:00")));
        assert_eq!(parse("2023-02-30T10:00:00"), None);
        assert_eq!(parse("어제"), None);
    }

    #[test]
    fn finds_labelled_datelines() {
        let f = find("입력 2022.10.16 07:48 수정 2022.10.16 09:02");
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].stamp, f[0].at),
            (Stamp::Published, t("2022-10-16T07:48:00+09:00"))
        );
        assert_eq!(
            (f[1].stamp, f[1].at),
            (Stamp::Modified, t("2022-10-16T09:02:00+09:00"))
        );
        let f = find("기사입력 2023-11-17 오후 5:10");
        assert_eq!(f[0].at, t("2023-11-17T17:10:00+09:00"));
        let f = find("승인 2023.11.24 21:05");
        assert_eq!(f[0].at, t("2023-11-24T21:05:00+09:00"));
        let f = find("등록 2023년 11월 24일 오전 12시 5분");
        assert_eq!(f[0].at, t("2023-11-24T00:05:00+09:00"));
        let f = find("기사입력 : 2023.05.08. 오후 6:47  최종수정 : 2023.05.08. 오후 7:01");
        assert_eq!(f[0].at, t("2023-05-08T18:47:00+09:00"));
        assert_eq!(
            (f[1].stamp, f[1].at),
            (Stamp::Modified, t("2023-05-08T19:01:00+09:00"))
        );
        let f = find("입력 2021.07.19 (22:05) 수정 2021.07.19 (23:10)");
        assert_eq!(f[0].at, t("2021-07-19T22:05:00+09:00"));
        assert_eq!(f[1].at, t("2021-07-19T23:10:00+09:00"));
        let f = find("입력 :2022/10/19 15:05");
        assert_eq!(f[0].at, t("2022-10-19T15:05:00+09:00"));
        let f = find("업데이트 2023-11-24 21:40:12");
        assert_eq!(
            (f[0].stamp, f[0].at),
            (Stamp::Modified, t("2023-11-24T21:40:12+09:00"))
        );
    }

    #[test]
    fn finds_barred_datelines_only_without_labels() {
        let f = find("홍길동 기자 | 2022.10.15 21:52");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].at, t("2022-10-15T21:52:00+09:00"));
        assert!(find("2025-01-19 10:20:58 다른 기사 제목").is_empty());
    }

    #[test]
    fn recognises_bare_timestamps() {
        assert!(has_bare_timestamp(
            "2025-01-19 10:20:58함영주 하나금융 회장"
        ));
        assert!(!has_bare_timestamp("2025년 상반기 경영전략회의"));
        assert_eq!(
            whole_line_date("2023.11.24 21:05"),
            Some(t("2023-11-24T21:05:00+09:00"))
        );
        assert_eq!(whole_line_date("2023.11.24 21:05 다른 기사"), None);
    }
}
