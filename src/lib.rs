//! # jangae (장애, "outage")
//!
//! Reads Korean news articles about IT service outages and turns them into
//! structured, evidence-backed incident records: which service (and operator)
//! failed, when it started and was fully restored (absolute KST times resolved
//! against the article's date), how long it lasted, why (a closed cause
//! taxonomy), how many were affected, and the recovery timeline. Every field
//! keeps the text, and the byte span, that proves it.
//!
//! ```
//! use jangae::{CauseCategory, Extractor, Input, Precision};
//!
//! let extractor = Extractor::new()?; // loads the embedded Korean dictionary once
//! let page = "정부24 한때 먹통\n입력 2023.11.17 18:00\n\
//!     행정안전부가 운영하는 정부24가 17일 오전 9시께부터 접속이 중단됐다. \
//!     네트워크 장비 오류가 원인으로 파악됐다. 서비스는 오후 3시 30분 정상화됐다.";
//! let article = extractor.extract(Input::text(page))?;
//!
//! let incident = &article.incidents[0];
//! assert_eq!(incident.services, ["정부24"]); // the failing equipment is a cause, not a service
//! assert_eq!(incident.operator.as_deref(), Some("행정안전부"));
//! let start = incident.start.as_ref().unwrap();
//! assert_eq!(start.value.to_rfc3339(), "2023-11-17T09:00:00+09:00");
//! assert_eq!(start.precision, Precision::Hour);
//! assert!(start.approximate); // 께
//! // Spans are byte offsets into the article body.
//! let [s, e] = start.span.unwrap();
//! assert_eq!(&article.body[s..e], "17일 오전 9시께");
//! assert_eq!(incident.end.as_ref().unwrap().value.to_rfc3339(), "2023-11-17T15:30:00+09:00");
//! assert_eq!(incident.causes[0].category, CauseCategory::NetworkEquipment);
//! # Ok::<(), jangae::Error>(())
//! ```
//!
//! ## When not to use it
//!
//! jangae is tuned for Korean news prose about service failures. It is not a
//! general Korean named-entity or event extractor, it does not read English,
//! and it does not guess: a field the text does not state stays `None`.
//!
//! ## The pipeline
//!
//! One module per stage, data flowing one way; no stage reaches back:
//!
//! 1. `document`: bytes → encoding (BOM, declared charset, detection; UTF-8,
//!    EUC-KR/CP949, UTF-16) → HTML or text → title, publication and
//!    modification time, byline, clean body without page clutter.
//! 2. `text`: normalization and sentence splitting with byte spans. The
//!    normalized body is [`Article::body`]; every span points into it.
//! 3. `morph`: lindera with ko-dic: morphemes with POS tags and byte spans.
//! 4. [`temporal`]: Korean dates, times, intervals, durations, numbers and
//!    ordinals, resolved against the publication time with a [`temporal::Policy`]
//!    and anchored across the document (이날, 전날, 이튿날).
//! 5. `incident`: outage and recovery triggers on the morphemes, their
//!    services, operators, causes, impacts and times, merged into records.
//! 6. [`record`]: the serde types of the output contract.
//!
//! [`dataset`] turns articles into JSON Lines, CSV and cross-article datasets;
//! [`evaluate`] scores extraction against hand-written gold.
//!
//! ## Design: why it is built this way
//!
//! * **Regex finds, morphology decides.** Patterns find candidate
//!   expressions quickly; lindera's analysis decides what they mean ("수시간"
//!   is not Wednesday, a number before 명/건/개 is a count, 장애 followed by a
//!   negated verb is not an incident). Neither alone is enough.
//! * **Collect, then resolve.** Like chrono's `Parsed`, a time expression
//!   first records the fields it states (day, day part, hour, hedge) and is
//!   resolved against a reference afterwards, so partial Korean dates
//!   ("지난 17일", "오후 7시쯤") resolve consistently across a document.
//! * **News resolves toward the past.** An expression without a year or day
//!   means the most recent match at or before the publication time
//!   ([`temporal::Policy::Past`]); `Future` exists for assistant-style text.
//! * **Evidence or nothing.** Every value carries its text and span so a
//!   dataset built with jangae can be audited line by line.
//! * **Per-document errors.** One [`enum@Error`] type; a bad document never
//!   stops a batch and input never panics the library.
//! * **Load once, share.** [`Extractor`] holds the dictionary (about 0.1 s to
//!   build) and is `Send + Sync`.
//!
//! Conventions: times are KST (+09:00) unless the text says otherwise;
//! instants carry a [`Precision`] and an approximate flag; interval ends are
//! inclusive at their precision; spans are half-open UTF-8 byte offsets.

#![warn(missing_docs)]

pub mod dataset;
mod document;
mod error;
pub mod evaluate;
mod extractor;
mod incident;
mod morph;
pub mod record;
pub mod temporal;
mod text;

#[doc(hidden)]
pub use document::{Document, Format, read_document};
pub use error::{Error, Result};
#[doc(hidden)]
pub use extractor::StageTimes;
pub use extractor::{DEFAULT_MAX_BYTES, Extractor, ExtractorOptions, Input};
pub use record::{
    Article, Cause, CauseCategory, Duration, Event, Impact, Incident, Kind, Precision, Qualifier,
    TimePoint, TimelineEntry,
};
