//! Rules that join a project's files with the ledger's settings and with
//! each other: known project type, task forces and procedures; impossible
//! states (errors: obtained before applied, a pledge made good before it
//! was granted, a date after today); and the unusual but possible
//! (warnings: works started before a procedure was obtained or pledged —
//! 未批先建, more invested than the total, a plan for a far year, a planned
//! start long past, a national code used twice). A date before the project
//! entered the ledger is history, never a problem.

use super::Problem;
use super::procedures_file::ProcedureTable;
use crate::model::transition::{self, Column};
use crate::model::{Date, ProgressEntry, Project, Settings};
use chrono::Datelike;
use std::path::Path;

/// An annual plan this many years or fewer from the project's dates is
/// ordinary; further is a warning.
pub const PLAN_YEARS_NEAR: i32 = 5;

/// A planned start this many days past, with works not started, is a
/// warning of `check`.
pub const PLANNED_START_LONG_PAST_DAYS: i64 = 365;

/// Index in `procedures_file::COLUMNS` of a column named by a rule.
fn column(name: Column) -> usize {
    super::procedures_file::COLUMNS
        .iter()
        .position(|c| *c == name)
        .expect("a known column")
}

/// Problems of `project.toml` against the settings.
pub fn project(path: &Path, text: &str, settings: &Settings, p: &Project) -> Vec<Problem> {
    let mut out = Vec::new();
    if settings
        .project_type(&p.kind)
        .is_none_or(|t| t.key != p.kind)
    {
        let offset = find_key(text, "type");
        out.push(Problem::at(
            path,
            text,
            offset,
            "unknown-type",
            tr!(
                UnknownTypeListed,
                text = p.kind,
                list = settings.type_keys()
            ),
        ));
    }
    if let Some(z) = &p.facts.zone
        && settings.zone(z).is_none()
    {
        out.push(Problem::at(
            path,
            text,
            find_key(text, "zone"),
            "unknown-zone",
            if settings.zones.is_empty() {
                tr!(UnknownZoneNoneDefined, zone = z)
            } else {
                tr!(
                    ZoneUnknownInFile,
                    zone = z,
                    list = settings
                        .zones
                        .iter()
                        .map(|z| z.key.as_str())
                        .collect::<Vec<_>>()
                        .join(crate::msg::list_separator())
                )
            },
        ));
    }
    // History comes first: a planned start or start of works before the
    // project entered the ledger is a fact. A plan for a year far from the
    // project is unusual, likely a typo: a warning.
    let near = |y: i32| {
        [Some(p.opened), p.planned_start, p.started]
            .into_iter()
            .flatten()
            .any(|d| (y - d.year()).abs() <= PLAN_YEARS_NEAR)
    };
    for &year in p.annual_plan.keys().filter(|y| !near(**y)) {
        out.push(
            Problem::at(
                path,
                text,
                find_key(text, &format!("\"{year}\"")).max(find_key(text, &year.to_string())),
                "plan-year-far",
                tr!(
                    PlanYearFar,
                    year = year,
                    n = PLAN_YEARS_NEAR,
                    opened = p.opened
                ),
            )
            .as_warning(),
        );
    }
    out
}

/// Problems of `procedures.csv` against the settings and the project.
pub fn procedures(
    path: &Path,
    text: &str,
    settings: &Settings,
    project: Option<&Project>,
    table: &ProcedureTable,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        // Columns: 0 procedure, 2 taskforce, 5 obtained, 8 pledged, 11 fulfilled.
        let mut problem = |code: &'static str, col: usize, msg: String| {
            out.push(Problem::at(
                path,
                text,
                table.cell_offset(text, i, col),
                code,
                msg,
            ))
        };
        if settings
            .procedure(&row.key)
            .is_none_or(|c| c.key != row.key)
        {
            problem(
                "unknown-procedure",
                0,
                tr!(UnknownProcedureFile, key = row.key),
            );
        }
        if settings.taskforce(&row.taskforce).is_none() {
            problem(
                "unknown-taskforce",
                2,
                tr!(
                    UnknownTaskforceFile,
                    key = row.key,
                    text = row.taskforce,
                    list = settings.taskforce_keys()
                ),
            );
        }
        for (col, msg) in transition::impossible(row) {
            let code = match col {
                "obtained" => "obtained-before-applied",
                "fulfilled" => "fulfilled-before-pledged",
                _ => "deadline-before-pledge",
            };
            problem(code, column(col), msg);
        }
    }
    if let Some(p) = project
        && let Some(started) = p.started
    {
        // 未批先建: works started while a needed procedure was neither
        // obtained nor pledged.
        let missing: Vec<&str> = transition::not_ready_on(&table.rows, started)
            .into_iter()
            .map(|r| &*r.key)
            .collect();
        if !missing.is_empty() {
            out.push(
                Problem::file(
                    path,
                    "started-before-approval",
                    tr!(
                        StartedBeforeApproval,
                        date = started,
                        n = missing.len(),
                        list = missing.join(crate::msg::list_separator())
                    ),
                )
                .as_warning(),
            );
        }
    }
    out
}

/// Warnings for due dates of pending procedures whose catalogue limit is
/// counted in working days, falling in a year the working-day calendar does
/// not cover (its holidays are unknown, so the date may be wrong).
pub fn calendar_coverage(
    path: &Path,
    text: &str,
    settings: &Settings,
    table: &ProcedureTable,
) -> Vec<Problem> {
    use crate::model::Status;
    use crate::model::settings::Limit;
    use chrono::Datelike;
    let mut out = Vec::new();
    for (row, &line) in table.rows.iter().zip(&table.lines) {
        let working = settings
            .procedure(&row.key)
            .is_some_and(|c| matches!(c.limit, Some(Limit::WorkingDays(_))));
        if let Some(due) = row.due
            && working
            && row.status == Status::Pending
            && !settings.calendar.covers(due.year())
        {
            out.push(
                Problem::line(
                    path,
                    text,
                    line,
                    "calendar-not-covered",
                    tr!(
                        CalendarNotCovered,
                        key = row.key,
                        due = due,
                        year = due.year()
                    ),
                )
                .with_hint(tr!(CalendarNotCoveredHint, year = due.year()))
                .as_warning(),
            );
        }
    }
    out
}

/// More invested (cumulative, `progress.csv`) than the project's total
/// investment: possible (the total was revised), worth a look.
pub fn progress(path: &Path, p: &Project, entries: &[ProgressEntry]) -> Vec<Problem> {
    let (Some(total), Some(last)) = (p.investment, entries.iter().max_by_key(|e| e.date)) else {
        return Vec::new();
    };
    if last.invested.0 <= total.0 {
        return Vec::new();
    }
    vec![
        Problem::file(
            path,
            "investment-above-total",
            tr!(
                InvestedAboveTotal,
                invested = last.invested,
                date = last.date,
                total = total
            ),
        )
        .with_hint(tr!(InvestedAboveTotalHint))
        .as_warning(),
    ]
}

/// What `check` finds as of `today`: dates after today (errors: an event
/// is recorded when it has happened) and a planned start long past with
/// works not started (a warning).
pub fn as_of_today(
    record: (&Path, &str),
    procedures: (&Path, &str),
    p: &Project,
    table: &ProcedureTable,
    today: Date,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (key, date) in [("opened", Some(p.opened)), ("started", p.started)] {
        if let Some(d) = date.filter(|d| *d > today) {
            out.push(Problem::at(
                record.0,
                record.1,
                find_key(record.1, key),
                "date-after-today",
                tr!(KeyAfterToday, key = key, date = d, today = today),
            ));
        }
    }
    // A change of stage (`[[stages]]`) is recorded when it has happened.
    let mut headers = record.1.match_indices("[[stages]]").map(|(o, _)| o);
    for e in &p.stages {
        let at = headers.next().unwrap_or(0);
        if e.date > today {
            out.push(Problem::at(
                record.0,
                record.1,
                at,
                "date-after-today",
                tr!(
                    StagesEntryAfterToday,
                    stage = e.stage,
                    date = e.date,
                    today = today
                ),
            ));
        }
    }
    for (i, row) in table.rows.iter().enumerate() {
        for (col, d) in transition::future_dates(row, today) {
            out.push(Problem::at(
                procedures.0,
                procedures.1,
                table.cell_offset(procedures.1, i, column(col)),
                "date-after-today",
                tr!(
                    ColumnAfterToday,
                    key = row.key,
                    col = col,
                    date = d,
                    today = today
                ),
            ));
        }
    }
    // A project completed, suspended or cancelled is not expected to start.
    if p.started.is_none()
        && p.stage().stage.is_active()
        && let Some(plan) = p.planned_start
        && (today - plan).num_days() > PLANNED_START_LONG_PAST_DAYS
    {
        out.push(
            Problem::at(
                record.0,
                record.1,
                find_key(record.1, "planned_start"),
                "planned-start-long-past",
                tr!(
                    PlannedStartLongPast,
                    plan = plan,
                    n = (today - plan).num_days()
                ),
            )
            .with_hint(tr!(PlannedStartLongPastHint))
            .as_warning(),
        );
    }
    out
}

/// Byte offset of `key = ` at the start of a line, or 0.
fn find_key(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return offset + (line.len() - t.len());
        }
        offset += line.len();
    }
    0
}
