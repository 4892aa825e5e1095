//! # number-mismatch (error)
//!
//! The numbers of aligned parts of the source and a translation differ.
//!
//! Numbers are read the way each language writes them: separators (`25,000.5`,
//! `25 000,5` with a space, U+00A0 or U+202F, `٢٥٬٠٠٠٫٥`), percentages (`45%`, `45 %`,
//! `٤٥٪`), ordinals (`42nd`, `42e`, `1er`) and number words up to a hundred (`three`,
//! `trois`, `ثلاثة`, `الثانية والأربعين`). Numbers that are part of a date, a time, a
//! code, an email or a URL are not numbers again.
//!
//! A different value in the same place is an error. Translations legitimately spell small
//! numbers out or carry them in grammar (Arabic duals: `2 prizes` / `جائزتين`), so a number
//! written in digits on one side and absent on the other is only a note when it is 10 or
//! less; above 10 it is an error. The values a language carries in a noun's form alone
//! (Arabic singular and dual, `grammatical` in the locale tables: `1-2 sentences` /
//! `جملة أو جملتين`) are not reported missing. Numbers inside inline code are the
//! command's and are not compared here. Numbers written as words are never reported as missing,
//! nor are numbers whose digits stand in the counterpart in another form (`217th`
//! against the Arabic `217 EX/5` with the ordinal spelled out; a version `3.0`).
//!
//! Example: English `Only 60 days left`; Arabic `لم يتبق سوى 75 يوماً`: `expected 60,
//! found 75`. `217th` / `217e` / `217` agree, and so do `42nd` / `الثانية والأربعين`.

use super::{compare, Ctx, Outcome, Pairing, Rule};
use crate::anchors::{Anchor, Kind, Value};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "number-mismatch",
    severity: Severity::Error,
    summary: "numbers of aligned blocks differ (separators, words, ordinals understood)",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn spelled(a: &Anchor) -> bool {
    matches!(&a.value, Value::Quantity(n) if n.spelled)
}

fn value(a: &Anchor) -> f64 {
    match &a.value {
        Value::Quantity(n) => n.value,
        _ => f64::NAN,
    }
}

/// Two digit numbers in the same place are one number changed.
fn both_digits(a: &Anchor, b: &Anchor) -> bool {
    !spelled(a) && !spelled(b)
}

fn severity_for_absent(a: &Anchor) -> Severity {
    if value(a).abs() <= 10.0 {
        Severity::Note
    } else {
        RULE.severity
    }
}

/// Whether the digits of a number stand in a block's text in some form (inside a code
/// such as `217 EX/5`, a version such as `3.0` that the other language reads otherwise):
/// then it is not missing, only written in a way that is not a plain number.
fn digits_present(text: &str, a: &Anchor) -> bool {
    let ascii: String = text.chars().map(crate::codes::ascii_digit).collect();
    let shown: String = a.shown.chars().map(crate::codes::ascii_digit).collect();
    let digits: String = shown.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    let digits = digits.trim_end_matches(['.', ',']);
    !digits.is_empty()
        && ascii.match_indices(digits).any(|(i, m)| {
            let before = ascii[..i].chars().next_back();
            let after = ascii[i + m.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
        })
}

/// A number the translation's language carries in grammar (Arabic singular and dual).
fn grammatical(ctx: &Ctx, a: &Anchor) -> bool {
    let Value::Quantity(n) = &a.value else { return false };
    n.kind == crate::temporal::NumberKind::Cardinal
        && n.value.fract() == 0.0
        && ctx
            .doc
            .settings
            .locale(ctx.tgt.lang.tag())
            .is_some_and(|l| l.data().numbers.grammatical.contains(&(n.value as u32)))
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for o in compare(ctx, Kind::Quantity, Pairing::SameBlockIf(both_digits)) {
        let d = match o {
            Outcome::Same(..) | Outcome::Present(..) => continue,
            Outcome::Changed(s, t) => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("number differs from the {sl}: expected {}, found {}", s.anchor.key, t.anchor.key),
                ctx.tgt.anchor_label(t.anchor, format!("found {}", t.anchor.key)),
            )
            .related(ctx.src.anchor_label(s.anchor, format!("{sl} has {}", s.anchor.key)))
            .expected_found(s.anchor.key.as_str(), t.anchor.key.as_str()),
            Outcome::Missing { src, at }
                if !spelled(src.anchor)
                    && !digits_present(&ctx.tgt.blocks[at].text, src.anchor)
                    && !grammatical(ctx, src.anchor) =>
            {
                Diagnostic::new(
                    RULE.id,
                    severity_for_absent(src.anchor),
                    format!("number missing in {tl}: the {sl} text has {}", src.anchor.shown),
                    ctx.tgt.block_label(at, format!("expected {} in this part", src.anchor.key)),
                )
                .related(ctx.src.anchor_label(src.anchor, format!("{sl} has {}", src.anchor.key)))
                .expected_found(src.anchor.key.as_str(), "")
            }
            Outcome::Extra { tgt, near }
                if !spelled(tgt.anchor) && !digits_present(&ctx.src.blocks[near].text, tgt.anchor) =>
            {
                Diagnostic::new(
                    RULE.id,
                    severity_for_absent(tgt.anchor),
                    format!("number in {tl} not in the {sl}: {}", tgt.anchor.shown),
                    ctx.tgt.anchor_label(tgt.anchor, format!("{} is not in the {sl} text", tgt.anchor.key)),
                )
                .related(ctx.src.block_label(near, format!("the {sl} counterpart")))
                .expected_found("", tgt.anchor.key.as_str())
            }
            _ => continue,
        };
        out.push(d);
    }
}
