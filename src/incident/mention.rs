//! Trigger detection on morphemes, with the filters that keep hypotheticals,
//! negations, generic talk and policy passages out, and the attachment of
//! time expressions to triggers by clause structure and proximity.

use std::ops::Range;

use crate::morph::Token;
use crate::record::Kind;
use crate::temporal::{TemporalMention, TemporalValue};

use super::Ctx;
use super::lexicon::*;

/// What a trigger says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Role {
    /// Something failed.
    Outage(Kind),
    /// Something came back; `partial` when only part of it did, `work` when
    /// the words name recovery work in progress (재가동 작업, 복구 상황).
    Recovery { partial: bool, work: bool },
    /// A dated cause event (화재가 발생했다) that starts the failure told next.
    CauseEvent,
}

/// One trigger occurrence that survived the filters.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub tok: usize,
    pub word: usize,
    pub sent: usize,
    pub span: Range<usize>,
    pub role: Role,
    /// States that the failure happened (중단됐다, 장애가 발생) rather than
    /// naming it inside a noun phrase (장애 사태 관련).
    pub predicative: bool,
    /// Planned downtime (시스템 전환 작업으로 … 중단).
    pub planned: bool,
}

fn surf<'a>(ctx: &Ctx<'a>, i: usize) -> &'a str {
    ctx.tokens[i].surface(ctx.body)
}

fn first(t: &Token) -> &str {
    t.pos_first()
}

/// Finds the mentions of one sentence.
/// At most this many mentions are read from one sentence (real sentences have
/// a handful); the rest of a sentence of thousands of triggers is noise, and
/// routing grows with the count.
const MAX_MENTIONS_PER_SENTENCE: usize = 32;

pub(crate) fn detect(ctx: &Ctx<'_>, sent: usize) -> Vec<Mention> {
    let srange = &ctx.sentences[sent];
    let stext = &ctx.body[srange.clone()];
    if GENERIC_SENTENCE_CUES.iter().any(|c| stext.contains(c)) {
        return Vec::new();
    }
    // A law or policy passage reports an incident only where it dates a
    // failure to a day ("이번 법 개정은 지난해 10월 15일 … 멈춘 사고가 계기").
    let policy = POLICY_CUES.iter().any(|c| starts_word(stext, c));
    // Rhetorical questions ("…이어졌을까요?", "…사태 때는?").
    if stext.trim_end().ends_with('?') {
        return Vec::new();
    }
    let toks = ctx.sent_tokens(sent);
    let mut out = Vec::new();
    let mut i = toks.start;
    while i < toks.end && out.len() < MAX_MENTIONS_PER_SENTENCE {
        let t = &ctx.tokens[i];
        let s = surf(ctx, i);
        let prev = if i > toks.start { surf(ctx, i - 1) } else { "" };
        let next = if i + 1 < toks.end {
            surf(ctx, i + 1)
        } else {
            ""
        };
        let mut role = None;
        let mut span = t.span.clone();
        if first(t) == "NNG" || first(t) == "NNP" {
            if let Some(&(_, kind)) = OUTAGE_NOUNS.iter().find(|(w, _)| *w == s) {
                let ok = match s {
                    "불편" => INCONVENIENCE_HEADS.contains(&prev),
                    // "결제 실패", "결제가 실패했다".
                    "실패" => {
                        AVAILABILITY_NOUNS.contains(&prev)
                            || (i >= toks.start + 2
                                && first(&ctx.tokens[i - 1]) == "JKS"
                                && AVAILABILITY_NOUNS.contains(&surf(ctx, i - 2)))
                    }
                    "저하" => matches!(prev, "속도" | "성능"),
                    // "설정을 바꾸는 작업 중 오류가 발생했다": the work went
                    // wrong, which is the cause of the failure told elsewhere.
                    "오류" | "에러" => !during_work(ctx, srange.start, t.span.start),
                    _ => true,
                };
                if ok {
                    let mut kind = kind;
                    // "블로그 일부 기능에 오류가 생겼다": only some functions
                    // failed, the service worked badly.
                    let near = &ctx.body[ctx
                        .body
                        .floor_char_boundary(srange.start.max(t.span.start.saturating_sub(24)))
                        ..t.span.start];
                    if kind == Kind::Outage && near.contains("일부 기능") {
                        kind = Kind::Degradation;
                    }
                    if s == "오류" || s == "에러" {
                        let before = &ctx.body[ctx
                            .body
                            .floor_char_boundary(srange.start.max(t.span.start.saturating_sub(32)))
                            ..t.span.start];
                        let mut before = before.trim_end();
                        // "결제 단계에서 오류", "자동이체 처리 과정에서 오류":
                        // the step of a transaction that went wrong.
                        for step in ["단계에서", "과정에서", "과정 중", "도중"] {
                            if let Some(x) = before.strip_suffix(step) {
                                before = x.trim_end();
                                before = before.strip_suffix("처리").unwrap_or(before).trim_end();
                            }
                        }
                        if ERROR_KIND_HEADS.iter().any(|h| before.ends_with(h)) {
                            kind = Kind::Error;
                        }
                        // "접속 지연과 오류": errors coordinated with a
                        // slowdown are faults of a service that still runs.
                        if i >= toks.start + 2
                            && matches!(prev, "과" | "와" | "·")
                            && OUTAGE_NOUNS
                                .iter()
                                .any(|(w, k)| *k == Kind::Degradation && *w == surf(ctx, i - 2))
                        {
                            kind = Kind::Degradation;
                        }
                    }
                    role = Some(Role::Outage(kind));
                }
            } else if s == "안정" && prev == "불" && i > toks.start {
                // ko-dic splits 불안정 into 불/XPN 안정/NNG.
                role = Some(Role::Outage(Kind::Degradation));
                span = ctx.tokens[i - 1].span.start..t.span.end;
            } else if matches!(s, "원활" | "순조") && smooth_negated(ctx, i, toks.end) {
                // "접속이 원활하지 않았다": service worked, badly.
                role = Some(Role::Outage(Kind::Degradation));
            } else if (s == "원활"
                && (next.starts_with("해졌")
                    || next.starts_with("해지")
                    || next.starts_with("해져")))
                || (s == "안정"
                    && next == "을"
                    && i + 2 < toks.end
                    && surf(ctx, i + 2).starts_with('찾'))
            {
                // "먼저 원활해졌고", "접속이 안정을 찾았고": back to normal.
                role = Some(Role::Recovery {
                    partial: false,
                    work: false,
                });
            } else if s == "수"
                && next.starts_with('있')
                && i + 2 < toks.end
                && surf(ctx, i + 2) == "게"
                && i + 3 < toks.end
                && (surf(ctx, i + 3).starts_with('됐') || surf(ctx, i + 3).starts_with('되'))
                && i > toks.start
                && ctx.tokens[i - 1].has_tag("ETM")
            {
                // "다시 쓸 수 있게 됐다", "메시지를 주고받을 수 있게 됐다":
                // able to use it again.
                role = Some(Role::Recovery {
                    partial: false,
                    work: false,
                });
                span = t.span.start..ctx.tokens[i + 3].span.end;
            } else if s == "가능" && prev == "불" {
                role = Some(Role::Outage(Kind::Outage));
                span = ctx.tokens[i - 1].span.start..t.span.end;
            } else if RECOVERY_NOUNS.contains(&s)
                || (s == "정상" && matches!(next, "화" | "가동" | "운영"))
                || (s == "가동" && prev == "재")
            {
                let end = if s == "정상" {
                    ctx.tokens[i + 1].span.end
                } else {
                    t.span.end
                };
                span = t.span.start..end;
                role = Some(Role::Recovery {
                    partial: false,
                    work: false,
                });
            } else if matches!(s, "화재" | "정전" | "불") && cause_event_follows(ctx, i, toks.end)
            {
                role = Some(Role::CauseEvent);
            } else if (AVAILABILITY_NOUNS.contains(&s) && negated(ctx, i, toks.end, Negation::Any))
                || (USE_NOUNS.contains(&s) && negated(ctx, i, toks.end, Negation::Ability))
            {
                let n = detect_negated_end(ctx, i, toks.end);
                if filtered_hypothetical(ctx, n, toks.clone()) {
                    i += 1;
                    continue;
                }
                out.push(Mention {
                    tok: i,
                    word: ctx.word_of_token(i),
                    sent,
                    span: t.span.clone(),
                    role: Role::Outage(Kind::Outage),
                    predicative: true,
                    planned: false,
                });
                i += 1;
                continue;
            }
        } else if first(t) == "MAG"
            && s == "멈칫"
            && (next.starts_with('하') || next.starts_with('했'))
        {
            // ko-dic reads 멈칫하다 as the adverb 멈칫 + 하다: a brief stall.
            role = Some(Role::Outage(Kind::Degradation));
        } else if first(t) == "VV"
            && (OUTAGE_VERBS.iter().any(|v| s.starts_with(v)) || s.starts_with('멈'))
        {
            // 멈칫하다: a brief stall.
            let kind = if s.starts_with("멈칫") {
                Kind::Degradation
            } else {
                Kind::Outage
            };
            role = Some(Role::Outage(kind));
        } else if matches!(first(t), "VV" | "VA")
            && (s.starts_with("늦어")
                || s.starts_with("느려")
                || (matches!(s, "늦" | "느리") && next.starts_with('어')))
        {
            role = Some(Role::Outage(Kind::Degradation));
        } else if first(t) == "VV"
            && (RECOVERY_VERBS.iter().any(|v| s.starts_with(v))
                || (matches!(s, "열렸" | "열린" | "열려") && {
                    // "접속이 다시 열렸지만", "메일은 정상적으로 열렸고".
                    let before = ctx.body[srange.start..t.span.start].trim_end();
                    before.ends_with("다시") || before.ends_with("정상적으로")
                })
                || (restart_verb(s) && again(ctx, srange.start, t.span.start)))
        {
            role = Some(Role::Recovery {
                partial: false,
                work: false,
            });
        } else if first(t) == "VV"
            && NEGATED_VERBS.iter().any(|v| s.starts_with(v))
            && negated(ctx, i, toks.end, Negation::Any)
        {
            role = Some(Role::Outage(Kind::Outage));
        }
        let Some(mut role) = role else {
            i += 1;
            continue;
        };
        let after_idx = if span.end > t.span.end { i + 2 } else { i + 1 };
        // "프로그램에 오류가 있었다": a defect that caused the failure (a
        // cause), not a failure of its own.
        if matches!(s, "오류" | "결함")
            && after_idx + 1 < toks.end
            && first(&ctx.tokens[after_idx]) == "JKS"
            && surf(ctx, after_idx + 1).starts_with('있')
        {
            i += 1;
            continue;
        }
        let negated_trigger = (first(t) == "VV" && NEGATED_VERBS.iter().any(|v| s.starts_with(v)))
            || matches!(s, "원활" | "순조");
        if negated_trigger {
            let n = detect_negated_end(ctx, i, toks.end);
            if filtered_hypothetical(ctx, n, toks.clone()) {
                i += 1;
                continue;
            }
        } else if filtered(ctx, i, after_idx, toks.clone(), role) {
            i += 1;
            continue;
        }
        // A verb trigger is its own predicate ("이체가 막힌 바 있다").
        let predicative =
            matches!(first(t), "VV" | "VA") || is_predicative(ctx, after_idx, toks.end);
        // "서비스 재개와 함께 … 장애가 시작됐고": the reopening dates what
        // follows; it is not the recovery of a failure.
        if let Role::Recovery { .. } = role {
            let w = &ctx.words[ctx.word_of_token(i)];
            let with = ctx
                .words
                .get(ctx.word_of_token(i) + 1)
                .is_some_and(|n| n.sent == w.sent && n.text(ctx.body) == "함께");
            if with && matches!(w.particle.as_str(), "와" | "과") {
                i += 1;
                continue;
            }
        }
        if let Role::Recovery { .. } = role {
            let mut window = clause_text(ctx, i, toks.clone()).to_string();
            // "정상으로 돌아온 것은 오후 8시 40분쯤이었다": the whole service is back.
            if window.contains("정상으로") || window.contains("전체") {
                window.push_str(" 모든");
            }
            // "접속이 재개됐지만 … 여전히 막혀 있다": back, but not all of it.
            let w = &ctx.words[ctx.word_of_token(i)];
            let rest = &ctx.body[w.span.end..srange.end];
            let concessive = w.text(ctx.body).ends_with("지만")
                && ["여전히", "아직", "않", "못", "없"]
                    .iter()
                    .any(|c| rest.contains(c));
            // "기지국의 80% 가까이가 복구됐다".
            let share = window.contains('%') && !window.contains("100%");
            let partial = concessive
                || ((PARTIAL_CUES.iter().any(|c| window.contains(c)) || share)
                    && !FULL_CUES.iter().any(|c| window.contains(c)));
            let next_noun = if after_idx < toks.end {
                surf(ctx, after_idx)
            } else {
                ""
            };
            // "서버를 다시 띄웠고", "다시 켜는 작업": restarting is work
            // towards recovery, not the service back.
            let work = matches!(
                next_noun,
                "작업" | "작전" | "상황" | "노력" | "과정" | "지원" | "계획" | "방안"
            ) || (restart_verb(s) && again(ctx, srange.start, t.span.start));
            role = Role::Recovery { partial, work };
        }
        let planned = matches!(role, Role::Outage(_))
            && (matches!(s, "중단" | "중지") || s.starts_with("멈"))
            && {
                let before = &ctx.body[srange.start..t.span.start];
                [
                    "작업으로",
                    "점검으로",
                    "점검을 진행",
                    "점검을 위해",
                    "작업을 위해",
                    "정기 점검",
                    "정기점검",
                    "예정된",
                    "계획된",
                ]
                .iter()
                .any(|c| before.contains(c))
                    || {
                        // "… 잠시 멈추고 장비를 점검한다": a stop announced
                        // (not past) together with the check it is for.
                        let w = &ctx.words[ctx.word_of_token(i)];
                        let past = w.toks.clone().any(|k| ctx.tokens[k].has_tag("EP"));
                        let after = &ctx.body[t.span.end..srange.end];
                        !past && (after.contains("점검한다") || after.contains("점검할"))
                    }
                    || announced_stop(ctx, i)
            };
        out.push(Mention {
            tok: i,
            word: ctx.word_of_token(i),
            sent,
            span,
            role,
            predicative,
            planned,
        });
        i += 1;
    }
    if policy {
        out.retain(|m| {
            matches!(m.role, Role::Outage(_))
                && governing_time(ctx, m, false).is_some_and(|t| match &t.value {
                    TemporalValue::Instant(x) => x.precision >= crate::record::Precision::Day,
                    TemporalValue::Interval { from: Some(x), .. } => {
                        x.precision >= crate::record::Precision::Day
                    }
                    _ => false,
                })
        });
    }
    out
}

/// Whether the text before `at` ends with work in progress (작업 중, 점검
/// 도중, 공사 과정에서): an error there is the cause, not the failure.
fn during_work(ctx: &Ctx<'_>, from: usize, at: usize) -> bool {
    let before = ctx.body[from..at].trim_end();
    ["도중", "중", "과정에서", "중에"]
        .iter()
        .filter_map(|s| before.strip_suffix(s))
        .any(|head| WORK_NOUNS.iter().any(|w| head.trim_end().ends_with(w)))
}

/// "서비스를 14시간 동안 멈춘다", "이용이 중단된다고 밝혔다": a stop told
/// in the non-past declarative (ᆫ다/는다, no past 었) is announced ahead,
/// i.e. planned. News tells failures that happened in the past tense.
fn announced_stop(ctx: &Ctx<'_>, i: usize) -> bool {
    let mut wi = ctx.word_of_token(i);
    // "중단을 한다", "중단 된다": the predicate is the next word.
    if ctx.words[wi].nominal
        && ctx
            .words
            .get(wi + 1)
            .is_some_and(|n| n.sent == ctx.words[wi].sent && n.verbal)
    {
        wi += 1;
    }
    let w = &ctx.words[wi];
    let toks = &ctx.tokens[w.toks.clone()];
    !toks.iter().any(|t| t.has_tag("EP")) && toks.iter().any(|t| t.non_past_ending(ctx.body))
}

/// Verbs of starting a machine again (서버를 다시 띄우다 / 켜다).
fn restart_verb(s: &str) -> bool {
    matches!(s, "띄웠" | "띄워" | "띄우" | "켜" | "켰" | "켜고")
}

/// Whether the text before `at` in the sentence ends with 다시.
fn again(ctx: &Ctx<'_>, from: usize, at: usize) -> bool {
    ctx.body[from..at].trim_end().ends_with("다시")
}

/// Which negations after a function noun state a failure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Negation {
    /// "연결되지 않는", "접속이 되지 않았다", "이용할 수 없었다", "접속 불가":
    /// any negation of an availability noun's clause.
    Any,
    /// "이용할 수 없었다", "사용하지 못했다", "처리되지 않았다": a use noun
    /// negated for ability (못, ᆯ 수 없다) or in the passive (되지 않다);
    /// "이용하지 않았다" (chose not to) is no failure.
    Ability,
}

/// Whether the clause after the function noun at token `i` negates it the
/// way `which` asks, looking at most six morphemes ahead and stopping at the
/// clause's end.
fn negated(ctx: &Ctx<'_>, i: usize, end: usize, which: Negation) -> bool {
    let mut j = i + 1;
    let mut n = 0;
    while j < end && n < 6 {
        let t = &ctx.tokens[j];
        let x = surf(ctx, j);
        // 못 as an adverb (못 했다) or fused with the auxiliary (접속하지
        // 못했다: 못했/VX+EP).
        let cannot = x.starts_with('못') && !t.is_nominal();
        let hit = match which {
            Negation::Any => cannot || x.starts_with('않') || x.starts_with('없'),
            Negation::Ability => {
                cannot
                    || (x.starts_with('없') && surf(ctx, j - 1) == "수")
                    || (x.starts_with('않') && j >= i + 3 && surf(ctx, j - 2).starts_with('되'))
            }
        };
        if hit {
            return true;
        }
        // "접속이 안 되고"
        if x == "안" && j + 1 < end && surf(ctx, j + 1).starts_with('되') {
            return true;
        }
        if t.is_nominal() && x != "수" && !(which == Negation::Any && x == "불가") {
            return false;
        }
        if (t.has_tag("EC") && !matches!(x, "지" | "게")) || t.has_tag("EF") || first(t) == "SF" {
            return false;
        }
        j += 1;
        n += 1;
    }
    false
}

/// "원활하지 않았다", "원활하지 못했다": 하 + 지 + a negation right after.
fn smooth_negated(ctx: &Ctx<'_>, i: usize, end: usize) -> bool {
    (i + 1..end.min(i + 5)).any(|j| {
        let x = surf(ctx, j);
        x.starts_with('않') || x.starts_with("못")
    }) && i + 1 < end
        && surf(ctx, i + 1).starts_with('하')
}

fn detect_negated_end(ctx: &Ctx<'_>, i: usize, end: usize) -> usize {
    let mut j = i + 1;
    while j < end
        && !(surf(ctx, j).starts_with('않')
            || surf(ctx, j).starts_with('없')
            || surf(ctx, j).starts_with('못'))
    {
        j += 1;
    }
    (j + 1).min(end)
}

/// Hypothetical or conditional endings right after a negated function
/// ("연결되지 않으면", "접속이 안 될 경우").
fn filtered_hypothetical(ctx: &Ctx<'_>, from: usize, toks: Range<usize>) -> bool {
    let mut j = from;
    let mut n = 0;
    while j < toks.end && n < 4 {
        let x = surf(ctx, j);
        if matches!(x, "면" | "으면" | "경우" | "더라도" | "도록" | "수") || x.ends_with("도록")
        {
            return true;
        }
        if ctx.tokens[j].has_tag("EF") {
            break;
        }
        j += 1;
        n += 1;
    }
    let stext = &ctx.body[ctx.tokens[toks.start].span.start..ctx.tokens[toks.end - 1].span.end];
    POLICY_CUES.iter().any(|c| starts_word(stext, c))
}

fn cause_event_follows(ctx: &Ctx<'_>, i: usize, end: usize) -> bool {
    let mut j = i + 1;
    let mut n = 0;
    let limit = if surf(ctx, i) == "불" { 2 } else { 4 };
    while j < end && n < limit {
        let s = surf(ctx, j);
        if matches!(s, "발생" | "나" | "났" | "일어나" | "일어났") || s.starts_with("발생")
        {
            return true;
        }
        j += 1;
        n += 1;
    }
    false
}

/// Whether `cue` occurs in `text` at the start of a word ("현행 법령상", not
/// "국가법령정보센터").
pub(crate) fn starts_word(text: &str, cue: &str) -> bool {
    text.match_indices(cue).any(|(p, _)| {
        text[..p]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The text of the clause around token `i`: from the previous clause end to
/// the next one.
pub(crate) fn clause_text<'a>(ctx: &Ctx<'a>, i: usize, toks: Range<usize>) -> &'a str {
    let mut a = i;
    while a > toks.start && !is_boundary(ctx, a - 1) {
        a -= 1;
    }
    let mut b = i;
    while b + 1 < toks.end && !is_boundary(ctx, b) {
        b += 1;
    }
    &ctx.body[ctx.tokens[a].span.start..ctx.tokens[b].span.end]
}

/// A clause ends at a connective or final ending of a predicate word (not of
/// a misparsed name), at 따르면-style attributions, and at commas after a
/// predicate.
pub(crate) fn is_boundary(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.tokens[i];
    if !(t.has_tag("EC") || t.has_tag("EF")) {
        return false;
    }
    let w = &ctx.words[ctx.word_of_token(i)];
    !w.nominal && (w.connective || t.has_tag("EF"))
}

fn filtered(ctx: &Ctx<'_>, i: usize, after: usize, toks: Range<usize>, role: Role) -> bool {
    let s = surf(ctx, i);
    // Generic compounds: 장애복구 탄력성, 복구 프로세스, 장애 대응.
    if after < toks.end && GENERIC_AFTER.contains(&surf(ctx, after)) {
        return true;
    }
    if s == "복구" && after < toks.end && surf(ctx, after) == "탄력" {
        return true;
    }
    // "장애 보고 건수" (ko-dic may read 보고 as 보/VV + 고/EC).
    if let Some(rest) = ctx.body[ctx.tokens[i].span.end..].strip_prefix(' ')
        && rest.starts_with("보고 ")
        && !rest.starts_with("보고 있")
    {
        return true;
    }
    // Look ahead within the clause.
    let mut j = after;
    let mut n = 0;
    let mut prev_etm_rieul = false;
    let verb_trigger = matches!(first(&ctx.tokens[i]), "VV" | "VA");
    while j < toks.end && n < 8 {
        let t = &ctx.tokens[j];
        let x = surf(ctx, j);
        let f = first(t);
        // "서버가 멈춰 승객들이 표를 받지 못했다": a new subject after a verb
        // trigger opens the next clause (ko-dic may read 멈춰 as VV+EP, with
        // no connective ending to close the first).
        if verb_trigger && f == "JKS" {
            break;
        }
        // Another trigger owns what follows ("장애는 완전히 복구되지 않고").
        if f == "NNG"
            && (RECOVERY_NOUNS.contains(&x)
                || x == "정상"
                || OUTAGE_NOUNS.iter().any(|(w, _)| *w == x))
        {
            break;
        }
        if x.starts_with('않') || x.starts_with('없') || (x.starts_with('못') && f != "NNG") {
            return true;
        }
        if f == "MAG" && x == "못" {
            return true;
        }
        // "주말까지 정상화하겠다": a promise (volitional 겠), not a recovery.
        if matches!(role, Role::Recovery { .. }) && t.has_tag("EP") && x.contains('겠') {
            return true;
        }
        if f == "VCN" || x.starts_with("아니") {
            return true;
        }
        if t.has_tag("EC")
            && matches!(
                x,
                "면" | "으면" | "더라도" | "어도" | "도" | "는지" | "ㄴ지" | "을지" | "ㄹ지"
            )
        {
            return true;
        }
        if x.ends_with("는지") || x.ends_with("을지") {
            return true;
        }
        if matches!(
            x,
            "경우" | "예정" | "계획" | "우려" | "가능성" | "수" | "시" | "목표" | "방침" | "대비"
        ) && (f.starts_with("NN"))
        {
            // "발생 시", "먹통시", "할 수 있", "날 경우", "정상화 예정".
            if x != "시" || j <= after + 2 {
                return true;
            }
        }
        if x == "때" && prev_etm_rieul && !dated_past(ctx, i, j, toks.start) {
            return true;
        }
        prev_etm_rieul = t.has_tag("ETM")
            && (x.ends_with('을')
                || x.ends_with('ㄹ')
                || x == "날"
                || x.ends_with("할")
                || x.ends_with("될")
                || x.ends_with("났을")
                || x.ends_with("멈췄을"));
        if t.has_tag("ETM") && (x.ends_with('을') || x.ends_with('ㄹ')) {
            prev_etm_rieul = true;
        }
        if (t.has_tag("EC") || t.has_tag("EF"))
            && !ctx.words[ctx.word_of_token(j)].nominal
            && !matches!(x, "지" | "게")
        {
            // The clause ends here; one more token may carry 경우/때.
            if j + 1 < toks.end {
                let y = surf(ctx, j + 1);
                if matches!(y, "경우" | "때") && prev_etm_rieul {
                    return true;
                }
            }
            break;
        }
        j += 1;
        n += 1;
    }
    // Question words before a recovery (언제 복구되는지).
    if let Role::Recovery { .. } = role {
        let clause = clause_text(ctx, i, toks.clone());
        if clause.contains("언제") || clause.contains("예정") {
            return true;
        }
    }
    let before = &ctx.body[ctx.tokens[toks.start].span.start..ctx.tokens[i].span.start];
    if before.contains("만약") || before.contains("만일") {
        return true;
    }
    false
}

/// "지난해 10월 15일 … 카카오톡이 멈췄을 때": a past-tense 을 때 clause with
/// a date before the trigger tells a real event, not a hypothetical.
fn dated_past(ctx: &Ctx<'_>, trig: usize, at: usize, sent_start: usize) -> bool {
    let past = (trig..at).any(|k| ctx.tokens[k].has_tag("EP"))
        || (trig..at).any(|k| {
            let x = surf(ctx, k);
            x.ends_with("었을") || x.ends_with("았을") || x.ends_with("췄을") || x.ends_with("났을")
        });
    if !past {
        return false;
    }
    let from = ctx.tokens[sent_start].span.start;
    let to = ctx.tokens[trig].span.start;
    let Some(sent) = ctx.sentence_at(from) else {
        return false;
    };
    ctx.times_in(sent).any(|t| {
        t.span.end <= to
            && matches!(&t.value, TemporalValue::Instant(x)
                if x.precision >= crate::record::Precision::Day)
    })
}

fn is_predicative(ctx: &Ctx<'_>, after: usize, end: usize) -> bool {
    let mut j = after;
    let mut n = 0;
    while j < end && n < 5 {
        let t = &ctx.tokens[j];
        let x = surf(ctx, j);
        let f = first(t);
        if matches!(x, "사태" | "사고" | "현상" | "문제" | "완료") && f == "NNG" {
            j += 1;
            n += 1;
            continue;
        }
        if matches!(f, "JKS" | "JX" | "JKO" | "XSN" | "MAG" | "SSO" | "SSC")
            || x == "가동"
            || x == "운영"
        {
            j += 1;
            n += 1;
            continue;
        }
        if matches!(f, "VV" | "XSV" | "VX" | "VA" | "XSA" | "VCP")
            || t.has_tag("EC")
            || t.has_tag("EF")
        {
            return true;
        }
        if f == "NNG" && matches!(x, "발생" | "지속" | "시작" | "계속") {
            return true;
        }
        // "오류가 나", "장애가 난" (ko-dic may read 나 as a pronoun).
        if matches!(x, "나" | "난" | "났" | "나는" | "날") {
            return true;
        }
        if matches!(f, "SF" | "SC" | "SY" | "SN" | "SE") {
            return true;
        }
        return false;
    }
    j >= end
}

/// The time expressions of a sentence that govern a trigger at token `i`:
/// the nearest instant or interval before it in the same clause.
/// `adjacent_only` asks for a time separated from the trigger by bare
/// nouns only (for triggers inside noun phrases: "작년 카톡 먹통 사태").
pub(crate) fn governing_time<'a>(
    ctx: &'a Ctx<'_>,
    m: &Mention,
    adjacent_only: bool,
) -> Option<&'a TemporalMention> {
    let s = &ctx.sentences[m.sent];
    let trig = ctx.tokens[m.tok].span.start;
    let mut best = None;
    for tm in ctx
        .times_in(m.sent)
        .filter(|t| t.span.start >= s.start && t.span.end <= trig)
    {
        if matches!(
            tm.value,
            TemporalValue::Instant(_) | TemporalValue::Interval { .. }
        ) {
            best = Some(tm);
        }
    }
    let tm = best?;
    // Words between the time and the trigger.
    let w_from = ctx.words.partition_point(|w| w.span.end <= tm.span.end);
    let w_to = m.word;
    for wi in w_from..w_to {
        let w = &ctx.words[wi];
        if w.span.start < tm.span.end {
            continue;
        }
        let text = w.text(ctx.body);
        // Another failure predicate in between owns the time ("연휴 금융거래가
        // 중단됐던 … 시스템에서 … 장애가").
        if w.verbal
            && OUTAGE_NOUNS
                .iter()
                .any(|(n, _)| w.stem(ctx.body).ends_with(n))
        {
            return None;
        }
        // "10월 15일 카카오톡이 멈췄을 때 … 복구 시간 공지": the failure verb
        // owns the date, not the recovery talked of after it.
        // ("현재 멈췄던 기지국의 80%가 복구됐다": a relative clause on a
        // noun owns nothing.)
        let when_clause = !w.adnominal
            || ctx
                .words
                .get(wi + 1)
                .is_some_and(|n| n.text(ctx.body).starts_with('때'));
        if matches!(m.role, Role::Recovery { .. })
            && w.verbal
            && when_clause
            && OUTAGE_VERBS.iter().any(|v| text.starts_with(v))
        {
            return None;
        }
        // Words of another time expression ("1시간 넘게") do not end the clause.
        if ctx.in_time(&w.span) {
            continue;
        }
        // (A one-syllable "verb" is usually a misparsed determiner: 타 금융기관.)
        // "…이 돼서야 정상화" keeps the time with the recovery.
        let auxiliary = text.starts_with("돼")
            || text.starts_with("되어")
            || text.starts_with("되고서")
            || ADVERBIAL_CONNECTIVES.iter().any(|a| text.starts_with(a));
        // "8일 0시부터 3시까지 정기 점검을 진행해 앱 이용이 중단된": a
        // causal -해/-면서 chain keeps its time for the failure it leads to.
        let chain =
            text.ends_with("진행해") || text.ends_with("하면서") || text.ends_with("되면서");
        // "27일 밤부터 장비를 점검하고 서버를 다시 켜는 작업을 벌였다":
        // coordinated steps of the work share its time.
        let steps = matches!(m.role, Role::Recovery { work: true, .. }) && text.ends_with('고');
        if w.connective && !w.nominal && text.chars().count() > 1 && !auxiliary && !chain && !steps
        {
            return None;
        }
        if text.starts_with("후")
            || text.starts_with("뒤")
            || text.contains("만에")
            || text.contains("만인")
            || text.starts_with("이후")
            || text.contains("후에")
        {
            return None;
        }
        // Inside a noun phrase, only bare nouns and relative clauses
        // ("오전 6시부터 시작된 장애") may stand between.
        if adjacent_only && !w.adnominal && (!w.nominal || !w.particle.is_empty()) {
            return None;
        }
    }
    // The trigger's own word: "종료후에도" style blocks too.
    Some(tm)
}

/// "느려진 적이 있다", "멈춘 바 있다": the experiential construction (an
/// adnominal trigger before 적/바 + 있다) tells a past event as background.
/// A noun trigger's predicate may be the next word ("장애가 발생한 적이").
pub(crate) fn experiential(ctx: &Ctx<'_>, m: &Mention) -> bool {
    for w in ctx.words[m.word..].iter().take(2) {
        if w.sent != m.sent {
            return false;
        }
        if w.adnominal {
            let after = ctx.body[w.span.end..].trim_start();
            return ["적이 있", "적도 있", "적이 여러", "바 있", "일이 있"]
                .iter()
                .any(|c| after.starts_with(c));
        }
        if w.verbal || w.connective {
            return false;
        }
    }
    false
}

/// The first time expression dating something before the trigger in its
/// sentence, across clause boundaries (the frame, "2019년 9월에도", rather
/// than a later relative day inside it, "추석 예매 첫날").
pub(crate) fn dated_before<'a>(ctx: &'a Ctx<'_>, m: &Mention) -> Option<&'a TemporalMention> {
    let trig = ctx.tokens[m.tok].span.start;
    ctx.times_in(m.sent).find(|t| {
        t.span.end <= trig
            && matches!(
                t.value,
                TemporalValue::Instant(_) | TemporalValue::Interval { .. }
            )
    })
}

/// Is the time expression followed by 현재 / 까지도 (a status report)?
pub(crate) fn is_status_time(ctx: &Ctx<'_>, tm: &TemporalMention) -> bool {
    let after = ctx.body[tm.span.end..].trim_start();
    after.starts_with("현재") || after.starts_with("까지도")
}

/// "첫 장애는 지난달 29일 새벽 3시께 시작됐다": a time between a topical
/// trigger and the verb that says it began or lasted.
pub(crate) fn following_time<'a>(ctx: &'a Ctx<'_>, m: &Mention) -> Option<&'a TemporalMention> {
    let w = &ctx.words[m.word];
    if !matches!(w.particle.as_str(), "은" | "는" | "이" | "가") {
        return None;
    }
    let s = &ctx.sentences[m.sent];
    let tm = ctx.times_in(m.sent).find(|t| {
        t.span.start >= w.span.end
            && t.span.end <= s.end
            && matches!(
                t.value,
                TemporalValue::Instant(_) | TemporalValue::Interval { .. }
            )
    })?;
    // Only nouns between the trigger and the time.
    let between = ctx.words.partition_point(|x| x.span.start < tm.span.start);
    if (m.word + 1..between).any(|k| !ctx.words[k].nominal) {
        return None;
    }
    let after: String = ctx.body[tm.span.end..s.end]
        .trim_start()
        .split(' ')
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    [
        "시작",
        "발생",
        "이어",
        "일어",
        "벌어",
        "빚어",
        "계속",
        "지속",
        "본격화",
    ]
    .iter()
    .any(|v| after.contains(v))
    .then_some(tm)
}

/// "모두 정상화된 것은 0시 30분께였다": a cleft whose focus is the time of
/// the recovery named in its topic.
pub(crate) fn cleft_time<'a>(ctx: &'a Ctx<'_>, m: &Mention) -> Option<&'a TemporalMention> {
    let next = ctx.words.get(m.word + 1)?;
    if next.sent != m.sent || !matches!(next.text(ctx.body), "것은" | "건" | "때는") {
        return None;
    }
    let after = ctx.words.get(m.word + 2)?;
    ctx.times_in(m.sent)
        .find(|t| t.span.start == after.span.start && matches!(t.value, TemporalValue::Instant(_)))
}
