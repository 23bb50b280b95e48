//! `taizhang rename OLD NEW`: a project's ID, which is its folder's name,
//! changes. The folder is moved in one step (`git mv` when the ledger is in
//! git, so the move is staged and `taizhang log NEW` follows it back; a
//! plain rename otherwise), under the write lock; nothing inside changes.

use super::{Ctx, Output, project_id};
use crate::cli::RenameArgs;
use crate::store::git;
use crate::store::ledger::PROJECTS_DIR;
use anyhow::{Context, Result, anyhow, bail};
use std::path::{Path, PathBuf};

pub fn run(ctx: &Ctx, a: &RenameArgs) -> Result<Output> {
    let ledger = ctx.open_ledger()?;
    let old = project_id(&a.old)?;
    let new = project_id(&a.new).map_err(|e| anyhow!(tr!(FlagValue, flag = "NEW", error = e)))?;
    if old == new {
        bail!(tr!(SameId, id = new));
    }
    let _lock = ledger.lock()?;
    let from = ledger.project_dir(&old);
    let to = ledger.project_dir(&new);
    let from_meta = std::fs::symlink_metadata(&from);
    if !from_meta.as_ref().is_ok_and(|m| m.is_dir()) {
        bail!(ledger.unknown_project(old.as_str()));
    }
    if std::fs::symlink_metadata(&to).is_ok() {
        bail!(tr!(ProjectExists, id = new, dir = to.display()));
    }
    let rel_from = Path::new(PROJECTS_DIR).join(old.as_str());
    let rel_to = Path::new(PROJECTS_DIR).join(new.as_str());
    let origin = git::staged_origin(
        &ledger.root,
        &rel_from.to_string_lossy(),
        crate::store::project_file::FILE_NAME,
    );
    let how = if tracked(&ledger.root, &rel_from) {
        git::run(
            &ledger.root,
            &[
                "mv",
                "--",
                &rel_from.to_string_lossy(),
                &rel_to.to_string_lossy(),
            ],
        )?;
        tr!(RenamedByGit)
    } else {
        std::fs::rename(&from, &to)
            .with_context(|| tr!(CannotRename, from = from.display(), to = to.display()))?;
        tr!(RenamedPlain)
    };
    let name = ledger
        .read_project(new.as_str())
        .0
        .map(|lp| format!(" ({})", lp.project.name))
        .unwrap_or_default();
    let mut files: Vec<PathBuf> = vec![rel_from, rel_to];
    files.extend(origin.map(PathBuf::from));
    ctx.commit(&ledger, &files, &format!("rename {old} {new}{name}"));
    Ok(Output::ok(tr!(
        Renamed,
        old = old,
        new = new,
        name = name,
        dir = to.display(),
        how = how
    )))
}

/// Whether git tracks any file under `rel` (relative to the ledger root).
fn tracked(root: &Path, rel: &Path) -> bool {
    git::toplevel(root).is_some()
        && git::run(root, &["ls-files", "--", &rel.to_string_lossy()])
            .is_ok_and(|out| !out.trim().is_empty())
}
