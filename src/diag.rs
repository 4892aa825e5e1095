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
    /// Extra lines shown under the diagnostic in human output (a diff, a hint). Shared
    /// text: the findings of one paragraph can carry one long note (bidi-control's
    /// display order) without a copy each.
    pub notes: Vec<Arc<str>>,
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

    pub fn note(mut self, note: impl Into<Arc<str>>) -> Diagnostic {
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

/// The parts of a message to isolate from the text around them so that the bidi
/// algorithm does not scramble them: the inside of a quoted value (`…`, «…», “…”) that
/// holds right-to-left letters, and any other run from a right-to-left letter to the
/// last right-to-left letter before left-to-right text. Text output wraps each in U+2068
/// FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, HTML in `<bdi>`.
pub fn rtl_ranges(s: &str) -> Vec<std::ops::Range<usize>> {
    use unicode_bidi::{bidi_class, BidiClass};
    let rtl = |c: char| matches!(bidi_class(c), BidiClass::R | BidiClass::AL);
    let ltr = |c: char| bidi_class(c) == BidiClass::L;
    if !s.chars().any(rtl) {
        return Vec::new();
    }
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    // Quoted values.
    for (open, close) in [('`', '`'), ('«', '»'), ('“', '”')] {
        let mut from = 0;
        while let Some(a) = s[from..].find(open).map(|k| from + k + open.len_utf8()) {
            let Some(b) = s[a..].find(close).map(|k| a + k) else { break };
            if s[a..b].chars().any(rtl) && !out.iter().any(|r| r.start < b && a < r.end) {
                out.push(a..b);
            }
            from = b + close.len_utf8();
        }
    }
    // Other runs of right-to-left text.
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !rtl(c) || out.iter().any(|r| r.contains(&i)) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if ltr(d)
                || out.iter().any(|r| r.start == j)
                || matches!(d, '`' | '«' | '»' | '“' | '”' | '(' | ')')
            {
                break;
            }
            if rtl(d) {
                end = j + d.len_utf8();
            }
            chars.next();
        }
        out.push(i..end);
    }
    out.sort_by_key(|r| r.start);
    out
}

/// `s` with its right-to-left values isolated (U+2068 … U+2069), for text output.
pub fn isolate_rtl(s: &str) -> String {
    let ranges = rtl_ranges(s);
    if ranges.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 6 * ranges.len());
    let mut at = 0;
    for r in ranges {
        out.push_str(&s[at..r.start]);
        out.push('\u{2068}');
        out.push_str(&s[r.clone()]);
        out.push('\u{2069}');
        at = r.end;
    }
    out.push_str(&s[at..]);
    out
}

#[cfg(test)]
mod bidi_tests {
    use super::*;

    #[test]
    fn right_to_left_values_are_isolated() {
        assert_eq!(
            isolate_rtl("time differs: found 15:00 بتوقيت باريس (13:00 UTC)"),
            "time differs: found 15:00 \u{2068}بتوقيت باريس\u{2069} (13:00 UTC)"
        );
        assert_eq!(isolate_rtl("found `المزيد 98` here"), "found `\u{2068}المزيد 98\u{2069}` here");
        assert_eq!(
            isolate_rtl("extra section in Arabic: “المترجمين” has none"),
            "extra section in Arabic: “\u{2068}المترجمين\u{2069}” has none"
        );
        assert_eq!(isolate_rtl("no Arabic here"), "no Arabic here");
        let s = "a «שלום» b `x` c";
        assert_eq!(rtl_ranges(s).len(), 1);
    }
}
