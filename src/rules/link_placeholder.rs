//! # link-placeholder (warning)
//!
//! A link whose target is a placeholder: empty, `#`, `javascript:void(0)`,
//! `http://example.com`, `TODO`, `XXX`, `TBD`, or a bare scheme (`https://`).
//!
//! Newsletters are drafted with placeholder links that are meant to be filled in before
//! sending; the ones that are forgotten reach readers as links that go nowhere. Every
//! language version and a multilingual file's shared preamble are checked. In-page
//! anchors such as `#events` are real targets and stay silent.
//!
//! Example: `Please register [here](#)` is reported; `Back to [top](#top)` is not.

use super::{Blocks, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::urls;

pub const RULE: Rule = Rule {
    id: "link-placeholder",
    severity: Severity::Warning,
    summary: "a link target is a placeholder (`#`, empty, example.com, TODO)",
    pair: None,
    blocks: Some(check),
    default_enabled: true,
};

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    for block in b.blocks {
        for l in block.links.iter().filter(|l| l.markdown && urls::is_placeholder(&l.dest)) {
            let text: String = block.text[l.text.clone()].trim().chars().take(60).collect();
            let shown = if l.dest.trim().is_empty() {
                "an empty target".to_string()
            } else {
                format!("`{}`", l.dest.trim())
            };
            let span = if l.dest_span.is_empty() { l.span.clone() } else { l.dest_span.clone() };
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("placeholder link: “{text}” points to {shown}"),
                    Label::new(b.file, b.lang, span, "placeholder target"),
                )
                .expected_found("a real link target", l.dest.as_str()),
            );
        }
    }
}
