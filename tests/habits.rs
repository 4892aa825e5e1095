//! The habits of ruff, typos and markdownlint users (issue #17): "did you mean" for rule
//! names wherever they are typed, `warn` as a level.

mod common;

use common::*;

fn copy_dir(from: &str, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(repo().join(from)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn did_you_mean_for_rule_names_everywhere() {
    let out = oerlint().args(["explain", "code-mismach"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `code-mismatch`?"));
    let out = oerlint().args(["explain", "zzzz"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("did you mean"), "no far-fetched guess");
    let out = oerlint()
        .args(["check", "fixtures/newsletter-ok", "--select", "date-mismatch,numbr-mismatch"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `number-mismatch`?"));
    let out = oerlint()
        .args(["check", "fixtures/newsletter-ok", "--ignore", "untranslatd"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `untranslated`?"));
    // In the configuration.
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-ok", &issue);
    std::fs::write(dir.path().join("oerlint.toml"), "[rules]\nlink-placehoder = \"off\"\n").unwrap();
    let out = oerlint().args(["check", issue.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `link-placeholder`?"), "{err}");
    // In a suppression comment.
    std::fs::remove_file(dir.path().join("oerlint.toml")).unwrap();
    let fr = issue.join("fr.md");
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, format!("<!-- oerlint-disable-file date-mismach -->\n{text}")).unwrap();
    let (_, v) = check_json(&[issue.to_str().unwrap()]);
    let u = of_rule(&diags(&v), "unused-suppression").into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(u.len(), 1, "{v:#}");
    assert!(
        u[0]["message"].as_str().unwrap().contains("did you mean `date-mismatch`?"),
        "{}",
        u[0]["message"]
    );
}

#[test]
fn warn_is_a_level() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-errors", &issue);
    std::fs::write(dir.path().join("oerlint.toml"), "[rules]\ncode-mismatch = \"warn\"\n").unwrap();
    let (_, v) = check_json(&[issue.to_str().unwrap()]);
    let c = of_rule(&diags(&v), "code-mismatch").into_iter().cloned().collect::<Vec<_>>();
    assert!(!c.is_empty());
    assert!(c.iter().all(|x| x["severity"] == "warning"), "{c:#?}");
    std::fs::write(dir.path().join("oerlint.toml"), "[rules]\ncode-mismatch = \"loud\"\n").unwrap();
    let out = oerlint().args(["check", issue.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning (or warn)"));
}

#[test]
fn rules_documentation_is_current_and_sarif_links_it() {
    let want = oerlint::rules::docs_markdown();
    let path = repo().join("docs/rules.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "docs/rules.md is out of date: UPDATE_DOCS=1 cargo test --test habits");
    for r in oerlint::rules::all() {
        assert!(have.contains(&format!("\n## {}\n", r.id)), "{}", r.id);
    }
}

#[test]
fn fixable_findings_are_marked_and_carry_their_edits() {
    let trigger = repo().join("fixtures/rules/link-malformed/trigger");
    // Human: ruff's [*] on findings --fix repairs.
    let out = oerlint().args(["check", trigger.to_str().unwrap(), "--color", "never"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("error[link-malformed]: [*] ")), "{text}");
    // JSON: the edits, byte ranges into the file.
    let (_, v) = check_json(&[trigger.to_str().unwrap()]);
    let fixed: Vec<_> = diags(&v).into_iter().filter(|d| d.get("fix").is_some()).collect();
    assert!(!fixed.is_empty(), "{v:#}");
    for d in &fixed {
        let e = &d["fix"]["edits"][0];
        let text = std::fs::read_to_string(e["path"].as_str().unwrap()).unwrap();
        let (a, b) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && a <= b);
        assert_eq!(e["replacement"], "mailto:");
        assert_eq!(&text[a..b], "mailto>");
    }
    // SARIF: fixes, and every rule links its documentation.
    let out = oerlint().args(["check", trigger.to_str().unwrap(), "--format", "sarif"]).output().unwrap();
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &s["runs"][0];
    for r in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let uri = r["helpUri"].as_str().unwrap_or_else(|| panic!("{r}"));
        assert!(uri.ends_with(&format!("docs/rules.md#{}", r["id"].as_str().unwrap())), "{uri}");
    }
    let with_fix: Vec<_> =
        run["results"].as_array().unwrap().iter().filter(|r| r.get("fixes").is_some()).collect();
    assert!(!with_fix.is_empty());
    let rep = &with_fix[0]["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(rep["insertedContent"]["text"], "mailto:");
    assert!(rep["deletedRegion"]["byteLength"].as_u64().unwrap() > 0);
}

#[test]
fn right_to_left_values_in_text_messages_are_isolated() {
    let trigger = repo().join("fixtures/rules/time-mismatch/trigger");
    for format in ["human", "short"] {
        let out = oerlint()
            .args(["check", trigger.to_str().unwrap(), "--format", format, "--color", "never"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let line = text.lines().find(|l| l.contains("time differs")).unwrap_or_else(|| panic!("{text}"));
        assert!(line.contains("\u{2068}حتى 11:00 بتوقيت وسط أوروبا\u{2069}"), "{format}: {line:?}");
        assert_eq!(line.matches('\u{2068}').count(), line.matches('\u{2069}').count(), "{line:?}");
    }
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_without_a_path_checks_the_current_folder_and_finds_a_hidden_config() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir("fixtures/newsletter-errors", dir.path());
    let out = oerlint().args(["check", "--format", "json"]).current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!of_rule(&diags(&v), "code-mismatch").is_empty());
    std::fs::write(dir.path().join(".oerlint.toml"), "[rules]\ncode-mismatch = \"off\"\n").unwrap();
    let out = oerlint().args(["check", "--format", "json"]).current_dir(dir.path()).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(of_rule(&diags(&v), "code-mismatch").is_empty(), ".oerlint.toml is read");
}

#[test]
fn colour_follows_no_color_and_force_color() {
    let run = |env: &[(&str, &str)]| {
        let mut c = oerlint();
        c.args(["check", "fixtures/newsletter-errors"]).current_dir(repo());
        for k in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"] {
            c.env_remove(k);
        }
        for (k, v) in env {
            c.env(k, v);
        }
        stdout_of(&c.output().unwrap()).contains('\u{1b}')
    };
    assert!(!run(&[]), "not a terminal: no colour");
    assert!(run(&[("FORCE_COLOR", "1")]));
    assert!(run(&[("CLICOLOR_FORCE", "1")]));
    assert!(!run(&[("CLICOLOR_FORCE", "0")]));
    assert!(!run(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]), "NO_COLOR wins");
    let out = oerlint()
        .args(["check", "fixtures/newsletter-errors", "--color", "never"])
        .env("FORCE_COLOR", "1")
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains('\u{1b}'), "--color never wins");
}

#[test]
fn statistics_exit_zero_and_the_summary_count_fixes() {
    let ex = repo().join("fixtures/newsletter-errors");
    let out = oerlint().args(["check", ex.to_str().unwrap(), "--statistics"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(!text.contains("┌─"), "counts, not findings: {text}");
    let (_, v) = check_json(&[ex.to_str().unwrap()]);
    let all = diags(&v);
    let emails = of_rule(&all, "email-mismatch").len();
    assert!(
        text.lines().any(|l| l.split_whitespace().take(2).collect::<Vec<_>>()
            == [emails.to_string().as_str(), "email-mismatch"]),
        "{text}"
    );
    assert!(text.lines().any(|l| l.contains("link-malformed") && l.contains("[*]")), "{text}");
    let fixable = all.iter().filter(|d| d["fix"]["resolves"] == true).count();
    assert!(fixable > 0);
    assert!(text.contains(&format!("({fixable} fixable with --fix)")), "{text}");
    assert_eq!(v["summary"]["fixable"], fixable);
    let out = oerlint().args(["check", ex.to_str().unwrap(), "--exit-zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = oerlint().args(["check", "/no/such/folder", "--exit-zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "input errors still fail");
}

#[test]
fn rules_as_json_and_in_aligned_columns() {
    let out = oerlint().args(["rules", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert_eq!(rules.len(), oerlint::rules::all().len());
    assert!(rules.iter().all(|r| r["documentation"].as_str().unwrap().contains(r["id"].as_str().unwrap())));
    let out = oerlint().arg("rules").output().unwrap();
    let text = stdout_of(&out);
    let starts: std::collections::BTreeSet<usize> = text
        .lines()
        .map(|l| {
            let id_end = l.find(' ').unwrap();
            id_end + l[id_end..].len() - l[id_end..].trim_start().len()
        })
        .collect();
    assert_eq!(starts.len(), 1, "the level column starts at one place: {text}");
}

#[test]
fn a_report_file_is_announced_and_a_bad_config_prints_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    let ex = repo().join("fixtures/newsletter-errors");
    let out = oerlint()
        .args(["check", ex.to_str().unwrap(), "--format", "json", "-o", report.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrote") && err.contains("r.json") && err.contains("errors"), "{err}");
    // A configuration that cannot be read: the error, and nothing like a clean run.
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-ok", &issue);
    std::fs::write(dir.path().join("oerlint.toml"), "colour = 1\n").unwrap();
    for format in ["human", "json"] {
        let out = oerlint().args(["check", issue.to_str().unwrap(), "--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stdout_of(&out), "", "{format}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("colour"));
    }
    // A source language no file has: named on the document, not on one of its files.
    std::fs::remove_file(dir.path().join("oerlint.toml")).unwrap();
    let out = oerlint().args(["check", issue.to_str().unwrap(), "--source", "de"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = stdout_of(&out);
    assert!(text.contains("no German version"), "{text}");
    assert!(!text.contains("ar.md") && !text.contains("en.md"), "{text}");
}

#[test]
fn every_argument_has_a_description() {
    for sub in ["check", "align", "blocks", "rules", "init", "explain"] {
        let out = oerlint().args([sub, "-h"]).output().unwrap();
        let text = stdout_of(&out);
        for line in text.lines().filter(|l| {
            let t = l.trim_start();
            l.starts_with("  ") && (t.starts_with('-') || t.starts_with('<') || t.starts_with('['))
        }) {
            let t = line.trim();
            assert!(t.contains("  "), "`oerlint {sub}`: no description for `{t}`");
        }
    }
}

#[test]
fn report_columns_follow_the_source_then_the_configured_or_natural_order() {
    let cols = |dir: &std::path::Path| {
        let out = oerlint().args(["check", dir.to_str().unwrap(), "--format", "html"]).output().unwrap();
        let html = stdout_of(&out);
        let mut found = Vec::new();
        for part in html.split("<th scope=\"col\" data-col=\"").skip(1) {
            found.push(part.split('"').next().unwrap().to_string());
        }
        found
    };
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-ok", &issue);
    assert_eq!(cols(&issue), vec!["en", "fr", "ar"], "left-to-right languages first, then right-to-left");
    std::fs::write(dir.path().join("oerlint.toml"), "languages = [\"en\", \"ar\", \"fr\"]\n").unwrap();
    assert_eq!(cols(&issue), vec!["en", "ar", "fr"], "the configured order");
}

/// Standard output is written group by group while the rest is checked; a report file is
/// written whole: the bytes must be the same.
#[test]
fn streamed_output_is_the_same_as_the_report_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report");
    for path in ["fixtures", "fixtures/newsletter-errors", "fixtures/rules/link-malformed/silent"] {
        for format in ["json", "short", "github", "human"] {
            let live = oerlint()
                .args(["check", path, "--format", format, "--color", "never"])
                .current_dir(repo())
                .output()
                .unwrap();
            let out = oerlint()
                .args(["check", path, "--format", format, "-o", file.to_str().unwrap()])
                .current_dir(repo())
                .output()
                .unwrap();
            assert_eq!(live.status.code(), out.status.code(), "{path} {format}");
            let written = std::fs::read(&file).unwrap();
            assert!(live.stdout == written, "{path} {format}: streamed output differs from the report file");
        }
    }
}

#[test]
fn a_bad_regex_in_the_config_shows_the_regex_message_as_notes() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    copy_dir("fixtures/newsletter-ok", &issue);
    std::fs::write(dir.path().join("oerlint.toml"), "[[codes]]\nid = \"bad\"\npattern = \"CL/(\\\\d+\"\n")
        .unwrap();
    let out = oerlint().args(["check", issue.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let label = err.lines().find(|l| l.contains("^^^")).unwrap_or_else(|| panic!("{err}"));
    assert!(label.contains("invalid regex") && !label.contains("unclosed"), "{err}");
    assert!(err.lines().any(|l| l.trim_start().starts_with("= error: unclosed group")), "{err}");
}
