//! One file per command: each loads what it needs, applies the rule, saves
//! and renders, nothing else. This module holds what they share: the
//! context built from the global options, and the checks of values a clerk
//! types on the command line.

mod apply;
mod bulletin;
mod catalogue;
mod check;
mod due;
mod edit;
mod export;
mod extend;
mod fix;
mod fulfil;
mod funds;
mod git;
mod import;
mod init;
mod list;
mod meeting;
mod open;
mod people;
mod plan;
mod pledge;
mod problem;
mod progress;
mod record;
mod rename;
mod report;
mod require;
mod set;
mod shell;
mod show;
mod stage;
mod start;
mod tick;
mod undo;
mod visit;
mod waive;

use crate::cli::{Cli, Command, Filter, GitCommand, MeetingCommand, ProblemCommand, ReportCommand};
use crate::model::{Amount, Date, Lang, ProjectId, Settings, TaskForce, parse_date_input};
use crate::model::{Stage, suggest};
use crate::report::{Format, Table, render};
use crate::store::ledger::Skipped;
use crate::store::procedures_file::ProcedureTable;
use crate::store::{Ledger, LoadedProject};
use anyhow::{Result, anyhow, bail};
use std::path::PathBuf;

pub use crate::report::render::Stream;

/// What a command prints on stdout (`text`, then `stream` if any) and the
/// exit status it asks for.
pub struct Output {
    pub text: String,
    pub stream: Option<Stream>,
    pub code: u8,
}

impl Output {
    pub fn ok(text: impl Into<String>) -> Output {
        Output::with_code(text, 0)
    }

    pub fn with_code(text: impl Into<String>, code: u8) -> Output {
        Output {
            text: text.into(),
            stream: None,
            code,
        }
    }
}

/// The global options, checked.
pub struct Ctx {
    /// The ledger (the first -L).
    pub ledger: Option<PathBuf>,
    pub today: Date,
    pub format: Format,
    pub lang: Option<Lang>,
    /// Further -L ledgers of a roll-up report.
    pub more_ledgers: Vec<PathBuf>,
    /// --taskforce: only this task force's procedures.
    pub taskforce: Option<String>,
    /// --authority: only the procedures this authority issues.
    pub authority: Option<String>,
    /// Colour allowed in terminal tables (see `--color`).
    pub color: bool,
    /// `--commit`: commit each write to git.
    pub commit: bool,
    /// The width terminal tables fit (see `render::terminal_width`).
    pub width: Option<usize>,
    /// --township, --type, --search and --sort of list, reports and export.
    pub filter: Filter,
    /// Reports read projects through the project cache (not with
    /// `--no-cache` nor `--at`).
    pub cache: bool,
    /// The projects the reads of this command left out (see `Skips`).
    pub skips: std::sync::Mutex<Option<Skips>>,
}

/// Exit status of a read command that left out projects it could not read
/// (the output is complete for the others).
pub const SKIPPED_EXIT: u8 = 4;
/// Exit status of `report overdue --exit-code` when something is overdue
/// and projects were left out.
pub const OVERDUE_AND_SKIPPED_EXIT: u8 = 5;

/// What the project reads of a command left out, and the language to say
/// it in. Set by `Ctx::map_projects_on`; `None` when the command read no
/// list of projects.
#[derive(Debug)]
pub struct Skips {
    pub lang: Lang,
    pub list: Vec<Skipped>,
}

impl Skips {
    /// The line printed under a table or at the top of a bulletin, or
    /// `None` when nothing was left out.
    pub fn note(&self) -> Option<String> {
        crate::report::skipped::note(self.lang, &self.list)
    }
}

/// A report value with the projects it left out, for JSON.
#[derive(serde::Serialize)]
struct WithSkipped<T> {
    #[serde(flatten)]
    value: T,
    skipped: Vec<Skipped>,
}

impl Ctx {
    pub fn open_ledger(&self) -> Result<Ledger> {
        Ledger::open(Ledger::locate(self.ledger.as_deref())?)
    }

    /// Commits the files a write changed (paths relative to the ledger
    /// root) when `--commit` or `auto_commit` asks for it. The change is
    /// written either way: a commit that cannot be made is a warning.
    pub fn commit(&self, ledger: &Ledger, files: &[PathBuf], subject: &str) {
        if !(self.commit || ledger.settings.auto_commit) || files.is_empty() {
            return;
        }
        if crate::store::git::toplevel(&ledger.root).is_none() {
            eprintln!(
                "{}{}",
                tr!(WarningPrefix),
                tr!(NotInGit, dir = ledger.root.display())
            );
            return;
        }
        if let Err(e) = crate::store::git::commit(&ledger.root, files, subject) {
            eprintln!(
                "{}{}",
                tr!(WarningPrefix),
                tr!(NotCommitted, error = format!("{e:#}"))
            );
        }
    }

    pub fn lang(&self, settings: &Settings) -> Lang {
        self.lang.unwrap_or(settings.lang)
    }

    /// Every ledger a report covers: the ledger, each further -L, and the
    /// members listed in their ledger.toml (recursively), each once.
    pub fn open_ledgers(&self) -> Result<Vec<Ledger>> {
        let mut todo: Vec<PathBuf> = vec![Ledger::locate(self.ledger.as_deref())?];
        for l in &self.more_ledgers {
            todo.push(Ledger::locate(Some(l))?);
        }
        todo.reverse();
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        while let Some(dir) = todo.pop() {
            let key = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
            if !seen.insert(key) {
                continue;
            }
            let mut ledger = Ledger::open(dir)?;
            ledger.cache = self.cache;
            for m in ledger.settings.members.iter().rev() {
                let member = ledger.root.join(m);
                if !member.join(crate::store::ledger::SETTINGS_FILE).is_file() {
                    bail!(tr!(
                        MemberNotLedger,
                        member = m,
                        file = ledger
                            .root
                            .join(crate::store::ledger::SETTINGS_FILE)
                            .display(),
                        dir = member.display()
                    ));
                }
                todo.push(member);
            }
            out.push(ledger);
        }
        Ok(out)
    }

    /// Reads every project of every ledger a report covers, each as it
    /// stood at the end of --today (records dated later left out, so a past
    /// day's report regenerates), tagged with its ledger's name when there
    /// are several, cut to --taskforce, and maps it with `f` as soon as it
    /// is read. Returns the first ledger too: its settings and language
    /// rule the report, and `f` gets its settings.
    pub fn map_projects<T: Send>(
        &self,
        f: impl Fn(&Settings, LoadedProject) -> T + Sync,
    ) -> Result<(Ledger, Vec<T>)> {
        self.map_projects_on(self.today, f)
    }

    /// `map_projects` as of the end of `day` instead of --today.
    pub fn map_projects_on<T: Send>(
        &self,
        day: Date,
        f: impl Fn(&Settings, LoadedProject) -> T + Sync,
    ) -> Result<(Ledger, Vec<T>)> {
        let mut out = Vec::new();
        let first = self.each_project_on(day, f, |value| out.push(value))?;
        Ok((first, out))
    }

    /// Like `map_projects_on`, handing each result to `emit` (in order)
    /// instead of collecting them, so a report can flatten or add them up
    /// while the rest is read.
    pub fn each_project_on<T: Send>(
        &self,
        day: Date,
        f: impl Fn(&Settings, LoadedProject) -> T + Sync,
        emit: impl FnMut(T),
    ) -> Result<Ledger> {
        self.each_project_and_before(day, None, |s, lp, _| f(s, lp), emit)
    }

    /// Like `each_project_on`, `f` getting each project also as it stood at
    /// the end of `before`, an earlier day (`None` when it was opened later
    /// or is left out then), from the same reading: a report comparing two
    /// days (the bulletin's changes) reads each project once.
    pub fn each_project_and_before<T: Send>(
        &self,
        day: Date,
        before: Option<Date>,
        f: impl Fn(&Settings, LoadedProject, Option<LoadedProject>) -> T + Sync,
        mut emit: impl FnMut(T),
    ) -> Result<Ledger> {
        let ledgers = self.open_ledgers()?;
        let settings = &ledgers[0].settings;
        let tf = self.taskforce_of(settings)?;
        let kind = self.type_of(settings)?;
        let stages = self.stages()?;
        let authority = self.authority_of(settings)?;
        let multi = ledgers.len() > 1;
        let townships = std::sync::Mutex::new(std::collections::BTreeSet::new());
        let mut skipped = Vec::new();
        for l in &ledgers {
            let name = multi.then(|| l.settings.name.clone());
            // A project as the report sees it: filtered, tagged, cut.
            let view = |mut lp: LoadedProject| {
                if !self.keeps(&lp, kind.as_deref(), &stages) {
                    return None;
                }
                lp.ledger = name.clone();
                let lp = match &tf {
                    Some(tf) => cut_to_taskforce(lp, tf)?,
                    None => lp,
                };
                match &authority {
                    Some(a) => cut_to_authority(lp, &l.settings, a),
                    None => Some(lp),
                }
            };
            let left_out = l.each_readable(
                |lp| {
                    let earlier = before.and_then(|b| lp.view_as_of(b)).and_then(view);
                    let lp = lp.as_of(day)?;
                    if let Some(t) = &lp.project.township {
                        townships.lock().expect("not poisoned").insert(t.clone());
                    }
                    Some(f(settings, view(lp)?, earlier))
                },
                |value| {
                    if let Some(value) = value {
                        emit(value);
                    }
                },
            )?;
            skipped.extend(left_out.into_iter().map(|s| Skipped {
                ledger: name.clone(),
                ..s
            }));
        }
        if let Some(t) = &self.filter.township {
            let known = townships.into_inner().expect("not poisoned");
            if !known.contains(t.trim()) {
                let candidates: Vec<suggest::Candidate> = known
                    .iter()
                    .map(|k| suggest::Candidate {
                        shown: k.clone(),
                        names: vec![k.as_str()],
                    })
                    .collect();
                bail!(tr!(
                    FlagValue,
                    flag = "--township",
                    error = suggest::message(
                        tr!(UnknownTownship, text = t),
                        t,
                        &candidates,
                        &tr!(
                            ExpectedOneOf,
                            list = known
                                .iter()
                                .cloned()
                                .collect::<Vec<_>>()
                                .join(crate::msg::list_separator())
                        ),
                    )
                ));
            }
        }
        let first = ledgers.into_iter().next().expect("at least one ledger");
        let mut skips = self.skips.lock().expect("not poisoned");
        let skips = skips.get_or_insert_with(|| Skips {
            lang: self.lang(&first.settings),
            list: Vec::new(),
        });
        // A command that reads the ledger twice (the bulletin: as of its
        // end and as of the previous issue) names each project once.
        for s in skipped {
            if !skips
                .list
                .iter()
                .any(|k| k.ledger == s.ledger && k.project == s.project)
            {
                skips.list.push(s);
            }
        }
        Ok(first)
    }

    /// How many project folders the ledgers a report covers hold (an
    /// upper bound of the projects a report reads).
    pub fn project_count(&self) -> Result<usize> {
        let mut n = 0;
        for l in self.open_ledgers()? {
            n += Ledger::project_folders(&l.root)?.len();
        }
        Ok(n)
    }

    /// The stages of --stage (key or Chinese name).
    pub fn stages(&self) -> Result<Vec<Stage>> {
        self.filter
            .stage
            .iter()
            .map(|t| {
                Stage::parse(t).map_err(|e| anyhow!(tr!(FlagValue, flag = "--stage", error = e)))
            })
            .collect()
    }

    /// The project type key of --type, checked against the settings.
    fn type_of(&self, settings: &Settings) -> Result<Option<String>> {
        let Some(text) = &self.filter.kind else {
            return Ok(None);
        };
        match settings.project_type(text.trim()) {
            Some(t) => Ok(Some(t.key.clone())),
            None => bail!(tr!(
                FlagValue,
                flag = "--type",
                error = suggest::message(
                    tr!(UnknownType, text = text),
                    text,
                    &settings.type_candidates(),
                    &tr!(ExpectedOneOf, list = settings.type_keys()),
                )
            )),
        }
    }

    /// Whether a project passes --township, --type (a type key) and
    /// --search (a substring of its ID, name or owner, letter case ignored).
    fn keeps(&self, lp: &LoadedProject, kind: Option<&str>, stages: &[Stage]) -> bool {
        let f = &self.filter;
        let p = &lp.project;
        if !stages.is_empty() && !stages.contains(&p.stage().stage) {
            return false;
        }
        if f.township
            .as_deref()
            .is_some_and(|t| p.township.as_deref() != Some(t.trim()))
        {
            return false;
        }
        if kind.is_some_and(|k| p.kind != k) {
            return false;
        }
        if let Some(s) = &f.search {
            let s = s.trim().to_lowercase();
            let hit = |t: &str| t.to_lowercase().contains(&s);
            if !(hit(&lp.id) || hit(&p.name) || p.owner.as_deref().is_some_and(hit)) {
                return false;
            }
        }
        true
    }

    /// The line saying which projects were left out, if any.
    pub fn skipped_note(&self) -> Option<String> {
        self.skips
            .lock()
            .expect("not poisoned")
            .as_ref()
            .and_then(Skips::note)
    }

    /// The projects left out so far (for a report value's own JSON).
    pub fn skipped(&self) -> Vec<Skipped> {
        self.skips
            .lock()
            .expect("not poisoned")
            .as_ref()
            .map_or_else(Vec::new, |s| s.list.clone())
    }

    /// Ends a command: the problems of the projects it left out go to
    /// stderr, and its exit status says that something was left out.
    fn finish(&self, out: Output) -> Output {
        let skips = self.skips.lock().expect("not poisoned");
        let Some(skips) = skips.as_ref().filter(|s| !s.list.is_empty()) else {
            return out;
        };
        for s in &skips.list {
            let ledger = s
                .ledger
                .as_deref()
                .map_or(String::new(), |l| format!("{l}: "));
            eprintln!(
                "{}{}",
                tr!(WarningPrefix),
                tr!(
                    LeftOut,
                    ledger = ledger,
                    project = s.project,
                    n = s.problems.len()
                )
            );
            for p in &s.problems {
                eprintln!("  {}", p.headline());
            }
        }
        if let Some(note) = skips.note() {
            eprintln!("{note}");
        }
        let code = match out.code {
            0 => SKIPPED_EXIT,
            report::OVERDUE_EXIT => OVERDUE_AND_SKIPPED_EXIT,
            c => c,
        };
        Output { code, ..out }
    }

    /// Every project a report covers (see `map_projects`), as of `day`.
    pub fn load_report_on(&self, day: Date) -> Result<(Ledger, Vec<LoadedProject>)> {
        self.map_projects_on(day, |_, lp| lp)
    }

    /// The task force of --taskforce, checked against the settings.
    pub fn taskforce_of(&self, settings: &Settings) -> Result<Option<TaskForce>> {
        let Some(key) = &self.taskforce else {
            return Ok(None);
        };
        let tf = settings.find_taskforce(key).ok_or_else(|| {
            let e = suggest::message(
                tr!(UnknownTaskforce, text = key),
                key,
                &settings.taskforce_candidates(),
                &tr!(ExpectedOneOf, list = settings.taskforce_keys()),
            );
            anyhow!(tr!(FlagValue, flag = "--taskforce", error = e))
        })?;
        Ok(Some(tf.clone()))
    }

    /// The JSON `render` gives for a report whose list `key` (empty in
    /// `head`) holds `items`, the list written in parallel
    /// (`render::json_stream_list`), each item by `write` (`render::serde_item`
    /// or a writer of its own): for lists of a province's size.
    pub fn json_list<H, I>(
        &self,
        head: H,
        key: &'static str,
        items: Vec<I>,
        write: fn(&I, &mut Vec<u8>),
    ) -> Stream
    where
        H: serde::Serialize + 'static,
        I: Sync + 'static,
    {
        if self.skips.lock().expect("not poisoned").is_some() {
            let head = WithSkipped {
                value: head,
                skipped: self.skipped(),
            };
            render::json_stream_list(head, key, items, write)
        } else {
            render::json_stream_list(head, key, items, write)
        }
    }

    /// The authority of --authority, checked against the authorities and
    /// lead units the settings name.
    pub fn authority_of(&self, settings: &Settings) -> Result<Option<String>> {
        let Some(name) = &self.authority else {
            return Ok(None);
        };
        let known = settings.authorities();
        if known.iter().any(|a| &**a == name.as_str())
            || settings.taskforces.iter().any(|t| &t.lead == name)
        {
            return Ok(Some(name.clone()));
        }
        bail!(tr!(
            UnknownAuthority,
            name = name,
            list = known
                .iter()
                .map(|a| &**a)
                .collect::<Vec<_>>()
                .join(crate::msg::list_separator())
        ))
    }

    /// Renders a report: JSON from the value (streamed), else its table,
    /// or the friendly `empty` line when a terminal table would be empty.
    pub fn render<T: serde::Serialize + 'static>(
        &self,
        value: T,
        table: impl FnOnce(&T) -> Table,
        empty: impl FnOnce(&T) -> String,
    ) -> Result<Output> {
        let note = self.skipped_note();
        Ok(match self.format {
            Format::Json => {
                if let Some(field) = &self.filter.sort {
                    // JSON keeps the report's order; the field is checked
                    // all the same.
                    table(&value).sort_by(field).map_err(|fields| {
                        anyhow!(tr!(UnknownSortField, text = field, fields = fields))
                    })?;
                }
                if self.skips.lock().expect("not poisoned").is_some() {
                    Output {
                        stream: Some(render::json_stream(WithSkipped {
                            value,
                            skipped: self.skipped(),
                        })),
                        ..Output::ok("")
                    }
                } else {
                    Output {
                        stream: Some(render::json_stream(value)),
                        ..Output::ok("")
                    }
                }
            }
            f => {
                let mut table = table(&value);
                if let Some(field) = &self.filter.sort {
                    table.sort_by(field).map_err(|fields| {
                        anyhow!(tr!(UnknownSortField, text = field, fields = fields))
                    })?;
                }
                if !table.no_total && table.footer.is_none() {
                    table.footer = Some(total_line(table.rows.len()));
                }
                // CSV stays a clean table: its note is on stderr only.
                let tail = match (&note, f) {
                    (Some(_), Format::Csv) | (None, _) => String::new(),
                    (Some(n), Format::Markdown) => format!("\n{n}\n"),
                    (Some(n), _) => format!("{n}\n"),
                };
                // "Nothing overdue" is not said of projects left out.
                if f == Format::Table && table.rows.is_empty() && note.is_none() {
                    return Ok(Output::ok(empty(&value)));
                }
                // The rows are in the table now: free the report first,
                // then write the table as it is drawn.
                drop(value);
                crate::memory::release();
                Output {
                    stream: Some(table.stream(f, self.color, self.width, tail)),
                    ..Output::ok("")
                }
            }
        })
    }
}

impl Ctx {
    /// A table in `format`, a terminal one fitting the terminal.
    pub fn fit(&self, table: &Table, format: Format) -> String {
        table.render_fit(format, self.color, self.width)
    }
}

/// "共 N 项" / "N items": the line under a report's table.
pub fn total_line(n: usize) -> String {
    if n == 1 {
        tr!(TotalOneItem)
    } else {
        tr!(TotalItems, n = n)
    }
}

/// A project cut to one task force's procedures, and its problems whose
/// unit is the task force or its lead unit or that hold up one of its
/// procedures; `None` when the task force has
/// no procedure on the project.
pub fn cut_to_taskforce(mut lp: LoadedProject, tf: &TaskForce) -> Option<LoadedProject> {
    if !lp.procedures().iter().any(|p| p.taskforce == tf.key) {
        return None;
    }
    // A problem linked to one of the task force's procedures is its own too.
    let linked: std::collections::BTreeSet<String> = lp
        .procedures()
        .iter()
        .filter(|p| p.taskforce == tf.key)
        .map(|p| p.key.to_string())
        .collect();
    lp.retain_procedures(|p| p.taskforce == tf.key);
    lp.problems
        .retain(|p| p.unit == tf.lead || p.unit == tf.name || linked.contains(&p.procedure));
    Some(lp)
}

/// A project cut to the procedures `authority` issues and the problems it
/// is responsible for; `None` when it has neither.
pub fn cut_to_authority(
    mut lp: LoadedProject,
    settings: &Settings,
    authority: &str,
) -> Option<LoadedProject> {
    let issues =
        |p: &crate::model::Procedure| &*settings.authority(&p.key, &p.taskforce).name == authority;
    if !lp.procedures().iter().any(issues) && !lp.problems.iter().any(|p| p.unit == authority) {
        return None;
    }
    lp.retain_procedures(issues);
    lp.problems.retain(|p| p.unit == authority);
    Some(lp)
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Output> {
    let g = cli.global;
    let today = match g.today.as_deref() {
        Some(t) => date_arg("--today", t)?,
        None => chrono::Local::now().date_naive(),
    };
    let mut ledgers = g.ledger.into_iter();
    let first = ledgers.next();
    let more_ledgers: Vec<PathBuf> = ledgers.collect();
    // `--at REV`: a read command runs on the ledger's files as they stood
    // at that commit, copied out of git into a temporary folder.
    let past = match &g.at {
        None => None,
        Some(_) if !reads(&cli.command) => {
            bail!(tr!(AtOnlyReads))
        }
        Some(_) if !more_ledgers.is_empty() => {
            bail!(tr!(AtOneLedger))
        }
        Some(rev) => Some(crate::store::git::materialise(
            &Ledger::locate(first.as_deref())?,
            rev,
        )?),
    };
    let ledger = match &past {
        // Run from inside the copy, so paths read `./projects/…` as usual.
        Some(dir) => {
            std::env::set_current_dir(dir.path())
                .map_err(|e| anyhow!(tr!(AtCannotEnter, error = e)))?;
            Some(PathBuf::from("."))
        }
        None => first,
    };
    let ctx = Ctx {
        ledger,
        today,
        format: g.format,
        lang: g.lang,
        more_ledgers,
        taskforce: g.taskforce,
        authority: g.authority,
        color: g.color.enabled(),
        commit: g.commit,
        width: render::terminal_width(),
        filter: filter_of(&cli.command),
        cache: !g.no_cache && past.is_none(),
        skips: Default::default(),
    };
    let (report, weekly) = match &cli.command {
        Command::Report(ReportCommand::Weekly(_) | ReportCommand::Bulletin(_)) => (true, true),
        Command::Report(_)
        | Command::List(_)
        | Command::Export(_)
        | Command::Problem(ProblemCommand::List(_))
        | Command::Meeting(MeetingCommand::List(_)) => (true, false),
        _ => (false, false),
    };
    if !ctx.more_ledgers.is_empty() && !report {
        bail!(tr!(TooManyLedgers, n = ctx.more_ledgers.len() + 1));
    }
    let task_force_view = report
        && !matches!(cli.command, Command::Problem(_) | Command::Meeting(_))
        || matches!(cli.command, Command::Show(_));
    if ctx.taskforce.is_some() && !task_force_view {
        bail!(tr!(TaskforceOnlyViews));
    }
    if ctx.authority.is_some() && !task_force_view {
        bail!(tr!(AuthorityOnlyViews));
    }
    if ctx.format == Format::Html && !weekly {
        bail!(tr!(HtmlOnlyWeekly));
    }
    if ctx.format == Format::Docx
        && !matches!(cli.command, Command::Report(ReportCommand::Bulletin(_)))
    {
        bail!(tr!(DocxOnlyBulletin));
    }
    let out = match &cli.command {
        Command::Init(a) => init::run(&ctx, a),
        Command::Open(a) => open::run(&ctx, a),
        Command::List(_) => list::run(&ctx),
        Command::Show(a) => show::run(&ctx, a),
        Command::Tick(a) => tick::run(&ctx, a),
        Command::Pledge(a) => pledge::run(&ctx, a),
        Command::Fulfil(a) => fulfil::run(&ctx, a),
        Command::Due(a) => due::run(&ctx, a),
        Command::Start(a) => start::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
        Command::Undo(a) => undo::run(&ctx, a),
        Command::Edit(a) => edit::run(&ctx, a),
        Command::Extend(a) => extend::run(&ctx, a),
        Command::Require(a) => require::run(&ctx, a),
        Command::Waive(a) => waive::run(&ctx, a),
        Command::Report(ReportCommand::Overdue(a)) => report::overdue(&ctx, a),
        Command::Report(ReportCommand::Slow(a)) => report::slow(&ctx, a),
        Command::Apply(a) => apply::run(&ctx, a),
        Command::Completions(a) => shell::completions(a),
        Command::Man => shell::man(),
        Command::Export(a) => export::run(&ctx, a),
        Command::Import(crate::cli::ImportCommand::Tasks(a)) => import::tasks(&ctx, a),
        Command::Report(ReportCommand::Weekly(a)) => report::weekly(&ctx, a),
        Command::Report(ReportCommand::Bulletin(a)) => bulletin::run(&ctx, a),
        Command::Report(ReportCommand::Taskforce(_)) => report::taskforce(&ctx),
        Command::Plan(a) => plan::run(&ctx, a),
        Command::Progress(a) => progress::run(&ctx, a),
        Command::Problem(ProblemCommand::Add(a)) => problem::add(&ctx, a),
        Command::Problem(ProblemCommand::Resolve(a)) => problem::resolve(&ctx, a),
        Command::Problem(ProblemCommand::List(a)) => problem::list(&ctx, a),
        Command::Problem(ProblemCommand::Escalate(a)) => problem::escalate(&ctx, a),
        Command::Problem(ProblemCommand::Order(a)) => problem::order(&ctx, a),
        Command::Funds(a) => funds::run(&ctx, a),
        Command::Leader(a) => meeting::leader(&ctx, a),
        Command::Meeting(MeetingCommand::Add(a)) => meeting::add(&ctx, a),
        Command::Meeting(MeetingCommand::Decide(a)) => meeting::decide(&ctx, a),
        Command::Meeting(MeetingCommand::Resolve(a)) => meeting::resolve(&ctx, a),
        Command::Meeting(MeetingCommand::List(a)) => meeting::list(&ctx, a),
        Command::Visit(a) => visit::run(&ctx, a),
        Command::Git(GitCommand::Setup) => git::setup(&ctx),
        Command::MergeCsv(a) => git::merge_csv(&ctx, a),
        Command::Log(a) => git::log(&ctx, a),
        Command::Catalogue => catalogue::run(&ctx),
        Command::Set(a) => set::run(&ctx, a),
        Command::Rename(a) => rename::run(&ctx, a),
        Command::Stage(a) => stage::run(&ctx, a),
        Command::Fix(a) => fix::run(&ctx, a),
    }?;
    Ok(ctx.finish(out))
}

/// The project filter and order a command was given (list, reports,
/// `problem list` and export take them).
fn filter_of(command: &Command) -> Filter {
    let f = match command {
        Command::List(a) => &a.filter,
        Command::Report(ReportCommand::Overdue(a)) => &a.filter,
        Command::Report(ReportCommand::Slow(a)) => &a.filter,
        Command::Report(ReportCommand::Weekly(a)) => &a.filter,
        Command::Report(ReportCommand::Taskforce(a)) => &a.filter,
        Command::Problem(ProblemCommand::List(a)) => &a.filter,
        Command::Export(a) => &a.filter,
        _ => return Filter::default(),
    };
    f.clone()
}

/// Whether a command only reads the ledger (and so may run `--at` a past
/// commit). Commands not listed are treated as writers.
fn reads(command: &Command) -> bool {
    // Publishing a bulletin writes it into the ledger.
    if let Command::Report(ReportCommand::Bulletin(a)) = command {
        return !a.publish;
    }
    matches!(
        command,
        Command::List(_)
            | Command::Show(_)
            | Command::Catalogue
            | Command::Check(_)
            | Command::Report(_)
            | Command::Problem(ProblemCommand::List(_))
            | Command::Meeting(MeetingCommand::List(_))
    )
}

/// A project ID given on the command line.
pub fn project_id(text: &str) -> Result<ProjectId> {
    ProjectId::parse(text).map_err(|e| anyhow!(e))
}

/// An amount in 万元 given with `flag` (thousands separators and
/// full-width digits allowed; stored as plain digits).
pub fn amount_arg(flag: &str, text: &str) -> Result<Amount> {
    Amount::parse_input(text).map_err(|e| anyhow!(tr!(FlagValue, flag = flag, error = e)))
}

/// A text that must not be empty, given with `flag`; `what` says what to give.
pub fn text_arg<'a>(flag: &str, text: &'a str, what: &str) -> Result<&'a str> {
    let t = text.trim();
    if t.is_empty() {
        bail!(tr!(EmptyText, flag = flag, what = what));
    }
    Ok(t)
}

/// The facts given on the command line over `facts`, each checked; the
/// zone must be one of ledger.toml's `[[zone]]`.
pub fn facts_arg(
    settings: &Settings,
    a: &crate::cli::FactArgs,
    mut facts: crate::model::Facts,
) -> Result<crate::model::Facts> {
    use crate::model::facts::{EiaClass, Land, Nature, parse_yes_no};
    if let Some(t) = &a.land {
        facts.land =
            Some(Land::parse(t).map_err(|e| anyhow!(tr!(FlagValue, flag = "--land", error = e)))?);
    }
    if let Some(t) = &a.investment_nature {
        facts.nature = Some(
            Nature::parse(t)
                .map_err(|e| anyhow!(tr!(FlagValue, flag = "--investment-nature", error = e)))?,
        );
    }
    if let Some(t) = &a.hazchem {
        facts.hazchem = Some(
            parse_yes_no(&tr!(FactHazchem), t)
                .map_err(|e| anyhow!(tr!(FlagValue, flag = "--hazchem", error = e)))?,
        );
    }
    if let Some(t) = &a.eia {
        facts.eia = Some(
            EiaClass::parse(t).map_err(|e| anyhow!(tr!(FlagValue, flag = "--eia", error = e)))?,
        );
    }
    if let Some(t) = &a.relics_found {
        facts.relics_found = Some(
            parse_yes_no(&tr!(FactRelics), t)
                .map_err(|e| anyhow!(tr!(FlagValue, flag = "--relics-found", error = e)))?,
        );
    }
    if let Some(z) = &a.zone {
        let known = settings
            .zone(z)
            .or_else(|| settings.zones.iter().find(|x| &x.name == z));
        match known {
            Some(zone) => facts.zone = Some(zone.key.clone()),
            None if settings.zones.is_empty() => {
                bail!(tr!(NoZones, text = z))
            }
            None => bail!(tr!(
                UnknownZone,
                text = z,
                list = settings
                    .zones
                    .iter()
                    .map(|z| format!("{} ({})", z.key, z.name))
                    .collect::<Vec<_>>()
                    .join(crate::msg::list_separator())
            )),
        }
    }
    Ok(facts)
}

/// A date given with `flag`: ISO or a year-first Chinese form (see
/// `parse_date_input`).
pub fn date_arg(flag: &str, text: &str) -> Result<Date> {
    parse_date_input(text).map_err(|e| anyhow!(tr!(FlagValue, flag = flag, error = e)))
}

/// The date of an event being recorded: given or today, never in the
/// future. A date before the project entered the ledger is history, and
/// accepted.
pub fn event_date(flag: &str, text: Option<&str>, today: Date) -> Result<Date> {
    let date = match text {
        Some(t) => date_arg(flag, t)?,
        None => today,
    };
    crate::model::transition::not_future(flag, date, today).map_err(|e| anyhow!(e))
}

/// The row of a procedure named by key or Chinese name on a project's list
/// (spaces around it ignored); an unknown name gets the closest ones.
pub fn procedure_row(
    settings: &Settings,
    table: &ProcedureTable,
    id: &ProjectId,
    text: &str,
) -> Result<usize> {
    let text = text.trim();
    let key = settings.procedure(text).map_or(text, |c| c.key.as_str());
    if let Some(i) = table
        .position(key)
        .or_else(|| table.rows.iter().position(|r| r.name == text))
    {
        return Ok(i);
    }
    let listed: Vec<suggest::Candidate> = table
        .rows
        .iter()
        .map(|r| suggest::Candidate {
            shown: format!("{} ({})", r.key, r.name),
            names: vec![&r.key, &r.name],
        })
        .collect();
    let base = if settings.procedure(text).is_some() {
        tr!(ProcedureNotOnList, text = text, id = id)
    } else {
        tr!(UnknownProcedure, text = text)
    };
    bail!(suggest::message(
        base,
        text,
        &listed,
        &tr!(SeeShow, id = id)
    ))
}
