//! The side-by-side HTML report (`oerlint check --format html`, see docs/report.md).
//!
//! One self-contained page: inline CSS, a little inline JavaScript (filters, counterpart
//! highlighting), no external resource of any kind, and a Content-Security-Policy that
//! forbids loading one. Each document is a table whose rows are its aligned sections and
//! whose columns are its language versions, source first. Anchors and the spans of
//! findings are marked in the text; every finding is listed under its document with links
//! to its places. Content links are shown as text, never as live links.

mod marks;
mod placed;
mod text;

pub use text::{escape, invisible_name};

use crate::check::{Document, Version};
use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::source::SourceFile;
use placed::{Placed, Placing};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;
use text::*;

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

    fn merge(&mut self, o: &Counts) {
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.notes += o.notes;
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

struct Page<'a, 's> {
    diags: &'a [Diagnostic],
    /// Where each label was first drawn: element id by (diagnostic, label index).
    places: HashMap<(usize, usize), String>,
    next_id: usize,
    /// Makes this part's element ids unique in the page (`3-`: the fourth group's).
    prefix: String,
    out: String,
    /// Where the document's section goes piece by piece as it is written (none: it stays
    /// in memory), and the pieces it took.
    spill: Option<Spill<'s>>,
    /// How much text is handed over at once ([`PIECE`]).
    piece: usize,
    body: Vec<Body>,
}

/// Takes a piece of a part's HTML and says where it put it: `None` when it could not (the
/// piece and the rest stay in memory).
pub type Spill<'s> = &'s mut dyn FnMut(&str) -> Option<Body>;

/// The text a page holds before it hands it to its spill: a long document's section is
/// never whole in memory (34 MB for a 14 MB document, docs/reliability.md).
const PIECE: usize = 1 << 20;

/// Where a piece of a part's HTML is: in memory, or written out to a spill file (`at`,
/// `len` bytes) so that a large report keeps only its summary in memory.
pub enum Body {
    Text(String),
    Spilled { at: u64, len: usize },
}

/// What one document group adds to the report, rendered as soon as the group is
/// checked (its files are dropped then): the document's section, the findings outside
/// any document, and the counts that the summary, the filters and the table of contents
/// need. [`write_report`] puts the parts together.
pub struct HtmlPart {
    k: usize,
    name: Option<String>,
    counts: Counts,
    total: Counts,
    by_rule: BTreeMap<&'static str, Counts>,
    by_lang: BTreeMap<&'static str, Counts>,
    langs: BTreeSet<Lang>,
    files: usize,
    orphans: usize,
    /// The document's section, in pieces (none when the group has no document).
    pub body: Vec<Body>,
    /// List items of the findings outside the document (files that could not be read).
    other: String,
}

/// The part of group `k`: its document (when it could be checked) and its findings. The
/// document's section goes to `spill` piece by piece as it is written, when there is one.
pub fn part(k: usize, doc: Option<&Document>, diags: &[Diagnostic], spill: Option<Spill>) -> HtmlPart {
    part_in_pieces(k, doc, diags, spill, PIECE)
}

/// [`part`], handing the section to `spill` whenever it holds `piece` bytes or more (at
/// the end of a table row or of a finding).
pub fn part_in_pieces(
    k: usize,
    doc: Option<&Document>,
    diags: &[Diagnostic],
    spill: Option<Spill>,
    piece: usize,
) -> HtmlPart {
    let owned: Vec<bool> = diags
        .iter()
        .map(|d| doc.is_some_and(|doc| doc.files.iter().any(|f| f.path == d.primary.file.path)))
        .collect();
    let mut part = HtmlPart {
        k,
        name: doc.map(|d| d.name.clone()),
        counts: Counts::default(),
        total: Counts::default(),
        by_rule: BTreeMap::new(),
        by_lang: BTreeMap::new(),
        langs: doc.map(|d| d.versions.iter().map(|v| v.lang).collect()).unwrap_or_default(),
        files: doc.map_or(0, |d| d.files.len()),
        orphans: owned.iter().filter(|o| !**o).count(),
        body: Vec::new(),
        other: String::new(),
    };
    for (d, &mine) in diags.iter().zip(&owned) {
        if mine {
            part.counts.add(d.severity);
        }
        part.total.add(d.severity);
        part.by_rule.entry(d.rule).or_default().add(d.severity);
        part.by_lang.entry(d.primary.lang.tag()).or_default().add(d.severity);
        part.langs.insert(d.primary.lang);
    }
    let mut p = Page {
        diags,
        places: HashMap::new(),
        next_id: 0,
        prefix: format!("{k}-"),
        out: String::new(),
        spill,
        piece,
        body: Vec::new(),
    };
    if let Some(doc) = doc {
        let mine: Vec<usize> = (0..diags.len()).filter(|&i| owned[i]).collect();
        p.document(k, doc, &mine, part.counts);
        p.hand_over(0);
        if !p.out.is_empty() {
            p.body.push(Body::Text(std::mem::take(&mut p.out)));
        }
        part.body = std::mem::take(&mut p.body);
        p.spill = None;
        // The section was handed over, but its buffer kept its room: given to `other`,
        // every part kept a section's worth of empty capacity until the page was written
        // (10,000 generated issues: 324 MiB).
        p.out = String::new();
    }
    let others: Vec<usize> = (0..diags.len()).filter(|&i| !owned[i]).collect();
    p.list_items(&others);
    part.other = p.out;
    part.other.shrink_to_fit();
    part
}

impl HtmlPart {
    /// The bytes of text the part keeps in memory until the page is written (its strings'
    /// capacity): the pieces of its section not handed to a spill, and its other findings.
    pub fn text_bytes(&self) -> usize {
        let body: usize =
            self.body.iter().map(|b| if let Body::Text(t) = b { t.capacity() } else { 0 }).sum();
        body + self.other.capacity() + self.name.as_ref().map_or(0, String::capacity)
    }
}

/// The whole report for a set of checked documents and the findings about them.
pub fn report(docs: &[&Document], diags: &[Diagnostic]) -> String {
    // Which document each finding is about (by its primary span); the rest go last.
    let mut per: Vec<Vec<Diagnostic>> = vec![Vec::new(); docs.len() + 1];
    for d in diags {
        let k = docs
            .iter()
            .position(|doc| doc.files.iter().any(|f| f.path == d.primary.file.path))
            .unwrap_or(docs.len());
        per[k].push(d.clone());
    }
    let parts: Vec<HtmlPart> =
        per.iter().enumerate().map(|(k, ds)| part(k, docs.get(k).copied(), ds, None)).collect();
    let mut out = Vec::new();
    write_report(
        &parts,
        &mut |b| match b {
            Body::Text(t) => Ok(t.clone()),
            Body::Spilled { .. } => Err(std::io::Error::other("no spill file")),
        },
        &mut out,
    )
    .expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// Writes the page: header, summary and filters, table of contents (most errors first),
/// each document's section (read with `body`), the findings outside any document.
pub fn write_report(
    parts: &[HtmlPart],
    body: &mut dyn FnMut(&Body) -> std::io::Result<String>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut total = Counts::default();
    let mut by_rule: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut by_lang: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut langs: BTreeSet<Lang> = BTreeSet::new();
    let (mut files, mut orphans) = (0, 0);
    for p in parts {
        total.merge(&p.total);
        for (r, n) in &p.by_rule {
            by_rule.entry(r).or_default().merge(n);
        }
        for (l, n) in &p.by_lang {
            by_lang.entry(l).or_default().merge(n);
        }
        langs.extend(p.langs.iter().copied());
        files += p.files;
        orphans += p.orphans;
    }
    let docs: Vec<&HtmlPart> = parts.iter().filter(|p| p.name.is_some()).collect();

    let mut o = String::with_capacity(1 << 16);
    o.push_str(HEAD);
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
        &mut o,
        "Findings by rule",
        "rule",
        by_rule.iter().map(|(r, c)| (format!("<code>{r}</code>"), *c)),
    );
    counts_table(
        &mut o,
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
    filter_set(&mut o, "Severity", "sev", sevs.iter().map(|(s, n)| (s.to_string(), s.to_string(), *n)));
    filter_set(
        &mut o,
        "Rule",
        "rule",
        by_rule.iter().map(|(r, c)| (r.to_string(), r.to_string(), c.total())),
    );
    filter_set(
        &mut o,
        "Language",
        "lang",
        langs.iter().map(|l| {
            let n = by_lang.get(l.tag()).map(|c| c.total()).unwrap_or(0);
            (l.tag().to_string(), format!("{} ({})", l.name(), l.tag()), n)
        }),
    );
    o.push_str("<p id=\"shown\" aria-live=\"polite\"></p>\n</form>\n</section>\n");

    // Table of contents: most errors first.
    let mut order: Vec<&HtmlPart> = docs.clone();
    order.sort_by(|a, b| {
        let (x, y) = (a.counts, b.counts);
        (y.errors, y.warnings, y.notes)
            .cmp(&(x.errors, x.warnings, x.notes))
            .then_with(|| a.name.cmp(&b.name))
    });
    o.push_str(
        "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">Documents, most errors first</h2>\n<ol>\n",
    );
    for d in &order {
        let (c, k) = (d.counts, d.k);
        let _ = writeln!(
            o,
            "<li><a href=\"#doc-{k}\">{}</a> <span class=\"count{}\">{}</span></li>",
            text(d.name.as_deref().unwrap_or("")),
            if c.errors > 0 { " sev-error" } else { "" },
            c.text()
        );
    }
    if orphans > 0 {
        let _ = writeln!(
            o,
            "<li><a href=\"#other\">Other findings</a> <span class=\"count\">{}</span></li>",
            plural(orphans, "finding")
        );
    }
    o.push_str("</ol>\n</nav>\n</div>\n<main id=\"main\" tabindex=\"-1\">\n");

    w.write_all(o.as_bytes())?;
    for d in &order {
        for piece in &d.body {
            w.write_all(body(piece)?.as_bytes())?;
        }
    }
    let mut o = String::new();
    if orphans > 0 {
        o.push_str(
            "<section id=\"other\" aria-labelledby=\"other-h\">\n<h2 id=\"other-h\">Other findings</h2>\n\
             <p>Findings outside the documents above (files that could not be read, for instance).</p>\n\
             <ol class=\"diags\">\n",
        );
        for p in parts {
            o.push_str(&p.other);
        }
        o.push_str("</ol>\n</section>\n");
    }
    o.push_str("</main>\n");
    o.push_str(SCRIPT);
    o.push_str("</body>\n</html>\n");
    w.write_all(o.as_bytes())
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

impl Page<'_, '_> {
    /// Hands the text written so far to the spill once it holds `at_least` bytes.
    fn hand_over(&mut self, at_least: usize) {
        if self.out.is_empty() || self.out.len() < at_least {
            return;
        }
        let Some(spill) = self.spill.as_mut() else { return };
        match spill(&self.out) {
            Some(piece) => {
                self.body.push(piece);
                self.out.clear();
            }
            None => self.spill = None,
        }
    }

    fn id(&mut self) -> String {
        self.next_id += 1;
        format!("m{}{}", self.prefix, self.next_id)
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
        let placed = Placing::new(placed);

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
                self.block(file, b, &[], &placed);
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
            self.hand_over(self.piece);
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
        placed: &Placing,
        rule: &str,
        file: &Arc<SourceFile>,
        range: Range<usize>,
    ) -> Option<usize> {
        placed.first_starting_in(file, range, |d| self.diags[d].rule == rule)
    }

    fn cell(&mut self, doc: &Document, span: usize, cell: &Cell, placed: &Placing) {
        match cell {
            Cell::Sections { version, sections, note } => {
                let v = &doc.versions[*version];
                self.open_td(v, span, if note.is_some() { "noted" } else { "" });
                if let Some(n) = note {
                    let _ = write!(self.out, "<p class=\"note\" lang=\"en\" dir=\"ltr\">{}</p>", escape(n));
                }
                for (k, s) in sections.clone().enumerate() {
                    if k > 0 {
                        self.out.push_str("<hr>");
                    }
                    for b in v.sections[s].blocks.clone() {
                        self.block(&v.file, &v.blocks[b], &v.anchors[b], placed);
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
                    d.map(|d| format!(" (<a href=\"#d{}{d}\">finding</a>)", self.prefix)).unwrap_or_default()
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
                    d.map(|d| format!(" (<a href=\"#d{}{d}\">finding</a>)", self.prefix)).unwrap_or_default()
                );
            }
            Cell::Empty { version } => {
                let v = &doc.versions[*version];
                self.open_td(v, span, "empty");
            }
        }
        self.out.push_str("</td>");
    }

    /// The list of findings, with links to their places.
    fn list(&mut self, which: &[usize]) {
        if which.is_empty() {
            self.out.push_str("<p class=\"none\">No findings.</p>\n");
            return;
        }
        self.out.push_str("<ol class=\"diags\">\n");
        self.list_items(which);
        self.out.push_str("</ol>\n");
    }

    /// The items of [`Page::list`].
    fn list_items(&mut self, which: &[usize]) {
        for &i in which {
            let d = &self.diags[i];
            let sev = d.severity.as_str();
            let o = &mut self.out;
            let _ = write!(
                o,
                "<li class=\"diag sev-{sev}\" id=\"d{}{i}\" data-rule=\"{}\" data-sev=\"{sev}\" data-lang=\"{}\">\
                 <span class=\"badge\">{} {sev}</span> <code class=\"rule\">{}</code> <span class=\"msg\">{}</span>",
                self.prefix,
                escape(d.rule),
                d.primary.lang,
                sev_icon(d.severity),
                escape(d.rule),
                message(&d.message)
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
                    message(&l.message),
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
            self.hand_over(self.piece);
        }
    }
}

const HEAD: &str = include_str!("head.html");

const SCRIPT: &str = include_str!("script.html");
