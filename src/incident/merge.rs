//! From mentions to incident records.
//!
//! Mentions are read in document order and routed to draft incidents:
//! - a mention with its own start time joins a draft whose start is
//!   compatible (same day, or a coarser start that contains it: 지난해 →
//!   지난해 10월 → 지난해 10월 15일), else the current draft if it has no start
//!   yet, else opens a new draft (different days stay apart, and so does a
//!   failure that starts after the draft's one had ended; a named period such
//!   as 이번 주말 holds the clock windows inside it);
//! - an undated failure takes the time (and causes) of the dated event
//!   sentence before it ("9일 새벽 4시께 … 현상이 발견됐다. … 모두 멈췄다"),
//!   and 이때 / 이 기간 / 같은 시간 take the window of the sentence before;
//! - a mention without a start joins, in order, the draft of the previous
//!   mention of the same sentence, the article's main incident when the
//!   sentence says 이번, a draft naming the same service, the current draft;
//! - planned downtime (시스템 전환 작업으로 … 중단) is kept apart from failures;
//! - side lists ("케이뱅크 앱 접속 장애 8시간, A·B 등에서 각각 11시간, 18시간
//!   가량") open one draft per item, pairing 각각's items in order;
//! - a full recovery of a service the draft does not hold, after the draft
//!   already recovered, opens a sibling draft that inherits start, cause and
//!   operator (one cause, separate restorations); services the draft holds
//!   that come back after the rest did become such a sibling too, and a part
//!   back before the whole is a partial recovery;
//! - a knock-on failure (이 여파로 …) of several listed companies' services
//!   opens one draft per company.
//!
//! Drafts that end up with no time, duration or cause are dropped, except the
//! article's main incident.

#![allow(clippy::collapsible_if)] // nested conditions read as the rules they state

use std::collections::BTreeSet;

use chrono::Datelike;

use crate::record::{
    Cause, Duration, Event, Impact, Incident, Kind, Precision, Qualifier, TimePoint, TimelineEntry,
};
use crate::temporal::{Instant, TemporalMention, TemporalValue};

use super::Ctx;
use super::cause;
use super::impact;
use super::lexicon::{CAUSAL_MARKERS, IMPACT_COUNTERS};
use super::mention::{self, Mention, Role};
use super::operator::{self, OperatorEvidence};
use super::service::{self, Named};

#[derive(Debug, Default)]
struct Draft {
    planned: bool,
    kind: Option<Kind>,
    services: Vec<Named>,
    operator: Option<OperatorEvidence>,
    start: Option<TimePoint>,
    end: Option<TimePoint>,
    duration: Option<Duration>,
    causes: Vec<Cause>,
    impacts: Vec<Impact>,
    timeline: Vec<TimelineEntry>,
    sentences: BTreeSet<usize>,
    side: bool,
    /// The duration was read from an elapsed-time phrase (D 만에).
    loose_duration: bool,
    /// `kind` was read from a dated failure mention.
    kind_dated: bool,
    /// The services named by the recovery that gave `end`.
    end_services: Vec<String>,
    /// `start` is the time of a cause event (화재가 발생했다).
    start_from_cause: bool,
    /// Per-operator recovery times of a gapped list ("이스타항공이 오후
    /// 8시께, 제주항공이 이튿날 새벽 2시께 복구됐다").
    ends_by_operator: Vec<(String, TimePoint)>,
    /// The start and end of a named multi-day period ("이번 주말") that a
    /// clock window inside it may replace.
    period: Option<(
        chrono::DateTime<chrono::FixedOffset>,
        chrono::DateTime<chrono::FixedOffset>,
    )>,
}

impl Draft {
    /// A record for services of the same failure restored at `end` on their
    /// own: one cause, start and operator, a separate restoration.
    fn sibling(&self, end: TimePoint) -> Draft {
        Draft {
            planned: self.planned,
            kind: self.kind,
            operator: self.operator.clone(),
            start: self.start.clone(),
            causes: self.causes.clone(),
            end: Some(end),
            ..Default::default()
        }
    }
}

/// The time window of a sentence, for an anaphoric "이때", "이 기간" in the
/// next one.
struct Antecedent {
    start: TimePoint,
    end: Option<TimePoint>,
    duration: Option<Duration>,
    /// The window is for maintenance or a migration (점검, 작업, 전환).
    planned: bool,
    /// Causes stated in the window's sentence.
    causes: Vec<Cause>,
}

/// Sentence openings that refer to the time window just told.
const ANAPHORIC_TIMES: &[&str] = &[
    "이때",
    "이 때",
    "이 기간",
    "이 시간",
    "그동안",
    "그 동안",
    "같은 시간",
    "이 시각",
];

/// Words of planned work in a window's sentence (not 이전, which is also
/// "before": 이전 버전으로 되돌려).
const PLANNED_WORK: &[&str] = &["점검", "작업", "전환", "갈아타", "교체", "개편", "증설"];

/// The window a sentence states: its first interval, else its first instant
/// of hour precision, with a stated length (동안) if any.
fn window_of(
    ctx: &Ctx<'_>,
    sent: usize,
    planned_mention: bool,
    causes: &[cause::Found],
) -> Option<Antecedent> {
    let times: Vec<&TemporalMention> = ctx.times_in(sent).collect();
    let tm = times
        .iter()
        .find(|t| matches!(t.value, TemporalValue::Interval { .. }))
        .or_else(|| {
            times.iter().find(|t| {
                matches!(&t.value, TemporalValue::Instant(i) if i.precision >= Precision::Hour)
                    && !mention::is_status_time(ctx, t)
            })
        })?;
    let (start, end) = points(tm);
    let duration = times
        .iter()
        .filter(|t| {
            ctx.body[t.span.end..].trim_start().starts_with("동안") || t.text.ends_with("동안")
        })
        .find_map(|t| duration_of(ctx, t));
    let stext = &ctx.body[ctx.sentences[sent].clone()];
    Some(Antecedent {
        start: start?,
        end,
        duration,
        planned: planned_mention || PLANNED_WORK.iter().any(|w| stext.contains(w)),
        causes: causes.iter().map(|f| f.cause.clone()).collect(),
    })
}

fn point(i: &Instant, text: &str, span: std::ops::Range<usize>) -> TimePoint {
    TimePoint {
        value: i.value,
        precision: i.precision,
        approximate: i.approximate,
        text: text.to_string(),
        span: Some([span.start, span.end]),
    }
}

/// Start and end points of a temporal mention.
fn points(tm: &TemporalMention) -> (Option<TimePoint>, Option<TimePoint>) {
    match &tm.value {
        TemporalValue::Instant(i) => (Some(point(i, &tm.text, tm.span.clone())), None),
        TemporalValue::Interval { from, to } => {
            let (a, b) = match tm.text.find("부터") {
                Some(p) => {
                    let a = tm.text[..p].trim_end();
                    let rest = &tm.text[p + "부터".len()..];
                    let off = tm.text.len() - rest.len() + (rest.len() - rest.trim_start().len());
                    let b = rest.trim().trim_end_matches("까지");
                    (
                        (a.to_string(), tm.span.start..tm.span.start + a.len()),
                        (
                            b.to_string(),
                            tm.span.start + off..tm.span.start + off + b.len(),
                        ),
                    )
                }
                None => (
                    (tm.text.clone(), tm.span.clone()),
                    (tm.text.clone(), tm.span.clone()),
                ),
            };
            (
                from.as_ref().map(|i| point(i, &a.0, a.1.clone())),
                to.as_ref().map(|i| point(i, &b.0, b.1.clone())),
            )
        }
        _ => (None, None),
    }
}

/// Do two start times name the same moment at the coarser of their precisions?
fn compatible(a: &TimePoint, b: &TimePoint) -> bool {
    let p = a.precision.min(b.precision);
    let (x, y) = (a.value, b.value);
    match p {
        Precision::Year => x.year() == y.year(),
        Precision::Quarter | Precision::Month => x.year() == y.year() && x.month() == y.month(),
        // "지난주 … 마비 사태" and "지난 17일 … 멈췄던": the day lies in the week.
        Precision::Week => x.iso_week() == y.iso_week(),
        _ => x.date_naive() == y.date_naive(),
    }
}

/// Mentions stop adding services to a draft that already names this many
/// (real incidents name a dozen at most): each addition is checked against
/// every name, so an unbounded list makes merging quadratic.
const MAX_MERGED_SERVICES: usize = 64;

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// The name without a trailing channel word ("모바일 신분증 홈페이지" →
/// "모바일 신분증"), for telling whether two names are one service.
fn core_name(s: &str) -> String {
    let mut n = norm(s);
    for suffix in [
        "서비스",
        "홈페이지",
        "웹사이트",
        "사이트",
        "애플리케이션",
        "앱",
        "시스템",
    ] {
        if n.len() > suffix.len() + 3
            && let Some(x) = n.strip_suffix(suffix)
        {
            n = x.to_string();
        }
    }
    n
}

fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (core_name(a), core_name(b));
    a.chars().count() >= 2 && b.chars().count() >= 2 && (a.contains(&b) || b.contains(&a))
}

fn duration_of(ctx: &Ctx<'_>, tm: &TemporalMention) -> Option<Duration> {
    match tm.value {
        TemporalValue::Duration {
            seconds,
            mut qualifier,
        } => {
            let text = tm.text.trim_end_matches("동안").trim_end();
            // "만 12시간 넘겨서": the bound may follow the expression.
            let after = ctx.body[tm.span.end..].trim_start();
            if qualifier == Qualifier::Exact
                && ["넘게", "넘겨", "넘긴", "이상", "넘는"]
                    .iter()
                    .any(|w| after.starts_with(w))
            {
                qualifier = Qualifier::AtLeast;
            }
            Some(Duration {
                text: text.to_string(),
                seconds,
                qualifier,
                stated: true,
                span: Some([tm.span.start, tm.span.start + text.len()]),
            })
        }
        _ => None,
    }
}

/// Builds the incidents of an article.
pub(crate) fn build(ctx: &Ctx<'_>) -> Vec<Incident> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut focus: [Option<usize>; 2] = [None, None];
    let mut pending: Vec<(String, Cause)> = Vec::new();
    // The time and causes of the last dated event sentence (see event_time).
    let mut event: Option<(TimePoint, Vec<Cause>)> = None;
    let mut last_window: Option<(usize, Antecedent)> = None;
    for sent in 0..ctx.sentences.len() {
        let mentions = mention::detect(ctx, sent);
        let causes = cause::causes(ctx, sent);
        let impacts = impact::impacts(ctx, sent, !mentions.is_empty());
        let stext = &ctx.body[ctx.sentences[sent].clone()];
        // A dated event told without a failure word ("9일 새벽 4시께 파일이
        // 암호화되는 현상이 발견됐다", "오후 6시께 두 번째 공격이 들어왔다")
        // dates the undated failure of the next sentence that has one.
        if mentions.is_empty() {
            if let Some(t) = event_time(ctx, sent, !causes.is_empty()) {
                event = Some((t, causes.iter().map(|f| f.cause.clone()).collect()));
            } else if ctx.times_in(sent).any(|t| {
                matches!(
                    t.value,
                    TemporalValue::Instant(_) | TemporalValue::Interval { .. }
                )
            }) {
                event = None;
            }
        }
        let anaphor = ANAPHORIC_TIMES.iter().any(|a| stext.starts_with(a));
        let antecedent = if anaphor && sent > 0 {
            last_window
                .take()
                .filter(|(s, _)| *s + 1 == sent)
                .map(|x| x.1)
        } else {
            None
        };
        let planned_here = mentions.iter().any(|m| m.planned) || stext.contains("오는");
        last_window = window_of(ctx, sent, planned_here, &causes).map(|a| (sent, a));
        let inherited = if mentions.is_empty() {
            None
        } else {
            event.take()
        };
        // "오전 9시께에는 접속 대기 인원이 한때 12만 명에 달했다": a dated
        // count during the failure just told is an update of it.
        let counted = !impacts.is_empty()
            || ctx
                .times_in(sent)
                .any(|t| matches!(t.value, TemporalValue::Number { .. }));
        if mentions.is_empty()
            && counted
            && let Some(f) = focus[0]
        {
            let d = &drafts[f];
            let during = |v: chrono::DateTime<chrono::FixedOffset>| {
                d.start.as_ref().is_some_and(|s| {
                    s.precision >= Precision::Hour
                        && s.value <= v
                        && d.end.as_ref().is_none_or(|e| v <= e.value)
                })
            };
            let at = ctx.times_in(sent).find_map(|t| match &t.value {
                TemporalValue::Instant(i) if i.precision >= Precision::Hour && during(i.value) => {
                    points(t).0.map(|p| (p, t.span.start))
                }
                _ => None,
            });
            if let Some((p, from)) = at {
                let text = sentence_rest(ctx, sent, from);
                push_timeline(&mut drafts[f], p, Event::Update, text);
            }
        }
        if mentions.is_empty() {
            // Damage counted after the failure was told ("취소된 주문은 2만여
            // 건에 이른다"): the incident being told.
            // "카카오에 접수된 피해 신고는 …": the named operator's record.
            let orgs = if impacts.is_empty() && causes.is_empty() {
                Vec::new()
            } else {
                operator::orgs_in(ctx, sent)
            };
            let named = orgs.iter().find_map(|(name, _)| {
                drafts
                    .iter()
                    .rposition(|d| d.operator.as_ref().is_some_and(|o| &o.name == name))
            });
            let target = named.or(focus[0]).or(main_index(&drafts));
            attach_impacts(impacts, &mut drafts, |_| target);
            // "네이버도 화재 여파를 비켜 가지 못했다": a cause said of an
            // operator with no record yet waits for that operator's record.
            if let Some((name, _)) = orgs.iter().find(|(_, subject)| *subject)
                && !drafts
                    .iter()
                    .any(|d| d.operator.as_ref().is_some_and(|o| &o.name == name))
            {
                pending.extend(causes.iter().map(|f| (name.clone(), f.cause.clone())));
            }
            // "카드 결제가 … 현상이 약 15분간 이어졌다": how long the failure
            // just told lasted, said of its symptoms.
            if let Some(f) = focus[0]
                && drafts[f].duration.is_none()
                && drafts[f].end.is_none()
                && drafts[f].start.is_some()
            {
                let lasting = ctx.times_in(sent).find_map(|t| {
                    let after = ctx.body[t.span.end..].trim_start();
                    let ok = ["이어졌", "지속됐", "계속됐"]
                        .iter()
                        .any(|v| after.starts_with(v));
                    ok.then(|| duration_of(ctx, t)).flatten()
                });
                if let Some(d) = lasting {
                    drafts[f].duration = Some(d);
                    drafts[f].sentences.insert(sent);
                }
            }
            // "점심시간 30분 동안 … 화면만 떠 있었다": a length that is exactly
            // the span of the record just told restates it.
            if let Some(f) = focus[0]
                && drafts[f].duration.is_none()
                && let (Some(s0), Some(e0)) = (drafts[f].start.clone(), drafts[f].end.clone())
                && s0.precision >= Precision::Minute
                && e0.precision >= Precision::Minute
            {
                let span = (e0.value - s0.value).num_seconds();
                let same = ctx.times_in(sent).find_map(|t| {
                    let d = duration_of(ctx, t)?;
                    (d.qualifier == Qualifier::Exact && d.seconds as i64 == span).then_some(d)
                });
                if let Some(d) = same {
                    drafts[f].duration = Some(d);
                    drafts[f].sentences.insert(sent);
                }
            }
            // A sentence stating a cause of "this" incident.
            let this = stext.contains("이번") || stext.contains("이 화재");
            let causal = CAUSAL_MARKERS.iter().any(|c| stext.contains(c));
            if !causes.is_empty() && (this || causal) {
                // "이번에도 … 공격으로": this time again, i.e. the failure
                // just told, not the article's first.
                let again = stext.contains("이번에도") || stext.contains("이번에는");
                let target = if this && !again {
                    main_index(&drafts)
                } else {
                    focus[0].or(main_index(&drafts))
                }
                .or_else(|| {
                    // Only side records so far ("각각" lists): the last one.
                    (stext.contains("모두") && !drafts.is_empty()).then(|| drafts.len() - 1)
                });
                if let Some(t) = target {
                    // "세 증권사 모두 … 과부하를 원인으로 꼽았다": the cause of
                    // every failure told of that day.
                    let all = stext.contains("모두");
                    let mut targets = vec![t];
                    // "세 회사 모두": the last three failures told.
                    if let Some(n) = cause::all_of(ctx, sent) {
                        targets.extend(
                            (0..drafts.len())
                                .rev()
                                .filter(|&i| i != t && !drafts[i].planned)
                                .take(n - 1),
                        );
                    }
                    if all && let Some(day) = drafts[t].start.clone() {
                        targets.extend((0..drafts.len()).filter(|&i| {
                            i != t
                                && !drafts[i].planned
                                && drafts[i]
                                    .start
                                    .as_ref()
                                    .is_some_and(|s| s.value.date_naive() == day.value.date_naive())
                        }));
                    }
                    targets.sort_unstable();
                    targets.dedup();
                    for i in targets {
                        let planned = drafts[i].planned;
                        for f in causes.iter().filter(|f| !f.planned_only || planned) {
                            add_cause(&mut drafts[i], f.cause.clone());
                        }
                        drafts[i].sentences.insert(sent);
                    }
                }
            }
            continue;
        }
        let consumed = side_list(ctx, sent, &mentions, &mut drafts);
        let mentions: Vec<Mention> = mentions
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !consumed.contains(k))
            .map(|(_, m)| m)
            .collect();
        if mentions.is_empty() {
            continue;
        }
        let mut assigned: Vec<usize> = Vec::new();
        // Time expressions some mention took (the rest may be updates).
        let mut used: Vec<usize> = Vec::new();
        let mut prev_in_sent: [Option<usize>; 2] = [None, None];
        for m in &mentions {
            let svcs = if object_is_operation(ctx, m) {
                Vec::new()
            } else {
                service::services(ctx, m)
            };
            let op = if m.role == Role::CauseEvent {
                None
            } else {
                operator::operator(ctx, m, &svcs)
            };
            let tm = match m.role {
                Role::Recovery { .. } => {
                    mention::governing_time(ctx, m, false).or_else(|| mention::cleft_time(ctx, m))
                }
                _ => mention::governing_time(ctx, m, !m.predicative)
                    .or_else(|| mention::following_time(ctx, m)),
            };
            // "나이스는 2017년 3월에도 … 느려진 적이 있다": an experiential
            // past failure is a side record dated anywhere in its sentence.
            let experiential = matches!(m.role, Role::Outage(_)) && mention::experiential(ctx, m);
            let tm = if experiential && tm.is_none() {
                mention::dated_before(ctx, m)
            } else {
                tm
            };
            // Downtime announced for a coming date ("오는 14일 0시부터 …
            // 중단한다") is planned.
            let announced = matches!(m.role, Role::Outage(_))
                && tm.is_some_and(|t| t.text.trim_start().starts_with("오는"));
            // "이때는 … 발급만 멈춘다": the window of the sentence before.
            let window = match (m.role, tm) {
                (Role::Outage(_), None) if anaphor => antecedent.as_ref(),
                _ => None,
            };
            let m = &Mention {
                planned: m.planned || announced || window.is_some_and(|w| w.planned),
                ..m.clone()
            };
            let class = m.planned as usize;
            if let Some(t) = tm {
                used.push(t.span.start);
            }
            let status = tm.is_some_and(|t| mention::is_status_time(ctx, t));
            let (start_t, interval_end) = match (m.role, tm) {
                (Role::Outage(_) | Role::CauseEvent, Some(t)) if !status => points(t),
                _ if window.is_some() => {
                    window.map_or((None, None), |w| (Some(w.start.clone()), w.end.clone()))
                }
                (Role::Outage(_), None) if !m.planned => {
                    (inherited.as_ref().map(|e| e.0.clone()), None)
                }
                _ => (None, None),
            };
            let mut target = route(
                ctx,
                m,
                class,
                start_t.as_ref(),
                &svcs,
                op.as_ref(),
                &drafts,
                focus,
                prev_in_sent,
            );
            // "앞서 케이뱅크는 앱 접속 장애가 8시간 동안 이어졌고": another
            // operator's undated failure with its own duration is a side mention.
            if start_t.is_none()
                && let (Some(t), Some(o)) = (target, op.as_ref())
                && drafts[t]
                    .operator
                    .as_ref()
                    .is_some_and(|d| d.name != o.name && d.strength >= 2)
                && !svcs.iter().any(|s| {
                    drafts[t]
                        .services
                        .iter()
                        .any(|x| names_match(&x.name, &s.name))
                })
                && duration_follows(ctx, m)
                && !matches!(m.role, Role::Recovery { .. })
            {
                let mut dr = Draft {
                    side: true,
                    ..Default::default()
                };
                // "케이뱅크는 앱 접속 장애가": the channel named next to the trigger.
                if let Some(c) = generic_channel(ctx, m) {
                    dr.services.push(Named {
                        name: format!("{} {c}", o.name),
                        span: m.span.clone(),
                    });
                }
                drafts.push(dr);
                target = Some(drafts.len() - 1);
            }
            // (A record this sentence already opened is that past event.)
            if let (true, Some(t)) = (experiential, target)
                && prev_in_sent[class] == Some(t)
            {
                drafts[t].side = true;
            } else if experiential {
                drafts.push(Draft {
                    side: true,
                    ..Default::default()
                });
                target = Some(drafts.len() - 1);
            }
            // "AWS 복구 뒤 …": an undated recovery belongs to a record
            // already open (its operator's, else the current one).
            if target.is_none() && tm.is_none() && matches!(m.role, Role::Recovery { .. }) {
                target = op
                    .as_ref()
                    .and_then(|o| {
                        (0..drafts.len()).rev().find(|&i| {
                            drafts[i]
                                .operator
                                .as_ref()
                                .is_some_and(|x| x.name == o.name)
                        })
                    })
                    .or(prev_in_sent[class])
                    .or(focus[class]);
            }
            let idx = match target {
                Some(i) => i,
                None => {
                    let mut dr = Draft {
                        planned: m.planned,
                        ..Default::default()
                    };
                    // Another operator's services stopped by the same event
                    // (one fire, several operators): a sibling that shares
                    // the current incident's start and cause.
                    if start_t.is_none()
                        && let Some(f) = focus[class]
                    {
                        dr.start = drafts[f].start.clone();
                        dr.causes = drafts[f].causes.clone();
                    }
                    drafts.push(dr);
                    drafts.len() - 1
                }
            };
            let mut idx = idx;
            // Recovery.
            if let Role::Recovery { partial, work } = m.role {
                if let Some(t) = tm {
                    let (p, _) = points(t);
                    if let Some(p) = p {
                        let clause =
                            mention::clause_text(ctx, m.tok, ctx.sent_tokens(sent)).to_string();
                        // "17일 오전 카카오는 \"주요 기능은 복구됐지만 …\"이라고
                        // 공지했다": the date is the saying's, outside the quote.
                        let trig = ctx.tokens[m.tok].span.start;
                        let quoted = t.span.end <= trig
                            && ctx.body[t.span.end..trig].contains(['"', '“', '”']);
                        if work || quoted || (status && !partial) {
                            push_timeline(
                                &mut drafts[idx],
                                p,
                                Event::Update,
                                clause_span(ctx, m, t),
                            );
                        } else if partial {
                            // Every time of a "T1 A를, T2 B를 복구했고" list.
                            let mut list = times_in_clause(ctx, m);
                            if list.is_empty() {
                                // The governing time sits before a means
                                // clause ("10일 오후에는 백업 서버를 이용해").
                                list.push(t);
                            }
                            for t2 in list {
                                if let (Some(p2), _) = points(t2) {
                                    push_timeline(
                                        &mut drafts[idx],
                                        p2,
                                        Event::PartialRecovery,
                                        clause_span(ctx, m, t2),
                                    );
                                }
                            }
                        } else {
                            let d = &drafts[idx];
                            let disjoint = !svcs.is_empty()
                                && !svcs.iter().any(|s| {
                                    d.services.iter().any(|x| names_match(&x.name, &s.name))
                                });
                            // The draft's services this recovery names.
                            let named: Vec<usize> = (0..d.services.len())
                                .filter(|&k| {
                                    svcs.iter()
                                        .any(|s| names_match(&d.services[k].name, &s.name))
                                })
                                .collect();
                            let later_part = d.end.as_ref().is_some_and(|e| {
                                p.value > e.value
                                    && !named.is_empty()
                                    && named.len() < d.services.len()
                                    && !svcs.iter().any(|s| {
                                        d.end_services.iter().any(|x| names_match(x, &s.name))
                                    })
                            });
                            match &d.end {
                                // "다음 메일은 19일 오후에야 열렸고" before the
                                // whole came back on the 20th: a part back.
                                Some(e) if p.value < e.value && !svcs.is_empty() => {
                                    let span = clause_span(ctx, m, t);
                                    push_timeline(
                                        &mut drafts[idx],
                                        p,
                                        Event::PartialRecovery,
                                        span,
                                    );
                                }
                                // "금융 서비스 전체는 28일 … 정상 가동", then
                                // "우편 접수와 배송 조회는 29일 … 정상화": the
                                // services restored later are their own record.
                                Some(_) if later_part => {
                                    // Remove from the back so indices stay valid.
                                    let mut moved: Vec<Named> = named
                                        .iter()
                                        .rev()
                                        .map(|&k| drafts[idx].services.remove(k))
                                        .collect();
                                    moved.reverse();
                                    let sib = Draft {
                                        end_services: moved
                                            .iter()
                                            .map(|x| x.name.clone())
                                            .collect(),
                                        services: moved,
                                        ..drafts[idx].sibling(p)
                                    };
                                    drafts.push(sib);
                                    idx = drafts.len() - 1;
                                }
                                Some(e) if e.value != p.value && disjoint => {
                                    let sib = d.sibling(p);
                                    drafts.push(sib);
                                    idx = drafts.len() - 1;
                                }
                                Some(_) => {}
                                None => {
                                    if d.start.as_ref().is_none_or(|s| s.value <= p.value) {
                                        drafts[idx].end = Some(p);
                                        drafts[idx].end_services =
                                            svcs.iter().map(|x| x.name.clone()).collect();
                                        drafts[idx].ends_by_operator = gapped_ends(ctx, m);
                                    }
                                }
                            }
                            let _ = clause;
                        }
                    }
                }
            }
            let d = &mut drafts[idx];
            d.sentences.insert(sent);
            // The first dated failure tells the kind better than an undated
            // summary ("MTS가 잇따라 멈칫했다" then "9시 5분께부터 로그인이 안 됐다").
            if let Role::Outage(kind) = m.role
                && (d.kind.is_none() || (start_t.is_some() && !d.kind_dated))
            {
                d.kind = Some(kind);
                d.kind_dated = start_t.is_some();
            }
            if let Some(t) = tm
                && status
                && !matches!(m.role, Role::Recovery { partial: true, .. })
                // "현재 멈췄던 기지국의 80%가 복구됐다": the relative clause
                // names what is being restored, it reports no state.
                && !ctx.words[m.word].adnominal
            {
                if let (Some(p), _) = points(t) {
                    push_timeline(d, p, Event::Update, clause_span(ctx, m, t));
                }
            }
            if let (Some(e), None, Role::Outage(_)) = (&inherited, tm, m.role)
                && !m.planned
            {
                for c in &e.1 {
                    add_cause(d, c.clone());
                }
            }
            // A named period ("이번 주말") gives way to the clock window
            // inside it ("오는 14일 0시부터 오전 6시까지").
            let narrowed = match (&d.period, &start_t) {
                (Some((a, b)), Some(s)) => *a <= s.value && s.value <= *b,
                _ => false,
            };
            if narrowed {
                d.period = None;
                d.start = None;
                d.end = None;
            }
            if let (Some(s), Some(e), Some(t)) = (&start_t, &interval_end, tm)
                && d.start.is_none()
                && (e.value - s.value).num_hours() >= 24
                && !t.text.chars().any(|c| c.is_ascii_digit())
            {
                d.period = Some((s.value, e.value));
            }
            if let Some(s) = start_t {
                let cause_event = m.role == Role::CauseEvent;
                match &d.start {
                    None => {
                        d.start = Some(s);
                        d.start_from_cause = cause_event;
                    }
                    Some(old) if compatible(old, &s) && s.precision > old.precision => {
                        d.start = Some(s);
                        d.start_from_cause = cause_event;
                    }
                    // "불이 나면서 시작됐다 … 장애는 오후 3시 27분께부터
                    // 본격화했다": the failure's own clock time, later the
                    // same day, is its start rather than the fire's.
                    Some(old)
                        if d.start_from_cause
                            && !cause_event
                            && tm.is_some()
                            && s.precision >= Precision::Minute
                            && s.value > old.value
                            && s.value.date_naive() == old.value.date_naive() =>
                    {
                        d.start = Some(s);
                        d.start_from_cause = false;
                    }
                    _ => {}
                }
            }
            if let Some(e) = interval_end {
                d.end = Some(e);
            }
            if let Some(w) = window {
                if d.duration.is_none() {
                    d.duration = w.duration.clone();
                }
                for c in &w.causes {
                    add_cause(d, c.clone());
                }
            }
            let adds_services = match m.role {
                Role::Outage(_) => true,
                Role::Recovery { .. } => tm.is_some() || duration_follows(ctx, m),
                Role::CauseEvent => false,
            };
            if adds_services {
                for s in svcs {
                    if d.services.len() >= MAX_MERGED_SERVICES {
                        break;
                    }
                    let key = norm(&s.name);
                    if !d.services.iter().any(|x| norm(&x.name) == key) {
                        d.services.push(s);
                    }
                }
            }
            if let Some(op) = op
                && d.operator.as_ref().is_none_or(|o| op.strength > o.strength)
            {
                d.operator = Some(op);
            }
            if !drafts[idx].side {
                focus[class] = Some(idx);
            }
            prev_in_sent[class] = Some(idx);
            assigned.push(idx);
        }
        // Durations.
        for tm in ctx.times_in(sent) {
            let Some(dur) = duration_of(ctx, tm) else {
                continue;
            };
            if let Some(k) = duration_target(ctx, tm, &mentions) {
                let d = &mut drafts[assigned[k]];
                if d.duration.is_none() {
                    d.duration = Some(dur);
                }
            } else if let Some(k) = elapsed_target(ctx, tm, &mentions) {
                // "이틀여 만에 다시 돌아갔다", "장애가 시작된 지 127시간 33분
                // 만이다": the time it took until recovery. A finer statement
                // replaces a coarser one ("닷새 만에" → "127시간 33분 만").
                let d = &mut drafts[assigned[k]];
                match &d.duration {
                    None => {
                        d.loose_duration = true;
                        d.duration = Some(dur);
                    }
                    Some(old)
                        if d.loose_duration
                            && dur.seconds % 86_400 != 0
                            && old.seconds % 86_400 == 0 =>
                    {
                        d.duration = Some(dur);
                    }
                    _ => {}
                }
            }
        }
        // "…먼저 돌아왔지만, 오후 3시 현재 일부 이용자는 여전히 … 볼 수
        // 없는 상태다": an as-of time no trigger took is an update of the
        // record told just before it.
        for tm in ctx.times_in(sent) {
            // "18일 오후 3시 브리핑에서 \"… 작업 중\"이라고 밝혔고": work in
            // progress said at a time is an update too.
            let clause = ctx.body[tm.span.end..ctx.sentences[sent].end]
                .split(',')
                .next()
                .unwrap_or("");
            let in_progress = clause.contains("작업 중") || clause.contains("복구 중");
            if used.contains(&tm.span.start) || !(mention::is_status_time(ctx, tm) || in_progress) {
                continue;
            }
            let Some(k) = mentions
                .iter()
                .rposition(|m| ctx.tokens[m.tok].span.end <= tm.span.start)
                .or_else(|| {
                    mentions
                        .iter()
                        .position(|m| ctx.tokens[m.tok].span.start >= tm.span.end)
                        .filter(|_| in_progress)
                })
            else {
                continue;
            };
            if let (Some(p), _) = points(tm) {
                let d = &mut drafts[assigned[k]];
                if d.start.as_ref().is_some_and(|s| s.value <= p.value) {
                    let text = sentence_rest(ctx, sent, tm.span.start);
                    push_timeline(d, p, Event::Update, text);
                }
            }
        }
        // Causes: to the mention at or after the cue, else the nearest before.
        for f in causes {
            let k = mentions
                .iter()
                .position(|m| ctx.tokens[m.tok].span.start >= f.at)
                .or(Some(mentions.len() - 1));
            if let Some(k) = k
                && (!f.planned_only || drafts[assigned[k]].planned)
            {
                add_cause(&mut drafts[assigned[k]], f.cause);
            }
        }
        // Impacts: to the nearest mention before the count, else after.
        attach_impacts(impacts, &mut drafts, |at| {
            let k = mentions
                .iter()
                .rposition(|m| ctx.tokens[m.tok].span.start < at)
                .unwrap_or(0);
            Some(assigned[k])
        });
    }
    for d in &mut drafts {
        if d.causes.is_empty()
            && let Some(op) = d.operator.as_ref().map(|o| o.name.clone())
        {
            for (_, c) in pending.iter().filter(|(n, _)| *n == op) {
                add_cause(d, c.clone());
            }
        }
    }
    finalize(ctx, drafts)
}

/// Adds the impacts of a sentence to the drafts `target` picks by position
/// (counts listed with 각각 over several operators are paired later, when
/// the record is split by operator).
fn attach_impacts(
    impacts: Vec<(usize, Impact)>,
    drafts: &mut [Draft],
    target: impl Fn(usize) -> Option<usize>,
) {
    for (at, imp) in impacts {
        let Some(t) = target(at) else { continue };
        let d = &mut drafts[t];
        if !d
            .impacts
            .iter()
            .any(|i| i.count == imp.count && i.what == imp.what)
        {
            d.impacts.push(imp);
        }
    }
}

/// The clock time of an event sentence without failure words: an instant of
/// hour precision or finer, not an as-of time (현재, 기준), in a sentence that
/// states a cause or ends in a verb of occurrence or discovery.
fn event_time(ctx: &Ctx<'_>, sent: usize, has_cause: bool) -> Option<TimePoint> {
    let stext = ctx.body[ctx.sentences[sent].clone()].trim_end();
    let occurred = [
        "발견됐다",
        "발견되었다",
        "났다",
        "발생했다",
        "일어났다",
        "들어왔다",
    ]
    .iter()
    .any(|v| stext.trim_end_matches('.').ends_with(v));
    if !(has_cause || occurred) {
        return None;
    }
    let mut times = ctx.times_in(sent).filter(|t| {
        matches!(
            t.value,
            TemporalValue::Instant(_) | TemporalValue::Interval { .. }
        )
    });
    let tm = times.next()?;
    if times.next().is_some() || mention::is_status_time(ctx, tm) {
        return None;
    }
    let after = ctx.body[tm.span.end..].trim_start();
    if after.starts_with("기준") {
        return None;
    }
    let (p, _) = points(tm);
    p.filter(|p| p.precision >= Precision::Hour)
}

/// Whether draft `d` had already ended before `t`: a failure that starts
/// after the previous one was over is another incident, even on the same day
/// ("새벽 3시께 20분간 끊겼다가 되살아났다 … 오후 6시께 다시 먹통").
fn ended_before(d: &Draft, t: &TimePoint) -> bool {
    if t.precision < Precision::Hour {
        return false;
    }
    let end = d.end.as_ref().map(|e| e.value).or_else(|| {
        let s = d
            .start
            .as_ref()
            .filter(|s| s.precision >= Precision::Hour)?;
        let dur = d.duration.as_ref()?;
        Some(s.value + chrono::Duration::seconds(dur.seconds as i64))
    });
    end.is_some_and(|e| t.value > e + chrono::Duration::hours(1))
}

fn add_cause(d: &mut Draft, c: Cause) {
    if !d.causes.iter().any(|x| x.category == c.category) {
        d.causes.push(c);
    }
}

fn main_index(drafts: &[Draft]) -> Option<usize> {
    drafts.iter().position(|d| !d.planned && !d.side)
}

/// The generic channel word compounded before a trigger ("앱 접속 장애" → 앱).
fn generic_channel(ctx: &Ctx<'_>, m: &Mention) -> Option<String> {
    let mut k = m.word;
    let mut parts = Vec::new();
    while k > 0 && parts.len() < 3 {
        let w = &ctx.words[k - 1];
        if !w.nominal || !w.particle.is_empty() || w.sent != m.sent {
            break;
        }
        parts.push(w.stem(ctx.body).to_string());
        k -= 1;
    }
    parts.reverse();
    while parts
        .last()
        .is_some_and(|p| ["접속", "이용", "작동", "로그인"].contains(&p.as_str()))
    {
        parts.pop();
    }
    let c = parts.join(" ");
    [
        "앱",
        "모바일 앱",
        "애플리케이션",
        "홈페이지",
        "인터넷뱅킹",
        "모바일뱅킹",
    ]
    .contains(&c.as_str())
    .then_some(c)
}

/// "홍보 부스도 운영을 중단했다": closing a venue, not a service failure.
fn object_is_operation(ctx: &Ctx<'_>, m: &Mention) -> bool {
    m.word > 0 && ctx.words[m.word - 1].text(ctx.body).starts_with("운영을")
}

fn duration_follows(ctx: &Ctx<'_>, m: &Mention) -> bool {
    ctx.times_in(m.sent).any(|t| {
        matches!(t.value, TemporalValue::Duration { .. })
            && t.span.start >= ctx.tokens[m.tok].span.end
            && t.span.start <= ctx.tokens[m.tok].span.end + 24
    })
}

#[allow(clippy::too_many_arguments)]
fn route(
    ctx: &Ctx<'_>,
    m: &Mention,
    class: usize,
    start: Option<&TimePoint>,
    svcs: &[Named],
    op: Option<&OperatorEvidence>,
    drafts: &[Draft],
    focus: [Option<usize>; 2],
    prev_in_sent: [Option<usize>; 2],
) -> Option<usize> {
    // A named operator that differs from the draft's own is another incident
    // even on the same day (one fire, several operators' services).
    let other_operator = |i: usize| match (op, &drafts[i].operator) {
        (Some(a), Some(b)) => {
            // Maintenance notices list several operators' windows, each
            // bank the subject of its own sentence ("하나은행도 … 멈춘다").
            let floor = if class == 1 { 1 } else { 2 };
            // A dated failure of named services of another company ("네이버는
            // 15일 오후 쇼핑 검색과 블로그 … 오류") is its own even when the
            // company is only the topic.
            let own = if start.is_some() && !svcs.is_empty() {
                1
            } else {
                floor
            };
            a.strength >= own
                && b.strength >= floor
                && a.name != b.name
                && !svcs.iter().any(|s| {
                    drafts[i]
                        .services
                        .iter()
                        .any(|x| names_match(&x.name, &s.name))
                })
        }
        _ => false,
    };
    let same_class =
        |i: usize| drafts[i].planned == (class == 1) && !drafts[i].side && !other_operator(i);
    // A named period ("이번 주말") holds the clock windows inside it.
    let compatible = |s: &TimePoint, t: &TimePoint, i: usize| {
        (compatible(s, t) && !ended_before(&drafts[i], t))
            || drafts[i]
                .period
                .is_some_and(|(a, b)| a <= t.value && t.value <= b)
    };
    if let Some(t) = start {
        let fits = |i: usize| {
            drafts[i]
                .start
                .as_ref()
                .is_some_and(|s| compatible(s, t, i))
        };
        // The sentence's previous mention, then the focus, then the latest
        // draft of the same class whose start is compatible.
        if let Some(i) = [prev_in_sent[class], focus[class]]
            .into_iter()
            .flatten()
            .find(|&i| fits(i) && !other_operator(i))
        {
            return Some(i);
        }
        if let Some(i) = (0..drafts.len()).rev().find(|&i| same_class(i) && fits(i)) {
            return Some(i);
        }
        if let Some(f) = focus[class]
            && drafts[f].start.is_none()
            && !other_operator(f)
        {
            return Some(f);
        }
        return None;
    }
    if let Some(p) = prev_in_sent[class]
        && !other_operator(p)
    {
        return Some(p);
    }
    let stext = &ctx.body[ctx.sentences[m.sent].clone()];
    if class == 0
        && (stext.contains("이번") || stext.starts_with("이날"))
        && let Some(main) = main_index(drafts)
    {
        return Some(main);
    }
    let matching: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].planned == (class == 1))
        .filter(|&i| {
            svcs.iter().any(|s| {
                drafts[i]
                    .services
                    .iter()
                    .any(|x| names_match(&x.name, &s.name))
            })
        })
        .collect();
    if let Some(f) = focus[class]
        && matching.contains(&f)
    {
        return Some(f);
    }
    if let Some(&i) = matching.last() {
        return Some(i);
    }
    focus[class].filter(|&f| !other_operator(f))
}

fn push_timeline(d: &mut Draft, at: TimePoint, event: Event, (text, span): (String, [usize; 2])) {
    // An update is the weakest statement about an instant: a partial
    // recovery said at the same "현재" replaces it.
    let same = |e: &TimelineEntry| e.at.as_ref().is_some_and(|a| a.value == at.value);
    if d.timeline
        .iter()
        .any(|e| same(e) && (e.event == event || event == Event::Update))
    {
        return;
    }
    d.timeline
        .retain(|e| !(same(e) && e.event == Event::Update));
    d.timeline.push(TimelineEntry {
        at: Some(at),
        event,
        text,
        span: Some(span),
    });
}

/// The text from byte `from` to the end of sentence `sent`, without the
/// final punctuation.
fn sentence_rest(ctx: &Ctx<'_>, sent: usize, from: usize) -> (String, [usize; 2]) {
    let end = ctx.sentences[sent].end;
    let text = ctx.body[from..end]
        .trim_end()
        .trim_end_matches(['.', ',', ' ']);
    (text.to_string(), [from, from + text.len()])
}

/// The clause from a time expression to the end of the trigger's clause.
fn clause_span(ctx: &Ctx<'_>, m: &Mention, tm: &TemporalMention) -> (String, [usize; 2]) {
    let toks = ctx.sent_tokens(m.sent);
    let mut b = m.tok;
    while b + 1 < toks.end && !mention::is_boundary(ctx, b) {
        b += 1;
    }
    let end = ctx.tokens[b].span.end;
    let text = ctx.body[tm.span.start..end].trim_end_matches(['.', ',', ' ']);
    (
        text.to_string(),
        [tm.span.start, tm.span.start + text.len()],
    )
}

/// Times of the trigger's clause before it.
fn times_in_clause<'a>(ctx: &'a Ctx<'_>, m: &Mention) -> Vec<&'a TemporalMention> {
    let toks = ctx.sent_tokens(m.sent);
    let mut a = m.tok;
    while a > toks.start && !mention::is_boundary(ctx, a - 1) {
        a -= 1;
    }
    let from = ctx.tokens[a].span.start;
    let to = ctx.tokens[m.tok].span.start;
    ctx.times_in(m.sent)
        .filter(|t| {
            t.span.start >= from && t.span.end <= to && matches!(t.value, TemporalValue::Instant(_))
        })
        .collect()
}

/// "장애는 이날 오전 8시 19분부터 9시 43분까지 84분 동안 이어졌다": only
/// time expressions stand between word `from` and byte `to`.
fn only_times_between(ctx: &Ctx<'_>, from: usize, to: usize) -> bool {
    let mut k = from;
    while k < ctx.words.len() && ctx.words[k].span.start < to {
        if !ctx.in_time(&ctx.words[k].span) {
            return false;
        }
        k += 1;
    }
    true
}

/// "D 만에 정상화됐다" / "…시작된 지 D 만이다": the mention whose incident
/// took D until it recovered (the recovery after, or the failure before).
fn elapsed_target(ctx: &Ctx<'_>, tm: &TemporalMention, mentions: &[Mention]) -> Option<usize> {
    let after = ctx.body[tm.span.end..].trim_start();
    // The temporal stage may keep 만 inside the expression ("닷새 만").
    let after = if tm.text.trim_end().ends_with('만') {
        format!("만{after}")
    } else {
        after.to_string()
    };
    let after = after.as_str();
    if after.starts_with("만이다") || after.starts_with("만이었다") {
        // "시작된 지 D 만이다", "장애 발생 D 만이다".
        let before = ctx.body[..tm.span.start].trim_end();
        if !before.ends_with('지') && !before.ends_with("발생") {
            return None;
        }
        return mentions
            .iter()
            .rposition(|m| ctx.tokens[m.tok].span.end <= tm.span.start);
    }
    let rest = after.strip_prefix("만에")?;
    let window: String = rest.split(' ').take(4).collect::<Vec<_>>().join(" ");
    if !["정상화", "복구", "돌아", "재개", "마무리", "되살아", "정상"]
        .iter()
        .any(|w| window.contains(w))
    {
        return None;
    }
    mentions
        .iter()
        .position(|m| ctx.tokens[m.tok].span.start >= tm.span.end)
        .or_else(|| {
            mentions
                .iter()
                .rposition(|m| ctx.tokens[m.tok].span.end <= tm.span.start)
        })
}

/// Which mention of the sentence a stated duration belongs to.
fn duration_target(ctx: &Ctx<'_>, tm: &TemporalMention, mentions: &[Mention]) -> Option<usize> {
    let text = tm.text.trim();
    // "30분 안에 알려야": a deadline, not how long something lasted;
    // "이 시간 접수되지 못한": the demonstrative, not two hours; "하루
    // 종일": all day long, not a measured length.
    let after_text = ctx.body[tm.span.end..].trim_start();
    if text.starts_with("이 ")
        || after_text.starts_with("종일")
        || text.starts_with('수')
        || text.starts_with('몇')
        || text.ends_with('만')
        || text.ends_with("안에")
        || text.ends_with("이내")
        || text.ends_with("이내에")
        // "사흘째 돌아가지 않고 있다": how long so far, not how long it lasted.
        || text.ends_with('째')
    {
        return None;
    }
    let after = ctx.body[tm.span.end..].trim_start();
    // "서비스가 끊긴 시간만 18시간에 이른다": the length of the failure
    // told in the relative clause on 시간.
    let before = ctx.body[..tm.span.start].trim_end();
    if ["시간만", "시간은", "시간이", "시간도"]
        .iter()
        .any(|h| before.ends_with(h))
        && [
            "에 이르",
            "에 이른",
            "에 이렀",
            "에 달",
            "이다",
            "였다",
            "이었다",
        ]
        .iter()
        .any(|v| after.starts_with(v))
    {
        return mentions
            .iter()
            .rposition(|m| ctx.tokens[m.tok].span.end <= tm.span.start)
            .filter(|&k| matches!(mentions[k].role, Role::Outage(_)));
    }
    if [
        "씩",
        "새",
        "사이",
        "만에",
        "만인",
        "후",
        "뒤",
        "전",
        "내",
        "째",
        "마다",
        "이내에",
        "안에",
        "안으로",
        "연속",
    ]
    .iter()
    .any(|x| after.starts_with(x))
    {
        return None;
    }
    // "최근 일주일 동안": a window of time, not a length.
    let before = ctx.body[..tm.span.start].trim_end();
    if before.ends_with("최근") || before.ends_with("지난") {
        return None;
    }
    // "하루를 통째로", "하루에만": a case-marked length is not how long it lasted.
    if ["를", "을", "에", "의", "은", "는"]
        .iter()
        .any(|p| after.starts_with(p))
    {
        return None;
    }
    let next_words: String = after.split(' ').take(2).collect::<Vec<_>>().join(" ");
    if ["걸리", "걸렸", "소요", "지나서", "지난 뒤"]
        .iter()
        .any(|w| next_words.contains(w))
    {
        return mentions
            .iter()
            .rposition(|m| ctx.tokens[m.tok].span.start < tm.span.start)
            .or_else(|| {
                mentions
                    .iter()
                    .position(|m| ctx.tokens[m.tok].span.start > tm.span.end)
            });
    }
    // "장애가 8시간 동안 이어졌고": the mention just before, when a verb of
    // lasting follows.
    let lasting = ["이어", "지속", "계속", "멈", "중단", "마비", "먹통", "불통"]
        .iter()
        .any(|v| after.starts_with(v));
    if lasting
        && let Some(k) = mentions
            .iter()
            .rposition(|m| ctx.tokens[m.tok].span.end <= tm.span.start)
        && (ctx.words[mentions[k].word].span.end + 12 >= tm.span.start
            || only_times_between(ctx, mentions[k].word + 1, tm.span.start))
        && matches!(mentions[k].role, Role::Outage(_))
    {
        return Some(k);
    }
    // The next mention, with no clause boundary in between.
    let k = mentions
        .iter()
        .position(|m| ctx.tokens[m.tok].span.start >= tm.span.end)?;
    let m = &mentions[k];
    let w_from = ctx.words.partition_point(|w| w.span.end <= tm.span.end);
    for wi in w_from..m.word {
        let w = &ctx.words[wi];
        // "이뤄지지 않는": -지 before a negation is one predicate.
        let negated = w.text(ctx.body).ends_with('지')
            && ctx.words.get(wi + 1).is_some_and(|n| {
                let x = n.text(ctx.body);
                x.starts_with('않') || x.starts_with('못')
            });
        if w.span.start >= tm.span.end
            && w.connective
            && !w.nominal
            && !negated
            && w.text(ctx.body).chars().count() > 1
        {
            return None;
        }
    }
    if !matches!(m.role, Role::Outage(_)) {
        return None;
    }
    // "출발편 43편이 최대 1시간 넘게 지연됐다": a length before the delay of
    // counted items (or a maximum / average of them) says how late they ran,
    // not how long the failure lasted.
    let trig = ctx.tokens[m.tok].surface(ctx.body);
    let delay = trig == "지연" || trig.starts_with('늦');
    let sent_start = ctx.sentences[m.sent].start;
    let before_len = ctx.body[sent_start..tm.span.start].trim_end();
    let spread = ["최대", "평균", "최장"]
        .iter()
        .any(|c| before_len.ends_with(c));
    let counted = before_len.split(' ').any(|w| {
        let w = w.trim_end_matches(['이', '가']);
        let digits = w.chars().take_while(|c| c.is_ascii_digit()).count();
        digits > 0
            && IMPACT_COUNTERS
                .iter()
                .any(|c| w[digits..].trim_start_matches('여') == *c)
    });
    if delay && (spread || counted) {
        return None;
    }
    Some(k)
}

/// Side lists: "케이뱅크 앱 접속 장애 8시간, A, B 등에서 각각 11시간, 18시간
/// 가량의 … 마비되는": one draft per item. Returns whether the sentence was one.
fn side_list(
    ctx: &Ctx<'_>,
    sent: usize,
    mentions: &[Mention],
    drafts: &mut Vec<Draft>,
) -> Vec<usize> {
    let durs: Vec<&TemporalMention> = ctx
        .times_in(sent)
        .filter(|t| matches!(t.value, TemporalValue::Duration { .. }))
        .collect();
    let mut made = each_times(ctx, sent, mentions, drafts);
    if made.is_empty() {
        made = knock_on(ctx, sent, mentions, drafts);
    }
    if durs.is_empty() || !made.is_empty() {
        return made;
    }
    // "NP 장애 8시간,": a duration right after the trigger word, not 동안.
    for (mi, m) in mentions.iter().enumerate() {
        let Some(next) = ctx.words.get(m.word + 1) else {
            continue;
        };
        if next.sent != sent {
            continue;
        }
        if let Some(d) = durs.iter().find(|d| d.span.start == next.span.start) {
            let after = ctx.body[d.span.end..].trim_start();
            if after.starts_with("동안")
                || after.starts_with("간")
                || !next.text(ctx.body).ends_with(',')
            {
                continue;
            }
            let svcs = service::services(ctx, m);
            let op = operator::operator(ctx, m, &svcs);
            let mut dr = Draft {
                side: true,
                kind: Some(Kind::Outage),
                ..Default::default()
            };
            dr.services = svcs;
            dr.operator = op;
            dr.duration = duration_of(ctx, d);
            dr.sentences.insert(sent);
            drafts.push(dr);
            made.push(mi);
        }
    }
    // "A, B 등에서 (올해) 각각 D1, D2 … 트리거".
    let Some(gak) = ctx
        .sent_words(sent)
        .find(|&i| ctx.words[i].text(ctx.body) == "각각")
    else {
        return made;
    };
    let gak_end = ctx.words[gak].span.end;
    let list: Vec<&&TemporalMention> = durs.iter().filter(|d| d.span.start >= gak_end).collect();
    let mi_after = mentions.iter().position(|m| {
        list.last()
            .is_some_and(|d| ctx.tokens[m.tok].span.start > d.span.end)
    });
    // "두 증권사의 지연은 각각 30분, 15분가량": the records just listed.
    let n = list.len();
    if n >= 2
        && drafts.len() >= n
        && drafts[drafts.len() - n..]
            .iter()
            .all(|d| d.side && d.start.is_some() && d.duration.is_none())
    {
        let recent = drafts.len() - n;
        let about = list
            .last()
            .and_then(|d| duration_of(ctx, d))
            .is_some_and(|d| d.qualifier == Qualifier::About);
        for (d, t) in drafts[recent..].iter_mut().zip(list.iter()) {
            let mut dur = duration_of(ctx, t);
            if let Some(x) = dur.as_mut()
                && about
            {
                x.qualifier = Qualifier::About;
            }
            d.duration = dur;
            d.sentences.insert(sent);
        }
        // The sentence's mentions are about those records.
        made.extend(0..mentions.len());
        return made;
    }
    let Some(mi) = mi_after else {
        return made;
    };
    let m = &mentions[mi];
    // The list of organisations before 각각 (skipping times and the subject).
    let mut items = Vec::new();
    let mut j = gak;
    let mut steps = 0;
    while j > 0 && ctx.words[j - 1].sent == sent && steps < 8 {
        let cand = service::list_items(ctx, j - 1);
        if cand.len() == list.len() && cand.iter().all(|c| operator::org_name(c).is_some()) {
            items = cand;
            break;
        }
        j -= 1;
        steps += 1;
    }
    if items.is_empty() {
        return made;
    }
    made.push(mi);
    let svcs = service::services(ctx, m);
    let kind = match m.role {
        Role::Outage(k) => k,
        _ => Kind::Outage,
    };
    // "A와 B 앱은 이날 오전 각각 20분, 10분가량 느려졌다": the day before 각각.
    let day = ctx
        .times_in(sent)
        .filter(|t| t.span.end <= ctx.words[gak].span.start)
        .filter(|t| matches!(&t.value, TemporalValue::Instant(i) if i.precision >= Precision::Day))
        .last()
        .and_then(|t| points(t).0);
    let about = list
        .last()
        .and_then(|d| duration_of(ctx, d))
        .is_some_and(|d| d.qualifier == Qualifier::About);
    for (item, d) in items.iter().zip(list.iter()) {
        let mut dur = duration_of(ctx, d);
        if let Some(x) = dur.as_mut()
            && about
        {
            x.qualifier = Qualifier::About;
        }
        let op = operator::org_name(item);
        let mut dr = Draft {
            side: true,
            kind: Some(kind),
            start: day.clone(),
            ..Default::default()
        };
        // Names already distributed over the list ("토스뱅크와 토스증권 앱"
        // → 토스뱅크 앱, 토스증권 앱) are taken as they are.
        let own: Vec<Named> = svcs
            .iter()
            .filter(|s| s.name.starts_with(item.as_str()))
            .cloned()
            .collect();
        dr.services = if own.is_empty() {
            svcs.iter()
                .map(|s| Named {
                    name: format!("{item} {}", s.name),
                    span: s.span.clone(),
                })
                .collect()
        } else {
            own
        };
        if dr.services.is_empty() {
            dr.services.push(Named {
                name: item.clone(),
                span: d.span.clone(),
            });
        }
        dr.operator = op.map(|name| OperatorEvidence { name, strength: 3 });
        dr.duration = dur;
        dr.sentences.insert(sent);
        drafts.push(dr);
    }
    made
}

/// "시스템은 이스타항공이 오후 8시께, 제주항공이 이튿날 새벽 2시께
/// 복구됐다": subject–time pairs sharing one recovery verb.
fn gapped_ends(ctx: &Ctx<'_>, m: &Mention) -> Vec<(String, TimePoint)> {
    let trig = ctx.tokens[m.tok].span.start;
    let mut out: Vec<(String, TimePoint)> = Vec::new();
    for k in ctx.sent_words(m.sent) {
        let w = &ctx.words[k];
        if w.span.end > trig {
            break;
        }
        if !matches!(w.particle.as_str(), "이" | "가") {
            continue;
        }
        let Some(org) = operator::org_name(w.stem(ctx.body)) else {
            continue;
        };
        let Some(next) = ctx.words.get(k + 1) else {
            continue;
        };
        let Some(tm) = ctx.times_in(m.sent).find(|t| {
            t.span.start == next.span.start && matches!(t.value, TemporalValue::Instant(_))
        }) else {
            continue;
        };
        if let (Some(p), _) = points(tm)
            && !out.iter().any(|(o, _)| *o == org)
        {
            out.push((org, p));
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// Sentence openings that tell a consequence of the failure just told.
const CONSEQUENCE_OPENINGS: &[&str] = &[
    "이 여파로",
    "그 여파로",
    "이 영향으로",
    "그 영향으로",
    "이로 인해",
    "이 때문에",
];

/// "이 여파로 A와 B에서는 낮 12시 5분께부터 카드 결제가 실패했다": a
/// knock-on failure of several listed services of other operators, each its
/// own record with the stated start (a later "각각 40분, 25분" pairs with
/// them in order).
fn knock_on(
    ctx: &Ctx<'_>,
    sent: usize,
    mentions: &[Mention],
    drafts: &mut Vec<Draft>,
) -> Vec<usize> {
    let stext = &ctx.body[ctx.sentences[sent].clone()];
    let Some(opening) = CONSEQUENCE_OPENINGS.iter().find(|o| stext.starts_with(*o)) else {
        return Vec::new();
    };
    // Another company's failure rippling into these services: a third party.
    let at = ctx.sentences[sent].start;
    let ripple = Cause {
        category: crate::record::CauseCategory::ThirdParty,
        text: opening.to_string(),
        span: Some([at, at + opening.len()]),
    };
    let Some((mi, m, tm)) = mentions.iter().enumerate().find_map(|(k, m)| {
        if !matches!(m.role, Role::Outage(_)) {
            return None;
        }
        let tm = mention::governing_time(ctx, m, false)?;
        matches!(tm.value, TemporalValue::Instant(_)).then_some((k, m, tm))
    }) else {
        return Vec::new();
    };
    let operator_of = |item: &str| {
        operator::from_services(&[Named {
            name: item.to_string(),
            span: 0..0,
        }])
    };
    let mut items = Vec::new();
    for w in ctx.sent_words(sent) {
        if ctx.words[w].span.end > tm.span.start {
            break;
        }
        let cand = service::list_items(ctx, w);
        if cand.len() >= 2 && cand.iter().all(|c| operator_of(c).is_some()) {
            items = cand;
        }
    }
    let ops: Vec<String> = items
        .iter()
        .filter_map(|c| operator_of(c).map(|o| o.name))
        .collect();
    if items.is_empty() || (1..ops.len()).all(|k| ops[k] == ops[0]) {
        return Vec::new();
    }
    let kind = match m.role {
        Role::Outage(k) => k,
        _ => Kind::Outage,
    };
    // The listed names themselves are the items, not functions of each.
    let svcs: Vec<Named> = service::services(ctx, m)
        .into_iter()
        .filter(|s| !items.iter().any(|it| names_match(&s.name, it)))
        .collect();
    for item in &items {
        let mut dr = Draft {
            side: true,
            kind: Some(kind),
            kind_dated: true,
            start: points(tm).0,
            operator: operator_of(item),
            causes: vec![ripple.clone()],
            ..Default::default()
        };
        dr.services = svcs
            .iter()
            .map(|s| Named {
                name: format!("{item} {}", s.name),
                span: s.span.clone(),
            })
            .collect();
        if dr.services.is_empty() {
            dr.services.push(Named {
                name: item.clone(),
                span: m.span.clone(),
            });
        }
        dr.sentences.insert(sent);
        drafts.push(dr);
    }
    vec![mi]
}

/// One failure of one operator's systems: a record whose services belong to
/// several operators (네이버페이 카드 결제, 카카오페이 카드 결제 after one PG
/// failure) becomes one record per operator, sharing times and causes.
fn split_by_operator(ctx: &Ctx<'_>, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out = Vec::with_capacity(drafts.len());
    for mut d in drafts {
        let mut groups: Vec<(String, Vec<Named>)> = Vec::new();
        let mut rest = Vec::new();
        // Affiliates named after the draft's group (카카오페이, 카카오뱅크 of
        // 카카오) failing together are one group's failure.
        // The group is the shortest name the others extend (카카오 for
        // 카카오페이), whichever of them the draft was given.
        let names: Vec<String> = d
            .services
            .iter()
            .filter_map(|s| operator::from_services(std::slice::from_ref(s)).map(|o| o.name))
            .chain(d.operator.as_ref().map(|o| o.name.clone()))
            .collect();
        let group = names
            .iter()
            .filter(|p| names.iter().any(|n| n != *p && n.starts_with(p.as_str())))
            .min_by_key(|p| p.len())
            .cloned()
            .or_else(|| d.operator.as_ref().map(|o| o.name.clone()));
        if let (Some(g), Some(o)) = (&group, d.operator.as_mut())
            && o.name.starts_with(g.as_str())
        {
            o.name = g.clone();
        }
        for s in std::mem::take(&mut d.services) {
            let owner = operator::from_services(std::slice::from_ref(&s)).map(|o| match &group {
                Some(g) if o.name.starts_with(g.as_str()) => g.clone(),
                _ => o.name,
            });
            match owner {
                Some(o) => match groups.iter_mut().find(|g| g.0 == o) {
                    Some(g) => g.1.push(s),
                    None => groups.push((o, vec![s])),
                },
                None => rest.push(s),
            }
        }
        if groups.len() < 2 {
            d.services = groups.into_iter().flat_map(|g| g.1).chain(rest).collect();
            out.push(d);
            continue;
        }
        // Each record now has its operator; an owner's name distributed over
        // a shared list ("KT와 LG유플러스의 이동통신") is dropped from it.
        for (_, services) in groups.iter_mut() {
            for s in services.iter_mut() {
                if let Some((first, rest)) = s.name.split_once(' ')
                    && operator::org_name(first).is_some()
                    && !rest.is_empty()
                    && !operator::is_service_name(first)
                {
                    s.name = rest.to_string();
                }
            }
        }
        // The draft keeps the group of its own operator (or the first).
        let own = d
            .operator
            .as_ref()
            .and_then(|o| groups.iter().position(|g| g.0 == o.name))
            .unwrap_or(0);
        // Counts listed with 각각, one per operator, in the order named.
        let mut each = impact::each_of(ctx, &mut d.impacts, groups.len());
        let own_each = each.as_mut().map(|e| e.remove(own));
        let mut each = each.map(Vec::into_iter);
        d.impacts.extend(own_each);
        let (own_name, own_services) = groups.remove(own);
        if let Some((_, t)) = d.ends_by_operator.iter().find(|(o, _)| *o == own_name) {
            d.end = Some(t.clone());
        }
        let siblings: Vec<Draft> = groups
            .into_iter()
            .map(|(name, services)| Draft {
                impacts: each.as_mut().and_then(Iterator::next).into_iter().collect(),
                planned: d.planned,
                kind: d.kind,
                services,
                operator: Some(OperatorEvidence {
                    name: name.clone(),
                    strength: 2,
                }),
                start: d.start.clone(),
                end: d
                    .ends_by_operator
                    .iter()
                    .find(|(o, _)| *o == name)
                    .map(|(_, t)| t.clone())
                    .or_else(|| d.end.clone()),
                duration: d.duration.clone(),
                causes: d.causes.clone(),
                timeline: d.timeline.clone(),
                sentences: d.sentences.clone(),
                side: true,
                loose_duration: d.loose_duration,
                kind_dated: d.kind_dated,
                period: d.period,
                end_services: d.end_services.clone(),
                start_from_cause: d.start_from_cause,
                ends_by_operator: Vec::new(),
            })
            .collect();
        d.services = own_services.into_iter().chain(rest).collect();
        if d.operator.is_none() {
            d.operator = Some(OperatorEvidence {
                name: own_name,
                strength: 2,
            });
        }
        out.push(d);
        out.extend(siblings);
    }
    out
}

/// "미래에셋증권 'M-STOCK'과 삼성증권 'mPOP'에서는 각각 오전 10시 10분께, 오전
/// 10시 30분께부터 … 늦어지는": one record per listed item, with its own start.
fn each_times(
    ctx: &Ctx<'_>,
    sent: usize,
    mentions: &[Mention],
    drafts: &mut Vec<Draft>,
) -> Vec<usize> {
    let Some(gak) = ctx
        .sent_words(sent)
        .find(|&i| ctx.words[i].text(ctx.body) == "각각")
    else {
        return Vec::new();
    };
    let gak_end = ctx.words[gak].span.end;
    let Some(mi) = mentions
        .iter()
        .position(|m| ctx.tokens[m.tok].span.start > gak_end)
    else {
        return Vec::new();
    };
    let m = &mentions[mi];
    let times: Vec<&TemporalMention> = ctx
        .times_in(sent)
        .filter(|t| {
            t.span.start >= gak_end
                && t.span.end <= ctx.tokens[m.tok].span.start
                && matches!(t.value, TemporalValue::Instant(_))
        })
        .collect();
    if times.len() < 2 {
        return Vec::new();
    }
    let named = |c: &String| {
        c.split(' ').any(|p| {
            operator::org_name(p).is_some()
                || operator::from_services(&[Named {
                    name: p.to_string(),
                    span: 0..0,
                }])
                .is_some()
        })
    };
    let mut items = Vec::new();
    let mut j = gak;
    while j > 0 && ctx.words[j - 1].sent == sent && gak - j < 8 {
        let cand = service::list_items(ctx, j - 1);
        if cand.len() == times.len() && cand.iter().all(named) {
            items = cand;
            break;
        }
        j -= 1;
    }
    if items.is_empty() {
        return Vec::new();
    }
    let kind = match m.role {
        Role::Outage(k) => k,
        _ => Kind::Outage,
    };
    for (item, t) in items.iter().zip(times) {
        let op = item.split(' ').find_map(operator::org_name);
        let rest: Vec<&str> = item
            .split(' ')
            .filter(|p| operator::org_name(p).is_none())
            .collect();
        let name = if rest.is_empty() {
            item.clone()
        } else {
            rest.join(" ")
        };
        let mut dr = Draft {
            side: true,
            kind: Some(kind),
            start: points(t).0,
            ..Default::default()
        };
        dr.operator = op
            .map(|name| OperatorEvidence { name, strength: 3 })
            .or_else(|| {
                operator::from_services(&[Named {
                    name: name.clone(),
                    span: 0..0,
                }])
            });
        dr.services.push(Named {
            name,
            span: t.span.clone(),
        });
        dr.sentences.insert(sent);
        drafts.push(dr);
    }
    vec![mi]
}

/// One planned window told twice (the lead "정기 점검을 위해 … 멈춘다", then
/// the notice "오는 14일 0시부터 … 중단한다"): the notice without a reason
/// takes the maintenance or migration reason of the same operator's record
/// with a shared service (the lead may not read as planned by itself).
fn share_planned_reason(drafts: &mut [Draft]) {
    use crate::record::CauseCategory as C;
    for i in 0..drafts.len() {
        if !drafts[i].planned || !drafts[i].causes.is_empty() {
            continue;
        }
        let found = (0..drafts.len())
            .filter(|&j| {
                j != i
                    && drafts[j].operator.as_ref().map(|o| &o.name)
                        == drafts[i].operator.as_ref().map(|o| &o.name)
                    && drafts[j].services.iter().any(|a| {
                        drafts[i]
                            .services
                            .iter()
                            .any(|b| names_match(&a.name, &b.name))
                    })
            })
            .find_map(|j| {
                drafts[j]
                    .causes
                    .iter()
                    .find(|c| matches!(c.category, C::PlannedMaintenance | C::SystemMigration))
                    .cloned()
            });
        if let Some(c) = found {
            drafts[i].causes.push(c);
        }
    }
}

fn finalize(ctx: &Ctx<'_>, drafts: Vec<Draft>) -> Vec<Incident> {
    let mut drafts = split_by_operator(ctx, drafts);
    share_planned_reason(&mut drafts);
    let main = main_index(&drafts);
    let main_op = main.and_then(|m| drafts[m].operator.clone());
    let mut out = Vec::new();
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    if let Some(m) = main {
        order.retain(|&i| i != m);
        order.insert(0, m);
    }
    // An operator-less draft takes the operator of the draft opened just
    // before it in the same sentence, else the main incident's.
    let mut ops: Vec<Option<OperatorEvidence>> =
        drafts.iter().map(|d| d.operator.clone()).collect();
    let doc_op = document_operator(ctx).or_else(|| operator::introduced_operator(ctx));
    for i in 0..drafts.len() {
        // The services gathered over the whole record may name the operator
        // (lexicon), or the article states who runs the service.
        if ops[i].is_none() {
            ops[i] = operator::from_services(&drafts[i].services).or_else(|| doc_op.clone());
        }
        if ops[i].is_none() {
            let first = drafts[i].sentences.iter().next().copied();
            let prev = (0..i).rev().find(|&j| {
                first.is_some()
                    && drafts[j].sentences.contains(&first.unwrap_or(0))
                    && ops[j].is_some()
            });
            ops[i] = prev
                .and_then(|j| ops[j].clone())
                .or_else(|| main_op.clone());
        }
    }
    for i in order {
        let d = &drafts[i];
        let start = refine_start(ctx, d);
        let informative =
            d.start.is_some() || d.end.is_some() || d.duration.is_some() || !d.causes.is_empty();
        // An incident is reported with some temporal or causal detail.
        if !informative {
            continue;
        }
        // Nothing says what failed nor whose it was; a dated failure with a
        // stated duration or end still belongs to the article's operator
        // ("1월 3일에도 1시간 넘게 접속이 불안정했다").
        // A bare "세 번째 장애는 4일 오후 5시께부터 5시 40분께까지" with a
        // clock time is one more failure of the article's subject.
        let clocked = d
            .start
            .as_ref()
            .is_some_and(|s| s.precision >= Precision::Hour);
        let dated_detail = d
            .start
            .as_ref()
            .is_some_and(|s| s.precision >= Precision::Day)
            && (d.duration.is_some() || d.end.is_some())
            && (ops[i].is_some() || (clocked && main.is_some_and(|m| m != i)));
        if d.services.is_empty() && d.operator.is_none() && !dated_detail {
            continue;
        }
        let subject;
        let named = if d.services.is_empty() && ops[i].is_none() {
            subject = main.map(|m| drafts[m].services.clone()).unwrap_or_default();
            &subject
        } else {
            &d.services
        };
        // Services: drop a name contained in a longer one.
        let mut services: Vec<String> = Vec::new();
        for s in named {
            let n = norm(&s.name);
            if named.iter().any(|o| {
                let on = norm(&o.name);
                on != n && on.contains(&n)
            }) {
                continue;
            }
            if !services.iter().any(|x| norm(x) == n) {
                services.push(s.name.clone());
            }
        }
        let kind = if d.planned {
            Kind::Planned
        } else {
            d.kind.unwrap_or(Kind::Outage)
        };
        let mut timeline: Vec<TimelineEntry> = d
            .timeline
            .iter()
            .filter(|e| {
                let v = e.at.as_ref().map(|a| a.value);
                // A day-precision start is no clock time: a partial
                // recovery "같은 날 밤" on that day is still news.
                let at_start = d
                    .start
                    .as_ref()
                    .is_some_and(|s| Some(s.value) == v && s.precision > Precision::Day);
                !at_start && v != d.end.as_ref().map(|s| s.value)
            })
            .cloned()
            .collect();
        timeline.sort_by_key(|e| e.at.as_ref().map(|a| a.value));
        let mut warnings = Vec::new();
        // A recovery before the start is impossible: the two come from
        // different stories (or a misread day), so the end is not kept.
        let mut end = d.end.clone();
        if let (Some(s), Some(e)) = (&start, &end)
            && e.value < s.value
        {
            warnings.push(format!(
                "end \"{}\" ({}) is before start \"{}\" ({}); end dropped",
                e.text, e.value, s.text, s.value
            ));
            end = None;
        }
        if let (Some(s), Some(e), Some(dur)) = (&start, &end, &d.duration) {
            if let Some(w) = duration_check(s, e, dur) {
                warnings.push(w);
            }
        }
        let mut causes = d.causes.clone();
        causes.sort_by_key(|c| c.span.map(|s| s[0]));
        out.push(Incident {
            services,
            operator: ops[i]
                .as_ref()
                .filter(|o| !o.name.is_empty())
                .map(|o| o.name.clone()),
            kind,
            start,
            end,
            duration: d.duration.clone(),
            causes,
            impacts: d.impacts.clone(),
            timeline,
            sentences: d
                .sentences
                .iter()
                .map(|&s| [ctx.sentences[s].start, ctx.sentences[s].end])
                .collect(),
            warnings,
        });
    }
    out
}

/// "서비스 운영은 한국조폐공사가 맡고 있다", "서버는 조폐공사가 직접 운영한다":
/// the organisation the article says runs the service.
fn document_operator(ctx: &Ctx<'_>) -> Option<OperatorEvidence> {
    for (k, w) in ctx.words.iter().enumerate() {
        if !matches!(w.particle.as_str(), "가" | "이") {
            continue;
        }
        let Some(name) = operator::org_name(w.stem(ctx.body)) else {
            continue;
        };
        let next: String = ctx.words[k + 1..ctx.words.len().min(k + 3)]
            .iter()
            .map(|x| x.text(ctx.body))
            .collect::<Vec<_>>()
            .join(" ");
        let runs = [
            "운영한",
            "운영하고",
            "운영을 맡",
            "맡고",
            "맡아",
            "직접 운영",
        ]
        .iter()
        .any(|v| next.starts_with(v) || next.contains(&format!(" {v}")));
        if runs && !ctx.words[k + 1..].first().is_some_and(|x| x.adnominal) {
            return Some(OperatorEvidence { name, strength: 1 });
        }
    }
    None
}

/// A day-precision start refined by a finer "…부터" time of the same day in
/// the incident's own sentences ("9일 새벽 … 이날 새벽 2시 10분께부터").
fn refine_start(ctx: &Ctx<'_>, d: &Draft) -> Option<TimePoint> {
    let s = d.start.as_ref()?;
    if s.precision > Precision::Day {
        return Some(s.clone());
    }
    for &si in &d.sentences {
        for tm in ctx.times_in(si) {
            if let TemporalValue::Instant(i) = &tm.value
                && i.precision > s.precision
                && i.value.date_naive() == s.value.date_naive()
                && ctx.body[tm.span.end..].starts_with("부터")
            {
                return Some(point(i, &tm.text, tm.span.clone()));
            }
        }
    }
    Some(s.clone())
}

fn unit_seconds(p: Precision) -> i64 {
    match p {
        Precision::Second => 1,
        Precision::Minute => 60,
        Precision::Hour => 3600,
        Precision::Day => 86_400,
        Precision::Week => 7 * 86_400,
        Precision::Month => 31 * 86_400,
        Precision::Quarter => 92 * 86_400,
        Precision::Year => 366 * 86_400,
    }
}

/// Checks a stated duration against start..end. The slack is one unit of the
/// finer endpoint precision; "about" allows a quarter of the stated length;
/// "at least" / "at most" bound one side only.
pub(crate) fn duration_check(s: &TimePoint, e: &TimePoint, d: &Duration) -> Option<String> {
    let computed = (e.value - s.value).num_seconds();
    let stated = d.seconds as i64;
    let slack = unit_seconds(s.precision.max(e.precision));
    let ok = match d.qualifier {
        Qualifier::Exact => (computed - stated).abs() <= slack,
        Qualifier::About => (computed - stated).abs() <= slack.max(stated / 4),
        Qualifier::AtLeast => computed >= stated - slack,
        Qualifier::AtMost => computed <= stated + slack,
    };
    (!ok).then(|| {
        format!(
            "stated duration \"{}\" ({} s, {:?}) disagrees with start..end ({} s: {} → {})",
            d.text, stated, d.qualifier, computed, s.text, e.text
        )
    })
}
