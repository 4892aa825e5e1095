//! Unit tests of the aligner.

use super::cost::phi;
use super::side::Side;
use super::*;

fn item(len: f64, anchors: &[&str]) -> Item<'static> {
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
    let src = vec![item(300.0, &["a"]), item(100.0, &["b", "n1"]), item(150.0, &["c"]), item(300.0, &["d"])];
    let merged = Item {
        len: 240.0,
        anchors: vec![("b".into(), 6.0), ("n1".into(), 6.0), ("c".into(), 6.0)].into(),
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
fn a_short_block_does_not_ride_on_a_long_ones_length() {
    // 20 characters are within the length noise of a 118-character pair: merging the
    // short block is no likelier than dropping it, and nothing else speaks for it.
    let src = vec![item(100.0, &[]), item(20.0, &[])];
    let tgt = vec![item(118.0, &[])];
    assert_eq!(shape(&align_with(&src, &tgt, &BLOCKS, Some(1.0))), vec![(1, 1), (1, 0)]);
    // Two halves of like length merge: each carries the length.
    let src = vec![item(60.0, &[]), item(55.0, &[])];
    assert_eq!(shape(&align_with(&src, &tgt, &BLOCKS, Some(1.0))), vec![(2, 1)]);
}

#[test]
fn pins_are_rungs_unless_they_repeat() {
    let pinned = |len: f64, pin: &str| Item { len, pins: vec![pin.to_string()].into(), ..Item::default() };
    // Step 3 is missing: 4 pairs with 4, not with 3.
    let src = vec![pinned(100.0, "n:1"), pinned(100.0, "n:2"), pinned(100.0, "n:3"), pinned(100.0, "n:4")];
    let tgt = vec![pinned(100.0, "n:1"), pinned(100.0, "n:2"), pinned(100.0, "n:4")];
    let beads = align(&src, &tgt, &BLOCKS);
    assert_eq!(shape(&beads), vec![(1, 1), (1, 1), (1, 0), (1, 1)]);
    assert!(beads[3].ties.iter().any(|t| t == "pin:n:4"));
    assert!(beads[3].confidence > 0.9);
    // A pin that occurs twice on a side ties nothing.
    let src = vec![pinned(100.0, "x"), pinned(100.0, "x")];
    let tgt = vec![pinned(100.0, "x")];
    let s = Side::new(&src, &mut Default::default());
    assert!(s.pins.all().is_empty());
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

proptest::proptest! {
    /// The key and stem weights a side precomputes for each unit, and those of runs of 2
    /// and 3, are bit for bit what summing the combined lists gives (the bead costs
    /// compare them, so not a rounding may differ).
    #[test]
    fn precomputed_weights_are_the_direct_sums(
        units in proptest::collection::vec(
            (
                proptest::collection::vec((0u8..12, 0.1f64..6.0), 0..6),
                proptest::collection::vec(0u8..10, 0..6),
            ),
            1..9,
        ),
    ) {
        let items: Vec<Item> = units
            .iter()
            .map(|(keys, stems)| Item {
                len: 10.0,
                anchors: keys.iter().map(|(k, w)| (format!("k{k}").into(), *w)).collect(),
                stems: stems.iter().map(|s| [b'a', b'b', b'c', b'a' + s]).collect(),
                ..Item::default()
            })
            .collect();
        let mut ids = side::Ids::default();
        let s = Side::new(&items, &mut ids);
        for k in 1..=3 {
            for i in 0..(items.len() + 1).saturating_sub(k) {
                let r = i..i + k;
                let keys = s.keys_of(r.clone());
                let direct: f64 = keys.iter().map(|(_, c, w)| f64::from(*c) * w).sum();
                proptest::prop_assert_eq!(s.key_weight_of(r.clone(), &keys).to_bits(), direct.to_bits());
                let mut stems: Vec<u32> = s.stems.of(r.clone()).to_vec();
                stems.sort_unstable();
                stems.dedup();
                let direct: f64 = stems.iter().map(|k| s.stem_w[*k as usize]).sum();
                proptest::prop_assert_eq!(s.stem_weight_of(r, &stems).to_bits(), direct.to_bits());
            }
        }
    }
}

#[test]
fn searches_reusing_the_first_searchs_terms_find_the_same_beads_and_costs() {
    // Sections with anchors, names, stems, pins, headings and code, searched under
    // several ratios: with the terms of the first search kept, every later search gives
    // the beads and costs (to the bit) of a search that computes its own.
    let mut src = Vec::new();
    let mut tgt = Vec::new();
    for k in 0..14usize {
        let mut it = item(40.0 + (k * 37 % 200) as f64, &[]);
        if k % 3 == 0 {
            it.anchors.to_mut().push((format!("Number:{k}").into(), 2.0));
        }
        it.cognates = if k % 4 == 1 { vec!["zoom".into(), "apac".into()].into() } else { Vec::new().into() };
        it.stems = vec![*b"regi", *b"webi", [b'a' + (k % 7) as u8, b'b', b'c', b'd']].into();
        it.heading = k % 5 == 0;
        it.pins = if k % 6 == 2 { vec![format!("h:{k}")].into() } else { Default::default() };
        it.code = k == 9;
        it.shape = if k % 4 == 3 { BULLET } else { 3 };
        src.push(it.clone());
        if k != 6 {
            it.len *= 1.15;
            tgt.push(it);
        }
    }
    let mut ids = side::Ids::default();
    let mut s = Side::new(&src, &mut ids);
    let mut t = Side::new(&tgt, &mut ids);
    link_pins(&mut s, &mut t);
    let mut memo = search::Memo::new(&s, &t, &SECTIONS).expect("a small table keeps its terms");
    for c in [1.15, 0.8, 1.0, 2.5] {
        let kept = search::dp(&s, &t, &SECTIONS, cost::Ratio(c), Some(&mut memo));
        let own = search::dp(&s, &t, &SECTIONS, cost::Ratio(c), None);
        assert_eq!(kept.len(), own.len(), "ratio {c}");
        for (x, y) in kept.iter().zip(&own) {
            assert_eq!((&x.src, &x.tgt), (&y.src, &y.tgt), "ratio {c}");
            assert_eq!(x.cost.to_bits(), y.cost.to_bits(), "ratio {c}");
        }
    }
    // Blocks' merge terms depend on the ratio: no memo for them.
    assert!(search::Memo::new(&s, &t, &BLOCKS).is_none());
}

#[test]
fn ids_are_those_of_one_map_in_order_of_first_use() {
    // Keys of four lower-case letters go to a map of their own; the ids must be those a
    // single map of every key gives (the sums over sorted ids depend on their order).
    use proptest::prelude::*;
    let key = prop_oneof![
        "[a-c]{4}",
        "[a-cA]{3,5}",
        "(Number|Link):[a-c0-9]{1,4}",
        "[a-cé]{4}",
        proptest::collection::vec(97u8..100, 4).prop_map(|b| String::from_utf8(b).unwrap_or_default()),
    ];
    proptest::proptest!(|(keys in proptest::collection::vec((key, any::<bool>()), 0..60))| {
        let stems: Vec<[u8; 4]> =
            keys.iter().map(|(k, _)| k.as_bytes().get(..4).and_then(|b| b.try_into().ok()).unwrap_or(*b"xxxx")).collect();
        let mut ids = side::Ids::default();
        let mut one: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        for ((k, as_stem), stem) in keys.iter().zip(&stems) {
            let (got, text) = if *as_stem {
                (side::intern_stem(&mut ids, stem), std::str::from_utf8(stem).unwrap_or_default())
            } else {
                (side::intern(&mut ids, k), k.as_str())
            };
            let n = one.len() as u32;
            let want = *one.entry(text).or_insert(n);
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    });
}

#[test]
fn moved_on_the_searchs_sides_is_moved_on_sides_of_its_own() {
    // Sections with stems and anchors, some dropped, some swapped, some added: the moved
    // and swapped pairs and the beads are those of the two steps run apart.
    let unit = |k: usize, w: u8| {
        let mut it = item(60.0 + (k * 53 % 170) as f64, &[]);
        if k % 2 == 0 {
            it.anchors.to_mut().push((format!("Link:/p/{k}").into(), 5.0));
        }
        it.stems = vec![[b'a' + (k % 20) as u8, b'a' + w, b'x', b'y'], *b"comm"].into();
        it.pins = if k % 5 == 4 { vec![format!("n:{k}")].into() } else { Default::default() };
        it
    };
    for case in 0..6usize {
        let src: Vec<Item> = (0..12).map(|k| unit(k, 0)).collect();
        let mut order: Vec<usize> = (0..12).filter(|k| (k + case) % 7 != 0).collect();
        order.swap(case + 1, case + 2);
        if case % 2 == 1 {
            order.insert(case, 40 + case);
        }
        let tgt: Vec<Item> = order.iter().map(|&k| unit(k, 0)).collect();
        let apart = moved_and_swapped(&src, &tgt, align(&src, &tgt, &SECTIONS));
        let together = align_moved_and_swapped(&src, &tgt, &SECTIONS);
        assert_eq!(together, apart, "case {case}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
    /// The search cell by cell, merges costed last and left out once a bound shows they
    /// lose, fills the table (every cell's cost to the bit and the bead into it) as the
    /// search that pushes every bead's full cost forward from each cell, for blocks and
    /// for sections, under a few ratios. Units of few lengths and few keys make ties.
    #[test]
    fn the_search_with_bounds_fills_the_table_of_the_full_search(
        units in proptest::collection::vec(
            (
                0usize..4,
                proptest::collection::vec(0u8..6, 0..3),
                proptest::collection::vec(0u8..6, 0..4),
                0u8..8,
            ),
            0..16,
        ),
        split in 0usize..16,
        ratio in proptest::sample::select(vec![1.0, 0.8, 1.3]),
    ) {
        let items: Vec<Item> = units
            .iter()
            .map(|(len, keys, stems, kind)| Item {
                len: [20.0, 60.0, 80.0, 140.0][*len],
                anchors: keys.iter().map(|k| (format!("Number:{k}").into(), [0.5, 2.0, 6.0][*k as usize % 3])).collect(),
                cognates: if kind % 4 == 1 { vec!["zoom".into()].into() } else { Vec::new().into() },
                stems: stems.iter().map(|s| [b'a', b'b', b'c', b'a' + s]).collect(),
                heading: kind % 5 == 0,
                pins: if kind % 7 == 3 { vec![format!("n:{}", keys.len())].into() } else { Default::default() },
                code: kind % 6 == 2,
                shape: if kind % 3 == 1 { BULLET } else { 3 },
            })
            .collect();
        let at = split.min(items.len());
        let (src, tgt) = items.split_at(at);
        for p in [&BLOCKS, &SECTIONS] {
            let mut ids = side::Ids::default();
            let mut s = Side::new(src, &mut ids);
            let mut t = Side::new(tgt, &mut ids);
            link_pins(&mut s, &mut t);
            let bits = |v: &[f64]| v.iter().map(|c| c.to_bits()).collect::<Vec<u64>>();
            let (_, cost, back) = search::table(&s, &t, p, cost::Ratio(ratio), None);
            let (_, want_cost, want_back) = search::table_pushed(&s, &t, p, cost::Ratio(ratio));
            proptest::prop_assert_eq!(back, want_back);
            proptest::prop_assert_eq!(bits(&cost), bits(&want_cost));
            // Searches under several ratios that share the terms of the beads costed so
            // far (sections): a merge left out by one is costed by the next that needs it.
            if let Some(mut memo) = search::Memo::new(&s, &t, p) {
                for c in [ratio, 1.0, 2.0 * ratio, 0.5] {
                    let (_, cost, back) = search::table(&s, &t, p, cost::Ratio(c), Some(&mut memo));
                    let (_, want_cost, want_back) = search::table_pushed(&s, &t, p, cost::Ratio(c));
                    proptest::prop_assert_eq!(back, want_back);
                    proptest::prop_assert_eq!(bits(&cost), bits(&want_cost));
                }
            }
        }
    }
}

/// `cost::quick_terms` takes the length cost at 0: it never is below. The erf
/// approximation's tail `t·P(t)·exp(-z²)` is at most its value at `z = 0` (just under 1),
/// so the probability `2(1 - phi(|d|))` is at most 1 and its `-ln` at least 0; checked
/// here from no deviation to far beyond the cap, and on the lengths the aligner meets.
#[test]
fn length_cost_is_never_negative() {
    for k in 0..200_000 {
        let d = k as f64 * 1e-4;
        let pr = (2.0 * (1.0 - cost::phi(d))).max(1e-12);
        assert!(pr <= 1.0, "deviation {d}: probability {pr}");
    }
    for l1 in (0..400).map(|x| x as f64 * 2.5) {
        for l2 in (0..400).map(|x| x as f64 * 2.5) {
            for c in [0.3, 0.8, 1.0, 1.17, 2.0, 5.0] {
                let x = cost::length_cost(l1, l2, c);
                assert!(x >= 0.0, "{l1} {l2} {c}: {x}");
            }
        }
    }
}
