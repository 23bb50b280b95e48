//! The texts taizhang says to a clerk (消息文本): every message, warning and
//! error, in English and Simplified Chinese, in ONE table (`messages!`
//! below). A message is named by its id (`Msg::UnknownProcedure`) and filled
//! with named values (`{text}`); `tr!` does both. The language is chosen
//! once, when the program starts (`--lang`, else the ledger's `lang`, else a
//! `zh_*` locale, else English; see `cli::prescan_lang`; the merge driver
//! takes the language of the ledger its file is in), and read here by
//! whoever speaks. A report speaks the language it is built in: its
//! sentences come from the table too, by `tr_in!(lang, Id, …)`. Short
//! labels of tables and reports (headers, states) live with their reports
//! (`report::labels::pick`); the names of the files' fields for messages
//! are `field`; the Chinese help of the commands lives in `help_zh`.

use crate::model::Lang;
use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

static LANG: AtomicU8 = AtomicU8::new(0);

/// The language messages are given in (English until `set_lang`).
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// Chooses the language of messages for the rest of the run.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::En => 0,
            Lang::Zh => 1,
        },
        Ordering::Relaxed,
    );
}

/// A message in the chosen language with its `{name}` slots filled.
/// A slot with no value is left as it is (the table test forbids that).
pub fn text(id: Msg, args: &[(&str, &dyn Display)]) -> String {
    fill(id.template(lang()), args)
}

/// A message in `lang` (not the chosen language): for a report, which is
/// in the language of the ledger it reports on.
pub fn text_in(lang: Lang, id: Msg, args: &[(&str, &dyn Display)]) -> String {
    fill(id.template(lang), args)
}

/// `template` with each `{name}` replaced by the value named `name`.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The slot names of a template, in order of appearance.
pub fn slots(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// `tr!(Id)` or `tr!(Id, name = value, …)`: the message `Msg::Id` in the
/// chosen language, filled.
#[macro_export]
macro_rules! tr {
    ($id:ident) => {
        $crate::msg::text($crate::msg::Msg::$id, &[])
    };
    ($id:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::msg::text(
            $crate::msg::Msg::$id,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// `tr_in!(lang, Id)` or `tr_in!(lang, Id, name = value, …)`: the message
/// `Msg::Id` in `lang`, filled (reports speak the language they are in).
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $id:ident) => {
        $crate::msg::text_in($lang, $crate::msg::Msg::$id, &[])
    };
    ($lang:expr, $id:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::msg::text_in(
            $lang,
            $crate::msg::Msg::$id,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// "a, b or c" / "a、b 或 c".
pub fn one_of(items: &[String]) -> String {
    let (sep, or) = match lang() {
        Lang::En => (", ", " or "),
        Lang::Zh => ("、", " 或 "),
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{or}{last}", init.join(sep)),
    }
}

/// The separator of a list in running text: ", " / "，".
pub fn list_separator() -> &'static str {
    match lang() {
        Lang::En => ", ",
        Lang::Zh => "，",
    }
}

/// An error of the operating system (a file not found, no permission) in
/// the chosen language: std's own words in English, the message table's
/// in Chinese for the kinds a clerk meets (std's words otherwise).
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang() == Lang::En {
        return e.to_string();
    }
    let id = match e.kind() {
        K::NotFound => Msg::IoNotFound,
        K::PermissionDenied => Msg::IoPermissionDenied,
        K::AlreadyExists => Msg::IoAlreadyExists,
        K::IsADirectory => Msg::IoIsADirectory,
        K::NotADirectory => Msg::IoNotADirectory,
        K::DirectoryNotEmpty => Msg::IoDirectoryNotEmpty,
        K::ReadOnlyFilesystem => Msg::IoReadOnly,
        K::StorageFull | K::QuotaExceeded => Msg::IoStorageFull,
        K::InvalidData => Msg::IoInvalidData,
        K::Interrupted => Msg::IoInterrupted,
        _ => return e.to_string(),
    };
    text(id, &[])
}

/// An error with its causes, outermost first, in the chosen language:
/// anyhow's `{:#}` in English; in Chinese the causes joined by "：" and
/// the operating system's errors from the message table.
pub fn error_chain(e: &anyhow::Error) -> String {
    if lang() == Lang::En {
        return format!("{e:#}");
    }
    e.chain()
        .map(|c| match c.downcast_ref::<std::io::Error>() {
            Some(io) => io_error(io),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join("：")
}

/// The separator of clauses in running text: "; " / "；".
pub fn clause_separator() -> &'static str {
    match lang() {
        Lang::En => "; ",
        Lang::Zh => "；",
    }
}

/// The Chinese names of the fields of the ledger's files (project.toml keys
/// and CSV columns), for messages that name a field: `set`'s and
/// `import`'s change lines, the merge driver's conflicts. English names a
/// field by its key, as the file spells it.
const FIELD_NAMES: &[(&str, &str)] = &[
    // project.toml
    ("name", "项目名称"),
    ("type", "项目类型"),
    ("owner", "项目单位"),
    ("township", "乡镇"),
    ("code", "项目代码"),
    ("investment", "总投资(万元)"),
    ("opened", "登记日期"),
    ("planned_start", "计划开工日期"),
    ("started", "开工日期"),
    ("land", "供地方式"),
    ("investment_nature", "投资性质"),
    ("hazchem", "涉及危化品"),
    ("eia", "环评类别"),
    ("relics_found", "发现文物"),
    ("zone", "开发区"),
    ("leader", "包联县领导"),
    ("unit", "责任单位"),
    ("person", "责任人"),
    ("person_phone", "责任人电话"),
    ("contact", "项目单位联系人"),
    ("contact_phone", "联系人电话"),
    ("annual_plan", "年度计划投资"),
    ("stages", "项目阶段"),
    ("stage", "阶段"),
    ("reason", "原因"),
    // procedures.csv
    ("procedure", "手续"),
    ("taskforce", "工作专班"),
    ("status", "状态"),
    ("applied", "申报日期"),
    ("due", "时间节点"),
    ("obtained", "办结日期"),
    ("doc_no", "批复文号"),
    ("pledge_kind", "承诺方式"),
    ("pledged", "承诺日期"),
    ("pledge_due", "承诺时限"),
    ("missing_items", "承诺补齐事项"),
    ("fulfilled", "兑现日期"),
    ("extensions", "延期次数"),
    ("note", "备注"),
    // progress, funds, problems, visits
    ("date", "日期"),
    ("invested", "累计完成投资(万元)"),
    ("source", "资金来源"),
    ("amount", "金额(万元)"),
    ("kind", "类别"),
    ("category", "问题类别"),
    ("what", "内容"),
    ("resolved", "解决日期"),
    ("how", "解决情况"),
    ("by", "督导人"),
];

/// A field of the ledger's files as a message names it: its key in
/// English, its Chinese name in Chinese (`township` / 乡镇). A dotted TOML
/// key (`annual_plan.2024`) names its first part; a field with no Chinese
/// name keeps its key.
pub fn field(key: &str) -> String {
    if lang() == Lang::En {
        return key.to_string();
    }
    let (head, rest) = match key.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (key, None),
    };
    match FIELD_NAMES.iter().find(|(k, _)| *k == head) {
        Some((_, zh)) => match rest {
            Some(r) => format!("{zh}.{r}"),
            None => zh.to_string(),
        },
        None => key.to_string(),
    }
}

macro_rules! messages {
    ($($(#[$doc:meta])* $id:ident { en: $en:literal, zh: $zh:literal })*) => {
        /// Every message taizhang gives, by id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $id,)*
        }

        impl Msg {
            /// Every id, for the test that each has both languages.
            pub const ALL: &'static [Msg] = &[$(Msg::$id,)*];

            /// The text of the message in `lang`, with its `{slots}`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$id, Lang::En) => $en,
                        (Msg::$id, Lang::Zh) => $zh,
                    )*
                }
            }
        }
    };
}

messages! {
    // ---- how a message is introduced ----
    ErrorPrefix { en: "error: ", zh: "错误：" }
    WarningPrefix { en: "warning: ", zh: "警告：" }
    NotInGit {
        en: "{dir} is not in a git repository: the change is written but not committed",
        zh: "{dir} 不在 git 仓库中：改动已写入，但未提交"
    }
    NotCommitted {
        en: "the change is written but not committed: {error}",
        zh: "改动已写入，但未提交：{error}"
    }
    CannotWriteOutput { en: "cannot write the output: {error}", zh: "无法写出结果：{error}" }

    // ---- usage errors (clap's, in the language chosen) ----
    UsageInvalidValue {
        en: "invalid value \"{value}\" for {arg}; possible values: {valid}",
        zh: "{arg} 的值“{value}”无效；可选：{valid}"
    }
    UsageUnknownArgument { en: "unexpected argument \"{arg}\"", zh: "无法识别的参数“{arg}”" }
    UsageUnknownCommand { en: "unrecognized command \"{command}\"", zh: "没有命令“{command}”" }
    UsageMissingArgument {
        en: "the following required arguments were not provided: {arg}",
        zh: "缺少必需的参数：{arg}"
    }
    UsageMissingCommand { en: "a command is required", zh: "请给出命令" }
    UsageMissingSubcommand {
        en: "\"{command}\" requires a subcommand: {valid}",
        zh: "“{command}”后面还需要一个子命令：{valid}"
    }
    UsageValueRequired {
        en: "a value is required for {arg} but none was supplied",
        zh: "{arg} 需要一个值，但没有给出"
    }
    UsageBadValueOf { en: "invalid value \"{value}\" for {arg}", zh: "{arg} 的值“{value}”无效" }
    UsageBadValueWhy {
        en: "invalid value \"{value}\" for {arg}: {error}",
        zh: "{arg} 的值“{value}”无效：{error}"
    }
    UsageNoEquals {
        en: "an equal sign is needed when assigning a value to {arg}",
        zh: "给 {arg} 赋值需要用等号（写作 参数=值）"
    }
    UsageTooManyValues {
        en: "unexpected value \"{value}\" for {arg}: no more were expected",
        zh: "{arg} 多出了一个值“{value}”：它不接受更多的值"
    }
    UsageTooFewValues {
        en: "{min} values required by {arg}; only {given} given",
        zh: "{arg} 至少需要 {min} 个值，只给了 {given} 个"
    }
    UsageWrongNumberOfValues {
        en: "{expected} values required for {arg} but {given} given",
        zh: "{arg} 需要 {expected} 个值，但给了 {given} 个"
    }
    UsageConflict {
        en: "{arg} cannot be used with {other}",
        zh: "{arg} 不能与 {other} 同时使用"
    }
    UsageConflictOthers {
        en: "{arg} cannot be used with one or more of the other arguments given",
        zh: "{arg} 不能与所给的其他参数同时使用"
    }
    UsageTwice { en: "{arg} cannot be given more than once", zh: "{arg} 只能给出一次" }
    UsageNotUtf8 {
        en: "an argument is not valid UTF-8 text",
        zh: "有参数不是有效的 UTF-8 文本"
    }
    UsageTipAsValue {
        en: "; to pass \"{value}\" as a value, use \"{with}\"",
        zh: "；要把“{value}”作为值，请写成“{with}”"
    }
    UsageTipRemoveDashes {
        en: "; command \"{command}\" exists: to use it, remove the \"--\" before it",
        zh: "；有命令“{command}”：要使用它，请去掉它前面的“--”"
    }
    UsageTipExists { en: "; \"{what}\" exists", zh: "；有“{what}”可用" }
    UsageOther { en: "{detail}", zh: "命令行有误：{detail}" }
    UsageSeeHelp {
        en: "For more information, try '--help'.",
        zh: "更多信息请用 '--help' 查看。"
    }

    // ---- values typed on the command line ----
    FlagValue { en: "{flag}: {error}", zh: "{flag}：{error}" }
    BadDate {
        en: "invalid date \"{text}\": expected 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 (year first)",
        zh: "无法识别的日期“{text}”：请写作 2024-03-01、2024/3/1、2024.3.1 或 2024年3月1日（年份在前）"
    }
    NoSuchDayIso {
        en: "invalid date \"{text}\": no such day in the calendar; expected YYYY-MM-DD, e.g. 2024-03-15",
        zh: "无效的日期“{text}”：日历上没有这一天；应为 YYYY-MM-DD 格式，如 2024-03-15"
    }
    NoSuchDay {
        en: "invalid date \"{text}\": no such day in the calendar",
        zh: "无效的日期“{text}”：日历上没有这一天"
    }
    BadIsoDate {
        en: "invalid date \"{text}\": expected YYYY-MM-DD, e.g. 2024-03-15",
        zh: "无效的日期“{text}”：应为 YYYY-MM-DD 格式，如 2024-03-15"
    }
    BadAmountFile {
        en: "invalid amount \"{text}\": expected an amount in 万元 as digits with an optional decimal point, e.g. 3500 or 3500.25",
        zh: "无效的金额“{text}”：应为以万元计的数字，可带小数点，如 3500 或 3500.25"
    }
    BadAmount {
        en: "invalid amount \"{text}\": expected 万元 as digits, e.g. 3500, 3500.25 or 1,200",
        zh: "无法识别的金额“{text}”：请以万元为单位填写数字，如 3500、3500.25 或 1,200"
    }
    EmptyText {
        en: "{flag} must not be empty: give {what}",
        zh: "{flag} 不能为空：请填写{what}"
    }
    DateAfterToday {
        en: "{flag}: {date} is after today ({today}); record events on or before the day they happen",
        zh: "{flag}：{date} 晚于今天（{today}）；请在事情发生当天或之后登记"
    }

    // ---- the ledger and its files ----
    NotALedger {
        en: "{dir} is not a taizhang ledger: it has no ledger.toml (create one with `taizhang init`)",
        zh: "{dir} 不是 taizhang 台账：其中没有 ledger.toml（可用 `taizhang init` 新建）"
    }
    NoLedgerHere {
        en: "no ledger here: no ledger.toml in {dir} or any folder above it; pass -L DIR, set TAIZHANG_LEDGER, or create one with `taizhang init`",
        zh: "这里没有台账：{dir} 及其上级目录中都没有 ledger.toml；请用 -L 目录 或环境变量 TAIZHANG_LEDGER 指明，或用 `taizhang init` 新建"
    }
    NoWorkingDir { en: "cannot read the working directory", zh: "无法读取当前目录" }
    ProjectsIsLink {
        en: "{dir} is a symbolic link; taizhang does not follow links out of the ledger",
        zh: "{dir} 是符号链接；taizhang 不跟随链接到台账之外"
    }
    CannotUse { en: "cannot use {file}", zh: "无法使用 {file}" }
    LedgerHasProblems { en: "the ledger {dir} has problems", zh: "台账 {dir} 有问题" }
    ProjectUnusable { en: "project \"{id}\" cannot be used", zh: "项目“{id}”无法使用" }
    Refused {
        en: "{what}: {n} problem(s); run `taizhang check` for details",
        zh: "{what}：{n} 个问题；详情请运行 `taizhang check`"
    }
    AndMore { en: "… and {n} more", zh: "……另有 {n} 个" }
    MemberNotLedger {
        en: "member ledger \"{member}\" listed in {file} is not a taizhang ledger: {dir} has no ledger.toml",
        zh: "{file} 中列出的下级台账“{member}”不是 taizhang 台账：{dir} 中没有 ledger.toml"
    }

    // ---- the global options ----
    TooManyLedgers {
        en: "-L was given {n} times: only list, reports, export and `problem list` cover several ledgers; give one ledger for this command",
        zh: "-L 给出了 {n} 次：只有 list、报表、export 和 `problem list` 可以汇总多个台账；此命令请只给一个台账"
    }
    TaskforceOnlyViews {
        en: "--taskforce applies to list, show, reports and export only",
        zh: "--taskforce 只用于 list、show、报表和 export"
    }
    HtmlOnlyWeekly {
        en: "--format html is only for `taizhang report weekly` and `report bulletin`; use table, csv, json or markdown",
        zh: "--format html 只用于 `taizhang report weekly` 和 `report bulletin`；请用 table、csv、json 或 markdown"
    }
    AtOnlyReads {
        en: "--at: only read commands (list, show, check, report, problem list) can look at the past; `report bulletin --publish` writes",
        zh: "--at：只有查询类命令（list、show、check、report、problem list）可以查看过去；`report bulletin --publish` 会写入文件"
    }
    AtOneLedger {
        en: "--at: give one ledger (-L) when looking at the past",
        zh: "--at：查看过去时请只给一个台账（-L）"
    }
    AtCannotEnter {
        en: "--at: cannot enter the copy of the ledger: {error}",
        zh: "--at：无法进入台账副本：{error}"
    }

    // ---- export ----
    TitleOnlyXlsx {
        en: "--title is for .xlsx workbooks: give --output FILE.xlsx",
        zh: "--title 只用于 .xlsx 工作簿：请给出 --output 文件.xlsx"
    }

    // ---- commands ----
    LedgerExists {
        en: "{file} already exists: refusing to overwrite an existing ledger",
        zh: "{file} 已存在：不覆盖已有的台账"
    }
    BadRegion {
        en: "--region: invalid region code \"{text}\": expected 6 digits (GB/T 2260), e.g. 410927",
        zh: "--region：无效的行政区划代码“{text}”：应为 6 位数字（GB/T 2260），如 410927"
    }
    NameEmpty {
        en: "--name must not be empty",
        zh: "--name 不能为空"
    }
    CannotCreate {
        en: "cannot create {file}",
        zh: "无法创建 {file}"
    }
    Created {
        en: "Created the ledger \"{name}\" in {dir}\nEdit {file} to fit your county, then open a project with `taizhang open`.\n",
        zh: "已在 {dir} 新建台账“{name}”\n请按本县实际修改 {file}，然后用 `taizhang open` 登记项目。\n"
    }
    ProjectNameEmpty {
        en: "--name must not be empty: give the project's name (项目名称)",
        zh: "--name 不能为空：请填写项目名称"
    }
    WithAndWithout {
        en: "procedure \"{key}\" is given both --with and --without",
        zh: "手续“{key}”同时给在了 --with 和 --without 中"
    }
    ProjectExists {
        en: "project \"{id}\" already exists ({dir}); choose another ID",
        zh: "项目“{id}”已存在（{dir}）；请换一个编号"
    }
    Opened {
        en: "Opened {id} {name} ({kind}): {n} procedures on its task list{waived}, in {dir}\n",
        zh: "已登记 {id} {name}（{kind}）：任务清单 {n} 项手续{waived}，位于 {dir}\n"
    }
    ExportNowhere {
        en: "nowhere to export to: give --output FILE.xlsx (or FILE.csv), or --for-excel for CSV on standard output",
        zh: "没有导出目标：请给出 --output 文件.xlsx（或 文件.csv），或用 --for-excel 将 CSV 输出到标准输出"
    }
    ExportXlsxForExcel {
        en: "--output {file}: --for-excel writes CSV; name the file .csv, or drop --for-excel for a workbook",
        zh: "--output {file}：--for-excel 写出的是 CSV；请把文件名改为 .csv，或去掉 --for-excel 导出工作簿"
    }
    ExportBadExtension {
        en: "--output {file}: expected a file name ending in .xlsx (workbook) or .csv (CSV for Excel)",
        zh: "--output {file}：文件名应以 .xlsx（工作簿）或 .csv（Excel 用 CSV）结尾"
    }
    OutputExists {
        en: "--output {file} already exists; give --force to replace it",
        zh: "--output {file} 已存在；要覆盖请加 --force"
    }
    Exported {
        en: "Exported {n} row(s) to {file}\n",
        zh: "已导出 {n} 行到 {file}\n"
    }
    NoProceduresOfTaskforce {
        en: "{id} has no procedures of task force {key}",
        zh: "{id} 没有工作专班 {key} 的手续"
    }
    LimitBeforeRaised {
        en: "--limit: the time limit {limit} is before the day the problem was raised ({date})",
        zh: "--limit：解决时限 {limit} 早于问题提出日期（{date}）"
    }
    ProblemAdded {
        en: "{id}: problem {no} recorded on {date}, {unit} to resolve it by {limit}\n",
        zh: "{id}：已于 {date} 登记问题 {no}，由{unit}在 {limit} 前解决\n"
    }
    BadProblemNo {
        en: "invalid problem number \"{text}\": expected 1, 2, 3… (see `taizhang problem list`)",
        zh: "无效的问题序号“{text}”：应为 1、2、3……（见 `taizhang problem list`）"
    }
    NoProblemEmpty {
        en: "{id} has no problem {no}: its problem ledger is empty",
        zh: "{id} 没有问题 {no}：其问题台账为空"
    }
    NoProblem {
        en: "{id} has no problem {no}: its problems are {list}",
        zh: "{id} 没有问题 {no}：其问题序号为 {list}"
    }
    ProblemAlreadyResolved {
        en: "{id}: problem {no} was already resolved on {date}; edit problems.csv to correct it",
        zh: "{id}：问题 {no} 已于 {date} 解决；如需更正请修改 problems.csv"
    }
    ResolvedBeforeRaised {
        en: "--date: {date} is before the problem was raised ({raised})",
        zh: "--date：{date} 早于问题提出日期（{raised}）"
    }
    ResolvedLate {
        en: " ({n} days after the time limit {limit})",
        zh: "（超过解决时限 {limit} {n} 天）"
    }
    ProblemResolved {
        en: "{id}: problem {no} resolved on {date}{late}\n",
        zh: "{id}：问题 {no} 已于 {date} 解决{late}\n"
    }
    CannotCreateTemp {
        en: "cannot create a temporary file in {dir}",
        zh: "无法在 {dir} 中创建临时文件"
    }
    CannotKeepPermissions {
        en: "cannot keep the permissions of {file}",
        zh: "无法保留 {file} 的权限"
    }
    CannotWrite {
        en: "cannot write {file}",
        zh: "无法写入 {file}"
    }
    CannotReplace {
        en: "cannot replace {file}",
        zh: "无法替换 {file}"
    }
    CannotOpenLock {
        en: "cannot open the lock file {file}",
        zh: "无法打开锁文件 {file}"
    }
    CannotLock {
        en: "cannot lock {file}",
        zh: "无法锁定 {file}"
    }

    Busy {
        en: "another writer is busy with this ledger (lock {file} held for over {seconds} s); try again in a moment",
        zh: "另一个写入者正在使用本台账（锁 {file} 已被占用超过 {seconds} 秒）；请稍后再试"
    }

    // ---- the procedure rows (model::transition) and their commands ----
    AlreadyObtained {
        en: "{what} was already obtained on {date}; correct it with `taizhang edit` or `taizhang undo`",
        zh: "{what} 已于 {date} 办结；如需更正请用 `taizhang edit` 或 `taizhang undo`"
    }
    UnrecordedDate {
        en: "an unrecorded date",
        zh: "未登记的日期"
    }
    MarkedNotNeeded {
        en: "{what} is marked not needed; put it back on the task list with `taizhang require`",
        zh: "{what} 已标为无需办理；如需办理请用 `taizhang require` 加回任务清单"
    }
    ObtainedBeforeApplied {
        en: "--date: {date} is before {what} was applied for ({applied}); a procedure is obtained after its application",
        zh: "--date：{date} 早于 {what} 的申报日期（{applied}）；手续应在申报之后办结"
    }
    ObtainedPledgeFulfilled {
        en: "{what} obtained on {date}, pledge fulfilled",
        zh: "{what} 已于 {date} 办结，承诺已兑现"
    }
    ObtainedOnCommitment {
        en: "{what} obtained on {obtained}, the day of the commitment (告知承诺); pledge fulfilled on {date}",
        zh: "{what} 于承诺之日 {obtained} 办结（告知承诺）；承诺已于 {date} 兑现"
    }
    Obtained {
        en: "{what} obtained on {date}",
        zh: "{what} 已于 {date} 办结"
    }
    ApplyPledged {
        en: "{what} is already granted on a commitment; nothing to apply for",
        zh: "{what} 已以承诺方式办理，无需再申报"
    }
    AlreadyApplied {
        en: "{what} was already applied for on {date}; correct the date with `taizhang edit --applied`",
        zh: "{what} 已于 {date} 申报；如需更正日期请用 `taizhang edit --applied`"
    }
    Applied {
        en: "{what} applied for on {date}",
        zh: "{what} 已于 {date} 申报"
    }
    AlreadyPledged {
        en: "{what} is already pledged ({kind}, due {due}); fulfil it, extend it (`taizhang extend`) or correct it (`taizhang edit`)",
        zh: "{what} 已以承诺方式办理（{kind}，时限 {due}）；请登记兑现、延期（`taizhang extend`）或更正（`taizhang edit`）"
    }
    DeadlineBeforePledge {
        en: "--due: the deadline {due} is before the pledge date {date}",
        zh: "--due：承诺时限 {due} 早于承诺日期 {date}"
    }
    PledgeNeedsItems {
        en: "a pledge needs what is promised: give --items TEXT (承诺补齐事项)",
        zh: "承诺需写明补齐事项：请给出 --items 文字（承诺补齐事项）"
    }
    IssuedOnCommitment {
        en: "; approval issued on the commitment",
        zh: "；已凭承诺出具批复"
    }
    Pledged {
        en: "{what} granted on a commitment ({kind}) on {date}; missing items due by {due}{issued}",
        zh: "{what} 已于 {date} 以承诺方式办理（{kind}）；补齐时限 {due}{issued}"
    }
    NoOpenPledge {
        en: "{what} has no open pledge to fulfil (status {state})",
        zh: "{what} 没有待兑现的承诺（状态 {state}）"
    }
    BeforePledgeAccepted {
        en: "--date: {date} is before the pledge was accepted ({pledged})",
        zh: "--date：{date} 早于受理承诺的日期（{pledged}）"
    }
    DaysAfterDeadline {
        en: " ({n} days after the deadline {due})",
        zh: "（超过时限 {due} {n} 天）"
    }
    ObtainedOnCommitmentDay {
        en: "; obtained on {obtained}, the day of the commitment (告知承诺)",
        zh: "；于承诺之日 {obtained} 办结（告知承诺）"
    }
    Fulfilled {
        en: "pledge on {what} fulfilled on {date}{late}{issued}",
        zh: "{what} 的承诺已于 {date} 兑现{late}{issued}"
    }
    DueBy {
        en: "{what} due by {date}",
        zh: "{what} 的时间节点设为 {date}"
    }
    NothingToUndo {
        en: "{what} is pending with nothing recorded; nothing to undo",
        zh: "{what} 为待办且未登记任何事项，无可撤销"
    }
    BackToPending {
        en: "{what} back to pending (was {was})",
        zh: "{what} 已退回待办（原为{was}）"
    }
    EditRefused {
        en: "{flag}: {what} is {state}: {why}",
        zh: "{flag}：{what} 的状态为 {state}：{why}"
    }
    NothingToEdit {
        en: "nothing to edit: give at least one of --date, --doc, --applied, --due, --items, --note",
        zh: "没有要更正的内容：请至少给出 --date、--doc、--applied、--due、--items、--note 之一"
    }
    WhyTick {
        en: "record the day it was obtained with `taizhang tick`",
        zh: "办结日期请用 `taizhang tick` 登记"
    }
    WhyTickDoc {
        en: "a document number comes with the approval: use `taizhang tick --doc`",
        zh: "批复文号随批复一起登记：请用 `taizhang tick --doc`"
    }
    WhyPledge {
        en: "missing items belong to a pledge: use `taizhang pledge`",
        zh: "补齐事项属于承诺：请用 `taizhang pledge`"
    }
    WhyApply {
        en: "record the application with `taizhang apply --date`",
        zh: "申报请用 `taizhang apply --date` 登记"
    }
    WhyNoDeadline {
        en: "an obtained procedure has no deadline left",
        zh: "已办结的手续没有时限可改"
    }
    WhyNeverPledged {
        en: "it was never pledged",
        zh: "它从未以承诺方式办理"
    }
    WhyOnlyNote {
        en: "only its note can change; put it back with `taizhang require`",
        zh: "只能改其备注；如需办理请用 `taizhang require` 加回"
    }
    ChangedPledged {
        en: "pledged {date}",
        zh: "承诺日期 {date}"
    }
    ChangedObtained {
        en: "obtained {date}",
        zh: "办结日期 {date}"
    }
    ChangedApplied {
        en: "applied {date}",
        zh: "申报日期 {date}"
    }
    ChangedDueFromApplication {
        en: "due {date} ({limit} from the application)",
        zh: "时间节点 {date}（自申报起 {limit}）"
    }
    ChangedPledgeDue {
        en: "pledge deadline {date}",
        zh: "承诺时限 {date}"
    }
    ChangedDue {
        en: "due {date}",
        zh: "时间节点 {date}"
    }
    ChangedDoc {
        en: "document number \"{doc}\"",
        zh: "批复文号“{doc}”"
    }
    ItemsEmpty {
        en: "--items must not be empty: give what is promised (承诺补齐事项)",
        zh: "--items 不能为空：请写明承诺补齐事项"
    }
    ChangedItems {
        en: "missing items \"{items}\"",
        zh: "补齐事项“{items}”"
    }
    ChangedNote {
        en: "note \"{note}\"",
        zh: "备注“{note}”"
    }
    NothingChanged {
        en: "{what}: nothing changed",
        zh: "{what}：没有改动"
    }
    Edited {
        en: "{what}: {changes}",
        zh: "{what}：{changes}"
    }
    NoPledgeToExtend {
        en: "{what} has no open pledge to extend (status {state})",
        zh: "{what} 没有可延期的承诺（状态 {state}）"
    }
    ReasonEmpty {
        en: "--reason must not be empty: say why the deadline was extended",
        zh: "--reason 不能为空：请写明延期原因"
    }
    NoDeadlineToExtend {
        en: "{what} has no deadline to extend; set it with `taizhang edit --due`",
        zh: "{what} 没有可延的时限；请用 `taizhang edit --due` 设定"
    }
    ExtendNotLater {
        en: "--due: {due} is not after the current deadline {old}; an extension moves the deadline later (correct a wrong deadline with `taizhang edit --due`)",
        zh: "--due：{due} 不晚于现在的时限 {old}；延期只能推后时限（写错的时限请用 `taizhang edit --due` 更正）"
    }
    Extended {
        en: "pledge on {what} extended from {old} to {due} (extension {n}, first deadline {first})",
        zh: "{what} 的承诺时限已由 {old} 延至 {due}（第 {n} 次延期，最初时限 {first}）"
    }
    NeededAgain {
        en: "{what} needed again, pending",
        zh: "{what} 重新列为需办理，状态为待办"
    }
    WaiveReasonEmpty {
        en: "--reason must not be empty: say why it is not needed",
        zh: "--reason 不能为空：请写明无需办理的原因"
    }
    AlreadyNotNeeded {
        en: "{what} is already marked not needed",
        zh: "{what} 已标为无需办理"
    }
    WaiveObtained {
        en: "{what} was obtained on {date}; undo it first (`taizhang undo`) if it was recorded by mistake",
        zh: "{what} 已于 {date} 办结；如是误登，请先撤销（`taizhang undo`）"
    }
    WaivePledged {
        en: "{what} is granted on a commitment; fulfil or undo the pledge first",
        zh: "{what} 已以承诺方式办理；请先登记兑现或撤销承诺"
    }
    Waived {
        en: "{what} not needed: {reason}",
        zh: "{what} 无需办理：{reason}"
    }
    ImpossibleObtained {
        en: "procedure \"{key}\": obtained {obtained} before it was applied for ({applied})",
        zh: "手续“{key}”：办结日期 {obtained} 早于申报日期（{applied}）"
    }
    ImpossibleFulfilled {
        en: "procedure \"{key}\": pledge fulfilled {fulfilled} before it was granted ({pledged})",
        zh: "手续“{key}”：兑现日期 {fulfilled} 早于承诺日期（{pledged}）"
    }
    ImpossiblePledgeDue {
        en: "procedure \"{key}\": pledge deadline {due} before the pledge ({pledged})",
        zh: "手续“{key}”：承诺时限 {due} 早于承诺日期（{pledged}）"
    }
    AlreadyOnList {
        en: "{what} is already on the task list ({state})",
        zh: "{what} 已在任务清单中（{state}）"
    }
    GivenTwice {
        en: "procedure \"{text}\" is given twice",
        zh: "手续“{text}”给出了两次"
    }
    AddedToList {
        en: "{name} ({key}) added to the task list, pending",
        zh: "{name}（{key}）已加入任务清单，状态为待办"
    }
    CommaDueBy {
        en: ", due by {date}",
        zh: "，时间节点 {date}"
    }
    WaiveSayWhy {
        en: "say why: give --reason TEXT, e.g. \"covered by the zone's 区域评估\"",
        zh: "请说明原因：给出 --reason 文字，如“已由园区区域评估覆盖”"
    }
    ExtendNeedsDue {
        en: "an extension needs its new deadline: give --due DATE",
        zh: "延期需给出新的时限：--due 日期"
    }
    ExtendNeedsReason {
        en: "an extension needs its reason: give --reason TEXT (延期原因)",
        zh: "延期需写明原因：--reason 文字（延期原因）"
    }
    PledgeNeedsDue {
        en: "a pledge needs its deadline: give --due DATE, the last day to supply what is missing (承诺时限)",
        zh: "承诺需给出时限：--due 日期，即补齐材料的最后一天（承诺时限）"
    }
    PledgeNeedsKind {
        en: "a pledge needs its kind: give --kind tolerance (容缺受理) or --kind notify (告知承诺)",
        zh: "承诺需给出方式：--kind 容缺（容缺受理）或 --kind 告知承诺"
    }
    AlreadyStarted {
        en: "{id} already started on {date}; correct the date with `taizhang set {id} --started DATE`",
        zh: "{id} 已于 {date} 开工；如需更正日期请用 `taizhang set {id} --started 日期`"
    }
    AfterPlannedStart {
        en: ", {n} days after the planned start {planned}",
        zh: "，比计划开工日期 {planned} 晚 {n} 天"
    }
    StartedUnready {
        en: "{n} procedure(s) neither obtained nor pledged on {date} (未批先建): {list}",
        zh: "{date} 时尚有 {n} 项手续既未办结也未承诺（未批先建）：{list}"
    }
    Started {
        en: "{id}: works started on {date}{plan}{warn}\n",
        zh: "{id}：已于 {date} 开工{plan}{warn}\n"
    }
    CalendarDays {
        en: "{n} calendar days",
        zh: "{n} 个自然日"
    }
    WorkingDays {
        en: "{n} working days",
        zh: "{n} 个工作日"
    }
    CalendarNotCovering {
        en: "the working-day calendar does not cover {year}; count holidays by hand or add them under [calendar] in ledger.toml",
        zh: "工作日日历不含 {year} 年；请人工核算节假日，或在 ledger.toml 的 [calendar] 中补上"
    }
    DueByDays {
        en: "; due by {due} ({days}){warn}",
        zh: "；时间节点 {due}（{days}）{warn}"
    }
    NoLimit {
        en: "; the catalogue sets no time limit: set the due date with `taizhang due`",
        zh: "；目录未设办理时限：请用 `taizhang due` 设定时间节点"
    }
    BadYear {
        en: "--year: invalid year \"{text}\": expected four digits, e.g. 2024",
        zh: "--year：无效的年份“{text}”：应为四位数字，如 2024"
    }
    Was {
        en: " (was {old})",
        zh: "（原为 {old}）"
    }
    Unchanged {
        en: " (unchanged)",
        zh: "（未变）"
    }
    PlanSet {
        en: "{id}: planned investment for {year} set to {amount} 万元{was}\n",
        zh: "{id}：{year} 年计划投资设为 {amount} 万元{was}\n"
    }
    ProgressExists {
        en: "{id} already has a progress entry for {date} ({invested} 万元); edit progress.csv to correct it",
        zh: "{id} 在 {date} 已有进度登记（{invested} 万元）；如需更正请修改 progress.csv"
    }
    InvestedShrinks {
        en: "--invested: {invested} 万元 is less than the {earlier} 万元 completed by {date}; investment completed to date cannot shrink",
        zh: "--invested：{invested} 万元少于截至 {date} 已完成的 {earlier} 万元；累计完成投资不能减少"
    }
    InvestedAboveLater {
        en: "--invested: {invested} 万元 on {date} is more than the {later} 万元 recorded later, on {later_date}; investment completed to date cannot shrink",
        zh: "--invested：{date} 的 {invested} 万元多于其后 {later_date} 登记的 {later} 万元；累计完成投资不能减少"
    }
    ProgressRecorded {
        en: "{id}: {invested} 万元 invested to date as of {date}\n",
        zh: "{id}：截至 {date} 累计完成投资 {invested} 万元\n"
    }
    CheckProblems {
        en: "{n} problem(s) in {dir}\n",
        zh: "{dir} 中有 {n} 个问题\n"
    }
    CheckProblemsWarnings {
        en: "{n} problem(s), {w} warning(s) in {dir}\n",
        zh: "{dir} 中有 {n} 个问题、{w} 个警告\n"
    }

    OfProject { en: "{id}: {text}", zh: "{id}：{text}" }
    OfProjectLine { en: "{id}: {text}\n", zh: "{id}：{text}\n" }

    // ---- values in files, history, the bulletin ----
    BadProjectId {
        en: "invalid project ID \"{text}\": expected a short slug of lower-case letters, digits, '-' and '_' (e.g. shengrun-hq), at most 64 characters",
        zh: "无效的项目编号“{text}”：应为由小写字母、数字、“-”和“_”组成的简短代号（如 shengrun-hq），最长 64 个字符"
    }
    BadNationalCode {
        en: "invalid national project code \"{text}\": expected YYMM-RRRRRR-DD-TT-NNNNNN in digits (YYMM: the year and month the code was issued), e.g. 2403-410927-04-01-382615",
        zh: "无效的项目代码“{text}”：应为 YYMM-RRRRRR-DD-TT-NNNNNN 格式的数字（YYMM：赋码的年月），如 2403-410927-04-01-382615"
    }
    BadLang {
        en: "invalid language \"{text}\": expected zh or en",
        zh: "无效的语言“{text}”：应为 zh 或 en"
    }
    BadLimit {
        en: "invalid time limit \"{text}\": expected calendar days like \"30d\" or working days like \"20wd\"",
        zh: "无效的办理时限“{text}”：应为自然日如 \"30d\" 或工作日如 \"20wd\""
    }
    BadStatus {
        en: "invalid status \"{text}\": expected pending, obtained, pledged or not-needed",
        zh: "无效的状态“{text}”：应为 pending、obtained、pledged 或 not-needed"
    }
    BadPledgeKindFile {
        en: "invalid pledge kind \"{text}\": expected tolerance (容缺) or notify (告知承诺)",
        zh: "无效的承诺方式“{text}”：应为 tolerance（容缺）或 notify（告知承诺）"
    }
    WeekAfterToday {
        en: "--week-of: the week of {day} begins on {monday}, after today ({today})",
        zh: "--week-of：{day} 所在的一周从 {monday} 开始，晚于今天（{today}）"
    }
    WeeklyNoCsv {
        en: "--format csv: the bulletin has several tables; use markdown, html or json",
        zh: "--format csv：简报含多张表；请用 markdown、html 或 json"
    }
    NoHistoryNoGit {
        en: "{dir} is not in a git repository: there is no history to show",
        zh: "{dir} 不在 git 仓库中：没有历史可查"
    }
    UnknownProjectNoHistory {
        en: "unknown project \"{text}\": no folder {dir} and no history (see `taizhang list`)",
        zh: "没有项目“{text}”：不存在文件夹 {dir}，也没有历史记录（见 `taizhang list`）"
    }
    NoHistoryYet {
        en: "No history for {path} yet.\n",
        zh: "{path} 还没有历史记录。\n"
    }

    // ---- check: the ledger against its settings and today ----
    UnknownTypeListed {
        en: "unknown project type \"{text}\": expected one of {list}",
        zh: "没有项目类型“{text}”：可选 {list}"
    }
    PlanYearFar {
        en: "`annual_plan` for {year}, more than {n} years from the project (opened {opened})",
        zh: "`annual_plan` 中 {year} 年的计划距项目超过 {n} 年（登记于 {opened}）"
    }
    UnknownProcedureFile {
        en: "unknown procedure \"{key}\": not in the catalogue of ledger.toml",
        zh: "没有手续“{key}”：不在 ledger.toml 的手续目录中"
    }
    UnknownTaskforceFile {
        en: "procedure \"{key}\": unknown task force \"{text}\": expected one of {list}",
        zh: "手续“{key}”：没有工作专班“{text}”：可选 {list}"
    }
    StartedBeforeApproval {
        en: "works started on {date} while {n} procedure(s) were neither obtained nor pledged (未批先建): {list}",
        zh: "{date} 开工时尚有 {n} 项手续既未办结也未承诺（未批先建）：{list}"
    }
    CalendarNotCovered {
        en: "procedure \"{key}\": due date {due} falls in {year}, a year the working-day calendar does not cover",
        zh: "手续“{key}”：时间节点 {due} 在 {year} 年，工作日日历不含该年"
    }
    CalendarNotCoveredHint {
        en: "list {year}'s official holidays and make-up working days under [calendar] off/work in ledger.toml, then check the due date",
        zh: "请在 ledger.toml 的 [calendar] off/work 中列出 {year} 年的法定节假日和调休上班日，再核对时间节点"
    }
    InvestedAboveTotal {
        en: "{invested} 万元 invested by {date} is more than the total investment of {total} 万元 in project.toml",
        zh: "截至 {date} 完成投资 {invested} 万元，超过 project.toml 中的总投资 {total} 万元"
    }
    InvestedAboveTotalHint {
        en: "if the total was revised, change `investment` in project.toml",
        zh: "如总投资已调整，请修改 project.toml 中的 `investment`"
    }
    KeyAfterToday {
        en: "`{key}` {date} is after today ({today})",
        zh: "`{key}` {date} 晚于今天（{today}）"
    }
    ColumnAfterToday {
        en: "procedure \"{key}\": {col} date {date} is after today ({today})",
        zh: "手续“{key}”：{col} 日期 {date} 晚于今天（{today}）"
    }
    PlannedStartLongPast {
        en: "`planned_start` {plan} is {n} days past and works have not started",
        zh: "`planned_start` {plan} 已过去 {n} 天，仍未开工"
    }
    PlannedStartLongPastHint {
        en: "record the start with `taizhang start --date`, or correct the planned start",
        zh: "请用 `taizhang start --date` 登记开工，或更正计划开工日期"
    }

    // ---- TOML files ----
    TomlSyntax {
        en: "TOML syntax error: {msg}",
        zh: "TOML 语法错误：{msg}"
    }
    KeyQuoted {
        en: "`{key}` must be a quoted string",
        zh: "`{key}` 必须是加引号的字符串"
    }
    KeyMissing {
        en: "missing `{key}`",
        zh: "缺少 `{key}`"
    }
    KeyEmpty {
        en: "`{key}` must not be empty",
        zh: "`{key}` 不能为空"
    }
    KeyError {
        en: "`{key}`: {error}",
        zh: "`{key}`：{error}"
    }
    KeyDateNoTime {
        en: "`{key}` must be a date YYYY-MM-DD without a time",
        zh: "`{key}` 必须是不带时间的日期 YYYY-MM-DD"
    }
    KeyDate {
        en: "`{key}` must be a date YYYY-MM-DD",
        zh: "`{key}` 必须是日期 YYYY-MM-DD"
    }
    KeyAmount {
        en: "`{key}` must be an amount in 万元, e.g. \"3500\"",
        zh: "`{key}` 必须是以万元计的金额，如 \"3500\""
    }
    KeyWhole {
        en: "`{key}` must be a whole number ≥ 0",
        zh: "`{key}` 必须是 ≥ 0 的整数"
    }
    KeyBool {
        en: "`{key}` must be true or false",
        zh: "`{key}` 必须是 true 或 false"
    }
    KeyStrings {
        en: "`{key}` must be an array of strings",
        zh: "`{key}` 必须是字符串数组"
    }
    KeyOnlyStrings {
        en: "`{key}` must hold strings only",
        zh: "`{key}` 只能包含字符串"
    }
    KeyDates {
        en: "`{key}` must be an array of dates",
        zh: "`{key}` 必须是日期数组"
    }
    KeyTables {
        en: "`{key}` must be written as [[{key}]] tables",
        zh: "`{key}` 必须写成 [[{key}]] 表"
    }

    // ---- the ledger's files: CSV, records, settings ----
    ProcedureTwice {
        en: "procedure \"{key}\" appears twice (first on line {first})",
        zh: "手续“{key}”出现了两次（第一次在第 {first} 行）"
    }
    ColumnError {
        en: "column \"{column}\": {error}",
        zh: "“{column}”列：{error}"
    }
    BadExtensions {
        en: "invalid number \"{text}\": expected how many times the pledge was extended, e.g. 1",
        zh: "无效的数字“{text}”：应为承诺延期的次数，如 1"
    }
    EmptyProcedureKey {
        en: "empty: expected a procedure key from the catalogue",
        zh: "为空：应为目录中的手续代码"
    }
    OfProcedure {
        en: "procedure \"{key}\": {text}",
        zh: "手续“{key}”：{text}"
    }
    PledgeWithoutKind {
        en: "status is pledged but pledge_kind is empty: expected tolerance or notify",
        zh: "状态为 pledged，但 pledge_kind 为空：应为 tolerance 或 notify"
    }
    PledgeWithoutDeadline {
        en: "a pledge without a deadline: pledge_due must hold the commitment deadline (承诺时限)",
        zh: "承诺没有时限：pledge_due 应填写承诺时限"
    }
    FulfilledWithoutPledge {
        en: "a fulfilled date on a procedure that was never pledged",
        zh: "从未以承诺方式办理的手续有兑现日期"
    }
    ObtainedWithoutDate {
        en: "status is obtained but the obtained date is empty",
        zh: "状态为 obtained，但办结日期为空"
    }
    MissingOpened {
        en: "missing `opened` (the date the project was opened)",
        zh: "缺少 `opened`（项目登记日期）"
    }
    AnnualPlanTable {
        en: "`annual_plan` must be a table of years, e.g. [annual_plan] \"2024\" = \"12000\"",
        zh: "`annual_plan` 必须是按年份的表，如 [annual_plan] \"2024\" = \"12000\""
    }
    AnnualPlanYear {
        en: "`annual_plan`: invalid year \"{key}\": expected a year like \"2024\"",
        zh: "`annual_plan`：无效的年份“{key}”：应为 \"2024\" 这样的年份"
    }
    EmptyDate {
        en: "empty: expected a date YYYY-MM-DD",
        zh: "为空：应为日期 YYYY-MM-DD"
    }
    SecondEntry {
        en: "a second entry for {date} (first on line {first}): keep one entry per day",
        zh: "{date} 有第二条登记（第一条在第 {first} 行）：每天只保留一条"
    }
    BadProblemNoFile {
        en: "invalid problem number \"{text}\": expected 1, 2, 3…",
        zh: "无效的问题序号“{text}”：应为 1、2、3……"
    }
    EmptyTextCell {
        en: "empty: expected text",
        zh: "为空：应填写文字"
    }
    ResolvedBeforeOpened {
        en: "problem resolved on {resolved}, before it was opened ({opened})",
        zh: "问题解决日期 {resolved} 早于提出日期（{opened}）"
    }
    ProblemNoTwice {
        en: "problem number {n} appears twice (first on line {first})",
        zh: "问题序号 {n} 出现了两次（第一次在第 {first} 行）"
    }
    CsvQuoteHint {
        en: "a field holding a comma, quote or line break must be wrapped in \"…\" with inner quotes doubled (\"\")",
        zh: "含逗号、引号或换行的字段须用 \"…\" 括起，字段内的引号写两次（\"\"）"
    }
    CsvEmpty {
        en: "the file is empty: expected a header line {header}",
        zh: "文件为空：应有表头行 {header}"
    }
    ColumnTwice {
        en: "column \"{column}\" appears twice in the header",
        zh: "表头中“{column}”列出现了两次"
    }
    MissingColumns {
        en: "missing column(s) {missing}: expected a header with {header}",
        zh: "缺少列 {missing}：表头应含 {header}"
    }
    FieldCount {
        en: "row has {n} fields, the header has {width}",
        zh: "该行有 {n} 个字段，表头有 {width} 个"
    }
    CsvAfterQuote {
        en: "CSV syntax error: text after the closing quote of a field",
        zh: "CSV 语法错误：字段的结束引号后还有文字"
    }
    CsvStrayQuote {
        en: "CSV syntax error: a quote inside a field that does not start with one",
        zh: "CSV 语法错误：不以引号开头的字段中含有引号"
    }
    CsvUnclosed {
        en: "CSV syntax error: the quoted field opened here is never closed",
        zh: "CSV 语法错误：此处开始的引号字段没有结束"
    }
    BadRegionKey {
        en: "`region`: invalid region code \"{text}\": expected 6 digits (GB/T 2260), e.g. 410927",
        zh: "`region`：无效的行政区划代码“{text}”：应为 6 位数字（GB/T 2260），如 410927"
    }
    TaskforceTwice {
        en: "task force `{key}` is defined twice",
        zh: "工作专班 `{key}` 定义了两次"
    }
    TypeTwice {
        en: "project type `{key}` is defined twice",
        zh: "项目类型 `{key}` 定义了两次"
    }
    UnknownTaskforceKnown {
        en: "unknown task force \"{text}\": expected one of {list}",
        zh: "没有工作专班“{text}”：可选 {list}"
    }
    MissingTypes {
        en: "missing `types` (use [\"*\"] for every type)",
        zh: "缺少 `types`（所有类型都需要时写 [\"*\"]）"
    }
    UnknownTypeStar {
        en: "unknown project type \"{text}\": expected \"*\" or one of {list}",
        zh: "没有项目类型“{text}”：应为 \"*\" 或 {list} 之一"
    }
    ProcedureDefinedTwice {
        en: "procedure `{key}` is defined twice",
        zh: "手续 `{key}` 定义了两次"
    }
    NoTaskforces {
        en: "no [[taskforce]] defined",
        zh: "没有定义 [[taskforce]]"
    }
    NoTypes {
        en: "no [[type]] defined",
        zh: "没有定义 [[type]]"
    }
    MemberNotRelative {
        en: "`members`: \"{member}\" is not a relative path: list member ledgers by their path relative to this ledger, e.g. \"../townships/houmiao\"",
        zh: "`members`：“{member}”不是相对路径：请按相对于本台账的路径列出下级台账，如 \"../townships/houmiao\""
    }
    FileIsGbk {
        en: "the file is in GBK (as Excel and WPS save CSV on Chinese Windows), not UTF-8",
        zh: "文件是 GBK 编码（中文 Windows 上 Excel、WPS 保存 CSV 的编码），不是 UTF-8"
    }
    FixGbkHint {
        en: "run `taizhang fix` to convert it to UTF-8, keeping every value",
        zh: "运行 `taizhang fix` 转为 UTF-8，所有值都会保留"
    }
    NotUtf8 {
        en: "the file is not valid UTF-8; save it as UTF-8",
        zh: "文件不是有效的 UTF-8；请另存为 UTF-8"
    }
    FileIsLink {
        en: "a symbolic link in place of a ledger file; taizhang does not follow links out of the ledger",
        zh: "台账文件的位置上是符号链接；taizhang 不跟随链接到台账之外"
    }
    CannotReadFile {
        en: "cannot read the file: {error}",
        zh: "无法读取文件：{error}"
    }
    NoLedgerToml {
        en: "no such file: a ledger needs its ledger.toml",
        zh: "没有此文件：台账需要 ledger.toml"
    }
    CannotList {
        en: "cannot list {dir}",
        zh: "无法列出 {dir}"
    }
    ProjectsFolderIsLink {
        en: "the projects folder is a symbolic link; taizhang does not follow links out of the ledger",
        zh: "projects 文件夹是符号链接；taizhang 不跟随链接到台账之外"
    }
    DuplicateCode {
        en: "national project code {code} is also the code of project \"{first}\"",
        zh: "项目代码 {code} 也是项目“{first}”的代码"
    }
    DuplicateCodeHint {
        en: "one project entered twice? or a typo in `code`",
        zh: "同一项目登记了两次？还是 `code` 写错了？"
    }
    FolderName {
        en: "project folder name: {error}",
        zh: "项目文件夹名：{error}"
    }
    ProjectFolderIsLink {
        en: "project folder is a symbolic link; taizhang does not follow links out of the ledger",
        zh: "项目文件夹是符号链接；taizhang 不跟随链接到台账之外"
    }
    MissingRecord {
        en: "project folder without its record {file}",
        zh: "项目文件夹中没有项目记录 {file}"
    }
    MissingProcedures {
        en: "project folder without its procedure ledger {file}",
        zh: "项目文件夹中没有手续台账 {file}"
    }

    // ---- projects: set, rename, stages ----
    UnknownStage {
        en: "unknown stage \"{text}\": expected one of {list}",
        zh: "没有阶段“{text}”：可选 {list}"
    }
    Since {
        en: " since {date}",
        zh: "（自 {date} 起）"
    }
    StageAfterToday {
        en: "{date} is after today ({today}); record a change of stage on or after the day it happens",
        zh: "{date} 晚于今天（{today}）；请在阶段变化发生当天或之后登记"
    }
    StageNeedsReason {
        en: "a project {key} ({zh}) needs its reason: give --reason TEXT",
        zh: "项目{zh}（{key}）须写明原因：请给出 --reason 文字"
    }
    AlreadyAtStage {
        en: "the project is already {stage}{since}",
        zh: "项目已是{stage}{since}"
    }
    WasCancelled {
        en: "the project was cancelled (终止) on {date}{why}: a cancelled project is closed for good; open it again under a new ID if it comes back",
        zh: "项目已于 {date} 终止{why}：终止的项目不再恢复；如重新启动，请以新编号登记"
    }
    InProduction {
        en: "the project is in production (投产){since}: nothing comes after production",
        zh: "项目已投产{since}：投产之后没有其他阶段"
    }
    NeverStarted {
        en: "the project never started works (开工): resume it with `preparing`, then record the start with `taizhang start`",
        zh: "项目从未开工：请先恢复为 `preparing`（前期），再用 `taizhang start` 登记开工"
    }
    ResumeBuilding {
        en: "works started on {date}: resume the project with `building`",
        zh: "项目已于 {date} 开工：请恢复为 `building`（在建）"
    }
    SuspendedResumeFirst {
        en: "the project is suspended (暂缓){since}: resume it with `building` first",
        zh: "项目已暂缓{since}：请先恢复为 `building`（在建）"
    }
    OnlySuspendedToPreparing {
        en: "only a suspended project goes back to preparing; it is {stage}",
        zh: "只有暂缓的项目才能回到前期；项目现为{stage}"
    }
    RecordStart {
        en: "works have not started: record the start of works (开工) with `taizhang start`",
        zh: "尚未开工：请用 `taizhang start` 登记开工"
    }
    NotStartedYet {
        en: "works have not started (开工): a project is {stage} only after it started; record the start with `taizhang start` first",
        zh: "尚未开工：项目开工后才能{stage}；请先用 `taizhang start` 登记开工"
    }
    WasCompleted {
        en: "the project was completed (竣工){since}: it cannot become {stage}",
        zh: "项目已竣工{since}：不能再变为{stage}"
    }
    WorksStarted {
        en: "works started",
        zh: "开工"
    }
    BecameStage {
        en: "the project became {stage}",
        zh: "项目变为{stage}"
    }
    BeforeWhat {
        en: "{date} is before {what} on {since}",
        zh: "{date} 早于{since}{what}"
    }
    EventAfterToday {
        en: "{date} is after today ({today}); record events on or before the day they happen",
        zh: "{date} 晚于今天（{today}）；请在事情发生当天或之后登记"
    }
    StartSuspended {
        en: "the project is suspended (暂缓){since}{why}: resume it with `taizhang stage ID preparing` before recording the start",
        zh: "项目已暂缓{since}{why}：登记开工前请先用 `taizhang stage 编号 preparing` 恢复"
    }
    StartCancelled {
        en: "the project was cancelled (终止){since}{why}: a cancelled project does not start",
        zh: "项目已终止{since}{why}：终止的项目不能开工"
    }
    AlreadyStartedStage {
        en: "works already started: the project is {stage}",
        zh: "已经开工：项目现为{stage}"
    }
    BeforeResumed {
        en: "{date} is before the project resumed preparing on {since}",
        zh: "{date} 早于项目恢复前期的日期 {since}"
    }
    Because {
        en: ": {reason}",
        zh: "：{reason}"
    }
    StageChanged {
        en: "{id}: {key} ({zh}) on {date}, was {was_key} ({was_zh}){why}\n",
        zh: "{id}：{date} 起{zh}（{key}），原为{was_zh}（{was_key}）{why}\n"
    }
    NoStageToUndo {
        en: "{id}: no change of stage to undo: the project is {stage}",
        zh: "{id}：没有可撤回的阶段变化：项目现为{stage}"
    }
    StageUndone {
        en: "{id}: took back {key} ({zh}) of {date}; the project is {now_key} ({now_zh}) again\n",
        zh: "{id}：已撤回 {date} 的{zh}（{key}）；项目恢复为{now_zh}（{now_key}）\n"
    }
    SameId {
        en: "the new ID \"{id}\" is the project's present ID: nothing to rename",
        zh: "新编号“{id}”就是项目现在的编号：无需改名"
    }
    CannotRename {
        en: "cannot rename {from} to {to}",
        zh: "无法把 {from} 改名为 {to}"
    }
    Renamed {
        en: "Renamed {old} to {new}{name}: {dir} ({how})\n",
        zh: "已将 {old} 改名为 {new}{name}：{dir}（{how}）\n"
    }
    NothingToSet {
        en: "nothing to set: give at least one of {flags}",
        zh: "没有要修改的内容：请至少给出 {flags} 之一"
    }
    NothingChangedShort {
        en: "nothing changed",
        zh: "没有改动"
    }

    // ---- left-out projects, the merge driver ----
    MergeDriverNotSetUp {
        en: "the merge driver {driver} named here is not set up in this clone: git merges the ledger files line by line; run `taizhang git setup`",
        zh: "此处指定的合并驱动 {driver} 在本克隆中未设置：git 将逐行合并台账文件；请运行 `taizhang git setup`"
    }
    MergeDriverCannotRun {
        en: "the merge driver {driver} runs `{command}`, which cannot be run here: git would keep one side of a merged file without a conflict marker; run `taizhang git setup` (and put taizhang on the PATH)",
        zh: "合并驱动 {driver} 调用的 `{command}` 在此无法运行：git 合并时会只保留一方的文件且不留冲突标记；请运行 `taizhang git setup`（并把 taizhang 放到 PATH 中）"
    }
    LeftOut {
        en: "left out project {ledger}{project}: {n} problem(s)",
        zh: "未纳入项目 {ledger}{project}：{n} 个问题"
    }
    DriverRegistered {
        en: "Registered the merge driver {driver} in the git config of {dir}: git runs `{command}`.\n",
        zh: "已在 {dir} 的 git 配置中登记合并驱动 {driver}：git 运行 `{command}`。\n"
    }
    ThisProgram {
        en: "this program",
        zh: "本程序"
    }
    FoundOnPath {
        en: "taizhang is found on the PATH at {file}.\n",
        zh: "在 PATH 中找到的 taizhang 位于 {file}。\n"
    }
    OtherTaizhang {
        en: "git will run the taizhang at {file}, not this one ({this})",
        zh: "git 将运行 {file} 处的 taizhang，而不是这一个（{this}）"
    }
    NotOnPath {
        en: "taizhang is not on the PATH, so git cannot run the merge driver: put the folder of {this} on the PATH",
        zh: "taizhang 不在 PATH 中，git 无法运行合并驱动：请把 {this} 所在的文件夹加入 PATH"
    }
    WroteFile {
        en: "Wrote {file}.\n",
        zh: "已写出 {file}。\n"
    }
    KeptFile {
        en: "Kept {file}.\n",
        zh: "{file} 保持不变。\n"
    }

    // ---- import tasks ----
    SheetColumn {
        en: "column {column}: {error}",
        zh: "{column} 列：{error}"
    }
    MappingStatus {
        en: "the mapping's [status] \"{text}\": {error}",
        zh: "映射文件的 [status] “{text}”：{error}"
    }
    SheetUnknownStatus {
        en: "column status: unknown status \"{text}\": expected pending (待办), obtained (已办结), pledged (容缺/承诺) or not-needed (无需办理), or name it under [status] in a --mapping file",
        zh: "status 列：无法识别的状态“{text}”：应为 待办（pending）、已办结（obtained）、容缺/承诺（pledged）或 无需办理（not-needed），或在 --mapping 文件的 [status] 中说明"
    }
    SheetUnknownKind {
        en: "column pledge_kind: unknown kind \"{text}\": expected tolerance (容缺受理) or notify (告知承诺)",
        zh: "pledge_kind 列：无法识别的承诺方式“{text}”：应为 容缺受理（tolerance）或 告知承诺（notify）"
    }
    SheetContradicts {
        en: "column {column}: the sheet says {sheet}, the ledger already has {ledger}; correct one of them",
        zh: "{column} 列：表格中为 {sheet}，台账中已是 {ledger}；请更正其中之一"
    }
    AfterTodayShort {
        en: "{date} is after today ({today})",
        zh: "{date} 晚于今天（{today}）"
    }
    SheetObtainedNeedsDate {
        en: "status obtained needs the date it was obtained in the obtained column",
        zh: "状态为已办结时，obtained 列须填写办结日期"
    }
    SheetPledgedNeeds {
        en: "status pledged needs its kind (pledge_kind: 容缺受理 or 告知承诺) and deadline (pledge_due)",
        zh: "状态为容缺/承诺时须填写承诺方式（pledge_kind：容缺受理 或 告知承诺）和承诺时限（pledge_due）"
    }
    SheetDiffers {
        en: "column {column}: \"{value}\" differs from \"{old}\" on row {row}",
        zh: "{column} 列：“{value}”与第 {row} 行的“{old}”不同"
    }
    MappingSyntax { en: "line {line}: {error}", zh: "第 {line} 行：{error}" }
    MappingUnknownTable {
        en: "unknown table [{table}]: a mapping has [columns] and [status]",
        zh: "没有 [{table}] 这个表：映射文件只有 [columns] 和 [status]"
    }
    MappingNotTable {
        en: "`{table}` must be a table [{table}] of `name = \"text\"` lines",
        zh: "`{table}` 必须是由 `名称 = \"文字\"` 组成的表 [{table}]"
    }
    MappingNotText {
        en: "[{table}] `{key}` must be a quoted text",
        zh: "[{table}] 中的 `{key}` 必须是加引号的文字"
    }
    ColumnFlagForm {
        en: "--column \"{text}\": expected FIELD=HEADER, e.g. project_name=项目名称",
        zh: "--column “{text}”：应写作 字段=表头，如 project_name=项目名称"
    }
    ColumnFlag { en: "--column \"{text}\": {error}", zh: "--column “{text}”：{error}" }
    UnknownSheetField {
        en: "unknown field \"{field}\": expected one of {fields}",
        zh: "没有字段“{field}”：可选 {fields}"
    }
    EncodingUtf8Bom { en: "UTF-8 with BOM", zh: "带 BOM 的 UTF-8" }
    FileIs { en: "{file} {what}", zh: "{file} {what}" }
    SheetNotText {
        en: "is neither UTF-8 nor GBK/GB18030; save it from Excel or WPS as \"CSV UTF-8\"",
        zh: "既不是 UTF-8 也不是 GBK/GB18030 编码；请在 Excel 或 WPS 中另存为“CSV UTF-8”"
    }
    MappedColumnMissing {
        en: "the mapping names column \"{header}\" for {field}, but the header has no such column; it has: {headers}",
        zh: "映射把列“{header}”指定为 {field}，但表头中没有这一列；表头有：{headers}"
    }
    ColumnsAmbiguous {
        en: "columns {headers} could each be {field}; name one with --column {field}=HEADER",
        zh: "{headers} 这几列都可能是 {field}；请用 --column {field}=表头 指定一列"
    }
    ColumnMappedTwice {
        en: "column \"{header}\" is mapped to both {field} and {other}",
        zh: "列“{header}”同时被指定为 {field} 和 {other}"
    }
    NoColumnFor {
        en: "no column for {field}: expected a header such as {aliases}, or name it with --column {field}=HEADER; the header has: {headers}",
        zh: "没有 {field} 列：表头应为 {aliases} 等，或用 --column {field}=表头 指定；表头有：{headers}"
    }
    MappingUnreadable {
        en: "--mapping {file}: cannot read it",
        zh: "--mapping {file}：无法读取"
    }
    CannotRead {
        en: "cannot read {file}",
        zh: "无法读取 {file}"
    }
    SheetNoProject {
        en: "column project is empty: expected a project ID",
        zh: "project 列为空：应为项目编号"
    }
    SheetNoProcedure {
        en: "column procedure is empty: expected a key or Chinese name from the catalogue",
        zh: "procedure 列为空：应为目录中的手续代码或中文名称"
    }
    SheetAlreadyOnRow {
        en: "{id} {name} ({key}) is already on row {row}",
        zh: "{id} {name}（{key}）已在第 {row} 行"
    }
    SheetBadRows {
        en: "{file}: {n} bad row(s); nothing imported",
        zh: "{file}：{n} 行有错；没有导入任何内容"
    }
    SheetRow {
        en: "row {row}: {error}",
        zh: "第 {row} 行：{error}"
    }
    IgnoredColumns {
        en: "ignored column(s): {list}\n",
        zh: "未使用的列：{list}\n"
    }
    ImportNothing {
        en: "{n} row(s) read ({enc}): nothing to change, the ledger already says so\n",
        zh: "已读取 {n} 行（{enc}）：没有要改的，台账已是如此\n"
    }
    ImportDryRun {
        en: "{n} row(s) read ({enc}): would open {opened} project(s) and change {changed} procedure(s); nothing written (--dry-run)\n",
        zh: "已读取 {n} 行（{enc}）：将登记 {opened} 个项目、更改 {changed} 项手续；未写入（--dry-run）\n"
    }
    Imported {
        en: "{n} row(s) imported ({enc}): opened {opened} project(s), changed {changed} procedure(s)\n",
        zh: "已导入 {n} 行（{enc}）：登记 {opened} 个项目，更改 {changed} 项手续\n"
    }
    ImportWouldBreak {
        en: "the import would leave a problem, nothing written: {problem}",
        zh: "导入后会留下问题，因此没有写入：{problem}"
    }

    // ---- fix: files Excel or WPS saved ----
    CannotRestore {
        en: "{file}: cannot be restored, left as it is: {why}\n",
        zh: "{file}：无法修复，保持原样：{why}\n"
    }
    CellLeft {
        en: "{column}: \"{value}\" left as it is: {why}",
        zh: "{column}：“{value}”保持原样：{why}"
    }
    NotRewritten {
        en: "{file}: not rewritten until the cells above are corrected\n",
        zh: "{file}：上述格子改正之前不改写此文件\n"
    }
    NothingToFix {
        en: "Nothing to fix: every ledger file is as taizhang writes it.\n",
        zh: "无需修复：所有台账文件都是 taizhang 写出的格式。\n"
    }
    NoFileRestored {
        en: "No file restored.\n",
        zh: "没有修复任何文件。\n"
    }
    WouldRestore {
        en: "Would restore {n} file(s), {cells} cell(s) changed; nothing written (--dry-run).\n",
        zh: "将修复 {n} 个文件，改动 {cells} 个格子；未写入（--dry-run）。\n"
    }
    Restored {
        en: "Restored {n} file(s), {cells} cell(s) changed.\n",
        zh: "已修复 {n} 个文件，改动 {cells} 个格子。\n"
    }
    LeftToCorrect {
        en: "{n} cell(s) or file(s) left for you to correct; then run `taizhang fix` again.\n",
        zh: "还有 {n} 个格子或文件需要您改正；改正后请再运行 `taizhang fix`。\n"
    }
    ExcelWroteDate {
        en: "Excel or WPS wrote this date; `taizhang fix` rewrites it as {date}",
        zh: "这个日期是 Excel 或 WPS 写的；`taizhang fix` 会把它改写为 {date}"
    }
    AmbiguousDate {
        en: "this date could be {a} or {b}: type it as YYYY-MM-DD",
        zh: "这个日期可能是 {a}，也可能是 {b}：请写作 YYYY-MM-DD"
    }
    AmbiguousDateCell {
        en: "could be {a} or {b}; type the date as YYYY-MM-DD",
        zh: "可能是 {a}，也可能是 {b}；请把日期写作 YYYY-MM-DD"
    }
    ShortenedNumber {
        en: "Excel shortened this number to scientific notation and its last digits are lost: type the full value",
        zh: "Excel 把这个数字缩写成了科学计数法，末尾几位已丢失：请填写完整的值"
    }
    TheFile {
        en: "the file {error}",
        zh: "文件{error}"
    }
    ResolveMergeFirst {
        en: "git conflict markers: resolve the merge first",
        zh: "有 git 冲突标记：请先完成合并"
    }
    FileEmpty {
        en: "the file is empty",
        zh: "文件为空"
    }
    EmptyRowRemoved {
        en: "empty row on line {line} removed",
        zh: "删除第 {line} 行的空行"
    }
    EmptyColumnRemoved {
        en: "empty column at the end removed",
        zh: "删除末尾的空列"
    }
    LineFieldCount {
        en: "line {line}: the row has {n} fields, the header has {width}",
        zh: "第 {line} 行：该行有 {n} 个字段，表头有 {width} 个"
    }
    BomRemoved {
        en: "byte-order mark removed",
        zh: "删除字节顺序标记（BOM）"
    }
    CrlfToLf {
        en: "CRLF line ends → LF",
        zh: "行尾 CRLF → LF"
    }
    ShortenedNumberCell {
        en: "a number Excel shortened to scientific notation: its last digits are lost; type the full value (format the column as text in Excel)",
        zh: "Excel 缩写成科学计数法的数字：末尾几位已丢失；请填写完整的值（在 Excel 中把该列设为文本格式）"
    }
    ColumnsReordered {
        en: "columns put in the ledger's order",
        zh: "各列按台账的顺序排列"
    }

    // ---- writes, problems, stage history, sheets ----
    NothingWritten {
        en: "nothing written: every file is as it was",
        zh: "没有写入：所有文件保持原样"
    }
    ProblemNotInFile {
        en: "{id}: problem {no} not found in {file}",
        zh: "{id}：{file} 中没有问题 {no}"
    }
    StartedBut {
        en: "works started on {date}, but {error}",
        zh: "{date} 开工，但{error}"
    }
    ChangeTo {
        en: "change to {stage} on {date}: {why}",
        zh: "{date} 变为{stage}：{why}"
    }
    StageHistory {
        en: "stage history: {why}",
        zh: "阶段历史：{why}"
    }
    BomNotUtf8 {
        en: "starts with a UTF-8 byte-order mark but is not valid UTF-8",
        zh: "以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8"
    }
    SheetCsvSyntax {
        en: "row {row}: CSV syntax error: {error}",
        zh: "第 {row} 行：CSV 语法错误：{error}"
    }
    SheetEmpty {
        en: "is empty: expected a header row",
        zh: "为空：应有表头行"
    }

    // ---- git ----
    CannotRunGit {
        en: "cannot run git: is it installed and on the PATH?",
        zh: "无法运行 git：是否已安装并在 PATH 中？"
    }
    GitFailed {
        en: "git {command} failed: {error}",
        zh: "git {command} 失败：{error}"
    }
    AtBadRevision {
        en: "--at: invalid revision \"{rev}\": expected a commit, e.g. HEAD~3",
        zh: "--at：无效的版本“{rev}”：应为一次提交，如 HEAD~3"
    }
    AtUnknownRevision {
        en: "--at: unknown revision \"{rev}\": expected a commit of this repository, e.g. HEAD~3 (see `taizhang log`)",
        zh: "--at：没有版本“{rev}”：应为本仓库中的一次提交，如 HEAD~3（见 `taizhang log`）"
    }
    CannotCreateTempFolder {
        en: "cannot create a temporary folder",
        zh: "无法创建临时文件夹"
    }
    NotGitRepo {
        en: "{dir} is not in a git repository: run `git init` there first",
        zh: "{dir} 不在 git 仓库中：请先在那里运行 `git init`"
    }

    // ---- issue 11: catalogue ----
    CalendarDaysRest {
        en: "{n} calendar days; {end} is a rest day, so the next working day",
        zh: "{n} 个自然日；{end} 是休息日，顺延至下一个工作日"
    }
    WaivedByAssessment {
        en: " ({n} waived by the regional assessment)",
        zh: "（{n} 项由区域评估免于办理）"
    }
    HazchemLeftOff {
        en: "{id}: hazardous chemicals (危化) not recorded, so {list} left off the task list; if it handles them, open it with --hazchem yes",
        zh: "{id}：未登记是否涉及危化品，因此 {list} 未列入任务清单；如涉及，请用 --hazchem yes 登记"
    }
    TaskListUnchanged {
        en: "task list unchanged",
        zh: "任务清单未变"
    }

    // ---- facts, zones, authorities ----
    AuthorityOnlyViews {
        en: "--authority applies to list, show, reports and export only",
        zh: "--authority 只用于 list、show、报表和 export"
    }
    NoZones {
        en: "--zone: unknown development zone \"{text}\": ledger.toml defines no [[zone]]",
        zh: "--zone：没有开发区“{text}”：ledger.toml 中没有定义 [[zone]]"
    }
    UnknownZone {
        en: "--zone: unknown development zone \"{text}\": expected one of {list}",
        zh: "--zone：没有开发区“{text}”：可选 {list}"
    }
    ZoneTwice {
        en: "zone `{key}` is defined twice",
        zh: "开发区 `{key}` 定义了两次"
    }
    BadYesNo {
        en: "invalid {what} \"{text}\": expected yes or no",
        zh: "无效的{what}“{text}”：应为 yes（是）或 no（否）"
    }

    // ---- funds, visits, escalation and 督办 ----
    FundsNeedAmount {
        en: "give the amount with one of --received, --paid or --planned",
        zh: "请用 --received、--paid 或 --planned 之一给出金额"
    }
    FundsZero {
        en: "{flag}: the amount is 0; record money that moved",
        zh: "{flag}：金额为 0；请登记实际发生的资金"
    }
    UnknownFundSource {
        en: "--source: unknown source of funds \"{text}\": expected one of {list} (`[funds] sources` in ledger.toml)",
        zh: "--source：没有资金来源“{text}”：可选 {list}（ledger.toml 的 `[funds] sources`）"
    }
    PaidAboveReceived {
        en: "{id}: {source} has paid out {paid} 万元, more than the {received} 万元 recorded as received",
        zh: "{id}：{source} 已支付 {paid} 万元，多于登记到位的 {received} 万元"
    }
    FundPlanned {
        en: "planned",
        zh: "计划"
    }
    FundReceived {
        en: "received",
        zh: "到位"
    }
    FundPaid {
        en: "paid out",
        zh: "支付"
    }
    FundsRecorded {
        en: "{id}: {amount} 万元 {what} from {source} on {date} ({source} to date: received {received}, paid {paid} 万元)\n",
        zh: "{id}：{date} {source}{what} {amount} 万元（{source}累计：到位 {received}，支付 {paid} 万元）\n"
    }
    LimitBeforeVisit {
        en: "--limit: the time limit {limit} is before the visit ({date})",
        zh: "--limit：解决时限 {limit} 早于督导日期（{date}）"
    }
    VisitRecorded {
        en: "{id}: site visit of {date} by {by} recorded\n",
        zh: "{id}：已登记 {by} {date} 的现场督导\n"
    }
    VisitProblem {
        en: "{id}: problem {no} recorded from the findings, {unit} to resolve it by {limit}\n",
        zh: "{id}：已据督导发现登记问题 {no}，由{unit}在 {limit} 前解决\n"
    }
    UnknownCategory {
        en: "--category: unknown problem category \"{text}\": expected one of {list} (`[problems] categories` in ledger.toml)",
        zh: "--category：没有问题类别“{text}”：可选 {list}（ledger.toml 的 `[problems] categories`）"
    }
    EscalateToTaskforce {
        en: "--to: a problem starts at the task force; escalate it to mechanism or leader",
        zh: "--to：问题本来就在专班层级；请上报到 mechanism（协调机制）或 leader（县领导）"
    }
    ResolvedNoEscalate {
        en: "{id}: problem {no} was resolved on {date}; a resolved problem does not go up",
        zh: "{id}：问题 {no} 已于 {date} 解决；已解决的问题不再上报"
    }
    AlreadyAtLevel {
        en: "{id}: problem {no} is already at {key} ({zh}); it can only go higher",
        zh: "{id}：问题 {no} 已在{zh}（{key}）层级；只能继续向上"
    }
    BeforeEscalation {
        en: "--date: {date} is before the problem went to {to} on {on}",
        zh: "--date：{date} 早于问题在 {on} 上报到 {to}"
    }
    Escalated {
        en: "{id}: problem {no} taken to {key} ({zh}) on {date}\n",
        zh: "{id}：问题 {no} 已于 {date} 上报到{zh}（{key}）\n"
    }
    ResolvedNoOrder {
        en: "{id}: problem {no} was resolved on {date}; there is nothing to supervise",
        zh: "{id}：问题 {no} 已于 {date} 解决；无需督办"
    }
    OrderDueBeforeIssued {
        en: "--due: {due} is before the order is issued ({date})",
        zh: "--due：{due} 早于督办单下发日期（{date}）"
    }
    AlreadyOrdered {
        en: "{id}: problem {no} already has supervision order {order} (issued {date}, due {due}); edit problems.csv to replace it",
        zh: "{id}：问题 {no} 已有督办单 {order}（{date} 下发，期限 {due}）；如需替换请修改 problems.csv"
    }
    Ordered {
        en: "{id}: problem {no} under supervision order {order} (督办) issued {date}, due {due}\n",
        zh: "{id}：问题 {no} 已于 {date} 下发督办单 {order}，期限 {due}\n"
    }

    // ---- meetings and leaders on duty ----
    MeetingAfterToday {
        en: "{date} is after today ({today}); record a meeting on or after the day it is held",
        zh: "{date} 晚于今天（{today}）；请在会议召开当天或之后登记"
    }
    NoMeeting {
        en: "no meeting on {date}: no file {file} (record it with `taizhang meeting add --date {date} --title …`)",
        zh: "{date} 没有调度会：没有文件 {file}（请用 `taizhang meeting add --date {date} --title …` 登记）"
    }
    MeetingUnusable {
        en: "{file} cannot be used: {problem}; run `taizhang check` for details",
        zh: "{file} 无法使用：{problem}；详情请运行 `taizhang check`"
    }
    HasProblems {
        en: "it has problems",
        zh: "它有问题"
    }
    MeetingExists {
        en: "a meeting on {date} is already recorded ({file}); add its decisions with `taizhang meeting decide {date}`",
        zh: "{date} 的调度会已登记（{file}）；议定事项请用 `taizhang meeting decide {date}` 登记"
    }
    MeetingRecorded {
        en: "Meeting of {date} recorded: {title} ({file})\n",
        zh: "已登记 {date} 的调度会：{title}（{file}）\n"
    }
    DueBeforeMeeting {
        en: "--due: {due} is before the meeting ({date})",
        zh: "--due：{due} 早于会议日期（{date}）"
    }
    DecisionRecorded {
        en: "Meeting of {date}: decision {no} recorded, {unit} to carry it out by {due}\n",
        zh: "{date} 调度会：已登记议定事项 {no}，由{unit}在 {due} 前落实\n"
    }
    BadDecisionNo {
        en: "invalid decision number \"{text}\": expected 1, 2, 3…",
        zh: "无效的议定事项序号“{text}”：应为 1、2、3……"
    }
    NoDecisionYet {
        en: "the meeting of {date} has no decision {no}: it has no decisions yet",
        zh: "{date} 的调度会没有议定事项 {no}：尚未登记任何议定事项"
    }
    NoDecision {
        en: "the meeting of {date} has no decision {no}: its decisions are {list}",
        zh: "{date} 的调度会没有议定事项 {no}：其议定事项为 {list}"
    }
    DecisionDone {
        en: "decision {no} of the meeting of {date} was already carried out on {on}",
        zh: "{date} 调度会的议定事项 {no} 已于 {on} 落实"
    }
    OnBeforeMeeting {
        en: "--on: {on} is before the meeting ({date})",
        zh: "--on：{on} 早于会议日期（{date}）"
    }
    DaysAfterDue {
        en: " ({n} days after the due day {due})",
        zh: "（超过期限 {due} {n} 天）"
    }
    DecisionCarriedOut {
        en: "Meeting of {date}: decision {no} carried out on {on}{late}\n",
        zh: "{date} 调度会：议定事项 {no} 已于 {on} 落实{late}\n"
    }
    LeaderUnchanged {
        en: "{name} ({key}): leader on duty unchanged\n",
        zh: "{name}（{key}）：带班领导未变\n"
    }
    LeaderSet {
        en: "{name} ({key}): leader on duty (带班领导) {leader}\n",
        zh: "{name}（{key}）：带班领导 {leader}\n"
    }
    LeaderRemoved {
        en: "{name} ({key}): leader on duty removed\n",
        zh: "{name}（{key}）：已删除带班领导\n"
    }

    // ---- people, limits, meetings files, settings conditions ----
    BadPhone {
        en: "invalid phone number \"{text}\": expected a mobile number like 13903931234 or a landline with its area code like 0393-1234567",
        zh: "无效的电话号码“{text}”：应为手机号如 13903931234，或带区号的座机如 0393-1234567"
    }
    NegativeLimit {
        en: "invalid time limit \"{text}\": a time limit cannot be negative; write at least \"1d\" or \"1wd\", or leave `limit` out",
        zh: "无效的办理时限“{text}”：时限不能为负；至少写 \"1d\" 或 \"1wd\"，或不写 `limit`"
    }
    ZeroLimit {
        en: "invalid time limit \"{text}\": a time limit of zero days would fall due the day it starts; write at least \"1d\" or \"1wd\", or leave `limit` out",
        zh: "无效的办理时限“{text}”：零天的时限会在开始当天到期；至少写 \"1d\" 或 \"1wd\"，或不写 `limit`"
    }
    DecisionTwice {
        en: "decision number {n} appears twice",
        zh: "议定事项序号 {n} 出现了两次"
    }
    UnknownProjectFolder {
        en: "unknown project \"{text}\": no folder projects/{text}",
        zh: "没有项目“{text}”：不存在文件夹 projects/{text}"
    }
    DecisionBeforeMeeting {
        en: "decision resolved on {resolved}, before the meeting ({date})",
        zh: "议定事项落实日期 {resolved} 早于会议日期（{date}）"
    }
    DecisionNotFound {
        en: "decision {no} not found",
        zh: "没有议定事项 {no}"
    }
    KeyTable {
        en: "`{key}` must be a table [{key}]",
        zh: "`{key}` 必须是表 [{key}]"
    }
    KeyEmptyName {
        en: "`{key}`: an empty name",
        zh: "`{key}`：名称为空"
    }
    KeyListedTwice {
        en: "`{key}`: \"{text}\" is listed twice",
        zh: "`{key}`：“{text}”列了两次"
    }
    KeyConditionTables {
        en: "`{key}` must hold tables like { land = [\"transfer\"] }",
        zh: "`{key}` 必须包含 { land = [\"transfer\"] } 这样的表"
    }
    KeyConditionTable {
        en: "`{key}` must be a table or an array of tables, e.g. {key} = { land = [\"transfer\"] }",
        zh: "`{key}` 必须是表或表数组，如 {key} = { land = [\"transfer\"] }"
    }
    UnknownFact {
        en: "`{key}`: unknown fact `{fact}`: expected types, land, investment_nature, hazchem, eia or relics_found",
        zh: "`{key}`：没有条件 `{fact}`：可选 types、land、investment_nature、hazchem、eia 或 relics_found"
    }
    TaskforceNotInSettings {
        en: "task force `{key}` not found in ledger.toml",
        zh: "ledger.toml 中没有工作专班 `{key}`"
    }
    EscalatedBeforeRaised {
        en: "escalated on {date}, before the problem was raised ({raised})",
        zh: "上报日期 {date} 早于问题提出日期（{raised}）"
    }
    OrderDueBeforeIssuedFile {
        en: "the order is due on {due}, before it was issued ({date})",
        zh: "督办期限 {due} 早于下发日期（{date}）"
    }

    // ---- the bulletin ----
    BulletinDraftWritten {
        en: "Draft {issue} ({period}) written to {path}",
        zh: "征求意见稿{issue}（{period}）已写入 {path}"
    }
    BulletinIssueWritten {
        en: "Issue {issue} ({period}) written to {path}",
        zh: "{issue}（{period}）已写入 {path}"
    }
    DocxOnlyBulletin {
        en: "--format docx is only for `taizhang report bulletin`; use table, csv, json or markdown",
        zh: "--format docx 只用于 `taizhang report bulletin`；请用 table、csv、json 或 markdown"
    }

    // ---- the bulletin ----
    BadMonth {
        en: "--month: invalid month \"{text}\": expected YYYY-MM, e.g. 2024-11",
        zh: "--month：无效的月份“{text}”：应为 YYYY-MM，如 2024-11"
    }
    ToBeforeFrom {
        en: "--to: {to} is before --from ({from})",
        zh: "--to：{to} 早于 --from（{from}）"
    }
    PeriodAfterToday {
        en: "the period {from} to {to} begins after today ({today}): a bulletin reports on days gone by",
        zh: "时段 {from} 至 {to} 从今天（{today}）之后开始：简报只报告已经过去的日子"
    }
    BulletinNoCsv {
        en: "--format csv: the bulletin has several tables; use markdown, html, json or docx",
        zh: "--format csv：简报含多张表；请用 markdown、html、json 或 docx"
    }
    DocxNeedsOutput {
        en: "--format docx writes a Word document: give --output FILE.docx (or --publish to keep it in the ledger)",
        zh: "--format docx 写出 Word 文档：请给出 --output 文件.docx（或用 --publish 保存在台账中）"
    }
    TownshipOrTaskforce {
        en: "--township and --taskforce: give one, a township's bulletin or a task force's 通报",
        zh: "--township 和 --taskforce：只给一个，出乡镇的简报或专班的通报"
    }
    NoProjectOfTownship {
        en: "--township: no project of township \"{text}\" as of {date}; townships in the ledger: {list}",
        zh: "--township：截至 {date} 没有乡镇“{text}”的项目；台账中的乡镇：{list}"
    }
    NoneRecorded {
        en: "none recorded",
        zh: "未登记"
    }
    AlreadyPublished {
        en: "the bulletin of {period} is already published as {file} (issue {no} of {year}); a published issue is not replaced: run without --publish for a copy in any format",
        zh: "{period}的简报已发布为 {file}（{year}年第{no}期）；已发布的简报不替换：不加 --publish 运行可得到任意格式的副本"
    }
    PublishNeedsAll {
        en: "{n} project(s) could not be read ({list}): a published issue must cover every project; fix them (`taizhang check`) and publish again",
        zh: "有 {n} 个项目无法读取（{list}）：发布的简报须涵盖所有项目；请修复（`taizhang check`）后再发布"
    }
    BulletinFileExists {
        en: "{file} exists but is not in {index}: refusing to overwrite it; move it away or add its row to the index",
        zh: "{file} 已存在但不在 {index} 中：不覆盖；请移走它，或把它的一行加入索引"
    }

    // ---- import lines ----
    ImportOpen {
        en: "open {id} {name} ({kind}), opened {opened}, {n} procedures",
        zh: "登记 {id} {name}（{kind}），登记日期 {opened}，{n} 项手续"
    }
    ImportChange {
        en: "change {id} {name} ({key}): {changes}",
        zh: "更改 {id} {name}（{key}）：{changes}"
    }

    // ---- the merge driver (git runs it on every merge) ----
    MergeConflict { en: "CONFLICT (taizhang): {file}: {conflict}", zh: "冲突（taizhang）：{file}：{conflict}" }
    MergeNote { en: "taizhang: {file}: {note}", zh: "taizhang：{file}：{note}" }
    MergeLineByLine {
        en: "taizhang: {file}: merged line by line, not row by row: {why}",
        zh: "taizhang：{file}：无法逐条合并记录，已按文本逐行合并：{why}"
    }
    MergeConflictsLeft { en: "; conflicts left in the file", zh: "；文件中留有冲突" }
    MergeOtherFile {
        en: "taizhang does not merge this kind of file",
        zh: "taizhang 不合并这类文件"
    }
    CannotRunGitMerge { en: "cannot run git merge-file", zh: "无法运行 git merge-file" }
    MergeBase { en: "the common ancestor", zh: "共同祖先版本" }
    MergeOurs { en: "our version", zh: "我方版本" }
    MergeTheirs { en: "their version", zh: "对方版本" }
    MergeSideError { en: "{side}: {error}", zh: "{side}：{error}" }
    MergeSideNotCsv { en: "{side} cannot be read as CSV", zh: "{side}无法按 CSV 读取" }
    MergeSideTwice {
        en: "{side} lists {noun} \"{key}\" twice",
        zh: "{side}中{noun}“{key}”出现了两次"
    }
    MergeSideNotToml { en: "{side} does not parse: {error}", zh: "{side}无法解析：{error}" }
    MergeDeletedChanged {
        en: "{noun} \"{key}\": deleted on one side, changed on the other",
        zh: "{noun}“{key}”：一方删除，另一方修改"
    }
    MergeChangedBothWays {
        en: "{noun} \"{key}\": changed both ways: {clashes}",
        zh: "{noun}“{key}”：双方改得不同：{clashes}"
    }
    MergeCellClash {
        en: "{column}: ours \"{ours}\", theirs \"{theirs}\"",
        zh: "{column}：我方“{ours}”，对方“{theirs}”"
    }
    MergeKeyClash {
        en: "key \"{key}\" changed both ways: ours {ours}, theirs {theirs}",
        zh: "“{key}”双方改得不同：我方 {ours}，对方 {theirs}"
    }
    MergeRemoved { en: "(removed)", zh: "（已删除）" }
    MergeRenumbered {
        en: "{noun} {n} added on their side is now number {next}: {what}",
        zh: "对方新增的{noun} {n} 已改为第 {next} 号：{what}"
    }
    NounProcedure { en: "procedure", zh: "手续" }
    NounProgressEntry { en: "progress entry", zh: "进度记录" }
    NounProblem { en: "problem", zh: "问题" }
    NounFundsEntry { en: "funds entry", zh: "资金记录" }
    NounVisit { en: "site visit", zh: "现场督导记录" }

    // ---- the progress bar of long reads (on a terminal only) ----
    ProgressReading { en: "reading projects", zh: "正在读取项目" }
    ProgressChecking { en: "checking projects", zh: "正在检查项目" }

    // ---- Excel workbooks ----
    DocxTooManyRows {
        en: "the bulletin lists {rows} table rows, more than a Word document of it holds ({max}): write it as HTML or Markdown (--format html|markdown), or one task force's or township's (--taskforce, --township)",
        zh: "本期简报的表格共 {rows} 行，超出 Word 文档的上限（{max} 行）：请用 HTML 或 Markdown 格式（--format html|markdown），或按专班、乡镇分别编发（--taskforce、--township）"
    }
    XlsxTooManyRows {
        en: "{rows} rows are more than an Excel worksheet holds (1,048,575 under the header): export CSV (--output FILE.csv) or one task force's rows (--taskforce)",
        zh: "{rows} 行超出了 Excel 工作表的容量（表头下最多 1,048,575 行）：请导出 CSV（--output 文件.csv）或只导出一个专班的行（--taskforce）"
    }
    XlsxCannotBuild { en: "cannot build the workbook: {error}", zh: "无法生成工作簿：{error}" }
    XlsxCellTooLong {
        en: "a cell holds more than the 32,767 characters Excel allows",
        zh: "有单元格超过了 Excel 允许的 32,767 个字符"
    }

    // ---- what cannot happen (a defect of taizhang, to report) ----
    InternalNotUtf8 {
        en: "internal error: {what} is not UTF-8",
        zh: "内部错误：{what}不是 UTF-8 文本"
    }
    CannotRender { en: "internal error: cannot render {what}", zh: "内部错误：无法生成{what}" }
    CompletionScript { en: "the completion script", zh: "命令补全脚本" }
    ManualPage { en: "the manual page", zh: "手册页" }
    WordDocument { en: "the Word document", zh: "Word 文档" }
    WordDocumentXml { en: "the Word document's XML", zh: "Word 文档的 XML" }
    ProjectCannotBeRead { en: "the project cannot be read", zh: "无法读取该项目" }
    EmptyFundSource { en: "empty: expected a source of funds", zh: "为空：应填写资金来源" }
    EmptyCell { en: "empty: expected text", zh: "为空：应填写内容" }
    CachedNotSaved {
        en: "internal error: a project read from the cache cannot be saved; read its files",
        zh: "内部错误：从缓存读取的项目不能保存；请读取其文件"
    }

    // ---- what `set` and `import` changed ----
    NoValue { en: "(none)", zh: "（无）" }
    FactYes { en: "true", zh: "是" }
    FactNo { en: "false", zh: "否" }
    FactLand { en: "land supply", zh: "供地方式" }
    FactNature { en: "investment nature", zh: "投资性质" }
    FactEia { en: "EIA category", zh: "环评类别" }
    FactLevel { en: "authority level", zh: "审批层级" }
    BadFactValue {
        en: "invalid {what} \"{text}\": expected one of {list}",
        zh: "无效的{what}“{text}”：可选 {list}"
    }
    FactHazchem { en: "hazardous chemicals", zh: "危化品情况" }
    FactRelics { en: "relics found", zh: "文物发现情况" }
    TaskListChange { en: "{n} procedure(s) {what}: {list}", zh: "{n} 项手续{what}：{list}" }
    TaskListAdded { en: "added as pending", zh: "新增为待办" }
    TaskListNeededAgain { en: "needed again, pending", zh: "重新需要，改为待办" }
    TaskListNotNeeded {
        en: "no longer needed (by the facts or the zone's regional assessment), kept as not needed with the reason in its note",
        zh: "不再需要（按项目情况或开发区区域评估），保留为无需办理，原因写在备注中"
    }
    TaskListRemoved {
        en: "no longer needed, removed (nothing was recorded on it)",
        zh: "不再需要，已删除（其上未登记任何内容）"
    }

    // ---- what an empty text should have said (EmptyText's {what}) ----
    GiveWaiveReason { en: "why it is not needed", zh: "无需办理的原因" }
    GiveExtendReason { en: "why the deadline was extended", zh: "延期的原因" }
    GiveProblemWhat { en: "what the problem is", zh: "问题内容" }
    GiveProblemUnit { en: "the responsible unit (责任单位) of the problem", zh: "问题的责任单位" }
    GiveUnit { en: "the responsible unit (责任单位)", zh: "责任单位" }
    GiveEscalateNote { en: "why the problem goes up a level", zh: "上报的原因" }
    GiveOrderNo { en: "the order's number (督办单号)", zh: "督办单号" }
    GiveResolvedHow { en: "how the problem was resolved", zh: "解决情况" }
    GiveVisitBy { en: "the team that went (督导组)", zh: "督导组" }
    GiveFindings { en: "what the team found", zh: "督导发现的情况" }
    GiveMeetingTitle { en: "the meeting's title, e.g. 第12次重大项目调度会", zh: "会议名称，如 第12次重大项目调度会" }
    GiveDecision { en: "what was decided", zh: "议定事项" }
    GiveDecisionHow { en: "how the decision was carried out", zh: "落实情况" }

    // ---- commands' own refusals ----
    NothingOfAuthority {
        en: "{id} has no procedures or problems of authority {authority}",
        zh: "{id} 没有审批部门为 {authority} 的手续或问题"
    }
    WithoutNotOnList {
        en: "--without: procedure \"{key}\" is not on the task list of type {kind} ({name}); nothing to leave out",
        zh: "--without：手续“{key}”不在 {kind}（{name}）类项目的任务清单中，无需排除"
    }
    DefaultSettingsInvalid {
        en: "internal error: the default ledger.toml does not validate: {error}",
        zh: "内部错误：默认的 ledger.toml 未通过检查：{error}"
    }
    UnknownAuthority {
        en: "--authority: unknown issuing authority \"{name}\": expected one of {list}",
        zh: "--authority：没有审批部门“{name}”：可选 {list}"
    }
    NewProjectNeedsName {
        en: "a project not yet in the ledger needs its name (column project_name, e.g. 项目名称)",
        zh: "台账中还没有的项目须有项目名称（project_name 列，如“项目名称”）"
    }
    NewProjectNeedsType {
        en: "a project not yet in the ledger needs its type (column type, e.g. 类型)",
        zh: "台账中还没有的项目须有项目类型（type 列，如“类型”）"
    }

    // ---- problems of the ledger's files (check) and their hints ----
    HintLine { en: "  = hint: {hint}", zh: "  = 提示：{hint}" }
    BadFundKind {
        en: "invalid kind \"{text}\": expected planned (计划), received (到位) or paid (支付)",
        zh: "无效的类别“{text}”：应为 planned（计划）、received（到位）或 paid（支付）"
    }
    BadLevel {
        en: "invalid level \"{text}\": expected taskforce (专班), mechanism (协调机制办公室) or leader (县政府领导)",
        zh: "无效的层级“{text}”：应为 taskforce（专班）、mechanism（协调机制办公室）或 leader（县政府领导）"
    }
    StagesMissingStage {
        en: "[[stages]]: missing `stage` (e.g. stage = \"completed\")",
        zh: "[[stages]]：缺少 `stage`（如 stage = \"completed\"）"
    }
    StagesMissingDate {
        en: "[[stages]]: missing `date` (the day the stage began)",
        zh: "[[stages]]：缺少 `date`（进入该阶段的日期）"
    }
    StagesEntryAfterToday {
        en: "[[stages]]: {stage} on {date} is after today ({today})",
        zh: "[[stages]]：{date} 的 {stage} 晚于今天（{today}）"
    }
    FundSourceUnknownInFile {
        en: "unknown source of funds \"{source}\": expected one of {list} (`[funds] sources` in ledger.toml)",
        zh: "没有资金来源“{source}”：可选 {list}（ledger.toml 的 `[funds] sources`）"
    }
    PaidExceedsReceived {
        en: "{source}: {paid} 万元 paid out, more than the {received} 万元 received",
        zh: "{source}：已支付 {paid} 万元，超过到位的 {received} 万元"
    }
    BadProblemNumber {
        en: "invalid problem number \"{text}\": expected 1, 2, 3… or nothing",
        zh: "无效的问题序号“{text}”：应为 1、2、3…… 或留空"
    }
    RestoreIsLink {
        en: "a symbolic link; taizhang does not follow links out of the ledger",
        zh: "是符号链接；taizhang 不跟随链接到台账之外"
    }
    MergeNotFinished {
        en: "a merge or rebase is not finished: nothing written",
        zh: "git 合并或变基尚未完成：没有写入"
    }
    Unmerged {
        en: "unmerged: a merge or rebase stopped on this file and git has not been told it is resolved",
        zh: "未合并：合并或变基停在这个文件上，尚未告诉 git 冲突已解决"
    }
    UnmergedHint {
        en: "make the file right (`taizhang check` shows what is wrong), `git add` it, then `git commit` or `git rebase --continue`",
        zh: "把文件改对（`taizhang check` 会指出哪里有误），`git add` 它，再 `git commit` 或 `git rebase --continue`"
    }
    VisitUnknownProblem {
        en: "the visit names problem {no}, which is not in problems.csv",
        zh: "督导记录提到问题 {no}，但 problems.csv 中没有它"
    }
    UnknownProblemCategory {
        en: "unknown problem category \"{category}\": expected one of {list} (`[problems] categories` in ledger.toml)",
        zh: "没有问题类别“{category}”：可选 {list}（ledger.toml 的 `[problems] categories`）"
    }
    ProblemUnknownProcedure {
        en: "the problem names procedure \"{procedure}\", which is not on the project's task list",
        zh: "问题提到手续“{procedure}”，但它不在项目的任务清单中"
    }
    DocNoScientific {
        en: "column \"doc_no\": \"{value}\" is a number Excel shortened to scientific notation; its last digits are lost",
        zh: "doc_no 列：“{value}”是被 Excel 缩写成科学计数法的数字，末尾几位已丢失"
    }
    DocNoScientificHint {
        en: "type the full document number (format the column as text in Excel)",
        zh: "请填写完整的文号（在 Excel 中把该列设为文本格式）"
    }
    NotPutBack {
        en: "the files already written could not all be put back: {files}",
        zh: "已写入的文件未能全部恢复：{files}"
    }
    MeetingMissingDate {
        en: "missing `date` (the day of the meeting)",
        zh: "缺少 `date`（调度会日期）"
    }
    MeetingFileName {
        en: "the meeting is dated {date} but the file is named {stem}.toml: name it {date}.toml",
        zh: "调度会日期是 {date}，文件却名为 {stem}.toml：请改名为 {date}.toml"
    }
    FileNotUtf8 {
        en: "the file is not valid UTF-8; save it as UTF-8",
        zh: "文件不是有效的 UTF-8；请另存为 UTF-8"
    }
    OrderNeedsNumber {
        en: "empty: a supervision order (督办) needs its number",
        zh: "为空：督办单须有单号"
    }
    ConflictMarker {
        en: "git conflict marker left in the file",
        zh: "文件中留有 git 冲突标记"
    }
    ConflictMarkerHint {
        en: "resolve the merge by hand (keep the right value, delete the marker lines), or, for procedures.csv, run `taizhang git setup` and redo the merge so the merge driver merges it row by row; then run `taizhang check`",
        zh: "手工解决合并（保留正确的值，删除标记行），或对 procedures.csv 运行 `taizhang git setup` 后重新合并，由合并驱动逐条合并；然后运行 `taizhang check`"
    }
    LimitWhenNeedsLimit {
        en: "`limit_when`: each condition needs its `limit`, e.g. { eia = [\"table\"], limit = \"30d\" }",
        zh: "`limit_when`：每个条件都须有 `limit`，如 { eia = [\"table\"], limit = \"30d\" }"
    }
    CoversUnknownProcedure {
        en: "`covers`: unknown procedure \"{key}\": not in the catalogue of ledger.toml",
        zh: "`covers`：没有手续“{key}”：不在 ledger.toml 的手续目录中"
    }
    FundsNotASource {
        en: "`funds.{key}`: \"{value}\" is not one of the `sources`: {list}",
        zh: "`funds.{key}`：“{value}”不在 `sources` 中：{list}"
    }
    AtNoFile {
        en: "--at: git did not give the file {file} of {commit}",
        zh: "--at：git 未给出 {commit} 中的文件 {file}"
    }
    UnknownZoneNoneDefined {
        en: "unknown development zone \"{zone}\": expected a [[zone]] key of ledger.toml (it defines none)",
        zh: "没有开发区“{zone}”：应为 ledger.toml 中 [[zone]] 的代码（其中未定义任何开发区）"
    }
    ZoneUnknownInFile {
        en: "unknown development zone \"{zone}\": expected a [[zone]] key of ledger.toml: {list}",
        zh: "没有开发区“{zone}”：应为 ledger.toml 中 [[zone]] 的代码：{list}"
    }

    // ---- the operating system's errors (English: std's own words) ----
    IoNotFound { en: "no such file or directory", zh: "找不到该文件或目录" }
    IoPermissionDenied { en: "permission denied", zh: "没有权限" }
    IoAlreadyExists { en: "it already exists", zh: "已经存在" }
    IoIsADirectory { en: "it is a folder", zh: "这是一个文件夹" }
    IoNotADirectory { en: "not a folder", zh: "不是文件夹" }
    IoDirectoryNotEmpty { en: "the folder is not empty", zh: "文件夹不是空的" }
    IoReadOnly { en: "the disk is read-only", zh: "磁盘是只读的" }
    IoStorageFull { en: "the disk is full", zh: "磁盘已满" }
    IoInvalidData { en: "the data is not valid", zh: "数据无效" }
    IoInterrupted { en: "interrupted", zh: "操作被中断" }

    // ---- sentences of reports (in the report's language: `tr_in!`) ----
    SlowFundsPaid {
        en: "funds paid slowly: {unpaid} 万元 of government money received since {since} not paid out ({days} days), {paid_pct}% of {received} 万元 received paid",
        zh: "资金支付进度慢：财政性资金到位{received}万元，支付率{paid_pct}%，{since}到位的资金{days}天未支付（未支付{unpaid}万元）"
    }
    SlowBondNotStarted {
        en: "bond money received, not started: {amount} 万元 of special bonds received since {first} ({days} days), works not started",
        zh: "专项债资金到位未开工：{first}起到位专项债券资金{amount}万元，{days}天未开工"
    }
    SlowProgressStale {
        en: "progress stale: no progress entry for {since} days (last on {last})",
        zh: "进度久未更新：{since}天无进度记录（最近一次{last}）"
    }
    SlowNotStarted {
        en: "not started: {late} days past the planned start {plan}",
        zh: "未按期开工：超过计划开工日期（{plan}）{late}天"
    }
    SlowStale {
        en: "stale: nothing recorded for {since} days (last on {last})",
        zh: "久未更新：{since}天无新记录（最近一次{last}）"
    }
    SlowInvestmentBehind {
        en: "investment behind: invested {inv_pct}% of plan, 时序进度 {elapsed_pct}% ({invested} of {plan} 万元 planned for {year})",
        zh: "投资滞后：完成年度计划投资{inv_pct}%，时序进度{elapsed_pct}%（{year}年计划{plan}万元，已完成{invested}万元）"
    }
    SlowProceduresBehind {
        en: "procedures behind: {done_pct}% obtained or pledged ({done} of {needed}), {elapsed_pct}% of the time to the planned start elapsed",
        zh: "手续滞后：手续办结{done_pct}%（{done}/{needed}），时序进度{elapsed_pct}%"
    }
    SlowNone {
        en: "No project is lit red or yellow as of {date}.\n",
        zh: "截至{date}，无红灯、黄灯项目。\n"
    }
    OverdueOrderItem {
        en: "{item} (order {order})",
        zh: "{item}（{order}）"
    }
    OverdueDecisionItem {
        en: "{item} (meeting of {meeting}, no. {no})",
        zh: "{item}（{meeting}调度会第{no}项）"
    }
    OverdueNone {
        en: "Nothing overdue as of {date}.\n",
        zh: "截至{date}，无逾期事项。\n"
    }
    ProblemStep {
        en: "{level} {date}",
        zh: "{date}报{level}"
    }
    ProblemLevelPath {
        en: "{level} ({steps})",
        zh: "{level}（{steps}）"
    }
    ProblemOrder {
        en: "{no} due {due}",
        zh: "{no}（{due}前）"
    }
    ProblemOrderOverdue {
        en: "{no} due {due}, overdue {days} days",
        zh: "{no}（{due}前，逾期{days}天）"
    }
    ProblemOverdueDays {
        en: "overdue {days} days",
        zh: "逾期{days}天"
    }
    ProblemsNone {
        en: "No problems recorded as of {date}.\n",
        zh: "截至{date}，无问题记录。\n"
    }
    SkippedNote {
        en: "{n} project(s) could not be read and are left out: {ids} — run taizhang check",
        zh: "未能读取 {n} 个项目: {ids} — 运行 taizhang check"
    }
    CellOverdueDays {
        en: "{cell} (overdue {days} d)",
        zh: "{cell}（逾期{days}天）"
    }
    CellExpiredDays {
        en: "{cell} (expired {days} d)",
        zh: "{cell}（已过期{days}天）"
    }
    SheetTitle {
        en: "{title} (as of {date})",
        zh: "{title}（数据截至{date}）"
    }
    NoProjectAtStage {
        en: "No project is {stages}.\n",
        zh: "没有{stages}阶段的项目。\n"
    }
    DecisionsNone {
        en: "No meeting decisions recorded as of {date}.\n",
        zh: "截至{date}，无调度会议定事项。\n"
    }
    ExtendedOnce {
        en: " (extended from {from})",
        zh: "（延期1次，原时限{from}）"
    }
    ExtendedTimes {
        en: " (extended {n} times, first deadline {from})",
        zh: "（延期{n}次，原时限{from}）"
    }
    FactUnrecorded { en: "{fact} not recorded", zh: "{fact}未定" }
    WaivedByZone {
        en: "; covered by the regional assessment of {zone}",
        zh: "；区域评估已覆盖（{zone}）"
    }

    // ---- a procedure's state, as messages name it (English: its key) ----
    StatePending { en: "pending", zh: "待办" }
    StateApplied { en: "applied", zh: "已申报" }
    StatePledged { en: "pledged", zh: "容缺/承诺" }
    StateObtained { en: "obtained", zh: "已办结" }
    StateNotNeeded { en: "not-needed", zh: "无需办理" }
    RenamedByGit { en: "git mv", zh: "git mv" }
    RenamedPlain { en: "renamed", zh: "已改名" }

    // ---- tables ----
    TotalItems { en: "{n} items", zh: "共 {n} 项" }
    TotalOneItem { en: "1 item", zh: "共 1 项" }

    // ---- names that are not known: "did you mean" ----
    DidYouMean { en: "; did you mean {suggestions}?", zh: "；是否要找 {suggestions}？" }
    SeeCatalogue {
        en: " (`taizhang catalogue` lists them all)",
        zh: "（`taizhang catalogue` 列出全部）"
    }
    ExpectedOneOf { en: ": expected one of {list}", zh: "：可选 {list}" }
    SeeShow {
        en: " (`taizhang show {id}` lists its procedures)",
        zh: "（`taizhang show {id}` 列出其手续）"
    }
    UnknownProcedure {
        en: "unknown procedure \"{text}\"",
        zh: "没有名为“{text}”的手续"
    }
    ProcedureNotOnList {
        en: "procedure \"{text}\" is not on the task list of project \"{id}\"",
        zh: "项目“{id}”的任务清单中没有手续“{text}”"
    }
    UnknownTaskforce {
        en: "unknown task force \"{text}\"",
        zh: "没有名为“{text}”的工作专班"
    }
    UnknownType {
        en: "unknown project type \"{text}\"",
        zh: "没有名为“{text}”的项目类型"
    }
    UnknownTownship {
        en: "unknown township \"{text}\"",
        zh: "没有名为“{text}”的乡镇"
    }
    UnknownProject {
        en: "unknown project \"{text}\": no folder {dir}",
        zh: "没有项目“{text}”：不存在文件夹 {dir}"
    }
    SeeList { en: " (see `taizhang list`)", zh: "（见 `taizhang list`）" }
    ManyProjectsMatch {
        en: "\"{text}\" matches {count} projects; give the ID of one:",
        zh: "“{text}”匹配到 {count} 个项目，请给出其中一个的编号："
    }
    UnknownSortField {
        en: "--sort: no column \"{text}\" to sort by: expected one of {fields}",
        zh: "--sort：没有可排序的列“{text}”：可选 {fields}"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message has both languages, with the same slots; the Chinese
    /// text is Chinese.
    #[test]
    fn every_message_has_both_languages() {
        let cjk = |s: &str| {
            s.chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
            })
        };
        for &id in Msg::ALL {
            let (en, zh) = (id.template(Lang::En), id.template(Lang::Zh));
            assert!(!en.trim().is_empty(), "{id:?} has no English text");
            assert!(!zh.trim().is_empty(), "{id:?} has no Chinese text");
            assert!(
                cjk(zh) || en == zh,
                "{id:?}: the Chinese text is not Chinese"
            );
            let mut a = slots(en);
            let mut b = slots(zh);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{id:?}: the two languages fill different slots");
        }
    }

    /// Every message is said somewhere: a text no code uses is one that
    /// drifted from the code.
    #[test]
    fn every_message_is_used() {
        fn walk(dir: &std::path::Path, out: &mut String) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("msg.rs") {
                    out.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        let mut src = String::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut src,
        );
        let own = include_str!("msg.rs");
        src.push_str(own.split("macro_rules! messages").next().unwrap());
        // The ids `tr_in!(lang, Id …)` names (its second argument).
        let in_lang: Vec<&str> = src
            .split("tr_in!(")
            .skip(1)
            .filter_map(|rest| rest.split(',').nth(1))
            .map(|id| id.trim().trim_end_matches(')').trim())
            .collect();
        for &id in Msg::ALL {
            let name = format!("{id:?}");
            let used = [
                format!("tr!({name})"),
                format!("tr!({name},"),
                format!("Msg::{name}"),
            ]
            .iter()
            .any(|p| src.contains(p.as_str()))
                || src.contains(&format!("tr!(\n{name}"))
                || in_lang.contains(&name.as_str())
                || src.lines().any(|l| {
                    l.trim() == format!("{name},")
                        || l.trim_start().starts_with(&format!("{name}, "))
                });
            assert!(used, "{name} is in the table but never said");
        }
    }

    #[test]
    fn fills_named_slots() {
        assert_eq!(fill("a {x} b {y}", &[("x", &1), ("y", &"z")]), "a 1 b z");
        assert_eq!(fill("a {x}", &[]), "a {x}");
        assert_eq!(fill("a { b", &[]), "a { b");
    }
}
