//! Extraction of dates, times and numbers from English, French and Arabic
//! text. Every span is a byte range into the `&str` passed in (always on
//! char boundaries). Matching runs on folded text (see
//! [`crate::locale::fold`]), so case, diacritics, Arabic spelling variants
//! and digit systems do not matter; spans are mapped back to the original.
//!
//! The folder follows what is read: `patterns.rs` writes each locale's tables into
//! patterns in regex syntax once, `matcher/` reads them without compiling them (a
//! parsed tree, a first-character index for each alternation of words, backtracking with
//! the `regex` crate's leftmost-first results), `dates.rs`, `times.rs` and `numbers.rs`
//! read each kind of value from the matches, and this file holds the types, the entry
//! points and the helpers they share.

mod dates;
mod digits;
mod front;
mod matcher;
mod numbers;
mod patterns;
#[cfg(test)]
mod tests;
mod times;

use dates::*;
pub use dates::{extract_all_with, extract_dates_with};
pub(crate) use digits::next_digit;
pub use numbers::extract_numbers_with;
use numbers::*;
use patterns::*;
pub use patterns::{pattern_errors, Patterns};
pub use times::extract_times_with;
use times::*;

use crate::locale;
use jiff::civil::{Date, Weekday};
use matcher::{Caps, Matcher};
use regex::Regex;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// A (possibly partial) calendar date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateAnchor {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub weekday: Option<Weekday>,
    pub weekday_span: Option<(usize, usize)>,
    /// Last year of a range ("2022-2023", "from November 2019 to 2023").
    pub year_end: Option<i32>,
    /// Last day of a day range ("1-3 November 2022", "du 1er au 3 novembre").
    pub day_end: Option<u8>,
}

/// A time of day or a range of times, with its zone when one is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeAnchor {
    pub start: usize,
    pub end: usize,
    /// Minutes after midnight.
    pub from_minutes: u32,
    pub to_minutes: Option<u32>,
    pub zone: Option<Zone>,
    pub zone_span: Option<(usize, usize)>,
}

/// A time zone: fixed offset from UTC in minutes, or an IANA zone id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    Fixed(i32),
    Iana(String),
}

impl Zone {
    /// Offset from UTC in minutes on `date` (at noon local time), using
    /// jiff's bundled tz database for IANA zones.
    pub fn offset_minutes_on(&self, date: Date) -> Option<i32> {
        match self {
            Zone::Fixed(m) => Some(*m),
            Zone::Iana(id) => {
                let tz = jiff::tz::TimeZone::get(id).ok()?;
                let zoned = date.at(12, 0, 0, 0).to_zoned(tz).ok()?;
                Some(zoned.offset().seconds() / 60)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    Percent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberAnchor {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: NumberKind,
    /// Written as words ("forty-two").
    pub spelled: bool,
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/// Dates in `text`, in order. Languages without a table give nothing.
pub fn extract_dates(lang: &str, text: &str) -> Vec<DateAnchor> {
    locale::table(lang).map_or_else(Vec::new, |l| extract_dates_with(l, text))
}

/// Times of day in `text`, in order.
pub fn extract_times(lang: &str, text: &str) -> Vec<TimeAnchor> {
    locale::table(lang).map_or_else(Vec::new, |l| extract_times_with(l, text))
}

/// Numbers in `text` (digits and words), skipping any that overlaps a
/// `taken` span (dates, times, codes, e-mails, URLs found by others).
pub fn extract_numbers(lang: &str, text: &str, taken: &[(usize, usize)]) -> Vec<NumberAnchor> {
    locale::table(lang).map_or_else(Vec::new, |l| extract_numbers_with(l, text, taken))
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Runs `re` over `text` from left to right, trying matches only at the start positions
/// of `starts` (see [`front::Front::windows`]; `None`: every position); `f` gets each
/// match and returns the folded position to search from next (moved forward if needed).
pub(super) fn scan_within<'t>(
    re: &Matcher,
    text: &'t str,
    starts: Option<&[(usize, usize)]>,
    mut f: impl FnMut(&Caps<'t, '_>) -> usize,
) {
    let mut pos = 0;
    while pos <= text.len() {
        let Some(c) = re.captures_within(text, pos, starts) else {
            break;
        };
        let whole = c.get(0).map_or(pos, |m| m.start());
        let mut next = f(&c).max(whole + 1).max(pos + 1);
        while next < text.len() && !text.is_char_boundary(next) {
            next += 1;
        }
        pos = next;
    }
}

/// `12/11/2022`, `2022-11-12`: the same in every language, so compiled once for all.
pub(super) fn numeric_date_pattern() -> &'static Matcher {
    static RE: OnceLock<Matcher> = OnceLock::new();
    RE.get_or_init(|| {
        matcher(concat!(
            r"(?:^|[^\w/.\-])(?:(?P<a>[0-9]{1,2})(?P<s1>[/.\-])(?P<b>[0-9]{1,2})(?P<s2>[/.\-])(?P<y>[12][0-9]{3})",
            r"|(?P<iy>[12][0-9]{3})(?P<s3>[/\-])(?P<im>[0-9]{1,2})(?P<s4>[/\-])(?P<id>[0-9]{1,2}))(?:$|[^\w/\-]|t[0-9])"
        ))
    })
}

/// A year standing alone (`2022`, `2022-2023`, `2022م`), in every language.
pub(super) fn year_pattern() -> &'static Matcher {
    static RE: OnceLock<Matcher> = OnceLock::new();
    RE.get_or_init(|| {
        matcher(r"(?:^|[^\w/\-.,٫٬$€£¥#№])(?P<y>(?:19|20)[0-9]{2})(?:\s*[-–—/]\s*(?P<y2>(?:19|20)[0-9]{2}|[0-9]{2}))?(?:\s?م)?(?:$|[^\w/%٪])")
    })
}

/// The URLs and e-mail addresses of a folded text: the spans the readers skip.
pub(super) fn url_spans(f: &str) -> Vec<(usize, usize)> {
    // Every match holds `@` (an e-mail) or starts with `http://`, `https://`, `ftp://`,
    // `ark:/` (all holding `:/`) or `www.`: a text without any of them has none. Most
    // texts have none, and the regex, whose e-mail branch starts with a class (no literal
    // to skip ahead to), reads every byte of them; these three searches skip them.
    // (The searchers built once: `memmem::find` builds one per call, most of its time on
    // a short text.)
    static NEEDLES: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
    let [slash, www] =
        NEEDLES.get_or_init(|| [memchr::memmem::Finder::new(b":/"), memchr::memmem::Finder::new(b"www.")]);
    let b = f.as_bytes();
    if memchr::memchr(b'@', b).is_none() && slash.find(b).is_none() && www.find(b).is_none() {
        return Vec::new();
    }
    url_re().find_iter(f).map(|m| (m.start(), m.end())).collect()
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        compile(r"(?:https?://|ftp://|www\.|ark:/)[^\s<>\x22]+|[0-9A-Za-z_.+\-]+@[0-9A-Za-z_\-]+(?:\.[0-9A-Za-z_\-]+)+")
    })
}

/// Sorts and merges spans so that [`hits`] can binary-search them.
pub(super) fn merged(mut v: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Whether `s..e` overlaps a span of `spans` (sorted, non-overlapping).
pub(super) fn hits(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|&(_, b)| b <= s);
    spans.get(i).is_some_and(|&(a, _)| a < e)
}

pub(super) fn group_span(c: &Caps, names: &[&str]) -> Option<(usize, usize)> {
    let mut r: Option<(usize, usize)> = None;
    for n in names {
        if let Some(m) = c.name(n) {
            r = Some(match r {
                None => (m.start(), m.end()),
                Some((s, e)) => (s.min(m.start()), e.max(m.end())),
            });
        }
    }
    r
}

pub(super) fn num(c: &Caps, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    let y = year.unwrap_or(2000).clamp(1, 9999) as i16;
    Date::new(y, month as i8, 1).map_or(31, |d| d.days_in_month() as u8)
}

pub(super) fn weekday_of(n: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n as i8).ok()
}

/// English words after "May" that make it a verb.
pub(super) const MODAL_FOLLOWERS: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "be", "not", "have", "also", "well", "this", "that",
    "there", "one", "our", "your", "his", "her", "their", "all", "each", "some", "no",
];
