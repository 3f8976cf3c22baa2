//! Documented lexicons of the incident stage.
//!
//! Every list here is general Korean news vocabulary about IT service
//! failures or a real Korean public or commercial service / organisation; none
//! is keyed to one article. Matching is done on lindera morphemes (see
//! `mention.rs`), the lists only say which lemmas mean what.

use crate::record::{CauseCategory, Kind};

/// Nouns (NNG lemmas) that name a failure, with the kind they signal.
///
/// 장애, 먹통, 중단 / 중지, 마비, 불통, 다운, 멈춤, 차질, 끊김 → outage; 지연, 저하
/// (속도 저하) → degradation; 오류 → outage unless it qualifies a transaction
/// (이체 오류, see [`ERROR_KIND_HEADS`]). 실패 only right after a function
/// noun (결제 실패, 접속 실패). 불가 / 불가능 (접속 불가, 서비스 불가)
/// and 불편 (접속 불편, 이용 불편: only right after 접속/이용) are outages too.
pub(crate) const OUTAGE_NOUNS: &[(&str, Kind)] = &[
    ("장애", Kind::Outage),
    ("먹통", Kind::Outage),
    ("중단", Kind::Outage),
    ("중지", Kind::Outage),
    ("마비", Kind::Outage),
    ("불통", Kind::Outage),
    ("다운", Kind::Outage),
    ("멈춤", Kind::Outage),
    ("차질", Kind::Outage),
    ("끊김", Kind::Outage),
    ("불가", Kind::Outage),
    ("불가능", Kind::Outage),
    ("오류", Kind::Outage),
    ("에러", Kind::Outage),
    ("지연", Kind::Degradation),
    ("저하", Kind::Degradation),
    ("불편", Kind::Outage),
    ("불안정", Kind::Degradation),
    ("멈칫", Kind::Degradation),
    ("실패", Kind::Outage),
];

/// Verb stems (VV) that name a failure: 멈추다 / 멈춰 서다, 끊기다, 막히다
/// (이체가 막혔다), 먹통/마비 when ko-dic reads them as verbs.
pub(crate) const OUTAGE_VERBS: &[&str] = &[
    "멈추", "멈췄", "멈춰", "멈춘", "끊기", "끊겼", "끊긴", "끊겨", "먹통", "마비", "막히", "막혔",
    "막힌", "막혀",
];

/// Verbs of coming back: 되살아나다, (회선을) 되살리다, 살아나다, (정상으로) 돌아오다, 재개되다,
/// (기능을) 살리다, (결제가) 풀리다; 다시 / 정상적으로 열리다 is matched in
/// `mention.rs`.
pub(crate) const RECOVERY_VERBS: &[&str] = &[
    "되살아",
    "되살렸",
    "되살린",
    "되살려",
    "살아나",
    "살아났",
    "돌아왔",
    "돌아온",
    "돌아와",
    "살렸",
    "살려냈",
    "풀렸",
];

/// Verbs whose negation is a failure: 열리지 않았다, 켜지지 않는다,
/// (전화가 상황실에) 닿지 않았다, 통하지 않았다, (시스템이) 돌아가지 않는다.
pub(crate) const NEGATED_VERBS: &[&str] = &[
    "열리",
    "켜지",
    "작동하",
    "접속되",
    "연결되",
    "닿",
    "통하",
    "돌아가",
];

/// Functions whose negation is a failure: 연결되지 않았다, 접속이 되지 않는,
/// 로그인을 할 수 없는, 결제가 이뤄지지 않았다 (the noun is the trigger).
pub(crate) const AVAILABILITY_NOUNS: &[&str] = &[
    "연결",
    "접속",
    "로그인",
    "결제",
    "이체",
    "출금",
    "입금",
    "송금",
    "조회",
    "예약",
    "발권",
    "인증",
    "대여",
    "반납",
    "호출",
    "체결",
    "전송",
    "발급",
    "작동",
    "접수",
    "통화",
    "예매",
];

/// Use nouns whose negation for ability is a failure (이용할 수 없었다,
/// 사용하지 못했다, 송금이 처리되지 않았다); unlike [`AVAILABILITY_NOUNS`] a
/// plain 않다 (이용하지 않았다: chose not to) does not count.
pub(crate) const USE_NOUNS: &[&str] = &["이용", "사용", "실행", "처리", "구동"];

/// Nouns right before 불편 that make it a failure (접속 불편, 이용 불편).
pub(crate) const INCONVENIENCE_HEADS: &[&str] = &["접속", "이용"];

/// When 오류 follows one of these, the failure produced wrong results
/// (`Kind::Error`): 이체 오류, 자동이체 오류, 결제 오류, 출금 오류.
pub(crate) const ERROR_KIND_HEADS: &[&str] =
    &["이체", "체", "결제", "출금", "입금", "송금", "정산"];

/// Connective forms used as adverbs ("잇따라 멈췄다", "연이어 끊겼다",
/// "한꺼번에", "20일 오전 9시를 기해", means: "백업 서버를 이용해", "밤을
/// 새워"): they do
/// not end the clause that
/// carries a time.
pub(crate) const ADVERBIAL_CONNECTIVES: &[&str] = &[
    "기해",
    "기하여",
    "잇따라",
    "연이어",
    "잇달아",
    "줄줄이",
    "차례로",
    "동시에",
    "함께",
    "이용해",
    "활용해",
    "통해",
    "새워",
    "새우며",
    "새우고",
];

/// Work on a system (작업, 점검, 공사, 교체, 이전): an error made during it
/// (작업 중 오류가 발생했다) is a cause, not a failure of its own.
pub(crate) const WORK_NOUNS: &[&str] = &["작업", "점검", "공사", "교체", "이전", "업데이트"];

/// Recovery nouns: 복구, 정상화 (정상 + 화), 재개, 재가동, 복원, 정상 가동/운영.
/// 해소 (지연이 해소됐다: the trouble went away) counts as a recovery too.
pub(crate) const RECOVERY_NOUNS: &[&str] = &["복구", "재개", "재가동", "복원", "해소"];

/// Words that make a recovery partial (일부, 대부분, 부분, 순차적으로).
pub(crate) const PARTIAL_CUES: &[&str] = &[
    "일부",
    "대부분",
    "부분",
    "순차",
    "일부분",
    "몇몇",
    "먼저",
    "우선",
];

/// Words that make a recovery full (모든, 모두, 완전히, 전면, 완전).
pub(crate) const FULL_CUES: &[&str] = &["모든", "모두", "완전히", "전면", "완전"];

/// Nouns after a failure noun that keep it a noun phrase about the event,
/// not a statement that it happened (장애 사태 관련, 장애복구 탄력성, 전산장애
/// 보고 건수, 장애 사실을 알려야).
pub(crate) const GENERIC_AFTER: &[&str] = &[
    "탄력성",
    "대응",
    "방지",
    "대비",
    "훈련",
    "프로세스",
    "체계",
    "매뉴얼",
    "대책",
    "보상",
    "관련",
    "예방",
    "가능성",
    "우려",
    "위험",
    "제재",
    "보고",
    "건수",
    "사실",
];

/// Sentences containing these are law, policy or disaster-management talk,
/// not incident reports (재난안전기본법 시행령, 사회재난, 제재 근거).
pub(crate) const POLICY_CUES: &[&str] = &[
    "법령",
    "시행령",
    "법 개정",
    "기본법",
    "사회재난",
    "재난문자",
    "재난 및 사고",
    "매뉴얼",
    "제재",
    "재난 대응",
    "재난대응",
];

/// Sentences that talk about incidents in general ("이번이 처음이 아니다",
/// "이번이 네 번째다").
pub(crate) const GENERIC_SENTENCE_CUES: &[&str] = &["처음이 아니", "번째다", "차례나 벌어진"];

/// Generic nouns that are never a service name on their own.
pub(crate) const GENERIC_SERVICE: &[&str] = &[
    "서비스",
    "시스템",
    "전산",
    "전산망",
    "전산시스템",
    "문제",
    "사고",
    "사태",
    "기능",
    "업무",
    "금융거래",
    "금융 거래",
    "거래",
    "앱",
    "기관",
    "금융기관",
    "핵심 시스템",
    "핵심 기능",
    "접속",
    "일부",
    "전체",
    "모든 서비스",
    "은행권",
    "은행권 전산",
    "이용자",
    "고객",
    "국민",
    "정부",
    "주요 서비스",
    "해당 서비스",
    "관련 서비스",
    "서버",
    "운영",
    "홍보 부스",
    "피해",
    "이번",
    "비대면 서비스",
    "국가 기관",
    "국가 통신망",
    "통신망",
    "과정",
    "현상",
    "영향",
    "연결",
    "몇몇",
    "승인",
    "복구",
    "종목",
    "대부분",
    "계좌",
    "전산 서비스",
    "온라인 서비스",
    "정부 서비스",
    "인터넷 서비스",
    "실제",
    "가까이",
    "전면",
    "창구",
];

/// Function nouns stripped from the end of a service name: what failed is the
/// service, not its 접속 / 작동 / 이용 (케이뱅크 앱 접속 → 케이뱅크 앱).
pub(crate) const TRAILING_FUNCTION_NOUNS: &[&str] = &[
    "접속",
    "작동",
    "이용",
    "사용",
    "업무",
    "기능",
    "일부",
    "처리",
    "시스템",
    "과정",
    "속도",
    "전산",
    "운영",
    "서버",
    "장치",
    "대부분",
    "전체",
    "기능들",
    "기지국",
    "연결",
    "전산망",
    "단계",
];

/// Modifier words stripped from the start of a service name.
pub(crate) const LEADING_MODIFIERS: &[&str] = &["모든", "주요", "일부", "해당", "전체", "핵심"];

/// Real Korean organisations: (surface or alias, full name). Aliases map to
/// the full name the annotation rules ask for.
pub(crate) const ORGANISATIONS: &[(&str, &str)] = &[
    ("행정안전부", "행정안전부"),
    ("행안부", "행정안전부"),
    ("우정사업본부", "우정사업본부"),
    ("우본", "우정사업본부"),
    ("한국조폐공사", "한국조폐공사"),
    ("조폐공사", "한국조폐공사"),
    ("조달청", "조달청"),
    ("과학기술정보통신부", "과학기술정보통신부"),
    ("과기정통부", "과학기술정보통신부"),
    ("과기부", "과학기술정보통신부"),
    ("금융위원회", "금융위원회"),
    ("금융위", "금융위원회"),
    ("금융감독원", "금융감독원"),
    ("금감원", "금융감독원"),
    ("국가정보자원관리원", "국가정보자원관리원"),
    ("국정자원", "국가정보자원관리원"),
    ("한국정보화진흥원", "한국정보화진흥원"),
    ("한국인터넷진흥원", "한국인터넷진흥원"),
    ("국세청", "국세청"),
    ("관세청", "관세청"),
    ("경찰청", "경찰청"),
    ("대법원", "대법원"),
    ("법원행정처", "법원행정처"),
    ("국민건강보험공단", "국민건강보험공단"),
    ("건보공단", "국민건강보험공단"),
    ("국민연금공단", "국민연금공단"),
    ("한국전력", "한국전력공사"),
    ("한전", "한국전력공사"),
    ("코레일", "한국철도공사"),
    ("한국철도공사", "한국철도공사"),
    ("교육부", "교육부"),
    ("고용노동부", "고용노동부"),
    ("보건복지부", "보건복지부"),
    ("국토교통부", "국토교통부"),
    ("국토부", "국토교통부"),
    ("카카오", "카카오"),
    ("카카오뱅크", "카카오뱅크"),
    ("카카오페이", "카카오페이"),
    ("네이버", "네이버"),
    ("케이뱅크", "케이뱅크"),
    ("토스", "비바리퍼블리카"),
    ("비바리퍼블리카", "비바리퍼블리카"),
    ("토스뱅크", "토스뱅크"),
    ("토스증권", "토스증권"),
    ("우아한형제들", "우아한형제들"),
    ("티머니", "티머니"),
    ("서울시설공단", "서울시설공단"),
    ("아마존웹서비스", "아마존웹서비스"),
    ("AWS", "아마존웹서비스"),
    ("키움증권", "키움증권"),
    ("미래에셋증권", "미래에셋증권"),
    ("삼성증권", "삼성증권"),
    ("한국거래소", "한국거래소"),
    ("KT", "KT"),
    ("SK텔레콤", "SK텔레콤"),
    ("SKT", "SK텔레콤"),
    ("LG유플러스", "LG유플러스"),
    ("LGU+", "LG유플러스"),
    ("SK C&C", "SK C&C"),
    ("신한은행", "신한은행"),
    ("국민은행", "KB국민은행"),
    ("KB국민은행", "KB국민은행"),
    ("우리은행", "우리은행"),
    ("하나은행", "하나은행"),
    ("농협", "NH농협은행"),
    ("NH농협은행", "NH농협은행"),
    ("삼성전자", "삼성전자"),
    ("쿠팡", "쿠팡"),
    ("배달의민족", "우아한형제들"),
    ("업비트", "두나무"),
    ("네이버파이낸셜", "네이버파이낸셜"),
    ("대한항공", "대한항공"),
    ("아시아나항공", "아시아나항공"),
    ("제주항공", "제주항공"),
    ("이스타항공", "이스타항공"),
    ("LG U+", "LG유플러스"),
    ("LGU+", "LG유플러스"),
    ("유플러스", "LG유플러스"),
    ("거래소", "한국거래소"),
    ("SK브로드밴드", "SK브로드밴드"),
    ("SKB", "SK브로드밴드"),
    ("삼성SDS", "삼성SDS"),
    ("LG CNS", "LG CNS"),
    ("NHN", "NHN"),
    ("NHN클라우드", "NHN클라우드"),
    ("KT클라우드", "KT클라우드"),
    ("네이버클라우드", "네이버클라우드"),
    ("카카오모빌리티", "카카오모빌리티"),
    ("카카오엔터프라이즈", "카카오엔터프라이즈"),
    ("넥슨", "넥슨"),
    ("엔씨소프트", "엔씨소프트"),
    ("넷마블", "넷마블"),
    ("구글", "구글"),
    ("마이크로소프트", "마이크로소프트"),
    ("MS", "마이크로소프트"),
    ("두나무", "두나무"),
    ("빗썸", "빗썸"),
    ("KG이니시스", "KG이니시스"),
    ("토스페이먼츠", "토스페이먼츠"),
    ("IBK기업은행", "IBK기업은행"),
    ("기업은행", "IBK기업은행"),
];

/// Organisation suffixes: a nominal word of at least `min_chars` characters
/// ending in one of these names an organisation (우정사업본부, 한국조폐공사,
/// 국민연금공단, 국가정보자원관리원, 행정안전부, 조달청, 법제처, 애큐온저축은행,
/// 신한카드, 미래에셋증권, ㈜, 그룹, 센터).
pub(crate) const ORG_SUFFIXES: &[(&str, usize)] = &[
    ("저축은행", 5),
    ("은행", 3),
    ("본부", 4),
    ("공사", 4),
    ("공단", 4),
    ("관리원", 5),
    ("진흥원", 5),
    // 한국교육학술정보원, 한국지역정보개발원.
    ("정보원", 5),
    ("개발원", 5),
    ("부", 4),
    ("청", 3),
    ("처", 4),
    ("카드", 3),
    ("증권", 3),
    ("그룹", 3),
    ("㈜", 2),
    // Company names: 제주항공, 서울한빛대학교병원, 네이버파이낸셜, 다온페이먼츠,
    // SK텔레콤, LG유플러스.
    ("항공", 4),
    ("병원", 4),
    ("파이낸셜", 5),
    ("페이먼츠", 5),
    ("텔레콤", 5),
    // 삼성생명, 한화생명.
    ("생명", 4),
    // 신용보증재단, 여신금융협회, 농업협동조합, 새마을금고.
    ("재단", 4),
    ("협회", 4),
    ("조합", 4),
    ("금고", 5),
    ("유플러스", 5),
    ("소방재난본부", 6),
];

/// Real services and the organisation that runs them (used when the text
/// does not say who runs a named service), with customer-facing aliases.
/// (service surface, canonical name, operator).
pub(crate) const SERVICES: &[(&str, &str, &str)] = &[
    ("정부24", "정부24", "행정안전부"),
    ("정부 24", "정부24", "행정안전부"),
    ("새올", "새올", "행정안전부"),
    ("무인민원발급기", "무인민원발급기", "행정안전부"),
    ("무인발급기", "무인발급기", "행정안전부"),
    ("행정전산망", "행정전산망", "행정안전부"),
    ("행정 전산망", "행정전산망", "행정안전부"),
    ("주민등록", "주민등록", "행정안전부"),
    ("모바일 신분증", "모바일 신분증", "한국조폐공사"),
    ("나라장터", "나라장터", "조달청"),
    ("홈택스", "홈택스", "국세청"),
    ("손택스", "손택스", "국세청"),
    ("유니패스", "유니패스", "관세청"),
    ("전자소송", "전자소송", "법원행정처"),
    ("나이스", "나이스", "교육부"),
    ("NEIS", "나이스", "교육부"),
    ("워크넷", "워크넷", "고용노동부"),
    ("코레일톡", "코레일톡", "한국철도공사"),
    ("우체국", "우체국", "우정사업본부"),
    ("우체국페이", "우체국페이", "우정사업본부"),
    ("우체국예금", "우체국", "우정사업본부"),
    ("우체국 예금", "우체국", "우정사업본부"),
    ("카카오톡", "카카오톡", "카카오"),
    ("카톡", "카카오톡", "카카오"),
    ("카카오T", "카카오T", "카카오"),
    ("카카오맵", "카카오맵", "카카오"),
    ("다음", "다음", "카카오"),
    ("네이버페이", "네이버페이", "네이버파이낸셜"),
    ("토스", "토스", "비바리퍼블리카"),
    ("배민", "배민", "우아한형제들"),
    ("배달의민족", "배달의민족", "우아한형제들"),
    ("티머니", "티머니", "티머니"),
    ("따릉이", "따릉이", "서울시설공단"),
    ("KB스타뱅킹", "KB스타뱅킹", "KB국민은행"),
    ("쏠", "쏠", "신한은행"),
    ("SOL", "쏠", "신한은행"),
    ("영웅문", "영웅문", "키움증권"),
    ("M-STOCK", "M-STOCK", "미래에셋증권"),
    ("mPOP", "mPOP", "삼성증권"),
    ("쿠팡", "쿠팡", "쿠팡"),
    ("업비트", "업비트", "두나무"),
    ("유가증권시장", "유가증권시장", "한국거래소"),
    ("코스피", "유가증권시장", "한국거래소"),
    ("코스닥", "코스닥", "한국거래소"),
    ("연말정산 간소화", "연말정산 간소화 서비스", "국세청"),
    ("카카오페이", "카카오페이", "카카오페이"),
];

/// Cause cues: (phrase, category). Matched on the sentence text with
/// whitespace ignored, then checked by `cause.rs` for context (a network
/// device must be said to fail, a planned job must be the reason).
pub(crate) const CAUSE_CUES: &[(&str, CauseCategory)] = &[
    ("화재", CauseCategory::Fire),
    ("불이나", CauseCategory::Fire),
    ("난불로", CauseCategory::Fire),
    ("불이붙", CauseCategory::Fire),
    ("불길", CauseCategory::Fire),
    ("정전", CauseCategory::PowerFailure),
    ("전원차단", CauseCategory::PowerFailure),
    ("전원을차단", CauseCategory::PowerFailure),
    ("전원이끊", CauseCategory::PowerFailure),
    ("전원이통째로끊", CauseCategory::PowerFailure),
    ("전원공급", CauseCategory::PowerFailure),
    ("전력공급", CauseCategory::PowerFailure),
    ("전기공급", CauseCategory::PowerFailure),
    ("전원장치", CauseCategory::PowerFailure),
    ("전력이끊", CauseCategory::PowerFailure),
    ("전기가끊", CauseCategory::PowerFailure),
    ("단전", CauseCategory::PowerFailure),
    ("UPS", CauseCategory::PowerFailure),
    ("네트워크장비", CauseCategory::NetworkEquipment),
    ("L4스위치", CauseCategory::NetworkEquipment),
    ("스위치", CauseCategory::NetworkEquipment),
    ("라우터", CauseCategory::NetworkEquipment),
    ("회선", CauseCategory::NetworkEquipment),
    ("서버고장", CauseCategory::HardwareFailure),
    ("고장", CauseCategory::HardwareFailure),
    ("하드웨어", CauseCategory::HardwareFailure),
    ("디스크", CauseCategory::HardwareFailure),
    ("저장장치", CauseCategory::HardwareFailure),
    ("장비고장", CauseCategory::HardwareFailure),
    ("장비결함", CauseCategory::HardwareFailure),
    ("부품결함", CauseCategory::HardwareFailure),
    ("하드디스크", CauseCategory::HardwareFailure),
    ("프로그램오류", CauseCategory::SoftwareBug),
    ("소프트웨어", CauseCategory::SoftwareBug),
    ("버그", CauseCategory::SoftwareBug),
    ("업데이트에결함", CauseCategory::SoftwareBug),
    ("프로그램에오류", CauseCategory::SoftwareBug),
    ("프로그램에결함", CauseCategory::SoftwareBug),
    ("코드오류", CauseCategory::SoftwareBug),
    ("프로그램결함", CauseCategory::SoftwareBug),
    ("코드결함", CauseCategory::SoftwareBug),
    ("패치오류", CauseCategory::SoftwareBug),
    ("업데이트오류", CauseCategory::SoftwareBug),
    ("설정오류", CauseCategory::ConfigurationError),
    ("설정실수", CauseCategory::ConfigurationError),
    ("설정을잘못", CauseCategory::ConfigurationError),
    ("설정파일을잘못", CauseCategory::ConfigurationError),
    ("설정변경", CauseCategory::ConfigurationError),
    ("환경설정", CauseCategory::ConfigurationError),
    ("설정이원인", CauseCategory::ConfigurationError),
    ("설정탓", CauseCategory::ConfigurationError),
    ("설정때문", CauseCategory::ConfigurationError),
    ("실수", CauseCategory::OperatorError),
    ("인적오류", CauseCategory::OperatorError),
    ("잘못고쳐", CauseCategory::OperatorError),
    ("잘못건드", CauseCategory::OperatorError),
    ("휴먼에러", CauseCategory::OperatorError),
    ("과부하", CauseCategory::TrafficOverload),
    ("한꺼번에몰", CauseCategory::TrafficOverload),
    ("동시에몰", CauseCategory::TrafficOverload),
    ("접속자가몰", CauseCategory::TrafficOverload),
    ("이용자가몰", CauseCategory::TrafficOverload),
    ("사용자가한꺼번에", CauseCategory::TrafficOverload),
    ("트래픽", CauseCategory::TrafficOverload),
    ("폭증", CauseCategory::TrafficOverload),
    ("폭주", CauseCategory::TrafficOverload),
    ("트래픽급증", CauseCategory::TrafficOverload),
    ("이용자급증", CauseCategory::TrafficOverload),
    ("접속자급증", CauseCategory::TrafficOverload),
    ("접속량급증", CauseCategory::TrafficOverload),
    ("접속량이급증", CauseCategory::TrafficOverload),
    ("접속량이몰", CauseCategory::TrafficOverload),
    ("접속이몰", CauseCategory::TrafficOverload),
    ("주문이몰", CauseCategory::TrafficOverload),
    ("신청이몰", CauseCategory::TrafficOverload),
    ("신청자가몰", CauseCategory::TrafficOverload),
    ("사용자가몰", CauseCategory::TrafficOverload),
    ("투자자가몰", CauseCategory::TrafficOverload),
    ("고객이몰", CauseCategory::TrafficOverload),
    ("이용객이몰", CauseCategory::TrafficOverload),
    ("요청이몰", CauseCategory::TrafficOverload),
    ("이용량급증", CauseCategory::TrafficOverload),
    ("주문량급증", CauseCategory::TrafficOverload),
    ("거래량급증", CauseCategory::TrafficOverload),
    ("접속량이폭증", CauseCategory::TrafficOverload),
    ("시스템전환", CauseCategory::SystemMigration),
    ("시스템이전", CauseCategory::SystemMigration),
    ("차세대", CauseCategory::SystemMigration),
    // Checked like 차세대: launched or opened (새 시스템을 연 직후).
    ("새시스템", CauseCategory::SystemMigration),
    // Not 교체 작업: replacing a part is repair, or the setting of a
    // mistake ("교체 작업 중 설정 실수"), rather than a maintenance window.
    ("정기점검", CauseCategory::PlannedMaintenance),
    ("점검작업", CauseCategory::PlannedMaintenance),
    ("증설작업", CauseCategory::PlannedMaintenance),
    ("정비작업", CauseCategory::PlannedMaintenance),
    ("업그레이드작업", CauseCategory::PlannedMaintenance),
    ("계획된작업", CauseCategory::PlannedMaintenance),
    ("예정된점검", CauseCategory::PlannedMaintenance),
    // Bare 점검: checked by `cause.rs` (the purpose or announced work of a
    // downtime, else only for planned downtime).
    ("점검", CauseCategory::PlannedMaintenance),
    ("디도스", CauseCategory::Cyberattack),
    ("DDoS", CauseCategory::Cyberattack),
    ("해킹", CauseCategory::Cyberattack),
    ("랜섬웨어", CauseCategory::Cyberattack),
    ("사이버공격", CauseCategory::Cyberattack),
    ("분산서비스거부", CauseCategory::Cyberattack),
    ("서비스거부공격", CauseCategory::Cyberattack),
    ("해커", CauseCategory::Cyberattack),
    ("악성코드", CauseCategory::Cyberattack),
    ("외부업체", CauseCategory::ThirdParty),
    ("협력업체", CauseCategory::ThirdParty),
    ("결제대행", CauseCategory::ThirdParty),
    ("보안업체", CauseCategory::ThirdParty),
    ("클라우드업체", CauseCategory::ThirdParty),
    ("유지보수업체", CauseCategory::ThirdParty),
    ("유지보수를맡긴업체", CauseCategory::ThirdParty),
    ("위탁업체", CauseCategory::ThirdParty),
    ("하청업체", CauseCategory::ThirdParty),
    ("외주업체", CauseCategory::ThirdParty),
    ("협력사", CauseCategory::ThirdParty),
    ("납품업체", CauseCategory::ThirdParty),
    ("지진", CauseCategory::NaturalDisaster),
    ("태풍", CauseCategory::NaturalDisaster),
    ("폭우", CauseCategory::NaturalDisaster),
    ("낙뢰", CauseCategory::NaturalDisaster),
    ("홍수", CauseCategory::NaturalDisaster),
    ("폭설", CauseCategory::NaturalDisaster),
    ("호우", CauseCategory::NaturalDisaster),
    ("침수", CauseCategory::NaturalDisaster),
    ("강풍", CauseCategory::NaturalDisaster),
    ("원인미상", CauseCategory::Unknown),
    ("아직파악중", CauseCategory::Unknown),
    ("원인은아직", CauseCategory::Unknown),
    ("원인을조사중", CauseCategory::Unknown),
    ("원인은조사중", CauseCategory::Unknown),
    ("원인조사중", CauseCategory::Unknown),
    ("원인은파악중", CauseCategory::Unknown),
    ("원인을조사하고", CauseCategory::Unknown),
    ("원인을확인중", CauseCategory::Unknown),
    ("원인파악중", CauseCategory::Unknown),
    ("원인을파악중", CauseCategory::Unknown),
    ("원인을알수없", CauseCategory::Unknown),
    ("원인을파악하고", CauseCategory::Unknown),
    ("원인을분석하고", CauseCategory::Unknown),
    ("원인을분석중", CauseCategory::Unknown),
    ("원인은밝혀지지", CauseCategory::Unknown),
    ("원인이밝혀지지", CauseCategory::Unknown),
    ("원인은확인되지", CauseCategory::Unknown),
    ("원인이확인되지", CauseCategory::Unknown),
];

/// Words that make a sentence without a trigger state the cause of the
/// incident being told (…이 원인, … 때문, …로 인해, …탓).
pub(crate) const CAUSAL_MARKERS: &[&str] = &[
    "원인",
    "때문",
    "인해",
    "인한",
    "탓",
    "따른",
    "파악",
    "추정",
    "몰리",
    "몰려",
    "몰린",
    "발생",
    // "외부 업체의 시스템 문제였다고 밝혔다": the problem named as the reason.
    "문제였",
    "문제라고",
    "문제로",
    // "…이 심어진 것으로 보고 있다", "…난 것으로 드러났다": an assessed or
    // established cause.
    "것으로 보",
    "것으로 드러",
    "것으로 확인",
    // "프로그램에 오류가 있었다": a defect said to have existed.
    "오류가 있",
    "결함이 있",
];

/// Words that must accompany a device cue for it to be a stated failure
/// (네트워크 장비에 오류가 발생, 스위치 이상), rather than recovery work
/// (네트워크 장비 점검).
pub(crate) const FAILURE_WORDS: &[&str] = &[
    "오류", "이상", "장애", "고장", "결함", "문제", "먹통", "불량",
];

/// Words after a migration cue that make the migration the reason
/// (차세대 시스템 개통/개시/오픈, 시스템 전환 작업, 차세대 시스템으로
/// 갈아타기 위해).
pub(crate) const MIGRATION_EVENTS: &[&str] = &[
    "개시",
    "개통",
    "오픈",
    "가동",
    "전환",
    "도입",
    "이전",
    "갈아타",
];

/// Counters that count affected things in impacts (건, 개, 명, 곳, 가구,
/// 대, 개사, 편 for flights and trains). Counts of failures (차례, 번, 회)
/// and of time are not impacts.
pub(crate) const IMPACT_COUNTERS: &[&str] = &["개사", "가구", "개", "건", "명", "곳", "대", "편"];

/// Nouns of damage that make a count in a sentence without a failure
/// trigger an impact (matched as whole morphemes, so 대기업 is no 대기): what
/// failed, was cancelled, delayed or left waiting (취소된 주문, 대기 인원, 마감
/// 연장), complaints and damage reports (민원, 피해 신고).
pub(crate) const DAMAGE_NOUNS: &[&str] = &[
    "장애", "오류", "먹통", "중단", "마비", "불통", "지연", "차질", "취소", "대기", "피해", "민원",
    "결항", "연기", "연장",
];

/// Verb forms of damage, matched in the text: stopped or cut (멈춘, 끊긴),
/// late (늦게 출발, 늦췄다, 미뤄졌다) and negated functions (처리가 되지
/// 않은, 접수되지 못한, 반납할 수 없었다).
pub(crate) const DAMAGE_VERBS: &[&str] = &[
    "멈춘", "멈춰", "멈췄", "끊긴", "끊겨", "끊겼", "늦게", "늦어", "늦춰", "늦췄", "미뤄", "못하",
    "못한", "못했", "않은", "않았", "않아", "없었",
];

/// Verbs of a clause that describe the service rather than damage
/// (전국 2500개 지점에서 제공, 1만 명을 추첨).
pub(crate) const SERVICE_DESCRIBING: &[&str] = &[
    "제공",
    "운영",
    "지원",
    "추첨",
    "이벤트",
    "참여",
    "보유",
    "가입",
    "이용할 수",
    "행사",
    "경품",
    "증정",
];
