//! Data of a version's blocks that rules would otherwise compute more than once: the
//! placeholders and code spans of a block (`placeholder-mismatch` and
//! `inline-code-mismatch` read them, for each translation the source is compared with),
//! and its distinct words in lower case (`untranslated`, for each translation too). Each
//! is computed on first use and kept while the rules run over one document. Also here:
//! [`Buckets::may_share`], the cheap bound that spares `untranslated` most word lists.

use crate::blocks::Block;
use crate::placeholders::{self, Item};
use std::cell::OnceCell;
use std::hash::BuildHasher;

/// One version's per-block data, filled in as the rules ask for it.
pub struct PerBlock {
    /// Whether `{{…}}` slots in code spans are translatable (the document's setting).
    slots: bool,
    items: Vec<OnceCell<Box<[Item]>>>,
    words: Vec<OnceCell<Words>>,
    buckets: Vec<OnceCell<Buckets>>,
}

impl PerBlock {
    pub fn new(blocks: &[Block], slots: bool) -> PerBlock {
        PerBlock {
            slots,
            items: (0..blocks.len()).map(|_| OnceCell::new()).collect(),
            words: (0..blocks.len()).map(|_| OnceCell::new()).collect(),
            buckets: (0..blocks.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    /// The word buckets of block `i` (`block`) for [`Buckets::may_share`]: a source block is
    /// compared with each translation, and counted once.
    pub fn buckets(&self, i: usize, block: &Block) -> &Buckets {
        self.buckets[i].get_or_init(|| Buckets::of(&block.text))
    }

    /// The placeholders and code spans of block `i` (`block`), in text order:
    /// `placeholders::find` outside the block's bare URLs.
    pub fn items(&self, i: usize, block: &Block) -> &[Item] {
        self.items[i].get_or_init(|| {
            let urls = crate::urls::find_bare(&block.text);
            placeholders::find(&block.text, &block.code, &urls, self.slots).into_boxed_slice()
        })
    }

    /// The distinct words of block `i` (`block`) in lower case ([`lower_words`]).
    pub fn words(&self, i: usize, block: &Block) -> &Words {
        self.words[i].get_or_init(|| lower_words(&block.text))
    }
}

/// The distinct words of a text (split at white space) in lower case, as
/// `str::to_lowercase` writes them: one buffer of the lower-cased words, and each word as
/// its hash and its place in the buffer, sorted by hash, then word. That order puts equal
/// words together, as the words' own order does, and is cheaper to sort into (two hashes
/// compare in one instruction, two words in a loop).
#[derive(Debug, Default)]
pub struct Words {
    lower: String,
    words: Vec<(u64, u32, u32)>,
}

impl Words {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    fn word(&self, w: &(u64, u32, u32)) -> &str {
        &self.lower[w.1 as usize..w.2 as usize]
    }

    /// The words, in the list's order (for tests).
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| self.word(w))
    }
}

/// The words of `text` split at white space (`char::is_white_space`, as
/// `str::split_whitespace`), looking at ASCII bytes without decoding them.
pub(crate) fn split_white(text: &str) -> SplitWhite<'_> {
    SplitWhite { text, i: 0 }
}

pub(crate) struct SplitWhite<'a> {
    text: &'a str,
    i: usize,
}

impl SplitWhite<'_> {
    /// Whether the character at `i` is white space, and its length.
    #[inline(always)]
    fn at(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        match b {
            0..0x80 => (matches!(b, b'\t'..=b'\r' | b' '), 1),
            // Every white-space character beyond ASCII starts with one of these bytes
            // (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000): decode only those.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
            0xC0..0xE0 => (false, 2),
            0xE0..0xF0 => (false, 3),
            _ => (false, 4),
        }
    }
}

impl<'a> Iterator for SplitWhite<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let n = self.text.len();
        loop {
            if self.i == n {
                return None;
            }
            match self.at(self.i) {
                (true, len) => self.i += len,
                (false, _) => break,
            }
        }
        let start = self.i;
        while self.i < n {
            match self.at(self.i) {
                (false, len) => self.i += len,
                (true, _) => break,
            }
        }
        Some(&self.text[start..self.i])
    }
}

/// The distinct words of a text in lower case ([`Words`]).
pub fn lower_words(s: &str) -> Words {
    // The Arabic block has no case: its letters need no case tables.
    let same = |w: &str| {
        w.chars().all(|c| {
            if c.is_ascii() {
                return !c.is_ascii_uppercase();
            }
            if ('\u{600}'..='\u{6FF}').contains(&c) {
                return true;
            }
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        })
    };
    let hasher = foldhash::fast::FixedState::with_seed(0);
    let mut lower = String::with_capacity(s.len());
    let mut words = Vec::new();
    for w in split_white(s) {
        let start = lower.len();
        if w.is_ascii() {
            lower.push_str(w);
            lower[start..].make_ascii_lowercase();
        } else if same(w) {
            lower.push_str(w);
        } else {
            lower.push_str(&w.to_lowercase());
        }
        let hash = hasher.hash_one(&lower[start..]);
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        words.push((hash, n(start), n(lower.len())));
    }
    let text = lower.as_str();
    let word = |w: &(u64, u32, u32)| &text[w.1 as usize..w.2 as usize];
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| word(a).cmp(word(b))));
    words.dedup_by(|a, b| a.0 == b.0 && word(a) == word(b));
    Words { lower, words }
}

/// [`Buckets::may_share`] of two texts (for tests).
#[cfg(test)]
pub fn may_share(a: &str, b: &str, tenths: usize) -> bool {
    Buckets::of(a).may_share(&Buckets::of(b), tenths)
}

/// The non-empty buckets of a text's words ([`bucket_counts`]) with their counts, by
/// bucket: a block has a few dozen words, and comparing two such lists costs a few
/// dozen steps where the 256 buckets cost 256 (and stay small in memory, kept per block).
#[derive(Debug, Default)]
pub struct Buckets(Box<[(u8, u16)]>);

impl Buckets {
    pub fn of(text: &str) -> Buckets {
        // The filled buckets are marked in a bitmap and read in order from it: a pass
        // over the 256 counts, or a list of them sorted, cost more than counting a short
        // block's words.
        let mut c = [0u16; 256];
        let mut filled = [0u64; 4];
        bucket_counts_into(text, &mut c, |b| filled[usize::from(b >> 6)] |= 1 << (b & 63));
        let mut out = Vec::with_capacity(filled.iter().map(|w| w.count_ones() as usize).sum());
        for (w, &bits) in filled.iter().enumerate() {
            let mut m = bits;
            while m != 0 {
                let b = w * 64 + m.trailing_zeros() as usize;
                out.push((b as u8, c[b]));
                m &= m - 1;
            }
        }
        Buckets(out.into_boxed_slice())
    }

    /// Whether the texts of `self` and `other` may share `tenths` tenths of the distinct
    /// words of the one with more (`shared * 10 >= max(a, b) * tenths` for their
    /// [`lower_words`]): `false` only when they cannot. A bound cheaper than listing the
    /// words: each word goes to one of 256 buckets by its [`key`] (found without
    /// lower-casing it), so that equal words in lower case go to the same bucket. Two
    /// texts cannot share more words of a bucket than the fewer of the two has, and a
    /// text has at least as many distinct words as non-empty buckets.
    pub fn may_share(&self, other: &Buckets, tenths: usize) -> bool {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut most) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    most += usize::from(a[i].1.min(b[j].1));
                    i += 1;
                    j += 1;
                }
            }
        }
        most * 10 >= a.len().max(b.len()) * tenths
    }
}

/// How many words of `text` (split as [`split_white`] splits) fall in each bucket of
/// [`Buckets::may_share`] by their `key`: one pass over the bytes that splits and finds each
/// word's length in characters at once (splitting, then reading each word again for its
/// key, cost twice as much).
#[cfg(test)]
fn bucket_counts(text: &str) -> [u16; 256] {
    let mut c = [0u16; 256];
    bucket_counts_into(text, &mut c, |_| {});
    c
}

/// [`bucket_counts`] into `c` (all zero), calling `new` with each bucket as it fills.
fn bucket_counts_into(text: &str, c: &mut [u16; 256], mut new: impl FnMut(u8)) {
    let (bytes, n) = (text.as_bytes(), text.len());
    let split = SplitWhite { text, i: 0 };
    let mut i = 0;
    while i < n {
        let x = bytes[i];
        if x < 0x80 {
            if matches!(x, b'\t'..=b'\r' | b' ') {
                i += 1;
                continue;
            }
        } else if let (true, len) = split.at(i) {
            i += len;
            continue;
        }
        let start = i;
        let mut chars = 0usize;
        // The word's characters, ASCII ones on a path of their own (most of them); a
        // character of two bytes or more is looked at only when it may be white space
        // (`SplitWhite::at`) or is `İ` (C4 B0), two characters in lower case, as in `key`.
        while i < n {
            let x = bytes[i];
            if x < 0x80 {
                if matches!(x, b'\t'..=b'\r' | b' ') {
                    break;
                }
                chars += 1;
                i += 1;
                continue;
            }
            match x {
                0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                    let (w, len) = split.at(i);
                    if w {
                        break;
                    }
                    chars += 1;
                    i += len;
                }
                0xC4 => {
                    chars += 1 + usize::from(bytes[i + 1] == 0xB0);
                    i += 2;
                }
                0xC0..0xE0 => {
                    chars += 1;
                    i += 2;
                }
                0xE0..0xF0 => {
                    chars += 1;
                    i += 3;
                }
                _ => {
                    chars += 1;
                    i += 4;
                }
            }
        }
        let first = match bytes[start] {
            x @ 0..0x80 => char::from(x.to_ascii_lowercase()),
            _ => text[start..].chars().next().and_then(|c| c.to_lowercase().next()).unwrap_or(' '),
        };
        let k = (u64::from(first) << 32) | chars as u64;
        let bucket = (k ^ (k >> 29) ^ (k >> 41)) as u8;
        let count = &mut c[usize::from(bucket)];
        if *count == 0 {
            new(bucket);
        }
        *count = count.saturating_add(1);
    }
}

/// The key of a word: its first character and its number of characters, both of the word
/// in lower case (`str::to_lowercase` turns one character into one, but `İ` into two, and
/// a first `Σ` always into `σ`). [`bucket_counts`] finds it in its pass over the text;
/// this form, word by word, is what the tests compare with.
#[cfg(test)]
fn key(w: &str) -> u64 {
    let (first, chars) = if w.is_ascii() {
        (w.as_bytes()[0].to_ascii_lowercase() as char, w.len())
    } else {
        let first = w.chars().next().and_then(|c| c.to_lowercase().next()).unwrap_or(' ');
        (first, w.chars().map(|c| if c == '\u{130}' { 2 } else { 1 }).sum())
    };
    (u64::from(first) << 32) | chars as u64
}

/// How many words two lists of [`lower_words`] share.
pub fn shared(a: &Words, b: &Words) -> usize {
    // Each list is sorted by hash, then word: compared in that order.
    let order =
        |x: &(u64, u32, u32), y: &(u64, u32, u32)| x.0.cmp(&y.0).then_with(|| a.word(x).cmp(b.word(y)));
    crate::sorted::common_by(&a.words, &b.words, order).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn set(s: &str) -> HashSet<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn the_arabic_block_has_no_case() {
        for c in ('\u{600}'..='\u{6FF}').chain(['A', 'z', 'É', 'İ', 'Σ']) {
            let mut l = c.to_lowercase();
            let same = l.next() == Some(c) && l.next().is_none();
            assert_eq!(same, !c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn every_character_splits_as_split_whitespace() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let t = format!("a{c}b{c}");
            assert_eq!(
                split_white(&t).collect::<Vec<_>>(),
                t.split_whitespace().collect::<Vec<_>>(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn every_character_keys_as_its_lower_case() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| !c.is_whitespace()) {
            let (w, w2) = (c.to_string(), format!("a{c}"));
            assert_eq!(key(&w), key(&w.to_lowercase()), "{c:?}");
            assert_eq!(key(&w2), key(&w2.to_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn word_lists_count_as_sets_do() {
        let texts = [
            "The Network holds THE webinar",
            "the network ΣΟΦΟΣ σοφος İstanbul",
            "Le réseau tient le WEBINAR",
            "",
        ];
        for a in texts {
            for b in texts {
                let (sa, sb) = (set(a), set(b));
                let (la, lb) = (lower_words(a), lower_words(b));
                assert_eq!((la.len(), lb.len()), (sa.len(), sb.len()), "{a} / {b}");
                assert_eq!(shared(&la, &lb), sa.intersection(&sb).count(), "{a} / {b}");
            }
        }
    }

    /// [`may_share`] as first written, over the 256 bucket counts.
    fn may_share_reference(a: &str, b: &str, tenths: usize) -> bool {
        let (ca, cb) = (bucket_counts(a), bucket_counts(b));
        let filled = |c: &[u16; 256]| c.iter().filter(|&&n| n > 0).count();
        let most: usize = ca.iter().zip(&cb).map(|(&x, &y)| usize::from(x.min(y))).sum();
        most * 10 >= filled(&ca).max(filled(&cb)) * tenths
    }

    proptest! {
        /// The bucket lists decide as the 256 counts did.
        #[test]
        fn bucket_lists_decide_as_counts(
            a in prop::collection::vec(prop::sample::select(vec![
                "a", "A", "é", "ab", "abc", "b", "ba", "ب", "İ", " ", " ", "\n", "x", "xy", "1",
            ]), 0..60),
            b in prop::collection::vec(prop::sample::select(vec![
                "a", "B", "é", "ab", "abc", "b", "bA", "ب", "i", " ", " ", "y", "xy", "12",
            ]), 0..60),
        ) {
            let (a, b) = (a.concat(), b.concat());
            for tenths in 0..=10 {
                prop_assert_eq!(may_share(&a, &b, tenths), may_share_reference(&a, &b, tenths));
            }
        }

        /// The split is `split_whitespace`'s.
        #[test]
        fn words_split_as_split_whitespace(
            a in prop::collection::vec(prop::sample::select(vec![
                "a", "é", " ", "\t", "\u{B}", "\u{C}", "\r\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "ب",
            ]), 0..24),
        ) {
            let a = a.concat();
            prop_assert_eq!(split_white(&a).collect::<Vec<_>>(), a.split_whitespace().collect::<Vec<_>>());
        }

        /// The one-pass bucket counts are those of `split_white` and `key`.
        #[test]
        fn bucket_counts_are_those_of_split_and_key(
            a in prop::collection::vec(prop::sample::select(vec![
                "a", "A", "é", "É", "Σ", "İ", "ı", "ب", "K", "\u{212A}", "ß", "ẞ", "\u{23A}", "Ω", "1",
                " ", "\t", "\r\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}", "ab", "日本",
                "😀", "\u{1680}", "\u{E000}", "\u{C5}", "©",
            ]), 0..40),
        ) {
            let a = a.concat();
            let mut c = [0u16; 256];
            for w in split_white(&a) {
                let k = key(w);
                let bucket = usize::from((k ^ (k >> 29) ^ (k >> 41)) as u8);
                c[bucket] += 1;
            }
            prop_assert_eq!(bucket_counts(&a), c, "{:?}", a);
        }

        /// A word's key is that of the word in lower case, so a sketch's bound holds.
        #[test]
        fn keys_are_those_of_the_lower_case(
            w in prop::collection::vec(prop::sample::select(vec![
                "a", "A", "é", "É", "Σ", "σ", "ς", "İ", "i", "ı", "ب", "K", "\u{212A}", "ß", "ẞ", "\u{23A}", "Ω", "\u{2126}", "'", "1",
            ]), 1..8),
            a in prop::collection::vec(prop::sample::select(vec!["a", "A", "É", "é", "Σ", "ب", " ", "i", "İ", "ab"]), 0..24),
            b in prop::collection::vec(prop::sample::select(vec!["a", "A", "é", "Σ", "ب", " ", "I", "İ", "ba"]), 0..24),
        ) {
            let w = w.concat();
            let lower = w.to_lowercase();
            prop_assert_eq!(key(&w), key(&lower));
            let (a, b) = (a.concat(), b.concat());
            let (la, lb) = (lower_words(&a), lower_words(&b));
            for tenths in [1, 6, 7, 10] {
                if shared(&la, &lb) * 10 >= la.len().max(lb.len()) * tenths {
                    prop_assert!(may_share(&a, &b, tenths));
                }
            }
        }

        /// The lists hold each word of the text lower-cased as `str::to_lowercase` does,
        /// once, and two lists share what the two sets of words share.
        #[test]
        fn word_lists_are_the_sets_of_words(
            a in prop::collection::vec(prop::sample::select(vec![
                "a", "A", "é", "É", "Σ", "σ", "ς", "İ", "i", "ب", "K", "\u{212A}", " ", "\n", "\u{A0}", "ß",
            ]), 0..24),
            b in prop::collection::vec(prop::sample::select(vec!["a", "A", "É", "é", "Σ", "ب", " ", "i"]), 0..24),
        ) {
            let (a, b) = (a.concat(), b.concat());
            let (la, lb) = (lower_words(&a), lower_words(&b));
            let words = |l: &Words| l.iter().map(str::to_string).collect::<HashSet<_>>();
            prop_assert_eq!(la.len(), set(&a).len());
            prop_assert_eq!(words(&la), set(&a));
            prop_assert_eq!(shared(&la, &lb), set(&a).intersection(&set(&b)).count());
        }
    }
}
