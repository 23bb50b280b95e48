//! Safe writes: every file is written to a temporary file in its own
//! directory, flushed to disk and renamed into place, then the directory is
//! flushed, so a crash leaves the old file or the new one, never half of
//! one. Writers take the ledger's advisory lock first.

use anyhow::{Context, Result, bail};
use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Name of the lock file in the ledger root (ignored by git).
pub const LOCK_FILE: &str = ".taizhang.lock";

/// Writes `bytes` to `path` atomically.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    atomic_write_with(path, |w| {
        w.write_all(bytes)?;
        Ok(())
    })
}

/// Writes `path` atomically with what `write` writes, for output too
/// large to hold in memory first. When `write` fails, nothing is written.
pub fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // A replaced file keeps its permissions; a new one gets 0666 less the
    // umask, as an editor would give it (a bare temporary file is 0600).
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".taizhang-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder
        .tempfile_in(dir)
        .with_context(|| tr!(CannotCreateTemp, dir = dir.display()))?;
    if let Some(p) = existing {
        tmp.as_file()
            .set_permissions(p)
            .with_context(|| tr!(CannotKeepPermissions, file = path.display()))?;
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out)?;
    let tmp = out
        .into_inner()
        .map_err(|e| e.into_error())
        .and_then(|tmp| tmp.as_file().sync_all().map(|_| tmp))
        .with_context(|| tr!(CannotWrite, file = path.display()))?;
    tmp.persist(path)
        .with_context(|| tr!(CannotReplace, file = path.display()))?;
    if let Ok(d) = File::open(dir) {
        // Not every platform can sync a directory; the rename is done anyway.
        let _ = d.sync_all();
    }
    Ok(())
}

/// The ledger's write lock, held until dropped.
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// Takes the lock, waiting up to `wait` for another writer to finish.
    pub fn acquire(root: &Path, wait: Duration) -> Result<WriteLock> {
        let path = root.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| tr!(CannotOpenLock, file = path.display()))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(WriteLock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => bail!(tr!(
                    Busy,
                    file = path.display(),
                    seconds = format!("{:.1}", wait.as_secs_f64())
                )),
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| tr!(CannotLock, file = path.display()));
                }
            }
        }
    }
}

/// Files to write together, all or nothing: a multi-project command
/// checks every file first, adds each to the set, then `commit` writes them
/// one by one (each atomically); when one write fails, the files already
/// written are put back as they were (new files and folders removed), so
/// the ledger is left as it was found.
#[derive(Default)]
pub struct WriteSet {
    /// Path, path as reported (relative to the ledger root), bytes.
    files: Vec<(std::path::PathBuf, std::path::PathBuf, Vec<u8>)>,
}

impl WriteSet {
    pub fn new() -> WriteSet {
        WriteSet::default()
    }

    /// Adds a file to write at `path`, reported as `shown`.
    pub fn add(&mut self, path: std::path::PathBuf, shown: std::path::PathBuf, bytes: Vec<u8>) {
        self.files.push((path, shown, bytes));
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Writes every file; on a failure restores those already written and
    /// fails with what went wrong. Returns the files as reported.
    pub fn commit(self) -> Result<Vec<std::path::PathBuf>> {
        // What to put back: the old bytes of each file written (None: it
        // was new), and the folders created for new files.
        let mut undo: Vec<(&Path, Option<Vec<u8>>)> = Vec::new();
        let mut created: Vec<std::path::PathBuf> = Vec::new();
        let mut failure = None;
        for (path, _, bytes) in &self.files {
            let step = (|| -> Result<()> {
                if let Some(dir) = path.parent() {
                    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
                    std::fs::create_dir_all(dir)
                        .with_context(|| tr!(CannotCreate, file = dir.display()))?;
                    created.extend(missing.into_iter().rev().map(Path::to_path_buf));
                }
                let old = match std::fs::read(path) {
                    Ok(b) => Some(b),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                    Err(e) => {
                        return Err(e).with_context(|| tr!(CannotRead, file = path.display()));
                    }
                };
                atomic_write(path, bytes)?;
                undo.push((path, old));
                Ok(())
            })();
            if let Err(e) = step {
                failure = Some(e);
                break;
            }
        }
        let Some(e) = failure else {
            return Ok(self.files.into_iter().map(|(_, shown, _)| shown).collect());
        };
        let mut lost = Vec::new();
        for (path, old) in undo.into_iter().rev() {
            let back = match old {
                Some(bytes) => atomic_write(path, &bytes),
                None => std::fs::remove_file(path).map_err(Into::into),
            };
            if back.is_err() {
                lost.push(path.display().to_string());
            }
        }
        for dir in created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        if lost.is_empty() {
            Err(e.context(tr!(NothingWritten)))
        } else {
            Err(e.context(tr!(
                NotPutBack,
                files = lost.join(crate::msg::list_separator())
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_set_puts_back_what_it_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        std::fs::write(&a, "old\n").unwrap();
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, "a file, not a folder\n").unwrap();
        let mut set = WriteSet::new();
        set.add(a.clone(), "a.csv".into(), b"new\n".to_vec());
        set.add(
            dir.path().join("new/b.csv"),
            "new/b.csv".into(),
            b"b\n".to_vec(),
        );
        set.add(
            blocker.join("c.csv"),
            "blocker/c.csv".into(),
            b"c\n".to_vec(),
        );
        let e = set.commit().unwrap_err();
        assert!(
            format!("{e:#}").starts_with("nothing written: every file is as it was: cannot create"),
            "{e:#}"
        );
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old\n");
        assert!(!dir.path().join("new").exists());
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.csv", "blocker"]);
    }

    #[test]
    fn a_write_set_writes_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut set = WriteSet::new();
        set.add(dir.path().join("x/a"), "x/a".into(), b"1".to_vec());
        set.add(dir.path().join("b"), "b".into(), b"2".to_vec());
        assert_eq!(set.commit().unwrap(), [Path::new("x/a"), Path::new("b")]);
        assert_eq!(std::fs::read(dir.path().join("x/a")).unwrap(), b"1");
    }
}
