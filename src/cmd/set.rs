//! `taizhang set ID --FIELD VALUE…`: changes a project's fields in
//! project.toml, each checked as `open` checks it. The fields are a table
//! (`FIELDS`): a field added to the record is one entry here and one flag
//! in `SetArgs`. A change of type adds, as pending, the procedures the
//! project now needs (`model::tasklist`) and removes none; a corrected
//! start of works must fit the stage history (`model::stage`).

use super::record::edit;
use super::{Ctx, Output, amount_arg, date_arg};
use crate::cli::SetArgs;
use crate::model::facts::{EiaClass, Land, Nature, parse_yes_no};
use crate::model::id::check_national_code;
use crate::model::people::check_phone;
use crate::model::{Lang, Project, Settings, stage, tasklist};
use anyhow::{Result, anyhow, bail};

/// One field `set` can change.
struct Field {
    /// The command-line flag, e.g. `--owner`.
    flag: &'static str,
    /// The key in project.toml.
    key: &'static str,
    /// The value as shown in the message.
    get: fn(&Project) -> Option<String>,
    /// Checks a value typed after the flag and writes it into the record;
    /// `None` (an empty value) removes an optional field.
    put: fn(&Settings, &mut Project, Option<&str>) -> Result<()>,
}

/// A value with a key, as the change line shows it: the key in English
/// (as the file has it), the Chinese label in Chinese.
fn choice(key: &str, zh: &str) -> String {
    match crate::msg::lang() {
        Lang::En => key.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

/// A yes/no fact as the change line shows it.
fn yes_no(b: bool) -> String {
    if b { tr!(FactYes) } else { tr!(FactNo) }
}

/// A text that names something: trimmed, empty removes it.
fn text(v: Option<&str>) -> Option<String> {
    v.map(str::trim).filter(|t| !t.is_empty()).map(String::from)
}

const FIELDS: &[Field] = &[
    Field {
        flag: "--name",
        key: "name",
        get: |p| Some(p.name.clone()),
        put: |_, p, v| {
            p.name = text(v).ok_or_else(|| anyhow!(tr!(ProjectNameEmpty)))?;
            Ok(())
        },
    },
    Field {
        flag: "--owner",
        key: "owner",
        get: |p| p.owner.clone(),
        put: |_, p, v| {
            p.owner = text(v);
            Ok(())
        },
    },
    Field {
        flag: "--township",
        key: "township",
        get: |p| p.township.clone(),
        put: |_, p, v| {
            p.township = text(v);
            Ok(())
        },
    },
    Field {
        flag: "--code",
        key: "code",
        get: |p| p.code.clone(),
        put: |_, p, v| {
            let code = text(v);
            if let Some(c) = &code {
                check_national_code(c)
                    .map_err(|e| anyhow!(tr!(FlagValue, flag = "--code", error = e)))?;
            }
            p.code = code;
            Ok(())
        },
    },
    Field {
        flag: "--investment",
        key: "investment",
        get: |p| p.investment.map(|a| a.to_string()),
        put: |_, p, v| {
            p.investment = text(v)
                .map(|t| amount_arg("--investment", &t))
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--planned-start",
        key: "planned_start",
        get: |p| p.planned_start.map(|d| d.to_string()),
        put: |_, p, v| {
            p.planned_start = text(v)
                .map(|t| date_arg("--planned-start", &t))
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--type",
        key: "type",
        get: |p| Some(p.kind.clone()),
        put: |s, p, v| {
            let t = text(v).unwrap_or_default();
            let kind = s.project_type(t.trim()).ok_or_else(|| {
                anyhow!(tr!(
                    FlagValue,
                    flag = "--type",
                    error = crate::model::suggest::message(
                        tr!(UnknownType, text = t),
                        &t,
                        &s.type_candidates(),
                        &tr!(ExpectedOneOf, list = s.type_keys()),
                    )
                ))
            })?;
            p.kind = kind.key.clone();
            Ok(())
        },
    },
    Field {
        flag: "--started",
        key: "started",
        get: |p| p.started.map(|d| d.to_string()),
        put: |_, p, v| {
            p.started = text(v).map(|t| date_arg("--started", &t)).transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--land",
        key: "land",
        get: |p| p.facts.land.map(|v| choice(v.key(), v.label(Lang::Zh))),
        put: |_, p, v| {
            p.facts.land = text(v)
                .map(|t| {
                    Land::parse(&t).map_err(|e| anyhow!(tr!(FlagValue, flag = "--land", error = e)))
                })
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--investment-nature",
        key: "investment_nature",
        get: |p| p.facts.nature.map(|v| choice(v.key(), v.label(Lang::Zh))),
        put: |_, p, v| {
            p.facts.nature = text(v)
                .map(|t| {
                    Nature::parse(&t).map_err(|e| {
                        anyhow!(tr!(FlagValue, flag = "--investment-nature", error = e))
                    })
                })
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--hazchem",
        key: "hazchem",
        get: |p| p.facts.hazchem.map(yes_no),
        put: |_, p, v| {
            p.facts.hazchem = text(v)
                .map(|t| {
                    parse_yes_no(&tr!(FactHazchem), &t)
                        .map_err(|e| anyhow!(tr!(FlagValue, flag = "--hazchem", error = e)))
                })
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--eia",
        key: "eia",
        get: |p| p.facts.eia.map(|v| choice(v.key(), v.label(Lang::Zh))),
        put: |_, p, v| {
            p.facts.eia = text(v)
                .map(|t| {
                    EiaClass::parse(&t)
                        .map_err(|e| anyhow!(tr!(FlagValue, flag = "--eia", error = e)))
                })
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--relics-found",
        key: "relics_found",
        get: |p| p.facts.relics_found.map(yes_no),
        put: |_, p, v| {
            p.facts.relics_found = text(v)
                .map(|t| {
                    parse_yes_no(&tr!(FactRelics), &t)
                        .map_err(|e| anyhow!(tr!(FlagValue, flag = "--relics-found", error = e)))
                })
                .transpose()?;
            Ok(())
        },
    },
    Field {
        flag: "--zone",
        key: "zone",
        get: |p| p.facts.zone.clone(),
        put: |s, p, v| {
            p.facts.zone = match text(v) {
                None => None,
                Some(z) => {
                    let args = crate::cli::FactArgs {
                        zone: Some(z),
                        ..Default::default()
                    };
                    super::facts_arg(s, &args, Default::default())?.zone
                }
            };
            Ok(())
        },
    },
    Field {
        flag: "--leader",
        key: "leader",
        get: |p| p.people.leader.clone(),
        put: |_, p, v| {
            p.people.leader = text(v);
            Ok(())
        },
    },
    Field {
        flag: "--unit",
        key: "unit",
        get: |p| p.people.unit.clone(),
        put: |_, p, v| {
            p.people.unit = text(v);
            Ok(())
        },
    },
    Field {
        flag: "--person",
        key: "person",
        get: |p| p.people.person.clone(),
        put: |_, p, v| {
            p.people.person = text(v);
            Ok(())
        },
    },
    Field {
        flag: "--person-phone",
        key: "person_phone",
        get: |p| p.people.person_phone.clone(),
        put: |_, p, v| {
            p.people.person_phone = phone("--person-phone", v)?;
            Ok(())
        },
    },
    Field {
        flag: "--contact",
        key: "contact",
        get: |p| p.people.contact.clone(),
        put: |_, p, v| {
            p.people.contact = text(v);
            Ok(())
        },
    },
    Field {
        flag: "--contact-phone",
        key: "contact_phone",
        get: |p| p.people.contact_phone.clone(),
        put: |_, p, v| {
            p.people.contact_phone = phone("--contact-phone", v)?;
            Ok(())
        },
    },
];

/// A phone number given with `flag`, checked for shape; empty removes it.
fn phone(flag: &str, v: Option<&str>) -> Result<Option<String>> {
    let t = text(v);
    if let Some(t) = &t {
        check_phone(t).map_err(|e| anyhow!(tr!(FlagValue, flag = flag, error = e)))?;
    }
    Ok(t)
}

pub fn run(ctx: &Ctx, a: &SetArgs) -> Result<Output> {
    let given = a.given();
    if given.is_empty() {
        let flags: Vec<&str> = FIELDS.iter().map(|f| f.flag).collect();
        bail!(tr!(
            NothingToSet,
            flags = flags.join(crate::msg::list_separator())
        ));
    }
    edit(ctx, "set", &a.id, |ledger, id, lp, project, table| {
        let s = &ledger.settings;
        for (flag, value) in &given {
            let field = FIELDS
                .iter()
                .find(|f| f.flag == *flag)
                .expect("every flag of SetArgs has its field");
            (field.put)(s, project, Some(value))?;
        }
        if let Some(d) = project.started.filter(|d| *d > ctx.today) {
            bail!(tr!(
                DateAfterToday,
                flag = "--started",
                date = d,
                today = ctx.today
            ));
        }
        // A start moved or removed must still fit the stage history.
        if project.started != lp.project.started
            && let Err(why) = stage::replay(project)
        {
            bail!(tr!(
                OfProject,
                id = id,
                text = tr!(FlagValue, flag = "--started", error = why)
            ));
        }
        let mut changes: Vec<String> = FIELDS
            .iter()
            .filter_map(|f| {
                let (old, new) = ((f.get)(&lp.project), (f.get)(project));
                let shown = |v: Option<String>| v.unwrap_or_else(|| tr!(NoValue));
                (old != new).then(|| {
                    format!(
                        "{} {} → {}",
                        crate::msg::field(f.key),
                        shown(old),
                        shown(new)
                    )
                })
            })
            .collect();
        if project.kind != lp.project.kind || project.facts != lp.project.facts {
            let rederived = tasklist::rederive(
                s,
                &table.rows,
                (&lp.project.kind, &lp.project.facts),
                &project.kind,
                &project.facts,
                ctx.today,
            );
            let [added, dropped, not_needed, reinstated] = table.apply_changes(s, rederived);
            let name = |k: &String| {
                s.procedure(k)
                    .map_or(k.clone(), |c| format!("{} ({})", c.key, c.name))
            };
            let mut said = Vec::new();
            for (keys, what) in [
                (&added, tr!(TaskListAdded)),
                (&reinstated, tr!(TaskListNeededAgain)),
                (&not_needed, tr!(TaskListNotNeeded)),
                (&dropped, tr!(TaskListRemoved)),
            ] {
                if !keys.is_empty() {
                    let list: Vec<String> = keys.iter().map(name).collect();
                    said.push(tr!(
                        TaskListChange,
                        n = keys.len(),
                        what = what,
                        list = list.join(crate::msg::list_separator())
                    ));
                }
            }
            changes.push(if said.is_empty() {
                tr!(TaskListUnchanged)
            } else {
                said.join(crate::msg::clause_separator())
            });
        }
        if changes.is_empty() {
            return Ok(tr!(OfProjectLine, id = id, text = tr!(NothingChangedShort)));
        }
        Ok(tr!(
            OfProjectLine,
            id = id,
            text = changes.join(crate::msg::clause_separator())
        ))
    })
}
