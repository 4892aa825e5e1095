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
///
/// The map is kept by runs, not per byte: most of a text (ASCII, and the Arabic letters
/// that fold to themselves) is copied as it is, and a copied run maps each byte back by
/// one offset, its character found in the folded text itself (whose bytes there are the
/// original's, ASCII case aside). Only the characters that folding rewrites or drops keep
/// a range per folded byte. A range per byte for every text was 8 bytes written (and
/// allocated) per byte read, most of the cost of folding, for the few spans the readers
/// map back.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// The runs of `text`, in order, the first at 0 (when `text` is not empty).
    runs: Vec<Run>,
    /// The source ranges of the bytes of the runs that are not copied.
    src: Vec<(u32, u32)>,
}

/// A run of folded text: from `at` to the next run's `at` (or the end of the text).
#[derive(Debug, Clone, Copy)]
struct Run {
    at: u32,
    /// Copied: where the run starts in the original. Otherwise: the index in
    /// [`Folded::src`] of the range of its first byte.
    from: u32,
    copied: bool,
    /// Copied runs: the end in the original of the run's last character when marks
    /// dropped after it belong to it (0: its own end).
    last_end: u32,
}

impl Folded {
    pub fn new(s: &str) -> Self {
        let mut f = Folded {
            text: String::with_capacity(s.len()),
            // Two runs per rewritten character (French accents): room for one every 32
            // bytes, as many bytes as the text.
            runs: Vec::with_capacity(s.len() / 16 + 2),
            src: Vec::new(),
        };
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let j = copied_end(bytes, i);
            if j > i {
                f.copy(s, i, j);
                i = j;
                continue;
            }
            let c = s[i..].chars().next().unwrap_or('\0');
            f.push(c, i);
            i += c.len_utf8();
        }
        f
    }

    /// Appends `s[i..j]`, copied (ASCII lowered).
    fn copy(&mut self, s: &str, i: usize, j: usize) {
        let at = self.text.len();
        self.text.push_str(&s[i..j]);
        self.text[at..].make_ascii_lowercase();
        // The same run when it goes on where the last copied one ended in the original.
        let goes_on = self
            .runs
            .last()
            .is_some_and(|r| r.copied && r.last_end == 0 && (r.from as usize + (at - r.at as usize)) == i);
        if !goes_on {
            self.runs.push(Run { at: at as u32, from: i as u32, copied: true, last_end: 0 });
        }
    }

    /// Folds the character `c` found at `at` of the original onto the text, with its
    /// source ranges.
    fn push(&mut self, c: char, at: usize) {
        let before = self.text.len();
        fold_char(c, &mut self.text);
        let end = (at + c.len_utf8()) as u32;
        let added = self.text.len() - before;
        if added == 0 && is_mark(c) {
            // A dropped mark belongs to the letter before it.
            match self.runs.last_mut() {
                Some(r) if r.copied => {
                    let (_, b, _) = Folded::copied_char(&self.text, r, before, before - 1);
                    if b as usize == at {
                        r.last_end = end;
                    }
                }
                _ => {
                    for r in self.src.iter_mut().rev() {
                        if r.1 as usize != at {
                            break;
                        }
                        r.1 = end;
                    }
                }
            }
        }
        if added > 0 {
            if self.runs.last().is_none_or(|r| r.copied) {
                self.runs.push(Run {
                    at: before as u32,
                    from: self.src.len() as u32,
                    copied: false,
                    last_end: 0,
                });
            }
            if self.src.capacity() == 0 {
                // Room for a few rewritten characters: no growing for most texts.
                self.src.reserve(32);
            }
            self.src.resize(self.src.len() + added, (at as u32, end));
        }
    }

    /// The original range of the character of copied run `r` (ending at `run_end` of the
    /// folded text) that holds folded byte `k`, and where that character starts in the
    /// folded text.
    fn copied_char(text: &str, r: &Run, run_end: usize, k: usize) -> (u32, u32, usize) {
        let mut c = k;
        while !text.is_char_boundary(c) {
            c -= 1;
        }
        let len = match text.as_bytes()[c] {
            b if b < 0x80 => 1,
            b if b < 0xE0 => 2,
            b if b < 0xF0 => 3,
            _ => 4,
        };
        let a = r.from + (c - r.at as usize) as u32;
        let b = if c + len == run_end && r.last_end != 0 { r.last_end } else { a + len as u32 };
        (a, b, c)
    }

    /// The original range of the character folded byte `k` (< the text's length) comes
    /// from.
    fn src_of(&self, k: usize) -> (u32, u32) {
        let n = self.runs.partition_point(|r| r.at as usize <= k) - 1;
        let r = &self.runs[n];
        if !r.copied {
            return self.src[r.from as usize + (k - r.at as usize)];
        }
        let run_end = self.runs.get(n + 1).map_or(self.text.len(), |x| x.at as usize);
        let (a, b, _) = Folded::copied_char(&self.text, r, run_end, k);
        (a, b)
    }

    /// Maps a non-empty folded byte range back onto the original text.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.text.len() {
            let p = if start < self.text.len() { self.src_of(start).0 as usize } else { self.orig_len() };
            return (p, p);
        }
        (self.src_of(start).0 as usize, self.src_of(end - 1).1 as usize)
    }

    fn orig_len(&self) -> usize {
        match self.text.len() {
            0 => 0,
            n => self.src_of(n - 1).1 as usize,
        }
    }
}

/// The end of the run from `i` of ASCII (folded to its lower case, byte for byte) and of
/// the Arabic letters that fold to themselves (see [`plain_arabic`]): the bytes
/// [`Folded::new`] copies without decoding them. ASCII is skipped 8 bytes at a time.
#[inline]
fn copied_end(b: &[u8], mut j: usize) -> usize {
    loop {
        match b.get(j) {
            Some(&x) if x < 0x80 => {
                j += 1;
                while let Some(w) = b.get(j..j + 8) {
                    let w = u64::from_le_bytes(w.try_into().unwrap_or([0x80; 8]));
                    if w & 0x8080_8080_8080_8080 != 0 {
                        break;
                    }
                    j += 8;
                }
            }
            Some(&x) if b.get(j + 1).is_some_and(|&y| plain_arabic(x, y)) => j += 2,
            _ => return j,
        }
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

    /// [`Folded::new`] as it was first: one character at a time, a source range per
    /// folded byte (the reference of the runs' map).
    fn folded_by_char(s: &str) -> (String, Vec<(u32, u32)>) {
        let (mut text, mut src) = (String::new(), Vec::<(u32, u32)>::new());
        for (at, c) in s.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            let end = (at + c.len_utf8()) as u32;
            let added = text.len() - before;
            if added == 0 && is_mark(c) {
                for r in src.iter_mut().rev() {
                    if r.1 as usize != at {
                        break;
                    }
                    r.1 = end;
                }
            }
            src.resize(src.len() + added, (at as u32, end));
        }
        (text, src)
    }

    /// The text and every span of [`Folded::new`] are the reference's.
    fn same_as_by_char(s: &str) {
        let f = Folded::new(s);
        let (text, src) = folded_by_char(s);
        assert_eq!(f.text, text, "{s:?}");
        let by_byte: Vec<(u32, u32)> = (0..f.text.len()).map(|k| f.src_of(k)).collect();
        assert_eq!(by_byte, src, "{s:?}");
        let orig_len = src.last().map_or(0, |r| r.1 as usize);
        for a in 0..=text.len() + 1 {
            for b in 0..=text.len() + 1 {
                let want = if a >= b || b > src.len() {
                    let p = src.get(a).map_or(orig_len, |r| r.0 as usize);
                    (p, p)
                } else {
                    (src[a].0 as usize, src[b - 1].1 as usize)
                };
                assert_eq!(f.span(a, b), want, "{s:?} {a}..{b}");
            }
        }
    }

    #[test]
    fn runs_map_back_as_characters_do() {
        for s in [
            "",
            "abc",
            "ABC déf",
            "بَ",
            "\u{640}",
            "\u{64B}ب",
            "ب\u{64B}\u{64C}x",
            "بب\u{200F}\u{64B}",
            "Æ\u{301}\u{301}a",
            "e\u{301}",
            "İx",
            "٣٤ب",
            "مدرسة",
            "نـوفـمـبـر 2023",
            "الْعَرَبِيَّة",
            "a\u{200F}b",
        ] {
            same_as_by_char(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_map_back_as_characters_do_on_generated_text(s in "[a-zA-Z0-9 .,'\u{300}\u{301}\u{640}\u{64B}\u{652}\u{670}éÉœŒßæÆİأإىة٣۴\u{200F}\u{202B}\u{FEFF}بتثجحخدذرزسشصضطظعغفقكلمنهوي一😀-]{0,40}") {
            same_as_by_char(&s);
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
