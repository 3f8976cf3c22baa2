//! HTML page → article title, times, byline and clean paragraphs.
//!
//! 1. A byte-level pre-pass drops scripts, styles, comments and other raw
//!    text (keeping JSON-LD blocks aside) and flattens absurdly deep nesting,
//!    so html5ever's tree builder, whose scope checks walk the stack of open
//!    elements, stays linear.
//! 2. The article container is found among the known containers of major
//!    Korean outlets and portals, or by text density (in the spirit of
//!    readability) on unknown sites.
//! 3. The container is walked without recursion, skipping boilerplate
//!    elements (by tag, by class/id words, hidden ones), with block elements
//!    and `<br>` turned into line breaks; the lines then go through the line
//!    filters shared with plain text ([`super::boilerplate`]).

use std::sync::LazyLock;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::Document;
use super::boilerplate;
use super::dateline::{self, Stamp};
use super::meta;

/// Nesting deeper than this is flattened by the pre-pass.
const MAX_DEPTH: usize = 512;

/// Text (in chars) a known container must yield to be trusted.
const MIN_CONTAINER_TEXT: usize = 80;

/// Article containers of Korean outlets and portals, most specific first.
const CONTAINERS: &[&str] = &[
    "#dic_area",                 // Naver News
    "#newsct_article",           // Naver News (mobile/2023)
    "#articleBodyContents",      // Naver News (older)
    "#articeBody",               // Naver entertainment
    "#newsEndContents",          // Naver sports
    ".article_view section",     // Daum News
    ".article_view",             // Daum News (older)
    "#harmonyContainer",         // Daum News (older)
    "article.story-news",        // Yonhap
    ".story-news.article",       // Yonhap
    "#articleWrap .article-txt", // Yonhap (older)
    "section.article-body",      // Chosun (Arc)
    "#article_body",             // JoongAng
    "#article_txt",              // Dong-A
    ".article_txt",              // Dong-A, Electronic Times
    "section.news_view",         // Dong-A (2023)
    ".article-text",             // Hankyoreh
    "#a-left-scroll-in .text",   // Hankyoreh (older)
    "#articleBody",              // Kyunghyang, ZDNet Korea, etnews
    ".art_body",                 // Kyunghyang (older)
    "div.col-main",              // Hankook Ilbo
    ".end-body",                 // Hankook Ilbo (older)
    "#cont_newstext",            // KBS
    ".detail-body",              // KBS (2023)
    ".news_txt",                 // MBC
    ".text_area",                // SBS
    ".main_text .text_area",     // SBS (older)
    ".news_cnt_detail_wrap",     // Maeil Business
    "#textBody",                 // Money Today
    ".view_text",                // Money Today (older), Asia Economy
    "#article-view-content-div", // ndsoft CMS (Digital Daily and many more)
    ".at_contents",              // OhmyNews
    "#news_body_area",           // Seoul Shinmun, others
    "#CmAdContent",              // Segye
    ".news_body",                // various
    "[itemprop=articleBody]",    // schema.org microdata
    "#article-body",
    ".article-body",
    ".article_body",
    "#article_content",
    ".article_content",
    "#content_text",
];

static CONTAINER_SELECTORS: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    CONTAINERS
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .collect()
});

/// Reads a decoded HTML page.
pub(crate) fn read(page: &str) -> Document {
    let pre = prefilter(page);
    let dom = Html::parse_document(&pre.html);
    let meta = meta::collect(&dom, &pre.jsonld);
    let mut doc = Document {
        warnings: pre.warnings,
        ..Document::default()
    };

    let container = known_container(&dom).or_else(|| density_container(&dom));
    let lines = match container {
        Some(c) => paragraphs(c),
        None => {
            doc.warnings
                .push("no article container found; using the whole page".into());
            paragraphs(dom.root_element())
        }
    };
    let cleaned = boilerplate::clean(&lines);

    let page_title = title(&dom, &meta);
    let visible = container.map_or_else(Visible::default, |c| visible_datelines(&dom, c));
    doc.published_at = meta
        .ld_published
        .or(meta.meta_published)
        .or(visible.time_element)
        .or(visible.published)
        .or(cleaned.published);
    doc.modified_at = meta
        .ld_modified
        .or(meta.meta_modified)
        .or(visible.modified)
        .or(cleaned.modified);
    doc.byline = byline(&meta, cleaned.byline, visible.byline);
    let mut lines = cleaned.lines;
    // The headline repeated inside the container is not body text.
    if let Some(t) = &page_title {
        let key = squeeze(t);
        lines.retain(|l| squeeze(l) != key);
    }
    doc.title = page_title;
    doc.body = lines.join("\n");
    doc
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn title(dom: &Html, meta: &meta::Meta) -> Option<String> {
    let site = meta.site_name.as_deref();
    let clean = |s: &str| {
        let t = meta::clean_title(s, site);
        (t.chars().count() >= 2 && site.is_none_or(|site| squeeze(site) != squeeze(&t)))
            .then_some(t)
    };
    if let Some(t) = meta.og_title.as_deref().and_then(clean) {
        return Some(t);
    }
    if let Some(t) = meta.ld_headline.as_deref().and_then(clean) {
        return Some(t);
    }
    static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1, h2").expect("static"));
    for h in dom.select(&H1) {
        let text = collapse(&h.text().collect::<String>());
        if text.chars().count() >= 6 {
            return clean(&text);
        }
    }
    meta.html_title.as_deref().and_then(clean)
}

fn byline(meta: &meta::Meta, body: Option<String>, visible: Option<String>) -> Option<String> {
    let person = |s: &str| {
        let s = collapse(s);
        let s = s.split('@').next().unwrap_or("").trim().to_string();
        let s = s
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || "._-".contains(c))
            .trim()
            .to_string();
        (!s.is_empty() && s.chars().count() <= 40 && !s.starts_with("http")).then_some(s)
    };
    let from_meta = meta
        .ld_author
        .as_deref()
        .or(meta.meta_author.as_deref())
        .and_then(person)
        .filter(|a| {
            meta.site_name
                .as_deref()
                .is_none_or(|site| squeeze(site) != squeeze(a))
        });
    // A bare name in metadata gets its role from the page when the page
    // states it ("홍길동" + "홍길동 기자" in the body → "홍길동 기자").
    let seen = body.or(visible);
    match (from_meta, seen) {
        (Some(m), Some(s)) if s.starts_with(&m) => Some(s),
        (Some(m), _) => Some(m),
        (None, s) => s,
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first known container that holds real text.
fn known_container(dom: &Html) -> Option<ElementRef<'_>> {
    for sel in CONTAINER_SELECTORS.iter() {
        for el in dom.select(sel) {
            let text: usize = paragraphs(el).iter().map(|l| l.chars().count()).sum();
            if text >= MIN_CONTAINER_TEXT {
                return Some(el);
            }
        }
    }
    None
}

/// Readability-style fallback: every text run of some length scores its
/// parent block and, half, its grandparent; the best block after a
/// link-density penalty is the article.
fn density_container(dom: &Html) -> Option<ElementRef<'_>> {
    use std::collections::HashMap;
    let body = dom.root_element();
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut link_depth = 0usize;
    for edge in body.traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if skip_depth.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if skipped(el) {
                            skip_depth = Some(depth);
                        } else if el.name() == "a" {
                            link_depth += 1;
                        }
                    }
                    Node::Text(t) if link_depth == 0 => {
                        let text = t.trim();
                        let chars = text.chars().count();
                        if chars < 25 {
                            continue;
                        }
                        let marks = text.matches(['.', ',', '다']).count() as f64;
                        let score = 1.0 + marks.min(10.0) + (chars as f64 / 100.0).min(3.0);
                        let mut up = block_ancestors(node);
                        if let Some(p) = up.next() {
                            *scores.entry(p.id()).or_default() += score;
                        }
                        if let Some(g) = up.next() {
                            *scores.entry(g.id()).or_default() += score / 2.0;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_depth == Some(depth) {
                    skip_depth = None;
                } else if skip_depth.is_none()
                    && node.value().as_element().is_some_and(|e| e.name() == "a")
                {
                    link_depth = link_depth.saturating_sub(1);
                }
                depth -= 1;
            }
        }
    }
    let mut ranked: Vec<(ego_tree::NodeId, f64)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
        .into_iter()
        .take(5)
        .filter_map(|(id, score)| {
            let el = ElementRef::wrap(dom.tree.get(id)?)?;
            Some((el, score * (1.0 - link_density(el))))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(el, _)| el)
}

fn block_ancestors<'a>(node: NodeRef<'a, Node>) -> impl Iterator<Item = NodeRef<'a, Node>> {
    node.ancestors().filter(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| !INLINE.contains(&e.name()))
    })
}

fn link_density(el: ElementRef<'_>) -> f64 {
    let (mut all, mut linked) = (0usize, 0usize);
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let n = t.trim().chars().count();
            all += n;
            if node
                .ancestors()
                .take_while(|a| a.id() != el.id())
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
            {
                linked += n;
            }
        }
    }
    if all == 0 {
        1.0
    } else {
        linked as f64 / all as f64
    }
}

const INLINE: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "font", "u", "small", "big", "sub", "sup", "mark",
    "abbr", "cite", "q", "s", "strike", "time", "code", "label",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "center",
    "figure",
    "header",
    "footer",
    "body",
    "html",
    "tbody",
    "thead",
];

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "img",
    "picture",
    "svg",
    "video",
    "audio",
    "object",
    "embed",
    "canvas",
    "map",
    "template",
    "dialog",
    "menu",
    "head",
    "title",
    "meta",
    "link",
];

/// Words in class or id that mark boilerplate.
const SKIP_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "adsbygoogle",
    "banner",
    "share",
    "sharing",
    "sns",
    "social",
    "print",
    "scrap",
    "fontsize",
    "textsize",
    "related",
    "relation",
    "relate",
    "relnews",
    "recommend",
    "recommended",
    "popular",
    "ranking",
    "rank",
    "best",
    "most",
    "hot",
    "subscribe",
    "subscription",
    "newsletter",
    "copyright",
    "caption",
    "credit",
    "comment",
    "comments",
    "reply",
    "tag",
    "tags",
    "keyword",
    "keywords",
    "hidden",
    "blind",
    "skip",
    "byline",
    "reporter",
    "journalist",
    "writer",
    "author",
    "profile",
    "promo",
    "promotion",
    "sponsor",
    "sponsored",
    "widget",
    "toolbar",
    "util",
    "utility",
    "tool",
    "tools",
    "btn",
    "button",
    "footer",
    "header",
    "nav",
    "navigation",
    "menu",
    "gnb",
    "lnb",
    "snb",
    "breadcrumb",
    "sidebar",
    "aside",
    "photo",
    "img",
    "image",
    "figure",
    "thumb",
    "video",
    "vod",
    "player",
    "audio",
    "modal",
    "popup",
    "layer",
    "dable",
    "taboola",
    "outbrain",
    "wing",
    "more",
    "info",
    "date",
    "dateline",
    "datetime",
    "sr",
    "offscreen",
    "emotion",
    "reaction",
    "like",
    "poll",
    "survey",
    "series",
    "issue",
    "coupang",
    "shopping",
    "headline",
    "headlines",
    "latest",
    "list",
    "news_list",
    "aside",
    "bottom",
    "spi",
];

fn class_words(el: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    let id = el.id().unwrap_or("");
    let class = el.attr("class").unwrap_or("");
    [id, class].into_iter().flat_map(|s| {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in s.chars() {
            if !c.is_ascii_alphanumeric() {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                prev_lower = false;
                continue;
            }
            if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            cur.push(c.to_ascii_lowercase());
        }
        if !cur.is_empty() {
            words.push(cur);
        }
        words
    })
}

/// Whether an element inside an article is boilerplate.
fn skipped(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    let words: Vec<String> = class_words(el).collect();
    words.iter().enumerate().any(|(i, w)| {
        SKIP_WORDS.contains(&w.as_str())
            || w.starts_with("adsby")
            || w.starts_with("google")
            || w.starts_with("banner")
            || (w.starts_with("ad") && w.len() > 2 && w[2..].bytes().all(|b| b.is_ascii_digit()))
            || ((w == "font" || w == "text" || w == "txt")
                && words
                    .get(i + 1)
                    .is_some_and(|n| n == "size" || n == "resize"))
    })
}

/// The paragraphs of an element, in reading order: blocks and `<br>` break
/// lines, boilerplate elements are skipped. Iterative: depth cannot
/// overflow the stack.
pub(crate) fn paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, lines: &mut Vec<String>| {
        let t = collapse(cur);
        if !t.is_empty() {
            lines.push(t);
        }
        cur.clear();
    };
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if skip_depth.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if node.id() != root.id() && skipped(el) {
                            skip_depth = Some(depth);
                            continue;
                        }
                        if name == "br" || BLOCK.contains(&name) {
                            flush(&mut cur, &mut lines);
                        } else if name == "td" || name == "th" {
                            cur.push(' ');
                        }
                    }
                    Node::Text(t) => cur.push_str(&t.text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_depth == Some(depth) {
                    skip_depth = None;
                } else if skip_depth.is_none()
                    && let Node::Element(el) = node.value()
                    && BLOCK.contains(&el.name())
                {
                    flush(&mut cur, &mut lines);
                }
                depth -= 1;
            }
        }
    }
    flush(&mut cur, &mut lines);
    lines
}

/// Datelines and bylines visible on the page up to the end of the article.
#[derive(Debug, Default)]
struct Visible {
    time_element: Option<chrono::DateTime<chrono::FixedOffset>>,
    published: Option<chrono::DateTime<chrono::FixedOffset>>,
    modified: Option<chrono::DateTime<chrono::FixedOffset>>,
    byline: Option<String>,
}

/// Looks for `<time datetime>` and visible datelines from the top of the
/// page to the end of the article container. Text inside list items and
/// links (lists of other headlines) lends no timestamps; nothing after the
/// article is read.
fn visible_datelines(dom: &Html, container: ElementRef<'_>) -> Visible {
    let mut v = Visible::default();
    let mut in_list = 0usize;
    let mut depth_stack: Vec<bool> = Vec::new();
    let mut bare: Option<chrono::DateTime<chrono::FixedOffset>> = None;
    for edge in dom.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                let listy = node.value().as_element().is_some_and(|e| {
                    matches!(e.name(), "li" | "a" | "ul" | "ol")
                        || class_words(e).any(|w| {
                            matches!(
                                w.as_str(),
                                "related"
                                    | "popular"
                                    | "ranking"
                                    | "rank"
                                    | "most"
                                    | "list"
                                    | "headline"
                                    | "headlines"
                                    | "latest"
                                    | "relnews"
                                    | "hot"
                            )
                        })
                });
                depth_stack.push(listy);
                in_list += usize::from(listy);
                if in_list > 0 {
                    continue;
                }
                match node.value() {
                    Node::Element(el)
                        if el.name() == "time" || el.attr("itemprop") == Some("datePublished") =>
                    {
                        let attr = el.attr("datetime").or_else(|| el.attr("content"));
                        if v.time_element.is_none() {
                            v.time_element = attr.and_then(dateline::parse);
                        }
                    }
                    Node::Text(t) => {
                        let text = t.trim();
                        if text.is_empty() || text.chars().count() > 200 {
                            continue;
                        }
                        for f in dateline::find(text) {
                            match f.stamp {
                                Stamp::Published => v.published = v.published.or(Some(f.at)),
                                Stamp::Modified => v.modified = v.modified.or(Some(f.at)),
                            }
                        }
                        if bare.is_none() {
                            bare = dateline::whole_line_date(text);
                        }
                        if v.byline.is_none()
                            && text.chars().count() <= 60
                            && text.contains("기자")
                            && node
                                .parent()
                                .and_then(|p| {
                                    p.value().as_element().map(|e| {
                                        class_words(e).any(|w| {
                                            matches!(
                                                w.as_str(),
                                                "byline"
                                                    | "reporter"
                                                    | "writer"
                                                    | "journalist"
                                                    | "author"
                                                    | "name"
                                            )
                                        })
                                    })
                                })
                                .unwrap_or(false)
                        {
                            v.byline = boilerplate::reporter_in(text);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if depth_stack.pop() == Some(true) {
                    in_list -= 1;
                }
                if node.id() == container.id() {
                    break;
                }
            }
        }
    }
    if v.published.is_none() {
        v.published = bare;
    }
    v
}

/// What the pre-pass hands to the parser.
#[derive(Debug, Default)]
pub(crate) struct Prefiltered {
    pub html: String,
    pub jsonld: Vec<String>,
    pub warnings: Vec<String>,
}

/// Elements whose content is raw text the article never needs.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "textarea", "xmp", "noembed",
    "noframes",
];

/// Elements counted for the nesting guard (the ones that do not close
/// implicitly, so a count of open ones is meaningful).
const NESTING: &[&str] = &[
    "div",
    "span",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "blockquote",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "form",
    "font",
    "center",
    "dl",
    "b",
    "i",
    "em",
    "strong",
    "u",
    "small",
    "big",
    "a",
];

/// Drops raw-text elements and comments, keeps JSON-LD, flattens nesting
/// deeper than [`MAX_DEPTH`]. Byte-level and linear.
pub(crate) fn prefilter(page: &str) -> Prefiltered {
    let b = page.as_bytes();
    let mut out = Prefiltered {
        html: String::with_capacity(page.len()),
        ..Prefiltered::default()
    };
    let mut i = 0usize;
    let mut last = 0usize;
    let mut depth = 0usize;
    let mut flattened = 0usize;
    let mut dropped_open = 0usize;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            out.html.push_str(&page[last..lt]);
            i = end;
            last = end;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name_end = name_start + name_len;
        let Some(gt) = tag_end(b, name_end) else {
            break;
        };
        let name = page[name_start..name_end].to_ascii_lowercase();
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = find_close(b, gt + 1, name.as_bytes());
            let (content_end, after) = match close {
                Some(c) => (c, tag_end(b, c + 2).map_or(b.len(), |g| g + 1)),
                None => (b.len(), b.len()),
            };
            if name == "script" {
                let tag = page[lt..gt].to_ascii_lowercase();
                if tag.contains("ld+json") {
                    out.jsonld.push(page[gt + 1..content_end].to_string());
                }
            }
            out.html.push_str(&page[last..lt]);
            i = after;
            last = after;
            continue;
        }
        if NESTING.contains(&name.as_str()) {
            let self_closing = b[gt.saturating_sub(1)] == b'/';
            if closing {
                if dropped_open > 0 && depth <= MAX_DEPTH {
                    // the end tag of a flattened element
                    dropped_open -= 1;
                    out.html.push_str(&page[last..lt]);
                    last = gt + 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if !self_closing {
                if depth >= MAX_DEPTH {
                    flattened += 1;
                    dropped_open += 1;
                    out.html.push_str(&page[last..lt]);
                    last = gt + 1;
                } else {
                    depth += 1;
                }
            }
        }
        i = gt + 1;
    }
    out.html.push_str(&page[last..]);
    if flattened > 0 {
        out.warnings.push(format!(
            "markup nested deeper than {MAX_DEPTH} levels: {flattened} tag(s) flattened"
        ));
    }
    out
}

/// The `>` that ends a tag whose name ends at `from`, skipping quoted
/// attribute values.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &c) in b.get(from..)?.iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return Some(from + k),
            _ => {}
        }
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The `</name` that closes a raw-text element, case-insensitively.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = b.get(i..)?.iter().position(|&c| c == b'<') {
        let lt = i + off;
        if b.get(lt + 1) == Some(&b'/')
            && b.get(lt + 2..lt + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && b.get(lt + 2 + name.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_drops_scripts_and_keeps_jsonld() {
        let p = prefilter(
            "<head><script type=\"application/ld+json\">{\"a\":1}</script><SCRIPT>if (a<b) x='</div>';</SCRIPT><!-- c --></head><body><p>본문</p></body>",
        );
        assert_eq!(p.jsonld, vec!["{\"a\":1}".to_string()]);
        assert_eq!(p.html, "<head></head><body><p>본문</p></body>");
    }

    #[test]
    fn prefilter_flattens_deep_nesting() {
        let n = 5000;
        let page = format!(
            "{}<p>깊은 본문</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let p = prefilter(&page);
        assert_eq!(p.html.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(p.html.matches("</div>").count(), MAX_DEPTH);
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn paragraphs_break_on_blocks_and_br() {
        let dom = Html::parse_document(
            "<div id=a>첫 문단이다.<br><br>둘째 <b>문단</b>이다.<div class=share_box>공유</div><p>셋째.</p><figure><img><figcaption>사진 설명</figcaption></figure></div>",
        );
        let sel = Selector::parse("#a").unwrap();
        let el = dom.select(&sel).next().unwrap();
        assert_eq!(
            paragraphs(el),
            vec!["첫 문단이다.", "둘째 문단이다.", "셋째."]
        );
    }

    #[test]
    fn class_words_split_camel_case_and_separators() {
        let dom = Html::parse_document("<div id=relatedNews class='box font-size17'></div>");
        let sel = Selector::parse("div").unwrap();
        let el = dom.select(&sel).next().unwrap();
        let words: Vec<String> = class_words(el.value()).collect();
        assert_eq!(words, vec!["related", "news", "box", "font", "size17"]);
        assert!(skipped(el.value()));
    }
}
