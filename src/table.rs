//! The alignment table of `oerlint align`: for each document, what each source section
//! maps to in each translation (and with `--blocks`, the block pairs). Text from the
//! documents is shown through [`visible`], after it is cut, so that control characters
//! are shown and never reach the terminal, and a cut never splits an escape.

use crate::check::{Document, Version};
use crate::render::visible;
use std::fmt::Write as _;

/// A cell `width` terminal columns wide (display width, unicode-width: wide CJK
/// characters count two, combining marks none): the text cut (with `…`) or padded.
fn cell(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let n = s.width();
    if n >= width {
        let mut cut = String::new();
        let mut w = 0;
        for c in s.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width.saturating_sub(2) {
                break;
            }
            w += cw;
            cut.push(c);
        }
        // Never half an escape: `<U+001B>` is shown whole or not at all.
        if let Some(open) = cut.rfind("<U+") {
            if !cut[open..].contains('>') {
                cut.truncate(open);
            }
        }
        let pad = width.saturating_sub(2 + cut.width());
        format!("{cut}…{} ", " ".repeat(pad))
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// The width of a column: the terminal's width shared by the columns (at least 16), or
/// 34 when the output is not a terminal (so piped output does not depend on a window).
pub fn column_width(columns: usize) -> usize {
    match terminal_size::terminal_size_of(std::io::stdout()) {
        Some((terminal_size::Width(w), _)) => ((w as usize).saturating_sub(5) / columns.max(1)).clamp(16, 60),
        None => 34,
    }
}

/// A bead's confidence and what tied it, for `align --blocks` (ties made visible).
fn bead_why(confidence: f64, ties: &[compact_str::CompactString]) -> String {
    let mut out = format!("{confidence:.2}");
    if !ties.is_empty() {
        let shown: Vec<String> =
            ties.iter().take(3).map(|t| visible(&t.chars().take(40).collect::<String>())).collect();
        out.push_str(&format!(" {}", shown.join(", ")));
        if ties.len() > 3 {
            out.push_str(&format!(" (+{})", ties.len() - 3));
        }
    }
    out
}

/// A block's first characters as the table shows them: cut first, then made visible.
fn preview(v: &Version, block: usize, max: usize) -> String {
    visible(&v.blocks[block].preview(max))
}

/// The alignment table of one document.
pub fn alignment(doc: &Document, blocks: bool) -> String {
    alignment_with_width(doc, blocks, column_width(1 + doc.pairings.len()))
}

/// The alignment table with columns `width` terminal columns wide.
pub fn alignment_with_width(doc: &Document, blocks: bool, width: usize) -> String {
    let mut out = String::new();
    let src = &doc.versions[doc.source];
    let _ = writeln!(
        out,
        "{} ({} source; {})",
        visible(&doc.name),
        src.lang,
        doc.pairings.iter().map(|p| doc.versions[p.tgt].lang.tag()).collect::<Vec<_>>().join(", ")
    );
    let mut header = format!("{:>3}  {}", "#", cell(&format!("{} section", src.lang), width));
    for p in &doc.pairings {
        header.push_str(&cell(&doc.versions[p.tgt].lang.to_string(), width));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    // For each translation, what each source section maps to.
    let title = |v: &Version, s: usize| preview(v, v.sections[s].title_block(), width - 4);
    let mut rows: Vec<Vec<String>> = src
        .sections
        .iter()
        .enumerate()
        .map(|(i, _)| vec![format!("{:>3}  {}", i + 1, cell(&title(src, i), width))])
        .collect();
    let mut extras: Vec<String> = Vec::new();
    for p in &doc.pairings {
        let tgt = &doc.versions[p.tgt];
        for b in &p.beads {
            if b.src.is_empty() {
                for t in b.tgt.clone() {
                    // Rows are numbered from 1: a bead at source index k follows row k.
                    let place = match (b.moved, b.src.start) {
                        (Some(s), _) => format!("moved: source section {}", s + 1),
                        (None, 0) => "before source section 1".to_string(),
                        (None, k) => format!("after source section {k}"),
                    };
                    extras.push(format!("     extra in {}: {} ({place})", tgt.lang, title(tgt, t)));
                }
                continue;
            }
            for (k, s) in b.src.clone().enumerate() {
                let text = if let (true, Some(t)) = (b.tgt.is_empty(), b.moved) {
                    format!("→ moved: {}", title(tgt, t))
                } else if b.tgt.is_empty() {
                    "—".to_string()
                } else if k > 0 {
                    format!("↑ merged with row {}", b.src.start + 1)
                } else {
                    let mut t = title(tgt, b.tgt.start);
                    if b.tgt.len() > 1 {
                        t = format!("{t} (+{} split)", b.tgt.len() - 1);
                    }
                    t
                };
                rows[s].push(cell(&text, width));
            }
        }
    }
    for r in rows {
        let _ = writeln!(out, "{}", r.concat().trim_end());
    }
    for e in extras {
        let _ = writeln!(out, "{e}");
    }
    if blocks {
        for p in &doc.pairings {
            let tgt = &doc.versions[p.tgt];
            let _ = writeln!(
                out,
                "\n  blocks, {} ↔ {} (confidence, and the anchors that tie each pair):",
                src.lang, tgt.lang
            );
            for b in &p.beads {
                if !b.src.is_empty() && !b.tgt.is_empty() {
                    let _ = writeln!(
                        out,
                        "  § {} ⇔ {}{}",
                        cell(&title(src, b.src.start), 48),
                        cell(&title(tgt, b.tgt.start), 36),
                        bead_why(b.confidence, &b.ties)
                    );
                }
                for bb in &b.blocks {
                    let s = bb.src.clone().map(|i| preview(src, i, 30)).collect::<Vec<_>>().join(" + ");
                    let t = bb.tgt.clone().map(|i| preview(tgt, i, 30)).collect::<Vec<_>>().join(" + ");
                    let _ = writeln!(
                        out,
                        "    {} ⇔ {}{}",
                        cell(if s.is_empty() { "—" } else { &s }, 50),
                        cell(if t.is_empty() { "—" } else { &t }, 36),
                        bead_why(bb.confidence, &bb.ties)
                    );
                }
            }
        }
    }
    out.push('\n');
    out
}
