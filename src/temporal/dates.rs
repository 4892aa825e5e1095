//! Dates: day, month and year in each language's grammar, ranges, ordinals.

use super::*;
use crate::locale::{self, Folded, Locale, NameKind};
use jiff::civil::Date;
use regex::Regex;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub(super) struct RawDate {
    fs: usize,
    fe: usize,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    weekday: Option<(u8, usize, usize)>,
    year_end: Option<i32>,
    day_end: Option<u8>,
}

/// Like [`extract_dates`] with any locale (e.g. one extended by user config).
/// Dates, times and numbers of one text, folding it once.
pub fn extract_all_with(
    l: &Locale,
    text: &str,
    taken: &[(usize, usize)],
) -> (Vec<DateAnchor>, Vec<TimeAnchor>, Vec<NumberAnchor>) {
    let folded = Folded::new(text);
    // URLs and e-mails hold no date, time or number: found once for the three readers.
    let urls = url_spans(&folded.text);
    // Where the date and the time words start, found in one pass for both readers.
    let words = patterns(l).both.as_ref().and_then(|b| b.hits(&folded.text));
    let (date_words, time_words) = words.as_ref().map(|(d, t)| (d.as_slice(), t.as_slice())).unzip();
    let dates = dates_in(l, text, &folded, &urls, date_words);
    let times = times_in(l, text, &folded, &urls, time_words);
    let mut used: Vec<(usize, usize)> = taken.to_vec();
    used.extend(dates.iter().map(|d| (d.start, d.end)));
    used.extend(times.iter().map(|t| (t.start, t.end)));
    let numbers = numbers_in(l, text, &folded, &used, &urls);
    (dates, times, numbers)
}

pub fn extract_dates_with(l: &Locale, text: &str) -> Vec<DateAnchor> {
    let folded = Folded::new(text);
    dates_in(l, text, &folded, &url_spans(&folded.text), None)
}

/// The dates of `text`; `words`: where the month words start in the folded text, when
/// already found (see [`super::front::Both`]).
pub(super) fn dates_in(
    l: &Locale,
    text: &str,
    folded: &Folded,
    urls: &[(usize, usize)],
    words: Option<&[usize]>,
) -> Vec<DateAnchor> {
    let f = folded.text.as_str();
    let p = patterns(l);
    let lx = l.lexicon();
    let mut found: Vec<RawDate> = Vec::new();
    // Spans that looked like dates but were invalid ("31 February 2022").
    let mut blocked: Vec<(usize, usize)> = Vec::new();

    // 1. Dates with month names.
    let starts = p.date_front.windows_given(f, true, words);
    scan_within(&p.date, f, starts.as_deref(), |c| {
        let Some((gs, ge)) = group_span(c, &["wd", "d1", "m1", "y1", "d2", "m2", "y2", "y3"]) else {
            return c.get(0).map_or(0, |m| m.end());
        };
        if hits(urls, gs, ge) {
            return ge;
        }
        let (mg, dg, yg) = if c.name("m1").is_some() {
            ("m1", "d1", "y1")
        } else if c.name("d2").is_some() {
            ("m2", "d2", "y2")
        } else if c.name("y3").is_some() {
            ("m2", "", "y3")
        } else {
            ("m2", "", "")
        };
        let Some(mm) = c.name(mg) else { return ge };
        // UN style "آذار/مارس": one month, read from the first name.
        let mut parts = mm.as_str().split('/').map(|s| {
            let k = locale::key(s);
            lx.months.get(k.trim_end_matches('.')).copied()
        });
        let Some(Some((month, kind))) = parts.next() else {
            return ge;
        };
        let second = parts.next().flatten();
        let (month_end, kind) = match second {
            Some((m2, k2)) if m2 == month => (mm.end(), if kind == NameKind::Full { kind } else { k2 }),
            _ => {
                let first_len = mm.as_str().split('/').next().map_or(0, |s| s.trim_end().len());
                (mm.start() + first_len, kind)
            }
        };
        let year = c.name(yg).and_then(|m| m.as_str().parse::<i32>().ok());
        let day = num(c, dg);
        let weekday = c.name("wd").and_then(|w| {
            let k = locale::key(w.as_str());
            lx.weekdays.get(k.trim_end_matches('.')).map(|v| (v.0, w.start(), w.end()))
        });
        if day.is_none() && year.is_none() {
            // A month alone.
            if !bare_month_ok(l, p, folded, text, mm.start(), month_end, kind) {
                return mm.start() + 1;
            }
        }
        if let Some(dv) = day {
            if dv == 0 || dv > days_in_month(year, month) as u32 {
                blocked.push((gs, ge));
                return ge;
            }
        }
        let with_day = day.is_some();
        let fs = match (&weekday, with_day) {
            (Some(w), true) => w.1,
            _ => c.name(dg).map_or(mm.start(), |m| m.start().min(mm.start())),
        };
        // "November 3rd": the day (with its suffix) ends the date.
        let day_end = dg
            .get(1..)
            .and_then(|n| n.parse().ok())
            .and_then(|n| c.name_n("ds", n))
            .or_else(|| c.name(dg))
            .map(|m| m.end());
        let fe = match (c.name(yg), day_end) {
            (Some(y), _) if year.is_some() => y.end(),
            (_, Some(de)) if dg == "d2" => de.max(month_end),
            _ => month_end,
        };
        found.push(RawDate {
            fs,
            fe,
            year,
            month: Some(month),
            day: day.map(|d| d as u8),
            weekday: if with_day { weekday } else { None },
            year_end: None,
            day_end: None,
        });
        fe
    });

    // 2. Numeric dates: 30/11/2022, 30.11.2022, 2022-11-30.
    let busy = merged(found.iter().map(|r| (r.fs, r.fe)).chain(blocked.iter().copied()).collect());
    let (numeric_starts, year_starts) = front::date_digit_windows(f);
    scan_within(numeric_date_pattern(), f, Some(&numeric_starts), |c| {
        let Some((gs, ge)) = group_span(c, &["a", "y", "iy", "id"]) else {
            return c.get(0).map_or(0, |m| m.end());
        };
        if hits(urls, gs, ge) || hits(&busy, gs, ge) || decimal_follows(f, ge) {
            return ge;
        }
        let (y, m, d) = if let Some(y) = num(c, "y") {
            if c.name("s1").map(|m| m.as_str()) != c.name("s2").map(|m| m.as_str()) {
                return ge;
            }
            let (a, b) = (num(c, "a").unwrap_or(0), num(c, "b").unwrap_or(0));
            if p.us_numeric && a <= 12 && b > 12 {
                (y, a, b)
            } else {
                (y, b, a)
            }
        } else {
            if c.name("s3").map(|m| m.as_str()) != c.name("s4").map(|m| m.as_str()) {
                return ge;
            }
            (num(c, "iy").unwrap_or(0), num(c, "im").unwrap_or(0), num(c, "id").unwrap_or(0))
        };
        if y > 9999 || m > 12 || d > 31 || Date::new(y as i16, m as i8, d as i8).is_err() {
            blocked.push((gs, ge));
            return ge;
        }
        found.push(RawDate {
            fs: gs,
            fe: ge,
            year: Some(y as i32),
            month: Some(m as u8),
            day: Some(d as u8),
            weekday: None,
            year_end: None,
            day_end: None,
        });
        ge
    });

    // 3. Years alone and year ranges.
    let busy = merged(found.iter().map(|r| (r.fs, r.fe)).chain(blocked.iter().copied()).collect());
    scan_within(year_pattern(), f, Some(&year_starts), |c| {
        let Some(ym) = c.name("y") else {
            return c.get(0).map_or(0, |m| m.end());
        };
        let (gs, mut ge) = (ym.start(), ym.end());
        let y: i32 = ym.as_str().parse().unwrap_or(0);
        let mut year_end = None;
        if let Some(y2m) = c.name("y2") {
            let s = y2m.as_str();
            let y2: i32 = if s.len() == 2 {
                y / 100 * 100 + s.parse::<i32>().unwrap_or(0)
            } else {
                s.parse().unwrap_or(0)
            };
            if y2 > y {
                year_end = Some(y2);
                ge = y2m.end();
            } else {
                return y2m.end();
            }
        }
        if hits(urls, gs, ge) || hits(&busy, gs, ge) || decimal_follows(f, ge) {
            return ge;
        }
        found.push(RawDate {
            fs: gs,
            fe: ge,
            year: Some(y),
            month: None,
            day: None,
            weekday: None,
            year_end,
            day_end: None,
        });
        ge
    });

    // 3b. Day ranges ("1-3 November 2022", "du 1er au 3 novembre") and days written as
    // ordinal words ("الخامس من نوفمبر 2022").
    for r in found.iter_mut() {
        let before = f.get(..r.fs).unwrap_or("");
        let in_chars = |v: &[char], c: char| v.contains(&c) || c.is_whitespace();
        let day_range = || p.day_range.captures_suffix(before, |c| in_chars(&p.day_range_chars, c));
        let day_word = || {
            p.day_word.captures_suffix(before, |c| {
                regex_syntax::is_word_character(c) || in_chars(&p.day_word_chars, c)
            })
        };
        if let (Some(d2), Some(c)) = (r.day, r.day.and_then(|_| day_range())) {
            let d1 = c.name("d").and_then(|m| m.as_str().parse::<u8>().ok()).unwrap_or(0);
            if (1..d2).contains(&d1) {
                r.fs = c.name("d").map_or(r.fs, |m| m.start());
                r.day_end = Some(d2);
                r.day = Some(d1);
                r.weekday = None;
            }
        } else if r.day.is_none() && r.month.is_some() {
            if let Some(w) = day_word().and_then(|c| c.name("w")) {
                let max = r.month.map_or(31, |m| days_in_month(r.year, m));
                if let Some(&(v, true)) = lx.numbers.get(locale::key(w.as_str()).as_str()) {
                    if (1..=max as u32).contains(&v) {
                        r.fs = w.start();
                        r.day = Some(v as u8);
                    }
                }
            }
        }
    }
    found.sort_by_key(|r| r.fs);
    // 4. "from November 2019 to 2023": a dated anchor + a later year alone.
    let mut merged: Vec<RawDate> = Vec::with_capacity(found.len());
    for r in found {
        if let Some(prev) = merged.last_mut() {
            let year_only = r.month.is_none() && r.day.is_none() && r.year_end.is_none();
            if year_only
                && prev.year_end.is_none()
                && prev.day.is_none()
                && prev.year.is_some_and(|py| r.year.is_some_and(|y| y > py))
                && prev.fe <= r.fs
                && f.get(prev.fe..r.fs).is_some_and(|g| p.range_gap.is_match(g))
            {
                prev.year_end = r.year;
                prev.fe = r.fe;
                continue;
            }
        }
        merged.push(r);
    }
    merged
        .into_iter()
        .map(|r| {
            let (start, end) = folded.span(r.fs, r.fe);
            DateAnchor {
                start,
                end,
                year: r.year,
                month: r.month,
                day: r.day,
                weekday: r.weekday.and_then(|w| weekday_of(w.0)),
                weekday_span: r.weekday.map(|w| folded.span(w.1, w.2)),
                year_end: r.year_end,
                day_end: r.day_end,
            }
        })
        .collect()
}

/// Roman numerals followed by one of `suffixes` (`XXIe`, `IIIe`), as (start, end, value)
/// in `text`.
pub(super) fn roman_ordinals(text: &str, suffixes: &[String]) -> Vec<(usize, usize, f64)> {
    if !may_hold_roman_ordinal(text, suffixes) {
        return Vec::new();
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| compile(r"(?:^|[^\w])(?P<r>[IVXLC]{1,7})(?P<s>\w{1,4})(?:$|[^\w])"));
    let value = |r: &str| -> Option<u32> {
        let v: Vec<u32> = r
            .chars()
            .map(|c| match c {
                'I' => 1,
                'V' => 5,
                'X' => 10,
                'L' => 50,
                _ => 100,
            })
            .collect();
        let mut total = 0i64;
        for (i, &x) in v.iter().enumerate() {
            if v.get(i + 1).is_some_and(|&n| n > x) {
                total -= x as i64;
            } else {
                total += x as i64;
            }
        }
        // Only canonical numerals: "IIII" or "IC" are not numbers.
        let canon = roman(total as u32);
        (total > 0 && canon == r).then_some(total as u32)
    };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let (Some(r), Some(s)) = (c.name("r"), c.name("s")) else { continue };
        // "Ce", "Le" are words: a lone C or L is not a numeral here.
        if suffixes.iter().any(|x| x == s.as_str()) && !matches!(r.as_str(), "C" | "L") {
            if let Some(v) = value(r.as_str()) {
                out.push((r.start(), s.end(), v as f64));
            }
        }
    }
    out
}

/// Whether `text` can hold a Roman ordinal at all: a suffix right after I, V or X, or
/// after two numeral letters (a lone C or L is never read), and not followed by an ASCII
/// word character (`Veuillez`). Most blocks have none, and then the regex (Unicode word
/// classes: costly to compile and to warm up) is never run.
fn may_hold_roman_ordinal(text: &str, suffixes: &[String]) -> bool {
    let b = text.as_bytes();
    let numeral = |c: u8| matches!(c, b'I' | b'V' | b'X' | b'L' | b'C');
    let ends = |j: usize| b.get(j).is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'_'));
    (0..b.len()).any(|i| {
        let last = matches!(b[i], b'I' | b'V' | b'X') || (numeral(b[i]) && i > 0 && numeral(b[i - 1]));
        last && suffixes
            .iter()
            .any(|s| !s.is_empty() && b[i + 1..].starts_with(s.as_bytes()) && ends(i + 1 + s.len()))
    })
}

pub(super) fn roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// "2022.5", "2022,5": the digits go on after a decimal separator.
pub(super) fn decimal_follows(f: &str, end: usize) -> bool {
    let mut it = f.get(end..).unwrap_or("").chars();
    matches!(it.next(), Some('.' | ',' | '٫' | '٬')) && it.next().is_some_and(|c| c.is_ascii_digit())
}

/// "in May", "في مارس", "بمارس": the word (or clitic) before a month name
/// makes it a month.
pub(super) fn month_context_before(l: &Locale, f: &str, fs: usize) -> bool {
    let before = f.get(..fs).unwrap_or("");
    if before.ends_with(['ب', 'ل']) && !clitic_glued_to_word(before) {
        return true;
    }
    let word: String = {
        let trimmed = before.trim_end();
        let rev: String = trimmed.chars().rev().take_while(|c| c.is_alphabetic()).collect();
        rev.chars().rev().collect()
    };
    if word.is_empty() {
        return false;
    }
    let lx = l.lexicon();
    l.data().month_context.iter().any(|c| {
        let c = locale::key(c);
        let c = c.rsplit('\'').next().unwrap_or(&c).to_string();
        word == c || lx.clitics.iter().any(|cl| word.strip_prefix(cl.as_str()) == Some(c.as_str()))
    })
}

/// Whether the one-letter clitic at the end of `before` is itself the end of
/// a longer word ("بمارس" has "ب" alone before the month: false).
pub(super) fn clitic_glued_to_word(before: &str) -> bool {
    let mut it = before.chars().rev();
    it.next();
    it.next().is_some_and(|c| c.is_alphabetic())
}

/// Whether a month name standing alone is a month.
pub(super) fn bare_month_ok(
    l: &Locale,
    p: &Patterns,
    folded: &Folded,
    text: &str,
    fs: usize,
    fe: usize,
    kind: NameKind,
) -> bool {
    if kind == NameKind::Abbrev {
        return false;
    }
    let (s, e) = folded.span(fs, fe);
    let orig = text.get(s..e).unwrap_or("");
    let capitalised = orig.chars().next().is_some_and(|c| c.is_uppercase());
    if p.latin && l.lang() == "en" && !capitalised {
        return false;
    }
    if kind == NameKind::Ambiguous && month_context_before(l, &folded.text, fs) {
        return true;
    }
    if !p.latin {
        return kind != NameKind::Ambiguous;
    }
    if kind == NameKind::Ambiguous {
        if !capitalised {
            return false;
        }
        // Sentence-initial: "May I ask…", "March on!"
        let before = text.get(..s).unwrap_or("").trim_end();
        if before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '"', '“', '«']) {
            return false;
        }
        let next = folded.text.get(fe..).unwrap_or("");
        let next_word: String = next.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        if MODAL_FOLLOWERS.contains(&next_word.as_str()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod prefilter_tests {
    use super::*;
    use proptest::prelude::*;

    fn fr_suffixes() -> Vec<String> {
        ["e", "er", "ème", "eme"].map(String::from).to_vec()
    }

    /// Roman ordinals without the prefilter: a numeral in front lets the text through,
    /// and the second space stands for the start of the text.
    fn unfiltered(text: &str) -> Vec<(usize, usize, f64)> {
        let shift = "XIe  ".len();
        let mut v = roman_ordinals(&format!("XIe  {text}"), &fr_suffixes());
        v.retain(|r| r.0 >= shift);
        v.iter().map(|&(s, e, x)| (s - shift, e - shift, x)).collect()
    }

    proptest! {
        /// A text the prefilter skips holds no ordinal that the regex would read.
        #[test]
        fn roman_prefilter_skips_only_texts_without_one(t in "[IVXLCeèmr ,.a-d]{0,10}") {
            if !may_hold_roman_ordinal(&t, &fr_suffixes()) {
                prop_assert!(unfiltered(&t).is_empty(), "{t:?}");
            }
        }
    }

    #[test]
    fn roman_prefilter_keeps_ordinals() {
        for t in ["XXIe siècle", "le IIIe", "(XIXème)", "IVer", "CXe"] {
            assert!(may_hold_roman_ordinal(t, &fr_suffixes()), "{t}");
            assert!(!roman_ordinals(t, &fr_suffixes()).is_empty(), "{t}");
        }
        for t in ["Veuillez", "Le comité", "Ce jour", "IEEE"] {
            assert!(!may_hold_roman_ordinal(t, &fr_suffixes()), "{t}");
        }
    }
}
