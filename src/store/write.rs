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
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| tr!(CannotCreateTemp, dir = dir.display()))?;
    if let Some(p) = existing {
        tmp.as_file()
            .set_permissions(p)
            .with_context(|| tr!(CannotKeepPermissions, file = path.display()))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
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
