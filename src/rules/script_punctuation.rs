//! # script-punctuation (note, off by default)
//!
//! Punctuation of the wrong script: a Latin comma, semicolon or question mark between
//! Arabic words, where `،` `؛` `؟` are expected; straight double quotes in French text,
//! where « » are expected.
//!
//! It is a matter of house style, so the rule is off unless selected
//! (`--select script-punctuation`).
//!
//! Example: `مرحباً, أهلاً` is reported (the comma should be `،`); `UNESCO, OER` inside
//! Arabic text is not, since the comma stands between Latin words.

use super::{Blocks, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::lang::Lang;
use crate::script::letter_script;
use unicode_script::{Script, UnicodeScript};

pub const RULE: Rule = Rule {
    id: "script-punctuation",
    severity: Severity::Note,
    summary: "Latin punctuation in Arabic prose, straight quotes in French",
    pair: None,
    blocks: Some(check),
    default_enabled: false,
};

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    for block in b.blocks.iter().filter(|bl| !bl.code_only) {
        let text = &block.text;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let letter_near = |k: usize, step: isize| -> Option<Script> {
            let mut j = k as isize + step;
            while j >= 0 && (j as usize) < chars.len() {
                let c = chars[j as usize].1;
                if let Some(s) = letter_script(c) {
                    return Some(s);
                }
                let mark = c.script() == Script::Inherited || c == '\u{0640}';
                if !c.is_whitespace() && !mark {
                    return None;
                }
                j += step;
            }
            None
        };
        for (k, &(i, c)) in chars.iter().enumerate() {
            let want = match (b.lang, c) {
                (Lang::AR, ',') => "،",
                (Lang::AR, ';') => "؛",
                (Lang::AR, '?') => "؟",
                (Lang::FR, '"') => "« »",
                _ => continue,
            };
            let arabic = |s: Option<Script>| s == Some(Script::Arabic);
            let fits = if b.lang == Lang::AR {
                arabic(letter_near(k, -1)) && (arabic(letter_near(k, 1)) || letter_near(k, 1).is_none())
            } else {
                true
            };
            if !fits {
                continue;
            }
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("`{c}` in {} text; expected {want}", b.lang.name()),
                    Label::new(
                        b.file,
                        b.lang,
                        block.file_range(i..i + c.len_utf8()),
                        format!("expected {want}"),
                    ),
                )
                .expected_found(want, c.to_string()),
            );
        }
    }
}
