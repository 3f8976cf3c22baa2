//! Impacts: counted effects of a failure ("1천7백여 개 기관", "입찰 공고
//! 1,600여 건", "멈춘 기지국은 각각 712개, 404개").
//!
//! A count is read on lindera morphemes: a number (SN digits with the NR
//! multipliers 만/천/백/십 and commas, so "3만 1천", "10만5천", "1,600"),
//! hedged by 여/가량/남짓, then a counter morpheme ([`IMPACT_COUNTERS`]).
//! The counted noun is the noun right after the counter ("300개 종목"), or,
//! when the counter carries a particle, the noun phrase before the number
//! ("취소된 주문은 2만여 건에 이른다"); the later items of a list reuse the
//! first item's noun ("각각 712개, 404개").
//!
//! A count is damage, not a description of the service, when:
//! - its clause does not describe the service ([`SERVICE_DESCRIBING`]: 전국
//!   2500개 지점에서 제공, 1만 명을 추첨) and it is no threshold (1천만 명
//!   이상);
//! - a count of users (이용자, 고객, 가입자) is restricted by a relative
//!   clause ("추가 요금이 붙은 이용자"): a bare "월간 이용자 4천700만 명" is the
//!   size of the service;
//! - outside a sentence that reports the failure, the sentence names damage
//!   ([`DAMAGE_NOUNS`], [`DAMAGE_VERBS`]: 취소된 주문, 접수되지 못하고, 대기
//!   인원, 피해 신고).
//!
//! Counts of failures (4차례) and of time use other counters and are never
//! read.

use crate::record::Impact;

use super::Ctx;
use super::lexicon::*;
use super::mention::clause_text;

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

/// Whether token `i` is number material: digits, a comma between digits, or
/// a multiplier (만, 천, 백, 십).
fn number_part(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.tokens[i];
    let s = t.surface(ctx.body);
    match t.pos_first() {
        "SN" => true,
        "NR" => matches!(s, "만" | "천" | "백" | "십"),
        "SC" => {
            s == ","
                && i + 1 < ctx.tokens.len()
                && ctx.tokens[i + 1].pos_first() == "SN"
                && ctx.tokens[i].span.end == ctx.tokens[i + 1].span.start
                && i > 0
                && ctx.tokens[i - 1].span.end == t.span.start
        }
        _ => false,
    }
}

/// One count found in a sentence.
struct Count {
    /// Token range of the number (and hedge and counter).
    num: std::ops::Range<usize>,
    /// The counter token.
    counter: usize,
    value: u64,
}

fn counts(ctx: &Ctx<'_>, sent: usize) -> Vec<Count> {
    let toks = ctx.sent_tokens(sent);
    let mut out = Vec::new();
    let mut i = toks.start;
    while i < toks.end {
        if ctx.tokens[i].pos_first() != "SN" {
            i += 1;
            continue;
        }
        let a = i;
        let mut j = i;
        while j < toks.end && number_part(ctx, j) {
            j += 1;
        }
        let b = j;
        // Hedges: 여 (XSN), 가량, 남짓.
        while j < toks.end && matches!(ctx.tokens[j].surface(ctx.body), "여" | "가량" | "남짓")
        {
            j += 1;
        }
        if j < toks.end {
            let c = &ctx.tokens[j];
            let s = c.surface(ctx.body);
            // ko-dic reads "건의" (N건의) as one noun (건의, proposal).
            let genitive = s.strip_suffix('의').filter(|x| IMPACT_COUNTERS.contains(x));
            if c.pos_first().starts_with("NN")
                && (IMPACT_COUNTERS.contains(&s) || genitive.is_some())
            {
                let text = &ctx.body[ctx.tokens[a].span.start..ctx.tokens[b - 1].span.end];
                if let Some(value) = korean_number(text) {
                    out.push(Count {
                        num: a..j + 1,
                        counter: j,
                        value,
                    });
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The noun counted by a count whose counter carries a particle or ends the
/// phrase: up to three nouns right before the number ("접속 대기 인원이
/// 한때 12만 명"), skipping adverbs (한때, 각각, 약). A noun ending in the
/// counter itself ("출발편 43편", "열차편") may be misread by ko-dic as a
/// verb (출발 + 펴-ㄴ) and is still the counted noun.
fn noun_before(
    ctx: &Ctx<'_>,
    sent: usize,
    num_word: usize,
    counter: &str,
) -> Option<(usize, usize, bool)> {
    let first = ctx.sent_words(sent).start;
    let mut k = num_word;
    // Skip adverbs and the hedge 약 between the noun and the number.
    while k > first {
        let w = &ctx.words[k - 1];
        let t = w.text(ctx.body);
        if matches!(
            t,
            "한때" | "각각" | "약" | "모두" | "총" | "무려" | "최대" | "한때는"
        ) {
            k -= 1;
            continue;
        }
        break;
    }
    if k == first {
        return None;
    }
    let head = &ctx.words[k - 1];
    let text = head.text(ctx.body);
    let counter_noun = head.particle.is_empty()
        && text.len() > counter.len()
        && text.ends_with(counter)
        && text.chars().all(|c| ('가'..='힣').contains(&c));
    if !(head.nominal || counter_noun)
        || !matches!(
            head.particle.as_str(),
            "" | "은" | "는" | "이" | "가" | "도"
        )
        || (head.stem.is_empty() && !counter_noun)
    {
        return None;
    }
    let mut start = k - 1;
    while start > first && k - start < 3 {
        let w = &ctx.words[start - 1];
        if w.nominal && w.particle.is_empty() && !w.list_sep && !w.stem.is_empty() {
            start -= 1;
        } else {
            break;
        }
    }
    // Restricted by a relative clause ("추가 요금이 붙은 이용자").
    let restricted = start > first && ctx.words[start - 1].adnominal;
    Some((start, k - 1, restricted))
}

/// The noun material of a counted word: its stem, or the whole word for a
/// noun ko-dic misread as a verb ("출발편").
fn noun_of<'a>(ctx: &Ctx<'a>, w: &super::words::Word) -> &'a str {
    if w.nominal {
        w.stem(ctx.body)
    } else {
        w.text(ctx.body)
    }
}

/// The impacts written in sentence `sent`, with their byte positions.
/// `reports_failure`: the sentence has a failure trigger of its own;
/// otherwise a count is read only when the sentence names damage.
pub(crate) fn impacts(ctx: &Ctx<'_>, sent: usize, reports_failure: bool) -> Vec<(usize, Impact)> {
    let stext = &ctx.body[ctx.sentences[sent].clone()];
    let damage = || {
        DAMAGE_VERBS.iter().any(|c| stext.contains(c))
            || ctx.tokens[ctx.sent_tokens(sent)]
                .iter()
                .any(|t| DAMAGE_NOUNS.contains(&t.surface(ctx.body)))
    };
    if !reports_failure && !damage() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // The noun of the previous count of a list ("712개, 404개").
    let mut list_noun: Option<(String, usize, usize)> = None;
    for c in counts(ctx, sent) {
        let at = ctx.tokens[c.num.start].span.start;
        let clause = clause_text(ctx, c.num.start, ctx.sent_tokens(sent));
        if SERVICE_DESCRIBING.iter().any(|v| clause.contains(v)) {
            list_noun = None;
            continue;
        }
        // What came back is no damage ("핵심 시스템 20여 개가 먼저
        // 되살아났다"), unless it did not ("복구되지 않은 1천 건").
        let recovered = RECOVERY_VERBS
            .iter()
            .chain(RECOVERY_NOUNS)
            .chain(&["정상화"])
            .any(|r| clause.contains(r));
        if recovered && !["않", "못", "없"].iter().any(|n| clause.contains(n)) {
            continue;
        }
        let counter_word = ctx.word_of_token(c.counter);
        let num_word = ctx.word_of_token(c.num.start);
        let cw = &ctx.words[counter_word];
        let after = ctx.body[cw.span.end..ctx.sentences[sent].end].trim_start();
        // A threshold describes, it does not count ("1천만 명 이상이거나").
        if ["이상", "이하", "미만", "초과"]
            .iter()
            .any(|x| after.starts_with(x))
        {
            continue;
        }
        let counter_tok = &ctx.tokens[c.counter];
        let counter_text = counter_tok.surface(ctx.body);
        let genitive = !IMPACT_COUNTERS.contains(&counter_text);
        let counter_end = counter_tok.span.end - if genitive { '의'.len_utf8() } else { 0 };
        // Nothing after the counter in its word ("1,600여 건 입찰 공고";
        // ko-dic may tag that 건 NNB+JX).
        let bare_counter = !genitive && cw.span.end == counter_end;
        let next = ctx
            .words
            .get(counter_word + 1)
            .filter(|w| w.sent == sent && w.nominal && !w.stem.is_empty());
        // (noun text, noun start, noun end, whether the count comes first)
        // "입찰 공고 1,600여 건의 마감": a genitive count with a noun before
        // counts that noun.
        let bare_counter = bare_counter
            || (genitive || cw.particle == "의")
                && noun_before(ctx, sent, num_word, counter_text.trim_end_matches('의')).is_none();
        let (what, wstart, wend, restricted) = match (bare_counter, next) {
            (true, Some(n)) => {
                let mut end = n.stem.end;
                let mut words = vec![n.stem(ctx.body)];
                if n.particle.is_empty()
                    && let Some(n2) = ctx
                        .words
                        .get(counter_word + 2)
                        .filter(|w| w.sent == sent && w.nominal && !w.stem.is_empty())
                {
                    words.push(n2.stem(ctx.body));
                    end = n2.stem.end;
                }
                (words.join(" "), at, end, true)
            }
            _ => {
                let listed = ctx.words[..num_word]
                    .last()
                    .is_some_and(|w| w.list_sep && w.sent == sent);
                match (
                    listed,
                    &list_noun,
                    noun_before(ctx, sent, num_word, counter_text.trim_end_matches('의')),
                ) {
                    (true, Some((n, _, _)), _) => (n.clone(), at, counter_end, true),
                    (_, _, Some((a, b, restricted))) => {
                        let what = ctx.words[a..=b]
                            .iter()
                            .map(|w| noun_of(ctx, w))
                            .collect::<Vec<_>>()
                            .join(" ");
                        let wa = &ctx.words[a];
                        let from = if wa.nominal {
                            wa.stem.start
                        } else {
                            wa.span.start
                        };
                        (what, from, counter_end, restricted)
                    }
                    _ => continue,
                }
            }
        };
        // Users counted bare are the size of the service.
        let users = ["이용자", "가입자", "고객", "회원", "사용자", "인구"]
            .iter()
            .any(|u| what.ends_with(u));
        // "이용자 30만 명이 송금을 하지 못했다": users said to have suffered.
        let suffered = ["불편을", "겪", "못하", "못했", "못한", "못해"]
            .iter()
            .any(|d| after.contains(d));
        if users && !restricted && !suffered {
            continue;
        }
        list_noun = Some((what.clone(), wstart, wend));
        let unit = counter_text.trim_end_matches('의').to_string();
        out.push((
            at,
            Impact {
                count: c.value,
                unit,
                what,
                text: ctx.body[wstart..wend].to_string(),
                span: Some([wstart, wend]),
            },
        ));
    }
    out
}

/// Takes out of `impacts` the `n` counts of one sentence listed with 각각
/// ("각각 712개, 404개, 296개"), in text order, when there are exactly `n`:
/// they pair in order with `n` operators named in that order.
pub(crate) fn each_of(ctx: &Ctx<'_>, impacts: &mut Vec<Impact>, n: usize) -> Option<Vec<Impact>> {
    let sent_of = |i: &Impact| i.span.and_then(|s| ctx.sentence_at(s[0]));
    let sent = impacts.iter().find_map(|i| {
        let s = sent_of(i)?;
        let text = &ctx.body[ctx.sentences[s].clone()];
        (text.contains("각각") && impacts.iter().filter(|j| sent_of(j) == Some(s)).count() == n)
            .then_some(s)
    })?;
    let (mut listed, rest): (Vec<Impact>, Vec<Impact>) = std::mem::take(impacts)
        .into_iter()
        .partition(|i| sent_of(i) == Some(sent));
    *impacts = rest;
    listed.sort_by_key(|i| i.span.map(|s| s[0]));
    Some(listed)
}

#[cfg(test)]
mod tests {
    use super::korean_number;

    #[test]
    fn korean_numbers() {
        assert_eq!(korean_number("1천7백"), Some(1700));
        assert_eq!(korean_number("1,600"), Some(1600));
        assert_eq!(korean_number("3만 1천"), Some(31_000));
        assert_eq!(korean_number("10만5천"), Some(105_000));
        assert_eq!(korean_number("12만"), Some(120_000));
        assert_eq!(korean_number("4천700만"), Some(47_000_000));
        assert_eq!(korean_number("99999999999999999999999"), None);
    }
}
