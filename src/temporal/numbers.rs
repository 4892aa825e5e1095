//! Numbers: digits in every digit system and separator style, number words, scales.

use super::*;
use crate::locale::{self, Folded, Locale};

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/// Like [`extract_numbers`] with any locale.
pub fn extract_numbers_with(l: &Locale, text: &str, taken: &[(usize, usize)]) -> Vec<NumberAnchor> {
    let folded = Folded::new(text);
    numbers_in(l, text, &folded, taken, &url_spans(&folded.text))
}

pub(super) fn numbers_in(
    l: &Locale,
    _text: &str,
    folded: &Folded,
    taken: &[(usize, usize)],
    urls: &[(usize, usize)],
) -> Vec<NumberAnchor> {
    let f = folded.text.as_str();
    let lx = l.lexicon();
    let d = l.data();
    let taken = merged(taken.to_vec());
    let taken = taken.as_slice();
    let lang = d.lang.as_str();
    let suffixes = &lx.ordinal_suffixes;
    let percent_after = |end: usize| word_after(f, end, &lx.percent_words).map(|w| w.0);
    let scale_after = |end: usize| word_after(f, end, &lx.scale_words);
    let mut out: Vec<(usize, usize, f64, NumberKind, bool)> = Vec::new();
    let mut digit_spans: Vec<(usize, usize)> = Vec::new();

    super::digits::scan(super::digits::shapes(lang), f, |found| {
        let (s, mut e) = found.number;
        let raw = &f[s..e];
        let after = f.get(e..).unwrap_or("");
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_ascii_digit()) || decimal_follows(f, e) {
            // "1,2345", "1.2.3", French "25.000", Moroccan "1.234,5": a
            // grouping this locale does not use; skip the whole run.
            let run = after
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '٫' | '٬')))
                .unwrap_or(after.len());
            return e + run;
        }
        let mut kind = NumberKind::Cardinal;
        let mut scale = 1.0;
        if next.is_some_and(|c| c.is_alphabetic()) {
            let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            let (os, oe) = folded.span(e, e + word.len());
            let glued = _text.get(os..oe).unwrap_or("");
            let suffix_scale = d
                .numbers
                .scale_suffixes
                .iter()
                .find(|sc| sc.words.iter().any(|w| w == glued))
                .map(|sc| sc.value);
            if !raw.contains(['.', ',', '٫', '٬', ' ', '\u{A0}', '\u{202F}', '\u{2009}'])
                && suffixes.contains(&word)
            {
                kind = NumberKind::Ordinal;
                e += word.len();
            } else if let Some(mult) = suffix_scale {
                // 318k, 2.5M: the suffix is the whole glued word.
                scale = mult;
                e += word.len();
            } else if let Some(pe) = percent_after(e) {
                kind = NumberKind::Percent;
                e = pe;
            } else {
                return e;
            }
        } else {
            if let Some((se, mult)) = scale_after(e) {
                scale = mult;
                e = se;
            }
            if let Some(pe) = percent_after(e) {
                kind = NumberKind::Percent;
                e = pe;
            }
        }
        if hits(urls, s, e) {
            return e;
        }
        let (os, oe) = folded.span(s, e);
        if hits(taken, os, oe) {
            return s + 1;
        }
        let value = parse_number(lang, raw).map(|v| v * scale);
        if let Some(v) = value.filter(|v| v.is_finite()) {
            out.push((os, oe, v, kind, false));
            digit_spans.push((s, e));
        }
        e
    });

    // Roman ordinals ("XXIe siècle"): upper-case numerals with an ordinal suffix of the
    // locale's `roman_suffixes`, read on the original text (folding lowercases them).
    if !d.numbers.roman_suffixes.is_empty() {
        for (s, e, v) in roman_ordinals(_text, &d.numbers.roman_suffixes) {
            if !hits(taken, s, e) {
                out.push((s, e, v, NumberKind::Ordinal, false));
            }
        }
    }

    // Number words: greedy longest match over runs of letters.
    let tokens = letter_runs(f);
    let max = lx.max_number_words.max(1);
    let number_firsts = &patterns(l).number_firsts;
    let mut i = 0;
    while i < tokens.len() {
        // The bit first: it turns down most words in a few instructions.
        if !number_firsts.may_hold(&f[tokens[i].0..tokens[i].1])
            || hits(&digit_spans, tokens[i].0, tokens[i].1)
            || !could_start_number(lx, &f[tokens[i].0..tokens[i].1])
        {
            i += 1;
            continue;
        }
        let mut hit = None;
        'len: for n in (1..=max.min(tokens.len() - i)).rev() {
            let (s, e) = (tokens[i].0, tokens[i + n - 1].1);
            let Some(slice) = f.get(s..e) else { continue };
            if !slice.chars().all(|c| crate::script::is_letter(c) || c.is_whitespace() || c == '-') {
                continue;
            }
            let k = folded_key(slice);
            if let Some(&(v, ord)) = lx.numbers.get(k.as_ref()) {
                if lx.not_standalone.contains(k.as_ref()) {
                    continue;
                }
                hit = Some((s, e, v, ord, n));
                break;
            }
            for cl in &lx.clitics {
                if let Some(rest) = slice.strip_prefix(cl.as_str()) {
                    if tokens[i].1 - s - cl.len() < 4 {
                        continue;
                    }
                    let k = locale::key(rest);
                    if let Some(&(v, ord)) = lx.numbers.get(k.as_str()) {
                        if lx.not_standalone.contains(k.as_str()) {
                            continue;
                        }
                        hit = Some((s + cl.len(), e, v, ord, n));
                        break 'len;
                    }
                }
            }
        }
        let Some((s, mut e, v, ord, n)) = hit else {
            i += 1;
            continue;
        };
        i += n;
        let mut kind = if ord { NumberKind::Ordinal } else { NumberKind::Cardinal };
        let mut value = v as f64;
        if !ord {
            if let Some((se, mult)) = scale_after(e) {
                value *= mult;
                e = se;
            }
            if let Some(pe) = percent_after(e) {
                kind = NumberKind::Percent;
                e = pe;
                while i < tokens.len() && tokens[i].0 < e {
                    i += 1;
                }
            }
        }
        let (os, oe) = folded.span(s, e);
        if hits(taken, os, oe) || hits(urls, s, e) {
            continue;
        }
        out.push((os, oe, value, kind, true));
    }
    out.sort_by_key(|a| a.0);
    out.into_iter()
        .map(|(start, end, value, kind, spelled)| NumberAnchor { start, end, value, kind, spelled })
        .collect()
}

/// The runs of letters of `f` ([`crate::script::is_letter`]), as byte ranges: the words
/// the number-word reader tries. An ASCII byte and the common Arabic letters are classed
/// without decoding them; the same runs as a `char_indices` pass (a test compares them).
#[inline(never)]
fn letter_runs(f: &str) -> Vec<(usize, usize)> {
    let b = f.as_bytes();
    // Room for words of five bytes and a space: no growing for most texts.
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    let mut i = 0;
    while i < b.len() {
        // Not a letter: ASCII skipped byte by byte (without the test of non-ASCII
        // letters), others by their length (from their first byte: no decoding).
        let x = b[i];
        if x < 0x80 {
            if !x.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
        } else if non_ascii_letter(f, i) == 0 {
            i += match x {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            continue;
        }
        let st = i;
        loop {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            match non_ascii_letter(f, i) {
                0 => break,
                n => i += n,
            }
        }
        out.push((st, i));
    }
    out
}

/// The length of the non-ASCII letter at `i` of `f` (a character boundary), or 0 for an
/// ASCII byte, the end of the text or a character that is not a letter.
#[inline]
fn non_ascii_letter(f: &str, i: usize) -> usize {
    let b = f.as_bytes();
    match b.get(i) {
        None => 0,
        Some(c) if c.is_ascii() => 0,
        // U+0621–U+063A and U+0641–U+064A: letters, without decoding them.
        Some(0xD8) if matches!(b.get(i + 1), Some(0xA1..=0xBA)) => 2,
        Some(0xD9) if matches!(b.get(i + 1), Some(0x81..=0x8A)) => 2,
        Some(_) => match f[i..].chars().next() {
            Some(c) if crate::script::is_letter(c) => c.len_utf8(),
            _ => 0,
        },
    }
}

/// [`locale::key`] of a slice of folded text, borrowed when the key is the slice itself:
/// lower-case ASCII letters and hyphens, words one space apart (folding leaves them as
/// they are and there is no white space to collapse). Most words the number reader
/// looks up are such, and need no folding and no allocation then.
pub(super) fn folded_key(slice: &str) -> std::borrow::Cow<'_, str> {
    let plain = slice.bytes().all(|c| c.is_ascii_lowercase() || c == b'-' || c == b' ')
        && !slice.starts_with(' ')
        && !slice.ends_with(' ')
        && !slice.contains("  ");
    if plain {
        std::borrow::Cow::Borrowed(slice)
    } else {
        std::borrow::Cow::Owned(locale::key(slice))
    }
}

/// A word of `list` (folded keys, longest first) after `end`, past at most
/// one space: (end of the word, its value).
pub(super) fn word_after(f: &str, end: usize, list: &[(String, f64)]) -> Option<(usize, f64)> {
    let rest = f.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{A0}', '\u{202F}', '\u{2009}']);
    let skipped = rest.len() - trimmed.len();
    if skipped > 3 {
        return None;
    }
    for (w, v) in list {
        if let Some(after) = trimmed.strip_prefix(w.as_str()) {
            let alpha_end = w.chars().last().is_some_and(|c| c.is_alphanumeric());
            if !alpha_end || !after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                return Some((end + skipped + w.len(), *v));
            }
        }
    }
    None
}

/// Cheap filter: the word (or the word less a clitic) begins a number word.
pub(super) fn could_start_number(lx: &locale::Lexicon, word: &str) -> bool {
    word.len() <= lx.number_first_longest && lx.number_first_words.contains(word)
}

pub(super) fn parse_number(lang: &str, raw: &str) -> Option<f64> {
    // Moroccan and European grouping in Arabic text: 1.234,5 (dots group, a comma last).
    if lang == "ar" && raw.contains('.') && raw.rfind(',') > raw.rfind('.') {
        return raw.replace('.', "").replace(',', ".").parse().ok();
    }
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '0'..='9' => s.push(c),
            '٫' => s.push('.'),
            '.' if lang != "fr" => s.push('.'),
            ',' if lang == "fr" => s.push('.'),
            _ => {}
        }
    }
    s.parse().ok()
}

/// Words of 4,096 bits: a word of the set always finds its bit set (one hash, as a Bloom
/// filter), most others do not. The number reader asks whether each word of a text may
/// begin a number word: the bit, a few instructions, before the hash set.
#[derive(Debug)]
pub(super) struct WordBits(Box<[u64; 64]>);

impl WordBits {
    pub(super) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordBits {
        let mut bits = Box::new([0u64; 64]);
        for w in words {
            let i = WordBits::slot(w.as_bytes());
            bits[i / 64] |= 1 << (i % 64);
        }
        WordBits(bits)
    }

    /// The bit of a word: its length, first two bytes and last byte mixed.
    fn slot(w: &[u8]) -> usize {
        let at = |i: usize| w.get(i).copied().unwrap_or(0) as u32;
        let last = w.last().copied().unwrap_or(0) as u32;
        let h = (w.len() as u32).wrapping_mul(0x9E37_79B9)
            ^ at(0).wrapping_mul(0x85EB_CA6B)
            ^ at(1).wrapping_mul(0xC2B2_AE35)
            ^ last.wrapping_mul(0x27D4_EB2F);
        (h.wrapping_mul(0x9E37_79B9) >> 20) as usize
    }

    /// False only for a word that is not in the set.
    pub(super) fn may_hold(&self, w: &str) -> bool {
        let i = WordBits::slot(w.as_bytes());
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

#[cfg(test)]
mod word_bits_tests {
    use super::*;
    use proptest::prelude::*;

    /// The runs of letters as the number reader found them before [`letter_runs`].
    fn letter_runs_by_chars(f: &str) -> Vec<(usize, usize)> {
        let mut tokens = Vec::new();
        let mut cur: Option<usize> = None;
        for (i, ch) in f.char_indices() {
            if crate::script::is_letter(ch) {
                cur.get_or_insert(i);
            } else if let Some(st) = cur.take() {
                tokens.push((st, i));
            }
        }
        if let Some(st) = cur {
            tokens.push((st, f.len()));
        }
        tokens
    }

    #[test]
    fn letter_runs_on_every_arabic_letter() {
        for c in '\u{0600}'..='\u{06FF}' {
            let t = format!("a{c}b {c} {c}{c}");
            assert_eq!(letter_runs(&t), letter_runs_by_chars(&t), "{c:?}");
        }
    }

    proptest! {
        #[test]
        fn letter_runs_as_char_indices(t in "[a-zA-Z0-9 \\-_.,éèœßİ٣ثلاثةأمس\u{0640}\u{064B}\u{A0}\t\n’ᵉ一😀—]{0,60}") {
            prop_assert_eq!(letter_runs(&t), letter_runs_by_chars(&t));
        }

        #[test]
        fn folded_key_as_key(t in "[a-zA-Z \\-éœ٣ثلاثة\u{A0}\t\n]{0,20}") {
            let (fast, slow) = (folded_key(&t), locale::key(&t));
            prop_assert_eq!(fast.as_ref(), slow.as_str());
        }
    }

    #[test]
    fn every_number_first_word_is_held() {
        for lang in locale::LANGS {
            let lx = locale::table(lang).unwrap().lexicon();
            let bits = WordBits::new(lx.number_first_words.iter().map(|w| w.as_ref()));
            for w in &lx.number_first_words {
                assert!(bits.may_hold(w), "{lang} {w}");
            }
            // Most other words are not.
            let others = ["the", "and", "report", "network", "les", "réseau", "الشبكة", "في"];
            let held =
                others.iter().filter(|w| bits.may_hold(w) && !lx.number_first_words.contains(**w)).count();
            assert!(held <= 2, "{lang}: {held}");
        }
    }
}
