//! `taizhang start`: works started (开工): the project becomes `building`
//! (see `model::stage`).

use super::record::edit;
use super::{Ctx, Output, event_date};
use crate::cli::StartArgs;
use crate::model::stage;
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &StartArgs) -> Result<Output> {
    edit(ctx, "start", &a.id, |_, id, lp, project, _| {
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        if let Some(d) = project.started {
            bail!(
                "{id} already started on {d}; correct the date with `taizhang set {id} --started DATE`"
            );
        }
        stage::start(&project.stage(), date, ctx.today).map_err(|e| anyhow!("{id}: {e}"))?;
        project.started = Some(date);
        let plan = match project.planned_start {
            Some(p) if date > p => format!(
                ", {} days after the planned start {p}",
                (date - p).num_days()
            ),
            _ => String::new(),
        };
        Ok(format!("{id}: works started on {date}{plan}\n"))
    })
}
