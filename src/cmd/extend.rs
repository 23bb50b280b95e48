//! `taizhang extend`: a pledge's deadline extended (延期), keeping the first
//! deadline and counting the extensions. The rule is
//! `model::transition::extend`.

use super::record::transition;
use super::{Ctx, Output, date_arg, text_arg};
use crate::cli::ExtendArgs;
use crate::model::transition;
use anyhow::{Result, anyhow};

pub fn run(ctx: &Ctx, a: &ExtendArgs) -> Result<Output> {
    let due = a
        .due
        .as_deref()
        .ok_or_else(|| anyhow!(tr!(ExtendNeedsDue)))?;
    let due = date_arg("--due", due)?;
    let reason = a
        .reason
        .as_deref()
        .ok_or_else(|| anyhow!(tr!(ExtendNeedsReason)))?;
    let reason = text_arg("--reason", reason, &tr!(GiveExtendReason))?;
    transition(ctx, "extend", &a.id, &a.procedure, |_, row| {
        transition::extend(row, due, reason)
    })
}
