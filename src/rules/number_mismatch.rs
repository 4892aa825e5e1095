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
//! A percentage that a fraction word on the other side stands for is the same share
//! (`half of the members` / `50 % des membres` / `نصف الأعضاء`; `fractions` in the
//! locale tables); thirds have no exact percentage, so one within a point of them is left
//! alone. A number followed by a colon and a year (`Top 10:2021`) is the edition of a
//! name, not a number to compare.
//!
//! A number typed with its digit groups in display order (`000 100` for `100 000`, typed
//! so that a right-to-left paragraph shows it the right way round) is a defect of its
//! own: search, copy-paste and screen readers get `000 100`. It is reported once as
//! such, with the fix (the groups in logical order joined by a no-break space, which
//! keeps the number whole in right-to-left text), and not as a number missing.
//!
//! Example: English `Only 60 days left`; Arabic `لم يتبق سوى 75 يوماً`: `expected 60,
//! found 75`. `217th` / `217e` / `217` agree, and so do `42nd` / `الثانية والأربعين`.

use super::{compare, counterpart_label, missing_label, Ctx, Outcome, Pairing, Rule};
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

/// Whether a block writes a fraction word (`half`, `la moitié`, `نصف`) that a percentage
/// stands for: equal for halves and quarters, within a point for thirds, which no
/// percentage makes exact (then neither side can be said to be wrong).
fn fraction_for(ctx: &Ctx, v: &crate::check::Version, block: usize, a: &Anchor) -> bool {
    let Value::Quantity(n) = &a.value else { return false };
    if n.kind != crate::temporal::NumberKind::Percent {
        return false;
    }
    let Some(locale) = ctx.doc.settings.locale(v.lang.tag()) else { return false };
    let d = locale.data();
    let text = v.blocks[block].text.to_lowercase();
    let is_letter = |c: char| c.is_alphabetic();
    d.numbers.fractions.iter().any(|f| {
        let pct = f.value * 100.0;
        let exact = (pct - pct.round()).abs() < 1e-9;
        let near = if exact { (n.value - pct).abs() < 1e-9 } else { (n.value - pct).abs() < 1.0 };
        near && f.words.iter().any(|w| {
            let w = w.to_lowercase();
            text.match_indices(w.as_str()).any(|(i, m)| {
                // Before: the start of a word, or a clitic (Arabic و, ب, ل) glued to it.
                let word_start = text[..i]
                    .rfind(|c: char| !is_letter(c))
                    .map_or(0, |j| j + text[j..].chars().next().map_or(1, char::len_utf8));
                let prefix = &text[word_start..i];
                let before_ok = prefix.is_empty() || d.clitics.iter().any(|c| c == prefix);
                // After: the end of the word, or a pronoun suffix (Arabic ربعهم).
                let rest = &text[i + m.len()..];
                let end = rest.find(|c: char| !is_letter(c)).unwrap_or(rest.len());
                let suffix = &rest[..end];
                let after_ok = suffix.is_empty() || d.numbers.fraction_suffixes.iter().any(|x| x == suffix);
                before_ok && after_ok
            })
        })
    })
}

/// Whether a number is followed by a colon and a year (`Top 10:2021`): the edition of a
/// name, not a free number (the category codes `A10:2021` are codes already).
fn edition(text: &str, a: &Anchor) -> bool {
    let rest = text.get(a.span.end..).unwrap_or("");
    let mut cs = rest.chars();
    cs.next() == Some(':')
        && cs.clone().take(4).filter(|c| c.is_ascii_digit()).count() == 4
        && !cs.nth(4).is_some_and(|c| c.is_ascii_digit())
}

fn display_re() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"(?:^|[^\d.,٫٬])(?P<n>\d{3}(?:[ \x{A0}\x{202F}]\d{3})*[ \x{A0}\x{202F}]\d{1,3})(?:$|[^\d.,٫٬])",
        )
        .expect("display-order regex")
    })
}

/// Whether `text` holds a numeric character (`char::is_numeric`, which every `\d` is), a
/// space, U+00A0 or U+202F, and a numeric character in a row: [`display_re`] matches none
/// of a text without.
fn spaced_digits(text: &str) -> bool {
    let (mut numeric, mut after_numeric) = (false, false);
    for c in text.chars() {
        let n = crate::script::is_numeric(c);
        if n && after_numeric {
            return true;
        }
        after_numeric = numeric && matches!(c, ' ' | '\u{A0}' | '\u{202F}');
        numeric = n;
    }
    false
}

/// The numbers a text writes with their digit groups in display order (`000 100` for
/// 100 000, typed so that a right-to-left paragraph shows it the right way): where, the
/// value read in logical order, and that number written in logical order.
fn display_order_candidates(text: &str) -> Vec<(std::ops::Range<usize>, f64, String)> {
    // The pattern needs a digit, a group separator and a digit in a row: a text without
    // them (most) needs no search, and a run that meets none never compiles the pattern
    // (its Unicode digits cost millions of instructions to compile).
    if !spaced_digits(text) {
        return Vec::new();
    }
    display_order_search(text)
}

/// [`display_order_candidates`] without its precheck: the pattern's search itself.
fn display_order_search(text: &str) -> Vec<(std::ops::Range<usize>, f64, String)> {
    display_re()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.name("n")?;
            let groups: Vec<String> = m
                .as_str()
                .split([' ', '\u{A0}', '\u{202F}'])
                .map(|g| g.chars().map(crate::codes::ascii_digit).collect())
                .collect();
            let logical: Vec<&str> = groups.iter().rev().map(String::as_str).collect();
            let v: f64 = logical.concat().parse().ok()?;
            Some((m.range(), v, logical.join("\u{A0}")))
        })
        .collect()
}

/// Display-order numbers of the translation's blocks, read once per block (only in
/// right-to-left languages, where the reversal is typed to fight the bidi algorithm).
struct DisplayOrder<'a> {
    ctx: &'a Ctx<'a>,
    cache: std::collections::HashMap<usize, Vec<(std::ops::Range<usize>, f64, String)>>,
}

impl DisplayOrder<'_> {
    /// Where block `block` writes `value` in display order, and the number in logical order.
    fn find(&mut self, block: usize, value: f64) -> Option<(std::ops::Range<usize>, String)> {
        if value.fract() != 0.0 || value < 1000.0 || !self.ctx.tgt.lang.is_rtl() {
            return None;
        }
        let text = &self.ctx.tgt.blocks[block].text;
        let found = self.cache.entry(block).or_insert_with(|| display_order_candidates(text));
        found.iter().find(|(_, v, _)| *v == value).map(|(r, _, l)| (r.clone(), l.clone()))
    }
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    let outcomes = compare(ctx, Kind::Quantity, Pairing::SameBlockIf(both_digits));
    // Numbers typed in display order: one finding of their own, and their parts are not
    // reported again as numbers.
    let mut reordered: Vec<std::ops::Range<usize>> = Vec::new();
    let mut display = DisplayOrder { ctx, cache: Default::default() };
    for o in &outcomes {
        let (src, block) = match o {
            Outcome::Missing { src, at } => (src, *at),
            Outcome::Changed(s, t) => (s, t.block),
            _ => continue,
        };
        let b = &ctx.tgt.blocks[block];
        let Some((r, logical)) = display.find(block, value(src.anchor)) else { continue };
        let span = b.file_range(r.clone());
        if reordered.iter().any(|x| x.start < span.end && span.start < x.end) {
            continue;
        }
        let written = &b.text[r];
        let in_file = ctx.tgt.file.text.get(span.clone()) == Some(written);
        reordered.push(span.clone());
        out.push(
            Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "number typed in display order: `{written}` is {} with its digit groups reversed",
                    src.anchor.shown
                ),
                crate::diag::Label::new(&ctx.tgt.file, ctx.tgt.lang, span.clone(), format!("write `{logical}` (groups joined by a no-break space)")),
            )
            .related(ctx.src.anchor_label(src.anchor, format!("{sl} has {}", src.anchor.shown)))
            .note("typed reversed so that it shows right in right-to-left text, it reads wrong to search, copy-paste and screen readers; a no-break space (U+00A0) between the groups in logical order keeps the number whole and in order")
            .expected_found(logical.as_str(), written)
            .fix_opt(in_file.then(|| (span.clone(), logical.clone()))),
        );
    }
    let inside = |a: &Anchor| reordered.iter().any(|r| r.start <= a.span.start && a.span.end <= r.end);
    for o in outcomes {
        let d = match o {
            Outcome::Same(..) | Outcome::Present(..) => continue,
            Outcome::Missing { src, at }
                if display
                    .find(at, value(src.anchor))
                    .is_some_and(|(r, _)| reordered.contains(&ctx.tgt.blocks[at].file_range(r))) =>
            {
                continue
            }
            Outcome::Changed(_, t) | Outcome::Extra { tgt: t, .. } if inside(t.anchor) => continue,
            Outcome::Missing { src, .. } if edition(&ctx.src.file.text, src.anchor) => continue,
            Outcome::Extra { tgt, .. } if edition(&ctx.tgt.file.text, tgt.anchor) => continue,
            // "half of the members" against "50 % des membres": the same share.
            Outcome::Missing { src, at } if fraction_for(ctx, ctx.tgt, at, src.anchor) => continue,
            Outcome::Extra { tgt, near } if fraction_for(ctx, ctx.src, near, tgt.anchor) => continue,
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
                    missing_label(ctx, &src, at, &src.anchor.key),
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
                .related(counterpart_label(ctx, &tgt, near))
                .expected_found("", tgt.anchor.key.as_str())
            }
            _ => continue,
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_order_numbers_are_found() {
        let t = "بلغ عدد المشاركين 000 100 مشارك";
        let found = display_order_candidates(t);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, 100_000.0);
        assert_eq!(found, display_order_search(t));
        assert!(spaced_digits("٣٠٠\u{202F}٥") && !spaced_digits("100 ab 5") && !spaced_digits("1  2"));
    }

    proptest::proptest! {
        /// The numbers found are those of the search over every text.
        #[test]
        fn candidates_are_those_of_the_search(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "0", "٣", "۵", "५", "²", "123", "٣٤٥", " ", "\u{A0}", "\u{202F}", ".", ",", "٫", "a", "ب",
            ]), 0..24),
        ) {
            let t = parts.concat();
            proptest::prop_assert_eq!(display_order_candidates(&t), display_order_search(&t), "{:?}", t);
        }
    }
}
