//! The files on disk: finding the ledger, reading `ledger.toml`,
//! `project.toml` and `procedures.csv` with the line of every problem,
//! writing them back atomically under the ledger's write lock while keeping
//! comments, key order and unknown columns.

// `Problem` is the error value of the readers; boxing it would buy nothing.
#![allow(clippy::result_large_err)]

pub mod bulletins;
pub mod cache;
pub mod csv_merge;
pub mod csv_text;
pub mod excel;
pub mod funds;
pub mod git;
pub mod ledger;
pub mod ledger_csv;
pub mod meetings;
pub mod problem;
pub mod procedures_file;
pub mod project_file;
pub mod settings_file;
pub mod sheet;
pub mod toml_merge;
pub mod tomldoc;
pub mod validate;
pub mod write;

pub use ledger::{Ledger, LoadedProject};
pub use problem::Problem;
