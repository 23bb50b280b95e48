//! `taizhang tick`: a procedure is obtained (办结), with its date, document
//! number and a note; ticking a pledged procedure also fulfils its pledge.
//! The rule is `model::transition::tick`.

use super::record::transition;
use super::{Ctx, Output, event_date};
use crate::cli::TickArgs;
use crate::model::transition;
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &TickArgs) -> Result<Output> {
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    transition(ctx, "tick", &a.id, &a.procedure, |_, row| {
        transition::tick(row, ctx.today, date, a.doc.as_deref(), a.note.as_deref())
    })
}
