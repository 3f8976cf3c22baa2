//! Morphological analysis: lindera with the embedded Korean dictionary (ko-dic).
//!
//! The analyser is built once (about 0.1 s) and shared; tokenizing is the
//! slowest stage of the pipeline, so everything downstream works on the
//! compact [`Token`]s produced here rather than calling lindera again.

use std::borrow::Cow;
use std::ops::Range;

use lindera::dictionary::load_dictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;

use crate::error::{Error, Result};

/// One morpheme with its part of speech and its byte span in the analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Half-open byte range into the text that was analysed.
    pub span: Range<usize>,
    /// The ko-dic (Sejong-style) part-of-speech tag, e.g. `NNG`, `NNP`, `SN`,
    /// `JKS`, `VV`. For a compound analysis (`NNG+NNG`, `VV+EP`) this is the
    /// full tag; [`Token::pos_first`] and [`Token::pos_last`] give its ends.
    pub pos: String,
    /// The lemma/expression field for compound entries (ko-dic's 8th field),
    /// e.g. `중단/NNG/*+되/XSV/*`; empty when the entry is a single morpheme.
    pub expression: String,
}

impl Token {
    /// The first tag of a compound tag (`VV` for `VV+EP`).
    pub fn pos_first(&self) -> &str {
        self.pos.split('+').next().unwrap_or("")
    }

    /// The last tag of a compound tag (`EP` for `VV+EP`).
    pub fn pos_last(&self) -> &str {
        self.pos.rsplit('+').next().unwrap_or("")
    }

    /// Whether any part of the (possibly compound) tag is `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.pos.split('+').any(|x| x == tag)
    }

    /// The token's text in `text` (the string that was analysed).
    pub fn surface<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.clone()]
    }

    /// The morphemes of the token as (form, tag) pairs: the parts of a
    /// compound analysis ("되/XSV/*+ᆫ다고/EC/*" → (되, XSV), (ᆫ다고, EC)), or
    /// the surface and tag of a single morpheme.
    pub fn parts<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + Clone {
        let single = self
            .expression
            .is_empty()
            .then(|| (self.surface(text), self.pos.as_str()));
        let compound = self
            .expression
            .split('+')
            .filter(|p| !p.is_empty())
            .filter_map(|p| {
                let mut it = p.split('/');
                Some((it.next()?, it.next()?))
            });
        single.into_iter().chain(compound)
    }

    /// Whether the token ends a clause in the non-past declarative, plain or
    /// quoted (멈춘다, 중단된다고, 한다며, 된다는; not the conditional 된다면).
    pub fn non_past_ending(&self, text: &str) -> bool {
        self.parts(text).any(|(form, tag)| {
            matches!(tag, "EF" | "EC" | "ETM")
                && ["ᆫ다", "는다"].iter().any(|e| {
                    form.strip_prefix(e)
                        .is_some_and(|rest| matches!(rest, "" | "고" | "며" | "는"))
                })
        })
    }

    /// A noun of any kind (NNG, NNP, NNB, NR, NP) or a foreign/number part
    /// that names things (SL, SN, SH).
    pub fn is_nominal(&self) -> bool {
        matches!(
            self.pos_first(),
            "NNG" | "NNP" | "NNB" | "NNBC" | "NR" | "NP" | "SL" | "SN" | "SH"
        )
    }
}

/// The Korean morphological analyser.
pub struct Analyzer {
    segmenter: Segmenter,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").finish_non_exhaustive()
    }
}

impl Analyzer {
    /// Loads the embedded ko-dic dictionary.
    pub fn new() -> Result<Self> {
        let dictionary =
            load_dictionary("embedded://ko-dic").map_err(|e| Error::Morphology(e.to_string()))?;
        let segmenter = Segmenter::new(Mode::Normal, dictionary, None);
        Ok(Self { segmenter })
    }

    /// Tokenizes `text`; spans are byte offsets into `text`.
    pub fn analyze(&self, text: &str) -> Result<Vec<Token>> {
        let tokens = self
            .segmenter
            .segment(Cow::Borrowed(text))
            .map_err(|e| Error::Morphology(e.to_string()))?;
        let mut out = Vec::with_capacity(tokens.len());
        // lindera pads a short entry with "*" up to the schema's width, so a
        // missing POS reads "*" when the schema has fields, "UNK" otherwise.
        let missing_pos = match tokens.first() {
            Some(t)
                if t.dictionary
                    .metadata
                    .dictionary_schema
                    .get_custom_fields()
                    .is_empty() =>
            {
                "UNK"
            }
            _ => "*",
        };
        for t in &tokens {
            // Read the two fields we need straight from the dictionary's
            // bytes: `Token::get_detail` would first materialise (and pad) a
            // vector of every field, one allocation per token.
            let id = t.word_id.id() as usize;
            let mut fields = if t.word_id.is_unknown() {
                Some(t.dictionary.unknown_word_details_iter(id))
            } else if t.word_id.is_system() {
                Some(t.dictionary.word_details_iter(id))
            } else {
                None
            };
            let (pos, expression) = match fields.as_mut() {
                Some(f) => (f.next().unwrap_or(missing_pos), f.nth(6).unwrap_or("*")),
                // No user dictionary is configured; lindera's answer for a
                // user word without one is its UNK sentinel.
                None => ("UNK", "*"),
            };
            out.push(Token {
                span: t.byte_start..t.byte_end,
                pos: pos.to_owned(),
                expression: if expression == "*" {
                    String::new()
                } else {
                    expression.to_owned()
                },
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new().unwrap());

    #[test]
    fn spans_and_tags() {
        let text = "정부24 서비스가 중단됐다.";
        let tokens = ANALYZER.analyze(text).unwrap();
        for t in &tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        let ga = tokens.iter().find(|t| t.surface(text) == "가").unwrap();
        assert_eq!(ga.pos, "JKS");
        assert!(
            tokens
                .iter()
                .any(|t| t.surface(text) == "24" && t.pos == "SN")
        );
    }

    #[test]
    fn non_past_endings() {
        for (text, want) in [
            ("서비스를 멈춘다.", true),
            ("이용이 중단된다고 밝혔다.", true),
            ("점검을 진행한다며 양해를 구했다.", true),
            ("서비스가 중단된다는 공지", true),
            ("서비스가 중단된다면 곤란하다.", false),
            ("서비스가 멈췄다.", false),
            ("복구 작업이 진행 중이다.", false),
        ] {
            let tokens = ANALYZER.analyze(text).unwrap();
            // the first predicate of the sentence
            let got = tokens
                .iter()
                .find(|t| {
                    t.parts(text)
                        .any(|(_, tag)| matches!(tag, "EF" | "EC" | "ETM"))
                })
                .is_some_and(|t| t.non_past_ending(text));
            assert_eq!(got, want, "{text}");
        }
    }
}
