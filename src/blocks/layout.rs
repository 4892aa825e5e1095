//! Headings written as plain paragraphs (newsletters pasted from a word processor): a
//! bold-only paragraph, or a short line without final punctuation that introduces a
//! longer block.

use super::{Block, BlockKind};

/// Final punctuation that ends a sentence rather than a title.
fn ends_like_sentence(t: &str) -> bool {
    matches!(t.chars().last(), Some('.' | ',' | ';' | ':' | '،' | '؛' | '…'))
}

/// The number of words with a letter or digit in `t`, counted up to `most` (a long
/// paragraph is not counted to its end to learn that it has more than `most`).
fn word_count(t: &str, most: usize) -> usize {
    // `split_white` and `is_alnum` are `split_whitespace` and `char::is_alphanumeric`
    // (each tested so) without decoding ASCII or asking the Unicode tables for the
    // common scripts.
    crate::rules::per_block::split_white(t)
        .filter(|w| w.chars().any(crate::script::is_alnum))
        .take(most)
        .count()
}

/// A `Label: value` line such as `Email: x@y` or `Courriel : x@y`.
fn is_label_line(t: &str) -> bool {
    match t.find(':') {
        Some(i) => word_count(&t[..i], 3) <= 2,
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
        // A plain line right after a plain-line heading is its subtitle (a date, a place).
        let prev_heading = i > 0 && blocks[i - 1].kind == BlockKind::Heading(0) && !blocks[i - 1].bold_only;
        let bullet = t.starts_with(['•', '·', '▪', '◦', '–', '—', '-', '*', '●', '○']);
        let next = blocks.get(i + 1);
        let next_len =
            || next.filter(|n| !n.is_heading()).map(|n| n.text.trim().chars().count()).unwrap_or(0);
        let exclaims = matches!(t.chars().last(), Some('!' | '?' | '؟'));
        // The cheap tests first: most paragraphs are sentences and fail them, and are not
        // counted in words and characters (the tests are independent: only their cost
        // depends on the order).
        let ok = !t.contains('\n')
            && blocks[i].links.is_empty()
            && !t.contains('@')
            && !t.contains("://")
            && !ends_like_sentence(t)
            && !prev_heading
            && !bullet
            && (4..=25).contains(&word_count(t, 26))
            && !is_label_line(t)
            && {
                let (next_len, len) = (next_len(), t.chars().count());
                next_len > 0 && if exclaims { next_len > len } else { next_len * 2 >= len }
            };
        if ok {
            blocks[i].kind = BlockKind::Heading(0);
        }
    }
}
