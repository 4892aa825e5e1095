//! # content-extra (note)
//!
//! A block of a translation (a paragraph, a list item, a table row, an example) has no
//! counterpart inside a section that the source does have.
//!
//! The reverse of `content-missing`, with the same evidence: the pairings around the
//! block are confident (0.35, or 0.2 when the block carries an anchor the source lacks
//! entirely), it is not a split that the aligner did not take (a neighbouring source
//! block is as long as its translation plus this block), it is not a block moved from
//! elsewhere in the section, and it has some text.
//!
//! It is a note, not a warning: translators rightly add a line for their readers (a
//! note on a term, a local contact), splits of one long source paragraph into two are
//! commoner than merges and the length model tells fewer of them apart, and an added
//! block takes nothing from the readers of the translation. It is still worth a look:
//! the usual cause is a source that dropped a paragraph or an example since the
//! translation was made. Raise it to a warning in oerlint.toml (`content-extra =
//! "warning"`) to have it count.
//!
//! Off by default: judged finding by finding on real translated documentation
//! (docs/accuracy.md), 9 of 32 findings were true; most false ones were an older or
//! reordered wording of a source block, or a URL written as text where the source has it
//! in code. Turn it on with `--select content-extra` or `content-extra = "note"` in
//! oerlint.toml when a translation may have kept what the source dropped.
//!
//! Example: the French page of a command keeps an example that the English page has
//! since removed; oerlint points at the French example and at the English block it
//! follows.

use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "content-extra",
    severity: Severity::Note,
    summary: "a translation paragraph, bullet or example has no counterpart in the source section",
    pair: Some(check),
    blocks: None,
    default_enabled: false,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (src, tgt) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for super::content_missing::Lone { block, at, before, or } in
        super::content_missing::lone_blocks(ctx, true)
    {
        let preview = ctx.tgt.blocks[block].preview(60);
        let d = match or {
            None => {
                let where_ = if before { "the source block after it" } else { "the source block before it" };
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("extra content in {tgt}: “{preview}” has no counterpart in the {src} source"),
                    ctx.tgt.block_label(block, format!("no {src} counterpart")),
                )
                .related(ctx.src.block_label(at, where_))
            }
            Some((other, pair)) => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "extra content in {tgt}: “{preview}”, or “{}” next to it, has no counterpart in the {src} \
                     source (the {src} block paired with one fits either as well)",
                    ctx.tgt.blocks[other].preview(60)
                ),
                ctx.tgt.block_label(block, format!("this block, or the other of the two, has no {src} counterpart")),
            )
            .related(ctx.tgt.block_label(other, "or this block".to_string()))
            .related(ctx.src.block_label(pair, format!("the {src} block paired with one of the two")))
            .note(
                "the two blocks are alike in length and share no anchor, name or word with the source: which \
                 one it lacks, only their meaning tells (`oerlint align --blocks` shows the pairing)",
            ),
        };
        out.push(d.expected_found("", preview));
    }
}
