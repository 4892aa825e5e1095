//! Rules. Each rule is one file here with a `//!` doc comment (printed by
//! `oerlint explain RULE`), an id, a default severity, and a check over either one
//! language version's blocks or an aligned source/translation pair.

use crate::anchors::Anchor;
use crate::blocks::Block;
use crate::check::{Document, SectionBead, Version};
use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::source::SourceFile;
use std::sync::Arc;

mod bidi_control;
mod bidi_order;
mod code_mismatch;
mod compare;
mod confusable;
mod content_extra;
mod content_missing;
mod date_mismatch;
mod dates;
mod deadline_inconsistent;
mod difference;
mod email_mismatch;
mod inline_code_mismatch;
mod link_malformed;
mod link_mismatch;
mod link_placeholder;
mod mixed_script;
mod number_mismatch;
pub(crate) mod per_block;
mod placeholder_mismatch;
mod script_punctuation;
mod section_extra;
mod section_missing;
mod section_moved;
mod slots;
mod time_mismatch;
mod untranslated;
mod unused_suppression;
mod weekday_mismatch;

pub use compare::{compare, compare_with, counterpart_label, missing_label, Occ, Outcome, Pairing};
pub use difference::{char_diff, describe_difference, similar_values};

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// A source version, one translation, and their alignment.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub src: &'a Version,
    pub tgt: &'a Version,
    pub beads: &'a [SectionBead],
    /// Data of the source's and the translation's blocks that several rules read.
    pub src_data: &'a per_block::PerBlock,
    pub tgt_data: &'a per_block::PerBlock,
}

/// One language's blocks in one file (a whole version, or a shared preamble).
pub struct Blocks<'a> {
    pub file: &'a Arc<SourceFile>,
    pub lang: Lang,
    pub blocks: &'a [Block],
    /// Anchors of each block (empty for a shared preamble).
    pub anchors: &'a [Box<[Anchor]>],
    /// The date the document is issued on, when known.
    pub issue_date: Option<jiff::civil::Date>,
    pub settings: &'a crate::config::Settings,
    /// The source version's text, when these blocks are a translation's; `None` for the
    /// source itself and for shared preambles.
    pub source_text: Option<&'a str>,
    /// Whether these blocks are the source version's.
    pub is_source: bool,
}

pub type PairCheck = fn(&Ctx, &mut Vec<Diagnostic>);
pub type BlocksCheck = fn(&Blocks, &mut Vec<Diagnostic>);

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line for `oerlint rules`.
    pub summary: &'static str,
    pub pair: Option<PairCheck>,
    pub blocks: Option<BlocksCheck>,
    /// Off-by-default rules run only when selected.
    pub default_enabled: bool,
}

impl Rule {
    /// The rule's documentation (its file's doc comment).
    pub fn doc(&self) -> &'static str {
        rule_doc(self.id).unwrap_or(self.summary)
    }
}

/// Every rule, in the order `oerlint rules` lists them.
pub fn all() -> &'static [Rule] {
    &[
        section_missing::RULE,
        section_extra::RULE,
        section_moved::RULE,
        content_missing::RULE,
        content_extra::RULE,
        email_mismatch::RULE,
        code_mismatch::RULE,
        link_mismatch::RULE,
        link_placeholder::RULE,
        link_malformed::RULE,
        date_mismatch::RULE,
        weekday_mismatch::RULE,
        time_mismatch::RULE,
        number_mismatch::RULE,
        placeholder_mismatch::RULE,
        inline_code_mismatch::RULE,
        deadline_inconsistent::RULE,
        mixed_script::RULE,
        confusable::RULE,
        bidi_control::RULE,
        bidi_order::RULE,
        untranslated::RULE,
        script_punctuation::RULE,
        unused_suppression::RULE,
    ]
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().iter().find(|r| r.id == id)
}

/// `oerlint rules`: every rule, its default level and summary, in columns that line up
/// whatever the ids' display width.
pub fn table() -> String {
    use unicode_width::UnicodeWidthStr;
    let level = |r: &Rule| if r.default_enabled { r.severity.as_str() } else { "off" };
    let w_id = all().iter().map(|r| r.id.width()).max().unwrap_or(4).max(4);
    let w_level = all().iter().map(|r| level(r).width()).max().unwrap_or(5).max(5);
    let row = |a: &str, b: &str, c: &str| {
        format!("{a}{}  {b}{}  {c}\n", " ".repeat(w_id - a.width()), " ".repeat(w_level - b.width()))
    };
    let mut out = row("rule", "level", "summary");
    for r in all() {
        out.push_str(&row(r.id, level(r), r.summary));
    }
    out
}

/// `oerlint rules --format json`: id, default level, summary and documentation of each.
pub fn json() -> String {
    let rules: Vec<serde_json::Value> = all()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "level": if r.default_enabled { r.severity.as_str() } else { "off" },
                "severity": r.severity.as_str(),
                "default_enabled": r.default_enabled,
                "summary": r.summary,
                "documentation": r.doc(),
                "help_uri": crate::formats::help_uri(r.id),
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rules).expect("JSON of plain data");
    s.push('\n');
    s
}

/// docs/rules.md: every rule's documentation, as `oerlint explain` prints it, under a
/// heading that is its id (so `docs/rules.md#code-mismatch` links to it; SARIF `helpUri`).
pub fn docs_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rules' documentation (`oerlint explain RULE`); \
         tests/habits.rs checks it is current: UPDATE_DOCS=1 cargo test --test habits -->\n\n\
         | rule | default level | summary |\n|---|---|---|\n",
    );
    for r in all() {
        let level = if r.default_enabled { r.severity.as_str() } else { "off" };
        out.push_str(&format!("| [{0}](#{0}) | {level} | {1} |\n", r.id, r.summary.replace('|', "\\|")));
    }
    for r in all() {
        let doc = r.doc();
        let body =
            doc.split_once('\n').map_or("", |(first, rest)| if first.starts_with("# ") { rest } else { doc });
        let level = if r.default_enabled { r.severity.as_str() } else { "off by default" };
        out.push_str(&format!("\n## {}\n\nDefault level: {level}.\n{}\n", r.id, body.trim_end()));
    }
    out.push_str(
        "\n## input-error\n\nNot a rule of the text: a file could not be read (missing, unreadable, \
         empty, binary, not UTF-8, too large), a document could not be checked (two versions in one \
         language, no version in the source language), or part of a file could not be read as text \
         (a code fence never closed, an unterminated comment: a note naming what was skipped). \
         Errors make `oerlint check` exit with status 2; notes do not change the exit status.\n",
    );
    out
}

/// The rule whose id is nearest to a mistyped one (`code-mismach` → `code-mismatch`).
pub fn suggest(id: &str) -> Option<&'static str> {
    let id = id.trim().to_ascii_lowercase();
    all()
        .iter()
        .map(|r| (strsim::damerau_levenshtein(&id, r.id), r.id))
        .filter(|(d, r)| *d <= 3.max(r.len() / 4) && *d < r.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, r)| r)
}

/// "unknown rule `x`; did you mean `y`?", for every place a rule is named.
pub fn unknown_rule(id: &str) -> String {
    match suggest(id) {
        Some(s) => format!("unknown rule `{id}`; did you mean `{s}`?"),
        None => format!("unknown rule `{id}`; `oerlint rules` lists them"),
    }
}

/// Which rules run: the default set, or `--select`, less `--ignore`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    /// Levels from the configuration (`off`, or on at a level).
    pub levels: Vec<(String, crate::config::Level)>,
}

impl Selection {
    pub fn enabled(&self, rule: &Rule) -> bool {
        let configured = self.levels.iter().find(|(id, _)| id == rule.id).map(|(_, l)| *l);
        let selected = match (&self.select, configured) {
            (Some(ids), _) => ids.iter().any(|i| i == rule.id || i == "all"),
            (None, Some(level)) => level != crate::config::Level::Off,
            (None, None) => rule.default_enabled,
        };
        selected && !self.ignore.iter().any(|i| i == rule.id)
    }

    /// Rule ids in the selection that no rule has.
    pub fn unknown(&self) -> Vec<String> {
        self.select
            .iter()
            .flatten()
            .chain(self.ignore.iter())
            .filter(|id| *id != "all" && find(id).is_none())
            .cloned()
            .collect()
    }
}

/// Runs the selected rules over a document.
pub fn run(doc: &Document, selection: &Selection) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The source version's own text (a one-file document holds every language in one
    // file, so the file's text would not do).
    let source_text: String = doc
        .versions
        .get(doc.source)
        .map(|v| v.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"))
        .unwrap_or_default();
    let slots = doc.settings.translatable_slots;
    let data: Vec<per_block::PerBlock> =
        doc.versions.iter().map(|v| per_block::PerBlock::new(&v.blocks, slots)).collect();
    for rule in all().iter().filter(|r| selection.enabled(r)) {
        if let Some(check) = rule.blocks {
            for (i, v) in doc.versions.iter().enumerate() {
                let is_source = i == doc.source;
                let b = Blocks {
                    file: &v.file,
                    lang: v.lang,
                    blocks: &v.blocks,
                    anchors: &v.anchors,
                    issue_date: doc.issue_date,
                    settings: &doc.settings,
                    source_text: (!is_source).then_some(source_text.as_str()),
                    is_source,
                };
                check(&b, &mut out);
            }
            for (file, blocks) in &doc.shared {
                let none: Vec<Box<[Anchor]>> = vec![Box::default(); blocks.len()];
                let b = Blocks {
                    file,
                    lang: Lang::UND,
                    blocks,
                    anchors: &none,
                    issue_date: doc.issue_date,
                    settings: &doc.settings,
                    source_text: None,
                    is_source: false,
                };
                check(&b, &mut out);
            }
        }
        if let Some(check) = rule.pair {
            for p in &doc.pairings {
                let ctx = Ctx {
                    doc,
                    src: &doc.versions[doc.source],
                    tgt: &doc.versions[p.tgt],
                    beads: &p.beads,
                    src_data: &data[doc.source],
                    tgt_data: &data[p.tgt],
                };
                check(&ctx, &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented() {
        for r in all() {
            assert!(r.doc().starts_with(&format!("# {} (", r.id)), "{} doc has no title", r.id);
            assert!(r.doc().len() > 200, "{} has no real documentation", r.id);
            assert!(r.doc().contains("Example"), "{} doc has no example", r.id);
        }
        let mut ids: Vec<_> = all().iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all().len());
    }
}
