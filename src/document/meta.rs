//! Title, times and byline from a page's metadata.
//!
//! Trust order for the publication time: JSON-LD `NewsArticle.datePublished`
//! (the article's own structured record), then `article:published_time` and
//! the similar `<meta>` tags Korean CMSs emit (`og:regDate`, `datePublished`,
//! `pubdate`, ...), then `<time datetime>`. Visible datelines come after
//! these and are handled by the HTML reader, which knows where the article
//! ends.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset};
use regex::Regex;
use scraper::{Html, Node};
use serde_json::Value;

use super::dateline;

/// `<meta>` keys naming the publication time, most trusted first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "og:regdate",
    "dable:item_published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
];

/// `<meta>` keys naming the modification time.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "article:updated_time",
    "og:updated_time",
    "datemodified",
    "dable:item_modified_time",
    "dc.date.modified",
    "dcterms.modified",
    "lastmod",
    "last-modified",
];

/// What the page says about itself.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub og_title: Option<String>,
    pub ld_headline: Option<String>,
    pub html_title: Option<String>,
    pub site_name: Option<String>,
    pub ld_published: Option<DateTime<FixedOffset>>,
    pub ld_modified: Option<DateTime<FixedOffset>>,
    pub ld_author: Option<String>,
    pub meta_published: Option<DateTime<FixedOffset>>,
    pub meta_modified: Option<DateTime<FixedOffset>>,
    pub meta_author: Option<String>,
}

/// Collects `<meta>`, `<title>` and JSON-LD facts in one pass over the tree.
pub(crate) fn collect(dom: &Html, jsonld: &[String]) -> Meta {
    let mut m = Meta::default();
    let mut published: Vec<(usize, DateTime<FixedOffset>)> = Vec::new();
    let mut modified: Vec<(usize, DateTime<FixedOffset>)> = Vec::new();
    for node in dom.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .map(str::to_ascii_lowercase);
                let (Some(key), Some(content)) = (key, el.attr("content")) else {
                    continue;
                };
                let content = content.trim();
                if content.is_empty() {
                    continue;
                }
                match key.as_str() {
                    "og:title" | "twitter:title" if m.og_title.is_none() => {
                        m.og_title = Some(content.to_string());
                    }
                    "og:site_name" if m.site_name.is_none() => {
                        m.site_name = Some(content.to_string());
                    }
                    "author" | "article:author" | "dable:author" | "byl" | "dc.creator"
                        if m.meta_author.is_none() && !content.starts_with("http") =>
                    {
                        m.meta_author = Some(content.to_string());
                    }
                    k => {
                        if let Some(rank) = PUBLISHED_KEYS.iter().position(|p| *p == k)
                            && let Some(t) = dateline::parse(content)
                        {
                            published.push((rank, t));
                        } else if let Some(rank) = MODIFIED_KEYS.iter().position(|p| *p == k)
                            && let Some(t) = dateline::parse(content)
                        {
                            modified.push((rank, t));
                        }
                    }
                }
            }
            "title" if m.html_title.is_none() => {
                let id = node.id();
                let text: String = dom
                    .tree
                    .get(id)
                    .into_iter()
                    .flat_map(|n| n.descendants())
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                if !text.trim().is_empty() {
                    m.html_title = Some(text);
                }
            }
            _ => {}
        }
    }
    published.sort_by_key(|(rank, _)| *rank);
    modified.sort_by_key(|(rank, _)| *rank);
    m.meta_published = published.first().map(|(_, t)| *t);
    m.meta_modified = modified.first().map(|(_, t)| *t);
    for block in jsonld {
        read_jsonld(block, &mut m);
    }
    m
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "TechArticle",
];

fn read_jsonld(block: &str, m: &mut Meta) {
    let Ok(value) = serde_json::from_str::<Value>(block.trim()) else {
        // Hand-written JSON-LD is often invalid (raw newlines, trailing
        // commas); the dates are still worth reading.
        read_jsonld_loosely(block, m);
        return;
    };
    let mut stack = vec![&value];
    let mut budget = 10_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(obj) => {
                if let Some(graph) = obj.get("@graph") {
                    stack.push(graph);
                }
                let is_article = match obj.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if !is_article {
                    continue;
                }
                let s = |k: &str| obj.get(k).and_then(Value::as_str);
                if m.ld_headline.is_none() {
                    m.ld_headline = s("headline").or_else(|| s("name")).map(str::to_string);
                }
                if m.ld_published.is_none() {
                    m.ld_published = s("datePublished").and_then(dateline::parse);
                }
                if m.ld_modified.is_none() {
                    m.ld_modified = s("dateModified").and_then(dateline::parse);
                }
                if m.ld_author.is_none() {
                    m.ld_author = obj.get("author").and_then(author_name);
                }
            }
            _ => {}
        }
    }
}

fn author_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(author_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn read_jsonld_loosely(block: &str, m: &mut Meta) {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""(datePublished|dateModified|headline)"\s*:\s*"([^"]{1,300})""#)
            .expect("static regex")
    });
    if !block.contains("Article") && !block.contains("ReportageNews") {
        return;
    }
    for c in FIELD.captures_iter(block) {
        let v = &c[2];
        match &c[1] {
            "datePublished" if m.ld_published.is_none() => m.ld_published = dateline::parse(v),
            "dateModified" if m.ld_modified.is_none() => m.ld_modified = dateline::parse(v),
            "headline" if m.ld_headline.is_none() => m.ld_headline = Some(v.to_string()),
            _ => {}
        }
    }
}

/// Words that mark a title segment as the site's name.
const SITE_WORDS: &[&str] = &[
    "뉴스",
    "일보",
    "신문",
    "방송",
    "닷컴",
    "데일리",
    "타임스",
    "경제",
    "미디어",
    "투데이",
    "저널",
    "헤럴드",
    "비즈",
    "포스트",
    "코리아",
    "네이버",
    "다음",
    "한겨레",
    "연합",
    "뉴시스",
    "오마이",
    "전자",
    "머니",
    "지디넷",
    "아이뉴스",
    "kbs",
    "mbc",
    "sbs",
    "jtbc",
    "ytn",
    "mbn",
    "news",
    "daily",
    "times",
    "korea",
    "zdnet",
    "herald",
    "naver",
    "daum",
    "tv",
    "기사본문",
];

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn site_like(segment: &str, site: Option<&str>) -> bool {
    let seg = squeeze(segment);
    if seg.is_empty() {
        return true;
    }
    if let Some(site) = site {
        let site = squeeze(site);
        if !site.is_empty() && (seg == site || seg.contains(&site) || site.contains(&seg)) {
            return true;
        }
    }
    segment.chars().count() <= 20
        && segment.split_whitespace().count() <= 3
        && SITE_WORDS.iter().any(|w| seg.contains(w))
}

/// A headline without the site's name: "제목 - 한국일보" and "제목 | 연합뉴스"
/// become "제목"; "제목 : 사회일반 : 사회 : 뉴스 : 한겨레" loses its section
/// trail too. Brackets that belong to the headline ("[속보]") are kept.
pub(crate) fn clean_title(raw: &str, site: Option<&str>) -> String {
    let mut t: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // ndsoft CMS: "제목 < 섹션 < 기사본문 - 매체명".
    if t.contains("기사본문")
        && let Some(i) = t.find(" < ")
    {
        t.truncate(i);
    }
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " : ", "｜", " ｜ ", " < ", " · ",
    ];
    let mut stripped_site = false;
    loop {
        let cut = SEPARATORS
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|i| (i, sep.len())))
            .max_by_key(|(i, _)| *i);
        let Some((i, len)) = cut else { break };
        let (head, tail) = (&t[..i], &t[i + len..]);
        if head.trim().chars().count() < 4 {
            break;
        }
        let section =
            stripped_site && tail.chars().count() <= 12 && tail.split_whitespace().count() <= 2;
        if site_like(tail, site) || section {
            stripped_site = true;
            t = head.trim_end().to_string();
        } else {
            break;
        }
    }
    // A leading site name: "연합뉴스 | 제목".
    for sep in [" | ", "｜", " - "] {
        if let Some(i) = t.find(sep)
            && site_like(&t[..i], site)
            && t[i + sep.len()..].chars().count() >= 4
        {
            t = t[i + sep.len()..].trim().to_string();
        }
    }
    t.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_suffixes() {
        assert_eq!(
            clean_title("모바일 신분증 먹통 - 한국일보", None),
            "모바일 신분증 먹통"
        );
        assert_eq!(
            clean_title("우체국 뱅킹 장애(종합2보) | 연합뉴스", None),
            "우체국 뱅킹 장애(종합2보)"
        );
        assert_eq!(
            clean_title("[속보] 행정망 복구 : 사회일반 : 사회 : 뉴스 : 한겨레", None),
            "[속보] 행정망 복구"
        );
        assert_eq!(
            clean_title("카카오 먹통 10시간 < IT < 기사본문 - 디지털데일리", None),
            "카카오 먹통 10시간"
        );
        assert_eq!(
            clean_title("장애 원인은 L4 스위치｜동아일보", None),
            "장애 원인은 L4 스위치"
        );
        assert_eq!(
            clean_title("서버 다운 - 판교 데이터센터 화재 여파", Some("예시일보")),
            "서버 다운 - 판교 데이터센터 화재 여파"
        );
        assert_eq!(clean_title("MBC 뉴스 | 정부24 마비", None), "정부24 마비");
    }

    #[test]
    fn reads_jsonld_graphs_and_broken_blocks() {
        let mut m = Meta::default();
        read_jsonld(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"제목","datePublished":"2023-11-24T21:05:00+09:00","author":[{"@type":"Person","name":"홍길동 기자"}]}]}"#,
            &mut m,
        );
        assert_eq!(m.ld_headline.as_deref(), Some("제목"));
        assert_eq!(m.ld_author.as_deref(), Some("홍길동 기자"));
        assert!(m.ld_published.is_some());
        let mut m = Meta::default();
        read_jsonld(
            "{\"@type\":\"NewsArticle\",\n\"headline\":\"줄바꿈\n제목\",\"datePublished\":\"2022-10-16T07:48:00+09:00\",}",
            &mut m,
        );
        assert_eq!(
            m.ld_published,
            DateTime::parse_from_rfc3339("2022-10-16T07:48:00+09:00").ok()
        );
    }
}
