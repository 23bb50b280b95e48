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
                bail!(ledger.unknown_project(id.as_str()));
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
                out.push_str(&tr!(CannotRestore, file = shown, why = why));
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
                    let text = tr!(CellLeft, column = c.header, value = c.from, why = why);
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
                out.push_str(&tr!(NotRewritten, file = shown));
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
            tr!(NothingToFix)
        }
        (0, _) => tr!(NoFileRestored),
        (n, true) => tr!(WouldRestore, n = n, cells = cells),
        (n, false) => tr!(Restored, n = n, cells = cells),
    });
    if left > 0 {
        out.push_str(&tr!(LeftToCorrect, n = left));
    }
    Ok(Output::with_code(out, u8::from(left > 0)))
}
