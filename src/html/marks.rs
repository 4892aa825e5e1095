//! A block as the page shows it: its text as display units (link destinations written
//! after their text), with anchors and the spans of findings marked, and letters of a
//! foreign script flagged.

use super::text::*;
use super::{Page, Placing};
use crate::anchors::{Anchor, Kind};
use crate::blocks::{Block, BlockKind};
use crate::diag::Severity;
use crate::source::SourceFile;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;
use unicode_script::{Script, UnicodeScript};

/// One unit of a block's display: a character of its plain text, a character of a link
/// destination shown after the link text, or decoration around that destination.
pub(super) struct Unit {
    c: char,
    /// The bytes of the file the character stands for (`start..end`); `start` is
    /// `u32::MAX` for decoration. Offsets fit in 32 bits (files are under 4 GiB): a unit
    /// is 16 bytes, and a block of 2 MB has two million of them.
    start: u32,
    end: u32,
    /// Set on letters a confusable or mixed-script finding points at: their script.
    suspect: Option<Script>,
}

impl Unit {
    fn deco(c: char) -> Unit {
        Unit { c, start: u32::MAX, end: u32::MAX, suspect: None }
    }

    fn at(c: char, file: Range<usize>) -> Unit {
        Unit { c, start: file.start as u32, end: file.end as u32, suspect: None }
    }

    /// Whether the unit stands for text of the file (not decoration).
    fn placed(&self) -> bool {
        self.start != u32::MAX
    }
}

/// The display units of a block: its plain text, with each Markdown link's destination
/// written after the link text as `⟨dest⟩` (as text: the page never links out).
pub(super) fn units(block: &Block, file: &SourceFile) -> Vec<Unit> {
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
    let mut out = Vec::with_capacity(block.text.chars().count() + 16);
    let mut next = 0;
    let push_dest = |out: &mut Vec<Unit>, l: &crate::blocks::Link| {
        let deco = Unit::deco;
        out.push(deco(' '));
        out.push(deco('⟨'));
        let span = l.dest_span.clone();
        match file.text.get(span.clone()).filter(|raw| *raw == l.dest) {
            Some(raw) => {
                for (k, c) in raw.char_indices() {
                    let at = span.start + k;
                    out.push(Unit::at(c, at..at + c.len_utf8()));
                }
            }
            None => {
                for c in l.dest.chars() {
                    out.push(Unit::at(c, span.clone()));
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
        out.push(Unit::at(c, block.file_range(p..p + c.len_utf8())));
    }
    for l in &links[next..] {
        push_dest(&mut out, l);
    }
    out
}

/// Something marked in a block: an anchor, the span of a finding, or both; or the
/// destination of a link written after its text.
pub(super) struct Mark<'a> {
    file: Range<usize>,
    dest: bool,
    anchor: Option<&'a Anchor>,
    /// (diagnostic index, label index: 0 for the primary, k + 1 for related k).
    labels: Vec<(usize, usize)>,
}

impl Page<'_, '_> {
    /// One block: its text with anchors and the spans of findings marked.
    pub(super) fn block(
        &mut self,
        file: &Arc<SourceFile>,
        block: &Block,
        anchors: &[Anchor],
        placed: &Placing,
    ) {
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
        for p in placed.near(file, extent.clone()) {
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
        // Marks as unit ranges. Units usually stand in file order (a reference link's
        // destination may not): then they are found by binary search, else by a scan.
        // (unit, its bytes): 32-bit, as in the units.
        let placed_units: Vec<(u32, Range<u32>)> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.placed())
            .map(|(i, u)| (i as u32, u.start..u.end))
            .collect();
        let ordered =
            placed_units.windows(2).all(|w| w[0].1.start <= w[1].1.start && w[0].1.end <= w[1].1.end);
        let unit_range = |r: &Range<usize>| -> Range<usize> {
            let r = r.start as u32..r.end as u32;
            let hit = |f: &Range<u32>| f.start < r.end && r.start < f.end;
            let (first, last) = if r.is_empty() {
                (None, None)
            } else if ordered {
                let a = placed_units.partition_point(|(_, f)| f.end <= r.start);
                let b = placed_units.partition_point(|(_, f)| f.start < r.end);
                if a < b {
                    (Some(placed_units[a].0 as usize), Some(placed_units[b - 1].0 as usize))
                } else {
                    (None, None)
                }
            } else {
                (
                    placed_units.iter().find(|(_, f)| hit(f)).map(|(i, _)| *i as usize),
                    placed_units.iter().rev().find(|(_, f)| hit(f)).map(|(i, _)| *i as usize),
                )
            };
            match (first, last) {
                (Some(a), Some(b)) if a <= b => a..b + 1,
                _ => {
                    let at = if ordered {
                        let k = placed_units.partition_point(|(_, f)| f.start < r.start);
                        placed_units.get(k).map(|(i, _)| *i as usize)
                    } else {
                        placed_units.iter().find(|(_, f)| f.start >= r.start).map(|(i, _)| *i as usize)
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
            if !units[k].placed() && units[k].c == '⟨' {
                let end = (k + 1..units.len()).find(|&j| !units[j].placed()).unwrap_or(units.len());
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
            BlockKind::TableCell => "<p class=\"b td\">",
            BlockKind::FrontMatter => "<p class=\"b fm\">",
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
                if !u.placed() {
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
    pub(super) fn open_mark(&mut self, m: &Mark) -> String {
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
            let did = format!("d{}{d}", self.prefix);
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
}

/// Flags the letters of a word that are not in its main script.
pub(super) fn mark_suspects(units: &mut [Unit]) {
    let mut counts: HashMap<Script, usize> = HashMap::new();
    for u in units.iter().filter(|u| u.placed() && u.c.is_alphabetic()) {
        let s = u.c.script();
        if !matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            *counts.entry(s).or_default() += 1;
        }
    }
    if counts.len() < 2 {
        return;
    }
    let main = counts.iter().max_by_key(|(s, n)| (**n, **s == Script::Latin)).map(|(s, _)| *s);
    for u in units.iter_mut().filter(|u| u.placed() && u.c.is_alphabetic()) {
        let s = u.c.script();
        if Some(s) != main && !matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            u.suspect = Some(s);
        }
    }
}
