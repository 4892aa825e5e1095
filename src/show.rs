//! `oerlint blocks FILE`: the file's own view of what oerlint read: every block with its
//! kind, line, id and text, the links found in it, and what was not read and why. For
//! a user debugging one file, as `rustc -Zunpretty` or `ruff --show-files` are.

use crate::blocks::{self, Format, Parsed};
use crate::render;
use crate::source::SourceFile;
use serde::Serialize;

#[derive(Serialize)]
struct JsonBlock<'a> {
    kind: &'static str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kept_lang: Option<&'a str>,
    text: String,
    links: Vec<&'a str>,
    code: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonSkipped<'a> {
    line: usize,
    start: usize,
    end: usize,
    what: &'a str,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    blocks: Vec<JsonBlock<'a>>,
    skipped: Vec<JsonSkipped<'a>>,
}

/// Reads `file` as `check` does.
pub fn read(file: &SourceFile) -> Parsed {
    blocks::read(&file.text, file.body(), Format::from_path(&file.path))
}

/// Text made safe and one-line for a terminal: line breaks as `⏎`, runs of blanks as one
/// space, control, invisible and direction-changing characters as code points
/// ([`render::visible`]).
pub fn one_line(s: &str) -> String {
    let flat =
        s.split('\n').map(|l| l.split([' ', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "));
    render::visible(flat.collect::<Vec<_>>().join(" ⏎ ").trim())
}

/// The human view of one file.
pub fn human(file: &SourceFile, parsed: &Parsed) -> String {
    let mut out = format!("{}: {} blocks\n", one_line(&file.display), parsed.blocks.len());
    for b in &parsed.blocks {
        let (line, col) = file.line_col(b.span.start);
        let mut head = format!("{line:>5}:{col:<3} {:<16}", b.kind.name());
        if let Some(id) = b.id() {
            head.push_str(&format!(" {{#{}}}", one_line(id)));
        }
        if let Some(l) = b.kept_lang() {
            head.push_str(&format!(" [kept in {}]", one_line(l)));
        }
        out.push_str(&format!("{head} {}\n", one_line(&b.text)));
        for l in &b.links {
            out.push_str(&format!("{:27}link → {}\n", "", one_line(&l.dest)));
        }
    }
    for s in &parsed.skipped {
        let (line, _) = file.line_col(s.span.start);
        out.push_str(&format!("{line:>5}     not read         {}\n", one_line(&s.what)));
    }
    out
}

/// The JSON view of several files.
pub fn json(files: &[(&SourceFile, &Parsed)]) -> String {
    let out: Vec<JsonFile> = files
        .iter()
        .map(|(file, parsed)| JsonFile {
            path: file.display.clone(),
            blocks: parsed
                .blocks
                .iter()
                .map(|b| {
                    let (line, column) = file.line_col(b.span.start);
                    JsonBlock {
                        kind: b.kind.name(),
                        line,
                        column,
                        start: b.span.start,
                        end: b.span.end,
                        id: b.id(),
                        kept_lang: b.kept_lang(),
                        text: b.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        links: b.links.iter().map(|l| l.dest.as_str()).collect(),
                        code: b.code.iter().map(|r| &b.text[r.clone()]).collect(),
                    }
                })
                .collect(),
            skipped: parsed
                .skipped
                .iter()
                .map(|s| JsonSkipped {
                    line: file.line_col(s.span.start).0,
                    start: s.span.start,
                    end: s.span.end,
                    what: &s.what,
                })
                .collect(),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&out).expect("JSON of plain data");
    s.push('\n');
    s
}

/// The view of several files, human or JSON, and an error line for each file that could
/// not be read.
pub fn files(paths: &[std::path::PathBuf], json_format: bool) -> (String, Vec<String>) {
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match SourceFile::load(path) {
            Ok(f) => {
                let parsed = self::read(&f);
                read.push((f, parsed));
            }
            Err(e) => {
                errors.push(format!("{}: {}", one_line(&path.display().to_string()), one_line(&e.message)))
            }
        }
    }
    let out = if json_format {
        json(&read.iter().map(|(f, p)| (f.as_ref(), p)).collect::<Vec<_>>())
    } else {
        read.iter().map(|(f, p)| human(f, p)).collect::<Vec<_>>().join("\n")
    };
    (out, errors)
}
