//! Impacts: counted effects of a failure ("1천7백여 개 기관", "1,600여 건
//! 입찰 공고").
//!
//! A count is a number (digits with 천/백/만 and commas, hedged by 여/약/가량)
//! followed by an impact counter ([`IMPACT_COUNTERS`]) and the noun counted.
//! Only counts in a sentence that reports a failure are read, and not when
//! their clause describes the service (전국 2500개 지점에서 제공, 1만 명을
//! 추첨): see [`SERVICE_DESCRIBING`]. Counts of failures (4차례) and of time
//! use other counters and are never read.

use std::sync::LazyLock;

use regex::Regex;

use crate::record::Impact;

use super::Ctx;
use super::lexicon::*;
use super::mention::clause_text;

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:약\s*)?(?P<num>\d[\d,]*(?:\s*[만천백십]\s*(?:\d[\d,]*)?)*)\s*(?:(?P<yeo>여)|가량|남짓)?\s*(?P<unit>개사|가구|개|건|명|곳|대)(?:의)?\s+(?P<what>[가-힣A-Za-z0-9]+(?:\s+[가-힣A-Za-z0-9]+)?)")
        .expect("static regex")
});

/// Parses "1천7백", "1,600", "3만", "2500".
pub(crate) fn korean_number(s: &str) -> Option<u64> {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut num: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            num = Some(
                num.unwrap_or(0)
                    .checked_mul(10)?
                    .checked_add(u64::from(d))?,
            );
            continue;
        }
        let mult = match c {
            '십' => 10,
            '백' => 100,
            '천' => 1000,
            '만' => 10_000,
            _ => return None,
        };
        let n = num.take().unwrap_or(1);
        // Checked: a long digit run is not a count (and must not overflow).
        if mult == 10_000 {
            total = total.checked_add(section.checked_add(n)?.checked_mul(mult)?)?;
            section = 0;
        } else {
            section = section.checked_add(n.checked_mul(mult)?)?;
        }
    }
    total.checked_add(section)?.checked_add(num.unwrap_or(0))
}

/// The impacts written in sentence `sent`, with their byte positions.
pub(crate) fn impacts(ctx: &Ctx<'_>, sent: usize) -> Vec<(usize, Impact)> {
    let s = ctx.sentences[sent].clone();
    let text = &ctx.body[s.clone()];
    let mut out = Vec::new();
    for c in COUNT.captures_iter(text) {
        let (Some(num), Some(unit), Some(what)) = (c.name("num"), c.name("unit"), c.name("what"))
        else {
            continue;
        };
        let Some(count) = korean_number(num.as_str()) else {
            continue;
        };
        let at = s.start + num.start();
        let tok = ctx.tokens.partition_point(|t| t.span.end <= at);
        let clause = clause_text(
            ctx,
            tok.min(ctx.tokens.len().saturating_sub(1)),
            ctx.sent_tokens(sent),
        );
        if SERVICE_DESCRIBING.iter().any(|v| clause.contains(v)) {
            continue;
        }
        // The counted noun: the first word's stem, with a second bare noun.
        let mut words: Vec<&str> = Vec::new();
        let mut end = 0;
        let what_start = s.start + what.start();
        let wi = ctx.words.partition_point(|w| w.span.end <= what_start);
        for w in ctx.words.iter().skip(wi).take(2) {
            if w.sent != sent || !w.nominal {
                break;
            }
            words.push(w.stem(ctx.body));
            end = w.stem.end;
            if !w.particle.is_empty() {
                break;
            }
        }
        if words.is_empty() || words.iter().any(|w| w.is_empty()) {
            continue;
        }
        let what_text = words.join(" ");
        if end <= what_start {
            continue;
        }
        let start = s.start + c.get(0).map(|m| m.start()).unwrap_or(num.start());
        let _ = IMPACT_COUNTERS;
        out.push((
            at,
            Impact {
                count,
                unit: unit.as_str().to_string(),
                what: what_text,
                text: ctx.body[start..end].to_string(),
                span: Some([start, end]),
            },
        ));
    }
    out
}
