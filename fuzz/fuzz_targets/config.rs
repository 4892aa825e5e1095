//! The configuration parser: any text gives a configuration or an error whose span is
//! inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = oerlint::config::parse(std::path::Path::new("oerlint.toml"), text) {
        if let Some(s) = e.span {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        }
        assert!(!e.message.is_empty());
    }
});
