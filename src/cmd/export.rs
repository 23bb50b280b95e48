//! `taizhang export`: a report or the procedure ledger for Excel and WPS,
//! as an .xlsx workbook or as CSV for Excel, to a file (never overwritten
//! without `--force`) or, for CSV, to standard output.

use super::{Ctx, Output};
use crate::cli::{ExportArgs, ExportWhat};
use crate::model::Lang;
use crate::report::labels::pick;
use crate::report::{ledger_sheet, problems, xlsx};
use crate::store::write::{atomic_write, atomic_write_with};
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
        ExportWhat::Problems => pick(lang, "problems", "问题台账"),
        ExportWhat::Progress => pick(lang, "progress", "项目进度台账"),
        ExportWhat::Funds => pick(lang, "funds", "资金使用台账"),
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
        (None, _, false) => bail!(tr!(ExportNowhere)),
        (Some(_), "xlsx", false) => Kind::Workbook,
        (Some(p), "xlsx", true) => bail!(tr!(ExportXlsxForExcel, file = p.display())),
        (Some(_), "csv", _) => Kind::Csv,
        (Some(p), _, _) => bail!(tr!(ExportBadExtension, file = p.display())),
    };
    if a.title.is_some() && !matches!(kind, Kind::Workbook) {
        bail!(tr!(TitleOnlyXlsx));
    }
    if let Some(p) = &a.output
        && p.exists()
        && !a.force
    {
        bail!(tr!(OutputExists, file = p.display()));
    }
    // The procedure ledger of a province is over a million rows: as CSV it
    // is written row by row as the projects are read, never held whole.
    if let (ExportWhat::Procedures, Kind::Csv) = (a.what, &kind) {
        return procedures_csv(ctx, a.output.as_deref());
    }
    // The same reports as `report` and `list` print: every ledger covered,
    // as of --today, in --taskforce's view.
    let (ledger, table) = match a.what {
        ExportWhat::Overdue => {
            let (ledger, r) = super::report::overdue_report(ctx)?;
            let table = r.table(&ledger.settings, ctx.lang(&ledger.settings));
            (ledger, table)
        }
        ExportWhat::Slow => {
            let (ledger, r) = super::report::slow_report(ctx, false)?;
            let table = r.table(ctx.lang(&ledger.settings));
            (ledger, table)
        }
        ExportWhat::List => {
            let (ledger, r) = super::list::list_report(ctx)?;
            let table = r.table(ctx.lang(&ledger.settings));
            (ledger, table)
        }
        ExportWhat::Procedures => {
            // One row a procedure: counted first (the projects read one at
            // a time), so a sheet too large for a worksheet is refused
            // before it is built.
            let mut rows = 0;
            ctx.each_project_on(ctx.today, |_, lp| lp.procedures().len(), |n| rows += n)?;
            if let Some(e) = xlsx::too_many_rows(rows) {
                bail!(e);
            }
            let (ledger, projects) = ctx.load_report_on(ctx.today)?;
            let table =
                ledger_sheet::table(&ledger.settings, &projects, ctx.lang(&ledger.settings));
            (ledger, table)
        }
        ExportWhat::Problems => {
            let (ledger, projects) = ctx.load_report_on(ctx.today)?;
            let table = problems::build(&ledger.settings, &projects, ctx.today, false)
                .table(ctx.lang(&ledger.settings));
            (ledger, table)
        }
        ExportWhat::Progress => {
            let (ledger, projects) = ctx.load_report_on(ctx.today)?;
            let table = ledger_sheet::progress_table(&projects, ctx.lang(&ledger.settings));
            (ledger, table)
        }
        ExportWhat::Funds => {
            let (ledger, projects) = ctx.load_report_on(ctx.today)?;
            let table = ledger_sheet::funds_table(&projects, ctx.lang(&ledger.settings));
            (ledger, table)
        }
    };
    let mut table = table;
    if let Some(field) = &a.filter.sort {
        table
            .sort_by(field)
            .map_err(|fields| anyhow!(tr!(UnknownSortField, text = field, fields = fields)))?;
    }
    // The report is in the table now and freed: give its memory back.
    crate::memory::release();
    let lang = ctx.lang(&ledger.settings);
    let sheet = sheet_name(a.what, lang);
    let title = a.title.as_deref().map(|t| {
        let t = t.trim();
        let t = if t.is_empty() {
            format!("{} {sheet}", ledger.settings.name)
        } else {
            t.to_string()
        };
        tr_in!(lang, SheetTitle, title = t, date = ctx.today)
    });
    let bytes = match kind {
        Kind::Workbook => {
            xlsx::workbook(&table, sheet, ctx.today, title.as_deref()).map_err(|e| anyhow!(e))?
        }
        Kind::Csv => xlsx::excel_csv(&table).into_bytes(),
    };
    match &a.output {
        None => Ok(Output::ok(
            String::from_utf8(bytes).expect("CSV for Excel is UTF-8"),
        )),
        Some(p) => {
            atomic_write(p, &bytes)?;
            let mut text = tr!(Exported, n = table.rows.len(), file = p.display());
            if let Some(note) = ctx.skipped_note() {
                text.push_str(&note);
                text.push('\n');
            }
            Ok(Output::ok(text))
        }
    }
}

/// `export procedures` as CSV for Excel, written as the projects are read:
/// to a temporary file beside `output`, renamed into place once the whole
/// ledger is read (a refused ledger leaves nothing), or, without
/// `output`, to an unnamed temporary file then to standard output.
fn procedures_csv(ctx: &Ctx, output: Option<&std::path::Path>) -> Result<Output> {
    let lang = ctx.lang(&ctx.open_ledger()?.settings);
    let mut rows = 0;
    let mut write = |w: &mut dyn std::io::Write| -> Result<()> {
        w.write_all("\u{feff}".as_bytes())?;
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(w);
        let mut failed = None;
        let mut record = |csv: &mut csv::Writer<&mut dyn std::io::Write>, cells: &[String]| {
            if let Err(e) = csv.write_record(cells.iter().map(|c| xlsx::neutralise(c))) {
                failed.get_or_insert(e);
            }
        };
        let headers: Vec<String> = ledger_sheet::headers(lang)
            .into_iter()
            .map(String::from)
            .collect();
        record(&mut csv, &headers);
        ctx.each_project_on(
            ctx.today,
            |s, lp| ledger_sheet::rows(s, &lp, ctx.lang(s)),
            |project| {
                for row in project {
                    record(&mut csv, &row);
                    rows += 1;
                }
            },
        )?;
        if let Some(e) = failed {
            return Err(e.into());
        }
        csv.flush()?;
        Ok(())
    };
    match output {
        Some(p) => {
            atomic_write_with(p, write)?;
            Ok(Output::ok(tr!(Exported, n = rows, file = p.display())))
        }
        None => {
            let mut file = tempfile::tempfile()?;
            {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut file);
                write(&mut out)?;
                std::io::Write::flush(&mut out)?;
            }
            Ok(Output {
                stream: Some(Box::new(move |w| {
                    use std::io::Seek;
                    file.seek(std::io::SeekFrom::Start(0))?;
                    std::io::copy(&mut file, w).map(|_| ())
                })),
                ..Output::ok("")
            })
        }
    }
}
