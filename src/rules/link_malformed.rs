//! # link-malformed (error)
//!
//! A link target that cannot work as written: `mailto>x@y` (or another misspelt
//! `mailto:`), a `mailto:` whose address differs from the address shown as its text, a
//! misspelt scheme (`htp://`, `https//`, `http:/`), white space or unbalanced brackets
//! in the target, or a bare `www.` host with no scheme (browsers read it as a path on the
//! current site).
//!
//! Link syntax that did not become a link is reported too, since readers see it as
//! literal text: a space or a line break between `]` and `(` (`[text] (https://…)`), a
//! title that is never closed (`[text](https://… "title`), and a bare URL whose scheme is
//! misspelt (`hhttps://`, `htps://`). The span is on the broken part.
//!
//! Such links are typed by hand in one language and copied into the others, so they
//! break for readers of one language only.
//!
//! Example: `[z.varoglu@unesco.org](mailto>z.varoglu@unesco.org)` is reported, with the
//! fix `mailto:z.varoglu@unesco.org`; `[write to us](mailto:team@unesco.org)` is not.

use super::{Blocks, Rule};
use crate::blocks::Block;
use crate::diag::{Diagnostic, Label, Severity};
use crate::urls;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

pub const RULE: Rule = Rule {
    id: "link-malformed",
    severity: Severity::Error,
    summary: "a link target is malformed (`mailto>`, `htp://`, spaces, no scheme)",
    pair: None,
    blocks: Some(check),
    default_enabled: true,
};

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    for block in b.blocks {
        broken_syntax(b, block, out);
        for l in block.links.iter().filter(|l| l.markdown) {
            let text = &block.text[l.text.clone()];
            if let Some(problem) = urls::malformed(&l.dest, text) {
                let span = if l.dest_span.is_empty() { l.span.clone() } else { l.dest_span.clone() };
                let mut d = Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("malformed link `{}`: {problem}", l.dest.trim()),
                    Label::new(b.file, b.lang, span.clone(), problem),
                )
                .expected_found("a well-formed link target", l.dest.trim());
                // Certain fix: a misspelt `mailto:` prefix.
                if let Some(len) = urls::bad_mailto_prefix(&b.file.text[span.clone()]) {
                    d = d.fix(span.start..span.start + len, "mailto:");
                }
                out.push(d);
            }
        }
    }
}

/// `](` left in a block's text: Markdown link syntax that the parser did not take as a
/// link (recognised links leave only their text).
fn broken_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r#"(?P<gap>\][ \t]*(?:\r?\n|\r)?[ \t]*\()(?:<)?(?:[a-zA-Z][a-zA-Z+.-]*:|www\.|/|#|\.\.?/)"#,
            r#"|(?P<scheme>\b[A-Za-z]{3,8}://)"#,
        ))
        .expect("broken link regex")
    })
}

fn in_code(block: &Block, r: &Range<usize>) -> bool {
    block.code.iter().any(|c| c.start < r.end && r.start < c.end)
}

/// Schemes people write, against which a near miss is a typo.
const SCHEMES: &[&str] = &["http", "https", "ftp", "ftps", "mailto", "file"];

fn broken_syntax(b: &Blocks, block: &Block, out: &mut Vec<Diagnostic>) {
    // Three of the four are `]` and a byte: the `]`s are found (`memchr`) and the byte
    // after each looked at.
    let bytes = block.text.as_bytes();
    let may = urls::has_scheme_separator(&block.text)
        || memchr::memchr_iter(b']', bytes).any(|i| matches!(bytes.get(i + 1), Some(b'(' | b' ' | b'\n')));
    if !may {
        return;
    }
    for c in broken_re().captures_iter(&block.text) {
        if let Some(gap) = c.name("gap") {
            let r = gap.range();
            if in_code(block, &r) {
                continue;
            }
            let found = &block.text[r.clone()];
            let span = block.file_range(r.clone());
            let problem = if found == "](" {
                // `](` with nothing between: the destination or its title is not closed.
                "this link is not closed (a `)` or a title's closing quote is missing), so it shows as text"
                    .to_string()
            } else if found.contains(['\n', '\r']) {
                "a line break between `]` and `(` makes this text, not a link".to_string()
            } else {
                "a space between `]` and `(` makes this text, not a link".to_string()
            };
            let mut d = Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("broken link syntax: {problem}"),
                Label::new(b.file, b.lang, span.clone(), "not a link"),
            )
            .expected_found("`](` with nothing between", found.escape_debug().to_string());
            if found != "](" && !found.contains(['\n', '\r']) {
                d = d.fix(span, "](");
            }
            out.push(d);
        } else if let Some(m) = c.name("scheme") {
            let r = m.range();
            if in_code(block, &r) {
                continue;
            }
            let scheme = m.as_str().trim_end_matches("://").to_ascii_lowercase();
            if SCHEMES.contains(&scheme.as_str()) {
                continue;
            }
            let Some(good) = SCHEMES
                .iter()
                .filter(|s| s.starts_with('h'))
                .find(|s| strsim::damerau_levenshtein(s, &scheme) == 1)
            else {
                continue;
            };
            let span = block.file_range(r.start..r.end - 3);
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!(
                        "malformed link: the scheme `{}` is misspelt; expected `{good}`",
                        &m.as_str()[..m.len() - 3]
                    ),
                    Label::new(b.file, b.lang, span.clone(), "misspelt scheme"),
                )
                .expected_found(format!("{good}://"), m.as_str())
                .fix(span, *good),
            );
        }
    }
}
