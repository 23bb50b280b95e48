//! One file per command: each loads what it needs, applies the rule, saves
//! and renders, nothing else. This module holds what they share: the
//! context built from the global options, and the checks of values a clerk
//! types on the command line.

mod check;
mod git;
mod init;
mod list;
mod open;
mod record;
mod report;
mod show;

use crate::cli::{Cli, Command, GitCommand, ReportCommand};
use crate::model::{Date, Lang, ProjectId, Settings, parse_date};
use crate::report::{Format, Table, render};
use crate::store::Ledger;
use crate::store::procedures_file::ProcedureTable;
use anyhow::{Result, anyhow, bail};
use std::path::PathBuf;

/// What a command prints on stdout and the exit status it asks for.
pub struct Output {
    pub text: String,
    pub code: u8,
}

impl Output {
    pub fn ok(text: impl Into<String>) -> Output {
        Output {
            text: text.into(),
            code: 0,
        }
    }
}

/// The global options, checked.
pub struct Ctx {
    pub ledger: Option<PathBuf>,
    pub today: Date,
    pub format: Format,
    pub lang: Option<Lang>,
    /// `--commit`: commit each write to git.
    pub commit: bool,
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
                "warning: {} is not in a git repository: the change is written but not committed",
                ledger.root.display()
            );
            return;
        }
        if let Err(e) = crate::store::git::commit(&ledger.root, files, subject) {
            eprintln!("warning: the change is written but not committed: {e:#}");
        }
    }

    pub fn lang(&self, settings: &Settings) -> Lang {
        self.lang.unwrap_or(settings.lang)
    }

    /// Renders a report: JSON from the value, else its table (or the
    /// friendly line when a terminal table would be empty).
    pub fn render<T: serde::Serialize>(&self, value: &T, table: Table, empty: String) -> String {
        match self.format {
            Format::Json => render::json(value),
            Format::Table if table.rows.is_empty() => empty,
            f => table.render(f),
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Output> {
    let g = cli.global;
    let today = match g.today.as_deref() {
        Some(t) => parse_date(t).map_err(|e| anyhow!("--today: {e}"))?,
        None => chrono::Local::now().date_naive(),
    };
    // `--at REV`: a read command runs on the ledger's files as they stood
    // at that commit, copied out of git into a temporary folder.
    let past = match &g.at {
        None => None,
        Some(_) if !reads(&cli.command) => {
            bail!("--at: only read commands (list, show, check, report) can look at the past")
        }
        Some(rev) => Some(crate::store::git::materialise(
            &Ledger::locate(g.ledger.as_deref())?,
            rev,
        )?),
    };
    let ledger = match &past {
        // Run from inside the copy, so paths read `./projects/…` as usual.
        Some(dir) => {
            std::env::set_current_dir(dir.path())
                .map_err(|e| anyhow!("--at: cannot enter the copy of the ledger: {e}"))?;
            Some(PathBuf::from("."))
        }
        None => g.ledger,
    };
    let ctx = Ctx {
        ledger,
        today,
        format: g.format,
        lang: g.lang,
        commit: g.commit,
    };
    match &cli.command {
        Command::Init(a) => init::run(&ctx, a),
        Command::Open(a) => open::run(&ctx, a),
        Command::List => list::run(&ctx),
        Command::Show(a) => show::run(&ctx, a),
        Command::Tick(a) => record::tick(&ctx, a),
        Command::Pledge(a) => record::pledge(&ctx, a),
        Command::Fulfil(a) => record::fulfil(&ctx, a),
        Command::Due(a) => record::due(&ctx, a),
        Command::Start(a) => record::start(&ctx, a),
        Command::Check => check::run(&ctx),
        Command::Report(ReportCommand::Overdue) => report::overdue(&ctx),
        Command::Report(ReportCommand::Slow(a)) => report::slow(&ctx, a),
        Command::Git(GitCommand::Setup) => git::setup(&ctx),
        Command::MergeCsv(a) => git::merge_csv(a),
        Command::Log(a) => git::log(&ctx, a),
    }
}

/// Whether a command only reads the ledger (and so may run `--at` a past
/// commit). Commands not listed are treated as writers.
fn reads(command: &Command) -> bool {
    matches!(
        command,
        Command::List | Command::Show(_) | Command::Check | Command::Report(_)
    )
}

/// A project ID given on the command line.
pub fn project_id(text: &str) -> Result<ProjectId> {
    ProjectId::parse(text).map_err(|e| anyhow!(e))
}

/// A date given with `flag`.
pub fn date_arg(flag: &str, text: &str) -> Result<Date> {
    parse_date(text).map_err(|e| anyhow!("{flag}: {e}"))
}

/// The date of an event being recorded: given or today, never in the future
/// and never before the project was opened.
pub fn event_date(flag: &str, text: Option<&str>, today: Date, opened: Date) -> Result<Date> {
    let date = match text {
        Some(t) => date_arg(flag, t)?,
        None => today,
    };
    if date > today {
        bail!(
            "{flag}: {date} is after today ({today}); record events on or before the day they happen"
        );
    }
    if date < opened {
        bail!("{flag}: {date} is before the project was opened ({opened})");
    }
    Ok(date)
}

/// The row of a procedure named by key or Chinese name on a project's list.
pub fn procedure_row(
    settings: &Settings,
    table: &ProcedureTable,
    id: &ProjectId,
    text: &str,
) -> Result<usize> {
    let key = settings.procedure(text).map_or(text, |c| c.key.as_str());
    if let Some(i) = table
        .position(key)
        .or_else(|| table.rows.iter().position(|r| r.name == text))
    {
        return Ok(i);
    }
    let listed: Vec<String> = table
        .rows
        .iter()
        .map(|r| format!("{} ({})", r.key, r.name))
        .collect();
    if settings.procedure(text).is_some() {
        bail!(
            "procedure \"{text}\" is not on the task list of project \"{id}\"; its list: {}",
            listed.join(", ")
        );
    }
    bail!(
        "unknown procedure \"{text}\": expected a key or Chinese name from the task list of \"{id}\": {}",
        listed.join(", ")
    )
}
