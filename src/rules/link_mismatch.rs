//! # link-mismatch (error)
//!
//! The link targets of aligned parts of the source and a translation differ in number or
//! in target.
//!
//! Translators retype link text and often lose the link under it, or paste the link of
//! another item. Targets are compared after normalising what legitimately differs between
//! language versions of one page: a language path segment (`/en/`, `/fr/`, `/ar/`), a
//! language query parameter (`?lang=fr`), a language subdomain (`fr.unesco.org`), a
//! language suffix (`report-en.pdf`), as well as `http`/`https`, `www.`, trailing
//! slashes, default ports, percent-encoding (`caf%C3%A9` is `café`) and IDNA hosts
//! (URLs are parsed the WHATWG way). Site-relative links get the same treatment
//! (`/en/guides/x/` and `/ar/guides/x` are one link), and their fragment is left out: it
//! names a heading of the other page, translated with it. A relative link to the
//! localised copy of a page (`../fr/page.html`) and the absolute link to the source's page
//! (`https://site.org/page.html`) are one link when the relative path is the tail of the
//! absolute one. With the site's base URLs in the configuration (`[links] base_urls =
//! ["https://site.org"]`) this is exact: an absolute link under a base is the
//! site-relative link it stands for, and a link to another site is never the same as a
//! relative one. A URL in inline code is an example, not a link. Mail links are emails
//! (see `email-mismatch`). In-page links (`#writing-a-readme` against
//! `#ecrire-un-fichier-readme`) are translated with their headings: they are resolved to
//! the heading they name and reported only when the two headings are not aligned; one
//! whose heading cannot be found is left alone. A link of the translation whose address
//! the source file writes anywhere (linked in another part, or in a code block that the
//! translation made text) is not extra; a source link is not missing from a part when
//! the translation file writes its address at least as often as the source file does
//! (the link is there, in another part), nor is a GitHub or GitLab profile link
//! (`[@name](https://github.com/name)`) that the translation writes as the mention
//! `@name`, which those sites link. Placeholder targets (`#`) count, so a link lost around a placeholder is still
//! lost; `link-placeholder` reports the placeholder itself.
//!
//! Example: English `Please find the guidelines [here](https://www.unesco.org/en/oer)`;
//! French `Veuillez trouver les lignes directrices ici` with no link. oerlint reports the
//! link as missing from the French paragraph.

use super::{compare_with, counterpart_label, missing_label, Ctx, Outcome, Pairing, Rule};
use crate::anchors::{Anchor, Kind};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "link-mismatch",
    severity: Severity::Error,
    summary: "link targets of aligned blocks differ in number or target",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

fn describe(a: &Anchor) -> String {
    if a.link_text().is_empty() {
        format!("`{}`", a.shown)
    } else {
        let t: String = a.link_text().chars().take(60).collect();
        let more = if a.link_text().chars().count() > 60 { "…" } else { "" };
        format!("“{t}{more}” → `{}`", a.shown)
    }
}

/// Where a URL is written out whole in a text (in inline code, a link, a code block),
/// not as the start of a longer URL.
fn whole_in<'t>(text: &'t str, url: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(url)
        .filter(move |(i, m)| {
            !url.is_empty() && {
                let rest = &text[i + m.len()..];
                let mut cs = rest.chars();
                match cs.next() {
                    None => true,
                    Some(c) if c.is_whitespace() || "`)]>\"'»”".contains(c) => true,
                    Some(c) if ".,;:!?؟،".contains(c) => {
                        cs.next().is_none_or(|n| n.is_whitespace() || n == '`')
                    }
                    _ => false,
                }
            }
        })
        .map(|(i, _)| i)
}

/// Whether a URL is written out whole in a text.
fn written_in(text: &str, url: &str) -> bool {
    whole_in(text, url).next().is_some()
}

/// The handle of a profile link (`https://github.com/NAME`, GitLab alike), which sites
/// built with GitHub Pages (jekyll-mentions) and GitLab link from a bare `@NAME`.
fn profile_handle(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let host = u.host_str()?.trim_start_matches("www.");
    if !matches!(host, "github.com" | "gitlab.com") {
        return None;
    }
    let mut segs = u.path_segments()?.filter(|s| !s.is_empty());
    let name = segs.next()?;
    let name = name.to_string();
    (segs.next().is_none() && u.query().is_none()).then_some(name)
}

/// Whether a text mentions `@name` as a whole handle.
fn mentions(text: &str, name: &str) -> bool {
    let at = format!("@{name}");
    text.match_indices(&at).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric())
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// Whether the translation file writes a URL at least as many times as the source file:
/// then a link "missing" from one part is in the translation elsewhere (the translation
/// orders its parts otherwise, or the aligner paired the parts wrongly), not dropped.
fn as_often_in(tgt: &str, src: &str, url: &str) -> bool {
    url.len() >= 8 && whole_in(tgt, url).count() >= whole_in(src, url).count()
}

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    in_page(ctx, out);
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    let same: fn(&Anchor, &Anchor) -> bool = if ctx.doc.settings.base_urls.is_empty() {
        |a, b| crate::urls::same_page(&a.key, &b.key)
    } else {
        |a, b| crate::urls::same_page_on_site(&a.key, &b.key)
    };
    for o in compare_with(ctx, Kind::Link, same, Pairing::SameBlock) {
        let d = match o {
            Outcome::Same(..) | Outcome::Present(..) => continue,
            // Written out on the other side, in inline code: the same address, not a link there.
            Outcome::Missing { src, at } if written_in(&ctx.tgt.blocks[at].text, &src.anchor.shown) => {
                continue
            }
            // `[@name](https://github.com/name)` written `@name`: the site links the mention.
            Outcome::Missing { src, at }
                if profile_handle(&src.anchor.key)
                    .or_else(|| profile_handle(&src.anchor.shown))
                    .is_some_and(|n| mentions(&ctx.tgt.blocks[at].text, &n)) =>
            {
                continue
            }
            Outcome::Missing { src, .. }
                if as_often_in(&ctx.tgt.file.text, &ctx.src.file.text, src.anchor.shown.trim()) =>
            {
                continue
            }
            Outcome::Extra { tgt, near } if written_in(&ctx.src.blocks[near].text, &tgt.anchor.shown) => {
                continue
            }
            // The source has this address elsewhere in the file (linked in another part, or
            // written in a code block, which the translation made text): the translation
            // adds no target the source lacks.
            Outcome::Extra { tgt, .. }
                if tgt.anchor.shown.len() >= 8 && ctx.src.file.text.contains(tgt.anchor.shown.trim()) =>
            {
                continue
            }
            Outcome::Changed(s, t)
                if written_in(&ctx.tgt.blocks[t.block].text, &s.anchor.shown)
                    && written_in(&ctx.src.blocks[s.block].text, &t.anchor.shown) =>
            {
                continue
            }
            Outcome::Missing { src, at } => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("link missing in {tl}: the {sl} text links {}", describe(src.anchor)),
                missing_label(ctx, &src, at, &format!("a link to `{}`", src.anchor.shown)),
            )
            .related(ctx.src.anchor_label(src.anchor, format!("{sl} link")))
            .expected_found(src.anchor.shown.as_str(), ""),
            Outcome::Extra { tgt, near } => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!("link in {tl} not in the {sl}: {}", describe(tgt.anchor)),
                ctx.tgt.anchor_label(tgt.anchor, format!("no such link in the {sl} text")),
            )
            .related(counterpart_label(ctx, &tgt, near))
            .expected_found("", tgt.anchor.shown.as_str()),
            // A placeholder in the source filled in by the translation: the translation is
            // right, and link-placeholder reports the source.
            Outcome::Changed(s, _) if crate::urls::is_placeholder(&s.anchor.shown) => continue,
            Outcome::Changed(s, t) => Diagnostic::new(
                RULE.id,
                RULE.severity,
                format!(
                    "link target differs from the {sl}: expected `{}`, found `{}`",
                    s.anchor.shown, t.anchor.shown
                ),
                ctx.tgt.anchor_label(t.anchor, format!("found `{}`", t.anchor.shown)),
            )
            .related(ctx.src.anchor_label(s.anchor, format!("{sl} links {}", describe(s.anchor))))
            .expected_found(s.anchor.shown.as_str(), t.anchor.shown.as_str()),
        };
        out.push(d);
    }
}

/// A heading's anchor as site generators make it (GitHub, kramdown), loosened to its
/// letters and digits: `#writing-a-readme` and `Writing a README` meet at `writingareadme`.
fn slug_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            // Slugs often drop Latin accents (`#ecrire` for `Écrire`).
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// The heading block an in-page link (`#…`) points to, when exactly one heading has its slug.
fn heading_of(v: &crate::check::Version, dest: &str) -> Option<usize> {
    let frag = crate::urls::normalize(&format!("https://x.invalid/{dest}"));
    let frag = frag.split_once('#').map_or("", |(_, f)| f);
    let key = slug_key(frag);
    if key.is_empty() {
        return None;
    }
    let mut hits = v.blocks.iter().enumerate().filter(|(_, b)| b.is_heading() && slug_key(&b.text) == key);
    let first = hits.next().map(|(i, _)| i);
    if hits.next().is_some() {
        return None;
    }
    first
}

/// In-page links (`#writing-a-readme` / `#ecrire-un-fichier-readme`) are translated with
/// their headings: in each aligned block pair they are compared by the headings they point
/// to, which must be aligned. Links whose heading cannot be found, and in-page links one
/// side lacks, are left alone.
fn in_page(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    // Where each source block went in the translation.
    let mut aligned: std::collections::HashMap<usize, std::ops::Range<usize>> = Default::default();
    for sb in ctx.beads {
        for b in &sb.blocks {
            for s in b.src.clone() {
                aligned.insert(s, b.tgt.clone());
            }
        }
    }
    fn links(v: &crate::check::Version, r: std::ops::Range<usize>) -> Vec<(usize, &crate::blocks::Link)> {
        r.flat_map(|bi| v.blocks[bi].links.iter().map(move |l| (bi, l)))
            .filter(|(_, l)| l.dest.starts_with('#') && l.dest.len() > 1)
            .collect()
    }
    for sb in ctx.beads {
        for bead in sb.blocks.iter().filter(|b| !b.src.is_empty() && !b.tgt.is_empty()) {
            let (s, t) = (links(ctx.src, bead.src.clone()), links(ctx.tgt, bead.tgt.clone()));
            if s.len() != t.len() {
                continue;
            }
            for ((_, ls), (_, lt)) in s.iter().zip(&t) {
                let (Some(hs), Some(ht)) = (heading_of(ctx.src, &ls.dest), heading_of(ctx.tgt, &lt.dest))
                else {
                    continue;
                };
                if aligned.get(&hs).is_none_or(|r| r.contains(&ht)) {
                    continue;
                }
                let (ns, nt) = (ctx.src.blocks[hs].preview(60), ctx.tgt.blocks[ht].preview(60));
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        format!(
                            "in-page link goes to another section: the {sl} links `{}` (“{ns}”), the {tl} `{}` (“{nt}”), which is not its counterpart",
                            ls.dest, lt.dest
                        ),
                        crate::diag::Label::new(&ctx.tgt.file, ctx.tgt.lang, lt.dest_span.clone(), format!("goes to “{nt}”")),
                    )
                    .related(crate::diag::Label::new(&ctx.src.file, ctx.src.lang, ls.dest_span.clone(), format!("{sl} goes to “{ns}”")))
                    .expected_found(ls.dest.as_str(), lt.dest.as_str()),
                );
            }
        }
    }
}
