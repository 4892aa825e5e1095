//! What the aligner knows of each block of a version ([`Units`]), read once per version:
//! anchor keys, inline code and markup keys, cognates, stems, lengths and pins, and the
//! readers that find them in a block's text. The pairing (`pairing.rs`) builds its
//! `align::Item`s from these.

use super::flat::Flat;
use super::Version;
use crate::anchors::{Anchor, Kind};
use crate::blocks::Block;
use std::ops::Range;

fn item_weight(a: &Anchor) -> f64 {
    match a.kind {
        Kind::Email | Kind::Code => 6.0,
        Kind::Link if a.key == "#" || a.key.is_empty() => 0.3,
        Kind::Link => 5.0,
        Kind::Number if a.key.len() == 4 && (a.key.starts_with("19") || a.key.starts_with("20")) => 1.0,
        Kind::Number if a.key.len() >= 3 => 2.0,
        Kind::Number => 0.5,
        Kind::Date if a.key.len() == 10 => 4.0,
        Kind::Date if a.key.len() == 7 => 2.0,
        Kind::Date => 0.0, // years and months alone: the digit runs already count
        Kind::Time => 1.5,
        Kind::Quantity => 0.0,
    }
}

/// The file spans of the digit runs of a block that name rather than count, and are no
/// evidence that two blocks say the same: a digit run inside a placeholder
/// (`{{path/to/file1}}`, `{0}`, `%1$s`) or glued to a word as part of an identifier
/// (`file1`, `tty12`, `sha256sum`, `retry_3`: after two letters or an underscore, or
/// before an underscore). Two commands of one page that both take `file1 file2` are no
/// more alike for it, and a translated `{{fichier1}}` keeps the digit. (The number
/// anchors stay for the rules; only the alignment leaves these out.) A number after one
/// letter (`A01`, `v18`) or before letters (`3rd`, `64bit`) is kept.
fn names_numbers(b: &Block) -> Vec<Range<usize>> {
    let text = b.text.as_str();
    // (Called only for a block with a number anchor, hence a digit run: no test for a
    // numeric character first, which read the whole text for nothing.)
    let mut inside = placeholder_spans(text);
    // Sorted by start, with the furthest end so far: a run lies inside a placeholder when
    // one starting at or before it ends at or after it (a binary search per run, not a
    // walk over every placeholder of a long block).
    inside.sort_by_key(|p| p.start);
    let reach: Vec<usize> = inside
        .iter()
        .scan(0, |m, p| {
            *m = (*m).max(p.end);
            Some(*m)
        })
        .collect();
    let within = |r: &Range<usize>| {
        let k = inside.partition_point(|p| p.start <= r.start);
        k > 0 && reach[k - 1] >= r.end
    };
    crate::anchors::number_runs(text)
        .filter(|r| {
            let mut before = text[..r.start].chars().rev();
            let (b1, b2) = (before.next(), before.next());
            let after = text[r.end..].chars().next();
            within(r)
                || b1 == Some('_')
                || after == Some('_')
                || (b1.is_some_and(char::is_alphabetic) && b2.is_some_and(char::is_alphabetic))
        })
        .map(|r| b.file_range(r))
        .collect()
}

/// The spans of the slots and placeholders of `text`, in the order found (slots first). A
/// slot opens with `{{`, every other placeholder with `{` or `%`: most texts have neither,
/// found by one byte search (`contains` of two characters decoded every character).
fn placeholder_spans(text: &str) -> Vec<Range<usize>> {
    let mut inside: Vec<Range<usize>> = Vec::new();
    if memchr::memchr2(b'{', b'%', text.as_bytes()).is_some() {
        if text.contains("{{") {
            inside.extend(crate::placeholders::slots(text));
        }
        inside.extend(crate::placeholders::find(text, &[], &[], false).into_iter().map(|p| p.range));
    }
    inside
}

/// Cognates: names and acronyms written in Latin letters (`Hironaka`, `APAC`, `Zoom`),
/// which translations keep as they are. A capitalised word that starts a sentence is not
/// taken, since it is usually an ordinary word.
///
/// Both kinds hold an ASCII capital, and most words none (every Arabic one): only the
/// words around the capitals are read, found by their bytes, not every word of the text
/// split (that split was a tenth of the units' time). A word is the run of non-white
/// characters around a capital (as `split_whitespace` splits), and it starts a sentence
/// when the word before it ends with `.`, `!`, `?`, `:` or `؟`, or when there is none
/// (tested equal to splitting every word).
fn cognates(text: &str) -> impl Iterator<Item = compact_str::CompactString> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(k) = bytes[from..].iter().position(u8::is_ascii_uppercase) {
            let cap = from + k;
            let start = text[..cap]
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
            let end = text[cap..].find(char::is_whitespace).map_or(text.len(), |i| cap + i);
            from = end;
            let tok = &text[start..end];
            let before = text[..start].trim_end();
            let starts = before.is_empty() || before.ends_with(['.', '!', '?', ':', '؟']);
            let w = tok.trim_matches(|c: char| !crate::script::is_alnum(c));
            let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
            let name = !starts
                && w.len() >= 3
                && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic());
            if acronym || name {
                let mut c = compact_str::CompactString::from(w);
                c.make_ascii_lowercase();
                return Some(c);
            }
        }
        None
    })
}

/// What the aligner knows of each block of a version, computed once per version and
/// reused for every translation pair, section pair and merge: the anchor keys (formatting
/// them was a good part of the pairing's time), inline code and markup keys, cognates, stems,
/// length, and the pins a block may carry.
#[derive(Debug, Default)]
pub(crate) struct Units {
    pub(super) len: Vec<f64>,
    pub(super) anchors: Flat<(compact_str::CompactString, f64)>,
    pub(super) inline: Flat<(compact_str::CompactString, f64)>,
    /// Image and component keys (`Image:…`, `Component:…`).
    pub(super) markup: Flat<(compact_str::CompactString, f64)>,
    pub(super) cognates: Flat<compact_str::CompactString>,
    pub(super) stems: Flat<[u8; 4]>,
    /// Whether a block may start a unit as a heading (headings and the first blocks of
    /// headed sections): such a block's heading pins are in `heading_pins`.
    pub(super) head: Vec<bool>,
    pub(super) heading_pins: Flat<String>,
    /// Code pins of code-only blocks (one or none a block).
    pub(super) code_pins: Flat<String>,
    pub(super) step_pins: Flat<String>,
}

impl Units {
    pub(crate) fn new(v: &Version) -> Units {
        let n = v.blocks.len();
        let mut head = vec![false; n];
        for (i, b) in v.blocks.iter().enumerate() {
            head[i] = b.is_heading();
        }
        for s in v.sections.iter().filter(|s| s.headed && !s.blocks.is_empty()) {
            head[s.blocks.start] = true;
        }
        let b = |i: usize| &v.blocks[i];
        Units {
            len: v.blocks.iter().map(|b| b.text.chars().count() as f64).collect(),
            anchors: Flat::new(n, |i| {
                // Only number anchors are left out: a block without one needs no search
                // for the digits of its names (most blocks).
                let numbers = v.anchors[i].iter().any(|a| a.kind == Kind::Number);
                let unlike = if numbers { names_numbers(b(i)) } else { Vec::new() };
                v.anchors[i]
                    .iter()
                    .filter(move |a| a.kind != Kind::Number || !unlike.contains(&a.span))
                    .map(|a| (anchor_key(a), item_weight(a)))
            }),
            inline: Flat::new(n, |i| inline_code_keys(b(i))),
            markup: Flat::new(n, |i| markup_keys(b(i))),
            cognates: Flat::new(n, |i| cognates(&b(i).text)),
            stems: Flat::new(n, |i| stems(&b(i).text)),
            heading_pins: Flat::new(n, |i| if head[i] { heading_pins(v, i) } else { Vec::new() }),
            head,
            code_pins: Flat::new(n, |i| if b(i).code_only { code_pin(b(i)) } else { None }),
            step_pins: Flat::new(n, |i| step_pin(v, b(i))),
        }
    }
}

/// An anchor's alignment key, `kind:key` (`Number:42`), as `format!("{:?}:{}")` writes
/// it, without the formatting machinery (one per anchor of every block).
fn anchor_key(a: &Anchor) -> compact_str::CompactString {
    let kind = a.kind.name();
    let mut k = compact_str::CompactString::with_capacity(kind.len() + 1 + a.key.len());
    k.push_str(kind);
    k.push(':');
    k.push_str(&a.key);
    k
}

impl Version {
    /// The version's [`Units`], computed on first use.
    pub(super) fn units(&self) -> &Units {
        self.units.get_or_init(|| Units::new(self))
    }
}

/// The first four letters of each Latin-script word of five letters or more, lower-cased
/// and without accents on the common letters (see `align::Item::stems`): four ASCII
/// letters. (One pass over the text: the words are its runs of letters, as
/// `split(|c| !is_letter(c))` gives them, and a word's first four letters decide its stem.)
///
/// Read byte by byte: an ASCII character is its byte, and a character of the Arabic block
/// (two bytes led by `D8`–`DB`) is put together from its two bytes, neither decoded by
/// `chars()`; such a character is no stem letter, and only its being a letter counts.
/// Other characters are decoded. Past a word's first four letters only its end is looked
/// for, over ASCII letters in a loop of their own (tested equal to the split).
fn stems(text: &str) -> impl Iterator<Item = [u8; 4]> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            // One word: the run of letters from `i` (none when `i` is at a non-letter),
            // and the non-letter after it.
            let (mut n, mut out, mut latin) = (0usize, [0u8; 4], true);
            'word: {
                while n < 4 {
                    if i >= b.len() {
                        break 'word;
                    }
                    let (letter, len, stem) = stem_char(text, i, latin);
                    i += len;
                    if !letter {
                        break 'word;
                    }
                    if latin {
                        match stem {
                            Some(s) => out[n] = s,
                            None => latin = false,
                        }
                    }
                    n += 1;
                }
                loop {
                    while i < b.len() && b[i].is_ascii_alphabetic() {
                        i += 1;
                        n += 1;
                    }
                    if i >= b.len() {
                        break 'word;
                    }
                    let (letter, len, _) = stem_char(text, i, false);
                    i += len;
                    if !letter {
                        break 'word;
                    }
                    n += 1;
                }
            }
            if n >= 5 && latin {
                return Some(out);
            }
        }
        None
    })
}

/// The character at byte `i` of `text` (a character boundary): whether it is a letter
/// (`script::is_letter`), its length in bytes, and with `want` its [`stem_letter`] (a
/// letter's: for a non-letter, anything).
#[inline(always)]
fn stem_char(text: &str, i: usize, want: bool) -> (bool, usize, Option<u8>) {
    let b = text.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return (x.is_ascii_alphabetic(), 1, Some(x.to_ascii_lowercase()));
    }
    if (0xD8..=0xDB).contains(&x) && i + 1 < b.len() {
        // U+0600–U+06FF: beyond U+0370, no stem letter.
        let c = (u32::from(x & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
        return (char::from_u32(c).is_some_and(crate::script::is_letter), 2, None);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (crate::script::is_letter(c), c.len_utf8(), if want { stem_letter(c) } else { None })
}

/// A letter of a stem: lower-cased, common accents removed; none for a letter that is
/// not Latin.
/// (Inlined: called for every letter of most words, mostly ASCII ones.)
#[inline]
fn stem_letter(c: char) -> Option<u8> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then(|| c.to_ascii_lowercase() as u8);
    }
    // Beyond U+0370 only the Kelvin sign lower-cases to a letter below: every other
    // letter there (Arabic's, each Arabic word's first) is none, without the case
    // tables' search (tested over every character against the search).
    if c as u32 >= 0x370 && c != '\u{212A}' {
        return None;
    }
    stem_letter_lowered(c)
}

/// [`stem_letter`] of a character beyond ASCII, by its lower case.
fn stem_letter_lowered(c: char) -> Option<u8> {
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
    Some(c as u8)
}

/// The numbers among some words: digit runs (in any digits) and ordinal words.
fn numbers_of<'a>(v: &Version, words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let table = crate::locale::table(v.lang.tag());
    words.filter_map(|w| number_of(table, w)).collect()
}

/// A word's number: its digit run lower-cased with Arabic digits written in ASCII, or
/// an ordinal word's value (`Stage 4` / `المرحلة الرابعة`, `second` / `deuxième`).
/// An ASCII word (most heading words) is trimmed and tested by its bytes, and needs no
/// digit rewriting: the general path decodes every character of it three times
/// (`numbers_of_reference` in the tests is the former code, tested equal).
fn number_of(table: Option<&'static crate::locale::Locale>, w: &str) -> Option<String> {
    if w.is_ascii() {
        let b = w.as_bytes();
        let start = b.iter().position(u8::is_ascii_alphanumeric)?;
        let end = b.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(start);
        let t = &w[start..=end];
        if t.bytes().any(|c| c.is_ascii_digit()) {
            return Some(t.to_ascii_lowercase());
        }
        if t.len() < 3 {
            return None;
        }
        return match table.and_then(|l| number_word(l, t)) {
            Some((n, true)) => Some(n.to_string()),
            _ => None,
        };
    }
    let t = w.trim_matches(|c: char| !crate::script::is_alnum(c));
    let t = if t.chars().any(crate::script::is_numeric) {
        t.to_lowercase()
    } else {
        // Of three letters or more (the length first: a shorter word needs no look-up).
        t.chars().nth(2)?;
        match table.and_then(|l| number_word(l, t)) {
            Some((n, true)) => return Some(n.to_string()),
            _ => return None,
        }
    };
    Some(
        t.chars()
            .map(|c| match c {
                '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
                '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
                c => c,
            })
            .collect(),
    )
}

/// `Locale::number_word`, remembered per thread for the words asked before: headings ask
/// it of every word, most of them the same few words (`the`, `de`, `and`), and folding a
/// word for the look-up costs far more than finding it here. (The tables are built in,
/// one per language: a word's answer never changes.)
fn number_word(table: &'static crate::locale::Locale, word: &str) -> Option<(u32, bool)> {
    type Words = std::collections::HashMap<String, Option<(u32, bool)>, foldhash::fast::RandomState>;
    /// Words remembered at most per table (then forgotten all at once).
    const MEMO_WORDS: usize = 4096;
    thread_local! {
        /// Per table (by address: the built-in tables live as long as the process).
        static MEMO: std::cell::RefCell<Vec<(usize, Words)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let id = table as *const crate::locale::Locale as usize;
    MEMO.with_borrow_mut(|memo| {
        let k = match memo.iter().position(|(t, _)| *t == id) {
            Some(k) => k,
            None => {
                memo.push((id, Words::default()));
                memo.len() - 1
            }
        };
        let words = &mut memo[k].1;
        if let Some(known) = words.get(word) {
            return *known;
        }
        let found = table.number_word(word);
        if words.len() >= MEMO_WORDS {
            words.clear();
        }
        words.insert(word.to_string(), found);
        found
    })
}

/// A numbered step's pin: a block that opens with its number (`Step 3:`, `Étape 3 :`,
/// `3.`) pairs with the block of the same number.
fn step_pin(v: &Version, b: &Block) -> Option<String> {
    if b.code_only || b.is_heading() {
        return None;
    }
    let n = numbers_of(v, b.text.split_whitespace().take(2));
    n.first().map(|n| format!("step:{}", n.trim_end_matches(['.', ')', ':'])))
}

/// Inline code as anchors: commands and keys are kept as they are in translations, apart
/// from `{{placeholders}}`, which some translate. So the key is the code with its
/// placeholders blanked (`cd {}` for `cd {{path/to/directory}}` and for
/// `cd {{chemin/vers/dossier}}`). Strong when it has a few letters, divided like every
/// anchor by how many units carry it.
pub(crate) fn inline_code_keys(b: &Block) -> Vec<(compact_str::CompactString, f64)> {
    let mut out = Vec::new();
    for r in b.code.iter() {
        let Some(code) = b.text.get(r.clone()) else { continue };
        let flat = code.split_whitespace().collect::<Vec<_>>().join(" ");
        let skel = skeleton(&flat, false);
        let alnum = skel.chars().filter(|c| c.is_alphanumeric()).count();
        if alnum < 2 {
            continue;
        }
        // A short command with its arguments (`cat {} >> {}`) is as specific as a
        // longer name: each placeholder counts as two characters.
        let strong = alnum + 2 * skel.matches("{}").count() >= 4;
        out.push((compact_str::format_compact!("Inline:{skel}"), if strong { 5.0 } else { 1.0 }));
        // A placeholder for several arguments (`{{path/to/file1 path/to/file2 ...}}`)
        // adds a key of its own, which tells `head {{file}}` from `head {{file1 file2
        // ...}}` (the digits of the names, no evidence, did before); the plain key stays,
        // since a lagging translation may take one argument where the source now takes
        // several.
        let many = skeleton(&flat, true);
        if many != skel {
            out.push((compact_str::format_compact!("Inline:{many}"), if strong { 5.0 } else { 1.0 }));
        }
    }
    out
}

/// The keys of the images and components in or under a block (`Block::keys`): written
/// the same in every language, they tell apart sections that are a heading over markup
/// with no text. As strong as a link.
fn markup_keys(b: &Block) -> impl Iterator<Item = (compact_str::CompactString, f64)> + '_ {
    b.keys().iter().map(|k| (compact_str::CompactString::from(&**k), 5.0))
}

/// A command line's pin: the code exactly as written (placeholders included), which ties
/// two code blocks when it occurs once on each side.
fn code_pin(b: &Block) -> Option<String> {
    let r = b.code.first()?;
    let exact: String = b.text.get(r.clone())?.split_whitespace().collect::<Vec<_>>().join(" ");
    (exact.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then(|| format!("code:{exact}"))
}

/// Code with each `{{placeholder}}` written `{}` (with `many`, `{...}` for one of several
/// arguments, `{{file1 file2 ...}}`), without quotes. A placeholder that
/// lists a command's options (`{{[-Ei|--extended-regexp --ignore-case]}}`, the tldr way
/// of writing a short and a long option) is kept: options are never translated, and
/// they tell apart two examples of one command (`grep {} {}` with `-Ei` or with `-rI`).
fn skeleton(code: &str, many: bool) -> String {
    let mut skel = String::new();
    let mut rest = code;
    while let Some(i) = rest.find("{{") {
        skel.push_str(&rest[..i]);
        let inner = rest[i + 2..].find("}}").map(|j| &rest[i + 2..i + 2 + j]);
        match inner {
            Some(o) if o.starts_with("[-") && o.ends_with(']') => skel.push_str(o),
            // With `many`, a placeholder for several arguments (`{{file1 file2 ...}}`).
            Some(o) if many && (o.trim_end().ends_with("...") || o.trim_end().ends_with('…')) => {
                skel.push_str("{...}")
            }
            _ => skel.push_str("{}"),
        }
        rest = rest[i..].find("}}").map(|j| &rest[i + j + 2..]).unwrap_or("");
    }
    skel.push_str(rest);
    // Quotes around a placeholder come and go between versions of a page.
    skel.replace(['"', '\''], "")
}

/// A heading's pins: its custom id (`{#id}`), its text as written (a key, a code or a
/// name reads the same in every language), and the numbers it carries (`A01:2021`,
/// `4.b`, `Step 3` / `Étape 3`, in any digits).
pub(super) fn heading_pins(v: &Version, block: usize) -> Vec<String> {
    let b = &v.blocks[block];
    let mut pins = Vec::new();
    let text = b.text.trim();
    // A custom heading id (`## Title {#id}`), kept on the block by the reader.
    if let Some(id) = b.id().filter(|id| !id.is_empty() && b.is_heading()) {
        pins.push(format!("id:{id}"));
    }
    let norm = heading_norm(text);
    if !norm.is_empty() {
        let mut h = String::with_capacity(2 + norm.len());
        h.push_str("h:");
        h.push_str(&norm);
        pins.push(h);
    }
    // `norm` is its words joined by single spaces (lower case never makes white space).
    let numbers = numbers_of(v, norm.split(' '));
    if !numbers.is_empty() {
        pins.push(format!("n:{}", numbers.join(" ")));
    }
    pins
}

/// A heading's words joined by single spaces, then lower-cased whole (a final sigma is one
/// by its place in the joined text), as `split_whitespace().collect().join(" ")
/// .to_lowercase()` wrote it (tested equal), in one string: `split_white` splits as
/// `split_whitespace` does without decoding ASCII, and ASCII text (most headings)
/// lower-cases as ASCII.
fn heading_norm(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for w in crate::rules::per_block::split_white(text) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    if caseless_beyond_ascii(&joined) {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// Whether every character of `text` beyond ASCII is in the Arabic block (U+0600–U+06FF),
/// which has no case (tested over the block): lower-casing it is then lower-casing its
/// ASCII, without the case tables' search per character (an Arabic heading's).
/// In UTF-8 that block's characters are the two-byte ones led by `D8`–`DB`: a text whose
/// every byte is ASCII, a continuation byte or one of those leads holds no other.
fn caseless_beyond_ascii(text: &str) -> bool {
    text.bytes().all(|b| b < 0xC0 || (0xD8..=0xDB).contains(&b))
}

#[cfg(test)]
#[path = "units_tests.rs"]
mod tests;
