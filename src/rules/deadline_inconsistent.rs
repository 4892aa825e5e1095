//! # deadline-inconsistent (warning)
//!
//! A relative period (`Only 60 days left`, `Plus que 60 jours`, `لم يتبق سوى 60 يوماً`)
//! that does not fit the explicit deadline it counts down to, given the issue's date; or
//! a deadline that has already passed when the issue goes out.
//!
//! Newsletters are drafted weeks before they are sent and copied from one issue to the
//! next; countdowns go stale. The issue's date comes from the document's front matter
//! (`date: 2022-11-01`) or, failing that, from the document itself: the month its first
//! section names (`our November update`) with the year of the document's dates. The
//! deadline is the first full date after the period in the same section. A warning is
//! given when the arithmetic is off by more than a week, or the deadline is in the past.
//!
//! Example: a November 2022 issue says `Only 60 days left to submit reports` and then
//! `by 31 January 2022`: the deadline passed ten months earlier (and 60 days from
//! November 2022 would be January 2023).

use super::dates::{civil, date_of};
use super::{Blocks, Rule};
use crate::anchors::Kind;
use crate::diag::{Diagnostic, Label, Severity};
use crate::regexes::Tiered;
use std::sync::OnceLock;

pub const RULE: Rule = Rule {
    id: "deadline-inconsistent",
    severity: Severity::Warning,
    summary: "a countdown (`60 days left`) does not fit its deadline and the issue date",
    pair: None,
    blocks: Some(check),
    default_enabled: true,
};

/// A countdown in one of the three languages (run only where [`may_hold_period`] says
/// one can be; see [`Tiered`]).
static PERIOD: Tiered = Tiered::new(concat!(
    r"(?i)(?:only\s+|just\s+)?(?P<en>\d+)\s+(?:more\s+)?(?:days?|weeks?)\s+(?:left|remaining|to go)",
    r"|(?:plus\s+que|encore|reste|restent|il\s+reste)\s+(?P<fr>\d+)\s+(?:jours|semaines)",
    r"|(?:لم\s+يتبق|لم\s+يتبقى|يتبقى|تبقى|باقي)\s+(?:سوى?\s+)?(?P<ar>[0-9٠-٩]+)\s+(?:يوماً|يومًا|يوما|أيام|أسابيع|أسبوعاً|أسبوعا)",
));

/// Whether `text` holds a unit word of [`PERIOD`] (days or weeks in one of its
/// languages): without one the regex cannot match, and is neither compiled nor run.
/// Lower-casing covers what `(?i)` matches here (K also as the Kelvin sign; `s`, which
/// `(?i)` also reads as `ſ`, is left out of the words looked for).
///
/// The only characters that lower-case to an ASCII letter are the ASCII letters, the Kelvin
/// sign (`k`) and `İ` (`i` and a combining dot): a text without the last two is searched
/// without lower-casing it, one ASCII-case-insensitive pass for all the units, and then
/// the count must come before a unit as [`PERIOD`] writes it (see [`counted`]): "Monday"
/// or "à ce jour" holds a unit and no countdown, and is not searched either.
fn may_hold_period(text: &str) -> bool {
    if text.contains('\u{212A}') || text.contains('\u{130}') {
        return by_lowercase(text, &UNITS);
    }
    // `is_match` first: most texts hold no unit, and it skips ahead where the overlapping
    // search reads every byte.
    let ac = units();
    ac.is_match(text)
        && ac.find_overlapping_iter(text).any(|m| counted(&text[..m.start()], UNITS[m.pattern().as_usize()]))
}

/// The unit words [`may_hold_period`] looks for.
const UNITS: [&str; 8] = ["day", "week", "jour", "emaine", "يوم", "أيام", "أسبوع", "أسابيع"];

/// [`UNITS`] in any ASCII case.
fn units() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(UNITS).expect("unit words")
    })
}

/// Whether `before`, the text before a unit word found in any ASCII case, ends as the
/// text before a unit of [`PERIOD`] does: a digit (`\d`, or an Arabic-Indic one; every
/// such digit is numeric), white space, and in English maybe `more` and white space
/// (`57 more days`); for `emaine`, the `s` of `semaines` (which `(?i)` also reads as `ſ`)
/// last. White space is `\s`, Unicode's `White_Space`, as `char::is_whitespace`; `more`
/// holds no letter that `(?i)` pairs with a non-ASCII one.
fn counted(before: &str, unit: &str) -> bool {
    let mut rest = before;
    if unit == "emaine" {
        match rest.chars().next_back() {
            Some(c @ ('s' | 'S' | '\u{17F}')) => rest = &rest[..rest.len() - c.len_utf8()],
            _ => return false,
        }
    }
    let digit = |s: &str| s.chars().next_back().is_some_and(char::is_numeric);
    let Some(rest) = spaced(rest) else { return false };
    digit(rest)
        || rest.len() >= 4
            && rest.is_char_boundary(rest.len() - 4)
            && rest[rest.len() - 4..].eq_ignore_ascii_case("more")
            && spaced(&rest[..rest.len() - 4]).is_some_and(digit)
}

/// `s` without the white space that ends it, if any does.
fn spaced(s: &str) -> Option<&str> {
    let t = s.trim_end_matches(char::is_whitespace);
    (t.len() < s.len()).then_some(t)
}

/// [`may_hold_period`] as first written: the Arabic units in the text, the others in the
/// text lower-cased.
fn by_lowercase(text: &str, units: &[&str; 8]) -> bool {
    let arabic = units[4..].iter().any(|u| text.contains(u));
    arabic || {
        let lower = text.to_lowercase();
        units[..4].iter().any(|u| lower.contains(u))
    }
}

/// For each block, whether it or a block after it before the next heading holds a full
/// date: where a countdown's deadline can be (see [`check`]). A block with none is not
/// searched for a countdown, which would find no deadline (most blocks).
fn deadline_ahead(b: &Blocks) -> Vec<bool> {
    let n = b.blocks.len();
    let mut ahead = vec![false; n];
    for i in (0..n).rev() {
        let own = b.anchors[i].iter().any(|a| a.kind == Kind::Date && date_of(a).and_then(civil).is_some());
        ahead[i] = own || (i + 1 < n && !b.blocks[i + 1].is_heading() && ahead[i + 1]);
    }
    ahead
}

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    let Some(issue) = b.issue_date else { return };
    let ahead = deadline_ahead(b);
    for (i, block) in b.blocks.iter().enumerate() {
        if !ahead[i] || !may_hold_period(&block.text) {
            continue;
        }
        let text = block.text.as_str();
        for caps in PERIOD.get(text.len()).captures_iter(text) {
            let m = caps.get_match().expect("match").range();
            let n: String = ["en", "fr", "ar"]
                .iter()
                .find_map(|g| caps.get_group_by_name(g))
                .map(|g| text[g.range()].chars().map(crate::codes::ascii_digit).collect())
                .unwrap_or_default();
            let Ok(mut days) = n.parse::<i64>() else { continue };
            let lower = text[m.clone()].to_lowercase();
            if lower.contains("week") || lower.contains("semaine") || lower.contains("أسب") {
                days *= 7;
            }
            // The deadline: the first full date after the period, in this block or the
            // next ones before a heading.
            let mut deadline = None;
            'find: for (j, (bl, anchors)) in b.blocks.iter().zip(b.anchors).enumerate().skip(i) {
                if j > i && bl.is_heading() {
                    break;
                }
                for a in anchors.iter().filter(|a| a.kind == Kind::Date) {
                    let d = date_of(a).expect("date anchor");
                    if j == i && d.start < m.end {
                        continue;
                    }
                    if let Some(c) = civil(d) {
                        deadline = Some((c, a.clone()));
                        break 'find;
                    }
                }
            }
            let Some((date, anchor)) = deadline else { continue };
            let left = (date - issue).get_days() as i64;
            let problem = if left < 0 {
                format!("the deadline {date} had already passed on the issue's date {issue}")
            } else if (left - days).abs() > 7 {
                format!("from the issue's date {issue} to the deadline {date} is {left} days, not {days}")
            } else {
                continue;
            };
            let span = block.file_range(m.clone());
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("countdown `{}` does not fit its deadline: {problem}", &text[m]),
                    Label::new(b.file, b.lang, span, format!("{days} days from {issue}")),
                )
                .related(Label::new(b.file, b.lang, anchor.span.clone(), format!("deadline {date}")))
                .expected_found(format!("{days} days before the deadline"), format!("{left} days")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_prefilter_keeps_every_unit() {
        for t in [
            "Only 60 days left",
            "3 WEEKS TO GO",
            "2 wee\u{212A}s remaining",
            "Plus que 60 jours",
            "il reste 2 SEMAINES",
            "لم يتبق سوى 60 يوماً",
            "باقي 3 أسابيع",
        ] {
            assert!(PERIOD.get(t.len()).is_match(t), "{t}");
            assert!(may_hold_period(t), "{t}");
        }
        assert!(!may_hold_period("Only 60 left, see you soon"));
        for t in ["on Monday, 23 November", "À ce jour, 7 330 experts", "تُعقد يوم الاثنين 23", "60-days left"]
        {
            assert!(!may_hold_period(t), "{t}");
        }
        for t in ["57 MORE days", "2\u{A0}\u{17F}emaines", "٥٧ يوماً", "१ more\tweeks"] {
            assert!(may_hold_period(t), "{t}");
        }
        // `(?i)` reads `ſ` as `s`.
        let t = "plus que 5 \u{17F}emaines";
        assert!(PERIOD.get(t.len()).is_match(t) && may_hold_period(t));
    }

    #[test]
    fn only_two_characters_lower_case_to_ascii() {
        let odd: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, vec!['\u{130}', '\u{212A}']);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The case-insensitive search finds a unit exactly when lower-casing does.
        #[test]
        fn unit_search_agrees_with_lowercasing(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "D", "a", "Y", "w", "E", "e", "K", "\u{212A}", "k", "J", "o", "U", "r", "S", "m",
                "A", "İ", "i", "n", "N", " ", "ſ", "يوم", "أي", "ام", "أسب", "وع", "É", "ß",
            ]), 0..12)
        ) {
            let text: String = parts.concat();
            let found = if text.contains('\u{212A}') || text.contains('\u{130}') {
                by_lowercase(&text, &UNITS)
            } else {
                units().is_match(&text)
            };
            proptest::prop_assert_eq!(found, by_lowercase(&text, &UNITS));
        }

        /// The pre-check never skips a text the regex matches in: countdowns put together
        /// from right and wrong pieces (most texts match, many only just).
        #[test]
        fn pre_check_keeps_every_countdown(
            lead in proptest::sample::select(vec![
                "", "only ", "Only\u{A0}", "plus que ", "encore ", "reste\t", "il reste ", "لم يتبق ",
                "لم يتبق سوى ", "x", "Mon", "İ ",
            ]),
            count in proptest::sample::select(vec!["5", "57", "٥٧", "۵", "५", "", "x", "5x"]),
            gap in proptest::sample::select(vec![" ", "\u{A0}", "\t", "", "\u{2003}", "-", "  "]),
            more in proptest::sample::select(vec!["", "more ", "MORE\u{A0}", "mo ", "anymore ", "more"]),
            unit in proptest::sample::select(vec![
                "day", "days", "DAYS", "week", "weeks", "wee\u{212A}s", "jours", "semaines", "Semaines",
                "\u{17F}emaines", "emaines", "يوماً", "يوما", "أيام", "أسابيع", "أسبوعا", "jour",
            ]),
            gap2 in proptest::sample::select(vec![" ", "", "\u{A0}"]),
            tail in proptest::sample::select(vec!["left", "remaining", "to go", "", "x"]),
        ) {
            let text = format!("{lead}{count}{gap}{more}{unit}{gap2}{tail}");
            if PERIOD.get(text.len()).is_match(&text) {
                proptest::prop_assert!(may_hold_period(&text), "{:?}", text);
            }
        }
    }
}
