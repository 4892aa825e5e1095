//! Invariants of the whole pipeline as property tests (issue #7), through the library
//! API: random documents from a small Markdown grammar (headings, paragraphs, lists,
//! quotes, code, links, emails, codes, dates and numbers in English, French and Arabic,
//! Arabic text, bidi controls, random Unicode; LF, CRLF or lone CR; with or without a
//! BOM) are written to temporary files and checked.
//!
//! - every span of every diagnostic is a char-boundary range of its file on disk, its
//!   `text` is that slice, and its line and column are right;
//! - section beads cover every section of both sides once, in order, and block beads
//!   cover the blocks of their sections the same way;
//! - a document checked against an identical copy has no mismatch findings;
//! - the order of the paths given does not change the findings;
//! - checking twice gives byte-identical JSON.
//!
//! Runs are deterministic: a fixed seed, and no failure files written into the tree.

use oerlint::check::{self, GroupReport, Options};
use oerlint::diag::{Diagnostic, Label};
use oerlint::discover;
use oerlint::render::{self, Summary};
use oerlint::rules::Selection;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use std::path::{Path, PathBuf};

fn config(seed: u64) -> Config {
    Config { cases: 64, rng_seed: RngSeed::Fixed(seed), failure_persistence: None, ..Config::default() }
}

// ---------------------------------------------------------------- the grammar

const ATOMS: &[&str] = &[
    // words
    "the",
    "Member",
    "States",
    "meeting",
    "report",
    "UNESCO",
    "Hironaka",
    "le",
    "rapport",
    "réunion",
    "États",
    "membres",
    "l'Organisation",
    "«",
    "»",
    "الدول",
    "الأعضاء",
    "تقرير",
    "اجتماع",
    "في",
    "динамики",
    "中文",
    "word.",
    "word,",
    "word?",
    // emails
    "info@unesco.org",
    "A.Smith@Example.org",
    "mailto:x@y.org",
    // reference codes
    "CL/4398",
    "CL / 4328",
    "216 EX/5",
    "A/RES/70/1",
    "ISBN 978-92-3-100000-0",
    "ISSN 1234-5679",
    "doi:10.1000/xyz(1)",
    "CL/٤٣٩٨",
    // dates, times, numbers
    "12 March 2022",
    "Monday 7 November 2022",
    "12 mars 2022",
    "lundi 7 novembre 2022",
    "١٢ مارس ٢٠٢٢",
    "7 نوفمبر 2022",
    "2022-11-01",
    "November 2022",
    "08:00-11:00 CET",
    "14h30",
    "10 a.m. (Paris time)",
    "١٠:٣٠",
    "1,234.5",
    "1 234,5",
    "٣٤٥",
    "45%",
    "2022",
    "31/12/2022",
    // links
    "[the site](https://www.unesco.org/en/articles)",
    "[le site](https://www.unesco.org/fr/articles)",
    "[x](#)",
    "[todo](TODO)",
    "<https://a.org/en/x>",
    "https://a.org/fr/x",
    "www.example.com",
    "[bad](mailto>someone@x.org)",
    "[sp](https://a.org/a b)",
    "[](<>)",
    "[ref]",
    "[ref]: https://ref.org",
    "![img](pic.png)",
    "htp://broken",
    // bidi controls and invisible characters
    "\u{202B}",
    "\u{202C}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2069}",
    "\u{200F}",
    "\u{200E}",
    "\u{200B}",
    "\u{FEFF}",
    // markup fragments
    "**",
    "*",
    "_",
    "`code`",
    "`",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "&amp;",
    "&#x41;",
    "&nbsp;",
    "<br>",
    "<!-- oerlint-disable-next-line code-mismatch -->",
    "<!-- oerlint-disable email-mismatch -->",
    "<!-- oerlint-enable email-mismatch -->",
    "<!--",
    "-->",
    "\r",
    "\t",
    "é",
    "e\u{0301}",
    "👍🏽",
];

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(ATOMS).prop_map(str::to_string),
        1 => any::<char>().prop_filter("no NUL", |c| *c != '\0').prop_map(String::from),
        1 => "[a-zA-Z0-9]{1,8}",
    ]
}

fn inline() -> impl Strategy<Value = String> {
    proptest::collection::vec((atom(), proptest::bool::weighted(0.8)), 1..10).prop_map(|v| {
        let mut s = String::new();
        for (a, space) in v {
            s.push_str(&a);
            if space {
                s.push(' ');
            }
        }
        s.trim_end().to_string()
    })
}

/// One Markdown element, ending with a line feed (converted later).
fn element() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (1usize..4, inline()).prop_map(|(n, t)| format!("{} {t}\n\n", "#".repeat(n))),
        4 => proptest::collection::vec(inline(), 1..3).prop_map(|l| format!("{}\n\n", l.join("\n"))),
        2 => proptest::collection::vec((0usize..3, proptest::bool::ANY, inline()), 1..4).prop_map(|items| {
            let mut s = String::new();
            for (depth, ordered, t) in items {
                s.push_str(&"  ".repeat(depth));
                s.push_str(if ordered { "1. " } else { "- " });
                s.push_str(&t);
                s.push('\n');
            }
            s.push('\n');
            s
        }),
        1 => inline().prop_map(|t| format!("> {t}\n\n")),
        1 => inline().prop_map(|t| format!("```\n{t}\n```\n\n")),
        1 => (inline(), inline()).prop_map(|(a, b)| format!("| {a} | x |\n|---|---|\n| {b} | y |\n\n")),
        1 => inline().prop_map(|t| format!("<div>{t}</div>\n\n")),
        1 => inline().prop_map(|t| format!("**{t}**\n\n")),
        1 => Just("\n".to_string()),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Eol {
    Lf,
    CrLf,
    Cr,
}

fn eol() -> impl Strategy<Value = Eol> {
    prop_oneof![Just(Eol::Lf), Just(Eol::CrLf), Just(Eol::Cr)]
}

/// Elements to file text: front matter, line endings, BOM.
fn render_doc(elements: &[String], eol: Eol, bom: bool, front: bool) -> String {
    let mut s = String::new();
    if bom {
        s.push('\u{feff}');
    }
    if front {
        s.push_str("---\ndate: 2022-11-01\ntitle: x\n---\n\n");
    }
    for e in elements {
        s.push_str(e);
    }
    match eol {
        Eol::Lf => s,
        Eol::CrLf => s.replace('\n', "\r\n"),
        Eol::Cr => s.replace('\n', "\r"),
    }
}

fn elements() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(element(), 1..12)
}

fn doc() -> impl Strategy<Value = String> {
    (elements(), eol(), proptest::bool::weighted(0.2), proptest::bool::weighted(0.1))
        .prop_map(|(e, eol, bom, front)| render_doc(&e, eol, bom, front))
}

/// A translation made from a source: elements dropped, kept, or replaced, in order.
fn derived(src: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    let n = src.len();
    (proptest::collection::vec(0u8..6, n), proptest::collection::vec(element(), n)).prop_map(
        move |(ops, fresh)| {
            let mut out = Vec::new();
            for (i, op) in ops.iter().enumerate() {
                match op {
                    0 => {}
                    1 => out.push(fresh[i].clone()),
                    2 => {
                        out.push(src[i].clone());
                        out.push(fresh[i].clone());
                    }
                    _ => out.push(src[i].clone()),
                }
            }
            out
        },
    )
}

/// A source and two translations derived from it (so that they partly align).
fn trio() -> impl Strategy<Value = (String, String, String)> {
    (elements(), eol(), proptest::bool::weighted(0.2)).prop_flat_map(|(src, eol, bom)| {
        (derived(src.clone()), derived(src.clone())).prop_map(move |(a, b)| {
            (
                render_doc(&src, eol, bom, false),
                render_doc(&a, eol, false, false),
                render_doc(&b, Eol::Lf, bom, false),
            )
        })
    })
}

// ---------------------------------------------------------------- helpers

fn all_rules() -> Options {
    Options {
        rules: Selection { select: Some(vec!["all".into()]), ..Selection::default() },
        ..Options::default()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn run(paths: &[PathBuf], opts: &Options) -> Vec<GroupReport> {
    let (groups, errors) = discover::discover(paths);
    assert!(errors.is_empty(), "{errors:?}");
    groups.iter().map(|g| check::check_group(g, opts)).collect()
}

fn all_diags(reports: &[GroupReport]) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    for r in reports {
        out.extend(r.input_errors.iter().cloned());
        out.extend(r.diagnostics.iter().cloned());
    }
    out
}

/// Line and column as docs/json.md defines them: 1-based; lines end at LF, CRLF or a
/// lone CR; columns count Unicode scalar values.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut line = 1;
    let mut start = 0;
    for i in 0..offset {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    (line, text[start..offset].chars().count() + 1)
}

fn check_label(rule: &str, l: &Label) -> Result<(), TestCaseError> {
    let disk = std::fs::read(&l.file.path).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    let text = String::from_utf8(disk).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert!(l.start <= l.end && l.end <= text.len(), "{rule}: {}..{} of {}", l.start, l.end, text.len());
    prop_assert!(
        text.is_char_boundary(l.start) && text.is_char_boundary(l.end),
        "{rule}: {}..{}",
        l.start,
        l.end
    );
    prop_assert_eq!(&text[l.start..l.end], l.text(), "{}", rule);
    prop_assert_eq!(l.file.line_col(l.start), line_col(&text, l.start), "{}", rule);
    prop_assert_eq!(l.file.line_col(l.end), line_col(&text, l.end), "{}", rule);
    Ok(())
}

fn check_spans(diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    for d in diags {
        if d.rule == "input-error" {
            continue; // located in the readable prefix of a file that is not text
        }
        check_label(d.rule, &d.primary)?;
        for r in &d.related {
            check_label(d.rule, r)?;
        }
    }
    // The JSON carries the same spans.
    let json: serde_json::Value = serde_json::from_str(&render::json(diags, Summary::default())).unwrap();
    for d in json["diagnostics"].as_array().unwrap() {
        if d["rule"] == "input-error" {
            continue;
        }
        let mut spans = vec![&d["primary"]];
        spans.extend(d["related"].as_array().unwrap());
        for s in spans {
            let text = std::fs::read_to_string(s["path"].as_str().unwrap()).unwrap();
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            prop_assert_eq!(&text[a..b], s["text"].as_str().unwrap());
            let (line, col) = line_col(&text, a);
            prop_assert_eq!(
                (line as u64, col as u64),
                (s["line"].as_u64().unwrap(), s["column"].as_u64().unwrap())
            );
        }
    }
    Ok(())
}

fn check_alignment(reports: &[GroupReport]) -> Result<(), TestCaseError> {
    for r in reports {
        let Some(doc) = &r.document else { continue };
        let src = &doc.versions[doc.source];
        for p in &doc.pairings {
            let tgt = &doc.versions[p.tgt];
            let (mut i, mut j) = (0, 0);
            for b in &p.beads {
                prop_assert!(!(b.src.is_empty() && b.tgt.is_empty()), "empty bead {b:?}");
                prop_assert_eq!(b.src.start, i, "section beads out of order: {:?}", p.beads);
                prop_assert_eq!(b.tgt.start, j, "section beads out of order: {:?}", p.beads);
                i = b.src.end;
                j = b.tgt.end;
                // Block beads cover the blocks of the aligned sections, in order.
                let sb = src.section_blocks(&b.src);
                let tb = tgt.section_blocks(&b.tgt);
                if sb.is_empty() || tb.is_empty() {
                    prop_assert!(b.blocks.is_empty());
                    continue;
                }
                let (mut x, mut y) = (sb.start, tb.start);
                for k in &b.blocks {
                    prop_assert!(!(k.src.is_empty() && k.tgt.is_empty()), "empty block bead");
                    prop_assert_eq!(k.src.start, x, "block beads {:?} in {:?}/{:?}", b.blocks, sb, tb);
                    prop_assert_eq!(k.tgt.start, y, "block beads {:?} in {:?}/{:?}", b.blocks, sb, tb);
                    x = k.src.end;
                    y = k.tgt.end;
                }
                prop_assert_eq!((x, y), (sb.end, tb.end), "block beads do not cover {:?}/{:?}", sb, tb);
            }
            prop_assert_eq!((i, j), (src.sections.len(), tgt.sections.len()), "section beads do not cover");
        }
    }
    Ok(())
}

fn fingerprint(d: &Diagnostic) -> String {
    let l = |l: &Label| format!("{}:{}..{}[{}]", l.file.display, l.start, l.end, l.message);
    let related: Vec<String> = d.related.iter().map(l).collect();
    format!("{} {:?} {} | {} | {}", d.rule, d.severity, d.message, l(&d.primary), related.join(", "))
}

// ---------------------------------------------------------------- the properties

proptest! {
    #![proptest_config(config(0x0e71_0001))]

    /// Spans are right, and alignments cover both sides, in language files and in a
    /// multilingual file split by language.
    #[test]
    fn spans_are_file_slices_and_alignment_covers((en, fr, ar) in trio()) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "g/en.md", &en);
        write(d, "g/fr.md", &fr);
        write(d, "g/ar.md", &ar);
        write(d, "g/all.md", &format!("{en}\n\n{fr}\n\n{ar}"));
        write(d, "g/notes.en.txt", &en);
        write(d, "g/notes.fr.txt", &fr);
        let reports = run(&[d.join("g")], &all_rules());
        let diags = all_diags(&reports);
        check_spans(&diags)?;
        check_alignment(&reports)?;
    }
}

proptest! {
    #![proptest_config(config(0x0e71_0002))]

    /// A document against an identical copy of itself: nothing is missing, extra, or
    /// different.
    #[test]
    fn an_identical_copy_has_no_mismatch(text in doc()) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "en.md", &text);
        write(d, "fr.md", &text);
        let reports = run(&[d.to_path_buf()], &all_rules());
        let diags = all_diags(&reports);
        let bad: Vec<String> = diags
            .iter()
            .filter(|x| x.rule.ends_with("-mismatch") || x.rule == "section-missing" || x.rule == "section-extra")
            .map(fingerprint)
            .collect();
        prop_assert!(bad.is_empty(), "{:#?}", bad);
        check_alignment(&reports)?;
        for r in &reports {
            for p in &r.document.as_ref().unwrap().pairings {
                for b in &p.beads {
                    prop_assert_eq!(b.src.clone(), b.tgt.clone(), "an identical copy aligns 1-1");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(0x0e71_0003))]

    /// The order of the paths given does not change the findings, and a second run
    /// gives byte-identical JSON.
    #[test]
    fn order_of_paths_does_not_matter_and_output_is_deterministic(
        (a, b, c) in trio(),
        other in doc(),
        order in Just((0..5).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "one/en.md", &a);
        write(d, "one/fr.md", &b);
        write(d, "two/x.en.md", &b);
        write(d, "two/x.ar.md", &c);
        write(d, "three/en.md", &other);
        write(d, "three/ar.md", &a);
        write(d, "four.md", &format!("{a}\n\n{c}"));
        write(d, "five/en.txt", &c);
        write(d, "five/fr.txt", &other);
        let paths = [d.join("one"), d.join("two"), d.join("three/ar.md"), d.join("four.md"), d.join("five")];
        let given: Vec<PathBuf> = paths.to_vec();
        let shuffled: Vec<PathBuf> = order.iter().map(|&i| paths[i].clone()).collect();
        let opts = all_rules();
        let first = all_diags(&run(&given, &opts));
        let second = all_diags(&run(&shuffled, &opts));
        let mut x: Vec<String> = first.iter().map(fingerprint).collect();
        let mut y: Vec<String> = second.iter().map(fingerprint).collect();
        x.sort();
        y.sort();
        prop_assert_eq!(x, y);
        let again = all_diags(&run(&given, &opts));
        let j1 = render::json(&first, Summary::default());
        let j2 = render::json(&again, Summary::default());
        prop_assert!(j1 == j2, "JSON differs between two runs");
    }
}
