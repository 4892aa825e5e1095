//! Units left alone on both sides that are each other's counterpart in another order.

use super::cost::debug_align;
use super::evidence::{link_pins, similarity, stem_dice};
use super::side::{Ids, Side};
use super::{Bead, Item};

/// Units left unaligned on both sides that are each other's counterpart, standing in
/// another order: pairs (source unit, target unit) that share a rung, whose stems agree
/// (weighted Dice at least 0.3, two related languages, no anchors against), or whose
/// anchors agree (weighted Dice at least one half, and Dice times its confidence at least 0.4:
/// two thirds of a strong anchor's weight on each side). Best pairs first, each unit in
/// one pair at most. Units without anchors or pins are never taken as moved: their
/// length alone cannot say so.
pub fn moved(src: &[Item], tgt: &[Item], beads: &[Bead]) -> Vec<(usize, usize)> {
    moved_in(src, tgt, beads)
}

/// Like [`moved`], after undoing the swaps of two neighbouring sections that the search
/// paired in order (`A ⇔ B'`, `B ⇔ A'`) when the crossed pairs are what the evidence
/// says (stems or anchors: each crossed pair at least `SWAP_EACH` and the two together
/// at least `SWAP_RATIO` times the straight ones; no anchor or rung tying the straight
/// ones): `A` then stands alone, moved
/// to `A'`, and `B ⇔ B'`. Returns the moved pairs and the beads.
pub fn moved_and_swapped(src: &[Item], tgt: &[Item], beads: Vec<Bead>) -> (Vec<(usize, usize)>, Vec<Bead>) {
    let mut ids = Ids::default();
    let mut s = Side::new(src, &mut ids);
    let mut t = Side::new(tgt, &mut ids);
    link_pins(&mut s, &mut t);
    swapped_with(&s, &t, beads)
}

/// [`moved_and_swapped`] with the sides already built (pins linked; only single units
/// are looked at).
pub(super) fn swapped_with(s: &Side, t: &Side, mut beads: Vec<Bead>) -> (Vec<(usize, usize)>, Vec<Bead>) {
    let e = |i: usize, j: usize| -> f64 {
        let anchors = similarity(s, i..i + 1, t, j..j + 1).map_or(0.0, |(x, c)| x * c);
        anchors.max(stem_dice(s, i..i + 1, t, j..j + 1))
    };
    let one = |b: &Bead| b.src.len() == 1 && b.tgt.len() == 1 && b.ties.is_empty();
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len() + 2);
    let mut swapped: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < beads.len() {
        if k + 1 < beads.len() && one(&beads[k]) && one(&beads[k + 1]) {
            let (a, b) = (beads[k].src.start, beads[k + 1].src.start);
            let (b2, a2) = (beads[k].tgt.start, beads[k + 1].tgt.start);
            let (aa, bb, ab, ba) = (e(a, a2), e(b, b2), e(a, b2), e(b, a2));
            if debug_align() {
                eprintln!("swap? {a} {b}: crossed {aa:.2} {bb:.2} straight {ab:.2} {ba:.2}");
            }
            if aa >= SWAP_EACH && bb >= SWAP_EACH && aa + bb >= SWAP_RATIO * (ab + ba) {
                swapped.push((a, a2));
                let x = &beads[k];
                out.push(Bead { src: a..a + 1, tgt: b2..b2, ..x.clone() });
                out.push(Bead { src: b..b + 1, tgt: b2..b2 + 1, ..x.clone() });
                out.push(Bead { src: b + 1..b + 1, tgt: a2..a2 + 1, ..x.clone() });
                k += 2;
                continue;
            }
        }
        // Moved, not cloned: a long document's section beads tie thousands of keys (a
        // clone of each bead's ties was 3.7 MB of its peak, docs/reliability.md).
        let ties = std::mem::take(&mut beads[k].ties);
        out.push(Bead { ties, ..beads[k].clone() });
        k += 1;
    }
    // The swapped sections are each other's counterpart by the test above; the other
    // units left alone are looked at as before.
    let mut moved = moved_with(s, t, &out);
    moved.retain(|m| !swapped.iter().any(|w| w.0 == m.0 || w.1 == m.1));
    moved.extend(swapped);
    moved.sort_unstable();
    (moved, out)
}

/// The evidence (stem Dice, or anchor Dice times its confidence) each crossed pair of a
/// swap needs: whole sections share few of their rarer stems (0.1 to 0.3 when right).
const SWAP_EACH: f64 = 0.1;
/// How much stronger the crossed pairs must be than the straight ones, together.
const SWAP_RATIO: f64 = 2.5;

fn moved_in(src: &[Item], tgt: &[Item], beads: &[Bead]) -> Vec<(usize, usize)> {
    if !beads.iter().any(|b| b.tgt.is_empty()) || !beads.iter().any(|b| b.src.is_empty()) {
        return Vec::new();
    }
    let mut ids = Ids::default();
    let mut s = Side::new(src, &mut ids);
    let mut t = Side::new(tgt, &mut ids);
    link_pins(&mut s, &mut t);
    moved_with(&s, &t, beads)
}

/// [`moved_in`] with the sides already built (one unit each, pins linked): the swap test
/// has them, and a second pair of sides of a long document's sections was megabytes.
fn moved_with(s: &Side, t: &Side, beads: &[Bead]) -> Vec<(usize, usize)> {
    let lone_s: Vec<usize> = beads.iter().filter(|b| b.tgt.is_empty()).flat_map(|b| b.src.clone()).collect();
    let lone_t: Vec<usize> = beads.iter().filter(|b| b.src.is_empty()).flat_map(|b| b.tgt.clone()).collect();
    if lone_s.is_empty() || lone_t.is_empty() {
        return Vec::new();
    }
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &lone_s {
        for &j in &lone_t {
            let rung = s.live[i].iter().any(|k| t.live[j].contains(k));
            if debug_align() {
                eprintln!("moved? {i} {j} rung {rung} sim {:?}", similarity(s, i..i + 1, t, j..j + 1));
            }
            let anchors = similarity(s, i..i + 1, t, j..j + 1).map(|(x, conf)| (x, x * conf));
            let words = stem_dice(s, i..i + 1, t, j..j + 1);
            let score = if rung {
                2.0
            } else if let Some((_, xc)) = anchors.filter(|(x, xc)| *x >= 0.5 && *xc >= 0.4) {
                xc
            } else if words >= 0.3 && anchors.is_none_or(|(x, _)| x >= 0.5) {
                // Two related languages: most of the rarer stems shared, no anchor against.
                words
            } else {
                continue;
            };
            cands.push((score, i, j));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_s, mut used_t, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for (_, i, j) in cands {
        if !used_s.contains(&i) && !used_t.contains(&j) {
            used_s.push(i);
            used_t.push(j);
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}
