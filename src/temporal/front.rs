//! Where a date or a time can start, found by token before any pattern is tried.
//!
//! Every date with a month name holds a month word, and every time holds a digit, a
//! noon/midnight word or an hour word. Between the start of a match and that word the
//! patterns allow only a bounded number of other characters (a weekday, a prefix, a
//! clitic, a day and its suffix, a joiner: words of the locale table) plus runs of
//! separators (`\s`, `,`, `،`) of any length. So a match can start only within that
//! many non-separator bytes before one of those words, and the matcher is tried at
//! those positions only ([`super::matcher::Matcher::captures_within`]) instead of at every
//! word of the text. The words are found with Aho–Corasick over the folded text (every
//! position where one starts, inside words too: clitics attach to months), the digits
//! by [`super::digits::next_digit`]; the result is a superset of the possible starts, so the matches, found
//! leftmost-first as before, are the same (`src/temporal/tests/matcher.rs` compares them with
//! a search from every position).

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The words a match must hold, and how far before them it may start.
#[derive(Debug)]
pub(super) struct Front {
    /// Aho–Corasick over the first words (up to the first space) of the words a match
    /// must hold; `None` when there are none.
    words: Option<Words>,
    /// Whether a run of ASCII digits that follows no ASCII word character is such a word
    /// too (times), and the longest run that can be (`None`: any length; when bounded, a
    /// run of two or more digits must also start with 0, 1 or 2, as hours do).
    digits: Option<Option<usize>>,
    /// The most non-separator bytes a match holds before the word.
    back: usize,
    /// The pattern cannot be bounded (a word starting with a space): no restriction.
    unbounded: bool,
    /// For times: the words that make an hour of a number (see [`Hours`]).
    hours: Option<Hours>,
}

/// What must stand next to a number for a time to be read from it (times only).
///
/// A number alone (`part 2`, `5,782 experts`) matches the time pattern as the bare first
/// end of a range (`from 9 to 11 a.m.`), and the reader then drops it unless a second end
/// follows: most numbers of a text are tried, matched and dropped. A time can be kept
/// only if the hour is followed (past white space) by `:`, `.`, `h`, an hour separator,
/// an a.m./p.m. word, a range joiner or an hour word (for a range), or preceded (past
/// white space) by an hour marker. Other numbers give no window of their own.
///
/// That leaves the times found the same: a match can start in such a number's window
/// only if its hour is that number (the boundary, range openers, hour markers and white
/// space before an hour hold no digit and no word the front looks for: checked when the
/// table is read, else there is no [`Hours`]), and such a match is dropped; the reader
/// then goes on after the number, where the windows are the same as before.
#[derive(Debug)]
pub(super) struct Hours {
    /// First words of the words that may follow an hour.
    pub(super) after: Vec<String>,
    /// Last words of the hour markers.
    pub(super) before: Vec<String>,
}

impl Hours {
    /// Whether the digits `i..j` of `f` may be the hour of a time that is kept.
    fn may_count(&self, f: &str, i: usize, j: usize) -> bool {
        let rest = f[j..].trim_start();
        if rest.starts_with([':', '.', 'h']) || self.after.iter().any(|w| rest.starts_with(w.as_str())) {
            return true;
        }
        let before = f[..i].trim_end();
        self.before.iter().any(|w| before.ends_with(w.as_str()))
    }
}

/// Bytes searched with the NFA before the DFA is built (see [`Words`]).
const DFA_AFTER: usize = 8 << 10;

/// The Aho–Corasick automaton of the first words, in two kinds: the noncontiguous NFA,
/// a fraction of a DFA's build time (the DFA was most of [`Front::new`], paid at every
/// start; the contiguous NFA is built from the noncontiguous one, and its quicker
/// search did not pay for the extra step on one issue), searches the first
/// [`DFA_AFTER`] bytes (one issue never gets further); past them the DFA, quicker per
/// byte, is built and searches the rest. Both report the same matches (leftmost-first,
/// searched from one past each start: every position where a word starts); only the
/// time differs. The leftmost kind has a prefilter (SIMD, over the words' first bytes)
/// that skips most of a text without walking the automaton; the overlapping search of
/// all matches had none.
///
/// Built on first use: [`extract_all_with`](super::extract_all_with) searches the date
/// and time words of a locale together ([`Both`]), and a front's own automaton is then
/// never asked for.
#[derive(Debug)]
struct Words {
    firsts: Vec<String>,
    kind: MatchKind,
    nfa: OnceLock<Option<AhoCorasick>>,
    dfa: OnceLock<Option<AhoCorasick>>,
    searched: AtomicUsize,
}

impl Words {
    /// The automaton of `firsts`; with a prefilter only for ASCII words: the prefilter
    /// looks for bytes that are rare in English text, and the lead bytes of Arabic letters
    /// it takes for rare are in every Arabic word (a candidate at each letter, then the
    /// automaton: slower than the automaton alone).
    fn build(firsts: &[String], kind: AhoCorasickKind, match_kind: MatchKind) -> Option<AhoCorasick> {
        let ascii = firsts.iter().all(|w| w.is_ascii());
        AhoCorasick::builder().match_kind(match_kind).kind(Some(kind)).prefilter(ascii).build(firsts).ok()
    }

    fn new(firsts: Vec<String>, kind: MatchKind) -> Words {
        Words { firsts, kind, nfa: OnceLock::new(), dfa: OnceLock::new(), searched: AtomicUsize::new(0) }
    }

    /// The automaton to search `len` more bytes with (`None`: it could not be built).
    fn searcher(&self, len: usize) -> Option<&AhoCorasick> {
        if self.searched.fetch_add(len, Ordering::Relaxed) >= DFA_AFTER {
            if let Some(dfa) =
                self.dfa.get_or_init(|| Words::build(&self.firsts, AhoCorasickKind::DFA, self.kind))
            {
                return Some(dfa);
            }
        }
        self.nfa
            .get_or_init(|| Words::build(&self.firsts, AhoCorasickKind::NoncontiguousNFA, self.kind))
            .as_ref()
    }
}

/// The date and the time words of a locale searched in one pass (two passes over every
/// text, one per front, were two thirds of the fronts' time): where a word of either list
/// starts, and which lists have a word starting there.
///
/// The automaton holds both lists' first words and finds the longest word at each
/// position (leftmost-longest: the positions are those where a word of either list
/// starts, as a leftmost-first search gives them). The words starting at a position are
/// all prefixes of the text there, so all prefixes of the longest one: a word's flags say
/// which lists have a prefix of it (itself included), hence which lists have a word at
/// the position.
#[derive(Debug)]
pub(super) struct Both {
    words: Words,
    /// Per word of `words.firsts`: 1 a date word is a prefix of it, 2 a time word is.
    flags: Vec<u8>,
}

impl Both {
    /// The two fronts' words together; `None` when either front has none or no bound.
    pub(super) fn new(date: &Front, time: &Front) -> Option<Both> {
        let (Some(d), Some(t)) = (&date.words, &time.words) else { return None };
        if date.unbounded || time.unbounded {
            return None;
        }
        let mut firsts: Vec<String> = d.firsts.iter().chain(&t.firsts).cloned().collect();
        firsts.sort_unstable();
        firsts.dedup();
        let flag = |w: &str, list: &[String], bit: u8| {
            if list.iter().any(|x| w.starts_with(x.as_str())) {
                bit
            } else {
                0
            }
        };
        let flags = firsts.iter().map(|w| flag(w, &d.firsts, 1) | flag(w, &t.firsts, 2)).collect();
        Some(Both { words: Words::new(firsts, MatchKind::LeftmostLongest), flags })
    }

    /// Where a date word and where a time word starts in `f` (each sorted); `None` when
    /// the automaton could not be built.
    pub(super) fn hits(&self, f: &str) -> Option<(Vec<usize>, Vec<usize>)> {
        let ac = self.words.searcher(f.len())?;
        let (mut dates, mut times) = (Vec::new(), Vec::new());
        let mut from = 0;
        while let Some(m) = ac.find(Input::new(f).range(from..)) {
            let flags = self.flags[m.pattern().as_usize()];
            if flags & 1 != 0 {
                dates.push(m.start());
            }
            if flags & 2 != 0 {
                times.push(m.start());
            }
            from = m.start() + 1;
        }
        Some((dates, times))
    }
}

/// Separators the patterns repeat without bound before the word (`\s` is Unicode
/// `White_Space`, as `char::is_whitespace`).
fn separator(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == '،'
}

impl Front {
    /// `words`: folded keys as they are written into the pattern (spaces become `\s+`);
    /// `back`: the most non-separator bytes before them.
    pub(super) fn new<'a>(
        words: impl IntoIterator<Item = &'a str>,
        digits: Option<Option<usize>>,
        back: usize,
    ) -> Front {
        let mut firsts: Vec<&str> = Vec::new();
        let mut unbounded = false;
        for w in words {
            let first = w.split(' ').next().unwrap_or("");
            if first.is_empty() {
                unbounded |= !w.is_empty();
                continue;
            }
            firsts.push(first);
        }
        firsts.sort_unstable();
        firsts.dedup();
        let words = (!firsts.is_empty())
            .then(|| Words::new(firsts.into_iter().map(String::from).collect(), MatchKind::LeftmostFirst));
        Front { words, digits, back, unbounded, hours: None }
    }

    /// The front with the filter of numbers `hours` (times).
    pub(super) fn with_hours(self, hours: Option<Hours>) -> Front {
        Front { hours, ..self }
    }

    /// The windows `(lo, hi)` (inclusive, on character boundaries, sorted, disjoint) where
    /// a match can start in `f`; `None` when any position can.
    #[cfg(test)]
    pub(super) fn windows(&self, f: &str) -> Option<Vec<(usize, usize)>> {
        self.windows_with(f, true)
    }

    /// Like [`Front::windows`]; without the filter of [`Hours`] when `hours` is false: then
    /// the windows hold every start of a match (the matcher's tests), not only of those
    /// the reader keeps.
    #[cfg(test)]
    pub(super) fn windows_with(&self, f: &str, hours: bool) -> Option<Vec<(usize, usize)>> {
        self.windows_given(f, hours, None)
    }

    /// Like [`Front::windows_with`], with the positions where the front's words start
    /// given (`words`, sorted, as [`Both::hits`] finds them) instead of searched for.
    pub(super) fn windows_given(
        &self,
        f: &str,
        hours: bool,
        words: Option<&[usize]>,
    ) -> Option<Vec<(usize, usize)>> {
        if self.unbounded {
            return None;
        }
        let mut hits: Vec<usize> = Vec::new();
        if let Some(longest) = self.digits {
            // A time's first digit follows no word character (the patterns put a boundary,
            // a space or nothing before it): skip digits after an ASCII letter, digit or `_`.
            // Its hour is one or two digits that no digit follows: skip longer runs. Every
            // hour of the patterns is `[0-2]?[0-9]` or `[0-1]?[0-9]`: two digits start with
            // 0, 1 or 2 (`57 days`, `60 pages` hold no hour).
            let b = f.as_bytes();
            let mut i = 0;
            while let Some(skip) = super::digits::next_digit(&b[i..]) {
                i += skip;
                let run = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
                let after_word = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
                if !after_word
                    && longest.is_none_or(|n| run <= n && (run < 2 || b[i] <= b'2'))
                    && (!hours || self.hours.as_ref().is_none_or(|h| h.may_count(f, i, i + run)))
                {
                    hits.push(i);
                }
                i += run;
            }
        }
        if let Some(own) = &self.words {
            if let Some(given) = words {
                hits.extend_from_slice(given);
            } else {
                // Every position where a word starts: the leftmost match from one past the
                // last such position is the next (the same positions as all the overlapping
                // matches give; a leftmost search can skip ahead with the automaton's
                // prefilter, an overlapping one cannot). No automaton: no bound.
                let ac = own.searcher(f.len())?;
                let mut from = 0;
                while let Some(m) = ac.find(Input::new(f).range(from..)) {
                    hits.push(m.start());
                    from = m.start() + 1;
                }
            }
            // Digits, then words.
            if !hits.is_sorted() {
                hits.sort_unstable();
            }
            hits.dedup();
        }
        let mut out: Vec<(usize, usize)> = Vec::new();
        for h in hits {
            // Walk back from the word over at most `back` non-separator bytes; stop early
            // at the previous word, whose window reaches at least as far back.
            let stop = out.last().map_or(0, |w| w.1);
            let mut lo = h;
            let mut left = self.back;
            for (i, c) in f[stop..h].char_indices().rev() {
                if !separator(c) {
                    if c.len_utf8() > left {
                        break;
                    }
                    left -= c.len_utf8();
                }
                lo = stop + i;
            }
            match out.last_mut() {
                Some(w) if lo <= w.1 + 1 => w.1 = h,
                _ => out.push((lo, h)),
            }
        }
        Some(out)
    }
}

/// The windows where [`super::numeric_date_pattern`] can match (as [`Front::windows`]
/// gives them): one start position before each run of ASCII digits that has the shape
/// of the pattern's first parts. A match starts with a boundary (the start of the text,
/// or one character that is not a word character, `/`, `.` or `-`), then either one or
/// two digits, a separator `/ . -` and a digit (`30/11/2022`), or four digits starting
/// with 1 or 2, a separator `/ -` and a digit (`2022-11-30`). Folded text has ASCII
/// digits only. Most digit runs (counts, codes, URLs) have neither shape, and the
/// pattern is then never tried on them.
#[cfg(test)]
pub(super) fn numeric_date_windows(f: &str) -> Vec<(usize, usize)> {
    date_digit_windows(f).0
}

/// Whether the digit run `i..i + run` of `b` may start a numeric date (see
/// [`numeric_date_windows`]).
fn numeric_date_run(b: &[u8], i: usize, run: usize) -> bool {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let short = (1..=2).contains(&run) && matches!(at(run), b'/' | b'.' | b'-');
    let long = run == 4 && matches!(b[i], b'1' | b'2') && matches!(at(run), b'/' | b'-');
    let bounded =
        i == 0 || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'_' | b'/' | b'.' | b'-'));
    (short || long) && at(run + 1).is_ascii_digit() && bounded
}

/// The windows where [`super::year_pattern`] can match, as [`numeric_date_windows`]: a
/// year is four digits starting with 19 or 20 that no digit follows (its end is a range,
/// `م` or a boundary, none of which starts with a digit), after the start of the text or
/// a character that is not a word character nor one of `/ - . , $ €…`.
#[cfg(test)]
pub(super) fn year_windows(f: &str) -> Vec<(usize, usize)> {
    date_digit_windows(f).1
}

/// Whether the digit run `i..i + run` of `b` may be a year (see [`year_windows`]).
fn year_run(b: &[u8], i: usize, run: usize) -> bool {
    let bounded = i == 0
        || !(b[i - 1].is_ascii_alphanumeric()
            || matches!(b[i - 1], b'_' | b'/' | b'-' | b'.' | b',' | b'$' | b'#'));
    run == 4 && (b[i..].starts_with(b"19") || b[i..].starts_with(b"20")) && bounded
}

/// Windows where a match can start: `(lo, hi)`, inclusive, sorted, disjoint.
pub(super) type Windows = Vec<(usize, usize)>;

/// The windows of [`numeric_date_windows`] and of [`year_windows`], from one pass over
/// the digit runs (a pass each read every text twice). A window `(t, t)` for each run of
/// ASCII digits `i..i + run` that the pattern's test keeps, `t` the start of the character
/// before it (the pattern's boundary; any character but the ASCII ones the test refused:
/// the pattern decides), or 0.
pub(super) fn date_digit_windows(f: &str) -> (Windows, Windows) {
    let b = f.as_bytes();
    let (mut dates, mut years) = (Vec::new(), Vec::new());
    let mut i = 0;
    while let Some(skip) = super::digits::next_digit(&b[i..]) {
        i += skip;
        let run = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
        let (date, year) = (numeric_date_run(b, i, run), year_run(b, i, run));
        if date || year {
            let mut t = i.saturating_sub(1);
            while !f.is_char_boundary(t) {
                t -= 1;
            }
            if date {
                dates.push((t, t));
            }
            if year {
                years.push((t, t));
            }
        }
        i += run;
    }
    (dates, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of one list that are prefixes of the other's, both ways, at the same
    /// positions: each front gets the positions its own automaton finds.
    #[test]
    fn both_finds_each_fronts_words_where_they_overlap() {
        let date = Front::new(["mars", "ma", "x y"], None, 0);
        let time = Front::new(["m", "marsh", "arsh", "y"], Some(Some(2)), 3);
        let both = Both::new(&date, &time).unwrap();
        for f in ["marsh mars ma m arsh", "mmarsh, x y marsmarsh 12 ma.", "", "m", "arsha 9 ma x"] {
            let (d, t) = both.hits(f).unwrap();
            assert_eq!(date.windows_given(f, true, Some(&d)), date.windows(f), "{f:?}");
            assert_eq!(time.windows_given(f, true, Some(&t)), time.windows(f), "{f:?}");
        }
    }
}
