//! Rules. Each rule is one file here with a `//!` doc comment (printed by
//! `oerlint explain RULE`), an id, a default severity, and a check over either one
//! language version's blocks or an aligned source/translation pair.

use crate::anchors::{Anchor, Kind};
use crate::blocks::Block;
use crate::check::{Document, SectionBead, Version};
use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::source::SourceFile;
use std::sync::Arc;

mod bidi_control;
mod bidi_order;
mod code_mismatch;
mod confusable;
mod content_extra;
mod content_missing;
mod date_mismatch;
mod dates;
mod deadline_inconsistent;
mod email_mismatch;
mod inline_code_mismatch;
mod link_malformed;
mod link_mismatch;
mod link_placeholder;
mod mixed_script;
mod number_mismatch;
mod per_block;
mod placeholder_mismatch;
mod script_punctuation;
mod section_extra;
mod section_missing;
mod section_moved;
mod slots;
mod time_mismatch;
mod untranslated;
mod unused_suppression;
mod weekday_mismatch;

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// A source version, one translation, and their alignment.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub src: &'a Version,
    pub tgt: &'a Version,
    pub beads: &'a [SectionBead],
    /// Data of the source's and the translation's blocks that several rules read.
    pub src_data: &'a per_block::PerBlock,
    pub tgt_data: &'a per_block::PerBlock,
}

/// One language's blocks in one file (a whole version, or a shared preamble).
pub struct Blocks<'a> {
    pub file: &'a Arc<SourceFile>,
    pub lang: Lang,
    pub blocks: &'a [Block],
    /// Anchors of each block (empty for a shared preamble).
    pub anchors: &'a [Box<[Anchor]>],
    /// The date the document is issued on, when known.
    pub issue_date: Option<jiff::civil::Date>,
    pub settings: &'a crate::config::Settings,
    /// The source version's text, when these blocks are a translation's; `None` for the
    /// source itself and for shared preambles.
    pub source_text: Option<&'a str>,
    /// Whether these blocks are the source version's.
    pub is_source: bool,
}

pub type PairCheck = fn(&Ctx, &mut Vec<Diagnostic>);
pub type BlocksCheck = fn(&Blocks, &mut Vec<Diagnostic>);

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line for `oerlint rules`.
    pub summary: &'static str,
    pub pair: Option<PairCheck>,
    pub blocks: Option<BlocksCheck>,
    /// Off-by-default rules run only when selected.
    pub default_enabled: bool,
}

impl Rule {
    /// The rule's documentation (its file's doc comment).
    pub fn doc(&self) -> &'static str {
        rule_doc(self.id).unwrap_or(self.summary)
    }
}

/// Every rule, in the order `oerlint rules` lists them.
pub fn all() -> &'static [Rule] {
    &[
        section_missing::RULE,
        section_extra::RULE,
        section_moved::RULE,
        content_missing::RULE,
        content_extra::RULE,
        email_mismatch::RULE,
        code_mismatch::RULE,
        link_mismatch::RULE,
        link_placeholder::RULE,
        link_malformed::RULE,
        date_mismatch::RULE,
        weekday_mismatch::RULE,
        time_mismatch::RULE,
        number_mismatch::RULE,
        placeholder_mismatch::RULE,
        inline_code_mismatch::RULE,
        deadline_inconsistent::RULE,
        mixed_script::RULE,
        confusable::RULE,
        bidi_control::RULE,
        bidi_order::RULE,
        untranslated::RULE,
        script_punctuation::RULE,
        unused_suppression::RULE,
    ]
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().iter().find(|r| r.id == id)
}

/// `oerlint rules`: every rule, its default level and summary, in columns that line up
/// whatever the ids' display width.
pub fn table() -> String {
    use unicode_width::UnicodeWidthStr;
    let level = |r: &Rule| if r.default_enabled { r.severity.as_str() } else { "off" };
    let w_id = all().iter().map(|r| r.id.width()).max().unwrap_or(4).max(4);
    let w_level = all().iter().map(|r| level(r).width()).max().unwrap_or(5).max(5);
    let row = |a: &str, b: &str, c: &str| {
        format!("{a}{}  {b}{}  {c}\n", " ".repeat(w_id - a.width()), " ".repeat(w_level - b.width()))
    };
    let mut out = row("rule", "level", "summary");
    for r in all() {
        out.push_str(&row(r.id, level(r), r.summary));
    }
    out
}

/// `oerlint rules --format json`: id, default level, summary and documentation of each.
pub fn json() -> String {
    let rules: Vec<serde_json::Value> = all()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "level": if r.default_enabled { r.severity.as_str() } else { "off" },
                "severity": r.severity.as_str(),
                "default_enabled": r.default_enabled,
                "summary": r.summary,
                "documentation": r.doc(),
                "help_uri": crate::formats::help_uri(r.id),
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rules).expect("JSON of plain data");
    s.push('\n');
    s
}

/// docs/rules.md: every rule's documentation, as `oerlint explain` prints it, under a
/// heading that is its id (so `docs/rules.md#code-mismatch` links to it; SARIF `helpUri`).
pub fn docs_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rules' documentation (`oerlint explain RULE`); \
         tests/habits.rs checks it is current: UPDATE_DOCS=1 cargo test --test habits -->\n\n\
         | rule | default level | summary |\n|---|---|---|\n",
    );
    for r in all() {
        let level = if r.default_enabled { r.severity.as_str() } else { "off" };
        out.push_str(&format!("| [{0}](#{0}) | {level} | {1} |\n", r.id, r.summary.replace('|', "\\|")));
    }
    for r in all() {
        let doc = r.doc();
        let body =
            doc.split_once('\n').map_or("", |(first, rest)| if first.starts_with("# ") { rest } else { doc });
        let level = if r.default_enabled { r.severity.as_str() } else { "off by default" };
        out.push_str(&format!("\n## {}\n\nDefault level: {level}.\n{}\n", r.id, body.trim_end()));
    }
    out.push_str(
        "\n## input-error\n\nNot a rule of the text: a file could not be read (missing, unreadable, \
         empty, binary, not UTF-8, too large), a document could not be checked (two versions in one \
         language, no version in the source language), or part of a file could not be read as text \
         (a code fence never closed, an unterminated comment: a note naming what was skipped). \
         Errors make `oerlint check` exit with status 2; notes do not change the exit status.\n",
    );
    out
}

/// The rule whose id is nearest to a mistyped one (`code-mismach` → `code-mismatch`).
pub fn suggest(id: &str) -> Option<&'static str> {
    let id = id.trim().to_ascii_lowercase();
    all()
        .iter()
        .map(|r| (strsim::damerau_levenshtein(&id, r.id), r.id))
        .filter(|(d, r)| *d <= 3.max(r.len() / 4) && *d < r.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, r)| r)
}

/// "unknown rule `x`; did you mean `y`?", for every place a rule is named.
pub fn unknown_rule(id: &str) -> String {
    match suggest(id) {
        Some(s) => format!("unknown rule `{id}`; did you mean `{s}`?"),
        None => format!("unknown rule `{id}`; `oerlint rules` lists them"),
    }
}

/// Which rules run: the default set, or `--select`, less `--ignore`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    /// Levels from the configuration (`off`, or on at a level).
    pub levels: Vec<(String, crate::config::Level)>,
}

impl Selection {
    pub fn enabled(&self, rule: &Rule) -> bool {
        let configured = self.levels.iter().find(|(id, _)| id == rule.id).map(|(_, l)| *l);
        let selected = match (&self.select, configured) {
            (Some(ids), _) => ids.iter().any(|i| i == rule.id || i == "all"),
            (None, Some(level)) => level != crate::config::Level::Off,
            (None, None) => rule.default_enabled,
        };
        selected && !self.ignore.iter().any(|i| i == rule.id)
    }

    /// Rule ids in the selection that no rule has.
    pub fn unknown(&self) -> Vec<String> {
        self.select
            .iter()
            .flatten()
            .chain(self.ignore.iter())
            .filter(|id| *id != "all" && find(id).is_none())
            .cloned()
            .collect()
    }
}

/// Runs the selected rules over a document.
pub fn run(doc: &Document, selection: &Selection) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The source version's own text (a one-file document holds every language in one
    // file, so the file's text would not do).
    let source_text: String = doc
        .versions
        .get(doc.source)
        .map(|v| v.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"))
        .unwrap_or_default();
    let slots = doc.settings.translatable_slots;
    let data: Vec<per_block::PerBlock> =
        doc.versions.iter().map(|v| per_block::PerBlock::new(&v.blocks, slots)).collect();
    for rule in all().iter().filter(|r| selection.enabled(r)) {
        if let Some(check) = rule.blocks {
            for (i, v) in doc.versions.iter().enumerate() {
                let is_source = i == doc.source;
                let b = Blocks {
                    file: &v.file,
                    lang: v.lang,
                    blocks: &v.blocks,
                    anchors: &v.anchors,
                    issue_date: doc.issue_date,
                    settings: &doc.settings,
                    source_text: (!is_source).then_some(source_text.as_str()),
                    is_source,
                };
                check(&b, &mut out);
            }
            for (file, blocks) in &doc.shared {
                let none: Vec<Box<[Anchor]>> = vec![Box::default(); blocks.len()];
                let b = Blocks {
                    file,
                    lang: Lang::UND,
                    blocks,
                    anchors: &none,
                    issue_date: doc.issue_date,
                    settings: &doc.settings,
                    source_text: None,
                    is_source: false,
                };
                check(&b, &mut out);
            }
        }
        if let Some(check) = rule.pair {
            for p in &doc.pairings {
                let ctx = Ctx {
                    doc,
                    src: &doc.versions[doc.source],
                    tgt: &doc.versions[p.tgt],
                    beads: &p.beads,
                    src_data: &data[doc.source],
                    tgt_data: &data[p.tgt],
                };
                check(&ctx, &mut out);
            }
        }
    }
    out
}

/// An anchor occurrence inside an aligned section pair.
#[derive(Debug, Clone, Copy)]
pub struct Occ<'a> {
    pub anchor: &'a Anchor,
    pub block: usize,
    /// Index of the block bead that holds it.
    bead: usize,
    section: usize,
}

/// How one anchor of the source compares with the translation.
#[derive(Debug)]
pub enum Outcome<'a> {
    Same(Occ<'a>, Occ<'a>),
    /// In the source, not in the translation; `at` is the translation block where it belongs.
    Missing {
        src: Occ<'a>,
        at: usize,
    },
    /// In the translation, not in the source; `near` is the source block it corresponds to.
    Extra {
        tgt: Occ<'a>,
        near: usize,
    },
    /// A source anchor and a translation anchor at the same place with different values.
    Changed(Occ<'a>, Occ<'a>),
    /// An anchor whose text stands verbatim on the other side, where that language's
    /// tables do not read it as a value (an English date quoted in French): not missing.
    Present(Occ<'a>),
}

/// When a missing and an extra anchor are one changed anchor.
pub enum Pairing {
    /// Only when the values are similar (`similar` decides).
    Similar(fn(&str, &str) -> bool),
    /// Whenever they stand in the same aligned block (links: any target can be replaced).
    SameBlock,
    /// When they stand in the same aligned block and the test holds (dates of one shape).
    SameBlockIf(fn(&Anchor, &Anchor) -> bool),
}

/// Compares the anchors of one kind between source and translation, section by section.
/// Anchors match by key in the same aligned blocks first, then anywhere in the aligned
/// sections, then anywhere in the document (a moved anchor is not a missing one).
/// Sections without a counterpart are left to the section rules.
pub fn compare<'a>(ctx: &Ctx<'a>, kind: Kind, pairing: Pairing) -> Vec<Outcome<'a>> {
    matching(ctx, kind, Agree::Key, pairing)
}

/// Like [`compare`], with a test of when two different keys still carry the same value
/// (a month alone against a full date in that month; a time in two zones).
pub fn compare_with<'a>(
    ctx: &Ctx<'a>,
    kind: Kind,
    agree: fn(&Anchor, &Anchor) -> bool,
    pairing: Pairing,
) -> Vec<Outcome<'a>> {
    matching(ctx, kind, Agree::Test(agree), pairing)
}

/// When two anchors carry the same value.
#[derive(Clone, Copy)]
enum Agree {
    /// Same key: matched through a hash index.
    Key,
    /// A test of two anchors (which holds at least for the same key).
    Test(fn(&Anchor, &Anchor) -> bool),
}

/// Up to this many candidate pairs, a pass that tests pairs tries every one (the first
/// free candidate in order wins). Above it, each anchor tries only the `WINDOW`
/// candidates on each side of its proportional position, so that matching stays linear
/// on hostile input (20,000 different numbers in one paragraph) while documents of
/// ordinary size are matched exactly as before.
const EXACT_PAIRS: usize = 1 << 16;
const WINDOW: usize = 8;

/// The first free candidate in `range` that `ok` accepts; `rank` is the anchor's
/// position among the `of` anchors looking into this range.
fn first_free(
    range: std::ops::Range<usize>,
    rank: usize,
    of: usize,
    used: &[bool],
    mut ok: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let exact = range.len().saturating_mul(of) <= EXACT_PAIRS;
    let window = if exact {
        range
    } else {
        let p = range.start + rank * range.len() / of.max(1);
        p.saturating_sub(WINDOW).max(range.start)..(p + WINDOW + 1).min(range.end)
    };
    window.into_iter().find(|&j| !used[j] && ok(j))
}

/// For each pattern, whether it occurs in one of the texts (one Aho–Corasick pass over
/// the texts when there are many patterns, rather than a search per pattern).
fn occurring(patterns: &[&str], texts: &[&str]) -> Vec<bool> {
    let size: usize = texts.iter().map(|t| t.len()).sum();
    if patterns.len().saturating_mul(size) <= 1 << 20 {
        return patterns.iter().map(|p| !p.is_empty() && texts.iter().any(|t| t.contains(p))).collect();
    }
    let mut found = vec![false; patterns.len()];
    let wanted: Vec<(usize, &str)> =
        patterns.iter().copied().enumerate().filter(|(_, p)| !p.is_empty()).collect();
    let Ok(ac) = aho_corasick::AhoCorasick::new(wanted.iter().map(|(_, p)| p)) else {
        return patterns.iter().map(|p| !p.is_empty() && texts.iter().any(|t| t.contains(p))).collect();
    };
    for t in texts {
        for m in ac.find_overlapping_iter(*t) {
            found[wanted[m.pattern().as_usize()].0] = true;
        }
    }
    found
}

/// Matches free anchors of `s` with free anchors of `t` of the same key, in order: each
/// takes the first free one, as a scan would, through an index.
fn match_keys<'a, K: std::hash::Hash + Eq>(
    s: &[Occ<'a>],
    t: &[Occ<'a>],
    s_used: &mut [bool],
    t_used: &mut [bool],
    key: impl Fn(&Occ<'a>) -> K,
    mut matched: impl FnMut(usize, usize),
) {
    let mut free: std::collections::HashMap<
        K,
        std::collections::VecDeque<usize>,
        foldhash::fast::RandomState,
    > = Default::default();
    for (j, o) in t.iter().enumerate().filter(|(j, _)| !t_used[*j]) {
        free.entry(key(o)).or_default().push_back(j);
    }
    for i in 0..s.len() {
        if s_used[i] {
            continue;
        }
        if let Some(j) = free.get_mut(&key(&s[i])).and_then(|q| q.pop_front()) {
            s_used[i] = true;
            t_used[j] = true;
            matched(i, j);
        }
    }
}

fn matching<'a>(ctx: &Ctx<'a>, kind: Kind, agree: Agree, pairing: Pairing) -> Vec<Outcome<'a>> {
    let mut out = Vec::new();
    let mut lost: Vec<Occ<'a>> = Vec::new();
    let mut added: Vec<Occ<'a>> = Vec::new();
    let mut lost_at = Vec::new();
    let mut added_near = Vec::new();
    for (si, sb) in ctx.beads.iter().enumerate() {
        if sb.src.is_empty() || sb.tgt.is_empty() {
            continue;
        }
        let collect = |v: &'a Version, pick: fn(&crate::align::Bead) -> std::ops::Range<usize>| {
            let mut occ = Vec::new();
            for (bi, bead) in sb.blocks.iter().enumerate() {
                for block in pick(bead) {
                    for a in v.anchors[block].iter().filter(|a| a.kind == kind) {
                        occ.push(Occ { anchor: a, block, bead: bi, section: si });
                    }
                }
            }
            occ
        };
        let mut s = collect(ctx.src, |b| b.src.clone());
        let mut t = collect(ctx.tgt, |b| b.tgt.clone());
        // Emails and codes are compared as sets: writing an address twice is not an error.
        // Links are counted: a second link lost is a second link lost.
        if kind != Kind::Link {
            for occ in [&mut s, &mut t] {
                let mut seen: std::collections::HashSet<&str, foldhash::fast::RandomState> =
                    Default::default();
                occ.retain(|o| seen.insert(o.anchor.key.as_str()));
            }
        }
        let mut s_used = vec![false; s.len()];
        let mut t_used = vec![false; t.len()];
        // Each side's anchors are in bead order: the range of each bead's anchors.
        let ranges = |occ: &[Occ]| {
            let mut r = vec![0..0; sb.blocks.len()];
            for (k, o) in occ.iter().enumerate() {
                if r[o.bead].is_empty() {
                    r[o.bead] = k..k;
                }
                r[o.bead].end = k + 1;
            }
            r
        };
        let (s_beads, t_beads) = (ranges(&s), ranges(&t));
        // A pass over pairs: in the same blocks (`local`) or anywhere in the sections.
        let pass = |out: &mut Vec<Outcome<'a>>,
                    local: bool,
                    same: bool,
                    s_used: &mut [bool],
                    t_used: &mut [bool],
                    ok: &dyn Fn(&Occ, &Occ) -> bool| {
            for i in 0..s.len() {
                if s_used[i] {
                    continue;
                }
                let (range, rank, of) = if local {
                    let b = s[i].bead;
                    (t_beads[b].clone(), i - s_beads[b].start, s_beads[b].len())
                } else {
                    (0..t.len(), i, s.len())
                };
                if let Some(j) = first_free(range, rank, of, t_used, |j| ok(&s[i], &t[j])) {
                    s_used[i] = true;
                    t_used[j] = true;
                    out.push(if same { Outcome::Same(s[i], t[j]) } else { Outcome::Changed(s[i], t[j]) });
                }
            }
        };
        // A value written the same way on the other side is not missing, even when that
        // language's tables do not read it (an English date quoted in French text). This
        // is settled before unmatched values are paired as changed.
        let verbatim = |out: &mut Vec<Outcome<'a>>, s_used: &mut [bool], t_used: &mut [bool]| {
            if kind == Kind::Link {
                return;
            }
            let texts = |v: &'a Version, r: std::ops::Range<usize>| -> Vec<&'a str> {
                v.blocks[r].iter().map(|b| b.text.as_str()).collect()
            };
            let (src_texts, tgt_texts) = (
                texts(ctx.src, ctx.src.section_blocks(&sb.src)),
                texts(ctx.tgt, ctx.tgt.section_blocks(&sb.tgt)),
            );
            let shown = |occ: &[Occ<'a>], used: &[bool]| -> Vec<&'a str> {
                occ.iter().zip(used).map(|(o, &u)| if u { "" } else { o.anchor.shown.as_str() }).collect()
            };
            let in_tgt = occurring(&shown(&s, s_used), &tgt_texts);
            let in_src = occurring(&shown(&t, t_used), &src_texts);
            for (i, o) in s.iter().enumerate() {
                if !s_used[i] && in_tgt[i] {
                    s_used[i] = true;
                    out.push(Outcome::Present(*o));
                }
            }
            for (j, o) in t.iter().enumerate() {
                if !t_used[j] && in_src[j] {
                    t_used[j] = true;
                    out.push(Outcome::Present(*o));
                }
            }
        };
        let paired = |a: &Occ, b: &Occ| match &pairing {
            Pairing::Similar(f) => f(&a.anchor.key, &b.anchor.key),
            Pairing::SameBlock => true,
            Pairing::SameBlockIf(f) => f(a.anchor, b.anchor),
        };
        fn same_key_local<'b>(o: &Occ<'b>) -> (usize, &'b str) {
            (o.bead, o.anchor.key.as_str())
        }
        fn same_key<'b>(o: &Occ<'b>) -> &'b str {
            o.anchor.key.as_str()
        }
        let same = |out: &mut Vec<Outcome<'a>>, i: usize, j: usize| out.push(Outcome::Same(s[i], t[j]));
        if kind == Kind::Date {
            // Dates pair within their aligned block first (same value, agreeing value, then
            // a changed value), and only then anywhere in the section: a month-year changed
            // in a paragraph is found even when the source's value also stands elsewhere (in
            // the translation's title, say).
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key_local, |i, j| same(&mut out, i, j));
            if let Agree::Test(f) = agree {
                pass(&mut out, true, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
            }
            verbatim(&mut out, &mut s_used, &mut t_used);
            pass(&mut out, true, false, &mut s_used, &mut t_used, &paired);
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key, |i, j| same(&mut out, i, j));
            if let Agree::Test(f) = agree {
                pass(&mut out, false, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
            }
        } else {
            // Links and numbers look across the section before pairing two values of one
            // block as changed: any two links or numbers of a block pair, and one moved to
            // the next paragraph is common.
            // 1. The same key in the same aligned blocks, 2. anywhere in the sections.
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key_local, |i, j| same(&mut out, i, j));
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key, |i, j| same(&mut out, i, j));
            // 3. Values that agree under another key.
            if let Agree::Test(f) = agree {
                pass(&mut out, true, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
                pass(&mut out, false, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
            }
            verbatim(&mut out, &mut s_used, &mut t_used);
            // 4. Different values at the same place: one value changed.
            pass(&mut out, true, false, &mut s_used, &mut t_used, &paired);
        }
        if let Pairing::Similar(f) = &pairing {
            pass(&mut out, false, false, &mut s_used, &mut t_used, &|a, b| f(&a.anchor.key, &b.anchor.key));
        }
        for (_, o) in s.iter().enumerate().filter(|(i, _)| !s_used[*i]) {
            lost.push(*o);
            lost_at.push(
                place(&sb.blocks, o.bead, |b| b.tgt.clone()).unwrap_or(ctx.tgt.section_blocks(&sb.tgt).start),
            );
        }
        for (_, o) in t.iter().enumerate().filter(|(j, _)| !t_used[*j]) {
            added.push(*o);
            added_near.push(
                place(&sb.blocks, o.bead, |b| b.src.clone()).unwrap_or(ctx.src.section_blocks(&sb.src).start),
            );
        }
    }
    // Anchors that moved to another section are not missing.
    let mut lost_used = vec![false; lost.len()];
    let mut added_used = vec![false; added.len()];
    let mut moved: Vec<(usize, usize)> = Vec::new();
    match agree {
        Agree::Key => match_keys(
            &lost,
            &added,
            &mut lost_used,
            &mut added_used,
            |o| o.anchor.key.as_str(),
            |i, j| moved.push((i, j)),
        ),
        Agree::Test(f) => {
            for i in 0..lost.len() {
                let ok = |j: usize| f(added[j].anchor, lost[i].anchor);
                if let Some(j) = first_free(0..added.len(), i, lost.len(), &added_used, ok) {
                    lost_used[i] = true;
                    added_used[j] = true;
                    moved.push((i, j));
                }
            }
        }
    }
    let mut partner = vec![None; lost.len()];
    for (i, j) in moved {
        partner[i] = Some(j);
    }
    for (i, l) in lost.iter().enumerate() {
        match partner[i] {
            Some(j) => out.push(Outcome::Same(*l, added[j])),
            None => out.push(Outcome::Missing { src: *l, at: lost_at[i] }),
        }
    }
    for (j, a) in added.iter().enumerate() {
        if !added_used[j] {
            out.push(Outcome::Extra { tgt: *a, near: added_near[j] });
        }
    }
    out.sort_by_key(|o| match o {
        Outcome::Same(a, _) | Outcome::Changed(a, _) | Outcome::Present(a) => {
            (a.section, a.block, a.anchor.span.start)
        }
        Outcome::Missing { src, .. } => (src.section, src.block, src.anchor.span.start),
        Outcome::Extra { tgt, .. } => (tgt.section, usize::MAX, tgt.anchor.span.start),
    });
    out
}

/// The block on one side where a bead's content belongs: the bead's own first block, or
/// the nearest block of an earlier (then later) bead.
fn place(
    beads: &[crate::align::Bead],
    bead: usize,
    side: fn(&crate::align::Bead) -> std::ops::Range<usize>,
) -> Option<usize> {
    let own = side(&beads[bead]);
    if !own.is_empty() {
        return Some(own.start);
    }
    beads[..bead]
        .iter()
        .rev()
        .map(side)
        .find(|r| !r.is_empty())
        .map(|r| r.end - 1)
        .or_else(|| beads[bead + 1..].iter().map(side).find(|r| !r.is_empty()).map(|r| r.start))
}

/// A character-level diff of two values, e.g. `CL/43[9→2]8`.
pub fn char_diff(expected: &str, found: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_chars(expected, found);
    let mut out = String::new();
    let mut del = String::new();
    let mut ins = String::new();
    let flush = |out: &mut String, del: &mut String, ins: &mut String| {
        if !del.is_empty() || !ins.is_empty() {
            out.push_str(&format!("[{}→{}]", del, ins));
            del.clear();
            ins.clear();
        }
    };
    for c in diff.iter_all_changes() {
        match c.tag() {
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins);
                out.push_str(c.value());
            }
            ChangeTag::Delete => del.push_str(c.value()),
            ChangeTag::Insert => ins.push_str(c.value()),
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// The difference between two values as a person would say it: two characters swapped,
/// one changed, one added or dropped; else the bracketed character diff.
pub fn describe_difference(expected: &str, found: &str) -> String {
    let e: Vec<char> = expected.chars().collect();
    let f: Vec<char> = found.chars().collect();
    let kind = |c: char| {
        if c.is_ascii_digit() {
            "digit"
        } else if c.is_alphabetic() {
            "letter"
        } else {
            "character"
        }
    };
    let plural =
        |a: char, b: char| if kind(a) == kind(b) { format!("{}s", kind(a)) } else { "characters".into() };
    if e.len() == f.len() {
        let diff: Vec<usize> = (0..e.len()).filter(|&i| e[i] != f[i]).collect();
        match diff[..] {
            [i, j] if e[i] == f[j] && e[j] == f[i] => {
                return format!(
                    "the {} {} and {} are swapped: {expected} became {found}",
                    plural(e[i], e[j]),
                    e[i],
                    e[j]
                );
            }
            [i] => {
                return format!(
                    "one {} differs, {} → {}: {}",
                    kind(e[i]),
                    e[i],
                    f[i],
                    char_diff(expected, found)
                );
            }
            _ => {}
        }
    } else if e.len() + 1 == f.len() || f.len() + 1 == e.len() {
        let (long, short, added) = if f.len() > e.len() { (&f, &e, true) } else { (&e, &f, false) };
        if let Some(k) = (0..long.len()).find(|&k| long[..k] == short[..k] && long[k + 1..] == short[k..]) {
            let c = long[k];
            let verb = if added { "added" } else { "dropped" };
            return format!("a {} {c} is {verb}: {}", kind(c), char_diff(expected, found));
        }
    }
    char_diff(expected, found)
}

/// Whether two values are close enough to be one value changed (a slip, not a swap).
pub fn similar_values(a: &str, b: &str) -> bool {
    let r = similar::TextDiff::from_chars(a, b).ratio();
    r >= 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_read_for_a_person() {
        assert_eq!(
            describe_difference("CL/4398", "CL/4389"),
            "the digits 9 and 8 are swapped: CL/4398 became CL/4389"
        );
        assert_eq!(describe_difference("CL/4398", "CL/4328"), "one digit differs, 9 → 2: CL/43[9→2]8");
        assert_eq!(describe_difference("CL/4398", "CL/43988"), "a digit 8 is added: CL/4398[→8]");
        assert_eq!(describe_difference("216 EX/5", "216 EX5"), "a character / is dropped: 216 EX[/→]5");
        assert_eq!(describe_difference("ab-12", "xy-34"), char_diff("ab-12", "xy-34"));
    }

    #[test]
    fn char_diff_shows_the_slip() {
        assert_eq!(char_diff("CL/4398", "CL/4328"), "CL/43[9→2]8");
        assert_eq!(char_diff("a@b.org", "a@b.org"), "a@b.org");
        assert_eq!(char_diff("ab", "abc"), "ab[→c]");
    }

    #[test]
    fn every_rule_is_documented() {
        for r in all() {
            assert!(r.doc().starts_with(&format!("# {} (", r.id)), "{} doc has no title", r.id);
            assert!(r.doc().len() > 200, "{} has no real documentation", r.id);
            assert!(r.doc().contains("Example"), "{} doc has no example", r.id);
        }
        let mut ids: Vec<_> = all().iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all().len());
    }
}
