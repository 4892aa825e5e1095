//! The alignment failures of issue 15, each on a fixture written in the image of a real
//! document: a dropped last section, reordered sections, and a command page with a
//! dropped example.

mod common;
use common::*;

fn rules_of(json: &serde_json::Value) -> Vec<String> {
    diags(json).iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect()
}

/// The French lacks the whole last section (a heading, then a paragraph with two
/// times); the first sections share an email. A 2-1 merge of the English sections onto
/// the one French section has no evidence for its second half, so the section is missing.
#[test]
fn a_dropped_last_section_is_missing_not_merged() {
    let (code, json) = check_json(&["fixtures/alignment/dropped-last-section"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let missing = of_rule(&d, "section-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert!(missing[0]["message"].as_str().unwrap().contains("Opening hours"), "{json}");
    assert_eq!(code, 1);
}

/// Two sections swapped in the French: one `section-moved` with both spans, no missing
/// and extra pair.
#[test]
fn reordered_sections_are_moved() {
    let (_, json) = check_json(&["fixtures/alignment/reordered"]);
    assert_spans_valid(&json);
    assert_eq!(rules_of(&json), vec!["section-moved"], "{json}");
    let d = &diags(&json)[0];
    assert!(d["primary"]["path"].as_str().unwrap().ends_with("fr.md"));
    assert_eq!(d["primary"]["text"], "Coin des enfants");
    assert_eq!(d["related"][0]["text"], "Children's corner");
}

/// A command page whose French lacks the second example: that example (description and
/// command) is reported, and nothing else, so every later pair is aligned.
#[test]
fn a_dropped_command_example_does_not_shift_the_rest() {
    let (_, json) = check_json(&["fixtures/alignment/commands-dropped"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    assert_eq!(rules_of(&json), vec!["content-missing", "content-missing"], "{json}");
    let texts: Vec<&str> = d.iter().map(|x| x["related"][0]["text"].as_str().unwrap()).collect();
    assert_eq!(texts, vec!["List the contents of an archive:", "pack list {{path/to/archive.pk}}"]);
    // Both belong before the French third example.
    for x in &d {
        assert_eq!(x["primary"]["line"], 10, "{x}");
    }
    // The block table pairs every later description with its own command.
    let out = oerlint().args(["align", "--blocks", "fixtures/alignment/commands-dropped"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for (en, fr) in [("pack verify {{path", "pack verify {{chemin"), ("pack --version", "pack --version")] {
        assert!(table.lines().any(|l| l.contains(en) && l.contains(fr)), "{table}");
    }
}

/// Numbered steps pair by number: the French lacks step 3, and steps 4 and 5 still pair
/// with their own numbers (no merge of 3 and 4).
#[test]
fn numbered_steps_pair_by_number() {
    let (_, json) = check_json(&["fixtures/alignment/numbered-steps"]);
    let d = diags(&json);
    let missing = of_rule(&d, "content-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert!(missing[0]["related"][0]["text"].as_str().unwrap().starts_with("Step 3:"));
    let out = oerlint().args(["align", "--blocks", "fixtures/alignment/numbered-steps"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.lines().any(|l| l.contains("Step 4:") && l.contains("Étape 4") && l.contains("pin:step:4")),
        "{table}"
    );
}

/// Equal custom heading ids pin two headings together: sections swapped in the French
/// are one moved section, not a silent mismatch of their texts.
#[test]
fn custom_heading_ids_are_rungs() {
    let (_, json) = check_json(&["fixtures/alignment/heading-ids"]);
    assert_eq!(rules_of(&json), vec!["section-moved"], "{json}");
    let out = oerlint().args(["align", "fixtures/alignment/heading-ids"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("moved"), "{table}");
}

/// `align --blocks` gives each bead its confidence and the anchors that tie it.
#[test]
fn align_shows_confidence_and_ties() {
    let out = oerlint().args(["align", "--blocks", "fixtures/alignment/commands-dropped"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let verify = table.lines().find(|l| l.contains("pack verify {{path")).expect("a pair");
    assert!(verify.contains("Inline:pack verify {}"), "{verify}");
    let conf: f64 = verify.split_whitespace().find_map(|w| w.parse().ok()).expect("a confidence");
    assert!((0.0..=1.0).contains(&conf), "{verify}");
}

/// A newsletter event whose French drops the contact line (a name) between the
/// registration line and the email line. The contact line does not pair with the
/// registration line, which names nobody, and the registration line does not merge
/// into the long paragraph before it without length evidence of its own: the contact
/// line is reported, and only it.
#[test]
fn a_dropped_contact_line_is_missing() {
    let (_, json) = check_json(&["fixtures/alignment/contact-dropped"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let missing = of_rule(&d, "content-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert_eq!(missing[0]["related"][0]["text"], "Contact: Ms. Ingrid Valtersen", "{json}");
    // It belongs before the French email line.
    assert!(missing[0]["primary"]["text"].as_str().unwrap().starts_with("Courriel"), "{json}");
}

/// The near miss: two short English sentences become one French sentence (a true
/// merge), and the contact line is there. Nothing is missing.
#[test]
fn two_short_sentences_merged_into_one_are_not_missing() {
    let (_, json) = check_json(&["fixtures/alignment/short-merge"]);
    assert_spans_valid(&json);
    assert!(of_rule(&diags(&json), "content-missing").is_empty(), "{json}");
}

/// Two examples of one command that differ only in their options (`{{[-l|--list]}}`,
/// `{{[-c|--check]}}`), in another order in the French: options are not translated, so
/// each example pairs with its own (or is taken as moved), never with the other one,
/// and nothing is reported missing.
#[test]
fn examples_told_apart_by_their_options() {
    let (_, json) = check_json(&["fixtures/alignment/options-reordered"]);
    assert!(of_rule(&diags(&json), "content-missing").is_empty(), "{json}");
    let out = oerlint().args(["align", "--blocks", "fixtures/alignment/options-reordered"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let pairs = |en: &str, fr: &str| {
        table.lines().any(|l| l.split_once('⇔').is_some_and(|(a, b)| a.contains(en) && b.contains(fr)))
    };
    assert!(pairs("pack {{[-l|--list]}}", "pack {{[-l|--list]}}"), "{table}");
    assert!(!pairs("pack {{[-l|--list]}}", "pack {{[-c|--check]}}"), "{table}");
    assert!(!pairs("pack {{[-c|--check]}}", "pack {{[-l|--list]}}"), "{table}");
}

/// A reference list whose French keeps the English titles and folds two references into
/// one line: the reference left alone has every word in that line, so it is present,
/// not missing.
#[test]
fn a_reference_folded_into_another_is_not_missing() {
    let (_, json) = check_json(&["fixtures/alignment/reference-merged"]);
    assert_spans_valid(&json);
    assert!(of_rule(&diags(&json), "content-missing").is_empty(), "{json}");
}

/// A reference list whose French lacks one reference, every word of which the reference
/// before it has (`Event Logging` and `Event Logging Vocabulary`): that one pairs with
/// its own English reference, which has all those words too, so it holds nothing of the
/// dropped one, and the dropped one is missing.
#[test]
fn a_reference_whose_words_a_paired_one_has_is_missing() {
    let (_, json) = check_json(&["fixtures/alignment/reference-dropped"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let missing = of_rule(&d, "content-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert_eq!(missing[0]["related"][0]["text"], "Harbour Security Guide: Event Logging", "{json}");
    // Its link is reported where the block belongs (where content-missing points), not as
    // missing "in this part" of the neighbouring reference, which has its own link.
    let link = of_rule(&d, "link-mismatch");
    assert_eq!(link.len(), 1, "{json}");
    assert_eq!(link[0]["primary"]["start"], missing[0]["primary"]["start"], "{json}");
    let label = link[0]["primary"]["label"].as_str().unwrap();
    assert!(label.contains("has no French counterpart, and belongs before this"), "{label}");
}

/// The reverse: a link in a French block the English lacks is shown beside the English
/// block next to where it stands, not as its "counterpart".
#[test]
fn a_value_of_an_extra_block_names_its_neighbour_not_a_counterpart() {
    let (_, json) = check_json(&["fixtures/rules/content-extra/trigger"]);
    let d = diags(&json);
    let link = of_rule(&d, "link-mismatch");
    assert_eq!(link.len(), 1, "{json}");
    let label = link[0]["related"][0]["label"].as_str().unwrap();
    assert_eq!(label, "the English block after it (the French block has no English counterpart)", "{json}");
}

/// The French drops a short section whose words the section before it shares (its
/// paragraph mentions the security officer): the section search merges the two English
/// sections onto one French section, but no block of the dropped one pairs with
/// anything, so it is no merge: the section is missing (not a few lone blocks).
#[test]
fn a_merge_whose_part_pairs_no_block_is_a_missing_section() {
    let (_, json) = check_json(&["fixtures/alignment/section-dropped-merged"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let missing = of_rule(&d, "section-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert!(missing[0]["message"].as_str().unwrap().contains("Security reports"), "{json}");
    assert!(of_rule(&d, "content-missing").is_empty(), "{json}");
}

/// A command page whose French lags behind (three of five examples): the append
/// example (`cot {} >> {}`, a short command with its arguments, a strong key) pairs
/// with its own, not merged with the one before on the strength of `file1 file2`,
/// which both commands carry. The two examples the French lacks are reported, and
/// nothing else; the same page with all five examples gives nothing.
#[test]
fn a_lagging_command_page_reports_the_examples_it_lacks() {
    let (_, json) = check_json(&["fixtures/alignment/commands-lagging"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let missing: Vec<&str> =
        of_rule(&d, "content-missing").iter().map(|x| x["message"].as_str().unwrap()).collect();
    assert_eq!(missing.len(), 4, "{json}");
    assert!(
        missing
            .iter()
            .all(|m| m.contains("-u") || m.contains("stdin") || m.contains("cot -") || m.contains("Copy")),
        "{json}"
    );
    assert!(of_rule(&d, "inline-code-mismatch").is_empty(), "{json}");
    let (code, json) = check_json(&["fixtures/alignment/commands-complete"]);
    assert_eq!(code, 0, "{json}");
}

/// The Arabic lacks a `##` section (Pruning) whose length is that of the `###`
/// subsection before it: the section search pairs the Arabic subsection with the wrong
/// neighbour and reports the subsection missing. The blocks and the heading levels,
/// which this document keeps everywhere else, say which neighbour it is. The near-miss:
/// the Arabic that really lacks the subsection still reports the subsection.
#[test]
fn a_dropped_section_is_reported_not_its_neighbour() {
    let missing = |dir: &str| -> Vec<String> {
        let (_, json) = check_json(&[dir]);
        assert_spans_valid(&json);
        of_rule(&diags(&json), "section-missing")
            .iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    let m = missing("fixtures/alignment/neighbour-dropped");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("“Pruning”"), "{m:?}");
    let m = missing("fixtures/alignment/neighbour-kept");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("“Soil”"), "{m:?}");
}

/// Sections that are a heading over markup with no text (JSX components, images): the
/// markup is written the same in every language, so a component with its braced props
/// (`<FileTable source={installers} />`) or an image's file name ties the sections, and
/// the section the translation lacks is the one reported (the Arabic lacks "Installer
/// packages", the next section's heading has its length). Near-misses: nothing is
/// missing when string props are translated and an image is localised, or when an image
/// keeps its file name in another folder.
#[test]
fn sections_of_markup_only_pair_by_their_components_and_images() {
    let missing = |dir: &str| -> Vec<String> {
        let (_, json) = check_json(&[dir]);
        assert_spans_valid(&json);
        let d = diags(&json);
        assert!(of_rule(&d, "section-extra").is_empty(), "{json}");
        of_rule(&d, "section-missing").iter().map(|d| d["message"].as_str().unwrap().to_string()).collect()
    };
    let m = missing("fixtures/alignment/components-dropped");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("“Installer packages”"), "{m:?}");
    let m = missing("fixtures/alignment/images-dropped");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("“Horizontal logo”"), "{m:?}");
    for kept in ["fixtures/alignment/components-kept", "fixtures/alignment/images-kept"] {
        let (code, json) = check_json(&[kept]);
        assert_eq!(rules_of(&json), Vec::<String>::new(), "{json}");
        assert_eq!(code, 0);
    }
    // `align --blocks` says what tied them.
    let out =
        oerlint().args(["align", "--blocks", "fixtures/alignment/components-dropped"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Component:FileTable source={binaries}"), "{table}");
}

/// Digits inside placeholders (`{{path/to/file1}}`) or glued to a name (`tty12`) name
/// things, they do not count them: no alignment evidence (two commands of a page that
/// both take `file1 file2` are no more alike for it). A number that counts (`3`) still is.
#[test]
fn digits_of_placeholders_and_names_tie_nothing() {
    let out =
        oerlint().args(["align", "--blocks", "fixtures/alignment/numbered-placeholders"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for key in ["Number:1", "Number:2", "Number:12"] {
        assert!(!table.lines().any(|l| l.split([' ', ',']).any(|w| w == key)), "{key}: {table}");
    }
    assert!(table.contains("Number:3"), "{table}");
    let (_, json) = check_json(&["fixtures/alignment/numbered-placeholders"]);
    assert!(diags(&json).is_empty(), "{json}");
}

/// The French lacks the introduction's section and repeats the introduction under the
/// next heading (of the next section's level): the two English sections do not merge
/// onto the French one; the introduction's section is missing.
#[test]
fn an_introduction_repeated_under_the_next_heading_is_a_missing_section() {
    let (_, json) = check_json(&["fixtures/alignment/intro-repeated"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let missing = of_rule(&d, "section-missing");
    assert_eq!(missing.len(), 1, "{json}");
    assert_eq!(missing[0]["related"][0]["text"], "Garden Club", "{json}");
    let out = oerlint().args(["align", "fixtures/alignment/intro-repeated"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().any(|l| l.contains("Who comes?") && l.contains("Qui vient ?")), "{table}");
}

/// Two examples of one command, one for a file and one for several
/// (`{{path/to/file1 path/to/file2 ...}}`): the French lacks the second, with its
/// placeholders translated. The placeholder for several arguments tells the two apart
/// (not the digits of its names), so the second example is reported, description and
/// command, and the first pairs with its French.
#[test]
fn a_placeholder_for_several_arguments_tells_two_examples_apart() {
    let (_, json) = check_json(&["fixtures/alignment/several-arguments"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    assert_eq!(rules_of(&json), vec!["content-missing", "content-missing"], "{json}");
    let texts: Vec<&str> = d.iter().map(|x| x["related"][0]["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        vec!["Show the first lines of several files:", "peek {{path/to/file1 path/to/file2 ...}}"]
    );
}

/// A long command line of numbered placeholders (hostile input for the placeholder
/// look-up of the number keys): checked, each digit run looked up once.
#[test]
fn a_long_line_of_numbered_placeholders_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let line: String = (0..40_000).map(|i| format!("{{{{path/to/file{i}}}}} ")).collect();
    for (lang, desc) in [("en", "Join many files:"), ("fr", "Joint beaucoup de fichiers :")] {
        std::fs::write(
            dir.path().join(format!("{lang}.md")),
            format!("# join\n\n- {desc}\n\n`join {line}`\n"),
        )
        .unwrap();
    }
    let (_, json) = check_json(&[dir.path().to_str().unwrap()]);
    assert!(diags(&json).iter().all(|d| d["rule"] != "content-missing"), "{json}");
}

/// Two neighbouring sections of prose swapped in the French, no anchor in either: the
/// search pairs them in order, but the stems say the crossed pairs are the right ones,
/// so one is reported moved (both spans), the other pairs, and nothing is missing.
#[test]
fn swapped_sections_of_prose_are_moved() {
    let (_, json) = check_json(&["fixtures/alignment/swapped-prose"]);
    assert_spans_valid(&json);
    assert_eq!(rules_of(&json), vec!["section-moved"], "{json}");
    let d = &diags(&json)[0];
    assert_eq!(d["primary"]["text"], "Documenter vos processus");
    assert_eq!(d["related"][0]["text"], "Documenting your processes");
}

/// An anchorless list of prose items whose French lacks the third; the French of the
/// item before it runs long, as translations do (within one standard deviation of the
/// length model). A long neighbour is no evidence of a merge: the item is reported.
#[test]
fn a_list_item_dropped_next_to_a_long_translation_is_missing() {
    let (_, json) = check_json(&["fixtures/alignment/list-item-dropped"]);
    assert_spans_valid(&json);
    assert_eq!(rules_of(&json), vec!["content-missing"], "{json}");
    let d = &diags(&json)[0];
    assert!(d["related"][0]["text"].as_str().unwrap().starts_with("Share what you read."), "{json}");
    assert!(d["primary"]["text"].as_str().unwrap().starts_with("Accueillez"), "{json}");
}

/// The same list whose French folds the third item into the second, at the length of
/// both: not an omission, nothing is reported.
#[test]
fn list_items_merged_in_translation_are_not_missing() {
    let (_, json) = check_json(&["fixtures/alignment/list-items-merged"]);
    assert!(diags(&json).is_empty(), "{json}");
}

/// Two neighbouring subsections alike in length, with no anchors and no words shared
/// across the scripts, and an Arabic that has one of them: nothing but their meaning
/// tells which one it lacks (the blocks of either align with the Arabic as cheaply), so
/// the finding names both, with a span on each, instead of claiming one. Near-miss:
/// when the dropped one is twice the length of its neighbour, the lengths decide and
/// only it is named.
#[test]
fn a_drop_between_two_alike_sections_names_both() {
    let (_, json) = check_json(&["fixtures/alignment/neighbours-alike"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    let m = of_rule(&d, "section-missing");
    assert_eq!(m.len(), 1, "{json}");
    let msg = m[0]["message"].as_str().unwrap();
    assert!(msg.contains("“Voices”") && msg.contains("“Length”"), "{msg}");
    let en_lines: Vec<u64> = m[0]["related"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["path"].as_str().unwrap().ends_with("en.md"))
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(en_lines, [11, 15], "{json}");
    // The primary span is on the Arabic section that translates one of the two.
    assert_eq!(m[0]["primary"]["line"].as_u64(), Some(11), "{json}");
    assert!(m[0]["primary"]["path"].as_str().unwrap().ends_with("ar.md"));

    let (_, json) = check_json(&["fixtures/alignment/neighbours-unlike"]);
    let d = diags(&json);
    let m = of_rule(&d, "section-missing");
    assert_eq!(m.len(), 1, "{json}");
    let msg = m[0]["message"].as_str().unwrap();
    assert!(msg.contains("“Voices”") && !msg.contains("“Length”"), "{msg}");
    assert_eq!(m[0]["related"].as_array().unwrap().len(), 1, "{json}");
}

/// The reverse: the Arabic has a subsection the English lacks, next to one alike in
/// length: the finding names both Arabic sections.
#[test]
fn an_extra_between_two_alike_sections_names_both() {
    let (_, json) = check_json(&["fixtures/alignment/neighbours-alike-extra"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    assert!(of_rule(&d, "section-missing").is_empty(), "{json}");
    let m = of_rule(&d, "section-extra");
    assert_eq!(m.len(), 1, "{json}");
    let msg = m[0]["message"].as_str().unwrap();
    assert!(msg.contains("الأصوات") && msg.contains("الطول"), "{msg}");
    let ar_lines: Vec<u64> = std::iter::once(&m[0]["primary"])
        .chain(m[0]["related"].as_array().unwrap())
        .filter(|l| l["path"].as_str().unwrap().ends_with("ar.md"))
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(ar_lines, [11, 15], "{json}");
}

/// Inside a section: two neighbouring bullets alike in length, no anchors, across
/// scripts, and an Arabic list that lacks one. The aligner cannot tell which (its two
/// pairings cost within `align::AMBIGUOUS`): `content-missing` names both, with the
/// primary span on the Arabic bullet that translates one of them. Near-miss: the same
/// list whose dropped bullet is half as long again as its neighbour is reported alone.
#[test]
fn a_bullet_dropped_between_two_alike_bullets_names_both() {
    let (_, json) = check_json(&["fixtures/alignment/bullets-alike"]);
    assert_spans_valid(&json);
    let d = diags(&json);
    assert_eq!(rules_of(&json), ["content-missing"], "{json}");
    let m = of_rule(&d, "content-missing");
    assert_eq!(m.len(), 1, "{json}");
    let msg = m[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("“Look at the date on each tin.”") && msg.contains("“Keep vegetables away from bread.”"),
        "{msg}"
    );
    let lines: Vec<u64> =
        m[0]["related"].as_array().unwrap().iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [9, 10], "{json}");
    assert_eq!(m[0]["primary"]["line"].as_u64(), Some(9), "{json}");

    let (_, json) = check_json(&["fixtures/alignment/bullets-unlike"]);
    let d = diags(&json);
    let m = of_rule(&d, "content-missing");
    assert_eq!(m.len(), 1, "{json}");
    let msg = m[0]["message"].as_str().unwrap();
    assert!(msg.contains("“Check the dates on every tin") && !msg.contains("vegetables"), "{msg}");
    assert_eq!(m[0]["related"].as_array().unwrap().len(), 1, "{json}");
}

/// The reverse inside a section: the Arabic list has a bullet the English lacks, next to
/// one alike in length: `content-extra` (off by default) names both Arabic bullets and the
/// English bullet paired with one of them.
#[test]
fn an_extra_bullet_next_to_an_alike_one_names_both() {
    let out = oerlint()
        .args([
            "check",
            "fixtures/alignment/bullets-alike-extra",
            "--select",
            "content-extra",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_spans_valid(&json);
    let d = diags(&json);
    let m = of_rule(&d, "content-extra");
    assert_eq!(m.len(), 1, "{json}");
    let ar: Vec<u64> = std::iter::once(&m[0]["primary"])
        .chain(m[0]["related"].as_array().unwrap())
        .filter(|l| l["path"].as_str().unwrap().ends_with("ar.md"))
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(ar, [9, 10], "{json}");
    let notes = m[0]["notes"].as_array().unwrap();
    assert!(notes[0].as_str().unwrap().contains("which one it lacks"), "{json}");
}
