//! The comparison shared by `placeholder-mismatch` and `inline-code-mismatch`: the
//! placeholders or code spans of each aligned block pair, matched by their compared form.

use super::Ctx;
use crate::diag::Label;
use crate::placeholders::Item;

/// One item of a block, with where it stands.
pub struct Found<'a> {
    pub item: &'a Item,
    pub block: usize,
    pub text: &'a str,
}

impl Found<'_> {
    pub fn label(&self, v: &crate::check::Version, message: String) -> Label {
        Label::new(&v.file, v.lang, v.blocks[self.block].file_range(self.item.range.clone()), message)
    }
}

pub enum Diff<'a> {
    Missing { src: Found<'a>, at: usize },
    Changed(Found<'a>, Found<'a>),
    Extra { tgt: Found<'a>, near: usize },
}

fn items<'a>(
    v: &'a crate::check::Version,
    data: &'a super::per_block::PerBlock,
    blocks: std::ops::Range<usize>,
    code: bool,
) -> Vec<Found<'a>> {
    let mut out = Vec::new();
    for b in blocks {
        let block = &v.blocks[b];
        for item in data.items(b, block) {
            if item.code == code {
                let text = &block.text[item.range.clone()];
                out.push(Found { item, block: b, text });
            }
        }
    }
    out
}

/// Whether a code span is compared: a command line (the whole block, or with a space or
/// an option), not a single term formatted as code in prose (`stdout`, `image`), which
/// translators may translate.
fn compared(f: &Found, v: &crate::check::Version) -> bool {
    !f.item.code
        || v.blocks[f.block].code_only
        || f.text.trim().contains(char::is_whitespace)
        || f.text.trim().chars().any(|c| !c.is_alphanumeric() && c != '_')
}

/// The items (code spans when `code`, else placeholders) that differ between aligned
/// blocks. Items match by key in the same block bead first, then anywhere in the aligned
/// section (the block aligner may have cut the blocks otherwise); unmatched items in one
/// bead are one item changed, in order.
pub fn compare<'a>(ctx: &Ctx<'a>, code: bool) -> Vec<Diff<'a>> {
    let mut out = Vec::new();
    for sb in ctx.beads {
        if sb.src.is_empty() || sb.tgt.is_empty() {
            continue;
        }
        let mut s: Vec<(usize, Found<'a>)> = Vec::new();
        let mut t: Vec<(usize, Found<'a>)> = Vec::new();
        for (k, bead) in sb.blocks.iter().enumerate() {
            s.extend(items(ctx.src, ctx.src_data, bead.src.clone(), code).into_iter().map(|f| (k, f)));
            t.extend(items(ctx.tgt, ctx.tgt_data, bead.tgt.clone(), code).into_iter().map(|f| (k, f)));
        }
        s.retain(|(_, f)| compared(f, ctx.src));
        t.retain(|(_, f)| compared(f, ctx.tgt));
        if s.is_empty() && t.is_empty() {
            continue;
        }
        let mut s_used = vec![false; s.len()];
        let mut t_used = vec![false; t.len()];
        for same_bead in [true, false] {
            for i in 0..s.len() {
                if s_used[i] {
                    continue;
                }
                let hit = (0..t.len()).find(|&j| {
                    !t_used[j] && t[j].1.item.key == s[i].1.item.key && (!same_bead || t[j].0 == s[i].0)
                });
                if let Some(j) = hit {
                    s_used[i] = true;
                    t_used[j] = true;
                }
            }
        }
        // Written on the other side without the code markup: there, not missing.
        for (i, (k, f)) in s.iter().enumerate() {
            let bead = &sb.blocks[*k];
            if !s_used[i] && f.item.code && bead.tgt.clone().any(|b| ctx.tgt.blocks[b].text.contains(f.text))
            {
                s_used[i] = true;
            }
        }
        let mut s: Vec<Option<(usize, Found<'a>)>> = s.into_iter().map(Some).collect();
        let mut t: Vec<Option<(usize, Found<'a>)>> = t.into_iter().map(Some).collect();
        for i in 0..s.len() {
            if s_used[i] {
                continue;
            }
            let (k, src) = s[i].take().expect("lost item");
            let bead = &sb.blocks[k];
            match (0..t.len()).find(|&j| !t_used[j] && t[j].as_ref().is_some_and(|x| x.0 == k)) {
                Some(j) => {
                    t_used[j] = true;
                    out.push(Diff::Changed(src, t[j].take().expect("added item").1));
                }
                None => {
                    let at = if bead.tgt.is_empty() {
                        sb.blocks[..k]
                            .iter()
                            .rev()
                            .find(|b| !b.tgt.is_empty())
                            .map_or(ctx.tgt.section_blocks(&sb.tgt).start, |b| b.tgt.end - 1)
                    } else {
                        bead.tgt.start
                    };
                    out.push(Diff::Missing { src, at })
                }
            }
        }
        for j in 0..t.len() {
            if let (false, Some((k, tgt))) = (t_used[j], t[j].take()) {
                let bead = &sb.blocks[k];
                let near =
                    if bead.src.is_empty() { ctx.src.section_blocks(&sb.src).start } else { bead.src.start };
                out.push(Diff::Extra { tgt, near });
            }
        }
    }
    out
}
