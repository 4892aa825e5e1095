//! Every extractor on arbitrary text: anchors of parsed blocks, dates, times, numbers,
//! reference codes, URLs. Ranges must be char-boundary ranges of their text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use oerlint::{anchors, blocks, codes, config::Settings, temporal, urls};

fn ok(text: &str, s: usize, e: usize) {
    assert!(s <= e && e <= text.len(), "{s}..{e} of {}", text.len());
    assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(body) else { return };
    let lang = ["en", "fr", "ar", "es", "ru", "zh"][kind as usize % 6];
    let settings = Settings::default();
    for b in blocks::parse(text, 0..text.len(), blocks::Format::Markdown) {
        for a in anchors::extract(&b, &settings, lang) {
            ok(text, a.span.start, a.span.end);
        }
    }
    for d in temporal::extract_dates(lang, text) {
        let _ = anchors::date_key(&d);
        let _ = anchors::full_date(&d);
    }
    let _ = temporal::extract_times(lang, text);
    let _ = temporal::extract_numbers(lang, text, &[]);
    for c in codes::find(text, codes::builtin()) {
        ok(text, c.range.start, c.range.end);
    }
    for r in urls::find_bare(text) {
        ok(text, r.start, r.end);
        let _ = urls::normalize(&text[r]);
    }
    let _ = urls::normalize(text);
    let _ = urls::is_placeholder(text);
    let _ = urls::bad_mailto_prefix(text);
    let _ = urls::malformed(text, text);
    for r in anchors::find_emails(text) {
        ok(text, r.start, r.end);
    }
});
