//! `taizhang visit`: a site visit (现场督导) to a project, kept in its
//! `visits.csv`; with --problem the findings open a problem in the
//! problem ledger in the same step (both files written under one lock).

use super::problem::{NewProblem, category_arg, new_problem};
use super::{Ctx, Output, date_arg, event_date, project_id, text_arg};
use crate::cli::VisitArgs;
use crate::store::funds::VISITS_FILE;
use crate::store::ledger::PROJECTS_DIR;
use crate::store::ledger_csv::PROBLEMS_FILE;
use crate::store::write::WriteSet;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &VisitArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let by = text_arg("--by", &a.by, &tr!(GiveVisitBy))?;
    let findings = text_arg("--findings", &a.findings, &tr!(GiveFindings))?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    let mut problem = None;
    if a.problem {
        let unit = text_arg(
            "--unit",
            a.unit.as_deref().unwrap_or(""),
            &tr!(GiveProblemUnit),
        )?;
        let limit = date_arg("--limit", a.limit.as_deref().unwrap_or(""))?;
        if limit < date {
            bail!(tr!(LimitBeforeVisit, limit = limit, date = date));
        }
        let category = category_arg(&ledger.settings, a.category.as_deref())?;
        let (table, no) = new_problem(
            &lp,
            NewProblem {
                what: findings,
                unit,
                limit,
                opened: date,
                category: category.as_deref(),
                procedure: None,
            },
        );
        problem = Some((table, no, unit.to_string(), limit));
    }
    let mut table = lp.visits_table.clone();
    let row_id = crate::store::ledger_csv::row_id(
        &format!("{id}\u{1f}{date}\u{1f}{by}\u{1f}{findings}"),
        &crate::store::funds::taken_ids(&table),
    );
    table.ensure_columns(&["id"]);
    let at = (0..table.cells.len())
        .rfind(|&r| table.get(r, "date") <= date.to_string().as_str())
        .map_or(0, |r| r + 1);
    let mut cells = vec![
        ("date", date.to_string()),
        ("by", by.to_string()),
        ("findings", findings.to_string()),
    ];
    if let Some((_, no, _, _)) = &problem {
        cells.push(("problem", no.to_string()));
    }
    cells.push(("id", row_id));
    table.insert(at, &cells);
    // Both files or neither: a visit never names a problem that is not there.
    let mut set = WriteSet::new();
    let dir = ledger.project_dir(&id);
    let rel = std::path::Path::new(PROJECTS_DIR).join(id.as_str());
    if let Some((t, ..)) = &problem {
        set.add(
            dir.join(PROBLEMS_FILE),
            rel.join(PROBLEMS_FILE),
            t.to_bytes(),
        );
    }
    set.add(
        dir.join(VISITS_FILE),
        rel.join(VISITS_FILE),
        table.to_bytes(),
    );
    let files = set.commit()?;
    ctx.commit(&ledger, &files, &format!("visit {id} {date} ({by})"));
    let mut out = tr!(VisitRecorded, id = id, date = date, by = by);
    if let Some((_, no, unit, limit)) = problem {
        out.push_str(&tr!(
            VisitProblem,
            id = id,
            no = no,
            unit = unit,
            limit = limit
        ));
    }
    Ok(Output::ok(out))
}
