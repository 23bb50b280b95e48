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
