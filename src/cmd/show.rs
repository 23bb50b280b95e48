//! `taizhang show ID`: one project with its procedures, status, task force,
//! dates and pledges. ID may be a word of the project's name (or of its ID
//! or owner) that only one project holds.

use super::{Ctx, Output};
use crate::cli::ShowArgs;
use crate::model::ProjectId;
use crate::report::labels::pick;
use crate::report::{Format, list, render};
use crate::store::Ledger;
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &ShowArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let id = find_project(&ledger, &a.id)?;
    let lp = ledger.load_project(&id)?;
    let lp = match &ctx.taskforce {
        None => lp,
        Some(key) => {
            let tf = ctx
                .taskforce_of(&ledger.settings)?
                .expect("--taskforce given");
            super::cut_to_taskforce(lp, &tf)
                .ok_or_else(|| anyhow!(tr!(NoProceduresOfTaskforce, id = id, key = key)))?
        }
    };
    let lp = match ctx.authority_of(&ledger.settings)? {
        None => lp,
        Some(a) => super::cut_to_authority(lp, &ledger.settings, &a)
            .ok_or_else(|| anyhow::anyhow!(tr!(NothingOfAuthority, id = id, authority = a)))?,
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
            format!(
                "{}\n{}",
                detail.header(lang),
                ctx.fit(&table, Format::Table)
            )
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
            text.push_str(&ctx.fit(&t, ctx.format));
        }
    }
    Ok(Output::ok(text))
}

/// The project `text` names: an ID of the ledger, else the one project
/// whose ID, name or owner holds `text`; several are listed, none gets the
/// closest names.
fn find_project(ledger: &Ledger, text: &str) -> Result<ProjectId> {
    let t = text.trim();
    if let Ok(id) = ProjectId::parse(t)
        && ledger.project_dir(&id).is_dir()
    {
        return Ok(id);
    }
    let names = ledger.project_names();
    let hits: Vec<&(String, String, Option<String>)> = names
        .iter()
        .filter(|(id, name, owner)| {
            !t.is_empty()
                && (id.contains(t)
                    || name.contains(t)
                    || owner.as_deref().is_some_and(|o| o.contains(t)))
        })
        .collect();
    match hits.as_slice() {
        [(id, _, _)] => ProjectId::parse(id).map_err(|e| anyhow!(e)),
        // A word that is no ID and no name: an ASCII one is reported as a
        // bad ID (it may be a path), a Chinese one as an unknown project.
        [] if t.is_ascii() => ProjectId::parse(t)
            .map_err(|e| anyhow!(e))
            .and_then(|_| bail!(ledger.unknown_project(t))),
        [] => bail!(ledger.unknown_project(t)),
        many => {
            let mut msg = tr!(ManyProjectsMatch, text = t, count = many.len());
            for (id, name, _) in many {
                msg.push_str(&format!("\n  {id}  {name}"));
            }
            bail!(msg)
        }
    }
}
