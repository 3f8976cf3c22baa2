//! Causes: closed-list categories stated in a sentence, with their phrase.
//!
//! Cue phrases come from [`CAUSE_CUES`] and are matched with spaces ignored
//! ("L4 스위치" = "L4스위치"). Context rules keep recovery work and remedies
//! out: a network device counts only when the clause says it failed
//! (오류·이상·장애·고장), not when it was inspected (네트워크 장비 점검); a
//! 차세대 system counts when it was launched or switched over.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::record::{Cause, CauseCategory, Incident};

use super::Ctx;
use super::lexicon::*;
use super::mention::{clause_text, is_boundary};

/// A cause found in a sentence, at byte position `at`.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub at: usize,
    pub cause: Cause,
    /// A bare 점검 that names the maintenance only when the downtime it is
    /// told with is planned ("점검 시간에도 …"); recovery work on a failure
    /// (장비를 점검했다) is no cause.
    pub planned_only: bool,
}

/// The causes stated in sentence `sent`.
pub(crate) fn causes(ctx: &Ctx<'_>, sent: usize) -> Vec<Found> {
    let s = ctx.sentences[sent].clone();
    let text = &ctx.body[s.clone()];
    // Compact text with a map back to byte offsets.
    let mut compact = String::new();
    let mut map = Vec::new();
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            for _ in 0..c.len_utf8() {
                map.push(s.start + i);
            }
            compact.push(c);
        }
    }
    // All cues in one pass over the sentence (a substring search per cue
    // per sentence was the incident stage's hottest loop), then handled cue
    // by cue in lexicon order, each cue's occurrences left to right and not
    // overlapping one another, as the rules below expect.
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(CAUSE_CUES.iter().map(|(cue, _)| cue)).expect("literal cue automaton")
    });
    let mut hits: Vec<(usize, usize)> = CUES
        .find_overlapping_iter(&compact)
        .map(|m| (m.pattern().as_usize(), m.start()))
        .collect();
    hits.sort_unstable();
    let mut out: Vec<Found> = Vec::new();
    let mut taken: Option<(usize, usize)> = None;
    for (pi, cstart) in hits {
        let (cue, cat) = &CAUSE_CUES[pi];
        {
            if taken.is_some_and(|(p, end)| p == pi && cstart < end) {
                continue;
            }
            taken = Some((pi, cstart + cue.len()));
            let at = map[cstart];
            let end_b = map[cstart + cue.len() - 1] + 1;
            let end_b = ctx.body[..].ceil_char_boundary(end_b);
            let tok = ctx.tokens.partition_point(|t| t.span.end <= at);
            // A cue starts a morpheme ("행정전산망" holds no 정전).
            if tok >= ctx.tokens.len() || ctx.tokens[tok].span.start != at {
                continue;
            }
            let toks = ctx.sent_tokens(sent);
            let clause = clause_text(ctx, tok, toks.clone());
            let after = &compact[cstart + cue.len()..];
            let ok = match cat {
                CauseCategory::NetworkEquipment => {
                    // "라우터 설정 작업": the device's configuration, not the device.
                    // "네트워크 장비 하나 때문에 멈췄다": blamed, so failed.
                    (FAILURE_WORDS.iter().any(|f| clause.contains(f))
                        || clause.contains("때문")
                        || clause.contains("탓"))
                        && !after.starts_with("점검")
                        && !after.starts_with("설정")
                }
                // "차세대 시스템 개통", "새 시스템을 연 직후": a new system
                // counts when it was launched or switched over.
                CauseCategory::SystemMigration if matches!(*cue, "차세대" | "새시스템") => {
                    let window: String = after.chars().take(16).collect();
                    MIGRATION_EVENTS.iter().any(|e| window.contains(e))
                        || opened_after(ctx, end_b, toks.end)
                }
                // "클라우드 업체인 AWS의 서울 리전에서 장애": the contractor
                // named in apposition is the failing party, not a cause,
                // unless the sentence links it to the failure (여파, 탓).
                CauseCategory::ThirdParty if after.starts_with("인") => {
                    let rest: String = after.chars().take(40).collect();
                    ["여파", "탓", "때문", "원인", "인해", "인한"]
                        .iter()
                        .any(|m| rest.contains(m))
                }
                // "결제대행업체 다온페이먼츠의 서버에서 장애": the contractor
                // named right before its own name is the failing party.
                CauseCategory::ThirdParty if names_org_next(ctx, tok, toks.end) => {
                    let rest: String = after.chars().take(40).collect();
                    ["여파", "탓", "때문", "원인", "인해", "인한"]
                        .iter()
                        .any(|m| rest.contains(m))
                }
                CauseCategory::PlannedMaintenance if *cue == "점검" => {
                    let before: String = compact[..cstart].chars().rev().take(3).collect();
                    let before: String = before.chars().rev().collect();
                    // Emergency or post-failure inspections are recovery work.
                    ctx.tokens[tok].pos == "NNG"
                        && !["긴급", "원인", "장애", "사후", "안전"]
                            .iter()
                            .any(|b| before.ends_with(b))
                        && !after.starts_with("결과")
                        && !after.starts_with("대상")
                }
                // "주문이 몰리는 업체": a habit that describes, unless it
                // caused (몰리는 바람에, 몰리는 탓에).
                CauseCategory::TrafficOverload if cue.ends_with('몰') => {
                    !after.starts_with("리는")
                        || ["리는바람", "리는탓", "리는통"]
                            .iter()
                            .any(|c| after.starts_with(c))
                }
                CauseCategory::Fire => !after.starts_with("경보") && !after.starts_with("예방"),
                // "정확한 발화 원인을 조사하고 있다": the unknown is the fire's
                // origin; the failure's cause (the fire) is known.
                CauseCategory::Unknown => !["발화", "화재", "불이난", "불"]
                    .iter()
                    .any(|b| compact[..cstart].ends_with(b)),
                // A broken network device is network equipment, not hardware.
                CauseCategory::HardwareFailure if *cue == "고장" => {
                    // A server's network card is hardware, though.
                    !["네트워크 장비", "네트워크장비", "스위치", "라우터", "회선"]
                        .iter()
                        .any(|n| clause.contains(n))
                }
                _ => true,
            };
            // "디도스 공격은 아니었다": a cause that is denied.
            // An unknown cause is said with a negation ("원인은 밝혀지지
            // 않았다").
            let denied = *cat != CauseCategory::Unknown && {
                let rest: String = after.chars().take(14).collect();
                // "디도스 공격이 의심된다": a suspicion is not a stated cause.
                (rest.contains("아니")
                    || rest.contains("않")
                    || rest.contains("없")
                    || rest.contains("의심"))
                    && !another_subject_before_negation(ctx, tok, toks.end)
            };
            // "…않을 경우 업무가 한꺼번에 몰려 … 수 있다": a feared cause.
            let feared = {
                // "업체 한 곳에 문제가 생길 경우": a conditional right after.
                let rest: String = after.chars().take(30).collect();
                let near: String = after.chars().take(16).collect();
                (compact[..cstart].contains("경우")
                    && (rest.contains("수있") || rest.contains("우려")))
                    || near.contains("경우")
            };
            if !ok || denied || feared || out.iter().any(|f| f.cause.category == *cat) {
                continue;
            }
            // A bare 점검 is the reason by itself when said as the purpose or
            // means of the downtime (점검을 위해, 점검으로, 점검 작업) or as
            // the announced work (…을 점검한다); otherwise only for planned
            // downtime.
            let planned_only = *cue == "점검"
                && ![
                    "을위해",
                    "를위해",
                    "으로",
                    "작업",
                    "을진행",
                    "를진행",
                    "한다",
                    "합니다",
                    "할예정",
                ]
                .iter()
                .any(|a| after.starts_with(a));
            let span = phrase(ctx, tok, toks, at, end_b);
            out.push(Found {
                at,
                planned_only,
                cause: Cause {
                    category: *cat,
                    text: ctx.body[span.clone()].to_string(),
                    span: Some([span.start, span.end]),
                },
            });
        }
    }
    out.sort_by_key(|f| f.at);
    out
}

/// How many parties a sentence says something of together ("세 회사 모두",
/// "두 곳 모두"): the native numeral a word or two before 모두.
pub(crate) fn all_of(ctx: &Ctx<'_>, sent: usize) -> Option<usize> {
    let ws = ctx.sent_words(sent);
    let all = ws
        .clone()
        .find(|&wi| ctx.words[wi].text(ctx.body) == "모두")?;
    (all.saturating_sub(2).max(ws.start)..all).find_map(|wi| {
        let n = match ctx.words[wi].text(ctx.body) {
            "두" => 2,
            "세" => 3,
            "네" => 4,
            "다섯" => 5,
            "여섯" => 6,
            _ => return None,
        };
        Some(n)
    })
}

/// Whether the system named before byte `end` is opened by the next verb
/// ("새 시스템을 연 직후", "…을 열면서": 열다, not 연장·연기).
fn opened_after(ctx: &Ctx<'_>, end: usize, stop: usize) -> bool {
    let mut k = ctx.tokens.partition_point(|t| t.span.end <= end);
    while k < stop && ctx.tokens[k].pos_first().starts_with('J') {
        k += 1;
    }
    ctx.tokens.get(k).filter(|_| k < stop).is_some_and(|t| {
        t.pos_first() == "VV" && (t.expression.starts_with("열/VV") || t.surface(ctx.body) == "열")
    })
}

/// Whether a subject of another predicate (a nominal word with 이/가) stands
/// between the cue's phrase and the next negation ("네트워크 카드가 고장 나
/// 주문 정보가 넘어가지 않은": the negation is the order's, not the fault's).
/// The word right after the cue's own word is its head ("디도스 공격이
/// 아니었다") and does not count.
fn another_subject_before_negation(ctx: &Ctx<'_>, tok: usize, end: usize) -> bool {
    let cue_word = ctx.word_of_token(tok);
    let last = ctx.word_of_token(end.saturating_sub(1).max(tok));
    for wi in cue_word + 2..=last {
        let w = &ctx.words[wi];
        let t = w.text(ctx.body);
        if t.contains("않") || t.contains("없") || t.contains("아니") || t.contains("의심") {
            return false;
        }
        if w.nominal && matches!(w.particle.as_str(), "이" | "가") {
            return true;
        }
    }
    false
}

/// Whether the word after the cue's word (skipping 업체/사 and a
/// parenthesised gloss) is an organisation's name ("결제대행업체
/// 다온페이먼츠의").
fn names_org_next(ctx: &Ctx<'_>, tok: usize, end: usize) -> bool {
    let cue_word = ctx.word_of_token(tok);
    let last = ctx.word_of_token(end.saturating_sub(1).max(tok));
    let mut wi = cue_word;
    // The cue's own word may be just the modifier ("결제대행(PG) 업체").
    if !ctx.words[wi].particle.is_empty() {
        return false;
    }
    wi += 1;
    while wi <= last {
        let w = &ctx.words[wi];
        let stem = w.stem(ctx.body);
        if matches!(stem, "업체" | "사" | "회사" | "기업") || stem.starts_with('(') {
            if !w.particle.is_empty() {
                return false;
            }
            wi += 1;
            continue;
        }
        return w.nominal && super::operator::org_name(stem).is_some();
    }
    false
}

/// The clause holding the cue, from the cue's noun phrase to the clause end.
fn phrase(ctx: &Ctx<'_>, tok: usize, toks: Range<usize>, at: usize, end: usize) -> Range<usize> {
    let mut a = tok;
    while a > toks.start && !is_boundary(ctx, a - 1) {
        a -= 1;
    }
    let mut b = tok;
    while b + 1 < toks.end && !is_boundary(ctx, b) {
        b += 1;
    }
    let start = ctx.tokens[a].span.start.min(at);
    let mut stop = ctx.tokens[b].span.end.max(end);
    // Trim closing punctuation and quotes.
    let t = &ctx.body[start..stop];
    let trimmed = t.trim_end_matches(['.', ',', '"', '\'', '”', '’', ' ']);
    stop = start + trimmed.len();
    let t = &ctx.body[start..stop];
    let lead = t.len() - t.trim_start_matches(['"', '\'', '“', '‘', ' ']).len();
    start + lead..stop
}

/// Settles the causes of a finished incident against each other and its
/// operator.
///
/// - A network device blamed for the failure absorbs the 장비 failures told
///   with it: they are not also hardware failures (servers, disks, storage
///   and cards excepted).
/// - A contractor named as the cause is no third party when it is the
///   incident's own operator, introduced as that kind of contractor
///   ("결제대행업체 다온페이먼츠의 … 서버에서 장애": the PG's own failure).
/// - A failed line or device owned by another named organisation ("KT
///   전용회선 장비에 이상") makes that organisation a third-party cause; one's
///   own equipment does not.
pub(crate) fn settle(ctx: &Ctx<'_>, inc: &mut Incident) {
    // "네트워크 장비 때문에 … 주 장비와 예비 장비가 고장": the broken 장비 is
    // the network device already blamed, not other hardware.
    if inc
        .causes
        .iter()
        .any(|c| c.category == CauseCategory::NetworkEquipment)
    {
        inc.causes.retain(|c| {
            c.category != CauseCategory::HardwareFailure
                || !c.text.contains("장비")
                || ["서버", "디스크", "저장장치", "카드"]
                    .iter()
                    .any(|h| c.text.contains(h))
        });
    }
    let Some(op) = inc.operator.clone() else {
        return;
    };
    let op_compact: String = op.chars().filter(|c| !c.is_whitespace()).collect();
    let third = inc
        .causes
        .iter()
        .any(|c| c.category == CauseCategory::ThirdParty);
    let body_compact: &str = if third {
        ctx.compact_body
            .get_or_init(|| ctx.body.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        ""
    };
    inc.causes.retain(|c| {
        if c.category != CauseCategory::ThirdParty {
            return true;
        }
        let text: String = c.text.chars().filter(|c| !c.is_whitespace()).collect();
        !CAUSE_CUES
            .iter()
            .filter(|(cue, cat)| *cat == CauseCategory::ThirdParty && text.contains(cue))
            .any(|(cue, _)| {
                body_compact.match_indices(cue).any(|(p, _)| {
                    let after = &body_compact[p + cue.len()..];
                    // "업체", "사", "(PG)사": at most a few characters between.
                    after
                        .char_indices()
                        .take(7)
                        .any(|(k, _)| after[k..].starts_with(&op_compact))
                })
            })
    });
    if inc
        .causes
        .iter()
        .any(|c| c.category == CauseCategory::ThirdParty)
    {
        return;
    }
    let found = inc.causes.iter().find_map(|c| {
        if c.category != CauseCategory::NetworkEquipment {
            return None;
        }
        let span = c.span?;
        let a = ctx.words.partition_point(|w| w.span.end <= span[0]);
        let ws = &ctx.words[a..];
        ws.iter()
            .enumerate()
            .take_while(|(_, w)| w.span.start < span[1])
            .find_map(|(k, w)| {
                if !matches!(w.particle.as_str(), "" | "의") {
                    return None;
                }
                let name = super::operator::org_name(w.stem(ctx.body))?;
                let own: String = name.chars().filter(|c| !c.is_whitespace()).collect();
                if own == op_compact {
                    return None;
                }
                // The organisation and the line or device it owns.
                let next = ws
                    .get(k + 1)
                    .filter(|n| n.nominal && n.span.start < span[1])?;
                let stop = next.stem.end;
                Some([w.stem.start, stop])
            })
    });
    if let Some([a, b]) = found {
        inc.causes.push(Cause {
            category: CauseCategory::ThirdParty,
            text: ctx.body[a..b].to_string(),
            span: Some([a, b]),
        });
        inc.causes.sort_by_key(|c| c.span.map(|s| s[0]));
    }
}
