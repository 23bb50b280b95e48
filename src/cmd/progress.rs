//! `taizhang plan` (annual planned investment), `taizhang progress` (an
//! entry of the progress ledger) and `taizhang problem add|resolve|list`
//! (the problem ledger). Writers take the lock, load the one project,
//! apply the change and write its file back atomically.

use super::{Ctx, Output, date_arg, event_date, project_id};
use crate::cli::{PlanArgs, ProblemAddArgs, ProblemListArgs, ProblemResolveArgs, ProgressArgs};
use crate::model::{Amount, Date};
use crate::report::problems;
use crate::store::ledger_csv::{PROBLEMS_FILE, PROGRESS_FILE};
use anyhow::{Result, anyhow, bail};

fn amount_arg(flag: &str, text: &str) -> Result<Amount> {
    Amount::parse(text).map_err(|e| anyhow!("{flag}: {e}"))
}

fn text_arg<'a>(flag: &str, text: &'a str, what: &str) -> Result<&'a str> {
    let t = text.trim();
    if t.is_empty() {
        bail!("{flag} must not be empty: give {what}");
    }
    Ok(t)
}

fn date_text(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn plan(ctx: &Ctx, a: &PlanArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let year = a
        .year
        .parse::<i32>()
        .ok()
        .filter(|y| a.year.len() == 4 && a.year.bytes().all(|b| b.is_ascii_digit()) && *y >= 1900)
        .ok_or_else(|| {
            anyhow!(
                "--year: invalid year \"{}\": expected four digits, e.g. 2024",
                a.year
            )
        })?;
    let amount = amount_arg("--amount", &a.amount)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let mut project = lp.project.clone();
    let old = project.annual_plan.insert(year, amount);
    let files = ledger.save(Some(&lp), &id, &project, None)?;
    ctx.commit(&ledger, &files, &format!("plan {id} {year} {amount}"));
    let was = match old {
        Some(o) if o != amount => format!(" (was {o})"),
        Some(_) => " (unchanged)".to_string(),
        None => String::new(),
    };
    Ok(Output::ok(format!(
        "{id}: planned investment for {year} set to {amount} 万元{was}\n"
    )))
}

pub fn progress(ctx: &Ctx, a: &ProgressArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let invested = amount_arg("--invested", &a.invested)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
    if let Some(e) = lp.progress.iter().find(|e| e.date == date) {
        bail!(
            "{id} already has a progress entry for {date} ({} 万元); edit progress.csv to correct it",
            e.invested
        );
    }
    if let Some(e) = lp
        .progress
        .iter()
        .rfind(|e| e.date < date && e.invested > invested)
    {
        bail!(
            "--invested: {invested} 万元 is less than the {} 万元 completed by {}; investment completed to date cannot shrink",
            e.invested,
            e.date
        );
    }
    if let Some(e) = lp
        .progress
        .iter()
        .find(|e| e.date > date && e.invested < invested)
    {
        bail!(
            "--invested: {invested} 万元 on {date} is more than the {} 万元 recorded later, on {}; investment completed to date cannot shrink",
            e.invested,
            e.date
        );
    }
    let mut table = lp.progress_table.clone();
    let note = a.note.as_deref().map(str::trim).unwrap_or("").to_string();
    let at = table.cells.len();
    table.insert(
        at,
        &[
            ("date", date_text(date)),
            ("invested", invested.to_string()),
            ("note", note),
        ],
    );
    sort_by_date(&mut table);
    let files = ledger.save_csv(&id, PROGRESS_FILE, &table)?;
    ctx.commit(&ledger, &files, &format!("progress {id} {date} {invested}"));
    Ok(Output::ok(format!(
        "{id}: {invested} 万元 invested to date as of {date}\n"
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

pub fn problem_add(ctx: &Ctx, a: &ProblemAddArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let what = text_arg("--what", &a.what, "what the problem is")?;
    let unit = text_arg("--unit", &a.unit, "the responsible unit (责任单位)")?;
    let limit = date_arg("--limit", &a.limit)?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
    if limit < date {
        bail!("--limit: the time limit {limit} is before the day the problem was raised ({date})");
    }
    let no = lp.problems.iter().map(|p| p.no).max().unwrap_or(0) + 1;
    let mut table = lp.problems_table.clone();
    let at = table.cells.len();
    table.insert(
        at,
        &[
            ("no", no.to_string()),
            ("what", what.to_string()),
            ("unit", unit.to_string()),
            ("limit", date_text(limit)),
            ("opened", date_text(date)),
        ],
    );
    let files = ledger.save_csv(&id, PROBLEMS_FILE, &table)?;
    ctx.commit(&ledger, &files, &format!("problem add {id} {no} ({what})"));
    Ok(Output::ok(format!(
        "{id}: problem {no} recorded on {date}, {unit} to resolve it by {limit}\n"
    )))
}

pub fn problem_resolve(ctx: &Ctx, a: &ProblemResolveArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let no = a
        .no
        .parse::<u32>()
        .ok()
        .filter(|n| *n > 0 && a.no.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| {
            anyhow!(
                "invalid problem number \"{}\": expected 1, 2, 3… (see `taizhang problem list`)",
                a.no
            )
        })?;
    let how = text_arg("--how", &a.how, "how the problem was resolved")?;
    let ledger = ctx.open_ledger()?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let Some(i) = lp.problems.iter().position(|p| p.no == no) else {
        let known: Vec<String> = lp.problems.iter().map(|p| p.no.to_string()).collect();
        if known.is_empty() {
            bail!("{id} has no problem {no}: its problem ledger is empty");
        }
        bail!(
            "{id} has no problem {no}: its problems are {}",
            known.join(", ")
        );
    };
    let p = &lp.problems[i];
    if let Some(r) = p.resolved {
        bail!("{id}: problem {no} was already resolved on {r}; edit problems.csv to correct it");
    }
    let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
    if date < p.opened {
        bail!(
            "--date: {date} is before the problem was raised ({})",
            p.opened
        );
    }
    let t = &lp.problems_table;
    let row = (0..t.cells.len())
        .find(|&r| t.get(r, "no").parse::<u32>() == Ok(no))
        .ok_or_else(|| anyhow!("{id}: problem {no} not found in {PROBLEMS_FILE}"))?;
    let mut table = lp.problems_table.clone();
    table.set(row, "resolved", date_text(date));
    table.set(row, "how", how.to_string());
    let files = ledger.save_csv(&id, PROBLEMS_FILE, &table)?;
    ctx.commit(&ledger, &files, &format!("problem resolve {id} {no}"));
    let late = if date > p.limit {
        format!(
            " ({} days after the time limit {})",
            (date - p.limit).num_days(),
            p.limit
        )
    } else {
        String::new()
    };
    Ok(Output::ok(format!(
        "{id}: problem {no} resolved on {date}{late}\n"
    )))
}

pub fn problem_list(ctx: &Ctx, a: &ProblemListArgs) -> Result<Output> {
    let (ledger, projects) = ctx.load_report()?;
    let lang = ctx.lang(&ledger.settings);
    let report = problems::build(&projects, ctx.today, a.open);
    Ok(ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang)))
}
