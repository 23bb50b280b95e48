//! The clerk's daily records on one procedure or project: `tick` (obtained),
//! `pledge` (granted on a commitment), `fulfil` (commitment made good),
//! `due` (date by which it should be obtained) and `start` (works started).
//! Each takes the write lock, loads the one project, applies the change and
//! writes its files back atomically.

use super::{Ctx, Output, date_arg, event_date, procedure_row, project_id};
use crate::cli::{DueArgs, FulfilArgs, PledgeArgs, StartArgs, TickArgs};
use crate::model::{Procedure, Project, ProjectId, Status};
use crate::store::{Ledger, LoadedProject};
use anyhow::{Result, anyhow, bail};

/// Loads a project under the lock, lets `change` edit a copy of its record
/// and procedure table, and saves what changed.
/// `verb` and the procedures whose rows changed make the subject of the
/// commit when the change is committed (`--commit`, `auto_commit`).
pub(super) fn edit(
    ctx: &Ctx,
    verb: &str,
    id_text: &str,
    change: impl FnOnce(
        &Ledger,
        &ProjectId,
        &LoadedProject,
        &mut Project,
        &mut crate::store::procedures_file::ProcedureTable,
    ) -> Result<String>,
) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let id = project_id(id_text)?;
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let mut project = lp.project.clone();
    let mut table = lp.table.clone();
    let message = change(&ledger, &id, &lp, &mut project, &mut table)?;
    let table_changed = table.rows != lp.table.rows;
    let files = ledger.save(Some(&lp), &id, &project, table_changed.then_some(&table))?;
    let mut subject = format!("{verb} {id}");
    for (new, old) in table.rows.iter().zip(&lp.table.rows) {
        if new != old {
            subject.push_str(&format!(" {} ({})", new.key, new.name));
        }
    }
    ctx.commit(&ledger, &files, &subject);
    Ok(Output::ok(message))
}

pub(super) fn label(r: &Procedure) -> String {
    format!("{} ({})", r.name, r.key)
}

pub(super) fn refuse_done(id: &ProjectId, r: &Procedure) -> Result<()> {
    match r.status {
        Status::Obtained => bail!(
            "{id}: {} was already obtained on {}; edit procedures.csv to correct it",
            label(r),
            r.obtained
                .map_or("an unrecorded date".to_string(), |d| d.to_string())
        ),
        Status::NotNeeded => bail!(
            "{id}: {} is marked not needed; edit procedures.csv if it is needed after all",
            label(r)
        ),
        _ => Ok(()),
    }
}

pub fn tick(ctx: &Ctx, a: &TickArgs) -> Result<Output> {
    edit(ctx, "tick", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if let Some(p) = row.pledged
            && date < p
        {
            bail!("--date: {date} is before the pledge was accepted ({p})");
        }
        let was_pledged = row.status == Status::Pledged;
        row.status = Status::Obtained;
        row.obtained = Some(date);
        if was_pledged {
            row.fulfilled = Some(date);
        }
        if let Some(doc) = &a.doc {
            row.doc_no = doc.trim().to_string();
        }
        if let Some(note) = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            row.note = if row.note.is_empty() {
                note.to_string()
            } else {
                format!("{}；{note}", row.note)
            };
        }
        table.sync(i);
        let row = &table.rows[i];
        let pledge = if was_pledged {
            ", pledge fulfilled"
        } else {
            ""
        };
        Ok(format!("{id}: {} obtained on {date}{pledge}\n", label(row)))
    })
}

pub fn pledge(ctx: &Ctx, a: &PledgeArgs) -> Result<Output> {
    let due_text = a.due.as_deref().ok_or_else(|| {
        anyhow!("a pledge needs its deadline: give --due DATE, the last day to supply what is missing (承诺时限)")
    })?;
    let kind = a.kind.ok_or_else(|| {
        anyhow!(
            "a pledge needs its kind: give --kind tolerance (容缺受理) or --kind notify (告知承诺)"
        )
    })?;
    let items = a
        .items
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            anyhow!("a pledge needs what is promised: give --items TEXT (承诺补齐事项)")
        })?;
    let due = date_arg("--due", due_text)?;
    edit(ctx, "pledge", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if row.status == Status::Pledged {
            bail!(
                "{id}: {} is already pledged ({}, due {}); fulfil it or edit procedures.csv",
                label(row),
                row.pledge_kind.map_or("", |k| k.key()),
                row.pledge_due.map_or(String::new(), |d| d.to_string())
            );
        }
        if due < date {
            bail!("--due: the deadline {due} is before the pledge date {date}");
        }
        row.status = Status::Pledged;
        row.pledge_kind = Some(kind);
        row.pledged = Some(date);
        row.pledge_due = Some(due);
        row.missing_items = items.to_string();
        table.sync(i);
        let row = &table.rows[i];
        Ok(format!(
            "{id}: {} granted on a commitment ({}) on {date}; missing items due by {due}\n",
            label(row),
            kind.key()
        ))
    })
}

pub fn fulfil(ctx: &Ctx, a: &FulfilArgs) -> Result<Output> {
    edit(ctx, "fulfil", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        let row = &mut table.rows[i];
        if !row.open_pledge() {
            bail!(
                "{id}: {} has no open pledge to fulfil (status {})",
                label(row),
                row.status.key()
            );
        }
        if let Some(p) = row.pledged
            && date < p
        {
            bail!("--date: {date} is before the pledge was accepted ({p})");
        }
        row.fulfilled = Some(date);
        row.status = Status::Obtained;
        if row.obtained.is_none() {
            row.obtained = Some(date);
        }
        let late = row
            .pledge_due
            .filter(|d| date > *d)
            .map(|d| format!(" ({} days after the deadline {d})", (date - d).num_days()));
        table.sync(i);
        let row = &table.rows[i];
        Ok(format!(
            "{id}: pledge on {} fulfilled on {date}{}\n",
            label(row),
            late.unwrap_or_default()
        ))
    })
}

pub fn due(ctx: &Ctx, a: &DueArgs) -> Result<Output> {
    let date = date_arg("DATE", &a.date)?;
    edit(ctx, "due", &a.id, |ledger, id, lp, _, table| {
        let i = procedure_row(&ledger.settings, table, id, &a.procedure)?;
        let row = &mut table.rows[i];
        refuse_done(id, row)?;
        if date < lp.project.opened {
            bail!(
                "DATE: {date} is before the project was opened ({})",
                lp.project.opened
            );
        }
        row.due = Some(date);
        table.sync(i);
        let row = &table.rows[i];
        Ok(format!("{id}: {} due by {date}\n", label(row)))
    })
}

pub fn start(ctx: &Ctx, a: &StartArgs) -> Result<Output> {
    edit(ctx, "start", &a.id, |_, id, lp, project, _| {
        let date = event_date("--date", a.date.as_deref(), ctx.today, lp.project.opened)?;
        if let Some(d) = project.started {
            bail!("{id} already started on {d}; edit project.toml to correct it");
        }
        project.started = Some(date);
        let plan = match project.planned_start {
            Some(p) if date > p => format!(
                ", {} days after the planned start {p}",
                (date - p).num_days()
            ),
            _ => String::new(),
        };
        Ok(format!("{id}: works started on {date}{plan}\n"))
    })
}
