//! `taizhang list`: the projects with their procedure counts.

use super::{Ctx, Output};
use crate::report::list;
use anyhow::Result;

pub fn run(ctx: &Ctx) -> Result<Output> {
    let (ledger, projects) = ctx.load_report()?;
    let lang = ctx.lang(&ledger.settings);
    let report = list::build(&ledger.settings, &projects, ctx.today);
    Ok(Output::ok(ctx.render(
        &report,
        report.table(lang),
        report.empty_line(lang),
    )))
}
