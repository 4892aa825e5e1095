//! Writing what oerlint produces: to standard output and error (a closed pipe ends the
//! output quietly, any other failure is an error with exit status 2), to report files
//! (`-o`, which never replaces an input), to the PO files of `align --format po -o` (no
//! two documents share a name) and to a new oerlint.toml (`init`, never through a link).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The reader went away (`… | head -1`): stop writing, say nothing.
    Closed,
    /// Anything else (a full disk, a missing folder): a message for the user.
    Failed(String),
}

impl WriteError {
    fn from_io(e: std::io::Error, what: &str) -> WriteError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            WriteError::Closed
        } else {
            WriteError::Failed(format!("cannot write {what}: {e}"))
        }
    }
}

/// Writes bytes to standard output and flushes them.
pub fn stdout(bytes: &[u8]) -> Result<(), WriteError> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| WriteError::from_io(e, "output"))
}

/// Writes one line to standard error. A closed or full standard error is ignored: there
/// is nowhere left to say anything (and `eprintln!` would panic).
pub fn stderr_line(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(line.as_bytes()).and_then(|()| err.write_all(b"\n"));
}

/// Same file on disk, when both exist: the same path after links, or (on Unix) the
/// same device and inode, which a hard link shares.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        if x == y {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// Checks that a report can be written to `path`: it is not one of the inputs (not
/// even through a link or another spelling of the path) and its folder exists.
pub fn check_report_path(path: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    if let Some(input) = inputs.iter().find(|i| same_file(path, i)) {
        return Err(format!(
            "refusing to write the report to {}: it is an input file ({}); choose another -o",
            crate::render::visible(&path.display().to_string()),
            crate::render::visible(&input.display().to_string())
        ));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(format!(
            "cannot write the report to {}: the folder {} does not exist",
            crate::render::visible(&path.display().to_string()),
            crate::render::visible(&dir.display().to_string())
        ));
    }
    Ok(())
}

/// Writes a file, naming it in the error.
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes)
        .map_err(|e| format!("cannot write {}: {e}", crate::render::visible(&path.display().to_string())))
}

/// The PO file name of a document: its name with every character but letters, digits,
/// `-` and `.` as `_`.
pub fn po_stem(name: &str) -> String {
    name.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect()
}

/// Plans the PO files of an export into `dir`: `(path, PO text)` for each document and
/// translation. Two documents whose names map to one file, or a file that is an input,
/// are errors: nothing is overwritten silently.
pub fn po_files(
    dir: &Path,
    docs: &[(String, Vec<(String, String)>)],
    inputs: &[PathBuf],
) -> Result<Vec<(PathBuf, String)>, String> {
    let mut out: Vec<(PathBuf, String)> = Vec::new();
    let mut owner: std::collections::HashMap<PathBuf, &str> = std::collections::HashMap::new();
    for (name, pos) in docs {
        let stem = po_stem(name);
        for (lang, po) in pos {
            let path = dir.join(format!("{stem}.{lang}.po"));
            if let Some(other) = owner.insert(path.clone(), name) {
                return Err(format!(
                    "the documents `{}` and `{}` would both be written to {}; rename one of them",
                    crate::render::visible(other),
                    crate::render::visible(name),
                    crate::render::visible(&path.display().to_string())
                ));
            }
            if let Some(input) = inputs.iter().find(|i| same_file(&path, i)) {
                return Err(format!(
                    "refusing to write {}: it is an input file ({})",
                    crate::render::visible(&path.display().to_string()),
                    crate::render::visible(&input.display().to_string())
                ));
            }
            out.push((path, po.clone()));
        }
    }
    Ok(out)
}

/// Writes a new configuration file `path`, or replaces a regular file there when
/// `force` is set. A symbolic link (even a broken one) is never written through: the
/// file it points to may be anyone's.
pub fn init(path: &Path, contents: &str, force: bool) -> Result<(), String> {
    let shown = crate::render::visible(&path.display().to_string());
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(format!("{shown} is a symbolic link; not writing through it (remove it first)"))
        }
        Ok(m) if !m.is_file() => return Err(format!("{shown} exists and is not a regular file")),
        Ok(_) if !force => return Err(format!("{shown} exists; use --force to overwrite it")),
        _ => {}
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // A new file, created atomically, so that a link made meanwhile is replaced, not followed.
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("cannot write {shown}: {e}"))?;
    tmp.write_all(contents.as_bytes()).map_err(|e| format!("cannot write {shown}: {e}"))?;
    #[cfg(unix)]
    {
        // A temporary file is private (0600); a configuration is readable like any file.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))
            .map_err(|e| format!("cannot write {shown}: {e}"))?;
    }
    if force {
        tmp.persist(path).map_err(|e| format!("cannot write {shown}: {}", e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| format!("cannot write {shown}: {}", e.error))?;
    }
    Ok(())
}
