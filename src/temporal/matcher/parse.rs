//! The parser of [`super::Matcher`]: the regex syntax the readers' patterns use, into the
//! tree the matcher walks (literals merged, one-character repetitions as classes, an
//! index from first character to branch for each alternation).

use super::*;

pub(super) struct Parser {
    pub(super) chars: Vec<char>,
    pub(super) i: usize,
    pub(super) names: Vec<String>,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn eat(&mut self, s: &str) -> bool {
        let n = s.chars().count();
        if self.chars.get(self.i..self.i + n).is_some_and(|w| w.iter().copied().eq(s.chars())) {
            self.i += n;
            true
        } else {
            false
        }
    }

    pub(super) fn alt(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.cat()?];
        while self.eat("|") {
            branches.push(self.cat()?);
        }
        if branches.len() == 1 {
            return Ok(branches.pop().unwrap_or(Node::Empty));
        }
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
        Ok(Node::Alt(Alt { branches, by_first, other }))
    }

    fn cat(&mut self) -> Result<Node, String> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let atom = self.quantified(atom)?;
            // Consecutive literals are one.
            match (items.last_mut(), atom) {
                (Some(Node::Lit(a)), Node::Lit(b)) => a.push_str(&b),
                (_, atom) => items.push(atom),
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        })
    }

    fn number(&mut self) -> Option<u32> {
        let st = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.chars[st..self.i].iter().collect::<String>().parse().ok()
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let save = self.i;
                self.i += 1;
                let Some(lo) = self.number() else {
                    self.i = save;
                    return Ok(atom);
                };
                let hi = if self.eat(",") {
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.number().ok_or("bad repetition")?)
                    }
                } else {
                    Some(lo)
                };
                if self.peek() != Some('}') {
                    return Err("bad repetition".into());
                }
                (lo, hi)
            }
            _ => return Ok(atom),
        };
        self.i += 1;
        let greedy = !self.eat("?");
        if matches!(atom, Node::Lit(ref l) if l.chars().count() > 1) {
            return Err("internal: quantified literal of several chars".into());
        }
        // A one-char literal repeats as a class.
        let node = match atom {
            Node::Lit(l) => {
                let c = l.chars().next().unwrap_or('\0');
                Node::Class(Class::new(false, vec![(c, c)], false, false, false))
            }
            a => a,
        };
        Ok(Node::Repeat { node: Box::new(node), min, max, greedy })
    }

    fn atom(&mut self) -> Result<Node, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.i += 1;
        match c {
            '(' => {
                let group = if self.eat("?:") {
                    None
                } else if self.eat("?P<") {
                    let st = self.i;
                    while self.peek().is_some_and(|c| c != '>') {
                        self.i += 1;
                    }
                    let name: String = self.chars[st..self.i].iter().collect();
                    self.i += 1;
                    self.names.push(name);
                    Some(self.names.len() - 1)
                } else if self.peek() == Some('?') {
                    return Err("unsupported group flag".into());
                } else {
                    self.names.push(String::new());
                    Some(self.names.len() - 1)
                };
                let inner = self.alt()?;
                if !self.eat(")") {
                    return Err("unclosed group".into());
                }
                Ok(match group {
                    Some(g) => Node::Group(g, Box::new(inner)),
                    None => inner,
                })
            }
            '[' => self.class().map(Node::Class),
            '^' => Ok(Node::Start),
            '$' => Ok(Node::End),
            '.' => Ok(Node::Class(Class::new(true, vec![('\n', '\n')], false, false, false))),
            '\\' => match self.escape()? {
                Esc::Char(c) => Ok(Node::Lit(c.to_string())),
                Esc::Class(cl) => Ok(Node::Class(cl)),
            },
            '*' | '+' | '?' | '{' if c != '{' => Err("quantifier without an atom".into()),
            c => Ok(Node::Lit(c.to_string())),
        }
    }

    fn escape(&mut self) -> Result<Esc, String> {
        let c = self.peek().ok_or("trailing backslash")?;
        self.i += 1;
        let class = |word, space, not_space, negated| {
            Esc::Class(Class::new(negated, Vec::new(), word, space, not_space))
        };
        Ok(match c {
            'w' => class(true, false, false, false),
            'W' => class(true, false, false, true),
            's' => class(false, true, false, false),
            'S' => class(false, false, true, false),
            'n' => Esc::Char('\n'),
            't' => Esc::Char('\t'),
            'u' | 'x' => {
                let braced = self.eat("{");
                let st = self.i;
                let n = if braced {
                    usize::MAX
                } else if c == 'x' {
                    2
                } else {
                    4
                };
                while self.i - st < n && self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                    self.i += 1;
                }
                let hex: String = self.chars[st..self.i].iter().collect();
                if braced && !self.eat("}") {
                    return Err("bad \\u escape".into());
                }
                Esc::Char(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).ok_or("bad escape")?)
            }
            c if c.is_ascii_alphanumeric() => return Err(format!("unsupported escape \\{c}")),
            c => Esc::Char(c),
        })
    }

    fn class(&mut self) -> Result<Class, String> {
        let mut cl = Class::new(self.eat("^"), Vec::new(), false, false, false);
        let mut first = true;
        loop {
            let c = self.peek().ok_or("unclosed class")?;
            self.i += 1;
            if c == ']' && !first {
                return Ok(cl.done());
            }
            first = false;
            let lo = match c {
                '[' => return Err("nested class".into()),
                '&' if self.peek() == Some('&') => return Err("class intersection".into()),
                '\\' => match self.escape()? {
                    Esc::Char(c) => c,
                    Esc::Class(e) => {
                        if e.negated {
                            return Err("negated escape in a class".into());
                        }
                        cl.word |= e.word;
                        cl.space |= e.space;
                        cl.not_space |= e.not_space;
                        continue;
                    }
                },
                c => c,
            };
            if self.peek() == Some('-') && self.chars.get(self.i + 1).is_some_and(|&n| n != ']') {
                self.i += 1;
                let hi = match self.peek().ok_or("unclosed class")? {
                    '\\' => {
                        self.i += 1;
                        match self.escape()? {
                            Esc::Char(c) => c,
                            Esc::Class(_) => return Err("bad range".into()),
                        }
                    }
                    h => {
                        self.i += 1;
                        h
                    }
                };
                cl.ranges.push((lo, hi));
            } else {
                cl.ranges.push((lo, lo));
            }
        }
    }
}

enum Esc {
    Char(char),
    Class(Class),
}

/// The only character a match of `n` can start with, if there is one (and it cannot be
/// empty).
fn first_char(n: &Node) -> Option<char> {
    match n {
        Node::Lit(l) => l.chars().next(),
        Node::Cat(v) => v.first().and_then(first_char),
        Node::Group(_, n) => first_char(n),
        Node::Repeat { node, min, .. } if *min > 0 => first_char(node),
        Node::Class(c) if !c.negated && !c.word && !c.space && !c.not_space => match c.ranges[..] {
            [(a, b)] if a == b => Some(a),
            _ => None,
        },
        _ => None,
    }
}
