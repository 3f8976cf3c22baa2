//! Incident mentions and records.
//!
//! Stage 5 of the pipeline: outage triggers found with the morphemes, their
//! services, operators, causes, impacts and times, merged into records.
//! (Skeleton: built in issue 6.)

use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use crate::morph::Token;
use crate::record::Incident;
use crate::temporal::TemporalMention;

/// Everything the incident stage reads.
pub(crate) struct Input<'a> {
    /// The normalized article body.
    pub body: &'a str,
    /// The headline, when known.
    pub title: Option<&'a str>,
    /// Sentence spans into `body`.
    pub sentences: &'a [Range<usize>],
    /// Morphemes of `body`, spans into `body`.
    pub tokens: &'a [Token],
    /// Resolved temporal mentions of `body`, spans into `body`.
    pub temporal: &'a [TemporalMention],
    /// The article's publication time.
    pub published_at: Option<DateTime<FixedOffset>>,
}

/// Extracts the incident records of one article.
pub(crate) fn extract(input: &Input<'_>) -> Vec<Incident> {
    let _ = input;
    Vec::new()
}
