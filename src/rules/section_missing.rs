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
            let primary =
                ctx.tgt.block_label(block, format!("the {} section belongs {where_}", ctx.src.lang.name()));
            let related = ctx.src.block_label(
                sec.title_block(),
                format!("{} section with no {} counterpart", ctx.src.lang.name(), ctx.tgt.lang.name()),
            );
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!(
                        "section missing in {}: the {} section “{}” has no counterpart",
                        ctx.tgt.lang.name(),
                        ctx.src.lang.name(),
                        title
                    ),
                    primary,
                )
                .related(related)
                .expected_found(title, ""),
            );
        }
    }
}
