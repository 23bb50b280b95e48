//! Views of the ledger: each report builds a plain value (serialisable as
//! the documented JSON) and a `Table` of labelled rows, which `render` turns
//! into a terminal table, CSV or Markdown.

pub mod bulletin;
pub mod bulletin_doc;
pub mod decisions;
pub mod docx;
pub mod html;
pub mod json;
pub mod labels;
pub mod ledger_sheet;
pub mod list;
pub mod overdue;
pub mod part;
pub mod problems;
pub mod render;
pub mod skipped;
pub mod slow;
pub mod sort;
pub mod taskforce;
pub mod weekly;
pub mod weekly_more;
pub mod xlsx;

pub use render::{Format, Table, Tint};
