//! Collects each rule file's `//!` doc comment into a table that `oerlint explain` prints.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut entries: Vec<(String, String)> = Vec::new();
    for e in std::fs::read_dir(dir).expect("src/rules exists") {
        let path = e.expect("dir entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        if path.extension().and_then(|x| x.to_str()) != Some("rs") || name == "mod" || name == "dates" {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("rule file is UTF-8");
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").strip_prefix(' ').unwrap_or(l.trim_start_matches("//!")))
            .collect();
        entries.push((name.replace('_', "-"), doc.join("\n")));
    }
    entries.sort();
    let mut out = String::from("/// The doc comment of a rule's file, by rule id.\npub fn rule_doc(id: &str) -> Option<&'static str> {\n    match id {\n");
    for (id, doc) in entries {
        writeln!(out, "        {id:?} => Some({doc:?}),").unwrap();
    }
    out.push_str("        _ => None,\n    }\n}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("rule_docs.rs");
    std::fs::write(dest, out).expect("write rule docs");
}
