//! Format placeholders (`%s`, `%(name)s`, `{name}`, `${VAR}`, `%country.name`, ICU
//! `{count, plural, …}`) and inline-code commands, in the form they are compared across
//! languages: a placeholder by its text, an ICU message by its variable and type, a code
//! span by its skeleton (white space collapsed; `{{…}}` slots emptied when translators may
//! translate them).

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A placeholder or a code span found in a block's plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Range of the block's plain text.
    pub range: Range<usize>,
    /// What is compared.
    pub key: String,
    /// A code span (as opposed to a placeholder in prose).
    pub code: bool,
}

fn placeholder_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            // ICU: {count, plural, …}, {g, select, …}; the variable and the type compared.
            r"\{\s*(?P<icu>[A-Za-z_][\w.]*)\s*,\s*(?P<icut>plural|select|selectordinal|number|date|time)\b",
            // ${VAR}
            r"|\$\{[A-Za-z_][\w.]*\}",
            // {name}, {0} (not {{…}}, which is a slot)
            r"|(?P<brace>\{(?:[A-Za-z_][\w.]*|[0-9]+)\})",
            // %(name)s
            r"|%\([A-Za-z_][\w.]*\)[sdifr]",
            // %country.name: a dotted variable after %
            r"|%[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+",
            // printf: %s, %1$s, %-5d, %.2f (no space flag: `45 % de` is French prose)
            r"|%(?:[0-9]+\$)?[-+0#]*[0-9]*(?:\.[0-9]+)?(?:ll|l|h)?[sdifuxXeEgGcp@]",
        ))
        .expect("placeholder regex")
    })
}

fn slot_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\{\{[^{}]*\}\}").expect("slot regex"))
}

/// The `{{…}}` slots of a text (tldr's placeholders), as byte ranges.
pub fn slots(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    slot_re().find_iter(text).map(|m| m.range())
}

/// The compared form of a code span: white space collapsed; `{{…}}` slots emptied when
/// `slots_translatable`.
pub fn skeleton(code: &str, slots_translatable: bool) -> String {
    let flat = code.split_whitespace().collect::<Vec<_>>().join(" ");
    if slots_translatable {
        slot_re().replace_all(&flat, "{{…}}").into_owned()
    } else {
        flat
    }
}

/// Whether a placeholder can start in `text`: each form begins with `{`, `${` or a `%`
/// followed by what a name, a flag, a width or a conversion starts with. Prose (`45 %`,
/// `45%.`) mostly has none, and then the regex is neither compiled nor run.
///
/// The three bytes are found with `memchr3` (a vector search): looking at every byte of
/// every block cost more than the rest of the placeholder search.
fn may_hold_placeholder(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'{', b'$', b'%', b).any(|i| match b[i] {
        b'{' => true,
        b'$' => b.get(i + 1) == Some(&b'{'),
        _ => b.get(i + 1).is_some_and(|&n| {
            n.is_ascii_alphanumeric() || matches!(n, b'_' | b'-' | b'+' | b'#' | b'.' | b'(' | b'@')
        }),
    })
}

/// Placeholders in prose (outside `skip`: code spans, URLs) and code spans of a text.
pub fn find(text: &str, code: &[Range<usize>], skip: &[Range<usize>], slots_translatable: bool) -> Vec<Item> {
    let mut out: Vec<Item> = code
        .iter()
        .filter(|r| !text[(*r).clone()].trim().is_empty())
        .map(|r| Item { range: r.clone(), key: skeleton(&text[r.clone()], slots_translatable), code: true })
        .collect();
    if !may_hold_placeholder(text) {
        out.sort_by_key(|i| i.range.start);
        return out;
    }
    let inside = |r: &Range<usize>| code.iter().chain(skip).any(|c| r.start < c.end && c.start < r.end);
    for c in placeholder_re().captures_iter(text) {
        let m = c.get(0).expect("match");
        let r = m.range();
        if inside(&r) {
            continue;
        }
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        // `caf%E9`, `100%d`, `%since`: inside a word, not a placeholder. `{{x}}` is a slot.
        if before.is_some_and(|b| b.is_alphanumeric() || b == '%' || b == '{')
            || (m.as_str().starts_with('%') && after.is_some_and(|a| a.is_alphanumeric()))
            || (c.name("brace").is_some() && after == Some('}'))
        {
            continue;
        }
        let key = match (c.name("icu"), c.name("icut")) {
            (Some(v), Some(t)) => format!("{{{}, {}}}", v.as_str(), t.as_str()),
            _ => m.as_str().to_string(),
        };
        out.push(Item { range: r, key, code: false });
    }
    out.sort_by_key(|i| i.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`may_hold_placeholder`] as first written, byte by byte: the oracle of the
    /// `memchr3` search.
    fn may_hold_placeholder_reference(text: &str) -> bool {
        let b = text.as_bytes();
        b.iter().enumerate().any(|(i, &c)| match c {
            b'{' => true,
            b'$' => b.get(i + 1) == Some(&b'{'),
            b'%' => b.get(i + 1).is_some_and(|&n| {
                n.is_ascii_alphanumeric() || matches!(n, b'_' | b'-' | b'+' | b'#' | b'.' | b'(' | b'@')
            }),
            _ => false,
        })
    }

    proptest! {
        /// The `memchr3` prefilter decides as the byte-by-byte one.
        #[test]
        fn prefilter_is_the_reference(t in r"[%{}$(a-zA-Z0-9_ .,+#@\-é٪ب]{0,40}") {
            prop_assert_eq!(may_hold_placeholder(&t), may_hold_placeholder_reference(&t), "{:?}", t);
        }

        /// The prefilter only skips texts in which the regex finds nothing.
        #[test]
        fn prefilter_skips_only_texts_without_a_match(t in r"[%{}$(a-zA-Z0-9_ .,+#@\-]{0,12}") {
            if !may_hold_placeholder(&t) {
                prop_assert!(placeholder_re().find(&t).is_none(), "{t:?}");
            }
        }
    }

    #[test]
    fn prefilter_lets_every_form_through() {
        for t in ["{n}", "${X}", "%(n)s", "%s", "%1$s", "%-5d", "%.2f", "%lld", "%@", "%_x.y", "%+d", "%#x"] {
            assert!(may_hold_placeholder(t), "{t}");
            assert!(placeholder_re().is_match(t), "{t}");
        }
        for t in ["45 % de", "45%.", "100 %", "$ 5", "a % b"] {
            assert!(!may_hold_placeholder(t) || t == "45%.", "{t}");
        }
    }

    fn keys(t: &str) -> Vec<String> {
        find(t, &[], &[], true).into_iter().map(|i| i.key).collect()
    }

    #[test]
    fn placeholders() {
        assert_eq!(keys("Hello %s, you have %d new %(kind)s"), ["%s", "%d", "%(kind)s"]);
        assert_eq!(keys("Welcome to %country.name and {city} on {0}"), ["%country.name", "{city}", "{0}"]);
        assert_eq!(
            keys("Set ${HOME} and {count, plural, one {# file} other {# files}}"),
            ["${HOME}", "{count, plural}"]
        );
        assert!(keys("45 % des membres, 100% done, caf%E9, {{name}}, %since").is_empty());
    }

    #[test]
    fn code_skeletons() {
        assert_eq!(skeleton("tar cf {{path/to/target.tar}}  {{file}}", true), "tar cf {{…}} {{…}}");
        assert_eq!(skeleton("tar cf {{chemin/vers/cible.tar}} {{fichier}}", true), "tar cf {{…}} {{…}}");
        assert_eq!(skeleton("tar cf {{a}}", false), "tar cf {{a}}");
        let t = "run `pacman -Ss {{x}}` then %s";
        let code: Vec<std::ops::Range<usize>> = std::iter::once(5..21).collect();
        let items = find(t, &code, &[], true);
        assert_eq!(items.len(), 2);
        assert!(items[0].code && items[0].key == "pacman -Ss {{…}}");
        assert_eq!(items[1].key, "%s");
    }
}
