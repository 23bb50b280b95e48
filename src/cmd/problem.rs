//! `taizhang problem add|resolve|list`: the problem ledger (问题台账), each
//! problem with its responsible unit and time limit (解决时限).

use super::{Ctx, Output, date_arg, event_date, project_id, text_arg};
use crate::cli::{ProblemAddArgs, ProblemListArgs, ProblemResolveArgs};
use crate::report::problems;
use crate::store::ledger_csv::{PROBLEMS_FILE, problem_id};
use anyhow::{Result, anyhow, bail};

pub fn add(ctx: &Ctx, a: &ProblemAddArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let what = text_arg("--what", &a.what, "what the problem is")?;
    let unit = text_arg("--unit", &a.unit, "the responsible unit (责任单位)")?;
    let limit = date_arg("--limit", &a.limit)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    if limit < date {
        bail!(tr!(LimitBeforeRaised, limit = limit, date = date));
    }
    let no = lp.problems.iter().map(|p| p.no).max().unwrap_or(0) + 1;
    let mut table = lp.problems_table.clone();
    let taken: Vec<&str> = (0..table.cells.len()).map(|i| table.get(i, "id")).collect();
    let record = crate::model::ProblemRecord {
        no,
        what: what.to_string(),
        unit: unit.to_string(),
        limit,
        opened: date,
        resolved: None,
        how: String::new(),
    };
    let pid = problem_id(id.as_str(), &record, &taken);
    let at = table.cells.len();
    table.insert(
        at,
        &[
            ("no", no.to_string()),
            ("what", what.to_string()),
            ("unit", unit.to_string()),
            ("limit", limit.to_string()),
            ("opened", date.to_string()),
            ("id", pid),
        ],
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

pub fn resolve(ctx: &Ctx, a: &ProblemResolveArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let no =
        a.no.parse::<u32>()
            .ok()
            .filter(|n| *n > 0 && a.no.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| anyhow!(tr!(BadProblemNo, text = a.no)))?;
    let how = text_arg("--how", &a.how, "how the problem was resolved")?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let Some(i) = lp.problems.iter().position(|p| p.no == no) else {
        let known: Vec<String> = lp.problems.iter().map(|p| p.no.to_string()).collect();
        if known.is_empty() {
            bail!(tr!(NoProblemEmpty, id = id, no = no));
        }
        bail!(tr!(NoProblem, id = id, no = no, list = known.join(", ")));
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
    let (ledger, items) = ctx.map_projects(|_, lp| problems::items(&lp, today, a.open))?;
    let lang = ctx.lang(&ledger.settings);
    let report = problems::Report::new(today, items.into_iter().flatten().collect());
    ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang))
}
