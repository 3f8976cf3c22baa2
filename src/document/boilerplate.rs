//! Line-level boilerplate filters, shared by HTML and plain text, and the
//! plain-text reader.
//!
//! A news page copied as text keeps its clutter on lines of their own: share
//! widgets ("기사 스크랩", "공유", "클린뷰", "프린트"), the font-size demo
//! ("이 글자크기로 변경됩니다.", "(예시) ..."), photo credits ("ⓒ 연합뉴스",
//! "관련사진보기"), reporter e-mail lines, copyright lines, and lists of other
//! headlines with their timestamps after the article. The same lines survive
//! in HTML containers, so the HTML reader runs its paragraphs through these
//! filters too.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::Document;
use super::dateline::{self, Found, Stamp};

/// Content (in chars) that must precede a copyright or "related articles"
/// line for it to end the article; earlier, such a line is just dropped.
const MIN_CONTENT_BEFORE_END: usize = 150;

/// Widget labels and page chrome, compared with all whitespace removed.
const WIDGETS: &[&str] = &[
    "기사스크랩",
    "스크랩",
    "공유",
    "공유하기",
    "sns공유",
    "댓글",
    "댓글쓰기",
    "댓글보기",
    "클린뷰",
    "프린트",
    "프린트하기",
    "인쇄",
    "인쇄하기",
    "글자크기",
    "글씨크기",
    "글자크기설정",
    "글자크기조절",
    "글자크기변경",
    "본문글자크기",
    "폰트크기",
    "글꼴",
    "가",
    "가가",
    "가가가",
    "가가가가가",
    "작게",
    "크게",
    "좋아요",
    "싫어요",
    "추천",
    "추천하기",
    "기사추천",
    "구독",
    "구독하기",
    "기자구독",
    "구독중",
    "닫기",
    "close",
    "메뉴건너뛰기",
    "본문바로가기",
    "본문바로가기메뉴바로가기",
    "주메뉴바로가기",
    "전체메뉴",
    "카카오톡",
    "카카오스토리",
    "페이스북",
    "트위터",
    "엑스",
    "네이버블로그",
    "밴드",
    "링크복사",
    "url복사",
    "주소복사",
    "복사하기",
    "번역",
    "요약",
    "요약봇",
    "음성으로듣기",
    "기사듣기",
    "듣기",
    "원문보기",
    "기사원문",
    "본문듣기",
    "본문듣기시작",
    "글자크기변경하기",
    "관련사진보기",
    "사진크게보기",
    "이미지크게보기",
    "독자의견",
    "연도별콘텐츠보기",
    "원고료로응원하기",
    "이전기사",
    "다음기사",
    "목록",
    "맨위로",
    "top",
    "기사저장",
    "메일",
    "이메일",
    "이메일보내기",
    "훈훈해요",
    "슬퍼요",
    "화나요",
    "후속기사원해요",
    "응원해요",
    "놀랐어요",
    "추천해요",
    "쏠쏠정보",
    "흥미진진",
    "공감백배",
    "분석탁월",
    "광고",
    "광고영역",
    "ad",
    "advertisement",
];

/// Whole-line patterns of clutter.
static DROP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        // counters: "댓글12", "좋아요 3", "조회수 1,024"
        r"(?:댓글|좋아요|공감|조회수?|추천수?)\s*[\d,]+",
        r"|[\d,]+",
        // the font-size widget and its demo sentence
        r"|\(예시\).*",
        r"|.*이 글자\s?크기로 변경됩니다\.?",
        r"|.*본문 보기를 권장합니다\.?",
        // photo and video credits
        r"|[ⓒ©]\s*\S.{0,40}",
        r"|/\s*\S{1,15}",
        r"|[\[(]?(?:사진|그래픽|영상|자료|이미지|일러스트)\s*[=:/]\s*[^\])]{1,40}[\])]?",
        r"|\S{1,20}\s*제공\.?",
        // promotions and reader prompts
        r"|[▶▷☞]\s*.{0,80}(?:바로가기|구독|클릭|받아보세요|뉴스레터|채널|이벤트|제보|다운로드|보러가기)\S*",
        r"|(?:#\S+\s*)+",
        r"|.*(?:기사를 읽어드립니다|기사 듣기|기사를 추천|이 기사를 공유|재판매 및 DB 금지).*",
        r"|.{0,40}(?:구독하고|구독하세요|구독해 주세요|뉴스레터 신청|앱 설치하고|알림 받기|제보하기).{0,30}",
        r"|[\d,]+\s*(?:댓글|좋아요|공감|추천)",
        r"|.{0,12}바로\s?가기",
        r"|.{0,12}바로\s?가기",
        // broadcast scripts: part markers and production credits
        r"|◀\s*\S{1,6}\s*▶|\[(?:앵커|앵커\s?멘트|리포트|기자|인터뷰|녹취|화면\s?제공)\]",
        r"|(?:촬영\s?기자|영상\s?취재|영상\s?편집|그래픽|촬영|편집|취재\s?지원|자료\s?조사)\s*[:：].*",
        r"|[\[(](?:촬영\s?기자|영상\s?취재|영상\s?편집|영상\s?디자인|그래픽|촬영|편집|취재\s?지원|자료\s?조사|CG)\s*[:：]?\s*[가-힣]{2,4}(?:\s*[/·,]\s*[^\])]*)?[\])]",
        r")$"
    ))
    .expect("static regex")
});

/// Lines that end an article: copyright notices and footers, anywhere in
/// a line of up to 200 chars.
static END_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:무단\s?전재|재배포\s?금지|전재\s?및\s?재배포|copyright|저작권자|all rights reserved|ⓒ.{0,30}무단)",
        r"|^(?:태그\s*[:：]|덧붙이는\s?글\s*[|｜:]|이 기사가 마음에 드시나요)"
    ))
    .expect("static regex")
});

/// Section headings that open the lists after an article ("관련기사", "많이
/// 본 뉴스"): short lines only, so a sentence that merely starts with the
/// same words is kept.
static SECTION_END_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:태그|관련\s?기사|관련\s?뉴스|많이\s?본\s?(?:뉴스|기사)|가장\s?많이\s?본|인기\s?(?:기사|뉴스)|",
        r"주요\s?뉴스|이 시각 주요|실시간\s?인기|함께\s?보면\s?좋은|추천\s?기사|",
        r"덧붙이는\s?글|기자의\s?다른\s?기사|오늘의\s?핫|핫\s?클릭|포토\s?뉴스|.{0,20}(?:다른\s?글|다른\s?기사|다른\s?뉴스)$)"
    ))
    .expect("static regex")
});

static EMAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").expect("static regex")
});

/// A reporter's name and title, as in bylines.
static REPORTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<name>[가-힣]{2,4}(?:\s?[·ㆍ,]\s?[가-힣]{2,4})*)\s?(?P<role>선임기자|기자|특파원|객원기자|인턴기자|논설위원|위원|에디터|PD)")
        .expect("static regex")
});

/// A lead that opens with the agency and reporter: "(서울=연합뉴스) 홍길동
/// 기자 = ", "[서울=뉴시스]홍길동 기자 =", "[디지털데일리 홍길동기자] ".
static LEAD_BYLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[\[(【][^\])】]{1,30}[\])】]\s*(?P<n1>[가-힣]{2,4}(?:\s?[·,]\s?[가-힣]{2,4})*)\s?(?:선임기자|기자|특파원)\s*=\s*",
        r"|[\[(【](?:[^\])】\s]{1,20}\s)?(?P<n2>[가-힣]{2,4})\s?(?:선임기자|기자|특파원)[\])】]\s*)"
    ))
    .expect("static regex")
});

/// A broadcaster's sign-off: "KBS 뉴스 홍길동입니다."
static SIGN_OFF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:KBS|MBC|SBS|YTN|JTBC|MBN|OBS|채널A|TV조선|연합뉴스TV|뉴스TV)\s?(?:뉴스)?\s?(?P<name>[가-힣]{2,4})(?:\s?기자)?입니다\.?$")
        .expect("static regex")
});

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Keep,
    Drop,
    End,
    Byline(String),
    Dateline(Vec<Found>),
    /// A dateline label alone ("입력", "수정 :"); its date is on the next line.
    Label(Stamp),
    /// A date and time alone on a line, without a label.
    BareDate(chrono::DateTime<chrono::FixedOffset>),
}

fn squeeze(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn classify(line: &str) -> Kind {
    let chars = line.chars().count();
    if line.chars().all(|c| !c.is_alphanumeric()) {
        return Kind::Drop;
    }
    // Widget labels are short; long lines skip the allocation.
    if chars <= 24 && WIDGETS.contains(&squeeze(line).as_str()) {
        return Kind::Drop;
    }
    if chars <= 12 {
        static LABEL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:기사\s?입력|최초\s?입력|입력|등록|승인|송고|게재|발행일?|작성|(?P<m>수정|최종\s?수정|업데이트|최종\s?업데이트))\s*(?:일시|시간)?\s*[:：]?$")
                .expect("static regex")
        });
        if let Some(c) = LABEL.captures(line) {
            let stamp = if c.name("m").is_some() {
                Stamp::Modified
            } else {
                Stamp::Published
            };
            return Kind::Label(stamp);
        }
    }
    if chars <= 40
        && let Some(at) = dateline::whole_line_date(line.trim_end_matches('.'))
    {
        return Kind::BareDate(at);
    }
    if chars <= 120 {
        let found = dateline::find(line);
        if !found.is_empty() {
            let covered: usize = found
                .iter()
                .map(|f| line[f.range.clone()].chars().count())
                .sum();
            if chars.saturating_sub(covered) <= 30 {
                return Kind::Dateline(found);
            }
        }
    }
    if (chars <= 200 && END_RE.is_match(line))
        || (chars <= 30 && !ends_like_sentence(line) && SECTION_END_RE.is_match(line))
    {
        return Kind::End;
    }
    // Clutter lines are short; long paragraphs skip the big pattern.
    if (chars <= 160 && DROP_RE.is_match(line)) || (chars <= 40 && widget_run(line)) {
        return Kind::Drop;
    }
    if chars <= 150 && caption_credit(line).is_some() && !prose_paragraph(line) {
        return Kind::Drop;
    }
    // A headline of another article with its timestamp (a list beside or
    // under the article).
    if chars <= 120 && !ends_like_sentence(line) && dateline::has_bare_timestamp(line) {
        return Kind::Drop;
    }
    // A byline with a date or handle: "2023년 2월 8일 홍길동 기자",
    // "기자명 홍길동 기자", "홍길동 기자(abc)".
    if chars <= 40
        && let Some(c) = REPORTER_RE.captures(line)
    {
        let rest: String = line.replace(c.get(0).map_or("", |m| m.as_str()), "");
        let residue = rest
            .chars()
            .filter(|ch| ch.is_alphanumeric() && !ch.is_ascii_digit())
            .count();
        let dated = dateline::has_bare_timestamp(&rest) || rest.contains('년');
        if residue <= 4 || (dated && residue <= 8) {
            return Kind::Byline(reporter(&c));
        }
    }
    if let Some(c) = SIGN_OFF_RE.captures(line) {
        return Kind::Byline(format!("{} 기자", &c["name"]));
    }
    // A reporter's address line, not a sentence that gives an address.
    if chars <= 80 && EMAIL_RE.is_match(line) {
        let name = REPORTER_RE.captures(line).map(|c| reporter(&c));
        if name.is_some() || !ends_like_sentence(line) {
            return Kind::Byline(name.unwrap_or_default());
        }
    }
    if chars <= 20 {
        let bare = line.trim_matches(|c: char| "[]()=<> ".contains(c));
        if let Some(c) = REPORTER_RE.captures(bare)
            && c.get(0).is_some_and(|m| m.range() == (0..bare.len()))
        {
            return Kind::Byline(reporter(&c));
        }
    }
    Kind::Keep
}

/// Words of share/font/print widgets that pages glue together when copied
/// as text ("공유글자크기인쇄스크랩", "카카오톡페이스북트위터").
const WIDGET_WORDS: &[&str] = &[
    "공유하기",
    "공유",
    "글자크기",
    "글씨크기",
    "글자",
    "글씨",
    "크기",
    "조절",
    "변경하기",
    "변경",
    "설정",
    "인쇄하기",
    "인쇄",
    "프린트",
    "스크랩",
    "북마크",
    "저장",
    "폰트",
    "카카오톡",
    "카카오스토리",
    "페이스북",
    "트위터",
    "네이버블로그",
    "밴드",
    "링크복사",
    "url복사",
    "복사",
    "댓글",
    "좋아요",
    "화나요",
    "슬퍼요",
    "훈훈해요",
    "후속기사원해요",
    "추천",
    "번역",
    "듣기",
    "기사보내기",
    "sns",
    "키우기",
    "줄이기",
    "기사",
    "작게",
    "크게",
    "보통",
    "가",
    "메일",
    "이메일",
    "닫기",
    "더보기",
    "공감",
    "단계",
    "보통",
];

/// Whether a short line is nothing but widget words (and counters).
fn widget_run(line: &str) -> bool {
    let s: Vec<char> = squeeze(line)
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect();
    if s.len() < 4 {
        return false;
    }
    // reach[i]: the first i chars split into widget words.
    let mut reach = vec![false; s.len() + 1];
    reach[0] = true;
    for i in 0..s.len() {
        if !reach[i] {
            continue;
        }
        for w in WIDGET_WORDS {
            let n = w.chars().count();
            if i + n <= s.len() && s[i..i + n].iter().copied().eq(w.chars()) {
                reach[i + n] = true;
            }
        }
    }
    // At least two words: one word alone is handled by the exact list.
    reach[s.len()]
}

/// The credit that ends a photo caption ("(사진=독자 제공)", "[연합뉴스
/// 자료사진]", "동아일보DB", "/조달청 홈페이지 캡처", "© News1 김영수
/// 기자"), if the line ends with one.
fn caption_credit(line: &str) -> Option<usize> {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?:\((?:사진|그래픽|자료|영상|출처)\s*[=:：][^)]{1,30}\)",
            r"|\[[^\]]{0,24}(?:사진|DB|ⓒ|©|출처)[^\]]{0,24}\]",
            r"|(?:사진|자료)\s*=\s*\S{1,15}",
            r"|\S{1,12}\s?(?:DB|자료\s?사진)",
            r"|/\s*[^/]{1,25}(?:제공|캡처|갈무리|촬영)",
            r"|\.\s*[^.\s]{1,12}\s?제공",
            r"|[ⓒ©]\s?\S{1,15}(?:\s\S{1,6}){0,2}\s?기자",
            r"|\s(?:뉴스1|뉴시스|연합뉴스)",
            r")\.?$"
        ))
        .expect("static regex")
    });
    CREDIT.find(line).map(|m| m.start())
}

/// Running text of several sentences (a caption is one).
fn prose_paragraph(line: &str) -> bool {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.?!](?:\s|$)").expect("static regex"));
    MARK.find_iter(line).count() >= 3
}

/// The first "이름 기자" in a short text, as a byline.
pub(crate) fn reporter_in(text: &str) -> Option<String> {
    REPORTER_RE.captures(text).map(|c| reporter(&c))
}

fn reporter(c: &regex::Captures<'_>) -> String {
    format!("{} {}", &c["name"], &c["role"])
}

/// What the line filters found besides the kept lines.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    pub lines: Vec<String>,
    pub byline: Option<String>,
    pub published: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Index in `lines` of the first byline or dateline met before any
    /// running text: the headline sits just above it.
    pub meta_at: Option<usize>,
}

/// Runs the line filters over paragraphs in reading order.
pub(crate) fn clean<S: AsRef<str>>(lines: &[S]) -> Cleaned {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.as_ref().trim())
        .filter(|l| !l.is_empty())
        .collect();
    let end = trailing_list_start(&lines);
    let mut out = Cleaned::default();
    let mut content = 0usize;
    let mut label: Option<Stamp> = None;
    let mut bare = None;
    let mut prose_seen = false;
    for line in &lines[..end] {
        let kind = classify(line);
        let pending = label.take();
        if !prose_seen
            && out.meta_at.is_none()
            && matches!(
                kind,
                Kind::Byline(_) | Kind::Dateline(_) | Kind::Label(_) | Kind::BareDate(_)
            )
        {
            out.meta_at = Some(out.lines.len());
        }
        match kind {
            Kind::Label(stamp) => label = Some(stamp),
            Kind::BareDate(at) => match pending {
                Some(Stamp::Published) => {
                    out.published.get_or_insert(at);
                }
                Some(Stamp::Modified) => {
                    out.modified.get_or_insert(at);
                }
                // Unlabelled: the article's own only above the text.
                None if !prose_seen => {
                    bare.get_or_insert(at);
                }
                None => {}
            },
            Kind::Keep => {
                content += line.chars().count();
                prose_seen |= prose(line);
                out.lines.push(strip_tail_byline(line, &mut out.byline));
            }
            Kind::Drop => {}
            Kind::End if content >= MIN_CONTENT_BEFORE_END => break,
            Kind::End => {}
            Kind::Byline(name) => {
                if out.byline.is_none() && !name.is_empty() {
                    out.byline = Some(name);
                }
            }
            Kind::Dateline(found) => {
                if out.byline.is_none() {
                    out.byline = reporter_in(line);
                }
                for f in found {
                    let slot = match f.stamp {
                        Stamp::Published => &mut out.published,
                        Stamp::Modified => &mut out.modified,
                    };
                    slot.get_or_insert(f.at);
                }
            }
        }
    }
    if out.published.is_none() {
        out.published = bare;
    }
    // Lines emptied by the tail-byline strip go; keep `meta_at` in step.
    if let Some(m) = out.meta_at {
        out.meta_at = Some(out.lines[..m].iter().filter(|l| !l.is_empty()).count());
    }
    out.lines.retain(|l| !l.is_empty());
    // The lead: the first paragraph, below the headline and page furniture.
    if let Some(first) = out
        .lines
        .iter_mut()
        .take(12)
        .find(|l| LEAD_BYLINE_RE.is_match(l))
        && let Some(c) = LEAD_BYLINE_RE.captures(first)
    {
        let name = c.name("n1").or_else(|| c.name("n2")).map(|m| m.as_str());
        if let Some(name) = name
            && out.byline.is_none()
        {
            out.byline = Some(format!("{name} 기자"));
        }
        let rest = first[c.get(0).map_or(0, |m| m.end())..].to_string();
        *first = rest;
    }
    let keep = dedup_mask(&out.lines);
    if let Some(m) = out.meta_at {
        out.meta_at = Some(keep[..m].iter().filter(|k| **k).count());
    }
    let lines = std::mem::take(&mut out.lines);
    out.lines = lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect();
    out
}

/// "… 밝혔다. 홍길동 기자 hong@example.com": the reporter at the end of the
/// last paragraph goes to the byline.
fn strip_tail_byline(line: &str, byline: &mut Option<String>) -> String {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*/?\s*(?P<name>[가-힣]{2,4})\s?(?P<role>기자|특파원)\s*[(\[]?\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\s*[)\]]?\s*$")
            .expect("static regex")
    });
    match TAIL.captures(line) {
        Some(c) if c.get(0).is_some_and(|m| m.start() > 0) => {
            if byline.is_none() {
                *byline = Some(reporter(&c));
            }
            line[..c.get(0).map_or(line.len(), |m| m.start())].to_string()
        }
        _ => line.to_string(),
    }
}

/// Where a trailing list of other headlines begins (`lines.len()` if none).
///
/// Walking back from the end, headline-like lines (short, not a sentence, or
/// carrying a bare timestamp) form the list; it counts as one when at least
/// two of its lines carry timestamps or at least three are "- " items.
fn trailing_list_start(lines: &[&str]) -> usize {
    let mut start = lines.len();
    let (mut stamped, mut dashed) = (0, 0);
    while start > 0 {
        let line = lines[start - 1];
        let ts = dateline::has_bare_timestamp(line);
        let dash = line.starts_with("- ") || line.starts_with("· ");
        if !(ts || dash || (headline_like(line) && line.chars().count() <= 100)) {
            break;
        }
        stamped += usize::from(ts);
        dashed += usize::from(dash && !ends_like_sentence(line));
        start -= 1;
    }
    if stamped >= 2 || dashed >= 3 {
        start
    } else {
        lines.len()
    }
}

fn ends_like_sentence(line: &str) -> bool {
    let line = line.trim_end();
    let t = line.trim_end_matches(|c: char| "\"'”’」』)]".contains(c) || c.is_whitespace());
    // A quotation closing the line without a full stop is how headlines end
    // (`…카카오 "장애 없었다"`); running text closes its sentence after the
    // quote (`…"라고 말했다.`).
    let quoted = t.len() < line.len() && line.ends_with(['"', '”', '\'', '’', '」', '』']);
    t.ends_with('.') || (!quoted && (t.ends_with('다') || t.ends_with("요")))
}

/// A line that reads like a headline: short, at most one sentence mark, not
/// a declarative sentence.
pub(crate) fn headline_like(line: &str) -> bool {
    let chars = line.chars().count();
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.?!](?:\s|$)").expect("static regex"));
    let marks = MARK.find_iter(line).count();
    (4..=120).contains(&chars) && marks <= 1 && !ends_like_sentence(line)
}

/// A line of running text: long enough and ending like a sentence, or
/// holding several sentences.
fn prose(line: &str) -> bool {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.?!](?:\s|$)").expect("static regex"));
    let chars = line.chars().count();
    (chars >= 10 && ends_like_sentence(line)) || (chars >= 30 && MARK.find_iter(line).count() >= 2)
}

/// A line that is just an outlet's name ("연합뉴스", "디지털데일리", "KBS 뉴스").
fn outlet_name(line: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "뉴스",
        "Korea",
        "korea",
        "코리아",
        "일보",
        "신문",
        "방송",
        "닷컴",
        "데일리",
        "타임스",
        "투데이",
        "뉴시스",
        "뉴스1",
        "TV",
        "KBS",
        "MBC",
        "SBS",
        "YTN",
        "JTBC",
        "News",
        "NEWS",
    ];
    line.chars().count() <= 12
        && line.split_whitespace().count() <= 2
        && ENDINGS.iter().any(|e| line.ends_with(e))
}

/// The lines [`dedup_mask`] keeps.
#[cfg(test)]
fn dedup(lines: Vec<String>) -> Vec<String> {
    let keep = dedup_mask(&lines);
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
}

/// Which lines survive de-duplication: repeated paragraphs (pages that
/// print their body twice, captions printed twice), summary lines
/// contained in a later paragraph, and near-duplicates go; the first full
/// occurrence stays.
fn dedup_mask(lines: &[String]) -> Vec<bool> {
    let keys: Vec<String> = lines.iter().map(|l| squeeze(l)).collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(keys.len());
    let mut keep: Vec<bool> = keys.iter().map(|k| seen.insert(k.as_str())).collect();
    let lens: Vec<usize> = keys.iter().map(|k| k.chars().count()).collect();
    // Containment is quadratic: only for article-sized inputs.
    if lines.len() <= 2000 && keys.iter().map(String::len).sum::<usize>() <= 400_000 {
        for i in 0..lines.len() {
            if !keep[i] || lens[i] < 20 {
                continue;
            }
            // One searcher per needle rather than one per pair (`str::contains`
            // builds its searcher on every call); a byte match of valid UTF-8
            // in valid UTF-8 is a character match.
            let finder = memchr::memmem::Finder::new(keys[i].as_bytes());
            let contained = (0..lines.len()).any(|j| {
                j != i
                    && keep[j]
                    && keys[j].len() > keys[i].len()
                    && finder.find(keys[j].as_bytes()).is_some()
            });
            if contained {
                keep[i] = false;
            }
        }
    }
    // Near-duplicates (a second copy with a changed word or mark): the later
    // one goes when the character bigrams of the two overlap almost fully.
    if lines.len() <= 400 {
        let grams: Vec<std::cell::OnceCell<Vec<u64>>> =
            keys.iter().map(|_| std::cell::OnceCell::new()).collect();
        let gram = |i: usize| grams[i].get_or_init(|| bigrams(&keys[i]));
        for j in 0..lines.len() {
            if !keep[j] || lens[j] < 30 {
                continue;
            }
            // Lengths within 30% of each other, or the overlap cannot reach 0.85.
            let near = (0..j).any(|i| {
                keep[i]
                    && lens[i] * 10 >= lens[j] * 7
                    && lens[j] * 10 >= lens[i] * 7
                    && jaccard(gram(i), gram(j)) >= 0.85
            });
            if near {
                keep[j] = false;
            }
        }
    }
    keep
}

/// The distinct character bigrams of a line, sorted.
fn bigrams(key: &str) -> Vec<u64> {
    let chars: Vec<char> = key.chars().collect();
    let mut out: Vec<u64> = chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// Reads a plain-text capture of a news page.
pub(crate) fn read_text(text: &str) -> Document {
    let raw: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut cleaned = clean(&raw);
    let mut doc = Document::default();
    // The headline is the first headline-like line before the prose starts:
    // at least 8 chars, or right above the prose ("정부24 먹통"). Only menu
    // items (short lines) may stand above it; they are page chrome and go.
    // Text that opens with a sentence or a caption has no captured headline.
    if cleaned.lines.len() >= 2 && outlet_name(&cleaned.lines[0]) {
        cleaned.lines.remove(0);
        cleaned.meta_at = cleaned.meta_at.map(|m| m.saturating_sub(1));
    }
    let prose_at = cleaned
        .lines
        .iter()
        .position(|l| prose(l))
        .unwrap_or(cleaned.lines.len());
    let candidate = |k: usize| {
        let l = &cleaned.lines[k];
        headline_like(l) && !outlet_name(l)
    };
    // Under a byline or dateline block, the nearest headline-like line
    // above it; otherwise the first one of some length.
    // Under a byline or dateline block: the longest headline-like line in
    // the run of non-prose lines above it (menus, headline, subtitle), else
    // the nearest one.
    let anchored = cleaned
        .meta_at
        .filter(|&m| m <= prose_at && m > 0)
        .and_then(|m| {
            let run = (0..m)
                .rev()
                .take_while(|&k| !prose(&cleaned.lines[k]))
                .last()
                .unwrap_or(m);
            (run..m)
                .filter(|&k| candidate(k))
                .max_by_key(|&k| cleaned.lines[k].chars().count())
                .or_else(|| (0..m).rev().find(|&k| candidate(k)))
        });
    let head = anchored.or_else(|| {
        (0..prose_at)
            .find(|&k| candidate(k) && (cleaned.lines[k].chars().count() >= 8 || k + 1 == prose_at))
    });
    if let Some(k) = head
        && k + 1 < cleaned.lines.len()
        && cleaned.lines[..k].iter().all(|l| l.chars().count() <= 20)
    {
        let title = cleaned.lines.drain(..=k).next_back().unwrap_or_default();
        doc.title = Some(super::meta::clean_title(&title, None));
    }
    // An unlabelled timestamp line under the headline is the article's own.
    if cleaned.published.is_none() {
        let head = raw.iter().take(8);
        cleaned.published = head.filter_map(|l| dateline::whole_line_date(l)).next();
    }
    // Failing that, a head line that opens with the timestamp and goes on
    // with its label, outlet or reporter.
    for (at, stamp) in raw.iter().take(8).filter_map(|l| dateline::leading_date(l)) {
        match stamp {
            Stamp::Published if cleaned.published.is_none() => cleaned.published = Some(at),
            Stamp::Modified if cleaned.modified.is_none() => cleaned.modified = Some(at),
            _ => {}
        }
    }
    doc.published_at = cleaned.published;
    doc.modified_at = cleaned.modified;
    doc.byline = cleaned.byline;
    doc.body = cleaned.lines.join("\n");
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_clutter() {
        for line in [
            "기사 스크랩",
            "-",
            "클린뷰",
            "이 글자크기로 변경됩니다.",
            "(예시) 가장 빠른 뉴스가 있고 다양한 정보를 만나보세요.",
            "ⓒ 연합뉴스",
            "관련사진보기",
            "/연합뉴스",
            "사진=게티이미지뱅크",
            "댓글12",
            "#장애 #카카오",
        ] {
            assert_eq!(classify(line), Kind::Drop, "{line}");
        }
        for line in [
            "Copyright © 한국일보. 무단전재 및 재배포 금지.",
            "<저작권자 © 전자신문, 무단 전재 및 재배포 금지>",
            "태그:#전산망",
            "관련기사",
        ] {
            assert_eq!(classify(line), Kind::End, "{line}");
        }
        assert_eq!(
            classify("김철수 기자 cs.kim@example.co.kr"),
            Kind::Byline("김철수 기자".into())
        );
        assert_eq!(classify("오후 3시 20분 앱 일부가 복구됐다."), Kind::Keep);
        assert_eq!(
            classify("보상 문의는 help@example.com으로 하면 된다."),
            Kind::Keep
        );
        assert_eq!(
            classify("관련 기사에 따르면 장애는 오후 들어 다시 발생했다."),
            Kind::Keep
        );
        assert_eq!(
            classify("KBS 뉴스 홍길동입니다."),
            Kind::Byline("홍길동 기자".into())
        );
        assert_eq!(classify("촬영기자:김철수/영상편집:이영희"), Kind::Drop);
        assert_eq!(classify("[앵커]"), Kind::Drop);
        assert_eq!(classify("[영상취재 김도훈 / 영상편집 이서진]"), Kind::Drop);
        assert_eq!(
            classify("YTN 천소율입니다."),
            Kind::Byline("천소율 기자".into())
        );
        assert!(matches!(
            classify("입력 2023.11.24 21:05 수정 2023.11.24 22:10"),
            Kind::Dateline(_)
        ));
    }

    #[test]
    fn drops_near_duplicate_paragraphs() {
        let lines = [
            "행정안전부는 오전 9시부터 정부24 서비스가 중단됐다고 밝혔다. 복구는 오후 늦게 끝났다.",
            "행정안전부는 오전 9시부터 정부24 서비스가 중단됐다고 밝혔다. 복구는 오후 늦게 끝났다고 한다.",
            "조달청 나라장터는 정상적으로 운영되고 있다고 조달청이 밝혔다. 입찰 마감은 그대로다.",
        ];
        let kept = dedup(lines.iter().map(|s| s.to_string()).collect());
        assert_eq!(kept, vec![lines[0].to_string(), lines[2].to_string()]);
    }

    #[test]
    fn finds_trailing_headline_lists() {
        let lines = [
            "본문 첫 문장이다.",
            "본문 마지막 문장이다.",
            "다른 기사 제목 하나",
            "2025-01-19 10:20:58다른 기사 제목 둘",
            "2025-01-19 10:20:13",
        ];
        assert_eq!(trailing_list_start(&lines), 2);
        let list = ["본문이다.", "- 첫째 항목이다.", "- 둘째 항목이다."];
        assert_eq!(trailing_list_start(&list), 3);
        let heads = ["본문이다.", "- 제목 하나", "- 제목 둘", "- 제목 셋"];
        assert_eq!(trailing_list_start(&heads), 1);
    }

    #[test]
    fn reads_a_text_capture() {
        let text = "서버 장애로 결제 멈춰(종합)\n-\n공유\n-\n프린트\n\
            입력 2023.03.02 14:10\n\
            [테크뉴스 박영희기자] 2일 오전 결제 서버에 장애가 발생해 결제가 두 시간 동안 멈췄다. 회사는 원인을 조사하고 있다.\n\
            회사 측은 오후 1시께 복구를 마쳤다고 밝혔다.\n\
            ⓒ 테크뉴스\n\
            2일 오전 결제 서버에 장애가 발생해 결제가 두 시간 동안 멈췄다. 회사는 원인을 조사하고 있다.\n\
            Copyright ⓒ 테크뉴스. 무단전재 및 재배포 금지\n\
            - 다른 기사";
        let doc = read_text(text);
        assert_eq!(doc.title.as_deref(), Some("서버 장애로 결제 멈춰(종합)"));
        assert_eq!(doc.byline.as_deref(), Some("박영희 기자"));
        assert_eq!(
            doc.published_at,
            chrono::DateTime::parse_from_rfc3339("2023-03-02T14:10:00+09:00").ok()
        );
        assert_eq!(
            doc.body,
            "2일 오전 결제 서버에 장애가 발생해 결제가 두 시간 동안 멈췄다. 회사는 원인을 조사하고 있다.\n\
             회사 측은 오후 1시께 복구를 마쳤다고 밝혔다."
        );
    }

    #[test]
    fn an_outlet_name_is_not_the_headline() {
        let doc =
            read_text("연합뉴스\n카카오톡 전송 지연\n카카오톡 메시지 전송이 30분간 지연됐다.");
        assert_eq!(doc.title.as_deref(), Some("카카오톡 전송 지연"));
        assert!(!doc.body.contains("연합뉴스"));
    }

    #[test]
    fn menus_above_the_headline_are_chrome() {
        let doc = read_text(
            "홈\n정치\n경제\nIT/과학\n통신망 85분 먹통…라우팅 오류\n25일 오전 통신망이 전국에서 85분 동안 끊기는 사고가 발생했다.",
        );
        assert_eq!(doc.title.as_deref(), Some("통신망 85분 먹통…라우팅 오류"));
        assert!(doc.body.starts_with("25일 오전"));
    }

    #[test]
    fn a_short_headline_over_a_short_sentence() {
        let doc = read_text("정부24 먹통\n17일 정부24 서비스가 중단됐다.");
        assert_eq!(doc.title.as_deref(), Some("정부24 먹통"));
        assert_eq!(doc.body, "17일 정부24 서비스가 중단됐다.");
    }

    #[test]
    fn no_title_when_text_opens_with_a_sentence() {
        let doc = read_text(
            "오늘 아침 은행 앱이 멈췄다. 많은 사람이 불편을 겪었다.\n복구는 오후에 끝났다.",
        );
        assert_eq!(doc.title, None);
    }
}
