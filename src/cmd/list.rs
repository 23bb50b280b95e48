//! `taizhang list`: the projects with their procedure counts.

use super::{Ctx, Output};
use crate::report::list;
use crate::store::Ledger;
use anyhow::Result;

/// The project list `list` and `export list` print.
pub(super) fn list_report(ctx: &Ctx) -> Result<(Ledger, list::ListReport)> {
    let today = ctx.today;
    let (ledger, projects) = ctx.map_projects(|s, lp| list::summary(s, &lp, today))?;
    Ok((
        ledger,
        list::ListReport {
            as_of: today,
            projects,
        },
    ))
}

pub fn run(ctx: &Ctx) -> Result<Output> {
    let (ledger, report) = list_report(ctx)?;
    let lang = ctx.lang(&ledger.settings);
    ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang))
}
