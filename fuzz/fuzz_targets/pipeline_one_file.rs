//! The whole pipeline on arbitrary bytes as one untagged file (split by language).
//! The first byte picks the format, and its high bit reading as `--encoding lossy`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else { return };
    let name = match kind % 3 {
        0 => "doc.md",
        1 => "doc.txt",
        _ => "doc.mdx",
    };
    run(&[(name, body)], kind & 0x80 != 0);
});
