//! `taizhang show ID`: one project with its procedures, status, task force,
//! dates and pledges.

use super::{Ctx, Output, project_id};
use crate::cli::ShowArgs;
use crate::report::labels::pick;
use crate::report::{Format, list, render};
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &ShowArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let id = project_id(&a.id)?;
    let lp = ledger.load_project(&id)?;
    let lp = match &ctx.taskforce {
        None => lp,
        Some(key) => {
            let tf = ctx
                .taskforce_of(&ledger.settings)?
                .expect("--taskforce given");
            super::cut_to_taskforce(lp, &tf)
                .ok_or_else(|| anyhow::anyhow!("{id} has no procedures of task force {key}"))?
        }
    };
    let lp = match ctx.authority_of(&ledger.settings)? {
        None => lp,
        Some(a) => super::cut_to_authority(lp, &ledger.settings, &a).ok_or_else(|| {
            anyhow::anyhow!("{id} has no procedures or problems of authority {a}")
        })?,
    };
    let lang = ctx.lang(&ledger.settings);
    let detail = list::detail(&ledger.settings, &lp, ctx.today, lang);
    let table = detail.table(&ledger.settings, lang, ctx.format != Format::Csv);
    let mut text = match ctx.format {
        Format::Json => render::json(&detail),
        Format::Csv => table.render(Format::Csv),
        Format::Markdown => format!(
            "## {} {}\n\n{}",
            detail.project.project,
            detail.project.name,
            table.render(Format::Markdown)
        ),
        Format::Table | Format::Html | Format::Docx => {
            format!("{}\n{}", detail.header(lang), table.render(Format::Table))
        }
    };
    if matches!(ctx.format, Format::Table | Format::Markdown) {
        let sections = [
            (
                pick(lang, "Stages", "项目阶段变化"),
                detail.stages_table(lang),
            ),
            (
                pick(lang, "Progress ledger", "进度台账"),
                detail.progress_table(lang),
            ),
            (
                pick(lang, "Problem ledger", "问题台账"),
                detail.problems_table(lang),
            ),
            (
                pick(lang, "Funds by source", "资金到位和支付（按来源）"),
                detail.funds_table(lang),
            ),
            (
                pick(lang, "Site visits", "现场督导"),
                detail.visits_table(lang),
            ),
        ];
        for (title, t) in sections.into_iter().filter(|(_, t)| !t.rows.is_empty()) {
            match ctx.format {
                Format::Markdown => text.push_str(&format!("\n### {title}\n\n")),
                _ => text.push_str(&format!("\n{title}\n")),
            }
            text.push_str(&t.render(ctx.format));
        }
    }
    Ok(Output::ok(text))
}
