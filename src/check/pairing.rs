//! Pairing the versions of a document: what the aligner knows of each section and block
//! (`align::Item`, from the version's `units::Units`), the section beads of a translation
//! against the source, then the block beads inside each pair of sections.

use super::neighbour::level;
use super::units::heading_pins;
use super::units::Units;
use super::{SectionBead, Version};
use crate::align::{self, Bead, Item};
use crate::blocks::{self, Block};
use std::borrow::Cow;
use std::ops::Range;

/// The items of runs of blocks of `v`: their cognates and stems borrowed from the
/// version's units (one slice for any run), their keys too where only one of the three
/// lists (anchors, inline code, markup) has any (most blocks), else the three joined.
fn items(v: &Version, ranges: impl Iterator<Item = (Range<usize>, bool)>) -> Vec<Item<'_>> {
    let u = v.units();
    ranges
        .map(|(r, heading)| Item {
            len: u.len[r.clone()].iter().sum(),
            anchors: keys(u, r.clone()),
            cognates: Cow::Borrowed(u.cognates.of(r.clone())),
            heading,
            pins: if heading {
                if u.head[r.start] {
                    Cow::Borrowed(u.heading_pins.at(r.start))
                } else {
                    Cow::Owned(heading_pins(v, r.start))
                }
            } else if r.len() == 1 && v.blocks[r.start].code_only {
                // A command line written the same on both sides ties its two blocks.
                Cow::Borrowed(u.code_pins.at(r.start))
            } else {
                Cow::Borrowed(&[])
            },
            code: r.len() == 1 && v.blocks[r.start].code_only,
            shape: 3,
            stems: Cow::Borrowed(u.stems.of(r)),
        })
        .collect()
}

/// The keys of the blocks `r`: their anchor keys, inline code keys and markup keys, in
/// that order; borrowed when no more than one of the three lists has any.
fn keys(u: &Units, r: Range<usize>) -> Cow<'_, [(compact_str::CompactString, f64)]> {
    joined([u.anchors.of(r.clone()), u.inline.of(r.clone()), u.markup.of(r)])
}

/// `lists.concat()`, borrowed when no more than one of the lists has any entry.
fn joined<T: Clone>(lists: [&[T]; 3]) -> Cow<'_, [T]> {
    match lists.iter().filter(|l| !l.is_empty()).count() {
        0 | 1 => Cow::Borrowed(lists.into_iter().find(|l| !l.is_empty()).unwrap_or(&[])),
        _ => Cow::Owned(lists.concat()),
    }
}

/// Where the two sides do not share most of their markup keys (the translation shows
/// other images: a localised logo, a smaller one), keeps only the keys both have: a key
/// only one side has then says nothing of what the other lacks. Where they share most
/// (half of the smaller side's keys or more), all are kept, like anchors: a component or
/// image the translation lacks is content it lacks.
fn shared_markup<'a>(a: &mut [Item<'a>], b: &mut [Item<'a>]) {
    let markup = |k: &str| k.starts_with("Image:") || k.starts_with("Component:");
    let set = |its: &[Item]| -> std::collections::HashSet<compact_str::CompactString> {
        its.iter().flat_map(|i| i.anchors.iter()).filter(|(k, _)| markup(k)).map(|(k, _)| k.clone()).collect()
    };
    let (sa, sb) = (set(a), set(b));
    let shared = sa.intersection(&sb).count();
    if (sa.is_empty() && sb.is_empty()) || (shared > 0 && 2 * shared >= sa.len().min(sb.len())) {
        return;
    }
    for (its, other) in [(a, &sb), (b, &sa)] {
        for it in its.iter_mut() {
            it.anchors.to_mut().retain(|(k, _)| !markup(k) || other.contains(k));
        }
    }
}

/// The kind of a block for merges: a heading, a list item, code, or other text.
fn shape(b: &Block) -> u8 {
    match b.kind {
        blocks::BlockKind::Heading(_) => 0,
        blocks::BlockKind::ListItem => align::BULLET,
        _ if b.code_only => 2,
        _ => 3,
    }
}

/// Aligns a translation with the source: sections first, then blocks inside each bead.
pub fn pair(src: &Version, tgt: &Version) -> Vec<SectionBead> {
    let mut si = items(src, src.sections.iter().map(|s| (s.blocks.clone(), s.headed)));
    let mut ti = items(tgt, tgt.sections.iter().map(|s| (s.blocks.clone(), s.headed)));
    shared_markup(&mut si, &mut ti);
    let (moved, beads) = align::align_moved_and_swapped(&si, &ti, &align::SECTIONS);
    let ratio = document_ratio(&si, &ti, &beads);
    // The section units hold every anchor key and stem of the document: gone before the
    // blocks are aligned, which build units of their own.
    drop((si, ti));
    // The blocks `unmerge` paired for a bead it kept whole, reused if the bead stays.
    let mut kept: Vec<(Range<usize>, Range<usize>, Vec<Bead>)> = Vec::new();
    let levels = levels_kept(src, tgt, &beads);
    let beads: Vec<Bead> =
        beads.into_iter().flat_map(|b| unmerge(src, tgt, b, ratio, levels, &mut kept)).collect();
    let (beads, or) = super::neighbour::reassign(src, tgt, beads, ratio);
    beads
        .into_iter()
        .zip(or)
        .map(|(b, or)| {
            let sb = src.section_blocks(&b.src);
            let tb = tgt.section_blocks(&b.tgt);
            let blocks = if sb.is_empty() || tb.is_empty() {
                Vec::new()
            } else if let Some(k) = kept.iter().position(|k| k.0 == b.src && k.1 == b.tgt) {
                kept.swap_remove(k).2
            } else {
                pair_blocks(src, tgt, sb, tb, ratio)
            };
            let other = if b.tgt.is_empty() {
                moved.iter().find(|m| b.src.contains(&m.0)).map(|m| m.1)
            } else if b.src.is_empty() {
                moved.iter().find(|m| b.tgt.contains(&m.1)).map(|m| m.0)
            } else {
                None
            };
            SectionBead {
                src: b.src,
                tgt: b.tgt,
                blocks,
                confidence: b.confidence,
                ties: b.ties,
                moved: other,
                or: or.filter(|_| other.is_none()),
            }
        })
        .collect()
}

/// Whether the sections paired one to one keep their heading levels (nine pairs in ten;
/// true when no pair has two headings to compare).
fn levels_kept(src: &Version, tgt: &Version, beads: &[Bead]) -> bool {
    let (mut n, mut same) = (0, 0);
    for b in beads.iter().filter(|b| b.src.len() == 1 && b.tgt.len() == 1) {
        if let (Some(x), Some(y)) = (level(src, b.src.start), level(tgt, b.tgt.start)) {
            n += 1;
            same += (x == y) as usize;
        }
    }
    same * 10 >= n * 9
}

/// A 2-1 (or 1-2) section bead whose first or last section has no block paired with
/// the other side is no merge: that section is missing (or extra), and the other pairs
/// alone. Checked on the blocks, which the section search does not see.
///
/// Nor is it a merge when the single section's heading has the level of one of the two
/// and not of the other, and the heading of the one of its level pairs nothing (it was
/// paired with the heading of the other level), in a document that keeps its levels:
/// the single section is the one of its level, and the other is missing (or extra). A
/// translation that repeats the introduction under the next heading, once the
/// introduction's own section is gone, otherwise reads as the two sections merged.
///
/// The blocks it pairs for a bead it keeps whole are added to `kept`.
fn unmerge(
    src: &Version,
    tgt: &Version,
    b: Bead,
    ratio: f64,
    levels: bool,
    kept: &mut Vec<(Range<usize>, Range<usize>, Vec<Bead>)>,
) -> Vec<Bead> {
    let two_one = b.src.len() == 2 && b.tgt.len() == 1;
    let one_two = b.src.len() == 1 && b.tgt.len() == 2;
    if !(two_one || one_two) {
        return vec![b];
    }
    let blocks = pair_blocks(src, tgt, src.section_blocks(&b.src), tgt.section_blocks(&b.tgt), ratio);
    let (many, many_v) = if two_one { (b.src.clone(), src) } else { (b.tgt.clone(), tgt) };
    let paired = |k: usize| {
        let r = many_v.section_blocks(&(k..k + 1));
        blocks.iter().any(|x| {
            let (mine, theirs) = if two_one { (&x.src, &x.tgt) } else { (&x.tgt, &x.src) };
            !theirs.is_empty() && mine.start < r.end && r.start < mine.end
        })
    };
    let (first, last) = (many.start, many.end - 1);
    let (one_v, one) = if two_one { (tgt, b.tgt.start) } else { (src, b.src.start) };
    // The section of the single one's level whose heading pairs nothing: the other is
    // the one left alone.
    let heading_alone = |k: usize| {
        let h = many_v.sections[k].blocks.start;
        many_v.sections[k].headed
            && !blocks.iter().any(|x| {
                let (mine, theirs) = if two_one { (&x.src, &x.tgt) } else { (&x.tgt, &x.src) };
                !theirs.is_empty() && mine.contains(&h)
            })
    };
    let by_level = || {
        let lv = level(one_v, one)?;
        let (lf, ll) = (level(many_v, first)?, level(many_v, last)?);
        match (lf == lv, ll == lv) {
            (false, true) if heading_alone(last) => Some(first),
            (true, false) if heading_alone(first) => Some(last),
            _ => None,
        }
    };
    let lone = match (paired(first), paired(last)) {
        (false, true) => first,
        (true, false) => last,
        (true, true) if levels && by_level().is_some() => by_level().unwrap_or(first),
        _ => {
            kept.push((b.src.clone(), b.tgt.clone(), blocks));
            return vec![b];
        }
    };
    let kept = if lone == first { last } else { first };
    let (alone, pair) = if two_one {
        let at = if lone == first { b.tgt.start } else { b.tgt.end };
        (
            Bead { src: lone..lone + 1, tgt: at..at, ..b.clone() },
            Bead { src: kept..kept + 1, tgt: b.tgt.clone(), ..b.clone() },
        )
    } else {
        let at = if lone == first { b.src.start } else { b.src.end };
        (
            Bead { src: at..at, tgt: lone..lone + 1, ..b.clone() },
            Bead { src: b.src.clone(), tgt: kept..kept + 1, ..b.clone() },
        )
    };
    if lone == first {
        vec![alone, pair]
    } else {
        vec![pair, alone]
    }
}

/// The document's length ratio (translation over source, in characters): the median
/// over the sections paired one to one, which a few sections with a dropped or added
/// block do not move; the ratio of the paired totals when fewer than three are paired.
fn document_ratio(si: &[Item], ti: &[Item], beads: &[Bead]) -> f64 {
    let mut ratios: Vec<f64> = Vec::new();
    let (mut ls, mut lt) = (0.0, 0.0);
    for b in beads.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()) {
        let l1: f64 = si[b.src.clone()].iter().map(|i| i.len).sum();
        let l2: f64 = ti[b.tgt.clone()].iter().map(|i| i.len).sum();
        ls += l1;
        lt += l2;
        if b.src.len() == 1 && b.tgt.len() == 1 && l1 >= 20.0 && l2 > 0.0 {
            ratios.push(l2 / l1);
        }
    }
    if ratios.len() >= 3 {
        ratios.sort_by(f64::total_cmp);
        return ratios[ratios.len() / 2];
    }
    if ls > 0.0 && lt > 0.0 {
        lt / ls
    } else {
        1.0
    }
}

/// Aligns the blocks of a range of source blocks with a range of translation blocks;
/// the beads are in absolute block indexes.
///
/// A description followed by its command (code-only blocks) travels as one unit, an
/// example: examples are aligned first, then the blocks inside each pair of examples,
/// so a dropped example is dropped whole and a command never pairs with the description
/// of another.
pub fn pair_blocks(
    src: &Version,
    tgt: &Version,
    sb: Range<usize>,
    tb: Range<usize>,
    ratio: f64,
) -> Vec<Bead> {
    let (gs, gt) = (example_groups(src, sb.clone()), example_groups(tgt, tb.clone()));
    if gs.len() == sb.len() && gt.len() == tb.len() {
        return align_blocks(src, tgt, sb, tb, ratio);
    }
    let mut gi = group_items(src, &gs);
    let mut gj = group_items(tgt, &gt);
    shared_markup(&mut gi, &mut gj);
    let mut out = Vec::new();
    for g in align::align_with(&gi, &gj, &align::BLOCKS, Some(ratio)) {
        // An empty side stands where its next group starts (or at the range's end).
        let at = |groups: &[Range<usize>], k: usize, end: usize| groups.get(k).map_or(end, |g| g.start);
        let s = if g.src.is_empty() {
            let p = at(&gs, g.src.start, sb.end);
            p..p
        } else {
            gs[g.src.start].start..gs[g.src.end - 1].end
        };
        let t = if g.tgt.is_empty() {
            let p = at(&gt, g.tgt.start, tb.end);
            p..p
        } else {
            gt[g.tgt.start].start..gt[g.tgt.end - 1].end
        };
        // (A group's alike neighbour is a group: not kept for its blocks.)
        let one = |src: Range<usize>, tgt: Range<usize>| Bead { src, tgt, or: 0, ..g.clone() };
        if s.is_empty() || t.is_empty() {
            out.extend(s.clone().map(|i| one(i..i + 1, t.start..t.start)));
            out.extend(t.clone().map(|j| one(s.end..s.end, j..j + 1)));
        } else if s.len() == t.len()
            && s.clone().zip(t.clone()).all(|(i, j)| shape(&src.blocks[i]) == shape(&tgt.blocks[j]))
        {
            out.extend(s.clone().zip(t.clone()).map(|(i, j)| one(i..i + 1, j..j + 1)));
        } else {
            out.extend(align_blocks(src, tgt, s, t, ratio));
        }
    }
    out
}

/// Blocks that travel together: a block that is not code, with the code-only blocks
/// right after it.
fn example_groups(v: &Version, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in r {
        let b = &v.blocks[i];
        match out.last_mut() {
            Some(g) if b.code_only && !v.blocks[g.start].code_only && !v.blocks[g.start].is_heading() => {
                g.end = i + 1
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

fn group_items<'v>(v: &'v Version, groups: &[Range<usize>]) -> Vec<Item<'v>> {
    let mut its = items(v, groups.iter().map(|g| (g.clone(), v.blocks[g.start].is_heading())));
    let u = v.units();
    for (it, g) in its.iter_mut().zip(groups) {
        let b = &v.blocks[g.start];
        it.shape = if g.len() == 1 { shape(b) } else { 4 };
        it.code = v.blocks[g.clone()].iter().all(|b| b.code_only);
        if g.len() > 1 {
            it.pins = g
                .clone()
                .filter(|&i| v.blocks[i].code_only)
                .flat_map(|i| u.code_pins.at(i).iter().cloned())
                .collect();
        }
        extend_pins(&mut it.pins, u.step_pins.at(g.start));
    }
    its
}

/// Adds `more` to `pins`, copying borrowed pins only when there is something to add
/// (most blocks have no step pin).
fn extend_pins(pins: &mut Cow<'_, [String]>, more: &[String]) {
    if !more.is_empty() {
        pins.to_mut().extend(more.iter().cloned());
    }
}

fn align_blocks(src: &Version, tgt: &Version, sb: Range<usize>, tb: Range<usize>, ratio: f64) -> Vec<Bead> {
    let mut bi = items(src, sb.clone().map(|i| (i..i + 1, src.blocks[i].is_heading())));
    let mut bj = items(tgt, tb.clone().map(|i| (i..i + 1, tgt.blocks[i].is_heading())));
    for (v, its, r) in [(src, &mut bi, sb.clone()), (tgt, &mut bj, tb.clone())] {
        let u = v.units();
        for (it, i) in its.iter_mut().zip(r) {
            it.shape = shape(&v.blocks[i]);
            extend_pins(&mut it.pins, u.step_pins.at(i));
        }
    }
    shared_markup(&mut bi, &mut bj);
    align::align_with(&bi, &bj, &align::BLOCKS, Some(ratio))
        .into_iter()
        .map(|x| Bead {
            src: x.src.start + sb.start..x.src.end + sb.start,
            tgt: x.tgt.start + tb.start..x.tgt.end + tb.start,
            ..x
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The joined lists are their concatenation, borrowed or not.
        #[test]
        fn joined_lists_are_their_concatenation(
            a in proptest::collection::vec(0u8..9, 0..4),
            b in proptest::collection::vec(0u8..9, 0..4),
            c in proptest::collection::vec(0u8..9, 0..4),
        ) {
            let j = joined([&a[..], &b[..], &c[..]]);
            proptest::prop_assert_eq!(&j[..], &[a.clone(), b.clone(), c.clone()].concat()[..]);
            let nonempty = [&a, &b, &c].iter().filter(|l| !l.is_empty()).count();
            proptest::prop_assert_eq!(matches!(j, Cow::Borrowed(_)), nonempty <= 1);
        }
    }
}
