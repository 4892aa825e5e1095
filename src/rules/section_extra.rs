//! # section-extra (warning)
//!
//! A section of a translation has no counterpart in the source.
//!
//! Translations sometimes keep a section that the source has since dropped (an event
//! that was cancelled, a call that closed), or add one of their own. Either way readers of
//! the languages see different documents. It is a warning, not an error, because a
//! translation may rightly add a note for its readers. A section the translation adds to
//! credit its translators (a heading with a word of `translator_credits` in the locale
//! tables: `Traducteurs`, `المترجمون`) is not reported.
//!
//! Example: the French issue still announces a webinar in a section that the English
//! issue no longer has. oerlint reports the French section, with the English section
//! next to which it stands.

use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "section-extra",
    severity: Severity::Warning,
    summary: "a translation section has no counterpart in the source",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, bead) in ctx.beads.iter().enumerate() {
        if !bead.src.is_empty() || bead.moved.is_some() {
            continue;
        }
        let credits = ctx.doc.settings.locale(ctx.tgt.lang.tag()).map(|l| &l.data().translator_credits);
        for t in bead.tgt.clone() {
            let sec = &ctx.tgt.sections[t];
            let heading = ctx.tgt.blocks[sec.title_block()].text.to_lowercase();
            if credits.is_some_and(|c| c.iter().any(|w| heading.contains(&w.to_lowercase()))) {
                continue;
            }
            let title = ctx.tgt.blocks[sec.title_block()].preview(60);
            let primary =
                ctx.tgt.block_label(sec.title_block(), format!("no {} counterpart", ctx.src.lang.name()));
            let mut d = Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "extra section in {}: “{}” has no counterpart in the {} source",
                    ctx.tgt.lang.name(),
                    title,
                    ctx.src.lang.name()
                ),
                primary,
            )
            .expected_found("", title.clone());
            if let Some(o) = bead.or.filter(|_| bead.tgt.len() == 1) {
                let b = ctx.tgt.sections[o].title_block();
                d.message = format!(
                    "extra section in {}: “{}”, or “{}” next to it, has no counterpart in the {} source \
                     (the {} section paired with one fits either as well)",
                    ctx.tgt.lang.name(),
                    title,
                    ctx.tgt.blocks[b].preview(60),
                    ctx.src.lang.name(),
                    ctx.src.lang.name()
                );
                d.primary.message = format!(
                    "this section, or the other of the two, has no {} counterpart",
                    ctx.src.lang.name()
                );
                d = d.related(ctx.tgt.block_label(b, "or this section".to_string())).note(
                    "the two sections are alike in length and share no anchor, name or word with \
                         the source: which one is extra, only their meaning tells (`oerlint align` \
                         shows the pairing)",
                );
            }
            let prev = ctx.beads[..i].iter().rev().find(|b| !b.src.is_empty());
            if let Some(p) = prev {
                let s = &ctx.src.sections[p.src.end - 1];
                d =
                    d.related(ctx.src.block_label(
                        s.title_block(),
                        format!("the {} section before it", ctx.src.lang.name()),
                    ));
            }
            out.push(d);
        }
    }
}
