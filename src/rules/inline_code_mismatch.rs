//! # inline-code-mismatch (warning)
//!
//! An inline code span of the source (a command, an option, a file name, a value) is
//! missing from the aligned part of the translation, or altered there.
//!
//! Commands and identifiers in inline code are not translated: `pacman -Ss` must stay
//! `pacman -Ss`. Translations drop them while rewording, or keep an older version of the
//! command after the source changed. Code spans are compared per aligned block, after
//! collapsing white space; `{{…}}` slots (tldr-style placeholders such as
//! `{{path/to/file}}`) may be translated, so only their place counts (set
//! `[placeholders] translatable_slots = false` to compare their text too). A code span
//! the translation writes as plain text (an address without its backticks) is there; one
//! the translation adds is not reported: translators may format a word as code.
//!
//! Example: English ``Search for a package with `pacman -Ss {{query}}`.``; French
//! ``Recherchez un paquet avec `pacman -S {{requête}}`.``: `expected pacman -Ss {{query}},
//! found pacman -S {{requête}}`. ``tar cf {{chemin/vers/cible.tar}}`` against
//! ``tar cf {{path/to/target.tar}}`` is silent.

use super::slots::{compare, Diff};
use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "inline-code-mismatch",
    severity: Severity::Warning,
    summary: "an inline code span (command, option) of the source is missing or altered in the translation",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

/// Whether a block writes a code span's text as plain text (at least 8 characters, so a
/// short option or word is not found by chance), ignoring a trailing slash.
fn as_text_in(text: &str, code: &str) -> bool {
    let code = code.trim().trim_end_matches('/');
    code.chars().count() >= 8 && text.contains(code)
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for d in compare(ctx, true) {
        out.push(match d {
            // Written out as plain text (an address without its backticks or trailing
            // slash): the same value, formatted otherwise.
            Diff::Missing { src, at } if as_text_in(&ctx.tgt.blocks[at].text, src.text) => continue,
            Diff::Missing { src, at } => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("inline code missing in {tl}: the {sl} text has `{}`", src.text),
                ctx.tgt.block_label(at, format!("expected `{}` in this part", src.text)),
            )
            .related(src.label(ctx.src, format!("{sl} has `{}`", src.text)))
            .expected_found(src.text, ""),
            Diff::Changed(s, t) => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("inline code differs from the {sl}: expected `{}`, found `{}`", s.text, t.text),
                t.label(ctx.tgt, format!("found `{}`", t.text)),
            )
            .related(s.label(ctx.src, format!("{sl} has `{}`", s.text)))
            .expected_found(s.text, t.text),
            Diff::Extra { .. } => continue,
        });
    }
}
