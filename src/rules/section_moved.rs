//! # section-moved (warning)
//!
//! A section of the source stands in another place in a translation.
//!
//! oerlint aligns sections in order. A section that the alignment leaves without a
//! counterpart in the translation, while an unaligned section of the translation is
//! plainly the same one (they share a pin — a custom heading id `{#id}`, a heading
//! written the same in both languages, a heading number — or anchors: at least half of
//! their weighted anchors, and about the weight of one strong anchor such as an email,
//! a link or a command on each side — or, between two languages written in Latin
//! letters, a good share of their rarer word stems), has been moved. It is reported once, with both
//! places, instead of as one missing and one extra section. Sections without anchors
//! (or, across scripts, without anchors) cannot be told apart from a real omission by
//! their lengths alone, so they stay `section-missing` and `section-extra`.
//!
//! A moved section is a warning: the readers of the translation have the same content,
//! in another order (which may be intended, but usually means one version was
//! reorganised and the other not).
//!
//! Example: the English page has "Book club" then "Children's corner"; the French page
//! has "Coin des enfants" then "Club de lecture". The alignment keeps the book club in
//! order; the children's corner, whose times and room number match, is reported as
//! moved, pointing at the French section and at the English one.

use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "section-moved",
    severity: Severity::Warning,
    summary: "a source section stands in another place in a translation",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for bead in ctx.beads {
        let (Some(t), false) = (bead.moved, bead.src.is_empty()) else {
            continue;
        };
        let s = bead.src.start;
        let (ssec, tsec) = (&ctx.src.sections[s], &ctx.tgt.sections[t]);
        let title = ctx.src.blocks[ssec.title_block()].preview(60);
        let ttitle = ctx.tgt.blocks[tsec.title_block()].preview(60);
        let primary = ctx.tgt.block_label(
            tsec.title_block(),
            format!("section {} of {} in {}", t + 1, ctx.tgt.sections.len(), ctx.tgt.lang.name()),
        );
        let related = ctx.src.block_label(
            ssec.title_block(),
            format!("section {} of {} in {}", s + 1, ctx.src.sections.len(), ctx.src.lang.name()),
        );
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "section moved in {}: the {} section “{}” stands elsewhere, as “{}”",
                    ctx.tgt.lang.name(),
                    ctx.src.lang.name(),
                    title,
                    ttitle
                ),
                primary,
            )
            .related(related),
        );
    }
}
