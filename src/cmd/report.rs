//! `taizhang report overdue|slow`: the supervision task force's views.

use super::{Ctx, Output};
use crate::cli::{OverdueArgs, SlowArgs};
use crate::report::{overdue, slow};
use anyhow::Result;

/// Exit status of `report overdue --exit-code` when anything is overdue.
pub const OVERDUE_EXIT: u8 = 3;

pub fn overdue(ctx: &Ctx, a: &OverdueArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let s = &ledger.settings;
    let items = ledger.map_projects(|lp| overdue::items(s, &lp, ctx.today))?;
    let report = overdue::Report::new(ctx.today, items.into_iter().flatten().collect());
    let code = if a.exit_code && !report.items.is_empty() {
        OVERDUE_EXIT
    } else {
        0
    };
    let lang = ctx.lang(s);
    let out = ctx.render(report, |r| r.table(s, lang), |r| r.empty_line(lang));
    Ok(Output { code, ..out })
}

pub fn slow(ctx: &Ctx, a: &SlowArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let s = &ledger.settings;
    let lang = ctx.lang(s);
    let lights = ledger.map_projects(|lp| slow::light(s, &lp, ctx.today, lang))?;
    let report = slow::Report::new(ctx.today, lights, a.all);
    Ok(ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang)))
}
