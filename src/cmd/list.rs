//! `taizhang list`: the projects with their procedure counts.

use super::{Ctx, Output};
use crate::report::list;
use anyhow::Result;

pub fn run(ctx: &Ctx) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let s = &ledger.settings;
    let projects = ledger.map_projects(|lp| list::summary(s, &lp, ctx.today))?;
    let report = list::ListReport {
        as_of: ctx.today,
        projects,
    };
    let lang = ctx.lang(s);
    Ok(ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang)))
}
