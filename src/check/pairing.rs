//! Pairing the versions of a document: what the aligner knows of each section and block
//! (anchor keys, names, stems, pins: `align::Item`), the section beads of a translation
//! against the source, then the block beads inside each pair of sections.

use super::flat::Flat;
use super::neighbour::level;
use super::{SectionBead, Version};
use crate::align::{self, Bead, Item};
use crate::anchors::{Anchor, Kind};
use crate::blocks::{self, Block};
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
    // (A slot opens with `{{`: most texts have none, and need no search.)
    let mut inside: Vec<Range<usize>> =
        if text.contains("{{") { crate::placeholders::slots(text).collect() } else { Vec::new() };
    if text.contains(['{', '%']) {
        inside.extend(crate::placeholders::find(text, &[], &[], false).into_iter().map(|p| p.range));
    }
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
    len: Vec<f64>,
    anchors: Flat<(compact_str::CompactString, f64)>,
    inline: Flat<(compact_str::CompactString, f64)>,
    /// Image and component keys (`Image:…`, `Component:…`).
    markup: Flat<(compact_str::CompactString, f64)>,
    cognates: Flat<compact_str::CompactString>,
    stems: Flat<[u8; 4]>,
    /// Whether a block may start a unit as a heading (headings and the first blocks of
    /// headed sections): such a block's heading pins are in `heading_pins`.
    head: Vec<bool>,
    heading_pins: Flat<String>,
    /// Code pins of code-only blocks (one or none a block).
    code_pins: Flat<String>,
    step_pins: Flat<String>,
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
    fn units(&self) -> &Units {
        self.units.get_or_init(|| Units::new(self))
    }
}

fn items(v: &Version, ranges: impl Iterator<Item = (Range<usize>, bool)>) -> Vec<Item> {
    let u = v.units();
    ranges
        .map(|(r, heading)| Item {
            len: u.len[r.clone()].iter().sum(),
            anchors: [u.anchors.of(r.clone()), u.inline.of(r.clone()), u.markup.of(r.clone())].concat(),
            cognates: u.cognates.of(r.clone()).to_vec(),
            heading,
            pins: if heading {
                if u.head[r.start] {
                    u.heading_pins.at(r.start).to_vec()
                } else {
                    heading_pins(v, r.start)
                }
            } else if r.len() == 1 && v.blocks[r.start].code_only {
                // A command line written the same on both sides ties its two blocks.
                u.code_pins.at(r.start).to_vec()
            } else {
                Vec::new()
            },
            code: r.len() == 1 && v.blocks[r.start].code_only,
            shape: 3,
            stems: u.stems.of(r).to_vec(),
        })
        .collect()
}

/// The first four letters of each Latin-script word of five letters or more, lower-cased
/// and without accents on the common letters (see `align::Item::stems`): four ASCII
/// letters. (One pass over the text: the words are its runs of letters, as
/// `split(|c| !is_letter(c))` gives them, and a word's first four letters decide its stem.)
fn stems(text: &str) -> impl Iterator<Item = [u8; 4]> + '_ {
    let mut chars = text.chars();
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let (mut n, mut out, mut latin) = (0usize, [0u8; 4], true);
            loop {
                match chars.next() {
                    None => {
                        done = true;
                        break;
                    }
                    Some(c) if !crate::script::is_letter(c) => break,
                    Some(c) => {
                        if n < 4 && latin {
                            match stem_letter(c) {
                                Some(b) => out[n] = b,
                                None => latin = false,
                            }
                        }
                        n += 1;
                    }
                }
            }
            if n >= 5 && latin {
                return Some(out);
            }
        }
        None
    })
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
    words
        .map(|t| t.trim_matches(|c: char| !crate::script::is_alnum(c)))
        .filter_map(|t| {
            if t.chars().any(crate::script::is_numeric) {
                return Some(t.to_lowercase());
            }
            // Ordinal words (`Stage 4` / `المرحلة الرابعة`, `second` / `deuxième`), of three
            // letters or more (the length first: a shorter word needs no look-up).
            t.chars().nth(2)?;
            match table.and_then(|l| number_word(l, t)) {
                Some((n, true)) => Some(n.to_string()),
                _ => None,
            }
        })
        .map(|t| {
            t.chars()
                .map(|c| match c {
                    '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
                    '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
                    c => c,
                })
                .collect()
        })
        .collect()
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

/// Where the two sides do not share most of their markup keys (the translation shows
/// other images: a localised logo, a smaller one), keeps only the keys both have: a key
/// only one side has then says nothing of what the other lacks. Where they share most
/// (half of the smaller side's keys or more), all are kept, like anchors: a component or
/// image the translation lacks is content it lacks.
fn shared_markup(a: &mut [Item], b: &mut [Item]) {
    let markup = |k: &str| k.starts_with("Image:") || k.starts_with("Component:");
    let set = |its: &[Item]| -> std::collections::HashSet<compact_str::CompactString> {
        its.iter().flat_map(|i| &i.anchors).filter(|(k, _)| markup(k)).map(|(k, _)| k.clone()).collect()
    };
    let (sa, sb) = (set(a), set(b));
    let shared = sa.intersection(&sb).count();
    if (sa.is_empty() && sb.is_empty()) || (shared > 0 && 2 * shared >= sa.len().min(sb.len())) {
        return;
    }
    for (its, other) in [(a, &sb), (b, &sa)] {
        for it in its.iter_mut() {
            it.anchors.retain(|(k, _)| !markup(k) || other.contains(k));
        }
    }
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

/// The kind of a block for merges: a heading, a list item, code, or other text.
fn shape(b: &Block) -> u8 {
    match b.kind {
        blocks::BlockKind::Heading(_) => 0,
        blocks::BlockKind::ListItem => align::BULLET,
        _ if b.code_only => 2,
        _ => 3,
    }
}

/// A heading's pins: its custom id (`{#id}`), its text as written (a key, a code or a
/// name reads the same in every language), and the numbers it carries (`A01:2021`,
/// `4.b`, `Step 3` / `Étape 3`, in any digits).
fn heading_pins(v: &Version, block: usize) -> Vec<String> {
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
    let numbers = numbers_of(v, crate::rules::per_block::split_white(&norm));
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
    if joined.is_ascii() {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// Aligns a translation with the source: sections first, then blocks inside each bead.
pub fn pair(src: &Version, tgt: &Version) -> Vec<SectionBead> {
    let mut si = items(src, src.sections.iter().map(|s| (s.blocks.clone(), s.headed)));
    let mut ti = items(tgt, tgt.sections.iter().map(|s| (s.blocks.clone(), s.headed)));
    shared_markup(&mut si, &mut ti);
    let (moved, beads) = align::align_moved_and_swapped(&si, &ti, &align::SECTIONS);
    let ratio = document_ratio(&si, &ti, &beads);
    // The section units hold every anchor key and stem of the document: gone before the
    // blocks are aligned, which build units of their own.
    drop((si, ti));
    // The blocks `unmerge` paired for a bead it kept whole, reused if the bead stays.
    let mut kept: Vec<(Range<usize>, Range<usize>, Vec<Bead>)> = Vec::new();
    let levels = levels_kept(src, tgt, &beads);
    let beads: Vec<Bead> =
        beads.into_iter().flat_map(|b| unmerge(src, tgt, b, ratio, levels, &mut kept)).collect();
    let (beads, or) = super::neighbour::reassign(src, tgt, beads, ratio);
    beads
        .into_iter()
        .zip(or)
        .map(|(b, or)| {
            let sb = src.section_blocks(&b.src);
            let tb = tgt.section_blocks(&b.tgt);
            let blocks = if sb.is_empty() || tb.is_empty() {
                Vec::new()
            } else if let Some(k) = kept.iter().position(|k| k.0 == b.src && k.1 == b.tgt) {
                kept.swap_remove(k).2
            } else {
                pair_blocks(src, tgt, sb, tb, ratio)
            };
            let other = if b.tgt.is_empty() {
                moved.iter().find(|m| b.src.contains(&m.0)).map(|m| m.1)
            } else if b.src.is_empty() {
                moved.iter().find(|m| b.tgt.contains(&m.1)).map(|m| m.0)
            } else {
                None
            };
            SectionBead {
                src: b.src,
                tgt: b.tgt,
                blocks,
                confidence: b.confidence,
                ties: b.ties,
                moved: other,
                or: or.filter(|_| other.is_none()),
            }
        })
        .collect()
}

/// Whether the sections paired one to one keep their heading levels (nine pairs in ten;
/// true when no pair has two headings to compare).
fn levels_kept(src: &Version, tgt: &Version, beads: &[Bead]) -> bool {
    let (mut n, mut same) = (0, 0);
    for b in beads.iter().filter(|b| b.src.len() == 1 && b.tgt.len() == 1) {
        if let (Some(x), Some(y)) = (level(src, b.src.start), level(tgt, b.tgt.start)) {
            n += 1;
            same += (x == y) as usize;
        }
    }
    same * 10 >= n * 9
}

/// A 2-1 (or 1-2) section bead whose first or last section has no block paired with
/// the other side is no merge: that section is missing (or extra), and the other pairs
/// alone. Checked on the blocks, which the section search does not see.
///
/// Nor is it a merge when the single section's heading has the level of one of the two
/// and not of the other, and the heading of the one of its level pairs nothing (it was
/// paired with the heading of the other level), in a document that keeps its levels:
/// the single section is the one of its level, and the other is missing (or extra). A
/// translation that repeats the introduction under the next heading, once the
/// introduction's own section is gone, otherwise reads as the two sections merged.
///
/// The blocks it pairs for a bead it keeps whole are added to `kept`.
fn unmerge(
    src: &Version,
    tgt: &Version,
    b: Bead,
    ratio: f64,
    levels: bool,
    kept: &mut Vec<(Range<usize>, Range<usize>, Vec<Bead>)>,
) -> Vec<Bead> {
    let two_one = b.src.len() == 2 && b.tgt.len() == 1;
    let one_two = b.src.len() == 1 && b.tgt.len() == 2;
    if !(two_one || one_two) {
        return vec![b];
    }
    let blocks = pair_blocks(src, tgt, src.section_blocks(&b.src), tgt.section_blocks(&b.tgt), ratio);
    let (many, many_v) = if two_one { (b.src.clone(), src) } else { (b.tgt.clone(), tgt) };
    let paired = |k: usize| {
        let r = many_v.section_blocks(&(k..k + 1));
        blocks.iter().any(|x| {
            let (mine, theirs) = if two_one { (&x.src, &x.tgt) } else { (&x.tgt, &x.src) };
            !theirs.is_empty() && mine.start < r.end && r.start < mine.end
        })
    };
    let (first, last) = (many.start, many.end - 1);
    let (one_v, one) = if two_one { (tgt, b.tgt.start) } else { (src, b.src.start) };
    // The section of the single one's level whose heading pairs nothing: the other is
    // the one left alone.
    let heading_alone = |k: usize| {
        let h = many_v.sections[k].blocks.start;
        many_v.sections[k].headed
            && !blocks.iter().any(|x| {
                let (mine, theirs) = if two_one { (&x.src, &x.tgt) } else { (&x.tgt, &x.src) };
                !theirs.is_empty() && mine.contains(&h)
            })
    };
    let by_level = || {
        let lv = level(one_v, one)?;
        let (lf, ll) = (level(many_v, first)?, level(many_v, last)?);
        match (lf == lv, ll == lv) {
            (false, true) if heading_alone(last) => Some(first),
            (true, false) if heading_alone(first) => Some(last),
            _ => None,
        }
    };
    let lone = match (paired(first), paired(last)) {
        (false, true) => first,
        (true, false) => last,
        (true, true) if levels && by_level().is_some() => by_level().unwrap_or(first),
        _ => {
            kept.push((b.src.clone(), b.tgt.clone(), blocks));
            return vec![b];
        }
    };
    let kept = if lone == first { last } else { first };
    let (alone, pair) = if two_one {
        let at = if lone == first { b.tgt.start } else { b.tgt.end };
        (
            Bead { src: lone..lone + 1, tgt: at..at, ..b.clone() },
            Bead { src: kept..kept + 1, tgt: b.tgt.clone(), ..b.clone() },
        )
    } else {
        let at = if lone == first { b.src.start } else { b.src.end };
        (
            Bead { src: at..at, tgt: lone..lone + 1, ..b.clone() },
            Bead { src: b.src.clone(), tgt: kept..kept + 1, ..b.clone() },
        )
    };
    if lone == first {
        vec![alone, pair]
    } else {
        vec![pair, alone]
    }
}

/// The document's length ratio (translation over source, in characters): the median
/// over the sections paired one to one, which a few sections with a dropped or added
/// block do not move; the ratio of the paired totals when fewer than three are paired.
fn document_ratio(si: &[Item], ti: &[Item], beads: &[Bead]) -> f64 {
    let mut ratios: Vec<f64> = Vec::new();
    let (mut ls, mut lt) = (0.0, 0.0);
    for b in beads.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()) {
        let l1: f64 = si[b.src.clone()].iter().map(|i| i.len).sum();
        let l2: f64 = ti[b.tgt.clone()].iter().map(|i| i.len).sum();
        ls += l1;
        lt += l2;
        if b.src.len() == 1 && b.tgt.len() == 1 && l1 >= 20.0 && l2 > 0.0 {
            ratios.push(l2 / l1);
        }
    }
    if ratios.len() >= 3 {
        ratios.sort_by(f64::total_cmp);
        return ratios[ratios.len() / 2];
    }
    if ls > 0.0 && lt > 0.0 {
        lt / ls
    } else {
        1.0
    }
}

/// Aligns the blocks of a range of source blocks with a range of translation blocks;
/// the beads are in absolute block indexes.
///
/// A description followed by its command (code-only blocks) travels as one unit, an
/// example: examples are aligned first, then the blocks inside each pair of examples,
/// so a dropped example is dropped whole and a command never pairs with the description
/// of another.
pub fn pair_blocks(
    src: &Version,
    tgt: &Version,
    sb: Range<usize>,
    tb: Range<usize>,
    ratio: f64,
) -> Vec<Bead> {
    let (gs, gt) = (example_groups(src, sb.clone()), example_groups(tgt, tb.clone()));
    if gs.len() == sb.len() && gt.len() == tb.len() {
        return align_blocks(src, tgt, sb, tb, ratio);
    }
    let mut gi = group_items(src, &gs);
    let mut gj = group_items(tgt, &gt);
    shared_markup(&mut gi, &mut gj);
    let mut out = Vec::new();
    for g in align::align_with(&gi, &gj, &align::BLOCKS, Some(ratio)) {
        // An empty side stands where its next group starts (or at the range's end).
        let at = |groups: &[Range<usize>], k: usize, end: usize| groups.get(k).map_or(end, |g| g.start);
        let s = if g.src.is_empty() {
            let p = at(&gs, g.src.start, sb.end);
            p..p
        } else {
            gs[g.src.start].start..gs[g.src.end - 1].end
        };
        let t = if g.tgt.is_empty() {
            let p = at(&gt, g.tgt.start, tb.end);
            p..p
        } else {
            gt[g.tgt.start].start..gt[g.tgt.end - 1].end
        };
        // (A group's alike neighbour is a group: not kept for its blocks.)
        let one = |src: Range<usize>, tgt: Range<usize>| Bead { src, tgt, or: 0, ..g.clone() };
        if s.is_empty() || t.is_empty() {
            out.extend(s.clone().map(|i| one(i..i + 1, t.start..t.start)));
            out.extend(t.clone().map(|j| one(s.end..s.end, j..j + 1)));
        } else if s.len() == t.len()
            && s.clone().zip(t.clone()).all(|(i, j)| shape(&src.blocks[i]) == shape(&tgt.blocks[j]))
        {
            out.extend(s.clone().zip(t.clone()).map(|(i, j)| one(i..i + 1, j..j + 1)));
        } else {
            out.extend(align_blocks(src, tgt, s, t, ratio));
        }
    }
    out
}

/// Blocks that travel together: a block that is not code, with the code-only blocks
/// right after it.
fn example_groups(v: &Version, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in r {
        let b = &v.blocks[i];
        match out.last_mut() {
            Some(g) if b.code_only && !v.blocks[g.start].code_only && !v.blocks[g.start].is_heading() => {
                g.end = i + 1
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

fn group_items(v: &Version, groups: &[Range<usize>]) -> Vec<Item> {
    let mut its = items(v, groups.iter().map(|g| (g.clone(), v.blocks[g.start].is_heading())));
    let u = v.units();
    for (it, g) in its.iter_mut().zip(groups) {
        let b = &v.blocks[g.start];
        it.shape = if g.len() == 1 { shape(b) } else { 4 };
        it.code = v.blocks[g.clone()].iter().all(|b| b.code_only);
        if g.len() > 1 {
            it.pins = g
                .clone()
                .filter(|&i| v.blocks[i].code_only)
                .flat_map(|i| u.code_pins.at(i).iter().cloned())
                .collect();
        }
        it.pins.extend(u.step_pins.at(g.start).iter().cloned());
    }
    its
}

fn align_blocks(src: &Version, tgt: &Version, sb: Range<usize>, tb: Range<usize>, ratio: f64) -> Vec<Bead> {
    let mut bi = items(src, sb.clone().map(|i| (i..i + 1, src.blocks[i].is_heading())));
    let mut bj = items(tgt, tb.clone().map(|i| (i..i + 1, tgt.blocks[i].is_heading())));
    for (v, its, r) in [(src, &mut bi, sb.clone()), (tgt, &mut bj, tb.clone())] {
        let u = v.units();
        for (it, i) in its.iter_mut().zip(r) {
            it.shape = shape(&v.blocks[i]);
            it.pins.extend(u.step_pins.at(i).iter().cloned());
        }
    }
    shared_markup(&mut bi, &mut bj);
    align::align_with(&bi, &bj, &align::BLOCKS, Some(ratio))
        .into_iter()
        .map(|x| Bead {
            src: x.src.start + sb.start..x.src.end + sb.start,
            tgt: x.tgt.start + tb.start..x.tgt.end + tb.start,
            ..x
        })
        .collect()
}

#[cfg(test)]
#[path = "pairing_tests.rs"]
mod tests;
