//! `taizhang list`: the projects with their stage and procedure counts,
//! or only those `--stage`, `--township`, `--type` and `--search` keep.

use super::{Ctx, Output};
use crate::report::{labels, list};
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
    let stages = ctx.stages()?;
    let (ledger, report) = list_report(ctx)?;
    let lang = ctx.lang(&ledger.settings);
    let empty = |r: &list::ListReport| {
        if stages.is_empty() {
            return r.empty_line(lang);
        }
        let names: Vec<&str> = stages.iter().map(|s| labels::stage(lang, *s)).collect();
        let names = names.join(labels::pick(lang, " or ", "、"));
        tr_in!(lang, NoProjectAtStage, stages = names)
    };
    ctx.render(report, |r| r.table(lang), empty)
}
