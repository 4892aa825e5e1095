//! Rendering diagnostics: human (codespan-reporting, like rustc) and JSON (docs/json.md).

use crate::diag::{Diagnostic, Label, Severity};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;
use std::sync::Arc;

/// Counts for the summary line and the JSON summary.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Findings `--fix` repairs (an addition to the JSON report's version 1).
    pub fixable: usize,
}

impl Summary {
    pub fn count(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            self.add(d.severity);
            self.fixable += usize::from(d.fix.as_ref().is_some_and(|f| f.resolves));
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
    /// What the human output prints under the finding (`= …`): why, or what to do (an
    /// addition to version 1; absent when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
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

fn json_item(d: &Diagnostic) -> JsonDiagnostic {
    JsonDiagnostic {
        rule: d.rule,
        severity: d.severity,
        message: d.message.clone(),
        primary: span(&d.primary),
        related: d.related.iter().map(span).collect(),
        expected: d.expected.clone(),
        found: d.found.clone(),
        notes: d.notes.iter().map(|n| n.to_string()).collect(),
        fix: d.fix.as_ref().map(json_fix),
    }
}

/// The diagnostics as JSON items, in order.
pub fn json_items(diags: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    diags.iter().map(json_item).collect()
}

/// The same, each diagnostic dropped once it is an item: a group's findings and their
/// items are not all in memory at once.
pub fn json_items_owned(diags: Vec<Diagnostic>) -> Vec<JsonDiagnostic> {
    diags.into_iter().map(|d| json_item(&d)).collect()
}

/// The JSON report written piece by piece, byte for byte as [`json_report`] writes it
/// whole: the start and the items as groups finish, the end and the summary last.
#[derive(Default)]
pub struct JsonStream {
    items: usize,
}

fn indent(s: &str, by: &str) -> String {
    s.lines().map(|l| format!("{by}{l}")).collect::<Vec<_>>().join("\n")
}

impl JsonStream {
    /// The text for these items (with the report's start before the first item).
    pub fn items(&mut self, items: &[JsonDiagnostic]) -> String {
        let mut out = String::new();
        for item in items {
            out.push_str(if self.items == 0 {
                "{\n  \"version\": 1,\n  \"diagnostics\": [\n"
            } else {
                ",\n"
            });
            let one = serde_json::to_string_pretty(item).expect("JSON of plain data");
            out.push_str(&indent(&one, "    "));
            self.items += 1;
        }
        out
    }

    /// The report's end: the array closed, the summary.
    pub fn finish(&self, summary: &Summary) -> String {
        let mut out = if self.items == 0 {
            "{\n  \"version\": 1,\n  \"diagnostics\": [],\n".to_string()
        } else {
            "\n  ],\n".to_string()
        };
        let s = serde_json::to_string_pretty(summary).expect("JSON of plain data");
        let s = indent(&s, "  ");
        out.push_str("  \"summary\": ");
        out.push_str(s.trim_start());
        out.push_str("\n}\n");
        out
    }
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

/// Invisible and direction-changing characters named by their code points (`<U+202E>`),
/// control characters kept: the machine formats (short, GitHub, HTML) escape those their
/// own way.
pub fn named_invisibles(s: &str) -> String {
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

/// Characters that must not reach a terminal as they are: C0 controls but tab and line
/// feed (ESC starts escape sequences, BEL rings, CR overwrites the line), DEL, C1
/// controls (CSI, OSC…), and invisible or direction-changing characters (zero-width
/// spaces and joiners, bidi embeddings, overrides and isolates, the Arabic letter mark,
/// the byte order mark, line and paragraph separators).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}')
}

/// Text for a terminal: every character [`is_unsafe`] shown as its code point,
/// `<U+001B>`, so that it is visible and inert. Tabs and line feeds are kept.
pub fn visible(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A one-line text for a terminal (a file name, a value): [`visible`], with tabs and
/// line feeds shown as code points too.
pub fn visible_line(s: &str) -> String {
    visible(s).replace('\t', "<U+0009>").replace('\n', "<U+000A>")
}

/// Human output: one codespan-reporting diagnostic per finding, labels in every file.
/// Snippets show only the lines labelled, made safe and cut when long
/// ([`crate::snippet`]).
pub fn human(diags: &[Diagnostic], writer: &mut dyn WriteColor) -> std::io::Result<()> {
    let config = term::Config::default();
    for d in diags {
        let sev = match d.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
            Severity::Note => cs::Severity::Note,
        };
        let quote = |l: &Label| {
            let t = l.text();
            if t.is_empty() || t.chars().count() > 50 || t.contains('\n') {
                format!("[{}] {}", l.lang, crate::diag::isolate_rtl(&visible(&l.message)))
            } else {
                format!("[{}] {} «{}»", l.lang, crate::diag::isolate_rtl(&visible(&l.message)), visible(t))
            }
        };
        // An input problem with nothing to show (a folder, a file not read) has no snippet.
        let all: Vec<&Label> = if d.primary.file.text.is_empty() && d.related.is_empty() {
            Vec::new()
        } else {
            std::iter::once(&d.primary).chain(&d.related).collect()
        };
        let mut notes: Vec<String> = d.notes.iter().map(|n| crate::diag::isolate_rtl(&visible(n))).collect();
        if let Some(e) = d.expected.as_deref().filter(|e| !e.is_empty()) {
            notes.push(format!("expected: {}", visible(e)));
        }
        if let Some(f) = d.found.as_deref().filter(|f| !f.is_empty()) {
            notes.push(format!("found:    {}", visible(f)));
        }
        // `[*]`: `--fix` can repair it (ruff's mark).
        let fixable = if d.fix.as_ref().is_some_and(|f| f.resolves) { "[*] " } else { "" };
        let labels: Vec<(&Label, String, bool)> =
            all.iter().enumerate().map(|(i, l)| (*l, quote(l), i == 0)).collect();
        let message = format!("{fixable}{}", crate::diag::isolate_rtl(&visible(&d.message)));
        emit(writer, &config, sev, d.rule, &message, &labels, notes)?;
    }
    Ok(())
}

/// Renders one diagnostic through codespan-reporting, with excerpts of its files.
/// Messages must be made [`visible`] by the caller.
pub fn emit(
    writer: &mut dyn WriteColor,
    config: &term::Config,
    severity: cs::Severity,
    code: &str,
    message: &str,
    labels: &[(&Label, String, bool)],
    notes: Vec<String>,
) -> std::io::Result<()> {
    let mut files = crate::snippet::Excerpts::default();
    let mut shown = Vec::new();
    for (l, text, primary) in labels {
        let id = files.id_of(&l.file, || {
            labels
                .iter()
                .filter(|(o, _, _)| Arc::ptr_eq(&o.file, &l.file))
                .map(|(o, _, _)| o.start..o.end)
                .collect()
        });
        let ex = &files.files[id];
        let range = ex.map(l.start)..ex.map(l.end);
        let label = if *primary { cs::Label::primary(id, range) } else { cs::Label::secondary(id, range) };
        shown.push(label.with_message(text.clone()));
    }
    let diag = cs::Diagnostic::new(severity)
        .with_code(code)
        .with_message(message)
        .with_labels(shown)
        .with_notes(notes);
    term::emit(writer, config, &files, &diag).map_err(|e| std::io::Error::other(e.to_string()))
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
    let fixable = if s.fixable > 0 { format!(" ({} fixable with --fix)", s.fixable) } else { String::new() };
    format!(
        "checked {} in {}: {}, {}, {}{fixable}",
        plural(s.documents, "document"),
        plural(s.files, "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note")
    )
}

/// `--statistics`: findings per rule, most first (as ruff prints them); `[*]` marks rules
/// whose findings `--fix` repairs.
pub fn statistics(kinds: &[(&'static str, Severity, bool)], summary: &Summary) -> String {
    let mut per: std::collections::BTreeMap<&str, (usize, usize, Severity)> = Default::default();
    for &(rule, sev, fixable) in kinds {
        let e = per.entry(rule).or_insert((0, 0, sev));
        e.0 += 1;
        e.1 += usize::from(fixable);
        e.2 = e.2.min(sev);
    }
    let mut rows: Vec<_> = per.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|(_, (n, _, _))| n.to_string().len()).max().unwrap_or(1);
    let w_rule = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(4);
    let mut out = String::new();
    for (rule, (n, fixable, sev)) in rows {
        let mark = if fixable == n {
            "[*] "
        } else if fixable > 0 {
            "[-] "
        } else {
            "    "
        };
        out.push_str(&format!("{n:>width$}  {rule:<w_rule$}  {mark}{}\n", sev.as_str()));
    }
    out.push_str(&summary_line(summary));
    out.push('\n');
    out
}
