//! `taizhang problem add|resolve|list`: the problem ledger (问题台账), each
//! problem with its responsible unit and time limit (解决时限).

use super::{Ctx, Output, date_arg, event_date, project_id, text_arg};
use crate::cli::{
    ProblemAddArgs, ProblemEscalateArgs, ProblemListArgs, ProblemOrderArgs, ProblemResolveArgs,
};
use crate::model::{Level, Settings};
use crate::report::problems;
use crate::store::LoadedProject;
use crate::store::ledger_csv::{CsvTable, PROBLEMS_EXTRA_COLUMNS, PROBLEMS_FILE, problem_id};
use anyhow::{Result, anyhow, bail};

pub fn add(ctx: &Ctx, a: &ProblemAddArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let what = text_arg("--what", &a.what, &tr!(GiveProblemWhat))?;
    let unit = text_arg("--unit", &a.unit, &tr!(GiveUnit))?;
    let limit = date_arg("--limit", &a.limit)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    if limit < date {
        bail!(tr!(LimitBeforeRaised, limit = limit, date = date));
    }
    let category = category_arg(&ledger.settings, a.category.as_deref())?;
    let procedure = match a.procedure.as_deref() {
        None => None,
        Some(t) => {
            let row = super::procedure_row(&ledger.settings, &lp.table, &id, t)
                .map_err(|e| anyhow!(tr!(FlagValue, flag = "--procedure", error = e)))?;
            Some(lp.table.rows[row].key.clone())
        }
    };
    let (table, no) = new_problem(
        &lp,
        NewProblem {
            what,
            unit,
            limit,
            opened: date,
            category: category.as_deref(),
            procedure: procedure.as_deref(),
        },
    );
    let files = ledger.save_csv(&id, PROBLEMS_FILE, &table)?;
    ctx.commit(&ledger, &files, &format!("problem add {id} {no} ({what})"));
    Ok(Output::ok(tr!(
        ProblemAdded,
        id = id,
        no = no,
        date = date,
        unit = unit,
        limit = limit
    )))
}

/// A problem to add to a project's problem ledger.
pub(super) struct NewProblem<'a> {
    pub what: &'a str,
    pub unit: &'a str,
    pub limit: crate::model::Date,
    pub opened: crate::model::Date,
    pub category: Option<&'a str>,
    pub procedure: Option<&'a str>,
}

/// The problem table with `p` appended under the next number, and that
/// number (shared by `problem add` and `visit --problem`).
pub(super) fn new_problem(lp: &LoadedProject, p: NewProblem) -> (CsvTable, u32) {
    let no = lp.problems.iter().map(|p| p.no).max().unwrap_or(0) + 1;
    let mut table = lp.problems_table.clone();
    let taken: Vec<&str> = (0..table.cells.len()).map(|i| table.get(i, "id")).collect();
    let record = crate::model::ProblemRecord {
        no,
        what: p.what.to_string(),
        unit: p.unit.to_string(),
        limit: p.limit,
        opened: p.opened,
        resolved: None,
        how: String::new(),
        category: String::new(),
        procedure: String::new(),
        escalations: Vec::new(),
        order: None,
    };
    let pid = problem_id(&lp.id, &record, &taken);
    table.ensure_columns(&["id"]);
    if p.category.is_some() || p.procedure.is_some() {
        table.ensure_columns(&PROBLEMS_EXTRA_COLUMNS);
    }
    let at = table.cells.len();
    let mut cells = vec![
        ("no", no.to_string()),
        ("what", p.what.to_string()),
        ("unit", p.unit.to_string()),
        ("limit", p.limit.to_string()),
        ("opened", p.opened.to_string()),
        ("id", pid),
    ];
    if let Some(c) = p.category {
        cells.push(("category", c.to_string()));
    }
    if let Some(k) = p.procedure {
        cells.push(("procedure", k.to_string()));
    }
    table.insert(at, &cells);
    (table, no)
}

/// A category given with `--category`, checked against the ledger's list.
pub(super) fn category_arg(settings: &Settings, text: Option<&str>) -> Result<Option<String>> {
    let Some(t) = text else {
        return Ok(None);
    };
    let t = t.trim();
    if !settings.categories.iter().any(|c| c == t) {
        bail!(tr!(
            UnknownCategory,
            text = t,
            list = settings.categories.join(crate::msg::list_separator())
        ));
    }
    Ok(Some(t.to_string()))
}

/// A problem number given on the command line.
fn problem_no(text: &str) -> Result<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|n| *n > 0 && text.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| anyhow!(tr!(BadProblemNo, text = text)))
}

/// The problem `no` of a project and its row in problems.csv.
fn find_problem<'a>(
    lp: &'a LoadedProject,
    id: &crate::model::ProjectId,
    no: u32,
) -> Result<(&'a crate::model::ProblemRecord, usize)> {
    let Some(p) = lp.problems.iter().find(|p| p.no == no) else {
        let known: Vec<String> = lp.problems.iter().map(|p| p.no.to_string()).collect();
        if known.is_empty() {
            bail!(tr!(NoProblemEmpty, id = id, no = no));
        }
        bail!(tr!(
            NoProblem,
            id = id,
            no = no,
            list = known.join(crate::msg::list_separator())
        ));
    };
    let t = &lp.problems_table;
    let row = (0..t.cells.len())
        .find(|&r| t.get(r, "no").parse::<u32>() == Ok(no))
        .ok_or_else(|| {
            anyhow!(tr!(
                ProblemNotInFile,
                id = id,
                no = no,
                file = PROBLEMS_FILE
            ))
        })?;
    Ok((p, row))
}

pub fn escalate(ctx: &Ctx, a: &ProblemEscalateArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let no = problem_no(&a.no)?;
    let note = text_arg("--note", &a.note, &tr!(GiveEscalateNote))?;
    if a.to == Level::Taskforce {
        bail!(tr!(EscalateToTaskforce));
    }
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let (p, row) = find_problem(&lp, &id, no)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    if let Some(r) = p.resolved {
        bail!(tr!(ResolvedNoEscalate, id = id, no = no, date = r));
    }
    if date < p.opened {
        bail!(tr!(ResolvedBeforeRaised, date = date, raised = p.opened));
    }
    let current = p.recorded_level(crate::model::Date::MAX);
    if a.to <= current {
        bail!(tr!(
            AlreadyAtLevel,
            id = id,
            no = no,
            key = current.key(),
            zh = current.name_zh()
        ));
    }
    if let Some(e) = p.escalations.iter().find(|e| e.date > date) {
        bail!(tr!(
            BeforeEscalation,
            date = date,
            to = e.to.key(),
            on = e.date
        ));
    }
    let (col, note_col) = match a.to {
        Level::Leader => ("to_leader", "to_leader_note"),
        _ => ("to_mechanism", "to_mechanism_note"),
    };
    let mut table = lp.problems_table.clone();
    table.ensure_columns(&PROBLEMS_EXTRA_COLUMNS);
    table.set(row, col, date.to_string());
    table.set(row, note_col, note.to_string());
    let files = ledger.save_csv(&id, PROBLEMS_FILE, &table)?;
    ctx.commit(
        &ledger,
        &files,
        &format!("problem escalate {id} {no} to {}", a.to.key()),
    );
    Ok(Output::ok(tr!(
        Escalated,
        id = id,
        no = no,
        key = a.to.key(),
        zh = a.to.name_zh(),
        date = date
    )))
}

pub fn order(ctx: &Ctx, a: &ProblemOrderArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let no = problem_no(&a.no)?;
    let order_no = text_arg("--no", &a.order_no, &tr!(GiveOrderNo))?;
    let due = date_arg("--due", &a.due)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let (p, row) = find_problem(&lp, &id, no)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    if let Some(r) = p.resolved {
        bail!(tr!(ResolvedNoOrder, id = id, no = no, date = r));
    }
    if date < p.opened {
        bail!(tr!(ResolvedBeforeRaised, date = date, raised = p.opened));
    }
    if due < date {
        bail!(tr!(OrderDueBeforeIssued, due = due, date = date));
    }
    if let Some(o) = &p.order {
        bail!(tr!(
            AlreadyOrdered,
            id = id,
            no = no,
            order = o.no,
            date = o.date,
            due = o.due
        ));
    }
    let mut table = lp.problems_table.clone();
    table.ensure_columns(&PROBLEMS_EXTRA_COLUMNS);
    table.set(row, "order_no", order_no.to_string());
    table.set(row, "order_date", date.to_string());
    table.set(row, "order_due", due.to_string());
    let files = ledger.save_csv(&id, PROBLEMS_FILE, &table)?;
    ctx.commit(
        &ledger,
        &files,
        &format!("problem order {id} {no} {order_no}"),
    );
    Ok(Output::ok(tr!(
        Ordered,
        id = id,
        no = no,
        order = order_no,
        date = date,
        due = due
    )))
}

pub fn resolve(ctx: &Ctx, a: &ProblemResolveArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let no = problem_no(&a.no)?;
    let how = text_arg("--how", &a.how, &tr!(GiveResolvedHow))?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let Some(i) = lp.problems.iter().position(|p| p.no == no) else {
        let known: Vec<String> = lp.problems.iter().map(|p| p.no.to_string()).collect();
        if known.is_empty() {
            bail!(tr!(NoProblemEmpty, id = id, no = no));
        }
        bail!(tr!(
            NoProblem,
            id = id,
            no = no,
            list = known.join(crate::msg::list_separator())
        ));
    };
    let p = &lp.problems[i];
    if let Some(r) = p.resolved {
        bail!(tr!(ProblemAlreadyResolved, id = id, no = no, date = r));
    }
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    if date < p.opened {
        bail!(tr!(ResolvedBeforeRaised, date = date, raised = p.opened));
    }
    let t = &lp.problems_table;
    let row = (0..t.cells.len())
        .find(|&r| t.get(r, "no").parse::<u32>() == Ok(no))
        .ok_or_else(|| {
            anyhow!(tr!(
                ProblemNotInFile,
                id = id,
                no = no,
                file = PROBLEMS_FILE
            ))
        })?;
    let mut table = lp.problems_table.clone();
    table.set(row, "resolved", date.to_string());
    table.set(row, "how", how.to_string());
    let files = ledger.save_csv(&id, PROBLEMS_FILE, &table)?;
    ctx.commit(&ledger, &files, &format!("problem resolve {id} {no}"));
    let late = if date > p.limit {
        tr!(
            ResolvedLate,
            n = (date - p.limit).num_days(),
            limit = p.limit
        )
    } else {
        String::new()
    };
    Ok(Output::ok(tr!(
        ProblemResolved,
        id = id,
        no = no,
        date = date,
        late = late
    )))
}

pub fn list(ctx: &Ctx, a: &ProblemListArgs) -> Result<Output> {
    let today = ctx.today;
    let category = match &a.category {
        Some(c) => {
            let ledger = ctx.open_ledger()?;
            category_arg(&ledger.settings, Some(c))?
        }
        None => None,
    };
    let unit = a.unit.as_deref().map(str::trim);
    let keep = |i: &problems::Item| {
        a.level.is_none_or(|l| i.level == l)
            && category.as_ref().is_none_or(|c| &i.category == c)
            && unit.is_none_or(|u| i.unit == u)
            && (!a.overdue || i.days_overdue > 0 || i.order_days_overdue > 0)
    };
    let (ledger, items) = ctx.map_projects(|s, lp| {
        let mut v = problems::items(s, &lp, today, a.open || a.overdue);
        v.retain(|i| keep(i));
        v
    })?;
    let lang = ctx.lang(&ledger.settings);
    let report = problems::Report::new(today, items.into_iter().flatten().collect());
    ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang))
}
