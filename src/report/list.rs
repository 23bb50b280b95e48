//! The project list (项目清单) with counts of procedures by status, and the
//! detail of one project with its task list (任务清单).

use super::Table;
use super::labels::{pick, taskforce_with_lead};
use super::overdue;
use crate::model::funds::{self, FundTotals};
use crate::model::{
    Amount, Date, FundEntry, Lang, People, Procedure, ProgressEntry, Settings, Stage, Status,
};
use crate::store::LoadedProject;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub total: usize,
    pub obtained: usize,
    pub pledged: usize,
    pub pending: usize,
    pub not_needed: usize,
    /// Pledges not yet made good (any deadline).
    pub open_pledges: usize,
    /// Overdue items of the project (see `report overdue`).
    pub overdue: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The ledger of the project, in a roll-up over several ledgers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub type_name: String,
    pub owner: Option<String>,
    pub township: Option<String>,
    pub code: Option<String>,
    pub investment: Option<Amount>,
    pub opened: Date,
    pub planned_start: Option<Date>,
    pub started: Option<Date>,
    /// Where the project stands (项目阶段): stage, since when, why.
    pub stage: crate::model::stage::Current,
    pub procedures: Counts,
    /// Who answers for the project (absent when nobody is recorded).
    #[serde(skip_serializing_if = "People::is_empty")]
    pub people: People,
    /// Funds planned, received and paid (万元; absent without funds.csv entries).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funds: Option<FundTotals>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ListReport {
    pub as_of: Date,
    pub projects: Vec<Summary>,
}

pub fn counts(rows: &[Procedure], overdue: usize) -> Counts {
    let mut c = Counts {
        total: rows.len(),
        overdue,
        ..Counts::default()
    };
    for r in rows {
        match r.status {
            Status::Obtained => c.obtained += 1,
            Status::Pledged => c.pledged += 1,
            Status::Pending => c.pending += 1,
            Status::NotNeeded => c.not_needed += 1,
        }
        c.open_pledges += usize::from(r.open_pledge());
    }
    c
}

pub fn summary(settings: &Settings, lp: &LoadedProject, today: Date) -> Summary {
    let p = &lp.project;
    let overdue = overdue::build(settings, std::slice::from_ref(lp), today)
        .items
        .len();
    Summary {
        ledger: lp.ledger.clone(),
        project: lp.id.clone(),
        name: p.name.clone(),
        kind: p.kind.clone(),
        type_name: settings
            .project_type(&p.kind)
            .map(|t| t.name.clone())
            .unwrap_or_default(),
        owner: p.owner.clone(),
        township: p.township.clone(),
        code: p.code.clone(),
        investment: p.investment,
        opened: p.opened,
        planned_start: p.planned_start,
        started: p.started,
        stage: p.stage(),
        procedures: counts(lp.procedures(), overdue),
        people: p.people.clone(),
        funds: (!lp.funds.is_empty()).then(|| funds::totals(&lp.funds)),
    }
}

pub fn build(settings: &Settings, projects: &[LoadedProject], today: Date) -> ListReport {
    ListReport {
        as_of: today,
        projects: projects
            .iter()
            .map(|lp| summary(settings, lp, today))
            .collect(),
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

impl ListReport {
    pub fn table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "project", "项目"),
            pick(lang, "name", "项目名称"),
            pick(lang, "type", "类型"),
            pick(lang, "township", "乡镇"),
            pick(lang, "investment (万元)", "总投资(万元)"),
            pick(lang, "planned start", "计划开工"),
            pick(lang, "started", "开工日期"),
            pick(lang, "stage", "阶段"),
            pick(lang, "done", "已办"),
            pick(lang, "needed", "应办"),
            pick(lang, "pledged", "容缺承诺"),
            pick(lang, "pending", "待办"),
            pick(lang, "overdue", "逾期"),
        ])
        .numeric(&[4, 8, 9, 10, 11, 12])
        .keep(&[0, 1, 8, 9, 12]);
        // Funds columns, when any project keeps a funds ledger.
        let with_funds = self.projects.iter().any(|s| s.funds.is_some());
        if with_funds {
            t.headers.extend(
                [
                    pick(lang, "received (万元)", "资金到位(万元)"),
                    pick(lang, "paid (万元)", "资金支付(万元)"),
                    pick(lang, "paid of received", "支付率"),
                ]
                .map(String::from),
            );
            let n = t.headers.len() - 3;
            t.numeric.extend([n, n + 1, n + 2]);
        }
        for s in &self.projects {
            let c = &s.procedures;
            let mut row = vec![
                s.project.clone(),
                s.name.clone(),
                if s.type_name.is_empty() {
                    s.kind.clone()
                } else {
                    s.type_name.clone()
                },
                opt(&s.township),
                opt(&s.investment),
                opt(&s.planned_start),
                opt(&s.started),
                super::labels::stage(lang, s.stage.stage).to_string(),
                (c.obtained + c.pledged).to_string(),
                (c.total - c.not_needed).to_string(),
                c.pledged.to_string(),
                c.pending.to_string(),
                c.overdue.to_string(),
            ];
            if with_funds {
                let f = s.funds.unwrap_or_default();
                row.extend([
                    f.received.to_string(),
                    f.paid.to_string(),
                    if s.funds.is_some() {
                        format!("{}%", f.paid_percent())
                    } else {
                        String::new()
                    },
                ]);
            }
            t.push(row);
        }
        let ledgers: Vec<Option<String>> = self.projects.iter().map(|p| p.ledger.clone()).collect();
        super::labels::ledger_column(t, &ledgers, lang)
    }

    pub fn empty_line(&self, lang: Lang) -> String {
        pick(
            lang,
            "No projects yet: open one with `taizhang open`.\n",
            "暂无项目：用 `taizhang open` 登记项目。\n",
        )
        .to_string()
    }
}

/// One procedure row of `show`: the row, the authority that issues it
/// and why it is on the task list.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    #[serde(flatten)]
    pub procedure: Procedure,
    /// The issuing authority (审批部门); the task force's lead unit when
    /// the catalogue names none.
    pub authority: String,
    pub authority_level: Option<crate::model::facts::Level>,
    /// Why it is on the list (e.g. "化工 + 危化"), and why it is waived;
    /// "added by hand" when the catalogue's conditions do not list it.
    pub reason: String,
}

/// The facts of a project as `show` prints and `--format json` gives them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FactsView {
    pub land: Option<crate::model::facts::Land>,
    pub investment_nature: Option<crate::model::facts::Nature>,
    pub hazchem: Option<bool>,
    pub eia: Option<crate::model::facts::EiaClass>,
    pub relics_found: Option<bool>,
    pub zone: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Detail {
    pub as_of: Date,
    pub project: Summary,
    pub facts: FactsView,
    /// The development zone's name, with its key.
    #[serde(skip)]
    pub zone_name: Option<String>,
    pub procedures: Vec<Row>,
    /// Annual planned investment by year ("2024": "12000").
    pub annual_plan: std::collections::BTreeMap<String, Amount>,
    pub progress: Vec<ProgressEntry>,
    pub problems: Vec<super::problems::Item>,
    /// The funds ledger's entries, by date.
    pub funds: Vec<FundEntry>,
    /// Funds by source (万元), in the order of `[funds] sources`.
    pub funds_by_source: Vec<SourceTotals>,
    /// The site visits, by date.
    pub visits: Vec<crate::store::funds::Visit>,
    /// Every change of stage (`[[stages]]`), in the order recorded.
    pub stages: Vec<crate::model::StageEntry>,
}

/// Funds of one source of one project.
#[derive(Debug, Clone, Serialize)]
pub struct SourceTotals {
    pub source: String,
    #[serde(flatten)]
    pub totals: FundTotals,
}

pub fn detail(settings: &Settings, lp: &LoadedProject, today: Date, lang: Lang) -> Detail {
    let f = &lp.project.facts;
    let derived = crate::model::tasklist::derive(settings, &lp.project.kind, f);
    let procedures = lp
        .procedures()
        .iter()
        .map(|p| {
            let a = settings.authority(&p.key, &p.taskforce);
            let reason = match derived.iter().find(|d| d.key == p.key) {
                Some(d) => d.reason(lang),
                None if p.status == Status::NotNeeded => pick(
                    lang,
                    "not called for by the project's type and facts",
                    "按项目类型和情况无需办理",
                )
                .to_string(),
                None => pick(lang, "added by hand", "手工添加").to_string(),
            };
            Row {
                procedure: p.clone(),
                authority: a.name.to_string(),
                authority_level: a.level,
                reason,
            }
        })
        .collect();
    Detail {
        as_of: today,
        project: summary(settings, lp, today),
        zone_name: f.zone.as_ref().map(|z| match settings.zone(z) {
            Some(zone) => format!("{} ({z})", zone.name),
            None => z.clone(),
        }),
        facts: FactsView {
            land: f.land,
            investment_nature: f.nature,
            hazchem: f.hazchem,
            eia: f.eia,
            relics_found: f.relics_found,
            zone: f.zone.clone(),
        },
        procedures,
        annual_plan: lp
            .project
            .annual_plan
            .iter()
            .map(|(y, a)| (y.to_string(), *a))
            .collect(),
        progress: lp.progress.clone(),
        problems: super::problems::build(settings, std::slice::from_ref(lp), today, false).problems,
        funds: lp.funds.clone(),
        funds_by_source: funds::by_source(&lp.funds, &settings.funds.sources)
            .into_iter()
            .map(|(source, totals)| SourceTotals { source, totals })
            .collect(),
        visits: lp.visits.clone(),
        stages: lp.project.stages.clone(),
    }
}

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Pending => pick(lang, "pending", "待办"),
        Status::Obtained => pick(lang, "obtained", "已办结"),
        Status::Pledged => pick(lang, "pledged", "容缺/承诺"),
        Status::NotNeeded => pick(lang, "not needed", "无需办理"),
    }
}

impl Detail {
    /// The project's facts as `label: value` lines.
    pub fn header(&self, lang: Lang) -> String {
        let s = &self.project;
        let mut lines: Vec<(String, String)> = vec![
            (
                pick(lang, "project", "项目").to_string(),
                format!("{} {}", s.project, s.name),
            ),
            (
                pick(lang, "type", "类型").to_string(),
                format!("{} ({})", s.type_name, s.kind),
            ),
        ];
        let optional = [
            (pick(lang, "owner", "项目单位"), opt(&s.owner)),
            (pick(lang, "township", "乡镇"), opt(&s.township)),
            (pick(lang, "project code", "项目代码"), opt(&s.code)),
            (
                pick(lang, "investment (万元)", "总投资(万元)"),
                opt(&s.investment),
            ),
            (
                pick(lang, "leader in charge", "包联县领导"),
                opt(&s.people.leader),
            ),
            (
                pick(lang, "responsible unit", "责任单位"),
                opt(&s.people.unit),
            ),
            (
                pick(lang, "responsible person", "责任人"),
                join_phone(&s.people.person, &s.people.person_phone),
            ),
            (
                pick(lang, "owner's contact", "项目单位联系人"),
                join_phone(&s.people.contact, &s.people.contact_phone),
            ),
        ];
        lines.extend(
            optional
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(l, v)| (l.to_string(), v)),
        );
        lines.push((
            pick(lang, "opened", "登记日期").to_string(),
            s.opened.to_string(),
        ));
        lines.push((
            pick(lang, "planned start", "计划开工").to_string(),
            s.planned_start.map_or_else(
                || pick(lang, "not set", "未定").to_string(),
                |d| d.to_string(),
            ),
        ));
        let f = &self.facts;
        let yes_no = |b: bool| {
            pick(
                lang,
                if b { "yes" } else { "no" },
                if b { "是" } else { "否" },
            )
        };
        let facts = [
            (
                pick(lang, "land supply", "供地方式"),
                f.land.map(|v| v.label(lang).to_string()),
            ),
            (
                pick(lang, "investment nature", "投资性质"),
                f.investment_nature.map(|v| v.label(lang).to_string()),
            ),
            (
                pick(lang, "hazardous chemicals", "危化"),
                f.hazchem.map(|b| yes_no(b).to_string()),
            ),
            (
                pick(lang, "EIA category", "环评类别"),
                f.eia.map(|v| v.label(lang).to_string()),
            ),
            (
                pick(lang, "relics found", "发现文物"),
                f.relics_found.map(|b| yes_no(b).to_string()),
            ),
            (
                pick(lang, "development zone", "开发区"),
                self.zone_name.clone(),
            ),
        ];
        lines.extend(
            facts
                .into_iter()
                .filter_map(|(l, v)| v.map(|v| (l.to_string(), v))),
        );
        for (year, amount) in &self.annual_plan {
            let label = match lang {
                Lang::En => format!("plan {year} (万元)"),
                Lang::Zh => format!("{year}年计划投资(万元)"),
            };
            lines.push((label, amount.to_string()));
        }
        lines.push((
            pick(lang, "started", "开工日期").to_string(),
            s.started.map_or_else(
                || pick(lang, "not started", "未开工").to_string(),
                |d| d.to_string(),
            ),
        ));
        let st = &s.stage;
        let mut stage = super::labels::stage(lang, st.stage).to_string();
        if let Some(d) = st.since.filter(|_| st.stage != Stage::Building) {
            stage.push_str(&match lang {
                Lang::En => format!(" since {d}"),
                Lang::Zh => format!("（{d}起）"),
            });
        }
        if let Some(r) = &st.reason {
            stage.push_str(&match lang {
                Lang::En => format!(": {r}"),
                Lang::Zh => format!("：{r}"),
            });
        }
        lines.push((pick(lang, "stage", "阶段").to_string(), stage));
        let width = lines
            .iter()
            .map(|(l, _)| display_width(l))
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (label, value) in lines {
            let pad = width - display_width(&label);
            let line = format!("{label}{:pad$}  {value}", "");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The procedure rows, with why each is on the list. With
    /// `for_reading` (not CSV), a pending procedure past its due date is
    /// marked overdue (逾期) and an open pledge past its deadline expired
    /// (已过期), both tinted red, as `report overdue` counts them, and the
    /// pledge-due cell of an extended pledge (延期) says so and from when;
    /// without it every date cell holds a date only, as `export procedures`
    /// writes it.
    pub fn table(&self, settings: &Settings, lang: Lang, for_reading: bool) -> Table {
        let mut headers = procedure_headers(lang);
        headers.push(pick(lang, "why on the list", "列入依据"));
        let mut t = Table::new(&headers).keep(&[1, STATUS_CELL, DUE_CELL, PLEDGE_DUE_CELL]);
        // On a narrow terminal the dates, the authority and the document
        // number stay longest.
        t.drop_order = vec![14, 13, 12, 5, 2, 11, 9, 8, 3, 0];
        let today = self.as_of;
        for r in &self.procedures {
            let mut cells = procedure_cells(settings, &r.procedure, lang);
            let p = &r.procedure;
            let late = |due: Option<Date>| {
                due.map(|d| crate::model::date::days_past(d, today))
                    .filter(|&n| n > 0)
            };
            let overdue = late(p.due).filter(|_| for_reading && p.status == Status::Pending);
            let expired = late(p.pledge_due).filter(|_| for_reading && p.open_pledge());
            if for_reading {
                cells[PLEDGE_DUE_CELL].push_str(&super::labels::extended(&r.procedure, lang));
            }
            if let Some(n) = overdue {
                cells[STATUS_CELL] =
                    tr_in!(lang, CellOverdueDays, cell = cells[STATUS_CELL], days = n);
            }
            if let Some(n) = expired {
                cells[PLEDGE_DUE_CELL] = tr_in!(
                    lang,
                    CellExpiredDays,
                    cell = cells[PLEDGE_DUE_CELL],
                    days = n
                );
            }
            cells.push(r.reason.clone());
            t.push(cells);
            if overdue.is_some() {
                t.tint_last(STATUS_CELL, super::Tint::Red);
            }
            if expired.is_some() {
                t.tint_last(PLEDGE_DUE_CELL, super::Tint::Red);
            }
        }
        t
    }
}

/// Index of the pledge-due cell in `procedure_cells`.
const PLEDGE_DUE_CELL: usize = 10;
/// Index of the status cell in `procedure_cells`.
const STATUS_CELL: usize = 4;
/// Index of the due-date cell in `procedure_cells`.
const DUE_CELL: usize = 6;

/// The headers of a procedure row as `show` and `export procedures` print it.
pub fn procedure_headers(lang: Lang) -> Vec<&'static str> {
    vec![
        pick(lang, "procedure", "手续"),
        pick(lang, "name", "名称"),
        pick(lang, "task force (lead unit)", "专班(牵头单位)"),
        pick(lang, "issuing authority", "审批部门"),
        pick(lang, "status", "状态"),
        pick(lang, "applied", "申报日期"),
        pick(lang, "due", "时间节点"),
        pick(lang, "obtained", "办结日期"),
        pick(lang, "document no.", "批复文号"),
        pick(lang, "pledge", "承诺方式"),
        pick(lang, "pledge due", "承诺时限"),
        pick(lang, "missing items", "承诺补齐事项"),
        pick(lang, "fulfilled", "兑现日期"),
        pick(lang, "note", "备注"),
    ]
}

/// The cells of one procedure row, under `procedure_headers`.
pub fn procedure_cells(settings: &Settings, r: &Procedure, lang: Lang) -> Vec<String> {
    vec![
        r.key.to_string(),
        r.name.to_string(),
        taskforce_with_lead(settings, &r.taskforce),
        super::labels::authority(settings, &r.key, &r.taskforce, lang),
        status_label(r.status, lang).to_string(),
        opt(&r.applied),
        opt(&r.due),
        opt(&r.obtained),
        r.doc_no.clone(),
        r.pledge_kind
            .map(|k| k.label(lang))
            .unwrap_or_default()
            .to_string(),
        opt(&r.pledge_due),
        r.missing_items.clone(),
        opt(&r.fulfilled),
        r.note.clone(),
    ]
}

/// "张伟 13903931234", either part alone, or "".
fn join_phone(name: &Option<String>, phone: &Option<String>) -> String {
    [name, phone]
        .iter()
        .filter_map(|v| v.as_deref())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Detail {
    /// Funds by source as a table, with a total row.
    pub fn funds_table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "source", "资金来源"),
            pick(lang, "planned (万元)", "计划(万元)"),
            pick(lang, "received (万元)", "到位(万元)"),
            pick(lang, "paid (万元)", "支付(万元)"),
            pick(lang, "paid of received", "支付率"),
        ])
        .numeric(&[1, 2, 3, 4]);
        let row = |name: String, f: &FundTotals| {
            vec![
                name,
                f.planned.to_string(),
                f.received.to_string(),
                f.paid.to_string(),
                format!("{}%", f.paid_percent()),
            ]
        };
        for s in &self.funds_by_source {
            t.push(row(s.source.clone(), &s.totals));
        }
        if !self.funds_by_source.is_empty() {
            t.push(row(
                pick(lang, "total", "合计").to_string(),
                &funds::totals(&self.funds),
            ));
        }
        t
    }

    /// The site visits as a table.
    pub fn visits_table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "date", "日期"),
            pick(lang, "team", "督导组"),
            pick(lang, "findings", "发现问题"),
            pick(lang, "problem no.", "问题序号"),
        ]);
        for v in &self.visits {
            t.push(vec![
                v.date.to_string(),
                v.by.clone(),
                v.findings.clone(),
                opt(&v.problem),
            ]);
        }
        t
    }

    /// The progress ledger as a table.
    pub fn progress_table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "date", "日期"),
            pick(lang, "invested to date (万元)", "累计完成投资(万元)"),
            pick(lang, "physical progress", "形象进度"),
        ])
        .numeric(&[1]);
        for e in &self.progress {
            t.push(vec![
                e.date.to_string(),
                e.invested.to_string(),
                e.note.clone(),
            ]);
        }
        t
    }

    /// The stage history as a table: the start of works, then each change.
    pub fn stages_table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "date", "日期"),
            pick(lang, "stage", "阶段"),
            pick(lang, "note", "说明"),
        ]);
        if self.stages.is_empty() {
            return t;
        }
        let mut rows: Vec<(Date, bool, Vec<String>)> = self
            .stages
            .iter()
            .map(|e| {
                let row = vec![
                    e.date.to_string(),
                    super::labels::stage(lang, e.stage).to_string(),
                    e.reason.clone().unwrap_or_default(),
                ];
                (e.date, true, row)
            })
            .collect();
        if let Some(s) = self.project.started {
            let row = vec![
                s.to_string(),
                super::labels::stage(lang, Stage::Building).to_string(),
                pick(lang, "works started", "开工").to_string(),
            ];
            rows.push((s, false, row));
        }
        rows.sort_by_key(|(d, change, _)| (*d, *change));
        for (_, _, row) in rows {
            t.push(row);
        }
        t
    }

    /// The problem ledger as a table.
    pub fn problems_table(&self, lang: Lang) -> Table {
        super::problems::Report {
            as_of: self.as_of,
            problems: self.problems.clone(),
        }
        .table(lang)
    }
}

/// Terminal width of a label: CJK characters take two cells.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells `show` marks are where the headers say.
    #[test]
    fn marked_cells_match_the_headers() {
        let h = procedure_headers(Lang::En);
        assert_eq!(h[STATUS_CELL], "status");
        assert_eq!(h[DUE_CELL], "due");
        assert_eq!(h[PLEDGE_DUE_CELL], "pledge due");
    }
}
