//! The matcher gives what the `regex` crate gives: the same match and the same span for
//! every group, from every position, on the readers' patterns of the three tables and on
//! text built from the tables' words, digits and separators.

use super::super::matcher::{Caps, Matcher, Part};
use super::super::patterns::{alt_text, alt_words, compile_checked, patterns};
use super::*;
use proptest::prelude::*;
use regex::Regex;
use std::sync::OnceLock;

/// Each pattern of a language as (regex, matcher), the shared ones with them.
fn pairs(lang: &str) -> &'static [(Regex, &'static Matcher)] {
    static ALL: OnceLock<Vec<Vec<(Regex, &'static Matcher)>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        locale::LANGS
            .iter()
            .map(|lang| {
                let p = patterns(locale::table(lang).unwrap());
                let ms = [&p.range_gap, &p.date, &p.time, &p.number, &p.day_range, &p.day_word];
                let mut v: Vec<(Regex, &'static Matcher)> =
                    p.sources().iter().zip(ms).map(|(s, m)| (compile_checked(s).unwrap(), m)).collect();
                for m in [numeric_date_pattern(), year_pattern()] {
                    v.push((compile_checked(m.source()).unwrap(), m));
                }
                v
            })
            .collect()
    });
    &all[locale::LANGS.iter().position(|l| *l == lang).unwrap()]
}

fn spans(c: &Caps) -> Vec<Option<(usize, usize)>> {
    (0..c.len()).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect()
}

/// Every position of a short text; in a long one, those a reader searches from: the
/// start, one character past the start of each match and the end of each (searching from
/// every position of a long line is quadratic, and slow in a debug build).
fn positions(re: &Regex, text: &str) -> Vec<usize> {
    let next = |i: usize| (i + 1..=text.len()).find(|&j| text.is_char_boundary(j)).unwrap_or(text.len() + 1);
    if text.len() <= 80 {
        return (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
    }
    let mut v = Vec::new();
    let mut pos = 0;
    while pos <= text.len() {
        v.push(pos);
        let Some(m) = re.find_at(text, pos) else { break };
        v.push(m.end());
        pos = next(m.start());
    }
    v
}

fn same(lang: &str, text: &str) {
    let p = patterns(locale::table(lang).unwrap());
    for (re, m) in pairs(lang) {
        // The date, time, numeric date and year patterns are searched only where `front` says a
        // match can start: that must find the same matches as a search from every position
        // (for times, before the filter of numbers that cannot be hours: see below).
        let front = [(&p.date, &p.date_front), (&p.time, &p.time_front)]
            .into_iter()
            .find(|f| std::ptr::eq(f.0, *m))
            .and_then(|f| f.1.windows_with(text, false))
            .or_else(|| {
                std::ptr::eq(*m, numeric_date_pattern())
                    .then(|| super::super::front::numeric_date_windows(text))
            })
            .or_else(|| std::ptr::eq(*m, year_pattern()).then(|| super::super::front::year_windows(text)));
        for pos in positions(re, text) {
            let want = re
                .captures_at(text, pos)
                .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect::<Vec<_>>());
            if let Some(w) = &front {
                let got = m.captures_within(text, pos, Some(w)).map(|c| spans(&c));
                assert_eq!(got, want, "{lang} within {w:?} {:?} on {text:?} from {pos}", re.as_str());
            }
            let got = m.captures_at(text, pos);
            if let (Some(c), Some(r)) = (&got, re.captures_at(text, pos)) {
                assert!(c.name("").is_none());
                for n in re.capture_names().flatten() {
                    assert_eq!(c.name(n).map(|g| g.as_str()), r.name(n).map(|g| g.as_str()), "{n}");
                }
            }
            let got = got.map(|c| spans(&c));
            assert_eq!(got, want, "{lang} {:?} on {text:?} from {pos}", re.as_str());
        }
    }
}

/// Words of the table (folded), digits and separators to build text from.
fn pieces(lang: &str) -> Vec<String> {
    let l = locale::table(lang).unwrap();
    let (d, lx) = (l.data(), l.lexicon());
    let mut v: Vec<String> = Vec::new();
    v.extend(lx.months.keys().map(|k| k.to_string()));
    v.extend(lx.weekdays.keys().map(|k| k.to_string()));
    v.extend(lx.zones.keys().map(|k| k.to_string()));
    v.extend(lx.clitics.iter().cloned());
    for list in [
        &d.weekday_prefixes,
        &d.month_prefixes,
        &d.day_month_joiners,
        &d.month_year_joiners,
        &d.range_joiners,
        &d.range_openers,
        &d.numbers.digit_ordinal_suffixes,
        &d.time.am,
        &d.time.pm,
        &d.time.noon,
        &d.time.midnight,
        &d.time.hour_markers,
        &d.time.hour_separators,
        &d.time.range_hour_words,
    ] {
        v.extend(list.iter().map(|w| locale::key(w)));
    }
    v.extend(d.numbers.ordinals.iter().flat_map(|o| o.words.iter().map(|w| locale::key(w))));
    v.sort();
    v.dedup();
    v
}

const SEPS: &[&str] = &[
    " ", " ", "  ", ",", ", ", "،", "/", "-", ".", ":", "h", "'", "(", "[", "+", "−", "–", "\u{a0}",
    "\u{202f}", "٫", "٬", "x", "é", "م", "$", "%", "\n", "t", "le ",
];
const DIGITS: &[&str] = &[
    "0", "1", "2", "3", "5", "9", "12", "19", "20", "24", "30", "31", "59", "60", "000", "2022", "1999",
    "2023", "13",
];

fn text_of(lang: &str, picks: &[(u8, usize)]) -> String {
    let words = pieces_cached(lang);
    let mut t = String::new();
    for &(kind, i) in picks {
        match kind % 3 {
            0 => t.push_str(&words[i % words.len()]),
            1 => t.push_str(DIGITS[i % DIGITS.len()]),
            _ => t.push_str(SEPS[i % SEPS.len()]),
        }
    }
    t
}

fn pieces_cached(lang: &str) -> &'static [String] {
    static ALL: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all = ALL.get_or_init(|| locale::LANGS.iter().map(|l| pieces(l)).collect());
    &all[locale::LANGS.iter().position(|l| *l == lang).unwrap()]
}

#[test]
fn same_as_regex_on_examples() {
    for (lang, t) in [
        ("en", "on Monday, 30 November 2022 at 9:30 a.m. (UTC+3) - from 9 to 11 p.m. CET"),
        ("en", "March 12, 2022; 1-3 November 2022; 12/11/2022 and 2022-11-30, 2022-2023 and 1,234.5"),
        ("fr", "le lundi 1er mars 2022 de 9 h 30 à 12 h, du 1er au 3 novembre, 1 250,5 et 25.000"),
        ("fr", "de 18 à 19 heures (heure de Paris), mi-mars 2022"),
        ("ar", "الخامس من نوفمبر 2022م الساعة السادسة مساءً بتوقيت غرينتش+3 ١٬٢٣٤٫٥ و1.234,5"),
        ("ar", "من 1 إلى 3 نوفمبر 2022 آذار/مارس 2022"),
        // Long separator runs between the parts of a date or a time: the windows of
        // `front` count only what is not a separator.
        ("en", "on Monday ,   , \n\n   30  \t  November   ,  2022 and Tuesday,,,,,,,,,,,,,,,,,,,,,,,1 December"),
        ("fr", "le   lundi        1er          mars et       de        9 h 30         à          12 h"),
        ("ar", "يوم الاثنين          ،         الخامس            من                  نوفمبر 2022 الساعة          السادسة مساءً"),
        ("en", "xMonday 3 March, 1March, 3rd of March, at noon CET, midnight, 9a.m., a9:30, _9:30, é9:30"),
    ] {
        let f = locale::fold(t);
        same(lang, &f);
        same(lang, t);
    }
}

/// Every line of the fixtures, folded, in each language.
#[test]
fn same_as_regex_on_the_fixtures() {
    for p in fixture_files(&["md", "txt", "html"]) {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        for line in text.lines().filter(|l| l.chars().any(|c| c.is_ascii_digit() || !c.is_ascii())) {
            let f = locale::fold(line);
            for lang in locale::LANGS {
                same(lang, &f);
            }
        }
    }
}

#[test]
fn deep_repetitions_fall_back_to_regex() {
    let t = format!("x 1{} y", ",000".repeat(3000));
    same("en", &t);
}

/// The tree of a word list built from its words is the tree of its pattern parsed.
fn same_tree(words: &[(String, bool)]) {
    let parsed = Part::parse(&alt_text(words)).unwrap_or_else(|e| panic!("{words:?}: {e}"));
    assert_eq!(Part::words(words).tree(), parsed.tree(), "{words:?}");
}

#[test]
fn word_lists_give_the_parsed_trees() {
    for lang in locale::LANGS {
        let p = patterns(locale::table(lang).unwrap());
        assert!(p.lists.len() > 10, "{lang}");
        for w in &p.lists {
            same_tree(w);
        }
    }
    same_tree(&[]);
    same_tree(&alt_words([("a".to_string(), false)]));
    same_tree(&alt_words([
        ("p.m.".to_string(), true),
        (" x  y ".to_string(), false),
        ("z".to_string(), true),
    ]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn word_lists_give_the_parsed_trees_on_any_words(
        words in prop::collection::vec((r"[a. \\()|*+?{}\[\]^$#&~\-é\u{F0000}غ\u{A0}\t]{0,6}", any::<bool>()), 0..6)
    ) {
        same_tree(&alt_words(words));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn same_as_regex_on_table_words(lang in 0usize..3, picks in prop::collection::vec((0u8..3, 0usize..400), 0..12)) {
        let lang = locale::LANGS[lang];
        same(lang, &text_of(lang, &picks));
    }
}

/// The times read with the front's filter of numbers that cannot be hours and without it.
fn same_times(lang: &str, text: &str) {
    let l = locale::table(lang).unwrap();
    let folded = locale::Folded::new(text);
    let urls = url_spans(&folded.text);
    let filtered = super::super::times::times_in_with(l, &folded, &urls, true);
    let all = super::super::times::times_in_with(l, &folded, &urls, false);
    assert_eq!(filtered, all, "{lang} {text:?}");
}

#[test]
fn hour_filter_keeps_the_times_on_examples() {
    for (lang, t) in [
        ("en", "only 5 days left, part 2 of 12: from 9 to 11 p.m., 3 and 4 pm, 10 - 12:30 utc"),
        ("en", "between 2 and 7 at noon, 14, 15 to midnight (cet) 24:00 - 25 29 9.30 a.m."),
        ("fr", "de 9 à 12 h, 10 heures à 11 heures, le 3 et 4 minuit, 15h30-16h 2 000 experts"),
        ("ar", "من 9 إلى 11 صباحا، الساعة 5 مساء، في الساعة السادسة، 7 و 8 منتصف الليل 15:00"),
        ("ar", "الساعة 5 في المقر، في الساعة 7، 12 عضوا"),
    ] {
        same_times(lang, t);
        same_times(lang, &t.replace(' ', "  "));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]
    #[test]
    fn hour_filter_keeps_the_times(lang in 0usize..3, picks in prop::collection::vec((0u8..3, 0usize..400), 0..16)) {
        let lang = locale::LANGS[lang];
        same_times(lang, &text_of(lang, &picks));
    }
}

/// The windows from the date and time words found in one pass ([`Both`]) are those each
/// front finds with its own automaton.
fn same_windows(lang: &str, text: &str) {
    let p = patterns(locale::table(lang).unwrap());
    let f = locale::Folded::new(text).text;
    let both = p.both.as_ref().expect("every table has date and time words");
    let (dates, times) = both.hits(&f).unwrap();
    assert_eq!(p.date_front.windows_given(&f, true, Some(&dates)), p.date_front.windows(&f), "{lang} {f:?}");
    for hours in [true, false] {
        assert_eq!(
            p.time_front.windows_given(&f, hours, Some(&times)),
            p.time_front.windows_with(&f, hours),
            "{lang} {f:?}"
        );
    }
}

#[test]
fn both_fronts_in_one_pass_on_examples() {
    for (lang, t) in [
        ("en", "on Monday 5 March 2022 at noon, mar. 3 to midnight, 10 - 12:30 utc"),
        ("fr", "le mardi 3 mars 2022 à midi, de 9 à 12 h, minuit, mai, 15h30-16h"),
        ("ar", "من 9 إلى 11 صباحا يوم 5 مارس 2022، الساعة السادسة، منتصف الليل"),
    ] {
        same_windows(lang, t);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]
    #[test]
    fn both_fronts_in_one_pass(lang in 0usize..3, picks in prop::collection::vec((0u8..3, 0usize..400), 0..16)) {
        let lang = locale::LANGS[lang];
        same_windows(lang, &text_of(lang, &picks));
    }
}
