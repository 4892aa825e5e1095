//! # weekday-mismatch (error)
//!
//! A weekday that disagrees with its own date, in any language, or with the weekday the
//! source gives for the same date.
//!
//! Translators retype dates and copy the weekday from an older issue, or change the date
//! and leave the weekday. The calendar says which weekday a date falls on (the `jiff`
//! crate), so a wrong weekday is certain, not a guess.
//!
//! Example: French `Jeudi 30 octobre 2022` is wrong twice: 30 October 2022 was a Sunday,
//! and the English says Wednesday. `lundi 19 décembre 2022` is right and stays silent.

use super::dates::{civil, date_of, dates_agree, same_shape, weekday_name};
use super::{compare_with, Blocks, Ctx, Outcome, Pairing, Rule};
use crate::anchors::Kind;
use crate::diag::{Diagnostic, Label, Severity};

pub const RULE: Rule = Rule {
    id: "weekday-mismatch",
    severity: Severity::Error,
    summary: "a weekday disagrees with its date, or with the source's weekday",
    pair: Some(check_pair),
    blocks: Some(check_blocks),
    default_enabled: true,
};

fn check_blocks(b: &Blocks, out: &mut Vec<Diagnostic>) {
    for (block, anchors) in b.blocks.iter().zip(b.anchors) {
        for a in anchors.iter().filter(|a| a.kind == Kind::Date) {
            let Some(d) = date_of(a) else { continue };
            let (Some(stated), Some((ws, we)), Some(date)) = (d.weekday, d.weekday_span, civil(d)) else {
                continue;
            };
            let actual = date.weekday();
            if actual == stated {
                continue;
            }
            let word = &block.text[ws..we];
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!(
                        "`{word}` ({}) does not match its date: {} is a {}",
                        weekday_name(stated),
                        date,
                        weekday_name(actual)
                    ),
                    Label::new(
                        b.file,
                        b.lang,
                        block.file_range(ws..we),
                        format!("{date} is a {}", weekday_name(actual)),
                    ),
                )
                .expected_found(weekday_name(actual), weekday_name(stated)),
            );
        }
    }
}

fn check_pair(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let sl = ctx.src.lang.name();
    for o in compare_with(ctx, Kind::Date, dates_agree, Pairing::SameBlockIf(same_shape)) {
        let (Outcome::Same(s, t) | Outcome::Changed(s, t)) = o else { continue };
        let (Some(ds), Some(dt)) = (date_of(s.anchor), date_of(t.anchor)) else { continue };
        let (Some(ws), Some(wt), Some((a, b))) = (ds.weekday, dt.weekday, dt.weekday_span) else { continue };
        if ws == wt {
            continue;
        }
        let block = &ctx.tgt.blocks[t.block];
        let word = &block.text[a..b];
        let mut d = Diagnostic::new(
            RULE.id,
            RULE.severity,
            format!(
                "weekday differs from the {sl}: found `{word}` ({}), {sl} has {}",
                weekday_name(wt),
                weekday_name(ws)
            ),
            Label::new(
                &ctx.tgt.file,
                ctx.tgt.lang,
                block.file_range(a..b),
                format!("found {}", weekday_name(wt)),
            ),
        )
        .expected_found(weekday_name(ws), weekday_name(wt));
        if let Some((x, y)) = ds.weekday_span {
            let sb = &ctx.src.blocks[s.block];
            d = d.related(Label::new(
                &ctx.src.file,
                ctx.src.lang,
                sb.file_range(x..y),
                format!("{sl} has {}", weekday_name(ws)),
            ));
        }
        out.push(d);
    }
}
