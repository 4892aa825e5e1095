//! Walking pulldown-cmark's offset iterator into blocks.
//!
//! Every event is accounted for: text and inline code go into the open block; images,
//! code blocks and front matter are skipped as a unit (their end always closes the skip,
//! whatever nests inside); HTML blocks are handed to `html.rs`, which gives back Markdown
//! of the same text, read here again; table cells are blocks of their own.

use super::{front_matter, html, keys, markup, BlockKind, Builder, Link, Mark, OpenLink, Parsed, Skipped};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// How deep HTML blocks are re-read (an HTML block inside the Markdown of an HTML block…).
const MAX_HTML_DEPTH: usize = 4;

pub(super) fn parse(src: &str, range: Range<usize>, mdx: bool) -> Parsed {
    let mut parsed = if mdx { html::read_mdx(src, range) } else { walk(src, range, false, 0) };
    parsed.blocks.sort_by_key(|b| b.span.start);
    parsed
}

fn options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    opts.insert(Options::ENABLE_DEFINITION_LIST);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts
}

/// Why events are being skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    Code,
    Metadata,
    Image,
    Html,
}

fn nb(mdx: bool, kind: BlockKind, r: Range<usize>) -> Builder {
    let mut b = Builder::new(kind, r);
    b.mdx = mdx;
    b
}

/// Reads `src[range]` as Markdown. `depth` counts HTML re-reads.
pub(super) fn walk(src: &str, range: Range<usize>, mdx: bool, depth: usize) -> Parsed {
    let base = range.start;
    let body = &src[range.clone()];
    let mut parsed = Parsed::default();
    let mut stack: Vec<Builder> = Vec::new();
    let mut skip: Vec<Skip> = Vec::new();
    let mut strong = 0usize;
    // Items whose first paragraph we merged into (tight/loose lists).
    let mut merged_paragraphs: Vec<bool> = Vec::new();
    let parser = Parser::new_ext(body, options()).into_offset_iter();
    // Reference definitions, to find the destination of `[text][label]` in the file.
    let defs: Vec<(String, Range<usize>)> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| (label.to_string(), (def.span.start + base)..(def.span.end + base)))
        .collect();
    for (ev, r) in parser {
        let r = (r.start + base)..(r.end + base);
        // Ends of skipped constructs come first: nothing nested inside them can keep the
        // skip open.
        match &ev {
            Event::End(TagEnd::CodeBlock) if skip.last() == Some(&Skip::Code) => {
                skip.pop();
                continue;
            }
            Event::End(TagEnd::MetadataBlock(_)) if skip.last() == Some(&Skip::Metadata) => {
                skip.pop();
                continue;
            }
            Event::End(TagEnd::Image) if skip.last() == Some(&Skip::Image) => {
                skip.pop();
                continue;
            }
            Event::End(TagEnd::HtmlBlock) if skip.last() == Some(&Skip::Html) => {
                skip.pop();
                continue;
            }
            Event::Start(Tag::Image { .. }) if !skip.is_empty() => {
                skip.push(Skip::Image);
                continue;
            }
            Event::Text(t) if skip.last() == Some(&Skip::Metadata) && depth == 0 => {
                let fm = front_matter::read(src, r.clone(), t);
                parsed.blocks.extend(fm.blocks.iter().cloned());
                if let Some(problem) = &fm.error {
                    parsed.skipped.push(Skipped {
                        span: r.clone(),
                        what: format!("front matter that is not valid YAML ({problem})"),
                    });
                }
                parsed.front_matter = Some(fm);
                continue;
            }
            _ if !skip.is_empty() => continue,
            _ => {}
        }
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                skip.push(Skip::Code);
                if let (CodeBlockKind::Fenced(_), 0) = (kind, depth) {
                    if let Some(s) = unclosed_fence(src, &r, range.end) {
                        parsed.skipped.push(s);
                    }
                }
            }
            Event::Start(Tag::MetadataBlock(_)) => skip.push(Skip::Metadata),
            Event::Start(Tag::HtmlBlock) => {
                skip.push(Skip::Html);
                if depth >= MAX_HTML_DEPTH {
                    parsed
                        .skipped
                        .push(Skipped { span: r.clone(), what: "HTML nested too deeply to read".into() });
                    continue;
                }
                let sub = html::read_block(src, r.clone(), mdx, depth + 1);
                parsed.blocks.extend(sub.blocks);
                parsed.skipped.extend(sub.skipped);
                parsed.marks.extend(sub.marks);
            }
            Event::Start(Tag::Heading { level, id, attrs, .. }) => {
                let mut b = nb(mdx, BlockKind::Heading(level as u8), r);
                b.id = id.map(|s| s.to_string());
                // `{: hreflang="en"}` / `{lang=en}`: the heading is kept in that language.
                b.kept_lang = attrs
                    .iter()
                    .find(|(k, _)| matches!(k.trim_start_matches(':'), "hreflang" | "lang"))
                    .and_then(|(_, v)| v.as_ref())
                    .map(|v| v.trim_matches(['"', '\'']).to_string());
                stack.push(b);
            }
            Event::Start(Tag::Item) | Event::Start(Tag::DefinitionListDefinition) => {
                stack.push(nb(mdx, BlockKind::ListItem, r))
            }
            Event::Start(Tag::DefinitionListTitle) => stack.push(nb(mdx, BlockKind::Paragraph, r)),
            Event::Start(Tag::TableCell) => stack.push(nb(mdx, BlockKind::TableCell, r)),
            Event::Start(Tag::Paragraph) => {
                let merge = matches!(stack.last(), Some(b) if b.kind == BlockKind::ListItem && b.text.trim().is_empty());
                merged_paragraphs.push(merge);
                if !merge {
                    stack.push(nb(mdx, BlockKind::Paragraph, r));
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let merged = merged_paragraphs.pop().unwrap_or(false);
                if !merged {
                    if let Some(b) = stack.pop() {
                        parsed.blocks.extend(b.finish());
                    }
                }
            }
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableCell)
            | Event::End(TagEnd::DefinitionListTitle)
            | Event::End(TagEnd::DefinitionListDefinition) => {
                if let Some(b) = stack.pop() {
                    parsed.blocks.extend(b.finish());
                }
            }
            Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => {
                strong += 1;
                if let Some(b) = stack.last_mut() {
                    b.saw_strong = true;
                }
            }
            Event::End(TagEnd::Strong) | Event::End(TagEnd::Emphasis) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Link { link_type, dest_url, id, .. }) => {
                if let Some(b) = stack.last_mut() {
                    let p = b.text.len();
                    let dest_span = match link_type {
                        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                            reference_dest(src, &defs, &id, &dest_url)
                        }
                        _ => None,
                    };
                    b.open_links.push(OpenLink {
                        plain: p,
                        start: r.start,
                        dest: dest_url.to_string(),
                        dest_span,
                        html: None,
                    });
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(b) = stack.last_mut() {
                    if let Some(i) = b.open_links.iter().rposition(|l| l.html.is_none()) {
                        let l = b.open_links.remove(i);
                        let span = l.start..r.end.max(l.start);
                        let dest_span = l.dest_span.unwrap_or_else(|| find_dest(src, &span, &l.dest));
                        let text = l.plain..b.text.len();
                        b.links.push(Link { dest: l.dest, dest_span, span, text, markdown: true });
                    }
                }
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                if let Some(key) = keys::image(dest_url) {
                    parsed.marks.push(Mark { at: r.start, key });
                }
                skip.push(Skip::Image);
                // An image separates the words around it.
                if let Some(b) = stack.last_mut() {
                    b.push(" ", r.start, 0);
                }
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                let code = matches!(ev, Event::Code(_));
                let Some(b) = stack.last_mut() else {
                    // Text outside any block: read it as a paragraph of its own.
                    let mut b = nb(mdx, BlockKind::Paragraph, r.clone());
                    b.plain_outside_code = !code;
                    b.push_event(src, t, r.clone(), code);
                    parsed.blocks.extend(b.finish());
                    continue;
                };
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
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = stack.last_mut() {
                    b.push("\n", r.start, 1.min(r.len()));
                }
            }
            Event::InlineHtml(ref tag) => {
                if let Some(key) = html::Tag::parse(tag).and_then(|t| keys::of_tag(tag, &t)) {
                    parsed.marks.push(Mark { at: r.start, key });
                }
                if let Some(b) = stack.last_mut() {
                    inline_html(b, tag, r);
                }
            }
            Event::Html(_) => {}
            Event::InlineMath(_) | Event::DisplayMath(_) | Event::FootnoteReference(_) => {
                if let Some(b) = stack.last_mut() {
                    b.push(" ", r.start, 0);
                }
            }
            _ => {}
        }
    }
    while let Some(b) = stack.pop() {
        parsed.blocks.extend(b.finish());
    }
    if mdx {
        parsed.blocks.retain(|b| !markup::is_mdx_syntax(&b.text));
    }
    parsed
}

/// A tag inside a paragraph: `<a href>` (or a component with an `href` prop) opens a link
/// that its closing tag ends, `<br>` breaks the line; any other tag only separates words.
fn inline_html(b: &mut Builder, raw: &str, r: Range<usize>) {
    let Some(tag) = html::Tag::parse(raw) else {
        b.push(" ", r.start, 0);
        return;
    };
    if tag.closing {
        if let Some(i) = b.open_links.iter().rposition(|l| l.html.as_deref() == Some(tag.name.as_str())) {
            let l = b.open_links.remove(i);
            let span = l.start..r.end;
            let text = l.plain..b.text.len();
            let dest_span = l.dest_span.unwrap_or(span.clone());
            b.links.push(Link { dest: l.dest, dest_span, span, text, markdown: true });
        } else {
            b.push(" ", r.start, 0);
        }
        return;
    }
    if let Some(lang) = &tag.lang {
        b.kept_lang.get_or_insert(lang.clone());
    }
    match &tag.href {
        Some((dest, at)) if !tag.self_closing => {
            let dest_span = (r.start + at.start)..(r.start + at.end);
            b.open_links.push(OpenLink {
                plain: b.text.len(),
                start: r.start,
                dest: dest.clone(),
                dest_span: Some(dest_span),
                html: Some(tag.name.clone()),
            });
        }
        Some((dest, at)) => {
            let dest_span = (r.start + at.start)..(r.start + at.end);
            let p = b.text.len();
            b.links.push(Link { dest: dest.clone(), dest_span, span: r.clone(), text: p..p, markdown: true });
            b.push(" ", r.start, 0);
        }
        None if tag.name.eq_ignore_ascii_case("br") => b.push("\n", r.start, 0),
        // An inline tag (`<span>`, `<em>`) joins the text around it, as a browser shows it.
        None if !html::is_block_level(&tag.name) => {}
        None => b.push(" ", r.start, 0),
    }
}

/// A fenced code block that is never closed runs to the end of the file: say so.
fn unclosed_fence(src: &str, r: &Range<usize>, end: usize) -> Option<Skipped> {
    if r.end < end {
        return None;
    }
    let raw = src[r.clone()].trim_end();
    let first = raw.lines().next().unwrap_or("").trim_start();
    let fence: String = first.chars().take_while(|c| *c == '`' || *c == '~').collect();
    if fence.len() < 3 {
        return None;
    }
    let last = raw.lines().last().unwrap_or("").trim();
    let lines = raw.lines().count();
    if lines > 1 && last.starts_with(&fence) && last.chars().all(|c| c == fence.chars().next().unwrap_or('`'))
    {
        return None;
    }
    Some(Skipped {
        span: r.clone(),
        what: format!(
            "a code block opened with `{fence}` is never closed: the rest of the file ({lines} lines) is read as code, not text"
        ),
    })
}

/// The destination of a reference link, in its definition (`[label]: dest`).
fn reference_dest(src: &str, defs: &[(String, Range<usize>)], id: &str, dest: &str) -> Option<Range<usize>> {
    let key = id.trim().to_lowercase();
    let (_, span) = defs.iter().find(|(l, _)| l.trim().to_lowercase() == key)?;
    let raw = &src[span.clone()];
    let colon = raw.find("]:")? + 2;
    let k = raw[colon..].find(dest).filter(|_| !dest.is_empty())?;
    let s = span.start + colon + k;
    Some(s..s + dest.len())
}

/// Locates a link's destination inside the link's source text (`[text](dest)`).
fn find_dest(src: &str, span: &Range<usize>, dest: &str) -> Range<usize> {
    let raw = &src[span.clone()];
    if let Some(open) = raw.rfind("](") {
        let after = open + 2;
        let inner = &raw[after..];
        if !dest.is_empty() {
            // Most destinations are written right after `](`: found without the searcher
            // (`find`'s set-up cost more than the rest of a link).
            if let Some(k) = if inner.starts_with(dest) { Some(0) } else { inner.find(dest) } {
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
