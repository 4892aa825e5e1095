//! Applying the mechanical fixes that rules attach to diagnostics (`--fix`), or showing
//! them as a unified diff (`--diff`). Writes are atomic: a temporary file in the same
//! folder, renamed over the original. Only the fixed byte ranges change, so line endings
//! and a byte order mark are kept.

use crate::diag::Diagnostic;
use crate::source::Encoding;
use std::io::Write;
use std::path::PathBuf;

/// The new text of one file.
#[derive(Debug)]
pub struct FileFix {
    pub path: PathBuf,
    pub display: String,
    pub old: String,
    pub new: String,
    /// Indexes of the diagnostics fixed.
    pub fixed: Vec<usize>,
    /// How the file was read, and so how it is written back.
    pub encoding: Encoding,
}

/// Groups the fixes by file and applies them to the text in memory. Overlapping fixes
/// after the first are left out (a later run applies them).
pub fn plan(diags: &[Diagnostic]) -> Vec<FileFix> {
    let mut by_file: Vec<(PathBuf, Vec<usize>)> = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        let Some(f) = &d.fix else { continue };
        match by_file.iter_mut().find(|(p, _)| *p == f.file.path) {
            Some((_, v)) => v.push(i),
            None => by_file.push((f.file.path.clone(), vec![i])),
        }
    }
    let mut out = Vec::new();
    for (path, mut idx) in by_file {
        idx.sort_by_key(|&i| diags[i].fix.as_ref().map(|f| f.range.start));
        let file = diags[idx[0]].fix.as_ref().expect("fix").file.clone();
        let old = file.text.clone();
        let mut new = String::with_capacity(old.len());
        let mut pos = 0;
        let mut fixed = Vec::new();
        for i in idx {
            let f = diags[i].fix.as_ref().expect("fix");
            if f.range.start < pos || f.range.end > old.len() {
                continue;
            }
            new.push_str(&old[pos..f.range.start]);
            new.push_str(&f.replacement);
            pos = f.range.end;
            fixed.push(i);
        }
        new.push_str(&old[pos..]);
        if new != old {
            out.push(FileFix {
                path,
                display: file.display.clone(),
                old,
                new,
                fixed,
                encoding: file.encoding,
            });
        }
    }
    out
}

/// Writes the new text atomically, keeping the file's permissions.
pub fn write(f: &FileFix) -> std::io::Result<()> {
    let bytes: std::borrow::Cow<[u8]> = match f.encoding {
        Encoding::Utf8 => f.new.as_bytes().into(),
        // The decoded text starts with U+FEFF, which encodes back to the byte order mark.
        Encoding::Utf16Le => f.new.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>().into(),
        Encoding::Utf16Be => f.new.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>().into(),
        Encoding::Lossy { .. } => {
            return Err(std::io::Error::other(
                "it is not valid UTF-8 (read with --encoding lossy); fixes are not written to it",
            ))
        }
    };
    let dir = f.path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(&f.path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.persist(&f.path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of the fix, as `git diff` shows it.
pub fn diff(f: &FileFix) -> String {
    similar::TextDiff::from_lines(&f.old, &f.new)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{}", f.display.trim_start_matches('/')),
            &format!("b/{}", f.display.trim_start_matches('/')),
        )
        .to_string()
}
