//! `taizhang stage`: a change of a project's stage (竣工, 投产, 暂缓, 终止,
//! or back after a suspension), checked by the state machine in
//! `model::stage` and appended to the record's `[[stages]]`; `--undo`
//! takes back the last change recorded.

use super::record::edit;
use super::{Ctx, Output, date_arg};
use crate::cli::StageArgs;
use crate::model::stage::{self, Stage, StageEntry};
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &StageArgs) -> Result<Output> {
    let Some(text) = a.stage.as_deref().filter(|_| !a.undo) else {
        return undo(ctx, a);
    };
    let to = Stage::parse(text).map_err(|e| anyhow!(e))?;
    let date = match &a.date {
        Some(t) => date_arg("--date", t)?,
        None => ctx.today,
    };
    let verb = format!("stage {}", to.key());
    edit(ctx, &verb, &a.id, |_, id, _, project, _| {
        let now = project.stage();
        let next = stage::change(
            &now,
            to,
            date,
            a.reason.as_deref(),
            project.started,
            ctx.today,
        )
        .map_err(|e| anyhow!("{id}: {e}"))?;
        project.stages.push(StageEntry {
            stage: next.stage,
            date,
            reason: next.reason.clone(),
        });
        let why = next
            .reason
            .as_deref()
            .map_or(String::new(), |r| format!(": {r}"));
        Ok(format!(
            "{id}: {} ({}) on {date}, was {} ({}){why}\n",
            to.key(),
            to.zh(),
            now.stage.key(),
            now.stage.zh()
        ))
    })
}

/// `stage ID --undo`: the last `[[stages]]` entry removed. What is left is
/// a history the state machine accepted before, so it still holds.
fn undo(ctx: &Ctx, a: &StageArgs) -> Result<Output> {
    edit(ctx, "stage undo", &a.id, |_, id, _, project, _| {
        let Some(last) = project.stages.pop() else {
            bail!(
                "{id}: no change of stage to undo: the project is {}",
                project.stage().stage
            );
        };
        let now = project.stage();
        Ok(format!(
            "{id}: took back {} ({}) of {}; the project is {} ({}) again\n",
            last.stage.key(),
            last.stage.zh(),
            last.date,
            now.stage.key(),
            now.stage.zh()
        ))
    })
}
