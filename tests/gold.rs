//! Alignment accuracy against the hand-checked gold set in bench/gold/ (a benchmark
//! report, not a pass/fail test: run with `cargo test --release --test gold -- --ignored
//! --nocapture`). Needs the corpus in ../shared/corpus/; the gold files hold line
//! numbers only, never corpus text.
//!
//! A gold file `bench/gold/COLLECTION/DOC.LANG` lists the block beads of the English
//! source against one translation, one per line: the first lines of the source blocks,
//! `>`, the first lines of the translation blocks (`-` for none). Beads are compared as
//! links (every source block with every translation block of a bead; a block left alone
//! is a link to nothing): precision is the share of the aligner's links in the gold,
//! recall the share of the gold's links the aligner finds. Blocks that start on a line
//! the gold does not know (Markdown reading changed) are left out of both.
//!
//! `GOLD_DUMP=COLLECTION/DOC` prints the aligner's beads in that format, with a preview
//! of each block, as a starting point to check by hand (the previews must not be kept).

mod common;
use common::*;
use oerlint::check::{self, Document, Options};
use oerlint::discover;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let p = repo().join("../shared/corpus");
    p.is_dir().then_some(p)
}

pub fn document(dir: &Path) -> Option<Document> {
    let (groups, _) = discover::discover(&[dir.to_path_buf()]);
    let g = groups.into_iter().next()?;
    check::check_group(&g, &Options::default()).document
}

type Beads = Vec<(Vec<usize>, Vec<usize>)>;

/// The aligner's block beads of each translation, by first lines (1-based). Blocks of
/// unaligned sections are alone.
pub fn beads(doc: &Document) -> Vec<(String, Beads)> {
    let src = &doc.versions[doc.source];
    let line = |v: &check::Version, b: usize| v.file.line_col(v.blocks[b].span.start).0;
    doc.pairings
        .iter()
        .map(|p| {
            let tgt = &doc.versions[p.tgt];
            let mut out: Beads = Vec::new();
            for sb in &p.beads {
                if sb.blocks.is_empty() {
                    for b in src.section_blocks(&sb.src) {
                        out.push((vec![line(src, b)], vec![]));
                    }
                    for b in tgt.section_blocks(&sb.tgt) {
                        out.push((vec![], vec![line(tgt, b)]));
                    }
                }
                for b in &sb.blocks {
                    out.push((
                        b.src.clone().map(|i| line(src, i)).collect(),
                        b.tgt.clone().map(|i| line(tgt, i)).collect(),
                    ));
                }
            }
            (tgt.lang.tag().to_string(), out)
        })
        .collect()
}

fn parse_gold(text: &str) -> Beads {
    let nums = |s: &str| -> Vec<usize> {
        s.split_whitespace().filter(|x| *x != "-").map(|x| x.parse().unwrap()).collect()
    };
    text.lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (a, b) = l.split_once('>').unwrap_or_else(|| panic!("bad gold line {l}"));
            (nums(a), nums(b))
        })
        .collect()
}

fn links(beads: &Beads) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for (s, t) in beads {
        match (s.is_empty(), t.is_empty()) {
            (false, false) => {
                for a in s {
                    for b in t {
                        out.insert((*a, *b));
                    }
                }
            }
            (false, true) => out.extend(s.iter().map(|a| (*a, 0))),
            (true, false) => out.extend(t.iter().map(|b| (0, *b))),
            _ => {}
        }
    }
    out
}

fn dump(corpus: &Path, which: &str) {
    let doc = document(&corpus.join(which)).expect("a document");
    let src = &doc.versions[doc.source];
    for (lang, bs) in beads(&doc) {
        let tgt = doc.versions.iter().find(|v| v.lang.tag() == lang).unwrap();
        println!("## {which}.{lang}");
        let pv = |v: &check::Version, l: usize| {
            v.blocks
                .iter()
                .find(|b| v.file.line_col(b.span.start).0 == l)
                .map(|b| b.preview(40))
                .unwrap_or_default()
        };
        for (s, t) in bs {
            let show = |x: &[usize]| {
                if x.is_empty() {
                    "-".to_string()
                } else {
                    x.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" ")
                }
            };
            let sp: Vec<String> = s.iter().map(|l| pv(src, *l)).collect();
            let tp: Vec<String> = t.iter().map(|l| pv(tgt, *l)).collect();
            println!("{} > {}    # {} | {}", show(&s), show(&t), sp.join(" + "), tp.join(" + "));
        }
    }
}

#[test]
#[ignore]
fn gold_alignment_precision_and_recall() {
    let Some(corpus) = corpus() else { return };
    if let Ok(list) = std::env::var("GOLD_DUMP") {
        for which in list.split(',') {
            dump(&corpus, which);
        }
        return;
    }

    let gold_dir = repo().join("bench/gold");
    let mut per_collection: HashMap<String, (usize, usize, usize, usize)> = HashMap::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for c in std::fs::read_dir(&gold_dir).unwrap().flatten().filter(|e| e.path().is_dir()) {
        for f in std::fs::read_dir(c.path()).unwrap().flatten() {
            files.push(f.path());
        }
    }
    files.sort();
    let mut docs = BTreeSet::new();
    for f in &files {
        let collection = f.parent().unwrap().file_name().unwrap().to_string_lossy().to_string();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let Some((doc_name, lang)) = name.rsplit_once('.') else { continue };
        docs.insert(format!("{collection}/{doc_name}"));
        let gold = parse_gold(&std::fs::read_to_string(f).unwrap());
        let doc = document(&corpus.join(&collection).join(doc_name)).expect("a document");
        let Some((_, sys)) = beads(&doc).into_iter().find(|(l, _)| l == lang) else { continue };
        let g = links(&gold);
        let known_s: BTreeSet<usize> = g.iter().map(|x| x.0).collect();
        let known_t: BTreeSet<usize> = g.iter().map(|x| x.1).collect();
        let s: BTreeSet<(usize, usize)> =
            links(&sys).into_iter().filter(|(a, b)| known_s.contains(a) && known_t.contains(b)).collect();
        let hit = s.intersection(&g).count();
        if hit < g.len() || hit < s.len() {
            println!("{collection}/{doc_name}.{lang}: {} of {} links right, {} gold", hit, s.len(), g.len());
            for x in s.difference(&g) {
                println!("    wrong {x:?}");
            }
        }
        let e = per_collection.entry(collection).or_default();
        e.0 += hit;
        e.1 += s.len();
        e.2 += g.len();
        e.3 += 1;
    }
    let mut total = (0, 0, 0, 0);
    let mut names: Vec<_> = per_collection.keys().cloned().collect();
    names.sort();
    println!("\n| collection | pairs | links (gold) | precision | recall |\n|---|---|---|---|---|");
    for n in names {
        let (h, s, g, k) = per_collection[&n];
        println!("| {n} | {k} | {g} | {:.3} | {:.3} |", h as f64 / s as f64, h as f64 / g as f64);
        total = (total.0 + h, total.1 + s, total.2 + g, total.3 + k);
    }
    println!(
        "| all ({} documents) | {} | {} | {:.3} | {:.3} |",
        docs.len(),
        total.3,
        total.2,
        total.0 as f64 / total.1 as f64,
        total.0 as f64 / total.2 as f64
    );
}
