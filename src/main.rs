use clap::{Parser, Subcommand, ValueEnum};
use oerlint::config;
use oerlint::lang::Lang;
use oerlint::render::visible_line;
use oerlint::rules;
use oerlint::run::align::run_align;
use oerlint::run::check::run_check;
use oerlint::run::{emit, AlignFormat, Color, Deny, Fixes, Format, InputArgs, RunOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// jemalloc as the allocator on Unix: the same peak memory as glibc's malloc and about a
/// tenth less CPU time, most of which glibc spent freeing the many short lists a block's
/// reading makes (Cargo.toml says more). The library does not choose an allocator;
/// `--no-default-features` keeps the system's (valgrind's dhat sees only malloc).
#[cfg(all(feature = "jemalloc", unix, not(target_os = "openbsd")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read at its start (the C symbol `malloc_conf`, with the crate's
/// `_rjem_` prefix): freed pages go back to the system at once instead of after ten
/// seconds. Without it, peaks on hostile input rose by up to 40 % over glibc's (124,000
/// numbers a side, HTML report: 135 → 188 MB); with it 126 MB, at no measurable cost in
/// time (2,000 generated issues). `_RJEM_MALLOC_CONF` in the environment still applies.
#[cfg(all(feature = "jemalloc", unix, not(target_os = "openbsd")))]
#[export_name = "_rjem_malloc_conf"]
pub static MALLOC_CONF: &u8 = &b"dirty_decay_ms:0,muzzy_decay_ms:0\0"[0];

/// `eprintln!` that never panics: a closed or full standard error is ignored.
macro_rules! say {
    ($($t:tt)*) => { oerlint::output::stderr_line(&format!($($t)*)) };
}

/// Translation consistency linter: aligns the language versions of a document section by
/// section and reports the dates, emails, codes and links that disagree.
#[derive(Parser)]
#[command(name = "oerlint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum BlocksFormat {
    /// For people.
    Human,
    /// For scripts.
    Json,
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
                keep_ties: false,
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
                keep_ties: true,
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
