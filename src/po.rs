//! Export of aligned block pairs as gettext PO files (`oerlint align --format po`), so
//! translators can load an aligned issue into their tools, and other QA tools (such as
//! translate-toolkit's pofilter) can check the same segment pairs.

use crate::check::Document;
use std::fmt::Write as _;

/// PO string escaping.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One PO file per translation of the document: `(language tag, PO text)`.
pub fn export(doc: &Document) -> Vec<(String, String)> {
    let src = &doc.versions[doc.source];
    let mut out = Vec::new();
    for p in &doc.pairings {
        let tgt = &doc.versions[p.tgt];
        let mut po = String::new();
        let _ = writeln!(
            po,
            "# Aligned segments of {} ({} → {}), exported by oerlint.",
            doc.name, src.lang, tgt.lang
        );
        po.push_str("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
        let _ = writeln!(po, "\"Language: {}\\n\"\n", tgt.lang);
        let mut seen = std::collections::HashSet::new();
        for sb in &p.beads {
            for b in &sb.blocks {
                if b.src.is_empty() || b.tgt.is_empty() {
                    continue;
                }
                let join = |v: &crate::check::Version, r: std::ops::Range<usize>| {
                    r.map(|i| v.blocks[i].text.trim().to_string()).collect::<Vec<_>>().join("\n")
                };
                let (s, t) = (join(src, b.src.clone()), join(tgt, b.tgt.clone()));
                let (line, _) = src.file.line_col(src.blocks[b.src.start].span.start);
                let (tline, _) = tgt.file.line_col(tgt.blocks[b.tgt.start].span.start);
                // msgid must be unique in a PO file: a repeated source gets a context.
                let ctx =
                    if seen.insert(s.clone()) { None } else { Some(format!("{}:{line}", src.file.display)) };
                let _ = writeln!(po, "#: {}:{line}", src.file.display);
                let _ = writeln!(po, "#. {}:{tline}", tgt.file.display);
                if let Some(c) = ctx {
                    let _ = writeln!(po, "msgctxt \"{}\"", escape(&c));
                }
                let _ = writeln!(po, "msgid \"{}\"\nmsgstr \"{}\"\n", escape(&s), escape(&t));
            }
        }
        out.push((tgt.lang.tag().to_string(), po));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a \"b\"\\\n\tc\r"), "a \\\"b\\\"\\\\\\n\\tc");
    }
}
