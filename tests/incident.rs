//! Constructions of incident extraction, on short texts written for these
//! tests (not taken from any article).

use std::sync::LazyLock;

use jangae::{Article, CauseCategory, Extractor, Input, Kind, Precision, Qualifier};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("dictionary"));

fn run(text: &str, published: &str) -> Article {
    EXTRACTOR
        .extract(Input::text(text).with_published(published.parse().expect("rfc3339")))
        .expect("extract")
}

/// The (count, unit) pairs of incident `i`'s impacts.
fn impact_counts(a: &Article, i: usize) -> Vec<(u64, &str)> {
    a.incidents[i]
        .impacts
        .iter()
        .map(|m| (m.count, m.unit.as_str()))
        .collect()
}

/// Asserts incident `i`'s operator, printing every incident when it differs.
#[track_caller]
fn assert_operator(a: &Article, i: usize, name: &str) {
    assert_eq!(
        a.incidents[i].operator.as_deref(),
        Some(name),
        "{:#?}",
        a.incidents
    );
}

fn has_service(a: &Article, i: usize, name: &str) -> bool {
    a.incidents[i]
        .services
        .iter()
        .any(|s| s.replace(' ', "") == name.replace(' ', ""))
}

#[test]
fn enumeration_with_brand_and_relative_clause_operator() {
    let a = run(
        "우체국 앱 장애\n우정사업본부에서 운영하는 우체국예금의 인터넷뱅킹, 우체국페이 등이 3일 오전 9시께부터 멈췄다가 같은 날 오후 2시 30분 정상화됐다.",
        "2024-03-03T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    assert!(has_service(&a, 0, "우체국 인터넷뱅킹"), "{:?}", i.services);
    assert!(has_service(&a, 0, "우체국페이"), "{:?}", i.services);
    assert_eq!(i.operator.as_deref(), Some("우정사업본부"));
    let start = i.start.as_ref().expect("start");
    assert_eq!(start.value.to_rfc3339(), "2024-03-03T09:00:00+09:00");
    assert_eq!(start.precision, Precision::Hour);
    assert!(start.approximate);
}

#[test]
fn side_list_with_each_pairs_in_order() {
    let a = run(
        "은행 앱 장애 잇따라\n올해 토스뱅크 앱 접속 장애 5시간, 신한은행, 하나은행 등에서 각각 3시간, 9시간 가량의 모바일 애플리케이션 작동이 마비되는 사고가 있었다.",
        "2024-06-30T12:00:00+09:00",
    );
    let find = |op: &str| {
        a.incidents
            .iter()
            .find(|i| i.operator.as_deref() == Some(op))
    };
    let toss = find("토스뱅크").expect("토스뱅크 incident");
    assert_eq!(toss.duration.as_ref().map(|d| d.seconds), Some(5 * 3600));
    let shinhan = find("신한은행").expect("신한은행 incident");
    let hana = find("하나은행").expect("하나은행 incident");
    assert_eq!(shinhan.duration.as_ref().map(|d| d.seconds), Some(3 * 3600));
    assert_eq!(hana.duration.as_ref().map(|d| d.seconds), Some(9 * 3600));
    // 가량 on the last item covers the whole list.
    assert_eq!(
        shinhan.duration.as_ref().map(|d| d.qualifier),
        Some(Qualifier::About)
    );
    assert!(shinhan.start.is_none());
}

#[test]
fn negation_is_not_an_incident() {
    let a = run(
        "점검 결과 발표\n행정안전부는 10일 정부24와 새올 시스템에서 장애는 발생하지 않았다고 밝혔다. 민원 서비스는 정상적으로 운영되고 있다.",
        "2024-05-10T18:00:00+09:00",
    );
    assert!(
        a.incidents.iter().all(|i| i.start.is_none()),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn hypothetical_is_not_an_incident() {
    let a = run(
        "전문가 칼럼\n금융 전산망에 장애가 날 경우 피해가 클 것으로 보인다. 결제 시스템이 멈추면 곤란하다는 지적이 나왔다.",
        "2024-05-10T18:00:00+09:00",
    );
    assert!(
        a.incidents
            .iter()
            .all(|i| i.start.is_none() && i.duration.is_none()),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn same_service_on_different_days_stays_apart() {
    let a = run(
        "나라장터 또 먹통\n조달청 나라장터가 21일 오전 접속 과부하로 40분 동안 중단됐다. 앞서 지난 14일에도 나라장터 접속이 2시간 동안 중단된 바 있다.",
        "2024-05-21T18:00:00+09:00",
    );
    let days: Vec<String> = a
        .incidents
        .iter()
        .filter_map(|i| i.start.as_ref().map(|s| s.value.date_naive().to_string()))
        .collect();
    assert!(days.contains(&"2024-05-21".to_string()), "{days:?}");
    assert!(days.contains(&"2024-05-14".to_string()), "{days:?}");
    let first = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.date_naive().to_string() == "2024-05-21")
        })
        .unwrap();
    assert_eq!(first.operator.as_deref(), Some("조달청"));
    assert!(
        first
            .causes
            .iter()
            .any(|c| c.category == CauseCategory::TrafficOverload)
    );
    assert_eq!(first.duration.as_ref().map(|d| d.seconds), Some(40 * 60));
}

#[test]
fn impacts_count_damage_not_the_service() {
    let a = run(
        "자동이체 오류\n지난 3월에는 2천4백여 개 기관을 대상으로 자동이체 오류가 발생했다. 전국 3000개의 지점에서 입출금 서비스가 제공되고 있다.",
        "2024-05-21T18:00:00+09:00",
    );
    let i = a
        .incidents
        .iter()
        .find(|i| i.kind == Kind::Error)
        .expect("error incident");
    assert_eq!(i.impacts.len(), 1, "{:?}", i.impacts);
    assert_eq!(i.impacts[0].count, 2400);
    assert_eq!(i.impacts[0].unit, "개");
    assert!(
        a.incidents
            .iter()
            .all(|i| i.impacts.iter().all(|x| x.count != 3000))
    );
}

#[test]
fn stated_duration_that_disagrees_is_kept_with_a_warning() {
    let a = run(
        "홈택스 10시간 장애\n국세청 홈택스가 5일 오전 8시부터 장애를 일으켜 같은 날 오후 9시 10분 정상화됐다. 홈택스는 10시간 동안 멈췄다.",
        "2024-02-05T23:00:00+09:00",
    );
    let i = &a.incidents[0];
    assert_eq!(i.duration.as_ref().map(|d| d.seconds), Some(36_000));
    assert!(i.end.is_some());
    assert!(!i.warnings.is_empty(), "{:#?}", i);
}

#[test]
fn partial_recovery_goes_to_the_timeline() {
    let a = run(
        "모바일 신분증 먹통\n한국조폐공사가 운영하는 모바일 신분증 앱이 12일 오전 10시 5분 접속이 중단됐다가 오후 1시쯤 일부 기능을 복구하고, 오후 4시 20분쯤 모든 서비스가 정상화됐다.",
        "2024-06-12T20:00:00+09:00",
    );
    let i = &a.incidents[0];
    assert_eq!(i.operator.as_deref(), Some("한국조폐공사"));
    assert_eq!(
        i.end.as_ref().map(|e| e.value.to_rfc3339()).as_deref(),
        Some("2024-06-12T16:20:00+09:00")
    );
    assert!(i.timeline.iter().any(|e| {
        e.at.as_ref()
            .is_some_and(|t| t.value.to_rfc3339() == "2024-06-12T13:00:00+09:00")
    }));
}

#[test]
fn each_with_start_times_then_each_with_durations() {
    let a = run(
        "증권사 앱 지연\n한국투자증권 '한투앱'과 NH투자증권 '나무'에서는 각각 오전 9시 15분께, 오전 9시 40분께부터 주문이 늦어지는 현상이 나타났다. 두 앱의 지연은 각각 25분, 10분가량 이어졌다.",
        "2024-09-02T15:00:00+09:00",
    );
    let find = |op: &str| {
        a.incidents
            .iter()
            .find(|i| i.operator.as_deref() == Some(op))
    };
    let a1 = find("한국투자증권").expect("한국투자증권 incident");
    let a2 = find("NH투자증권").expect("NH투자증권 incident");
    assert_eq!(
        a1.start.as_ref().map(|s| s.value.to_rfc3339()).as_deref(),
        Some("2024-09-02T09:15:00+09:00")
    );
    assert_eq!(
        a2.start.as_ref().map(|s| s.value.to_rfc3339()).as_deref(),
        Some("2024-09-02T09:40:00+09:00")
    );
    assert_eq!(a1.kind, Kind::Degradation);
    assert_eq!(a1.duration.as_ref().map(|d| d.seconds), Some(25 * 60));
    assert_eq!(
        a2.duration.as_ref().map(|d| (d.seconds, d.qualifier)),
        Some((600, Qualifier::About))
    );
}

#[test]
fn genitive_list_of_operators_gives_one_incident_each() {
    let a = run(
        "강풍에 통신 장애\n4일 오전 6시께부터 KT와 LG유플러스의 이동통신 기지국이 잇따라 작동을 멈췄다.",
        "2024-08-04T18:00:00+09:00",
    );
    for op in ["KT", "LG유플러스"] {
        let i = a
            .incidents
            .iter()
            .find(|i| i.operator.as_deref() == Some(op))
            .unwrap_or_else(|| panic!("no {op} incident: {:#?}", a.incidents));
        let start = i.start.as_ref().expect("start");
        assert_eq!(start.value.to_rfc3339(), "2024-08-04T06:00:00+09:00");
        assert!(
            i.services.iter().any(|s| s.contains("이동통신")),
            "{:?}",
            i.services
        );
    }
}

#[test]
fn dated_past_when_clause_is_an_incident() {
    let a = run(
        "정부 대응 논란\n2022년 3월 2일 정전으로 토스 앱이 멈췄을 때 정부는 보상을 요구했다.",
        "2024-05-01T12:00:00+09:00",
    );
    let i = a
        .incidents
        .iter()
        .find(|i| i.services.iter().any(|s| s.contains("토스")))
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    let start = i.start.as_ref().expect("start");
    assert_eq!(start.value.to_rfc3339(), "2022-03-02T00:00:00+09:00");
    assert_eq!(start.precision, Precision::Day);
}

#[test]
fn policy_sentence_keeps_a_dated_failure_but_not_generic_talk() {
    let a = run(
        "법 개정 추진\n이번 법 개정은 2023년 11월 17일 행정전산망이 멈춘 사고가 계기가 됐다. 개정안은 앱이 멈추는 상황에 대비해 대체 수단을 안내하도록 했다.",
        "2024-02-01T12:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let start = a.incidents[0].start.as_ref().expect("start");
    assert_eq!(start.value.to_rfc3339(), "2023-11-17T00:00:00+09:00");
}

#[test]
fn not_smooth_is_a_degradation_and_blocked_is_an_outage() {
    let a = run(
        "접속 지연 반복\n지난해 2월 1일에도 30분가량 홈택스 접속이 원활하지 않았다. 9월 5일에는 1시간 넘게 우체국 이체가 막혔다.",
        "2024-06-01T12:00:00+09:00",
    );
    let h = a
        .incidents
        .iter()
        .find(|i| i.services.iter().any(|s| s.contains("홈택스")))
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    assert_eq!(h.kind, Kind::Degradation);
    assert_eq!(
        h.start.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2023-02-01T00:00:00+09:00".to_string())
    );
    assert_eq!(h.duration.as_ref().map(|d| d.seconds), Some(1800));
    let p = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.to_rfc3339().starts_with("2023-09-05"))
        })
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    assert_eq!(p.kind, Kind::Outage);
    assert_eq!(
        p.duration.as_ref().map(|d| d.qualifier),
        Some(Qualifier::AtLeast)
    );
}

#[test]
fn announced_downtime_is_planned_per_operator() {
    let a = run(
        "주말 은행 점검\n신한은행은 오는 9일 0시부터 오전 4시까지 인터넷뱅킹을 중단한다. 하나은행도 같은 날 새벽 1시부터 3시까지 서버 교체 작업으로 해외송금 서비스를 멈춘다.",
        "2024-03-06T12:00:00+09:00",
    );
    let find = |op: &str| {
        a.incidents
            .iter()
            .find(|i| i.operator.as_deref() == Some(op))
            .unwrap_or_else(|| panic!("no {op} incident: {:#?}", a.incidents))
    };
    let s = find("신한은행");
    assert_eq!(s.kind, Kind::Planned);
    assert_eq!(
        s.start.as_ref().map(|x| x.value.to_rfc3339()),
        Some("2024-03-09T00:00:00+09:00".to_string())
    );
    let h = find("하나은행");
    assert_eq!(h.kind, Kind::Planned);
    assert_eq!(
        h.start.as_ref().map(|x| x.value.to_rfc3339()),
        Some("2024-03-09T01:00:00+09:00".to_string())
    );
}

#[test]
fn cleft_and_as_of_recovery_times_are_the_end() {
    let a = run(
        "메신저 지연\n3일 오후 9시께부터 라인 메시지 전송이 지연됐다. 모든 전송이 정상화된 것은 오후 9시 40분께였다.",
        "2024-05-03T23:00:00+09:00",
    );
    let i = &a.incidents[0];
    let end = i
        .end
        .as_ref()
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    assert_eq!(end.value.to_rfc3339(), "2024-05-03T21:40:00+09:00");
    assert!(end.approximate);
    let b = run(
        "전산망 복구\n행정안전부는 5일 오전 8시께부터 멈췄던 정부24가 6일 오전 9시를 기해 모두 정상화됐다고 밝혔다.",
        "2024-05-06T12:00:00+09:00",
    );
    let end = b.incidents[0]
        .end
        .as_ref()
        .unwrap_or_else(|| panic!("{:#?}", b.incidents));
    assert_eq!(end.value.to_rfc3339(), "2024-05-06T09:00:00+09:00");
}

#[test]
fn elapsed_time_until_recovery_is_the_stated_duration() {
    let a = run(
        "결제 서비스 복구\n3일 오후 2시께 페이코 결제가 멈췄다. 결제는 사흘여 만에 다시 정상화됐다.",
        "2024-07-06T18:00:00+09:00",
    );
    let d = a.incidents[0]
        .duration
        .as_ref()
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    assert_eq!(d.seconds, 3 * 86_400);
    assert_eq!(d.qualifier, Qualifier::About);
    // An elapsed time that ends in something other than a recovery is not.
    let b = run(
        "점검 발표 뒤 장애\n점검 결과를 발표한 지 이틀 만에 4일 오전 9시께 홈택스 접속이 멈췄다.",
        "2024-07-06T18:00:00+09:00",
    );
    assert!(
        b.incidents.iter().all(|i| i.duration.is_none()),
        "{:#?}",
        b.incidents
    );
}

#[test]
fn a_cause_said_of_all_applies_to_every_failure_of_that_day() {
    let a = run(
        "증권사 앱 지연\n한국투자증권 '한투앱'과 NH투자증권 '나무'에서는 각각 오전 9시 15분께, 오전 9시 40분께부터 주문이 늦어지는 현상이 나타났다. 두 증권사 모두 접속 폭증에 따른 과부하를 원인으로 꼽았다.",
        "2024-09-02T15:00:00+09:00",
    );
    assert!(a.incidents.len() >= 2, "{:#?}", a.incidents);
    for i in &a.incidents {
        assert!(
            i.causes
                .iter()
                .any(|c| c.category == CauseCategory::TrafficOverload),
            "{:#?}",
            i
        );
    }
}

#[test]
fn feared_pile_up_is_not_a_cause_but_unknown_under_investigation_is() {
    let a = run(
        "시청 민원망 장애\n시청 민원 시스템이 4일 오전 10시께부터 멈췄다. 시청은 \"정확한 원인은 조사 중\"이라고 밝혔다. 내일까지 복구되지 않을 경우 민원이 한꺼번에 몰려 창구가 붐빌 수 있다는 우려가 나온다.",
        "2024-06-04T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let cats: Vec<_> = a.incidents[0].causes.iter().map(|c| c.category).collect();
    assert!(cats.contains(&CauseCategory::Unknown), "{cats:?}");
    assert!(!cats.contains(&CauseCategory::TrafficOverload), "{cats:?}");
}

#[test]
fn router_configuration_work_is_not_equipment_nor_maintenance() {
    let a = run(
        "통신망 장애\n한빛통신 인터넷이 8일 오후 2시께부터 1시간 넘게 끊겼다. 장애는 라우터 설정 작업 중 직원이 명령어를 빠뜨린 실수 탓이었다. 원인은 지역 국사의 장비 교체 작업이었다.",
        "2024-06-08T20:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let cats: Vec<_> = a.incidents[0].causes.iter().map(|c| c.category).collect();
    assert!(cats.contains(&CauseCategory::OperatorError), "{cats:?}");
    assert!(!cats.contains(&CauseCategory::NetworkEquipment), "{cats:?}");
    assert!(
        !cats.contains(&CauseCategory::PlannedMaintenance),
        "{cats:?}"
    );
}

#[test]
fn organisation_in_apposition_before_a_known_service_is_dropped() {
    let a = run(
        "조달 전산 장애\n조달청 나라장터가 9일 오전 10시께부터 2시간가량 먹통이 됐다.",
        "2024-06-09T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        has_service(&a, 0, "나라장터"),
        "{:?}",
        a.incidents[0].services
    );
    assert!(
        !has_service(&a, 0, "조달청 나라장터"),
        "{:?}",
        a.incidents[0].services
    );
}

#[test]
fn contractor_in_apposition_or_in_a_conditional_is_no_cause() {
    let a = run(
        "클라우드 장애\n클라우드 업체인 누리클라우드의 데이터센터에서 10일 오전 9시께 장애가 나 11시께 정상화됐다. 누리클라우드는 전원 설정 오류가 원인이라고 밝혔다. 업계는 클라우드 업체 한 곳에 문제가 생길 경우 대안이 없다고 지적했다.",
        "2024-06-10T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    for i in &a.incidents {
        assert!(
            i.causes
                .iter()
                .all(|c| c.category != CauseCategory::ThirdParty),
            "{:#?}",
            i.causes
        );
    }
}

#[test]
fn a_changed_setting_named_as_the_cause_is_configuration() {
    let a = run(
        "은행 앱 오류\n한빛은행 앱에서 11일 오전 9시 5분부터 15분간 로그인 오류가 이어졌다. 전날 밤 바꾼 인증 서버 설정이 원인이었다.",
        "2024-06-11T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let cats: Vec<_> = a.incidents[0].causes.iter().map(|c| c.category).collect();
    assert!(
        cats.contains(&CauseCategory::ConfigurationError),
        "{cats:?}"
    );
}

#[test]
fn a_blamed_network_device_that_broke_is_not_also_hardware() {
    let a = run(
        "전산망 장애\n군청 전산망이 12일 오전 8시께부터 네트워크 장비 하나 때문에 반나절 동안 멈췄다. 주 장비와 예비 장비가 함께 고장 나면서 민원 창구가 마비됐다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let cats: Vec<_> = a.incidents[0].causes.iter().map(|c| c.category).collect();
    assert!(cats.contains(&CauseCategory::NetworkEquipment), "{cats:?}");
    assert!(!cats.contains(&CauseCategory::HardwareFailure), "{cats:?}");
}

// ---- services (svc helper, session 2) ----

fn services_of(a: &Article) -> Vec<String> {
    a.incidents
        .iter()
        .flat_map(|i| i.services.iter().cloned())
        .collect()
}

#[test]
fn a_known_name_that_kodic_splits_is_read_whole() {
    // ko-dic reads 새올 as 새/MM 올/EP+ETM and 따릉이 as 따/릉/이(JKS).
    let a = run(
        "시스템 장애\n14일 오전 10시께부터 군청의 새올과 따릉이가 2시간 동안 멈췄다.",
        "2024-06-14T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "새올"), "{all:?}");
    assert!(all.iter().any(|s| s == "따릉이"), "{all:?}");
}

#[test]
fn adverbs_and_spans_of_days_do_not_hide_the_subject() {
    let a = run(
        "접속 지연\n15일 오전 9시부터 한빛은행 앱 접속이 크게 지연됐다. 지난 2019년 3월 2일에는 동부 일대의 유선전화와 인터넷이 며칠씩 마비됐다.",
        "2024-06-15T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛은행 앱"), "{all:?}");
    assert!(all.iter().any(|s| s == "유선전화"), "{all:?}");
    assert!(all.iter().any(|s| s == "인터넷"), "{all:?}");
    // The place that owns the lines is not a service.
    assert!(!all.iter().any(|s| s.contains("동부")), "{all:?}");
}

#[test]
fn a_report_of_a_failure_is_not_a_service() {
    let a = run(
        "장애설\n16일 오후 8시께 한빛톡 메신저 장애설이 돌았다. 통신사 관계자는 \"장애 신고도 접수되지 않았고 연결이 불안정했을 뿐\"이라고 말했다.",
        "2024-06-16T22:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(!all.iter().any(|s| s.contains("신고")), "{all:?}");
    assert!(!all.iter().any(|s| s == "연결"), "{all:?}");
}

#[test]
fn such_as_keeps_a_specific_category_and_lists_examples_of_a_generic_one() {
    let a = run(
        "민원 장애\n17일 오전 9시께 구청 창구에서 등본과 초본 같은 증명서 발급이 멈췄다. 같은 날 오전 10시께에는 송금과 이체 같은 주요 은행 업무도 중단됐다.",
        "2024-06-17T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "증명서 발급"), "{all:?}");
    assert!(!all.iter().any(|s| s == "등본"), "{all:?}");
    assert!(all.iter().any(|s| s == "송금"), "{all:?}");
    assert!(all.iter().any(|s| s == "이체"), "{all:?}");
}

#[test]
fn a_kiosk_named_whole_and_a_product_without_its_descriptor() {
    let a = run(
        "민원 장애\n18일 오전 9시께부터 정부24 누리집이 멈췄고, 무인민원발급기도 쓸 수 없었다.",
        "2024-06-18T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "정부24"), "{all:?}");
    assert!(all.iter().any(|s| s == "무인민원발급기"), "{all:?}");
    assert!(!all.iter().any(|s| s == "무인민원"), "{all:?}");
}

#[test]
fn the_terminal_a_function_failed_on_is_a_service_too() {
    let a = run(
        "결제 장애\n19일 오전 7시께부터 버스 단말기에서 교통카드 결제가 되지 않았다. 20일 오전 10시께에는 일부 종목에서 매매 체결이 이뤄지지 않는 장애가 발생했다.",
        "2024-06-20T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "버스 단말기"), "{all:?}");
    assert!(all.iter().any(|s| s.starts_with("교통카드")), "{all:?}");
    assert!(all.iter().any(|s| s == "매매 체결"), "{all:?}");
    assert!(!all.iter().any(|s| s.contains("종목")), "{all:?}");
}

#[test]
fn a_bare_noun_joined_by_and_shares_a_function_head() {
    let a = run(
        "전송 지연\n21일 오전 0시께부터 한빛톡에서 사진과 동영상 전송이 멈췄다. 22일 오전 7시께에는 버스 및 지하철 단말기가 멈췄다.",
        "2024-06-22T18:00:00+09:00",
    );
    let all = services_of(&a);
    for want in ["사진 전송", "동영상 전송", "버스 단말기", "지하철 단말기"] {
        assert!(all.iter().any(|s| s == want), "{want}: {all:?}");
    }
}

#[test]
fn a_quoted_name_after_its_descriptors_keeps_its_symbol() {
    let a = run(
        "MTS 장애\n한빛증권 MTS '별빛S#'은 23일 오전 9시께부터 20분 동안 로그인이 되지 않았다.",
        "2024-06-23T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "별빛S#"), "{all:?}");
    assert!(!all.iter().any(|s| s.contains("MTS")), "{all:?}");
}

#[test]
fn the_users_of_a_service_name_it() {
    let a = run(
        "인터넷 장애\n24일 오후 6시께 한빛망 인터넷 가입자들의 접속이 20분간 끊겼다.",
        "2024-06-24T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛망 인터넷"), "{all:?}");
}

#[test]
fn a_genitive_brand_owns_every_dotted_item() {
    let a = run(
        "자전거 장애\n서울시 공공자전거 '따릉이'의 대여·반납 시스템이 25일 오후 2시께부터 두 시간 동안 멈췄다.",
        "2024-06-25T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "따릉이 대여"), "{all:?}");
    assert!(all.iter().any(|s| s == "따릉이 반납"), "{all:?}");
}

#[test]
fn the_object_of_a_function_verb_names_the_function() {
    let a = run(
        "민원 장애\n26일 오전 9시께부터 구청 창구에서 증명서를 발급할 수 없었다. 오후 3시께 송금과 이체를 포함한 모든 기능이 정상화됐다.",
        "2024-06-26T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "증명서 발급"), "{all:?}");
}

#[test]
fn descriptors_and_modifiers_around_a_name_are_dropped() {
    let a = run(
        "포털 장애\n27일 오후 3시께부터 포털 다음의 메일이 멈췄다. 오후 5시께 카카오톡 주요 기능은 복구됐다. 한빛은행 금융 전산망도 27일 오후 4시께부터 1시간 동안 멈췄다.",
        "2024-06-27T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "다음 메일"), "{all:?}");
    assert!(!all.iter().any(|s| s.contains("주요")), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛은행 금융"), "{all:?}");
}

#[test]
fn a_time_word_before_a_lone_function_noun_leaves_the_subject_further_out() {
    let a = run(
        "앱 장애\n28일 오전 9시께부터 간편결제 앱인 한빛페이와 한빛보험 앱도 한때 접속이 원활하지 않았다. 다른 은행에서 입출금·이체를 하는 것도 막혔다.",
        "2024-06-28T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛보험 앱"), "{all:?}");
    assert!(all.iter().any(|s| s == "입출금"), "{all:?}");
    assert!(all.iter().any(|s| s == "이체"), "{all:?}");
}

#[test]
fn coordinated_companies_share_a_channel() {
    let a = run(
        "앱 지연\n29일 오전 한빛은행과 한빛증권 앱은 각각 20분, 10분가량 접속이 느려졌다.",
        "2024-06-29T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛은행 앱"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛증권 앱"), "{all:?}");
}

#[test]
fn a_generic_compound_leaves_the_place_to_name_the_services() {
    let a = run(
        "앱 장애\n30일 오전 9시께부터 한빛페이 앱과 한빛보험 앱에서도 서비스 장애가 빚어졌다.",
        "2024-06-30T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛페이 앱"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛보험 앱"), "{all:?}");
}

#[test]
fn offices_verbs_misread_as_pronouns_and_bare_channels() {
    let a = run(
        "민원 장애\n7월 1일 오전 9시께 인증 장비가 고장 나 정부24와 주민센터 민원서류 발급이 한꺼번에 멈췄다. 같은 날 오후 1시께 한빛 신분증 앱과 홈페이지도 열리지 않았다.",
        "2024-07-01T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "정부24"), "{all:?}");
    assert!(all.iter().any(|s| s == "민원서류 발급"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛 신분증 홈페이지"), "{all:?}");
    assert!(!all.iter().any(|s| s.contains("고장")), "{all:?}");
}

#[test]
fn a_dotted_function_list_a_fire_and_a_nationwide_network() {
    let a = run(
        "이체 장애\n7월 2일 오전 10시께부터 1시간 넘게 이체·출금이 되지 않았다. 같은 날 낮 12시께 본원에서 난 불로 한빛톡이 멈췄고, 오후 3시께에는 전국 인터넷이 20분간 마비됐다.",
        "2024-07-02T20:00:00+09:00",
    );
    let all = services_of(&a);
    for want in ["이체", "출금", "한빛톡", "인터넷"] {
        assert!(all.iter().any(|s| s == want), "{want}: {all:?}");
    }
    assert!(
        !all.iter()
            .any(|s| s.contains('·') || s.contains("불로") || s.contains("본원")),
        "{all:?}"
    );
}

#[test]
fn the_topic_brands_a_bare_function_or_its_services() {
    let a = run(
        "자전거 장애\n따릉이는 지난 3월 5일에도 1시간가량 대여가 중단된 적이 있다. 한빛은행은 지난 2월 1일 정전으로 서비스가 멈춘 적이 있다.",
        "2024-07-03T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "따릉이 대여"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛은행 서비스"), "{all:?}");
}

#[test]
fn the_step_of_a_function_is_the_function() {
    let a = run(
        "결제 오류\n7월 4일 낮 12시 20분께에는 결제 단계에서 오류가 났다.",
        "2024-07-04T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "결제"), "{all:?}");
}

#[test]
fn a_bare_number_starts_a_name_and_a_function_keeps_its_system() {
    let a = run(
        "신고 전화 장애\n7월 5일 새벽 2시께부터 경기 남부 지역 119 신고 전화가 40분 동안 연결되지 않았다. 같은 날 오후 3시께에는 한빛항공의 예약 시스템이 멈췄다.",
        "2024-07-05T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "119 신고 전화"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛항공 예약 시스템"), "{all:?}");
}

#[test]
fn scope_words_and_computers_are_not_services() {
    let a = run(
        "클라우드 장애\n7월 6일 오전 8시께 한빛클라우드 서울 리전에 장애가 나면서 이곳을 쓰는 국내 인터넷 서비스가 잇따라 멈췄다. 전 세계 윈도 컴퓨터도 멈췄다.",
        "2024-07-06T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(
        !all.iter()
            .any(|s| s.contains("국내") || s.contains("컴퓨터")),
        "{all:?}"
    );
}

// ---- times helper (session 2): start, end, duration, timeline, kind, recall ----

#[test]
fn a_brief_stall_read_as_an_adverb_is_a_degradation() {
    let a = run(
        "결제 지연\n지난 3일 시청 민원실이 멈춘 데 이어, 5일 오후에도 구청 민원 발급기에서 증명서 발급이 10여 분간 멈칫했다.",
        "2024-06-07T18:00:00+09:00",
    );
    let later = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.to_rfc3339().starts_with("2024-06-05"))
        })
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    assert_eq!(later.kind, Kind::Degradation);
    assert_eq!(later.duration.as_ref().map(|d| d.seconds), Some(600));
}

#[test]
fn last_weeks_failure_and_its_day_are_one_incident() {
    let a = run(
        "후속 조치\n시청은 지난주 민원 전산망 마비 사태의 후속 조치로 장비를 바꾼다. 민원 전산망은 지난 12일 스위치 고장으로 하루 동안 멈췄다.",
        "2024-06-19T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let s = a.incidents[0].start.as_ref().expect("start");
    assert_eq!(s.value.to_rfc3339(), "2024-06-12T00:00:00+09:00");
    assert_eq!(s.precision, Precision::Day);
}

#[test]
fn reporting_rules_about_outages_are_no_incident() {
    let a = run(
        "공시 규정\n앞으로 카드사는 전산 장애가 날 경우 30분 안에 고객에게 장애 사실을 알려야 한다. 카드업계 전산장애 보고 건수는 해마다 늘고 있다.",
        "2024-06-19T18:00:00+09:00",
    );
    assert!(a.incidents.is_empty(), "{:#?}", a.incidents);
}

#[test]
fn a_dated_failure_gives_the_kind_over_an_undated_summary() {
    let a = run(
        "앱 장애\n주문이 몰리면서 한빛증권 앱이 잇따라 멈칫했다. 한빛증권 앱은 이날 오전 9시 5분께부터 40분 동안 로그인이 되지 않았다.",
        "2024-06-19T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].kind, Kind::Outage);
}

#[test]
fn a_dated_event_sentence_dates_the_failure_told_next() {
    let a = run(
        "도서관 전산 마비\n시립도서관 대출 시스템이 랜섬웨어 공격을 받아 이틀째 제대로 돌아가지 않고 있다. 도서관에 따르면 지난 4일 새벽 2시께 서버의 파일이 잇따라 암호화되는 현상이 발견됐다. 도서관은 곧바로 외부망을 끊었지만 대출 시스템과 좌석 예약 시스템이 모두 멈췄다. 5일 오후에는 예비 서버를 이용해 대출 업무가 일부 재개됐다.",
        "2024-06-06T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    let s = i.start.as_ref().expect("start");
    assert_eq!(s.value.to_rfc3339(), "2024-06-04T02:00:00+09:00");
    assert_eq!(s.precision, Precision::Hour);
    // 이틀째 is how long so far, not the length of the failure.
    assert!(i.duration.is_none(), "{:?}", i.duration);
    assert!(
        i.causes
            .iter()
            .any(|c| c.category == CauseCategory::Cyberattack),
        "{:?}",
        i.causes
    );
    assert!(
        i.timeline
            .iter()
            .any(|e| e.event == jangae::Event::PartialRecovery
                && e.at
                    .as_ref()
                    .is_some_and(|t| t.value.to_rfc3339().starts_with("2024-06-05"))),
        "{:#?}",
        i.timeline
    );
}

#[test]
fn a_failure_after_the_previous_one_ended_is_another_incident() {
    let a = run(
        "통신 장애\n한빛통신의 인터넷이 8일 새벽 2시께 30분간 끊겼다가 되살아났다. 같은 날 오후 7시께에는 두 번째 디도스 공격이 들어왔다. 저녁 시간대와 겹치면서 가정집의 인터넷이 1시간가량 먹통이 됐다.",
        "2024-06-09T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 2, "{:#?}", a.incidents);
    let starts: Vec<String> = a
        .incidents
        .iter()
        .filter_map(|i| i.start.as_ref().map(|s| s.value.to_rfc3339()))
        .collect();
    assert!(
        starts.contains(&"2024-06-08T02:00:00+09:00".to_string()),
        "{starts:?}"
    );
    assert!(
        starts.contains(&"2024-06-08T19:00:00+09:00".to_string()),
        "{starts:?}"
    );
    let second = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.to_rfc3339() == "2024-06-08T19:00:00+09:00")
        })
        .expect("second");
    assert_eq!(second.duration.as_ref().map(|d| d.seconds), Some(3600));
    assert!(
        second
            .causes
            .iter()
            .any(|c| c.category == CauseCategory::Cyberattack)
    );
}

#[test]
fn a_bare_ordinal_failure_with_clock_times_is_kept_with_its_own_cause() {
    let a = run(
        "인터넷 장애\n한빛통신의 유선 인터넷이 사흘 사이 두 차례 끊겼다. 첫 장애는 지난 2일 오전 10시께 시작돼 20분간 이어졌다. 두 번째 장애는 4일 오후 3시께부터 3시 30분께까지 이어졌다. 이번에도 디도스 공격으로 인해 접속이 오락가락했다.",
        "2024-06-05T10:00:00+09:00",
    );
    let second = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.to_rfc3339() == "2024-06-04T15:00:00+09:00")
        })
        .unwrap_or_else(|| panic!("{:#?}", a.incidents));
    assert_eq!(
        second.end.as_ref().map(|e| e.value.to_rfc3339()),
        Some("2024-06-04T15:30:00+09:00".to_string())
    );
    assert!(
        second
            .causes
            .iter()
            .any(|c| c.category == CauseCategory::Cyberattack),
        "{:?}",
        second.causes
    );
}

#[test]
fn a_weekend_notice_is_narrowed_by_the_clock_window_inside_it() {
    let a = run(
        "은행 점검\n한빛은행이 정기 점검을 위해 이번 주말 새벽 인터넷뱅킹을 멈춘다. 한빛은행은 오는 15일(토) 0시부터 오전 4시까지 4시간 동안 인터넷뱅킹을 중단한다고 13일 밝혔다. 같은 시간 다른 은행에서 한빛은행 계좌로 이체하는 거래도 할 수 없다.",
        "2024-06-13T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    assert_eq!(i.kind, Kind::Planned);
    assert_eq!(
        i.start.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2024-06-15T00:00:00+09:00".to_string())
    );
    assert_eq!(
        i.end.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2024-06-15T04:00:00+09:00".to_string())
    );
    assert_eq!(i.duration.as_ref().map(|d| d.seconds), Some(14_400));
}

#[test]
fn this_period_refers_to_the_window_of_the_sentence_before() {
    let a = run(
        "시스템 전환\n앞서 한빛은행은 새 시스템으로 갈아타기 위해 1일 0시부터 3일 오전 6시까지 전자금융 서비스를 54시간 동안 내렸다. 이 기간에는 인터넷뱅킹과 모바일뱅킹이 모두 중단됐다.",
        "2024-06-03T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    assert_eq!(i.kind, Kind::Planned);
    assert_eq!(
        i.start.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2024-06-01T00:00:00+09:00".to_string())
    );
    assert_eq!(
        i.end.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2024-06-03T06:00:00+09:00".to_string())
    );
    assert_eq!(i.duration.as_ref().map(|d| d.seconds), Some(194_400));
}

#[test]
fn reopening_together_with_a_failure_dates_the_failure() {
    let a = run(
        "앱 장애\n한빛은행에 따르면 이날 오전 6시 서비스 재개와 함께 한빛은행 앱에서 로그인 장애가 시작됐고, 오후 3시 현재 인증 단계에서 지연이 계속되고 있다.",
        "2024-06-03T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    assert_eq!(
        i.start.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2024-06-03T06:00:00+09:00".to_string())
    );
    assert!(i.end.is_none(), "{:?}", i.end);
    assert!(
        i.timeline.iter().any(|e| e.event == jangae::Event::Update
            && e.at
                .as_ref()
                .is_some_and(|t| t.value.to_rfc3339() == "2024-06-03T15:00:00+09:00")),
        "{:#?}",
        i.timeline
    );
}

#[test]
fn a_knock_on_failure_of_listed_services_pairs_with_each_durations() {
    let a = run(
        "간편결제 장애\n결제대행업체 한빛페이먼츠의 승인 서버에서 이날 오전 11시께 장애가 발생해 정오께 복구됐다. 이 여파로 네이버페이와 카카오페이에서는 오전 11시 5분께부터 카드 결제가 실패했다. 결제 실패는 두 서비스에서 각각 30분, 20분가량 이어졌다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 3, "{:#?}", a.incidents);
    for (svc, secs) in [("네이버페이", 1800), ("카카오페이", 1200)] {
        let i = a
            .incidents
            .iter()
            .find(|i| i.services.iter().any(|s| s.starts_with(svc)))
            .unwrap_or_else(|| panic!("{svc}: {:#?}", a.incidents));
        assert_eq!(
            i.start.as_ref().map(|s| s.value.to_rfc3339()),
            Some("2024-06-12T11:05:00+09:00".to_string())
        );
        assert_eq!(i.duration.as_ref().map(|d| d.seconds), Some(secs));
        assert!(
            i.causes
                .iter()
                .any(|c| c.category == CauseCategory::ThirdParty)
        );
    }
}

#[test]
fn lengths_stated_after_the_fact_attach_to_the_failure() {
    let a = run(
        "은행 앱 장애\n한빛은행 앱은 2일 오전 6시께부터 접속이 되지 않다가 오후 2시에야 정상화됐다. 서비스가 끊긴 시간만 8시간에 이른다.",
        "2024-06-03T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(
        a.incidents[0].duration.as_ref().map(|d| d.seconds),
        Some(28_800)
    );
    let b = run(
        "앱 장애\n한빛페이는 3일 오전 9시 10분 앱 접속이 끊긴 뒤 오후 1시 40분께 전면 정상화됐다고 밝혔다. 장애 발생 4시간 30분 만이다.",
        "2024-06-04T10:00:00+09:00",
    );
    assert_eq!(b.incidents.len(), 1, "{:#?}", b.incidents);
    assert_eq!(
        b.incidents[0].duration.as_ref().map(|d| d.seconds),
        Some(16_200)
    );
}

#[test]
fn an_each_list_takes_the_day_and_kind_of_its_clause() {
    let a = run(
        "계열사 지연\n같은 시간대 계열사 서비스도 흔들렸다. 카카오뱅크와 케이뱅크 앱은 이날 오전 각각 20분, 10분가량 접속이 느려졌다.",
        "2024-06-04T15:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 2, "{:#?}", a.incidents);
    for i in &a.incidents {
        assert_eq!(i.kind, Kind::Degradation);
        let s = i.start.as_ref().expect("start");
        assert_eq!(s.value.to_rfc3339(), "2024-06-04T00:00:00+09:00");
        assert_eq!(s.precision, Precision::Day);
    }
}

fn timeline_at(a: &Article, i: usize, event: jangae::Event, at: &str) -> bool {
    a.incidents[i]
        .timeline
        .iter()
        .any(|e| e.event == event && e.at.as_ref().is_some_and(|t| t.value.to_rfc3339() == at))
}

#[test]
fn ways_of_coming_back_first_are_partial_recoveries() {
    use jangae::Event::PartialRecovery as P;
    let a = run(
        "예매 장애\n한빛철도 예매 앱은 3일 오전 7시께부터 접속이 되지 않았다. 오전 7시 40분께 앱 접속이 먼저 안정을 찾았고, 오전 8시께 조회 기능이 먼저 원활해졌다. 공단은 오전 8시 20분께 좌석 조회 기능을 먼저 살렸고, 전체 예매 서비스는 오전 9시께 정상화됐다.",
        "2024-06-03T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    for at in [
        "2024-06-03T07:40:00+09:00",
        "2024-06-03T08:00:00+09:00",
        "2024-06-03T08:20:00+09:00",
    ] {
        assert!(
            timeline_at(&a, 0, P, at),
            "{at}: {:#?}",
            a.incidents[0].timeline
        );
    }
    assert_eq!(
        a.incidents[0].end.as_ref().map(|e| e.value.to_rfc3339()),
        Some("2024-06-03T09:00:00+09:00".to_string())
    );
}

#[test]
fn back_but_still_blocked_is_partial_and_a_share_as_of_is_partial() {
    use jangae::Event::PartialRecovery as P;
    let a = run(
        "민원 장애\n시청 민원 시스템이 5일 오전 9시께부터 멈췄다. 민원 포털은 오후 2시께 접속이 다시 열렸지만 증명서 발급은 여전히 막혀 있다.",
        "2024-06-05T20:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(a.incidents[0].end.is_none(), "{:?}", a.incidents[0].end);
    assert!(
        timeline_at(&a, 0, P, "2024-06-05T14:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
    let b = run(
        "기지국 피해\n태풍으로 KT의 유선 인터넷이 6일 새벽 멈췄다. 오후 2시 현재 끊겼던 회선의 70% 가량이 복구됐다.",
        "2024-06-06T18:00:00+09:00",
    );
    assert_eq!(b.incidents.len(), 1, "{:#?}", b.incidents);
    assert!(
        timeline_at(&b, 0, P, "2024-06-06T14:00:00+09:00"),
        "{:#?}",
        b.incidents[0].timeline
    );
    assert!(
        b.incidents[0]
            .timeline
            .iter()
            .all(|e| e.event != jangae::Event::Update),
        "{:#?}",
        b.incidents[0].timeline
    );
}

#[test]
fn a_part_back_before_the_whole_is_partial_and_a_part_back_later_is_its_own() {
    use jangae::Event::PartialRecovery as P;
    let a = run(
        "메일 장애\n한빛포털은 지난 10일 오후 2시께 화재로 메일과 카페 서비스가 멈췄다가 14일 오후 6시 모든 서비스가 정상화됐다고 밝혔다. 한빛포털 카페는 12일 오후에야 정상적으로 열렸다.",
        "2024-06-15T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        timeline_at(&a, 0, P, "2024-06-12T00:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
    let b = run(
        "전산 화재\n불은 지난 2일 오후 9시께 데이터센터에서 났다. 이 화재로 우체국 인터넷뱅킹과 체크카드 결제가 중단됐고 우편 접수와 배송 조회도 멈췄다. 금융 서비스 전체는 3일 오후 8시 정상 가동에 들어갔다. 우편 접수와 배송 조회는 4일 오전 10시께 정상화됐다.",
        "2024-06-05T10:00:00+09:00",
    );
    assert_eq!(b.incidents.len(), 2, "{:#?}", b.incidents);
    let post = b
        .incidents
        .iter()
        .find(|i| i.services.iter().any(|s| s.contains("우편")))
        .expect("post");
    assert!(
        post.services.iter().all(|s| !s.contains("뱅킹")),
        "{:?}",
        post.services
    );
    assert_eq!(
        post.end.as_ref().map(|e| e.value.to_rfc3339()),
        Some("2024-06-04T10:00:00+09:00".to_string())
    );
    for i in &b.incidents {
        assert_eq!(
            i.start.as_ref().map(|s| s.value.to_rfc3339()),
            Some("2024-06-02T21:00:00+09:00".to_string())
        );
    }
}

#[test]
fn affiliates_failing_together_stay_one_record() {
    let a = run(
        "카카오 장애\n카카오톡과 카카오페이가 11일 오후 1시께 멈췄다가 오후 3시께 복구됐다고 카카오가 밝혔다.",
        "2024-06-11T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].operator.as_deref(), Some("카카오"));
}

#[test]
fn restarting_servers_overnight_is_recovery_work() {
    let a = run(
        "전산 장애\n한빛은행 인터넷뱅킹이 2일 오후 8시께 멈췄다. 한빛은행은 3일 밤부터 밤을 새워 서버를 다시 띄웠고, 4일 오전 9시께 모든 서비스가 정상화됐다.",
        "2024-06-04T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        timeline_at(&a, 0, jangae::Event::Update, "2024-06-03T00:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
    assert_eq!(
        a.incidents[0].end.as_ref().map(|e| e.value.to_rfc3339()),
        Some("2024-06-04T09:00:00+09:00".to_string())
    );
}

#[test]
fn an_undated_recovery_of_another_company_opens_no_record() {
    let a = run(
        "클라우드 장애\n아마존웹서비스(AWS)의 서울 리전에서 5일 오전 8시부터 9시까지 장애가 이어졌다. 쿠팡 앱은 오전 8시 10분께부터 접속이 되지 않다가 오전 9시 30분께 정상화됐다. 쿠팡은 \"AWS 복구 뒤 자체 서버를 다시 띄우는 데 시간이 더 걸렸다\"고 밝혔다.",
        "2024-06-05T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 2, "{:#?}", a.incidents);
}

#[test]
fn the_failures_own_clock_time_wins_over_the_fire_that_caused_it() {
    let a = run(
        "데이터센터 화재\n사태는 지난 8일 오후 2시 10분께 데이터센터 전기실에서 불이 나면서 시작됐다. 카카오톡과 카카오T 등의 장애는 오후 2시 25분께부터 본격화했다.",
        "2024-06-10T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(
        a.incidents[0].start.as_ref().map(|s| s.value.to_rfc3339()),
        Some("2024-06-08T14:25:00+09:00".to_string())
    );
}

#[test]
fn an_error_at_a_payment_step_is_an_error_and_its_symptoms_give_the_length() {
    let a = run(
        "결제 오류\n쿠팡은 9일 오후 1시 10분께 쿠팡 앱 결제 단계에서 오류가 났다고 밝혔다. 카드 결제가 승인되지 않는 현상이 약 20분간 이어졌다.",
        "2024-06-09T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    assert_eq!(i.kind, Kind::Error);
    assert_eq!(i.duration.as_ref().map(|d| d.seconds), Some(1200));
}

#[test]
fn this_time_is_no_two_hour_length() {
    let a = run(
        "체결 지연\n한국거래소에서 12일 오전 9시 10분부터 9시 20분까지 일부 종목의 주문이 체결되지 않았다. 이 시간 체결되지 못한 주문은 5천여 건이다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_ne!(
        a.incidents[0].duration.as_ref().map(|d| d.seconds),
        Some(7200)
    );
}

#[test]
fn able_to_use_again_is_a_recovery_and_all_day_is_no_length() {
    let a = run(
        "앱 장애\n한빛은행 앱이 3일 오전 10시께부터 열리지 않았다. 이체 기능은 5시간가량 지나서야 다시 쓸 수 있게 됐다.",
        "2024-06-03T20:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let d = a.incidents[0].duration.as_ref().expect("duration");
    assert_eq!(d.seconds, 18_000);
    assert_eq!(d.qualifier, Qualifier::About);
    let b = run(
        "전산망 마비\n시청 행정전산망이 4일 하루 종일 마비되면서 민원 업무가 멈췄다.",
        "2024-06-04T20:00:00+09:00",
    );
    assert_eq!(b.incidents.len(), 1, "{:#?}", b.incidents);
    assert!(
        b.incidents[0].duration.is_none(),
        "{:?}",
        b.incidents[0].duration
    );
}

#[test]
fn gapped_subject_time_pairs_give_each_operator_its_end() {
    let a = run(
        "항공 발권 장애\n19일 오후 2시께부터 제주항공과 이스타항공의 예약·발권 시스템이 잇따라 먹통이 됐다. 시스템은 이스타항공이 오후 7시께, 제주항공이 이튿날 새벽 1시께 복구됐다.",
        "2024-07-20T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 2, "{:#?}", a.incidents);
    for (op, end) in [
        ("이스타항공", "2024-07-19T19:00:00+09:00"),
        ("제주항공", "2024-07-20T01:00:00+09:00"),
    ] {
        let i = a
            .incidents
            .iter()
            .find(|i| i.operator.as_deref() == Some(op))
            .unwrap_or_else(|| panic!("{op}: {:#?}", a.incidents));
        assert_eq!(
            i.end.as_ref().map(|e| e.value.to_rfc3339()),
            Some(end.to_string())
        );
    }
}

#[test]
fn recovery_talk_after_a_dated_when_clause_is_no_end() {
    let a = run(
        "전산망 비판\n정부는 지난해 3월 4일 한빛포털 메일이 멈췄을 때 복구 시간 공지를 강하게 요구했다.",
        "2024-06-04T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(a.incidents[0].end.is_none(), "{:?}", a.incidents[0].end);
}

#[test]
fn dated_counts_and_leftover_as_of_times_are_updates() {
    use jangae::Event::Update as U;
    let a = run(
        "예매 장애\n코레일톡 앱은 2일 오전 7시께부터 접속이 지연됐다. 오전 8시께에는 접속 대기 인원이 한때 30만 명을 넘어섰다. 오전 9시께 앱 접속이 먼저 돌아왔지만, 오전 10시 현재 일부 이용자는 여전히 예매 내역을 볼 수 없는 상태다.",
        "2024-06-02T11:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        timeline_at(&a, 0, U, "2024-06-02T08:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
    assert!(
        timeline_at(&a, 0, U, "2024-06-02T10:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
}

#[test]
fn a_recovery_quoted_in_a_dated_announcement_is_an_update() {
    use jangae::Event::{PartialRecovery, Update};
    let a = run(
        "메신저 장애\n한빛톡은 8일 오후 2시께부터 메시지 전송이 멈췄다. 9일 오전 한빛톡은 \"메시지 전송은 복구됐지만 사진 전송은 아직 작업 중\"이라고 공지했다. 한빛톡은 10일 오후 모든 기능이 정상화됐다고 밝혔다.",
        "2024-06-11T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        timeline_at(&a, 0, Update, "2024-06-09T00:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
    assert!(!timeline_at(
        &a,
        0,
        PartialRecovery,
        "2024-06-09T00:00:00+09:00"
    ));
}

#[test]
fn coordinated_steps_of_recovery_work_share_the_time() {
    let a = run(
        "전산 화재\n한빛은행 인터넷뱅킹이 2일 오후 8시께 화재로 멈췄다. 복구팀은 3일 밤부터 밤을 새우며 장비를 하나씩 점검하고 서버를 다시 켜는 작업을 벌였다.",
        "2024-06-04T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        timeline_at(&a, 0, jangae::Event::Update, "2024-06-03T00:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
}

#[test]
fn an_error_in_some_functions_is_a_degradation() {
    let a = run(
        "포털 오류\n네이버는 7일 오후 쇼핑 검색 일부 기능에 오류가 생겼다가 같은 날 밤 복구했다.",
        "2024-06-08T10:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].kind, Kind::Degradation);
}

#[test]
fn a_length_equal_to_the_records_span_restates_it() {
    let a = run(
        "송금 지연\n토스 송금이 5일 낮 12시 10분께 지연되기 시작해 낮 12시 40분께 정상화됐다. 이용자들은 그 30분 동안 송금 완료 문자를 받지 못했다고 호소했다.",
        "2024-06-05T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(
        a.incidents[0].duration.as_ref().map(|d| d.seconds),
        Some(1800)
    );
}

#[test]
fn work_in_progress_said_at_a_time_is_an_update() {
    let a = run(
        "전산망 장애\n시청 행정전산망이 3일 오전 9시께 멈췄다. 시청은 4일 오후 2시 브리핑에서 \"오늘 안에 복구를 마치려고 작업 중\"이라고 밝혔고, 5일 오전 10시 기준으로 서버의 대부분이 되살아났다.",
        "2024-06-05T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        timeline_at(&a, 0, jangae::Event::Update, "2024-06-04T14:00:00+09:00"),
        "{:#?}",
        a.incidents[0].timeline
    );
}

// ---- services (svc helper, session 2, continued) ----

#[test]
fn the_topic_owns_a_generic_channel_and_an_each_list_before_a_function() {
    let a = run(
        "앱 장애\n한빛페이는 7월 7일 오전 9시 10분 앱 접속이 끊긴 뒤 오후 1시 40분께 정상화됐다고 밝혔다. 8일 오후 1시께에는 한빛톡과 한빛맵 등의 접속 장애가 발생했다.",
        "2024-07-08T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛페이 앱"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛톡"), "{all:?}");
    assert!(all.iter().any(|s| s == "한빛맵"), "{all:?}");
}

#[test]
fn a_function_before_its_system_keeps_the_system() {
    let a = run(
        "병원 전산 장애\n7월 9일 새벽 4시께 한빛병원의 처방 전달 시스템과 진료 예약 시스템이 멈췄다.",
        "2024-07-09T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(
        all.iter().any(|s| s.ends_with("처방 전달 시스템")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|s| s.ends_with("진료 예약 시스템")),
        "{all:?}"
    );
}

// ---- cause, operator and impact constructions (s2-cause) ----

fn categories(a: &Article, i: usize) -> Vec<CauseCategory> {
    a.incidents[i].causes.iter().map(|c| c.category).collect()
}

#[test]
fn announced_inspection_is_planned_maintenance_but_emergency_inspection_is_not() {
    let a = run(
        "은행 점검 안내\n한빛은행은 오는 15일 0시부터 오전 4시까지 인터넷뱅킹 서비스를 중단하고 전산 장비를 점검한다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert!(
        categories(&a, 0).contains(&CauseCategory::PlannedMaintenance),
        "{:#?}",
        a.incidents
    );
    let b = run(
        "은행 앱 먹통\n한빛은행 앱이 12일 오전 9시께부터 1시간 동안 먹통이 됐다. 은행은 긴급 점검에 나서 오전 10시께 복구했다. 전산 장비를 점검한 결과 저장장치 고장이 원인으로 확인됐다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!b.incidents.is_empty(), "{:#?}", b.incidents);
    for i in 0..b.incidents.len() {
        assert!(
            !categories(&b, i).contains(&CauseCategory::PlannedMaintenance),
            "{:#?}",
            b.incidents
        );
    }
}

#[test]
fn a_negation_of_another_subject_does_not_deny_the_fault() {
    let a = run(
        "거래 지연\n한빛거래소에서 12일 오전 10시부터 10분 동안 주문이 체결되지 않았다. 거래소는 체결 서버의 네트워크 카드가 고장 나 주문 정보가 넘어가지 않은 것으로 파악했다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert!(
        categories(&a, 0).contains(&CauseCategory::HardwareFailure),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn a_contractor_that_failed_itself_is_the_operator_not_a_third_party() {
    let a = run(
        "결제 장애\n결제대행업체 누리페이먼츠의 결제 승인 서버에서 12일 낮 12시께 장애가 발생해 오후 1시께 복구됐다. 누리페이먼츠는 \"전날 반영한 승인 프로그램에 오류가 있었다\"고 설명했다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let i = &a.incidents[0];
    assert_eq!(i.operator.as_deref(), Some("누리페이먼츠"));
    let cats = categories(&a, 0);
    assert!(cats.contains(&CauseCategory::SoftwareBug), "{cats:?}");
    assert!(!cats.contains(&CauseCategory::ThirdParty), "{cats:?}");
}

#[test]
fn another_organisations_failed_line_is_a_third_party_cause() {
    let a = run(
        "신고 전화 불통\n한빛시 119 신고 전화가 9일 새벽 2시께부터 40분 동안 상황실에 연결되지 않았다. 소방본부는 상황실과 연결된 KT 전용회선 장비에 이상이 생기면서 전화가 끊긴 것으로 파악했다.",
        "2024-06-09T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let cats = categories(&a, 0);
    assert!(cats.contains(&CauseCategory::NetworkEquipment), "{cats:?}");
    assert!(cats.contains(&CauseCategory::ThirdParty), "{cats:?}");
    // One's own line is no third party.
    let b = run(
        "통신 장애\nKT 인터넷이 9일 오전 9시께부터 1시간 동안 끊겼다. KT는 자사 전용회선 장비에 이상이 생긴 것이 원인이라고 밝혔다.",
        "2024-06-09T18:00:00+09:00",
    );
    assert!(!b.incidents.is_empty(), "{:#?}", b.incidents);
    assert!(
        !categories(&b, 0).contains(&CauseCategory::ThirdParty),
        "{:#?}",
        b.incidents
    );
}

#[test]
fn a_shortened_organisation_name_is_the_full_name_the_article_used() {
    let a = run(
        "신고 전화 장애\n한빛시 119 신고 전화가 9일 새벽 2시께부터 40분 동안 상황실에 연결되지 않았다. 충청남도소방본부에 따르면 신고 전화는 새벽 2시 40분께 정상화됐다. 소방본부는 상황실 회선 장비에 이상이 생겨 전화가 끊긴 것으로 파악했다.",
        "2024-06-09T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].operator.as_deref(), Some("충청남도소방본부"));
    let b = run(
        "자전거 대여 장애\n한빛시설공단에 따르면 공공자전거 대여 기능이 18일 오후 2시께부터 작동하지 않았다. 공단은 오후 4시께 대여 기능을 복구했다.",
        "2024-06-18T20:00:00+09:00",
    );
    assert!(!b.incidents.is_empty(), "{:#?}", b.incidents);
    assert_eq!(b.incidents[0].operator.as_deref(), Some("한빛시설공단"));
}

#[test]
fn operator_as_place_possessor_with_alias_or_introduced_operator() {
    let a = run(
        "은행 앱 오류\n국민은행에서는 지난 16일 오전 7시께부터 약 40분간 모바일 앱 로그인 오류가 이어졌다.",
        "2024-06-20T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].operator.as_deref(), Some("KB국민은행"));
    let b = run(
        "인터넷 끊김\nLG유플러스(LG U+)의 유선 인터넷이 29일 새벽 3시께부터 20분간 끊겼다.",
        "2024-06-30T18:00:00+09:00",
    );
    assert!(!b.incidents.is_empty(), "{:#?}", b.incidents);
    assert_eq!(b.incidents[0].operator.as_deref(), Some("LG유플러스"));
    let c = run(
        "배달 주문 장애\n운영사 우아한형제들에 따르면 15일 저녁 7시께부터 1시간 동안 주문 접수가 멈췄다.",
        "2024-06-16T18:00:00+09:00",
    );
    assert!(!c.incidents.is_empty(), "{:#?}", c.incidents);
    assert_eq!(c.incidents[0].operator.as_deref(), Some("우아한형제들"));
}

#[test]
fn damage_counted_after_the_failure_with_the_noun_before_the_number() {
    let a = run(
        "주문 장애\n한빛배달 앱 주문 접수가 15일 저녁 7시께부터 1시간 동안 멈췄다. 이 시간 접수되지 못하고 취소된 주문은 3만1천여 건에 이른다. 한빛배달 월간 이용자는 1천200만 명이 넘는다.",
        "2024-06-16T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let counts = impact_counts(&a, 0);
    assert_eq!(
        counts,
        vec![(31_000, "건")],
        "{:#?}",
        a.incidents[0].impacts
    );
    assert_eq!(a.incidents[0].impacts[0].what, "주문");
}

#[test]
fn restricted_users_and_waiting_people_count_but_recovered_systems_do_not() {
    let a = run(
        "예매 지연\n한빛철도 예매 홈페이지 접속이 10일 오전 7시부터 2시간 동안 지연됐다. 오전 8시께에는 접속 대기 인원이 한때 10만5천 명에 달했다. 결제가 되지 않아 예매를 놓친 이용자도 1천300여 명에 이른다. 오전 9시께 핵심 시스템 20여 개가 먼저 되살아났다.",
        "2024-06-10T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let mut counts: Vec<(u64, &str)> = a.incidents[0]
        .impacts
        .iter()
        .map(|i| (i.count, i.unit.as_str()))
        .collect();
    counts.sort();
    assert_eq!(
        counts,
        vec![(1300, "명"), (105_000, "명")],
        "{:#?}",
        a.incidents[0].impacts
    );
}

#[test]
fn counts_listed_with_each_pair_with_the_operators_in_order() {
    let a = run(
        "기지국 멈춤\n과학기술정보통신부에 따르면 6일 새벽 4시께부터 KT와 SK텔레콤, LG유플러스의 이동통신 기지국이 잇따라 작동을 멈췄다. 멈춘 기지국은 각각 700개, 400개, 300개로 집계됐다.",
        "2024-09-06T18:00:00+09:00",
    );
    let of = |op: &str| {
        a.incidents
            .iter()
            .find(|i| i.operator.as_deref() == Some(op))
            .map(|i| {
                i.impacts
                    .iter()
                    .map(|x| (x.count, x.unit.clone()))
                    .collect::<Vec<_>>()
            })
    };
    assert_eq!(
        of("KT"),
        Some(vec![(700, "개".to_string())]),
        "{:#?}",
        a.incidents
    );
    assert_eq!(of("SK텔레콤"), Some(vec![(400, "개".to_string())]));
    assert_eq!(of("LG유플러스"), Some(vec![(300, "개".to_string())]));
}

#[test]
fn a_planned_window_told_twice_keeps_its_reason() {
    let a = run(
        "은행 점검\n한빛은행이 전산 시스템 정기 점검을 위해 이번 주말 새벽 인터넷뱅킹 서비스를 모두 멈춘다. 한빛은행은 오는 14일 0시부터 오전 6시까지 인터넷뱅킹과 ATM 서비스를 중단한다고 12일 밝혔다.",
        "2024-09-12T14:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    for i in 0..a.incidents.len() {
        assert!(
            categories(&a, i).contains(&CauseCategory::PlannedMaintenance),
            "{:#?}",
            a.incidents
        );
    }
}

#[test]
fn one_fire_two_operators_with_an_affiliate_a_waiting_cause_and_a_named_count() {
    let a = run(
        "데이터센터 화재\n한빛 데이터센터에서 15일 오후 3시께 불이 나면서 카카오톡과 카카오T, 카카오페이 등이 멈췄다. 같은 데이터센터를 쓰던 네이버도 화재 여파를 피하지 못했다. 네이버는 15일 오후 쇼핑 검색과 블로그 기능에 오류가 생겼다가 밤에 복구했다. 카카오에 접수된 피해 신고는 5만여 건에 이른다.",
        "2024-10-16T18:00:00+09:00",
    );
    let kakao = a
        .incidents
        .iter()
        .find(|i| i.operator.as_deref() == Some("카카오"))
        .expect("kakao incident");
    assert!(
        kakao.services.iter().any(|s| s == "카카오페이"),
        "{:#?}",
        a.incidents
    );
    assert!(
        a.incidents
            .iter()
            .all(|i| i.operator.as_deref() != Some("카카오페이")),
        "{:#?}",
        a.incidents
    );
    assert_eq!(
        kakao.impacts.iter().map(|i| i.count).collect::<Vec<_>>(),
        vec![50_000]
    );
    let naver = a
        .incidents
        .iter()
        .find(|i| i.operator.as_deref() == Some("네이버"))
        .expect("naver incident");
    let cats: Vec<_> = naver.causes.iter().map(|c| c.category).collect();
    assert_eq!(cats, vec![CauseCategory::Fire], "{:#?}", naver);
    assert!(naver.impacts.is_empty(), "{:#?}", naver);
}

#[test]
fn a_bare_hospital_topic_is_the_hospital_named_before() {
    let a = run(
        "병원 전산 마비\n서울누리대학교병원에 따르면 9일 새벽 서버 파일이 암호화되는 현상이 발견됐다. 병원은 진료 예약 시스템이 9일 새벽 4시께부터 3시간 동안 멈췄다고 밝혔다.",
        "2024-03-10T11:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_operator(&a, 0, "서울누리대학교병원");
}

#[test]
fn switching_over_to_a_next_generation_system_is_migration() {
    let a = run(
        "은행 전산 교체\n누리은행은 차세대 금융시스템으로 갈아타기 위해 오는 5일 0시부터 8일 오전 6시까지 전자금융 서비스를 중단한다.",
        "2024-05-02T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert!(
        categories(&a, 0).contains(&CauseCategory::SystemMigration),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn a_count_after_the_failure_without_damage_words_is_no_impact() {
    let a = run(
        "은행 앱 먹통\n한빛은행 앱이 12일 오전 9시께부터 1시간 동안 먹통이 됐다. 이 은행과 거래하는 대기업 30곳은 별도 전용망을 쓴다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert!(
        a.incidents.iter().all(|i| i.impacts.is_empty()),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn documents_listed_before_a_function_are_not_services() {
    let a = run(
        "발급 중단\n7월 10일 오전 2시부터 4시간 동안 등본 등 주민등록 관련 서류 발급이 멈췄다.",
        "2024-07-10T20:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(
        all.iter().any(|s| s == "주민등록 관련 서류 발급"),
        "{all:?}"
    );
    assert!(!all.iter().any(|s| s == "등본"), "{all:?}");
}

// generalisation (s2-gen)

#[test]
fn counted_delayed_flights_are_damage() {
    let a = run(
        "공항 발권 장애\n8일 오전 7시께 누리공항 발권 서버가 멈춰 탑승 수속이 중단됐다. 이 때문에 도착편 18편이 최대 40분 넘게 지연됐다.",
        "2024-03-08T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let counts = impact_counts(&a, 0);
    assert_eq!(counts, vec![(18, "편")], "{:#?}", a.incidents);
}

#[test]
fn an_organisation_followed_by_its_branch_runs_the_failed_lines() {
    let a = run(
        "통신 장애\n3일 오후 2시께 광주 북구 한빛텔레콤 운암지사 지하 전산실에서 불이 나 일대 인터넷과 유선전화가 끊겼다.",
        "2024-03-03T20:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_operator(&a, 0, "한빛텔레콤");
}

#[test]
fn an_indefinite_organisation_is_no_operator() {
    let a = run(
        "은행 전산 사고\n가람은행의 인터넷뱅킹이 31일 오전 9시께부터 2시간 동안 멈췄다. 지난해 3월 한 저축은행에서는 전산 작업 직후 이틀 동안 대출 조회 오류가 이어졌다.",
        "2024-06-01T12:00:00+09:00",
    );
    let side = a
        .incidents
        .iter()
        .find(|i| i.services.iter().any(|s| s.contains("대출")))
        .expect("side record");
    assert_eq!(side.operator, None, "{:#?}", a.incidents);
}

#[test]
fn the_organisation_said_to_run_a_service_is_its_operator() {
    let a = run(
        "학사 시스템 접속 장애\n누리학사를 운영하는 한국대학정보개발원에 따르면 4일 오전 9시께부터 누리학사 로그인 오류가 30분 넘게 이어졌다. 교육부는 해당 기능을 막았다고 밝혔다.",
        "2024-03-04T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_operator(&a, 0, "한국대학정보개발원");
}

#[test]
fn a_quoted_cause_said_of_several_companies_applies_to_each() {
    let a = run(
        "카드 앱 잇단 장애\n지난달 2일 가온카드 앱이 30분간 멈췄고, 같은 달 20일에는 다솜카드와 미르카드의 결제 앱이 각각 20분, 50분가량 먹통이 됐다. 세 곳 모두 원인을 \"이용자 급증\"으로 설명했다.",
        "2024-05-10T09:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 3, "{:#?}", a.incidents);
    for k in 0..3 {
        assert_eq!(
            categories(&a, k),
            vec![CauseCategory::TrafficOverload],
            "{:#?}",
            a.incidents
        );
    }
}

#[test]
fn opening_a_new_system_is_migration() {
    let a = run(
        "보험사 전산 오류\n2021년 4월 누리생명보험은 새 시스템을 연 직후 이틀 동안 보험금 청구 오류를 겪었다.",
        "2024-06-01T12:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert!(
        categories(&a, 0).contains(&CauseCategory::SystemMigration),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn an_unknown_origin_of_a_known_fire_adds_no_unknown_cause() {
    let a = run(
        "데이터센터 화재\n5일 오전 10시께 한빛데이터센터 전기실에서 불이 나 입주 기업의 홈페이지가 4시간 동안 멈췄다. 소방당국은 정확한 발화 원인을 조사하고 있다.",
        "2024-03-05T20:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_eq!(
        categories(&a, 0),
        vec![CauseCategory::Fire],
        "{:#?}",
        a.incidents
    );
}

#[test]
fn the_organisation_a_failure_is_told_on_the_authority_of_runs_it() {
    for text in [
        "철도 발권 장애\n누리철도공사에 따르면 8일 오전 9시께부터 승차권 발권 서버가 멈춰 역 창구 발권이 2시간 동안 중단됐다.",
        "철도 발권 장애\n8일 오전 승차권 발권이 2시간 동안 중단됐다. 누리철도공사에 따르면 오전 9시께부터 발권 서버가 멈췄다.",
    ] {
        let a = run(text, "2024-03-08T18:00:00+09:00");
        assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
        assert_operator(&a, 0, "누리철도공사");
    }
}

#[test]
fn a_crowd_that_describes_a_business_is_no_overload() {
    let a = run(
        "쇼핑몰 장애\n점심 주문이 몰리는 가람마켓 앱이 12일 오전 11시께부터 1시간 동안 멈췄다. 가람마켓은 결제 서버의 설정 오류를 원인으로 꼽았다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_eq!(
        categories(&a, 0),
        vec![CauseCategory::ConfigurationError],
        "{:#?}",
        a.incidents
    );
}

#[test]
fn more_stated_causes_are_read() {
    for (text, cat) in [
        (
            "병원 전산 마비\n누리병원의 진료 예약 시스템이 3일 오전 8시께부터 5시간 동안 멈췄다. 병원은 서버에 악성코드가 심어진 것으로 보고 있다.",
            CauseCategory::Cyberattack,
        ),
        (
            "통신 장애\n가람텔레콤의 인터넷이 3일 오전 8시께부터 5시간 동안 끊겼다. 가람텔레콤은 집중호우로 통신 설비가 침수된 탓이라고 설명했다.",
            CauseCategory::NaturalDisaster,
        ),
        (
            "앱 장애\n누리은행 앱이 3일 오전 8시께부터 2시간 동안 멈췄다. 장애 원인은 아직 밝혀지지 않았다.",
            CauseCategory::Unknown,
        ),
    ] {
        let a = run(text, "2024-03-03T20:00:00+09:00");
        assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
        assert!(
            categories(&a, 0).contains(&cat),
            "{cat:?}: {:#?}",
            a.incidents
        );
    }
}

#[test]
fn an_organisation_speaking_for_itself_is_the_topic() {
    let a = run(
        "보험 앱 장애\n12일 오전 10시께부터 1시간 동안 보험금 청구 앱이 먹통이 됐다고 가람생명 측은 밝혔다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_operator(&a, 0, "가람생명");
}

#[test]
fn users_said_to_have_suffered_are_an_impact() {
    let a = run(
        "간편결제 장애\n가람페이 결제가 12일 오후 1시께부터 2시간 동안 멈췄다. 이 때문에 이용자 30만 명이 결제를 하지 못했다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    let counts = impact_counts(&a, 0);
    assert_eq!(counts, vec![(300_000, "명")], "{:#?}", a.incidents);
}

#[test]
fn foundations_and_cooperatives_are_organisations() {
    let a = run(
        "금고 전산 장애\n누리새마을금고는 12일 오전 9시께부터 3시간 동안 인터넷뱅킹이 멈췄다고 밝혔다.",
        "2024-06-12T18:00:00+09:00",
    );
    assert!(!a.incidents.is_empty(), "{:#?}", a.incidents);
    assert_operator(&a, 0, "누리새마을금고");
}

// generalisation of services (s2-sgen)

#[test]
fn a_system_named_by_its_function_keeps_its_head() {
    let a = run(
        "항만 전산 장애\n5일 오전 10시께 한빛항만의 컨테이너 반출 관리 시스템이 멈췄다가 2시간 만에 복구됐다.",
        "2024-06-05T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(
        all.iter().any(|s| s == "컨테이너 반출 관리 시스템"),
        "{all:?}"
    );
    assert!(!all.iter().any(|s| s == "컨테이너 반출"), "{all:?}");
}

#[test]
fn owners_distributed_over_each_name_their_own_system_once() {
    let a = run(
        "증권사 장애\n지난 10일 가람증권과 하늘투자증권의 매매 시스템이 각각 20분, 40분가량 멈췄다.",
        "2024-06-12T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "가람증권 매매 시스템"), "{all:?}");
    assert!(
        all.iter().any(|s| s == "하늘투자증권 매매 시스템"),
        "{all:?}"
    );
    // No name repeats a word ("X X 매매").
    for s in &all {
        let w: Vec<&str> = s.split(' ').collect();
        assert!(w.windows(2).all(|p| p[0] != p[1]), "{all:?}");
    }
}

#[test]
fn a_delay_caused_by_a_stated_failure_is_not_a_service() {
    let a = run(
        "항만 전산 장애\n5일 오전 10시께 부산 신항의 화물 반출 처리 시스템에 오류가 생겨 트럭들이 줄줄이 늦어졌다.",
        "2024-06-05T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "화물 반출 처리 시스템"), "{all:?}");
    assert!(!all.iter().any(|s| s.contains("트럭")), "{all:?}");
}

#[test]
fn a_service_that_is_itself_delayed_stays() {
    // No failure clause before the delay: the subject is what degraded.
    let a = run(
        "결제 지연\n10일 오전 9시께 한빛카드 결제 시스템이 1시간 동안 지연됐다.",
        "2024-06-10T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s.contains("결제 시스템")), "{all:?}");
}

#[test]
fn the_subject_of_a_function_clause_names_the_function() {
    let a = run(
        "증명서 오류\n5일 오전 9시께 성적증명서가 다른 학생 화면에 출력되는 오류가 발생했다.",
        "2024-06-05T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert_eq!(all, vec!["성적증명서 출력".to_string()], "{all:?}");
}

#[test]
fn a_clause_that_is_not_a_function_keeps_the_subject() {
    // 멈추다 is no function noun: the app is what failed.
    let a = run(
        "앱 오류\n5일 오전 9시께 한빛페이 앱이 갑자기 멈추는 오류가 발생했다.",
        "2024-06-05T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s.contains("한빛페이")), "{all:?}");
    assert!(!all.iter().any(|s| s.contains("멈추")), "{all:?}");
}

#[test]
fn districts_listed_before_an_area_word_are_not_services() {
    let a = run(
        "통신 장애\n7일 오후 2시께 통신 시설에서 불이 나 강남·서초구 일대 인터넷과 IPTV가 끊겼다.",
        "2024-06-07T18:00:00+09:00",
    );
    let mut all = services_of(&a);
    all.sort();
    assert_eq!(all, vec!["IPTV".to_string(), "인터넷".to_string()]);
    let b = run(
        "통신 장애\n7일 오후 2시께 중구·동구 지역 유선전화와 인터넷이 끊겼다.",
        "2024-06-07T18:00:00+09:00",
    );
    let mut all = services_of(&b);
    all.sort();
    assert_eq!(all, vec!["유선전화".to_string(), "인터넷".to_string()]);
}

#[test]
fn a_delay_after_an_unnamed_failure_keeps_the_delayed_service() {
    // "서버에 장애가 발생해" names no service: the delayed app is what failed.
    let a = run(
        "앱 지연\n4일 오전 9시께 서버에 장애가 발생해 한빛은행 앱 접속이 지연됐다.",
        "2024-06-04T18:00:00+09:00",
    );
    let all = services_of(&a);
    assert!(all.iter().any(|s| s == "한빛은행 앱"), "{all:?}");
}

// generalisation of triggers and times (s2-tgen)

#[test]
fn a_negated_ability_predicate_states_a_failure() {
    let a = run(
        "통신망 장애\n5일 오후 3시께부터 누리텔레콤 가입자 상당수가 인터넷에 연결하지 못했다. 회사는 오후 4시께 복구됐다고 밝혔다.",
        "2024-03-05T20:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let i = &a.incidents[0];
    let start = i.start.as_ref().expect("start");
    assert_eq!(start.value.to_rfc3339(), "2024-03-05T15:00:00+09:00");
    let end = i.end.as_ref().expect("end");
    assert_eq!(end.value.to_rfc3339(), "2024-03-05T16:00:00+09:00");
}

#[test]
fn an_error_made_during_work_is_no_incident_of_its_own() {
    let a = run(
        "메일 서비스 장애\n8일 오전 10시께부터 다음 메일에 접속하지 못하는 장애가 났다. 카카오는 오후 1시께 복구를 마쳤다며 \"스토리지 교체 작업 도중 오류가 생겼다\"고 설명했다.",
        "2024-04-08T18:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(
        a.incidents[0]
            .services
            .iter()
            .all(|s| !s.contains("작업") && !s.contains("도중")),
        "{:#?}",
        a.incidents
    );
}

#[test]
fn an_experiential_past_failure_is_a_side_record_with_its_own_length() {
    let a = run(
        "코레일 예매 먹통\n14일 오전 7시께부터 코레일톡 예매가 먹통이 됐다. 코레일톡은 2019년 9월에도 추석 예매 첫날 이용자가 몰려 5시간가량 멈춘 적이 있다.",
        "2024-09-14T12:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 2, "{:#?}", a.incidents);
    let main = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.to_rfc3339() == "2024-09-14T07:00:00+09:00")
        })
        .expect("main incident");
    assert!(main.duration.is_none(), "{:#?}", main);
    let past = a
        .incidents
        .iter()
        .find(|i| {
            i.start
                .as_ref()
                .is_some_and(|s| s.value.to_rfc3339() == "2019-09-01T00:00:00+09:00")
        })
        .expect("past incident");
    assert_eq!(past.start.as_ref().unwrap().precision, Precision::Month);
    assert_eq!(past.duration.as_ref().map(|d| d.seconds), Some(5 * 3600));
}

#[test]
fn a_promise_to_restore_is_no_recovery() {
    let a = run(
        "예매 앱 오류\n3일 오전 9시께부터 코레일톡에서 결제할 수 없는 장애가 이어지고 있다. 코레일은 \"내일 오전까지 모든 기능을 복구하겠다\"고 밝혔다.",
        "2024-06-03T15:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(a.incidents[0].end.is_none(), "{:#?}", a.incidents);
}

#[test]
fn a_stop_told_in_the_non_past_is_planned() {
    let a = run(
        "은행 전산 점검\n하나은행은 16일 0시부터 오전 7시까지 모바일뱅킹과 ATM 이용이 중지된다고 13일 공지했다.",
        "2024-03-13T17:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].kind, Kind::Planned, "{:#?}", a.incidents);
    let b = run(
        "카드 결제 중단\n누리카드는 장비 교체를 위해 이번 일요일 새벽 결제 서비스를 4시간 동안 멈춘다.",
        "2024-03-13T17:00:00+09:00",
    );
    assert_eq!(b.incidents.len(), 1, "{:#?}", b.incidents);
    assert_eq!(b.incidents[0].kind, Kind::Planned, "{:#?}", b.incidents);
}

#[test]
fn a_share_resolved_is_a_partial_recovery_not_an_update() {
    let a = run(
        "통신 장애\n7일 오후 2시께부터 누리텔레콤 인터넷이 끊겼다. 누리텔레콤은 8일 오전 9시 현재 끊긴 회선의 80%를 되살렸다고 밝혔다.",
        "2024-05-08T12:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let events: Vec<_> = a.incidents[0]
        .timeline
        .iter()
        .map(|e| (e.event, e.at.as_ref().map(|t| t.value.to_rfc3339())))
        .collect();
    assert_eq!(
        events,
        vec![(
            jangae::Event::PartialRecovery,
            Some("2024-05-08T09:00:00+09:00".to_string())
        )],
        "{:#?}",
        a.incidents
    );
    let b = run(
        "예매 지연\n2일 오전 9시께부터 코레일톡 접속이 지연됐다. 코레일은 오후 1시 현재 지연이 대부분 해소됐으나 결제 오류는 남아 있다고 밝혔다.",
        "2024-05-02T15:00:00+09:00",
    );
    assert!(!b.incidents.is_empty(), "{:#?}", b.incidents);
    assert!(b.incidents[0].end.is_none(), "{:#?}", b.incidents);
    assert!(
        b.incidents[0]
            .timeline
            .iter()
            .any(|e| e.event == jangae::Event::PartialRecovery),
        "{:#?}",
        b.incidents
    );
}

#[test]
fn errors_coordinated_with_a_slowdown_are_a_degradation() {
    let a = run(
        "청약 앱 불안정\n지난 5일 새로 문을 연 청약홈이 첫날부터 로그인 지연과 오류를 빚고 있다. 5일 오전 9시께부터 신청자가 몰려 화면이 뜨는 데 10분 넘게 걸렸다.",
        "2024-02-07T13:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert_eq!(a.incidents[0].kind, Kind::Degradation, "{:#?}", a.incidents);
}

#[test]
fn a_clock_time_in_the_next_sentence_refines_a_day_start() {
    let a = run(
        "공항 발권 장애\n20일 오후 김포공항의 탑승권 발급 시스템에 오류가 생겨 항공편이 늦어졌다.\n한국공항공사에 따르면 오후 1시 10분께부터 발권 서버가 멈춰 승객들이 표를 받지 못했다. 서버는 오후 3시께 재가동됐다.",
        "2024-01-20T21:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    let start = a.incidents[0].start.as_ref().expect("start");
    assert_eq!(start.value.to_rfc3339(), "2024-01-20T13:10:00+09:00");
    assert_eq!(start.precision, Precision::Minute);
}

#[test]
fn how_late_counted_items_ran_is_no_outage_length() {
    let a = run(
        "공항 발권 장애\n20일 오후 1시 10분께부터 김포공항 발권 서버가 멈췄다가 오후 3시께 재가동됐다. 이 여파로 국내선 28편이 최대 2시간 가까이 지연됐다.",
        "2024-01-20T21:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 1, "{:#?}", a.incidents);
    assert!(a.incidents[0].duration.is_none(), "{:#?}", a.incidents);
}

#[test]
fn a_use_noun_negated_for_ability_states_a_failure() {
    for (sentence, service) in [
        ("8일 오전 9시께부터 토스 앱을 이용할 수 없었다.", "토스 앱"),
        ("8일 오전 9시께부터 토스 앱을 사용하지 못했다.", "토스 앱"),
        (
            "8일 오전 9시께부터 토스 송금이 처리되지 않았다.",
            "토스 송금",
        ),
    ] {
        let a = run(
            &format!("앱 장애\n{sentence} 토스는 오후 1시께 복구됐다고 밝혔다."),
            "2024-04-08T18:00:00+09:00",
        );
        assert_eq!(a.incidents.len(), 1, "{sentence}: {:#?}", a.incidents);
        assert!(
            has_service(&a, 0, service),
            "{sentence}: {:#?}",
            a.incidents
        );
        let start = a.incidents[0].start.as_ref().expect("start");
        assert_eq!(start.value.to_rfc3339(), "2024-04-08T09:00:00+09:00");
    }
}

#[test]
fn an_experiential_noun_trigger_is_a_side_record_too() {
    let a = run(
        "예매 먹통\n14일 오전 7시께부터 코레일톡 예매가 먹통이 됐다. 코레일톡은 2019년 9월에도 추석 예매 첫날 이용자가 몰려 접속 장애가 발생한 바 있다.",
        "2024-09-14T12:00:00+09:00",
    );
    assert_eq!(a.incidents.len(), 2, "{:#?}", a.incidents);
    assert!(
        a.incidents.iter().any(|i| i
            .start
            .as_ref()
            .is_some_and(|s| s.value.to_rfc3339() == "2019-09-01T00:00:00+09:00")),
        "{:#?}",
        a.incidents
    );
}
