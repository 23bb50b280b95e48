//! The ledgers as one sheet each, for `taizhang export`: the procedure
//! ledger (前期手续台账: every procedure row of every project, or of one
//! task force's view, in project then catalogue order) and the progress
//! ledger (项目进度台账: every progress entry, by project and date) and the
//! funds ledger (资金使用台账: every funds entry, by project and date).

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

/// Every funds entry of `projects`: the project, the date, the source, what
/// the money was (planned, received, paid) and the amount, and the note.
pub fn funds_table(projects: &[LoadedProject], lang: Lang) -> Table {
    use crate::model::FundKind;
    let mut t = Table::new(&[
        pick(lang, "project", "项目"),
        pick(lang, "project name", "项目名称"),
        pick(lang, "date", "日期"),
        pick(lang, "source", "资金来源"),
        pick(lang, "kind", "类别"),
        pick(lang, "amount (万元)", "金额(万元)"),
        pick(lang, "note", "备注"),
    ])
    .numeric(&[5]);
    for lp in projects {
        for e in &lp.funds {
            let kind = match e.kind {
                FundKind::Planned => pick(lang, "planned", "计划"),
                FundKind::Received => pick(lang, "received", "到位"),
                FundKind::Paid => pick(lang, "paid", "支付"),
            };
            t.push(vec![
                lp.id.clone(),
                lp.project.name.clone(),
                e.date.to_string(),
                e.source.clone(),
                kind.to_string(),
                e.amount.to_string(),
                e.note.clone(),
            ]);
        }
    }
    t
}
