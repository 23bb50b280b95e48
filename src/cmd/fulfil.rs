//! `taizhang fulfil`: a commitment is made good — the missing items were
//! supplied — and the procedure counts as obtained: on the pledge day under
//! 告知承诺, on the fulfil day under 容缺受理 (`model::transition::fulfil`).

use super::record::transition;
use super::{Ctx, Output, event_date};
use crate::cli::FulfilArgs;
use crate::model::transition;
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &FulfilArgs) -> Result<Output> {
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    transition(ctx, "fulfil", &a.id, &a.procedure, |_, row| {
        transition::fulfil(row, ctx.today, date)
    })
}
