//! One side of an alignment: its units with anchor keys, cognates, pins and stems
//! interned to integers.

use super::Item;
use std::collections::HashMap;

/// The hash maps of an alignment: keys are interned for every alignment, and SipHash
/// was a tenth of the pairing's time. Ids are given in order of first use, so the
/// hasher (seeded per process) changes nothing in the results.
pub(super) type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// Interned key ids, shared by the two sides of an alignment, given in order of first
/// use. A key of four lower-case ASCII letters (every stem, and a name or acronym of four
/// letters) is looked up as the integer of its bytes: no UTF-8 check, string hash or
/// comparison for the commonest keys. Each key goes to one map by its text alone, and
/// both count from one counter, so the ids are those one map gives.
#[derive(Default)]
pub(super) struct Ids<'k> {
    strs: Map<&'k str, u32>,
    words: Map<u32, u32>,
}

impl Ids<'_> {
    /// Room for `strs` keys and `words` keys of four letters.
    pub(super) fn with_capacity(strs: usize, words: usize) -> Self {
        Ids {
            strs: Map::with_capacity_and_hasher(strs, Default::default()),
            words: Map::with_capacity_and_hasher(words, Default::default()),
        }
    }

    fn len(&self) -> usize {
        self.strs.len() + self.words.len()
    }
}

/// The integer of a key of four lower-case ASCII letters, the keys [`Ids`] keeps apart.
fn word(k: &[u8]) -> Option<u32> {
    let w: [u8; 4] = k.try_into().ok()?;
    w.iter().all(u8::is_ascii_lowercase).then(|| u32::from_le_bytes(w))
}
use std::ops::Range;

/// One side of an alignment, with anchor keys interned to integers so that the many bead
/// costs of the dynamic programme compare sorted integer lists, not strings.
pub(super) struct Side<'a> {
    pub(super) items: &'a [Item],
    /// Per unit: (key id, count, weight divided by the key's document frequency), by id.
    pub(super) keys: Vec<Vec<(u32, u32, f64)>>,
    /// Per unit: the weight of its keys, `count × weight` summed in the order of `keys`
    /// (what every bead cost with the unit sums otherwise).
    pub(super) key_w: Vec<f64>,
    /// Per unit: cognate ids, sorted.
    pub(super) cognates: Vec<Vec<u32>>,
    /// Per unit: pin ids that occur once on this side.
    pub(super) pins: Vec<Vec<u32>>,
    /// Per unit: its pins that occur once on the other side too (rungs).
    pub(super) live: Vec<Vec<u32>>,
    /// Per unit: stem ids, sorted and unique.
    pub(super) stems: Vec<Vec<u32>>,
    /// Weight of each stem: one over the number of units that have it (a stem in every
    /// paragraph, `vers`ion, `node`, says little about which two pair).
    pub(super) stem_w: Vec<f64>,
    /// Per unit: the weight of its stems, `stem_w` summed in the order of `stems`.
    pub(super) stems_w: Vec<f64>,
    pub(super) total: f64,
    /// Most units have stems: the side is written in Latin script, where names are kept
    /// as they are in a translation into another Latin-script language.
    pub(super) latin: bool,
    /// Per unit: a short line made largely of names (a quarter of its characters or
    /// more), such as a contact line: its counterpart in a Latin-script language keeps
    /// at least one of them.
    pub(super) named: Vec<bool>,
    /// The same, combined for every run of 2 and 3 units (the merges beads make): built
    /// once per side instead of once per bead cost.
    pub(super) runs: Runs,
}

/// Per run length (2, 3) and start unit: combined keys, sorted unique stems, sorted
/// stems with repeats, sorted cognates.
#[derive(Default)]
pub(super) struct Runs {
    keys: [Vec<Vec<(u32, u32, f64)>>; 2],
    /// The weight of each run's combined keys and of its unique stems (as `key_w` and
    /// `stems_w` of a unit).
    key_w: [Vec<f64>; 2],
    stems_w: [Vec<f64>; 2],
    pub(super) stems: [Vec<Vec<u32>>; 2],
    pub(super) stems_all: [Vec<Vec<u32>>; 2],
    pub(super) cognates: [Vec<Vec<u32>>; 2],
}

/// The most memory the runs of one side may take, in bytes (estimated from the units').
/// Above it (a whole long document's sections as one side: 40 MB of runs for a 14 MB
/// document), runs are combined when a bead cost asks for them, as [`run`]'s callers do
/// when it has none: slower, same results.
const RUNS_BUDGET: usize = 4 << 20;

impl Runs {
    /// Runs of at most `max_merge` units (the longest a bead takes): none for a side
    /// whose beads are never merges.
    fn new(
        keys: &[Vec<(u32, u32, f64)>],
        stems: &[Vec<u32>],
        cognates: &[Vec<u32>],
        stem_w: &[f64],
        max_merge: usize,
    ) -> Runs {
        let n = keys.len();
        if max_merge < 2 {
            return Runs::default();
        }
        // How many runs of `k` units start in the side.
        let starts = |k: usize| if k <= max_merge { (n + 1).saturating_sub(k) } else { 0 };
        // Each unit is in two runs of 2 and three of 3; stems are kept twice.
        let unit_bytes = |k: usize| {
            keys[k].len() * std::mem::size_of::<(u32, u32, f64)>()
                + (2 * stems[k].len() + cognates[k].len()) * 4
                + 4 * 24
        };
        if (0..n).map(unit_bytes).sum::<usize>() * 5 > RUNS_BUDGET {
            return Runs::default();
        }
        // Runs of 2 merge two sorted lists, runs of 3 a run of 2 with the next unit's
        // (what sorting the lists put together gives, without the sort).
        let each = |units: &[Vec<u32>]| -> [Vec<Vec<u32>>; 2] {
            let twos: Vec<Vec<u32>> = (0..starts(2)).map(|i| merged(&units[i], &units[i + 1])).collect();
            let threes = (0..starts(3)).map(|i| merged(&twos[i], &units[i + 2])).collect();
            [twos, threes]
        };
        let stems_all = each(stems);
        let keys: [Vec<Vec<(u32, u32, f64)>>; 2] =
            [2, 3].map(|k| (0..starts(k)).map(|i| combine_keys(&keys[i..i + k])).collect());
        let stems: [Vec<Vec<u32>>; 2] = stems_all.each_ref().map(|runs| {
            runs.iter()
                .map(|v| {
                    let mut v = v.clone();
                    v.dedup();
                    v
                })
                .collect()
        });
        Runs {
            key_w: keys.each_ref().map(|runs| runs.iter().map(|v| key_weight(v)).collect()),
            stems_w: stems.each_ref().map(|runs| runs.iter().map(|v| stem_weight(v, stem_w)).collect()),
            keys,
            stems,
            stems_all,
            cognates: each(cognates),
        }
    }
}

/// Two sorted lists merged into one sorted list (repeats kept).
fn merged(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut v = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            v.push(a[i]);
            i += 1;
        } else {
            v.push(b[j]);
            j += 1;
        }
    }
    v.extend_from_slice(&a[i..]);
    v.extend_from_slice(&b[j..]);
    v
}

/// The value of a run of 2 or 3 units from [`Runs`].
pub(super) fn run<'v, T>(by_len: &'v [Vec<T>; 2], r: &Range<usize>) -> Option<&'v T> {
    match r.len() {
        2 | 3 => by_len[r.len() - 2].get(r.start),
        _ => None,
    }
}

/// The ids of several units, sorted (repeats kept).
pub(super) fn sorted(units: &[Vec<u32>]) -> Vec<u32> {
    let mut v: Vec<u32> = units.iter().flatten().copied().collect();
    v.sort_unstable();
    v
}

/// The weight of a list of keys: `count × weight`, summed in the list's order.
pub(super) fn key_weight(keys: &[(u32, u32, f64)]) -> f64 {
    keys.iter().map(|(_, c, w)| f64::from(*c) * w).sum()
}

/// The weight of a list of stems, summed in the list's order.
pub(super) fn stem_weight(stems: &[u32], stem_w: &[f64]) -> f64 {
    stems.iter().map(|k| stem_w[*k as usize]).sum()
}

/// The keys of several units, combined: counts added, by id.
fn combine_keys(units: &[Vec<(u32, u32, f64)>]) -> Vec<(u32, u32, f64)> {
    let mut v: Vec<(u32, u32, f64)> = units.iter().flatten().copied().collect();
    v.sort_by_key(|x| x.0);
    let mut out: Vec<(u32, u32, f64)> = Vec::with_capacity(v.len());
    for e in v {
        match out.last_mut() {
            Some(l) if l.0 == e.0 => l.1 += e.1,
            _ => out.push(e),
        }
    }
    out
}

pub(super) fn intern<'k>(ids: &mut Ids<'k>, k: &'k str) -> u32 {
    let n = ids.len() as u32;
    match word(k.as_bytes()) {
        Some(w) => *ids.words.entry(w).or_insert(n),
        None => *ids.strs.entry(k).or_insert(n),
    }
}

/// [`intern`] of a stem's four bytes.
pub(super) fn intern_stem<'k>(ids: &mut Ids<'k>, stem: &'k [u8; 4]) -> u32 {
    match word(stem) {
        Some(w) => {
            let n = ids.len() as u32;
            *ids.words.entry(w).or_insert(n)
        }
        None => intern(ids, std::str::from_utf8(stem).unwrap_or_default()),
    }
}

impl<'a> Side<'a> {
    /// The side of `items`, with the runs of up to `max_merge` units its beads may take.
    pub(super) fn new(items: &'a [Item], ids: &mut Ids<'a>, max_merge: usize) -> Side<'a> {
        // Document frequencies by id (ids are dense: a vector, not a hash map).
        let mut df: Vec<f64> = Vec::new();
        let mut raw: Vec<Vec<(u32, f64)>> = Vec::with_capacity(items.len());
        for it in items {
            let mut v: Vec<(u32, f64)> =
                it.anchors.iter().map(|(k, w)| (intern(ids, k.as_str()), *w)).collect();
            v.sort_by_key(|x| x.0);
            let mut last = None;
            for (k, _) in &v {
                if last != Some(*k) {
                    let k = *k as usize;
                    if df.len() <= k {
                        df.resize(k + 1, 0.0);
                    }
                    df[k] += 1.0;
                    last = Some(k as u32);
                }
            }
            raw.push(v);
        }
        let keys: Vec<Vec<(u32, u32, f64)>> = raw
            .into_iter()
            .map(|v| {
                // One entry per id, room for no more: a long document's section sides
                // held a third of these lists as growth slack at the peak (session 8).
                let ids = v.len() - v.windows(2).filter(|p| p[0].0 == p[1].0).count();
                let mut out: Vec<(u32, u32, f64)> = Vec::with_capacity(ids);
                for (k, w) in v {
                    match out.last_mut() {
                        Some(e) if e.0 == k => e.1 += 1,
                        _ => out.push((k, 1, w / df[k as usize])),
                    }
                }
                out
            })
            .collect();
        let cognates: Vec<Vec<u32>> = items
            .iter()
            .map(|it| {
                let mut v: Vec<u32> = it.cognates.iter().map(|c| intern(ids, c.as_str())).collect();
                v.sort_unstable();
                v
            })
            .collect();
        let mut pin_df: Map<&str, usize> = Map::default();
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
                let mut v: Vec<u32> = it.stems.iter().map(|c| intern_stem(ids, c)).collect();
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
        let latin = 2 * stems.iter().filter(|v| !v.is_empty()).count() >= items.len().max(1);
        Side {
            items,
            runs: Runs::new(keys.as_slice(), stems.as_slice(), cognates.as_slice(), &stem_w, max_merge),
            key_w: keys.iter().map(|v| key_weight(v)).collect(),
            stems_w: stems.iter().map(|v| stem_weight(v, &stem_w)).collect(),
            keys,
            cognates,
            pins,
            live: Vec::new(),
            stems,
            latin,
            named: items
                .iter()
                .map(|it| {
                    let names: usize = it.cognates.iter().map(|c| c.chars().count()).sum();
                    names > 0 && names as f64 >= 0.25 * it.len
                })
                .collect(),
            stem_w,
            total: items.iter().map(|i| i.len).sum(),
        }
    }

    /// The weight of the keys of a range of units, combined (`key_weight` of
    /// [`Side::keys_of`], precomputed for one unit and for runs).
    pub(super) fn key_weight_of(&self, r: Range<usize>, keys: &[(u32, u32, f64)]) -> f64 {
        if r.len() == 1 {
            return self.key_w[r.start];
        }
        run(&self.runs.key_w, &r).copied().unwrap_or_else(|| key_weight(keys))
    }

    /// [`Side::key_weight_of`] where the side keeps it (one unit, or a run): none
    /// where the keys would have to be combined first.
    pub(super) fn kept_key_weight(&self, r: Range<usize>) -> Option<f64> {
        if r.len() == 1 {
            return Some(self.key_w[r.start]);
        }
        run(&self.runs.key_w, &r).copied()
    }

    /// The weight of the unique stems of a range of units (`stem_weight` of them,
    /// precomputed for one unit and for runs).
    pub(super) fn stem_weight_of(&self, r: Range<usize>, stems: &[u32]) -> f64 {
        if r.len() == 1 {
            return self.stems_w[r.start];
        }
        run(&self.runs.stems_w, &r).copied().unwrap_or_else(|| stem_weight(stems, &self.stem_w))
    }

    /// The keys of a range of units, combined.
    pub(super) fn keys_of(&self, r: Range<usize>) -> std::borrow::Cow<'_, [(u32, u32, f64)]> {
        if r.len() == 1 {
            return std::borrow::Cow::Borrowed(&self.keys[r.start]);
        }
        if let Some(v) = run(&self.runs.keys, &r) {
            return std::borrow::Cow::Borrowed(v);
        }
        std::borrow::Cow::Owned(combine_keys(&self.keys[r]))
    }
}
