//! Scoring extracted incidents against hand-written gold.
//!
//! Gold files are `NAME.gold.json` in the output contract's shape (spans
//! optional), next to the document `NAME.txt` / `NAME.html` / `NAME.htm`.
//! [`evaluate_dir`] runs an [`Extractor`] over such a folder; [`score`]
//! compares one predicted [`Article`] with its gold, so you can score your
//! own annotations too.
//!
//! ## Matching
//!
//! Predicted and gold incidents are paired one-to-one, greedily, best pair
//! first. A pair is eligible when their services overlap (see *names* below)
//! or their starts fall on the same day. Its score is the services' lenient
//! Jaccard similarity, plus 1 when the start days are equal, plus ¼ each for
//! an equal operator and an equal duration. Matched pairs are true positives;
//! unmatched predictions are false positives, unmatched gold incidents false
//! negatives.
//!
//! ## Names
//!
//! Service and operator names are compared with whitespace removed and ASCII
//! lowercased. Two service names *match* when one contains the other
//! ("우체국페이" ~ "우체국페이 앱").
//!
//! ## Field accuracy (over matched pairs)
//!
//! - `start`, `end`: both absent, or equal value and precision.
//! - `duration`: both absent, or equal seconds and qualifier.
//! - `causes`: equal sets of categories.
//! - `services` (lenient, used in the mean): Jaccard ≥ 0.5 with matching
//!   names; `services_strict`: equal sets of normalized names.
//! - `operator`: equal normalized names, or both absent.
//! - `published_at`: per document, equal instants (or both absent).
//! - extra lines: `kind` equal; `impacts` equal sets of (count, unit);
//!   `timeline` equal sets of (event, time value).
//!
//! The mean field accuracy is the mean of start, end, duration, causes,
//! services (lenient), operator and published_at.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::record::{Article, Incident};
use crate::{Extractor, Input};

/// Why a folder could not be evaluated (problems with one document's
/// extraction are recorded in its [`DocScore`] instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not valid JSON in the contract's shape.
    #[error("invalid gold file {path}: {message}")]
    Gold {
        /// The path.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// Options of [`evaluate_dir`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Pass the gold `published_at` to the extractor as the publication time
    /// (for documents that carry no date of their own).
    pub reference_from_gold: bool,
}

/// Correct / total counts of one field.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    /// Correct.
    pub correct: usize,
    /// Compared.
    pub total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += ok as usize;
    }

    /// correct / total (1 when nothing was compared).
    pub fn accuracy(&self) -> f64 {
        share(self.correct, self.total)
    }
}

/// Per-field tallies.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Fields {
    /// Start time.
    pub start: Tally,
    /// Full recovery time.
    pub end: Tally,
    /// Stated duration.
    pub duration: Tally,
    /// Cause categories.
    pub causes: Tally,
    /// Services, lenient (Jaccard ≥ 0.5).
    pub services: Tally,
    /// Services, exact set.
    pub services_strict: Tally,
    /// Operator.
    pub operator: Tally,
    /// Publication time (per document).
    pub published_at: Tally,
    /// Kind.
    pub kind: Tally,
    /// Impacts.
    pub impacts: Tally,
    /// Timeline.
    pub timeline: Tally,
}

impl Fields {
    fn absorb(&mut self, o: &Fields) {
        for (a, b) in self.all_mut().into_iter().zip(o.all()) {
            a.correct += b.correct;
            a.total += b.total;
        }
    }

    fn all(&self) -> [Tally; 11] {
        [
            self.start,
            self.end,
            self.duration,
            self.causes,
            self.services,
            self.services_strict,
            self.operator,
            self.published_at,
            self.kind,
            self.impacts,
            self.timeline,
        ]
    }

    fn all_mut(&mut self) -> [&mut Tally; 11] {
        [
            &mut self.start,
            &mut self.end,
            &mut self.duration,
            &mut self.causes,
            &mut self.services,
            &mut self.services_strict,
            &mut self.operator,
            &mut self.published_at,
            &mut self.kind,
            &mut self.impacts,
            &mut self.timeline,
        ]
    }

    /// Mean of start, end, duration, causes, services (lenient), operator and
    /// published_at accuracies.
    pub fn mean(&self) -> f64 {
        let v = [
            self.start,
            self.end,
            self.duration,
            self.causes,
            self.services,
            self.operator,
            self.published_at,
        ];
        v.iter().map(Tally::accuracy).sum::<f64>() / v.len() as f64
    }
}

/// The score of one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocScore {
    /// The document's path.
    pub source: String,
    /// Matched incidents.
    pub true_positives: usize,
    /// Predicted incidents without a gold partner.
    pub false_positives: usize,
    /// Gold incidents without a predicted partner.
    pub false_negatives: usize,
    /// Field tallies over the matched pairs.
    pub fields: Fields,
    /// Human-readable differences.
    pub mismatches: Vec<String>,
    /// The extraction error, if the document could not be read.
    pub error: Option<String>,
}

/// The score of a folder.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Per document.
    pub documents: Vec<DocScore>,
    /// Summed field tallies.
    pub fields: Fields,
    /// Matched incidents.
    pub true_positives: usize,
    /// Spurious incidents.
    pub false_positives: usize,
    /// Missed incidents.
    pub false_negatives: usize,
}

/// `part / whole`, or 1 when there was nothing to get wrong.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

impl Report {
    /// Incident precision.
    pub fn precision(&self) -> f64 {
        share(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    /// Incident recall.
    pub fn recall(&self) -> f64 {
        share(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    /// Incident F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Mean field accuracy (see the module documentation).
    pub fn mean_field_accuracy(&self) -> f64 {
        self.fields.mean()
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Whether two service names match (normalized equality or containment).
pub fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Greedy one-to-one matching of names; returns the number of pairs.
fn matched_names(a: &[String], b: &[String]) -> usize {
    let mut used = vec![false; b.len()];
    let mut n = 0;
    // Exact first, then containment.
    for pass in 0..2 {
        for x in a {
            if let Some(j) = (0..b.len()).find(|&j| {
                !used[j]
                    && if pass == 0 {
                        norm(x) == norm(&b[j])
                    } else {
                        names_match(x, &b[j])
                    }
            }) {
                used[j] = true;
                n += 1;
            }
        }
    }
    n.min(a.len())
}

/// Lenient Jaccard similarity of two service lists.
pub fn services_jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let m = matched_names(a, b) as f64;
    m / (a.len() as f64 + b.len() as f64 - m)
}

fn same_day(a: &Incident, b: &Incident) -> bool {
    match (&a.start, &b.start) {
        (Some(x), Some(y)) => x.value.date_naive() == y.value.date_naive(),
        _ => false,
    }
}

/// Pairs gold and predicted incidents (see the module documentation):
/// returns (gold index, predicted index) pairs.
pub fn match_incidents(gold: &[Incident], predicted: &[Incident]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let overlap = matched_names(&g.services, &p.services) > 0;
            let day = same_day(g, p);
            if !overlap && !day {
                continue;
            }
            let mut s = services_jaccard(&g.services, &p.services);
            if day {
                s += 1.0;
            }
            if g.operator.as_deref().map(norm) == p.operator.as_deref().map(norm) {
                s += 0.25;
            }
            if duration_eq(g, p) && g.duration.is_some() {
                s += 0.25;
            }
            cands.push((s, gi, pi));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut ug, mut up) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if ug.contains(&gi) || up.contains(&pi) {
            continue;
        }
        ug.insert(gi);
        up.insert(pi);
        out.push((gi, pi));
    }
    out.sort();
    out
}

fn time_eq(a: &Option<crate::TimePoint>, b: &Option<crate::TimePoint>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.value == y.value && x.precision == y.precision,
        _ => false,
    }
}

fn duration_eq(a: &Incident, b: &Incident) -> bool {
    match (&a.duration, &b.duration) {
        (None, None) => true,
        (Some(x), Some(y)) => x.seconds == y.seconds && x.qualifier == y.qualifier,
        _ => false,
    }
}

fn show_time(t: &Option<crate::TimePoint>) -> String {
    t.as_ref()
        .map(|t| format!("{} ({:?})", t.value.to_rfc3339(), t.precision))
        .unwrap_or_else(|| "null".into())
}

/// Scores one predicted article against its gold.
pub fn score(gold: &Article, predicted: &Article) -> DocScore {
    let mut d = DocScore {
        source: gold.source.clone(),
        ..Default::default()
    };
    d.fields
        .published_at
        .add(gold.published_at == predicted.published_at);
    if gold.published_at != predicted.published_at {
        d.mismatches.push(format!(
            "published_at: gold {:?}, got {:?}",
            gold.published_at, predicted.published_at
        ));
    }
    let pairs = match_incidents(&gold.incidents, &predicted.incidents);
    d.true_positives = pairs.len();
    d.false_negatives = gold.incidents.len() - pairs.len();
    d.false_positives = predicted.incidents.len() - pairs.len();
    for (gi, g) in gold.incidents.iter().enumerate() {
        if !pairs.iter().any(|p| p.0 == gi) {
            d.mismatches.push(format!(
                "missed: {:?} start {}",
                g.services,
                show_time(&g.start)
            ));
        }
    }
    for (pi, p) in predicted.incidents.iter().enumerate() {
        if !pairs.iter().any(|x| x.1 == pi) {
            d.mismatches.push(format!(
                "spurious: {:?} start {}",
                p.services,
                show_time(&p.start)
            ));
        }
    }
    for (gi, pi) in pairs {
        let (g, p) = (&gold.incidents[gi], &predicted.incidents[pi]);
        let label = format!("{:?}", g.services);
        let f = &mut d.fields;
        let check = |name: &str,
                     tally: &mut Tally,
                     ok: bool,
                     gv: String,
                     pv: String,
                     mism: &mut Vec<String>| {
            tally.add(ok);
            if !ok {
                mism.push(format!("{label} {name}: gold {gv}, got {pv}"));
            }
        };
        let m = &mut d.mismatches;
        check(
            "start",
            &mut f.start,
            time_eq(&g.start, &p.start),
            show_time(&g.start),
            show_time(&p.start),
            m,
        );
        check(
            "end",
            &mut f.end,
            time_eq(&g.end, &p.end),
            show_time(&g.end),
            show_time(&p.end),
            m,
        );
        let sd = |x: &Incident| {
            x.duration
                .as_ref()
                .map(|d| format!("{} {:?}", d.seconds, d.qualifier))
                .unwrap_or("null".into())
        };
        check(
            "duration",
            &mut f.duration,
            duration_eq(g, p),
            sd(g),
            sd(p),
            m,
        );
        let cats = |x: &Incident| x.causes.iter().map(|c| c.category).collect::<BTreeSet<_>>();
        check(
            "causes",
            &mut f.causes,
            cats(g) == cats(p),
            format!("{:?}", cats(g)),
            format!("{:?}", cats(p)),
            m,
        );
        let j = services_jaccard(&g.services, &p.services);
        check(
            "services",
            &mut f.services,
            j >= 0.5,
            format!("{:?}", g.services),
            format!("{:?} (J={j:.2})", p.services),
            m,
        );
        let set = |x: &Incident| x.services.iter().map(|s| norm(s)).collect::<BTreeSet<_>>();
        f.services_strict.add(set(g) == set(p));
        let op = |x: &Incident| x.operator.as_deref().map(norm);
        check(
            "operator",
            &mut f.operator,
            op(g) == op(p),
            format!("{:?}", g.operator),
            format!("{:?}", p.operator),
            m,
        );
        check(
            "kind",
            &mut f.kind,
            g.kind == p.kind,
            format!("{:?}", g.kind),
            format!("{:?}", p.kind),
            m,
        );
        let imp = |x: &Incident| {
            x.impacts
                .iter()
                .map(|i| (i.count, i.unit.clone()))
                .collect::<BTreeSet<_>>()
        };
        check(
            "impacts",
            &mut f.impacts,
            imp(g) == imp(p),
            format!("{:?}", imp(g)),
            format!("{:?}", imp(p)),
            m,
        );
        let tl = |x: &Incident| {
            x.timeline
                .iter()
                .map(|e| {
                    (
                        format!("{:?}", e.event),
                        e.at.as_ref().map(|a| a.value.to_rfc3339()),
                    )
                })
                .collect::<BTreeSet<_>>()
        };
        check(
            "timeline",
            &mut f.timeline,
            tl(g) == tl(p),
            format!("{:?}", tl(g)),
            format!("{:?}", tl(p)),
            m,
        );
    }
    d
}

/// Finds the documents of a folder that have a gold file beside them:
/// (document path, gold path), sorted by name.
pub fn gold_pairs(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, EvalError> {
    let mut out = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| EvalError::Io {
        path: dir.display().to_string(),
        source: e,
    })?;
    let mut names: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    for p in &names {
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".gold.json") else {
            continue;
        };
        for ext in ["txt", "html", "htm"] {
            let doc = dir.join(format!("{stem}.{ext}"));
            if doc.exists() {
                out.push((doc, p.clone()));
                break;
            }
        }
    }
    Ok(out)
}

/// Runs `extractor` over every document of `dir` that has a gold file and
/// scores it.
pub fn evaluate_dir(
    extractor: &Extractor,
    dir: &Path,
    options: &Options,
) -> Result<Report, EvalError> {
    let mut report = Report::default();
    for (doc, gold_path) in gold_pairs(dir)? {
        let gold_text = std::fs::read_to_string(&gold_path).map_err(|e| EvalError::Io {
            path: gold_path.display().to_string(),
            source: e,
        })?;
        let gold: Article = serde_json::from_str(&gold_text).map_err(|e| EvalError::Gold {
            path: gold_path.display().to_string(),
            message: e.to_string(),
        })?;
        let bytes = std::fs::read(&doc).map_err(|e| EvalError::Io {
            path: doc.display().to_string(),
            source: e,
        })?;
        let is_html = doc.extension().is_some_and(|e| e != "txt");
        let mut input = if is_html {
            Input::html(bytes.as_slice())
        } else {
            Input::sniff(bytes.as_slice())
        };
        input = input.with_source(doc.display().to_string());
        if options.reference_from_gold
            && let Some(p) = gold.published_at
        {
            input = input.with_published(p);
        }
        let mut ds = match extractor.extract(input) {
            Ok(article) => score(&gold, &article),
            Err(e) => {
                let empty = Article::empty("");
                let mut s = score(&gold, &empty);
                s.error = Some(e.to_string());
                s
            }
        };
        ds.source = doc.display().to_string();
        report.true_positives += ds.true_positives;
        report.false_positives += ds.false_positives;
        report.false_negatives += ds.false_negatives;
        report.fields.absorb(&ds.fields);
        report.documents.push(ds);
    }
    Ok(report)
}
