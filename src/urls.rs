//! URLs: finding bare URLs in text, normalising link targets so that language versions of
//! one page compare equal, and recognising placeholder and malformed targets.

use crate::lang::Lang;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

fn url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>"'\[\]{}،؛«»\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]+"#).expect("url regex"))
}

/// Whether `text` holds what every bare URL starts with: `://` (after `http` or `https`)
/// or `www.` in any case (no letter but `w` and `W` folds to `w`). Most blocks hold
/// neither, and then need no regex search (which costs a few hundred instructions even on
/// a short text).
fn may_hold_url(text: &str) -> bool {
    static STARTS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    STARTS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(["://", "www."])
                .expect("URL starts")
        })
        .is_match(text)
}

/// Bare URLs in text, without the punctuation that ends the sentence around them.
pub fn find_bare(text: &str) -> Vec<Range<usize>> {
    if !may_hold_url(text) {
        return Vec::new();
    }
    url_re()
        .find_iter(text)
        .filter_map(|m| {
            let mut r = m.range();
            loop {
                let s = &text[r.clone()];
                let Some(c) = s.chars().last() else { break };
                let unbalanced = c == ')' && s.matches('(').count() < s.matches(')').count();
                if unbalanced
                    || matches!(
                        c,
                        '.' | ','
                            | ';'
                            | ':'
                            | '!'
                            | '?'
                            | '\''
                            | '"'
                            | '”'
                            | '’'
                            | '»'
                            | '؟'
                            | '\u{200E}'
                            | '\u{200F}'
                            | '\u{061C}'
                    )
                {
                    r.end -= c.len_utf8();
                } else {
                    break;
                }
            }
            let s = &text[r.clone()];
            (s.len() > "www.".len() && s.contains('.')).then_some(r)
        })
        .collect()
}

fn is_lang_marker(seg: &str) -> bool {
    // The length first: most segments are longer than any marker.
    if seg.len() > 7 {
        return false;
    }
    let primary = seg.split(['-', '_']).next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && seg.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
        && Lang::parse(seg).is_some()
}

/// Decodes `%XX` escapes (a link written `caf%C3%A9` is the link written `café`); an
/// escape that does not decode to UTF-8 is kept with its hex digits in upper case. A text
/// without `%` is itself (most segments: no copy).
fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(t) => Cow::Owned(t),
        Err(_) => {
            let mut t = s.to_string();
            t.make_ascii_uppercase();
            Cow::Owned(t)
        }
    }
}

/// A path segment without its language marker: `en`, `fr-ca` go, `report-en.pdf` is
/// `report.pdf`, `page.ar.html` is `page.html`.
fn drop_language(s: &str) -> Cow<'_, str> {
    if is_lang_marker(s) {
        return Cow::Borrowed("");
    }
    let (stem, ext) = match s.rfind('.') {
        Some(i) if i > 0 => (&s[..i], &s[i..]),
        _ => (s, ""),
    };
    // A marker of two letters after the stem's last `-`, `_` or `.`: that separator is the
    // third byte from the end (the two letters are none), and not the first byte.
    let n = stem.len();
    if n > 3 && matches!(stem.as_bytes()[n - 3], b'-' | b'_' | b'.') && is_lang_marker(&stem[n - 2..]) {
        return Cow::Owned(format!("{}{}", &stem[..n - 3], ext));
    }
    Cow::Borrowed(s)
}

/// Path segments compared: decoded, language markers dropped, empty segments (a trailing
/// or doubled slash) gone.
fn path_segments(path: &str) -> impl Iterator<Item = Cow<'_, str>> {
    path.split('/').filter(|s| !s.is_empty()).filter_map(|s| match percent_decode(s) {
        Cow::Borrowed(d) => Some(drop_language(d)).filter(|x| !x.is_empty()),
        Cow::Owned(d) => Some(Cow::<str>::Owned(drop_language(&d).into_owned())).filter(|x| !x.is_empty()),
    })
}

fn query_params(query: &str) -> Vec<String> {
    query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !p.is_empty()
                && !["lang", "hl", "language", "locale", "lng"].iter().any(|k| key.eq_ignore_ascii_case(k))
        })
        .map(|p| percent_decode(p).into_owned())
        .collect()
}

/// Normalises a link target for comparison across languages. Absolute URLs are parsed the
/// WHATWG way (the `url` crate): scheme and host case, IDNA hosts, default ports and
/// percent-encoding do not count, nor do `http`/`https`, `www.`, trailing slashes and
/// language markers (`/fr/`, `?lang=fr`, `fr.` subdomains, `-fr` suffixes). Site-relative
/// and relative links (`/en/guides/x/`, `../fr/page.html`) lose their language segments
/// and trailing slash too, and their fragment: a fragment into another page names a
/// heading, and headings are translated. The key of a relative link starts with `/`,
/// `./` or `../` (never with a scheme), so [`same_page`] can tell the two apart.
pub fn normalize(dest: &str) -> String {
    let d = dest.trim();
    // (Built without copies where none is needed: one key per link, and most links are
    // already in the form compared.)
    let www = d.as_bytes().get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"www."));
    let absolute: Cow<str> = if www { Cow::Owned(format!("https://{d}")) } else { Cow::Borrowed(d) };
    if let Ok(u) = url::Url::parse(&absolute) {
        if !u.cannot_be_a_base() && u.host_str().is_some() {
            let scheme = match u.scheme() {
                "http" => "https",
                s => s,
            };
            let host_str = u.host_str().unwrap_or("");
            let lowered: Cow<str> = if host_str.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(host_str.to_ascii_lowercase())
            } else {
                Cow::Borrowed(host_str)
            };
            let host = lowered.strip_prefix("www.").unwrap_or(&lowered);
            let mut out = String::with_capacity(d.len() + 16);
            out.push_str(scheme);
            out.push_str("://");
            // A language subdomain (`fr.example.org`) of a host of three labels or more.
            match host.split_once('.') {
                Some((first, rest)) if rest.contains('.') && is_lang_marker(first) => {
                    out.push_str("{lang}.");
                    out.push_str(rest);
                }
                _ => out.push_str(host),
            }
            // `Url::port` is None for the scheme's default port; http's 80 and https's 443
            // are one port once the schemes are one.
            if let Some(p) = u.port().filter(|p| !(u.scheme() == "http" && *p == 443)) {
                use std::fmt::Write;
                let _ = write!(out, ":{p}");
            }
            for s in path_segments(u.path()) {
                out.push('/');
                out.push_str(&s);
            }
            let params = query_params(u.query().unwrap_or(""));
            if !params.is_empty() {
                out.push('?');
                out.push_str(&params.join("&"));
            }
            if let Some(f) = u.fragment() {
                out.push('#');
                out.push_str(&percent_decode(f));
            }
            return out;
        }
        return d.to_string();
    }
    if d.starts_with('#') || d.is_empty() {
        return d.to_string();
    }
    // Relative: `/x`, `./x`, `../x`, `x`.
    let path_q = d.split('#').next().unwrap_or("");
    let (path, query) = match path_q.find('?') {
        Some(i) => (&path_q[..i], &path_q[i + 1..]),
        None => (path_q, ""),
    };
    let lead = if path.starts_with('/') { "/" } else { "" };
    let segs: Vec<Cow<str>> = path_segments(path).collect();
    let mut out = String::from(lead);
    if lead.is_empty() && !segs.first().is_some_and(|s| s == "." || s == "..") {
        out.push_str("./");
    }
    out.push_str(&segs.join("/"));
    let params = query_params(query);
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out
}

/// Whether two normalised link keys name one page: equal, or one absolute and one
/// relative whose path (without `.` and `..`) is the tail of the absolute one's path (the
/// localised copy `../fr/page.html` of `https://site.org/page.html`), at least one segment
/// long. Fragments of absolute URLs are left out of the tail comparison.
pub fn same_page(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let is_abs = |k: &str| k.contains("://");
    let (abs, rel) = match (is_abs(a), is_abs(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return false,
    };
    let abs_path = abs.split("://").nth(1).unwrap_or("").split(['#', '?']).next().unwrap_or("");
    let abs_segs: Vec<&str> = abs_path.split('/').skip(1).filter(|s| !s.is_empty()).collect();
    let rel_path = rel.split('?').next().unwrap_or("");
    let rel_segs: Vec<&str> =
        rel_path.split('/').filter(|s| !s.is_empty() && *s != "." && *s != "..").collect();
    !rel_segs.is_empty() && abs_segs.ends_with(&rel_segs)
}

/// [`same_page`] for a site whose base URLs are configured: absolute links under a base
/// were made site-relative when their keys were built, so an absolute key names another
/// site and is never the page of a relative link; two relative keys name one page when
/// one's path (without `.` and `..`) is the tail of the other's (`../page.html` and
/// `/docs/page.html`).
pub fn same_page_on_site(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.contains("://") || b.contains("://") {
        return false;
    }
    let segs = |k: &'_ str| -> Vec<String> {
        k.split('?')
            .next()
            .unwrap_or("")
            .split('/')
            .filter(|s| !s.is_empty() && *s != "." && *s != "..")
            .map(str::to_string)
            .collect()
    };
    let (sa, sb) = (segs(a), segs(b));
    let (short, long) = if sa.len() <= sb.len() { (sa, sb) } else { (sb, sa) };
    !short.is_empty() && long.ends_with(&short)
}

/// Whether a link target is a placeholder rather than a real destination.
pub fn is_placeholder(dest: &str) -> bool {
    let d = dest.trim().to_ascii_lowercase();
    let d = d.trim_end_matches('/');
    matches!(
        d,
        "" | "#" | "todo" | "xxx" | "tbd" | "http:" | "https:" | "http://" | "https://" | "url" | "link"
    ) || d.starts_with("javascript:void")
        || matches!(
            strip_all(strip_all(strip_all(d, "https://"), "http://"), "www."),
            "example.com" | "example.org" | "example.net"
        )
}

/// Whether `text` holds `://`, with one searcher for every text (`str::contains` sets
/// one up for each: more than the search of a short block).
pub fn has_scheme_separator(text: &str) -> bool {
    static SEP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("://"));
    SEP.find(text.as_bytes()).is_some()
}

/// `s.trim_start_matches(prefix)` (every leading `prefix` removed, `prefix` not empty),
/// without the string searcher `trim_start_matches` sets up for a `&str` (most of
/// `is_placeholder`'s time, for every link).
fn strip_all<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

const BAD_MAILTO: &[&str] =
    &["mailto>", "mailto;", "mailto.", "mailto//", "mailto=", "mail to:", "mailo:", "maito:", "malto:"];

/// The length of a misspelt `mailto:` prefix at the start of a target.
pub fn bad_mailto_prefix(dest: &str) -> Option<usize> {
    let lower = dest.to_ascii_lowercase();
    BAD_MAILTO.iter().find(|b| lower.starts_with(*b)).map(|b| b.len())
}

/// What is wrong with a link target, if anything. `text` is the link text.
/// How many `(` and `[`, and how many `)` and `]`, `s` holds: one pass over the bytes
/// (an ASCII byte is never part of another character), where four searches each set up
/// a searcher for every link.
fn brackets(s: &str) -> (usize, usize) {
    let (mut opens, mut closes) = (0, 0);
    for &b in s.as_bytes() {
        match b {
            b'(' | b'[' => opens += 1,
            b')' | b']' => closes += 1,
            _ => {}
        }
    }
    (opens, closes)
}

pub fn malformed(dest: &str, text: &str) -> Option<String> {
    let d = dest.trim();
    let lower = d.to_ascii_lowercase();
    for bad in BAD_MAILTO {
        if lower.starts_with(bad) {
            return Some(format!("`{}` is not a mail link; it should start with `mailto:`", &d[..bad.len()]));
        }
    }
    if let Some(addr) = lower.strip_prefix("mailto:") {
        let addr = addr.split('?').next().unwrap_or("");
        let t = text.trim().to_ascii_lowercase();
        if t.contains('@') && !t.contains(' ') && t != addr {
            return Some(format!("the mail link goes to `{addr}` but its text shows `{}`", text.trim()));
        }
        if !addr.contains('@') {
            return Some(format!("`{d}` has no e-mail address"));
        }
        return None;
    }
    for (bad, good) in [
        ("htp://", "http://"),
        ("htps://", "https://"),
        ("hhtp://", "http://"),
        ("hhtps://", "https://"),
        ("htttp://", "http://"),
        ("htttps://", "https://"),
        ("http//", "http://"),
        ("https//", "https://"),
        ("http:/", "http://"),
        ("https:/", "https://"),
        ("http:\\\\", "http://"),
        ("https:\\\\", "https://"),
    ] {
        if lower.starts_with(bad) && !lower.starts_with(good) {
            return Some(format!("the scheme `{}` is misspelt; expected `{good}`", &d[..bad.len()]));
        }
    }
    if d.chars().any(char::is_whitespace) {
        return Some("the link target contains white space".into());
    }
    let (opens, closes) = brackets(d);
    if opens != closes {
        return Some("the link target has unbalanced brackets".into());
    }
    if lower.starts_with("www.") {
        return Some(format!("`{d}` has no scheme, so it is read as a relative path; write `https://{d}`"));
    }
    None
}

/// `normalize` as first written, before copies were spared: the reference the fast
/// version is tested against.
#[cfg(test)]
mod reference {
    fn percent_decode(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' && i + 2 < b.len() {
                let hex =
                    std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(v) = hex {
                    out.push(v);
                    i += 3;
                    continue;
                }
            }
            out.push(b[i]);
            i += 1;
        }
        match String::from_utf8(out) {
            Ok(t) => t,
            Err(_) => {
                let mut t = s.to_string();
                t.make_ascii_uppercase();
                t
            }
        }
    }

    fn drop_language(s: &str) -> String {
        if is_lang_marker(s) {
            return String::new();
        }
        let (stem, ext) = match s.rfind('.') {
            Some(i) if i > 0 => (&s[..i], &s[i..]),
            _ => (s, ""),
        };
        for sep in ['-', '_', '.'] {
            if let Some(i) = stem.rfind(sep) {
                if i > 0 && is_lang_marker(&stem[i + 1..]) && stem.len() - i - 1 == 2 {
                    return format!("{}{}", &stem[..i], ext);
                }
            }
        }
        s.to_string()
    }

    fn path_segments(path: &str) -> Vec<String> {
        path.split('/')
            .filter(|s| !s.is_empty())
            .map(|s| drop_language(&percent_decode(s)))
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn query_params(query: &str) -> Vec<String> {
        query
            .split('&')
            .filter(|p| {
                let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
                !p.is_empty() && !matches!(key.as_str(), "lang" | "hl" | "language" | "locale" | "lng")
            })
            .map(percent_decode)
            .collect()
    }

    pub fn normalize(dest: &str) -> String {
        let d = dest.trim();
        let lower = d.to_ascii_lowercase();
        let absolute = if lower.starts_with("www.") { format!("https://{d}") } else { d.to_string() };
        if let Ok(u) = url::Url::parse(&absolute) {
            if !u.cannot_be_a_base() && u.host_str().is_some() {
                let scheme = match u.scheme() {
                    "http" => "https",
                    s => s,
                };
                let mut host = u.host_str().unwrap_or("").to_ascii_lowercase();
                if let Some(h) = host.strip_prefix("www.") {
                    host = h.to_string();
                }
                let labels: Vec<&str> = host.split('.').collect();
                if labels.len() >= 3 && is_lang_marker(labels[0]) {
                    host = format!("{{lang}}.{}", labels[1..].join("."));
                }
                let mut out = format!("{scheme}://{host}");
                // `Url::port` is None for the scheme's default port; http's 80 and https's 443
                // are one port once the schemes are one.
                if let Some(p) = u.port().filter(|p| !(u.scheme() == "http" && *p == 443)) {
                    out.push_str(&format!(":{p}"));
                }
                for s in path_segments(u.path()) {
                    out.push('/');
                    out.push_str(&s);
                }
                let params = query_params(u.query().unwrap_or(""));
                if !params.is_empty() {
                    out.push('?');
                    out.push_str(&params.join("&"));
                }
                if let Some(f) = u.fragment() {
                    out.push('#');
                    out.push_str(&percent_decode(f));
                }
                return out;
            }
            return d.to_string();
        }
        if d.starts_with('#') || d.is_empty() {
            return d.to_string();
        }
        // Relative: `/x`, `./x`, `../x`, `x`.
        let path_q = d.split('#').next().unwrap_or("");
        let (path, query) = match path_q.find('?') {
            Some(i) => (&path_q[..i], &path_q[i + 1..]),
            None => (path_q, ""),
        };
        let lead = if path.starts_with('/') { "/" } else { "" };
        let segs: Vec<String> = path_segments(path);
        let mut out = String::from(lead);
        if lead.is_empty() && !segs.first().is_some_and(|s| s == "." || s == "..") {
            out.push_str("./");
        }
        out.push_str(&segs.join("/"));
        let params = query_params(query);
        if !params.is_empty() {
            out.push('?');
            out.push_str(&params.join("&"));
        }
        out
    }

    fn is_lang_marker(seg: &str) -> bool {
        let primary = seg.split(['-', '_']).next().unwrap_or("");
        (2..=3).contains(&primary.len())
            && seg.len() <= 7
            && seg.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
            && lang_parse(seg)
    }

    /// `Lang::parse` as first written (a lower-cased copy compared with each known tag).
    fn lang_parse(tag: &str) -> bool {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        crate::lang::Lang::parse(&primary).is_some_and(|l| l.tag() == primary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `strip_all` is `trim_start_matches` with a `&str`.
        #[test]
        fn strip_all_is_trim_start_matches(
            parts in proptest::collection::vec(proptest::sample::select(vec!["https://", "http://", "www.", "h", "x", "/", "é"]), 0..8),
        ) {
            let s = parts.concat();
            for p in ["https://", "http://", "www.", "h"] {
                proptest::prop_assert_eq!(strip_all(&s, p), s.trim_start_matches(p));
            }
            proptest::prop_assert_eq!(has_scheme_separator(&s), s.contains("://"));
        }

        /// The bracket counts are those of `matches`.
        #[test]
        fn brackets_are_counted_as_matches_counts(
            parts in proptest::collection::vec(proptest::sample::select(vec!["(", ")", "[", "]", "a", "é", "（", "\u{FF3D}", " "]), 0..16),
        ) {
            let s = parts.concat();
            let want = (s.matches('(').count() + s.matches('[').count(), s.matches(')').count() + s.matches(']').count());
            proptest::prop_assert_eq!(brackets(&s), want);
        }
    }

    proptest::proptest! {
        /// Keys are those of the reference, on links put together from awkward pieces.
        #[test]
        fn keys_are_the_reference_keys(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "https://", "http://", "HTTP://", "www.", "WWW.", "ftp://", "mailto:", "fr.", "EN.", "zh-cn.",
                "unesco", "Example", ".org", ".ORG", ":443", ":80", ":8080", "/", "//", "en", "fr-ca", "AR",
                "report-en.pdf", "page.ar.html", "x_fr", "%C3%A9", "%e9", "%zz", "%", "?", "&", "=", "lang=fr",
                "HL=en", "id=3", "#", "#Top%20x", ".", "..", "./", "../", " ", "é", "ب", "und", "a",
            ]), 0..12),
        ) {
            let d = parts.concat();
            proptest::prop_assert_eq!(normalize(&d), reference::normalize(&d), "{:?}", d);
        }
    }

    #[test]
    fn language_markers_compare_equal() {
        let n = normalize;
        assert_eq!(n("https://www.unesco.org/en/articles/x"), n("https://www.unesco.org/fr/articles/x"));
        assert_eq!(n("https://unesco.org/ar/articles/x/"), n("http://www.unesco.org/en/articles/x"));
        assert_eq!(n("https://site.org/page?id=3&lang=fr"), n("https://site.org/page?lang=en&id=3"));
        assert_eq!(n("https://en.unesco.org/news"), n("https://fr.unesco.org/news"));
        assert_eq!(n("https://a.org/files/report-en.pdf"), n("https://a.org/files/report-fr.pdf"));
        assert_eq!(n("https://a.org/zh-cn/x"), n("https://a.org/es/x"));
        assert_eq!(n("https://www.unesco.org"), n("https://www.unesco.org/ar"));
        assert_ne!(n("https://a.org/x/report.pdf"), n("https://a.org/y/report.pdf"));
        assert_ne!(n("https://a.org/open"), n("https://a.org/opfr"));
        assert_eq!(n("#"), "#");
    }

    #[test]
    fn whatwg_equivalences() {
        let n = normalize;
        assert_eq!(n("https://www.unesco.org:443/en/x"), n("https://unesco.org/fr/x"));
        assert_eq!(n("http://unesco.org:80/x"), n("https://unesco.org/x"));
        assert_ne!(n("https://unesco.org:8080/x"), n("https://unesco.org/x"));
        assert_eq!(n("https://a.org/caf%C3%A9"), n("https://a.org/café"));
        assert_eq!(n("https://a.org/caf%c3%a9"), n("https://a.org/caf%C3%A9"));
        assert_eq!(n("https://bücher.example/x"), n("https://xn--bcher-kva.example/x"));
        assert_eq!(n("HTTPS://A.ORG/x"), n("https://a.org/x"));
        assert_ne!(n("https://a.org/X"), n("https://a.org/x"));
    }

    #[test]
    fn relative_links() {
        let n = normalize;
        assert_eq!(n("/en/guides/x/"), n("/ar/guides/x"));
        assert_eq!(n("/roadmap/vision"), n("/roadmap/vision/"));
        assert_eq!(n("../how-to/#writing-a-readme"), n("../how-to/#ecrire-un-fichier-readme"));
        assert_ne!(n("/about/previous-releases/"), n("/about/releases/"));
        assert_ne!(n("/x"), n("./x"));
        assert_eq!(n("x.html"), n("./x.html"));
        assert!(same_page(&n("../fr/page.html"), &n("https://site.org/page.html")));
        assert!(same_page(&n("/ar/docs/x"), &n("https://site.org/en/docs/x/")));
        assert!(!same_page(&n("/ar/docs/x"), &n("https://site.org/docs/y")));
        assert!(!same_page(&n("../"), &n("https://site.org/")));
        assert!(same_page_on_site(&n("../page.html"), &n("/docs/page.html")));
        assert!(!same_page_on_site(&n("/ar/docs/x"), &n("https://other.org/en/docs/x/")));
        assert!(!same_page_on_site(&n("/docs/x"), &n("/docs/y")));
    }

    #[test]
    fn bare_urls_drop_trailing_punctuation() {
        let t = "See https://unesco.org/x, or (https://a.org/b_(c)). Also www.oer.org؟ and https://a.org/y\u{200F}.";
        let found: Vec<&str> = find_bare(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            found,
            vec!["https://unesco.org/x", "https://a.org/b_(c)", "www.oer.org", "https://a.org/y"]
        );
    }

    proptest::proptest! {
        /// A text without `://` or `www.` holds no match of the URL pattern: the early
        /// return of `find_bare` drops none (`ſ` folds to `s`, `K` to `k`, `ẞ` to `ß`).
        #[test]
        fn texts_without_a_url_start_hold_no_url(
            a in proptest::collection::vec(proptest::sample::select(vec![
                "http", "HTTPS", "httpſ", "://", ":/", "/", ":", "www", "WwW", "ww", "w", ".", "a.org", "x",
                " www.", " wWw.",
                " ", "(", ")", "\u{200F}", "ب", "é", "K",
            ]), 0..16),
        ) {
            let a = a.concat();
            if !may_hold_url(&a) {
                proptest::prop_assert!(url_re().find(&a).is_none(), "{}", a);
            }
        }
    }

    #[test]
    fn url_starts_are_seen() {
        for t in ["see WWW.a.org", "HTTPſ://a.org", "x https://a.org", "wWw.b.c"] {
            assert!(may_hold_url(t), "{t}");
            assert!(!find_bare(t).is_empty(), "{t}");
        }
        assert!(!may_hold_url("ww.a.org http:/a.org wwwa.org"));
    }

    #[test]
    fn placeholders() {
        for p in ["#", "", " ", "javascript:void(0)", "http://example.com", "TODO", "XXX", "https://"] {
            assert!(is_placeholder(p), "{p}");
        }
        for p in ["#section-2", "https://example.com/real-page", "https://unesco.org"] {
            assert!(!is_placeholder(p), "{p}");
        }
    }

    #[test]
    fn malformed_targets() {
        assert!(malformed("mailto>z@unesco.org", "z@unesco.org").unwrap().contains("mailto:"));
        assert!(malformed("mailto:a@unesco.org", "b@unesco.org").unwrap().contains("text shows"));
        assert!(malformed("htp://unesco.org", "x").unwrap().contains("misspelt"));
        assert!(malformed("https//unesco.org", "x").is_some());
        assert!(malformed("www.unesco.org", "x").unwrap().contains("no scheme"));
        assert!(malformed("https://a.org/x(y", "x").unwrap().contains("unbalanced"));
        assert_eq!(malformed("mailto:A@unesco.org", "a@unesco.org"), None);
        assert_eq!(malformed("mailto:a@unesco.org", "write to us"), None);
        assert_eq!(malformed("https://a.org/b_(c)", "x"), None);
        assert_eq!(malformed("#top", "x"), None);
        assert_eq!(malformed("../docs/x.md", "x"), None);
    }
}
