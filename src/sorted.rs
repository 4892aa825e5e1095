//! Walks over sorted lists, shared by the aligner's evidence and the rules that compare
//! word lists.

use std::cmp::Ordering;

/// The pairs of elements that compare equal in two lists sorted by `cmp`, in order; each
/// element of either list is used at most once. One walk, no allocation.
pub fn common_by<'a, T>(
    a: &'a [T],
    b: &'a [T],
    cmp: impl Fn(&T, &T) -> Ordering + 'a,
) -> impl Iterator<Item = (&'a T, &'a T)> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match cmp(&a[i], &b[j]) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some((&a[i - 1], &b[j - 1]));
                }
            }
        }
        None
    })
}

/// [`common_by`] in the elements' own order.
pub fn common<'a, T: Ord>(a: &'a [T], b: &'a [T]) -> impl Iterator<Item = (&'a T, &'a T)> + 'a {
    common_by(a, b, T::cmp)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The pairs are the multiset intersection, in order.
        #[test]
        fn common_is_the_sorted_intersection(mut a in prop::collection::vec(0u8..20, 0..30), mut b in prop::collection::vec(0u8..20, 0..30)) {
            a.sort_unstable();
            b.sort_unstable();
            let got: Vec<u8> = super::common(&a, &b).map(|(x, y)| { assert_eq!(x, y); *x }).collect();
            let mut rest = b.clone();
            let want: Vec<u8> = a.iter().copied().filter(|x| match rest.iter().position(|y| y == x) {
                Some(p) => { rest.remove(p); true }
                None => false,
            }).collect();
            prop_assert_eq!(got, want);
        }
    }
}
