//! # link-malformed (error)
//!
//! A link target that cannot work as written: `mailto>x@y` (or another misspelt
//! `mailto:`), a `mailto:` whose address differs from the address shown as its text, a
//! misspelt scheme (`htp://`, `https//`, `http:/`), white space or unbalanced brackets
//! in the target, or a bare `www.` host with no scheme (browsers read it as a path on the
//! current site).
//!
//! Such links are typed by hand in one language and copied into the others, so they
//! break for readers of one language only.
//!
//! Example: `[z.varoglu@unesco.org](mailto>z.varoglu@unesco.org)` is reported, with the
//! fix `mailto:z.varoglu@unesco.org`; `[write to us](mailto:team@unesco.org)` is not.

use super::{Blocks, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::urls;

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
