//! A minimal local reader of the time expressions incident extraction needs,
//! used only while the temporal stage hands over nothing (its engine is built
//! on another branch). It covers dates (2023년 9월 26일, 지난 17일, 지난해 10월,
//! 지난 7월), clock times with day parts (오후 1시 57분쯤, 새벽 1시 20분), the
//! article's own day (이날, 전날), ranges (5일 0시부터 8일 6시까지) and stated
//! durations (18시간, 6시간 40분가량, 20여 분, 1시간 넘게, 만 12시간 넘겨서).
//! Unwritten years, months and days come from the publication time, resolved
//! toward the past; a clock time alone takes the last day named before it.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration as ChronoDuration, FixedOffset, NaiveDate, TimeZone};
use regex::Regex;

use crate::record::{Precision, Qualifier};
use crate::temporal::{Instant, TemporalMention, TemporalValue};

static POINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?P<ywd>지난해|작년|올해|올)\s*|(?P<y>\d{4})년\s*)?",
        r"(?:(?P<last>지난)\s*)?",
        r"(?:(?P<mo>\d{1,2})월\s*)?",
        r"(?:(?P<d>\d{1,2})일|(?P<rel>이날|전날|이튿날|다음날|어제|오늘))?",
        r"(?:\s*(?P<part>오전|오후|새벽|밤|아침|저녁|낮))?",
        r"(?:\s*(?P<h>\d{1,2})시(?:\s*(?P<mi>\d{1,2})분)?)?",
        r"(?P<approx>\s*(?:께|쯤|경|무렵))?"
    ))
    .expect("static regex")
});

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<man>만\s*)?(?:(?P<about>약|대략)\s*)?",
        r"(?:(?P<days>\d+)\s*일간|(?P<h>\d+)\s*시간(?:\s*(?P<hm>\d+)\s*분)?|(?P<m>\d+)\s*(?P<yeo>여)?\s*분)",
        r"(?P<q>\s*(?:가량|여|남짓|안팎|넘게|넘겨서|넘긴|이상|이내|미만|동안))?"
    ))
    .expect("static regex")
});

static RANGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"부터\s*").expect("static regex"));

fn kst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("valid offset")
}

fn make(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Option<DateTime<FixedOffset>> {
    let date = NaiveDate::from_ymd_opt(y, mo, d)?;
    kst()
        .from_local_datetime(&date.and_hms_opt(h, mi, 0)?)
        .single()
}

/// Reads the time expressions of a body (see the module comment).
pub(crate) fn parse(
    body: &str,
    sentences: &[std::ops::Range<usize>],
    published: Option<DateTime<FixedOffset>>,
) -> Vec<TemporalMention> {
    let Some(pubd) = published else {
        return durations(body);
    };
    let mut out = Vec::new();
    let mut focal: NaiveDate = pubd.date_naive();
    let mut year_ctx: Option<i32> = None;
    for s in sentences {
        let text = &body[s.clone()];
        let mut pos = 0;
        while pos < text.len() {
            let here = pos;
            pos += text[pos..].chars().next().map_or(1, char::len_utf8);
            // Expressions start a word ("어린이날" is not "이날"), at a digit or a time word.
            let prev = text[..here].chars().next_back();
            if prev.is_some_and(|p| ('가'..='힣').contains(&p) || p.is_ascii_digit()) {
                continue;
            }
            let Some(c) = POINT.captures(&text[here..]) else {
                continue;
            };
            let m = c.get(0).expect("whole match");
            if m.as_str().trim().is_empty() {
                continue;
            }
            pos = here + m.end().max(1);
            let base = here;
            let has_date =
                c.name("d").is_some() || c.name("rel").is_some() || c.name("mo").is_some();
            let has_clock = c.name("h").is_some();
            let has_year = c.name("ywd").is_some() || c.name("y").is_some();
            let year_word = has_year && c.name("ywd").is_some_and(|y| y.as_str() != "올");
            if !(has_date || has_clock || year_word) {
                continue;
            }
            // "12시간" is a duration, "5개월" not a month: check what follows.
            let after = &text[base + m.end()..];
            if has_clock && c.name("mi").is_none() && after.starts_with('간') {
                continue;
            }
            let raw = m.as_str().trim_end();
            let start = s.start + base + m.start();
            let end = start + raw.len();
            let num = |k: &str| c.name(k).and_then(|x| x.as_str().parse::<u32>().ok());
            let mut year = match c.name("ywd").map(|x| x.as_str()) {
                Some("지난해" | "작년") => Some(pubd.year() - 1),
                Some("올해" | "올") => Some(pubd.year()),
                _ => c.name("y").and_then(|x| x.as_str().parse().ok()),
            };
            if year.is_some() && c.name("y").is_some() {
                year_ctx = year;
            }
            let mut precision = Precision::Year;
            let (mut mo, mut d) = (None, None);
            if let Some(rel) = c.name("rel") {
                let base = pubd.date_naive();
                // Checked: the reference may sit at the end of the calendar.
                let day = match rel.as_str() {
                    "전날" | "어제" => base.checked_sub_signed(ChronoDuration::days(1)),
                    "이튿날" | "다음날" => focal.checked_add_signed(ChronoDuration::days(1)),
                    _ => Some(base),
                };
                let Some(day) = day else { continue };
                year = Some(day.year());
                mo = Some(day.month());
                d = Some(day.day());
                precision = Precision::Day;
            } else {
                if let Some(x) = num("mo") {
                    if !(1..=12).contains(&x) {
                        continue;
                    }
                    mo = Some(x);
                    precision = Precision::Month;
                }
                if let Some(x) = num("d") {
                    if !(1..=31).contains(&x) {
                        continue;
                    }
                    d = Some(x);
                    precision = Precision::Day;
                }
            }
            if d.is_none() && mo.is_none() && has_clock {
                d = Some(focal.day());
                mo = Some(focal.month());
                year = Some(focal.year());
                precision = Precision::Day;
            }
            if d.is_some() && mo.is_none() {
                // Day of the publication month, or of the previous month.
                let y = year.unwrap_or(pubd.year());
                let mut cand = NaiveDate::from_ymd_opt(y, pubd.month(), d.unwrap_or(1));
                if cand.is_none_or(|c| c > pubd.date_naive()) {
                    let prev = pubd
                        .date_naive()
                        .with_day(1)
                        .and_then(|first| first.pred_opt());
                    cand = prev
                        .and_then(|p| NaiveDate::from_ymd_opt(p.year(), p.month(), d.unwrap_or(1)));
                }
                let Some(cd) = cand else { continue };
                year = Some(cd.year());
                mo = Some(cd.month());
            }
            if let Some(m0) = mo
                && year.is_none()
            {
                let y = year_ctx.unwrap_or(pubd.year());
                let day = d.unwrap_or(1);
                let cand = NaiveDate::from_ymd_opt(y, m0, day);
                year = Some(match cand {
                    Some(c) if c > pubd.date_naive() && year_ctx.is_none() => y - 1,
                    _ => y,
                });
            }
            let y = year.unwrap_or(pubd.year());
            let (mut h, mut mi) = (0, 0);
            if let Some(hh) = num("h") {
                let part = c.name("part").map(|x| x.as_str());
                h = match part {
                    Some("오후" | "저녁" | "밤") if hh < 12 => hh + 12,
                    Some("새벽" | "오전" | "아침") if hh == 12 => 0,
                    _ => hh,
                };
                if h > 23 {
                    continue;
                }
                precision = Precision::Hour;
                if let Some(m2) = num("mi") {
                    mi = m2;
                    precision = Precision::Minute;
                }
            }
            let Some(value) = make(y, mo.unwrap_or(1), d.unwrap_or(1), h, mi) else {
                continue;
            };
            if precision >= Precision::Day {
                focal = value.date_naive();
            }
            let approximate = c.name("approx").is_some();
            let text_out = if approximate {
                raw.to_string()
            } else {
                raw.trim_end().to_string()
            };
            out.push(TemporalMention {
                span: start..end,
                text: text_out,
                value: TemporalValue::Instant(Instant {
                    value,
                    precision,
                    approximate,
                }),
            });
        }
    }
    // Ranges: "A부터 B까지".
    let mut merged: Vec<TemporalMention> = Vec::new();
    let mut i = 0;
    while i < out.len() {
        if i + 1 < out.len() {
            let (a, b) = (&out[i], &out[i + 1]);
            let between = &body[a.span.end..b.span.start.max(a.span.end)];
            let after_b = &body[b.span.end..];
            if RANGE
                .find(between)
                .is_some_and(|m| m.start() == 0 && m.end() == between.len())
                && after_b.starts_with("까지")
                && let (TemporalValue::Instant(f), TemporalValue::Instant(t)) = (&a.value, &b.value)
            {
                merged.push(TemporalMention {
                    span: a.span.start..b.span.end,
                    text: body[a.span.start..b.span.end].to_string(),
                    value: TemporalValue::Interval {
                        from: Some(*f),
                        to: Some(*t),
                    },
                });
                i += 2;
                continue;
            }
        }
        merged.push(out[i].clone());
        i += 1;
    }
    merged.extend(durations(body));
    merged.sort_by_key(|m| m.span.start);
    merged
}

fn durations(body: &str) -> Vec<TemporalMention> {
    let mut out = Vec::new();
    for c in DURATION.captures_iter(body) {
        let m = c.get(0).expect("whole match");
        let num = |k: &str| c.name(k).and_then(|x| x.as_str().parse::<u64>().ok());
        // Checked: a long digit run is not a duration (and must not overflow).
        let seconds = if let Some(d) = num("days") {
            d.checked_mul(86400)
        } else if let Some(h) = num("h") {
            h.checked_mul(3600)
                .zip(num("hm").unwrap_or(0).checked_mul(60))
                .and_then(|(a, b)| a.checked_add(b))
        } else {
            num("m").unwrap_or(0).checked_mul(60)
        };
        let Some(seconds) = seconds.filter(|&s| s > 0) else {
            continue;
        };
        let q = c.name("q").map(|x| x.as_str().trim()).unwrap_or("");
        let qualifier = match q {
            "가량" | "여" | "남짓" | "안팎" => Qualifier::About,
            "넘게" | "넘겨서" | "넘긴" | "이상" => Qualifier::AtLeast,
            "이내" | "미만" => Qualifier::AtMost,
            _ if c.name("about").is_some() || c.name("yeo").is_some() => Qualifier::About,
            _ => Qualifier::Exact,
        };
        // "동안" is not part of the expression.
        let mut end = m.end();
        if q == "동안" {
            end = c.name("q").map(|x| x.start()).unwrap_or(end);
        }
        let text = body[m.start()..end].trim_end();
        let start = m.start();
        // A clock time ("1시 20분") is not a duration.
        if c.name("m").is_some() && body[..start].trim_end().ends_with('시') {
            continue;
        }
        out.push(TemporalMention {
            span: start..start + text.len(),
            text: text.to_string(),
            value: TemporalValue::Duration { seconds, qualifier },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn clock_alone() {
        let body = "완전히 복구되지 않고 오후 6시 현재 지연";
        let p = "2023-05-08T18:00:00+09:00".parse().ok();
        let sentences = [std::ops::Range {
            start: 0,
            end: body.len(),
        }];
        let out = super::parse(body, &sentences, p);
        assert_eq!(out.len(), 1, "{out:?}");
    }
}
