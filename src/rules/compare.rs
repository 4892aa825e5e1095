//! How the anchors of one kind compare between a source and a translation, section by
//! section and block by block: the engine of the `*-mismatch` rules.

use super::Ctx;
use crate::anchors::{Anchor, Kind};
use crate::check::Version;

/// An anchor occurrence inside an aligned section pair.
#[derive(Debug, Clone, Copy)]
pub struct Occ<'a> {
    pub anchor: &'a Anchor,
    pub block: usize,
    /// Index of the block bead that holds it.
    bead: usize,
    section: usize,
}

/// How one anchor of the source compares with the translation.
#[derive(Debug)]
pub enum Outcome<'a> {
    Same(Occ<'a>, Occ<'a>),
    /// In the source, not in the translation; `at` is the translation block where it belongs.
    Missing {
        src: Occ<'a>,
        at: usize,
    },
    /// In the translation, not in the source; `near` is the source block it corresponds to.
    Extra {
        tgt: Occ<'a>,
        near: usize,
    },
    /// A source anchor and a translation anchor at the same place with different values.
    Changed(Occ<'a>, Occ<'a>),
    /// An anchor whose text stands verbatim on the other side, where that language's
    /// tables do not read it as a value (an English date quoted in French): not missing.
    Present(Occ<'a>),
}

/// When a missing and an extra anchor are one changed anchor.
pub enum Pairing {
    /// Only when the values are similar (`similar` decides).
    Similar(fn(&str, &str) -> bool),
    /// Whenever they stand in the same aligned block (links: any target can be replaced).
    SameBlock,
    /// When they stand in the same aligned block and the test holds (dates of one shape).
    SameBlockIf(fn(&Anchor, &Anchor) -> bool),
}

/// Compares the anchors of one kind between source and translation, section by section.
/// Anchors match by key in the same aligned blocks first, then anywhere in the aligned
/// sections, then anywhere in the document (a moved anchor is not a missing one).
/// Sections without a counterpart are left to the section rules.
pub fn compare<'a>(ctx: &Ctx<'a>, kind: Kind, pairing: Pairing) -> Vec<Outcome<'a>> {
    matching(ctx, kind, Agree::Key, pairing)
}

/// Like [`compare`], with a test of when two different keys still carry the same value
/// (a month alone against a full date in that month; a time in two zones).
pub fn compare_with<'a>(
    ctx: &Ctx<'a>,
    kind: Kind,
    agree: fn(&Anchor, &Anchor) -> bool,
    pairing: Pairing,
) -> Vec<Outcome<'a>> {
    matching(ctx, kind, Agree::Test(agree), pairing)
}

/// When two anchors carry the same value.
#[derive(Clone, Copy)]
enum Agree {
    /// Same key: matched through a hash index.
    Key,
    /// A test of two anchors (which holds at least for the same key).
    Test(fn(&Anchor, &Anchor) -> bool),
}

/// Up to this many candidate pairs, a pass that tests pairs tries every one (the first
/// free candidate in order wins). Above it, each anchor tries only the `WINDOW`
/// candidates on each side of its proportional position, so that matching stays linear
/// on hostile input (20,000 different numbers in one paragraph) while documents of
/// ordinary size are matched exactly as before.
const EXACT_PAIRS: usize = 1 << 16;
const WINDOW: usize = 8;

/// The first free candidate in `range` that `ok` accepts; `rank` is the anchor's
/// position among the `of` anchors looking into this range.
fn first_free(
    range: std::ops::Range<usize>,
    rank: usize,
    of: usize,
    used: &[bool],
    mut ok: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let exact = range.len().saturating_mul(of) <= EXACT_PAIRS;
    let window = if exact {
        range
    } else {
        let p = range.start + rank * range.len() / of.max(1);
        p.saturating_sub(WINDOW).max(range.start)..(p + WINDOW + 1).min(range.end)
    };
    window.into_iter().find(|&j| !used[j] && ok(j))
}

/// For each pattern, whether it occurs in one of the texts (one Aho–Corasick pass over
/// the texts when there are many patterns, rather than a search per pattern).
fn occurring(patterns: &[&str], texts: &[&str]) -> Vec<bool> {
    let size: usize = texts.iter().map(|t| t.len()).sum();
    if patterns.len().saturating_mul(size) <= 1 << 20 {
        return patterns.iter().map(|p| !p.is_empty() && texts.iter().any(|t| t.contains(p))).collect();
    }
    let mut found = vec![false; patterns.len()];
    let wanted: Vec<(usize, &str)> =
        patterns.iter().copied().enumerate().filter(|(_, p)| !p.is_empty()).collect();
    let Ok(ac) = aho_corasick::AhoCorasick::new(wanted.iter().map(|(_, p)| p)) else {
        return patterns.iter().map(|p| !p.is_empty() && texts.iter().any(|t| t.contains(p))).collect();
    };
    for t in texts {
        for m in ac.find_overlapping_iter(*t) {
            found[wanted[m.pattern().as_usize()].0] = true;
        }
    }
    found
}

/// Up to this many pairs of anchors, [`match_keys`] scans rather than index.
const SCAN_PAIRS: usize = 256;

/// Matches free anchors of `s` with free anchors of `t` of the same key, in order: each
/// takes the first free one, as a scan would, through an index.
fn match_keys<'a, K: std::hash::Hash + Eq>(
    s: &[Occ<'a>],
    t: &[Occ<'a>],
    s_used: &mut [bool],
    t_used: &mut [bool],
    key: impl Fn(&Occ<'a>) -> K,
    matched: impl FnMut(usize, usize),
) {
    let scan = s.len().saturating_mul(t.len()) <= SCAN_PAIRS;
    pair_keys(s_used, t_used, |i| key(&s[i]), |j| key(&t[j]), matched, scan);
}

/// [`match_keys`] over indexes (`s_key`, `t_key`: the keys of the anchors of `s` and `t`),
/// by a scan (`scan`: few pairs, no map and no queue per key to build) or through an
/// index; both pair the same (the index's first free one of a key is the scan's first
/// free one with that key; tested).
fn pair_keys<K: std::hash::Hash + Eq>(
    s_used: &mut [bool],
    t_used: &mut [bool],
    s_key: impl Fn(usize) -> K,
    t_key: impl Fn(usize) -> K,
    mut matched: impl FnMut(usize, usize),
    scan: bool,
) {
    // With no free anchor on one side nothing pairs: no index to build.
    if s_used.iter().all(|&u| u) || t_used.iter().all(|&u| u) {
        return;
    }
    if scan {
        for (i, used) in s_used.iter_mut().enumerate() {
            if *used {
                continue;
            }
            let k = s_key(i);
            if let Some(j) = (0..t_used.len()).find(|&j| !t_used[j] && t_key(j) == k) {
                *used = true;
                t_used[j] = true;
                matched(i, j);
            }
        }
        return;
    }
    let mut free: std::collections::HashMap<
        K,
        std::collections::VecDeque<usize>,
        foldhash::fast::RandomState,
    > = Default::default();
    for j in (0..t_used.len()).filter(|&j| !t_used[j]) {
        free.entry(t_key(j)).or_default().push_back(j);
    }
    for (i, used) in s_used.iter_mut().enumerate() {
        if *used {
            continue;
        }
        if let Some(j) = free.get_mut(&s_key(i)).and_then(|q| q.pop_front()) {
            *used = true;
            t_used[j] = true;
            matched(i, j);
        }
    }
}

fn matching<'a>(ctx: &Ctx<'a>, kind: Kind, agree: Agree, pairing: Pairing) -> Vec<Outcome<'a>> {
    let mut out = Vec::new();
    let mut lost: Vec<Occ<'a>> = Vec::new();
    let mut added: Vec<Occ<'a>> = Vec::new();
    let mut lost_at = Vec::new();
    let mut added_near = Vec::new();
    for (si, sb) in ctx.beads.iter().enumerate() {
        if sb.src.is_empty() || sb.tgt.is_empty() {
            continue;
        }
        let collect = |v: &'a Version, pick: fn(&crate::align::Bead) -> std::ops::Range<usize>| {
            let mut occ = Vec::new();
            for (bi, bead) in sb.blocks.iter().enumerate() {
                for block in pick(bead) {
                    for a in v.anchors[block].iter().filter(|a| a.kind == kind) {
                        occ.push(Occ { anchor: a, block, bead: bi, section: si });
                    }
                }
            }
            occ
        };
        let mut s = collect(ctx.src, |b| b.src.clone());
        let mut t = collect(ctx.tgt, |b| b.tgt.clone());
        // Most sections hold no value of most kinds: nothing to pair, lose or add (and
        // the indexes and texts below cost more than the rule's own work).
        if s.is_empty() && t.is_empty() {
            continue;
        }
        // Emails and codes are compared as sets: writing an address twice is not an error.
        // Links are counted: a second link lost is a second link lost.
        if kind != Kind::Link {
            for occ in [&mut s, &mut t].into_iter().filter(|o| o.len() > 1) {
                let mut seen: std::collections::HashSet<&str, foldhash::fast::RandomState> =
                    Default::default();
                occ.retain(|o| seen.insert(o.anchor.key.as_str()));
            }
        }
        let mut s_used = vec![false; s.len()];
        let mut t_used = vec![false; t.len()];
        // Each side's anchors are in bead order: the range of each bead's anchors.
        let ranges = |occ: &[Occ]| {
            let mut r = vec![0..0; sb.blocks.len()];
            for (k, o) in occ.iter().enumerate() {
                if r[o.bead].is_empty() {
                    r[o.bead] = k..k;
                }
                r[o.bead].end = k + 1;
            }
            r
        };
        let (s_beads, t_beads) = (ranges(&s), ranges(&t));
        // A pass over pairs: in the same blocks (`local`) or anywhere in the sections.
        let pass = |out: &mut Vec<Outcome<'a>>,
                    local: bool,
                    same: bool,
                    s_used: &mut [bool],
                    t_used: &mut [bool],
                    ok: &dyn Fn(&Occ, &Occ) -> bool| {
            for i in 0..s.len() {
                if s_used[i] {
                    continue;
                }
                let (range, rank, of) = if local {
                    let b = s[i].bead;
                    (t_beads[b].clone(), i - s_beads[b].start, s_beads[b].len())
                } else {
                    (0..t.len(), i, s.len())
                };
                if let Some(j) = first_free(range, rank, of, t_used, |j| ok(&s[i], &t[j])) {
                    s_used[i] = true;
                    t_used[j] = true;
                    out.push(if same { Outcome::Same(s[i], t[j]) } else { Outcome::Changed(s[i], t[j]) });
                }
            }
        };
        // A value written the same way on the other side is not missing, even when that
        // language's tables do not read it (an English date quoted in French text). This
        // is settled before unmatched values are paired as changed.
        let verbatim = |out: &mut Vec<Outcome<'a>>, s_used: &mut [bool], t_used: &mut [bool]| {
            // Only values left unpaired are looked for in the other side's texts.
            if kind == Kind::Link || (s_used.iter().all(|&u| u) && t_used.iter().all(|&u| u)) {
                return;
            }
            let texts = |v: &'a Version, r: std::ops::Range<usize>| -> Vec<&'a str> {
                v.blocks[r].iter().map(|b| b.text.as_str()).collect()
            };
            let (src_texts, tgt_texts) = (
                texts(ctx.src, ctx.src.section_blocks(&sb.src)),
                texts(ctx.tgt, ctx.tgt.section_blocks(&sb.tgt)),
            );
            let shown = |occ: &[Occ<'a>], used: &[bool]| -> Vec<&'a str> {
                occ.iter().zip(used).map(|(o, &u)| if u { "" } else { o.anchor.shown.as_str() }).collect()
            };
            let in_tgt = occurring(&shown(&s, s_used), &tgt_texts);
            let in_src = occurring(&shown(&t, t_used), &src_texts);
            for (i, o) in s.iter().enumerate() {
                if !s_used[i] && in_tgt[i] {
                    s_used[i] = true;
                    out.push(Outcome::Present(*o));
                }
            }
            for (j, o) in t.iter().enumerate() {
                if !t_used[j] && in_src[j] {
                    t_used[j] = true;
                    out.push(Outcome::Present(*o));
                }
            }
        };
        let paired = |a: &Occ, b: &Occ| match &pairing {
            Pairing::Similar(f) => f(&a.anchor.key, &b.anchor.key),
            Pairing::SameBlock => true,
            Pairing::SameBlockIf(f) => f(a.anchor, b.anchor),
        };
        fn same_key_local<'b>(o: &Occ<'b>) -> (usize, &'b str) {
            (o.bead, o.anchor.key.as_str())
        }
        fn same_key<'b>(o: &Occ<'b>) -> &'b str {
            o.anchor.key.as_str()
        }
        let same = |out: &mut Vec<Outcome<'a>>, i: usize, j: usize| out.push(Outcome::Same(s[i], t[j]));
        if kind == Kind::Date {
            // Dates pair within their aligned block first (same value, agreeing value, then
            // a changed value), and only then anywhere in the section: a month-year changed
            // in a paragraph is found even when the source's value also stands elsewhere (in
            // the translation's title, say).
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key_local, |i, j| same(&mut out, i, j));
            if let Agree::Test(f) = agree {
                pass(&mut out, true, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
            }
            verbatim(&mut out, &mut s_used, &mut t_used);
            pass(&mut out, true, false, &mut s_used, &mut t_used, &paired);
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key, |i, j| same(&mut out, i, j));
            if let Agree::Test(f) = agree {
                pass(&mut out, false, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
            }
        } else {
            // Links and numbers look across the section before pairing two values of one
            // block as changed: any two links or numbers of a block pair, and one moved to
            // the next paragraph is common.
            // 1. The same key in the same aligned blocks, 2. anywhere in the sections.
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key_local, |i, j| same(&mut out, i, j));
            match_keys(&s, &t, &mut s_used, &mut t_used, same_key, |i, j| same(&mut out, i, j));
            // 3. Values that agree under another key.
            if let Agree::Test(f) = agree {
                pass(&mut out, true, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
                pass(&mut out, false, true, &mut s_used, &mut t_used, &|a, b| f(a.anchor, b.anchor));
            }
            verbatim(&mut out, &mut s_used, &mut t_used);
            // 4. Different values at the same place: one value changed.
            pass(&mut out, true, false, &mut s_used, &mut t_used, &paired);
        }
        if let Pairing::Similar(f) = &pairing {
            pass(&mut out, false, false, &mut s_used, &mut t_used, &|a, b| f(&a.anchor.key, &b.anchor.key));
        }
        for (_, o) in s.iter().enumerate().filter(|(i, _)| !s_used[*i]) {
            lost.push(*o);
            lost_at.push(
                place(&sb.blocks, o.bead, |b| b.tgt.clone()).unwrap_or(ctx.tgt.section_blocks(&sb.tgt).start),
            );
        }
        for (_, o) in t.iter().enumerate().filter(|(j, _)| !t_used[*j]) {
            added.push(*o);
            added_near.push(
                place(&sb.blocks, o.bead, |b| b.src.clone()).unwrap_or(ctx.src.section_blocks(&sb.src).start),
            );
        }
    }
    // Anchors that moved to another section are not missing.
    let mut lost_used = vec![false; lost.len()];
    let mut added_used = vec![false; added.len()];
    let mut moved: Vec<(usize, usize)> = Vec::new();
    match agree {
        Agree::Key => match_keys(
            &lost,
            &added,
            &mut lost_used,
            &mut added_used,
            |o| o.anchor.key.as_str(),
            |i, j| moved.push((i, j)),
        ),
        Agree::Test(f) => {
            for i in 0..lost.len() {
                let ok = |j: usize| f(added[j].anchor, lost[i].anchor);
                if let Some(j) = first_free(0..added.len(), i, lost.len(), &added_used, ok) {
                    lost_used[i] = true;
                    added_used[j] = true;
                    moved.push((i, j));
                }
            }
        }
    }
    let mut partner = vec![None; lost.len()];
    for (i, j) in moved {
        partner[i] = Some(j);
    }
    for (i, l) in lost.iter().enumerate() {
        match partner[i] {
            Some(j) => out.push(Outcome::Same(*l, added[j])),
            None => out.push(Outcome::Missing { src: *l, at: lost_at[i] }),
        }
    }
    for (j, a) in added.iter().enumerate() {
        if !added_used[j] {
            out.push(Outcome::Extra { tgt: *a, near: added_near[j] });
        }
    }
    out.sort_by_key(|o| match o {
        Outcome::Same(a, _) | Outcome::Changed(a, _) | Outcome::Present(a) => {
            (a.section, a.block, a.anchor.span.start)
        }
        Outcome::Missing { src, .. } => (src.section, src.block, src.anchor.span.start),
        Outcome::Extra { tgt, .. } => (tgt.section, usize::MAX, tgt.anchor.span.start),
    });
    out
}

/// The block on one side where a bead's content belongs: the bead's own first block, or
/// the nearest block of an earlier (then later) bead.
/// The block of the other side where an anchor of bead `bead` stands: its pair's first
/// block, or, for a block left alone, where that block belongs: before the next paired
/// block (after the last one at the end of the section), as `content-missing` says.
fn place(
    beads: &[crate::align::Bead],
    bead: usize,
    side: fn(&crate::align::Bead) -> std::ops::Range<usize>,
) -> Option<usize> {
    let own = side(&beads[bead]);
    if !own.is_empty() {
        return Some(own.start);
    }
    beads[bead + 1..]
        .iter()
        .map(side)
        .find(|r| !r.is_empty())
        .map(|r| r.start)
        .or_else(|| beads[..bead].iter().rev().map(side).find(|r| !r.is_empty()).map(|r| r.end - 1))
}

impl Occ<'_> {
    /// Whether the source block that holds it was left alone by the aligner (no
    /// counterpart in the translation: `content-missing` reports the block).
    pub fn lone(&self, ctx: &Ctx) -> bool {
        ctx.beads[self.section].blocks[self.bead].tgt.is_empty()
    }
}

/// The label at block `near` of the source for a value of the translation it lacks
/// (from `Outcome::Extra`): its counterpart, or, when the translation block that holds the
/// value has none (`content-extra`), the source block next to where it stands.
pub fn counterpart_label(ctx: &Ctx, tgt: &Occ, near: usize) -> crate::diag::Label {
    let sl = ctx.src.lang.name();
    if !ctx.beads[tgt.section].blocks[tgt.bead].src.is_empty() {
        return ctx.src.block_label(near, format!("the {sl} counterpart"));
    }
    let next = ctx.beads[tgt.section].blocks[tgt.bead + 1..].iter().find(|b| !b.src.is_empty());
    let where_ = if next.is_some_and(|b| b.src.start == near) { "after" } else { "before" };
    ctx.src.block_label(
        near,
        format!("the {sl} block {where_} it (the {} block has no {sl} counterpart)", ctx.tgt.lang.name()),
    )
}

/// The label at block `at` of the translation for a value it lacks (`expected`, written
/// as the rule shows it): "in this part" when the source block that holds it has a
/// counterpart there; else the block has none, and the label says where it belongs.
pub fn missing_label(ctx: &Ctx, src: &Occ, at: usize, expected: &str) -> crate::diag::Label {
    if !src.lone(ctx) {
        return ctx.tgt.block_label(at, format!("expected {expected} in this part"));
    }
    let next = ctx.beads[src.section].blocks[src.bead + 1..].iter().find(|b| !b.tgt.is_empty());
    let where_ = if next.is_some_and(|b| b.tgt.start == at) { "before" } else { "after" };
    ctx.tgt.block_label(
        at,
        format!(
            "expected {expected}: the {} block that holds it has no {} counterpart, and belongs {where_} this",
            ctx.src.lang.name(),
            ctx.tgt.lang.name()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The scan pairs as the index does.
        #[test]
        fn scan_pairs_as_the_index(
            s in proptest::collection::vec((0u8..4, proptest::bool::weighted(0.2)), 0..12),
            t in proptest::collection::vec((0u8..4, proptest::bool::weighted(0.2)), 0..12),
        ) {
            let run = |scan: bool| {
                let (mut su, mut tu): (Vec<bool>, Vec<bool>) =
                    (s.iter().map(|x| x.1).collect(), t.iter().map(|x| x.1).collect());
                let mut pairs = Vec::new();
                pair_keys(&mut su, &mut tu, |i| s[i].0, |j| t[j].0, |i, j| pairs.push((i, j)), scan);
                (pairs, su, tu)
            };
            proptest::prop_assert_eq!(run(true), run(false));
        }
    }
}
