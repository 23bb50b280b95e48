//! `taizhang check`: every problem of the ledger in one run, each as
//! `FILE:LINE[:COL]: message` with an excerpt; silent with exit 0 when the
//! ledger is sound, exit 1 otherwise. Warnings (e.g. a working-day due
//! date beyond the calendar) are printed but do not fail the check.

use super::{Ctx, Output};
use crate::report::{Format, render};
use crate::store::Ledger;
use anyhow::Result;

pub fn run(ctx: &Ctx) -> Result<Output> {
    let root = Ledger::locate(ctx.ledger.as_deref())?;
    let problems = Ledger::check(&root)?;
    let code = u8::from(problems.iter().any(|p| !p.warning));
    let text = match ctx.format {
        Format::Json => render::json(&serde_json::json!({ "problems": problems })),
        _ => {
            let mut out: String = problems.iter().map(|p| format!("{p}\n")).collect();
            let warnings = problems.iter().filter(|p| p.warning).count();
            let errors = problems.len() - warnings;
            if errors > 0 && warnings == 0 {
                out.push_str(&format!("{errors} problem(s) in {}\n", root.display()));
            } else if !problems.is_empty() {
                out.push_str(&format!(
                    "{errors} problem(s), {warnings} warning(s) in {}\n",
                    root.display()
                ));
            }
            out
        }
    };
    Ok(Output::with_code(text, code))
}
