//! A small backtracking matcher for the readers' patterns, with no compile step.
//!
//! The date, time and number patterns are alternations of the locale's words (months,
//! weekdays, zones, prefixes, joiners) around a few digit and separator classes. Compiling
//! them with the `regex` crate (an NFA, Unicode classes, then a lazy DFA warmed up on
//! first search) was most of oerlint's start-up. Here the pattern text is parsed once by
//! `regex-syntax` (its syntax tree as written: no Unicode table is expanded, nothing is
//! compiled; `parse.rs` maps it onto this module's tree), every alternation gets an index from the first
//! character of each branch to the branches that start with it (a hash look-up instead
//! of trying each word), and matching walks the tree with backtracking: branches in the
//! order written, greedy repetitions longest first, lazy ones shortest first — the
//! leftmost-first semantics of the `regex` crate, so the match and every capture are the
//! ones `Regex::captures_at` gives (tests in `tests/matcher.rs` compare them on generated
//! text). A search that would recurse too deep (more than 100 repetitions of a group),
//! take too many steps from one position (backtracking over long runs of spaces), or
//! take more steps on one text than [`TEXT_BUDGET`] allows across all its searches (a
//! month name repeated 35,000 times), and an end-anchored search whose text ends in a
//! long run of the characters it may hold, answer with the `regex` crate instead, compiled
//! then: its time is linear in the text, so the matcher's is too.
//!
//! Only the syntax the readers use is read: literals and escapes, `(?:…)`, `(?P<n>…)`,
//! `|`, `^`, `$`, classes with ranges, `\w`, `\s`, `\S` (Unicode), quantifiers `? * + {n}
//! {n,} {n,m}` and their lazy forms.

mod parse;
#[rustfmt::skip]
mod skeletons;
mod start;

use regex::Regex;
use start::Pre;
use std::sync::{Arc, OnceLock};

/// A parsed pattern.
#[derive(Debug)]
pub struct Matcher {
    root: Node,
    /// What the text must hold where a match starts.
    pre: Pre,
    /// Group names by index (0 is the whole match, unnamed groups have "").
    names: Vec<String>,
    /// The pattern as written, for the deep-recursion fallback.
    source: Source,
    slow: OnceLock<Option<Regex>>,
}

/// A pattern as written, for the `regex` crate: given, or written on first use. A
/// skeleton's pattern in full (its word lists written out) is asked for only by a search
/// that goes to the `regex` crate and by the configuration check; writing it at every
/// start cost more than a tenth of building the patterns.
pub struct Source {
    text: OnceLock<String>,
    write: Option<Box<dyn Fn() -> String + Send + Sync>>,
}

impl Source {
    /// The pattern `text`.
    pub fn new(text: String) -> Source {
        Source { text: OnceLock::from(text), write: None }
    }

    /// The pattern that `write` writes, when it is first asked for.
    pub fn lazy(write: impl Fn() -> String + Send + Sync + 'static) -> Source {
        Source { text: OnceLock::new(), write: Some(Box::new(write)) }
    }

    fn get(&self) -> &str {
        self.text.get_or_init(|| self.write.as_ref().map_or_else(String::new, |w| w()))
    }
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Source").field(&self.text.get()).finish()
    }
}

#[derive(Debug)]
enum Node {
    Empty,
    Start,
    End,
    Lit(String),
    Class(Class),
    Cat(Vec<Node>),
    Alt(Alt),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Group(usize, Box<Node>),
    /// A word list parsed once and used in several places (months, weekdays...).
    Shared(Arc<Node>),
}

#[derive(Debug)]
struct Alt {
    branches: Vec<Node>,
    /// First character → branches that can only start with it, in order.
    by_first: Vec<(char, Vec<usize>)>,
    /// For an ASCII first character, its entry of `by_first` plus one (0: none), without
    /// the binary search (most text is ASCII, and so are many first characters).
    ascii: Box<[u32; 128]>,
    /// Branches whose first character is not known (or that can match empty), in order.
    other: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Class {
    negated: bool,
    ranges: Vec<(char, char)>,
    word: bool,
    space: bool,
    not_space: bool,
    /// Whether each ASCII character is in the class (filled by [`Class::done`]).
    ascii: [bool; 128],
}

impl Class {
    fn new(negated: bool, ranges: Vec<(char, char)>, word: bool, space: bool, not_space: bool) -> Class {
        Class { negated, ranges, word, space, not_space, ascii: [false; 128] }.done()
    }

    fn done(mut self) -> Class {
        // What `slow_matches` says of each ASCII character (a unit test checks it), built
        // without its Unicode look-ups: classes are many (each `\.?` after a word).
        let mut t = [false; 128];
        for &(a, b) in &self.ranges {
            for x in (a as u32)..=(b as u32).min(127) {
                t[x as usize] = true;
            }
        }
        for (x, slot) in t.iter_mut().enumerate() {
            let c = x as u8;
            let space = matches!(c, b'\t'..=b'\r' | b' ');
            *slot |= (self.word && (c.is_ascii_alphanumeric() || c == b'_'))
                || (self.space && space)
                || (self.not_space && !space);
            *slot ^= self.negated;
        }
        self.ascii = t;
        self
    }

    fn matches(&self, c: char) -> bool {
        match self.ascii.get(c as usize) {
            Some(&m) => m,
            None => self.slow_matches(c),
        }
    }

    fn slow_matches(&self, c: char) -> bool {
        let hit = self.ranges.iter().any(|&(a, b)| a <= c && c <= b)
            || (self.word && is_word(c))
            || (self.space && c.is_whitespace())
            || (self.not_space && !c.is_whitespace());
        hit != self.negated
    }
}

/// The first of the private-use characters that stand for parts in a skeleton (see
/// [`Matcher::with_parts`]).
pub const PART: u32 = 0xF0000;

/// A part of patterns: a pattern without capture groups, parsed once.
#[derive(Debug, Clone)]
pub struct Part(Arc<Node>);

impl Part {
    /// Parses a pattern (the tests compare [`Part::words`] with it).
    #[cfg(test)]
    pub fn parse(pattern: &str) -> Result<Part, String> {
        let (root, names) = parse::parse(pattern, &[])?;
        if names.len() > 1 {
            return Err("a part cannot capture".into());
        }
        Ok(Part(Arc::new(root)))
    }

    /// What [`Part::parse`] gives for the alternation of `words` as `patterns::alt_text`
    /// writes it (see [`parse::word_list`]), without parsing.
    pub fn words(words: &[(String, bool)]) -> Part {
        Part(Arc::new(parse::word_list(words)))
    }

    /// The tree, to compare two parts in the tests.
    #[cfg(test)]
    pub fn tree(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// `\w` (Unicode), with the Arabic block looked up in a table built once: the boundary
/// classes are asked about every Arabic letter next to a candidate.
pub(super) fn is_word(c: char) -> bool {
    static ARABIC: OnceLock<[bool; 256]> = OnceLock::new();
    match (c as u32).checked_sub(0x600) {
        Some(i) if i < 256 => ARABIC.get_or_init(|| {
            std::array::from_fn(|i| {
                char::from_u32(0x600 + i as u32).is_some_and(regex_syntax::is_word_character)
            })
        })[i as usize],
        _ => regex_syntax::is_word_character(c),
    }
}

/// The spans of one match: group `i` is `slots[2i]..slots[2i + 1]`.
#[derive(Debug, Clone)]
pub struct Caps<'t, 'm> {
    text: &'t str,
    slots: Vec<Option<usize>>,
    names: &'m [String],
}

/// One group of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Span<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

impl<'t> Caps<'t, '_> {
    pub fn get(&self, i: usize) -> Option<Span<'t>> {
        match (self.slots.get(2 * i).copied().flatten(), self.slots.get(2 * i + 1).copied().flatten()) {
            (Some(start), Some(end)) => Some(Span { text: self.text, start, end }),
            _ => None,
        }
    }
    /// The group named `name` (an empty name is no group, as in `regex`).
    pub fn name(&self, name: &str) -> Option<Span<'t>> {
        if name.is_empty() {
            return None;
        }
        self.names.iter().position(|n| n == name).and_then(|i| self.get(i))
    }
    /// The group named `prefix` followed by the digit `n` (`h1`), without building the name.
    pub fn name_n(&self, prefix: &str, n: u8) -> Option<Span<'t>> {
        let digit = b'0' + n;
        self.names
            .iter()
            .position(|x| {
                x.len() == prefix.len() + 1 && x.as_bytes()[prefix.len()] == digit && x.starts_with(prefix)
            })
            .and_then(|i| self.get(i))
    }
    /// The number of groups, the whole match included.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// Characters [`Matcher::captures_suffix`] looks back over before it gives the search to
/// the `regex` crate (the suffixes the readers look for are a few words).
const SUFFIX_SCAN: usize = 256;

/// Recursion deeper than this gives the search to the `regex` crate.
const MAX_DEPTH: u32 = 100;

struct Search<'t> {
    text: &'t str,
    /// Steps left before the search is given to the `regex` crate (whose time is linear
    /// in the text): backtracking over long runs of spaces between two repetitions of
    /// `\s` is quadratic.
    steps: u32,
    /// Steps left for this text, across searches and patterns (see [`TEXT_BUDGET`]).
    left: u64,
    too_deep: bool,
}

/// Steps a text may take across all the searches of all the patterns on it, per byte of
/// text (and a floor for short texts). Beyond, the text's searches go to the `regex`
/// crate, whose time is linear: the matcher's own step limit is per start position, and
/// a search tried at many positions of a long run (a month name repeated 35,000 times)
/// was quadratic. Ordinary text takes a few steps per byte (`TEXT_BUDGET` is far above).
const TEXT_BUDGET: (u64, u64) = (64, 200_000);

thread_local! {
    /// The text searched last on this thread (address, longest length) and the steps it took.
    static SPENT: std::cell::Cell<(usize, usize, u64)> = const { std::cell::Cell::new((0, 0, 0)) };
}

/// Steps from one start position before the search is given to the `regex` crate (a
/// match tried at a position takes a few hundred).
const MAX_STEPS: u32 = 50_000;

type K<'a> = &'a mut dyn FnMut(&mut Search, usize, &mut Vec<Option<usize>>) -> bool;

impl Matcher {
    /// Parses `pattern`; an error for syntax the matcher does not read.
    pub fn new(pattern: &str) -> Result<Matcher, String> {
        Matcher::with_parts(pattern, &[], Source::new(pattern.to_string()))
    }

    /// Parses `skeleton`, where the character [`PART`]` + i` stands for `parts[i]` (a
    /// non-capturing pattern parsed once with [`Part::parse`]); `source` is the pattern
    /// written out in full (for the `regex` crate's fallback).
    pub fn with_parts(skeleton: &str, parts: &[Part], source: Source) -> Result<Matcher, String> {
        let (root, names) = parse::parse(skeleton, parts)?;
        let pre = Pre::of(&root);
        Ok(Matcher { root, pre, names, source, slow: OnceLock::new() })
    }

    /// What `Regex::captures_at(text, pos)` gives on the pattern.
    pub fn captures_at<'t>(&self, text: &'t str, pos: usize) -> Option<Caps<'t, '_>> {
        self.captures_within(text, pos, None)
    }

    /// Like [`Matcher::captures_at`], trying only start positions inside `starts` (sorted,
    /// disjoint, inclusive windows): the same answer when no match can start elsewhere.
    pub fn captures_within<'t>(
        &self,
        text: &'t str,
        pos: usize,
        starts: Option<&[(usize, usize)]>,
    ) -> Option<Caps<'t, '_>> {
        if let Some(w) = starts {
            if w.last().is_none_or(|l| l.1 < pos) {
                return None;
            }
        }
        // Allocated at the first position that gets through the start test.
        let mut slots = Vec::new();
        let key = (text.as_ptr() as usize, text.len());
        let (p, l, spent) = SPENT.with(|c| c.get());
        // Keyed by where the text starts: the readers also search prefixes of a text
        // (`captures_suffix`), which share its budget; the longest length seen counts.
        let (len, spent) = if p == key.0 { (l.max(key.1), spent) } else { (key.1, 0) };
        let budget = TEXT_BUDGET.0 * len as u64 + TEXT_BUDGET.1;
        if spent >= budget {
            return self.slow_captures(text, pos);
        }
        let mut s = Search { text, steps: MAX_STEPS, left: budget - spent, too_deep: false };
        let found = self.search(&mut s, pos, &mut slots, starts.unwrap_or(&[]), starts.is_some());
        SPENT.with(|c| c.set((key.0, len, budget - s.left)));
        match found {
            Some(caps) => caps,
            None => self.slow_captures(text, pos),
        }
    }

    /// The search of [`Matcher::captures_at`]; `None` when it must go to the `regex` crate.
    fn search<'t>(
        &self,
        s: &mut Search<'t>,
        pos: usize,
        slots: &mut Vec<Option<usize>>,
        starts: &[(usize, usize)],
        within: bool,
    ) -> Option<Option<Caps<'t, '_>>> {
        let text = s.text;
        let mut start = pos;
        let mut w = 0;
        while start <= text.len() {
            if within {
                while starts.get(w).is_some_and(|x| x.1 < start) {
                    w += 1;
                }
                let Some(&(lo, _)) = starts.get(w) else { break };
                start = start.max(lo);
            } else if start > 0 {
                let Some(next) = self.pre.skip(text, start) else { break };
                start = next;
            }
            if !self.pre.may_start(text, start) {
                start += utf8_len(text.as_bytes().get(start).copied());
                continue;
            }
            s.steps = MAX_STEPS;
            if slots.is_empty() {
                slots.resize(2 * self.names.len(), None);
            }
            let found = self.root.m(s, start, slots, &mut |_, end, slots| {
                slots[1] = Some(end);
                true
            });
            if s.too_deep {
                return None;
            }
            if found {
                slots[0] = Some(start);
                return Some(Some(Caps { text, slots: std::mem::take(slots), names: &self.names }));
            }
            start += utf8_len(text.as_bytes().get(start).copied());
        }
        Some(None)
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        self.source.get()
    }

    /// Like [`Matcher::captures`] for a pattern anchored at the end (`…$`) whose
    /// characters after its first one are all in `tail`: the match starts at most one
    /// character before the longest suffix of `text` made of them, so the search starts
    /// there instead of at the beginning of a long text.
    pub fn captures_suffix<'t>(&self, text: &'t str, tail: impl Fn(char) -> bool) -> Option<Caps<'t, '_>> {
        let mut from = text.len();
        for (n, (i, c)) in text.char_indices().rev().enumerate() {
            if !tail(c) {
                break;
            }
            if n == SUFFIX_SCAN {
                // A long run of such characters (a month name repeated): the `regex` crate
                // searches an end-anchored pattern backwards, in the length of its match,
                // where scanning back here for each of many prefixes was quadratic.
                return self.slow_captures(text, 0);
            }
            from = i;
        }
        let pos = text[..from].char_indices().next_back().map_or(0, |(i, _)| i);
        self.captures_at(text, pos)
    }

    /// Whether the pattern matches `text` anywhere.
    pub fn is_match(&self, text: &str) -> bool {
        self.captures_at(text, 0).is_some()
    }

    fn slow_captures<'t>(&self, text: &'t str, pos: usize) -> Option<Caps<'t, '_>> {
        let re =
            self.slow.get_or_init(|| super::patterns::compile_checked(self.source.get()).ok()).as_ref()?;
        let c = re.captures_at(text, pos)?;
        let mut slots = vec![None; 2 * self.names.len()];
        for i in 0..self.names.len() {
            if let Some(m) = c.get(i) {
                slots[2 * i] = Some(m.start());
                slots[2 * i + 1] = Some(m.end());
            }
        }
        Some(Caps { text, slots, names: &self.names })
    }
}

/// The length of the character whose first byte is `b` (1 past the end).
fn utf8_len(b: Option<u8>) -> usize {
    match b {
        Some(b) if b >= 0xF0 => 4,
        Some(b) if b >= 0xE0 => 3,
        Some(b) if b >= 0xC0 => 2,
        _ => 1,
    }
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        // An ASCII byte is always a whole character.
        Some(&b) if b < 128 => Some(char::from(b)),
        _ => text.get(pos..).and_then(|r| r.chars().next()),
    }
}

impl Node {
    /// Matches `self` at `pos`, then `k` from where it ended; backtracks on failure.
    fn m(&self, s: &mut Search, pos: usize, slots: &mut Vec<Option<usize>>, k: K) -> bool {
        if let Node::Shared(n) = self {
            return n.m(s, pos, slots, k);
        }
        if s.too_deep || s.steps == 0 || s.left == 0 {
            s.too_deep = true;
            return false;
        }
        s.steps -= 1;
        s.left -= 1;
        match self {
            Node::Empty | Node::Shared(_) => k(s, pos, slots),
            Node::Start => pos == 0 && k(s, pos, slots),
            Node::End => pos == s.text.len() && k(s, pos, slots),
            Node::Lit(l) => {
                s.text.get(pos..).is_some_and(|r| r.starts_with(l.as_str())) && k(s, pos + l.len(), slots)
            }
            Node::Class(c) => match char_at(s.text, pos) {
                Some(ch) if c.matches(ch) => k(s, pos + ch.len_utf8(), slots),
                _ => false,
            },
            Node::Cat(v) => seq(v, s, pos, slots, k),
            Node::Alt(a) => {
                let list = match s.text.as_bytes().get(pos) {
                    Some(&b) if b < 128 => a.ascii[b as usize].checked_sub(1).map(|i| i as usize),
                    _ => char_at(s.text, pos).and_then(|c| a.by_first.binary_search_by_key(&c, |e| e.0).ok()),
                }
                .map(|i| &a.by_first[i].1);
                let Some(list) = list else {
                    return a.other.iter().any(|&i| a.branches[i].m(s, pos, slots, k));
                };
                // The two ordered lists merged: the branches in the order written.
                let (mut i, mut j) = (0, 0);
                while i < list.len() || j < a.other.len() {
                    let b = if j >= a.other.len() || (i < list.len() && list[i] < a.other[j]) {
                        i += 1;
                        list[i - 1]
                    } else {
                        j += 1;
                        a.other[j - 1]
                    };
                    if a.branches[b].m(s, pos, slots, k) {
                        return true;
                    }
                }
                false
            }
            Node::Group(g, node) => {
                let (old_s, old_e) = (slots[2 * g], slots[2 * g + 1]);
                let g = *g;
                let ok = node.m(s, pos, slots, &mut |s, end, slots| {
                    let (ps, pe) = (slots[2 * g], slots[2 * g + 1]);
                    slots[2 * g] = Some(pos);
                    slots[2 * g + 1] = Some(end);
                    if k(s, end, slots) {
                        return true;
                    }
                    slots[2 * g] = ps;
                    slots[2 * g + 1] = pe;
                    false
                });
                if !ok {
                    slots[2 * g] = old_s;
                    slots[2 * g + 1] = old_e;
                }
                ok
            }
            Node::Repeat { node, min, max, greedy } => {
                if let Node::Class(c) = node.as_ref() {
                    // One character at a time: the run, then the continuation from each end.
                    // The end after `min` characters, and the end of the run.
                    let (mut n, mut p, mut lo) = (0u32, pos, None);
                    for ch in s.text[pos..].chars() {
                        if n == *min {
                            lo = Some(p);
                        }
                        if max.is_some_and(|m| n >= m) || !c.matches(ch) {
                            break;
                        }
                        p += ch.len_utf8();
                        n += 1;
                    }
                    if n == *min {
                        lo = Some(p);
                    }
                    let Some(lo) = lo else { return false };
                    let text = s.text;
                    if *greedy {
                        let mut e = p;
                        loop {
                            if k(s, e, slots) {
                                return true;
                            }
                            if e <= lo {
                                return false;
                            }
                            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
                        }
                    }
                    let mut e = lo;
                    loop {
                        if k(s, e, slots) {
                            return true;
                        }
                        if e >= p {
                            return false;
                        }
                        e += text[e..].chars().next().map_or(1, char::len_utf8);
                    }
                } else {
                    repeat(node, *min, *max, *greedy, 0, s, pos, slots, k)
                }
            }
        }
    }
}

fn seq(v: &[Node], s: &mut Search, pos: usize, slots: &mut Vec<Option<usize>>, k: K) -> bool {
    match v.split_first() {
        None => k(s, pos, slots),
        Some((first, rest)) => first.m(s, pos, slots, &mut |s, p, slots| seq(rest, s, p, slots, k)),
    }
}

#[allow(clippy::too_many_arguments)]
fn repeat(
    node: &Node,
    min: u32,
    max: Option<u32>,
    greedy: bool,
    count: u32,
    s: &mut Search,
    pos: usize,
    slots: &mut Vec<Option<usize>>,
    k: K,
) -> bool {
    if count > MAX_DEPTH {
        s.too_deep = true;
        return false;
    }
    let can_stop = count >= min;
    let can_go = max.is_none_or(|m| count < m);
    let more = |s: &mut Search, slots: &mut Vec<Option<usize>>, k: K| {
        can_go
            && node.m(s, pos, slots, &mut |s, p, slots| {
                // An empty iteration ends the repetition.
                p != pos && repeat(node, min, max, greedy, count + 1, s, p, slots, k)
            })
    };
    // Greedy: one more iteration first, then stopping here; lazy: the other way round.
    if !greedy && can_stop && k(s, pos, slots) {
        return true;
    }
    if more(s, slots, k) {
        return true;
    }
    greedy && can_stop && k(s, pos, slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arabic_word_table_says_what_regex_syntax_says() {
        for c in ('\u{500}'..='\u{800}').chain(['a', '_', ' ', '\u{10000}']) {
            assert_eq!(is_word(c), regex_syntax::is_word_character(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_tables_say_what_the_classes_say() {
        for p in [r"[^\w.,:/]", r"[\s,،]", r"\S", r"[^\s\S]", r"[ -/]", r"\w", r"[^\w/%٪]", r"[0-3]", r"."]
        {
            let Node::Class(c) = Matcher::new(p).unwrap().root else { panic!("{p}") };
            for b in 0..128u8 {
                assert_eq!(c.ascii[b as usize], c.slow_matches(char::from(b)), "{p} {b}");
            }
        }
    }

    #[test]
    fn long_searches_are_given_to_regex() {
        let m = Matcher::new(r"(?:^|[^\w])(?P<a>a)\s*[\s,]+\s*(?P<b>b)").unwrap();
        let t = format!("x a{}c a b", " ".repeat(2_000));
        let c = m.captures_at(&t, 0).unwrap();
        assert_eq!(c.name("a").map(|g| g.start()), Some(t.len() - 3));
        assert_eq!(c.name("b").map(|g| g.as_str()), Some("b"));
    }
}
