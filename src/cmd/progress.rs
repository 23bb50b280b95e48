//! `taizhang progress`: an entry of the project's progress ledger
//! (项目进度台账): investment completed to date and physical progress.

use super::{Ctx, Output, amount_arg, event_date, project_id};
use crate::cli::ProgressArgs;
use crate::store::ledger_csv::PROGRESS_FILE;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &ProgressArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let invested = amount_arg("--invested", &a.invested)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    if let Some(e) = lp.progress.iter().find(|e| e.date == date) {
        bail!(tr!(
            ProgressExists,
            id = id,
            date = date,
            invested = e.invested
        ));
    }
    if let Some(e) = lp
        .progress
        .iter()
        .rfind(|e| e.date < date && e.invested > invested)
    {
        bail!(tr!(
            InvestedShrinks,
            invested = invested,
            earlier = e.invested,
            date = e.date
        ));
    }
    if let Some(e) = lp
        .progress
        .iter()
        .find(|e| e.date > date && e.invested < invested)
    {
        bail!(tr!(
            InvestedAboveLater,
            invested = invested,
            date = date,
            later = e.invested,
            later_date = e.date
        ));
    }
    let mut table = lp.progress_table.clone();
    let note = a.note.as_deref().map(str::trim).unwrap_or("").to_string();
    let at = table.cells.len();
    table.insert(
        at,
        &[
            ("date", date.to_string()),
            ("invested", invested.to_string()),
            ("note", note),
        ],
    );
    sort_by_date(&mut table);
    let files = ledger.save_csv(&id, PROGRESS_FILE, &table)?;
    ctx.commit(&ledger, &files, &format!("progress {id} {date} {invested}"));
    Ok(Output::ok(tr!(
        ProgressRecorded,
        id = id,
        invested = invested,
        date = date
    )))
}

/// Orders the rows by their (valid, ISO) dates, keeping the order of equal ones.
fn sort_by_date(table: &mut crate::store::ledger_csv::CsvTable) {
    let col = table.header.iter().position(|h| h == "date").unwrap_or(0);
    let mut rows: Vec<(Vec<String>, usize)> =
        table.cells.drain(..).zip(table.lines.drain(..)).collect();
    rows.sort_by(|a, b| a.0[col].trim().cmp(b.0[col].trim()));
    for (cells, line) in rows {
        table.cells.push(cells);
        table.lines.push(line);
    }
}
