//! The evidence two bead sides share: anchors (weighted Dice), stems, cognates, rungs,
//! and the parts of a merge that have none of their own.

use super::cost::length_cost;
use super::side::{sorted, Side};
use super::BULLET;
use crate::sorted::{common, common_by};
use std::ops::Range;

/// Weighted Dice similarity of the anchors of two bead sides, with the confidence it
/// deserves (1 when each side carries at least one strong anchor's weight).
pub(super) fn similarity(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> Option<(f64, f64)> {
    let (xa, xb) = (a.keys_of(ar.clone()), b.keys_of(br.clone()));
    // (The weights are precomputed per unit and run, summed in the same order.)
    let (wa, wb) = (a.key_weight_of(ar, &xa), b.key_weight_of(br, &xb));
    if wa == 0.0 && wb == 0.0 {
        return None;
    }
    let confidence = confidence(wa, wb);
    if wa == 0.0 || wb == 0.0 {
        return Some((0.0, confidence));
    }
    let inter: f64 = common_by(&xa, &xb, |x, y| x.0.cmp(&y.0))
        .map(|(x, y)| f64::from(x.1.min(y.1)) * (x.2 + y.2) / 2.0)
        .sum();
    Some(((2.0 * inter / (wa + wb)).min(1.0), confidence))
}

/// The confidence [`similarity`] gives the anchors of two bead sides whose keys weigh
/// `wa` and `wb` (1 when each carries at least one strong anchor's weight).
pub(super) fn confidence(wa: f64, wb: f64) -> f64 {
    (wa.min(wb).max(wa.max(wb) / 3.0) / STRONG).min(1.0)
}

/// The weights of the keys of two bead sides, as [`similarity`] reads them, where the
/// sides keep them (one unit, or a run of 2 or 3): no list to combine.
pub(super) fn kept_key_weights(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> Option<(f64, f64)> {
    Some((a.kept_key_weight(ar)?, b.kept_key_weight(br)?))
}

/// Dice similarity of the stems of two bead sides (0 to 1), each stem weighted by how
/// rare it is on its side.
pub(super) fn stem_dice(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> f64 {
    // One unit's stems are sorted and unique already: no copy in the common case.
    pub(super) fn collect<'s>(s: &'s Side, r: Range<usize>) -> std::borrow::Cow<'s, [u32]> {
        if r.len() == 1 {
            return std::borrow::Cow::Borrowed(&s.stems[r.start]);
        }
        let mut v = sorted(s.stems.of(r));
        v.dedup();
        std::borrow::Cow::Owned(v)
    }
    let (xa, xb) = (collect(a, ar.clone()), collect(b, br.clone()));
    if xa.is_empty() || xb.is_empty() {
        return 0.0;
    }
    let (wa, wb) = (a.stem_weight_of(ar, &xa), b.stem_weight_of(br, &xb));
    // Both lists are sorted and unique: one walk (the sum in `xa`'s order, as before).
    let shared: f64 = common(&xa, &xb).map(|(k, _)| a.stem_w[*k as usize] + b.stem_w[*k as usize]).sum();
    (shared / (wa + wb)).min(1.0)
}

/// Share of the smaller side's cognates that the other side has too (0 to 1).
pub(super) fn cognate_overlap(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> f64 {
    fn collect<'s>(s: &'s Side, r: Range<usize>) -> std::borrow::Cow<'s, [u32]> {
        match r.len() {
            1 => std::borrow::Cow::Borrowed(&s.cognates[r.start]),
            _ => sorted(s.cognates.of(r)).into(),
        }
    }
    let (xa, xb) = (collect(a, ar), collect(b, br));
    if xa.is_empty() || xb.is_empty() {
        return 0.0;
    }
    let shared = common(&xa, &xb).count();
    (shared as f64 / xa.len().min(xb.len()) as f64).min(1.0)
}

/// Units of a bead side made largely of names (`Side::named`) that share none of them
/// with the other side, when both sides are in Latin script: a contact line does not
/// pair with a line that names nobody it names.
pub(super) fn unshared_names(s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> usize {
    if !(s.latin && t.latin) {
        return 0;
    }
    let count = |a: &Side, ar: &Range<usize>, b: &Side, br: &Range<usize>| -> usize {
        ar.clone()
            .filter(|&u| {
                a.named[u]
                    && !a.cognates[u]
                        .iter()
                        .any(|k| br.clone().any(|v| b.cognates[v].binary_search(k).is_ok()))
            })
            .count()
    };
    count(s, &sr, t, &tr) + count(t, &tr, s, &sr)
}

/// Marks the pins each side shares with the other (those are rungs).
pub(super) fn link_pins(s: &mut Side, t: &mut Side) {
    if s.pins.all().is_empty() || t.pins.all().is_empty() {
        // (No pin on a side: no rungs, and the sides' lists of them stay empty.)
        return;
    }
    let on = |side: &Side| -> std::collections::HashSet<u32, foldhash::fast::RandomState> {
        side.pins.all().iter().copied().collect()
    };
    let (ps, pt) = (on(s), on(t));
    s.live = s.pins.filtered(|k| pt.contains(k));
    t.live = t.pins.filtered(|k| ps.contains(k));
    s.rungs = !s.live.all().is_empty();
    t.rungs = !t.live.all().is_empty();
}

/// Rungs kept (negative) and broken (positive) by a bead, in units of `Params::pin`:
/// each unit whose rung partner is on the other side of the bead is kept, each unit
/// whose partner is elsewhere (or a unit left unaligned) breaks one.
pub(super) fn pin_term(s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> f64 {
    let mut term = 0.0;
    if !s.rungs && !t.rungs {
        // (No unit of either side has a rung: the walks below would add nothing.)
        return term;
    }
    let mut one = |a: &Side, ar: &Range<usize>, b: &Side, br: &Range<usize>| {
        for u in ar.clone() {
            let live = &a.live[u];
            if live.is_empty() {
                continue;
            }
            let kept = br.clone().any(|v| b.live[v].iter().any(|k| live.contains(k)));
            term += if kept { -0.5 } else { 1.0 };
        }
    };
    one(s, &sr, t, &tr);
    one(t, &tr, s, &sr);
    term
}

/// Units of a merge that carry anchors of their own and share none of them (nor a pin)
/// with the other side, or (where both sides have word stems) share no stem either: a
/// merge of such a unit has nothing in its favour but the length. With `part_length`
/// (blocks), a unit of a 2-1 merge that the length cannot tell apart (under half a
/// standard deviation of the bead's expected length, or one without which the lengths
/// agree as well) has not even that: without a shared anchor or pin it is unsupported,
/// whatever stems it shares (a word of a short line, `register`, matches a word of a
/// long paragraph, `régional`, by chance).
pub(super) fn unsupported_parts(
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
    ratio: f64,
    part_length: bool,
    lengths: Lengths,
) -> usize {
    let Lengths { l1, l2, cost: with } = lengths;
    // The standard deviation of the target length, in target characters (as in `bead_cost`).
    let sd = (25.0 * ((l1 + l2 / ratio) / 2.0).max(1.0) * ratio).sqrt();
    let count = |a: &Side, ar: &Range<usize>, b: &Side, br: &Range<usize>, source: bool| -> usize {
        if ar.len() < 2 {
            return 0;
        }
        let other = b.keys_of(br.clone());
        let other_stems: std::borrow::Cow<[u32]> = match br.len() {
            1 => (&b.stems[br.start]).into(),
            _ => sorted(b.stems.of(br.clone())).into(),
        };
        ar.clone()
            .filter(|&u| {
                // Evaluated lazily, the cheapest first: most parts are decided by their
                // anchors or their length, and the stems are looked up only when needed.
                let own: f64 = a.key_w[u];
                // A key that another part of the merge carries too is evidence for the
                // merge, not for this part (`file1 file2` in two commands of a page):
                // a part with keys of its own must share one of those. (Every unit's
                // keys, and the other side's, are sorted by id, one entry per id: one
                // walk through the lists.)
                let no_anchor = if a.keys[u].is_empty() {
                    true
                } else {
                    // A part that shares no key at all has none of its own shared either:
                    // that walk first, and the other parts' keys (by binary search, no
                    // list of cursors to allocate) only for a part that shares one.
                    let mut shared = Cursor::new(&other);
                    let any_shared = a.keys[u].iter().any(|(k, _, _)| shared.has(*k));
                    !any_shared || {
                        let mut shared = Cursor::new(&other);
                        let (mut distinct, mut distinct_shared) = (0.0, false);
                        for (k, c, w) in &a.keys[u] {
                            let sibling = ar
                                .clone()
                                .any(|v| v != u && a.keys[v].binary_search_by_key(k, |x| x.0).is_ok());
                            let sh = shared.has(*k);
                            if !sibling {
                                distinct += f64::from(*c) * w;
                                distinct_shared |= sh;
                            }
                        }
                        // (Some key is shared: a part without keys of its own weighing
                        // 1 has its anchor; one with them, if one of those is shared.)
                        distinct >= 1.0 && !distinct_shared
                    }
                } && !a.live[u].iter().any(|k| br.clone().any(|v| b.live[v].contains(k)));
                if !no_anchor {
                    return false;
                }
                if own >= 1.0 {
                    return true;
                }
                // Without it, the bead's lengths would agree as well or better.
                let no_length = part_length && ar.len() == 2 && {
                    let (w1, w2) = if source { (l1 - a.items[u].len, l2) } else { (l1, l2 - a.items[u].len) };
                    let scale = if source { ratio } else { 1.0 };
                    a.items[u].len * scale < 0.5 * sd || length_cost(w1, w2, ratio) <= with
                };
                if no_length {
                    return true;
                }
                // Stems count where both sides have them (two Latin-script languages).
                let stems_there = other_stems.len() >= 3 && !a.stems[u].is_empty();
                if stems_there {
                    // A stem shared by many units of a side is no evidence.
                    // (Both lists sorted: one walk through the other side's.)
                    !common(&a.stems[u], &other_stems)
                        .any(|(k, _)| a.stem_w[*k as usize] >= 0.5 && b.stem_w[*k as usize] >= 0.5)
                } else {
                    // Bullets are translated one for one: merging two needs evidence for
                    // each, whatever the lengths say.
                    a.items[u].shape == BULLET && b.items[br.clone()].iter().all(|i| i.shape == BULLET)
                }
            })
            .count()
    };
    count(s, &sr, t, &tr, true) + count(t, &tr, s, &sr, false)
}

/// The summed lengths of a bead's two sides and their length cost, which
/// [`unsupported_parts`] takes from `bead_cost` instead of computing them again.
#[derive(Clone, Copy)]
pub(super) struct Lengths {
    pub(super) l1: f64,
    pub(super) l2: f64,
    pub(super) cost: f64,
}

/// A walk through a list of keys sorted by id, asked for ids in increasing order.
struct Cursor<'k> {
    keys: &'k [(u32, u32, f64)],
    at: usize,
}

impl<'k> Cursor<'k> {
    fn new(keys: &'k [(u32, u32, f64)]) -> Cursor<'k> {
        Cursor { keys, at: 0 }
    }

    /// Whether the list holds `k`, no smaller than the ids asked before.
    fn has(&mut self, k: u32) -> bool {
        while self.at < self.keys.len() && self.keys[self.at].0 < k {
            self.at += 1;
        }
        self.at < self.keys.len() && self.keys[self.at].0 == k
    }
}

/// The weight of one strong anchor (an email, a code).
pub(super) const STRONG: f64 = 6.0;
