//! The tool formats (src/formats.rs, docs/formats.md): `short`, `github` and `sarif`, on
//! the fixtures, checked against the JSON output's spans and the regexes consumers use.

use oerlint::check::{check_group, Options};
use oerlint::diag::{Diagnostic, Label, Severity};
use oerlint::lang::Lang;
use oerlint::render::{self, Summary};
use oerlint::source::SourceFile;
use regex::Regex;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SHORT_RE: &str = r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|note)\[(?P<rule>[a-z-]+)\]: (?P<msg>.+)$";
const GITHUB_RE: &str = r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),title=(?P<title>[^:]+)::(?P<msg>.+)$";

/// The diagnostics of a check, gathered as `oerlint check` does (input errors, then
/// findings, group by group).
fn diagnostics(paths: &[&Path]) -> Vec<Diagnostic> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    let (groups, errors) = oerlint::discover::discover(&paths);
    assert!(errors.is_empty(), "{errors:?}");
    let mut diags = Vec::new();
    for g in &groups {
        let r = check_group(g, &Options::default());
        diags.extend(r.input_errors);
        diags.extend(r.diagnostics);
    }
    diags
}

fn rules() -> Vec<&'static oerlint::rules::Rule> {
    oerlint::rules::all().iter().collect()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sarif_json(diags: &[Diagnostic], root: &Path) -> Value {
    serde_json::from_str(&oerlint::formats::sarif(diags, &rules(), root)).expect("SARIF is JSON")
}

fn json_diags(diags: &[Diagnostic]) -> Vec<Value> {
    let v: Value = serde_json::from_str(&render::json(diags, Summary::default())).unwrap();
    v["diagnostics"].as_array().unwrap().clone()
}

const FIXTURES: [&str; 2] = ["fixtures/newsletter-errors", "fixtures/onefile/news-en-ar.md"];

#[test]
fn snapshots() {
    for (fixture, name) in [(FIXTURES[0], "newsletter-errors"), (FIXTURES[1], "onefile-news-en-ar.md")] {
        let diags = diagnostics(&[Path::new(fixture)]);
        assert!(!diags.is_empty(), "{fixture}");
        insta::assert_snapshot!(format!("{name}.short"), oerlint::formats::short(&diags));
        insta::assert_snapshot!(format!("{name}.github"), oerlint::formats::github(&diags));
        // The rules' documentation is checked elsewhere; left out here, so that editing
        // a rule's doc does not change these snapshots.
        let mut sarif = sarif_json(&diags, &repo());
        for r in sarif["runs"][0]["tool"]["driver"]["rules"].as_array_mut().unwrap() {
            r["fullDescription"]["text"] = "(rule doc)".into();
            r["help"] = serde_json::json!({"text": "(rule doc)", "markdown": "(rule doc)"});
        }
        insta::assert_snapshot!(format!("{name}.sarif"), serde_json::to_string_pretty(&sarif).unwrap());
    }
}

#[test]
fn short_lines_parse_and_agree_with_json() {
    let re = Regex::new(SHORT_RE).unwrap();
    for fixture in FIXTURES {
        let diags = diagnostics(&[Path::new(fixture)]);
        let out = oerlint::formats::short(&diags);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), diags.len(), "{out}");
        for (line, j) in lines.iter().zip(json_diags(&diags)) {
            let c = re.captures(line).unwrap_or_else(|| panic!("does not parse: {line}"));
            let p = &j["primary"];
            assert_eq!(&c["path"], p["path"].as_str().unwrap());
            assert_eq!(c["line"].parse::<u64>().unwrap(), p["line"].as_u64().unwrap(), "{line}");
            assert_eq!(c["col"].parse::<u64>().unwrap(), p["column"].as_u64().unwrap(), "{line}");
            assert_eq!(&c["sev"], j["severity"].as_str().unwrap());
            assert_eq!(&c["rule"], j["rule"].as_str().unwrap());
            assert_eq!(&c["msg"], j["message"].as_str().unwrap());
        }
    }
}

#[test]
fn github_lines_parse_and_agree_with_json() {
    let re = Regex::new(GITHUB_RE).unwrap();
    for fixture in FIXTURES {
        let diags = diagnostics(&[Path::new(fixture)]);
        let out = oerlint::formats::github(&diags);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), diags.len(), "{out}");
        for (line, j) in lines.iter().zip(json_diags(&diags)) {
            let c = re.captures(line).unwrap_or_else(|| panic!("does not parse: {line}"));
            let p = &j["primary"];
            let num = |k: &str| c[k].parse::<u64>().unwrap();
            assert_eq!(&c["file"], p["path"].as_str().unwrap());
            assert_eq!(
                (num("line"), num("col"), num("end_line"), num("end_col")),
                (
                    p["line"].as_u64().unwrap(),
                    p["column"].as_u64().unwrap(),
                    p["end_line"].as_u64().unwrap(),
                    p["end_column"].as_u64().unwrap()
                ),
                "{line}"
            );
            let cmd = match j["severity"].as_str().unwrap() {
                "note" => "notice",
                s => s,
            };
            assert_eq!(&c["cmd"], cmd);
            assert_eq!(&c["title"], format!("oerlint {}", j["rule"].as_str().unwrap()));
            // The fixtures' messages have nothing to escape.
            assert_eq!(&c["msg"], j["message"].as_str().unwrap());
        }
    }
}

/// A diagnostic in a file of the given text, over `range`.
fn synthetic(
    path: &str,
    text: &str,
    range: std::ops::Range<usize>,
    message: &str,
    sev: Severity,
) -> Diagnostic {
    let file = Arc::new(SourceFile::from_text(path, text.to_string()));
    let label = Label::new(&file, Lang::FR, range, "label");
    Diagnostic::new("code-mismatch", sev, message, label)
}

#[test]
fn special_characters_are_escaped_and_lines_stay_whole() {
    let text = "é\u{202E}x\ny, 50%: z\n";
    let d = synthetic("a,b:c%.md", text, 11..14, "two\nlines\r\nand 50%: a, b \u{202E}", Severity::Note);
    let short = oerlint::formats::short(std::slice::from_ref(&d));
    assert_eq!(short, "a,b:c%.md:2:5: note[code-mismatch]: two\\nlines\\r\\nand 50%: a, b <U+202E>\n");
    let github = oerlint::formats::github(std::slice::from_ref(&d));
    assert_eq!(
        github,
        "::notice file=a%2Cb%3Ac%25.md,line=2,col=5,endLine=2,endColumn=8,title=oerlint code-mismatch::\
         two%0Alines%0D%0Aand 50%25: a, b <U+202E>\n"
    );
    assert!(Regex::new(GITHUB_RE).unwrap().is_match(github.trim_end()), "{github}");
    // Columns count Unicode scalar values, before and after an invisible character.
    let d = synthetic("x.md", text, 5..6, "m", Severity::Error);
    assert!(oerlint::formats::github(&[d]).contains("line=1,col=3,endLine=1,endColumn=4,"));
}

#[test]
fn sarif_has_the_required_fields_and_agrees_with_json() {
    let fp_re = Regex::new(r"^[0-9a-f]{16}:\d+$").unwrap();
    for fixture in FIXTURES {
        let diags = diagnostics(&[Path::new(fixture)]);
        let s = sarif_json(&diags, &repo());
        assert_eq!(s["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
        assert_eq!(s["version"], "2.1.0");
        let runs = s["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "oerlint");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(driver["informationUri"], env!("CARGO_PKG_REPOSITORY"));
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let sarif_rules = driver["rules"].as_array().unwrap();
        assert_eq!(sarif_rules.len(), oerlint::rules::all().len());
        for (r, rule) in sarif_rules.iter().zip(oerlint::rules::all()) {
            assert_eq!(r["id"], rule.id);
            assert!(r["shortDescription"]["text"].as_str().unwrap().starts_with(rule.summary));
            assert_eq!(r["fullDescription"]["text"], rule.doc());
            assert_eq!(r["help"]["text"], rule.doc());
            assert_eq!(r["defaultConfiguration"]["level"], rule.severity.as_str());
            assert_eq!(r["defaultConfiguration"]["enabled"], rule.default_enabled);
            if let Some(name) = r["name"].as_str() {
                assert_ne!(name.to_lowercase(), rule.id.to_lowercase());
            }
        }
        let results = run["results"].as_array().unwrap();
        let jd = json_diags(&diags);
        assert_eq!(results.len(), jd.len());
        let mut fingerprints = std::collections::HashSet::new();
        for (res, j) in results.iter().zip(&jd) {
            let i = res["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(sarif_rules[i]["id"], res["ruleId"], "{res}");
            assert_eq!(res["ruleId"], j["rule"]);
            assert_eq!(res["level"], j["severity"]);
            let msg = res["message"]["text"].as_str().unwrap();
            assert!(msg.starts_with(j["message"].as_str().unwrap()), "{msg}");
            let locs = res["locations"].as_array().unwrap();
            assert_eq!(locs.len(), 1);
            assert_region(&locs[0], &j["primary"]);
            let related = res["relatedLocations"].as_array().cloned().unwrap_or_default();
            let jrel = j["related"].as_array().unwrap();
            assert_eq!(related.len(), jrel.len());
            for (k, (r, jr)) in related.iter().zip(jrel).enumerate() {
                assert_eq!(r["id"], k + 1);
                assert_region(r, jr);
                assert!(
                    r["message"]["text"].as_str().unwrap().starts_with(jr["label"].as_str().unwrap()),
                    "{r}"
                );
                // GitHub shows a related location only when the message links it.
                assert!(msg.contains(&format!("]({})", k + 1)), "{msg}");
            }
            assert_notes_follow(msg, j);
            let fp = res["partialFingerprints"]["primaryLocationLineHash"].as_str().unwrap();
            assert!(fp_re.is_match(fp), "{fp}");
            assert!(fingerprints.insert(fp.to_string()), "duplicate fingerprint {fp}");
        }
        assert!(run.get("invocations").is_none());
    }
}

/// The JSON finding's notes end the SARIF message, a paragraph each, in order.
fn assert_notes_follow(msg: &str, j: &Value) {
    let notes: Vec<&str> =
        j["notes"].as_array().map(|n| n.iter().map(|x| x.as_str().unwrap()).collect()).unwrap_or_default();
    let paragraphs: Vec<&str> = msg.split("\n\n").collect();
    assert_eq!(paragraphs.len(), notes.len() + 1, "{msg}");
    for (p, n) in paragraphs[1..].iter().zip(&notes) {
        let body = p.strip_prefix("Note: ").unwrap_or_else(|| panic!("{msg}"));
        // Escaped as the message is; the note's own words are all there.
        let plain = body.replace("\\[", "[").replace("\\]", "]");
        assert!(plain.starts_with(n.trim_end_matches('.')), "{plain} / {n}");
    }
}

#[test]
fn sarif_messages_carry_the_notes() {
    let diags = diagnostics(&[Path::new("fixtures/alignment/neighbours-alike")]);
    let s = sarif_json(&diags, &repo());
    let results = s["runs"][0]["results"].as_array().unwrap();
    let jd = json_diags(&diags);
    assert!(jd.iter().any(|j| j["notes"].as_array().is_some_and(|n| !n.is_empty())));
    for (res, j) in results.iter().zip(&jd) {
        assert_notes_follow(res["message"]["text"].as_str().unwrap(), j);
    }
}

/// A SARIF location agrees with a JSON span (paths here are relative to the repository).
fn assert_region(loc: &Value, span: &Value) {
    let pl = &loc["physicalLocation"];
    assert_eq!(pl["artifactLocation"]["uri"], span["path"], "{loc}");
    let r = &pl["region"];
    assert_eq!(r["startLine"], span["line"], "{loc}");
    assert_eq!(r["startColumn"], span["column"], "{loc}");
    assert_eq!(r["endLine"], span["end_line"], "{loc}");
    assert_eq!(r["endColumn"], span["end_column"], "{loc}");
    assert_eq!(r["byteOffset"], span["start"], "{loc}");
    assert_eq!(
        r["byteLength"].as_u64().unwrap(),
        span["end"].as_u64().unwrap() - span["start"].as_u64().unwrap(),
        "{loc}"
    );
}

fn copy_fixture(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

/// (rule, uri, message, fingerprint) of each result.
type Findings = Vec<(String, String, String, String)>;

/// The findings, and the start lines of the results in `file`.
fn fingerprints(dir: &Path, file: &str) -> (Findings, Vec<u64>) {
    let diags = diagnostics(&[dir]);
    let s = sarif_json(&diags, dir);
    let mut out = Vec::new();
    let mut lines = Vec::new();
    for r in s["runs"][0]["results"].as_array().unwrap() {
        let pl = &r["locations"][0]["physicalLocation"];
        let uri = pl["artifactLocation"]["uri"].as_str().unwrap().to_string();
        if uri == file {
            lines.push(pl["region"]["startLine"].as_u64().unwrap());
        }
        out.push((
            r["ruleId"].as_str().unwrap().to_string(),
            uri,
            r["message"]["text"].as_str().unwrap().to_string(),
            r["partialFingerprints"]["primaryLocationLineHash"].as_str().unwrap().to_string(),
        ));
    }
    out.sort();
    (out, lines)
}

#[test]
fn fingerprints_survive_a_line_inserted_above() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture(&repo().join("fixtures/newsletter-errors"), tmp.path());
    let (before, lines_before) = fingerprints(tmp.path(), "fr.md");
    assert!(!lines_before.is_empty());
    let fr = tmp.path().join("fr.md");
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, format!("\n{text}")).unwrap();
    let (after, lines_after) = fingerprints(tmp.path(), "fr.md");
    // The findings moved down a line, and kept their fingerprints.
    assert_eq!(lines_after, lines_before.iter().map(|l| l + 1).collect::<Vec<_>>());
    assert_eq!(before, after);
    // A change on the line itself changes the fingerprint.
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, text.replace("A.Rahman@unesco.org", "A.Rahman@unesco.org (bureau)")).unwrap();
    let (changed, _) = fingerprints(tmp.path(), "fr.md");
    assert_eq!(changed.len(), before.len());
    assert_ne!(changed, before);
}

#[test]
fn input_errors_get_a_rule_of_their_own() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture(&repo().join("fixtures/newsletter-ok"), tmp.path());
    std::fs::write(tmp.path().join("es.md"), b"# Hola\n\nTexto \xff roto\n").unwrap();
    let diags = diagnostics(&[tmp.path()]);
    assert!(diags.iter().any(|d| d.rule == "input-error"), "{diags:?}");
    let s = sarif_json(&diags, tmp.path());
    let rules = s["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), oerlint::rules::all().len() + 1);
    let r = rules.last().unwrap();
    assert_eq!(r["id"], "input-error");
    assert_eq!(r["defaultConfiguration"]["level"], "error");
    let res = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "input-error")
        .unwrap()
        .clone();
    assert_eq!(res["ruleIndex"], rules.len() - 1);
    let pl = &res["locations"][0]["physicalLocation"];
    assert_eq!(pl["artifactLocation"]["uri"], "es.md");
    // The bad byte is on line 3, after "Texto ".
    assert_eq!(
        (pl["region"]["startLine"].as_u64(), pl["region"]["startColumn"].as_u64()),
        (Some(3), Some(7))
    );
}

#[test]
fn sarif_uris_outside_the_root_are_absolute_file_uris() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a dir").join("é.md");
    let d = synthetic(file.to_str().unwrap(), "abc\n", 0..1, "m", Severity::Error);
    let s = sarif_json(std::slice::from_ref(&d), &repo());
    let uri = s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(uri.starts_with("file:///") && uri.ends_with("/a%20dir/%C3%A9.md"), "{uri}");
    let s = sarif_json(&[d], tmp.path());
    assert_eq!(
        s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a%20dir/%C3%A9.md"
    );
}

#[test]
fn sarif_keeps_at_most_25000_results_errors_first() {
    let n = oerlint::formats::SARIF_MAX_RESULTS + 3;
    let file = Arc::new(SourceFile::from_text("x.md", "abc\n".to_string()));
    let diags: Vec<Diagnostic> = (0..n)
        .map(|i| {
            let sev = if i < 5 { Severity::Note } else { Severity::Error };
            Diagnostic::new(
                "code-mismatch",
                sev,
                format!("finding {i}"),
                Label::new(&file, Lang::FR, 0..1, ""),
            )
        })
        .collect();
    let s = sarif_json(&diags, &repo());
    let run = &s["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), oerlint::formats::SARIF_MAX_RESULTS);
    assert_eq!(results.iter().filter(|r| r["level"] == "note").count(), 2);
    assert_eq!(results.last().unwrap()["message"]["text"], format!("finding {}.", n - 1));
    let note = &run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"];
    assert!(note.as_str().unwrap().starts_with("3 of 25003 findings are left out"), "{note}");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}
