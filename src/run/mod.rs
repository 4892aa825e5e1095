//! Running a command: what the command line asks (options, formats), checking every
//! group found under the paths given (discover, configuration per group, parallel
//! check), and writing the report. `main.rs` parses the arguments and calls
//! [`check::run_check`] or [`align::run_align`].

pub mod align;
pub mod check;

use crate::check::{self as checking, GroupReport, Options};
use crate::config;
use crate::discover::{self, Group};
use crate::lang::Lang;
use crate::rules;
use crate::stream::{kind, Rendered, Streamed};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// `eprintln!` that never panics: a closed or full standard error is ignored.
macro_rules! say {
    ($($t:tt)*) => { $crate::output::stderr_line(&format!($($t)*)) };
}
pub(crate) use say;

/// Writes to standard output; a closed pipe ends quietly, another failure is exit 2.
pub fn emit(bytes: &[u8]) -> Result<(), ExitCode> {
    match crate::output::stdout(bytes) {
        Ok(()) | Err(crate::output::WriteError::Closed) => Ok(()),
        Err(crate::output::WriteError::Failed(m)) => {
            say!("error: {m}");
            Err(ExitCode::from(2))
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// rustc-style diagnostics with snippets of every file involved.
    Human,
    /// The stable JSON report (docs/json.md).
    Json,
    /// One line per finding: `path:line:col: severity[rule]: message`.
    Short,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// One self-contained HTML page: languages side by side, findings marked.
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum AlignFormat {
    Table,
    Po,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Encoding {
    /// Files must be UTF-8 (or UTF-16 with a byte order mark).
    #[value(name = "utf-8")]
    Utf8,
    /// Read files that are not valid UTF-8 anyway, each invalid byte as U+001A.
    Lossy,
}

/// How inputs are found and read.
#[derive(Args, Clone, Copy)]
pub struct InputArgs {
    /// Follow symbolic links to folders while walking (loops are reported, not followed
    /// twice), and links to files outside the folders being checked (and their git work
    /// tree), which are otherwise skipped with a note.
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// How to read files that are not valid UTF-8 [default: the configuration's, else utf-8].
    #[arg(long, value_enum)]
    pub encoding: Option<Encoding>,
    /// Skip files over this many bytes, with a note [default: the configuration's, else 20971520].
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_file_size: Option<u64>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Deny {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// What the command line says, before each group's configuration is known.
pub struct RunOptions {
    pub source: Option<Lang>,
    pub config: Option<PathBuf>,
    pub selection: rules::Selection,
    /// Keep documents after checking (alignment tables, reports).
    pub keep_documents: bool,
    /// Keep what tied each bead in a kept document (`align`).
    pub keep_ties: bool,
    /// No summary line, no remarks.
    pub quiet: bool,
    pub input: InputArgs,
    /// Counts per rule instead of the findings.
    pub statistics: bool,
    /// Findings never fail the run.
    pub exit_zero: bool,
}

/// Everything a check produced.
pub struct Outcome {
    pub groups: Vec<Group>,
    pub reports: Vec<(GroupReport, Option<Streamed>)>,
    pub path_errors: Vec<String>,
    pub config_errors: Vec<config::ConfigError>,
    /// Paths skipped on purpose (symbolic links to folders).
    pub notes: Vec<String>,
}

/// The options of one group: the command line over its configuration (`--config`, or
/// the nearest oerlint.toml above its first file). Configurations are read once.
pub fn options_for(
    group: &Group,
    run: &RunOptions,
    cache: &mut HashMap<PathBuf, Result<Arc<Options>, config::ConfigError>>,
    finder: &mut config::Finder,
) -> Result<(Arc<Options>, Option<PathBuf>), config::ConfigError> {
    let found = match &run.config {
        Some(p) => Some(p.clone()),
        None => group.files.first().and_then(|(p, _)| finder.find(p)),
    };
    let key = found.clone().unwrap_or_default();
    let entry = cache.entry(key).or_insert_with(|| {
        let cfg = match &found {
            Some(p) => config::load(p)?,
            None => config::Config::default(),
        };
        let mut selection = run.selection.clone();
        selection.levels = cfg.levels.clone();
        Ok(Arc::new(Options {
            source: run.source.or(cfg.source).unwrap_or(Lang::EN),
            rules: selection,
            levels: cfg.levels,
            settings: cfg.settings,
            keep_documents: run.keep_documents,
            keep_ties: run.keep_ties,
            source_explicit: run.source.is_some(),
            load: crate::source::LoadOptions {
                max_size: run.input.max_file_size.unwrap_or(cfg.input.max_size),
                lossy: match run.input.encoding {
                    Some(e) => e == Encoding::Lossy,
                    None => cfg.input.lossy,
                },
            },
        }))
    });
    entry.clone().map(|o| (o, found))
}

/// Renders one group's diagnostics (input errors first, as in the full report).
/// (The group's index, its diagnostics, its document when kept.)
/// The renderer takes the findings: JSON drops each once it is an item.
pub type Renderer<'a> =
    &'a (dyn Fn(usize, Vec<crate::diag::Diagnostic>, Option<&crate::check::Document>) -> Rendered + Sync);

/// Takes each group's rendered part as soon as it is checked (with the group's index).
pub type Live<'a> = &'a (dyn Fn(usize, Streamed) + Sync);

pub fn check_all(
    paths: &[PathBuf],
    run: &RunOptions,
    stream: Option<Renderer>,
    live: Option<Live>,
) -> Outcome {
    let discover::Discovery { groups, errors, notes } = discover::discover_with(paths, run.input.follow);
    let mut cache = HashMap::new();
    let mut finder = config::Finder::default();
    let mut config_errors: Vec<config::ConfigError> = Vec::new();
    let mut jobs: Vec<(Group, Arc<Options>)> = Vec::new();
    for g in groups {
        match options_for(&g, run, &mut cache, &mut finder) {
            Ok((opts, cfg_path)) => {
                // Include and exclude globs are relative to the configuration's folder.
                let mut g = g;
                if let Some(dir) = cfg_path.as_ref().and_then(|p| p.parent()) {
                    let abs =
                        |p: &std::path::Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
                    let dir = abs(dir);
                    g.files.retain(|(p, _)| {
                        let a = abs(p);
                        a.strip_prefix(&dir).map(|rel| opts.settings.wants(rel)).unwrap_or(true)
                    });
                }
                if !g.files.is_empty() {
                    jobs.push((g, opts));
                }
            }
            Err(e) => {
                if !config_errors.iter().any(|x| x.path == e.path) {
                    config_errors.push(e);
                }
            }
        }
    }
    let reports: Vec<(GroupReport, Option<Streamed>)> = jobs
        .par_iter()
        .enumerate()
        .map(|(i, (g, o))| {
            let mut r = checking::check_group(g, o);
            let streamed = stream.map(|render| {
                // Input errors first; no copy of the findings when there is none.
                let mut all = std::mem::take(&mut r.input_errors);
                if all.is_empty() {
                    all = std::mem::take(&mut r.diagnostics);
                } else {
                    all.append(&mut r.diagnostics);
                }
                let kinds = all.iter().map(kind).collect();
                // The document was kept for this rendering (the HTML report) only.
                let doc = r.document.take();
                Streamed { rendered: render(i, all, doc.as_ref()), kinds }
            });
            // Written out as soon as the groups before it are: nothing is kept.
            let streamed = match (live, streamed) {
                (Some(live), Some(s)) => {
                    live(i, s);
                    None
                }
                (_, s) => s,
            };
            (r, streamed)
        })
        .collect();
    let groups = jobs.into_iter().map(|(g, _)| g).collect();
    let path_errors = errors.into_iter().map(|e| format!("{}: {}", e.path.display(), e.message)).collect();
    Outcome { groups, reports, path_errors, config_errors, notes }
}

/// The root that SARIF locations are relative to: the git work tree around the current
/// folder, or the current folder.
pub fn repo_root() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    cwd.ancestors().find(|d| d.join(".git").exists()).map(PathBuf::from).unwrap_or(cwd)
}

/// Prints a configuration error with a label on the offending TOML (made safe for the
/// terminal like every snippet).
pub fn report_config_error(e: &config::ConfigError) {
    say!("{}", crate::stream::config_error_text(e));
}

/// What `check` does with the fixes it finds: nothing, write them, or print them as a diff.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fixes {
    None,
    Write,
    Diff,
}
