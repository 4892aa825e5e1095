//! Applying the mechanical fixes that rules attach to diagnostics (`--fix`), or showing
//! them as a unified diff (`--diff`). Writes are atomic: a temporary file in the same
//! folder, renamed over the original, only if the original is still what was read.
//! Only the fixed byte ranges change, so line endings and a byte order mark are kept.

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
    /// Size and modification time when it was read.
    pub stamp: Option<crate::source::Stamp>,
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
                stamp: file.stamp,
            });
        }
    }
    out
}

/// Writes the new text atomically (a temporary file in the same folder, renamed over the
/// file), only if the file is still what was read. A symbolic link is followed: the file
/// it points to is fixed and the link stays. Permissions, and owner and group where the
/// process may set them, are kept. Refused: read-only files, and files with several hard
/// links (replacing one would split them from the others).
pub fn write(f: &FileFix) -> std::io::Result<()> {
    let bytes = encoded(f, &f.new)?;
    let refuse = |why: String| std::io::Error::other(why);
    // The file itself, through any links.
    let target = std::fs::canonicalize(&f.path)?;
    let meta = std::fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(refuse("it is not a regular file; not fixed".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = meta.permissions().mode();
        // Checked on the mode bits: root may write any file, but a read-only file says
        // it is not to be changed.
        if mode & 0o222 == 0 {
            return Err(refuse(format!("it is read-only (mode {:o}); not fixed", mode & 0o7777)));
        }
        if meta.nlink() > 1 {
            return Err(refuse(format!(
                "it has {} hard links, which replacing it would split; not fixed (fix it by hand, or apply `--diff` with patch)",
                meta.nlink()
            )));
        }
    }
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Keeps the owner and group where the process may (root may; others may keep a
        // group they belong to); a failure here leaves the file theirs, which is fine.
        let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()));
        let _ = std::os::unix::fs::fchown(tmp.as_file(), None, Some(meta.gid()));
    }
    // Right before replacing: the file must still be what was read (size, modification
    // time, content). Something that changed it meanwhile would otherwise be lost.
    unchanged(f, &target)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Whether the file on disk is still the one the fix was planned on.
fn unchanged(f: &FileFix, path: &std::path::Path) -> std::io::Result<()> {
    let changed = || {
        std::io::Error::other(
            "it changed on disk while it was being checked; not fixed (run the check again)",
        )
    };
    let meta = std::fs::metadata(path)?;
    if let Some(stamp) = f.stamp {
        if crate::source::Stamp::of(&meta) != stamp {
            return Err(changed());
        }
    }
    if std::fs::read(path)? != encoded(f, &f.old)?.as_ref() {
        return Err(changed());
    }
    Ok(())
}

/// Text as the file's encoding writes it.
fn encoded<'t>(f: &FileFix, text: &'t str) -> std::io::Result<std::borrow::Cow<'t, [u8]>> {
    Ok(match f.encoding {
        Encoding::Utf8 => text.as_bytes().into(),
        // The decoded text starts with U+FEFF, which encodes back to the byte order mark.
        Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>().into(),
        Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>().into(),
        Encoding::Lossy { .. } => {
            return Err(std::io::Error::other(
                "it is not valid UTF-8 (read with --encoding lossy); fixes are not written to it",
            ))
        }
    })
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
