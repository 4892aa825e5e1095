//! Reference-code patterns (document symbols, ISBN, DOI…), loaded from `rules/codes.toml`.

use crate::regexes::Tiered;
use regex::Regex;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{hybrid, Input, MatchKind, PatternSet};
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// The file the built-in patterns come from (read by `build.rs` into `BUILTIN_SPECS`).
#[cfg(test)]
const BUILTIN: &str = include_str!("../rules/codes.toml");

include!(concat!(env!("OUT_DIR"), "/code_specs.rs"));

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSpec {
    pub id: String,
    pub description: String,
    pub pattern: String,
    #[serde(default)]
    pub compact: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeFile {
    code: Vec<CodeSpec>,
}

#[derive(Debug)]
pub struct CodePattern {
    pub spec: CodeSpec,
    regex: OnceLock<Regex>,
    /// The pattern with `\d` as the digits oerlint reads (see [`our_digits`]): the same
    /// matches on a text without other digits, and a fraction of the compile time
    /// (compiled small first: it runs only on the blocks the prefilter selects).
    our_digits: OnceLock<Tiered>,
}

impl CodePattern {
    /// A pattern whose regex is already compiled (a user's, checked when the
    /// configuration was read).
    pub fn compiled(spec: CodeSpec, regex: Regex) -> CodePattern {
        CodePattern { spec, regex: OnceLock::from(regex), our_digits: OnceLock::new() }
    }

    /// The regex, compiled on first use: most documents contain only a few of the
    /// built-in code shapes, and a pre-commit hook should not pay for the others.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            // Only built-in patterns reach here uncompiled; `builtin_patterns_compile`
            // checks every one of them.
            Regex::new(&self.spec.pattern).unwrap_or_else(|_| Regex::new(r"[^\s\S]").expect("constant regex"))
        })
    }

    /// The matches in `text`: of the pattern with fewer digits where `text` holds no digit
    /// but those, of [`CodePattern::regex`] otherwise.
    /// (`other`: [`other_digits`] of `text`, asked once for all the patterns.)
    fn find_in(&self, text: &str, other: bool) -> Vec<Range<usize>> {
        if !other {
            let ours = self
                .our_digits
                .get_or_init(|| Tiered::owned_first_bytes(our_digits(&self.spec.pattern, false)));
            if let Some(r) = ours.try_get(text.len()) {
                return r.find_iter(text).map(|m| m.range()).collect();
            }
        }
        self.regex().find_iter(text).map(|m| m.range()).collect()
    }
}

/// The class oerlint's digits make: ASCII, Arabic-Indic, Persian.
const OUR_DIGITS: &str = r"[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]";

/// Whether `text` has a character `\d` may match beyond [`OUR_DIGITS`] (`is_numeric`
/// holds for every decimal digit, so this errs on the side of yes).
fn other_digits(text: &str) -> bool {
    numeric_in(text, false, false)
}

/// Whether `text` holds a numeric character ([`crate::script::is_numeric`]), ASCII digits
/// counted only when `ascii`, Arabic-Indic and Persian ones only when `arabic`. Read byte
/// by byte: below U+0700 the numeric characters are known by their bytes (the digits,
/// and Latin-1's superscripts and fractions `¹²³¼½¾`, `C2 B2`…), and only characters
/// from U+0700 up are decoded; a `chars()` pass decoded every character of every French
/// and Arabic text, and twice for a text with digits (tested over every character).
fn numeric_in(text: &str, ascii: bool, arabic: bool) -> bool {
    let b = text.as_bytes();
    if ascii && crate::temporal::next_digit(b).is_some() {
        return true;
    }
    let next = |i: usize| b.get(i + 1).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (numeric, len) = match x {
            0..=0x7F => {
                // ASCII, 8 bytes at a time: its digits were looked for above.
                i += 1;
                while let Some(w) = b.get(i..i + 8) {
                    if u64::from_le_bytes(w.try_into().unwrap_or([0x80; 8])) & 0x8080_8080_8080_8080 != 0 {
                        break;
                    }
                    i += 8;
                }
                continue;
            }
            // U+0080–U+00BF.
            0xC2 => (matches!(next(i), 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE), 2),
            // U+00C0–U+05FF: no numeric character.
            0xC3..=0xD7 => (false, 2),
            // U+0600–U+06FF: the two rows of digits only.
            0xD9 => (arabic && matches!(next(i), 0xA0..=0xA9), 2),
            0xDB => (arabic && matches!(next(i), 0xB0..=0xB9), 2),
            0xD8 | 0xDA => (false, 2),
            _ => match text[i..].chars().next() {
                Some(c) => (crate::script::is_numeric(c), c.len_utf8()),
                None => (false, 1),
            },
        };
        if numeric {
            return true;
        }
        i += len;
    }
    false
}

/// [`our_digits`] as searched (for tests).
#[cfg(test)]
pub(crate) fn our_digits_pattern(pattern: &str) -> String {
    our_digits(pattern, false)
}

/// A pattern with `\d` as [`OUR_DIGITS`], and, for the prefilter (`relax`), without word
/// boundaries and with every counted repetition `{m,n}` as `+` (or `*` when `m` is 0):
/// the relaxed pattern matches wherever the pattern does (and more), and is quick to
/// compile. Escapes and classes are copied as they are.
fn our_digits(pattern: &str, relax: bool) -> String {
    with_digits(pattern, OUR_DIGITS, &OUR_DIGITS[1..OUR_DIGITS.len() - 1], relax)
}

/// `pattern` with `\d` as `class`, or as `inner` inside a class (see [`our_digits`]).
fn with_digits(pattern: &str, class_text: &str, inner: &str, relax: bool) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if relax && class == 0 => {}
                Some('d') if class == 0 => out.push_str(class_text),
                Some('d') => out.push_str(inner),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class += 1;
                out.push(c);
                // A `]` first in a class is a literal.
                if chars.peek() == Some(&']') {
                    out.push(chars.next().unwrap_or(']'));
                }
            }
            ']' if class > 0 => {
                class -= 1;
                out.push(c);
            }
            '{' if relax && class == 0 => {
                let mut inner = String::new();
                for n in chars.by_ref() {
                    if n == '}' {
                        break;
                    }
                    inner.push(n);
                }
                let min = inner.split(',').next().unwrap_or("").trim();
                out.push(if min.parse::<u32>().is_ok_and(|m| m > 0) { '+' } else { '*' });
            }
            _ => out.push(c),
        }
    }
    out
}

/// Parses code specs from TOML text; their regexes are compiled when first needed.
pub fn compile(toml_text: &str) -> Result<Vec<CodePattern>, String> {
    let file: CodeFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    Ok(file
        .code
        .into_iter()
        .map(|spec| CodePattern { spec, regex: OnceLock::new(), our_digits: OnceLock::new() })
        .collect())
}

/// The built-in patterns, made once (from `rules/codes.toml` as `build.rs` wrote it out:
/// parsing the TOML was a tenth of a millisecond of every start); their regexes are
/// compiled when first needed.
pub fn builtin() -> &'static [CodePattern] {
    static P: OnceLock<Vec<CodePattern>> = OnceLock::new();
    P.get_or_init(|| {
        BUILTIN_SPECS
            .iter()
            .map(|&(id, description, pattern, compact)| CodePattern {
                spec: CodeSpec {
                    id: id.into(),
                    description: description.into(),
                    pattern: pattern.into(),
                    compact,
                },
                regex: OnceLock::new(),
                our_digits: OnceLock::new(),
            })
            .collect()
    })
}

/// A reference code found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeMatch {
    pub range: Range<usize>,
    pub normalized: String,
    pub pattern: &'static str,
}

/// Digits of any system to ASCII.
pub fn ascii_digit(c: char) -> char {
    match c.to_digit(10) {
        Some(_) => c,
        None => match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        },
    }
}

/// Normalises a code: ASCII digits, no space around slashes, single spaces.
pub fn normalize(raw: &str, compact: bool) -> String {
    let digits: String = raw.chars().map(ascii_digit).collect();
    let mut s = digits.split_whitespace().collect::<Vec<_>>().join(" ");
    s = s.replace(" /", "/").replace("/ ", "/");
    if compact {
        let up = s.to_ascii_uppercase();
        let body = up
            .trim_start_matches("ISBN-13")
            .trim_start_matches("ISBN-10")
            .trim_start_matches("ISBN")
            .trim_start_matches("ISSN")
            .trim_start_matches(':');
        s = body.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    }
    s
}

/// The prefilter of a pattern list: which patterns can match a text at all, in one pass.
/// It is the lazy DFA of the relaxed patterns (see [`our_digits`]; boundaries left out)
/// alone, built without the reverse automaton, the literal prefilters and the other
/// engines that a `RegexSet` builds and that `RegexSet::matches` does not use (most of
/// its build time, paid at every start); it reports the same patterns. Where the DFA
/// gives up (its cache thrashing on a long text, or a user's pattern it cannot run), the
/// `RegexSet` is built and answers.
struct Prefilter {
    dfa: Option<(hybrid::dfa::DFA, Pool<hybrid::dfa::Cache, MakeCache>)>,
    relaxed: Vec<String>,
    patterns: Vec<String>,
    set: OnceLock<regex::RegexSet>,
}

type MakeCache = Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync>;

impl Prefilter {
    fn new(patterns: &[CodePattern]) -> Prefilter {
        let relaxed: Vec<String> = patterns.iter().map(|p| our_digits(&p.spec.pattern, true)).collect();
        // As the `regex` crate configures the lazy DFA (`meta` gives up on it where
        // these give up, for its PikeVM).
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::Config::new()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many(&relaxed)
            .ok()
            .map(|d| {
                let for_caches = d.clone();
                let make: MakeCache = Box::new(move || for_caches.create_cache());
                (d, Pool::new(make))
            });
        Prefilter {
            dfa,
            relaxed,
            patterns: patterns.iter().map(|p| p.spec.pattern.clone()).collect(),
            set: OnceLock::new(),
        }
    }

    /// The indices of the patterns that may match `text`, in order.
    fn matches(&self, text: &str) -> Vec<usize> {
        if let Some((dfa, caches)) = &self.dfa {
            let mut found = PatternSet::new(dfa.pattern_len());
            let mut cache = caches.get();
            if dfa.try_which_overlapping_matches(&mut cache, &Input::new(text), &mut found).is_ok() {
                return found.iter().map(|p| p.as_usize()).collect();
            }
        }
        let set = self.set.get_or_init(|| {
            regex::RegexSet::new(&self.relaxed)
                .or_else(|_| regex::RegexSet::new(&self.patterns))
                .expect("each pattern compiled on its own")
        });
        set.matches(text).into_iter().collect()
    }
}

/// One [`Prefilter`] per pattern list, built once.
fn set_for(patterns: &'static [CodePattern]) -> &'static Prefilter {
    static SETS: std::sync::Mutex<Vec<(usize, &'static Prefilter)>> = std::sync::Mutex::new(Vec::new());
    let key = patterns.as_ptr() as usize;
    let mut sets = SETS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, s)) = sets.iter().find(|(k, _)| *k == key) {
        return s;
    }
    let set: &'static Prefilter = Box::leak(Box::new(Prefilter::new(patterns)));
    sets.push((key, set));
    set
}

/// Whether `text` may hold a match of a built-in pattern's relaxed form (see
/// [`our_digits`]): a necessary condition read byte by byte, so that the texts with a
/// digit but nothing shaped like a code (most of them: a time "15:00", a range
/// "2022-2023", an Arabic month "الثاني/نوفمبر") skip the lazy DFA of the prefilter
/// (about 15 M instructions on g60's 2,160 texts with a digit). It follows the
/// patterns of `rules/codes.toml`; each needs one of:
/// - a `/` after an ASCII capital, one of our digits, `e` (`DG/Note/`), `:` (`ark:/`) or
///   a space (the symbols, DOIs, arks);
/// - a `:` after a run of our digits after `A` (`A11:2023`);
/// - a `-` after `8` or `9` (`978-…`);
/// - `ISBN` or `ISSN`;
/// - `O`, `C`, `E`, `G`, `A` or `P` (the ends of `ISO`, `IEC`, … `NIST SP`) before a
///   digit, maybe after one space or `-` (any non-ASCII byte counts as a digit or a
///   space: erring on the side of yes).
///
/// `maybe_is_the_prefilter_or_more` checks it against the relaxed patterns' `RegexSet`;
/// a change to the built-in patterns must keep it true.
fn may_hold_builtin(text: &str) -> bool {
    let b = text.as_bytes();
    let ours = |c: char| matches!(c, '0'..='9' | '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}');
    let digitish = |j: usize| b.get(j).is_some_and(|&x| x.is_ascii_digit() || x >= 0x80);
    for (i, &x) in b.iter().enumerate() {
        let hit = match x {
            b'/' => text[..i].chars().next_back().is_some_and(|c| {
                c.is_ascii_uppercase() || ours(c) || matches!(c, 'e' | ':') || c.is_whitespace()
            }),
            // Walks back over one run of digits only (a `:` ends it): linear overall.
            b':' => {
                let mut before = text[..i].chars().rev().peekable();
                let mut digits = 0usize;
                while before.next_if(|&c| ours(c)).is_some() {
                    digits += 1;
                }
                digits > 0 && before.next() == Some('A')
            }
            b'-' => i > 0 && matches!(b[i - 1], b'8' | b'9'),
            b'I' => b[i + 1..].starts_with(b"SBN") || b[i + 1..].starts_with(b"SSN"),
            _ => false,
        } || (matches!(x, b'O' | b'C' | b'E' | b'G' | b'A' | b'P')
            && (digitish(i + 1)
                || (matches!(b.get(i + 1), Some(b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-'))
                    && digitish(i + 2))));
        if hit {
            return true;
        }
    }
    false
}

pub fn find(text: &str, patterns: &'static [CodePattern]) -> Vec<CodeMatch> {
    let mut found: Vec<CodeMatch> = Vec::new();
    // A code is kept only if it holds a numeric character: a text without one has none.
    if !numeric_in(text, true, true) {
        return found;
    }
    if std::ptr::eq(patterns, builtin()) && !may_hold_builtin(text) {
        return found;
    }
    let candidates = set_for(patterns).matches(text);
    let other = !candidates.is_empty() && other_digits(text);
    for p in candidates.into_iter().map(|i| &patterns[i]) {
        for mut range in p.find_in(text, other) {
            if !numeric_in(&text[range.clone()], true, true) {
                continue;
            }
            // A DOI ends before unbalanced closing brackets and final punctuation.
            while let Some(c) = text[range.clone()].chars().last() {
                let s = &text[range.clone()];
                let unbalanced = c == ')' && s.matches('(').count() < s.matches(')').count();
                if unbalanced || matches!(c, '.' | ',' | ';' | ':') {
                    range.end -= c.len_utf8();
                } else {
                    break;
                }
            }
            found.push(CodeMatch {
                normalized: normalize(&text[range.clone()], p.spec.compact),
                range,
                pattern: &p.spec.id,
            });
        }
    }
    found.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
    let mut out: Vec<CodeMatch> = Vec::new();
    for m in found {
        if out.last().is_some_and(|l| m.range.start < l.range.end) {
            continue;
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_patterns_keep_escapes() {
        assert_eq!(our_digits(r"\bCL/\d+\b", true), r"CL/[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]+");
        assert_eq!(our_digits(r"a\\b\\d\.x\", true), r"a\\b\\d\.x\");
        assert_eq!(
            our_digits(r"\bA\d{2}:[\dX]{1,3}x{0,2}\b", true),
            r"A[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]+:[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}X]+x*"
        );
        assert_eq!(our_digits(r"\bA\d{2}[{]\b", false), r"\bA[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]{2}[{]\b");
        for p in builtin() {
            regex::Regex::new(&our_digits(&p.spec.pattern, true)).unwrap();
            regex::Regex::new(&our_digits(&p.spec.pattern, false)).unwrap();
        }
    }

    /// The prefilter reports the patterns the `RegexSet` of the relaxed patterns reports.
    fn same_as_regex_set(t: &str) {
        static SET: OnceLock<regex::RegexSet> = OnceLock::new();
        let set = SET.get_or_init(|| {
            regex::RegexSet::new(builtin().iter().map(|p| our_digits(&p.spec.pattern, true))).unwrap()
        });
        let want: Vec<usize> = set.matches(t).into_iter().collect();
        assert_eq!(set_for(builtin()).matches(t), want, "{t:?}");
    }

    #[test]
    fn prefilter_is_the_regex_set_on_the_fixtures() {
        assert!(set_for(builtin()).dfa.is_some());
        for p in crate::testing::fixture_files(&[]) {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            same_as_regex_set(&text);
            for line in text.lines() {
                same_as_regex_set(line);
            }
        }
        for t in [
            "CL/4398 ISBN 978-92-3-100538-4 doi 10.54675/AB ark:/48223/pf1 A/RES/70/1 216 EX/5",
            "٤٢ C/٥",
            "",
        ] {
            same_as_regex_set(t);
        }
    }

    /// Texts holding an example of every built-in code pattern (checked by
    /// `every_builtin_pattern_has_an_example`, so that a pattern added to `rules/codes.toml`
    /// without one fails: [`may_hold_builtin`] is written from the patterns).
    const EXAMPLES: &[&str] = &[
        "CL/4398 ISBN 978-92-3-100538-4 doi 10.54675/AB ark:/48223/pf1 A/RES/70/1 216 EX/5",
        "٤٢ C/٥ A٢٣:١ ISO 9001 ISO-9 NIST\u{2003}SP 800 RFC\u{a0}1 PEP8 ISSN 1-2 ISBN 1",
        "CL / 4328 ED/PLS/OER/2023/1 216 EX/Decision 5 41 C/Resolution 12 E/CN.6/2023/1 S/2023/123",
        "A/77/L.1 ED-2019/WS/25 DG/Note/21/3 ISBN 978-92-3-100538-4 ISBN:9231005384 ISSN: 2310-7820",
        "ISSN 2310782X 979-1-2-3 10.54675/ABCD1234 ark:/48223/pf0000383205 ISO/IEC 27001 CVE-2021-44228",
        "IEEE 754 WCAG 2.1 ECMA-262 CAPEC-1 NIST SP 800-53 A11: 2023 UNEP/EA.5/Res.14 HRC/RES/51/1",
    ];

    #[test]
    fn every_builtin_pattern_has_an_example() {
        for p in builtin() {
            let re = regex::Regex::new(&our_digits(&p.spec.pattern, true)).unwrap();
            assert!(EXAMPLES.iter().any(|t| re.is_match(t)), "no example of {}", p.spec.id);
        }
    }

    /// [`may_hold_builtin`] holds wherever a relaxed built-in pattern matches.
    fn maybe_covers(t: &str) {
        static SET: OnceLock<regex::RegexSet> = OnceLock::new();
        let set = SET.get_or_init(|| {
            regex::RegexSet::new(builtin().iter().map(|p| our_digits(&p.spec.pattern, true))).unwrap()
        });
        assert!(may_hold_builtin(t) || !set.is_match(t), "{t:?}");
    }

    #[test]
    fn maybe_is_the_prefilter_or_more_on_the_fixtures() {
        for p in crate::testing::fixture_files(&[]) {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            maybe_covers(&text);
            for line in text.lines() {
                maybe_covers(line);
            }
        }
        for t in EXAMPLES.iter().chain(&[""]) {
            maybe_covers(t);
            for (i, _) in t.char_indices() {
                maybe_covers(&t[i..]);
                maybe_covers(&t[..i]);
            }
        }
        // What it is for: texts with digits and no code skip the DFA.
        for t in ["تشرين الثاني/نوفمبر 2020 من الساعة 15:00 (UTC+8)", "the period 2022-2023, 7,330 experts"]
        {
            assert!(!may_hold_builtin(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn maybe_is_the_prefilter_or_more_on_generated_text(
            t in "([ a-zA-Z0-9/.:()-]|CL|ISBN|ISSN|EX|C/|ED|WS|DG|/Note|RES|PRST|CN\\.|Add\\.|ark:|10\\.|97[89]-|ISO|IEC|IEEE|RFC|WCAG|ECMA|CAPEC|NIST|SP|٤|۲|१|ي|\\s|\u{a0}|\u{2003}|\u{85}){0,24}"
        ) {
            maybe_covers(&t);
        }

        /// Code-shaped text: words, separators and runs of digits in turn.
        #[test]
        fn maybe_is_the_prefilter_or_more_on_code_shapes(
            t in "((CL|ISBN|ISSN|ISSN:|ISBN-1[03]|EX|C|ED|WS|DG|Note|Decision|RES|PRST|CN\\.|Add\\.|ark|10\\.|97[89]|ISO|IEC|IEEE|RFC|WCAG|ECMA|CAPEC|NIST|SP|PEP|CVE|A|S|E|ST|HRC|UNEP|[A-Z]{1,4}|[a-z]{1,3}|ي)?([ /:.-]| / |\\s|\u{a0})?([0-9]{1,5}|[٠-٩]{1,4}|[۰-۹]{1,3}|X)?([ /:.-]| / |\\s|\u{2003})?){0,8}"
        ) {
            maybe_covers(&t);
        }
    }

    proptest::proptest! {
        #[test]
        fn prefilter_is_the_regex_set_on_generated_text(
            t in "([ A-Z0-9/.:()-]|CL|ISBN|ISSN|EX|C/|ED|WS|DG|RES|ark:|10\\.|ISO|RFC|٤|۲|१|\\s){0,24}"
        ) {
            same_as_regex_set(&t);
        }
    }

    /// [`numeric_in`] as a `chars()` pass.
    fn numeric_by_chars(t: &str, ascii: bool, arabic: bool) -> bool {
        t.chars().any(|c| {
            let arabic_digit = matches!(c, '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}');
            crate::script::is_numeric(c) && (ascii || !c.is_ascii()) && (arabic || !arabic_digit)
        })
    }

    #[test]
    fn numeric_bytes_on_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let t = format!("a{c}b");
            for (ascii, arabic) in [(true, true), (false, false), (true, false), (false, true)] {
                assert_eq!(numeric_in(&t, ascii, arabic), numeric_by_chars(&t, ascii, arabic), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn numeric_bytes_on_generated_text(t in "[a-z0-9 é²½٣۴ثب١१一😀\u{0700}\u{07C0}]{0,12}") {
            for (ascii, arabic) in [(true, true), (false, false)] {
                proptest::prop_assert_eq!(numeric_in(&t, ascii, arabic), numeric_by_chars(&t, ascii, arabic));
            }
        }
    }

    /// The built-in patterns are those of `rules/codes.toml`, in order.
    #[test]
    fn builtin_patterns_are_the_file() {
        let parsed: Vec<String> = compile(BUILTIN).unwrap().iter().map(|p| format!("{:?}", p.spec)).collect();
        let built: Vec<String> = builtin().iter().map(|p| format!("{:?}", p.spec)).collect();
        assert_eq!(built, parsed);
        assert!(built.len() > 10);
    }

    #[test]
    fn builtin_patterns_compile() {
        for p in builtin() {
            Regex::new(&p.spec.pattern).unwrap_or_else(|e| panic!("{}: {e}", p.spec.id));
        }
    }

    #[test]
    fn other_scripts_digits_use_the_unicode_pattern() {
        // Devanagari digits: `\d` reads them, the prefilter does not.
        assert!(other_digits("CL/४३९८ and CL/4398"));
        assert!(!other_digits("CL/٤٣٩٨ ۱۲ é"));
        assert_eq!(codes("CL/4398 and CL/४३९८"), vec!["CL/4398", "CL/४३९८"]);
    }

    fn codes(t: &str) -> Vec<String> {
        find(t, builtin()).into_iter().map(|m| m.normalized).collect()
    }

    #[test]
    fn finds_unesco_and_un_symbols() {
        assert_eq!(codes("A letter (CL/4398) was sent"), vec!["CL/4398"]);
        assert_eq!(codes("رسالة دورية (CL / 4328) تدعى"), vec!["CL/4328"]);
        assert_eq!(codes("CL/٤٣٩٨"), vec!["CL/4398"]);
        assert_eq!(codes("see ED/PLS/OER/2023/1."), vec!["ED/PLS/OER/2023/1"]);
        assert_eq!(codes("doc 216 EX/5 and 216 EX/Decision 5"), vec!["216 EX/5", "216 EX/Decision 5"]);
        assert_eq!(codes("41 C/Resolution 12; 42 C/5"), vec!["41 C/Resolution 12", "42 C/5"]);
        assert_eq!(
            codes("A/RES/70/1, E/CN.6/2023/1, S/2023/123 and A/77/L.1"),
            vec!["A/RES/70/1", "E/CN.6/2023/1", "S/2023/123", "A/77/L.1"]
        );
        assert_eq!(codes("ED-2019/WS/25"), vec!["ED-2019/WS/25"]);
    }

    #[test]
    fn finds_isbn_issn_doi() {
        assert_eq!(codes("ISBN 978-92-3-100538-4"), vec!["9789231005384"]);
        assert_eq!(codes("ISSN: 2310-7820"), vec!["23107820"]);
        assert_eq!(codes("(doi 10.54675/ABCD1234)."), vec!["10.54675/ABCD1234"]);
        assert_eq!(codes("ark:/48223/pf0000383205"), vec!["ark:/48223/pf0000383205"]);
    }

    #[test]
    fn near_misses_are_not_codes() {
        assert!(codes("and/or the A/B test, 2022/2023, TCP/IP").is_empty());
        assert!(codes("Call 10.5 per cent").is_empty());
        assert!(codes("the period 2022-2023").is_empty());
    }
}
