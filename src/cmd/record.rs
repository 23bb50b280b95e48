//! What the clerk's record commands (`tick`, `pledge`, `fulfil`, `due`,
//! `start`, `apply`) share: each takes the write lock, loads the one
//! project, applies its change to a copy and writes back what changed
//! atomically, as one commit when asked.

use super::{Ctx, Output, project_id};
use crate::model::{Procedure, Project, ProjectId, Status};
use crate::store::{Ledger, LoadedProject};
use anyhow::{Result, bail};

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
