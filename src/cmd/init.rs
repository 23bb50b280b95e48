//! `taizhang init`: a new ledger with a complete, commented ledger.toml.

use super::{Ctx, Output};
use crate::cli::InitArgs;
use crate::model::Lang;
use crate::store::ledger::{PROJECTS_DIR, SETTINGS_FILE};
use crate::store::settings_file;
use crate::store::write::{LOCK_FILE, atomic_write};
use anyhow::{Context, Result, bail};
use std::path::PathBuf;

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<Output> {
    let dir = args
        .dir
        .clone()
        .or_else(|| ctx.ledger.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    let settings_path = dir.join(SETTINGS_FILE);
    if settings_path.exists() {
        bail!(tr!(LedgerExists, file = settings_path.display()));
    }
    if let Some(region) = &args.region
        && !(region.len() == 6 && region.bytes().all(|b| b.is_ascii_digit()))
    {
        bail!(tr!(BadRegion, text = region));
    }
    let name = match &args.name {
        Some(n) if n.trim().is_empty() => bail!(tr!(NameEmpty)),
        Some(n) => n.clone(),
        None => {
            let abs = std::path::absolute(&dir).unwrap_or_else(|_| dir.clone());
            abs.file_name()
                .map_or("ledger".to_string(), |n| n.to_string_lossy().into_owned())
        }
    };
    let lang = ctx.lang.unwrap_or(Lang::Zh);
    std::fs::create_dir_all(dir.join(PROJECTS_DIR))
        .with_context(|| tr!(CannotCreate, file = dir.display()))?;
    let text = settings_file::default_text(&name, args.region.as_deref().unwrap_or(""), lang);
    // Init-time validation: the settings written must be ones `check`
    // accepts (every limit at least a day, every condition known).
    let (_, problems) = settings_file::read(&settings_path, &text);
    if let Some(p) = problems.first() {
        bail!(tr!(DefaultSettingsInvalid, error = p.message));
    }
    // The lock, the temporary files a writer killed mid-write leaves, and
    // the cache of parsed projects.
    atomic_write(
        &dir.join(".gitignore"),
        format!(
            "{LOCK_FILE}\n.taizhang-*.tmp\n{}/\n",
            crate::store::cache::DIR
        )
        .as_bytes(),
    )?;
    atomic_write(&dir.join(PROJECTS_DIR).join(".gitkeep"), b"")?;
    super::git::write_attributes(&dir)?;
    atomic_write(&settings_path, text.as_bytes())?;
    Ok(Output::ok(tr!(
        Created,
        name = name,
        dir = dir.display(),
        file = settings_path.display()
    )))
}
