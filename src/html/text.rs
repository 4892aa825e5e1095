//! Text in the page: escaping, invisible characters shown, messages with their
//! right-to-left values in `<bdi>`, labels and places.

use crate::anchors::Kind;
use crate::diag::{Label, Severity};
use crate::render::named_invisibles;
use std::fmt::Write as _;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

pub(super) fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        _ => out.push(c),
    }
}

/// An attribute value: escaped, with invisible characters named (`<U+202E>`).
pub(super) fn attr(s: &str) -> String {
    escape(&named_invisibles(s))
}

/// The name of a character that is invisible or changes the direction of text.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => return None,
    })
}

/// Text as element content: escaped, invisible characters replaced by a visible,
/// direction-isolated `⟨U+202E⟩` that names them. The characters themselves are left
/// out, so an override in the text cannot reorder the page.
pub(super) fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        push_char(out, c);
    }
}

pub(super) fn push_char(out: &mut String, c: char) {
    match invisible_name(c) {
        Some(name) => {
            let _ = write!(
                out,
                "<span class=\"invisible\" dir=\"ltr\" title=\"U+{cp:04X} {name}\">⟨U+{cp:04X}⟩</span>",
                cp = c as u32
            );
        }
        None => push_escaped(out, c),
    }
}

pub(super) fn text(s: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, s);
    out
}

/// A message: escaped like any text, its right-to-left values in `<bdi>` so that the page's
/// direction cannot scramble them.
pub(super) fn message(s: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in crate::diag::rtl_ranges(s) {
        push_text(&mut out, &s[at..r.start]);
        out.push_str("<bdi>");
        push_text(&mut out, &s[r.clone()]);
        out.push_str("</bdi>");
        at = r.end;
    }
    push_text(&mut out, &s[at..]);
    out
}

pub(super) fn sev_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Note => "ℹ",
    }
}

pub(super) fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Email => "email",
        Kind::Code => "code",
        Kind::Link => "link",
        Kind::Number => "number",
        Kind::Date => "date",
        Kind::Time => "time",
        Kind::Quantity => "quantity",
    }
}

pub(super) fn plural(n: usize, w: &str) -> String {
    if n == 1 {
        format!("{n} {w}")
    } else {
        format!("{n} {w}s")
    }
}

/// A label's place as `path:line:column`.
pub(super) fn place(l: &Label) -> String {
    let (line, col) = l.file.line_col(l.start);
    format!("{}:{line}:{col}", l.file.display)
}

/// A label's own text, quoted when short enough to be worth it.
pub(super) fn quoted(l: &Label) -> String {
    let t = l.text();
    if t.is_empty() || t.contains('\n') || t.chars().count() > 80 {
        String::new()
    } else {
        format!(" «<bdi lang=\"{}\">{}</bdi>»", l.lang, text(t))
    }
}
