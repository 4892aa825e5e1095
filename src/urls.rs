//! URLs: finding bare URLs in text, normalising link targets so that language versions of
//! one page compare equal, and recognising placeholder and malformed targets.

use crate::lang::Lang;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

fn url_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>"'\[\]{}،؛«»]+"#).expect("url regex"))
}

/// Bare URLs in text, without the punctuation that ends the sentence around them.
pub fn find_bare(text: &str) -> Vec<Range<usize>> {
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
    let primary = seg.split(['-', '_']).next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && seg.len() <= 7
        && seg.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
        && Lang::parse(seg).is_some()
}

/// Normalises a link target for comparison across languages: scheme and host case,
/// `http`/`https`, `www.`, trailing slashes, and language markers (`/fr/`, `?lang=fr`,
/// `fr.` subdomains, `-fr` suffixes) are made equal.
pub fn normalize(dest: &str) -> String {
    let d = dest.trim();
    let (scheme, rest) = match d.find("://") {
        Some(i) => (d[..i].to_ascii_lowercase(), &d[i + 3..]),
        None if d.to_ascii_lowercase().starts_with("www.") => ("https".to_string(), d),
        None => return d.to_string(),
    };
    let scheme = if scheme == "http" { "https".to_string() } else { scheme };
    let (host_end, _) =
        rest.char_indices().find(|(_, c)| matches!(c, '/' | '?' | '#')).unwrap_or((rest.len(), ' '));
    let mut host = rest[..host_end].to_ascii_lowercase();
    if let Some(h) = host.strip_prefix("www.") {
        host = h.to_string();
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() >= 3 && is_lang_marker(labels[0]) {
        host = format!("{{lang}}.{}", labels[1..].join("."));
    }
    let tail = &rest[host_end..];
    let (path_q, frag) = match tail.find('#') {
        Some(i) => (&tail[..i], &tail[i..]),
        None => (tail, ""),
    };
    let (path, query) = match path_q.find('?') {
        Some(i) => (&path_q[..i], &path_q[i + 1..]),
        None => (path_q, ""),
    };
    // Language path segments are dropped: `/en/x`, `/fr/x` and `/x` are one page.
    let segs: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if is_lang_marker(s) {
                return String::new();
            }
            // report-en.pdf, report_fr, page.ar.html
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
        })
        .filter(|s| !s.is_empty())
        .collect();
    let params: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !p.is_empty() && !matches!(key.as_str(), "lang" | "hl" | "language" | "locale" | "lng")
        })
        .collect();
    let mut out = format!("{scheme}://{host}");
    for s in &segs {
        out.push('/');
        out.push_str(s);
    }
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    out.push_str(frag);
    out
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
            d.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www."),
            "example.com" | "example.org" | "example.net"
        )
}

const BAD_MAILTO: &[&str] =
    &["mailto>", "mailto;", "mailto.", "mailto//", "mailto=", "mail to:", "mailo:", "maito:", "malto:"];

/// The length of a misspelt `mailto:` prefix at the start of a target.
pub fn bad_mailto_prefix(dest: &str) -> Option<usize> {
    let lower = dest.to_ascii_lowercase();
    BAD_MAILTO.iter().find(|b| lower.starts_with(*b)).map(|b| b.len())
}

/// What is wrong with a link target, if anything. `text` is the link text.
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
    let opens = d.matches('(').count() + d.matches('[').count();
    let closes = d.matches(')').count() + d.matches(']').count();
    if opens != closes {
        return Some("the link target has unbalanced brackets".into());
    }
    if lower.starts_with("www.") {
        return Some(format!("`{d}` has no scheme, so it is read as a relative path; write `https://{d}`"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn bare_urls_drop_trailing_punctuation() {
        let t = "See https://unesco.org/x, or (https://a.org/b_(c)). Also www.oer.org؟ and https://a.org/y\u{200F}.";
        let found: Vec<&str> = find_bare(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            found,
            vec!["https://unesco.org/x", "https://a.org/b_(c)", "www.oer.org", "https://a.org/y"]
        );
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
