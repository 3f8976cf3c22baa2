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
        // broadcast scripts: part markers and production credits
        r"|◀\s*\S{1,6}\s*▶|\[(?:앵커|앵커\s?멘트|리포트|기자|인터뷰|녹취|화면\s?제공)\]",
        r"|(?:촬영\s?기자|영상\s?취재|영상\s?편집|그래픽|촬영|편집|취재\s?지원|자료\s?조사)\s*[:：].*",
        r")$"
    ))
    .expect("static regex")
});

/// Lines that end an article: copyright notices, tag lists, related lists.
static END_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:무단\s?전재|재배포\s?금지|전재\s?및\s?재배포|copyright|저작권자|all rights reserved|ⓒ.{0,30}무단)",
        r"|^(?:태그\s*[:：]|태그$|관련\s?기사|관련\s?뉴스|많이\s?본\s?(?:뉴스|기사)|가장\s?많이\s?본|인기\s?기사|",
        r"주요\s?뉴스|이 시각 주요|실시간\s?인기|함께\s?보면\s?좋은|추천\s?기사|이 기사가 마음에 드시나요|",
        r"덧붙이는\s?글|기자의\s?다른\s?기사|오늘의\s?핫|핫\s?클릭|포토\s?뉴스$)"
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
    Regex::new(r"^(?:KBS|MBC|SBS|YTN|JTBC|MBN|OBS|채널A|TV조선|연합뉴스TV|뉴스TV)\s?뉴스\s?(?P<name>[가-힣]{2,4})(?:\s?기자)?입니다\.?$")
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
    if END_RE.is_match(line) && chars <= 200 {
        return Kind::End;
    }
    if DROP_RE.is_match(line) {
        return Kind::Drop;
    }
    if let Some(c) = SIGN_OFF_RE.captures(line) {
        return Kind::Byline(format!("{} 기자", &c["name"]));
    }
    if chars <= 80 && EMAIL_RE.is_match(line) {
        let name = REPORTER_RE.captures(line).map(|c| reporter(&c));
        return Kind::Byline(name.unwrap_or_default());
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
    for line in &lines[..end] {
        match classify(line) {
            Kind::Keep => {
                content += line.chars().count();
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
    out.lines.retain(|l| !l.is_empty());
    // The lead is the first paragraph, or the second under a headline.
    if let Some(first) = out
        .lines
        .iter_mut()
        .take(3)
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
    out.lines = dedup(std::mem::take(&mut out.lines));
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
    let t = line.trim_end_matches(|c: char| "\"'”’」』)]".contains(c) || c.is_whitespace());
    t.ends_with('.') || t.ends_with('다') || t.ends_with("요")
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

/// Drops repeated paragraphs (pages that print their body twice, captions
/// printed twice) and summary lines contained in a later paragraph, keeping
/// the first full occurrence.
fn dedup(lines: Vec<String>) -> Vec<String> {
    let keys: Vec<String> = lines.iter().map(|l| squeeze(l)).collect();
    let mut seen = HashSet::new();
    let mut keep: Vec<bool> = keys.iter().map(|k| seen.insert(k.clone())).collect();
    // Containment is quadratic: only for article-sized inputs.
    if lines.len() <= 2000 && keys.iter().map(String::len).sum::<usize>() <= 400_000 {
        for i in 0..lines.len() {
            if !keep[i] || keys[i].chars().count() < 20 {
                continue;
            }
            let contained = (0..lines.len()).any(|j| {
                j != i && keep[j] && keys[j].len() > keys[i].len() && keys[j].contains(&keys[i])
            });
            if contained {
                keep[i] = false;
            }
        }
    }
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect()
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
    // The headline is the first line when it reads like one and the text
    // goes on; an opening sentence or caption means the headline was not
    // captured.
    if cleaned.lines.len() >= 2 && headline_like(&cleaned.lines[0]) {
        doc.title = Some(super::meta::clean_title(&cleaned.lines.remove(0), None));
    }
    // An unlabelled timestamp line under the headline is the article's own.
    if cleaned.published.is_none() {
        let head = raw.iter().take(8);
        cleaned.published = head.filter_map(|l| dateline::whole_line_date(l)).next();
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
            classify("KBS 뉴스 홍길동입니다."),
            Kind::Byline("홍길동 기자".into())
        );
        assert_eq!(classify("촬영기자:김철수/영상편집:이영희"), Kind::Drop);
        assert_eq!(classify("[앵커]"), Kind::Drop);
        assert!(matches!(
            classify("입력 2023.11.24 21:05 수정 2023.11.24 22:10"),
            Kind::Dateline(_)
        ));
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
    fn no_title_when_text_opens_with_a_sentence() {
        let doc = read_text(
            "오늘 아침 은행 앱이 멈췄다. 많은 사람이 불편을 겪었다.\n복구는 오후에 끝났다.",
        );
        assert_eq!(doc.title, None);
    }
}
