//! A ledger directory: `ledger.toml` at the root and one folder per project
//! under `projects/`. Finds the ledger, loads one project or all of them
//! (refusing files that do not parse), checks everything, and writes one
//! project's files under the write lock.

use super::ledger_csv::{self, CsvTable};
use super::procedures_file::{self, ProcedureTable};
use super::project_file;
use super::write::{WriteLock, WriteSet, atomic_write};
use super::{Problem, settings_file, validate};
use crate::model::suggest::{self, Candidate};
use crate::model::{ProblemRecord, Procedure, ProgressEntry, Project, ProjectId, Settings};
use crate::progress::Progress;
use anyhow::{Context, Result, anyhow, bail};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const SETTINGS_FILE: &str = "ledger.toml";
pub const PROJECTS_DIR: &str = "projects";

pub struct Ledger {
    pub root: PathBuf,
    pub settings: Settings,
    /// Read projects through the project cache (`store::cache`); off
    /// unless a report asks for it.
    pub cache: bool,
    /// The texts procedure rows share with the catalogue (`compact`),
    /// known by the digest of the `ledger.toml` text the settings come from.
    texts: &'static crate::model::compact::Texts,
}

/// One project as loaded: its record and procedure ledger, with the text
/// they were read from so a write can keep everything else.
///
/// Reports may get it from the project cache (`store::cache`), which holds
/// every field but the record's text and the procedure table's raw cells:
/// such a project is for reading, never saved.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct LoadedProject {
    pub id: String,
    pub project: Project,
    pub table: ProcedureTable,
    #[serde(skip)]
    record_text: String,
    /// The progress ledger (`progress.csv`), entries sorted by date.
    pub progress: Vec<ProgressEntry>,
    pub progress_table: CsvTable,
    /// The problem ledger (`problems.csv`), in file order.
    pub problems: Vec<ProblemRecord>,
    pub problems_table: CsvTable,
    /// The funds ledger (`funds.csv`), entries sorted by date.
    pub funds: Vec<crate::model::FundEntry>,
    pub funds_table: CsvTable,
    /// The site visits (`visits.csv`), sorted by date.
    pub visits: Vec<super::funds::Visit>,
    pub visits_table: CsvTable,
    /// The name of the ledger the project comes from, in a roll-up over
    /// several ledgers (None for a single ledger).
    #[serde(skip)]
    pub ledger: Option<String>,
    /// Read back from the project cache rather than from the files.
    #[serde(skip, default = "from_cache")]
    cached: bool,
}

fn from_cache() -> bool {
    true
}

impl LoadedProject {
    pub fn procedures(&self) -> &[Procedure] {
        &self.table.rows
    }

    /// The project as its files stood at the end of `day`: every record
    /// dated later left out. `None` when it was opened after `day`. A view
    /// for reports, never saved.
    pub fn as_of(mut self, day: crate::model::Date) -> Option<LoadedProject> {
        if self.project.opened > day {
            return None;
        }
        self.project.started = self.project.started.filter(|d| *d <= day);
        self.project.stages.retain(|e| e.date <= day);
        for row in &mut self.table.rows {
            // Most rows have nothing after `day`: leave them untouched.
            if row.recorded_dates().any(|d| d > day) {
                *row = crate::model::progress::procedure_as_of(row, day);
            }
        }
        self.progress.retain(|e| e.date <= day);
        self.problems.retain(|p| p.opened <= day);
        for p in &mut self.problems {
            p.resolved = p.resolved.filter(|r| *r <= day);
            p.escalations.retain(|e| e.date <= day);
            p.order = p.order.take().filter(|o| o.date <= day);
        }
        self.funds.retain(|e| e.date <= day);
        self.visits.retain(|v| v.date <= day);
        Some(self)
    }

    /// A copy of the project as it stood at the end of `day` (see
    /// `as_of`), for a report that compares two days from one reading: its
    /// records only, without the files' text and raw cells (like a project
    /// from the cache). `None` when it was opened after `day`.
    pub fn view_as_of(&self, day: crate::model::Date) -> Option<LoadedProject> {
        if self.project.opened > day {
            return None;
        }
        let mut table = ProcedureTable::new();
        table.rows = self.table.rows.clone();
        LoadedProject {
            id: self.id.clone(),
            project: self.project.clone(),
            table,
            record_text: String::new(),
            progress: self.progress.clone(),
            progress_table: CsvTable::default(),
            problems: self.problems.clone(),
            problems_table: CsvTable::default(),
            funds: self.funds.clone(),
            funds_table: CsvTable::default(),
            visits: self.visits.clone(),
            visits_table: CsvTable::default(),
            ledger: self.ledger.clone(),
            cached: true,
        }
        .as_of(day)
    }

    /// Keeps only the procedures `keep` accepts (a read-only view, e.g. one
    /// task force's procedures).
    pub fn retain_procedures(&mut self, keep: impl Fn(&Procedure) -> bool) {
        let t = &mut self.table;
        let mut i = 0;
        while i < t.rows.len() {
            if keep(&t.rows[i]) {
                i += 1;
            } else {
                t.rows.remove(i);
                // A table from the project cache has its typed rows only.
                if i < t.cells.len() {
                    t.cells.remove(i);
                    t.lines.remove(i);
                    t.offsets.remove(i);
                }
            }
        }
    }
}

/// A project a read command left out because its files cannot be used:
/// its ID, the first problem (file, line, message) and all of them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Skipped {
    pub project: String,
    /// The file of the first problem, as `check` names it.
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    /// The ledger the project belongs to, in a roll-up of several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    /// Every error found in the project's files.
    #[serde(skip)]
    pub problems: Vec<Problem>,
}

impl Skipped {
    fn new(ledger: &Ledger, folder: &str, problems: Vec<Problem>) -> Skipped {
        let dir = ledger.root.join(PROJECTS_DIR).join(folder);
        let (file, line, message) = match problems.first() {
            Some(p) => (p.file.clone(), p.line, p.message.clone()),
            None => (dir, None, tr!(ProjectCannotBeRead)),
        };
        Skipped {
            project: folder.to_string(),
            file: file.display().to_string(),
            line,
            message,
            ledger: None,
            problems,
        }
    }
}

/// Reads a file as UTF-8 text; `None` when there is no such file.
fn read_text(path: &Path) -> std::result::Result<Option<String>, Problem> {
    match read_no_follow(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            // A GBK file is shown as GBK, so the excerpt reads as Chinese.
            let (text, offset, gbk) = match super::sheet::decode(e.as_bytes()) {
                Ok((text, super::sheet::Encoding::Gb18030)) => {
                    let before = encoding_rs::GB18030
                        .decode_without_bom_handling(&e.as_bytes()[..valid])
                        .0
                        .len();
                    (text, before, true)
                }
                _ => (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    valid,
                    false,
                ),
            };
            let problem = Problem::at(
                path,
                &text,
                offset,
                "encoding",
                if gbk { tr!(FileIsGbk) } else { tr!(NotUtf8) },
            );
            if gbk {
                problem.with_hint(tr!(FixGbkHint))
            } else {
                problem
            }
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) if is_link_error(&e) => Err(Problem::file(path, "symlink", tr!(FileIsLink))),
        Err(e) => Err(Problem::file(
            path,
            "unreadable",
            tr!(CannotReadFile, error = e),
        )),
    }
}

/// Reads a file, refusing to follow a symbolic link in its last component.
/// On Unix one `open` call (O_NOFOLLOW) decides, with no `stat` before it;
/// elsewhere (Windows) the link is looked at first, then the file opened.
fn read_no_follow(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // O_NONBLOCK: a named pipe in place of a ledger file reads as empty
    // instead of waiting for a writer; regular files are not affected.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    #[cfg(not(unix))]
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other(LinkRefused));
    }
    let mut file = options.open(path)?;
    super::cache::note_read(path);
    // Read through `take`, not `File::read_to_end`: that one asks for the
    // size and position first (two more system calls a file); a ledger
    // file is small and the room below is grown if it is not.
    let mut bytes = Vec::with_capacity(8 << 10);
    (&mut file).take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The error `read_no_follow` gives for a link where the platform has no
/// error number of its own for it.
#[cfg(not(unix))]
#[derive(Debug)]
struct LinkRefused;

#[cfg(not(unix))]
impl std::fmt::Display for LinkRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("symbolic link")
    }
}

#[cfg(not(unix))]
impl std::error::Error for LinkRefused {}

fn is_link_error(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        e.get_ref().is_some_and(|inner| inner.is::<LinkRefused>())
    }
}

/// Turns problems into one error that lists them, refusing to go on.
fn refuse(what: &str, problems: &[Problem]) -> anyhow::Error {
    let mut msg = tr!(Refused, what = what, n = problems.len());
    for p in problems.iter().take(5) {
        msg.push_str("\n  ");
        msg.push_str(&p.headline());
    }
    if problems.len() > 5 {
        msg.push_str("\n  ");
        msg.push_str(&tr!(AndMore, n = problems.len() - 5));
    }
    anyhow!(msg)
}

impl Ledger {
    /// The ledger directory: `arg` (from -L or TAIZHANG_LEDGER), else the
    /// nearest ancestor of the working directory holding `ledger.toml`.
    pub fn locate(arg: Option<&Path>) -> Result<PathBuf> {
        if let Some(dir) = arg {
            if !dir.join(SETTINGS_FILE).is_file() {
                bail!(tr!(NotALedger, dir = dir.display()));
            }
            return Ok(dir.to_path_buf());
        }
        let cwd = std::env::current_dir().with_context(|| tr!(NoWorkingDir))?;
        for dir in cwd.ancestors() {
            if dir.join(SETTINGS_FILE).is_file() {
                // Show paths relative to where the clerk stands.
                let rel = cwd.strip_prefix(dir).map_or(dir.to_path_buf(), |r| {
                    r.components().map(|_| "..").collect::<PathBuf>()
                });
                return Ok(if rel.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    rel
                });
            }
        }
        bail!(tr!(NoLedgerHere, dir = cwd.display()))
    }

    /// Settings and their problems, for `check`.
    pub fn read_settings(root: &Path) -> (Option<Settings>, Vec<Problem>) {
        let (settings, problems, _) = Ledger::read_settings_text(root);
        (settings, problems)
    }

    /// `read_settings`, with a digest of the text read.
    fn read_settings_text(root: &Path) -> (Option<Settings>, Vec<Problem>, u64) {
        let path = root.join(SETTINGS_FILE);
        match read_text(&path) {
            Ok(Some(text)) => {
                let (settings, problems) = settings_file::read(&path, &text);
                (settings, problems, super::cache::digest(&text))
            }
            Ok(None) => (
                None,
                vec![Problem::file(&path, "unreadable", tr!(NoLedgerToml))],
                0,
            ),
            Err(p) => (None, vec![p], 0),
        }
    }

    /// Opens a ledger whose settings are sound.
    pub fn open(root: PathBuf) -> Result<Ledger> {
        let (settings, problems, settings_digest) = Ledger::read_settings_text(&root);
        let projects = root.join(PROJECTS_DIR);
        if is_symlink(&projects) {
            bail!(tr!(ProjectsIsLink, dir = projects.display()));
        }
        // A warning never blocks: only errors refuse the settings.
        match settings {
            Some(settings) if problems.iter().all(|p| p.warning) => Ok(Ledger {
                root,
                texts: settings.shared_texts(settings_digest),
                settings,
                cache: false,
            }),
            _ => {
                let errors: Vec<Problem> = problems.into_iter().filter(|p| !p.warning).collect();
                Err(refuse(
                    &tr!(CannotUse, file = root.join(SETTINGS_FILE).display()),
                    &errors,
                ))
            }
        }
    }

    pub fn project_dir(&self, id: &ProjectId) -> PathBuf {
        self.root.join(PROJECTS_DIR).join(id.as_str())
    }

    /// Names of the folders under `projects/`, sorted; symlinks and hidden
    /// entries are not followed.
    pub fn project_folders(root: &Path) -> Result<Vec<String>> {
        let dir = root.join(PROJECTS_DIR);
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| tr!(CannotList, dir = dir.display())),
        };
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.with_context(|| tr!(CannotList, dir = dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let ft = entry.file_type()?;
            if ft.is_dir() || ft.is_symlink() {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    /// Reads one project folder, with every problem found in it.
    pub fn read_project(&self, folder: &str) -> (Option<LoadedProject>, Vec<Problem>) {
        crate::model::compact::reading(self.texts, || {
            read_project(&self.root, Some(&self.settings), folder, None)
        })
    }

    /// Loads a project for a command; refuses when its files have problems.
    pub fn load_project(&self, id: &ProjectId) -> Result<LoadedProject> {
        let dir = self.project_dir(id);
        if !dir.is_dir() {
            bail!(self.unknown_project(id.as_str()));
        }
        match self.read_project(id.as_str()) {
            (Some(lp), problems) if problems.iter().all(|p| p.warning) => Ok(lp),
            (_, problems) => Err(refuse(&tr!(ProjectUnusable, id = id), &problems)),
        }
    }

    /// Reads every project, in parallel, and maps each with `f` as soon as
    /// it is read, so only the results stay in memory; they come back in
    /// folder order. Refuses when any file has problems.
    pub fn map_projects<T: Send>(&self, f: impl Fn(LoadedProject) -> T + Sync) -> Result<Vec<T>> {
        let (out, skipped) = self.map_readable(f)?;
        if !skipped.is_empty() {
            let problems: Vec<Problem> = skipped.into_iter().flat_map(|s| s.problems).collect();
            return Err(refuse(
                &tr!(LedgerHasProblems, dir = self.root.display()),
                &problems,
            ));
        }
        Ok(out)
    }

    /// The ID, name and owner of every project whose record can be read,
    /// by ID: what a clerk may look a project up by.
    pub fn project_names(&self) -> Vec<(String, String, Option<String>)> {
        let folders = Ledger::project_folders(&self.root).unwrap_or_default();
        folders
            .par_iter()
            .filter_map(|folder| {
                let (lp, _) = self.read_project(folder);
                lp.map(|lp| (lp.id, lp.project.name, lp.project.owner))
            })
            .collect()
    }

    /// The error for a project `text` that is not in the ledger, with the
    /// closest IDs or names.
    pub fn unknown_project(&self, text: &str) -> String {
        let names = self.project_names();
        let candidates: Vec<Candidate> = names
            .iter()
            .map(|(id, name, _)| Candidate {
                shown: format!("{id} ({name})"),
                names: vec![id, name],
            })
            .collect();
        let dir = self.root.join(PROJECTS_DIR).join(text);
        suggest::message(
            tr!(UnknownProject, text = text, dir = dir.display()),
            text,
            &candidates,
            &tr!(SeeList),
        )
    }

    /// Reads every project, in parallel, and maps each usable one with `f`
    /// as soon as it is read; they come back in folder order. A project
    /// whose files cannot be read or hold an error is left out and listed
    /// with its problems, so one bad file never stops a report of the
    /// others (warnings do not leave a project out).
    pub fn map_readable<T: Send>(
        &self,
        f: impl Fn(LoadedProject) -> T + Sync,
    ) -> Result<(Vec<T>, Vec<Skipped>)> {
        let mut out = Vec::new();
        let skipped = self.each_readable(f, |value| out.push(value))?;
        Ok((out, skipped))
    }

    /// Like `map_readable`, handing each result to `emit` in folder order,
    /// a chunk of projects at a time, instead of collecting them: a report
    /// can flatten or add up the results while the rest is being read.
    /// Reads through the project cache when `self.cache` (`store::cache`).
    pub fn each_readable<T: Send>(
        &self,
        f: impl Fn(LoadedProject) -> T + Sync,
        mut emit: impl FnMut(T),
    ) -> Result<Vec<Skipped>> {
        let folders = Ledger::project_folders(&self.root)?;
        let progress = Progress::new(folders.len(), tr!(ProgressReading));
        let read = |folder: &str| {
            let read = self.read_project(folder);
            progress.inc();
            read
        };
        let map = |folder: &str, lp: Option<LoadedProject>, problems: Vec<Problem>| {
            let errors: Vec<Problem> = problems.into_iter().filter(|p| !p.warning).collect();
            match lp {
                Some(lp) if errors.is_empty() => (Some(f(lp)), None),
                _ => (None, Some(Skipped::new(self, folder, errors))),
            }
        };
        let mut skipped = Vec::new();
        let mut take = |(value, s): (Option<T>, Option<Skipped>)| {
            skipped.extend(s);
            if let Some(value) = value {
                emit(value);
            }
        };
        if self.cache {
            let projects = self.root.join(PROJECTS_DIR);
            super::cache::map_projects(
                &self.root, &projects, self.texts, &folders, read, map, take,
            );
        } else {
            for chunk in folders.chunks(super::cache::CHUNK) {
                let done: Vec<(Option<T>, Option<Skipped>)> = chunk
                    .par_iter()
                    .map(|folder| {
                        let (lp, problems) = read(folder);
                        map(folder, lp, problems)
                    })
                    .collect();
                done.into_iter().for_each(&mut take);
            }
        }
        // The projects are read: what the reading freed goes back now.
        crate::memory::release();
        Ok(skipped)
    }

    /// Loads every project; refuses when any file has problems.
    pub fn load_all(&self) -> Result<Vec<LoadedProject>> {
        self.map_projects(|lp| lp)
    }

    /// Every problem of the ledger, in file order, with what only `check`
    /// looks at: dates after `today`, a planned start long past, a
    /// national code used by two projects.
    pub fn check(root: &Path, today: crate::model::Date) -> Result<Vec<Problem>> {
        let (settings, mut problems) = Ledger::read_settings(root);
        let projects = root.join(PROJECTS_DIR);
        if is_symlink(&projects) {
            problems.push(Problem::file(
                &projects,
                "symlink",
                tr!(ProjectsFolderIsLink),
            ));
            return Ok(problems);
        }
        problems.extend(other_files_markers(root));
        problems.extend(git_problems(root));
        let folders = Ledger::project_folders(root)?;
        let progress = Progress::new(folders.len(), tr!(ProgressChecking));
        let found: Vec<(Option<String>, Vec<Problem>)> = folders
            .par_iter()
            .map(|folder| {
                let (lp, mut problems) = read_project(root, settings.as_ref(), folder, Some(today));
                let code = lp.and_then(|lp| lp.project.code);
                // read_project has looked at the folder: a link is not entered.
                if !problems
                    .iter()
                    .any(|p| p.code == "symlink" && p.line.is_none())
                {
                    problems.extend(other_files_markers(&root.join(PROJECTS_DIR).join(folder)));
                }
                progress.inc();
                (code, problems)
            })
            .collect();
        let mut codes: std::collections::BTreeMap<&str, &str> = Default::default();
        for ((code, found), folder) in found.iter().zip(&folders) {
            problems.extend(found.iter().cloned());
            let Some(code) = code else { continue };
            if let Some(first) = codes.insert(code, folder) {
                problems.push(
                    Problem::file(
                        &root
                            .join(PROJECTS_DIR)
                            .join(folder)
                            .join(project_file::FILE_NAME),
                        "duplicate-code",
                        tr!(DuplicateCode, code = code, first = first),
                    )
                    .with_hint(tr!(DuplicateCodeHint))
                    .as_warning(),
                );
                codes.insert(code, first);
            }
        }
        let ids: std::collections::BTreeSet<String> = folders.into_iter().collect();
        problems.extend(super::meetings::read_all(root, Some(&ids)).1);
        Ok(problems)
    }

    /// Writes a project's files under the write lock: the record when
    /// `project` differs from what was loaded, the procedure ledger when
    /// `table` is given. A brand-new project has no record text yet.
    /// Returns the files written, relative to the ledger root.
    pub fn save(
        &self,
        lp: Option<&LoadedProject>,
        id: &ProjectId,
        project: &Project,
        table: Option<&ProcedureTable>,
    ) -> Result<Vec<PathBuf>> {
        if lp.is_some_and(|lp| lp.cached) {
            bail!(tr!(CachedNotSaved));
        }
        let mut set = WriteSet::new();
        self.plan_save(&mut set, lp, id, project, table)?;
        set.commit()
    }

    /// Adds to `set` the files `save` would write, writing nothing yet: a
    /// command that writes several projects plans them all, then commits
    /// the set at once (all or nothing).
    pub fn plan_save(
        &self,
        set: &mut WriteSet,
        lp: Option<&LoadedProject>,
        id: &ProjectId,
        project: &Project,
        table: Option<&ProcedureTable>,
    ) -> Result<()> {
        let dir = self.project_dir(id);
        let rel = Path::new(PROJECTS_DIR).join(id.as_str());
        if let Some(table) = table {
            set.add(
                dir.join(procedures_file::FILE_NAME),
                rel.join(procedures_file::FILE_NAME),
                table.to_bytes(),
            );
        }
        let record = match lp {
            None => Some(project_file::render_new(project)),
            Some(lp) if &lp.project != project => Some(project_file::render_update(
                &lp.record_text,
                &lp.project,
                project,
            )?),
            Some(_) => None,
        };
        if let Some(text) = record {
            set.add(
                dir.join(project_file::FILE_NAME),
                rel.join(project_file::FILE_NAME),
                text.into_bytes(),
            );
        }
        Ok(())
    }

    /// Writes one of a project's CSV ledgers (`progress.csv`,
    /// `problems.csv`) atomically; the caller holds the lock.
    /// Returns the file written, relative to the ledger root.
    pub fn save_csv(
        &self,
        id: &ProjectId,
        file_name: &str,
        table: &CsvTable,
    ) -> Result<Vec<PathBuf>> {
        atomic_write(&self.project_dir(id).join(file_name), &table.to_bytes())?;
        Ok(vec![
            Path::new(PROJECTS_DIR).join(id.as_str()).join(file_name),
        ])
    }

    /// The dispatch meetings of the ledger (`meetings/*.toml`), by date,
    /// and the files left out because of an error in them: the file, as
    /// `check` names it, and its errors.
    pub fn meetings(
        &self,
    ) -> (
        Vec<crate::model::meeting::Meeting>,
        Vec<(PathBuf, Vec<Problem>)>,
    ) {
        let (meetings, problems) = super::meetings::read_all(&self.root, None);
        let mut broken: Vec<(PathBuf, Vec<Problem>)> = Vec::new();
        for p in problems.into_iter().filter(|p| !p.warning) {
            match broken.iter_mut().find(|(f, _)| *f == p.file) {
                Some((_, list)) => list.push(p),
                None => broken.push((p.file.clone(), vec![p])),
            }
        }
        (meetings, broken)
    }

    /// What restoring the ledger CSVs of a project as Excel or WPS left
    /// them gives (see `excel::restore`): for each file the project has,
    /// its path and the result. A file that cannot be read is refused.
    pub fn restore_excel(&self, id: &ProjectId) -> Vec<(PathBuf, super::excel::Restored)> {
        let dir = self.project_dir(id);
        super::excel::LAYOUTS
            .iter()
            .filter_map(|layout| {
                let path = dir.join(layout.file);
                let restored = match read_no_follow(&path) {
                    Ok(bytes) => super::excel::restore(layout, &bytes),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
                    Err(e) if is_link_error(&e) => super::excel::Restored {
                        refused: Some(tr!(RestoreIsLink)),
                        ..Default::default()
                    },
                    Err(e) => super::excel::Restored {
                        refused: Some(tr!(CannotReadFile, error = e)),
                        ..Default::default()
                    },
                };
                Some((path, restored))
            })
            .collect()
    }

    /// Takes the ledger's write lock, waiting up to 10 s for another
    /// writer (`TAIZHANG_LOCK_WAIT_MS` sets another wait, e.g. for a slow
    /// network drive).
    ///
    /// Refuses while a merge or rebase has left files of the ledger
    /// unmerged: a write then would go into half a merge.
    pub fn lock(&self) -> Result<WriteLock> {
        let wait = std::env::var("TAIZHANG_LOCK_WAIT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or(Duration::from_secs(10), Duration::from_millis);
        let lock = WriteLock::acquire(&self.root, wait)?;
        let unmerged = unmerged_problems(&self.root);
        if !unmerged.is_empty() {
            return Err(refuse(&tr!(MergeNotFinished), &unmerged));
        }
        Ok(lock)
    }
}

/// Conflict markers in the files of `dir` that taizhang does not read
/// itself (`.gitattributes`, a clerk's notes…): regular UTF-8 files of at
/// most 1 MB, links not followed, sorted by name.
fn other_files_markers(dir: &Path) -> Vec<Problem> {
    // Files whose own readers already look for markers.
    const OWN: [&str; 8] = [
        super::funds::FUNDS_FILE,
        super::funds::VISITS_FILE,
        SETTINGS_FILE,
        project_file::FILE_NAME,
        procedures_file::FILE_NAME,
        super::ledger_csv::PROGRESS_FILE,
        super::ledger_csv::PROBLEMS_FILE,
        super::write::LOCK_FILE,
    ];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_type().is_ok_and(|t| t.is_file())
                && !OWN.contains(&e.file_name().to_string_lossy().as_ref())
                && e.metadata().is_ok_and(|m| m.len() <= 1 << 20)
        })
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(p).ok()?).ok()?;
            Some(super::problem::conflict_markers(p, &text))
        })
        .flatten()
        .collect()
}

/// The files of the ledger a merge or rebase left unmerged, as errors.
fn unmerged_problems(root: &Path) -> Vec<Problem> {
    super::git::unmerged(root)
        .into_iter()
        .map(|rel| {
            Problem::file(&root.join(rel), "unmerged", tr!(Unmerged)).with_hint(tr!(UnmergedHint))
        })
        .collect()
}

/// What git can get wrong with the ledger: files left unmerged (errors),
/// and a merge driver `.gitattributes` names that this clone has not set
/// up or cannot run (warnings: git would then merge the files line by line,
/// or keep one side of them without a conflict marker).
fn git_problems(root: &Path) -> Vec<Problem> {
    let attributes = root.join(".gitattributes");
    let Ok(text) = std::fs::read_to_string(&attributes) else {
        return unmerged_problems(root);
    };
    if super::git::toplevel(root).is_none() {
        return Vec::new();
    }
    let mut problems = unmerged_problems(root);
    let mut drivers: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter_map(|w| w.strip_prefix("merge="))
        .filter(|d| d.starts_with("taizhang"))
        .collect();
    drivers.sort_unstable();
    drivers.dedup();
    for d in drivers {
        let problem = match super::git::driver_command(root, d) {
            None => tr!(MergeDriverNotSetUp, driver = d),
            Some(c) if !super::git::can_run(&c) => {
                tr!(MergeDriverCannotRun, driver = d, command = c)
            }
            Some(_) => continue,
        };
        problems.push(Problem::file(&attributes, "merge-driver", problem).as_warning());
    }
    problems
}

/// Whether `path` is a symbolic link (not followed).
fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Reads one project folder with every problem found in it; with `today`
/// (for `check`), the problems that depend on the day too.
fn read_project(
    root: &Path,
    settings: Option<&Settings>,
    folder: &str,
    today: Option<crate::model::Date>,
) -> (Option<LoadedProject>, Vec<Problem>) {
    let dir = root.join(PROJECTS_DIR).join(folder);
    let mut problems = Vec::new();
    if let Err(e) = ProjectId::parse(folder) {
        problems.push(Problem::file(&dir, "bad-id", tr!(FolderName, error = e)));
        return (None, problems);
    }
    if is_symlink(&dir) {
        problems.push(Problem::file(&dir, "symlink", tr!(ProjectFolderIsLink)));
        return (None, problems);
    }
    let record_path = dir.join(project_file::FILE_NAME);
    let table_path = dir.join(procedures_file::FILE_NAME);
    // Files are read without a stat first: a missing one is an error of the
    // read, which saves two system calls a project on large ledgers.
    let (project, record_text) = match read_text(&record_path) {
        Ok(Some(text)) => {
            let (p, probs) = project_file::read(&record_path, &text);
            problems.extend(probs);
            if let (Some(p), Some(s)) = (&p, settings) {
                problems.extend(validate::project(&record_path, &text, s, p));
            }
            (p, text)
        }
        Ok(None) => {
            let msg = tr!(MissingRecord, file = project_file::FILE_NAME);
            problems.push(Problem::file(&dir, "missing-record", msg));
            return (None, problems);
        }
        Err(p) => {
            problems.push(p);
            (None, String::new())
        }
    };
    let mut table_text = String::new();
    let table = match read_text(&table_path) {
        Ok(Some(text)) => {
            let (t, probs) = ProcedureTable::read(&table_path, &text);
            problems.extend(probs);
            if let (Some(t), Some(s)) = (&t, settings) {
                problems.extend(validate::procedures(
                    &table_path,
                    &text,
                    s,
                    project.as_ref(),
                    t,
                ));
                problems.extend(validate::calendar_coverage(&table_path, &text, s, t));
            }
            table_text = text;
            t
        }
        Ok(None) => {
            let msg = tr!(MissingProcedures, file = procedures_file::FILE_NAME);
            problems.push(Problem::file(&dir, "missing-procedures", msg));
            None
        }
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let mut progress = optional_csv(
        &dir.join(ledger_csv::PROGRESS_FILE),
        &mut problems,
        ledger_csv::read_progress,
    )
    .unwrap_or_else(|| (CsvTable::new(&ledger_csv::PROGRESS_COLUMNS), Vec::new()));
    progress.1.sort_by_key(|e| e.date);
    let issues = optional_csv(
        &dir.join(ledger_csv::PROBLEMS_FILE),
        &mut problems,
        ledger_csv::read_problems,
    )
    .unwrap_or_else(|| (CsvTable::new(&ledger_csv::PROBLEMS_COLUMNS), Vec::new()));
    if let Some(s) = settings {
        problems.extend(problem_links(
            &dir.join(ledger_csv::PROBLEMS_FILE),
            s,
            &issues.0,
            table.as_ref(),
        ));
    }
    let funds_path = dir.join(super::funds::FUNDS_FILE);
    let mut funds = optional_csv(&funds_path, &mut problems, |p, t| {
        super::funds::read_funds(p, t, settings)
    })
    .unwrap_or_else(|| (CsvTable::new(&super::funds::FUNDS_COLUMNS), Vec::new()));
    funds.1.sort_by_key(|e| e.date);
    problems.extend(super::funds::funds_warnings(&funds_path, &funds.1));
    let visits_path = dir.join(super::funds::VISITS_FILE);
    let mut visits = optional_csv(&visits_path, &mut problems, super::funds::read_visits)
        .unwrap_or_else(|| (CsvTable::new(&super::funds::VISITS_COLUMNS), Vec::new()));
    visits.1.sort_by_key(|v| v.date);
    for (i, v) in visits.1.iter().enumerate() {
        if let Some(no) = v.problem
            && !issues.1.iter().any(|p| p.no == no)
        {
            let line = visits.0.lines.get(i).copied().unwrap_or(1);
            let text = read_text(&visits_path).ok().flatten().unwrap_or_default();
            problems.push(Problem::line(
                &visits_path,
                &text,
                line,
                "unknown-problem",
                tr!(VisitUnknownProblem, no = no),
            ));
        }
    }
    if let Some(p) = &project {
        problems.extend(validate::progress(
            &dir.join(ledger_csv::PROGRESS_FILE),
            p,
            &progress.1,
        ));
    }
    if let (Some(today), Some(p), Some(t)) = (today, &project, &table) {
        problems.extend(validate::as_of_today(
            (&record_path, &record_text),
            (&table_path, &table_text),
            p,
            t,
            today,
        ));
    }
    let loaded = match (project, table) {
        (Some(project), Some(table)) => Some(LoadedProject {
            funds: funds.1,
            funds_table: funds.0,
            visits: visits.1,
            visits_table: visits.0,
            id: folder.to_string(),
            project,
            table,
            record_text,
            progress: progress.1,
            progress_table: progress.0,
            problems: issues.1,
            problems_table: issues.0,
            ledger: None,
            cached: false,
        }),
        _ => None,
    };
    (loaded, problems)
}

/// Reads a CSV ledger a project may lack; `None` when absent or unusable.
fn optional_csv<T>(
    path: &Path,
    problems: &mut Vec<Problem>,
    read: impl Fn(&Path, &str) -> (Option<T>, Vec<Problem>),
) -> Option<T> {
    match read_text(path) {
        Ok(None) => None,
        Ok(Some(text)) => {
            let (v, p) = read(path, &text);
            problems.extend(p);
            v
        }
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// Problems whose category is not on the ledger's list (an error) or whose
/// linked procedure is not on the project's task list (a warning).
fn problem_links(
    path: &Path,
    settings: &Settings,
    table: &CsvTable,
    procedures: Option<&ProcedureTable>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let text = || read_text(path).ok().flatten().unwrap_or_default();
    for i in 0..table.cells.len() {
        let category = table.get(i, "category");
        if !category.is_empty() && !settings.categories.iter().any(|c| c == category) {
            out.push(Problem::line(
                path,
                &text(),
                table.lines[i],
                "unknown-category",
                tr!(
                    UnknownProblemCategory,
                    category = category,
                    list = settings.categories.join(crate::msg::list_separator())
                ),
            ));
        }
        let procedure = table.get(i, "procedure");
        if let Some(t) = procedures
            && !procedure.is_empty()
            && t.position(procedure).is_none()
        {
            out.push(
                Problem::line(
                    path,
                    &text(),
                    table.lines[i],
                    "unknown-procedure",
                    tr!(ProblemUnknownProcedure, procedure = procedure),
                )
                .as_warning(),
            );
        }
    }
    out
}
