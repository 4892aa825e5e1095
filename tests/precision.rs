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

#[test]
fn base_urls_make_site_links_exact() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "en.md",
        "# Guide\n\nRead the [install guide](https://site.example/en/docs/install) first.\n\n\
         Then try the [tools](https://elsewhere.example/docs/tools).\n",
    );
    write(
        dir.path(),
        "fr.md",
        "# Guide\n\nLisez d’abord le [guide d’installation](/fr/docs/install).\n\n\
         Puis essayez les [outils](/fr/docs/tools).\n",
    );
    // Without a configuration, path tails decide: both links agree.
    let (_, json) = check_json(&[dir.path().to_str().unwrap()]);
    assert!(of_rule(&diags(&json), "link-mismatch").is_empty(), "{json}");
    // With the site's base URL, the install link is the site's own page (same link) and
    // the tools link goes to another site: not the same as the French site-relative link.
    write(dir.path(), "oerlint.toml", "[links]\nbase_urls = [\"https://site.example/\"]\n");
    let (_, json) = check_json(&[dir.path().to_str().unwrap()]);
    let d = diags(&json);
    let l = of_rule(&d, "link-mismatch");
    assert_eq!(l.len(), 1, "{json}");
    assert!(l[0]["message"].as_str().unwrap().contains("elsewhere.example/docs/tools"), "{json}");
    assert_eq!(l[0]["primary"]["line"], 5, "{json}");
    // A base that is not an absolute URL is a configuration error naming the key.
    write(dir.path(), "oerlint.toml", "[links]\nbase_urls = [\"site.example\"]\n");
    let out = oerlint().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("base_urls") && err.contains("not an absolute URL"), "{err}");
}
