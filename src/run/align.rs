//! `oerlint align`: the alignment table, block beads, or PO files.

use super::*;
use crate::diag::Severity;
use crate::render::{visible, visible_line};

pub fn run_align(
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
            (AlignFormat::Table, _) => text.push_str(&crate::table::alignment(doc, blocks)),
            (AlignFormat::Po, None) => {
                for (_, po) in crate::po::export(doc) {
                    text.push_str(&po);
                }
            }
            (AlignFormat::Po, Some(_)) => po_docs.push((doc.name.clone(), crate::po::export(doc))),
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
        let files = match crate::output::po_files(dir, &po_docs, &inputs) {
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
            if let Err(m) = crate::output::file(&path, po.as_bytes()) {
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
