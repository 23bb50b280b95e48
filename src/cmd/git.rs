//! `taizhang git setup` and `taizhang merge-csv`: registering the merge
//! driver for the procedure ledgers in the repository's own git config, and
//! the driver itself, which git runs on every merge of a `procedures.csv`.

use super::{Ctx, Output};
use crate::cli::{LogArgs, MergeCsvArgs};
use crate::model::Lang;
use crate::report::{Table, labels};
use crate::store::ledger::PROJECTS_DIR;
use crate::store::write::atomic_write;
use crate::store::{Ledger, csv_merge, git};
use anyhow::{Context, Result, bail};
use std::path::Path;

/// Name of the merge driver in git's config and `.gitattributes`.
pub const DRIVER: &str = "taizhang-csv";
/// The line of `.gitattributes` that sends the procedure ledgers to it.
pub const ATTRIBUTES_LINE: &str = "projects/*/procedures.csv merge=taizhang-csv";

/// Writes `.gitattributes` in the ledger root, or adds the line to one the
/// clerk already has. Returns whether the file changed.
pub fn write_attributes(root: &Path) -> Result<bool> {
    let path = root.join(".gitattributes");
    let old = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    if old.lines().any(|l| l.trim() == ATTRIBUTES_LINE) {
        return Ok(false);
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# Merge procedure ledgers row by row (`taizhang git setup`).\n");
    text.push_str(ATTRIBUTES_LINE);
    text.push('\n');
    atomic_write(&path, text.as_bytes())?;
    Ok(true)
}

/// Quotes a path for the shell line git runs the driver with.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

pub fn setup(ctx: &Ctx) -> Result<Output> {
    let root = Ledger::locate(ctx.ledger.as_deref())?;
    let Some(top) = git::toplevel(&root) else {
        bail!(
            "{} is not in a git repository: run `git init` there first",
            root.display()
        );
    };
    let exe = std::env::current_exe().context("cannot find the taizhang program")?;
    let exe = exe.canonicalize().unwrap_or(exe);
    let driver = format!(
        "{} merge-csv %O %A %B %P",
        shell_quote(&exe.to_string_lossy())
    );
    git::run(
        &root,
        &[
            "config",
            "--local",
            &format!("merge.{DRIVER}.name"),
            "taizhang: merge procedure ledgers row by row",
        ],
    )?;
    git::run(
        &root,
        &[
            "config",
            "--local",
            &format!("merge.{DRIVER}.driver"),
            &driver,
        ],
    )?;
    let wrote = write_attributes(&root)?;
    let attributes = root.join(".gitattributes");
    Ok(Output::ok(if wrote {
        tr!(
            DriverRegisteredWrote,
            driver = DRIVER,
            dir = top.display(),
            file = attributes.display()
        )
    } else {
        tr!(
            DriverRegisteredKept,
            driver = DRIVER,
            dir = top.display(),
            file = attributes.display()
        )
    }))
}

pub fn merge_csv(a: &MergeCsvArgs) -> Result<Output> {
    let read = |p: &Path| {
        std::fs::read(p)
            .with_context(|| format!("cannot read {}", p.display()))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    let name = a
        .path
        .clone()
        .unwrap_or_else(|| a.ours.display().to_string());
    let (base, ours, theirs) = (read(&a.base)?, read(&a.ours)?, read(&a.theirs)?);
    match csv_merge::merge(&base, &ours, &theirs) {
        Ok(m) => {
            atomic_write(&a.ours, m.text.as_bytes())?;
            let text: String = m
                .conflicts
                .iter()
                .map(|c| format!("CONFLICT (taizhang): {name}: {c}\n"))
                .collect();
            Ok(Output::with_code(text, u8::from(!m.conflicts.is_empty())))
        }
        Err(why) => {
            // Not mergeable row by row: merge line by line as git would.
            let dir = a.ours.parent().filter(|p| !p.as_os_str().is_empty());
            let status = std::process::Command::new("git")
                .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
                .arg(&a.ours)
                .arg(&a.base)
                .arg(&a.theirs)
                .current_dir(dir.unwrap_or(Path::new(".")))
                .status()
                .context("cannot run git merge-file")?;
            let clean = status.success();
            let text = format!(
                "taizhang: {name}: merged line by line, not row by row: {why}{}\n",
                if clean {
                    ""
                } else {
                    "; conflicts left in the file"
                }
            );
            Ok(Output::with_code(text, u8::from(!clean)))
        }
    }
}

pub fn log(ctx: &Ctx, a: &LogArgs) -> Result<Output> {
    let root = Ledger::locate(ctx.ledger.as_deref())?;
    let path = match &a.id {
        Some(text) => {
            let id = super::project_id(text)?;
            format!("{PROJECTS_DIR}/{id}")
        }
        None => ".".to_string(),
    };
    if git::toplevel(&root).is_none() {
        bail!(tr!(NoHistoryNoGit, dir = root.display()));
    }
    let entries = match &a.id {
        // A project's history follows its renames (`taizhang rename`).
        Some(_) => git::log_following(&root, &path, crate::store::project_file::FILE_NAME)?,
        None => git::log(&root, &path)?,
    };
    // A project with no folder and no history is a typo, not an empty log;
    // a removed project still shows the history it had.
    if let Some(text) = &a.id
        && entries.is_empty()
        && !root.join(&path).exists()
    {
        bail!(tr!(
            UnknownProjectNoHistory,
            text = text,
            dir = root.join(&path).display()
        ));
    }
    // The history is wanted most when the ledger is broken: the language
    // falls back to Chinese when the settings cannot be read.
    let lang = ctx
        .lang
        .unwrap_or_else(|| Ledger::open(root.clone()).map_or(Lang::Zh, |l| l.settings.lang));
    let table = |entries: &Vec<git::Entry>| {
        let mut table = Table::new(&[
            labels::pick(lang, "Commit", "提交"),
            labels::pick(lang, "Date", "时间"),
            labels::pick(lang, "Who", "提交人"),
            labels::pick(lang, "What", "内容"),
        ]);
        for e in entries {
            table.push(vec![
                e.commit.clone(),
                e.date.clone(),
                e.author.clone(),
                e.subject.clone(),
            ]);
        }
        table
    };
    let empty = tr!(NoHistoryYet, path = path);
    ctx.render(entries, table, |_| empty)
}
