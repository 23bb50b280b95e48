//! A clerk's terminal (issue 14): Chinese input, "did you mean", finding a
//! project by a word of its name, the catalogue.

use crate::support::*;

fn ledger() -> Ledger {
    let l = Ledger::new();
    l.open("shengrun");
    l
}

#[test]
fn dates_amounts_and_kinds_as_a_clerk_types_them() {
    let l = ledger();
    l.run(&[
        "open",
        "road",
        "--name",
        "城区道路绿化工程",
        "--type",
        "市政",
        "--investment",
        "１２，５００．５",
        "--planned-start",
        "2024年6月30日",
    ])
    .ok();
    let record = l.read("projects/road/project.toml");
    assert!(record.contains("investment = \"12500.5\""), "{record}");
    assert!(record.contains("planned_start = 2024-06-30"), "{record}");
    l.run(&["tick", "shengrun", "eia", "--date", "2024/3/1"])
        .ok();
    l.run(&["apply", "shengrun", "safety", "--date", "2024.3.1"])
        .ok();
    l.run(&[
        "pledge",
        "shengrun",
        "drawing-review",
        "--kind",
        "告知承诺",
        "--due",
        "２０２４年４月１日",
        "--items",
        "图审合格书",
    ])
    .ok();
    l.run(&[
        "pledge",
        "shengrun",
        "relics",
        "--kind",
        "容缺",
        "--due",
        "2024/4/2",
        "--items",
        "勘探报告",
    ])
    .ok();
    let csv = l.read("projects/shengrun/procedures.csv");
    assert!(
        csv.contains("eia,环评批复,env,obtained,2024-04-30,2024-03-01,"),
        "{csv}"
    );
    assert!(
        csv.contains("safety,安全条件审查,supervision,pending,2024-04-15,,,,,,,,,2024-03-01"),
        "{csv}"
    );
    assert!(
        csv.contains(",notify,2024-03-01,2024-04-01,图审合格书,"),
        "{csv}"
    );
    assert!(
        csv.contains(",tolerance,2024-03-01,2024-04-02,勘探报告,"),
        "{csv}"
    );
    l.run(&["progress", "shengrun", "--invested", "1,200"]).ok();
    assert!(l.read("projects/shengrun/progress.csv").contains(",1200,"));
}

#[test]
fn ambiguous_or_unreadable_values_say_what_is_read() {
    let l = ledger();
    for bad in ["03/04/2024", "4/3/2024", "24/3/1", "2024/3"] {
        l.refuses(
            &["tick", "shengrun", "eia", "--date", bad],
            &format!(
                "--date: invalid date \"{bad}\": expected 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 (year first)"
            ),
        );
    }
    l.refuses(
        &["tick", "shengrun", "eia", "--date", "2023年2月29日"],
        "--date: invalid date \"2023年2月29日\": no such day in the calendar",
    );
    for bad in ["12,5", "1,20", "1.200,5"] {
        l.refuses(
            &["plan", "shengrun", "--year", "2024", "--amount", bad],
            &format!("--amount: invalid amount \"{bad}\": expected 万元 as digits, e.g. 3500, 3500.25 or 1,200"),
        );
    }
}

#[test]
fn did_you_mean() {
    let l = ledger();
    for (typed, shown) in [
        ("环评", "eia (环评批复)"),
        ("环评批复 书", "eia (环评批复)"),
        ("EIA", "eia (环评批复)"),
        ("施工许可", "construction-permit (施工许可证)"),
    ] {
        let run = l.refuses(&["tick", "shengrun", typed], "");
        assert!(
            run.stderr.contains(&format!("did you mean {shown}?")),
            "{typed}: {}",
            run.stderr
        );
        assert!(run.stderr.len() < 200, "{}", run.stderr);
    }
    // A leading space is no reason to refuse a name that is right.
    l.run(&["apply", "shengrun", " 环评批复 "]).ok();
    l.refuses(
        &["tick", "shengrn", "eia"],
        "unknown project \"shengrn\": no folder ./projects/shengrn; did you mean shengrun (河南盛润年产2万吨对苯二酚项目)?",
    );
    l.refuses(
        &["open", "x", "--name", "x", "--type", "chem"],
        "--type: unknown project type \"chem\"; did you mean chemical (化工)?",
    );
    l.refuses(
        &[
            "open",
            "x",
            "--name",
            "x",
            "--type",
            "chemical",
            "--with",
            "洪水影响",
        ],
        "--with: unknown procedure \"洪水影响\"; did you mean flood (洪水影响评价)?",
    );
    l.refuses(
        &["--taskforce", "enviro", "list"],
        "--taskforce: unknown task force \"enviro\"; did you mean env (环保专班)?",
    );
}

#[test]
fn taskforce_by_chinese_name() {
    let l = ledger();
    let by_key = l.run(&["--taskforce", "land", "report", "taskforce"]).ok();
    for name in ["用地专班", "用地", " 用地 "] {
        let run = l.run(&["--taskforce", name, "report", "taskforce"]).ok();
        assert_eq!(run.stdout, by_key.stdout, "{name}");
        let run = l.run(&["--taskforce", name, "show", "shengrun"]).ok();
        assert!(run.stdout.contains("land-prereview") && !run.stdout.contains("eia"));
    }
}

#[test]
fn show_by_a_word_of_the_name() {
    let l = ledger();
    l.open_with(
        "road",
        &[
            "--name",
            "城区道路绿化工程",
            "--type",
            "municipal",
            "--owner",
            "县住建局",
        ],
    );
    let by_id = l.run(&["show", "road"]).ok();
    assert_eq!(l.run(&["show", "道路"]).ok().stdout, by_id.stdout);
    assert_eq!(l.run(&["show", "住建"]).ok().stdout, by_id.stdout);
    let run = l.run(&["show", "项目"]).ok();
    assert!(run.stdout.contains("shengrun"));
    // Two projects match: both are listed, nothing is shown.
    l.open_with("hq", &["--name", "盛润总部项目", "--type", "industrial"]);
    let run = l.run(&["show", "项目"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: \"项目\" matches 2 projects; give the ID of one:\n  hq  盛润总部项目\n  shengrun  河南盛润年产2万吨对苯二酚项目\n"
    );
    l.refuses(&["show", "化工园区"], "unknown project \"化工园区\"");
}

#[test]
fn catalogue_lists_every_procedure() {
    let l = Ledger::new();
    let run = l.run(&["catalogue"]).ok();
    for key in ["approval", "eia", "construction-permit", "safety"] {
        assert!(run.stdout.contains(key), "{key}");
    }
    assert!(run.stdout.contains("施工许可证"));
    let json = l.run(&["catalogue", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["procedures"][0]["key"], "approval");
}

/// A ledger with a project that has a document number of 18 digits, a
/// problem, progress and a long note.
fn for_export() -> Ledger {
    let l = ledger();
    l.run(&["tick", "shengrun", "eia", "--doc", "410927202411200301"])
        .ok();
    l.run(&[
        "problem",
        "add",
        "shengrun",
        "--what",
        "用地指标未落实，需县自然资源局协调市局在下一批次用地计划中统筹安排，并同步完成征地补偿和社会稳定风险评估等一系列前置工作",
        "--unit",
        "县自然资源局",
        "--limit",
        "2024/3/10",
    ])
    .ok();
    l.run(&[
        "progress",
        "shengrun",
        "--invested",
        "0120",
        "--note",
        "1/2",
    ])
    .ok();
    l
}

#[test]
fn csv_for_excel_keeps_every_cell_meaning() {
    let l = for_export();
    let list = l.run(&["export", "list", "--for-excel"]).ok().stdout;
    assert!(list.starts_with('\u{feff}'));
    assert!(
        list.contains(
            "\r\nshengrun,河南盛润年产2万吨对苯二酚项目,化工,,,2024-06-30,,preparing,1,26,0,25,0\r\n"
        ),
        "{list}"
    );
    let procedures = l.run(&["export", "procedures", "--for-excel"]).ok().stdout;
    // Quoted as CSV: the cell is the text formula ="410927202411200301".
    assert!(
        procedures.contains(",\"=\"\"410927202411200301\"\"\","),
        "{procedures}"
    );
    let progress = l.run(&["export", "progress", "--for-excel"]).ok().stdout;
    assert_eq!(
        progress,
        "\u{feff}project,project name,date,invested to date (万元),physical progress\r\nshengrun,河南盛润年产2万吨对苯二酚项目,2024-03-01,120,\"=\"\"1/2\"\"\"\r\n"
    );
    let problems = l.run(&["export", "problems", "--for-excel"]).ok().stdout;
    assert!(problems.contains("shengrun,1,用地指标未落实"), "{problems}");
    assert!(problems.contains(",县自然资源局,2024-03-10,"), "{problems}");
}

#[test]
fn workbook_with_a_title_row_keeps_header_frozen_and_filtered() {
    let l = for_export();
    l.run(&["export", "problems", "-o", "p.xlsx", "--title"])
        .ok();
    let (name, cells) = crate::interop::read_xlsx(&l.file("p.xlsx"));
    assert_eq!(name, "problems");
    assert_eq!(
        cells[(0, 0)].to_string(),
        "测试台账 problems (as of 2024-03-01)"
    );
    assert_eq!(cells[(1, 0)].to_string(), "project");
    assert_eq!(cells[(2, 0)].to_string(), "shengrun");
    let xml = crate::interop::sheet_xml(&l.file("p.xlsx"));
    assert!(xml.contains("<mergeCell ref=\"A1:"), "{xml}");
    assert!(xml.contains("ySplit=\"2\""), "{xml}");
    assert!(xml.contains("<autoFilter ref=\"A2:"), "{xml}");
    // The long problem text is wrapped in its cell.
    let styles = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(l.file("p.xlsx")).unwrap()).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut s).unwrap();
        s
    };
    assert!(styles.contains("wrapText=\"1\""), "{styles}");
    l.run(&["export", "list", "-o", "l.xlsx", "--title", "重点项目清单"])
        .ok();
    let (_, cells) = crate::interop::read_xlsx(&l.file("l.xlsx"));
    assert_eq!(cells[(0, 0)].to_string(), "重点项目清单 (as of 2024-03-01)");
    l.refuses(
        &["export", "list", "--for-excel", "--title"],
        "--title is for .xlsx workbooks: give --output FILE.xlsx",
    );
}

/// A workbook Excel could not open (a cell longer than Excel allows) is
/// refused in the ledger's language, and nothing is written.
#[test]
fn a_workbook_excel_cannot_hold_is_refused_in_the_clerk_s_language() {
    let l = for_export();
    let long = "长".repeat(33_000);
    l.refuses(
        &[
            "--lang", "zh", "export", "list", "-o", "l.xlsx", "--title", &long,
        ],
        "错误：无法生成工作簿：有单元格超过了 Excel 允许的 32,767 个字符\n",
    );
    l.refuses(
        &["export", "list", "-o", "l.xlsx", "--title", &long],
        "error: cannot build the workbook: a cell holds more than the 32,767 characters Excel allows\n",
    );
    assert!(!l.file("l.xlsx").exists());
}

#[test]
fn tables_fit_120_columns_with_chinese_data() {
    let l = for_export();
    l.open_with(
        "yueda",
        &[
            "--name",
            "河南跃达年产2万吨丁烯二醇及系列产品项目（一期工程含配套公用工程及环保设施）",
            "--type",
            "化工",
            "--owner",
            "河南跃达新材料科技有限公司",
            "--township",
            "侯庙镇",
            "--investment",
            "52000",
            "--planned-start",
            "2024-03-15",
        ],
    );
    l.run(&[
        "pledge",
        "yueda",
        "eia",
        "--kind",
        "容缺",
        "--due",
        "2024-03-10",
        "--items",
        "环评报告书技术评估意见及专家评审意见修改稿",
        "--date",
        "2024-03-01",
    ])
    .ok();
    let width = |s: &str| -> usize {
        s.lines()
            .map(|line| {
                line.chars()
                    .map(|c| {
                        if c.is_ascii() || ('─'..='╿').contains(&c) {
                            1
                        } else {
                            2
                        }
                    })
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0)
    };
    for args in [
        &["list"][..],
        &["show", "yueda"],
        &["report", "overdue"],
        &["report", "slow", "--all"],
        &["report", "taskforce"],
        &["problem", "list"],
        &["catalogue"],
    ] {
        for lang in ["en", "zh"] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang, "--today", "2024-03-20"]);
            let run = l.run_env("", &[("COLUMNS", "120")], &all).ok();
            assert!(
                width(&run.stdout) <= 120,
                "{args:?} {lang} is {} wide:\n{}",
                width(&run.stdout),
                run.stdout
            );
            // The project's name and the days overdue are never left out.
            if args[0] == "list" {
                assert!(run.stdout.contains("河南跃达年产2万吨"), "{}", run.stdout);
            }
        }
    }
    // Piped with no COLUMNS: no limit, the name on one line.
    let run = l.run(&["list"]).ok();
    assert!(
        run.stdout.contains(
            "河南跃达年产2万吨丁烯二醇及系列产品项目（一期工程含配套公用工程及环保设施）"
        )
    );
    let run = l
        .run_env(
            "",
            &[("COLUMNS", "120")],
            &["report", "overdue", "--today", "2024-03-20", "--lang", "zh"],
        )
        .ok();
    assert!(run.stdout.contains("逾期天数"), "{}", run.stdout);
    let last = run.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("共 ") && last.ends_with(" 项"),
        "{}",
        run.stdout
    );
    // show marks the expired pledge.
    let run = l
        .run(&["show", "yueda", "--today", "2024-03-20", "--lang", "zh"])
        .ok();
    assert!(
        run.stdout.contains("2024-03-10（已过期10天）"),
        "{}",
        run.stdout
    );
}

/// Three projects in two townships and two types.
fn three() -> Ledger {
    let l = Ledger::new();
    for (id, name, kind, town, inv) in [
        (
            "shengrun",
            "河南盛润年产2万吨对苯二酚项目",
            "chemical",
            "侯庙镇",
            "52000",
        ),
        ("yueda", "河南跃达丁烯二醇项目", "化工", "侯庙镇", "30000"),
        ("road", "城区道路绿化工程", "municipal", "城关镇", "8000"),
    ] {
        l.open_with(
            id,
            &[
                "--name",
                name,
                "--type",
                kind,
                "--township",
                town,
                "--investment",
                inv,
                "--owner",
                "县重点项目公司",
            ],
        );
    }
    l
}

fn ids(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

#[test]
fn list_and_reports_filter_and_sort() {
    let l = three();
    let csv = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        ids(&l.run(&all).ok().stdout)
    };
    assert_eq!(
        csv(&["list", "--township", "侯庙镇"]),
        ["shengrun", "yueda"]
    );
    assert_eq!(csv(&["list", "--type", "化工"]), ["shengrun", "yueda"]);
    assert_eq!(csv(&["list", "--type", "municipal"]), ["road"]);
    assert_eq!(csv(&["list", "--search", "道路"]), ["road"]);
    assert_eq!(csv(&["list", "--search", "ROAD"]), ["road"]);
    assert_eq!(csv(&["list", "--search", "重点项目公司"]).len(), 3);
    assert_eq!(
        csv(&["list", "--sort", "investment"]),
        ["shengrun", "yueda", "road"]
    );
    assert_eq!(
        csv(&["list", "--sort", "总投资", "--lang", "zh"]),
        ["shengrun", "yueda", "road"]
    );
    assert_eq!(
        csv(&["list", "--sort", "name"]),
        ["road", "shengrun", "yueda"]
    );
    assert_eq!(
        csv(&["report", "slow", "--all", "--township", "城关镇"]),
        ["green"]
    );
    let json = l
        .run(&[
            "report",
            "taskforce",
            "--type",
            "municipal",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let road_only = l.run(&["show", "road", "--format", "json"]).ok().stdout;
    let r: serde_json::Value = serde_json::from_str(&road_only).unwrap();
    assert_eq!(v["total"]["total"], r["project"]["procedures"]["total"]);
    // Export takes them too.
    let out = l
        .run(&["export", "list", "--for-excel", "--search", "跃达"])
        .ok()
        .stdout;
    assert_eq!(out.lines().count(), 2);
    // Unknown values say what is close.
    l.refuses(
        &["list", "--township", "侯庙"],
        "--township: unknown township \"侯庙\"; did you mean 侯庙镇?",
    );
    l.refuses(
        &["report", "overdue", "--type", "chemistry"],
        "--type: unknown project type \"chemistry\"; did you mean chemical (化工)?",
    );
    l.refuses(
        &["list", "--sort", "colour"],
        "--sort: no column \"colour\" to sort by: expected one of project, name, type, township, investment",
    );
    // --stage on every report, by key or Chinese name.
    assert_eq!(csv(&["list", "--stage", "前期"]).len(), 3);
    assert!(csv(&["report", "slow", "--all", "--stage", "在建"]).is_empty());
    assert_eq!(
        csv(&["report", "slow", "--all", "--stage", "preparing"]).len(),
        3
    );
    // No project matching is not an error.
    assert!(csv(&["list", "--search", "没有这个"]).is_empty());
}

#[test]
fn a_chinese_ledger_speaks_chinese() {
    let l = Ledger::with_lang("zh");
    l.open("shengrun");
    // Help of every level.
    let help = l.run(&["--help"]).ok().stdout;
    assert!(help.starts_with("taizhang（台账）："), "{help}");
    assert!(help.contains("用法：taizhang") && help.contains("命令:") && help.contains("选项:"));
    let help = l.run(&["pledge", "--help"]).ok().stdout;
    assert!(help.contains("登记手续以承诺方式办理"), "{help}");
    assert!(help.contains("承诺方式：容缺"), "{help}");
    let help = l.run(&["report", "overdue", "-h"]).ok().stdout;
    assert!(help.contains("全部逾期事项"), "{help}");
    // Errors, from the message table.
    let run = l.run(&["tick", "shengrun", "环评"]);
    assert_eq!(
        run.stderr,
        "错误：没有名为“环评”的手续；是否要找 eia (环评批复)？\n"
    );
    let run = l.run(&["tick", "shengrun", "eia", "--date", "3/1/2024"]);
    assert_eq!(
        run.stderr,
        "错误：--date：无法识别的日期“3/1/2024”：请写作 2024-03-01、2024/3/1、2024.3.1 或 2024年3月1日（年份在前）\n"
    );
    // Usage errors too, exit 2.
    let run = l.run(&["lst"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("错误：没有命令“lst”；是否要找 list？"),
        "{}",
        run.stderr
    );
    let run = l.run(&["pledge", "shengrun", "eia", "--kind", "口头"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("错误：--kind <KIND> 的值“口头”无效"),
        "{}",
        run.stderr
    );
    // Success lines and totals.
    let run = l
        .run(&[
            "problem",
            "add",
            "shengrun",
            "--what",
            "用地",
            "--unit",
            "县自然资源局",
            "--limit",
            "2024年3月31日",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "shengrun：已于 2024-03-01 登记问题 1，由县自然资源局在 2024-03-31 前解决\n"
    );
    assert!(
        l.run(&["problem", "list"])
            .ok()
            .stdout
            .ends_with("共 1 项\n")
    );
    // --lang en gives English on the same ledger.
    let run = l.run(&["--lang", "en", "tick", "shengrun", "环评"]);
    assert_eq!(
        run.stderr,
        "error: unknown procedure \"环评\"; did you mean eia (环评批复)?\n"
    );
    let help = l.run(&["--lang", "en", "--help"]).ok().stdout;
    assert!(help.contains("Usage: taizhang"), "{help}");
}

#[test]
fn outside_a_ledger_the_locale_decides() {
    let dir = tempfile::tempdir().unwrap();
    let run = taizhang()
        .current_dir(dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["list"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.starts_with("错误：这里没有台账："), "{stderr}");
    let run = run_in(dir.path(), &["list"]);
    assert!(
        run.stderr.starts_with("error: no ledger here:"),
        "{}",
        run.stderr
    );
    // init --lang zh writes a Chinese ledger.toml and says so in Chinese.
    let run = run_in(dir.path(), &["init", "t", "--lang", "zh"]).ok();
    assert!(
        run.stdout.starts_with("已在 t 新建台账“t”"),
        "{}",
        run.stdout
    );
    let toml = std::fs::read_to_string(dir.path().join("t/ledger.toml")).unwrap();
    assert!(toml.contains("# 七个工作专班、牵头单位"), "{toml}");
    let run = run_in(dir.path(), &["init", "e", "--lang", "en"]).ok();
    assert!(run.stdout.starts_with("Created the ledger \"e\""));
    let toml = std::fs::read_to_string(dir.path().join("e/ledger.toml")).unwrap();
    assert!(toml.contains("# The seven task forces"), "{toml}");
}

#[test]
fn show_marks_overdue_rows_and_expired_pledges_in_english_too() {
    let l = ledger();
    l.run(&[
        "pledge",
        "shengrun",
        "eia",
        "--kind",
        "notify",
        "--due",
        "2024-03-10",
        "--items",
        "报告书",
    ])
    .ok();
    let run = l.run(&["show", "shengrun", "--today", "2024-04-15"]).ok();
    assert!(
        run.stdout.contains("2024-03-10 (expired 36 d)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("pending (overdue "), "{}", run.stdout);
    // CSV keeps plain values.
    let csv = l
        .run(&[
            "show",
            "shengrun",
            "--today",
            "2024-04-15",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert!(
        !csv.contains("expired") && !csv.contains("overdue "),
        "{csv}"
    );
    // The overdue report sorts by any of its columns.
    let by_days = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-04-15",
            "--sort",
            "days-overdue",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    let days: Vec<i64> = by_days
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{by_days}");
    let by_item = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-04-15",
            "--sort",
            "item",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert_eq!(by_item.lines().count(), by_days.lines().count());
}

#[test]
fn export_funds_for_excel() {
    let l = ledger();
    l.run(&[
        "funds",
        "shengrun",
        "--source",
        "专项债券",
        "--received",
        "5,000",
        "--note",
        "第1/2批",
    ])
    .ok();
    let out = l.run(&["export", "funds", "--for-excel"]).ok().stdout;
    assert_eq!(
        out,
        "\u{feff}project,project name,date,source,kind,amount (万元),note\r\nshengrun,河南盛润年产2万吨对苯二酚项目,2024-03-01,专项债券,received,5000,第1/2批\r\n"
    );
    l.run(&["export", "funds", "-o", "f.xlsx", "--title"]).ok();
    let (name, cells) = crate::interop::read_xlsx(&l.file("f.xlsx"));
    assert_eq!(name, "funds");
    assert_eq!(cells[(2, 5)], calamine::Data::Float(5000.0));
}

/// Usage errors on a Chinese ledger are Chinese in every kind clap gives
/// for this command line, with clap's suggestions and tips; exit 2, and
/// English with `--lang en`.
#[test]
fn usage_errors_are_chinese_on_a_chinese_ledger() {
    let l = Ledger::with_lang("zh");
    let cases: &[(&[&str], &str)] = &[
        (
            &["list", "--township"],
            "错误：--township <T> 需要一个值，但没有给出\n",
        ),
        (
            &["--color", "maybe", "list"],
            "错误：--color <WHEN> 的值“maybe”无效；可选：auto、always、never\n",
        ),
        (
            &["--format", "json", "--format", "csv", "list"],
            "错误：--format <FORMAT> 只能给出一次\n",
        ),
        (
            &[
                "report",
                "bulletin",
                "--week-of",
                "2024-11-25",
                "--month",
                "2024-11",
            ],
            "错误：--week-of <DATE> 不能与 --month <YYYY-MM> 同时使用\n",
        ),
        (
            &["list", "--forma", "json"],
            "错误：无法识别的参数“--forma”；是否要找 --format？\n",
        ),
        (
            &["tick", "p", "-x"],
            "错误：无法识别的参数“-x”；要把“-x”作为值，请写成“-- -x”\n",
        ),
        (
            &["--", "list"],
            "错误：无法识别的参数“list”；有命令“list”：要使用它，请去掉它前面的“--”\n",
        ),
        (
            &["problem", "lst"],
            "错误：没有命令“lst”；是否要找 list？\n",
        ),
        (&["tick"], "错误：缺少必需的参数：<ID>、<PROCEDURE>\n"),
    ];
    for (args, first) in cases {
        let run = l.run(args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert_eq!(
            run.stderr,
            format!("{first}更多信息请用 '--help' 查看。\n"),
            "{args:?}"
        );
    }
    let run = l.run(&[
        "--lang", "en", "--format", "json", "--format", "csv", "list",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: the argument '--format <FORMAT>' cannot be used multiple times\n"),
        "{}",
        run.stderr
    );
}

/// `set` names each field it changed in Chinese on a Chinese ledger, with
/// the facts' Chinese values, and the task list's changes in Chinese; in
/// English the fields keep their keys.
#[test]
fn set_names_fields_in_chinese_on_a_chinese_ledger() {
    let l = Ledger::with_lang("zh");
    l.open("p");
    let out = l
        .run(&[
            "set",
            "p",
            "--township",
            "侯庙镇",
            "--relics-found",
            "否",
            "--land",
            "出让",
        ])
        .ok()
        .stdout;
    assert_eq!(
        out,
        "p：乡镇 （无） → 侯庙镇；供地方式 （无） → 出让；发现文物 （无） → 否；\
         2 项手续不再需要（按项目情况或开发区区域评估），保留为无需办理，原因写在备注中：\
         land-prereview (用地预审与选址意见书)，relics (文物考古调查勘探)；\
         2 项手续不再需要，已删除（其上未登记任何内容）：\
         farmland-conversion (农用地转用和土地征收)，land-allocation (国有建设用地划拨决定书)\n"
    );
    let out = l
        .run(&["set", "p", "--owner", "盛润化工", "--hazchem", ""])
        .ok()
        .stdout;
    assert!(
        out.starts_with("p：项目单位 （无） → 盛润化工；涉及危化品 是 → （无）；"),
        "{out}"
    );
    assert!(out.contains(" 项手续不再需要"), "{out}");
    l.refuses(
        &["set", "p", "--eia", "报告书"],
        "错误：--eia：无效的环评类别“报告书”：可选 report (环评报告书)，table (环评报告表)，",
    );
    let out = l
        .run(&["--lang", "en", "set", "p", "--township", "夹河乡"])
        .ok()
        .stdout;
    assert_eq!(out, "p: township 侯庙镇 → 夹河乡\n");
}

/// `check` on a Chinese ledger gives its problems and their hints in
/// Chinese; commands' own refusals are Chinese too.
#[test]
fn check_problems_hints_and_refusals_are_chinese_on_a_chinese_ledger() {
    let l = Ledger::with_lang("zh");
    l.open("p");
    l.refuses(
        &[
            "problem",
            "add",
            "p",
            "--what",
            " ",
            "--unit",
            "县局",
            "--limit",
            "2024-04-01",
        ],
        "错误：--what 不能为空：请填写问题内容\n",
    );
    l.refuses(
        &["--authority", "某局", "list"],
        "错误：--authority：没有审批部门“某局”：可选 县发展和改革委员会，",
    );
    let mut csv = l.read("projects/p/procedures.csv");
    csv.push_str("<<<<<<< ours\n");
    l.write("projects/p/procedures.csv", &csv);
    let check = l.run(&["check"]);
    assert_eq!(check.code, 1, "{check:?}");
    let lines: Vec<&str> = check.stdout.lines().collect();
    assert!(
        lines[0].starts_with("./projects/p/procedures.csv:")
            && lines[0].ends_with(": 文件中留有 git 冲突标记"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(
            "  = 提示：手工解决合并（保留正确的值，删除标记行），或对 procedures.csv 运行 `taizhang git setup` 后重新合并"
        ),
        "{}",
        check.stdout
    );
    assert!(!check.stdout.contains("hint"), "{}", check.stdout);
    let en = l.run(&["--lang", "en", "check"]);
    assert!(
        en.stdout
            .contains(": git conflict marker left in the file\n")
            && en.stdout.contains("  = hint: resolve the merge by hand"),
        "{}",
        en.stdout
    );
}

/// A refused transition names the procedure's state in Chinese on a
/// Chinese ledger (its key in English).
#[test]
fn refusals_name_a_procedure_s_state_in_chinese() {
    let l = Ledger::with_lang("zh");
    l.open("p");
    l.refuses(
        &["fulfil", "p", "eia"],
        "错误：p：环评批复 (eia) 没有待兑现的承诺（状态 待办）\n",
    );
    l.refuses(
        &["require", "p", "eia"],
        "错误：p：环评批复 (eia) 已在任务清单中（待办）\n",
    );
    l.refuses(
        &["--lang", "en", "fulfil", "p", "eia"],
        "has no open pledge to fulfil (status pending)",
    );
}

/// On a Chinese ledger a pledge and an undo name the kind and the former
/// state in Chinese; the note `undo` writes into the file keeps the key.
#[test]
fn pledge_and_undo_name_kind_and_state_in_chinese() {
    let l = Ledger::with_lang("zh");
    l.open("p1");
    let pledge = l
        .run(&[
            "pledge",
            "p1",
            "energy",
            "--kind",
            "容缺",
            "--due",
            "2024-12-31",
            "--items",
            "专家意见",
            "--today",
            "2024-11-01",
        ])
        .ok();
    assert!(
        pledge.stdout.contains("以承诺方式办理（容缺受理）"),
        "{}",
        pledge.stdout
    );
    l.run(&[
        "pledge",
        "p1",
        "energy",
        "--kind",
        "告知承诺",
        "--due",
        "2024-12-31",
        "--items",
        "x",
    ])
    .fails_with("已以承诺方式办理（容缺受理，时限 2024-12-31）");
    l.run(&[
        "tick",
        "p1",
        "flood",
        "--today",
        "2024-11-02",
        "--doc",
        "台水〔2024〕1号",
    ])
    .ok();
    let undo = l
        .run(&[
            "undo",
            "p1",
            "flood",
            "--today",
            "2024-11-03",
            "--reason",
            "误录",
        ])
        .ok();
    assert!(
        undo.stdout
            .contains("已退回待办（原为已办结 2024-11-02 台水〔2024〕1号）"),
        "{}",
        undo.stdout
    );
    assert!(
        l.read("projects/p1/procedures.csv")
            .contains("撤销 undone (obtained 2024-11-02 台水〔2024〕1号): 误录"),
        "the note keeps the state's key"
    );
}
