//! Reading a document: bytes → text or HTML → title, times, clean body.
//!
//! Stage 1 of the pipeline. The work is split by concern:
//!
//! * [`encoding`]: bytes to text (BOM, declared charset, detection).
//! * [`html`]: the article container and its clean paragraphs.
//! * [`meta`]: title, publication and modification time, byline from the
//!   page's metadata (JSON-LD, `<meta>`, `<time>`).
//! * [`dateline`]: dates as Korean news pages write them ("입력 2022.10.16
//!   07:48", "기사입력 2023-11-17 오후 5:10", ...).
//! * [`boilerplate`]: line filters shared by HTML and plain text (share
//!   widgets, credits, copyright lines, headline lists), and the plain-text
//!   reader.
//!
//! Nothing here panics on input: every failure is an [`Error`] or a warning
//! on the [`Document`].

mod boilerplate;
mod dateline;
mod encoding;
mod html;
mod meta;

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// When the article was first published (KST when the page gives no offset).
    pub published_at: Option<DateTime<FixedOffset>>,
    /// When the article was last modified.
    pub modified_at: Option<DateTime<FixedOffset>>,
    /// The reporter(s), e.g. "홍길동 기자".
    pub byline: Option<String>,
    /// The article text, paragraphs separated by `\n`.
    pub body: String,
    /// Problems met while reading (invalid bytes, a lying charset, ...).
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
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty("no text"));
    }
    if let Some(kind) = encoding::binary_kind(bytes) {
        return Err(Error::Binary(kind));
    }
    let is_html = match format {
        Format::Html => true,
        Format::Text => false,
        Format::Sniff => looks_like_html(bytes),
    };
    let decoded = encoding::decode(bytes, is_html);
    if decoded.text.trim().is_empty() {
        return Err(Error::Empty("no text"));
    }
    let mut doc = if is_html {
        html::read(&decoded.text)
    } else {
        boilerplate::read_text(&decoded.text)
    };
    let mut warnings = decoded.warnings;
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    if doc.body.trim().is_empty() {
        return Err(Error::Empty("no article text found"));
    }
    Ok(doc)
}

/// Runs the document stage alone, as [`Extractor::extract`](crate::Extractor::extract)
/// does before language analysis. For this stage's tests and benchmarks;
/// not part of the stable API.
#[doc(hidden)]
pub fn read_document(bytes: &[u8], format: Format, max_bytes: usize) -> Result<Document> {
    read(bytes, format, &ReadOptions { max_bytes })
}

/// Whether bytes of unknown kind are an HTML page: markup near the start.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head
        .iter()
        .filter(|b| **b != 0)
        .map(u8::to_ascii_lowercase)
        .collect();
    let find = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    find(b"<!doctype html")
        || find(b"<html")
        || find(b"<head")
        || find(b"<body")
        || find(b"<meta")
        || find(b"<div")
        || find(b"<p>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ReadOptions {
        ReadOptions { max_bytes: 1 << 20 }
    }

    #[test]
    fn sniffs_html_and_text() {
        assert!(looks_like_html(
            b"  <!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(!looks_like_html("제목\n본문이다.".as_bytes()));
    }

    #[test]
    fn refuses_oversized_and_empty_inputs() {
        let small = ReadOptions { max_bytes: 4 };
        assert!(matches!(
            read(b"12345", Format::Text, &small),
            Err(Error::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read(b" \n\t ", Format::Sniff, &opts()),
            Err(Error::Empty(_))
        ));
    }

    #[test]
    fn refuses_binary_inputs() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(matches!(
            read(png, Format::Sniff, &opts()),
            Err(Error::Binary(_))
        ));
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
        assert!(matches!(
            read(pdf, Format::Html, &opts()),
            Err(Error::Binary(_))
        ));
    }
}
