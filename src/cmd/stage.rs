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
        .map_err(|e| anyhow!(tr!(OfProject, id = id, text = e)))?;
        project.stages.push(StageEntry {
            stage: next.stage,
            date,
            reason: next.reason.clone(),
        });
        let why = next
            .reason
            .as_deref()
            .map_or(String::new(), |r| tr!(Because, reason = r));
        Ok(tr!(
            StageChanged,
            id = id,
            key = to.key(),
            zh = to.zh(),
            date = date,
            was_key = now.stage.key(),
            was_zh = now.stage.zh(),
            why = why
        ))
    })
}

/// `stage ID --undo`: the last `[[stages]]` entry removed. What is left is
/// a history the state machine accepted before, so it still holds.
fn undo(ctx: &Ctx, a: &StageArgs) -> Result<Output> {
    edit(ctx, "stage undo", &a.id, |_, id, _, project, _| {
        let Some(last) = project.stages.pop() else {
            bail!(tr!(
                NoStageToUndo,
                id = id,
                stage = project.stage().stage.shown()
            ));
        };
        let now = project.stage();
        Ok(tr!(
            StageUndone,
            id = id,
            key = last.stage.key(),
            zh = last.stage.zh(),
            date = last.date,
            now_key = now.stage.key(),
            now_zh = now.stage.zh()
        ))
    })
}
