//! Fuzzes the `ledger.toml` and `project.toml` loaders: any bytes must
//! give settings, a record or problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use taizhang::store::{project_file, settings_file};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = settings_file::read(Path::new("ledger.toml"), &text);
    let _ = project_file::read(Path::new("project.toml"), &text);
});
