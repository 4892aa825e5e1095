fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = &args[1];
    let text = &args[2];
    for d in oerlint::temporal::extract_dates(lang, text) {
        println!("date {:?} {:?}", &text[d.start..d.end], d);
    }
    for t in oerlint::temporal::extract_times(lang, text) {
        println!("time {:?} {:?}", &text[t.start..t.end], t);
    }
    for n in oerlint::temporal::extract_numbers(lang, text, &[]) {
        println!("num {:?} {:?}", &text[n.start..n.end], n);
    }
}
