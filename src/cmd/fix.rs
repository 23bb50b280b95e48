//! `taizhang fix [ID…]`: the ledger CSVs Excel or WPS saved, restored to
//! the form taizhang writes, every change listed by file, line and column;
//! cells that cannot be restored without guessing are listed and their
//! file left as it is (exit 1). The files are written as one set.

use super::{Ctx, Output, project_id};
use crate::cli::FixArgs;
use crate::model::ProjectId;
use crate::store::Ledger;
use crate::store::write::WriteSet;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &FixArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let _lock = if a.dry_run {
        None
    } else {
        Some(ledger.lock()?)
    };
    let ids: Vec<ProjectId> = if a.ids.is_empty() {
        Ledger::project_folders(&ledger.root)?
            .iter()
            .filter_map(|f| ProjectId::parse(f).ok())
            .collect()
    } else {
        let mut ids = Vec::new();
        for text in &a.ids {
            let id = project_id(text)?;
            if !ledger.project_dir(&id).is_dir() {
                bail!(
                    "unknown project \"{id}\": no folder {} (see `taizhang list`)",
                    ledger.project_dir(&id).display()
                );
            }
            ids.push(id);
        }
        ids
    };
    let mut set = WriteSet::new();
    let mut out = String::new();
    let (mut files, mut cells, mut left) = (0, 0, 0);
    for id in &ids {
        for (path, r) in ledger.restore_excel(id) {
            let shown = path.display();
            if let Some(why) = &r.refused {
                out.push_str(&format!(
                    "{shown}: cannot be restored, left as it is: {why}\n"
                ));
                left += 1;
                continue;
            }
            for c in &r.file_changes {
                out.push_str(&format!("{shown}: {c}\n"));
            }
            // Changed and left cells in reading order.
            let mut lines: Vec<(usize, usize, String)> = r
                .cells
                .iter()
                .map(|c| {
                    let to = c.to.as_deref().unwrap_or("");
                    (c.line, c.column, format!("{}: {} → {to}", c.header, c.from))
                })
                .chain(r.left.iter().map(|c| {
                    let why = c.why.as_deref().unwrap_or("");
                    let text = format!("{}: \"{}\" left as it is: {why}", c.header, c.from);
                    (c.line, c.column, text)
                }))
                .collect();
            lines.sort();
            for (line, column, text) in lines {
                out.push_str(&format!("{shown}:{line}:{column}: {text}\n"));
            }
            left += r.left.len();
            let Some(bytes) = r.bytes else {
                continue;
            };
            if !r.left.is_empty() {
                out.push_str(&format!(
                    "{shown}: not rewritten until the cells above are corrected\n"
                ));
                continue;
            }
            let rel = path
                .strip_prefix(&ledger.root)
                .unwrap_or(&path)
                .to_path_buf();
            set.add(path.clone(), rel, bytes);
            files += 1;
            cells += r.cells.len();
        }
    }
    if !a.dry_run && !set.is_empty() {
        let written = set.commit()?;
        ctx.commit(&ledger, &written, "fix: restore files saved by Excel");
    }
    out.push_str(&match (files, a.dry_run) {
        (0, _) if left == 0 => {
            "Nothing to fix: every ledger file is as taizhang writes it.\n".to_string()
        }
        (0, _) => "No file restored.\n".to_string(),
        (n, true) => format!(
            "Would restore {n} file(s), {cells} cell(s) changed; nothing written (--dry-run).\n"
        ),
        (n, false) => format!("Restored {n} file(s), {cells} cell(s) changed.\n"),
    });
    if left > 0 {
        out.push_str(&format!(
            "{left} cell(s) or file(s) left for you to correct; then run `taizhang fix` again.\n"
        ));
    }
    Ok(Output::with_code(out, u8::from(left > 0)))
}
