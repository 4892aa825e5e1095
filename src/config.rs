//! `oerlint.toml`: the project's configuration, found by walking up from each checked
//! path (or given with `--config`). Unknown keys, wrong types, unknown rules and invalid
//! regexes are input errors that point into the TOML with a label.

use crate::codes::{self, CodePattern, CodeSpec};
use crate::diag::Severity;
use crate::lang::Lang;
use crate::locale::{Locale, LocaleData};
use crate::source::LoadOptions;
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

pub const FILE_NAME: &str = "oerlint.toml";
/// The same file, hidden.
pub const HIDDEN_FILE_NAME: &str = ".oerlint.toml";

/// A rule's level in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    source: Option<Spanned<String>>,
    languages: Option<Vec<Spanned<String>>>,
    issue_date: Option<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    codes: Vec<RawCode>,
    #[serde(default)]
    links: RawLinks,
    #[serde(default)]
    scripts: RawScripts,
    #[serde(default)]
    placeholders: RawPlaceholders,
    #[serde(default)]
    locales: BTreeMap<Spanned<String>, Spanned<LocaleData>>,
    #[serde(default)]
    input: RawInput,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput {
    max_file_size: Option<Spanned<i64>>,
    encoding: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCode {
    id: String,
    #[serde(default)]
    description: String,
    pattern: Spanned<String>,
    #[serde(default)]
    compact: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLinks {
    #[serde(default)]
    language_markers: Vec<Spanned<String>>,
    #[serde(default)]
    base_urls: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaceholders {
    translatable_slots: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScripts {
    #[serde(default)]
    allow: Vec<String>,
}

/// Settings the pipeline reads: built-ins extended by a configuration.
#[derive(Debug)]
pub struct Settings {
    pub codes: &'static [CodePattern],
    /// Locale tables by language tag, built-in or extended.
    pub locales: BTreeMap<String, &'static Locale>,
    /// Extra patterns removed from URLs before they are compared.
    pub link_markers: Vec<Regex>,
    /// The site's own addresses (`https://nodejs.org`), normalised: an absolute link
    /// under one is compared as the site-relative link it stands for.
    pub base_urls: Vec<String>,
    /// Words the script rules accept as they are.
    pub allow_words: Vec<String>,
    /// Whether translators may translate the text of `{{…}}` slots in inline code.
    pub translatable_slots: bool,
    pub issue_date: Option<jiff::civil::Date>,
    /// Only these languages are checked, when set.
    pub languages: Option<Vec<Lang>>,
    pub include: Vec<globset::GlobMatcher>,
    pub exclude: Vec<globset::GlobMatcher>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            codes: codes::builtin(),
            locales: BTreeMap::new(),
            link_markers: Vec::new(),
            base_urls: Vec::new(),
            allow_words: Vec::new(),
            translatable_slots: true,
            issue_date: None,
            languages: None,
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

impl Settings {
    pub fn locale(&self, lang: &str) -> Option<&'static Locale> {
        self.locales.get(lang).copied().or_else(|| crate::locale::table(lang))
    }

    /// Whether a file is to be checked, by the include and exclude globs (relative to the
    /// configuration's folder).
    pub fn wants(&self, relative: &Path) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.is_match(relative)))
            && !self.exclude.iter().any(|g| g.is_match(relative))
    }
}

/// A loaded configuration.
#[derive(Debug)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub source: Option<Lang>,
    pub levels: Vec<(String, Level)>,
    pub settings: Arc<Settings>,
    /// `[input]`: how files are read (the command line overrides it).
    pub input: LoadOptions,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            source: None,
            levels: Vec::new(),
            settings: Arc::new(Settings::default()),
            input: LoadOptions::default(),
        }
    }
}

/// A configuration error, located in the TOML text.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub span: Option<Range<usize>>,
    pub message: String,
    /// Lines shown under the label (a regex crate's own message, with its caret).
    pub notes: Vec<String>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Finds the nearest `oerlint.toml` in a path's folder or a folder above it, for many
/// paths: what each folder holds is looked up once (a tree of 10,000 issues asked the
/// file system 12 times per issue for the same few folders above them).
#[derive(Default)]
pub struct Finder {
    /// Folder → the nearest configuration in it or above it.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
}

impl Finder {
    /// The nearest `oerlint.toml` (or `.oerlint.toml`) in `start` or a folder above it.
    pub fn find(&mut self, start: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(start).ok()?;
        let mut dir = if abs.is_dir() { Some(abs.as_path()) } else { abs.parent() };
        // Folders looked at here, nearest first, until one already known.
        let mut seen: Vec<&Path> = Vec::new();
        let mut found = None;
        while let Some(d) = dir {
            if let Some(known) = self.nearest.get(d) {
                found = known.clone();
                break;
            }
            seen.push(d);
            // `oerlint.toml`, or hidden as `.oerlint.toml` (as ruff finds `.ruff.toml`).
            let here =
                [FILE_NAME, HIDDEN_FILE_NAME].into_iter().map(|name| d.join(name)).find(|c| c.is_file());
            if here.is_some() {
                found = here;
                break;
            }
            dir = d.parent();
        }
        for d in seen {
            self.nearest.insert(d.to_path_buf(), found.clone());
        }
        found
    }
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        span: None,
        message: format!("cannot read: {e}"),
        notes: Vec::new(),
    })?;
    parse(path, &text)
}

/// Parses configuration text (`path` names it in errors).
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let err = |span: Option<Range<usize>>, message: String| ConfigError {
        path: path.to_path_buf(),
        text: text.to_string(),
        span,
        message,
        notes: Vec::new(),
    };
    // A regex that does not compile: the label says so, the regex crate's own message
    // (with its caret under the pattern) goes in notes under it.
    let regex_err = |span: Option<Range<usize>>, what: String, e: regex::Error| ConfigError {
        notes: e.to_string().lines().map(str::to_string).collect(),
        ..err(span, format!("{what}: invalid regex"))
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        // Some syntax errors (a NUL in a comment) come without a message.
        let m = e.message().trim();
        err(e.span(), if m.is_empty() { "invalid TOML syntax".to_string() } else { m.to_string() })
    })?;
    let lang = |s: &Spanned<String>, what: &str| {
        Lang::parse(s.get_ref())
            .ok_or_else(|| err(Some(s.span()), format!("`{what}`: unknown language `{}`", s.get_ref())))
    };
    let source = raw.source.as_ref().map(|s| lang(s, "source")).transpose()?;
    let languages = match &raw.languages {
        Some(v) => Some(v.iter().map(|s| lang(s, "languages")).collect::<Result<Vec<_>, _>>()?),
        None => None,
    };
    let issue_date = match &raw.issue_date {
        Some(s) => Some(s.get_ref().parse::<jiff::civil::Date>().map_err(|e| {
            err(
                Some(s.span()),
                format!("`issue_date`: `{}` is not a date like 2022-11-01 ({e})", s.get_ref()),
            )
        })?),
        None => None,
    };
    let mut levels = Vec::new();
    for (k, v) in &raw.rules {
        let id = k.get_ref();
        if crate::rules::find(id).is_none() {
            return Err(err(Some(k.span()), format!("[rules]: {}", crate::rules::unknown_rule(id))));
        }
        let level = match v.get_ref().as_str() {
            "off" => Level::Off,
            "note" => Level::On(Severity::Note),
            "warning" | "warn" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            other => {
                return Err(err(
                    Some(v.span()),
                    format!(
                        "[rules] {id}: unknown level `{other}`; use off, note, warning (or warn) or error"
                    ),
                ))
            }
        };
        levels.push((id.clone(), level));
    }
    let mut specs: Vec<CodePattern> = Vec::new();
    for c in &raw.codes {
        let regex = Regex::new(c.pattern.get_ref())
            .map_err(|e| regex_err(Some(c.pattern.span()), format!("[[codes]] `{}`", c.id), e))?;
        let spec = CodeSpec {
            id: c.id.clone(),
            description: c.description.clone(),
            pattern: c.pattern.get_ref().clone(),
            compact: c.compact,
        };
        specs.push(CodePattern::compiled(spec, regex));
    }
    let codes: &'static [CodePattern] = if specs.is_empty() {
        codes::builtin()
    } else {
        let mut all: Vec<CodePattern> =
            codes::compile(include_str!("../rules/codes.toml")).expect("built-in codes");
        all.extend(specs);
        Box::leak(all.into_boxed_slice())
    };
    let link_markers = raw
        .links
        .language_markers
        .iter()
        .map(|m| {
            Regex::new(m.get_ref())
                .map_err(|e| regex_err(Some(m.span()), "[links] language_markers".to_string(), e))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut base_urls = Vec::new();
    for b in &raw.links.base_urls {
        let key = crate::urls::normalize(b.get_ref());
        if !key.contains("://") {
            return Err(err(
                Some(b.span()),
                format!(
                    "[links] base_urls: `{}` is not an absolute URL (write it as https://site.org)",
                    b.get_ref()
                ),
            ));
        }
        base_urls.push(key.trim_end_matches('/').to_string());
    }
    let mut locales = BTreeMap::new();
    for (k, v) in raw.locales {
        let tag = k.get_ref().clone();
        let Some(base) = crate::locale::table(&tag) else {
            return Err(err(
                Some(k.span()),
                format!("[locales]: no built-in locale `{tag}` to extend (en, fr, ar)"),
            ));
        };
        let mut l = base.clone();
        l.extend(v.into_inner());
        let leaked: &'static Locale = Box::leak(Box::new(l));
        if let Some(e) = crate::temporal::pattern_errors(leaked).first() {
            return Err(err(Some(k.span()), format!("[locales.{tag}]: {e}")));
        }
        locales.insert(tag, leaked);
    }
    let globs = |v: &[Spanned<String>], what: &str| {
        v.iter()
            .map(|g| {
                globset::Glob::new(g.get_ref())
                    .map(|x| x.compile_matcher())
                    .map_err(|e| err(Some(g.span()), format!("`{what}`: invalid glob: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()
    };
    let settings = Settings {
        codes,
        locales,
        link_markers,
        base_urls,
        allow_words: raw.scripts.allow,
        translatable_slots: raw.placeholders.translatable_slots.unwrap_or(true),
        issue_date,
        languages,
        include: globs(&raw.include, "include")?,
        exclude: globs(&raw.exclude, "exclude")?,
    };
    let mut input = LoadOptions::default();
    if let Some(m) = &raw.input.max_file_size {
        input.max_size = u64::try_from(*m.get_ref()).ok().filter(|&n| n > 0).ok_or_else(|| {
            err(Some(m.span()), "[input] max_file_size: give a number of bytes above 0".into())
        })?;
    }
    if let Some(e) = &raw.input.encoding {
        input.lossy = match e.get_ref().as_str() {
            "utf-8" | "utf8" => false,
            "lossy" => true,
            other => {
                return Err(err(
                    Some(e.span()),
                    format!("[input] encoding: unknown value `{other}`; use \"utf-8\" or \"lossy\""),
                ))
            }
        };
    }
    Ok(Config { path: Some(path.to_path_buf()), source, levels, settings: Arc::new(settings), input })
}

/// The commented configuration `oerlint init` writes.
pub fn template() -> String {
    let mut s = String::from(
        "# oerlint configuration. Every key is optional; the values shown are the defaults.\n\
         # Found by walking up from each checked path, or given with --config.\n\n\
         # The language every other language is compared with (--source overrides it).\n\
         source = \"en\"\n\n\
         # Check only these languages (all found, when absent).\n\
         # languages = [\"en\", \"fr\", \"ar\"]\n\n\
         # The date the documents are issued on, for deadline-inconsistent (front matter\n\
         # `date:` or the document's own month are used when absent).\n\
         # issue_date = \"2022-11-01\"\n\n\
         # Globs, relative to this file's folder, of the files to check and to skip.\n\
         # include = [\"issues/**\"]\n\
         # exclude = [\"drafts/**\"]\n\n\
         # Rule levels: off, note, warning, error.\n\
         [rules]\n",
    );
    for r in crate::rules::all() {
        let level = if r.default_enabled { r.severity.as_str() } else { "off" };
        s.push_str(&format!("# {} = \"{level}\"  # {}\n", r.id, r.summary));
    }
    s.push_str(
        "\n# More reference-code patterns (Rust regex syntax), on top of the built-in ones.\n\
         # [[codes]]\n\
         # id = \"my-series\"\n\
         # description = \"Our report series, OSN/2023/4\"\n\
         # pattern = '\\bOSN/\\d{4}/\\d+\\b'\n\n\
         # Patterns removed from link targets before they are compared, on top of the\n\
         # built-in language markers (/en/, ?lang=fr, fr. subdomains, -en suffixes).\n\
         [links]\n\
         # language_markers = ['/(english|francais|arabic)/']\n\
         # The site's own addresses: an absolute link under one is the site-relative link\n\
         # it stands for (https://nodejs.org/en/blog/x is /ar/blog/x in the Arabic page).\n\
         # base_urls = [\"https://nodejs.org\"]\n\n\
         # Words the script rules accept as they are (names, brands).\n\
         [scripts]\n\
         # allow = [\"Сбербанк\"]\n\n\
         # Whether the text of {{…}} slots in inline code (tldr-style placeholders such as\n\
         # {{path/to/file}}) may be translated; false compares it too.\n\
         [placeholders]\n\
         # translatable_slots = true\n\n\
         # How files are read. Files over max_file_size bytes are skipped with a note;\n\
         # encoding = \"lossy\" reads files that are not valid UTF-8 anyway (each invalid\n\
         # byte becomes U+001A). UTF-16 files with a byte order mark are always decoded.\n\
         [input]\n\
         # max_file_size = 20971520\n\
         # encoding = \"utf-8\"\n\n\
         # Extra locale entries, merged into the built-in tables (same keys as rules/locales/*.toml).\n\
         # [locales.ar]\n\
         # months = [{ number = 11, names = [\"نونبر\"] }]\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Result<Config, ConfigError> {
        parse(Path::new("oerlint.toml"), t)
    }

    #[test]
    fn the_finder_finds_what_find_finds_in_any_order() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        for d in ["a/b", "c/d/e", "f"] {
            std::fs::create_dir_all(r.join(d)).unwrap();
        }
        std::fs::write(r.join("a/oerlint.toml"), "").unwrap();
        std::fs::write(r.join("c/d/.oerlint.toml"), "").unwrap();
        std::fs::write(r.join("c/oerlint.toml"), "").unwrap();
        let files = ["a/b/x.md", "a/y.md", "c/d/e/z.md", "c/w.md", "c/d/v.md", "f/u.md", "a/b/t.md"];
        for f in files {
            std::fs::write(r.join(f), "").unwrap();
        }
        let expected = |f: &str| match f.split('/').next() {
            Some("a") => Some(r.join("a/oerlint.toml")),
            Some("c") if f.starts_with("c/d/") => Some(r.join("c/d/.oerlint.toml")),
            Some("c") => Some(r.join("c/oerlint.toml")),
            _ => Finder::default().find(r),
        };
        for order in [files.to_vec(), files.iter().rev().copied().collect()] {
            let mut finder = Finder::default();
            for f in order {
                let abs = std::path::absolute(r.join(f)).unwrap();
                assert_eq!(finder.find(&r.join(f)), Finder::default().find(&abs), "{f}");
                assert_eq!(
                    finder.find(&r.join(f)),
                    expected(f).map(|p| std::path::absolute(p).unwrap()),
                    "{f}"
                );
            }
        }
    }

    #[test]
    fn the_template_parses() {
        let c = p(&template()).unwrap();
        assert_eq!(c.source, Some(Lang::EN));
    }

    #[test]
    fn levels_codes_and_locales() {
        let c = p("source = 'fr'\n[rules]\nbidi-order = 'off'\nuntranslated = 'error'\n[[codes]]\nid = 'osn'\npattern = '\\bOSN/\\d+'\n[locales.ar]\nmonths = [{ number = 11, names = ['نونبر'] }]\n").unwrap();
        assert_eq!(c.source, Some(Lang::FR));
        assert_eq!(c.levels[0], ("bidi-order".to_string(), Level::Off));
        assert!(c.settings.codes.iter().any(|x| x.spec.id == "osn"));
        let l = c.settings.locale("ar").unwrap();
        assert_eq!(l.month("نونبر"), Some(11));
    }

    #[test]
    fn errors_point_at_the_key() {
        let t = "source = 'en'\ncolour = 'red'\n";
        let e = p(t).unwrap_err();
        assert!(e.message.contains("unknown field `colour`"), "{}", e.message);
        assert_eq!(&t[e.span.clone().unwrap()], "colour");
        let t = "[rules]\nno-such-rule = 'off'\n";
        let e = p(t).unwrap_err();
        assert_eq!(&t[e.span.clone().unwrap()], "no-such-rule");
        let t = "[rules]\nbidi-order = 'loud'\n";
        assert!(p(t).unwrap_err().message.contains("unknown level `loud`"));
        let t = "[[codes]]\nid = 'x'\npattern = '(unclosed'\n";
        let e = p(t).unwrap_err();
        assert!(e.message.contains("invalid regex"), "{}", e.message);
        assert_eq!(&t[e.span.clone().unwrap()], "'(unclosed'");
        let t = "source = 3\n";
        assert!(p(t).unwrap_err().message.contains("invalid type"));
        assert!(p("issue_date = 'soon'\n").unwrap_err().message.contains("not a date"));
    }
}
