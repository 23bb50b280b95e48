//! The decisions of the dispatch meetings (调度会议定事项) with their
//! responsible unit, due day and state as of today (open, overdue by N
//! days, carried out), tracked to closure like problems.

use super::Table;
use super::labels::pick;
use super::problems::state_label;
use crate::model::meeting::Meeting;
use crate::model::{Date, Lang};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The ledger of the meeting, in a roll-up over several ledgers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    /// The day of the meeting (its file is meetings/<meeting>.toml).
    pub meeting: Date,
    pub meeting_title: String,
    pub no: u32,
    pub what: String,
    pub unit: String,
    pub due: Date,
    pub project: Option<String>,
    pub resolved: Option<Date>,
    pub how: String,
    pub open: bool,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub decisions: Vec<Item>,
}

/// The decisions of `meetings` as of `today` (open ones only when `only_open`).
pub fn items(
    ledger: Option<&str>,
    meetings: &[Meeting],
    today: Date,
    only_open: bool,
) -> Vec<Item> {
    meetings
        .iter()
        .filter(|m| m.date <= today)
        .flat_map(|m| {
            m.decisions.iter().map(move |d| Item {
                ledger: ledger.map(str::to_string),
                meeting: m.date,
                meeting_title: m.title.clone(),
                no: d.no,
                what: d.what.clone(),
                unit: d.unit.clone(),
                due: d.due,
                project: d.project.clone(),
                resolved: d.resolved.filter(|r| *r <= today),
                how: if d.open_on(today) {
                    String::new()
                } else {
                    d.how.clone()
                },
                open: d.open_on(today),
                days_overdue: d.days_overdue(today),
            })
        })
        .filter(|i| !only_open || i.open)
        .collect()
}

impl Report {
    /// The report of `decisions`, by ledger, meeting and number.
    pub fn new(as_of: Date, mut decisions: Vec<Item>) -> Report {
        decisions.sort_by(|a, b| (&a.ledger, a.meeting, a.no).cmp(&(&b.ledger, b.meeting, b.no)));
        Report { as_of, decisions }
    }

    pub fn table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "meeting", "会议日期"),
            pick(lang, "no.", "序号"),
            pick(lang, "decision", "议定事项"),
            pick(lang, "responsible unit", "责任单位"),
            pick(lang, "project", "项目"),
            pick(lang, "due", "完成时限"),
            pick(lang, "state", "状态"),
            pick(lang, "done", "完成日期"),
            pick(lang, "how", "落实情况"),
        ])
        .numeric(&[1]);
        for d in &self.decisions {
            t.push(vec![
                d.meeting.to_string(),
                d.no.to_string(),
                d.what.clone(),
                d.unit.clone(),
                d.project.clone().unwrap_or_default(),
                d.due.to_string(),
                state_label(d.open, d.days_overdue, lang),
                d.resolved.map(|r| r.to_string()).unwrap_or_default(),
                d.how.clone(),
            ]);
        }
        let ledgers: Vec<Option<String>> =
            self.decisions.iter().map(|d| d.ledger.clone()).collect();
        super::labels::ledger_column(t, &ledgers, lang)
    }

    pub fn empty_line(&self, lang: Lang) -> String {
        tr_in!(lang, DecisionsNone, date = self.as_of)
    }
}
