//! `taizhang check`: every problem of the ledger in one run, each as
//! `FILE:LINE[:COL]: message` with an excerpt. Errors (unreadable files,
//! unparsable values, impossible states) exit 1; warnings (unusual but
//! possible: 未批先建, a planned start long past…) print with `warning:`
//! and exit 0 unless `--deny-warnings`. Silent with exit 0 when the ledger
//! is sound.

use super::{Ctx, Output};
use crate::cli::CheckArgs;
use crate::report::{Format, render};
use crate::store::Ledger;
use anyhow::Result;

pub fn run(ctx: &Ctx, a: &CheckArgs) -> Result<Output> {
    let root = Ledger::locate(ctx.ledger.as_deref())?;
    let problems = Ledger::check(&root, ctx.today)?;
    let warnings = problems.iter().filter(|p| p.warning).count();
    let errors = problems.len() - warnings;
    let code = u8::from(errors > 0 || (a.deny_warnings && warnings > 0));
    let text = match ctx.format {
        Format::Json => render::json(&serde_json::json!({
            "errors": errors,
            "warnings": warnings,
            "problems": problems,
        })),
        _ => {
            let mut out: String = problems.iter().map(|p| format!("{p}\n")).collect();
            if errors > 0 && warnings == 0 {
                out.push_str(&tr!(CheckProblems, n = errors, dir = root.display()));
            } else if !problems.is_empty() {
                out.push_str(&tr!(
                    CheckProblemsWarnings,
                    n = errors,
                    w = warnings,
                    dir = root.display()
                ));
            }
            out
        }
    };
    Ok(Output::with_code(text, code))
}
