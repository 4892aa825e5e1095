//! # date-mismatch (error)
//!
//! The dates of aligned parts of the source and a translation differ: day, month or
//! year, including a month mentioned alone (`our November update`).
//!
//! Dates are read with each language's locale tables (`rules/locales/`): month names and
//! their variants (Levantine `تشرين الثاني`, Egyptian `نوفمبر`, Maghreb `نونبر`, UN style
//! `تشرين الثاني/نوفمبر` as one month), abbreviations, ordinals (`1er mars`), both Arabic
//! digit systems, numeric forms (`30/11/2022`, `2022-11-30`) and year ranges. A month
//! alone agrees with a full date in that month, a year with a date in that year. A date
//! moved to another paragraph is not missing; a full date present in one language only is
//! reported, a month or a year alone is not.
//!
//! A date whose month was dropped (`5 May 2023` written `le 5 2023`) is reported too,
//! and so are day ranges (`1-3 November 2022`, `du 1er au 3 novembre 2022`,
//! `من 1 إلى 3 نوفمبر 2022`) and Arabic ordinal days (`الخامس من نوفمبر 2022`). Values
//! pair within their aligned block first, so a month changed in a paragraph is found even
//! when the source's month also stands elsewhere in the translation (in its title).
//!
//! Example: English `Wednesday, 30 November 2022`; French `Jeudi 30 octobre 2022`.
//! oerlint reports `found 30 octobre 2022 (2022-10-30), English has Wednesday, 30 November
//! 2022 (2022-11-30)`.

use super::dates::{date_of, dates_agree, iso, same_shape};
use super::{compare_with, counterpart_label, missing_label, Ctx, Outcome, Pairing, Rule};
use crate::anchors::Kind;
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "date-mismatch",
    severity: Severity::Error,
    summary: "dates of aligned blocks differ (day, month, year; months alone too)",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn full(a: &crate::anchors::Anchor) -> bool {
    date_of(a).is_some_and(|d| d.day.is_some() && d.month.is_some())
}

/// A full date of the source that the translation wrote as its day and year without the
/// month (`5 May 2023` as `le 5 2023`): the year agrees, so the pair looks the same. The
/// range of the day and year in the translation's file.
fn dropped_month(
    ctx: &Ctx,
    s: &crate::anchors::Anchor,
    t: &crate::anchors::Anchor,
) -> Option<std::ops::Range<usize>> {
    let (ds, dt) = (date_of(s)?, date_of(t)?);
    if ds.month.is_none()
        || ds.day.is_none()
        || dt.month.is_some()
        || dt.year_end.is_some()
        || ds.year != dt.year
    {
        return None;
    }
    let before = ctx.tgt.file.text.get(..t.span.start)?;
    let trimmed = before.trim_end_matches([' ', '\u{A0}', '\u{202F}']);
    if trimmed.len() == before.len() {
        return None;
    }
    let digits: String = trimmed.chars().rev().take_while(char::is_ascii_digit).collect();
    let start = trimmed.len() - digits.len();
    let glued = trimmed[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric());
    let day: u8 = digits.chars().rev().collect::<String>().parse().ok()?;
    (!glued && Some(day) == ds.day).then_some(start..t.span.end)
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    for o in compare_with(ctx, Kind::Date, dates_agree, Pairing::SameBlockIf(same_shape)) {
        let d = match o {
            Outcome::Same(s, t) => {
                let Some(span) = dropped_month(ctx, s.anchor, t.anchor) else { continue };
                let ds = date_of(s.anchor).expect("date");
                let found = &ctx.tgt.file.text[span.clone()];
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!(
                        "date lost its month: found `{found}`, {sl} has {} ({})",
                        s.anchor.shown,
                        iso(ds)
                    ),
                    crate::diag::Label::new(
                        &ctx.tgt.file,
                        ctx.tgt.lang,
                        span,
                        format!("expected {}", iso(ds)),
                    ),
                )
                .related(ctx.src.anchor_label(s.anchor, format!("{sl} has {}", iso(ds))))
                .expected_found(iso(ds), found)
            }
            Outcome::Present(..) => continue,
            Outcome::Changed(s, t) => {
                let (ds, dt) = (date_of(s.anchor).expect("date"), date_of(t.anchor).expect("date"));
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!(
                        "date differs from the {sl}: found {} ({}), {sl} has {} ({})",
                        t.anchor.shown,
                        iso(dt),
                        s.anchor.shown,
                        iso(ds)
                    ),
                    ctx.tgt.anchor_label(t.anchor, format!("found {}", iso(dt))),
                )
                .related(ctx.src.anchor_label(s.anchor, format!("{sl} has {}", iso(ds))))
                .expected_found(iso(ds), iso(dt))
            }
            Outcome::Missing { src, at } if full(src.anchor) => {
                let ds = date_of(src.anchor).expect("date");
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("date missing in {tl}: the {sl} text has {} ({})", src.anchor.shown, iso(ds)),
                    missing_label(ctx, &src, at, &iso(ds)),
                )
                .related(ctx.src.anchor_label(src.anchor, format!("{sl} has {}", iso(ds))))
                .expected_found(iso(ds), "")
            }
            Outcome::Extra { tgt, near } if full(tgt.anchor) => {
                let dt = date_of(tgt.anchor).expect("date");
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("date in {tl} not in the {sl}: {} ({})", tgt.anchor.shown, iso(dt)),
                    ctx.tgt.anchor_label(tgt.anchor, format!("{} is not in the {sl} text", iso(dt))),
                )
                .related(counterpart_label(ctx, &tgt, near))
                .expected_found("", iso(dt))
            }
            _ => continue,
        };
        out.push(d);
    }
}
