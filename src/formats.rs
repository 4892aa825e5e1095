//! Output formats for other tools (docs/formats.md): `short` (one line per finding, for
//! editors, grep and pre-commit logs), `github` (GitHub Actions workflow commands, shown
//! as annotations) and `sarif` (SARIF 2.1.0 for GitHub code scanning).
//!
//! Each takes the final, sorted diagnostics and returns the whole output. Positions are
//! the ones of the JSON output (docs/json.md): 1-based lines and columns, columns counted
//! in Unicode scalar values, ends exclusive.

use crate::check::INPUT_ERROR;
use crate::diag::{Diagnostic, Label, Severity};
use crate::render::named_invisibles;
use crate::rules::Rule;
use serde::Serialize;
use std::path::{Component, Path, PathBuf};

/// GitHub code scanning accepts at most this many results in one SARIF run.
pub const SARIF_MAX_RESULTS: usize = 25_000;
/// ... and at most this many related locations in one result.
pub const SARIF_MAX_RELATED: usize = 1_000;

/// One line per finding: `path:line:col: severity[rule]: message`.
pub fn short(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let (line, col) = d.primary.file.line_col(d.primary.start);
        out.push_str(&format!(
            "{}:{line}:{col}: {}[{}]: {}\n",
            one_line(&d.primary.file.display),
            d.severity.as_str(),
            d.rule,
            crate::diag::isolate_rtl(&one_line(&d.message))
        ));
    }
    out
}

/// Text on one line: line breaks become `\n` and `\r`, other control characters and the
/// invisible and direction-changing ones are named (`<U+202E>`), as in human output.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in named_invisibles(s).chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push(c),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("<U+{:04X}>", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// GitHub Actions workflow commands, one per finding:
/// `::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=oerlint RULE::MESSAGE`
/// (`::warning` and `::notice` for warnings and notes).
pub fn github(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let p = &d.primary;
        let (line, col) = p.file.line_col(p.start);
        let (end_line, end_col) = p.file.line_col(p.end);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            github_property(&message_text(&p.file.display)),
            github_property(&format!("oerlint {}", d.rule)),
            github_data(&message_text(&d.message)),
        ));
    }
    out
}

/// A message for people: invisible, direction-changing and control characters named,
/// line breaks kept (each format escapes them its own way).
fn message_text(s: &str) -> String {
    named_invisibles(s)
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c.to_string(),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => format!("<U+{:04X}>", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// Escapes a workflow command's message (`%`, CR, LF), as `@actions/core` does.
pub fn github_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`%`, CR, LF, `:`, `,`).
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

// ---------------------------------------------------------------------------------------
// SARIF 2.1.0

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    /// Left out when it would only differ from the id in case (SARIF1001).
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    short_description: Text,
    full_description: Text,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    /// Off-by-default rules run only when selected.
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

/// SARIF §3.55: a fix as replacements in one artifact.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fingerprints {
    primary_location_line_hash: String,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// `code-mismatch` → `CodeMismatch` (SARIF rule names are identifiers, ids are kebab-case).
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

fn rule_name(id: &str) -> Option<String> {
    Some(pascal_case(id)).filter(|n| !n.eq_ignore_ascii_case(id))
}

/// A sentence for SARIF plain-text messages: literal brackets escaped (SARIF §3.11.6:
/// `[text](id)` is an embedded link), ended with a full stop.
fn sarif_sentence(s: &str) -> String {
    let mut t = message_text(s).replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]");
    let t_end = t.trim_end().len();
    t.truncate(t_end);
    if !t.ends_with(['.', '!', '?']) {
        t.push('.');
    }
    t
}

/// Where a rule's documentation is read on the web (docs/rules.md, generated from the same
/// text `oerlint explain` prints).
pub fn help_uri(id: &str) -> String {
    format!("{}/blob/main/docs/rules.md#{id}", env!("CARGO_PKG_REPOSITORY"))
}

fn sarif_fix(f: &crate::diag::Fix, uri: String) -> SarifFix {
    let (start_line, start_column) = f.file.line_col(f.range.start);
    let (end_line, end_column) = f.file.line_col(f.range.end);
    SarifFix {
        description: Text { text: sarif_sentence(&format!("replace with `{}`", f.replacement)) },
        artifact_changes: vec![ArtifactChange {
            artifact_location: ArtifactLocation { uri },
            replacements: vec![Replacement {
                deleted_region: Region {
                    start_line,
                    start_column,
                    end_line,
                    end_column,
                    byte_offset: f.range.start,
                    byte_length: f.range.len(),
                },
                inserted_content: Text { text: f.replacement.clone() },
            }],
        }],
    }
}

fn descriptor(rule: &Rule) -> Descriptor {
    Descriptor {
        help_uri: Some(help_uri(rule.id)),
        id: rule.id.to_string(),
        name: rule_name(rule.id),
        short_description: Text { text: sarif_sentence(rule.summary) },
        full_description: Text { text: rule.doc().to_string() },
        help: Help { text: rule.doc().to_string(), markdown: rule.doc().to_string() },
        default_configuration: Configuration { enabled: rule.default_enabled, level: level(rule.severity) },
    }
}

/// The entry of a rule id that is not in the rule list (`input-error`, or a rule the
/// caller left out).
fn synthetic_descriptor(id: &str) -> Descriptor {
    let (summary, doc) = if id == INPUT_ERROR {
        (
            "a file could not be read, or a document could not be checked",
            "# input-error (error)\n\nA file could not be read as text (missing, unreadable, empty, \
             binary, not UTF-8, UTF-16, too large), or a document group could not be checked (two \
             versions in one language, no version in the source language). The other documents \
             are still checked, and `oerlint check` exits with status 2.",
        )
    } else {
        ("an oerlint finding", "See `oerlint explain` for this rule.")
    };
    Descriptor {
        id: id.to_string(),
        name: rule_name(id),
        short_description: Text { text: sarif_sentence(summary) },
        full_description: Text { text: doc.to_string() },
        help: Help { text: doc.to_string(), markdown: doc.to_string() },
        help_uri: (id == INPUT_ERROR).then(|| help_uri(id)),
        default_configuration: Configuration { enabled: true, level: "error" },
    }
}

/// One finding made a SARIF result, without what depends on the whole run (its rule's
/// index, the number of its fingerprint among equal ones, whether it is kept): a group's
/// findings become parts as soon as the group is checked, so that its files are dropped
/// with it (SARIF is written whole, at the end, in group order).
pub struct SarifPart {
    severity: crate::diag::Severity,
    hash: u64,
    result: SarifResult,
}

/// The SARIF parts of some findings (see [`SarifPart`]); URIs relative to `repo_root`.
pub fn sarif_parts(diags: &[Diagnostic], repo_root: &Path) -> Vec<SarifPart> {
    let root = Root::new(repo_root);
    let mut lines = LineHashes::default();
    diags
        .iter()
        .map(|d| {
            let uri = root.uri(&d.primary.file.path);
            let hash = lines.hash(d.rule, &uri, &d.primary);
            let related: Vec<Location> = d
                .related
                .iter()
                .take(SARIF_MAX_RELATED)
                .enumerate()
                .map(|(k, l)| Location {
                    id: Some(k + 1),
                    physical_location: physical(l, root.uri(&l.file.path)),
                    message: (!l.message.trim().is_empty())
                        .then(|| Text { text: sarif_sentence(&l.message) }),
                })
                .collect();
            // GitHub shows related locations only when the message links them: `[text](id)`.
            let mut text = sarif_sentence(&d.message);
            if !related.is_empty() {
                let links: Vec<String> = d
                    .related
                    .iter()
                    .take(SARIF_MAX_RELATED)
                    .enumerate()
                    .map(|(k, l)| {
                        let (line, _) = l.file.line_col(l.start);
                        let name = Path::new(&l.file.display)
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| l.file.display.clone());
                        let shown = format!("{name}:{line}").replace('[', "\\[").replace(']', "\\]");
                        format!("[{shown}]({})", k + 1)
                    })
                    .collect();
                text.push_str(&format!(" See {}.", links.join(", ")));
            }
            // The notes the human output prints after `=` (why, what to check): a
            // paragraph each, as GitHub shows the message's line breaks.
            for n in &d.notes {
                text.push_str("\n\nNote: ");
                text.push_str(&sarif_sentence(n));
            }
            SarifPart {
                severity: d.severity,
                hash,
                result: SarifResult {
                    rule_id: d.rule.to_string(),
                    rule_index: 0,
                    level: level(d.severity),
                    message: Text { text },
                    locations: vec![Location {
                        id: None,
                        physical_location: physical(&d.primary, uri),
                        message: None,
                    }],
                    related_locations: related,
                    partial_fingerprints: Fingerprints { primary_location_line_hash: String::new() },
                    fixes: d.fix.iter().map(|f| sarif_fix(f, root.uri(&f.file.path))).collect(),
                },
            }
        })
        .collect()
}

/// SARIF 2.1.0, one run, as GitHub code scanning accepts it (docs/formats.md).
///
/// `rules` are the rules to describe (usually every rule, `rules::all()`); a finding of a
/// rule not among them (`input-error`) gets an entry of its own. Artifact URIs are
/// relative to `repo_root` (the root of the repository the report is uploaded for).
pub fn sarif(diags: &[Diagnostic], rules: &[&Rule], repo_root: &Path) -> String {
    sarif_log(sarif_parts(diags, repo_root), rules)
}

/// The SARIF log of parts made by [`sarif_parts`], in their order.
pub fn sarif_log(parts: Vec<SarifPart>, rules: &[&Rule]) -> String {
    let mut descriptors: Vec<Descriptor> = rules.iter().map(|r| descriptor(r)).collect();
    let index_of = |id: &str, descriptors: &mut Vec<Descriptor>| -> usize {
        match descriptors.iter().position(|d| d.id == id) {
            Some(i) => i,
            None => {
                descriptors.push(synthetic_descriptor(id));
                descriptors.len() - 1
            }
        }
    };

    // Over the limit, errors are kept first, then warnings, then notes; order is kept.
    let total = parts.len();
    let mut keep: Vec<usize> = (0..total).collect();
    let mut invocations = Vec::new();
    if total > SARIF_MAX_RESULTS {
        keep.sort_by_key(|&i| parts[i].severity);
        keep.truncate(SARIF_MAX_RESULTS);
        keep.sort_unstable();
        invocations.push(Invocation {
            execution_successful: true,
            tool_execution_notifications: vec![Notification {
                level: "warning",
                message: Text {
                    text: format!(
                        "{} of {} findings are left out: GitHub code scanning accepts at most {} \
                         results in a run (errors are kept first). `oerlint check --format json` \
                         lists them all.",
                        total - SARIF_MAX_RESULTS,
                        total,
                        SARIF_MAX_RESULTS
                    ),
                },
            }],
        });
    }
    let mut kept = vec![false; total];
    for &i in &keep {
        kept[i] = true;
    }

    // Findings with the same fingerprint are numbered in order, as GitHub does (`hash:n`).
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    let mut results = Vec::with_capacity(keep.len());
    for (i, part) in parts.into_iter().enumerate() {
        if !kept[i] {
            continue;
        }
        let SarifPart { hash, mut result, .. } = part;
        result.rule_index = index_of(&result.rule_id, &mut descriptors);
        let n = seen.entry(hash).or_insert(0);
        *n += 1;
        result.partial_fingerprints.primary_location_line_hash = format!("{hash:016x}:{n}");
        results.push(result);
    }

    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "oerlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: descriptors,
                },
            },
            invocations,
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF of plain data");
    s.push('\n');
    s
}

fn physical(l: &Label, uri: String) -> PhysicalLocation {
    let (start_line, start_column) = l.file.line_col(l.start);
    let (end_line, end_column) = l.file.line_col(l.end);
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri },
        region: Region {
            start_line,
            start_column,
            end_line,
            end_column,
            byte_offset: l.start,
            byte_length: l.end - l.start,
        },
    }
}

/// A fingerprint of a finding that does not depend on where its line is: the rule, the
/// file, the trimmed text of the primary span's first line and the span's text.
///
/// The hash of the rule, the file and the line is kept for the line's next finding: many
/// findings on one long line hashed the whole line each time (100,000 findings on a
/// 150 KB line took 30 s).
#[derive(Default)]
struct LineHashes {
    /// The rule, file and line of the last finding, and the hash of the three.
    last: Option<(String, String, usize, u64)>,
}

impl LineHashes {
    fn hash(&mut self, rule: &str, uri: &str, primary: &Label) -> u64 {
        let index = primary.file.line_index(primary.start);
        let prefix = match &self.last {
            Some((r, u, i, h)) if *i == index && r == rule && u == uri => *h,
            _ => {
                let line = primary.file.line_text(index).trim();
                let mut h = Fnv1a::new();
                for part in [rule, uri, line] {
                    h.write(part.as_bytes());
                    h.write(&[0]);
                }
                self.last = Some((rule.to_string(), uri.to_string(), index, h.0));
                h.0
            }
        };
        let mut h = Fnv1a(prefix);
        h.write(primary.text().as_bytes());
        h.write(&[0]);
        h.0
    }
}

/// 64-bit FNV-1a: a hash that is the same on every platform and Rust version (std's
/// `DefaultHasher` is not).
pub struct Fnv1a(pub u64);

impl Fnv1a {
    pub fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a::new()
    }
}

/// The repository root, to make artifact URIs relative to it.
struct Root {
    lexical: PathBuf,
    canonical: Option<PathBuf>,
}

impl Root {
    fn new(root: &Path) -> Root {
        Root { lexical: absolute(root), canonical: root.canonicalize().ok() }
    }

    /// `path` relative to the root, with forward slashes and percent-encoded; a file
    /// outside the root gets an absolute `file://` URI.
    fn uri(&self, path: &Path) -> String {
        let abs = absolute(path);
        if let Ok(rel) = abs.strip_prefix(&self.lexical) {
            return relative_uri(rel);
        }
        // Symbolic links (a temporary folder under /var that is /private/var …).
        if let (Some(root), Ok(real)) = (&self.canonical, path.canonicalize()) {
            if let Ok(rel) = real.strip_prefix(root) {
                return relative_uri(rel);
            }
        }
        file_uri(&abs)
    }
}

/// An absolute path with `.` and `..` resolved lexically (the file may not exist).
fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

fn relative_uri(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(encode_segment(&s.to_string_lossy())),
            Component::ParentDir => Some("..".to_string()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

fn file_uri(abs: &Path) -> String {
    let mut out = String::from("file://");
    for c in abs.components() {
        match c {
            Component::Prefix(p) => {
                out.push('/');
                out.push_str(&p.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::Normal(s) => {
                out.push('/');
                out.push_str(&encode_segment(&s.to_string_lossy()));
            }
            Component::ParentDir => out.push_str("/.."),
            Component::RootDir | Component::CurDir => {}
        }
    }
    if out == "file://" {
        out.push('/');
    }
    out
}

/// Percent-encodes a path segment for a URI (RFC 3986): everything but unreserved
/// characters and a few sub-delimiters; `:` too, so that a relative URI is not read as
/// having a scheme.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        let hash = |s: &str| {
            let mut h = Fnv1a::new();
            h.write(s.as_bytes());
            h.0
        };
        assert_eq!(hash(""), 0xcbf29ce484222325);
        assert_eq!(hash("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(hash("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn github_escapes() {
        assert_eq!(github_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn uris_are_relative_and_encoded() {
        let root = Root::new(Path::new("/repo"));
        assert_eq!(root.uri(Path::new("/repo/a b/ü:x.md")), "a%20b/%C3%BC%3Ax.md");
        assert_eq!(root.uri(Path::new("/repo/x/../en.md")), "en.md");
        assert_eq!(root.uri(Path::new("/elsewhere/en#1.md")), "file:///elsewhere/en%231.md");
    }

    #[test]
    fn names_and_sentences() {
        assert_eq!(pascal_case("code-mismatch"), "CodeMismatch");
        assert_eq!(sarif_sentence("a [b] c"), "a \\[b\\] c.");
        assert_eq!(sarif_sentence("done?"), "done?");
        assert_eq!(one_line("a\nb\u{202E}\u{1b}"), "a\\nb<U+202E><U+001B>");
    }
}
