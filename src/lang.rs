//! Language tags (BCP 47 primary subtags) and their display names.

use std::fmt;

/// A BCP 47 primary language subtag, interned in a static table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

/// Known tags and their English names. The six UN languages come first.
const KNOWN: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "French"),
    ("ar", "Arabic"),
    ("es", "Spanish"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
    ("de", "German"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("no", "Norwegian"),
    ("nb", "Norwegian Bokmål"),
    ("fi", "Finnish"),
    ("pl", "Polish"),
    ("cs", "Czech"),
    ("sk", "Slovak"),
    ("hu", "Hungarian"),
    ("ro", "Romanian"),
    ("bg", "Bulgarian"),
    ("uk", "Ukrainian"),
    ("el", "Greek"),
    ("tr", "Turkish"),
    ("fa", "Persian"),
    ("he", "Hebrew"),
    ("ur", "Urdu"),
    ("hi", "Hindi"),
    ("bn", "Bengali"),
    ("ta", "Tamil"),
    ("th", "Thai"),
    ("vi", "Vietnamese"),
    ("id", "Indonesian"),
    ("ms", "Malay"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("sw", "Swahili"),
    ("am", "Amharic"),
    ("ha", "Hausa"),
    ("yo", "Yoruba"),
    ("ca", "Catalan"),
    ("eu", "Basque"),
    ("gl", "Galician"),
    ("hr", "Croatian"),
    ("sr", "Serbian"),
    ("sl", "Slovenian"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("et", "Estonian"),
    ("ka", "Georgian"),
    ("hy", "Armenian"),
    ("kk", "Kazakh"),
    ("uz", "Uzbek"),
    ("ne", "Nepali"),
    ("si", "Sinhala"),
    ("km", "Khmer"),
    ("my", "Burmese"),
    ("tl", "Tagalog"),
    ("und", "shared"),
];

impl Lang {
    pub const EN: Lang = Lang("en");
    pub const FR: Lang = Lang("fr");
    pub const AR: Lang = Lang("ar");
    pub const ES: Lang = Lang("es");
    pub const RU: Lang = Lang("ru");
    pub const ZH: Lang = Lang("zh");
    /// Text shared by all languages (a multilingual file's preamble).
    pub const UND: Lang = Lang("und");

    /// Parses a tag such as `fr`, `FR`, `fr-CA` or `zh_Hant` to its primary subtag.
    pub fn parse(tag: &str) -> Option<Lang> {
        // The known tags are in lower case: compared without lower-casing a copy (link
        // keys ask this of every path segment).
        let primary = tag.split(['-', '_']).next()?;
        KNOWN.iter().find(|(t, _)| t.eq_ignore_ascii_case(primary) && *t != "und").map(|(t, _)| Lang(t))
    }

    pub fn tag(self) -> &'static str {
        self.0
    }

    /// English name of the language ("French").
    pub fn name(self) -> &'static str {
        KNOWN.iter().find(|(t, _)| *t == self.0).map(|(_, n)| *n).unwrap_or(self.0)
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self.0, "ar" | "fa" | "he" | "ur")
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_tags_are_lower_case() {
        for (t, _) in super::KNOWN {
            assert_eq!(*t, t.to_ascii_lowercase());
        }
    }

    use super::*;

    #[test]
    fn parses_primary_subtags() {
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::FR));
        assert_eq!(Lang::parse("AR"), Some(Lang::AR));
        assert_eq!(Lang::parse("zh_Hant"), Some(Lang::ZH));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse("und"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::AR.name(), "Arabic");
        assert!(Lang::AR.is_rtl() && !Lang::FR.is_rtl());
    }
}
