//! `taizhang due`: the date by which a procedure should be obtained
//! (时间节点).

use super::record::{edit, label, refuse_done};
use super::{Ctx, Output, date_arg, procedure_row};
use crate::cli::DueArgs;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &DueArgs) -> Result<Output> {
    let date = date_arg("DATE", &a.date)?;
    edit(ctx, "due", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if date < lp.project.opened {
            bail!(
                "DATE: {date} is before the project was opened ({})",
                lp.project.opened
            );
        }
        row.due = Some(date);
        table.sync(i);
        let row = &table.rows[i];
        Ok(format!("{id}: {} due by {date}\n", label(row)))
    })
}
