//! The dynamic programme over beads, in the full table or a band around its diagonal.

use super::cost::{bead_cost, bead_cost_kept, bead_cost_unless, debug_align, Kept, Ratio};
use super::side::Side;
use super::{Bead, Params};

/// Alignments whose full table would have more cells than this are searched in a band
/// around the diagonal: the full table is O(n·m) in time and memory, and 10,000 sections
/// a side (10^8 cells) took minutes and a gigabyte.
pub(super) const FULL_TABLE_CELLS: usize = 250_000;
/// Cells a banded search may visit (its half-width shrinks as the sides grow).
pub(super) const BAND_CELLS: usize = 200_000;
/// The narrowest half-width of a band.
pub(super) const BAND_MIN: usize = 8;

/// The columns `lo[i]..=hi[i]` searched in each row `i`, and where each row starts in
/// the flat tables. Both bounds never decrease, row 0 starts at column 0 and row `n`
/// ends at column `m`, so a path of 1-0 and 0-1 beads always exists inside the band.
pub(super) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    start: Vec<usize>,
    cells: usize,
}

impl Band {
    pub(super) fn new(n: usize, m: usize) -> Band {
        let (mut lo, mut hi) = (Vec::with_capacity(n + 1), Vec::with_capacity(n + 1));
        if (n + 1).saturating_mul(m + 1) <= FULL_TABLE_CELLS {
            lo.resize(n + 1, 0);
            hi.resize(n + 1, m);
        } else {
            // Around the straight line from (0, 0) to (n, m), wide enough that each row
            // overlaps the next.
            let w = (BAND_CELLS / (2 * n.max(m) + 1)).max(BAND_MIN).max(m.div_ceil(n.max(1)) + 1);
            for i in 0..=n {
                let c = i * m / n.max(1);
                lo.push(c.saturating_sub(w));
                hi.push((c + w).min(m));
            }
        }
        let mut start = Vec::with_capacity(n + 2);
        let mut cells = 0;
        for i in 0..=n {
            start.push(cells);
            cells += hi[i] - lo[i] + 1;
        }
        Band { lo, hi, start, cells }
    }

    pub(super) fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.start[i] + j - self.lo[i])
    }
}

/// The most bead terms a [`Memo`] keeps (64 bytes each): above it, each search computes
/// its own.
const MEMO_TERMS: usize = 1 << 16;

/// What a first search learnt of every bead ([`Kept`]: its terms, or the bound that left it out), for the searches of the same two sides
/// under other ratios (an alignment without a given ratio searches two to four times).
/// Only where no term depends on the ratio (no `Params::part_length`) and the table is
/// small; otherwise each search computes its own, with the same results.
pub(super) struct Memo {
    /// By cell and bead: what the searches so far learnt of the bead (its terms, or
    /// the bound that left it out).
    terms: Vec<Kept>,
}

impl Memo {
    pub(super) fn new(s: &Side, t: &Side, p: &Params) -> Option<Memo> {
        let cells = Band::new(s.items.len(), t.items.len()).cells;
        let beads = 2 + 2 * p.max_merge - 1;
        (!p.part_length && cells.saturating_mul(beads) <= MEMO_TERMS)
            .then(|| Memo { terms: vec![Kept::Unknown; cells * beads] })
    }
}

/// The beads a search tries, in the order their costs are computed in a cell: the skip
/// beads first (cheap), then one to one (most often the best), then the merges, whose
/// dearest terms [`bead_cost_unless`] leaves out once a bound shows the bead loses.
fn bead_kinds(max_merge: usize) -> Vec<(usize, usize)> {
    let mut beads: Vec<(usize, usize)> = vec![(1, 0), (0, 1)];
    for a in 1..=max_merge {
        for b in 1..=max_merge {
            if a == 1 || b == 1 {
                beads.push((a, b));
            }
        }
    }
    beads
}

/// The best way into each cell of the table, and the beads of the best path.
///
/// Each cell takes the cheapest of the beads that end in it; of equal costs, the one
/// that starts in the cell first in row order (the one a search pushing costs forward
/// from each cell in row order keeps, since it replaces a cost only by a smaller one).
/// Searching cell by cell lets the skips come first and the merges last: a bead whose
/// bound (`bead_cost_unless`) already exceeds the best so far cannot win, nor tie (a tie
/// would need equal costs), and its evidence is not looked at.
pub(super) fn dp(s: &Side, t: &Side, p: &Params, ratio: Ratio, memo: Option<&mut Memo>) -> Vec<Bead> {
    let (band, cost, back) = table(s, t, p, ratio, memo);
    path(s.items.len(), t.items.len(), &band, &cost, &back)
}

/// Each cell's cost and the bead that ends the best path into it.
pub(super) type Table = (Band, Vec<f64>, Vec<(u8, u8)>);

/// The table of [`dp`].
pub(super) fn table(s: &Side, t: &Side, p: &Params, ratio: Ratio, mut memo: Option<&mut Memo>) -> Table {
    let (n, m) = (s.items.len(), t.items.len());
    let beads = bead_kinds(p.max_merge);
    // The rank of each bead into a cell: the row-major order of the cells it starts in.
    let mut order: Vec<usize> = (0..beads.len()).collect();
    order.sort_by_key(|&e| (std::cmp::Reverse(beads[e].0), std::cmp::Reverse(beads[e].1)));
    let mut rank = vec![0usize; beads.len()];
    for (r, &e) in order.iter().enumerate() {
        rank[e] = r;
    }
    let band = Band::new(n, m);
    let mut cost = vec![f64::INFINITY; band.cells];
    let mut back = vec![(0u8, 0u8); band.cells];
    cost[0] = 0.0;
    // (With the alignment's debug output on, every bead is costed, as it prints them.)
    let bounded = !debug_align();
    let prune = memo.is_none() && bounded;
    for i2 in 0..=n {
        for j2 in band.lo[i2]..=band.hi[i2] {
            if i2 == 0 && j2 == 0 {
                continue;
            }
            let k = band.start[i2] + j2 - band.lo[i2];
            let mut best: Option<(f64, usize, usize)> = None;
            for (e, &(a, b)) in beads.iter().enumerate() {
                if a > i2 || b > j2 {
                    continue;
                }
                let (i, j) = (i2 - a, j2 - b);
                let Some(cell) = band.index(i, j) else { continue };
                let here = cost[cell];
                if !here.is_finite() {
                    continue;
                }
                let (sr, tr) = (i..i2, j..j2);
                let bead = match memo.as_deref_mut() {
                    None if prune => {
                        // A bound that loses to the best so far (strictly: a tie is
                        // decided by the rank) needs no exact cost.
                        let beaten = |bound: f64| best.is_some_and(|(c, _, _)| here + bound > c);
                        match bead_cost_unless(p, ratio, s, sr, t, tr, beaten) {
                            Some(x) => x,
                            None => continue,
                        }
                    }
                    None => bead_cost(p, ratio, s, sr, t, tr),
                    Some(m) => {
                        let beaten = |bound: f64| bounded && best.is_some_and(|(c, _, _)| here + bound > c);
                        match bead_cost_kept(
                            p,
                            ratio,
                            s,
                            sr,
                            t,
                            tr,
                            beaten,
                            &mut m.terms[cell * beads.len() + e],
                        ) {
                            Some(x) => x,
                            None => continue,
                        }
                    }
                };
                let c = here + bead;
                let better = match best {
                    None => c < f64::INFINITY,
                    Some((b, r, _)) => c < b || (c == b && rank[e] < r),
                };
                if better {
                    best = Some((c, rank[e], e));
                }
            }
            if let Some((c, _, e)) = best {
                cost[k] = c;
                back[k] = (beads[e].0 as u8, beads[e].1 as u8);
            }
        }
    }
    (band, cost, back)
}

/// The beads of the best path through a table.
fn path(n: usize, m: usize, band: &Band, cost: &[f64], back: &[(u8, u8)]) -> Vec<Bead> {
    let at = |i: usize, j: usize| band.index(i, j).expect("the path stays in the band");
    // The path's length first: a document keeps its beads to the end, with no growth
    // slack (a quarter of the block beads' bytes on a long document, session 8).
    let (mut i, mut j, mut len) = (n, m, 0);
    while i > 0 || j > 0 {
        let (a, b) = back[at(i, j)];
        (i, j, len) = (i - a as usize, j - b as usize, len + 1);
    }
    let mut out = Vec::with_capacity(len);
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (a, b) = back[at(i, j)];
        let (a, b) = (a as usize, b as usize);
        let c = cost[at(i, j)] - cost[at(i - a, j - b)];
        out.push(Bead { src: i - a..i, tgt: j - b..j, cost: c, confidence: 0.0, ties: Vec::new(), or: 0 });
        i -= a;
        j -= b;
    }
    out.reverse();
    out
}

/// The search as it was written first, for the tests: each cell pushes its costs forward
/// to the cells its beads end in, every bead costed in full.
#[cfg(test)]
pub(super) fn table_pushed(s: &Side, t: &Side, p: &Params, ratio: Ratio) -> Table {
    let (n, m) = (s.items.len(), t.items.len());
    let beads = bead_kinds(p.max_merge);
    let band = Band::new(n, m);
    let mut cost = vec![f64::INFINITY; band.cells];
    let mut back = vec![(0u8, 0u8); band.cells];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let here = cost[band.start[i] + j - band.lo[i]];
            if !here.is_finite() {
                continue;
            }
            for &(a, b) in &beads {
                if i + a > n || j + b > m {
                    continue;
                }
                let Some(k) = band.index(i + a, j + b) else { continue };
                let c = here + bead_cost(p, ratio, s, i..i + a, t, j..j + b);
                if c < cost[k] {
                    cost[k] = c;
                    back[k] = (a as u8, b as u8);
                }
            }
        }
    }
    (band, cost, back)
}
