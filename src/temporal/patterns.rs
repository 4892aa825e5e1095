//! The patterns of one locale table, built once per locale: regex syntax written from
//! the table's words, read by [`Matcher`] (parsed, not compiled).

use super::front::{Both, Front, Hours};
use super::matcher::{Matcher, Part, Source, PART};
use crate::locale::{self, Locale, NameKind};
use regex::{Regex, RegexBuilder};
use std::sync::{Arc, OnceLock};

// ---------------------------------------------------------------------------
// Patterns (compiled once per locale)
// ---------------------------------------------------------------------------

pub(super) const NEVER: &str = r"[^\s\S]";

/// Patterns built from one locale table.
#[derive(Debug)]
pub struct Patterns {
    pub(super) date: Matcher,
    /// Where a date with a month name can start.
    pub(super) date_front: Front,
    pub(super) time: Matcher,
    /// Where a time can start.
    pub(super) time_front: Front,
    /// The two fronts' words, searched in one pass (see [`Both`]).
    pub(super) both: Option<Both>,
    /// The number pattern matched, for the tests that compare the readers with `regex`
    /// (numbers are read by [`super::digits`]).
    #[cfg(test)]
    pub(super) number: Matcher,
    pub(super) range_gap: Matcher,
    /// The first day of a day range, ending where the date's day starts ("1-", "du 1er au ").
    pub(super) day_range: Matcher,
    /// A word, then a day-month joiner, ending where a month starts ("الخامس من ").
    pub(super) day_word: Matcher,
    /// Characters the last two can hold after their first (see [`Matcher::captures_suffix`]).
    pub(super) day_range_chars: Vec<char>,
    pub(super) day_word_chars: Vec<char>,
    /// The words that may begin a number word, as bits (see [`super::numbers`]).
    pub(super) number_firsts: super::numbers::WordBits,
    pub(super) us_numeric: bool,
    pub(super) latin: bool,
    /// The number pattern as written (see [`Patterns::sources`]).
    number_source: &'static str,
    /// Errors of the patterns compiled as regexes (see [`pattern_errors`]).
    all_errors: OnceLock<Vec<String>>,
    /// The word lists, as [`alt_words`] gives them, for the test that compares their trees
    /// with the parsed patterns.
    #[cfg(test)]
    pub(super) lists: Vec<Vec<(String, bool)>>,
    /// The skeletons of the patterns (see [`Parts`]), for the test that checks their
    /// trees are among those written out in `matcher/skeletons.rs`.
    #[cfg(test)]
    pub(super) skeletons: Vec<String>,
}

impl Patterns {
    /// The patterns as written: range gap, date, time, number, day range, day word
    /// (written out on first use: only the configuration check and the tests ask).
    pub(super) fn sources(&self) -> [&str; 6] {
        [
            self.range_gap.source(),
            self.date.source(),
            self.time.source(),
            self.number_source,
            self.day_range.source(),
            self.day_word.source(),
        ]
    }
}

/// Compiles a pattern; a pattern that does not compile (a user table too
/// large for the regex size limit) matches nothing and is reported through
/// [`pattern_errors`] instead of panicking.
pub(super) fn compile_or_never(p: &str, errors: &mut Vec<String>) -> Regex {
    compile_checked(p).unwrap_or_else(|e| {
        errors.push(e);
        Regex::new(NEVER).expect("constant regex")
    })
}

pub(super) fn compile_checked(p: &str) -> Result<Regex, String> {
    RegexBuilder::new(p).size_limit(64 << 20).dfa_size_limit(16 << 20).build().map_err(|e| e.to_string())
}

pub(super) fn compile(p: &str) -> Regex {
    compile_or_never(p, &mut Vec::new())
}

/// Errors met compiling the patterns of a locale as regexes (empty when all is well).
/// The readers do not compile them; a configuration that extends a table is checked
/// with this when it is read, so that a table too large for the regex size limit is
/// still refused as it was.
pub fn pattern_errors(l: &Locale) -> &[String] {
    let p = patterns(l);
    p.all_errors.get_or_init(|| p.sources().iter().filter_map(|s| compile_checked(s).err()).collect())
}

/// A pattern read by [`Matcher`]; one it cannot read matches nothing.
pub(super) fn matcher(p: &str) -> Matcher {
    Matcher::new(p).unwrap_or_else(|_| Matcher::new(NEVER).expect("constant pattern"))
}

/// The characters of `words` (folded keys) and of their whitespace.
fn chars_of<'a>(words: impl IntoIterator<Item = &'a String>) -> Vec<char> {
    let mut v: Vec<char> =
        words.into_iter().flat_map(|w| locale::key(w).chars().collect::<Vec<_>>()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The words of an alternation ([`alt_text`]), as they are written into it: folded, the
/// dot of an abbreviation apart (`(word, true)`), without duplicates, longest first.
pub(super) fn alt_words(items: impl IntoIterator<Item = (String, bool)>) -> Vec<(String, bool)> {
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
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    v
}

/// Alternation of the words of [`alt_words`], longest first, an optional "." after an
/// abbreviation.
pub(super) fn alt_text(v: &[(String, bool)]) -> String {
    if v.is_empty() {
        return NEVER.to_string();
    }
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

pub(super) fn words(v: &[String]) -> impl Iterator<Item = (String, bool)> + '_ {
    v.iter().map(|w| (w.clone(), false))
}

pub(super) fn patterns(l: &Locale) -> &Patterns {
    l.patterns.get_or_init(|| build_patterns(l))
}

/// The word lists of one locale's patterns, each made a tree once, from the words (see
/// [`Part::words`]): the patterns are written with one private-use character in place
/// of each list (their skeleton), and written out in full ([`expand`]) only for the
/// `regex` crate and for [`Patterns::sources`], when they ask. The months appear four
/// times in the date pattern; reading them once each is most of the start-up saved. A
/// list's stand-in is the order in which it was added, whatever its words (two lists
/// alike get two stand-ins), so that the skeletons of the tables are the same text, whose
/// trees are written out in `matcher/skeletons.rs` (see `matcher::parse`).
#[derive(Default)]
struct Parts {
    words: Vec<Vec<(String, bool)>>,
}

impl Parts {
    /// The stand-in for the list of `words` (as [`alt`] takes them).
    fn add(&mut self, words: Vec<(String, bool)>) -> String {
        self.words.push(alt_words(words));
        let i = self.words.len() - 1;
        char::from_u32(PART + i as u32).map_or_else(String::new, String::from)
    }

    /// The lists as trees, in order.
    fn parsed(&self) -> Vec<Part> {
        self.words.iter().map(|w| Part::words(w)).collect()
    }
}

/// `skeleton` with each stand-in replaced by its list of `lists` written out ([`alt_text`]).
fn expand(lists: &[Vec<(String, bool)>], skeleton: &str) -> String {
    let mut out = String::with_capacity(skeleton.len());
    for c in skeleton.chars() {
        match (c as u32).checked_sub(PART).and_then(|i| lists.get(i as usize)) {
            Some(words) => out.push_str(&alt_text(words)),
            None => out.push(c),
        }
    }
    out
}

pub(super) fn build_patterns(l: &Locale) -> Patterns {
    let d = l.data();
    let lx = l.lexicon();
    let lang = d.lang.as_str();
    let mut parts = Parts::default();
    let mut alt = |items: Vec<(String, bool)>| parts.add(items);
    let cl = alt(words(&d.clitics).collect());
    let months = alt(lx.months.iter().map(|(k, v)| (k.to_string(), v.1 == NameKind::Abbrev)).collect());
    let wdays = alt(lx.weekdays.iter().map(|(k, v)| (k.to_string(), v.1 == NameKind::Abbrev)).collect());
    let wpre = alt(words(&d.weekday_prefixes).collect());
    let mpre = alt(words(&d.month_prefixes).collect());
    let dj = alt(words(&d.day_month_joiners).collect());
    let myj = alt(words(&d.month_year_joiners).collect());
    let suf = alt(words(&d.numbers.digit_ordinal_suffixes).collect());
    let rj = alt(words(&d.range_joiners).collect());
    let ro = alt(words(&d.range_openers).collect());

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
    let ampm = alt(words(&t.am).chain(words(&t.pm)).collect());
    let noon = alt(words(&t.noon).chain(words(&t.midnight)).collect());
    let mk = alt(words(&t.hour_markers).collect());
    let hsep = alt(words(&t.hour_separators).collect());
    let rhw = alt(words(&t.range_hour_words).collect());
    // Hours written as ordinal words after an hour marker ("الساعة السادسة مساءً").
    let hour_words = if t.hour_markers.is_empty() {
        NEVER.to_string()
    } else {
        alt(d
            .numbers
            .ordinals
            .iter()
            .filter(|o| (1..=12).contains(&o.value))
            .flat_map(|o| words(&o.words))
            .collect())
    };
    let tm = |n: u8| {
        // A bare number is an hour only as the first end of a range whose
        // second end is a real time ("from 9 to 11 a.m.", "de 9 à 12 h").
        // An hour word may follow it when the range closes with one ("de 9 heures à 12
        // heures"): alone, "9 heures" is a duration as often as a time.
        let bare = if n == 1 { format!(r"|(?P<hb1>[0-2]?[0-9])(?:\s?(?:{rhw}))?") } else { String::new() };
        // Hour words close a range only ("de 18 à 19 heures").
        let hsep = if n == 2 { format!("{hsep}|{rhw}") } else { hsep.clone() };
        format!(
            r"(?:{mk}\s+)??(?:(?P<h{n}>[0-2]?[0-9])\s?(?P<s{n}>:|\.|h|{hsep})\s?(?P<mi{n}>[0-5][0-9])(?::[0-5][0-9])?(?:\s*(?P<a{n}>{ampm}))?|(?P<hh{n}>[0-2]?[0-9])(?P<hx{n}>\s?(?:h|{hsep}))|(?P<ha{n}>[0-1]?[0-9])\s*(?P<aa{n}>{ampm})|{mk}\s+(?P<hm{n}>[0-2]?[0-9])(?:\s*(?P<am{n}>{ampm}))?|{mk}\s+(?P<hw{n}>{hour_words})(?:\s*(?P<aw{n}>{ampm}))?|(?P<nn{n}>{noon}){bare})"
        )
    };
    let zones = alt(lx.zones.keys().map(|k| (k.to_string(), false)).collect());
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
    let range_gap = format!(r"^\s*(?:{ro}\s+)?{rj}\s*$");
    let day_range = format!(r"(?:^|[^\w.,:/])(?P<d>[0-3]?[0-9])(?:{suf})?\s*{rj}\s*(?:le\s+)?$");
    // Arabic puts an ordinal day straight before the month too ("الخامس نوفمبر"); other
    // languages need the joiner ("the fifth of November"), or "second March" would be a day.
    let dj_opt = if lang == "ar" { "?" } else { "" };
    let day_word = format!(r"(?:^|[^\w])(?P<w>\w+)\s+(?:{dj}\s+){dj_opt}$");
    let mut day_range_chars = chars_of(d.numbers.digit_ordinal_suffixes.iter().chain(&d.range_joiners));
    day_range_chars.extend("0123456789le".chars());
    // Non-separator bytes a match may hold before its month (see `front`): the boundary
    // character, a weekday with its prefix and clitic (and a dot), a day with its suffix
    // and a dot, a joiner, a month prefix between two clitics.
    let most = |v: &[String]| v.iter().map(|w| locale::key(w).len() + 1).max().unwrap_or(0);
    let wd_keys: Vec<String> = lx.weekdays.keys().map(|k| k.to_string()).collect();
    let date_back = 4
        + most(&d.weekday_prefixes)
        + 3 * most(&d.clitics)
        + most(&wd_keys)
        + 3
        + most(&d.numbers.digit_ordinal_suffixes)
        + 1
        + most(&d.day_month_joiners)
        + most(&d.month_prefixes);
    let month_keys: Vec<String> =
        lx.months.keys().map(|k| locale::key(k).trim_end_matches('.').to_string()).collect();
    let date_front = Front::new(month_keys.iter().map(String::as_str), None, date_back);
    // Before a time's digit, noon word or hour word: the boundary, a range opener, two
    // hour markers.
    let time_back = 4 + most(&d.range_openers) + 2 * most(&t.hour_markers);
    let mut time_words: Vec<String> = t.noon.iter().chain(&t.midnight).map(|w| locale::key(w)).collect();
    if !t.hour_markers.is_empty() {
        time_words.extend(
            d.numbers
                .ordinals
                .iter()
                .filter(|o| (1..=12).contains(&o.value))
                .flat_map(|o| o.words.iter().map(|w| locale::key(w))),
        );
    }
    // An hour is one or two digits, and what the pattern lets follow it (a separator, an
    // a.m./p.m. word, a joiner, a zone, the end boundary) starts with no digit, unless a
    // word of the table does: then digit runs of any length are candidates.
    let digit_words = [&t.hour_separators, &t.range_hour_words, &t.am, &t.pm, &d.range_joiners, &d.clitics]
        .into_iter()
        .flatten()
        .map(|w| locale::key(w))
        .chain(lx.zones.keys().map(|k| k.to_string()))
        .any(|k| k.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    let hours = hour_words_of(l, digit_words, &time_words);
    let time_front =
        Front::new(time_words.iter().map(String::as_str), Some((!digit_words).then_some(2)), time_back)
            .with_hours(hours);
    let both = Both::new(&date_front, &time_front);
    let parsed = parts.parsed();
    let lists = Arc::new(parts.words);
    let build = |skeleton: &str| {
        let (kept, skeleton_text) = (Arc::clone(&lists), skeleton.to_string());
        let source = Source::lazy(move || expand(&kept, &skeleton_text));
        Matcher::with_parts(skeleton, &parsed, source).unwrap_or_else(|_| matcher(&expand(&lists, skeleton)))
    };
    let date_m = build(&date);
    let time_m = build(&time);
    let range_gap_m = build(&range_gap);
    let day_range_m = build(&day_range);
    let day_word_m = build(&day_word);
    Patterns {
        date: date_m,
        date_front,
        time_front,
        both,
        time: time_m,
        #[cfg(test)]
        number: matcher(number),
        range_gap: range_gap_m,
        day_range: day_range_m,
        day_word: day_word_m,
        day_range_chars,
        day_word_chars: chars_of(&d.day_month_joiners),
        number_firsts: super::numbers::WordBits::new(lx.number_first_words.iter().map(|w| w.as_ref())),
        us_numeric: lang == "en",
        latin: lang != "ar",
        number_source: number,
        all_errors: OnceLock::new(),
        #[cfg(test)]
        lists: lists.to_vec(),
        #[cfg(test)]
        skeletons: vec![date, time, range_gap, day_range, day_word],
    }
}

/// The words next to a number that may make it the hour of a time the reader keeps (see
/// [`Hours`]); `None` when the table does not allow the filter: a word after an hour
/// starts with a digit (`digit_words`), a range opener or an hour marker holds a digit or
/// one of the words the time front looks for (`time_words`).
fn hour_words_of(l: &Locale, digit_words: bool, time_words: &[String]) -> Option<Hours> {
    let d = l.data();
    let t = &d.time;
    let keys = |v: &[String]| -> Vec<String> { v.iter().map(|w| locale::key(w)).collect() };
    let before_hour: Vec<String> = keys(&d.range_openers).into_iter().chain(keys(&t.hour_markers)).collect();
    let firsts: Vec<&str> =
        time_words.iter().filter_map(|w| w.split(' ').next()).filter(|w| !w.is_empty()).collect();
    let clash = before_hour
        .iter()
        .any(|w| w.bytes().any(|b| b.is_ascii_digit()) || firsts.iter().any(|f| w.contains(f)));
    if digit_words || clash {
        return None;
    }
    let after: Vec<String> = [&t.hour_separators, &t.am, &t.pm, &d.range_joiners, &t.range_hour_words]
        .into_iter()
        .flat_map(|v| keys(v))
        .map(|k| k.split(' ').next().unwrap_or("").to_string())
        .collect();
    let before: Vec<String> =
        keys(&t.hour_markers).iter().map(|k| k.rsplit(' ').next().unwrap_or("").to_string()).collect();
    Some(Hours { after, before })
}
