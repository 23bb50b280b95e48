//! The bulletin (简报) as a county office sends it to its leaders: a week, a
//! month or any period; an issue number (期号); the headline rates (开工率,
//! 投资完成率 against 时序进度); what changed since the previous bulletin of
//! the same kind; the projects due to start and not started (应开未开); every
//! overdue item listed with its unit and whom to call; the problems taken
//! to the county leaders (leaders first, with their path and 督办 orders);
//! the open dispatch-meeting decisions; the red and yellow lights; the
//! funds (资金使用) and site visits, from the parts `report weekly` takes
//! too (`part`, `weekly_more`); the rankings (红黄榜); and the next period's
//! deadlines. Built here as one plain value from each project's `Part`,
//! taken as the project is read: the project as of the period's end, and
//! as of the previous bulletin's end for the changes (each project read
//! once, never the whole ledger held); `bulletin_doc` lays it out as
//! sections that Markdown, HTML and Word render alike, and JSON is the value
//! itself, every rate with its numerator and denominator.

use super::overdue::{self, Kind};
use super::part;
use super::slow::{self, Light};
use super::weekly::{self, Obtained, Started, Upcoming};
use super::weekly_more::{self, Climbed, SlowPayer, WeekEntry};
use crate::model::funds::FundTotals;
use crate::model::progress::{percent, year_elapsed};
use crate::model::{Amount, BulletinSettings, Date, Lang, Settings, Stage};
use crate::store::LoadedProject;
use chrono::{Datelike, Days, Months};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

/// The kind of period a bulletin covers; bulletins of one kind follow each
/// other (the changes are counted since the previous one of the same kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// Monday to Sunday (周报).
    Week,
    /// A calendar month (月报).
    Month,
    /// Any span of days given with --from and --to.
    Custom,
}

impl PeriodKind {
    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Custom => "custom",
        }
    }

    pub fn parse(text: &str) -> Result<PeriodKind, String> {
        match text {
            "week" => Ok(PeriodKind::Week),
            "month" => Ok(PeriodKind::Month),
            "custom" => Ok(PeriodKind::Custom),
            _ => Err(format!(
                "invalid period kind \"{text}\": expected week, month or custom"
            )),
        }
    }
}

/// The days a bulletin covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The week (Monday to Sunday) holding `day`.
    pub fn week(day: Date) -> Period {
        let (from, to) = weekly::week(day);
        Period {
            kind: PeriodKind::Week,
            from,
            to,
        }
    }

    /// The calendar month of `day`.
    pub fn month(day: Date) -> Period {
        let from = day.with_day(1).expect("day 1 exists");
        let to = from + Months::new(1) - Days::new(1);
        Period {
            kind: PeriodKind::Month,
            from,
            to,
        }
    }

    /// `from` to `to`; `None` when `to` is before `from`.
    pub fn custom(from: Date, to: Date) -> Option<Period> {
        (from <= to).then_some(Period {
            kind: PeriodKind::Custom,
            from,
            to,
        })
    }

    fn days(&self) -> u64 {
        (self.to - self.from).num_days() as u64 + 1
    }

    /// The period of the same kind just before this one.
    pub fn previous(&self) -> Period {
        let day = self.from - Days::new(1);
        match self.kind {
            PeriodKind::Week => Period::week(day),
            PeriodKind::Month => Period::month(day),
            PeriodKind::Custom => Period {
                kind: PeriodKind::Custom,
                from: day - Days::new(self.days() - 1),
                to: day,
            },
        }
    }

    /// The period of the same kind just after this one.
    pub fn next(&self) -> Period {
        let day = self.to + Days::new(1);
        match self.kind {
            PeriodKind::Week => Period::week(day),
            PeriodKind::Month => Period::month(day),
            PeriodKind::Custom => Period {
                kind: PeriodKind::Custom,
                from: day,
                to: day + Days::new(self.days() - 1),
            },
        }
    }

    /// "2024年11月", "2024年第47周（11月18日至24日）", "2024-11-01至2024-11-15".
    pub fn label(&self, lang: Lang) -> String {
        match (self.kind, lang) {
            (PeriodKind::Month, Lang::Zh) => {
                format!("{}年{}月", self.from.year(), self.from.month())
            }
            (PeriodKind::Month, Lang::En) => self.from.format("%B %Y").to_string(),
            (PeriodKind::Week, Lang::Zh) => {
                let iso = self.from.iso_week();
                format!(
                    "{}年第{}周（{}至{}）",
                    iso.year(),
                    iso.week(),
                    self.from,
                    self.to
                )
            }
            (PeriodKind::Week, Lang::En) => {
                let iso = self.from.iso_week();
                format!(
                    "week {} of {} ({} to {})",
                    iso.week(),
                    iso.year(),
                    self.from,
                    self.to
                )
            }
            (PeriodKind::Custom, Lang::Zh) => format!("{}至{}", self.from, self.to),
            (PeriodKind::Custom, Lang::En) => format!("{} to {}", self.from, self.to),
        }
    }

    /// "this week", "本月" …: how the sections name the period.
    pub fn this(&self, lang: Lang) -> &'static str {
        match (self.kind, lang) {
            (PeriodKind::Week, Lang::Zh) => "本周",
            (PeriodKind::Month, Lang::Zh) => "本月",
            (PeriodKind::Custom, Lang::Zh) => "本期",
            (PeriodKind::Week, Lang::En) => "this week",
            (PeriodKind::Month, Lang::En) => "this month",
            (PeriodKind::Custom, Lang::En) => "this period",
        }
    }

    /// "next week", "下月" …
    pub fn following(&self, lang: Lang) -> &'static str {
        match (self.kind, lang) {
            (PeriodKind::Week, Lang::Zh) => "下周",
            (PeriodKind::Month, Lang::Zh) => "下月",
            (PeriodKind::Custom, Lang::Zh) => "下期",
            (PeriodKind::Week, Lang::En) => "next week",
            (PeriodKind::Month, Lang::En) => "next month",
            (PeriodKind::Custom, Lang::En) => "next period",
        }
    }
}

/// Whose bulletin it is: the county's (or the ledger's), one task force's
/// 通报, or one township's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Scope {
    County,
    Taskforce {
        key: String,
        name: String,
        lead: String,
    },
    Township {
        name: String,
    },
}

impl Scope {
    /// The key of the scope in `bulletins/index.csv`: `county`,
    /// `taskforce:land`, `township:侯庙镇`.
    pub fn key(&self) -> String {
        match self {
            Scope::County => "county".to_string(),
            Scope::Taskforce { key, .. } => format!("taskforce:{key}"),
            Scope::Township { name } => format!("township:{name}"),
        }
    }

    /// The name printed under the title: 用地专班, 侯庙镇, or nothing.
    pub fn name(&self) -> Option<&str> {
        match self {
            Scope::County => None,
            Scope::Taskforce { name, .. } | Scope::Township { name } => Some(name),
        }
    }
}

/// The issue number (期号): the year's series and the number in it; a
/// draft (征求意见稿) shows the number it would get when published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub year: i32,
    pub no: u32,
    pub draft: bool,
    /// The file the published bulletin is kept in, relative to the ledger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Issue {
    /// "2024年第3期" / "No. 3, 2024".
    pub fn label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}年第{}期", self.year, self.no),
            Lang::En => format!("No. {}, {}", self.no, self.year),
        }
    }
}

/// A share of counts: numerator over denominator, in whole percent
/// (rounded down; 0 when the denominator is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
    pub percent: i64,
}

impl Ratio {
    pub fn new(numerator: i64, denominator: i64) -> Ratio {
        Ratio {
            numerator,
            denominator,
            percent: percent(numerator.into(), denominator.into()),
        }
    }
}

/// A share of amounts (万元), as `Ratio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AmountRatio {
    pub numerator: Amount,
    pub denominator: Amount,
    pub percent: i64,
}

/// The headline figures, as of the period's end.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub projects: usize,
    /// Sum of the projects' total investment (万元).
    pub total_investment: Amount,
    pub plan_year: i32,
    /// 投资完成率: investment completed this year over this year's planned
    /// investment, over the projects with a plan for the year.
    pub investment: AmountRatio,
    /// 时序进度: the day of the year over the days in the year.
    pub time_elapsed: Ratio,
    /// 开工率: projects started over projects due to start by the period's
    /// end (planned start on or before it); a project started ahead of its
    /// plan is counted in neither.
    pub start_rate: Ratio,
    /// Projects started (at any time) and not started.
    pub started: usize,
    pub not_started: usize,
    /// 新开工: projects whose start of works falls in the period.
    pub new_starts: usize,
    /// 续建: projects started before the period and building at its end.
    pub continuing: usize,
    /// 竣工: projects whose stage changed to completed in the period.
    pub completed: usize,
    /// 投产: projects whose stage changed to producing in the period.
    pub producing: usize,
    /// Projects by stage at the period's end (前期, 在建, 竣工, 投产, 暂缓,
    /// 终止), every stage listed.
    pub stages: BTreeMap<Stage, usize>,
    /// Procedures obtained (办结) in the period.
    pub procedures_obtained: usize,
}

/// A project named in a list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ProjectRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    /// Shared by every row of the project: a province's bulletin lists
    /// hundreds of thousands.
    pub project: Arc<str>,
    pub name: Arc<str>,
}

impl ProjectRef {
    fn of(lp: &LoadedProject) -> ProjectRef {
        ProjectRef {
            ledger: lp.ledger.clone(),
            project: lp.id.as_str().into(),
            name: lp.project.name.as_str().into(),
        }
    }
}

/// A project whose light changed, with its light before and now.
#[derive(Debug, Clone, Serialize)]
pub struct LightChange {
    #[serde(flatten)]
    pub project: ProjectRef,
    pub before: Light,
    pub now: Light,
}

/// A problem resolved in the period.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    #[serde(flatten)]
    pub project: ProjectRef,
    pub problem_no: u32,
    pub what: String,
    pub unit: String,
    pub resolved: Date,
    pub how: String,
}

/// A pledge made good (承诺兑现) in the period.
#[derive(Debug, Clone, Serialize)]
pub struct Fulfilled {
    #[serde(flatten)]
    pub project: ProjectRef,
    pub procedure: String,
    pub procedure_name: String,
    pub fulfilled: Date,
    pub pledge_due: Option<Date>,
}

/// What changed since the previous bulletin of the same kind: the ledger
/// evaluated as of `since` (the previous bulletin's last day) and as of the
/// period's end, from the same files.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub since: Date,
    pub newly_red: Vec<LightChange>,
    pub newly_yellow: Vec<LightChange>,
    pub back_to_green: Vec<LightChange>,
    pub started: Vec<Started>,
    /// Changes of stage since (竣工, 投产, 暂缓, 终止, resumed).
    pub stage_changes: Vec<weekly::StageChange>,
    pub obtained: Vec<Obtained>,
    pub problems_resolved: Vec<Resolved>,
    pub pledges_fulfilled: Vec<Fulfilled>,
    pub newly_overdue: Vec<Overdue>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.newly_red.is_empty()
            && self.newly_yellow.is_empty()
            && self.back_to_green.is_empty()
            && self.started.is_empty()
            && self.stage_changes.is_empty()
            && self.obtained.is_empty()
            && self.problems_resolved.is_empty()
            && self.pledges_fulfilled.is_empty()
            && self.newly_overdue.is_empty()
    }
}

/// A project due to start by the period's end and not started (应开未开);
/// `days_late` is 0 when the planned start is the last day.
#[derive(Debug, Clone, Serialize)]
pub struct LateStart {
    #[serde(flatten)]
    pub project: ProjectRef,
    pub planned_start: Date,
    pub days_late: i64,
    pub township: Option<String>,
    /// The project owner (项目单位).
    pub owner: Option<String>,
    /// The county leader in charge (包联县领导), where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// The responsible unit (责任单位), where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// One overdue item, listed.
#[derive(Debug, Clone, Serialize)]
pub struct Overdue {
    #[serde(flatten)]
    pub project: ProjectRef,
    pub kind: Kind,
    /// The procedure's or problem's name.
    pub item: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem_no: Option<u32>,
    /// The task force (key) handling a procedure or pledge; empty for a problem.
    pub taskforce: Arc<str>,
    pub taskforce_name: Arc<str>,
    /// Who must act: the issuing unit (审批部门) of a procedure or pledge
    /// where recorded, else the task force's lead unit; the responsible
    /// unit (责任单位) of a problem.
    pub unit: Arc<str>,
    /// The issuing unit (审批部门) where the ledger records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Arc<str>>,
    pub due: Date,
    pub days_overdue: i64,
    /// Extensions of a pledge's deadline (延期), where recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<u32>,
    /// The pledge's first deadline, when it was extended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_from: Option<Date>,
    pub township: Option<Arc<str>>,
    /// Whom to call (包联县领导, 责任单位, 责任人), where recorded; phones
    /// only with `[bulletin] show_phones`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Arc<crate::model::People>>,
    /// The day of the dispatch meeting, for a decision (议定事项).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Date>,
}

/// The overdue items by kind, most overdue first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct OverdueLists {
    pub procedures: Vec<Overdue>,
    pub pledges: Vec<Overdue>,
    pub problems: Vec<Overdue>,
}

impl OverdueLists {
    pub fn is_empty(&self) -> bool {
        self.procedures.is_empty() && self.pledges.is_empty() && self.problems.is_empty()
    }
}

/// What a ranking ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RankBy {
    Township,
    Taskforce,
    IssuingUnit,
}

/// One row of a ranking: the score is the number of overdue items (fewer is
/// better), then the average days overdue (shorter is better), ties broken
/// by name.
#[derive(Debug, Clone, Serialize)]
pub struct RankRow {
    pub rank: usize,
    pub name: String,
    /// Projects (for townships) or procedures (for task forces and issuing
    /// units) counted.
    pub count: usize,
    pub overdue_items: usize,
    /// Average days overdue: total days over overdue items.
    pub days_overdue: Mean,
}

/// An average with its inputs: `numerator ÷ denominator`, and the value to
/// one decimal (rounded half up) as printed; "0.0" for a denominator of 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mean {
    pub numerator: i64,
    pub denominator: i64,
    pub value: String,
}

/// A ranking (红黄榜) with its best (红榜) and worst (黄榜) named.
#[derive(Debug, Clone, Serialize)]
pub struct Ranking {
    pub by: RankBy,
    pub rows: Vec<RankRow>,
    pub best: String,
    pub worst: String,
}

/// Funds received and paid (万元): in the period and to date, and the
/// share of the money received to date that has been paid out (支付率),
/// with its inputs (paid over received).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FundsFigures {
    pub period: FundTotals,
    pub to_date: FundTotals,
    pub paid_rate: AmountRatio,
}

impl FundsFigures {
    fn new(period: FundTotals, to_date: FundTotals) -> FundsFigures {
        FundsFigures {
            period,
            to_date,
            paid_rate: AmountRatio {
                numerator: to_date.paid,
                denominator: to_date.received,
                percent: percent(to_date.paid.0, to_date.received.0),
            },
        }
    }
}

/// The funds of one source (资金来源).
#[derive(Debug, Clone, Serialize)]
pub struct FundsRow {
    pub source: String,
    #[serde(flatten)]
    pub figures: FundsFigures,
}

/// The funds section (资金使用): by source, the total, the projects whose
/// government money waits longest to be paid out, and the entries of the
/// period.
#[derive(Debug, Clone, Serialize)]
pub struct Funds {
    pub by_source: Vec<FundsRow>,
    pub total: FundsFigures,
    pub slowest: Vec<SlowPayer>,
    /// Money received or paid in the period, by date.
    pub entries: Vec<WeekEntry>,
}

/// A decision of a dispatch meeting (议定事项) still open at the period's
/// end, with the name of the project it names.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    #[serde(flatten)]
    pub item: super::decisions::Item,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_name: Option<String>,
}

/// The decisions of the dispatch meetings held by the period's end.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Decisions {
    /// Decisions recorded, and carried out, as of the period's end.
    pub total: usize,
    pub done: usize,
    /// The open ones, overdue first (most overdue first), then by meeting.
    pub open: Vec<Decision>,
}

/// Site visits (现场督导): in the period, by team in the period, to date.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SiteVisits {
    pub in_period: usize,
    pub to_date: usize,
    pub by_team: BTreeMap<String, usize>,
}

/// The bulletin.
#[derive(Debug, Clone, Serialize)]
pub struct Bulletin {
    pub ledger: String,
    pub scope: Scope,
    pub period: Period,
    /// The day the ledger is counted as of: the period's end, or today
    /// while the period is still running.
    pub as_of: Date,
    pub issue: Issue,
    pub masthead: BulletinSettings,
    pub headline: Headline,
    pub changes: Changes,
    pub late_starts: Vec<LateStart>,
    pub overdue: OverdueLists,
    pub lights: Vec<slow::ProjectLight>,
    /// Open problems taken up to the county leaders (县政府领导, by a
    /// recorded step or by the escalation rule as of the period's end) or
    /// to the mechanism, and those under a supervision order (督办):
    /// leaders first, each with its path and whom to call.
    pub problems_taken_up: Vec<Climbed>,
    pub decisions: Decisions,
    pub visits: SiteVisits,
    /// `None` when no project in scope keeps a funds ledger.
    pub funds: Option<Funds>,
    pub rankings: Vec<Ranking>,
    pub next_period: Period,
    pub upcoming: Vec<Upcoming>,
    /// Procedures by task force (手续办理调度台账), for the chart.
    pub taskforces: super::taskforce::Report,
    /// Projects left out because their files cannot be read.
    pub skipped: Vec<crate::store::ledger::Skipped>,
}

/// What `build` needs besides the projects.
pub struct Input<'a> {
    pub settings: &'a Settings,
    pub scope: Scope,
    pub period: Period,
    pub as_of: Date,
    /// The last day of the previous bulletin of the same kind.
    pub since: Date,
    pub issue: Issue,
    pub lang: Lang,
    /// The decisions of the dispatch meetings held by `as_of` (议定事项).
    pub decisions: Vec<super::decisions::Item>,
}

/// The township of a project: as recorded, else (in a roll-up over several
/// ledgers) the name of its ledger, which is a township's.
pub fn township_of(lp: &LoadedProject) -> Option<String> {
    lp.project.township.clone().or_else(|| lp.ledger.clone())
}

/// The days of a bulletin and its lists, for each project's part.
pub struct Spec<'a> {
    common: part::Spec<'a>,
    /// The last day of the previous bulletin of the same kind.
    since: Date,
}

/// The days a bulletin of `period` counts, as of `as_of`, with its changes
/// since `since`; `named` are the projects the meetings' decisions name
/// (`part::named_by`).
pub fn spec<'a>(
    settings: &'a Settings,
    lang: Lang,
    period: Period,
    as_of: Date,
    since: Date,
    named: &'a HashSet<String>,
) -> Spec<'a> {
    let next = period.next();
    Spec {
        common: part::Spec {
            settings,
            lang,
            as_of,
            from: period.from,
            events_from: since + Days::new(1),
            next: (next.from, next.to),
            with_orders: true,
            named,
        },
        since,
    }
}

/// Which list of the changes a project's light joins.
enum Turned {
    Red,
    Yellow,
    Green,
}

/// What one project brings to the bulletin: its share of the sections it
/// has in common with `report weekly`, and the bulletin's own rows.
pub struct Part {
    common: part::Part,
    /// `township_of` the project: a township's bulletin keeps its own.
    township: Option<String>,
    light_change: Option<(Turned, LightChange)>,
    resolved: Vec<Resolved>,
    fulfilled: Vec<Fulfilled>,
    /// Its overdue items, each marked when it was not overdue as of `since`.
    overdue: Vec<(Overdue, bool)>,
    late_start: Option<LateStart>,
    /// The task force (name) of each of its procedures, and the issuing
    /// unit (审批部门) of each procedure needed whose catalogue entry names
    /// one: what the rankings count.
    taskforces: Vec<String>,
    issuers: Vec<String>,
}

/// One project's part of the bulletin: `lp` as it stood at the day
/// counted, `before` the same project as it stood at the previous
/// bulletin's end (`None` when it was not yet opened, or left out then).
pub fn part(spec: &Spec, lp: &LoadedProject, before: Option<&LoadedProject>) -> Part {
    let settings = spec.common.settings;
    let (as_of, since, lang) = (spec.common.as_of, spec.since, spec.common.lang);
    let project = ProjectRef::of(lp);
    let light = slow::light(settings, lp, as_of, lang);
    let light_change = light.as_ref().and_then(|l| {
        let was = before
            .and_then(|b| slow::light(settings, b, since, lang))
            .map_or(Light::Green, |b| b.light);
        let turned = match (was, l.light) {
            (w, Light::Red) if w != Light::Red => Turned::Red,
            (Light::Green, Light::Yellow) => Turned::Yellow,
            (Light::Red | Light::Yellow, Light::Green) => Turned::Green,
            _ => return None,
        };
        Some((
            turned,
            LightChange {
                project: project.clone(),
                before: was,
                now: l.light,
            },
        ))
    });
    let mut common = part::part(&spec.common, lp, light.as_ref());
    // The changes list no investment entries.
    common.events.investment = Vec::new();

    let changed = |d: Date| d > since && d <= as_of;
    let resolved = lp
        .problems
        .iter()
        .filter_map(|p| {
            let r = p.resolved.filter(|r| changed(*r))?;
            Some(Resolved {
                project: project.clone(),
                problem_no: p.no,
                what: p.what.clone(),
                unit: p.unit.clone(),
                resolved: r,
                how: p.how.clone(),
            })
        })
        .collect();
    let fulfilled = lp
        .procedures()
        .iter()
        .filter_map(|p| {
            let f = p.fulfilled.filter(|f| changed(*f))?;
            Some(Fulfilled {
                project: project.clone(),
                procedure: p.key.to_string(),
                procedure_name: p.name.to_string(),
                fulfilled: f,
                pledge_due: p.pledge_due,
            })
        })
        .collect();

    let overdue_before: Vec<_> = before
        .map(|b| overdue::items(settings, b, since))
        .unwrap_or_default()
        .into_iter()
        .map(|i| (i.kind, i.procedure, i.problem_no))
        .collect();
    let overdue = overdue_of(settings, lp, &project, as_of)
        .into_iter()
        .map(|o| {
            let newly = !overdue_before.iter().any(|(kind, procedure, no)| {
                (*kind, procedure.as_deref(), *no) == (o.kind, o.procedure.as_deref(), o.problem_no)
            });
            (o, newly)
        })
        .collect();

    // 应开未开: the overdue start of a project still pushed (not suspended
    // or cancelled), with who answers for it; due by the period's end (the
    // same projects 开工率 counts as due).
    let late_start = match (lp.project.started, lp.project.planned_start) {
        (None, Some(plan)) if part::due_to_start(lp) => {
            let days = crate::model::date::days_past(plan, as_of);
            (days >= 0).then(|| LateStart {
                project: project.clone(),
                planned_start: plan,
                days_late: days,
                township: township_of(lp),
                owner: lp.project.owner.clone(),
                leader: lp.project.people.leader.clone(),
                unit: lp.project.people.unit.clone(),
            })
        }
        _ => None,
    };

    let taskforces = lp
        .procedures()
        .iter()
        .filter_map(|p| settings.taskforce(&p.taskforce).map(|t| t.name.clone()))
        .collect();
    // Issuing units are ranked where the catalogue names them.
    let issuers = lp
        .procedures()
        .iter()
        .filter(|p| {
            p.status != crate::model::Status::NotNeeded
                && settings
                    .procedure(&p.key)
                    .is_some_and(|c| c.authority.is_some())
        })
        .map(|p| settings.authority(&p.key, &p.taskforce).name.to_string())
        .collect();
    Part {
        common,
        township: township_of(lp),
        light_change,
        resolved,
        fulfilled,
        overdue,
        late_start,
        taskforces,
        issuers,
    }
}

/// The parts of the bulletin, added up as the projects are read; a
/// township's bulletin keeps the parts of its township's projects.
#[derive(Default)]
pub struct Gather {
    /// The township of a township's bulletin.
    township: Option<String>,
    /// The townships of every project read, in the bulletin's scope or not.
    townships_read: BTreeSet<String>,
    common: part::Gather,
    newly_red: Vec<LightChange>,
    newly_yellow: Vec<LightChange>,
    back_to_green: Vec<LightChange>,
    resolved: Vec<Resolved>,
    fulfilled: Vec<Fulfilled>,
    /// The overdue items by kind (meeting decisions are added at the end),
    /// and a copy of those newly overdue.
    overdue: OverdueLists,
    newly_overdue: Vec<Overdue>,
    late_starts: Vec<LateStart>,
    tallies: Tallies,
}

impl Gather {
    pub fn new(scope: &Scope) -> Gather {
        Gather {
            township: match scope {
                Scope::Township { name } => Some(name.clone()),
                _ => None,
            },
            ..Gather::default()
        }
    }

    pub fn add(&mut self, p: Part) {
        if let Some(t) = &p.township
            && !self.townships_read.contains(t)
        {
            self.townships_read.insert(t.clone());
        }
        if self.township.is_some() && p.township != self.township {
            return;
        }
        self.common.add(p.common);
        match p.light_change {
            Some((Turned::Red, c)) => self.newly_red.push(c),
            Some((Turned::Yellow, c)) => self.newly_yellow.push(c),
            Some((Turned::Green, c)) => self.back_to_green.push(c),
            None => {}
        }
        self.resolved.extend(p.resolved);
        self.fulfilled.extend(p.fulfilled);
        for (o, newly) in p.overdue {
            self.tallies.overdue(&o);
            if newly {
                self.newly_overdue.push(o.clone());
            }
            match o.kind {
                Kind::Procedure => self.overdue.procedures.push(o),
                Kind::Pledge => self.overdue.pledges.push(o),
                // Supervision orders (督办) and meeting decisions chase problems.
                Kind::Problem | Kind::Order | Kind::Decision => self.overdue.problems.push(o),
                Kind::Start => {}
            }
        }
        self.late_starts.extend(p.late_start);
        if let Some(t) = &p.township {
            self.tallies.townships.count(t, 1);
        }
        for t in &p.taskforces {
            self.tallies.taskforces.count(t, 1);
        }
        for i in &p.issuers {
            self.tallies.issuers.count(i, 1);
        }
    }

    /// The townships of every project read (`township_of`), to check a
    /// township's bulletin against.
    pub fn townships_read(&self) -> &BTreeSet<String> {
        &self.townships_read
    }
}

/// The bulletin from every project's part (see `part`): the ledger as of
/// `input.as_of`, its changes since `input.since`.
pub fn assemble(input: Input, parts: Gather) -> Bulletin {
    let Input {
        settings,
        scope,
        period,
        as_of,
        since,
        issue,
        lang: _,
        decisions,
    } = input;
    let Gather {
        common: mut all,
        newly_red,
        newly_yellow,
        back_to_green,
        resolved: mut problems_resolved,
        fulfilled: mut pledges_fulfilled,
        overdue: mut lists,
        mut newly_overdue,
        mut late_starts,
        tallies,
        ..
    } = parts;
    // A task force's or a township's bulletin keeps the decisions that name
    // one of its projects, and those that name none.
    let decisions: Vec<super::decisions::Item> = decisions
        .into_iter()
        .filter(|d| match (&scope, &d.project) {
            (Scope::County, _) | (_, None) => true,
            (_, Some(id)) => all.named_in(&d.ledger, id).is_some(),
        })
        .collect();

    let headline = headline(&all.counts, as_of);

    problems_resolved.sort_by(|a, b| (a.resolved, &a.project).cmp(&(b.resolved, &b.project)));
    pledges_fulfilled.sort_by(|a, b| {
        (a.fulfilled, &a.project, &a.procedure).cmp(&(b.fulfilled, &b.project, &b.procedure))
    });
    // Most overdue first; the problems again below, with the decisions.
    for list in [
        &mut lists.procedures,
        &mut lists.pledges,
        &mut lists.problems,
        &mut newly_overdue,
    ] {
        list.sort_by(|a, b| {
            b.days_overdue
                .cmp(&a.days_overdue)
                .then_with(|| a.project.cmp(&b.project))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.procedure.cmp(&b.procedure))
                .then_with(|| a.problem_no.cmp(&b.problem_no))
        });
    }
    let mut changed = std::mem::take(&mut all.events);
    changed.sort();
    let changes = Changes {
        since,
        newly_red,
        newly_yellow,
        back_to_green,
        started: changed.started,
        stage_changes: changed.stage_changes,
        obtained: changed.obtained,
        problems_resolved,
        pledges_fulfilled,
        newly_overdue,
    };

    late_starts.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then_with(|| a.project.cmp(&b.project))
    });

    let rankings = rankings(&scope, &tallies);

    // The meeting decisions overdue join the problems, ahead of them on
    // the same day.
    let problems = std::mem::take(&mut lists.problems);
    for i in overdue::decision_items(&decisions, |_| None) {
        let named = all.named_in(&i.ledger, &i.project);
        lists.problems.push(Overdue {
            project: ProjectRef {
                ledger: i.ledger.clone(),
                project: i.project.clone(),
                name: named.map_or_else(|| "".into(), |n| n.name.as_str().into()),
            },
            kind: i.kind,
            item: i.item.to_string(),
            procedure: None,
            problem_no: None,
            taskforce: i.taskforce.clone(),
            taskforce_name: i.taskforce_name.clone(),
            unit: i.lead_unit.clone(),
            issuer: None,
            due: i.due,
            days_overdue: i.days_overdue,
            extensions: None,
            extended_from: None,
            township: named.and_then(|n| n.township.as_deref().map(Arc::from)),
            people: named.and_then(|n| n.people.clone()),
            meeting: i.meeting,
        });
    }
    lists.problems.extend(problems);
    lists.problems.sort_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then_with(|| a.project.cmp(&b.project))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.item.cmp(&b.item))
    });

    let mut open: Vec<Decision> = decisions
        .iter()
        .filter(|d| d.open)
        .map(|d| Decision {
            item: d.clone(),
            project_name: d
                .project
                .as_deref()
                .and_then(|id| all.named_in(&d.ledger, id))
                .map(|n| n.name.clone()),
        })
        .collect();
    open.sort_by(|a, b| {
        let (a, b) = (&a.item, &b.item);
        b.days_overdue
            .cmp(&a.days_overdue)
            .then_with(|| (&a.ledger, a.meeting, a.no).cmp(&(&b.ledger, b.meeting, b.no)))
    });
    let decisions_value = Decisions {
        total: decisions.len(),
        done: decisions.iter().filter(|d| !d.open).count(),
        open,
    };

    let next_period = period.next();
    let upcoming = weekly::deadlines(
        std::mem::take(&mut all.upcoming),
        &all,
        (next_period.from, next_period.to),
        &decisions,
    );
    let part::Gather {
        lit,
        mut taken_up,
        funds,
        visits,
        teams,
        tally,
        ..
    } = all;
    weekly_more::sort_taken_up(&mut taken_up);

    Bulletin {
        ledger: settings.name.clone(),
        scope,
        period,
        as_of,
        issue,
        masthead: settings.bulletin.clone(),
        headline,
        changes,
        late_starts,
        overdue: lists,
        lights: slow::Report::new(as_of, lit, false).projects,
        problems_taken_up: taken_up,
        decisions: decisions_value,
        visits: SiteVisits {
            in_period: visits.this_week,
            to_date: visits.to_date,
            by_team: teams,
        },
        funds: funds_section(funds, settings),
        rankings,
        next_period,
        upcoming,
        taskforces: tally.report(settings, as_of),
        skipped: Vec::new(),
    }
}

/// The funds section from the funds of every project (to date, slowest
/// payers, the period's entries) and the period's sums by source; `None`
/// when no project keeps a funds ledger.
fn funds_section(funds: part::FundsGather, settings: &Settings) -> Option<Funds> {
    let (summary, period) = funds.summary(&settings.funds.sources)?;
    let period: BTreeMap<String, FundTotals> = period.into_iter().collect();
    let mut period_total = FundTotals::default();
    for t in period.values() {
        period_total.add_all(t);
    }
    Some(Funds {
        by_source: summary
            .by_source
            .iter()
            .map(|s| FundsRow {
                source: s.source.clone(),
                figures: FundsFigures::new(
                    period.get(&s.source).copied().unwrap_or_default(),
                    s.totals,
                ),
            })
            .collect(),
        total: FundsFigures::new(period_total, summary.total),
        slowest: summary.slowest,
        entries: summary.this_week,
    })
}

fn headline(c: &part::Counts, as_of: Date) -> Headline {
    let (d, n) = year_elapsed(as_of);
    Headline {
        projects: c.projects,
        total_investment: Amount(c.total_investment),
        plan_year: as_of.year(),
        investment: AmountRatio {
            numerator: Amount(c.invested),
            denominator: Amount(c.plan),
            percent: percent(c.invested, c.plan),
        },
        time_elapsed: Ratio::new(d, n),
        start_rate: Ratio::new(c.due_started as i64, c.due as i64),
        started: c.started,
        not_started: c.projects - c.started,
        new_starts: c.new_starts,
        continuing: c.continuing,
        completed: c.completed,
        producing: c.producing,
        stages: c.stages(),
        procedures_obtained: c.obtained,
    }
}

/// One project's overdue items as of `day`, each with its unit and
/// township.
fn overdue_of(
    settings: &Settings,
    lp: &LoadedProject,
    project: &ProjectRef,
    day: Date,
) -> Vec<Overdue> {
    let township: Option<Arc<str>> = township_of(lp).as_deref().map(Arc::from);
    let people = weekly_more::people_for_bulletin(settings, &lp.project.people);
    overdue::items(settings, lp, day)
        .into_iter()
        .map(|i| {
            // The unit to chase: the issuing authority (审批部门) where the
            // catalogue names one, else the task force's lead unit; a
            // problem's responsible unit.
            let recorded = i
                .procedure
                .as_deref()
                .and_then(|k| settings.procedure(k))
                .is_some_and(|c| c.authority.is_some());
            let issuer = recorded.then(|| i.authority.clone());
            let unit = match &i.unit {
                Some(u) => u.as_str().into(),
                None => i.authority.clone(),
            };
            Overdue {
                project: project.clone(),
                kind: i.kind,
                item: i.item.into_owned(),
                procedure: i.procedure.map(|p| p.into_owned()),
                problem_no: i.problem_no,
                taskforce: i.taskforce,
                taskforce_name: i.taskforce_name,
                unit,
                issuer,
                due: i.due,
                days_overdue: i.days_overdue,
                extensions: i.extensions,
                extended_from: i.extended_from,
                township: township.clone(),
                people: people.clone(),
                meeting: None,
            }
        })
        .collect()
}

/// One ranking's tallies, added up as the projects are read: who is
/// ranked with how many projects (townships) or procedures (task forces,
/// issuing units) each has, and the overdue items of each with their days.
#[derive(Default)]
struct Tally {
    counted: BTreeMap<String, usize>,
    scores: BTreeMap<String, (usize, i64)>,
}

impl Tally {
    fn count(&mut self, name: &str, n: usize) {
        match self.counted.get_mut(name) {
            Some(c) => *c += n,
            None => {
                self.counted.insert(name.to_string(), n);
            }
        }
    }

    fn score(&mut self, name: &str, days: i64) {
        let s = match self.scores.get_mut(name) {
            Some(s) => s,
            None => self.scores.entry(name.to_string()).or_default(),
        };
        s.0 += 1;
        s.1 += days;
    }
}

/// The three rankings' tallies, by township, task force and issuing unit.
#[derive(Default)]
struct Tallies {
    townships: Tally,
    taskforces: Tally,
    issuers: Tally,
}

impl Tallies {
    fn of(&self, by: RankBy) -> &Tally {
        match by {
            RankBy::Township => &self.townships,
            RankBy::Taskforce => &self.taskforces,
            RankBy::IssuingUnit => &self.issuers,
        }
    }

    /// Counts an overdue item against its township, task force and issuer.
    fn overdue(&mut self, o: &Overdue) {
        if let Some(t) = &o.township {
            self.townships.score(t, o.days_overdue);
        }
        if !o.taskforce_name.is_empty() {
            self.taskforces.score(&o.taskforce_name, o.days_overdue);
        }
        if let Some(i) = &o.issuer {
            self.issuers.score(i, o.days_overdue);
        }
    }
}

/// The rankings a scope shows: a county ranks its townships, task forces
/// and issuing units; a task force its issuing units and townships; a
/// township its task forces and issuing units. A ranking of fewer than two
/// is left out.
fn rankings(scope: &Scope, tallies: &Tallies) -> Vec<Ranking> {
    let by: &[RankBy] = match scope {
        Scope::County => &[RankBy::Township, RankBy::Taskforce, RankBy::IssuingUnit],
        Scope::Taskforce { .. } => &[RankBy::IssuingUnit, RankBy::Township],
        Scope::Township { .. } => &[RankBy::Taskforce, RankBy::IssuingUnit],
    };
    by.iter()
        .filter_map(|&by| ranking(by, tallies.of(by)))
        .collect()
}

fn ranking(by: RankBy, tally: &Tally) -> Option<Ranking> {
    let Tally { counted, scores } = tally;
    if counted.len() < 2 {
        return None;
    }
    let mut rows: Vec<RankRow> = counted
        .iter()
        .map(|(name, &count)| {
            let (items, days) = scores.get(name.as_str()).copied().unwrap_or_default();
            RankRow {
                rank: 0,
                name: name.clone(),
                count,
                overdue_items: items,
                days_overdue: Mean {
                    numerator: days,
                    denominator: items as i64,
                    value: average(days, items),
                },
            }
        })
        .collect();
    // Fewer overdue items first, then the shorter average delay (compared
    // exactly: a/b < c/d as a·d < c·b), then the name.
    rows.sort_by(|a, b| {
        a.overdue_items
            .cmp(&b.overdue_items)
            .then_with(|| {
                let l = i128::from(a.days_overdue.numerator) * b.overdue_items as i128;
                let r = i128::from(b.days_overdue.numerator) * a.overdue_items as i128;
                l.cmp(&r)
            })
            .then_with(|| a.name.cmp(&b.name))
    });
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Some(Ranking {
        by,
        best: rows[0].name.clone(),
        worst: rows[rows.len() - 1].name.clone(),
        rows,
    })
}

/// `days / items` to one decimal, rounded half up; "0.0" for no items.
fn average(days: i64, items: usize) -> String {
    if items == 0 {
        return "0.0".to_string();
    }
    let d = Decimal::from(days) / Decimal::from(items as i64);
    let text = d
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .to_string();
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        crate::model::parse_date(s).unwrap()
    }

    #[test]
    fn periods_follow_each_other() {
        let m = Period::month(d("2024-02-14"));
        assert_eq!((m.from, m.to), (d("2024-02-01"), d("2024-02-29")));
        assert_eq!(m.previous().from, d("2024-01-01"));
        assert_eq!(m.next().to, d("2024-03-31"));
        let w = Period::week(d("2024-11-20"));
        assert_eq!((w.from, w.to), (d("2024-11-18"), d("2024-11-24")));
        assert_eq!(w.previous().to, d("2024-11-17"));
        let c = Period::custom(d("2024-11-01"), d("2024-11-15")).unwrap();
        assert_eq!(c.next().from, d("2024-11-16"));
        assert_eq!(c.next().to, d("2024-11-30"));
        assert_eq!(c.previous().from, d("2024-10-17"));
        assert!(Period::custom(d("2024-11-02"), d("2024-11-01")).is_none());
    }

    #[test]
    fn averages_to_one_decimal() {
        assert_eq!(average(0, 0), "0.0");
        assert_eq!(average(10, 4), "2.5");
        assert_eq!(average(10, 3), "3.3");
        assert_eq!(average(12, 3), "4.0");
    }
}
