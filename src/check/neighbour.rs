//! A section left alone next to a pair: which of the two neighbours is the one the
//! translation lacks (or adds). The section search weighs whole sections; when two
//! neighbours are alike in length (two short subsections, two paragraphs of prose
//! without anchors), it may pair the wrong one and report its neighbour. The blocks
//! decide: the pairing whose blocks align more cheaply, with the heading levels the
//! document keeps elsewhere, wins.

use super::pairing::pair_blocks;
use super::Version;
use crate::align::{Bead, BLOCKS};
use crate::blocks::BlockKind;
use std::ops::Range;

/// How much cheaper the other pairing must be (block cost units) to be taken.
const MARGIN: f64 = 1.0;
/// Cost of pairing two headings of different levels, in a document whose pairs keep
/// their levels.
const LEVEL: f64 = 3.0;

pub(super) fn level(v: &Version, s: usize) -> Option<u8> {
    let sec = &v.sections[s];
    match v.blocks[sec.blocks.start].kind {
        BlockKind::Heading(l) if sec.headed && l > 0 => Some(l),
        _ => None,
    }
}

/// A section pair decided on its blocks' lengths and positions alone, by [`split_merges`].
pub(super) type Guessed = Vec<(Range<usize>, Range<usize>)>;

/// Re-decides each section left alone next to a one-to-one pair without ties, or next to
/// a merge ([`split_merges`], whose pairs are returned too).
pub(super) fn reassign(
    src: &Version,
    tgt: &Version,
    mut beads: Vec<Bead>,
    ratio: f64,
) -> (Vec<Bead>, Guessed) {
    // Pairs of headings, and how many keep their level: the pair being re-decided
    // does not count (it may be the wrong one).
    let pairs = |beads: &[Bead]| -> Vec<(usize, bool)> {
        (0..beads.len())
            .filter(|&k| beads[k].src.len() == 1 && beads[k].tgt.len() == 1)
            .filter_map(|k| match (level(src, beads[k].src.start), level(tgt, beads[k].tgt.start)) {
                (Some(x), Some(y)) => Some((k, x == y)),
                _ => None,
            })
            .collect()
    };
    let heading_pairs = pairs(&beads);
    // The document keeps heading levels: nine pairs in ten, three at least, besides `k`.
    let levels_kept = |k: usize| {
        let others = heading_pairs.iter().filter(|p| p.0 != k);
        let n = others.clone().count();
        n >= 3 && others.filter(|p| p.1).count() * 10 >= n * 9
    };
    // The cost of pairing source section `s` with target section `t`, leaving `alone`
    // (a section of `alone_v`) unpaired, and how many blocks of the pair stay alone.
    let cost = |s: usize, t: usize, alone: usize, alone_v: &Version, kept: bool| -> (f64, usize) {
        let blocks =
            pair_blocks(src, tgt, src.section_blocks(&(s..s + 1)), tgt.section_blocks(&(t..t + 1)), ratio);
        let lv = match (level(src, s), level(tgt, t)) {
            (Some(x), Some(y)) if kept && x != y => LEVEL,
            _ => 0.0,
        };
        let lone = blocks.iter().filter(|b| b.src.is_empty() || b.tgt.is_empty()).count();
        let c = blocks.iter().map(|b| b.cost).sum::<f64>()
            + lv
            + BLOCKS.skip * alone_v.section_blocks(&(alone..alone + 1)).len() as f64;
        (c, lone)
    };
    let guessed = split_merges(src, tgt, &mut beads, ratio);
    for i in 0..beads.len() {
        let lone_src = beads[i].src.len() == 1 && beads[i].tgt.is_empty();
        let lone_tgt = beads[i].tgt.len() == 1 && beads[i].src.is_empty();
        if !(lone_src || lone_tgt) {
            continue;
        }
        for k in [i.wrapping_sub(1), i + 1] {
            let Some(nb) = beads.get(k) else { continue };
            if nb.src.len() != 1 || nb.tgt.len() != 1 || !nb.ties.is_empty() {
                continue;
            }
            let (s, t) = (nb.src.start, nb.tgt.start);
            // Two candidates of different levels, in a document that does not keep its
            // levels (a chapter whose translation folds subsections into their parent):
            // neither the levels nor the blocks of such a pair can be trusted.
            let like = if lone_src {
                level(src, beads[i].src.start) == level(src, s)
            } else {
                level(tgt, beads[i].tgt.start) == level(tgt, t)
            };
            let kept = levels_kept(k);
            if !(like || kept) {
                continue;
            }
            let (now, other) = if lone_src {
                let a = beads[i].src.start;
                (cost(s, t, a, src, kept), cost(a, t, s, src, kept))
            } else {
                let a = beads[i].tgt.start;
                (cost(s, t, a, tgt, kept), cost(s, a, t, tgt, kept))
            };
            // The other pairing must be cheaper, and leave no more blocks of its pair
            // alone (a heading with nothing under it does not take a long section's
            // place on the strength of its level).
            if other.0 + MARGIN >= now.0 || other.1 > now.1 {
                continue;
            }
            let (lone, pair) = (beads[i].clone(), nb.clone());
            let at = |r: &Range<usize>, before: bool| if before { r.start..r.start } else { r.end..r.end };
            // `k < i`: the pair comes first; the section left alone takes its place.
            let first = k < i;
            if lone_src {
                beads[k] = Bead { src: pair.src.clone(), tgt: at(&pair.tgt, first), ..pair.clone() };
                beads[i] = Bead { src: lone.src.clone(), tgt: pair.tgt.clone(), ties: Vec::new(), ..pair };
            } else {
                beads[k] = Bead { src: at(&pair.src, first), tgt: pair.tgt.clone(), ..pair.clone() };
                beads[i] = Bead { src: pair.src.clone(), tgt: lone.tgt.clone(), ties: Vec::new(), ..pair };
            }
            break;
        }
    }
    (beads, guessed)
}

/// A section left alone next to a 1-2 (or 2-1) bead whose two sections are on the other
/// side: the merge may have taken the lone section's counterpart (a translation that
/// shortened two neighbouring sections, so that they weigh about as much as the first
/// source section). The blocks decide, as in [`reassign`]: the part of the merge next
/// to the lone section pairs with it instead, and the merge's own section keeps the
/// other part, when that aligns more cheaply by `MARGIN` and leaves no more blocks alone.
/// Only between headings of one level (the lone section's and the part's it would take).
/// Returns the two pairs of each merge it split: decided on lengths alone across
/// scripts, their blocks are no ground for `content-missing`.
fn split_merges(src: &Version, tgt: &Version, beads: &mut [Bead], ratio: f64) -> Guessed {
    let mut guessed = Vec::new();
    let cost = |s: &Range<usize>, t: &Range<usize>| -> (f64, usize) {
        let (sb, tb) = (src.section_blocks(s), tgt.section_blocks(t));
        if sb.is_empty() || tb.is_empty() {
            return (BLOCKS.skip * (sb.len() + tb.len()) as f64, sb.len() + tb.len());
        }
        let blocks = pair_blocks(src, tgt, sb, tb, ratio);
        let lone = blocks.iter().filter(|b| b.src.is_empty() || b.tgt.is_empty()).count();
        (blocks.iter().map(|b| b.cost).sum(), lone)
    };
    for i in 0..beads.len() {
        let lone_src = beads[i].src.len() == 1 && beads[i].tgt.is_empty();
        let lone_tgt = beads[i].tgt.len() == 1 && beads[i].src.is_empty();
        if !(lone_src || lone_tgt) {
            continue;
        }
        for k in [i.wrapping_sub(1), i + 1] {
            let Some(m) = beads.get(k) else { continue };
            // The merge's two sections are on the other side of the lone one.
            let (one, many) = if lone_src { (&m.src, &m.tgt) } else { (&m.tgt, &m.src) };
            if one.len() != 1 || many.len() != 2 {
                continue;
            }
            // The part next to the lone section, and the other.
            let (near, far) = if k < i { (many.end - 1, many.start) } else { (many.start, many.end - 1) };
            let (lone_v, part_v) = if lone_src { (src, tgt) } else { (tgt, src) };
            let lone = if lone_src { beads[i].src.start } else { beads[i].tgt.start };
            if level(lone_v, lone).is_none() || level(lone_v, lone) != level(part_v, near) {
                continue;
            }
            let (n1, f1, l1) = (near..near + 1, far..far + 1, lone..lone + 1);
            let now = {
                let (a, b) = cost(&m.src, &m.tgt);
                let alone = lone_v.section_blocks(&l1).len();
                (a + BLOCKS.skip * alone as f64, b + alone)
            };
            let (x, y) = if lone_src {
                (cost(&m.src, &f1), cost(&l1, &n1))
            } else {
                (cost(&f1, &m.tgt), cost(&n1, &l1))
            };
            let other = (x.0 + y.0, x.1 + y.1);
            if other.0 + MARGIN >= now.0 || other.1 > now.1 {
                continue;
            }
            let (lb, mb) = (beads[i].clone(), m.clone());
            let keep = Bead {
                src: if lone_src { mb.src.clone() } else { f1.clone() },
                tgt: if lone_src { f1.clone() } else { mb.tgt.clone() },
                ties: Vec::new(),
                ..mb.clone()
            };
            let take = Bead {
                src: if lone_src { lb.src.clone() } else { n1.clone() },
                tgt: if lone_src { n1.clone() } else { lb.tgt.clone() },
                ties: Vec::new(),
                ..mb
            };
            guessed.push((keep.src.clone(), keep.tgt.clone()));
            guessed.push((take.src.clone(), take.tgt.clone()));
            // The order of the two beads stays that of the sections.
            if k < i {
                beads[k] = keep;
                beads[i] = take;
            } else {
                beads[i] = take;
                beads[k] = keep;
            }
            break;
        }
    }
    guessed
}
