//! # content-missing (warning)
//!
//! A block of the source (a paragraph, a list item, a table row, an example) has no
//! counterpart inside a section that the translation does have.
//!
//! oerlint aligns the blocks of each pair of aligned sections by their anchors (links,
//! emails, numbers, inline code such as commands and keys), their lengths and their
//! positions. A source block that aligns with nothing was dropped: a sentence, a bullet,
//! a command example or a contact line that readers of the translation never see.
//!
//! How sure a finding must be before it is reported:
//!
//! - the section pairing holds, and the pairings on each side of the dropped block
//!   are confident: tied by shared anchors, or by lengths that agree with the
//!   document's own length ratio (estimated per document and language pair, since
//!   Arabic runs shorter than French in characters). The confidence of each bead is
//!   what `oerlint align --blocks` shows; a dropped block is reported when the beads
//!   around it reach 0.35, or 0.2 when the dropped block carries an anchor (a link, a
//!   number, a command) found nowhere in the translation. On the corpus of real
//!   documents this reports about nine in ten dropped paragraphs, bullets and examples,
//!   with about one false finding per fifty documents (docs/alignment.md);
//! - it is not a merge: when a neighbouring translation block is as long as its source
//!   block and the dropped one together (within the length model's noise), the source
//!   block was merged there, not dropped, and nothing is reported. A list item is taken
//!   as merged only into a neighbouring list item whose pair does not fit by itself
//!   (a standard deviation or more of the length model away): a translated item that
//!   runs long is common, an item folded into the next one is not;
//! - it is not moved: a block left alone on the other side of the same section pair
//!   that shares a link, an email, a code or a command with it is the same block in
//!   another place (with the description of a moved command), and so is a block that
//!   is word for word a block of the other side of the section pair (a name in a list
//!   the translation orders otherwise, or turns into a table), or (prose, not a
//!   command) whose every word one block there has (a reference the translation merged
//!   into a longer one, in the source language), unless that block pairs with blocks
//!   that have every one of those words too (the longer of two references of one list,
//!   paired with its own: it holds nothing of the shorter);
//! - the block has some text (three letters or digits at least); headings are left to
//!   the section rules.
//!
//! The finding points at the translation block before which the dropped one belongs
//! (after the last one, at the end of a section) and at the source block.
//!
//! When a neighbouring source block, paired, could as well be the one dropped (two
//! bullets alike in length with no anchor, name or word shared with the translation:
//! the pairing taken costs within 0.25 of the other in the aligner's cost model), the
//! finding names both, with a span on each, and points at the translation block that
//! translates one of them. On the corpus's mutants, under that margin the other block
//! is the dropped one about two times in five.
//!
//! Example: an English command page has seven examples, each a description and its
//! command in inline code; the French page lacks the second. The aligner keeps the
//! other six pairs together by their commands and oerlint reports the description and
//! the command of the second example as missing, before the French third example.

use super::{Ctx, Rule};
use crate::anchors::Kind;
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "content-missing",
    severity: Severity::Warning,
    summary: "a source paragraph, bullet or example has no counterpart in a translated section",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

/// Confidence the beads around a dropped block must reach.
const SURE: f64 = 0.35;
/// The same when the dropped block has anchors the other side lacks entirely.
const SURE_WITH_ANCHORS: f64 = 0.2;
/// How far (in standard deviations of the length model) a neighbouring list item's pair
/// must be from fitting by itself before a lone list item is taken as folded into it.
const LIST_MERGE_DEVIATION: f64 = 1.0;

/// A block left unaligned inside an aligned section pair, that the evidence says was
/// dropped (or added, with `extra`).
pub(super) struct Lone {
    pub block: usize,
    /// Where it belongs on the other side (a block index), and whether before that block.
    pub at: usize,
    pub before: bool,
    /// A neighbouring block of its side, paired, that could as well be the one left
    /// alone (see `align::Bead::or`), and the block it pairs with.
    pub or: Option<(usize, usize)>,
}

pub(super) fn lone_blocks(ctx: &Ctx, extra: bool) -> Vec<Lone> {
    // The document's length ratio over the paired blocks.
    let (mut ls, mut lt) = (0.0, 0.0);
    for sb in ctx.beads {
        for b in sb.blocks.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()) {
            ls += b.src.clone().map(|i| ctx.src.blocks[i].text.chars().count()).sum::<usize>() as f64;
            lt += b.tgt.clone().map(|i| ctx.tgt.blocks[i].text.chars().count()).sum::<usize>() as f64;
        }
    }
    let ratio = if ls > 0.0 && lt > 0.0 { lt / ls } else { 1.0 };
    let (own, other) = if extra { (ctx.tgt, ctx.src) } else { (ctx.src, ctx.tgt) };
    let side = |b: &crate::align::Bead| {
        if extra {
            (b.tgt.clone(), b.src.clone())
        } else {
            (b.src.clone(), b.tgt.clone())
        }
    };
    let len = |v: &crate::check::Version, r: std::ops::Range<usize>| -> f64 {
        r.map(|i| v.blocks[i].text.chars().count() as f64).sum()
    };
    // Strong keys of a block: links, emails, codes, inline code.
    let keys = |v: &crate::check::Version, b: usize| -> Vec<String> {
        let mut k: Vec<String> = v.anchors[b]
            .iter()
            .filter(|a| matches!(a.kind, Kind::Link | Kind::Email | Kind::Code))
            .map(|a| format!("{:?}:{}", a.kind, a.key))
            .collect();
        k.extend(
            crate::check::inline_code_keys(&v.blocks[b])
                .into_iter()
                .filter(|x| x.1 >= 5.0)
                .map(|x| x.0.into()),
        );
        k
    };
    let mut out = Vec::new();
    for sb in ctx.beads {
        if sb.src.is_empty() || sb.tgt.is_empty() {
            continue;
        }
        // Most section pairs have no block left alone on this side: nothing to look at.
        if !sb.blocks.iter().any(|b| {
            let (m, t) = side(b);
            !m.is_empty() && t.is_empty()
        }) {
            continue;
        }
        // Blocks left alone on the other side: one that shares a strong key with a
        // block left alone here is the same block, moved (an example in another place).
        let lone_other: Vec<String> = sb
            .blocks
            .iter()
            .filter_map(|b| {
                let (m, t) = side(b);
                (m.is_empty()).then_some(t)
            })
            .flatten()
            .flat_map(|b| keys(other, b))
            .collect();
        let moved = |b: usize| keys(own, b).iter().any(|k| lone_other.contains(k));
        // The other side's blocks in this section pair, words joined by single spaces: a
        // block that is one of them word for word (a name in a reordered list, a list
        // become a table) is present, in another place.
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = |t: &str| -> std::collections::HashSet<String> {
            t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
        };
        let their_sections = if extra { sb.src.clone() } else { sb.tgt.clone() };
        // Built when a block gets that far.
        let there = std::cell::OnceCell::new();
        let there = || -> &Vec<String> {
            there.get_or_init(|| {
                other.section_blocks(&their_sections).map(|b| flat(&other.blocks[b].text)).collect()
            })
        };
        // The words of each block there, and those of the blocks it pairs with here
        // (none when it is alone).
        type Words = std::collections::HashSet<String>;
        let there_words = std::cell::OnceCell::new();
        let there_words = || -> &Vec<(Words, Words)> {
            there_words.get_or_init(|| {
                other
                    .section_blocks(&their_sections)
                    .map(|b| {
                        let pair: Words = sb
                            .blocks
                            .iter()
                            .filter(|x| side(x).1.contains(&b))
                            .flat_map(|x| side(x).0)
                            .flat_map(|m| words(&own.blocks[m].text))
                            .collect();
                        (words(&other.blocks[b].text), pair)
                    })
                    .collect()
            })
        };
        for (i, bead) in sb.blocks.iter().enumerate() {
            let (mine, theirs) = side(bead);
            if mine.is_empty() || !theirs.is_empty() {
                continue;
            }
            let paired = |b: &&crate::align::Bead| !b.src.is_empty() && !b.tgt.is_empty();
            let before = sb.blocks[..i].iter().rev().find(paired);
            let after = sb.blocks[i + 1..].iter().find(paired);
            let Some(anchor) = after.or(before) else { continue };
            for block in mine.clone() {
                let b = &own.blocks[block];
                // A table cell is not a block of content: cells move with their column
                // when a translation orders the columns otherwise, and their values are
                // compared by the value rules.
                if b.is_heading()
                    || b.kind == crate::blocks::BlockKind::TableCell
                    || b.text.chars().filter(|c| c.is_alphanumeric()).count() < 3
                {
                    continue;
                }
                // Moved, or the description of a moved command.
                let next_moved = !b.code_only
                    && own.blocks.get(block + 1).is_some_and(|n| n.code_only)
                    && sb
                        .blocks
                        .get(i + 1)
                        .is_some_and(|n| side(n).1.is_empty() && side(n).0.contains(&(block + 1)))
                    && moved(block + 1);
                if moved(block) || next_moved {
                    continue;
                }
                if there().contains(&flat(&b.text)) {
                    continue;
                }
                // Every word of it in one block of the other side (a reference merged
                // into a longer one, a name list kept in the source language): present.
                // Not for commands, which differ by one argument. A block there that
                // pairs with blocks here must have a word of this one that they lack:
                // two references of one list share most words (`Cheat Sheet: Logging`
                // and `Cheat Sheet: Logging Vocabulary`), and the longer one, paired
                // with its own, holds nothing of the shorter.
                let mine_words = words(&b.text);
                if !b.code_only
                    && mine_words.len() >= 2
                    && there_words().iter().any(|(t, pair)| {
                        mine_words.iter().all(|w| t.contains(w))
                            && (pair.is_empty() || mine_words.iter().any(|w| !pair.contains(w)))
                    })
                {
                    continue;
                }
                let absent = own.anchors[block].iter().any(|a| {
                    !other.anchors.iter().flatten().any(|x| x.kind == a.kind && x.key == a.key)
                        && !other
                            .blocks
                            .iter()
                            .any(|x| !a.shown.is_empty() && x.text.contains(a.shown.as_str()))
                });
                let need = if absent { SURE_WITH_ANCHORS } else { SURE };
                if bead.confidence < need {
                    continue;
                }
                // A merge the aligner did not take: a neighbour on the other side is as
                // long as its own pair plus this block.
                let merged = [before, after].into_iter().flatten().any(|n| {
                    let (nm, nt) = side(n);
                    if nm.len() != 1 || nt.len() != 1 {
                        return false;
                    }
                    let (lm, lo) = (len(own, nm.clone()), len(other, nt));
                    let l = len(own, block..block + 1);
                    let c = if extra { 1.0 / ratio } else { ratio };
                    let alone = (lo - c * lm).abs();
                    let with = (lo - c * (lm + l)).abs();
                    // A list item is folded into a neighbouring item of its list, if
                    // anywhere (never into a paragraph, a heading or a command: the
                    // aligner merges blocks of one kind only), and only when that item's
                    // pair does not fit by itself: a translation of an item that runs
                    // long is no evidence that the next item went into it.
                    if b.kind == crate::blocks::BlockKind::ListItem
                        && (own.blocks[nm.start].kind != crate::blocks::BlockKind::ListItem
                            || crate::align::length_deviation(lm, lo, c).abs() < LIST_MERGE_DEVIATION)
                    {
                        return false;
                    }
                    !absent && with < alone && with < 0.25 * c * (lm + l)
                });
                if merged {
                    continue;
                }
                let (at, is_before) = if after.is_some() {
                    let (_, t) = side(anchor);
                    (t.start, true)
                } else {
                    let (_, t) = side(anchor);
                    (t.end - 1, false)
                };
                // Named too when its neighbour could as well be the one left alone.
                let or = (bead.or != 0 && mine.len() == 1)
                    .then(|| sb.blocks.get(i.wrapping_add_signed(bead.or as isize)))
                    .flatten()
                    .filter(|n| n.src.len() == 1 && n.tgt.len() == 1)
                    .map(|n| (side(n).0.start, side(n).1.start));
                out.push(Lone { block, at, before: is_before, or });
            }
        }
    }
    out
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (src, tgt) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for Lone { block, at, before, or } in lone_blocks(ctx, false) {
        let preview = ctx.src.blocks[block].preview(60);
        let d = match or {
            None => {
                let where_ = if before { "before this" } else { "after this" };
                let primary = ctx.tgt.block_label(at, format!("the {src} block belongs {where_}"));
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("content missing in {tgt}: the {src} block “{preview}” has no counterpart"),
                    primary,
                )
                .related(ctx.src.block_label(block, format!("{src} block with no {tgt} counterpart")))
            }
            Some((other, pair)) => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "content missing in {tgt}: the {src} block “{preview}”, or “{}” next to it, has no \
                     counterpart (the {tgt} block paired with one fits either as well)",
                    ctx.src.blocks[other].preview(60)
                ),
                ctx.tgt.block_label(pair, format!("this block translates one of the two {src} blocks")),
            )
            .related(ctx.src.block_label(
                block,
                format!("this {src} block, or the other of the two, has no {tgt} counterpart"),
            ))
            .related(ctx.src.block_label(other, format!("or this {src} block")))
            .note(ALIKE),
        };
        out.push(d.expected_found(preview, ""));
    }
}

/// The note of a finding that names two blocks.
pub(super) const ALIKE: &str = "the two blocks are alike in length and share no anchor, name or word with the \
     other language: which one is gone, only their meaning tells (`oerlint align --blocks` shows the pairing)";
