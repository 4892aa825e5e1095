//! The dynamic programme over beads, in the full table or a band around its diagonal.

use super::cost::{bead_cost, finish, terms, Ratio, Terms};
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

/// The most bead terms a [`Memo`] keeps (56 bytes each): above it, each search computes
/// its own.
const MEMO_TERMS: usize = 1 << 16;

/// The [`Terms`] of every bead of a first search, for the searches of the same two sides
/// under other ratios (an alignment without a given ratio searches two to four times).
/// Only where no term depends on the ratio (no `Params::part_length`) and the table is
/// small; otherwise each search computes its own, with the same results.
pub(super) struct Memo {
    terms: Vec<Terms>,
    filled: bool,
}

impl Memo {
    pub(super) fn new(s: &Side, t: &Side, p: &Params) -> Option<Memo> {
        let cells = Band::new(s.items.len(), t.items.len()).cells;
        let beads = 2 + 2 * p.max_merge - 1;
        (!p.part_length && cells.saturating_mul(beads) <= MEMO_TERMS)
            .then(|| Memo { terms: vec![Terms::default(); cells * beads], filled: false })
    }
}

pub(super) fn dp(s: &Side, t: &Side, p: &Params, ratio: Ratio, mut memo: Option<&mut Memo>) -> Vec<Bead> {
    let (n, m) = (s.items.len(), t.items.len());
    let mut beads: Vec<(usize, usize)> = vec![(1, 0), (0, 1)];
    for a in 1..=p.max_merge {
        for b in 1..=p.max_merge {
            if a == 1 || b == 1 {
                beads.push((a, b));
            }
        }
    }
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
            let cell = band.start[i] + j - band.lo[i];
            for (e, &(a, b)) in beads.iter().enumerate() {
                if i + a > n || j + b > m {
                    continue;
                }
                let Some(k) = band.index(i + a, j + b) else { continue };
                let (sr, tr) = (i..i + a, j..j + b);
                let bead = match memo.as_deref_mut() {
                    None => bead_cost(p, ratio, s, sr, t, tr),
                    Some(m) => {
                        let x = &mut m.terms[cell * beads.len() + e];
                        if !m.filled {
                            *x = terms(p, ratio, s, sr.clone(), t, tr.clone());
                        }
                        finish(p, ratio, s, sr, t, tr, *x)
                    }
                };
                let c = here + bead;
                if c < cost[k] {
                    cost[k] = c;
                    back[k] = (a as u8, b as u8);
                }
            }
        }
    }
    if let Some(m) = memo {
        m.filled = true;
    }
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
