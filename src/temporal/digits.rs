//! Numbers written with digits, read by a small state machine per shape instead of the
//! number pattern of [`super::patterns`].
//!
//! Each language writes a number in a few shapes, tried in order as the pattern's
//! alternatives are: up to three digits then groups of three after a group separator
//! (`1,234`, `1 234`, `١٬٢٣٤`), or any run of digits; then a decimal part after a decimal
//! separator (optional, or required for the Moroccan `1.234,5`). A number starts after a
//! boundary: the start of the text, or a character that is neither a word character nor
//! one of the language's separators. The reader gives the match the `regex` crate gives
//! for the pattern (the whole match and the number group), from any position: a test
//! compares them on generated text (`src/temporal/tests/digits.rs`). The separators are
//! all different from the digits and a shape's group separators differ from its decimal
//! ones, so no shape ever needs to give back a group it has read.

use super::matcher::is_word;

/// One way of writing a number.
#[derive(Debug)]
struct Shape {
    /// One to three digits, then at least one group (`groups` is then not empty).
    grouped: bool,
    groups: &'static [char],
    decimal: &'static [char],
    decimal_required: bool,
}

/// The shapes of one language and the characters that may not come just before a number.
#[derive(Debug)]
pub(super) struct Shapes {
    not_before: &'static [char],
    shapes: &'static [Shape],
}

const fn grouped(groups: &'static [char], decimal: &'static [char], decimal_required: bool) -> Shape {
    Shape { grouped: true, groups, decimal, decimal_required }
}

const fn plain(decimal: &'static [char]) -> Shape {
    Shape { grouped: false, groups: &[], decimal, decimal_required: false }
}

static FR: Shapes = Shapes {
    not_before: &['.', ','],
    shapes: &[grouped(&[' ', '\u{A0}', '\u{202F}', '\u{2009}'], &[','], false), plain(&[','])],
};

static AR: Shapes = Shapes {
    not_before: &['.', ',', '٫', '٬'],
    shapes: &[
        grouped(&['٬'], &['٫'], false),
        grouped(&['.'], &[','], true),
        grouped(&[','], &['.'], false),
        grouped(&[' ', '\u{A0}', '\u{202F}'], &['٫', '.'], false),
        plain(&['٫', '.']),
    ],
};

static EN: Shapes =
    Shapes { not_before: &['.', ','], shapes: &[grouped(&[','], &['.'], false), plain(&['.'])] };

/// The shapes of a language (English's for a language without its own).
pub(super) fn shapes(lang: &str) -> &'static Shapes {
    match lang {
        "fr" => &FR,
        "ar" => &AR,
        _ => &EN,
    }
}

/// A number found: the whole match (with the boundary character) and the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub whole: (usize, usize),
    pub number: (usize, usize),
}

/// How many bytes [`next_digit`] tests at once.
const CHUNK: usize = 32;

/// The position of the first ASCII digit of `b` (the offset from the start of `b`).
///
/// The readers look for digits over every byte of every text (the number reader, the
/// time front, the numeric dates), and most bytes are not digits: whole chunks are tested
/// first with a loop that stops at no byte (compiled to vector instructions), then the
/// chunk that holds one is searched byte by byte. The same answer as
/// `b.iter().position(u8::is_ascii_digit)` (a test compares them).
pub(crate) fn next_digit(b: &[u8]) -> Option<usize> {
    let mut start = 0;
    for chunk in b.chunks_exact(CHUNK) {
        if chunk.iter().fold(false, |any, x| any | x.is_ascii_digit()) {
            break;
        }
        start += CHUNK;
    }
    b[start..].iter().position(u8::is_ascii_digit).map(|i| start + i)
}

fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |r| r.iter().take_while(|x| x.is_ascii_digit()).count())
}

/// The separator of `set` at `i`, if one is there, and its length.
fn sep(t: &str, i: usize, set: &[char]) -> Option<usize> {
    let c = t.get(i..)?.chars().next()?;
    set.contains(&c).then(|| c.len_utf8())
}

impl Shape {
    /// Where a number of this shape starting at `i` ends.
    fn read(&self, t: &str, i: usize) -> Option<usize> {
        let b = t.as_bytes();
        let run = digits(b, i);
        if run == 0 {
            return None;
        }
        let mut e = i + run;
        if self.grouped {
            // The lead must be the whole run: a shorter one is followed by a digit.
            if run > 3 {
                return None;
            }
            let mut groups = 0;
            while let Some(n) = sep(t, e, self.groups) {
                if digits(b, e + n) < 3 {
                    break;
                }
                e += n + 3;
                groups += 1;
            }
            if groups == 0 {
                return None;
            }
        }
        match sep(t, e, self.decimal) {
            Some(n) if digits(b, e + n) > 0 => Some(e + n + digits(b, e + n)),
            _ if self.decimal_required => None,
            _ => Some(e),
        }
    }
}

impl Shapes {
    fn at(&self, t: &str, i: usize) -> Option<usize> {
        self.shapes.iter().find_map(|s| s.read(t, i))
    }

    /// The first number that starts at or after `pos` (a character boundary): what the
    /// `regex` crate's `captures_at(t, pos)` gives for the language's number pattern.
    pub(super) fn find_at(&self, t: &str, pos: usize) -> Option<Found> {
        let b = t.as_bytes();
        if pos == 0 {
            if let Some(e) = self.at(t, 0) {
                return Some(Found { whole: (0, e), number: (0, e) });
            }
        }
        // A number starts at a digit after a character that is not a word character nor
        // one of `not_before` (digits are word characters: only the first of a run).
        let mut q = pos + 1;
        while q < b.len() {
            let Some(d) = next_digit(&b[q..]) else { break };
            q += d;
            let c = t[..q].chars().next_back().unwrap_or('0');
            let p = q - c.len_utf8();
            if p >= pos && !is_word(c) && !self.not_before.contains(&c) {
                if let Some(e) = self.at(t, q) {
                    return Some(Found { whole: (p, e), number: (q, e) });
                }
            }
            q += digits(b, q).max(1);
        }
        None
    }
}

/// Runs over `t` from left to right as [`super::scan_within`] does with the number
/// pattern: `f` gets each number and returns where to search from next (moved forward if
/// needed).
pub(super) fn scan(shapes: &Shapes, t: &str, mut f: impl FnMut(Found) -> usize) {
    let mut pos = 0;
    while pos <= t.len() {
        let Some(found) = shapes.find_at(t, pos) else { break };
        let mut next = f(found).max(found.whole.0 + 1).max(pos + 1);
        while next < t.len() && !t.is_char_boundary(next) {
            next += 1;
        }
        pos = next;
    }
}

#[cfg(test)]
mod next_digit_tests {
    use super::next_digit;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn next_digit_finds_the_first_digit(t in "[a-z 0-9é٣.]{0,100}", skip in 0usize..100) {
            let b = t.as_bytes();
            let b = &b[skip.min(b.len())..];
            prop_assert_eq!(next_digit(b), b.iter().position(u8::is_ascii_digit));
        }
    }
}
