//! The units' one-pass readers against the plain iterator chains they replace.

use super::*;
use proptest::prelude::*;

/// Stems as first written: split at non-letters, words of five characters or more.
fn stems_by_split(text: &str) -> Vec<[u8; 4]> {
    text.split(|c: char| !crate::script::is_letter(c))
        .filter(|w| w.chars().count() >= 5)
        .filter_map(|w| {
            let mut out = [0u8; 4];
            for (slot, c) in out.iter_mut().zip(w.chars()) {
                let c = match c.to_lowercase().next().unwrap_or(c) {
                    'à' | 'â' | 'ä' => 'a',
                    'é' | 'è' | 'ê' | 'ë' => 'e',
                    'î' | 'ï' => 'i',
                    'ô' | 'ö' => 'o',
                    'ù' | 'û' | 'ü' => 'u',
                    'ç' => 'c',
                    c if c.is_ascii_lowercase() => c,
                    _ => return None,
                };
                *slot = c as u8;
            }
            Some(out)
        })
        .collect()
}

/// Cognates as first written: `split_whitespace`, every word trimmed.
fn cognates_by_split(text: &str) -> Vec<compact_str::CompactString> {
    let mut sentence_start = true;
    text.split_whitespace()
        .filter_map(move |tok| {
            let starts = sentence_start;
            sentence_start = tok.ends_with(['.', '!', '?', ':', '؟']);
            let w = tok.trim_matches(|c: char| !crate::script::is_alnum(c));
            let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
            let name = !starts
                && w.len() >= 3
                && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic());
            (acronym || name).then(|| {
                let mut c = compact_str::CompactString::from(w);
                c.make_ascii_lowercase();
                c
            })
        })
        .collect()
}

/// Text of Latin, accented, Arabic, odd-case and digit characters, punctuation and every
/// kind of white space.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,8}",
        "[A-Z]{2,5}",
        " [A-Z][a-zA-Z]{1,9}[.,:)]? ",
        " [(\"]?[A-Z]{1,9}[.,:)]? ",
        "[àâäéèêëîïôöùûüçÀÉÇœßÆ]{1,3}",
        "[\u{0621}-\u{064A}]{1,6}",
        "[\u{0600}-\u{06FF}\u{0700}\u{0750}\u{08A0}]{1,4}",
        "[\u{212A}\u{0130}\u{1E9E}\u{03A3}\u{0414}]",
        "[0-9\u{0660}-\u{0669}]{1,3}",
        "[.,;:!?؟()'\"«»_-]",
        "[ \t\n\u{00A0}\u{2009}\u{3000}\u{0085}\u{000B}]",
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn stems_are_those_of_the_split_words(t in text()) {
        prop_assert_eq!(stems(&t).collect::<Vec<_>>(), stems_by_split(&t));
    }

    #[test]
    fn cognates_are_those_of_the_trimmed_words(t in text()) {
        prop_assert_eq!(cognates(&t).collect::<Vec<_>>(), cognates_by_split(&t));
    }

    /// Heading text as first normalised: words joined by spaces, lower-cased whole (final
    /// sigmas, `İ`, Kelvin sign and the white space beyond ASCII included in `text()`).
    #[test]
    fn heading_norm_is_the_joined_words_lowered(t in text()) {
        let want = t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        prop_assert_eq!(heading_norm(&t), want);
    }
}

#[test]
fn the_fixtures_read_the_same_stems_and_cognates() {
    let mut n = 0;
    for path in crate::testing::fixture_files(&["md", "txt", "mdx"]) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        assert_eq!(stems(&text).collect::<Vec<_>>(), stems_by_split(&text), "{}", path.display());
        assert_eq!(cognates(&text).collect::<Vec<_>>(), cognates_by_split(&text), "{}", path.display());
        for line in text.lines() {
            let want = line.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            assert_eq!(heading_norm(line), want, "{}", path.display());
        }
        n += 1;
    }
    assert!(n > 20, "{n} fixture files");
}

#[test]
fn stem_letters_of_every_character_are_those_of_its_lower_case() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
        assert_eq!(stem_letter(c), stem_letter_lowered(c), "{c:?}");
    }
}

#[test]
fn remembered_number_words_are_the_tables() {
    for lang in ["en", "fr", "ar"] {
        let table = crate::locale::table(lang).expect(lang);
        let words = ["second", "deuxième", "الثاني", "the", "twenty-one", "vingt", "x", "third", "Second"];
        for _ in 0..2 {
            for w in words {
                assert_eq!(number_word(table, w), table.number_word(w), "{lang} {w}");
            }
        }
    }
}

#[test]
fn the_arabic_block_has_no_case_and_is_what_caseless_text_holds() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = format!("a{c}B");
        let arabic = ('\u{600}'..='\u{6FF}').contains(&c);
        assert_eq!(caseless_beyond_ascii(&s), c.is_ascii() || arabic, "{c:?}");
        if arabic {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
    }
}

/// Placeholders as first looked for: slots after a search for `{{`, the others after a
/// search for either character.
fn placeholder_spans_by_contains(text: &str) -> Vec<Range<usize>> {
    let mut inside: Vec<Range<usize>> =
        if text.contains("{{") { crate::placeholders::slots(text).collect() } else { Vec::new() };
    if text.contains(['{', '%']) {
        inside.extend(crate::placeholders::find(text, &[], &[], false).into_iter().map(|p| p.range));
    }
    inside
}

proptest! {
    #[test]
    fn names_numbers_find_the_placeholders_as_before(
        t in "([a-z_]{0,3}[0-9]{1,3}|\\{\\{[a-z0-9 ]{0,6}\\}\\}|\\{[0-9a-z]{0,2}\\}|%[0-9]\\$s|%[ds]|[ %{}]|\u{661}\u{662}|é){0,12}",
    ) {
        let text = format!("{t}\n");
        for b in crate::blocks::parse(&text, 0..text.len(), crate::blocks::Format::Plain) {
            prop_assert_eq!(placeholder_spans(&b.text), placeholder_spans_by_contains(&b.text));
        }
    }
}

/// `numbers_of` per word as it was before the ASCII fast path of `number_of`: the oracle.
fn numbers_of_reference<'a>(lang: &str, words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let table = crate::locale::table(lang);
    words
        .map(|t| t.trim_matches(|c: char| !crate::script::is_alnum(c)))
        .filter_map(|t| {
            if t.chars().any(crate::script::is_numeric) {
                return Some(t.to_lowercase());
            }
            t.chars().nth(2)?;
            match table.and_then(|l| number_word(l, t)) {
                Some((n, true)) => Some(n.to_string()),
                _ => None,
            }
        })
        .map(|t| {
            t.chars()
                .map(|c| match c {
                    '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
                    '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
                    c => c,
                })
                .collect()
        })
        .collect()
}

/// `text()` with number words (ordinal or not, any case, in the three languages).
fn heading_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => text(),
        1 => "(second|Third|FIRST|twenty-first|twenty-one|deuxième|Troisième|vingt|premier|الثاني|الثالثة|الرابعة|١٢|۳|4th|2nd|A01:2021|4\\.b|x)",
        1 => "[ (\"]{0,2}",
        1 => "[.,:)]{0,2}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    /// The numbers of a heading's words, split from its joined lower-cased text at single
    /// spaces and read by `number_of`, are those the former code read from the same text
    /// split at white space.
    #[test]
    fn heading_numbers_are_those_of_the_reference(t in heading_text()) {
        let norm = heading_norm(&t);
        for lang in ["en", "fr", "ar"] {
            let table = crate::locale::table(lang);
            let got: Vec<String> = norm.split(' ').filter_map(|w| number_of(table, w)).collect();
            let want = numbers_of_reference(lang, crate::rules::per_block::split_white(&norm));
            prop_assert_eq!(&got, &want, "{} {:?}", lang, norm);
            // And on words not lower-cased (a numbered step's first words).
            let got: Vec<String> = t.split_whitespace().filter_map(|w| number_of(table, w)).collect();
            prop_assert_eq!(got, numbers_of_reference(lang, t.split_whitespace()), "{} {:?}", lang, t);
        }
    }
}
