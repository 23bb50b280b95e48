//! Rules that join a project's files with the ledger's settings: known
//! project type, task forces and procedures, dates that cannot be earlier
//! than the day the project was opened.

use super::Problem;
use super::procedures_file::ProcedureTable;
use crate::model::{Project, Settings};
use std::path::Path;

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
            format!(
                "unknown project type \"{}\": expected one of {}",
                p.kind,
                settings.type_keys()
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
            format!(
                "unknown development zone \"{z}\": expected a [[zone]] key of ledger.toml{}",
                if settings.zones.is_empty() {
                    " (it defines none)".to_string()
                } else {
                    format!(
                        ": {}",
                        settings
                            .zones
                            .iter()
                            .map(|z| z.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            ),
        ));
    }
    for (key, date) in [("planned_start", p.planned_start), ("started", p.started)] {
        if let Some(d) = date
            && d < p.opened
        {
            out.push(Problem::at(
                path,
                text,
                find_key(text, key),
                "date-before-opened",
                format!(
                    "`{key}` {d} is before the project was opened ({})",
                    p.opened
                ),
            ));
        }
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
                format!(
                    "unknown procedure \"{}\": not in the catalogue of ledger.toml",
                    row.key
                ),
            );
        }
        if settings.taskforce(&row.taskforce).is_none() {
            problem(
                "unknown-taskforce",
                2,
                format!(
                    "procedure \"{}\": unknown task force \"{}\": expected one of {}",
                    row.key,
                    row.taskforce,
                    settings.taskforce_keys()
                ),
            );
        }
        if let Some(p) = project {
            for (what, col, date) in [
                ("applied", 13, row.applied),
                ("obtained", 5, row.obtained),
                ("pledged", 8, row.pledged),
                ("fulfilled", 11, row.fulfilled),
            ] {
                if let Some(d) = date
                    && d < p.opened
                {
                    problem(
                        "date-before-opened",
                        col,
                        format!(
                            "procedure \"{}\": {what} date {d} is before the project was opened ({})",
                            row.key, p.opened
                        ),
                    );
                }
            }
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
                    format!(
                        "procedure \"{}\": due date {due} falls in {}, a year the working-day calendar does not cover",
                        row.key,
                        due.year()
                    ),
                )
                .with_hint(format!(
                    "list {}'s official holidays and make-up working days under [calendar] off/work in ledger.toml, then check the due date",
                    due.year()
                ))
                .as_warning(),
            );
        }
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
