//! Grouping a language version's blocks into sections: a heading and the blocks under it.
//! Blocks before the first heading form a headless section.

use crate::blocks::Block;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Indexes into the version's blocks; the first is the heading when `headed`.
    pub blocks: Range<usize>,
    pub headed: bool,
}

impl Section {
    /// The block that names the section (its heading, or its first block).
    pub fn title_block(&self) -> usize {
        self.blocks.start
    }
}

pub fn group(blocks: &[Block]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.is_heading() || out.is_empty() {
            out.push(Section { blocks: i..i + 1, headed: b.is_heading() });
        } else if let Some(last) = out.last_mut() {
            last.blocks.end = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{parse, Format};

    #[test]
    fn groups_under_headings() {
        let s = "Intro text.\n\n# One\n\nA.\n\nB.\n\n## Two\n\n- x\n";
        let b = parse(s, 0..s.len(), Format::Markdown);
        let g = group(&b);
        assert_eq!(
            g,
            vec![
                Section { blocks: 0..1, headed: false },
                Section { blocks: 1..4, headed: true },
                Section { blocks: 4..6, headed: true },
            ]
        );
        assert!(group(&[]).is_empty());
    }
}
