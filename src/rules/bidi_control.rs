//! # bidi-control (error)
//!
//! Bidirectional control characters that are unbalanced in their paragraph, and any
//! override at all.
//!
//! Embeddings (U+202A LRE, U+202B RLE), overrides (U+202D LRO, U+202E RLO) and isolates
//! (U+2066 LRI, U+2067 RLI, U+2068 FSI) change the order in which text is displayed until
//! they are closed by U+202C PDF or U+2069 PDI. Left open, they scramble everything after
//! them; an override can make a reader see something other than what the file says (the
//! "Trojan Source" attack, CVE-2021-42574). Overrides are reported even when closed:
//! text never needs them. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are fine.
//!
//! The message shows the invisible characters by their code points, and how the paragraph
//! is displayed when that differs from the order in the file. A run of the same control
//! with the same problem (`U+2067 U+2067 U+2067`, none closed) is one finding for the run,
//! and `--fix` removes the run.
//!
//! Example: `Le code est CL/4398\u{202E} inversé` is reported: the override U+202E is
//! never closed and displays the rest of the paragraph backwards.

use super::{Blocks, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::script::describe_char;

pub const RULE: Rule = Rule {
    id: "bidi-control",
    severity: Severity::Error,
    summary: "unbalanced bidi embeddings/isolates, or any bidi override",
    pair: None,
    blocks: Some(check),
    default_enabled: true,
};

fn is_opener(c: char) -> bool {
    matches!(c, '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' | '\u{2066}' | '\u{2067}' | '\u{2068}')
}

/// Whether `text` holds an opener, U+202C or U+2069 (U+202A–U+202E, U+2066–U+2069),
/// found by their UTF-8 bytes: every one starts with the byte E2, which most texts do not
/// hold at all (a test that does not decode the text).
fn has_control(text: &str) -> bool {
    let b = text.as_bytes();
    b.contains(&0xE2)
        && b.windows(3).any(|w| {
            w[0] == 0xE2
                && ((w[1] == 0x80 && (0xAA..=0xAE).contains(&w[2]))
                    || (w[1] == 0x81 && (0xA6..=0xA9).contains(&w[2])))
        })
}

fn is_isolate(c: char) -> bool {
    matches!(c, '\u{2066}' | '\u{2067}' | '\u{2068}')
}

/// The display order of a paragraph, with invisible characters shown as code points.
fn displayed(text: &str) -> String {
    let info = unicode_bidi::BidiInfo::new(text, None);
    let mut out = String::new();
    for para in &info.paragraphs {
        out.push_str(&info.reorder_line(para, para.range.clone()));
    }
    let shown = crate::render::visible(out.trim_end());
    // A note, not a copy of the paragraph: one finding per control, and 50,000 controls
    // in a long paragraph made gigabytes of notes.
    match shown.char_indices().nth(MAX_SHOWN) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown,
    }
}

/// The longest display order shown, in characters.
const MAX_SHOWN: usize = 1000;

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    let hint: std::sync::Arc<str> =
        "remove the character, or close it (U+202C after an embedding, U+2069 after an isolate)".into();
    for block in b.blocks {
        let text = &block.text;
        if !has_control(text) {
            continue;
        }
        // Stack of open controls: (position, char).
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut problems: Vec<(usize, char, String)> = Vec::new();
        for (i, c) in text.char_indices() {
            if is_opener(c) {
                if matches!(c, '\u{202D}' | '\u{202E}') {
                    problems.push((
                        i,
                        c,
                        format!("{} is an override: it reverses how the text is shown", describe_char(c)),
                    ));
                }
                open.push((i, c));
            } else if c == '\u{202C}' {
                match open.iter().rposition(|(_, o)| !is_isolate(*o)) {
                    Some(k) => {
                        open.truncate(k);
                    }
                    None => {
                        problems.push((i, c, "U+202C (pop directional formatting) closes nothing".into()))
                    }
                }
            } else if c == '\u{2069}' {
                match open.iter().rposition(|(_, o)| is_isolate(*o)) {
                    Some(k) => open.truncate(k),
                    None => problems.push((i, c, "U+2069 (pop directional isolate) closes nothing".into())),
                }
            }
        }
        let open_at_end: Vec<usize> = open.iter().map(|(i, _)| *i).collect();
        // Problems so far are in text order: a binary search, not a scan per control
        // (50,000 unclosed embeddings were 2.5 billion comparisons).
        let flagged: Vec<usize> = problems.iter().map(|p| p.0).collect();
        for (i, c) in open {
            if flagged.binary_search(&i).is_err() {
                problems.push((i, c, format!("{} is never closed in its paragraph", describe_char(c))));
            }
        }
        problems.sort_by_key(|p| p.0);
        // A run of the same control with the same problem, one after the other, is one
        // finding for the run (50,000 unclosed U+202B in a row were 50,000 findings).
        let mut runs: Vec<(usize, usize, char, String, bool)> = Vec::new();
        for (i, c, why) in problems {
            // Unbalanced controls are removed by --fix; a balanced override is left to a person.
            let unbalanced = !why.contains("is an override") || open_at_end.binary_search(&i).is_ok();
            match runs.last_mut() {
                Some((_, end, rc, rwhy, ru))
                    if *end == i && *rc == c && *rwhy == why && *ru == unbalanced =>
                {
                    *end = i + c.len_utf8()
                }
                _ => runs.push((i, i + c.len_utf8(), c, why, unbalanced)),
            }
        }
        // Computed once per paragraph (it was once per finding: quadratic), and shared by
        // its findings (50,000 copies of it were 100 MB).
        let mut shown: Option<std::sync::Arc<str>> = None;
        for (start, end, c, why, unbalanced) in runs {
            let span = block.file_range(start..end);
            let count = (end - start) / c.len_utf8();
            let removal = (unbalanced && span.len() == end - start).then(|| (span.clone(), String::new()));
            let (what, found) = if count == 1 {
                (describe_char(c), describe_char(c))
            } else {
                (
                    format!("{} ({count} in a row)", describe_char(c)),
                    format!("{count} × {}", describe_char(c)),
                )
            };
            let label = if count == 1 { why.clone() } else { format!("{count} in a row: {why}") };
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("bidi control character {what}: {why}"),
                    Label::new(b.file, b.lang, span, label),
                )
                .note(
                    shown
                        .get_or_insert_with(|| {
                            format!("the paragraph is displayed as: {}", displayed(text)).into()
                        })
                        .clone(),
                )
                .note(hint.clone())
                .expected_found("balanced isolates, no overrides", found)
                .fix_opt(removal),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_found_by_their_bytes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let t = format!("a{c}b");
            assert_eq!(has_control(&t), is_opener(c) || matches!(c, '\u{202C}' | '\u{2069}'), "{c:?}");
        }
    }
}
