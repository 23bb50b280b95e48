//! `taizhang pledge`: a procedure is granted on a commitment (容缺受理 /
//! 告知承诺), with the commitment's kind, deadline and missing items. The
//! rule is `model::transition::pledge`.

use super::record::transition;
use super::{Ctx, Output, date_arg, event_date};
use crate::cli::PledgeArgs;
use crate::model::transition;
use anyhow::{Result, anyhow};

pub fn run(ctx: &Ctx, a: &PledgeArgs) -> Result<Output> {
    let due_text = a.due.as_deref().ok_or_else(|| {
        anyhow!("a pledge needs its deadline: give --due DATE, the last day to supply what is missing (承诺时限)")
    })?;
    let kind = a.kind.ok_or_else(|| {
        anyhow!(
            "a pledge needs its kind: give --kind tolerance (容缺受理) or --kind notify (告知承诺)"
        )
    })?;
    let items = a
        .items
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            anyhow!("a pledge needs what is promised: give --items TEXT (承诺补齐事项)")
        })?;
    let due = date_arg("--due", due_text)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    transition(ctx, "pledge", &a.id, &a.procedure, |_, row| {
        transition::pledge(row, ctx.today, date, kind, due, items)
    })
}
