//! `taizhang start`: works started (开工): the project becomes `building`
//! (see `model::stage`). Works started while procedures are neither
//! obtained nor pledged (未批先建) is recorded all the same, with a warning.

use super::record::edit;
use super::{Ctx, Output, event_date};
use crate::cli::StartArgs;
use crate::model::{stage, transition};
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &StartArgs) -> Result<Output> {
    edit(ctx, "start", &a.id, |_, id, _, project, table| {
        let date = event_date("--date", a.date.as_deref(), ctx.today)?;
        if let Some(d) = project.started {
            bail!(tr!(AlreadyStarted, id = id, date = d));
        }
        stage::start(&project.stage(), date, ctx.today)
            .map_err(|e| anyhow!(tr!(OfProject, id = id, text = e)))?;
        project.started = Some(date);
        let plan = match project.planned_start {
            Some(p) if date > p => tr!(AfterPlannedStart, n = (date - p).num_days(), planned = p),
            _ => String::new(),
        };
        let missing: Vec<String> = transition::not_ready_on(&table.rows, date)
            .into_iter()
            .map(|r| r.name.to_string())
            .collect();
        let warn = if missing.is_empty() {
            String::new()
        } else {
            format!(
                "\n{}{}",
                tr!(WarningPrefix),
                tr!(
                    StartedUnready,
                    n = missing.len(),
                    date = date,
                    list = missing.join("、")
                )
            )
        };
        Ok(tr!(Started, id = id, date = date, plan = plan, warn = warn))
    })
}
