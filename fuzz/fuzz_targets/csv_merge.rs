//! Fuzzes the merge driver's three-way merge: the input is split into base,
//! ours and theirs at the first two NUL bytes; it must merge or refuse,
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use taizhang::store::csv_merge;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let base = parts.next().unwrap_or("");
    let ours = parts.next().unwrap_or("");
    let theirs = parts.next().unwrap_or("");
    let _ = csv_merge::merge(&csv_merge::KINDS[0], base, ours, theirs);
});
