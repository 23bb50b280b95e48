//! The integration tests: one binary that drives the real `taizhang` in
//! temporary ledgers. `support` holds the small builder every case uses;
//! each other module covers one area.

mod support;

mod core;
mod reliability;
