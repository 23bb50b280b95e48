//! `taizhang apply`: records the day a procedure was applied for (申报/受理)
//! and sets its due date (时间节点) from the catalogue's time limit counted
//! from that day, in calendar or working days (`model::transition::apply`);
//! the limit is the one for the project's facts (`model::tasklist`).

use super::record::edit;
use super::{Ctx, Output, event_date, procedure_row};
use crate::cli::ApplyArgs;
use crate::model::settings::Limit;
use crate::model::{tasklist, transition};
use anyhow::{Result, anyhow};
use chrono::Datelike;

pub fn run(ctx: &Ctx, a: &ApplyArgs) -> Result<Output> {
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    edit(ctx, "apply", &a.id, |ledger, id, lp, _, table| {
        let s = &ledger.settings;
        let i = procedure_row(s, table, id, &a.procedure)?;
        // The limit for this project's facts (e.g. an EIA table: 30 days).
        let limit = tasklist::limit_for(s, &lp.project.kind, &lp.project.facts, &table.rows[i].key);
        let (new, applied) = transition::apply(&table.rows[i], ctx.today, date, limit, &s.calendar)
            .map_err(|why| anyhow!(tr!(OfProject, id = id, text = why)))?;
        let due = match (limit, new.due) {
            (Some(l), Some(due)) => {
                let days = match l {
                    Limit::Days(n) => {
                        let end = date + chrono::Days::new(n.into());
                        if end == due {
                            tr!(CalendarDays, n = n)
                        } else {
                            tr!(CalendarDaysRest, n = n, end = end)
                        }
                    }
                    Limit::WorkingDays(n) => tr!(WorkingDays, n = n),
                };
                let warn = if matches!(l, Limit::WorkingDays(_)) && !s.calendar.covers(due.year()) {
                    format!(
                        "\n{}{}",
                        tr!(WarningPrefix),
                        tr!(CalendarNotCovering, year = due.year())
                    )
                } else {
                    String::new()
                };
                tr!(DueByDays, due = due, days = days, warn = warn)
            }
            _ => tr!(NoLimit),
        };
        table.rows[i] = new;
        table.sync(i);
        Ok(format!("{id}: {applied}{due}\n"))
    })
}
