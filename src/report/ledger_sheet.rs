//! The procedure ledger (前期手续台账) as one sheet: every procedure row of
//! every project, or of one task force, in project then catalogue order,
//! for `taizhang export procedures`.

use super::Table;
use super::labels::pick;
use super::list::{procedure_cells, procedure_headers};
use crate::model::{Lang, Settings};
use crate::store::LoadedProject;

/// The rows of `projects` (all task forces when `taskforce` is `None`):
/// the project, then the procedure as `show` prints it.
pub fn table(
    settings: &Settings,
    projects: &[LoadedProject],
    taskforce: Option<&str>,
    lang: Lang,
) -> Table {
    let mut headers = vec![
        pick(lang, "project", "项目"),
        pick(lang, "project name", "项目名称"),
    ];
    headers.extend(procedure_headers(lang));
    let mut t = Table::new(&headers);
    for lp in projects {
        for r in lp.procedures() {
            if taskforce.is_some_and(|k| k != r.taskforce) {
                continue;
            }
            let mut row = vec![lp.id.clone(), lp.project.name.clone()];
            row.extend(procedure_cells(settings, r, lang));
            t.push(row);
        }
    }
    t
}
