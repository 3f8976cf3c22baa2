//! Korean numbers: digits with separators, Sino-Korean (일·이·삼…), native
//! (하나·둘·셋…, 한·두·세·네·스무 before counters) and mixed digit-unit forms
//! (3천420억, 1천7백, 2만 5천).
//!
//! Every reader here works at a byte offset of a `&str`, never allocates and
//! stops after a bounded amount of look-ahead beyond the number itself, so the
//! scanner that calls it stays linear.

/// A number read at some offset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    /// The value.
    pub value: f64,
    /// Byte offset just after the number.
    pub end: usize,
    /// Written with ASCII digits (at least partly).
    pub digits: bool,
    /// Number of Hangul syllables used.
    pub syllables: usize,
    /// Native Korean (하나, 두, 스무…) rather than Sino-Korean or digits.
    pub native: bool,
    /// Has a fractional part.
    pub float: bool,
    /// Count of ASCII digits in the leading digit run (for years: 2 vs 4).
    pub lead_digits: usize,
}

/// The char at byte offset `i` (None at the end or off a boundary).
#[inline]
pub(crate) fn ch(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// Sino-Korean digit 1-9.
fn sino_digit(c: char) -> Option<u32> {
    Some(match c {
        '일' => 1,
        '이' => 2,
        '삼' => 3,
        '사' => 4,
        '오' => 5,
        '육' | '륙' => 6,
        '칠' => 7,
        '팔' => 8,
        '구' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '십' => 10,
        '백' => 100,
        '천' => 1000,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '만' => 1e4,
        '억' => 1e8,
        '조' => 1e12,
        _ => return None,
    })
}

/// Reads an ASCII digit run with optional thousands separators and decimal
/// part. Returns (value, end, lead digit count, float).
fn digit_run(s: &str, i: usize) -> Option<(f64, usize, usize, bool)> {
    let b = s.as_bytes();
    let mut j = i;
    let mut int: f64 = 0.0;
    let mut count = 0usize;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            int = int * 10.0 + f64::from(c - b'0');
            count += 1;
            j += 1;
        } else if c == b','
            && count > 0
            && b.get(j + 1..j + 4)
                .is_some_and(|t| t.iter().all(u8::is_ascii_digit))
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            // thousands separator: exactly three digits follow
            j += 1;
        } else {
            break;
        }
    }
    if count == 0 {
        return None;
    }
    let lead = count;
    let mut float = false;
    let mut value = int;
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        // Only a decimal when it is not a date like 2023.9.26 (a second dot).
        let mut k = j + 1;
        let mut frac = 0.0;
        let mut scale = 0.1;
        while k < b.len() && b[k].is_ascii_digit() {
            frac += f64::from(b[k] - b'0') * scale;
            scale /= 10.0;
            k += 1;
        }
        let dated = b.get(k) == Some(&b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit);
        if !dated {
            value += frac;
            float = true;
            j = k;
        }
    }
    Some((value, j, lead, float))
}

/// Native Korean numbers: tens word then unit word, with attributive forms.
fn native(s: &str, i: usize) -> Option<(f64, usize)> {
    const TENS: [(&str, u32); 9] = [
        ("스물", 20),
        ("스무", 20),
        ("서른", 30),
        ("마흔", 40),
        ("예순", 60),
        ("일흔", 70),
        ("여든", 80),
        ("아흔", 90),
        ("열", 10),
    ];
    const UNITS: [(&str, u32); 14] = [
        ("하나", 1),
        ("다섯", 5),
        ("여섯", 6),
        ("일곱", 7),
        ("여덟", 8),
        ("아홉", 9),
        ("둘", 2),
        ("셋", 3),
        ("넷", 4),
        ("한", 1),
        ("두", 2),
        ("세", 3),
        ("석", 3),
        ("네", 4),
    ];
    let rest = s.get(i..)?;
    let mut value = 0u32;
    let mut j = i;
    let mut tens_word = "";
    for (w, v) in TENS {
        if rest.starts_with(w) {
            // 쉰 handled below; 스무 cannot take a unit.
            value = v;
            j += w.len();
            tens_word = w;
            break;
        }
    }
    if tens_word.is_empty() && rest.starts_with("쉰") {
        value = 50;
        j += "쉰".len();
        tens_word = "쉰";
    }
    if tens_word != "스무" {
        let r2 = &s[j..];
        for (w, v) in UNITS {
            if r2.starts_with(w) {
                value += v;
                j += w.len();
                break;
            }
        }
    }
    if j == i {
        None
    } else {
        Some((f64::from(value), j))
    }
}

/// Sino-Korean and mixed digit/unit number below 10,000 ("삼천사백", "3천420",
/// "천칠백"). Returns (value, end, used_digits, syllables).
fn small(s: &str, i: usize) -> Option<(f64, usize, bool, usize, usize)> {
    let mut j = i;
    let mut total = 0.0;
    let mut digits = false;
    let mut syl = 0;
    let mut lead = 0;
    let mut last_unit = u32::MAX;
    let mut any = false;
    loop {
        // optional coefficient
        let mut coef: Option<(f64, usize)> = None;
        if let Some((v, e, l, f)) = digit_run(s, j) {
            if f {
                // a decimal may only end the number, or precede a big unit
                return Some((total + v, e, true, syl, if any { lead } else { l }));
            }
            coef = Some((v, e));
            digits = true;
            if !any {
                lead = l;
            }
        } else if let Some(c) = ch(s, j)
            && let Some(d) = sino_digit(c)
        {
            coef = Some((f64::from(d), j + c.len_utf8()));
        }
        let after = coef.map_or(j, |c| c.1);
        match ch(s, after).and_then(small_unit) {
            Some(u) if u < last_unit => {
                let c = coef.map_or(1.0, |c| c.0);
                if coef.is_some_and(|_| digits && ch(s, j).is_some_and(|c| c.is_ascii_digit()))
                    && c >= 10.0
                {
                    // "12천" is not a number
                    return None;
                }
                if coef.is_some() && !ch(s, j).is_some_and(|c| c.is_ascii_digit()) {
                    syl += 1;
                }
                syl += 1;
                total += c * f64::from(u);
                last_unit = u;
                j = after + '십'.len_utf8();
                any = true;
            }
            _ => {
                if let Some((v, e)) = coef {
                    if !ch(s, j).is_some_and(|c| c.is_ascii_digit()) {
                        syl += 1;
                    }
                    // digits after a unit must be smaller than it
                    if any && v >= f64::from(last_unit) {
                        return Some((total, j, digits, syl - 1, lead));
                    }
                    total += v;
                    j = e;
                    any = true;
                }
                break;
            }
        }
    }
    if any {
        Some((total, j, digits, syl, lead))
    } else {
        None
    }
}

/// Reads a cardinal number (digits, Sino-Korean, native, or mixed) at `i`.
/// Does not read signs or fractions (see [`whole`]).
pub(crate) fn number_at(s: &str, i: usize) -> Option<Num> {
    let mut best: Option<Num> = None;
    // Sino / digit with big units.
    let mut j = i;
    let mut total = 0.0;
    let mut any = false;
    let mut digits = false;
    let mut syl = 0;
    let mut lead = 0;
    let mut float = false;
    let mut last_big = f64::MAX;
    loop {
        let sm = small(s, j);
        let after = sm.map_or(j, |x| x.1);
        let big = ch(s, after).and_then(big_unit);
        match (sm, big) {
            (sm, Some(u)) if u < last_big && (sm.is_some() || after == j) => {
                let c = sm.map_or(1.0, |x| x.0);
                if let Some(x) = sm {
                    digits |= x.2;
                    syl += x.3;
                    if !any {
                        lead = x.4;
                    }
                    float |= c.fract() != 0.0;
                }
                syl += 1;
                total += c * u;
                last_big = u;
                j = after + '만'.len_utf8();
                any = true;
                // "2만 5천": one space may separate groups.
                if s.as_bytes().get(j) == Some(&b' ')
                    && let Some(x) = small(s, j + 1)
                    && x.0 < u
                    && (ch(s, x.1).and_then(big_unit).is_some_and(|b| b < u)
                        || s[..x.1].chars().next_back().and_then(small_unit).is_some())
                {
                    j += 1;
                }
            }
            (Some(x), _) => {
                if any && x.0 >= last_big {
                    break;
                }
                total += x.0;
                digits |= x.2;
                syl += x.3;
                if !any {
                    lead = x.4;
                }
                float |= x.0.fract() != 0.0;
                j = x.1;
                any = true;
                break;
            }
            _ => break,
        }
    }
    // 십하나: a Sino ten followed by a native unit
    if any
        && !digits
        && total < 100.0
        && total % 10.0 == 0.0
        && total > 0.0
        && let Some((v, e)) = native(s, j)
        && v < 10.0
    {
        total += v;
        syl += s[j..e].chars().count();
        j = e;
    }
    if any {
        // Sino decimal: 삼점사, 사천백이십삼점삼
        if !digits
            && let Some(c) = ch(s, j)
            && (c == '점' || c == '쩜')
        {
            let mut k = j + c.len_utf8();
            let mut frac = 0.0;
            let mut scale = 0.1;
            let mut n = 0;
            while let Some(d) = ch(s, k).and_then(|c| {
                if c == '영' || c == '공' {
                    Some(0)
                } else {
                    sino_digit(c)
                }
            }) {
                frac += f64::from(d) * scale;
                scale /= 10.0;
                k += '일'.len_utf8();
                n += 1;
            }
            if n > 0 {
                total += frac;
                j = k;
                syl += n + 1;
                float = true;
            }
        }
        best = Some(Num {
            value: total,
            end: j,
            digits,
            syllables: syl,
            native: false,
            float,
            lead_digits: lead,
        });
    }
    if let Some((v, e)) = native(s, i)
        && best.is_none_or(|b| e > b.end)
    {
        best = Some(Num {
            value: v,
            end: e,
            digits: false,
            syllables: s[i..e].chars().count(),
            native: true,
            float: false,
            lead_digits: 0,
        });
    }
    best
}

/// Reads `text` (trimmed) as one number: digits with separators (1,600,
/// 1.5), Sino-Korean (삼천사백), native (서른다섯, 쉰두), mixed forms
/// (3천420억, 2만 5천), Sino decimals (삼점사), signs (+, -, 마이너스), zero
/// words (영, 빵, 공), digit fractions (3/4) and Korean fractions (사분의삼).
/// Returns None unless the whole text is a number.
///
/// ```
/// assert_eq!(jangae::temporal::parse_number("3천420억"), Some(342_000_000_000.0));
/// assert_eq!(jangae::temporal::parse_number("사분의삼"), Some(0.75));
/// assert_eq!(jangae::temporal::parse_number("사이"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let (sign, rest) = if let Some(r) = t
        .strip_prefix("마이너스")
        .or_else(|| t.strip_prefix("마이나스"))
    {
        (-1.0, r.trim_start())
    } else if let Some(r) = t.strip_prefix('-') {
        (-1.0, r)
    } else if let Some(r) = t.strip_prefix('+') {
        (1.0, r)
    } else {
        (1.0, t)
    };
    if matches!(rest, "영" | "빵" | "공") {
        return Some(0.0);
    }
    if let Some((den, num)) = rest.split_once("분의") {
        let d = whole_unsigned(den)?;
        let n = whole_unsigned(num)?;
        return (d != 0.0).then(|| sign * n / d);
    }
    if let Some((n, d)) = rest.split_once('/') {
        let n = whole_unsigned(n)?;
        let d = whole_unsigned(d)?;
        return (d != 0.0).then(|| sign * n / d);
    }
    whole_unsigned(rest).map(|v| sign * v)
}

fn whole_unsigned(t: &str) -> Option<f64> {
    let n = number_at(t, 0)?;
    (n.end == t.len()).then_some(n.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<f64> {
        parse_number(s)
    }

    #[test]
    fn reads_numbers() {
        assert_eq!(n("1,600"), Some(1600.0));
        assert_eq!(n("1.5"), Some(1.5));
        assert_eq!(n("3천420억"), Some(342_000_000_000.0));
        assert_eq!(n("1천7백"), Some(1700.0));
        assert_eq!(n("2만 5천"), Some(25000.0));
        assert_eq!(n("오십팔만천구백"), Some(581_900.0));
        assert_eq!(
            n("칠천십이억삼천구백팔십만천백이십삼"),
            Some(701_239_801_123.0)
        );
        assert_eq!(n("일억이"), Some(100_000_002.0));
        assert_eq!(n("쉰두"), Some(52.0));
        assert_eq!(n("열한"), Some(11.0));
        assert_eq!(n("스물"), Some(20.0));
        assert_eq!(n("삼점사"), Some(3.4));
        assert_eq!(n("사분의삼"), Some(0.75));
        assert_eq!(n("마이너스 3"), Some(-3.0));
        assert_eq!(n("사이"), None);
        assert_eq!(n("일이"), None);
    }
}
