//! `taizhang tick`: a procedure is obtained (办结), with its date, document
//! number and a note; ticking a pledged procedure also fulfils its pledge.

use super::record::{edit, label, refuse_done};
use super::{Ctx, Output, event_date, procedure_row};
use crate::cli::TickArgs;
use crate::model::Status;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &TickArgs) -> Result<Output> {
    edit(ctx, "tick", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if let Some(p) = row.pledged
            && date < p
        {
            bail!("--date: {date} is before the pledge was accepted ({p})");
        }
        let was_pledged = row.status == Status::Pledged;
        row.status = Status::Obtained;
        row.obtained = Some(date);
        if was_pledged {
            row.fulfilled = Some(date);
        }
        if let Some(doc) = &a.doc {
            row.doc_no = doc.trim().to_string();
        }
        if let Some(note) = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            row.note = if row.note.is_empty() {
                note.to_string()
            } else {
                format!("{}；{note}", row.note)
            };
        }
        table.sync(i);
        let row = &table.rows[i];
        let pledge = if was_pledged {
            ", pledge fulfilled"
        } else {
            ""
        };
        Ok(format!("{id}: {} obtained on {date}{pledge}\n", label(row)))
    })
}
