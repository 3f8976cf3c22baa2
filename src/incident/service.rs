//! Service names: noun-phrase chunking around a trigger.
//!
//! The failing thing is found, in order, as (1) the bare nouns compounded
//! with the trigger ("스마트뱅킹 접속 장애"), (2) the trigger's argument: the
//! subject or object of a verbal trigger ("정부24마저 먹통이 되면서",
//! "입금·출금·이체 등을 중단"), or the place of a nominal one ("인터넷 뱅킹
//! 시스템에 … 장애가 발생"), and (3) a known service named in the clause.
//! Phrases are split into items at ·, commas, 와/과, 및 and 등; "A의 B" keeps
//! B with A's brand, or A when B is generic ("핵심 시스템"); "X(Y)" glosses
//! are replaced by Y; function nouns (접속, 작동, 기능) are stripped.
//!
//! In (2) both the subject (or object) and the place are read: the one
//! nearest the trigger names services freely (a relative clause's subject
//! first: "매매 체결이 이뤄지지 않는 장애"), the one further out only when it
//! is plainly a service (an app, a terminal, a known name), so that places
//! ("주민센터 창구에서") stay out. A coordinated bare noun borrows a function
//! or terminal head ("사진과 동영상 전송", "버스 및 지하철 단말기"), a bare
//! channel the brand before it ("모바일 신분증 앱과 홈페이지"), and the
//! sentence's topic brands a bare function or a generic channel ("따릉이는 …
//! 대여가", "한빛페이는 … 앱 접속이"). The object of a function verb names
//! the function ("서류를 발급할 수 없었다" → 서류 발급), and so does the
//! subject of a function clause before a failure noun ("A가 … 출력되는 오류"
//! → A 출력). A function noun keeps its "시스템" ("수하물 처리 시스템").
//! A delay after a clause stating that a named thing failed ("X에 오류가
//! 생겨 Y가 늦어졌다") is a knock-on effect: Y is no service. ·-listed
//! districts before an area word ("A·B구 일대") are places.

#![allow(clippy::collapsible_if)]

use std::ops::Range;

use super::Ctx;
use super::lexicon::*;
use super::mention::{Mention, Role};
use super::operator::org_name;

/// A service name with the span it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub name: String,
    pub span: Range<usize>,
}

/// One item of a noun phrase: its words' stems, and where a genitive 의 split
/// it.
#[derive(Debug, Default, Clone)]
struct Item {
    parts: Vec<String>,
    genitive_at: Option<usize>,
    from_dot: bool,
    /// The item was ended by 및, 와/과 or 또는 (not a comma).
    from_and: bool,
    /// The item's last word was quoted ("키움증권 MTS '영웅문S#'").
    quoted: bool,
    /// The item was ended by 등 ("A 등 B").
    from_deung: bool,
    /// The item ends in an expanded abbreviation (유·무선 → 유선).
    abbrev: bool,
    span: Option<Range<usize>>,
}

fn is_generic(name: &str) -> bool {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    GENERIC_SERVICE.iter().any(|g| {
        let gc: String = g.chars().filter(|c| !c.is_whitespace()).collect();
        gc == compact
    }) || compact
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
}

const ADVERB_ENDS: &[&str] = &[
    "적으로",
    "히",
    "모두",
    "완전히",
    "일시적으로",
    "동안",
    "새",
    "사이",
];

/// The services a mention names.
pub(crate) fn services(ctx: &Ctx<'_>, m: &Mention) -> Vec<Named> {
    let s = ctx.sentences[m.sent].clone();
    let wstart = ctx.words.partition_point(|w| w.span.end <= s.start);
    let trig_word = &ctx.words[m.word];
    // A trigger inside a known name ("무인민원발급기도 쓸 수 없다": 발급) is
    // a misread; the name itself is what failed.
    if trig_word.stem.contains(&ctx.tokens[m.tok].span.start)
        && is_service_alias(trig_word.stem(ctx.body))
    {
        return vec![Named {
            name: canonical(trig_word.stem(ctx.body)),
            span: trig_word.stem.clone(),
        }];
    }
    // (1) Compound: nouns in the trigger's word before it, and bare nouns before.
    let mut compound = Vec::new();
    let prefix = ctx.body[trig_word.span.start..ctx.tokens[m.tok].span.start]
        .trim_start_matches(['▲', '\'', '"', '‘', '“', '(']);
    let mut k = m.word;
    while k > wstart {
        let w = &ctx.words[k - 1];
        if !w.nominal
            || !w.particle.is_empty()
            || w.deung
            || in_time(ctx, &w.span)
            || w.text(ctx.body).ends_with(',')
            || temporal_noun(w.stem(ctx.body))
        {
            break;
        }
        if w.text(ctx.body).starts_with('▲') {
            k -= 1;
            break;
        }
        k -= 1;
    }
    let mut items = collect_items(ctx, k..m.word);
    // "카카오톡과 카카오T, 카카오페이 등의 (접속) 장애": the list the failure
    // belongs to.
    let function_compound = items.iter().all(|it| {
        it.parts
            .iter()
            .all(|p| TRAILING_FUNCTION_NOUNS.contains(&p.as_str()))
    });
    if function_compound && k > wstart {
        let w = &ctx.words[k - 1];
        if w.deung && w.particle == "의" {
            items = collect_items(ctx, np_start(ctx, k - 1, wstart)..k);
        }
    }
    // "이체·출금이 되지 않았다": a dotted list ending in the trigger names
    // each function, the trigger's own noun included.
    let trig_noun = ctx.tokens[m.tok].surface(ctx.body);
    if prefix.ends_with('·') && FUNCTION_NOUNS.contains(&trig_noun) {
        let mut off = trig_word.span.start;
        for piece in prefix.split('·') {
            if !piece.is_empty() {
                items.push(Item {
                    parts: vec![piece.to_string()],
                    span: Some(off..off + piece.len()),
                    ..Default::default()
                });
            }
            off += piece.len() + '·'.len_utf8();
        }
        let t = ctx.tokens[m.tok].span.clone();
        items.push(Item {
            parts: vec![trig_noun.to_string()],
            span: Some(t),
            ..Default::default()
        });
    } else if !prefix.is_empty() {
        let pre_span = trig_word.span.start..ctx.tokens[m.tok].span.start;
        match items.last_mut() {
            Some(last) if !last.from_dot => {
                last.parts.push(prefix.to_string());
            }
            _ => items.push(Item {
                parts: vec![prefix.to_string()],
                span: Some(pre_span),
                ..Default::default()
            }),
        }
    }
    // "A 앱에서도 서비스 장애가": a compound of generic words only leaves
    // the trigger's arguments to name the service.
    let named_something = items.iter().any(|it| {
        it.parts
            .iter()
            .any(|p| !TRAILING_FUNCTION_NOUNS.contains(&p.as_str()) && !is_generic(p))
    });
    compound.extend(finish(ctx, items));
    // "버스 단말기에서 교통카드 결제가 되지 않았다": the terminal the
    // function failed on, when it is plainly a service.
    if !compound.is_empty() && k > wstart {
        let w = &ctx.words[k - 1];
        if w.nominal && w.particle.starts_with("에서") && !in_time(ctx, &w.span) {
            let from = np_start(ctx, k - 1, wstart);
            for n in finish(ctx, collect_items(ctx, from..k)) {
                if plainly_a_service(&n.name) && !compound.iter().any(|c| c.name == n.name) {
                    compound.push(n);
                }
            }
        }
    }
    // A bulleted item ("▲서비스 지연") is all there is to it.
    let bulleted = ctx.words[k].text(ctx.body).starts_with('▲');
    if !compound.is_empty() || (named_something && k < m.word) || bulleted {
        // A compound that names only generic things ("▲서비스 지연") names no service.
        return compound;
    }
    // (2) Argument: only a predicate has one.
    if !m.predicative {
        return compound;
    }
    let verbal_trigger = matches!(m.role, Role::Outage(_) | Role::Recovery { .. })
        && trig_word.particle.is_empty()
        && (trig_word.verbal || !trig_word.nominal);
    let want_place_first = !verbal_trigger;
    // "… 멈춰 섰던 우체국 금융이": the trigger modifies its own subject.
    let relative_trigger = (m.word..(m.word + 2).min(ctx.words.len()))
        .any(|q| ctx.words[q].sent == m.sent && ctx.words[q].adnominal);
    let mut head = None;
    let mut place = None;
    // A place further out than the subject ("X에서 … Y가 멈췄다") is
    // only trusted when it is plainly a service.
    let mut place_beyond_head = false;
    // "X에 오류가 생겨 Y가 늦어졌다": a delay after a clause stating a
    // failure is its knock-on effect; Y was held up, X failed.
    let delay_trigger = {
        let t = ctx.tokens[m.tok].surface(ctx.body);
        KNOCK_ON_TRIGGERS.iter().any(|d| t.starts_with(d))
    };
    let mut knock_on = false;
    let mut j = k;
    let mut steps = 0;
    while j > wstart && steps < 8 {
        let w = &ctx.words[j - 1];
        let text = w.text(ctx.body);
        if in_time(ctx, &w.span)
            || ADVERB_ENDS.iter().any(|a| text.ends_with(a))
            || ADVERBIAL_CONNECTIVES.contains(&text)
            || temporal_noun(w.stem(ctx.body))
        {
            steps += 1;
            j -= 1;
            continue;
        }
        if (w.connective && !w.nominal && !adverbial_or_auxiliary(ctx, j - 1))
            || text.ends_with("따르면")
        {
            knock_on = delay_trigger && failure_clause(ctx, j - 1, wstart);
            break;
        }
        // A cause modified by its own clause, or before a trigger that
        // modifies its subject ("본원에서 난 불로 멈춰 섰던 우체국 금융"): what
        // lies before it is the cause's setting ("A가 화재로 멈췄다" goes on).
        if matches!(w.particle.as_str(), "로" | "으로")
            && [
                "불",
                "화재",
                "정전",
                "오류",
                "장애",
                "고장",
                "공격",
                "과부하",
                "실수",
            ]
            .iter()
            .any(|c| w.stem(ctx.body).ends_with(c))
            && (j >= wstart + 2 && ctx.words[j - 2].adnominal || relative_trigger)
        {
            break;
        }
        // A nominalized clause ("물량이 몰리기 전에") keeps its subject.
        if ctx.tokens[w.toks.clone()].iter().any(|t| t.has_tag("ETN")) && !w.nominal {
            break;
        }
        steps += 1;
        j -= 1;
        let p = w.particle.as_str();
        let core = matches!(
            p,
            "이" | "가"
                | "은"
                | "는"
                | "도"
                | "마저"
                | "까지"
                | "을"
                | "를"
                | "만"
                | "까지도"
                | "이나"
        );
        let loc = p.starts_with("에서") || p == "에" || p == "에도" || p == "에는";
        // "작동을 멈췄다", "접속이 막혔다": a function noun is not what
        // failed; the subject before it is.
        let bare_before = j > wstart && {
            let p = &ctx.words[j - 1];
            p.nominal && p.particle.is_empty() && !p.list_sep && !time_like(ctx, p)
        };
        // "앱도 한때 접속이 원활하지 않았다": a lone 접속 after a time word
        // leaves the subject further out.
        let time_before = j > wstart && {
            let p = &ctx.words[j - 1];
            time_like(ctx, p)
        };
        let function_only = !bare_before
            && (TRAILING_FUNCTION_NOUNS.contains(&w.stem(ctx.body))
                && (!(w.particle == "이" || w.particle == "가") || time_before)
                || w.stem(ctx.body) == "작동");
        if (w.nominal || w.deung) && core && head.is_none() && !function_only {
            head = Some(j);
        } else if (w.nominal || w.deung) && loc && place.is_none() {
            place = Some(j);
            place_beyond_head = head.is_some();
        }
        // Both the thing and the place it failed in name services ("A의
        // 단말기에서 B 결제가 되지 않았다": A's terminals and B's payment).
        if head.is_some() && place.is_some() {
            break;
        }
    }
    if knock_on {
        return compound;
    }
    // "A가 … 출력되는 오류": a nominal trigger modified by a clause whose
    // predicate is a function noun + 되다/하다 names the subject's function
    // ("A 출력"), not A itself.
    let clause_function = (!verbal_trigger && k > wstart)
        .then(|| &ctx.words[k - 1])
        .filter(|w| w.adnominal && w.toks.len() >= 2)
        .and_then(|w| {
            let t = &ctx.tokens[w.toks.clone()];
            (t[0].pos == "NNG" && t[1].pos.starts_with("XSV"))
                .then(|| t[0].surface(ctx.body))
                .filter(|f| CLAUSE_FUNCTIONS.contains(f))
        });
    let mut found: Vec<Named> = Vec::new();
    // The argument nearest the trigger first ("X가 이뤄지지 않는 장애": the
    // relative clause's subject); the one further out adds only names that
    // are plainly services (a terminal, an app, a known name), not places
    // ("주민센터 창구에서") or other topics.
    let relative_subject = matches!((head, place), (Some(h), Some(p)) if h > p
        && (h + 1..k).any(|q| ctx.words[q].adnominal));
    // The subject of a function clause ("A가 화면에 출력되는 오류") is what
    // failed; the place is where its wrong output showed.
    let relative_subject = relative_subject || clause_function.is_some() && head.is_some();
    let cands = if want_place_first && !relative_subject {
        [place, head]
    } else {
        [head, place]
    };
    for (ci, cand) in cands.into_iter().flatten().enumerate() {
        let secondary = ci > 0 && !found.is_empty() || place_beyond_head && Some(cand) == place;
        // "서류를 발급할 수 없었다": the object of a function verb names the
        // function's service ("서류 발급").
        let function = ctx.tokens[m.tok].surface(ctx.body);
        let object_of_function = Some(cand) == head
            && verbal_trigger
            && FUNCTION_NOUNS.contains(&function)
            && matches!(ctx.words[cand].particle.as_str(), "을" | "를");
        let add = |out: Vec<Named>, found: &mut Vec<Named>| {
            for mut n in out {
                if secondary && !plainly_a_service(&n.name) {
                    continue;
                }
                if object_of_function && !n.name.ends_with(function) {
                    n.name = format!("{} {function}", n.name);
                }
                if let Some(f) = clause_function.filter(|_| Some(cand) == head && cand + 1 < k)
                    && !n.name.ends_with(f)
                    && !plainly_a_service(&n.name)
                {
                    n.name = format!("{} {f}", n.name);
                }
                if !found.iter().any(|f| f.name == n.name) {
                    found.push(n);
                }
            }
        };
        // "X를 하는 것도 막혔다": the bound noun 것 stands for its clause,
        // whose object or subject names the function.
        let cand = if ctx.words[cand].stem(ctx.body) == "것"
            && cand > wstart
            && ctx.words[cand - 1].adnominal
        {
            (wstart..cand - 1)
                .rev()
                .take(3)
                .find(|&q| {
                    ctx.words[q].nominal
                        && matches!(ctx.words[q].particle.as_str(), "을" | "를" | "이" | "가")
                })
                .unwrap_or(cand)
        } else {
            cand
        };
        let from = np_start(ctx, cand, wstart);
        let mut items = collect_items(ctx, from..cand + 1);
        // "X을 비롯한 Y", "X와 같은 Y": X's items too.
        if from > wstart {
            let w = &ctx.words[from - 1];
            let t = w.text(ctx.body);
            // "X 같은 Y": Y is the category that failed, X its examples,
            // which stand in only for a generic Y ("A, B 같은 서비스").
            let such_as = t.starts_with("같은") || t.starts_with("등과");
            if (t.starts_with("비롯")
                || such_as
                || t.starts_with("포함한")
                || t.starts_with("통한"))
                && from > wstart
            {
                let x_end = from - 1;
                if x_end > wstart {
                    let x_from = np_start(ctx, x_end - 1, wstart);
                    let mut xs = collect_items(ctx, x_from..x_end);
                    // A Y whose head is generic ("… 같은 보험 업무 처리") or
                    // stripped away lets the examples name the services.
                    let y_generic = items.last().is_none_or(|it| {
                        it.parts.last().is_some_and(|p| {
                            TRAILING_FUNCTION_NOUNS.contains(&p.as_str()) || is_generic(p)
                        })
                    });
                    if !such_as {
                        xs.extend(items);
                        items = xs;
                    } else if y_generic || finish(ctx, items.clone()).is_empty() {
                        items = xs;
                    }
                }
            }
        }
        // A generic head after 등 ("A, B 등 비대면 서비스"): keep the list.
        let out = finish(ctx, items);
        if !out.is_empty() {
            add(out, &mut found);
            continue;
        }
        // A generic head modified by a clause: the 등-list before it.
        let clause_from = {
            let mut q = cand;
            while q > wstart && (!ctx.words[q - 1].connective || ctx.words[q - 1].nominal) {
                q -= 1;
            }
            q
        };
        if let Some(d) = (clause_from..cand).rev().find(|&q| ctx.words[q].deung) {
            let from = np_start(ctx, d, wstart);
            add(finish(ctx, collect_items(ctx, from..d + 1)), &mut found);
        }
    }
    // The sentence's topic brands a bare function or the generic 서비스:
    // "따릉이는 … 대여가 중단된" → 따릉이 대여, "카카오는 … 서비스가 멈춘"
    // → 카카오 서비스.
    let topic = (wstart..m.word).find(|&q| {
        let w = &ctx.words[q];
        w.nominal && matches!(w.particle.as_str(), "은" | "는")
    });
    if let Some(t) = topic {
        let stem = ctx.words[t].stem(ctx.body);
        let brand = SERVICES
            .iter()
            .find(|(alias, _, _)| *alias == stem)
            .map(|(_, canon, _)| canon.to_string());
        if let Some(b) = &brand
            && !found.is_empty()
            && found
                .iter()
                .all(|n| FUNCTION_NOUNS.contains(&n.name.as_str()))
        {
            for n in &mut found {
                n.name = format!("{b} {}", n.name);
            }
        }
        // The generic channel the subject names ("앱 접속이" → 앱).
        let channel = head.filter(|&h| h > t).and_then(|h| {
            let from = np_start(ctx, h, wstart).max(t + 1);
            let parts: Vec<String> = (from..=h)
                .map(|q| clean(ctx.words[q].stem(ctx.body)))
                .filter(|p| !p.is_empty())
                .collect();
            let name = strip(parts).join(" ");
            ["서비스", "앱", "홈페이지", "애플리케이션"]
                .contains(&name.as_str())
                .then_some((h, name))
        });
        if found.is_empty()
            && let Some((h, channel)) = channel
            && (brand.is_some() || !is_generic(stem) && !not_a_service(stem))
        {
            let owner = brand.clone().unwrap_or_else(|| stem.to_string());
            return vec![Named {
                name: format!("{owner} {channel}"),
                span: ctx.words[h].stem.clone(),
            }];
        }
    }
    if !found.is_empty() {
        return found;
    }
    // (3) A known service named in the clause before the trigger.
    let clause_start = {
        let mut q = m.word;
        while q > wstart && (!ctx.words[q - 1].connective || ctx.words[q - 1].nominal) {
            q -= 1;
        }
        ctx.words[q].span.start
    };
    let before = &ctx.body[clause_start..ctx.tokens[m.tok].span.start];
    // The longest name wins ("우체국페이와 우체국보험 앱": 우체국페이, not
    // the 우체국 inside it).
    SERVICES
        .iter()
        .filter(|(alias, _, _)| alias.chars().count() >= 3)
        .filter_map(|(alias, canon, _)| before.find(alias).map(|pos| (alias, canon, pos)))
        .max_by_key(|(alias, _, pos)| (alias.len(), std::cmp::Reverse(*pos)))
        .map(|(alias, canon, pos)| {
            let at = clause_start + pos;
            vec![Named {
                name: canon.to_string(),
                span: at..at + alias.len(),
            }]
        })
        .unwrap_or_default()
}

/// A connective word that does not end the clause: an adverb made of an
/// adjective (크게 지연, 제대로 열리지) or the first verb of an auxiliary chain
/// (이뤄지지 않는, 되지 못한), whose next word starts with VX.
fn adverbial_or_auxiliary(ctx: &Ctx<'_>, wi: usize) -> bool {
    let w = &ctx.words[wi];
    let toks = &ctx.tokens[w.toks.clone()];
    let Some(last) = toks.iter().rev().find(|t| t.pos_last() == "EC") else {
        return false;
    };
    let ending = last.surface(ctx.body);
    let adjective = toks.iter().any(|t| t.has_tag("VA"));
    if adjective && ending.ends_with('게') {
        return true;
    }
    // "빌리거나 반납하는 기능": a disjunction inside one modifier.
    if ending.ends_with("거나") {
        return true;
    }
    let next_aux = ctx.words.get(wi + 1).is_some_and(|n| {
        n.sent == w.sent
            && ctx.tokens[n.toks.clone()]
                .first()
                .is_some_and(|t| t.pos_first() == "VX")
    });
    next_aux && (ending.ends_with('지') || ending.ends_with('게'))
}

/// Triggers that report a consequence when a failure clause precedes them
/// (flights, trucks, orders held up): 지연되다, 늦어지다.
const KNOCK_ON_TRIGGERS: &[&str] = &["늦", "지연"];

/// Verbs of occurrence that state a failure after its noun ("오류가 생겨",
/// "장애가 발생해", "고장이 나").
const OCCURRENCE_VERBS: &[&str] = &["생기", "생겨", "생긴", "발생", "나", "일어나", "일어"];

/// Nouns of a failure that an occurrence verb states.
const FAILURE_NOUNS: &[&str] = &[
    "오류", "장애", "고장", "결함", "문제", "이상", "에러", "먹통", "화재", "불",
];

/// The connective word at `wi` ends a clause stating a failure of a named
/// thing ("X에 오류가 생겨", "X에서 장애가 발생하면서").
fn failure_clause(ctx: &Ctx<'_>, wi: usize, wstart: usize) -> bool {
    let verb = ctx.words[wi].text(ctx.body);
    if wi <= wstart || !OCCURRENCE_VERBS.iter().any(|v| verb.starts_with(v)) {
        return false;
    }
    let subj = &ctx.words[wi - 1];
    if !(subj.nominal
        && matches!(subj.particle.as_str(), "이" | "가")
        && FAILURE_NOUNS
            .iter()
            .any(|f| subj.stem(ctx.body).ends_with(f)))
    {
        return false;
    }
    // The clause must name what failed ("결제 시스템에 오류가 생겨"); after
    // a bare "장애가 발생해" or a generic "서버에", the delayed thing is
    // the service that failed.
    let place = wi - 1;
    place > wstart && {
        let w = &ctx.words[place - 1];
        w.nominal
            && matches!(w.particle.as_str(), "에" | "에서")
            && !finish(
                ctx,
                collect_items(ctx, np_start(ctx, place - 1, wstart)..place),
            )
            .is_empty()
    }
}

/// Users of a service, whose genitive names it ("인터넷 가입자들의 접속").
const USER_NOUNS: &[&str] = &[
    "가입자",
    "가입자들",
    "이용자",
    "이용자들",
    "사용자",
    "사용자들",
    "고객",
    "고객들",
];

/// Heads of names that are services by themselves: channels, terminals,
/// markets.
const CHANNEL_HEADS: &[&str] = &[
    "앱",
    "웹사이트",
    "애플리케이션",
    "어플리케이션",
    "단말기",
    "발급기",
    "홈페이지",
    "누리집",
    "사이트",
    "키오스크",
    "ATM",
    "뱅킹",
    "시장",
    "플랫폼",
];

/// Functions named with their system ("예약 시스템", "수하물 처리 시스템"):
/// verbal nouns that say what the system does, so "시스템" after them is
/// the head of the name, not a generic descriptor.
const SYSTEM_FUNCTIONS: &[&str] = &[
    "예약", "발권", "예매", "결제", "처방", "접수", "주문", "전달", "처리", "매매", "관리", "제어",
    "분류", "운항", "정산", "인증", "배송", "하역", "발매", "관제", "배차",
];

/// Function nouns whose object names the service ("서류 발급").
const FUNCTION_NOUNS: &[&str] = &[
    "발급", "결제", "조회", "송금", "이체", "접수", "예매", "발권", "대여", "반납", "청구", "신청",
    "전송", "출금", "입금",
];

/// Functions that a relative clause before a failure noun names with its
/// subject ("증명서가 … 출력되는 오류" → 증명서 출력): the function nouns,
/// the shared heads, and verbs of producing output.
const CLAUSE_FUNCTIONS: &[&str] = &[
    "발급", "결제", "조회", "송금", "이체", "접수", "예매", "발권", "대여", "반납", "청구", "신청",
    "전송", "출금", "입금", "청약", "체결", "출력", "표시", "인쇄", "저장", "발송", "노출", "수신",
    "발신",
];

/// Heads a bare coordinated noun borrows ("사진과 동영상 전송" → 사진 전송).
const SHARED_HEADS: &[&str] = &[
    "단말기",
    "발급기",
    "전송",
    "발급",
    "결제",
    "조회",
    "송금",
    "이체",
    "접수",
    "예매",
    "발권",
    "대여",
    "반납",
    "청구",
    "청약",
    "신청",
    "수발신",
    "입출금",
    "체결",
];

/// A name that is a service with no context: a known name or a channel.
fn plainly_a_service(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    CHANNEL_HEADS.iter().any(|h| last.ends_with(h))
        || SERVICES
            .iter()
            .any(|(alias, _, _)| alias.chars().count() >= 2 && name.contains(alias))
}

/// A word of time ("한때", "10분가량"), not a count that the time parser
/// took in ("647개").
fn time_like(ctx: &Ctx<'_>, w: &super::words::Word) -> bool {
    let stem = w.stem(ctx.body);
    temporal_noun(stem)
        || in_time(ctx, &w.span) && !IMPACT_COUNTERS.iter().any(|c| stem.ends_with(c))
}

/// Nouns of time that end a service phrase ("개편 첫날 종일 스마트뱅킹").
fn temporal_noun(stem: &str) -> bool {
    const T: &[&str] = &[
        "첫날",
        "종일",
        "당일",
        "하루",
        "이날",
        "오늘",
        "어제",
        "당시",
        "전날",
        "연휴",
        "주말",
        "새벽",
        "오전",
        "오후",
        "밤",
        "이후",
        "이번",
        "올해",
        "지난해",
        "작년",
        "동안",
        "가량",
        "현재",
        "직후",
        "잠시",
        "일시",
        "한때",
        "사실상",
        "연속",
        "점심시간",
        "한동안",
        "한참",
        "잠깐",
        "장시간",
        "며칠",
        "며칠씩",
        "오랫동안",
        "내내",
        "전",
    ];
    // Spans of days counted in words (사흘간, 이틀씩, 닷새째).
    const DAYS: &[&str] = &["하루", "이틀", "사흘", "나흘", "닷새", "엿새", "며칠", "몇"];
    T.contains(&stem)
        || DAYS.iter().any(|d| {
            stem.strip_prefix(d)
                .is_some_and(|r| matches!(r, "간" | "씩" | "째" | "동안" | "여" | "가량"))
        })
        || stem.ends_with("후")
        || stem.ends_with("뒤")
        || stem.ends_with("때")
        || stem.starts_with("만 ")
}

/// Names that are people, causes or other non-services.
fn not_a_service(name: &str) -> bool {
    const PEOPLE: &[&str] = &[
        "관계자",
        "관계자들",
        "이용자",
        "이용자들",
        "고객",
        "고객들",
        "직원",
        "직원들",
        "시민",
        "국민",
        "국민들",
        "업체",
        "업체들",
        "민원인",
        "민원인들",
        "여행객",
        "이벤트",
        "상황",
        "사용자",
        "사용자들",
        "가입자",
        "가입자들",
        "증권사들",
        "회사",
        "가정",
        "사무실",
        "커뮤니티",
        "시설",
        "구조",
        "단계",
        "씩",
        "전문가",
        "전문가들",
        "투자자",
        "투자자들",
        "당국",
        "업계",
        "측",
    ];
    const CAUSES: &[&str] = &[
        "폭증",
        "과부하",
        "화재",
        "설정",
        "실수",
        "폭주",
        "동안",
        "사태",
        "업데이트",
        "프로그램",
        "라우팅",
        // A demonstration or a promotion booth is not a service users lost.
        "시연",
        "홍보관",
    ];
    // Equipment that fails is a cause ("네트워크 장비 오류가 원인"), not the
    // service users lost; servers stay, as they name functions ("결제 승인 서버").
    const EQUIPMENT: &[&str] = &[
        "장비",
        "스위치",
        "라우터",
        "저장장치",
        "디스크",
        "전원",
        "UPS",
        "컴퓨터",
    ];
    if matches!(
        name,
        "불" | "불로"
            | "장애"
            | "오류"
            | "그 바람"
            | "바람"
            | "그것"
            | "이것"
            | "이곳"
            | "그곳"
            | "이들"
            | "그들"
    ) {
        return true;
    }
    // A failure word inside the name: the report of a failure ("장애 신고",
    // "오류 메시지"), not a service.
    if name.split(' ').any(|p| {
        matches!(
            p,
            "장애"
                | "오류"
                | "먹통"
                | "마비"
                | "지연"
                | "불통"
                | "복구"
                | "정상화"
                | "때문"
                | "탓"
                | "경우"
                | "사이"
                | "가운데"
                | "가까이"
                | "이상"
                | "이하"
                | "정도"
                | "가량"
                | "남짓"
        )
    }) {
        return true;
    }
    // Institutions are operators ("국영 금융기관"), not what they run.
    PEOPLE.iter().any(|p| name.ends_with(p))
        || name.ends_with("기관")
        || EQUIPMENT.iter().any(|e| name.ends_with(e))
        || CAUSES.iter().any(|c| name.contains(c))
        || name.split(' ').any(temporal_noun)
}

fn in_time(ctx: &Ctx<'_>, span: &Range<usize>) -> bool {
    ctx.in_time(span)
}

/// Nouns that make a genitive a place ("마포 일대의", "수도권 지역의").
const PLACE_HEADS: &[&str] = &[
    "일대",
    "지역",
    "지방",
    "전역",
    "곳곳",
    "인근",
    "주변",
    "지역들",
];

/// Where the noun phrase whose last word is `head` starts.
fn np_start(ctx: &Ctx<'_>, head: usize, wstart: usize) -> usize {
    let mut from = head;
    while from > wstart {
        let w = &ctx.words[from - 1];
        let t = w.text(ctx.body);
        let joins = w.particle.is_empty()
            || w.particle == "의"
            || w.particle == "와"
            || w.particle == "과"
            || w.list_sep;
        let is_and = t == "및" || t == "또는";
        if is_and {
            from -= 1;
            continue;
        }
        // A determiner ("모든 기능") belongs to the phrase.
        if w.particle.is_empty() && LEADING_MODIFIERS.contains(&t) {
            from -= 1;
            continue;
        }
        // A bare number ("119 신고 전화") is a name, whatever the time
        // parser made of it.
        let bare_number =
            !w.stem.is_empty() && w.stem(ctx.body).chars().all(|c| c.is_ascii_digit());
        if !(w.nominal || w.deung)
            || !joins
            || in_time(ctx, &w.span) && !bare_number
            || temporal_noun(w.stem(ctx.body))
        {
            break;
        }
        // "서대문·마포 일대의 유선전화": a place owns nothing by name.
        if w.particle == "의" && PLACE_HEADS.iter().any(|p| w.stem(ctx.body).ends_with(p)) {
            break;
        }
        from -= 1;
        // A bare number starts its name ("11개 시의 119 신고 전화").
        if t.starts_with('▲') || bare_number {
            break;
        }
    }
    from
}

fn collect_items(ctx: &Ctx<'_>, words: Range<usize>) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut cur = Item::default();
    let push_span = |it: &mut Item, sp: Range<usize>| {
        it.span = Some(match it.span.take() {
            Some(s) => s.start..sp.end,
            None => sp,
        });
    };
    for wi in words {
        let w = &ctx.words[wi];
        let t = w.text(ctx.body);
        if t == "및" || t == "또는" {
            if !cur.parts.is_empty() {
                cur.from_and = true;
                items.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let stem = w.stem(ctx.body);
        if !stem.is_empty() {
            cur.quoted = t.starts_with(['\'', '‘', '"', '“']);
            let pieces: Vec<&str> = stem.split('·').collect();
            // "유·무선", "입·출금", "등·초본": a one-syllable piece abbreviates
            // a word that ends like the next piece (유선, 입금, 등본).
            let full: Vec<String> = pieces
                .iter()
                .enumerate()
                .map(|(pi, p)| match pieces.get(pi + 1) {
                    Some(next) if p.chars().count() == 1 && next.chars().count() >= 2 => {
                        let tail: String = next.chars().skip(1).collect();
                        format!("{p}{tail}")
                    }
                    _ => p.to_string(),
                })
                .collect();
            let mut off = w.stem.start;
            for (pi, piece) in pieces.iter().enumerate() {
                let sp = off..off + piece.len();
                off += piece.len() + '·'.len_utf8();
                if pi > 0 {
                    cur.from_dot = true;
                    items.push(std::mem::take(&mut cur));
                    cur.from_dot = false;
                }
                if !piece.is_empty() {
                    cur.abbrev = full[pi] != *piece;
                    cur.parts.push(full[pi].clone());
                    push_span(&mut cur, sp);
                }
            }
        }
        if w.particle == "의" {
            cur.genitive_at = Some(cur.parts.len());
        }
        if w.list_sep || w.deung || w.particle == "와" || w.particle == "과" {
            if !cur.parts.is_empty() {
                cur.from_and = (w.particle == "와" || w.particle == "과")
                    && !w.deung
                    && !w.text(ctx.body).ends_with(',');
                cur.from_deung = w.deung;
                items.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.parts.is_empty() {
        items.push(cur);
    }
    // "주민등록등본 등 주민등록 관련 서류 발급": examples before 등 of what a
    // function handles are documents, not services; the function is.
    if let Some(d) = items.iter().rposition(|it| it.from_deung)
        && d + 1 < items.len()
        && items
            .last()
            .and_then(|it| it.parts.last())
            .is_some_and(|p| FUNCTION_NOUNS.contains(&p.as_str()))
    {
        items.drain(..=d);
    }
    // "강남·서초구 일대 인터넷": the ·-items before a place head are places
    // too; neither they nor the head's area are part of a name.
    let mut i = 0;
    while i < items.len() {
        let placed = items[i].parts[..items[i].parts.len().saturating_sub(1)]
            .iter()
            .rposition(|p| PLACE_HEADS.contains(&p.as_str()));
        if let Some(p) = placed {
            let mut from = i;
            while from > 0 && items[from - 1].from_dot {
                from -= 1;
            }
            items[i].parts.drain(..=p);
            items[i].genitive_at = items[i].genitive_at.map(|g| g.saturating_sub(p + 1));
            items.drain(from..i);
            i = from;
        }
        i += 1;
    }
    distribute_owners(&mut items);
    // "따릉이의 대여·반납 시스템": the owner of the first ·-item owns the rest.
    for i in 1..items.len() {
        if items[i - 1].from_dot
            && let Some(g) = items[i - 1].genitive_at
            && items[i].genitive_at.is_none()
            && g < items[i - 1].parts.len()
        {
            let owner = items[i - 1].parts[..g].to_vec();
            let mut parts = owner;
            parts.extend(items[i].parts.iter().cloned());
            items[i].parts = parts;
            items[i].genitive_at = Some(g);
        }
    }
    // "모바일 신분증 앱과 홈페이지": a bare channel after a branded channel
    // takes the brand.
    for i in 1..items.len() {
        let prev = &items[i - 1];
        let core = items[i]
            .parts
            .iter()
            .rposition(|p| !TRAILING_FUNCTION_NOUNS.contains(&p.as_str()))
            .map_or(0, |x| x + 1);
        if prev.from_and
            && core == 1
            && prev.parts.len() >= 2
            && prev.genitive_at.is_none()
            && CHANNEL_HEADS.contains(&items[i].parts[0].as_str())
            && prev
                .parts
                .last()
                .is_some_and(|p| CHANNEL_HEADS.contains(&p.as_str()))
        {
            let mut parts = prev.parts[..prev.parts.len() - 1].to_vec();
            parts.extend(items[i].parts.iter().cloned());
            items[i].parts = parts;
        }
    }
    // "버스 및 지하철 단말기", "사진과 동영상 전송": a bare noun joined by
    // 및/와/과 shares the next item's head when that head is a terminal or a
    // function (not a known name: "정부24와 새올 시스템").
    for i in 0..items.len().saturating_sub(1) {
        if items[i].from_and
            && items[i].parts.len() == 1
            && items[i].genitive_at.is_none()
            && items[i + 1].parts.len() >= 2
            && !is_service_alias(&items[i].parts[0])
        {
            let head = items[i + 1].parts.last().cloned().unwrap_or_default();
            // An organisation shares only a channel ("토스뱅크와 토스증권 앱").
            let org = org_name(&items[i].parts[0]).is_some();
            if (SHARED_HEADS.contains(&head.as_str()) && !org
                || org && ["앱", "애플리케이션", "홈페이지"].contains(&head.as_str()))
                && !SHARED_HEADS.contains(&items[i].parts[0].as_str())
            {
                items[i].parts.push(head);
            }
        }
    }
    // "인터넷·모바일 뱅킹": a one-word item split off by · shares the next
    // item's head noun.
    for i in 0..items.len().saturating_sub(1) {
        if items[i].from_dot && items[i + 1].parts.len() >= 2 {
            let head = items[i + 1].parts.last().cloned().unwrap_or_default();
            if items[i].parts.len() == 1 || items[i].abbrev {
                items[i].parts.push(head);
            }
        }
    }
    items
}

/// "KT와 SK텔레콤, LG유플러스의 이동통신", "제주항공과 이스타항공의 예약·발권
/// 시스템": a list of organisations in the genitive owns every item after
/// it, so each organisation gets its own copy of them (one incident per
/// operator follows from the operator split).
fn distribute_owners(items: &mut Vec<Item>) {
    let is_org = |p: &str| org_name(p).is_some() && !is_service_alias(p);
    let k = items
        .iter()
        .take_while(|it| it.parts.len() == 1 && it.genitive_at.is_none() && is_org(&it.parts[0]))
        .count();
    if k == 0 || k >= items.len() {
        return;
    }
    let g = &items[k];
    if g.genitive_at != Some(1) || g.parts.len() < 2 || !is_org(&g.parts[0]) {
        return;
    }
    let owners: Vec<String> = items[..=k].iter().map(|it| it.parts[0].clone()).collect();
    let mut owned: Vec<Item> = Vec::new();
    owned.push(Item {
        parts: g.parts[1..].to_vec(),
        genitive_at: None,
        from_dot: g.from_dot,
        from_and: false,
        quoted: g.quoted,
        abbrev: g.abbrev,
        from_deung: false,
        span: g.span.clone(),
    });
    owned.extend(items[k + 1..].iter().cloned());
    for i in 0..owned.len().saturating_sub(1) {
        if owned[i].from_dot && owned[i].parts.len() == 1 && owned[i + 1].parts.len() >= 2 {
            let head = owned[i + 1].parts.last().cloned().unwrap_or_default();
            owned[i].parts.push(head);
        }
    }
    let mut out = Vec::new();
    for o in &owners {
        for it in &owned {
            let mut parts = vec![o.clone()];
            parts.extend(it.parts.iter().cloned());
            out.push(Item {
                parts,
                genitive_at: Some(1),
                from_dot: false,
                from_and: false,
                quoted: it.quoted,
                abbrev: false,
                from_deung: false,
                span: it.span.clone(),
            });
        }
    }
    *items = out;
}

/// Normalizes items into service names (see the module comment).
fn finish(ctx: &Ctx<'_>, items: Vec<Item>) -> Vec<Named> {
    let _ = ctx;
    let mut out: Vec<Named> = Vec::new();
    for it in items {
        let span = it.span.clone().unwrap_or(0..0);
        let parts: Vec<String> = it
            .parts
            .iter()
            .map(|p| clean(p))
            .filter(|p| !p.is_empty())
            .collect();
        let (a, b) = match it.genitive_at {
            Some(g) if g > 0 && g < parts.len() => (parts[..g].to_vec(), parts[g..].to_vec()),
            _ => (Vec::new(), parts.clone()),
        };
        // A quoted name after its descriptors is the name ("키움증권 MTS
        // '영웅문S#'", "앱 '코레일톡'").
        let b = if it.quoted && b.len() > 1 {
            b[b.len() - 1..].to_vec()
        } else {
            b
        };
        let b = strip(b);
        let device = |v: &Vec<String>| {
            v.iter().any(|p| {
                ["장비", "스위치", "서버", "라우터", "장치"]
                    .iter()
                    .any(|d| p.contains(d))
            })
        };
        let name = if !a.is_empty() {
            let mut a = strip(a);
            // "X 가입자들의 접속": the users' service X.
            if a.len() > 1 && a.last().is_some_and(|p| USER_NOUNS.contains(&p.as_str())) {
                a.pop();
            }
            if b.is_empty() || is_generic(&b.join(" ")) || device(&b) {
                a.join(" ")
            } else if let Some(brand) = brand(&a.join(" ")) {
                format!("{brand} {}", b.join(" "))
            } else {
                b.join(" ")
            }
        } else {
            b.join(" ")
        };
        let name = canonical(&name);
        if name.is_empty()
            || is_generic(&name)
            || org_name(&name).is_some() && !is_service_alias(&name)
        {
            continue;
        }
        if name.chars().count() < 2 || not_a_service(&name) {
            continue;
        }
        if !out.iter().any(|n| n.name == name) {
            out.push(Named { name, span });
        }
    }
    out
}

/// The customer-facing brand of a genitive modifier ("우체국예금" → 우체국,
/// an organisation's own name).
fn brand(a: &str) -> Option<String> {
    let compact: String = a.chars().filter(|c| !c.is_whitespace()).collect();
    for (alias, canon, _) in SERVICES {
        let ac: String = alias.chars().filter(|c| !c.is_whitespace()).collect();
        if ac == compact {
            return Some(canon.to_string());
        }
    }
    if let Some(b) = org_name(a).map(|_| a.to_string()) {
        return Some(b);
    }
    // "서울시 공공자전거 따릉이의": the brand is the last word.
    let (_, last) = a.rsplit_once(' ')?;
    SERVICES
        .iter()
        .find(|(alias, _, _)| *alias == last)
        .map(|(_, canon, _)| canon.to_string())
}

fn is_service_alias(name: &str) -> bool {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    SERVICES.iter().any(|(alias, _, _)| {
        alias
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            == compact
    })
}

fn canonical(name: &str) -> String {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    for (alias, canon, _) in SERVICES {
        let ac: String = alias.chars().filter(|c| !c.is_whitespace()).collect();
        if ac == compact {
            return canon.to_string();
        }
    }
    // An organisation or a descriptor in apposition before a known name
    // ("조달청 나라장터", "지자체 새올", "온라인 민원 서비스 정부24").
    if let Some((head, last)) = name.rsplit_once(' ')
        && let Some((_, canon, _)) = SERVICES.iter().find(|(a, _, _)| *a == last)
        && (org_name(head).is_some()
            || [
                "서비스",
                "지방자치단체",
                "지자체",
                "포털",
                "메신저",
                "플랫폼",
                "간편결제",
                "MTS",
                "HTS",
            ]
            .iter()
            .any(|d| head.ends_with(d)))
    {
        return canon.to_string();
    }
    // A product name with a generic descriptor after it ("새올 행정시스템",
    // "정부24 누리집"): the product. Organisations keep theirs ("우체국 금융
    // 서비스" is one of 우체국's services).
    if let Some((first, rest)) = name.split_once(' ')
        && let Some((_, canon, _)) = SERVICES.iter().find(|(a, _, _)| *a == first)
        && org_name(first).is_none()
        && rest.split(' ').all(|w| PRODUCT_DESCRIPTORS.contains(&w))
    {
        return canon.to_string();
    }
    // The brand word of a longer name ("SOL 앱" → "쏠 앱", "우체국예금
    // 인터넷뱅킹" → "우체국 인터넷뱅킹").
    if let Some((first, rest)) = name.split_once(' ')
        && let Some((_, canon, _)) = SERVICES.iter().find(|(a, _, _)| *a == first)
    {
        return format!("{canon} {rest}");
    }
    name.to_string()
}

/// Generic words that describe a named product without naming a part of it.
const PRODUCT_DESCRIPTORS: &[&str] = &[
    "시스템",
    "행정시스템",
    "전산시스템",
    "전산망",
    "행정전산망",
    "서비스",
    "누리집",
    "사이트",
    "포털",
    "온라인",
    "민원",
];

/// Quotes removed, "X(Y)" → Y, "(이하 …)" dropped.
fn clean(p: &str) -> String {
    let p: String = p
        .chars()
        .filter(|c| !matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”' | '▲' | '<' | '>'))
        .collect();
    if let (Some(o), Some(c)) = (p.find('('), p.rfind(')'))
        && o < c
    {
        let inner = &p[o + 1..c];
        if inner.starts_with("이하") || inner.is_empty() {
            return format!("{}{}", &p[..o], &p[c + 1..]);
        }
        return format!("{}{}", inner, &p[c + 1..]);
    }
    p.trim_matches(|c: char| c == '(' || c == ')' || c == ':')
        .to_string()
}

fn strip(mut v: Vec<String>) -> Vec<String> {
    if is_service_alias(&v.join(" ")) {
        return v;
    }
    // Discourse words are not part of a name ("한편 해당 …").
    while v.len() > 1
        && [
            "한편",
            "또",
            "또한",
            "특히",
            "이에",
            "아울러",
            "이어",
            "해당",
            "앞서",
        ]
        .contains(&v[0].as_str())
    {
        v.remove(0);
    }
    while v.len() > 1 && LEADING_MODIFIERS.contains(&v[0].as_str()) || v.len() > 1 && v[0] == "정부"
    {
        v.remove(0);
    }
    // The region a service is used in ("경기 남부 지역 119 신고 전화").
    if let Some(p) = v[..v.len().saturating_sub(1)]
        .iter()
        .rposition(|w| PLACE_HEADS.contains(&w.as_str()))
    {
        v.drain(..=p);
    }
    // The office where a service is used is not part of its name ("주민센터
    // 민원서류 발급", "읍면동 행정복지센터 …").
    while v.len() > 1
        && (["주민센터", "복지센터", "창구"]
            .iter()
            .any(|o| v[0].ends_with(o))
            || ["읍면동", "읍·면·동", "전국", "국내", "세계", "전세계"].contains(&v[0].as_str()))
    {
        v.remove(0);
    }
    if v.len() == 1 && LEADING_MODIFIERS.contains(&v[0].as_str()) {
        v.clear();
    }
    while let Some(last) = v.last() {
        // "예약 시스템", "발권 시스템": a bare function keeps its system.
        if v.len() >= 2 && last == "시스템" && SYSTEM_FUNCTIONS.contains(&v[v.len() - 2].as_str())
        {
            break;
        }
        // "카카오톡 주요 기능" → 카카오톡: the modifier goes with its noun.
        if TRAILING_FUNCTION_NOUNS.contains(&last.as_str())
            || v.len() > 1 && LEADING_MODIFIERS.contains(&last.as_str())
        {
            v.pop();
        } else {
            break;
        }
    }
    v
}

/// The items of the list whose last word is `head` ("A, B 등에서"), as
/// cleaned names.
pub(crate) fn list_items(ctx: &Ctx<'_>, head: usize) -> Vec<String> {
    let s = ctx.sentences[ctx.words[head].sent].clone();
    let wstart = ctx.words.partition_point(|w| w.span.end <= s.start);
    let from = np_start(ctx, head, wstart);
    collect_items(ctx, from..head + 1)
        .into_iter()
        .map(|it| {
            strip(
                it.parts
                    .iter()
                    .map(|p| clean(p))
                    .filter(|p| !p.is_empty())
                    .collect(),
            )
            .join(" ")
        })
        .filter(|n| !n.is_empty())
        .collect()
}
