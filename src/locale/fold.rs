//! Folding: the text the locale readers match on (case, Latin diacritics, Arabic letter
//! variants, tatweel, harakat and bidi marks ignored, every digit an ASCII digit), with a
//! byte map back onto the original ([`Folded`]).

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/// Numeric value of an ASCII, Arabic-Indic (U+0660–0669) or Extended
/// Arabic-Indic (U+06F0–06F9) digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0300}'..='\u{036F}')
}

fn is_bidi_or_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Arabic folding of one char: Some("") = drop, Some(s) = replace.
fn arabic_map(c: char) -> Option<&'static str> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' | 'ی' => "ي",
        'ة' => "ه",
        'ک' => "ك",
        '\u{0640}' | '\u{064B}'..='\u{0652}' | '\u{0670}' => "",
        c if is_bidi_or_invisible(c) => "",
        _ => return None,
    })
}

/// Diacritic stripping for lower-case Latin-1 / Latin Extended-A letters.
fn latin_map(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '\u{0300}'..='\u{036F}' => "",
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => "'",
        '\u{1D49}' => "e", // superscript e (XXIᵉ)
        '\u{02B3}' => "r", // superscript r (1ᵉʳ)
        _ => return None,
    })
}

fn push_latin(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match latin_map(l) {
            Some(s) => out.push_str(s),
            None => out.push(l),
        }
    }
}

/// Arabic normalisation: أ إ آ ٱ → ا, ى ی → ي, ة → ه, ک → ك; drops tatweel,
/// harakat (U+064B–U+0652, U+0670) and bidi/invisible marks.
pub fn fold_arabic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match arabic_map(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    out
}

/// Latin normalisation: lower case, diacritics stripped (é → e, œ → oe).
pub fn fold_latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_latin(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    // ASCII folds to its lower case: no digit, Arabic or Latin mapping has an ASCII key.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(d) = digit_value(c) {
        out.push(char::from(b'0' + d as u8));
    } else if let Some(r) = arabic_map(c) {
        out.push_str(r);
    } else if ARABIC_BLOCK.contains(&c) {
        // No case and no Latin mapping (a test checks the block): as is, without the
        // look-up of `to_lowercase`.
        out.push(c);
    } else {
        push_latin(c, out);
    }
}

/// The Arabic block, which [`push_latin`] leaves as it is.
const ARABIC_BLOCK: std::ops::RangeInclusive<char> = '\u{0600}'..='\u{06FF}';

/// Full folding used for matching: [`fold_latin`] + [`fold_arabic`] + every
/// digit rewritten as ASCII.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether the UTF-8 bytes `b0 b1` are an Arabic letter that [`fold_char`] leaves as it
/// is: U+0621–U+063A and U+0641–U+064A, less the hamza-carrying alefs (U+0622, U+0623,
/// U+0625), teh marbuta (U+0629) and alef maksura (U+0649), which it rewrites (a test
/// checks every character of the range).
#[inline]
fn plain_arabic(b0: u8, b1: u8) -> bool {
    // U+0600–U+063F is D8 80–BF, U+0640–U+067F is D9 80–BF.
    match b0 {
        0xD8 => matches!(b1, 0xA1 | 0xA4 | 0xA6..=0xA8 | 0xAA..=0xBA),
        0xD9 => matches!(b1, 0x81..=0x88 | 0x8A),
        _ => false,
    }
}

/// Folded text plus, for each of its bytes, the byte range of the original
/// char it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    src: Vec<(u32, u32)>,
}

impl Folded {
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut src: Vec<(u32, u32)> = Vec::with_capacity(s.len());
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii() {
                // A run of ASCII folds to its lower case, byte for byte.
                // Copied, then lowered in place: no char-by-char push.
                let j = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| i + n);
                let at = text.len();
                text.push_str(&s[i..j]);
                text[at..].make_ascii_lowercase();
                src.extend((i as u32..j as u32).map(|k| (k, k + 1)));
                i = j;
                continue;
            }
            if let Some(&b1) = bytes.get(i + 1) {
                // Most Arabic letters fold to themselves (see [`plain_arabic`]): their two
                // bytes copied, without decoding them and the look-ups of `fold_char`.
                if plain_arabic(bytes[i], b1) {
                    text.push_str(&s[i..i + 2]);
                    let r = (i as u32, i as u32 + 2);
                    src.extend([r, r]);
                    i += 2;
                    continue;
                }
            }
            let c = s[i..].chars().next().unwrap_or('\0');
            Folded::push(c, i, &mut text, &mut src);
            i += c.len_utf8();
        }
        Folded { text, src }
    }

    /// Folds the character `c` found at `at` of the original onto `text`, with its source
    /// ranges.
    fn push(c: char, at: usize, text: &mut String, src: &mut Vec<(u32, u32)>) {
        let before = text.len();
        fold_char(c, text);
        let end = (at + c.len_utf8()) as u32;
        let added = text.len() - before;
        if added == 0 && is_mark(c) {
            // A dropped mark belongs to the letter before it.
            for r in src.iter_mut().rev() {
                if r.1 as usize != at {
                    break;
                }
                r.1 = end;
            }
        }
        src.resize(src.len() + added, (at as u32, end));
    }

    /// Maps a non-empty folded byte range back onto the original text.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.src.len() {
            let p = self.src.get(start).map_or(self.orig_len(), |r| r.0 as usize);
            return (p, p);
        }
        (self.src[start].0 as usize, self.src[end - 1].1 as usize)
    }

    fn orig_len(&self) -> usize {
        self.src.last().map_or(0, |r| r.1 as usize)
    }
}

/// Matching key: folded, whitespace runs collapsed to one space, trimmed.
pub fn key(s: &str) -> String {
    let f = fold(s);
    // Already single spaces between words (most keys): nothing to collapse.
    if !f.starts_with(' ')
        && !f.ends_with(' ')
        && !f.contains("  ")
        && !f.chars().any(|c| c != ' ' && c.is_whitespace())
    {
        return f;
    }
    let mut out = String::with_capacity(f.len());
    for w in f.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_collapse_white_space() {
        for (s, k) in
            [("  Le  1er\tMAI ", "le 1er mai"), ("a\u{A0}b", "a b"), ("mai", "mai"), ("", ""), (" ", "")]
        {
            assert_eq!(key(s), k, "{s:?}");
        }
    }

    /// One character folded by the tables alone (digits, the Arabic map, Latin), as the
    /// fast paths must.
    fn fold_by_tables(c: char) -> String {
        let mut slow = String::new();
        match (digit_value(c), arabic_map(c)) {
            (Some(d), _) => slow.push(char::from(b'0' + d as u8)),
            (None, Some(r)) => slow.push_str(r),
            (None, None) => push_latin(c, &mut slow),
        }
        slow
    }

    #[test]
    fn ascii_fast_path_folds_as_the_tables_do() {
        for c in (0u8..128).map(char::from) {
            assert_eq!(fold(&c.to_string()), fold_by_tables(c), "{c:?}");
        }
    }

    /// [`Folded::new`] one character at a time, as it was before its ASCII runs.
    fn folded_by_char(s: &str) -> (String, Vec<(u32, u32)>) {
        let (mut text, mut src) = (String::new(), Vec::<(u32, u32)>::new());
        for (i, c) in s.char_indices() {
            Folded::push(c, i, &mut text, &mut src);
        }
        (text, src)
    }

    proptest::proptest! {
        #[test]
        fn ascii_runs_fold_as_characters_do(s in "[a-zA-Z0-9 .,'\u{300}\u{301}\u{640}\u{64B}éÉœŒßأإىة٣۴\u{200F}\u{202B}بتثجحخدذرزسشصضطظعغفقكلمنهوي-]{0,40}") {
            let f = Folded::new(&s);
            proptest::prop_assert_eq!((f.text, f.src), folded_by_char(&s));
        }
    }

    #[test]
    fn plain_arabic_letters_fold_to_themselves() {
        for c in ARABIC_BLOCK {
            let mut b = [0u8; 4];
            let e = c.encode_utf8(&mut b);
            let plain = plain_arabic(e.as_bytes()[0], e.as_bytes()[1]);
            let same = fold(&c.to_string()) == c.to_string() && !is_mark(c);
            assert!(!plain || same, "{c:?}");
            let expected = matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
                && !matches!(c, '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0629}' | '\u{0649}');
            assert_eq!(plain, expected, "{c:?}");
        }
    }

    #[test]
    fn arabic_fast_path_folds_as_the_tables_do() {
        for c in ARABIC_BLOCK {
            assert_eq!(fold(&c.to_string()), fold_by_tables(c), "{c:?}");
        }
    }
}
