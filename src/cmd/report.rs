//! `taizhang report overdue|slow`: the supervision task force's views.

use super::{Ctx, Output};
use crate::cli::{OverdueArgs, SlowArgs};
use crate::report::{overdue, slow};
use anyhow::Result;

/// Exit status of `report overdue --exit-code` when anything is overdue.
pub const OVERDUE_EXIT: u8 = 3;

pub fn overdue(ctx: &Ctx, a: &OverdueArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let projects = ledger.load_all()?;
    let lang = ctx.lang(&ledger.settings);
    let report = overdue::build(&ledger.settings, &projects, ctx.today);
    let text = ctx.render(
        &report,
        report.table(&ledger.settings, lang),
        report.empty_line(lang),
    );
    let code = if a.exit_code && !report.items.is_empty() {
        OVERDUE_EXIT
    } else {
        0
    };
    Ok(Output { text, code })
}

pub fn slow(ctx: &Ctx, a: &SlowArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let projects = ledger.load_all()?;
    let lang = ctx.lang(&ledger.settings);
    let report = slow::build(&ledger.settings, &projects, ctx.today, lang, a.all);
    Ok(Output::ok(ctx.render(
        &report,
        report.table(lang),
        report.empty_line(lang),
    )))
}
