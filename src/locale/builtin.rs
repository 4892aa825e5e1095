//! The built-in tables as `build.rs` read them from `rules/locales/*.toml` at compile
//! time: each language's [`LocaleData`] as code that builds it (no TOML parsed at start-up)
//! and its [`Lexicon`] as static lists of keys already folded, with every number word
//! already generated. Turning a [`StaticLexicon`] into a [`Lexicon`] only fills hash
//! tables. A table a configuration extends is rebuilt from its data at run time
//! ([`build_lexicon`], the same code `build.rs` runs).

use super::*;

/// A zone of a [`StaticLexicon`] (a [`ZoneSpec`] without its `String`).
#[derive(Debug)]
pub enum StaticZone {
    Fixed(i32),
    Iana(&'static str),
}

/// A [`Lexicon`] as static data; each list holds the entries of the built table (one per
/// key, in key order), its lists in their built order.
#[derive(Debug)]
pub struct StaticLexicon {
    pub months: &'static [(&'static str, u8, NameKind)],
    pub weekdays: &'static [(&'static str, u8, NameKind)],
    pub zones: &'static [(&'static str, StaticZone, bool)],
    pub numbers: &'static [(&'static str, u32, bool)],
    pub not_standalone: &'static [&'static str],
    pub number_first_words: &'static [&'static str],
    pub number_first_longest: usize,
    pub max_number_words: usize,
    pub percent_words: &'static [(&'static str, f64)],
    pub scale_words: &'static [(&'static str, f64)],
    pub ordinal_suffixes: &'static [&'static str],
    pub clitics: &'static [&'static str],
}

fn names(list: &'static [(&'static str, u8, NameKind)]) -> HashMap<Key, (u8, NameKind)> {
    let mut m = HashMap::with_capacity_and_hasher(list.len(), Default::default());
    m.extend(list.iter().map(|&(k, n, kind)| (Key::Borrowed(k), (n, kind))));
    m
}

fn set(list: &'static [&'static str]) -> HashSet<Key> {
    let mut s = HashSet::with_capacity_and_hasher(list.len(), Default::default());
    s.extend(list.iter().map(|&k| Key::Borrowed(k)));
    s
}

fn weighted(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|&(k, v)| (k.to_string(), v)).collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| k.to_string()).collect()
}

impl StaticLexicon {
    pub fn to_lexicon(&'static self) -> Lexicon {
        let mut numbers = HashMap::with_capacity_and_hasher(self.numbers.len(), Default::default());
        numbers.extend(self.numbers.iter().map(|&(k, v, o)| (Key::Borrowed(k), (v, o))));
        let zones = self
            .zones
            .iter()
            .map(|(k, z, allow)| {
                let spec = match z {
                    StaticZone::Fixed(m) => ZoneSpec::Fixed(*m),
                    StaticZone::Iana(id) => ZoneSpec::Iana(id.to_string()),
                };
                (Key::Borrowed(*k), (spec, *allow))
            })
            .collect();
        Lexicon {
            months: names(self.months),
            weekdays: names(self.weekdays),
            zones,
            numbers,
            not_standalone: set(self.not_standalone),
            number_first_words: set(self.number_first_words),
            number_first_longest: self.number_first_longest,
            max_number_words: self.max_number_words,
            percent_words: weighted(self.percent_words),
            scale_words: weighted(self.scale_words),
            ordinal_suffixes: strings(self.ordinal_suffixes),
            clitics: strings(self.clitics),
        }
    }
}

/// A built-in table: the function that builds its data, and its lookups.
type Table = (fn() -> LocaleData, &'static StaticLexicon);

/// Short names for the generated code.
fn s(x: &str) -> String {
    x.to_string()
}

fn v(xs: &[&str]) -> Vec<String> {
    strings(xs)
}

include!(concat!(env!("OUT_DIR"), "/locale_tables.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The compile-time tables are what the run-time builder makes of the same files.
    #[test]
    fn compile_time_tables_equal_the_runtime_build() {
        let files = [
            include_str!("../../rules/locales/en.toml"),
            include_str!("../../rules/locales/fr.toml"),
            include_str!("../../rules/locales/ar.toml"),
        ];
        assert_eq!(files.len(), TABLES.len());
        for (text, (data, lexicon)) in files.iter().zip(TABLES.iter()) {
            let parsed: LocaleData = toml::from_str(text).unwrap();
            assert_eq!(data(), parsed, "{}", parsed.lang);
            assert_eq!(lexicon.to_lexicon(), build_lexicon(&parsed), "{}", parsed.lang);
            let l = table(&parsed.lang).unwrap();
            assert_eq!(l.lexicon(), &build_lexicon(&parsed), "{}", parsed.lang);
        }
    }
}
