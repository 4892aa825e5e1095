//! Plain text (`.txt`): paragraphs are separated by blank lines.

use super::{Block, BlockKind, Builder};
use std::ops::Range;

pub(super) fn parse(src: &str, range: Range<usize>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = range.start;
    let body = &src[range.clone()];
    let push = |s: usize, e: usize, out: &mut Vec<Block>| {
        let raw = &src[s..e];
        let trimmed_end = s + raw.trim_end().len();
        if trimmed_end > s {
            let mut b = Builder::new(BlockKind::Paragraph, s..trimmed_end);
            b.plain_outside_code = true;
            b.push(&src[s..trimmed_end], s, trimmed_end - s);
            out.extend(b.finish());
        }
    };
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                push(s, pos, &mut out);
                start = None;
            }
            (false, None) => start = Some(pos + (line.len() - line.trim_start().len())),
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        push(s, range.end, &mut out);
    }
    out
}
