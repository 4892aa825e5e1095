//! The cost of a bead: Gale–Church length, position, anchors, stems, cognates, headings,
//! merges and pins.

use super::evidence::{
    cognate_overlap, pin_term, similarity, stem_dice, unshared_names, unsupported_parts, Lengths,
};
use super::side::Side;
use super::Params;
use std::ops::Range;

/// Standard normal CDF (Abramowitz–Stegun 7.1.26 approximation of erf).
pub(super) fn phi(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.3275911 * z);
    let y = 1.0
        - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
            * t
            * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + y)
    } else {
        0.5 * (1.0 - y)
    }
}

/// The expected target/source length ratio used by the length term.
#[derive(Clone, Copy)]
pub(super) struct Ratio(pub(super) f64);

/// Anchor cost when nothing is known: none, so that a pair without anchors costs no more
/// than its length and position say (a merge must not be cheaper for saving this cost).
pub(super) const NEUTRAL: f64 = 0.0;

/// Whether `OERLINT_DEBUG_ALIGN` is set, read once: reading the environment for every
/// bead made large alignments several times slower.
pub(super) fn debug_align() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("OERLINT_DEBUG_ALIGN").is_some())
}

/// How far `l2` target characters are from what `l1` source characters give under the
/// ratio `c`, in standard deviations of the length model (Gale–Church, with the variance
/// per character the aligner uses): within 1, the lengths agree as well as most pairs do.
pub fn length_deviation(l1: f64, l2: f64, c: f64) -> f64 {
    let var = 25.0 * ((l1 + l2 / c) / 2.0).max(1.0);
    (l2 - c * l1) / (var * c).sqrt()
}

/// Gale–Church: minus the log-probability of a length difference as large as that of `l1`
/// source and `l2` target characters, under the ratio `c` (at most 8).
pub(super) fn length_cost(l1: f64, l2: f64, c: f64) -> f64 {
    let delta = length_deviation(l1, l2, c);
    let pr = (2.0 * (1.0 - phi(delta.abs()))).max(1e-12);
    (-pr.ln()).min(8.0)
}

pub(super) fn bead_cost(
    p: &Params,
    ratio: Ratio,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
) -> f64 {
    finish(p, ratio, s, sr.clone(), t, tr.clone(), terms(p, ratio, s, sr, t, tr))
}

/// The terms of a bead's cost other than its length cost, as [`bead_cost`] sums them.
/// Without `Params::part_length` none depends on the ratio, so the searches of one
/// alignment under several ratios compute them once ([`Memo`]).
#[derive(Clone, Copy, Default)]
pub(super) struct Terms {
    cognate: f64,
    stem: f64,
    pos: f64,
    anchor: f64,
    heading: f64,
    merge: f64,
    pin: f64,
}

/// The summed lengths of a bead's two sides (in the order `bead_cost` sums them).
fn lengths(s: &Side, sr: &Range<usize>, t: &Side, tr: &Range<usize>) -> (f64, f64) {
    let l1: f64 = s.items[sr.clone()].iter().map(|i| i.len).sum();
    let l2: f64 = t.items[tr.clone()].iter().map(|i| i.len).sum();
    (l1, l2)
}

/// A bead's [`Terms`]; `ratio` is read only with `Params::part_length` (the length
/// evidence of a merge's parts).
pub(super) fn terms(
    p: &Params,
    ratio: Ratio,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
) -> Terms {
    let (n, m) = (s.items.len() as f64, t.items.len() as f64);
    let a = sr.len();
    let b = tr.len();
    if a == 0 || b == 0 {
        return Terms { pin: p.pin * pin_term(s, sr, t, tr), ..Terms::default() };
    }
    let ps = (sr.start as f64 + a as f64 / 2.0) / n;
    let pt = (tr.start as f64 + b as f64 / 2.0) / m;
    let pos_cost = (ps - pt).abs();
    let anchor_cost = match similarity(s, sr.clone(), t, tr.clone()) {
        // Shared anchors are strong evidence; unshared ones weaker, since translations
        // drift (a changed link should not unpair two sections).
        Some((x, conf)) => conf * (0.6 * (1.0 - x) - 0.2 * x) + (1.0 - conf) * NEUTRAL,
        None => NEUTRAL,
    };
    // Shared names make a pair likelier; a line of names paired with one that keeps none
    // of them, much less likely (more than an unshared link: translations drop links,
    // not the name of the person to write to).
    let cognate_bonus = cognate_overlap(s, sr.clone(), t, tr.clone())
        - 2.0 * unshared_names(s, sr.clone(), t, tr.clone()) as f64;
    let stem_bonus = p.stem_weight * stem_dice(s, sr.clone(), t, tr.clone());
    let heading_cost = if s.items[sr.start].heading != t.items[tr.start].heading { 1.0 } else { 0.0 };
    let mut merge_cost = p.merge * ((a.max(b) - 1) as f64);
    if a > 1 || b > 1 {
        let (l1, l2) = if p.part_length { lengths(s, &sr, t, &tr) } else { (0.0, 0.0) };
        let cost = if p.part_length { length_cost(l1, l2, ratio.0) } else { 0.0 };
        merge_cost += p.unsupported_merge
            * unsupported_parts(
                s,
                sr.clone(),
                t,
                tr.clone(),
                ratio.0,
                p.part_length,
                Lengths { l1, l2, cost },
            ) as f64;
    }
    let code = |side: &Side, r: Range<usize>| {
        let n = side.items[r.clone()].iter().filter(|i| i.code).count();
        (n > 0, n < r.len())
    };
    let (sc, tc) = (code(s, sr.clone()), code(t, tr.clone()));
    if sc != tc {
        // Code with prose: a command never becomes its description.
        merge_cost += p.unsupported_merge;
    }
    let mixed = |side: &Side, r: Range<usize>| {
        side.items[r.clone()].iter().any(|i| i.shape != side.items[r.start].shape)
    };
    if mixed(s, sr.clone()) || mixed(t, tr.clone()) {
        merge_cost += p.unsupported_merge;
    }
    let pin_cost = p.pin * pin_term(s, sr.clone(), t, tr.clone());
    Terms {
        cognate: cognate_bonus,
        stem: stem_bonus,
        pos: pos_cost,
        anchor: anchor_cost,
        heading: heading_cost,
        merge: merge_cost,
        pin: pin_cost,
    }
}

/// A bead's cost from its [`Terms`] and the length cost under `ratio`.
pub(super) fn finish(
    p: &Params,
    ratio: Ratio,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
    x: Terms,
) -> f64 {
    let a = sr.len();
    let b = tr.len();
    if a == 0 || b == 0 {
        return p.skip * (a + b) as f64 + x.pin;
    }
    let (l1, l2) = lengths(s, &sr, t, &tr);
    let c = ratio.0;
    let len_cost = length_cost(l1, l2, c);
    if debug_align() {
        eprintln!(
            "{sr:?} {tr:?} len {len_cost:.2} (l1 {l1} l2 {l2} c {c:.2}) pos {:.2} anch {:.2} merge {} pin {} stem {:.2}",
            x.pos, x.anchor, x.merge, x.pin, x.stem
        );
    }
    p.length_weight * len_cost - p.anchor_weight * 0.2 * x.cognate - x.stem
        + p.position_weight * x.pos
        + p.anchor_weight * x.anchor
        + p.heading_weight * x.heading
        + x.merge
        + x.pin
}
