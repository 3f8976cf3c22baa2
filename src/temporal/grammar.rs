//! The scanner: finds temporal expressions and reads them into unresolved
//! [`Expr`]s (what the text states), leaving calendar arithmetic to
//! `resolve`.
//!
//! Expressions start only at word starts, at a digit after a non-digit, or
//! right after a previous expression; each attempt reads a bounded number of
//! components, so a scan is linear in the text length.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::numeral::{Num, ch, number_at};
use crate::record::Qualifier;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Unit {
    pub(crate) fn seconds(self) -> f64 {
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
            Unit::Day => 86400.0,
            Unit::Week => 7.0 * 86400.0,
            Unit::Month => 30.0 * 86400.0,
            Unit::Quarter => 90.0 * 86400.0,
            Unit::Year => 365.0 * 86400.0,
        }
    }
}

/// A part of the day: how it reads 12-hour clock times and the hours it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayPart {
    /// Clock times under it are afternoon times (오후 3시 → 15시).
    pub pm: Option<bool>,
    /// Covered span in minutes from midnight, end exclusive (for intervals).
    pub from_min: u32,
    pub to_min: u32,
    /// 밤: "밤 1시" is after midnight, "밤 9시" before.
    pub night: bool,
}

/// Special days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    /// nth weekday (0 = Monday) of month.
    NthWeekday(u32, u32, u32),
    Seollal,
    Chuseok,
    /// Season by (start month, start day, end month, end day) inclusive.
    Season(u32, u32, u32, u32),
    /// "연휴": the break named earlier in the document.
    Context,
    /// 초복 (1), 중복 (2), 말복 (3): 경일 days of the summer. (중복 is not in
    /// the lexicon: in news it means "duplicate" far more often.)
    Bok(u8),
}

/// What a date/time expression states, field by field.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Dt {
    pub year: Option<i32>,
    pub year_rel: Option<i32>,
    pub half: Option<u32>,
    pub quarter: Option<u32>,
    pub quarter_rel: Option<i32>,
    /// 1 = early (연초, 초), 3 = late (연말, 말).
    pub year_part: Option<u8>,
    pub month: Option<u32>,
    pub month_rel: Option<i32>,
    /// Direction marker on a month or day (지난 = -1, 오는/다음 = 1).
    pub dir: i8,
    /// 1 초, 2 중순, 3 말, 4 상순, 5 하순.
    pub month_part: Option<u8>,
    pub week_rel: Option<i32>,
    /// nth week of the month (-1 = last).
    pub week_nth: Option<i32>,
    pub week_part: Option<u8>,
    pub weekend: bool,
    pub weekday: Option<u32>,
    pub weekday_nth: Option<i32>,
    pub day: Option<u32>,
    pub day_last: bool,
    pub day_rel: Option<i64>,
    /// 이날 = 0, 전날 = -1, 이튿날 = 1: relative to the focal day; 당일 = 50
    /// (the day its sentence names), 같은 날 = 100 (the day named before),
    /// 그날 = 101 (the day named before, and nothing without one).
    pub anaphor: Option<i64>,
    pub holiday: Option<Holiday>,
    pub holiday_span: bool,
    /// Day of a break: 1 first, 2 last, -1 the day before, 3 the day after.
    pub holiday_day: i8,
    pub daypart: Option<DayPart>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    /// Written as HH:MM or with an explicit 24-hour value.
    pub now: bool,
    pub approx: bool,
    /// Time-zone offset in seconds (4pm CET).
    pub tz: Option<i32>,
    /// Explicit numeric year (for narrative anchoring).
    pub explicit_year: bool,
    /// Followed by 까지 (a deadline or the end of a span).
    pub until: bool,
    /// 이듬해: relative to the narrative's year, not the reference.
    pub year_after: bool,
}

impl Dt {
    fn has_date(&self) -> bool {
        self.year.is_some()
            || self.year_rel.is_some()
            || self.month.is_some()
            || self.month_rel.is_some()
            || self.day.is_some()
            || self.day_rel.is_some()
            || self.anaphor.is_some()
            || self.weekday.is_some()
            || self.week_rel.is_some()
            || self.holiday.is_some()
            || self.quarter.is_some()
            || self.half.is_some()
            || self.quarter_rel.is_some()
            || self.day_last
            || self.week_nth.is_some()
            || self.weekend
    }
    pub(crate) fn has_time(&self) -> bool {
        self.hour.is_some()
    }
    pub(crate) fn is_empty(&self) -> bool {
        !self.has_date() && !self.has_time() && self.daypart.is_none() && !self.now
    }
}

/// How an interval is bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RangeKind {
    /// A부터 B까지, A~B.
    Closed,
    /// A 이후.
    After,
    /// A 이전, A 전.
    Before,
}

/// An unresolved expression (short-lived: one per mention during a scan).
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Expr {
    Point(Dt),
    Range(Option<Dt>, Option<Dt>, RangeKind),
    /// N seconds (in `Unit`s) before (negative) or after now: an instant, or
    /// an interval opening there when the flag is set (7일 이후).
    Shift(f64, Unit, bool),
    /// The same calendar day N units away (2년 전 오늘).
    SameDay(f64, Unit),
    /// The last/next N units: an interval (지난 2주, 다음 3일, 과거 7년간).
    Span(i64, Unit),
    Duration(f64, Qualifier),
    Number(f64, bool),
    Ordinal(i64),
}

// ---------------------------------------------------------------- helpers

#[inline]
fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_hangul(c) || c.is_alphanumeric()
    }
}

/// `t` starts with `w`: checks the last byte of the first character before
/// comparing the rest (most lexicon probes fail there, without a memcmp call).
#[inline]
fn starts(t: &[u8], w: &[u8]) -> bool {
    if w.len() > t.len() {
        return false;
    }
    let k = w.len().min(3) - 1;
    t[k] == w[k] && t[..w.len()] == *w
}

#[inline]
fn lit(s: &str, i: usize, w: &str) -> Option<usize> {
    let t = s.as_bytes().get(i..)?;
    (!w.is_empty() && starts(t, w.as_bytes())).then_some(i + w.len())
}

/// The first word of `words` that `s[i..]` starts with (order = priority).
fn any<T: Copy>(s: &str, i: usize, words: &[(&str, T)]) -> Option<(T, usize)> {
    let t = s.as_bytes().get(i..)?;
    words
        .iter()
        .find(|(w, _)| !w.is_empty() && starts(t, w.as_bytes()))
        .map(|(w, v)| (*v, i + w.len()))
}

/// Skips up to four spaces or tabs (never a line break).
#[inline]
fn sp(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && j < i + 4 && (b[j] == b' ' || b[j] == b'\t') {
        j += 1;
    }
    if j == i && s.get(i..).is_some_and(|t| t.starts_with('\u{a0}')) {
        j += '\u{a0}'.len_utf8();
    }
    j
}

/// At a word end: nothing, or a non-letter follows.
#[inline]
fn word_end(s: &str, i: usize) -> bool {
    ch(s, i).is_none_or(|c| !is_word(c))
}

/// No digit follows (a number ended).
#[inline]
fn no_digit(s: &str, i: usize) -> bool {
    ch(s, i).is_none_or(|c| !c.is_ascii_digit())
}

thread_local! {
    /// The last number read: every grammar rule tries a number at the same
    /// start, so one read serves them all.
    static LAST_NUM: std::cell::Cell<(usize, usize, usize, Option<Num>)> =
        const { std::cell::Cell::new((0, 0, usize::MAX, None)) };
}

/// Forgets the cached number (call before scanning a new text).
pub(crate) fn reset_num_cache() {
    LAST_NUM.set((0, 0, usize::MAX, None));
}

fn num(s: &str, i: usize) -> Option<Num> {
    let key = (s.as_ptr() as usize, s.len(), i);
    let (p, l, k, v) = LAST_NUM.get();
    if (p, l, k) == key {
        return v;
    }
    let v = number_at(s, i);
    LAST_NUM.set((key.0, key.1, key.2, v));
    v
}

/// An integer number with at most `max` value.
fn int(s: &str, i: usize, max: f64) -> Option<(u32, Num)> {
    let n = num(s, i)?;
    (n.value.fract() == 0.0 && n.value >= 0.0 && n.value <= max && !n.float)
        .then_some((n.value as u32, n))
}

// ---------------------------------------------------------------- lexicon

const WEEKDAYS: [(&str, u32); 7] = [
    ("월요일", 0),
    ("화요일", 1),
    ("수요일", 2),
    ("목요일", 3),
    ("금요일", 4),
    ("토요일", 5),
    ("일요일", 6),
];
const WEEKDAY_SHORT: [(&str, u32); 7] = [
    ("월", 0),
    ("화", 1),
    ("수", 2),
    ("목", 3),
    ("금", 4),
    ("토", 5),
    ("일", 6),
];

const REL_YEAR: [(&str, i32); 22] = [
    ("재재작년", -3),
    ("재작년", -2),
    ("작년", -1),
    ("지난해", -1),
    ("지난 해", -1),
    ("전년", -1),
    ("올해", 0),
    ("금년", 0),
    ("이번 해", 0),
    ("이번해", 0),
    ("내후년", 3),
    ("명후년", 3),
    ("후후년", 3),
    ("재명년", 2),
    ("내명년", 2),
    ("후년", 2),
    ("내년", 1),
    ("다음 해", 1),
    ("다음해", 1),
    ("이듬해", 1),
    ("명년", 1),
    ("래년", 1),
];

const REL_MONTH: [(&str, i32); 15] = [
    ("이번 달", 0),
    ("이번달", 0),
    ("이달", 0),
    ("금월", 0),
    ("지난달", -1),
    ("지난 달", -1),
    ("저번달", -1),
    ("저번 달", -1),
    ("전월", -1),
    ("다음달", 1),
    ("다음 달", 1),
    ("내달", 1),
    ("오는 달", 1),
    ("익월", 1),
    ("다다음달", 2),
];

const REL_WEEK: [(&str, i32); 14] = [
    ("다다음주", 2),
    ("이번주", 0),
    ("이번 주", 0),
    ("금주", 0),
    ("지난주", -1),
    ("지난 주", -1),
    ("저번주", -1),
    ("저번 주", -1),
    ("다음주", 1),
    ("다음 주", 1),
    ("오는주", 1),
    ("오는 주", 1),
    ("차주", 1),
    ("이번 주", 0),
];

const REL_DAY: [(&str, i64); 14] = [
    ("내일모레", 2),
    ("내일 모레", 2),
    ("오늘", 0),
    ("금일", 0),
    ("엊그제", -2),
    ("엊그저께", -2),
    ("그저께", -2),
    ("그제", -2),
    ("어저께", -1),
    ("어제", -1),
    ("작일", -1),
    ("내일", 1),
    ("명일", 1),
    ("모레", 2),
];

const ANAPHOR: [(&str, i64); 12] = [
    ("이날", 0),
    ("당일", 50),
    ("같은 날", 100),
    ("같은날", 100),
    ("그날", 101),
    ("전날", -1),
    ("전일", -1),
    ("이튿날", 1),
    ("다음날", 1),
    ("다음 날", 1),
    ("익일", 1),
    ("그다음 날", 1),
];

const DIR: [(&str, i8); 8] = [
    ("지난", -1),
    ("저번", -1),
    ("지나간", -1),
    ("오는", 1),
    ("돌아오는", 1),
    ("다가오는", 1),
    ("다음", 1),
    ("이번", 0),
];

const fn dp(pm: Option<bool>, from_min: u32, to_min: u32) -> DayPart {
    DayPart {
        pm,
        from_min,
        to_min,
        night: false,
    }
}

const NIGHT: DayPart = DayPart {
    pm: Some(true),
    from_min: 18 * 60,
    to_min: 24 * 60,
    night: true,
};

/// Parts of the day, longest first.
const DAYPARTS: [(&str, DayPart); 40] = [
    ("아침 식사때", dp(Some(false), 360, 540)),
    ("아침 식사 때", dp(Some(false), 360, 540)),
    ("아침 겸 점심", dp(None, 660, 840)),
    ("아침 느지막이", dp(Some(false), 660, 720)),
    ("아침 늦게", dp(Some(false), 660, 720)),
    ("오전 늦게", dp(Some(false), 660, 720)),
    ("늦은 아침", dp(Some(false), 660, 720)),
    ("이른 오후", dp(Some(true), 720, 960)),
    ("오후 일찍", dp(Some(true), 720, 960)),
    ("오후 들어", dp(Some(true), 720, 960)),
    ("늦은 오후", dp(Some(true), 1020, 1140)),
    ("오후 늦게", dp(Some(true), 1020, 1140)),
    ("이른 저녁", dp(Some(true), 1080, 1260)),
    ("저녁 일찍", dp(Some(true), 1080, 1260)),
    ("늦은 저녁", dp(Some(true), 1260, 1440)),
    ("저녁 늦게", dp(Some(true), 1260, 1440)),
    ("이른 밤", dp(Some(true), 1260, 1440)),
    ("밤에 일찍", dp(Some(true), 1260, 1440)),
    ("저녁 식사", dp(Some(true), 1050, 1260)),
    ("아침때", dp(Some(false), 360, 540)),
    ("아침밥", dp(Some(false), 360, 540)),
    ("저녁밥", dp(Some(true), 1050, 1260)),
    ("초저녁", dp(Some(true), 1080, 1260)),
    ("브런치", dp(None, 660, 840)),
    ("브런취", dp(None, 660, 840)),
    ("낮곁", dp(Some(true), 720, 960)),
    ("조반", dp(Some(false), 360, 540)),
    ("아점", dp(None, 660, 840)),
    ("오전", dp(Some(false), 0, 720)),
    ("오후", dp(Some(true), 720, 1140)),
    ("새벽", dp(Some(false), 0, 360)),
    ("아침", dp(Some(false), 240, 720)),
    ("점심", dp(Some(true), 720, 840)),
    ("대낮", dp(Some(true), 720, 900)),
    ("저녁", dp(Some(true), 1080, 1440)),
    ("심야", NIGHT),
    ("야간", NIGHT),
    ("밤중", NIGHT),
    ("밤", NIGHT),
    ("낮", dp(None, 720, 1020)),
];

const HOLIDAYS: [(&str, Holiday); 48] = [
    ("크리스마스이브", Holiday::Fixed(12, 24)),
    ("크리스마스 이브", Holiday::Fixed(12, 24)),
    ("크리스마스", Holiday::Fixed(12, 25)),
    ("성탄절", Holiday::Fixed(12, 25)),
    ("신정", Holiday::Fixed(1, 1)),
    ("새해 첫날", Holiday::Fixed(1, 1)),
    ("설날", Holiday::Seollal),
    ("구정", Holiday::Seollal),
    ("추석", Holiday::Chuseok),
    ("한가위", Holiday::Chuseok),
    ("삼일절", Holiday::Fixed(3, 1)),
    ("3·1절", Holiday::Fixed(3, 1)),
    ("3.1절", Holiday::Fixed(3, 1)),
    ("초복", Holiday::Bok(1)),
    ("말복", Holiday::Bok(3)),
    ("어린이날", Holiday::Fixed(5, 5)),
    ("현충일", Holiday::Fixed(6, 6)),
    ("제헌절", Holiday::Fixed(7, 17)),
    ("광복절", Holiday::Fixed(8, 15)),
    ("개천절", Holiday::Fixed(10, 3)),
    ("한글날", Holiday::Fixed(10, 9)),
    ("어버이날", Holiday::Fixed(5, 8)),
    ("어머니날", Holiday::NthWeekday(5, 2, 6)),
    ("아버지날", Holiday::NthWeekday(6, 3, 6)),
    ("스승의 날", Holiday::Fixed(5, 15)),
    ("스승의날", Holiday::Fixed(5, 15)),
    ("근로자의 날", Holiday::Fixed(5, 1)),
    ("근로자의날", Holiday::Fixed(5, 1)),
    ("노동절", Holiday::Fixed(5, 1)),
    ("노동일", Holiday::Fixed(5, 1)),
    ("발렌타인 데이", Holiday::Fixed(2, 14)),
    ("발렌타인데이", Holiday::Fixed(2, 14)),
    ("밸런타인데이", Holiday::Fixed(2, 14)),
    ("화이트 데이", Holiday::Fixed(3, 14)),
    ("화이트데이", Holiday::Fixed(3, 14)),
    ("성년의날", Holiday::NthWeekday(5, 3, 0)),
    ("성년의 날", Holiday::NthWeekday(5, 3, 0)),
    ("부부의날", Holiday::Fixed(5, 21)),
    ("부부의 날", Holiday::Fixed(5, 21)),
    ("핼러윈데이", Holiday::Fixed(10, 31)),
    ("핼러윈", Holiday::Fixed(10, 31)),
    ("할로윈", Holiday::Fixed(10, 31)),
    ("국군의날", Holiday::Fixed(10, 1)),
    ("국군의 날", Holiday::Fixed(10, 1)),
    ("노인의날", Holiday::Fixed(10, 2)),
    ("노인의 날", Holiday::Fixed(10, 2)),
    ("독도의 날", Holiday::Fixed(10, 25)),
    ("독도의날", Holiday::Fixed(10, 25)),
];

const SEASONS: [(&str, Holiday); 4] = [
    ("여름", Holiday::Season(6, 21, 9, 23)),
    ("겨울", Holiday::Season(12, 21, 3, 20)),
    ("가을", Holiday::Season(9, 23, 12, 20)),
    ("봄", Holiday::Season(3, 20, 6, 20)),
];

const ORDINAL_WORDS: [(&str, i32); 20] = [
    ("첫번째", 1),
    ("첫 번째", 1),
    ("첫째", 1),
    ("두번째", 2),
    ("두 번째", 2),
    ("둘째", 2),
    ("세번째", 3),
    ("세 번째", 3),
    ("셋째", 3),
    ("네번째", 4),
    ("네 번째", 4),
    ("넷째", 4),
    ("네째", 4),
    ("다섯번째", 5),
    ("다섯 번째", 5),
    ("다섯째", 5),
    ("마지막", -1),
    ("끝", -1),
    ("첫", 1),
    ("제일", 1),
];

const APPROX: [&str; 9] = [
    "께쯤", "께", "쯤", "경", "무렵", "전후", "즈음", "가량", "정도",
];

// ---------------------------------------------------------------- points

/// An ordinal for weeks/weekdays: 첫째, 세번째, 3번째, 마지막.
fn ordinal_word(s: &str, i: usize) -> Option<(i32, usize)> {
    if let Some(r) = any(s, i, &ORDINAL_WORDS[..17]) {
        return Some(r);
    }
    let n = num(s, i)?;
    if n.value < 1.0 || n.value > 6.0 || n.float {
        return None;
    }
    let j = sp(s, n.end);
    let e = lit(s, j, "번째").or_else(|| lit(s, n.end, "째"))?;
    Some((n.value as i32, e))
}

fn weekday_at(s: &str, i: usize) -> Option<(u32, usize)> {
    any(s, i, &WEEKDAYS)
}

/// "(금)", "(금요일)", "(현지시간)" after a date.
fn paren_weekday(s: &str, i: usize) -> Option<(u32, usize)> {
    let j = lit(s, i, "(")?;
    let (w, k) = weekday_at(s, j).or_else(|| any(s, j, &WEEKDAY_SHORT))?;
    let e = lit(s, k, ")")?;
    Some((w, e))
}

/// Numeric dates: 2023-09-26, 2023.9.26(.), 2023/09/26, 74/10/31, 1975. 7. 14.,
/// 9.26., 2/15.
fn numeric_date(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |j: usize| {
        let mut k = j;
        while k < b.len() && k < j + 5 && b[k].is_ascii_digit() {
            k += 1;
        }
        (k > j).then(|| (s[j..k].parse::<u32>().unwrap_or(0), k - j, k))
    };
    let (a, la, ea) = digits(i)?;
    let sep = *b.get(ea)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let mut j = ea + 1;
    if sep == b'.' && b.get(j) == Some(&b' ') {
        j += 1;
    }
    let (m, _, em) = digits(j)?;
    let sep2_ok = b.get(em) == Some(&sep);
    if sep2_ok {
        let mut k = em + 1;
        if sep == b'.' && b.get(k) == Some(&b' ') {
            k += 1;
        }
        if let Some((d, _, ed)) = digits(k)
            && (la == 4 || la == 2)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
            && no_digit(s, ed)
        {
            let y = if la == 2 { two_digit_year(a) } else { a as i32 };
            let mut end = ed;
            if sep == b'.' && b.get(ed) == Some(&b'.') {
                end += 1;
            }
            dt.year = Some(y);
            dt.explicit_year = true;
            dt.month = Some(m);
            dt.day = Some(d);
            return Some(end);
        }
        // "9.26." closes with a dot; anything else after a second separator
        // (1.2.3, 2/3/x) is not a date
        if sep != b'.' || b.get(em + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
    }
    // M/D or M.D. (the dot form only with a closing dot or a weekday)
    if la > 2 || !(1..=12).contains(&a) || !(1..=31).contains(&m) || !no_digit(s, em) {
        return None;
    }
    let end = match sep {
        b'/' => em,
        b'.' => {
            if b.get(em) == Some(&b'.') {
                em + 1
            } else if b.get(em) == Some(&b'(') && paren_weekday(s, em).is_some() {
                em
            } else if em - j == 2
                && b.get(em) == Some(&b' ')
                && ch(s, em + 1).is_some_and(is_hangul)
                && !COUNTERS.iter().any(|c| s[em + 1..].starts_with(c))
                && !s[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.')
            {
                // "9.26 화재": a month.day name of an event
                em
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if sep == b'/' && b.get(em) == Some(&b'/') {
        return None;
    }
    dt.month = Some(a);
    dt.day = Some(m);
    Some(end)
}

fn two_digit_year(a: u32) -> i32 {
    if a < 50 {
        2000 + a as i32
    } else {
        1900 + a as i32
    }
}

/// Words after a number that make it a length or a shift, not a date.
fn duration_follows(s: &str, i: usize) -> bool {
    let j = sp(s, i);
    let attached = ["간", "째", "만에", "만의", "만이"];
    if attached.iter().any(|w| s[i..].starts_with(w)) {
        return true;
    }
    // each word must end there (전국, 후보, 내부, 안전 are other words)
    [
        "동안",
        "전",
        "후",
        "뒤",
        "이후",
        "이전",
        "만",
        "넘게",
        "넘겨",
        "넘는",
        "넘은",
        "이상",
        "이내",
        "미만",
        "안",
        "내",
        "째",
        "가량",
        "정도",
        "남짓",
        "있다가",
        "안팎",
        "내외",
        "이 후",
        "초과",
        "이하",
    ]
    .iter()
    .any(|w| lit(s, j, w).is_some_and(|e| follow_ok(s, e) || matches!(ch(s, e), Some('서' | '야'))))
}

fn year_component(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    if let Some((r, e)) = any(s, i, &REL_YEAR) {
        dt.year_rel = Some(r);
        // 이듬해, 다음 해: the year after the one the narrative is in
        dt.year_after = matches!(&s[i..e], "이듬해" | "다음 해" | "다음해");
        return Some(e);
    }
    // 올 상반기, 올 들어, 올 9월
    if let Some(e) = lit(s, i, "올")
        && word_end(s, e)
    {
        let j = sp(s, e);
        if j > e {
            dt.year_rel = Some(0);
            return Some(e);
        }
    }
    // '23년
    let (j, apos) = match ch(s, i) {
        Some('\'' | '’' | '‘') => (i + ch(s, i)?.len_utf8(), true),
        _ => (i, false),
    };
    let n = num(s, j)?;
    let e = lit(s, n.end, "년").or_else(|| {
        let k = sp(s, n.end);
        (k > n.end).then(|| lit(s, k, "년")).flatten()
    })?;
    if n.float || duration_follows(s, e) || lit(s, e, "도").is_some() {
        return None;
    }
    let v = n.value as u32;
    let y = if apos || (n.digits && n.lead_digits == 2) {
        two_digit_year(v)
    } else if (n.digits && n.lead_digits == 4) || (!n.digits && v >= 1000 && !n.native) {
        v as i32
    } else {
        return None;
    };
    dt.year = Some(y);
    dt.explicit_year = true;
    Some(e)
}

fn year_part_component(s: &str, i: usize, dt: &mut Dt, after_year: bool) -> Option<usize> {
    if let Some((h, e)) = any(s, i, &[("상반기", 1u32), ("하반기", 2)]) {
        dt.half = Some(h);
        return Some(e);
    }
    if let Some((r, e)) = any(
        s,
        i,
        &[
            ("이번분기", 0i32),
            ("이번 분기", 0),
            ("다음분기", 1),
            ("다음 분기", 1),
            ("지난분기", -1),
            ("지난 분기", -1),
            ("전분기", -1),
            ("직전 분기", -1),
        ],
    ) {
        dt.quarter_rel = Some(r);
        return Some(e);
    }
    if let Some((q, n)) = int(s, i, 4.0)
        && q >= 1
        && let Some(e) = lit(s, n.end, "분기")
    {
        dt.quarter = Some(q);
        return Some(e);
    }
    if let Some((p, e)) = any(
        s,
        i,
        &[("연초", 4u8), ("연말", 5), ("년초", 4), ("년말", 5)],
    ) {
        // 연초 / 연말: January / December, approximate
        dt.year_part = Some(p);
        dt.approx = true;
        return Some(e);
    }
    if after_year
        && let Some((p, e)) = any(s, i, &[("초", 1u8), ("말", 3)])
        && (word_end(s, e) || lit(s, e, "에").is_some() || lit(s, e, "께").is_some())
    {
        dt.year_part = Some(p);
        return Some(e);
    }
    None
}

fn month_component(s: &str, i: usize, dt: &mut Dt, need_digit_ok: bool) -> Option<usize> {
    if let Some((r, e)) = any(s, i, &REL_MONTH) {
        dt.month_rel = Some(r);
        return Some(e);
    }
    let mut j = i;
    if let Some((d, e)) = any(s, i, &DIR[..7]) {
        let k = sp(s, e);
        if k > e {
            dt.dir = d;
            j = k;
        }
    }
    let r = (|| {
        if let Some((m, e)) = any(s, j, &[("유월", 6u32), ("시월", 10)]) {
            return Some((m, e));
        }
        let (m, n) = int(s, j, 12.0)?;
        if m == 0 || n.native {
            return None;
        }
        if !n.digits && !need_digit_ok && n.syllables > 2 {
            return None;
        }
        let e = lit(s, n.end, "월")?;
        if duration_follows(s, e) || ch(s, e).is_some_and(|c| c == '요' || c == '드') {
            return None;
        }
        Some((m, e))
    })();
    if let Some((m, e)) = r {
        dt.month = Some(m);
        return Some(e);
    }
    // 2014년 3번째 달
    if let Some((o, e)) = ordinal_word(s, j)
        && o > 0
        && let Some(e2) = lit(s, sp(s, e), "달")
    {
        dt.month = Some(o as u32);
        return Some(e2);
    }
    dt.dir = 0;
    None
}

fn month_part_component(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    let (p, e) = any(
        s,
        i,
        &[
            ("초순", 4u8),
            ("상순", 4),
            ("중순", 2),
            ("하순", 5),
            ("초", 1),
            ("말", 3),
        ],
    )?;
    (word_end(s, e)
        || lit(s, e, "에").is_some()
        || lit(s, e, "께").is_some()
        || lit(s, e, "부터").is_some()
        || lit(s, e, "까지").is_some())
    .then(|| {
        dt.month_part = Some(p);
        e
    })
}

/// nth week (첫째 주, 3번째 주, 마지막주), with an optional 초/말.
fn week_nth_component(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    let (o, e) = ordinal_word(s, i)?;
    let j = sp(s, e);
    let e2 = lit(s, j, "주")?;
    if ch(s, e2).is_some_and(|c| c == '말' || c == '일' || c == '년') {
        return None;
    }
    dt.week_nth = Some(o);
    let k = sp(s, e2);
    if let Some((p, e3)) = any(s, k, &[("초", 1u8), ("말", 3)])
        && word_end(s, e3) | lit(s, e3, "에").is_some()
    {
        dt.week_part = Some(p);
        return Some(e3);
    }
    Some(e2)
}

/// Relative weeks. 전주 (Jeonju, the city) and 내주 (내주다, to yield) are
/// left out: in news they are those words far more often than weeks.
fn week_component(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    let (r, e) = any(s, i, &REL_WEEK)?;
    if !keyword_end_ok(s, e) && lit(s, e, "말").is_none() {
        return None;
    }
    if lit(s, e, "말").is_some() {
        dt.week_rel = Some(r);
        dt.weekend = true;
        return Some(e + "말".len());
    }
    if ch(s, e).is_some_and(|c| c == '일' || c == '년' || c == '간') {
        return None;
    }
    dt.week_rel = Some(r);
    Some(e)
}

/// A holiday, its break (추석 연휴) and a day of the break (연휴 첫날, 전날,
/// 마지막 날). A bare 연휴 refers to the break named earlier in the document.
fn holiday(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    let (h, mut e, named) = if let Some((h, e)) = any(s, i, &HOLIDAYS) {
        (h, e, true)
    } else if let Some(e) = lit(s, i, "설").filter(|&e| lit(s, sp(s, e), "연휴").is_some()) {
        (Holiday::Seollal, e, true)
    } else if lit(s, i, "연휴").is_some() {
        (Holiday::Context, i, false)
    } else {
        return None;
    };
    let k = sp(s, e);
    if matches!(h, Holiday::Seollal | Holiday::Chuseok | Holiday::Context)
        && let Some(e2) = lit(s, if named { k } else { i }, "연휴")
    {
        dt.holiday_span = true;
        e = e2;
        let k2 = sp(s, e);
        if let Some((which, e3)) = any(
            s,
            k2,
            &[
                ("첫날", 1i8),
                ("첫 날", 1),
                ("마지막 날", 2),
                ("마지막날", 2),
                ("끝날", 2),
                ("전날", -1),
                ("다음날", 3),
                ("이튿날", 3),
            ],
        ) {
            dt.holiday_day = which;
            e = e3;
        } else if !named {
            return None;
        }
    }
    dt.holiday = Some(h);
    Some(e)
}

fn day_component(s: &str, i: usize, dt: &mut Dt, month_given: bool) -> Option<usize> {
    if let Some(e) = holiday(s, i, dt) {
        return Some(e);
    }
    if let Some((d, e)) = any(s, i, &DIR[..2])
        && let Some(e2) = holiday(s, sp(s, e), dt)
    {
        dt.dir = d;
        return Some(e2);
    }
    if let Some((r, e)) = any(s, i, &REL_DAY) {
        if !keyword_end_ok(s, e) {
            return None;
        }
        dt.day_rel = Some(r);
        return Some(e);
    }
    if let Some((a, e)) = any(s, i, &ANAPHOR) {
        if !keyword_end_ok(s, e) || lit(s, e, "간").is_some() {
            return None;
        }
        dt.anaphor = Some(a);
        return Some(e);
    }
    if month_given {
        if let Some(e) = lit(s, i, "마지막날")
            .or_else(|| lit(s, i, "마지막 날"))
            .or_else(|| lit(s, i, "말일"))
        {
            dt.day_last = true;
            return Some(e);
        }
        // 6월 3번째 일
        if let Some((o, e)) = ordinal_word(s, i)
            && o > 0
            && let Some(e2) = lit(s, sp(s, e), "일")
            && word_end(s, e2)
        {
            dt.day = Some(o as u32);
            return Some(e2);
        }
        if let Some((o, e)) = ordinal_word(s, i) {
            let j = sp(s, e);
            if let Some((w, e2)) = weekday_at(s, j) {
                dt.weekday = Some(w);
                dt.weekday_nth = Some(o);
                return Some(e2);
            }
        }
    }
    let mut j = i;
    let mut dir = 0;
    if let Some((d, e)) = any(s, i, &DIR) {
        let k = sp(s, e);
        dir = d;
        j = k;
        // 지난일요일 (no space) is accepted only before a weekday
        if k == e && d != 0 {
            weekday_at(s, k)?;
        }
    }
    if let Some((w, e)) = weekday_at(s, j) {
        dt.weekday = Some(w);
        dt.dir = if j == i { dt.dir } else { dir };
        if j != i && dir == 0 {
            dt.week_rel = Some(0);
        }
        return Some(e);
    }
    if j != i && dir == 0 {
        // 이번 아침: today's
        let mut probe = Dt::default();
        if daypart_component(s, j, &mut probe).is_some() {
            dt.day_rel = Some(0);
            return Some(j);
        }
        // 이번 + season
        if let Some((h, e)) = any(s, j, &SEASONS) {
            dt.holiday = Some(h);
            return Some(e);
        }
        return None;
    }
    if j != i && s[i..].starts_with("다음") {
        // 다음 3일 is a span of days, not the 3rd
        return None;
    }
    let (d, n) = int(s, j, 31.0)?;
    if d == 0 || n.native || (!n.digits && !month_given) {
        return None;
    }
    if n.digits && n.lead_digits > 2 {
        return None;
    }
    let e = lit(s, n.end, "일")?;
    if ch(s, e).is_some_and(|c| matches!(c, '간' | '째' | '절' | '제' | '치' | '분' | '대'))
    {
        return None;
    }
    if duration_follows(s, e) {
        return None;
    }
    if ch(s, e).is_some_and(is_hangul)
        && !matches!(
            ch(s, e),
            Some(
                '에' | '은'
                    | '는'
                    | '과'
                    | '와'
                    | '의'
                    | '로'
                    | '부'
                    | '까'
                    | '께'
                    | '쯤'
                    | '경'
                    | '이'
                    | '도'
                    | '만'
                    | '밤'
                    | '오'
                    | '새'
                    | '저'
                    | '아'
                    | '낮'
                    | '인'
                    | '엔'
                    | '자'
                    | '을'
                    | '를'
                    | '전'
                    | '정'
            )
        )
    {
        return None;
    }
    dt.day = Some(d);
    if dir != 0 {
        dt.dir = dir;
    }
    Some(e)
}

fn daypart_component(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    let (p, e) = any(s, i, &DAYPARTS)?;
    if !keyword_end_ok(s, e) {
        return None;
    }
    // 밤새, 낮은, 아침밥 handled; reject words that merely start like a daypart.
    if p == NIGHT && ch(s, e).is_some_and(|c| matches!(c, '새' | '샘' | '늦')) {
        return None;
    }
    if s[i..e].ends_with('낮')
        && ch(s, e).is_some_and(|c| matches!(c, '은' | '게' | '아' | '추' | '다'))
    {
        return None;
    }
    if s[i..e].ends_with("저녁") && ch(s, e).is_some_and(|c| c == '식') {
        return None;
    }
    dt.daypart = Some(p);
    Some(e)
}

const HOUR_WORDS: [(&str, u32); 13] = [
    ("열두", 12),
    ("열한", 11),
    ("열", 10),
    ("한", 1),
    ("두", 2),
    ("세", 3),
    ("네", 4),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
    ("영", 0),
];

fn time_component(s: &str, i: usize, dt: &mut Dt) -> Option<usize> {
    if let Some((h, e)) = any(s, i, &[("정오", 12u32), ("오정", 12), ("한낮", 12)]) {
        dt.hour = Some(h);
        dt.daypart = None;
        return Some(e);
    }
    if let Some(e) = lit(s, i, "자정") {
        dt.hour = Some(24);
        dt.daypart = None;
        return Some(e);
    }
    // HH:MM(:SS)
    let b = s.as_bytes();
    if let Some((h, hn)) = int(s, i, 24.0)
        && hn.digits
        && hn.lead_digits <= 2
    {
        if b.get(hn.end) == Some(&b':')
            && let Some((m, mn)) = int(s, hn.end + 1, 59.0)
            && mn.digits
            && mn.lead_digits == 2
        {
            dt.hour = Some(h);
            dt.minute = Some(m);
            let mut e = mn.end;
            if b.get(e) == Some(&b':')
                && let Some((sec, sn)) = int(s, e + 1, 59.0)
                && sn.digits
                && sn.lead_digits == 2
            {
                dt.second = Some(sec);
                e = sn.end;
            }
            return Some(ampm_tz(s, e, dt));
        }
        // 3AM, 4pm
        let e = ampm_tz(s, hn.end, dt);
        if e > hn.end {
            dt.hour = Some(h);
            return Some(e);
        }
    }
    // N시 (not 시간)
    let (h, e) = if let Some((h, e)) = any(s, i, &HOUR_WORDS) {
        (h, e)
    } else {
        let (h, n) = int(s, i, 24.0)?;
        // Sino-Korean hours (일시, 이시) are other words; clocks use digits or native words.
        if !n.digits || n.lead_digits > 2 {
            return None;
        }
        (h, n.end)
    };
    let k = lit(s, e, "시").or_else(|| {
        let k = sp(s, e);
        (k > e && s[i..e].bytes().all(|c| c.is_ascii_digit()))
            .then(|| lit(s, k, "시"))
            .flatten()
    })?;
    if ch(s, k).is_some_and(|c| {
        matches!(
            c,
            '간' | '각' | '점' | '행' | '민' | '청' | '장' | '설' | '스' | '작'
        )
    }) {
        return None;
    }
    dt.hour = Some(h);
    let mut end = k;
    // minutes
    let j = sp(s, k);
    if let Some(e2) = lit(s, j, "반") {
        if !ch(s, e2).is_some_and(|c| matches!(c, '기' | '도' | '년' | '발' | '대' | '면')) {
            dt.minute = Some(30);
            end = e2;
        }
    } else if let Some((m, mn)) = int(s, j, 59.0)
        && !mn.native
    {
        if let Some(e2) = lit(s, mn.end, "분") {
            dt.minute = Some(m);
            end = e2;
            // 네시십오분전 → 15 minutes before four
            if let Some(e3) = lit(s, e2, "전")
                && word_end(s, e3)
            {
                dt.minute = Some((60 - m) % 60);
                dt.hour = Some(if h == 0 { 23 } else { h - 1 });
                end = e3;
            }
            let j2 = sp(s, end);
            if let Some((sec, sn)) = int(s, j2, 59.0)
                && let Some(e4) = lit(s, sn.end, "초")
                && !sn.native
            {
                dt.second = Some(sec);
                end = e4;
            }
        } else if mn.digits && j > k && word_end(s, mn.end) && !duration_follows(s, mn.end) {
            // 오후 3시 20 (minutes without 분)
            dt.minute = Some(m);
            end = mn.end;
        }
    }
    Some(end)
}

/// am/pm and time-zone suffixes after a clock time.
fn ampm_tz(s: &str, i: usize, dt: &mut Dt) -> usize {
    let j = i;
    let mut e = i;
    let t = &s[j..];
    let lower = |w: &str| t.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    for (w, pm) in [
        ("am", false),
        ("pm", true),
        ("a.m.", false),
        ("p.m.", true),
        ("a", false),
        ("p", true),
    ] {
        if lower(w) && word_end(s, j + w.len()) {
            dt.daypart = Some(dp(Some(pm), 0, 0));
            e = j + w.len();
            break;
        }
    }
    let k = sp(s, e);
    for (w, off) in [
        ("CET", 3600),
        ("GMT", 0),
        ("UTC", 0),
        ("KST", 9 * 3600),
        ("cet", 3600),
        ("gmt", 0),
        ("utc", 0),
        ("kst", 9 * 3600),
    ] {
        if s[k..].starts_with(w) && word_end(s, k + w.len()) {
            dt.tz = Some(off);
            e = k + w.len();
            break;
        }
    }
    e
}

fn approx_suffix(s: &str, i: usize, dt: &mut Dt) -> usize {
    let try_at = |j: usize| APPROX.iter().find_map(|w| lit(s, j, w).map(|e| (w, e)));
    if let Some((w, e)) = try_at(i) {
        if *w == "경"
            && ch(s, e).is_some_and(|c| {
                matches!(
                    c,
                    '찰' | '기' | '우' | '영' | '제' | '로' | '고' | '험' | '남' | '북' | '쟁'
                )
            })
        {
            return i;
        }
        if *w == "정도" && ch(s, e).is_some_and(is_hangul) {
            return i;
        }
        dt.approx = true;
        return e;
    }
    let j = sp(s, i);
    if j > i
        && let Some((w, e)) = try_at(j)
        && matches!(*w, "쯤" | "경" | "무렵" | "전후" | "즈음" | "께" | "가량")
        && word_end(s, e) | matches!(ch(s, e), Some('에' | '부' | '까' | '인' | '의' | '로'))
    {
        dt.approx = true;
        return e;
    }
    i
}

/// Reads one date/time point.
pub(crate) fn point(s: &str, i: usize) -> Option<(Dt, usize)> {
    let mut dt = Dt::default();
    if let Some((_, e)) = any(s, i, &[("방금", ()), ("지금", ()), ("이제", ())])
        && word_end(s, e) | matches!(ch(s, e), Some('은' | '까' | '부' | '도' | '의'))
    {
        dt.now = true;
        return Some((dt, e));
    }
    let mut end = i;
    let mut j = i;
    let mut rank = 0u8;
    // numeric date first
    if let Some(e) = numeric_date(s, i, &mut dt) {
        end = e;
        rank = 5;
        j = sp(s, e);
    }
    loop {
        let mut adv = None;
        if rank < 1
            && let Some(e) = year_component(s, j, &mut dt)
        {
            adv = Some((e, 1));
        }
        if adv.is_none()
            && rank < 2
            && let Some(e) = year_part_component(s, j, &mut dt, rank == 1)
        {
            adv = Some((e, 2));
        }
        if adv.is_none()
            && rank < 3
            && let Some(e) = month_component(s, j, &mut dt, rank == 1)
        {
            adv = Some((e, 3));
            // 3월의
            if let Some(k) = lit(s, e, "의") {
                adv = Some((k, 3));
            }
        }
        if adv.is_none()
            && rank == 3
            && let Some(e) = month_part_component(s, j, &mut dt)
        {
            adv = Some((e, 6));
        }
        if adv.is_none()
            && rank == 3
            && let Some(e) = week_nth_component(s, j, &mut dt)
        {
            adv = Some((e, 4));
        }
        if adv.is_none()
            && rank < 4
            && let Some(e) = week_component(s, j, &mut dt)
        {
            adv = Some((e, 4));
        }
        if adv.is_none()
            && rank < 5
            && let Some(e) = day_component(s, j, &mut dt, rank == 3 || rank == 4)
        {
            adv = Some((e, 5));
        }
        // weekday after a date: 2월18일 월요일, 24일(금)
        if adv.is_none() && rank == 5 && dt.weekday.is_none() {
            if let Some((_, e)) = paren_weekday(s, if j > end { end } else { j }) {
                adv = Some((e, 5));
            } else if let Some((w, e)) = weekday_at(s, j) {
                if dt.day.is_none() && dt.day_rel.is_none() && dt.anaphor.is_none() {
                    dt.weekday = Some(w);
                }
                adv = Some((e, 5));
            }
        }
        if adv.is_none()
            && rank < 6
            && let Some(e) = daypart_component(s, j, &mut dt)
        {
            adv = Some((e, 6));
        }
        if adv.is_none()
            && rank < 7
            && let Some(e) = time_component(s, j, &mut dt)
        {
            adv = Some((e, 7));
        }
        match adv {
            Some((e, r)) => {
                end = e;
                rank = r;
                j = sp(s, e);
            }
            None => break,
        }
    }
    if end == i || dt.is_empty() && dt.year_part.is_none() && dt.month_part.is_none() {
        return None;
    }
    // "24시 편의점": a bare 24시 before a noun is "around the clock".

    // A lone direction word or 올 is not a time.
    if dt.year_rel == Some(0) && s[i..end].trim() == "올" {
        let k = sp(s, end);
        if let Some(e) = lit(s, k, "들어") {
            end = e;
        } else {
            return None;
        }
    }
    end = approx_suffix(s, end, &mut dt);
    Some((dt, end))
}

// ---------------------------------------------------------------- durations

const DAY_WORDS: [(&str, f64); 16] = [
    ("하루", 1.0),
    ("이틀", 2.0),
    ("양일", 2.0),
    ("사흘", 3.0),
    ("나흘", 4.0),
    ("닷새", 5.0),
    ("엿새", 6.0),
    ("이레", 7.0),
    ("여드레", 8.0),
    ("아흐레", 9.0),
    ("열흘", 10.0),
    ("보름", 15.0),
    ("일주일", 7.0),
    ("한 달", 30.0),
    ("한달", 30.0),
    ("반나절", 0.25),
];

const UNITS: [(&str, Unit); 14] = [
    ("시간", Unit::Hour),
    ("주일", Unit::Week),
    ("개월", Unit::Month),
    ("달", Unit::Month),
    ("년", Unit::Year),
    ("해", Unit::Year),
    ("분기", Unit::Quarter),
    ("초", Unit::Second),
    ("분", Unit::Minute),
    ("일", Unit::Day),
    ("주", Unit::Week),
    ("시", Unit::Hour),
    ("hours", Unit::Hour),
    ("hour", Unit::Hour),
];

/// A bare length: number + unit (+ smaller number + unit | 반), or a day word.
/// Returns (seconds, largest unit, approximate, vague (몇), end).
fn length(s: &str, i: usize) -> Option<(f64, Unit, bool, bool, usize)> {
    if let Some((d, e)) = any(s, i, &DAY_WORDS) {
        // 하루빨리, 하루하루, 이레적 are not lengths
        if !follow_ok(s, e)
            && !matches!(ch(s, e), Some('간' | '째' | '여'))
            && post_qualifier(s, e).is_none()
            && !duration_follows(s, e)
        {
            return None;
        }
        let unit = if d == 30.0 { Unit::Month } else { Unit::Day };
        let mut secs = d * 86400.0;
        let mut end = e;
        if let Some(e2) = lit(s, sp(s, e), "반")
            && word_end(s, e2)
        {
            secs += 43200.0;
            end = e2;
        }
        return Some((secs, unit, false, false, end));
    }
    let mut j = i;
    let mut total = 0.0;
    let mut first: Option<Unit> = None;
    let mut approx = false;
    let mut vague = false;
    let mut last = Unit::Year;
    let mut last_end = i;
    loop {
        let (v, k) = if first.is_none()
            && let Some(e) = lit(s, j, "몇")
        {
            // 몇시간 (several hours): Duckling's three, only in fixed forms
            vague = true;
            (3.0, e)
        } else if first.is_none() && (lit(s, j, "시간반").is_some() || lit(s, j, "시반").is_some())
        {
            (0.0, j)
        } else {
            match num(s, j) {
                Some(n)
                    if !(n.native && s[j..n.end].ends_with("스무"))
                        || lit(s, n.end, " ").is_some() =>
                {
                    (n.value, n.end)
                }
                _ => break,
            }
        };
        let mut k2 = k;
        if let Some(e) = lit(s, k2, "여") {
            approx = true;
            k2 = e;
        }
        let k3 = sp(s, k2);
        let Some((u, mut e)) = any(s, k3, &UNITS) else {
            break;
        };
        if first.is_some() && u >= last {
            break;
        }
        if u == Unit::Hour && &s[k3..e] == "시" && (lit(s, e, "반").is_none() || v != 0.0) {
            // plain N시 is a clock time; "시반" is Duckling's half hour
            break;
        }
        if u == Unit::Minute && lit(s, e, "기").is_some() {
            // 분기 (quarter) is not minutes
            break;
        }
        // 일곱 달여: 여 after the unit
        if let Some(e2) = lit(s, e, "여")
            && !ch(s, e2).is_some_and(is_hangul)
        {
            approx = true;
            e = e2;
        }
        total += v * u.seconds();
        first.get_or_insert(u);
        last = u;
        last_end = e;
        j = sp(s, e);
        if let Some(e2) = lit(s, j, "반").or_else(|| lit(s, e, "반"))
            && !ch(s, e2).is_some_and(|c| {
                matches!(
                    c,
                    '기' | '도' | '대' | '발' | '년' | '드' | '면' | '영' | '복'
                )
            })
        {
            total += u.seconds() / 2.0;
            last_end = e2;
            break;
        }
    }
    let unit = first?;
    Some((total, unit, approx, vague, last_end))
}

const PRE_QUAL: [(&str, Qualifier); 12] = [
    ("최소한", Qualifier::AtLeast),
    ("최소", Qualifier::AtLeast),
    ("적어도", Qualifier::AtLeast),
    ("최대", Qualifier::AtMost),
    ("최장", Qualifier::AtMost),
    ("길어야", Qualifier::AtMost),
    ("대략", Qualifier::About),
    ("약", Qualifier::About),
    ("거의", Qualifier::About),
    ("만", Qualifier::Exact),
    ("무려", Qualifier::Exact),
    ("딱", Qualifier::Exact),
];

const POST_QUAL: [(&str, Qualifier); 28] = [
    ("넘게", Qualifier::AtLeast),
    ("넘겨", Qualifier::AtLeast),
    ("넘는", Qualifier::AtLeast),
    ("넘은", Qualifier::AtLeast),
    ("넘도록", Qualifier::AtLeast),
    ("이상", Qualifier::AtLeast),
    ("초과", Qualifier::AtLeast),
    ("이내에", Qualifier::AtMost),
    ("이내", Qualifier::AtMost),
    ("미만", Qualifier::AtMost),
    ("이하", Qualifier::AtMost),
    ("안팎", Qualifier::About),
    ("안에", Qualifier::AtMost),
    ("내에", Qualifier::AtMost),
    ("내로", Qualifier::AtMost),
    ("안", Qualifier::AtMost),
    ("내", Qualifier::AtMost),
    ("가량", Qualifier::About),
    ("정도", Qualifier::About),
    ("남짓", Qualifier::About),
    ("내외", Qualifier::About),
    ("쯤", Qualifier::About),
    ("여", Qualifier::About),
    ("전후", Qualifier::About),
    ("께", Qualifier::About),
    ("가까이", Qualifier::AtMost),
    ("넘어", Qualifier::AtLeast),
    ("이나", Qualifier::Exact),
];

/// A qualifier after a length, with the span end it gives.
fn post_qualifier(s: &str, end: usize) -> Option<(Qualifier, usize)> {
    let k = sp(s, end);
    let (q, e) = any(s, k, &POST_QUAL)?;
    let w = &s[k..e];
    if w == "이나" {
        return None;
    }
    // 내 / 안 must end the word (내부, 안전 are other words)
    if matches!(w, "안" | "내")
        && !(word_end(s, e) || lit(s, e, "에").is_some() || lit(s, e, "으로").is_some())
    {
        return None;
    }
    if !(follow_ok(s, e) || matches!(ch(s, e), Some('서' | '야' | '까' | '간' | '동' | '만')))
    {
        return None;
    }
    // 이내에 / 안에: the particle belongs to the within-form
    let mut e2 = e;
    if matches!(q, Qualifier::AtMost)
        && let Some(e3) = lit(s, e, "에")
        && matches!(w, "안" | "내" | "이내")
    {
        e2 = e3;
    }
    Some((q, e2))
}

/// Durations, shifts (N일 전), spans (지난 2주) and within-forms (1시간 안에).
pub(crate) fn duration(s: &str, i: usize) -> Option<(Expr, usize)> {
    let mut j = i;
    let mut qual = Qualifier::Exact;
    let mut span_dir = 0i64;
    let mut recent = false;
    if let Some((d, e)) = any(
        s,
        i,
        &[
            ("지난", -1i64),
            ("과거", -1),
            ("최근", -1),
            ("다음", 1),
            ("앞으로", 1),
            ("향후", 1),
        ],
    ) {
        let k = sp(s, e);
        if k > e {
            span_dir = d;
            recent = s[i..e].starts_with("최근");
            j = k;
        }
    }
    if span_dir == 0 {
        if let Some((_, e)) = any(
            s,
            j,
            &[
                ("지금으로부터", ()),
                ("지금부터", ()),
                ("현시간부터", ()),
                ("현재부터", ()),
                ("오늘부터", ()),
                ("오늘보다", ()),
            ],
        ) {
            j = sp(s, e);
        }
        if let Some((q, e)) = any(s, j, &PRE_QUAL) {
            let k = sp(s, e);
            // 만 is "full" only before a spaced number (만 12시간, 만 하루)
            if k > e {
                qual = q;
                j = k;
            }
        }
    }
    let (secs, unit, approx, vague, bare_end) = length(s, j)?;
    if approx && qual == Qualifier::Exact {
        qual = Qualifier::About;
    }
    let mut end = bare_end;
    let k = sp(s, end);
    if span_dir != 0 {
        let text = &s[j..end];
        if unit == Unit::Day && lit(s, end, "간").is_none() && span_dir < 0 && text.ends_with('일')
        {
            // 지난 17일 is a date, read by the point grammar
            return None;
        }
        let n = (secs / unit.seconds()).round() as i64;
        let mut e = end;
        if let Some(e2) = lit(s, e, "간").or_else(|| lit(s, sp(s, e), "동안")) {
            e = e2;
        }
        if recent {
            return Some((Expr::Duration(secs, qual), e));
        }
        return Some((Expr::Span(span_dir * n.max(1), unit), e));
    }
    if vague {
        // 몇시간 안에 / 몇시간 후 only (a vague length is otherwise no value)
        let ok = any(s, end, &[("안", ()), ("내", ()), ("후", ()), ("이후", ())]).is_some();
        if !ok {
            return None;
        }
    }
    // 간 / 동안 / 째 / 만
    let mut attached = false;
    if let Some(e) = lit(s, end, "간").filter(|&e| follow_ok(s, e) || lit(s, e, "의").is_some()) {
        end = e;
        attached = true;
    } else if let Some(e) = lit(s, end, "째") {
        return Some((Expr::Duration(secs, qual), e));
    } else if let Some(e) = lit(s, k, "동안") {
        end = e;
        attached = true;
    }
    if !attached {
        if let Some(e) = lit(s, k, "만")
            && (follow_ok(s, e) || lit(s, e, "에").is_some())
            && !matches!(unit, Unit::Hour) | true
        {
            // 3시간 만(에): elapsed until something happened
            return Some((Expr::Duration(secs, qual), e));
        }
        if let Some((dirw, e)) = any(
            s,
            k,
            &[
                ("이 후", 2i8),
                ("이후", 2),
                ("이전", -1),
                ("있다가", 1),
                ("전", -1),
                ("후", 1),
                ("뒤", 1),
            ],
        ) && (follow_ok(s, e) || matches!(ch(s, e), Some('에')))
            && !(dirw == -1 && matches!(ch(s, e), Some('부' | '까')))
        {
            let signed = if dirw < 0 { -secs } else { secs };
            // 2년 전 오늘: the same calendar day N units away
            if dirw.abs() == 1
                && unit >= Unit::Day
                && let Some(e2) = lit(s, sp(s, e), "오늘")
                && follow_ok(s, e2)
            {
                return Some((Expr::SameDay(signed, unit), e2));
            }
            // 이후 opens an interval; 전/후/뒤 name an instant.
            return Some((Expr::Shift(signed, unit, dirw == 2), e));
        }
    }
    if let Some((q, e)) = post_qualifier(s, end) {
        let q = if qual != Qualifier::Exact && q == Qualifier::About {
            qual
        } else {
            q
        };
        let mut e = e;
        // 3시간 넘게 만에 is rare; 넘겨서 keeps 서 outside
        if let Some(e2) = lit(s, sp(s, e), "만").filter(|&x| follow_ok(s, x)) {
            e = e2;
        }
        return Some((Expr::Duration(secs, q), e));
    }
    if attached {
        return Some((Expr::Duration(secs, qual), end));
    }
    // bare: "N일" alone is a date; "N년" with 2+ digits a year; "N시" a clock
    let text = &s[j..bare_end];
    if unit == Unit::Day && text.ends_with('일') && !text.ends_with("주일") {
        return None;
    }
    if unit == Unit::Year
        && (text.ends_with('해') || text.bytes().filter(u8::is_ascii_digit).count() >= 2)
    {
        return None;
    }
    if unit == Unit::Quarter
        || (unit == Unit::Month && text.starts_with('이') && text.ends_with('달'))
    {
        return None;
    }
    Some((Expr::Duration(secs, qual), bare_end))
}

// ---------------------------------------------------------------- numbers

/// Counters: a number before one of these counts things (and is never a date).
const COUNTERS: [&str; 52] = [
    "차례",
    "퍼센트",
    "가구",
    "세대",
    "개국",
    "개사",
    "갈래",
    "가지",
    "군데",
    "달러",
    "유로",
    "엔",
    "명",
    "건",
    "개",
    "곳",
    "대",
    "번",
    "회",
    "원",
    "배",
    "%",
    "％",
    "살",
    "층",
    "위",
    "호",
    "장",
    "통",
    "편",
    "점",
    "척",
    "톤",
    "km",
    "kg",
    "GB",
    "TB",
    "MB",
    "기",
    "종",
    "권",
    "석",
    "채",
    "마리",
    "병",
    "동",
    "벌",
    "쌍",
    "줄",
    "칸",
    "포인트",
    "p",
];

/// Particles that may follow an expression directly.
const PARTICLES: [&str; 31] = [
    "다", "에서", "에는", "에도", "에게", "까지", "부터", "으로", "처럼", "보다", "이다", "이었",
    "였", "이나", "에", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만", "로",
    "엔", "인", "나", "쯤",
];

/// After a keyword (오늘, 이날, 새벽): a word end, a particle, or another
/// part of the same expression (오늘밤, 내일저녁, 오후3시). Rejects 내일배움카드,
/// 새벽배송.
fn keyword_end_ok(s: &str, e: usize) -> bool {
    if follow_ok(s, e) || !ch(s, e).is_some_and(is_hangul) {
        return true;
    }
    let mut d = Dt::default();
    any(s, e, &DAYPARTS).is_some()
        || time_component(s, e, &mut d).is_some()
        || any(
            s,
            e,
            &[
                "모레", "중", "께", "쯤", "경", "무렵", "내", "간", "대비", "이후", "이전", "까지",
                "부터",
            ]
            .map(|w| (w, ())),
        )
        .is_some()
}

/// Nothing, a non-letter, or a particle ending the word follows `i`.
pub(crate) fn follow_ok(s: &str, i: usize) -> bool {
    word_end(s, i)
        || PARTICLES.iter().any(|p| {
            lit(s, i, p).is_some_and(|e| {
                word_end(s, e)
                    || matches!(
                        *p,
                        "이다"
                            | "이었"
                            | "였"
                            | "이나"
                            | "에서"
                            | "에는"
                            | "으로"
                            | "에"
                            | "까지"
                            | "부터"
                            | "만"
                    )
                    || (matches!(*p, "에" | "이" | "은" | "는" | "로")
                        && ch(s, e).is_some_and(|c| {
                            matches!(
                                c,
                                '는' | '도' | '서' | '다' | '었' | '라' | '나' | '며' | '고'
                            )
                        }))
            })
        })
}

/// Ordinals: 첫째, 두 번째, 제3차, 네째번, 스물다섯번째, 3차.
pub(crate) fn ordinal(s: &str, i: usize) -> Option<(Expr, usize)> {
    if let Some(e) = lit(s, i, "제") {
        let n = num(s, e)?;
        if !n.digits || n.float {
            return None;
        }
        let e2 = lit(s, n.end, "차")
            .or_else(|| lit(s, n.end, "회"))
            .or_else(|| lit(s, n.end, "기"))?;
        return Some((Expr::Ordinal(n.value as i64), e2));
    }
    if let Some((v, e)) = any(s, i, &ORDINAL_WORDS[..17])
        && v > 0
    {
        let e = lit(s, e, "번").filter(|&e2| word_end(s, e2)).unwrap_or(e);
        return Some((Expr::Ordinal(v as i64), e));
    }
    if let Some(e) = lit(s, i, "첫")
        && (lit(s, e, "번").is_some_and(|e2| word_end(s, e2))
            || ch(s, e).is_some_and(|c| c == ' ')
            || ch(s, e).is_none())
    {
        let e = lit(s, e, "번").unwrap_or(e);
        return Some((Expr::Ordinal(1), e));
    }
    let n = num(s, i)?;
    if n.float {
        return None;
    }
    let k = sp(s, n.end);
    if let Some(e) = lit(s, k, "번째").or_else(|| lit(s, n.end, "째번")) {
        return Some((Expr::Ordinal(n.value as i64), e));
    }
    if let Some(e) = lit(s, n.end, "째")
        && n.native
    {
        return Some((Expr::Ordinal(n.value as i64), e));
    }
    if let Some(e) = lit(s, k, "차례") {
        return Some((Expr::Ordinal(n.value as i64), e));
    }
    if let Some(e) = lit(s, n.end, "차")
        && n.digits
        && (word_end(s, e) || lit(s, e, " ").is_some())
    {
        return Some((Expr::Ordinal(n.value as i64), e));
    }
    None
}

/// Numbers, with approximation marks (약, 여, 가량, 안팎, 남짓) and the counter
/// they count (1,600여 건, 약 500명, 40명 남짓).
pub(crate) fn number(s: &str, i: usize) -> Option<(Expr, usize)> {
    let mut j = i;
    let mut approx = false;
    if let Some((_, e)) = any(s, i, &[("약", ()), ("대략", ())]) {
        let k = sp(s, e);
        if num(s, k).is_some() {
            approx = true;
            j = k;
        } else {
            return None;
        }
    }
    let n = num(s, j)?;
    let mut end = n.end;
    if let Some(e) = lit(s, end, "여") {
        approx = true;
        end = e;
    }
    let k = sp(s, end);
    let counter = COUNTERS
        .iter()
        .find(|c| s[k..].starts_with(**c))
        .map(|c| k + c.len())
        .filter(|&e| {
            // 개 in 개선, 대 in 대책, 명 in 명단 are not counters
            let tail = ch(s, e);
            follow_ok(s, e)
                || tail.is_some_and(|c| {
                    matches!(
                        c,
                        '씩' | '당' | '째' | '분' | '여' | '가' | '로' | '을' | '를'
                    )
                })
        });
    // 한편, 세대, 한때: an attributive number glued to a noun is usually a word
    let counter = counter.filter(|&e| {
        let glued = k == end;
        let attributive =
            n.native && matches!(&s[j..n.end], "한" | "두" | "세" | "네" | "석" | "스무");
        !(glued && attributive)
            || matches!(
                &s[k..e],
                "명" | "개" | "곳" | "건" | "차례" | "가지" | "군데" | "마리" | "가구"
            )
    });
    // any other one-syllable unit noun glued to digits and closed by a
    // particle (5량이, 3척을), except the time units
    let counter = counter.or_else(|| {
        let c = ch(s, end)?;
        let e = end + c.len_utf8();
        (n.digits
            && k == end
            && is_hangul(c)
            && !matches!(
                c,
                '시' | '분' | '초' | '일' | '월' | '년' | '주' | '반' | '여'
            )
            && follow_ok(s, e)
            && !word_end(s, e))
        .then_some(e)
    });
    let counted = counter.is_some();
    if n.digits && !counted && ch(s, end).is_some_and(is_hangul) && !follow_ok(s, end) {
        // 24시, 3층짜리: the number is part of a word we do not read
        return None;
    }
    if !n.digits {
        // Hangul numbers: attributive ones (한, 두, 세, 스무) and single Sino
        // syllables (일, 이) only before a counter; whole native words
        // (하나, 둘, 셋) also stand alone.
        if n.native {
            let attributive = matches!(&s[j..n.end], "한" | "두" | "세" | "네" | "스무" | "석")
                || s[j..n.end].ends_with(['한', '두', '세', '네']);
            if !counted && (attributive || !follow_ok(s, n.end)) {
                return None;
            }
        } else if n.syllables < 2 || !counted && !word_end(s, end) {
            return None;
        }
    }
    if let Some(e) = counter {
        end = e;
        if let Some(e2) = lit(s, end, "여") {
            approx = true;
            end = e2;
        }
    }
    let k2 = sp(s, end);
    if let Some((_, e)) = any(
        s,
        k2,
        &[("가량", ()), ("안팎", ()), ("남짓", ()), ("내외", ())],
    )
    .or_else(|| any(s, end, &[("가량", ()), ("쯤", ()), ("정도", ())]))
        && counted
    {
        approx = true;
        end = e;
    }
    Some((Expr::Number(n.value, approx), end))
}

/// 반 as a word: one half.
pub(crate) fn half(s: &str, i: usize) -> Option<(Expr, usize)> {
    let e = lit(s, i, "반")?;
    (word_end(s, e) && !matches!(ch(s, e), Some('.' | ',' | '-' | '(')))
        .then_some((Expr::Number(0.5, false), e))
}

// ---------------------------------------------------------------- ranges

const RANGE_SEP: [&str; 8] = ["부터", "서부터", "에서", "~", "∼", "-", "–", "〜"];

fn inherit_ok(a: &Dt, b: &Dt) -> bool {
    // Both sides must be the same kind of thing: dates with dates, times with times.
    (a.has_date() || a.has_time() || a.daypart.is_some())
        && (b.has_date() || b.has_time() || b.daypart.is_some())
}

/// Points, ranges and open intervals at `i`.
pub(crate) fn point_or_range(s: &str, i: usize) -> Option<(Expr, usize)> {
    if let Some(r) = bare_number_range(s, i) {
        return Some(r);
    }
    let (a, ea) = point(s, i)?;
    let j = sp(s, ea);
    if let Some(sep) = RANGE_SEP.iter().find(|w| s[j..].starts_with(**w)) {
        let k = sp(s, j + sep.len());
        if let Some((b, eb)) = point(s, k)
            && inherit_ok(&a, &b)
            && !(sep.len() == 1 && j == ea && !(a.has_time() || a.day.is_some()))
        {
            let mut end = eb;
            let k2 = sp(s, eb);
            if let Some(e) = lit(s, eb, "까지").or_else(|| lit(s, k2, "까지")) {
                end = e;
            }
            return Some((Expr::Range(Some(a), Some(b), RangeKind::Closed), end));
        }
    }
    // open ends
    let k = sp(s, ea);
    if let Some((kind, e)) = any(
        s,
        k,
        &[
            ("이후", RangeKind::After),
            ("이 후", RangeKind::After),
            ("이래", RangeKind::After),
            ("이전", RangeKind::Before),
            ("전", RangeKind::Before),
        ],
    ) && (word_end(s, e) || matches!(ch(s, e), Some('에' | '으' | '부' | '까')))
        && !(kind == RangeKind::Before && &s[k..e] == "전" && !a.has_time())
    {
        return Some((
            match kind {
                RangeKind::After => Expr::Range(Some(a), None, kind),
                _ => Expr::Range(None, Some(a), kind),
            },
            e,
        ));
    }
    // "24시 편의점": a bare 24시 before a noun means "around the clock".
    if a.hour == Some(24)
        && !a.has_date()
        && a.daypart.is_none()
        && s[i..ea].ends_with("24시")
        && (!follow_ok(s, ea) || ch(s, ea).is_some_and(char::is_whitespace))
    {
        return None;
    }
    // X까지 alone: the instant X (the particle stays outside the span)
    if lit(s, ea, "까지").is_some() || lit(s, k, "까지").is_some() {
        let mut a = a;
        a.until = true;
        return Some((Expr::Point(a), ea));
    }
    // 5시 되면
    if a.has_time()
        && !a.has_date()
        && let Some(e) = lit(s, k, "되면")
    {
        return Some((Expr::Range(Some(a), None, RangeKind::After), e));
    }
    Some((Expr::Point(a), ea))
}

/// "13~14일", "1~2시": the unit is written once, on the second number.
fn bare_number_range(s: &str, i: usize) -> Option<(Expr, usize)> {
    let (n, nn) = int(s, i, 31.0)?;
    if !nn.digits {
        return None;
    }
    let j = sp(s, nn.end);
    let sep = ["~", "∼", "〜", "-", "–"]
        .into_iter()
        .find(|w| s[j..].starts_with(*w))?;
    let k = sp(s, j + sep.len());
    let (b, eb) = point(s, k)?;
    let mut a = b;
    if b.day.is_some() && b.hour.is_none() && !b.day_last {
        a.day = Some(n);
        a.weekday = None;
        a.daypart = None;
        if n == 0 || b.day.is_some_and(|d| d <= n) {
            return None;
        }
    } else if b.hour.is_some() && !b.has_date() && b.minute.is_none() && n <= 24 {
        a.hour = Some(n);
        a.approx = false;
    } else {
        return None;
    }
    let mut end = eb;
    if let Some(e) = lit(s, sp(s, eb), "까지") {
        end = e;
    }
    Some((Expr::Range(Some(a), Some(b), RangeKind::Closed), end))
}

/// A bare four-digit year ("1954", "2023 대한민국 …").
pub(crate) fn bare_year(s: &str, i: usize) -> Option<(Expr, usize)> {
    let n = num(s, i)?;
    if !n.digits || n.lead_digits != 4 || n.float || !(1900.0..=2100.0).contains(&n.value) {
        return None;
    }
    if s[i..n.end].contains(',') {
        return None;
    }
    if !word_end(s, n.end) || matches!(ch(s, n.end), Some('.' | ',' | '%' | '/' | '-' | ':')) {
        return None;
    }
    let k = sp(s, n.end);
    // a counter or unit word after it (2023 명, 2023 년) makes it a count
    let unit_word = |w: &str| lit(s, k, w).is_some_and(|e| follow_ok(s, e));
    if COUNTERS.iter().any(|c| unit_word(c)) || UNITS.iter().any(|(c, _)| unit_word(c)) {
        return None;
    }
    let dt = Dt {
        year: Some(n.value as i32),
        explicit_year: true,
        ..Dt::default()
    };
    Some((Expr::Point(dt), n.end))
}

/// Can an expression start at byte `i` (given the previous char)?
#[inline]
pub(crate) fn can_start(s: &str, i: usize, prev: Option<char>) -> bool {
    let Some(c) = ch(s, i) else { return false };
    let startable = is_hangul(c) || c.is_ascii_digit() || matches!(c, '\'' | '’' | '‘' | '+' | '-');
    if !startable {
        return false;
    }
    match prev {
        None => true,
        Some(p) => !is_word(p) || (c.is_ascii_digit() && !p.is_ascii_digit()),
    }
}

/// Hangul syllables that can begin an expression: the first syllables of
/// every lexicon word and of every numeral. Other words are skipped at once.
static STARTERS: LazyLock<HashSet<char>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    let mut add = |w: &str| {
        if let Some(c) = w.chars().next() {
            set.insert(c);
        }
    };
    WEEKDAYS.iter().for_each(|x| add(x.0));
    REL_YEAR.iter().for_each(|x| add(x.0));
    REL_MONTH.iter().for_each(|x| add(x.0));
    REL_WEEK.iter().for_each(|x| add(x.0));
    REL_DAY.iter().for_each(|x| add(x.0));
    ANAPHOR.iter().for_each(|x| add(x.0));
    DIR.iter().for_each(|x| add(x.0));
    DAYPARTS.iter().for_each(|x| add(x.0));
    HOLIDAYS.iter().for_each(|x| add(x.0));
    SEASONS.iter().for_each(|x| add(x.0));
    ORDINAL_WORDS.iter().for_each(|x| add(x.0));
    HOUR_WORDS.iter().for_each(|x| add(x.0));
    DAY_WORDS.iter().for_each(|x| add(x.0));
    PRE_QUAL.iter().for_each(|x| add(x.0));
    for w in [
        // numerals (Sino digits and units, native words)
        "일",
        "이",
        "삼",
        "사",
        "오",
        "육",
        "륙",
        "칠",
        "팔",
        "구",
        "십",
        "백",
        "천",
        "만",
        "억",
        "조",
        "영",
        "하나",
        "둘",
        "셋",
        "넷",
        "다섯",
        "여섯",
        "일곱",
        "여덟",
        "아홉",
        "열",
        "스물",
        "서른",
        "마흔",
        "쉰",
        "예순",
        "일흔",
        "여든",
        "아흔",
        "한",
        "두",
        "세",
        "네",
        "석",
        // other openers
        "방금",
        "지금",
        "이제",
        "정오",
        "오정",
        "자정",
        "한낮",
        "상반기",
        "하반기",
        "연초",
        "연말",
        "년초",
        "올",
        "유월",
        "시월",
        "설",
        "연휴",
        "제",
        "첫",
        "몇",
        "반",
        "약",
        "대략",
        "과거",
        "최근",
        "앞으로",
        "향후",
        "현시간",
        "현재",
        "시간반",
        "시반",
        "마지막",
        "말일",
        "직전",
        "전분기",
        "지금부터",
    ] {
        add(w);
    }
    set
});

/// The longest expression at `i`, if any.
pub(crate) fn best_at(s: &str, i: usize) -> Option<(Expr, usize)> {
    let c = ch(s, i)?;
    if is_hangul(c) && !STARTERS.contains(&c) {
        return None;
    }
    let mut best: Option<(Expr, usize)> = None;
    let mut consider = |r: Option<(Expr, usize)>| {
        if let Some((e, end)) = r
            && end > i
            && best.as_ref().is_none_or(|b| end > b.1)
        {
            best = Some((e, end));
        }
    };
    consider(point_or_range(s, i));
    consider(duration(s, i));
    consider(ordinal(s, i));
    consider(bare_year(s, i));
    consider(number(s, i));
    consider(half(s, i));
    best
}
