//! # confusable (error)
//!
//! A link host, email domain or reference code that is not what it looks like: it holds
//! letters of another script that look like Latin ones (`unesсo.org` with a Cyrillic
//! `с`), mixes scripts, or — in a translation — looks the same as a host the source uses
//! while being a different one.
//!
//! Look-alike hosts are how phishing hides in a trusted document, and how an OCR or
//! copy-paste slip sends readers of one language to a site that does not exist. Look-alikes
//! are decided with the confusable data of Unicode Technical Standard #39 (the
//! `unicode-security` crate's skeletons), not a hand list.
//!
//! Example: the French text links `https://www.unesсo.org/fr` (Cyrillic `с` U+0441): it
//! is reported as looking like `unesco.org`. Arabic text with its own Arabic words and an
//! ordinary `https://www.unesco.org/ar` link stays silent.

use super::{Blocks, Ctx, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::script::{describe_char, scripts_of};
use unicode_script::Script;
use unicode_security::skeleton;

pub const RULE: Rule = Rule {
    id: "confusable",
    severity: Severity::Error,
    summary: "a link host, email domain or code holds look-alike or mixed-script letters",
    pair: Some(check_pair),
    blocks: Some(check_blocks),
    default_enabled: true,
};

/// Tokens that name something (they hold `/`, `@` or `.` between letters).
///
/// The white-space-separated pieces of the text (as `split_inclusive(char::is_whitespace)`
/// cuts them) that hold a `/`, `@` or `.`; only those can name something, and they are
/// found from those bytes, without cutting the rest of the text into pieces.
pub(crate) fn identifier_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut done = 0;
    // The three bytes are found with `memchr3` (a vector search), not byte by byte.
    memchr::memchr3_iter(b'/', b'@', b'.', text.as_bytes())
        .filter_map(move |p| {
            if p < done {
                return None; // in the piece already read
            }
            let start = text[..p]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = text[p..]
                .char_indices()
                .find(|(_, c)| c.is_whitespace())
                .map_or(text.len(), |(i, c)| p + i + c.len_utf8());
            done = end;
            Some((start, &text[start..end]))
        })
        .filter_map(identifier)
}

/// The identifier in a piece of text with the white space that ends it (as
/// `split_inclusive` gives it) and where it starts: without final punctuation and opening
/// brackets, when it holds `/`, `@` or `.` and a letter.
fn identifier((start, tok): (usize, &str)) -> Option<(usize, &str)> {
    let trimmed = tok.trim_end().trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»', '،', '؛']);
    let lead = trimmed.len() - trimmed.trim_start_matches(['(', '«', '[', '<', '"']).len();
    let t = &trimmed[lead..];
    (t.contains(['/', '@', '.']) && t.chars().any(char::is_alphabetic)).then_some((start + lead, t))
}

const LOOKALIKE_SCRIPTS: &[Script] = &[Script::Cyrillic, Script::Greek, Script::Armenian, Script::Cherokee];

/// An email, a URL, a host name, or a code: `a@b.org`, `https://…`, `unesco.org`, `CL/4398`.
/// Written out rather than as a regex: a regex with Unicode letter classes costs a few
/// milliseconds to compile, a large share of a pre-commit run (the test
/// `identifier_test_matches_the_regex` checks both agree).
pub(crate) fn looks_like_identifier(t: &str) -> bool {
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '-');
    let host = |s: &str| s.contains('.') && s.split('.').all(word);
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return false;
    }
    if let Some((local, domain)) = t.rsplit_once('@') {
        if !local.is_empty() && host(domain) {
            return true;
        }
    }
    if let Some((scheme, rest)) = t.split_once("://") {
        if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic()) && !rest.is_empty() {
            return true;
        }
    }
    if host(t) {
        return true;
    }
    if let Some((prefix, rest)) = t.split_once('/') {
        let n = prefix.chars().count();
        if (1..=6).contains(&n)
            && prefix.chars().all(char::is_alphabetic)
            && rest.chars().next().is_some_and(char::is_numeric)
        {
            return true;
        }
    }
    false
}

/// What a look-alike token reads as: each non-ASCII letter replaced by the ASCII letter
/// it is confusable with, when there is one.
fn reads_as(token: &str) -> Option<String> {
    if token.is_ascii() {
        return None;
    }
    let mut out = String::new();
    for c in token.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let sk: String = skeleton(&c.to_string()).collect();
        if sk.is_ascii() && !sk.is_empty() {
            out.push_str(&sk);
        } else {
            return None;
        }
    }
    Some(out)
}

fn check_blocks(b: &Blocks, out: &mut Vec<Diagnostic>) {
    for block in b.blocks {
        // An ASCII token neither reads as another (`reads_as` is `None`) nor holds a letter
        // of a look-alike script: only tokens with a non-ASCII character can be reported,
        // and a block in ASCII has none (most blocks of Latin-script text).
        let text = if block.text.is_ascii() { "" } else { block.text.as_str() };
        for (start, tok) in identifier_tokens(text).filter(|(_, t)| !t.is_ascii()) {
            if !looks_like_identifier(tok) {
                continue;
            }
            let scripts = scripts_of(tok);
            let looks = reads_as(tok);
            // Arabic or Chinese next to Latin is the mixed-script rule's business; here,
            // scripts whose letters pass for Latin ones.
            let mixed =
                scripts.contains(&Script::Latin) && scripts.iter().any(|s| LOOKALIKE_SCRIPTS.contains(s));
            if looks.is_none() && !mixed {
                continue;
            }
            let odd: Vec<String> = tok
                .chars()
                .filter(|c| !c.is_ascii() && c.is_alphabetic())
                .take(4)
                .map(describe_char)
                .collect();
            // Look-alike *letters*: typographic punctuation (`…` in `https://…`) spoofs nothing.
            if odd.is_empty() {
                continue;
            }
            let msg = match &looks {
                Some(a) => format!("`{tok}` looks like `{a}` but holds {}", odd.join(", ")),
                None => format!(
                    "`{tok}` mixes {} letters: {}",
                    scripts.iter().map(|s| s.full_name()).collect::<Vec<_>>().join(" and "),
                    odd.join(", ")
                ),
            };
            let span = block.file_range(start..start + tok.len());
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    msg,
                    Label::new(b.file, b.lang, span, "look-alike letters"),
                )
                .expected_found(looks.clone().unwrap_or_default(), tok),
            );
        }
        // Link targets are not in the plain text: check them too.
        for l in block.links.iter().filter(|l| l.markdown && !l.dest.is_ascii()) {
            let host = host_of(&l.dest);
            if host.is_empty() || host.is_ascii() {
                continue;
            }
            let looks = reads_as(host);
            if looks.is_none() && scripts_of(host).len() < 2 {
                continue;
            }
            let odd: Vec<String> =
                host.chars().filter(|c| !c.is_ascii()).take(4).map(describe_char).collect();
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!(
                        "link host `{host}` {} holds {}",
                        looks
                            .as_ref()
                            .map(|a| format!("looks like `{a}` but"))
                            .unwrap_or_else(|| "mixes scripts and".into()),
                        odd.join(", ")
                    ),
                    Label::new(b.file, b.lang, l.dest_span.clone(), "look-alike host"),
                )
                .expected_found(looks.unwrap_or_default(), host),
            );
        }
    }
}

/// The host of a URL (`https://host/...`), lower-cased only by the caller.
pub fn host_of(url: &str) -> &str {
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        None => return "",
    };
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    &rest[..end]
}

fn check_pair(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let hosts = |v: &crate::check::Version| -> Vec<(String, usize, std::ops::Range<usize>)> {
        let mut h = Vec::new();
        for (i, anchors) in v.anchors.iter().enumerate() {
            for a in anchors.iter().filter(|a| a.kind == crate::anchors::Kind::Link) {
                let host = host_of(&a.shown).to_lowercase();
                if !host.is_empty() {
                    h.push((host, i, a.span.clone()));
                }
            }
        }
        h
    };
    let src = hosts(ctx.src);
    for (host, _, span) in hosts(ctx.tgt) {
        if !host.is_ascii() || src.iter().any(|(s, _, _)| *s == host) {
            continue; // non-ASCII hosts are reported by the block check
        }
        let sk: String = skeleton(&host).collect();
        if let Some((s, _, sspan)) = src.iter().find(|(s, _, _)| skeleton(s).collect::<String>() == sk) {
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    format!("link host `{host}` looks like `{s}`, which the {} text uses, but is a different host", ctx.src.lang.name()),
                    Label::new(&ctx.tgt.file, ctx.tgt.lang, span.clone(), format!("looks like `{s}`")),
                )
                .related(Label::new(&ctx.src.file, ctx.src.lang, sspan.clone(), format!("{} host", ctx.src.lang.name())))
                .expected_found(s.as_str(), host.as_str()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes() {
        assert_eq!(reads_as("unesсo.org").as_deref(), Some("unesco.org"));
        assert_eq!(reads_as("unesco.org"), None);
        assert_eq!(reads_as("اليونسكو.org"), None);
        assert_eq!(host_of("https://www.unesco.org/fr/x"), "www.unesco.org");
        let toks: Vec<&str> =
            identifier_tokens("écrire à a.b@unesсo.org, ou (CL/4398).").map(|t| t.1).collect();
        assert_eq!(toks, vec!["a.b@unesсo.org", "CL/4398"]);
        assert!(looks_like_identifier("a.b@unesсo.org") && looks_like_identifier("СL/4398"));
        assert!(looks_like_identifier("https://x") && looks_like_identifier("unesco.org"));
        assert!(
            !looks_like_identifier("ftp:/x")
                && !looks_like_identifier("a@b")
                && !looks_like_identifier(".org")
        );
        assert!(!looks_like_identifier("Release.ChangelogLink>سجل") && !looks_like_identifier("n/a"));
    }

    proptest::proptest! {
        /// The tokens are those of every piece `split_inclusive` cuts.
        #[test]
        fn tokens_are_those_of_every_piece(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "ب", " ", "\u{A0}", "\u{2003}", "\n", ".", "/", "@", ",", ")", "(", "«", "»", "org", "4",
            ]), 0..24)
        ) {
            let text: String = parts.concat();
            let want: Vec<(usize, &str)> = text
                .split_inclusive(char::is_whitespace)
                .scan(0usize, |pos, tok| {
                    let start = *pos;
                    *pos += tok.len();
                    Some((start, tok))
                })
                .filter_map(identifier)
                .collect();
            proptest::prop_assert_eq!(identifier_tokens(&text).collect::<Vec<_>>(), want);
        }

        /// The prefilter of `check_blocks`: a token in ASCII is never reported.
        #[test]
        fn ascii_tokens_are_never_look_alikes(t in "[ -~]{0,24}") {
            let scripts = scripts_of(&t);
            proptest::prop_assert!(reads_as(&t).is_none());
            proptest::prop_assert!(!scripts.iter().any(|s| LOOKALIKE_SCRIPTS.contains(s)));
        }
    }

    #[test]
    fn identifier_test_matches_the_regex() {
        let re = regex::Regex::new(
            r"^(?:\S+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[a-zA-Z]+://\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[\p{L}]{1,6}/\p{N}+\S*)$",
        )
        .unwrap();
        let parts =
            ["a", "é", "с", "١", "4", "-", ".", "@", "/", "://", "org", "CL", "x y", "ب", "_", "ab12"];
        // Every string of up to four parts.
        let mut n = 0;
        let mut stack = vec![(String::new(), 0)];
        while let Some((s, depth)) = stack.pop() {
            assert_eq!(looks_like_identifier(&s), re.is_match(&s), "{s:?}");
            n += 1;
            if depth < 4 {
                for p in parts {
                    stack.push((format!("{s}{p}"), depth + 1));
                }
            }
        }
        assert!(n > 10_000, "{n}");
    }
}
