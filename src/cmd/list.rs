//! `taizhang list`: the projects with their procedure counts.

use super::{Ctx, Output};
use crate::report::list;
use anyhow::Result;

pub fn run(ctx: &Ctx) -> Result<Output> {
    let today = ctx.today;
    let (ledger, projects) = ctx.map_projects(|s, lp| list::summary(s, &lp, today))?;
    let report = list::ListReport {
        as_of: ctx.today,
        projects,
    };
    let lang = ctx.lang(&ledger.settings);
    Ok(ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang)))
}
