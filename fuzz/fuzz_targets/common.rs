// Shared by the pipeline targets (included with `include!`).
use oerlint::check::{self, Options};
use oerlint::discover;
use oerlint::render::{self, Summary};
use oerlint::rules::Selection;
use std::path::{Path, PathBuf};

/// A folder of this process, rewritten for each input (in memory when /dev/shm exists).
fn scratch() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let base =
            if Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let d = base.join(format!("oerlint-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    })
}

/// Writes the files, checks the folder with every rule (reading invalid UTF-8 lossily
/// when `lossy`), and checks the invariants: spans are char-boundary ranges of the file
/// on disk whose text is the slice (of the decoded text for UTF-16; invalid bytes read
/// as U+001A when lossy); the JSON renders.
fn run(files: &[(&str, &[u8])], lossy: bool) {
    let dir = scratch();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let _ = std::fs::remove_file(e.path());
    }
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let opts = Options {
        rules: Selection { select: Some(vec!["all".into()]), ..Selection::default() },
        load: oerlint::source::LoadOptions { lossy, ..Default::default() },
        ..Options::default()
    };
    let (groups, _) = discover::discover(&[dir.to_path_buf()]);
    for g in &groups {
        let r = check::check_group(g, &opts);
        for d in &r.diagnostics {
            for l in std::iter::once(&d.primary).chain(&d.related) {
                use oerlint::source::{Encoding, SUBSTITUTE};
                let disk = std::fs::read(&l.file.path).unwrap();
                let text = &l.file.text;
                assert!(l.start <= l.end && l.end <= text.len(), "{}: span {}..{}", d.rule, l.start, l.end);
                assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end));
                assert_eq!(&text[l.start..l.end], l.text(), "{}", d.rule);
                match l.file.encoding {
                    Encoding::Utf8 => assert_eq!(&disk[l.start..l.end], l.text().as_bytes(), "{}", d.rule),
                    Encoding::Lossy { .. } => {
                        assert_eq!(disk.len(), text.len());
                        for (i, b) in l.text().bytes().enumerate() {
                            assert!(b == disk[l.start + i] || b == SUBSTITUTE as u8, "{}", d.rule);
                        }
                    }
                    Encoding::Utf16Le | Encoding::Utf16Be => {}
                }
            }
        }
        let _ = render::json(&r.diagnostics, Summary::default());
        let _ = render::json(&r.input_errors, Summary::default());
    }
}
