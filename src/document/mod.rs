//! Reading a document: bytes → text or HTML → title, times, clean body.
//!
//! Stage 1 of the pipeline. (Skeleton: deepened in issue 5.)

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, Result};

/// How the bytes of an input are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML page.
    Html,
    /// Plain text.
    Text,
    /// Decide from the content.
    Sniff,
}

/// Options for reading documents.
#[derive(Debug, Clone)]
pub(crate) struct ReadOptions {
    /// Inputs larger than this are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
}

/// What the document stage hands on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Document {
    pub title: Option<String>,
    pub published_at: Option<DateTime<FixedOffset>>,
    pub modified_at: Option<DateTime<FixedOffset>>,
    pub byline: Option<String>,
    /// The article text, paragraphs separated by `\n`.
    pub body: String,
    pub warnings: Vec<String>,
}

/// Reads one document.
pub(crate) fn read(bytes: &[u8], format: Format, options: &ReadOptions) -> Result<Document> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    let text = String::from_utf8_lossy(bytes);
    if text.trim().is_empty() {
        return Err(Error::Empty("no text"));
    }
    let is_html = match format {
        Format::Html => true,
        Format::Text => false,
        Format::Sniff => {
            let head = text
                .trim_start()
                .get(..512.min(text.trim_start().len()))
                .unwrap_or("");
            let head = head.to_ascii_lowercase();
            head.starts_with("<!doctype") || head.contains("<html") || head.contains("<body")
        }
    };
    if is_html {
        let html = scraper::Html::parse_document(&text);
        let title_sel = scraper::Selector::parse("title").expect("static selector");
        let p_sel = scraper::Selector::parse("p").expect("static selector");
        let title = html
            .select(&title_sel)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string());
        let body = html
            .select(&p_sel)
            .map(|p| p.text().collect::<String>().trim().to_string())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Document {
            title,
            body,
            ..Document::default()
        })
    } else {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let title = lines.next().map(str::to_string);
        Ok(Document {
            title,
            body: text.trim().to_string(),
            ..Document::default()
        })
    }
}
