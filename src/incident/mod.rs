//! Incident mentions and records.
//!
//! Stage 5 of the pipeline. Outage triggers are found on lindera morphemes
//! (`mention`), each with the services (`service`) and operator (`operator`)
//! its noun phrases name, the times its clause states, causes (`cause`) and
//! impacts (`impact`) of its sentence; `merge` routes the mentions into
//! incident records (several per article, side mentions included). The
//! vocabulary lives in documented lexicons (`lexicon`).

use std::ops::Range;

use crate::morph::Token;
use crate::record::Incident;
use crate::temporal::TemporalMention;

mod cause;
mod impact;
mod lexicon;
mod mention;
mod merge;
mod operator;
mod service;
mod words;

/// Everything the incident stage reads.
pub(crate) struct Input<'a> {
    /// The normalized article body.
    pub body: &'a str,
    /// Sentence spans into `body`.
    pub sentences: &'a [Range<usize>],
    /// Morphemes of `body`, spans into `body`.
    pub tokens: &'a [Token],
    /// Resolved temporal mentions of `body`, spans into `body` (already
    /// resolved against the publication time, so the stage needs no clock).
    pub temporal: &'a [TemporalMention],
}

/// The shared view of one article for the incident modules.
pub(crate) struct Ctx<'a> {
    pub body: &'a str,
    pub sentences: &'a [Range<usize>],
    pub tokens: &'a [Token],
    pub words: Vec<words::Word>,
    pub temporal: Vec<TemporalMention>,
    sent_toks: Vec<Range<usize>>,
    tok_word: Vec<usize>,
    /// Per sentence, the indices into `temporal` of the mentions starting in
    /// it (`temporal` is sorted by span start), so that time look-ups stay
    /// local to a sentence instead of scanning the whole document.
    sent_times: Vec<Range<usize>>,
    /// Per sentence, the indices into `words`.
    sent_words: Vec<Range<usize>>,
    /// The organisation names written in full in the article (filled on
    /// first use by `operator`, which resolves shortened mentions to them).
    pub org_names: std::sync::OnceLock<Vec<String>>,
    /// The body with whitespace removed (filled on first use by
    /// `cause::settle`, which looks for contractors named anywhere).
    pub compact_body: std::sync::OnceLock<String>,
}

impl<'a> Ctx<'a> {
    fn new(input: &Input<'a>) -> Self {
        let words = words::words(input.body, input.sentences, input.tokens);
        let sent_toks = input
            .sentences
            .iter()
            .map(|s| {
                let a = input.tokens.partition_point(|t| t.span.end <= s.start);
                let b = input.tokens.partition_point(|t| t.span.start < s.end);
                a..b.max(a)
            })
            .collect();
        // The per-sentence index below relies on span order.
        let mut temporal = input.temporal.to_vec();
        temporal.sort_by_key(|m| m.span.start);
        let sent_times = input
            .sentences
            .iter()
            .map(|s| {
                let a = temporal.partition_point(|t| t.span.start < s.start);
                let b = temporal.partition_point(|t| t.span.start < s.end);
                a..b.max(a)
            })
            .collect();
        let sent_words = input
            .sentences
            .iter()
            .enumerate()
            .map(|(si, _)| {
                let a = words.partition_point(|w| w.sent < si);
                let b = words.partition_point(|w| w.sent <= si);
                a..b.max(a)
            })
            .collect();
        let mut tok_word = vec![0; input.tokens.len()];
        for (wi, w) in words.iter().enumerate() {
            for ti in w.toks.clone() {
                tok_word[ti] = wi;
            }
        }
        Self {
            body: input.body,
            sentences: input.sentences,
            tokens: input.tokens,
            words,
            temporal,
            sent_toks,
            tok_word,
            sent_times,
            sent_words,
            org_names: std::sync::OnceLock::new(),
            compact_body: std::sync::OnceLock::new(),
        }
    }

    /// The temporal mentions lying inside sentence `sent`, in text order.
    pub fn times_in(&self, sent: usize) -> impl Iterator<Item = &TemporalMention> + '_ {
        let end = self.sentences[sent].end;
        self.temporal[self.sent_times[sent].clone()]
            .iter()
            .filter(move |t| t.span.end <= end)
    }

    /// The word index range of a sentence.
    pub fn sent_words(&self, sent: usize) -> Range<usize> {
        self.sent_words[sent].clone()
    }

    /// The sentence holding byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Whether `span` (inside one sentence) overlaps a time expression.
    pub fn in_time(&self, span: &Range<usize>) -> bool {
        let Some(sent) = self.sentence_at(span.start) else {
            return false;
        };
        self.temporal[self.sent_times[sent].clone()]
            .iter()
            .any(|t| t.span.start < span.end && span.start < t.span.end)
    }

    /// The token index range of a sentence.
    pub fn sent_tokens(&self, sent: usize) -> Range<usize> {
        self.sent_toks[sent].clone()
    }

    /// The word holding token `i`.
    pub fn word_of_token(&self, i: usize) -> usize {
        self.tok_word[i]
    }
}

/// Extracts the incident records of one article.
pub(crate) fn extract(input: &Input<'_>) -> Vec<Incident> {
    if input.sentences.is_empty() || input.tokens.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx::new(input);
    let mut out = merge::build(&ctx);
    for inc in &mut out {
        cause::settle(&ctx, inc);
    }
    out
}
