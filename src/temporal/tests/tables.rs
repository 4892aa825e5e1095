//! Every entry of the locale tables extracts, and round trips of generated dates, times
//! and numbers (proptest).

use super::*;

/// Every entry of every table goes through the extractors.
#[test]
fn every_table_entry_extracts() {
    for lang in locale::LANGS {
        let l = locale::table(lang).unwrap();
        let d = l.data();
        let comma = if lang == "ar" { "،" } else { "," };
        for m in &d.months {
            let mut names: Vec<String> = m.names.iter().chain(&m.ambiguous).cloned().collect();
            for a in &m.abbrevs {
                names.push(a.clone());
                names.push(format!("{a}."));
            }
            for name in names {
                let text = format!("x 5 {name} 2022 x");
                let got = dates(lang, &text);
                let want = (format!("5 {name} 2022"), Some(2022), Some(m.number), Some(5));
                assert_eq!(got, vec![want], "{lang} {text:?}");
                let text = format!("x {name} 2022 x");
                let got = dates(lang, &text);
                let want = (format!("{name} 2022"), Some(2022), Some(m.number), None);
                assert_eq!(got, vec![want], "{lang} {text:?}");
            }
        }
        let month = &d.months[0].names[0];
        for w in &d.weekdays {
            let mut names = w.names.clone();
            names.extend(w.abbrevs.iter().map(|a| format!("{a}.")));
            for name in names {
                let text = format!("{name}{comma} 5 {month} 2022");
                let a = extract_dates(lang, &text);
                assert_eq!(a.len(), 1, "{lang} {text:?}");
                assert_eq!(a[0].weekday, weekday_of(w.number), "{lang} {text:?}");
                let (ws, we) = a[0].weekday_span.unwrap();
                assert_eq!(&text[ws..we], name);
                assert_eq!((a[0].start, a[0].end), (0, text.len()));
            }
        }
        for z in &d.zones {
            let want = match (&z.iana, &z.offset) {
                (Some(id), _) => Zone::Iana(id.clone()),
                (None, Some(o)) => Zone::Fixed(locale::parse_offset(o).unwrap()),
                _ => unreachable!(),
            };
            for name in &z.names {
                let text = format!("x 10:00 {name} x");
                let t = extract_times(lang, &text);
                assert_eq!(t.len(), 1, "{lang} {text:?}");
                assert_eq!(t[0].zone.as_ref(), Some(&want), "{lang} {text:?}");
                let (zs, ze) = t[0].zone_span.unwrap();
                assert_eq!(&text[zs..ze], name.as_str());
                if z.allow_offset {
                    let text = format!("10:00 ({name} -3)");
                    let t = extract_times(lang, &text);
                    assert_eq!(t.len(), 1, "{lang} {text:?}");
                    let Zone::Fixed(base) = want else { unreachable!() };
                    assert_eq!(t[0].zone, Some(Zone::Fixed(base - 180)), "{text:?}");
                }
            }
        }
        for (words, pm) in [(&d.time.am, false), (&d.time.pm, true)] {
            for w in words {
                let text = format!("x 9 {w} x");
                let t = extract_times(lang, &text);
                assert_eq!(t.len(), 1, "{lang} {text:?}");
                assert_eq!(t[0].from_minutes, if pm { 21 * 60 } else { 9 * 60 }, "{text:?}");
                assert_eq!(&text[t[0].start..t[0].end], format!("9 {w}"));
            }
        }
        for (words, v) in [(&d.time.noon, 720), (&d.time.midnight, 0)] {
            for w in words {
                let t = extract_times(lang, &format!("x {w} x"));
                assert_eq!(t.len(), 1, "{lang} {w:?}");
                assert_eq!(t[0].from_minutes, v);
            }
        }
        let not_standalone: Vec<String> = d.numbers.not_standalone.iter().map(|w| locale::key(w)).collect();
        let mut count = 0;
        for (w, v, ord) in l.number_words() {
            if not_standalone.contains(&locale::key(&w)) {
                continue;
            }
            count += 1;
            let text = format!("x {w} x");
            let n = nums(lang, &text);
            let kind = if ord { NumberKind::Ordinal } else { NumberKind::Cardinal };
            assert_eq!(n, vec![(w.clone(), v as f64, kind, true)], "{lang} {text:?}");
        }
        assert!(count > 200, "{lang}: {count}");
        for w in &d.numbers.percent_words {
            let text = format!("x 12{w} et 12 {w} x");
            let n = extract_numbers(lang, &text, &[]);
            assert_eq!(n.len(), 2, "{lang} {text:?}");
            assert!(n.iter().all(|a| a.kind == NumberKind::Percent && a.value == 12.0), "{text:?}");
        }
        for sc in &d.numbers.scales {
            for w in &sc.words {
                let text = format!("x 2 {w} x");
                let n = nums(lang, &text);
                let want = (format!("2 {w}"), 2.0 * sc.value, NumberKind::Cardinal, false);
                assert_eq!(n, vec![want], "{text:?}");
            }
        }
        for suf in &d.numbers.digit_ordinal_suffixes {
            let text = format!("x 12{suf} x");
            let n = nums(lang, &text);
            assert_eq!(n, vec![(format!("12{suf}"), 12.0, NumberKind::Ordinal, false)], "{text:?}");
        }
    }
}

const TOKENS: &[&str] = &[
    " ",
    ", ",
    "، ",
    "/",
    "-",
    "–",
    ".",
    ":",
    "(",
    ")",
    "+",
    "%",
    "٪",
    "\u{a0}",
    "\u{202f}",
    "\u{200f}",
    "\u{64b}",
    "ـ",
    "1",
    "12",
    "30",
    "2022",
    "٢٠٢٣",
    "۱۲",
    "٫",
    "٬",
    "9:00",
    "14 h 30",
    "h",
    "H",
    "am",
    "p.m.",
    "May",
    "may",
    "Nov.",
    "novembre",
    "mars",
    "1er",
    "42nd",
    "42e",
    "نوفمبر",
    "آذار",
    "مارس",
    "ب",
    "في",
    "الساعة",
    "كانون الثاني",
    "الخميس",
    "Monday",
    "UTC",
    "CET",
    "بتوقيت",
    "باريس",
    "heure de Paris",
    "forty",
    "two",
    "quatre",
    "vingt",
    "et",
    "un",
    "وأربعون",
    "اثنان",
    "الثانية",
    "http://x.org/",
    "a@b.org",
    "CL/",
    "ISBN 978-",
    "from",
    "to",
    "de",
    "à",
    "حتى",
    "من",
    "صباحاً",
    "م",
    "percent",
    "pour cent",
    "في المائة",
    "ᵉ",
    "É",
    "é",
    "i\u{307}",
];

fn to_digits(s: &str, system: u8) -> String {
    let base = match system {
        1 => 0x0660,
        2 => 0x06F0,
        _ => return s.to_string(),
    };
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(base + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn pick<T: Clone>(v: &[T], i: usize) -> T {
    v[i % v.len()].clone()
}

use proptest::prelude::*;

proptest! {

    #[test]
    fn dates_round_trip(
        y in 1900i16..2100, m in 1i8..=12, d in 1i8..=31,
        lang_i in 0usize..3, form in 0usize..6, var in 0usize..64, wvar in 0usize..64,
        digits in 0u8..3, cap in proptest::bool::ANY,
    ) {
        let date = Date::new(y, m, d.min(Date::new(y, m, 1).unwrap().days_in_month())).unwrap();
        let (y, m, d) = (date.year(), date.month() as u8, date.day());
        let lang = locale::LANGS[lang_i];
        let l = locale::table(lang).unwrap();
        let data = l.data();
        let entry = data.months.iter().find(|e| e.number == m).unwrap();
        let mut variants: Vec<String> = entry.names.clone();
        variants.extend(entry.abbrevs.iter().map(|a| format!("{a}.")));
        variants.extend(entry.abbrevs.iter().cloned());
        let mut name = pick(&variants, var);
        if cap && lang == "fr" {
            let mut c = name.chars();
            name = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
        }
        let wn = date.weekday().to_monday_one_offset() as u8;
        let wentry = data.weekdays.iter().find(|e| e.number == wn).unwrap();
        let wname = pick(&wentry.names, wvar);
        let (text, has_wd) = match (lang, form) {
            ("en", 0) => (format!("On {d} {name} {y}, we"), false),
            ("en", 1) => (format!("On {name} {d}, {y} we"), false),
            ("en", 2) => (format!("{wname}, {d} {name} {y}"), true),
            ("en", 3) => (format!("{wname}, {name} {d}, {y}"), true),
            ("fr", 0) => (format!("le {} {name} {y}", if d == 1 { "1er".to_string() } else { d.to_string() }), false),
            ("fr", 1) => (format!("{wname} {d} {name} {y}"), true),
            ("fr", 2) => (format!("Le {wname} {d} {name} {y}."), true),
            ("fr", 3) => (format!("en {d} {name} {y}"), false),
            ("ar", 0) => (to_digits(&format!("في {d} {name} {y}"), digits), false),
            ("ar", 1) => (to_digits(&format!("{wname}، {d} {name} {y}"), digits), true),
            ("ar", 2) | ("ar", 3) => {
                // UN style: a regional name, a slash, the standard name.
                let std_name = entry.names[0].clone();
                let other = pick(&entry.names, var);
                (to_digits(&format!("يوم {d} {other}/{std_name} {y}"), digits), false)
            }
            (_, 4) => (to_digits(&format!("le {d:02}/{m:02}/{y}"), digits), false),
            _ => (to_digits(&format!("({y}-{m:02}-{d:02})"), digits), false),
        };
        let got = extract_dates(lang, &text);
        prop_assert_eq!(got.len(), 1, "{} {:?} {:?}", lang, text, got);
        let a = &got[0];
        prop_assert_eq!((a.year, a.month, a.day), (Some(y as i32), Some(m), Some(d as u8)), "{:?}", text);
        prop_assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end));
        if has_wd {
            prop_assert_eq!(a.weekday, Some(date.weekday()), "{:?}", text);
        }
    }

    #[test]
    fn month_year_round_trip(y in 1900i32..2100, m in 1u8..=12, lang_i in 0usize..3, var in 0usize..64, digits in 0u8..3) {
        let lang = locale::LANGS[lang_i];
        let entry = locale::table(lang).unwrap().data().months.iter().find(|e| e.number == m).unwrap();
        let name = pick(&entry.names, var);
        let text = to_digits(&format!("({name} {y})"), digits);
        let got = extract_dates(lang, &text);
        prop_assert_eq!(got.len(), 1, "{:?}", text);
        prop_assert_eq!((got[0].year, got[0].month, got[0].day), (Some(y), Some(m), None));
    }

    #[test]
    fn numbers_round_trip(
        int in 0u64..5_000_000_000, frac in proptest::option::of(0u32..100),
        lang_i in 0usize..3, style in 0usize..3, digits in 0u8..3, percent in proptest::bool::ANY,
    ) {
        let lang = locale::LANGS[lang_i];
        let (group, dec): (&str, &str) = match (lang, style) {
            ("fr", 0) => (" ", ","),
            ("fr", 1) => ("\u{a0}", ","),
            ("fr", _) => ("\u{202f}", ","),
            ("ar", 0) => ("٬", "٫"),
            ("ar", 1) => (",", "."),
            ("ar", _) => ("", "٫"),
            (_, 0) => (",", "."),
            _ => ("", "."),
        };
        let s = int.to_string();
        let mut grouped = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(ch);
        }
        let mut want = int as f64;
        if let Some(f) = frac {
            grouped.push_str(&format!("{dec}{f:02}"));
            want = format!("{int}.{f:02}").parse().unwrap();
        }
        let num = if lang == "ar" { to_digits(&grouped, digits) } else { grouped };
        let sign = match lang { "ar" => "٪", "fr" => " %", _ => "%" };
        let num_text = if percent { format!("{num}{sign}") } else { num };
        let text = format!("x {num_text} y");
        let got = extract_numbers(lang, &text, &[]);
        prop_assert_eq!(got.len(), 1, "{:?} {:?}", text, got);
        prop_assert_eq!(got[0].value, want, "{:?}", text);
        prop_assert_eq!(&text[got[0].start..got[0].end], num_text.as_str());
        let kind = if percent { NumberKind::Percent } else { NumberKind::Cardinal };
        prop_assert_eq!(got[0].kind, kind);
    }

    #[test]
    fn times_round_trip(h in 0u32..24, mi in 0u32..60, lang_i in 0usize..3, form in 0usize..4, digits in 0u8..3) {
        let lang = locale::LANGS[lang_i];
        let (text, want) = match form {
            0 => (format!("à {h}:{mi:02}."), h * 60 + mi),
            1 => (format!("à {h:02}H{mi:02} "), h * 60 + mi),
            2 => (format!("à {h} h {mi:02}"), h * 60 + mi),
            _ => (format!("{h}:{mi:02}-{}:{mi:02} (UTC+7)", (h + 1) % 24), h * 60 + mi),
        };
        let text = if lang == "ar" { to_digits(&text, digits) } else { text };
        let got = extract_times(lang, &text);
        prop_assert_eq!(got.len(), 1, "{:?} {:?}", text, got);
        prop_assert_eq!(got[0].from_minutes, want);
        if form == 3 {
            prop_assert_eq!(got[0].to_minutes, Some(((h + 1) % 24) * 60 + mi));
            prop_assert_eq!(got[0].zone.clone(), Some(Zone::Fixed(420)));
        }
    }

    #[test]
    fn token_soup_never_panics(parts in proptest::collection::vec(0usize..TOKENS.len(), 0..24)) {
        let text: String = parts.iter().map(|&i| TOKENS[i]).collect();
        for lang in ["en", "fr", "ar"] {
            let dates = extract_dates(lang, &text);
            let times = extract_times(lang, &text);
            let mut taken: Vec<(usize, usize)> = dates.iter().map(|a| (a.start, a.end)).collect();
            taken.extend(times.iter().map(|a| (a.start, a.end)));
            let nums = extract_numbers(lang, &text, &taken);
            for (s, e) in taken.iter().copied().chain(nums.iter().map(|a| (a.start, a.end))) {
                prop_assert!(s < e && text.get(s..e).is_some(), "{:?} {}..{}", text, s, e);
            }
            for a in &dates {
                if let (Some(y), Some(m), Some(d)) = (a.year, a.month, a.day) {
                    prop_assert!(Date::new(y as i16, m as i8, d as i8).is_ok());
                }
            }
            for a in &times {
                prop_assert!(a.from_minutes <= 1440);
            }
            for a in &nums {
                prop_assert!(!hits(&merged(taken.clone()), a.start, a.end));
            }
        }
    }

    #[test]
    fn never_panics(s in "\\PC*", t in "[0-9٠-٩۰-۹ /:.,٫٬%٪hH\\-–a-zA-Zéèأإآابتثجحخدذرسشصضطظعغفقكلمنهويىةـًٌٍَُِّْ\u{a0}\u{202f}\u{200f}()+]{0,40}") {
        for text in [&s, &t] {
            for lang in ["en", "fr", "ar"] {
                for a in extract_dates(lang, text) {
                    prop_assert!(a.start < a.end && text.get(a.start..a.end).is_some());
                }
                let times = extract_times(lang, text);
                for a in &times {
                    prop_assert!(a.start < a.end && text.get(a.start..a.end).is_some());
                }
                let taken: Vec<(usize, usize)> = times.iter().map(|a| (a.start, a.end)).collect();
                for a in extract_numbers(lang, text, &taken) {
                    prop_assert!(a.start < a.end && text.get(a.start..a.end).is_some());
                    prop_assert!(a.value.is_finite());
                }
            }
        }
    }
}
