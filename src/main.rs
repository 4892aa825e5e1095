use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use oerlint::check::{self, Document, GroupReport, Options};
use oerlint::config;
use oerlint::diag::Severity;
use oerlint::discover::{self, Group};
use oerlint::lang::Lang;
use oerlint::render::{self, Summary};
use oerlint::rules;
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
    /// twice). Links to files are always followed.
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
        /// Files or folders to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// The source language every other language is compared with [default: the
        /// configuration's, else en].
        #[arg(long, value_parser = parse_lang)]
        source: Option<Lang>,
        /// Use this configuration file instead of the nearest oerlint.toml.
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
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print how the sections of each translation align with the source.
    Align {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_parser = parse_lang)]
        source: Option<Lang>,
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
    /// List every rule with its default level.
    Rules,
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
            input,
        } => {
            let selection = rules::Selection { select, ignore, levels: Vec::new() };
            let unknown = selection.unknown();
            if !unknown.is_empty() {
                eprintln!("error: unknown rule `{}`; `oerlint rules` lists them", unknown.join("`, `"));
                return ExitCode::from(2);
            }
            let run = RunOptions {
                source,
                config,
                selection,
                keep_documents: format == Format::Html,
                quiet,
                input,
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
            };
            run_align(&paths, &run, blocks, format, output.as_deref())
        }
        Command::Init { dir, force } => {
            let path = dir.join(config::FILE_NAME);
            if path.exists() && !force {
                eprintln!("error: {} exists; use --force to overwrite it", path.display());
                return ExitCode::from(2);
            }
            match std::fs::write(&path, config::template()) {
                Ok(()) => {
                    println!("wrote {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    ExitCode::from(2)
                }
            }
        }
        Command::Rules => {
            println!("{:<20} {:<8} summary", "rule", "level");
            for r in rules::all() {
                let level = if r.default_enabled { r.severity.as_str() } else { "off" };
                println!("{:<20} {:<8} {}", r.id, level, r.summary);
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match rules::find(&rule) {
            Some(r) => {
                println!("{}", r.doc());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: unknown rule `{rule}`; `oerlint rules` lists them");
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

/// A group's findings rendered as soon as it is checked, so that its files are dropped
/// with it: a tree of any size is checked as a stream (docs/performance.md).
enum Rendered {
    Json(Vec<render::JsonDiagnostic>),
    Text(String),
    Color(termcolor::Buffer),
}

/// What a streamed group leaves: its output, and the rule and severity of each finding
/// (for the summary and the exit status).
struct Streamed {
    rendered: Rendered,
    kinds: Vec<(&'static str, Severity)>,
}

/// Renders one group's diagnostics (input errors first, as in the full report).
type Renderer<'a> = &'a (dyn Fn(&[oerlint::diag::Diagnostic]) -> Rendered + Sync);

fn check_all(paths: &[PathBuf], run: &RunOptions, stream: Option<Renderer>) -> Outcome {
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
        .map(|(g, o)| {
            let mut r = check::check_group(g, o);
            let streamed = stream.map(|render| {
                let mut all = std::mem::take(&mut r.input_errors);
                all.append(&mut r.diagnostics);
                Streamed { rendered: render(&all), kinds: all.iter().map(|d| (d.rule, d.severity)).collect() }
            });
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

/// Prints a configuration error with a label on the offending TOML.
fn report_config_error(e: &config::ConfigError) {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    let mut files = codespan_reporting::files::SimpleFiles::new();
    let id = files.add(e.path.display().to_string(), e.text.clone());
    let mut d =
        Diagnostic::error().with_code("config").with_message(format!("invalid configuration: {}", e.message));
    if let Some(span) = &e.span {
        d = d.with_labels(vec![Label::primary(id, span.clone()).with_message(e.message.clone())]);
    } else {
        d = d.with_notes(vec![format!("in {}", e.path.display())]);
    }
    let stream = StandardStream::stderr(ColorChoice::Never);
    let mut lock = stream.lock();
    let _ =
        codespan_reporting::term::emit(&mut lock, &codespan_reporting::term::Config::default(), &files, &d);
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
    let choice = match color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if std::env::var_os("NO_COLOR").is_some() => ColorChoice::Never,
        Color::Auto if std::io::IsTerminal::is_terminal(&std::io::stdout()) => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    };
    let buffers = termcolor::BufferWriter::stdout(choice);
    let render_json = |d: &[oerlint::diag::Diagnostic]| Rendered::Json(render::json_items(d));
    let render_short = |d: &[oerlint::diag::Diagnostic]| Rendered::Text(oerlint::formats::short(d));
    let render_github = |d: &[oerlint::diag::Diagnostic]| Rendered::Text(oerlint::formats::github(d));
    let render_plain = |d: &[oerlint::diag::Diagnostic]| {
        let mut buf = termcolor::Buffer::no_color();
        let _ = render::human(d, &mut buf);
        Rendered::Color(buf)
    };
    let render_color = |d: &[oerlint::diag::Diagnostic]| {
        let mut buf = buffers.buffer();
        let _ = render::human(d, &mut buf);
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
    let Outcome { groups, reports, path_errors, config_errors, notes } = check_all(paths, run, stream);
    if !run.quiet {
        for n in &notes {
            eprintln!("note: {n}");
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
        eprintln!("error: {e}");
    }
    let mut streamed: Vec<Rendered> = Vec::new();
    let mut kinds: Vec<(&'static str, Severity)> = Vec::new();
    for (r, s) in reports {
        if r.checked {
            summary.documents += 1;
            summary.files += r.files;
        }
        for m in &r.remarks {
            if format == Format::Human && !run.quiet {
                eprintln!("note: {m}");
            }
        }
        input_errors |= r.input_errors.iter().any(|d| d.severity == Severity::Error);
        documents.extend(r.document);
        diags.extend(r.input_errors);
        diags.extend(r.diagnostics);
        if let Some(s) = s {
            input_errors |=
                s.kinds.iter().any(|&(rule, sev)| rule == check::INPUT_ERROR && sev == Severity::Error);
            kinds.extend(s.kinds);
            streamed.push(s.rendered);
        }
    }
    if groups.is_empty() && path_errors.is_empty() && config_errors.is_empty() {
        eprintln!("error: no documents found (looked for .md, .markdown, .mdx and .txt files)");
        input_errors = true;
    }
    if stream.is_some() {
        for &(_, sev) in &kinds {
            summary.add(sev);
        }
        return write_output(streamed, &kinds, summary, &buffers, format, output, run, deny, input_errors);
    }
    match fixes {
        Fixes::None => {}
        Fixes::Diff => {
            let plans = oerlint::fix::plan(&diags);
            let mut out = std::io::stdout().lock();
            for p in &plans {
                let _ = out.write_all(oerlint::fix::diff(p).as_bytes());
            }
            let n: usize = plans.iter().map(|p| p.fixed.len()).sum();
            eprintln!(
                "{n} fix{} in {} file{}",
                if n == 1 { "" } else { "es" },
                plans.len(),
                if plans.len() == 1 { "" } else { "s" }
            );
            return if plans.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) };
        }
        Fixes::Write => {
            let plans = oerlint::fix::plan(&diags);
            let mut done: Vec<usize> = Vec::new();
            for p in &plans {
                match oerlint::fix::write(p) {
                    Ok(()) => {
                        eprintln!(
                            "fixed {} problem{} in {}",
                            p.fixed.len(),
                            if p.fixed.len() == 1 { "" } else { "s" },
                            p.display
                        );
                        done.extend(
                            p.fixed.iter().filter(|&&i| diags[i].fix.as_ref().is_some_and(|f| f.resolves)),
                        );
                    }
                    Err(e) => {
                        eprintln!("error: cannot write {}: {e}", p.display);
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
    let rendered = match (format, per_group) {
        (_, Some(render)) => render(&diags),
        (Format::Sarif, None) => {
            let all: Vec<&rules::Rule> = rules::all().iter().collect();
            Rendered::Text(oerlint::formats::sarif(&diags, &all, &repo_root()))
        }
        _ => {
            let docs: Vec<&Document> = documents.iter().collect();
            Rendered::Text(oerlint::html::report(&docs, &diags))
        }
    };
    let kinds: Vec<(&'static str, Severity)> = diags.iter().map(|d| (d.rule, d.severity)).collect();
    write_output(vec![rendered], &kinds, summary, &buffers, format, output, run, deny, input_errors)
}

/// 1 when a finding fails the check, else 2 on an input error, else 0.
fn exit_status<'a>(
    kinds: impl IntoIterator<Item = (&'a str, Severity)>,
    deny: Option<Deny>,
    input_errors: bool,
) -> ExitCode {
    let failing = kinds.into_iter().any(|(rule, sev)| {
        rule != check::INPUT_ERROR && (sev == Severity::Error || (deny.is_some() && sev == Severity::Warning))
    });
    if failing {
        ExitCode::from(1)
    } else if input_errors {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the report: the rendered findings in order (one part per group when streamed,
/// one part otherwise: the same bytes either way), then the summary.
#[allow(clippy::too_many_arguments)]
fn write_output(
    parts: Vec<Rendered>,
    kinds: &[(&'static str, Severity)],
    summary: Summary,
    buffers: &termcolor::BufferWriter,
    format: Format,
    output: Option<&std::path::Path>,
    run: &RunOptions,
    deny: Option<Deny>,
    input_errors: bool,
) -> ExitCode {
    let broken_pipe = |e: &std::io::Error| {
        e.kind() == std::io::ErrorKind::BrokenPipe || e.to_string().contains("Broken pipe")
    };
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
            for b in &colored {
                if let Err(e) = buffers.print(b) {
                    if broken_pipe(&e) {
                        break;
                    }
                    eprintln!("error: cannot write output: {e}");
                    return ExitCode::from(2);
                }
            }
            if !run.quiet {
                let mut b = buffers.buffer();
                let _ = writeln!(b, "{}", render::summary_line(&summary));
                let _ = buffers.print(&b);
            }
            return exit_status(kinds.iter().copied(), deny, input_errors);
        }
        _ => {}
    }
    let written = match output {
        Some(path) => std::fs::write(path, text.as_bytes()),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    if let Err(e) = written {
        if !broken_pipe(&e) {
            eprintln!("error: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    exit_status(kinds.iter().copied(), deny, input_errors)
}

fn cell(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        let cut: String = s.chars().take(width.saturating_sub(2)).collect();
        format!("{cut}… ")
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// A bead's confidence and what tied it, for `align --blocks`.
fn bead_why(confidence: f64, ties: &[String]) -> String {
    let mut out = format!("{confidence:.2}");
    if !ties.is_empty() {
        let shown: Vec<String> = ties.iter().take(3).map(|t| t.chars().take(40).collect()).collect();
        out.push_str(&format!(" {}", shown.join(", ")));
        if ties.len() > 3 {
            out.push_str(&format!(" (+{})", ties.len() - 3));
        }
    }
    out
}

fn print_alignment(doc: &Document, blocks: bool) {
    let src = &doc.versions[doc.source];
    let width = 34;
    println!(
        "{} ({} source; {})",
        doc.name,
        src.lang,
        doc.pairings.iter().map(|p| doc.versions[p.tgt].lang.tag()).collect::<Vec<_>>().join(", ")
    );
    let mut header = format!("{:>3}  {}", "#", cell(&format!("{} section", src.lang), width));
    for p in &doc.pairings {
        header.push_str(&cell(&doc.versions[p.tgt].lang.to_string(), width));
    }
    println!("{}", header.trim_end());
    // For each translation, what each source section maps to.
    let title = |v: &check::Version, s: usize| v.blocks[v.sections[s].title_block()].preview(width - 4);
    let mut rows: Vec<Vec<String>> = src
        .sections
        .iter()
        .enumerate()
        .map(|(i, _)| vec![format!("{:>3}  {}", i + 1, cell(&title(src, i), width))])
        .collect();
    let mut extras: Vec<String> = Vec::new();
    for p in &doc.pairings {
        let tgt = &doc.versions[p.tgt];
        for b in &p.beads {
            if b.src.is_empty() {
                for t in b.tgt.clone() {
                    // Rows are numbered from 1: a bead at source index k follows row k.
                    let place = match (b.moved, b.src.start) {
                        (Some(s), _) => format!("moved: source section {}", s + 1),
                        (None, 0) => "before source section 1".to_string(),
                        (None, k) => format!("after source section {k}"),
                    };
                    extras.push(format!("     extra in {}: {} ({place})", tgt.lang, title(tgt, t)));
                }
                continue;
            }
            for (k, s) in b.src.clone().enumerate() {
                let text = if let (true, Some(t)) = (b.tgt.is_empty(), b.moved) {
                    format!("→ moved: {}", title(tgt, t))
                } else if b.tgt.is_empty() {
                    "—".to_string()
                } else if k > 0 {
                    format!("↑ merged with row {}", b.src.start + 1)
                } else {
                    let mut t = title(tgt, b.tgt.start);
                    if b.tgt.len() > 1 {
                        t = format!("{t} (+{} split)", b.tgt.len() - 1);
                    }
                    t
                };
                rows[s].push(cell(&text, width));
            }
        }
    }
    for r in rows {
        println!("{}", r.concat().trim_end());
    }
    for e in extras {
        println!("{e}");
    }
    if blocks {
        for p in &doc.pairings {
            let tgt = &doc.versions[p.tgt];
            println!(
                "\n  blocks, {} ↔ {} (confidence, and the anchors that tie each pair):",
                src.lang, tgt.lang
            );
            for b in &p.beads {
                if !b.src.is_empty() && !b.tgt.is_empty() {
                    println!(
                        "  § {} ⇔ {}{}",
                        cell(&title(src, b.src.start), 48),
                        cell(&title(tgt, b.tgt.start), 36),
                        bead_why(b.confidence, &b.ties)
                    );
                }
                for bb in &b.blocks {
                    let s = bb.src.clone().map(|i| src.blocks[i].preview(30)).collect::<Vec<_>>().join(" + ");
                    let t = bb.tgt.clone().map(|i| tgt.blocks[i].preview(30)).collect::<Vec<_>>().join(" + ");
                    println!(
                        "    {} ⇔ {}{}",
                        cell(if s.is_empty() { "—" } else { &s }, 50),
                        cell(if t.is_empty() { "—" } else { &t }, 36),
                        bead_why(bb.confidence, &bb.ties)
                    );
                }
            }
        }
    }
    println!();
}

fn run_align(
    paths: &[PathBuf],
    run: &RunOptions,
    blocks: bool,
    format: AlignFormat,
    output: Option<&std::path::Path>,
) -> ExitCode {
    let Outcome { reports, path_errors, config_errors, .. } = check_all(paths, run, None);
    let mut code = ExitCode::SUCCESS;
    for e in &config_errors {
        report_config_error(e);
        code = ExitCode::from(2);
    }
    for e in path_errors {
        eprintln!("error: {e}");
        code = ExitCode::from(2);
    }
    for (r, _) in reports {
        for d in &r.input_errors {
            eprintln!("{}: {}", d.severity.as_str(), d.message);
            if d.severity == Severity::Error {
                code = ExitCode::from(2);
            }
        }
        if let Some(doc) = &r.document {
            if doc.versions.len() < 2 {
                continue;
            }
            match (format, output) {
                (AlignFormat::Table, _) => print_alignment(doc, blocks),
                (AlignFormat::Po, None) => {
                    for (_, po) in oerlint::po::export(doc) {
                        print!("{po}");
                    }
                }
                (AlignFormat::Po, Some(dir)) => {
                    let stem: String = doc
                        .name
                        .chars()
                        .map(|c| if c.is_alphanumeric() || c == '-' || c == '.' { c } else { '_' })
                        .collect();
                    for (lang, po) in oerlint::po::export(doc) {
                        let path = dir.join(format!("{stem}.{lang}.po"));
                        if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, po)) {
                            eprintln!("error: cannot write {}: {e}", path.display());
                            code = ExitCode::from(2);
                        }
                    }
                }
            }
        }
    }
    code
}
