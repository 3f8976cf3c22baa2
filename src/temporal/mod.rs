//! Korean temporal expressions: dates, times, intervals, durations, numbers.
//!
//! Stage 4 of the pipeline. [`parse`] finds expressions in one text and
//! resolves them against a reference time; [`parse_document_text`] (and the
//! crate's token-aware `parse_document`) does the same over a whole article
//! and anchors relative days (이날, 전날, 이튿날) on the narrative's focal day.
//!
//! The engine has three layers: `numeral` reads numbers (exposed as
//! [`parse_number`]), `grammar` scans the text for expressions and reads what
//! each states (unresolved), and `resolve` does the calendar arithmetic
//! against the reference time, the policy and the narrative context.
//!
//! # Conventions
//!
//! - Spans cover the expression with its hedges (약, 여, 가량, 쯤, 께, 경,
//!   무렵, 넘게, 이상, 이내, 미만), 간/째, 동안 and 만 ("3시간 만"), and a
//!   number's counter ("1,600여 건"); never a case particle. A lone "X부터" or
//!   "X까지" is the instant X; "X부터 Y까지" and "X~Y" are one interval.
//! - A day part without a clock hour ("22일 오전") is the day (00:00, day
//!   precision) under [`Policy::Past`]; 밤 12시 and 자정 are 00:00 of the next day.
//! - Interval ends are inclusive at their precision.
//! - "N 안에 / 이내 / 미만" are durations at most N; "N 넘게 / 이상" at least N.
//! - In a document, the focal day is the first day the narrative names (or
//!   the reference day): 이날 falls on it and 전날/이튿날 move from it; 당일 is
//!   the day its sentence names; 같은 날 the day named just before; 그날 too,
//!   but with no day named before it (a heading "그날의 기록") it is dropped; a clock
//!   time without a day falls on the day of its sentence, else the last day
//!   the narrative named (not a reporting date such as "…고 12일 밝혔다").
//!   An explicit year ("2023년 9월 26일") carries to later month-day dates.

//! ```
//! use chrono::DateTime;
//! use jangae::temporal::{parse, Policy, TemporalValue};
//! let reference = DateTime::parse_from_rfc3339("2023-11-24T21:00:00+09:00").unwrap();
//! let found = parse("24일 오후 1시 57분쯤 장애가 났다", reference, Policy::Past);
//! assert_eq!(found[0].text, "24일 오후 1시 57분쯤");
//! match &found[0].value {
//!     TemporalValue::Instant(i) => assert_eq!(i.value.to_rfc3339(), "2023-11-24T13:57:00+09:00"),
//!     other => panic!("{other:?}"),
//! }
//! ```

mod grammar;
mod numeral;
mod resolve;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use chrono::{DateTime, Datelike, FixedOffset, TimeZone};

use crate::morph::Token;
use crate::record::{Precision, Qualifier};

/// Which way an expression without a year or day is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// News: the most recent match at or before the reference, unless the
    /// sentence marks the future (예정, 오는, 다음 달).
    #[default]
    Past,
    /// Assistant style (Duckling's convention): the next match after the
    /// reference. A day part without a clock hour ("내일 저녁") is then the
    /// interval it covers rather than the day.
    Future,
}

/// A resolved instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    /// The start of the stated unit.
    pub value: DateTime<FixedOffset>,
    /// The finest unit the text states.
    pub precision: Precision,
    /// Hedged (께, 쯤, 경, 무렵, 가량, 전후).
    pub approximate: bool,
}

/// What a temporal mention means.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TemporalValue {
    /// A point in time.
    Instant(Instant),
    /// A span of time; ends are inclusive at their precision. An open side is `None`.
    Interval {
        /// Start.
        from: Option<Instant>,
        /// End (inclusive at its precision).
        to: Option<Instant>,
    },
    /// A length of time.
    Duration {
        /// Length in seconds.
        seconds: u64,
        /// Exactness.
        qualifier: Qualifier,
    },
    /// A plain number (with counters such as 명, 건, 개 kept out of time).
    Number {
        /// The value.
        value: f64,
        /// Hedged (여, 약, 가량, 안팎, 남짓).
        approximate: bool,
    },
    /// An ordinal (첫째, 두 번째, 제3차).
    Ordinal(i64),
}

/// One expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TemporalMention {
    /// Half-open byte range into the parsed text.
    pub span: Range<usize>,
    /// The expression as written.
    pub text: String,
    /// Its meaning.
    pub value: TemporalValue,
}

pub use numeral::parse_number;

/// Finds and resolves the temporal expressions of one text.
///
/// The text is treated as one short document: a bare clock time falls on the
/// day named earlier in its sentence, 이날 on the first day named.
pub fn parse(text: &str, reference: DateTime<FixedOffset>, policy: Policy) -> Vec<TemporalMention> {
    let sentences = crate::text::sentences(text);
    run(text, &sentences, Some(reference), policy, &[])
}

/// The document-level pass without morphemes: finds and resolves the
/// temporal expressions of a whole article, anchoring 이날, 전날 and 이튿날
/// on the narrative's focal day and later partial dates on an explicit year.
/// With no `reference`, the latest full date stated in the text stands in
/// for it; if there is none, only expressions that need no reference
/// (full dates, durations, numbers, ordinals) are returned.
pub fn parse_document_text(
    text: &str,
    reference: Option<DateTime<FixedOffset>>,
    policy: Policy,
) -> Vec<TemporalMention> {
    let sentences = crate::text::sentences(text);
    run(text, &sentences, reference, policy, &[])
}

/// Finds and resolves the temporal expressions of a whole document, with its
/// sentences and morphemes, anchoring relative days on the focal day.
pub(crate) fn parse_document(
    text: &str,
    sentences: &[Range<usize>],
    tokens: &[Token],
    reference: Option<DateTime<FixedOffset>>,
    policy: Policy,
) -> Vec<TemporalMention> {
    let marks = tense_marks(text, tokens);
    let mut out = run(text, sentences, reference, policy, &marks);
    morph_filter(text, tokens, &mut out);
    out
}

/// A morpheme that fixes the tense of the clause it closes: its byte offset
/// and whether it looks ahead (non-past ᆫ다/는다, the volitional 겠) rather
/// than back (었/았/였, the past adnominal ᆫ).
type TenseMark = (usize, bool);

/// The tense-bearing endings of a document, in text order.
///
/// Korean marks tense once, on the clause's final predicate; connectives
/// (-고, -어, -며) carry none. So the first tense-bearing ending after a time
/// expression says whether its clause is told as past or as ahead:
/// "11일 오후 10시부터 … 이용이 중단된다고 9일 밝혔다" is a notice of a
/// window to come even without 오는 or 예정, while "11일 발생한 장애" and
/// "중단됐다" stay in the past.
fn tense_marks(text: &str, tokens: &[Token]) -> Vec<TenseMark> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // ko-dic reads unknown names as verb + adnominal ending ("신한 SOL뱅크"
        // as 신하+ᆫ, "새올" as 새+ᆯ); a real adnominal clause rarely modifies
        // a foreign word, a number or a proper noun.
        let modifies_name = || {
            tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.pos_first(), "SL" | "SH" | "SN" | "NNP"))
        };
        // `verbal` is the tag of the token's first part (its stem).
        let tense = |form: &str, tag: &str, verbal: &str| match tag {
            "EP" if matches!(form, "었" | "았" | "였" | "ㅆ" | "었었" | "았었") => {
                Some(false)
            }
            "EP" if form == "겠" => Some(true),
            "EF" | "EC" if form.starts_with("ᆫ다") || form.starts_with("는다") => Some(true),
            // the past adnominal of a verb ("11일 발생한 장애"; 형용사 ᆫ is a
            // present state). The irrealis ᆯ is left to the FUTURE_WORDS it
            // precedes (예정, 계획): alone it is as often a hypothetical (날
            // 경우) or a misread name.
            "ETM" if matches!(form, "ᆫ" | "은") && verbal != "VA" && !modifies_name() => {
                Some(false)
            }
            _ => None,
        };
        let mut parts = t.parts(text);
        let stem = parts.clone().next().map_or("", |(_, tag)| tag);
        let found = parts.find_map(|(form, tag)| tense(form, tag, stem));
        if let Some(future) = found {
            out.push((t.span.start, future));
        }
    }
    out
}

/// Morphology decides what the lexical scanner cannot:
/// - a number that lindera reads inside a proper noun ("삼성SDS" style names)
///   is not a count;
/// - a counter the lexicon does not list (ko-dic's unit nouns, NNBC: 척, 량,
///   기) joins the number it counts ("선박 3척").
fn morph_filter(text: &str, tokens: &[Token], out: &mut Vec<TemporalMention>) {
    if tokens.is_empty() {
        return;
    }
    const TIME_UNITS: [&str; 9] = ["시간", "시", "분", "초", "일", "월", "년", "주", "개월"];
    let mut t = 0;
    out.retain_mut(|m| {
        while t < tokens.len() && tokens[t].span.end <= m.span.start {
            t += 1;
        }
        let Some(tok) = tokens.get(t) else {
            return true;
        };
        let is_number = matches!(m.value, TemporalValue::Number { .. });
        let inside = tok.span.start < m.span.start && m.span.start < tok.span.end;
        if is_number && inside && tok.pos_first() == "NNP" {
            return false;
        }
        if is_number && m.text.bytes().last().is_some_and(|b| b.is_ascii_digit()) {
            // the token after the number, glued or after one space
            let mut k = t;
            while k < tokens.len() && tokens[k].span.start < m.span.end {
                k += 1;
            }
            if let Some(next) = tokens.get(k)
                && next.pos_first() == "NNBC"
                && (next.span.start == m.span.end
                    || (next.span.start == m.span.end + 1 && text.as_bytes()[m.span.end] == b' '))
                && !TIME_UNITS.contains(&&text[next.span.clone()])
            {
                m.span.end = next.span.end;
                m.text = text[m.span.clone()].to_string();
            }
        }
        true
    });
}

/// Raw scan: non-overlapping expressions, left to right.
fn scan(text: &str) -> Vec<(Range<usize>, grammar::Expr)> {
    grammar::reset_num_cache();
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev: Option<char> = None;
    let mut after_mention = false;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let startable = grammar::can_start(text, i, if after_mention { None } else { prev });
        if startable
            && let Some((expr, end)) = grammar::best_at(text, i)
            && !name_digits(text, i, end, prev, &expr)
        {
            // trim trailing spaces from the span
            let e = i + text[i..end].trim_end().len();
            out.push((i..e, expr));
            prev = text[..e].chars().next_back();
            i = e;
            after_mention = true;
            continue;
        }
        after_mention = false;
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// Digits that belong to a name or code (정부24, 5G, 2K, 1:1) are not numbers.
fn name_digits(
    text: &str,
    start: usize,
    end: usize,
    prev: Option<char>,
    expr: &grammar::Expr,
) -> bool {
    if !matches!(expr, grammar::Expr::Number(..)) {
        return false;
    }
    let next = text[end..].chars().next();
    let after_digit = text[start..end]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    prev.is_some_and(|p| p.is_alphanumeric() || p == ':')
        || (after_digit && next.is_some_and(|c| c.is_ascii_alphabetic() || c == ':'))
}

/// Verbs of reporting: "…고 12일 밝혔다" dates the announcement, not the
/// events told around it.
const REPORTING: [&str; 9] = [
    "밝혔",
    "말했",
    "발표했",
    "전했",
    "설명했",
    "공지했",
    "공시했",
    "알렸",
    "덧붙였",
];

/// Words that put a clause in the future (news resolves to the past otherwise).
const FUTURE_WORDS: [&str; 6] = [
    "예정",
    "계획이다",
    "계획을",
    "방침이다",
    "할 계획",
    "목표로",
];
/// Past-tense marks: a future word after one of these belongs to another clause.
const PAST_MARKS: [&str; 9] = ["됐", "었", "았", "했", "였", "던 ", "다.", "다 ", ", "];

/// Where the future words and the past-tense marks of a text are, so each
/// mention's clause is checked in logarithmic time.
struct Tense {
    future: Vec<usize>,
    past: Vec<usize>,
}

impl Tense {
    fn new(text: &str) -> Self {
        // One pass over the text for all the words (the regex crate's
        // literal prefilter), compiled once.
        static WORDS: LazyLock<Regex> = LazyLock::new(|| {
            let alts: Vec<String> = FUTURE_WORDS
                .iter()
                .chain(PAST_MARKS.iter())
                .map(|w| regex::escape(w))
                .collect();
            Regex::new(&alts.join("|")).expect("valid literal alternation")
        });
        let mut t = Tense {
            future: Vec::new(),
            past: Vec::new(),
        };
        for m in WORDS.find_iter(text) {
            if FUTURE_WORDS.contains(&m.as_str()) {
                t.future.push(m.start());
            } else {
                t.past.push(m.start());
            }
        }
        t
    }

    /// The clause after `from` ends in a future word (예정, 계획이다) before
    /// `sentence_end`, with no past-tense verb in between.
    fn future_after(&self, from: usize, sentence_end: usize) -> bool {
        let k = self.future.partition_point(|&p| p < from);
        let Some(&f) = self.future.get(k).filter(|&&f| f < sentence_end) else {
            return false;
        };
        let j = self.past.partition_point(|&p| p < from);
        self.past.get(j).is_none_or(|&p| p >= f)
    }
}

fn run(
    text: &str,
    sentences: &[Range<usize>],
    reference: Option<DateTime<FixedOffset>>,
    policy: Policy,
    marks: &[TenseMark],
) -> Vec<TemporalMention> {
    let raw = scan(text);
    if raw.is_empty() {
        return Vec::new();
    }
    let (reference, strong) = match reference.or_else(|| latest_full_date(&raw)) {
        // RFC 3339's years only: calendar arithmetic near chrono's limits
        // (a caller's DateTime::MAX_UTC) would overflow.
        Some(r) if usable_reference(&r) => (r, true),
        _ => (
            DateTime::parse_from_rfc3339("2000-01-01T00:00:00+09:00").expect("valid constant"),
            false,
        ),
    };
    let mut ctx = resolve::Ctx {
        reference,
        policy,
        focal: None,
        anchor: None,
        narr_year: None,
        narr_month: None,
        para_year: None,
        future: false,
        last_day: None,
        sent_year: None,
        last_holiday: None,
        last_clock: None,
        last_year: None,
    };
    let mut out = Vec::with_capacity(raw.len());
    let mut sent = 0;
    let mut cur_sentence: Option<usize> = None;
    let mut para_set_at = 0;
    let tense = Tense::new(text);
    for (span, expr) in raw {
        while sent < sentences.len() && sentences[sent].end <= span.start {
            sent += 1;
        }
        if cur_sentence != Some(sent) {
            cur_sentence = Some(sent);
            ctx.anchor = None;
            ctx.sent_year = None;
        }
        // a relatively stated year carries over a few sentences only
        if sent > para_set_at + 4 {
            ctx.para_year = None;
        }
        let sentence_end = sentences
            .get(sent)
            .map_or(text.len(), |r| r.end.max(span.end));
        let k = marks.partition_point(|&(at, _)| at < span.end);
        let ahead = marks
            .get(k)
            .is_some_and(|&(at, future)| future && at < sentence_end);
        ctx.future =
            policy == Policy::Past && (ahead || tense.future_after(span.end, sentence_end));
        if !strong && !independent(&expr) {
            continue;
        }
        let Some(value) = resolve::resolve(&expr, &ctx) else {
            continue;
        };
        let before = ctx.para_year;
        let reporting = REPORTING
            .iter()
            .any(|w| text[span.end..].trim_start().starts_with(w));
        update_context(&mut ctx, &expr, &value, reporting);
        if ctx.para_year != before {
            para_set_at = sent;
        }
        out.push(TemporalMention {
            text: text[span.clone()].to_string(),
            span,
            value,
        });
    }
    hedge_lists(text, &mut out);
    out
}

/// "각각 9시간, 14시간 가량": a hedge after a list of lengths covers all of them.
fn hedge_lists(text: &str, out: &mut [TemporalMention]) {
    for k in (1..out.len()).rev() {
        let (head, tail) = out.split_at_mut(k);
        let (prev, cur) = (&mut head[k - 1], &tail[0]);
        if let (
            TemporalValue::Duration { qualifier: q, .. },
            TemporalValue::Duration {
                qualifier: Qualifier::About,
                ..
            },
        ) = (&mut prev.value, &cur.value)
            && *q == Qualifier::Exact
            && matches!(
                text[prev.span.end..cur.span.start].trim(),
                "," | "·" | "、" | "와" | "과"
            )
        {
            *q = Qualifier::About;
        }
    }
}

/// Needs no reference time to resolve.
fn independent(expr: &grammar::Expr) -> bool {
    use grammar::Expr;
    match expr {
        Expr::Point(dt) => dt.year.is_some() && dt.year_rel.is_none() && !dt.now,
        Expr::Range(a, b, _) => {
            a.is_none_or(|d| d.year.is_some())
                && b.is_none_or(|d| d.year.is_some() || d.day.is_some() || d.hour.is_some())
        }
        Expr::Duration(..) | Expr::Number(..) | Expr::Ordinal(..) => true,
        Expr::Shift(..) | Expr::Span(..) | Expr::SameDay(..) => false,
    }
}

/// Whether a reference time lies in RFC 3339's years (0000-9999), where
/// calendar arithmetic cannot overflow. Checked without `naive_local`, which
/// panics on chrono's extreme values (`DateTime::<Utc>::MAX_UTC` at +09:00).
pub(crate) fn usable_reference(r: &DateTime<FixedOffset>) -> bool {
    r.naive_utc()
        .checked_add_offset(*r.offset())
        .is_some_and(|local| (0..=9999).contains(&chrono::Datelike::year(&local)))
}

/// The latest fully stated date (year, month, day), as an end-of-day reference.
fn latest_full_date(raw: &[(Range<usize>, grammar::Expr)]) -> Option<DateTime<FixedOffset>> {
    let mut best: Option<chrono::NaiveDate> = None;
    for (_, e) in raw {
        let dts: [Option<&grammar::Dt>; 2] = match e {
            grammar::Expr::Point(d) => [Some(d), None],
            grammar::Expr::Range(a, b, _) => [a.as_ref(), b.as_ref()],
            _ => [None, None],
        };
        for d in dts.into_iter().flatten() {
            if let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day)
                && let Some(nd) = chrono::NaiveDate::from_ymd_opt(y, m, day)
            {
                best = Some(best.map_or(nd, |b| b.max(nd)));
            }
        }
    }
    let d = best?;
    let t = d.and_hms_opt(23, 59, 59)?;
    FixedOffset::east_opt(9 * 3600)?
        .from_local_datetime(&t)
        .single()
}

fn update_context(
    ctx: &mut resolve::Ctx,
    expr: &grammar::Expr,
    value: &TemporalValue,
    reporting: bool,
) {
    let dt = match expr {
        grammar::Expr::Point(d) => Some(d),
        grammar::Expr::Range(a, b, _) => a.as_ref().or(b.as_ref()),
        _ => None,
    };
    if let (grammar::Expr::SameDay(..), TemporalValue::Instant(i)) = (expr, value) {
        ctx.last_year = Some(i.value.year());
        ctx.last_day = Some(i.value.date_naive());
        return;
    }
    let Some(dt) = dt else { return };
    let inst = match value {
        TemporalValue::Instant(i) => Some(*i),
        TemporalValue::Interval { from, to } => from.or(*to),
        _ => None,
    };
    let Some(inst) = inst else { return };
    if dt.year.is_some() || dt.year_rel.is_some() {
        ctx.sent_year = Some(inst.value.year());
        ctx.last_year = Some(inst.value.year());
    }
    if dt.hour.is_some() && !reporting {
        let last = match value {
            TemporalValue::Interval { to: Some(b), .. } => *b,
            _ => inst,
        };
        ctx.last_clock = Some(last.value.naive_local());
    }
    if dt.holiday_span {
        // remember the whole break (even when one of its days was named)
        let whole = grammar::Dt {
            holiday_day: 0,
            ..*dt
        };
        if let Some(resolve::Val::R(a, b)) = resolve::resolve_dt(&whole, ctx) {
            ctx.last_holiday = Some((a.value.date_naive(), b.value.date_naive()));
        }
    }
    // only day-level (or finer) mentions name a day
    if inst.precision < Precision::Day {
        return;
    }
    let day = inst.value.date_naive();
    let day_stated =
        dt.day.is_some() || dt.anaphor.is_some() || dt.day_rel.is_some() || dt.weekday.is_some();
    if day_stated && !reporting {
        ctx.anchor = Some(day);
        // A bare 전날 밤 (often in a quote) does not move the narrative; a
        // numbered day or a clock time does.
        if dt.day.is_some()
            || dt.hour.is_some()
            || matches!(dt.anaphor, Some(0 | 50))
            || dt.day_rel.is_some()
        {
            ctx.last_day = Some(day);
        }
    }
    // The focal day: the first day the narrative names (not a side mention
    // marked 지난/오는, not another year).
    if ctx.focal.is_none()
        && dt.dir == 0
        && dt.year_rel.is_none()
        && (dt.day.is_some() || matches!(dt.anaphor, Some(0 | 50)) || dt.day_rel == Some(0))
        && dt.year.is_none_or(|y| y == ctx.reference.year())
    {
        ctx.focal = Some(day);
    }
    if dt.year_rel.is_some() && dt.month.is_some() && dt.day.is_some() {
        ctx.para_year = Some(day.year());
    }
    if dt.explicit_year && dt.month.is_some() {
        ctx.narr_year = dt.year;
        ctx.narr_month = dt.month;
    } else if ctx.narr_year.is_some()
        && dt.month.is_some()
        && dt.year.is_none()
        && dt.year_rel.is_none()
        && dt.dir == 0
    {
        ctx.narr_month = dt.month;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2023-11-24T21:00:00+09:00").expect("valid")
    }

    fn instant(m: &TemporalMention) -> String {
        match &m.value {
            TemporalValue::Instant(i) => i.value.to_rfc3339(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn focal_day_anchors_relative_days() {
        // The lead names the 24th; a later paragraph names the 17th and the
        // 22nd, and 전날 still means the day before the 24th.
        let text = "행정 시스템이 24일 오전 멈췄다. 이날 오후 1시 57분 복구가 시작됐다.\n\
                    지난 17일 1차 장애가 있었고, 22일 오전에는 인증 서버가, 또 전날 오전에는 발급 서버가 멈췄다.";
        let ms = parse_document_text(text, Some(reference()), Policy::Past);
        let find = |t: &str| ms.iter().find(|m| m.text == t).map(instant);
        assert_eq!(
            find("24일 오전").as_deref(),
            Some("2023-11-24T00:00:00+09:00")
        );
        assert_eq!(
            find("이날 오후 1시 57분").as_deref(),
            Some("2023-11-24T13:57:00+09:00")
        );
        assert_eq!(
            find("지난 17일").as_deref(),
            Some("2023-11-17T00:00:00+09:00")
        );
        assert_eq!(
            find("22일 오전").as_deref(),
            Some("2023-11-22T00:00:00+09:00")
        );
        assert_eq!(
            find("전날 오전").as_deref(),
            Some("2023-11-23T00:00:00+09:00")
        );
    }

    #[test]
    fn geunal_needs_an_antecedent() {
        // A heading 그날 before any day is named resolves to nothing; once
        // a day is named, 그날 is that day (not the reference day).
        let text = "그날의 기억: 결제망이 멈췄던 순간\n카드 승인 서버가 19일 밤 멈췄다. 그날 자정 넘어 복구됐다.";
        let ms = parse_document_text(text, Some(reference()), Policy::Past);
        let days: Vec<(&str, String)> = ms.iter().map(|m| (m.text.as_str(), instant(m))).collect();
        assert_eq!(
            days,
            [
                ("19일 밤", "2023-11-19T00:00:00+09:00".to_string()),
                // 자정 of that day is 00:00 of the next
                ("그날 자정", "2023-11-20T00:00:00+09:00".to_string()),
            ]
        );
    }

    #[test]
    fn without_reference_uses_the_latest_full_date_or_stays_silent() {
        let text = "2023년 9월 26일 화재가 났다. 28일 밤 복구됐다. 이틀간 멈췄다.";
        let ms = parse_document_text(text, None, Policy::Past);
        let find = |t: &str| ms.iter().find(|m| m.text == t).map(instant);
        assert_eq!(
            find("28일 밤").as_deref(),
            Some("2023-09-28T00:00:00+09:00")
        );
        let ms = parse_document_text("어제 오후 3시 장애가 3시간 이어졌다.", None, Policy::Past);
        assert_eq!(ms.len(), 1, "{ms:?}");
        assert_eq!(ms[0].text, "3시간");
    }

    #[test]
    fn morphology_matters() {
        let ms = parse(
            "수시간 동안 멈췄고 1시간 넘게 3일간 지연됐다. 지난 3일 500명이 몰렸다.",
            reference(),
            Policy::Past,
        );
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["1시간 넘게", "3일간", "지난 3일", "500명"]);
        assert!(matches!(
            ms[0].value,
            TemporalValue::Duration {
                seconds: 3600,
                qualifier: Qualifier::AtLeast
            }
        ));
        assert!(matches!(ms[3].value, TemporalValue::Number { value, .. } if value == 500.0));
    }

    #[test]
    fn bad_input_never_panics() {
        let r = reference();
        assert!(parse("", r, Policy::Past).is_empty());
        assert!(parse_document_text("", None, Policy::Past).is_empty());
        let long = "가".repeat(350_000); // about 1 MB without spaces
        let _ = parse(&long, r, Policy::Past);
        let digits = "7".repeat(1_000_000);
        let _ = parse(&digits, r, Policy::Past);
        let dates = "2023년 9월 26일 ".repeat(10_000);
        let ms = parse_document_text(&dates, Some(r), Policy::Past);
        assert_eq!(ms.len(), 10_000);
        let glued = "24일".repeat(10_000);
        let _ = parse(&glued, r, Policy::Future);
        let mixed = "3시 3時 ３시 مرحبا 12월 ☃ 31일\u{FFFD}\u{FFFD} 오후 \u{0}9시 1:1 9.99.99 99999999999999999999999년 \
                     99월 99일 25시 61분 2월 30일 제 차 -- ~~ 부터까지 '";
        for p in [Policy::Past, Policy::Future] {
            let _ = parse(mixed, r, p);
            let _ = parse_document_text(mixed, None, p);
        }
        // Every boundary of a tricky text is a valid start.
        for (i, _) in mixed.char_indices() {
            let _ = parse(&mixed[i..], r, Policy::Past);
        }
    }

    #[test]
    fn document_pass_reads_unit_nouns_as_counters() {
        static ANALYZER: std::sync::LazyLock<crate::morph::Analyzer> =
            std::sync::LazyLock::new(|| crate::morph::Analyzer::new().expect("dictionary"));
        let text = "태풍으로 선박 3척과 객차 5량이 멈췄고 기지국 40곳이 꺼졌다.";
        let tokens = ANALYZER.analyze(text).expect("tokens");
        let sentences = crate::text::sentences(text);
        let ms = parse_document(text, &sentences, &tokens, Some(reference()), Policy::Past);
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["3척", "5량", "40곳"]);
    }

    #[test]
    fn a_non_past_clause_reads_bare_days_ahead() {
        static ANALYZER: std::sync::LazyLock<crate::morph::Analyzer> =
            std::sync::LazyLock::new(|| crate::morph::Analyzer::new().expect("dictionary"));
        // reference: 2023-11-24 21:00; (text, first mention's day, last's)
        let cases = [
            // a notice: the window lies ahead although no 오는/예정 says so
            (
                "한빛은행은 27일 오전 1시부터 5시까지 모바일 앱 이용이 중단된다고 24일 밝혔다.",
                "2023-11-27",
                "2023-11-24",
            ),
            // told as past, the same kind of day falls in the past
            (
                "한빛은행은 15일 오전 1시부터 5시까지 모바일 앱 이용이 중단됐다고 24일 밝혔다.",
                "2023-11-15",
                "2023-11-24",
            ),
            // a past adnominal closes the clause before the non-past verb
            (
                "27일 발생한 장애를 두고 은행은 보상한다고 24일 밝혔다.",
                "2023-10-27",
                "2023-11-24",
            ),
            // a misread name (신한 → 신하+ᆫ) is not a past adnominal
            (
                "신한은행은 27일 새벽 신한 SOL뱅크 앱을 멈춘다.",
                "2023-11-27",
                "2023-11-27",
            ),
        ];
        for (text, first, last) in cases {
            let tokens = ANALYZER.analyze(text).expect("tokens");
            let sentences = crate::text::sentences(text);
            let ms = parse_document(text, &sentences, &tokens, Some(reference()), Policy::Past);
            let got: Vec<String> = ms.iter().map(|m| format!("{:?}", m.value)).collect();
            assert!(
                got.first().is_some_and(|g| g.contains(first)),
                "{text}: {got:?}"
            );
            assert!(
                got.last().is_some_and(|g| g.contains(last)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn spans_are_exact_substrings() {
        let text =
            "정부24는 17일 오전 8시 40분부터 오후 6시께까지 열리지 않았다. 약 500명, 1,600여 건.";
        for m in parse(text, reference(), Policy::Past) {
            assert_eq!(&text[m.span.clone()], m.text);
        }
    }
}
