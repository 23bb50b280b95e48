//! The problem list (问题清单): every problem of the problem ledgers with its
//! responsible unit, time limit and state as of today (open, overdue by N
//! days, resolved).

use super::Table;
use super::labels::pick;
use crate::model::{Date, Lang};
use crate::store::LoadedProject;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The ledger of the project, in a roll-up over several ledgers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    pub no: u32,
    pub what: String,
    pub unit: String,
    pub limit: Date,
    pub opened: Date,
    pub resolved: Option<Date>,
    pub how: String,
    pub open: bool,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub problems: Vec<Item>,
}

pub fn build(projects: &[LoadedProject], today: Date, only_open: bool) -> Report {
    Report::new(
        today,
        projects
            .iter()
            .flat_map(|lp| items(lp, today, only_open))
            .collect(),
    )
}

/// One project's problems as of `today` (open ones only when `only_open`).
pub fn items(lp: &LoadedProject, today: Date, only_open: bool) -> Vec<Item> {
    lp.problems
        .iter()
        .filter(|p| p.opened <= today && (!only_open || p.open_on(today)))
        .map(|p| Item {
            ledger: lp.ledger.clone(),
            project: lp.id.clone(),
            project_name: lp.project.name.clone(),
            no: p.no,
            what: p.what.clone(),
            unit: p.unit.clone(),
            limit: p.limit,
            opened: p.opened,
            resolved: p.resolved.filter(|r| *r <= today),
            how: p.how.clone(),
            open: p.open_on(today),
            days_overdue: p.days_overdue(today),
        })
        .collect()
}

impl Report {
    /// The report of `problems`, by ledger, project and number.
    pub fn new(as_of: Date, mut problems: Vec<Item>) -> Report {
        problems.sort_by(|a, b| (&a.ledger, &a.project, a.no).cmp(&(&b.ledger, &b.project, b.no)));
        Report { as_of, problems }
    }
}

/// "未解决", "逾期3天" or "已解决" (and the English).
pub fn state_label(open: bool, days_overdue: i64, lang: Lang) -> String {
    match (open, days_overdue, lang) {
        (false, _, _) => pick(lang, "resolved", "已解决").to_string(),
        (true, 0, _) => pick(lang, "open", "未解决").to_string(),
        (true, d, Lang::En) => format!("overdue {d} days"),
        (true, d, Lang::Zh) => format!("逾期{d}天"),
    }
}

impl Report {
    pub fn table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "project", "项目"),
            pick(lang, "no.", "序号"),
            pick(lang, "problem", "问题"),
            pick(lang, "responsible unit", "责任单位"),
            pick(lang, "time limit", "解决时限"),
            pick(lang, "raised", "提出日期"),
            pick(lang, "state", "状态"),
            pick(lang, "resolved", "解决日期"),
            pick(lang, "how", "解决情况"),
        ])
        .numeric(&[1])
        .keep(&[0, 2, 4]);
        for p in &self.problems {
            t.push(vec![
                p.project.clone(),
                p.no.to_string(),
                p.what.clone(),
                p.unit.clone(),
                p.limit.to_string(),
                p.opened.to_string(),
                state_label(p.open, p.days_overdue, lang),
                p.resolved.map(|d| d.to_string()).unwrap_or_default(),
                if p.open { String::new() } else { p.how.clone() },
            ]);
        }
        let ledgers: Vec<Option<String>> = self.problems.iter().map(|p| p.ledger.clone()).collect();
        super::labels::ledger_column(t, &ledgers, lang)
    }

    pub fn empty_line(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("No problems recorded as of {}.\n", self.as_of),
            Lang::Zh => format!("截至{}，无问题记录。\n", self.as_of),
        }
    }
}
