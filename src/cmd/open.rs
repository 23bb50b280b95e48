//! `taizhang open`: records a project and builds its task list (任务清单)
//! from the catalogue by its type and facts (see `model::tasklist`), each
//! due date counted from the opening day by the catalogue's time limit.

use super::{Ctx, Output, amount_arg, date_arg, project_id};
use crate::cli::OpenArgs;
use crate::model::id::check_national_code;
use crate::model::{Project, Status, suggest, tasklist};
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
    let mut people = crate::model::People::default();
    super::people::apply(&a.people, &mut people)?;
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
    let facts = super::facts_arg(s, &a.facts, crate::model::Facts::default())?;
    let derived = tasklist::derive(s, &kind.key, &facts);
    for k in &without {
        if !derived.iter().any(|d| &d.key == k) {
            bail!(tr!(
                WithoutNotOnList,
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
    for row in tasklist::build(s, &kind.key, &facts, &with, &without, opened) {
        table.push(row);
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
        people,
        facts,
        stages: Vec::new(),
    };
    let left_off = tasklist::left_off_by_unrecorded(s, &kind.key, &project.facts);
    let files = ledger.save(None, &id, &project, Some(&table))?;
    ctx.commit(&ledger, &files, &format!("open {id} ({})", project.name));
    let needed = table
        .rows
        .iter()
        .filter(|r| r.status != Status::NotNeeded)
        .count();
    let waived = table
        .rows
        .iter()
        .filter(|r| r.status == Status::NotNeeded && r.note.starts_with("区域评估"))
        .count();
    let waived = if waived > 0 {
        tr!(WaivedByAssessment, n = waived)
    } else {
        String::new()
    };
    if !left_off.is_empty() {
        eprintln!(
            "{}{}",
            tr!(WarningPrefix),
            tr!(
                HazchemLeftOff,
                id = id,
                list = left_off.join(crate::msg::list_separator())
            )
        );
    }
    Ok(Output::ok(tr!(
        Opened,
        id = id,
        name = project.name,
        kind = kind.name,
        n = needed,
        waived = waived,
        dir = dir.display()
    )))
}
