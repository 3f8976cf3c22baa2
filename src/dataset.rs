//! Dataset output: the `extract` line format, CSV rows, and incidents merged
//! across articles.
//!
//! This module holds everything a batch run needs besides reading files and
//! threads, so that any program (the `extract` example, a service, a
//! notebook binding) writes the same formats.
//!
//! # The JSON Lines format
//!
//! `extract` prints one [`Line`] per input document, one JSON object per line
//! (UTF-8, `\n`-terminated), **in input order**, whether or not the document
//! could be read. The keys, in this order:
//!
//! | key | type | meaning |
//! |-----|------|---------|
//! | `source` | string | the path as given on the command line, `-` for stdin, or the path found while walking a directory |
//! | `title` | string or null | the headline |
//! | `published_at` | RFC 3339 string or null | publication time (`--published` wins over the page) |
//! | `modified_at` | RFC 3339 string | *optional*: last modification, when the page states one |
//! | `byline` | string | *optional*: the reporter line |
//! | `incidents` | array of [`Incident`] | the incidents, main incident first; empty when `error` is set |
//! | `warnings` | array of strings | *optional*: problems that did not stop extraction |
//! | `body` | string | *only with `--with-body`*: the clean text every `span` points into |
//! | `error` | string or null | null on success; otherwise why the document could not be read |
//!
//! Optional keys are left out rather than written as null; a consumer must
//! ignore keys it does not know (new optional keys may be added). An
//! incident is:
//!
//! ```json
//! {"services": ["카카오톡", "카카오T"], "operator": "카카오", "kind": "outage",
//!  "start": {"value": "2022-10-15T15:19:00+09:00", "precision": "minute",
//!            "approximate": true, "text": "15일 오후 3시19분쯤", "span": [120, 143]},
//!  "end": null,
//!  "duration": {"seconds": 36000, "qualifier": "about", "stated": true, "text": "약 10시간", "span": [300, 312]},
//!  "causes": [{"category": "fire", "text": "화재", "span": [80, 86]}],
//!  "impacts": [{"count": 1600, "unit": "건", "what": "입찰 공고", "text": "1600여 건의 입찰 공고"}],
//!  "timeline": [{"at": {"value": "...", "precision": "hour", "approximate": false, "text": "..."},
//!                "event": "partial_recovery", "text": "..."}]}
//! ```
//!
//! * `kind` is one of `outage`, `degradation`, `error`, `planned`.
//! * `precision` is one of `year`, `quarter`, `month`, `week`, `day`, `hour`,
//!   `minute`, `second`; `value` is the start of that unit.
//! * `qualifier` is one of `exact`, `about`, `at_least`, `at_most`; `stated`
//!   is false when the duration was computed from `start` and `end`.
//! * `category` is one of the closed list of [`CauseCategory`].
//! * `event` is one of `start`, `partial_recovery`, `recovery`, `update`.
//! * `span` is a half-open `[start, end)` range of UTF-8 byte offsets into the
//!   body; it is left out when unknown.
//!
//! A document that cannot be read still gets its line:
//!
//! ```json
//! {"source":"scan.png","title":null,"published_at":null,"incidents":[],"error":"not a text document: looks like PNG image"}
//! ```
//!
//! With `--format json` the same objects are written as one JSON array, one
//! element per line.
//!
//! # CSV
//!
//! [`CSV_HEADER`] and [`csv_rows`]: one row per incident, with the columns
//! flattened so a spreadsheet, pandas or DuckDB reads them without a schema.
//! A document with no incident, or that failed, still gets one row (its
//! incident columns empty, `error` filled), so every input is accounted for.
//!
//! # Datasets
//!
//! [`DatasetWriter`] writes a directory:
//!
//! * `articles.jsonl`: one [`Line`] per document that was read (`error` null);
//! * `errors.jsonl`: `{"source": ..., "error": ...}` per document that failed;
//! * `incidents.jsonl`: one [`MergedIncident`] per real-world incident, merged
//!   across articles by [`Merger`];
//! * `summary.json`: a [`Summary`] (counts and version).
//!
//! Every document goes to exactly one of `articles.jsonl` and `errors.jsonl`.
//! All four files depend only on the documents and their order, so a re-run
//! on the same inputs writes byte-identical files; the time taken is
//! therefore *not* in `summary.json` (the `extract` example prints it on
//! stderr).

use std::collections::HashMap;
use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, FixedOffset, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::record::{
    Article, Cause, CauseCategory, Duration, Impact, Incident, Kind, Precision, TimePoint,
    TimelineEntry,
};

/// One line of `extract` output: an article, or the reason a document could
/// not be read. See the [module documentation](self) for the format.
///
/// ```
/// use jangae::dataset::Line;
/// let line = Line::failed("missing.html", "cannot read missing.html: not found");
/// assert_eq!(
///     line.to_json(),
///     r#"{"source":"missing.html","title":null,"published_at":null,"incidents":[],"error":"cannot read missing.html: not found"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The article; on failure only its `source` is set.
    #[serde(flatten)]
    pub article: Article,
    /// The clean body, present only when the caller asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Why the document could not be read; `None` on success.
    pub error: Option<String>,
}

impl Line {
    /// The line of a document that was read. The body is kept only when
    /// `with_body` is set (it is otherwise dropped to save memory).
    pub fn ok(mut article: Article, with_body: bool) -> Self {
        let body = std::mem::take(&mut article.body);
        Self {
            article,
            body: with_body.then_some(body),
            error: None,
        }
    }

    /// The line of a document that could not be read.
    pub fn failed(source: impl Into<String>, error: impl Display) -> Self {
        Self {
            article: Article::empty(source),
            body: None,
            error: Some(error.to_string()),
        }
    }

    /// Where the document came from.
    pub fn source(&self) -> &str {
        &self.article.source
    }

    /// `true` when the document was read.
    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }

    /// The line as compact JSON, without the trailing newline.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string(self).expect("a Line always serializes")
    }
}

/// The columns of the CSV format, in order.
///
/// * `incident`: the incident's 0-based index in its article (empty when the
///   document has no incident);
/// * `services`, `causes`: values joined by `;` (cause categories);
/// * `start`, `end`: RFC 3339; `start_precision` as in JSON;
/// * `impact`: the first impact as `count unit what` (e.g. `1600건 입찰 공고`);
/// * `error`: empty on success.
pub const CSV_HEADER: [&str; 15] = [
    "source",
    "title",
    "published_at",
    "incident",
    "services",
    "operator",
    "kind",
    "start",
    "start_precision",
    "end",
    "duration_seconds",
    "duration_qualifier",
    "causes",
    "impact",
    "error",
];

/// One CSV record, aligned with [`CSV_HEADER`].
pub type CsvRow = [String; 15];

/// The CSV rows of one line: one per incident, or a single row with empty
/// incident columns when the document has none or failed.
pub fn csv_rows(line: &Line) -> Vec<CsvRow> {
    let a = &line.article;
    let head = |index: String| -> [String; 4] {
        [
            a.source.clone(),
            a.title.clone().unwrap_or_default(),
            a.published_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            index,
        ]
    };
    let error = line.error.clone().unwrap_or_default();
    if a.incidents.is_empty() {
        let mut row = CsvRow::default();
        for (slot, value) in row.iter_mut().zip(head(String::new())) {
            *slot = value;
        }
        row[14] = error;
        return vec![row];
    }
    a.incidents
        .iter()
        .enumerate()
        .map(|(n, inc)| {
            let [s, t, p, i] = head(n.to_string());
            [
                s,
                t,
                p,
                i,
                inc.services.join(";"),
                inc.operator.clone().unwrap_or_default(),
                name(&inc.kind),
                inc.start
                    .as_ref()
                    .map(|t| t.value.to_rfc3339())
                    .unwrap_or_default(),
                inc.start
                    .as_ref()
                    .map(|t| name(&t.precision))
                    .unwrap_or_default(),
                inc.end
                    .as_ref()
                    .map(|t| t.value.to_rfc3339())
                    .unwrap_or_default(),
                inc.duration
                    .as_ref()
                    .map(|d| d.seconds.to_string())
                    .unwrap_or_default(),
                inc.duration
                    .as_ref()
                    .map(|d| name(&d.qualifier))
                    .unwrap_or_default(),
                inc.causes
                    .iter()
                    .map(|c| name(&c.category))
                    .collect::<Vec<_>>()
                    .join(";"),
                inc.impacts.first().map(impact_label).unwrap_or_default(),
                error.clone(),
            ]
        })
        .collect()
}

/// Writes the CSV rows of `line` (see [`csv_rows`]). Write [`CSV_HEADER`]
/// once first.
pub fn write_csv<W: Write>(writer: &mut csv::Writer<W>, line: &Line) -> csv::Result<()> {
    for row in csv_rows(line) {
        writer.write_record(&row)?;
    }
    Ok(())
}

fn impact_label(i: &Impact) -> String {
    let mut s = format!("{}{}", i.count, i.unit);
    if !i.what.is_empty() {
        s.push(' ');
        s.push_str(&i.what);
    }
    s
}

/// The serde name of a unit enum variant (`at_least`, `power_failure`).
fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// One real-world incident, merged from every article that reports it.
///
/// Its fields have the shape of an [`Incident`] and hold the best-supported
/// value of each (see [`Merger`]); `span`s are dropped because they point
/// into different bodies (the articles in `articles.jsonl` keep them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedIncident {
    /// Every service named by any source, most often named first.
    pub services: Vec<String>,
    /// The best-supported operator.
    pub operator: Option<String>,
    /// The best-supported kind.
    pub kind: Kind,
    /// The best-supported start.
    pub start: Option<TimePoint>,
    /// The best-supported full recovery.
    pub end: Option<TimePoint>,
    /// The best-supported duration.
    pub duration: Option<Duration>,
    /// Every stated cause category, most often stated first (`unknown` only
    /// when no source knows a cause).
    pub causes: Vec<Cause>,
    /// Every distinct impact, in order of first report.
    pub impacts: Vec<Impact>,
    /// Every distinct dated event, in time order.
    pub timeline: Vec<TimelineEntry>,
    /// The articles that report it, in input order.
    pub sources: Vec<SourceRef>,
    /// Fields on which the sources disagree.
    #[serde(default, skip_serializing_if = "Alternatives::is_empty")]
    pub alternatives: Alternatives,
}

/// An article reporting a merged incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The article's source.
    pub source: String,
    /// The article's title.
    pub title: Option<String>,
    /// The article's publication time.
    pub published_at: Option<DateTime<FixedOffset>>,
    /// The incident's index in the article's `incidents`.
    pub incident: usize,
}

/// One value of a field and the sources that state it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate<T> {
    /// The value.
    pub value: T,
    /// The `source` of every article stating it.
    pub sources: Vec<String>,
}

/// Conflicting values of a merged incident's fields.
///
/// A field is listed only when its sources disagree; it then lists **every**
/// distinct value, the chosen one first, the others by decreasing support.
/// Two times do not conflict when one contains the other ("15일" and "15일
/// 오후 3시"); two durations conflict when their seconds differ.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alternatives {
    /// Operators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operator: Vec<Candidate<String>>,
    /// Kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<Candidate<Kind>>,
    /// Starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub start: Vec<Candidate<TimePoint>>,
    /// Ends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub end: Vec<Candidate<TimePoint>>,
    /// Durations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duration: Vec<Candidate<Duration>>,
}

impl Alternatives {
    /// `true` when the sources agree on every field.
    pub fn is_empty(&self) -> bool {
        self.operator.is_empty()
            && self.kind.is_empty()
            && self.start.is_empty()
            && self.end.is_empty()
            && self.duration.is_empty()
    }
}

/// Merges incidents reported by several articles into [`MergedIncident`]s.
///
/// Two incidents are the same when
///
/// 1. they share a name: a service, or the operator (compared without case
///    and spaces), and
/// 2. they happened on the same day: both starts, when stated to the day or
///    finer, fall on the same date; when one of them has no start, the other
///    starts at most two days before, and not after, that article's
///    publication date; when neither has a start, the articles were published
///    at most one day apart.
///
/// Incidents whose start is coarser than a day ("지난달"), or that have no
/// start, no publication date or no name, are never merged, and neither are
/// two incidents of the same article (it told them apart). The relation is
/// closed transitively, joining the strongest pairs first (a shared service
/// before a shared operator, stated starts before publication dates), so
/// the result does not depend on the order of the articles. Each field then takes its best-supported value: the value
/// stated by (or, for times, compatible with) the most sources; ties go to
/// the finer time, then to the first reported. Records come out in the order
/// of their first report.
///
/// Memory grows with the number of incidents (a compact copy of each is kept
/// until [`Merger::finish`]), not with the size of the articles.
#[derive(Debug, Default)]
pub struct Merger {
    items: Vec<Item>,
    articles: usize,
}

#[derive(Debug)]
struct Item {
    source: SourceRef,
    incident: Incident,
    /// The article's position among those added.
    article: usize,
}

impl Merger {
    /// An empty merger.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the incidents of one article (in input order).
    pub fn add(&mut self, article: &Article) {
        for (n, incident) in article.incidents.iter().enumerate() {
            self.items.push(Item {
                source: SourceRef {
                    source: article.source.clone(),
                    title: article.title.clone(),
                    published_at: article.published_at,
                    incident: n,
                },
                incident: compact(incident),
                article: self.articles,
            });
        }
        self.articles += 1;
    }

    /// The number of incidents added so far.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// `true` when no incident was added.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Clusters the incidents and builds one record per cluster.
    pub fn finish(self) -> Vec<MergedIncident> {
        let clusters = cluster(&self.items);
        clusters
            .into_iter()
            .map(|members| {
                let items: Vec<&Item> = members.iter().map(|&i| &self.items[i]).collect();
                merge_cluster(&items)
            })
            .collect()
    }
}

/// Merges the incidents of `articles` (see [`Merger`]).
pub fn merge_incidents<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<MergedIncident> {
    let mut merger = Merger::new();
    for a in articles {
        merger.add(a);
    }
    merger.finish()
}

/// A copy without spans or sentence lists (they point into one article's body).
fn compact(incident: &Incident) -> Incident {
    let tp = |t: &Option<TimePoint>| {
        t.as_ref().map(|t| TimePoint {
            span: None,
            ..t.clone()
        })
    };
    Incident {
        services: incident.services.clone(),
        operator: incident.operator.clone(),
        kind: incident.kind,
        start: tp(&incident.start),
        end: tp(&incident.end),
        duration: incident.duration.as_ref().map(|d| Duration {
            span: None,
            ..d.clone()
        }),
        causes: incident
            .causes
            .iter()
            .map(|c| Cause {
                span: None,
                ..c.clone()
            })
            .collect(),
        impacts: incident
            .impacts
            .iter()
            .map(|i| Impact {
                span: None,
                ..i.clone()
            })
            .collect(),
        timeline: incident
            .timeline
            .iter()
            .map(|e| TimelineEntry {
                at: tp(&e.at),
                span: None,
                ..e.clone()
            })
            .collect(),
        sentences: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Names compare without case and whitespace ("카카오 T" = "카카오T").
fn norm(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The day an incident is anchored on, and whether it is only the
/// publication day (no start stated).
fn anchor(item: &Item) -> Option<(NaiveDate, bool)> {
    match &item.incident.start {
        Some(t) if t.precision >= Precision::Day => Some((t.value.date_naive(), false)),
        Some(_) => None,
        None => item.source.published_at.map(|p| (p.date_naive(), true)),
    }
}

fn same_day(a: (NaiveDate, bool), b: (NaiveDate, bool)) -> bool {
    match (a, b) {
        ((d, false), (e, false)) => d == e,
        ((start, false), (published, true)) | ((published, true), (start, false)) => {
            let lag = (published - start).num_days();
            (0..=2).contains(&lag)
        }
        ((d, true), (e, true)) => (d - e).num_days().abs() <= 1,
    }
}

/// Groups item indices into clusters (each in input order), ordered by
/// their first member.
///
/// Candidate pairs (a shared name, the same day) are joined strongest first:
/// a shared service before a shared operator only, both starts stated before
/// a publication date standing in for one; then by the sources' names, so
/// the result does not depend on input order. Two incidents of one article
/// are never joined: the article already told them apart.
fn cluster(items: &[Item]) -> Vec<Vec<usize>> {
    // Bucket by name (operator or service), then compare only neighbours
    // within the day window.
    let mut buckets: HashMap<(bool, String), Vec<Anchored>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let Some((day, loose)) = anchor(item) else {
            continue;
        };
        let mut names: Vec<(bool, String)> = item
            .incident
            .services
            .iter()
            .map(|s| (false, norm(s)))
            .collect();
        names.extend(item.incident.operator.as_deref().map(|o| (true, norm(o))));
        names.retain(|n| !n.1.is_empty());
        names.sort();
        names.dedup();
        for n in names {
            buckets.entry(n).or_default().push((day, loose, i));
        }
    }
    // (operator only, a loose day, i, j): smaller sorts first = stronger.
    let mut pairs: Vec<(bool, bool, usize, usize)> = Vec::new();
    for ((by_operator, _), bucket) in &mut buckets {
        bucket.sort();
        for (x, &(d, l, i)) in bucket.iter().enumerate() {
            for &(e, m, j) in &bucket[x + 1..] {
                if (e - d).num_days() > 2 {
                    break;
                }
                if items[i].article != items[j].article && same_day((d, l), (e, m)) {
                    pairs.push((*by_operator, l || m, i.min(j), i.max(j)));
                }
            }
        }
    }
    let key = |i: usize| (&items[i].source.source, items[i].source.incident, i);
    pairs.sort_by(|a, b| (a.0, a.1, key(a.2), key(a.3)).cmp(&(b.0, b.1, key(b.2), key(b.3))));
    pairs.dedup_by(|a, b| (a.2, a.3) == (b.2, b.3));

    let mut parent: Vec<usize> = (0..items.len()).collect();
    // The articles in each cluster, sorted, kept at its root.
    let mut articles: Vec<Vec<usize>> = items.iter().map(|i| vec![i.article]).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (_, _, i, j) in pairs {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj || shares_any(&articles[ri], &articles[rj]) {
            continue;
        }
        let (root, child) = (ri.min(rj), ri.max(rj));
        parent[child] = root;
        let moved = std::mem::take(&mut articles[child]);
        articles[root].extend(moved);
        articles[root].sort_unstable();
    }
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        let k = *slot.entry(root).or_insert_with(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[k].push(i);
    }
    clusters
}

/// An item's day, whether that day is only the publication date, and its index.
type Anchored = (NaiveDate, bool, usize);

/// Two sorted lists have an element in common.
fn shares_any(a: &[usize], b: &[usize]) -> bool {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Distinct values with their supporting sources, in order of first report.
fn tally<T: Clone, K: PartialEq>(
    items: &[&Item],
    get: impl Fn(&Incident) -> Option<T>,
    key: impl Fn(&T) -> K,
) -> Vec<(K, Candidate<T>)> {
    let mut out: Vec<(K, Candidate<T>)> = Vec::new();
    for item in items {
        let Some(v) = get(&item.incident) else {
            continue;
        };
        let k = key(&v);
        match out.iter_mut().find(|(kk, _)| *kk == k) {
            Some((_, c)) => c.sources.push(item.source.source.clone()),
            None => out.push((
                k,
                Candidate {
                    value: v,
                    sources: vec![item.source.source.clone()],
                },
            )),
        }
    }
    out
}

/// Picks the most supported candidate (first reported on ties) and lists all
/// candidates as alternatives when there are several.
fn vote<T: Clone, K: PartialEq>(tallied: Vec<(K, Candidate<T>)>) -> (Option<T>, Vec<Candidate<T>>) {
    let mut cands: Vec<Candidate<T>> = tallied.into_iter().map(|(_, c)| c).collect();
    // A stable sort keeps first-reported order among equals.
    cands.sort_by_key(|c| std::cmp::Reverse(c.sources.len()));
    let best = cands.first().map(|c| c.value.clone());
    if cands.len() < 2 {
        cands.clear();
    }
    (best, cands)
}

/// The half-open interval a time point covers at its precision.
fn interval(t: &TimePoint) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let v = t.value;
    let end = match t.precision {
        Precision::Year => v.checked_add_months(Months::new(12)),
        Precision::Quarter => v.checked_add_months(Months::new(3)),
        Precision::Month => v.checked_add_months(Months::new(1)),
        Precision::Week => v.checked_add_days(Days::new(7)),
        Precision::Day => v.checked_add_days(Days::new(1)),
        Precision::Hour => v.checked_add_signed(chrono::Duration::hours(1)),
        Precision::Minute => v.checked_add_signed(chrono::Duration::minutes(1)),
        Precision::Second => v.checked_add_signed(chrono::Duration::seconds(1)),
    };
    (v, end.unwrap_or(v))
}

/// One time contains the other.
fn compatible(a: &TimePoint, b: &TimePoint) -> bool {
    let (a0, a1) = interval(a);
    let (b0, b1) = interval(b);
    (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1)
}

/// Chooses a time: the one compatible with the most sources, then the finer,
/// then the more often stated exactly, then the first reported. Lists all
/// values as alternatives only when some are incompatible with the choice.
fn vote_time(
    items: &[&Item],
    get: impl Fn(&Incident) -> Option<TimePoint>,
) -> (Option<TimePoint>, Vec<Candidate<TimePoint>>) {
    let cands: Vec<Candidate<TimePoint>> = tally(items, get, |t| (t.value, t.precision))
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let score = |c: &Candidate<TimePoint>| -> usize {
        cands
            .iter()
            .filter(|o| compatible(&c.value, &o.value))
            .map(|o| o.sources.len())
            .sum()
    };
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| {
        let c = &cands[i];
        (
            std::cmp::Reverse(score(c)),
            std::cmp::Reverse(c.value.precision),
            std::cmp::Reverse(c.sources.len()),
        )
    });
    let Some(&best) = order.first() else {
        return (None, Vec::new());
    };
    let conflict = cands
        .iter()
        .any(|o| !compatible(&cands[best].value, &o.value));
    let chosen = cands[best].value.clone();
    if !conflict {
        return (Some(chosen), Vec::new());
    }
    let mut alts: Vec<Candidate<TimePoint>> = order.iter().map(|&i| cands[i].clone()).collect();
    // Chosen first, the rest by how often they are stated.
    alts[1..].sort_by_key(|c| std::cmp::Reverse(c.sources.len()));
    (Some(chosen), alts)
}

fn merge_cluster(items: &[&Item]) -> MergedIncident {
    let mut alternatives = Alternatives::default();

    // Services: every name, most often named first.
    let mut services: Vec<(String, String, usize)> = Vec::new();
    for item in items {
        let mut seen: Vec<String> = Vec::new();
        for s in &item.incident.services {
            let k = norm(s);
            if seen.contains(&k) {
                continue;
            }
            match services.iter_mut().find(|(kk, _, _)| *kk == k) {
                Some(e) => e.2 += 1,
                None => services.push((k.clone(), s.clone(), 1)),
            }
            seen.push(k);
        }
    }
    services.sort_by_key(|e| std::cmp::Reverse(e.2));

    let (operator, alts) = vote(tally(items, |i| i.operator.clone(), |o| norm(o)));
    alternatives.operator = alts;
    let (kind, alts) = vote(tally(items, |i| Some(i.kind), |k| *k));
    alternatives.kind = alts;
    let (start, alts) = vote_time(items, |i| i.start.clone());
    alternatives.start = alts;
    let (end, alts) = vote_time(items, |i| i.end.clone());
    alternatives.end = alts;
    // A stated duration outranks one computed from start and end.
    let stated: Vec<&Item> = items
        .iter()
        .copied()
        .filter(|i| i.incident.duration.as_ref().is_some_and(|d| d.stated))
        .collect();
    let pool = if stated.is_empty() { items } else { &stated };
    let (duration, alts) = vote(tally(pool, |i| i.duration.clone(), |d| d.seconds));
    alternatives.duration = alts;

    // Causes: one per category, most often stated first.
    let mut causes: Vec<(Cause, usize)> = Vec::new();
    for item in items {
        for c in &item.incident.causes {
            match causes.iter_mut().find(|(k, _)| k.category == c.category) {
                Some(e) => e.1 += 1,
                None => causes.push((c.clone(), 1)),
            }
        }
    }
    if causes
        .iter()
        .any(|(c, _)| c.category != CauseCategory::Unknown)
    {
        causes.retain(|(c, _)| c.category != CauseCategory::Unknown);
    }
    causes.sort_by_key(|e| std::cmp::Reverse(e.1));

    let mut impacts: Vec<Impact> = Vec::new();
    for item in items {
        for i in &item.incident.impacts {
            let same = |o: &Impact| {
                o.count == i.count && o.unit == i.unit && norm(&o.what) == norm(&i.what)
            };
            if !impacts.iter().any(same) {
                impacts.push(i.clone());
            }
        }
    }

    let mut timeline: Vec<TimelineEntry> = Vec::new();
    for item in items {
        for e in &item.incident.timeline {
            let same = |o: &TimelineEntry| {
                o.event == e.event
                    && match (&o.at, &e.at) {
                        (Some(a), Some(b)) => a.value == b.value && a.precision == b.precision,
                        (None, None) => o.text == e.text,
                        _ => false,
                    }
            };
            if !timeline.iter().any(same) {
                timeline.push(e.clone());
            }
        }
    }
    // Stable: undated events keep their report order, after the dated ones.
    timeline.sort_by_key(|e| (e.at.is_none(), e.at.as_ref().map(|t| t.value)));

    MergedIncident {
        services: services.into_iter().map(|e| e.1).collect(),
        operator,
        kind: kind.unwrap_or(Kind::Outage),
        start,
        end,
        duration,
        causes: causes.into_iter().map(|e| e.0).collect(),
        impacts,
        timeline,
        sources: items.iter().map(|i| i.source.clone()).collect(),
        alternatives,
    }
}

/// The counts of a dataset run, written to `summary.json`.
///
/// Deterministic on purpose (no timings, no host names), so that a re-run on
/// the same inputs writes the same bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The jangae version that wrote the dataset.
    pub version: String,
    /// Documents seen (articles + errors).
    pub documents: usize,
    /// Documents read (lines of `articles.jsonl`).
    pub articles: usize,
    /// Documents that failed (lines of `errors.jsonl`).
    pub errors: usize,
    /// Articles with at least one incident.
    pub articles_with_incidents: usize,
    /// Incidents over all articles, before merging.
    pub incidents: usize,
    /// Merged incidents (lines of `incidents.jsonl`).
    pub merged_incidents: usize,
}

/// The line of `errors.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorLine {
    /// The document's source.
    pub source: String,
    /// Why it could not be read.
    pub error: String,
}

/// Writes a dataset directory (see the [module documentation](self)).
///
/// Feed it every [`Line`] in input order, then call
/// [`finish`](DatasetWriter::finish).
#[derive(Debug)]
pub struct DatasetWriter {
    dir: PathBuf,
    articles: BufWriter<File>,
    errors: BufWriter<File>,
    merger: Merger,
    summary: Summary,
}

impl DatasetWriter {
    /// The file names written in the directory.
    pub const FILES: [&str; 4] = [
        "articles.jsonl",
        "incidents.jsonl",
        "errors.jsonl",
        "summary.json",
    ];

    /// Creates `dir` (and its parents) and opens the files, replacing any
    /// earlier dataset there.
    pub fn create(dir: impl AsRef<Path>) -> io::Result<Self> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir)?;
        let open = |name: &str| File::create(dir.join(name)).map(BufWriter::new);
        let articles = open("articles.jsonl")?;
        let errors = open("errors.jsonl")?;
        Ok(Self {
            dir,
            articles,
            errors,
            merger: Merger::new(),
            summary: Summary {
                version: env!("CARGO_PKG_VERSION").to_string(),
                ..Summary::default()
            },
        })
    }

    /// Records one document.
    pub fn write(&mut self, line: &Line) -> io::Result<()> {
        self.summary.documents += 1;
        match &line.error {
            None => {
                self.summary.articles += 1;
                let n = line.article.incidents.len();
                self.summary.incidents += n;
                self.summary.articles_with_incidents += usize::from(n > 0);
                self.merger.add(&line.article);
                writeln!(self.articles, "{}", line.to_json())
            }
            Some(error) => {
                self.summary.errors += 1;
                let e = ErrorLine {
                    source: line.article.source.clone(),
                    error: error.clone(),
                };
                serde_json::to_writer(&mut self.errors, &e)?;
                writeln!(self.errors)
            }
        }
    }

    /// The counts so far.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Merges the incidents, writes `incidents.jsonl` and `summary.json`,
    /// and flushes everything.
    pub fn finish(mut self) -> io::Result<Summary> {
        self.articles.flush()?;
        self.errors.flush()?;
        let merged = self.merger.finish();
        self.summary.merged_incidents = merged.len();
        let mut out = BufWriter::new(File::create(self.dir.join("incidents.jsonl"))?);
        for m in &merged {
            serde_json::to_writer(&mut out, m)?;
            writeln!(out)?;
        }
        out.flush()?;
        let mut summary = serde_json::to_string_pretty(&self.summary)?;
        summary.push('\n');
        std::fs::write(self.dir.join("summary.json"), summary)?;
        Ok(self.summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(value: &str, precision: Precision) -> TimePoint {
        TimePoint {
            value: DateTime::parse_from_rfc3339(value).unwrap(),
            precision,
            approximate: false,
            text: String::new(),
            span: None,
        }
    }

    #[test]
    fn times_are_compatible_when_one_contains_the_other() {
        let month = tp("2023-11-01T00:00:00+09:00", Precision::Month);
        let day = tp("2023-11-17T00:00:00+09:00", Precision::Day);
        let hour = tp("2023-11-17T23:00:00+09:00", Precision::Hour);
        let next_day = tp("2023-11-18T00:00:00+09:00", Precision::Day);
        let week = tp("2023-11-27T00:00:00+09:00", Precision::Week);
        assert!(compatible(&month, &day) && compatible(&day, &month));
        assert!(compatible(&day, &hour));
        assert!(!compatible(&hour, &next_day));
        assert!(compatible(&month, &hour));
        // A week running into December is not inside November.
        assert!(!compatible(&month, &week));
        assert!(compatible(&hour, &hour));
    }

    #[test]
    fn day_window() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let start = (d("2023-11-17"), false);
        assert!(same_day(start, (d("2023-11-17"), false)));
        assert!(!same_day(start, (d("2023-11-18"), false)));
        // Published the same day or up to two days after the start.
        assert!(same_day(start, (d("2023-11-17"), true)));
        assert!(same_day((d("2023-11-19"), true), start));
        assert!(!same_day(start, (d("2023-11-20"), true)));
        assert!(!same_day(start, (d("2023-11-16"), true)));
        // Two publication dates: at most a day apart.
        assert!(same_day((d("2023-11-17"), true), (d("2023-11-18"), true)));
        assert!(!same_day((d("2023-11-17"), true), (d("2023-11-19"), true)));
    }

    #[test]
    fn names_ignore_case_and_spaces() {
        assert_eq!(norm("카카오 T"), norm("카카오t"));
        assert_eq!(norm(" KT "), "kt");
    }
}
