//! `taizhang export`: a report or the procedure ledger for Excel and WPS,
//! as an .xlsx workbook or as CSV for Excel, to a file (never overwritten
//! without `--force`) or, for CSV, to standard output.

use super::{Ctx, Output};
use crate::cli::{ExportArgs, ExportWhat};
use crate::model::Lang;
use crate::report::labels::pick;
use crate::report::{Table, ledger_sheet, list, overdue, slow, xlsx};
use crate::store::write::atomic_write;
use anyhow::{Result, anyhow, bail};

enum Kind {
    Workbook,
    Csv,
}

fn sheet_name(what: ExportWhat, lang: Lang) -> &'static str {
    match what {
        ExportWhat::Overdue => pick(lang, "overdue", "逾期清单"),
        ExportWhat::Slow => pick(lang, "slow", "进度滞后亮灯"),
        ExportWhat::List => pick(lang, "projects", "项目清单"),
        ExportWhat::Procedures => pick(lang, "procedures", "前期手续台账"),
    }
}

pub fn run(ctx: &Ctx, a: &ExportArgs) -> Result<Output> {
    let ext = a
        .output
        .as_ref()
        .map(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let kind = match (&a.output, ext.as_str(), a.for_excel) {
        (None, _, true) => Kind::Csv,
        (None, _, false) => bail!(
            "nowhere to export to: give --output FILE.xlsx (or FILE.csv), or --for-excel for CSV on standard output"
        ),
        (Some(_), "xlsx", false) => Kind::Workbook,
        (Some(p), "xlsx", true) => bail!(
            "--output {}: --for-excel writes CSV; name the file .csv, or drop --for-excel for a workbook",
            p.display()
        ),
        (Some(_), "csv", _) => Kind::Csv,
        (Some(p), _, _) => bail!(
            "--output {}: expected a file name ending in .xlsx (workbook) or .csv (CSV for Excel)",
            p.display()
        ),
    };
    if let Some(p) = &a.output
        && p.exists()
        && !a.force
    {
        bail!(
            "--output {} already exists; give --force to replace it",
            p.display()
        );
    }
    let ledger = ctx.open_ledger()?;
    let s = &ledger.settings;
    if let Some(k) = &a.taskforce {
        if s.taskforce(k).is_none() {
            bail!(
                "--taskforce: unknown task force \"{k}\": expected one of {}",
                s.taskforce_keys()
            );
        }
        if !matches!(a.what, ExportWhat::Overdue | ExportWhat::Procedures) {
            bail!("--taskforce applies to `export overdue` and `export procedures` only");
        }
    }
    let projects = ledger.load_all()?;
    let lang = ctx.lang(s);
    let tf = a.taskforce.as_deref();
    let table: Table = match a.what {
        ExportWhat::Overdue => {
            let mut r = overdue::build(s, &projects, ctx.today);
            if let Some(k) = tf {
                r.items.retain(|i| &*i.taskforce == k);
            }
            r.table(s, lang)
        }
        ExportWhat::Slow => slow::build(s, &projects, ctx.today, lang, false).table(lang),
        ExportWhat::List => list::build(s, &projects, ctx.today).table(lang),
        ExportWhat::Procedures => ledger_sheet::table(s, &projects, tf, lang),
    };
    let bytes = match kind {
        Kind::Workbook => {
            xlsx::workbook(&table, sheet_name(a.what, lang), ctx.today).map_err(|e| anyhow!(e))?
        }
        Kind::Csv => xlsx::excel_csv(&table).into_bytes(),
    };
    match &a.output {
        None => Ok(Output::ok(
            String::from_utf8(bytes).expect("CSV for Excel is UTF-8"),
        )),
        Some(p) => {
            atomic_write(p, &bytes)?;
            Ok(Output::ok(format!(
                "Exported {} row(s) to {}\n",
                table.rows.len(),
                p.display()
            )))
        }
    }
}
