//! Headings written as plain paragraphs (newsletters pasted from a word processor): a
//! bold-only paragraph, or a short line without final punctuation that introduces a
//! longer block.

use super::{Block, BlockKind};

/// Final punctuation that ends a sentence rather than a title.
fn ends_like_sentence(t: &str) -> bool {
    matches!(t.chars().last(), Some('.' | ',' | ';' | ':' | '،' | '؛' | '…'))
}

fn word_count(t: &str) -> usize {
    t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A `Label: value` line such as `Email: x@y` or `Courriel : x@y`.
fn is_label_line(t: &str) -> bool {
    match t.find(':') {
        Some(i) => word_count(&t[..i]) <= 2,
        None => false,
    }
}

/// Finds headings that are written as plain paragraphs: a bold-only paragraph, or a short
/// single line without final punctuation that introduces a longer block.
///
/// A document that marks its headings in Markdown (two or more) gets none of these: its
/// authors said where the headings are.
pub(super) fn mark_layout_headings(blocks: &mut [Block]) {
    let marked = blocks.iter().filter(|b| matches!(b.kind, BlockKind::Heading(l) if l > 0)).count();
    if marked >= 2 {
        return;
    }
    for i in 0..blocks.len() {
        if blocks[i].kind != BlockKind::Paragraph {
            continue;
        }
        if blocks[i].code_only {
            continue;
        }
        if blocks[i].bold_only {
            blocks[i].kind = BlockKind::Heading(0);
            continue;
        }
        let t = blocks[i].text.trim();
        let words = word_count(t);
        // A plain line right after a plain-line heading is its subtitle (a date, a place).
        let prev_heading = i > 0 && blocks[i - 1].kind == BlockKind::Heading(0) && !blocks[i - 1].bold_only;
        let bullet = t.starts_with(['•', '·', '▪', '◦', '–', '—', '-', '*', '●', '○']);
        let next = blocks.get(i + 1);
        let next_len = next.filter(|n| !n.is_heading()).map(|n| n.text.trim().chars().count()).unwrap_or(0);
        let len = t.chars().count();
        let exclaims = matches!(t.chars().last(), Some('!' | '?' | '؟'));
        let ok = !t.contains('\n')
            && (4..=25).contains(&words)
            && blocks[i].links.is_empty()
            && !t.contains('@')
            && !t.contains("://")
            && !ends_like_sentence(t)
            && !is_label_line(t)
            && !prev_heading
            && !bullet
            && next_len > 0
            && if exclaims { next_len > len } else { next_len * 2 >= len };
        if ok {
            blocks[i].kind = BlockKind::Heading(0);
        }
    }
}
