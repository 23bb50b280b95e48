//! `taizhang import tasks FILE.csv`: a task force's own sheet into the
//! ledger. Every row is checked first (project, procedure, status, dates,
//! agreement with what the ledger already says); bad rows are reported by
//! their spreadsheet row number and nothing is written unless all are good.
//! Empty cells change nothing and equal values are no change, so importing
//! the same sheet twice changes nothing the second time.

use super::{Ctx, Output};
use crate::cli::ImportTasksArgs;
use crate::model::id::check_national_code;
use crate::model::{
    Amount, Date, PledgeKind, Procedure, Project, ProjectId, Settings, Status, parse_date_input,
    tasklist,
};
use crate::store::procedures_file::ProcedureTable;
use crate::store::sheet::{self, Mapping, SheetRow};
use crate::store::{Ledger, LoadedProject};
use anyhow::{Context, Result, anyhow, bail};
use std::collections::BTreeMap;

/// A date as a sheet may hold it: ISO `2024-03-05`, or the year-first forms
/// Excel and WPS write in China (`2024/3/5`, `2024.3.5`, `2024年3月5日`),
/// read by the same parser as the command line's dates.
fn sheet_date(field: &str, text: &str) -> Result<Date, String> {
    parse_date_input(text).map_err(|e| tr!(SheetColumn, column = field, error = e))
}

/// A status word of the sheet: a status key, a usual Chinese word, or a
/// word the mapping file names.
fn sheet_status(text: &str, mapping: &Mapping) -> Result<Status, String> {
    if let Some(key) = mapping.status.get(text) {
        return Status::parse(key).map_err(|e| tr!(MappingStatus, text = text, error = e));
    }
    let t = text.trim();
    let status = match t.to_ascii_lowercase().as_str() {
        "pending" | "待办" | "待办理" | "未办" | "未办理" | "办理中" | "在办" => {
            Status::Pending
        }
        "obtained" | "已办结" | "已办" | "办结" | "已完成" | "完成" | "已取得" | "已批复" => {
            Status::Obtained
        }
        "pledged" | "容缺/承诺" | "容缺" | "承诺" | "容缺受理" | "告知承诺" => {
            Status::Pledged
        }
        "not-needed" | "not needed" | "无需办理" | "不需要" | "不涉及" | "无需" => {
            Status::NotNeeded
        }
        _ => {
            return Err(tr!(SheetUnknownStatus, text = text));
        }
    };
    Ok(status)
}

fn sheet_pledge_kind(text: &str) -> Result<PledgeKind, String> {
    match text.trim() {
        "tolerance" | "容缺受理" | "容缺" => Ok(PledgeKind::Tolerance),
        "notify" | "告知承诺" => Ok(PledgeKind::Notify),
        _ => Err(tr!(SheetUnknownKind, text = text)),
    }
}

/// Sets a value the ledger may not have yet: equal is no change, a
/// different value already there is a contradiction.
fn set_once<T: PartialEq + std::fmt::Display>(
    field: &str,
    slot: &mut Option<T>,
    new: Option<T>,
) -> Result<(), String> {
    match (slot.as_ref(), new) {
        (_, None) => Ok(()),
        (None, Some(v)) => {
            *slot = Some(v);
            Ok(())
        }
        (Some(old), Some(v)) if *old == v => Ok(()),
        (Some(old), Some(v)) => Err(tr!(
            SheetContradicts,
            column = field,
            sheet = v,
            ledger = old
        )),
    }
}

fn set_text(field: &str, slot: &mut String, new: Option<&str>) -> Result<(), String> {
    let mut cur = (!slot.is_empty()).then(|| slot.clone());
    set_once(field, &mut cur, new.map(str::to_string))?;
    *slot = cur.unwrap_or_default();
    Ok(())
}

/// Applies one sheet row to a procedure row; no event date may be after
/// `today` (a date before the project entered the ledger is history).
fn apply_row(
    row: &SheetRow,
    mapping: &Mapping,
    p: &mut Procedure,
    today: Date,
) -> Result<(), String> {
    let date = |field: &str| row.get(field).map(|t| sheet_date(field, t)).transpose();
    let applied = date("applied")?;
    let due = date("due")?;
    let obtained = date("obtained")?;
    let pledged = date("pledged")?;
    let pledge_due = date("pledge_due")?;
    let fulfilled = date("fulfilled")?;
    for (field, d) in [
        ("applied", applied),
        ("obtained", obtained),
        ("pledged", pledged),
        ("fulfilled", fulfilled),
    ] {
        if let Some(d) = d
            && d > today
        {
            return Err(tr!(
                SheetColumn,
                column = field,
                error = tr!(AfterTodayShort, date = d, today = today)
            ));
        }
    }
    let status = row
        .get("status")
        .map(|t| sheet_status(t, mapping))
        .transpose()?;
    let kind = row.get("pledge_kind").map(sheet_pledge_kind).transpose()?;
    let was = p.status;
    if let Some(s) = status
        && s != was
    {
        let forward = match was {
            Status::Pending => true,
            Status::Pledged => s == Status::Obtained,
            _ => false,
        };
        if !forward {
            return Err(tr!(
                SheetContradicts,
                column = "status",
                sheet = s.key(),
                ledger = was.key()
            ));
        }
        p.status = s;
    }
    set_once("applied", &mut p.applied, applied)?;
    if due.is_some() {
        p.due = due;
    }
    set_once("obtained", &mut p.obtained, obtained)?;
    set_text("doc_no", &mut p.doc_no, row.get("doc_no"))?;
    let mut k = p.pledge_kind.map(|k| k.key());
    set_once("pledge_kind", &mut k, kind.map(|k| k.key()))?;
    p.pledge_kind = k.and_then(|k| PledgeKind::parse(k).ok());
    set_once("pledged", &mut p.pledged, pledged)?;
    set_once("pledge_due", &mut p.pledge_due, pledge_due)?;
    set_text(
        "missing_items",
        &mut p.missing_items,
        row.get("missing_items"),
    )?;
    set_once("fulfilled", &mut p.fulfilled, fulfilled)?;
    set_text("note", &mut p.note, row.get("note"))?;
    match p.status {
        Status::Obtained if p.obtained.is_none() => {
            return Err(tr!(SheetObtainedNeedsDate));
        }
        Status::Obtained if was == Status::Pledged && p.fulfilled.is_none() => {
            // Obtaining a pledged procedure makes the pledge good (as `tick`).
            p.fulfilled = p.obtained;
        }
        Status::Pledged if p.pledge_kind.is_none() || p.pledge_due.is_none() => {
            return Err(tr!(SheetPledgedNeeds));
        }
        _ => {}
    }
    if let Some((col, msg)) = crate::model::transition::impossible(p).into_iter().next() {
        return Err(tr!(SheetColumn, column = col, error = msg));
    }
    Ok(())
}

/// What changed in a procedure row, as `field value` pairs: the field by
/// its key in English, by its Chinese name in Chinese (`msg::field`).
fn changes(old: &Procedure, new: &Procedure) -> Vec<String> {
    use crate::model::Lang;
    let lang = crate::msg::lang();
    let none = tr!(NoValue);
    let d = |v: Option<Date>| v.map_or(none.clone(), |d| d.to_string());
    let say = |field: &str, value: &str| format!("{} {value}", crate::msg::field(field));
    let mut out = Vec::new();
    if old.status != new.status {
        let status = match lang {
            Lang::En => new.status.key(),
            Lang::Zh => crate::report::list::status_label(new.status, lang),
        };
        out.push(say("status", status));
    }
    for (field, a, b) in [
        ("applied", old.applied, new.applied),
        ("due", old.due, new.due),
        ("obtained", old.obtained, new.obtained),
        ("pledged", old.pledged, new.pledged),
        ("pledge_due", old.pledge_due, new.pledge_due),
        ("fulfilled", old.fulfilled, new.fulfilled),
    ] {
        if a != b {
            out.push(say(field, &d(b)));
        }
    }
    if old.pledge_kind != new.pledge_kind {
        let kind = match (new.pledge_kind, lang) {
            (None, _) => none.clone(),
            (Some(k), Lang::En) => k.key().to_string(),
            (Some(k), Lang::Zh) => k.label(lang).to_string(),
        };
        out.push(say("pledge_kind", &kind));
    }
    for (field, a, b) in [
        ("doc_no", &old.doc_no, &new.doc_no),
        ("missing_items", &old.missing_items, &new.missing_items),
        ("note", &old.note, &new.note),
    ] {
        if a != b {
            out.push(say(field, b));
        }
    }
    out
}

/// A project as the import will leave it.
struct Plan<'a> {
    loaded: Option<&'a LoadedProject>,
    project: Project,
    table: ProcedureTable,
}

/// The project a group of rows opens: its record and task list.
fn new_project(
    s: &Settings,
    rows: &[&SheetRow],
    today: Date,
) -> Result<(Project, ProcedureTable), (usize, String)> {
    let first = rows[0].row;
    // Each project field from its first row; later rows must agree.
    let mut fields: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for r in rows {
        for f in [
            "project_name",
            "type",
            "owner",
            "township",
            "planned_start",
            "investment",
            "code",
            "opened",
        ] {
            if let Some(v) = r.get(f) {
                match fields.get(f) {
                    Some((n, old)) if *old != v => {
                        return Err((
                            r.row,
                            tr!(SheetDiffers, column = f, value = v, old = old, row = n),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        fields.insert(f, (r.row, v));
                    }
                }
            }
        }
    }
    let get = |f: &str| fields.get(f).map(|(_, v)| *v);
    let at = |f: &str| fields.get(f).map_or(first, |(n, _)| *n);
    let name = get("project_name").ok_or_else(|| (first, tr!(NewProjectNeedsName)))?;
    let type_text = get("type").ok_or_else(|| (first, tr!(NewProjectNeedsType)))?;
    let kind = s.project_type(type_text).ok_or_else(|| {
        (
            at("type"),
            tr!(
                SheetColumn,
                column = "type",
                error = crate::model::suggest::message(
                    tr!(UnknownType, text = type_text),
                    type_text,
                    &s.type_candidates(),
                    &tr!(ExpectedOneOf, list = s.type_keys()),
                )
            ),
        )
    })?;
    let date_of = |f: &str| {
        get(f)
            .map(|t| sheet_date(f, t).map_err(|e| (at(f), e)))
            .transpose()
    };
    let planned_start = date_of("planned_start")?;
    let earliest = rows
        .iter()
        .flat_map(|r| ["applied", "obtained", "pledged", "fulfilled"].map(|f| (r, f)))
        .filter_map(|(r, f)| r.get(f).and_then(|t| sheet_date(f, t).ok()))
        .filter(|d| *d <= today)
        .min();
    let opened = date_of("opened")?.or(earliest).unwrap_or(today);
    if opened > today {
        return Err((
            at("opened"),
            tr!(
                SheetColumn,
                column = "opened",
                error = tr!(AfterTodayShort, date = opened, today = today)
            ),
        ));
    }
    let investment = get("investment")
        .map(|t| {
            Amount::parse_input(t).map_err(|e| {
                (
                    at("investment"),
                    tr!(SheetColumn, column = "investment", error = e),
                )
            })
        })
        .transpose()?;
    if let Some(c) = get("code") {
        check_national_code(c)
            .map_err(|e| (at("code"), tr!(SheetColumn, column = "code", error = e)))?;
    }
    let wanted: Vec<String> = rows
        .iter()
        .filter_map(|r| r.get("procedure"))
        .filter_map(|t| s.procedure(t).map(|c| c.key.clone()))
        .collect();
    let mut table = ProcedureTable::new();
    let facts = crate::model::Facts::default();
    for row in tasklist::build(s, &kind.key, &facts, &wanted, &[], opened) {
        table.push(row);
    }
    let project = Project {
        name: name.to_string(),
        kind: kind.key.clone(),
        owner: get("owner").map(str::to_string),
        township: get("township").map(str::to_string),
        code: get("code").map(str::to_string),
        investment,
        opened,
        planned_start,
        started: None,
        annual_plan: Default::default(),
        people: Default::default(),
        facts,
        stages: Vec::new(),
    };
    Ok((project, table))
}

pub fn tasks(ctx: &Ctx, a: &ImportTasksArgs) -> Result<Output> {
    let file = a.file.display().to_string();
    let mut mapping = match &a.mapping {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| tr!(MappingUnreadable, file = p.display()))?;
            Mapping::parse(&text).map_err(|e| {
                anyhow!(tr!(
                    FlagValue,
                    flag = format!("--mapping {}", p.display()),
                    error = e.lines().collect::<Vec<_>>().join(" ")
                ))
            })?
        }
        None => Mapping::default(),
    };
    for c in &a.column {
        mapping.add_flag(c).map_err(|e| anyhow!(e))?;
    }
    let bytes = std::fs::read(&a.file).with_context(|| tr!(CannotRead, file = file))?;
    let (text, encoding) =
        sheet::decode(&bytes).map_err(|e| anyhow!(tr!(FileIs, file = file, what = e)))?;
    let sheet = sheet::read(&text, &mapping)
        .map_err(|e| anyhow!(tr!(FlagValue, flag = file, error = e)))?;

    let ledger = ctx.open_ledger()?;
    let _lock = if a.dry_run {
        None
    } else {
        Some(ledger.lock()?)
    };
    let s = &ledger.settings;
    let today = ctx.today;

    let mut bad: Vec<(usize, String)> = Vec::new();
    // Rows by project, in sheet order.
    let mut groups: BTreeMap<String, Vec<&SheetRow>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for r in &sheet.rows {
        let id_text = r.get("project").unwrap_or_default();
        match ProjectId::parse(id_text) {
            Ok(_) => {
                if !groups.contains_key(id_text) {
                    order.push(id_text.to_string());
                }
                groups.entry(id_text.to_string()).or_default().push(r);
            }
            Err(_) if id_text.is_empty() => bad.push((r.row, tr!(SheetNoProject))),
            Err(e) => bad.push((r.row, tr!(SheetColumn, column = "project", error = e))),
        }
    }
    // Only the projects the sheet names are read: an import touches those
    // files and no others, and a broken file elsewhere does not stop it.
    let mut loaded: BTreeMap<String, LoadedProject> = BTreeMap::new();
    for id in &order {
        let pid = ProjectId::parse(id).map_err(|e| anyhow!(e))?;
        if ledger.project_dir(&pid).exists() {
            loaded.insert(id.clone(), ledger.load_project(&pid)?);
        }
    }
    let mut plans: BTreeMap<String, Plan> = BTreeMap::new();
    let mut lines = Vec::new();
    // Procedures changed (each has its line in `lines`).
    let mut changed = 0;
    for id in &order {
        let rows = &groups[id];
        let plan = match loaded.get(id) {
            Some(lp) => Plan {
                loaded: Some(lp),
                project: lp.project.clone(),
                table: lp.table.clone(),
            },
            None => match new_project(s, rows, today) {
                Ok((project, table)) => {
                    lines.push(tr!(
                        ImportOpen,
                        id = id,
                        name = project.name,
                        kind = s
                            .project_type(&project.kind)
                            .map_or("", |t| t.name.as_str()),
                        opened = project.opened,
                        n = table.rows.len()
                    ));
                    Plan {
                        loaded: None,
                        project,
                        table,
                    }
                }
                Err(e) => {
                    bad.push(e);
                    continue;
                }
            },
        };
        let mut plan = plan;
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for r in rows {
            let text = r.get("procedure").unwrap_or_default();
            let Some(c) = s.procedure(text) else {
                let msg = if text.is_empty() {
                    tr!(SheetNoProcedure)
                } else {
                    tr!(
                        SheetColumn,
                        column = "procedure",
                        error = crate::model::suggest::message(
                            tr!(UnknownProcedure, text = text),
                            text,
                            &s.procedure_candidates(),
                            &tr!(SeeCatalogue),
                        )
                    )
                };
                bad.push((r.row, msg));
                continue;
            };
            if let Some(n) = seen.insert(c.key.clone(), r.row) {
                bad.push((
                    r.row,
                    tr!(
                        SheetAlreadyOnRow,
                        id = id,
                        name = c.name,
                        key = c.key,
                        row = n
                    ),
                ));
                continue;
            }
            let i = match plan.table.position(&c.key) {
                Some(i) => i,
                None => {
                    plan.table.push(Procedure {
                        key: c.key.clone().into(),
                        name: c.name.clone().into(),
                        taskforce: c.taskforce.clone().into(),
                        ..Procedure::default()
                    });
                    plan.table.rows.len() - 1
                }
            };
            let before = plan.table.rows[i].clone();
            let mut row = before.clone();
            match apply_row(r, &mapping, &mut row, today) {
                Ok(()) => {
                    let ch = changes(&before, &row);
                    if !ch.is_empty() {
                        changed += 1;
                        lines.push(tr!(
                            ImportChange,
                            id = id,
                            name = row.name,
                            key = row.key,
                            changes = ch.join(crate::msg::list_separator())
                        ));
                    }
                    plan.table.rows[i] = row;
                    plan.table.sync(i);
                }
                Err(e) => bad.push((r.row, format!("{id} {}: {e}", c.key))),
            }
        }
        plans.insert(id.clone(), plan);
    }
    if !bad.is_empty() {
        bad.sort();
        let mut msg = tr!(SheetBadRows, file = file, n = bad.len());
        for (row, e) in &bad {
            msg.push_str(&format!("\n  {}", tr!(SheetRow, row = row, error = e)));
        }
        bail!(msg);
    }

    let opened = plans.values().filter(|p| p.loaded.is_none()).count();
    let writes: Vec<&String> = order
        .iter()
        .filter(|id| {
            let p = &plans[id.as_str()];
            p.loaded.is_none_or(|lp| lp.table.rows != p.table.rows)
        })
        .collect();
    // Every project is checked before any is written, and the files are
    // written as one set: all of them, or (on a failure) none.
    let mut set = crate::store::write::WriteSet::new();
    for id in &writes {
        let plan = &plans[id.as_str()];
        let pid = ProjectId::parse(id).map_err(|e| anyhow!(e))?;
        check_table(&ledger, &pid, &plan.project, &plan.table)?;
        ledger.plan_save(
            &mut set,
            plan.loaded,
            &pid,
            &plan.project,
            Some(&plan.table),
        )?;
    }
    if !a.dry_run {
        let files = set.commit()?;
        ctx.commit(
            &ledger,
            &files,
            &format!("import tasks {}", a.file.display()),
        );
    }
    let mut out: String = lines.iter().map(|l| format!("{l}\n")).collect();
    if !sheet.ignored.is_empty() {
        out.push_str(&tr!(
            IgnoredColumns,
            list = sheet.ignored.join(crate::msg::list_separator())
        ));
    }
    let n = sheet.rows.len();
    let enc = encoding.label();
    out.push_str(&if writes.is_empty() {
        tr!(ImportNothing, n = n, enc = enc)
    } else if a.dry_run {
        tr!(
            ImportDryRun,
            n = n,
            enc = enc,
            opened = opened,
            changed = changed
        )
    } else {
        tr!(
            Imported,
            n = n,
            enc = enc,
            opened = opened,
            changed = changed
        )
    });
    Ok(Output::ok(out))
}

/// Reads a table back as `check` would, refusing to write one with problems.
fn check_table(
    ledger: &Ledger,
    id: &ProjectId,
    project: &Project,
    table: &ProcedureTable,
) -> Result<()> {
    let path = ledger
        .project_dir(id)
        .join(crate::store::procedures_file::FILE_NAME);
    let bytes = table.to_bytes();
    let text = String::from_utf8(bytes).expect("tables are UTF-8");
    let (t, mut problems) = ProcedureTable::read(&path, &text);
    if let Some(t) = &t {
        problems.extend(crate::store::validate::procedures(
            &path,
            &text,
            &ledger.settings,
            Some(project),
            t,
        ));
    }
    if let Some(p) = problems.first() {
        bail!(tr!(ImportWouldBreak, problem = p.headline()));
    }
    Ok(())
}
