//! Running git: always the `git` program with explicit arguments, never a
//! shell, with the ledger directory as its working directory.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `git ARGS` in `dir`; its standard output, or an error with what
/// git printed on failure.
pub fn run(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .context("cannot run git: is it installed and on the PATH?")?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!(
            "git {} failed: {}",
            args.first().copied().unwrap_or(""),
            err.trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Where a program of that name is found on the PATH, as a shell would
/// find it.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    let Ok(m) = std::fs::metadata(p) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        m.is_file() && m.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        m.is_file()
    }
}

/// The program a shell command line runs: its first word, unquoted.
fn first_word(command: &str) -> String {
    let c = command.trim_start();
    if let Some(rest) = c.strip_prefix('\'') {
        // 'a'\''b' as `git setup` once wrote it.
        let mut out = String::new();
        let mut rest = rest;
        loop {
            let Some(end) = rest.find('\'') else {
                out.push_str(rest);
                return out;
            };
            out.push_str(&rest[..end]);
            rest = &rest[end + 1..];
            match rest.strip_prefix("\\''") {
                Some(r) => {
                    out.push('\'');
                    rest = r;
                }
                None => return out,
            }
        }
    }
    c.split_whitespace().next().unwrap_or("").to_string()
}

/// Whether the program of a driver command line can be run: a path that
/// is an executable file, or a name found on the PATH.
pub fn can_run(command: &str) -> bool {
    let program = first_word(command);
    if program.contains('/') {
        is_executable(Path::new(&program))
    } else {
        !program.is_empty() && find_program(&program).is_some()
    }
}

/// The files under `dir` that a merge or rebase left unmerged (`git
/// ls-files -u`), relative to `dir`; none outside a repository.
pub fn unmerged(dir: &Path) -> Vec<PathBuf> {
    let Ok(out) = Command::new("git")
        .args(["ls-files", "-u", "-z", "--", "."])
        .current_dir(dir)
        .output()
    else {
        return Vec::new();
    };
    if !out.status.success() {
        return Vec::new();
    }
    let mut paths: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter_map(|entry| entry.split_once('\t').map(|(_, p)| PathBuf::from(p)))
        .collect();
    paths.dedup();
    paths
}

/// The command configured for merge driver `name`, if any.
pub fn driver_command(dir: &Path, name: &str) -> Option<String> {
    run(dir, &["config", "--get", &format!("merge.{name}.driver")])
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The top folder of the git work tree holding `dir`, if any.
pub fn toplevel(dir: &Path) -> Option<PathBuf> {
    let out = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(dir)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end()))
}

/// Commits exactly `files` (paths relative to `dir`) with `message`,
/// leaving anything else the clerk has staged alone.
pub fn commit(dir: &Path, files: &[PathBuf], message: &str) -> Result<()> {
    let paths: Vec<String> = files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut add = vec!["add", "--"];
    add.extend(paths.iter().map(String::as_str));
    run(dir, &add)?;
    let mut commit = vec!["commit", "-q", "-m", message, "--only", "--"];
    commit.extend(paths.iter().map(String::as_str));
    run(dir, &commit)?;
    Ok(())
}

/// One commit of the ledger's history.
#[derive(Debug, serde::Serialize)]
pub struct Entry {
    pub commit: String,
    pub date: String,
    pub author: String,
    pub subject: String,
}

/// The commits that touched `path` (relative to `dir`), newest first.
pub fn log(dir: &Path, path: &str) -> Result<Vec<Entry>> {
    let out = run(
        dir,
        &[
            "log",
            "--format=%h%x1f%ad%x1f%an%x1f%s",
            "--date=format:%Y-%m-%d %H:%M",
            "--",
            path,
        ],
    )?;
    Ok(out
        .lines()
        .filter_map(|l| {
            let mut f = l.splitn(4, '\u{1f}');
            Some(Entry {
                commit: f.next()?.to_string(),
                date: f.next()?.to_string(),
                author: f.next()?.to_string(),
                subject: f.next()?.to_string(),
            })
        })
        .collect())
}

/// The files under `dir` as they stood at commit `rev`, written into a new
/// temporary folder (removed when dropped).
pub fn materialise(dir: &Path, rev: &str) -> Result<tempfile::TempDir> {
    if rev.starts_with('-') {
        bail!("--at: invalid revision \"{rev}\": expected a commit, e.g. HEAD~3");
    }
    let commit = run(
        dir,
        &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")],
    )
    .map_err(|_| {
        anyhow::anyhow!("--at: unknown revision \"{rev}\": expected a commit of this repository, e.g. HEAD~3 (see `taizhang log`)")
    })?;
    let commit = commit.trim();
    let names = run(
        dir,
        &["ls-tree", "-r", "-z", "--name-only", commit, "--", "."],
    )?;
    let tmp = tempfile::Builder::new()
        .prefix("taizhang-at-")
        .tempdir()
        .context("cannot create a temporary folder")?;
    for name in names.split('\0').filter(|n| !n.is_empty()) {
        // ls-tree names are relative to `dir` and never leave it.
        let rel = Path::new(name);
        if rel
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            continue;
        }
        let out = Command::new("git")
            .args(["cat-file", "blob", &format!("{commit}:./{name}")])
            .current_dir(dir)
            .output()
            .context("cannot run git")?;
        if !out.status.success() {
            continue; // a submodule or link, not a ledger file
        }
        let path = tmp.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, out.stdout)?;
    }
    Ok(tmp)
}
