//! The Markdown and plain-text block layer: spans stay inside the parsed range on char
//! boundaries, and plain-text ranges map back inside the block.
#![no_main]
use libfuzzer_sys::fuzz_target;
use oerlint::blocks::{self, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(body) else { return };
    let format = match kind % 3 {
        0 => Format::Markdown,
        1 => Format::Plain,
        _ => Format::Mdx,
    };
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    for b in blocks::parse(text, bom..text.len(), format) {
        assert!(b.span.start >= bom && b.span.end <= text.len() && b.span.start <= b.span.end);
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        let n = b.text.len();
        for (i, _) in b.text.char_indices().chain(std::iter::once((n, ' '))) {
            let r = b.file_range(0..i);
            assert!(r.start <= r.end && r.end <= text.len(), "{r:?}");
            let r = b.file_range(i..n);
            assert!(r.start <= r.end && r.end <= text.len(), "{r:?}");
        }
        for l in &b.links {
            assert!(l.span.end <= text.len() && l.dest_span.end <= text.len());
            assert!(l.text.end <= b.text.len());
        }
        for c in &b.code {
            assert!(c.end <= b.text.len());
        }
        let _ = b.preview(20);
    }
});
