//! Alignment keys of markup that is not text: an image, by its file name, and a JSX
//! component, by its name and the props it passes by name (`<DownloadsTable
//! source={binaries} />`). A section that is a heading over images or components has no
//! text and no anchors, yet its markup is written the same in every language: these keys
//! tell such sections apart when aligning (`check::pairing`). They are not anchors: no
//! rule compares them.

use super::html::Tag;
use super::Block;
use regex::Regex;
use std::sync::OnceLock;

/// Markup with an alignment key, at a byte offset of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub at: usize,
    pub key: String,
}

/// An image's key: the last part of its path, without query or fragment
/// (`/static/logos/nodejsHex.svg` → `Image:nodejshex.svg`).
pub(super) fn image(dest: &str) -> Option<String> {
    let path = dest.split(['?', '#']).next().unwrap_or("").trim().trim_end_matches('/');
    let name = path.rsplit('/').next().unwrap_or("");
    (name.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
        .then(|| format!("Image:{}", name.to_lowercase()))
}

/// A prop whose value is a name or a member expression in braces (`source={binaries}`,
/// `releases={release.minorVersions}`): code, never translated. String props are left
/// out, since some are text (`alt`, `title`).
fn prop_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|\s)([A-Za-z_][\w-]*)\s*=\s*\{\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\}")
            .expect("prop regex")
    })
}

fn src_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})"#)
            .expect("src regex")
    })
}

/// The key of one opening tag (`raw`, as written): an `<img>` by its `src`, a JSX
/// component (a capitalised name) by its name and braced props; nothing for other tags.
pub(super) fn of_tag(raw: &str, tag: &Tag) -> Option<String> {
    if tag.closing {
        return None;
    }
    if tag.name.eq_ignore_ascii_case("img") {
        let c = src_re().captures(raw)?;
        return (1..=3).find_map(|i| c.get(i)).and_then(|m| image(m.as_str()));
    }
    // A component with an `href` is read as a link already.
    if !tag.name.starts_with(|c: char| c.is_ascii_uppercase()) || tag.href.is_some() {
        return None;
    }
    let mut props: Vec<String> =
        prop_re().captures_iter(raw).map(|c| format!("{}={{{}}}", &c[1], &c[2])).collect();
    props.sort();
    let mut key = format!("Component:{}", tag.name);
    for p in props {
        key.push(' ');
        key.push_str(&p);
    }
    Some(key)
}

/// Gives each mark's key to a block: the block it stands in; else the heading of the
/// section it stands in (the first block when there is none before it). Not the block
/// next to it: when that block is dropped in a translation, the key would move on to
/// another block and tie it to the wrong one. `blocks` are sorted by start.
pub(super) fn attach(blocks: &mut [Block], marks: &[Mark]) {
    if blocks.is_empty() || marks.is_empty() {
        return;
    }
    let mut per: Vec<Vec<Box<str>>> = vec![Vec::new(); blocks.len()];
    for m in marks {
        let after = blocks.partition_point(|b| b.span.start <= m.at);
        let i = match after.checked_sub(1) {
            Some(p) if m.at < blocks[p].span.end => p,
            Some(p) => blocks[..=p].iter().rposition(Block::is_heading).unwrap_or(0),
            None => 0,
        };
        per[i].push(m.key.as_str().into());
    }
    for (b, k) in blocks.iter_mut().zip(per) {
        if !k.is_empty() {
            b.set_keys(k.into_boxed_slice());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> Option<String> {
        of_tag(raw, &Tag::parse(raw)?)
    }

    #[test]
    fn images_and_components() {
        assert_eq!(
            key(r#"<img alt="Logo" src="/static/logos/nodejsHex.svg" width="100" />"#).as_deref(),
            Some("Image:nodejshex.svg")
        );
        assert_eq!(
            key(r#"<img src="https://avatars.example.com/lord?s=180">"#).as_deref(),
            Some("Image:lord")
        );
        assert_eq!(
            key("<DownloadsTable source={binaries} />").as_deref(),
            Some("Component:DownloadsTable source={binaries}")
        );
        assert_eq!(
            key(r#"<Table title="Versions" releases={release.minorVersions} other={f(x)}>"#).as_deref(),
            Some("Component:Table releases={release.minorVersions}")
        );
        assert_eq!(key("<div class=\"x\">"), None);
        assert_eq!(key(r#"<Link href="/about">"#), None);
        assert_eq!(key("</DownloadsTable>"), None);
        assert_eq!(image("/a/bc/"), Some("Image:bc".into()));
        assert_eq!(image(""), None);
    }
}
