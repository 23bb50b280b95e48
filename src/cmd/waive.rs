//! `taizhang waive`: procedures marked not needed on a project (不需办理),
//! with the reason, e.g. covered by the development zone's regional
//! assessment (区域评估). The rows stay on the list. The rule is
//! `model::transition::waive`.

use super::record::edit;
use super::{Ctx, Output, procedure_row, text_arg};
use crate::cli::WaiveArgs;
use crate::model::transition;
use anyhow::{Result, anyhow, bail};

pub fn run(ctx: &Ctx, a: &WaiveArgs) -> Result<Output> {
    let reason = a
        .reason
        .as_deref()
        .ok_or_else(|| anyhow!(tr!(WaiveSayWhy)))?;
    let reason = text_arg("--reason", reason, &tr!(GiveWaiveReason))?;
    edit(ctx, "waive", &a.id, |ledger, id, _, _, table| {
        let mut out = String::new();
        let mut seen = Vec::new();
        for text in &a.procedures {
            let i = procedure_row(&ledger.settings, table, id, text)?;
            if seen.contains(&i) {
                bail!(tr!(GivenTwice, text = text));
            }
            seen.push(i);
            let (row, msg) = transition::waive(&table.rows[i], reason)
                .map_err(|why| anyhow!(tr!(OfProject, id = id, text = why)))?;
            table.rows[i] = row;
            table.sync(i);
            out.push_str(&tr!(OfProjectLine, id = id, text = msg));
        }
        Ok(out)
    })
}
