//! Korean temporal expressions: dates, times, intervals, durations, numbers.
//!
//! Stage 4 of the pipeline. [`parse`] finds expressions in one text and
//! resolves them against a reference time; [`parse_document`] does the same
//! over a whole article and anchors relative days (이날, 전날, 이튿날) on the
//! narrative's focal day.
//!
//! (Interface skeleton: the engine is built in issue 4.)

use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use crate::morph::Token;
use crate::record::{Precision, Qualifier};

/// Which way an expression without a year or day is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// News: the most recent match at or before the reference, unless the
    /// sentence marks the future (예정, 오는, 다음 달).
    #[default]
    Past,
    /// Assistant style (Duckling's convention): the next match after the reference.
    Future,
}

/// A resolved instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    /// The start of the stated unit.
    pub value: DateTime<FixedOffset>,
    /// The finest unit the text states.
    pub precision: Precision,
    /// Hedged (께, 쯤, 경, 무렵, 가량, 전후).
    pub approximate: bool,
}

/// What a temporal mention means.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TemporalValue {
    /// A point in time.
    Instant(Instant),
    /// A span of time; ends are inclusive at their precision. An open side is `None`.
    Interval {
        /// Start.
        from: Option<Instant>,
        /// End (inclusive at its precision).
        to: Option<Instant>,
    },
    /// A length of time.
    Duration {
        /// Length in seconds.
        seconds: u64,
        /// Exactness.
        qualifier: Qualifier,
    },
    /// A plain number (with counters such as 명, 건, 개 kept out of time).
    Number {
        /// The value.
        value: f64,
        /// Hedged (여, 약, 가량, 안팎, 남짓).
        approximate: bool,
    },
    /// An ordinal (첫째, 두 번째, 제3차).
    Ordinal(i64),
}

/// One expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TemporalMention {
    /// Half-open byte range into the parsed text.
    pub span: Range<usize>,
    /// The expression as written.
    pub text: String,
    /// Its meaning.
    pub value: TemporalValue,
}

/// Finds and resolves the temporal expressions of one text.
pub fn parse(
    text: &str,
    reference: DateTime<FixedOffset>,
    policy: Policy,
) -> Vec<TemporalMention> {
    let _ = (text, reference, policy);
    Vec::new()
}

/// Finds and resolves the temporal expressions of a whole document, with its
/// sentences and morphemes, anchoring relative days on the focal day.
pub(crate) fn parse_document(
    text: &str,
    sentences: &[Range<usize>],
    tokens: &[Token],
    reference: Option<DateTime<FixedOffset>>,
    policy: Policy,
) -> Vec<TemporalMention> {
    let _ = (sentences, tokens);
    match reference {
        Some(r) => parse(text, r, policy),
        None => Vec::new(),
    }
}
