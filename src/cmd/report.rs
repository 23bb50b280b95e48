//! `taizhang report overdue|slow`: the supervision task force's views.

use super::{Ctx, Output};
use crate::cli::SlowArgs;
use crate::report::{overdue, slow};
use anyhow::Result;

pub fn overdue(ctx: &Ctx) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let projects = ledger.load_all()?;
    let lang = ctx.lang(&ledger.settings);
    let report = overdue::build(&ledger.settings, &projects, ctx.today);
    Ok(Output::ok(ctx.render(
        &report,
        report.table(&ledger.settings, lang),
        report.empty_line(lang),
    )))
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
