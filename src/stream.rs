//! The report as it is written: each group's findings rendered as soon as the group is
//! checked ([`Rendered`]), and written to standard output in group order while the rest
//! is checked ([`LiveWriter`]), so memory grows neither with the tree nor with the
//! findings. Also the text of a configuration error.

use crate::config;
use crate::diag::{Diagnostic, Label, Severity};
use crate::lang::Lang;
use crate::output::WriteError;
use crate::render::{self, visible, visible_line};
use codespan_reporting::term::termcolor;
use std::io::Write as _;
use std::sync::Arc;

/// A group's findings rendered as soon as it is checked, so that its files are dropped
/// with it: a tree of any size is checked as a stream (docs/performance.md).
pub enum Rendered {
    Json(Vec<render::JsonDiagnostic>),
    Text(String),
    Color(termcolor::Buffer),
    /// SARIF results, assembled into one log at the end (never written live).
    Sarif(Vec<crate::formats::SarifPart>),
    /// A group's part of the HTML report, put together at the end (never written live).
    Html(crate::html::HtmlPart),
}

/// What a streamed group leaves: its output, and the rule and severity of each finding
/// (for the summary and the exit status).
pub struct Streamed {
    pub rendered: Rendered,
    pub kinds: Vec<Kind>,
}

/// A finding as the summary and the exit status see it: rule, severity, fixable.
pub type Kind = (&'static str, Severity, bool);

pub fn kind(d: &Diagnostic) -> Kind {
    (d.rule, d.severity, d.fix.as_ref().is_some_and(|f| f.resolves))
}

/// How many JSON items are written at once.
const JSON_ITEMS_PER_WRITE: usize = 256;

/// The ordered writer of streamed parts: parts arrive in any order from the threads and
/// are written in group order.
#[derive(Default)]
pub struct LiveWriter {
    next: usize,
    pending: std::collections::BTreeMap<usize, Streamed>,
    /// The findings written, for the summary and the exit status.
    pub kinds: Vec<Kind>,
    /// The JSON report's state: its end is written after the last group.
    pub json: render::JsonStream,
    /// Standard output was closed: stop quietly.
    closed: bool,
    /// Standard output failed otherwise: the message (exit 2).
    pub failed: Option<String>,
}

impl LiveWriter {
    /// Takes group `i`'s part and writes every part that is now next in order.
    pub fn push(&mut self, i: usize, part: Streamed, buffers: &termcolor::BufferWriter) {
        self.pending.insert(i, part);
        while let Some(part) = self.pending.remove(&self.next) {
            self.next += 1;
            self.kinds.extend(part.kinds.iter().copied());
            if self.closed || self.failed.is_some() {
                continue;
            }
            let written = match part.rendered {
                Rendered::Json(items) => {
                    // A few items at a time, each dropped once written: a group's whole
                    // report as one string was as large as the report (58 MB for 100,000
                    // findings).
                    let mut items = items.into_iter();
                    let mut written = Ok(());
                    loop {
                        let some: Vec<_> = items.by_ref().take(JSON_ITEMS_PER_WRITE).collect();
                        if some.is_empty() {
                            break written;
                        }
                        written = crate::output::stdout(self.json.items(&some).as_bytes());
                        if written.is_err() {
                            break written;
                        }
                    }
                }
                Rendered::Text(t) if !t.is_empty() => crate::output::stdout(t.as_bytes()),
                Rendered::Text(_) | Rendered::Sarif(_) | Rendered::Html(_) => Ok(()),
                Rendered::Color(b) => {
                    buffers.print(&b).and_then(|()| std::io::stdout().flush()).map_err(|e| match e.kind() {
                        std::io::ErrorKind::BrokenPipe => WriteError::Closed,
                        _ => WriteError::Failed(format!("cannot write output: {e}")),
                    })
                }
            };
            match written {
                Ok(()) => {}
                Err(WriteError::Closed) => self.closed = true,
                Err(WriteError::Failed(m)) => {
                    crate::output::stderr_line(&format!("error: {m}"));
                    self.failed = Some(m);
                }
            }
        }
    }
}

/// A configuration error as people read it: the message, and the TOML with the offending
/// key or value labelled.
pub fn config_error_text(e: &config::ConfigError) -> String {
    use codespan_reporting::diagnostic::Severity as Cs;
    let file = Arc::new(crate::source::SourceFile::from_text(&e.path, e.text.clone()));
    let message = visible(&e.message);
    let mut notes: Vec<String> = e.notes.iter().map(|n| visible(n)).collect();
    let mut labels = Vec::new();
    let label;
    match e.span.clone().filter(|s| {
        s.start <= s.end
            && s.end <= e.text.len()
            && e.text.is_char_boundary(s.start)
            && e.text.is_char_boundary(s.end)
    }) {
        Some(span) => {
            label = Label {
                file: file.clone(),
                lang: Lang::UND,
                start: span.start,
                end: span.end,
                message: String::new(),
            };
            labels.push((&label, message.clone(), true));
        }
        None => notes.push(format!("in {}", visible_line(&e.path.display().to_string()))),
    }
    let mut err = termcolor::NoColor::new(Vec::new());
    let config = codespan_reporting::term::Config::default();
    let title = format!("invalid configuration: {message}");
    let _ = render::emit(&mut err, &config, Cs::Error, "config", &title, &labels, notes);
    let text = String::from_utf8_lossy(&err.into_inner()).into_owned();
    text.trim_end_matches('\n').to_string()
}
