//! Regexes that most runs use on a few short texts (a rule's shapes, the code patterns):
//! compiled first without the lazy DFA, and with it once they have searched enough.
//!
//! The `regex` crate compiles every pattern for its lazy DFA too, which needs the
//! pattern's reverse automaton: about half of the compile time of such a pattern, and
//! the DFA then builds its states while it searches (most of the first search's time).
//! One issue searches a few hundred bytes with each of these: the backtracker (or the
//! PikeVM), which need neither, are cheaper overall. Over a tree the DFA is quicker per
//! byte, so past [`FULL_AFTER`] bytes searched the pattern is compiled again as `regex`
//! compiles it, and that one searches the rest. Both are the `regex` crate's own engine
//! (`regex_automata::meta`, configured as `regex::Regex` configures it, the lazy DFA
//! off or on) and give the same matches: only the time differs.

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Bytes searched with the regex compiled without the lazy DFA before the full one is
/// compiled (one issue stays below it).
pub const FULL_AFTER: usize = 4 << 10;

/// A pattern compiled on first use, small first (see the module doc).
#[derive(Debug)]
pub struct Tiered {
    pattern: Cow<'static, str>,
    /// `None`: the pattern does not compile.
    small: OnceLock<Option<meta::Regex>>,
    full: OnceLock<Option<meta::Regex>>,
    searched: AtomicUsize,
    /// Whether to give the regex the prefilter of [`first_bytes`].
    first_bytes: bool,
}

/// `pattern` compiled as `regex::Regex` compiles it, with the lazy DFA (`dfa`) or without;
/// `None` if it does not compile.
pub fn build(pattern: &str, dfa: bool) -> Option<meta::Regex> {
    build_with(pattern, dfa, false)
}

/// [`build`], with the prefilter of [`first_bytes`] when `first` is set. The pattern is
/// parsed once, here, for both (as `meta::Builder::build` parses it: `syntax::parse_with`
/// with the same configuration), where each used to parse it.
fn build_with(pattern: &str, dfa: bool, first: bool) -> Option<meta::Regex> {
    let config = syntax::Config::new().utf8(true);
    let hir = syntax::parse_with(pattern, &config).ok()?;
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(10 << 20))
                .hybrid_cache_capacity(2 << 20)
                .hybrid(dfa)
                .prefilter(if first { first_bytes(&hir) } else { None }),
        )
        .syntax(config)
        .build_from_hir(&hir)
        .ok()
}

/// For a pattern whose literal prefixes give the `regex` crate no prefilter (`\b[A-Z]{2,4}`,
/// `\b\d{2,3}`: classes too wide for its literal search), a prefilter of the bytes a match
/// can start with, when they are a finite set (`None` otherwise, and for a pattern with
/// a prefilter of its own, which is left to choose it). Without one, a search tries to
/// match at every position of the text; and the lazy DFA, which would not, gives up on
/// Unicode word boundaries in non-ASCII text (most of a French or Arabic document), so
/// the backtracker tried every position, each one with a word-boundary test. With it, a
/// match is tried only where a starting byte is. The set comes from `regex-syntax`'s
/// prefix extraction, cut to one byte: every match starts with one of them, so the
/// matches are the same (tested: `same_matches_as_regex`). Finding the set costs a
/// prefix extraction from the parsed pattern (`hir`): asked for by the code patterns
/// (`codes.rs`), which it spares most of their search time, not by the rules' patterns,
/// which have a prefilter of their own.
fn first_bytes(hir: &regex_syntax::hir::Hir) -> Option<regex_automata::util::prefilter::Prefilter> {
    use regex_automata::util::prefilter::Prefilter;
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    if Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, hir).is_some() {
        return None;
    }
    let mut seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_class(256)
        .limit_literal_len(1)
        .limit_total(512)
        .extract(hir);
    seq.dedup();
    let needles: Vec<&[u8]> = seq.literals()?.iter().map(|l| l.as_bytes()).collect();
    if needles.is_empty() || needles.iter().any(|n| n.is_empty()) {
        return None;
    }
    Prefilter::new(MatchKind::LeftmostFirst, &needles)
}

impl Tiered {
    /// A constant pattern (it must compile: each one's test calls [`Tiered::get`]).
    pub const fn new(pattern: &'static str) -> Tiered {
        Tiered::from(Cow::Borrowed(pattern))
    }

    /// A pattern made at run time.
    pub fn owned(pattern: String) -> Tiered {
        Tiered::from(Cow::Owned(pattern))
    }

    /// A pattern made at run time, searched with the prefilter of [`first_bytes`].
    pub fn owned_first_bytes(pattern: String) -> Tiered {
        Tiered { first_bytes: true, ..Tiered::from(Cow::Owned(pattern)) }
    }

    const fn from(pattern: Cow<'static, str>) -> Tiered {
        Tiered {
            pattern,
            small: OnceLock::new(),
            full: OnceLock::new(),
            searched: AtomicUsize::new(0),
            first_bytes: false,
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The regex to search `len` more bytes with; `None` if the pattern does not compile.
    pub fn try_get(&self, len: usize) -> Option<&meta::Regex> {
        if self.searched.fetch_add(len, Ordering::Relaxed) >= FULL_AFTER {
            return self.full.get_or_init(|| build_with(&self.pattern, true, self.first_bytes)).as_ref();
        }
        self.small.get_or_init(|| build_with(&self.pattern, false, self.first_bytes)).as_ref()
    }

    /// [`Tiered::try_get`] for a pattern that compiles.
    pub fn get(&self, len: usize) -> &meta::Regex {
        self.try_get(len).unwrap_or_else(|| panic!("pattern does not compile: {}", self.pattern))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matches and groups of both regexes and of `regex::Regex`.
    fn same(pattern: &str, texts: &[&str]) {
        let want = regex::Regex::new(pattern).unwrap();
        for (dfa, first) in [(false, false), (true, false), (false, true), (true, true)] {
            let got = build_with(pattern, dfa, first).unwrap();
            for t in texts {
                let w: Vec<Vec<Option<(usize, usize)>>> = want
                    .captures_iter(t)
                    .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                    .collect();
                let g: Vec<Vec<Option<(usize, usize)>>> = got
                    .captures_iter(*t)
                    .map(|c| (0..c.group_len()).map(|i| c.get_group(i).map(|s| (s.start, s.end))).collect())
                    .collect();
                assert_eq!(g, w, "{pattern:?} on {t:?} (lazy DFA: {dfa}, first bytes: {first})");
            }
        }
    }

    #[test]
    fn same_matches_as_regex() {
        let texts = ["", "a", "é ab ", "ـــ ١٢ abc aé", "x\u{212A}y ſ", "aaa aab abab", "ab\nab\r\nAB"];
        for p in [r"\bab\b", r"(?i)(a)(b)?", r"\w+", r"(?m)^a|b$", r"a*", r"(?i)k|s", r"\d+\s*(é|ab)", r""] {
            same(p, &texts);
        }
    }

    /// With the prefilter of the first bytes, the code patterns find what `regex` finds,
    /// in texts made of pieces of codes, words of three scripts and digits of three
    /// systems.
    #[test]
    fn code_patterns_find_the_same_with_first_bytes() {
        let pieces = [
            "CL/4398",
            "ED/PLS/OER/2020/3",
            " ",
            "é",
            "ب",
            "٣",
            "۴",
            "12",
            "218",
            "EX/5",
            "C/",
            "A/RES/70/1",
            "ISBN 978-92-3-100000-0",
            "10.54675/MNOP6997",
            "ISO 9001",
            "A01:2021",
            "x",
            "AB",
            "/",
            "\u{A0}",
            ".",
        ];
        let mut texts: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for (i, a) in pieces.iter().enumerate() {
            for b in pieces.iter().skip(i % 3).step_by(3) {
                texts.push(format!("{a}{b}"));
                texts.push(format!("{b} {a}é{b}"));
            }
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        for p in crate::codes::builtin() {
            same(&p.spec.pattern, &texts);
            same(&crate::codes::our_digits_pattern(&p.spec.pattern), &texts);
        }
    }

    #[test]
    fn the_full_regex_takes_over() {
        static T: Tiered = Tiered::new(r"\d+");
        let small: *const meta::Regex = T.get(FULL_AFTER);
        assert!(!T.small.get().unwrap().as_ref().unwrap().get_config().get_hybrid());
        let full: *const meta::Regex = T.get(1);
        assert_ne!(small, full);
        assert!(T.get(1).get_config().get_hybrid());
        assert_eq!(T.as_str(), r"\d+");
        assert!(Tiered::owned("(".to_string()).try_get(1).is_none());
    }
}
