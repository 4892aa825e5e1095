//! Precision on real translations (#14): behaviours that need a whole document built on
//! the fly rather than a fixture folder.

mod common;
use common::*;

fn write(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_version_left_in_the_source_language_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut en = String::from("# Security\n\n");
    for i in 0..12 {
        en.push_str(&format!(
            "Paragraph {i}: keep your dependencies up to date and review every change before merging it.\n\n"
        ));
    }
    write(dir.path(), "en.md", &en);
    write(dir.path(), "fr.md", &en.replace("# Security", "# Sécurité"));
    let (_, json) = check_json(&[dir.path().to_str().unwrap()]);
    let d = diags(&json);
    let u = of_rule(&d, "untranslated");
    assert_eq!(u.len(), 1, "{json}");
    assert!(u[0]["message"].as_str().unwrap().contains("12 of its 13 blocks"), "{json}");
}
