//! `project.toml`: one project's record. Read with a problem for every bad
//! value; written back by changing only the keys whose values changed, so a
//! clerk's comments, blank lines, key order and unknown keys survive.

use super::Problem;
use super::tomldoc::{self, Reader};
use crate::model::facts::{EiaClass, Land, Nature};
use crate::model::id::check_national_code;
use crate::model::people::check_phone;
use crate::model::stage::{self, Stage, StageEntry};
use crate::model::{Amount, Date, Facts, People, Project};
use std::collections::BTreeMap;
use std::path::Path;
use toml_edit::{DocumentMut, Item, value};

pub const FILE_NAME: &str = "project.toml";

/// Reads a project record. `None` when it cannot be used at all.
pub fn read(path: &Path, text: &str) -> (Option<Project>, Vec<Problem>) {
    let doc = match tomldoc::parse(path, text) {
        Ok(d) => d,
        Err(problems) => return (None, problems),
    };
    let mut r = Reader::new(path, text);
    let root = doc.as_table();
    let name = r.req_str(root, "name", Some(0..0));
    let kind = r.req_str(root, "type", Some(0..0));
    let owner = r.opt_str(root, "owner");
    let township = r.opt_str(root, "township");
    let code = r.parsed(root, "code", |s| {
        check_national_code(s).map(|_| s.to_string())
    });
    let investment = r.amount(root, "investment");
    let opened = r.date(root, "opened");
    if root.get("opened").is_none() {
        r.problem(Some(0..0), "missing-key", tr!(MissingOpened));
    }
    let planned_start = r.date(root, "planned_start");
    let started = r.date(root, "started");
    let annual_plan = read_plan(&mut r, root);
    let people = read_people(&mut r, root);
    let facts = Facts {
        land: r.parsed(root, "land", Land::parse),
        nature: r.parsed(root, "investment_nature", Nature::parse),
        hazchem: r.boolean(root, "hazchem"),
        eia: r.parsed(root, "eia", EiaClass::parse),
        relics_found: r.boolean(root, "relics_found"),
        zone: r.opt_str(root, "zone"),
    };
    let (stages, stage_spans): (Vec<StageEntry>, Vec<_>) =
        read_stages(&mut r, root).into_iter().unzip();
    let project = match (name, kind, opened) {
        (Some(name), Some(kind), Some(opened)) => Some(Project {
            name,
            kind,
            owner,
            township,
            code,
            investment,
            opened,
            planned_start,
            started,
            annual_plan,
            people,
            facts,
            stages,
        }),
        _ => None,
    };
    if let Some(p) = &project
        && let Err(why) = stage::replay(p)
    {
        let span = match why.entry {
            Some(i) => stage_spans.get(i).cloned().flatten(),
            None => root.get("started").and_then(|i| i.span()),
        };
        r.problem(
            span.or(Some(0..0)),
            "stage-history",
            tr!(StageHistory, why = why),
        );
    }
    (project, r.problems)
}

/// The people keys (`leader`, `unit`, `person`, `person_phone`, `contact`,
/// `contact_phone`), the phones checked for shape.
fn read_people(r: &mut Reader, root: &toml_edit::Table) -> People {
    let phone = |s: &str| check_phone(s).map(|_| s.trim().to_string());
    People {
        leader: r.opt_str(root, "leader"),
        unit: r.opt_str(root, "unit"),
        person: r.opt_str(root, "person"),
        person_phone: r.parsed(root, "person_phone", phone),
        contact: r.opt_str(root, "contact"),
        contact_phone: r.parsed(root, "contact_phone", phone),
    }
}

/// `[[stages]]`: every change of stage, each with its `stage`, `date` and
/// (for suspended and cancelled, required) `reason`, and where it is.
fn read_stages(
    r: &mut Reader,
    root: &toml_edit::Table,
) -> Vec<(StageEntry, Option<std::ops::Range<usize>>)> {
    let mut out = Vec::new();
    for (t, span) in r.tables(root, "stages") {
        let stage = r.parsed(t, "stage", Stage::parse);
        if t.get("stage").is_none() {
            r.problem(span.clone(), "missing-key", tr!(StagesMissingStage));
        }
        let date = r.date(t, "date");
        if t.get("date").is_none() {
            r.problem(span.clone(), "missing-key", tr!(StagesMissingDate));
        }
        let reason = r.opt_str(t, "reason");
        if let (Some(stage), Some(date)) = (stage, date) {
            let at = t.get("stage").and_then(|i| i.span()).or(span);
            out.push((
                StageEntry {
                    stage,
                    date,
                    reason,
                },
                at,
            ));
        }
    }
    out
}

/// `[annual_plan]`: year keys ("2024") and amounts in 万元.
fn read_plan(r: &mut Reader, root: &toml_edit::Table) -> BTreeMap<i32, Amount> {
    let mut plan = BTreeMap::new();
    let Some(item) = root.get("annual_plan") else {
        return plan;
    };
    let Some(t) = item.as_table_like() else {
        r.problem(item.span(), "bad-value", tr!(AnnualPlanTable));
        return plan;
    };
    for (key, value) in t.iter() {
        let year = key
            .parse::<i32>()
            .ok()
            .filter(|y| key.len() == 4 && (1900..=2999).contains(y));
        match year {
            Some(y) => {
                if let Some(a) = r.amount(t, key) {
                    plan.insert(y, a);
                }
            }
            None => r.problem(value.span(), "bad-value", tr!(AnnualPlanYear, key = key)),
        }
    }
    plan
}

fn date_value(d: Date) -> Item {
    let s = d.format("%Y-%m-%d").to_string();
    value(
        s.parse::<toml_edit::Datetime>()
            .expect("an ISO date is a TOML date"),
    )
}

fn set_opt<T: PartialEq>(
    doc: &mut DocumentMut,
    key: &str,
    old: &Option<T>,
    new: &Option<T>,
    to_item: impl Fn(&T) -> Item,
) {
    if old == new {
        return;
    }
    match new {
        Some(v) => doc[key] = to_item(v),
        None => {
            doc.remove(key);
        }
    }
}

fn write_fields(doc: &mut DocumentMut, old: Option<&Project>, new: &Project) {
    let str_item = |s: &String| value(s.as_str());
    let old_or = |f: fn(&Project) -> Option<String>| old.and_then(f);
    set_opt(
        doc,
        "name",
        &old_or(|p| Some(p.name.clone())),
        &Some(new.name.clone()),
        str_item,
    );
    set_opt(
        doc,
        "type",
        &old_or(|p| Some(p.kind.clone())),
        &Some(new.kind.clone()),
        str_item,
    );
    set_opt(
        doc,
        "owner",
        &old_or(|p| p.owner.clone()),
        &new.owner,
        str_item,
    );
    set_opt(
        doc,
        "township",
        &old_or(|p| p.township.clone()),
        &new.township,
        str_item,
    );
    set_opt(
        doc,
        "code",
        &old_or(|p| p.code.clone()),
        &new.code,
        str_item,
    );
    set_opt(
        doc,
        "investment",
        &old.and_then(|p| p.investment),
        &new.investment,
        |a: &Amount| value(a.to_string()),
    );
    set_opt(
        doc,
        "opened",
        &old.map(|p| p.opened),
        &Some(new.opened),
        |d| date_value(*d),
    );
    set_opt(
        doc,
        "planned_start",
        &old.and_then(|p| p.planned_start),
        &new.planned_start,
        |d| date_value(*d),
    );
    set_opt(
        doc,
        "started",
        &old.and_then(|p| p.started),
        &new.started,
        |d| date_value(*d),
    );
    let no_people = People::default();
    let old_people = old.map_or(&no_people, |p| &p.people);
    type Field = fn(&People) -> &Option<String>;
    let people_keys: [(&str, Field); 6] = [
        ("leader", |p| &p.leader),
        ("unit", |p| &p.unit),
        ("person", |p| &p.person),
        ("person_phone", |p| &p.person_phone),
        ("contact", |p| &p.contact),
        ("contact_phone", |p| &p.contact_phone),
    ];
    for (key, field) in people_keys {
        set_opt(doc, key, field(old_people), field(&new.people), str_item);
    }
    let f = |p: &Project| p.facts.clone();
    let (of, nf) = (old.map(f), new.facts.clone());
    let str_key = |v: &'static str| value(v);
    set_opt(
        doc,
        "land",
        &of.as_ref().and_then(|f| f.land),
        &nf.land,
        |v| str_key(v.key()),
    );
    set_opt(
        doc,
        "investment_nature",
        &of.as_ref().and_then(|f| f.nature),
        &nf.nature,
        |v| str_key(v.key()),
    );
    set_opt(
        doc,
        "hazchem",
        &of.as_ref().and_then(|f| f.hazchem),
        &nf.hazchem,
        |b| value(*b),
    );
    set_opt(doc, "eia", &of.as_ref().and_then(|f| f.eia), &nf.eia, |v| {
        str_key(v.key())
    });
    set_opt(
        doc,
        "relics_found",
        &of.as_ref().and_then(|f| f.relics_found),
        &nf.relics_found,
        |b| value(*b),
    );
    set_opt(
        doc,
        "zone",
        &of.as_ref().and_then(|f| f.zone.clone()),
        &nf.zone,
        str_item,
    );
    let no_stages = Vec::new();
    let old_stages = old.map_or(&no_stages, |p| &p.stages);
    if old_stages != &new.stages {
        write_stages(doc, old_stages, &new.stages);
    }
    let empty = BTreeMap::new();
    let old_plan = old.map_or(&empty, |p| &p.annual_plan);
    if old_plan != &new.annual_plan {
        if !doc.contains_table("annual_plan") {
            doc["annual_plan"] = toml_edit::table();
        }
        for (year, amount) in &new.annual_plan {
            if old_plan.get(year) != Some(amount) {
                // Year keys are written quoted, "2024", as the format shows them.
                let key: toml_edit::Key = format!("\"{year}\"").parse().expect("a quoted key");
                if let Some(t) = doc["annual_plan"].as_table_mut() {
                    match t.get_mut(&year.to_string()) {
                        Some(item) => *item = value(amount.to_string()),
                        None => {
                            t.insert_formatted(&key, value(amount.to_string()));
                        }
                    }
                }
            }
        }
    }
}

/// Writes the stage history in place: a changed entry has its keys
/// rewritten, entries added at the end become new `[[stages]]` tables, so
/// comments and unknown keys in the others stay.
fn write_stages(doc: &mut DocumentMut, old: &[StageEntry], new: &[StageEntry]) {
    fn fill(t: &mut toml_edit::Table, e: &StageEntry) {
        t["stage"] = value(e.stage.key());
        t["date"] = date_value(e.date);
        match &e.reason {
            Some(r) => t["reason"] = value(r.as_str()),
            None => {
                t.remove("reason");
            }
        }
    }
    if new.is_empty() {
        doc.remove("stages");
        return;
    }
    if !matches!(doc.get("stages"), Some(Item::ArrayOfTables(_))) {
        doc.remove("stages");
        doc["stages"] = Item::ArrayOfTables(toml_edit::ArrayOfTables::new());
    }
    let Some(Item::ArrayOfTables(a)) = doc.get_mut("stages") else {
        unreachable!("written just above");
    };
    for (i, e) in new.iter().enumerate() {
        if old.get(i) == Some(e) && i < a.len() {
            continue;
        }
        match a.get_mut(i) {
            Some(t) => fill(t, e),
            None => {
                let mut t = toml_edit::Table::new();
                fill(&mut t, e);
                a.push(t);
            }
        }
    }
    while a.len() > new.len() {
        a.remove(a.len() - 1);
    }
}

/// The text of a new record, keys in their fixed order.
pub fn render_new(project: &Project) -> String {
    let mut doc = DocumentMut::new();
    write_fields(&mut doc, None, project);
    let body = doc.to_string();
    format!(
        "# Project record (项目记录), kept by taizhang: see docs/FORMAT.md.\n\
         # Comments you add here are kept when taizhang changes the file.\n\
         # investment is in 万元; dates are YYYY-MM-DD.\n{body}"
    )
}

/// `old_text` with the changed fields of `new` written in, everything else
/// left as it was.
pub fn render_update(old_text: &str, old: &Project, new: &Project) -> anyhow::Result<String> {
    let mut doc: DocumentMut = old_text.parse()?;
    write_fields(&mut doc, Some(old), new);
    Ok(doc.to_string())
}
