//! Anchors: the things in a block that must agree across languages (emails, reference
//! codes, link targets, dates, times, numbers) plus digit runs used to guide alignment.
//! Each anchor has a normalised key for comparison and a span in the original file.

use crate::blocks::Block;
use crate::codes;
use crate::config::Settings;
use crate::temporal::{self, DateAnchor, NumberAnchor, NumberKind, TimeAnchor};
use crate::urls;
use compact_str::CompactString;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Email,
    Code,
    Link,
    /// Digit runs, for alignment only.
    Number,
    Date,
    Time,
    /// Numbers read the way the language writes them (separators, words, ordinals).
    Quantity,
}

impl Kind {
    /// The kind's name as `{:?}` writes it (`Email`, `Number`): for keys built on hot
    /// paths without the formatting machinery.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Email => "Email",
            Kind::Code => "Code",
            Kind::Link => "Link",
            Kind::Number => "Number",
            Kind::Date => "Date",
            Kind::Time => "Time",
            Kind::Quantity => "Quantity",
        }
    }
}

/// The value a date, time, quantity or link anchor carries. Spans inside are ranges of
/// the block's plain text.
#[derive(Debug, Clone, Default)]
pub enum Value {
    #[default]
    None,
    /// Boxed, as times are: most anchors are numbers, and an anchor should not pay for
    /// the largest value (memory: docs/reliability.md).
    Date(Box<DateAnchor>),
    /// A time, with the date of its event when the block (or an earlier one) gives it.
    Time(Box<TimeAnchor>, Option<jiff::civil::Date>),
    Quantity(Quantity),
    /// A link's text (empty for a bare URL): see [`Anchor::link_text`].
    Link(CompactString),
}

/// What a quantity anchor compares: the number read, without its place in the text (the
/// anchor's span has it), so that an anchor stays small.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub kind: NumberKind,
    /// Written as words ("forty-two").
    pub spelled: bool,
}

#[derive(Debug, Clone)]
pub struct Anchor {
    pub kind: Kind,
    /// Normalised value used for comparison. Keys, shown values and link texts are
    /// compact strings: up to 24 bytes are kept inline, and most anchors are short (a
    /// `String` each was two small allocations per anchor: docs/reliability.md).
    pub key: CompactString,
    /// Byte range in the file of the text that carries the value.
    pub span: Range<usize>,
    /// The value as shown to users (the raw text for codes and emails, the target for links).
    pub shown: CompactString,
    pub value: Value,
}

impl Anchor {
    /// For links: the link text (empty for bare URLs and for other anchors).
    pub fn link_text(&self) -> &str {
        match &self.value {
            Value::Link(t) => t,
            _ => "",
        }
    }
}

fn email_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?-u:\b)[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?-u:\b)")
            .expect("email regex")
    })
}

/// The digit runs of a text, as the number anchors are found (`extract`): the runs of
/// ASCII, Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits, the
/// matches of `[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]+` (tested equal). Read byte by
/// byte: the regex cost a few times more per byte, over every block, twice (anchors and
/// the pairing's names). The two Arabic digit ranges are `D9 A0`–`D9 A9` and `DB B0`–`DB B9`
/// in UTF-8, and `D9`, `DB` only ever lead a character.
pub(crate) fn number_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let digit = move |i: usize| -> usize {
        match b[i] {
            b'0'..=b'9' => 1,
            0xD9 if matches!(b.get(i + 1), Some(0xA0..=0xA9)) => 2,
            0xDB if matches!(b.get(i + 1), Some(0xB0..=0xB9)) => 2,
            _ => 0,
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            // Most bytes are neither a digit nor a lead byte of one: skipped at once.
            if !matches!(b[i], b'0'..=b'9' | 0xD9 | 0xDB) {
                i += 1;
                continue;
            }
            let start = i;
            loop {
                let n = if i < b.len() { digit(i) } else { 0 };
                if n == 0 {
                    break;
                }
                i += n;
            }
            if i > start {
                return Some(start..i);
            }
            i += 1;
        }
        None
    })
}

/// The regex [`number_runs`] replaced, the reference of its tests.
#[cfg(test)]
fn number_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]+").expect("number regex"))
}

/// A link's comparison key: normalised, an absolute link under one of the site's base URLs
/// made the site-relative link it stands for, then the configured language markers
/// removed.
fn link_key(dest: &str, settings: &Settings) -> String {
    let mut k = urls::normalize(dest);
    if let Some(rest) = settings
        .base_urls
        .iter()
        .find_map(|b| k.strip_prefix(b.as_str()).filter(|r| r.is_empty() || r.starts_with(['/', '?', '#'])))
    {
        k = urls::normalize(if rest.is_empty() { "/" } else { rest });
    }
    for m in &settings.link_markers {
        k = m.replace_all(&k, "").into_owned();
    }
    k
}

/// Email addresses in a text.
pub fn find_emails(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // Only a text with an `@` is searched (see [`may_hold_email`]).
    email_re().find_iter(if may_hold_email(text) { text } else { "" }).map(|m| m.range())
}

/// Whether `text` may hold an e-mail: every match of the e-mail regex holds an `@`. Most
/// texts have none, and the regex, which starts with a class (no literal to skip ahead
/// to), reads every byte of them; `memchr` skips them.
fn may_hold_email(text: &str) -> bool {
    memchr::memchr(b'@', text.as_bytes()).is_some()
}

/// The comparison key of an email: domain case never matters; the local part's case is
/// folded too, and the email rule reports a case-only difference separately.
pub fn email_key(email: &str) -> String {
    lowercase(email)
}

/// Byte ranges of a text already taken by an anchor. Whether a range overlaps one of them
/// is a prefix maximum in a Fenwick tree indexed by start (the greatest end of the ranges
/// starting before a point): testing a plain list made a block with many anchors (a
/// 2 MB line) quadratic. The tree is made on the first range (most blocks have no link
/// text or inline code, and three trees of a word per byte were 48 MB for a 2 MB line),
/// with `u32` ends (texts are read up to `source::MAX_TEXT` bytes).
struct Taken {
    ranges: Vec<Range<usize>>,
    /// The text's length in bytes.
    len: usize,
    /// Fenwick tree of the greatest end per start (0: none); empty until a range comes.
    tree: Vec<u32>,
}

impl Taken {
    /// For ranges of a text of `len` bytes.
    fn new(len: usize) -> Taken {
        Taken { ranges: Vec::new(), len, tree: Vec::new() }
    }

    fn push(&mut self, r: Range<usize>) {
        if self.tree.is_empty() {
            self.tree = vec![0; self.len + 1];
        }
        if r.start >= self.tree.len() {
            self.tree.resize(r.start + 1, 0);
        }
        let end = u32::try_from(r.end).unwrap_or(u32::MAX);
        let mut i = r.start;
        while i < self.tree.len() {
            self.tree[i] = self.tree[i].max(end);
            i |= i + 1;
        }
        self.ranges.push(r);
    }

    /// Whether some taken range `t` has `r.start < t.end && t.start < r.end`.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        // The greatest end among the ranges starting before r.end.
        let mut k = r.end.min(self.tree.len());
        let mut end = 0;
        while k > 0 {
            // Node k - 1 holds starts (k - 1) & k ..= k - 1.
            end = end.max(self.tree[k - 1]);
            k &= k - 1;
        }
        end as usize > r.start
    }

    fn iter(&self) -> impl Iterator<Item = &Range<usize>> {
        self.ranges.iter()
    }
}

fn overlaps(r: &Range<usize>, taken: &Taken) -> bool {
    taken.overlaps(r)
}

/// Extracts the anchors of one block.
pub fn extract(block: &Block, settings: &Settings, lang: &str) -> Vec<Anchor> {
    let code_patterns = settings.codes;
    let text = &block.text;
    let mut out = Vec::new();
    let mut taken = Taken::new(text.len());

    // Links written in Markdown. Mail links are emails, not links.
    let mut link_text_ranges = Taken::new(text.len());
    for l in &block.links {
        link_text_ranges.push(l.text.clone());
        let lower = l.dest.trim().to_ascii_lowercase();
        if lower.starts_with("mailto") || lower.starts_with("mail to") {
            let addr = l.dest.trim()[6..].trim_start_matches([':', '>', ';', '.', '/', '=']);
            let addr = addr.split('?').next().unwrap_or("");
            let in_text = email_re().is_match(&text[l.text.clone()]);
            if !in_text && email_re().is_match(addr) {
                out.push(Anchor {
                    kind: Kind::Email,
                    key: email_key(addr).into(),
                    span: l.dest_span.clone(),
                    shown: addr.into(),
                    value: Value::None,
                });
            }
            continue;
        }
        if l.dest.starts_with('#') && l.dest.len() > 1 {
            continue; // in-page anchor: differs by language by design
        }
        out.push(Anchor {
            kind: Kind::Link,
            key: link_key(&l.dest, settings).into(),
            span: l.dest_span.clone(),
            shown: l.dest.as_str().into(),
            value: Value::Link(text[l.text.clone()].trim().into()),
        });
    }
    // Bare URLs in running text (not the visible text of a Markdown link). A URL inside
    // inline code is a command's argument or an example, not a link.
    let mut code = Taken::new(text.len());
    for c in &block.code {
        code.push(c.clone());
    }
    for r in urls::find_bare(text) {
        taken.push(r.clone());
        if overlaps(&r, &link_text_ranges) || overlaps(&r, &code) {
            continue;
        }
        let raw = &text[r.clone()];
        out.push(Anchor {
            kind: Kind::Link,
            key: link_key(raw, settings).into(),
            span: block.file_range(r),
            shown: raw.into(),
            value: Value::Link(CompactString::default()),
        });
    }
    for m in email_re().find_iter(if may_hold_email(text) { text } else { "" }) {
        let r = m.range();
        if overlaps(&r, &taken) {
            continue;
        }
        taken.push(r.clone());
        out.push(Anchor {
            kind: Kind::Email,
            key: email_key(m.as_str()).into(),
            span: block.file_range(r),
            shown: m.as_str().into(),
            value: Value::None,
        });
    }
    // The built-in patterns' finds are kept with the block (the rules that skip codes
    // read them too); a configuration's own list is searched here.
    let found: std::borrow::Cow<[codes::CodeMatch]> = if std::ptr::eq(code_patterns, codes::builtin()) {
        block.builtin_codes().into()
    } else {
        codes::find(text, code_patterns).into()
    };
    for c in found.iter().cloned() {
        if overlaps(&c.range, &taken) {
            continue;
        }
        taken.push(c.range.clone());
        out.push(Anchor {
            kind: Kind::Code,
            key: c.normalized.into(),
            span: block.file_range(c.range.clone()),
            shown: text[c.range].into(),
            value: Value::None,
        });
    }
    extract_temporal(block, settings.locale(lang), &taken, &mut out);
    for r in number_runs(text) {
        if overlaps(&r, &taken) {
            continue;
        }
        let shown = &text[r.clone()];
        let key: CompactString = shown.chars().map(codes::ascii_digit).collect();
        let key = CompactString::from(key.trim_start_matches('0'));
        out.push(Anchor {
            kind: Kind::Number,
            span: block.file_range(r),
            shown: shown.into(),
            key: if key.is_empty() { "0".into() } else { key },
            value: Value::None,
        });
    }
    out
}

/// `2022-11-30`, `2022-11`, `--11` (a month alone), `2022`, `2022..2023`.
pub fn date_key(d: &DateAnchor) -> String {
    let mut k = match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (None, Some(m), Some(day)) => format!("--{m:02}-{day:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, None, _) => "?".to_string(),
    };
    if let Some(e) = d.day_end {
        k.push_str(&format!("~{e:02}"));
    }
    if let Some(e) = d.year_end {
        k.push_str(&format!("..{e:04}"));
    }
    k
}

fn quantity_key(n: &NumberAnchor) -> String {
    let v = if n.value.fract() == 0.0 && n.value.abs() < 1e15 {
        format!("{}", n.value as i64)
    } else {
        format!("{}", n.value)
    };
    if n.kind == NumberKind::Percent {
        format!("{v}%")
    } else {
        v
    }
}

/// Dates, times and numbers, read with the locale tables of the block's language.
fn extract_temporal(
    block: &Block,
    locale: Option<&crate::locale::Locale>,
    taken: &Taken,
    out: &mut Vec<Anchor>,
) {
    let Some(locale) = locale else { return };
    let text = &block.text;
    let used: Vec<(usize, usize)> = taken.iter().map(|r| (r.start, r.end)).collect();
    // One pass of folding for the three extractors.
    let (dates, times, numbers) = temporal::extract_all_with(locale, text, &used);
    // Dates and times on a metadata line ("Last updated: 5 May 2023") are the file's
    // own, not the document's: not compared.
    // (Only asked of a block with a date or a time, which it filters: most have none.)
    let meta = if dates.is_empty() && times.is_empty() {
        Vec::new()
    } else {
        metadata_lines(text, &locale.data().metadata_labels)
    };
    let on_meta = |s: usize| meta.iter().any(|m| m.contains(&s));
    let dates: Vec<DateAnchor> = dates.into_iter().filter(|d| !on_meta(d.start)).collect();
    let times: Vec<_> = times.into_iter().filter(|t| !on_meta(t.start)).collect();
    let dates: Vec<DateAnchor> = dates.into_iter().filter(|d| !overlaps(&(d.start..d.end), taken)).collect();
    let event_date = dates.iter().find_map(full_date);
    for d in dates {
        out.push(Anchor {
            kind: Kind::Date,
            key: date_key(&d).into(),
            span: block.file_range(d.start..d.end),
            shown: text[d.start..d.end].into(),
            value: Value::Date(Box::new(d)),
        });
    }
    for t in times {
        if overlaps(&(t.start..t.end), taken) {
            continue;
        }
        out.push(Anchor {
            kind: Kind::Time,
            key: compact_str::format_compact!("{}-{:?}@{:?}", t.from_minutes, t.to_minutes, t.zone),
            span: block.file_range(t.start..t.end),
            shown: text[t.start..t.end].into(),
            value: Value::Time(Box::new(t), event_date),
        });
    }
    // Numbers inside inline code are a command's arguments and placeholders
    // (`-O{{1|2|3}}`, `{{vibrate 300}}`), compared with the code (code-mismatch's
    // neighbour, placeholder-mismatch), not free numbers.
    let in_code = |n: &NumberAnchor| block.code.iter().any(|c| n.start < c.end && c.start < n.end);
    let idioms = idiom_spans(text, &locale.data().number_idioms);
    let in_idiom = |n: &NumberAnchor| idioms.iter().any(|r| r.start <= n.start && n.end <= r.end);
    for n in numbers.into_iter().filter(|n| !in_code(n) && !in_idiom(n)) {
        out.push(Anchor {
            kind: Kind::Quantity,
            key: quantity_key(&n).into(),
            span: block.file_range(n.start..n.end),
            shown: text[n.start..n.end].into(),
            value: Value::Quantity(Quantity { value: n.value, kind: n.kind, spelled: n.spelled }),
        });
    }
}

/// `str::to_lowercase`, byte by byte for ASCII (the same, without the Unicode case tables).
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Where a text holds one of the number idioms (`24/7`), case aside.
fn idiom_spans(text: &str, idioms: &[String]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if idioms.is_empty() || !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    // An idiom's leading ASCII characters other than letters are their own lower case,
    // at the same offsets: a text without any of them holds no idiom (an idiom with no
    // such lead lets every text through).
    let lead =
        |i: &String| -> usize { i.bytes().take_while(|b| b.is_ascii() && !b.is_ascii_alphabetic()).count() };
    if idioms.iter().all(|i| lead(i) > 0 && !text.contains(&i[..lead(i)])) {
        return out;
    }
    let lower = lowercase(text);
    if lower.len() != text.len() {
        return out; // case folding moved offsets: rare, and only recall is lost
    }
    for idiom in idioms {
        let i = lowercase(idiom);
        for (at, m) in lower.match_indices(&i) {
            let before = lower[..at].chars().next_back();
            let after = lower[at + m.len()..].chars().next();
            if !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric()) {
                out.push(at..at + m.len());
            }
        }
    }
    out
}

/// Lines of a text that start with a metadata label (`Last updated:`, `آخر تحديث:`),
/// case and a leading emphasis mark aside.
pub fn metadata_lines(text: &str, labels: &[String]) -> Vec<Range<usize>> {
    if labels.is_empty() {
        return Vec::new();
    }
    let firsts: Vec<Option<std::char::ToLowercase>> =
        labels.iter().map(|l| l.chars().next().map(char::to_lowercase)).collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut lowered: Option<(Vec<String>, usize)> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>' | '-'));
        // Most lines start with a letter no label starts with: the first characters of the
        // line and of each label, lower-cased (a first character's lower case does not
        // depend on what follows), are compared before the line is (a test that lets
        // through every line the full comparison may take).
        let may = body.chars().next().is_none_or(|c| {
            let lc = c.to_lowercase();
            firsts.iter().any(|f| f.as_ref().is_none_or(|f| f.clone().zip(lc.clone()).all(|(a, b)| a == b)))
        });
        if !may {
            start += line.len();
            continue;
        }
        // The labels in lower case, once; and of the line only as many characters as the
        // longest label has, and one: lower-casing is character by character (but for a
        // capital sigma, whose lower case depends on what follows: the whole line then),
        // so these start with a label and its next character exactly when the whole
        // line's lower case does.
        let lowered = lowered.get_or_insert_with(|| {
            let l: Vec<String> = labels.iter().map(|l| l.to_lowercase()).collect();
            let longest = l.iter().map(|l| l.chars().count()).max().unwrap_or(0);
            (l, longest + 1)
        });
        let head = body.char_indices().nth(lowered.1).map_or(body, |(i, _)| &body[..i]);
        let lower = if head.contains('Σ') { body.to_lowercase() } else { head.to_lowercase() };
        let labelled = lowered.0.iter().any(|l| {
            lower.starts_with(l.as_str())
                && lower[l.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == ':' || c.is_whitespace() || c == '\u{A0}')
        });
        if labelled {
            out.push(start..start + line.len());
        }
        start += line.len();
    }
    out
}

/// The calendar date of a full date anchor.
pub fn full_date(d: &DateAnchor) -> Option<jiff::civil::Date> {
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => jiff::civil::Date::new(y as i16, m as i8, day as i8).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{parse, Format};

    proptest::proptest! {
        /// Texts without `@` are not searched for e-mails: the same e-mails as the regex.
        #[test]
        fn emails_as_the_regex(t in "([a-z0-9._%+-]|@|\\.[a-z]{2}| ){0,24}") {
            let want: Vec<Range<usize>> = email_re().find_iter(&t).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(find_emails(&t).collect::<Vec<_>>(), want);
        }

        #[test]
        fn lowercase_as_to_lowercase(t in "[a-zA-Z0-9 @.ÉéΣİ]{0,12}") {
            proptest::prop_assert_eq!(lowercase(&t), t.to_lowercase());
        }
    }

    /// `Kind::name` is what `{:?}` writes (alignment keys were built with `{:?}`).
    #[test]
    fn kind_names_are_the_debug_names() {
        for k in [Kind::Email, Kind::Code, Kind::Link, Kind::Number, Kind::Date, Kind::Time, Kind::Quantity] {
            assert_eq!(k.name(), format!("{k:?}"));
        }
    }

    #[test]
    fn idioms_and_metadata_labels_case_aside() {
        let idioms: Vec<String> = ["24/7", "24x7", "7 jours sur 7", "jour 7"].map(String::from).to_vec();
        assert_eq!(idiom_spans("open 24X7, or 24/7.", &idioms), vec![14..18, 5..9]);
        assert_eq!(idiom_spans("7 JOURS SUR 7 et JOUR 7", &idioms), vec![0..13, 17..23]);
        assert!(idiom_spans("open 25/7, and 2024", &idioms[..3]).is_empty());
        let labels: Vec<String> =
            ["Last updated", "Dernière mise à jour", "آخر تحديث", "Émis"].map(String::from).to_vec();
        let text = "**LAST UPDATED: 3 May**\nintro\n  dernière MISE À JOUR : mai\nآخر تحديث: ٣\némis le 3\nLast updatedness\n";
        let lines: Vec<&str> = metadata_lines(text, &labels).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            lines,
            ["**LAST UPDATED: 3 May**\n", "  dernière MISE À JOUR : mai\n", "آخر تحديث: ٣\n", "émis le 3\n"]
        );
    }

    /// Metadata lines as first found: each candidate line lower-cased whole.
    fn metadata_lines_lowering_whole_lines(text: &str, labels: &[String]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let body =
                line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>' | '-'));
            let lower = body.to_lowercase();
            let labelled = labels.iter().any(|l| {
                let l = l.to_lowercase();
                lower.starts_with(&l)
                    && lower[l.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ':' || c.is_whitespace() || c == '\u{A0}')
            });
            if labelled {
                out.push(start..start + line.len());
            }
            start += line.len();
        }
        out
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// Lower-casing a line's first characters finds the lines lower-casing it whole
        /// finds, sigmas, dotted capitals and expanding letters included.
        #[test]
        fn metadata_lines_are_those_of_whole_lines_lowered(
            text in proptest::collection::vec(
                "(\\*\\*| |> |- )?(Last|LAST|last|Σ|ΣΑ|σ|ς|İ|i̇|ß|ẞ|Dernière|DERNIÈRE|آخر|تحديث|Up|up)?[ :\u{A0}a-zΣİ]{0,4}(updated|UPDATED|Σ|ΣΑΣ)?[ :.\n]{0,2}",
                0..12,
            ).prop_map(|v: Vec<String>| v.concat()),
            lines in proptest::collection::vec("(Last updated|LAST UPDATED|up|UP|Dernière|ΣΑΣ|aΣ)[a-zΣ: ]?", 0..4),
            extra in "(ΣΑΣ|İstanbul|aΣ|Σ)?",
        ) {
            let text = format!("{text}\n{}", lines.join("\n"));
            let mut labels: Vec<String> =
                ["Last updated", "Dernière", "آخر تحديث", "up"].map(String::from).to_vec();
            if !extra.is_empty() {
                labels.push(extra);
            }
            proptest::prop_assert_eq!(metadata_lines(&text, &labels), metadata_lines_lowering_whole_lines(&text, &labels));
        }

        /// The byte scan finds the regex's runs: ASCII and both Arabic digit ranges, their
        /// neighbours in those blocks (`٪`, `ڰ`, `ۺ`, `٠`-like letters), other scripts' digits.
        #[test]
        fn number_runs_are_the_regex_matches(
            text in "[0-9a-z .,\u{65F}-\u{66A}\u{6EF}-\u{6FA}\u{640}\u{6B0}\u{9E6}\u{FF10}\u{1D7CE}é]{0,60}",
        ) {
            let want: Vec<Range<usize>> = number_re().find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(number_runs(&text).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn number_runs_over_every_character_are_the_regex_matches() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let t = format!("{c}1{c}{c}\u{661}\u{6F2}{c}a{c}");
            let want: Vec<Range<usize>> = number_re().find_iter(&t).map(|m| m.range()).collect();
            assert_eq!(number_runs(&t).collect::<Vec<_>>(), want, "{c:?}");
        }
    }

    /// A long document holds hundreds of thousands of anchors: their size is the memory
    /// of issue #13 (docs/reliability.md). Grow them only knowingly.
    #[test]
    fn an_anchor_stays_small() {
        assert!(std::mem::size_of::<Anchor>() <= 104, "{}", std::mem::size_of::<Anchor>());
        assert!(std::mem::size_of::<Value>() <= 32);
        // Short keys and shown values need no allocation of their own.
        let text = "# T\n\nOn 12 March 2022, 1,234 people wrote to a@b.org.\n";
        let b = &parse(text, 0..text.len(), Format::Markdown)[1];
        let a = extract(b, &Settings::default(), "en");
        assert!(a.len() >= 4, "{a:?}");
        assert!(a.iter().all(|a| !a.key.is_heap_allocated() && !a.shown.is_heap_allocated()));
    }

    #[test]
    fn taken_answers_like_a_plain_list() {
        // Every range pattern over 0..7, pushed in and out of order.
        let all: Vec<Range<usize>> = (0..7).flat_map(|a| (a..7).map(move |b| a..b)).collect();
        for seed in 0..200usize {
            let mut taken = Taken::new(7);
            let mut plain: Vec<Range<usize>> = Vec::new();
            for k in 0..6 {
                let r = all[(seed * 31 + k * 17 + seed / 7) % all.len()].clone();
                taken.push(r.clone());
                plain.push(r);
                for q in &all {
                    let want = plain.iter().any(|t| q.start < t.end && t.start < q.end);
                    assert_eq!(taken.overlaps(q), want, "{plain:?} {q:?}");
                }
            }
        }
    }

    fn anchors(s: &str) -> Vec<(Kind, String, String)> {
        let b = parse(s, 0..s.len(), Format::Markdown);
        b.iter()
            .flat_map(|b| extract(b, &Settings::default(), "en"))
            .map(|a| (a.kind, a.key.to_string(), s[a.span].to_string()))
            .collect()
    }

    #[test]
    fn extracts_with_file_spans() {
        let s = "A [Circular Letter \\(CL/4398\\)](https://unesco.org/en/cl) by 31 January; mail j.doe@unesco.org.\n";
        let a = anchors(s);
        assert!(a.contains(&(Kind::Link, "https://unesco.org/cl".into(), "https://unesco.org/en/cl".into())));
        assert!(a.contains(&(Kind::Code, "CL/4398".into(), "CL/4398".into())));
        assert!(a.contains(&(Kind::Email, "j.doe@unesco.org".into(), "j.doe@unesco.org".into())));
        assert!(a.contains(&(Kind::Number, "31".into(), "31".into())));
        // digits inside the code are not numbers again
        assert!(!a.iter().any(|x| x.1 == "4398" && x.0 == Kind::Number));
    }

    #[test]
    fn emails_do_not_swallow_arabic_letters() {
        let s = "البريد الإلكتروني:j.hironaka@unesco.orgشكرا\n";
        let a = anchors(s);
        let emails: Vec<_> = a.iter().filter(|x| x.0 == Kind::Email).collect();
        assert_eq!(emails.len(), 1, "{a:?}");
        assert_eq!(emails[0].2, "j.hironaka@unesco.org");
    }

    #[test]
    fn mail_links_are_emails_once() {
        let s = "[Z.varoglu@unesco.org](mailto>Z.varoglu@unesco.org) and [write](mailto:a@b.org)\n";
        let a = anchors(s);
        let emails: Vec<_> = a.iter().filter(|x| x.0 == Kind::Email).map(|x| x.1.as_str()).collect();
        assert_eq!(emails, vec!["a@b.org", "z.varoglu@unesco.org"]);
        assert!(!a.iter().any(|x| x.0 == Kind::Link));
    }

    #[test]
    fn bare_urls_and_in_page_anchors() {
        let s = "See https://a.org/x. Back to [top](#top) or [home](<https://a.org>)\n";
        let links: Vec<_> = anchors(s).into_iter().filter(|x| x.0 == Kind::Link).map(|x| x.2).collect();
        assert_eq!(links, vec!["https://a.org", "https://a.org/x"]);
    }
}
