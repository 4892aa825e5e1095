//! Diagnostics: what rules produce and renderers print.

use crate::lang::Lang;
use crate::source::SourceFile;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A byte range in one file, with the language of the text there and a short label.
#[derive(Debug, Clone)]
pub struct Label {
    pub file: Arc<SourceFile>,
    pub lang: Lang,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

impl Label {
    pub fn new(
        file: &Arc<SourceFile>,
        lang: Lang,
        range: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Label {
        debug_assert!(range.start <= range.end && range.end <= file.text.len());
        debug_assert!(file.text.is_char_boundary(range.start));
        debug_assert!(file.text.is_char_boundary(range.end));
        Label { file: file.clone(), lang, start: range.start, end: range.end, message: message.into() }
    }

    pub fn text(&self) -> &str {
        &self.file.text[self.start..self.end]
    }
}

/// One finding. `primary` points at the offending text in the translation;
/// `related` at the source text it disagrees with.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub related: Vec<Label>,
    pub expected: Option<String>,
    pub found: Option<String>,
    /// Extra lines shown under the diagnostic in human output (a diff, a hint).
    pub notes: Vec<String>,
    /// A mechanical, certain fix (`oerlint check --fix`).
    pub fix: Option<Fix>,
}

/// Replace `range` of `file` with `replacement`.
#[derive(Debug, Clone)]
pub struct Fix {
    pub file: Arc<SourceFile>,
    pub range: std::ops::Range<usize>,
    pub replacement: String,
    /// Whether applying it settles the finding (a code's spacing fix does not settle a
    /// digit slip).
    pub resolves: bool,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        message: impl Into<String>,
        primary: Label,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            primary,
            related: Vec::new(),
            expected: None,
            found: None,
            notes: Vec::new(),
            fix: None,
        }
    }

    pub fn fix_opt(self, fix: Option<(std::ops::Range<usize>, String)>) -> Diagnostic {
        match fix {
            Some((r, s)) => self.fix(r, s),
            None => self,
        }
    }

    /// Attaches a fix that replaces the primary span's `range` with `replacement`.
    pub fn fix(mut self, range: std::ops::Range<usize>, replacement: impl Into<String>) -> Diagnostic {
        self.fix = Some(Fix {
            file: self.primary.file.clone(),
            range,
            replacement: replacement.into(),
            resolves: true,
        });
        self
    }

    /// Marks the attached fix as partial: the finding stays after it is applied.
    pub fn partial_fix(mut self) -> Diagnostic {
        if let Some(f) = &mut self.fix {
            f.resolves = false;
        }
        self
    }

    pub fn related(mut self, label: Label) -> Diagnostic {
        self.related.push(label);
        self
    }

    pub fn expected_found(mut self, expected: impl Into<String>, found: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Sort key: file, position, rule; makes output order deterministic.
    pub fn sort_key(&self) -> (String, usize, usize, &'static str, String) {
        (
            self.primary.file.display.clone(),
            self.primary.start,
            self.primary.end,
            self.rule,
            self.message.clone(),
        )
    }
}
