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
}

/// `pattern` compiled as `regex::Regex` compiles it, with the lazy DFA (`dfa`) or without;
/// `None` if it does not compile.
pub fn build(pattern: &str, dfa: bool) -> Option<meta::Regex> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(10 << 20))
                .hybrid_cache_capacity(2 << 20)
                .hybrid(dfa),
        )
        .syntax(syntax::Config::new().utf8(true))
        .build(pattern)
        .ok()
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

    const fn from(pattern: Cow<'static, str>) -> Tiered {
        Tiered { pattern, small: OnceLock::new(), full: OnceLock::new(), searched: AtomicUsize::new(0) }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The regex to search `len` more bytes with; `None` if the pattern does not compile.
    pub fn try_get(&self, len: usize) -> Option<&meta::Regex> {
        if self.searched.fetch_add(len, Ordering::Relaxed) >= FULL_AFTER {
            return self.full.get_or_init(|| build(&self.pattern, true)).as_ref();
        }
        self.small.get_or_init(|| build(&self.pattern, false)).as_ref()
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
        for dfa in [false, true] {
            let got = build(pattern, dfa).unwrap();
            for t in texts {
                let w: Vec<Vec<Option<(usize, usize)>>> = want
                    .captures_iter(t)
                    .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                    .collect();
                let g: Vec<Vec<Option<(usize, usize)>>> = got
                    .captures_iter(*t)
                    .map(|c| (0..c.group_len()).map(|i| c.get_group(i).map(|s| (s.start, s.end))).collect())
                    .collect();
                assert_eq!(g, w, "{pattern:?} on {t:?} (lazy DFA: {dfa})");
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
