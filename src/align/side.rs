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

/// Per-unit lists of a side kept in one vector: the entries of every unit in unit order,
/// and where each unit's start. A side is built for every alignment (each section pair's
/// blocks): a `Vec` per unit and list was five allocations a unit, made and freed again.
/// The entries of a run of units are one slice ([`Lists::of`]).
pub(super) struct Lists<T> {
    entries: Vec<T>,
    /// `starts[u]..starts[u + 1]` are unit `u`'s entries (one more than the units).
    starts: Vec<u32>,
}

impl<T> Lists<T> {
    /// Room for `units` lists and `entries` entries.
    fn with_capacity(units: usize, entries: usize) -> Lists<T> {
        let mut starts = Vec::with_capacity(units + 1);
        starts.push(0);
        Lists { entries: Vec::with_capacity(entries), starts }
    }

    /// Ends the list of the next unit (its entries are those pushed since the last).
    fn close(&mut self) {
        self.starts.push(u32::try_from(self.entries.len()).expect("fewer than 2^32 entries"));
    }

    /// Start and end of unit `u`'s entries.
    fn bounds(&self, u: usize) -> Range<usize> {
        self.starts[u] as usize..self.starts[u + 1] as usize
    }

    /// The entries of the units `r`, in unit order.
    pub(super) fn of(&self, r: Range<usize>) -> &[T] {
        &self.entries[self.starts[r.start] as usize..self.starts[r.end] as usize]
    }

    /// Every entry of every unit.
    pub(super) fn all(&self) -> &[T] {
        &self.entries
    }

    /// Each unit's entries, in unit order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &[T]> + '_ {
        self.starts.windows(2).map(|w| &self.entries[w[0] as usize..w[1] as usize])
    }
}

impl<T: Copy> Lists<T> {
    /// The lists with only the entries `keep` keeps.
    pub(super) fn filtered(&self, keep: impl Fn(&T) -> bool) -> Lists<T> {
        let mut out = Lists::with_capacity(self.starts.len() - 1, 0);
        for v in self.iter() {
            out.entries.extend(v.iter().copied().filter(|x| keep(x)));
            out.close();
        }
        out
    }
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];

    fn index(&self, u: usize) -> &[T] {
        &self.entries[self.bounds(u)]
    }
}

/// [`Side::has`]: the unit has anchor keys.
pub(super) const KEYS: u8 = 1;
/// [`Side::has`]: the unit has stems.
pub(super) const STEMS: u8 = 2;
/// [`Side::has`]: the unit has names (cognates).
pub(super) const NAMES: u8 = 4;

/// One side of an alignment, with anchor keys interned to integers so that the many bead
/// costs of the dynamic programme compare sorted integer lists, not strings.
pub(super) struct Side<'a> {
    pub(super) items: &'a [Item<'a>],
    /// Per unit: (key id, count, weight divided by the key's document frequency), by id.
    pub(super) keys: Lists<(u32, u32, f64)>,
    /// Per unit: the weight of its keys, `count × weight` summed in the order of `keys`
    /// (what every bead cost with the unit sums otherwise).
    pub(super) key_w: Vec<f64>,
    /// Per unit: cognate ids, sorted.
    pub(super) cognates: Lists<u32>,
    /// Per unit: pin ids that occur once on this side.
    pub(super) pins: Lists<u32>,
    /// Per unit: its pins that occur once on the other side too (rungs).
    pub(super) live: Lists<u32>,
    /// Whether any unit has a rung (most sides have none: no bead keeps or breaks one).
    pub(super) rungs: bool,
    /// Per unit: stem ids, sorted and unique.
    pub(super) stems: Lists<u32>,
    /// Weight of each stem: one over the number of units that have it (a stem in every
    /// paragraph, `vers`ion, `node`, says little about which two pair).
    pub(super) stem_w: Vec<f64>,
    /// Per unit: the weight of its stems, `stem_w` summed in the order of `stems`.
    pub(super) stems_w: Vec<f64>,
    pub(super) total: f64,
    /// Per unit: which of keys ([`KEYS`]), stems ([`STEMS`]) and names ([`NAMES`]) it
    /// has any of, for the bound a bead cost tries first (`cost::quick_terms`).
    pub(super) has: Vec<u8>,
    /// Most units have stems: the side is written in Latin script, where names are kept
    /// as they are in a translation into another Latin-script language.
    pub(super) latin: bool,
    /// Per unit: a short line made largely of names (a quarter of its characters or
    /// more), such as a contact line: its counterpart in a Latin-script language keeps
    /// at least one of them.
    pub(super) named: Vec<bool>,
}

/// The ids of several units (their entries in one slice), sorted (repeats kept).
pub(super) fn sorted(units: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = units.to_vec();
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

/// The keys of several units (their entries in one slice), combined: counts added, by id.
fn combine_keys(units: &[(u32, u32, f64)]) -> Vec<(u32, u32, f64)> {
    let mut v: Vec<(u32, u32, f64)> = units.to_vec();
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

/// Moves the first of each run of equal ids of a sorted list to its front, as
/// `Vec::dedup` keeps them, and returns how many there are.
fn dedup_len(v: &mut [u32]) -> usize {
    let mut kept = 0;
    for i in 0..v.len() {
        if kept == 0 || v[i] != v[kept - 1] {
            v[kept] = v[i];
            kept += 1;
        }
    }
    kept
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
    /// The side of `items`. (The lists of runs of 2 and 3 units that merges take are
    /// combined when a bead cost asks for them: the searches' bounds leave out most
    /// merges before their lists are read, and combining every run up front, then
    /// freeing it, was a third of the block searches' time, session 9.)
    pub(super) fn new(items: &'a [Item<'a>], ids: &mut Ids<'a>) -> Side<'a> {
        let n = items.len();
        // Document frequencies by id (ids are dense: a vector, not a hash map).
        let mut df: Vec<f64> = Vec::new();
        let mut raw: Lists<(u32, f64)> = Lists::with_capacity(n, items.iter().map(|i| i.anchors.len()).sum());
        for it in items {
            let from = raw.entries.len();
            raw.entries.extend(it.anchors.iter().map(|(k, w)| (intern(ids, k.as_str()), *w)));
            let v = &mut raw.entries[from..];
            v.sort_by_key(|x| x.0);
            let mut last = None;
            for (k, _) in v.iter() {
                if last != Some(*k) {
                    let k = *k as usize;
                    if df.len() <= k {
                        df.resize(k + 1, 0.0);
                    }
                    df[k] += 1.0;
                    last = Some(k as u32);
                }
            }
            raw.close();
        }
        // One entry per id.
        let mut keys: Lists<(u32, u32, f64)> = Lists::with_capacity(n, raw.entries.len());
        for v in raw.iter() {
            let from = keys.entries.len();
            for &(k, w) in v {
                match keys.entries[from..].last_mut() {
                    Some(e) if e.0 == k => e.1 += 1,
                    _ => keys.entries.push((k, 1, w / df[k as usize])),
                }
            }
            keys.close();
        }
        drop(raw);
        let mut cognates: Lists<u32> = Lists::with_capacity(n, items.iter().map(|i| i.cognates.len()).sum());
        for it in items {
            let from = cognates.entries.len();
            cognates.entries.extend(it.cognates.iter().map(|c| intern(ids, c.as_str())));
            cognates.entries[from..].sort_unstable();
            cognates.close();
        }
        let mut pins: Lists<u32> = Lists::with_capacity(n, 0);
        if items.iter().any(|it| !it.pins.is_empty()) {
            let mut pin_df: Map<&str, usize> = Map::default();
            for it in items {
                let mut seen: Vec<&str> = it.pins.iter().map(String::as_str).collect();
                seen.sort_unstable();
                seen.dedup();
                for k in seen {
                    *pin_df.entry(k).or_default() += 1;
                }
            }
            for it in items {
                let from = pins.entries.len();
                pins.entries
                    .extend(it.pins.iter().filter(|k| pin_df[k.as_str()] == 1).map(|k| intern(ids, k)));
                let v = &mut pins.entries[from..];
                v.sort_unstable();
                let kept = dedup_len(v);
                pins.entries.truncate(from + kept);
                pins.close();
            }
        } else {
            (0..n).for_each(|_| pins.close());
        }
        let mut stems: Lists<u32> = Lists::with_capacity(n, items.iter().map(|i| i.stems.len()).sum());
        for it in items {
            let from = stems.entries.len();
            stems.entries.extend(it.stems.iter().map(|c| intern_stem(ids, c)));
            let v = &mut stems.entries[from..];
            v.sort_unstable();
            let kept = dedup_len(v);
            stems.entries.truncate(from + kept);
            stems.close();
        }
        let mut stem_w: Vec<f64> = vec![0.0; stems.all().iter().map(|k| *k as usize + 1).max().unwrap_or(0)];
        for k in stems.all() {
            stem_w[*k as usize] += 1.0;
        }
        for w in stem_w.iter_mut().filter(|w| **w > 0.0) {
            *w = 1.0 / *w;
        }
        let latin = 2 * stems.iter().filter(|v| !v.is_empty()).count() >= n.max(1);
        let has = (0..n)
            .map(|u| {
                let bit = |empty: bool, b: u8| if empty { 0 } else { b };
                bit(keys[u].is_empty(), KEYS)
                    | bit(stems[u].is_empty(), STEMS)
                    | bit(cognates[u].is_empty(), NAMES)
            })
            .collect();
        let mut live = Lists::with_capacity(n, 0);
        (0..n).for_each(|_| live.close());
        Side {
            has,
            items,
            key_w: keys.iter().map(key_weight).collect(),
            stems_w: stems.iter().map(|v| stem_weight(v, &stem_w)).collect(),
            keys,
            cognates,
            pins,
            live,
            rungs: false,
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
    /// [`Side::keys_of`], precomputed for one unit).
    pub(super) fn key_weight_of(&self, r: Range<usize>, keys: &[(u32, u32, f64)]) -> f64 {
        if r.len() == 1 {
            return self.key_w[r.start];
        }
        key_weight(keys)
    }

    /// [`Side::key_weight_of`] where the side keeps it (one unit): none where the keys
    /// would have to be combined first.
    pub(super) fn kept_key_weight(&self, r: Range<usize>) -> Option<f64> {
        (r.len() == 1).then(|| self.key_w[r.start])
    }

    /// The weight of the unique stems of a range of units (`stem_weight` of them,
    /// precomputed for one unit).
    pub(super) fn stem_weight_of(&self, r: Range<usize>, stems: &[u32]) -> f64 {
        if r.len() == 1 {
            return self.stems_w[r.start];
        }
        stem_weight(stems, &self.stem_w)
    }

    /// The keys of a range of units, combined.
    pub(super) fn keys_of(&self, r: Range<usize>) -> std::borrow::Cow<'_, [(u32, u32, f64)]> {
        if r.len() == 1 {
            return std::borrow::Cow::Borrowed(&self.keys[r.start]);
        }
        std::borrow::Cow::Owned(combine_keys(self.keys.of(r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Each unit's entries come back as pushed, a run of units as their entries in
        /// order, and the filtered lists keep what the filter keeps, unit by unit.
        #[test]
        fn lists_keep_each_units_entries(units in proptest::collection::vec(proptest::collection::vec(0u32..9, 0..5), 0..8)) {
            let mut l: Lists<u32> = Lists::with_capacity(units.len(), 0);
            for u in &units {
                l.entries.extend(u);
                l.close();
            }
            for (i, u) in units.iter().enumerate() {
                proptest::prop_assert_eq!(&l[i], &u[..]);
                for j in i..=units.len() {
                    let want: Vec<u32> = units[i..j].iter().flatten().copied().collect();
                    proptest::prop_assert_eq!(l.of(i..j), &want[..]);
                }
            }
            proptest::prop_assert_eq!(l.iter().count(), units.len());
            let odd = l.filtered(|x| x % 2 == 1);
            for (i, u) in units.iter().enumerate() {
                let want: Vec<u32> = u.iter().copied().filter(|x| x % 2 == 1).collect();
                proptest::prop_assert_eq!(&odd[i], &want[..]);
            }
        }

        /// `dedup_len` keeps what `Vec::dedup` keeps, in place.
        #[test]
        fn dedup_len_is_dedup(mut v in proptest::collection::vec(0u32..6, 0..12)) {
            v.sort_unstable();
            let mut want = v.clone();
            want.dedup();
            let n = dedup_len(&mut v);
            proptest::prop_assert_eq!(&v[..n], &want[..]);
        }
    }
}
