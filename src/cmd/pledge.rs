//! `taizhang pledge`: a procedure is granted on a commitment (容缺受理 /
//! 告知承诺), with the commitment's kind, deadline and missing items. The
//! rule is `model::transition::pledge`.

use super::record::transition;
use super::{Ctx, Output, date_arg, event_date};
use crate::cli::PledgeArgs;
use crate::model::transition;
use anyhow::{Result, anyhow};

pub fn run(ctx: &Ctx, a: &PledgeArgs) -> Result<Output> {
    let due_text = a
        .due
        .as_deref()
        .ok_or_else(|| anyhow!(tr!(PledgeNeedsDue)))?;
    let kind = a.kind.ok_or_else(|| anyhow!(tr!(PledgeNeedsKind)))?;
    let items = a
        .items
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| anyhow!(tr!(PledgeNeedsItems)))?;
    let due = date_arg("--due", due_text)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    transition(ctx, "pledge", &a.id, &a.procedure, |_, row| {
        transition::pledge(row, ctx.today, date, kind, due, items)
    })
}
