//! `taizhang plan`: a project's annual planned investment (年度计划投资) for
//! one year, written into `[annual_plan]` of project.toml.

use super::{Ctx, Output, amount_arg, project_id};
use crate::cli::PlanArgs;
use anyhow::{Result, anyhow};

pub fn run(ctx: &Ctx, a: &PlanArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let year = a
        .year
        .parse::<i32>()
        .ok()
        .filter(|y| a.year.len() == 4 && a.year.bytes().all(|b| b.is_ascii_digit()) && *y >= 1900)
        .ok_or_else(|| anyhow!(tr!(BadYear, text = a.year)))?;
    let amount = amount_arg("--amount", &a.amount)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let mut project = lp.project.clone();
    let old = project.annual_plan.insert(year, amount);
    let files = ledger.save(Some(&lp), &id, &project, None)?;
    ctx.commit(&ledger, &files, &format!("plan {id} {year} {amount}"));
    let was = match old {
        Some(o) if o != amount => tr!(Was, old = o),
        Some(_) => tr!(Unchanged),
        None => String::new(),
    };
    Ok(Output::ok(tr!(
        PlanSet,
        id = id,
        year = year,
        amount = amount,
        was = was
    )))
}
