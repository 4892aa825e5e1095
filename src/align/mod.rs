//! Alignment of two sequences (sections, or blocks within aligned sections) by dynamic
//! programming over beads (1-1, 1-0, 0-1, 2-1, 1-2, and up to 3-1/1-3 for blocks).
//!
//! The cost of a bead combines a Gale–Church length term (calibrated by the document's
//! own length ratio), the distance between relative positions, and the weighted Dice
//! similarity of the anchors both sides carry. Shared anchors outweigh position, so a
//! dropped or merged section does not shift the rest.

mod cost;
mod evidence;
mod explain;
mod moved;
mod search;
mod side;
#[cfg(test)]
mod tests;

pub use cost::length_deviation;
pub use moved::{moved, moved_and_swapped};

use cost::Ratio;
use evidence::link_pins;
use explain::explain;
use search::{dp, Memo, FULL_TABLE_CELLS};
use side::{Ids, Side};
use std::borrow::Cow;
use std::ops::Range;

/// What the aligner knows of one unit. Its lists are borrowed where the caller keeps them
/// already (the pairing's per-version units: a run of blocks' cognates and stems, one
/// block's keys), not copied for every alignment that reads them.
#[derive(Debug, Clone, Default)]
pub struct Item<'a> {
    /// Length in characters.
    pub len: f64,
    /// Normalised anchor keys with their weights (compact strings: most keys are short
    /// and need no allocation of their own).
    pub anchors: Cow<'a, [(compact_str::CompactString, f64)]>,
    /// Names and acronyms kept as they are across languages: shared ones make a pair
    /// likelier, unshared ones say nothing (they may be plain capitalised words).
    pub cognates: Cow<'a, [compact_str::CompactString]>,
    pub heading: bool,
    /// Hard keys: a custom heading id, a heading written the same in every language (a
    /// technical key, a code, a number such as `A01:2021` or `4.b`), a step number. A
    /// pin that occurs once on each side ties its two units together (a rung): pairing
    /// either with anything else, or leaving it unaligned, costs `Params::pin`.
    /// Borrowed from the version's units where it has them (headings, code lines): not
    /// copied for every alignment that reads them.
    pub pins: Cow<'a, [String]>,
    /// The unit is code only (a command line): it pairs with code and merges with
    /// nothing but code.
    pub code: bool,
    /// The kind of unit (heading, list item, code, other text): the parts of a merge
    /// are of one kind (a list item does not merge with the paragraph before it).
    pub shape: u8,
    /// Word stems (the first four letters of longer Latin-script words), after Simard
    /// et al.: related languages share many (`test`/`testez`, `chan`ges/`chan`gements).
    /// A weak signal, worth most where lengths cannot decide; none across scripts.
    /// Four ASCII letters each, kept as bytes: a `String` per word was a quarter of the
    /// peak memory on a long document (docs/reliability.md).
    pub stems: Cow<'a, [[u8; 4]]>,
}

#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Largest number of units on one side of a bead.
    pub max_merge: usize,
    pub length_weight: f64,
    pub position_weight: f64,
    pub anchor_weight: f64,
    pub heading_weight: f64,
    /// Cost of leaving one unit unaligned.
    pub skip: f64,
    /// Cost of a 2-1 or 1-2 bead on top of its match cost; 3-1 costs twice this.
    pub merge: f64,
    /// Bonus for a bead that keeps a pin's two units together, and the cost of one that
    /// separates them.
    pub pin: f64,
    /// Cost of merging a unit that carries anchors of its own, none of them on the other
    /// side: a merge needs positive evidence for each of its parts.
    pub unsupported_merge: f64,
    /// Bonus for the Dice similarity of the two sides' stems.
    pub stem_weight: f64,
    /// Each part of a 2-1 merge needs length evidence of its own, or a shared anchor
    /// (blocks: a short line does not ride on a long paragraph's length). Not for
    /// sections, whose merges come from a heading left out, stems and all.
    pub part_length: bool,
}

pub const SECTIONS: Params = Params {
    max_merge: 2,
    length_weight: 0.6,
    position_weight: 3.0,
    anchor_weight: 5.0,
    heading_weight: 0.0,
    skip: 2.2,
    merge: 2.4,
    pin: 6.0,
    unsupported_merge: 8.0,
    stem_weight: 2.0,
    part_length: false,
};

pub const BLOCKS: Params = Params {
    max_merge: 3,
    length_weight: 1.0,
    position_weight: 2.0,
    anchor_weight: 4.0,
    heading_weight: 1.5,
    skip: 2.6,
    merge: 1.2,
    pin: 5.0,
    unsupported_merge: 6.0,
    stem_weight: 2.5,
    part_length: true,
};

/// A group of source units aligned with a group of target units; either may be empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub src: Range<usize>,
    pub tgt: Range<usize>,
    pub cost: f64,
    /// How sure the aligner is of this bead, from 0 to 1 (set by `explain::explain`).
    pub confidence: f64,
    /// The anchors and pins both sides share, as `kind:key` (what tied the bead); compact
    /// strings, as a document keeps its beads to the end.
    pub ties: Vec<compact_str::CompactString>,
    /// For a unit left unaligned next to a one-to-one pair that nothing but the cost
    /// model ties (no shared anchor or pin): -1 or 1 when the unit of its side in that
    /// neighbouring bead (the bead before or after this one) could as well be the one left
    /// alone, its pairing costing within [`AMBIGUOUS`] of the pairing taken; else 0. Set by
    /// `explain::explain`. Findings then name both instead of guessing.
    pub or: i8,
}

/// How close (in cost units of the search) the other pairing of a unit left alone must
/// come for the two to be taken as alike (see [`Bead::or`]). Calibrated on the corpus's
/// mutants (docs/alignment.md, session 8): under 0.25 the other unit is the dropped one
/// about two times in five (a coin toss: name both); between 0.25 and 0.5, one time in
/// fifteen (the pairing taken is right: naming both would be noise).
pub const AMBIGUOUS: f64 = 0.25;

/// `Item::shape` of a list item.
pub const BULLET: u8 = 1;

/// Aligns `src` with `tgt`. The beads are in order and cover every unit of both sides once.
///
/// The length ratio of the two texts is first taken from their totals, then re-estimated
/// from the units that aligned, since a translation missing whole sections is shorter
/// than its ratio suggests; a second search starts from a ratio of one, and the cheaper
/// alignment is kept.
pub fn align(src: &[Item], tgt: &[Item], p: &Params) -> Vec<Bead> {
    align_with(src, tgt, p, None)
}

/// Like [`align`], with the length ratio given (the document's, when aligning the blocks
/// of one section: a section that lost a block has a ratio of its own that would make
/// a merge look right).
pub fn align_with(src: &[Item], tgt: &[Item], p: &Params, ratio: Option<f64>) -> Vec<Bead> {
    with_sides(src, tgt, |s, t| search(src, tgt, p, ratio, s, t))
}

/// [`align`], then [`moved_and_swapped`] of its beads, on the same sides (the same
/// interned ids a second build would give: built once).
pub fn align_moved_and_swapped(src: &[Item], tgt: &[Item], p: &Params) -> (Vec<(usize, usize)>, Vec<Bead>) {
    with_sides(src, tgt, |s, t| moved::swapped_with(s, t, search(src, tgt, p, None, s, t)))
}

/// Calls `f` with the two sides of `src` and `tgt`, pins linked.
fn with_sides<T>(src: &[Item], tgt: &[Item], f: impl FnOnce(&Side, &Side) -> T) -> T {
    // Room for the keys of both sides from the start (at most a few thousand: a long
    // document's map grows as before), not rehashed as it grows.
    let keys: usize = src.iter().chain(tgt).map(|i| i.anchors.len() + i.cognates.len() + i.pins.len()).sum();
    let stems: usize = src.iter().chain(tgt).map(|i| i.stems.len()).sum();
    let mut ids = Ids::with_capacity(keys.min(4096), stems.min(4096));
    let mut s = Side::new(src, &mut ids);
    let mut t = Side::new(tgt, &mut ids);
    link_pins(&mut s, &mut t);
    f(&s, &t)
}

/// The search of [`align_with`] over built sides.
fn search(src: &[Item], tgt: &[Item], p: &Params, ratio: Option<f64>, s: &Side, t: &Side) -> Vec<Bead> {
    if let Some(c) = ratio.filter(|c| c.is_finite() && *c > 0.0) {
        let mut beads = dp(s, t, p, Ratio(c), None);
        explain(&mut beads, src, tgt, s, t, p, Ratio(c));
        return beads;
    }
    let c0 = if s.total > 0.0 && t.total > 0.0 { t.total / s.total } else { 1.0 };
    // Two starting ratios: the totals' (wrong when a translation lacks whole sections)
    // and one to one. Each is re-estimated from the units it aligned; the cheaper
    // alignment wins.
    let mut best: Option<(f64, Vec<Bead>, f64)> = None;
    let mut memo = Memo::new(s, t, p);
    // (The second search only where the full table is searched: large banded alignments
    // keep to one, so that time stays linear in the size of the document.)
    let small = (src.len() + 1).saturating_mul(tgt.len() + 1) <= FULL_TABLE_CELLS;
    for start in [c0, 1.0] {
        if best.is_some() && ((start / c0 - 1.0).abs() < 0.05 || !small) {
            continue;
        }
        let first = dp(s, t, p, Ratio(start), memo.as_mut());
        let (mut ls, mut lt) = (0.0, 0.0);
        for b in first.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()) {
            ls += src[b.src.clone()].iter().map(|i| i.len).sum::<f64>();
            lt += tgt[b.tgt.clone()].iter().map(|i| i.len).sum::<f64>();
        }
        let c1 = if ls > 0.0 && lt > 0.0 { lt / ls } else { start };
        let beads =
            if (c1 / start - 1.0).abs() > 0.05 { dp(s, t, p, Ratio(c1), memo.as_mut()) } else { first };
        let total: f64 = beads.iter().map(|b| b.cost).sum();
        if best.as_ref().is_none_or(|b| total < b.0 - 1e-9) {
            best = Some((total, beads, c1));
        }
    }
    let (_, mut beads, c1) = best.expect("one start at least");
    explain(&mut beads, src, tgt, s, t, p, Ratio(c1));
    beads
}
