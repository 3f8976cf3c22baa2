//! Calendar arithmetic: turns what a text states ([`Dt`], [`Expr`]) into
//! instants, intervals and durations against a reference time, a policy and
//! the document's narrative context.

use chrono::{
    DateTime, Datelike, Days, Duration as ChronoDuration, FixedOffset, Months, NaiveDate,
    NaiveDateTime, NaiveTime, TimeZone, Timelike, Weekday,
};

use super::grammar::{Dt, Expr, Holiday, Unit};
use super::{Instant, Policy, TemporalValue};
use crate::record::Precision;

/// What resolution knows besides the expression itself.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub reference: DateTime<FixedOffset>,
    pub policy: Policy,
    /// The narrative's focal day (이날, 전날 and 이튿날 move from it).
    pub focal: Option<NaiveDate>,
    /// The last day named in the current sentence (bare clock times fall on it).
    pub anchor: Option<NaiveDate>,
    /// Year and month of the last date stated with an explicit year.
    pub narr_year: Option<i32>,
    pub narr_month: Option<u32>,
    /// Year of the last month-day date in this paragraph whose year was
    /// stated relatively (지난해 10월 15일 … 10월 17일).
    pub para_year: Option<i32>,
    /// The sentence speaks of the future (예정, 오는).
    pub future: bool,
    /// The last day named anywhere before (같은 날 refers to it).
    pub last_day: Option<NaiveDate>,
    /// The year of the last expression in this sentence that stated one
    /// ("지난해 하반기 … 상반기보다": the same year).
    pub sent_year: Option<i32>,
    /// The last holiday break named (a later bare 연휴 refers to it).
    pub last_holiday: Option<(NaiveDate, NaiveDate)>,
    /// The last clock time resolved (a bare 8시 after 저녁 7시 is 20시).
    pub last_clock: Option<NaiveDateTime>,
    /// The year of the last expression that stated one (이듬해 follows it).
    pub last_year: Option<i32>,
}

impl Ctx {
    fn today(&self) -> NaiveDate {
        self.reference.date_naive()
    }
    fn forward(&self) -> bool {
        self.future || self.policy == Policy::Future
    }
}

/// A resolved point or span, before it becomes a [`TemporalValue`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Val {
    I(Instant),
    R(Instant, Instant),
}

impl Val {
    fn start(self) -> Instant {
        match self {
            Val::I(i) | Val::R(i, _) => i,
        }
    }
    fn end(self) -> Instant {
        match self {
            Val::I(i) | Val::R(_, i) => i,
        }
    }
    fn into_value(self) -> TemporalValue {
        match self {
            Val::I(i) => TemporalValue::Instant(i),
            Val::R(a, b) => TemporalValue::Interval {
                from: Some(a),
                to: Some(b),
            },
        }
    }
}

fn mk(ctx: &Ctx, dt: NaiveDateTime, precision: Precision, approximate: bool) -> Option<Instant> {
    let value = ctx.reference.offset().from_local_datetime(&dt).single()?;
    Some(Instant {
        value,
        precision,
        approximate,
    })
}

fn day_start(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

/// A date of RFC 3339's years (0000-9999): text years beyond them
/// ("이십육만 년") are not dates, and day arithmetic near chrono's own limits
/// would overflow.
fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(0..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_day(y: i32, m: u32) -> Option<u32> {
    let first_next = if m == 12 {
        ymd(y + 1, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    Some(first_next.pred_opt()?.day())
}

/// `None` when the result leaves the representable years.
fn add_months(y: i32, m: u32, k: i32) -> Option<(i32, u32)> {
    let idx = y
        .checked_mul(12)?
        .checked_add(m as i32 - 1)?
        .checked_add(k)?;
    Some((idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32))
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

fn weekday_of(w: u32) -> Weekday {
    match w {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

fn nth_weekday(y: i32, m: u32, n: i32, w: u32) -> Option<NaiveDate> {
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(y, m, weekday_of(w), u8::try_from(n).ok()?)
    } else {
        let last = ymd(y, m, last_day(y, m)?)?;
        let back = (last.weekday().num_days_from_monday() + 7 - w) % 7;
        Some(last - Days::new(u64::from(back)))
    }
}

/// Lunar New Year and Chuseok (solar dates), 2000-2040.
fn lunar(h: Holiday, y: i32) -> Option<NaiveDate> {
    const SEOLLAL: [(u32, u32); 41] = [
        (2, 5),
        (1, 24),
        (2, 12),
        (2, 1),
        (1, 22),
        (2, 9),
        (1, 29),
        (2, 18),
        (2, 7),
        (1, 26),
        (2, 14),
        (2, 3),
        (1, 23),
        (2, 10),
        (1, 31),
        (2, 19),
        (2, 8),
        (1, 28),
        (2, 16),
        (2, 5),
        (1, 25),
        (2, 12),
        (2, 1),
        (1, 22),
        (2, 10),
        (1, 29),
        (2, 17),
        (2, 7),
        (1, 27),
        (2, 13),
        (2, 3),
        (1, 23),
        (2, 11),
        (1, 31),
        (2, 19),
        (2, 8),
        (1, 28),
        (2, 15),
        (2, 4),
        (1, 24),
        (2, 12),
    ];
    const CHUSEOK: [(u32, u32); 41] = [
        (9, 12),
        (10, 1),
        (9, 21),
        (9, 11),
        (9, 28),
        (9, 18),
        (10, 6),
        (9, 25),
        (9, 14),
        (10, 3),
        (9, 22),
        (9, 12),
        (9, 30),
        (9, 19),
        (9, 8),
        (9, 27),
        (9, 15),
        (10, 4),
        (9, 24),
        (9, 13),
        (10, 1),
        (9, 21),
        (9, 10),
        (9, 29),
        (9, 17),
        (10, 6),
        (9, 25),
        (9, 15),
        (10, 3),
        (9, 22),
        (9, 12),
        (10, 1),
        (9, 19),
        (9, 8),
        (9, 27),
        (9, 16),
        (10, 4),
        (9, 24),
        (9, 13),
        (10, 2),
        (9, 21),
    ];
    let idx = usize::try_from(y - 2000).ok()?;
    let (m, d) = match h {
        Holiday::Seollal => *SEOLLAL.get(idx)?,
        Holiday::Chuseok => *CHUSEOK.get(idx)?,
        _ => return None,
    };
    ymd(y, m, d)
}

fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, m, d),
        Holiday::NthWeekday(m, n, w) => nth_weekday(y, m, n as i32, w),
        Holiday::Seollal | Holiday::Chuseok => lunar(h, y),
        Holiday::Season(m, d, _, _) => ymd(y, m, d),
        Holiday::Context => None,
        Holiday::Bok(n) => bok(y, n),
    }
}

/// 초복 and 중복 are the third and fourth 경 (庚) days from the summer
/// solstice (taken as 21 June), 말복 the first 경 day from 입추 (7 August).
fn bok(y: i32, n: u8) -> Option<NaiveDate> {
    // 2013-07-13 was a 경 day; day stems repeat every ten days.
    let anchor = ymd(2013, 7, 13)?;
    let next_gyeong = |from: NaiveDate| {
        let off = (from - anchor).num_days().rem_euclid(10);
        from + Days::new(((10 - off) % 10) as u64)
    };
    match n {
        1 => Some(next_gyeong(ymd(y, 6, 21)?) + Days::new(20)),
        2 => Some(next_gyeong(ymd(y, 6, 21)?) + Days::new(30)),
        _ => Some(next_gyeong(ymd(y, 8, 7)?)),
    }
}

/// The three-day 설/추석 break around `d`, with the substitute holiday
/// (since 2014) when the break touches a Sunday or another public holiday.
fn break_days(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let a = d.pred_opt()?;
    let b = d.succ_opt()?;
    let clash = [a, d, b]
        .iter()
        .any(|x| x.weekday() == Weekday::Sun || (x.month() == 10 && matches!(x.day(), 3 | 9)));
    if d.year() >= 2014 && clash {
        let mut e = b.succ_opt()?;
        while e.weekday() == Weekday::Sat || e.weekday() == Weekday::Sun {
            e = e.succ_opt()?;
        }
        return Some((a, e));
    }
    Some((a, b))
}

/// Picks among candidate dates by the policy: the latest at or before today
/// (past) or the earliest at or after today (future); `dir` forces a side.
fn pick(ctx: &Ctx, cands: &[Option<NaiveDate>], dir: i8, strict: bool) -> Option<NaiveDate> {
    let today = ctx.today();
    let forward = if dir != 0 { dir > 0 } else { ctx.forward() };
    let mut best: Option<NaiveDate> = None;
    for c in cands.iter().flatten().copied() {
        let ok = if forward {
            if strict { c > today } else { c >= today }
        } else if strict {
            c < today
        } else {
            c <= today
        };
        if ok {
            best = match best {
                None => Some(c),
                Some(b) => Some(if forward { b.min(c) } else { b.max(c) }),
            };
        }
    }
    best
}

/// Month-level pick: the month containing today counts as now.
fn pick_month(ctx: &Ctx, m: u32, dir: i8) -> i32 {
    let today = ctx.today();
    let y = today.year();
    let forward = if dir != 0 { dir > 0 } else { ctx.forward() };
    let cur = (y, today.month());
    if dir > 0 && m <= cur.1 && ctx.policy == Policy::Past {
        return y + 1;
    }
    if forward {
        if m >= cur.1 { y } else { y + 1 }
    } else if m <= cur.1 {
        y
    } else {
        y - 1
    }
}

/// A resolved date: the day (or first day), its precision, and the last day
/// of a span.
type DateSpan = (NaiveDate, Precision, Option<(NaiveDate, Precision)>);

/// Resolves the date part of `dt`. Returns (day or first day, precision,
/// optional end day for spans) or None.
#[allow(clippy::too_many_lines)]
fn resolve_date(dt: &Dt, ctx: &Ctx) -> Option<DateSpan> {
    let today = ctx.today();
    let y_stated = if dt.year_after
        && let Some(y) = ctx.last_year
    {
        Some(y + 1)
    } else {
        dt.year.or(dt.year_rel.map(|r| today.year() + r))
    };
    // holidays and seasons
    if let Some(h) = dt.holiday {
        if let Holiday::Season(m1, d1, m2, d2) = h {
            let y = y_stated.unwrap_or(today.year());
            for yy in [y - 1, y, y + 1] {
                let start = ymd(yy, m1, d1)?;
                let end_y = if m2 < m1 { yy + 1 } else { yy };
                let end = ymd(end_y, m2, d2)?;
                if end >= today || y_stated.is_some() && yy == y {
                    return Some((start, Precision::Day, Some((end, Precision::Day))));
                }
            }
            return None;
        }
        let (a, b) = if h == Holiday::Context {
            ctx.last_holiday?
        } else {
            let d = match y_stated {
                Some(y) => holiday_date(h, y)?,
                None => {
                    let y = today.year();
                    let c = [
                        holiday_date(h, y - 1),
                        holiday_date(h, y),
                        holiday_date(h, y + 1),
                    ];
                    // a break counts as past once it has begun
                    let c2: Vec<Option<NaiveDate>> = if dt.holiday_span {
                        c.iter().map(|d| d.and_then(|d| d.pred_opt())).collect()
                    } else {
                        c.to_vec()
                    };
                    let p = pick(ctx, &c2, dt.dir, false)?;
                    if dt.holiday_span { p.succ_opt()? } else { p }
                }
            };
            if dt.holiday_span && matches!(h, Holiday::Seollal | Holiday::Chuseok) {
                break_days(d)?
            } else {
                (d, d)
            }
        };
        return match dt.holiday_day {
            1 => Some((a, Precision::Day, None)),
            2 => Some((b, Precision::Day, None)),
            -1 => Some((a.pred_opt()?, Precision::Day, None)),
            3 => Some((b.succ_opt()?, Precision::Day, None)),
            _ if a != b => Some((a, Precision::Day, Some((b, Precision::Day)))),
            _ => Some((a, Precision::Day, None)),
        };
    }
    if let Some(r) = dt.day_rel {
        return Some((
            today.checked_add_signed(ChronoDuration::days(r))?,
            Precision::Day,
            None,
        ));
    }
    if let Some(a) = dt.anaphor {
        if a == 100 {
            // 같은 날: the day named just before
            return Some((
                ctx.last_day.or(ctx.focal).unwrap_or(today),
                Precision::Day,
                None,
            ));
        }
        if a == 101 {
            // 그날: only a day already named; with no antecedent (a heading
            // such as "그날의 기록") it names nothing we can resolve.
            return Some((ctx.last_day.or(ctx.anchor)?, Precision::Day, None));
        }
        if a == 50 {
            // 당일: the day this sentence names, else the focal day
            let d = ctx.anchor.or(ctx.focal).unwrap_or(today);
            return Some((d, Precision::Day, None));
        }
        let base = ctx.focal.unwrap_or(today);
        return Some((
            base.checked_add_signed(ChronoDuration::days(a))?,
            Precision::Day,
            None,
        ));
    }
    // month known?
    let month_year: Option<(i32, u32)> = if let Some(r) = dt.month_rel {
        Some(add_months(today.year(), today.month(), r)?)
    } else if let Some(m) = dt.month {
        if !(1..=12).contains(&m) {
            return None;
        }
        let y = match y_stated {
            Some(y) => y,
            None if dt.dir == 0 && ctx.narr_year.is_some() => ctx.narr_year?,
            None if dt.dir == 0 && dt.day.is_some() && ctx.para_year.is_some() => ctx.para_year?,
            None if dt.day.is_some() => {
                let d = dt.day?;
                let y = today.year();
                let c = [ymd(y - 1, m, d), ymd(y, m, d), ymd(y + 1, m, d)];
                pick(ctx, &c, dt.dir, false)?.year()
            }
            None => pick_month(ctx, m, dt.dir),
        };
        Some((y, m))
    } else {
        None
    };
    // nth weekday / nth week / last day within a month
    if let Some((y, m)) = month_year {
        if let (Some(w), Some(n)) = (dt.weekday, dt.weekday_nth) {
            return Some((nth_weekday(y, m, n, w)?, Precision::Day, None));
        }
        if let Some(n) = dt.week_nth {
            let mon = if n > 0 {
                nth_weekday(y, m, n, 0)?
            } else {
                monday(nth_weekday(y, m, -1, 6)?)
            };
            if let Some(w) = dt.weekday {
                return Some((mon + Days::new(u64::from(w)), Precision::Day, None));
            }
            return match dt.week_part {
                Some(1) => Some((
                    mon,
                    Precision::Day,
                    Some((mon + Days::new(1), Precision::Day)),
                )),
                Some(_) => Some((
                    mon + Days::new(4),
                    Precision::Day,
                    Some((mon + Days::new(6), Precision::Day)),
                )),
                None => Some((mon, Precision::Week, None)),
            };
        }
        if dt.day_last {
            return Some((ymd(y, m, last_day(y, m)?)?, Precision::Day, None));
        }
        if let Some(d) = dt.day {
            return Some((ymd(y, m, d)?, Precision::Day, None));
        }
        if let Some(p) = dt.month_part {
            let ld = last_day(y, m)?;
            let (a, b) = match p {
                1 => (1, 5),
                2 => (11, 20),
                4 => (1, 10),
                5 => (21, ld),
                _ => (25, ld),
            };
            return Some((
                ymd(y, m, a)?,
                Precision::Day,
                Some((ymd(y, m, b)?, Precision::Day)),
            ));
        }
        return Some((ymd(y, m, 1)?, Precision::Month, None));
    }
    if let Some(d) = dt.day {
        // day without a month
        if y_stated.is_none()
            && dt.dir == 0
            && let (Some(y), Some(m)) = (ctx.narr_year, ctx.narr_month)
        {
            return Some((ymd(y, m, d)?, Precision::Day, None));
        }
        let (y, m) = (today.year(), today.month());
        if dt.until && dt.dir == 0 && y_stated.is_none() {
            // "28일까지": a deadline in the reference month, past or not
            if let Some(d0) = ymd(y, m, d) {
                return Some((d0, Precision::Day, None));
            }
        }
        let c: Vec<Option<NaiveDate>> = (-2..=2)
            .map(|k| {
                let (yy, mm) = add_months(y, m, k)?;
                ymd(yy, mm, d)
            })
            .collect();
        return Some((pick(ctx, &c, dt.dir, false)?, Precision::Day, None));
    }
    // weeks and weekdays
    if dt.weekend {
        let base = monday(today) + Days::new(4);
        let fri =
            base.checked_add_signed(ChronoDuration::weeks(i64::from(dt.week_rel.unwrap_or(0))))?;
        return Some((
            fri,
            Precision::Hour,
            Some((fri + Days::new(2), Precision::Hour)),
        ));
    }
    if let Some(w) = dt.weekday {
        let this_week = monday(today) + Days::new(u64::from(w));
        if let Some(r) = dt.week_rel {
            let mut d = this_week.checked_add_signed(ChronoDuration::weeks(i64::from(r)))?;
            if r == 0 && dt.dir == 0 && ctx.policy == Policy::Future && d < today {
                d = d + Days::new(7);
            }
            return Some((d, Precision::Day, None));
        }
        let c = [
            this_week.checked_sub_days(Days::new(7)),
            Some(this_week),
            this_week.checked_add_days(Days::new(7)),
        ];
        // a bare weekday is never today (Duckling; the news table: the last one before)
        let strict = true;
        return Some((pick(ctx, &c, dt.dir, strict)?, Precision::Day, None));
    }
    if let Some(r) = dt.week_rel {
        let d = monday(today).checked_add_signed(ChronoDuration::weeks(i64::from(r)))?;
        return Some((d, Precision::Week, None));
    }
    // quarters, halves, years
    let y = y_stated;
    if let Some(r) = dt.quarter_rel {
        let q0 = (today.month() - 1) / 3;
        let (yy, mm) = add_months(today.year(), q0 * 3 + 1, r.checked_mul(3)?)?;
        return Some((ymd(yy, mm, 1)?, Precision::Quarter, None));
    }
    if let Some(q) = dt.quarter {
        let yy = y.or(ctx.sent_year).unwrap_or(today.year());
        return Some((ymd(yy, (q - 1) * 3 + 1, 1)?, Precision::Quarter, None));
    }
    if let Some(h) = dt.half {
        let m0 = if h == 1 { 1 } else { 7 };
        let yy = y.or(ctx.sent_year).unwrap_or_else(|| {
            let this = ymd(today.year(), m0, 1);
            if ctx.forward() || this.is_some_and(|t| t <= today) {
                if ctx.forward() && this.is_some_and(|t| t.month() + 5 < today.month()) {
                    today.year() + 1
                } else {
                    today.year()
                }
            } else {
                today.year() - 1
            }
        });
        return Some((
            ymd(yy, m0, 1)?,
            Precision::Quarter,
            Some((ymd(yy, m0 + 3, 1)?, Precision::Quarter)),
        ));
    }
    if let Some(p @ (4 | 5)) = dt.year_part {
        let m = if p == 4 { 1 } else { 12 };
        let yy = y.or(ctx.sent_year).unwrap_or_else(|| {
            if m == 12 && !ctx.forward() && today.month() < 12 {
                today.year() - 1
            } else if m == 1 && ctx.forward() && today.month() > 1 && ctx.policy == Policy::Future {
                today.year() + 1
            } else {
                today.year()
            }
        });
        return Some((ymd(yy, m, 1)?, Precision::Month, None));
    }
    if let Some(p) = dt.year_part {
        let yy = y.unwrap_or(today.year());
        let (a, b) = match p {
            1 => (1, 3),
            2 => (4, 9),
            _ => (10, 12),
        };
        return Some((
            ymd(yy, a, 1)?,
            Precision::Month,
            Some((ymd(yy, b, 1)?, Precision::Month)),
        ));
    }
    if let Some(yy) = y {
        return Some((ymd(yy, 1, 1)?, Precision::Year, None));
    }
    None
}

/// 24-hour value of a stated hour under a day part; None when ambiguous.
fn hour24(dt: &Dt) -> (u32, bool) {
    let h = dt.hour.unwrap_or(0);
    match dt.daypart {
        Some(p) => match p.pm {
            Some(true) => {
                if p.night && (h <= 5 || h == 12) {
                    (if h == 12 { 24 } else { h + 24 }, false)
                } else if h < 12 {
                    (h + 12, false)
                } else {
                    (h, false)
                }
            }
            Some(false) => (if h == 12 { 0 } else { h }, false),
            None => (if h <= 6 { h + 12 } else { h }, false),
        },
        None => (h, (1..=12).contains(&h)),
    }
}

fn time_precision(dt: &Dt) -> Precision {
    if dt.second.is_some() {
        Precision::Second
    } else if dt.minute.is_some() {
        Precision::Minute
    } else {
        Precision::Hour
    }
}

fn at(day: NaiveDate, h: u32, dt: &Dt) -> Option<NaiveDateTime> {
    let extra = h / 24;
    let d = day.checked_add_days(Days::new(u64::from(extra)))?;
    let t = NaiveTime::from_hms_opt(h % 24, dt.minute.unwrap_or(0), dt.second.unwrap_or(0))?;
    Some(d.and_time(t))
}

/// Resolves one point expression.
pub(crate) fn resolve_dt(dt: &Dt, ctx: &Ctx) -> Option<Val> {
    let now = ctx.reference;
    if dt.now {
        // In news 지금/이제 are discourse adverbs far more often than times.
        if ctx.policy == Policy::Past {
            return None;
        }
        return Some(Val::I(Instant {
            value: now,
            precision: Precision::Second,
            approximate: dt.approx,
        }));
    }
    let date = resolve_date(dt, ctx);
    if let Some((d, p, Some((e, pe)))) = date {
        let a = mk(ctx, day_start(d), p, dt.approx)?;
        let mut b = mk(ctx, day_start(e), pe, dt.approx)?;
        if dt.weekend {
            b = mk(ctx, day_start(e) + ChronoDuration::hours(23), pe, dt.approx)?;
            let a2 = mk(ctx, day_start(d) + ChronoDuration::hours(18), p, dt.approx)?;
            return Some(Val::R(a2, b));
        }
        return Some(Val::R(a, b));
    }
    if dt.hour.is_some() {
        let (h, ambiguous) = hour24(dt);
        let prec = time_precision(dt);
        if let Some(tz) = dt.tz {
            let day = date.map_or(ctx.today(), |x| x.0);
            let off = FixedOffset::east_opt(tz)?;
            let local = at(day, h, dt)?;
            let v = off
                .from_local_datetime(&local)
                .single()?
                .with_timezone(now.offset());
            let mut v = v;
            if date.is_none() && v < now {
                v += ChronoDuration::days(1);
            }
            return Some(Val::I(Instant {
                value: v,
                precision: Precision::Minute,
                approximate: dt.approx,
            }));
        }
        let inst = |ndt: NaiveDateTime| mk(ctx, ndt, prec, dt.approx);
        if let Some((d, _, _)) = date {
            return Some(Val::I(inst(at(d, h, dt)?)?));
        }
        if let Some(d) = ctx.anchor.or(ctx.last_day).or(ctx.focal) {
            // continue the afternoon of the last clock time on that day
            let h = match ctx.last_clock {
                Some(lc)
                    if ambiguous
                        && lc.date() == d
                        && lc.hour() >= 12
                        && h < 12
                        && h + 12 >= lc.hour() =>
                {
                    h + 12
                }
                _ => h,
            };
            let mut t = at(d, h, dt)?;
            // 오후 11시 50분 … 0시 10분: past midnight into the next day
            if let Some(lc) = ctx.last_clock
                && h < 6
                && ((lc.date() == d && lc.hour() >= 18 && t < lc)
                    || (Some(lc.date()) == d.succ_opt() && lc.hour() < 6))
            {
                t += ChronoDuration::days(1);
            }
            return Some(Val::I(inst(t)?));
        }
        let today = ctx.today();
        let naive_now = now.naive_local();
        let mut cands: Vec<NaiveDateTime> = Vec::with_capacity(6);
        for k in [-1i64, 0, 1] {
            let d = today.checked_add_signed(ChronoDuration::days(k))?;
            cands.push(at(d, h, dt)?);
            if ambiguous && h < 12 {
                cands.push(at(d, h + 12, dt)?);
            }
        }
        let chosen = if ctx.forward() {
            cands.into_iter().filter(|c| *c >= naive_now).min()?
        } else {
            // news: the most recent at or before the reference, on its day if possible
            let mut c: Vec<_> = cands.into_iter().filter(|c| *c <= naive_now).collect();
            if !ambiguous {
                c.retain(|x| x.date() >= today.pred_opt().unwrap_or(today));
            }
            c.into_iter().max()?
        };
        return Some(Val::I(inst(chosen)?));
    }
    if let Some(p) = dt.daypart {
        let day = match date {
            Some((d, _, _)) => Some(d),
            None => ctx.anchor.or(ctx.last_day).or(ctx.focal),
        };
        if ctx.policy == Policy::Past {
            // news convention: a day part without a clock hour is the day itself
            let d = day.unwrap_or(ctx.today());
            return Some(Val::I(mk(ctx, day_start(d), Precision::Day, dt.approx)?));
        }
        let d = day.unwrap_or(ctx.today());
        let minute_level = p.from_min % 60 != 0;
        let prec = if minute_level {
            Precision::Minute
        } else {
            Precision::Hour
        };
        let a = day_start(d) + ChronoDuration::minutes(i64::from(p.from_min));
        let b = day_start(d)
            + ChronoDuration::minutes(i64::from(p.to_min) - if minute_level { 1 } else { 60 });
        return Some(Val::R(
            mk(ctx, a, prec, dt.approx)?,
            mk(ctx, b, prec, dt.approx)?,
        ));
    }
    let (d, p, _) = date?;
    Some(Val::I(mk(ctx, day_start(d), p, dt.approx)?))
}

/// Fills what the second side of a range leaves out from the first side.
fn inherit(a: &Dt, b: &Dt) -> Dt {
    let mut b2 = *b;
    let b_has_date = b.year.is_some()
        || b.year_rel.is_some()
        || b.month.is_some()
        || b.month_rel.is_some()
        || b.day.is_some()
        || b.day_rel.is_some()
        || b.anaphor.is_some()
        || b.weekday.is_some()
        || b.holiday.is_some();
    if !b_has_date {
        b2.year = a.year;
        b2.year_rel = a.year_rel;
        b2.month = a.month;
        b2.month_rel = a.month_rel;
        b2.day = a.day;
        b2.day_rel = a.day_rel;
        b2.anaphor = a.anaphor;
        b2.weekday = a.weekday;
        b2.week_rel = a.week_rel;
        b2.weekday_nth = a.weekday_nth;
        b2.holiday = a.holiday;
        b2.dir = a.dir;
    } else if b.day.is_some() && b.month.is_none() && b.month_rel.is_none() {
        b2.month = a.month;
        b2.month_rel = a.month_rel;
        if b.year.is_none() {
            b2.year = a.year;
            b2.year_rel = a.year_rel;
        }
    } else if b.month.is_some() && b.year.is_none() && b.year_rel.is_none() {
        b2.year = a.year;
        b2.year_rel = a.year_rel;
    }
    if b.daypart.is_none() && b.hour.is_some() && a.hour.is_some() {
        b2.daypart = a.daypart;
        if let (Some(pa), Some(hb)) = (a.daypart, b.hour)
            && pa.pm == Some(false)
            && a.hour.unwrap_or(0) > hb
        {
            // 오전 11시~1시: the end is after noon
            b2.daypart = Some(super::grammar::DayPart {
                pm: Some(true),
                ..pa
            });
        }
    }
    b2
}

fn shift(ctx: &Ctx, secs: f64, unit: Unit) -> Option<Instant> {
    let now = ctx.reference.naive_local();
    let n = (secs / unit.seconds()).round() as i64;
    // Checked: "1억 년 전" and longer digit runs leave the calendar.
    let moved = || now.checked_add_signed(ChronoDuration::try_seconds(secs as i64)?);
    let (v, p) = match unit {
        Unit::Second => (moved()?, Precision::Second),
        // the precision of the stated unit (30분 후: minute)
        Unit::Minute => {
            let t = moved()?;
            (t.with_second(0)?, Precision::Minute)
        }
        Unit::Hour => {
            let t = moved()?;
            // the stated unit, unless the reference's minutes would be lost
            if t.minute() == 0 {
                (t.with_second(0)?, Precision::Hour)
            } else {
                (t.with_second(0)?, Precision::Minute)
            }
        }
        Unit::Day | Unit::Week => {
            let t = moved()?;
            (day_start(t.date()), Precision::Day)
        }
        Unit::Month | Unit::Quarter => {
            let k = if unit == Unit::Quarter {
                n.checked_mul(3)?
            } else {
                n
            };
            let months = Months::new(u32::try_from(k.checked_abs()?).ok()?);
            let d = if k >= 0 {
                now.date().checked_add_months(months)?
            } else {
                now.date().checked_sub_months(months)?
            };
            (day_start(d), Precision::Day)
        }
        Unit::Year => {
            let months = Months::new(u32::try_from(n.checked_mul(12)?.checked_abs()?).ok()?);
            let d = if n >= 0 {
                now.date().checked_add_months(months)?
            } else {
                now.date().checked_sub_months(months)?
            };
            (day_start(d.with_day(1)?), Precision::Month)
        }
    };
    mk(ctx, v, p, false)
}

fn span(ctx: &Ctx, n: i64, unit: Unit) -> Option<(Instant, Instant)> {
    let now = ctx.reference.naive_local();
    let (base, p, step): (NaiveDateTime, Precision, ChronoDuration) = match unit {
        Unit::Second => (now, Precision::Second, ChronoDuration::seconds(1)),
        Unit::Minute => (
            now.with_second(0)?,
            Precision::Minute,
            ChronoDuration::minutes(1),
        ),
        Unit::Hour => (
            now.with_second(0)?.with_minute(0)?,
            Precision::Hour,
            ChronoDuration::hours(1),
        ),
        Unit::Day => (
            day_start(now.date()),
            Precision::Day,
            ChronoDuration::days(1),
        ),
        Unit::Week => (
            day_start(monday(now.date())),
            Precision::Week,
            ChronoDuration::weeks(1),
        ),
        Unit::Month | Unit::Quarter | Unit::Year => {
            let months = match unit {
                Unit::Month => 1,
                Unit::Quarter => 3,
                _ => 12,
            };
            let d = now.date();
            let (y0, m0) = if months == 12 {
                (d.year(), 1)
            } else {
                (d.year(), d.month())
            };
            let p = if months == 12 {
                Precision::Year
            } else {
                Precision::Month
            };
            let far = i32::try_from(n).ok()?.checked_mul(months)?;
            let (a, b) = if n < 0 {
                (add_months(y0, m0, far)?, add_months(y0, m0, -months)?)
            } else {
                (add_months(y0, m0, months)?, add_months(y0, m0, far)?)
            };
            let s = mk(ctx, day_start(ymd(a.0, a.1, 1)?), p, false)?;
            let e = mk(ctx, day_start(ymd(b.0, b.1, 1)?), p, false)?;
            return Some((s, e));
        }
    };
    // Checked: "지난 1억 일" leaves the calendar.
    let far = base.checked_add_signed(step.checked_mul(i32::try_from(n).ok()?)?)?;
    let (a, b) = if n < 0 {
        (far, base.checked_sub_signed(step)?)
    } else {
        (base.checked_add_signed(step)?, far)
    };
    Some((mk(ctx, a, p, false)?, mk(ctx, b, p, false)?))
}

/// Resolves any expression.
pub(crate) fn resolve(expr: &Expr, ctx: &Ctx) -> Option<TemporalValue> {
    match expr {
        Expr::Point(dt) => Some(resolve_dt(dt, ctx)?.into_value()),
        Expr::Range(a, b, kind) => match (a, b, kind) {
            (Some(a), Some(b), _) => {
                let va = resolve_dt(a, ctx)?;
                let b2 = inherit(a, b);
                let mut ctx2 = ctx.clone();
                let start = va.start();
                ctx2.anchor = Some(start.value.date_naive());
                let mut vb = resolve_dt(&b2, &ctx2)?.end();
                if vb.value < start.value {
                    if b2.hour.is_some_and(|h| h < 12) && b2.daypart.is_none() {
                        vb.value += ChronoDuration::hours(12);
                    }
                    // Only a day the end states itself stops the rollover
                    // ("오후 3시부터 오전 6시까지": the next morning), not
                    // one inherited from the start.
                    if vb.value < start.value && !b.has_date_fields() {
                        vb.value += ChronoDuration::days(1);
                    }
                }
                Some(TemporalValue::Interval {
                    from: Some(start),
                    to: Some(vb),
                })
            }
            (Some(a), None, _) => {
                let va = resolve_dt(a, ctx)?;
                Some(TemporalValue::Interval {
                    from: Some(va.start()),
                    to: None,
                })
            }
            (None, Some(b), _) => {
                let vb = resolve_dt(b, ctx)?;
                Some(TemporalValue::Interval {
                    from: None,
                    to: Some(vb.end()),
                })
            }
            _ => None,
        },
        Expr::Shift(secs, unit, open) => {
            let i = shift(ctx, *secs, *unit)?;
            Some(if *open {
                TemporalValue::Interval {
                    from: Some(i),
                    to: None,
                }
            } else {
                TemporalValue::Instant(i)
            })
        }
        Expr::SameDay(secs, unit) => {
            let n = (secs / unit.seconds()).round() as i64;
            let months = match unit {
                Unit::Year => n * 12,
                Unit::Quarter => n * 3,
                Unit::Month => n,
                _ => 0,
            };
            let base = ctx.today();
            let d = if months != 0 {
                if months > 0 {
                    base.checked_add_months(Months::new(u32::try_from(months).ok()?))?
                } else {
                    base.checked_sub_months(Months::new(u32::try_from(-months).ok()?))?
                }
            } else {
                base.checked_add_signed(ChronoDuration::days((secs / 86400.0).round() as i64))?
            };
            Some(TemporalValue::Instant(mk(
                ctx,
                day_start(d),
                Precision::Day,
                false,
            )?))
        }
        Expr::Span(n, unit) => {
            let (a, b) = span(ctx, *n, *unit)?;
            Some(TemporalValue::Interval {
                from: Some(a),
                to: Some(b),
            })
        }
        Expr::Duration(secs, q) => {
            if !secs.is_finite() || *secs < 0.0 || *secs > 1e15 {
                return None;
            }
            Some(TemporalValue::Duration {
                seconds: secs.round() as u64,
                qualifier: *q,
            })
        }
        Expr::Number(v, approximate) => Some(TemporalValue::Number {
            value: *v,
            approximate: *approximate,
        }),
        Expr::Ordinal(n) => Some(TemporalValue::Ordinal(*n)),
    }
}

impl Dt {
    fn has_date_fields(&self) -> bool {
        self.day.is_some()
            || self.day_rel.is_some()
            || self.anaphor.is_some()
            || self.weekday.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lunar_tables_match_known_years() {
        assert_eq!(lunar(Holiday::Chuseok, 2023), ymd(2023, 9, 29));
        assert_eq!(lunar(Holiday::Seollal, 2024), ymd(2024, 2, 10));
        assert_eq!(lunar(Holiday::Seollal, 2013), ymd(2013, 2, 10));
    }
}
