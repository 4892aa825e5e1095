//! # untranslated (warning)
//!
//! A block of a translation that is identical, or nearly identical, to its counterpart in
//! the source: it was left untranslated.
//!
//! A paragraph pasted from the source and never translated reads as a gap to readers of
//! the translation, and it usually means the translator worked from an older draft.
//! Blocks are compared after their aligned counterpart is found, with `similar`'s ratio
//! (at least 0.9). Blocks made only of names, emails, codes, numbers, links and inline code
//! are left out, and so are blocks with fewer than four words of prose (capitalised words
//! count as names): they are the same in every language. So are blocks whose only words
//! outside their links are names and labels: reading lists (`[Title](url), Author`),
//! author lists (`[Name](mailto:…) (twitter: [@handle](…))`); handles (`@name`) are
//! names too. So is the copy of a source block that is all link text (a reference entry
//! `[Title of a standard](url)`): the title is cited, whether the link was kept or not. So is a block the translation marks as kept in the source language
//! (`{: hreflang="en"}`, `lang="en"`). A translation that is mostly the source text (ten blocks or more, at least
//! half of its blocks) is reported once, for the whole version.
//!
//! A translation whose YAML front matter declares `untranslated: true` (the Jekyll
//! convention for a page not translated yet) gets one note at that declaration, with the
//! count, instead of a warning per block.
//!
//! Headings are short, so the four-word floor would let every one through: a heading of
//! three words or more written exactly as the source's, with a function word of the
//! source language that the translation's language does not share (`How to join the
//! network`), is reported; a title of names (`Open Textbook Library`) is not.
//!
//! Example: the French issue has `The network holds a webinar on open licences for all
//! members.` where the English has the same sentence: reported. A French block that is only
//! `Contact : a.rahman@unesco.org` is not.

use super::per_block::{lower_words, shared};
use super::{Ctx, Rule};
use crate::diag::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "untranslated",
    severity: Severity::Warning,
    summary: "a translation block is (nearly) identical to its source block",
    pair: Some(check),
    blocks: None,
    default_enabled: true,
};

/// The prose of a block: words with letters, without inline code, emails, URLs, codes and
/// handles (`@name`); with `links` false, without the text of links either.
fn prose(block: &crate::blocks::Block, links: bool) -> String {
    let text = &block.text;
    let mut skip: Vec<std::ops::Range<usize>> = crate::urls::find_bare(text);
    if !links {
        skip.extend(block.links.iter().map(|l| l.text.clone()));
    }
    skip.extend(block.code.iter().cloned());
    skip.extend(crate::anchors::find_emails(text));
    skip.extend(block.builtin_codes().iter().map(|c| c.range.clone()));
    // One sweep over the skipped ranges sorted by start (testing each character against
    // every range was quadratic on long blocks).
    skip.sort_by_key(|r| r.start);
    let mut out = String::new();
    let (mut next, mut skipped_to) = (0, 0);
    for (i, c) in text.char_indices() {
        while next < skip.len() && skip[next].start <= i {
            skipped_to = skipped_to.max(skip[next].end);
            next += 1;
        }
        if i >= skipped_to {
            out.push(c);
        }
    }
    // Capitalised words are names and titles (Mme Zeynep Varoglu, UNESCO): not prose.
    out.split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .filter(|w| w.chars().filter(|&c| crate::script::is_letter(c)).count() >= 2)
        .filter(|w| !w.chars().find(|&c| crate::script::is_letter(c)).is_some_and(char::is_uppercase))
        .collect::<Vec<_>>()
        .join(" ")
}

/// From this many untranslated blocks making up at least half of the translation's blocks
/// on, the version is reported once as untranslated, not block by block.
const WHOLE_VERSION: usize = 10;

fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    blocks(ctx, &mut found);
    if found.len() >= WHOLE_VERSION && found.len() * 2 >= ctx.tgt.blocks.len() {
        let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
        let first = found.swap_remove(0);
        let n = found.len() + 1;
        let mut d = Diagnostic::new(
            RULE.id,
            RULE.severity,
            format!(
                "untranslated: this {tl} version is still in {sl}: {n} of its {} blocks are the {sl} text",
                ctx.tgt.blocks.len()
            ),
            first.primary.clone(),
        )
        .expected_found(format!("a {tl} translation"), format!("{n} blocks in {sl}"));
        d.related = first.related;
        out.push(d);
        return;
    }
    out.extend(found);
}

/// The finding on a translation block (or heading) that is a copy of its source block:
/// "this French {what} is {how} English {what}" (`how`: "the", "identical to the").
fn copied(ctx: &Ctx, bead: &crate::align::Bead, what: &str, how: &str, expected: &str) -> Diagnostic {
    let (sl, tl) = (ctx.src.lang.name(), ctx.tgt.lang.name());
    Diagnostic::new(
        RULE.id,
        RULE.severity,
        format!("untranslated: this {tl} {what} is {how} {sl} {what}"),
        ctx.tgt.block_label(bead.tgt.start, format!("still in {sl}")),
    )
    .related(ctx.src.block_label(bead.src.start, format!("{sl} {what}")))
    .expected_found(format!("a {tl} {expected}"), ctx.tgt.blocks[bead.tgt.start].preview(60))
}

/// A heading of the translation written exactly as the source's, of three words or more,
/// with a function word of the source language that the translation's language does not
/// share (`How to join the network`, `Writing a README`): a title of names (`Open Source
/// Guides`) or a code (`A01:2021 – Broken Access Control` is translated anyway) has none.
fn heading_left(ctx: &Ctx, s: &crate::blocks::Block, t: &crate::blocks::Block) -> bool {
    use crate::blocks::BlockKind;
    if !matches!(s.kind, BlockKind::Heading(_)) || !matches!(t.kind, BlockKind::Heading(_)) {
        return false;
    }
    let (a, b) = (s.text.trim(), t.text.trim());
    if a != b || a.split_whitespace().count() < 3 {
        return false;
    }
    a.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()).any(|w| {
        crate::langid::is_stopword(ctx.src.lang, &w) && !crate::langid::is_stopword(ctx.tgt.lang, &w)
    })
}

/// A block the translation marks as kept in the source language on purpose: a title with
/// `{: hreflang="en"}` or `lang="en"` (kramdown attributes, HTML). `marks` are the forms
/// of [`lang_marks`], written once per translation (on the first block that holds `lang`)
/// rather than once per block.
fn kept_in_source_language(
    ctx: &Ctx,
    t: &crate::blocks::Block,
    marks: &std::cell::OnceCell<Vec<(String, String)>>,
) -> bool {
    let raw = ctx.tgt.file.text.get(t.span.clone()).unwrap_or("");
    // Every form below holds `lang`: most blocks have none. (One searcher for every
    // block: `str::contains` set one up for each.)
    static LANG: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("lang"));
    if LANG.find(raw.as_bytes()).is_none() {
        return false;
    }
    marks
        .get_or_init(|| lang_marks(ctx))
        .iter()
        .any(|(p, x)| raw.contains(p.as_str()) && !raw.contains(x.as_str()))
}

/// The attributes that mark a block as kept in the source language (`hreflang="en"`,
/// `lang='en'`, `xml:lang=en`), each with its form after an `x` (which does not count).
fn lang_marks(ctx: &Ctx) -> Vec<(String, String)> {
    let tag = ctx.src.lang.tag();
    ["hreflang", "lang", "xml:lang"]
        .iter()
        .flat_map(|attr| [format!("{attr}=\"{tag}\""), format!("{attr}='{tag}'"), format!("{attr}={tag}")])
        .map(|p| {
            let x = format!("x{p}");
            (p, x)
        })
        .collect()
}

fn blocks(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let marks = std::cell::OnceCell::new();
    for sb in ctx.beads {
        for bead in sb.blocks.iter().filter(|b| b.src.len() == 1 && b.tgt.len() == 1) {
            let (si, ti) = (bead.src.start, bead.tgt.start);
            let (s, t) = (&ctx.src.blocks[si], &ctx.tgt.blocks[ti]);
            if s.code_only || t.code_only || kept_in_source_language(ctx, t, &marks) {
                continue;
            }
            // Cheap test first, on the raw words: translated text shares few words with its
            // source, and the rest is only worth computing for near-copies. (The source's
            // words are listed once for every translation.)
            // (A bound found without listing the words rules out most pairs first.)
            if !ctx.src_data.buckets(si, s).may_share(ctx.tgt_data.buckets(ti, t), 6) {
                continue;
            }
            let (rs, rt) = (ctx.src_data.words(si, s), ctx.tgt_data.words(ti, t));
            if shared(rs, rt) * 10 < rs.len().max(rt.len()) * 6 {
                continue;
            }
            if heading_left(ctx, s, t) {
                out.push(copied(ctx, bead, "heading", "the", "heading"));
                continue;
            }
            let (ps, pt) = (prose(s, true), prose(t, true));
            if pt.split_whitespace().count() < 4 {
                continue;
            }
            // Outside its links, a block of titles and names (a reading list: `[Title](url),
            // Author`; an author list: `[Name](mailto:…) (twitter: [@handle](…))`) has no
            // prose but labels: works and people keep their names in every language.
            let labels_only =
                |b| prose(b, false).split_whitespace().all(|w| w.trim_end_matches([')', ']']).ends_with(':'));
            if labels_only(t) {
                continue;
            }
            // A source block that is all link text (a reference entry: `[Title of a
            // standard](url)`) cites a title; a translation that keeps the title, with the
            // link or without (link-mismatch reports a lost link), keeps a name.
            if labels_only(s) && !s.links.is_empty() {
                continue;
            }
            // Cheap test first: translated text shares few words with its source, and the
            // character diff below is only worth running on near-copies.
            let (ws, wt) = (lower_words(&ps), lower_words(&pt));
            if shared(&ws, &wt) * 10 < ws.len().max(wt.len()) * 7 {
                continue;
            }
            // A copy needs no diff (a character diff of a 2 MB paragraph took 100 MB).
            let ratio =
                if ps == pt { 1.0 } else { similar::TextDiff::from_chars(ps.as_str(), pt.as_str()).ratio() };
            if ratio < 0.9 {
                continue;
            }
            let how = if ps == pt {
                "identical to the".to_string()
            } else {
                format!("{:.0}% the same as the", ratio * 100.0)
            };
            out.push(copied(ctx, bead, "block", &how, "translation"));
        }
    }
}
