//! Drives the pipeline for one document group: load → split or tag languages → blocks →
//! sections → alignment → anchors → rules. Groups are independent, so a tree is checked
//! group by group in parallel.

mod flat;
mod neighbour;
mod pairing;
mod units;

pub use pairing::{pair, pair_blocks};
pub(crate) use units::inline_code_keys;

use crate::align::Bead;
use crate::anchors::{self, Anchor};
use crate::blocks::{self, Block, Format};
use crate::config::{Level, Settings};
use crate::diag::{Diagnostic, Label, Severity};
use crate::discover::Group;
use crate::lang::Lang;
use crate::langid;
use crate::rules;
use crate::sections::{self, Section};
use crate::source::SourceFile;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// One language version of a document: its own file, or its part of a multilingual file.
#[derive(Debug)]
pub struct Version {
    pub lang: Lang,
    pub file: Arc<SourceFile>,
    pub blocks: Vec<Block>,
    /// Anchors of each block, parallel to `blocks` (boxed slices: no capacity kept).
    pub anchors: Vec<Box<[Anchor]>>,
    pub sections: Vec<Section>,
    /// What the aligner knows of each block, while the versions are paired (dropped
    /// after: it holds every anchor key and stem of the version).
    units: std::sync::OnceLock<units::Units>,
}

impl Version {
    fn new(lang: Lang, file: Arc<SourceFile>, blocks: Vec<Block>, settings: &Settings) -> Version {
        // Each block's anchors as a boxed slice: no growth slack, no capacity word (an
        // anchor is 104 bytes; the slack was a fifth of the peak memory on a long
        // document: docs/reliability.md).
        let mut anchors: Vec<Box<[Anchor]>> =
            blocks.iter().map(|b| anchors::extract(b, settings, lang.tag()).into_boxed_slice()).collect();
        let sections = sections::group(&blocks);
        date_times(&sections, &mut anchors);
        Version { lang, file, blocks, anchors, sections, units: Default::default() }
    }

    /// The blocks of a range of sections.
    pub fn section_blocks(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            return 0..0;
        }
        self.sections[r.start].blocks.start..self.sections[r.end - 1].blocks.end
    }

    /// A label on the first line of a block.
    pub fn block_label(&self, block: usize, message: impl Into<String>) -> Label {
        let b = &self.blocks[block];
        let text = &self.file.text[b.span.clone()];
        let first = text.find(['\n', '\r']).unwrap_or(text.len());
        let first = text[..first].trim_end().len().max(1).min(text.len());
        let mut end = b.span.start + first;
        while !self.file.text.is_char_boundary(end) {
            end += 1;
        }
        Label::new(&self.file, self.lang, b.span.start..end, message)
    }

    pub fn anchor_label(&self, a: &Anchor, message: impl Into<String>) -> Label {
        Label::new(&self.file, self.lang, a.span.clone(), message)
    }
}

/// Gives times without a date in their own block the date of the latest event date
/// earlier in the same section, so that zones resolve on the right day.
fn date_times(sections: &[Section], anchors: &mut [Box<[Anchor]>]) {
    for sec in sections {
        let mut last: Option<jiff::civil::Date> = None;
        for b in sec.blocks.clone() {
            let own = anchors[b].iter().find_map(|a| match &a.value {
                anchors::Value::Date(d) => anchors::full_date(d),
                _ => None,
            });
            if own.is_some() {
                last = own;
            }
            for a in anchors[b].iter_mut() {
                if let anchors::Value::Time(_, date @ None) = &mut a.value {
                    *date = last;
                }
            }
        }
    }
}

/// Aligned sections of the source and one translation, with their blocks aligned too.
#[derive(Debug, Clone)]
pub struct SectionBead {
    pub src: Range<usize>,
    pub tgt: Range<usize>,
    /// Block beads, in absolute block indexes of each version.
    pub blocks: Vec<Bead>,
    /// How sure the section pairing is (0 to 1) and what tied it (see `align::Bead`).
    pub confidence: f64,
    pub ties: Vec<compact_str::CompactString>,
    /// For a section left unaligned here: its counterpart on the other side, which stands
    /// in another place (a moved section, not a missing and an extra one).
    pub moved: Option<usize>,
    /// For a section left unaligned here: a section of the same side next to it, paired,
    /// that could as well be the one left alone (the blocks align as cheaply either way;
    /// see `neighbour::reassign`). Findings name both.
    pub or: Option<usize>,
}

#[derive(Debug)]
pub struct Pairing {
    /// Index of the translation in `Document::versions`.
    pub tgt: usize,
    pub beads: Vec<SectionBead>,
}

#[derive(Debug)]
pub struct Document {
    pub name: String,
    pub files: Vec<Arc<SourceFile>>,
    /// Each file's YAML front matter, parallel to `files` (read once, with its blocks).
    pub front_matter: Vec<Option<blocks::FrontMatter>>,
    pub versions: Vec<Version>,
    /// Blocks that belong to no language (a multilingual file's preamble).
    pub shared: Vec<(Arc<SourceFile>, Vec<Block>)>,
    /// Index of the source version.
    pub source: usize,
    pub pairings: Vec<Pairing>,
    /// The date the document is issued on: configuration, front matter, or inferred.
    pub issue_date: Option<jiff::civil::Date>,
    pub settings: Arc<Settings>,
}

/// `date: 2022-11-01` in a YAML front matter block at the top of a file.
fn front_matter_date(fm: &blocks::FrontMatter) -> Option<jiff::civil::Date> {
    fm.get("date").and_then(|v| v.trim().get(..10).and_then(|d| d.parse().ok()))
}

/// The issue's date, from front matter, else from the source: the first month its first
/// section names (a month alone, or a month and year), in the year given there or the
/// year most of its full dates share. The first of that month.
fn issue_date(front: &[Option<blocks::FrontMatter>], src: Option<&Version>) -> Option<jiff::civil::Date> {
    if let Some(d) = front.iter().flatten().find_map(front_matter_date) {
        return Some(d);
    }
    let v = src?;
    let first = v.sections.first()?;
    let named = v.anchors[first.blocks.clone()].iter().flatten().find_map(|a| match &a.value {
        anchors::Value::Date(d) if d.month.is_some() && d.day.is_none() => Some((d.month?, d.year)),
        _ => None,
    })?;
    let year = named.1.or_else(|| {
        let mut years: Vec<i32> = v
            .anchors
            .iter()
            .flatten()
            .filter_map(|a| match &a.value {
                anchors::Value::Date(d) if d.day.is_some() && d.month == Some(named.0) => d.year,
                _ => None,
            })
            .collect();
        years.sort_unstable();
        years.first().copied()
    })?;
    jiff::civil::Date::new(year as i16, named.0 as i8, 1).ok()
}

#[derive(Debug, Clone)]
pub struct Options {
    pub source: Lang,
    pub rules: rules::Selection,
    /// Levels from the configuration: `off` removes a rule's findings, others set them.
    pub levels: Vec<(String, Level)>,
    pub settings: Arc<Settings>,
    /// Keep each group's `Document` in its report (for `align` and reports).
    pub keep_documents: bool,
    /// Keep what tied each bead in a kept document (`align` shows it; the rules and the
    /// HTML report read only the beads).
    pub keep_ties: bool,
    /// The source language was given on the command line (front matter cannot change it).
    pub source_explicit: bool,
    /// How files are read (size limit, lossy decoding).
    pub load: crate::source::LoadOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            source: Lang::EN,
            rules: rules::Selection::default(),
            levels: Vec::new(),
            settings: Arc::new(Settings::default()),
            keep_documents: true,
            keep_ties: true,
            source_explicit: false,
            load: crate::source::LoadOptions::default(),
        }
    }
}

/// The rule id of inputs that could not be read as they are: files skipped, read
/// lossily, or not read at all, and groups that could not be checked.
pub const INPUT_ERROR: &str = "input-error";

/// What checking one group produced.
#[derive(Debug, Default)]
pub struct GroupReport {
    /// The checked document, kept only when the caller asks for it (alignment tables,
    /// reports): a large tree is checked as a stream of groups, each dropped when done.
    pub document: Option<Document>,
    /// Files read for the document (counted even when the document is dropped).
    pub files: usize,
    pub checked: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be read, or groups that could not be checked
    /// (diagnostics of the rule `input-error`).
    pub input_errors: Vec<Diagnostic>,
    /// Things worth telling the user that are not findings.
    pub remarks: Vec<String>,
}

/// Builds the document of a group: reads its files and finds its language versions.
pub fn build(group: &Group, opts: &Options, report: &mut GroupReport) -> Option<Document> {
    let mut files = Vec::new();
    let mut front: Vec<Option<blocks::FrontMatter>> = Vec::new();
    let mut pending = Vec::new();
    let mut shared = Vec::new();
    for (path, lang) in &group.files {
        let file = match SourceFile::load_with(path, &opts.load) {
            Ok(f) => f,
            Err(e) => {
                let severity = if e.skipped { Severity::Note } else { Severity::Error };
                report.input_errors.push(input_diagnostic(
                    severity,
                    path,
                    &e.message,
                    e.offset,
                    e.prefix.as_deref(),
                ));
                continue;
            }
        };
        if let crate::source::Encoding::Lossy { replaced, first } = file.encoding {
            let msg = format!(
                "file is not valid UTF-8: {replaced} invalid byte{} (the first at offset {first}) read as U+001A; checked anyway (--encoding lossy)",
                if replaced == 1 { "" } else { "s" }
            );
            let label = Label::new(&file, Lang::UND, first..first + 1, "an invalid byte, read as U+001A");
            report.input_errors.push(input_at(Severity::Warning, label, &msg));
        }
        files.push(file.clone());
        let format = Format::from_path(path);
        let mut parsed = blocks::read(&file.text, file.body(), format);
        front.push(parsed.front_matter.take());
        for skipped in &parsed.skipped {
            let label = Label::new(&file, Lang::UND, skipped.span.clone(), "not read as text");
            report.input_errors.push(input_at(Severity::Note, label, &format!("not read: {}", skipped.what)));
        }
        let all = parsed.blocks;
        match lang {
            Some(l) => pending.push((*l, file, all)),
            None => {
                let split = langid::split(&all);
                let mut sh = Vec::new();
                for r in &split.shared {
                    sh.extend(all[r.clone()].iter().cloned());
                }
                if !sh.is_empty() {
                    shared.push((file.clone(), sh));
                }
                for (l, r) in split.runs {
                    pending.push((l, file.clone(), all[r].to_vec()));
                }
            }
        }
    }
    if files.is_empty() {
        return None;
    }
    // The versions are independent: extracting their anchors in parallel lets a single
    // document use both cores (each language compiles its own patterns on first use).
    let mut versions: Vec<Version> = pending
        .into_par_iter()
        .map(|(l, file, blocks)| Version::new(l, file, blocks, &opts.settings))
        .collect();
    if let Some(keep) = &opts.settings.languages {
        versions.retain(|v| keep.contains(&v.lang));
    }
    if versions.is_empty() {
        report
            .remarks
            .push(format!("{}: no text in a language oerlint can tell; nothing to check", group.name));
        return None;
    }
    let mut seen: Vec<Lang> = Vec::new();
    for v in &versions {
        if seen.contains(&v.lang) {
            let msg = format!(
                "two {} versions in the document `{}`; keep one file per language",
                v.lang.name(),
                group.name
            );
            report.input_errors.push(input_error(&v.file.path, &msg, None, None));
            return None;
        }
        seen.push(v.lang);
    }
    // The document's front matter may name its source language (`source: fr`), unless
    // the command line did.
    let wanted = if opts.source_explicit {
        opts.source
    } else {
        front
            .iter()
            .find_map(|fm| fm.as_ref()?.get("source").and_then(|s| Lang::parse(s.trim())))
            .unwrap_or(opts.source)
    };
    let source = versions.iter().position(|v| v.lang == wanted);
    let source = match source {
        Some(s) => s,
        None if versions.len() >= 2 => {
            let msg = format!(
                "the document `{}` has no {} version, the source language (found: {}); choose another with --source",
                group.name,
                wanted.name(),
                versions.iter().map(|v| v.lang.tag()).collect::<Vec<_>>().join(", ")
            );
            // The problem is the document's, not one of its files': name its folder.
            let at = group_folder(group).unwrap_or_else(|| versions[0].file.path.clone());
            report.input_errors.push(input_error(&at, &msg, None, None));
            return None;
        }
        None => 0,
    };
    if versions.len() < 2 {
        report.remarks.push(format!(
            "{}: only one language ({}) found; nothing to compare",
            group.name,
            versions.first().map(|v| v.lang.name()).unwrap_or("none")
        ));
    }
    // Translations in the order the configuration lists the languages; else left-to-right
    // languages before right-to-left ones (en, fr, ar), in the files' order.
    let mut targets: Vec<usize> = (0..versions.len()).filter(|&i| i != source).collect();
    targets.sort_by_key(|&i| {
        let lang = versions[i].lang;
        let configured = opts.settings.languages.as_ref().and_then(|l| l.iter().position(|x| *x == lang));
        (configured.unwrap_or(usize::MAX), lang.is_rtl(), i)
    });
    // Each translation's block units are dropped once it is paired, the source's after
    // the last translation.
    let mut pairings = Vec::with_capacity(targets.len());
    for i in targets {
        let mut beads = pair(&versions[source], &versions[i]);
        // What tied each bead is shown by `align` only; the rules and the HTML report read
        // only the beads (a long document's ties were megabytes held to the end).
        if !(opts.keep_documents && opts.keep_ties) {
            for b in &mut beads {
                b.ties = Vec::new();
                for bb in &mut b.blocks {
                    bb.ties = Vec::new();
                }
            }
        }
        pairings.push(Pairing { tgt: i, beads });
        versions[i].units.take();
    }
    if let Some(v) = versions.get_mut(source) {
        v.units.take();
    }
    let issue_date = opts.settings.issue_date.or_else(|| issue_date(&front, versions.get(source)));
    let settings = opts.settings.clone();
    Some(Document {
        name: group.name.clone(),
        files,
        front_matter: front,
        versions,
        shared,
        source,
        pairings,
        issue_date,
        settings,
    })
}

/// Checks one group.
pub fn check_group(group: &Group, opts: &Options) -> GroupReport {
    let mut report = GroupReport::default();
    let Some(doc) = build(group, opts, &mut report) else {
        return report;
    };
    let mut diags = rules::run(&doc, &opts.rules);
    declared_untranslated(&doc, &mut diags);
    omitted_once(&mut diags);
    let report_unused = rules::find("unused-suppression").is_some_and(|r| opts.rules.enabled(r));
    crate::suppress::apply(&doc.files, &mut diags, report_unused);
    for d in diags.iter_mut() {
        if let Some((_, Level::On(sev))) = opts.levels.iter().find(|(id, _)| id == d.rule) {
            d.severity = *sev;
        }
    }
    // Files passed one by one (a pre-commit hook): the findings that involve them, by
    // their primary span or a related one. Editing the source and forgetting the
    // translations gives findings whose primary span is in a translation, related to
    // the source: they are the hook's to report.
    if let Some(only) = &group.only {
        diags.retain(|d| {
            std::iter::once(&d.primary)
                .chain(&d.related)
                .any(|l| only.iter().any(|p| same_file(p, &l.file.path)))
        });
    }
    diags.sort_by_key(|d| d.sort_key());
    report.diagnostics = diags;
    report.files = doc.files.len();
    report.checked = true;
    if opts.keep_documents {
        report.document = Some(doc);
    }
    report
}

/// The folder a group's files are in, when they share one.
fn group_folder(group: &Group) -> Option<std::path::PathBuf> {
    let first = group.files.first()?.0.parent()?.to_path_buf();
    group.files.iter().all(|(p, _)| p.parent() == Some(first.as_path())).then_some(first)
}

/// A block the translation dropped is reported by `content-missing`; the warnings and notes
/// that only repeat it (its command or placeholder missing) are not reported again. Errors
/// about its values (an email, a date) stay: they are what fails the gate.
fn omitted_once(diags: &mut Vec<Diagnostic>) {
    let dropped: Vec<(Arc<SourceFile>, Range<usize>)> = diags
        .iter()
        .filter(|d| d.rule == "content-missing")
        .filter_map(|d| d.related.first())
        // The label is the block's first line: the block runs to the next blank line.
        .map(|r| {
            let rest = &r.file.text[r.start..];
            let end =
                rest.find("\n\n").or_else(|| rest.find("\n\r\n")).map_or(r.file.text.len(), |k| r.start + k);
            (r.file.clone(), r.start..end.max(r.end))
        })
        .collect();
    if dropped.is_empty() {
        return;
    }
    diags.retain(|d| {
        let missing =
            d.found.as_deref() == Some("") && d.rule != "content-missing" && d.severity != Severity::Error;
        let inside = |r: &Label| {
            dropped
                .iter()
                .any(|(f, span)| Arc::ptr_eq(f, &r.file) && span.start <= r.start && r.end <= span.end)
        };
        !(missing && d.related.first().is_some_and(inside))
    });
}

/// A translation whose front matter says `untranslated: true` (the Jekyll convention for
/// a page not translated yet) gets one `untranslated` note at that declaration instead of
/// a warning for every block that is still in the source language.
fn declared_untranslated(doc: &Document, diags: &mut Vec<Diagnostic>) {
    for (i, v) in doc.versions.iter().enumerate() {
        if i == doc.source {
            continue;
        }
        let Some(fm) =
            doc.files.iter().position(|f| Arc::ptr_eq(f, &v.file)).and_then(|j| doc.front_matter[j].as_ref())
        else {
            continue;
        };
        let Some((_, value, span)) = fm.fields.iter().find(|(k, _, _)| k == "untranslated") else { continue };
        if !matches!(value.trim(), "true" | "yes" | "True" | "TRUE") {
            continue;
        }
        let before = diags.len();
        diags.retain(|d| !(d.rule == "untranslated" && Arc::ptr_eq(&d.primary.file, &v.file)));
        if before == diags.len() {
            continue;
        }
        // How many of its blocks are word for word a block of the source.
        let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let source: std::collections::HashSet<String> =
            doc.versions[doc.source].blocks.iter().map(|b| flat(&b.text)).collect();
        let dropped = v.blocks.iter().filter(|b| source.contains(&flat(&b.text))).count().max(1);
        let label = Label::new(&v.file, v.lang, span.clone(), "declared here");
        diags.push(Diagnostic::new(
            "untranslated",
            Severity::Note,
            format!(
                "the {} version declares `untranslated: true` in its front matter: {dropped} block{} still in {} {} not reported one by one",
                v.lang.name(),
                if dropped == 1 { "" } else { "s" },
                doc.versions[doc.source].lang.name(),
                if dropped == 1 { "is" } else { "are" },
            ),
            label,
        ));
    }
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// An input problem as a diagnostic of the rule `input-error`, located in the file
/// (at the offending byte when there is one).
pub fn input_error(
    path: &std::path::Path,
    message: &str,
    offset: Option<usize>,
    prefix: Option<&str>,
) -> Diagnostic {
    input_diagnostic(Severity::Error, path, message, offset, prefix)
}

/// An `input-error` diagnostic of the given severity: a note for a file skipped on
/// purpose, a warning for one read despite a problem, an error for one not read.
pub fn input_diagnostic(
    severity: Severity,
    path: &std::path::Path,
    message: &str,
    offset: Option<usize>,
    prefix: Option<&str>,
) -> Diagnostic {
    let text = prefix.unwrap_or("").to_string();
    let file = Arc::new(SourceFile::from_text(path, text));
    let mut at = offset.filter(|_| prefix.is_some()).unwrap_or(0).min(file.text.len());
    while !file.text.is_char_boundary(at) {
        at -= 1;
    }
    input_at(severity, Label::new(&file, Lang::UND, at..at, message), message)
}

/// An `input-error` diagnostic at a label; the message names the file.
fn input_at(severity: Severity, label: Label, message: &str) -> Diagnostic {
    let display = label.file.display.clone();
    Diagnostic::new(INPUT_ERROR, severity, format!("{display}: {message}"), label)
}
