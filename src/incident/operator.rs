//! Operators: the organisation that runs a failed service.
//!
//! Evidence, strongest first: a relative clause ("우정사업본부에서 운영하는
//! 금융서비스", "한국조폐공사가 운영하는 …"), an organisation inside the
//! service's noun phrase ("조달청 나라장터", "케이뱅크 앱"), the documented
//! service lexicon (정부24 → 행정안전부), and the organisation that is the
//! topic or subject of the sentence ("우정사업본부는 … 중단한 바 있다"),
//! except attributions ("…에 따르면", "…으로부터").

use super::Ctx;
use super::lexicon::*;
use super::mention::Mention;
use super::service::Named;

/// The full name of an organisation written as `word` (a lexicon entry or
/// alias, or a name with an organisation suffix).
pub(crate) fn org_name(word: &str) -> Option<String> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '㈜');
    for (alias, full) in ORGANISATIONS {
        if *alias == w {
            return Some(full.to_string());
        }
    }
    if w.contains(' ') {
        return None;
    }
    // Card products, not card companies.
    if ["체크카드", "신용카드", "교통카드", "직불카드", "선불카드"]
        .iter()
        .any(|c| w.ends_with(c))
    {
        return None;
    }
    for (suffix, min) in ORG_SUFFIXES {
        if w.ends_with(suffix) && w.chars().count() >= *min {
            return Some(w.to_string());
        }
    }
    None
}

/// Whether `word` is a known service name (토스, 카카오페이: both a brand of
/// a service and a company).
pub(crate) fn is_service_name(word: &str) -> bool {
    SERVICES.iter().any(|(alias, _, _)| *alias == word)
}

/// An operator candidate with its strength.
#[derive(Debug, Clone)]
pub(crate) struct OperatorEvidence {
    pub name: String,
    pub strength: u8,
}

/// The operator evidence of a mention with its services.
pub(crate) fn operator(ctx: &Ctx<'_>, m: &Mention, services: &[Named]) -> Option<OperatorEvidence> {
    let s = ctx.sentences[m.sent].clone();
    let wstart = ctx.words.partition_point(|w| w.span.end <= s.start);
    let wend = ctx.words.partition_point(|w| w.span.start < s.end);
    let np_start = services
        .iter()
        .map(|n| n.span.start)
        .min()
        .unwrap_or(ctx.tokens[m.tok].span.start);
    // (4) "X가/에서 운영하는 …" before the service phrase.
    for wi in wstart..wend {
        let w = &ctx.words[wi];
        if w.span.start >= np_start.max(ctx.tokens[m.tok].span.start) {
            break;
        }
        let t = w.text(ctx.body);
        if (t.starts_with("운영하") || t.starts_with("제공하") || t.starts_with("운용하"))
            && w.adnominal
            && wi > wstart
        {
            let prev = &ctx.words[wi - 1];
            if let Some(name) = org_name(prev.stem(ctx.body)) {
                return Some(OperatorEvidence { name, strength: 4 });
            }
        }
    }
    // (3) An organisation inside the service names.
    for n in services {
        for part in n.name.split(' ') {
            if let Some(name) = org_name(part) {
                return Some(OperatorEvidence { name, strength: 3 });
            }
        }
    }
    // An organisation inside a service's phrase though left out of its name
    // ("결제대행업체 다온페이먼츠의 결제 승인 서버").
    for n in services {
        let a = ctx.words.partition_point(|w| w.span.end <= n.span.start);
        for w in ctx.words[a..]
            .iter()
            .take_while(|w| w.span.end <= n.span.end)
        {
            if matches!(w.particle.as_str(), "" | "의")
                && let Some(name) = org_name(w.stem(ctx.body))
            {
                return Some(OperatorEvidence { name, strength: 3 });
            }
        }
    }
    // Organisation words compounded right before the service phrase ("조달청
    // 나라장터"), or its possessor ("다온페이먼츠의 결제 승인 서버").
    let np_word = ctx.words.partition_point(|w| w.span.end <= np_start);
    if np_word > wstart {
        let w = &ctx.words[np_word - 1];
        // Only a named service has a possessor; "AWS의 장애 여파" names the
        // cause's owner.
        if (w.particle.is_empty() || (w.particle == "의" && !services.is_empty()))
            && let Some(name) = org_name(w.stem(ctx.body))
        {
            return Some(OperatorEvidence { name, strength: 3 });
        }
    }
    // The nouns of the trigger's own phrase ("카카오 장애 사태").
    if m.word > wstart {
        let w = &ctx.words[m.word - 1];
        if w.particle.is_empty()
            && let Some(name) = org_name(w.stem(ctx.body))
        {
            return Some(OperatorEvidence { name, strength: 3 });
        }
    }
    // (2) The service lexicon.
    if let Some(found) = services.iter().find_map(from_lexicon) {
        return Some(found);
    }
    // (1) The sentence's topic or subject.
    for wi in wstart..wend {
        let w = &ctx.words[wi];
        if !matches!(w.particle.as_str(), "은" | "는" | "이" | "가" | "도") {
            continue;
        }
        let next = ctx
            .words
            .get(wi + 1)
            .map(|x| x.text(ctx.body))
            .unwrap_or("");
        if next.starts_with("따르") {
            continue;
        }
        if let Some(name) = org_name(w.stem(ctx.body)) {
            return Some(OperatorEvidence { name, strength: 1 });
        }
    }
    None
}

/// The operator the service lexicon gives for any of `services`.
pub(crate) fn from_services(services: &[Named]) -> Option<OperatorEvidence> {
    for n in services {
        for part in n.name.split(' ') {
            if let Some(name) = org_name(part) {
                return Some(OperatorEvidence { name, strength: 3 });
            }
        }
        if let Some(found) = from_lexicon(n) {
            return Some(found);
        }
    }
    None
}

/// The operator the service lexicon gives for a service whose name holds one
/// of the lexicon's aliases (spaces ignored).
fn from_lexicon(service: &Named) -> Option<OperatorEvidence> {
    let compact: String = service
        .name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    SERVICES.iter().find_map(|(alias, _, op)| {
        let alias: String = alias.chars().filter(|c| !c.is_whitespace()).collect();
        (alias.chars().count() >= 2 && compact.contains(&alias)).then(|| OperatorEvidence {
            name: op.to_string(),
            strength: 2,
        })
    })
}
