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

/// Re-decides each section left alone next to a one-to-one pair without ties.
///
/// Returns the beads, and for each the section of a neighbouring pair that could as well
/// be the one left alone: its side's section, when the blocks align within [`MARGIN`]
/// either way (two subsections alike in length, with no anchors and no shared words:
/// nothing but their meaning tells which one the translation lacks). A finding then
/// names both instead of claiming one.
pub(super) fn reassign(
    src: &Version,
    tgt: &Version,
    mut beads: Vec<Bead>,
    ratio: f64,
) -> (Vec<Bead>, Vec<Option<usize>>) {
    let mut or = vec![None; beads.len()];
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
                if (other.0 - now.0).abs() < MARGIN && other.1 <= now.1 && or[i].is_none() {
                    or[i] = Some(if lone_src { s } else { t });
                }
                continue;
            }
            or[i] = None;
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
    (beads, or)
}
