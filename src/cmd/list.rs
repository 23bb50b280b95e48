//! `taizhang list`: the projects with their stage and procedure counts,
//! or only those at the stages `--stage` names.

use super::{Ctx, Output};
use crate::cli::ListArgs;
use crate::model::{Lang, Stage};
use crate::report::{labels, list};
use crate::store::Ledger;
use anyhow::{Result, anyhow};

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

pub fn run(ctx: &Ctx, a: &ListArgs) -> Result<Output> {
    let stages = a
        .stage
        .iter()
        .map(|t| Stage::parse(t).map_err(|e| anyhow!("--stage: {e}")))
        .collect::<Result<Vec<_>>>()?;
    let (ledger, mut report) = list_report(ctx)?;
    if !stages.is_empty() {
        report.projects.retain(|p| stages.contains(&p.stage.stage));
    }
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
    Ok(ctx.render(report, |r| r.table(lang), empty))
}
