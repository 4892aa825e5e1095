//! The labels of a document's findings, indexed by file and place, so that drawing a block
//! looks only at the labels near it (each cell scanned every label of the document: a
//! document of 10,000 sections with a finding each took 12 s to draw).

use crate::diag::Label;
use crate::source::SourceFile;
use std::ops::Range;
use std::sync::Arc;

/// A label of a finding: the finding's index, the label's (0 for the primary span, then
/// the related spans from 1).
#[derive(Clone, Copy)]
pub(super) struct Placed<'a> {
    pub diag: usize,
    pub index: usize,
    pub label: &'a Label,
}

/// One file's labels, by start.
struct FileLabels {
    file: Arc<SourceFile>,
    /// Positions in the document's list, ordered by the label's start.
    order: Vec<usize>,
    /// The largest end among the labels up to each position of `order`.
    reach: Vec<usize>,
}

/// The labels of one document's findings, in the order of its list, indexed by file.
pub(super) struct Placing<'a> {
    all: Vec<Placed<'a>>,
    files: Vec<FileLabels>,
}

impl<'a> Placing<'a> {
    pub fn new(all: Vec<Placed<'a>>) -> Placing<'a> {
        let mut files: Vec<FileLabels> = Vec::new();
        for (i, p) in all.iter().enumerate() {
            match files.iter_mut().find(|f| same_file(&f.file, &p.label.file)) {
                Some(f) => f.order.push(i),
                None => {
                    files.push(FileLabels { file: p.label.file.clone(), order: vec![i], reach: Vec::new() })
                }
            }
        }
        for f in &mut files {
            f.order.sort_by_key(|&i| (all[i].label.start, i));
            let mut reach = 0;
            f.reach = f
                .order
                .iter()
                .map(|&i| {
                    reach = reach.max(all[i].label.end);
                    reach
                })
                .collect();
        }
        Placing { all, files }
    }

    /// The labels in `file` that may touch `range` (start before its end, end after its
    /// start, or empty at its start), in the order of the list; the caller tests each.
    pub fn near(&self, file: &Arc<SourceFile>, range: Range<usize>) -> Vec<Placed<'a>> {
        let Some(f) = self.files.iter().find(|f| same_file(&f.file, file)) else { return Vec::new() };
        // Labels starting at or after the range's end (an empty range: after its start) cannot touch it.
        let stop = f.order.partition_point(|&i| self.all[i].label.start < range.end.max(range.start + 1));
        // Before `from`, every label ends before the range starts.
        let from = f.reach[..stop].partition_point(|&r| r < range.start);
        let mut near: Vec<usize> = f.order[from..stop].to_vec();
        near.sort_unstable();
        near.into_iter().map(|i| self.all[i]).collect()
    }

    /// The first label in the list of a finding of `rule` in `file` that starts inside
    /// `range` (at its start when it is empty).
    pub fn first_starting_in(
        &self,
        file: &Arc<SourceFile>,
        range: Range<usize>,
        rule: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let f = self.files.iter().find(|f| same_file(&f.file, file))?;
        let end = range.end.max(range.start + 1);
        let a = f.order.partition_point(|&i| self.all[i].label.start < range.start);
        let b = f.order.partition_point(|&i| self.all[i].label.start < end);
        f.order[a..b].iter().copied().filter(|&i| rule(self.all[i].diag)).min().map(|i| self.all[i].diag)
    }
}

pub(super) fn same_file(a: &Arc<SourceFile>, b: &Arc<SourceFile>) -> bool {
    Arc::ptr_eq(a, b) || a.path == b.path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use proptest::prelude::*;

    proptest! {
        /// `near` and `first_starting_in` give what a scan of every label gives.
        #[test]
        fn the_index_agrees_with_a_scan(
            labels in prop::collection::vec((0usize..2, 0usize..200, 0usize..40), 0..60),
            queries in prop::collection::vec((0usize..2, 0usize..220, 0usize..30), 1..20),
        ) {
            let files: Vec<Arc<SourceFile>> =
                (0..2).map(|k| Arc::new(SourceFile::from_text(format!("f{k}.md"), "x".repeat(300)))).collect();
            let owned: Vec<Label> = labels
                .iter()
                .map(|&(f, s, len)| Label::new(&files[f], Lang::EN, s..s + len, String::new()))
                .collect();
            let all: Vec<Placed> =
                owned.iter().enumerate().map(|(i, l)| Placed { diag: i / 2, index: i % 2, label: l }).collect();
            let placing = Placing::new(all.clone());
            for &(f, a, len) in &queries {
                let (file, range) = (&files[f], a..a + len);
                let touching = |p: &Placed| {
                    let (s, e) = (p.label.start, p.label.end);
                    same_file(&p.label.file, file)
                        && if s == e { range.start <= s && s < range.end } else { s < range.end && range.start < e }
                };
                let scan: Vec<(usize, usize)> = all.iter().filter(|p| touching(p)).map(|p| (p.diag, p.index)).collect();
                let near: Vec<(usize, usize)> =
                    placing.near(file, range.clone()).iter().filter(|p| touching(p)).map(|p| (p.diag, p.index)).collect();
                prop_assert_eq!(scan, near);
                let end = range.end.max(range.start + 1);
                let first = all
                    .iter()
                    .find(|p| p.diag % 3 == 0 && same_file(&p.label.file, file) && p.label.start >= range.start && p.label.start < end)
                    .map(|p| p.diag);
                prop_assert_eq!(first, placing.first_starting_in(file, range.clone(), |d| d % 3 == 0));
            }
        }
    }
}
