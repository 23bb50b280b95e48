//! The Chinese help (中文帮助) of every command and option. The English help
//! is the doc comments of `cli.rs`; when the language is Chinese (see
//! `cli::prescan_lang`) `translate` rewrites the parsed-from-derive command
//! with the texts of `HELP` below: about and help strings, the headings
//! clap prints (用法, 命令, 选项, 参数), its own `--help`/`--version` flags
//! and `help` subcommand. `print_error` gives clap's usage errors in
//! Chinese from the message table (`msg`).
//!
//! A key of `HELP` is a command path (`""` for taizhang itself,
//! `"report overdue"`), or a path and an argument id (`"open:planned_start"`;
//! `"*:id"` serves every command's argument of that id not named itself).

use crate::model::Lang;
use clap::Command;

/// The Chinese help texts, by command path and argument id.
pub const HELP: &[(&str, &str)] = &[
    (
        "",
        "taizhang（台账）：县重大投资项目前期手续台账，数据为保存在 git 中的 TOML 和 CSV 文本文件",
    ),
    (
        ":ledger",
        "台账目录［默认：当前目录或其上级中含 ledger.toml 的最近目录；也可用环境变量 TAIZHANG_LEDGER］；给出多次即汇总多个台账出报表",
    ),
    (
        ":today",
        "按哪一天办理和统计，如 2024-03-01、2024/3/1 或 2024年3月1日［默认：系统日期；也可用环境变量 TAIZHANG_TODAY］",
    ),
    (
        ":format",
        "查询类命令的输出格式：table（终端表格，默认）、csv、json、markdown，html（仅周报和简报），docx（仅简报）",
    ),
    (
        ":lang",
        "提示和表头的语言：zh（中文）或 en（英文）［默认：ledger.toml 中的 lang］",
    ),
    (
        ":taskforce",
        "只看一个工作专班的手续（list、show、报表和导出），写代码或名称，如 land、用地专班 或 用地",
    ),
    (
        ":color",
        "终端表格是否着色：auto（仅在终端上，默认）、always 或 never；设置了 NO_COLOR 时不着色",
    ),
    (
        ":commit",
        "每次改动都提交到 git：一次提交恰好包含改动的文件［默认：ledger.toml 中的 auto_commit］",
    ),
    (
        ":at",
        "查看台账在过去某次 git 提交时的样子（仅查询类命令），如 HEAD~3、提交号或标签",
    ),
    (":no_cache", "不使用项目缓存，直接读取每个项目的文件"),
    ("*:id", "项目编号（如 shengrun-hq）"),
    (
        "*:procedure",
        "手续：目录中的代码（如 eia）或中文名称（如 环评批复）",
    ),
    ("*:township", "只看该乡镇（街道）的项目，如 侯庙镇"),
    ("*:leader", "包联县领导，如 李明"),
    ("*:unit", "责任单位，如 县发展和改革委员会"),
    ("*:person", "责任人，如 张伟"),
    (
        "*:person_phone",
        "责任人电话：手机 13903931234 或座机 0393-1234567",
    ),
    ("*:contact", "项目单位联系人"),
    ("*:contact_phone", "项目单位联系人电话"),
    (
        "problem add:category",
        "问题类别，取自 `[problems] categories`，如 用地",
    ),
    (
        "problem list:level",
        "只看在该层级处理的问题（截至 --today，含自动上报规则）",
    ),
    ("problem list:category", "只看该类别的问题，如 用地"),
    ("problem list:unit", "只看该责任单位的问题"),
    ("problem list:overdue", "只看超过解决时限或督办期限的问题"),
    (
        "problem escalate",
        "问题逐级上报：报协调机制办公室或县政府领导",
    ),
    (
        "problem escalate:no",
        "问题序号（见 `taizhang problem list`）",
    ),
    (
        "problem escalate:to",
        "上报到的层级：mechanism（协调机制办公室）或 leader（县政府领导）",
    ),
    ("problem escalate:date", "上报日期［默认：今天］"),
    (
        "problem escalate:note",
        "上报的原因和方式，如“专班协调未果，提请协调机制办公室”",
    ),
    ("problem order", "对问题下发督办单，有其自己的期限"),
    ("problem order:no", "问题序号（见 `taizhang problem list`）"),
    ("problem order:order_no", "督办单号，如 台督〔2024〕12号"),
    ("problem order:due", "落实督办的最后一天，如 2024-04-30"),
    ("problem order:date", "督办单下发日期［默认：今天］"),
    (
        "funds",
        "登记项目资金（资金使用台账）：计划、到位或支付，以万元计，资金来源取自 ledger.toml 的 `[funds] sources`",
    ),
    (
        "funds:source",
        "资金来源，取自 `[funds] sources`，如 专项债券",
    ),
    ("funds:received", "资金到位（万元）"),
    ("funds:paid", "资金支付（万元）"),
    ("funds:planned", "计划资金（万元）"),
    ("funds:date", "登记日期［默认：今天］"),
    ("funds:note", "备注，如批次或凭证号"),
    (
        "leader",
        "在 ledger.toml 中为工作专班指定带班领导，`report taskforce` 会列出；NAME 为空则删除",
    ),
    ("leader:key", "工作专班代码，如 land"),
    ("leader:name", "带班领导，如“副县长 王磊”"),
    ("meeting", "调度会及其议定事项"),
    ("meeting add", "登记一次调度会：写出 meetings/<日期>.toml"),
    ("meeting add:date", "调度会日期，如 2024-03-15"),
    ("meeting add:title", "会议名称，如 第12次重大项目调度会"),
    ("meeting decide", "登记某日调度会的一项议定事项"),
    ("meeting decide:date", "调度会日期，如 2024-03-15"),
    ("meeting decide:what", "议定的内容"),
    ("meeting decide:unit", "责任单位"),
    ("meeting decide:due", "落实的最后一天，如 2024-04-30"),
    ("meeting decide:project", "涉及的项目"),
    ("meeting resolve", "登记议定事项已落实及落实情况"),
    ("meeting resolve:date", "调度会日期，如 2024-03-15"),
    ("meeting resolve:no", "议定事项序号（每次会议从 1 起编号）"),
    ("meeting resolve:how", "落实情况"),
    ("meeting resolve:on", "落实日期［默认：今天］"),
    ("meeting list", "列出每次调度会的议定事项及其状态"),
    ("meeting list:open", "只列未落实的事项"),
    (
        "visit",
        "登记一次现场督导；加 --problem 时，督导发现同时在问题台账中登记为问题",
    ),
    ("visit:date", "督导日期［默认：今天］"),
    ("visit:by", "督导组，如 县督导服务专班第二组"),
    ("visit:findings", "督导发现"),
    (
        "visit:problem",
        "把督导发现登记为问题（需 --unit 和 --limit）",
    ),
    ("visit:unit", "问题的责任单位"),
    ("visit:limit", "问题的解决时限，如 2024-03-31"),
    ("visit:category", "问题类别，取自 `[problems] categories`"),
    (
        ":authority",
        "只看某一审批部门出具的手续及其负责的问题（list、show、报表和导出），如 县发展和改革委员会",
    ),
    (
        "*:land",
        "供地方式：transfer（出让）、allocation（划拨）、own（自有用地）或 none（不新增用地）",
    ),
    (
        "*:investment_nature",
        "投资性质：government（政府投资，审批）、sanction（企业投资核准）或 filing（企业投资备案）",
    ),
    ("*:hazchem", "是否涉及危化品：yes 或 no"),
    (
        "*:eia",
        "环评类别：report（报告书）、table（报告表）、register（登记表）或 none",
    ),
    ("*:relics_found", "考古调查勘探是否发现文物：yes 或 no"),
    (
        "*:zone",
        "项目所在开发区：ledger.toml 中 `[[zone]]` 的代码，其区域评估可免于办理部分手续",
    ),
    (
        "*:kind",
        "只看该类型的项目：代码或中文名称，如 chemical 或 化工",
    ),
    (
        "*:search",
        "只看编号、名称或项目单位中含有该文字的项目，如 盛润",
    ),
    (
        "*:sort",
        "按某一列排序，写表头，如 总投资、逾期天数、investment：数字从大到小，日期和文字从前到后",
    ),
    (
        "init",
        "新建台账：写出带注释的 ledger.toml，含七个工作专班、项目类型和手续目录；已有台账时拒绝覆盖",
    ),
    (
        "init:dir",
        "新台账的目录［默认：-L 给出的目录，否则当前目录］",
    ),
    ("init:name", "台账名称［默认：目录名］"),
    ("init:region", "行政区划代码，6 位数字（台前县 = 410927）"),
    ("open", "登记项目，并按手续目录生成其任务清单"),
    (
        "open:id",
        "项目编号：简短的英文小写代号，如 shengrun-hq（也是其文件夹名）",
    ),
    ("open:name", "项目名称"),
    (
        "open:kind",
        "项目类型：ledger.toml 中的代码或中文名称，如 chemical 或 化工",
    ),
    ("open:owner", "项目单位"),
    ("open:township", "所在乡镇（街道）"),
    (
        "open:code",
        "全国投资项目代码，YYMM-RRRRRR-DD-TT-NNNNNN（YYMM：赋码年月）",
    ),
    (
        "open:investment",
        "总投资（万元），如 35000、3500.5 或 35,000",
    ),
    (
        "open:planned_start",
        "计划开工日期，如 2024-06-30 或 2024年6月30日",
    ),
    ("open:with", "加上该类型未列入的目录手续（可重复）"),
    ("open:without", "将清单中的某项手续标为无需办理（可重复）"),
    ("list", "列出项目及其阶段和手续办理数量"),
    (
        "show",
        "查看一个项目：各项手续、状态、日期和承诺；逾期的手续和过期的承诺会标出",
    ),
    (
        "show:id",
        "项目编号，或只有一个项目含有的项目名称（或编号、项目单位）中的词，如 道路",
    ),
    ("tick", "登记手续已办结；如有承诺则一并视为兑现"),
    ("tick:date", "办结日期［默认：今天］"),
    ("tick:doc", "批复文号"),
    ("tick:note", "备注"),
    ("pledge", "登记手续以承诺方式办理（容缺受理 / 告知承诺）"),
    ("pledge:due", "承诺时限：补齐材料的最后一天"),
    (
        "pledge:kind",
        "承诺方式：容缺（tolerance，容缺受理）或 告知承诺（notify）",
    ),
    ("pledge:items", "承诺补齐事项"),
    ("pledge:date", "受理承诺的日期［默认：今天］"),
    ("fulfil", "登记承诺已兑现：所缺材料已补齐"),
    ("fulfil:date", "补齐材料的日期［默认：今天］"),
    ("due", "设定手续应办结的日期（时间节点）"),
    (
        "due:date",
        "应办结的最后一天，如 2024-04-30 或 2024年4月30日",
    ),
    ("start", "登记项目开工"),
    ("start:date", "开工日期［默认：今天］"),
    (
        "check",
        "检查整个台账，列出每个问题。错误（文件无法读取、值无法解析、不可能的状态如晚于今天的日期）退出码为 1；警告（少见但可能，如手续未办结就开工——未批先建）以“警告：”列出，退出码为 0，除非给出 --deny-warnings",
    ),
    (
        "check:deny_warnings",
        "有警告时也以退出码 1 结束，如用于提交前检查",
    ),
    (
        "undo",
        "把一项手续退回待办：清除其申报、办结日期、批复文号和承诺（登记错了的撤销）",
    ),
    ("undo:reason", "撤销的原因（加到该行备注中）"),
    (
        "edit",
        "更正一项手续在当前状态下的字段，如写错的日期或批复文号；与该状态不符的字段会被拒绝。--date 是办结日期（未兑现的承诺则为受理承诺的日期）；--due 是时间节点（未兑现的承诺则为承诺时限：这是改正笔误，不是延期——延期请用 extend）",
    ),
    ("edit:date", "办结日期；未兑现的承诺则为受理承诺的日期"),
    ("edit:doc", "批复文号"),
    ("edit:applied", "申报日期"),
    ("edit:due", "时间节点；未兑现的承诺则为承诺时限"),
    ("edit:items", "承诺补齐事项"),
    ("edit:note", "该行备注（整体替换）"),
    ("extend", "承诺延期：保留最初的承诺时限和延期次数"),
    ("extend:due", "新的承诺时限，须晚于现在的时限"),
    ("extend:reason", "延期的原因（加到该行备注中）"),
    (
        "require",
        "在项目登记后把目录中的手续加入其任务清单，状态为待办（或恢复被标为无需办理的手续）",
    ),
    (
        "require:procedures",
        "手续：目录中的代码或中文名称（可多个）",
    ),
    (
        "waive",
        "将项目的手续标为无需办理（不需办理）并写明原因，如已由开发区区域评估覆盖；这些行仍留在清单中",
    ),
    (
        "waive:procedures",
        "手续：任务清单中的代码或中文名称（可多个）",
    ),
    ("waive:reason", "无需办理的原因，如“已由园区区域评估覆盖”"),
    ("report", "打印报表"),
    (
        "report overdue",
        "全部逾期事项，逾期最久的在前：超过承诺时限的承诺、超过时间节点的手续、超过计划开工日期的项目",
    ),
    (
        "report overdue:exit_code",
        "有逾期事项时以退出码 3 结束（供定时脚本使用）",
    ),
    ("report slow", "因进度滞后亮红灯、黄灯的项目及全部原因"),
    ("report slow:all", "也列出绿灯项目"),
    (
        "report weekly",
        "含 --week-of 那一天的一周（周一至周日）的简报：markdown（默认）、--format html（单个独立文件）或 json。按该周结束时（或今天，若更早）的台账统计",
    ),
    (
        "report weekly:week_of",
        "要出简报那一周中的任一天［默认：今天］",
    ),
    (
        "report bulletin",
        "报送县政府领导的简报，带期号：一周（--week-of，默认）、一个月（--month）或任意时段（--from、--to），按时段结束时（或今天，若更早）统计。Markdown（默认）、--format html、json，或 --format docx --output 文件.docx（公文格式的 Word 文档）。--publish 把它按期号保存在台账中（bulletins/<年>-<期号>.<扩展名>）；不加则为征求意见稿，显示它将得到的期号。--taskforce 代码 出某一专班的通报，--township 出某一乡镇的简报",
    ),
    (
        "report bulletin:week_of",
        "含这一天的一周（周一至周日）［默认：今天］",
    ),
    ("report bulletin:month", "一个自然月，YYYY-MM（月报）"),
    (
        "report bulletin:from",
        "自定义时段的第一天，如 2024-11-01（与 --to 同用）",
    ),
    (
        "report bulletin:to",
        "自定义时段的最后一天，如 2024-11-30（与 --from 同用）",
    ),
    (
        "report bulletin:publish",
        "把简报按当年的下一个期号保存在台账中（bulletins/<年>-<期号>.<扩展名>）；有 --commit 或 auto_commit 时一并提交",
    ),
    (
        "report bulletin:output",
        "把简报写到此文件而不是标准输出（docx 必须给出）",
    ),
    (
        "report taskforce",
        "各工作专班手续办理情况（手续办理调度台账）：总数、已办结、容缺/承诺、待办、逾期",
    ),
    (
        "apply",
        "登记手续已申报，并按目录中的办理时限算出时间节点（自然日“30d”或工作日“20wd”，工作日跳过周末和法定节假日、计入调休上班日）",
    ),
    ("apply:date", "申报日期［默认：今天］"),
    (
        "completions",
        "打印命令行补全脚本，如 `taizhang completions bash > /etc/bash_completion.d/taizhang`；PowerShell 用 `taizhang completions powershell`",
    ),
    (
        "completions:shell",
        "要补全的命令行：bash、elvish、fish、powershell 或 zsh",
    ),
    (
        "man",
        "打印手册页（roff 格式），如 `taizhang man | man -l -`",
    ),
    (
        "export",
        "导出报表或手续台账，供 Excel、WPS 打开：.xlsx 工作簿（--output 文件.xlsx：真实日期、冻结表头、筛选）或 Excel 用 CSV（--output 文件.csv，或单用 --for-excel 输出到标准输出：带 BOM 的 UTF-8，以 = + - @ 开头的单元格已处理）",
    ),
    (
        "export:what",
        "导出什么：overdue（逾期清单）、slow（进度滞后亮灯）、list（项目清单）、procedures（前期手续台账）、problems（问题台账）、progress（进度台账）、funds（资金使用台账）",
    ),
    (
        "export:output",
        "写出的文件：.xlsx 为工作簿，.csv 为 Excel 用 CSV",
    ),
    (
        "export:for_excel",
        "Excel、WPS 用 CSV：带 BOM 的 UTF-8，公式已处理，易被误读为日期或数字的单元格已加保护",
    ),
    ("export:force", "文件已存在时覆盖"),
    (
        "export:title",
        "在 .xlsx 表头上方加一行标题（含数据截至日期），冻结表头和筛选照常",
    ),
    ("import", "从 Excel、WPS 中维护的表格导入"),
    (
        "import tasks",
        "从另存为 CSV 的任务表登记项目并设置手续状态。表格可为 UTF-8（带或不带 BOM）或 GBK/GB18030，自动识别；每行一个项目的一项手续；按常用表头（项目、项目名称、类型、手续、状态、办结日期、批复文号……）或 --mapping / --column 指定的列读取。台账中没有的项目会被登记（需有名称和类型）。空单元格不作改动；与台账矛盾的值算作错行。只要有一行错，就什么也不写；重复导入同一张表不会再有改动",
    ),
    ("import tasks:file", "从 Excel 或 WPS 另存为 CSV 的表格"),
    (
        "import tasks:mapping",
        "说明表格各列（[columns] 字段 = \"表头\"）和状态用语（[status] \"已批复\" = \"obtained\"）的 TOML 文件",
    ),
    (
        "import tasks:column",
        "指定某字段所在的列，如 --column project_name=项目名称（可重复；优先于 --mapping）",
    ),
    ("import tasks:dry_run", "只显示将作的改动，不写入"),
    ("plan", "设定项目某一年的年度计划投资"),
    ("plan:year", "计划年度，如 2024"),
    ("plan:amount", "该年度计划投资（万元），如 12000 或 12,000"),
    (
        "progress",
        "登记项目进度（进度台账）：累计完成投资和形象进度",
    ),
    (
        "progress:invested",
        "累计完成投资（万元），如 4200 或 4,200",
    ),
    ("progress:date", "登记日期［默认：今天］"),
    ("progress:note", "形象进度，如“主体结构封顶”"),
    ("problem", "问题台账：问题、责任单位、解决时限"),
    ("problem add", "登记项目的一个问题，及其责任单位和解决时限"),
    ("problem add:what", "问题内容"),
    ("problem add:unit", "责任单位，如 县自然资源局"),
    (
        "problem add:limit",
        "解决时限：允许的最后一天，如 2024-03-31",
    ),
    ("problem add:date", "提出问题的日期［默认：今天］"),
    ("problem resolve", "登记问题已解决及解决情况"),
    (
        "problem resolve:no",
        "问题序号（每个项目从 1 起编号；见 `taizhang problem list`）",
    ),
    ("problem resolve:date", "解决日期［默认：今天］"),
    ("problem resolve:how", "解决情况"),
    ("problem list", "按项目和序号列出全部问题"),
    ("problem list:open", "只列未解决的问题"),
    ("git", "git 相关：为台账文件设置合并驱动"),
    (
        "git setup",
        "在本仓库自己的 git 配置（.git/config）中按命令名（在 PATH 中查找）登记台账文件的合并驱动，并写出 .gitattributes",
    ),
    (
        "merge-file",
        "git 对项目文件调用的合并驱动（见 `taizhang git setup`）：把 BASE、OURS、THEIRS 合并到 OURS——procedures.csv、progress.csv、problems.csv 按各自的键（手续、日期、序号）逐行、逐格合并；project.toml 逐键合并并保留注释。两边都改了的格子或键以 git 冲突标记写出两次，退出码为 1。`merge-csv` 是它以前的名字",
    ),
    ("merge-file:base", "共同祖先版本（git 的 %O）"),
    (
        "merge-file:ours",
        "我方版本，合并结果写回此文件（git 的 %A）",
    ),
    ("merge-file:theirs", "对方版本（git 的 %B）"),
    (
        "merge-file:path",
        "该文件在仓库中的路径，用于提示（git 的 %P）",
    ),
    (
        "catalogue",
        "打印 ledger.toml 中的手续目录：每项手续的代码、中文名称、工作专班、适用项目类型和办理时限",
    ),
    (
        "log",
        "git 中的台账历史：谁在何时改了什么；给出 ID 时只看该项目",
    ),
    ("log:id", "项目编号"),
    (
        "fix",
        "修复被 Excel 或 WPS 保存过的台账文件：UTF-8、LF、ISO 日期。把指定项目（未指定则全部）的 procedures.csv、progress.csv、problems.csv 改回 taizhang 写出的格式：GBK 或 BOM → UTF-8，CRLF → LF，2026/3/20 或 2026年3月20日 → 2026-03-20，去掉末尾空列和空行，按台账的列序排列（未知列保留在后），并列出改动的每个格子。有两种读法的日期（03/04/2024）或被 Excel 缩写的数字（3.5E+04）会报告其格子并留给您处理：该文件不改写，退出码为 1",
    ),
    ("fix:ids", "项目编号［默认：全部项目］"),
    ("fix:dry_run", "只显示将作的改动，不写入"),
    (
        "*:stage",
        "只看处于该阶段的项目（可重复）：preparing、building、completed、producing、suspended、cancelled（或 前期、在建、竣工、投产、暂缓、终止）",
    ),
    (
        "set",
        "修改项目记录 project.toml 中的字段（保留注释和键的顺序）。给空值即删除可选字段。改为新类型时，把新类型需要而任务清单缺少的手续加为待办，不删除任何手续",
    ),
    ("set:name", "项目名称"),
    ("set:owner", "项目单位"),
    ("set:township", "所在乡镇（街道）"),
    (
        "set:code",
        "全国投资项目代码，YYMM-RRRRRR-DD-TT-NNNNNN（YYMM：赋码年月）",
    ),
    (
        "set:investment",
        "总投资（万元），如 35000、3500.5 或 35,000",
    ),
    (
        "set:planned_start",
        "计划开工日期，如 2024-06-30 或 2024年6月30日",
    ),
    ("set:kind", "项目类型：ledger.toml 中的代码或中文名称"),
    (
        "set:started",
        "开工日期，用于更正登记错的日期；尚未开工则给 \"\"",
    ),
    (
        "rename",
        "修改项目编号（其文件夹）：在 git 仓库中用 `git mv`，`taizhang log 新编号` 仍能看到以前的历史",
    ),
    ("rename:old", "项目现在的编号"),
    ("rename:new", "新编号：简短代号，台账中尚未使用"),
    (
        "stage",
        "登记项目阶段的变化：竣工（completed）、投产（producing）、暂缓（suspended）或终止（cancelled），后两者须写 --reason；暂缓后恢复为在建（若从未开工则为前期）。开工（在建）用 `taizhang start`。`--undo` 撤回最近一次登记的变化",
    ),
    (
        "stage:stage",
        "新阶段：completed、producing、suspended、cancelled、building 或 preparing（或 竣工、投产、暂缓、终止、在建、前期）",
    ),
    ("stage:date", "该阶段开始的日期［默认：今天］"),
    ("stage:reason", "原因（暂缓和终止时必填），如“资金未到位”"),
    (
        "stage:undo",
        "撤回最近一次登记的阶段变化（登记错了），以便按实际情况重新登记",
    ),
];

/// The Chinese text of `key`, if the table has it.
fn text(key: &str) -> Option<&'static str> {
    HELP.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The Chinese help of argument `id` of the command at `path`.
fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    text(&format!("{path}:{id}")).or_else(|| text(&format!("*:{id}")))
}

/// The command with every help text the table has in Chinese.
pub fn translate(cmd: Command) -> Command {
    let cmd = translate_tree(cmd, "");
    let mut cmd = cmd;
    // Builds the flags clap adds itself (--help, --version, `help`), so
    // that they can be translated too.
    cmd.build();
    builtins(cmd)
}

/// `cmd` at `path` and its subcommands, translated from the table.
fn translate_tree(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令");
    if let Some(about) = text(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        let zh = arg_text(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let takes = a.get_action().takes_values();
            let a = a
                .help_heading(heading)
                .hide_default_value(takes)
                .hide_env(true)
                .hide_possible_values(takes && zh.is_some());
            match zh {
                Some(t) => a.help(t).long_help(None),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| translate_tree(s, &sub_path));
    }
    cmd
}

/// The flags and subcommand clap adds, in Chinese, through the tree.
fn builtins(cmd: Command) -> Command {
    let mut cmd = cmd;
    for (id, zh) in [("help", "显示帮助"), ("version", "显示版本")] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            cmd = cmd.mut_arg(id, |a| a.help(zh).help_heading("选项"));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            if s.get_name() == "help" {
                s.about("显示本帮助，或所给子命令的帮助")
            } else {
                builtins(s)
            }
        });
    }
    cmd
}

/// Prints a usage error (exit status 2) or the help/version clap gives as
/// an error, in `lang`: Chinese from the message table, English as clap
/// words it.
pub fn print_error(e: &clap::Error, lang: Lang) -> std::io::Result<()> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return e.print();
    }
    let get = |k: ContextKind| -> String {
        match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join("、"),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let number = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    };
    let mut line = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => tr!(UsageValueRequired, arg = arg),
        ErrorKind::InvalidValue => match get(ContextKind::ValidValue) {
            valid if valid.is_empty() => tr!(UsageBadValueOf, arg = arg, value = value),
            valid => tr!(UsageInvalidValue, arg = arg, value = value, valid = valid),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string);
            match why {
                Some(why) => tr!(UsageBadValueWhy, arg = arg, value = value, error = why),
                None => tr!(UsageBadValueOf, arg = arg, value = value),
            }
        }
        ErrorKind::UnknownArgument => tr!(UsageUnknownArgument, arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            UsageUnknownCommand,
            command = get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => tr!(UsageMissingArgument, arg = arg),
        ErrorKind::MissingSubcommand => match get(ContextKind::InvalidSubcommand) {
            command if command.is_empty() => tr!(UsageMissingCommand),
            command => tr!(
                UsageMissingSubcommand,
                command = command,
                valid = get(ContextKind::ValidSubcommand)
            ),
        },
        ErrorKind::NoEquals => tr!(UsageNoEquals, arg = arg),
        ErrorKind::TooManyValues => tr!(UsageTooManyValues, arg = arg, value = value),
        ErrorKind::TooFewValues => tr!(
            UsageTooFewValues,
            arg = arg,
            min = number(ContextKind::MinValues),
            given = number(ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => tr!(
            UsageWrongNumberOfValues,
            arg = arg,
            expected = number(ContextKind::ExpectedNumValues),
            given = number(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict => {
            let arg = if arg.is_empty() {
                get(ContextKind::InvalidSubcommand)
            } else {
                arg
            };
            match get(ContextKind::PriorArg) {
                prior if prior == arg => tr!(UsageTwice, arg = arg),
                prior if prior.is_empty() => tr!(UsageConflictOthers, arg = arg),
                prior => tr!(UsageConflict, arg = arg, other = prior),
            }
        }
        ErrorKind::InvalidUtf8 => tr!(UsageNotUtf8),
        // Io, Format and kinds a later clap adds: its own words.
        _ => {
            let english = e.render().to_string();
            let first = english
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            tr!(UsageOther, detail = first)
        }
    };
    for k in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let s = get(k);
        if !s.is_empty() {
            line.push_str(&tr!(DidYouMean, suggestions = s));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            line.push_str(&tip_in_chinese(&tip.to_string()));
        }
    }
    eprintln!("{}{line}\n{}", tr!(ErrorPrefix), tr!(UsageSeeHelp));
    Ok(())
}

/// One of clap's tips (ContextKind::Suggested, English text) from the
/// message table: the three clap gives are recognised by their shape; any
/// other is left out rather than shown in English.
fn tip_in_chinese(tip: &str) -> String {
    // The texts between single quotes, in order.
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    match quoted.as_slice() {
        [value, with] if tip.starts_with("to pass ") => {
            tr!(UsageTipAsValue, value = value, with = with)
        }
        [command, _] if tip.starts_with("subcommand ") => {
            tr!(UsageTipRemoveDashes, command = command)
        }
        [what] if tip.ends_with("' exists") => tr!(UsageTipExists, what = what),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the command line has Chinese help:
    /// the list of those without is empty.
    #[test]
    fn every_command_and_argument_has_chinese_help() {
        use clap::CommandFactory;
        fn walk(path: &str, c: &Command, missing: &mut Vec<String>) {
            if text(path).is_none() {
                missing.push(format!("command `{path}`"));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if !matches!(id, "help" | "version") && arg_text(path, id).is_none() {
                    missing.push(format!("`{path}` argument `{id}`"));
                }
            }
            for s in c.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                walk(&p, s, missing);
            }
        }
        let mut missing = Vec::new();
        walk("", &crate::cli::Cli::command(), &mut missing);
        assert!(missing.is_empty(), "no Chinese help for: {missing:#?}");
    }

    /// The table names only commands and arguments that exist.
    #[test]
    fn the_table_names_what_exists() {
        use clap::CommandFactory;
        let root = crate::cli::Cli::command();
        for (key, zh) in HELP {
            assert!(!zh.trim().is_empty(), "{key}");
            let (path, arg) = key.split_once(':').unwrap_or((key, ""));
            if path == "*" {
                continue;
            }
            let mut c = &root;
            for name in path.split_whitespace() {
                c = c
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("no command {path:?} for {key:?}"));
            }
            if !arg.is_empty() {
                assert!(
                    c.get_arguments().any(|a| a.get_id() == arg),
                    "no argument {arg:?} of {path:?}"
                );
            }
        }
    }

    #[test]
    fn the_translated_command_is_consistent() {
        use clap::CommandFactory;
        translate(crate::cli::Cli::command()).debug_assert();
    }
}
