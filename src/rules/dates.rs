//! Shared helpers of the date, weekday, time and deadline rules (not a rule).

use crate::anchors::{Anchor, Value};
use crate::temporal::{DateAnchor, TimeAnchor, Zone};
use jiff::civil::{Date, Weekday};

pub fn date_of(a: &Anchor) -> Option<&DateAnchor> {
    match &a.value {
        Value::Date(d) => Some(&**d),
        _ => None,
    }
}

/// Two dates agree when every part both give is equal: `November` agrees with
/// `30 November 2022`, `2022` with `2022-11-30`; ranges agree on both ends.
pub fn dates_agree(a: &Anchor, b: &Anchor) -> bool {
    if a.key == b.key {
        return true;
    }
    let (Some(x), Some(y)) = (date_of(a), date_of(b)) else { return false };
    let part = |p: Option<i32>, q: Option<i32>| matches!((p, q), (Some(p), Some(q)) if p != q);
    let ranges = x.year_end.is_some() || y.year_end.is_some();
    !(part(x.year, y.year)
        || part(x.month.map(i32::from), y.month.map(i32::from))
        || part(x.day.map(i32::from), y.day.map(i32::from))
        || (ranges && x.year_end != y.year_end)
        || ((x.day_end.is_some() || y.day_end.is_some()) && x.day_end != y.day_end))
}

/// Dates of one shape (both full dates, both months alone…) are one date changed.
pub fn same_shape(a: &Anchor, b: &Anchor) -> bool {
    match (date_of(a), date_of(b)) {
        (Some(x), Some(y)) => {
            x.year.is_some() == y.year.is_some()
                && x.month.is_some() == y.month.is_some()
                && x.day.is_some() == y.day.is_some()
                && x.year_end.is_some() == y.year_end.is_some()
                && x.day_end.is_some() == y.day_end.is_some()
        }
        _ => false,
    }
}

/// The English name of a month or weekday, from the built-in table.
fn english(name: impl Fn(&'static crate::locale::Locale) -> Option<&'static str>) -> &'static str {
    crate::locale::table("en").and_then(name).unwrap_or("?")
}

pub fn weekday_name(w: Weekday) -> &'static str {
    english(|l| l.weekday_name(w.to_monday_one_offset() as u8))
}

/// A date in the reader's terms: `2022-10-30`, `October 2022`, `October`, `2022–2023`.
pub fn iso(d: &DateAnchor) -> String {
    let month = |m: u8| english(|l| l.month_name(m));
    let mut s = match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (Some(y), Some(m), None) => format!("{} {y}", month(m)),
        (None, Some(m), Some(day)) => format!("{day} {}", month(m)),
        (None, Some(m), None) => format!("the month of {}", month(m)),
        (Some(y), None, _) => format!("{y}"),
        _ => "?".into(),
    };
    if let Some(e) = d.day_end {
        match (d.year, d.month) {
            (Some(y), Some(m)) => s.push_str(&format!(" to {y:04}-{m:02}-{e:02}")),
            _ => s.push_str(&format!(" to day {e}")),
        }
    }
    if let Some(e) = d.year_end {
        s.push_str(&format!(" to {e}"));
    }
    s
}

/// The calendar date of a full date.
pub fn civil(d: &DateAnchor) -> Option<Date> {
    crate::anchors::full_date(d)
}

/// A time range in UTC minutes, when its zone and date are known.
pub fn utc_range(t: &TimeAnchor, date: Option<Date>) -> Option<(i32, Option<i32>)> {
    let zone = t.zone.as_ref()?;
    let off = match (zone, date) {
        (Zone::Fixed(m), _) => *m,
        (z, Some(d)) => z.offset_minutes_on(d)?,
        (_, None) => return None,
    };
    let f = |m: u32| (m as i32 - off).rem_euclid(24 * 60);
    Some((f(t.from_minutes), t.to_minutes.map(f)))
}

pub fn hhmm(m: i32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

pub fn describe_time(t: &TimeAnchor, date: Option<Date>) -> String {
    let local = match t.to_minutes {
        Some(to) => format!("{}–{}", hhmm(t.from_minutes as i32), hhmm(to as i32)),
        None => hhmm(t.from_minutes as i32),
    };
    match utc_range(t, date) {
        Some((f, Some(to))) => format!("{local} local ({}–{} UTC)", hhmm(f), hhmm(to)),
        Some((f, None)) => format!("{local} local ({} UTC)", hhmm(f)),
        None => local,
    }
}
