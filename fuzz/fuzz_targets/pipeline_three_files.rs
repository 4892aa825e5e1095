//! The whole pipeline on a three-file group: the input is split in three at the first
//! two 0xFF bytes (never valid UTF-8), else in thirds, as en.md, fr.md and ar.md.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = data.splitn(3, |&b| b == 0xFF).collect();
    if parts.len() < 3 {
        let t = data.len() / 3;
        parts = vec![&data[..t], &data[t..2 * t], &data[2 * t..]];
    }
    // An odd length reads invalid UTF-8 lossily.
    run(&[("en.md", parts[0]), ("fr.md", parts[1]), ("ar.md", parts[2])], data.len() % 2 == 1);
});
