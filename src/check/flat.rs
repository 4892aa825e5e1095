//! Per-block lists of a whole version kept in one vector: the entries of every block in
//! block order, and where each block's entries start. A `Vec` per block cost 24 bytes a
//! block per list even when empty, and an allocation each when not: on a long document
//! the pairing's units held 12 MB of list headers alone (docs/reliability.md).

use std::ops::Range;

#[derive(Debug)]
pub(super) struct Flat<T> {
    entries: Vec<T>,
    /// `starts[i]..starts[i + 1]` are block `i`'s entries (one more than the blocks).
    starts: Vec<u32>,
}

impl<T> Flat<T> {
    /// The lists of `n` blocks, each given by `f`, in order.
    pub(super) fn new<I: IntoIterator<Item = T>>(n: usize, mut f: impl FnMut(usize) -> I) -> Flat<T> {
        let mut entries = Vec::new();
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        for i in 0..n {
            entries.extend(f(i));
            starts.push(u32::try_from(entries.len()).expect("texts are read up to 4 GiB"));
        }
        entries.shrink_to_fit();
        Flat { entries, starts }
    }

    /// The entries of the blocks `r`, in block order.
    pub(super) fn of(&self, r: Range<usize>) -> &[T] {
        &self.entries[self.starts[r.start] as usize..self.starts[r.end] as usize]
    }

    /// The entries of block `i`.
    pub(super) fn at(&self, i: usize) -> &[T] {
        self.of(i..i + 1)
    }
}

impl<T> Default for Flat<T> {
    fn default() -> Flat<T> {
        Flat { entries: Vec::new(), starts: vec![0] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_block_gets_its_own_entries_in_order() {
        let lists: Vec<Vec<u8>> = vec![vec![1, 2], vec![], vec![3], vec![], vec![4, 5, 6]];
        let f = Flat::new(lists.len(), |i| lists[i].clone());
        for (i, l) in lists.iter().enumerate() {
            assert_eq!(f.at(i), &l[..], "block {i}");
        }
        assert_eq!(f.of(0..5), &[1, 2, 3, 4, 5, 6]);
        assert_eq!(f.of(1..4), &[3]);
        assert_eq!(f.of(2..2), &[] as &[u8]);
        assert_eq!(Flat::<u8>::default().of(0..0), &[] as &[u8]);
    }
}
