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
