//! `taizhang pledge`: a procedure is granted on a commitment (容缺受理 /
//! 告知承诺), with the commitment's kind, deadline and missing items.

use super::record::{edit, label, refuse_done};
use super::{Ctx, Output, date_arg, event_date, procedure_row};
use crate::cli::PledgeArgs;
use crate::model::Status;
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &PledgeArgs) -> Result<Output> {
    let due_text = a.due.as_deref().ok_or_else(|| {
        anyhow!("a pledge needs its deadline: give --due DATE, the last day to supply what is missing (承诺时限)")
    })?;
    let kind = a.kind.ok_or_else(|| {
        anyhow!(
            "a pledge needs its kind: give --kind tolerance (容缺受理) or --kind notify (告知承诺)"
        )
    })?;
    let items = a
        .items
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            anyhow!("a pledge needs what is promised: give --items TEXT (承诺补齐事项)")
        })?;
    let due = date_arg("--due", due_text)?;
    edit(ctx, "pledge", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if row.status == Status::Pledged {
            bail!(
                "{id}: {} is already pledged ({}, due {}); fulfil it or edit procedures.csv",
                label(row),
                row.pledge_kind.map_or("", |k| k.key()),
                row.pledge_due.map_or(String::new(), |d| d.to_string())
            );
        }
        if due < date {
            bail!("--due: the deadline {due} is before the pledge date {date}");
        }
        row.status = Status::Pledged;
        row.pledge_kind = Some(kind);
        row.pledged = Some(date);
        row.pledge_due = Some(due);
        row.missing_items = items.to_string();
        table.sync(i);
        let row = &table.rows[i];
        Ok(format!(
            "{id}: {} granted on a commitment ({}) on {date}; missing items due by {due}\n",
            label(row),
            kind.key()
        ))
    })
}
