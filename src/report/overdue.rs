//! The overdue report (逾期清单): open pledges past their deadline, pending
//! procedures past their due date, projects past their planned start and
//! not started, and problems past their time limit (with the responsible
//! unit), most overdue first, each naming the unit to chase: the authority
//! that issues the procedure (审批部门) beside the coordinating task force.
//! Only projects preparing or building: a completed, producing, suspended
//! or cancelled project owes nothing. A deadline is the last allowed day:
//! an item is overdue from the day after, by `today − due` calendar days.

use super::Table;
use super::labels::{pick, taskforce_with_lead};
use crate::model::compact::Text;
use crate::model::date::days_past;
use crate::model::facts::Level;
use crate::model::settings::SharedTaskForce;
use crate::model::{Date, Lang, People, PledgeKind, Settings, Status};
use crate::store::LoadedProject;
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A commitment (容缺 / 告知承诺) not made good by its deadline.
    Pledge,
    /// A procedure not obtained by its due date (时间节点).
    Procedure,
    /// Works not started by the planned start (未按期开工).
    Start,
    /// A problem of the problem ledger not resolved by its time limit.
    Problem,
    /// A problem's supervision order (督办) past its due day.
    Order,
    /// A dispatch meeting's decision (议定事项) not carried out in time.
    Decision,
}

impl Kind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Pledge => pick(lang, "pledge", "承诺逾期"),
            Kind::Procedure => pick(lang, "procedure", "手续逾期"),
            Kind::Start => pick(lang, "start", "未按期开工"),
            Kind::Problem => pick(lang, "problem", "问题逾期"),
            Kind::Order => pick(lang, "supervision order", "督办逾期"),
            Kind::Decision => pick(lang, "decision", "议定事项逾期"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The ledger of the project, in a roll-up over several ledgers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub kind: Kind,
    pub project: Arc<str>,
    pub project_name: Arc<str>,
    /// What is overdue: the procedure's name, or "开工" for a start.
    pub item: Text,
    /// The procedure key; null for a start.
    pub procedure: Option<Text>,
    pub taskforce: Arc<str>,
    pub taskforce_name: Arc<str>,
    pub lead_unit: Arc<str>,
    /// The unit to chase: the authority that issues the procedure (审批部门),
    /// the supervision task force's lead unit for a late start, the
    /// responsible unit of a problem.
    pub authority: Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_level: Option<Level>,
    pub due: Date,
    pub days_overdue: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pledge_kind: Option<PledgeKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_items: Option<String>,
    /// A pledge whose deadline was extended (延期): its first deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_from: Option<Date>,
    /// ... and how many times it was extended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<u32>,
    /// The responsible unit of a problem (责任单位).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The number of a problem in its project's problem ledger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem_no: Option<u32>,
    /// The supervision order's number (督办单号), for kind `order`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// The day of the meeting and the decision's number, for kind `decision`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_no: Option<u32>,
    /// Whom to call: the project's leader in charge, responsible unit and
    /// person, owner's contact (absent when none is recorded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Arc<People>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub items: Vec<Item>,
}

/// Builds the report as of `today`.
pub fn build(settings: &Settings, projects: &[LoadedProject], today: Date) -> Report {
    let items = projects
        .iter()
        .flat_map(|lp| items(settings, lp, today))
        .collect();
    Report::new(today, items)
}

/// The task force of an item that has none (a problem is a unit's).
static NO_TASK_FORCE: std::sync::LazyLock<SharedTaskForce> =
    std::sync::LazyLock::new(|| SharedTaskForce {
        key: "".into(),
        name: "".into(),
        lead: "".into(),
    });

/// The overdue items of one project as of `today`, in no particular order;
/// none for a project completed, producing, suspended or cancelled.
pub fn items(settings: &Settings, lp: &LoadedProject, today: Date) -> Vec<Item> {
    let mut items = Vec::new();
    if !lp.project.stage().stage.is_active() {
        return items;
    }
    // Strings repeated on every item of the project are shared, not copied:
    // a province's report holds hundreds of thousands of items.
    let project: Arc<str> = lp.id.as_str().into();
    let project_name: Arc<str> = lp.project.name.as_str().into();
    let unknown: &SharedTaskForce = &NO_TASK_FORCE;
    let people: Option<Arc<People>> =
        (!lp.project.people.is_empty()).then(|| Arc::new(lp.project.people.clone()));
    {
        let mut push = |kind,
                        item: Text,
                        procedure: Option<Text>,
                        taskforce: &str,
                        due: Date,
                        pledge: Option<(PledgeKind, String)>,
                        extended: Option<(Date, u32)>| {
            let days = days_past(due, today);
            if days <= 0 {
                return;
            }
            let tf = settings.shared(taskforce);
            let t = tf.unwrap_or(unknown);
            let a = match &procedure {
                Some(key) => settings.authority(key, taskforce),
                None => crate::model::settings::Authority {
                    name: t.lead.clone(),
                    level: None,
                },
            };
            items.push(Item {
                ledger: lp.ledger.clone(),
                kind,
                project: project.clone(),
                project_name: project_name.clone(),
                item,
                procedure,
                taskforce: match tf {
                    Some(t) => t.key.clone(),
                    None => taskforce.into(),
                },
                taskforce_name: t.name.clone(),
                lead_unit: t.lead.clone(),
                authority: a.name,
                authority_level: a.level,
                due,
                days_overdue: days,
                pledge_kind: pledge.as_ref().map(|p| p.0),
                missing_items: pledge.map(|p| p.1).filter(|s| !s.is_empty()),
                extended_from: extended.map(|e| e.0),
                extensions: extended.map(|e| e.1),
                unit: None,
                problem_no: None,
                order_no: None,
                meeting: None,
                decision_no: None,
                people: people.clone(),
            });
        };
        for p in lp.procedures() {
            if p.open_pledge()
                && let Some(due) = p.pledge_due
            {
                let pledge = p.pledge_kind.map(|k| (k, p.missing_items.clone()));
                push(
                    Kind::Pledge,
                    p.name.clone(),
                    Some(p.key.clone()),
                    &p.taskforce,
                    due,
                    pledge,
                    p.extended_from().map(|d| (d, p.extensions)),
                );
            }
            if p.status == Status::Pending
                && let Some(due) = p.due
            {
                push(
                    Kind::Procedure,
                    p.name.clone(),
                    Some(p.key.clone()),
                    &p.taskforce,
                    due,
                    None,
                    None,
                );
            }
        }
        if lp.project.started.is_none()
            && let Some(plan) = lp.project.planned_start
        {
            push(
                Kind::Start,
                "开工".into(),
                None,
                "supervision",
                plan,
                None,
                None,
            );
        }
        for p in &lp.problems {
            let days = p.order_days_overdue(today);
            if let (true, Some(o)) = (days > 0, &p.order) {
                items.push(Item {
                    ledger: lp.ledger.clone(),
                    kind: Kind::Order,
                    project: project.clone(),
                    project_name: project_name.clone(),
                    item: p.what.clone().into(),
                    procedure: None,
                    taskforce: unknown.key.clone(),
                    taskforce_name: unknown.name.clone(),
                    lead_unit: p.unit.as_str().into(),
                    due: o.due,
                    days_overdue: days,
                    pledge_kind: None,
                    missing_items: None,
                    unit: Some(p.unit.clone()),
                    problem_no: Some(p.no),
                    extended_from: None,
                    extensions: None,
                    authority: p.unit.as_str().into(),
                    authority_level: None,
                    order_no: Some(o.no.clone()),
                    meeting: None,
                    decision_no: None,
                    people: people.clone(),
                });
            }
            let days = p.days_overdue(today);
            if days > 0 {
                items.push(Item {
                    ledger: lp.ledger.clone(),
                    kind: Kind::Problem,
                    project: project.clone(),
                    project_name: project_name.clone(),
                    item: p.what.clone().into(),
                    procedure: None,
                    taskforce: unknown.key.clone(),
                    taskforce_name: unknown.name.clone(),
                    lead_unit: p.unit.as_str().into(),
                    authority: p.unit.as_str().into(),
                    authority_level: None,
                    due: p.limit,
                    days_overdue: days,
                    pledge_kind: None,
                    missing_items: None,
                    extended_from: None,
                    extensions: None,
                    unit: Some(p.unit.clone()),
                    problem_no: Some(p.no),
                    order_no: None,
                    meeting: None,
                    decision_no: None,
                    people: people.clone(),
                });
            }
        }
    }
    // In the report's order after the days overdue (`Report::new`).
    items.sort_by(same_days_order);
    items
}

/// The overdue decisions of dispatch meetings as items, each with the
/// project it names (its name and people from `project`, looked up by ID).
pub fn decision_items(
    decisions: &[super::decisions::Item],
    project: impl Fn(&str) -> Option<(Arc<str>, Option<Arc<People>>)>,
) -> Vec<Item> {
    decisions
        .iter()
        .filter(|d| d.days_overdue > 0)
        .map(|d| {
            let (name, people) = d
                .project
                .as_deref()
                .and_then(&project)
                .unwrap_or_else(|| ("".into(), None));
            Item {
                ledger: d.ledger.clone(),
                kind: Kind::Decision,
                project: d.project.as_deref().unwrap_or("").into(),
                project_name: name,
                item: d.what.clone().into(),
                procedure: None,
                taskforce: NO_TASK_FORCE.key.clone(),
                taskforce_name: NO_TASK_FORCE.name.clone(),
                lead_unit: d.unit.as_str().into(),
                due: d.due,
                days_overdue: d.days_overdue,
                pledge_kind: None,
                missing_items: None,
                unit: Some(d.unit.clone()),
                problem_no: None,
                extended_from: None,
                extensions: None,
                authority: d.unit.as_str().into(),
                authority_level: None,
                order_no: None,
                meeting: Some(d.meeting),
                decision_no: Some(d.no),
                people,
            }
        })
        .collect()
}

/// The order of items overdue by as many days: by ledger, project, kind,
/// procedure, problem, meeting and decision.
fn same_days_order(a: &Item, b: &Item) -> std::cmp::Ordering {
    a.ledger
        .cmp(&b.ledger)
        .then_with(|| a.project.cmp(&b.project))
        .then_with(|| a.kind.cmp(&b.kind))
        .then_with(|| a.procedure.cmp(&b.procedure))
        .then_with(|| a.problem_no.cmp(&b.problem_no))
        .then_with(|| a.meeting.cmp(&b.meeting))
        .then_with(|| a.decision_no.cmp(&b.decision_no))
}

impl Report {
    /// The report of `items`, most overdue first, then `same_days_order`.
    pub fn new(as_of: Date, mut items: Vec<Item>) -> Report {
        super::sort::sort_rows_by_key(&mut items, |i| -i.days_overdue, same_days_order);
        Report { as_of, items }
    }
}

impl Item {
    /// The item as it stands in the JSON list of the report (`items`, two
    /// levels in): the text serde gives, written field by field, since a
    /// province's list has hundreds of thousands of items.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = super::json::Object::begin(out, 2);
        o.some_str("ledger", self.ledger.as_deref());
        o.value("kind", &self.kind);
        o.str("project", &self.project);
        o.str("project_name", &self.project_name);
        o.str("item", &self.item);
        o.str_or_null("procedure", self.procedure.as_deref());
        o.str("taskforce", &self.taskforce);
        o.str("taskforce_name", &self.taskforce_name);
        o.str("lead_unit", &self.lead_unit);
        o.str("authority", &self.authority);
        o.some("authority_level", self.authority_level.as_ref());
        o.date("due", self.due);
        o.display("days_overdue", self.days_overdue);
        o.some("pledge_kind", self.pledge_kind.as_ref());
        o.some_str("missing_items", self.missing_items.as_deref());
        if let Some(d) = self.extended_from {
            o.date("extended_from", d);
        }
        if let Some(n) = self.extensions {
            o.display("extensions", n);
        }
        o.some_str("unit", self.unit.as_deref());
        if let Some(n) = self.problem_no {
            o.display("problem_no", n);
        }
        o.some_str("order_no", self.order_no.as_deref());
        if let Some(d) = self.meeting {
            o.date("meeting", d);
        }
        if let Some(n) = self.decision_no {
            o.display("decision_no", n);
        }
        o.some("people", self.people.as_deref());
        o.end();
    }

    /// The unit to chase, with its level: "濮阳市应急管理局（市级）".
    pub fn authority_label(&self, lang: Lang) -> String {
        match (self.authority_level, lang) {
            (Some(l), Lang::Zh) => format!("{}（{}）", self.authority, l.label(lang)),
            (Some(l), Lang::En) => format!("{} ({})", self.authority, l.label(lang)),
            (None, _) => self.authority.to_string(),
        }
    }

    /// What is overdue, as a table shows it: a start of works named in
    /// both languages, an extended pledge with its first deadline, a
    /// problem with its supervision order, a decision with its meeting.
    pub fn label(&self, lang: Lang) -> String {
        match (self.kind, lang) {
            (Kind::Start, Lang::En) => "start of works (开工)".to_string(),
            (Kind::Order, _) => tr_in!(
                lang,
                OverdueOrderItem,
                item = self.item,
                order = self.order_no.as_deref().unwrap_or("")
            ),
            (Kind::Decision, _) => tr_in!(
                lang,
                OverdueDecisionItem,
                item = self.item,
                meeting = self.meeting.map(|d| d.to_string()).unwrap_or_default(),
                no = self.decision_no.unwrap_or(0)
            ),
            _ => match (self.extended_from, self.extensions) {
                (Some(from), Some(n)) => {
                    let p = crate::model::Procedure {
                        pledge_due_original: Some(from),
                        extensions: n,
                        ..Default::default()
                    };
                    format!("{}{}", self.item, super::labels::extended(&p, lang))
                }
                _ => self.item.to_string(),
            },
        }
    }
}

impl Report {
    pub fn table(&self, settings: &Settings, lang: Lang) -> Table {
        let mut t = Table::new(&[
            pick(lang, "kind", "类别"),
            pick(lang, "project", "项目"),
            pick(lang, "name", "项目名称"),
            pick(lang, "item", "事项"),
            pick(lang, "issuing authority", "审批部门/责任单位"),
            pick(lang, "task force (lead unit)", "协调专班(牵头单位)"),
            pick(lang, "due", "时限"),
            pick(lang, "days overdue", "逾期天数"),
        ])
        .numeric(&[7])
        .keep(&[2, 3, 7]);
        // Whom to call, when the ledger records people.
        let call = self.items.iter().any(|i| i.people.is_some());
        if call {
            t.headers
                .push(pick(lang, "whom to call", "责任人/包联领导").to_string());
        }
        for i in &self.items {
            let item = i.label(lang);
            let mut row = vec![
                i.kind.label(lang).to_string(),
                i.project.to_string(),
                i.project_name.to_string(),
                item,
                i.authority_label(lang),
                match &i.unit {
                    Some(_) => String::new(),
                    None => taskforce_with_lead(settings, &i.taskforce),
                },
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
            t.push(row);
        }
        let ledgers: Vec<Option<String>> = self.items.iter().map(|i| i.ledger.clone()).collect();
        super::labels::ledger_column(t, &ledgers, lang)
    }

    /// The line shown instead of an empty table.
    pub fn empty_line(&self, lang: Lang) -> String {
        tr_in!(lang, OverdueNone, date = self.as_of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Texts with what JSON escapes (quotes, backslashes, control
    /// characters) and what it does not (Chinese, slashes).
    fn text() -> impl Strategy<Value = String> {
        "[a-z0-9 环评批复〔〕号\"\\\\/\n\t\u{1}\u{7f}]{0,10}"
    }

    fn date() -> impl Strategy<Value = Date> {
        (0i64..20_000)
            .prop_map(|d| Date::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(d as u64))
    }

    fn item() -> impl Strategy<Value = Item> {
        let kinds = [
            Kind::Pledge,
            Kind::Procedure,
            Kind::Start,
            Kind::Problem,
            Kind::Order,
            Kind::Decision,
        ];
        let names = (
            proptest::option::of(text()),
            text(),
            text(),
            proptest::option::of(text()),
            text(),
            proptest::option::of(prop_oneof![
                Just(Level::County),
                Just(Level::City),
                Just(Level::Province)
            ]),
        );
        let dates = (
            date(),
            -5i64..5000,
            proptest::option::of(prop_oneof![
                Just(PledgeKind::Tolerance),
                Just(PledgeKind::Notify)
            ]),
            proptest::option::of(text()),
            proptest::option::of((date(), 1u32..4)),
        );
        let rest = (
            proptest::option::of(text()),
            proptest::option::of(0u32..99),
            proptest::option::of(text()),
            proptest::option::of((date(), 1u32..9)),
            proptest::option::of((proptest::option::of(text()), proptest::option::of(text()))),
            0..kinds.len(),
        );
        (names, dates, rest).prop_map(move |(n, d, r)| Item {
            ledger: n.0,
            kind: kinds[r.5],
            project: n.1.as_str().into(),
            project_name: n.2.as_str().into(),
            item: n.2.clone().into(),
            procedure: n.3.map(Into::into),
            taskforce: n.4.as_str().into(),
            taskforce_name: "用地专班".into(),
            lead_unit: n.4.as_str().into(),
            authority: n.1.as_str().into(),
            authority_level: n.5,
            due: d.0,
            days_overdue: d.1,
            pledge_kind: d.2,
            missing_items: d.3,
            extended_from: d.4.map(|e| e.0),
            extensions: d.4.map(|e| e.1),
            unit: r.0,
            problem_no: r.1,
            order_no: r.2,
            meeting: r.3.map(|m| m.0),
            decision_no: r.3.map(|m| m.1),
            people: r.4.map(|(leader, contact)| {
                Arc::new(People {
                    leader,
                    contact,
                    ..People::default()
                })
            }),
        })
    }

    proptest! {
        /// The item's own JSON writer gives the text serde gives.
        #[test]
        fn an_item_writes_the_json_serde_writes(item in item()) {
            let mut ours = Vec::new();
            item.write_json(&mut ours);
            let mut serde = Vec::new();
            super::super::render::serde_item(&item, &mut serde);
            prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(serde).unwrap());
        }
    }
}
