//! Locale tables for oerlint (English, French, Arabic): month and weekday
//! names, number words, a.m./p.m. words and time-zone names.
//!
//! The tables are data files (`rules/locales/xx.toml`, schema documented at
//! the top of `en.toml`) compiled into the binary and parsed lazily, once.
//! Matching always happens on *folded* text (see [`fold`]): case, Latin
//! diacritics, Arabic letter variants, tatweel, harakat and bidi marks are
//! ignored and every digit is rewritten as an ASCII digit. [`Folded`] keeps
//! a byte map so that spans found on folded text map back onto the original.

mod builtin;
mod data;
mod fold;
mod lexicon;

pub use data::*;
pub use fold::*;
pub use lexicon::*;

use std::sync::OnceLock;

/// Languages that have a built-in table.
pub const LANGS: [&str; 3] = ["en", "fr", "ar"];

/// A language table: data plus lazily compiled lookups and patterns.
#[derive(Debug, Default)]
pub struct Locale {
    data: LocaleData,
    /// The lookups `build.rs` built from this table's file, while the table is unchanged.
    builtin: Option<&'static builtin::StaticLexicon>,
    lexicon: OnceLock<Lexicon>,
    pub(crate) patterns: OnceLock<crate::temporal::Patterns>,
}

impl Clone for Locale {
    fn clone(&self) -> Self {
        Locale { builtin: self.builtin, ..Locale::new(self.data.clone()) }
    }
}

impl Locale {
    pub fn new(data: LocaleData) -> Self {
        Locale { data, builtin: None, lexicon: OnceLock::new(), patterns: OnceLock::new() }
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
        self.builtin = None;
        self.lexicon = OnceLock::new();
        self.patterns = OnceLock::new();
    }

    /// The compiled lookups (built on first use: for a built-in table, from the keys
    /// `build.rs` folded and generated; for an extended one, from its data).
    pub fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| match self.builtin {
            Some(s) => s.to_lexicon(),
            None => build_lexicon(&self.data),
        })
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
        self.lexicon().numbers.get(key(words).as_str()).copied()
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

static TABLES: OnceLock<Vec<Locale>> = OnceLock::new();

fn first_name(entries: &[NameEntry], n: u8) -> Option<&str> {
    entries.iter().find(|e| e.number == n).and_then(|e| e.names.first()).map(String::as_str)
}

/// The built-in table of a language ("en", "fr", "ar"): its data and lookups were read
/// from `rules/locales/xx.toml` at compile time (`build.rs`), nothing is parsed here.
pub fn table(lang: &str) -> Option<&'static Locale> {
    let tables = TABLES.get_or_init(|| {
        builtin::TABLES
            .iter()
            .map(|(data, lexicon)| Locale { builtin: Some(*lexicon), ..Locale::new(data()) })
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
