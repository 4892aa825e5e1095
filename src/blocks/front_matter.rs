//! YAML front matter, read with a YAML parser (yaml-rust2): its top-level scalar fields
//! with their spans. `title`, `description` and `summary` are prose that translators
//! translate, so they become blocks ([`BlockKind::FrontMatter`]) compared like any text;
//! `date`, `source`, `lang` and the rest are metadata that oerlint reads but never
//! compares as text.

use super::{Block, BlockKind, Builder};
use std::ops::Range;
use yaml_rust2::parser::{Event as YEvent, Parser as YParser};
use yaml_rust2::scanner::TScalarStyle;

/// Front matter keys whose values are prose.
pub const PROSE_KEYS: &[&str] = &["title", "description", "summary", "subtitle", "excerpt"];

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Top-level scalar fields: key, value, where the value stands in the file.
    pub fields: Vec<(String, String, Range<usize>)>,
    /// Blocks for the prose fields.
    pub blocks: Vec<Block>,
    /// The YAML parser's message when the front matter is not valid YAML.
    pub error: Option<String>,
}

impl FrontMatter {
    /// A top-level field's value (`date`, `source`, `untranslated`…).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _, _)| k == key).map(|(_, v, _)| v.as_str())
    }
}

/// Reads the YAML `yaml`, which stands at `src[r]`.
pub(super) fn read(src: &str, r: Range<usize>, yaml: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let yaml_src = &src[r.clone()];
    // The event's text may differ from the file (line endings): read the file's bytes.
    let yaml = if yaml_src.len() == yaml.len() { yaml_src } else { yaml };
    let mut p = YParser::new_from_str(yaml);
    let mut depth = 0usize;
    let mut key: Option<String> = None;
    loop {
        let (ev, mark) = match p.next_token() {
            Ok(x) => x,
            Err(e) => {
                fm.error = Some(e.to_string());
                break;
            }
        };
        match ev {
            YEvent::StreamEnd => break,
            YEvent::MappingStart(..) | YEvent::SequenceStart(..) => {
                if depth == 1 {
                    key = None;
                }
                depth += 1;
            }
            YEvent::MappingEnd | YEvent::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    key = None;
                }
            }
            YEvent::Scalar(value, style, ..) if depth == 1 => match key.take() {
                None => key = Some(value),
                Some(k) => {
                    let at = mark.index().min(yaml.len());
                    let span = value_span(yaml, at, &value, style);
                    let span = (r.start + span.start)..(r.start + span.end);
                    fm.fields.push((k, value, span));
                }
            },
            _ => {}
        }
    }
    for (k, v, span) in &fm.fields {
        if !PROSE_KEYS.contains(&k.as_str()) || v.trim().is_empty() {
            continue;
        }
        let mut b = Builder::new(BlockKind::FrontMatter, span.clone());
        b.plain_outside_code = true;
        b.id = Some(k.clone());
        if src.get(span.clone()) == Some(v.as_str()) {
            b.push(v, span.start, v.len());
        } else {
            b.push(v, span.start, span.len());
        }
        fm.blocks.extend(b.finish());
    }
    fm
}

/// Where a scalar's value stands: exactly, when it is written verbatim (plain or quoted
/// on one line); else the rest of the line (or the block) it starts on.
fn value_span(yaml: &str, at: usize, value: &str, style: TScalarStyle) -> Range<usize> {
    let at = floor_boundary(yaml, at);
    let rest = &yaml[at..];
    let inner = match style {
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => 1,
        _ => 0,
    };
    if rest.get(inner..).is_some_and(|r| r.starts_with(value)) && !value.is_empty() {
        return at + inner..at + inner + value.len();
    }
    let end = match style {
        TScalarStyle::Literal | TScalarStyle::Folded => yaml.len(),
        _ => at + rest.find(['\n', '\r']).unwrap_or(rest.len()),
    };
    at..end
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of_file(s: &str) -> Option<FrontMatter> {
        crate::blocks::read(s, 0..s.len(), crate::blocks::Format::Markdown).front_matter
    }

    #[test]
    fn fields_with_spans() {
        let s = "---\ntitle: \"Écrire un « README »\"\ndate: 2023-03-05\nsource: fr\ntags: [a, b]\nnested:\n  title: no\ndescription: >\n  folded\n  text\nuntranslated: true\n---\n\nBody.\n";
        let fm = of_file(s).unwrap();
        assert_eq!(fm.get("date"), Some("2023-03-05"));
        assert_eq!(fm.get("source"), Some("fr"));
        assert_eq!(fm.get("untranslated"), Some("true"));
        assert_eq!(fm.get("nested"), None);
        let (_, v, span) = &fm.fields[0];
        assert_eq!(&s[span.clone()], v);
        assert_eq!(fm.blocks.len(), 2);
        assert_eq!(fm.blocks[0].text, "Écrire un « README »");
        assert_eq!(fm.blocks[0].id(), Some("title"));
        assert_eq!(fm.blocks[1].text, "folded text\n");
        assert!(s[fm.blocks[1].span.clone()].contains("folded"));
    }

    #[test]
    fn invalid_yaml_is_reported() {
        let s = "---\ntitle: [unclosed\n---\n";
        let fm = of_file(s).unwrap();
        assert!(fm.error.is_some());
    }
}
