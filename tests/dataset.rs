//! The dataset formats on hand-built articles: JSON lines, CSV rows,
//! cross-article merging and the dataset directory. Every expected value is
//! written by hand from the rules in `jangae::dataset`'s documentation.

use std::collections::BTreeSet;
use std::path::PathBuf;

use jangae::dataset::{self, DatasetWriter, Line, Merger, merge_incidents};
use jangae::{
    Article, Cause, CauseCategory, Duration, Impact, Incident, Kind, Precision, Qualifier,
    TimePoint,
};

fn time(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn point(value: &str, precision: Precision, text: &str) -> TimePoint {
    TimePoint {
        value: time(value),
        precision,
        approximate: false,
        text: text.into(),
        span: None,
    }
}

fn incident(services: &[&str], operator: Option<&str>, start: Option<TimePoint>) -> Incident {
    Incident {
        services: services.iter().map(|s| s.to_string()).collect(),
        operator: operator.map(str::to_string),
        kind: Kind::Outage,
        start,
        end: None,
        duration: None,
        causes: Vec::new(),
        impacts: Vec::new(),
        timeline: Vec::new(),
        sentences: Vec::new(),
        warnings: Vec::new(),
    }
}

fn article(source: &str, published: &str, incidents: Vec<Incident>) -> Article {
    Article {
        source: source.into(),
        title: Some(format!("{source} 제목")),
        published_at: Some(time(published)),
        modified_at: None,
        byline: None,
        body: "본문".into(),
        incidents,
        warnings: Vec::new(),
    }
}

fn duration(seconds: u64, text: &str) -> Duration {
    Duration {
        seconds,
        qualifier: Qualifier::About,
        stated: true,
        text: text.into(),
        span: None,
    }
}

fn sources(m: &dataset::MergedIncident) -> Vec<&str> {
    m.sources.iter().map(|s| s.source.as_str()).collect()
}

// --- the JSON line -------------------------------------------------------

fn kakao_article() -> Article {
    let mut inc = incident(
        &["카카오톡"],
        Some("카카오"),
        Some(TimePoint {
            approximate: true,
            span: Some([10, 37]),
            ..point(
                "2022-10-15T15:19:00+09:00",
                Precision::Minute,
                "15일 오후 3시19분쯤",
            )
        }),
    );
    inc.causes.push(Cause {
        category: CauseCategory::Fire,
        text: "화재".into(),
        span: Some([0, 6]),
    });
    Article {
        title: Some("카카오 먹통".into()),
        body: "화재로 15일 오후 3시19분쯤 멈췄다".into(),
        ..article("a.txt", "2022-10-16T07:48:00+09:00", vec![inc])
    }
}

#[test]
fn article_line_matches_the_contract() {
    let line = Line::ok(kakao_article(), false);
    assert_eq!(
        line.to_json(),
        r#"{"source":"a.txt","title":"카카오 먹통","published_at":"2022-10-16T07:48:00+09:00","incidents":[{"services":["카카오톡"],"operator":"카카오","kind":"outage","start":{"value":"2022-10-15T15:19:00+09:00","precision":"minute","approximate":true,"text":"15일 오후 3시19분쯤","span":[10,37]},"end":null,"duration":null,"causes":[{"category":"fire","text":"화재","span":[0,6]}],"impacts":[],"timeline":[]}],"error":null}"#
    );
    assert!(line.is_ok());
}

#[test]
fn body_is_written_only_when_asked() {
    let with = Line::ok(kakao_article(), true).to_json();
    assert!(
        with.ends_with(
            r#""timeline":[]}],"body":"화재로 15일 오후 3시19분쯤 멈췄다","error":null}"#
        )
    );
    let without = Line::ok(kakao_article(), false);
    assert_eq!(without.body, None);
    assert!(!without.to_json().contains("\"body\""));
}

#[test]
fn failed_line_has_an_error_and_no_incidents() {
    let line = Line::failed("scan.png", "not a text document: looks like PNG image");
    assert_eq!(
        line.to_json(),
        r#"{"source":"scan.png","title":null,"published_at":null,"incidents":[],"error":"not a text document: looks like PNG image"}"#
    );
    assert!(!line.is_ok());
    assert_eq!(line.source(), "scan.png");
}

#[test]
fn lines_read_back() {
    let line = Line::ok(kakao_article(), true);
    let back: Line = serde_json::from_str(&line.to_json()).unwrap();
    assert_eq!(
        back.body.as_deref(),
        Some("화재로 15일 오후 3시19분쯤 멈췄다")
    );
    assert_eq!(back.article.incidents, line.article.incidents);
    assert_eq!(back.error, None);
}

// --- CSV -----------------------------------------------------------------

#[test]
fn csv_row_flattens_an_incident() {
    let mut a = kakao_article();
    let inc = &mut a.incidents[0];
    inc.services.push("카카오T".into());
    inc.end = Some(point(
        "2022-10-20T23:00:00+09:00",
        Precision::Hour,
        "20일 오후 11시",
    ));
    inc.duration = Some(Duration {
        qualifier: Qualifier::AtLeast,
        ..duration(36000, "10시간 넘게")
    });
    inc.causes.push(Cause {
        category: CauseCategory::PowerFailure,
        text: "전원 차단".into(),
        span: None,
    });
    inc.impacts.push(Impact {
        count: 1600,
        unit: "건".into(),
        what: "입찰 공고".into(),
        text: "1600여 건의 입찰 공고".into(),
        span: None,
    });
    let rows = dataset::csv_rows(&Line::ok(a, false));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0],
        [
            "a.txt",
            "카카오 먹통",
            "2022-10-16T07:48:00+09:00",
            "0",
            "카카오톡;카카오T",
            "카카오",
            "outage",
            "2022-10-15T15:19:00+09:00",
            "minute",
            "2022-10-20T23:00:00+09:00",
            "36000",
            "at_least",
            "fire;power_failure",
            "1600건 입찰 공고",
            "",
        ]
        .map(String::from)
    );
}

#[test]
fn csv_has_a_row_per_incident_and_one_for_documents_without() {
    let a = article(
        "b.html",
        "2023-11-17T18:00:00+09:00",
        vec![
            incident(&["정부24"], Some("행정안전부"), None),
            incident(&["새올"], None, None),
        ],
    );
    let rows = dataset::csv_rows(&Line::ok(a, false));
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0][3].as_str(), rows[0][4].as_str()), ("0", "정부24"));
    assert_eq!((rows[1][3].as_str(), rows[1][4].as_str()), ("1", "새올"));
    assert_eq!(rows[1][5], "");

    let failed = dataset::csv_rows(&Line::failed("x.txt", "empty document: no text"));
    let mut expected: [String; 15] = Default::default();
    expected[0] = "x.txt".into();
    expected[14] = "empty document: no text".into();
    assert_eq!(failed, vec![expected]);

    let quiet = dataset::csv_rows(&Line::ok(
        article("c.txt", "2023-11-17T18:00:00+09:00", vec![]),
        false,
    ));
    assert_eq!(quiet.len(), 1);
    assert_eq!(quiet[0][1], "c.txt 제목");
    assert_eq!(quiet[0][3], "");
}

#[test]
fn csv_output_is_quoted() {
    let mut a = article("q.txt", "2023-11-17T18:00:00+09:00", vec![]);
    a.title = Some("\"먹통\", 또 먹통".into());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(dataset::CSV_HEADER).unwrap();
    dataset::write_csv(&mut w, &Line::ok(a, false)).unwrap();
    let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
    assert_eq!(
        out,
        "source,title,published_at,incident,services,operator,kind,start,start_precision,end,duration_seconds,duration_qualifier,causes,impact,error\n\
         q.txt,\"\"\"먹통\"\", 또 먹통\",2023-11-17T18:00:00+09:00,,,,,,,,,,,,\n"
    );
}

// --- merging -------------------------------------------------------------

/// Three outlets on one outage: exact time, day only, and no time at all
/// (published the next morning), named by service or by operator.
#[test]
fn reports_of_one_outage_become_one_record() {
    let a = article(
        "a.txt",
        "2022-10-15T20:00:00+09:00",
        vec![incident(
            &["카카오톡"],
            Some("카카오"),
            Some(point(
                "2022-10-15T15:19:00+09:00",
                Precision::Minute,
                "오후 3시19분",
            )),
        )],
    );
    let b = article(
        "b.txt",
        "2022-10-16T09:00:00+09:00",
        vec![incident(
            &["다음", "카카오 톡"],
            None,
            Some(point("2022-10-15T00:00:00+09:00", Precision::Day, "15일")),
        )],
    );
    let c = article(
        "c.txt",
        "2022-10-16T10:00:00+09:00",
        vec![incident(&["카카오T"], Some("카카오"), None)],
    );
    let merged = merge_incidents([&a, &b, &c]);
    assert_eq!(merged.len(), 1);
    let m = &merged[0];
    assert_eq!(sources(m), ["a.txt", "b.txt", "c.txt"]);
    // 카카오톡 is named twice ("카카오 톡" is the same name), the others once.
    assert_eq!(m.services, ["카카오톡", "다음", "카카오T"]);
    assert_eq!(m.operator.as_deref(), Some("카카오"));
    // The day and the minute agree: the finer one wins, nothing conflicts.
    let start = m.start.as_ref().unwrap();
    assert_eq!(start.value, time("2022-10-15T15:19:00+09:00"));
    assert_eq!(start.precision, Precision::Minute);
    assert!(m.alternatives.is_empty());
    assert_eq!(m.sources[1].title.as_deref(), Some("b.txt 제목"));
    assert_eq!(m.sources[1].incident, 0);
}

#[test]
fn conflicting_values_are_kept_as_alternatives() {
    // One 정부24 report: its operator, start and stated length.
    let report = |operator: &str, start: (&str, Precision, &str), length: (u64, &str)| {
        let mut i = incident(
            &["정부24"],
            Some(operator),
            Some(point(start.0, start.1, start.2)),
        );
        i.duration = Some(duration(length.0, length.1));
        i
    };
    let a = report(
        "행정안전부",
        (
            "2023-11-17T08:40:00+09:00",
            Precision::Minute,
            "오전 8시40분",
        ),
        (36000, "약 10시간"),
    );
    let b = report(
        "행안부",
        ("2023-11-17T09:00:00+09:00", Precision::Hour, "오전 9시"),
        (39600, "11시간"),
    );
    let c = report(
        "행정안전부",
        ("2023-11-17T09:00:00+09:00", Precision::Hour, "오전 9시께"),
        (36000, "10시간가량"),
    );
    let articles = [
        article("a.txt", "2023-11-17T20:00:00+09:00", vec![a]),
        article("b.txt", "2023-11-17T21:00:00+09:00", vec![b]),
        article("c.txt", "2023-11-18T07:00:00+09:00", vec![c]),
    ];
    let merged = merge_incidents(&articles);
    assert_eq!(merged.len(), 1);
    let m = &merged[0];

    // 9시 (hour) is stated twice; 8:40 is outside that hour.
    let start = m.start.as_ref().unwrap();
    assert_eq!(
        (start.value, start.precision),
        (time("2023-11-17T09:00:00+09:00"), Precision::Hour)
    );
    assert_eq!(start.text, "오전 9시");
    let alts: Vec<(&str, Vec<&str>)> = m
        .alternatives
        .start
        .iter()
        .map(|c| {
            (
                c.value.text.as_str(),
                c.sources.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        alts,
        [
            ("오전 9시", vec!["b.txt", "c.txt"]),
            ("오전 8시40분", vec!["a.txt"])
        ]
    );

    assert_eq!(m.operator.as_deref(), Some("행정안전부"));
    let ops: Vec<(&str, usize)> = m
        .alternatives
        .operator
        .iter()
        .map(|c| (c.value.as_str(), c.sources.len()))
        .collect();
    assert_eq!(ops, [("행정안전부", 2), ("행안부", 1)]);

    assert_eq!(m.duration.as_ref().unwrap().seconds, 36000);
    let durs: Vec<(u64, Vec<&str>)> = m
        .alternatives
        .duration
        .iter()
        .map(|c| {
            (
                c.value.seconds,
                c.sources.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        durs,
        [(36000, vec!["a.txt", "c.txt"]), (39600, vec!["b.txt"])]
    );
    assert!(m.alternatives.kind.is_empty());
    assert!(m.alternatives.end.is_empty());
}

#[test]
fn different_days_services_and_side_mentions_stay_apart() {
    let today = incident(
        &["카카오톡"],
        Some("카카오"),
        Some(point(
            "2022-10-15T15:19:00+09:00",
            Precision::Minute,
            "오후 3시19분",
        )),
    );
    // The same service a week later is another outage.
    let later = incident(
        &["카카오톡"],
        None,
        Some(point(
            "2022-10-22T10:00:00+09:00",
            Precision::Hour,
            "오전 10시",
        )),
    );
    // A side mention dated only to the month is never merged.
    let side = incident(
        &["카카오톡"],
        None,
        Some(point("2022-10-01T00:00:00+09:00", Precision::Month, "이달")),
    );
    // Another service and operator on the same day.
    let other = incident(
        &["네이버 카페"],
        Some("네이버"),
        Some(point(
            "2022-10-15T16:00:00+09:00",
            Precision::Hour,
            "오후 4시",
        )),
    );
    // No start, published three days after: too far from the 15th.
    let late = incident(&["카카오톡"], None, None);
    let merged = merge_incidents(&[
        article("a.txt", "2022-10-15T20:00:00+09:00", vec![today, side]),
        article("b.txt", "2022-10-22T12:00:00+09:00", vec![later]),
        article("c.txt", "2022-10-15T21:00:00+09:00", vec![other]),
        article("d.txt", "2022-10-18T12:00:00+09:00", vec![late]),
    ]);
    let got: Vec<(Vec<&str>, usize)> = merged
        .iter()
        .map(|m| (sources(m), m.sources[0].incident))
        .collect();
    assert_eq!(
        got,
        [
            (vec!["a.txt"], 0),
            (vec!["a.txt"], 1),
            (vec!["b.txt"], 0),
            (vec!["c.txt"], 0),
            (vec!["d.txt"], 0),
        ]
    );
}

#[test]
fn incidents_of_one_article_stay_apart() {
    let at = |v: &str| Some(point(v, Precision::Hour, "시"));
    // One article tells two same-day outages of one operator apart; another
    // outlet reports the first one.
    let x = article(
        "x.txt",
        "2022-10-15T20:00:00+09:00",
        vec![
            incident(
                &["카카오톡"],
                Some("카카오"),
                at("2022-10-15T09:00:00+09:00"),
            ),
            incident(
                &["다음 메일"],
                Some("카카오"),
                at("2022-10-15T15:00:00+09:00"),
            ),
        ],
    );
    let y = article(
        "y.txt",
        "2022-10-15T21:00:00+09:00",
        vec![incident(
            &["카카오톡"],
            Some("카카오"),
            at("2022-10-15T09:00:00+09:00"),
        )],
    );
    for order in [[&x, &y], [&y, &x]] {
        let got: BTreeSet<Vec<(String, usize)>> = merge_incidents(order)
            .iter()
            .map(|m| {
                let mut s: Vec<(String, usize)> = m
                    .sources
                    .iter()
                    .map(|s| (s.source.clone(), s.incident))
                    .collect();
                s.sort();
                s
            })
            .collect();
        let expected: BTreeSet<Vec<(String, usize)>> = [
            vec![("x.txt".to_string(), 0), ("y.txt".to_string(), 0)],
            vec![("x.txt".to_string(), 1)],
        ]
        .into_iter()
        .collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn merging_does_not_depend_on_input_order() {
    let day = |s: &str, svc: &[&str], v: &str| {
        article(
            s,
            "2023-05-08T18:00:00+09:00",
            vec![incident(svc, None, Some(point(v, Precision::Day, "8일")))],
        )
    };
    // a-b share 나이스, b-c share 업무포털: one chain; d stands alone.
    let a = day("a", &["나이스"], "2023-05-08T00:00:00+09:00");
    let b = day("b", &["나이스", "업무포털"], "2023-05-08T00:00:00+09:00");
    let c = day("c", &["업무포털"], "2023-05-08T00:00:00+09:00");
    let d = day("d", &["나이스"], "2023-05-05T00:00:00+09:00");
    let groups = |articles: &[&Article]| -> BTreeSet<BTreeSet<String>> {
        merge_incidents(articles.iter().copied())
            .iter()
            .map(|m| m.sources.iter().map(|s| s.source.clone()).collect())
            .collect()
    };
    let expected: BTreeSet<BTreeSet<String>> = [vec!["a", "b", "c"], vec!["d"]]
        .into_iter()
        .map(|g| g.into_iter().map(String::from).collect())
        .collect();
    assert_eq!(groups(&[&a, &b, &c, &d]), expected);
    assert_eq!(groups(&[&c, &d, &a, &b]), expected);
    assert_eq!(groups(&[&d, &c, &b, &a]), expected);
}

#[test]
fn causes_are_united_and_unknown_gives_way() {
    let with = |cats: &[CauseCategory]| {
        let mut i = incident(
            &["나이스"],
            None,
            Some(point("2023-05-08T00:00:00+09:00", Precision::Day, "8일")),
        );
        i.causes = cats
            .iter()
            .map(|&category| Cause {
                category,
                text: format!("{category:?}"),
                span: Some([0, 1]),
            })
            .collect();
        i
    };
    let mut m = Merger::new();
    m.add(&article(
        "a",
        "2023-05-08T18:00:00+09:00",
        vec![with(&[CauseCategory::Unknown])],
    ));
    m.add(&article(
        "b",
        "2023-05-08T19:00:00+09:00",
        vec![with(&[CauseCategory::SoftwareBug])],
    ));
    m.add(&article(
        "c",
        "2023-05-08T20:00:00+09:00",
        vec![with(&[
            CauseCategory::SystemMigration,
            CauseCategory::SoftwareBug,
        ])],
    ));
    assert_eq!(m.len(), 3);
    let merged = m.finish();
    assert_eq!(merged.len(), 1);
    let cats: Vec<CauseCategory> = merged[0].causes.iter().map(|c| c.category).collect();
    assert_eq!(
        cats,
        [CauseCategory::SoftwareBug, CauseCategory::SystemMigration]
    );
    // Spans point into one article's body: dropped in merged records.
    assert!(merged[0].causes.iter().all(|c| c.span.is_none()));
}

// --- the dataset directory -----------------------------------------------

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jangae-dataset-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn write_dataset(dir: &PathBuf) -> dataset::Summary {
    let lines = [
        Line::ok(kakao_article(), false),
        Line::failed("empty.txt", "empty document: no text"),
        Line::ok(
            article(
                "b.txt",
                "2022-10-16T09:00:00+09:00",
                vec![incident(
                    &["카카오톡"],
                    None,
                    Some(point("2022-10-15T00:00:00+09:00", Precision::Day, "15일")),
                )],
            ),
            false,
        ),
        Line::ok(article("c.txt", "2022-10-16T09:00:00+09:00", vec![]), false),
    ];
    let mut w = DatasetWriter::create(dir).unwrap();
    for l in &lines {
        w.write(l).unwrap();
    }
    w.finish().unwrap()
}

#[test]
fn dataset_accounts_for_every_document_and_is_reproducible() {
    let dir = scratch("repro");
    let summary = write_dataset(&dir);
    assert_eq!(
        summary,
        dataset::Summary {
            version: env!("CARGO_PKG_VERSION").into(),
            documents: 4,
            articles: 3,
            errors: 1,
            articles_with_incidents: 2,
            incidents: 2,
            merged_incidents: 1,
        }
    );
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let articles: Vec<String> = read("articles.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<Line>(l).unwrap().article.source)
        .collect();
    assert_eq!(articles, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(
        read("errors.jsonl"),
        "{\"source\":\"empty.txt\",\"error\":\"empty document: no text\"}\n"
    );
    let incidents = read("incidents.jsonl");
    assert_eq!(incidents.lines().count(), 1);
    let m: dataset::MergedIncident = serde_json::from_str(incidents.trim_end()).unwrap();
    assert_eq!(sources(&m), ["a.txt", "b.txt"]);
    let s: dataset::Summary = serde_json::from_str(&read("summary.json")).unwrap();
    assert_eq!(s, summary);

    let before: Vec<Vec<u8>> = DatasetWriter::FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    write_dataset(&dir);
    let after: Vec<Vec<u8>> = DatasetWriter::FILES
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
    std::fs::remove_dir_all(&dir).unwrap();
}
