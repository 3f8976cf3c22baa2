//! # jangae (장애, "outage")
//!
//! Reads Korean news articles about IT service outages and turns them into
//! structured, evidence-backed incident records: which service (and operator)
//! failed, when it started and was fully restored (absolute KST times resolved
//! against the article's date), how long it lasted, why, how many were
//! affected, and the recovery timeline, each with the text span that proves
//! it.
//!
//! ```
//! use jangae::{Extractor, Input};
//! let extractor = Extractor::new()?; // loads the embedded Korean dictionary once
//! let article = extractor.extract(Input::text("정부24 먹통\n정부24 서비스가 중단됐다."))?;
//! println!("{}", serde_json::to_string(&article.incidents).unwrap());
//! # Ok::<(), jangae::Error>(())
//! ```
//!
//! ## When not to use it
//!
//! jangae is tuned for Korean news prose about service failures. It is not a
//! general Korean NER or event extractor, and it does not read English.
//!
//! ## The pipeline
//!
//! One module per stage, data flowing one way:
//! `document` (bytes → title, times, clean body) → `text` (normalization,
//! sentences) → `morph` (lindera morphemes) → [`temporal`] (time expressions)
//! → `incident` (mentions → records) → [`record`] (the serde types).

#![warn(missing_docs)]

pub mod dataset;
mod document;
mod error;
mod extractor;
mod incident;
pub mod evaluate;
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
