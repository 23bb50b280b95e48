//! What the clerk's record commands (`tick`, `pledge`, `fulfil`, `due`,
//! `start`, `apply`, `undo`, `edit`, `extend`, `require`, `waive`) share:
//! each takes the write lock, loads the one project, applies its change to
//! a copy and writes back what changed atomically, as one commit when
//! asked.

use super::{Ctx, Output, procedure_row, project_id};
use crate::model::transition::Outcome;
use crate::model::{Procedure, Project, ProjectId, Settings};
use crate::store::{Ledger, LoadedProject};
use anyhow::{Result, anyhow};

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
    for new in &table.rows {
        let old = lp.table.position(&new.key).map(|i| &lp.table.rows[i]);
        if old != Some(new) {
            subject.push_str(&format!(" {} ({})", new.key, new.name));
        }
    }
    ctx.commit(&ledger, &files, &subject);
    Ok(Output::ok(message))
}

/// Applies one transition of the procedure-row state machine
/// (`model::transition`) to the row named `procedure` of project `id_text`
/// and saves it; prints `ID: what changed`.
pub(super) fn transition(
    ctx: &Ctx,
    verb: &str,
    id_text: &str,
    procedure: &str,
    rule: impl FnOnce(&Settings, &Procedure) -> Outcome,
) -> Result<Output> {
    edit(ctx, verb, id_text, |ledger, id, _, _, table| {
        let i = procedure_row(&ledger.settings, table, id, procedure)?;
        let (row, message) = rule(&ledger.settings, &table.rows[i])
            .map_err(|why| anyhow!(tr!(OfProject, id = id, text = why)))?;
        table.rows[i] = row;
        table.sync(i);
        Ok(tr!(OfProjectLine, id = id, text = message))
    })
}
