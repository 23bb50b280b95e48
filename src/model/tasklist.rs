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
pub enum Requirement {
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
    pub need: Requirement,
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
        if let Requirement::Waived { zone } = &self.need {
            text.push_str(&waiver(zone, lang));
        }
        text
    }

    pub fn is_needed(&self) -> bool {
        self.need == Requirement::Needed
    }
}

/// "；区域评估已覆盖（开发区）": why a procedure is waived.
pub fn waiver(zone: &str, lang: Lang) -> String {
    tr_in!(lang, WaivedByZone, zone = zone)
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
                Some(z) if z.covers.iter().any(|k| k == &entry.key) => Requirement::Waived {
                    zone: z.name.clone(),
                },
                _ => Requirement::Needed,
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

/// Catalogue entries a project of type `kind` would need if a yes/no fact
/// it has not recorded were "yes" (e.g. the safety reviews of a chemical
/// project whose hazardous chemicals are not recorded): worth a warning
/// when the project is opened, as such a fact counts as "no".
pub fn left_off_by_unrecorded(settings: &Settings, kind: &str, facts: &Facts) -> Vec<String> {
    if facts.hazchem.is_some() {
        return Vec::new();
    }
    let assumed = Facts {
        hazchem: Some(true),
        ..facts.clone()
    };
    let now: Vec<String> = derive(settings, kind, facts)
        .into_iter()
        .map(|d| d.key)
        .collect();
    derive(settings, kind, &assumed)
        .into_iter()
        .map(|d| d.key)
        .filter(|k| !now.contains(k))
        .collect()
}

/// The time limit of procedure `key` for a project of type `kind` with
/// `facts` (`limit_when`, else `limit`), also when the procedure was added
/// by hand and the conditions do not list it.
pub fn limit_for(settings: &Settings, kind: &str, facts: &Facts, key: &str) -> Option<Limit> {
    derive(settings, kind, facts)
        .into_iter()
        .find(|d| d.key == key)
        .and_then(|d| d.limit)
        .or_else(|| settings.procedure(key).and_then(|c| c.limit))
}

/// A new row of the task list for `d`, due by its limit counted from
/// `from`; a waived row is not needed and says why in its note.
pub fn new_row(settings: &Settings, d: &Derived, from: super::Date) -> Procedure {
    let entry = settings
        .procedure(&d.key)
        .expect("derived from the catalogue");
    // One way to make a new row (`transition::require_new`), due by the
    // limit for this project's facts.
    let mut row = super::transition::require_new(entry, from, &settings.calendar);
    match &d.need {
        Requirement::Needed => {
            row.due = d.limit.map(|l| l.due_from(from, &settings.calendar));
        }
        Requirement::Waived { zone } => {
            row.status = Status::NotNeeded;
            row.due = None;
            row.note = waiver_note(zone);
        }
    }
    row
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
            None if with.contains(&c.key) => {
                super::transition::require_new(c, from, &settings.calendar)
            }
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

/// One change re-deriving a task list makes to its rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Now needed and not on the list: a new row.
    Add(Procedure),
    /// No longer derived and holding nothing a clerk recorded (no date, no
    /// document number, no note, no pledge): the row goes.
    Drop(String),
    /// No longer needed (the facts or the zone's regional assessment say
    /// so) but the row holds a date: kept, marked not needed, with this note.
    NotNeeded(String, String),
    /// Needed again after being waived by a regional assessment: pending,
    /// due by this date (if the catalogue sets a limit).
    Reinstate(String, Option<super::Date>),
}

/// The changes that bring task list `rows`, derived for type `was_kind`
/// with `was_facts`, in line with type `kind` and `facts`, new rows due
/// from `today`. Only rows the old derivation listed and the new one does
/// not are dropped or marked not needed: a row a clerk added by hand
/// (`require`, `open --with`) stays. Never drops a row that holds a date
/// or anything else a clerk recorded; rows obtained, pledged or applied for
/// stay as they are, and so do rows a clerk marked not needed by hand.
pub fn rederive(
    settings: &Settings,
    rows: &[Procedure],
    (was_kind, was_facts): (&str, &Facts),
    kind: &str,
    facts: &Facts,
    today: super::Date,
) -> Vec<Change> {
    let derived = derive(settings, kind, facts);
    let was: Vec<String> = derive(settings, was_kind, was_facts)
        .into_iter()
        .map(|d| d.key)
        .collect();
    let mut out = Vec::new();
    for d in &derived {
        match rows.iter().find(|r| r.key == d.key) {
            None => out.push(Change::Add(new_row(settings, d, today))),
            Some(r) => match &d.need {
                Requirement::Waived { zone } if untouched(r) && r.status == Status::Pending => {
                    out.push(Change::NotNeeded(r.key.to_string(), waiver_note(zone)));
                }
                Requirement::Needed
                    if r.status == Status::NotNeeded && r.note.starts_with("区域评估已覆盖") =>
                {
                    let due = d.limit.map(|l| l.due_from(today, &settings.calendar));
                    out.push(Change::Reinstate(r.key.to_string(), due));
                }
                _ => {}
            },
        }
    }
    for r in rows {
        if r.status != Status::Pending
            || derived.iter().any(|d| d.key == r.key)
            || !was.iter().any(|k| *k == r.key)
        {
            continue;
        }
        if !untouched(r) {
            continue;
        }
        if r.due.is_none() {
            out.push(Change::Drop(r.key.to_string()));
        } else {
            out.push(Change::NotNeeded(
                r.key.to_string(),
                NO_LONGER_NEEDED.to_string(),
            ));
        }
    }
    out
}

/// The note on a row that the project's facts no longer call for.
pub const NO_LONGER_NEEDED: &str = "按项目情况无需办理";

/// A pending row on which nothing was recorded but perhaps its due date.
fn untouched(r: &Procedure) -> bool {
    r.applied.is_none()
        && r.obtained.is_none()
        && r.pledged.is_none()
        && r.pledge_due.is_none()
        && r.fulfilled.is_none()
        && r.doc_no.is_empty()
        && r.note.is_empty()
        && r.missing_items.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::{Condition, Land, Zone};
    use crate::model::settings::{CatalogueEntry, ProjectType, TaskForce};

    fn entry(key: &str, when: Vec<Condition>) -> CatalogueEntry {
        CatalogueEntry {
            key: key.into(),
            name: key.into(),
            taskforce: "land".into(),
            authority: None,
            level: None,
            types: vec!["*".into()],
            when,
            limit: Some(Limit::Days(30)),
            limit_when: Vec::new(),
        }
    }

    fn settings() -> Settings {
        let land = |l| Condition {
            land: vec![l],
            ..Condition::default()
        };
        let taskforces = vec![TaskForce {
            key: "land".into(),
            name: "用地专班".into(),
            lead: "县自然资源局".into(),
            leader: None,
        }];
        Settings {
            name: "t".into(),
            region: String::new(),
            lang: Lang::Zh,
            shared: crate::model::settings::SharedTaskForce::of(&taskforces),
            issuers: Vec::new(),
            taskforces,
            types: vec![ProjectType {
                key: "industrial".into(),
                name: "工业".into(),
            }],
            catalogue: vec![
                entry("approval", vec![]),
                entry("prereview", vec![land(Land::Allocation)]),
                entry("transfer", vec![land(Land::Transfer)]),
                entry("geohazard", vec![]),
            ],
            slow: Default::default(),
            calendar: crate::model::calendar::Calendar::official(),
            zones: vec![Zone {
                key: "kfq".into(),
                name: "开发区".into(),
                covers: vec!["geohazard".into()],
            }],
            members: Vec::new(),
            bulletin: Default::default(),
            funds: Default::default(),
            categories: crate::model::settings::default_categories(),
            escalation: Default::default(),
            show_phones: false,
            auto_commit: false,
        }
    }

    fn day(s: &str) -> crate::model::Date {
        crate::model::parse_date(s).unwrap()
    }

    #[test]
    fn derivation_follows_the_facts_and_the_zone() {
        let s = settings();
        let keys = |f: &Facts| -> Vec<String> {
            derive(&s, "industrial", f)
                .iter()
                .map(|d| format!("{}{}", d.key, if d.is_needed() { "" } else { "(waived)" }))
                .collect()
        };
        assert_eq!(
            keys(&Facts::default()),
            ["approval", "prereview", "transfer", "geohazard"]
        );
        let transfer = Facts {
            land: Some(Land::Transfer),
            zone: Some("kfq".into()),
            ..Facts::default()
        };
        assert_eq!(
            keys(&transfer),
            ["approval", "transfer", "geohazard(waived)"]
        );
        let d = derive(&s, "industrial", &transfer);
        assert_eq!(d[1].reason(Lang::Zh), "出让");
        assert_eq!(d[2].reason(Lang::Zh), "各类项目；区域评估已覆盖（开发区）");
    }

    #[test]
    fn rederiving_adds_drops_and_keeps_what_holds_a_date() {
        let s = settings();
        let opened = day("2024-03-01");
        let rows = build(&s, "industrial", &Facts::default(), &[], &[], opened);
        // No limit on prereview: a row without a date goes; transfer holds
        // its due date: kept, not needed; geohazard becomes waived.
        let mut rows = rows;
        rows[1].due = None;
        let f = Facts {
            land: Some(Land::Allocation),
            zone: Some("kfq".into()),
            ..Facts::default()
        };
        let changes = rederive(
            &s,
            &rows,
            ("industrial", &Facts::default()),
            "industrial",
            &f,
            day("2024-04-01"),
        );
        assert_eq!(
            changes,
            [
                Change::NotNeeded("geohazard".into(), "区域评估已覆盖（开发区）".into()),
                Change::NotNeeded("transfer".into(), NO_LONGER_NEEDED.into()),
            ]
        );
        // Obtained rows stay whatever the facts say.
        rows[2].status = Status::Obtained;
        rows[2].obtained = Some(day("2024-03-05"));
        let changes = rederive(
            &s,
            &rows,
            ("industrial", &Facts::default()),
            "industrial",
            &f,
            day("2024-04-01"),
        );
        assert!(
            !changes
                .iter()
                .any(|c| matches!(c, Change::NotNeeded(k, _) | Change::Drop(k) if k == "transfer"))
        );
        // Leaving the zone reinstates the waived row, due from today.
        let mut waived = rows.clone();
        waived[3].status = Status::NotNeeded;
        waived[3].due = None;
        waived[3].note = waiver_note("开发区");
        let was = Facts {
            zone: Some("kfq".into()),
            ..Facts::default()
        };
        let changes = rederive(
            &s,
            &waived,
            ("industrial", &was),
            "industrial",
            &Facts::default(),
            day("2024-04-01"),
        );
        assert!(changes.contains(&Change::Reinstate(
            "geohazard".into(),
            Some(day("2024-05-06"))
        )));
        // A row added by hand (not derived before) is never dropped.
        let transfer = Facts {
            land: Some(Land::Transfer),
            ..Facts::default()
        };
        let mut hand = build(
            &s,
            "industrial",
            &transfer,
            &["prereview".into()],
            &[],
            opened,
        );
        hand[1].due = None;
        let moved = Facts {
            zone: Some("kfq".into()),
            ..transfer.clone()
        };
        let changes = rederive(
            &s,
            &hand,
            ("industrial", &transfer),
            "industrial",
            &moved,
            day("2024-04-01"),
        );
        assert!(
            !changes.iter().any(
                |c| matches!(c, Change::Drop(k) | Change::NotNeeded(k, _) if k == "prereview")
            ),
            "{changes:?}"
        );
        // A row dropped from the list is added back when needed again (30
        // days from 1 April end on 1 May, Labour Day: the 6th).
        let short: Vec<Procedure> = rows
            .iter()
            .filter(|r| r.key != "prereview")
            .cloned()
            .collect();
        let changes = rederive(
            &s,
            &short,
            ("industrial", &Facts::default()),
            "industrial",
            &f,
            day("2024-04-01"),
        );
        assert!(
            matches!(&changes[0], Change::Add(p) if p.key == "prereview" && p.due == Some(day("2024-05-06")))
        );
    }
}
