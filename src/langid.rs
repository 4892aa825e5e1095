//! Language identification of blocks, and splitting one multilingual file into
//! contiguous language runs.
//!
//! Each block gets a vote per language: Arabic-script words vote Arabic, Cyrillic
//! Russian, Han Chinese; Latin words vote by stopwords, French diacritics and elisions.
//! A Viterbi pass then divides the file into an optional shared preamble, one run per
//! language (each language at most once), and an optional shared footer, with a cost per
//! switch, so a stray short line cannot start a run of its own.

use crate::blocks::Block;
use crate::lang::Lang;
use std::collections::HashMap;
use std::ops::Range;

const EN_STOP: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "was", "for", "with", "this", "that", "from", "by", "be", "have",
    "has", "will", "which", "our", "we", "you", "not", "on", "in", "it", "its", "at", "or", "an", "as",
    "your", "their", "can", "all", "more", "please", "would", "about",
];
const FR_STOP: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "sont", "une", "pour", "dans", "que", "qui", "sur", "au",
    "aux", "par", "avec", "ce", "cette", "ces", "nous", "vous", "leur", "pas", "plus", "été", "être", "à",
    "où", "un", "de", "ou", "notre", "nos", "votre", "vos", "ne",
];
const ES_STOP: &[&str] = &[
    "el", "los", "las", "del", "y", "en", "por", "para", "con", "una", "es", "son", "su", "sus", "al",
    "como", "más", "este", "esta", "nuestro", "nuestra", "sobre", "también",
];

/// Whether a word (lower-case) is one of the function words the splitter counts for a
/// language (`the`, `your`; `les`, `pour`); languages without a list have none.
pub fn is_stopword(lang: Lang, word: &str) -> bool {
    let list: &[&str] = match lang.tag() {
        "en" => EN_STOP,
        "fr" => FR_STOP,
        "es" => ES_STOP,
        _ => &[],
    };
    list.contains(&word)
}

/// Languages the splitter can tell apart without file names.
pub const DETECTABLE: &[Lang] = &[Lang::EN, Lang::FR, Lang::AR, Lang::ES, Lang::RU, Lang::ZH];

/// Raw evidence for each detectable language in one text.
pub fn votes(text: &str) -> HashMap<Lang, f64> {
    let mut v: HashMap<Lang, f64> = HashMap::new();
    for word in text.split(|c: char| !(crate::script::is_alnum(c) || c == '\'' || c == '’')) {
        if word.is_empty() {
            continue;
        }
        let mut arabic = 0;
        let mut latin = 0;
        let mut cyrillic = 0;
        let mut han = 0;
        for c in word.chars() {
            match c {
                '\u{0600}'..='\u{06FF}'
                | '\u{0750}'..='\u{077F}'
                | '\u{08A0}'..='\u{08FF}'
                | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
                '\u{0400}'..='\u{04FF}' => cyrillic += 1,
                '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
                c if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) => {
                    latin += 1
                }
                _ => {}
            }
        }
        if arabic > 0 && arabic >= latin + cyrillic {
            *v.entry(Lang::AR).or_default() += 1.0;
        } else if cyrillic > 0 && cyrillic >= latin {
            *v.entry(Lang::RU).or_default() += 1.0;
        } else if han > 0 {
            *v.entry(Lang::ZH).or_default() += han as f64 * 0.5;
        } else if latin > 0 {
            let lower = word.to_lowercase();
            let mut stop = Vec::new();
            if EN_STOP.contains(&lower.as_str()) {
                stop.push(Lang::EN);
            }
            if FR_STOP.contains(&lower.as_str()) {
                stop.push(Lang::FR);
            }
            if ES_STOP.contains(&lower.as_str()) {
                stop.push(Lang::ES);
            }
            let elided = ["l'", "d'", "qu'", "n'", "l’", "d’", "qu’", "n’", "s'", "c'"]
                .iter()
                .any(|p| lower.starts_with(p) && lower.len() > p.len());
            let french_letters = lower.chars().any(|c| "éèêàâçôûùîïœë".contains(c));
            let spanish_letters = lower.chars().any(|c| "ñ¿¡áíóú".contains(c));
            if !stop.is_empty() {
                let share = 1.0 / stop.len() as f64;
                for l in stop {
                    *v.entry(l).or_default() += share;
                }
            } else if elided {
                *v.entry(Lang::FR).or_default() += 1.0;
            } else {
                for l in [Lang::EN, Lang::FR, Lang::ES] {
                    *v.entry(l).or_default() += 0.3;
                }
                if french_letters {
                    *v.entry(Lang::FR).or_default() += 0.5;
                }
                if spanish_letters {
                    *v.entry(Lang::ES).or_default() += 0.5;
                }
            }
        }
    }
    v
}

/// The most likely language of a text, when the evidence is clear.
pub fn identify(text: &str) -> Option<Lang> {
    let v = votes(text);
    let mut best: Vec<(Lang, f64)> = v.into_iter().collect();
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    match best.as_slice() {
        [(l, s)] if *s >= 1.0 => Some(*l),
        [(l, s), (_, t), ..] if *s - *t >= 1.0 => Some(*l),
        _ => None,
    }
}

/// The division of a multilingual file's blocks into language runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Blocks shared by all languages (title, language links, footer).
    pub shared: Vec<Range<usize>>,
    /// One contiguous run of blocks per language, in file order.
    pub runs: Vec<(Lang, Range<usize>)>,
}

const LANGUAGE_NAMES: &[&str] = &[
    "english",
    "anglais",
    "inglés",
    "ingles",
    "الإنجليزية",
    "الانجليزية",
    "الإنكليزية",
    "français",
    "francais",
    "french",
    "francés",
    "frances",
    "الفرنسية",
    "العربية",
    "arabic",
    "arabe",
    "español",
    "espanol",
    "spanish",
    "espagnol",
    "الإسبانية",
    "русский",
    "russian",
    "russe",
    "الروسية",
    "中文",
    "chinese",
    "chinois",
    "الصينية",
    "deutsch",
    "german",
    "allemand",
    "português",
    "portuguese",
    "portugais",
];

/// Evidence that a block is shared by all languages rather than part of one: a line of
/// links to the language versions (`[English](#) [Français](#) [العربية](#)`).
fn shared_evidence(b: &Block) -> f64 {
    let texts: Vec<String> = b.links.iter().map(|l| b.text[l.text.clone()].trim().to_lowercase()).collect();
    if !texts.is_empty() && texts.iter().all(|t| LANGUAGE_NAMES.contains(&t.as_str())) {
        return 10.0;
    }
    let words: Vec<String> = b
        .text
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·' || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !crate::script::is_alnum(c)).to_lowercase())
        .collect();
    if words.len() >= 2 && words.iter().all(|w| w.is_empty() || LANGUAGE_NAMES.contains(&w.as_str())) {
        return 10.0;
    }
    0.0
}

/// Cost of switching language between two blocks, in votes.
const SWITCH: f64 = 6.0;
/// Cap on one block's evidence, so a single huge block cannot force a switch.
const CAP: f64 = 40.0;

/// Splits blocks into a shared preamble, one run per language, and a shared footer.
pub fn split(blocks: &[Block]) -> Split {
    let n = blocks.len();
    let per_block: Vec<HashMap<Lang, f64>> = blocks.iter().map(|b| votes(&b.text)).collect();
    let shared: Vec<f64> = blocks.iter().map(shared_evidence).collect();
    // Emission of language l on block i: its margin over the best other language.
    let emission = |i: usize, l: Lang| -> f64 {
        let v = &per_block[i];
        let mine = v.get(&l).copied().unwrap_or(0.0);
        let other = v.iter().filter(|(k, _)| **k != l).map(|(_, s)| *s).fold(0.0, f64::max);
        (mine - other).clamp(-CAP, CAP)
    };
    // Candidate languages: those that clearly win enough text.
    let mut cands: Vec<Lang> = DETECTABLE
        .iter()
        .copied()
        .filter(|&l| (0..n).map(|i| emission(i, l).max(0.0)).sum::<f64>() >= 2.0 * SWITCH)
        .collect();
    cands.truncate(6);
    let k = cands.len();
    if k == 0 || n == 0 {
        return Split { shared: (n > 0).then_some(0..n).into_iter().collect(), runs: vec![] };
    }
    // States: 0 = preamble, 1 = footer, 2.. = language index + 2; plus a visited mask.
    let nstates = (k + 2) << k;
    let idx = |cur: usize, mask: usize| (mask * (k + 2)) + cur;
    let neg = f64::NEG_INFINITY;
    let mut score = vec![neg; nstates];
    let mut back: Vec<Vec<u32>> = Vec::with_capacity(n);
    // Block 0: preamble, or any language.
    score[idx(0, 0)] = shared[0];
    for (li, &l) in cands.iter().enumerate() {
        score[idx(li + 2, 1 << li)] = emission(0, l) - shared[0];
    }
    back.push(vec![u32::MAX; nstates]);
    #[allow(clippy::needless_range_loop)]
    for i in 1..n {
        let mut next = vec![neg; nstates];
        let mut bp = vec![u32::MAX; nstates];
        for mask in 0..(1usize << k) {
            for cur in 0..k + 2 {
                let s = score[idx(cur, mask)];
                if s == neg {
                    continue;
                }
                let from = idx(cur, mask) as u32;
                let relax = |to: usize, val: f64, next: &mut Vec<f64>, bp: &mut Vec<u32>| {
                    if val > next[to] {
                        next[to] = val;
                        bp[to] = from;
                    }
                };
                match cur {
                    0 => relax(idx(0, mask), s + shared[i], &mut next, &mut bp),
                    1 => relax(idx(1, mask), s, &mut next, &mut bp),
                    c => {
                        let li = c - 2;
                        relax(idx(c, mask), s + emission(i, cands[li]) - shared[i], &mut next, &mut bp);
                        relax(idx(1, mask), s - SWITCH, &mut next, &mut bp);
                    }
                }
                if cur != 1 {
                    for (lj, &l) in cands.iter().enumerate() {
                        if mask & (1 << lj) == 0 {
                            let pen = if cur == 0 { 0.0 } else { SWITCH };
                            relax(
                                idx(lj + 2, mask | (1 << lj)),
                                s - pen + emission(i, l),
                                &mut next,
                                &mut bp,
                            );
                        }
                    }
                }
            }
        }
        score = next;
        back.push(bp);
    }
    // Best final state; prefer using more languages on ties.
    let (mut state, _) = score
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > neg)
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(i, s)| (i, *s))
        .unwrap_or((idx(0, 0), 0.0));
    let mut path = vec![0usize; n];
    for i in (0..n).rev() {
        path[i] = state % (k + 2);
        if i > 0 {
            state = back[i][state] as usize;
        }
    }
    let mut shared = Vec::new();
    let mut runs: Vec<(Lang, Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && path[j] == path[i] {
            j += 1;
        }
        match path[i] {
            0 | 1 => shared.push(i..j),
            c => runs.push((cands[c - 2], i..j)),
        }
        i = j;
    }
    Split { shared, runs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{parse, Format};

    fn split_text(s: &str) -> (Vec<Block>, Split) {
        let b = parse(s, 0..s.len(), Format::Markdown);
        let sp = split(&b);
        (b, sp)
    }

    fn langs(sp: &Split) -> Vec<Lang> {
        sp.runs.iter().map(|r| r.0).collect()
    }

    const EN: &str = "Welcome to the spring issue of our bulletin.\n\nThe network has published its annual report on open data, and we thank all the members who contributed to it.\n\nPlease register for the webinar before the end of the month.\n\n";
    const FR: &str = "Bienvenue dans le numéro de printemps de notre bulletin.\n\nLe réseau a publié son rapport annuel sur les données ouvertes, et nous remercions les membres qui y ont contribué.\n\nVeuillez vous inscrire au webinaire avant la fin du mois.\n\n";
    const AR: &str = "مرحباً بكم في عدد الربيع من نشرتنا الإخبارية.\n\nنشرت الشبكة تقريرها السنوي عن البيانات المفتوحة، ونشكر جميع الأعضاء الذين ساهموا فيه.\n\nيرجى التسجيل في الندوة عبر الإنترنت قبل نهاية الشهر.\n\n";

    #[test]
    fn identifies_blocks() {
        assert_eq!(identify("The report of the network is ready."), Some(Lang::EN));
        assert_eq!(identify("Le rapport du réseau est prêt."), Some(Lang::FR));
        assert_eq!(identify("التقرير جاهز الآن"), Some(Lang::AR));
        assert_eq!(identify("j.doe@unesco.org"), None);
    }

    #[test]
    fn splits_three_orders() {
        for order in [[EN, FR, AR], [AR, EN, FR], [FR, AR, EN]] {
            let s: String = order.concat();
            let (_, sp) = split_text(&s);
            let expected: Vec<Lang> = order
                .iter()
                .map(|t| {
                    if *t == EN {
                        Lang::EN
                    } else if *t == FR {
                        Lang::FR
                    } else {
                        Lang::AR
                    }
                })
                .collect();
            assert_eq!(langs(&sp), expected, "{s}");
            assert!(sp.runs.iter().all(|r| r.1.len() == 3), "{sp:?}");
        }
    }

    #[test]
    fn two_languages_and_a_shared_preamble() {
        let pre = "OPEN NETWORK BULLETIN LE BULLETIN DU RÉSEAU\n\n(نشرة الشبكة)\n\n[English](#en) [Français](#fr)\n\n";
        let s = format!("{pre}{FR}{EN}");
        let (b, sp) = split_text(&s);
        assert_eq!(langs(&sp), vec![Lang::FR, Lang::EN]);
        assert_eq!(sp.shared, vec![0..3]);
        assert!(b[3].text.starts_with("Bienvenue"));
    }

    #[test]
    fn a_stray_line_does_not_start_a_run() {
        // A French quotation inside English text stays English.
        let s = format!("{EN}« Le savoir est une arme. »\n\n{EN}{AR}");
        let (_, sp) = split_text(&s);
        assert_eq!(langs(&sp), vec![Lang::EN, Lang::AR]);
    }

    #[test]
    fn single_language_file() {
        let (_, sp) = split_text(EN);
        assert_eq!(langs(&sp), vec![Lang::EN]);
    }
}
