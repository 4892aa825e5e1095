//! Parsing a file into blocks (headings, paragraphs, list items) with byte spans.
//!
//! Markdown goes through pulldown-cmark's offset iterator; plain text is split at blank
//! lines. Each block keeps its *plain text* (markup removed) and a map from plain-text
//! offsets back to file offsets, so extractors work on clean text while every span they
//! report is a byte range into the original file.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A Markdown heading (level 1–6), or a heading found by the layout heuristic (level 0).
    Heading(u8),
    Paragraph,
    ListItem,
}

/// A link as written in the file.
#[derive(Debug, Clone)]
pub struct Link {
    /// The destination exactly as written (after Markdown unescaping).
    pub dest: String,
    /// Where the destination stands in the file (the whole link when it cannot be found).
    pub dest_span: Range<usize>,
    /// The whole link in the file (`[text](dest)`).
    pub span: Range<usize>,
    /// The link text range in the block's plain text.
    pub text: Range<usize>,
    /// Whether this came from Markdown syntax (as opposed to a bare URL in text).
    pub markdown: bool,
}

/// One piece of the plain-text-to-file map.
#[derive(Debug, Clone, Copy)]
struct Seg {
    plain: usize,
    file: usize,
    len: usize,
    /// Length in the file; differs from `len` for entities, where mapping is coarse.
    file_len: usize,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The block's extent in the file.
    pub span: Range<usize>,
    /// Plain text: markup removed, soft breaks as `\n`.
    pub text: String,
    pub links: Vec<Link>,
    /// The paragraph is entirely strong/emphasised text.
    pub bold_only: bool,
    /// The paragraph is entirely inline code.
    pub code_only: bool,
    /// Ranges of the plain text that are inline code.
    pub code: Vec<Range<usize>>,
    segs: Vec<Seg>,
}

impl Block {
    /// Maps a range of the plain text to a byte range in the file.
    pub fn file_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map(r.start, false);
        let end = self.map(r.end, true).max(start);
        start..end
    }

    fn map(&self, p: usize, is_end: bool) -> usize {
        if self.segs.is_empty() {
            return self.span.start;
        }
        // The segment containing p (for an end, the one containing p-1).
        let key = if is_end && p > 0 { p - 1 } else { p };
        let idx = match self.segs.binary_search_by(|s| s.plain.cmp(&key)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let s = self.segs[idx];
        if s.len == s.file_len {
            let off = (p - s.plain.min(p)).min(s.len);
            s.file + off
        } else if is_end {
            s.file + s.file_len
        } else {
            s.file
        }
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }

    /// The first words of the block, for tables and labels.
    pub fn preview(&self, max_chars: usize) -> String {
        let flat: String = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.chars().count() <= max_chars {
            flat
        } else {
            let cut: String = flat.chars().take(max_chars).collect();
            format!("{}…", cut.trim_end())
        }
    }
}

/// What kind of file this is, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Mdx,
    Plain,
}

impl Format {
    pub fn from_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()) {
            Some(e) if e == "txt" || e == "text" => Format::Plain,
            Some(e) if e == "mdx" => Format::Mdx,
            _ => Format::Markdown,
        }
    }
}

/// Parses `text[range]` into blocks. Spans are offsets into `text`.
pub fn parse(text: &str, range: Range<usize>, format: Format) -> Vec<Block> {
    let mut blocks = match format {
        Format::Plain => parse_plain(text, range),
        Format::Markdown | Format::Mdx => parse_markdown(text, range, format == Format::Mdx),
    };
    mark_layout_headings(&mut blocks);
    blocks
}

struct Builder {
    kind: BlockKind,
    span: Range<usize>,
    text: String,
    segs: Vec<Seg>,
    links: Vec<Link>,
    /// Open links: (plain start, file span, dest).
    open_links: Vec<(usize, Range<usize>, String)>,
    /// Text outside strong/emphasis seen (for bold-only paragraphs).
    plain_outside_strong: bool,
    saw_strong: bool,
    /// Text outside inline code seen (a paragraph that is only code is a command).
    plain_outside_code: bool,
    code: Vec<Range<usize>>,
}

impl Builder {
    fn new(kind: BlockKind, span: Range<usize>) -> Builder {
        Builder {
            kind,
            span,
            text: String::new(),
            segs: Vec::new(),
            links: Vec::new(),
            open_links: Vec::new(),
            plain_outside_strong: false,
            saw_strong: false,
            plain_outside_code: false,
            code: Vec::new(),
        }
    }

    fn push(&mut self, s: &str, file: usize, file_len: usize) {
        if s.is_empty() {
            return;
        }
        self.segs.push(Seg { plain: self.text.len(), file, len: s.len(), file_len });
        self.text.push_str(s);
    }

    /// Pushes event text whose source is `src[range]`, finding it there when it is verbatim.
    /// Inline code is found inside its backticks; other text that differs from its source
    /// (entities) maps coarsely onto the whole source range.
    fn push_event(&mut self, src: &str, s: &str, range: Range<usize>, code: bool) {
        let raw = &src[range.clone()];
        if raw == s {
            self.push(s, range.start, s.len());
        } else if let Some(k) = raw.find(s).filter(|_| code) {
            self.push(s, range.start + k, s.len());
        } else {
            self.push(s, range.start, range.len());
        }
    }

    fn finish(mut self) -> Option<Block> {
        blank_tags(&mut self.text);
        if self.text.trim().is_empty() {
            return None;
        }
        let span = match (self.segs.first(), self.segs.last()) {
            (Some(a), Some(b)) => a.file.min(self.span.start.max(a.file))..(b.file + b.file_len),
            _ => self.span,
        };
        Some(Block {
            kind: self.kind,
            span,
            text: self.text,
            links: self.links,
            bold_only: self.saw_strong && !self.plain_outside_strong,
            code_only: !self.plain_outside_code,
            code: self.code,
            segs: self.segs,
        })
    }
}

fn parse_markdown(src: &str, range: Range<usize>, mdx: bool) -> Vec<Block> {
    let base = range.start;
    let body = &src[range];
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    let mut out = Vec::new();
    let mut stack: Vec<Builder> = Vec::new();
    // Nesting depth of things whose text is skipped (code blocks, metadata, images).
    let mut skip = 0usize;
    let mut strong = 0usize;
    // Items whose paragraph we merged into (tight/loose lists).
    let mut merged_paragraphs: Vec<bool> = Vec::new();
    for (ev, r) in Parser::new_ext(body, opts).into_offset_iter() {
        let r = (r.start + base)..(r.end + base);
        match ev {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1)
            }
            _ if skip > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                stack.push(Builder::new(BlockKind::Heading(level as u8), r))
            }
            Event::Start(Tag::Item) => stack.push(Builder::new(BlockKind::ListItem, r)),
            Event::Start(Tag::Paragraph) | Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => {
                let merge = matches!(stack.last(), Some(b) if b.kind == BlockKind::ListItem && b.text.trim().is_empty());
                merged_paragraphs.push(merge);
                if !merge {
                    stack.push(Builder::new(BlockKind::Paragraph, r));
                }
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => {
                let merged = merged_paragraphs.pop().unwrap_or(false);
                if let Some(b) = stack.pop_if(|_| !merged) {
                    out.extend(b.finish());
                }
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Item) => {
                if let Some(b) = stack.pop() {
                    out.extend(b.finish());
                }
            }
            Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => {
                strong += 1;
                if let Some(b) = stack.last_mut() {
                    b.saw_strong = true;
                }
            }
            Event::End(TagEnd::Strong) | Event::End(TagEnd::Emphasis) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(b) = stack.last_mut() {
                    let p = b.text.len();
                    b.open_links.push((p, r, dest_url.to_string()));
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(b) = stack.last_mut() {
                    if let Some((p, span, dest)) = b.open_links.pop() {
                        let dest_span = find_dest(src, &span, &dest);
                        let text = p..b.text.len();
                        b.links.push(Link { dest, dest_span, span, text, markdown: true });
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::Image) => skip = skip.saturating_sub(1),
            Event::Text(ref t) | Event::Code(ref t) => {
                let code = matches!(ev, Event::Code(_));
                if let Some(b) = stack.last_mut() {
                    if mdx && b.text.is_empty() && (t.starts_with("import ") || t.starts_with("export ")) {
                        // MDX module syntax, not prose: drop this block's text.
                        continue;
                    }
                    if strong == 0 && !t.trim().is_empty() {
                        b.plain_outside_strong = true;
                    }
                    if !code && !t.trim().is_empty() {
                        b.plain_outside_code = true;
                    }
                    let at = b.text.len();
                    b.push_event(src, t, r, code);
                    if code {
                        b.code.push(at..b.text.len());
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = stack.last_mut() {
                    b.push("\n", r.start, 1.min(r.len()));
                }
            }
            Event::InlineHtml(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                if let Some(b) = stack.last_mut() {
                    b.push(" ", r.start, 0);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(b) = stack.last_mut() {
                    b.push(" ", r.end, 0);
                }
            }
            _ => {}
        }
    }
    while let Some(b) = stack.pop() {
        out.extend(b.finish());
    }
    out.sort_by_key(|b| b.span.start);
    if mdx {
        out.retain(|b| !is_mdx_syntax(&b.text));
    }
    out
}

/// Blanks out HTML and JSX tags that the Markdown parser left in text (`<Release.Link>`,
/// `</a>`), keeping byte offsets: each tag becomes spaces of the same length.
fn blank_tags(text: &mut String) {
    static TAG: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re =
        TAG.get_or_init(|| regex::Regex::new(r#"</?[A-Za-z][\w.:-]*(?:\s+[^<>]*?)?/?>"#).expect("tag regex"));
    if !text.contains('<') {
        return;
    }
    let mut ranges: Vec<Range<usize>> = re.find_iter(text).map(|m| m.range()).collect();
    // A JSX tag split over lines whose `>` stands on a line of its own is cut by Markdown
    // (that `>` starts a block quote): a block that is only such an unterminated tag is
    // markup too. (Prose such as `x<script y.` keeps its text.)
    static OPEN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let open = OPEN.get_or_init(|| {
        regex::Regex::new(r"^\s*</?[A-Za-z][\w.:-]*(?:\s+[^<>]*)?$").expect("open tag regex")
    });
    if let Some(m) = open.find(text) {
        if !ranges.iter().any(|r| r.start <= m.start() && m.start() < r.end) {
            ranges.push(m.range());
        }
    }
    ranges.sort_by_key(|r| r.start);
    for r in ranges.into_iter().rev() {
        text.replace_range(r.clone(), &" ".repeat(r.len()));
    }
}

/// Lines of MDX that are module syntax or JSX expressions rather than prose.
fn is_mdx_syntax(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("import ") || t.starts_with("export ") || (t.starts_with('{') && t.ends_with('}'))
}

/// Locates a link's destination inside the link's source text (`[text](dest)`).
fn find_dest(src: &str, span: &Range<usize>, dest: &str) -> Range<usize> {
    let raw = &src[span.clone()];
    if let Some(open) = raw.rfind("](") {
        let after = open + 2;
        let inner = &raw[after..];
        if !dest.is_empty() {
            if let Some(k) = inner.find(dest) {
                let s = span.start + after + k;
                return s..s + dest.len();
            }
        }
        // Empty or escaped destination: the text between the parentheses.
        let end = inner.rfind(')').unwrap_or(inner.len());
        let s = span.start + after;
        let inner_trim = inner[..end].trim();
        if let Some(k) = inner[..end].find(inner_trim) {
            return s + k..s + k + inner_trim.len();
        }
        return s..s + end;
    }
    if let Some(k) = raw.find(dest).filter(|_| !dest.is_empty()) {
        return span.start + k..span.start + k + dest.len();
    }
    span.clone()
}

fn parse_plain(src: &str, range: Range<usize>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = range.start;
    let body = &src[range.clone()];
    let push = |s: usize, e: usize, out: &mut Vec<Block>| {
        let raw = &src[s..e];
        let trimmed_end = s + raw.trim_end().len();
        if trimmed_end > s {
            let mut b = Builder::new(BlockKind::Paragraph, s..trimmed_end);
            b.plain_outside_code = true;
            b.push(&src[s..trimmed_end], s, trimmed_end - s);
            out.extend(b.finish());
        }
    };
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                push(s, pos, &mut out);
                start = None;
            }
            (false, None) => start = Some(pos + (line.len() - line.trim_start().len())),
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        push(s, range.end, &mut out);
    }
    out
}

/// Final punctuation that ends a sentence rather than a title.
fn ends_like_sentence(t: &str) -> bool {
    matches!(t.chars().last(), Some('.' | ',' | ';' | ':' | '،' | '؛' | '…'))
}

fn word_count(t: &str) -> usize {
    t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A `Label: value` line such as `Email: x@y` or `Courriel : x@y`.
fn is_label_line(t: &str) -> bool {
    match t.find(':') {
        Some(i) => word_count(&t[..i]) <= 2,
        None => false,
    }
}

/// Finds headings that are written as plain paragraphs: a bold-only paragraph, or a short
/// single line without final punctuation that introduces a longer block.
///
/// A document that marks its headings in Markdown (two or more) gets none of these: its
/// authors said where the headings are.
fn mark_layout_headings(blocks: &mut [Block]) {
    let marked = blocks.iter().filter(|b| matches!(b.kind, BlockKind::Heading(l) if l > 0)).count();
    if marked >= 2 {
        return;
    }
    for i in 0..blocks.len() {
        if blocks[i].kind != BlockKind::Paragraph {
            continue;
        }
        if blocks[i].code_only {
            continue;
        }
        if blocks[i].bold_only {
            blocks[i].kind = BlockKind::Heading(0);
            continue;
        }
        let t = blocks[i].text.trim();
        let words = word_count(t);
        // A plain line right after a plain-line heading is its subtitle (a date, a place).
        let prev_heading = i > 0 && blocks[i - 1].kind == BlockKind::Heading(0) && !blocks[i - 1].bold_only;
        let bullet = t.starts_with(['•', '·', '▪', '◦', '–', '—', '-', '*', '●', '○']);
        let next = blocks.get(i + 1);
        let next_len = next.filter(|n| !n.is_heading()).map(|n| n.text.trim().chars().count()).unwrap_or(0);
        let len = t.chars().count();
        let exclaims = matches!(t.chars().last(), Some('!' | '?' | '؟'));
        let ok = !t.contains('\n')
            && (4..=25).contains(&words)
            && blocks[i].links.is_empty()
            && !t.contains('@')
            && !t.contains("://")
            && !ends_like_sentence(t)
            && !is_label_line(t)
            && !prev_heading
            && !bullet
            && next_len > 0
            && if exclaims { next_len > len } else { next_len * 2 >= len };
        if ok {
            blocks[i].kind = BlockKind::Heading(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> Vec<Block> {
        parse(s, 0..s.len(), Format::Markdown)
    }

    #[test]
    fn blocks_keep_file_spans_through_markup() {
        let s = "# Title\n\nA [Circular \\(CL/4398\\)](#) &amp; x\r\nnext `co de` end\n\n- one\n- two *it*\n";
        let b = md(s);
        assert_eq!(b.len(), 4);
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert_eq!(b[1].text, "A Circular (CL/4398) & x\nnext co de end");
        let p = b[1].text.find("CL/4398").unwrap();
        let r = b[1].file_range(p..p + 7);
        assert_eq!(&s[r], "CL/4398");
        let p = b[1].text.find("co de").unwrap();
        assert_eq!(&s[b[1].file_range(p..p + 5)], "co de");
        // the entity maps coarsely onto its source
        let p = b[1].text.find('&').unwrap();
        assert_eq!(&s[b[1].file_range(p..p + 1)], "&amp;");
        assert_eq!(b[1].links.len(), 1);
        assert_eq!(b[1].links[0].dest, "#");
        assert_eq!(&s[b[1].links[0].dest_span.clone()], "#");
        assert_eq!(&b[1].text[b[1].links[0].text.clone()], "Circular (CL/4398)");
        assert_eq!(b[2].kind, BlockKind::ListItem);
        assert_eq!(b[3].text, "two it");
    }

    #[test]
    fn front_matter_code_and_html_are_not_text() {
        let s = "---\ntitle: CL/4398\n---\n\nText.\n\n```\nmail a@b.org\n```\n\n<div>x@y.org</div>\n";
        let b = md(s);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].text, "Text.");
    }

    #[test]
    fn loose_list_items_are_one_block() {
        let b = md("- first item\n\n  more of it\n- second\n");
        assert_eq!(b.len(), 3, "{b:?}");
        assert_eq!(b[0].kind, BlockKind::ListItem);
        assert_eq!(b[0].text, "first item");
    }

    #[test]
    fn layout_headings() {
        let s = "**Dear colleagues,\nwelcome!**\n\nRegional meetings on open science this spring\n\nThe network holds three regional meetings, each of them online and open to all members.\n\nPlease register today\n\nContact: Ms. Ada Lovelace\n\nEmail: ada@example.org\n";
        let b = md(s);
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Heading(0),
                BlockKind::Heading(0),
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn a_line_after_a_heading_is_not_a_heading() {
        let s = "Regional meeting for the Asia and Pacific region\n\nThursday 30 March 2023 at 09:00 on Zoom\n\nThis meeting is organised by the regional office and the sector.\n";
        let b = md(s);
        assert!(b[0].is_heading());
        assert!(!b[1].is_heading());
    }

    #[test]
    fn plain_text_paragraphs() {
        let s = "First para\r\nline two\r\n\r\n\r\nSecond para\r\n";
        let b = parse(s, 0..s.len(), Format::Plain);
        assert_eq!(b.len(), 2);
        assert_eq!(&s[b[0].span.clone()], "First para\r\nline two");
        assert_eq!(&s[b[1].span.clone()], "Second para");
    }

    #[test]
    fn jsx_split_over_lines_is_not_text() {
        let s = "Text.\n\n<a\n  href=\"https://a.org/x\"\n  style={{ display: 'inline' }}\n>\n  <img src=\"https://a.org/b\" />\n</a>\n";
        let b = parse(s, 0..s.len(), Format::Mdx);
        let all: String = b.iter().map(|b| b.text.clone()).collect();
        assert!(!all.contains("https://"), "{b:?}");
    }

    #[test]
    fn mdx_module_lines_are_dropped() {
        let s = "import X from './x';\n\n# Title\n\n<Component prop={1} />\n\nSome prose here.\n";
        let b = parse(s, 0..s.len(), Format::Mdx);
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Title", "Some prose here."]);
    }
}
