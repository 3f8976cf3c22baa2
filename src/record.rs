//! The serializable records: what the crate produces.
//!
//! These types are the output contract of `extract` (one JSON object per
//! document) and of [`Extractor::extract`](crate::Extractor::extract). Every
//! field that is read off the article keeps the text that proves it and, when
//! produced by the extractor, its `span`: a half-open range of UTF-8 byte
//! offsets `[start, end)` into [`Article::body`]. Gold files written by hand
//! may leave spans out; they deserialize to `None`.
//!
//! Times are RFC 3339 with an offset; Korean text without an offset is KST
//! (+09:00).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the article body.
pub type Span = [usize; 2];

/// One document and the incidents read from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Where the document came from (a path, a URL, or a caller-chosen name).
    pub source: String,
    /// The headline, without the site's suffix, when one was found.
    pub title: Option<String>,
    /// Publication time: read from the page, or given by the caller.
    pub published_at: Option<DateTime<FixedOffset>>,
    /// Last modification time, when the page states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_at: Option<DateTime<FixedOffset>>,
    /// The reporter line, when the page states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The clean article text all spans point into. Paragraphs are separated
    /// by a newline. Not serialized unless the caller asks (`--with-body`).
    #[serde(default, skip_serializing)]
    pub body: String,
    /// The incidents reported by the article, main incident first.
    pub incidents: Vec<Incident>,
    /// Things worth knowing that did not stop extraction (replaced invalid
    /// bytes, a weekday that contradicts its date, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Article {
    /// An article with nothing in it but its source: what a document that
    /// could not be read stands for in a batch.
    pub fn empty(source: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            title: None,
            published_at: None,
            modified_at: None,
            byline: None,
            body: String::new(),
            incidents: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// One failure of one operator's system(s), with its own start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// The services, apps or functions that failed, as named in the text.
    pub services: Vec<String>,
    /// The organisation running them, under its full name when known.
    pub operator: Option<String>,
    /// What kind of failure it was.
    pub kind: Kind,
    /// When it started.
    pub start: Option<TimePoint>,
    /// When service was fully restored (partial recoveries are in `timeline`).
    pub end: Option<TimePoint>,
    /// How long it lasted, as the text states it.
    pub duration: Option<Duration>,
    /// Every stated cause, one per category.
    #[serde(default)]
    pub causes: Vec<Cause>,
    /// Counted effects of the failure.
    #[serde(default)]
    pub impacts: Vec<Impact>,
    /// Intermediate events between start and full recovery.
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    /// Spans of the sentences this record was built from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Span>,
    /// Inconsistencies kept rather than silently resolved (for example a
    /// stated duration that disagrees with start and end).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The kind of an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The service was unavailable (장애, 먹통, 중단, 마비, 불통).
    Outage,
    /// The service worked badly (지연, 속도 저하, 일부 기능).
    Degradation,
    /// The service produced wrong results (이체 오류, 자동이체 오류).
    Error,
    /// Planned downtime (시스템 전환 작업, 정기 점검).
    Planned,
}

/// The finest unit a time expression states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// "2023년", "올해".
    Year,
    /// "3분기", "상반기".
    Quarter,
    /// "9월", "지난달".
    Month,
    /// "지난주", "이번 주".
    Week,
    /// "24일", "22일 오전" (a day part without a clock hour).
    Day,
    /// "오후 7시쯤".
    Hour,
    /// "오후 1시 57분".
    Minute,
    /// "10시 20분 58초".
    Second,
}

/// A resolved instant with the evidence that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimePoint {
    /// The instant, truncated to `precision` (the start of the stated unit).
    pub value: DateTime<FixedOffset>,
    /// The finest unit written in the text.
    pub precision: Precision,
    /// Hedged by 께, 쯤, 경, 무렵, 가량, 여, 전후.
    pub approximate: bool,
    /// The expression as written.
    pub text: String,
    /// Where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// How a stated quantity relates to the true one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As stated ("18시간").
    Exact,
    /// Roughly ("약 10시간", "20여 분", "6시간 40분가량").
    About,
    /// No less than ("1시간 넘게", "2시간 이상").
    AtLeast,
    /// No more than ("1시간 이내", "10분 미만").
    AtMost,
}

/// How long an incident lasted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    /// Length in seconds.
    pub seconds: u64,
    /// Exactness of the statement.
    pub qualifier: Qualifier,
    /// `true` when the text states the duration; `false` when it was computed
    /// from start and end.
    pub stated: bool,
    /// The expression as written.
    pub text: String,
    /// Where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// The closed list of cause categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseCategory {
    /// 화재, 불.
    Fire,
    /// 정전, 전원 차단, UPS.
    PowerFailure,
    /// 네트워크 장비, L4 스위치, 라우터.
    NetworkEquipment,
    /// 서버·디스크·저장장치 고장.
    HardwareFailure,
    /// 프로그램 오류, 버그.
    SoftwareBug,
    /// 환경 설정 오류.
    ConfigurationError,
    /// 작업자 실수.
    OperatorError,
    /// 접속 폭증, 과부하, 트래픽 급증.
    TrafficOverload,
    /// 시스템 전환, 차세대 시스템 개통.
    SystemMigration,
    /// 정기 점검, 계획된 작업.
    PlannedMaintenance,
    /// 디도스, 해킹, 랜섬웨어.
    Cyberattack,
    /// 외부 업체, 인증 업체.
    ThirdParty,
    /// 지진, 태풍, 폭우, 낙뢰.
    NaturalDisaster,
    /// The text says the cause is unknown (원인 미상, 파악 중).
    Unknown,
}

/// A stated cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    /// Its category.
    pub category: CauseCategory,
    /// The phrase that states it.
    pub text: String,
    /// Where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A counted effect of a failure ("1,600여 건 입찰 공고").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// The number, with approximations (여, 약) resolved to their base value.
    pub count: u64,
    /// The counter or unit (건, 개, 명, 곳).
    pub unit: String,
    /// What was counted.
    pub what: String,
    /// The phrase as written.
    pub text: String,
    /// Where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// What happened at a point of an incident's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The failure began.
    Start,
    /// Some services came back.
    PartialRecovery,
    /// Everything came back.
    Recovery,
    /// A dated status report ("오후 6시 현재 ...").
    Update,
}

/// One dated event of an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// When.
    pub at: Option<TimePoint>,
    /// What.
    pub event: Event,
    /// The clause that reports it.
    pub text: String,
    /// Where it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}
