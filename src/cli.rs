//! The command line: one clap-derive `Command` enum; each variant's doc
//! comment is its help text. Values that a clerk types (IDs, dates, amounts)
//! arrive as text and are checked by the commands, so a bad value is a
//! one-line error with exit status 1, not a usage error.

use crate::model::{Lang, PledgeKind};
use crate::report::Format;
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};

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
    /// Ledger directory [default: the nearest folder above holding ledger.toml];
    /// give it more than once for a report over several ledgers (roll-up)
    #[arg(
        short = 'L',
        long = "ledger",
        global = true,
        env = "TAIZHANG_LEDGER",
        value_name = "DIR"
    )]
    pub ledger: Vec<PathBuf>,
    /// The date to act and report as of, YYYY-MM-DD [default: the system date]
    #[arg(long, global = true, env = "TAIZHANG_TODAY", value_name = "DATE")]
    pub today: Option<String>,
    /// Output format of read commands
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Label language [default: `lang` in ledger.toml]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Only one task force's procedures (list, show and reports), e.g. land
    #[arg(long, global = true, value_name = "KEY")]
    pub taskforce: Option<String>,
    /// Only the procedures one authority issues (审批部门), and the problems
    /// it is responsible for (list, show, reports and export), e.g.
    /// 县发展和改革委员会
    #[arg(long, global = true, value_name = "NAME")]
    pub authority: Option<String>,
    /// Colour in terminal tables: auto (only on a terminal), always or never;
    /// never when NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
    /// Commit each change to git: one commit of exactly the files it changed
    /// [default: `auto_commit` in ledger.toml]
    #[arg(long, global = true)]
    pub commit: bool,
    /// Read the ledger as it stood at a past git commit (read commands only),
    /// e.g. HEAD~3, a commit hash or a tag
    #[arg(long, global = true, value_name = "REV")]
    pub at: Option<String>,
    /// Read every project's files, not the cache of parsed projects that
    /// reports keep in .taizhang/cache (check never uses it)
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// Which projects `list`, the reports and `export` cover, and the order of
/// their tables.
#[derive(Debug, Args, Default, Clone)]
pub struct Filter {
    /// Only projects of this township (乡镇/街道), e.g. 侯庙镇
    #[arg(long, value_name = "T")]
    pub township: Option<String>,
    /// Only projects of this type: key or Chinese name, e.g. chemical or 化工
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only projects at this stage (repeatable): preparing, building,
    /// completed, producing, suspended, cancelled (or 前期, 在建, 竣工, 投产,
    /// 暂缓, 终止)
    #[arg(long, value_name = "STAGE")]
    pub stage: Vec<String>,
    /// Only projects whose ID, name or owner holds TEXT, e.g. 盛润
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Order the table by a column, named by its header (e.g. investment,
    /// 总投资, overdue): numbers largest first, dates and text in order
    #[arg(long, value_name = "FIELD")]
    pub sort: Option<String>,
}

/// When to colour terminal tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour when standard output is a terminal.
    Auto,
    /// Colour even into a pipe or file.
    Always,
    /// No colour.
    Never,
}

impl ColorWhen {
    /// Whether to colour: never with NO_COLOR set to anything but "" (see
    /// no-color.org), else as asked.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return false;
        }
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => std::io::stdout().is_terminal(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger: a commented ledger.toml with the seven task forces,
    /// project types and procedure catalogue. Refuses to overwrite one.
    Init(InitArgs),
    /// Open a project and build its task list (任务清单) from the catalogue.
    Open(Box<OpenArgs>),
    /// List the projects with their stage and procedure counts.
    List(ListArgs),
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
    /// Check the whole ledger and print every problem.
    ///
    /// Errors (a file that cannot be read, a value that cannot be parsed, an
    /// impossible state such as a date after today) exit 1; warnings (unusual
    /// but possible, e.g. works started before a procedure was obtained —
    /// 未批先建) are printed with `warning:` and exit 0 unless
    /// --deny-warnings.
    Check(CheckArgs),
    /// Put a procedure back to pending: clears its application, obtained
    /// date, document number and pledge (a wrong tick, 撤销).
    Undo(UndoArgs),
    /// Correct fields of a procedure row in its current state, e.g. a wrong
    /// date or document number; a field that makes no sense in that state is
    /// refused.
    ///
    /// --date is the day obtained (or, for an open pledge, the pledge day);
    /// --due is the due date (or, for an open pledge, its deadline: a
    /// typo, not an extension — see `extend`).
    Edit(EditArgs),
    /// Extend a pledge's deadline (延期): the first deadline and the number
    /// of extensions are kept.
    Extend(ExtendArgs),
    /// Add catalogue procedures to a project's task list after `open`, as
    /// pending (or bring back one marked not needed).
    Require(RequireArgs),
    /// Mark procedures as not needed on a project (不需办理), with the
    /// reason, e.g. covered by the development zone's regional assessment
    /// (区域评估); the rows stay on the list.
    Waive(WaiveArgs),
    /// Print a report.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Record that a procedure was applied for (申报) and set its due date.
    ///
    /// The due date is the catalogue's time limit counted from the
    /// application day, in calendar days ("30d") or working days ("20wd":
    /// weekends and official holidays skipped, make-up working days counted).
    Apply(ApplyArgs),
    /// Print a shell completion script, e.g.
    /// `taizhang completions bash > /etc/bash_completion.d/taizhang`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `taizhang man | man -l -`.
    Man,
    /// Export a report or the procedure ledger for Excel or WPS.
    ///
    /// An .xlsx workbook (`--output FILE.xlsx`: real dates, frozen header) or
    /// CSV for Excel (`--output FILE.csv`, or `--for-excel` alone for standard
    /// output: UTF-8 with BOM, cells starting with = + - @ neutralised).
    Export(ExportArgs),
    /// Import from a sheet kept in Excel or WPS.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Set a project's annual planned investment (年度计划投资) for a year.
    Plan(PlanArgs),
    /// Record a project's progress (进度台账): investment completed to date
    /// and the physical progress (形象进度).
    Progress(ProgressArgs),
    /// The problem ledger (问题台账): problems, responsible units, time limits.
    #[command(subcommand)]
    Problem(ProblemCommand),
    /// Record money for a project (资金使用台账): planned (计划), received
    /// (到位) or paid out (支付), in 万元, from a source listed in
    /// `[funds] sources` of ledger.toml.
    Funds(FundsArgs),
    /// Name a task force's leader on duty (带班领导) in ledger.toml, shown by
    /// `report taskforce`; an empty NAME removes it.
    Leader(LeaderArgs),
    /// Dispatch meetings (调度会) and their decisions (议定事项).
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// Record a site visit (现场督导) to a project; with --problem, its
    /// findings open a problem in the problem ledger in the same step.
    Visit(VisitArgs),
    /// Work with git: set up the merge driver for the ledger files.
    #[command(subcommand)]
    Git(GitCommand),
    /// The merge driver git runs on a project's files (see `taizhang git setup`).
    ///
    /// Merges BASE, OURS and THEIRS into OURS: procedures.csv, progress.csv
    /// and problems.csv row by row on their key (procedure, date, number)
    /// and cell by cell; project.toml key by key, keeping comments. A cell
    /// or key changed two ways is written twice between git's conflict
    /// markers, and the exit status is 1. `merge-csv` is its former name.
    #[command(name = "merge-file", alias = "merge-csv")]
    MergeCsv(MergeCsvArgs),
    /// Print the procedure catalogue (手续目录) of ledger.toml: each
    /// procedure's key, Chinese name, task force, the project types that need
    /// it and its time limit.
    Catalogue,
    /// The ledger's history from git: who changed what, and when; of one
    /// project when ID is given.
    Log(LogArgs),
    /// Change a project's fields in project.toml (comments and key order
    /// kept). An empty value removes an optional field. A new type adds,
    /// as pending, the procedures it needs that the task list lacks, and
    /// removes nothing.
    Set(Box<SetArgs>),
    /// Change a project's ID (its folder): `git mv` in a git repository, so
    /// `taizhang log NEW` still shows its earlier history.
    Rename(RenameArgs),
    /// Record a change of a project's stage (项目阶段): completed (竣工),
    /// producing (投产), suspended (暂缓) or cancelled (终止), the last two
    /// with --reason; back to building (or preparing, if works never
    /// started) after a suspension. Works starting (在建) is `taizhang start`.
    /// `--undo` takes back the last change recorded.
    Stage(StageArgs),
    /// Restore ledger files that Excel or WPS saved: UTF-8, LF, ISO dates.
    ///
    /// Rewrites procedures.csv, progress.csv and problems.csv of the given
    /// projects (all when none is given) in the form taizhang writes: GBK or
    /// a byte-order mark → UTF-8, CRLF → LF, 2026/3/20 or 2026年3月20日 →
    /// 2026-03-20, empty trailing columns and rows removed, columns in the
    /// ledger's order (unknown columns kept after them), listing every cell
    /// it changes. A date that reads two ways (03/04/2024) or a number Excel
    /// shortened (3.5E+04) is reported with its cell and left for you: that
    /// file is not rewritten, and the exit status is 1.
    Fix(FixArgs),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Project ID
    pub id: String,
    /// Project name (项目名称)
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// Project owner (项目单位)
    #[arg(long, value_name = "ORG")]
    pub owner: Option<String>,
    /// Township or sub-district (乡镇/街道)
    #[arg(long, value_name = "T")]
    pub township: Option<String>,
    /// National project code (项目代码), YYMM-RRRRRR-DD-TT-NNNNNN
    #[arg(long, value_name = "NATIONAL_CODE")]
    pub code: Option<String>,
    /// Total investment in 万元, e.g. 35000 or 3500.5
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub investment: Option<String>,
    /// Planned start of works (计划开工), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub planned_start: Option<String>,
    /// Project type: key or Chinese name from ledger.toml
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// The day works started (开工), to correct a date recorded wrong; ""
    /// when works have not started after all
    #[arg(long, value_name = "DATE")]
    pub started: Option<String>,
    #[command(flatten)]
    pub people: PeopleArgs,
    /// The facts that decide the task list; a change re-derives it (an
    /// empty value removes a fact)
    #[command(flatten)]
    pub facts: FactArgs,
}

impl SetArgs {
    /// The fields given, by flag, in the order `set` applies them.
    pub fn given(&self) -> Vec<(&'static str, &str)> {
        [
            ("--name", &self.name),
            ("--owner", &self.owner),
            ("--township", &self.township),
            ("--code", &self.code),
            ("--investment", &self.investment),
            ("--planned-start", &self.planned_start),
            ("--type", &self.kind),
            ("--started", &self.started),
            ("--leader", &self.people.leader),
            ("--unit", &self.people.unit),
            ("--person", &self.people.person),
            ("--person-phone", &self.people.person_phone),
            ("--contact", &self.people.contact),
            ("--contact-phone", &self.people.contact_phone),
            ("--land", &self.facts.land),
            ("--investment-nature", &self.facts.investment_nature),
            ("--hazchem", &self.facts.hazchem),
            ("--eia", &self.facts.eia),
            ("--relics-found", &self.facts.relics_found),
            ("--zone", &self.facts.zone),
        ]
        .into_iter()
        .filter_map(|(flag, v)| v.as_deref().map(|v| (flag, v)))
        .collect()
    }
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The project's present ID
    pub old: String,
    /// Its new ID: a short slug, not yet used in the ledger
    pub new: String,
}

#[derive(Debug, Args)]
pub struct StageArgs {
    /// Project ID
    pub id: String,
    /// The new stage: completed, producing, suspended, cancelled, building
    /// or preparing (or 竣工, 投产, 暂缓, 终止, 在建, 前期)
    #[arg(required_unless_present = "undo")]
    pub stage: Option<String>,
    /// The day the stage began [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Why (required for suspended and cancelled), e.g. "资金未到位"
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Take back the last change of stage recorded (a mistake), so it can
    /// be recorded again as it happened
    #[arg(long, conflicts_with_all = ["stage", "date", "reason"])]
    pub undo: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Project ID
    pub id: String,
    /// The plan year, e.g. 2024
    #[arg(long, value_name = "YYYY")]
    pub year: String,
    /// Planned investment for that year in 万元, e.g. 12000
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub amount: String,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Project ID
    pub id: String,
    /// Investment completed to date (累计完成投资) in 万元, e.g. 4200
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub invested: String,
    /// Date of the entry [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Physical progress (形象进度), e.g. "主体结构封顶"
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProblemCommand {
    /// Record a problem of a project with its responsible unit and time limit.
    Add(ProblemAddArgs),
    /// Record a problem as resolved, and how.
    Resolve(ProblemResolveArgs),
    /// List the problems of every project, by project and number.
    List(ProblemListArgs),
    /// Take a problem a level up (逐级上报): to the coordination mechanism's
    /// office or to the county government's leaders.
    Escalate(ProblemEscalateArgs),
    /// Issue a supervision order (督办) on a problem, with its own deadline.
    Order(ProblemOrderArgs),
}

#[derive(Debug, Args)]
pub struct ProblemEscalateArgs {
    /// Project ID
    pub id: String,
    /// Problem number (see `taizhang problem list`)
    pub no: String,
    /// The level it goes to: mechanism (协调机制办公室) or leader (县政府领导)
    #[arg(long, value_enum)]
    pub to: crate::model::Level,
    /// Date of the step [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Why and how it was taken up, e.g. "专班协调未果，提请协调机制办公室"
    #[arg(long, value_name = "TEXT")]
    pub note: String,
}

#[derive(Debug, Args)]
pub struct ProblemOrderArgs {
    /// Project ID
    pub id: String,
    /// Problem number (see `taizhang problem list`)
    pub no: String,
    /// The order's number (督办单号), e.g. 台督〔2024〕12号
    #[arg(long = "no", value_name = "NUMBER")]
    pub order_no: String,
    /// The last day to act on the order, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// Date the order was issued [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct FundsArgs {
    /// Project ID
    pub id: String,
    /// Source of the money, from `[funds] sources`, e.g. 专项债券
    #[arg(long, value_name = "SOURCE")]
    pub source: String,
    /// Money received (到位), in 万元
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        group = "fund_kind"
    )]
    pub received: Option<String>,
    /// Money paid out (支付), in 万元
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        group = "fund_kind"
    )]
    pub paid: Option<String>,
    /// Money planned (计划), in 万元
    #[arg(
        long,
        value_name = "AMOUNT",
        allow_hyphen_values = true,
        group = "fund_kind"
    )]
    pub planned: Option<String>,
    /// Date of the entry [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note, e.g. the batch or the voucher number
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct LeaderArgs {
    /// Task force key, e.g. land
    #[arg(value_name = "TASKFORCE")]
    pub key: String,
    /// The leader on duty, e.g. "副县长 王磊"
    pub name: String,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Record a dispatch meeting: writes meetings/<DATE>.toml.
    Add(MeetingAddArgs),
    /// Record a decision (议定事项) of the meeting held on DATE.
    Decide(MeetingDecideArgs),
    /// Record a decision as carried out, and how.
    Resolve(MeetingResolveArgs),
    /// List the decisions of every meeting with their state.
    List(MeetingListArgs),
}

#[derive(Debug, Args)]
pub struct MeetingAddArgs {
    /// Day of the meeting, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Title, e.g. 第12次重大项目调度会
    #[arg(long, value_name = "TEXT")]
    pub title: String,
}

#[derive(Debug, Args)]
pub struct MeetingDecideArgs {
    /// Day of the meeting, YYYY-MM-DD
    pub date: String,
    /// What was decided
    #[arg(long, value_name = "TEXT")]
    pub what: String,
    /// Responsible unit (责任单位)
    #[arg(long, value_name = "UNIT")]
    pub unit: String,
    /// The last day to carry it out, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// The project it concerns
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeetingResolveArgs {
    /// Day of the meeting, YYYY-MM-DD
    pub date: String,
    /// Decision number (1, 2, 3… per meeting)
    pub no: String,
    /// How it was carried out
    #[arg(long, value_name = "TEXT")]
    pub how: String,
    /// Date carried out [default: today]
    #[arg(long = "on", value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct MeetingListArgs {
    /// Only decisions still open
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct VisitArgs {
    /// Project ID
    pub id: String,
    /// Day of the visit [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The team that went (督导组), e.g. 县督导服务专班第二组
    #[arg(long, value_name = "TEAM")]
    pub by: String,
    /// What the team found
    #[arg(long, value_name = "TEXT")]
    pub findings: String,
    /// Open a problem from the findings (needs --unit and --limit)
    #[arg(long, requires_all = ["unit", "limit"])]
    pub problem: bool,
    /// Responsible unit of the problem (责任单位)
    #[arg(long, value_name = "UNIT", requires = "problem")]
    pub unit: Option<String>,
    /// Time limit of the problem (解决时限), YYYY-MM-DD
    #[arg(long, value_name = "DATE", requires = "problem")]
    pub limit: Option<String>,
    /// Category of the problem, from `[problems] categories`
    #[arg(long, value_name = "CATEGORY", requires = "problem")]
    pub category: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProblemAddArgs {
    /// Project ID
    pub id: String,
    /// What the problem is
    #[arg(long, value_name = "TEXT")]
    pub what: String,
    /// Responsible unit (责任单位), e.g. 县自然资源局
    #[arg(long, value_name = "UNIT")]
    pub unit: String,
    /// Time limit to resolve it (解决时限), YYYY-MM-DD: the last allowed day
    #[arg(long, value_name = "DATE")]
    pub limit: String,
    /// Date the problem was raised [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Category (问题类别) from `[problems] categories`, e.g. 用地
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// The procedure the problem holds up: catalogue key or Chinese name
    #[arg(long, value_name = "PROCEDURE")]
    pub procedure: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProblemResolveArgs {
    /// Project ID
    pub id: String,
    /// Problem number (1, 2, 3… per project; see `taizhang problem list`)
    pub no: String,
    /// Date resolved [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// How it was resolved
    #[arg(long, value_name = "TEXT")]
    pub how: String,
}

#[derive(Debug, Args)]
pub struct ProblemListArgs {
    #[command(flatten)]
    pub filter: Filter,
    /// Only problems still open
    #[arg(long)]
    pub open: bool,
    /// Only problems handled at this level (as of --today, the automatic
    /// escalation rule included)
    #[arg(long, value_enum)]
    pub level: Option<crate::model::Level>,
    /// Only problems of this category, e.g. 用地
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// Only problems of this responsible unit
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Only problems past their time limit or their supervision order's due day
    #[arg(long)]
    pub overdue: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Project ID
    pub id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Register the merge driver for the ledger files in this repository's
    /// own git config (.git/config), by command name on the PATH, and
    /// write .gitattributes.
    Setup,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// Project IDs [default: every project]
    pub ids: Vec<String>,
    /// Show what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
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
    /// National project code (项目代码), YYMM-RRRRRR-DD-TT-NNNNNN (YYMM: the
    /// year and month the code was issued, 赋码年月)
    #[arg(long, value_name = "NATIONAL_CODE")]
    pub code: Option<String>,
    /// Total investment in 万元, e.g. 35000 or 3500.5
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub investment: Option<String>,
    /// Planned start of works (计划开工), YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub planned_start: Option<String>,
    #[command(flatten)]
    pub facts: FactArgs,
    /// Add a catalogue procedure the type does not list (repeatable)
    #[arg(long = "with", value_name = "KEY")]
    pub with: Vec<String>,
    /// Mark a listed procedure as not needed (repeatable)
    #[arg(long = "without", value_name = "KEY")]
    pub without: Vec<String>,
    #[command(flatten)]
    pub people: PeopleArgs,
}

/// Who answers for a project (`open`, and the command that edits a
/// project's fields). An empty value clears the field.
#[derive(Debug, Args, Default, Clone)]
pub struct PeopleArgs {
    /// County leader in charge (包联县领导), e.g. 李明
    #[arg(long, value_name = "NAME")]
    pub leader: Option<String>,
    /// Responsible unit (责任单位), e.g. 县发展和改革委员会
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Responsible person (责任人), e.g. 张伟
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Responsible person's phone: mobile 13903931234 or landline 0393-1234567
    #[arg(long, value_name = "PHONE")]
    pub person_phone: Option<String>,
    /// The owner's contact (项目单位联系人)
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    /// The owner's contact's phone
    #[arg(long, value_name = "PHONE")]
    pub contact_phone: Option<String>,
}

/// The facts about a project that decide its task list beside its type
/// (see the `when` conditions of ledger.toml's catalogue).
#[derive(Debug, Args, Default)]
pub struct FactArgs {
    /// Land supply (供地方式): transfer (出让), allocation (划拨), own
    /// (自有用地) or none (不新增用地)
    #[arg(long, value_name = "HOW")]
    pub land: Option<String>,
    /// Investment nature (投资性质): government (政府投资, 审批), sanction
    /// (企业投资核准) or filing (企业投资备案)
    #[arg(long, value_name = "NATURE")]
    pub investment_nature: Option<String>,
    /// Hazardous chemicals (危化): yes or no
    #[arg(long, value_name = "YES|NO")]
    pub hazchem: Option<String>,
    /// EIA category (环评类别): report (报告书), table (报告表), register
    /// (登记表) or none
    #[arg(long, value_name = "CATEGORY")]
    pub eia: Option<String>,
    /// Relics found by the archaeological survey (发现文物): yes or no
    #[arg(long, value_name = "YES|NO")]
    pub relics_found: Option<String>,
    /// Development zone (开发区) the project lies in: a `[[zone]]` key of
    /// ledger.toml, whose regional assessment (区域评估) waives procedures
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
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
pub struct CheckArgs {
    /// Exit 1 on warnings too, e.g. in a pre-commit hook
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key or Chinese name
    pub procedure: String,
    /// Why it is undone (added to the row's note)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key or Chinese name
    pub procedure: String,
    /// The day obtained; for an open pledge, the day it was granted
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Document number of the approval (批复文号)
    #[arg(long, value_name = "NUMBER")]
    pub doc: Option<String>,
    /// The day it was applied for (申报)
    #[arg(long, value_name = "DATE")]
    pub applied: Option<String>,
    /// The due date (时间节点); for an open pledge, its deadline
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The items a pledge promises to supply (承诺补齐事项)
    #[arg(long, value_name = "TEXT")]
    pub items: Option<String>,
    /// The row's note, replaced
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExtendArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key or Chinese name
    pub procedure: String,
    /// The new deadline, later than the current one
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Why the deadline was extended (added to the row's note)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct RequireArgs {
    /// Project ID
    pub id: String,
    /// Procedures: catalogue keys or Chinese names
    #[arg(required = true, value_name = "PROCEDURE")]
    pub procedures: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WaiveArgs {
    /// Project ID
    pub id: String,
    /// Procedures: catalogue keys or Chinese names on the task list
    #[arg(required = true, value_name = "PROCEDURE")]
    pub procedures: Vec<String>,
    /// Why they are not needed, e.g. "covered by the zone's 区域评估"
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
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
    Overdue(OverdueArgs),
    /// Projects lit red or yellow for slow progress, with every reason.
    Slow(SlowArgs),
    /// The weekly bulletin (简报) for the week (Monday–Sunday) holding
    /// --week-of: markdown (default), --format html (one self-contained
    /// file) or json. Counts the ledger as it stood at the end of that week
    /// (or today, if earlier).
    Weekly(WeeklyArgs),
    /// The bulletin (简报) for the county leaders, with its issue number
    /// (期号): a week (--week-of, the default), a month (--month) or any
    /// period (--from, --to), counted as of the period's end (or today, if
    /// earlier). Markdown (default), --format html, json, or --format docx
    /// --output FILE.docx (a Word document in the official layout).
    /// --publish keeps it in the ledger as bulletins/<year>-<no>.<ext>;
    /// without it the bulletin is a draft (征求意见稿) with the number it
    /// would get. --taskforce KEY gives a task force's own 通报, --township
    /// a township's.
    Bulletin(BulletinArgs),
    /// Procedures per task force (手续办理调度台账): total, obtained,
    /// pledged, pending and overdue.
    Taskforce(TaskforceArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: Filter,
}

#[derive(Debug, Args)]
pub struct TaskforceArgs {
    #[command(flatten)]
    pub filter: Filter,
}

#[derive(Debug, Args)]
pub struct BulletinArgs {
    /// The week (Monday–Sunday) holding this day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", conflicts_with_all = ["month", "from", "to"])]
    pub week_of: Option<String>,
    /// A calendar month, YYYY-MM (月报)
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    pub month: Option<String>,
    /// First day of a custom period, YYYY-MM-DD (with --to)
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last day of a custom period, YYYY-MM-DD (with --from)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// Only the projects of this township (乡镇/街道): its own bulletin
    #[arg(long, value_name = "NAME")]
    pub township: Option<String>,
    /// Keep the bulletin in the ledger (bulletins/<year>-<no>.<ext>) under
    /// the next issue number of its year; commits with --commit or
    /// auto_commit
    #[arg(long)]
    pub publish: bool,
    /// Write the bulletin to this file instead of stdout (needed for docx)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct WeeklyArgs {
    #[command(flatten)]
    pub filter: Filter,
    /// A day of the week to report on, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub week_of: Option<String>,
}

#[derive(Debug, Args)]
pub struct SlowArgs {
    #[command(flatten)]
    pub filter: Filter,
    /// Include green projects
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Project ID
    pub id: String,
    /// Procedure: catalogue key (eia) or Chinese name (环评批复)
    pub procedure: String,
    /// Date the application was filed [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub filter: Filter,
    /// Exit with status 3 when anything is overdue (for cron scripts)
    #[arg(long)]
    pub exit_code: bool,
}

/// What `taizhang export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportWhat {
    /// The overdue report (逾期清单).
    Overdue,
    /// The projects lit red or yellow (进度滞后亮灯).
    Slow,
    /// The project list with procedure counts (项目清单).
    List,
    /// Every procedure row of every project (前期手续台账).
    Procedures,
    /// Every problem of every project (问题台账).
    Problems,
    /// Every progress entry of every project (项目进度台账).
    Progress,
    /// Every funds entry of every project (资金使用台账).
    Funds,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: Filter,
    /// What to export
    #[arg(value_enum)]
    pub what: ExportWhat,
    /// File to write: .xlsx for a workbook, .csv for CSV for Excel
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV for Excel and WPS: UTF-8 with a byte-order mark, formulas neutralised
    #[arg(long)]
    pub for_excel: bool,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
    /// Put a title row above the header of an .xlsx sheet, with the as-of
    /// date (frozen header and filter kept) [default title: the ledger's
    /// name and the sheet's]
    #[arg(long, value_name = "TEXT", num_args = 0..=1, default_missing_value = "")]
    pub title: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Open projects and set procedure status from a task sheet saved as CSV.
    ///
    /// The sheet may be UTF-8 (with or without BOM) or GBK/GB18030, as Excel
    /// and WPS save it; the encoding is detected. One row per
    /// project and procedure; columns found by their usual headers (项目,
    /// 项目名称, 类型, 手续, 状态, 办结日期, 批复文号, ...) or named with
    /// --mapping / --column. A project not yet in the ledger is opened (it
    /// needs a name and type; opened on the `opened` column, else on the
    /// earliest date of its rows, else today). Empty cells change nothing; a
    /// value that contradicts the ledger is a bad row. Nothing is written
    /// unless every row is good, and importing the same sheet again changes
    /// nothing.
    Tasks(ImportTasksArgs),
}

#[derive(Debug, Args)]
pub struct ImportTasksArgs {
    /// The sheet, saved from Excel or WPS as CSV
    pub file: PathBuf,
    /// TOML file naming the sheet's columns ([columns] field = "header") and
    /// status words ([status] "已批复" = "obtained")
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Name the column of a field, e.g. --column project_name=项目名称
    /// (repeatable; overrides --mapping)
    #[arg(long, value_name = "FIELD=HEADER")]
    pub column: Vec<String>,
    /// Print what would change and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The language of messages and help, decided before the command line is
/// parsed (the help is printed by the parser): `--lang` anywhere on the
/// line; else the `lang` of the ledger the command would use (-L, else
/// TAIZHANG_LEDGER, else the nearest folder above holding ledger.toml; a
/// ledger.toml without `lang` is Chinese, as its labels are); else a
/// Chinese locale (LC_ALL, LC_MESSAGES or LANG starting with `zh`); else
/// English.
pub fn prescan_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let value_of = |long: &str, short: Option<&str>| -> Option<String> {
        let mut found = None;
        for (i, a) in args.iter().enumerate() {
            if *a == "--" {
                break;
            }
            if *a == long || Some(*a) == short {
                found = args.get(i + 1).map(|v| v.to_string());
            } else if let Some(v) = a.strip_prefix(long).and_then(|v| v.strip_prefix('=')) {
                found = Some(v.to_string());
            } else if let Some(v) = short
                .and_then(|s| a.strip_prefix(s))
                .filter(|v| !v.is_empty())
            {
                found = Some(v.trim_start_matches('=').to_string());
            }
            if found.is_some() && long == "--ledger" {
                break; // the first -L is the ledger whose settings rule
            }
        }
        found
    };
    if let Some(lang) = value_of("--lang", None).and_then(|v| Lang::parse(&v).ok()) {
        return lang;
    }
    let dir = value_of("--ledger", Some("-L"))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("TAIZHANG_LEDGER").map(PathBuf::from));
    if let Ok(root) = crate::store::Ledger::locate(dir.as_deref())
        && let Some(lang) = settings_lang(&root)
    {
        return lang;
    }
    locale_lang().unwrap_or(Lang::En)
}

/// The language the ledger at `root` sets in its ledger.toml (Chinese
/// when it sets none); `None` when the file cannot be read or its `lang`
/// is not a language.
pub fn settings_lang(root: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(root.join(crate::store::ledger::SETTINGS_FILE)).ok()?;
    let doc = text.parse::<toml_edit::DocumentMut>().ok()?;
    match doc.get("lang").and_then(|v| v.as_str()) {
        None => Some(Lang::Zh),
        Some(v) => Lang::parse(v).ok(),
    }
}

/// Chinese when the locale is (`zh_CN.UTF-8`, `zh`), English when it names
/// another language, `None` when unset.
fn locale_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map(|v| {
            if v.starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            }
        })
}

/// The whole command with its help in `lang`: the doc comments above are
/// the English; the Chinese comes from `help_zh`.
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => crate::help_zh::translate(cmd),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's own consistency checks over the whole command tree: no two
    /// arguments share a name or short flag, every default is a valid
    /// value, and so on.
    #[test]
    fn command_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
