//! Safety (issue #13), through the binary: oerlint never loses or clobbers a file
//! (`-o`, `--fix`, PO exports, `init`), never reads what it was not asked to (links out
//! of the checked folders, FIFOs, devices), never lets control characters reach the
//! terminal raw, and never panics on a closed or full output.

mod common;
use common::{check_json, diags, oerlint, of_rule};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// A folder with `en.md` and an `ar.md` whose `mailto>` link `--fix` rewrites.
fn fixable() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    std::fs::create_dir(&issue).unwrap();
    for f in ["en.md", "ar.md"] {
        std::fs::copy(Path::new("fixtures/rules/link-malformed/trigger").join(f), issue.join(f)).unwrap();
    }
    (dir, issue)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = oerlint().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_report_never_replaces_an_input() {
    let (dir, issue) = fixable();
    let en = issue.join("en.md");
    let before = std::fs::read(&en).unwrap();
    let link = dir.path().join("report.md");
    std::os::unix::fs::symlink(&en, &link).unwrap();
    let hard = dir.path().join("hard.md");
    std::fs::hard_link(&en, &hard).unwrap();
    for target in [en.clone(), link, issue.join(".").join("en.md"), hard] {
        let (code, _, err) = run(&["check", issue.to_str().unwrap(), "-o", target.to_str().unwrap()]);
        assert_eq!(code, 2, "{target:?}: {err}");
        assert!(err.contains("it is an input file") && err.contains("en.md"), "{err}");
        assert_eq!(std::fs::read(&en).unwrap(), before);
    }
    // A missing folder is named.
    let missing = dir.path().join("no/such/report.txt");
    let (code, _, err) = run(&["check", issue.to_str().unwrap(), "-o", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("the folder {} does not exist", dir.path().join("no/such").display())),
        "{err}"
    );
}

#[test]
fn po_exports_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let en = std::fs::read_to_string("fixtures/rules/link-malformed/trigger/en.md").unwrap();
    let ar = std::fs::read_to_string("fixtures/rules/link-malformed/trigger/ar.md").unwrap();
    for name in ["a b", "a_b"] {
        std::fs::write(docs.join(format!("{name}.en.md")), &en).unwrap();
        std::fs::write(docs.join(format!("{name}.ar.md")), &ar).unwrap();
    }
    let out = dir.path().join("po");
    let (code, _, err) =
        run(&["align", docs.to_str().unwrap(), "--format", "po", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("would both be written to") && err.contains("a_b.ar.po"), "{err}");
    assert!(!out.join("docs_a_b.ar.po").exists());
    // One document exports fine.
    std::fs::remove_file(docs.join("a b.en.md")).unwrap();
    std::fs::remove_file(docs.join("a b.ar.md")).unwrap();
    let (code, _, err) =
        run(&["align", docs.to_str().unwrap(), "--format", "po", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn init_never_writes_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    let cfg = dir.path().join("oerlint.toml");
    // A broken link (which a plain write would create the target of), then a live one.
    std::os::unix::fs::symlink(&victim, &cfg).unwrap();
    for force in [false, true] {
        let mut args = vec!["init", dir.path().to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("is a symbolic link"), "{err}");
        assert!(!victim.exists());
    }
    std::fs::write(&victim, "mine").unwrap();
    let (code, _, _) = run(&["init", dir.path().to_str().unwrap(), "--force"]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "mine");
    // A plain folder gets its file.
    std::fs::remove_file(&cfg).unwrap();
    let (code, out, _) = run(&["init", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("wrote"));
    assert!(std::fs::symlink_metadata(&cfg).unwrap().is_file());
}

#[test]
fn fix_does_not_write_over_a_file_that_changed_meanwhile() {
    use oerlint::{check, discover, fix};
    let (_dir, issue) = fixable();
    let ar = issue.join("ar.md");
    let (groups, _) = discover::discover(std::slice::from_ref(&issue));
    let report = check::check_group(&groups[0], &check::Options::default());
    let plans = fix::plan(&report.diagnostics);
    assert_eq!(plans.len(), 1);
    // A line appended while the check ran.
    let mut text = std::fs::read_to_string(&ar).unwrap();
    text.push_str("\nA line written meanwhile.\n");
    std::fs::write(&ar, &text).unwrap();
    let e = fix::write(&plans[0]).unwrap_err();
    assert!(e.to_string().contains("changed on disk"), "{e}");
    assert_eq!(std::fs::read_to_string(&ar).unwrap(), text);
    // Unchanged, it is fixed.
    let report = check::check_group(&groups[0], &check::Options::default());
    let plans = fix::plan(&report.diagnostics);
    fix::write(&plans[0]).unwrap();
    assert!(!std::fs::read_to_string(&ar).unwrap().contains("mailto>"));
}

#[test]
fn fix_through_a_link_fixes_the_file_and_keeps_the_link() {
    let (dir, issue) = fixable();
    let real = dir.path().join("real-ar.md");
    std::fs::rename(issue.join("ar.md"), &real).unwrap();
    std::os::unix::fs::symlink(&real, issue.join("ar.md")).unwrap();
    let (_, _, err) = run(&["check", issue.to_str().unwrap(), "--fix", "-L"]);
    assert!(err.contains("fixed"), "{err}");
    assert!(std::fs::symlink_metadata(issue.join("ar.md")).unwrap().file_type().is_symlink());
    assert!(!std::fs::read_to_string(&real).unwrap().contains("mailto>"));
}

#[test]
fn fix_refuses_read_only_and_hard_linked_files() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, issue) = fixable();
    let ar = issue.join("ar.md");
    let before = std::fs::read(&ar).unwrap();
    // Read-only by its mode bits (root could still write it: the mode is what counts).
    std::fs::set_permissions(&ar, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, _, err) = run(&["check", issue.to_str().unwrap(), "--fix"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("read-only (mode 444)"), "{err}");
    assert_eq!(std::fs::read(&ar).unwrap(), before);
    assert_eq!(std::fs::metadata(&ar).unwrap().permissions().mode() & 0o777, 0o444);
    // Hard links are not split.
    std::fs::set_permissions(&ar, std::fs::Permissions::from_mode(0o644)).unwrap();
    let other = dir.path().join("other-name.txt");
    std::fs::hard_link(&ar, &other).unwrap();
    let (code, _, err) = run(&["check", issue.to_str().unwrap(), "--fix"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("2 hard links"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // Owner, group and mode are kept on a plain fix.
    std::fs::remove_file(&other).unwrap();
    std::fs::set_permissions(&ar, std::fs::Permissions::from_mode(0o640)).unwrap();
    let owner = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(p).unwrap();
        (m.uid(), m.gid(), m.permissions().mode() & 0o777)
    };
    let was = owner(&ar);
    let (_, _, err) = run(&["check", issue.to_str().unwrap(), "--fix"]);
    assert!(err.contains("fixed"), "{err}");
    assert_eq!(owner(&ar), was);
}

#[test]
fn links_out_of_the_checked_folders_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    std::fs::create_dir(&issue).unwrap();
    std::fs::copy("fixtures/newsletter-ok/en.md", issue.join("en.md")).unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "# Secret\n\nThe password is hunter2, valid until 12 March 2022.\n").unwrap();
    std::os::unix::fs::symlink(&secret, issue.join("fr.md")).unwrap();
    for args in [vec![issue.to_str().unwrap().to_string()], vec![issue.join("en.md").display().to_string()]] {
        let out = oerlint().arg("check").args(&args).output().unwrap();
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(!all.contains("hunter2"), "{all}");
        assert!(all.contains("outside the folders being checked; not read (pass --follow"), "{all}");
    }
    // Asked for, it is read.
    let (_, json) = check_json(&[issue.to_str().unwrap(), "-L"]);
    assert!(json.to_string().contains("fr.md"), "{json}");
    // A link inside the checked folder is read as before.
    let inside = issue.join("fr.md");
    std::fs::remove_file(&inside).unwrap();
    std::fs::copy("fixtures/newsletter-ok/fr.md", issue.join("real-fr.bak")).unwrap();
    std::os::unix::fs::symlink(issue.join("real-fr.bak"), &inside).unwrap();
    let (code, json) = check_json(&[issue.to_str().unwrap()]);
    assert!(of_rule(&diags(&json), "input-error").is_empty(), "{json}");
    assert_eq!(json["summary"]["files"], 2, "{json}");
    assert!(code <= 1);
}

#[test]
fn fifos_and_devices_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue");
    std::fs::create_dir(&issue).unwrap();
    std::fs::copy("fixtures/newsletter-ok/en.md", issue.join("en.md")).unwrap();
    let fifo = issue.join("fr.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", issue.join("ar.md")).unwrap();
    let out = oerlint()
        .args(["check", "-L", "--format", "json"])
        .arg(&issue)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "killed: {out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes: Vec<String> = of_rule(&diags(&json), "input-error")
        .iter()
        .map(|d| format!("{} {}", d["severity"], d["message"]))
        .collect();
    assert!(notes.iter().any(|n| n.contains("fr.md: skipped: not a regular file (a FIFO)")), "{notes:?}");
    assert!(
        notes.iter().any(|n| n.contains("ar.md: skipped: not a regular file (a character device)")),
        "{notes:?}"
    );
    // Passed by name too.
    let out = oerlint()
        .args(["check", "--format", "json"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("not a regular file (a FIFO)"), "{out:?}");
}

#[test]
fn the_size_limit_holds_while_reading() {
    // Files of /proc say they are empty and are not: the limit is enforced on what is
    // read, not on what the metadata says.
    let cpuinfo = Path::new("/proc/cpuinfo");
    assert_eq!(std::fs::metadata(cpuinfo).unwrap().len(), 0);
    assert!(std::fs::read(cpuinfo).unwrap().len() > 100);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# T\n\nText on 12 March 2022.\n").unwrap();
    std::os::unix::fs::symlink(cpuinfo, dir.path().join("fr.md")).unwrap();
    let (_, json) = check_json(&[dir.path().to_str().unwrap(), "-L", "--max-file-size", "100"]);
    let d = diags(&json);
    let notes = of_rule(&d, "input-error");
    assert!(
        notes.iter().any(|n| n["message"]
            .as_str()
            .unwrap()
            .contains("at least 101 bytes, over the limit of 100 bytes")),
        "{json}"
    );
}

/// Runs oerlint with stdout and/or stderr a pipe closed before it writes.
fn closed(args: &[&str], stdout: bool, stderr: bool) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_oerlint"));
    cmd.args(args).stdin(Stdio::null());
    cmd.stdout(if stdout { Stdio::piped() } else { Stdio::null() });
    cmd.stderr(if stderr { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    std::process::Output { status, stdout: Vec::new(), stderr: Vec::new() }
}

fn every_subcommand(dir: &Path) -> Vec<Vec<String>> {
    let issue = dir.join("issue").display().to_string();
    let po = dir.join("po").display().to_string();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    let mut all = vec![
        s(&["rules"]),
        s(&["explain", "date-mismatch"]),
        s(&["explain", "no-such-rule"]),
        s(&["init", &dir.join("cfg").display().to_string(), "--force"]),
        s(&["align", &issue]),
        s(&["align", &issue, "--blocks"]),
        s(&["align", &issue, "--format", "po"]),
        s(&["align", &issue, "--format", "po", "-o", &po]),
        s(&["check", &issue, "--diff"]),
        s(&["check", &dir.join("missing").display().to_string()]),
    ];
    for f in ["human", "json", "short", "github", "sarif", "html"] {
        all.push(s(&["check", &issue, "--format", f]));
    }
    all
}

#[test]
fn closed_pipes_never_panic() {
    let (dir, _) = fixable();
    std::fs::create_dir(dir.path().join("cfg")).unwrap();
    for args in every_subcommand(dir.path()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        for (out, err) in [(true, false), (false, true), (true, true)] {
            let o = closed(&args, out, err);
            let code = o.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{args:?} stdout closed {out}, stderr closed {err}: {:?}",
                o.status
            );
        }
    }
}

#[test]
fn a_full_device_is_an_error_with_exit_2() {
    let (dir, _) = fixable();
    std::fs::create_dir(dir.path().join("cfg")).unwrap();
    for args in every_subcommand(dir.path()) {
        // Commands that write nothing to standard output are left out.
        let quiet = |a: &String| a == "-o" || a == "no-such-rule" || a.ends_with("missing");
        let writes = !args.iter().any(quiet);
        if !writes {
            continue;
        }
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_oerlint"))
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("No space left on device"), "{args:?}: {err}");
    }
}

#[test]
fn paths_given_twice_are_checked_once() {
    let (dir, issue) = fixable();
    let (_, once) = check_json(&[issue.to_str().unwrap()]);
    let dotted = issue.join(".");
    let relative = format!("{}/../issue", issue.display());
    let (_, twice) = check_json(&[issue.to_str().unwrap(), dotted.to_str().unwrap(), &relative]);
    assert_eq!(diags(&once).len(), diags(&twice).len(), "{twice}");
    assert_eq!(twice["summary"]["documents"], 1);
    drop(dir);
}

#[test]
fn input_errors_make_exit_2_even_with_findings() {
    let (dir, issue) = fixable();
    let missing = dir.path().join("nosuchdir");
    let (code, json) = check_json(&[missing.to_str().unwrap(), issue.to_str().unwrap()]);
    assert!(!diags(&json).is_empty());
    assert_eq!(code, 2, "{json}");
    // `--diff` with fixes to show, too.
    let (code, out, _) = run(&["check", missing.to_str().unwrap(), issue.to_str().unwrap(), "--diff"]);
    assert!(out.contains("mailto"));
    assert_eq!(code, 2);
}

#[test]
fn align_says_when_there_is_nothing_to_align() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(&["align", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("nothing to align: no documents found"), "{err}");
    std::fs::copy("fixtures/newsletter-ok/en.md", dir.path().join("en.md")).unwrap();
    let (code, _, err) = run(&["align", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no document has two language versions"), "{err}");
    assert!(err.contains("only one language (English)"), "{err}");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let (dir, issue) = fixable();
    let hostile = "\u{1b}]0;pwned\u{7} \u{1b}[2J \u{9b}31m \u{202e}gnp.exe \r";
    for f in ["en.md", "ar.md"] {
        let p = issue.join(f);
        let text = std::fs::read_to_string(&p).unwrap();
        // In a heading, and on the line that `--fix` changes.
        let text = format!("# Head {hostile}\n\n{}", text.replacen('\n', &format!(" {hostile}\n"), 3));
        std::fs::write(&p, text).unwrap();
    }
    // A second document whose file names hold an escape sequence.
    for f in ["en.md", "ar.md"] {
        std::fs::copy(issue.join(f), issue.join(format!("n\u{1b}[31m.{f}"))).unwrap();
    }
    let raw = |bytes: &[u8]| {
        let s = String::from_utf8_lossy(bytes);
        s.chars().find(|&c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{202e}')
    };
    let issue_s = issue.to_str().unwrap();
    for args in [
        vec!["check", issue_s],
        vec!["check", issue_s, "--format", "human", "--color", "always"],
        vec!["check", issue_s, "--format", "short"],
        vec!["check", issue_s, "--format", "github"],
        vec!["check", issue_s, "--diff"],
        vec!["align", issue_s],
        vec!["align", issue_s, "--blocks"],
    ] {
        let out = oerlint().args(&args).output().unwrap();
        let color = args.contains(&"always");
        // With colour on, the only escapes are oerlint's own colour codes (ESC [ … m).
        let stdout = if color {
            let s = String::from_utf8_lossy(&out.stdout).into_owned();
            regex_lite_strip(&s).into_bytes()
        } else {
            out.stdout.clone()
        };
        assert_eq!(raw(&stdout), None, "{args:?} stdout: {:?}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(raw(&out.stderr), None, "{args:?} stderr: {}", String::from_utf8_lossy(&out.stderr));
        let all = format!("{}{}", String::from_utf8_lossy(&stdout), String::from_utf8_lossy(&out.stderr));
        assert!(all.contains("<U+001B>") || args[0] == "check" && args.len() > 2, "{args:?}: {all}");
    }
    // A configuration error quotes the TOML line safely.
    std::fs::write(issue.join("oerlint.toml"), "[rules]\nlink-placeholder = \"o\u{1b}]0;x\u{7}\"\n").unwrap();
    let out = oerlint().args(["check", issue_s]).output().unwrap();
    assert_eq!(raw(&out.stderr), None, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<U+001B>]0;x<U+0007>"));
    drop(dir);
}

/// Removes SGR colour sequences (`ESC [ digits ; … m`).
fn regex_lite_strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            let mut seq = String::new();
            chars.next();
            while let Some(&d) = chars.peek() {
                chars.next();
                if d.is_ascii_digit() || d == ';' {
                    seq.push(d);
                } else {
                    if d != 'm' {
                        out.push_str(&format!("\u{1b}[{seq}{d}"));
                    }
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn long_lines_are_cut_to_a_window_in_human_output() {
    // Two one-line paragraphs of 73 and 99 KB with 2,000 findings: each finding printed
    // its whole line twice (340 MB); now a window around the span (about 2 KB).
    let dir = tempfile::tempdir().unwrap();
    let en: Vec<String> = (0..2000).map(|i| format!("Write to user{i}@example.org today.")).collect();
    let fr: Vec<String> =
        (0..2000).map(|i| format!("Écrivez à membre{i}@example.org aujourd’hui.")).collect();
    std::fs::write(dir.path().join("en.md"), format!("# T\n\n{}\n", en.join(" "))).unwrap();
    std::fs::write(dir.path().join("fr.md"), format!("# T\n\n{}\n", fr.join(" "))).unwrap();
    let out = oerlint().args(["check", "--color", "never"]).arg(dir.path()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let findings = text.matches("error[email-mismatch]").count();
    assert_eq!(findings, 2000);
    assert!(out.stdout.len() / findings < 3000, "{} bytes a finding", out.stdout.len() / findings);
    // The window is marked, and line and column are still the file's.
    assert!(text.contains("3 │ …"), "{}", &text[..3000]);
    assert!(text.contains(&format!("fr.md:3:{}", fr[..1000].join(" ").chars().count() + 12)));
}
