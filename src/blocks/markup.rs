//! Markup that stands inside text but is not text: Kramdown attribute lists (`{: .note}`,
//! `{: hreflang="en"}`, `{::nomarkdown}` … `{:/}`), custom ids (`{#id}`), Liquid tags
//! (`{% include x.html %}`, `{{ page.title }}`), HTML and JSX tags the Markdown parser left
//! in text, and, in MDX, JavaScript expressions (`{props.x}`, `{/* note */}`).
//!
//! Such markup is blanked to spaces of the same byte length, so offsets into the block's
//! text still map to the file. Inline code is never blanked.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

fn markup_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            // Kramdown: attribute lists, extensions and their end, custom ids.
            r"\{::nomarkdown\}[\s\S]*?\{:/(?:nomarkdown)?\}",
            r"|\{::?[^{}\n]*\}|\{:/[^{}\n]*\}",
            r"|\{#[A-Za-z][\w:.-]*(?:\s+[^{}\n]*)?\}",
            // Liquid: tags always, output with the spaces Liquid templates use.
            r"|\{%-?[\s\S]*?-?%\}",
            r"|\{\{-?\s[^{}]*?\s-?\}\}",
        ))
        .expect("markup regex")
    })
}

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"</?[A-Za-z][\w.:-]*(?:\s+(?:\{(?:[^{}]|\{[^{}]*\})*\}|"[^"]*"|'[^']*'|[^<>{}"'])*?)?/?>"#,
        )
        .expect("tag regex")
    })
}

/// A JSX tag split over lines whose `>` stands on a line of its own is cut by Markdown
/// (that `>` starts a block quote): a block that is only such an unterminated tag.
fn open_tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\s*</?[A-Za-z][\w.:-]*(?:\s+[^<>]*)?$").expect("open tag regex"))
}

fn mdx_expr_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\{(?:[^{}]|\{[^{}]*\})*\}").expect("mdx expression regex"))
}

fn lang_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?:hreflang|lang)\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)"#).expect("lang regex")
    })
}

/// Blanks markup in `text` (outside the `code` ranges). Returns the language an attribute
/// list gives the block (`{: hreflang="en"}`), if any.
pub(super) fn blank_markup(text: &mut String, code: &[Range<usize>], mdx: bool) -> Option<String> {
    // Both bytes are ASCII: one `memchr2` (a vector search) rather than decoding every
    // character of every block to compare it with two.
    memchr::memchr2(b'{', b'<', text.as_bytes())?;
    let outside = |r: &Range<usize>| !code.iter().any(|c| c.start < r.end && r.start < c.end);
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut lang = None;
    if text.contains('{') {
        for m in markup_re().find_iter(text) {
            if outside(&m.range()) {
                if lang.is_none() && m.as_str().starts_with("{:") {
                    lang = lang_re().captures(m.as_str()).map(|c| c[1].to_string());
                }
                ranges.push(m.range());
            }
        }
        if mdx {
            for m in mdx_expr_re().find_iter(text) {
                if outside(&m.range()) {
                    ranges.push(m.range());
                }
            }
        }
    }
    if text.contains('<') {
        for m in tag_re().find_iter(text) {
            if outside(&m.range()) {
                ranges.push(m.range());
            }
        }
        if let Some(m) = open_tag_re().find(text) {
            if outside(&m.range()) && !ranges.iter().any(|r| r.start <= m.start() && m.start() < r.end) {
                ranges.push(m.range());
            }
        }
    }
    for r in ranges {
        // Overlapping matches blank the same bytes twice: harmless. Blanking keeps byte
        // lengths, so later ranges stay valid.
        let blank = " ".repeat(text[r.clone()].len());
        if text.is_char_boundary(r.start) && text.is_char_boundary(r.end) {
            text.replace_range(r, &blank);
        }
    }
    lang
}

/// Lines of MDX that are module syntax or JSX expressions rather than prose.
pub(super) fn is_mdx_syntax(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("import ") || t.starts_with("export ") || (t.starts_with('{') && t.ends_with('}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(s: &str, mdx: bool) -> (String, Option<String>) {
        let mut t = s.to_string();
        let lang = blank_markup(&mut t, &[], mdx);
        assert_eq!(t.len(), s.len());
        (t.split_whitespace().collect::<Vec<_>>().join(" "), lang)
    }

    #[test]
    fn markup_is_blanked() {
        assert_eq!(blank(r#"{: style="height:80px"} A01 Title"#, false).0, "A01 Title");
        assert_eq!(blank("Text.\n{: .note}", false).0, "Text.");
        assert_eq!(
            blank("{% include x.html %} and {{ page.title }} but {{var}}", false).0,
            "and but {{var}}"
        );
        assert_eq!(blank("See {props.count} items {/* c */}", true).0, "See items");
        assert_eq!(blank("See {props.count} items", false).0, "See {props.count} items");
        assert_eq!(blank(r#"Read <Link to={{a: 1}}>this</Link>."#, true).0, "Read this .");
        assert_eq!(blank(r#"Title {: hreflang="en"}"#, false), ("Title".to_string(), Some("en".to_string())));
    }
}
