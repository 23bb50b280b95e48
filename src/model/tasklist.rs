//! The derivation of a project's task list (任务清单) from its type and
//! facts: the one rule `open`, `set` and `show` share. A catalogue entry is
//! on the list when its `types` include the project's type and, if it has
//! `when` conditions, one of them holds (see `facts::Condition`); it is
//! kept but waived (无需办理) when the regional assessment (区域评估) of the
//! project's development zone covers it.

use super::facts::{Because, Facts};
use super::settings::{CatalogueEntry, Limit, Settings};
use super::{Lang, Procedure, Status};

/// Whether a derived procedure must be done.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "need", rename_all = "kebab-case")]
pub enum Need {
    Needed,
    /// Covered by the regional assessment of this zone (its name).
    Waived {
        zone: String,
    },
}

/// One procedure of a derived task list and why it is there.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Derived {
    #[serde(rename = "procedure")]
    pub key: String,
    #[serde(flatten)]
    pub need: Need,
    pub because: Vec<Because>,
    /// The time limit that applies to this project (see `limit_when`).
    #[serde(skip)]
    pub limit: Option<Limit>,
}

impl Derived {
    /// "化工 + 危化", and the waiver after it: the reason `show` prints.
    pub fn reason(&self, lang: Lang) -> String {
        let mut text = self
            .because
            .iter()
            .map(|b| b.label(lang))
            .collect::<Vec<_>>()
            .join(" + ");
        if let Need::Waived { zone } = &self.need {
            text.push_str(&waiver(zone, lang));
        }
        text
    }

    pub fn is_needed(&self) -> bool {
        self.need == Need::Needed
    }
}

/// "；区域评估已覆盖（开发区）": why a procedure is waived.
pub fn waiver(zone: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("；区域评估已覆盖（{zone}）"),
        Lang::En => format!("; covered by the regional assessment of {zone}"),
    }
}

/// The note written on a waived row: the waiver in the ledger's words.
pub fn waiver_note(zone: &str) -> String {
    format!("区域评估已覆盖（{zone}）")
}

/// Why `entry` is needed by a project of type `kind` with `facts`, or
/// `None` when it is not.
fn because(
    settings: &Settings,
    entry: &CatalogueEntry,
    kind: &str,
    facts: &Facts,
) -> Option<Vec<Because>> {
    if !entry.applies_to(kind) {
        return None;
    }
    let kind_name = settings
        .project_type(kind)
        .map_or(kind, |t| t.name.as_str());
    let mut why = vec![if entry.types.iter().any(|t| t == "*") {
        Because::AnyType
    } else {
        Because::Type(kind_name.to_string())
    }];
    if entry.when.is_empty() {
        return Some(why);
    }
    let more = entry
        .when
        .iter()
        .find_map(|c| c.check(kind, kind_name, facts))?;
    for b in more {
        if matches!(b, Because::Type(_)) {
            // The condition's own type test: say the type once.
            why.retain(|w| !matches!(w, Because::AnyType | Because::Type(_)));
            why.insert(0, b);
        } else if !why.contains(&b) {
            why.push(b);
        }
    }
    if why.len() > 1 {
        // "出让", not "各类项目 + 出让": the condition says why.
        why.retain(|w| *w != Because::AnyType);
    }
    Some(why)
}

/// The task list of a project of type `kind` with `facts`, in catalogue order.
pub fn derive(settings: &Settings, kind: &str, facts: &Facts) -> Vec<Derived> {
    let zone = facts.zone.as_deref().and_then(|z| settings.zone(z));
    settings
        .catalogue
        .iter()
        .filter_map(|entry| {
            let because = because(settings, entry, kind, facts)?;
            let need = match zone {
                Some(z) if z.covers.iter().any(|k| k == &entry.key) => Need::Waived {
                    zone: z.name.clone(),
                },
                _ => Need::Needed,
            };
            let kind_name = settings
                .project_type(kind)
                .map_or(kind, |t| t.name.as_str());
            let limit = entry
                .limit_when
                .iter()
                .find(|(c, _)| c.holds_on_record(kind, kind_name, facts))
                .map(|(_, l)| *l)
                .or(entry.limit);
            Some(Derived {
                key: entry.key.clone(),
                need,
                because,
                limit,
            })
        })
        .collect()
}

/// A new row of the task list for `d`, due by its limit counted from
/// `from`; a waived row is not needed and says why in its note.
pub fn new_row(settings: &Settings, d: &Derived, from: super::Date) -> Procedure {
    let entry = settings
        .procedure(&d.key)
        .expect("derived from the catalogue");
    let (status, due, note) = match &d.need {
        Need::Needed => (
            Status::Pending,
            d.limit.map(|l| l.due_from(from, &settings.calendar)),
            String::new(),
        ),
        Need::Waived { zone } => (Status::NotNeeded, None, waiver_note(zone)),
    };
    Procedure {
        key: entry.key.clone(),
        name: entry.name.clone(),
        taskforce: entry.taskforce.clone(),
        status,
        due,
        note,
        ..Procedure::default()
    }
}

/// A new project's task list: the derived rows, plus the catalogue
/// entries in `with` (added by hand), with those in `without` not needed;
/// in catalogue order, due from `from`.
pub fn build(
    settings: &Settings,
    kind: &str,
    facts: &Facts,
    with: &[String],
    without: &[String],
    from: super::Date,
) -> Vec<Procedure> {
    let derived = derive(settings, kind, facts);
    let mut rows = Vec::new();
    for c in &settings.catalogue {
        let mut row = match derived.iter().find(|d| d.key == c.key) {
            Some(d) => new_row(settings, d, from),
            None if with.contains(&c.key) => Procedure {
                key: c.key.clone(),
                name: c.name.clone(),
                taskforce: c.taskforce.clone(),
                due: c.limit.map(|l| l.due_from(from, &settings.calendar)),
                ..Procedure::default()
            },
            None => continue,
        };
        if without.contains(&c.key) {
            row.status = Status::NotNeeded;
            row.due = None;
        }
        rows.push(row);
    }
    rows
}

/// What re-deriving a task list after a change of type or facts does to
/// the rows: rows to add (now needed, not on the list), and rows to drop
/// (no longer derived, and holding nothing a clerk recorded: no date, no
/// document number, no note). A row holding a date is never dropped.
#[derive(Debug, Default, PartialEq)]
pub struct Rederived {
    pub add: Vec<Procedure>,
    pub drop: Vec<String>,
    /// Rows no longer derived but kept because they hold a record.
    pub kept: Vec<String>,
}

/// Re-derives the task list `rows` for type `kind` and `facts`; new rows
/// are due from `today`.
pub fn rederive(
    settings: &Settings,
    rows: &[Procedure],
    kind: &str,
    facts: &Facts,
    today: super::Date,
) -> Rederived {
    let derived = derive(settings, kind, facts);
    let mut out = Rederived::default();
    for d in &derived {
        if !rows.iter().any(|r| r.key == d.key) {
            out.add.push(new_row(settings, d, today));
        }
    }
    for r in rows {
        if derived.iter().any(|d| d.key == r.key) {
            continue;
        }
        let holds = r.recorded_dates().next().is_some()
            || r.due.is_some()
            || r.pledge_due.is_some()
            || !r.doc_no.is_empty()
            || !r.note.is_empty()
            || !r.missing_items.is_empty()
            || matches!(r.status, Status::Obtained | Status::Pledged);
        if holds {
            out.kept.push(r.key.clone());
        } else {
            out.drop.push(r.key.clone());
        }
    }
    out
}
