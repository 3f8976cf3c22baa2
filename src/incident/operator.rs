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
use super::mention::{Mention, Role};
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

/// Bare organisation heads that a later sentence uses for an organisation
/// named in full before ("서울시설공단에 따르면 … 공단은 …").
const ORG_HEADS: &[&str] = &[
    "공단", "공사", "본부", "재단", "은행", "조합", "협회", "병원",
];

/// Determiners that leave the organisation they modify unnamed.
const INDEFINITE_DETERMINERS: &[&str] = &["한", "어느", "어떤", "모", "다른", "여러", "몇"];

/// Heads of an organisation's sites and branches ("KT 아현지사", "한빛텔레콤
/// 운암지점", "○○ 데이터센터").
const SITE_HEADS: &[&str] = &[
    "지사",
    "지점",
    "지국",
    "국사",
    "사옥",
    "본사",
    "센터",
    "공장",
    "전화국",
    "사업소",
];

/// The organisation named by word `wi`: its stem, or the stem with the word
/// before it ("LG U+", "SK C&C"), or a name whose parenthesised alias spans
/// words ("LG유플러스(LG U+)의"). A shortened later mention is resolved to
/// the full name the article used ("소방재난본부" → "경기도소방재난본부",
/// "공단" → "서울시설공단").
pub(crate) fn org_at(ctx: &Ctx<'_>, wi: usize) -> Option<String> {
    let w = &ctx.words[wi];
    let stem = w.stem(ctx.body);
    let prev = wi
        .checked_sub(1)
        .map(|p| &ctx.words[p])
        .filter(|p| p.sent == w.sent);
    if indefinite_org(ctx, wi) {
        return None;
    }
    let found = org_name(stem)
        .or_else(|| {
            let p = prev.filter(|p| p.particle.is_empty())?;
            org_name(&format!("{} {stem}", p.stem(ctx.body)))
        })
        .or_else(|| {
            // "LG유플러스(LG U+)의": the name before the parenthesis.
            let text = w.text(ctx.body);
            if !text.contains(')') || text.contains('(') {
                return None;
            }
            let p = prev?;
            let ptext = p.text(ctx.body);
            let open = ptext.find('(')?;
            org_name(&ptext[..open])
        });
    if let Some(name) = found {
        // Only a name written as is can be a shortened form.
        return Some(if name == stem {
            expand(ctx, name)
        } else {
            name
        });
    }
    if ORG_HEADS.contains(&stem) {
        let full = expand(ctx, stem.to_string());
        return (full != stem).then_some(full);
    }
    None
}

/// Whether word `wi` is an organisation left unnamed: "한 지방은행에서는",
/// "어느 저축은행" (ko-dic may tag that 한 하-ㄴ, so the eojeol is compared).
fn indefinite_org(ctx: &Ctx<'_>, wi: usize) -> bool {
    let w = &ctx.words[wi];
    wi.checked_sub(1)
        .map(|p| &ctx.words[p])
        .is_some_and(|p| p.sent == w.sent && INDEFINITE_DETERMINERS.contains(&p.text(ctx.body)))
        && org_name(w.stem(ctx.body)).is_some()
}

/// The longest organisation name of the article that ends with `short`.
fn expand(ctx: &Ctx<'_>, short: String) -> String {
    // Computed once per article: operator look-ups run for every mention.
    let names = ctx.org_names.get_or_init(|| {
        let mut names: Vec<String> = Vec::new();
        for w in &ctx.words {
            let stem = w.stem(ctx.body);
            if stem.chars().all(char::is_alphanumeric)
                && org_name(stem).is_some_and(|n| n == stem)
                && !names.iter().any(|n| n == stem)
            {
                names.push(stem.to_string());
            }
        }
        names
    });
    let mut best = short;
    for n in names {
        if n.len() > best.len() && n.ends_with(best.as_str()) {
            best = n.clone();
        }
    }
    best
}

/// The organisation the article introduces as the service's operator
/// ("운영사 우아한형제들에 따르면", "운영업체 티머니는").
pub(crate) fn introduced_operator(ctx: &Ctx<'_>) -> Option<OperatorEvidence> {
    (0..ctx.words.len().saturating_sub(1))
        .find_map(|wi| {
            let w = &ctx.words[wi];
            let next = &ctx.words[wi + 1];
            // Whole eojeol: ko-dic misreads 운영사 as 운영 + 사(VV).
            (next.sent == w.sent
                && matches!(
                    w.text(ctx.body),
                    "운영사" | "운영업체" | "운영기관" | "운영자"
                ))
            .then(|| org_at(ctx, wi + 1))
            .flatten()
            .map(|name| OperatorEvidence { name, strength: 1 })
        })
        .or_else(|| stated_runner(ctx, None).map(|e| OperatorEvidence { strength: 1, ..e }))
        .or_else(|| {
            source_in(ctx, 0..ctx.words.len()).map(|name| OperatorEvidence { name, strength: 0 })
        })
}

/// The organisation said to run a service named `what` ("나이스를 운영하는
/// 한국교육학술정보원"): any when `what` is `None`.
fn stated_runner(ctx: &Ctx<'_>, what: Option<&[Named]>) -> Option<OperatorEvidence> {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    (1..ctx.words.len().saturating_sub(1)).find_map(|wi| {
        let w = &ctx.words[wi];
        let t = w.text(ctx.body);
        if !(w.adnominal && (t.starts_with("운영하") || t.starts_with("운용하"))) {
            return None;
        }
        let obj = &ctx.words[wi - 1];
        if obj.sent != w.sent || !matches!(obj.particle.as_str(), "을" | "를") {
            return None;
        }
        let x = compact(obj.stem(ctx.body));
        if x.is_empty() {
            return None;
        }
        if let Some(services) = what
            && !services.iter().any(|n| compact(&n.name).contains(&x))
        {
            return None;
        }
        (ctx.words[wi + 1].sent == w.sent)
            .then(|| org_at(ctx, wi + 1))
            .flatten()
            .map(|name| OperatorEvidence { name, strength: 4 })
    })
}

/// The organisations named in sentence `sent`, in text order, each with
/// whether it is the sentence's topic or subject ("네이버도 화재 여파를 비켜
/// 가지 못했다"); attributions ("…에 따르면") are left out.
pub(crate) fn orgs_in(ctx: &Ctx<'_>, sent: usize) -> Vec<(String, bool)> {
    let ws = ctx.sent_words(sent);
    ws.clone()
        .filter_map(|wi| {
            let w = &ctx.words[wi];
            if cited(ctx, wi) {
                return None;
            }
            let subject = matches!(w.particle.as_str(), "은" | "는" | "이" | "가" | "도");
            org_at(ctx, wi).map(|name| (name, subject))
        })
        .collect()
}

/// Whether `word` is a known service name (토스, 카카오페이: both a brand of
/// a service and a company).
pub(crate) fn is_service_name(word: &str) -> bool {
    SERVICES.iter().any(|(alias, _, _)| *alias == word)
}

/// An operator candidate with its strength.
#[derive(Debug, Clone)]
pub(crate) struct OperatorEvidence {
    /// Empty when the failure's organisation is left unnamed ("한
    /// 지방은행에서는"): the record has no operator and inherits none.
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
    // (4) "나이스를 운영하는 한국교육학술정보원": the article says who runs
    // one of the services.
    if let Some(found) = stated_runner(ctx, Some(services)) {
        return Some(found);
    }
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
            && let Some(name) = org_at(ctx, wi - 1)
        {
            return Some(OperatorEvidence { name, strength: 4 });
        }
    }
    // (3) An organisation inside the service names. A known service that is
    // also a company (카카오페이) is read as a service, through the lexicon
    // below, so that a list "카카오톡과 카카오T, 카카오페이" keeps the owner of
    // its first service.
    for n in services {
        for part in n.name.split(' ') {
            if is_service_name(part) {
                continue;
            }
            if let Some(name) = org_name(part) {
                return Some(OperatorEvidence { name, strength: 3 });
            }
        }
    }
    // An organisation inside a service's phrase though left out of its name
    // ("결제대행업체 다온페이먼츠의 결제 승인 서버").
    for n in services {
        let a = ctx.words.partition_point(|w| w.span.end <= n.span.start);
        for (k, w) in ctx.words[a..]
            .iter()
            .enumerate()
            .take_while(|(_, w)| w.span.end <= n.span.end)
        {
            if matches!(w.particle.as_str(), "" | "의")
                && !is_service_name(w.stem(ctx.body))
                && let Some(name) = org_at(ctx, a + k)
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
            && let Some(name) = org_at(ctx, np_word - 1)
        {
            return Some(OperatorEvidence { name, strength: 3 });
        }
    }
    // The nouns of the trigger's own phrase ("카카오 장애 사태").
    if m.word > wstart {
        let w = &ctx.words[m.word - 1];
        if w.particle.is_empty()
            && let Some(name) = org_at(ctx, m.word - 1)
        {
            return Some(OperatorEvidence { name, strength: 3 });
        }
    }
    // (2) The service lexicon, unless the sentence's topic is the group the
    // service's company is named after ("카카오는 … 카카오페이 … 장애":
    // the group reports its affiliate's failure as its own).
    if let Some(found) = services.iter().find_map(from_lexicon) {
        let group = (wstart..wend).find_map(|wi| {
            let w = &ctx.words[wi];
            matches!(w.particle.as_str(), "은" | "는")
                .then(|| org_at(ctx, wi))
                .flatten()
                .filter(|g| g != &found.name && found.name.starts_with(g.as_str()))
        });
        return Some(match group {
            Some(name) => OperatorEvidence { name, strength: 2 },
            None => found,
        });
    }
    // (1) The sentence's topic or subject.
    for wi in wstart..wend {
        let w = &ctx.words[wi];
        // "KT 아현지사 지하 통신구에서 불이 나": the organisation whose site
        // is the place of the failure.
        if w.particle.is_empty()
            && at_own_site(ctx, wi)
            && let Some(name) = org_at(ctx, wi)
        {
            return Some(OperatorEvidence { name, strength: 1 });
        }
        // "가람마켓 측은", "누리은행 관계자는": the organisation speaking
        // for itself is the topic.
        if w.particle.is_empty()
            && ctx.words.get(wi + 1).is_some_and(|n| {
                n.sent == w.sent
                    && matches!(n.stem(ctx.body), "측" | "관계자")
                    && matches!(n.particle.as_str(), "은" | "는" | "이" | "가")
            })
            && let Some(name) = org_at(ctx, wi)
        {
            return Some(OperatorEvidence { name, strength: 1 });
        }
        // "국민은행에서는 … 오류가 이어졌는데": the place of the failure.
        if !matches!(
            w.particle.as_str(),
            "은" | "는" | "이" | "가" | "도" | "에서" | "에서는" | "에서도"
        ) {
            continue;
        }
        if cited(ctx, wi) {
            continue;
        }
        if indefinite_org(ctx, wi) {
            return Some(OperatorEvidence {
                name: String::new(),
                strength: 1,
            });
        }
        if let Some(name) = org_at(ctx, wi) {
            // "네이버는 15일 오후 쇼핑 검색과 블로그 … 오류가 생겼다": the
            // topic opening a sentence that names the failed services is
            // their owner, as firm as a name in the phrase.
            let strength = if wi == wstart
                && matches!(w.particle.as_str(), "은" | "는")
                && matches!(m.role, Role::Outage(_))
                && !services.is_empty()
            {
                2
            } else {
                1
            };
            return Some(OperatorEvidence { name, strength });
        }
        // A known service as the topic ("따릉이는 … 중단된 적이 있다").
        let stem = w.stem(ctx.body);
        if let Some((_, _, op)) = SERVICES
            .iter()
            .find(|(alias, _, _)| *alias == stem && alias.chars().count() >= 2)
        {
            return Some(OperatorEvidence {
                name: op.to_string(),
                strength: 1,
            });
        }
    }
    // (0) The failure told on the authority of an organisation ("○○공사에
    // 따르면 … 서버가 멈췄다"): the one that runs it, unless an overseer.
    source_in(ctx, wstart..wend).map(|name| OperatorEvidence { name, strength: 0 })
}

/// Overseers and investigators quoted as sources of others' failures.
const OVERSEERS: &[&str] = &[
    "금융감독원",
    "금융위원회",
    "과학기술정보통신부",
    "한국인터넷진흥원",
    "경찰청",
    "행정안전부",
];

/// Whether word `wi` is cited as a source ("…에 따르면"), not named as
/// the one acting.
fn cited(ctx: &Ctx<'_>, wi: usize) -> bool {
    ctx.words
        .get(wi + 1)
        .is_some_and(|n| n.text(ctx.body).starts_with("따르"))
}

/// The organisation cited as the source ("…에 따르면") among words `ws`.
fn source_in(ctx: &Ctx<'_>, ws: std::ops::Range<usize>) -> Option<String> {
    ws.clone().find_map(|wi| {
        ctx.words
            .get(wi + 1)
            .filter(|n| n.sent == ctx.words[wi].sent)?;
        if !(cited(ctx, wi) && ctx.words[wi].particle == "에") {
            return None;
        }
        org_at(ctx, wi).filter(|n| !OVERSEERS.contains(&n.as_str()))
    })
}

/// Whether word `wi` is followed by one of its sites and the phrase is the
/// place of the event ("KT 아현지사 지하 통신구에서").
fn at_own_site(ctx: &Ctx<'_>, wi: usize) -> bool {
    let sent = ctx.words[wi].sent;
    let Some(site) = ctx
        .words
        .get(wi + 1)
        .filter(|n| n.sent == sent && n.nominal)
    else {
        return false;
    };
    let stem = site.stem(ctx.body);
    if !SITE_HEADS.iter().any(|h| stem.ends_with(h)) {
        return false;
    }
    // Particle-less nouns up to the place's 에서.
    ctx.words[wi + 1..]
        .iter()
        .take_while(|w| w.sent == sent)
        .take(4)
        .find(|w| !w.particle.is_empty() || !w.nominal)
        .is_some_and(|w| w.nominal && w.particle.starts_with("에서"))
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
