//! How two values differ, said the way a person would (`CL/43[9→2]8`, two digits
//! swapped): the notes of the `*-mismatch` rules.

/// A character-level diff of two values, e.g. `CL/43[9→2]8`.
pub fn char_diff(expected: &str, found: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_chars(expected, found);
    let mut out = String::new();
    let mut del = String::new();
    let mut ins = String::new();
    let flush = |out: &mut String, del: &mut String, ins: &mut String| {
        if !del.is_empty() || !ins.is_empty() {
            out.push_str(&format!("[{}→{}]", del, ins));
            del.clear();
            ins.clear();
        }
    };
    for c in diff.iter_all_changes() {
        match c.tag() {
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins);
                out.push_str(c.value());
            }
            ChangeTag::Delete => del.push_str(c.value()),
            ChangeTag::Insert => ins.push_str(c.value()),
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// The difference between two values as a person would say it: two characters swapped,
/// one changed, one added or dropped; else the bracketed character diff.
pub fn describe_difference(expected: &str, found: &str) -> String {
    let e: Vec<char> = expected.chars().collect();
    let f: Vec<char> = found.chars().collect();
    let kind = |c: char| {
        if c.is_ascii_digit() {
            "digit"
        } else if c.is_alphabetic() {
            "letter"
        } else {
            "character"
        }
    };
    let plural =
        |a: char, b: char| if kind(a) == kind(b) { format!("{}s", kind(a)) } else { "characters".into() };
    if e.len() == f.len() {
        let diff: Vec<usize> = (0..e.len()).filter(|&i| e[i] != f[i]).collect();
        match diff[..] {
            [i, j] if e[i] == f[j] && e[j] == f[i] => {
                return format!(
                    "the {} {} and {} are swapped: {expected} became {found}",
                    plural(e[i], e[j]),
                    e[i],
                    e[j]
                );
            }
            [i] => {
                return format!(
                    "one {} differs, {} → {}: {}",
                    kind(e[i]),
                    e[i],
                    f[i],
                    char_diff(expected, found)
                );
            }
            _ => {}
        }
    } else if e.len() + 1 == f.len() || f.len() + 1 == e.len() {
        let (long, short, added) = if f.len() > e.len() { (&f, &e, true) } else { (&e, &f, false) };
        if let Some(k) = (0..long.len()).find(|&k| long[..k] == short[..k] && long[k + 1..] == short[k..]) {
            let c = long[k];
            let verb = if added { "added" } else { "dropped" };
            return format!("a {} {c} is {verb}: {}", kind(c), char_diff(expected, found));
        }
    }
    char_diff(expected, found)
}

/// Whether two values are close enough to be one value changed (a slip, not a swap).
pub fn similar_values(a: &str, b: &str) -> bool {
    let r = similar::TextDiff::from_chars(a, b).ratio();
    r >= 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_read_for_a_person() {
        assert_eq!(
            describe_difference("CL/4398", "CL/4389"),
            "the digits 9 and 8 are swapped: CL/4398 became CL/4389"
        );
        assert_eq!(describe_difference("CL/4398", "CL/4328"), "one digit differs, 9 → 2: CL/43[9→2]8");
        assert_eq!(describe_difference("CL/4398", "CL/43988"), "a digit 8 is added: CL/4398[→8]");
        assert_eq!(describe_difference("216 EX/5", "216 EX5"), "a character / is dropped: 216 EX[/→]5");
        assert_eq!(describe_difference("ab-12", "xy-34"), char_diff("ab-12", "xy-34"));
    }

    #[test]
    fn char_diff_shows_the_slip() {
        assert_eq!(char_diff("CL/4398", "CL/4328"), "CL/43[9→2]8");
        assert_eq!(char_diff("a@b.org", "a@b.org"), "a@b.org");
        assert_eq!(char_diff("ab", "abc"), "ab[→c]");
    }
}
