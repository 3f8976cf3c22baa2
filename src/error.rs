//! The one error type of the crate (see [`Error`]).

use thiserror::Error;

/// Why a document could not be turned into an article.
///
/// The crate has this one error type, and its design follows two rules:
///
/// * **Per document, never fatal to a batch.** An error describes what went
///   wrong with *one* document (unreadable bytes, an empty page, a file over
///   the size limit, a binary file). Callers processing many documents record
///   it and go on; `extract` prints the document's line with `error` set.
/// * **No panics on input.** Anything that depends on the bytes of a
///   document is reported through this type or, when extraction can go on
///   (replaced invalid bytes, a lying charset), as a warning on the
///   [`Article`](crate::Article). A panic is a bug.
///
/// Problems that are not about a document (a dictionary that fails to load)
/// use the same type, so one `?` covers every call.
///
/// The enum is `#[non_exhaustive]`: new failure kinds may be added in minor
/// releases, so match with a wildcard arm.
///
/// ```
/// use jangae::{Error, Extractor, Input};
/// let extractor = Extractor::new()?;
/// match extractor.extract(Input::sniff(&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..])) {
///     Err(Error::Binary(kind)) => println!("skipped a {kind}"),
///     other => panic!("unexpected: {other:?}"),
/// }
/// # Ok::<(), jangae::Error>(())
/// ```
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no bytes, or nothing but whitespace and markup.
    #[error("empty document: {0}")]
    Empty(&'static str),
    /// The input is larger than the configured limit.
    #[error("document too large: {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in force (see [`ExtractorOptions`](crate::ExtractorOptions)).
        limit: usize,
    },
    /// The bytes are not text (an image, a PDF, an archive, ...).
    #[error("not a text document: looks like {0}")]
    Binary(&'static str),
    /// The declared or requested encoding is not one we can decode.
    #[error("unknown text encoding: {0}")]
    UnknownEncoding(String),
    /// A publication time given by the caller could not be parsed.
    #[error(
        "invalid publication time {value:?}: expected RFC 3339, e.g. 2023-11-24T21:00:00+09:00"
    )]
    InvalidTime {
        /// The text that failed to parse.
        value: String,
    },
    /// Reading the input failed.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that was being read.
        path: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The morphological analyser failed (a bug in the dictionary or lindera).
    #[error("morphological analysis failed: {0}")]
    Morphology(String),
}

/// A `Result` whose error is [`enum@Error`].
pub type Result<T> = std::result::Result<T, Error>;
