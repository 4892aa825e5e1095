//! Reading real documents completely (issue #12): every construct people write is read,
//! with exact spans, or skipped with a note; nothing after an image, a table or an HTML
//! block is lost. The coverage check compares what oerlint reads with the text of the HTML
//! that pulldown-cmark itself renders, on the fixtures and on ../shared/corpus.

mod common;

use common::*;
use oerlint::blocks::{self, Block, BlockKind, Format, Parsed};
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn read(s: &str) -> Parsed {
    blocks::read(s, 0..s.len(), Format::Markdown)
}

fn read_mdx(s: &str) -> Parsed {
    blocks::read(s, 0..s.len(), Format::Mdx)
}

/// The block whose text contains `needle`.
fn block<'a>(p: &'a Parsed, needle: &str) -> &'a Block {
    p.blocks
        .iter()
        .find(|b| b.text.contains(needle))
        .unwrap_or_else(|| panic!("no block contains {needle:?}: {:#?}", p.blocks))
}

/// `needle` is read from the file exactly where it stands.
fn assert_read<'a>(src: &'a str, p: &Parsed, needle: &str) -> &'a str {
    let b = block(p, needle);
    let at = b.text.find(needle).unwrap();
    let r = b.file_range(at..at + needle.len());
    assert_eq!(&src[r.clone()], needle, "{needle:?} maps to {r:?} in {b:#?}");
    &src[r]
}

fn flat(b: &Block) -> String {
    b.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn an_image_does_not_end_reading() {
    let s = "# Title\n\nIntro 7.\n\n## Sub\n\nText 42 and [a](https://x.org).\n\nSee ![i](a.png) here.\n\n## Third\n\nMore 99.\n";
    let p = read(s);
    assert_eq!(flat(block(&p, "See")), "See here.");
    assert_read(s, &p, "here.");
    assert_read(s, &p, "99");
    assert!(block(&p, "Third").is_heading());
    // An image with a title, and an image inside a link.
    let s = "A ![alt](a.png \"The title\") then 5.\n\n[![badge](b.svg)](https://ci.example.org) and 7 more.\n\nLast 8.\n";
    let p = read(s);
    assert_eq!(flat(block(&p, "then")), "A then 5.");
    assert_read(s, &p, "5.");
    let b = block(&p, "7 more");
    assert_eq!(b.links[0].dest, "https://ci.example.org");
    assert_eq!(&s[b.links[0].dest_span.clone()], "https://ci.example.org");
    assert_read(s, &p, "Last 8.");
}

#[test]
fn the_three_file_example_reports_the_number_and_no_section() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("en.md"), "# Title\n\nIntro 7.\n\n## Sub\n\nText 42 and [a](https://x.org).\n\nSee ![i](a.png) here.\n\n## Third\n\nMore 99.\n").unwrap();
    std::fs::write(d.join("fr.md"), "# Titre\n\nIntro 7.\n\n## Sous-titre\n\nTexte 42 et [a](https://x.org).\n\nVoir ici.\n\n## Troisième\n\nPlus 98.\n").unwrap();
    std::fs::write(d.join("ar.md"), "# العنوان\n\nمقدمة 7.\n\n## فرعي\n\nنص 42 و [a](https://x.org).\n\nانظر هنا.\n\n## الثالث\n\nالمزيد 98.\n").unwrap();
    let (code, v) = check_json(&[d.to_str().unwrap()]);
    let all = diags(&v);
    let rules: Vec<_> = all.iter().map(|x| x["rule"].as_str().unwrap().to_string()).collect();
    assert_eq!(rules, vec!["number-mismatch", "number-mismatch"], "{all:#?}");
    for x in &all {
        assert_eq!(x["primary"]["text"], "98");
        assert_eq!(x["related"][0]["text"], "99");
    }
    assert_eq!(code, 1);
    assert_spans_valid(&v);
}

#[test]
fn images_in_headings_with_attribute_lists() {
    let s = "# ![icon](assets/icon.png){: style=\"height:80px\"} A01:2021 – Access Control\n\nFirst 3 paragraph.\n\n## Next\n";
    let p = read(s);
    assert_eq!(p.blocks.len(), 3, "{:#?}", p.blocks);
    assert_eq!(flat(&p.blocks[0]), "A01:2021 – Access Control");
    assert!(p.blocks[0].is_heading());
    assert_read(s, &p, "A01:2021");
    assert_read(s, &p, "First 3 paragraph.");
}

#[test]
fn html_links_are_links() {
    let s = "Read <a href=\"https://x.org/p?q=1\" class=\"c\">the page</a> today, 12 times.\n";
    let p = read(s);
    let b = block(&p, "the page");
    assert_eq!(flat(b), "Read the page today, 12 times.");
    assert_eq!(b.links.len(), 1);
    let l = &b.links[0];
    assert_eq!(l.dest, "https://x.org/p?q=1");
    assert_eq!(&s[l.dest_span.clone()], "https://x.org/p?q=1");
    assert_eq!(&b.text[l.text.clone()], "the page");
    assert!(s[l.span.clone()].starts_with("<a ") && s[l.span.clone()].ends_with("</a>"));
    assert_read(s, &p, "12");
}

#[test]
fn html_blocks_whose_content_is_markdown_are_read() {
    let s = "Before 1.\n\n<aside markdown=\"1\" class=\"pquote\">\n  <img src=\"https://a.org/x.png\" class=\"avatar\" alt=\"avatar\">\n  I said it 40 times, write to ann@example.org.\n  <p markdown=\"1\" class=\"credit\">\n— @ann, [\"A talk\"](https://ann.example.org/talk)\n  </p>\n</aside>\n\nAfter 2.\n";
    let p = read(s);
    assert_read(s, &p, "I said it 40 times, write to ann@example.org.");
    let b = block(&p, "@ann");
    assert_eq!(b.links[0].dest, "https://ann.example.org/talk");
    assert_eq!(&s[b.links[0].dest_span.clone()], "https://ann.example.org/talk");
    assert_read(s, &p, "After 2.");
    // <details> and <div markdown="1"> with text on the lines right after the tag.
    let s = "<details>\n<summary>More 12</summary>\nHidden text 34 [l](https://y.org).\n</details>\n\n<div markdown=\"1\">\nInside **bold** 56.\n</div>\n";
    let p = read(s);
    assert_read(s, &p, "More 12");
    assert_read(s, &p, "Hidden text 34");
    assert_eq!(block(&p, "Hidden").links[0].dest, "https://y.org");
    assert_eq!(flat(block(&p, "Inside")), "Inside bold 56.");
    assert_read(s, &p, "56.");
    assert_ne!(
        block(&p, "More 12").span,
        block(&p, "Hidden").span,
        "summary and content are separate blocks"
    );
    // Comments, scripts and styles are not text.
    let s = "<div>\n<!-- hidden 1 -->\n<script>var x = 'a@b.org';</script>\nShown 2.\n</div>\n";
    let p = read(s);
    assert_eq!(p.blocks.len(), 1, "{:#?}", p.blocks);
    assert_read(s, &p, "Shown 2.");
}

#[test]
fn table_cells_are_blocks_and_numbers_never_span_cells() {
    let s = "| Mapped | Rate | Total |\n|---|---:|---|\n| 208 | 387 | 789 |\n| 3.81% | 318k | 19,013 |\n\nAfter.\n";
    let p = read(s);
    let cells: Vec<_> = p.blocks.iter().filter(|b| b.kind == BlockKind::TableCell).map(flat).collect();
    assert_eq!(cells, vec!["Mapped", "Rate", "Total", "208", "387", "789", "3.81%", "318k", "19,013"]);
    for c in ["208", "387", "789", "19,013", "3.81%"] {
        assert_read(s, &p, c);
    }
    // Through the whole pipeline: one changed cell is one finding, on that cell.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# Figures\n\nThe table below gives the counts.\n\n| a | b | c |\n|---|---|---|\n| 208 | 387 | 789 |\n").unwrap();
    std::fs::write(dir.path().join("fr.md"), "# Chiffres\n\nLe tableau ci-dessous donne les nombres.\n\n| a | b | c |\n|---|---|---|\n| 208 | 378 | 789 |\n").unwrap();
    let (_, v) = check_json(&[dir.path().to_str().unwrap()]);
    let nums = of_rule(&diags(&v), "number-mismatch").into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(nums.len(), 1, "{nums:#?}");
    assert_eq!(nums[0]["primary"]["text"], "378");
}

#[test]
fn kramdown_liquid_and_heading_ids_are_markup() {
    let s = "## A title {#custom-id}\n\nA note 5.\n{: .note}\n\n{: style=\"height:80px\"}\n\n### Kept {: hreflang=\"en\"}\n\n{% include footer.html %}\n\nPage {{ page.title }} and {{slot}} 6.\n\n{::nomarkdown}\n";
    let p = read(s);
    let h = block(&p, "A title");
    assert_eq!(flat(h), "A title");
    assert_eq!(h.id(), Some("custom-id"));
    assert_eq!(flat(block(&p, "A note")), "A note 5.");
    assert_eq!(block(&p, "Kept").kept_lang(), Some("en"));
    assert_eq!(flat(block(&p, "Page")), "Page and {{slot}} 6.");
    assert_read(s, &p, "6.");
    let texts: Vec<_> = p.blocks.iter().map(flat).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
}

#[test]
fn mdx_components_and_module_syntax() {
    let s = "---\ntitle: Getting started\n---\n\nimport ReadMore from '~/components/ReadMore.astro';\nexport const meta = { a: 1 };\n\n<Card title=\"Install\">\n  Text with [a link](https://a.org/x) and 3 steps.\n</Card>\n\n<ReadMore href=\"/docs/install/\">Read more about it</ReadMore>\n\n    Indented prose 9 is text in MDX.\n\nValue {props.count} shown {/* hidden */}.\n\n```js\nconst a = 1;\n```\n";
    let p = read_mdx(s);
    let texts: Vec<_> = p.blocks.iter().map(flat).collect();
    assert!(!texts.iter().any(|t| t.contains("import") || t.contains("export")), "{texts:?}");
    assert_eq!(flat(block(&p, "Text with")), "Text with a link and 3 steps.");
    assert_read(s, &p, "and 3 steps.");
    assert_eq!(&s[block(&p, "Text with").links[0].dest_span.clone()], "https://a.org/x");
    let rm = block(&p, "Read more");
    assert_eq!(rm.links[0].dest, "/docs/install/");
    assert_eq!(&s[rm.links[0].dest_span.clone()], "/docs/install/");
    assert_read(s, &p, "Indented prose 9 is text in MDX.");
    assert_eq!(flat(block(&p, "Value")), "Value shown .");
    assert!(!texts.iter().any(|t| t.contains("const")), "{texts:?}");
    let fm = block(&p, "Getting started");
    assert_eq!(fm.kind, BlockKind::FrontMatter);
    assert_read(s, &p, "Getting started");
}

/// Images and components have no text, but keys for the aligner (`Block::keys`): an
/// image by its file name, a component by its name and braced props. Markup in a block
/// belongs to it, markup between blocks to the heading of its section (not to a
/// neighbour, which a translation may lack); code blocks give none.
#[test]
fn images_and_components_give_alignment_keys_to_their_blocks() {
    let keys = |b: &Block| b.keys().iter().map(|k| k.to_string()).collect::<Vec<_>>();
    let s = "## Binaries\n\n<FileTable title=\"Files\" source={binaries} />\n\n## Logo\n\n<img alt=\"Logo\" src=\"/static/logo.svg\" />\n\n## Next\n";
    let p = read_mdx(s);
    assert_eq!(keys(block(&p, "Binaries")), vec!["Component:FileTable source={binaries}"]);
    assert_eq!(keys(block(&p, "Logo")), vec!["Image:logo.svg"]);
    assert!(keys(block(&p, "Next")).is_empty());
    let s = "# T\n\nSee ![shot](/img/shot.png) here.\n\n<aside markdown=\"1\">\n<img src=\"https://avatars.example.com/ana?s=180\">\nA quote by Ana.\n</aside>\n\n```html\n<img src=\"x.png\">\n```\n";
    let p = read(s);
    assert_eq!(keys(block(&p, "See")), vec!["Image:shot.png"]);
    assert_eq!(keys(block(&p, "T")), vec!["Image:ana"]);
    assert!(keys(block(&p, "A quote")).is_empty());
    assert!(p.blocks.iter().all(|b| !b.keys().iter().any(|k| k.contains("x.png"))), "{:#?}", p.blocks);
}

#[test]
fn footnotes_references_autolinks_breaks_and_emphasis() {
    let s = "Claim[^1] with [text][ref] and <https://auto.example.org>.\n\n[^1]: Note 45 from the 2021 report.\n\n[ref]: https://r.example.org/page \"Title\"\n\nline one  \nline two\\\nline *three **four\nfive** six* 77.\n";
    let p = read(s);
    let b = block(&p, "Claim");
    assert_eq!(b.links.len(), 2, "{b:#?}");
    assert_eq!(b.links[0].dest, "https://r.example.org/page");
    assert_eq!(&s[b.links[0].dest_span.clone()], "https://r.example.org/page");
    assert_eq!(b.links[1].dest, "https://auto.example.org");
    assert_eq!(&s[b.links[1].dest_span.clone()], "https://auto.example.org");
    assert_read(s, &p, "Note 45 from the 2021 report.");
    let b = block(&p, "line one");
    assert_eq!(flat(b), "line one line two line three four five six 77.");
    assert_read(s, &p, "77.");
    assert_read(s, &p, "four\nfive");
}

#[test]
fn unreadable_content_is_a_note_not_silence() {
    let s = "Text 1.\n\n```sh\nrun this\n\nAnd this paragraph 2 is swallowed.\n";
    let p = read(s);
    assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);
    assert!(p.skipped[0].what.contains("never closed"), "{:?}", p.skipped);
    let s = "Text 1.\n\n<!-- start\n\nHidden 2.\n";
    let p = read(s);
    assert!(p.skipped.iter().any(|x| x.what.contains("comment")), "{:?}", p.skipped);
    // Through the CLI: an input note, and the run does not look clean.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.md"), "# T\n\nText 1.\n\n```\ncode\n\nLost 2.\n").unwrap();
    std::fs::write(dir.path().join("fr.md"), "# T\n\nTexte 1.\n\nPerdu 2.\n").unwrap();
    let (_, v) = check_json(&[dir.path().to_str().unwrap()]);
    let notes = of_rule(&diags(&v), "input-error").into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(notes.len(), 1, "{v:#}");
    assert_eq!(notes[0]["severity"], "note");
    assert!(notes[0]["message"].as_str().unwrap().contains("never closed"));
}

#[test]
fn broken_link_syntax_is_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("en.md"), "# Links\n\nSee [the guide](https://g.example.org) and [the site](https://s.example.org/a).\n\nAlso https://h.example.org.\n").unwrap();
    std::fs::write(d.join("fr.md"), "# Liens\n\nVoir [le guide] (https://g.example.org) et [le site]\n(https://s.example.org/a).\n\nAussi hhttps://h.example.org.\n").unwrap();
    let (_, v) = check_json(&[d.to_str().unwrap()]);
    let m: Vec<_> = of_rule(&diags(&v), "link-malformed").into_iter().cloned().collect();
    let texts: Vec<_> = m.iter().map(|x| x["primary"]["text"].as_str().unwrap().to_string()).collect();
    assert_eq!(texts, vec!["] (", "]\n(", "hhttps"], "{m:#?}");
    assert!(m[0]["message"].as_str().unwrap().contains("space between"));
    assert_spans_valid(&v);
    // Near miss: a bracketed word followed by a parenthesis of prose.
    std::fs::write(d.join("fr.md"), "# Liens\n\nVoir [le guide](https://g.example.org) et [le site](https://s.example.org/a) [sic] (voir plus bas).\n\nAussi https://h.example.org.\n").unwrap();
    let (_, v) = check_json(&[d.to_str().unwrap()]);
    assert!(of_rule(&diags(&v), "link-malformed").is_empty(), "{v:#}");
}

#[test]
fn blocks_command_shows_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("en.md");
    std::fs::write(&f, "# Title {#t}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText with \u{1b}[31m escape.\n")
        .unwrap();
    let out = oerlint().args(["blocks", f.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("heading") && text.contains("{#t}"), "{text}");
    assert_eq!(text.matches("table cell").count(), 4, "{text}");
    assert!(!text.contains('\u{1b}'), "control characters are shown, not printed: {text}");
    assert!(text.contains("<U+001B>"), "{text}");
    let out = oerlint().args(["blocks", "--format", "json", f.to_str().unwrap()]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["blocks"][0]["kind"], "heading");
    assert_eq!(v[0]["blocks"][0]["id"], "t");
    assert_eq!(v[0]["blocks"][0]["line"], 1);
    let out = oerlint().args(["blocks", "/no/such/file.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.md"));
}

// ---------------------------------------------------------------------------------------
// No silent loss, as a property: any construct before a sentence leaves the sentence,
// its number, link and email read with exact spans.

const CONSTRUCTS: &[&str] = &[
    "![img](a.png)",
    "![img](a.png \"title\"){: style=\"height:80px\"}",
    "# ![icon](i.png) Heading",
    "[![badge](b.svg)](https://ci.example.org)",
    "<a href=\"https://x.org\">x</a>",
    "<aside markdown=\"1\">\n  Pulled **quote**.\n</aside>",
    "<details>\n<summary>S</summary>\nD\n</details>",
    "<div markdown=\"1\">\nIn div\n</div>",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "{: .note}",
    "## H {#hid}",
    "{% include x.html %}",
    "{{ page.title }}",
    "[^n]: A footnote.",
    "[ref]: https://ref.example.org",
    "<https://auto.example.org>",
    "```\ncode\n```",
    "<!-- a comment -->",
    "> quoted *text*",
    "- item\n  - nested",
    "Term\n: Definition",
    "<img src=\"x.png\" alt=\"x\">",
    "***",
    "<br>",
];

const SENTENCE: &str = "Check 4821 at [site](https://example.org/p) or mail ann@example.org.";

fn assert_sentence_read(s: &str, p: &Parsed) {
    let b = block(p, "Check 4821");
    for needle in ["Check 4821", "4821", "ann@example.org"] {
        let at = b.text.find(needle).unwrap();
        assert_eq!(&s[b.file_range(at..at + needle.len())], needle, "{s:?}");
    }
    let l =
        b.links.iter().find(|l| l.dest == "https://example.org/p").unwrap_or_else(|| panic!("{s:?}: {b:#?}"));
    assert_eq!(&s[l.dest_span.clone()], "https://example.org/p");
    assert_eq!(&b.text[l.text.clone()], "site");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn any_construct_before_a_sentence_keeps_it_read(
        picks in proptest::collection::vec(0..CONSTRUCTS.len(), 1..4),
        inline in any::<bool>(),
        mdx in any::<bool>(),
    ) {
        let mut s = String::new();
        for &i in &picks {
            s.push_str(CONSTRUCTS[i]);
            s.push_str("\n\n");
        }
        if inline {
            s.push_str("Lead ![x](y.png) <a href=\"https://z.org\">z</a> ");
        }
        s.push_str(SENTENCE);
        s.push('\n');
        let p = if mdx { read_mdx(&s) } else { read(&s) };
        assert_sentence_read(&s, &p);
    }
}

// ---------------------------------------------------------------------------------------
// Coverage: the text oerlint reads covers the visible text of the document, as
// pulldown-cmark renders it to HTML (code, comments, scripts, image alt text and markup
// such as attribute lists and Liquid tags aside).

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    // Emphasis markers inside HTML blocks are literal for pulldown-cmark's renderer.
    let s = s.replace('*', "");
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

fn strip(re: &str, s: &str) -> String {
    regex::Regex::new(re).unwrap().replace_all(s, " ").into_owned()
}

/// The visible text of a Markdown file, rendered by pulldown-cmark.
fn reference_text(src: &str, mdx: bool) -> String {
    // Fenced code is code wherever it stands (also inside HTML and JSX blocks).
    let mut kept = String::new();
    let mut fence: Option<String> = None;
    for line in src.split_inclusive('\n') {
        let t = line.trim();
        match &fence {
            None if t.starts_with("```") || t.starts_with("~~~") => {
                fence = Some(t.chars().take_while(|c| *c == t.chars().next().unwrap()).collect());
                kept.push('\n');
            }
            Some(f) if t.starts_with(f.as_str()) && t.chars().all(|c| f.starts_with(c)) => {
                fence = None;
                kept.push('\n');
            }
            Some(_) => kept.push('\n'),
            None => kept.push_str(line),
        }
    }
    let mut opts = pulldown_cmark::Options::empty();
    opts.insert(pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(pulldown_cmark::Options::ENABLE_TABLES);
    opts.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    opts.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    opts.insert(pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&kept, opts));
    let mut t = strip(r"(?s)<pre>.*?</pre>|<!--.*?-->|<script.*?</script>|<style.*?</style>", &html);
    if mdx {
        // JSX attributes may hold `>` inside braces; module lines are not prose.
        t = strip(r"(?m)^<p>(?:import|export) .*?</p>$", &t);
        t = strip(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", &t);
    }
    t = html_escape::decode_html_entities(&t).into_owned();
    // Inline tags join the words around them; other tags separate them.
    t = regex::Regex::new(
        r"</?(?:a|em|strong|code|span|del|s|sup|sub|b|i|small|abbr|kbd|mark|u)(?:\s[^<>]*)?>",
    )
    .unwrap()
    .replace_all(&t, "")
    .into_owned();
    t = strip(r#"<[A-Za-z/!][^<>]*>"#, &t);
    if mdx {
        // JSX tags split over lines, as Markdown left them.
        t = strip(r#"<[A-Za-z][\w.]*(?:\s[^<>]*)?$|^\s*/?>"#, &t);
    }
    // Markdown inside raw HTML blocks is not rendered by pulldown-cmark: its link
    // destinations are not visible text.
    t = regex::Regex::new(r#"\]\(\s*<?[^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*>?(?:\s+"[^"]*")?\s*\)"#)
        .unwrap()
        .replace_all(&t, "]")
        .into_owned();
    // Markup that is not text: Kramdown, Liquid.
    t = strip(r"\{::?[^{}]*\}|\{:/[^{}]*\}|\{#[^{}]*\}|\{%.*?%\}|\{\{\s[^{}]*?\s\}\}", &t);
    t
}

fn read_text(path: &Path, src: &str) -> String {
    let p = blocks::read(src, 0..src.len(), Format::from_path(path));
    p.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            markdown_files(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "mdx")) {
            out.push(p);
        }
    }
}

/// Words of the rendered text that oerlint did not read, per file.
fn coverage_gaps(files: &[PathBuf]) -> Vec<String> {
    let mut gaps = Vec::new();
    for f in files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        let mdx = f.extension().is_some_and(|e| e == "mdx");
        let want = words(&reference_text(&src, mdx));
        let got = words(&read_text(f, &src));
        let mut missing: Vec<String> = want
            .iter()
            .filter(|(w, n)| got.get(*w).copied().unwrap_or(0) < **n)
            .map(|(w, n)| format!("{w}×{}", n - got.get(w).copied().unwrap_or(0)))
            .collect();
        if !missing.is_empty() {
            missing.sort();
            gaps.push(format!("{}: {}", f.display(), missing.join(" ")));
        }
    }
    gaps
}

#[test]
fn coverage_of_the_fixtures() {
    let mut files = Vec::new();
    markdown_files(&repo().join("fixtures"), &mut files);
    assert!(files.len() > 20);
    let gaps = coverage_gaps(&files);
    assert!(gaps.is_empty(), "text not read:\n{}", gaps.join("\n"));
}

#[test]
fn coverage_of_the_corpus() {
    let root = repo().join("../shared/corpus");
    if !root.exists() {
        eprintln!("skipped: ../shared/corpus not present");
        return;
    }
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    assert!(files.len() > 1000, "{} files", files.len());
    let gaps = coverage_gaps(&files);
    assert!(gaps.is_empty(), "{} files with text not read:\n{}", gaps.len(), gaps.join("\n"));
}

#[test]
fn front_matter_is_yaml_prose_fields_are_compared_and_untranslated_pages_get_one_note() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Any YAML spelling of `source`; the title is prose, compared like any text.
    std::fs::write(
        d.join("en.md"),
        "---\n\"source\": 'fr'\ntitle: \"Report 2024\"\n---\n\n# Report\n\nWe met 12 times.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("fr.md"),
        "---\ntitle: Rapport 2025\n---\n\n# Rapport\n\nNous nous sommes réunis 12 fois.\n",
    )
    .unwrap();
    let (_, v) = check_json(&[d.to_str().unwrap()]);
    // (a year alone is a date)
    let nums: Vec<_> = of_rule(&diags(&v), "date-mismatch").into_iter().cloned().collect();
    assert_eq!(nums.len(), 1, "{v:#}");
    // The source is French (from the YAML front matter): the English title is the one that differs.
    assert_eq!(nums[0]["primary"]["text"], "2024");
    assert_eq!(nums[0]["related"][0]["text"], "2025");
    assert_spans_valid(&v);
    // A translation declared untranslated: one note, not a warning per block.
    std::fs::write(
        d.join("en.md"),
        "# Report\n\nWe met twelve times in the spring.\n\nThe next meeting is in the autumn.\n",
    )
    .unwrap();
    std::fs::write(d.join("fr.md"), "---\nuntranslated: true\n---\n\n# Report\n\nWe met twelve times in the spring.\n\nThe next meeting is in the autumn.\n").unwrap();
    let (code, v) = check_json(&[d.to_str().unwrap()]);
    let u: Vec<_> = of_rule(&diags(&v), "untranslated").into_iter().cloned().collect();
    assert_eq!(u.len(), 1, "{v:#}");
    assert_eq!(u[0]["severity"], "note");
    assert_eq!(u[0]["primary"]["text"], "true");
    assert!(u[0]["message"].as_str().unwrap().contains("3 blocks"), "{}", u[0]["message"]);
    assert_eq!(code, 0);
    // Near miss: without the declaration every block is reported.
    std::fs::write(
        d.join("fr.md"),
        "# Report\n\nWe met twelve times in the spring.\n\nThe next meeting is in the autumn.\n",
    )
    .unwrap();
    let (_, v) = check_json(&[d.to_str().unwrap()]);
    assert_eq!(of_rule(&diags(&v), "untranslated").len(), 2, "{v:#}");
}
