//! # time-mismatch (error)
//!
//! The times or time ranges of aligned parts of the source and a translation differ once
//! both are converted to UTC.
//!
//! Event times are often rewritten for each audience in its own zone, which is right,
//! and sometimes wrongly. Zones are read from offsets (`UTC +7`, `GMT+1`), abbreviations
//! (`CET`, `CEST`) and names in each language (`Paris time`, `heure de Paris`,
//! `بتوقيت وسط أوروبا`), and a named zone resolves to its offset on the event's date
//! (CET in winter, CEST in summer) with the time-zone database bundled in `jiff`.
//! Times compare only when both zones are known, or when neither side gives one; a time
//! present in one language only is left alone. The 12- and 24-hour clocks and the words
//! of each language meet (`6-7 pm`, `de 18 à 19 heures`, `de 9 heures à 12 heures`,
//! `noon`, `الساعة السادسة مساءً`); a number of hours alone (`9 heures`) is a duration,
//! not a time.
//!
//! Example: English `30 November 2022 from 9:00 to 12:00 (UTC +7)`; Arabic
//! `من الساعة 08:00 حتى 11:00 بتوقيت وسط أوروبا` (07:00–10:00 UTC against 02:00–05:00
//! UTC) is reported. `09:00 UTC+7` against `03:00 CET` on the same winter date agrees.

use super::dates::{describe_time, utc_range};
use super::{compare_with, Ctx, Outcome, Pairing, Rule};
use crate::anchors::{Anchor, Kind, Value};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "time-mismatch",
    severity: Severity::Error,
    summary: "times of aligned blocks differ once converted to UTC",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

/// A time range in minutes: start, and end when there is one.
type Range = (i32, Option<i32>);

/// The two times in comparable terms, when they can be compared: UTC when both zones are
/// known, local when neither is.
fn comparable(a: &Anchor, b: &Anchor) -> Option<(Range, Range)> {
    let (Value::Time(x, dx), Value::Time(y, dy)) = (&a.value, &b.value) else { return None };
    match (x.zone.is_some(), y.zone.is_some()) {
        (true, true) => {
            // A zone without a date resolves with the other side's date.
            let (dx, dy) = (dx.or(*dy), dy.or(*dx));
            Some((utc_range(x, dx)?, utc_range(y, dy)?))
        }
        (false, false) => Some((
            (x.from_minutes as i32, x.to_minutes.map(|m| m as i32)),
            (y.from_minutes as i32, y.to_minutes.map(|m| m as i32)),
        )),
        _ => None,
    }
}

fn same_instant(a: &Anchor, b: &Anchor) -> bool {
    match comparable(a, b) {
        Some(((f1, t1), (f2, t2))) => f1 == f2 && (t1.is_none() || t2.is_none() || t1 == t2),
        None => a.key == b.key,
    }
}

fn differ(a: &Anchor, b: &Anchor) -> bool {
    comparable(a, b).is_some() && !same_instant(a, b)
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let sl = ctx.src.lang.name();
    for o in compare_with(ctx, Kind::Time, same_instant, Pairing::SameBlockIf(differ)) {
        let Outcome::Changed(s, t) = o else { continue };
        let (Value::Time(x, dx), Value::Time(y, dy)) = (&s.anchor.value, &t.anchor.value) else { continue };
        let (ws, wt) = (describe_time(x, dx.or(*dy)), describe_time(y, dy.or(*dx)));
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "time differs from the {sl}: found {} = {wt}, {sl} has {} = {ws}",
                    t.anchor.shown, s.anchor.shown
                ),
                ctx.tgt.anchor_label(t.anchor, format!("found {wt}")),
            )
            .related(ctx.src.anchor_label(s.anchor, format!("{sl} has {ws}")))
            .expected_found(ws, wt),
        );
    }
}
