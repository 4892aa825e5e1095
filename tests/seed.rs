//! Acceptance on the real trilingual newsletter in ../shared/seed (skipped when absent):
//! as one file, and split by hand into en.md, fr.md and ar.md.

mod common;
use common::*;
use serde_json::Value;

/// The seed split by hand into en.md, fr.md and ar.md (its shared preamble dropped).
fn split_seed(seed: &std::path::Path) -> tempfile::TempDir {
    let text = std::fs::read_to_string(seed).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let start = |prefix: &str| lines.iter().position(|l| l.starts_with(prefix)).unwrap();
    let (en, fr, ar) = (start("**Dear OER"), start("**Chers coll"), start("الزملاء الأعزاء"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), lines[en..fr].join("\n") + "\n").unwrap();
    std::fs::write(dir.path().join("fr.md"), lines[fr..ar].join("\n") + "\n").unwrap();
    std::fs::write(dir.path().join("ar.md"), lines[ar..].join("\n") + "\n").unwrap();
    dir
}

fn expect_seed_findings(d: &[Value]) {
    let texts = |rule: &str, lang: &str| -> Vec<String> {
        of_rule(d, rule)
            .into_iter()
            .filter(|x| x["primary"]["lang"] == lang)
            .map(|x| {
                format!("{} | {}", x["expected"].as_str().unwrap_or(""), x["found"].as_str().unwrap_or(""))
            })
            .collect()
    };
    // The two sections the Arabic lacks, and nothing else missing.
    let missing = texts("section-missing", "ar");
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert!(missing[0].starts_with("Learn more about the UNESCO OER"), "{missing:?}");
    assert!(missing[1].starts_with("Share information on your organization"), "{missing:?}");
    assert!(texts("section-missing", "fr").is_empty());
    // CL/4328 against CL/4398.
    assert_eq!(texts("code-mismatch", "ar"), vec!["CL/4398 | CL/4328"]);
    assert!(texts("code-mismatch", "fr").is_empty());
    // The French lost Z.varoglu@unesco.org.
    assert_eq!(texts("email-mismatch", "fr"), vec!["Z.varoglu@unesco.org | "]);
    // The Arabic mailto> link.
    let malformed = of_rule(d, "link-malformed");
    assert_eq!(malformed.len(), 1);
    assert_eq!(malformed[0]["primary"]["lang"], "ar");
    assert!(malformed[0]["primary"]["text"].as_str().unwrap().starts_with("mailto>"));
    // Placeholder links, in every language that has them.
    let ph = of_rule(d, "link-placeholder");
    assert!(ph.iter().any(|x| x["primary"]["lang"] == "en"));
    assert!(ph.iter().any(|x| x["primary"]["lang"] == "fr"));
    assert!(ph.iter().all(|x| x["primary"]["text"] == "#"));
    // Links the French and Arabic texts lost.
    let lost = of_rule(d, "link-mismatch");
    assert!(lost.iter().any(|x| x["primary"]["lang"] == "fr"));
    assert!(lost.iter().any(|x| x["primary"]["lang"] == "ar"));
    // The French dropped the contact line before that address (issue 15).
    assert_eq!(
        texts("content-missing", "fr").iter().filter(|t| t.starts_with("Contact: Mr. Joe")).count(),
        1
    );
    // Nothing about the address all three versions have (it may be where a dropped
    // block belongs, not what a finding is about).
    for x in d {
        let s = format!("{} {} {}", x["message"], x["expected"], x["found"]);
        assert!(!s.to_lowercase().contains("j.hironaka"), "flagged a consistent email: {x}");
    }
}

#[test]
fn seed_as_one_file() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed not present");
        return;
    };
    let (code, json) = check_json(&[seed.to_str().unwrap()]);
    assert_eq!(code, 1);
    let d = diags(&json);
    expect_seed_findings(&d);
    assert_spans_valid(&json);
    // The shared preamble's language links belong to no language.
    assert!(of_rule(&d, "link-placeholder").iter().any(|x| x["primary"]["lang"] == "und"));
}

#[test]
fn seed_split_by_hand_into_three_files() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed not present");
        return;
    };
    let dir = split_seed(&seed);
    let (code, json) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    expect_seed_findings(&diags(&json));
    assert_spans_valid(&json);
    assert_eq!(json["summary"]["files"], 3);
    // A hook passing only fr.md hears only about fr.md.
    let (_, json) = check_json(&[dir.path().join("fr.md").to_str().unwrap()]);
    let d = diags(&json);
    assert!(!d.is_empty());
    assert!(d.iter().all(|x| x["primary"]["path"].as_str().unwrap().ends_with("fr.md")));
}

#[test]
fn seed_alignment_shows_the_arabic_merge_and_gaps() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed not present");
        return;
    };
    let out = oerlint().args(["align", seed.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> =
        table.lines().filter(|l| l.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit())).collect();
    assert_eq!(rows.len(), 7, "{table}");
    assert!(rows[2].contains("Regional Consultation") && rows[2].contains("merged with row 2"), "{table}");
    assert!(rows[4].starts_with("  5  Learn more") && rows[4].trim_end().ends_with('—'), "{table}");
    assert!(rows[5].trim_end().ends_with('—'), "{table}");
    assert!(rows[6].contains("الأخبار"), "{table}");
}

#[test]
fn seed_script_intrusions_in_the_arabic() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed not present");
        return;
    };
    let (_, json) = check_json(&[seed.to_str().unwrap()]);
    let d = diags(&json);
    let words: Vec<&str> =
        of_rule(&d, "mixed-script").iter().map(|x| x["primary"]["text"].as_str().unwrap()).collect();
    // The greeting, the online workshops sentence, two news items, and the glued name.
    assert_eq!(words, vec!["динамики", "الانترنэт", "هironaka", "динاميки", "динاميки"]);
    assert!(of_rule(&d, "mixed-script").iter().all(|x| x["primary"]["lang"] == "ar"));
    for x in of_rule(&d, "mixed-script") {
        assert!(x["primary"]["label"].as_str().unwrap().contains("U+0"), "names the code points: {x}");
    }
    // Nothing about the Latin words that belong in the Arabic text.
    for x in &d {
        let t = x["primary"]["text"].as_str().unwrap();
        for ok in ["UNESCO", "OER", "APAC", "Zoom", "unesco.org", "CL / 4328"] {
            assert!(!(x["rule"] == "mixed-script" && t.contains(ok)), "{x}");
        }
    }
    assert!(of_rule(&d, "confusable").is_empty());
    assert!(of_rule(&d, "bidi-control").is_empty());
}

#[test]
fn seed_dates_weekdays_times_numbers_deadline() {
    let Some(seed) = seed() else {
        eprintln!("skipped: ../shared/seed not present");
        return;
    };
    let (_, json) = check_json(&[seed.to_str().unwrap()]);
    expect_temporal_findings(&diags(&json));
    // The same, split by hand into three files.
    let dir = split_seed(&seed);
    let (_, json) = check_json(&[dir.path().to_str().unwrap()]);
    expect_temporal_findings(&diags(&json));
}

fn expect_temporal_findings(d: &[Value]) {
    // Sorted, so that one file and three files compare alike.
    let found = |rule: &str| -> Vec<(String, String, String)> {
        let mut v: Vec<_> = of_rule(d, rule)
            .iter()
            .map(|x| {
                (
                    x["primary"]["lang"].as_str().unwrap().to_string(),
                    x["expected"].as_str().unwrap_or("").to_string(),
                    x["found"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // The Arabic greeting's October; the French 30 octobre; the Arabic 2020.
    assert_eq!(
        found("date-mismatch"),
        vec![
            s("ar", "2022-11-30", "2020-11-30"),
            s("ar", "the month of November", "the month of October"),
            s("fr", "2022-11-30", "2022-10-30"),
        ]
    );
    // Each weekday twice wrong: against its own date, and against the English Wednesday.
    assert_eq!(
        found("weekday-mismatch"),
        vec![
            s("ar", "Monday", "Thursday"),
            s("ar", "Wednesday", "Thursday"),
            s("fr", "Sunday", "Thursday"),
            s("fr", "Wednesday", "Thursday"),
        ]
    );
    let times = found("time-mismatch");
    assert_eq!(times.len(), 1);
    assert_eq!(times[0].0, "ar");
    assert!(times[0].2.contains("07:00–10:00 UTC") && times[0].1.contains("02:00–05:00 UTC"), "{times:?}");
    assert_eq!(found("number-mismatch"), vec![s("ar", "60", "75")]);
    // The deadline of 31 January 2022 that a November 2022 issue counts 60 days to.
    let deadlines = of_rule(d, "deadline-inconsistent");
    assert!(deadlines.iter().any(|x| x["primary"]["lang"] == "en"
        && x["message"].as_str().unwrap().contains("2022-01-31")
        && x["message"].as_str().unwrap().contains("2022-11-01")));
    // Silent on what agrees: 217th/217e/217, 42nd/42e/الثانية والأربعين, 2022-2023,
    // November 2019 to 2023, lundi 19 décembre 2022, 31 January 2022.
    for x in d {
        let t = x["primary"]["text"].as_str().unwrap();
        let r = x["rule"].as_str().unwrap();
        if ["date-mismatch", "number-mismatch", "weekday-mismatch"].contains(&r) {
            for ok in ["217", "42", "2022-2023", "2019", "lundi", "19 décembre", "31 janvier", "31 يناير"]
            {
                assert!(!t.contains(ok), "flagged a consistent value: {x}");
            }
        }
    }
}
