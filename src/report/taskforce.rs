//! The per-task-force table (手续办理调度台账): for each task force, its
//! procedures over all projects: total needed, obtained, pledged, pending
//! and overdue (pending past the due date or a pledge past its deadline),
//! with the authorities (审批部门) that issue them, over the projects still
//! preparing or building.

use super::Table;
use super::labels::pick;
use super::overdue::{self, Kind};
use crate::model::{Date, Lang, Settings, Status};
use crate::store::LoadedProject;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    pub taskforce: String,
    pub name: String,
    pub lead_unit: String,
    /// The leader on duty (带班领导), when ledger.toml names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// The authorities that issue the task force's procedures (审批部门),
    /// in catalogue order.
    pub authorities: Vec<String>,
    pub total: usize,
    pub obtained: usize,
    pub pledged: usize,
    pub pending: usize,
    pub overdue: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub taskforces: Vec<Row>,
    pub total: Row,
}

pub fn build(settings: &Settings, projects: &[LoadedProject], today: Date) -> Report {
    Report::sum(
        settings,
        today,
        projects.iter().map(|lp| rows(settings, lp, today)),
    )
}

/// One project's counts, a row per task force in settings order; all zero
/// for a project completed, producing, suspended or cancelled, whose
/// procedures no task force is pushing any more.
pub fn rows(settings: &Settings, lp: &LoadedProject, today: Date) -> Vec<Row> {
    let mut rows: Vec<Row> = settings
        .taskforces
        .iter()
        .map(|t| Row {
            taskforce: t.key.clone(),
            ..Row::default()
        })
        .collect();
    if !lp.project.stage().stage.is_active() {
        return rows;
    }
    for p in lp.procedures() {
        let Some(row) = rows.iter_mut().find(|r| r.taskforce == p.taskforce) else {
            continue;
        };
        match p.status {
            Status::NotNeeded => continue,
            Status::Obtained => row.obtained += 1,
            Status::Pledged => row.pledged += 1,
            Status::Pending => row.pending += 1,
        }
        row.total += 1;
    }
    for i in overdue::items(settings, lp, today)
        .iter()
        .filter(|i| matches!(i.kind, Kind::Pledge | Kind::Procedure))
    {
        if let Some(row) = rows.iter_mut().find(|r| *r.taskforce == *i.taskforce) {
            row.overdue += 1;
        }
    }
    rows
}

impl Report {
    /// The report of per-project `rows`, added up by task force.
    pub fn sum(
        settings: &Settings,
        today: Date,
        per_project: impl IntoIterator<Item = Vec<Row>>,
    ) -> Report {
        let mut rows: Vec<Row> = settings
            .taskforces
            .iter()
            .map(|t| Row {
                taskforce: t.key.clone(),
                name: t.name.clone(),
                lead_unit: t.lead.clone(),
                leader: t.leader.clone(),
                authorities: authorities(settings, &t.key),
                ..Row::default()
            })
            .collect();
        for project in per_project {
            for (row, add) in rows.iter_mut().zip(project) {
                row.add(&add);
            }
        }
        let mut total = Row::default();
        for r in &rows {
            total.add(r);
        }
        Report {
            as_of: today,
            taskforces: rows,
            total,
        }
    }
}

/// Per-task-force counts added up as projects are read, from any thread:
/// a report over a province keeps one row per task force, not one per
/// task force and project.
#[derive(Default)]
pub struct Tally(std::sync::Mutex<Vec<Row>>);

impl Tally {
    /// Adds one project's `rows`.
    pub fn add(&self, rows: Vec<Row>) {
        let mut sum = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if sum.is_empty() {
            *sum = rows;
        } else {
            for (s, r) in sum.iter_mut().zip(&rows) {
                s.add(r);
            }
        }
    }

    /// The report of every project added.
    pub fn report(self, settings: &Settings, today: Date) -> Report {
        let rows = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        Report::sum(settings, today, [rows])
    }
}

/// The authorities issuing the catalogue procedures of task force `key`.
fn authorities(settings: &Settings, key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in settings.catalogue.iter().filter(|c| c.taskforce == key) {
        let a = settings.authority(&c.key, key).name.to_string();
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

impl Row {
    fn add(&mut self, other: &Row) {
        self.total += other.total;
        self.obtained += other.obtained;
        self.pledged += other.pledged;
        self.pending += other.pending;
        self.overdue += other.overdue;
    }
}

impl Report {
    pub fn table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "task force", "专班"),
            pick(lang, "lead unit", "牵头单位"),
            pick(lang, "issuing authorities", "审批部门"),
            pick(lang, "procedures", "手续总数"),
            pick(lang, "obtained", "已办结"),
            pick(lang, "pledged", "容缺/承诺"),
            pick(lang, "pending", "待办"),
            pick(lang, "overdue", "逾期"),
        ])
        .numeric(&[3, 4, 5, 6, 7]);
        // The 合计 row is the total.
        t.no_total = true;
        // The leader on duty, when ledger.toml names any.
        let leaders = self.taskforces.iter().any(|r| r.leader.is_some());
        if leaders {
            t.headers
                .insert(2, pick(lang, "leader on duty", "带班领导").to_string());
            t.numeric = t.numeric.iter().map(|c| c + 1).collect();
        }
        let total_label = pick(lang, "total", "合计").to_string();
        for r in self.taskforces.iter().chain([&self.total]) {
            let (name, lead) = if r.taskforce.is_empty() {
                (total_label.clone(), String::new())
            } else {
                (r.name.clone(), r.lead_unit.clone())
            };
            let mut row = vec![
                name,
                lead,
                r.authorities.join(pick(lang, ", ", "、")),
                r.total.to_string(),
                r.obtained.to_string(),
                r.pledged.to_string(),
                r.pending.to_string(),
                r.overdue.to_string(),
            ];
            if leaders {
                row.insert(2, r.leader.clone().unwrap_or_default());
            }
            t.push(row);
        }
        t
    }
}
