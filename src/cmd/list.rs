//! `taizhang list`: the projects with their stage and procedure counts,
//! or only those `--stage`, `--township`, `--type` and `--search` keep.

use super::{Ctx, Output};
use crate::model::Lang;
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
        match lang {
            Lang::En => format!("No project is {}.\n", names.join(" or ")),
            Lang::Zh => format!("没有{}阶段的项目。\n", names.join("、")),
        }
    };
    ctx.render(report, |r| r.table(lang), empty)
}
