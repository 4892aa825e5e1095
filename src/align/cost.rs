//! The cost of a bead: Gale–Church length, position, anchors, stems, cognates, headings,
//! merges and pins.

use super::evidence::{
    cognate_overlap, confidence, kept_key_weights, pin_term, similarity, stem_dice, unshared_names,
    unsupported_parts, Lengths,
};
use super::side::{self, Side};
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
    let (x, merge) = terms_but_parts(p, s, sr.clone(), t, tr.clone());
    match merge {
        Some(m) if m.merge => Terms { merge: m.total(p, unsupported(p, ratio, s, sr, t, tr)), ..x },
        _ => x,
    }
}

/// A bead's merge cost in its parts, summed by [`MergeCost::total`] in the order
/// `terms` always summed them: the merge itself, its unsupported parts (a merge only),
/// code with prose, mixed kinds of units.
#[derive(Clone, Copy)]
pub(super) struct MergeCost {
    base: f64,
    /// A 2-1, 1-2 or larger bead, whose unsupported parts cost.
    merge: bool,
    code: bool,
    mixed: bool,
}

impl MergeCost {
    /// The merge cost with `parts` unsupported parts (none but for a merge).
    fn total(self, p: &Params, parts: usize) -> f64 {
        let mut cost = self.base;
        if self.merge {
            cost += p.unsupported_merge * parts as f64;
        }
        if self.code {
            // Code with prose: a command never becomes its description.
            cost += p.unsupported_merge;
        }
        if self.mixed {
            cost += p.unsupported_merge;
        }
        cost
    }
}

/// The unsupported parts of a merge bead (`evidence::unsupported_parts`), with the
/// lengths it reads.
fn unsupported(p: &Params, ratio: Ratio, s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> usize {
    let (l1, l2) = if p.part_length { lengths(s, &sr, t, &tr) } else { (0.0, 0.0) };
    let cost = if p.part_length { length_cost(l1, l2, ratio.0) } else { 0.0 };
    unsupported_parts(s, sr, t, tr, ratio.0, p.part_length, Lengths { l1, l2, cost })
}

/// A bead's [`Terms`] with its merge cost as if no part of a merge were unsupported (the
/// least it can be), and the merge cost's parts (none for a bead with an empty side).
fn terms_but_parts(
    p: &Params,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
) -> (Terms, Option<MergeCost>) {
    if sr.is_empty() || tr.is_empty() {
        return (Terms { pin: p.pin * pin_term(s, sr, t, tr), ..Terms::default() }, None);
    }
    let (x, merge) = plain_terms(p, s, sr.clone(), t, tr.clone());
    (with_evidence(p, s, sr, t, tr, x), Some(merge))
}

/// The terms of a bead with two sides that need no evidence: position, headings, merge
/// (without unsupported parts) and pins. The evidence terms are left at zero.
fn plain_terms(p: &Params, s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> (Terms, MergeCost) {
    let a = sr.len();
    let b = tr.len();
    let pos_cost = position(s, &sr, t, &tr);
    let heading_cost = heading(s, &sr, t, &tr);
    let code = |side: &Side, r: Range<usize>| {
        let n = side.items[r.clone()].iter().filter(|i| i.code).count();
        (n > 0, n < r.len())
    };
    let mixed = |side: &Side, r: Range<usize>| {
        side.items[r.clone()].iter().any(|i| i.shape != side.items[r.start].shape)
    };
    let merge = MergeCost {
        base: p.merge * ((a.max(b) - 1) as f64),
        merge: a > 1 || b > 1,
        code: code(s, sr.clone()) != code(t, tr.clone()),
        mixed: mixed(s, sr.clone()) || mixed(t, tr.clone()),
    };
    let pin_cost = p.pin * pin_term(s, sr, t, tr);
    let x = Terms {
        pos: pos_cost,
        heading: heading_cost,
        merge: merge.total(p, 0),
        pin: pin_cost,
        ..Terms::default()
    };
    (x, merge)
}

/// The position term of a bead with two sides: how far apart their relative places are.
#[inline]
fn position(s: &Side, sr: &Range<usize>, t: &Side, tr: &Range<usize>) -> f64 {
    let (n, m) = (s.items.len() as f64, t.items.len() as f64);
    let ps = (sr.start as f64 + sr.len() as f64 / 2.0) / n;
    let pt = (tr.start as f64 + tr.len() as f64 / 2.0) / m;
    (ps - pt).abs()
}

/// The heading term of a bead with two sides: 1 when one starts with a heading and the
/// other does not.
#[inline]
fn heading(s: &Side, sr: &Range<usize>, t: &Side, tr: &Range<usize>) -> f64 {
    if s.items[sr.start].heading != t.items[tr.start].heading {
        1.0
    } else {
        0.0
    }
}

/// Bounds of a bead's terms (two sides) that need no walk over its keys, stems or names,
/// for [`bead_terms_unless`] to try before anything dearer: summed with the length cost
/// at 0 (the quick bound, which needs no lengths either: the length cost is `-ln` of a
/// probability of at most 1, see `length_cost_is_never_negative` in the tests), then with
/// the length cost exact (for blocks, the term that decides most beads). The merge cost
/// at its base (code with prose and mixed kinds only add to it), the evidence terms at
/// the bounds of [`evidence_bounds`] that a unit's emptiness decides (an anchor term of
/// at least that of a full similarity with full confidence, or exactly 0 when a side
/// has no keys; stem and name bonuses at most 1, or 0 when a side has none); position,
/// heading and pins exact. Each term is on the side of the exact one that makes the sum
/// smaller, and [`sum`] adds them in its one order: either bound is at most the cost as
/// rounded.
/// (Inlined: called for most beads the search tries, and cheap beside the call.)
#[inline(always)]
fn quick_terms(p: &Params, s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> Terms {
    // What both sides have some of: keys, stems, names (`Side::has`).
    let has = |side: &Side, r: &Range<usize>| match r.len() {
        1 => side.has[r.start],
        _ => side.has[r.clone()].iter().fold(0u8, |a, b| a | b),
    };
    let both = has(s, &sr) & has(t, &tr);
    Terms {
        cognate: if both & side::NAMES != 0 { 1.0 } else { 0.0 },
        stem: p.stem_weight * if both & side::STEMS != 0 { 1.0 } else { 0.0 },
        pos: position(s, &sr, t, &tr),
        anchor: if both & side::KEYS != 0 { anchor_term(1.0, 1.0) } else { NEUTRAL },
        heading: heading(s, &sr, t, &tr),
        merge: p.merge * ((sr.len().max(tr.len()) - 1) as f64),
        // (`pin_term` is 0 without rungs: no call.)
        pin: p.pin * if s.rungs || t.rungs { pin_term(s, sr, t, tr) } else { 0.0 },
    }
}

/// The anchor term of a bead from the Dice similarity `x` of its anchors and its
/// confidence: shared anchors are strong evidence; unshared ones weaker, since
/// translations drift (a changed link should not unpair two sections).
fn anchor_term(x: f64, conf: f64) -> f64 {
    conf * (0.6 * (1.0 - x) - 0.2 * x) + (1.0 - conf) * NEUTRAL
}

/// [`plain_terms`] with the evidence terms: anchors, names, stems.
fn with_evidence(p: &Params, s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>, x: Terms) -> Terms {
    let anchor_cost = match similarity(s, sr.clone(), t, tr.clone()) {
        Some((x, conf)) => anchor_term(x, conf),
        None => NEUTRAL,
    };
    // Shared names make a pair likelier; a line of names paired with one that keeps none
    // of them, much less likely (more than an unshared link: translations drop links,
    // not the name of the person to write to).
    let cognate_bonus = cognate_overlap(s, sr.clone(), t, tr.clone())
        - 2.0 * unshared_names(s, sr.clone(), t, tr.clone()) as f64;
    let stem_bonus = p.stem_weight * stem_dice(s, sr, t, tr);
    Terms { cognate: cognate_bonus, stem: stem_bonus, anchor: anchor_cost, ..x }
}

/// Bounds of the evidence terms of a bead that cost little to find, for [`plain_terms`]:
/// the anchor term at least what it is with every anchor shared (the term falls as the
/// similarity rises, and the similarity is at most 1) or exactly what it is when a side
/// has none; the stem and name bonuses at most 1 each (their Dice and overlap are at
/// most 1, and unshared names only lower the bonus), or 0 when a side has no stems or
/// no names (the walks then find nothing).
fn evidence_bounds(p: &Params, s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>, x: Terms) -> Terms {
    let anchor = match kept_key_weights(s, sr.clone(), t, tr.clone()) {
        Some((wa, wb)) if wa == 0.0 && wb == 0.0 => NEUTRAL,
        Some((wa, wb)) if wa == 0.0 || wb == 0.0 => anchor_term(0.0, confidence(wa, wb)),
        Some((wa, wb)) => anchor_term(1.0, confidence(wa, wb)),
        None => {
            let bare = |side: &Side, r: Range<usize>| r.into_iter().all(|u| side.keys[u].is_empty());
            // A side without keys: no similarity (`NEUTRAL`), or none shared (a term of
            // at least zero, `NEUTRAL`). Else at least the term of a full similarity with
            // the highest confidence.
            if bare(s, sr.clone()) || bare(t, tr.clone()) {
                NEUTRAL
            } else {
                anchor_term(1.0, 1.0)
            }
        }
    };
    let none =
        |side: &Side, r: Range<usize>, of: fn(&Side, usize) -> bool| r.into_iter().all(|u| of(side, u));
    let no_stems = |side: &Side, u: usize| side.stems[u].is_empty();
    let no_names = |side: &Side, u: usize| side.cognates[u].is_empty();
    let stems = none(s, sr.clone(), no_stems) || none(t, tr.clone(), no_stems);
    let names = none(s, sr, no_names) || none(t, tr, no_names);
    Terms {
        cognate: if names { 0.0 } else { 1.0 },
        stem: p.stem_weight * if stems { 0.0 } else { 1.0 },
        anchor,
        ..x
    }
}

/// [`bead_cost`], or none when `beaten` holds for a lower bound of it. The bounds come
/// in three steps, each dearer and closer: [`quick_terms`] (no lengths, no walk over
/// keys: most beads the search tries lose already there), the bead's cost with the
/// evidence terms at their bounds ([`evidence_bounds`]), then with them exact; all with
/// no part of a merge unsupported (`unsupported_parts` only adds to the cost). Sums, differences
/// and products by non-negative constants never round a larger operand to a smaller
/// result, and the cost is summed in one order ([`sum`]): each bound is at most the
/// cost as `bead_cost` rounds it, so a caller that drops the bead only when even the
/// bound loses drops nothing that could win. Beads with an empty side are not bounded
/// (they cost little, and the search costs them first: they give the best to beat).
pub(super) fn bead_cost_unless(
    p: &Params,
    ratio: Ratio,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
    beaten: impl Fn(f64) -> bool,
) -> Option<f64> {
    bead_terms_unless(p, ratio, s, sr, t, tr, beaten).map(|(_, cost)| cost)
}

/// [`bead_cost_unless`] with the bead's [`Terms`] (for a [`super::search::Memo`]).
pub(super) fn bead_terms_unless(
    p: &Params,
    ratio: Ratio,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
    beaten: impl Fn(f64) -> bool,
) -> Option<(Terms, f64)> {
    if sr.is_empty() || tr.is_empty() {
        if let Some(x) = skip_without_rungs(p, s, &sr, t, &tr) {
            return Some(x);
        }
        let x = terms(p, ratio, s, sr.clone(), t, tr.clone());
        return Some((x, finish(p, ratio, s, sr, t, tr, x)));
    }
    let quick = quick_terms(p, s, sr.clone(), t, tr.clone());
    if beaten(sum(p, 0.0, quick)) {
        return None;
    }
    let (l1, l2) = lengths(s, &sr, t, &tr);
    let len_cost = length_cost(l1, l2, ratio.0);
    if beaten(sum(p, len_cost, quick)) {
        return None;
    }
    let (plain, merge) = plain_terms(p, s, sr.clone(), t, tr.clone());
    if beaten(sum(p, len_cost, evidence_bounds(p, s, sr.clone(), t, tr.clone(), plain))) {
        return None;
    }
    let x = with_evidence(p, s, sr.clone(), t, tr.clone(), plain);
    if !merge.merge {
        // (No unsupported parts: the cost is what `finish` makes of the terms.)
        return Some((x, sum(p, len_cost, x)));
    }
    if beaten(sum(p, len_cost, x)) {
        return None;
    }
    let x = Terms { merge: merge.total(p, unsupported(p, ratio, s, sr, t, tr)), ..x };
    Some((x, sum(p, len_cost, x)))
}

/// The terms and cost of a bead with an empty side where neither side has a rung (most
/// alignments): what [`terms`] and [`finish`] give it, without their calls and walks
/// (the pin term is then 0, as `pin_term` returns it; `finish` prints no such bead).
#[inline]
fn skip_without_rungs(
    p: &Params,
    s: &Side,
    sr: &Range<usize>,
    t: &Side,
    tr: &Range<usize>,
) -> Option<(Terms, f64)> {
    if s.rungs || t.rungs {
        return None;
    }
    let x = Terms { pin: p.pin * 0.0, ..Terms::default() };
    Some((x, p.skip * (sr.len() + tr.len()) as f64 + x.pin))
}

/// What a [`super::search::Memo`] keeps of a bead between the searches of one alignment
/// under several ratios: none of it depends on the ratio (only the length cost does,
/// which is computed each time).
#[derive(Clone, Copy, Default)]
pub(super) enum Kept {
    /// Not costed yet.
    #[default]
    Unknown,
    /// Left out by its [`quick_terms`], which are kept.
    Quick(Terms),
    /// Left out with the evidence terms at their bounds ([`evidence_bounds`]): those terms.
    Bounded(Terms),
    /// Costed: its terms.
    Exact(Terms),
}

/// [`bead_terms_unless`] for a search that keeps what it learnt of each bead in `kept`
/// (a [`super::search::Memo`]): a bead is taken up where the last search left it, its
/// bounds and terms not computed again. Where a search left it out, the next checks the
/// bound that did it first, then goes on as `bead_terms_unless` does. A bead with its
/// terms known is first bounded with its length cost at 0 (the length cost is never
/// negative, see [`quick_terms`]), so that a losing bead's length cost is not computed.
/// The bounds are those of `bead_terms_unless`, hence the costs and the beads left out
/// are those it gives. (The arguments of `bead_terms_unless` and the memo's slot.)
#[allow(clippy::too_many_arguments)]
pub(super) fn bead_cost_kept(
    p: &Params,
    ratio: Ratio,
    s: &Side,
    sr: Range<usize>,
    t: &Side,
    tr: Range<usize>,
    beaten: impl Fn(f64) -> bool,
    kept: &mut Kept,
) -> Option<f64> {
    if sr.is_empty() || tr.is_empty() {
        if let Some((_, cost)) = skip_without_rungs(p, s, &sr, t, &tr) {
            return Some(cost);
        }
        let x = match *kept {
            Kept::Exact(x) => x,
            _ => terms(p, ratio, s, sr.clone(), t, tr.clone()),
        };
        *kept = Kept::Exact(x);
        return Some(finish(p, ratio, s, sr, t, tr, x));
    }
    let bounds = match *kept {
        Kept::Exact(x) => {
            if beaten(sum(p, 0.0, x)) {
                return None;
            }
            return Some(finish(p, ratio, s, sr, t, tr, x));
        }
        Kept::Bounded(b) => {
            if beaten(sum(p, 0.0, b)) {
                return None;
            }
            Some(b)
        }
        Kept::Quick(q) => {
            if beaten(sum(p, 0.0, q)) {
                return None;
            }
            None
        }
        Kept::Unknown => {
            let q = quick_terms(p, s, sr.clone(), t, tr.clone());
            *kept = Kept::Quick(q);
            if beaten(sum(p, 0.0, q)) {
                return None;
            }
            None
        }
    };
    let (l1, l2) = lengths(s, &sr, t, &tr);
    let len_cost = length_cost(l1, l2, ratio.0);
    if let Kept::Quick(q) = *kept {
        if beaten(sum(p, len_cost, q)) {
            return None;
        }
    }
    let (plain, merge) = plain_terms(p, s, sr.clone(), t, tr.clone());
    let b = bounds.unwrap_or_else(|| evidence_bounds(p, s, sr.clone(), t, tr.clone(), plain));
    if beaten(sum(p, len_cost, b)) {
        *kept = Kept::Bounded(b);
        return None;
    }
    let x = with_evidence(p, s, sr.clone(), t, tr.clone(), plain);
    if merge.merge {
        if beaten(sum(p, len_cost, x)) {
            *kept = Kept::Bounded(b);
            return None;
        }
        let x = Terms { merge: merge.total(p, unsupported(p, ratio, s, sr, t, tr)), ..x };
        *kept = Kept::Exact(x);
        return Some(sum(p, len_cost, x));
    }
    *kept = Kept::Exact(x);
    Some(sum(p, len_cost, x))
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
    sum(p, len_cost, x)
}

/// A bead's cost from its length cost and its other [`Terms`] (the one order of the sum).
fn sum(p: &Params, len_cost: f64, x: Terms) -> f64 {
    p.length_weight * len_cost - p.anchor_weight * 0.2 * x.cognate - x.stem
        + p.position_weight * x.pos
        + p.anchor_weight * x.anchor
        + p.heading_weight * x.heading
        + x.merge
        + x.pin
}
