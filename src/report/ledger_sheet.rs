//! The procedure ledger (前期手续台账) as one sheet: every procedure row of
//! every project (or of one task force's view), in project then catalogue order,
//! for `taizhang export procedures`.

use super::Table;
use super::labels::pick;
use super::list::{procedure_cells, procedure_headers};
use crate::model::{Lang, Settings};
use crate::store::LoadedProject;

/// The rows of `projects`: the project, then the procedure as `show`
/// prints it (projects already cut to a task force give only its rows).
pub fn table(settings: &Settings, projects: &[LoadedProject], lang: Lang) -> Table {
    let mut t = Table::new(&headers(lang));
    for lp in projects {
        t.rows.extend(rows(settings, lp, lang));
    }
    t
}

/// The sheet's column headers.
pub fn headers(lang: Lang) -> Vec<&'static str> {
    let mut headers = vec![
        pick(lang, "project", "项目"),
        pick(lang, "project name", "项目名称"),
    ];
    headers.extend(procedure_headers(lang));
    headers
}

/// One project's rows of the sheet.
pub fn rows(settings: &Settings, lp: &LoadedProject, lang: Lang) -> Vec<Vec<String>> {
    lp.procedures()
        .iter()
        .map(|r| {
            let mut row = vec![lp.id.clone(), lp.project.name.clone()];
            row.extend(procedure_cells(settings, r, lang));
            row
        })
        .collect()
}
