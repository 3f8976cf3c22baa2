//! Causes: closed-list categories stated in a sentence, with their phrase.
//!
//! Cue phrases come from [`CAUSE_CUES`] and are matched with spaces ignored
//! ("L4 스위치" = "L4스위치"). Context rules keep recovery work and remedies
//! out: a network device counts only when the clause says it failed
//! (오류·이상·장애·고장), not when it was inspected (네트워크 장비 점검); a
//! 차세대 system counts when it was launched or switched over.

use std::ops::Range;

use crate::record::{Cause, CauseCategory};

use super::Ctx;
use super::lexicon::*;
use super::mention::{clause_text, is_boundary};

/// A cause found in a sentence, at byte position `at`.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub at: usize,
    pub cause: Cause,
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
    let mut out: Vec<Found> = Vec::new();
    for (cue, cat) in CAUSE_CUES {
        let mut from = 0;
        while let Some(p) = compact[from..].find(cue) {
            let cstart = from + p;
            from = cstart + cue.len();
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
                CauseCategory::SystemMigration if *cue == "차세대" => {
                    let window: String = after.chars().take(16).collect();
                    MIGRATION_EVENTS.iter().any(|e| window.contains(e))
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
                CauseCategory::Fire => !after.starts_with("경보") && !after.starts_with("예방"),
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
            let denied = {
                let rest: String = after.chars().take(14).collect();
                // "디도스 공격이 의심된다": a suspicion is not a stated cause.
                rest.contains("아니")
                    || rest.contains("않")
                    || rest.contains("없")
                    || rest.contains("의심")
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
            let span = phrase(ctx, tok, toks, at, end_b);
            out.push(Found {
                at,
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
