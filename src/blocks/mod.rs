//! Reading a file into blocks (headings, paragraphs, list items, table cells, front
//! matter fields) with byte spans.
//!
//! The folder follows what is read: `markdown.rs` walks pulldown-cmark's events,
//! `html.rs` turns HTML and JSX blocks into Markdown of the same text (so the text inside
//! `<aside markdown="1">`, `<details>` or `<Card>` is read, and `<a href>` is a link),
//! `markup.rs` recognises markup that is not text (Kramdown attribute lists, Liquid tags,
//! MDX expressions, leftover tags), `front_matter.rs` reads YAML front matter with a YAML
//! parser, `layout.rs` finds headings written as plain lines, `plain.rs` reads `.txt`.
//!
//! Each block keeps its *plain text* (markup removed) and a map from plain-text offsets
//! back to file offsets, so extractors work on clean text while every span they report
//! is a byte range into the original file.
//!
//! **Nothing is lost silently**: every byte of a file is text of a block, markup, code,
//! metadata, or listed in [`Parsed::skipped`] with the reason (an unclosed code fence that
//! runs to the end of the file, an unterminated comment, front matter that is not YAML).
//! `tests/reading.rs` holds this against pulldown-cmark's own rendering.

mod front_matter;
mod html;
mod keys;
mod layout;
mod markdown;
mod markup;
mod plain;

use smallvec::SmallVec;
use std::ops::Range;

pub use front_matter::FrontMatter;
pub use keys::Mark;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A Markdown heading (level 1–6), or a heading found by the layout heuristic (level 0).
    Heading(u8),
    Paragraph,
    ListItem,
    /// One cell of a table (header or body): a number never spans two cells.
    TableCell,
    /// A prose field of the YAML front matter (`title`, `description`).
    FrontMatter,
}

impl BlockKind {
    /// A short name for tables and `oerlint blocks`.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading(0) => "heading (layout)",
            BlockKind::Heading(_) => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list item",
            BlockKind::TableCell => "table cell",
            BlockKind::FrontMatter => "front matter",
        }
    }
}

/// A link as written in the file.
#[derive(Debug, Clone)]
pub struct Link {
    /// The destination exactly as written (after Markdown unescaping).
    pub dest: String,
    /// Where the destination stands in the file (the whole link when it cannot be found).
    pub dest_span: Range<usize>,
    /// The whole link in the file (`[text](dest)`, `<a href="dest">text</a>`).
    pub span: Range<usize>,
    /// The link text range in the block's plain text.
    pub text: Range<usize>,
    /// Whether this came from link syntax (Markdown, HTML `<a href>` or a JSX `href`
    /// prop), as opposed to a bare URL in text.
    pub markdown: bool,
}

/// One piece of the plain-text-to-file map. Offsets are kept as `u32` (a block holds
/// many pieces, and memory counts on long documents): files are read only up to
/// `source::MAX_TEXT` bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    plain: u32,
    file: u32,
    len: u32,
    /// Length in the file; differs from `len` for entities, where mapping is coarse.
    file_len: u32,
}

impl Seg {
    pub(crate) fn new(plain: usize, file: usize, len: usize, file_len: usize) -> Seg {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Seg { plain: n(plain), file: n(file), len: n(len), file_len: n(file_len) }
    }

    pub(crate) fn plain(&self) -> usize {
        self.plain as usize
    }

    pub(crate) fn file(&self) -> usize {
        self.file as usize
    }

    pub(crate) fn len(&self) -> usize {
        self.len as usize
    }

    pub(crate) fn file_len(&self) -> usize {
        self.file_len as usize
    }
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The block's extent in the file.
    pub span: Range<usize>,
    /// Plain text: markup removed (blanked to spaces where it stood inside text), soft
    /// breaks as `\n`.
    pub text: String,
    /// Boxed slices, as `code`: most blocks have none, and a block is kept to the end.
    pub links: Box<[Link]>,
    /// The paragraph is entirely strong/emphasised text.
    pub bold_only: bool,
    /// The paragraph is entirely inline code.
    pub code_only: bool,
    /// Ranges of the plain text that are inline code.
    pub code: Box<[Range<usize>]>,
    /// The custom heading id, the kept language and the markup keys ([`Block::id`],
    /// [`Block::kept_lang`], [`Block::keys`]): rare, so boxed together (a block without
    /// them pays one pointer).
    marks: Option<Box<Marks>>,
    /// One piece for most blocks, kept inline; copied out of the builder's vector, whose
    /// spare capacity would stay with the block (a heap allocation per block was 3 to 5 MB
    /// of a 14 MB document's peak, docs/reliability.md).
    segs: SmallVec<[Seg; 1]>,
    /// The built-in reference codes of `text` ([`Block::builtin_codes`]), found once for
    /// the anchors and the rules that skip them.
    codes: std::sync::OnceLock<Box<[crate::codes::CodeMatch]>>,
}

/// What few blocks carry: a custom heading id (`## Title {#id}`) or the front matter key
/// of a [`BlockKind::FrontMatter`] block, the language the block says it is kept in on
/// purpose (`{: hreflang="en"}`, `lang="en"`), and the keys of its markup.
#[derive(Debug, Clone, Default)]
struct Marks {
    id: Option<Box<str>>,
    kept_lang: Option<Box<str>>,
    keys: Box<[Box<str>]>,
}

/// Something of the file that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub span: Range<usize>,
    pub what: String,
}

/// A file read into blocks.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    /// Content that could not be read as text (never silently dropped).
    pub skipped: Vec<Skipped>,
    /// The YAML front matter, when there is one.
    pub front_matter: Option<FrontMatter>,
    /// Images and components, whose keys go to the blocks (`Block::keys`).
    pub marks: Vec<Mark>,
}

impl Block {
    /// The reference codes of the text found by the built-in patterns
    /// (`codes::find(&self.text, codes::builtin())`), found on first use.
    pub fn builtin_codes(&self) -> &[crate::codes::CodeMatch] {
        self.codes.get_or_init(|| crate::codes::find(&self.text, crate::codes::builtin()).into_boxed_slice())
    }

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
        let idx = match self.segs.binary_search_by(|s| s.plain().cmp(&key)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let s = self.segs[idx];
        if s.len == s.file_len {
            let off = (p - s.plain().min(p)).min(s.len());
            s.file() + off
        } else if is_end {
            s.file() + s.file_len()
        } else {
            s.file()
        }
    }

    /// A custom heading id (`## Title {#id}`), or the front matter key of a
    /// [`BlockKind::FrontMatter`] block.
    pub fn id(&self) -> Option<&str> {
        self.marks.as_ref()?.id.as_deref()
    }

    /// The language tag the block says it is kept in on purpose (`{: hreflang="en"}`,
    /// `lang="en"`).
    pub fn kept_lang(&self) -> Option<&str> {
        self.marks.as_ref()?.kept_lang.as_deref()
    }

    /// Alignment keys of the markup in or under the block that is not text (an image's
    /// file name, a JSX component with its braced props: `blocks::keys`). Not anchors.
    pub fn keys(&self) -> &[Box<str>] {
        self.marks.as_ref().map_or(&[], |m| &m.keys)
    }

    /// Sets the block's markup keys.
    pub(crate) fn set_keys(&mut self, keys: Box<[Box<str>]>) {
        self.marks.get_or_insert_with(Default::default).keys = keys;
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

    /// The file ranges this block's text was read from (for coverage checks and the
    /// `blocks` view).
    pub fn source_ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.segs.iter().map(|s| s.file()..s.file() + s.file_len())
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
    read(text, range, format).blocks
}

/// Parses `text[range]` into blocks, with what was skipped and the front matter.
pub fn read(text: &str, range: Range<usize>, format: Format) -> Parsed {
    let mut parsed = match format {
        Format::Plain => Parsed { blocks: plain::parse(text, range), ..Parsed::default() },
        Format::Markdown | Format::Mdx => markdown::parse(text, range, format == Format::Mdx),
    };
    layout::mark_layout_headings(&mut parsed.blocks);
    keys::attach(&mut parsed.blocks, &parsed.marks);
    // Blocks live as long as their document: the vector's growth slack was up to half
    // of it (a block is about 170 bytes).
    parsed.blocks.shrink_to_fit();
    parsed
}

/// A link whose end has not been seen yet.
pub(crate) struct OpenLink {
    /// Where its text starts in the block's plain text.
    plain: usize,
    /// Where it starts in the file.
    start: usize,
    dest: String,
    /// Where its destination stands, when known already (HTML `href`, reference links).
    dest_span: Option<Range<usize>>,
    /// The tag that closes it, for HTML and JSX links.
    html: Option<String>,
}

pub(crate) struct Builder {
    kind: BlockKind,
    span: Range<usize>,
    text: String,
    segs: Vec<Seg>,
    links: Vec<Link>,
    open_links: Vec<OpenLink>,
    /// Text outside strong/emphasis seen (for bold-only paragraphs).
    plain_outside_strong: bool,
    saw_strong: bool,
    /// Text outside inline code seen (a paragraph that is only code is a command).
    plain_outside_code: bool,
    code: Vec<Range<usize>>,
    id: Option<String>,
    kept_lang: Option<String>,
    /// MDX: `{expressions}` are markup.
    mdx: bool,
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
            id: None,
            kept_lang: None,
            mdx: false,
        }
    }

    fn push(&mut self, s: &str, file: usize, file_len: usize) {
        if s.is_empty() {
            return;
        }
        self.segs.push(Seg::new(self.text.len(), file, s.len(), file_len));
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
        let kept = markup::blank_markup(&mut self.text, &self.code, self.mdx);
        if self.text.trim().is_empty() {
            return None;
        }
        let span = match (self.segs.first(), self.segs.last()) {
            (Some(a), Some(b)) => {
                a.file().min(self.span.start.max(a.file()))..(b.file() + b.file_len()).max(a.file())
            }
            _ => self.span,
        };
        let kept_lang = self.kept_lang.or(kept);
        // Blocks live as long as their document: no spare capacity.
        self.text.shrink_to_fit();
        self.links.shrink_to_fit();
        self.code.shrink_to_fit();
        Some(Block {
            kind: self.kind,
            span,
            text: self.text,
            links: self.links.into_boxed_slice(),
            bold_only: self.saw_strong && !self.plain_outside_strong,
            code_only: !self.plain_outside_code,
            code: self.code.into_boxed_slice(),
            marks: (self.id.is_some() || kept_lang.is_some()).then(|| {
                Box::new(Marks {
                    id: self.id.map(String::into_boxed_str),
                    kept_lang: kept_lang.map(String::into_boxed_str),
                    keys: Box::default(),
                })
            }),
            segs: SmallVec::from_slice(&self.segs),
            codes: std::sync::OnceLock::new(),
        })
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
    fn front_matter_metadata_and_code_are_not_text_but_html_text_is() {
        let s = "---\ndate: CL/4398\n---\n\nText.\n\n```\nmail a@b.org\n```\n\n<div>x@y.org</div>\n<script>var a = 'b@c.org';</script>\n";
        let b = md(s);
        let texts: Vec<_> = b.iter().map(|b| b.text.trim()).collect();
        assert_eq!(texts, vec!["Text.", "x@y.org"], "{b:?}");
        assert_eq!(&s[b[1].span.clone()], "x@y.org");
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
