//! # section-missing (error)
//!
//! A section of the source has no counterpart in a translation.
//!
//! oerlint aligns the sections of each translation with the source by their shared
//! anchors (emails, codes, links, numbers), their lengths and their positions. A source
//! section that aligns with nothing is missing from the translation: readers of that
//! language never learn of the event, the call or the contact it announces.
//!
//! The finding points where the section belongs in the translation (the section that
//! follows it there) and at the source section's heading. `oerlint align PATH` prints
//! the whole alignment, to see why.
//!
//! When a neighbouring section is as likely to be the missing one (two subsections alike
//! in length, with no anchors or shared words: the blocks of either align with the
//! translation's section as cheaply, within one unit of cost), the finding names both,
//! with a related span on each, instead of guessing.
//!
//! Example: the English issue has a section "Share information on your organisation's
//! activities" between "Learn more" and "News"; the Arabic issue goes straight from the
//! section before to "News". oerlint reports the English section as missing from the
//! Arabic, pointing at the Arabic "News" heading.

use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "section-missing",
    severity: Severity::Error,
    summary: "a source section has no counterpart in a translation",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, bead) in ctx.beads.iter().enumerate() {
        if !bead.tgt.is_empty() || bead.moved.is_some() {
            continue;
        }
        for s in bead.src.clone() {
            let sec = &ctx.src.sections[s];
            let title = ctx.src.blocks[sec.title_block()].preview(60);
            // Where it belongs: the next translated section, else the previous one.
            let next = ctx.beads[i + 1..].iter().find(|b| !b.tgt.is_empty()).map(|b| (b.tgt.start, true));
            let prev =
                ctx.beads[..i].iter().rev().find(|b| !b.tgt.is_empty()).map(|b| (b.tgt.end - 1, false));
            let Some((t, before)) = next.or(prev) else {
                continue;
            };
            let tsec = &ctx.tgt.sections[t];
            let (block, where_) = if before {
                (tsec.title_block(), "before this section")
            } else {
                (tsec.blocks.end - 1, "after this")
            };
            // A neighbour that could as well be the missing one: named too, not hidden; the
            // primary span is then the section that translates one of the two.
            let or = bead.or.filter(|_| bead.src.len() == 1).and_then(|o| {
                let b = ctx.src.sections[o].title_block();
                let pair = ctx.beads.iter().find(|x| x.src == (o..o + 1) && x.tgt.len() == 1)?;
                Some((ctx.src.blocks[b].preview(60), b, ctx.tgt.sections[pair.tgt.start].title_block()))
            });
            let primary = match &or {
                None => ctx
                    .tgt
                    .block_label(block, format!("the {} section belongs {where_}", ctx.src.lang.name())),
                Some((_, _, t)) => ctx.tgt.block_label(
                    *t,
                    format!("this section translates one of the two {} sections", ctx.src.lang.name()),
                ),
            };
            let related = ctx.src.block_label(
                sec.title_block(),
                match or {
                    None => {
                        format!("{} section with no {} counterpart", ctx.src.lang.name(), ctx.tgt.lang.name())
                    }
                    Some(_) => format!(
                        "this {} section, or the other of the two, has no {} counterpart",
                        ctx.src.lang.name(),
                        ctx.tgt.lang.name()
                    ),
                },
            );
            let message = match &or {
                None => format!(
                    "section missing in {}: the {} section “{}” has no counterpart",
                    ctx.tgt.lang.name(),
                    ctx.src.lang.name(),
                    title
                ),
                Some((other, _, _)) => format!(
                    "section missing in {}: the {} section “{}”, or “{}” next to it, has no \
                     counterpart (the {} section paired with one fits either as well)",
                    ctx.tgt.lang.name(),
                    ctx.src.lang.name(),
                    title,
                    other,
                    ctx.tgt.lang.name()
                ),
            };
            let mut d = Diagnostic::new(RULE.id, RULE.severity, message, primary)
                .related(related)
                .expected_found(title, "");
            if let Some((_, b, _)) = or {
                d = d
                    .related(ctx.src.block_label(b, format!("or this {} section", ctx.src.lang.name())))
                    .note(
                        "the two sections are alike in length and share no anchor, name or word with \
                         the translation: which one it lacks, only their meaning tells (`oerlint align` \
                         shows the pairing)",
                    );
            }
            out.push(d);
        }
    }
}
