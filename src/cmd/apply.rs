//! `taizhang apply`: records the day a procedure was applied for (申报/受理)
//! and sets its due date (时间节点) from the catalogue's time limit counted
//! from that day, in calendar or working days (`model::transition::apply`).

use super::record::transition;
use super::{Ctx, Output, event_date};
use crate::cli::ApplyArgs;
use crate::model::settings::Limit;
use crate::model::transition;
use anyhow::Result;
use chrono::Datelike;

pub fn run(ctx: &Ctx, a: &ApplyArgs) -> Result<Output> {
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    transition(ctx, "apply", &a.id, &a.procedure, |s, row| {
        let limit = s.procedure(&row.key).and_then(|c| c.limit);
        let (new, applied) = transition::apply(row, ctx.today, date, limit, &s.calendar)?;
        let due = match (limit, new.due) {
            (Some(l), Some(due)) => {
                let days = match l {
                    Limit::Days(n) => tr!(CalendarDays, n = n),
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
        Ok((new, format!("{applied}{due}")))
    })
}
