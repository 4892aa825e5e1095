use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::ColorChoice;
use oerlint::check::{self, Document, GroupReport, Options};
use oerlint::config;
use oerlint::diag::Severity;
use oerlint::discover::{self, Group};
use oerlint::lang::Lang;
use oerlint::render::{self, visible, visible_line, Summary};
use oerlint::rules;
use oerlint::stream::{kind, Kind, LiveWriter, Rendered, Streamed};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Translation consistency linter: aligns the language versions of a document section by
/// section and reports the dates, emails, codes and links that disagree.
#[derive(Parser)]
#[command(name = "oerlint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
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
enum BlocksFormat {
    /// For people.
    Human,
    /// For scripts.
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum AlignFormat {
    Table,
    Po,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Encoding {
    /// Files must be UTF-8 (or UTF-16 with a byte order mark).
    #[value(name = "utf-8")]
    Utf8,
    /// Read files that are not valid UTF-8 anyway, each invalid byte as U+001A.
    Lossy,
}

/// How inputs are found and read.
#[derive(Args, Clone, Copy)]
struct InputArgs {
    /// Follow symbolic links to folders while walking (loops are reported, not followed
    /// twice), and links to files outside the folders being checked (and their git work
    /// tree), which are otherwise skipped with a note.
    #[arg(short = 'L', long)]
    follow: bool,
    /// How to read files that are not valid UTF-8 [default: the configuration's, else utf-8].
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
    /// Skip files over this many bytes, with a note [default: the configuration's, else 20971520].
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    max_file_size: Option<u64>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents: folders of language files, trees, multilingual files, or files
    /// passed one by one (as a pre-commit hook does).
    Check {
        /// Files or folders to check [default: the current folder].
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// The source language every other language is compared with [default: the
        /// configuration's, else en].
        #[arg(long, value_parser = parse_lang)]
        source: Option<Lang>,
        /// Use this configuration file instead of the nearest oerlint.toml or .oerlint.toml.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Write the report to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Make warnings fail the check too (exit status 1).
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// When to colour human output.
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
        /// Print only the findings: no summary line, no remarks.
        #[arg(short, long)]
        quiet: bool,
        /// Run only these rules (comma-separated ids, or `all`), including off-by-default ones.
        #[arg(long, value_delimiter = ',')]
        select: Option<Vec<String>>,
        /// Do not run these rules (comma-separated ids).
        #[arg(long, value_delimiter = ',')]
        ignore: Vec<String>,
        /// Apply the mechanical, certain fixes (`mailto>` to `mailto:`, spaces inside
        /// codes, unbalanced bidi controls), writing files atomically.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print the fixes as a unified diff instead of writing them.
        #[arg(long)]
        diff: bool,
        /// Print the number of findings per rule instead of the findings (as ruff does).
        #[arg(long)]
        statistics: bool,
        /// Exit with status 0 even when findings fail the check (input and usage errors
        /// still exit 2).
        #[arg(long)]
        exit_zero: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print how the sections of each translation align with the source.
    Align {
        /// Files or folders whose documents to align [default: the current folder].
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// The source language the translations are aligned with [default: the
        /// configuration's, else en].
        #[arg(long, value_parser = parse_lang)]
        source: Option<Lang>,
        /// Use this configuration file instead of the nearest oerlint.toml or .oerlint.toml.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Also show the block alignment inside each section.
        #[arg(long)]
        blocks: bool,
        /// `table` for people; `po` exports the aligned block pairs as gettext PO files.
        #[arg(long, value_enum, default_value = "table")]
        format: AlignFormat,
        /// With `--format po`: write one PO file per document and translation into this
        /// folder (`NAME.LANG.po`) instead of printing them.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Show what oerlint read from files: every block with its kind (heading, paragraph,
    /// list item, table cell, front matter), line and text, its links, and what was not
    /// read and why.
    Blocks {
        /// Files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `human` for people, `json` for scripts.
        #[arg(long, value_enum, default_value = "human")]
        format: BlocksFormat,
    },
    /// List every rule with its default level.
    Rules {
        /// `human` for a table, `json` for scripts.
        #[arg(long, value_enum, default_value = "human")]
        format: BlocksFormat,
    },
    /// Write a commented oerlint.toml with every default.
    Init {
        /// Folder to write it in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Overwrite an existing oerlint.toml.
        #[arg(long)]
        force: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule id, as in `oerlint rules`.
        rule: String,
    },
}

/// `eprintln!` that never panics: a closed or full standard error is ignored.
macro_rules! say {
    ($($t:tt)*) => { oerlint::output::stderr_line(&format!($($t)*)) };
}

/// Writes to standard output; a closed pipe ends quietly, another failure is exit 2.
fn emit(bytes: &[u8]) -> Result<(), ExitCode> {
    match oerlint::output::stdout(bytes) {
        Ok(()) | Err(oerlint::output::WriteError::Closed) => Ok(()),
        Err(oerlint::output::WriteError::Failed(m)) => {
            say!("error: {m}");
            Err(ExitCode::from(2))
        }
    }
}

/// `oerlint blocks`: the blocks read from each file (exit 2 if a file cannot be read).
fn run_blocks(files: &[PathBuf], format: BlocksFormat) -> ExitCode {
    let (out, errors) = oerlint::show::files(files, format == BlocksFormat::Json);
    for e in &errors {
        say!("error: {e}");
    }
    if let Err(code) = emit(out.as_bytes()) {
        return code;
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| format!("unknown language `{s}`; use a BCP 47 tag such as en, fr, ar, es, ru, zh"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            source,
            config,
            output,
            deny,
            color,
            quiet,
            select,
            ignore,
            fix,
            diff,
            statistics,
            exit_zero,
            input,
        } => {
            let selection = rules::Selection { select, ignore, levels: Vec::new() };
            let unknown = selection.unknown();
            if !unknown.is_empty() {
                for u in &unknown {
                    say!("error: {}", visible_line(&rules::unknown_rule(u)));
                }
                return ExitCode::from(2);
            }
            let run = RunOptions {
                source,
                config,
                selection,
                keep_documents: format == Format::Html,
                quiet,
                input,
                statistics,
                exit_zero,
            };
            let fixes = if fix {
                Fixes::Write
            } else if diff {
                Fixes::Diff
            } else {
                Fixes::None
            };
            run_check(&paths, format, output.as_deref(), &run, deny, color, fixes)
        }
        Command::Align { paths, source, config, blocks, format, output, input } => {
            let run = RunOptions {
                source,
                config,
                selection: Default::default(),
                keep_documents: true,
                quiet: false,
                input,
                statistics: false,
                exit_zero: false,
            };
            run_align(&paths, &run, blocks, format, output.as_deref())
        }
        Command::Init { dir, force } => {
            let path = dir.join(config::FILE_NAME);
            match oerlint::output::init(&path, &config::template(), force) {
                Ok(()) => {
                    match emit(format!("wrote {}\n", visible_line(&path.display().to_string())).as_bytes()) {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(code) => code,
                    }
                }
                Err(m) => {
                    say!("error: {m}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Blocks { files, format } => run_blocks(&files, format),
        Command::Rules { format } => {
            let out = match format {
                BlocksFormat::Human => rules::table(),
                BlocksFormat::Json => rules::json(),
            };
            emit(out.as_bytes()).err().unwrap_or(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match rules::find(&rule) {
            Some(r) => emit(format!("{}\n", r.doc()).as_bytes()).err().unwrap_or(ExitCode::SUCCESS),
            None => {
                say!("error: {}", visible_line(&rules::unknown_rule(&rule)));
                ExitCode::from(2)
            }
        },
    }
}

/// What the command line says, before each group's configuration is known.
struct RunOptions {
    source: Option<Lang>,
    config: Option<PathBuf>,
    selection: rules::Selection,
    /// Keep documents after checking (alignment tables, reports).
    keep_documents: bool,
    /// No summary line, no remarks.
    quiet: bool,
    input: InputArgs,
    /// Counts per rule instead of the findings.
    statistics: bool,
    /// Findings never fail the run.
    exit_zero: bool,
}

/// Everything a check produced.
struct Outcome {
    groups: Vec<Group>,
    reports: Vec<(GroupReport, Option<Streamed>)>,
    path_errors: Vec<String>,
    config_errors: Vec<config::ConfigError>,
    /// Paths skipped on purpose (symbolic links to folders).
    notes: Vec<String>,
}

/// The options of one group: the command line over its configuration (`--config`, or
/// the nearest oerlint.toml above its first file). Configurations are read once.
fn options_for(
    group: &Group,
    run: &RunOptions,
    cache: &mut HashMap<PathBuf, Result<Arc<Options>, config::ConfigError>>,
) -> Result<(Arc<Options>, Option<PathBuf>), config::ConfigError> {
    let found = match &run.config {
        Some(p) => Some(p.clone()),
        None => group.files.first().and_then(|(p, _)| config::find(p)),
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
            source_explicit: run.source.is_some(),
            load: oerlint::source::LoadOptions {
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
type Renderer<'a> = &'a (dyn Fn(Vec<oerlint::diag::Diagnostic>) -> Rendered + Sync);

/// Takes each group's rendered part as soon as it is checked (with the group's index).
type Live<'a> = &'a (dyn Fn(usize, Streamed) + Sync);

fn check_all(paths: &[PathBuf], run: &RunOptions, stream: Option<Renderer>, live: Option<Live>) -> Outcome {
    let discover::Discovery { groups, errors, notes } = discover::discover_with(paths, run.input.follow);
    let mut cache = HashMap::new();
    let mut config_errors: Vec<config::ConfigError> = Vec::new();
    let mut jobs: Vec<(Group, Arc<Options>)> = Vec::new();
    for g in groups {
        match options_for(&g, run, &mut cache) {
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
            let mut r = check::check_group(g, o);
            let streamed = stream.map(|render| {
                // Input errors first; no copy of the findings when there is none.
                let mut all = std::mem::take(&mut r.input_errors);
                if all.is_empty() {
                    all = std::mem::take(&mut r.diagnostics);
                } else {
                    all.append(&mut r.diagnostics);
                }
                let kinds = all.iter().map(kind).collect();
                // The renderer takes the findings: JSON drops each once it is an item.
                Streamed { rendered: render(all), kinds }
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
fn repo_root() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    cwd.ancestors().find(|d| d.join(".git").exists()).map(PathBuf::from).unwrap_or(cwd)
}

/// Prints a configuration error with a label on the offending TOML (made safe for the
/// terminal like every snippet).
fn report_config_error(e: &config::ConfigError) {
    say!("{}", oerlint::stream::config_error_text(e));
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fixes {
    None,
    Write,
    Diff,
}

fn run_check(
    paths: &[PathBuf],
    format: Format,
    output: Option<&std::path::Path>,
    run: &RunOptions,
    deny: Option<Deny>,
    color: Color,
    fixes: Fixes,
) -> ExitCode {
    let choice = color_choice(
        color,
        |k| std::env::var_os(k).filter(|v| !v.is_empty()).is_some(),
        || std::io::IsTerminal::is_terminal(&std::io::stdout()),
    );
    let buffers = termcolor::BufferWriter::stdout(choice);
    let render_json = |d: Vec<oerlint::diag::Diagnostic>| Rendered::Json(render::json_items_owned(d));
    let render_short = |d: Vec<oerlint::diag::Diagnostic>| Rendered::Text(oerlint::formats::short(&d));
    let render_github = |d: Vec<oerlint::diag::Diagnostic>| Rendered::Text(oerlint::formats::github(&d));
    let render_plain = |d: Vec<oerlint::diag::Diagnostic>| {
        let mut buf = termcolor::Buffer::no_color();
        let _ = render::human(&d, &mut buf);
        Rendered::Color(buf)
    };
    let render_color = |d: Vec<oerlint::diag::Diagnostic>| {
        let mut buf = buffers.buffer();
        let _ = render::human(&d, &mut buf);
        Rendered::Color(buf)
    };
    // Formats rendered diagnostic by diagnostic (SARIF and HTML need them all at once).
    let per_group: Option<Renderer> = match format {
        Format::Json => Some(&render_json),
        Format::Short => Some(&render_short),
        Format::Github => Some(&render_github),
        Format::Human if output.is_some() => Some(&render_plain),
        Format::Human => Some(&render_color),
        Format::Sarif | Format::Html => None,
    };
    let stream = per_group.filter(|_| fixes == Fixes::None);
    // To standard output, JSON, short, GitHub and human output are written group by group,
    // in order, while the rest is checked: memory does not grow with the findings.
    let live_state = std::sync::Mutex::new(LiveWriter::default());
    let write_live = |i: usize, part: Streamed| {
        let mut w = live_state.lock().unwrap_or_else(|e| e.into_inner());
        w.push(i, part, &buffers);
    };
    let live: Option<Live> =
        (output.is_none() && !run.statistics && stream.is_some()).then_some(&write_live as Live);
    let Outcome { groups, reports, path_errors, config_errors, notes } = check_all(paths, run, stream, live);
    let is_live = live.is_some();
    let live_state = std::mem::take(&mut *live_state.lock().unwrap_or_else(|e| e.into_inner()));
    if let Some(out) = output {
        let inputs: Vec<PathBuf> =
            groups.iter().flat_map(|g| g.files.iter().map(|(p, _)| p.clone())).collect();
        if let Err(m) = oerlint::output::check_report_path(out, &inputs) {
            say!("error: {m}");
            return ExitCode::from(2);
        }
    }
    if !run.quiet {
        for n in &notes {
            say!("note: {}", visible(n));
        }
    }
    for e in &config_errors {
        report_config_error(e);
    }
    let mut diags = Vec::new();
    let mut summary = Summary::default();
    let mut input_errors = !path_errors.is_empty() || !config_errors.is_empty();
    let mut documents: Vec<Document> = Vec::new();
    for e in &path_errors {
        say!("error: {}", visible(e));
    }
    let mut streamed: Vec<Rendered> = Vec::new();
    let mut kinds: Vec<Kind> = Vec::new();
    let live_failed = live_state.failed;
    input_errors |=
        live_state.kinds.iter().any(|&(rule, sev, _)| rule == check::INPUT_ERROR && sev == Severity::Error);
    kinds.extend(live_state.kinds.iter().copied());
    for (r, s) in reports {
        if r.checked {
            summary.documents += 1;
            summary.files += r.files;
        }
        for m in &r.remarks {
            if format == Format::Human && !run.quiet {
                say!("note: {}", visible(m));
            }
        }
        input_errors |= r.input_errors.iter().any(|d| d.severity == Severity::Error);
        documents.extend(r.document);
        diags.extend(r.input_errors);
        diags.extend(r.diagnostics);
        if let Some(s) = s {
            input_errors |=
                s.kinds.iter().any(|&(rule, sev, _)| rule == check::INPUT_ERROR && sev == Severity::Error);
            kinds.extend(s.kinds);
            streamed.push(s.rendered);
        }
    }
    if groups.is_empty() && path_errors.is_empty() && config_errors.is_empty() {
        say!("error: no documents found (looked for .md, .markdown, .mdx and .txt files)");
        input_errors = true;
    }
    // A configuration that could not be read checked nothing: no report that could pass
    // for a clean run, only the error (above) and exit 2.
    if !config_errors.is_empty() && summary.documents == 0 && diags.is_empty() && kinds.is_empty() {
        return ExitCode::from(2);
    }
    if stream.is_some() {
        for &(_, sev, fixable) in &kinds {
            summary.add(sev);
            summary.fixable += usize::from(fixable);
        }
        if is_live {
            if live_failed.is_some() {
                return ExitCode::from(2);
            }
            return finish_live(&live_state.json, &kinds, summary, &buffers, format, run, deny, input_errors);
        }
        return write_output(streamed, &kinds, summary, &buffers, format, output, run, deny, input_errors);
    }
    match fixes {
        Fixes::None => {}
        Fixes::Diff => {
            let plans = oerlint::fix::plan(&diags);
            let text: String = plans.iter().map(|p| visible(&oerlint::fix::diff(p))).collect();
            if let Err(code) = emit(text.as_bytes()) {
                return code;
            }
            let n: usize = plans.iter().map(|p| p.fixed.len()).sum();
            say!(
                "{n} fix{} in {} file{}",
                if n == 1 { "" } else { "es" },
                plans.len(),
                if plans.len() == 1 { "" } else { "s" }
            );
            return if input_errors {
                ExitCode::from(2)
            } else if plans.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            };
        }
        Fixes::Write => {
            let plans = oerlint::fix::plan(&diags);
            let mut done: Vec<usize> = Vec::new();
            for p in &plans {
                match oerlint::fix::write(p) {
                    Ok(()) => {
                        say!(
                            "fixed {} problem{} in {}",
                            p.fixed.len(),
                            if p.fixed.len() == 1 { "" } else { "s" },
                            visible_line(&p.display)
                        );
                        done.extend(
                            p.fixed.iter().filter(|&&i| diags[i].fix.as_ref().is_some_and(|f| f.resolves)),
                        );
                    }
                    Err(e) => {
                        say!("error: cannot fix {}: {}", visible_line(&p.display), visible(&e.to_string()));
                        input_errors = true;
                    }
                }
            }
            let mut k = 0;
            diags.retain(|_| {
                k += 1;
                !done.contains(&(k - 1))
            });
        }
    }
    summary.count(&diags);
    let kinds: Vec<Kind> = diags.iter().map(kind).collect();
    let rendered = match (format, per_group) {
        (_, Some(render)) => render(std::mem::take(&mut diags)),
        (Format::Sarif, None) => {
            let all: Vec<&rules::Rule> = rules::all().iter().collect();
            Rendered::Text(oerlint::formats::sarif(&diags, &all, &repo_root()))
        }
        _ => {
            let docs: Vec<&Document> = documents.iter().collect();
            Rendered::Text(oerlint::html::report(&docs, &diags))
        }
    };
    write_output(vec![rendered], &kinds, summary, &buffers, format, output, run, deny, input_errors)
}

/// `--color`, then the conventions: `NO_COLOR` (no-color.org) turns colour off,
/// `CLICOLOR_FORCE` and `FORCE_COLOR` turn it on when not on a terminal; else colour on a
/// terminal only.
fn color_choice(color: Color, set: impl Fn(&str) -> bool, terminal: impl Fn() -> bool) -> ColorChoice {
    let forced = || {
        set("FORCE_COLOR")
            || (set("CLICOLOR_FORCE") && std::env::var("CLICOLOR_FORCE").is_ok_and(|v| v != "0"))
    };
    match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if set("NO_COLOR") => ColorChoice::Never,
        Color::Auto if forced() => ColorChoice::Always,
        Color::Auto if terminal() => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    }
}

/// After a live report: the JSON array's end and the summary, or the summary line.
#[allow(clippy::too_many_arguments)]
fn finish_live(
    json: &render::JsonStream,
    kinds: &[Kind],
    summary: Summary,
    buffers: &termcolor::BufferWriter,
    format: Format,
    run: &RunOptions,
    deny: Option<Deny>,
    input_errors: bool,
) -> ExitCode {
    let tail = match format {
        // The items were written with the array's start; close it (or write the whole
        // empty report).
        Format::Json => json.finish(&summary),
        Format::Human if !run.quiet => {
            let mut b = buffers.buffer();
            let _ = writeln!(b, "{}", render::summary_line(&summary));
            return match buffers.print(&b).and_then(|()| std::io::stdout().flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    say!("error: cannot write output: {e}");
                    ExitCode::from(2)
                }
                _ => exit_status(kinds, deny, input_errors, run.exit_zero),
            };
        }
        _ => String::new(),
    };
    match emit(tail.as_bytes()) {
        Ok(()) => exit_status(kinds, deny, input_errors, run.exit_zero),
        Err(code) => code,
    }
}

/// 2 on a usage or input error (even when findings fail the check too: the report may
/// be incomplete), else 1 when a finding fails the check, else 0.
fn exit_status<'a>(
    kinds: impl IntoIterator<Item = &'a Kind>,
    deny: Option<Deny>,
    input_errors: bool,
    exit_zero: bool,
) -> ExitCode {
    let failing = kinds.into_iter().any(|&(rule, sev, _)| {
        rule != check::INPUT_ERROR && (sev == Severity::Error || (deny.is_some() && sev == Severity::Warning))
    });
    if input_errors {
        ExitCode::from(2)
    } else if failing && !exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the report: the rendered findings in order (one part per group when streamed,
/// one part otherwise: the same bytes either way), then the summary.
#[allow(clippy::too_many_arguments)]
fn write_output(
    parts: Vec<Rendered>,
    kinds: &[Kind],
    summary: Summary,
    buffers: &termcolor::BufferWriter,
    format: Format,
    output: Option<&std::path::Path>,
    run: &RunOptions,
    deny: Option<Deny>,
    input_errors: bool,
) -> ExitCode {
    if run.statistics {
        let text = render::statistics(kinds, &summary);
        return match emit(text.as_bytes()) {
            Ok(()) => exit_status(kinds, deny, input_errors, run.exit_zero),
            Err(code) => code,
        };
    }
    let mut items = Vec::new();
    let mut text = String::new();
    let mut colored = Vec::new();
    for p in parts {
        match p {
            Rendered::Json(v) => items.extend(v),
            Rendered::Text(t) => text.push_str(&t),
            Rendered::Color(b) => colored.push(b),
        }
    }
    match format {
        Format::Json => text = render::json_report(items, summary),
        Format::Human if output.is_some() => {
            for b in &colored {
                text.push_str(&String::from_utf8_lossy(b.as_slice()));
            }
            text.push_str(&render::summary_line(&summary));
            text.push('\n');
        }
        Format::Human => {
            let mut printed = colored.iter().try_for_each(|b| buffers.print(b));
            if printed.is_ok() && !run.quiet {
                let mut b = buffers.buffer();
                let _ = writeln!(b, "{}", render::summary_line(&summary));
                printed = buffers.print(&b);
            }
            let printed = printed.and_then(|()| std::io::stdout().flush());
            match printed {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    say!("error: cannot write output: {e}");
                    return ExitCode::from(2);
                }
                _ => return exit_status(kinds, deny, input_errors, run.exit_zero),
            }
        }
        _ => {}
    }
    let written = match output {
        Some(path) => oerlint::output::file(path, text.as_bytes()).map_err(|m| {
            say!("error: {m}");
            ExitCode::from(2)
        }),
        None => emit(text.as_bytes()),
    };
    match written {
        Ok(()) => {
            if let Some(path) = output {
                if !run.quiet {
                    say!(
                        "wrote {} ({})",
                        visible_line(&path.display().to_string()),
                        render::summary_line(&summary)
                    );
                }
            }
            exit_status(kinds, deny, input_errors, run.exit_zero)
        }
        Err(code) => code,
    }
}

fn run_align(
    paths: &[PathBuf],
    run: &RunOptions,
    blocks: bool,
    format: AlignFormat,
    output: Option<&std::path::Path>,
) -> ExitCode {
    let Outcome { groups, reports, path_errors, config_errors, notes } = check_all(paths, run, None, None);
    let mut code = ExitCode::SUCCESS;
    for n in &notes {
        say!("note: {}", visible(n));
    }
    for e in &config_errors {
        report_config_error(e);
        code = ExitCode::from(2);
    }
    for e in path_errors {
        say!("error: {}", visible(&e));
        code = ExitCode::from(2);
    }
    let inputs: Vec<PathBuf> = groups.iter().flat_map(|g| g.files.iter().map(|(p, _)| p.clone())).collect();
    let mut text = String::new();
    let mut po_docs: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut aligned = 0;
    for (r, _) in reports {
        for d in &r.input_errors {
            say!("{}: {}", d.severity.as_str(), visible(&d.message));
            if d.severity == Severity::Error {
                code = ExitCode::from(2);
            }
        }
        for m in &r.remarks {
            say!("note: {}", visible(m));
        }
        let Some(doc) = &r.document else { continue };
        if doc.versions.len() < 2 {
            continue;
        }
        aligned += 1;
        match (format, output) {
            (AlignFormat::Table, _) => text.push_str(&oerlint::table::alignment(doc, blocks)),
            (AlignFormat::Po, None) => {
                for (_, po) in oerlint::po::export(doc) {
                    text.push_str(&po);
                }
            }
            (AlignFormat::Po, Some(_)) => po_docs.push((doc.name.clone(), oerlint::po::export(doc))),
        }
    }
    if aligned == 0 {
        say!(
            "error: nothing to align: {}",
            if groups.is_empty() {
                "no documents found (looked for .md, .markdown, .mdx and .txt files)"
            } else {
                "no document has two language versions"
            }
        );
        return ExitCode::from(2);
    }
    if let (AlignFormat::Po, Some(dir)) = (format, output) {
        let files = match oerlint::output::po_files(dir, &po_docs, &inputs) {
            Ok(f) => f,
            Err(m) => {
                say!("error: {m}");
                return ExitCode::from(2);
            }
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            say!("error: cannot create the folder {}: {e}", visible_line(&dir.display().to_string()));
            return ExitCode::from(2);
        }
        for (path, po) in files {
            if let Err(m) = oerlint::output::file(&path, po.as_bytes()) {
                say!("error: {m}");
                code = ExitCode::from(2);
            }
        }
    }
    match emit(text.as_bytes()) {
        Ok(()) => code,
        Err(c) => c,
    }
}
