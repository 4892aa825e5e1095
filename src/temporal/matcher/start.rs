//! Where a match can start: the characters a pattern's match can begin with, tested
//! before the tree is walked at a position (and the bytes to jump to when they are all
//! ASCII).

use super::*;

/// A test of the start of a match, to skip positions where none can start.
#[derive(Debug)]
pub(super) enum Pre {
    /// The pattern opens with `(?:^|[…])`: past the start of the text, a character of the
    /// class, then one the rest can start with.
    /// The bytes the rest can start with, when they are all ASCII: the search then jumps
    /// from one to the next.
    Boundary(Class, First, Option<Box<[bool; 128]>>),
    Plain(First),
}

/// What a match of a node can start with: one of the literals, a character of one of
/// the classes, or anything if it can match the empty string.
#[derive(Debug)]
pub(super) struct First {
    classes: Vec<Class>,
    empty: bool,
    /// The literals by first character (filled by [`Starts::done`]).
    by_char: Vec<(char, Vec<String>)>,
    /// Per ASCII character: 0 no match starts with it, 1 one may, 2 if a literal follows.
    ascii: [u8; 128],
}

impl Default for First {
    fn default() -> First {
        First { classes: Vec::new(), empty: false, by_char: Vec::new(), ascii: [0; 128] }
    }
}

/// What [`First`] is made of, borrowed from the tree while it is walked: the literals
/// and classes are copied once, into the [`First`] that [`Starts::done`] makes (a word
/// list used in several places, the months, was copied word by word for each).
#[derive(Default)]
struct Starts<'n> {
    lits: Vec<&'n str>,
    classes: Vec<&'n Class>,
    empty: bool,
}

impl<'n> Starts<'n> {
    fn of(n: &'n Node) -> Starts<'n> {
        let mut f = Starts::default();
        match n {
            Node::Empty | Node::Start | Node::End => f.empty = true,
            Node::Lit(l) => f.lits.push(l),
            Node::Class(c) => f.classes.push(c),
            Node::Group(_, n) => f = Starts::of(n),
            Node::Shared(n) => f = Starts::of(n),
            Node::Repeat { node, min, .. } => {
                f = Starts::of(node);
                f.empty |= *min == 0;
            }
            Node::Cat(v) => f = Starts::of_seq(v),
            Node::Alt(a) => {
                for b in &a.branches {
                    f.add(Starts::of(b));
                }
            }
        }
        f
    }

    fn of_seq(v: &'n [Node]) -> Starts<'n> {
        let mut f = Starts { empty: true, ..Starts::default() };
        for n in v {
            let g = Starts::of(n);
            let more = g.empty;
            f.add(g);
            if !more {
                f.empty = false;
                break;
            }
        }
        f
    }

    fn add(&mut self, g: Starts<'n>) {
        self.lits.extend(g.lits);
        self.classes.extend(g.classes);
        self.empty |= g.empty;
    }

    /// The [`First`] of these literals and classes: the literals by first character
    /// (each once: a test asks whether any of them starts the text), the table of ASCII
    /// characters.
    fn done(self) -> First {
        let mut f = First {
            classes: self.classes.into_iter().cloned().collect(),
            empty: self.empty,
            ..First::default()
        };
        for l in self.lits {
            let Some(c) = l.chars().next() else {
                f.empty = true;
                continue;
            };
            match f.by_char.binary_search_by_key(&c, |e| e.0) {
                Ok(j) if f.by_char[j].1.iter().any(|x| x == l) => {}
                Ok(j) => f.by_char[j].1.push(l.to_string()),
                Err(j) => f.by_char.insert(j, (c, vec![l.to_string()])),
            }
        }
        for b in 0..128u8 {
            f.ascii[b as usize] = f.state(char::from(b));
        }
        f
    }
}

impl First {
    fn state(&self, c: char) -> u8 {
        if self.empty || self.classes.iter().any(|k| k.matches(c)) {
            1
        } else if self.by_char.binary_search_by_key(&c, |e| e.0).is_ok() {
            2
        } else {
            0
        }
    }

    /// Which ASCII characters a match can start with, when it cannot start with anything
    /// else (nor match empty).
    fn only_ascii(&self) -> Option<[bool; 128]> {
        let wide = self.empty
            || self.by_char.iter().any(|e| !e.0.is_ascii())
            || self.classes.iter().any(|c| {
                c.negated || c.word || c.space || c.not_space || c.ranges.iter().any(|r| r.1 as u32 > 127)
            });
        if wide {
            return None;
        }
        let mut t = [false; 128];
        for (slot, &state) in t.iter_mut().zip(self.ascii.iter()) {
            *slot = state != 0;
        }
        Some(t)
    }

    fn accepts(&self, text: &str, pos: usize) -> bool {
        let state = match text.as_bytes().get(pos) {
            Some(&b) if b < 128 => self.ascii[b as usize],
            _ => match char_at(text, pos) {
                Some(c) => self.state(c),
                None => return self.empty,
            },
        };
        match state {
            0 => false,
            1 => true,
            _ => {
                let rest = &text[pos..];
                let c = rest.chars().next().unwrap_or('\0');
                self.by_char
                    .binary_search_by_key(&c, |e| e.0)
                    .is_ok_and(|j| self.by_char[j].1.iter().any(|l| rest.starts_with(l.as_str())))
            }
        }
    }
}

impl Pre {
    pub(super) fn of(root: &Node) -> Pre {
        if let Node::Cat(v) = root {
            if let Some(Node::Alt(a)) = v.first() {
                if let [Node::Start, Node::Class(c)] = &a.branches[..] {
                    let f = Starts::of_seq(&v[1..]).done();
                    let bytes = f.only_ascii().map(Box::new);
                    return Pre::Boundary(c.clone(), f, bytes);
                }
            }
        }
        Pre::Plain(Starts::of(root).done())
    }

    /// The first position from `from` (past the text's start) where a match may start
    /// by the bytes test: the character before the next byte the rest can start with
    /// (`None`: no more). `Some(from)` when there is no such test.
    pub(super) fn skip(&self, text: &str, from: usize) -> Option<usize> {
        let Pre::Boundary(_, _, Some(bytes)) = self else { return Some(from) };
        let b = text.as_bytes();
        let q = from + 1 + b.get(from + 1..)?.iter().position(|&x| x < 128 && bytes[x as usize])?;
        // ASCII bytes are never inside a character: step back to the one before.
        let mut p = q - 1;
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        Some(p)
    }

    /// Whether a match may start at `pos`.
    pub(super) fn may_start(&self, text: &str, pos: usize) -> bool {
        match self {
            Pre::Plain(f) => f.accepts(text, pos),
            Pre::Boundary(..) if pos == 0 => true,
            Pre::Boundary(c, f, _) => match text.as_bytes().get(pos) {
                Some(&b) if b < 128 => c.ascii[b as usize] && f.accepts(text, pos + 1),
                _ => {
                    char_at(text, pos).is_some_and(|ch| c.matches(ch) && f.accepts(text, pos + ch.len_utf8()))
                }
            },
        }
    }
}
