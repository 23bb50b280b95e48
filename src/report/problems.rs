//! The problem list (问题清单): every problem of the problem ledgers with its
//! responsible unit, time limit and state as of today (open, overdue by N
//! days, resolved).

use super::Table;
use super::labels::pick;
use crate::model::escalation::{Escalation, Order};
use crate::model::{Date, Lang, Level, Settings};
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
    /// Category (问题类别); "" when not set.
    pub category: String,
    /// The procedure the problem holds up; "" when none.
    pub procedure: String,
    /// The level it is handled at as of the report's day.
    pub level: Level,
    /// Whether the ledger's escalation rule, not a recorded step, put it there.
    pub level_auto: bool,
    /// The recorded steps up.
    pub escalations: Vec<Escalation>,
    /// The supervision order (督办), if any.
    pub order: Option<Order>,
    /// Days the order is past its due day while the problem is open.
    pub order_days_overdue: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub problems: Vec<Item>,
}

pub fn build(
    settings: &Settings,
    projects: &[LoadedProject],
    today: Date,
    only_open: bool,
) -> Report {
    Report::new(
        today,
        projects
            .iter()
            .flat_map(|lp| items(settings, lp, today, only_open))
            .collect(),
    )
}

/// One project's problems as of `today` (open ones only when `only_open`).
pub fn items(settings: &Settings, lp: &LoadedProject, today: Date, only_open: bool) -> Vec<Item> {
    lp.problems
        .iter()
        .filter(|p| p.opened <= today && (!only_open || p.open_on(today)))
        .map(|p| {
            let (level, level_auto) = p.level_on(today, &settings.escalation);
            Item {
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
                category: p.category.clone(),
                procedure: p.procedure.clone(),
                level,
                level_auto,
                escalations: p
                    .escalations
                    .iter()
                    .filter(|e| e.date <= today)
                    .cloned()
                    .collect(),
                order: p.order.clone().filter(|o| o.date <= today),
                order_days_overdue: p.order_days_overdue(today),
            }
        })
        .collect()
}

/// The level as a cell, with the path that led there: "leader (mechanism
/// 2024-02-21, leader 2024-02-25)", "县政府领导（超期自动升级）".
pub fn level_label(item: &Item, lang: Lang) -> String {
    let name = |l: Level| match lang {
        Lang::En => l.key(),
        Lang::Zh => l.name_zh(),
    };
    let mut steps: Vec<String> = item
        .escalations
        .iter()
        .map(|e| tr_in!(lang, ProblemStep, date = e.date, level = name(e.to)))
        .collect();
    if item.level_auto {
        steps.push(pick(lang, "by rule", "超期自动升级").to_string());
    }
    if steps.is_empty() {
        return name(item.level).to_string();
    }
    let sep = pick(lang, ", ", "，");
    tr_in!(
        lang,
        ProblemLevelPath,
        level = name(item.level),
        steps = steps.join(sep)
    )
}

/// "台督〔2024〕12号 due 2024-11-30" with "overdue N days" when it is.
pub fn order_label(order: &Option<Order>, days_overdue: i64, lang: Lang) -> String {
    let Some(o) = order else {
        return String::new();
    };
    match days_overdue {
        0 => tr_in!(lang, ProblemOrder, no = o.no, due = o.due),
        d => tr_in!(lang, ProblemOrderOverdue, no = o.no, due = o.due, days = d),
    }
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
        (true, d, _) => tr_in!(lang, ProblemOverdueDays, days = d),
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
        .numeric(&[1]);
        // The columns of the problem's path appear when the ledger uses them.
        let categories = self.problems.iter().any(|p| !p.category.is_empty());
        let levels = self.problems.iter().any(|p| p.level != Level::Taskforce);
        let orders = self.problems.iter().any(|p| p.order.is_some());
        let mut extra_headers = Vec::new();
        if categories {
            extra_headers.push(pick(lang, "category", "类别"));
        }
        if levels {
            extra_headers.push(pick(lang, "level", "层级"));
        }
        if orders {
            extra_headers.push(pick(lang, "supervision order", "督办"));
        }
        t.headers
            .splice(4..4, extra_headers.iter().map(|h| h.to_string()));
        // Project, problem and time limit stay on a narrow terminal.
        t.keep = vec![0, 2, 4 + extra_headers.len()];
        for p in &self.problems {
            let mut extra = Vec::new();
            if categories {
                extra.push(p.category.clone());
            }
            if levels {
                extra.push(level_label(p, lang));
            }
            if orders {
                extra.push(order_label(&p.order, p.order_days_overdue, lang));
            }
            let mut row = vec![
                p.project.clone(),
                p.no.to_string(),
                p.what.clone(),
                p.unit.clone(),
                p.limit.to_string(),
                p.opened.to_string(),
                state_label(p.open, p.days_overdue, lang),
                p.resolved.map(|d| d.to_string()).unwrap_or_default(),
                if p.open { String::new() } else { p.how.clone() },
            ];
            row.splice(4..4, extra);
            t.push(row);
        }
        let ledgers: Vec<Option<String>> = self.problems.iter().map(|p| p.ledger.clone()).collect();
        super::labels::ledger_column(t, &ledgers, lang)
    }

    pub fn empty_line(&self, lang: Lang) -> String {
        tr_in!(lang, ProblemsNone, date = self.as_of)
    }
}
