//! Finding document groups: files of one document in several languages (`en.md`,
//! `fr.md`; or `NAME.en.md`, `NAME.fr.md`), and single files holding several languages.

use crate::lang::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt"];

/// The files of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Shown to users: the folder, or the folder and the document name.
    pub name: String,
    /// Each file with the language its name gives (none: a multilingual file to split).
    pub files: Vec<(PathBuf, Option<Lang>)>,
    /// When files were passed one by one: only diagnostics that involve these files (by
    /// their primary span or a related one) are reported.
    pub only: Option<Vec<PathBuf>>,
}

/// A path that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: PathBuf,
    pub message: String,
}

/// What the walk found besides documents.
#[derive(Debug, Default)]
pub struct Discovery {
    pub groups: Vec<Group>,
    /// Paths that could not be walked (missing, unreadable, a symbolic-link loop).
    pub errors: Vec<PathError>,
    /// Things skipped on purpose (symbolic links to folders without `--follow`).
    pub notes: Vec<String>,
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Splits a file name into (document name, language): `en.md` → ("", en),
/// `news.fr.md` → ("news", fr), `news.md` → ("news", none).
pub fn name_and_lang(path: &Path) -> (String, Option<Lang>) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if let Some(l) = tag(stem) {
        return (String::new(), Some(l));
    }
    if let Some((name, last)) = stem.rsplit_once('.') {
        if let Some(l) = tag(last) {
            return (name.to_string(), Some(l));
        }
    }
    (stem.to_string(), None)
}

fn tag(s: &str) -> Option<Lang> {
    let primary = s.split(['-', '_']).next().unwrap_or("");
    let looks_like_tag = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    if looks_like_tag && s.len() <= 8 {
        Lang::parse(s)
    } else {
        None
    }
}

type Key = (PathBuf, String);
/// A group being collected: its files, and the files passed by name (none: all).
type Pending = (Vec<(PathBuf, Option<Lang>)>, Option<Vec<PathBuf>>);

fn key_of(path: &Path) -> (Key, Option<Lang>) {
    let (name, lang) = name_and_lang(path);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    match lang {
        Some(_) => ((dir, name), lang),
        // An untagged file is a document of its own.
        None => ((dir, path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()), None),
    }
}

fn group_name(key: &Key, tagged: bool) -> String {
    let dir = key.0.to_string_lossy();
    let dir = dir.strip_prefix("./").unwrap_or(&dir).to_string();
    if tagged && key.1.is_empty() {
        if dir.is_empty() {
            ".".into()
        } else {
            dir
        }
    } else if dir.is_empty() || dir == "." {
        key.1.clone()
    } else {
        format!("{}/{}", dir.trim_end_matches('/'), key.1)
    }
}

/// The path of a broken symbolic link the walk failed on.
fn broken_link(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } if path.is_symlink() && !path.exists() => Some(path.clone()),
        ignore::Error::WithPath { err, .. } => broken_link(err),
        ignore::Error::WithDepth { err, .. } => broken_link(err),
        _ => None,
    }
}

/// A walk error as a path and a plain message.
fn walk_error(e: &ignore::Error, root: &Path) -> PathError {
    match e {
        ignore::Error::WithPath { path, err } => {
            let mut inner = walk_error(err, path);
            inner.path = match &**err {
                ignore::Error::Loop { .. } => inner.path,
                _ => path.clone(),
            };
            inner
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error(err, root),
        ignore::Error::Loop { ancestor, child } => PathError {
            path: child.clone(),
            message: format!(
                "a symbolic-link loop: it leads back to {}, which is being walked already; not followed again",
                ancestor.display()
            ),
        },
        ignore::Error::Io(io) => {
            // The walk's own message repeats the path; the system's says what went wrong.
            let why = io.raw_os_error().map(std::io::Error::from_raw_os_error).map_or(io.to_string(), |e| e.to_string());
            PathError { path: root.to_path_buf(), message: format!("cannot read: {why}") }
        }
        other => PathError { path: root.to_path_buf(), message: other.to_string() },
    }
}

/// The folders links may lead into without `--follow`: each folder given (the folder of
/// each file given), and the git work tree around it.
fn allowed_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    for p in paths {
        let Ok(c) = std::fs::canonicalize(p) else { continue };
        let dir = if c.is_dir() { c } else { c.parent().map(Path::to_path_buf).unwrap_or(c) };
        if let Some(repo) = dir.ancestors().find(|d| d.join(".git").exists()) {
            roots.push(repo.to_path_buf());
        }
        roots.push(dir);
    }
    roots
}

/// Finds the document groups under the given paths. Folders are walked (hidden and
/// git-ignored files skipped); a file passed by name brings its sibling language files.
pub fn discover(paths: &[PathBuf]) -> (Vec<Group>, Vec<PathError>) {
    let d = discover_with(paths, false);
    (d.groups, d.errors)
}

/// [`discover`], following symbolic links to folders when `follow` is set. Links to
/// files are always followed (a file cannot loop); a broken link with a document's name
/// is kept, so that reading it names the problem.
pub fn discover_with(paths: &[PathBuf], follow: bool) -> Discovery {
    let mut groups: BTreeMap<Key, Pending> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut skipped_links: Vec<PathBuf> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    // Links to files are read only when they stay inside the folders being checked (or
    // the git work tree around them), unless `follow`: a `fr.md` linked to a secret
    // elsewhere on the machine must not be quoted into a CI log.
    let roots: Vec<PathBuf> = if follow { Vec::new() } else { allowed_roots(paths) };
    let mut outside = |p: &Path| -> bool {
        if follow || !p.is_symlink() {
            return false;
        }
        let Ok(target) = std::fs::canonicalize(p) else { return false };
        if roots.iter().any(|r| target.starts_with(r)) {
            return false;
        }
        notes.push(format!(
            "{}: a symbolic link to {}, outside the folders being checked; not read (pass --follow to read it)",
            p.display(),
            target.display()
        ));
        true
    };
    let add = |groups: &mut BTreeMap<Key, Pending>, p: PathBuf, explicit: bool| {
        let (key, lang) = key_of(&p);
        let entry = groups.entry(key).or_insert_with(|| (Vec::new(), Some(Vec::new())));
        if !entry.0.iter().any(|(q, _)| *q == p) {
            entry.0.push((p.clone(), lang));
        }
        if explicit {
            if let Some(only) = &mut entry.1 {
                only.push(p);
            }
        } else {
            entry.1 = None;
        }
    };
    // The same file or folder given twice (`base ./base`) is checked once: paths are
    // taken without `.` components, and a path naming what an earlier one named is dropped.
    let mut seen: Vec<PathBuf> = Vec::new();
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            let clean: PathBuf = p.components().filter(|c| *c != std::path::Component::CurDir).collect();
            if clean.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                clean
            }
        })
        .filter(|p| {
            let id = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            let new = !seen.contains(&id);
            seen.push(id);
            new
        })
        .collect();
    for path in &paths {
        if path.is_dir() {
            let walk = ignore::WalkBuilder::new(path)
                .hidden(true)
                .git_ignore(true)
                .require_git(false)
                .git_global(global_excludes_possible())
                .follow_links(follow)
                .build();
            for entry in walk {
                match entry {
                    // Files, and FIFOs or devices with a document's name (reading them says
                    // they are skipped). Not links, unless followed (then `outside` holds).
                    Ok(e)
                        if e.file_type().is_some_and(|t| !t.is_dir() && !t.is_symlink())
                            && is_document(e.path()) =>
                    {
                        add(&mut groups, e.path().to_path_buf(), false)
                    }
                    Ok(e) if e.path_is_symlink() && e.file_type().is_some_and(|t| t.is_symlink()) => {
                        let p = e.path();
                        if p.is_dir() {
                            skipped_links.push(p.to_path_buf());
                        } else if is_document(p) && !outside(p) {
                            // A link to a file, or a broken link (reading it names the problem).
                            add(&mut groups, p.to_path_buf(), false);
                        }
                    }
                    Ok(_) => {}
                    Err(e) => match broken_link(&e) {
                        // Followed links are resolved by the walk, which fails on a broken
                        // one: keep it as a document file, so that reading it names it.
                        Some(p) if is_document(&p) => add(&mut groups, p, false),
                        _ => errors.push(walk_error(&e, path)),
                    },
                }
            }
        } else if path.exists() {
            if outside(path) {
                continue;
            }
            add(&mut groups, path.clone(), true);
            // Bring in the sibling language files of the same document.
            let (key, lang) = key_of(path);
            if lang.is_some() {
                if let Ok(rd) =
                    std::fs::read_dir(if key.0.as_os_str().is_empty() { Path::new(".") } else { &key.0 })
                {
                    let mut sibs: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
                    sibs.sort();
                    for s in sibs {
                        let s = if key.0.as_os_str().is_empty() {
                            PathBuf::from(s.file_name().unwrap_or_default())
                        } else {
                            s
                        };
                        let file_or_broken_link =
                            (s.exists() && !s.is_dir()) || (s.is_symlink() && !s.exists());
                        if file_or_broken_link
                            && is_document(&s)
                            && key_of(&s).0 == key
                            && s != *path
                            && !outside(&s)
                        {
                            let (k, l) = key_of(&s);
                            let entry = groups.entry(k).or_insert_with(|| (Vec::new(), Some(Vec::new())));
                            if !entry.0.iter().any(|(q, _)| *q == s) {
                                entry.0.push((s, l));
                            }
                        }
                    }
                }
            }
        } else if path.is_symlink() {
            // A broken link passed by name: reading it says where it points.
            add(&mut groups, path.clone(), true);
        } else {
            errors.push(PathError { path: path.clone(), message: "no such file or folder".into() });
        }
    }
    let out = groups
        .into_iter()
        .map(|(key, (mut files, only))| {
            files.sort_by(|a, b| a.0.cmp(&b.0));
            let tagged = files.iter().any(|f| f.1.is_some());
            Group { name: group_name(&key, tagged), files, only }
        })
        .collect();
    notes.extend(skipped_links.iter().map(|p| {
        format!("{}: a symbolic link to a folder; not followed (pass --follow to follow it)", p.display())
    }));
    Discovery { groups: out, errors, notes }
}

/// Whether git's global excludes file can ignore anything, for this process (looked up
/// once). The `ignore` crate honours it by compiling a regex at every walk to read
/// `core.excludesFile` from git's configuration files, most of the start-up of a small
/// check; it is asked for only when one of those files mentions the key, or when the
/// default excludes file exists (see [`global_excludes_may_exist`]). Otherwise the crate
/// would find no file and match nothing: the walk is the same without it.
fn global_excludes_possible() -> bool {
    static POSSIBLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    #[allow(deprecated)] // The crate finds the home folder the same way.
    *POSSIBLE.get_or_init(|| global_excludes_may_exist(&|k| std::env::var_os(k), std::env::home_dir()))
}

/// A necessary condition for the `ignore` crate (0.4, `gitconfig_excludes_path`) to find
/// a global excludes file: the configuration files it reads (`$GIT_CONFIG_GLOBAL`,
/// `~/.gitconfig`, `$XDG_CONFIG_HOME/git/config` or `~/.config/git/config`,
/// `$GIT_CONFIG_SYSTEM` or `/etc/gitconfig`) hold `excludesfile` (its regex is ASCII
/// case-insensitive), or the default file (`$XDG_CONFIG_HOME/git/ignore` or
/// `~/.config/git/ignore`) exists. Errs on the side of yes: a file it cannot read is one
/// the crate cannot read either.
fn global_excludes_may_exist(
    env: &dyn Fn(&str) -> Option<std::ffi::OsString>,
    home: Option<PathBuf>,
) -> bool {
    let set = |k: &str| env(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let xdg = set("XDG_CONFIG_HOME").or_else(|| home.as_ref().map(|h| h.join(".config")));
    let configs = [
        set("GIT_CONFIG_GLOBAL"),
        home.as_ref().map(|h| h.join(".gitconfig")),
        xdg.as_ref().map(|x| x.join("git/config")),
        Some(set("GIT_CONFIG_SYSTEM").unwrap_or_else(|| PathBuf::from("/etc/gitconfig"))),
    ];
    let names_key = |p: &PathBuf| {
        std::fs::read(p).is_ok_and(|b| b.windows(12).any(|w| w.eq_ignore_ascii_case(b"excludesfile")))
    };
    configs.iter().flatten().any(names_key) || xdg.is_some_and(|x| x.join("git/ignore").is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The global excludes are skipped only when no configuration names them and the
    /// default file is absent; a folder ignored by them is then not walked either way.
    #[test]
    fn global_excludes_asked_for_when_they_can_exist() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let sys = dir.path().join("system");
        std::fs::create_dir_all(home.join(".config/git")).unwrap();
        std::fs::write(&sys, "[user]\n\tname = x\n").unwrap();
        let env = |vars: Vec<(&'static str, PathBuf)>| {
            move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone().into_os_string())
        };
        let base = || vec![("GIT_CONFIG_SYSTEM", sys.clone())];
        assert!(!global_excludes_may_exist(&env(base()), Some(home.clone())));
        assert!(!global_excludes_may_exist(&env(base()), None));
        // Each configuration file, the key in any case.
        let config = dir.path().join("config");
        std::fs::write(&config, "[core]\n  ExcludesFile = ~/x\n").unwrap();
        for var in ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"] {
            let mut vars = base();
            vars.retain(|(n, _)| *n != var);
            vars.push((var, config.clone()));
            assert!(global_excludes_may_exist(&env(vars), Some(home.clone())), "{var}");
        }
        std::fs::write(home.join(".gitconfig"), "[core]\nexcludesfile=/x\n").unwrap();
        assert!(global_excludes_may_exist(&env(base()), Some(home.clone())));
        std::fs::remove_file(home.join(".gitconfig")).unwrap();
        std::fs::write(home.join(".config/git/config"), "[core]\nexcludesfile=/x\n").unwrap();
        assert!(global_excludes_may_exist(&env(base()), Some(home.clone())));
        std::fs::remove_file(home.join(".config/git/config")).unwrap();
        // The default file, under the home folder or `XDG_CONFIG_HOME`.
        std::fs::write(home.join(".config/git/ignore"), "*.md\n").unwrap();
        assert!(global_excludes_may_exist(&env(base()), Some(home.clone())));
        let mut vars = base();
        vars.push(("XDG_CONFIG_HOME", dir.path().join("elsewhere")));
        assert!(!global_excludes_may_exist(&env(vars.clone()), Some(home.clone())));
        std::fs::create_dir_all(dir.path().join("elsewhere/git")).unwrap();
        std::fs::write(dir.path().join("elsewhere/git/ignore"), "*.md\n").unwrap();
        assert!(global_excludes_may_exist(&env(vars), Some(home.clone())));
    }

    #[test]
    fn names_and_languages() {
        let n = |s: &str| name_and_lang(Path::new(s));
        assert_eq!(n("issue/en.md"), (String::new(), Some(Lang::EN)));
        assert_eq!(n("ar.markdown"), (String::new(), Some(Lang::AR)));
        assert_eq!(n("x/news.fr.md"), ("news".into(), Some(Lang::FR)));
        assert_eq!(n("news.zh-Hant.mdx"), ("news".into(), Some(Lang::ZH)));
        assert_eq!(n("news.pt-br.txt"), ("news".into(), Lang::parse("pt")));
        assert_eq!(n("README.md"), ("README".into(), None));
        assert_eq!(n("notes.v2.md"), ("notes.v2".into(), None));
    }

    #[test]
    fn groups_a_tree_and_sibling_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("a")).unwrap();
        std::fs::create_dir_all(d.join("b")).unwrap();
        for f in [
            "a/en.md",
            "a/fr.md",
            "a/ar.md",
            "b/x.en.md",
            "b/x.fr.md",
            "b/y.en.md",
            "b/y.ar.md",
            "b/all.md",
            "b/notes.json",
        ] {
            std::fs::write(d.join(f), "text\n").unwrap();
        }
        let (groups, errors) = discover(&[d.to_path_buf()]);
        assert!(errors.is_empty());
        let shapes: Vec<(usize, bool)> = groups.iter().map(|g| (g.files.len(), g.only.is_none())).collect();
        assert_eq!(shapes, vec![(3, true), (1, true), (2, true), (2, true)], "{groups:?}");
        // One file passed by a hook brings its siblings, and only it is reported.
        let (groups, _) = discover(&[d.join("a/fr.md")]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].files.len(), 3);
        assert_eq!(groups[0].only, Some(vec![d.join("a/fr.md")]));
        let (_, errors) = discover(&[d.join("missing")]);
        assert_eq!(errors[0].message, "no such file or folder");
    }
}
