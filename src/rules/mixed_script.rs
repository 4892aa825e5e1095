//! # mixed-script (error)
//!
//! A word that mixes scripts, or a word in a script foreign to the language of its text.
//!
//! Copy-paste, OCR and machine translation leave letters of other alphabets in words
//! that look right: `динاميки` is Cyrillic letters glued to Arabic ones, `الانترنэт` hides a
//! Cyrillic `э`, `هironaka` glues an Arabic letter to a Latin name. Readers see nothing
//! wrong; search engines, screen readers and spell checkers do. Scripts come from the
//! Unicode `Script` property.
//!
//! Latin words inside Arabic, Russian or Chinese text are normal (names, acronyms such as
//! UNESCO, OER, APAC, UTC; emails, URLs, codes) and stay silent. A whole word in Cyrillic
//! or Greek inside Arabic, French or English text is reported, and so is any word whose
//! letters belong to two scripts. The message names the foreign letters and their code
//! points, since they look identical to the native ones.
//!
//! A whole word in another script is normal when the source has the same word (language
//! menus listing `ՀԱՅԵՐԵՆ` or `Русский`, names, examples written in several languages on
//! purpose): it is reported only when the source does not contain it, and in the source
//! itself only within-word mixing is. Words of complex scripts (Khmer, Myanmar,
//! Devanagari with combining marks) are read whole, marks included.
//!
//! Arabic one-letter conjunctions and prepositions and the article glued to a Latin name
//! (`وGitHub`, `بالـUNESCO`) are normal Arabic and stay silent. Two whole words glued
//! together, one native and one Latin (`فيURL`, `طلباتPOST`), are a missing space: the
//! message says so and the fix inserts it.
//!
//! Example: in Arabic text, `التحالف динамики للموارد` is reported with
//! `Cyrillic "д" U+0434, "и" U+0438, …`; `اليونسكو (UNESCO)` is not.

use super::{Blocks, Rule};
use crate::diag::{Diagnostic, Label, Severity};
use crate::lang::Lang;
use crate::script::{
    describe_char, letter_script, native_scripts, only_quick_latin_or_arabic_words, only_quick_latin_words,
    quick_word_ranges, scripts_of,
};
use unicode_script::Script;

pub const RULE: Rule = Rule {
    id: "mixed-script",
    severity: Severity::Error,
    summary: "a word mixes scripts, or is in a script foreign to its language",
    pair: None,
    blocks: Some(check),
    default_enabled: true,
};

fn check(b: &Blocks, out: &mut Vec<Diagnostic>) {
    if b.lang == Lang::UND {
        return;
    }
    let native = native_scripts(b.lang);
    let latin = native.contains(&Script::Latin);
    let arabic = native.contains(&Script::Arabic);
    for block in b.blocks {
        // Plain ASCII text holds only Latin letters: nothing to find in a Latin language;
        // nor in text whose words are all of ASCII and accented Latin letters.
        if latin && (block.text.is_ascii() || only_quick_latin_words(&block.text)) {
            continue;
        }
        // In an Arabic-script language, words all of Arabic-block letters are native and
        // those of Latin letters allowed: a block of only such words has nothing either.
        if arabic && only_quick_latin_or_arabic_words(&block.text) {
            continue;
        }
        // Hosts, emails and codes are the confusable rule's: one finding per slip. (Found
        // for the first word that is not quickly native or Latin: most blocks have none.)
        let mut identifiers: Option<Vec<std::ops::Range<usize>>> = None;
        for (w, quick) in quick_word_ranges(&block.text) {
            let word = &block.text[w.clone()];
            // One script, native or Latin: nothing to report (most words).
            if quick.is_some_and(|s| s == Script::Latin || native.contains(&s)) {
                continue;
            }
            let identifiers = identifiers.get_or_insert_with(|| {
                super::confusable::identifier_tokens(&block.text)
                    .filter(|(_, t)| super::confusable::looks_like_identifier(t))
                    .map(|(s, t)| s..s + t.len())
                    .collect()
            });
            // Identifier tokens are disjoint and in text order: only the last one
            // starting at or before the word can hold it.
            let k = identifiers.partition_point(|r| r.start <= w.start);
            if k > 0 && w.end <= identifiers[k - 1].end {
                continue;
            }
            if b.settings.allow_words.iter().any(|a| a == word) {
                continue;
            }
            let scripts = scripts_of(word);
            let foreign: Vec<Script> =
                scripts.iter().copied().filter(|s| !native.contains(s) && *s != Script::Latin).collect();
            let mixed = scripts.len() > 1 && !proclitic_before_latin(word);
            if !mixed && foreign.is_empty() {
                continue;
            }
            // A whole word in another script is the source's choice (a language menu, a
            // name, an example in several languages) when the source has the same word;
            // in the source itself only within-word mixing is reported.
            if !mixed && (b.is_source || b.source_text.is_some_and(|s| has_word(s, word))) {
                continue;
            }
            // The letters to name: those not in the word's main script.
            let main = if mixed {
                scripts.iter().copied().find(|s| native.contains(s)).unwrap_or_else(|| majority(word))
            } else {
                native[0]
            };
            let mut odd: Vec<char> = Vec::new();
            for c in word.chars() {
                if letter_script(c).is_some_and(|s| s != main) && !odd.contains(&c) {
                    odd.push(c);
                }
            }
            let mut names: Vec<String> = odd.iter().take(4).map(|c| describe_char(*c)).collect();
            if odd.len() > 4 {
                names.push(format!("and {} more", odd.len() - 4));
            }
            let what = if mixed {
                format!(
                    "word mixes {} letters: `{word}`",
                    scripts.iter().map(|s| s.full_name()).collect::<Vec<_>>().join(" and ")
                )
            } else {
                format!("{} word in {} text: `{word}`", foreign[0].full_name(), b.lang.name())
            };
            let span = block.file_range(w.clone());
            if mixed {
                if let Some(at) = missing_space(word, native) {
                    let (a, z) = word.split_at(at);
                    let fixed = format!("{a} {z}");
                    let in_file = b.file.text.get(span.clone()) == Some(word);
                    out.push(
                        Diagnostic::new(
                            RULE.id,
                            RULE.severity,
                            format!("missing space between `{a}` and `{z}`: `{word}`"),
                            Label::new(b.file, b.lang, span.clone(), format!("write `{fixed}`")),
                        )
                        .expected_found(fixed.as_str(), word)
                        .fix_opt(in_file.then(|| (span, fixed.clone()))),
                    );
                    continue;
                }
            }
            out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    what,
                    Label::new(b.file, b.lang, span, names.join(", ")),
                )
                .expected_found(format!("{} letters only", main.full_name()), word),
            );
        }
    }
}

/// Where a space is missing in a word made of two whole words glued together, a native
/// one and a Latin one (`فيURL`, `طلباتPOST`, `URLsالمستهدفة`, `JSONو` with the
/// conjunction of the next word): the byte offset of the joint. Within-word mixing
/// (`هironaka`, one Arabic letter on a Latin name; Cyrillic in Arabic) is not a missing
/// space.
fn missing_space(word: &str, native: &[Script]) -> Option<usize> {
    let mut runs: Vec<(Script, usize, usize)> = Vec::new(); // script, start, letters
    for (i, c) in word.char_indices() {
        let Some(s) = letter_script(c) else { continue };
        match runs.last_mut() {
            Some(r) if r.0 == s => r.2 += 1,
            _ => runs.push((s, i, 1)),
        }
    }
    let [(s1, _, n1), (s2, at, n2)] = runs[..] else { return None };
    let latin_then_native = s1 == Script::Latin && native.contains(&s2) && s2 != Script::Latin;
    let native_then_latin = s2 == Script::Latin && native.contains(&s1) && s1 != Script::Latin;
    let conjunction = latin_then_native && n1 >= 2 && matches!(&word[at..], "و" | "ف");
    ((latin_then_native || native_then_latin) && n1 >= 2 && n2 >= 2 || conjunction).then_some(at)
}

/// Arabic writes its one-letter conjunctions and prepositions, and the article, glued to
/// the next word, Latin names included: `وGitHub`, `بـUNESCO`, `للـOER`.
fn proclitic_before_latin(word: &str) -> bool {
    const PREFIXES: &[&str] = &["وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك"];
    PREFIXES.iter().any(|p| {
        word.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start_matches('\u{0640}');
            !rest.is_empty() && scripts_of(rest) == [Script::Latin]
        })
    })
}

/// Whether `text` holds `word` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, m)| {
        !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && !text[i + m.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

fn majority(word: &str) -> Script {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in word.chars() {
        if let Some(s) = letter_script(c) {
            match counts.iter_mut().find(|(x, _)| *x == s) {
                Some(e) => e.1 += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s).unwrap_or(Script::Latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_spaces() {
        let ar = [Script::Arabic];
        assert_eq!(missing_space("فيURL", &ar), Some("في".len()));
        assert_eq!(missing_space("URLsالمستهدفة", &ar), Some(4));
        assert_eq!(missing_space("JSONو", &ar), Some(4));
        assert_eq!(missing_space("هironaka", &ar), None);
        assert_eq!(missing_space("динاميكي", &ar), None);
        assert_eq!(missing_space("الانترنэт", &ar), None);
    }

    #[test]
    fn proclitics() {
        assert!(proclitic_before_latin("وGitHub"));
        assert!(proclitic_before_latin("بالـUNESCO"));
        assert!(!proclitic_before_latin("هironaka"));
        assert!(!proclitic_before_latin("динاميки"));
        assert!(!proclitic_before_latin("وдин"));
    }
}
