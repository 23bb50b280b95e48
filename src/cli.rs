//! The command line: one clap-derive `Command` enum; each variant's doc
//! comment is its help text. Values that a clerk types (IDs, dates, amounts)
//! arrive as text and are checked by the commands, so a bad value is a
//! one-line error with exit status 1, not a usage error.

use crate::model::{Lang, PledgeKind};
use crate::report::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// taizhang (台账): the procedure ledger of a county's major investment
/// projects, over plain TOML and CSV files kept in git.
#[derive(Debug, Parser)]
#[command(
    name = "taizhang",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Args)]
pub struct Global {
    /// Ledger directory [default: the nearest folder above holding ledger.toml]
    #[arg(
        short = 'L',
        long = "ledger",
        global = true,
        env = "TAIZHANG_LEDGER",
        value_name = "DIR"
    )]
    pub ledger: Option<PathBuf>,
    /// The date to act and report as of, YYYY-MM-DD [default: the system date]
    #[arg(long, global = true, env = "TAIZHANG_TODAY", value_name = "DATE")]
    pub today: Option<String>,
    /// Output format of read commands
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Label language [default: `lang` in ledger.toml]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Commit each change to git: one commit of exactly the files it changed
    /// [default: `auto_commit` in ledger.toml]
    #[arg(long, global = true)]
    pub commit: bool,
    /// Read the ledger as it stood at a past git commit (read commands only),
    /// e.g. HEAD~3, a commit hash or a tag
    #[arg(long, global = true, value_name = "REV")]
    pub at: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger: a commented ledger.toml with the seven task forces,
    /// project types and procedure catalogue. Refuses to overwrite one.
    Init(InitArgs),
    /// Open a project and build its task list (任务清单) from the catalogue.
    Open(OpenArgs),
    /// List the projects with their procedure counts.
    List,
    /// Show one project with its procedures, status, dates and pledges.
    Show(ShowArgs),
    /// Record a procedure as obtained (办结); fulfils its pledge if it had one.
    Tick(TickArgs),
    /// Record a procedure as granted on a commitment (容缺 / 告知承诺).
    Pledge(PledgeArgs),
    /// Record a commitment as made good: the missing items were supplied.
    Fulfil(FulfilArgs),
    /// Set the date by which a procedure should be obtained (时间节点).
    Due(DueArgs),
    /// Record that works started (开工).
    Start(StartArgs),
    /// Check the whole ledger and print every problem; exit 1 if any.
    Check,
    /// Print a report.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Work with git: set up the merge driver for the procedure ledgers.
    #[command(subcommand)]
    Git(GitCommand),
    /// The merge driver git runs on procedures.csv (see `taizhang git setup`).
    ///
    /// Merges BASE, OURS and THEIRS row by row on the procedure key and cell
    /// by cell into OURS. A cell changed two ways is written as the row twice
    /// between git's conflict markers, and the exit status is 1.
    MergeCsv(MergeCsvArgs),
    /// The ledger's history from git: who changed what, and when; of one
    /// project when ID is given.
    Log(LogArgs),
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Project ID
    pub id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Register the merge driver for procedures.csv in this repository's
    /// own git config (.git/config) and write .gitattributes.
    Setup,
}

#[derive(Debug, Args)]
pub struct MergeCsvArgs {
    /// The common ancestor's version (git's %O)
    pub base: PathBuf,
    /// Our version, replaced by the merge (git's %A)
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
    /// The file's path in the repository, for messages (git's %P)
    pub path: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory of the new ledger [default: -L, else the current directory]
    pub dir: Option<PathBuf>,
    /// Name of the ledger [default: the directory's name]
    #[arg(long)]
    pub name: Option<String>,
    /// Administrative region code, 6 digits (台前县 = 410927)
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Project ID: a short slug such as shengrun-hq (also its folder name)
    pub id: String,
    /// Project name (项目名称)
    #[arg(long)]
    pub name: String,
    /// Project type: key or Chinese name from ledger.toml, e.g. chemical or 化工
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: String,
    /// Project owner (项目单位)
    #[arg(long, value_name = "ORG")]
    pub owner: Option<String>,
    /// Township or sub-district (乡镇/街道)
    #[arg(long, value_name = "T")]
    pub township: Option<String>,
    /// National project code (项目代码), YYYY-RRRRRR-DD-TT-NNNNNN
    #[arg(long, value_name = "NATIONAL_CODE")]
    pub code: Option<String>,
    /// Total investment in 万元, e.g. 35000 or 3500.5
    #[arg(long, value_name = "AMOUNT")]
    pub investment: Option<String>,
    /// Planned start of works (计划开工), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub planned_start: Option<String>,
    /// Add a catalogue procedure the type does not list (repeatable)
    #[arg(long = "with", value_name = "KEY")]
    pub with: Vec<String>,
    /// Mark a listed procedure as not needed (repeatable)
    #[arg(long = "without", value_name = "KEY")]
    pub without: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Project ID
    pub id: String,
}

#[derive(Debug, Args)]
pub struct TickArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key (eia) or Chinese name (环评批复)
    pub procedure: String,
    /// Date obtained [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Document number of the approval (批复文号)
    #[arg(long, value_name = "NUMBER")]
    pub doc: Option<String>,
    /// A note to add to the row
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct PledgeArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key or Chinese name
    pub procedure: String,
    /// Commitment deadline (承诺时限): the last day to supply what is missing
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Kind of commitment: tolerance (容缺受理) or notify (告知承诺)
    #[arg(long, value_enum)]
    pub kind: Option<PledgeKind>,
    /// What is missing and promised (承诺补齐事项)
    #[arg(long, value_name = "TEXT")]
    pub items: Option<String>,
    /// Date the commitment was accepted [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct FulfilArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key or Chinese name
    pub procedure: String,
    /// Date the missing items were supplied [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key or Chinese name
    pub procedure: String,
    /// The last day by which it should be obtained, YYYY-MM-DD
    pub date: String,
}

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Project ID
    pub id: String,
    /// Date works started [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Every overdue item, most overdue first: pledges past their deadline,
    /// procedures past their due date, projects past their planned start.
    Overdue,
    /// Projects lit red or yellow for slow progress, with every reason.
    Slow(SlowArgs),
}

#[derive(Debug, Args)]
pub struct SlowArgs {
    /// Include green projects
    #[arg(long)]
    pub all: bool,
}
