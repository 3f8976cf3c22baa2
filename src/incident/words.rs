//! Eojeol (space-separated word) view over lindera morphemes.
//!
//! ko-dic splits unknown names into odd pieces (애큐온저축은행 → 애/큐/온/저축/
//! 은행, 자동이체 → 자동/이/체), so phrases are chunked per eojeol: a word's
//! trailing morphemes (particles, endings, punctuation) say what role it
//! plays, its leading part is the name material.

use std::ops::Range;

use crate::morph::Token;

use super::lexicon::SERVICES;

/// One eojeol with its morphological summary.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// The whole eojeol.
    pub span: Range<usize>,
    /// Indices into the token list.
    pub toks: Range<usize>,
    /// The name material: leading quotes/markers and trailing function
    /// morphemes removed (`우체국페이` of `우체국페이가`).
    pub stem: Range<usize>,
    /// Trailing particles, concatenated (`에서는`, `가`, `의`, `와`).
    pub particle: String,
    /// The word ends with a list separator (`,` or `·`) or 등.
    pub list_sep: bool,
    /// The stem ends with the bound noun 등 ("A, B 등").
    pub deung: bool,
    /// The stem is nominal (names things) and nothing verbal follows it.
    pub nominal: bool,
    /// A verbal or adjectival ending follows (a predicate or a modifier).
    pub verbal: bool,
    /// An adnominal ending (ETM): the word modifies the next noun.
    pub adnominal: bool,
    /// A connective ending (EC): a clause ends here.
    pub connective: bool,
    /// Sentence index.
    pub sent: usize,
}

fn is_function(pos: &str) -> bool {
    let first = pos.split('+').next().unwrap_or("");
    first.starts_with('J') || matches!(first, "SF" | "SC" | "SSC" | "SY" | "SE" | "SSO")
}

fn is_nominal_tag(t: &Token) -> bool {
    let last = t.pos_last();

    matches!(
        last,
        "NNG"
            | "NNP"
            | "NNB"
            | "NNBC"
            | "NR"
            | "NP"
            | "SL"
            | "SN"
            | "SH"
            | "XSN"
            | "XR"
            | "IC"
            | "UNK"
            | "SW"
    )
}

/// Splits every sentence into words.
pub(crate) fn words(body: &str, sentences: &[Range<usize>], tokens: &[Token]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut ti = 0;
    for (si, s) in sentences.iter().enumerate() {
        let text = &body[s.clone()];
        let mut offset = s.start;
        for piece in text.split(' ') {
            let span = offset..offset + piece.len();
            offset += piece.len() + 1;
            if piece.is_empty() {
                continue;
            }
            while ti < tokens.len() && tokens[ti].span.end <= span.start {
                ti += 1;
            }
            let mut tj = ti;
            while tj < tokens.len() && tokens[tj].span.start < span.end {
                tj += 1;
            }
            out.push(summarize(body, tokens, span, ti..tj, si));
        }
    }
    out
}

/// Nouns ko-dic splits into a bound noun or a verb (주민등록등본 → 주민/등록/
/// 등/NNB 본과): read whole when an eojeol starts with one.
const SPLIT_NOUNS: &[&str] = &[
    "주민등록등본",
    "주민등록초본",
    "등본",
    "초본",
    "인감증명서",
    "민원서류",
];

/// Particles that may follow a name read whole (`새올을`, `따릉이가`).
const PARTICLES: &[&str] = &[
    "",
    "이",
    "가",
    "은",
    "는",
    "을",
    "를",
    "의",
    "와",
    "과",
    "도",
    "만",
    "에",
    "에서",
    "에서는",
    "에서도",
    "에는",
    "에도",
    "로",
    "으로",
    "까지",
    "마저",
    "조차",
    "이나",
    "나",
    "까지도",
    "부터",
    "처럼",
    "보다",
    "와의",
    "과의",
    "이며",
    "며",
];

/// The byte length of the known name (a service of the lexicon, or a noun
/// ko-dic mis-splits) that `text` starts with, longest first.
fn known_name_prefix(text: &str) -> Option<usize> {
    SERVICES
        .iter()
        .map(|(alias, _, _)| *alias)
        .filter(|a| !a.contains(' '))
        .chain(SPLIT_NOUNS.iter().copied())
        .filter(|a| text.starts_with(a))
        .map(str::len)
        .max()
}

/// An eojeol that starts with a known name which ko-dic tags as a verb or
/// a particle (새/MM 올/EP+ETM, 따/IC 릉/NNG 이/JKS, 발/NNG 급기/NNG 도):
/// the name is the stem, what follows it must be particles.
fn known_name_word(
    body: &str,
    span: &Range<usize>,
    toks: Range<usize>,
    sent: usize,
) -> Option<Word> {
    let text = &body[span.clone()];
    let lead = text.len()
        - text
            .trim_start_matches(['\'', '"', '‘', '“', '(', '▲', '[', '<'])
            .len();
    let len = known_name_prefix(&text[lead..])?;
    let stem = span.start + lead..span.start + lead + len;
    let rest = &body[stem.end..span.end];
    let core = rest.trim_start_matches(['\'', '"', '’', '”', ')', ']', '>']);
    let core = core.trim_end_matches([',', '·', '\'', '"', '’', '”', ')', ']', '>', '.']);
    if !PARTICLES.contains(&core) {
        return None;
    }
    let list_sep = rest.ends_with(',') || rest.ends_with('·') || core == "와" || core == "과";
    Some(Word::noun(span.clone(), toks, stem, core, list_sep, sent))
}

fn summarize(
    body: &str,
    tokens: &[Token],
    span: Range<usize>,
    toks: Range<usize>,
    sent: usize,
) -> Word {
    if let Some(w) = known_name_word(body, &span, toks.clone(), sent) {
        return w;
    }
    // ko-dic reads "난 불로" (by the fire) as the noun 불로 (不老).
    if &body[span.clone()] == "불로" {
        let stem = span.start..span.start + "불".len();
        return Word::noun(span, toks, stem, "로", false, sent);
    }
    let ts = &tokens[toks.clone()];
    // Trailing function morphemes.
    let mut end = ts.len();
    while end > 0 && is_function(&ts[end - 1].pos) && !matches!(ts[end - 1].pos.as_str(), "SSC") {
        end -= 1;
    }

    let mut particle = String::new();
    let mut list_sep = false;
    for t in &ts[end..] {
        let s = t.surface(body);
        if t.pos.starts_with('J') {
            particle.push_str(s);
        }
        if s == "," || s == "·" || t.pos == "JC" {
            list_sep = true;
        }
    }
    // Verbal material inside the word (after the stem).
    let mut verbal = false;
    let mut adnominal = false;
    let mut connective = false;
    let mut stem_last = None;
    for (k, t) in ts[..end].iter().enumerate() {
        if is_nominal_tag(t) {
            if !verbal {
                stem_last = Some(k);
            }
        } else {
            let p = t.pos.as_str();
            let has = |tag: &str| p.split('+').any(|x| x == tag);
            if has("VV")
                || has("VA")
                || has("XSV")
                || has("XSA")
                || has("VX")
                || has("VCP")
                || has("EP")
            {
                // A verb right after a noun: a predicate (중단됐다, 발생했다).
                verbal = true;
            }
            if has("ETM") {
                adnominal = true;
                verbal = true;
            }
            if has("EC") || has("EF") {
                connective = has("EC");
                verbal = true;
            }
        }
    }
    // Misparsed names (애/큐/온/저축/은행): a verb followed by more nouns is
    // part of the name, so only verbal material at the end counts.
    if let Some(last) = ts[..end].iter().rposition(is_nominal_tag)
        && ts[last + 1..end]
            .iter()
            .all(|t| is_function(&t.pos) || t.pos == "SSC")
    {
        verbal = false;
        adnominal = false;
        connective = false;
        stem_last = Some(last);
    }
    let mut deung = false;
    let mut stem_end_idx = stem_last.map(|k| k + 1).unwrap_or(0);
    if stem_end_idx > 0
        && ts[stem_end_idx - 1].surface(body) == "등"
        && ts[stem_end_idx - 1].pos.starts_with("NNB")
    {
        deung = true;
        list_sep = true;
        stem_end_idx -= 1;
    }
    // Leading quotes and markers.
    let mut start_idx = 0;
    while start_idx < stem_end_idx && matches!(ts[start_idx].pos.as_str(), "SY" | "SSO" | "SC") {
        start_idx += 1;
    }
    let stem = if start_idx < stem_end_idx {
        ts[start_idx].span.start..ts[stem_end_idx - 1].span.end
    } else {
        span.start..span.start
    };
    // Closing parenthesis right after the stem belongs to it ("애플리케이션(앱)").
    let stem = if stem_end_idx < ts.len() && ts[stem_end_idx].pos == "SSC" && !stem.is_empty() {
        stem.start..ts[stem_end_idx].span.end
    } else {
        stem
    };
    // A symbol glued to a Latin name is part of it (영웅문S#, LG U+, C++);
    // ko-dic may fuse it with a closing quote (#').
    let stem = match ts.get(stem_end_idx) {
        Some(t)
            if !stem.is_empty()
                && t.pos == "SY"
                && t.span.start == stem.end
                && ts[stem_end_idx - 1].pos_last() == "SL" =>
        {
            let sym = t.surface(body);
            let n = sym.len() - sym.trim_start_matches(['#', '+']).len();
            stem.start..stem.end + n
        }
        _ => stem,
    };
    // A lone 나 is the verb of "고장 나", "불이 나" that ko-dic reads as the
    // pronoun; a pronoun "I" is rare in news.
    let (verbal, connective) = if &body[span.clone()] == "나" {
        (true, true)
    } else {
        (verbal, connective)
    };
    let nominal = !stem.is_empty() && !verbal;
    Word {
        span,
        toks,
        stem,
        particle,
        list_sep,
        deung,
        nominal,
        verbal,
        adnominal,
        connective,
        sent,
    }
}

impl Word {
    /// A plain noun word read whole (a stem and its particles), for the
    /// names ko-dic misreads.
    fn noun(
        span: Range<usize>,
        toks: Range<usize>,
        stem: Range<usize>,
        particle: &str,
        list_sep: bool,
        sent: usize,
    ) -> Word {
        Word {
            span,
            toks,
            stem,
            particle: particle.to_string(),
            list_sep,
            deung: false,
            nominal: true,
            verbal: false,
            adnominal: false,
            connective: false,
            sent,
        }
    }

    /// The stem's text.
    pub fn stem<'a>(&self, body: &'a str) -> &'a str {
        &body[self.stem.clone()]
    }
    /// The word's text.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.span.clone()]
    }
}
