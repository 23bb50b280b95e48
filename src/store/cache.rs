//! The project cache (`.taizhang/cache/projects`): every project the way a
//! report needs it, already parsed, so that a report re-reads only the
//! projects whose files changed since the last one. The clerk's files stay
//! the truth; the cache is a copy that is checked before every use and
//! thrown away at the least doubt.
//!
//! **What identifies a project's files.** For each project the cache keeps
//! the identity (`Stamp`: size, modification and change times to the
//! nanosecond, inode, device, mode) of its folder and of every file the
//! loader read in it (each reader calls `note_read`), with the subfolders
//! they are in — not a fixed list of names, so a file a later version reads
//! is keyed the day it is read. A file added, removed or renamed in the
//! folder changes the folder's times (so a project file that appears where
//! there was none is seen); a file written in place changes its own; a
//! file the loader does not read changes no report. A report `lstat`s the
//! folder and those files and uses the cached project only when every
//! identity is the one recorded; otherwise it reads the files.
//!
//! **Never stale ("racy" files).** Timestamps have a granularity (a kernel
//! tick, or a second or two on some file systems): a file written twice
//! within one tick, to the same size, keeps its times. So a project is
//! cached only when every recorded time is strictly earlier than the
//! moment the run began, as the file system itself stamped it (the
//! modification time of the new cache file, created before any project is
//! read): any change made after that moment carries a time no earlier
//! than it, hence different from the recorded one. A project written in
//! the same tick is simply read again next time. This is git's racy-index
//! rule, made strict.
//!
//! **Any doubt means reading.** The file opens with a header (format
//! version, the binary that wrote it, a digest of `ledger.toml`): another
//! version, another build of taizhang or other settings ignore the whole
//! cache (a frame writes the catalogue's texts as their numbers in these
//! settings: `model::compact`). Each project is a frame with its length and a checksum; a
//! truncated or corrupt frame ends the use of the file at that point. A
//! project with an error is never cached, so the reports' refusals always
//! come from the files (warnings, which reports do not show, are not kept:
//! a project with only warnings is cached without them); `check` reads
//! every file. None of
//! this is an error: the worst case is reading everything, as `--no-cache`
//! does. `check` and `--at REV` never use the cache.
//!
//! **Written safely, and only when something changed.** A new cache is
//! written to a temporary file beside the old one and renamed over it, so
//! two reports writing at once, or one killed mid-write, leave a whole
//! cache (the old or a new one) and at worst a temporary file. The frames
//! of unchanged projects are copied as bytes. Projects are handled in
//! chunks, in parallel, and each is turned into its report rows at once:
//! neither the ledger nor the cache is ever held whole in memory.

use super::Problem;
use super::ledger::LoadedProject;
use crate::model::compact::{self, Texts};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The folder of taizhang's own local files in a ledger (never committed:
/// it holds a `.gitignore` of its own).
pub const DIR: &str = ".taizhang";
/// The cache file, under `DIR`.
const FILE: &str = "cache/projects";
const MAGIC: &[u8; 8] = b"TZCACHE\n";
/// Raised whenever the layout of the file or of a frame changes.
const FORMAT: u32 = 2;
/// Projects handled (and held) at once.
pub const CHUNK: usize = 2048;
/// A frame larger than this is taken for corruption.
const MAX_FRAME: u32 = 64 << 20;

/// The identity of a file or folder as `lstat` gives it: when it is
/// unchanged the content is too (see the module notes on racy files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    /// Modification time: seconds, nanoseconds.
    mtime: (i64, i64),
    /// Change time (inode change: also moved by chmod, touch, rename).
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
    mode: u32,
}

impl Stamp {
    #[cfg(unix)]
    fn of(m: &std::fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            size: m.size(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
            dev: m.dev(),
            mode: m.mode(),
        })
    }

    /// Without inode numbers and change times the identity is not safe:
    /// the cache stays empty.
    #[cfg(not(unix))]
    fn of(_: &std::fs::Metadata) -> Option<Stamp> {
        None
    }

    /// Both times strictly before `t`: no later change can leave them as
    /// they are.
    fn settled(&self, t: (i64, i64)) -> bool {
        self.mtime < t && self.ctime < t
    }
}

/// The `projects/` folder, open, so that each project's entries are looked
/// up from it (`fstatat`): two path components to resolve, not the whole
/// path from the root, for every file of every report.
struct Base {
    #[cfg(unix)]
    dir: Option<File>,
}

impl Base {
    fn open(projects: &Path) -> Base {
        #[cfg(unix)]
        {
            Base {
                dir: File::open(projects).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = projects;
            Base {}
        }
    }

    /// The stamp of `rel` (a path under `projects/`), links not followed.
    #[cfg(unix)]
    fn stamp(&self, rel: &str) -> Option<Stamp> {
        use std::os::fd::AsRawFd;
        let dir = self.dir.as_ref()?;
        let rel = std::ffi::CString::new(rel).ok()?;
        let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
        // SAFETY: a valid directory descriptor, a NUL-terminated path and a
        // buffer of the size fstatat writes.
        let r = unsafe {
            libc::fstatat(
                dir.as_raw_fd(),
                rel.as_ptr(),
                st.as_mut_ptr(),
                libc::AT_SYMLINK_NOFOLLOW,
            )
        };
        if r != 0 {
            return None;
        }
        // SAFETY: fstatat succeeded, so it filled the buffer.
        let st = unsafe { st.assume_init() };
        #[allow(clippy::unnecessary_cast)]
        Some(Stamp {
            size: st.st_size as u64,
            mtime: (st.st_mtime as i64, st.st_mtime_nsec as i64),
            ctime: (st.st_ctime as i64, st.st_ctime_nsec as i64),
            ino: st.st_ino as u64,
            dev: st.st_dev as u64,
            mode: st.st_mode as u32,
        })
    }

    #[cfg(not(unix))]
    fn stamp(&self, _rel: &str) -> Option<Stamp> {
        None
    }
}

thread_local! {
    /// The files the loader read for the project being read on this
    /// thread, while the cache records them (`note_read`).
    static READ: std::cell::RefCell<Option<Vec<PathBuf>>> = const { std::cell::RefCell::new(None) };
}

/// Tells the cache that the loader read the file at `path`: it becomes
/// part of the key of the project being read (nothing is recorded when no
/// cache is being filled). Every reader of a project file calls it, so a
/// file a later version reads is keyed the day it is read.
pub fn note_read(path: &Path) {
    READ.with_borrow_mut(|r| {
        if let Some(r) = r {
            r.push(path.to_path_buf());
        }
    });
}

/// What a project's frame is keyed by.
#[derive(Serialize, Deserialize)]
struct Key {
    folder: String,
    dir: Stamp,
    /// Every file the loader read in the folder, and the subfolders they
    /// are in, by path under the folder. Any file added, removed or
    /// renamed in the folder changes `dir`.
    files: Vec<(String, Stamp)>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    /// The build of taizhang that wrote the file.
    binary: String,
    /// Digest of the `ledger.toml` the projects were read with.
    settings: u64,
}

/// A checksum of a frame: enough to tell a torn or garbled frame, cheap
/// enough to run over every frame of every report.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h = 0x9E37_79B9_7F4A_7C15u64 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        h = (h ^ w).wrapping_mul(0xFF51_AFD7_ED55_8CCD).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b))
            .wrapping_mul(0xC4CE_B9FE_1A85_EC53)
            .rotate_left(29);
    }
    h ^ (h >> 31)
}

/// A digest of the settings text, for the header.
pub fn digest(text: &str) -> u64 {
    checksum(text.as_bytes())
}

/// The build of taizhang running: its version and the identity of its
/// executable, so that a rebuilt binary never reads a cache another build
/// wrote (the cached values are that build's types).
fn binary() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let s = Stamp::of(&std::fs::metadata(exe).ok()?)?;
    Some(format!(
        "{} {}:{} {}.{:09} {}",
        env!("CARGO_PKG_VERSION"),
        s.dev,
        s.ino,
        s.mtime.0,
        s.mtime.1,
        s.size
    ))
}

/// One project's frame read from the old cache.
struct Frame {
    key: Key,
    sum: u64,
    body: Vec<u8>,
    /// Where the cached project starts in `body`.
    payload: usize,
}

impl Frame {
    /// The cached project, when the frame is whole and every identity
    /// recorded is the one on disk.
    fn project(&self, base: &Base, texts: &'static Texts) -> Option<LoadedProject> {
        let folder = &self.key.folder;
        if checksum(&self.body) != self.sum || base.stamp(folder) != Some(self.key.dir) {
            return None;
        }
        let mut path = String::with_capacity(folder.len() + 32);
        for (name, stamp) in &self.key.files {
            path.clear();
            path.push_str(folder);
            path.push('/');
            path.push_str(name);
            if base.stamp(&path) != Some(*stamp) {
                return None;
            }
        }
        compact::reading(texts, || postcard::from_bytes(&self.body[self.payload..])).ok()
    }

    fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        write_frame(out, self.sum, &self.body)
    }
}

fn write_frame(out: &mut impl Write, sum: u64, body: &[u8]) -> std::io::Result<()> {
    out.write_all(&(body.len() as u32).to_le_bytes())?;
    out.write_all(&sum.to_le_bytes())?;
    out.write_all(body)
}

/// The old cache file, read frame by frame in folder order.
struct Old {
    reader: BufReader<File>,
    /// Offset of the first frame.
    first: u64,
    /// The next frame not yet taken, and its offset.
    next: Option<(Frame, u64)>,
    /// Offset just past `next` (where the reader stands).
    end: u64,
}

impl Old {
    /// Opens the cache when its header is the one expected; `Err(true)`
    /// when a file is there but of no use.
    fn open(path: &Path, header: &Header) -> Result<Old, bool> {
        let file = File::open(path).map_err(|_| false)?;
        let mut reader = BufReader::with_capacity(1 << 18, file);
        let mut magic = [0; 8];
        reader.read_exact(&mut magic).map_err(|_| true)?;
        let mut len = [0; 4];
        reader.read_exact(&mut len).map_err(|_| true)?;
        let len = u32::from_le_bytes(len);
        if magic != *MAGIC || len > 4096 {
            return Err(true);
        }
        let mut bytes = vec![0; len as usize];
        reader.read_exact(&mut bytes).map_err(|_| true)?;
        if postcard::from_bytes::<Header>(&bytes).ok().as_ref() != Some(header) {
            return Err(true);
        }
        let first = 12 + u64::from(len);
        let mut old = Old {
            reader,
            first,
            next: None,
            end: first,
        };
        old.advance();
        Ok(old)
    }

    /// Reads the next frame; `None` at the end or at a frame that does
    /// not read (nothing after it is used).
    fn advance(&mut self) {
        let at = self.end;
        self.next = self.read_frame().map(|(f, len)| {
            self.end = at + len;
            (f, at)
        });
    }

    fn read_frame(&mut self) -> Option<(Frame, u64)> {
        let mut head = [0; 12];
        self.reader.read_exact(&mut head).ok()?;
        let len = u32::from_le_bytes(head[..4].try_into().expect("4 bytes"));
        let sum = u64::from_le_bytes(head[4..].try_into().expect("8 bytes"));
        if len > MAX_FRAME {
            return None;
        }
        let mut body = vec![0; len as usize];
        self.reader.read_exact(&mut body).ok()?;
        let (key, rest) = postcard::take_from_bytes::<Key>(&body).ok()?;
        let payload = body.len() - rest.len();
        Some((
            Frame {
                key,
                sum,
                body,
                payload,
            },
            12 + u64::from(len),
        ))
    }

    /// Offset of the next frame not taken (the end of the file's frames
    /// when all are taken or the rest does not read).
    fn pos(&self) -> u64 {
        self.next.as_ref().map_or(self.end, |(_, at)| *at)
    }

    /// The frame of `folder`, if there is one; frames of folders before it
    /// (projects that are gone) are passed over and counted in `gone`.
    fn take(&mut self, folder: &str, gone: &mut usize) -> Option<Frame> {
        loop {
            let order = self.next.as_ref()?.0.key.folder.as_str().cmp(folder);
            match order {
                std::cmp::Ordering::Greater => return None,
                std::cmp::Ordering::Less => {
                    *gone += 1;
                    self.advance();
                }
                std::cmp::Ordering::Equal => {
                    let (frame, _) = self.next.take().expect("peeked");
                    self.advance();
                    return Some(frame);
                }
            }
        }
    }

    /// Copies the frames from the first up to offset `to` into `out`.
    fn copy_to(&mut self, to: u64, out: &mut impl Write) -> std::io::Result<()> {
        let back = self.reader.stream_position()?;
        self.reader.seek(SeekFrom::Start(self.first))?;
        std::io::copy(&mut (&mut self.reader).take(to - self.first), out)?;
        self.reader.seek(SeekFrom::Start(back))?;
        Ok(())
    }
}

/// What becomes of one project in the new cache.
enum Slot {
    /// The old frame, unchanged.
    Keep(Frame),
    /// A new frame (checksum, body).
    New(u64, Vec<u8>),
    /// Nothing: the project has problems, is racy, or is not to be cached.
    Skip,
}

/// What every worker needs to read or cache one project.
struct Shared<'a> {
    projects: &'a Path,
    base: Base,
    /// The catalogue's texts, written in frames as their numbers.
    texts: &'static Texts,
    /// The file system's time at the start of the run, when a new cache
    /// can be written.
    start: Option<(i64, i64)>,
}

impl Shared<'_> {
    /// One project: from its frame when still good, else from its files.
    /// The bool says whether the cache changes.
    fn load(
        &self,
        folder: &str,
        old: Option<Frame>,
        read: &(impl Fn(&str) -> (Option<LoadedProject>, Vec<Problem>) + Sync),
    ) -> (Option<LoadedProject>, Vec<Problem>, Slot, bool) {
        if let Some(frame) = old.as_ref()
            && let Some(lp) = frame.project(&self.base, self.texts)
        {
            return (
                Some(lp),
                Vec::new(),
                Slot::Keep(old.expect("checked")),
                false,
            );
        }
        let dir = self.projects.join(folder);
        let dir_stamp = self.base.stamp(folder);
        // Recorded on this thread (the loader reads a project on one);
        // whatever was being recorded before is put back.
        let before = READ.replace(Some(Vec::new()));
        let (lp, problems) = read(folder);
        let files = READ.replace(before).unwrap_or_default();
        let slot = match (&lp, self.start, dir_stamp) {
            // Warnings are not part of a report: a project with only
            // warnings is cached (and comes back without them); one with an
            // error never is.
            (Some(lp), Some(start), Some(dir_stamp)) if problems.iter().all(|p| p.warning) => {
                self.frame(folder, &dir, dir_stamp, &files, lp, start)
            }
            _ => Slot::Skip,
        };
        let changed = old.is_some() || matches!(slot, Slot::New(..));
        (lp, problems, slot, changed)
    }

    /// A new frame for a project just read, when every identity in its
    /// folder is settled: the folder's, every file the loader read (`read`,
    /// as `note_read` saw them) and every subfolder they are in.
    fn frame(
        &self,
        folder: &str,
        dir: &Path,
        dir_stamp: Stamp,
        read: &[PathBuf],
        lp: &LoadedProject,
        start: (i64, i64),
    ) -> Slot {
        if !dir_stamp.settled(start) {
            return Slot::Skip;
        }
        let mut names: Vec<String> = Vec::new();
        for path in read {
            // A file outside the folder cannot be keyed by it.
            let Some(rel) = path.strip_prefix(dir).ok().and_then(|r| r.to_str()) else {
                return Slot::Skip;
            };
            let mut sub = Path::new(rel);
            names.push(rel.to_string());
            while let Some(parent) = sub.parent().filter(|p| !p.as_os_str().is_empty()) {
                names.push(parent.to_str().expect("part of a str").to_string());
                sub = parent;
            }
        }
        names.sort();
        names.dedup();
        let mut files = Vec::with_capacity(names.len());
        for name in names {
            match self.base.stamp(&format!("{folder}/{name}")) {
                Some(s) if s.settled(start) => files.push((name, s)),
                _ => return Slot::Skip,
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let key = Key {
            folder: folder.to_string(),
            dir: dir_stamp,
            files,
        };
        let body = compact::writing(self.texts, || {
            postcard::to_allocvec(&key).and_then(|body| postcard::to_extend(lp, body))
        });
        let Ok(body) = body else {
            return Slot::Skip;
        };
        Slot::New(checksum(&body), body)
    }
}

/// The new cache file, written only once something changed.
struct New {
    tmp: Option<tempfile::NamedTempFile>,
    out: Option<BufWriter<tempfile::NamedTempFile>>,
    header: Vec<u8>,
}

impl New {
    /// Starts writing: the header, then the old frames up to `to`.
    fn begin(&mut self, old: Option<&mut Old>, to: u64) -> std::io::Result<()> {
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        let mut out = BufWriter::with_capacity(1 << 20, tmp);
        out.write_all(MAGIC)?;
        out.write_all(&(self.header.len() as u32).to_le_bytes())?;
        out.write_all(&self.header)?;
        if let Some(old) = old {
            old.copy_to(to, &mut out)?;
        }
        self.out = Some(out);
        Ok(())
    }
}

/// Counts for `TAIZHANG_CACHE_STATS`.
#[derive(Default)]
struct Stats {
    reused: usize,
    read: usize,
}

/// The cache of one ledger for one run.
struct Session {
    path: PathBuf,
    old: Option<Old>,
    new: New,
    /// Whether the new cache differs from the old one.
    changed: bool,
    /// Set when writing failed: the old cache stays.
    failed: bool,
    stats: Stats,
}

impl Session {
    fn open(root: &Path, settings: u64) -> (Session, Option<(i64, i64)>) {
        let path = root.join(DIR).join(FILE);
        let header = binary().map(|binary| Header {
            format: FORMAT,
            binary,
            settings,
        });
        let (old, changed) = match &header {
            Some(h) if usable_dir(root) => match Old::open(&path, h) {
                Ok(old) => (Some(old), false),
                Err(there) => (None, there),
            },
            _ => (None, false),
        };
        let (tmp, start) = match &header {
            Some(_) => start(root).map_or((None, None), |(t, s)| (Some(t), Some(s))),
            None => (None, None),
        };
        let header = header
            .and_then(|h| postcard::to_allocvec(&h).ok())
            .unwrap_or_default();
        let session = Session {
            path,
            old,
            new: New {
                tmp,
                out: None,
                header,
            },
            changed,
            failed: false,
            stats: Stats::default(),
        };
        (session, start)
    }

    /// Writes one chunk's slots; `from` is where the chunk's old frames
    /// began, `changed` whether the chunk changes anything.
    fn write(&mut self, from: u64, changed: bool, slots: Vec<Slot>) {
        self.changed |= changed;
        if self.failed {
            return;
        }
        if self.changed && self.new.out.is_none() && self.new.tmp.is_some() {
            let begun = self.new.begin(self.old.as_mut(), from);
            self.failed |= begun.is_err();
        }
        let Some(out) = self.new.out.as_mut() else {
            return;
        };
        for slot in slots {
            let written = match &slot {
                Slot::Keep(frame) => frame.write_to(out),
                Slot::New(sum, body) => write_frame(out, *sum, body),
                Slot::Skip => Ok(()),
            };
            if written.is_err() {
                self.failed = true;
                return;
            }
        }
    }

    /// Replaces the cache file with the new one when anything changed.
    fn finish(mut self) {
        if let Some(old) = self.old.as_mut() {
            // Frames of folders after the last one (projects gone), or a
            // torn tail: the new cache leaves them out.
            let len = old.reader.get_ref().metadata().map_or(0, |m| m.len());
            let rest = old.next.is_some() || old.end != len;
            let to = old.pos();
            self.write(to, rest, Vec::new());
        }
        let mut written = false;
        if let (Some(out), false) = (self.new.out.take(), self.failed) {
            written = out
                .into_inner()
                .ok()
                .is_some_and(|tmp| tmp.persist(&self.path).is_ok());
        }
        if std::env::var_os("TAIZHANG_CACHE_STATS").is_some() {
            eprintln!(
                "cache: {} reused, {} read, {}",
                self.stats.reused,
                self.stats.read,
                if written { "written" } else { "unchanged" }
            );
        }
    }
}

/// Whether `.taizhang` and its cache folder are plain folders (a link is
/// never followed out of the ledger) or not there yet.
fn usable_dir(root: &Path) -> bool {
    [root.join(DIR), root.join(DIR).join("cache")]
        .iter()
        .all(|p| match std::fs::symlink_metadata(p) {
            Ok(m) => m.is_dir(),
            Err(_) => true,
        })
}

/// The temporary file a new cache is written to, and the file system's
/// time at its creation (the start of the run); `None` when the ledger is
/// not writable, then nothing new is cached.
fn start(root: &Path) -> Option<(tempfile::NamedTempFile, (i64, i64))> {
    if !usable_dir(root) {
        return None;
    }
    let top = root.join(DIR);
    let dir = top.join("cache");
    if !dir.is_dir() {
        std::fs::create_dir_all(&dir).ok()?;
        // Ignored by git and skipped by backup tools, whatever the
        // ledger's own .gitignore says.
        let _ = std::fs::write(top.join(".gitignore"), "*\n");
        let _ = std::fs::write(
            dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n# taizhang's cache of parsed projects; safe to delete.\n",
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix("projects.").suffix(".tmp");
    // Readable by whoever may read the ledger (0666 less the umask).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(&dir).ok()?;
    let stamp = Stamp::of(&tmp.as_file().metadata().ok()?)?;
    Some((tmp, stamp.mtime))
}

/// Loads every project of `folders` (sorted) under `root`'s `projects/`
/// through the cache of the settings `texts` belong to: a project whose files did not change comes from it,
/// any other is `read` (and cached when it has no problem). Each result is
/// turned by `map` at once and handed to `emit`, in folder order.
pub fn map_projects<T: Send>(
    root: &Path,
    projects: &Path,
    texts: &'static Texts,
    folders: &[String],
    read: impl Fn(&str) -> (Option<LoadedProject>, Vec<Problem>) + Sync,
    map: impl Fn(&str, Option<LoadedProject>, Vec<Problem>) -> T + Sync,
    mut emit: impl FnMut(T),
) {
    let (mut session, start) = Session::open(root, texts.digest());
    let shared = Shared {
        projects,
        base: Base::open(projects),
        texts,
        start,
    };
    // The old frames of a chunk: where they began, how many projects they
    // held that are gone, and the frame of each folder.
    fn frames(old: &mut Option<Old>, chunk: &[String]) -> (u64, usize, Vec<Option<Frame>>) {
        let from = old.as_ref().map_or(0, Old::pos);
        let mut gone = 0;
        let frames = chunk
            .iter()
            .map(|f| old.as_mut().and_then(|o| o.take(f, &mut gone)))
            .collect();
        (from, gone, frames)
    }
    let chunks: Vec<&[String]> = folders.chunks(CHUNK).collect();
    let mut next = chunks.first().map(|chunk| frames(&mut session.old, chunk));
    // The slots of the chunk before, written while this one is handled.
    let mut pending: Option<(u64, bool, Vec<Slot>)> = None;
    for (k, chunk) in chunks.iter().enumerate() {
        let (from, gone, olds) = next.take().expect("read ahead");
        // The previous chunk's frames are written and the next chunk's read
        // while this one is handled.
        let (ahead, done) = rayon::join(
            || {
                if let Some((from, changed, slots)) = pending.take() {
                    session.write(from, changed, slots);
                }
                chunks.get(k + 1).map(|c| frames(&mut session.old, c))
            },
            || {
                chunk
                    .par_iter()
                    .zip(olds)
                    .map(|(folder, old)| {
                        let (lp, problems, slot, changed) = shared.load(folder, old, &read);
                        (map(folder, lp, problems), slot, changed)
                    })
                    .collect::<Vec<(T, Slot, bool)>>()
            },
        );
        next = ahead;
        let mut changed = gone > 0;
        let mut slots = Vec::with_capacity(done.len());
        for (value, slot, c) in done {
            changed |= c;
            match slot {
                Slot::Keep(_) => session.stats.reused += 1,
                _ => session.stats.read += 1,
            }
            slots.push(slot);
            emit(value);
        }
        pending = Some((from, changed, slots));
    }
    if let Some((from, changed, slots)) = pending {
        session.write(from, changed, slots);
    }
    session.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_tells_torn_and_changed_frames() {
        let body = b"a frame of some length, more than eight bytes";
        let sum = checksum(body);
        assert_ne!(sum, checksum(&body[..body.len() - 1]));
        let mut flipped = body.to_vec();
        flipped[3] ^= 1;
        assert_ne!(sum, checksum(&flipped));
        assert_eq!(sum, checksum(body));
    }

    #[test]
    fn settled_is_strictly_before() {
        let s = Stamp {
            size: 1,
            mtime: (10, 5),
            ctime: (10, 7),
            ino: 1,
            dev: 1,
            mode: 0,
        };
        assert!(s.settled((10, 8)));
        assert!(!s.settled((10, 7)));
        assert!(!s.settled((10, 5)));
        assert!(s.settled((11, 0)));
    }
}
