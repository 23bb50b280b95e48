//! `taizhang start`: works started (开工).

use super::record::edit;
use super::{Ctx, Output, event_date};
use crate::cli::StartArgs;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &StartArgs) -> Result<Output> {
    edit(ctx, "start", &a.id, |_, id, _, project, _| {
        let date = event_date("--date", a.date.as_deref(), ctx.today)?;
        if let Some(d) = project.started {
            bail!("{id} already started on {d}; edit project.toml to correct it");
        }
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
