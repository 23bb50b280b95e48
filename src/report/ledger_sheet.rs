//! The ledgers as one sheet each, for `taizhang export`: the procedure
//! ledger (前期手续台账: every procedure row of every project, or of one
//! task force's view, in project then catalogue order) and the progress
//! ledger (项目进度台账: every progress entry, by project and date).

use super::Table;
use super::labels::pick;
use super::list::{procedure_cells, procedure_headers};
use crate::model::{Lang, Settings};
use crate::store::LoadedProject;

/// The rows of `projects`: the project, then the procedure as `show`
/// prints it (projects already cut to a task force give only its rows).
pub fn table(settings: &Settings, projects: &[LoadedProject], lang: Lang) -> Table {
    let mut headers = vec![
        pick(lang, "project", "项目"),
        pick(lang, "project name", "项目名称"),
    ];
    headers.extend(procedure_headers(lang));
    let mut t = Table::new(&headers);
    for lp in projects {
        for r in lp.procedures() {
            let mut row = vec![lp.id.clone(), lp.project.name.clone()];
            row.extend(procedure_cells(settings, r, lang));
            t.push(row);
        }
    }
    t
}

/// Every progress entry of `projects`: the project, the date, the
/// investment completed to date and the physical progress (形象进度).
pub fn progress_table(projects: &[LoadedProject], lang: Lang) -> Table {
    let mut t = Table::new(&[
        pick(lang, "project", "项目"),
        pick(lang, "project name", "项目名称"),
        pick(lang, "date", "日期"),
        pick(lang, "invested to date (万元)", "累计完成投资(万元)"),
        pick(lang, "physical progress", "形象进度"),
    ])
    .numeric(&[3]);
    for lp in projects {
        for e in &lp.progress {
            t.push(vec![
                lp.id.clone(),
                lp.project.name.clone(),
                e.date.to_string(),
                e.invested.to_string(),
                e.note.clone(),
            ]);
        }
    }
    t
}
