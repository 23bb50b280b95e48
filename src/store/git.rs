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
    // Every blob under `dir` at that commit: "<mode> <type> <object>\t<path>".
    let tree = run(dir, &["ls-tree", "-r", "-z", commit, "--", "."])?;
    let tmp = tempfile::Builder::new()
        .prefix("taizhang-at-")
        .tempdir()
        .context("cannot create a temporary folder")?;
    let mut files = Vec::new();
    for entry in tree.split('\0').filter(|n| !n.is_empty()) {
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(_mode), Some("blob"), Some(object)) = (meta.next(), meta.next(), meta.next())
        else {
            continue; // a submodule, not a ledger file
        };
        // ls-tree names are relative to `dir` and never leave it.
        let rel = Path::new(name);
        if rel
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            continue;
        }
        files.push((object.to_string(), tmp.path().join(rel)));
    }
    // One `git cat-file --batch` for all of them, not one git a file: a
    // province's ledger has hundreds of thousands of files.
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("cannot run git")?;
    let mut stdin = child.stdin.take().expect("piped");
    let objects: String = files.iter().map(|(o, _)| format!("{o}\n")).collect();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(objects.as_bytes())
    });
    let mut out = std::io::BufReader::new(child.stdout.take().expect("piped"));
    for (object, path) in &files {
        use std::io::{BufRead, Read};
        let mut head = String::new();
        out.read_line(&mut head)?;
        let size = match head.trim_end().split(' ').collect::<Vec<_>>()[..] {
            [o, "blob", size] if o == object => size.parse::<usize>().ok(),
            _ => None,
        };
        let Some(size) = size else {
            bail!(
                "--at: git did not give the file {} of {commit}",
                path.display()
            );
        };
        let mut bytes = vec![0; size + 1];
        out.read_exact(&mut bytes)?;
        bytes.pop(); // the newline after the contents
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
    }
    drop(out);
    let _ = feeder.join();
    let _ = child.wait();
    Ok(tmp)
}
