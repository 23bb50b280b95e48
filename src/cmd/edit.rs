//! `taizhang edit`: corrects fields of a procedure row in its current state
//! (a wrong date, document number, deadline, missing items or note). The
//! rule, which refuses a field that makes no sense in the state, is
//! `model::transition::edit`.

use super::record::transition;
use super::{Ctx, Output, date_arg};
use crate::cli::EditArgs;
use crate::model::transition::{self, Fields};
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &EditArgs) -> Result<Output> {
    let date = |flag: &str, v: &Option<String>| v.as_deref().map(|t| date_arg(flag, t)).transpose();
    let fields = Fields {
        date: date("--date", &a.date)?,
        doc: a.doc.as_deref(),
        applied: date("--applied", &a.applied)?,
        due: date("--due", &a.due)?,
        items: a.items.as_deref(),
        note: a.note.as_deref(),
    };
    transition(ctx, "edit", &a.id, &a.procedure, |s, row| {
        let limit = s.procedure(&row.key).and_then(|c| c.limit);
        transition::edit(row, ctx.today, fields, limit, &s.calendar)
    })
}
