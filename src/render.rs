//! Rendering diagnostics: human (codespan-reporting, like rustc) and JSON (docs/json.md).

use crate::diag::{Diagnostic, Label, Severity};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;
use std::collections::HashMap;

/// Counts for the summary line and the JSON summary.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn count(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            self.add(d.severity);
        }
    }

    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }
}

#[derive(Serialize)]
struct JsonSpan {
    path: String,
    lang: &'static str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: String,
    label: String,
}

/// One diagnostic as the JSON report shows it. It owns its text, so a report can be
/// built group by group without keeping the files the diagnostics point into.
#[derive(Serialize)]
pub struct JsonDiagnostic {
    rule: &'static str,
    severity: Severity,
    message: String,
    primary: JsonSpan,
    related: Vec<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<String>,
    /// The certain fix `oerlint check --fix` applies (an addition to version 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix>,
}

/// A fix: the edits `--fix` makes, and whether they settle the finding.
#[derive(Serialize)]
struct JsonFix {
    /// `true` when applying the edits makes the finding go away.
    resolves: bool,
    edits: Vec<JsonEdit>,
}

/// Replace the bytes `start..end` of `path` with `replacement`.
#[derive(Serialize)]
struct JsonEdit {
    path: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: String,
}

fn json_fix(f: &crate::diag::Fix) -> JsonFix {
    let (line, column) = f.file.line_col(f.range.start);
    let (end_line, end_column) = f.file.line_col(f.range.end);
    JsonFix {
        resolves: f.resolves,
        edits: vec![JsonEdit {
            path: f.file.display.clone(),
            start: f.range.start,
            end: f.range.end,
            line,
            column,
            end_line,
            end_column,
            replacement: f.replacement.clone(),
        }],
    }
}

#[derive(Serialize)]
struct JsonReport {
    version: u32,
    diagnostics: Vec<JsonDiagnostic>,
    summary: Summary,
}

fn span(l: &Label) -> JsonSpan {
    let (line, column) = l.file.line_col(l.start);
    let (end_line, end_column) = l.file.line_col(l.end);
    JsonSpan {
        path: l.file.display.clone(),
        lang: l.lang.tag(),
        start: l.start,
        end: l.end,
        line,
        column,
        end_line,
        end_column,
        text: l.text().to_string(),
        label: l.message.clone(),
    }
}

/// The diagnostics as JSON items, in order.
pub fn json_items(diags: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    diags
        .iter()
        .map(|d| JsonDiagnostic {
            rule: d.rule,
            severity: d.severity,
            message: d.message.clone(),
            primary: span(&d.primary),
            related: d.related.iter().map(span).collect(),
            expected: d.expected.clone(),
            found: d.found.clone(),
            fix: d.fix.as_ref().map(json_fix),
        })
        .collect()
}

/// The JSON report, version 1, from items made by [`json_items`].
pub fn json_report(items: Vec<JsonDiagnostic>, summary: Summary) -> String {
    let report = JsonReport { version: 1, diagnostics: items, summary };
    let mut s = serde_json::to_string_pretty(&report).expect("JSON of plain data");
    s.push('\n');
    s
}

/// The JSON report, version 1.
pub fn json(diags: &[Diagnostic], summary: Summary) -> String {
    json_report(json_items(diags), summary)
}

/// Invisible and direction-changing characters, shown as code points in human output.
pub fn visible(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}' => out.push_str(&format!("<U+{:04X}>", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// The file text as shown in snippets: invisible and direction-changing characters are
/// replaced by a visible symbol of the same UTF-8 length (`◆` for the three-byte ones),
/// so that byte offsets, and so labels, stay right while the terminal shows where they
/// are and does not reorder the line because of them. Labels name the code points.
fn shown_source(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let invisible = matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            || (c == '\u{FEFF}' && i > 0);
        match c {
            _ if invisible && c.len_utf8() == 3 => out.push('◆'),
            '\u{061C}' => out.push('¤'),
            _ => out.push(c),
        }
    }
    debug_assert_eq!(out.len(), text.len());
    out
}

/// Human output: one codespan-reporting diagnostic per finding, labels in every file.
pub fn human(diags: &[Diagnostic], writer: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<*const crate::source::SourceFile, usize> = HashMap::new();
    let mut id_of = |l: &Label, files: &mut SimpleFiles<String, String>| {
        let key = std::sync::Arc::as_ptr(&l.file);
        *ids.entry(key).or_insert_with(|| files.add(l.file.display.clone(), shown_source(&l.file.text)))
    };
    let config = term::Config::default();
    for d in diags {
        let sev = match d.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
            Severity::Note => cs::Severity::Note,
        };
        let mut labels = Vec::new();
        let pid = id_of(&d.primary, &mut files);
        let quote = |l: &Label| {
            let t = l.text();
            if t.is_empty() || t.chars().count() > 50 || t.contains('\n') {
                format!("[{}] {}", l.lang, crate::diag::isolate_rtl(&visible(&l.message)))
            } else {
                format!("[{}] {} «{}»", l.lang, crate::diag::isolate_rtl(&visible(&l.message)), visible(t))
            }
        };
        labels.push(cs::Label::primary(pid, d.primary.start..d.primary.end).with_message(quote(&d.primary)));
        for r in &d.related {
            let rid = id_of(r, &mut files);
            labels.push(cs::Label::secondary(rid, r.start..r.end).with_message(quote(r)));
        }
        let mut notes: Vec<String> = d.notes.iter().map(|n| crate::diag::isolate_rtl(&visible(n))).collect();
        if let Some(e) = d.expected.as_deref().filter(|e| !e.is_empty()) {
            notes.push(format!("expected: {}", visible(e)));
        }
        if let Some(f) = d.found.as_deref().filter(|f| !f.is_empty()) {
            notes.push(format!("found:    {}", visible(f)));
        }
        // `[*]`: `--fix` can repair it (ruff's mark).
        let fixable = if d.fix.as_ref().is_some_and(|f| f.resolves) { "[*] " } else { "" };
        let diag = cs::Diagnostic::new(sev)
            .with_code(d.rule)
            .with_message(format!("{fixable}{}", crate::diag::isolate_rtl(&visible(&d.message))))
            .with_labels(labels)
            .with_notes(notes);
        term::emit(writer, &config, &files, &diag).map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    Ok(())
}

/// The closing line of human output.
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "checked {} in {}: {}, {}, {}",
        plural(s.documents, "document"),
        plural(s.files, "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note")
    )
}
