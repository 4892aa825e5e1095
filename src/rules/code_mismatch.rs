//! # code-mismatch (error)
//!
//! The reference codes of aligned parts of the source and a translation differ.
//!
//! Document symbols and identifiers (circular letters `CL/4398`, sector documents
//! `ED/PLS/OER/2023/1`, Executive Board and General Conference documents `216 EX/5`,
//! `41 C/Resolution 12`, UN symbols `A/RES/70/1`, ISBN, ISSN, DOI) are retyped in every
//! language, and a single flipped digit sends readers to another document. Codes are
//! compared after normalising digits (Arabic-Indic digits are ASCII digits) and white
//! space around slashes (`CL / 4398` is `CL/4398`). A code written without its colon
//! suffix in the other language (`A10:2021` as `A10`, `ISO/IEC 27001:2022` as
//! `ISO/IEC 27001`) is the same reference abbreviated, not a missing one. The patterns are data, in
//! `rules/codes.toml`; a project's configuration can add more.
//!
//! The message shows a character-level diff of the two codes, since a one-digit slip is
//! the commonest real error.
//!
//! Example: English `A Circular Letter (CL/4398) invites Member States…`; Arabic
//! `رسالة دورية (CL / 4328)`. oerlint reports `expected CL/4398, found CL/4328`, with
//! the difference `one digit differs, 9 → 2: CL/43[9→2]8` (a swap of two
//! characters is named as such).

use super::{compare, counterpart_label, missing_label, similar_values, Ctx, Outcome, Pairing, Rule};
use crate::anchors::Kind;
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "code-mismatch",
    severity: Severity::Error,
    summary: "reference codes (document symbols, ISBN, DOI) of aligned blocks differ",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

/// The certain part of a code fix: white space around slashes removed, digits untouched.
fn space_fix(text: &str, span: &std::ops::Range<usize>) -> Option<(std::ops::Range<usize>, String)> {
    let raw = &text[span.clone()];
    let tight = raw.split('/').map(str::trim).collect::<Vec<_>>().join("/");
    (tight != raw).then(|| (span.clone(), tight))
}

/// How a code is named in a message: its key, or as written when the key is a compact
/// form that drops the separators (`A10:2021`, not `A102021`).
fn named(a: &crate::anchors::Anchor) -> &str {
    if a.key.chars().all(char::is_alphanumeric) && !a.shown.chars().all(char::is_alphanumeric) {
        a.shown.trim()
    } else {
        &a.key
    }
}

/// Whether a text writes the code without its colon suffix (the edition or year:
/// `A10:2021` as `A10`, `ISO/IEC 27001:2022` as `ISO/IEC 27001`), as a whole token: the
/// same reference, abbreviated. The part kept must hold a letter and a digit, so that a
/// bare number or word never counts.
fn abbreviated_in(text: &str, shown: &str) -> bool {
    let Some((head, _)) = shown.split_once(':') else { return false };
    let head = head.trim();
    if head.len() < 3 || !head.chars().any(|c| c.is_ascii_digit()) || !head.chars().any(char::is_alphabetic) {
        return false;
    }
    text.match_indices(head).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + m.len()..];
        let mut after = rest.chars();
        !before.is_some_and(char::is_alphanumeric)
            && match after.next() {
                None => true,
                Some(':') => !after.next().is_some_and(|c| c.is_ascii_digit()),
                Some(c) => !c.is_alphanumeric(),
            }
    })
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for o in compare(ctx, Kind::Code, Pairing::Similar(similar_values)) {
        let d = match o {
            Outcome::Same(..) | Outcome::Present(..) => continue,
            Outcome::Missing { src, at } if abbreviated_in(&ctx.tgt.blocks[at].text, &src.anchor.shown) => {
                continue
            }
            Outcome::Missing { src, at } => {
                let a = named(src.anchor);
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("reference code missing in {tl}: the {sl} text has {a}"),
                    missing_label(ctx, &src, at, a),
                )
                .related(ctx.src.anchor_label(src.anchor, format!("{sl} has {a}")))
                .expected_found(a, "")
            }
            Outcome::Extra { tgt, near } => {
                let b = named(tgt.anchor);
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("reference code in {tl} not in the {sl}: {b}"),
                    ctx.tgt.anchor_label(tgt.anchor, format!("{b} is not in the {sl} text")),
                )
                .related(counterpart_label(ctx, &tgt, near))
                .expected_found("", b)
            }
            Outcome::Changed(s, t) => {
                let (a, b) = (named(s.anchor), named(t.anchor));
                let shown = if t.anchor.shown != b {
                    format!("{} (normalised {b})", t.anchor.shown)
                } else {
                    b.to_string()
                };
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("reference code differs from the {sl}: expected {a}, found {shown}"),
                    ctx.tgt.anchor_label(t.anchor, format!("found {b}")),
                )
                .related(ctx.src.anchor_label(s.anchor, format!("{sl} has {a}")))
                .expected_found(a, b)
                .note(format!("difference: {}", super::describe_difference(a, b)))
                .fix_opt(space_fix(&ctx.tgt.file.text, &t.anchor.span))
                .partial_fix()
            }
        };
        out.push(d);
    }
}
