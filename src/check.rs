//! Drives the pipeline for one document group: load → split or tag languages → blocks →
//! sections → alignment → anchors → rules. Groups are independent, so a tree is checked
//! group by group in parallel.

use crate::align::{self, Bead, Item};
use crate::anchors::{self, Anchor, Kind};
use crate::blocks::{self, Block, Format};
use crate::config::{Level, Settings};
use crate::diag::{Diagnostic, Label, Severity};
use crate::discover::Group;
use crate::lang::Lang;
use crate::langid;
use crate::rules;
use crate::sections::{self, Section};
use crate::source::SourceFile;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// One language version of a document: its own file, or its part of a multilingual file.
#[derive(Debug)]
pub struct Version {
    pub lang: Lang,
    pub file: Arc<SourceFile>,
    pub blocks: Vec<Block>,
    /// Anchors of each block, parallel to `blocks` (boxed slices: no capacity kept).
    pub anchors: Vec<Box<[Anchor]>>,
    pub sections: Vec<Section>,
}

impl Version {
    fn new(lang: Lang, file: Arc<SourceFile>, blocks: Vec<Block>, settings: &Settings) -> Version {
        // Each block's anchors as a boxed slice: no growth slack, no capacity word (an
        // anchor is 104 bytes; the slack was a fifth of the peak memory on a long
        // document: docs/reliability.md).
        let mut anchors: Vec<Box<[Anchor]>> =
            blocks.iter().map(|b| anchors::extract(b, settings, lang.tag()).into_boxed_slice()).collect();
        let sections = sections::group(&blocks);
        date_times(&sections, &mut anchors);
        Version { lang, file, blocks, anchors, sections }
    }

    /// The blocks of a range of sections.
    pub fn section_blocks(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            return 0..0;
        }
        self.sections[r.start].blocks.start..self.sections[r.end - 1].blocks.end
    }

    /// A label on the first line of a block.
    pub fn block_label(&self, block: usize, message: impl Into<String>) -> Label {
        let b = &self.blocks[block];
        let text = &self.file.text[b.span.clone()];
        let first = text.find(['\n', '\r']).unwrap_or(text.len());
        let first = text[..first].trim_end().len().max(1).min(text.len());
        let mut end = b.span.start + first;
        while !self.file.text.is_char_boundary(end) {
            end += 1;
        }
        Label::new(&self.file, self.lang, b.span.start..end, message)
    }

    pub fn anchor_label(&self, a: &Anchor, message: impl Into<String>) -> Label {
        Label::new(&self.file, self.lang, a.span.clone(), message)
    }
}

/// Gives times without a date in their own block the date of the latest event date
/// earlier in the same section, so that zones resolve on the right day.
fn date_times(sections: &[Section], anchors: &mut [Box<[Anchor]>]) {
    for sec in sections {
        let mut last: Option<jiff::civil::Date> = None;
        for b in sec.blocks.clone() {
            let own = anchors[b].iter().find_map(|a| match &a.value {
                anchors::Value::Date(d) => anchors::full_date(d),
                _ => None,
            });
            if own.is_some() {
                last = own;
            }
            for a in anchors[b].iter_mut() {
                if let anchors::Value::Time(_, date @ None) = &mut a.value {
                    *date = last;
                }
            }
        }
    }
}

/// Aligned sections of the source and one translation, with their blocks aligned too.
#[derive(Debug, Clone)]
pub struct SectionBead {
    pub src: Range<usize>,
    pub tgt: Range<usize>,
    /// Block beads, in absolute block indexes of each version.
    pub blocks: Vec<Bead>,
    /// How sure the section pairing is (0 to 1) and what tied it (see `align::Bead`).
    pub confidence: f64,
    pub ties: Vec<compact_str::CompactString>,
    /// For a section left unaligned here: its counterpart on the other side, which stands
    /// in another place (a moved section, not a missing and an extra one).
    pub moved: Option<usize>,
}

#[derive(Debug)]
pub struct Pairing {
    /// Index of the translation in `Document::versions`.
    pub tgt: usize,
    pub beads: Vec<SectionBead>,
}

#[derive(Debug)]
pub struct Document {
    pub name: String,
    pub files: Vec<Arc<SourceFile>>,
    /// Each file's YAML front matter, parallel to `files` (read once, with its blocks).
    pub front_matter: Vec<Option<blocks::FrontMatter>>,
    pub versions: Vec<Version>,
    /// Blocks that belong to no language (a multilingual file's preamble).
    pub shared: Vec<(Arc<SourceFile>, Vec<Block>)>,
    /// Index of the source version.
    pub source: usize,
    pub pairings: Vec<Pairing>,
    /// The date the document is issued on: configuration, front matter, or inferred.
    pub issue_date: Option<jiff::civil::Date>,
    pub settings: Arc<Settings>,
}

/// `date: 2022-11-01` in a YAML front matter block at the top of a file.
fn front_matter_date(fm: &blocks::FrontMatter) -> Option<jiff::civil::Date> {
    fm.get("date").and_then(|v| v.trim().get(..10).and_then(|d| d.parse().ok()))
}

/// The issue's date, from front matter, else from the source: the first month its first
/// section names (a month alone, or a month and year), in the year given there or the
/// year most of its full dates share. The first of that month.
fn issue_date(front: &[Option<blocks::FrontMatter>], src: Option<&Version>) -> Option<jiff::civil::Date> {
    if let Some(d) = front.iter().flatten().find_map(front_matter_date) {
        return Some(d);
    }
    let v = src?;
    let first = v.sections.first()?;
    let named = v.anchors[first.blocks.clone()].iter().flatten().find_map(|a| match &a.value {
        anchors::Value::Date(d) if d.month.is_some() && d.day.is_none() => Some((d.month?, d.year)),
        _ => None,
    })?;
    let year = named.1.or_else(|| {
        let mut years: Vec<i32> = v
            .anchors
            .iter()
            .flatten()
            .filter_map(|a| match &a.value {
                anchors::Value::Date(d) if d.day.is_some() && d.month == Some(named.0) => d.year,
                _ => None,
            })
            .collect();
        years.sort_unstable();
        years.first().copied()
    })?;
    jiff::civil::Date::new(year as i16, named.0 as i8, 1).ok()
}

#[derive(Debug, Clone)]
pub struct Options {
    pub source: Lang,
    pub rules: rules::Selection,
    /// Levels from the configuration: `off` removes a rule's findings, others set them.
    pub levels: Vec<(String, Level)>,
    pub settings: Arc<Settings>,
    /// Keep each group's `Document` in its report (for `align` and reports).
    pub keep_documents: bool,
    /// The source language was given on the command line (front matter cannot change it).
    pub source_explicit: bool,
    /// How files are read (size limit, lossy decoding).
    pub load: crate::source::LoadOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            source: Lang::EN,
            rules: rules::Selection::default(),
            levels: Vec::new(),
            settings: Arc::new(Settings::default()),
            keep_documents: true,
            source_explicit: false,
            load: crate::source::LoadOptions::default(),
        }
    }
}

/// The rule id of inputs that could not be read as they are: files skipped, read
/// lossily, or not read at all, and groups that could not be checked.
pub const INPUT_ERROR: &str = "input-error";

/// What checking one group produced.
#[derive(Debug, Default)]
pub struct GroupReport {
    /// The checked document, kept only when the caller asks for it (alignment tables,
    /// reports): a large tree is checked as a stream of groups, each dropped when done.
    pub document: Option<Document>,
    /// Files read for the document (counted even when the document is dropped).
    pub files: usize,
    pub checked: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be read, or groups that could not be checked
    /// (diagnostics of the rule `input-error`).
    pub input_errors: Vec<Diagnostic>,
    /// Things worth telling the user that are not findings.
    pub remarks: Vec<String>,
}

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

/// Cognates: names and acronyms written in Latin letters (`Hironaka`, `APAC`, `Zoom`),
/// which translations keep as they are. A capitalised word that starts a sentence is not
/// taken, since it is usually an ordinary word.
fn cognates(text: &str) -> impl Iterator<Item = compact_str::CompactString> + '_ {
    let mut sentence_start = true;
    text.split_whitespace().filter_map(move |tok| {
        let starts = sentence_start;
        sentence_start = tok.ends_with(['.', '!', '?', ':', '؟']);
        let w = tok.trim_matches(|c: char| !crate::script::is_alnum(c));
        let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        let name = !starts
            && w.len() >= 3
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphabetic());
        (acronym || name).then(|| {
            let mut c = compact_str::CompactString::from(w);
            c.make_ascii_lowercase();
            c
        })
    })
}

fn items(v: &Version, ranges: impl Iterator<Item = (Range<usize>, bool)>) -> Vec<Item> {
    ranges
        .map(|(r, heading)| Item {
            len: v.blocks[r.clone()].iter().map(|b| b.text.chars().count() as f64).sum(),
            anchors: tight(
                v.anchors[r.clone()]
                    .iter()
                    .flatten()
                    .map(|a| (compact_str::format_compact!("{:?}:{}", a.kind, a.key), item_weight(a)))
                    .chain(v.blocks[r.clone()].iter().flat_map(inline_code_keys))
                    .collect(),
            ),
            cognates: tight(v.blocks[r.clone()].iter().flat_map(|b| cognates(&b.text)).collect()),
            heading,
            pins: if heading {
                heading_pins(v, r.start)
            } else if r.len() == 1 && v.blocks[r.start].code_only {
                // A command line written the same on both sides ties its two blocks.
                code_pin(&v.blocks[r.start]).into_iter().collect()
            } else {
                Vec::new()
            },
            code: r.len() == 1 && v.blocks[r.start].code_only,
            shape: 3,
            stems: tight(v.blocks[r].iter().flat_map(|b| stems(&b.text)).collect()),
        })
        .collect()
}

/// A vector without the slack of its growth: the units of a long document's sections
/// hold every anchor key and stem of it at once.
fn tight<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// The first four letters of each Latin-script word of five letters or more, lower-cased
/// and without accents on the common letters (see `align::Item::stems`): four ASCII
/// letters.
fn stems(text: &str) -> impl Iterator<Item = [u8; 4]> + '_ {
    text.split(|c: char| !crate::script::is_letter(c)).filter(|w| w.chars().count() >= 5).filter_map(|w| {
        let mut out = [0u8; 4];
        for (slot, c) in out.iter_mut().zip(w.chars()) {
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
            *slot = c as u8;
        }
        Some(out)
    })
}

/// The numbers among some words: digit runs (in any digits) and ordinal words.
fn numbers_of<'a>(v: &Version, words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let table = crate::locale::table(v.lang.tag());
    words
        .map(|t| t.trim_matches(|c: char| !crate::script::is_alnum(c)))
        .filter_map(|t| {
            if t.chars().any(|c| c.is_numeric()) {
                return Some(t.to_lowercase());
            }
            // Ordinal words (`Stage 4` / `المرحلة الرابعة`, `second` / `deuxième`).
            match table.and_then(|l| l.number_word(t)) {
                Some((n, true)) if t.chars().count() >= 3 => Some(n.to_string()),
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
    b.code
        .iter()
        .filter_map(|r| {
            let code = b.text.get(r.clone())?;
            let skel = skeleton(&code.split_whitespace().collect::<Vec<_>>().join(" "));
            let alnum = skel.chars().filter(|c| c.is_alphanumeric()).count();
            (alnum >= 2)
                .then(|| (compact_str::format_compact!("Inline:{skel}"), if alnum >= 4 { 5.0 } else { 1.0 }))
        })
        .collect()
}

/// A command line's pin: the code exactly as written (placeholders included), which ties
/// two code blocks when it occurs once on each side.
fn code_pin(b: &Block) -> Option<String> {
    let r = b.code.first()?;
    let exact: String = b.text.get(r.clone())?.split_whitespace().collect::<Vec<_>>().join(" ");
    (exact.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then(|| format!("code:{exact}"))
}

/// Code with each `{{placeholder}}` written `{}`, without quotes. A placeholder that
/// lists a command's options (`{{[-Ei|--extended-regexp --ignore-case]}}`, the tldr way
/// of writing a short and a long option) is kept: options are never translated, and
/// they tell apart two examples of one command (`grep {} {}` with `-Ei` or with `-rI`).
fn skeleton(code: &str) -> String {
    let mut skel = String::new();
    let mut rest = code;
    while let Some(i) = rest.find("{{") {
        skel.push_str(&rest[..i]);
        let inner = rest[i + 2..].find("}}").map(|j| &rest[i + 2..i + 2 + j]);
        match inner {
            Some(o) if o.starts_with("[-") && o.ends_with(']') => skel.push_str(o),
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
    if let Some(id) = b.id.as_deref().filter(|id| !id.is_empty() && b.is_heading()) {
        pins.push(format!("id:{id}"));
    }
    let norm: String = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if !norm.is_empty() {
        pins.push(format!("h:{norm}"));
    }
    let numbers = numbers_of(v, norm.split_whitespace());
    if !numbers.is_empty() {
        pins.push(format!("n:{}", numbers.join(" ")));
    }
    pins
}

/// Aligns a translation with the source: sections first, then blocks inside each bead.
pub fn pair(src: &Version, tgt: &Version) -> Vec<SectionBead> {
    let si = items(src, src.sections.iter().map(|s| (s.blocks.clone(), s.headed)));
    let ti = items(tgt, tgt.sections.iter().map(|s| (s.blocks.clone(), s.headed)));
    let beads = align::align(&si, &ti, &align::SECTIONS);
    let moved = align::moved(&si, &ti, &beads);
    let ratio = document_ratio(&si, &ti, &beads);
    // The section units hold every anchor key and stem of the document: gone before the
    // blocks are aligned, which build units of their own.
    drop((si, ti));
    beads
        .into_iter()
        .flat_map(|b| unmerge(src, tgt, b, ratio))
        .map(|b| {
            let sb = src.section_blocks(&b.src);
            let tb = tgt.section_blocks(&b.tgt);
            let blocks = if sb.is_empty() || tb.is_empty() {
                Vec::new()
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
            }
        })
        .collect()
}

/// A 2-1 (or 1-2) section bead whose first or last section has no block paired with
/// the other side is no merge: that section is missing (or extra), and the other pairs
/// alone. Checked on the blocks, which the section search does not see.
fn unmerge(src: &Version, tgt: &Version, b: Bead, ratio: f64) -> Vec<Bead> {
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
    let lone = match (paired(first), paired(last)) {
        (false, true) => first,
        (true, false) => last,
        _ => return vec![b],
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
    let gi = group_items(src, &gs);
    let gj = group_items(tgt, &gt);
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
        let one = |src: Range<usize>, tgt: Range<usize>| Bead { src, tgt, ..g.clone() };
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
    for (it, g) in its.iter_mut().zip(groups) {
        let b = &v.blocks[g.start];
        it.shape = if g.len() == 1 { shape(b) } else { 4 };
        it.code = v.blocks[g.clone()].iter().all(|b| b.code_only);
        if g.len() > 1 {
            it.pins = v.blocks[g.clone()].iter().filter(|b| b.code_only).filter_map(code_pin).collect();
        }
        it.pins.extend(step_pin(v, b));
    }
    its
}

fn align_blocks(src: &Version, tgt: &Version, sb: Range<usize>, tb: Range<usize>, ratio: f64) -> Vec<Bead> {
    let mut bi = items(src, sb.clone().map(|i| (i..i + 1, src.blocks[i].is_heading())));
    let mut bj = items(tgt, tb.clone().map(|i| (i..i + 1, tgt.blocks[i].is_heading())));
    for (v, its, r) in [(src, &mut bi, sb.clone()), (tgt, &mut bj, tb.clone())] {
        for (it, b) in its.iter_mut().zip(&v.blocks[r]) {
            it.shape = shape(b);
            it.pins.extend(step_pin(v, b));
        }
    }
    align::align_with(&bi, &bj, &align::BLOCKS, Some(ratio))
        .into_iter()
        .map(|x| Bead {
            src: x.src.start + sb.start..x.src.end + sb.start,
            tgt: x.tgt.start + tb.start..x.tgt.end + tb.start,
            ..x
        })
        .collect()
}

/// Builds the document of a group: reads its files and finds its language versions.
pub fn build(group: &Group, opts: &Options, report: &mut GroupReport) -> Option<Document> {
    let mut files = Vec::new();
    let mut front: Vec<Option<blocks::FrontMatter>> = Vec::new();
    let mut pending = Vec::new();
    let mut shared = Vec::new();
    for (path, lang) in &group.files {
        let file = match SourceFile::load_with(path, &opts.load) {
            Ok(f) => f,
            Err(e) => {
                let severity = if e.skipped { Severity::Note } else { Severity::Error };
                report.input_errors.push(input_diagnostic(
                    severity,
                    path,
                    &e.message,
                    e.offset,
                    e.prefix.as_deref(),
                ));
                continue;
            }
        };
        if let crate::source::Encoding::Lossy { replaced, first } = file.encoding {
            let msg = format!(
                "file is not valid UTF-8: {replaced} invalid byte{} (the first at offset {first}) read as U+001A; checked anyway (--encoding lossy)",
                if replaced == 1 { "" } else { "s" }
            );
            let label = Label::new(&file, Lang::UND, first..first + 1, "an invalid byte, read as U+001A");
            report.input_errors.push(input_at(Severity::Warning, label, &msg));
        }
        files.push(file.clone());
        let format = Format::from_path(path);
        let mut parsed = blocks::read(&file.text, file.body(), format);
        front.push(parsed.front_matter.take());
        for skipped in &parsed.skipped {
            let label = Label::new(&file, Lang::UND, skipped.span.clone(), "not read as text");
            report.input_errors.push(input_at(Severity::Note, label, &format!("not read: {}", skipped.what)));
        }
        let all = parsed.blocks;
        match lang {
            Some(l) => pending.push((*l, file, all)),
            None => {
                let split = langid::split(&all);
                let mut sh = Vec::new();
                for r in &split.shared {
                    sh.extend(all[r.clone()].iter().cloned());
                }
                if !sh.is_empty() {
                    shared.push((file.clone(), sh));
                }
                for (l, r) in split.runs {
                    pending.push((l, file.clone(), all[r].to_vec()));
                }
            }
        }
    }
    if files.is_empty() {
        return None;
    }
    // The versions are independent: extracting their anchors in parallel lets a single
    // document use both cores (each language compiles its own patterns on first use).
    let mut versions: Vec<Version> = pending
        .into_par_iter()
        .map(|(l, file, blocks)| Version::new(l, file, blocks, &opts.settings))
        .collect();
    if let Some(keep) = &opts.settings.languages {
        versions.retain(|v| keep.contains(&v.lang));
    }
    if versions.is_empty() {
        report
            .remarks
            .push(format!("{}: no text in a language oerlint can tell; nothing to check", group.name));
        return None;
    }
    let mut seen: Vec<Lang> = Vec::new();
    for v in &versions {
        if seen.contains(&v.lang) {
            let msg = format!(
                "two {} versions in the document `{}`; keep one file per language",
                v.lang.name(),
                group.name
            );
            report.input_errors.push(input_error(&v.file.path, &msg, None, None));
            return None;
        }
        seen.push(v.lang);
    }
    // The document's front matter may name its source language (`source: fr`), unless
    // the command line did.
    let wanted = if opts.source_explicit {
        opts.source
    } else {
        front
            .iter()
            .find_map(|fm| fm.as_ref()?.get("source").and_then(|s| Lang::parse(s.trim())))
            .unwrap_or(opts.source)
    };
    let source = versions.iter().position(|v| v.lang == wanted);
    let source = match source {
        Some(s) => s,
        None if versions.len() >= 2 => {
            let msg = format!(
                "the document `{}` has no {} version, the source language (found: {}); choose another with --source",
                group.name,
                wanted.name(),
                versions.iter().map(|v| v.lang.tag()).collect::<Vec<_>>().join(", ")
            );
            // The problem is the document's, not one of its files': name its folder.
            let at = group_folder(group).unwrap_or_else(|| versions[0].file.path.clone());
            report.input_errors.push(input_error(&at, &msg, None, None));
            return None;
        }
        None => 0,
    };
    if versions.len() < 2 {
        report.remarks.push(format!(
            "{}: only one language ({}) found; nothing to compare",
            group.name,
            versions.first().map(|v| v.lang.name()).unwrap_or("none")
        ));
    }
    // Translations in the order the configuration lists the languages; else left-to-right
    // languages before right-to-left ones (en, fr, ar), in the files' order.
    let mut targets: Vec<usize> = (0..versions.len()).filter(|&i| i != source).collect();
    targets.sort_by_key(|&i| {
        let lang = versions[i].lang;
        let configured = opts.settings.languages.as_ref().and_then(|l| l.iter().position(|x| *x == lang));
        (configured.unwrap_or(usize::MAX), lang.is_rtl(), i)
    });
    let pairings = targets
        .into_iter()
        .map(|i| Pairing { tgt: i, beads: pair(&versions[source], &versions[i]) })
        .collect();
    let issue_date = opts.settings.issue_date.or_else(|| issue_date(&front, versions.get(source)));
    let settings = opts.settings.clone();
    Some(Document {
        name: group.name.clone(),
        files,
        front_matter: front,
        versions,
        shared,
        source,
        pairings,
        issue_date,
        settings,
    })
}

/// Checks one group.
pub fn check_group(group: &Group, opts: &Options) -> GroupReport {
    let mut report = GroupReport::default();
    let Some(doc) = build(group, opts, &mut report) else {
        return report;
    };
    let mut diags = rules::run(&doc, &opts.rules);
    declared_untranslated(&doc, &mut diags);
    omitted_once(&mut diags);
    let report_unused = rules::find("unused-suppression").is_some_and(|r| opts.rules.enabled(r));
    crate::suppress::apply(&doc.files, &mut diags, report_unused);
    for d in diags.iter_mut() {
        if let Some((_, Level::On(sev))) = opts.levels.iter().find(|(id, _)| id == d.rule) {
            d.severity = *sev;
        }
    }
    // Files passed one by one (a pre-commit hook): the findings that involve them, by
    // their primary span or a related one. Editing the source and forgetting the
    // translations gives findings whose primary span is in a translation, related to
    // the source: they are the hook's to report.
    if let Some(only) = &group.only {
        diags.retain(|d| {
            std::iter::once(&d.primary)
                .chain(&d.related)
                .any(|l| only.iter().any(|p| same_file(p, &l.file.path)))
        });
    }
    diags.sort_by_key(|d| d.sort_key());
    report.diagnostics = diags;
    report.files = doc.files.len();
    report.checked = true;
    if opts.keep_documents {
        report.document = Some(doc);
    }
    report
}

/// The folder a group's files are in, when they share one.
fn group_folder(group: &Group) -> Option<std::path::PathBuf> {
    let first = group.files.first()?.0.parent()?.to_path_buf();
    group.files.iter().all(|(p, _)| p.parent() == Some(first.as_path())).then_some(first)
}

/// A block the translation dropped is reported by `content-missing`; the warnings and notes
/// that only repeat it (its command or placeholder missing) are not reported again. Errors
/// about its values (an email, a date) stay: they are what fails the gate.
fn omitted_once(diags: &mut Vec<Diagnostic>) {
    let dropped: Vec<(Arc<SourceFile>, Range<usize>)> = diags
        .iter()
        .filter(|d| d.rule == "content-missing")
        .filter_map(|d| d.related.first())
        // The label is the block's first line: the block runs to the next blank line.
        .map(|r| {
            let rest = &r.file.text[r.start..];
            let end =
                rest.find("\n\n").or_else(|| rest.find("\n\r\n")).map_or(r.file.text.len(), |k| r.start + k);
            (r.file.clone(), r.start..end.max(r.end))
        })
        .collect();
    if dropped.is_empty() {
        return;
    }
    diags.retain(|d| {
        let missing =
            d.found.as_deref() == Some("") && d.rule != "content-missing" && d.severity != Severity::Error;
        let inside = |r: &Label| {
            dropped
                .iter()
                .any(|(f, span)| Arc::ptr_eq(f, &r.file) && span.start <= r.start && r.end <= span.end)
        };
        !(missing && d.related.first().is_some_and(inside))
    });
}

/// A translation whose front matter says `untranslated: true` (the Jekyll convention for
/// a page not translated yet) gets one `untranslated` note at that declaration instead of
/// a warning for every block that is still in the source language.
fn declared_untranslated(doc: &Document, diags: &mut Vec<Diagnostic>) {
    for (i, v) in doc.versions.iter().enumerate() {
        if i == doc.source {
            continue;
        }
        let Some(fm) =
            doc.files.iter().position(|f| Arc::ptr_eq(f, &v.file)).and_then(|j| doc.front_matter[j].as_ref())
        else {
            continue;
        };
        let Some((_, value, span)) = fm.fields.iter().find(|(k, _, _)| k == "untranslated") else { continue };
        if !matches!(value.trim(), "true" | "yes" | "True" | "TRUE") {
            continue;
        }
        let before = diags.len();
        diags.retain(|d| !(d.rule == "untranslated" && Arc::ptr_eq(&d.primary.file, &v.file)));
        if before == diags.len() {
            continue;
        }
        // How many of its blocks are word for word a block of the source.
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let source: std::collections::HashSet<String> =
            doc.versions[doc.source].blocks.iter().map(|b| flat(&b.text)).collect();
        let dropped = v.blocks.iter().filter(|b| source.contains(&flat(&b.text))).count().max(1);
        let label = Label::new(&v.file, v.lang, span.clone(), "declared here");
        diags.push(Diagnostic::new(
            "untranslated",
            Severity::Note,
            format!(
                "the {} version declares `untranslated: true` in its front matter: {dropped} block{} still in {} {} not reported one by one",
                v.lang.name(),
                if dropped == 1 { "" } else { "s" },
                doc.versions[doc.source].lang.name(),
                if dropped == 1 { "is" } else { "are" },
            ),
            label,
        ));
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// An input problem as a diagnostic of the rule `input-error`, located in the file
/// (at the offending byte when there is one).
pub fn input_error(
    path: &std::path::Path,
    message: &str,
    offset: Option<usize>,
    prefix: Option<&str>,
) -> Diagnostic {
    input_diagnostic(Severity::Error, path, message, offset, prefix)
}

/// An `input-error` diagnostic of the given severity: a note for a file skipped on
/// purpose, a warning for one read despite a problem, an error for one not read.
pub fn input_diagnostic(
    severity: Severity,
    path: &std::path::Path,
    message: &str,
    offset: Option<usize>,
    prefix: Option<&str>,
) -> Diagnostic {
    let text = prefix.unwrap_or("").to_string();
    let file = Arc::new(SourceFile::from_text(path, text));
    let mut at = offset.filter(|_| prefix.is_some()).unwrap_or(0).min(file.text.len());
    while !file.text.is_char_boundary(at) {
        at -= 1;
    }
    input_at(severity, Label::new(&file, Lang::UND, at..at, message), message)
}

/// An `input-error` diagnostic at a label; the message names the file.
fn input_at(severity: Severity, label: Label, message: &str) -> Diagnostic {
    let display = label.file.display.clone();
    Diagnostic::new(INPUT_ERROR, severity, format!("{display}: {message}"), label)
}
