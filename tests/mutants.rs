//! Mutation benchmark (issue 15): documents of ../shared/corpus/ and of fixtures/ are
//! damaged at run time, one defect at a time, in a translation (a section or a block
//! dropped, two sections swapped, a heading removed so two sections merge, a heading
//! added so one splits), checked, and compared with the check of the intact document.
//! Nothing is written to the repository: mutants live in a temporary folder.
//!
//! `cargo test --release --test mutants -- --ignored --nocapture` prints how many
//! defects are found and how many findings the mutation added that it should not have,
//! and, on the intact corpus, the `content-missing` findings on command pages whose
//! translation has the same commands as the English (suspected false findings).

mod common;
use common::*;
use oerlint::check::{self, Document, Options};
use oerlint::diag::Diagnostic;
use oerlint::discover;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const RULES: [&str; 5] =
    ["content-missing", "content-extra", "section-missing", "section-extra", "section-moved"];

fn check_dir(dir: &Path) -> (Option<Document>, Vec<Diagnostic>) {
    let (groups, _) = discover::discover(&[dir.to_path_buf()]);
    let Some(g) = groups.into_iter().next() else { return (None, Vec::new()) };
    let r = check::check_group(&g, &Options::default());
    (r.document, r.diagnostics)
}

/// Findings of the alignment rules as (rule, message), to compare two runs.
fn keys(d: &[Diagnostic]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = d
        .iter()
        .filter(|x| RULES.contains(&x.rule))
        .map(|x| (x.rule.to_string(), x.message.clone()))
        .collect();
    v.sort();
    v
}

/// Findings of `after` that `before` does not have.
fn added<'a>(before: &[Diagnostic], after: &'a [Diagnostic]) -> Vec<&'a Diagnostic> {
    let mut pool = keys(before);
    let mut out = Vec::new();
    for d in after.iter().filter(|x| RULES.contains(&x.rule)) {
        let k = (d.rule.to_string(), d.message.clone());
        if let Some(i) = pool.iter().position(|p| *p == k) {
            pool.remove(i);
        } else {
            out.push(d);
        }
    }
    out
}

/// The byte range of whole lines covering `r`, with one blank line after it when a blank
/// line (or the start of the text) comes before it: removing the range then leaves one
/// blank line between what was before and what was after. The last item of a tight list
/// keeps the blank line after it, which ends the list: without it the paragraph after
/// the list would become part of the item before (a lazy continuation line), and the
/// mutant would drop a bullet and merge a paragraph.
fn lines_of(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let start = text[..r.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let mut end = text[r.end..].find('\n').map(|i| r.end + i + 1).unwrap_or(text.len());
    let blank_before = start == 0 || text[..start].ends_with("\n\n") || text[..start].ends_with("\n\r\n");
    if !blank_before {
        return start..end;
    }
    if text[end..].starts_with('\n') {
        end += 1;
    } else if text[end..].starts_with("\r\n") {
        end += 2;
    }
    start..end
}

#[derive(Default, Clone, Copy)]
struct Tally {
    mutants: usize,
    found: usize,
    false_added: usize,
    false_missing: usize,
    /// Found only as the other of two neighbours a finding names (see
    /// `SectionBead::or`): the aligner could not tell which of the two is gone.
    found_as_other: usize,
    /// Found, and named with a neighbour as the other of two.
    named_two: usize,
}

struct Mutant {
    kind: &'static str,
    text: String,
    /// Source byte ranges one of which a finding must point at (none: nothing to find).
    expect: Vec<std::ops::Range<usize>>,
    /// Rules that count as finding it.
    rules: &'static [&'static str],
}

/// A source block's span and its translation's.
type SpanPair = (std::ops::Range<usize>, std::ops::Range<usize>);

/// A translation that does not align with its source when intact: more sections left
/// alone (on either side) than paired. The OWASP `index` is one: its English file is the
/// new landing page, its French and Arabic files the old introduction chapter (two of
/// four English sections paired, by a welcome line and a thanks list, and ten or more
/// sections alone on the other side). Dropping a section of such a translation tests
/// nothing of the aligner: its mutants are counted in a row of their own, not dropped.
fn unaligned(pairing: &check::Pairing) -> bool {
    let paired = pairing.beads.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()).count();
    let alone = pairing.beads.iter().filter(|b| b.src.is_empty() || b.tgt.is_empty()).count();
    alone > paired
}

fn mutants(doc: &Document, p: usize) -> Vec<Mutant> {
    let pairing = &doc.pairings[p];
    let src = &doc.versions[doc.source];
    let tgt = &doc.versions[pairing.tgt];
    let text = &tgt.file.text;
    let mut out = Vec::new();
    let beads = &pairing.beads;
    // Sections paired one to one (not the first: a document's title section).
    let one: Vec<usize> =
        (1..beads.len()).filter(|&i| beads[i].src.len() == 1 && beads[i].tgt.len() == 1).collect();
    let all: Vec<usize> =
        (0..beads.len()).filter(|&i| beads[i].src.len() == 1 && beads[i].tgt.len() == 1).collect();
    let span_of = |v: &check::Version, r: std::ops::Range<usize>| -> std::ops::Range<usize> {
        let b = v.section_blocks(&r);
        // Whole lines: a heading's span starts after its `#` marks.
        let line_start = |at: usize| v.file.text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let end =
            if b.end < v.blocks.len() { line_start(v.blocks[b.end].span.start) } else { v.file.text.len() };
        line_start(v.blocks[b.start].span.start)..end
    };
    let pick = |n: usize, k: usize| -> Vec<usize> {
        if n == 0 {
            return Vec::new();
        }
        let k = k.min(n);
        (0..k).map(|i| (i * n) / k + n / (2 * k)).map(|i| i.min(n - 1)).collect()
    };
    for &i in pick(one.len(), 2).iter().map(|&k| &one[k]) {
        let b = &beads[i];
        let r = span_of(tgt, b.tgt.clone());
        let mut t = text.clone();
        t.replace_range(r, "");
        let s = src.section_blocks(&b.src);
        out.push(Mutant {
            kind: if unaligned(pairing) {
                "drop section (pair unaligned when intact)"
            } else {
                "drop section"
            },
            text: t,
            expect: vec![src.blocks[s.start].span.clone()],
            rules: &["section-missing"],
        });
    }
    // Blocks: a paragraph, a list item, or an example (a description and its command).
    let mut cands: Vec<(&'static str, Vec<SpanPair>)> = Vec::new();
    for &i in &all {
        let bl = &beads[i].blocks;
        let mut k = 0;
        while k < bl.len() {
            let b = &bl[k];
            if b.src.len() == 1 && b.tgt.len() == 1 && !tgt.blocks[b.tgt.start].is_heading() {
                let tb = &tgt.blocks[b.tgt.start];
                let next_code = bl.get(k + 1).filter(|n| {
                    n.src.len() == 1 && n.tgt.len() == 1 && tgt.blocks[n.tgt.start].code_only && !tb.code_only
                });
                if let Some(n) = next_code {
                    cands.push((
                        "drop example",
                        vec![
                            (src.blocks[b.src.start].span.clone(), tb.span.clone()),
                            (src.blocks[n.src.start].span.clone(), tgt.blocks[n.tgt.start].span.clone()),
                        ],
                    ));
                    k += 2;
                    continue;
                }
                let kind = match tb.kind {
                    oerlint::blocks::BlockKind::ListItem => "drop bullet",
                    _ => "drop paragraph",
                };
                if !tb.code_only {
                    cands.push((kind, vec![(src.blocks[b.src.start].span.clone(), tb.span.clone())]));
                }
            }
            k += 1;
        }
    }
    for kind in ["drop example", "drop bullet", "drop paragraph"] {
        let of: Vec<_> = cands.iter().filter(|c| c.0 == kind).collect();
        for k in pick(of.len(), 3) {
            let c = of[k];
            let mut t = text.clone();
            let start = c.1.first().unwrap().1.start;
            let end = c.1.last().unwrap().1.end;
            let r = lines_of(text, start..end);
            t.replace_range(r, "");
            out.push(Mutant {
                kind,
                text: t,
                expect: c.1.iter().map(|x| x.0.clone()).collect(),
                rules: &["content-missing", "section-missing"],
            });
        }
    }
    // Two neighbouring sections swapped.
    if let Some(w) = one.windows(2).find(|w| w[1] == w[0] + 1) {
        let (a, b) = (span_of(tgt, beads[w[0]].tgt.clone()), span_of(tgt, beads[w[1]].tgt.clone()));
        if a.end == b.start {
            let mut t = text[..a.start].to_string();
            let (mut sa, mut sb) = (text[a.clone()].to_string(), text[b.clone()].to_string());
            if !sb.ends_with('\n') {
                sb.push('\n');
            }
            if !sa.ends_with("\n\n") {
                sa.push('\n');
            }
            t.push_str(&sb);
            t.push_str(&sa);
            t.push_str(&text[b.end..]);
            let s = src.section_blocks(&beads[w[1]].src);
            out.push(Mutant {
                kind: "move section",
                text: t,
                expect: vec![
                    src.blocks[s.start].span.clone(),
                    src.blocks[src.section_blocks(&beads[w[0]].src).start].span.clone(),
                ],
                rules: &["section-moved"],
            });
        }
    }
    // A heading removed: the section merges with the one before.
    if let Some(&i) = one.iter().find(|&&i| tgt.sections[beads[i].tgt.start].headed) {
        let h = &tgt.blocks[tgt.sections[beads[i].tgt.start].title_block()];
        let mut t = text.clone();
        t.replace_range(lines_of(text, h.span.clone()), "");
        out.push(Mutant { kind: "merge sections", text: t, expect: Vec::new(), rules: &[] });
    }
    // A heading added before the second paragraph of a section: it splits.
    if let Some((i, b)) = one.iter().find_map(|&i| {
        let bl = tgt.section_blocks(&beads[i].tgt);
        (bl.len() >= 3).then(|| (i, bl.start + 2))
    }) {
        let _ = i;
        let at = lines_of(text, tgt.blocks[b].span.clone()).start;
        let mut t = text.clone();
        t.insert_str(at, "## Xyzzy\n\n");
        out.push(Mutant { kind: "split section", text: t, expect: Vec::new(), rules: &[] });
    }
    out
}

fn docs() -> Vec<PathBuf> {
    let mut v = Vec::new();
    let corpus = repo().join("../shared/corpus");
    for c in ["tldr", "nodejs-site", "owasp-top10-2021", "opensource-guide"] {
        if let Ok(rd) = std::fs::read_dir(corpus.join(c)) {
            let mut d: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
            d.sort();
            v.extend(d);
        }
    }
    for f in ["fixtures/newsletter-ok", "fixtures/markdown-headings", "fixtures/alignment/commands-dropped"] {
        v.push(repo().join(f));
    }
    v
}

#[test]
#[ignore]
fn mutants_are_found() {
    let tmp = std::env::temp_dir().join(format!("oerlint-mutants-{}", std::process::id()));
    let mut tally: HashMap<&'static str, Tally> = HashMap::new();
    let mut added_by_rule: HashMap<String, usize> = HashMap::new();
    let mut missed: Vec<String> = Vec::new();
    let only = std::env::var("MUTANTS_ONLY").ok();
    let docs = docs();
    for dir in &docs {
        if only.as_deref().is_some_and(|o| !dir.to_string_lossy().contains(o)) {
            continue;
        }
        let (Some(doc), clean) = check_dir(dir) else { continue };
        for p in 0..doc.pairings.len() {
            let tgt = &doc.versions[doc.pairings[p].tgt];
            if unaligned(&doc.pairings[p]) {
                println!("unaligned when intact: {} ({})", dir.display(), tgt.lang.tag());
            }
            for (mi, m) in mutants(&doc, p).into_iter().enumerate() {
                let kind_only = std::env::var("MUTANTS_KIND").ok();
                if kind_only.as_deref().is_some_and(|k| k != m.kind) {
                    continue;
                }
                // With MUTANTS_ONLY, each mutant is kept in a folder of its own to look at,
                // named by its document too: two documents matching the filter must not
                // write over each other's mutants.
                let tmp = if only.is_some() {
                    let collection = dir.parent().and_then(|p| p.file_name()).unwrap_or_default();
                    let name = dir.file_name().unwrap_or_default();
                    tmp.join(format!(
                        "{}-{}-{}-{}-{mi}",
                        collection.to_string_lossy(),
                        name.to_string_lossy(),
                        tgt.lang.tag(),
                        m.kind.replace(' ', "-")
                    ))
                } else {
                    tmp.clone()
                };
                let _ = std::fs::remove_dir_all(&tmp);
                std::fs::create_dir_all(&tmp).unwrap();
                for f in &doc.files {
                    let name = f.path.file_name().unwrap();
                    let text = if f.path == tgt.file.path { &m.text } else { &f.text };
                    std::fs::write(tmp.join(name), text).unwrap();
                }
                let (_, after) = check_dir(&tmp);
                let new = added(&clean, &after);
                let at = |l: &oerlint::diag::Label| {
                    l.lang == doc.versions[doc.source].lang
                        && m.expect.iter().any(|r| l.start >= r.start && l.start < r.end.max(r.start + 1))
                };
                let hits = |d: &&Diagnostic| {
                    m.rules.contains(&d.rule) && d.related.iter().chain(std::iter::once(&d.primary)).any(at)
                };
                // Named only as the other of two (the span labelled "or this …").
                let as_other = |d: &&Diagnostic| {
                    d.related
                        .iter()
                        .chain(std::iter::once(&d.primary))
                        .all(|l| !at(l) || l.message.starts_with("or this"))
                };
                let found = !m.expect.is_empty() && new.iter().any(hits);
                let t = tally.entry(m.kind).or_default();
                t.mutants += 1;
                t.found += found as usize;
                let two = |d: &&Diagnostic| d.related.iter().any(|l| l.message.starts_with("or this"));
                t.named_two += (found && new.iter().filter(|d| hits(d)).all(two)) as usize;
                t.found_as_other += (found && new.iter().filter(|d| hits(d)).all(as_other)) as usize;
                for d in new.iter().filter(|d| !hits(d)) {
                    // The dropped block's neighbours, reported with it, are not new defects
                    // of their own only when they are the same example; anything else is.
                    t.false_added += 1;
                    if d.rule == "content-missing" {
                        t.false_missing += 1;
                    }
                    *added_by_rule.entry(format!("{}: {}", m.kind, d.rule)).or_default() += 1;
                }
                if !m.expect.is_empty() && !found {
                    missed.push(format!("{} {} ({})", m.kind, dir.display(), tgt.lang.tag()));
                }
                if only.is_some() {
                    println!("{} {}: found {found}", tmp.display(), m.kind);
                    for d in &new {
                        println!("    added {}: {}", d.rule, d.message);
                    }
                }
            }
        }
    }
    if only.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    println!("\n| mutation | mutants | found | of which named with a neighbour / as the other of two | recall | findings added that are not it | of which content-missing |");
    println!("|---|---|---|---|---|---|---|");
    let mut kinds: Vec<_> = tally.keys().copied().collect();
    kinds.sort();
    for k in kinds {
        let t = tally[k];
        let recall = if t.mutants > 0 && k.starts_with("drop") || k.starts_with("move") {
            format!("{:.1}%", 100.0 * t.found as f64 / t.mutants as f64)
        } else {
            "—".to_string()
        };
        println!(
            "| {k} | {} | {} | {} / {} | {recall} | {} | {} |",
            t.mutants, t.found, t.named_two, t.found_as_other, t.false_added, t.false_missing
        );
    }
    let mut a: Vec<_> = added_by_rule.into_iter().collect();
    a.sort();
    println!("\nadded findings by mutation and rule: {a:?}");
    println!("\nmissed ({}):", missed.len());
    for m in missed.iter() {
        println!("  {m}");
    }
}

/// Command lines of a tldr page, with placeholders blanked.
fn commands(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with('`'))
        .map(|l| {
            let mut s = String::new();
            let mut rest = l;
            while let Some(i) = rest.find("{{") {
                s.push_str(&rest[..i]);
                s.push_str("{}");
                rest = rest[i..].find("}}").map(|j| &rest[i + j + 2..]).unwrap_or("");
            }
            s.push_str(rest);
            s
        })
        .collect();
    v.sort();
    v
}

#[test]
#[ignore]
fn content_missing_on_the_intact_corpus() {
    let mut total = 0;
    let mut docs_n = 0;
    let mut suspect = Vec::new();
    let mut by_collection: HashMap<String, usize> = HashMap::new();
    for dir in docs().iter().filter(|d| d.to_string_lossy().contains("shared/corpus")) {
        let (Some(doc), diags) = check_dir(dir) else { continue };
        docs_n += 1;
        let collection = dir.parent().unwrap().file_name().unwrap().to_string_lossy().to_string();
        let src = &doc.versions[doc.source];
        for d in diags.iter().filter(|d| d.rule == "content-missing") {
            total += 1;
            *by_collection.entry(collection.clone()).or_default() += 1;
            let tgt_text = &d.primary.file.text;
            if collection == "tldr" && commands(&src.file.text) == commands(tgt_text) {
                suspect.push(format!("{}: {}", d.primary.file.path.display(), d.message));
            } else if collection != "tldr" {
                println!(
                    "  check by hand: {}:{}: {}",
                    d.primary.file.path.display(),
                    d.primary.file.line_col(d.primary.start).0,
                    d.message
                );
            }
        }
    }
    println!("\n{total} content-missing findings on {docs_n} corpus documents: {by_collection:?}");
    println!("command pages whose translation has the same commands ({}):", suspect.len());
    for s in suspect {
        println!("  {s}");
    }
}
