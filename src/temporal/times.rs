//! Times of day with their zones, ranges, 12- and 24-hour clocks.

use super::*;
use crate::locale::{self, Folded, Locale, ZoneSpec};

// ---------------------------------------------------------------------------
// Times
// ---------------------------------------------------------------------------

pub(super) fn time_value(c: &Caps, n: u8, l: &Locale) -> Option<(u32, usize, usize, Option<bool>)> {
    let g = |s: &str| c.name_n(s, n);
    let is_pm = |m: matcher::Span| -> Option<bool> {
        let k = locale::key(m.as_str());
        let t = &l.data().time;
        if t.pm.iter().any(|w| locale::key(w) == k) {
            Some(true)
        } else if t.am.iter().any(|w| locale::key(w) == k) {
            Some(false)
        } else {
            None
        }
    };
    let (h, mi, s, e, ap) = if let Some(h) = g("h") {
        let mi = g("mi")?;
        let ap = g("a");
        let e = ap.map_or(mi.end(), |a| a.end());
        (h.as_str().parse::<u32>().ok()?, mi.as_str().parse::<u32>().ok()?, h.start(), e, ap.and_then(is_pm))
    } else if let Some(h) = g("hh") {
        (h.as_str().parse().ok()?, 0, h.start(), g("hx")?.end(), None)
    } else if let Some(h) = g("ha") {
        let a = g("aa")?;
        (h.as_str().parse().ok()?, 0, h.start(), a.end(), is_pm(a))
    } else if let Some(h) = g("hm") {
        let ap = g("am");
        let e = ap.map_or(h.end(), |a| a.end());
        (h.as_str().parse().ok()?, 0, h.start(), e, ap.and_then(is_pm))
    } else if let Some(w) = g("hw") {
        let (v, _) = *l.lexicon().numbers.get(locale::key(w.as_str()).as_str())?;
        let ap = g("aw");
        let e = ap.map_or(w.end(), |a| a.end());
        (v, 0, w.start(), e, ap.and_then(is_pm))
    } else if let Some(h) = g("hb") {
        (h.as_str().parse().ok()?, 0, h.start(), h.end(), None)
    } else {
        let m = g("nn")?;
        let k = locale::key(m.as_str());
        let midnight = l.data().time.midnight.iter().any(|w| locale::key(w) == k);
        return Some((if midnight { 0 } else { 720 }, m.start(), m.end(), None));
    };
    let h = match ap {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            }
        }
        None => h,
    };
    let colon = g("h").is_some();
    if h > 24 || mi > 59 || (h == 24 && (mi > 0 || !colon)) {
        return None;
    }
    Some((h * 60 + mi, s, e, ap))
}

/// Like [`extract_times`] with any locale.
pub fn extract_times_with(l: &Locale, text: &str) -> Vec<TimeAnchor> {
    let folded = Folded::new(text);
    times_in(l, text, &folded, &url_spans(&folded.text), None)
}

/// The times of `text`; `words`: where the time words start in the folded text, when
/// already found (see [`super::front::Both`]).
pub(super) fn times_in(
    l: &Locale,
    _text: &str,
    folded: &Folded,
    urls: &[(usize, usize)],
    words: Option<&[usize]>,
) -> Vec<TimeAnchor> {
    times_in_given(l, folded, urls, true, words)
}

/// [`times_in`], with the front's filter of numbers that cannot be hours when `hours` (see
/// [`super::front::Hours`]; the tests compare both).
#[cfg(test)]
pub(super) fn times_in_with(
    l: &Locale,
    folded: &Folded,
    urls: &[(usize, usize)],
    hours: bool,
) -> Vec<TimeAnchor> {
    times_in_given(l, folded, urls, hours, None)
}

fn times_in_given(
    l: &Locale,
    folded: &Folded,
    urls: &[(usize, usize)],
    hours: bool,
    words: Option<&[usize]>,
) -> Vec<TimeAnchor> {
    let f = folded.text.as_str();
    let p = patterns(l);
    let lx = l.lexicon();
    let mut out = Vec::new();
    let starts = p.time_front.windows_given(f, hours, words);
    scan_within(&p.time, f, starts.as_deref(), |c| {
        let whole_end = c.get(0).map_or(0, |m| m.end());
        let Some((mut from, s, mut e, ap1)) = time_value(c, 1, l) else {
            return c.get(0).map_or(0, |m| m.start()) + 1;
        };
        let mut to = None;
        let second = time_value(c, 2, l);
        if c.name("hb1").is_some() && second.is_none() {
            return s + 1;
        }
        // "9.30" is a time only with a.m./p.m. or in a range of such times
        // ("09.00-12.00"): "version 2.30" is not.
        let dotted =
            |n: u8| c.name_n("s", n).is_some_and(|m| m.as_str() == ".") && c.name_n("a", n).is_none();
        let dot_form = |n: u8| c.name_n("s", n).is_some_and(|m| m.as_str() == ".");
        if (dotted(1) && !(second.is_some() && dot_form(2))) || (dotted(2) && !dot_form(1)) {
            return c.get(0).map_or(s, |m| m.end());
        }
        if let Some((t, _, e2, ap2)) = second {
            // "9 to 11 p.m.": the second end's a.m./p.m. applies to both.
            if ap1.is_none() && ap2 == Some(true) && from < 720 && from + 720 <= t {
                from += 720;
            }
            to = Some(t);
            e = e2;
        }
        let mut zone = None;
        let mut zone_span = None;
        if let Some(z) = c.name("z") {
            let k = locale::key(z.as_str());
            if let Some((spec, allow_offset)) = lx.zones.get(k.as_str()) {
                let mut ze = z.end();
                let mut zv = match spec {
                    ZoneSpec::Fixed(m) => Zone::Fixed(*m),
                    ZoneSpec::Iana(id) => Zone::Iana(id.clone()),
                };
                if let (true, Some(zh)) = (*allow_offset, c.name("zh")) {
                    let h: i32 = zh.as_str().parse().unwrap_or(99);
                    let m: i32 = num(c, "zm").unwrap_or(0) as i32;
                    if h <= 14 && m < 60 {
                        let sign = if c.name("zs").is_some_and(|s| s.as_str() == "+") { 1 } else { -1 };
                        if let Zone::Fixed(base) = zv {
                            zv = Zone::Fixed(base + sign * (h * 60 + m));
                        }
                        ze = c.name("zm").map_or(zh.end(), |m| m.end());
                    }
                }
                zone_span = Some(folded.span(z.start(), ze));
                zone = Some(zv);
                e = e.max(ze);
            }
        }
        if hits(urls, s, e) {
            return whole_end;
        }
        let (start, end) = folded.span(s, e);
        out.push(TimeAnchor { start, end, from_minutes: from, to_minutes: to, zone, zone_span });
        e
    });
    out
}
