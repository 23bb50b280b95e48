//! Dispatch meetings (调度会) and their decisions (议定事项): each decision
//! names what is to be done, the responsible unit, the day it is due and,
//! optionally, the project; it is tracked to closure like a problem,
//! resolved with how it was done.

use super::Date;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub date: Date,
    pub title: String,
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Numbered 1, 2, 3… per meeting.
    pub no: u32,
    pub what: String,
    /// The responsible unit (责任单位).
    pub unit: String,
    pub due: Date,
    /// The project the decision concerns, if any.
    pub project: Option<String>,
    pub resolved: Option<Date>,
    pub how: String,
}

impl Decision {
    /// Open on `today`: not resolved by then.
    pub fn open_on(&self, today: Date) -> bool {
        self.resolved.is_none_or(|r| r > today)
    }

    /// Days past its due day on `today` while open (0: not overdue).
    pub fn days_overdue(&self, today: Date) -> i64 {
        if self.open_on(today) {
            super::date::days_past(self.due, today).max(0)
        } else {
            0
        }
    }
}

impl Meeting {
    /// The meeting as it stood at the end of `day`: `None` when held
    /// later; resolutions dated later undone.
    pub fn as_of(mut self, day: Date) -> Option<Meeting> {
        if self.date > day {
            return None;
        }
        for d in &mut self.decisions {
            if d.resolved.is_some_and(|r| r > day) {
                d.resolved = None;
                d.how.clear();
            }
        }
        Some(self)
    }
}
