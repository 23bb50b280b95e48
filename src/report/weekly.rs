//! The weekly bulletin (简报) for the county leaders: headline numbers,
//! this week's progress (procedures obtained, projects started, investment
//! entries, projects completed, in production, suspended or cancelled), overdue commitments and problems grouped by responsible unit,
//! the red and yellow lists with reasons, next week's deadlines and the
//! per-task-force table. Computed from the ledger as it stood at the end of
//! the week (or today, if earlier), so a past week's bulletin regenerates
//! exactly. Markdown here; HTML in `html`; JSON from the value.

use super::labels::pick;
use super::overdue::{self, Kind};
use super::{Format, Table, decisions, part, slow, taskforce, weekly_more};
use crate::model::compact::Text;
use crate::model::progress::{percent, percent_of, year_elapsed};
use crate::model::{Amount, Date, Lang, Settings, Stage};
use crate::store::LoadedProject;
use chrono::{Datelike, Days};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

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
    /// Shared with the project's other rows, the catalogue's and the
    /// settings' texts shared too: a province obtains a hundred thousand
    /// procedures in a month.
    pub project: Arc<str>,
    pub project_name: Arc<str>,
    pub procedure: Text,
    pub name: Text,
    pub taskforce: Text,
    pub taskforce_name: Arc<str>,
    /// The authority that issued it (审批部门).
    pub authority: Arc<str>,
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

/// The days and lists of the bulletin of the week of `day`, for each
/// project's part.
fn spec<'a>(
    settings: &'a Settings,
    day: Date,
    today: Date,
    lang: Lang,
    named: &'a HashSet<String>,
) -> part::Spec<'a> {
    let (monday, sunday) = week(day);
    let (next_monday, next_sunday) = week(sunday + Days::new(1));
    part::Spec {
        settings,
        lang,
        as_of: as_of(day, today),
        from: monday,
        events_from: monday,
        next: (next_monday, next_sunday),
        with_orders: false,
        named,
    }
}

/// What one project brings to the weekly bulletin: its share of the
/// sections it has in common with `report bulletin`, and its overdue
/// pledges, problems and supervision orders.
pub struct Part {
    common: part::Part,
    overdue: Vec<overdue::Item>,
}

/// One project's part of the bulletin of the week of `day`, the project as
/// it stood at `as_of(day, today)` (see `LoadedProject::as_of`); `named`
/// are the projects the meetings' decisions name (`part::named_by`).
pub fn part(
    settings: &Settings,
    lp: &LoadedProject,
    day: Date,
    today: Date,
    lang: Lang,
    named: &HashSet<String>,
) -> Part {
    let spec = spec(settings, day, today, lang, named);
    let light = slow::light(settings, lp, spec.as_of, lang);
    // The bulletin names whom to call, phones only when the ledger allows.
    let mut people = None;
    let overdue = overdue::items(settings, lp, spec.as_of)
        .into_iter()
        .filter(|i| matches!(i.kind, Kind::Pledge | Kind::Problem | Kind::Order))
        .map(|mut i| {
            i.people = people
                .get_or_insert_with(|| {
                    weekly_more::people_for_bulletin(settings, &lp.project.people)
                })
                .clone();
            i
        })
        .collect();
    Part {
        common: part::part(&spec, lp, light.as_ref()),
        overdue,
    }
}

/// The parts of the weekly bulletin, added up as the projects are read.
#[derive(Default)]
pub struct Gather {
    common: part::Gather,
    overdue: Vec<overdue::Item>,
}

impl Gather {
    pub fn add(&mut self, p: Part) {
        self.common.add(p.common);
        self.overdue.extend(p.overdue);
    }
}

/// The headline of the weekly bulletin from the counters of every project.
fn headline(c: &part::Counts, as_of: Date) -> Headline {
    let (d, n) = year_elapsed(as_of);
    Headline {
        projects: c.projects,
        total_investment: Amount(c.total_investment),
        started: c.started,
        not_started: c.projects - c.started,
        plan_year: as_of.year(),
        annual_plan: Amount(c.plan),
        invested_this_year: c.invested.to_string(),
        invested_percent: percent(c.invested, c.plan),
        elapsed_percent: percent_of(d, n),
        stages: c.stages(),
    }
}

/// The bulletin of the week of `day` from every project's part (see
/// `part`) and the decisions of the meetings held by `as_of(day, today)`.
pub fn assemble(
    settings: &Settings,
    parts: Gather,
    day: Date,
    today: Date,
    decisions: Vec<decisions::Item>,
) -> Weekly {
    let (monday, sunday) = week(day);
    let as_of = as_of(day, today);
    let Gather {
        common: all,
        overdue: overdue_items,
    } = parts;

    let mut groups: BTreeMap<String, Vec<overdue::Item>> = BTreeMap::new();
    for i in overdue::Report::new(as_of, overdue_items).items {
        groups.entry(i.authority.to_string()).or_default().push(i);
    }
    for mut i in overdue::decision_items(&decisions, |_| None) {
        let named = all.named_in(&i.ledger, &i.project);
        if let Some(n) = named {
            i.project_name = n.name.as_str().into();
        }
        i.people = named.and_then(|n| n.people.clone());
        groups.entry(i.lead_unit.to_string()).or_default().push(i);
    }
    for items in groups.values_mut() {
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

    let (next_monday, next_sunday) = week(sunday + Days::new(1));
    let mut all = all;
    let upcoming = std::mem::take(&mut all.upcoming);
    let next_week = deadlines(upcoming, &all, (next_monday, next_sunday), &decisions);
    let part::Gather {
        counts,
        mut events,
        lit,
        mut taken_up,
        funds,
        visits,
        tally,
        ..
    } = all;
    events.sort();
    let InPeriod {
        obtained,
        started,
        investment,
        stage_changes,
    } = events;
    weekly_more::sort_taken_up(&mut taken_up);

    let iso = monday.iso_week();
    Weekly {
        ledger: settings.name.clone(),
        year: iso.year(),
        week: iso.week(),
        week_start: monday,
        week_end: sunday,
        as_of,
        headline: headline(&counts, as_of),
        obtained,
        started,
        investment,
        stage_changes,
        overdue,
        lit: slow::Report::new(as_of, lit, false).projects,
        next_week,
        taskforces: tally.report(settings, as_of),
        climbed: taken_up,
        decisions,
        funds: funds
            .summary(&settings.funds.sources)
            .map(|(summary, _)| summary),
        visits,
        skipped: Vec::new(),
    }
}

/// What happened in a period, each list sorted by date (`sort`).
#[derive(Default)]
pub struct InPeriod {
    pub obtained: Vec<Obtained>,
    pub started: Vec<Started>,
    pub investment: Vec<Investment>,
    pub stage_changes: Vec<StageChange>,
}

impl InPeriod {
    pub fn extend(&mut self, other: InPeriod) {
        self.obtained.extend(other.obtained);
        self.started.extend(other.started);
        self.investment.extend(other.investment);
        self.stage_changes.extend(other.stage_changes);
    }

    /// Each list by date, then ledger and project.
    pub fn sort(&mut self) {
        self.obtained.sort_by(|a, b| {
            (a.obtained, &a.ledger, &a.project, &a.procedure).cmp(&(
                b.obtained,
                &b.ledger,
                &b.project,
                &b.procedure,
            ))
        });
        self.started.sort_by(|a, b| {
            (a.started, &a.ledger, &a.project).cmp(&(b.started, &b.ledger, &b.project))
        });
        self.investment
            .sort_by(|a, b| (a.date, &a.ledger, &a.project).cmp(&(b.date, &b.ledger, &b.project)));
        self.stage_changes
            .sort_by(|a, b| (a.date, &a.ledger, &a.project).cmp(&(b.date, &b.ledger, &b.project)));
    }
}

/// The deadlines falling in `next` (both days included): the projects'
/// (`part::deadlines_of`, gathered in `all`) and the open decisions of
/// dispatch meetings, by date.
pub fn deadlines(
    mut next_week: Vec<Upcoming>,
    all: &part::Gather,
    next: (Date, Date),
    decisions: &[decisions::Item],
) -> Vec<Upcoming> {
    for d in decisions
        .iter()
        .filter(|d| d.open && next.0 <= d.due && d.due <= next.1)
    {
        next_week.push(Upcoming {
            ledger: d.ledger.clone(),
            kind: Kind::Decision,
            project: d.project.clone().unwrap_or_default(),
            project_name: d
                .project
                .as_deref()
                .and_then(|id| all.named_any(id))
                .map(|n| n.name.clone())
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
                    i.project.to_string(),
                    i.project_name.to_string(),
                    i.name.to_string(),
                    i.authority.to_string(),
                    i.taskforce_name.to_string(),
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
        let mut out = Vec::new();
        self.write_markdown(lang, &mut out)
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("the bulletin is text")
    }

    /// Writes the bulletin as Markdown (the text of `markdown`) as it is
    /// made, a table at a time, rather than as one string.
    pub fn write_markdown(&self, lang: Lang, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        write!(w, "# {}\n\n{}\n", self.title(lang), self.subtitle(lang))?;
        if let Some(note) = crate::report::skipped::note(lang, &self.skipped) {
            write!(w, "\n> **{}** {note}\n", pick(lang, "Note:", "注意:"))?;
        }
        for s in self.sections(lang) {
            write!(w, "\n## {}\n\n", s.heading)?;
            for l in &s.lines {
                writeln!(w, "- {l}")?;
            }
            if s.lines.is_empty() && s.parts.iter().all(|(_, t)| t.rows.is_empty()) {
                writeln!(w, "{}", s.empty)?;
                continue;
            }
            let mut first = s.lines.is_empty();
            for (sub, t) in &s.parts {
                if !first {
                    writeln!(w)?;
                }
                first = false;
                if !sub.is_empty() {
                    write!(w, "### {sub}\n\n")?;
                }
                if t.rows.is_empty() {
                    writeln!(w, "{}", s.empty)?;
                } else {
                    w.write_all(t.render(Format::Markdown).as_bytes())?;
                }
            }
        }
        Ok(())
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
