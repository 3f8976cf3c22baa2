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

/// How a known container is recognised: by id, by class (with an
/// optional tag), or by its microdata property.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Id(&'static str),
    Class(Option<&'static str>, &'static str),
    /// An `itemprop` value.
    ItemProp(&'static str),
}

/// Article containers of Korean outlets and portals, most specific first.
const CONTAINERS: &[Rule] = &[
    Rule::Id("dic_area"),                         // Naver News
    Rule::Id("newsct_article"),                   // Naver News (2023)
    Rule::Id("articleBodyContents"),              // Naver News (older)
    Rule::Id("articeBody"),                       // Naver entertainment
    Rule::Id("newsEndContents"),                  // Naver sports
    Rule::Class(None, "article_view"),            // Daum News
    Rule::Id("harmonyContainer"),                 // Daum News (older)
    Rule::Class(Some("article"), "story-news"),   // Yonhap
    Rule::Class(Some("div"), "story-news"),       // Yonhap
    Rule::Class(None, "article-txt"),             // Yonhap (older)
    Rule::Class(Some("section"), "article-body"), // Chosun (Arc)
    Rule::Id("article_body"),                     // JoongAng
    Rule::Id("article_txt"),                      // Dong-A
    Rule::Class(None, "article_txt"),             // Dong-A, Electronic Times
    Rule::Class(Some("section"), "news_view"),    // Dong-A (2023)
    Rule::Class(None, "article-text"),            // Hankyoreh
    Rule::Id("articleBody"),                      // Kyunghyang, ZDNet Korea, etnews
    Rule::Class(None, "art_body"),                // Kyunghyang (older)
    Rule::Class(Some("div"), "col-main"),         // Hankook Ilbo
    Rule::Class(None, "end-body"),                // Hankook Ilbo (older)
    Rule::Id("cont_newstext"),                    // KBS
    Rule::Class(None, "detail-body"),             // KBS (2023)
    Rule::Class(None, "news_txt"),                // MBC
    Rule::Class(None, "text_area"),               // SBS
    Rule::Class(None, "news_cnt_detail_wrap"),    // Maeil Business
    Rule::Id("textBody"),                         // Money Today
    Rule::Class(None, "view_text"),               // Money Today (older), Asia Economy
    Rule::Id("article-view-content-div"),         // ndsoft CMS (Digital Daily and many more)
    Rule::Class(None, "at_contents"),             // OhmyNews
    Rule::Id("news_body_area"),                   // Seoul Shinmun, others
    Rule::Id("CmAdContent"),                      // Segye
    Rule::Class(None, "news_body"),               // various
    Rule::ItemProp("articleBody"),                // schema.org microdata
    Rule::Id("article-body"),
    Rule::Class(None, "article-body"),
    Rule::Class(None, "article_body"),
    Rule::Id("article_content"),
    Rule::Class(None, "article_content"),
    Rule::Id("content_text"),
];

impl Rule {
    fn matches(self, tag: &str, a: &Attrs<'_>) -> bool {
        match self {
            Rule::Id(id) => a.id == id,
            Rule::Class(t, class) => {
                t.is_none_or(|t| tag == t) && a.class.split_ascii_whitespace().any(|w| w == class)
            }
            Rule::ItemProp(value) => a.itemprop == value,
        }
    }
}

/// Reads a decoded HTML page.
pub(crate) fn read(page: &str) -> Document {
    let pre = prefilter(page);
    let dom = Html::parse_document(&pre.html);
    let meta = meta::collect(&dom, &pre.jsonld);
    let mut doc = Document {
        warnings: pre.warnings,
        ..Document::default()
    };

    let (container, lines) = match known_container(&dom) {
        Some((c, lines)) => (Some(c), lines),
        None => match density_container(&dom) {
            Some(c) => (Some(c), paragraphs(c)),
            None => {
                doc.warnings
                    .push("no article container found; using the whole page".into());
                (None, paragraphs(dom.root_element()))
            }
        },
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
    let kst = dateline::kst();
    doc.published_at = doc.published_at.map(|t| t.with_timezone(&kst));
    doc.modified_at = doc.modified_at.map(|t| t.with_timezone(&kst));
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
    // Without metadata: the longest heading that the <title> repeats (a
    // logo is repeated too, but shorter), else the first <h1> that is not a
    // logo or a menu, else the <title> itself.
    static HEADINGS: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("h1, h2, h3, h4").expect("static"));
    let page_title = meta.html_title.as_deref().map(squeeze).unwrap_or_default();
    let headings: Vec<(String, ElementRef<'_>)> = dom
        .select(&HEADINGS)
        .map(|h| (collapse(&h.text().collect::<String>()), h))
        .filter(|(t, _)| t.chars().count() >= 6)
        .collect();
    if let Some((t, _)) = headings
        .iter()
        .filter(|(t, _)| !page_title.is_empty() && page_title.contains(&squeeze(t)))
        .max_by_key(|(t, _)| t.len())
    {
        return clean(t);
    }
    let chrome = |h: &ElementRef<'_>| {
        h.ancestors().take(4).any(|a| {
            a.value().as_element().is_some_and(|e| {
                let site_part = matches!(e.name(), "nav" | "footer" | "aside");
                let logo = class_words(e)
                    .any(|w| matches!(w.as_bytes(), b"logo" | b"gnb" | b"nav" | b"menu"));
                site_part || logo
            })
        })
    };
    if let Some((t, _)) = headings
        .iter()
        .find(|(_, h)| h.value().name() == "h1" && !chrome(h))
    {
        return clean(t);
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

/// Whitespace runs folded to one space, ends trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The first known container that holds real text: one pass over the
/// elements collects up to three candidates per rule, then the rules are
/// tried in order of trust.
fn known_container(dom: &Html) -> Option<(ElementRef<'_>, Vec<String>)> {
    let mut found: Vec<Vec<ego_tree::NodeId>> = vec![Vec::new(); CONTAINERS.len()];
    for node in dom.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let attrs = Attrs::of(el);
        if attrs.id.is_empty() && attrs.class.is_empty() && attrs.itemprop.is_empty() {
            continue;
        }
        for (rule, hits) in CONTAINERS.iter().zip(found.iter_mut()) {
            if hits.len() < 3 && rule.matches(el.name(), &attrs) {
                hits.push(node.id());
            }
        }
    }
    for hits in found {
        for id in hits {
            let Some(el) = dom.tree.get(id).and_then(ElementRef::wrap) else {
                continue;
            };
            let lines = paragraphs(el);
            let text: usize = lines.iter().map(|l| l.chars().count()).sum();
            let prose = lines.iter().any(|l| l.contains("다."));
            if text >= MIN_CONTAINER_TEXT || (prose && text >= MIN_CONTAINER_TEXT / 2) {
                return Some((el, lines));
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
    let mut link_depth = 0usize;
    let skip = |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(skipped);
    for edge in walk_pruned(*body, skip) {
        match edge {
            Edge::Open(node) => {
                match node.value() {
                    Node::Element(el) if el.name() == "a" => link_depth += 1,
                    Node::Text(t) if link_depth == 0 => {
                        let text = t.trim();
                        let chars = text.chars().count();
                        if chars < 25 {
                            continue;
                        }
                        let marks = text.matches(['.', ',', '다']).count() as f64;
                        let score = 1.0 + marks.min(10.0) + (chars as f64 / 100.0).min(3.0);
                        // A paragraph element scores its container; text
                        // straight in a div (br-separated) scores the div.
                        let mut up = block_ancestors(node).peekable();
                        if up.peek().is_some_and(|b| {
                            b.value().as_element().is_some_and(|e| {
                                matches!(
                                    e.name(),
                                    "p" | "li"
                                        | "td"
                                        | "pre"
                                        | "blockquote"
                                        | "h1"
                                        | "h2"
                                        | "h3"
                                        | "h4"
                                        | "h5"
                                        | "h6"
                                        | "dd"
                                )
                            })
                        }) {
                            up.next();
                        }
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
                if node.value().as_element().is_some_and(|e| e.name() == "a") {
                    link_depth = link_depth.saturating_sub(1);
                }
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

/// Depth-first open/close events under `root`, following child and sibling
/// links only. (`ego_tree`'s own traversal also follows parent links, which
/// html5ever's adoption agency can leave stale on misnested markup, cutting
/// the walk short.)
fn walk(root: NodeRef<'_, Node>) -> Walk<'_, fn(NodeRef<'_, Node>) -> bool> {
    walk_pruned(root, |_| false)
}

/// A depth-first walk that leaves out, edges and all, every subtree whose
/// root `prune` rejects (the walk's root itself is never pruned): the one
/// place where "skip this box and everything in it" is written.
fn walk_pruned<'a, F: FnMut(NodeRef<'a, Node>) -> bool>(
    root: NodeRef<'a, Node>,
    prune: F,
) -> Walk<'a, F> {
    Walk {
        stack: Vec::new(),
        start: Some(root),
        prune,
    }
}

struct Walk<'a, F> {
    stack: Vec<(NodeRef<'a, Node>, Option<NodeRef<'a, Node>>)>,
    start: Option<NodeRef<'a, Node>>,
    prune: F,
}

impl<'a, F: FnMut(NodeRef<'a, Node>) -> bool> Iterator for Walk<'a, F> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(root) = self.start.take() {
            self.stack.push((root, root.first_child()));
            return Some(Edge::Open(root));
        }
        loop {
            let (node, next) = self.stack.last_mut()?;
            match next.take() {
                Some(child) => {
                    *next = child.next_sibling();
                    if (self.prune)(child) {
                        continue;
                    }
                    self.stack.push((child, child.first_child()));
                    return Some(Edge::Open(child));
                }
                None => {
                    let node = *node;
                    self.stack.pop();
                    return Some(Edge::Close(node));
                }
            }
        }
    }
}

fn block_ancestors<'a>(node: NodeRef<'a, Node>) -> impl Iterator<Item = NodeRef<'a, Node>> {
    node.ancestors().filter(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| !INLINE.contains(&e.name()))
    })
}

/// Share of an element's text that sits inside links (one walk, counting
/// open `<a>` elements rather than climbing ancestors per text node).
fn link_density(el: ElementRef<'_>) -> f64 {
    let (mut all, mut linked, mut in_link) = (0usize, 0usize, 0usize);
    for edge in walk(*el) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if e.name() == "a" => in_link += 1,
                Node::Text(t) => {
                    let n = t.trim().chars().count();
                    all += n;
                    if in_link > 0 {
                        linked += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().as_element().is_some_and(|e| e.name() == "a") {
                    in_link = in_link.saturating_sub(1);
                }
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

static SKIP_WORD_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| SKIP_WORDS.iter().copied().collect());

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

/// One lowercase word of a class or id, in a fixed buffer (no allocation
/// per element: this runs on every element of the page).
#[derive(Clone, Copy)]
struct Word {
    buf: [u8; 24],
    len: usize,
}

impl Word {
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn as_str(&self) -> &str {
        // Only ASCII alphanumerics are ever pushed.
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }
}

/// The words of an element's id and classes: split at non-alphanumerics
/// and camelCase humps, lowercased ("relatedNews font-size17" → related,
/// news, font, size17). Words are cut at 24 bytes.
struct ClassWords<'a> {
    parts: [&'a [u8]; 2],
    part: usize,
    pos: usize,
}

fn class_words(el: &scraper::node::Element) -> ClassWords<'_> {
    let a = Attrs::of(el);
    ClassWords {
        parts: [a.id.as_bytes(), a.class.as_bytes()],
        part: 0,
        pos: 0,
    }
}

/// The attributes this module looks at, read in one pass (each
/// `Element::attr` call interns its name).
#[derive(Default)]
struct Attrs<'a> {
    id: &'a str,
    class: &'a str,
    style: &'a str,
    itemprop: &'a str,
    hidden: bool,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            match name {
                "id" => a.id = value,
                "class" => a.class = value,
                "style" => a.style = value,
                "itemprop" => a.itemprop = value,
                "hidden" => a.hidden = true,
                "aria-hidden" => a.hidden |= value == "true",
                _ => {}
            }
        }
        a
    }
}

impl Iterator for ClassWords<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        while self.part < 2 {
            let s = self.parts[self.part];
            let mut w = Word {
                buf: [0; 24],
                len: 0,
            };
            let mut prev_lower = false;
            while self.pos < s.len() {
                let c = s[self.pos];
                if !c.is_ascii_alphanumeric() {
                    self.pos += 1;
                    if w.len > 0 {
                        return Some(w);
                    }
                    prev_lower = false;
                    continue;
                }
                if c.is_ascii_uppercase() && prev_lower && w.len > 0 {
                    return Some(w);
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                if w.len < w.buf.len() {
                    w.buf[w.len] = c.to_ascii_lowercase();
                    w.len += 1;
                }
                self.pos += 1;
            }
            self.part += 1;
            self.pos = 0;
            if w.len > 0 {
                return Some(w);
            }
        }
        None
    }
}

/// Whether an element inside an article is boilerplate.
fn skipped(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    let attrs = Attrs::of(el);
    if attrs.hidden {
        return true;
    }
    if !attrs.style.is_empty() {
        let style: String = attrs
            .style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    let mut prev = Word {
        buf: [0; 24],
        len: 0,
    };
    let words = ClassWords {
        parts: [attrs.id.as_bytes(), attrs.class.as_bytes()],
        part: 0,
        pos: 0,
    };
    for w in words {
        let w_str = w.as_str();
        if SKIP_WORD_SET.contains(w_str)
            || w_str.starts_with("adsby")
            || w_str.starts_with("google")
            || w_str.starts_with("banner")
            || (w_str.starts_with("ad")
                && w.len > 2
                && w_str[2..].bytes().all(|b| b.is_ascii_digit()))
            || (matches!(prev.as_str(), "font" | "text" | "txt")
                && matches!(w_str, "size" | "resize"))
        {
            return true;
        }
        prev = w;
    }
    false
}

/// A box holding an image and little text: a photo with its caption and
/// credit, whatever its class names ("thumCont", "photo_area", a table).
/// The scan is capped, so nested boxes cost no more than a few hundred
/// steps each.
fn figure_box(node: NodeRef<'_, Node>) -> bool {
    const CAP: usize = 400;
    let Some(el) = node.value().as_element() else {
        return false;
    };
    if !matches!(el.name(), "div" | "table" | "span" | "dl" | "section") {
        return false;
    }
    let (mut img, mut text, mut steps) = (false, 0usize, 0usize);
    for edge in walk(node) {
        steps += 1;
        if steps > CAP {
            return false;
        }
        if let Edge::Open(n) = edge {
            match n.value() {
                Node::Element(e) if matches!(e.name(), "img" | "picture" | "video") => img = true,
                Node::Text(t) => {
                    text += t.trim().chars().count();
                    if text > 200 {
                        return false;
                    }
                }
                _ => {}
            }
        }
    }
    img
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
    let skip = |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(skipped) || figure_box(n);
    for edge in walk_pruned(*root, skip) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "br" || BLOCK.contains(&name) {
                        flush(&mut cur, &mut lines);
                    } else if name == "td" || name == "th" {
                        cur.push(' ');
                    }
                }
                Node::Text(t) => cur.push_str(&t.text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value()
                    && BLOCK.contains(&el.name())
                {
                    flush(&mut cur, &mut lines);
                }
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

/// Class/id words of lists of other articles: nothing inside them is read.
fn other_articles(el: &scraper::node::Element) -> bool {
    class_words(el).any(|w| {
        matches!(
            w.as_str(),
            "related"
                | "relation"
                | "relate"
                | "relnews"
                | "popular"
                | "ranking"
                | "rank"
                | "most"
                | "headline"
                | "headlines"
                | "latest"
                | "hot"
                | "recommend"
                | "aside"
                | "sidebar"
        )
    })
}

fn byline_box(el: &scraper::node::Element) -> bool {
    class_words(el).any(|w| {
        matches!(
            w.as_str(),
            "byline" | "reporter" | "writer" | "journalist" | "author" | "name" | "report"
        )
    })
}

/// Looks for `<time datetime>`, visible datelines and a byline from the top
/// of the page to the end of the article container, line by line. Lists of
/// other articles are not read at all; inside list items and links (where
/// headline lists keep their timestamps) only labelled datelines ("입력 …")
/// count, never a bare or barred timestamp. Nothing after the article is
/// read.
fn visible_datelines(dom: &Html, container: ElementRef<'_>) -> Visible {
    #[derive(Clone, Copy, Default)]
    struct Ctx {
        other: bool,
        weak: bool,
        byline: bool,
    }
    let mut v = Visible::default();
    let mut bare = None;
    let mut stack: Vec<Ctx> = vec![Ctx::default()];
    let mut line = String::new();
    let mut line_ctx = Ctx::default();
    let mut flush = |line: &mut String, ctx: &mut Ctx, v: &mut Visible| {
        let c = std::mem::take(ctx);
        // Most lines of a page hold no date and no byline: skip them cheaply.
        if !c.byline && !line.bytes().any(|b| b.is_ascii_digit()) {
            line.clear();
            return;
        }
        let text = collapse(line);
        line.clear();
        if text.is_empty() || text.chars().count() > 200 {
            return;
        }
        for f in dateline::find(&text) {
            if !f.labelled && c.weak {
                continue;
            }
            let slot = match f.stamp {
                Stamp::Published => &mut v.published,
                Stamp::Modified => &mut v.modified,
            };
            slot.get_or_insert(f.at);
        }
        if !c.weak && bare.is_none() {
            bare = dateline::whole_line_date(&text);
        }
        if c.byline && v.byline.is_none() && text.chars().count() <= 60 {
            v.byline = boilerplate::reporter_in(&text);
        }
    };
    for edge in walk(*dom.root_element()) {
        match edge {
            Edge::Open(node) => {
                let parent = *stack.last().unwrap_or(&Ctx::default());
                let mut ctx = parent;
                if let Node::Element(el) = node.value() {
                    ctx.other |= other_articles(el);
                    ctx.weak |= matches!(el.name(), "li" | "a" | "ul" | "ol");
                    ctx.byline |= byline_box(el);
                    if BLOCK.contains(&el.name()) || el.name() == "br" {
                        flush(&mut line, &mut line_ctx, &mut v);
                    }
                    if !ctx.other
                        && v.time_element.is_none()
                        && (el.name() == "time" || el.attr("itemprop") == Some("datePublished"))
                    {
                        v.time_element = el
                            .attr("datetime")
                            .or_else(|| el.attr("content"))
                            .and_then(dateline::parse);
                    }
                } else if let Node::Text(t) = node.value()
                    && !ctx.other
                {
                    line.push_str(t);
                    line_ctx.weak |= ctx.weak;
                    line_ctx.byline |= ctx.byline;
                }
                stack.push(ctx);
            }
            Edge::Close(node) => {
                stack.pop();
                if let Node::Element(el) = node.value()
                    && BLOCK.contains(&el.name())
                {
                    flush(&mut line, &mut line_ctx, &mut v);
                }
                if node.id() == container.id() {
                    break;
                }
            }
        }
    }
    flush(&mut line, &mut line_ctx, &mut v);
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

/// Elements that never nest (void) or close themselves when a sibling opens;
/// every other start tag counts for the nesting guard.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image", "p", "li", "dt", "dd", "tr",
    "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "rb", "rt", "rp", "rtc",
    "colgroup", "caption", "html", "head", "body",
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
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
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
        if !NOT_NESTING.contains(&name.as_str()) {
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
    memchr::memmem::find(b.get(from..)?, needle).map(|p| from + p)
}

/// The `</name` that closes a raw-text element, case-insensitively.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', b.get(i..)?) {
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
        let words: Vec<String> = class_words(el.value())
            .map(|w| w.as_str().to_string())
            .collect();
        assert_eq!(words, vec!["related", "news", "box", "font", "size17"]);
        assert!(skipped(el.value()));
    }
}
