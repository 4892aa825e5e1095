//! The source text that human output shows under a diagnostic: only the lines its labels
//! touch, each made safe for a terminal and, when long, cut to a window around the labels
//! (as rustc does). codespan-reporting reads it through [`Excerpts`], which gives the
//! real line and column numbers, so a finding on a 64 KB line prints about a kilobyte,
//! and an escape sequence in a document is shown as `<U+001B>`, never sent raw.

use crate::render::is_unsafe;
use crate::source::SourceFile;
use codespan_reporting::files::{Error, Files};
use std::ops::Range;
use std::sync::Arc;

/// Lines up to this many bytes are shown whole.
pub const LONG_LINE: usize = 1000;
/// Bytes of context kept on each side of the labels of a long line.
const CONTEXT: usize = 80;
/// At most this much of a long label is shown on a long line.
const LONGEST_LABEL: usize = 160;

/// A stretch of a shown line: `real` bytes of the file shown as `shown` bytes of the
/// excerpt (the same text, an escape for one character, or an elision mark).
#[derive(Debug, Clone)]
struct Piece {
    real: Range<usize>,
    shown: Range<usize>,
    copied: bool,
}

#[derive(Debug)]
struct Line {
    /// 0-based line index in the file.
    index: usize,
    /// The line's bytes in the excerpt, with its line feed.
    shown: Range<usize>,
    pieces: Vec<Piece>,
}

/// The shown lines of one file for one diagnostic.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    file: Arc<SourceFile>,
    text: String,
    lines: Vec<Line>,
}

impl Excerpt {
    /// The lines of `file` that `ranges` touch (and a single line between two of them,
    /// which codespan-reporting shows rather than a break).
    pub fn new(file: &Arc<SourceFile>, ranges: &[Range<usize>]) -> Excerpt {
        let mut wanted: Vec<usize> = Vec::new();
        for r in ranges {
            let (a, b) = (file.line_index(r.start), file.line_index(r.end.max(r.start)));
            wanted.extend(a..=b);
        }
        wanted.sort_unstable();
        wanted.dedup();
        let gaps: Vec<usize> = wanted.windows(2).filter(|w| w[1] == w[0] + 2).map(|w| w[0] + 1).collect();
        wanted.extend(gaps);
        wanted.sort_unstable();
        let mut ex = Excerpt {
            name: crate::render::visible_line(&file.display),
            file: file.clone(),
            text: String::new(),
            lines: Vec::new(),
        };
        for index in wanted {
            ex.push_line(index, ranges);
        }
        ex
    }

    fn push_line(&mut self, index: usize, ranges: &[Range<usize>]) {
        let file = self.file.clone();
        let content = file.line_text(index);
        let start = file.line_start(index);
        let end = start + content.len();
        // Long lines: a window around what the labels cover on this line.
        let mut window = start..end;
        if content.len() > LONG_LINE {
            let on_line: Vec<Range<usize>> = ranges
                .iter()
                .filter(|r| r.start <= end && r.end >= start)
                .map(|r| r.start.max(start)..r.end.min(end))
                .collect();
            let lo = on_line.iter().map(|r| r.start).min().unwrap_or(start);
            let hi = on_line.iter().map(|r| r.end).max().unwrap_or(start).min(lo + LONGEST_LABEL);
            window = lo.saturating_sub(CONTEXT).max(start)..(hi + CONTEXT).min(end);
            while !file.text.is_char_boundary(window.start) {
                window.start -= 1;
            }
            while !file.text.is_char_boundary(window.end) {
                window.end += 1;
            }
        }
        let line_start = self.text.len();
        let mut pieces = Vec::new();
        if window.start > start {
            let at = self.text.len();
            self.text.push('…');
            pieces.push(Piece {
                real: window.start..window.start,
                shown: at..self.text.len(),
                copied: false,
            });
        }
        let mut copy_from = window.start;
        let flush = |text: &mut String, pieces: &mut Vec<Piece>, from: usize, to: usize| {
            if to > from {
                let at = text.len();
                text.push_str(&file.text[from..to]);
                pieces.push(Piece { real: from..to, shown: at..text.len(), copied: true });
            }
        };
        for (i, c) in file.text[window.clone()].char_indices() {
            let i = window.start + i;
            if c == '\t' || !is_unsafe(c) {
                continue;
            }
            flush(&mut self.text, &mut pieces, copy_from, i);
            let at = self.text.len();
            // A byte order mark at the very start is no character of the text.
            if !(c == '\u{FEFF}' && i == 0) {
                self.text.push_str(&format!("<U+{:04X}>", c as u32));
            }
            pieces.push(Piece { real: i..i + c.len_utf8(), shown: at..self.text.len(), copied: false });
            copy_from = i + c.len_utf8();
        }
        flush(&mut self.text, &mut pieces, copy_from, window.end);
        if window.end < end {
            let at = self.text.len();
            self.text.push('…');
            pieces.push(Piece { real: window.end..window.end, shown: at..self.text.len(), copied: false });
        }
        self.text.push('\n');
        self.lines.push(Line { index, shown: line_start..self.text.len(), pieces });
    }

    /// Where a byte offset of the file is in the excerpt. Offsets cut off a long line
    /// go to the nearest end of its window.
    pub fn map(&self, offset: usize) -> usize {
        let index = self.file.line_index(offset);
        let Some(line) = self.lines.iter().find(|l| l.index == index) else {
            return self.text.len().saturating_sub(1);
        };
        let mut best = line.shown.start;
        for p in &line.pieces {
            if offset < p.real.start {
                break;
            }
            best = if p.copied && offset <= p.real.end {
                p.shown.start + (offset - p.real.start)
            } else if offset >= p.real.end {
                p.shown.end
            } else {
                p.shown.start
            };
        }
        best
    }

    /// The file offset a byte of the excerpt shows.
    fn unmap(&self, shown: usize) -> usize {
        let line = self.line_at(shown);
        let start = self.file.line_start(line.index);
        let mut real = start;
        for p in &line.pieces {
            if shown < p.shown.start {
                break;
            }
            real = if p.copied && shown <= p.shown.end {
                p.real.start + (shown - p.shown.start)
            } else if shown >= p.shown.end {
                p.real.end
            } else {
                p.real.start
            };
        }
        real
    }

    fn line_at(&self, shown: usize) -> &Line {
        let i = self.lines.partition_point(|l| l.shown.start <= shown).saturating_sub(1);
        &self.lines[i]
    }
}

/// The excerpts of one diagnostic, one per file, for codespan-reporting.
#[derive(Debug, Default)]
pub struct Excerpts {
    pub files: Vec<Excerpt>,
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.get(id)?.text)
    }

    /// The file's own line index, so that codespan-reporting numbers lines right and
    /// shows a break where lines are left out.
    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let ex = self.get(id)?;
        if ex.lines.is_empty() {
            return Ok(0);
        }
        Ok(ex.line_at(byte_index).index)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let ex = self.get(id)?;
        match ex.lines.iter().find(|l| l.index == line_index) {
            Some(l) => Ok(l.shown.clone()),
            None if ex.lines.is_empty() => Ok(0..0),
            None => {
                Err(Error::LineTooLarge { given: line_index, max: ex.lines.last().map_or(0, |l| l.index) })
            }
        }
    }

    /// The real column (Unicode scalar values from the start of the line).
    fn column_number(&'a self, id: usize, _line_index: usize, byte_index: usize) -> Result<usize, Error> {
        let ex = self.get(id)?;
        if ex.lines.is_empty() {
            return Ok(1);
        }
        Ok(ex.file.line_col(ex.unmap(byte_index)).1)
    }
}

impl Excerpts {
    fn get(&self, id: usize) -> Result<&Excerpt, Error> {
        self.files.get(id).ok_or(Error::FileMissing)
    }

    /// The excerpt of a file, made on first use from all the ranges that will be
    /// labelled in it.
    pub fn id_of(&mut self, file: &Arc<SourceFile>, ranges: impl FnOnce() -> Vec<Range<usize>>) -> usize {
        if let Some(i) = self.files.iter().position(|e| Arc::ptr_eq(&e.file, file)) {
            return i;
        }
        self.files.push(Excerpt::new(file, &ranges()));
        self.files.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_label_and_escapes_shown() {
        let text = format!("# T\n\n{}\x1b[31mRED{}\n", "a".repeat(5000), "b".repeat(5000));
        let file = Arc::new(SourceFile::from_text("x.md", text.clone()));
        let at = text.find("RED").unwrap();
        let ex = Excerpt::new(&file, std::slice::from_ref(&(at..at + 3)));
        assert!(ex.text.len() < 2 * (CONTEXT + 20), "{}", ex.text.len());
        assert!(ex.text.starts_with('…') && ex.text.trim_end().ends_with('…'));
        assert!(ex.text.contains("<U+001B>[31mRED") && !ex.text.contains('\x1b'));
        let m = ex.map(at);
        assert_eq!(&ex.text[m..m + 3], "RED");
        assert_eq!(ex.unmap(m), at);
        let files = Excerpts { files: vec![ex] };
        assert_eq!(files.line_index(0, m).unwrap(), 2);
        assert_eq!(files.column_number(0, 2, m).unwrap(), file.line_col(at).1);
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "# T\n\nline one\nline two\nline three\n".to_string();
        let file = Arc::new(SourceFile::from_text("x.md", text.clone()));
        let a = text.find("one").unwrap();
        let b = text.find("three").unwrap();
        let ex = Excerpt::new(&file, &[a..a + 3, b..b + 5]);
        // The line between two labelled lines is shown too.
        assert_eq!(ex.text, "line one\nline two\nline three\n");
        assert_eq!(&ex.text[ex.map(b)..ex.map(b + 5)], "three");
    }
}
