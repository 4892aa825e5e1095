//! Reliability (issue #7), through the binary: hostile structure finishes quickly without
//! crashing, broken inputs are reported with a message that says what is wrong, and
//! every input kept in tests/regressions/ (inputs that once crashed or hung) still runs.
//!
//! The hostile cases run in a debug build within a generous timeout (60 s); the time
//! each took is printed (`cargo test --test reliability -- --nocapture`).

mod common;
use common::{diags, oerlint, of_rule, repo};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

/// Every span's text is the file's slice, on char boundaries, with the right line and
/// column (lines end at LF, CRLF or a lone CR, as src/source.rs has it; the shared
/// `assert_spans_valid` counts LF only).
fn spans_valid(v: &Value) {
    let mut files: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for d in diags(v) {
        if d["rule"] == "input-error" {
            continue;
        }
        let mut spans = vec![d["primary"].clone()];
        spans.extend(d["related"].as_array().cloned().unwrap_or_default());
        for s in spans {
            let path = s["path"].as_str().unwrap();
            let text = files.entry(path.to_string()).or_insert_with(|| file_text(Path::new(path)));
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert!(a <= b && b <= text.len(), "{s}");
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "{s}");
            assert_eq!(&text[a..b], s["text"].as_str().unwrap(), "{s}");
            let bytes = text.as_bytes();
            let (mut line, mut start) = (1, 0);
            for i in 0..a {
                if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    line += 1;
                    start = i + 1;
                }
            }
            let col = text[start..a].chars().count() + 1;
            let got = (s["line"].as_u64().unwrap() as usize, s["column"].as_u64().unwrap() as usize);
            assert_eq!((line, col), got, "{s}");
        }
    }
}

/// A file's text as oerlint reads it: UTF-8 as it is, UTF-16 with a byte order mark
/// decoded (spans of UTF-16 files are offsets into the decoded text), invalid UTF-8 bytes
/// as U+001A (`--encoding lossy`).
fn file_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
            .collect();
        format!("\u{feff}{}", String::from_utf16(&units).unwrap())
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => utf16(true),
        Some([0xFE, 0xFF]) => utf16(false),
        _ if std::str::from_utf8(&bytes).is_ok() => String::from_utf8(bytes).unwrap(),
        _ => bytes
            .utf8_chunks()
            .flat_map(|c| c.valid().chars().chain(std::iter::repeat_n('\u{1A}', c.invalid().len())))
            .collect(),
    }
}

/// Runs `oerlint check PATHS --format json` with the timeout; the process must exit
/// normally (0, 1 or 2, no signal) and print valid JSON whose spans are right.
fn check_timed(name: &str, paths: &[&Path], extra: &[&str]) -> (i32, Value, String) {
    let started = Instant::now();
    let out = oerlint()
        .arg("check")
        .args(paths)
        .args(["--format", "json"])
        .args(extra)
        .timeout(TIMEOUT)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let took = started.elapsed();
    eprintln!("{name}: {:.2} s", took.as_secs_f64());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code =
        out.status.code().unwrap_or_else(|| panic!("{name}: killed ({:?}); stderr: {stderr}", out.status));
    assert!((0..=2).contains(&code), "{name}: exit {code}; stderr: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: invalid JSON ({e}); stderr: {stderr}"));
    spans_valid(&json);
    (code, json, stderr)
}

/// Writes `files` into a fresh folder and checks it.
fn hostile(name: &str, files: &[(&str, String)]) -> (i32, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    for (f, text) in files {
        std::fs::write(dir.path().join(f), text).unwrap();
    }
    check_timed(name, &[dir.path()], &[])
}

fn both(text: String) -> Vec<(&'static str, String)> {
    vec![("en.md", text.clone()), ("fr.md", text)]
}

// ---------------------------------------------------------------- hostile structure

#[test]
fn deep_block_quotes() {
    let text = format!("# T\n\n{}deep CL/4398 a@b.org\n", "> ".repeat(20_000));
    hostile("20,000-deep block quotes", &both(text));
    // One more quote level per line, 2,000 lines (2 MB).
    let mut text = String::from("# T\n\n");
    for i in 1..=2_000 {
        text.push_str(&">".repeat(i));
        text.push_str(" x\n");
    }
    hostile("growing block quotes", &both(text));
}

#[test]
fn deep_lists() {
    let text = format!("# T\n\n{}deep CL/4398\n", "- ".repeat(20_000));
    hostile("20,000-deep nested lists (one line)", &both(text));
    let text = format!("# T\n\n{}deep\n", "1. ".repeat(20_000));
    hostile("20,000-deep ordered lists", &both(text));
    // Nested by indentation: 2,000 levels (20,000 would be 400 MB of indentation).
    let mut text = String::from("# T\n\n");
    for i in 0..2_000 {
        text.push_str(&"  ".repeat(i));
        text.push_str("- item a@b.org\n");
    }
    hostile("2,000-deep indented lists", &both(text));
    // Alternating quotes and lists.
    let text = format!("# T\n\n{}x\n", "> - ".repeat(10_000));
    hostile("20,000 alternating quotes and lists", &both(text));
}

#[test]
fn unmatched_brackets() {
    for (name, unit) in [
        ("[", "["),
        ("(", "("),
        ("[[[[(((", "[[[[((("),
        ("](", "]("),
        ("![", "!["),
        ("<", "<"),
        ("`", "`"),
        ("*a", "*a"),
        ("_a*", "_a*"),
        ("[a](", "[a]("),
        ("\\u{202B}", "\u{202B}"),
        ("<!--", "<!--"),
        ("&#", "&#"),
    ] {
        let n = 50_000 / unit.chars().count();
        let text = format!("# T\n\nSee CL/4398 {}\n\n## U\n\nmore\n", unit.repeat(n));
        hostile(&format!("50,000 unmatched `{name}`"), &both(text));
    }
}

#[test]
fn long_runs_of_what_dates_and_times_are_made_of() {
    // Runs of month names, of numbers with separators, of spaces after a digit, of French
    // day ranges and hours: what the date, time and number readers try at every position.
    // Each finishes (the readers' search is linear in the text, whatever engine runs it).
    let runs = [
        ("month names", "March ".repeat(20_000)),
        ("spaces after a digit", format!("1{}", " ".repeat(5_000)).repeat(20)),
        ("numbers and colons", "12:".repeat(30_000)),
        ("day ranges", "du 1er au ".repeat(10_000)),
        ("hours", "de 9 heures à ".repeat(8_000)),
        ("dates and dashes", "12 March 2022 - 13 ".repeat(5_000)),
        ("Arabic day words", "الخامس من ".repeat(10_000)),
    ];
    for (name, text) in runs {
        let text = format!("# T\n\n{text}\n");
        let files = vec![("en.md", text.clone()), ("fr.md", text.clone()), ("ar.md", text)];
        hostile(&format!("a long run of {name}"), &files);
    }
}

#[test]
fn a_run_of_one_control_is_one_finding() {
    // 50,000 unclosed U+202B in a row were 50,000 findings per file (112 MiB, and 31 s in
    // SARIF, which hashed the whole line for each): one finding for the run now, its span
    // the whole run and its fix removing it.
    let dir = tempfile::tempdir().unwrap();
    let text = format!("# T\n\nSee CL/4398 {}\n\n## U\n\nmore\n", "\u{202B}".repeat(50_000));
    for lang in ["en", "fr"] {
        std::fs::write(dir.path().join(format!("{lang}.md")), &text).unwrap();
    }
    let out =
        oerlint().args(["check", "--format", "json"]).arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = diags(&json);
    let found = of_rule(&all, "bidi-control");
    assert_eq!(found.len(), 2, "{}", json["summary"]);
    for d in found {
        assert_eq!(d["primary"]["end"].as_u64().unwrap() - d["primary"]["start"].as_u64().unwrap(), 150_000);
        assert_eq!(d["found"], "50000 × U+202B");
    }
    // Separated controls stay one finding each, numbered apart in SARIF.
    let text = format!("# T\n\nSee CL/4398 {}\n", "\u{202B} x ".repeat(2_000));
    std::fs::write(dir.path().join("fr.md"), &text).unwrap();
    std::fs::write(dir.path().join("en.md"), "# T\n\nSee CL/4398\n").unwrap();
    let out =
        oerlint().args(["check", "--format", "sarif"]).arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let prints: std::collections::HashSet<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "bidi-control")
        .map(|r| r["partialFingerprints"]["primaryLocationLineHash"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(prints.len(), 2_000);
}

#[test]
fn twenty_thousand_different_numbers_in_one_paragraph() {
    // Matching anchors inside one aligned block pair was O(n·m): 10 s in a release build,
    // over the timeout in a debug one (issue #13). Run without the span check of
    // `check_timed`, whose own line counting is quadratic on a one-line paragraph.
    let run = |name: &str, en: String, fr: String| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("en.md"), en).unwrap();
        std::fs::write(dir.path().join("fr.md"), fr).unwrap();
        let started = Instant::now();
        let out =
            oerlint().args(["check", "--format", "json"]).arg(dir.path()).timeout(TIMEOUT).output().unwrap();
        println!("{name}: {:.2?}", started.elapsed());
        let code = out.status.code().unwrap_or_else(|| panic!("{name}: killed ({:?})", out.status));
        (code, serde_json::from_slice::<Value>(&out.stdout).unwrap())
    };
    let en: Vec<String> = (0..20_000).map(|i| (100_000 + i * 7).to_string()).collect();
    let fr: Vec<String> = (0..20_000).map(|i| (500_000 + i * 13).to_string()).collect();
    let (code, json) = run(
        "20,000 different numbers a side",
        format!("# T\n\n{}\n", en.join(" ")),
        format!("# T\n\n{}\n", fr.join(" ")),
    );
    assert_eq!(code, 1);
    // Each number is paired with the one at its place: one change each, nothing missing.
    assert_eq!(of_rule(&diags(&json), "number-mismatch").len(), 20_000, "{}", json["summary"]);
    // The same 124,000 numbers on both sides (870 KB a file): no finding.
    let same = format!("# T\n\n{}\n", vec!["123456"; 124_000].join(" "));
    let (code, json) = run("124,000 identical numbers", same.clone(), same);
    assert_eq!(code, 0, "{}", json["summary"]);
}

#[test]
fn a_two_megabyte_line() {
    let unit = "The Member States are invited to send their comments on the draft report. ";
    let mut line = unit.repeat(2_000_000 / unit.len());
    line.push_str(" CL/4398 a@b.org 12 March 2022 https://a.org/en/x");
    hostile("2 MB single line of prose", &both(format!("# T\n\n{line}\n")));
    // Dense anchors (one every 10 bytes) over 200 KB: about 20,000 anchors in one block.
    let unit = "Member States CL/4398 a@b.org 12 March 2022 https://a.org/en/x 1,234 ";
    let line = unit.repeat(200_000 / unit.len());
    hostile("200 KB single line of anchors", &both(format!("# T\n\n{line}\n")));
    let unit = "الدول الأعضاء ١٢ مارس ٢٠٢٢ ";
    let line = unit.repeat(2_000_000 / unit.len());
    hostile(
        "2 MB single Arabic line",
        &[("en.md", "# T\n\nx\n".into()), ("ar.md", format!("# T\n\n{line}\n"))],
    );
    hostile("2 MB of one letter", &both("a".repeat(2_000_000)));
}

fn sections(n: usize, body: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str("## H\n\n");
        s.push_str(&body(i));
        s.push_str("\n\n");
    }
    s
}

#[test]
fn ten_thousand_sections() {
    let text = sections(10_000, |_| "Text.".into());
    let (code, json, _) = hostile("10,000 identical sections each side", &both(text));
    assert_eq!(code, 0, "{json}");
    // A dropped section and different bodies: the alignment still finishes.
    let en = sections(10_000, |i| format!("Section {i} with CL/{:04}.", i % 9000 + 1000));
    let fr = sections(9_990, |i| format!("Section {i} avec CL/{:04}.", i % 9000 + 1000));
    hostile("10,000 and 9,990 sections", &[("en.md", en), ("fr.md", fr)]);
    // Very different numbers of sections.
    let en = sections(10_000, |i| format!("S {i}."));
    let fr = sections(300, |i| format!("S {i}."));
    hostile("10,000 and 300 sections", &[("en.md", en), ("fr.md", fr)]);
}

#[test]
fn a_translation_with_nothing_in_common() {
    let en = sections(200, |i| format!("English text CL/{} and e{i}@x.org.", 1000 + i));
    let fr: String = (0..150).map(|i| format!("# Titre {i}\n\n- liste {}\n\n", 5000 + i)).collect();
    let (code, json, _) = hostile("no section in common", &[("en.md", en), ("fr.md", fr)]);
    assert_eq!(code, 1);
    assert!(
        !of_rule(&diags(&json), "email-mismatch").is_empty()
            || !of_rule(&diags(&json), "section-missing").is_empty()
    );
}

// ---------------------------------------------------------------- broken inputs

/// A group with a good `en.md` and the given `fr.md`; returns the input error's message
/// and primary span.
fn input_error(name: &str, bytes: &[u8]) -> (String, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# Title\n\nText with a@b.org.\n").unwrap();
    std::fs::write(dir.path().join("fr.md"), bytes).unwrap();
    let (code, json, _) = check_timed(name, &[dir.path()], &[]);
    assert_eq!(code, 2, "{name}: {json}");
    let d = diags(&json);
    let e = of_rule(&d, "input-error");
    assert_eq!(e.len(), 1, "{name}: {json}");
    assert!(e[0]["primary"]["path"].as_str().unwrap().ends_with("fr.md"), "{name}");
    (e[0]["message"].as_str().unwrap().to_string(), e[0]["primary"].clone())
}

#[test]
fn invalid_utf8_names_the_byte_and_its_offset() {
    for (bytes, want, line, col) in [
        (&b"# T\n\nabc\xe2\x82"[..], "byte 0xE2 at offset 8", 3, 4),
        (b"# T\n\n\xc3\xa9\xc3(", "byte 0xC3 at offset 7", 3, 2),
        (b"\xc0\xaf", "byte 0xC0 at offset 0", 1, 1),
        (b"# T\n\nsurrogate \xed\xa0\x80 here", "byte 0xED at offset 15", 3, 11),
        (b"\xef\xbb\xbf# T\n\n\xff", "byte 0xFF at offset 8", 3, 1),
    ] {
        let (msg, span) = input_error("invalid UTF-8", bytes);
        assert!(msg.contains("not valid UTF-8") && msg.contains(want), "{msg}");
        assert_eq!(
            (span["line"].as_u64(), span["column"].as_u64()),
            (Some(line), Some(col)),
            "{msg}: {span}"
        );
    }
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    // The same finding, at the same line and column, as in the UTF-8 copy; a fix is
    // written back as UTF-16 with its byte order mark.
    let en = "# Title\r\n\r\nWrite to a@b.org ([write](mailto:a@b.org)) on 12 March 2022.\r\n";
    let fr = "# Titre\r\n\r\nÉcrivez à c@b.org ([écrire](mailto>a@b.org)) le 13 mars 2022.\r\n";
    let findings = |fr_bytes: Vec<u8>| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("en.md"), en).unwrap();
        std::fs::write(dir.path().join("fr.md"), &fr_bytes).unwrap();
        let (code, json, _) = check_timed("UTF-16", &[dir.path()], &[]);
        assert_eq!(code, 1, "{json}");
        let mut got: Vec<(String, u64, u64, String)> = diags(&json)
            .iter()
            .filter(|d| d["primary"]["path"].as_str().unwrap().ends_with("fr.md"))
            .map(|d| {
                let p = &d["primary"];
                (
                    d["rule"].as_str().unwrap().to_string(),
                    p["line"].as_u64().unwrap(),
                    p["column"].as_u64().unwrap(),
                    p["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.sort();
        (got, dir)
    };
    let (utf8, _) = findings(fr.as_bytes().to_vec());
    assert!(utf8.iter().any(|f| f.0 == "email-mismatch") && utf8.iter().any(|f| f.0 == "date-mismatch"));
    for le in [true, false] {
        let mut bytes: Vec<u8> = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        bytes.extend(fr.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }));
        let (got, dir) = findings(bytes);
        assert_eq!(got, utf8, "UTF-16 {}", if le { "LE" } else { "BE" });
        // --fix rewrites `mailto>` and keeps the encoding.
        let out = oerlint().args(["check", "--fix"]).arg(dir.path()).timeout(TIMEOUT).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stderr).contains("fixed"), "{out:?}");
        let written = std::fs::read(dir.path().join("fr.md")).unwrap();
        assert_eq!(&written[..2], if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        assert_eq!(
            file_text(&dir.path().join("fr.md")),
            format!("\u{feff}{}", fr.replace("mailto>", "mailto:"))
        );
    }
    // Without a byte order mark, UTF-16 has NUL bytes: it is binary to oerlint.
    let bare: Vec<u8> = "# T\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (msg, _) = input_error("UTF-16 without a BOM", &bare);
    assert!(msg.contains("NUL byte at offset 1"), "{msg}");
    // An unpaired surrogate is named.
    let mut bad = vec![0xFF, 0xFE];
    bad.extend([0x23, 0x00, 0x00, 0xD8, 0x41, 0x00]);
    let (msg, _) = input_error("UTF-16 unpaired surrogate", &bad);
    assert!(msg.contains("not valid UTF-16: unpaired surrogate 0xD800"), "{msg}");
}

#[test]
fn encoding_lossy_checks_invalid_utf8_anyway() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# Title\n\nWrite to a@b.org on 12 March 2022.\n").unwrap();
    let fr = b"# Titre\n\n\xc9crivez \xe0 c@b.org le 13 mars 2022.\n";
    std::fs::write(dir.path().join("fr.md"), fr).unwrap();
    let before = std::fs::read(dir.path().join("fr.md")).unwrap();
    // Without it: an error naming the byte, and the option.
    let (code, json, _) = check_timed("latin-1", &[dir.path()], &[]);
    assert_eq!(code, 2);
    let e = of_rule(&diags(&json), "input-error")[0].clone();
    assert!(e["message"].as_str().unwrap().contains("--encoding lossy"), "{e}");
    // With it: a warning naming the bytes, and the findings at the file's offsets.
    for how in [&["--encoding", "lossy"][..], &["--config", "LOSSY"][..]] {
        let cfg = dir.path().join("lossy.toml");
        std::fs::write(&cfg, "[input]\nencoding = \"lossy\"\n").unwrap();
        let args: Vec<&str> =
            how.iter().map(|a| if *a == "LOSSY" { cfg.to_str().unwrap() } else { a }).collect();
        let (code, json, _) = check_timed("latin-1 lossy", &[dir.path()], &args);
        assert_eq!(code, 1, "{json}");
        let d = diags(&json);
        let w = of_rule(&d, "input-error");
        assert_eq!(w.len(), 1, "{json}");
        assert_eq!(w[0]["severity"], "warning");
        let msg = w[0]["message"].as_str().unwrap();
        assert!(msg.contains("2 invalid bytes (the first at offset 9)"), "{msg}");
        let e = &of_rule(&d, "email-mismatch")[0]["primary"];
        assert_eq!(e["start"].as_u64(), Some(19), "{e}");
        assert_eq!(e["text"], "c@b.org");
        assert_eq!(of_rule(&d, "date-mismatch").len(), 1, "{json}");
    }
    // --fix does not write a file read lossily.
    std::fs::write(dir.path().join("fr.md"), b"# Titre\n\n\xe0 c@b.org ([c](mailto>c@b.org)).\n").unwrap();
    let before_fix = std::fs::read(dir.path().join("fr.md")).unwrap();
    let out = oerlint()
        .args(["check", "--fix", "--encoding", "lossy"])
        .arg(dir.path())
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot fix") && err.contains("not valid UTF-8"), "{err}");
    assert_eq!(std::fs::read(dir.path().join("fr.md")).unwrap(), before_fix);
    assert_ne!(before, before_fix);
}

#[test]
fn files_over_the_size_limit_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# Title\n\nWrite to a@b.org.\n").unwrap();
    std::fs::write(dir.path().join("fr.md"), "# Titre\n\nÉcrivez à c@b.org.\n").unwrap();
    // The limit from the command line: fr.md (30 bytes) is skipped, with a note naming
    // it; en.md (27 bytes) is read; no error.
    let (code, json, _) = check_timed("size limit", &[dir.path()], &["--max-file-size", "28"]);
    assert_eq!(code, 0, "{json}");
    let d = diags(&json);
    let n = of_rule(&d, "input-error");
    assert_eq!(n.len(), 1, "{json}");
    assert_eq!(n[0]["severity"], "note");
    let m = n[0]["message"].as_str().unwrap();
    assert!(m.contains("fr.md: skipped: the file is 30 bytes, over the limit of 28 bytes"), "{m}");
    // From the configuration; the command line wins over it.
    std::fs::write(dir.path().join("oerlint.toml"), "[input]\nmax_file_size = 29\n").unwrap();
    let (code, json, _) = check_timed("size limit (config)", &[dir.path()], &[]);
    assert_eq!(code, 0);
    let m = of_rule(&diags(&json), "input-error")[0]["message"].as_str().unwrap().to_string();
    assert!(m.contains("limit of 29 bytes"), "{m}");
    let (code, json, _) = check_timed("size limit (both)", &[dir.path()], &["--max-file-size", "1000"]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(of_rule(&diags(&json), "email-mismatch").len(), 1);
    // A bad value is named.
    std::fs::write(dir.path().join("oerlint.toml"), "[input]\nmax_file_size = -4\n").unwrap();
    let out = oerlint().arg("check").arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("max_file_size: give a number of bytes above 0"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_loops_and_broken_links() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("a/sub")).unwrap();
    std::fs::write(d.join("a/en.md"), "# Title\n\nWrite to a@b.org.\n").unwrap();
    std::fs::write(d.join("a/fr.md"), "# Titre\n\nÉcrivez à c@b.org.\n").unwrap();
    symlink("../..", d.join("a/sub/loop")).unwrap();
    symlink("../a", d.join("a/sub/back")).unwrap();
    std::fs::create_dir_all(d.join("b")).unwrap();
    std::fs::write(d.join("b/en.md"), "# Title\n\nWrite to a@b.org.\n").unwrap();
    symlink("../a/fr.md", d.join("b/fr.md")).unwrap();
    symlink("missing.md", d.join("b/ar.md")).unwrap();
    for follow in [false, true] {
        let extra: &[&str] = if follow { &["--follow"] } else { &[] };
        let (code, json, stderr) = check_timed("symbolic links", &[d], extra);
        // The broken link is an input error: it wins the exit status over the findings.
        assert_eq!(code, 2, "{json}");
        let diags = diags(&json);
        // The link to a file is read; the broken link is named, with its target.
        let broken = of_rule(&diags, "input-error");
        assert_eq!(broken.len(), 1, "{json}");
        let m = broken[0]["message"].as_str().unwrap();
        assert!(m.contains("b/ar.md") && m.contains("broken symbolic link to missing.md"), "{m}");
        let emails = of_rule(&diags, "email-mismatch");
        let in_b = emails.iter().filter(|e| e["primary"]["path"].as_str().unwrap().contains("/b/")).count();
        assert_eq!(in_b, 1, "{json}");
        if follow {
            // The loops are reported, not walked forever.
            assert!(stderr.contains("a symbolic-link loop"), "{stderr}");
        } else {
            assert!(stderr.contains("a symbolic link to a folder; not followed (pass --follow"), "{stderr}");
        }
    }
}

#[test]
fn nul_bytes_and_binary_files() {
    let (msg, span) = input_error("NUL", b"# T\n\ntext\0more");
    assert!(msg.contains("NUL byte at offset 9"), "{msg}");
    assert_eq!((span["line"].as_u64(), span["column"].as_u64()), (Some(3), Some(5)), "{span}");
    let (msg, _) = input_error("PNG", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(msg.contains("NUL byte at offset 8"), "{msg}");
    let (msg, _) = input_error("high bytes", b"\x89PNG\xff\xfe\xfd");
    assert!(msg.contains("not valid UTF-8: byte 0x89 at offset 0"), "{msg}");
    // Invalid bytes before a NUL: each counts as one column (needs the fix of
    // source.rs in rel-fixes.patch; it crashed on a char boundary before).
    let (msg, span) = input_error("NUL after invalid bytes", b"# T\n\n\xe9\xe9 x\0");
    assert!(msg.contains("NUL byte at offset 9"), "{msg}");
    assert_eq!((span["line"].as_u64(), span["column"].as_u64()), (Some(3), Some(5)), "{span}");
    let (msg, _) = input_error("ELF", b"\x7fELF\x02\x01\x01\0\0\0");
    assert!(msg.contains("NUL byte at offset 7"), "{msg}");
}

#[test]
fn empty_and_blank_files() {
    for (bytes, want) in [
        (&b""[..], "file is empty"),
        (b"\n\n  \t\n", "file is empty (only white space)"),
        (b"\xef\xbb\xbf", "file is empty (only white space)"),
        (b"\xef\xbb\xbf\r\n\r", "file is empty (only white space)"),
    ] {
        let (msg, _) = input_error("empty", bytes);
        assert!(msg.contains(want), "{msg}");
    }
}

#[test]
fn bom_crlf_and_lone_cr_are_read_as_text() {
    // The same finding at the same line and column whatever the line endings, and
    // offsets count the BOM.
    let en = "# Title\n\nWrite to a@b.org today.\n";
    let fr = "# Titre\n\nÉcrivez à c@b.org aujourd'hui.\n";
    let mut seen = Vec::new();
    for (bom, eol) in [("", "\n"), ("\u{feff}", "\n"), ("", "\r\n"), ("\u{feff}", "\r\n"), ("", "\r")] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("en.md"), en).unwrap();
        std::fs::write(dir.path().join("fr.md"), format!("{bom}{}", fr.replace('\n', eol))).unwrap();
        let (code, json, _) = check_timed("line endings", &[dir.path()], &[]);
        assert_eq!(code, 1);
        let d = diags(&json);
        let e = of_rule(&d, "email-mismatch");
        assert_eq!(e.len(), 1, "{json}");
        let p = &e[0]["primary"];
        assert_eq!(p["text"], "c@b.org");
        let start = p["start"].as_u64().unwrap() as usize;
        let eol_bytes = if eol == "\r\n" { 2 } else { 0 };
        assert_eq!(start, bom.len() + "# Titre\n\nÉcrivez à ".len() + eol_bytes, "{bom:?} {eol:?}");
        seen.push((p["line"].clone(), p["column"].clone()));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    // Mixed line endings in one file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), en).unwrap();
    std::fs::write(dir.path().join("fr.md"), "# Titre\r\n\rÉcrivez à c@b.org aujourd'hui.\n").unwrap();
    let (_, json, _) = check_timed("mixed line endings", &[dir.path()], &[]);
    let d = diags(&json);
    let p = &of_rule(&d, "email-mismatch")[0]["primary"];
    assert_eq!((p["line"].as_u64(), p["column"].as_u64()), (Some(3), Some(11)), "{p}");
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# T\n\nText a@b.org.\n").unwrap();
    let fr = dir.path().join("fr.md");
    std::fs::write(&fr, "# T\n\nTexte a@b.org.\n").unwrap();
    std::fs::set_permissions(&fr, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&fr).is_ok() {
        eprintln!("unreadable_files_are_named: skipped, chmod 000 does not stop this user (root) reading");
        return;
    }
    let (code, json, _) = check_timed("unreadable", &[dir.path()], &[]);
    assert_eq!(code, 2);
    let d = diags(&json);
    let e = of_rule(&d, "input-error");
    assert!(e[0]["message"].as_str().unwrap().contains("cannot read"), "{json}");
}

#[test]
fn no_language_files_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    std::fs::write(dir.path().join("readme.rst"), "Title\n=====\n").unwrap();
    let out = oerlint().arg("check").arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no documents found"), "{err}");
    // An untagged Markdown file in one language: a note that there is nothing to compare.
    // (A short one may be identified as no language at all: "only one language (none)".)
    std::fs::write(dir.path().join("README.md"), "# Title\n\nOnly English text here, for the readers.\n")
        .unwrap();
    let out = oerlint().arg("check").arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("README.md: ") && err.contains("nothing to"), "{err}");
}

#[test]
fn two_files_for_one_language() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["en.md", "en.markdown", "fr.md"] {
        std::fs::write(dir.path().join(f), "# T\n\nText a@b.org.\n").unwrap();
    }
    let (code, json, _) = check_timed("two English files", &[dir.path()], &[]);
    assert_eq!(code, 2);
    let d = diags(&json);
    let e = of_rule(&d, "input-error");
    assert_eq!(e.len(), 1, "{json}");
    let msg = e[0]["message"].as_str().unwrap();
    assert!(msg.contains("two English versions") && msg.contains("keep one file per language"), "{msg}");
}

#[test]
fn an_unknown_language_suffix_is_a_document_of_its_own() {
    // `news.xx.md`: `xx` is no language, so the file is an untagged document, split by
    // language identification; its siblings are checked as usual.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.en.md"), "# T\n\nText a@b.org.\n").unwrap();
    std::fs::write(dir.path().join("news.fr.md"), "# T\n\nTexte c@b.org.\n").unwrap();
    std::fs::write(dir.path().join("news.xx.md"), "# T\n\nThe text of the news, in English.\n").unwrap();
    let out = oerlint().arg("check").arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("news.xx.md: ") && err.contains("nothing to"), "{err}");
    // As --source, an unknown tag is a usage error naming it.
    let out = oerlint().args(["check", "--source", "xx"]).arg(dir.path()).timeout(TIMEOUT).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown language `xx`"), "{err}");
}

// ---------------------------------------------------------------- regressions

/// Every file in tests/regressions/ is checked as a one-file document, as an English
/// file against a French copy, and as a folder; none may crash or hang.
#[test]
fn regression_inputs_still_run() {
    let dir = repo().join("tests/regressions");
    let mut inputs: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect(),
        Err(_) => return,
    };
    inputs.sort();
    for input in inputs {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") && name.starts_with("README") {
            continue;
        }
        let bytes = std::fs::read(&input).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        if name.ends_with(".toml") {
            // A configuration: an error with a message, or none (needs rel-fixes.patch's
            // config.rs hunk for `#\0`, which gave an empty message).
            std::fs::write(tmp.path().join("oerlint.toml"), &bytes).unwrap();
            std::fs::write(tmp.path().join("en.md"), "# T\n\nText.\n").unwrap();
            let out = oerlint().arg("check").arg(tmp.path()).timeout(TIMEOUT).output().unwrap();
            assert!(matches!(out.status.code(), Some(0..=2)), "{name}: {:?}", out.status);
            let err = String::from_utf8_lossy(&out.stderr);
            if let Some(rest) = err.split("invalid configuration:").nth(1) {
                let first = rest.lines().next().unwrap_or("").trim();
                assert!(!first.is_empty(), "{name}: empty message: {err}");
            }
            continue;
        }
        std::fs::write(tmp.path().join("doc.md"), &bytes).unwrap();
        std::fs::write(tmp.path().join("en.md"), &bytes).unwrap();
        std::fs::write(tmp.path().join("fr.md"), &bytes).unwrap();
        let out = oerlint()
            .arg("check")
            .arg(tmp.path())
            .args(["--format", "json", "--select", "all"])
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{name}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        spans_valid(&json);
    }
}
