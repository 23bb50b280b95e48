//! The integration tests: one binary that drives the real `taizhang` in
//! temporary ledgers. `support` holds the small builder every case uses;
//! each other module covers one area.

mod support;

mod bulletin;
mod cache;
mod catalogue;
mod clerk;
mod coordination;
mod core;
mod core_ledger;
mod core_refusals;
mod core_reports;
mod core_roundtrip;
mod corrections;
mod excel_fix;
mod files;
mod interop;
mod keep_going;
mod merge;
mod projects;
mod reliability;
mod supervision;
