//! `taizhang fulfil`: a commitment is made good — the missing items were
//! supplied — and the procedure counts as obtained.

use super::record::{edit, label};
use super::{Ctx, Output, event_date, procedure_row};
use crate::cli::FulfilArgs;
use crate::model::Status;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &FulfilArgs) -> Result<Output> {
    edit(ctx, "fulfil", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        if !row.open_pledge() {
            bail!(
                "{id}: {} has no open pledge to fulfil (status {})",
                label(row),
                row.status.key()
            );
        }
        if let Some(p) = row.pledged
            && date < p
        {
            bail!("--date: {date} is before the pledge was accepted ({p})");
        }
        row.fulfilled = Some(date);
        row.status = Status::Obtained;
        if row.obtained.is_none() {
            row.obtained = Some(date);
        }
        let late = row
            .pledge_due
            .filter(|d| date > *d)
            .map(|d| format!(" ({} days after the deadline {d})", (date - d).num_days()));
        table.sync(i);
        let row = &table.rows[i];
        Ok(format!(
            "{id}: pledge on {} fulfilled on {date}{}\n",
            label(row),
            late.unwrap_or_default()
        ))
    })
}
