//! One file per command: each loads what it needs, applies the rule, saves
//! and renders, nothing else. This module holds what they share: the
//! context built from the global options, and the checks of values a clerk
//! types on the command line.

mod apply;
mod check;
mod export;
mod import;
mod init;
mod list;
mod open;
mod record;
mod report;
mod shell;
mod show;

use crate::cli::{Cli, Command, ReportCommand};
use crate::model::{Date, Lang, ProjectId, Settings, parse_date};
use crate::report::{Format, Table, render};
use crate::store::Ledger;
use crate::store::procedures_file::ProcedureTable;
use anyhow::{Result, anyhow, bail};
use std::path::PathBuf;

/// Output written straight to stdout, for reports too large to hold twice.
pub type Stream = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>>;

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
    pub ledger: Option<PathBuf>,
    pub today: Date,
    pub format: Format,
    pub lang: Option<Lang>,
    /// Colour allowed in terminal tables (see `--color`).
    pub color: bool,
}

impl Ctx {
    pub fn open_ledger(&self) -> Result<Ledger> {
        Ledger::open(Ledger::locate(self.ledger.as_deref())?)
    }

    pub fn lang(&self, settings: &Settings) -> Lang {
        self.lang.unwrap_or(settings.lang)
    }

    /// Renders a report: JSON from the value (streamed), else its table,
    /// or the friendly `empty` line when a terminal table would be empty.
    pub fn render<T: serde::Serialize + 'static>(
        &self,
        value: T,
        table: impl FnOnce(&T) -> Table,
        empty: impl FnOnce(&T) -> String,
    ) -> Output {
        match self.format {
            Format::Json => Output {
                stream: Some(render::json_stream(value)),
                ..Output::ok("")
            },
            f => {
                let table = table(&value);
                Output::ok(if f == Format::Table && table.rows.is_empty() {
                    empty(&value)
                } else {
                    table.render_color(f, self.color)
                })
            }
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
    let ctx = Ctx {
        ledger: g.ledger,
        today,
        format: g.format,
        lang: g.lang,
        color: g.color.enabled(),
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
        Command::Report(ReportCommand::Overdue(a)) => report::overdue(&ctx, a),
        Command::Report(ReportCommand::Slow(a)) => report::slow(&ctx, a),
        Command::Apply(a) => apply::run(&ctx, a),
        Command::Completions(a) => shell::completions(a),
        Command::Man => shell::man(),
        Command::Export(a) => export::run(&ctx, a),
        Command::Import(crate::cli::ImportCommand::Tasks(a)) => import::tasks(&ctx, a),
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
