//! From the pattern text to the tree the matcher walks. The text is parsed by the
//! `regex-syntax` crate (its abstract syntax tree, as written: no Unicode tables are
//! expanded, nothing is compiled); this file only maps that tree onto [`Node`]: literals
//! merged, one-character repetitions as classes, an index from first character to branch
//! for each alternation. Syntax the readers' patterns do not use is refused with an
//! error, and the caller then uses the `regex` crate for the pattern.
//!
//! The skeletons of the built-in tables, and the numeric-date and year patterns (the same
//! in every language), are not parsed at all: their trees are written out as Rust in
//! `skeletons.rs` ([`write_skeletons`], by a test that also checks they are the trees
//! parsed here), and a pattern is parsed only when its text is not one of those (a
//! user's table of another language, a pattern changed since).

use super::*;
use regex_syntax::ast::{self, Ast, ClassPerlKind, ClassSet, ClassSetItem, GroupKind, RepetitionKind};
use std::sync::Mutex;

/// The tree of `pattern` and the names of its groups by index (0, the whole match, and
/// unnamed groups have "").
pub(super) fn parse(pattern: &str, parts: &[Part]) -> Result<(Node, Vec<String>), String> {
    if let Some(tree) = skeletons::tree(pattern, parts) {
        return Ok(tree);
    }
    parse_written(pattern, parts)
}

/// [`parse`], always parsing the text.
fn parse_written(pattern: &str, parts: &[Part]) -> Result<(Node, Vec<String>), String> {
    let ast = if parts.is_empty() { Arc::new(syntax(pattern)?) } else { skeleton(pattern)? };
    let mut names = vec![String::new()];
    let root = node(&ast, &mut names, parts)?;
    Ok((root, names))
}

fn syntax(pattern: &str) -> Result<Ast, String> {
    ast::parse::ParserBuilder::new().nest_limit(1_000).build().parse(pattern).map_err(|e| e.to_string())
}

/// The syntax tree of a skeleton (a pattern with stand-ins for its parts), parsed once
/// per process: the tables' skeletons differ in their parts, not in their text, but for
/// a few (the English date, the Arabic day word), so most are parsed once for the three.
fn skeleton(pattern: &str) -> Result<Arc<Ast>, String> {
    static SEEN: Mutex<Vec<(String, Arc<Ast>)>> = Mutex::new(Vec::new());
    if let Some((_, a)) = SEEN.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|(p, _)| p == pattern) {
        return Ok(Arc::clone(a));
    }
    let a = Arc::new(syntax(pattern)?);
    SEEN.lock().unwrap_or_else(|e| e.into_inner()).push((pattern.to_string(), Arc::clone(&a)));
    Ok(a)
}

fn node(a: &Ast, names: &mut Vec<String>, parts: &[Part]) -> Result<Node, String> {
    Ok(match a {
        Ast::Empty(_) => Node::Empty,
        Ast::Literal(l) => match (l.c as u32).checked_sub(PART).and_then(|i| parts.get(i as usize)) {
            Some(p) => Node::Shared(Arc::clone(&p.0)),
            None => Node::Lit(l.c.to_string()),
        },
        Ast::Dot(_) => Node::Class(Class::new(true, vec![('\n', '\n')], false, false, false)),
        Ast::Assertion(x) => match x.kind {
            // Without the multi-line flag (never set here), `^` and `$` are the text's ends.
            ast::AssertionKind::StartLine | ast::AssertionKind::StartText => Node::Start,
            ast::AssertionKind::EndLine | ast::AssertionKind::EndText => Node::End,
            _ => return Err("unsupported assertion".into()),
        },
        Ast::ClassPerl(p) => Node::Class(perl(p)?),
        Ast::ClassBracketed(b) => Node::Class(bracketed(b)?),
        Ast::Repetition(r) => {
            let (min, max) = match &r.op.kind {
                RepetitionKind::ZeroOrOne => (0, Some(1)),
                RepetitionKind::ZeroOrMore => (0, None),
                RepetitionKind::OneOrMore => (1, None),
                RepetitionKind::Range(ast::RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                RepetitionKind::Range(ast::RepetitionRange::AtLeast(n)) => (*n, None),
                RepetitionKind::Range(ast::RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
            };
            // A one-character literal repeats as a class.
            let inner = match node(&r.ast, names, parts)? {
                Node::Lit(l) if l.chars().count() == 1 => {
                    let c = l.chars().next().unwrap_or('\0');
                    Node::Class(Class::new(false, vec![(c, c)], false, false, false))
                }
                n => n,
            };
            Node::Repeat { node: Box::new(inner), min, max, greedy: r.greedy }
        }
        Ast::Group(g) => {
            let index = match &g.kind {
                GroupKind::NonCapturing(flags) if flags.items.is_empty() => None,
                GroupKind::NonCapturing(_) => return Err("unsupported group flag".into()),
                GroupKind::CaptureIndex(i) => Some((*i as usize, String::new())),
                GroupKind::CaptureName { name, .. } => Some((name.index as usize, name.name.clone())),
            };
            let inner = node(&g.ast, names, parts)?;
            match index {
                Some((i, name)) => {
                    if names.len() <= i {
                        names.resize(i + 1, String::new());
                    }
                    names[i] = name;
                    Node::Group(i, Box::new(inner))
                }
                None => inner,
            }
        }
        Ast::Alternation(alt) => {
            let branches = alt.asts.iter().map(|b| node(b, names, parts)).collect::<Result<Vec<_>, _>>()?;
            alternation(branches)
        }
        Ast::Concat(c) => {
            let mut items: Vec<Node> = Vec::new();
            for a in &c.asts {
                // Consecutive literals are one.
                match (items.last_mut(), node(a, names, parts)?) {
                    (Some(Node::Lit(x)), Node::Lit(y)) => x.push_str(&y),
                    (_, n) => items.push(n),
                }
            }
            match items.len() {
                0 => Node::Empty,
                1 => items.pop().unwrap_or(Node::Empty),
                _ => Node::Cat(items),
            }
        }
        Ast::Flags(_) => return Err("unsupported flags".into()),
        Ast::ClassUnicode(_) => return Err("unsupported Unicode class".into()),
    })
}

/// The tree [`parse`] gives for the alternation of words `(?:w1|w2\.?|…)` that
/// `patterns::alt_text` writes (a word's spaces as `\s+`, `true`: an optional "." after it),
/// built from the words without writing and parsing the pattern: a locale's word lists
/// were most of the parsing at start-up. No words: the class that matches nothing
/// (`[^\s\S]`). `tests/matcher.rs` checks that the trees are the same.
pub(super) fn word_list(words: &[(String, bool)]) -> Node {
    let space = || Node::Repeat {
        node: Box::new(Node::Class(Class::new(false, Vec::new(), false, true, false))),
        min: 1,
        max: None,
        greedy: true,
    };
    let branch = |(w, dot): &(String, bool)| {
        let mut items: Vec<Node> = Vec::new();
        for c in w.chars() {
            match (items.last_mut(), c) {
                (_, ' ') => items.push(space()),
                (Some(Node::Lit(x)), c) => x.push(c),
                (_, c) => items.push(Node::Lit(c.to_string())),
            }
        }
        if *dot {
            items.push(Node::Repeat {
                node: Box::new(Node::Class(Class::new(false, vec![('.', '.')], false, false, false))),
                min: 0,
                max: Some(1),
                greedy: true,
            });
        }
        match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        }
    };
    match words {
        [] => Node::Class(Class::new(true, Vec::new(), false, true, true)),
        [w] => branch(w),
        _ => alternation(words.iter().map(branch).collect()),
    }
}

/// The branches of an alternation, indexed by the character each must start with.
pub(super) fn alternation(branches: Vec<Node>) -> Node {
    let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
    let mut other = Vec::new();
    for (i, b) in branches.iter().enumerate() {
        match first_char(b) {
            Some(c) => match by_first.binary_search_by_key(&c, |e| e.0) {
                Ok(j) => by_first[j].1.push(i),
                Err(j) => by_first.insert(j, (c, vec![i])),
            },
            None => other.push(i),
        }
    }
    let mut ascii = Box::new([0u32; 128]);
    for (j, e) in by_first.iter().enumerate() {
        if let Some(slot) = ascii.get_mut(e.0 as usize) {
            *slot = j as u32 + 1;
        }
    }
    Node::Alt(Alt { branches, by_first, ascii, other })
}

/// `\w`, `\s`, `\S` (and `\W`); `\d` is not read (the patterns write their digits).
fn perl(p: &ast::ClassPerl) -> Result<Class, String> {
    Ok(match (&p.kind, p.negated) {
        (ClassPerlKind::Word, negated) => Class::new(negated, Vec::new(), true, false, false),
        (ClassPerlKind::Space, false) => Class::new(false, Vec::new(), false, true, false),
        (ClassPerlKind::Space, true) => Class::new(false, Vec::new(), false, false, true),
        (ClassPerlKind::Digit, _) => return Err("unsupported class \\d".into()),
    })
}

fn bracketed(b: &ast::ClassBracketed) -> Result<Class, String> {
    let mut cl = Class::new(b.negated, Vec::new(), false, false, false);
    let ClassSet::Item(item) = &b.kind else { return Err("class operation".into()) };
    set_item(item, &mut cl)?;
    Ok(cl.done())
}

fn set_item(item: &ClassSetItem, cl: &mut Class) -> Result<(), String> {
    match item {
        ClassSetItem::Empty(_) => {}
        ClassSetItem::Literal(l) => cl.ranges.push((l.c, l.c)),
        ClassSetItem::Range(r) => cl.ranges.push((r.start.c, r.end.c)),
        ClassSetItem::Perl(p) => {
            // `\S` is read as a class of its own (not negated); `\W` in a class is not read.
            let e = perl(p)?;
            if e.negated {
                return Err("negated escape in a class".into());
            }
            cl.word |= e.word;
            cl.space |= e.space;
            cl.not_space |= e.not_space;
        }
        ClassSetItem::Union(u) => {
            for i in &u.items {
                set_item(i, cl)?;
            }
        }
        ClassSetItem::Bracketed(_) => return Err("nested class".into()),
        ClassSetItem::Ascii(_) | ClassSetItem::Unicode(_) => return Err("unsupported class".into()),
    }
    Ok(())
}

/// The only character a match of `n` can start with, if there is one (and it cannot be
/// empty).
fn first_char(n: &Node) -> Option<char> {
    match n {
        Node::Lit(l) => l.chars().next(),
        Node::Cat(v) => v.first().and_then(first_char),
        Node::Group(_, n) => first_char(n),
        Node::Shared(n) => first_char(n),
        Node::Repeat { node, min, .. } if *min > 0 => first_char(node),
        Node::Class(c) if !c.negated && !c.word && !c.space && !c.not_space => match c.ranges[..] {
            [(a, b)] if a == b => Some(a),
            _ => None,
        },
        _ => None,
    }
}

// What the trees written out in `skeletons.rs` are made with: what [`node`] makes of
// each piece of syntax.

pub(super) fn lit(s: &str) -> Node {
    Node::Lit(s.to_string())
}

pub(super) fn class(
    negated: bool,
    ranges: &[(char, char)],
    word: bool,
    space: bool,
    not_space: bool,
) -> Node {
    Node::Class(Class::new(negated, ranges.to_vec(), word, space, not_space))
}

pub(super) fn repeat(node: Node, min: u32, max: Option<u32>, greedy: bool) -> Node {
    Node::Repeat { node: Box::new(node), min, max, greedy }
}

pub(super) fn group(i: usize, node: Node) -> Node {
    Node::Group(i, Box::new(node))
}

/// Part `i` (the caller has checked there are enough).
pub(super) fn shared(parts: &[Part], i: usize) -> Node {
    Node::Shared(Arc::clone(&parts[i].0))
}

pub(super) fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|n| n.to_string()).collect()
}

/// `skeletons.rs`: the trees of `skeletons` (each parsed with `parts`, the lists of its
/// table) as Rust code made of the functions above.
#[cfg(test)]
pub(super) fn write_skeletons(skeletons: &[(String, Vec<Part>)]) -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "//! The trees of the built-in tables' skeletons (see `parse.rs`), written by\n\
         //! `OERLINT_WRITE_SKELETONS=1 cargo test skeletons_are_written_out`: do not edit.\n\n\
         use super::parse::{alternation, class, group, lit, names, repeat, shared};\n\
         use super::{Node, Part};\n\n\
         /// The skeletons, as `patterns.rs` writes them for the built-in tables, each with\n\
         /// the number of parts it stands for.\n\
         const TEXTS: &[(&str, usize)] = &[\n",
    );
    for (s, _) in skeletons {
        let need = s.chars().filter_map(|c| (c as u32).checked_sub(PART)).max().map_or(0, |i| i as usize + 1);
        let _ = writeln!(out, "    ({s:?}, {need}),");
    }
    out.push_str(
        "];\n\n\
         /// The tree and group names of `skeleton` if it is one of [`TEXTS`] (and `p` holds its\n\
         /// parts).\n\
         pub(super) fn tree(skeleton: &str, p: &[Part]) -> Option<(Node, Vec<String>)> {\n    \
         let i = TEXTS.iter().position(|t| t.0 == skeleton)?;\n    \
         if p.len() < TEXTS[i].1 {\n        return None;\n    }\n    \
         Some(match i {\n",
    );
    for i in 0..skeletons.len() {
        let _ = writeln!(out, "        {i} => t{i}(p),");
    }
    out.push_str("        _ => return None,\n    })\n}\n");
    for (i, (s, parts)) in skeletons.iter().enumerate() {
        let (root, names) = parse_written(s, parts).expect("a built-in skeleton parses");
        let mut tree = String::new();
        write_node(&root, parts, 2, &mut tree);
        let p = if tree.contains("shared(p, ") { "p" } else { "_p" };
        let _ = write!(
            out,
            "\nfn t{i}({p}: &[Part]) -> (Node, Vec<String>) {{\n    (\n        {tree},\n        names(&{names:?}),\n    )\n}}\n"
        );
    }
    out
}

#[cfg(test)]
fn write_node(n: &Node, parts: &[Part], depth: usize, out: &mut String) {
    use std::fmt::Write;
    let list = |v: &[Node], out: &mut String| {
        out.push_str("vec![\n");
        for b in v {
            out.push_str(&"    ".repeat(depth + 1));
            write_node(b, parts, depth + 1, out);
            out.push_str(",\n");
        }
        out.push_str(&"    ".repeat(depth));
        out.push(']');
    };
    match n {
        Node::Empty => out.push_str("Node::Empty"),
        Node::Start => out.push_str("Node::Start"),
        Node::End => out.push_str("Node::End"),
        Node::Lit(l) => {
            let _ = write!(out, "lit({l:?})");
        }
        Node::Class(c) => {
            let _ = write!(
                out,
                "class({}, &{:?}, {}, {}, {})",
                c.negated, c.ranges, c.word, c.space, c.not_space
            );
        }
        Node::Cat(v) => {
            out.push_str("Node::Cat(");
            list(v, out);
            out.push(')');
        }
        Node::Alt(a) => {
            out.push_str("alternation(");
            list(&a.branches, out);
            out.push(')');
        }
        Node::Repeat { node, min, max, greedy } => {
            out.push_str("repeat(");
            write_node(node, parts, depth, out);
            let _ = write!(out, ", {min}, {max:?}, {greedy})");
        }
        Node::Group(i, node) => {
            let _ = write!(out, "group({i}, ");
            write_node(node, parts, depth, out);
            out.push(')');
        }
        Node::Shared(a) => {
            let i = parts.iter().position(|p| Arc::ptr_eq(&p.0, a)).expect("a part of the skeleton");
            let _ = write!(out, "shared(p, {i})");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale;

    /// The patterns of every table, without parts.
    fn constant_patterns() -> [&'static str; 2] {
        [crate::temporal::numeric_date_pattern().source(), crate::temporal::year_pattern().source()]
    }

    /// The skeletons of the built-in tables, each with the lists of the first table that
    /// has it, and the patterns of every table.
    fn builtin_skeletons() -> Vec<(String, Vec<Part>)> {
        let mut v: Vec<(String, Vec<Part>)> =
            constant_patterns().iter().map(|p| (p.to_string(), Vec::new())).collect();
        for lang in locale::LANGS {
            let p = crate::temporal::patterns::patterns(locale::table(lang).unwrap());
            for s in &p.skeletons {
                if !v.iter().any(|(t, _)| t == s) {
                    v.push((s.clone(), p.lists.iter().map(|w| Part::words(w)).collect()));
                }
            }
        }
        v
    }

    /// Every skeleton of the built-in tables is written out in `skeletons.rs`, as the
    /// tree parsing gives with the lists of each table. When a pattern changes, this
    /// fails until the file is written again: `OERLINT_WRITE_SKELETONS=1 cargo test
    /// skeletons_are_written_out` (until then the skeleton is parsed: slower, the same).
    #[test]
    fn skeletons_are_written_out() {
        let all = builtin_skeletons();
        if std::env::var_os("OERLINT_WRITE_SKELETONS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/temporal/matcher/skeletons.rs");
            std::fs::write(path, write_skeletons(&all)).unwrap();
        }
        for lang in locale::LANGS {
            let p = crate::temporal::patterns::patterns(locale::table(lang).unwrap());
            let parts: Vec<Part> = p.lists.iter().map(|w| Part::words(w)).collect();
            for s in &p.skeletons {
                let written = skeletons::tree(s, &parts).unwrap_or_else(|| {
                    panic!("{lang}: a skeleton is not in skeletons.rs; write it again (see this test)")
                });
                let parsed = parse_written(s, &parts).unwrap();
                assert_eq!(format!("{written:?}"), format!("{parsed:?}"), "{lang}: {s:?}");
            }
            // Too few parts: parsed.
            assert!(skeletons::tree(&p.skeletons[0], &parts[..1]).is_none());
        }
        for p in constant_patterns() {
            let written = skeletons::tree(p, &[]).expect("written out");
            assert_eq!(format!("{written:?}"), format!("{:?}", parse_written(p, &[]).unwrap()), "{p:?}");
        }
        assert!(skeletons::tree("a", &[]).is_none());
    }
}
