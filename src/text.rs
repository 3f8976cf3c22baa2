//! Normalization and sentence splitting.
//!
//! Stage 2 of the pipeline. The normalized body becomes
//! [`Article::body`](crate::Article::body), so every later span points into it.

use std::ops::Range;

/// Normalizes an article body: unifies line breaks and odd spaces, folds runs
/// of blanks inside a line, and drops empty lines.
pub(crate) fn normalize(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let mut folded = String::with_capacity(line.len());
        let mut blank = false;
        for c in line.chars() {
            let c = match c {
                '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{3000}' | '\t' => ' ',
                '\u{200B}' | '\u{FEFF}' => continue,
                c => c,
            };
            if c == ' ' {
                if !blank && !folded.is_empty() {
                    folded.push(' ');
                }
                blank = true;
            } else {
                folded.push(c);
                blank = false;
            }
        }
        let folded = folded.trim_end();
        if !folded.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(folded);
        }
    }
    out
}

/// Splits a normalized body into sentences, as byte ranges.
///
/// A sentence ends at a line break, or after `.`, `?`, `!` or `…` that is
/// followed by a space and not inside a number ("1.5", "2023.9.26") nor
/// before a closing quote.
pub(crate) fn sentences(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let slice = &body[s..e];
        let trimmed_start = s + (slice.len() - slice.trim_start().len());
        let trimmed_end = e - (slice.len() - slice.trim_end().len());
        if trimmed_start < trimmed_end {
            out.push(trimmed_start..trimmed_end);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                push(start, i, &mut out);
                start = i + 1;
            }
            b'.' | b'?' | b'!' => {
                // A terminator followed by closing quotes/brackets, then a space.
                let mut j = i + 1;
                while j < bytes.len() {
                    let rest = &body[j..];
                    let c = rest.chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '\'' | '”' | '’' | ')' | '」' | '』') {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                if j >= bytes.len() || bytes[j] == b' ' {
                    push(start, j, &mut out);
                    start = j;
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push(start, bytes.len(), &mut out);
    out
}

/// The longest sentence handed to the later stages, in bytes (real news
/// sentences stay under 600). Text without terminators (tables, hostile
/// input, a megabyte on one line) would otherwise make one huge "sentence",
/// and the incident stage's per-sentence work grows faster than linearly.
pub(crate) const MAX_SENTENCE_BYTES: usize = 2048;

/// Cuts sentences longer than [`MAX_SENTENCE_BYTES`] into pieces, at the
/// last space before the limit, else at the last morpheme start
/// (`token_starts`, sorted byte offsets), so no morpheme straddles two
/// sentences. A single morpheme longer than the limit stays whole.
pub(crate) fn bound_sentences(
    body: &str,
    sentences: Vec<Range<usize>>,
    token_starts: &[usize],
) -> Vec<Range<usize>> {
    if sentences.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE_BYTES {
            let limit = body.floor_char_boundary(start + MAX_SENTENCE_BYTES);
            let cut = match body[start..limit].rfind(' ') {
                Some(p) if p > 0 => start + p,
                _ => {
                    let k = token_starts.partition_point(|&t| t <= limit);
                    match token_starts[..k].last() {
                        Some(&t) if t > start => t,
                        // One morpheme longer than the limit: up to its end.
                        _ => match token_starts.get(k) {
                            Some(&t) if t < s.end => t,
                            _ => s.end,
                        },
                    }
                }
            };
            let piece = &body[start..cut];
            let trimmed = piece.trim_end();
            if !trimmed.is_empty() {
                out.push(start..start + trimmed.len());
            }
            start = cut + (body[cut..s.end].len() - body[cut..s.end].trim_start().len());
        }
        if start < s.end {
            out.push(start..s.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_numbers() {
        let body = "2023.9.26 화재가 났다. 1.5배 늘었다.\n\"복구했다.\" 그는 말했다";
        let s: Vec<&str> = sentences(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(
            s,
            vec![
                "2023.9.26 화재가 났다.",
                "1.5배 늘었다.",
                "\"복구했다.\"",
                "그는 말했다"
            ]
        );
    }

    #[test]
    fn bounds_long_sentences_at_spaces_then_morphemes() {
        let check = |body: &str, starts: &[usize]| {
            let whole: Vec<Range<usize>> = std::iter::once(0..body.len()).collect();
            let out = bound_sentences(body, whole, starts);
            for r in &out {
                assert!(
                    r.len() <= MAX_SENTENCE_BYTES
                        || !starts.iter().any(|&t| r.start < t && t < r.end)
                );
                assert!(!body[r.clone()].starts_with(' ') && !body[r.clone()].ends_with(' '));
            }
            assert_eq!(out.first().map(|r| r.start), Some(0));
            assert_eq!(out.last().map(|r| r.end), Some(body.len()));
            out
        };
        // Spaces: every cut is at one, nothing is lost but the spaces.
        let spaced = "장애 ".repeat(1_000);
        let spaced = spaced.trim_end();
        let out = check(spaced, &[]);
        assert!(out.len() > 1);
        let joined: usize = out.iter().map(|r| r.len()).sum();
        assert_eq!(joined + out.len() - 1, spaced.len());
        // No spaces: cuts fall on morpheme starts only.
        let glued = "장애".repeat(1_000);
        let starts: Vec<usize> = (0..1_000).map(|i| i * 6).collect();
        for r in check(&glued, &starts) {
            assert!(starts.contains(&r.start));
        }
        // One morpheme longer than the limit stays whole.
        let one = "a".repeat(3 * MAX_SENTENCE_BYTES);
        assert_eq!(check(&one, &[0]), vec![0..one.len()]);
    }

    #[test]
    fn normalizes_spaces() {
        assert_eq!(normalize(" a\u{00A0}\u{00A0}b \r\n\n\tc  "), "a b\nc");
    }
}
