//! Fuzzes the `procedures.csv` loader: any bytes must give a table or
//! problems, never a panic; a table that loads cleanly writes back to
//! bytes that load to the same rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use taizhang::store::procedures_file::ProcedureTable;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (table, problems) = ProcedureTable::read(Path::new("procedures.csv"), &text);
    if let (Some(table), true) = (table, problems.is_empty()) {
        let bytes = table.to_bytes();
        let again = String::from_utf8(bytes).expect("the writer writes UTF-8");
        let (back, _) = ProcedureTable::read(Path::new("procedures.csv"), &again);
        assert_eq!(back.expect("written tables load").rows, table.rows);
    }
});
