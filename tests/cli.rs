//! End-to-end tests of the binary on the fixtures: whole JSON and human output as
//! snapshots, each rule's trigger and near-miss, exit codes, and broken inputs.

mod common;
use common::*;
use std::path::Path;

fn human(args: &[&str]) -> (i32, String) {
    let out = oerlint().arg("check").args(args).args(["--color", "never"]).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn snapshot_newsletter_with_errors() {
    let (code, json) = check_json(&["fixtures/newsletter-errors"]);
    assert_eq!(code, 1);
    assert_spans_valid(&json);
    insta::assert_json_snapshot!("newsletter-errors.json", json);
    let (code, text) = human(&["fixtures/newsletter-errors"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("newsletter-errors.human", text);
}

#[test]
fn snapshot_one_file_documents() {
    for f in ["news-en-ar.md", "news-fr-en.md"] {
        let path = format!("fixtures/onefile/{f}");
        let (code, json) = check_json(&[&path]);
        assert_eq!(code, 1, "{f}");
        assert_spans_valid(&json);
        insta::assert_json_snapshot!(format!("onefile-{f}.json"), json);
    }
}

#[test]
fn consistent_documents_are_silent() {
    for p in
        ["fixtures/newsletter-ok", "fixtures/onefile/news-en-fr-ar.md", "fixtures/onefile/news-ar-first.md"]
    {
        let (code, json) = check_json(&[p]);
        assert_eq!(diags(&json), Vec::<serde_json::Value>::new(), "{p}");
        assert_eq!(code, 0, "{p}");
    }
}

#[test]
fn every_rule_fires_on_its_trigger_and_not_on_its_near_miss() {
    let out = oerlint().arg("rules").output().unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = listing.lines().skip(1).filter_map(|l| l.split_whitespace().next()).collect();
    assert!(ids.len() >= 13, "{listing}");
    for id in ids {
        let dir = Path::new("fixtures/rules").join(id);
        assert!(dir.join("trigger").is_dir() && dir.join("silent").is_dir(), "fixtures missing for {id}");
        // `--select all` runs the off-by-default rules too.
        let (_, json) = check_json(&[dir.join("trigger").to_str().unwrap(), "--select", "all"]);
        let d = diags(&json);
        assert!(!of_rule(&d, id).is_empty(), "{id} did not fire on its trigger: {json}");
        assert_spans_valid(&json);
        insta::assert_json_snapshot!(format!("rule-{id}-trigger"), json);
        let (code, json) = check_json(&[dir.join("silent").to_str().unwrap(), "--select", "all"]);
        let d = diags(&json);
        assert!(of_rule(&d, id).is_empty(), "{id} fired on its near-miss: {json}");
        let errors: Vec<_> = d.iter().filter(|x| x["severity"] == "error").collect();
        assert!(errors.is_empty() && code == 0, "near-miss of {id} has errors: {errors:?}");
    }
}

#[test]
fn exit_codes_follow_severity_and_deny() {
    let warn_only = "fixtures/rules/link-placeholder/trigger";
    let (code, json) = check_json(&[warn_only]);
    assert_eq!(code, 0);
    assert!(json["summary"]["warnings"].as_u64().unwrap() > 0);
    let (code, _) = check_json(&[warn_only, "--deny", "warnings"]);
    assert_eq!(code, 1);
    let (code, _) = check_json(&["fixtures/rules/code-mismatch/trigger"]);
    assert_eq!(code, 1);
    let out = oerlint().args(["check", "fixtures/newsletter-ok", "--source", "xx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language `xx`"));
    let out = oerlint().args(["check", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir: no such file or folder"));
}

#[test]
fn broken_inputs_are_named_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = d.join("good");
    std::fs::create_dir_all(&good).unwrap();
    for f in ["en.md", "ar.md"] {
        std::fs::copy(Path::new("fixtures/rules/code-mismatch/trigger").join(f), good.join(f)).unwrap();
    }
    let cases: &[(&str, &[u8], &str)] = &[
        ("bad-utf8", b"# Title\n\nCaf\xe9 au lait.\n", "not valid UTF-8: byte 0xE9 at offset 12"),
        ("empty", b"", "file is empty"),
        ("binary", b"PK\x03\x04\x00\x00binary", "NUL byte at offset 4"),
        ("utf16", b"\xff\xfe#\x00 \x00T\x00\x00\xdc", "not valid UTF-16: unpaired surrogate 0xDC00"),
    ];
    for (name, bytes, _) in cases {
        let g = d.join(name);
        std::fs::create_dir_all(&g).unwrap();
        std::fs::write(g.join("en.md"), "# Title\n\nText with a@b.org.\n").unwrap();
        std::fs::write(g.join("fr.md"), bytes).unwrap();
    }
    let (code, json) = check_json(&[d.to_str().unwrap()]);
    let all = diags(&json);
    let inputs = of_rule(&all, "input-error");
    for (name, _, msg) in cases {
        let hit =
            inputs.iter().find(|x| x["primary"]["path"].as_str().unwrap().contains(&format!("{name}/fr.md")));
        let hit = hit.unwrap_or_else(|| panic!("no input error for {name}: {json}"));
        assert!(hit["message"].as_str().unwrap().contains(msg), "{name}: {}", hit["message"]);
    }
    let bad = inputs.iter().find(|x| x["primary"]["path"].as_str().unwrap().contains("bad-utf8")).unwrap();
    assert_eq!((bad["primary"]["line"].as_u64(), bad["primary"]["column"].as_u64()), (Some(3), Some(4)));
    // The good group is still checked; the input errors win the exit status (the report
    // is incomplete: 2 before 1, docs/reliability.md).
    assert!(!of_rule(&all, "code-mismatch").is_empty());
    assert_eq!(code, 2);
    // Input errors alone exit 2.
    let (code, _) = check_json(&[d.join("empty").to_str().unwrap()]);
    assert_eq!(code, 2);
}

fn fingerprint(v: &serde_json::Value) -> Vec<String> {
    diags(v)
        .iter()
        .map(|x| {
            let p = &x["primary"];
            format!(
                "{} {} {}:{}-{}:{} {}",
                x["rule"], x["message"], p["line"], p["column"], p["end_line"], p["end_column"], p["text"]
            )
        })
        .collect()
}

#[test]
fn crlf_and_bom_keep_spans_right() {
    let dir = tempfile::tempdir().unwrap();
    let (crlf, bom, cr) = (dir.path().join("crlf"), dir.path().join("bom"), dir.path().join("cr"));
    std::fs::create_dir_all(&cr).unwrap();
    std::fs::create_dir_all(&crlf).unwrap();
    std::fs::create_dir_all(&bom).unwrap();
    for f in ["en.md", "fr.md", "ar.md"] {
        let text = std::fs::read_to_string(Path::new("fixtures/newsletter-errors").join(f)).unwrap();
        std::fs::write(crlf.join(f), text.replace('\n', "\r\n")).unwrap();
        std::fs::write(cr.join(f), text.replace('\n', "\r")).unwrap();
        std::fs::write(bom.join(f), format!("\u{feff}{text}")).unwrap();
    }
    let (_, lf_json) = check_json(&["fixtures/newsletter-errors"]);
    let (_, crlf_json) = check_json(&[crlf.to_str().unwrap()]);
    let (_, bom_json) = check_json(&[bom.to_str().unwrap()]);
    assert_spans_valid(&crlf_json);
    assert_spans_valid(&bom_json);
    let (_, cr_json) = check_json(&[cr.to_str().unwrap()]);
    assert_eq!(
        fingerprint(&lf_json),
        fingerprint(&cr_json).iter().map(|s| s.replace("\\r", "\\n")).collect::<Vec<_>>()
    );
    assert!(!fingerprint(&lf_json).is_empty());
    assert_eq!(
        fingerprint(&lf_json),
        fingerprint(&crlf_json).iter().map(|s| s.replace("\\r", "")).collect::<Vec<_>>()
    );
    // A BOM shifts byte offsets by 3 and changes nothing else, not even columns after line 1.
    let starts = |v: &serde_json::Value| {
        diags(v).iter().map(|x| x["primary"]["start"].as_u64().unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(starts(&lf_json).iter().map(|s| s + 3).collect::<Vec<_>>(), starts(&bom_json));
}

#[test]
fn inputs_are_never_modified_and_output_is_deterministic() {
    // Every file under fixtures/ (copied, so that the test owns them): bytes and
    // modification time the same after `check` in every format, `--diff`, and `align`.
    let dir = tempfile::tempdir().unwrap();
    copy_dir("fixtures", &dir.path().join("fixtures"));
    let root = dir.path().join("fixtures");
    let snapshot = || {
        let mut v: Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let m = std::fs::metadata(&p).unwrap().modified().unwrap();
                    v.push((p.clone(), std::fs::read(&p).unwrap(), m));
                }
            }
        }
        v.sort();
        v
    };
    let before = snapshot();
    assert!(before.len() > 50, "{}", before.len());
    let out = dir.path().join("out");
    let r = root.to_str().unwrap();
    let o = out.to_str().unwrap();
    let mut first = None;
    for args in [
        &["check", r, "--format", "json"][..],
        &["check", r, "--format", "json"],
        &["check", r, "--select", "all", "--format", "human"],
        &["check", r, "--format", "sarif", "-o", o],
        &["check", r, "--format", "html", "-o", o],
        &["check", r, "--format", "short"],
        &["check", r, "--format", "github"],
        &["check", r, "--diff"],
        &["align", r, "--blocks"],
    ] {
        let run = oerlint().args(args).output().unwrap();
        assert!(run.status.code().is_some_and(|c| c <= 2), "{args:?}: {run:?}");
        if args.get(3) == Some(&"json") {
            // Checking twice gives byte-identical output.
            match &first {
                None => first = Some(run.stdout),
                Some(f) => assert_eq!(f, &run.stdout),
            }
        }
    }
    assert_eq!(snapshot(), before, "an input changed");
}

#[test]
fn rules_and_explain() {
    let out = oerlint().args(["explain", "code-mismatch"]).output().unwrap();
    assert!(out.status.success());
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.contains("# code-mismatch (error)") && doc.contains("Example"), "{doc}");
    let out = oerlint().args(["explain", "no-such-rule"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = oerlint().arg("rules").output().unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    for id in [
        "section-missing",
        "section-extra",
        "email-mismatch",
        "code-mismatch",
        "link-mismatch",
        "link-placeholder",
        "link-malformed",
    ] {
        assert!(listing.contains(id), "{id} not listed");
    }
}

#[test]
fn a_hook_passing_one_file_gets_only_that_file() {
    let (_, json) = check_json(&["fixtures/newsletter-errors/fr.md"]);
    let d = diags(&json);
    assert!(!d.is_empty());
    assert!(d.iter().all(|x| x["primary"]["path"] == "fixtures/newsletter-errors/fr.md"), "{json}");
    // Related spans still point into the source file.
    assert!(d.iter().any(|x| x["related"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["path"] == "fixtures/newsletter-errors/en.md")));
}

#[test]
fn a_hook_passing_only_the_source_gets_the_findings_it_causes() {
    // Editing the source and forgetting the translations: every finding's primary span is
    // in a translation, related to the source that was passed.
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-ok", &issue);
    let en = issue.join("en.md");
    let text = std::fs::read_to_string(&en).unwrap();
    assert!(text.contains("Tuesday, 14 March 2023"));
    std::fs::write(&en, text.replace("Tuesday, 14 March 2023", "Tuesday, 21 March 2023")).unwrap();
    let (code, json) = check_json(&[en.to_str().unwrap()]);
    let d = diags(&json);
    let dates = of_rule(&d, "date-mismatch");
    assert_eq!(code, 1, "{json}");
    assert!(dates.len() >= 2, "{json}");
    for x in &dates {
        assert!(x["related"].as_array().unwrap().iter().any(|r| r["path"] == en.to_str().unwrap()), "{x}");
    }
}

/// Copies a folder and everything under it.
fn copy_dir(from: impl AsRef<Path>, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn configuration_levels_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-errors", &issue);
    let cfg = dir.path().join("oerlint.toml");
    // A rule turned off is silent; a level changes the severity.
    std::fs::write(&cfg, "[rules]\nlink-placeholder = \"off\"\ncode-mismatch = \"warning\"\n").unwrap();
    let (_, json) = check_json(&[issue.to_str().unwrap()]);
    let d = diags(&json);
    assert!(of_rule(&d, "link-placeholder").is_empty());
    assert!(of_rule(&d, "code-mismatch").iter().all(|x| x["severity"] == "warning"));
    assert!(!of_rule(&d, "code-mismatch").is_empty());
    // An off-by-default rule runs once the configuration turns it on.
    let punct = dir.path().join("punct");
    copy_dir("fixtures/rules/script-punctuation/trigger", &punct);
    let (_, json) = check_json(&[punct.to_str().unwrap()]);
    assert!(of_rule(&diags(&json), "script-punctuation").is_empty());
    std::fs::write(&cfg, "[rules]\nscript-punctuation = \"warning\"\n").unwrap();
    let (_, json) = check_json(&[punct.to_str().unwrap()]);
    let d = diags(&json);
    assert!(!of_rule(&d, "script-punctuation").is_empty());
    assert!(of_rule(&d, "script-punctuation").iter().all(|x| x["severity"] == "warning"));
    // An unknown key: exit 2, a labelled message naming it.
    std::fs::write(&cfg, "source = \"en\"\ncolour = \"red\"\n").unwrap();
    let out = oerlint().args(["check", issue.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown field `colour`") && err.contains("oerlint.toml:2:1"), "{err}");
    // An invalid user regex: exit 2, naming the pattern.
    std::fs::write(&cfg, "[[codes]]\nid = \"x\"\npattern = \"(unclosed\"\n").unwrap();
    let out = oerlint().args(["check", issue.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid regex"));
    // A user code pattern is compared like the built-in ones.
    std::fs::write(&cfg, "[[codes]]\nid = \"osn\"\npattern = '\\bOSN/\\d{4}/\\d+'\n").unwrap();
    let g = dir.path().join("codes");
    std::fs::create_dir_all(&g).unwrap();
    std::fs::write(g.join("en.md"), "# Report\n\nSee report OSN/2023/14 for details.\n").unwrap();
    std::fs::write(g.join("fr.md"), "# Rapport\n\nVoir le rapport OSN/2023/41 pour les détails.\n").unwrap();
    let (_, json) = check_json(&[g.to_str().unwrap()]);
    let d = diags(&json);
    assert_eq!(of_rule(&d, "code-mismatch").len(), 1, "{json}");
    // `oerlint init` writes a configuration that parses.
    let init = dir.path().join("init");
    std::fs::create_dir_all(&init).unwrap();
    assert!(oerlint().args(["init", init.to_str().unwrap()]).output().unwrap().status.success());
    let again = oerlint().args(["init", init.to_str().unwrap()]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    copy_dir("fixtures/newsletter-ok", &init.join("issue"));
    let (code, _) = check_json(&[init.join("issue").to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn suppression_comments() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-errors", &issue);
    let ar = issue.join("ar.md");
    let text = std::fs::read_to_string(&ar).unwrap();
    // Suppress the code slip on its line, and everything about mailto for the file.
    let text =
        text.replacen("وجّهت المديرة", "<!-- oerlint-disable-next-line code-mismatch -->\nوجّهت المديرة", 1);
    let text = format!("<!-- oerlint-disable-file link-malformed -->\n{text}");
    std::fs::write(&ar, text).unwrap();
    let (_, json) = check_json(&[issue.to_str().unwrap()]);
    let d = diags(&json);
    assert!(of_rule(&d, "code-mismatch").is_empty(), "{json}");
    assert!(of_rule(&d, "link-malformed").is_empty());
    assert!(!of_rule(&d, "section-missing").is_empty(), "other findings stay");
    assert!(of_rule(&d, "unused-suppression").is_empty());
}

#[test]
fn fixes_are_certain_atomic_and_keep_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    std::fs::create_dir_all(&issue).unwrap();
    for f in ["en.md", "fr.md", "ar.md"] {
        let text = std::fs::read_to_string(Path::new("fixtures/newsletter-errors").join(f)).unwrap();
        // CRLF and a BOM in the Arabic file: both must survive the fix.
        let text = if f == "ar.md" { format!("\u{feff}{}", text.replace('\n', "\r\n")) } else { text };
        std::fs::write(issue.join(f), text).unwrap();
    }
    let ar = issue.join("ar.md");
    let before = std::fs::read_to_string(&ar).unwrap();
    // --diff shows the fixes and writes nothing.
    let out = oerlint().args(["check", issue.to_str().unwrap(), "--diff"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("-البريد الإلكتروني: [k.haddad@unesco.org](mailto>k.haddad@unesco.org)"), "{diff}");
    assert!(diff.contains("+البريد الإلكتروني: [k.haddad@unesco.org](mailto:k.haddad@unesco.org)"), "{diff}");
    assert_eq!(std::fs::read_to_string(&ar).unwrap(), before);
    // --fix writes exactly those changes: the prefix, the spaces; never the digits.
    let out =
        oerlint().args(["check", issue.to_str().unwrap(), "--fix", "--format", "json"]).output().unwrap();
    let after = std::fs::read_to_string(&ar).unwrap();
    let expected = before.replace("mailto>k.haddad", "mailto:k.haddad").replace("(CL / 4521)", "(CL/4521)");
    assert_eq!(after, expected);
    assert!(after.starts_with('\u{feff}') && after.contains("\r\n"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = diags(&json);
    assert!(of_rule(&d, "link-malformed").is_empty(), "fixed findings are not reported");
    // The digit slip is not a formatting matter: it is still reported.
    assert_eq!(of_rule(&d, "code-mismatch").len(), 1);
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(&issue).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn align_exports_po_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = oerlint()
        .args(["align", "fixtures/newsletter-ok", "--format", "po", "-o", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["fixtures_newsletter-ok.ar.po", "fixtures_newsletter-ok.fr.po"]);
    let po = std::fs::read_to_string(dir.path().join("fixtures_newsletter-ok.fr.po")).unwrap();
    assert!(po.contains("\"Language: fr\\n\""));
    // Every entry has a msgid and a msgstr, and the pairs are the aligned blocks.
    assert_eq!(po.matches("\nmsgid ").count(), po.matches("\nmsgstr ").count());
    assert!(po.matches("\nmsgid ").count() > 20);
    assert!(po.contains("#: fixtures/newsletter-ok/en.md:"));
}

#[test]
fn front_matter_names_the_source_and_quiet_prints_only_findings() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    std::fs::create_dir_all(&g).unwrap();
    // French is the source here: the English text lost the French email.
    std::fs::write(g.join("fr.md"), "---\nsource: fr\n---\n\n# Contact\n\nÉcrivez à a.rahman@unesco.org.\n")
        .unwrap();
    std::fs::write(g.join("en.md"), "# Contact\n\nWrite to us.\n").unwrap();
    let (_, json) = check_json(&[g.to_str().unwrap()]);
    let d = diags(&json);
    let e = of_rule(&d, "email-mismatch");
    assert_eq!(e.len(), 1, "{json}");
    assert_eq!(e[0]["primary"]["lang"], "en");
    assert!(e[0]["message"].as_str().unwrap().contains("French text has"));
    // The command line wins over front matter.
    let (_, json) = check_json(&[g.to_str().unwrap(), "--source", "en"]);
    assert_eq!(of_rule(&diags(&json), "email-mismatch")[0]["primary"]["lang"], "fr");
    // --quiet: the findings, no summary line.
    let out = oerlint().args(["check", g.to_str().unwrap(), "--quiet", "--color", "never"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("email-mismatch") && !text.contains("checked 1 document"), "{text}");
}

/// git's global excludes are honoured, whether named by `core.excludesFile` or in their
/// default place (`discover` skips reading git's configuration only when neither can
/// exist).
#[test]
fn global_git_excludes_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("tree/g");
    std::fs::create_dir_all(&g).unwrap();
    std::fs::write(g.join("fr.md"), "# Contact\n\nÉcrivez à a.rahman@unesco.org.\n").unwrap();
    std::fs::write(g.join("en.md"), "# Contact\n\nWrite to us.\n").unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".config/git")).unwrap();
    let found = |home: &Path| -> usize {
        let out = oerlint()
            .args(["check", dir.path().join("tree").to_str().unwrap(), "--format", "json"])
            .env("HOME", home)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("GIT_CONFIG_GLOBAL")
            .env("GIT_CONFIG_SYSTEM", home.join("no-system-config"))
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        diags(&json).len()
    };
    assert_eq!(found(&home), 1);
    std::fs::write(home.join(".config/git/ignore"), "g/\n").unwrap();
    assert_eq!(found(&home), 0);
    std::fs::remove_file(home.join(".config/git/ignore")).unwrap();
    std::fs::write(home.join("excludes"), "fr.md\n").unwrap();
    std::fs::write(home.join(".gitconfig"), "[core]\n\texcludesFile = ~/excludes\n").unwrap();
    assert_eq!(found(&home), 0);
    std::fs::write(home.join(".gitconfig"), "[user]\n\tname = x\n").unwrap();
    assert_eq!(found(&home), 1);
}
