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
    let lone_s: Vec<usize> = beads.iter().filter(|b| b.tgt.is_empty()).flat_map(|b| b.src.clone()).collect();
    let lone_t: Vec<usize> = beads.iter().filter(|b| b.src.is_empty()).flat_map(|b| b.tgt.clone()).collect();
    if lone_s.is_empty() || lone_t.is_empty() {
        return Vec::new();
    }
    let mut ids = Ids::default();
    // Units one by one: no runs.
    let mut s = Side::new(src, &mut ids, 1);
    let mut t = Side::new(tgt, &mut ids, 1);
    link_pins(&mut s, &mut t);
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &lone_s {
        for &j in &lone_t {
            let rung = s.live[i].iter().any(|k| t.live[j].contains(k));
            if debug_align() {
                eprintln!("moved? {i} {j} rung {rung} sim {:?}", similarity(&s, i..i + 1, &t, j..j + 1));
            }
            let anchors = similarity(&s, i..i + 1, &t, j..j + 1).map(|(x, conf)| (x, x * conf));
            let words = stem_dice(&s, i..i + 1, &t, j..j + 1);
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
