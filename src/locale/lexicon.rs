//! The lookups of a locale table ([`Lexicon`]: folded keys of month, weekday, zone and
//! number words) and how they are built from the data ([`build_lexicon`]). The built-in
//! tables are built by `build.rs` with this same file (it is included there by path), so
//! nothing here may use the rest of the crate: only `data.rs` and `fold.rs`.

use super::*;

/// The look-up maps of a lexicon, hashed with foldhash (a fixed seed): they are asked about
/// every word of every block, where SipHash cost more than the look-up.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

/// A key of the look-up maps: borrowed from the built-in tables' static lists (no copy
/// at start-up), owned when a table is built at run time.
pub type Key = std::borrow::Cow<'static, str>;

/// Lookup tables built from [`LocaleData`]; keys are [`key`]-normalised.
#[derive(Debug, Default, PartialEq)]
pub struct Lexicon {
    pub months: HashMap<Key, (u8, NameKind)>,
    pub weekdays: HashMap<Key, (u8, NameKind)>,
    pub zones: HashMap<Key, (ZoneSpec, bool)>,
    /// Number words: key → (value, is_ordinal). Every compound 0..=100.
    pub numbers: HashMap<Key, (u32, bool)>,
    pub not_standalone: HashSet<Key>,
    /// First word (split at spaces and hyphens) of every number-word key, also with each
    /// clitic in front (`وثلاثة`).
    pub number_first_words: HashSet<Key>,
    /// The byte length of the longest of them.
    pub number_first_longest: usize,
    /// Longest number-word key, in words.
    pub max_number_words: usize,
    /// Percent words (`pour cent`), longest first, each with 1.0.
    pub percent_words: Vec<(String, f64)>,
    /// Scale words (`million`), longest first, with their value.
    pub scale_words: Vec<(String, f64)>,
    /// Ordinal suffixes after digits (`e`, `th`).
    pub ordinal_suffixes: Vec<String>,
    pub clitics: Vec<String>,
}

/// Parses "+HH:MM", "-HH", "+H" into minutes.
pub fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let (sign, rest) = match s.chars().next()? {
        '+' => (1, &s[1..]),
        '-' => (-1, &s[1..]),
        '\u{2212}' => (-1, &s['\u{2212}'.len_utf8()..]),
        _ => (1, s),
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() > 2 && rest.is_ascii() => rest.split_at(rest.len() - 2),
        None => (rest, "0"),
    };
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    Some(sign * (h * 60 + m))
}

pub fn build_lexicon(d: &LocaleData) -> Lexicon {
    let mut lx = Lexicon::default();
    for m in &d.months {
        if !(1..=12).contains(&m.number) {
            continue;
        }
        for n in &m.names {
            lx.months.insert(key(n).into(), (m.number, NameKind::Full));
        }
        for n in &m.abbrevs {
            let k = key(n);
            lx.months
                .entry(k.trim_end_matches('.').to_string().into())
                .or_insert((m.number, NameKind::Abbrev));
        }
        for n in &m.ambiguous {
            lx.months.insert(key(n).into(), (m.number, NameKind::Ambiguous));
        }
    }
    for w in &d.weekdays {
        if !(1..=7).contains(&w.number) {
            continue;
        }
        for n in &w.names {
            lx.weekdays.insert(key(n).into(), (w.number, NameKind::Full));
        }
        for n in &w.abbrevs {
            let k = key(n);
            lx.weekdays
                .entry(k.trim_end_matches('.').to_string().into())
                .or_insert((w.number, NameKind::Abbrev));
        }
    }
    for z in &d.zones {
        let spec = match (&z.iana, &z.offset) {
            (Some(id), _) => ZoneSpec::Iana(id.clone()),
            (None, Some(off)) => match parse_offset(off) {
                Some(m) => ZoneSpec::Fixed(m),
                None => continue,
            },
            (None, None) => continue,
        };
        for n in &z.names {
            lx.zones.insert(key(n).into(), (spec.clone(), z.allow_offset));
        }
    }
    for (w, v, ord) in generate_numbers(&d.numbers) {
        let k = key(&w);
        lx.max_number_words = lx.max_number_words.max(k.split([' ', '-']).count());
        if let Some(first) = k.split([' ', '-']).next() {
            lx.number_first_words.insert(first.to_string().into());
        }
        lx.numbers.entry(k.into()).or_insert((v, ord));
    }
    lx.not_standalone = d.numbers.not_standalone.iter().map(|s| key(s).into()).collect();
    lx.percent_words = d.numbers.percent_words.iter().map(|w| (key(w), 1.0)).collect();
    lx.percent_words.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    lx.scale_words =
        d.numbers.scales.iter().flat_map(|sc| sc.words.iter().map(|w| (key(w), sc.value))).collect();
    lx.scale_words.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    lx.ordinal_suffixes = d.numbers.digit_ordinal_suffixes.iter().map(|w| key(w)).collect();
    let mut cl: Vec<String> = d.clitics.iter().map(|s| key(s)).collect();
    cl.sort_by_key(|s| std::cmp::Reverse(s.len()));
    lx.clitics = cl;
    // Every word a number can start with, with each clitic in front too: one lookup per
    // word of text instead of one per clitic.
    let firsts: Vec<Key> = lx.number_first_words.iter().cloned().collect();
    for c in &lx.clitics {
        for w in &firsts {
            lx.number_first_words.insert(format!("{c}{w}").into());
        }
    }
    lx.number_first_longest = lx.number_first_words.iter().map(|w| w.len()).max().unwrap_or(0);
    lx
}

/// Every number word 0..=100 described by the table: the listed words plus
/// the compounds (base + addend) built with the composition rule.
pub fn generate_numbers(n: &NumbersData) -> Vec<(String, u32, bool)> {
    let mut out = Vec::new();
    for c in &n.cardinals {
        for w in &c.words {
            out.push((w.clone(), c.value, false));
        }
    }
    for o in &n.ordinals {
        for w in &o.words {
            out.push((w.clone(), o.value, true));
        }
    }
    let order = n.order.unwrap_or(Order::TensFirst);
    let compose = |base: &NumberWord, addends: &[NumberWord], ordinal: bool, out: &mut Vec<_>| {
        for a in 1..=base.max_addend {
            let Some(add) = addends.iter().find(|x| x.value == a) else {
                continue;
            };
            let use_and = n.and_addends.contains(&a) && !n.no_and_bases.contains(&base.value);
            let joiners = if use_and && !n.and_joiners.is_empty() { &n.and_joiners } else { &n.joiners };
            for b in base.base_forms() {
                for x in add.compound_forms() {
                    for j in joiners {
                        let s = match order {
                            Order::TensFirst => format!("{b}{j}{x}"),
                            Order::UnitFirst => format!("{x}{j}{b}"),
                        };
                        out.push((s, base.value + a, ordinal));
                    }
                }
            }
        }
    };
    for base in n.cardinals.iter().filter(|c| c.max_addend > 0) {
        compose(base, &n.cardinals, false, &mut out);
    }
    let ord_bases: &[NumberWord] = match n.ordinal_base.unwrap_or(OrdinalBase::Cardinal) {
        OrdinalBase::Cardinal => &n.cardinals,
        OrdinalBase::Ordinal => &n.ordinals,
    };
    for base in ord_bases.iter().filter(|c| c.max_addend > 0) {
        compose(base, &n.ordinals, true, &mut out);
    }
    out
}
