//! The slow-progress report (进度滞后亮灯): each project graded red, yellow
//! or green with every reason. Rules, with thresholds from `[slow]` in
//! ledger.toml: not started on schedule (days past the planned start);
//! procedures behind (share obtained or pledged behind the share of time
//! elapsed from opening to planned start); stale (nothing recorded for a
//! project not yet started); for started projects, investment behind
//! time-elapsed progress (时序进度: share of this year's planned investment
//! completed against the share of the year elapsed) and progress stale (no
//! progress entry for a while). All judged from dates in the ledger. Only
//! projects preparing or building are graded.

use super::Table;
use super::labels::pick;
use crate::model::date::days_past;
use crate::model::funds;
use crate::model::progress::{invested_this_year, percent, percent_of, year_elapsed};
use crate::model::{Amount, Date, FundKind, Lang, Settings, SlowRules, Status};
use crate::store::LoadedProject;
use chrono::Datelike;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Green,
    Yellow,
    Red,
}

impl Light {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Light::Red => pick(lang, "red", "红灯"),
            Light::Yellow => pick(lang, "yellow", "黄灯"),
            Light::Green => pick(lang, "green", "绿灯"),
        }
    }

    /// How far a share `done / whole` is behind the share of time
    /// `elapsed / span`, in percentage points, graded: yellow from `yellow`
    /// points, red from `red`. Compared exactly: the gap
    /// 100·elapsed/span − 100·done/whole is never rounded.
    fn behind(
        done: Decimal,
        whole: Decimal,
        elapsed: Decimal,
        span: Decimal,
        yellow: i64,
        red: i64,
    ) -> Light {
        let gap_scaled = Decimal::ONE_HUNDRED * (elapsed * whole - done * span);
        let points = |p: i64| Decimal::from(p) * span * whole;
        if gap_scaled >= points(red) {
            Light::Red
        } else if gap_scaled >= points(yellow) {
            Light::Yellow
        } else {
            Light::Green
        }
    }

    /// Yellow at `yellow`, red at `red` (both inclusive), else green.
    fn grade(value: i64, yellow: i64, red: i64) -> Light {
        if value >= red {
            Light::Red
        } else if value >= yellow {
            Light::Yellow
        } else {
            Light::Green
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    NotStarted,
    ProceduresBehind,
    Stale,
    InvestmentBehind,
    ProgressStale,
    /// Government money received and not paid out in time (资金支付进度慢).
    FundsPaymentSlow,
    /// Special-bond money received and works not started (专项债资金到位未开工).
    BondNotStarted,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub rule: Rule,
    pub light: Light,
    /// The reason as a sentence in the report's language.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_percent: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_percent: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_since: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_recorded: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invested_percent: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invested_this_year: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_plan: Option<Amount>,
    /// Government money received and not yet paid out (万元).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unpaid: Option<String>,
    /// The day the oldest unpaid money (or the first bond money) arrived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_on: Option<Date>,
    /// Whole percent of the government money received that was paid out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_percent: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectLight {
    /// The ledger of the project, in a roll-up over several ledgers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub name: String,
    pub light: Light,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub projects: Vec<ProjectLight>,
}

fn reason(rule: Rule, light: Light, message: String) -> Reason {
    Reason {
        rule,
        light,
        message,
        days_late: None,
        done_percent: None,
        elapsed_percent: None,
        days_since: None,
        last_recorded: None,
        invested_percent: None,
        invested_this_year: None,
        annual_plan: None,
        unpaid: None,
        received_on: None,
        paid_percent: None,
    }
}

/// The funds rules: government money waiting to be paid out (first in,
/// first out) or paid out below a share of what arrived; bond money
/// received while works have not started.
pub fn funds_reasons(
    settings: &Settings,
    lp: &LoadedProject,
    today: Date,
    lang: Lang,
) -> Vec<Reason> {
    let rules = &settings.slow;
    let f = &settings.funds;
    let mut out = Vec::new();
    let government = |s: &str| f.government.iter().any(|g| g == s);
    if rules.funds_unpaid_yellow_days > 0 {
        let received: Decimal = lp
            .funds
            .iter()
            .filter(|e| e.kind == FundKind::Received && e.date <= today && government(&e.source))
            .map(|e| e.amount.0)
            .sum();
        let paid: Decimal = lp
            .funds
            .iter()
            .filter(|e| e.kind == FundKind::Paid && e.date <= today && government(&e.source))
            .map(|e| e.amount.0)
            .sum();
        let first = lp
            .funds
            .iter()
            .filter(|e| e.kind == FundKind::Received && e.date <= today && government(&e.source))
            .map(|e| e.date)
            .min();
        let paid_pct = percent(paid, received);
        if let Some((unpaid, since)) = funds::oldest_unpaid(&lp.funds, government, today) {
            let days = days_past(since, today);
            let mut light = Light::grade(
                days,
                rules.funds_unpaid_yellow_days,
                if rules.funds_unpaid_red_days > 0 {
                    rules.funds_unpaid_red_days
                } else {
                    i64::MAX
                },
            );
            let share_low = rules.funds_paid_yellow_percent > 0
                && paid_pct < rules.funds_paid_yellow_percent
                && first.is_some_and(|d| days_past(d, today) >= rules.funds_unpaid_yellow_days);
            if share_low {
                light = light.max(Light::Yellow);
            }
            if light > Light::Green {
                let message = tr_in!(
                    lang,
                    SlowFundsPaid,
                    unpaid = unpaid,
                    since = since,
                    days = days,
                    paid_pct = paid_pct,
                    received = received
                );
                out.push(Reason {
                    days_since: Some(days),
                    unpaid: Some(unpaid.to_string()),
                    received_on: Some(since),
                    paid_percent: Some(paid_pct),
                    ..reason(Rule::FundsPaymentSlow, light, message)
                });
            }
        }
    }
    let started = lp.project.started.is_some_and(|d| d <= today);
    if rules.bond_unstarted_yellow_days > 0 && !started {
        let bonds: Vec<_> = lp
            .funds
            .iter()
            .filter(|e| {
                e.kind == FundKind::Received && e.date <= today && f.bonds.contains(&e.source)
            })
            .collect();
        if let Some(first) = bonds.iter().map(|e| e.date).min() {
            let days = days_past(first, today);
            let light = Light::grade(
                days,
                rules.bond_unstarted_yellow_days,
                if rules.bond_unstarted_red_days > 0 {
                    rules.bond_unstarted_red_days
                } else {
                    i64::MAX
                },
            );
            if light > Light::Green {
                let amount = Amount::sum(bonds.iter().map(|e| &e.amount));
                let message = tr_in!(
                    lang,
                    SlowBondNotStarted,
                    amount = amount,
                    first = first,
                    days = days
                );
                out.push(Reason {
                    days_since: Some(days),
                    received_on: Some(first),
                    ..reason(Rule::BondNotStarted, light, message)
                });
            }
        }
    }
    out
}

/// The reasons one project is lit, as of `today`.
pub fn reasons(lp: &LoadedProject, rules: &SlowRules, today: Date, lang: Lang) -> Vec<Reason> {
    let p = &lp.project;
    let mut out = Vec::new();
    if let Some(started) = p.started.filter(|d| *d <= today) {
        out.extend(investment_behind(lp, rules, today, lang));
        let last = lp
            .progress
            .iter()
            .map(|e| e.date)
            .chain([started])
            .filter(|d| *d <= today)
            .max()
            .unwrap_or(started);
        let since = days_past(last, today);
        // Only projects kept in the progress ledger: a plan for the year or
        // an entry already.
        let tracked = p.annual_plan.contains_key(&today.year()) || !lp.progress.is_empty();
        if tracked && rules.progress_stale_days > 0 && since >= rules.progress_stale_days {
            let message = tr_in!(lang, SlowProgressStale, since = since, last = last);
            out.push(Reason {
                days_since: Some(since),
                last_recorded: Some(last),
                ..reason(Rule::ProgressStale, Light::Yellow, message)
            });
        }
        return out;
    }
    if let Some(plan) = p.planned_start {
        let late = days_past(plan, today);
        let light = Light::grade(
            late,
            rules.start_late_yellow_days,
            rules.start_late_red_days,
        );
        if late > 0 && light > Light::Green {
            let message = tr_in!(lang, SlowNotStarted, late = late, plan = plan);
            out.push(Reason {
                days_late: Some(late),
                ..reason(Rule::NotStarted, light, message)
            });
        }
        if let Some(r) = procedures_behind(lp, rules, plan, today, lang) {
            out.push(r);
        }
    }
    let last = lp
        .procedures()
        .iter()
        .flat_map(|r| r.recorded_dates())
        .chain([p.opened])
        .filter(|d| *d <= today)
        .max()
        .unwrap_or(p.opened);
    let since = days_past(last, today);
    if rules.stale_days > 0 && since >= rules.stale_days {
        let message = tr_in!(lang, SlowStale, since = since, last = last);
        out.push(Reason {
            days_since: Some(since),
            last_recorded: Some(last),
            ..reason(Rule::Stale, Light::Yellow, message)
        });
    }
    out
}

/// Investment completed this year against this year's plan, compared with
/// the share of the year elapsed (时序进度).
fn investment_behind(
    lp: &LoadedProject,
    rules: &SlowRules,
    today: Date,
    lang: Lang,
) -> Option<Reason> {
    let year = today.year();
    let plan = *lp.project.annual_plan.get(&year)?;
    if plan.0.is_zero() {
        return None;
    }
    let (day, days) = year_elapsed(today);
    let invested = invested_this_year(&lp.progress, today);
    let light = Light::behind(
        invested,
        plan.0,
        Decimal::from(day),
        Decimal::from(days),
        rules.investment_behind_yellow_points,
        rules.investment_behind_red_points,
    );
    if light == Light::Green {
        return None;
    }
    let inv_pct = percent(invested, plan.0);
    let elapsed_pct = percent_of(day, days);
    let message = tr_in!(
        lang,
        SlowInvestmentBehind,
        inv_pct = inv_pct,
        elapsed_pct = elapsed_pct,
        invested = invested,
        plan = plan,
        year = year
    );
    Some(Reason {
        invested_percent: Some(inv_pct),
        elapsed_percent: Some(elapsed_pct),
        invested_this_year: Some(invested.to_string()),
        annual_plan: Some(plan),
        ..reason(Rule::InvestmentBehind, light, message)
    })
}

/// Share of procedures done (obtained or pledged, not-needed left out)
/// against the share of the time from opening to planned start elapsed.
fn procedures_behind(
    lp: &LoadedProject,
    rules: &SlowRules,
    plan: Date,
    today: Date,
    lang: Lang,
) -> Option<Reason> {
    let opened = lp.project.opened;
    let span = (plan - opened).num_days();
    let needed = lp
        .procedures()
        .iter()
        .filter(|r| r.status != Status::NotNeeded)
        .count() as i64;
    if span <= 0 || needed == 0 {
        return None;
    }
    let elapsed = (today - opened).num_days().clamp(0, span);
    let done = lp.procedures().iter().filter(|r| r.is_done()).count() as i64;
    let light = Light::behind(
        Decimal::from(done),
        Decimal::from(needed),
        Decimal::from(elapsed),
        Decimal::from(span),
        rules.procedures_behind_yellow_points,
        rules.procedures_behind_red_points,
    );
    if light == Light::Green {
        return None;
    }
    let done_pct = percent_of(done, needed);
    let elapsed_pct = percent_of(elapsed, span);
    let message = tr_in!(
        lang,
        SlowProceduresBehind,
        done_pct = done_pct,
        done = done,
        needed = needed,
        elapsed_pct = elapsed_pct
    );
    Some(Reason {
        done_percent: Some(done_pct),
        elapsed_percent: Some(elapsed_pct),
        ..reason(Rule::ProceduresBehind, light, message)
    })
}

/// Builds the report; green projects only when `all`.
pub fn build(
    settings: &Settings,
    projects: &[LoadedProject],
    today: Date,
    lang: Lang,
    all: bool,
) -> Report {
    let lights = projects
        .iter()
        .filter_map(|lp| light(settings, lp, today, lang))
        .collect();
    Report::new(today, lights, all)
}

/// One project's light and reasons as of `today`; none for a project
/// completed, producing, suspended or cancelled, which is not graded.
pub fn light(
    settings: &Settings,
    lp: &LoadedProject,
    today: Date,
    lang: Lang,
) -> Option<ProjectLight> {
    if !lp.project.stage().stage.is_active() {
        return None;
    }
    let mut reasons = reasons(lp, &settings.slow, today, lang);
    reasons.extend(funds_reasons(settings, lp, today, lang));
    let light = reasons
        .iter()
        .map(|r| r.light)
        .max()
        .unwrap_or(Light::Green);
    Some(ProjectLight {
        ledger: lp.ledger.clone(),
        project: lp.id.clone(),
        name: lp.project.name.clone(),
        light,
        reasons,
    })
}

impl Report {
    /// The report of `lights`, red first; green ones only when `all`.
    pub fn new(as_of: Date, lights: Vec<ProjectLight>, all: bool) -> Report {
        let mut projects: Vec<ProjectLight> = lights
            .into_iter()
            .filter(|p| all || p.light > Light::Green)
            .collect();
        projects.sort_by(|a, b| {
            b.light
                .cmp(&a.light)
                .then_with(|| a.ledger.cmp(&b.ledger))
                .then_with(|| a.project.cmp(&b.project))
        });
        Report { as_of, projects }
    }

    pub fn table(&self, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "light", "亮灯"),
            pick(lang, "project", "项目"),
            pick(lang, "name", "项目名称"),
            pick(lang, "reasons", "原因"),
        ])
        .keep(&[0, 2, 3]);
        for p in &self.projects {
            let reasons: Vec<&str> = p.reasons.iter().map(|r| r.message.as_str()).collect();
            t.push(vec![
                p.light.label(lang).to_string(),
                p.project.clone(),
                p.name.clone(),
                reasons.join(pick(lang, "; ", "；")),
            ]);
            match p.light {
                Light::Red => t.tint_last(0, super::Tint::Red),
                Light::Yellow => t.tint_last(0, super::Tint::Yellow),
                Light::Green => {}
            }
        }
        let ledgers: Vec<Option<String>> = self.projects.iter().map(|p| p.ledger.clone()).collect();
        super::labels::ledger_column(t, &ledgers, lang)
    }

    pub fn empty_line(&self, lang: Lang) -> String {
        tr_in!(lang, SlowNone, date = self.as_of)
    }
}
