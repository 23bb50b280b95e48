//! `taizhang open`: records a project and builds its task list (任务清单)
//! from the catalogue entries for its type, each due date counted from the
//! opening day by the catalogue's time limit.

use super::{Ctx, Output, amount_arg, date_arg, project_id};
use crate::cli::OpenArgs;
use crate::model::id::check_national_code;
use crate::model::{Procedure, Project, Status, suggest};
use crate::store::procedures_file::ProcedureTable;
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &OpenArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let s = &ledger.settings;
    let id = project_id(&a.id)?;
    if a.name.trim().is_empty() {
        bail!(tr!(ProjectNameEmpty));
    }
    let kind = s.project_type(a.kind.trim()).ok_or_else(|| {
        anyhow!(tr!(
            FlagValue,
            flag = "--type",
            error = suggest::message(
                tr!(UnknownType, text = a.kind),
                &a.kind,
                &s.type_candidates(),
                &tr!(ExpectedOneOf, list = s.type_keys()),
            )
        ))
    })?;
    if let Some(code) = &a.code {
        check_national_code(code)
            .map_err(|e| anyhow!(tr!(FlagValue, flag = "--code", error = e)))?;
    }
    let investment = a
        .investment
        .as_deref()
        .map(|t| amount_arg("--investment", t))
        .transpose()?;
    let planned_start = a
        .planned_start
        .as_deref()
        .map(|t| date_arg("--planned-start", t))
        .transpose()?;

    let find = |flag: &str, text: &str| {
        s.procedure(text.trim())
            .map(|c| c.key.clone())
            .ok_or_else(|| {
                anyhow!(tr!(
                    FlagValue,
                    flag = flag,
                    error = suggest::message(
                        tr!(UnknownProcedure, text = text),
                        text,
                        &s.procedure_candidates(),
                        &tr!(SeeCatalogue),
                    )
                ))
            })
    };
    let with = a
        .with
        .iter()
        .map(|t| find("--with", t))
        .collect::<Result<Vec<_>>>()?;
    let without = a
        .without
        .iter()
        .map(|t| find("--without", t))
        .collect::<Result<Vec<_>>>()?;
    if let Some(k) = with.iter().find(|k| without.contains(k)) {
        bail!(tr!(WithAndWithout, key = k));
    }
    for k in &without {
        if !s.procedure(k).is_some_and(|c| c.applies_to(&kind.key)) {
            bail!(tr!(
                WithoutNotListed,
                key = k,
                kind = kind.key,
                name = kind.name
            ));
        }
    }

    let _lock = ledger.lock()?;
    let dir = ledger.project_dir(&id);
    if dir.exists() {
        bail!(tr!(ProjectExists, id = id, dir = dir.display()));
    }
    let opened = ctx.today;
    let mut table = ProcedureTable::new();
    for c in s
        .catalogue
        .iter()
        .filter(|c| c.applies_to(&kind.key) || with.contains(&c.key))
    {
        let not_needed = without.contains(&c.key);
        table.push(Procedure {
            key: c.key.clone(),
            name: c.name.clone(),
            taskforce: c.taskforce.clone(),
            status: if not_needed {
                Status::NotNeeded
            } else {
                Status::Pending
            },
            due: c
                .limit
                .filter(|_| !not_needed)
                .map(|l| l.due_from(opened, &s.calendar)),
            ..Procedure::default()
        });
    }
    let project = Project {
        name: a.name.trim().to_string(),
        kind: kind.key.clone(),
        owner: a
            .owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(String::from),
        township: a
            .township
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from),
        code: a.code.clone(),
        investment,
        opened,
        planned_start,
        started: None,
        annual_plan: Default::default(),
    };
    let files = ledger.save(None, &id, &project, Some(&table))?;
    ctx.commit(&ledger, &files, &format!("open {id} ({})", project.name));
    let needed = table
        .rows
        .iter()
        .filter(|r| r.status != Status::NotNeeded)
        .count();
    Ok(Output::ok(tr!(
        Opened,
        id = id,
        name = project.name,
        kind = kind.name,
        n = needed,
        dir = dir.display()
    )))
}
