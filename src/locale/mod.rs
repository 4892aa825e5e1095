//! Locale tables for oerlint (English, French, Arabic): month and weekday
//! names, number words, a.m./p.m. words and time-zone names.
//!
//! The tables are data files (`rules/locales/xx.toml`, schema documented at
//! the top of `en.toml`) compiled into the binary and parsed lazily, once.
//! Matching always happens on *folded* text (see [`fold`]): case, Latin
//! diacritics, Arabic letter variants, tatweel, harakat and bidi marks are
//! ignored and every digit is rewritten as an ASCII digit. [`Folded`] keeps
//! a byte map so that spans found on folded text map back onto the original.

mod data;
mod fold;

pub use data::*;
pub use fold::*;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const EN_TOML: &str = include_str!("../../rules/locales/en.toml");
const FR_TOML: &str = include_str!("../../rules/locales/fr.toml");
const AR_TOML: &str = include_str!("../../rules/locales/ar.toml");

/// Languages that have a built-in table.
pub const LANGS: [&str; 3] = ["en", "fr", "ar"];

/// Lookup tables built from [`LocaleData`]; keys are [`key`]-normalised.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub months: HashMap<String, (u8, NameKind)>,
    pub weekdays: HashMap<String, (u8, NameKind)>,
    pub zones: HashMap<String, (ZoneSpec, bool)>,
    /// Number words: key → (value, is_ordinal). Every compound 0..=100.
    pub numbers: HashMap<String, (u32, bool)>,
    pub not_standalone: HashSet<String>,
    /// First word (split at spaces and hyphens) of every number-word key, also with each
    /// clitic in front (`وثلاثة`).
    pub number_first_words: HashSet<String>,
    /// The byte length of the longest of them.
    pub number_first_longest: usize,
    /// Longest number-word key, in words.
    pub max_number_words: usize,
    /// Percent words (`pour cent`), longest first, each with 1.0.
    pub percent_words: Vec<(String, f64)>,
    /// Scale words (`million`), longest first, with their value.
    pub scale_words: Vec<(String, f64)>,
    /// Ordinal suffixes after digits (`e`, `th`).
    pub ordinal_suffixes: Vec<String>,
    pub clitics: Vec<String>,
}

/// A language table: data plus lazily compiled lookups and patterns.
#[derive(Debug, Default)]
pub struct Locale {
    data: LocaleData,
    lexicon: OnceLock<Lexicon>,
    pub(crate) patterns: OnceLock<crate::temporal::Patterns>,
}

impl Clone for Locale {
    fn clone(&self) -> Self {
        Locale::new(self.data.clone())
    }
}

impl Locale {
    pub fn new(data: LocaleData) -> Self {
        Locale { data, lexicon: OnceLock::new(), patterns: OnceLock::new() }
    }

    /// Parses a TOML table (same schema as the built-in files).
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        Ok(Locale::new(toml::from_str(text)?))
    }

    /// The first name the table lists for month `n` (1..=12): its usual spelling.
    pub fn month_name(&self, n: u8) -> Option<&str> {
        first_name(&self.data().months, n)
    }

    /// The first name the table lists for weekday `n` (ISO, Monday = 1).
    pub fn weekday_name(&self, n: u8) -> Option<&str> {
        first_name(&self.data().weekdays, n)
    }

    pub fn data(&self) -> &LocaleData {
        &self.data
    }

    pub fn lang(&self) -> &str {
        &self.data.lang
    }

    /// Adds entries from another (usually partial) table: lists are
    /// appended, entries with the same month/weekday/value merged, and the
    /// compiled lookups rebuilt on next use.
    pub fn extend(&mut self, extra: LocaleData) {
        let d = &mut self.data;
        if d.lang.is_empty() {
            d.lang = extra.lang;
        }
        append(&mut d.clitics, extra.clitics);
        append(&mut d.metadata_labels, extra.metadata_labels);
        append(&mut d.translator_credits, extra.translator_credits);
        append(&mut d.number_idioms, extra.number_idioms);
        append(&mut d.day_month_joiners, extra.day_month_joiners);
        append(&mut d.month_year_joiners, extra.month_year_joiners);
        append(&mut d.range_joiners, extra.range_joiners);
        append(&mut d.range_openers, extra.range_openers);
        append(&mut d.weekday_prefixes, extra.weekday_prefixes);
        append(&mut d.month_prefixes, extra.month_prefixes);
        append(&mut d.month_context, extra.month_context);
        merge_names(&mut d.months, extra.months);
        merge_names(&mut d.weekdays, extra.weekdays);
        let (n, x) = (&mut d.numbers, extra.numbers);
        append(&mut n.not_standalone, x.not_standalone);
        if x.order.is_some() {
            n.order = x.order;
        }
        if x.ordinal_base.is_some() {
            n.ordinal_base = x.ordinal_base;
        }
        append(&mut n.joiners, x.joiners);
        append(&mut n.and_joiners, x.and_joiners);
        append(&mut n.and_addends, x.and_addends);
        append(&mut n.no_and_bases, x.no_and_bases);
        append(&mut n.digit_ordinal_suffixes, x.digit_ordinal_suffixes);
        append(&mut n.percent_words, x.percent_words);
        append(&mut n.grammatical, x.grammatical);
        n.scale_suffixes.extend(x.scale_suffixes);
        append(&mut n.roman_suffixes, x.roman_suffixes);
        for sc in x.scales {
            match n.scales.iter_mut().find(|t| t.value == sc.value) {
                Some(t) => append(&mut t.words, sc.words),
                None => n.scales.push(sc),
            }
        }
        for fr in x.fractions {
            match n.fractions.iter_mut().find(|t| t.value == fr.value) {
                Some(t) => append(&mut t.words, fr.words),
                None => n.fractions.push(fr),
            }
        }
        append(&mut n.fraction_suffixes, x.fraction_suffixes);
        merge_numbers(&mut n.cardinals, x.cardinals);
        merge_numbers(&mut n.ordinals, x.ordinals);
        let (t, x) = (&mut d.time, extra.time);
        append(&mut t.am, x.am);
        append(&mut t.pm, x.pm);
        append(&mut t.noon, x.noon);
        append(&mut t.midnight, x.midnight);
        append(&mut t.hour_markers, x.hour_markers);
        append(&mut t.hour_separators, x.hour_separators);
        append(&mut t.range_hour_words, x.range_hour_words);
        d.zones.extend(extra.zones);
        self.lexicon = OnceLock::new();
        self.patterns = OnceLock::new();
    }

    /// The compiled lookups (built on first use).
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| build_lexicon(&self.data))
    }

    /// Month number of a month name or abbreviation (any spelling variant).
    pub fn month(&self, name: &str) -> Option<u8> {
        let k = key(name);
        let k = k.strip_suffix('.').unwrap_or(&k);
        self.lexicon().months.get(k).map(|m| m.0)
    }

    /// ISO weekday number (Monday = 1) of a weekday name.
    pub fn weekday(&self, name: &str) -> Option<u8> {
        let k = key(name);
        let k = k.strip_suffix('.').unwrap_or(&k);
        self.lexicon().weekdays.get(k).map(|m| m.0)
    }

    /// Value of a number word ("forty-two", "الثانية والأربعين"): (value, is_ordinal).
    pub fn number_word(&self, words: &str) -> Option<(u32, bool)> {
        self.lexicon().numbers.get(&key(words)).copied()
    }

    /// Every number word the table generates, with (value, is_ordinal).
    pub fn number_words(&self) -> Vec<(String, u32, bool)> {
        generate_numbers(&self.data.numbers)
    }
}

fn append<T: PartialEq>(to: &mut Vec<T>, from: Vec<T>) {
    for x in from {
        if !to.contains(&x) {
            to.push(x);
        }
    }
}

fn merge_names(to: &mut Vec<NameEntry>, from: Vec<NameEntry>) {
    for e in from {
        if let Some(t) = to.iter_mut().find(|t| t.number == e.number) {
            append(&mut t.names, e.names);
            append(&mut t.abbrevs, e.abbrevs);
            append(&mut t.ambiguous, e.ambiguous);
        } else {
            to.push(e);
        }
    }
}

fn merge_numbers(to: &mut Vec<NumberWord>, from: Vec<NumberWord>) {
    for e in from {
        if let Some(t) = to.iter_mut().find(|t| t.value == e.value) {
            append(&mut t.words, e.words);
            append(&mut t.compound, e.compound);
            append(&mut t.base, e.base);
            t.max_addend = t.max_addend.max(e.max_addend);
        } else {
            to.push(e);
        }
    }
}

/// Parses "+HH:MM", "-HH", "+H" into minutes.
pub fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let (sign, rest) = match s.chars().next()? {
        '+' => (1, &s[1..]),
        '-' => (-1, &s[1..]),
        '\u{2212}' => (-1, &s['\u{2212}'.len_utf8()..]),
        _ => (1, s),
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() > 2 && rest.is_ascii() => rest.split_at(rest.len() - 2),
        None => (rest, "0"),
    };
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    Some(sign * (h * 60 + m))
}

fn build_lexicon(d: &LocaleData) -> Lexicon {
    let mut lx = Lexicon::default();
    for m in &d.months {
        if !(1..=12).contains(&m.number) {
            continue;
        }
        for n in &m.names {
            lx.months.insert(key(n), (m.number, NameKind::Full));
        }
        for n in &m.abbrevs {
            let k = key(n);
            lx.months.entry(k.trim_end_matches('.').to_string()).or_insert((m.number, NameKind::Abbrev));
        }
        for n in &m.ambiguous {
            lx.months.insert(key(n), (m.number, NameKind::Ambiguous));
        }
    }
    for w in &d.weekdays {
        if !(1..=7).contains(&w.number) {
            continue;
        }
        for n in &w.names {
            lx.weekdays.insert(key(n), (w.number, NameKind::Full));
        }
        for n in &w.abbrevs {
            let k = key(n);
            lx.weekdays.entry(k.trim_end_matches('.').to_string()).or_insert((w.number, NameKind::Abbrev));
        }
    }
    for z in &d.zones {
        let spec = match (&z.iana, &z.offset) {
            (Some(id), _) => ZoneSpec::Iana(id.clone()),
            (None, Some(off)) => match parse_offset(off) {
                Some(m) => ZoneSpec::Fixed(m),
                None => continue,
            },
            (None, None) => continue,
        };
        for n in &z.names {
            lx.zones.insert(key(n), (spec.clone(), z.allow_offset));
        }
    }
    for (w, v, ord) in generate_numbers(&d.numbers) {
        let k = key(&w);
        lx.max_number_words = lx.max_number_words.max(k.split([' ', '-']).count());
        if let Some(first) = k.split([' ', '-']).next() {
            lx.number_first_words.insert(first.to_string());
        }
        lx.numbers.entry(k).or_insert((v, ord));
    }
    lx.not_standalone = d.numbers.not_standalone.iter().map(|s| key(s)).collect();
    lx.percent_words = d.numbers.percent_words.iter().map(|w| (key(w), 1.0)).collect();
    lx.percent_words.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    lx.scale_words =
        d.numbers.scales.iter().flat_map(|sc| sc.words.iter().map(|w| (key(w), sc.value))).collect();
    lx.scale_words.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    lx.ordinal_suffixes = d.numbers.digit_ordinal_suffixes.iter().map(|w| key(w)).collect();
    let mut cl: Vec<String> = d.clitics.iter().map(|s| key(s)).collect();
    cl.sort_by_key(|s| std::cmp::Reverse(s.len()));
    lx.clitics = cl;
    // Every word a number can start with, with each clitic in front too: one lookup per
    // word of text instead of one per clitic.
    let firsts: Vec<String> = lx.number_first_words.iter().cloned().collect();
    for c in &lx.clitics {
        for w in &firsts {
            lx.number_first_words.insert(format!("{c}{w}"));
        }
    }
    lx.number_first_longest = lx.number_first_words.iter().map(|w| w.len()).max().unwrap_or(0);
    lx
}

/// Every number word 0..=100 described by the table: the listed words plus
/// the compounds (base + addend) built with the composition rule.
pub fn generate_numbers(n: &NumbersData) -> Vec<(String, u32, bool)> {
    let mut out = Vec::new();
    for c in &n.cardinals {
        for w in &c.words {
            out.push((w.clone(), c.value, false));
        }
    }
    for o in &n.ordinals {
        for w in &o.words {
            out.push((w.clone(), o.value, true));
        }
    }
    let order = n.order.unwrap_or(Order::TensFirst);
    let compose = |base: &NumberWord, addends: &[NumberWord], ordinal: bool, out: &mut Vec<_>| {
        for a in 1..=base.max_addend {
            let Some(add) = addends.iter().find(|x| x.value == a) else {
                continue;
            };
            let use_and = n.and_addends.contains(&a) && !n.no_and_bases.contains(&base.value);
            let joiners = if use_and && !n.and_joiners.is_empty() { &n.and_joiners } else { &n.joiners };
            for b in base.base_forms() {
                for x in add.compound_forms() {
                    for j in joiners {
                        let s = match order {
                            Order::TensFirst => format!("{b}{j}{x}"),
                            Order::UnitFirst => format!("{x}{j}{b}"),
                        };
                        out.push((s, base.value + a, ordinal));
                    }
                }
            }
        }
    };
    for base in n.cardinals.iter().filter(|c| c.max_addend > 0) {
        compose(base, &n.cardinals, false, &mut out);
    }
    let ord_bases: &[NumberWord] = match n.ordinal_base.unwrap_or(OrdinalBase::Cardinal) {
        OrdinalBase::Cardinal => &n.cardinals,
        OrdinalBase::Ordinal => &n.ordinals,
    };
    for base in ord_bases.iter().filter(|c| c.max_addend > 0) {
        compose(base, &n.ordinals, true, &mut out);
    }
    out
}

static TABLES: OnceLock<Vec<Locale>> = OnceLock::new();

/// The built-in table of a language ("en", "fr", "ar"), parsed once.
fn first_name(entries: &[NameEntry], n: u8) -> Option<&str> {
    entries.iter().find(|e| e.number == n).and_then(|e| e.names.first()).map(String::as_str)
}

pub fn table(lang: &str) -> Option<&'static Locale> {
    let tables = TABLES.get_or_init(|| {
        [EN_TOML, FR_TOML, AR_TOML]
            .iter()
            .map(|src| match Locale::from_toml(src) {
                Ok(l) => l,
                // The files are compiled in and covered by tests.
                Err(e) => panic!("built-in locale table is invalid: {e}"),
            })
            .collect()
    });
    let lang = lang.split(['-', '_']).next().unwrap_or(lang);
    tables.iter().find(|t| t.data.lang.eq_ignore_ascii_case(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        for l in LANGS {
            let t = table(l).expect(l);
            assert_eq!(t.lang(), l);
            let lx = t.lexicon();
            for m in 1..=12u8 {
                assert!(lx.months.values().any(|v| v.0 == m), "{l} month {m}");
            }
            for w in 1..=7u8 {
                assert!(lx.weekdays.values().any(|v| v.0 == w), "{l} weekday {w}");
            }
            for v in 0..=100u32 {
                assert!(lx.numbers.values().any(|x| *x == (v, false)), "{l} cardinal {v}");
                if v > 0 {
                    assert!(lx.numbers.values().any(|x| *x == (v, true)), "{l} ordinal {v}");
                }
            }
            assert!(!lx.zones.is_empty());
        }
        assert!(table("en-GB").is_some());
        assert!(table("de").is_none());
    }

    #[test]
    fn every_zone_resolves() {
        for l in LANGS {
            for z in &table(l).unwrap().data().zones {
                if let Some(id) = &z.iana {
                    assert!(jiff::tz::TimeZone::get(id).is_ok(), "{id}");
                } else {
                    let off = z.offset.as_deref().expect("offset or iana");
                    assert!(parse_offset(off).is_some(), "{off}");
                }
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold_arabic("أإآٱ"), "اااا");
        assert_eq!(fold_arabic("مستشفى"), "مستشفي");
        assert_eq!(fold_arabic("مدرسة"), "مدرسه");
        assert_eq!(fold_arabic("فارسی ک"), "فارسي ك");
        assert_eq!(fold_arabic("صباحًا"), "صباحا");
        assert_eq!(fold_arabic("نـوفـمـبـر"), "نوفمبر");
        assert_eq!(fold_arabic("\u{200F}\u{061C}آذار\u{202B}"), "اذار");
        assert_eq!(fold_arabic("الْعَرَبِيَّة"), "العربيه");
        assert_eq!(fold_latin("FÉVRIER"), "fevrier");
        assert_eq!(fold_latin("Août"), "aout");
        assert_eq!(fold_latin("Œuvre Ça"), "oeuvre ca");
        assert_eq!(fold_latin("Łódź Škoda"), "lodz skoda");
        assert_eq!(fold_latin("e\u{0301}"), "e");
        assert_eq!(fold("٢٠٢٣ ۱۲ Déc"), "2023 12 dec");
    }

    #[test]
    fn digits() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۷'), Some(7));
        assert_eq!(digit_value('٠'), Some(0));
        assert_eq!(digit_value('۹'), Some(9));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('٫'), None);
    }

    #[test]
    fn folded_spans_map_back() {
        let s = "Le 1er FÉVRIER ٢٠٢٣ نـوفـمـبـر";
        let f = Folded::new(s);
        let i = f.text.find("fevrier").unwrap();
        let (a, b) = f.span(i, i + "fevrier".len());
        assert_eq!(&s[a..b], "FÉVRIER");
        let i = f.text.find("2023").unwrap();
        let (a, b) = f.span(i, i + 4);
        assert_eq!(&s[a..b], "٢٠٢٣");
        let i = f.text.find("نوفمبر").unwrap();
        let (a, b) = f.span(i, i + "نوفمبر".len());
        assert_eq!(&s[a..b], "نـوفـمـبـر");
    }

    #[test]
    fn lookups_and_extend() {
        let fr = table("fr").unwrap();
        assert_eq!(fr.month("FEVRIER"), Some(2));
        assert_eq!(fr.month("févr."), Some(2));
        assert_eq!(fr.weekday("Jeudi"), Some(4));
        assert_eq!(fr.number_word("quatre-vingt-dix-neuf"), Some((99, false)));
        assert_eq!(fr.number_word("soixante et onze"), Some((71, false)));
        assert_eq!(fr.number_word("vingt et unième"), Some((21, true)));
        assert_eq!(fr.number_word("quarante-deuxième"), Some((42, true)));
        let ar = table("ar").unwrap();
        assert_eq!(ar.month("كانون الثاني"), Some(1));
        assert_eq!(ar.month("اذار"), Some(3));
        assert_eq!(ar.number_word("اثنان وأربعون"), Some((42, false)));
        assert_eq!(ar.number_word("الثانية والأربعين"), Some((42, true)));
        assert_eq!(ar.number_word("الحادي والعشرون"), Some((21, true)));
        let en = table("en").unwrap();
        assert_eq!(en.number_word("forty-second"), Some((42, true)));
        assert_eq!(en.number_word("Ninety Nine"), Some((99, false)));

        let mut l = en.clone();
        assert_eq!(l.month("Novembre"), None);
        let extra: LocaleData = toml::from_str(
            "[[months]]\nnumber = 11\nnames = [\"Novembre\"]\n[[zones]]\nnames=[\"WIB\"]\noffset=\"+07:00\"",
        )
        .unwrap();
        l.extend(extra);
        assert_eq!(l.month("Novembre"), Some(11));
        assert_eq!(l.month("November"), Some(11));
        assert!(l.lexicon().zones.contains_key("wib"));
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+01:00"), Some(60));
        assert_eq!(parse_offset("-05:30"), Some(-330));
        assert_eq!(parse_offset("+7"), Some(420));
        assert_eq!(parse_offset("+0530"), Some(330));
        assert_eq!(parse_offset("+99"), None);
        assert_eq!(parse_offset(""), None);
    }
}
