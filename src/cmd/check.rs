//! `taizhang check`: every problem of the ledger in one run, each as
//! `FILE:LINE[:COL]: message` with an excerpt; silent with exit 0 when the
//! ledger is sound, exit 1 otherwise.

use super::{Ctx, Output};
use crate::report::{Format, render};
use crate::store::Ledger;
use anyhow::Result;

pub fn run(ctx: &Ctx) -> Result<Output> {
    let root = Ledger::locate(ctx.ledger.as_deref())?;
    let problems = Ledger::check(&root)?;
    let code = u8::from(!problems.is_empty());
    let text = match ctx.format {
        Format::Json => render::json(&serde_json::json!({ "problems": problems })),
        _ => {
            let mut out: String = problems.iter().map(|p| format!("{p}\n")).collect();
            if !problems.is_empty() {
                out.push_str(&format!(
                    "{} problem(s) in {}\n",
                    problems.len(),
                    root.display()
                ));
            }
            out
        }
    };
    Ok(Output::with_code(text, code))
}
