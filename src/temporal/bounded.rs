//! Regexes with word-boundary classes made cheap.
//!
//! The readers' patterns open and close with a class such as `(?:^|[^\w])`: a value
//! starts after a character that is not part of a word. `[^\w]` is a Unicode class of
//! hundreds of ranges, and each copy of it made up most of the time spent compiling the
//! patterns at start-up, and of the time the lazy DFA spends building its states.
//!
//! A [`Bounded`] regex compiles each `[^\w…]` class as its ASCII part (exactly the same
//! characters) or any non-ASCII character, in a capture group of its own. Every way the
//! real pattern can match is a way this one matches too, tried in the same order, so when
//! each captured boundary that is not ASCII is also in the real class (not a word
//! character, not one of the class's other exclusions), the match found is the real
//! pattern's match, captures included. When one is not (a value glued to a non-ASCII
//! letter, rare), the real pattern, compiled then, answers from the same position.
//! Classes must not sit inside a repetition (a group captures its last iteration only).

use regex::{Captures, Regex};
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Bounded {
    /// The pattern with cheap boundary classes; `None` if it does not compile.
    fast: Option<Regex>,
    /// Per boundary group of `fast`: its name and the non-ASCII characters its class
    /// excludes besides word characters.
    checks: Vec<(String, Vec<char>)>,
    /// The pattern as written.
    source: String,
    slow: OnceLock<(Regex, Option<String>)>,
}

impl Bounded {
    pub fn new(pattern: &str) -> Bounded {
        let (fast, checks) = rewrite(pattern);
        Bounded {
            fast: super::compile_checked(&fast).ok(),
            checks,
            source: pattern.to_string(),
            slow: OnceLock::new(),
        }
    }

    /// The pattern as written, compiled on first need, and the error met compiling it.
    fn slow(&self) -> &(Regex, Option<String>) {
        self.slow.get_or_init(|| match super::compile_checked(&self.source) {
            Ok(r) => (r, None),
            Err(e) => (Regex::new(super::NEVER).expect("constant regex"), Some(e)),
        })
    }

    /// Why the pattern as written does not compile (it is compiled now if it was not).
    pub fn error(&self) -> Option<&str> {
        self.slow().1.as_deref()
    }

    /// What `Regex::captures_at` on the pattern as written gives.
    pub fn captures_at<'t>(&self, text: &'t str, pos: usize) -> Option<Captures<'t>> {
        if let Some(fast) = &self.fast {
            match fast.captures_at(text, pos) {
                None => return None,
                Some(c) if self.real(&c) => return Some(c),
                Some(_) => {}
            }
        }
        self.slow().0.captures_at(text, pos)
    }

    /// What `Regex::captures` on the pattern as written gives.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.captures_at(text, 0)
    }

    /// Whether each boundary the fast pattern captured is in the real class.
    fn real(&self, c: &Captures) -> bool {
        self.checks.iter().all(|(name, excluded)| {
            c.name(name).and_then(|m| m.as_str().chars().next()).is_none_or(|ch| {
                ch.is_ascii() || !(regex_syntax::is_word_character(ch) || excluded.contains(&ch))
            })
        })
    }
}

/// The pattern with each `[^\w…]` class (outside escapes and other classes) replaced by
/// `(?P<wbN>[\x00-\x7F&&[^\w…]]|[^\x00-\x7F])`, and the groups to check.
fn rewrite(pattern: &str) -> (String, Vec<(String, Vec<char>)>) {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut checks = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                out.extend(chars.next());
            }
            '[' => {
                // The class, up to its unescaped closing bracket.
                let mut class = String::from('[');
                while let Some(k) = chars.next() {
                    class.push(k);
                    if k == '\\' {
                        class.extend(chars.next());
                    } else if k == ']' && class != "[]" && class != "[^]" {
                        break;
                    }
                }
                match class.strip_prefix(r"[^\w").and_then(|r| r.strip_suffix(']')) {
                    Some(rest) if !rest.contains('[') => {
                        let name = format!("wb{}", checks.len());
                        out.push_str(&format!(r"(?P<{name}>[\x00-\x7F&&[^\w{rest}]]|[^\x00-\x7F])"));
                        checks.push((name, rest.chars().filter(|c| !c.is_ascii()).collect()));
                    }
                    _ => out.push_str(&class),
                }
            }
            _ => out.push(c),
        }
    }
    (out, checks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PATTERNS: &[&str] = &[
        r"(?:^|[^\w])(?P<d>[0-9]{1,2})\s+(?P<m>mars|mai|ماي)(?:$|[^\w])",
        r"(?:^|[^\w/\-.,٫٬$€£¥#№])(?P<y>(?:19|20)[0-9]{2})(?:\s?م)?(?:$|[^\w/%٪])",
        r"(?:^|[^\w:./\-'])(?P<h>[0-2]?[0-9])h(?:$|[^\w:])",
        r"(?:^|[^\w.,])(?P<n>[0-9]+(?:,[0-9]+)?)",
    ];

    #[test]
    fn rewrites_only_word_boundary_classes() {
        let (p, checks) = rewrite(r"\[^\w(?:^|[^\w/٫])[a-z\]][^\s]");
        assert_eq!(p, r"\[^\w(?:^|(?P<wb0>[\x00-\x7F&&[^\w/٫]]|[^\x00-\x7F]))[a-z\]][^\s]");
        assert_eq!(checks, vec![("wb0".to_string(), vec!['٫'])]);
    }

    fn same(text: &str) {
        for p in PATTERNS {
            let (b, r) = (Bounded::new(p), Regex::new(p).unwrap());
            for pos in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (x, y) = (b.captures_at(text, pos), r.captures_at(text, pos));
                let spans = |c: Option<Captures>| {
                    c.map(|c| ["d", "m", "y", "h", "n"].map(|n| c.name(n).map(|m| m.range())))
                };
                assert_eq!(spans(x), spans(y), "{p} on {text:?} from {pos}");
            }
        }
    }

    #[test]
    fn same_matches_as_the_pattern_as_written() {
        for t in [
            "le 12 mars 2022",
            "é12 mars",
            "ب12 ماي 2022م",
            "2022٫5",
            "€2022 ",
            "x2022",
            "12h30",
            "ـ12h",
            "3,5٪",
        ] {
            same(t);
        }
    }

    #[test]
    fn built_in_patterns_have_their_cheap_form() {
        for lang in ["en", "fr", "ar"] {
            let p = crate::temporal::patterns::patterns(crate::locale::table(lang).unwrap());
            for b in [&p.date, &p.time, &p.number, &p.day_range, &p.day_word] {
                assert!(b.fast.is_some() && !b.checks.is_empty(), "{lang}: {}", b.source);
            }
        }
    }

    proptest! {
        #[test]
        fn same_matches_on_any_mix(t in "[0-9 hmarsiéب٫€ماي,.:/_-]{0,14}") {
            same(&t);
        }
    }
}
