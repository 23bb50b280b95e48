//! The procedure ledger (前期手续台账) as one sheet: every procedure row of
//! every project, or of one task force, in project then catalogue order,
//! for `taizhang export procedures`.

use super::Table;
use super::labels::{pick, taskforce_with_lead};
use super::list::{pledge_label, status_label};
use crate::model::{Date, Lang, Settings};
use crate::store::LoadedProject;

fn opt(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The rows of `projects` (all task forces when `taskforce` is `None`).
pub fn table(
    settings: &Settings,
    projects: &[LoadedProject],
    taskforce: Option<&str>,
    lang: Lang,
) -> Table {
    let mut t = Table::new(&[
        pick(lang, "project", "项目"),
        pick(lang, "project name", "项目名称"),
        pick(lang, "procedure", "手续"),
        pick(lang, "name", "名称"),
        pick(lang, "task force (lead unit)", "专班(牵头单位)"),
        pick(lang, "status", "状态"),
        pick(lang, "applied", "申报日期"),
        pick(lang, "due", "时间节点"),
        pick(lang, "obtained", "办结日期"),
        pick(lang, "document no.", "批复文号"),
        pick(lang, "pledge", "承诺方式"),
        pick(lang, "pledge due", "承诺时限"),
        pick(lang, "missing items", "承诺补齐事项"),
        pick(lang, "fulfilled", "兑现日期"),
        pick(lang, "note", "备注"),
    ]);
    for lp in projects {
        for r in lp.procedures() {
            if taskforce.is_some_and(|k| k != r.taskforce) {
                continue;
            }
            t.push(vec![
                lp.id.clone(),
                lp.project.name.clone(),
                r.key.clone(),
                r.name.clone(),
                taskforce_with_lead(settings, &r.taskforce),
                status_label(r.status, lang).to_string(),
                opt(r.applied),
                opt(r.due),
                opt(r.obtained),
                r.doc_no.clone(),
                r.pledge_kind
                    .map(|k| pledge_label(k, lang))
                    .unwrap_or_default()
                    .to_string(),
                opt(r.pledge_due),
                r.missing_items.clone(),
                opt(r.fulfilled),
                r.note.clone(),
            ]);
        }
    }
    t
}
