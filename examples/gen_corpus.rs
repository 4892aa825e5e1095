//! Writes N synthetic trilingual newsletter issues (English, French, Arabic) with a fixed
//! seed, for the benchmark in bench/run.sh. Each issue has the density of anchors of a
//! real newsletter (dates, times with zones, numbers, emails, reference codes, links);
//! a share of the Arabic files use Arabic-Indic digits; a known share of issues carry one
//! injected error, listed in `OUT/injected.jsonl`.
//!
//! Usage: cargo run --release --example gen_corpus -- OUT N [SEED] [ERROR_SHARE]

use std::fmt::Write as _;
use std::io::Write as _;

/// splitmix64: a small deterministic generator (the corpus must not depend on a crate's
/// algorithm changing).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

/// Arabic months the UN way, Levantine name and transliteration (`آذار/مارس`): not the
/// tables' first names, to exercise the reader on the compound form.
const AR_MONTHS: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيو",
    "تموز/يوليو",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

/// The usual name of month `m` (1..=12) in a built-in locale table.
fn month_name(lang: &str, m: usize) -> &'static str {
    oerlint::locale::table(lang).and_then(|l| l.month_name(m as u8)).expect("built-in month")
}

/// The usual name of weekday `wd` (0 = Monday) in a built-in locale table.
fn weekday_name(lang: &str, wd: usize) -> &'static str {
    oerlint::locale::table(lang).and_then(|l| l.weekday_name(wd as u8 + 1)).expect("built-in weekday")
}

const TOPICS: [(&str, &str, &str); 6] = [
    ("open educational resources", "ressources éducatives libres", "الموارد التعليمية المفتوحة"),
    ("open science", "science ouverte", "العلم المفتوح"),
    ("open data", "données ouvertes", "البيانات المفتوحة"),
    ("digital skills for teachers", "compétences numériques des enseignants", "المهارات الرقمية للمعلمين"),
    ("open licences", "licences ouvertes", "التراخيص المفتوحة"),
    ("inclusive digital libraries", "bibliothèques numériques inclusives", "المكتبات الرقمية الشاملة"),
];
const NAMES: [(&str, &str); 6] = [
    ("Amina Rahman", "a.rahman"),
    ("Luc Moreau", "l.moreau"),
    ("Karim Haddad", "k.haddad"),
    ("Salma Ben Ali", "s.benali"),
    ("Joe Tanaka", "j.tanaka"),
    ("Maria Lopez", "m.lopez"),
];

/// The weekday of a date (0 = Monday): Sakamoto's method, enough for a generator.
fn weekday(y: i32, m: usize, d: u32) -> usize {
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d as i32) % 7; // 0 = Sunday
    ((w + 6) % 7) as usize
}

fn arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(0x0660 + (c as u32 - 48)).unwrap() } else { c })
        .collect()
}

fn thousands(n: u64, sep: &str) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Inject {
    None,
    Date,
    Number,
    Email,
    Code,
    Link,
    Time,
}

fn issue(r: &mut Rng, id: usize, inject: Inject, target_ar: bool, ar_digits: bool) -> [String; 3] {
    let year = 2020 + r.below(6) as i32;
    let month = 1 + r.below(12) as usize;
    let (topic_en, topic_fr, topic_ar) = *r.pick(&TOPICS);
    let (name, user) = *r.pick(&NAMES);
    let email = format!("{user}@unesco.org");
    let team = format!("team{}@unesco.org", r.below(90) + 10);
    let code = format!("CL/{}", 4000 + r.below(999));
    let doc = format!("ED/PLS/OER/{year}/{}", 1 + r.below(9));
    let doi =
        format!("10.54675/{}{}", ["QKTR", "ABCD", "ZXYW", "MNOP"][r.below(4) as usize], 1000 + r.below(8999));
    let day = 1 + r.below(28) as u32;
    let wd = weekday(year, month, day);
    let h1 = 8 + r.below(8);
    let h2 = h1 + 2;
    let off = r.below(9);
    let experts = 200 + r.below(9000);
    let countries = 12 + r.below(150);
    let share = 10 + r.below(80);
    let left = 30 + r.below(60);
    let session = 200 + r.below(30);
    let link_id = 10_000 + r.below(90_000);
    let dl_month = 1 + (month + 1) % 12;
    let bump = 1 + r.below(5);
    let wrong = |n: u64| n + bump;
    let mut en = String::new();
    let mut fr = String::new();
    let mut ar = String::new();
    let ard = |s: String| if ar_digits { arabic_digits(&s) } else { s };
    let _ = write!(
        en,
        "**Dear members of the network,\nWelcome to our {} {year} update!**\n\n",
        month_name("en", month)
    );
    let _ = write!(
        fr,
        "**Chers membres du réseau,\nBienvenue dans notre bulletin de {} {year} !**\n\n",
        month_name("fr", month)
    );
    let _ = write!(
        ar,
        "**الأعضاء الأعزاء في الشبكة،\nمرحباً بكم في نشرة {} {} الخاصة بنا!**\n\n",
        AR_MONTHS[month - 1],
        ard(year.to_string())
    );
    // The event.
    let _ = write!(en, "Regional webinar on {topic_en} for the Asia and Pacific region\n\n");
    let _ = write!(fr, "Webinaire régional sur les {topic_fr} pour la région Asie-Pacifique\n\n");
    let _ = write!(ar, "ندوة إقليمية عبر الإنترنت حول {topic_ar} لمنطقة آسيا والمحيط الهادئ\n\n");
    let (fr_month, ar_month, ar_day) = if inject == Inject::Date {
        let m2 = month % 12;
        if target_ar {
            (month - 1, m2, day)
        } else {
            (m2, month - 1, day)
        }
    } else {
        (month - 1, month - 1, day)
    };
    let (fr_h1, ar_h1) = match (inject, target_ar) {
        (Inject::Time, true) => (h1, h1 + 1),
        (Inject::Time, false) => (h1 + 1, h1),
        _ => (h1, h1),
    };
    let _ = write!(
        en,
        "The webinar takes place on {}, {day} {} {year} from {h1}:00 to {h2}:00 (UTC+{off}). It brings together ministries, universities and libraries to share their experience of {topic_en}, and to discuss the draft guidelines that the secretariat circulated last month.\n\n",
        weekday_name("en", wd),
        month_name("en", month)
    );
    let _ = write!(
        fr,
        "Le webinaire a lieu le {} {day} {} {year} de {fr_h1} h 00 à {h2} h 00 (UTC+{off}). Il réunit des ministères, des universités et des bibliothèques pour partager leur expérience en matière de {topic_fr} et examiner le projet de lignes directrices diffusé le mois dernier par le secrétariat.\n\n",
        weekday_name("fr", if inject == Inject::Date && !target_ar { weekday(year, fr_month + 1, day) } else { wd }),
        month_name("fr", fr_month + 1)
    );
    let _ = write!(
        ar,
        "تُعقد الندوة يوم {} {} {} {} من الساعة {}:00 حتى {}:00 (UTC+{off}). وتجمع الندوة الوزارات والجامعات والمكتبات لتبادل خبراتها في مجال {topic_ar} ومناقشة مشروع المبادئ التوجيهية الذي عممته الأمانة في الشهر الماضي.\n\n",
        weekday_name("ar", if inject == Inject::Date && target_ar { weekday(year, ar_month + 1, ar_day) } else { wd }),
        ard(ar_day.to_string()),
        AR_MONTHS[ar_month],
        ard(year.to_string()),
        ard(format!("{ar_h1:02}")),
        ard(format!("{h2:02}")),
    );
    let reg = format!("https://events.unesco.org/{{}}/webinar/{link_id}");
    let _ = write!(en, "Please register [here]({}).\n\n", reg.replace("{}", "en"));
    if inject == Inject::Link && !target_ar {
        fr.push_str("Veuillez vous inscrire ici.\n\n");
    } else {
        let _ = write!(fr, "Veuillez vous inscrire [ici]({}).\n\n", reg.replace("{}", "fr"));
    }
    if inject == Inject::Link && target_ar {
        ar.push_str("يرجى التسجيل هنا.\n\n");
    } else {
        let _ = write!(ar, "يرجى التسجيل [هنا]({}).\n\n", reg.replace("{}", "ar"));
    }
    let _ = write!(en, "Contact: {name}, {email}\n\n");
    if inject == Inject::Email && !target_ar {
        let _ = write!(fr, "Contact : {name}\n\n");
    } else {
        let _ = write!(fr, "Contact : {name}, {email}\n\n");
    }
    if inject == Inject::Email && target_ar {
        let _ = write!(ar, "جهة الاتصال: {name}\n\n");
    } else {
        let _ = write!(ar, "جهة الاتصال: {name}، {email}\n\n");
    }
    // The report.
    let bad_code = {
        let n: u64 = code[3..].parse().unwrap();
        format!("CL/{}", if n % 10 == 9 { n - 1 } else { n + 1 })
    };
    let (fr_code, ar_code) = match (inject, target_ar) {
        (Inject::Code, true) => (code.clone(), bad_code),
        (Inject::Code, false) => (bad_code, code.clone()),
        _ => (code.clone(), code.clone()),
    };
    let (fr_experts, ar_experts) = match (inject, target_ar) {
        (Inject::Number, true) => (experts, wrong(experts)),
        (Inject::Number, false) => (wrong(experts), experts),
        _ => (experts, experts),
    };
    let _ = write!(en, "Only {left} days left to submit national reports on {topic_en}!\n\n");
    let _ =
        write!(fr, "Plus que {left} jours pour soumettre les rapports nationaux sur les {topic_fr} !\n\n");
    let _ =
        write!(ar, "لم يتبق سوى {} يوماً لتقديم التقارير الوطنية بشأن {topic_ar}!\n\n", ard(left.to_string()));
    let _ = write!(
        en,
        "A Circular Letter ({code}) invites Member States to report by {} {}. So far {} experts from {countries} countries have contributed, and {share}% of the replies describe national policies. The guidelines are published as {doc} (DOI {doi}), and the Executive Board will consider the synthesis at its {session}th session.\n\n",
        dl_month.min(28),
        month_name("en", dl_month),
        thousands(experts, ",")
    );
    let _ = write!(
        fr,
        "Une lettre circulaire ({fr_code}) invite les États membres à soumettre leur rapport avant le {} {}. À ce jour, {} experts de {countries} pays ont contribué, et {share} % des réponses décrivent des politiques nationales. Les lignes directrices sont publiées sous la cote {doc} (DOI {doi}), et le Conseil exécutif examinera la synthèse à sa {session}e session.\n\n",
        dl_month.min(28),
        month_name("fr", dl_month),
        thousands(fr_experts, "\u{202f}")
    );
    let _ = write!(
        ar,
        "تدعو رسالة دورية (\u{2068}{ar_code}\u{2069}) الدول الأعضاء إلى تقديم تقاريرها بحلول {} {}. وحتى الآن ساهم {} خبيراً من {} بلداً، ويصف {}٪ من الردود سياسات وطنية. ونُشرت المبادئ التوجيهية بالرمز \u{2068}{doc}\u{2069} (DOI \u{2068}{doi}\u{2069})، وسينظر المجلس التنفيذي في الموجز خلال دورته {}.\n\n",
        ard(dl_month.min(28).to_string()),
        AR_MONTHS[dl_month - 1],
        if ar_digits { arabic_digits(&thousands(ar_experts, "٬")) } else { thousands(ar_experts, ",") },
        ard(countries.to_string()),
        ard(share.to_string()),
        ard(session.to_string()),
    );
    let _ = write!(en, "For questions, write to the team at {team}.\n\n");
    let _ = write!(fr, "Pour toute question, écrivez à l'équipe : {team}.\n\n");
    let _ = write!(ar, "للاستفسار، يرجى مراسلة الفريق على {team}.\n\n");
    // News.
    let _ = write!(en, "News from the network and our partners this month\n\n");
    let _ = write!(fr, "Nouvelles du réseau et de nos partenaires ce mois-ci\n\n");
    let _ = write!(ar, "أخبار الشبكة وشركائنا لهذا الشهر\n\n");
    for k in 0..4 {
        let slug = 100_000 + (id as u64 * 7 + k) % 900_000;
        let _ = writeln!(
            en,
            "- [Country experiences with {topic_en}, part {}](https://www.unesco.org/en/articles/{slug})",
            k + 1
        );
        let _ = writeln!(fr, "- [Expériences nationales en matière de {topic_fr}, partie {}](https://www.unesco.org/fr/articles/{slug})", k + 1);
        let _ = writeln!(
            ar,
            "- [تجارب وطنية في مجال {topic_ar}، الجزء {}](https://www.unesco.org/ar/articles/{slug})",
            ard((k + 1).to_string())
        );
    }
    en.push('\n');
    fr.push('\n');
    ar.push('\n');
    // Publications.
    let _ = write!(en, "New publications on {topic_en} from members and partners\n\n");
    let _ = write!(fr, "Nouvelles publications sur les {topic_fr} des membres et des partenaires\n\n");
    let _ = write!(ar, "منشورات جديدة حول {topic_ar} من الأعضاء والشركاء\n\n");
    for k in 0..3u64 {
        let pages = 40 + (id as u64 * 13 + k * 7) % 300;
        let slug = 200_000 + (id as u64 * 11 + k) % 700_000;
        let _ = writeln!(en, "- [A practical guide for {topic_en}, volume {}](https://www.unesco.org/en/publications/{slug}): {pages} pages, with case studies from every region and a checklist for institutions that are starting out.", k + 1);
        let _ = writeln!(fr, "- [Guide pratique des {topic_fr}, volume {}](https://www.unesco.org/fr/publications/{slug}) : {pages} pages, avec des études de cas de chaque région et une liste de contrôle pour les institutions qui débutent.", k + 1);
        let _ = writeln!(ar, "- [دليل عملي في مجال {topic_ar}، المجلد {}](https://www.unesco.org/ar/publications/{slug}): {} صفحة، مع دراسات حالة من كل منطقة وقائمة مرجعية للمؤسسات التي تبدأ العمل.", ard((k + 1).to_string()), ard(pages.to_string()));
    }
    en.push('\n');
    fr.push('\n');
    ar.push('\n');
    let _ = write!(en, "Share your activities with the network\n\nWould you like to publish information on your events, initiatives or publications? Send a short description, a link and a contact person to the secretariat before the end of the month to be included in the next update. Texts may be sent in any of the three languages of the network; the secretariat takes care of the translations.\n\n");
    let _ = write!(fr, "Partagez vos activités avec le réseau\n\nVous souhaitez faire connaître vos événements, initiatives ou publications ? Envoyez une brève description, un lien et une personne de contact au secrétariat avant la fin du mois pour figurer dans le prochain bulletin. Les textes peuvent être envoyés dans l'une des trois langues du réseau ; le secrétariat se charge des traductions.\n\n");
    let _ = write!(ar, "شاركوا أنشطتكم مع الشبكة\n\nهل ترغبون في نشر معلومات عن فعالياتكم أو مبادراتكم أو منشوراتكم؟ أرسلوا وصفاً موجزاً ورابطاً واسم جهة الاتصال إلى الأمانة قبل نهاية الشهر لإدراجها في النشرة القادمة. ويمكن إرسال النصوص بأي من لغات الشبكة الثلاث، وتتولى الأمانة الترجمة.\n\n");
    // Background paragraphs, to bring each file to a newsletter's size.
    let _ = write!(en, "About the network\n\nThe network brings together more than a hundred institutions that share open content, tools and practice. Members meet online every month, publish case studies, and help each other translate and adapt materials for their own countries. New members are welcome: write to the secretariat to join, and tell us about the work you would like to share with others.\n\nThe secretariat thanks the partners who hosted last month's meetings, and the translators who made this update available in three languages. Suggestions for the next issue are welcome until the end of the month.\n");
    let _ = write!(fr, "À propos du réseau\n\nLe réseau rassemble plus d'une centaine d'institutions qui partagent des contenus, des outils et des pratiques ouverts. Les membres se réunissent en ligne chaque mois, publient des études de cas et s'entraident pour traduire et adapter les ressources à leur pays. Les nouveaux membres sont les bienvenus : écrivez au secrétariat pour nous rejoindre et présentez-nous le travail que vous souhaitez partager.\n\nLe secrétariat remercie les partenaires qui ont accueilli les réunions du mois dernier, ainsi que les traducteurs qui ont rendu ce bulletin disponible en trois langues. Vos suggestions pour le prochain numéro sont les bienvenues jusqu'à la fin du mois.\n");
    let _ = write!(ar, "نبذة عن الشبكة\n\nتضم الشبكة أكثر من مائة مؤسسة تتبادل المحتوى والأدوات والممارسات المفتوحة. ويلتقي الأعضاء عبر الإنترنت كل شهر، وينشرون دراسات حالة، ويتعاونون في ترجمة المواد وتكييفها مع بلدانهم. ونرحب بالأعضاء الجدد: راسلوا الأمانة للانضمام، وحدثونا عن العمل الذي تودون مشاركته مع الآخرين.\n\nوتشكر الأمانة الشركاء الذين استضافوا اجتماعات الشهر الماضي، والمترجمين الذين أتاحوا هذه النشرة بثلاث لغات. ونرحب باقتراحاتكم للعدد القادم حتى نهاية الشهر.\n");
    [en, fr, ar]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen_corpus OUT N [SEED] [ERROR_SHARE]");
        std::process::exit(2);
    }
    let out = std::path::PathBuf::from(&args[1]);
    let n: usize = args[2].parse().expect("N");
    let seed: u64 = args.get(3).map(|s| s.parse().expect("SEED")).unwrap_or(42);
    let share: f64 = args.get(4).map(|s| s.parse().expect("ERROR_SHARE")).unwrap_or(0.3);
    let mut r = Rng(seed);
    std::fs::create_dir_all(&out).expect("create OUT");
    let mut manifest = std::fs::File::create(out.join("injected.jsonl")).expect("manifest");
    let kinds = [Inject::Date, Inject::Number, Inject::Email, Inject::Code, Inject::Link, Inject::Time];
    let names = ["date", "number", "email", "code", "link", "time"];
    let mut bytes = 0usize;
    for id in 0..n {
        let inject = if (r.below(1000) as f64) < share * 1000.0 { *r.pick(&kinds) } else { Inject::None };
        let target_ar = r.below(2) == 0;
        let ar_digits = r.below(10) < 4;
        let files = issue(&mut r, id, inject, target_ar, ar_digits);
        let dir = out.join(format!("{:03}/issue-{id:05}", id / 1000));
        std::fs::create_dir_all(&dir).expect("issue dir");
        for (lang, text) in ["en", "fr", "ar"].iter().zip(files.iter()) {
            bytes += text.len();
            std::fs::write(dir.join(format!("{lang}.md")), text).expect("write");
        }
        if inject != Inject::None {
            let k = kinds.iter().position(|x| *x == inject).unwrap();
            let lang = if target_ar { "ar" } else { "fr" };
            writeln!(
                manifest,
                "{{\"issue\": \"{}\", \"lang\": \"{lang}\", \"kind\": \"{}\"}}",
                dir.display(),
                names[k]
            )
            .expect("manifest line");
        }
    }
    eprintln!("wrote {n} issues, {bytes} bytes, into {}", out.display());
}
