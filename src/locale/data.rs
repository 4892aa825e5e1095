//! The locale tables as written (`rules/locales/xx.toml`; the schema is documented at the
//! top of `en.toml`): every field optional, so that a configuration can hold a partial
//! table to merge with [`super::Locale::extend`].

use serde::Deserialize;

// ---------------------------------------------------------------------------
// Raw data (the TOML schema)
// ---------------------------------------------------------------------------

/// One locale file, as written. Every field is optional so that a user
/// configuration can hold a partial table to merge with [`crate::locale::Locale::extend`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LocaleData {
    pub lang: String,
    pub clitics: Vec<String>,
    pub day_month_joiners: Vec<String>,
    pub month_year_joiners: Vec<String>,
    pub range_joiners: Vec<String>,
    pub range_openers: Vec<String>,
    pub weekday_prefixes: Vec<String>,
    pub month_prefixes: Vec<String>,
    pub month_context: Vec<String>,
    /// Labels of per-file metadata lines (`Last updated:`): their dates and times differ
    /// between language versions by nature and are not compared.
    pub metadata_labels: Vec<String>,
    /// Words of a heading over the translators' credits ("Traducteurs", "المترجمون"): a
    /// section a translation adds for its own translators is not extra.
    pub translator_credits: Vec<String>,
    /// Idioms made of numbers (`24/7`, `24 heures sur 24`): not numbers to compare.
    pub number_idioms: Vec<String>,
    pub months: Vec<NameEntry>,
    pub weekdays: Vec<NameEntry>,
    pub numbers: NumbersData,
    pub time: TimeData,
    pub zones: Vec<ZoneEntry>,
}

/// A month (number 1..=12) or a weekday (ISO number, Monday = 1).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NameEntry {
    pub number: u8,
    pub names: Vec<String>,
    pub abbrevs: Vec<String>,
    pub ambiguous: Vec<String>,
}

/// How the parts of a compound number are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    TensFirst,
    UnitFirst,
}

/// What a compound ordinal is built on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrdinalBase {
    /// forty-second, quarante-deuxième: cardinal base + ordinal addend.
    Cardinal,
    /// الثاني والأربعون: ordinal addend + ordinal base.
    Ordinal,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumbersData {
    pub not_standalone: Vec<String>,
    pub order: Option<Order>,
    pub joiners: Vec<String>,
    pub and_joiners: Vec<String>,
    pub and_addends: Vec<u32>,
    pub no_and_bases: Vec<u32>,
    pub ordinal_base: Option<OrdinalBase>,
    pub digit_ordinal_suffixes: Vec<String>,
    pub percent_words: Vec<String>,
    /// Values the language often carries in a noun's form alone (Arabic singular and
    /// dual: `جملة أو جملتين` for "1-2 sentences"): not missing when absent.
    pub grammatical: Vec<u32>,
    /// Scale suffixes glued to digits, matched with their case (`318k`, `2.5M`).
    pub scale_suffixes: Vec<ScaleWord>,
    /// Suffixes that make an upper-case Roman numeral an ordinal (French `XXIe`).
    pub roman_suffixes: Vec<String>,
    pub scales: Vec<ScaleWord>,
    /// Fraction words (`half`, `la moitié`, `نصف`) with their value as a fraction of one:
    /// a percentage on the other side that equals one is not a number missing.
    pub fractions: Vec<ScaleWord>,
    /// Pronoun suffixes a fraction word may carry (Arabic `ربعهم`, a quarter of them).
    pub fraction_suffixes: Vec<String>,
    pub cardinals: Vec<NumberWord>,
    pub ordinals: Vec<NumberWord>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumberWord {
    pub value: u32,
    pub words: Vec<String>,
    pub compound: Vec<String>,
    pub base: Vec<String>,
    pub max_addend: u32,
}

impl NumberWord {
    pub(super) fn compound_forms(&self) -> &[String] {
        if self.compound.is_empty() {
            &self.words
        } else {
            &self.compound
        }
    }
    pub(super) fn base_forms(&self) -> &[String] {
        if self.base.is_empty() {
            &self.words
        } else {
            &self.base
        }
    }
}

/// A multiplier word after a number ("2 million", "3 milliards").
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScaleWord {
    pub value: f64,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimeData {
    pub am: Vec<String>,
    pub pm: Vec<String>,
    pub noon: Vec<String>,
    pub midnight: Vec<String>,
    pub hour_markers: Vec<String>,
    pub hour_separators: Vec<String>,
    /// Words after the second end of a range of bare hours (French `de 18 à 19 heures`):
    /// not alone, where they count hours (`pendant 3 heures`).
    pub range_hour_words: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ZoneEntry {
    pub names: Vec<String>,
    /// Fixed offset, "+HH:MM" or "-HH:MM".
    pub offset: Option<String>,
    /// IANA zone id, resolved on the event's date.
    pub iana: Option<String>,
    /// The name may be followed by an offset ("UTC +7").
    pub allow_offset: bool,
}

// ---------------------------------------------------------------------------
// Compiled lexicon
// ---------------------------------------------------------------------------

/// How a month name was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Full,
    Abbrev,
    Ambiguous,
}

/// A zone as given by a table: fixed offset in minutes or an IANA id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneSpec {
    Fixed(i32),
    Iana(String),
}
