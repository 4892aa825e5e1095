//! HTML and JSX inside Markdown.
//!
//! An HTML block (`<aside markdown="1">…</aside>`, `<details>`, `<div>`, a JSX component
//! on lines of its own) is turned into *derived Markdown*: tags are removed, block-level
//! tags become paragraph breaks, `<a href="x">text</a>` (and any component with an
//! `href` prop) becomes `[text](x)`, `<code>` becomes a backtick, comments and the
//! content of `<script>`, `<style>`, `<pre>` and `<textarea>` are dropped, and indentation
//! (meaningless in HTML) is removed so it cannot turn text into code. The derived text is
//! read as Markdown again and every offset is mapped back to the file through the chunks
//! it was built from, so spans stay exact.

use super::{keys, markdown, Block, Mark, Parsed, Seg, Skipped};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// One tag, as far as reading needs it.
#[derive(Debug, Clone)]
pub(super) struct Tag {
    pub name: String,
    pub closing: bool,
    pub self_closing: bool,
    /// The `href` value and its byte range inside the tag.
    pub href: Option<(String, Range<usize>)>,
    /// A `lang` or `hreflang` value.
    pub lang: Option<String>,
}

/// A braced JSX attribute value, up to three levels of nesting.
const BRACED: &str = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}";

fn tag_pattern() -> String {
    let value = format!(r#"(?:"[^"]*"|'[^']*'|{BRACED}|[^\s"'=<>`{{}}]+)"#);
    let attr = format!(r#"(?:{BRACED}|[^\s"'=<>`/{{}}]+(?:\s*=\s*{value})?)"#);
    format!(r"<(/?)([A-Za-z][\w.:-]*)((?:\s+{attr})*)\s*(/?)>")
}

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("^{}$", tag_pattern())).expect("tag regex"))
}

fn attr_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\}|([^\s"'=<>`{}]+))"#)
            .expect("attribute regex")
    })
}

impl Tag {
    /// Reads one tag (`<a href="x">`, `</a>`, `<Card title="t" />`); `None` for anything
    /// else (comments, declarations, text).
    pub fn parse(raw: &str) -> Option<Tag> {
        let c = tag_re().captures(raw.trim_end())?;
        let attrs = c.get(3).map_or(0..0, |m| m.range());
        let mut href = None;
        let mut lang = None;
        for a in attr_re().captures_iter(&raw[attrs.clone()]) {
            let name = a[1].to_ascii_lowercase();
            let Some(v) = (2..=5).find_map(|i| a.get(i)) else { continue };
            let at = (attrs.start + v.start())..(attrs.start + v.end());
            match name.as_str() {
                "href" if href.is_none() => href = Some((v.as_str().trim().to_string(), at)),
                "lang" | "hreflang" | "xml:lang" if lang.is_none() => {
                    lang = Some(v.as_str().trim().to_string())
                }
                _ => {}
            }
        }
        Some(Tag {
            name: c[2].to_string(),
            closing: !c[1].is_empty(),
            self_closing: !c[4].is_empty() || is_void(&c[2]),
            href,
            lang,
        })
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Tags whose start and end break the text into separate blocks.
pub(super) fn is_block_level(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "caption"
    )
}

/// Everything in an HTML block that is not text: comments, raw-text elements with their
/// content, declarations, processing instructions, tags.
fn markup_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let raw_text = ["script", "style", "pre", "textarea"]
            .iter()
            .map(|t| format!(r"(?i:<{t}\b[\s\S]*?</{t}\s*>)"))
            .collect::<Vec<_>>()
            .join("|");
        Regex::new(&format!(
            r"(?P<comment><!--[\s\S]*?-->)|(?P<open_comment><!--[\s\S]*$)|(?P<raw>{raw_text})|(?P<decl><![\s\S]*?>|<\?[\s\S]*?\?>)|(?P<tag>{})",
            tag_pattern()
        ))
        .expect("markup regex")
    })
}

/// One piece of the derived text and where it came from.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    /// Offset in the derived text.
    d: usize,
    len: usize,
    /// The file range it stands for.
    f: usize,
    flen: usize,
    /// Copied from the file (offsets map one to one), or inserted (maps onto `f..f+flen`).
    verbatim: bool,
}

struct Derived {
    text: String,
    chunks: Vec<Chunk>,
}

impl Derived {
    fn insert(&mut self, s: &str, f: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.chunks.push(Chunk {
            d: self.text.len(),
            len: s.len(),
            f: f.start,
            flen: f.len(),
            verbatim: false,
        });
        self.text.push_str(s);
    }

    /// Copies `src[r]`, dropping the indentation of each line.
    fn copy(&mut self, src: &str, r: Range<usize>) {
        let mut pos = r.start;
        for line in src[r.clone()].split_inclusive('\n') {
            let mut start = pos;
            if self.text.is_empty() || self.text.ends_with('\n') {
                start += line.len() - line.trim_start_matches([' ', '\t']).len();
            }
            let end = pos + line.len();
            if end > start {
                self.chunks.push(Chunk {
                    d: self.text.len(),
                    len: end - start,
                    f: start,
                    flen: end - start,
                    verbatim: true,
                });
                self.text.push_str(&src[start..end]);
            }
            pos = end;
        }
    }

    /// Inserts `s` at derived offset `at` (standing for the file range `f`), moving what
    /// follows.
    fn insert_at(&mut self, at: usize, s: &str, f: Range<usize>) {
        if s.is_empty() {
            return;
        }
        if at >= self.text.len() {
            self.insert(s, f);
            return;
        }
        // Split the chunk that straddles `at`.
        if let Some(i) = self.chunks.iter().position(|c| c.d < at && at < c.d + c.len) {
            let c = self.chunks[i];
            let k = at - c.d;
            let (first, second) = if c.verbatim {
                (
                    Chunk { len: k, flen: k, ..c },
                    Chunk { d: at, len: c.len - k, f: c.f + k, flen: c.flen - k, verbatim: true },
                )
            } else {
                (Chunk { len: k, ..c }, Chunk { d: at, len: c.len - k, ..c })
            };
            self.chunks[i] = first;
            self.chunks.insert(i + 1, second);
        }
        let i = self.chunks.partition_point(|c| c.d < at);
        for c in &mut self.chunks[i..] {
            c.d += s.len();
        }
        self.chunks.insert(i, Chunk { d: at, len: s.len(), f: f.start, flen: f.len(), verbatim: false });
        self.text.insert_str(at, s);
    }

    /// Makes the text written since `o` was opened a Markdown link to `o.dest`. The text
    /// is cut at its first paragraph break; a link without text joins the text before it.
    fn wrap_link(&mut self, o: &OpenHref, close: Range<usize>) {
        let tail = &self.text[o.d..];
        let lead = tail.len() - tail.trim_start().len();
        let s = o.d + lead;
        let mut e = self.text.len();
        if let Some(k) = blank_line(&self.text[s..]) {
            e = s + k;
        }
        let e = s + self.text[s..e].trim_end().len();
        let dest_verbatim = o.dest_at.len() == o.dest.len();
        let link_end = |d: &mut Derived, at: usize| {
            d.insert_at(at, "](<", close.start..close.start);
            let p = at + 3;
            d.insert_at(p, &o.dest, o.dest_at.clone());
            if dest_verbatim {
                if let Some(c) = d.chunks.iter_mut().find(|c| c.d == p) {
                    c.verbatim = true;
                }
            }
            d.insert_at(p + o.dest.len(), ">)", close.clone());
        };
        if e > s {
            link_end(self, e);
            self.insert_at(s, "[", o.tag_at.clone());
            return;
        }
        // No text: an empty link after the last text before it (or at the start).
        let before = self.text[..o.d].trim_end().len();
        link_end(self, before);
        self.insert_at(before, " [", o.tag_at.clone());
    }

    /// Reads the derived text as Markdown and maps the result back to the file.
    fn read(&self, mdx: bool, depth: usize, mut skipped: Vec<Skipped>, mut marks: Vec<Mark>) -> Parsed {
        let sub = markdown::walk(&self.text, 0..self.text.len(), mdx, depth);
        let blocks = sub.blocks.into_iter().map(|b| self.remap(b)).collect();
        skipped
            .extend(sub.skipped.into_iter().map(|s| Skipped { span: self.map_range(&s.span), what: s.what }));
        marks.extend(sub.marks.into_iter().map(|m| Mark { at: self.map(m.at, false), key: m.key }));
        marks.sort_by_key(|m| m.at);
        Parsed { blocks, skipped, front_matter: sub.front_matter, marks }
    }

    /// Maps a derived offset to the file (`end`: the offset ends a range).
    fn map(&self, x: usize, end: bool) -> usize {
        let key = if end && x > 0 { x - 1 } else { x };
        let i = match self.chunks.binary_search_by(|c| c.d.cmp(&key)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let Some(c) = self.chunks.get(i) else { return 0 };
        if c.verbatim {
            c.f + (x.saturating_sub(c.d)).min(c.len)
        } else if end {
            c.f + c.flen
        } else {
            c.f
        }
    }

    fn map_range(&self, r: &Range<usize>) -> Range<usize> {
        let s = self.map(r.start, false);
        s..self.map(r.end, true).max(s)
    }

    /// Moves a block read from the derived text onto the file.
    fn remap(&self, mut b: Block) -> Block {
        let mut segs = Vec::with_capacity(b.segs.len());
        for s in &b.segs {
            if s.len() != s.file_len() {
                let r = self.map_range(&(s.file()..s.file() + s.file_len()));
                segs.push(Seg::new(s.plain(), r.start, s.len(), r.len()));
                continue;
            }
            // A verbatim piece of derived text may cross several chunks.
            let (a, z) = (s.file(), s.file() + s.len());
            let first = match self.chunks.binary_search_by(|c| c.d.cmp(&a)) {
                Ok(i) => i,
                Err(i) => i.saturating_sub(1),
            };
            for c in &self.chunks[first..] {
                if c.d >= z {
                    break;
                }
                let lo = a.max(c.d);
                let hi = z.min(c.d + c.len);
                if hi <= lo {
                    continue;
                }
                let plain = s.plain() + (lo - a);
                if c.verbatim {
                    let f = c.f + (lo - c.d);
                    segs.push(Seg::new(plain, f, hi - lo, hi - lo));
                } else {
                    segs.push(Seg::new(plain, c.f, hi - lo, c.flen));
                }
            }
        }
        b.segs = smallvec::SmallVec::from_slice(&segs);
        b.span = self.map_range(&b.span);
        for l in &mut b.links {
            l.span = self.map_range(&l.span);
            l.dest_span = self.map_range(&l.dest_span);
        }
        b
    }
}

/// A tag with an `href` whose closing tag has not been seen.
struct OpenHref {
    name: String,
    dest: String,
    /// The `href` value's range in the file.
    dest_at: Range<usize>,
    /// The opening tag's range in the file.
    tag_at: Range<usize>,
    /// Where its text starts in the derived text.
    d: usize,
}

/// Converts the markup of `src[r]` into `d`: tags removed, block-level tags as paragraph
/// breaks, links as Markdown links, comments and raw-text elements dropped.
fn convert(src: &str, r: Range<usize>, d: &mut Derived, skipped: &mut Vec<Skipped>, marks: &mut Vec<Mark>) {
    let mut open: Vec<OpenHref> = Vec::new();
    let mut pos = r.start;
    let raw = &src[r.clone()];
    for m in markup_re().captures_iter(raw) {
        let whole = m.get(0).expect("match");
        let at = (r.start + whole.start())..(r.start + whole.end());
        d.copy(src, pos..at.start);
        pos = at.end;
        if m.name("open_comment").is_some() {
            let lines = src[at.clone()].lines().count();
            if lines > 1 {
                skipped.push(Skipped {
                    span: at.clone(),
                    what: format!("an HTML comment `<!--` is never closed: {lines} lines are hidden in it"),
                });
            }
            continue;
        }
        if m.name("tag").is_none() {
            continue;
        }
        let Some(tag) = Tag::parse(whole.as_str()) else { continue };
        if let Some(key) = keys::of_tag(whole.as_str(), &tag) {
            marks.push(Mark { at: at.start, key });
        }
        let lname = tag.name.to_ascii_lowercase();
        if tag.closing {
            if let Some(i) = open.iter().rposition(|o| o.name == tag.name) {
                let o = open.remove(i);
                d.wrap_link(&o, at.clone());
                continue;
            }
        } else if let Some((dest, href_at)) = &tag.href {
            if !matches!(lname.as_str(), "link" | "area" | "base") && dest_ok(dest) {
                let dest_at = (at.start + href_at.start)..(at.start + href_at.end);
                let o = OpenHref {
                    name: tag.name.clone(),
                    dest: dest.clone(),
                    dest_at,
                    tag_at: at.clone(),
                    d: d.text.len(),
                };
                if tag.self_closing {
                    d.wrap_link(&o, at.clone());
                } else {
                    open.push(o);
                }
                continue;
            }
        }
        if lname == "code" {
            d.insert("`", at.clone());
        } else if lname == "br" {
            d.insert("\n", at.clone());
        } else if is_block_level(&lname) {
            d.insert("\n\n", at.clone());
            if !tag.closing {
                if let Some(level) = lname.strip_prefix('h').and_then(|n| n.parse::<usize>().ok()) {
                    d.insert(&format!("{} ", "#".repeat(level.clamp(1, 6))), at.clone());
                }
            }
        }
    }
    d.copy(src, pos..r.end);
    // Links never closed: their text runs to the end of the block.
    while let Some(o) = open.pop() {
        let end = r.end..r.end;
        d.wrap_link(&o, end);
    }
}

/// Reads an HTML block (`src[r]`) through derived Markdown.
pub(super) fn read_block(src: &str, r: Range<usize>, mdx: bool, depth: usize) -> Parsed {
    let mut d = Derived { text: String::new(), chunks: Vec::new() };
    let (mut skipped, mut marks) = (Vec::new(), Vec::new());
    convert(src, r, &mut d, &mut skipped, &mut marks);
    d.read(mdx, depth, skipped, marks)
}

/// Reads an MDX file (`src[r]`). MDX is Markdown with JSX: indentation means nothing
/// (JSX children are indented, and MDX has no indented code blocks), and a JSX element's
/// children are Markdown even without blank lines around them. So every line is read
/// without its indentation and every tag outside fenced code is converted as in an HTML
/// block, over the whole file.
pub(super) fn read_mdx(src: &str, r: Range<usize>) -> Parsed {
    let mut d = Derived { text: String::new(), chunks: Vec::new() };
    let (mut skipped, mut marks) = (Vec::new(), Vec::new());
    let mut fence: Option<(char, usize)> = None;
    let mut region = r.start;
    let mut pos = r.start;
    for line in src[r.clone()].split_inclusive('\n') {
        let t = line.trim();
        let marker = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |c| t.chars().take_while(|x| *x == c).count());
        match (fence, marker) {
            (None, Some(c)) if run >= 3 => {
                convert(src, region..pos, &mut d, &mut skipped, &mut marks);
                fence = Some((c, run));
                region = pos;
            }
            (Some((c, n)), Some(m)) if m == c && run >= n && t.chars().all(|x| x == c) => {
                d.copy(src, region..pos + line.len());
                fence = None;
                region = pos + line.len();
            }
            _ => {}
        }
        pos += line.len();
    }
    if fence.is_some() {
        d.copy(src, region..r.end);
    } else {
        convert(src, region..r.end, &mut d, &mut skipped, &mut marks);
    }
    let mut parsed = d.read(true, 0, skipped, marks);
    if let Some(fm) = &mut parsed.front_matter {
        for f in &mut fm.fields {
            f.2 = d.map_range(&f.2);
        }
        fm.blocks = std::mem::take(&mut fm.blocks).into_iter().map(|b| d.remap(b)).collect();
    }
    parsed
}

/// Where the first blank line (a paragraph break) of `s` starts.
fn blank_line(s: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\n[ \t]*\r?\n").expect("blank line regex")).find(s).map(|m| m.start())
}

/// A destination that can be written as `<dest>` in Markdown.
fn dest_ok(dest: &str) -> bool {
    !dest.contains(['<', '>', '\n', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        let t = Tag::parse(r#"<a href="https://x.org/a b" class='c'>"#).unwrap();
        assert_eq!(t.name, "a");
        assert!(!t.closing && !t.self_closing);
        assert_eq!(t.href.as_ref().unwrap().0, "https://x.org/a b");
        let t = Tag::parse(r#"<Card title="T" href={"/x"} onClick={() => go({a: 1})} />"#).unwrap();
        assert!(t.self_closing);
        assert_eq!(t.href.unwrap().0, "/x");
        assert!(Tag::parse("</a>").unwrap().closing);
        assert!(Tag::parse("<!-- c -->").is_none());
        assert_eq!(Tag::parse(r#"<span lang="en">"#).unwrap().lang.as_deref(), Some("en"));
    }
}
