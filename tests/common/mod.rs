#![allow(dead_code)]
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn oerlint() -> Command {
    Command::cargo_bin("oerlint").expect("binary built")
}

/// Runs `oerlint check ARGS --format json` and returns (exit code, parsed JSON).
pub fn check_json(args: &[&str]) -> (i32, Value) {
    let out = oerlint().arg("check").args(args).args(["--format", "json"]).output().expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap_or(-1), json)
}

pub fn diags(v: &Value) -> Vec<Value> {
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

pub fn of_rule<'a>(d: &'a [Value], rule: &str) -> Vec<&'a Value> {
    d.iter().filter(|x| x["rule"] == rule).collect()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed() -> Option<PathBuf> {
    let p = repo().join("../shared/seed/oer-update-2022-11.md");
    p.exists().then_some(p)
}

/// Every span's text equals the file slice, and line/column agree with the offsets.
pub fn assert_spans_valid(v: &Value) {
    for d in diags(v) {
        let mut spans = vec![d["primary"].clone()];
        spans.extend(d["related"].as_array().cloned().unwrap_or_default());
        for s in spans {
            let path = s["path"].as_str().unwrap();
            if d["rule"] == "input-error" {
                continue;
            }
            let text = std::fs::read_to_string(Path::new(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert!(a <= b && b <= text.len(), "{s}");
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "{s}");
            assert_eq!(&text[a..b], s["text"].as_str().unwrap(), "{s}");
            // Lines end at LF, CRLF or a lone CR.
            let before = text[..a].replace("\r\n", "\n").replace('\r', "\n");
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(
                (line as u64, col as u64),
                (s["line"].as_u64().unwrap(), s["column"].as_u64().unwrap()),
                "{s}"
            );
        }
    }
}
