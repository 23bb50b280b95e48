//! `taizhang apply`: records the day a procedure was applied for (申报/受理)
//! and sets its due date (时间节点) from the catalogue's time limit counted
//! from that day, in calendar or working days.

use super::record::{edit, label, refuse_done};
use super::{Ctx, Output, event_date, procedure_row};
use crate::cli::ApplyArgs;
use crate::model::Status;
use crate::model::settings::Limit;
use anyhow::{Result, bail};
use chrono::Datelike;

pub fn run(ctx: &Ctx, a: &ApplyArgs) -> Result<Output> {
    edit(ctx, "apply", &a.id, |ledger, id, lp, _, table| {
        let s = &ledger.settings;
        let i = procedure_row(s, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if row.status == Status::Pledged {
            bail!(
                "{id}: {} is already granted on a commitment; nothing to apply for",
                label(row)
            );
        }
        if let Some(d) = row.applied {
            bail!(
                "{id}: {} was already applied for on {d}; edit procedures.csv to correct it",
                label(row)
            );
        }
        row.applied = Some(date);
        // The limit for this project's facts (e.g. an EIA table: 30 days).
        let limit = crate::model::tasklist::derive(s, &lp.project.kind, &lp.project.facts)
            .into_iter()
            .find(|d| d.key == row.key)
            .and_then(|d| d.limit)
            .or_else(|| s.procedure(&row.key).and_then(|c| c.limit));
        if let Some(l) = limit {
            row.due = Some(l.due_from(date, &s.calendar));
        }
        table.sync(i);
        let row = &table.rows[i];
        let due = match (limit, row.due) {
            (Some(l), Some(due)) => {
                let days = match l {
                    Limit::Days(n) => {
                        let end = date + chrono::Days::new(n.into());
                        if end == due {
                            format!("{n} calendar days")
                        } else {
                            format!(
                                "{n} calendar days; {end} is a rest day, so the next working day"
                            )
                        }
                    }
                    Limit::WorkingDays(n) => format!("{n} working days"),
                };
                let warn = if matches!(l, Limit::WorkingDays(_)) && !s.calendar.covers(due.year()) {
                    format!(
                        "\nwarning: the working-day calendar does not cover {}; count holidays by hand or add them under [calendar] in ledger.toml",
                        due.year()
                    )
                } else {
                    String::new()
                };
                format!("; due by {due} ({days}){warn}")
            }
            _ => "; the catalogue sets no time limit: set the due date with `taizhang due`"
                .to_string(),
        };
        Ok(format!("{id}: {} applied for on {date}{due}\n", label(row)))
    })
}
