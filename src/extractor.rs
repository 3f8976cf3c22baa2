//! The [`Extractor`]: wires the pipeline stages together.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use crate::document::{self, Format, ReadOptions};
use crate::error::{Error, Result};
use crate::incident;
use crate::morph::Analyzer;
use crate::record::Article;
use crate::temporal::{self, Policy};
use crate::text;

/// The default limit on the size of one input: 20 MiB.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// One document to extract from: its bytes, how to read them, and what the
/// caller already knows about it.
///
/// ```
/// use jangae::Input;
/// let input = Input::text("정부24 접속 장애가 발생했다.")
///     .with_source("note.txt")
///     .with_published("2023-11-17T18:00:00+09:00".parse().unwrap());
/// assert_eq!(input.source(), "note.txt");
/// ```
#[derive(Debug, Clone)]
pub struct Input<'a> {
    bytes: std::borrow::Cow<'a, [u8]>,
    format: Format,
    source: String,
    published: Option<DateTime<FixedOffset>>,
}

impl<'a> Input<'a> {
    /// An HTML page, in any encoding it declares or that can be detected.
    pub fn html(bytes: impl Into<std::borrow::Cow<'a, [u8]>>) -> Self {
        Self::new(bytes.into(), Format::Html)
    }

    /// Plain text (UTF-8).
    pub fn text(text: &'a str) -> Self {
        Self::new(std::borrow::Cow::Borrowed(text.as_bytes()), Format::Text)
    }

    /// Bytes of unknown kind: HTML or text is decided from the content.
    pub fn sniff(bytes: impl Into<std::borrow::Cow<'a, [u8]>>) -> Self {
        Self::new(bytes.into(), Format::Sniff)
    }

    fn new(bytes: std::borrow::Cow<'a, [u8]>, format: Format) -> Self {
        Self {
            bytes,
            format,
            source: String::new(),
            published: None,
        }
    }

    /// Names the document (a path or URL); it is copied to [`Article::source`].
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = source.into();
        self
    }

    /// Sets the publication time. It overrides any time found in the page and
    /// is the reference against which relative dates ("이날", "지난 17일") are
    /// resolved.
    pub fn with_published(mut self, published: DateTime<FixedOffset>) -> Self {
        self.published = Some(published);
        self
    }

    /// The document's name.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Settings of an [`Extractor`].
#[derive(Debug, Clone)]
pub struct ExtractorOptions {
    /// Inputs larger than this many bytes are refused with
    /// [`Error::TooLarge`]. Default: [`DEFAULT_MAX_BYTES`].
    pub max_bytes: usize,
    /// How expressions without a year or day are resolved. Default:
    /// [`Policy::Past`], right for news.
    pub policy: Policy,
}

impl Default for ExtractorOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            policy: Policy::Past,
        }
    }
}

/// Turns Korean news documents into [`Article`]s with their incidents.
///
/// Build one and share it: construction loads the embedded dictionary (about
/// 0.1 s); extraction takes `&self` and the extractor is `Send + Sync`.
///
/// ```
/// use jangae::{Extractor, Input};
/// let extractor = Extractor::new()?;
/// let article = extractor.extract(
///     Input::text("정부24 먹통\n17일 정부24 서비스가 중단됐다.")
///         .with_published("2023-11-17T18:00:00+09:00".parse().unwrap()),
/// )?;
/// assert_eq!(article.title.as_deref(), Some("정부24 먹통"));
/// # Ok::<(), jangae::Error>(())
/// ```
#[derive(Debug)]
pub struct Extractor {
    analyzer: Analyzer,
    options: ExtractorOptions,
}

impl Extractor {
    /// An extractor with default options.
    pub fn new() -> Result<Self> {
        Self::with_options(ExtractorOptions::default())
    }

    /// An extractor with the given options.
    pub fn with_options(options: ExtractorOptions) -> Result<Self> {
        Ok(Self {
            analyzer: Analyzer::new()?,
            options,
        })
    }

    /// Extracts the article and its incidents from one document.
    pub fn extract(&self, input: Input<'_>) -> Result<Article> {
        self.extract_timed(input).0
    }

    /// [`extract`](Self::extract), also returning the time spent in each
    /// stage (for the throughput benchmark; the clock reads cost nanoseconds).
    #[doc(hidden)]
    pub fn extract_timed(&self, input: Input<'_>) -> (Result<Article>, StageTimes) {
        let mut times = StageTimes::default();
        let result = self.run(input, &mut times);
        (result, times)
    }

    fn run(&self, input: Input<'_>, times: &mut StageTimes) -> Result<Article> {
        let mut clock = Instant::now();
        let mut lap = |slot: &mut std::time::Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };
        let read_options = ReadOptions {
            max_bytes: self.options.max_bytes,
        };
        let doc = document::read(&input.bytes, input.format, &read_options)?;
        lap(&mut times.document);
        let body = text::normalize(&doc.body);
        if body.is_empty() {
            return Err(Error::Empty("no article text found"));
        }
        let sentences = text::sentences(&body);
        lap(&mut times.text);
        let tokens = self.analyzer.analyze(&body)?;
        let token_starts: Vec<usize> = tokens.iter().map(|t| t.span.start).collect();
        let sentences = text::bound_sentences(&body, sentences, &token_starts);
        lap(&mut times.morph);
        let published_at = input.published.or(doc.published_at);
        if let Some(p) = published_at
            && !temporal::usable_reference(&p)
        {
            // Outside years 0000-9999: not RFC 3339, and date arithmetic
            // against it would overflow.
            return Err(Error::InvalidTime {
                value: format!("{p:?}"),
            });
        }
        let mentions = temporal::parse_document(
            &body,
            &sentences,
            &tokens,
            published_at,
            self.options.policy,
        );
        lap(&mut times.temporal);
        let incidents = incident::extract(&incident::Input {
            body: &body,
            sentences: &sentences,
            tokens: &tokens,
            temporal: &mentions,
        });
        lap(&mut times.incident);
        Ok(Article {
            source: input.source,
            title: doc.title,
            published_at,
            modified_at: doc.modified_at,
            byline: doc.byline,
            body,
            incidents,
            warnings: doc.warnings,
        })
    }
}

/// Time spent in each pipeline stage by [`Extractor::extract_timed`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Decoding and reading the page (title, times, body).
    pub document: std::time::Duration,
    /// Normalization and sentence splitting.
    pub text: std::time::Duration,
    /// Morphological analysis (lindera).
    pub morph: std::time::Duration,
    /// Temporal expressions.
    pub temporal: std::time::Duration,
    /// Incident mentions and records.
    pub incident: std::time::Duration,
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, o: Self) {
        self.document += o.document;
        self.text += o.text;
        self.morph += o.morph;
        self.temporal += o.temporal;
        self.incident += o.incident;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn extractor_is_send_and_sync() {
        assert_send_sync::<Extractor>();
    }
}
