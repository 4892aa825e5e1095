//! `oerlint check`: checks the groups, streams or writes the report, applies fixes, and
//! decides the exit status.

use super::*;
use crate::check::Document;
use crate::diag::Severity;
use crate::render::{self, visible, visible_line, Summary};
use crate::stream::{Kind, LiveWriter};
use codespan_reporting::term::termcolor::ColorChoice;
use std::io::Write;

pub fn run_check(
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
    type Doc<'a> = Option<&'a Document>;
    type Diags = Vec<crate::diag::Diagnostic>;
    let render_json = |_, d: Diags, _: Doc| Rendered::Json(render::json_items_owned(d));
    let render_short = |_, d: Diags, _: Doc| Rendered::Text(crate::formats::short(&d));
    let render_github = |_, d: Diags, _: Doc| Rendered::Text(crate::formats::github(&d));
    let root = repo_root();
    let render_sarif = |_, d: Diags, _: Doc| Rendered::Sarif(crate::formats::sarif_parts(&d, &root));
    // Each document's section of the HTML page goes to a spill file piece by piece as it
    // is rendered, so that only the summary stays in memory (kept in memory if no
    // temporary file can be made).
    let spill: std::sync::Mutex<Option<(std::fs::File, u64)>> =
        std::sync::Mutex::new(tempfile::tempfile().ok().map(|f| (f, 0)));
    let render_html = |k: usize, d: Diags, doc: Doc| {
        // A piece goes where the file ends; a failed write is undone (the file is cut
        // back to where it was), and the piece stays in memory.
        let mut put = |t: &str| -> Option<crate::html::Body> {
            let mut guard = spill.lock().unwrap_or_else(|e| e.into_inner());
            let (file, at) = guard.as_mut()?;
            if file.write_all(t.as_bytes()).is_err() {
                let _ = file.set_len(*at);
                let _ = std::io::Seek::seek(file, std::io::SeekFrom::Start(*at));
                return None;
            }
            let piece = crate::html::Body::Spilled { at: *at, len: t.len() };
            *at += t.len() as u64;
            Some(piece)
        };
        Rendered::Html(crate::html::part(k, doc, &d, Some(&mut put)))
    };
    let render_plain = |_, d: Diags, _: Doc| {
        let mut buf = termcolor::Buffer::no_color();
        let _ = render::human(&d, &mut buf);
        Rendered::Color(buf)
    };
    let render_color = |_, d: Diags, _: Doc| {
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
        Format::Sarif => Some(&render_sarif),
        Format::Html => Some(&render_html),
    };
    let stream = per_group.filter(|_| fixes == Fixes::None);
    // To standard output, JSON, short, GitHub and human output are written group by group,
    // in order, while the rest is checked: memory does not grow with the findings.
    let live_state = std::sync::Mutex::new(LiveWriter::default());
    let write_live = |i: usize, part: Streamed| {
        let mut w = live_state.lock().unwrap_or_else(|e| e.into_inner());
        w.push(i, part, &buffers);
    };
    // SARIF is one log whose rule list and kept results depend on the whole run, and the
    // HTML page starts with its summary: their parts are kept (without the files) and
    // assembled at the end.
    let live: Option<Live> = (output.is_none()
        && !run.statistics
        && stream.is_some()
        && !matches!(format, Format::Sarif | Format::Html))
    .then_some(&write_live as Live);
    let Outcome { groups, reports, path_errors, config_errors, notes } = check_all(paths, run, stream, live);
    let spill = spill.lock().unwrap_or_else(|e| e.into_inner()).take().map(|(f, _)| f);
    let is_live = live.is_some();
    let live_state = std::mem::take(&mut *live_state.lock().unwrap_or_else(|e| e.into_inner()));
    if let Some(out) = output {
        let inputs: Vec<PathBuf> =
            groups.iter().flat_map(|g| g.files.iter().map(|(p, _)| p.clone())).collect();
        if let Err(m) = crate::output::check_report_path(out, &inputs) {
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
    input_errors |= live_state
        .kinds
        .iter()
        .any(|&(rule, sev, _)| rule == crate::check::INPUT_ERROR && sev == Severity::Error);
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
            input_errors |= s
                .kinds
                .iter()
                .any(|&(rule, sev, _)| rule == crate::check::INPUT_ERROR && sev == Severity::Error);
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
        return write_output(
            streamed,
            spill,
            &kinds,
            summary,
            &buffers,
            format,
            output,
            run,
            deny,
            input_errors,
        );
    }
    match fixes {
        Fixes::None => {}
        Fixes::Diff => {
            let plans = crate::fix::plan(&diags);
            let text: String = plans.iter().map(|p| visible(&crate::fix::diff(p))).collect();
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
            let plans = crate::fix::plan(&diags);
            let mut done: Vec<usize> = Vec::new();
            for p in &plans {
                match crate::fix::write(p) {
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
        (Format::Html, _) | (_, None) => {
            let docs: Vec<&Document> = documents.iter().collect();
            Rendered::Text(crate::html::report(&docs, &diags))
        }
        (_, Some(render)) => render(0, std::mem::take(&mut diags), None),
    };
    write_output(vec![rendered], None, &kinds, summary, &buffers, format, output, run, deny, input_errors)
}

/// `--color`, then the conventions: `NO_COLOR` (no-color.org) turns colour off,
/// `CLICOLOR_FORCE` and `FORCE_COLOR` turn it on when not on a terminal; else colour on a
/// terminal only.
pub fn color_choice(color: Color, set: impl Fn(&str) -> bool, terminal: impl Fn() -> bool) -> ColorChoice {
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
pub fn finish_live(
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
pub fn exit_status<'a>(
    kinds: impl IntoIterator<Item = &'a Kind>,
    deny: Option<Deny>,
    input_errors: bool,
    exit_zero: bool,
) -> ExitCode {
    let failing = kinds.into_iter().any(|&(rule, sev, _)| {
        rule != crate::check::INPUT_ERROR
            && (sev == Severity::Error || (deny.is_some() && sev == Severity::Warning))
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
pub fn write_output(
    parts: Vec<Rendered>,
    spill: Option<std::fs::File>,
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
    let mut sarif = Vec::new();
    let mut html = Vec::new();
    for p in parts {
        match p {
            Rendered::Json(v) => items.extend(v),
            Rendered::Text(t) => text.push_str(&t),
            Rendered::Color(b) => colored.push(b),
            Rendered::Sarif(v) => sarif.extend(v),
            Rendered::Html(p) => html.push(p),
        }
    }
    let written = if format == Format::Html && text.is_empty() {
        write_html(&html, spill, output)
    } else {
        match format {
            Format::Json => text = render::json_report(items, summary),
            Format::Sarif => {
                let all: Vec<&rules::Rule> = rules::all().iter().collect();
                text = crate::formats::sarif_log(sarif, &all);
            }
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
        match output {
            Some(path) => crate::output::file(path, text.as_bytes()).map_err(|m| {
                say!("error: {m}");
                ExitCode::from(2)
            }),
            None => emit(text.as_bytes()),
        }
    };
    match written {
        Ok(()) => {
            if let (Some(path), false) = (output, run.quiet) {
                say!(
                    "wrote {} ({})",
                    visible_line(&path.display().to_string()),
                    render::summary_line(&summary)
                );
            }
            exit_status(kinds, deny, input_errors, run.exit_zero)
        }
        Err(code) => code,
    }
}

/// Writes the HTML page from its parts, reading each document's section back from the
/// spill file piece by piece: the page is never whole in memory.
fn write_html(
    parts: &[crate::html::HtmlPart],
    mut spill: Option<std::fs::File>,
    output: Option<&std::path::Path>,
) -> Result<(), ExitCode> {
    use std::io::{Read, Seek};
    let mut body = |b: &crate::html::Body| -> std::io::Result<String> {
        match b {
            crate::html::Body::Text(t) => Ok(t.clone()),
            crate::html::Body::Spilled { at, len } => {
                let f = spill.as_mut().ok_or_else(|| std::io::Error::other("the spill file is gone"))?;
                f.seek(std::io::SeekFrom::Start(*at))?;
                let mut buf = vec![0; *len];
                f.read_exact(&mut buf)?;
                String::from_utf8(buf).map_err(std::io::Error::other)
            }
        }
    };
    match output {
        Some(path) => {
            let shown = visible_line(&path.display().to_string());
            let written = std::fs::File::create(path).and_then(|f| {
                let mut w = std::io::BufWriter::new(f);
                crate::html::write_report(parts, &mut body, &mut w)?;
                w.flush()
            });
            written.map_err(|e| {
                say!("error: cannot write {shown}: {}", visible(&e.to_string()));
                ExitCode::from(2)
            })
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            match crate::html::write_report(parts, &mut body, &mut w).and_then(|()| w.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => {
                    say!("error: cannot write output: {}", visible(&e.to_string()));
                    Err(ExitCode::from(2))
                }
            }
        }
    }
}
