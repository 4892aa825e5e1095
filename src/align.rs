//! Alignment of two sequences (sections, or blocks within aligned sections) by dynamic
//! programming over beads (1-1, 1-0, 0-1, 2-1, 1-2, and up to 3-1/1-3 for blocks).
//!
//! The cost of a bead combines a Gale–Church length term (calibrated by the document's
//! own length ratio), the distance between relative positions, and the weighted Dice
//! similarity of the anchors both sides carry. Shared anchors outweigh position, so a
//! dropped or merged section does not shift the rest.

use std::collections::HashMap;
use std::ops::Range;

/// What the aligner knows of one unit.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Length in characters.
    pub len: f64,
    /// Normalised anchor keys with their weights (compact strings: most keys are short
    /// and need no allocation of their own).
    pub anchors: Vec<(compact_str::CompactString, f64)>,
    /// Names and acronyms kept as they are across languages: shared ones make a pair
    /// likelier, unshared ones say nothing (they may be plain capitalised words).
    pub cognates: Vec<compact_str::CompactString>,
    pub heading: bool,
    /// Hard keys: a custom heading id, a heading written the same in every language (a
    /// technical key, a code, a number such as `A01:2021` or `4.b`), a step number. A
    /// pin that occurs once on each side ties its two units together (a rung): pairing
    /// either with anything else, or leaving it unaligned, costs `Params::pin`.
    pub pins: Vec<String>,
    /// The unit is code only (a command line): it pairs with code and merges with
    /// nothing but code.
    pub code: bool,
    /// The kind of unit (heading, list item, code, other text): the parts of a merge
    /// are of one kind (a list item does not merge with the paragraph before it).
    pub shape: u8,
    /// Word stems (the first four letters of longer Latin-script words), after Simard
    /// et al.: related languages share many (`test`/`testez`, `chan`ges/`chan`gements).
    /// A weak signal, worth most where lengths cannot decide; none across scripts.
    /// Four ASCII letters each, kept as bytes: a `String` per word was a quarter of the
    /// peak memory on a long document (docs/reliability.md).
    pub stems: Vec<[u8; 4]>,
}

#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Largest number of units on one side of a bead.
    pub max_merge: usize,
    pub length_weight: f64,
    pub position_weight: f64,
    pub anchor_weight: f64,
    pub heading_weight: f64,
    /// Cost of leaving one unit unaligned.
    pub skip: f64,
    /// Cost of a 2-1 or 1-2 bead on top of its match cost; 3-1 costs twice this.
    pub merge: f64,
    /// Bonus for a bead that keeps a pin's two units together, and the cost of one that
    /// separates them.
    pub pin: f64,
    /// Cost of merging a unit that carries anchors of its own, none of them on the other
    /// side: a merge needs positive evidence for each of its parts.
    pub unsupported_merge: f64,
    /// Bonus for the Dice similarity of the two sides' stems.
    pub stem_weight: f64,
}

pub const SECTIONS: Params = Params {
    max_merge: 2,
    length_weight: 0.6,
    position_weight: 3.0,
    anchor_weight: 5.0,
    heading_weight: 0.0,
    skip: 2.2,
    merge: 2.4,
    pin: 6.0,
    unsupported_merge: 8.0,
    stem_weight: 2.0,
};

pub const BLOCKS: Params = Params {
    max_merge: 3,
    length_weight: 1.0,
    position_weight: 2.0,
    anchor_weight: 4.0,
    heading_weight: 1.5,
    skip: 2.6,
    merge: 1.2,
    pin: 5.0,
    unsupported_merge: 6.0,
    stem_weight: 2.5,
};

/// A group of source units aligned with a group of target units; either may be empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub src: Range<usize>,
    pub tgt: Range<usize>,
    pub cost: f64,
    /// How sure the aligner is of this bead, from 0 to 1 (see [`confidence`]).
    pub confidence: f64,
    /// The anchors and pins both sides share, as `kind:key` (what tied the bead); compact
    /// strings, as a document keeps its beads to the end.
    pub ties: Vec<compact_str::CompactString>,
}

/// Standard normal CDF (Abramowitz–Stegun 7.1.26 approximation of erf).
fn phi(x: f64) -> f64 {
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

/// One side of an alignment, with anchor keys interned to integers so that the many bead
/// costs of the dynamic programme compare sorted integer lists, not strings.
struct Side<'a> {
    items: &'a [Item],
    /// Per unit: (key id, count, weight divided by the key's document frequency), by id.
    keys: Vec<Vec<(u32, f64, f64)>>,
    /// Per unit: cognate ids, sorted.
    cognates: Vec<Vec<u32>>,
    /// Per unit: pin ids that occur once on this side.
    pins: Vec<Vec<u32>>,
    /// Per unit: its pins that occur once on the other side too (rungs).
    live: Vec<Vec<u32>>,
    /// Per unit: stem ids, sorted and unique.
    stems: Vec<Vec<u32>>,
    /// Weight of each stem: one over the number of units that have it (a stem in every
    /// paragraph, `vers`ion, `node`, says little about which two pair).
    stem_w: Vec<f64>,
    total: f64,
    /// The same, combined for every run of 2 and 3 units (the merges beads make): built
    /// once per side instead of once per bead cost.
    runs: Runs,
}

/// Per run length (2, 3) and start unit: combined keys, sorted unique stems, sorted
/// stems with repeats, sorted cognates.
#[derive(Default)]
struct Runs {
    keys: [Vec<Vec<(u32, f64, f64)>>; 2],
    stems: [Vec<Vec<u32>>; 2],
    stems_all: [Vec<Vec<u32>>; 2],
    cognates: [Vec<Vec<u32>>; 2],
}

impl Runs {
    fn new(keys: &[Vec<(u32, f64, f64)>], stems: &[Vec<u32>], cognates: &[Vec<u32>]) -> Runs {
        let n = keys.len();
        let each = |f: &dyn Fn(Range<usize>) -> Vec<_>| -> [Vec<Vec<_>>; 2] {
            [2, 3].map(|k| (0..(n + 1).saturating_sub(k)).map(|i| f(i..i + k)).collect())
        };
        Runs {
            keys: [2, 3]
                .map(|k| (0..(n + 1).saturating_sub(k)).map(|i| combine_keys(&keys[i..i + k])).collect()),
            stems: each(&|r| {
                let mut v = sorted(&stems[r]);
                v.dedup();
                v
            }),
            stems_all: each(&|r| sorted(&stems[r])),
            cognates: each(&|r| sorted(&cognates[r])),
        }
    }
}

/// The value of a run of 2 or 3 units from [`Runs`].
fn run<'v, T>(by_len: &'v [Vec<T>; 2], r: &Range<usize>) -> Option<&'v T> {
    match r.len() {
        2 | 3 => by_len[r.len() - 2].get(r.start),
        _ => None,
    }
}

/// The ids of several units, sorted (repeats kept).
fn sorted(units: &[Vec<u32>]) -> Vec<u32> {
    let mut v: Vec<u32> = units.iter().flatten().copied().collect();
    v.sort_unstable();
    v
}

/// The keys of several units, combined: counts added, by id.
fn combine_keys(units: &[Vec<(u32, f64, f64)>]) -> Vec<(u32, f64, f64)> {
    let mut v: Vec<(u32, f64, f64)> = units.iter().flatten().copied().collect();
    v.sort_by_key(|x| x.0);
    let mut out: Vec<(u32, f64, f64)> = Vec::with_capacity(v.len());
    for e in v {
        match out.last_mut() {
            Some(l) if l.0 == e.0 => l.1 += e.1,
            _ => out.push(e),
        }
    }
    out
}

/// The expected target/source length ratio used by the length term.
#[derive(Clone, Copy)]
struct Ratio(f64);

fn intern<'k>(ids: &mut HashMap<&'k str, u32>, k: &'k str) -> u32 {
    let n = ids.len() as u32;
    *ids.entry(k).or_insert(n)
}

impl<'a> Side<'a> {
    fn new(items: &'a [Item], ids: &mut HashMap<&'a str, u32>) -> Side<'a> {
        let mut df: HashMap<u32, f64> = HashMap::new();
        let mut raw: Vec<Vec<(u32, f64)>> = Vec::with_capacity(items.len());
        for it in items {
            let mut v: Vec<(u32, f64)> = it.anchors.iter().map(|(k, w)| (intern(ids, k), *w)).collect();
            v.sort_by_key(|x| x.0);
            let mut last = None;
            for (k, _) in &v {
                if last != Some(*k) {
                    *df.entry(*k).or_default() += 1.0;
                    last = Some(*k);
                }
            }
            raw.push(v);
        }
        let keys: Vec<Vec<(u32, f64, f64)>> = raw
            .into_iter()
            .map(|v| {
                let mut out: Vec<(u32, f64, f64)> = Vec::new();
                for (k, w) in v {
                    match out.last_mut() {
                        Some(e) if e.0 == k => e.1 += 1.0,
                        _ => out.push((k, 1.0, w / df.get(&k).copied().unwrap_or(1.0))),
                    }
                }
                out
            })
            .collect();
        let cognates: Vec<Vec<u32>> = items
            .iter()
            .map(|it| {
                let mut v: Vec<u32> = it.cognates.iter().map(|c| intern(ids, c)).collect();
                v.sort_unstable();
                v
            })
            .collect();
        let mut pin_df: HashMap<&str, usize> = HashMap::new();
        for it in items {
            let mut seen: Vec<&str> = it.pins.iter().map(String::as_str).collect();
            seen.sort_unstable();
            seen.dedup();
            for k in seen {
                *pin_df.entry(k).or_default() += 1;
            }
        }
        let pins = items
            .iter()
            .map(|it| {
                let mut v: Vec<u32> =
                    it.pins.iter().filter(|k| pin_df[k.as_str()] == 1).map(|k| intern(ids, k)).collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let stems = items
            .iter()
            .map(|it| {
                let mut v: Vec<u32> = it
                    .stems
                    .iter()
                    .map(|c| intern(ids, std::str::from_utf8(c).unwrap_or_default()))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect::<Vec<Vec<u32>>>();
        let mut stem_w: Vec<f64> =
            vec![0.0; stems.iter().flatten().map(|k| *k as usize + 1).max().unwrap_or(0)];
        for k in stems.iter().flatten() {
            stem_w[*k as usize] += 1.0;
        }
        for w in stem_w.iter_mut().filter(|w| **w > 0.0) {
            *w = 1.0 / *w;
        }
        Side {
            items,
            runs: Runs::new(keys.as_slice(), stems.as_slice(), cognates.as_slice()),
            keys,
            cognates,
            pins,
            live: Vec::new(),
            stems,
            stem_w,
            total: items.iter().map(|i| i.len).sum(),
        }
    }

    /// The keys of a range of units, combined.
    fn keys_of(&self, r: Range<usize>) -> std::borrow::Cow<'_, [(u32, f64, f64)]> {
        if r.len() == 1 {
            return std::borrow::Cow::Borrowed(&self.keys[r.start]);
        }
        if let Some(v) = run(&self.runs.keys, &r) {
            return std::borrow::Cow::Borrowed(v);
        }
        std::borrow::Cow::Owned(combine_keys(&self.keys[r]))
    }
}

/// Weighted Dice similarity of the anchors of two bead sides, with the confidence it
/// deserves (1 when each side carries at least one strong anchor's weight).
fn similarity(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> Option<(f64, f64)> {
    let (xa, xb) = (a.keys_of(ar), b.keys_of(br));
    let wa: f64 = xa.iter().map(|(_, c, w)| c * w).sum();
    let wb: f64 = xb.iter().map(|(_, c, w)| c * w).sum();
    if wa == 0.0 && wb == 0.0 {
        return None;
    }
    let confidence = (wa.min(wb).max(wa.max(wb) / 3.0) / STRONG).min(1.0);
    if wa == 0.0 || wb == 0.0 {
        return Some((0.0, confidence));
    }
    let (mut i, mut j, mut inter) = (0, 0, 0.0);
    while i < xa.len() && j < xb.len() {
        match xa[i].0.cmp(&xb[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += xa[i].1.min(xb[j].1) * (xa[i].2 + xb[j].2) / 2.0;
                i += 1;
                j += 1;
            }
        }
    }
    Some(((2.0 * inter / (wa + wb)).min(1.0), confidence))
}

/// Dice similarity of the stems of two bead sides (0 to 1), each stem weighted by how
/// rare it is on its side.
fn stem_dice(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> f64 {
    // One unit's stems are sorted and unique already: no copy in the common case.
    fn collect<'s>(s: &'s Side, r: Range<usize>) -> std::borrow::Cow<'s, [u32]> {
        if r.len() == 1 {
            return std::borrow::Cow::Borrowed(&s.stems[r.start]);
        }
        if let Some(v) = run(&s.runs.stems, &r) {
            return std::borrow::Cow::Borrowed(v);
        }
        let mut v = sorted(&s.stems[r]);
        v.dedup();
        std::borrow::Cow::Owned(v)
    }
    let (xa, xb) = (collect(a, ar), collect(b, br));
    if xa.is_empty() || xb.is_empty() {
        return 0.0;
    }
    let wa: f64 = xa.iter().map(|k| a.stem_w[*k as usize]).sum();
    let wb: f64 = xb.iter().map(|k| b.stem_w[*k as usize]).sum();
    let shared: f64 = xa
        .iter()
        .filter(|k| xb.binary_search(k).is_ok())
        .map(|k| a.stem_w[*k as usize] + b.stem_w[*k as usize])
        .sum();
    (shared / (wa + wb)).min(1.0)
}

/// Share of the smaller side's cognates that the other side has too (0 to 1).
fn cognate_overlap(a: &Side, ar: Range<usize>, b: &Side, br: Range<usize>) -> f64 {
    fn collect<'s>(s: &'s Side, r: Range<usize>) -> std::borrow::Cow<'s, [u32]> {
        match r.len() {
            1 => std::borrow::Cow::Borrowed(&s.cognates[r.start]),
            _ => run(&s.runs.cognates, &r).map_or_else(|| sorted(&s.cognates[r]).into(), |v| v.into()),
        }
    }
    let (xa, xb) = (collect(a, ar), collect(b, br));
    if xa.is_empty() || xb.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < xa.len() && j < xb.len() {
        match xa[i].cmp(&xb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (shared as f64 / xa.len().min(xb.len()) as f64).min(1.0)
}

/// Marks the pins each side shares with the other (those are rungs).
fn link_pins(s: &mut Side, t: &mut Side) {
    let on =
        |side: &Side| -> std::collections::HashSet<u32> { side.pins.iter().flatten().copied().collect() };
    let (ps, pt) = (on(s), on(t));
    s.live = s.pins.iter().map(|v| v.iter().copied().filter(|k| pt.contains(k)).collect()).collect();
    t.live = t.pins.iter().map(|v| v.iter().copied().filter(|k| ps.contains(k)).collect()).collect();
}

/// Rungs kept (negative) and broken (positive) by a bead, in units of `Params::pin`:
/// each unit whose rung partner is on the other side of the bead is kept, each unit
/// whose partner is elsewhere (or a unit left unaligned) breaks one.
fn pin_term(s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> f64 {
    let mut term = 0.0;
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
/// merge of such a unit has nothing in its favour but the length.
fn unsupported_parts(s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> usize {
    let count = |a: &Side, ar: &Range<usize>, b: &Side, br: &Range<usize>| -> usize {
        if ar.len() < 2 {
            return 0;
        }
        let other = b.keys_of(br.clone());
        let other_stems: std::borrow::Cow<[u32]> = match br.len() {
            1 => b.stems[br.start].as_slice().into(),
            _ => run(&b.runs.stems_all, br).map_or_else(|| sorted(&b.stems[br.clone()]).into(), |v| v.into()),
        };
        ar.clone()
            .filter(|&u| {
                let own: f64 = a.keys[u].iter().map(|(_, c, w)| c * w).sum();
                let no_anchor =
                    !a.keys[u].iter().any(|(k, _, _)| other.binary_search_by_key(k, |x| x.0).is_ok())
                        && !a.live[u].iter().any(|k| br.clone().any(|v| b.live[v].contains(k)));
                // Stems count where both sides have them (two Latin-script languages).
                let stems_there = other_stems.len() >= 3 && !a.stems[u].is_empty();
                // A stem shared by many units of a side is no evidence.
                let no_stem = !a.stems[u].iter().any(|k| {
                    a.stem_w[*k as usize] >= 0.5
                        && other_stems.binary_search(k).is_ok()
                        && b.stem_w[*k as usize] >= 0.5
                });
                // Bullets are translated one for one: merging two needs evidence for
                // each, whatever the lengths say.
                let bullet =
                    a.items[u].shape == BULLET && b.items[br.clone()].iter().all(|i| i.shape == BULLET);
                no_anchor && (own >= 1.0 || (stems_there && no_stem) || (!stems_there && bullet))
            })
            .count()
    };
    count(s, &sr, t, &tr) + count(t, &tr, s, &sr)
}

/// `Item::shape` of a list item.
pub const BULLET: u8 = 1;

/// The weight of one strong anchor (an email, a code).
const STRONG: f64 = 6.0;
/// Anchor cost when nothing is known: none, so that a pair without anchors costs no more
/// than its length and position say (a merge must not be cheaper for saving this cost).
const NEUTRAL: f64 = 0.0;

/// Whether `OERLINT_DEBUG_ALIGN` is set, read once: reading the environment for every
/// bead made large alignments several times slower.
fn debug_align() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("OERLINT_DEBUG_ALIGN").is_some())
}

fn bead_cost(p: &Params, ratio: Ratio, s: &Side, sr: Range<usize>, t: &Side, tr: Range<usize>) -> f64 {
    let (n, m) = (s.items.len() as f64, t.items.len() as f64);
    let a = sr.len();
    let b = tr.len();
    if a == 0 || b == 0 {
        return p.skip * (a + b) as f64 + p.pin * pin_term(s, sr, t, tr);
    }
    let l1: f64 = s.items[sr.clone()].iter().map(|i| i.len).sum();
    let l2: f64 = t.items[tr.clone()].iter().map(|i| i.len).sum();
    let c = ratio.0;
    let var = 25.0 * ((l1 + l2 / c) / 2.0).max(1.0);
    let delta = (l2 - c * l1) / (var * c).sqrt();
    let pr = (2.0 * (1.0 - phi(delta.abs()))).max(1e-12);
    let len_cost = (-pr.ln()).min(8.0);
    let ps = (sr.start as f64 + a as f64 / 2.0) / n;
    let pt = (tr.start as f64 + b as f64 / 2.0) / m;
    let pos_cost = (ps - pt).abs();
    let anchor_cost = match similarity(s, sr.clone(), t, tr.clone()) {
        // Shared anchors are strong evidence; unshared ones weaker, since translations
        // drift (a changed link should not unpair two sections).
        Some((x, conf)) => conf * (0.6 * (1.0 - x) - 0.2 * x) + (1.0 - conf) * NEUTRAL,
        None => NEUTRAL,
    };
    let cognate_bonus = cognate_overlap(s, sr.clone(), t, tr.clone());
    let stem_bonus = p.stem_weight * stem_dice(s, sr.clone(), t, tr.clone());
    let heading_cost = if s.items[sr.start].heading != t.items[tr.start].heading { 1.0 } else { 0.0 };
    let mut merge_cost = p.merge * ((a.max(b) - 1) as f64);
    if a > 1 || b > 1 {
        merge_cost += p.unsupported_merge * unsupported_parts(s, sr.clone(), t, tr.clone()) as f64;
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
    if debug_align() {
        eprintln!(
            "{sr:?} {tr:?} len {len_cost:.2} (l1 {l1} l2 {l2} c {c:.2}) pos {pos_cost:.2} anch {anchor_cost:.2} merge {merge_cost} pin {pin_cost} stem {stem_bonus:.2}"
        );
    }
    p.length_weight * len_cost - p.anchor_weight * 0.2 * cognate_bonus - stem_bonus
        + p.position_weight * pos_cost
        + p.anchor_weight * anchor_cost
        + p.heading_weight * heading_cost
        + merge_cost
        + pin_cost
}

/// Aligns `src` with `tgt`. The beads are in order and cover every unit of both sides once.
///
/// The length ratio of the two texts is first taken from their totals, then re-estimated
/// from the units that aligned, since a translation missing whole sections is shorter
/// than its ratio suggests; a second search starts from a ratio of one, and the cheaper
/// alignment is kept.
pub fn align(src: &[Item], tgt: &[Item], p: &Params) -> Vec<Bead> {
    align_with(src, tgt, p, None)
}

/// Like [`align`], with the length ratio given (the document's, when aligning the blocks
/// of one section: a section that lost a block has a ratio of its own that would make
/// a merge look right).
pub fn align_with(src: &[Item], tgt: &[Item], p: &Params, ratio: Option<f64>) -> Vec<Bead> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut s = Side::new(src, &mut ids);
    let mut t = Side::new(tgt, &mut ids);
    link_pins(&mut s, &mut t);
    if let Some(c) = ratio.filter(|c| c.is_finite() && *c > 0.0) {
        let mut beads = dp(&s, &t, p, Ratio(c));
        explain(&mut beads, src, tgt, &s, &t, Ratio(c));
        return beads;
    }
    let c0 = if s.total > 0.0 && t.total > 0.0 { t.total / s.total } else { 1.0 };
    // Two starting ratios: the totals' (wrong when a translation lacks whole sections)
    // and one to one. Each is re-estimated from the units it aligned; the cheaper
    // alignment wins.
    let mut best: Option<(f64, Vec<Bead>, f64)> = None;
    // (The second search only where the full table is searched: large banded alignments
    // keep to one, so that time stays linear in the size of the document.)
    let small = (src.len() + 1).saturating_mul(tgt.len() + 1) <= FULL_TABLE_CELLS;
    for start in [c0, 1.0] {
        if best.is_some() && ((start / c0 - 1.0).abs() < 0.05 || !small) {
            continue;
        }
        let first = dp(&s, &t, p, Ratio(start));
        let (mut ls, mut lt) = (0.0, 0.0);
        for b in first.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()) {
            ls += src[b.src.clone()].iter().map(|i| i.len).sum::<f64>();
            lt += tgt[b.tgt.clone()].iter().map(|i| i.len).sum::<f64>();
        }
        let c1 = if ls > 0.0 && lt > 0.0 { lt / ls } else { start };
        let beads = if (c1 / start - 1.0).abs() > 0.05 { dp(&s, &t, p, Ratio(c1)) } else { first };
        let total: f64 = beads.iter().map(|b| b.cost).sum();
        if best.as_ref().is_none_or(|b| total < b.0 - 1e-9) {
            best = Some((total, beads, c1));
        }
    }
    let (_, mut beads, c1) = best.expect("one start at least");
    explain(&mut beads, src, tgt, &s, &t, Ratio(c1));
    beads
}

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
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut s = Side::new(src, &mut ids);
    let mut t = Side::new(tgt, &mut ids);
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

/// Fills in each bead's confidence and ties.
///
/// A pairing is sure when a rung (a shared pin) or strong shared anchors tie it; without
/// anchors, only as sure as its length agreement (the probability of the length
/// difference under the document's ratio), and a little less for a merge. A unit left
/// unaligned is as sure as the pairings around it, and surer when it carries anchors
/// that the other side lacks entirely.
fn explain(beads: &mut [Bead], src: &[Item], tgt: &[Item], s: &Side, t: &Side, ratio: Ratio) {
    for b in beads.iter_mut() {
        if b.src.is_empty() || b.tgt.is_empty() {
            continue;
        }
        let mut ties: Vec<compact_str::CompactString> = Vec::new();
        let tk: std::collections::HashSet<&str> =
            tgt[b.tgt.clone()].iter().flat_map(|i| i.anchors.iter().map(|(k, _)| k.as_str())).collect();
        for (k, w) in src[b.src.clone()].iter().flat_map(|i| i.anchors.iter()) {
            if *w > 0.0 && tk.contains(k.as_str()) && !ties.contains(k) {
                ties.push(k.clone());
            }
        }
        let tp: std::collections::HashSet<&str> =
            tgt[b.tgt.clone()].iter().flat_map(|i| i.pins.iter().map(String::as_str)).collect();
        let mut rung = false;
        for (u, it) in b.src.clone().zip(&src[b.src.clone()]) {
            for k in &it.pins {
                if tp.contains(k.as_str()) && !ties.iter().any(|x| *x == format!("pin:{k}")) {
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
            own.keys[u].iter().any(|(k, _, w)| *w >= 1.0 && !other.keys.iter().flatten().any(|x| x.0 == *k))
        });
        beads[i].confidence = if absent { 1.0 - (1.0 - around) * 0.5 } else { around };
    }
}

/// Alignments whose full table would have more cells than this are searched in a band
/// around the diagonal: the full table is O(n·m) in time and memory, and 10,000 sections
/// a side (10^8 cells) took minutes and a gigabyte.
const FULL_TABLE_CELLS: usize = 250_000;
/// Cells a banded search may visit (its half-width shrinks as the sides grow).
const BAND_CELLS: usize = 200_000;
/// The narrowest half-width of a band.
const BAND_MIN: usize = 8;

/// The columns `lo[i]..=hi[i]` searched in each row `i`, and where each row starts in
/// the flat tables. Both bounds never decrease, row 0 starts at column 0 and row `n`
/// ends at column `m`, so a path of 1-0 and 0-1 beads always exists inside the band.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    start: Vec<usize>,
    cells: usize,
}

impl Band {
    fn new(n: usize, m: usize) -> Band {
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

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.start[i] + j - self.lo[i])
    }
}

fn dp(s: &Side, t: &Side, p: &Params, ratio: Ratio) -> Vec<Bead> {
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
    let at = |i: usize, j: usize| band.index(i, j).expect("the path stays in the band");
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (a, b) = back[at(i, j)];
        let (a, b) = (a as usize, b as usize);
        let c = cost[at(i, j)] - cost[at(i - a, j - b)];
        out.push(Bead { src: i - a..i, tgt: j - b..j, cost: c, confidence: 0.0, ties: Vec::new() });
        i -= a;
        j -= b;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(len: f64, anchors: &[&str]) -> Item {
        Item { len, anchors: anchors.iter().map(|a| ((*a).into(), 6.0)).collect(), ..Item::default() }
    }

    fn shape(beads: &[Bead]) -> Vec<(usize, usize)> {
        beads.iter().map(|b| (b.src.len(), b.tgt.len())).collect()
    }

    #[test]
    fn identical_sequences_align_one_to_one() {
        let a = vec![item(100.0, &["x"]), item(300.0, &[]), item(50.0, &["y"])];
        let beads = align(&a, &a, &SECTIONS);
        assert_eq!(shape(&beads), vec![(1, 1), (1, 1), (1, 1)]);
    }

    #[test]
    fn a_dropped_unit_does_not_shift_the_rest() {
        let src = vec![
            item(200.0, &["a@x.org"]),
            item(220.0, &[]),
            item(180.0, &["cl/1"]),
            item(300.0, &["b@x.org"]),
            item(250.0, &["c@x.org"]),
        ];
        let tgt = vec![src[0].clone(), src[1].clone(), src[3].clone(), src[4].clone()];
        let beads = align(&src, &tgt, &SECTIONS);
        assert_eq!(shape(&beads), vec![(1, 1), (1, 1), (1, 0), (1, 1), (1, 1)]);
        assert_eq!(beads[3].tgt, 2..3);
    }

    #[test]
    fn a_merge_is_found() {
        let src =
            vec![item(300.0, &["a"]), item(100.0, &["b", "n1"]), item(150.0, &["c"]), item(300.0, &["d"])];
        let merged = Item {
            len: 240.0,
            anchors: vec![("b".into(), 6.0), ("n1".into(), 6.0), ("c".into(), 6.0)],
            ..Item::default()
        };
        let tgt = vec![src[0].clone(), merged, src[3].clone()];
        let beads = align(&src, &tgt, &SECTIONS);
        assert_eq!(shape(&beads), vec![(1, 1), (2, 1), (1, 1)]);
    }

    #[test]
    fn a_merge_needs_evidence_for_each_part() {
        // The second source unit carries anchors the target lacks: it was dropped, not
        // merged, however well the merged length fits.
        let src = vec![item(60.0, &["mail"]), item(100.0, &["t1", "t2"])];
        let tgt = vec![item(160.0, &["mail"])];
        assert_eq!(shape(&align(&src, &tgt, &SECTIONS)), vec![(1, 1), (1, 0)]);
    }

    #[test]
    fn pins_are_rungs_unless_they_repeat() {
        let pinned = |len: f64, pin: &str| Item { len, pins: vec![pin.to_string()], ..Item::default() };
        // Step 3 is missing: 4 pairs with 4, not with 3.
        let src =
            vec![pinned(100.0, "n:1"), pinned(100.0, "n:2"), pinned(100.0, "n:3"), pinned(100.0, "n:4")];
        let tgt = vec![pinned(100.0, "n:1"), pinned(100.0, "n:2"), pinned(100.0, "n:4")];
        let beads = align(&src, &tgt, &BLOCKS);
        assert_eq!(shape(&beads), vec![(1, 1), (1, 1), (1, 0), (1, 1)]);
        assert!(beads[3].ties.iter().any(|t| t == "pin:n:4"));
        assert!(beads[3].confidence > 0.9);
        // A pin that occurs twice on a side ties nothing.
        let src = vec![pinned(100.0, "x"), pinned(100.0, "x")];
        let tgt = vec![pinned(100.0, "x")];
        let s = Side::new(&src, &mut HashMap::new());
        assert!(s.pins.iter().all(|p| p.is_empty()));
        assert!(align(&src, &tgt, &BLOCKS).iter().all(|b| b.confidence < 0.9));
    }

    #[test]
    fn moved_units_are_paired() {
        let src = vec![item(100.0, &["a"]), item(100.0, &["b@x"]), item(100.0, &["c"])];
        let tgt = vec![item(100.0, &["b@x"]), item(100.0, &["a"]), item(100.0, &["c"])];
        let beads = align(&src, &tgt, &SECTIONS);
        let m = moved(&src, &tgt, &beads);
        assert_eq!(m.len(), 1, "{beads:?}");
    }

    #[test]
    fn empty_sides() {
        let a = vec![item(10.0, &[])];
        assert_eq!(shape(&align(&a, &[], &SECTIONS)), vec![(1, 0)]);
        assert_eq!(shape(&align(&[], &a, &SECTIONS)), vec![(0, 1)]);
        assert!(align(&[], &[], &SECTIONS).is_empty());
    }

    #[test]
    fn large_alignments_are_banded_and_still_cover_both_sides() {
        for (n, m) in [(10_000, 10_000), (10_000, 9_990), (10_000, 300), (300, 10_000), (2_000, 1)] {
            let src: Vec<Item> = (0..n).map(|_| item(10.0, &[])).collect();
            let tgt: Vec<Item> = (0..m).map(|_| item(10.0, &[])).collect();
            let beads = align(&src, &tgt, &SECTIONS);
            let (mut i, mut j) = (0, 0);
            for b in &beads {
                assert_eq!((b.src.start, b.tgt.start), (i, j));
                assert!(!b.src.is_empty() || !b.tgt.is_empty());
                (i, j) = (b.src.end, b.tgt.end);
            }
            assert_eq!((i, j), (n, m));
            if n == m {
                assert!(beads.iter().all(|b| b.src == b.tgt), "identical sides align 1-1");
            }
        }
    }

    #[test]
    fn phi_is_a_cdf() {
        assert!((phi(0.0) - 0.5).abs() < 1e-6);
        assert!((phi(1.96) - 0.975).abs() < 1e-3);
        assert!((phi(-1.96) - 0.025).abs() < 1e-3);
    }
}
