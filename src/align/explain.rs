//! Each bead's confidence and ties, after the search.

use super::cost::{bead_cost, phi, Ratio};
use super::evidence::{cognate_overlap, similarity, stem_dice};
use super::side::Side;
use super::{Bead, Item, Params, AMBIGUOUS};

/// Keys on one side of a bead above which the ties are found with hash sets.
const SMALL: usize = 32;

/// Fills in each bead's confidence and ties.
///
/// A pairing is sure when a rung (a shared pin) or strong shared anchors tie it; without
/// anchors, only as sure as its length agreement (the probability of the length
/// difference under the document's ratio), and a little less for a merge. A unit left
/// unaligned is as sure as the pairings around it, and surer when it carries anchors
/// that the other side lacks entirely.
pub(super) fn explain(
    beads: &mut [Bead],
    src: &[Item],
    tgt: &[Item],
    s: &Side,
    t: &Side,
    p: &Params,
    ratio: Ratio,
) {
    for b in beads.iter_mut() {
        if b.src.is_empty() || b.tgt.is_empty() {
            continue;
        }
        // Linear scans for the usual bead (a few units with a few keys each: no hash set
        // to build, no `pin:{k}` string per comparison); hash sets above `SMALL` keys, so
        // that a paragraph of many thousand numbers stays linear. The same ties in the same
        // order either way.
        let (bs, bt) = (&src[b.src.clone()], &tgt[b.tgt.clone()]);
        type Set<'a> = std::collections::HashSet<&'a str, foldhash::fast::RandomState>;
        let big = |n: usize| n > SMALL;
        let tk: Option<Set> = big(bt.iter().map(|i| i.anchors.len()).sum())
            .then(|| bt.iter().flat_map(|i| i.anchors.iter().map(|(k, _)| k.as_str())).collect());
        let mut seen: Option<Set> = big(bs.iter().map(|i| i.anchors.len()).sum()).then(Set::default);
        let mut ties: Vec<compact_str::CompactString> = Vec::new();
        for (k, w) in bs.iter().flat_map(|i| i.anchors.iter()) {
            let shared = match &tk {
                Some(set) => set.contains(k.as_str()),
                None => bt.iter().any(|i| i.anchors.iter().any(|(x, _)| x == k)),
            };
            let new = match &mut seen {
                Some(set) => *w > 0.0 && shared && set.insert(k.as_str()),
                None => *w > 0.0 && shared && !ties.contains(k),
            };
            if new {
                ties.push(k.clone());
            }
        }
        let tp: Option<Set> = big(bt.iter().map(|i| i.pins.len()).sum())
            .then(|| bt.iter().flat_map(|i| i.pins.iter().map(String::as_str)).collect());
        let mut pins_seen: Set = Set::default();
        let mut rung = false;
        for (u, it) in b.src.clone().zip(bs) {
            for k in it.pins.iter() {
                let shared = match &tp {
                    Some(set) => set.contains(k.as_str()),
                    None => bt.iter().any(|i| i.pins.contains(k)),
                };
                if shared && pins_seen.insert(k.as_str()) {
                    rung |= !s.live[u].is_empty();
                    ties.push(compact_str::format_compact!("pin:{k}"));
                }
            }
        }
        let anchors = similarity(s, b.src.clone(), t, b.tgt.clone()).map(|(x, c)| x * c).unwrap_or(0.0);
        let l1: f64 = src[b.src.clone()].iter().map(|i| i.len).sum();
        let l2: f64 = tgt[b.tgt.clone()].iter().map(|i| i.len).sum();
        let var = 25.0 * ((l1 + l2 / ratio.0) / 2.0).max(1.0);
        let delta = (l2 - ratio.0 * l1) / (var * ratio.0).sqrt();
        let length = 2.0 * (1.0 - phi(delta.abs()));
        let merge = if b.src.len() > 1 || b.tgt.len() > 1 { 0.8 } else { 1.0 };
        // Shared stems and names are evidence too, weaker than anchors.
        let words = (2.0 * stem_dice(s, b.src.clone(), t, b.tgt.clone())).min(1.0) * 0.8;
        let names = cognate_overlap(s, b.src.clone(), t, b.tgt.clone()) * 0.6;
        let evidence = if rung { 1.0 } else { anchors.max(words).max(names) };
        b.confidence = (1.0 - (1.0 - evidence) * (1.0 - 0.8 * length)) * merge;
        ties.shrink_to_fit(); // beads are kept to the end (memory: docs/reliability.md)
        b.ties = ties;
    }
    for i in 0..beads.len() {
        if !(beads[i].src.is_empty() || beads[i].tgt.is_empty()) {
            continue;
        }
        let paired = |b: &&Bead| !b.src.is_empty() && !b.tgt.is_empty();
        let before = beads[..i].iter().rev().find(paired).map(|b| b.confidence);
        let after = beads[i + 1..].iter().find(paired).map(|b| b.confidence);
        let around = match (before, after) {
            (Some(x), Some(y)) => x.min(y),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => 0.0,
        };
        // Anchors of the unaligned units that the other side has nowhere.
        let (own, other) = if beads[i].tgt.is_empty() { (s, t) } else { (t, s) };
        let r = if beads[i].tgt.is_empty() { beads[i].src.clone() } else { beads[i].tgt.clone() };
        let absent = r.clone().any(|u| {
            own.keys[u].iter().any(|(k, _, w)| *w >= 1.0 && !other.keys.all().iter().any(|x| x.0 == *k))
        });
        beads[i].confidence = if absent { 1.0 - (1.0 - around) * 0.5 } else { around };
        beads[i].or = alike_neighbour(beads, i, s, t, p, ratio);
    }
}

/// For the unit left alone in bead `i`: -1 or 1 when the unit of its side in the bead
/// before or after (a one-to-one pair of the same kind of unit, tied by no anchor or pin)
/// pairs no better than it would (within [`AMBIGUOUS`]); else 0. The nearer fit wins.
fn alike_neighbour(beads: &[Bead], i: usize, s: &Side, t: &Side, p: &Params, ratio: Ratio) -> i8 {
    let lone = &beads[i];
    let lone_src = lone.tgt.is_empty();
    let unit = if lone_src { &lone.src } else { &lone.tgt };
    if unit.len() != 1 {
        return 0;
    }
    let mut best: Option<(f64, i8)> = None;
    for (k, d) in [(i.wrapping_sub(1), -1i8), (i + 1, 1)] {
        let Some(nb) = beads.get(k) else { continue };
        if nb.src.len() != 1 || nb.tgt.len() != 1 || !nb.ties.is_empty() {
            continue;
        }
        let (own, mine) = if lone_src { (s, nb.src.start) } else { (t, nb.tgt.start) };
        if own.items[mine].shape != own.items[unit.start].shape || own.items[mine].heading {
            continue;
        }
        let now = bead_cost(p, ratio, s, nb.src.clone(), t, nb.tgt.clone());
        let other = if lone_src {
            bead_cost(p, ratio, s, unit.clone(), t, nb.tgt.clone())
        } else {
            bead_cost(p, ratio, s, nb.src.clone(), t, unit.clone())
        };
        let gap = other - now;
        if gap < AMBIGUOUS && best.is_none_or(|b| gap < b.0) {
            best = Some((gap, d));
        }
    }
    best.map_or(0, |b| b.1)
}
