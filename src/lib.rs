//! taizhang (台账): a command-line ledger over plain files for the clerks who
//! push a county's major investment projects through their pre-construction
//! procedures. `cli` parses, `cmd` runs one command each, `model` holds the
//! types and rules, `store` reads and writes the files, `report` builds and
//! renders views.

#[macro_use]
pub mod msg;
pub mod cli;
pub mod cmd;
pub mod help_zh;
pub mod memory;
pub mod model;
pub mod progress;
pub mod report;
pub mod store;
