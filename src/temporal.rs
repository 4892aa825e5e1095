//! Extraction of dates, times and numbers from English, French and Arabic
//! text. Every span is a byte range into the `&str` passed in (always on
//! char boundaries). Matching runs on folded text (see
//! [`crate::locale::fold`]), so case, diacritics, Arabic spelling variants
//! and digit systems do not matter; spans are mapped back to the original.

use crate::locale::{self, Folded, Locale, NameKind, ZoneSpec};
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex, RegexBuilder};
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
// Patterns (compiled once per locale)
// ---------------------------------------------------------------------------

const NEVER: &str = r"[^\s\S]";

/// Regexes built from one locale table.
#[derive(Debug)]
pub struct Patterns {
    date: Regex,
    time: Regex,
    number: Regex,
    range_gap: Regex,
    /// The first day of a day range, ending where the date's day starts ("1-", "du 1er au ").
    day_range: Regex,
    /// A word, then a day-month joiner, ending where a month starts ("الخامس من ").
    day_word: Regex,
    us_numeric: bool,
    latin: bool,
    errors: Vec<String>,
}

/// Compiles a pattern; a pattern that does not compile (a user table too
/// large for the regex size limit) matches nothing and is reported through
/// [`pattern_errors`] instead of panicking.
fn compile_or_never(p: &str, errors: &mut Vec<String>) -> Regex {
    RegexBuilder::new(p).size_limit(64 << 20).dfa_size_limit(16 << 20).build().unwrap_or_else(|e| {
        errors.push(e.to_string());
        Regex::new(NEVER).expect("constant regex")
    })
}

fn compile(p: &str) -> Regex {
    compile_or_never(p, &mut Vec::new())
}

/// Errors met while compiling the patterns of a locale (empty when all is well).
pub fn pattern_errors(l: &Locale) -> &[String] {
    &patterns(l).errors
}

/// Alternation of folded words, longest first; `(word, dot)` adds an
/// optional "." after the word (abbreviations).
fn alt(items: impl IntoIterator<Item = (String, bool)>) -> String {
    let mut v: Vec<(String, bool)> = Vec::new();
    for (w, dot) in items {
        let k = locale::key(&w);
        let k = if dot { k.trim_end_matches('.').to_string() } else { k };
        if k.is_empty() {
            continue;
        }
        if let Some(e) = v.iter_mut().find(|e| e.0 == k) {
            e.1 |= dot;
        } else {
            v.push((k, dot));
        }
    }
    if v.is_empty() {
        return NEVER.to_string();
    }
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let parts: Vec<String> = v
        .iter()
        .map(|(w, dot)| {
            let e = regex::escape(w).replace(' ', r"\s+");
            if *dot {
                format!(r"{e}\.?")
            } else {
                e
            }
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

fn words(v: &[String]) -> impl Iterator<Item = (String, bool)> + '_ {
    v.iter().map(|w| (w.clone(), false))
}

fn patterns(l: &Locale) -> &Patterns {
    l.patterns.get_or_init(|| build_patterns(l))
}

fn build_patterns(l: &Locale) -> Patterns {
    let d = l.data();
    let lx = l.lexicon();
    let lang = d.lang.as_str();
    let cl = alt(words(&d.clitics));
    let months = alt(lx.months.iter().map(|(k, v)| (k.clone(), v.1 == NameKind::Abbrev)));
    let wdays = alt(lx.weekdays.iter().map(|(k, v)| (k.clone(), v.1 == NameKind::Abbrev)));
    let wpre = alt(words(&d.weekday_prefixes));
    let mpre = alt(words(&d.month_prefixes));
    let dj = alt(words(&d.day_month_joiners));
    let myj = alt(words(&d.month_year_joiners));
    let suf = alt(words(&d.numbers.digit_ordinal_suffixes));
    let rj = alt(words(&d.range_joiners));
    let ro = alt(words(&d.range_openers));

    let mon = |n: u8| format!(r"(?:(?:{cl})?{mpre}\s*)?(?:{cl})?(?P<m{n}>{months}(?:\s*/\s*{months})?)");
    let day = |n: u8| format!(r"(?P<d{n}>[0-3]?[0-9])(?P<ds{n}>{suf})?");
    let year = |n: u8| format!(r"(?P<y{n}>[12][0-9]{{3}})(?:\s?م)?");
    let wd = format!(r"(?:(?:{wpre})\s+)?(?:{cl})?(?P<wd>{wdays})[\s,،]+");
    let a = format!(r"{}\.?\s*(?:{dj}\s+)?{}(?:[\s,،]+(?:{myj}\s+)?{})?", day(1), mon(1), year(1));
    // A month first: with a day ("March 12, 2022", English only), with a year ("mars
    // 2022"), or alone, tried in that order. One copy of the month names for the three
    // (each copy of the alternation costs compile time at every start).
    let month_day =
        if lang == "en" { format!(r"\s*{}(?:,?\s+{})?|", day(2), year(2)) } else { String::new() };
    let b = format!(r"{}(?:{month_day}[\s,،]+(?:{myj}\s+)?{})?", mon(2), year(3));
    let date = format!(r"(?:^|[^\w])(?:{wd})?(?:{a}|{b})(?:$|[^\w])");

    // Times
    let t = &d.time;
    let ampm = alt(words(&t.am).chain(words(&t.pm)));
    let noon = alt(words(&t.noon).chain(words(&t.midnight)));
    let mk = alt(words(&t.hour_markers));
    let hsep = alt(words(&t.hour_separators));
    let rhw = alt(words(&t.range_hour_words));
    // Hours written as ordinal words after an hour marker ("الساعة السادسة مساءً").
    let hour_words = if t.hour_markers.is_empty() {
        NEVER.to_string()
    } else {
        alt(d.numbers.ordinals.iter().filter(|o| (1..=12).contains(&o.value)).flat_map(|o| words(&o.words)))
    };
    let tm = |n: u8| {
        // A bare number is an hour only as the first end of a range whose
        // second end is a real time ("from 9 to 11 a.m.", "de 9 à 12 h").
        let bare = if n == 1 { r"|(?P<hb1>[0-2]?[0-9])" } else { "" };
        // Hour words close a range only ("de 18 à 19 heures").
        let hsep = if n == 2 { format!("{hsep}|{rhw}") } else { hsep.clone() };
        format!(
            r"(?:{mk}\s+)??(?:(?P<h{n}>[0-2]?[0-9])\s?(?P<s{n}>:|\.|h|{hsep})\s?(?P<mi{n}>[0-5][0-9])(?::[0-5][0-9])?(?:\s*(?P<a{n}>{ampm}))?|(?P<hh{n}>[0-2]?[0-9])(?P<hx{n}>\s?(?:h|{hsep}))|(?P<ha{n}>[0-1]?[0-9])\s*(?P<aa{n}>{ampm})|{mk}\s+(?P<hm{n}>[0-2]?[0-9])(?:\s*(?P<am{n}>{ampm}))?|{mk}\s+(?P<hw{n}>{hour_words})(?:\s*(?P<aw{n}>{ampm}))?|(?P<nn{n}>{noon}){bare})"
        )
    };
    let zones = alt(lx.zones.keys().map(|k| (k.clone(), false)));
    let zone = format!(
        r"(?:[\s,]*[(\[]?\s*(?:{cl})?(?P<z>{zones})(?:\s*(?P<zs>[+\-−])\s*(?P<zh>[0-9]{{1,2}})(?::?(?P<zm>[0-9]{{2}}))?)?)?"
    );
    let time = format!(r"(?:^|[^\w:./\-'])(?:{ro}\s+)?{}(?:\s*{rj}\s*{})?{zone}(?:$|[^\w:])", tm(1), tm(2));

    let number = match lang {
        "fr" => {
            r"(?:^|[^\w.,])(?P<n>[0-9]{1,3}(?:[ \u{A0}\u{202F}\u{2009}][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)"
        }
        "ar" => {
            r"(?:^|[^\w.,٫٬])(?P<n>[0-9]{1,3}(?:٬[0-9]{3})+(?:٫[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:[ \u{A0}\u{202F}][0-9]{3})+(?:[٫.][0-9]+)?|[0-9]+(?:[٫.][0-9]+)?)"
        }
        _ => r"(?:^|[^\w.,])(?P<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)",
    };
    let mut errors = Vec::new();
    let mut c = |p: &str| compile_or_never(p, &mut errors);
    let (date, time, number, range_gap) =
        (c(&date), c(&time), c(number), c(&format!(r"^\s*(?:{ro}\s+)?{rj}\s*$")));
    let day_range = c(&format!(r"(?:^|[^\w.,:/])(?P<d>[0-3]?[0-9])(?:{suf})?\s*{rj}\s*(?:le\s+)?$"));
    // Arabic puts an ordinal day straight before the month too ("الخامس نوفمبر"); other
    // languages need the joiner ("the fifth of November"), or "second March" would be a day.
    let dj_opt = if lang == "ar" { "?" } else { "" };
    let day_word = c(&format!(r"(?:^|[^\w])(?P<w>\w+)\s+(?:{dj}\s+){dj_opt}$"));
    Patterns {
        date,
        time,
        number,
        range_gap,
        day_range,
        day_word,
        us_numeric: lang == "en",
        latin: lang != "ar",
        errors,
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Runs `re` over `text` from left to right; `f` gets each match and returns
/// the folded position to search from next (moved forward if needed).
fn scan<'t>(re: &Regex, text: &'t str, mut f: impl FnMut(&Captures<'t>) -> usize) {
    let mut pos = 0;
    while pos <= text.len() {
        let Some(c) = re.captures_at(text, pos) else {
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
fn numeric_date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        compile(concat!(
            r"(?:^|[^\w/.\-])(?:(?P<a>[0-9]{1,2})(?P<s1>[/.\-])(?P<b>[0-9]{1,2})(?P<s2>[/.\-])(?P<y>[12][0-9]{3})",
            r"|(?P<iy>[12][0-9]{3})(?P<s3>[/\-])(?P<im>[0-9]{1,2})(?P<s4>[/\-])(?P<id>[0-9]{1,2}))(?:$|[^\w/\-]|t[0-9])"
        ))
    })
}

/// A year standing alone (`2022`, `2022-2023`, `2022م`), in every language.
fn year_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        compile(r"(?:^|[^\w/\-.,٫٬$€£¥#№])(?P<y>(?:19|20)[0-9]{2})(?:\s*[-–—/]\s*(?P<y2>(?:19|20)[0-9]{2}|[0-9]{2}))?(?:\s?م)?(?:$|[^\w/%٪])")
    })
}

fn url_spans(f: &str) -> Vec<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        compile(r"(?:https?://|ftp://|www\.|ark:/)[^\s<>\x22]+|[0-9A-Za-z_.+\-]+@[0-9A-Za-z_\-]+(?:\.[0-9A-Za-z_\-]+)+")
    });
    re.find_iter(f).map(|m| (m.start(), m.end())).collect()
}

/// Sorts and merges spans so that [`hits`] can binary-search them.
fn merged(mut v: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
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
fn hits(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|&(_, b)| b <= s);
    spans.get(i).is_some_and(|&(a, _)| a < e)
}

fn group_span(c: &Captures, names: &[&str]) -> Option<(usize, usize)> {
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

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    let y = year.unwrap_or(2000).clamp(1, 9999) as i16;
    Date::new(y, month as i8, 1).map_or(31, |d| d.days_in_month() as u8)
}

fn weekday_of(n: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n as i8).ok()
}

/// English words after "May" that make it a verb.
const MODAL_FOLLOWERS: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "be", "not", "have", "also", "well", "this", "that",
    "there", "one", "our", "your", "his", "her", "their", "all", "each", "some", "no",
];

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct RawDate {
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
    let dates = dates_in(l, text, &folded);
    let times = times_in(l, text, &folded);
    let mut used: Vec<(usize, usize)> = taken.to_vec();
    used.extend(dates.iter().map(|d| (d.start, d.end)));
    used.extend(times.iter().map(|t| (t.start, t.end)));
    let numbers = numbers_in(l, text, &folded, &used);
    (dates, times, numbers)
}

pub fn extract_dates_with(l: &Locale, text: &str) -> Vec<DateAnchor> {
    dates_in(l, text, &Folded::new(text))
}

fn dates_in(l: &Locale, text: &str, folded: &Folded) -> Vec<DateAnchor> {
    let f = folded.text.as_str();
    let p = patterns(l);
    let lx = l.lexicon();
    let urls = url_spans(f);
    let mut found: Vec<RawDate> = Vec::new();
    // Spans that looked like dates but were invalid ("31 February 2022").
    let mut blocked: Vec<(usize, usize)> = Vec::new();

    // 1. Dates with month names.
    scan(&p.date, f, |c| {
        let Some((gs, ge)) = group_span(c, &["wd", "d1", "m1", "y1", "d2", "m2", "y2", "y3"]) else {
            return c.get(0).map_or(0, |m| m.end());
        };
        if hits(&urls, gs, ge) {
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
        let day_end =
            c.name(&format!("ds{}", &dg.get(1..).unwrap_or(""))).or_else(|| c.name(dg)).map(|m| m.end());
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
    scan(numeric_date_pattern(), f, |c| {
        let Some((gs, ge)) = group_span(c, &["a", "y", "iy", "id"]) else {
            return c.get(0).map_or(0, |m| m.end());
        };
        if hits(&urls, gs, ge) || hits(&busy, gs, ge) || decimal_follows(f, ge) {
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
    scan(year_pattern(), f, |c| {
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
        if hits(&urls, gs, ge) || hits(&busy, gs, ge) || decimal_follows(f, ge) {
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
        if let (Some(d2), Some(c)) = (r.day, p.day_range.captures(before)) {
            let d1 = c.name("d").and_then(|m| m.as_str().parse::<u8>().ok()).unwrap_or(0);
            if (1..d2).contains(&d1) {
                r.fs = c.name("d").map_or(r.fs, |m| m.start());
                r.day_end = Some(d2);
                r.day = Some(d1);
                r.weekday = None;
            }
        } else if r.day.is_none() && r.month.is_some() {
            if let Some(w) = p.day_word.captures(before).and_then(|c| c.name("w")) {
                let max = r.month.map_or(31, |m| days_in_month(r.year, m));
                if let Some(&(v, true)) = lx.numbers.get(&locale::key(w.as_str())) {
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
fn roman_ordinals(text: &str, suffixes: &[String]) -> Vec<(usize, usize, f64)> {
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

fn roman(mut n: u32) -> String {
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
fn decimal_follows(f: &str, end: usize) -> bool {
    let mut it = f.get(end..).unwrap_or("").chars();
    matches!(it.next(), Some('.' | ',' | '٫' | '٬')) && it.next().is_some_and(|c| c.is_ascii_digit())
}

/// "in May", "في مارس", "بمارس": the word (or clitic) before a month name
/// makes it a month.
fn month_context_before(l: &Locale, f: &str, fs: usize) -> bool {
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
fn clitic_glued_to_word(before: &str) -> bool {
    let mut it = before.chars().rev();
    it.next();
    it.next().is_some_and(|c| c.is_alphabetic())
}

/// Whether a month name standing alone is a month.
fn bare_month_ok(
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

// ---------------------------------------------------------------------------
// Times
// ---------------------------------------------------------------------------

fn time_value(c: &Captures, n: u8, l: &Locale) -> Option<(u32, usize, usize, Option<bool>)> {
    let g = |s: &str| c.name(&format!("{s}{n}"));
    let is_pm = |m: regex::Match| -> Option<bool> {
        let k = locale::key(m.as_str());
        let t = &l.data().time;
        if t.pm.iter().any(|w| locale::key(w) == k) {
            Some(true)
        } else if t.am.iter().any(|w| locale::key(w) == k) {
            Some(false)
        } else {
            None
        }
    };
    let (h, mi, s, e, ap) = if let Some(h) = g("h") {
        let mi = g("mi")?;
        let ap = g("a");
        let e = ap.map_or(mi.end(), |a| a.end());
        (h.as_str().parse::<u32>().ok()?, mi.as_str().parse::<u32>().ok()?, h.start(), e, ap.and_then(is_pm))
    } else if let Some(h) = g("hh") {
        (h.as_str().parse().ok()?, 0, h.start(), g("hx")?.end(), None)
    } else if let Some(h) = g("ha") {
        let a = g("aa")?;
        (h.as_str().parse().ok()?, 0, h.start(), a.end(), is_pm(a))
    } else if let Some(h) = g("hm") {
        let ap = g("am");
        let e = ap.map_or(h.end(), |a| a.end());
        (h.as_str().parse().ok()?, 0, h.start(), e, ap.and_then(is_pm))
    } else if let Some(w) = g("hw") {
        let (v, _) = *l.lexicon().numbers.get(&locale::key(w.as_str()))?;
        let ap = g("aw");
        let e = ap.map_or(w.end(), |a| a.end());
        (v, 0, w.start(), e, ap.and_then(is_pm))
    } else if let Some(h) = g("hb") {
        (h.as_str().parse().ok()?, 0, h.start(), h.end(), None)
    } else {
        let m = g("nn")?;
        let k = locale::key(m.as_str());
        let midnight = l.data().time.midnight.iter().any(|w| locale::key(w) == k);
        return Some((if midnight { 0 } else { 720 }, m.start(), m.end(), None));
    };
    let h = match ap {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            }
        }
        None => h,
    };
    let colon = g("h").is_some();
    if h > 24 || mi > 59 || (h == 24 && (mi > 0 || !colon)) {
        return None;
    }
    Some((h * 60 + mi, s, e, ap))
}

/// Like [`extract_times`] with any locale.
pub fn extract_times_with(l: &Locale, text: &str) -> Vec<TimeAnchor> {
    times_in(l, text, &Folded::new(text))
}

fn times_in(l: &Locale, _text: &str, folded: &Folded) -> Vec<TimeAnchor> {
    let f = folded.text.as_str();
    let p = patterns(l);
    let lx = l.lexicon();
    let urls = url_spans(f);
    let mut out = Vec::new();
    scan(&p.time, f, |c| {
        let whole_end = c.get(0).map_or(0, |m| m.end());
        let Some((mut from, s, mut e, ap1)) = time_value(c, 1, l) else {
            return c.get(0).map_or(0, |m| m.start()) + 1;
        };
        let mut to = None;
        let second = time_value(c, 2, l);
        if c.name("hb1").is_some() && second.is_none() {
            return s + 1;
        }
        // "9.30" is a time only with a.m./p.m. or in a range of such times
        // ("09.00-12.00"): "version 2.30" is not.
        let dotted = |n: u8| {
            c.name(&format!("s{n}")).is_some_and(|m| m.as_str() == ".") && c.name(&format!("a{n}")).is_none()
        };
        let dot_form = |n: u8| c.name(&format!("s{n}")).is_some_and(|m| m.as_str() == ".");
        if (dotted(1) && !(second.is_some() && dot_form(2))) || (dotted(2) && !dot_form(1)) {
            return c.get(0).map_or(s, |m| m.end());
        }
        if let Some((t, _, e2, ap2)) = second {
            // "9 to 11 p.m.": the second end's a.m./p.m. applies to both.
            if ap1.is_none() && ap2 == Some(true) && from < 720 && from + 720 <= t {
                from += 720;
            }
            to = Some(t);
            e = e2;
        }
        let mut zone = None;
        let mut zone_span = None;
        if let Some(z) = c.name("z") {
            let k = locale::key(z.as_str());
            if let Some((spec, allow_offset)) = lx.zones.get(&k) {
                let mut ze = z.end();
                let mut zv = match spec {
                    ZoneSpec::Fixed(m) => Zone::Fixed(*m),
                    ZoneSpec::Iana(id) => Zone::Iana(id.clone()),
                };
                if let (true, Some(zh)) = (*allow_offset, c.name("zh")) {
                    let h: i32 = zh.as_str().parse().unwrap_or(99);
                    let m: i32 = num(c, "zm").unwrap_or(0) as i32;
                    if h <= 14 && m < 60 {
                        let sign = if c.name("zs").is_some_and(|s| s.as_str() == "+") { 1 } else { -1 };
                        if let Zone::Fixed(base) = zv {
                            zv = Zone::Fixed(base + sign * (h * 60 + m));
                        }
                        ze = c.name("zm").map_or(zh.end(), |m| m.end());
                    }
                }
                zone_span = Some(folded.span(z.start(), ze));
                zone = Some(zv);
                e = e.max(ze);
            }
        }
        if hits(&urls, s, e) {
            return whole_end;
        }
        let (start, end) = folded.span(s, e);
        out.push(TimeAnchor { start, end, from_minutes: from, to_minutes: to, zone, zone_span });
        e
    });
    out
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/// Like [`extract_numbers`] with any locale.
pub fn extract_numbers_with(l: &Locale, text: &str, taken: &[(usize, usize)]) -> Vec<NumberAnchor> {
    numbers_in(l, text, &Folded::new(text), taken)
}

fn numbers_in(l: &Locale, _text: &str, folded: &Folded, taken: &[(usize, usize)]) -> Vec<NumberAnchor> {
    let f = folded.text.as_str();
    let p = patterns(l);
    let lx = l.lexicon();
    let d = l.data();
    let urls = url_spans(f);
    let taken = merged(taken.to_vec());
    let taken = taken.as_slice();
    let lang = d.lang.as_str();
    let suffixes = &lx.ordinal_suffixes;
    let percent_after = |end: usize| word_after(f, end, &lx.percent_words).map(|w| w.0);
    let scale_after = |end: usize| word_after(f, end, &lx.scale_words);
    let mut out: Vec<(usize, usize, f64, NumberKind, bool)> = Vec::new();
    let mut digit_spans: Vec<(usize, usize)> = Vec::new();

    scan(&p.number, f, |c| {
        let Some(n) = c.name("n") else {
            return c.get(0).map_or(0, |m| m.end());
        };
        let (s, mut e) = (n.start(), n.end());
        let raw = n.as_str();
        let after = f.get(e..).unwrap_or("");
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_ascii_digit()) || decimal_follows(f, e) {
            // "1,2345", "1.2.3", French "25.000", Moroccan "1.234,5": a
            // grouping this locale does not use; skip the whole run.
            let run = after
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '٫' | '٬')))
                .unwrap_or(after.len());
            return e + run;
        }
        let mut kind = NumberKind::Cardinal;
        let mut scale = 1.0;
        if next.is_some_and(|c| c.is_alphabetic()) {
            let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            let (os, oe) = folded.span(e, e + word.len());
            let glued = _text.get(os..oe).unwrap_or("");
            let suffix_scale = d
                .numbers
                .scale_suffixes
                .iter()
                .find(|sc| sc.words.iter().any(|w| w == glued))
                .map(|sc| sc.value);
            if !raw.contains(['.', ',', '٫', '٬', ' ', '\u{A0}', '\u{202F}', '\u{2009}'])
                && suffixes.contains(&word)
            {
                kind = NumberKind::Ordinal;
                e += word.len();
            } else if let Some(mult) = suffix_scale {
                // 318k, 2.5M: the suffix is the whole glued word.
                scale = mult;
                e += word.len();
            } else if let Some(pe) = percent_after(e) {
                kind = NumberKind::Percent;
                e = pe;
            } else {
                return e;
            }
        } else {
            if let Some((se, mult)) = scale_after(e) {
                scale = mult;
                e = se;
            }
            if let Some(pe) = percent_after(e) {
                kind = NumberKind::Percent;
                e = pe;
            }
        }
        if hits(&urls, s, e) {
            return e;
        }
        let (os, oe) = folded.span(s, e);
        if hits(taken, os, oe) {
            return s + 1;
        }
        let value = parse_number(lang, raw).map(|v| v * scale);
        if let Some(v) = value.filter(|v| v.is_finite()) {
            out.push((os, oe, v, kind, false));
            digit_spans.push((s, e));
        }
        e
    });

    // Roman ordinals ("XXIe siècle"): upper-case numerals with an ordinal suffix of the
    // locale's `roman_suffixes`, read on the original text (folding lowercases them).
    if !d.numbers.roman_suffixes.is_empty() {
        for (s, e, v) in roman_ordinals(_text, &d.numbers.roman_suffixes) {
            if !hits(taken, s, e) {
                out.push((s, e, v, NumberKind::Ordinal, false));
            }
        }
    }

    // Number words: greedy longest match over runs of letters.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, ch) in f.char_indices() {
        if crate::script::is_letter(ch) {
            cur.get_or_insert(i);
        } else if let Some(st) = cur.take() {
            tokens.push((st, i));
        }
    }
    if let Some(st) = cur {
        tokens.push((st, f.len()));
    }
    let max = lx.max_number_words.max(1);
    let mut i = 0;
    while i < tokens.len() {
        if hits(&digit_spans, tokens[i].0, tokens[i].1)
            || !could_start_number(lx, &f[tokens[i].0..tokens[i].1])
        {
            i += 1;
            continue;
        }
        let mut hit = None;
        'len: for n in (1..=max.min(tokens.len() - i)).rev() {
            let (s, e) = (tokens[i].0, tokens[i + n - 1].1);
            let Some(slice) = f.get(s..e) else { continue };
            if !slice.chars().all(|c| crate::script::is_letter(c) || c.is_whitespace() || c == '-') {
                continue;
            }
            let k = locale::key(slice);
            if let Some(&(v, ord)) = lx.numbers.get(&k) {
                if lx.not_standalone.contains(&k) {
                    continue;
                }
                hit = Some((s, e, v, ord, n));
                break;
            }
            for cl in &lx.clitics {
                if let Some(rest) = slice.strip_prefix(cl.as_str()) {
                    if tokens[i].1 - s - cl.len() < 4 {
                        continue;
                    }
                    let k = locale::key(rest);
                    if let Some(&(v, ord)) = lx.numbers.get(&k) {
                        if lx.not_standalone.contains(&k) {
                            continue;
                        }
                        hit = Some((s + cl.len(), e, v, ord, n));
                        break 'len;
                    }
                }
            }
        }
        let Some((s, mut e, v, ord, n)) = hit else {
            i += 1;
            continue;
        };
        i += n;
        let mut kind = if ord { NumberKind::Ordinal } else { NumberKind::Cardinal };
        let mut value = v as f64;
        if !ord {
            if let Some((se, mult)) = scale_after(e) {
                value *= mult;
                e = se;
            }
            if let Some(pe) = percent_after(e) {
                kind = NumberKind::Percent;
                e = pe;
                while i < tokens.len() && tokens[i].0 < e {
                    i += 1;
                }
            }
        }
        let (os, oe) = folded.span(s, e);
        if hits(taken, os, oe) || hits(&urls, s, e) {
            continue;
        }
        out.push((os, oe, value, kind, true));
    }
    out.sort_by_key(|a| a.0);
    out.into_iter()
        .map(|(start, end, value, kind, spelled)| NumberAnchor { start, end, value, kind, spelled })
        .collect()
}

/// A word of `list` (folded keys, longest first) after `end`, past at most
/// one space: (end of the word, its value).
fn word_after(f: &str, end: usize, list: &[(String, f64)]) -> Option<(usize, f64)> {
    let rest = f.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{A0}', '\u{202F}', '\u{2009}']);
    let skipped = rest.len() - trimmed.len();
    if skipped > 3 {
        return None;
    }
    for (w, v) in list {
        if let Some(after) = trimmed.strip_prefix(w.as_str()) {
            let alpha_end = w.chars().last().is_some_and(|c| c.is_alphanumeric());
            if !alpha_end || !after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                return Some((end + skipped + w.len(), *v));
            }
        }
    }
    None
}

/// Cheap filter: the word (or the word less a clitic) begins a number word.
fn could_start_number(lx: &locale::Lexicon, word: &str) -> bool {
    word.len() <= lx.number_first_longest && lx.number_first_words.contains(word)
}

fn parse_number(lang: &str, raw: &str) -> Option<f64> {
    // Moroccan and European grouping in Arabic text: 1.234,5 (dots group, a comma last).
    if lang == "ar" && raw.contains('.') && raw.rfind(',') > raw.rfind('.') {
        return raw.replace('.', "").replace(',', ".").parse().ok();
    }
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '0'..='9' => s.push(c),
            '٫' => s.push('.'),
            '.' if lang != "fr" => s.push('.'),
            ',' if lang == "fr" => s.push('.'),
            _ => {}
        }
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    type D = (String, Option<i32>, Option<u8>, Option<u8>);

    fn dates(lang: &str, text: &str) -> Vec<D> {
        extract_dates(lang, text)
            .into_iter()
            .map(|a| (text[a.start..a.end].to_string(), a.year, a.month, a.day))
            .collect()
    }

    fn one(lang: &str, text: &str, slice: &str, y: Option<i32>, m: Option<u8>, d: Option<u8>) -> DateAnchor {
        let all = extract_dates(lang, text);
        assert_eq!(all.len(), 1, "{lang} {text:?}: {:?}", dates(lang, text));
        let a = all[0].clone();
        assert_eq!(&text[a.start..a.end], slice, "{text:?}");
        assert_eq!((a.year, a.month, a.day), (y, m, d), "{text:?}");
        a
    }

    fn none(lang: &str, text: &str) {
        assert!(extract_dates(lang, text).is_empty(), "{lang} {text:?}: {:?}", dates(lang, text));
    }

    #[test]
    fn english_dates() {
        one("en", "on 30 November 2022.", "30 November 2022", Some(2022), Some(11), Some(30));
        one("en", "November 30, 2022 at", "November 30, 2022", Some(2022), Some(11), Some(30));
        let a = one(
            "en",
            "Wednesday, 30 November 2022",
            "Wednesday, 30 November 2022",
            Some(2022),
            Some(11),
            Some(30),
        );
        assert_eq!(a.weekday, Some(Weekday::Wednesday));
        assert_eq!(a.weekday_span, Some((0, 9)));
        one("en", "(30 nov. 2022)", "30 nov. 2022", Some(2022), Some(11), Some(30));
        one("en", "30 Sept 2022", "30 Sept 2022", Some(2022), Some(9), Some(30));
        one("en", "the 3rd of March 2021", "3rd of March 2021", Some(2021), Some(3), Some(3));
        one("en", "by 30/11/2022.", "30/11/2022", Some(2022), Some(11), Some(30));
        one("en", "by 2022-11-30.", "2022-11-30", Some(2022), Some(11), Some(30));
        one("en", "by 11/30/2022.", "11/30/2022", Some(2022), Some(11), Some(30));
        one("en", "In November 2022 we", "November 2022", Some(2022), Some(11), None);
        one("en", "our November Update", "November", None, Some(11), None);
        one("en", "the May Update", "May", None, Some(5), None);
        one("en", "In May we met.", "May", None, Some(5), None);
        none("en", "Theresa said: May we go?");
        one("en", "since 1998, we", "1998", Some(1998), None, None);
        let a = one("en", "the 2022-2023 biennium", "2022-2023", Some(2022), None, None);
        assert_eq!(a.year_end, Some(2023));
        let a = one("en", "in 2022–23", "2022–23", Some(2022), None, None);
        assert_eq!(a.year_end, Some(2023));
        let a = one("en", "from November 2019 to 2023", "November 2019 to 2023", Some(2019), Some(11), None);
        assert_eq!(a.year_end, Some(2023));
        one("en", "May 5, 2021", "May 5, 2021", Some(2021), Some(5), Some(5));
        one("en", "5 May 2021", "5 May 2021", Some(2021), Some(5), Some(5));
    }

    #[test]
    fn english_near_misses() {
        none("en", "May I ask a question?");
        none("en", "We may go. It may rain");
        none("en", "They march on.");
        none("en", "See CL/4398 for details.");
        none("en", "ISBN 978-92-3-100538-4");
        none("en", "ISSN 2310-7820");
        none("en", "document ED/PLS/OER/2023/1 and DG/2023/15");
        none("en", "31 February 2022");
        none("en", "32/01/2022 and 2022-13-01");
        none("en", "about 2500 people");
        none("en", "see https://example.org/2022/11/30/report");
        none("en", "Mar and Nov alone");
        none("en", "march");
        assert_eq!(dates("en", "30 November 2022 and 2023").len(), 2);
    }

    #[test]
    fn french_dates() {
        one("fr", "le 1er mars 2023", "1er mars 2023", Some(2023), Some(3), Some(1));
        let a = one("fr", "lundi 19 décembre 2022", "lundi 19 décembre 2022", Some(2022), Some(12), Some(19));
        assert_eq!(a.weekday, Some(Weekday::Monday));
        let a = one("fr", "Jeudi 30 octobre 2022", "Jeudi 30 octobre 2022", Some(2022), Some(10), Some(30));
        assert_eq!(a.weekday, Some(Weekday::Thursday));
        one("fr", "en novembre 2022", "novembre 2022", Some(2022), Some(11), None);
        one("fr", "Novembre 2022", "Novembre 2022", Some(2022), Some(11), None);
        one("fr", "le 30 nov. 2022", "30 nov. 2022", Some(2022), Some(11), Some(30));
        one("fr", "le 5 FÉVRIER 2021", "5 FÉVRIER 2021", Some(2021), Some(2), Some(5));
        one("fr", "le 15 aout 2021", "15 aout 2021", Some(2021), Some(8), Some(15));
        one("fr", "le 15 fevrier 2021", "15 fevrier 2021", Some(2021), Some(2), Some(15));
        one("fr", "notre mise à jour de mai", "mai", None, Some(5), None);
        one("fr", "le 30/11/2022", "30/11/2022", Some(2022), Some(11), Some(30));
        one("fr", "au cours du mois de mars", "mars", None, Some(3), None);
        none("fr", "sept personnes");
        none("fr", "la circulaire CL/4398");
    }

    #[test]
    fn arabic_dates() {
        one("ar", "في 30 نوفمبر 2022", "30 نوفمبر 2022", Some(2022), Some(11), Some(30));
        let a = one("ar", "الخميس، 30 نوفمبر 2020", "الخميس، 30 نوفمبر 2020", Some(2020), Some(11), Some(30));
        assert_eq!(a.weekday, Some(Weekday::Thursday));
        assert_eq!(a.weekday_span, Some((0, "الخميس".len())));
        one("ar", "٦ آذار/مارس ٢٠٢٣", "٦ آذار/مارس ٢٠٢٣", Some(2023), Some(3), Some(6));
        one("ar", "۶ آذار/مارس ۲۰۲۳", "۶ آذار/مارس ۲۰۲۳", Some(2023), Some(3), Some(6));
        one("ar", "في كانون الثاني", "كانون الثاني", None, Some(1), None);
        one("ar", "1 كانون الثاني 2021", "1 كانون الثاني 2021", Some(2021), Some(1), Some(1));
        one("ar", "تشرين الثاني/نوفمبر 2022", "تشرين الثاني/نوفمبر 2022", Some(2022), Some(11), None);
        one("ar", "شهر جانفي", "جانفي", None, Some(1), None);
        one("ar", "اجتماع بنوفمبر", "نوفمبر", None, Some(11), None);
        one("ar", "في أكتوبر", "أكتوبر", None, Some(10), None);
        one("ar", "تحديث أكتوبر", "أكتوبر", None, Some(10), None);
        one("ar", "لشهر نوفمبر", "نوفمبر", None, Some(11), None);
        one("ar", "5 اذار 2020", "5 اذار 2020", Some(2020), Some(3), Some(5));
        one("ar", "5 ايار 2020", "5 ايار 2020", Some(2020), Some(5), Some(5));
        one("ar", "5 آب 2020", "5 آب 2020", Some(2020), Some(8), Some(5));
        one("ar", "5 غشت 2020", "5 غشت 2020", Some(2020), Some(8), Some(5));
        one("ar", "عام 2022م", "2022", Some(2022), None, None);
        one("ar", "٣٠/١١/٢٠٢٢", "٣٠/١١/٢٠٢٢", Some(2022), Some(11), Some(30));
        one("ar", "يوم الاثنين 5 ديسمبر 2022", "الاثنين 5 ديسمبر 2022", Some(2022), Some(12), Some(5));
        none("ar", "مارس الرياضة");
        one("ar", "في مارس الماضي", "مارس", None, Some(3), None);
        one("ar", "اجتماع بمارس", "مارس", None, Some(3), None);
        none("ar", "أب وابن");
    }

    #[test]
    fn times() {
        type T = (String, u32, Option<u32>, Option<Zone>, Option<String>);
        fn t(lang: &str, text: &str) -> Vec<T> {
            extract_times(lang, text)
                .into_iter()
                .map(|a| {
                    (
                        text[a.start..a.end].to_string(),
                        a.from_minutes,
                        a.to_minutes,
                        a.zone,
                        a.zone_span.map(|(s, e)| text[s..e].to_string()),
                    )
                })
                .collect()
        }
        let s = |x: &str| x.to_string();
        assert_eq!(t("en", "open 9:00 to 12:00."), vec![(s("9:00 to 12:00"), 540, Some(720), None, None)]);
        assert_eq!(
            t("en", "from 9:00 to 12:00 (UTC +7)"),
            vec![(s("9:00 to 12:00 (UTC +7"), 540, Some(720), Some(Zone::Fixed(420)), Some(s("UTC +7")))]
        );
        assert_eq!(
            t("en", "09H00-12H00 (UTC+7)"),
            vec![(s("09H00-12H00 (UTC+7"), 540, Some(720), Some(Zone::Fixed(420)), Some(s("UTC+7")))]
        );
        assert_eq!(t("fr", "à 14 h 30"), vec![(s("14 h 30"), 870, None, None, None)]);
        assert_eq!(t("fr", "de 9 h à 12 h"), vec![(s("9 h à 12 h"), 540, Some(720), None, None)]);
        assert_eq!(t("en", "at 9 a.m. sharp"), vec![(s("9 a.m."), 540, None, None, None)]);
        assert_eq!(t("en", "at 9pm"), vec![(s("9pm"), 1260, None, None, None)]);
        assert_eq!(t("en", "at 12 a.m."), vec![(s("12 a.m."), 0, None, None, None)]);
        assert_eq!(t("en", "at 9.30 a.m."), vec![(s("9.30 a.m."), 570, None, None, None)]);
        assert_eq!(
            t("en", "10:00 GMT+1"),
            vec![(s("10:00 GMT+1"), 600, None, Some(Zone::Fixed(60)), Some(s("GMT+1")))]
        );
        assert_eq!(
            t("en", "10:00 CET"),
            vec![(s("10:00 CET"), 600, None, Some(Zone::Fixed(60)), Some(s("CET")))]
        );
        assert_eq!(
            t("en", "10:00 CEST"),
            vec![(s("10:00 CEST"), 600, None, Some(Zone::Fixed(120)), Some(s("CEST")))]
        );
        assert_eq!(
            t("en", "at 10:00 Paris time"),
            vec![(
                s("10:00 Paris time"),
                600,
                None,
                Some(Zone::Iana(s("Europe/Paris"))),
                Some(s("Paris time"))
            )]
        );
        assert_eq!(
            t("fr", "à 10 h (heure de Paris)"),
            vec![(
                s("10 h (heure de Paris"),
                600,
                None,
                Some(Zone::Iana(s("Europe/Paris"))),
                Some(s("heure de Paris"))
            )]
        );
        assert_eq!(
            t("fr", "à 10 h heure de Bangkok"),
            vec![(
                s("10 h heure de Bangkok"),
                600,
                None,
                Some(Zone::Iana(s("Asia/Bangkok"))),
                Some(s("heure de Bangkok"))
            )]
        );
        assert_eq!(
            t("ar", "من الساعة 08:00 حتى 11:00 بتوقيت وسط أوروبا"),
            vec![(
                s("08:00 حتى 11:00 بتوقيت وسط أوروبا"),
                480,
                Some(660),
                Some(Zone::Iana(s("Europe/Paris"))),
                Some(s("توقيت وسط أوروبا"))
            )]
        );
        assert_eq!(
            t("ar", "الساعة ١٠:٠٠ بتوقيت باريس"),
            vec![(
                s("١٠:٠٠ بتوقيت باريس"),
                600,
                None,
                Some(Zone::Iana(s("Europe/Paris"))),
                Some(s("توقيت باريس"))
            )]
        );
        assert_eq!(
            t("ar", "الساعة ١٠:٠٠ بالتوقيت العالمي المنسق +١"),
            vec![(
                s("١٠:٠٠ بالتوقيت العالمي المنسق +١"),
                600,
                None,
                Some(Zone::Fixed(60)),
                Some(s("التوقيت العالمي المنسق +١"))
            )]
        );
        assert_eq!(
            t("ar", "الساعة 10:00 بتوقيت غرينتش"),
            vec![(s("10:00 بتوقيت غرينتش"), 600, None, Some(Zone::Fixed(0)), Some(s("توقيت غرينتش")))]
        );
        assert_eq!(t("ar", "الساعة ٩ صباحاً"), vec![(s("٩ صباحاً"), 540, None, None, None)]);
        assert_eq!(t("ar", "في الساعة ٩"), vec![(s("٩"), 540, None, None, None)]);
        assert_eq!(t("ar", "الساعة 3 مساءً"), vec![(s("3 مساءً"), 900, None, None, None)]);
        assert_eq!(t("fr", "à midi"), vec![(s("midi"), 720, None, None, None)]);
        assert_eq!(t("en", "from 9 to 11 a.m."), vec![(s("9 to 11 a.m."), 540, Some(660), None, None)]);
        assert_eq!(t("en", "from 2 to 4 pm"), vec![(s("2 to 4 pm"), 840, Some(960), None, None)]);
        assert_eq!(t("fr", "de 9 à 12 h"), vec![(s("9 à 12 h"), 540, Some(720), None, None)]);
        assert_eq!(t("en", "9:00–12:00"), vec![(s("9:00–12:00"), 540, Some(720), None, None)]);
        assert_eq!(t("en", "at 24:00"), vec![(s("24:00"), 1440, None, None, None)]);
        assert!(t("fr", "24h/24").is_empty());
        assert!(t("fr", "dans l'après-midi").is_empty());
        assert!(t("en", "from 9 to 12 delegates").is_empty());
        // near misses
        assert!(t("en", "see http://example.org/at/9:00/x").is_empty());
        assert!(t("en", "ratio 16:9 and 3:1").is_empty());
        assert!(t("en", "it took 48 hours").is_empty());
        assert!(t("en", "25:00 and 10:75").is_empty());
        assert!(t("en", "version 2.30 released").is_empty());
        assert_eq!(
            t("en", "from 09.00-12.00 CET"),
            vec![(s("09.00-12.00 CET"), 540, Some(720), Some(Zone::Fixed(60)), Some(s("CET")))]
        );
        assert!(t("en", "from 2.30 to 14:00").is_empty());
        assert!(t("fr", "48 h plus tard").is_empty());
    }

    #[test]
    fn zone_offsets() {
        let winter = Date::new(2022, 11, 30).unwrap();
        let summer = Date::new(2023, 7, 1).unwrap();
        let paris = Zone::Iana("Europe/Paris".into());
        assert_eq!(paris.offset_minutes_on(winter), Some(60));
        assert_eq!(paris.offset_minutes_on(summer), Some(120));
        assert_eq!(Zone::Iana("Asia/Bangkok".into()).offset_minutes_on(summer), Some(420));
        assert_eq!(Zone::Fixed(-300).offset_minutes_on(summer), Some(-300));
        assert_eq!(Zone::Iana("Nowhere/Nothing".into()).offset_minutes_on(summer), None);
    }

    type N = (String, f64, NumberKind, bool);

    fn nums(lang: &str, text: &str) -> Vec<N> {
        extract_numbers(lang, text, &[])
            .into_iter()
            .map(|a| (text[a.start..a.end].to_string(), a.value, a.kind, a.spelled))
            .collect()
    }

    fn n1(lang: &str, text: &str, slice: &str, value: f64, kind: NumberKind, spelled: bool) {
        assert_eq!(nums(lang, text), vec![(slice.to_string(), value, kind, spelled)], "{lang} {text:?}");
    }

    #[test]
    fn digit_numbers() {
        use NumberKind::*;
        n1("en", "about 25,000.5 people", "25,000.5", 25000.5, Cardinal, false);
        n1("en", "1,234,567 items", "1,234,567", 1234567.0, Cardinal, false);
        n1("fr", "environ 25 000,5 personnes", "25 000,5", 25000.5, Cardinal, false);
        n1("fr", "environ 25\u{a0}000,5 personnes", "25\u{a0}000,5", 25000.5, Cardinal, false);
        n1("fr", "environ 25\u{202f}000 personnes", "25\u{202f}000", 25000.0, Cardinal, false);
        n1("fr", "soit 3,5 fois", "3,5", 3.5, Cardinal, false);
        n1("ar", "حوالي ٢٥٬٠٠٠٫٥ شخص", "٢٥٬٠٠٠٫٥", 25000.5, Cardinal, false);
        n1("ar", "حوالي 25,000 شخص", "25,000", 25000.0, Cardinal, false);
        n1("ar", "حوالي ۲۵ شخص", "۲۵", 25.0, Cardinal, false);
        n1("en", "rose 45% in", "45%", 45.0, Percent, false);
        n1("fr", "soit 45 % des", "45 %", 45.0, Percent, false);
        n1("fr", "soit 45\u{202f}% des", "45\u{202f}%", 45.0, Percent, false);
        n1("ar", "بنسبة ٤٥٪ من", "٤٥٪", 45.0, Percent, false);
        n1("ar", "بنسبة 45 في المائة من", "45 في المائة", 45.0, Percent, false);
        n1("en", "the 42nd session", "42nd", 42.0, Ordinal, false);
        n1("en", "the 1st session", "1st", 1.0, Ordinal, false);
        n1("en", "the 217th session", "217th", 217.0, Ordinal, false);
        n1("fr", "la 42e session", "42e", 42.0, Ordinal, false);
        n1("fr", "la 217e session", "217e", 217.0, Ordinal, false);
        n1("fr", "le 1er rapport", "1er", 1.0, Ordinal, false);
        n1("fr", "la 2ème fois", "2ème", 2.0, Ordinal, false);
        n1("en", "rose 12 percent", "12 percent", 12.0, Percent, false);
        assert!(nums("en", "a 4G network, mp3 files, 1,2345").is_empty());
        assert!(nums("en", "visit https://x.org/page/42 now").is_empty());
        assert!(nums("en", "version 1.2.3").is_empty());
        assert!(nums("fr", "25.000 personnes").is_empty());
        // Moroccan 1.234,5 is read (known_gaps); a lone 1.234 stays a decimal.
        n1("en", "a hundred people", "a hundred", 100.0, Cardinal, true);
        n1("en", "$2.5 billion in", "2.5 billion", 2.5e9, Cardinal, false);
        n1("en", "forty thousand people", "forty thousand", 40000.0, Cardinal, true);
        n1("fr", "3 milliards de dollars", "3 milliards", 3e9, Cardinal, false);
        n1("fr", "1,5 million de personnes", "1,5 million", 1.5e6, Cardinal, false);
        n1("ar", "٣ ملايين شخص", "٣ ملايين", 3e6, Cardinal, false);
        n1("ar", "2 مليار دولار", "2 مليار", 2e9, Cardinal, false);
    }

    #[test]
    fn word_numbers() {
        use NumberKind::*;
        n1("en", "three partners", "three", 3.0, Cardinal, true);
        n1("en", "the forty-second session", "forty-second", 42.0, Ordinal, true);
        n1("en", "Sixty countries", "Sixty", 60.0, Cardinal, true);
        n1("en", "twenty one members", "twenty one", 21.0, Cardinal, true);
        n1("fr", "trois partenaires", "trois", 3.0, Cardinal, true);
        n1("fr", "la quarante-deuxième session", "quarante-deuxième", 42.0, Ordinal, true);
        n1("fr", "soixante pays", "soixante", 60.0, Cardinal, true);
        n1("fr", "soixante et onze pays", "soixante et onze", 71.0, Cardinal, true);
        n1("fr", "quatre-vingt-dix-neuf pays", "quatre-vingt-dix-neuf", 99.0, Cardinal, true);
        n1("fr", "quatre-vingts pays", "quatre-vingts", 80.0, Cardinal, true);
        n1("fr", "vingt et un pays", "vingt et un", 21.0, Cardinal, true);
        n1("ar", "ثلاثة شركاء", "ثلاثة", 3.0, Cardinal, true);
        n1("ar", "الدورة الثانية والأربعين", "الثانية والأربعين", 42.0, Ordinal, true);
        n1("ar", "ستين دولة", "ستين", 60.0, Cardinal, true);
        n1("ar", "اثنان وأربعون عضوا", "اثنان وأربعون", 42.0, Cardinal, true);
        n1("ar", "القرن التاسع عشر", "التاسع عشر", 19.0, Ordinal, true);
        n1("ar", "وثلاثة شركاء", "ثلاثة", 3.0, Cardinal, true);
        n1("ar", "ثلاثون في المائة", "ثلاثون في المائة", 30.0, Percent, true);
        n1("en", "forty percent", "forty percent", 40.0, Percent, true);
        assert!(nums("fr", "un rapport et une étude").is_empty());
        assert!(nums("en", "no one knows").is_empty());
    }

    #[test]
    fn numbers_skip_taken() {
        let text = "On 30 November 2022 at 9:00, 250 people and CL/4398.";
        let mut taken: Vec<(usize, usize)> =
            extract_dates("en", text).iter().map(|a| (a.start, a.end)).collect();
        taken.extend(extract_times("en", text).iter().map(|a| (a.start, a.end)));
        let code = text.find("CL/4398").unwrap();
        taken.push((code, code + 7));
        let n = extract_numbers("en", text, &taken);
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(&text[n[0].start..n[0].end], "250");
        let fr = "le 1er mars 2023, 3 000 participants";
        let taken: Vec<(usize, usize)> = extract_dates("fr", fr).iter().map(|a| (a.start, a.end)).collect();
        let n = extract_numbers("fr", fr, &taken);
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(&fr[n[0].start..n[0].end], "3 000");
    }

    #[test]
    fn several_anchors_and_extended_locale() {
        let got = dates("en", "between 30 November 2022 and 2 December 2022, in Q4 2022");
        assert_eq!(
            got,
            vec![
                ("30 November 2022".into(), Some(2022), Some(11), Some(30)),
                ("2 December 2022".into(), Some(2022), Some(12), Some(2)),
                ("2022".into(), Some(2022), None, None),
            ]
        );
        let got = dates("fr", "du 30.11.2022 au 2022/12/02");
        assert_eq!(
            got,
            vec![
                ("30.11.2022".into(), Some(2022), Some(11), Some(30)),
                ("2022/12/02".into(), Some(2022), Some(12), Some(2)),
            ]
        );
        let ar = "\u{200f}الخميس\u{200f}، ٣٠ نـوفـمـبـر ٢٠٢٠";
        one("ar", ar, "الخميس\u{200f}، ٣٠ نـوفـمـبـر ٢٠٢٠", Some(2020), Some(11), Some(30));
        one("ar", "شهر نوفمبر 2022", "نوفمبر 2022", Some(2022), Some(11), None);
        one("ar", "30 من نوفمبر عام 2022", "30 من نوفمبر عام 2022", Some(2022), Some(11), Some(30));

        let mut l = locale::table("en").unwrap().clone();
        let extra: locale::LocaleData = toml::from_str(
            "[[months]]\nnumber = 11\nabbrevs = [\"Novemb\"]\n[[zones]]\nnames = [\"WIB\"]\niana = \"Asia/Jakarta\"",
        )
        .unwrap();
        l.extend(extra);
        let d = extract_dates_with(&l, "5 Novemb. 2022");
        assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2022), Some(11), Some(5)));
        let t = extract_times_with(&l, "at 10:00 WIB");
        assert_eq!(t[0].zone, Some(Zone::Iana("Asia/Jakarta".into())));
        assert!(extract_times("en", "at 10:00 WIB")[0].zone.is_none());
    }

    #[test]
    fn code_near_misses() {
        assert!(extract_times("ar", "الوثيقة ٣٦ م/٥ و41 م/5").is_empty());
        none("ar", "الوثيقة ٣٦ م/٥");
        none("en", "216 EX/5 and 41 C/Resolution 12, A/RES/70/1");
        none("en", "doi 10.54675/ABCD1234 and ark:/48223/pf0000383205");
        let t = "see ED-2019/WS/25";
        assert!(extract_dates("en", t).is_empty(), "{:?}", dates("en", t));
    }

    #[test]
    fn builtin_patterns_compile() {
        for lang in locale::LANGS {
            assert!(pattern_errors(locale::table(lang).unwrap()).is_empty(), "{lang}");
        }
    }

    /// Forms the brief did not cover, learned from real documents (#14).
    #[test]
    fn known_gaps() {
        let a = extract_dates("en", "1-3 November 2022");
        assert_eq!((a[0].day, a[0].month), (Some(1), Some(11)));
        assert_eq!(a[0].day_end, Some(3));
        for (lang, text, slice) in [
            ("fr", "du 1er au 3 novembre 2022", "1er au 3 novembre 2022"),
            ("ar", "من 1 إلى 3 نوفمبر 2022", "1 إلى 3 نوفمبر 2022"),
            ("en", "from 1 to 3 November 2022", "1 to 3 November 2022"),
        ] {
            let a = one(lang, text, slice, Some(2022), Some(11), Some(1));
            assert_eq!(a.day_end, Some(3), "{text}");
        }
        // Not a range: the first number is not an earlier day.
        assert_eq!(extract_dates("en", "version 5-3 November 2022")[0].day, Some(3));
        one("ar", "الخامس من نوفمبر 2022", "الخامس من نوفمبر 2022", Some(2022), Some(11), Some(5));
        one("ar", "في الخامس نوفمبر 2022", "الخامس نوفمبر 2022", Some(2022), Some(11), Some(5));
        one("en", "the fifth of November 2022", "fifth of November 2022", Some(2022), Some(11), Some(5));
        one("en", "the second March 2023 update", "March 2023", Some(2023), Some(3), None);
        n1("fr", "au XXIe siècle", "XXIe", 21.0, NumberKind::Ordinal, false);
        n1("fr", "sous la Ve République", "Ve", 5.0, NumberKind::Ordinal, false);
        assert!(extract_numbers("fr", "Ce document. Le texte. IIIIe", &[]).is_empty());
        n1("ar", "المغرب 1.234,5 درهم", "1.234,5", 1234.5, NumberKind::Cardinal, false);
        n1("en", "2 million people", "2 million", 2e6, NumberKind::Cardinal, false);
    }

    /// Hours as ordinal words after an hour marker (#14).
    #[test]
    fn spelled_hours() {
        let t = extract_times("ar", "يبدأ اللقاء الساعة السادسة مساءً في القاعة");
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].from_minutes, t[0].to_minutes), (18 * 60, None));
        // Without the marker an ordinal is a number, not an hour.
        assert!(extract_times("ar", "الفصل السادس مساءً").is_empty());
    }

    #[test]
    fn other_languages_are_empty() {
        assert!(extract_dates("de", "30. November 2022").is_empty());
        assert!(extract_times("de", "9:00").is_empty());
        assert!(extract_numbers("de", "42", &[]).is_empty());
    }

    /// Every entry of every table goes through the extractors.
    #[test]
    fn every_table_entry_extracts() {
        for lang in locale::LANGS {
            let l = locale::table(lang).unwrap();
            let d = l.data();
            let comma = if lang == "ar" { "،" } else { "," };
            for m in &d.months {
                let mut names: Vec<String> = m.names.iter().chain(&m.ambiguous).cloned().collect();
                for a in &m.abbrevs {
                    names.push(a.clone());
                    names.push(format!("{a}."));
                }
                for name in names {
                    let text = format!("x 5 {name} 2022 x");
                    let got = dates(lang, &text);
                    let want = (format!("5 {name} 2022"), Some(2022), Some(m.number), Some(5));
                    assert_eq!(got, vec![want], "{lang} {text:?}");
                    let text = format!("x {name} 2022 x");
                    let got = dates(lang, &text);
                    let want = (format!("{name} 2022"), Some(2022), Some(m.number), None);
                    assert_eq!(got, vec![want], "{lang} {text:?}");
                }
            }
            let month = &d.months[0].names[0];
            for w in &d.weekdays {
                let mut names = w.names.clone();
                names.extend(w.abbrevs.iter().map(|a| format!("{a}.")));
                for name in names {
                    let text = format!("{name}{comma} 5 {month} 2022");
                    let a = extract_dates(lang, &text);
                    assert_eq!(a.len(), 1, "{lang} {text:?}");
                    assert_eq!(a[0].weekday, weekday_of(w.number), "{lang} {text:?}");
                    let (ws, we) = a[0].weekday_span.unwrap();
                    assert_eq!(&text[ws..we], name);
                    assert_eq!((a[0].start, a[0].end), (0, text.len()));
                }
            }
            for z in &d.zones {
                let want = match (&z.iana, &z.offset) {
                    (Some(id), _) => Zone::Iana(id.clone()),
                    (None, Some(o)) => Zone::Fixed(locale::parse_offset(o).unwrap()),
                    _ => unreachable!(),
                };
                for name in &z.names {
                    let text = format!("x 10:00 {name} x");
                    let t = extract_times(lang, &text);
                    assert_eq!(t.len(), 1, "{lang} {text:?}");
                    assert_eq!(t[0].zone.as_ref(), Some(&want), "{lang} {text:?}");
                    let (zs, ze) = t[0].zone_span.unwrap();
                    assert_eq!(&text[zs..ze], name.as_str());
                    if z.allow_offset {
                        let text = format!("10:00 ({name} -3)");
                        let t = extract_times(lang, &text);
                        assert_eq!(t.len(), 1, "{lang} {text:?}");
                        let Zone::Fixed(base) = want else { unreachable!() };
                        assert_eq!(t[0].zone, Some(Zone::Fixed(base - 180)), "{text:?}");
                    }
                }
            }
            for (words, pm) in [(&d.time.am, false), (&d.time.pm, true)] {
                for w in words {
                    let text = format!("x 9 {w} x");
                    let t = extract_times(lang, &text);
                    assert_eq!(t.len(), 1, "{lang} {text:?}");
                    assert_eq!(t[0].from_minutes, if pm { 21 * 60 } else { 9 * 60 }, "{text:?}");
                    assert_eq!(&text[t[0].start..t[0].end], format!("9 {w}"));
                }
            }
            for (words, v) in [(&d.time.noon, 720), (&d.time.midnight, 0)] {
                for w in words {
                    let t = extract_times(lang, &format!("x {w} x"));
                    assert_eq!(t.len(), 1, "{lang} {w:?}");
                    assert_eq!(t[0].from_minutes, v);
                }
            }
            let not_standalone: Vec<String> =
                d.numbers.not_standalone.iter().map(|w| locale::key(w)).collect();
            let mut count = 0;
            for (w, v, ord) in l.number_words() {
                if not_standalone.contains(&locale::key(&w)) {
                    continue;
                }
                count += 1;
                let text = format!("x {w} x");
                let n = nums(lang, &text);
                let kind = if ord { NumberKind::Ordinal } else { NumberKind::Cardinal };
                assert_eq!(n, vec![(w.clone(), v as f64, kind, true)], "{lang} {text:?}");
            }
            assert!(count > 200, "{lang}: {count}");
            for w in &d.numbers.percent_words {
                let text = format!("x 12{w} et 12 {w} x");
                let n = extract_numbers(lang, &text, &[]);
                assert_eq!(n.len(), 2, "{lang} {text:?}");
                assert!(n.iter().all(|a| a.kind == NumberKind::Percent && a.value == 12.0), "{text:?}");
            }
            for sc in &d.numbers.scales {
                for w in &sc.words {
                    let text = format!("x 2 {w} x");
                    let n = nums(lang, &text);
                    let want = (format!("2 {w}"), 2.0 * sc.value, NumberKind::Cardinal, false);
                    assert_eq!(n, vec![want], "{text:?}");
                }
            }
            for suf in &d.numbers.digit_ordinal_suffixes {
                let text = format!("x 12{suf} x");
                let n = nums(lang, &text);
                assert_eq!(n, vec![(format!("12{suf}"), 12.0, NumberKind::Ordinal, false)], "{text:?}");
            }
        }
    }

    const TOKENS: &[&str] = &[
        " ",
        ", ",
        "، ",
        "/",
        "-",
        "–",
        ".",
        ":",
        "(",
        ")",
        "+",
        "%",
        "٪",
        "\u{a0}",
        "\u{202f}",
        "\u{200f}",
        "\u{64b}",
        "ـ",
        "1",
        "12",
        "30",
        "2022",
        "٢٠٢٣",
        "۱۲",
        "٫",
        "٬",
        "9:00",
        "14 h 30",
        "h",
        "H",
        "am",
        "p.m.",
        "May",
        "may",
        "Nov.",
        "novembre",
        "mars",
        "1er",
        "42nd",
        "42e",
        "نوفمبر",
        "آذار",
        "مارس",
        "ب",
        "في",
        "الساعة",
        "كانون الثاني",
        "الخميس",
        "Monday",
        "UTC",
        "CET",
        "بتوقيت",
        "باريس",
        "heure de Paris",
        "forty",
        "two",
        "quatre",
        "vingt",
        "et",
        "un",
        "وأربعون",
        "اثنان",
        "الثانية",
        "http://x.org/",
        "a@b.org",
        "CL/",
        "ISBN 978-",
        "from",
        "to",
        "de",
        "à",
        "حتى",
        "من",
        "صباحاً",
        "م",
        "percent",
        "pour cent",
        "في المائة",
        "ᵉ",
        "É",
        "é",
        "i\u{307}",
    ];

    fn to_digits(s: &str, system: u8) -> String {
        let base = match system {
            1 => 0x0660,
            2 => 0x06F0,
            _ => return s.to_string(),
        };
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(base + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }

    fn pick<T: Clone>(v: &[T], i: usize) -> T {
        v[i % v.len()].clone()
    }

    use proptest::prelude::*;

    proptest! {

        #[test]
        fn dates_round_trip(
            y in 1900i16..2100, m in 1i8..=12, d in 1i8..=31,
            lang_i in 0usize..3, form in 0usize..6, var in 0usize..64, wvar in 0usize..64,
            digits in 0u8..3, cap in proptest::bool::ANY,
        ) {
            let date = Date::new(y, m, d.min(Date::new(y, m, 1).unwrap().days_in_month())).unwrap();
            let (y, m, d) = (date.year(), date.month() as u8, date.day());
            let lang = locale::LANGS[lang_i];
            let l = locale::table(lang).unwrap();
            let data = l.data();
            let entry = data.months.iter().find(|e| e.number == m).unwrap();
            let mut variants: Vec<String> = entry.names.clone();
            variants.extend(entry.abbrevs.iter().map(|a| format!("{a}.")));
            variants.extend(entry.abbrevs.iter().cloned());
            let mut name = pick(&variants, var);
            if cap && lang == "fr" {
                let mut c = name.chars();
                name = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
            }
            let wn = date.weekday().to_monday_one_offset() as u8;
            let wentry = data.weekdays.iter().find(|e| e.number == wn).unwrap();
            let wname = pick(&wentry.names, wvar);
            let (text, has_wd) = match (lang, form) {
                ("en", 0) => (format!("On {d} {name} {y}, we"), false),
                ("en", 1) => (format!("On {name} {d}, {y} we"), false),
                ("en", 2) => (format!("{wname}, {d} {name} {y}"), true),
                ("en", 3) => (format!("{wname}, {name} {d}, {y}"), true),
                ("fr", 0) => (format!("le {} {name} {y}", if d == 1 { "1er".to_string() } else { d.to_string() }), false),
                ("fr", 1) => (format!("{wname} {d} {name} {y}"), true),
                ("fr", 2) => (format!("Le {wname} {d} {name} {y}."), true),
                ("fr", 3) => (format!("en {d} {name} {y}"), false),
                ("ar", 0) => (to_digits(&format!("في {d} {name} {y}"), digits), false),
                ("ar", 1) => (to_digits(&format!("{wname}، {d} {name} {y}"), digits), true),
                ("ar", 2) | ("ar", 3) => {
                    // UN style: a regional name, a slash, the standard name.
                    let std_name = entry.names[0].clone();
                    let other = pick(&entry.names, var);
                    (to_digits(&format!("يوم {d} {other}/{std_name} {y}"), digits), false)
                }
                (_, 4) => (to_digits(&format!("le {d:02}/{m:02}/{y}"), digits), false),
                _ => (to_digits(&format!("({y}-{m:02}-{d:02})"), digits), false),
            };
            let got = extract_dates(lang, &text);
            prop_assert_eq!(got.len(), 1, "{} {:?} {:?}", lang, text, got);
            let a = &got[0];
            prop_assert_eq!((a.year, a.month, a.day), (Some(y as i32), Some(m), Some(d as u8)), "{:?}", text);
            prop_assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end));
            if has_wd {
                prop_assert_eq!(a.weekday, Some(date.weekday()), "{:?}", text);
            }
        }

        #[test]
        fn month_year_round_trip(y in 1900i32..2100, m in 1u8..=12, lang_i in 0usize..3, var in 0usize..64, digits in 0u8..3) {
            let lang = locale::LANGS[lang_i];
            let entry = locale::table(lang).unwrap().data().months.iter().find(|e| e.number == m).unwrap();
            let name = pick(&entry.names, var);
            let text = to_digits(&format!("({name} {y})"), digits);
            let got = extract_dates(lang, &text);
            prop_assert_eq!(got.len(), 1, "{:?}", text);
            prop_assert_eq!((got[0].year, got[0].month, got[0].day), (Some(y), Some(m), None));
        }

        #[test]
        fn numbers_round_trip(
            int in 0u64..5_000_000_000, frac in proptest::option::of(0u32..100),
            lang_i in 0usize..3, style in 0usize..3, digits in 0u8..3, percent in proptest::bool::ANY,
        ) {
            let lang = locale::LANGS[lang_i];
            let (group, dec): (&str, &str) = match (lang, style) {
                ("fr", 0) => (" ", ","),
                ("fr", 1) => ("\u{a0}", ","),
                ("fr", _) => ("\u{202f}", ","),
                ("ar", 0) => ("٬", "٫"),
                ("ar", 1) => (",", "."),
                ("ar", _) => ("", "٫"),
                (_, 0) => (",", "."),
                _ => ("", "."),
            };
            let s = int.to_string();
            let mut grouped = String::new();
            for (i, ch) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    grouped.push_str(group);
                }
                grouped.push(ch);
            }
            let mut want = int as f64;
            if let Some(f) = frac {
                grouped.push_str(&format!("{dec}{f:02}"));
                want = format!("{int}.{f:02}").parse().unwrap();
            }
            let num = if lang == "ar" { to_digits(&grouped, digits) } else { grouped };
            let sign = match lang { "ar" => "٪", "fr" => " %", _ => "%" };
            let num_text = if percent { format!("{num}{sign}") } else { num };
            let text = format!("x {num_text} y");
            let got = extract_numbers(lang, &text, &[]);
            prop_assert_eq!(got.len(), 1, "{:?} {:?}", text, got);
            prop_assert_eq!(got[0].value, want, "{:?}", text);
            prop_assert_eq!(&text[got[0].start..got[0].end], num_text.as_str());
            let kind = if percent { NumberKind::Percent } else { NumberKind::Cardinal };
            prop_assert_eq!(got[0].kind, kind);
        }

        #[test]
        fn times_round_trip(h in 0u32..24, mi in 0u32..60, lang_i in 0usize..3, form in 0usize..4, digits in 0u8..3) {
            let lang = locale::LANGS[lang_i];
            let (text, want) = match form {
                0 => (format!("à {h}:{mi:02}."), h * 60 + mi),
                1 => (format!("à {h:02}H{mi:02} "), h * 60 + mi),
                2 => (format!("à {h} h {mi:02}"), h * 60 + mi),
                _ => (format!("{h}:{mi:02}-{}:{mi:02} (UTC+7)", (h + 1) % 24), h * 60 + mi),
            };
            let text = if lang == "ar" { to_digits(&text, digits) } else { text };
            let got = extract_times(lang, &text);
            prop_assert_eq!(got.len(), 1, "{:?} {:?}", text, got);
            prop_assert_eq!(got[0].from_minutes, want);
            if form == 3 {
                prop_assert_eq!(got[0].to_minutes, Some(((h + 1) % 24) * 60 + mi));
                prop_assert_eq!(got[0].zone.clone(), Some(Zone::Fixed(420)));
            }
        }

        #[test]
        fn token_soup_never_panics(parts in proptest::collection::vec(0usize..TOKENS.len(), 0..24)) {
            let text: String = parts.iter().map(|&i| TOKENS[i]).collect();
            for lang in ["en", "fr", "ar"] {
                let dates = extract_dates(lang, &text);
                let times = extract_times(lang, &text);
                let mut taken: Vec<(usize, usize)> = dates.iter().map(|a| (a.start, a.end)).collect();
                taken.extend(times.iter().map(|a| (a.start, a.end)));
                let nums = extract_numbers(lang, &text, &taken);
                for (s, e) in taken.iter().copied().chain(nums.iter().map(|a| (a.start, a.end))) {
                    prop_assert!(s < e && text.get(s..e).is_some(), "{:?} {}..{}", text, s, e);
                }
                for a in &dates {
                    if let (Some(y), Some(m), Some(d)) = (a.year, a.month, a.day) {
                        prop_assert!(Date::new(y as i16, m as i8, d as i8).is_ok());
                    }
                }
                for a in &times {
                    prop_assert!(a.from_minutes <= 1440);
                }
                for a in &nums {
                    prop_assert!(!hits(&merged(taken.clone()), a.start, a.end));
                }
            }
        }

        #[test]
        fn never_panics(s in "\\PC*", t in "[0-9٠-٩۰-۹ /:.,٫٬%٪hH\\-–a-zA-Zéèأإآابتثجحخدذرسشصضطظعغفقكلمنهويىةـًٌٍَُِّْ\u{a0}\u{202f}\u{200f}()+]{0,40}") {
            for text in [&s, &t] {
                for lang in ["en", "fr", "ar"] {
                    for a in extract_dates(lang, text) {
                        prop_assert!(a.start < a.end && text.get(a.start..a.end).is_some());
                    }
                    let times = extract_times(lang, text);
                    for a in &times {
                        prop_assert!(a.start < a.end && text.get(a.start..a.end).is_some());
                    }
                    let taken: Vec<(usize, usize)> = times.iter().map(|a| (a.start, a.end)).collect();
                    for a in extract_numbers(lang, text, &taken) {
                        prop_assert!(a.start < a.end && text.get(a.start..a.end).is_some());
                        prop_assert!(a.value.is_finite());
                    }
                }
            }
        }
    }
}
