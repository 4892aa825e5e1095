//! Tests of the readers of dates, times and numbers.

use super::*;

type D = (String, Option<i32>, Option<u8>, Option<u8>);

fn dates(lang: &str, text: &str) -> Vec<D> {
    extract_dates(lang, text)
        .into_iter()
        .map(|a| (text[a.start..a.end].to_string(), a.year, a.month, a.day))
        .collect()
}

fn one(lang: &str, text: &str, slice: &str, y: Option<i32>, m: Option<u8>, d: Option<u8>) -> DateAnchor {
    let all = extract_dates(lang, text);
    assert_eq!(all.len(), 1, "{lang} {text:?}: {:?}", dates(lang, text));
    let a = all[0].clone();
    assert_eq!(&text[a.start..a.end], slice, "{text:?}");
    assert_eq!((a.year, a.month, a.day), (y, m, d), "{text:?}");
    a
}

fn none(lang: &str, text: &str) {
    assert!(extract_dates(lang, text).is_empty(), "{lang} {text:?}: {:?}", dates(lang, text));
}

#[test]
fn english_dates() {
    one("en", "on 30 November 2022.", "30 November 2022", Some(2022), Some(11), Some(30));
    one("en", "November 30, 2022 at", "November 30, 2022", Some(2022), Some(11), Some(30));
    let a = one(
        "en",
        "Wednesday, 30 November 2022",
        "Wednesday, 30 November 2022",
        Some(2022),
        Some(11),
        Some(30),
    );
    assert_eq!(a.weekday, Some(Weekday::Wednesday));
    assert_eq!(a.weekday_span, Some((0, 9)));
    one("en", "(30 nov. 2022)", "30 nov. 2022", Some(2022), Some(11), Some(30));
    one("en", "30 Sept 2022", "30 Sept 2022", Some(2022), Some(9), Some(30));
    one("en", "the 3rd of March 2021", "3rd of March 2021", Some(2021), Some(3), Some(3));
    one("en", "by 30/11/2022.", "30/11/2022", Some(2022), Some(11), Some(30));
    one("en", "by 2022-11-30.", "2022-11-30", Some(2022), Some(11), Some(30));
    one("en", "by 11/30/2022.", "11/30/2022", Some(2022), Some(11), Some(30));
    one("en", "In November 2022 we", "November 2022", Some(2022), Some(11), None);
    one("en", "our November Update", "November", None, Some(11), None);
    one("en", "the May Update", "May", None, Some(5), None);
    one("en", "In May we met.", "May", None, Some(5), None);
    none("en", "Theresa said: May we go?");
    one("en", "since 1998, we", "1998", Some(1998), None, None);
    let a = one("en", "the 2022-2023 biennium", "2022-2023", Some(2022), None, None);
    assert_eq!(a.year_end, Some(2023));
    let a = one("en", "in 2022–23", "2022–23", Some(2022), None, None);
    assert_eq!(a.year_end, Some(2023));
    let a = one("en", "from November 2019 to 2023", "November 2019 to 2023", Some(2019), Some(11), None);
    assert_eq!(a.year_end, Some(2023));
    one("en", "May 5, 2021", "May 5, 2021", Some(2021), Some(5), Some(5));
    one("en", "5 May 2021", "5 May 2021", Some(2021), Some(5), Some(5));
}

#[test]
fn english_near_misses() {
    none("en", "May I ask a question?");
    none("en", "We may go. It may rain");
    none("en", "They march on.");
    none("en", "See CL/4398 for details.");
    none("en", "ISBN 978-92-3-100538-4");
    none("en", "ISSN 2310-7820");
    none("en", "document ED/PLS/OER/2023/1 and DG/2023/15");
    none("en", "31 February 2022");
    none("en", "32/01/2022 and 2022-13-01");
    none("en", "about 2500 people");
    none("en", "see https://example.org/2022/11/30/report");
    none("en", "Mar and Nov alone");
    none("en", "march");
    assert_eq!(dates("en", "30 November 2022 and 2023").len(), 2);
}

#[test]
fn french_dates() {
    one("fr", "le 1er mars 2023", "1er mars 2023", Some(2023), Some(3), Some(1));
    let a = one("fr", "lundi 19 décembre 2022", "lundi 19 décembre 2022", Some(2022), Some(12), Some(19));
    assert_eq!(a.weekday, Some(Weekday::Monday));
    let a = one("fr", "Jeudi 30 octobre 2022", "Jeudi 30 octobre 2022", Some(2022), Some(10), Some(30));
    assert_eq!(a.weekday, Some(Weekday::Thursday));
    one("fr", "en novembre 2022", "novembre 2022", Some(2022), Some(11), None);
    one("fr", "Novembre 2022", "Novembre 2022", Some(2022), Some(11), None);
    one("fr", "le 30 nov. 2022", "30 nov. 2022", Some(2022), Some(11), Some(30));
    one("fr", "le 5 FÉVRIER 2021", "5 FÉVRIER 2021", Some(2021), Some(2), Some(5));
    one("fr", "le 15 aout 2021", "15 aout 2021", Some(2021), Some(8), Some(15));
    one("fr", "le 15 fevrier 2021", "15 fevrier 2021", Some(2021), Some(2), Some(15));
    one("fr", "notre mise à jour de mai", "mai", None, Some(5), None);
    one("fr", "le 30/11/2022", "30/11/2022", Some(2022), Some(11), Some(30));
    one("fr", "au cours du mois de mars", "mars", None, Some(3), None);
    none("fr", "sept personnes");
    none("fr", "la circulaire CL/4398");
}

#[test]
fn arabic_dates() {
    one("ar", "في 30 نوفمبر 2022", "30 نوفمبر 2022", Some(2022), Some(11), Some(30));
    let a = one("ar", "الخميس، 30 نوفمبر 2020", "الخميس، 30 نوفمبر 2020", Some(2020), Some(11), Some(30));
    assert_eq!(a.weekday, Some(Weekday::Thursday));
    assert_eq!(a.weekday_span, Some((0, "الخميس".len())));
    one("ar", "٦ آذار/مارس ٢٠٢٣", "٦ آذار/مارس ٢٠٢٣", Some(2023), Some(3), Some(6));
    one("ar", "۶ آذار/مارس ۲۰۲۳", "۶ آذار/مارس ۲۰۲۳", Some(2023), Some(3), Some(6));
    one("ar", "في كانون الثاني", "كانون الثاني", None, Some(1), None);
    one("ar", "1 كانون الثاني 2021", "1 كانون الثاني 2021", Some(2021), Some(1), Some(1));
    one("ar", "تشرين الثاني/نوفمبر 2022", "تشرين الثاني/نوفمبر 2022", Some(2022), Some(11), None);
    one("ar", "شهر جانفي", "جانفي", None, Some(1), None);
    one("ar", "اجتماع بنوفمبر", "نوفمبر", None, Some(11), None);
    one("ar", "في أكتوبر", "أكتوبر", None, Some(10), None);
    one("ar", "تحديث أكتوبر", "أكتوبر", None, Some(10), None);
    one("ar", "لشهر نوفمبر", "نوفمبر", None, Some(11), None);
    one("ar", "5 اذار 2020", "5 اذار 2020", Some(2020), Some(3), Some(5));
    one("ar", "5 ايار 2020", "5 ايار 2020", Some(2020), Some(5), Some(5));
    one("ar", "5 آب 2020", "5 آب 2020", Some(2020), Some(8), Some(5));
    one("ar", "5 غشت 2020", "5 غشت 2020", Some(2020), Some(8), Some(5));
    one("ar", "عام 2022م", "2022", Some(2022), None, None);
    one("ar", "٣٠/١١/٢٠٢٢", "٣٠/١١/٢٠٢٢", Some(2022), Some(11), Some(30));
    one("ar", "يوم الاثنين 5 ديسمبر 2022", "الاثنين 5 ديسمبر 2022", Some(2022), Some(12), Some(5));
    none("ar", "مارس الرياضة");
    one("ar", "في مارس الماضي", "مارس", None, Some(3), None);
    one("ar", "اجتماع بمارس", "مارس", None, Some(3), None);
    none("ar", "أب وابن");
}

#[test]
fn times() {
    type T = (String, u32, Option<u32>, Option<Zone>, Option<String>);
    fn t(lang: &str, text: &str) -> Vec<T> {
        extract_times(lang, text)
            .into_iter()
            .map(|a| {
                (
                    text[a.start..a.end].to_string(),
                    a.from_minutes,
                    a.to_minutes,
                    a.zone,
                    a.zone_span.map(|(s, e)| text[s..e].to_string()),
                )
            })
            .collect()
    }
    let s = |x: &str| x.to_string();
    assert_eq!(t("en", "open 9:00 to 12:00."), vec![(s("9:00 to 12:00"), 540, Some(720), None, None)]);
    assert_eq!(
        t("en", "from 9:00 to 12:00 (UTC +7)"),
        vec![(s("9:00 to 12:00 (UTC +7"), 540, Some(720), Some(Zone::Fixed(420)), Some(s("UTC +7")))]
    );
    assert_eq!(
        t("en", "09H00-12H00 (UTC+7)"),
        vec![(s("09H00-12H00 (UTC+7"), 540, Some(720), Some(Zone::Fixed(420)), Some(s("UTC+7")))]
    );
    assert_eq!(t("fr", "à 14 h 30"), vec![(s("14 h 30"), 870, None, None, None)]);
    assert_eq!(t("fr", "de 9 h à 12 h"), vec![(s("9 h à 12 h"), 540, Some(720), None, None)]);
    assert_eq!(t("en", "at 9 a.m. sharp"), vec![(s("9 a.m."), 540, None, None, None)]);
    assert_eq!(t("en", "at 9pm"), vec![(s("9pm"), 1260, None, None, None)]);
    assert_eq!(t("en", "at 12 a.m."), vec![(s("12 a.m."), 0, None, None, None)]);
    assert_eq!(t("en", "at 9.30 a.m."), vec![(s("9.30 a.m."), 570, None, None, None)]);
    assert_eq!(
        t("en", "10:00 GMT+1"),
        vec![(s("10:00 GMT+1"), 600, None, Some(Zone::Fixed(60)), Some(s("GMT+1")))]
    );
    assert_eq!(
        t("en", "10:00 CET"),
        vec![(s("10:00 CET"), 600, None, Some(Zone::Fixed(60)), Some(s("CET")))]
    );
    assert_eq!(
        t("en", "10:00 CEST"),
        vec![(s("10:00 CEST"), 600, None, Some(Zone::Fixed(120)), Some(s("CEST")))]
    );
    assert_eq!(
        t("en", "at 10:00 Paris time"),
        vec![(s("10:00 Paris time"), 600, None, Some(Zone::Iana(s("Europe/Paris"))), Some(s("Paris time")))]
    );
    assert_eq!(
        t("fr", "à 10 h (heure de Paris)"),
        vec![(
            s("10 h (heure de Paris"),
            600,
            None,
            Some(Zone::Iana(s("Europe/Paris"))),
            Some(s("heure de Paris"))
        )]
    );
    assert_eq!(
        t("fr", "à 10 h heure de Bangkok"),
        vec![(
            s("10 h heure de Bangkok"),
            600,
            None,
            Some(Zone::Iana(s("Asia/Bangkok"))),
            Some(s("heure de Bangkok"))
        )]
    );
    assert_eq!(
        t("ar", "من الساعة 08:00 حتى 11:00 بتوقيت وسط أوروبا"),
        vec![(
            s("08:00 حتى 11:00 بتوقيت وسط أوروبا"),
            480,
            Some(660),
            Some(Zone::Iana(s("Europe/Paris"))),
            Some(s("توقيت وسط أوروبا"))
        )]
    );
    assert_eq!(
        t("ar", "الساعة ١٠:٠٠ بتوقيت باريس"),
        vec![(
            s("١٠:٠٠ بتوقيت باريس"),
            600,
            None,
            Some(Zone::Iana(s("Europe/Paris"))),
            Some(s("توقيت باريس"))
        )]
    );
    assert_eq!(
        t("ar", "الساعة ١٠:٠٠ بالتوقيت العالمي المنسق +١"),
        vec![(
            s("١٠:٠٠ بالتوقيت العالمي المنسق +١"),
            600,
            None,
            Some(Zone::Fixed(60)),
            Some(s("التوقيت العالمي المنسق +١"))
        )]
    );
    assert_eq!(
        t("ar", "الساعة 10:00 بتوقيت غرينتش"),
        vec![(s("10:00 بتوقيت غرينتش"), 600, None, Some(Zone::Fixed(0)), Some(s("توقيت غرينتش")))]
    );
    assert_eq!(t("ar", "الساعة ٩ صباحاً"), vec![(s("٩ صباحاً"), 540, None, None, None)]);
    assert_eq!(t("ar", "في الساعة ٩"), vec![(s("٩"), 540, None, None, None)]);
    assert_eq!(t("ar", "الساعة 3 مساءً"), vec![(s("3 مساءً"), 900, None, None, None)]);
    assert_eq!(t("fr", "à midi"), vec![(s("midi"), 720, None, None, None)]);
    assert_eq!(t("en", "from 9 to 11 a.m."), vec![(s("9 to 11 a.m."), 540, Some(660), None, None)]);
    assert_eq!(t("en", "from 2 to 4 pm"), vec![(s("2 to 4 pm"), 840, Some(960), None, None)]);
    assert_eq!(t("fr", "de 9 à 12 h"), vec![(s("9 à 12 h"), 540, Some(720), None, None)]);
    assert_eq!(t("en", "9:00–12:00"), vec![(s("9:00–12:00"), 540, Some(720), None, None)]);
    assert_eq!(t("en", "at 24:00"), vec![(s("24:00"), 1440, None, None, None)]);
    assert!(t("fr", "24h/24").is_empty());
    assert!(t("fr", "dans l'après-midi").is_empty());
    assert!(t("en", "from 9 to 12 delegates").is_empty());
    // near misses
    assert!(t("en", "see http://example.org/at/9:00/x").is_empty());
    assert!(t("en", "ratio 16:9 and 3:1").is_empty());
    assert!(t("en", "it took 48 hours").is_empty());
    assert!(t("en", "25:00 and 10:75").is_empty());
    assert!(t("en", "version 2.30 released").is_empty());
    assert_eq!(
        t("en", "from 09.00-12.00 CET"),
        vec![(s("09.00-12.00 CET"), 540, Some(720), Some(Zone::Fixed(60)), Some(s("CET")))]
    );
    assert!(t("en", "from 2.30 to 14:00").is_empty());
    assert!(t("fr", "48 h plus tard").is_empty());
}

#[test]
fn zone_offsets() {
    let winter = Date::new(2022, 11, 30).unwrap();
    let summer = Date::new(2023, 7, 1).unwrap();
    let paris = Zone::Iana("Europe/Paris".into());
    assert_eq!(paris.offset_minutes_on(winter), Some(60));
    assert_eq!(paris.offset_minutes_on(summer), Some(120));
    assert_eq!(Zone::Iana("Asia/Bangkok".into()).offset_minutes_on(summer), Some(420));
    assert_eq!(Zone::Fixed(-300).offset_minutes_on(summer), Some(-300));
    assert_eq!(Zone::Iana("Nowhere/Nothing".into()).offset_minutes_on(summer), None);
}

type N = (String, f64, NumberKind, bool);

fn nums(lang: &str, text: &str) -> Vec<N> {
    extract_numbers(lang, text, &[])
        .into_iter()
        .map(|a| (text[a.start..a.end].to_string(), a.value, a.kind, a.spelled))
        .collect()
}

fn n1(lang: &str, text: &str, slice: &str, value: f64, kind: NumberKind, spelled: bool) {
    assert_eq!(nums(lang, text), vec![(slice.to_string(), value, kind, spelled)], "{lang} {text:?}");
}

#[test]
fn digit_numbers() {
    use NumberKind::*;
    n1("en", "about 25,000.5 people", "25,000.5", 25000.5, Cardinal, false);
    n1("en", "1,234,567 items", "1,234,567", 1234567.0, Cardinal, false);
    n1("fr", "environ 25 000,5 personnes", "25 000,5", 25000.5, Cardinal, false);
    n1("fr", "environ 25\u{a0}000,5 personnes", "25\u{a0}000,5", 25000.5, Cardinal, false);
    n1("fr", "environ 25\u{202f}000 personnes", "25\u{202f}000", 25000.0, Cardinal, false);
    n1("fr", "soit 3,5 fois", "3,5", 3.5, Cardinal, false);
    n1("ar", "حوالي ٢٥٬٠٠٠٫٥ شخص", "٢٥٬٠٠٠٫٥", 25000.5, Cardinal, false);
    n1("ar", "حوالي 25,000 شخص", "25,000", 25000.0, Cardinal, false);
    n1("ar", "حوالي ۲۵ شخص", "۲۵", 25.0, Cardinal, false);
    n1("en", "rose 45% in", "45%", 45.0, Percent, false);
    n1("fr", "soit 45 % des", "45 %", 45.0, Percent, false);
    n1("fr", "soit 45\u{202f}% des", "45\u{202f}%", 45.0, Percent, false);
    n1("ar", "بنسبة ٤٥٪ من", "٤٥٪", 45.0, Percent, false);
    n1("ar", "بنسبة 45 في المائة من", "45 في المائة", 45.0, Percent, false);
    n1("en", "the 42nd session", "42nd", 42.0, Ordinal, false);
    n1("en", "the 1st session", "1st", 1.0, Ordinal, false);
    n1("en", "the 217th session", "217th", 217.0, Ordinal, false);
    n1("fr", "la 42e session", "42e", 42.0, Ordinal, false);
    n1("fr", "la 217e session", "217e", 217.0, Ordinal, false);
    n1("fr", "le 1er rapport", "1er", 1.0, Ordinal, false);
    n1("fr", "la 2ème fois", "2ème", 2.0, Ordinal, false);
    n1("en", "rose 12 percent", "12 percent", 12.0, Percent, false);
    assert!(nums("en", "a 4G network, mp3 files, 1,2345").is_empty());
    assert!(nums("en", "visit https://x.org/page/42 now").is_empty());
    assert!(nums("en", "version 1.2.3").is_empty());
    assert!(nums("fr", "25.000 personnes").is_empty());
    // Moroccan 1.234,5 is read (known_gaps); a lone 1.234 stays a decimal.
    n1("en", "a hundred people", "a hundred", 100.0, Cardinal, true);
    n1("en", "$2.5 billion in", "2.5 billion", 2.5e9, Cardinal, false);
    n1("en", "forty thousand people", "forty thousand", 40000.0, Cardinal, true);
    n1("fr", "3 milliards de dollars", "3 milliards", 3e9, Cardinal, false);
    n1("fr", "1,5 million de personnes", "1,5 million", 1.5e6, Cardinal, false);
    n1("ar", "٣ ملايين شخص", "٣ ملايين", 3e6, Cardinal, false);
    n1("ar", "2 مليار دولار", "2 مليار", 2e9, Cardinal, false);
}

#[test]
fn word_numbers() {
    use NumberKind::*;
    n1("en", "three partners", "three", 3.0, Cardinal, true);
    n1("en", "the forty-second session", "forty-second", 42.0, Ordinal, true);
    n1("en", "Sixty countries", "Sixty", 60.0, Cardinal, true);
    n1("en", "twenty one members", "twenty one", 21.0, Cardinal, true);
    n1("fr", "trois partenaires", "trois", 3.0, Cardinal, true);
    n1("fr", "la quarante-deuxième session", "quarante-deuxième", 42.0, Ordinal, true);
    n1("fr", "soixante pays", "soixante", 60.0, Cardinal, true);
    n1("fr", "soixante et onze pays", "soixante et onze", 71.0, Cardinal, true);
    n1("fr", "quatre-vingt-dix-neuf pays", "quatre-vingt-dix-neuf", 99.0, Cardinal, true);
    n1("fr", "quatre-vingts pays", "quatre-vingts", 80.0, Cardinal, true);
    n1("fr", "vingt et un pays", "vingt et un", 21.0, Cardinal, true);
    n1("ar", "ثلاثة شركاء", "ثلاثة", 3.0, Cardinal, true);
    n1("ar", "الدورة الثانية والأربعين", "الثانية والأربعين", 42.0, Ordinal, true);
    n1("ar", "ستين دولة", "ستين", 60.0, Cardinal, true);
    n1("ar", "اثنان وأربعون عضوا", "اثنان وأربعون", 42.0, Cardinal, true);
    n1("ar", "القرن التاسع عشر", "التاسع عشر", 19.0, Ordinal, true);
    n1("ar", "وثلاثة شركاء", "ثلاثة", 3.0, Cardinal, true);
    n1("ar", "ثلاثون في المائة", "ثلاثون في المائة", 30.0, Percent, true);
    n1("en", "forty percent", "forty percent", 40.0, Percent, true);
    assert!(nums("fr", "un rapport et une étude").is_empty());
    assert!(nums("en", "no one knows").is_empty());
}

#[test]
fn numbers_skip_taken() {
    let text = "On 30 November 2022 at 9:00, 250 people and CL/4398.";
    let mut taken: Vec<(usize, usize)> = extract_dates("en", text).iter().map(|a| (a.start, a.end)).collect();
    taken.extend(extract_times("en", text).iter().map(|a| (a.start, a.end)));
    let code = text.find("CL/4398").unwrap();
    taken.push((code, code + 7));
    let n = extract_numbers("en", text, &taken);
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(&text[n[0].start..n[0].end], "250");
    let fr = "le 1er mars 2023, 3 000 participants";
    let taken: Vec<(usize, usize)> = extract_dates("fr", fr).iter().map(|a| (a.start, a.end)).collect();
    let n = extract_numbers("fr", fr, &taken);
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(&fr[n[0].start..n[0].end], "3 000");
}

#[test]
fn several_anchors_and_extended_locale() {
    let got = dates("en", "between 30 November 2022 and 2 December 2022, in Q4 2022");
    assert_eq!(
        got,
        vec![
            ("30 November 2022".into(), Some(2022), Some(11), Some(30)),
            ("2 December 2022".into(), Some(2022), Some(12), Some(2)),
            ("2022".into(), Some(2022), None, None),
        ]
    );
    let got = dates("fr", "du 30.11.2022 au 2022/12/02");
    assert_eq!(
        got,
        vec![
            ("30.11.2022".into(), Some(2022), Some(11), Some(30)),
            ("2022/12/02".into(), Some(2022), Some(12), Some(2)),
        ]
    );
    let ar = "\u{200f}الخميس\u{200f}، ٣٠ نـوفـمـبـر ٢٠٢٠";
    one("ar", ar, "الخميس\u{200f}، ٣٠ نـوفـمـبـر ٢٠٢٠", Some(2020), Some(11), Some(30));
    one("ar", "شهر نوفمبر 2022", "نوفمبر 2022", Some(2022), Some(11), None);
    one("ar", "30 من نوفمبر عام 2022", "30 من نوفمبر عام 2022", Some(2022), Some(11), Some(30));

    let mut l = locale::table("en").unwrap().clone();
    let extra: locale::LocaleData = toml::from_str(
        "[[months]]\nnumber = 11\nabbrevs = [\"Novemb\"]\n[[zones]]\nnames = [\"WIB\"]\niana = \"Asia/Jakarta\"",
    )
    .unwrap();
    l.extend(extra);
    let d = extract_dates_with(&l, "5 Novemb. 2022");
    assert_eq!((d[0].year, d[0].month, d[0].day), (Some(2022), Some(11), Some(5)));
    let t = extract_times_with(&l, "at 10:00 WIB");
    assert_eq!(t[0].zone, Some(Zone::Iana("Asia/Jakarta".into())));
    assert!(extract_times("en", "at 10:00 WIB")[0].zone.is_none());
}

#[test]
fn code_near_misses() {
    assert!(extract_times("ar", "الوثيقة ٣٦ م/٥ و41 م/5").is_empty());
    none("ar", "الوثيقة ٣٦ م/٥");
    none("en", "216 EX/5 and 41 C/Resolution 12, A/RES/70/1");
    none("en", "doi 10.54675/ABCD1234 and ark:/48223/pf0000383205");
    let t = "see ED-2019/WS/25";
    assert!(extract_dates("en", t).is_empty(), "{:?}", dates("en", t));
}

#[test]
fn builtin_patterns_compile() {
    for lang in locale::LANGS {
        assert!(pattern_errors(locale::table(lang).unwrap()).is_empty(), "{lang}");
    }
}

/// Forms the brief did not cover, learned from real documents (#14).
#[test]
fn known_gaps() {
    let a = extract_dates("en", "1-3 November 2022");
    assert_eq!((a[0].day, a[0].month), (Some(1), Some(11)));
    assert_eq!(a[0].day_end, Some(3));
    for (lang, text, slice) in [
        ("fr", "du 1er au 3 novembre 2022", "1er au 3 novembre 2022"),
        ("ar", "من 1 إلى 3 نوفمبر 2022", "1 إلى 3 نوفمبر 2022"),
        ("en", "from 1 to 3 November 2022", "1 to 3 November 2022"),
    ] {
        let a = one(lang, text, slice, Some(2022), Some(11), Some(1));
        assert_eq!(a.day_end, Some(3), "{text}");
    }
    // Not a range: the first number is not an earlier day.
    assert_eq!(extract_dates("en", "version 5-3 November 2022")[0].day, Some(3));
    one("ar", "الخامس من نوفمبر 2022", "الخامس من نوفمبر 2022", Some(2022), Some(11), Some(5));
    one("ar", "في الخامس نوفمبر 2022", "الخامس نوفمبر 2022", Some(2022), Some(11), Some(5));
    one("en", "the fifth of November 2022", "fifth of November 2022", Some(2022), Some(11), Some(5));
    one("en", "the second March 2023 update", "March 2023", Some(2023), Some(3), None);
    n1("fr", "au XXIe siècle", "XXIe", 21.0, NumberKind::Ordinal, false);
    n1("fr", "sous la Ve République", "Ve", 5.0, NumberKind::Ordinal, false);
    assert!(extract_numbers("fr", "Ce document. Le texte. IIIIe", &[]).is_empty());
    n1("ar", "المغرب 1.234,5 درهم", "1.234,5", 1234.5, NumberKind::Cardinal, false);
    n1("en", "2 million people", "2 million", 2e6, NumberKind::Cardinal, false);
}

/// Hours as ordinal words after an hour marker (#14).
#[test]
fn spelled_hours() {
    let t = extract_times("ar", "يبدأ اللقاء الساعة السادسة مساءً في القاعة");
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].from_minutes, t[0].to_minutes), (18 * 60, None));
    // Without the marker an ordinal is a number, not an hour.
    assert!(extract_times("ar", "الفصل السادس مساءً").is_empty());
}

#[test]
fn other_languages_are_empty() {
    assert!(extract_dates("de", "30. November 2022").is_empty());
    assert!(extract_times("de", "9:00").is_empty());
    assert!(extract_numbers("de", "42", &[]).is_empty());
}

use crate::testing::fixture_files;

/// [`url_spans`] skips the texts without `@`, `:/` or `www.`: it finds what the regex
/// finds on every text.
fn same_urls(t: &str) {
    let want: Vec<(usize, usize)> = url_re().find_iter(t).map(|m| (m.start(), m.end())).collect();
    assert_eq!(url_spans(t), want, "{t:?}");
}

#[test]
fn url_spans_as_the_regex() {
    for t in [
        "",
        "see https://example.org/a and www.unesco.org.",
        "ftp://x ark:/48223/pf1 http:// www. mail a.b@c.de",
        "a@b",
        "no link: here / there",
    ] {
        same_urls(t);
    }
    for p in crate::testing::fixture_files(&[]) {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        for line in text.lines() {
            same_urls(&locale::Folded::new(line).text);
        }
    }
}

proptest::proptest! {
    #[test]
    fn url_spans_as_the_regex_on_generated_text(t in "(https?|ftp|ark|www|[:/@.a-z0-9 <\x22_-]|\\.){0,30}") {
        same_urls(&t);
    }
}

mod digits;
mod matcher;
mod tables;
