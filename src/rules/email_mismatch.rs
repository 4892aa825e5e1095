//! # email-mismatch (error)
//!
//! The email addresses of aligned parts of the source and a translation differ: one is
//! missing, one was added, or one was changed.
//!
//! Contact addresses are copied by hand into every language, and a dropped or mistyped
//! address silently cuts readers of one language off from the contact person. Domains
//! compare without regard to case (`UNESCO.org` is `unesco.org`). A difference only in
//! the case of the local part (`Z.varoglu` and `z.varoglu`) is reported as a warning:
//! most mail servers ignore it, but it is still a copy slip.
//!
//! An address that moved to another paragraph or section of the translation is not
//! missing. Sections missing as a whole are reported once, by `section-missing`.
//!
//! Example: the English section ends with `Email: z.varoglu@unesco.org`; the French
//! section ends with `Contact : Mme Zeynep Varoglu` and no address. oerlint reports the
//! address as missing from the French, pointing at the French paragraph where it belongs.

use super::{compare, counterpart_label, missing_label, similar_values, Ctx, Outcome, Pairing, Rule};
use crate::anchors::Kind;
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "email-mismatch",
    severity: Severity::Error,
    summary: "emails of aligned blocks differ (missing, extra, changed)",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for o in compare(ctx, Kind::Email, Pairing::Similar(similar_values)) {
        let d = match o {
            Outcome::Same(s, t) => {
                let (a, b) = (&s.anchor.shown, &t.anchor.shown);
                let local = |e: &str| e.split('@').next().unwrap_or("").to_string();
                if local(a) == local(b) {
                    continue;
                }
                Diagnostic::new(
                    RULE.id,
                    Severity::Warning,
                    format!("email differs in case from the {sl}: expected `{a}`, found `{b}`"),
                    ctx.tgt.anchor_label(t.anchor, format!("found `{b}`")),
                )
                .related(ctx.src.anchor_label(s.anchor, format!("{sl} has `{a}`")))
                .expected_found(a.as_str(), b.as_str())
            }
            Outcome::Present(..) => continue,
            Outcome::Missing { src, at } => {
                let a = &src.anchor.shown;
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("email missing in {tl}: the {sl} text has `{a}`"),
                    missing_label(ctx, &src, at, &format!("`{a}`")),
                )
                .related(ctx.src.anchor_label(src.anchor, format!("{sl} has `{a}`")))
                .expected_found(a.as_str(), "")
            }
            Outcome::Extra { tgt, near } => {
                let b = &tgt.anchor.shown;
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("email in {tl} not in the {sl}: `{b}`"),
                    ctx.tgt.anchor_label(tgt.anchor, format!("`{b}` is not in the {sl} text")),
                )
                .related(counterpart_label(ctx, &tgt, near))
                .expected_found("", b.as_str())
            }
            Outcome::Changed(s, t) => {
                let (a, b) = (&s.anchor.shown, &t.anchor.shown);
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("email differs from the {sl}: expected `{a}`, found `{b}`"),
                    ctx.tgt.anchor_label(t.anchor, format!("found `{b}`")),
                )
                .related(ctx.src.anchor_label(s.anchor, format!("{sl} has `{a}`")))
                .expected_found(a.as_str(), b.as_str())
                .note(format!("difference: {}", super::describe_difference(a, b)))
            }
        };
        out.push(d);
    }
}
