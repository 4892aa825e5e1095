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
mod placeholder_mismatch;
mod script_punctuation;
mod section_extra;
mod section_missing;
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
}

/// One language's blocks in one file (a whole version, or a shared preamble).
pub struct Blocks<'a> {
    pub file: &'a Arc<SourceFile>,
    pub lang: Lang,
    pub blocks: &'a [Block],
    /// Anchors of each block (empty for a shared preamble).
    pub anchors: &'a [Vec<Anchor>],
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
                let none: Vec<Vec<Anchor>> = vec![Vec::new(); blocks.len()];
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
                let ctx =
                    Ctx { doc, src: &doc.versions[doc.source], tgt: &doc.versions[p.tgt], beads: &p.beads };
                check(&ctx, &mut out);
            }
        }
    }
    out
}

type MatchPass<'p> = dyn Fn(&Occ, &Occ) -> bool + 'p;

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

fn same_key(a: &Anchor, b: &Anchor) -> bool {
    a.key == b.key
}

/// Compares the anchors of one kind between source and translation, section by section.
/// Anchors match by key in the same aligned blocks first, then anywhere in the aligned
/// sections, then anywhere in the document (a moved anchor is not a missing one).
/// Sections without a counterpart are left to the section rules.
pub fn compare<'a>(ctx: &Ctx<'a>, kind: Kind, pairing: Pairing) -> Vec<Outcome<'a>> {
    compare_with(ctx, kind, same_key, pairing)
}

/// Like [`compare`], with a test of when two different keys still carry the same value
/// (a month alone against a full date in that month; a time in two zones).
pub fn compare_with<'a>(
    ctx: &Ctx<'a>,
    kind: Kind,
    agree: fn(&Anchor, &Anchor) -> bool,
    pairing: Pairing,
) -> Vec<Outcome<'a>> {
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
                let mut seen = std::collections::HashSet::new();
                occ.retain(|o| seen.insert(o.anchor.key.clone()));
            }
        }
        let mut s_used = vec![false; s.len()];
        let mut t_used = vec![false; t.len()];
        let passes: [&MatchPass; 6] = [
            &|a, b| a.bead == b.bead && a.anchor.key == b.anchor.key,
            &|a, b| a.anchor.key == b.anchor.key,
            &|a, b| a.bead == b.bead && agree(a.anchor, b.anchor),
            &|a, b| agree(a.anchor, b.anchor),
            &|a, b| {
                a.bead == b.bead
                    && match &pairing {
                        Pairing::Similar(f) => f(&a.anchor.key, &b.anchor.key),
                        Pairing::SameBlock => true,
                        Pairing::SameBlockIf(f) => f(a.anchor, b.anchor),
                    }
            },
            &|a, b| match &pairing {
                Pairing::Similar(f) => f(&a.anchor.key, &b.anchor.key),
                Pairing::SameBlock | Pairing::SameBlockIf(_) => false,
            },
        ];
        // A value written the same way on the other side is not missing, even when that
        // language's tables do not read it (an English date quoted in French text). This
        // is settled before unmatched values are paired as changed.
        let verbatim = |v: &Version, r: std::ops::Range<usize>, shown: &str| {
            !shown.is_empty() && v.blocks[r].iter().any(|b| b.text.contains(shown))
        };
        let (src_blocks, tgt_blocks) = (ctx.src.section_blocks(&sb.src), ctx.tgt.section_blocks(&sb.tgt));
        // Dates pair within their aligned block first (same value, agreeing value, then
        // a changed value), and only then anywhere in the section: a month-year changed in
        // a paragraph is found even when the source's value also stands elsewhere (in the
        // translation's title, say). Links and numbers keep looking across the section
        // before pairing two values of one block as changed: any two links or numbers of a
        // block pair, and one moved to the next paragraph is common.
        let order: [usize; 6] = if kind == Kind::Date { [0, 2, 4, 1, 3, 5] } else { [0, 1, 2, 3, 4, 5] };
        for pi in order {
            let pass = passes[pi];
            if pi == 4 && kind != Kind::Link {
                for (i, o) in s.iter().enumerate() {
                    if !s_used[i] && verbatim(ctx.tgt, tgt_blocks.clone(), &o.anchor.shown) {
                        s_used[i] = true;
                        out.push(Outcome::Present(*o));
                    }
                }
                for (j, o) in t.iter().enumerate() {
                    if !t_used[j] && verbatim(ctx.src, src_blocks.clone(), &o.anchor.shown) {
                        t_used[j] = true;
                        out.push(Outcome::Present(*o));
                    }
                }
            }
            for i in 0..s.len() {
                if s_used[i] {
                    continue;
                }
                if let Some(j) = (0..t.len()).find(|&j| !t_used[j] && pass(&s[i], &t[j])) {
                    s_used[i] = true;
                    t_used[j] = true;
                    out.push(if pi < 4 { Outcome::Same(s[i], t[j]) } else { Outcome::Changed(s[i], t[j]) });
                }
            }
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
    let mut added_used = vec![false; added.len()];
    for (i, l) in lost.iter().enumerate() {
        if let Some(j) = (0..added.len()).find(|&j| !added_used[j] && agree(added[j].anchor, l.anchor)) {
            added_used[j] = true;
            out.push(Outcome::Same(*l, added[j]));
        } else {
            out.push(Outcome::Missing { src: *l, at: lost_at[i] });
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

/// Whether two values are close enough to be one value changed (a slip, not a swap).
pub fn similar_values(a: &str, b: &str) -> bool {
    let r = similar::TextDiff::from_chars(a, b).ratio();
    r >= 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

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
