//! `taizhang due`: the date by which a procedure should be obtained
//! (时间节点). The rule is `model::transition::due`.

use super::record::transition;
use super::{Ctx, Output, date_arg};
use crate::cli::DueArgs;
use crate::model::transition;
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &DueArgs) -> Result<Output> {
    let date = date_arg("DATE", &a.date)?;
    transition(ctx, "due", &a.id, &a.procedure, |_, row| {
        transition::due(row, date)
    })
}
