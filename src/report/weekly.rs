//! The weekly bulletin (简报) for the county leaders: headline numbers,
//! this week's progress (procedures obtained, projects started, investment
//! entries, projects completed, in production, suspended or cancelled), overdue commitments and problems grouped by responsible unit,
//! the red and yellow lists with reasons, next week's deadlines and the
//! per-task-force table. Computed from the ledger as it stood at the end of
//! the week (or today, if earlier), so a past week's bulletin regenerates
//! exactly. Markdown here; HTML in `html`; JSON from the value.

use super::labels::pick;
use super::overdue::{self, Kind};
use super::{Format, Table, decisions, slow, taskforce, weekly_more};
use crate::model::progress::{invested_this_year, percent, percent_of, year_elapsed};
use crate::model::{Amount, Date, Lang, Settings, Stage, Status};
use crate::store::LoadedProject;
use chrono::{Datelike, Days};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Monday and Sunday of the week holding `day`.
pub fn week(day: Date) -> (Date, Date) {
    let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    (monday, monday + Days::new(6))
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub projects: usize,
    /// Sum of the projects' total investment (万元).
    pub total_investment: Amount,
    pub started: usize,
    pub not_started: usize,
    pub plan_year: i32,
    /// Sum of this year's planned investment (万元).
    pub annual_plan: Amount,
    /// Investment completed this year (万元), over projects with a plan.
    pub invested_this_year: String,
    pub invested_percent: i64,
    /// Share of the year elapsed (时序进度), whole percent.
    pub elapsed_percent: i64,
    /// Projects by stage (preparing, building, completed, producing,
    /// suspended, cancelled), every stage listed.
    pub stages: BTreeMap<Stage, usize>,
}

/// A change of a project's stage during the week (竣工, 投产, 暂缓, 终止,
/// or back after a suspension).
#[derive(Debug, Clone, Serialize)]
pub struct StageChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    pub stage: Stage,
    pub date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Obtained {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    pub procedure: String,
    pub name: String,
    pub taskforce: String,
    pub taskforce_name: String,
    /// The authority that issued it (审批部门).
    pub authority: String,
    pub obtained: Date,
    pub doc_no: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Started {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    pub started: Date,
    pub planned_start: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Investment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    pub date: Date,
    /// Investment completed to date (万元).
    pub invested: Amount,
    /// Added since the entry before (万元).
    pub added: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitGroup {
    pub unit: String,
    pub items: Vec<overdue::Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Upcoming {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub kind: Kind,
    pub project: String,
    pub project_name: String,
    pub item: String,
    pub unit: String,
    pub due: Date,
}

#[derive(Debug, Clone, Serialize)]
pub struct Weekly {
    pub ledger: String,
    pub year: i32,
    /// ISO week number.
    pub week: u32,
    pub week_start: Date,
    pub week_end: Date,
    /// The day the ledger is counted as of: the week's Sunday, or today.
    pub as_of: Date,
    pub headline: Headline,
    pub obtained: Vec<Obtained>,
    pub started: Vec<Started>,
    pub investment: Vec<Investment>,
    /// Changes of stage this week.
    pub stage_changes: Vec<StageChange>,
    /// Overdue commitments (pledges) and problems by responsible unit.
    pub overdue: Vec<UnitGroup>,
    /// Red and yellow projects with their reasons.
    pub lit: Vec<slow::ProjectLight>,
    /// Deadlines falling in the next week.
    pub next_week: Vec<Upcoming>,
    pub taskforces: taskforce::Report,
    /// Open problems taken to the leaders or the mechanism, leaders first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub climbed: Vec<weekly_more::Climbed>,
    /// The decisions of the dispatch meetings held by the as-of day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<decisions::Item>,
    /// Funds by source and the slowest payers (when any are recorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funds: Option<weekly_more::FundsSummary>,
    /// Site visits this week and to date.
    #[serde(skip_serializing_if = "no_visits")]
    pub visits: weekly_more::Visits,
    /// Projects left out because their files cannot be read.
    pub skipped: Vec<crate::store::ledger::Skipped>,
}

fn no_visits(v: &weekly_more::Visits) -> bool {
    v.to_date == 0
}

/// The day the bulletin of the week of `day` counts the ledger as of: the
/// week's Sunday, or today while the week is still running.
pub fn as_of(day: Date, today: Date) -> Date {
    week(day).1.min(today)
}

/// The bulletin of the week of `day`, from `projects` as they stood at
/// `as_of(day, today)` (see `LoadedProject::as_of`).
pub fn build(
    settings: &Settings,
    projects: &[LoadedProject],
    day: Date,
    today: Date,
    lang: Lang,
    decisions: Vec<decisions::Item>,
) -> Weekly {
    let (monday, sunday) = week(day);
    let as_of = as_of(day, today);

    let year = as_of.year();
    let mut plan = Decimal::ZERO;
    let mut invested = Decimal::ZERO;
    for lp in projects {
        if let Some(p) = lp.project.annual_plan.get(&year) {
            plan += p.0;
            invested += invested_this_year(&lp.progress, as_of);
        }
    }
    let (d, n) = year_elapsed(as_of);
    let started_count = projects
        .iter()
        .filter(|lp| lp.project.started.is_some())
        .count();
    let mut stages: BTreeMap<Stage, usize> = Stage::ALL.into_iter().map(|s| (s, 0)).collect();
    for lp in projects {
        *stages.entry(lp.project.stage().stage).or_default() += 1;
    }
    let headline = Headline {
        projects: projects.len(),
        total_investment: Amount::sum(
            projects
                .iter()
                .filter_map(|lp| lp.project.investment.as_ref()),
        ),
        started: started_count,
        not_started: projects.len() - started_count,
        plan_year: year,
        annual_plan: Amount(plan),
        invested_this_year: invested.to_string(),
        invested_percent: percent(invested, plan),
        elapsed_percent: percent_of(d, n),
        stages,
    };

    let InPeriod {
        obtained,
        started,
        investment,
        stage_changes,
    } = in_period(settings, projects, monday, as_of);

    let mut groups: BTreeMap<String, Vec<overdue::Item>> = BTreeMap::new();
    for i in overdue::build(settings, projects, as_of).items {
        if matches!(
            i.kind,
            Kind::Pledge | Kind::Problem | Kind::Order | Kind::Decision
        ) {
            groups.entry(i.authority.to_string()).or_default().push(i);
        }
    }
    let by_id: std::collections::HashMap<(Option<&str>, &str), &LoadedProject> = projects
        .iter()
        .map(|lp| ((lp.ledger.as_deref(), lp.id.as_str()), lp))
        .collect();
    for mut i in overdue::decision_items(&decisions, |_| None) {
        if let Some(lp) = by_id.get(&(i.ledger.as_deref(), &*i.project)) {
            i.project_name = lp.project.name.as_str().into();
        }
        groups.entry(i.lead_unit.to_string()).or_default().push(i);
    }
    // The bulletin names whom to call, phones only when the ledger allows.
    for items in groups.values_mut() {
        for i in items.iter_mut() {
            i.people = by_id
                .get(&(i.ledger.as_deref(), &*i.project))
                .and_then(|lp| weekly_more::people_for_bulletin(settings, &lp.project.people));
        }
        items.sort_by(|a, b| {
            b.days_overdue
                .cmp(&a.days_overdue)
                .then_with(|| (&a.ledger, &a.project, a.kind).cmp(&(&b.ledger, &b.project, b.kind)))
        });
    }
    let overdue = groups
        .into_iter()
        .map(|(unit, items)| UnitGroup { unit, items })
        .collect();

    let lit = slow::build(settings, projects, as_of, lang, false).projects;

    let (next_monday, next_sunday) = week(sunday + Days::new(1));
    let next_week = deadlines(
        settings,
        projects,
        next_monday,
        next_sunday,
        lang,
        &decisions,
    );

    let iso = monday.iso_week();
    Weekly {
        ledger: settings.name.clone(),
        year: iso.year(),
        week: iso.week(),
        week_start: monday,
        week_end: sunday,
        as_of,
        headline,
        obtained,
        started,
        investment,
        stage_changes,
        overdue,
        lit,
        next_week,
        taskforces: taskforce::build(settings, projects, as_of),
        climbed: weekly_more::climbed(settings, projects, as_of),
        decisions,
        funds: weekly_more::funds_summary(settings, projects, monday, as_of),
        visits: weekly_more::visits(projects, monday, as_of),
        skipped: Vec::new(),
    }
}

/// What happened in a period, each list sorted by date.
pub struct InPeriod {
    pub obtained: Vec<Obtained>,
    pub started: Vec<Started>,
    pub investment: Vec<Investment>,
    pub stage_changes: Vec<StageChange>,
}

/// What happened from `from` to `to` (both included): procedures obtained,
/// projects started, progress entries and changes of stage.
pub fn in_period(
    settings: &Settings,
    projects: &[LoadedProject],
    from: Date,
    to: Date,
) -> InPeriod {
    let in_week = |d: Date| from <= d && d <= to;
    let mut obtained = Vec::new();
    let mut started = Vec::new();
    let mut investment = Vec::new();
    let mut stage_changes = Vec::new();
    for lp in projects {
        for e in lp.project.stages.iter().filter(|e| in_week(e.date)) {
            stage_changes.push(StageChange {
                ledger: lp.ledger.clone(),
                project: lp.id.clone(),
                project_name: lp.project.name.clone(),
                stage: e.stage,
                date: e.date,
                reason: e.reason.clone(),
            });
        }
        for p in lp.procedures() {
            // 本周办结 follows the obtained date: under 告知承诺 the
            // approval is issued on the commitment, still open.
            if matches!(p.status, Status::Obtained | Status::Pledged)
                && let Some(o) = p.obtained.filter(|o| in_week(*o))
            {
                obtained.push(Obtained {
                    ledger: lp.ledger.clone(),
                    project: lp.id.clone(),
                    project_name: lp.project.name.clone(),
                    procedure: p.key.to_string(),
                    name: p.name.to_string(),
                    taskforce: p.taskforce.to_string(),
                    taskforce_name: settings
                        .taskforce(&p.taskforce)
                        .map(|t| t.name.clone())
                        .unwrap_or_default(),
                    authority: settings.authority(&p.key, &p.taskforce).name.to_string(),
                    obtained: o,
                    doc_no: p.doc_no.clone(),
                });
            }
        }
        if let Some(s) = lp.project.started.filter(|s| in_week(*s)) {
            started.push(Started {
                ledger: lp.ledger.clone(),
                project: lp.id.clone(),
                project_name: lp.project.name.clone(),
                started: s,
                planned_start: lp.project.planned_start,
            });
        }
        let mut before = Decimal::ZERO;
        for e in &lp.progress {
            if in_week(e.date) {
                investment.push(Investment {
                    ledger: lp.ledger.clone(),
                    project: lp.id.clone(),
                    project_name: lp.project.name.clone(),
                    date: e.date,
                    invested: e.invested,
                    added: (e.invested.0 - before).to_string(),
                    note: e.note.clone(),
                });
            }
            before = e.invested.0;
        }
    }
    obtained.sort_by(|a, b| {
        (a.obtained, &a.ledger, &a.project, &a.procedure).cmp(&(
            b.obtained,
            &b.ledger,
            &b.project,
            &b.procedure,
        ))
    });
    started.sort_by(|a, b| {
        (a.started, &a.ledger, &a.project).cmp(&(b.started, &b.ledger, &b.project))
    });
    investment
        .sort_by(|a, b| (a.date, &a.ledger, &a.project).cmp(&(b.date, &b.ledger, &b.project)));
    stage_changes
        .sort_by(|a, b| (a.date, &a.ledger, &a.project).cmp(&(b.date, &b.ledger, &b.project)));
    InPeriod {
        obtained,
        started,
        investment,
        stage_changes,
    }
}

/// The deadlines falling from `from` to `to` (both included): pending
/// procedures' due dates, open pledges' deadlines, planned starts of
/// projects not started, open problems' time limits and supervision
/// orders, and the open decisions of dispatch meetings, by date; an
/// extended pledge says so in `lang`.
pub fn deadlines(
    settings: &Settings,
    projects: &[LoadedProject],
    from: Date,
    to: Date,
    lang: Lang,
    decisions: &[decisions::Item],
) -> Vec<Upcoming> {
    let next = |d: Date| from <= d && d <= to;
    let mut next_week = Vec::new();
    // Only projects still preparing or building have deadlines to meet.
    for lp in projects
        .iter()
        .filter(|lp| lp.project.stage().stage.is_active())
    {
        let mut push = |kind, item: String, unit: String, due: Date| {
            if next(due) {
                next_week.push(Upcoming {
                    ledger: lp.ledger.clone(),
                    kind,
                    project: lp.id.clone(),
                    project_name: lp.project.name.clone(),
                    item,
                    unit,
                    due,
                });
            }
        };
        let lead = |tf: &str| {
            settings
                .taskforce(tf)
                .map_or(tf.to_string(), |t| t.lead.clone())
        };
        let issuer = |key: &str, tf: &str| settings.authority(key, tf).name.to_string();
        for p in lp.procedures() {
            if p.status == Status::Pending
                && let Some(due) = p.due
            {
                push(
                    Kind::Procedure,
                    p.name.to_string(),
                    issuer(&p.key, &p.taskforce),
                    due,
                );
            }
            if p.open_pledge()
                && let Some(due) = p.pledge_due
            {
                let name = format!("{}{}", p.name, super::labels::extended(p, lang));
                push(Kind::Pledge, name, issuer(&p.key, &p.taskforce), due);
            }
        }
        if lp.project.started.is_none()
            && let Some(plan) = lp.project.planned_start
        {
            push(Kind::Start, "开工".to_string(), lead("supervision"), plan);
        }
        for p in lp.problems.iter().filter(|p| p.resolved.is_none()) {
            push(Kind::Problem, p.what.clone(), p.unit.clone(), p.limit);
            if let Some(o) = &p.order {
                push(
                    Kind::Order,
                    format!("{}（{}）", p.what, o.no),
                    p.unit.clone(),
                    o.due,
                );
            }
        }
    }
    for d in decisions.iter().filter(|d| d.open && next(d.due)) {
        next_week.push(Upcoming {
            ledger: d.ledger.clone(),
            kind: Kind::Decision,
            project: d.project.clone().unwrap_or_default(),
            project_name: d
                .project
                .as_deref()
                .and_then(|id| projects.iter().find(|lp| lp.id == id))
                .map(|lp| lp.project.name.clone())
                .unwrap_or_default(),
            item: d.what.clone(),
            unit: d.unit.clone(),
            due: d.due,
        });
    }
    next_week.sort_by(|a, b| {
        (a.due, &a.ledger, &a.project, a.kind, &a.item)
            .cmp(&(b.due, &b.ledger, &b.project, b.kind, &b.item))
    });

    next_week
}

/// "3. " or "三、": the number of a section.
fn numbered(n: usize, heading: &str, lang: Lang) -> String {
    const ZH: [&str; 12] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    match lang {
        Lang::En => format!("{n}. {heading}"),
        Lang::Zh => format!("{}、{heading}", ZH.get(n - 1).copied().unwrap_or("")),
    }
}

/// The ledger cell of a roll-up, or nothing for a single ledger.
pub(super) fn with_ledger(
    multi: bool,
    ledger: &Option<String>,
    mut row: Vec<String>,
) -> Vec<String> {
    if multi {
        row.insert(0, ledger.clone().unwrap_or_default());
    }
    row
}

pub(super) fn headers(multi: bool, lang: Lang, rest: &[&str]) -> Table {
    let mut h: Vec<&str> = Vec::new();
    if multi {
        h.push(pick(lang, "ledger", "台账"));
    }
    h.extend_from_slice(rest);
    Table::new(&h)
}

impl Weekly {
    fn multi(&self) -> bool {
        self.obtained.iter().any(|i| i.ledger.is_some())
            || self.started.iter().any(|i| i.ledger.is_some())
            || self.investment.iter().any(|i| i.ledger.is_some())
            || self.stage_changes.iter().any(|i| i.ledger.is_some())
            || self.next_week.iter().any(|i| i.ledger.is_some())
            || self.lit.iter().any(|i| i.ledger.is_some())
            || self.decisions.iter().any(|i| i.ledger.is_some())
            || self.climbed.iter().any(|i| i.problem.ledger.is_some())
            || self
                .overdue
                .iter()
                .flat_map(|g| &g.items)
                .any(|i| i.ledger.is_some())
    }

    pub fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "Major projects bulletin, week {} of {}",
                self.week, self.year
            ),
            Lang::Zh => format!("重点项目推进简报（{}年第{}周）", self.year, self.week),
        }
    }

    pub fn subtitle(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "{}: {} to {}, figures as of {}",
                self.ledger, self.week_start, self.week_end, self.as_of
            ),
            Lang::Zh => format!(
                "{}　{}至{}，数据截至{}",
                self.ledger, self.week_start, self.week_end, self.as_of
            ),
        }
    }

    /// The headline numbers as sentences.
    pub fn headline_lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = self.base_headline_lines(lang);
        lines.extend(weekly_more::visits_line(&self.visits, lang));
        if let Some(f) = &self.funds {
            lines.push(weekly_more::funds_line(f, lang));
        }
        lines
    }

    fn base_headline_lines(&self, lang: Lang) -> Vec<String> {
        let h = &self.headline;
        let by_stage: Vec<String> = h
            .stages
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(s, n)| match lang {
                Lang::En => format!("{} {n}", s.key()),
                Lang::Zh => format!("{}{n}个", s.zh()),
            })
            .collect();
        let mut lines = match lang {
            Lang::En => vec![
                format!(
                    "Projects: {}, total investment {} 万元.",
                    h.projects, h.total_investment
                ),
                format!("Started: {}; not started: {}.", h.started, h.not_started),
                format!(
                    "Planned investment {}: {} 万元; completed {} 万元 ({}% of plan), 时序进度 {}%.",
                    h.plan_year,
                    h.annual_plan,
                    h.invested_this_year,
                    h.invested_percent,
                    h.elapsed_percent
                ),
            ],
            Lang::Zh => vec![
                format!(
                    "项目总数{}个，总投资{}万元。",
                    h.projects, h.total_investment
                ),
                format!("已开工{}个，未开工{}个。", h.started, h.not_started),
                format!(
                    "{}年计划投资{}万元，已完成{}万元，完成年度计划{}%，时序进度{}%。",
                    h.plan_year,
                    h.annual_plan,
                    h.invested_this_year,
                    h.invested_percent,
                    h.elapsed_percent
                ),
            ],
        };
        lines.push(match lang {
            Lang::En => format!("By stage: {}.", by_stage.join(", ")),
            Lang::Zh => format!("按阶段：{}。", by_stage.join("，")),
        });
        lines
    }

    /// The bulletin's sections: (heading, tables with optional subheadings, text when empty).
    pub fn sections(&self, lang: Lang) -> Vec<Section> {
        let multi = self.multi();
        let none = pick(lang, "None.", "无。").to_string();

        let mut t = headers(
            multi,
            lang,
            &[
                pick(lang, "obtained", "办结日期"),
                pick(lang, "project", "项目"),
                pick(lang, "name", "项目名称"),
                pick(lang, "procedure", "手续"),
                pick(lang, "issuing authority", "审批部门"),
                pick(lang, "task force", "专班"),
                pick(lang, "document no.", "批复文号"),
            ],
        );
        for i in &self.obtained {
            t.push(with_ledger(
                multi,
                &i.ledger,
                vec![
                    i.obtained.to_string(),
                    i.project.clone(),
                    i.project_name.clone(),
                    i.name.clone(),
                    i.authority.clone(),
                    i.taskforce_name.clone(),
                    i.doc_no.clone(),
                ],
            ));
        }
        let mut s = headers(
            multi,
            lang,
            &[
                pick(lang, "started", "开工日期"),
                pick(lang, "project", "项目"),
                pick(lang, "name", "项目名称"),
                pick(lang, "planned start", "计划开工"),
            ],
        );
        for i in &self.started {
            s.push(with_ledger(
                multi,
                &i.ledger,
                vec![
                    i.started.to_string(),
                    i.project.clone(),
                    i.project_name.clone(),
                    i.planned_start.map(|d| d.to_string()).unwrap_or_default(),
                ],
            ));
        }
        let mut v = headers(
            multi,
            lang,
            &[
                pick(lang, "date", "日期"),
                pick(lang, "project", "项目"),
                pick(lang, "name", "项目名称"),
                pick(lang, "invested to date (万元)", "累计完成投资(万元)"),
                pick(lang, "added (万元)", "新增(万元)"),
                pick(lang, "physical progress", "形象进度"),
            ],
        )
        .numeric(&[3 + usize::from(multi), 4 + usize::from(multi)]);
        for i in &self.investment {
            v.push(with_ledger(
                multi,
                &i.ledger,
                vec![
                    i.date.to_string(),
                    i.project.clone(),
                    i.project_name.clone(),
                    i.invested.to_string(),
                    i.added.clone(),
                    i.note.clone(),
                ],
            ));
        }
        let mut c = headers(
            multi,
            lang,
            &[
                pick(lang, "date", "日期"),
                pick(lang, "project", "项目"),
                pick(lang, "name", "项目名称"),
                pick(lang, "stage", "阶段"),
                pick(lang, "reason", "原因"),
            ],
        );
        for i in &self.stage_changes {
            c.push(with_ledger(
                multi,
                &i.ledger,
                vec![
                    i.date.to_string(),
                    i.project.clone(),
                    i.project_name.clone(),
                    super::labels::stage(lang, i.stage).to_string(),
                    i.reason.clone().unwrap_or_default(),
                ],
            ));
        }
        let progress = Section {
            heading: pick(lang, "This week", "本周进展").to_string(),
            lines: Vec::new(),
            parts: vec![
                (
                    pick(lang, "Procedures obtained", "本周办结手续").to_string(),
                    t,
                ),
                (
                    pick(lang, "Projects started", "本周开工项目").to_string(),
                    s,
                ),
                (
                    pick(lang, "Investment entries", "本周投资进度").to_string(),
                    v,
                ),
                (
                    pick(
                        lang,
                        "Projects completed, in production, suspended or cancelled",
                        "本周竣工、投产、暂缓、终止项目",
                    )
                    .to_string(),
                    c,
                ),
            ],
            empty: none.clone(),
        };

        let mut overdue_parts = Vec::new();
        for g in &self.overdue {
            let mut t = headers(
                multi,
                lang,
                &[
                    pick(lang, "kind", "类别"),
                    pick(lang, "project", "项目"),
                    pick(lang, "name", "项目名称"),
                    pick(lang, "item", "事项"),
                    pick(lang, "due", "时限"),
                    pick(lang, "days overdue", "逾期天数"),
                ],
            )
            .numeric(&[5 + usize::from(multi)]);
            let call = g.items.iter().any(|i| i.people.is_some());
            if call {
                t.headers
                    .push(pick(lang, "whom to call", "责任人/包联领导").to_string());
            }
            for i in &g.items {
                let mut row = vec![
                    i.kind.label(lang).to_string(),
                    i.project.to_string(),
                    i.project_name.to_string(),
                    i.label(lang),
                    i.due.to_string(),
                    i.days_overdue.to_string(),
                ];
                if call {
                    row.push(
                        i.people
                            .as_ref()
                            .map(|p| p.call_line(true, lang == Lang::En))
                            .unwrap_or_default(),
                    );
                }
                t.push(with_ledger(multi, &i.ledger, row));
            }
            let unit = if g.unit.is_empty() {
                "—".to_string()
            } else {
                g.unit.clone()
            };
            overdue_parts.push((unit, t));
        }
        let overdue = Section {
            heading: pick(
                lang,
                "Overdue commitments and problems, by responsible unit",
                "逾期承诺事项和问题（按责任单位）",
            )
            .to_string(),
            lines: Vec::new(),
            parts: overdue_parts,
            empty: none.clone(),
        };

        let mut l = headers(
            multi,
            lang,
            &[
                pick(lang, "light", "亮灯"),
                pick(lang, "project", "项目"),
                pick(lang, "name", "项目名称"),
                pick(lang, "reasons", "原因"),
            ],
        );
        for p in &self.lit {
            let reasons: Vec<&str> = p.reasons.iter().map(|r| r.message.as_str()).collect();
            l.push(with_ledger(
                multi,
                &p.ledger,
                vec![
                    p.light.label(lang).to_string(),
                    p.project.clone(),
                    p.name.clone(),
                    reasons.join(pick(lang, "; ", "；")),
                ],
            ));
        }
        let lit = Section {
            heading: pick(lang, "Red and yellow projects", "红灯、黄灯项目").to_string(),
            lines: Vec::new(),
            parts: vec![(String::new(), l)],
            empty: none.clone(),
        };

        let mut n = headers(
            multi,
            lang,
            &[
                pick(lang, "due", "时限"),
                pick(lang, "kind", "类别"),
                pick(lang, "project", "项目"),
                pick(lang, "name", "项目名称"),
                pick(lang, "item", "事项"),
                pick(lang, "responsible unit", "责任单位"),
            ],
        );
        for i in &self.next_week {
            let kind = match (i.kind, lang) {
                (Kind::Pledge, _) => pick(lang, "pledge deadline", "承诺到期"),
                (Kind::Procedure, _) => pick(lang, "procedure due", "手续到期"),
                (Kind::Start, _) => pick(lang, "planned start", "计划开工"),
                (Kind::Problem, _) => pick(lang, "problem time limit", "问题解决时限"),
                (Kind::Order, _) => pick(lang, "supervision order due", "督办到期"),
                (Kind::Decision, _) => pick(lang, "decision due", "议定事项到期"),
            };
            let item = match (i.kind, lang) {
                (Kind::Start, Lang::En) => "start of works (开工)".to_string(),
                _ => i.item.clone(),
            };
            n.push(with_ledger(
                multi,
                &i.ledger,
                vec![
                    i.due.to_string(),
                    kind.to_string(),
                    i.project.clone(),
                    i.project_name.clone(),
                    item,
                    i.unit.clone(),
                ],
            ));
        }
        let next = Section {
            heading: pick(lang, "Next week's deadlines", "下周重点（到期事项）").to_string(),
            lines: Vec::new(),
            parts: vec![(String::new(), n)],
            empty: none.clone(),
        };

        let tf = Section {
            heading: pick(lang, "Procedures by task force", "各专班手续办理情况").to_string(),
            lines: Vec::new(),
            parts: vec![(String::new(), self.taskforces.table(lang))],
            empty: none.clone(),
        };

        let summary = Section {
            heading: pick(lang, "Overview", "总体情况").to_string(),
            lines: self.headline_lines(lang),
            parts: Vec::new(),
            empty: String::new(),
        };
        let mut all = vec![summary, progress, overdue];
        if !self.climbed.is_empty() {
            all.push(weekly_more::climbed_section(&self.climbed, multi, lang));
        }
        if !self.decisions.is_empty() {
            all.push(weekly_more::decisions_section(&self.decisions, multi, lang));
        }
        all.push(lit);
        if let Some(f) = &self.funds {
            all.push(weekly_more::funds_section(f, multi, lang));
        }
        all.extend([next, tf]);
        for (n, s) in all.iter_mut().enumerate() {
            s.heading = numbered(n + 1, &s.heading, lang);
        }
        all
    }

    /// The bulletin as Markdown, ready to paste.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!("# {}\n\n{}\n", self.title(lang), self.subtitle(lang));
        if let Some(note) = crate::report::skipped::note(lang, &self.skipped) {
            out.push_str(&format!(
                "\n> **{}** {note}\n",
                pick(lang, "Note:", "注意:")
            ));
        }
        for s in self.sections(lang) {
            out.push_str(&format!("\n## {}\n\n", s.heading));
            for l in &s.lines {
                out.push_str(&format!("- {l}\n"));
            }
            if s.lines.is_empty() && s.parts.iter().all(|(_, t)| t.rows.is_empty()) {
                out.push_str(&format!("{}\n", s.empty));
                continue;
            }
            let mut first = s.lines.is_empty();
            for (sub, t) in &s.parts {
                if !first {
                    out.push('\n');
                }
                first = false;
                if !sub.is_empty() {
                    out.push_str(&format!("### {sub}\n\n"));
                }
                if t.rows.is_empty() {
                    out.push_str(&format!("{}\n", s.empty));
                } else {
                    out.push_str(&t.render(Format::Markdown));
                }
            }
        }
        out
    }
}

/// One section of the bulletin.
pub struct Section {
    pub heading: String,
    /// Sentences (the overview).
    pub lines: Vec<String>,
    /// Tables, each under an optional subheading.
    pub parts: Vec<(String, Table)>,
    /// What to print when there is nothing to show.
    pub empty: String,
}
