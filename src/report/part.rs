//! One project's share of a bulletin (简报), for `report weekly` and
//! `report bulletin` alike: its headline counters, the events of the
//! period, the deadlines of the next one, its light, its problems taken up
//! to the leaders, its funds and site visits and its task-force counts. A
//! report turns each project into its `Part` as soon as it is read and
//! drops the project; the parts are added up in a `Gather`, so a province's
//! ledger is never held whole (issue 15). Both bulletins assemble their
//! sections from the same gathered values.

use super::overdue::Kind;
use super::slow::{self, Light};
use super::taskforce;
use super::weekly::{InPeriod, Investment, Obtained, StageChange, Started, Upcoming};
use super::weekly_more::{self, Climbed, FundsSummary, SlowPayer, SourceRow, Visits, WeekEntry};
use crate::model::funds::{self, FundTotals};
use crate::model::progress::invested_this_year;
use crate::model::{Date, FundKind, Lang, People, Settings, Stage, Status};
use crate::store::LoadedProject;
use chrono::Datelike;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// What a part is computed for: the days, the language and what the
/// bulletin lists.
pub struct Spec<'a> {
    pub settings: &'a Settings,
    pub lang: Lang,
    /// The day the ledger is counted as of.
    pub as_of: Date,
    /// The first day of the period (a week's Monday, a month's first day).
    pub from: Date,
    /// The first day of the events listed: `from` for the weekly bulletin,
    /// the day after the previous issue for the bulletin's changes.
    pub events_from: Date,
    /// The next period, whose deadlines are listed (both days included).
    pub next: (Date, Date),
    /// Whether open problems under a supervision order (督办) at the task
    /// force's level count among those taken up (the bulletin), or only
    /// those above it (the weekly bulletin).
    pub with_orders: bool,
    /// The IDs of the projects the dispatch meetings' decisions name: their
    /// names and people are kept for the decisions' rows.
    pub named: &'a HashSet<String>,
}

/// A project's headline counters; added up over the projects in `Gather`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub projects: usize,
    /// Sum of the projects' total investment (万元).
    pub total_investment: Decimal,
    /// Started (at any time).
    pub started: usize,
    /// This year's planned investment and the investment completed this
    /// year, over the projects with a plan for the year.
    pub plan: Decimal,
    pub invested: Decimal,
    /// Projects by stage, in the order of `Stage::ALL`.
    pub stages: [usize; Stage::ALL.len()],
    /// Due to start by the day counted (planned start on or before it, not
    /// suspended or cancelled), and of those, started.
    pub due: usize,
    pub due_started: usize,
    /// Started in the period (新开工); started before it and building (续建).
    pub new_starts: usize,
    pub continuing: usize,
    /// Stage changes to completed (竣工) and producing (投产) in the period.
    pub completed: usize,
    pub producing: usize,
    /// Procedures obtained (办结) in the period.
    pub obtained: usize,
}

impl Counts {
    fn of(spec: &Spec, lp: &LoadedProject) -> Counts {
        let p = &lp.project;
        let stage = p.stage().stage;
        let started = p.started.is_some();
        let (plan, invested) = match p.annual_plan.get(&spec.as_of.year()) {
            Some(plan) => (plan.0, invested_this_year(&lp.progress, spec.as_of)),
            None => (Decimal::ZERO, Decimal::ZERO),
        };
        let mut stages = [0; Stage::ALL.len()];
        if let Some(i) = Stage::ALL.iter().position(|s| *s == stage) {
            stages[i] = 1;
        }
        let due = due_to_start(lp) && p.planned_start.is_some_and(|d| d <= spec.as_of);
        let in_period = |d: Date| spec.from <= d && d <= spec.as_of;
        let became = |s: Stage| {
            p.stages
                .iter()
                .filter(|e| in_period(e.date) && e.stage == s)
                .count()
        };
        Counts {
            projects: 1,
            total_investment: p.investment.map_or(Decimal::ZERO, |a| a.0),
            started: usize::from(started),
            plan,
            invested,
            stages,
            due: usize::from(due),
            due_started: usize::from(due && started),
            new_starts: usize::from(p.started.is_some_and(|s| s >= spec.from)),
            continuing: usize::from(
                p.started.is_some_and(|s| s < spec.from) && stage == Stage::Building,
            ),
            completed: became(Stage::Completed),
            producing: became(Stage::Producing),
            obtained: lp
                .procedures()
                .iter()
                .filter(|p| obtained_on(p).is_some_and(in_period))
                .count(),
        }
    }

    fn add(&mut self, o: &Counts) {
        self.projects += o.projects;
        self.total_investment += o.total_investment;
        self.started += o.started;
        self.plan += o.plan;
        self.invested += o.invested;
        for (s, n) in self.stages.iter_mut().zip(o.stages) {
            *s += n;
        }
        self.due += o.due;
        self.due_started += o.due_started;
        self.new_starts += o.new_starts;
        self.continuing += o.continuing;
        self.completed += o.completed;
        self.producing += o.producing;
        self.obtained += o.obtained;
    }

    /// Projects by stage, every stage listed.
    pub fn stages(&self) -> BTreeMap<Stage, usize> {
        Stage::ALL.into_iter().zip(self.stages).collect()
    }
}

/// Whether a project counts among those due to start: not suspended or
/// cancelled (a project on hold is not 应开未开).
pub fn due_to_start(lp: &LoadedProject) -> bool {
    !matches!(
        lp.project.stage().stage,
        Stage::Suspended | Stage::Cancelled
    )
}

/// The day a procedure was obtained, when it counts as obtained (办结):
/// under 告知承诺 the approval is issued on the commitment, still open.
fn obtained_on(p: &crate::model::Procedure) -> Option<Date> {
    if matches!(p.status, Status::Obtained | Status::Pledged) {
        p.obtained
    } else {
        None
    }
}

/// A project named by a decision of a dispatch meeting: its name and whom
/// to call, for the decision's rows.
#[derive(Debug, Clone)]
pub struct Named {
    pub ledger: Option<String>,
    pub id: String,
    pub name: String,
    /// As the bulletin may print them (`weekly_more::people_for_bulletin`).
    pub people: Option<Arc<People>>,
    pub township: Option<String>,
}

/// A project's funds: its totals by source to date and in the period, its
/// government money waiting longest, and its entries of the period.
#[derive(Debug, Default)]
pub struct FundsPart {
    /// Entries recorded by the day counted.
    entries: usize,
    to_date: Vec<(String, FundTotals)>,
    period: Vec<(String, FundTotals)>,
    slowest: Option<SlowPayer>,
    this_period: Vec<WeekEntry>,
}

/// A project's site visits: in the period (by team) and to date.
#[derive(Debug, Default)]
pub struct VisitsPart {
    counts: Visits,
    teams: Vec<String>,
}

/// What one project brings to either bulletin.
pub struct Part {
    pub counts: Counts,
    pub events: InPeriod,
    pub upcoming: Vec<Upcoming>,
    /// The project's light, when red or yellow.
    pub lit: Option<slow::ProjectLight>,
    pub taken_up: Vec<Climbed>,
    pub funds: FundsPart,
    pub visits: VisitsPart,
    pub taskforce_rows: Vec<taskforce::Row>,
    /// Set when a decision names the project.
    pub named: Option<Named>,
}

/// The shared part of project `lp` (as it stood on `spec.as_of`). `light`
/// is its light on that day (`slow::light`), which the caller computes
/// once for the bulletin's changes too.
pub fn part(spec: &Spec, lp: &LoadedProject, light: Option<&slow::ProjectLight>) -> Part {
    let settings = spec.settings;
    let mut events = InPeriod::default();
    events_of(settings, lp, spec.events_from, spec.as_of, &mut events);
    let mut upcoming = Vec::new();
    deadlines_of(settings, lp, spec.next, spec.lang, &mut upcoming);
    let people = || weekly_more::people_for_bulletin(settings, &lp.project.people);
    let named = spec.named.contains(&lp.id).then(|| Named {
        ledger: lp.ledger.clone(),
        id: lp.id.clone(),
        name: lp.project.name.clone(),
        people: people(),
        township: super::bulletin::township_of(lp),
    });
    Part {
        counts: Counts::of(spec, lp),
        events,
        upcoming,
        lit: light.filter(|l| l.light > Light::Green).cloned(),
        taken_up: weekly_more::taken_up_of(settings, lp, spec.as_of, spec.with_orders),
        funds: funds_of(settings, lp, spec.from, spec.as_of),
        visits: visits_of(lp, spec.from, spec.as_of),
        taskforce_rows: taskforce::rows(settings, lp, spec.as_of),
        named,
    }
}

/// What happened from `from` to `to` (both included) on one project:
/// procedures obtained, start of works, progress entries and changes of
/// stage, added to `out` (sorted by `InPeriod::sort`).
pub fn events_of(
    settings: &Settings,
    lp: &LoadedProject,
    from: Date,
    to: Date,
    out: &mut InPeriod,
) {
    let in_period = |d: Date| from <= d && d <= to;
    for e in lp.project.stages.iter().filter(|e| in_period(e.date)) {
        out.stage_changes.push(StageChange {
            ledger: lp.ledger.clone(),
            project: lp.id.clone(),
            project_name: lp.project.name.clone(),
            stage: e.stage,
            date: e.date,
            reason: e.reason.clone(),
        });
    }
    let mut ids: Option<(Arc<str>, Arc<str>)> = None;
    for p in lp.procedures() {
        if let Some(o) = obtained_on(p).filter(|o| in_period(*o)) {
            let (project, project_name) = ids
                .get_or_insert_with(|| (lp.id.as_str().into(), lp.project.name.as_str().into()))
                .clone();
            out.obtained.push(Obtained {
                ledger: lp.ledger.clone(),
                project,
                project_name,
                procedure: p.key.clone(),
                name: p.name.clone(),
                taskforce: p.taskforce.clone(),
                taskforce_name: settings
                    .shared(&p.taskforce)
                    .map_or_else(|| "".into(), |t| t.name.clone()),
                authority: settings.authority(&p.key, &p.taskforce).name,
                obtained: o,
                doc_no: p.doc_no.clone(),
            });
        }
    }
    if let Some(s) = lp.project.started.filter(|s| in_period(*s)) {
        out.started.push(Started {
            ledger: lp.ledger.clone(),
            project: lp.id.clone(),
            project_name: lp.project.name.clone(),
            started: s,
            planned_start: lp.project.planned_start,
        });
    }
    let mut before = Decimal::ZERO;
    for e in &lp.progress {
        if in_period(e.date) {
            out.investment.push(Investment {
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

/// One project's deadlines falling in `next` (both days included):
/// pending procedures' due dates, open pledges' deadlines, the planned
/// start of a project not started, open problems' time limits and
/// supervision orders; an extended pledge says so in `lang`. Only projects
/// still preparing or building have deadlines to meet.
pub fn deadlines_of(
    settings: &Settings,
    lp: &LoadedProject,
    next: (Date, Date),
    lang: Lang,
    out: &mut Vec<Upcoming>,
) {
    if !lp.project.stage().stage.is_active() {
        return;
    }
    let mut push = |kind, item: String, unit: String, due: Date| {
        if next.0 <= due && due <= next.1 {
            out.push(Upcoming {
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

/// One project's funds as of `as_of`, the period from `from`.
fn funds_of(settings: &Settings, lp: &LoadedProject, from: Date, as_of: Date) -> FundsPart {
    let to_date: Vec<&crate::model::FundEntry> =
        lp.funds.iter().filter(|e| e.date <= as_of).collect();
    if to_date.is_empty() {
        return FundsPart::default();
    }
    let by_source = |entries: &mut dyn Iterator<Item = &&crate::model::FundEntry>| {
        let mut out: Vec<(String, FundTotals)> = Vec::new();
        for e in entries {
            match out.iter_mut().find(|(s, _)| *s == e.source) {
                Some((_, t)) => t.add(e.kind, e.amount),
                None => {
                    let mut t = FundTotals::default();
                    t.add(e.kind, e.amount);
                    out.push((e.source.clone(), t));
                }
            }
        }
        out
    };
    let in_period = |e: &&&crate::model::FundEntry| from <= e.date && e.kind != FundKind::Planned;
    let government = |s: &str| settings.funds.government.iter().any(|g| g == s);
    FundsPart {
        entries: to_date.len(),
        to_date: by_source(&mut to_date.iter()),
        period: by_source(&mut to_date.iter().filter(in_period)),
        slowest: funds::oldest_unpaid(&lp.funds, government, as_of).map(|(unpaid, since)| {
            SlowPayer {
                ledger: lp.ledger.clone(),
                project: lp.id.clone(),
                project_name: lp.project.name.clone(),
                unpaid: unpaid.to_string(),
                since,
                days: (as_of - since).num_days(),
                people: weekly_more::people_for_bulletin(settings, &lp.project.people),
            }
        }),
        this_period: to_date
            .iter()
            .filter(in_period)
            .map(|e| WeekEntry {
                ledger: lp.ledger.clone(),
                project: lp.id.clone(),
                project_name: lp.project.name.clone(),
                entry: (*e).clone(),
            })
            .collect(),
    }
}

/// One project's site visits as of `as_of`, the period from `from`.
fn visits_of(lp: &LoadedProject, from: Date, as_of: Date) -> VisitsPart {
    let mut v = VisitsPart::default();
    for visit in lp.visits.iter().filter(|v| v.date <= as_of) {
        v.counts.to_date += 1;
        if visit.date >= from {
            v.counts.this_week += 1;
            v.teams.push(visit.by.clone());
        }
    }
    v
}

/// The funds of every project, added up as they are read.
#[derive(Debug, Default)]
pub struct FundsGather {
    entries: usize,
    to_date: BTreeMap<String, FundTotals>,
    period: BTreeMap<String, FundTotals>,
    slowest: Vec<SlowPayer>,
    this_period: Vec<WeekEntry>,
}

/// How many slowest payers the bulletins list.
const SLOWEST: usize = 5;

fn sort_slowest(v: &mut [SlowPayer]) {
    v.sort_by(|a, b| {
        b.days
            .cmp(&a.days)
            .then_with(|| (&a.ledger, &a.project).cmp(&(&b.ledger, &b.project)))
    });
}

impl FundsGather {
    fn add(&mut self, p: FundsPart) {
        self.entries += p.entries;
        for (s, t) in p.to_date {
            self.to_date.entry(s).or_default().add_all(&t);
        }
        for (s, t) in p.period {
            self.period.entry(s).or_default().add_all(&t);
        }
        if let Some(s) = p.slowest {
            self.slowest.push(s);
            // Only the slowest few are shown: keep a few more than that.
            if self.slowest.len() >= 8 * SLOWEST {
                sort_slowest(&mut self.slowest);
                self.slowest.truncate(SLOWEST);
            }
        }
        self.this_period.extend(p.this_period);
    }

    /// Funds by source, the slowest payers and the period's entries by
    /// date, with the period's totals by source (in the order of
    /// `sources`, the settings' list); `None` when no project keeps a funds
    /// ledger.
    pub fn summary(self, sources: &[String]) -> Option<(FundsSummary, Vec<(String, FundTotals)>)> {
        if self.entries == 0 {
            return None;
        }
        let mut total = FundTotals::default();
        for t in self.to_date.values() {
            total.add_all(t);
        }
        let by_source = funds::in_source_order(self.to_date, sources)
            .into_iter()
            .map(|(source, totals)| SourceRow {
                paid_percent: totals.paid_percent(),
                source,
                totals,
            })
            .collect();
        let mut slowest = self.slowest;
        sort_slowest(&mut slowest);
        slowest.truncate(SLOWEST);
        let mut this_week = self.this_period;
        this_week.sort_by(|a, b| {
            (a.entry.date, &a.ledger, &a.project).cmp(&(b.entry.date, &b.ledger, &b.project))
        });
        Some((
            FundsSummary {
                by_source,
                total,
                slowest,
                this_week,
            },
            funds::in_source_order(self.period, sources),
        ))
    }
}

/// The parts of every project, added up as they are read.
#[derive(Default)]
pub struct Gather {
    pub counts: Counts,
    pub events: InPeriod,
    pub upcoming: Vec<Upcoming>,
    pub lit: Vec<slow::ProjectLight>,
    pub taken_up: Vec<Climbed>,
    pub funds: FundsGather,
    pub visits: Visits,
    /// Site visits in the period by team (督导组), teams by name.
    pub teams: BTreeMap<String, usize>,
    pub tally: taskforce::Tally,
    /// The projects the decisions name, in the order read.
    pub named: Vec<Named>,
}

impl Gather {
    pub fn add(&mut self, p: Part) {
        self.counts.add(&p.counts);
        self.events.extend(p.events);
        self.upcoming.extend(p.upcoming);
        self.lit.extend(p.lit);
        self.taken_up.extend(p.taken_up);
        self.funds.add(p.funds);
        self.visits.this_week += p.visits.counts.this_week;
        self.visits.to_date += p.visits.counts.to_date;
        for t in p.visits.teams {
            *self.teams.entry(t).or_default() += 1;
        }
        self.tally.add(p.taskforce_rows);
        self.named.extend(p.named);
    }

    /// The project a decision names in `ledger`.
    pub fn named_in(&self, ledger: &Option<String>, id: &str) -> Option<&Named> {
        self.named
            .iter()
            .find(|n| n.id == id && n.ledger == *ledger)
    }

    /// The first project read with ID `id`, in any ledger.
    pub fn named_any(&self, id: &str) -> Option<&Named> {
        self.named.iter().find(|n| n.id == id)
    }
}

/// The IDs of the projects `decisions` name.
pub fn named_by(decisions: &[super::decisions::Item]) -> HashSet<String> {
    decisions.iter().filter_map(|d| d.project.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payer(n: usize, days: i64) -> SlowPayer {
        SlowPayer {
            ledger: None,
            project: format!("p{n:03}"),
            project_name: String::new(),
            unpaid: "1".to_string(),
            since: crate::model::parse_date("2024-01-01").unwrap(),
            days,
            people: None,
        }
    }

    /// The slowest payers are picked while the projects are read, the
    /// others dropped on the way: the same five as from the whole list.
    #[test]
    fn the_slowest_payers_are_the_same_when_picked_as_read() {
        let days = |n: usize| ((n * 37) % 101) as i64 / 4;
        let mut gather = FundsGather::default();
        for n in 0..1000 {
            gather.add(FundsPart {
                entries: 1,
                slowest: Some(payer(n, days(n))),
                ..FundsPart::default()
            });
            assert!(gather.slowest.len() < 8 * SLOWEST);
        }
        let mut all: Vec<SlowPayer> = (0..1000).map(|n| payer(n, days(n))).collect();
        sort_slowest(&mut all);
        let (summary, _) = gather.summary(&[]).unwrap();
        let picked: Vec<(&str, i64)> = summary
            .slowest
            .iter()
            .map(|p| (p.project.as_str(), p.days))
            .collect();
        let expected: Vec<(&str, i64)> = all[..SLOWEST]
            .iter()
            .map(|p| (p.project.as_str(), p.days))
            .collect();
        assert_eq!(picked, expected);
        assert_eq!(summary.total, FundTotals::default());
    }

    #[test]
    fn no_funds_ledger_no_funds_section() {
        assert!(FundsGather::default().summary(&[]).is_none());
    }
}
