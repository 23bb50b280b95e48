//! `taizhang catalogue`: the procedure catalogue (手续目录) of ledger.toml
//! as a table, the full list that "did you mean" messages point to.

use super::{Ctx, Output};
use crate::report::labels::pick;
use crate::report::{Format, Table, render};
use anyhow::Result;

pub fn run(ctx: &Ctx) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let s = &ledger.settings;
    let lang = ctx.lang(s);
    if ctx.format == Format::Json {
        let entries: Vec<serde_json::Value> = s
            .catalogue
            .iter()
            .map(|c| {
                serde_json::json!({
                    "key": c.key,
                    "name": c.name,
                    "taskforce": c.taskforce,
                    "types": c.types,
                    "limit": c.limit.map(|l| l.to_string()),
                })
            })
            .collect();
        return Ok(Output::ok(render::json(
            &serde_json::json!({ "procedures": entries }),
        )));
    }
    let mut t = Table::new(&[
        pick(lang, "key", "代码"),
        pick(lang, "procedure", "手续名称"),
        pick(lang, "task force", "工作专班"),
        pick(lang, "project types", "适用项目类型"),
        pick(lang, "time limit", "办理时限"),
    ]);
    for c in &s.catalogue {
        let types = if c.types.iter().any(|t| t == "*") {
            pick(lang, "all", "全部").to_string()
        } else {
            c.types
                .iter()
                .map(|k| s.project_type(k).map_or(k.clone(), |t| t.name.clone()))
                .collect::<Vec<_>>()
                .join(pick(lang, ", ", "、"))
        };
        t.push(vec![
            c.key.clone(),
            c.name.clone(),
            s.taskforce(&c.taskforce)
                .map_or(c.taskforce.clone(), |tf| tf.name.clone()),
            types,
            c.limit.map(|l| l.to_string()).unwrap_or_default(),
        ]);
    }
    t.footer = Some(super::total_line(t.rows.len()));
    Ok(Output::ok(ctx.fit(&t.keep(&[0, 1]), ctx.format)))
}
