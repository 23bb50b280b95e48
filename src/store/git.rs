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
        .with_context(|| tr!(CannotRunGit))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!(tr!(
            GitFailed,
            command = args.first().copied().unwrap_or(""),
            error = err.trim()
        ));
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
    // A path gone from the work tree (a renamed project's old folder) is
    // not added: `commit --only` records its removal. A gone path that HEAD
    // never had (the middle name of two renames not committed in between)
    // is no part of the commit.
    let (present, gone): (Vec<String>, Vec<String>) =
        paths.into_iter().partition(|p| dir.join(p).exists());
    let gone = gone.into_iter().filter(|p| {
        run(dir, &["ls-tree", "-r", "--name-only", "HEAD", "--", p])
            .is_ok_and(|out| !out.trim().is_empty())
    });
    if !present.is_empty() {
        let mut add = vec!["add", "--"];
        add.extend(present.iter().map(String::as_str));
        run(dir, &add)?;
    }
    let paths: Vec<String> = present.iter().cloned().chain(gone).collect();
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
    Ok(parse_entries(&out))
}

/// The commits of one project folder `folder` (relative to `dir`, e.g.
/// `projects/shengrun-hq`), newest first, across its renames: git follows
/// the folder's `marker` file (its `project.toml`) back through each
/// rename, and each earlier name's history is read up to the commit that
/// renamed it. A rename staged but not committed yet (`git mv`) is followed
/// too. Commits made under a name before another project took it are left
/// out.
pub fn log_following(dir: &Path, folder: &str, marker: &str) -> Result<Vec<Entry>> {
    let has_head = run(dir, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_ok();
    if !has_head {
        return Ok(Vec::new());
    }
    // Paths in git's output are relative to the top of the work tree;
    // `current` is too, and goes back to git as a `:(top)` pathspec.
    let prefix = run(dir, &["rev-parse", "--show-prefix"])?;
    let mut current = format!("{}{}", prefix.trim_end(), folder.trim_end_matches('/'));
    if let Some(old) = staged_rename(dir, &current, marker)? {
        current = old;
    }
    // Each name the project had, newest first: (folder, the commit to read
    // from, the commit the name began with — a rename or the project's
    // first commit — if known).
    let mut segments: Vec<(String, String, Option<String>)> = Vec::new();
    let mut top = "HEAD".to_string();
    let out = run(
        dir,
        &[
            "-c",
            "core.quotePath=false",
            "log",
            "--follow",
            "-M",
            "--format=%x1e%H",
            "--name-status",
            "--",
            &format!(":(top){current}/{marker}"),
        ],
    )?;
    let mut born = None;
    'commits: for commit in out.split('\u{1e}').filter(|c| !c.trim().is_empty()) {
        let mut lines = commit.lines();
        let hash = lines.next().unwrap_or_default().trim();
        for l in lines {
            let f: Vec<&str> = l.split('\t').collect();
            let path_is = |p: &str| parent_of(p) == current;
            if f.len() == 3 && f[0].starts_with('R') && path_is(f[2]) && !path_is(f[1]) {
                segments.push((current.clone(), top.clone(), Some(hash.to_string())));
                top = format!("{hash}^");
                current = parent_of(f[1]).to_string();
            } else if (f.len() == 2 && f[0] == "A" && path_is(f[1]))
                || (f.len() == 3 && f[0].starts_with('C') && path_is(f[2]))
            {
                // The project was opened here (git may see a new record
                // as a copy of a like one): older commits under this name
                // belong to another project that had it before.
                born = Some(hash.to_string());
                break 'commits;
            }
        }
    }
    segments.push((current, top, born));
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (path, top, since) in segments {
        let mut revs = vec![top];
        if let Some(c) = since {
            revs.extend(["--not".to_string(), format!("{c}^@")]);
        }
        for e in log_revs(dir, &revs, &format!(":(top){path}"))? {
            if seen.insert(e.commit.clone()) {
                entries.push(e);
            }
        }
    }
    Ok(entries)
}

/// The folder of a path in git's output (`projects/a/project.toml` →
/// `projects/a`).
fn parent_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(p, _)| p)
}

/// The folder (relative to `dir`) that a staged, uncommitted rename moved
/// to `folder` (relative to `dir` too), if any: what a commit of a second
/// rename must include so git records one move.
pub fn staged_origin(dir: &Path, folder: &str, marker: &str) -> Option<String> {
    run(dir, &["rev-parse", "--verify", "--quiet", "HEAD"]).ok()?;
    let prefix = run(dir, &["rev-parse", "--show-prefix"]).ok()?;
    let prefix = prefix.trim_end();
    let origin = staged_rename(dir, &format!("{prefix}{folder}"), marker).ok()??;
    origin.strip_prefix(prefix).map(String::from)
}

/// The folder (from the top of the work tree) that a staged, uncommitted
/// rename moved to `folder`, if any.
fn staged_rename(dir: &Path, folder: &str, marker: &str) -> Result<Option<String>> {
    let out = run(
        dir,
        &[
            "-c",
            "core.quotePath=false",
            "diff",
            "--cached",
            "-M",
            "--name-status",
            "HEAD",
            "--",
            ".",
        ],
    )?;
    let target = format!("{folder}/{marker}");
    Ok(out.lines().find_map(|l| {
        let f: Vec<&str> = l.split('\t').collect();
        (f.len() == 3 && f[0].starts_with('R') && f[2] == target)
            .then(|| parent_of(f[1]).to_string())
    }))
}

/// The commits of `revs` that touched `path`, newest first.
fn log_revs(dir: &Path, revs: &[String], path: &str) -> Result<Vec<Entry>> {
    let mut args = vec![
        "log",
        "--format=%h%x1f%ad%x1f%an%x1f%s",
        "--date=format:%Y-%m-%d %H:%M",
    ];
    args.extend(revs.iter().map(String::as_str));
    args.extend(["--", path]);
    Ok(parse_entries(&run(dir, &args)?))
}

fn parse_entries(out: &str) -> Vec<Entry> {
    out.lines()
        .filter_map(|l| {
            let mut f = l.splitn(4, '\u{1f}');
            Some(Entry {
                commit: f.next()?.to_string(),
                date: f.next()?.to_string(),
                author: f.next()?.to_string(),
                subject: f.next()?.to_string(),
            })
        })
        .collect()
}

/// A folder in memory (`/dev/shm`) with room to spare for `files` files of
/// `bytes` bytes in all, when there is one and `TMPDIR` does not say where
/// temporary files go: a province's ledger is hundreds of thousands of
/// small files, four times faster to write, read and remove there than on
/// a disk. Each file takes at least a page of memory; the room asked is
/// twice that, so the copy never fills the machine's memory.
fn memory_folder(bytes: u64, files: usize) -> Option<&'static Path> {
    #[cfg(target_os = "linux")]
    {
        let shm = Path::new("/dev/shm");
        if std::env::var_os("TMPDIR").is_some() || !shm.is_dir() {
            return None;
        }
        let mut st = std::mem::MaybeUninit::<libc::statvfs>::uninit();
        // SAFETY: a NUL-terminated path and a buffer of the size statvfs
        // writes.
        let r = unsafe { libc::statvfs(c"/dev/shm".as_ptr(), st.as_mut_ptr()) };
        if r != 0 {
            return None;
        }
        // SAFETY: statvfs succeeded, so it filled the buffer.
        let st = unsafe { st.assume_init() };
        let page = 4096u64;
        let files = files as u64;
        let need = 2 * (bytes + files * page);
        #[allow(clippy::unnecessary_cast)]
        let room = (st.f_bavail as u64).saturating_mul(st.f_frsize as u64);
        #[allow(clippy::unnecessary_cast)]
        let inodes = st.f_favail as u64;
        (room >= need && inodes >= 4 * files).then_some(shm)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (bytes, files);
        None
    }
}

/// The files under `dir` as they stood at commit `rev`, written into a new
/// temporary folder (removed when dropped): in memory when there is room
/// (`memory_folder`), else in the system's temporary folder.
pub fn materialise(dir: &Path, rev: &str) -> Result<tempfile::TempDir> {
    if rev.starts_with('-') {
        bail!(tr!(AtBadRevision, rev = rev));
    }
    let commit = run(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| anyhow::anyhow!(tr!(AtUnknownRevision, rev = rev)))?;
    let commit = commit.trim();
    // Every blob under `dir` at that commit, with its size:
    // "<mode> <type> <object> <size>\t<path>".
    let tree = run(dir, &["ls-tree", "-r", "-l", "-z", commit, "--", "."])?;
    let mut blobs = Vec::new();
    let mut bytes = 0u64;
    for entry in tree.split('\0').filter(|n| !n.is_empty()) {
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split_ascii_whitespace();
        let (Some(_mode), Some("blob"), Some(object), size) =
            (meta.next(), meta.next(), meta.next(), meta.next())
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
        bytes += size.and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
        blobs.push((object.to_string(), rel.to_path_buf()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix("taizhang-at-");
    let tmp = match memory_folder(bytes, blobs.len()) {
        Some(shm) => builder.tempdir_in(shm),
        None => builder.tempdir(),
    }
    .with_context(|| tr!(CannotCreateTempFolder))?;
    let files: Vec<(String, std::path::PathBuf)> = blobs
        .into_iter()
        .map(|(object, rel)| (object, tmp.path().join(rel)))
        .collect();
    // One `git cat-file --batch` for all of them, not one git a file: a
    // province's ledger has hundreds of thousands of files.
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| tr!(CannotRunGit))?;
    let mut stdin = child.stdin.take().expect("piped");
    let objects: String = files.iter().map(|(o, _)| format!("{o}\n")).collect();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(objects.as_bytes())
    });
    let mut out = std::io::BufReader::new(child.stdout.take().expect("piped"));
    let mut made = std::collections::HashSet::new();
    for (object, path) in &files {
        use std::io::{BufRead, Read};
        let mut head = String::new();
        out.read_line(&mut head)?;
        let size = match head.trim_end().split(' ').collect::<Vec<_>>()[..] {
            [o, "blob", size] if o == object => size.parse::<usize>().ok(),
            _ => None,
        };
        let Some(size) = size else {
            bail!(tr!(AtNoFile, file = path.display(), commit = commit));
        };
        let mut bytes = vec![0; size + 1];
        out.read_exact(&mut bytes)?;
        bytes.pop(); // the newline after the contents
        if let Some(parent) = path.parent()
            && made.insert(parent.to_path_buf())
        {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
    }
    drop(out);
    let _ = feeder.join();
    let _ = child.wait();
    Ok(tmp)
}
