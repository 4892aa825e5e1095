//! # bidi-order (warning)
//!
//! In right-to-left text, a left-to-right token (an email, a URL, a reference code, a
//! phone number, a number with a sign or a unit) that readers see scrambled: its displayed
//! order, under the Unicode Bidirectional Algorithm applied to the real paragraph, differs
//! from the order in which it is written.
//!
//! The classic cases are one token that the algorithm splits: a URL whose trailing `/`
//! jumps to its left end, a phone number `+33 1 45 68 10 00` whose groups reorder, a
//! document code `216 EX/5` shown as `EX/5 216`. The decision is made by the
//! `unicode-bidi` crate on the whole paragraph, not by guessing from characters.
//!
//! Numeric ranges (`2015-2030`, `08:00-11:00`) are not reported: in Arabic text the
//! algorithm shows them right to left (`2030-2015`), and that is how Arabic readers read
//! a range, from right to left: the ordinary reading order, not scrambling.
//!
//! The fix is to isolate the token: wrap it in U+2068 FIRST STRONG ISOLATE and U+2069 POP
//! DIRECTIONAL ISOLATE (or, in HTML, `<bdi>`), or put U+200E LEFT-TO-RIGHT MARK after
//! it.
//!
//! Example: `للاستفسار اتصلوا بالرقم +33 1 45 68 10 00 أو راسلونا` is reported (the
//! groups of the number reorder); `من 08:00-11:00`, `j.hironaka@unesco.org` and
//! `CL/4398` inside Arabic are not.

use super::{Blocks, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::regexes::Tiered;
use std::ops::Range;
use unicode_bidi::{bidi_class, BidiInfo, Level};

pub const RULE: Rule = Rule {
    id: "bidi-order",
    severity: Severity::Warning,
    summary: "a left-to-right token is displayed scrambled in right-to-left text",
    pair: None,
    blocks: Some(check),
    default_enabled: true,
};

/// The shapes below, on the few blocks with a digit (see [`Tiered`]). The unit of the
/// last shape is followed by a word boundary (`\b`), tested by [`shapes`] rather than
/// written in the pattern: with a Unicode `\b` the lazy DFA gives up on any non-ASCII
/// text (all of an Arabic block), and the slower engines searched instead.
static TOKENS: Tiered = Tiered::new(concat!(
    // Time and number ranges (08:00-11:00, 2022-2023) are matched so that no
    // other shape takes part of them, and never reported (see the doc above).
    r"[0-9]{1,4}(?:[:.h][0-9]{2})?\s?[-–—]\s?[0-9]{1,4}(?:[:.h][0-9]{2})?",
    // phone numbers: +33 1 45 68 10 00
    r"|\+[0-9][0-9 ().-]{6,}[0-9]",
    // signed numbers and offsets: UTC+7, +7, -3.5
    r"|(?:UTC|GMT)\s?[+-]\s?[0-9]{1,2}(?::[0-9]{2})?",
    // numbers with a unit: 45 %, 3 km
    // (followed by a word boundary: see `shapes`)
    r"|[0-9]+(?:[.,][0-9]+)?\s?(?:%|km|kg|MB|GB|USD|EUR)",
));

/// Whether `text` may hold a shape of [`TOKENS`]: a range holds a dash (`-`, `–`, `—`), a
/// phone number a `+`, an offset `+` or `-`, a number with a unit the unit (`%`, `km`,
/// `kg`, `MB`, `GB`, `USD`, `EUR`). Their bytes are looked for first (`memchr`), and the
/// units' words only in a text with one of their letters: most Arabic paragraphs with a
/// digit have none, and are not searched (nor is the pattern compiled a second time,
/// with its lazy DFA, for them: see [`Tiered`]).
fn may_hold_shape(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3(b'-', b'+', b'%', b).is_some()
        || (memchr::memchr(0xE2, b).is_some() && text.contains(['–', '—']))
        || (memchr::memchr3(b'k', b'B', b'D', b).is_some()
            && ["km", "kg", "MB", "GB", "USD"].iter().any(|u| text.contains(u)))
        || (memchr::memchr(b'R', b).is_some() && text.contains("EUR"))
}

/// The matches of [`TOKENS`] in `text`, as the pattern with `\b` after the unit finds
/// them. Every other shape ends with a digit; a unit's match that no word boundary
/// follows is the only way the unit's shape can match at its start (the number, the
/// space and the unit each have one extent there), and the shapes before it in the
/// pattern did not match there: with the `\b` nothing matches at that start, and the
/// search goes on from the next byte (tested: `shapes_are_those_of_the_pattern_with_its_boundary`).
fn shapes(text: &str) -> Vec<Range<usize>> {
    shapes_with(TOKENS.get(text.len()), text)
}

/// [`shapes`] with `re`, [`TOKENS`] compiled (the tests give each of its two forms).
fn shapes_with(re: &regex_automata::meta::Regex, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = re.search(&regex_automata::Input::new(text).span(at..text.len())) {
        let unit = !text.as_bytes()[m.end() - 1].is_ascii_digit();
        if unit && !word_boundary(text, m.end()) {
            // The match starts with an ASCII digit: the next byte is a character's start.
            at = m.start() + 1;
            continue;
        }
        out.push(m.range());
        at = m.end();
    }
    out
}

/// Whether a Unicode word boundary (`\b`) is at `at` in `text`, as `regex` decides it.
fn word_boundary(text: &str, at: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    word(text[..at].chars().next_back()) != word(text[at..].chars().next())
}

/// Left-to-right tokens of a block's text: emails, URLs, codes and the shapes above.
pub fn tokens(block: &crate::blocks::Block) -> Vec<Range<usize>> {
    let text = &block.text;
    let mut out: Vec<Range<usize>> = crate::urls::find_bare(text);
    // An email holds `@`, and every shape of `TOKENS` an ASCII digit: a text without
    // them is not searched for them.
    if text.contains('@') {
        out.extend(crate::anchors::find_emails(text));
    }
    out.extend(block.builtin_codes().iter().map(|c| c.range.clone()));
    if text.bytes().any(|b| b.is_ascii_digit()) && may_hold_shape(text) {
        out.extend(shapes(text));
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Range<usize>> = Vec::new();
    for r in out {
        if kept.last().is_some_and(|k| r.start < k.end) {
            continue;
        }
        kept.push(r);
    }
    kept
}

/// A numeric range (`2015-2030`, `08:00 – 11:00`): read right to left in Arabic text.
fn is_range(token: &str) -> bool {
    !token.starts_with('+')
        && token.contains(['-', '–', '—'])
        && token.chars().all(|c| c.is_ascii_digit() || " :.h-–—".contains(c))
}

/// Whether `text` holds an explicit bidi formatting character (embeddings, overrides,
/// isolates): with none, a whole paragraph is one run for the algorithm.
/// (They are U+202A–U+202E and U+2066–U+2069, found by their UTF-8 bytes.)
fn has_explicit(text: &str) -> bool {
    // Each starts with the byte E2, which most texts lack: one search for it first.
    text.as_bytes().contains(&0xE2)
        && text.as_bytes().windows(3).any(|w| {
            w[0] == 0xE2
                && ((w[1] == 0x80 && (0xAA..=0xAE).contains(&w[2]))
                    || (w[1] == 0x81 && (0xA6..=0xA9).contains(&w[2])))
        })
}

/// Whether a token is displayed in order in any paragraph without explicit formatting
/// characters, decided from its characters' bidi classes alone: it starts with a
/// left-to-right letter (L), ends with one or a European digit (EN), and holds nothing
/// but those, separators and terminators of numbers (ES, CS, ET) and other neutrals (ON).
/// Then every digit follows an L and resolves to L (rules W4–W7), every neutral stands
/// between two L and resolves to L (N1), and all the token is at one even level.
/// Paired brackets are left out: rule N0 resolves a bracket with its partner, which may
/// stand outside the token (`(ببب‎)a`: the `)` closes a right-to-left pair and is
/// displayed right to left).
fn stays_in_order(token: &str) -> bool {
    use unicode_bidi::BidiClass::*;
    let (Some(first), Some(last)) = (token.chars().next(), token.chars().next_back()) else {
        return false;
    };
    bidi_class(first) == L && matches!(bidi_class(last), L | EN) && token.chars().all(ltr_or_neutral)
}

/// Whether a character is a left-to-right letter (L), a European digit (EN), a separator
/// or terminator of numbers (ES, CS, ET) or another neutral (ON) but a paired bracket:
/// what [`stays_in_order`] and [`isolated_in_order`] allow in a token.
fn ltr_or_neutral(c: char) -> bool {
    use unicode_bidi::BidiClass::*;
    use unicode_bidi::BidiDataSource;
    match bidi_class(c) {
        L | EN | ES | ET | CS => true,
        ON => unicode_bidi::HardcodedBidiData.bidi_matched_opening_bracket(c).is_none(),
        _ => false,
    }
}

/// The most isolate or embedding initiators a text may hold for [`isolated_in_order`]:
/// with no more, no level passes 1 + 2 × 60 = 121, below the algorithm's deepest level
/// (125), so no initiator overflows and every isolate opens a level of its own.
const FEW_INITIATORS: usize = 60;

/// Whether `text` holds at most [`FEW_INITIATORS`] explicit initiators (U+202A–U+202E,
/// PDF included, and U+2066–U+2068, by their UTF-8 bytes).
fn few_initiators(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(0xE2, b)
        .filter(|&i| {
            matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA8))
            )
        })
        .nth(FEW_INITIATORS)
        .is_none()
}

/// Whether a token of a paragraph that has explicit formatting characters is displayed in
/// order, decided without the algorithm: the token is the whole content of a left-to-right
/// or first-strong isolate (U+2066 or U+2068 just before it, U+2069 just after: the fix
/// this rule advises) and holds only characters of [`ltr_or_neutral`], the paragraph
/// having few initiators (`few`, [`few_initiators`]). The isolate then opens an even
/// level (a first-strong isolate whose first strong character is L, or that has none,
/// is left-to-right), the token is an isolating run sequence of its own at that level,
/// with L at both ends (rule X10: the higher level, the token's, decides), so every
/// digit resolves to L (W7), every neutral too (N1), and no bracket pairs (N0).
fn isolated_in_order(text: &str, token: Range<usize>, few: bool) -> bool {
    few && !token.is_empty()
        && text[..token.start].ends_with(['\u{2066}', '\u{2068}'])
        && text[token.end..].starts_with('\u{2069}')
        && text[token].chars().all(ltr_or_neutral)
}

/// How a token is displayed, when that differs from how it is written.
pub fn scrambled(levels: &[Level], text: &str, token: Range<usize>) -> Option<String> {
    let chars: Vec<(usize, char)> =
        text[token.clone()].char_indices().map(|(i, c)| (i + token.start, c)).collect();
    let lv: Vec<Level> = chars.iter().map(|(i, _)| levels[*i]).collect();
    if lv.windows(2).all(|w| w[0] == w[1]) && lv.first().is_some_and(|l| l.is_ltr()) {
        return None;
    }
    // Visual order of the token's characters (rule L2 on the token alone; the token is
    // contiguous, so this is its order on screen).
    let order = BidiInfo::reorder_visual(&lv);
    if order.iter().enumerate().all(|(k, &i)| k == i) {
        return None;
    }
    Some(order.iter().map(|&i| chars[i].1).collect())
}

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    if !b.lang.is_rtl() {
        return;
    }
    for block in b.blocks {
        let text = &block.text;
        // Ranges are never reported, nor tokens that stay in order: a block with no other
        // token needs no bidi levels.
        // With explicit formatting characters, a token isolated as the rule advises is
        // decided without the levels too.
        let explicit = has_explicit(text);
        let few = explicit && few_initiators(text);
        let in_order = |t: &Range<usize>| {
            if explicit {
                isolated_in_order(text, t.clone(), few)
            } else {
                stays_in_order(&text[t.clone()])
            }
        };
        let toks: Vec<Range<usize>> =
            tokens(block).into_iter().filter(|t| !is_range(&text[t.clone()]) && !in_order(t)).collect();
        if toks.is_empty() {
            continue;
        }
        let info = BidiInfo::new(text, Some(Level::rtl()));
        for t in toks {
            if let Some(shown) = scrambled(&info.levels, text, t.clone()) {
                let written = &text[t.clone()];
                out.push(
                    Diagnostic::new(
                        RULE.id,
                        RULE.severity,
                        format!("`{written}` is displayed as `{shown}` in this right-to-left paragraph"),
                        Label::new(b.file, b.lang, block.file_range(t), format!("readers see `{shown}`")),
                    )
                    .note("wrap the token in U+2068 … U+2069 (first strong isolate), or add U+200E after it")
                    .expected_found(written, shown),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;

    fn shown(text: &str, token: &str) -> Option<String> {
        let info = BidiInfo::new(text, Some(Level::rtl()));
        let start = text.find(token).unwrap();
        scrambled(&info.levels, text, start..start + token.len())
    }

    proptest::proptest! {
        /// A token that `stays_in_order` says is in order is never scrambled, whatever the
        /// paragraph around it (without explicit formatting characters).
        #[test]
        fn tokens_that_stay_in_order_are_not_scrambled(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ب", "ا", "a", "Z", "é", "1", "٣", "۳", " ", "\n", "\t", ".", "/", "@", "-", "+", "%", "#", ":", ",",
                "(", ")", "!", "\u{200F}", "\u{200E}", "\u{61C}", "\u{300}", "\u{A0}", "\u{2212}", "$", "€",
            ]), 1..16),
            cut in (0usize..16, 0usize..16),
        ) {
            let text: String = parts.concat();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (a, b) = (cut.0.min(bounds.len() - 1), cut.1.min(bounds.len() - 1));
            let token = bounds[a.min(b)]..bounds[a.max(b)];
            if !has_explicit(&text) && stays_in_order(&text[token.clone()]) {
                let info = BidiInfo::new(&text, Some(Level::rtl()));
                proptest::prop_assert_eq!(scrambled(&info.levels, &text, token), None);
            }
        }
    }

    /// [`TOKENS`] as first written, with the `\b` after the unit in the pattern.
    const TOKENS_WITH_BOUNDARY: &str = concat!(
        r"[0-9]{1,4}(?:[:.h][0-9]{2})?\s?[-–—]\s?[0-9]{1,4}(?:[:.h][0-9]{2})?",
        r"|\+[0-9][0-9 ().-]{6,}[0-9]",
        r"|(?:UTC|GMT)\s?[+-]\s?[0-9]{1,2}(?::[0-9]{2})?",
        r"|[0-9]+(?:[.,][0-9]+)?\s?(?:%|km|kg|MB|GB|USD|EUR)\b",
    );

    /// The pieces of the texts the shapes are searched in.
    fn shape_pieces() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "1", "23", "4567", "%", "km", "kg", "MB", "USD", "EUR", "k", " ", "\u{A0}", "ب", "é", "x",
                "_", "-", "–", "—", ":", "h", ".", ",", "+", "(", "UTC", "GMT", "٣", "\n", "%x", "€", "GB",
                "B", "D", "U", "E", "R", "EU", "g", "m",
            ]),
            0..20,
        )
        .prop_map(|p| p.concat())
    }

    proptest::proptest! {
        /// The shapes are those of the pattern with `\b` after the unit, with either
        /// form of the regex (without and with the lazy DFA).
        #[test]
        fn shapes_are_those_of_the_pattern_with_its_boundary(text in shape_pieces()) {
            let want: Vec<Range<usize>> =
                regex::Regex::new(TOKENS_WITH_BOUNDARY).unwrap().find_iter(&text).map(|m| m.range()).collect();
            for dfa in [false, true] {
                let re = crate::regexes::build(TOKENS.as_str(), dfa).unwrap();
                proptest::prop_assert_eq!(&shapes_with(&re, &text), &want, "{:?} (lazy DFA: {})", text, dfa);
            }
        }

        /// A text the prefilter rules out holds no shape.
        #[test]
        fn texts_without_a_shape_s_marks_hold_none(text in shape_pieces()) {
            if !may_hold_shape(&text) {
                let re = crate::regexes::build(TOKENS_WITH_BOUNDARY, false).unwrap();
                proptest::prop_assert!(re.find(&text).is_none(), "{:?}", text);
            }
        }

        /// A token that `isolated_in_order` says is in order is never scrambled, whatever
        /// the paragraph around its isolate (embeddings, overrides, other isolates,
        /// brackets, paragraph separators).
        #[test]
        fn isolated_tokens_in_order_are_not_scrambled(
            before in proptest::collection::vec(proptest::sample::select(OUTSIDE.to_vec()), 0..10),
            open in proptest::sample::select(vec!["\u{2066}", "\u{2068}", "\u{2067}", "\u{202A}"]),
            inside in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "1", "٣", ".", "/", "-", "+", "%", "#", ":", ",", "@", "(", ")", "ب", " ", "\u{300}",
                "$", "!", "\u{2212}", "é",
            ]), 1..8),
            after in proptest::collection::vec(proptest::sample::select(OUTSIDE.to_vec()), 0..10),
        ) {
            let (before, inside, after) = (before.concat(), inside.concat(), after.concat());
            let text = format!("{before}{open}{inside}\u{2069}{after}");
            let start = before.len() + open.len();
            let token = start..start + inside.len();
            if isolated_in_order(&text, token.clone(), few_initiators(&text)) {
                let info = BidiInfo::new(&text, Some(Level::rtl()));
                proptest::prop_assert_eq!(scrambled(&info.levels, &text, token), None, "{:?}", text);
            }
        }
    }

    /// What may stand around an isolate in [`isolated_tokens_in_order_are_not_scrambled`].
    const OUTSIDE: &[&str] = &[
        "ب", "a", "1", "٣", " ", "\n", "(", ")", "[", "]", "-", "\u{2066}", "\u{2067}", "\u{2068}",
        "\u{2069}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{200F}", "\u{200E}",
    ];

    #[test]
    fn isolated_tokens() {
        // The generated issues' sentence: each code isolated with U+2068 … U+2069.
        let text =
            "تدعو رسالة دورية (\u{2068}CL/4874\u{2069}) الدول (DOI \u{2068}10.54675/MNOP6997\u{2069})، 7,330";
        let few = few_initiators(text);
        for code in ["CL/4874", "10.54675/MNOP6997"] {
            let start = text.find(code).unwrap();
            assert!(isolated_in_order(text, start..start + code.len(), few), "{code}");
            let info = BidiInfo::new(text, Some(Level::rtl()));
            assert_eq!(scrambled(&info.levels, text, start..start + code.len()), None);
        }
        // Not isolated, or in a right-to-left isolate: left to the algorithm.
        let start = text.find("7,330").unwrap();
        assert!(!isolated_in_order(text, start..start + 5, few));
        let rli = "ب \u{2067}1-2\u{2069} ب";
        let start = rli.find('1').unwrap();
        assert!(!isolated_in_order(rli, start..start + 3, few_initiators(rli)));
        // Past 60 initiators, a level may overflow: left to the algorithm.
        let deep = format!("{}\u{2066}a1\u{2069}", "\u{2067}".repeat(FEW_INITIATORS));
        assert!(!few_initiators(&deep));
        assert!(few_initiators(&"\u{2067}".repeat(FEW_INITIATORS)));
        let start = deep.find('a').unwrap();
        assert!(!isolated_in_order(&deep, start..start + 2, few_initiators(&deep)));
    }

    /// Found by the property test below: a closing bracket in the token whose opening
    /// bracket is before it, in right-to-left text.
    #[test]
    fn a_bracket_paired_outside_the_token_is_not_in_order() {
        let text = "(ببب\u{200E})aa";
        let start = text.find('\u{200E}').unwrap();
        let token = start..text.len() - 1;
        assert!(!stays_in_order(&text[token.clone()]));
        let info = BidiInfo::new(text, Some(Level::rtl()));
        assert!(scrambled(&info.levels, text, token).is_some());
        assert!(stays_in_order("a1-b2"));
    }

    #[test]
    fn explicit_characters_by_their_bytes() {
        use unicode_bidi::BidiClass::*;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let explicit = matches!(bidi_class(c), LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI);
            assert_eq!(has_explicit(&format!("a{c}b")), explicit, "{c:?}");
        }
    }

    #[test]
    fn every_token_shape_needs_a_digit() {
        for t in [
            "08:00-11:00",
            "2022 – 2023",
            "+33 1 45 68 10 00",
            "UTC+7",
            "GMT -3:30",
            "45 %x",
            "3 km",
            "12,5 EUR",
        ] {
            assert!(TOKENS.get(t.len()).is_match(t), "{t}");
        }
        // With its digit class emptied, the regex can match nothing: each shape needs a digit.
        let no_digit = regex_syntax::parse(&TOKENS.as_str().replace("[0-9]", "[^\\s\\S]")).unwrap();
        assert_eq!(no_digit.properties().minimum_len(), None);
        let digits = regex_syntax::parse(TOKENS.as_str()).unwrap();
        assert!(digits.properties().minimum_len().is_some());
    }

    #[test]
    fn decided_by_the_algorithm() {
        // Ranges after Arabic letters become Arabic numbers around a right-to-left hyphen.
        assert_eq!(
            shown("الاجتماع من 08:00-11:00 بتوقيت باريس", "08:00-11:00").as_deref(),
            Some("11:00-08:00")
        );
        // Emails, codes and times with a colon only stay in order.
        assert_eq!(shown("البريد الإلكتروني: j.hironaka@unesco.org", "j.hironaka@unesco.org"), None);
        assert_eq!(shown("رسالة دورية (CL/4398) تدعو", "CL/4398"), None);
        assert_eq!(shown("من الساعة 08:00 حتى 11:00", "08:00"), None);
        // Ranges are displayed right to left, which the check does not report.
        assert!(is_range("08:00-11:00") && is_range("2015 – 2030") && !is_range("+33 1 45-68"));
        // After a Latin word, the numbers are left-to-right: no scramble.
        assert_eq!(shown("الفترة UNESCO 2022-2023 هنا", "2022-2023"), None);
    }
}
