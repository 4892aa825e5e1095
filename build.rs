//! Collects each rule file's `//!` doc comment into a table that `oerlint explain` prints,
//! and compiles the built-in locale tables (`rules/locales/*.toml`) into Rust data
//! (`locale_tables.rs`, included by `src/locale/builtin.rs`): each table's data as code that
//! builds it, and its lookups built by the crate's own `build_lexicon` (the three files
//! below are the crate's, included by path), so start-up parses and folds nothing.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/locale/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "src/locale/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/locale/lexicon.rs"]
mod lexicon;

#[allow(unused_imports)]
use data::*;
#[allow(unused_imports)]
use fold::*;

fn main() {
    rule_docs();
    locale_tables();
    link_without_pie();
}

/// On Linux with glibc, the binary is linked as a fixed-address executable (`-no-pie`)
/// instead of a position-independent one. Its static data holds some 34,000 pointers
/// (the built-in tables, the crates' Unicode tables): in a position-independent binary
/// the dynamic loader rewrites each at every start (690 KB of pages copied on write, 830
/// KB of relocation records read), most of what `oerlint --version` costs: 1.2 -> 0.7 ms
/// of CPU, 290 -> 116 page faults; a one-issue check 6.8 -> 6.1 ms. The price is that the
/// binary's own code is not at a random address (its libraries, heap and stacks still
/// are), which matters little for a linter reading local files. The code is compiled as
/// before: only the link differs.
fn link_without_pie() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn rule_docs() {
    let dir = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut entries: Vec<(String, String)> = Vec::new();
    for e in std::fs::read_dir(dir).expect("src/rules exists") {
        let path = e.expect("dir entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        if path.extension().and_then(|x| x.to_str()) != Some("rs") || name == "mod" || name == "dates" {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("rule file is UTF-8");
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").strip_prefix(' ').unwrap_or(l.trim_start_matches("//!")))
            .collect();
        entries.push((name.replace('_', "-"), doc.join("\n")));
    }
    entries.sort();
    let mut out = String::from("/// The doc comment of a rule's file, by rule id.\npub fn rule_doc(id: &str) -> Option<&'static str> {\n    match id {\n");
    for (id, doc) in entries {
        writeln!(out, "        {id:?} => Some({doc:?}),").unwrap();
    }
    out.push_str("        _ => None,\n    }\n}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("rule_docs.rs");
    std::fs::write(dest, out).expect("write rule docs");
}

/// Rust source for a value of the locale schema.
trait Rs {
    fn rs(&self) -> String;
}

impl Rs for String {
    fn rs(&self) -> String {
        format!("s({self:?})")
    }
}

impl Rs for u8 {
    fn rs(&self) -> String {
        format!("{self}")
    }
}

impl Rs for u32 {
    fn rs(&self) -> String {
        format!("{self}")
    }
}

impl Rs for bool {
    fn rs(&self) -> String {
        format!("{self}")
    }
}

impl Rs for f64 {
    fn rs(&self) -> String {
        assert!(self.is_finite());
        format!("{self:?}f64")
    }
}

impl<T: Rs> Rs for Option<T> {
    fn rs(&self) -> String {
        match self {
            Some(x) => format!("Some({})", x.rs()),
            None => "None".into(),
        }
    }
}

impl Rs for Vec<String> {
    fn rs(&self) -> String {
        format!("v(&{:?})", self)
    }
}

macro_rules! rs_vec {
    ($($t:ty),*) => {$(
        impl Rs for Vec<$t> {
            fn rs(&self) -> String {
                let items: Vec<String> = self.iter().map(Rs::rs).collect();
                format!("vec![{}]", items.join(", "))
            }
        }
    )*};
}
rs_vec!(u32, NameEntry, NumberWord, ScaleWord, ZoneEntry);

impl Rs for Order {
    fn rs(&self) -> String {
        format!("Order::{self:?}")
    }
}

impl Rs for OrdinalBase {
    fn rs(&self) -> String {
        format!("OrdinalBase::{self:?}")
    }
}

/// `Name { a: a.rs(), b: b.rs() }` for a struct destructured whole, so that a field added
/// to the schema without being written here fails to compile.
macro_rules! rs_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Rs for $t {
            fn rs(&self) -> String {
                let $t { $($f),* } = self;
                let mut out = format!("{} {{ ", stringify!($t));
                $( write!(out, "{}: {}, ", stringify!($f), $f.rs()).unwrap(); )*
                out.push('}');
                out
            }
        }
    };
}
rs_struct!(LocaleData {
    lang,
    clitics,
    day_month_joiners,
    month_year_joiners,
    range_joiners,
    range_openers,
    weekday_prefixes,
    month_prefixes,
    month_context,
    metadata_labels,
    translator_credits,
    number_idioms,
    months,
    weekdays,
    numbers,
    time,
    zones,
});
rs_struct!(NameEntry { number, names, abbrevs, ambiguous });
rs_struct!(NumbersData {
    not_standalone,
    order,
    joiners,
    and_joiners,
    and_addends,
    no_and_bases,
    ordinal_base,
    digit_ordinal_suffixes,
    percent_words,
    grammatical,
    scale_suffixes,
    roman_suffixes,
    scales,
    fractions,
    fraction_suffixes,
    cardinals,
    ordinals,
});
rs_struct!(NumberWord { value, words, compound, base, max_addend });
rs_struct!(ScaleWord { value, words });
rs_struct!(TimeData { am, pm, noon, midnight, hour_markers, hour_separators, range_hour_words });
rs_struct!(ZoneEntry { names, offset, iana, allow_offset });

fn sorted<V>(m: &lexicon::HashMap<lexicon::Key, V>) -> Vec<(&lexicon::Key, &V)> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

fn sorted_set(m: &lexicon::HashSet<lexicon::Key>) -> Vec<&lexicon::Key> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort();
    v
}

/// A `StaticLexicon` expression for a built lexicon.
fn static_lexicon(lx: &lexicon::Lexicon) -> String {
    let lexicon::Lexicon {
        months,
        weekdays,
        zones,
        numbers,
        not_standalone,
        number_first_words,
        number_first_longest,
        max_number_words,
        percent_words,
        scale_words,
        ordinal_suffixes,
        clitics,
    } = lx;
    let names = |m: &lexicon::HashMap<lexicon::Key, (u8, NameKind)>| {
        sorted(m)
            .iter()
            .map(|(k, (n, kind))| format!("({k:?}, {n}, NameKind::{kind:?})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let zones = sorted(zones)
        .iter()
        .map(|(k, (spec, allow))| {
            let z = match spec {
                ZoneSpec::Fixed(m) => format!("StaticZone::Fixed({m})"),
                ZoneSpec::Iana(id) => format!("StaticZone::Iana({id:?})"),
            };
            format!("({k:?}, {z}, {allow})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    let numbers =
        sorted(numbers).iter().map(|(k, (v, o))| format!("({k:?}, {v}, {o})")).collect::<Vec<_>>().join(", ");
    let weighted = |l: &Vec<(String, f64)>| {
        l.iter().map(|(k, v)| format!("({k:?}, {v:?}f64)")).collect::<Vec<_>>().join(", ")
    };
    format!(
        "StaticLexicon {{ months: &[{}], weekdays: &[{}], zones: &[{zones}], numbers: &[{numbers}], \
         not_standalone: &{:?}, number_first_words: &{:?}, number_first_longest: {number_first_longest}, \
         max_number_words: {max_number_words}, percent_words: &[{}], scale_words: &[{}], \
         ordinal_suffixes: &{ordinal_suffixes:?}, clitics: &{clitics:?} }}",
        names(months),
        names(weekdays),
        sorted_set(not_standalone),
        sorted_set(number_first_words),
        weighted(percent_words),
        weighted(scale_words),
    )
}

fn locale_tables() {
    let mut out = String::from("// Generated by build.rs from rules/locales/*.toml.\n");
    let mut tables = Vec::new();
    for lang in ["en", "fr", "ar"] {
        let path = format!("rules/locales/{lang}.toml");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).expect("locale file");
        let d: LocaleData = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(d.lang, lang, "{path}");
        let lx = lexicon::build_lexicon(&d);
        writeln!(out, "fn data_{lang}() -> LocaleData {{\n    {}\n}}", d.rs()).unwrap();
        writeln!(out, "static LEXICON_{}: StaticLexicon = {};", lang.to_uppercase(), static_lexicon(&lx))
            .unwrap();
        tables.push(format!("(data_{lang}, &LEXICON_{})", lang.to_uppercase()));
    }
    writeln!(
        out,
        "/// Each built-in table: its data and its lookups.\npub(super) static TABLES: [Table; {}] = [{}];",
        tables.len(),
        tables.join(", ")
    )
    .unwrap();
    for f in ["data", "fold", "lexicon"] {
        println!("cargo:rerun-if-changed=src/locale/{f}.rs");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locale_tables.rs");
    std::fs::write(dest, out).expect("write locale tables");
}
