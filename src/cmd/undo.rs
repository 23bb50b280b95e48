//! `taizhang undo`: a procedure row back to pending (撤销), for a tick,
//! pledge or application recorded by mistake. The rule is
//! `model::transition::undo`.

use super::record::transition;
use super::{Ctx, Output};
use crate::cli::UndoArgs;
use crate::model::transition;
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &UndoArgs) -> Result<Output> {
    transition(ctx, "undo", &a.id, &a.procedure, |_, row| {
        transition::undo(row, a.reason.as_deref())
    })
}
