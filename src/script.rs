//! Writing systems: which script a letter belongs to (Unicode `Script` property), which
//! scripts a language is written in, and how to name a character for people who cannot
//! see the difference between `с` and `c`.

use crate::lang::Lang;
use std::ops::Range;
use unicode_script::{Script, UnicodeScript};

/// The script of a letter, or `None` for characters shared by scripts (digits,
/// punctuation, combining marks).
pub fn letter_script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        s => Some(s),
    }
}

/// The scripts a language is written in. Latin is also expected in every language
/// (names, acronyms, emails, URLs), except in words that mix it with another script.
pub fn native_scripts(lang: Lang) -> &'static [Script] {
    match lang.tag() {
        "ar" | "fa" | "ur" => &[Script::Arabic],
        "ru" | "uk" | "bg" | "sr" | "kk" => &[Script::Cyrillic],
        "el" => &[Script::Greek],
        "he" => &[Script::Hebrew],
        "zh" => &[Script::Han],
        "ja" => &[Script::Han, Script::Hiragana, Script::Katakana],
        "ko" => &[Script::Hangul, Script::Han],
        "hi" | "ne" => &[Script::Devanagari],
        "th" => &[Script::Thai],
        "am" => &[Script::Ethiopic],
        "hy" => &[Script::Armenian],
        "ka" => &[Script::Georgian],
        _ => &[Script::Latin],
    }
}

/// `Cyrillic "д" U+0434`.
pub fn describe_char(c: char) -> String {
    let script = letter_script(c).map(|s| s.full_name()).unwrap_or("");
    let shown = if c.is_control() || is_invisible(c) { String::new() } else { format!("\"{c}\" ") };
    format!("{script} {shown}U+{:04X}", c as u32).trim_start().to_string()
}

/// Characters a reader cannot see.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// Words of a text: maximal runs of letters, marks and joiners, with their ranges.
/// `char::is_alphabetic`, answered without the Unicode table search for ASCII and the
/// Arabic letters (most of the text oerlint reads).
/// Latin-1 and Latin Extended-A and B, the whole Arabic block (its punctuation, digits
/// and tatweel too, which asked the table) and General Punctuation (no letter: the
/// quotes, dashes and spaces of French text) are answered by ranges, tested equal to
/// `char::is_alphabetic` for every character.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x80..=0x24F => matches!(c, 'ª' | 'µ' | 'º') || latin_block_letter(c),
        0x600..=0x6FF => in_arabic_block(&ARABIC_ALPHABETIC, c),
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_numeric`, with fast paths below U+0700 (ASCII, Latin, Greek, Cyrillic,
/// Hebrew and the main Arabic block: digits and Latin-1's fractions and superscripts):
/// the general table look-up is slow, and readers ask it of every character of a text.
#[inline]
pub fn is_numeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_digit(),
        0x80..=0x5FF => matches!(c, '²' | '³' | '¹' | '¼' | '½' | '¾'),
        0x600..=0x6FF => matches!(c, '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}'),
        _ => c.is_numeric(),
    }
}

/// `char::is_alphanumeric`, with the same fast paths as [`is_letter`].
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || is_numeric(c)
    }
}

/// Arabic letters and marks of the main Arabic block (no digits or punctuation): a word
/// made only of them has one script.
fn arabic_block_letter(c: char) -> bool {
    matches!(c as u32, 0x600..=0x6FF) && in_arabic_block(&ARABIC_BLOCK_LETTER, c)
}

/// A set of characters of the Arabic block (U+0600–U+06FF), one bit each: one test
/// where a chain of range comparisons took a dozen, for every Arabic character read.
type ArabicSet = [u64; 4];

/// The characters of `ranges` (inclusive, all in the Arabic block) as an [`ArabicSet`].
const fn arabic_set(ranges: &[(u32, u32)]) -> ArabicSet {
    let mut bits = [0u64; 4];
    let mut k = 0;
    while k < ranges.len() {
        let mut c = ranges[k].0;
        while c <= ranges[k].1 {
            let i = (c - 0x600) as usize;
            bits[i / 64] |= 1 << (i % 64);
            c += 1;
        }
        k += 1;
    }
    bits
}

/// Whether `c`, of the Arabic block, is in `set`.
#[inline]
fn in_arabic_block(set: &ArabicSet, c: char) -> bool {
    let i = (c as u32 - 0x600) as usize;
    (set[i >> 6] >> (i & 63)) & 1 != 0
}

/// The alphabetic characters of the Arabic block (`char::is_alphabetic`, tested so):
/// letters, marks, the tatweel; not its punctuation or digits.
const ARABIC_ALPHABETIC: ArabicSet = arabic_set(&[
    (0x610, 0x61A),
    (0x620, 0x657),
    (0x659, 0x65F),
    (0x66E, 0x6D3),
    (0x6D5, 0x6DC),
    (0x6E1, 0x6E8),
    (0x6ED, 0x6EF),
    (0x6FA, 0x6FC),
    (0x6FF, 0x6FF),
]);

/// [`arabic_block_letter`]'s characters.
const ARABIC_BLOCK_LETTER: ArabicSet = arabic_set(&[(0x621, 0x65F), (0x670, 0x6D3), (0x6D5, 0x6ED)]);

/// The letters of Latin-1 Supplement and Latin Extended-A and B (accented Latin letters):
/// every one of them is of the Latin script.
fn latin_block_letter(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}')
}

/// The one script of a word made only of ASCII or accented Latin letters, or only of
/// Arabic-block letters, found
/// without looking up each letter (`None`: look them up).
pub fn quick_script(word: &str) -> Option<Script> {
    if word.is_ascii() || word.chars().all(|c| c.is_ascii() || latin_block_letter(c)) {
        Some(Script::Latin)
    } else if word.chars().all(arabic_block_letter) {
        Some(Script::Arabic)
    } else {
        None
    }
}

pub fn words(text: &str) -> Vec<Range<usize>> {
    word_ranges(text).collect()
}

/// [`words`], one at a time.
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        let start = chars.by_ref().find(|&(_, c)| in_word(c))?.0;
        let end = chars.by_ref().find(|&(_, c)| !in_word(c)).map_or(text.len(), |(i, _)| i);
        Some(start..end)
    })
}

/// [`word_ranges`], each word with its [`quick_script`], found in the same pass over the
/// text (a rule that reads every word's quick script decoded each word twice).
pub fn quick_word_ranges(text: &str) -> impl Iterator<Item = (Range<usize>, Option<Script>)> + '_ {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        let start = chars.by_ref().find(|&(_, c)| in_word(c))?;
        let (mut latin, mut arabic) = (true, true);
        // (Each test only while the word can still pass it.)
        let mut see = |c: char| {
            if latin {
                latin = c.is_ascii() || latin_block_letter(c);
            }
            if arabic {
                arabic = arabic_block_letter(c);
            }
        };
        see(start.1);
        let mut end = text.len();
        for (i, c) in chars.by_ref() {
            if !in_word(c) {
                end = i;
                break;
            }
            see(c);
        }
        let quick = if latin {
            Some(Script::Latin)
        } else if arabic {
            Some(Script::Arabic)
        } else {
            None
        };
        Some((start.0..end, quick))
    })
}

/// Whether a character is part of a word: a letter, a mark or a joiner (the Arabic
/// tatweel too).
#[inline]
pub fn in_word(c: char) -> bool {
    is_letter(c) || is_mark(c) || c == '\u{200D}' || c == '\u{200C}' || c == '\u{0640}'
}

/// Whether every word of `text` ([`word_ranges`]) has the [`quick_script`] Latin, or
/// Arabic: what [`quick_word_ranges`] finds, without cutting words out. One pass that
/// decodes only non-ASCII characters (two-byte ones in place), keeping for the current
/// word whether all its letters so far are Latin (ASCII or accented) and whether all are
/// of the Arabic block: a word that is neither ends the pass. Most blocks of an
/// Arabic-script text hold only such words, and `mixed-script` then has nothing to look at.
///
/// The words are those of [`in_word`]: ASCII letters, Arabic-block and accented Latin
/// letters are all in words (tested), every other character is looked up.
pub fn only_quick_latin_or_arabic_words(text: &str) -> bool {
    let b = text.as_bytes();
    // Whether the current word's characters so far are all Latin, all Arabic (both true
    // between words).
    let (mut latin, mut arabic) = (true, true);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_alphabetic() {
                if !latin {
                    return false;
                }
                arabic = false;
            } else {
                (latin, arabic) = (true, true);
            }
            i += 1;
            continue;
        }
        // A letter of the Arabic block (lead byte D8 to DB), the most of Arabic text: its
        // bit read from the code point's offset in the block, without a `char`.
        if (0xD8..=0xDB).contains(&x) && i + 1 < b.len() {
            let k = (usize::from(x & 0x03) << 6) | usize::from(b[i + 1] & 0x3F);
            if (ARABIC_BLOCK_LETTER[k >> 6] >> (k & 63)) & 1 != 0 {
                if !arabic {
                    return false;
                }
                latin = false;
                i += 2;
                continue;
            }
        }
        let (c, len) = if (0xC0..0xE0).contains(&x) && i + 1 < b.len() {
            let c = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
            (char::from_u32(c).unwrap_or('\u{FFFD}'), 2)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if arabic_block_letter(c) {
            if !arabic {
                return false;
            }
            latin = false;
        } else if latin_block_letter(c) {
            if !latin {
                return false;
            }
            arabic = false;
        } else if in_word(c) {
            return false;
        } else {
            (latin, arabic) = (true, true);
        }
        i += len;
    }
    true
}

/// Whether every word of `text` is of the Latin script by [`quick_script`]: each
/// character in words is ASCII or an accented Latin letter. One pass over the text, no
/// word cut out (most blocks of a Latin-script language).
///
/// ASCII characters all pass: only the characters that start with a byte of 0xC0 or
/// more are decoded and tested (French text is mostly ASCII).
pub fn only_quick_latin_words(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&x| x >= 0xC0) {
        let at = i + k;
        let Some(c) = text[at..].chars().next() else { break };
        if !latin_block_letter(c) && in_word(c) {
            return false;
        }
        i = at + c.len_utf8();
    }
    true
}

/// Combining marks (general category M): part of the word they stand in. Complex scripts
/// (Devanagari viramas and vowel signs, Khmer, Myanmar) carry them inside words.
fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0483}'..='\u{0489}')
    {
        return true;
    }
    let marks = marks();
    let k = marks.partition_point(|&(_, end)| end < c);
    marks.get(k).is_some_and(|&(start, _)| start <= c)
}

/// The ranges of `\p{M}`, as the regex crate reads it (sorted, disjoint), from its
/// parser: a binary search instead of a regex search per character.
fn marks() -> &'static [(char, char)] {
    static M: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::parse(r"\p{M}").expect("mark class");
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => {
                class.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            _ => Vec::new(),
        }
    })
}

/// The distinct scripts of the letters of a word, in order of appearance.
pub fn scripts_of(word: &str) -> Vec<Script> {
    let mut out: Vec<Script> = Vec::new();
    for c in word.chars() {
        if let Some(s) = letter_script(c) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_is_char_is_numeric_for_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?} U+{:04X}", c as u32);
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
            let arabic =
                matches!(c, '\u{0621}'..='\u{065F}' | '\u{0670}'..='\u{06D3}' | '\u{06D5}'..='\u{06ED}');
            assert_eq!(arabic_block_letter(c), arabic, "{c:?} U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        /// The byte search decides as the test of every character did.
        #[test]
        fn only_quick_latin_words_is_the_character_test(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "é", "ɏ", "ب", "ـ", "\u{300}", "’", "«", "\u{A0}", "д", "1", " ", "-", "\u{200D}", "日", "😀",
            ]), 0..24),
        ) {
            let text = parts.concat();
            let want = text.chars().all(|c| c.is_ascii() || latin_block_letter(c) || !in_word(c));
            proptest::prop_assert_eq!(only_quick_latin_words(&text), want, "{:?}", text);
        }

        /// The words and quick scripts of one pass are those of two.
        #[test]
        fn quick_words_are_words_and_their_quick_scripts(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "é", "ɏ", "ب", "ـ", "\u{64B}", "\u{670}", "\u{6D4}", "\u{6D5}", "٣", "1", " ", "-", "\u{200D}",
                "\u{200C}", "\u{301}", "д", "中", "ß", "\u{D7}", "\u{F7}", "ﻻ", "\u{FEFF}", ".",
            ]), 0..16),
        ) {
            let t = parts.concat();
            let two: Vec<(Range<usize>, Option<Script>)> =
                word_ranges(&t).map(|w| (w.clone(), quick_script(&t[w]))).collect();
            proptest::prop_assert_eq!(quick_word_ranges(&t).collect::<Vec<_>>(), two);
        }

        /// The one pass decides as the words' quick scripts do.
        #[test]
        fn only_quick_latin_or_arabic_words_is_the_word_test(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "é", "ɏ", "ب", "ـ", "\u{64B}", "\u{670}", "\u{6D4}", "\u{6D5}", "٣", "1", " ", "-", "\u{200D}",
                "\u{200C}", "\u{301}", "д", "中", "ß", "\u{D7}", "\u{F7}", "ﻻ", "\u{FEFF}", ".", "\u{A0}", "’", "😀",
                "\u{620}", "\u{6FF}", "\u{610}", "ª",
            ]), 0..16),
        ) {
            let t = parts.concat();
            let want = quick_word_ranges(&t).all(|(_, q)| matches!(q, Some(Script::Latin | Script::Arabic)));
            proptest::prop_assert_eq!(only_quick_latin_or_arabic_words(&t), want, "{:?}", t);
        }
    }

    /// [`only_quick_latin_or_arabic_words`] takes these for word characters without
    /// asking [`in_word`]; every two-byte character it decodes in place is the one `chars`
    /// reads.
    #[test]
    fn quick_letters_are_in_words() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_ascii_alphabetic() || arabic_block_letter(c) || latin_block_letter(c) {
                assert!(in_word(c), "{c:?}");
            }
            for t in [format!("{c}a"), format!("{c}{c} {c}"), format!("\u{628}{c}")] {
                let want =
                    quick_word_ranges(&t).all(|(_, q)| matches!(q, Some(Script::Latin | Script::Arabic)));
                assert_eq!(only_quick_latin_or_arabic_words(&t), want, "{c:?}");
            }
        }
    }

    #[test]
    fn latin_block_letters_are_latin() {
        for c in ('\u{00C0}'..='\u{024F}').filter(|&c| latin_block_letter(c)) {
            assert_eq!(letter_script(c), Some(Script::Latin), "{c:?}");
        }
        assert!(!latin_block_letter('×') && !latin_block_letter('÷'));
        assert_eq!(quick_script("Éducation"), Some(Script::Latin));
        assert_eq!(quick_script("éدو"), None);
    }

    #[test]
    fn scripts_and_words() {
        assert_eq!(scripts_of("динاميки"), vec![Script::Cyrillic, Script::Arabic]);
        assert_eq!(scripts_of("هironaka"), vec![Script::Arabic, Script::Latin]);
        assert_eq!(scripts_of("UNESCO"), vec![Script::Latin]);
        assert_eq!(scripts_of("2022"), vec![]);
        let t = "مرحباً بكم، j.doe";
        let w: Vec<&str> = words(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(w, vec!["مرحباً", "بكم", "j", "doe"]);
        assert_eq!(describe_char('д'), "Cyrillic \"д\" U+0434");
        // The fast paths agree with the tables.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            if arabic_block_letter(c) {
                assert!(matches!(letter_script(c), Some(Script::Arabic) | None), "{c:?}");
            }
        }
        assert_eq!(describe_char('\u{202E}'), "U+202E");
    }

    #[test]
    fn marks_are_the_regex_class() {
        let re = regex::Regex::new(r"^\p{M}$").unwrap();
        assert!(marks().len() > 100);
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).step_by(7).chain(0..0x3000).filter_map(char::from_u32) {
            let fast = matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0483}'..='\u{0489}');
            assert_eq!(is_mark(c), fast || re.is_match(c.encode_utf8(&mut buf)), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The word iterator cuts where the first version did, and the Latin prefilter
        /// holds only when every word is quickly Latin.
        #[test]
        fn words_and_the_latin_prefilter(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "É", "é", "\u{301}", "д", "ب", "\u{64E}", "\u{640}", "\u{200D}", " ", "’", "«", "1", "-",
                "\u{A0}", "ह", "\u{93F}", "×",
            ]), 0..16)
        ) {
            let text: String = parts.concat();
            let mut want = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices() {
                match (in_word(c), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => { want.push(s..i); start = None; }
                    _ => {}
                }
            }
            if let Some(s) = start { want.push(s..text.len()); }
            proptest::prop_assert_eq!(&words(&text), &want);
            if only_quick_latin_words(&text) {
                for w in want {
                    proptest::prop_assert_eq!(quick_script(&text[w]), Some(Script::Latin));
                }
            }
        }
    }
}
