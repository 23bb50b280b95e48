//! `taizhang git setup` and `taizhang merge-file`: registering the merge
//! driver in the repository's own git config (by command name, so it
//! survives the program moving), and the driver itself, which git runs on
//! every merge of a project's files: the CSV ledgers row by row, the
//! project record key by key.

use super::{Ctx, Output};
use crate::cli::{LogArgs, MergeCsvArgs};
use crate::model::Lang;
use crate::report::{Table, labels};
use crate::store::ledger::PROJECTS_DIR;
use crate::store::write::atomic_write;
use crate::store::{Ledger, csv_merge, git, toml_merge};
use anyhow::{Context, Result, bail};
use std::path::Path;

/// Name of the merge driver in git's config and `.gitattributes`.
pub const DRIVER: &str = "taizhang";
/// The name earlier versions registered (procedures.csv only); still set
/// up, with the same command, so an old `.gitattributes` keeps working.
pub const OLD_DRIVER: &str = "taizhang-csv";
/// The command git runs, found by name on the PATH so that it keeps
/// working when the program is moved or reinstalled.
pub const DRIVER_COMMAND: &str = "taizhang merge-file %O %A %B %P";

/// The lines of `.gitattributes` that send every file a clerk writes to
/// the driver: each CSV ledger of `csv_merge::KINDS`, and `project.toml`.
pub fn attribute_lines() -> Vec<String> {
    csv_merge::KINDS
        .iter()
        .map(|k| k.file)
        .chain([crate::store::project_file::FILE_NAME])
        .map(|f| format!("{PROJECTS_DIR}/*/{f} merge={DRIVER}"))
        .collect()
}

/// Writes `.gitattributes` in the ledger root, or adds the lines it lacks
/// to one the clerk already has. Returns whether the file changed.
pub fn write_attributes(root: &Path) -> Result<bool> {
    let path = root.join(".gitattributes");
    let old = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| tr!(CannotRead, file = path.display())),
    };
    let missing: Vec<String> = attribute_lines()
        .into_iter()
        .filter(|a| !old.lines().any(|l| l.trim() == a))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# Merge ledger files row by row and key by key (`taizhang git setup`).\n");
    for line in missing {
        text.push_str(&line);
        text.push('\n');
    }
    atomic_write(&path, text.as_bytes())?;
    Ok(true)
}

pub fn setup(ctx: &Ctx) -> Result<Output> {
    let root = Ledger::locate(ctx.ledger.as_deref())?;
    let Some(top) = git::toplevel(&root) else {
        bail!(tr!(NotGitRepo, dir = root.display()));
    };
    for name in [DRIVER, OLD_DRIVER] {
        git::run(
            &root,
            &[
                "config",
                "--local",
                &format!("merge.{name}.name"),
                "taizhang: merge ledger files row by row and key by key",
            ],
        )?;
        git::run(
            &root,
            &[
                "config",
                "--local",
                &format!("merge.{name}.driver"),
                DRIVER_COMMAND,
            ],
        )?;
    }
    let wrote = write_attributes(&root)?;
    let mut text = tr!(
        DriverRegistered,
        driver = DRIVER,
        dir = top.display(),
        command = DRIVER_COMMAND
    );
    let exe = std::env::current_exe().ok();
    let shown = exe
        .as_ref()
        .map_or_else(|| tr!(ThisProgram), |e| e.display().to_string());
    match git::find_program("taizhang") {
        Some(p) => {
            text.push_str(&tr!(FoundOnPath, file = p.display()));
            let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
            if exe.as_deref().is_some_and(|e| !same(e, &p)) {
                eprintln!(
                    "{}{}",
                    tr!(WarningPrefix),
                    tr!(OtherTaizhang, file = p.display(), this = shown)
                );
            }
        }
        None => eprintln!("{}{}", tr!(WarningPrefix), tr!(NotOnPath, this = shown)),
    }
    let attributes = root.join(".gitattributes");
    text.push_str(&if wrote {
        tr!(WroteFile, file = attributes.display())
    } else {
        tr!(KeptFile, file = attributes.display())
    });
    Ok(Output::ok(text))
}

/// The merge driver: merges BASE, OURS and THEIRS into OURS by the kind
/// of file PATH names (a CSV ledger row by row, `project.toml` key by key;
/// without PATH, a procedure ledger). A side that does not parse, or a file
/// of another kind, is merged line by line as git would.
pub fn merge_csv(ctx: &Ctx, a: &MergeCsvArgs) -> Result<Output> {
    // Git runs the driver at the top of the work tree, which need not be
    // the ledger's folder: the messages follow the ledger the file is in.
    if ctx.lang.is_none()
        && let Some(lang) = a.path.as_deref().and_then(ledger_lang_of)
    {
        crate::msg::set_lang(lang);
    }
    let read = |p: &Path| {
        std::fs::read(p)
            .with_context(|| tr!(CannotRead, file = p.display()))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    let name = a
        .path
        .clone()
        .unwrap_or_else(|| a.ours.display().to_string());
    let (base, ours, theirs) = (read(&a.base)?, read(&a.ours)?, read(&a.theirs)?);
    let is_record = name
        .rsplit(['/', '\\'])
        .next()
        .is_some_and(|f| f == crate::store::project_file::FILE_NAME);
    let merged = if is_record {
        toml_merge::merge(&base, &ours, &theirs).map(|m| (m.text, m.conflicts, Vec::new()))
    } else {
        let kind = match &a.path {
            None => Some(&csv_merge::KINDS[0]),
            Some(p) => csv_merge::kind_of(p),
        };
        match kind {
            Some(kind) => csv_merge::merge(kind, &base, &ours, &theirs)
                .map(|m| (m.text, m.conflicts, m.notes)),
            None => Err(tr!(MergeOtherFile)),
        }
    };
    match merged {
        Ok((text, conflicts, notes)) => {
            atomic_write(&a.ours, text.as_bytes())?;
            let text: String = notes
                .iter()
                .map(|n| tr!(MergeNote, file = name, note = n) + "\n")
                .chain(
                    conflicts
                        .iter()
                        .map(|c| tr!(MergeConflict, file = name, conflict = c) + "\n"),
                )
                .collect();
            Ok(Output::with_code(text, u8::from(!conflicts.is_empty())))
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
                .with_context(|| tr!(CannotRunGitMerge))?;
            let clean = status.success();
            let mut text = tr!(MergeLineByLine, file = name, why = why);
            if !clean {
                text.push_str(&tr!(MergeConflictsLeft));
            }
            text.push('\n');
            Ok(Output::with_code(text, u8::from(!clean)))
        }
    }
}

/// The language of the ledger holding the file at `path` (relative to
/// the current directory), by its ledger.toml, if it is in one.
fn ledger_lang_of(path: &str) -> Option<Lang> {
    Path::new(path)
        .ancestors()
        .skip(1)
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .find(|d| d.join(crate::store::ledger::SETTINGS_FILE).is_file())
        .and_then(crate::cli::settings_lang)
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
