//! Bytes to text.
//!
//! Order of trust: a byte-order mark, then (for HTML) the charset the page
//! declares in `<meta charset>`, `<meta http-equiv="Content-Type">` or an XML
//! declaration, then detection (chardetng, biased to Korean pages). A
//! declaration is checked against the bytes: Korean pages re-saved as UTF-8
//! often keep their old `euc-kr` declaration, and the reverse happens too.
//! Invalid sequences become U+FFFD and are reported as a warning.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use regex::bytes::Regex;

/// How far into a page the charset declaration is looked for. The HTML
/// standard says 1024 bytes; Korean portals often put long scripts first.
const PRESCAN: usize = 8192;

/// Decoded text and what was learned on the way.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// The encoding used (checked by tests; handy when debugging).
    #[allow(dead_code)]
    pub encoding: &'static Encoding,
    pub warnings: Vec<String>,
}

/// Names the kind of a binary (non-text) input, if it is one.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"%PDF-", "a PDF document"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"RIFF", "a RIFF media file"),
        (b"\x7fELF", "an executable"),
        (b"MZ", "an executable"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    if Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return None;
    }
    // Text never holds NUL or many C0 controls; binary data does.
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)))
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Some("binary data");
    }
    None
}

/// UTF-16 without a BOM shows as ASCII with every other byte NUL.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset an HTML page declares in its first bytes.
pub(crate) fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_.:-]+)"#,
        )
        .expect("static regex")
    });
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let caps = META.captures(head)?;
    let label = caps.get(1).or_else(|| caps.get(2))?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // A page cannot declare UTF-16 in markup it could not have parsed
    // (HTML standard, "prescan a byte stream").
    if enc == UTF_16LE || enc == UTF_16BE {
        Some(UTF_8)
    } else {
        Some(enc)
    }
}

/// Detects the encoding of undeclared or wrongly declared bytes. Korean
/// pages are UTF-8 or EUC-KR (CP949) in the vast majority: EUC-KR is
/// tried first and kept when it decodes without a single error (Latin or
/// Japanese legacy text almost never does); otherwise chardetng decides,
/// with the Korean top-level domain as its hint.
fn detect(bytes: &[u8]) -> &'static Encoding {
    if encoding_rs::EUC_KR
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
    {
        return encoding_rs::EUC_KR;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(Some(b"kr"), true)
}

fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, bool) {
    if enc == UTF_8
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return (text.to_owned(), false);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), had_errors)
}

/// Whether invalid UTF-8 is still mostly UTF-8: many well-formed multi-byte
/// characters, few broken sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{FFFD}' => bad += 1,
            c if !c.is_ascii() => good += 1,
            _ => {}
        }
    }
    good >= 4 && bad * 20 <= good
}

fn replaced(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// Decodes a document's bytes; `html` enables looking for a declared charset.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Decoded {
    let mut warnings = Vec::new();
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, errors) = decode_with(&bytes[bom..], enc);
        if errors {
            warnings.push(invalid_warning(&text, enc));
        }
        return Decoded {
            text,
            encoding: enc,
            warnings,
        };
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, errors) = decode_with(bytes, enc);
        if errors {
            warnings.push(invalid_warning(&text, enc));
        }
        return Decoded {
            text,
            encoding: enc,
            warnings,
        };
    }
    let is_utf8 = std::str::from_utf8(bytes).is_ok();
    let declared = if html { declared(bytes) } else { None };
    if !is_utf8 && declared.is_none_or(|d| d == UTF_8) && mostly_utf8(bytes) {
        // A UTF-8 page with a few broken sequences (a truncated file, a
        // bad splice): keep it UTF-8 rather than guess a legacy encoding.
        let (text, _) = decode_with(bytes, UTF_8);
        warnings.push(invalid_warning(&text, UTF_8));
        return Decoded {
            text,
            encoding: UTF_8,
            warnings,
        };
    }
    let enc = match declared {
        Some(d) if d == UTF_8 && is_utf8 => UTF_8,
        Some(d) if d != UTF_8 && is_utf8 && !bytes.is_ascii() => {
            warnings.push(format!(
                "the page declares {} but is UTF-8; read as UTF-8",
                d.name()
            ));
            UTF_8
        }
        Some(d) => {
            let (text, errors) = decode_with(bytes, d);
            if !errors {
                return Decoded {
                    text,
                    encoding: d,
                    warnings,
                };
            }
            let guess = detect(bytes);
            if guess != d {
                let (gtext, gerrors) = decode_with(bytes, guess);
                if !gerrors || replaced(&gtext) * 4 < replaced(&text) {
                    warnings.push(format!(
                        "the page declares {} but its bytes are {}; read as {}",
                        d.name(),
                        guess.name(),
                        guess.name()
                    ));
                    if gerrors {
                        warnings.push(invalid_warning(&gtext, guess));
                    }
                    return Decoded {
                        text: gtext,
                        encoding: guess,
                        warnings,
                    };
                }
            }
            warnings.push(invalid_warning(&text, d));
            return Decoded {
                text,
                encoding: d,
                warnings,
            };
        }
        None if is_utf8 => UTF_8,
        None => detect(bytes),
    };
    let (text, errors) = decode_with(bytes, enc);
    if errors {
        warnings.push(invalid_warning(&text, enc));
    }
    Decoded {
        text,
        encoding: enc,
        warnings,
    }
}

fn invalid_warning(text: &str, enc: &'static Encoding) -> String {
    format!(
        "{} invalid {} byte sequence(s) replaced with U+FFFD",
        replaced(text),
        enc.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::EUC_KR;

    fn euc_kr(s: &str) -> Vec<u8> {
        EUC_KR.encode(s).0.into_owned()
    }

    #[test]
    fn reads_declared_euc_kr() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><body>".to_vec();
        page.extend(euc_kr("전산망 장애가 발생했다."));
        let d = decode(&page, true);
        assert_eq!(d.encoding, EUC_KR);
        assert!(d.text.contains("전산망 장애가 발생했다."));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn detects_undeclared_euc_kr() {
        let bytes = euc_kr("카카오톡 서비스가 10시간 넘게 멈췄다. 데이터센터 화재가 원인이었다.");
        let d = decode(&bytes, false);
        assert_eq!(d.encoding, EUC_KR);
        assert!(d.text.contains("데이터센터 화재"));
    }

    #[test]
    fn sees_through_a_lying_declaration() {
        let mut page = b"<meta charset=\"euc-kr\"><p>".to_vec();
        page.extend("정부24 접속이 중단됐다.".as_bytes());
        let d = decode(&page, true);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("정부24 접속이 중단됐다."));
        assert_eq!(d.warnings.len(), 1);

        let mut page = b"<meta charset=\"utf-8\"><p>".to_vec();
        page.extend(euc_kr(
            "조달청 나라장터 접속이 한 시간 동안 중단됐다. 입찰 마감이 연기됐다.",
        ));
        let d = decode(&page, true);
        assert_eq!(d.encoding, EUC_KR);
        assert!(d.text.contains("나라장터"));
        assert!(!d.warnings.is_empty());
    }

    #[test]
    fn reports_invalid_sequences() {
        let mut bytes = "장애 복구 작업이 이어졌다".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend("오후에 모든 서비스가 정상화됐다".as_bytes());
        let d = decode(&bytes, false);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.starts_with("장애 복구 작업이 이어졌다\u{FFFD}오후"));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn reads_utf16_with_and_without_bom() {
        let s = "모바일 신분증 장애";
        let mut le = vec![0xff, 0xfe];
        for u in s.encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le, false).text, s);
        let ascii = "<p>outage report</p>";
        let be: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert!(binary_kind(&be).is_none());
        assert_eq!(decode(&be, true).text, ascii);
    }

    #[test]
    fn names_binary_inputs() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n...."), Some("a PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.4\n"), Some("a PDF document"));
        assert_eq!(binary_kind("평문이다.".as_bytes()), None);
        assert_eq!(binary_kind(b"ab\0cd\0\x01\x02\x03"), Some("binary data"));
    }
}
