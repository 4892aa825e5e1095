//! # placeholder-mismatch (error)
//!
//! The format placeholders of aligned blocks differ: a placeholder of the source is
//! missing from the translation, altered, or one was added.
//!
//! Software strings and templates carry placeholders that a program fills in: printf's
//! `%s`, `%d`, `%1$s`, Python's `%(name)s`, `{name}` and `{0}`, shell and JavaScript
//! `${VAR}`, dotted variables such as `%country.name`, ICU messages
//! `{count, plural, one {…} other {…}}` (compared by variable and type, since the
//! branches are translated). A translation must keep each one unchanged: a corrupted
//! placeholder (`%country.name` typed `٪ name`) shows raw to readers or crashes the
//! program. Placeholders are compared per aligned block, as Weblate's format checks do.
//! `{{…}}` slots are not placeholders here: translators may translate them (see
//! `inline-code-mismatch`). Placeholders inside inline code and URLs are left to those.
//!
//! Example: English `Welcome to %country.name, %s!`; Arabic `مرحبا بك في ٪ name، %s!`:
//! `placeholder missing in Arabic: %country.name`. `45 % des membres` is not a placeholder.

use super::slots::{compare, Diff};
use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "placeholder-mismatch",
    severity: Severity::Error,
    summary: "format placeholders (%s, {name}, ${VAR}, ICU) of aligned blocks differ",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for d in compare(ctx, false) {
        out.push(match d {
            Diff::Missing { src, at } => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("placeholder missing in {tl}: the {sl} text has `{}`", src.item.key.as_str()),
                ctx.tgt.block_label(at, format!("expected `{}` in this part", src.item.key.as_str())),
            )
            .related(src.label(ctx.src, format!("{sl} has `{}`", src.item.key.as_str())))
            .expected_found(src.item.key.as_str(), ""),
            Diff::Changed(s, t) => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "placeholder differs from the {sl}: expected `{}`, found `{}`",
                    s.item.key.as_str(),
                    t.item.key.as_str()
                ),
                t.label(ctx.tgt, format!("found `{}`", t.item.key.as_str())),
            )
            .related(s.label(ctx.src, format!("{sl} has `{}`", s.item.key.as_str())))
            .expected_found(s.item.key.as_str(), t.item.key.as_str()),
            Diff::Extra { tgt, near } => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("placeholder in {tl} not in the {sl}: `{}`", tgt.item.key.as_str()),
                tgt.label(ctx.tgt, format!("no such placeholder in the {sl} text")),
            )
            .related(ctx.src.block_label(near, format!("the {sl} counterpart")))
            .expected_found("", tgt.item.key.as_str()),
        });
    }
}
