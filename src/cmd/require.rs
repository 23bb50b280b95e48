//! `taizhang require`: catalogue procedures added to a project's task list
//! after `open`, as pending and due by their time limit counted from today;
//! a row marked not needed comes back. The rules are
//! `model::transition::require` and `require_new`. New rows go where the
//! catalogue puts them, so the file stays in catalogue order.

use super::record::edit;
use super::{Ctx, Output};
use crate::cli::RequireArgs;
use crate::model::transition;
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &RequireArgs) -> Result<Output> {
    edit(ctx, "require", &a.id, |ledger, id, _, _, table| {
        let s = &ledger.settings;
        let mut out = String::new();
        let mut seen: Vec<String> = Vec::new();
        for text in &a.procedures {
            let c = s.procedure(text.trim()).ok_or_else(|| {
                anyhow!(crate::model::suggest::message(
                    tr!(UnknownProcedure, text = text),
                    text,
                    &s.procedure_candidates(),
                    &tr!(SeeCatalogue),
                ))
            })?;
            if seen.contains(&c.key) {
                bail!(tr!(GivenTwice, text = text));
            }
            seen.push(c.key.clone());
            let (row, msg) = match table.position(&c.key) {
                Some(i) => transition::require(&table.rows[i], c.limit, ctx.today, &s.calendar)
                    .map_err(|why| anyhow!(tr!(OfProject, id = id, text = why)))?,
                None => {
                    let row = transition::require_new(c, ctx.today, &s.calendar);
                    let msg = tr!(AddedToList, name = row.name, key = row.key);
                    (row, msg)
                }
            };
            let due = row
                .due
                .map(|d| tr!(CommaDueBy, date = d))
                .unwrap_or_default();
            match table.position(&c.key) {
                Some(i) => {
                    table.rows[i] = row;
                    table.sync(i);
                }
                None => table.insert_in_catalogue_order(s, row),
            }
            out.push_str(&tr!(OfProjectLine, id = id, text = format!("{msg}{due}")));
        }
        Ok(out)
    })
}
