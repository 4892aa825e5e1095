//! The side-by-side HTML report (`oerlint check --format html`, see docs/report.md).
//!
//! One self-contained page: inline CSS, a little inline JavaScript (filters, counterpart
//! highlighting), no external resource of any kind, and a Content-Security-Policy that
//! forbids loading one. Each document is a table whose rows are its aligned sections and
//! whose columns are its language versions, source first. Anchors and the spans of
//! findings are marked in the text; every finding is listed under its document with links
//! to its places. Content links are shown as text, never as live links.

use crate::anchors::{Anchor, Kind};
use crate::blocks::{Block, BlockKind};
use crate::check::{Document, Version};
use crate::diag::{Diagnostic, Label, Severity};
use crate::lang::Lang;
use crate::render::named_invisibles;
use crate::source::SourceFile;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;
use unicode_script::{Script, UnicodeScript};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        _ => out.push(c),
    }
}

/// An attribute value: escaped, with invisible characters named (`<U+202E>`).
fn attr(s: &str) -> String {
    escape(&named_invisibles(s))
}

/// The name of a character that is invisible or changes the direction of text.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => return None,
    })
}

/// Text as element content: escaped, invisible characters replaced by a visible,
/// direction-isolated `⟨U+202E⟩` that names them. The characters themselves are left
/// out, so an override in the text cannot reorder the page.
fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        push_char(out, c);
    }
}

fn push_char(out: &mut String, c: char) {
    match invisible_name(c) {
        Some(name) => {
            let _ = write!(
                out,
                "<span class=\"invisible\" dir=\"ltr\" title=\"U+{cp:04X} {name}\">⟨U+{cp:04X}⟩</span>",
                cp = c as u32
            );
        }
        None => push_escaped(out, c),
    }
}

fn text(s: &str) -> String {
    let mut out = String::new();
    push_text(&mut out, s);
    out
}

fn sev_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Note => "ℹ",
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Email => "email",
        Kind::Code => "code",
        Kind::Link => "link",
        Kind::Number => "number",
        Kind::Date => "date",
        Kind::Time => "time",
        Kind::Quantity => "quantity",
    }
}

fn plural(n: usize, w: &str) -> String {
    if n == 1 {
        format!("{n} {w}")
    } else {
        format!("{n} {w}s")
    }
}

fn same_file(a: &Arc<SourceFile>, b: &Arc<SourceFile>) -> bool {
    Arc::ptr_eq(a, b) || a.path == b.path
}

/// A label's place as `path:line:column`.
fn place(l: &Label) -> String {
    let (line, col) = l.file.line_col(l.start);
    format!("{}:{line}:{col}", l.file.display)
}

/// A label's own text, quoted when short enough to be worth it.
fn quoted(l: &Label) -> String {
    let t = l.text();
    if t.is_empty() || t.contains('\n') || t.chars().count() > 80 {
        String::new()
    } else {
        format!(" «<bdi lang=\"{}\">{}</bdi>»", l.lang, text(t))
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }

    fn total(&self) -> usize {
        self.errors + self.warnings + self.notes
    }

    fn text(&self) -> String {
        format!(
            "{}, {}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notes, "note")
        )
    }
}

/// One unit of a block's display: a character of its plain text, a character of a link
/// destination shown after the link text, or decoration around that destination.
struct Unit {
    c: char,
    /// The bytes of the file the character stands for; `None` for decoration.
    file: Option<Range<usize>>,
    /// Set on letters a confusable or mixed-script finding points at: their script.
    suspect: Option<Script>,
}

/// The display units of a block: its plain text, with each Markdown link's destination
/// written after the link text as `⟨dest⟩` (as text: the page never links out).
fn units(block: &Block, file: &SourceFile) -> Vec<Unit> {
    let mut links: Vec<_> = block
        .links
        .iter()
        .filter(|l| {
            let shown = block.text.get(l.text.clone()).unwrap_or("").trim();
            let dest = l.dest.trim();
            // Autolinks show their destination already.
            shown != dest && dest.strip_prefix("mailto:") != Some(shown)
        })
        .collect();
    links.sort_by_key(|l| l.text.end);
    let mut out = Vec::with_capacity(block.text.len() + 16);
    let mut next = 0;
    let push_dest = |out: &mut Vec<Unit>, l: &crate::blocks::Link| {
        let deco = |c| Unit { c, file: None, suspect: None };
        out.push(deco(' '));
        out.push(deco('⟨'));
        let span = l.dest_span.clone();
        match file.text.get(span.clone()).filter(|raw| *raw == l.dest) {
            Some(raw) => {
                for (k, c) in raw.char_indices() {
                    let at = span.start + k;
                    out.push(Unit { c, file: Some(at..at + c.len_utf8()), suspect: None });
                }
            }
            None => {
                for c in l.dest.chars() {
                    out.push(Unit { c, file: Some(span.clone()), suspect: None });
                }
            }
        }
        out.push(deco('⟩'));
    };
    for (p, c) in block.text.char_indices() {
        while next < links.len() && links[next].text.end <= p {
            push_dest(&mut out, links[next]);
            next += 1;
        }
        out.push(Unit { c, file: Some(block.file_range(p..p + c.len_utf8())), suspect: None });
    }
    for l in &links[next..] {
        push_dest(&mut out, l);
    }
    out
}

/// Something marked in a block: an anchor, the span of a finding, or both; or the
/// destination of a link written after its text.
struct Mark<'a> {
    file: Range<usize>,
    dest: bool,
    anchor: Option<&'a Anchor>,
    /// (diagnostic index, label index: 0 for the primary, k + 1 for related k).
    labels: Vec<(usize, usize)>,
}

/// A label of a finding, located in a file of the document.
#[derive(Clone, Copy)]
struct Placed<'a> {
    diag: usize,
    index: usize,
    label: &'a Label,
}

struct Page<'a> {
    diags: &'a [Diagnostic],
    /// Where each label was first drawn: element id by (diagnostic, label index).
    places: HashMap<(usize, usize), String>,
    next_id: usize,
    out: String,
}

/// The whole report for a set of checked documents and the findings about them.
pub fn report(docs: &[&Document], diags: &[Diagnostic]) -> String {
    // Which document each finding is about (by its primary span).
    let mut doc_of: HashMap<&std::path::Path, usize> = HashMap::new();
    for (k, doc) in docs.iter().enumerate() {
        for f in &doc.files {
            doc_of.entry(f.path.as_path()).or_insert(k);
        }
    }
    let owner: Vec<Option<usize>> =
        diags.iter().map(|d| doc_of.get(d.primary.file.path.as_path()).copied()).collect();
    let mut findings: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, o) in owner.iter().enumerate() {
        if let Some(k) = o {
            findings[*k].push(i);
        }
    }
    let mut per_doc = vec![Counts::default(); docs.len()];
    let mut total = Counts::default();
    let mut by_rule: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut by_lang: BTreeMap<&str, Counts> = BTreeMap::new();
    for (d, o) in diags.iter().zip(&owner) {
        if let Some(o) = o {
            per_doc[*o].add(d.severity);
        }
        total.add(d.severity);
        by_rule.entry(d.rule).or_default().add(d.severity);
        by_lang.entry(d.primary.lang.tag()).or_default().add(d.severity);
    }
    let mut langs: BTreeSet<Lang> = docs.iter().flat_map(|d| d.versions.iter().map(|v| v.lang)).collect();
    langs.extend(diags.iter().map(|d| d.primary.lang));
    let files: usize = docs.iter().map(|d| d.files.len()).sum();

    let mut p = Page { diags, places: HashMap::new(), next_id: 0, out: String::with_capacity(1 << 16) };
    p.out.push_str(HEAD);
    let o = &mut p.out;
    o.push_str("<a class=\"skip\" href=\"#main\">Skip to the documents</a>\n");
    o.push_str("<header>\n<h1>oerlint report</h1>\n");
    let _ = writeln!(
        o,
        "<p class=\"totals\"><strong>{}</strong> in {} · <span class=\"sev-error\">{} {}</span> · \
         <span class=\"sev-warning\">{} {}</span> · <span class=\"sev-note\">{} {}</span></p>",
        plural(docs.len(), "document"),
        plural(files, "file"),
        sev_icon(Severity::Error),
        plural(total.errors, "error"),
        sev_icon(Severity::Warning),
        plural(total.warnings, "warning"),
        sev_icon(Severity::Note),
        plural(total.notes, "note"),
    );
    let lang_list: Vec<String> =
        langs.iter().map(|l| format!("{} (<code>{}</code>)", escape(l.name()), escape(l.tag()))).collect();
    let _ = writeln!(o, "<p>Languages: {}.</p>", lang_list.join(", "));
    o.push_str("</header>\n");

    // Summary tables and filters, with the table of contents beside them.
    o.push_str("<div class=\"top\">\n");
    o.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n");
    o.push_str("<div class=\"cols\">\n");
    counts_table(
        o,
        "Findings by rule",
        "rule",
        by_rule.iter().map(|(r, c)| (format!("<code>{r}</code>"), *c)),
    );
    counts_table(
        o,
        "Findings by language",
        "language",
        by_lang.iter().map(|(l, c)| {
            let name = Lang::parse(l).map(|x| x.name()).unwrap_or("shared");
            (format!("{} (<code>{}</code>)", escape(name), escape(l)), *c)
        }),
    );
    o.push_str("</div>\n");
    o.push_str(
        "<form id=\"filters\" hidden aria-label=\"Filters\">\n<p class=\"hint\">Untick to hide findings \
         (and unmark them in the text); an unticked language also hides its column.</p>\n",
    );
    let sevs: Vec<(&str, usize)> =
        [("error", total.errors), ("warning", total.warnings), ("note", total.notes)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect();
    filter_set(o, "Severity", "sev", sevs.iter().map(|(s, n)| (s.to_string(), s.to_string(), *n)));
    filter_set(o, "Rule", "rule", by_rule.iter().map(|(r, c)| (r.to_string(), r.to_string(), c.total())));
    filter_set(
        o,
        "Language",
        "lang",
        langs.iter().map(|l| {
            let n = by_lang.get(l.tag()).map(|c| c.total()).unwrap_or(0);
            (l.tag().to_string(), format!("{} ({})", l.name(), l.tag()), n)
        }),
    );
    o.push_str("<p id=\"shown\" aria-live=\"polite\"></p>\n</form>\n</section>\n");

    // Table of contents: most errors first.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (per_doc[a], per_doc[b]);
        (y.errors, y.warnings, y.notes)
            .cmp(&(x.errors, x.warnings, x.notes))
            .then_with(|| docs[a].name.cmp(&docs[b].name))
    });
    let orphans: Vec<usize> = (0..diags.len()).filter(|&i| owner[i].is_none()).collect();
    o.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">Documents, most errors first</h2>\n<ol>\n",
    );
    for &k in &order {
        let c = per_doc[k];
        let _ = writeln!(
            o,
            "<li><a href=\"#doc-{k}\">{}</a> <span class=\"count{}\">{}</span></li>",
            text(&docs[k].name),
            if c.errors > 0 { " sev-error" } else { "" },
            c.text()
        );
    }
    if !orphans.is_empty() {
        let _ = writeln!(
            o,
            "<li><a href=\"#other\">Other findings</a> <span class=\"count\">{}</span></li>",
            plural(orphans.len(), "finding")
        );
    }
    o.push_str("</ol>\n</nav>\n</div>\n<main id=\"main\" tabindex=\"-1\">\n");

    for &k in &order {
        p.document(k, docs[k], &findings[k], per_doc[k]);
    }
    if !orphans.is_empty() {
        p.out.push_str(
            "<section id=\"other\" aria-labelledby=\"other-h\">\n<h2 id=\"other-h\">Other findings</h2>\n\
             <p>Findings outside the documents above (files that could not be read, for instance).</p>\n",
        );
        p.list(&orphans);
        p.out.push_str("</section>\n");
    }
    p.out.push_str("</main>\n");
    p.out.push_str(SCRIPT);
    p.out.push_str("</body>\n</html>\n");
    p.out
}

fn counts_table(o: &mut String, caption: &str, what: &str, rows: impl Iterator<Item = (String, Counts)>) {
    let _ = writeln!(
        o,
        "<table class=\"counts\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{what}</th>\
         <th scope=\"col\">{} errors</th><th scope=\"col\">{} warnings</th><th scope=\"col\">{} notes</th></tr></thead>\n<tbody>",
        sev_icon(Severity::Error),
        sev_icon(Severity::Warning),
        sev_icon(Severity::Note)
    );
    let mut any = false;
    for (name, c) in rows {
        any = true;
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{name}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            c.errors, c.warnings, c.notes
        );
    }
    if !any {
        o.push_str("<tr><td colspan=\"4\">no findings</td></tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

fn filter_set(
    o: &mut String,
    legend: &str,
    name: &str,
    items: impl Iterator<Item = (String, String, usize)>,
) {
    let _ = write!(o, "<fieldset><legend>{legend}</legend>");
    for (value, label, n) in items {
        let _ = write!(
            o,
            "<label><input type=\"checkbox\" name=\"{name}\" value=\"{}\" checked> {} <span class=\"n\">({n})</span></label> ",
            escape(&value),
            escape(&label)
        );
    }
    o.push_str("</fieldset>\n");
}

/// What a cell of the alignment table holds.
enum Cell {
    /// Sections of a version.
    Sections { version: usize, sections: Range<usize>, note: Option<String> },
    /// Source sections without counterpart in this version.
    Missing { version: usize, src: Range<usize> },
    /// A translation's extra sections: the source cell of their row.
    NoCounterpart { version: usize, tgt: Range<usize> },
    /// Nothing (another translation's extra row).
    Empty { version: usize },
}

enum Row {
    Src(usize),
    Extra,
}

impl Page<'_> {
    fn id(&mut self) -> String {
        self.next_id += 1;
        format!("m{}", self.next_id)
    }

    fn document(&mut self, k: usize, doc: &Document, mine: &[usize], counts: Counts) {
        let src = &doc.versions[doc.source];
        let mut cols: Vec<usize> = vec![doc.source];
        cols.extend(doc.pairings.iter().map(|p| p.tgt));
        // Labels of this document's findings, by file.
        let mut placed: Vec<Placed> = Vec::new();
        for &i in mine {
            let d = &self.diags[i];
            placed.push(Placed { diag: i, index: 0, label: &d.primary });
            for (j, r) in d.related.iter().enumerate() {
                placed.push(Placed { diag: i, index: j + 1, label: r });
            }
        }

        let o = &mut self.out;
        let _ = writeln!(o, "<section class=\"doc\" id=\"doc-{k}\" aria-labelledby=\"doc-{k}-h\">");
        let _ = writeln!(o, "<h2 id=\"doc-{k}-h\">{}</h2>", text(&doc.name));
        let versions: Vec<String> = cols
            .iter()
            .map(|&v| {
                let v = &doc.versions[v];
                format!("{} (<code>{}</code>, {})", escape(v.lang.name()), v.lang, text(&v.file.display))
            })
            .collect();
        let _ = writeln!(
            o,
            "<p>{}. Source: {}; {}. <a href=\"#doc-{k}-findings\">Findings</a>.</p>",
            counts.text(),
            versions[0],
            if versions.len() > 1 {
                format!("translations: {}", versions[1..].join(", "))
            } else {
                "no translation to compare with".to_string()
            }
        );

        // Rows: each source section, with each translation's extra sections before the
        // source section they come before.
        let n = src.sections.len();
        let mut rows: Vec<Row> = Vec::new();
        let mut src_row: Vec<usize> = Vec::with_capacity(n);
        // (column, start row) → (rowspan, cell)
        let mut cells: HashMap<(usize, usize), (usize, Cell)> = HashMap::new();
        for s in 0..=n {
            for (c, pairing) in doc.pairings.iter().enumerate() {
                for b in pairing.beads.iter().filter(|b| b.src.is_empty() && b.src.start == s) {
                    if b.tgt.is_empty() {
                        continue;
                    }
                    let r = rows.len();
                    rows.push(Row::Extra);
                    cells.insert(
                        (c + 1, r),
                        (
                            1,
                            Cell::Sections {
                                version: pairing.tgt,
                                sections: b.tgt.clone(),
                                note: Some("extra: no counterpart in the source".into()),
                            },
                        ),
                    );
                    cells.insert(
                        (0, r),
                        (1, Cell::NoCounterpart { version: pairing.tgt, tgt: b.tgt.clone() }),
                    );
                }
            }
            if s < n {
                src_row.push(rows.len());
                cells.insert(
                    (0, rows.len()),
                    (1, Cell::Sections { version: doc.source, sections: s..s + 1, note: None }),
                );
                rows.push(Row::Src(s));
            }
        }
        for (c, pairing) in doc.pairings.iter().enumerate() {
            let lang = doc.versions[pairing.tgt].lang;
            for b in pairing.beads.iter().filter(|b| !b.src.is_empty() && b.src.end <= n) {
                let first = src_row[b.src.start];
                let span = src_row[b.src.end - 1] + 1 - first;
                let cell = if b.tgt.is_empty() {
                    Cell::Missing { version: pairing.tgt, src: b.src.clone() }
                } else {
                    let mut notes = Vec::new();
                    if b.src.len() > 1 {
                        notes.push(format!(
                            "covers source §{}–§{} (merged in {})",
                            b.src.start + 1,
                            b.src.end,
                            lang.name()
                        ));
                    }
                    if b.tgt.len() > 1 {
                        notes.push(format!("{} {} sections for one", b.tgt.len(), lang.name()));
                    }
                    Cell::Sections {
                        version: pairing.tgt,
                        sections: b.tgt.clone(),
                        note: (!notes.is_empty()).then(|| notes.join("; ")),
                    }
                };
                cells.insert((c + 1, first), (span, cell));
            }
        }

        let caption = format!(
            "{}: aligned sections, one row per {} section; each language in its own column",
            text(&doc.name),
            escape(src.lang.name())
        );
        let o = &mut self.out;
        let _ = writeln!(o, "<div class=\"scroll\"><table class=\"align\">\n<caption>{caption}</caption>");
        o.push_str("<thead><tr><th scope=\"col\" class=\"rn\">§</th>");
        for (c, &v) in cols.iter().enumerate() {
            let ver = &doc.versions[v];
            let _ = write!(
                o,
                "<th scope=\"col\" data-col=\"{l}\" lang=\"{l}\" dir=\"{d}\"><bdi lang=\"en\">{name} <code>{l}</code>{role}</bdi><br><bdi class=\"path\" lang=\"en\">{path}</bdi></th>",
                l = ver.lang,
                d = if ver.lang.is_rtl() { "rtl" } else { "ltr" },
                name = escape(ver.lang.name()),
                role = if c == 0 { " · source" } else { "" },
                path = text(&ver.file.display)
            );
        }
        o.push_str("</tr></thead>\n<tbody>\n");

        // The shared preamble of multilingual files.
        for (file, blocks) in &doc.shared {
            let o = &mut self.out;
            let _ = write!(
                o,
                "<tr class=\"shared\"><th scope=\"row\" class=\"rn\">shared</th><td colspan=\"{}\" lang=\"und\">",
                cols.len()
            );
            for b in blocks {
                let labels: Vec<Placed> =
                    placed.iter().copied().filter(|p| same_file(&p.label.file, file)).collect();
                self.block(file, b, &[], &labels);
            }
            self.out.push_str("</td></tr>\n");
        }

        let mut covered: Vec<usize> = vec![0; cols.len()];
        for (r, row) in rows.iter().enumerate() {
            let o = &mut self.out;
            match row {
                Row::Src(s) => {
                    let _ = write!(
                        o,
                        "<tr id=\"doc-{k}-s{}\"><th scope=\"row\" class=\"rn\">§{}</th>",
                        s + 1,
                        s + 1
                    );
                }
                Row::Extra => {
                    o.push_str(
                        "<tr class=\"extra\"><th scope=\"row\" class=\"rn\"><span title=\"a translation's extra section\">+</span></th>",
                    );
                }
            }
            for (c, &v) in cols.iter().enumerate() {
                if covered[c] > r {
                    continue;
                }
                match cells.remove(&(c, r)) {
                    Some((span, cell)) => {
                        covered[c] = r + span;
                        self.cell(doc, span, &cell, &placed);
                    }
                    None => self.cell(doc, 1, &Cell::Empty { version: v }, &placed),
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table></div>\n");

        let _ = writeln!(
            self.out,
            "<h3 id=\"doc-{k}-findings\">Findings in {} ({})</h3>",
            text(&doc.name),
            counts.total()
        );
        self.list(mine);
        self.out.push_str("</section>\n");
    }

    /// Opens a cell of a version's column.
    fn open_td(&mut self, v: &Version, span: usize, class: &str) {
        let _ = write!(
            self.out,
            "<td data-col=\"{l}\" lang=\"{l}\" dir=\"{d}\"{rs}{cl}>",
            l = v.lang,
            d = if v.lang.is_rtl() { "rtl" } else { "ltr" },
            rs = if span > 1 { format!(" rowspan=\"{span}\"") } else { String::new() },
            cl = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") },
        );
    }

    /// The finding of `rule` with a label in `file` inside `range`, if any.
    fn finding_in(
        &self,
        placed: &[Placed],
        rule: &str,
        file: &Arc<SourceFile>,
        range: Range<usize>,
    ) -> Option<usize> {
        placed
            .iter()
            .find(|p| {
                self.diags[p.diag].rule == rule
                    && same_file(&p.label.file, file)
                    && p.label.start >= range.start
                    && p.label.start < range.end.max(range.start + 1)
            })
            .map(|p| p.diag)
    }

    fn cell(&mut self, doc: &Document, span: usize, cell: &Cell, placed: &[Placed]) {
        match cell {
            Cell::Sections { version, sections, note } => {
                let v = &doc.versions[*version];
                self.open_td(v, span, if note.is_some() { "noted" } else { "" });
                if let Some(n) = note {
                    let _ = write!(self.out, "<p class=\"note\" lang=\"en\" dir=\"ltr\">{}</p>", escape(n));
                }
                let labels: Vec<Placed> =
                    placed.iter().copied().filter(|p| same_file(&p.label.file, &v.file)).collect();
                for (k, s) in sections.clone().enumerate() {
                    if k > 0 {
                        self.out.push_str("<hr>");
                    }
                    for b in v.sections[s].blocks.clone() {
                        self.block(&v.file, &v.blocks[b], &v.anchors[b], &labels);
                    }
                }
            }
            Cell::Missing { version, src } => {
                let v = &doc.versions[*version];
                let s = &doc.versions[doc.source];
                self.open_td(v, span, "missing");
                let blocks = s.section_blocks(src);
                let range = s.blocks[blocks.start].span.start..s.blocks[blocks.end - 1].span.end;
                let d = self.finding_in(placed, "section-missing", &s.file, range);
                let which = if src.len() > 1 {
                    format!("§{}–§{}", src.start + 1, src.end)
                } else {
                    format!("§{}", src.start + 1)
                };
                let _ = write!(
                    self.out,
                    "<p class=\"flag\" lang=\"en\" dir=\"ltr\"><span aria-hidden=\"true\">∅ </span><strong>missing</strong>: no {} counterpart of source {which}{}</p>",
                    escape(v.lang.name()),
                    d.map(|d| format!(" (<a href=\"#d{d}\">finding</a>)")).unwrap_or_default()
                );
            }
            Cell::NoCounterpart { version, tgt } => {
                let s = &doc.versions[doc.source];
                let v = &doc.versions[*version];
                self.open_td(s, span, "missing");
                let blocks = v.section_blocks(tgt);
                let range = v.blocks[blocks.start].span.start..v.blocks[blocks.end - 1].span.end;
                let d = self.finding_in(placed, "section-extra", &v.file, range);
                let _ = write!(
                    self.out,
                    "<p class=\"flag\" lang=\"en\" dir=\"ltr\"><span aria-hidden=\"true\">∅ </span><strong>no counterpart</strong>: the {} section in this row has no {} source{}</p>",
                    escape(v.lang.name()),
                    escape(s.lang.name()),
                    d.map(|d| format!(" (<a href=\"#d{d}\">finding</a>)")).unwrap_or_default()
                );
            }
            Cell::Empty { version } => {
                let v = &doc.versions[*version];
                self.open_td(v, span, "empty");
            }
        }
        self.out.push_str("</td>");
    }

    /// One block: its text with anchors and the spans of findings marked.
    fn block(&mut self, file: &Arc<SourceFile>, block: &Block, anchors: &[Anchor], labels: &[Placed]) {
        let mut units = units(block, file);
        // Marks: anchors (not bare digit runs) and labels that touch the block.
        let mut marks: Vec<Mark> = anchors
            .iter()
            .filter(|a| a.kind != Kind::Number)
            .map(|a| Mark { file: a.span.clone(), dest: false, anchor: Some(a), labels: Vec::new() })
            .collect();
        // The block's extent, with the destinations of links that end it.
        let mut extent = block.span.clone();
        for l in &block.links {
            extent.start = extent.start.min(l.span.start);
            extent.end = extent.end.max(l.span.end).max(l.dest_span.end);
        }
        for p in labels {
            let (s, e) = (p.label.start, p.label.end);
            let touches =
                if s == e { extent.start <= s && s < extent.end } else { s < extent.end && extent.start < e };
            if !touches {
                continue;
            }
            let r = s.max(extent.start)..e.min(extent.end).max(s.max(extent.start));
            match marks.iter_mut().find(|m| m.file == r) {
                Some(m) => m.labels.push((p.diag, p.index)),
                None => {
                    marks.push(Mark { file: r, dest: false, anchor: None, labels: vec![(p.diag, p.index)] })
                }
            }
        }
        // Marks as unit ranges.
        // Marks as unit ranges. Units usually stand in file order (a reference link's
        // destination may not): then they are found by binary search, else by a scan.
        let placed_units: Vec<(usize, Range<usize>)> =
            units.iter().enumerate().filter_map(|(i, u)| u.file.clone().map(|f| (i, f))).collect();
        let ordered =
            placed_units.windows(2).all(|w| w[0].1.start <= w[1].1.start && w[0].1.end <= w[1].1.end);
        let unit_range = |r: &Range<usize>| -> Range<usize> {
            let hit = |f: &Range<usize>| f.start < r.end && r.start < f.end;
            let (first, last) = if r.is_empty() {
                (None, None)
            } else if ordered {
                let a = placed_units.partition_point(|(_, f)| f.end <= r.start);
                let b = placed_units.partition_point(|(_, f)| f.start < r.end);
                if a < b {
                    (Some(placed_units[a].0), Some(placed_units[b - 1].0))
                } else {
                    (None, None)
                }
            } else {
                (
                    placed_units.iter().find(|(_, f)| hit(f)).map(|(i, _)| *i),
                    placed_units.iter().rev().find(|(_, f)| hit(f)).map(|(i, _)| *i),
                )
            };
            match (first, last) {
                (Some(a), Some(b)) if a <= b => a..b + 1,
                _ => {
                    let at = if ordered {
                        let k = placed_units.partition_point(|(_, f)| f.start < r.start);
                        placed_units.get(k).map(|(i, _)| *i)
                    } else {
                        placed_units.iter().find(|(_, f)| f.start >= r.start).map(|(i, _)| *i)
                    };
                    let at = at.unwrap_or(units.len());
                    at..at
                }
            }
        };
        let mut spans: Vec<(Range<usize>, Mark)> =
            marks.into_iter().map(|m| (unit_range(&m.file), m)).collect();
        // Link destinations: the units between decoration brackets.
        let mut k = 0;
        while k < units.len() {
            if units[k].file.is_none() && units[k].c == '⟨' {
                let end = (k + 1..units.len()).find(|&j| units[j].file.is_none()).unwrap_or(units.len());
                spans.push((k + 1..end, Mark { file: 0..0, dest: true, anchor: None, labels: Vec::new() }));
                k = end;
            }
            k += 1;
        }
        // Outer before inner; at equal ranges, findings outside anchors outside destinations.
        spans.sort_by_key(|(r, m)| (r.start, std::cmp::Reverse(r.end), m.dest, m.labels.is_empty()));
        // Letters of another script inside confusable and mixed-script findings.
        for (r, m) in &spans {
            let flagged = m
                .labels
                .iter()
                .any(|&(d, i)| i == 0 && matches!(self.diags[d].rule, "confusable" | "mixed-script"));
            if flagged {
                mark_suspects(&mut units[r.clone()]);
            }
        }

        let tag = match block.kind {
            BlockKind::Heading(_) => "<p class=\"b h\">",
            BlockKind::ListItem => "<p class=\"b li\">",
            BlockKind::Paragraph => "<p class=\"b\">",
        };
        self.out.push_str(tag);
        let mut stack: Vec<(usize, String)> = Vec::new(); // (end unit, closing html)
        let mut next = 0;
        for pos in 0..=units.len() {
            while stack.last().is_some_and(|(e, _)| *e <= pos) {
                let (_, close) = stack.pop().unwrap_or_default();
                self.out.push_str(&close);
            }
            while next < spans.len() && spans[next].0.start <= pos {
                let (r, m) = &spans[next];
                next += 1;
                let end = r.end.min(stack.last().map(|(e, _)| *e).unwrap_or(usize::MAX)).max(pos);
                let close = self.open_mark(m);
                if end == pos {
                    self.out.push_str(&close);
                } else {
                    stack.push((end, close));
                }
            }
            if let Some(u) = units.get(pos) {
                if u.file.is_none() {
                    self.out.push_str("<span class=\"lk\" aria-hidden=\"true\">");
                    push_char(&mut self.out, u.c);
                    self.out.push_str("</span>");
                } else if let Some(script) = u.suspect {
                    let _ = write!(
                        self.out,
                        "<span class=\"suspect\" data-script=\"{}\" title=\"U+{:04X}, {} letter\">",
                        escape(script.short_name()),
                        u.c as u32,
                        escape(script.full_name())
                    );
                    push_char(&mut self.out, u.c);
                    self.out.push_str("</span>");
                } else {
                    push_char(&mut self.out, u.c);
                }
            }
        }
        self.out.push_str("</p>");
    }

    /// Writes the opening of a mark and returns its closing.
    fn open_mark(&mut self, m: &Mark) -> String {
        if m.dest {
            self.out.push_str("<span class=\"dest\">");
            return "</span>".to_string();
        }
        let diags = self.diags;
        let mut classes = vec!["m"];
        let mut title: Vec<String> = Vec::new();
        if let Some(a) = m.anchor {
            classes.push("a");
            classes.push(match a.kind {
                Kind::Email => "k-email",
                Kind::Code => "k-code",
                Kind::Link => "k-link",
                Kind::Date | Kind::Time => "k-date",
                Kind::Number | Kind::Quantity => "k-quantity",
            });
            title.push(format!("{}: {}", kind_name(a.kind), a.key));
        }
        let worst = m.labels.iter().filter(|(_, i)| *i == 0).map(|(d, _)| diags[*d].severity).min();
        let related_only = worst.is_none() && !m.labels.is_empty();
        match worst {
            Some(Severity::Error) => classes.push("sev-error"),
            Some(Severity::Warning) => classes.push("sev-warning"),
            Some(Severity::Note) => classes.push("sev-note"),
            None if related_only => classes.push("rel"),
            None => {}
        }
        let id = self.id();
        let mut ids: Vec<String> = Vec::new();
        let mut tip = String::new();
        for &(d, i) in &m.labels {
            let diag = &diags[d];
            self.places.entry((d, i)).or_insert_with(|| id.clone());
            let did = format!("d{d}");
            if !ids.contains(&did) {
                ids.push(did);
            }
            let label = if i == 0 { &diag.primary } else { &diag.related[i - 1] };
            let head = format!("{}[{}]", diag.severity.as_str(), diag.rule);
            if i == 0 {
                title.push(format!("{head}: {} ({})", diag.message, label.message));
                let _ = write!(
                    tip,
                    "<span class=\"tl\"><b>{} {head}</b> {} <i>— {}</i></span>",
                    sev_icon(diag.severity),
                    text(&diag.message),
                    text(&label.message)
                );
            } else {
                title.push(format!("counterpart of {head}: {} ({})", diag.message, label.message));
                let _ = write!(
                    tip,
                    "<span class=\"tl\"><b>↔ counterpart of {head}</b> {} <i>— {}</i></span>",
                    text(&diag.message),
                    text(&label.message)
                );
            }
        }
        let mut open = format!("<span class=\"{}\" id=\"{id}\"", classes.join(" "));
        if !title.is_empty() {
            let _ = write!(open, " title=\"{}\"", attr(&title.join("\n")));
        }
        if !ids.is_empty() {
            let _ = write!(
                open,
                " tabindex=\"0\" data-diag=\"{ids}\" aria-describedby=\"{ids}\"",
                ids = ids.join(" ")
            );
        }
        open.push('>');
        match worst {
            Some(s) => {
                let _ = write!(open, "<span class=\"ic\" aria-hidden=\"true\">{}</span>", sev_icon(s));
            }
            None if related_only => open.push_str("<span class=\"ic\" aria-hidden=\"true\">↔</span>"),
            None => {}
        }
        self.out.push_str(&open);
        if tip.is_empty() {
            "</span>".to_string()
        } else {
            format!("<span class=\"tip\" role=\"tooltip\" lang=\"en\" dir=\"ltr\">{tip}</span></span>")
        }
    }

    /// The list of findings, with links to their places.
    fn list(&mut self, which: &[usize]) {
        if which.is_empty() {
            self.out.push_str("<p class=\"none\">No findings.</p>\n");
            return;
        }
        self.out.push_str("<ol class=\"diags\">\n");
        for &i in which {
            let d = &self.diags[i];
            let sev = d.severity.as_str();
            let o = &mut self.out;
            let _ = write!(
                o,
                "<li class=\"diag sev-{sev}\" id=\"d{i}\" data-rule=\"{}\" data-sev=\"{sev}\" data-lang=\"{}\">\
                 <span class=\"badge\">{} {sev}</span> <code class=\"rule\">{}</code> <span class=\"msg\">{}</span>",
                escape(d.rule),
                d.primary.lang,
                sev_icon(d.severity),
                escape(d.rule),
                text(&d.message)
            );
            o.push_str("<ul class=\"places\">");
            let labels = std::iter::once(&d.primary).chain(d.related.iter());
            for (j, l) in labels.enumerate() {
                let at = match self.places.get(&(i, j)) {
                    Some(id) => format!("<a href=\"#{id}\">{}</a>", text(&place(l))),
                    None => format!("{} <span class=\"unplaced\">(not shown above)</span>", text(&place(l))),
                };
                let _ = write!(
                    self.out,
                    "<li>{}{at} [{}] {}{}</li>",
                    if j == 0 { "" } else { "related: " },
                    l.lang,
                    text(&l.message),
                    quoted(l)
                );
            }
            let o = &mut self.out;
            for n in &d.notes {
                let _ = write!(o, "<li class=\"dnote\">{}</li>", text(n));
            }
            if let Some(e) = d.expected.as_deref().filter(|e| !e.is_empty()) {
                let _ = write!(o, "<li class=\"dnote\">expected: <bdi>{}</bdi></li>", text(e));
            }
            if let Some(f) = d.found.as_deref().filter(|f| !f.is_empty()) {
                let _ = write!(o, "<li class=\"dnote\">found: <bdi>{}</bdi></li>", text(f));
            }
            o.push_str("</ul></li>\n");
        }
        self.out.push_str("</ol>\n");
    }
}

/// Flags the letters of a word that are not in its main script.
fn mark_suspects(units: &mut [Unit]) {
    let mut counts: HashMap<Script, usize> = HashMap::new();
    for u in units.iter().filter(|u| u.file.is_some() && u.c.is_alphabetic()) {
        let s = u.c.script();
        if !matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            *counts.entry(s).or_default() += 1;
        }
    }
    if counts.len() < 2 {
        return;
    }
    let main = counts.iter().max_by_key(|(s, n)| (**n, **s == Script::Latin)).map(|(s, _)| *s);
    for u in units.iter_mut().filter(|u| u.file.is_some() && u.c.is_alphabetic()) {
        let s = u.c.script();
        if Some(s) != main && !matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            u.suspect = Some(s);
        }
    }
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="oerlint">
<title>oerlint report</title>
<style>
:root{--fg:#1a1a1a;--mut:#5a5a5a;--line:#b9b9b9;--err:#a4001d;--errbg:#fde4e8;--warn:#7a4b00;--warnbg:#fff0c2;--note:#17508f;--notebg:#e4eefb;--anc:#eef2fb;--ancline:#5a6f9e;--hl:#ffd84d}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--fg);background:#fff;margin:0 auto;padding:0 1.25rem 3rem;max-width:1800px}
h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--fg)}h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
a{color:#0b4fa3}
a:focus,input:focus{outline:3px solid #000;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:.5rem;background:#ffe14d;color:#000;padding:.5rem 1rem;z-index:20}
.skip:focus{left:1rem}
main:focus{outline:none}
.totals{font-size:1.05rem}
.sev-error{--c:var(--err);--cb:var(--errbg)}.sev-warning{--c:var(--warn);--cb:var(--warnbg)}.sev-note{--c:var(--note);--cb:var(--notebg)}
.totals .sev-error,.totals .sev-warning,.totals .sev-note,.count.sev-error{color:var(--c);font-weight:600}
.cols{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.top{display:flex;flex-wrap:wrap;gap:0 3rem;align-items:flex-start}.top>section{flex:1 1 50rem}.top>nav{flex:0 1 22rem}
.top h2{margin-top:1rem}
table.counts{border-collapse:collapse;font-size:.9rem}
table.counts caption{text-align:start;font-weight:600;padding-bottom:.25rem}
table.counts th,table.counts td{border:1px solid var(--line);padding:.15rem .6rem;text-align:start}
table.counts td{text-align:end;font-variant-numeric:tabular-nums}
#filters{margin:.75rem 0 0;padding:.35rem .75rem;border:1px solid var(--line);background:#fafafa}
#filters fieldset{border:0;padding:.2rem 0;margin:0}
#filters legend{font-weight:600;float:left;min-width:6rem;padding:0}
#filters label{display:inline-block;margin:0 .9rem .2rem 0;white-space:nowrap}
.hint,.n{color:var(--mut);font-size:.85rem}.hint{margin:.2rem 0}#shown{margin:.2rem 0;font-size:.9rem}
.toc ol{padding-inline-start:1.6rem}.toc .count{color:var(--mut);font-size:.9rem}
.scroll{overflow-x:auto}
table.align{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5rem 0 1rem}
table.align caption{text-align:start;color:var(--mut);font-size:.9rem;padding-bottom:.25rem}
table.align th,table.align td{border:1px solid var(--line);padding:.45rem .65rem;vertical-align:top;text-align:start}
table.align thead th{background:#f0f0f0;position:sticky;top:0;z-index:2}
table.align thead th.rn{width:3.4rem}
th.rn{font-weight:600;color:var(--mut);text-align:center!important;background:#f7f7f7}
.path{font-weight:400;color:var(--mut);font-size:.85rem}
td[dir=rtl]{font-size:1.06em}
tr.extra>td,tr.extra>th{background:#fff8e6}
tr.shared>td{background:#f7f7f7}
td.missing{background:repeating-linear-gradient(135deg,#fff,#fff 8px,#f1f1f1 8px,#f1f1f1 16px)}
td.empty{background:#fbfbfb}
.flag{margin:0;color:#333}
.note{margin:0 0 .4rem;font-size:.85rem;color:var(--mut);font-style:italic}
.b{margin:0 0 .55rem;white-space:pre-wrap;overflow-wrap:anywhere}
.b:last-child{margin-bottom:0}
.b.h{font-weight:700}
.b.li::before{content:"• "}
hr{border:0;border-top:1px dashed var(--line);margin:.5rem 0}
.lk{color:var(--mut)}
.dest{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.86em;color:#333}
.m{position:relative;border-radius:2px}
.m.a{background:var(--anc);border-bottom:1px dotted var(--ancline)}
.m.sev-error,.m.sev-warning,.m.sev-note{background:var(--cb);outline:2px solid var(--c);outline-offset:0;text-decoration:underline wavy var(--c);text-decoration-skip-ink:none}
.m.sev-warning{outline-style:dashed}.m.sev-note{outline-style:dotted}
.m.rel{background:#efefef;outline:1px dashed #666}
.m[tabindex]{cursor:help}
.m:focus{outline:3px solid #000!important;outline-offset:2px}
.m.hl{background:var(--hl)!important;box-shadow:0 0 0 3px var(--hl)}
.ic{font-size:.78em;font-weight:700;color:var(--c,#444);margin-inline-end:.12em;text-decoration:none;display:inline-block}
.tip{display:none;position:absolute;z-index:10;top:calc(100% + 4px);left:0;width:max-content;max-width:26rem;background:#1d1d1d;color:#fff;padding:.4rem .6rem;border-radius:4px;font-size:.85rem;line-height:1.35;white-space:normal;text-align:left;font-weight:400;text-decoration:none;box-shadow:0 2px 8px rgba(0,0,0,.35)}
[dir=rtl] .tip{left:auto;right:0}
.tip .tl{display:block}.tip .tl+.tl{margin-top:.3rem}
.m:focus>.tip{display:block}
.m.muted{background:none!important;outline:none!important;box-shadow:none!important;text-decoration:none!important}
.m.muted>.ic{display:none}
.invisible{display:inline-block;unicode-bidi:isolate;direction:ltr;font:600 .72em/1.2 ui-monospace,"DejaVu Sans Mono",monospace;color:#7b1fa2;border:1px solid #7b1fa2;border-radius:3px;padding:0 .15em;margin:0 .08em;background:#f7ebfb;text-decoration:none}
.suspect{outline:2px dotted #7b1fa2;background:#f3dcfb;text-decoration:underline double #7b1fa2}
.suspect::after{content:attr(data-script);font-size:.6em;vertical-align:super;color:#7b1fa2;font-weight:700}
ol.diags{padding-inline-start:1.8rem}
ol.diags>li{margin:.45rem 0;padding:.3rem .5rem;border-inline-start:4px solid var(--c);background:#fcfcfc}
.badge{font-weight:700;color:var(--c)}
.rule{background:#eee;padding:0 .25rem;border-radius:3px}
ul.places{margin:.15rem 0 0;padding-inline-start:1.2rem;font-size:.92rem}
.dnote{list-style:"= ";color:var(--mut)}
.unplaced{color:var(--mut);font-style:italic}
@media print{
body{font-size:10pt;padding:0;max-width:none}
#filters,.skip,.tip,#shown{display:none!important}
.scroll{overflow:visible}
table.align{font-size:9pt}
table.align thead th{position:static}
thead{display:table-header-group}
tr{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:underline}
.m,.suspect,.invisible,td.missing,tr.extra>td,ol.diags>li{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.m.hl{background:var(--cb,#eee)!important;box-shadow:none}
}
</style>
</head>
<body>
"#;

const SCRIPT: &str = r#"<script>
(function(){
"use strict";
var doc=document;
doc.querySelectorAll("th[data-col]").forEach(function(th){th.setAttribute("data-computed-dir",getComputedStyle(th).direction);});
function ids(el){return (el.getAttribute("data-diag")||"").split(" ").filter(Boolean);}
function light(el,on){ids(el).forEach(function(id){doc.querySelectorAll('[data-diag~="'+id+'"]').forEach(function(x){x.classList.toggle("hl",on);});});}
function mark(e){return e.target&&e.target.closest?e.target.closest("[data-diag]"):null;}
doc.addEventListener("focusin",function(e){var m=mark(e);if(m)light(m,true);});
doc.addEventListener("focusout",function(e){var m=mark(e);if(m)light(m,false);});
doc.addEventListener("mouseover",function(e){var m=mark(e);if(m)light(m,true);});
doc.addEventListener("mouseout",function(e){var m=mark(e);if(m)light(m,false);});
var form=doc.getElementById("filters");
if(!form)return;
form.hidden=false;
function apply(){
  var off={sev:{},rule:{},lang:{}};
  form.querySelectorAll("input[type=checkbox]").forEach(function(c){if(!c.checked)off[c.name][c.value]=true;});
  var shown={},n=0,all=0;
  doc.querySelectorAll("li.diag").forEach(function(li){
    var ok=!off.sev[li.dataset.sev]&&!off.rule[li.dataset.rule]&&!off.lang[li.dataset.lang];
    li.hidden=!ok;shown[li.id]=ok;all++;if(ok)n++;
  });
  doc.querySelectorAll("[data-diag]").forEach(function(m){m.classList.toggle("muted",!ids(m).some(function(id){return shown[id];}));});
  doc.querySelectorAll("[data-col]").forEach(function(c){c.hidden=!!off.lang[c.dataset.col];});
  doc.getElementById("shown").textContent="Showing "+n+" of "+all+" findings.";
}
form.addEventListener("change",apply);
apply();
})();
</script>
"#;
