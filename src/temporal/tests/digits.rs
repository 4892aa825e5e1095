//! The number reader (`digits.rs`) gives what the `regex` crate gives for each language's
//! number pattern: the same whole match and number group, from every position, on the
//! fixtures and on generated text of digits, separators, letters and spaces.

use super::super::digits::{shapes, Found};
use super::super::patterns::{compile_checked, patterns};
use super::*;
use proptest::prelude::*;
use regex::Regex;
use std::sync::OnceLock;

fn regexes() -> &'static [Regex] {
    static ALL: OnceLock<Vec<Regex>> = OnceLock::new();
    ALL.get_or_init(|| {
        locale::LANGS
            .iter()
            .map(|l| compile_checked(patterns(locale::table(l).unwrap()).sources()[3]).unwrap())
            .collect()
    })
}

fn same(text: &str) {
    for (i, lang) in locale::LANGS.iter().enumerate() {
        let re = &regexes()[i];
        for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            let want = re.captures_at(text, pos).map(|c| {
                let (w, n) = (c.get(0).unwrap(), c.name("n").unwrap());
                Found { whole: (w.start(), w.end()), number: (n.start(), n.end()) }
            });
            assert_eq!(shapes(lang).find_at(text, pos), want, "{lang} on {text:?} from {pos}");
        }
    }
}

#[test]
fn same_as_regex_on_examples() {
    for t in [
        "1,234.5 and 1 234,5 and ١٬٢٣٤٫٥ and 1.234,5 and 1.234.567 and 12,3456 and 1,2,3",
        "x1 a 25.000 b 7\u{A0}330 c 7\u{202F}330,25 d 7\u{2009}330 e 2020-2021 f .5 g ,5 h 3.",
        "1234,567 1,234,56 12 345 678,9 ٣ 3٫5 3٬500 3.5.6 _9 é9 ب9 9%",
    ] {
        same(t);
        same(&locale::fold(t));
    }
}

#[test]
fn same_as_regex_on_the_fixtures() {
    for p in fixture_files(&["md"]) {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        for line in text.lines().filter(|l| l.bytes().any(|b| b.is_ascii_digit()) && l.len() < 400) {
            same(&locale::fold(line));
        }
    }
}

const PIECES: &[&str] = &[
    "0", "1", "12", "123", "1234", "5", "9", ",", ".", " ", "\u{A0}", "\u{202F}", "\u{2009}", "٫", "٬", "a",
    "_", "é", "ب", "-", "%", "/", "(", "\n", "x", "00", "000",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]
    #[test]
    fn same_as_regex_on_generated_text(picks in prop::collection::vec(0usize..PIECES.len(), 0..14)) {
        let t: String = picks.iter().map(|&i| PIECES[i]).collect();
        same(&t);
    }
}
