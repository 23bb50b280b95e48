//! The sections on people, problems climbing, meeting decisions, site
//! visits and funds (issue 13), kept apart from `weekly` so that file stays
//! the frame; `report bulletin` builds its own sections from the same
//! values (`taken_up_of`, the funds and visits added up by `part::Gather`,
//! `call`): problems taken to the county leaders first, then to the
//! mechanism; open meeting decisions, overdue first; funds received and
//! paid by source with the slowest payers of government money; the number
//! of site visits. A section appears only when the ledger keeps that
//! record. Phone numbers are left out unless `[bulletin] show_phones`.

use super::labels::pick;
use super::weekly::{Section, headers, with_ledger};
use super::{Table, decisions, problems};
use crate::model::funds::FundTotals;
use crate::model::{Date, FundKind, Lang, Level, People, Settings};
use crate::store::LoadedProject;
use serde::Serialize;
use std::sync::Arc;

/// The people of a project as the bulletin may print them: phones removed
/// unless `show_phones`; `None` when nobody is recorded.
pub fn people_for_bulletin(settings: &Settings, people: &People) -> Option<Arc<People>> {
    if people.is_empty() {
        return None;
    }
    let mut p = people.clone();
    if !settings.show_phones {
        p.person_phone = None;
        p.contact_phone = None;
    }
    Some(Arc::new(p))
}

/// A problem handled above the task force, with whom to call.
#[derive(Debug, Clone, Serialize)]
pub struct Climbed {
    #[serde(flatten)]
    pub problem: problems::Item,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Arc<People>>,
}

/// Funds of one source over every project.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub source: String,
    #[serde(flatten)]
    pub totals: FundTotals,
    pub paid_percent: i64,
}

/// A project whose government money waits longest to be paid out.
#[derive(Debug, Clone, Serialize)]
pub struct SlowPayer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    /// Government money received and not yet paid out (万元).
    pub unpaid: String,
    /// The day the oldest unpaid part arrived.
    pub since: Date,
    pub days: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<Arc<People>>,
}

/// A funds entry of the week.
#[derive(Debug, Clone, Serialize)]
pub struct WeekEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    pub project: String,
    pub project_name: String,
    #[serde(flatten)]
    pub entry: crate::model::FundEntry,
}

#[derive(Debug, Clone, Serialize)]
pub struct FundsSummary {
    pub by_source: Vec<SourceRow>,
    pub total: FundTotals,
    pub slowest: Vec<SlowPayer>,
    /// Money received or paid in the week, by date.
    pub this_week: Vec<WeekEntry>,
}

/// Site visits this week and to date.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Visits {
    pub this_week: usize,
    pub to_date: usize,
}

/// One project's open problems above the task force (and, with
/// `with_orders`, those under a supervision order (督办) at any level), each
/// with whom to call; ordered over every project by `sort_taken_up`.
pub fn taken_up_of(
    settings: &Settings,
    lp: &LoadedProject,
    as_of: Date,
    with_orders: bool,
) -> Vec<Climbed> {
    let mut people = None;
    problems::items(settings, lp, as_of, true)
        .into_iter()
        .filter(|p| p.level > Level::Taskforce || (with_orders && p.order.is_some()))
        .map(|problem| Climbed {
            problem,
            people: people
                .get_or_insert_with(|| people_for_bulletin(settings, &lp.project.people))
                .clone(),
        })
        .collect()
}

/// Problems taken up: leaders first, then the mechanism, then the task
/// forces; most overdue first.
pub fn sort_taken_up(items: &mut [Climbed]) {
    items.sort_by(|a, b| {
        let (a, b) = (&a.problem, &b.problem);
        b.level
            .cmp(&a.level)
            .then_with(|| b.days_overdue.cmp(&a.days_overdue))
            .then_with(|| (&a.ledger, &a.project, a.no).cmp(&(&b.ledger, &b.project, b.no)))
    });
}

/// Whom to call about a project: its person in charge (with the phone when
/// the settings allow it) and its county leader.
pub fn call(people: &Option<Arc<People>>, lang: Lang) -> String {
    people
        .as_ref()
        .map(|p| p.call_line(true, lang == Lang::En))
        .unwrap_or_default()
}

/// The section of problems taken up, leaders first.
pub fn climbed_section(items: &[Climbed], multi: bool, lang: Lang) -> Section {
    let mut t = headers(
        multi,
        lang,
        &[
            pick(lang, "level", "层级"),
            pick(lang, "project", "项目"),
            pick(lang, "name", "项目名称"),
            pick(lang, "problem", "问题"),
            pick(lang, "category", "类别"),
            pick(lang, "responsible unit", "责任单位"),
            pick(lang, "time limit", "解决时限"),
            pick(lang, "state", "状态"),
            pick(lang, "supervision order", "督办"),
            pick(lang, "whom to call", "责任人/包联领导"),
        ],
    );
    for c in items {
        let p = &c.problem;
        t.push(with_ledger(
            multi,
            &p.ledger,
            vec![
                problems::level_label(p, lang),
                p.project.clone(),
                p.project_name.clone(),
                p.what.clone(),
                p.category.clone(),
                p.unit.clone(),
                p.limit.to_string(),
                problems::state_label(p.open, p.days_overdue, lang),
                problems::order_label(&p.order, p.order_days_overdue, lang),
                call(&c.people, lang),
            ],
        ));
    }
    Section {
        heading: pick(
            lang,
            "Problems taken to the county leaders and the mechanism",
            "提请县领导、协调机制协调的问题",
        )
        .to_string(),
        lines: Vec::new(),
        parts: vec![(String::new(), t)],
        empty: pick(lang, "None.", "无。").to_string(),
    }
}

/// The section of open meeting decisions, overdue first.
pub fn decisions_section(items: &[decisions::Item], multi: bool, lang: Lang) -> Section {
    let mut sorted: Vec<&decisions::Item> = items.iter().filter(|d| d.open).collect();
    sorted.sort_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then_with(|| (&a.ledger, a.meeting, a.no).cmp(&(&b.ledger, b.meeting, b.no)))
    });
    let mut t = headers(
        multi,
        lang,
        &[
            pick(lang, "meeting", "会议日期"),
            pick(lang, "decision", "议定事项"),
            pick(lang, "responsible unit", "责任单位"),
            pick(lang, "project", "项目"),
            pick(lang, "due", "完成时限"),
            pick(lang, "state", "状态"),
        ],
    );
    for d in sorted {
        t.push(with_ledger(
            multi,
            &d.ledger,
            vec![
                d.meeting.to_string(),
                format!("{}. {}", d.no, d.what),
                d.unit.clone(),
                d.project.clone().unwrap_or_default(),
                d.due.to_string(),
                problems::state_label(d.open, d.days_overdue, lang),
            ],
        ));
    }
    let done = items.iter().filter(|d| !d.open).count();
    let line = match lang {
        Lang::En => format!(
            "Decisions of the dispatch meetings: {}, carried out {done}, open {}.",
            items.len(),
            items.len() - done
        ),
        Lang::Zh => format!(
            "调度会议定事项{}项，已落实{done}项，未落实{}项。",
            items.len(),
            items.len() - done
        ),
    };
    Section {
        heading: pick(
            lang,
            "Decisions of the dispatch meetings",
            "调度会议定事项落实情况",
        )
        .to_string(),
        lines: vec![line],
        parts: vec![(String::new(), t)],
        empty: pick(lang, "None open.", "均已落实。").to_string(),
    }
}

/// The funds section: by source, then the slowest payers.
pub fn funds_section(f: &FundsSummary, multi: bool, lang: Lang) -> Section {
    let mut t = Table::new(&[
        pick(lang, "source", "资金来源"),
        pick(lang, "planned (万元)", "计划(万元)"),
        pick(lang, "received (万元)", "到位(万元)"),
        pick(lang, "paid (万元)", "支付(万元)"),
        pick(lang, "paid of received", "支付率"),
    ])
    .numeric(&[1, 2, 3, 4]);
    let row = |name: String, t: &FundTotals| {
        vec![
            name,
            t.planned.to_string(),
            t.received.to_string(),
            t.paid.to_string(),
            format!("{}%", t.paid_percent()),
        ]
    };
    for s in &f.by_source {
        t.push(row(s.source.clone(), &s.totals));
    }
    t.push(row(pick(lang, "total", "合计").to_string(), &f.total));
    let mut s = headers(
        multi,
        lang,
        &[
            pick(lang, "project", "项目"),
            pick(lang, "name", "项目名称"),
            pick(
                lang,
                "unpaid government money (万元)",
                "未支付财政性资金(万元)",
            ),
            pick(lang, "waiting since", "最早到位日期"),
            pick(lang, "days", "滞留天数"),
            pick(lang, "whom to call", "责任人/包联领导"),
        ],
    )
    .numeric(&[2 + usize::from(multi), 4 + usize::from(multi)]);
    for p in &f.slowest {
        s.push(with_ledger(
            multi,
            &p.ledger,
            vec![
                p.project.clone(),
                p.project_name.clone(),
                p.unpaid.clone(),
                p.since.to_string(),
                p.days.to_string(),
                call(&p.people, lang),
            ],
        ));
    }
    let mut w = headers(
        multi,
        lang,
        &[
            pick(lang, "date", "日期"),
            pick(lang, "project", "项目"),
            pick(lang, "name", "项目名称"),
            pick(lang, "source", "资金来源"),
            pick(lang, "received/paid", "到位/支付"),
            pick(lang, "amount (万元)", "金额(万元)"),
            pick(lang, "note", "备注"),
        ],
    )
    .numeric(&[5 + usize::from(multi)]);
    for e in &f.this_week {
        w.push(with_ledger(
            multi,
            &e.ledger,
            vec![
                e.entry.date.to_string(),
                e.project.clone(),
                e.project_name.clone(),
                e.entry.source.clone(),
                match e.entry.kind {
                    FundKind::Received => pick(lang, "received", "到位"),
                    _ => pick(lang, "paid", "支付"),
                }
                .to_string(),
                e.entry.amount.to_string(),
                e.entry.note.clone(),
            ],
        ));
    }
    Section {
        heading: pick(lang, "Funds received and paid", "资金到位和支付情况").to_string(),
        lines: Vec::new(),
        parts: vec![
            (pick(lang, "This week", "本周资金到位和支付").to_string(), w),
            (pick(lang, "By source", "按资金来源").to_string(), t),
            (
                pick(
                    lang,
                    "Slowest payers of government money",
                    "财政性资金支付最慢的项目",
                )
                .to_string(),
                s,
            ),
        ],
        empty: pick(lang, "None.", "无。").to_string(),
    }
}

/// The overview line on site visits, when any were made.
pub fn visits_line(v: &Visits, lang: Lang) -> Option<String> {
    (v.to_date > 0).then(|| match lang {
        Lang::En => format!(
            "Site visits (现场督导): {} this week, {} to date.",
            v.this_week, v.to_date
        ),
        Lang::Zh => format!("本周开展现场督导{}次，累计{}次。", v.this_week, v.to_date),
    })
}

/// The overview line on funds, when any are recorded.
pub fn funds_line(f: &FundsSummary, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Funds: {} 万元 received, {} 万元 paid out ({}%).",
            f.total.received,
            f.total.paid,
            f.total.paid_percent()
        ),
        Lang::Zh => format!(
            "资金到位{}万元，已支付{}万元，支付率{}%。",
            f.total.received,
            f.total.paid,
            f.total.paid_percent()
        ),
    }
}
