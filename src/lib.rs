//! oerlint: a translation consistency linter.
//!
//! The pipeline runs one way; each stage is one module:
//! [`discover`] → [`source`] → [`blocks`] → [`langid`] → [`sections`] → [`align`]
//! → [`anchors`] → [`rules`] → [`render`]. [`check`] drives it for one document group.
//! See ARCHITECTURE.md for the invariants.

pub mod align;
pub mod anchors;
pub mod blocks;
pub mod check;
pub mod codes;
pub mod config;
pub mod diag;
pub mod discover;
pub mod fix;
pub mod formats;
pub mod html;
pub mod lang;
pub mod langid;
pub mod locale;
pub mod output;
pub mod placeholders;
pub mod po;
pub mod regexes;
pub mod render;
pub mod rules;
pub mod run;
pub mod script;
pub mod sections;
pub mod show;
pub mod snippet;
pub mod sorted;
pub mod source;
pub mod stream;
pub mod suppress;
pub mod table;
pub mod temporal;
pub mod urls;

/// Helpers shared by the modules' tests.
#[cfg(test)]
pub(crate) mod testing {
    /// The fixture files with one of these extensions (every file when `exts` is empty),
    /// in every folder under `fixtures/`.
    pub(crate) fn fixture_files(exts: &[&str]) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if exts.is_empty() || p.extension().is_some_and(|x| exts.iter().any(|e| x == *e)) {
                    files.push(p);
                }
            }
        }
        files
    }
}
