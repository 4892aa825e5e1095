//! Suppression comments in Markdown files, as markdownlint has them:
//! `<!-- oerlint-disable-next-line RULE[, RULE] -->`, `<!-- oerlint-disable RULE -->` …
//! `<!-- oerlint-enable RULE -->`, and `<!-- oerlint-disable-file RULE -->`. Without a
//! rule they apply to every rule. A suppression that suppresses nothing is reported as an
//! `unused-suppression` note.

use crate::diag::{Diagnostic, Label, Severity};
use crate::lang::Lang;
use crate::source::SourceFile;
use regex::Regex;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Debug, Clone)]
struct Directive {
    kind: Kind,
    /// Empty: every rule.
    rules: Vec<String>,
    span: Range<usize>,
    used: bool,
}

fn re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"<!--\s*oerlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
            .expect("suppression regex")
    })
}

fn parse(text: &str) -> Vec<Directive> {
    // Every directive holds `oerlint-`: a file without it (most) is neither searched nor
    // the regex compiled.
    if !text.contains("oerlint-") {
        return Vec::new();
    }
    re().captures_iter(text)
        .map(|c| Directive {
            kind: match &c[1] {
                "disable-next-line" => Kind::NextLine,
                "disable-file" => Kind::File,
                "disable" => Kind::Disable,
                _ => Kind::Enable,
            },
            rules: c[2].split([',', ' ']).filter(|s| !s.is_empty()).map(str::to_string).collect(),
            span: c.get(0).expect("match").range(),
            used: false,
        })
        .collect()
}

fn covers(d: &Directive, rule: &str) -> bool {
    d.rules.is_empty() || d.rules.iter().any(|r| r == rule)
}

/// The line index after `offset`'s line that holds text (the line a next-line
/// suppression is about).
fn next_text_line(file: &SourceFile, offset: usize) -> usize {
    let mut line = file.line_index(offset) + 1;
    while line < file.line_count() && file.line_text(line).trim().is_empty() {
        line += 1;
    }
    line
}

/// Removes suppressed diagnostics of the given files, and adds a note for each
/// suppression comment that suppressed nothing (when `report_unused`).
pub fn apply(files: &[Arc<SourceFile>], diags: &mut Vec<Diagnostic>, report_unused: bool) {
    for file in files {
        let mut dirs = parse(&file.text);
        if dirs.is_empty() {
            continue;
        }
        diags.retain(|d| {
            if !Arc::ptr_eq(&d.primary.file, file) && d.primary.file.path != file.path {
                return true;
            }
            let line = file.line_index(d.primary.start);
            let mut hit = None;
            for (i, x) in dirs.iter().enumerate() {
                if !covers(x, d.rule) {
                    continue;
                }
                let applies = match x.kind {
                    Kind::File => true,
                    Kind::NextLine => next_text_line(file, x.span.start) == line,
                    Kind::Disable => {
                        x.span.end <= d.primary.start
                            && !dirs.iter().any(|e| {
                                e.kind == Kind::Enable
                                    && covers(e, d.rule)
                                    && e.span.start > x.span.end
                                    && e.span.start < d.primary.start
                            })
                    }
                    Kind::Enable => false,
                };
                if applies {
                    hit = Some(i);
                    break;
                }
            }
            match hit {
                Some(i) => {
                    dirs[i].used = true;
                    false
                }
                None => true,
            }
        });
        if !report_unused {
            continue;
        }
        for x in dirs.iter().filter(|x| !x.used && x.kind != Kind::Enable) {
            let unknown: Vec<&String> = x.rules.iter().filter(|r| crate::rules::find(r).is_none()).collect();
            let what = if unknown.is_empty() {
                "this suppression suppresses nothing".to_string()
            } else if let [one] = unknown[..] {
                format!("this suppression names an {}", crate::rules::unknown_rule(one))
            } else {
                format!(
                    "this suppression names unknown rule{} `{}`",
                    if unknown.len() > 1 { "s" } else { "" },
                    unknown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("`, `")
                )
            };
            let label = Label::new(file, Lang::UND, x.span.clone(), what.clone());
            diags.push(
                Diagnostic::new(
                    "unused-suppression",
                    Severity::Note,
                    format!("unused suppression: {what}"),
                    label,
                )
                .note("remove the comment, or fix the rule id"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives() {
        let d = parse("<!-- oerlint-disable-next-line email-mismatch, code-mismatch -->\n<!--oerlint-disable-file-->\n<!-- oerlint-disable link-placeholder -->x<!-- oerlint-enable link-placeholder -->");
        assert_eq!(d.len(), 4);
        assert_eq!(d[0].kind, Kind::NextLine);
        assert_eq!(d[0].rules, vec!["email-mismatch", "code-mismatch"]);
        assert_eq!(d[1].kind, Kind::File);
        assert!(d[1].rules.is_empty());
        assert_eq!(d[2].kind, Kind::Disable);
        assert_eq!(d[3].kind, Kind::Enable);
    }
}
