//! One file per command: each loads what it needs, applies the rule, saves
//! and renders, nothing else. This module holds what they share: the
//! context built from the global options, and the checks of values a clerk
//! types on the command line.

mod check;
mod init;
mod list;
mod open;
mod progress;
mod record;
mod report;
mod show;

use crate::cli::{Cli, Command, ProblemCommand, ReportCommand};
use crate::model::{Date, Lang, ProjectId, Settings, parse_date};
use crate::report::{Format, Table, render};
use crate::store::procedures_file::ProcedureTable;
use crate::store::{Ledger, LoadedProject};
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
    /// The ledger (the first -L).
    pub ledger: Option<PathBuf>,
    pub today: Date,
    pub format: Format,
    pub lang: Option<Lang>,
    /// Further -L ledgers of a roll-up report.
    pub more_ledgers: Vec<PathBuf>,
    /// --taskforce: only this task force's procedures.
    pub taskforce: Option<String>,
}

impl Ctx {
    pub fn open_ledger(&self) -> Result<Ledger> {
        Ledger::open(Ledger::locate(self.ledger.as_deref())?)
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
            let ledger = Ledger::open(dir)?;
            for m in ledger.settings.members.iter().rev() {
                let member = ledger.root.join(m);
                if !member.join(crate::store::ledger::SETTINGS_FILE).is_file() {
                    bail!(
                        "member ledger \"{m}\" listed in {} is not a taizhang ledger: {} has no ledger.toml",
                        ledger
                            .root
                            .join(crate::store::ledger::SETTINGS_FILE)
                            .display(),
                        member.display()
                    );
                }
                todo.push(member);
            }
            out.push(ledger);
        }
        Ok(out)
    }

    /// What a report reads: the first ledger (whose settings and language
    /// rule) and the projects of every ledger it covers as they stood on
    /// --today, each tagged with its ledger's name when there are several,
    /// cut to --taskforce.
    pub fn load_report(&self) -> Result<(Ledger, Vec<LoadedProject>)> {
        let mut ledgers = self.open_ledgers()?.into_iter();
        let first = ledgers.next().expect("at least one ledger");
        let mut projects = first.load_all()?;
        let rest: Vec<Ledger> = ledgers.collect();
        if !rest.is_empty() {
            for lp in &mut projects {
                lp.ledger = Some(first.settings.name.clone());
            }
            for l in &rest {
                for mut lp in l.load_all()? {
                    lp.ledger = Some(l.settings.name.clone());
                    projects.push(lp);
                }
            }
        }
        // As the ledger stood at the end of --today: records dated later
        // are left out, so a past day's report can be regenerated.
        let projects = projects
            .iter()
            .filter_map(|lp| lp.as_of(self.today))
            .collect();
        let projects = self.for_taskforce(&first.settings, projects)?;
        Ok((first, projects))
    }

    /// Projects cut to the procedures of --taskforce (when given): only
    /// projects with such procedures, and their problems whose unit is the
    /// task force or its lead unit.
    pub fn for_taskforce(
        &self,
        settings: &Settings,
        projects: Vec<LoadedProject>,
    ) -> Result<Vec<LoadedProject>> {
        let Some(key) = &self.taskforce else {
            return Ok(projects);
        };
        let tf = settings.taskforce(key).ok_or_else(|| {
            anyhow!(
                "--taskforce: unknown task force \"{key}\": expected one of {}",
                settings.taskforce_keys()
            )
        })?;
        Ok(projects
            .into_iter()
            .filter(|lp| lp.procedures().iter().any(|p| &p.taskforce == key))
            .map(|mut lp| {
                lp.retain_procedures(|p| &p.taskforce == key);
                lp.problems
                    .retain(|p| p.unit == tf.lead || p.unit == tf.name);
                lp
            })
            .collect())
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
    let mut ledgers = g.ledger.into_iter();
    let ctx = Ctx {
        ledger: ledgers.next(),
        today,
        format: g.format,
        lang: g.lang,
        more_ledgers: ledgers.collect(),
        taskforce: g.taskforce,
    };
    let (report, weekly) = match &cli.command {
        Command::Report(ReportCommand::Weekly(_)) => (true, true),
        Command::Report(_) | Command::List | Command::Problem(ProblemCommand::List(_)) => {
            (true, false)
        }
        _ => (false, false),
    };
    if !ctx.more_ledgers.is_empty() && !report {
        bail!(
            "-L was given {} times: only list, reports and `problem list` cover several ledgers; give one ledger for this command",
            ctx.more_ledgers.len() + 1
        );
    }
    let shows = matches!(cli.command, Command::Show(_));
    if ctx.taskforce.is_some() && (!(report || shows) || matches!(cli.command, Command::Problem(_)))
    {
        bail!("--taskforce applies to list, show and reports only");
    }
    if ctx.format == Format::Html && !weekly {
        bail!(
            "--format html is only for `taizhang report weekly`; use table, csv, json or markdown"
        );
    }
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
        Command::Report(ReportCommand::Weekly(a)) => report::weekly(&ctx, a),
        Command::Report(ReportCommand::Taskforce) => report::taskforce(&ctx),
        Command::Plan(a) => progress::plan(&ctx, a),
        Command::Progress(a) => progress::progress(&ctx, a),
        Command::Problem(ProblemCommand::Add(a)) => progress::problem_add(&ctx, a),
        Command::Problem(ProblemCommand::Resolve(a)) => progress::problem_resolve(&ctx, a),
        Command::Problem(ProblemCommand::List(a)) => progress::problem_list(&ctx, a),
    }
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
