//! A county's real ledger: projects entered with their past, and mistakes
//! put right with a command (`undo`, `edit`, `extend`, `require`,
//! `waive`), each through its bad inputs (one line, exit 1, files
//! byte-identical).

use crate::support::*;

const CSV: &str = "projects/sr/procedures.csv";
const HEADER: &str = "procedure,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note,applied\n";

/// A chemical project `sr` handling hazardous chemicals, entered on 2024-07-01, planned to start a month
/// before: the county's existing project, typed in late.
fn entered_late() -> Ledger {
    let l = Ledger::new();
    l.open_with(
        "sr",
        &[
            "--name",
            "河南盛润年产2万吨对苯二酚项目",
            "--type",
            "chemical",
            "--planned-start",
            "2024-06-01",
            "--hazchem",
            "yes",
            "--today",
            "2024-07-01",
        ],
    );
    l
}

/// The row of `key` in `sr`'s procedures.csv.
fn row(l: &Ledger, key: &str) -> String {
    l.read(CSV)
        .lines()
        .find(|r| r.split(',').next() == Some(key))
        .unwrap_or_else(|| panic!("no row {key}"))
        .to_string()
}

#[test]
fn history_before_opened_is_accepted_everywhere() {
    let l = entered_late();
    let t = ["--today", "2024-07-01"];
    let run = |args: &[&str]| l.run(&[args, &t[..]].concat()).ok().stdout;
    assert_eq!(
        run(&[
            "tick",
            "sr",
            "approval",
            "--date",
            "2023-03-01",
            "--doc",
            "台发改〔2023〕1号"
        ]),
        "sr: 项目审批/核准/备案 (approval) obtained on 2023-03-01\n"
    );
    run(&["apply", "sr", "eia", "--date", "2024-05-01"]);
    run(&[
        "pledge",
        "sr",
        "soil-water",
        "--kind",
        "tolerance",
        "--due",
        "2024-06-30",
        "--items",
        "报告书",
        "--date",
        "2024-06-01",
    ]);
    run(&[
        "progress",
        "sr",
        "--invested",
        "100",
        "--date",
        "2024-05-31",
    ]);
    run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "征地拆迁",
        "--unit",
        "侯庙镇",
        "--limit",
        "2024-06-30",
        "--date",
        "2024-06-15",
    ]);
    assert_eq!(
        row(&l, "approval"),
        "approval,项目审批/核准/备案,supervision,obtained,2024-07-29,2023-03-01,台发改〔2023〕1号,,,,,,,"
    );
    // Every read takes the ledger; the late pledge and start are overdue.
    let check = l.run(&["check", "--today", "2024-07-01"]).ok();
    assert_eq!(check.stdout, "");
    l.run(&["list", "--today", "2024-07-01"]).ok();
    let overdue = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-07-01",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert!(overdue.contains("pledge,sr,"), "{overdue}");
    assert!(overdue.contains("start,sr,"), "{overdue}");
    l.run(&["report", "slow", "--today", "2024-07-01"]).ok();
    l.run(&["report", "weekly", "--today", "2024-07-01"]).ok();
    l.run(&[
        "start",
        "sr",
        "--date",
        "2024-06-20",
        "--today",
        "2024-07-01",
    ])
    .ok();
    // Only the impossible is refused.
    l.refuses(
        &[
            "tick",
            "sr",
            "eia",
            "--date",
            "2024-04-30",
            "--today",
            "2024-07-01",
        ],
        "sr: --date: 2024-04-30 is before 环评批复 (eia) was applied for (2024-05-01)",
    );
    l.refuses(
        &[
            "tick",
            "sr",
            "eia",
            "--date",
            "2024-07-02",
            "--today",
            "2024-07-01",
        ],
        "--date: 2024-07-02 is after today (2024-07-01)",
    );
}

#[test]
fn import_takes_rows_dated_before_the_project_was_opened() {
    let l = entered_late();
    l.write(
        "sheet.csv",
        "项目,手续,状态,办结日期,批复文号\nsr,环评批复,已办结,2023-11-20,濮环审〔2023〕9号\n",
    );
    l.run(&["import", "tasks", "sheet.csv", "--today", "2024-07-01"])
        .ok();
    assert_eq!(
        row(&l, "eia"),
        "eia,环评批复,env,obtained,2024-08-30,2023-11-20,濮环审〔2023〕9号,,,,,,,"
    );
}

#[test]
fn undo_puts_a_row_back_to_pending() {
    let l = entered_late();
    let before = l.read(CSV);
    l.run(&[
        "tick",
        "sr",
        "eia",
        "--date",
        "2024-06-10",
        "--doc",
        "濮环审〔2024〕5号",
        "--today",
        "2024-07-01",
    ])
    .ok();
    let run = l
        .run(&[
            "undo",
            "sr",
            "环评批复",
            "--reason",
            "误录：应为节能审查",
            "--today",
            "2024-07-02",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: 环评批复 (eia) back to pending (was obtained 2024-06-10 濮环审〔2024〕5号)\n"
    );
    assert_eq!(
        l.read(CSV),
        before.replace(
            "\neia,环评批复,env,pending,2024-08-30,,,,,,,,,\n",
            "\neia,环评批复,env,pending,2024-08-30,,,,,,,,撤销 undone (obtained 2024-06-10 濮环审〔2024〕5号): 误录：应为节能审查,\n"
        )
    );
    // A pledge is undone whole; without a reason the note stays.
    l.run(&[
        "pledge",
        "sr",
        "safety",
        "--kind",
        "notify",
        "--due",
        "2024-08-01",
        "--items",
        "安评报告",
        "--today",
        "2024-07-01",
    ])
    .ok();
    l.run(&["undo", "sr", "safety", "--today", "2024-07-01"])
        .ok();
    assert_eq!(
        row(&l, "safety"),
        "safety,安全条件审查,supervision,pending,2024-08-15,,,,,,,,,"
    );
}

#[test]
fn undo_is_refused_for_bad_input() {
    let l = entered_late();
    l.refuses(
        &["undo", "sr", "eia"],
        "sr: 环评批复 (eia) is pending with nothing recorded; nothing to undo",
    );
    l.refuses(&["undo", "nope", "eia"], "unknown project \"nope\"");
    l.refuses(&["undo", "sr", "nope"], "unknown procedure \"nope\"");
    l.refuses(
        &["undo", "sr", "transport-review"],
        "procedure \"transport-review\" is not on the task list of project \"sr\"",
    );
    l.refuses(&["undo", "Bad Id", "eia"], "invalid project ID");
}

#[test]
fn edit_corrects_a_row_in_its_state() {
    let l = entered_late();
    let t = ["--today", "2024-07-05"];
    let run = |args: &[&str]| l.run(&[args, &t[..]].concat()).ok().stdout;
    run(&["apply", "sr", "eia", "--date", "2024-05-01"]);
    run(&[
        "tick",
        "sr",
        "eia",
        "--date",
        "2024-06-10",
        "--doc",
        "濮环审〔2024〕5",
    ]);
    assert_eq!(
        run(&[
            "edit",
            "sr",
            "eia",
            "--date",
            "2024-06-11",
            "--doc",
            "濮环审〔2024〕5号",
            "--applied",
            "2024-04-30"
        ]),
        "sr: 环评批复 (eia): obtained 2024-06-11, applied 2024-04-30, document number \"濮环审〔2024〕5号\"\n"
    );
    assert_eq!(
        row(&l, "eia"),
        "eia,环评批复,env,obtained,2024-07-01,2024-06-11,濮环审〔2024〕5号,,,,,,,2024-04-30"
    );
    // An open pledge: --date is the pledge day, --due its deadline.
    run(&[
        "pledge",
        "sr",
        "soil-water",
        "--kind",
        "tolerance",
        "--due",
        "2024-07-20",
        "--items",
        "报告",
        "--date",
        "2024-07-01",
    ]);
    assert_eq!(
        run(&[
            "edit",
            "sr",
            "soil-water",
            "--due",
            "2024-07-21",
            "--items",
            "水保方案报告书",
            "--note",
            "专家意见待补"
        ]),
        "sr: 水土保持方案 (soil-water): pledge deadline 2024-07-21, missing items \"水保方案报告书\", note \"专家意见待补\"\n"
    );
    assert_eq!(
        row(&l, "soil-water"),
        "soil-water,水土保持方案,water,pledged,2024-07-15,,,tolerance,2024-07-01,2024-07-21,水保方案报告书,,专家意见待补,"
    );
    // A pending row: its due date.
    assert_eq!(
        run(&["edit", "sr", "flood", "--due", "2024-09-30"]),
        "sr: 洪水影响评价 (flood): due 2024-09-30\n"
    );
}

#[test]
fn edit_is_refused_for_bad_input() {
    let l = entered_late();
    l.run(&[
        "tick",
        "sr",
        "eia",
        "--date",
        "2024-06-10",
        "--today",
        "2024-07-01",
    ])
    .ok();
    let t = |args: &[&'static str]| [args, &["--today", "2024-07-01"][..]].concat();
    l.refuses(
        &t(&["edit", "sr", "eia"]),
        "nothing to edit: give at least one of --date, --doc, --applied, --due, --items, --note",
    );
    l.refuses(
        &t(&["edit", "sr", "eia", "--due", "2024-09-01"]),
        "sr: --due: 环评批复 (eia) is obtained: an obtained procedure has no deadline left",
    );
    l.refuses(
        &t(&["edit", "sr", "flood", "--date", "2024-06-01"]),
        "sr: --date: 洪水影响评价 (flood) is pending: record the day it was obtained with `taizhang tick`",
    );
    l.refuses(
        &t(&["edit", "sr", "flood", "--doc", "x"]),
        "--doc: 洪水影响评价 (flood) is pending",
    );
    l.refuses(
        &t(&["edit", "sr", "flood", "--applied", "2024-06-01"]),
        "record the application with `taizhang apply --date`",
    );
    l.refuses(
        &t(&["edit", "sr", "eia", "--items", "x"]),
        "--items: 环评批复 (eia) is obtained: it was never pledged",
    );
    l.refuses(
        &t(&["edit", "sr", "eia", "--date", "2024-07-02"]),
        "--date: 2024-07-02 is after today (2024-07-01)",
    );
    l.refuses(
        &t(&["edit", "sr", "eia", "--date", "7/2/2024"]),
        "--date: invalid date \"7/2/2024\"",
    );
    l.refuses(
        &t(&["edit", "sr", "eia", "--applied", "2024-06-11"]),
        "obtained 2024-06-10 before it was applied for (2024-06-11)",
    );
    l.refuses(
        &t(&["edit", "sr", "eia", "--date", "2024-06-10"]),
        "sr: 环评批复 (eia): nothing changed",
    );
    l.run(&t(&["waive", "sr", "relics", "--reason", "区域评估"]))
        .ok();
    l.refuses(
        &t(&["edit", "sr", "relics", "--due", "2024-09-01"]),
        "only its note can change; put it back with `taizhang require`",
    );
}

#[test]
fn extend_keeps_the_first_deadline_and_reports_say_so() {
    let l = entered_late();
    let other = l.read("projects/sr/project.toml");
    l.run(&[
        "pledge",
        "sr",
        "soil-water",
        "--kind",
        "tolerance",
        "--due",
        "2024-07-20",
        "--items",
        "水保方案报告书",
        "--today",
        "2024-07-01",
    ])
    .ok();
    // The new columns are not there until an extension needs them.
    assert!(l.read(CSV).starts_with(HEADER));
    let run = l
        .run(&[
            "extend",
            "sr",
            "soil-water",
            "--due",
            "2024-08-20",
            "--reason",
            "专家评审延后",
            "--today",
            "2024-07-15",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: pledge on 水土保持方案 (soil-water) extended from 2024-07-20 to 2024-08-20 (extension 1, first deadline 2024-07-20)\n"
    );
    let csv = l.read(CSV);
    assert!(
        csv.starts_with(&HEADER.replace("applied\n", "applied,pledge_due_original,extensions\n")),
        "{csv}"
    );
    assert_eq!(
        row(&l, "soil-water"),
        "soil-water,水土保持方案,water,pledged,2024-07-15,,,tolerance,2024-07-01,2024-08-20,水保方案报告书,,延期 extended 2024-07-20 → 2024-08-20: 专家评审延后,,2024-07-20,1"
    );
    assert!(csv.contains("\neia,环评批复,env,pending,2024-08-30,,,,,,,,,,,\n"));
    assert_eq!(l.read("projects/sr/project.toml"), other);
    l.run(&[
        "extend",
        "sr",
        "soil-water",
        "--due",
        "2024-09-01",
        "--reason",
        "再次延期",
        "--today",
        "2024-08-19",
    ])
    .ok();
    assert!(row(&l, "soil-water").ends_with(",2024-07-20,2"));

    // show, report overdue and the bulletin say it was extended.
    let show = l.run(&["show", "sr", "--today", "2024-09-05"]).ok().stdout;
    assert!(
        show.contains("2024-09-01 (extended 2 times, first deadline 2024-07-20)"),
        "{show}"
    );
    let overdue = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-09-05",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&overdue).unwrap();
    let pledge = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "pledge")
        .unwrap();
    assert_eq!(pledge["due"], "2024-09-01");
    assert_eq!(pledge["extended_from"], "2024-07-20");
    assert_eq!(pledge["extensions"], 2);
    let table = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-09-05",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert!(
        table.contains("\"水土保持方案 (extended 2 times, first deadline 2024-07-20)\","),
        "{table}"
    );
    let zh = l
        .run(&[
            "report",
            "weekly",
            "--today",
            "2024-09-05",
            "--lang",
            "zh",
            "--format",
            "markdown",
        ])
        .ok()
        .stdout;
    assert!(
        zh.contains("水土保持方案（延期2次，原时限2024-07-20）"),
        "{zh}"
    );
}

#[test]
fn extend_is_refused_for_bad_input() {
    let l = entered_late();
    l.run(&[
        "pledge",
        "sr",
        "soil-water",
        "--kind",
        "tolerance",
        "--due",
        "2024-07-20",
        "--items",
        "x",
        "--today",
        "2024-07-01",
    ])
    .ok();
    let t = |args: &[&'static str]| [args, &["--today", "2024-07-01"][..]].concat();
    l.refuses(
        &t(&["extend", "sr", "soil-water", "--reason", "x"]),
        "an extension needs its new deadline: give --due DATE",
    );
    l.refuses(
        &t(&["extend", "sr", "soil-water", "--due", "2024-08-01"]),
        "an extension needs its reason: give --reason TEXT (延期原因)",
    );
    l.refuses(
        &t(&[
            "extend",
            "sr",
            "soil-water",
            "--due",
            "2024-08-01",
            "--reason",
            "  ",
        ]),
        "--reason must not be empty",
    );
    l.refuses(
        &t(&[
            "extend",
            "sr",
            "soil-water",
            "--due",
            "2024-07-20",
            "--reason",
            "x",
        ]),
        "--due: 2024-07-20 is not after the current deadline 2024-07-20",
    );
    l.refuses(
        &t(&[
            "extend",
            "sr",
            "soil-water",
            "--due",
            "2024-13-01",
            "--reason",
            "x",
        ]),
        "--due: invalid date \"2024-13-01\"",
    );
    l.refuses(
        &t(&[
            "extend",
            "sr",
            "eia",
            "--due",
            "2024-08-01",
            "--reason",
            "x",
        ]),
        "sr: 环评批复 (eia) has no open pledge to extend (status pending)",
    );
}

#[test]
fn require_adds_procedures_in_catalogue_order_and_waive_keeps_the_row() {
    let l = entered_late();
    let before = l.read(CSV);
    let run = l
        .run(&["require", "sr", "交通行业审查", "--today", "2024-07-10"])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: 交通行业审查 (transport-review) added to the task list, pending\n"
    );
    assert_eq!(
        l.read(CSV),
        before.replace(
            "\nsafety,",
            "\ntransport-review,交通行业审查,transport,pending,,,,,,,,,,\nsafety,"
        )
    );
    let run = l
        .run(&[
            "waive",
            "sr",
            "relics",
            "energy",
            "--reason",
            "开发区区域评估已覆盖",
            "--today",
            "2024-07-10",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: 文物考古调查勘探 (relics) not needed: 开发区区域评估已覆盖\n\
         sr: 节能审查 (energy) not needed: 开发区区域评估已覆盖\n"
    );
    assert_eq!(
        row(&l, "relics"),
        "relics,文物考古调查勘探,relics,not-needed,,,,,,,,,不需办理 waived: 开发区区域评估已覆盖,"
    );
    // Needed after all: back as pending, due by the limit from today.
    let run = l
        .run(&["require", "sr", "relics", "--today", "2024-07-20"])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: 文物考古调查勘探 (relics) needed again, pending, due by 2024-09-13\n"
    );
    assert_eq!(
        row(&l, "relics"),
        "relics,文物考古调查勘探,relics,pending,2024-09-13,,,,,,,,不需办理 waived: 开发区区域评估已覆盖,"
    );
}

#[test]
fn require_and_waive_are_refused_for_bad_input() {
    let l = entered_late();
    l.run(&["tick", "sr", "eia", "--today", "2024-07-01"]).ok();
    l.run(&[
        "pledge",
        "sr",
        "safety",
        "--kind",
        "notify",
        "--due",
        "2024-08-01",
        "--items",
        "x",
        "--today",
        "2024-07-01",
    ])
    .ok();
    l.refuses(
        &["require", "sr", "nope"],
        "unknown procedure \"nope\" (`taizhang catalogue` lists them all)",
    );
    l.refuses(
        &["require", "sr", "eia"],
        "sr: 环评批复 (eia) is already on the task list (obtained)",
    );
    // One bad key refuses the whole command: nothing is half done.
    l.refuses(
        &["require", "sr", "transport-review", "eia"],
        "already on the task list",
    );
    l.refuses(
        &["require", "sr", "transport-review", "交通行业审查"],
        "procedure \"交通行业审查\" is given twice",
    );
    l.refuses(&["waive", "sr", "relics"], "say why: give --reason TEXT");
    l.refuses(
        &["waive", "sr", "relics", "--reason", ""],
        "--reason must not be empty",
    );
    l.refuses(
        &["waive", "sr", "eia", "--reason", "x"],
        "sr: 环评批复 (eia) was obtained on 2024-07-01; undo it first (`taizhang undo`) if it was recorded by mistake",
    );
    l.refuses(
        &["waive", "sr", "safety", "--reason", "x"],
        "is granted on a commitment; fulfil or undo the pledge first",
    );
    l.refuses(
        &["waive", "sr", "relics", "relics", "--reason", "x"],
        "procedure \"relics\" is given twice",
    );
    l.refuses(
        &["waive", "sr", "transport-review", "--reason", "x"],
        "procedure \"transport-review\" is not on the task list of project \"sr\"",
    );
    l.run(&["waive", "sr", "relics", "--reason", "x"]).ok();
    l.refuses(
        &["waive", "sr", "relics", "--reason", "x"],
        "sr: 文物考古调查勘探 (relics) is already marked not needed",
    );
    l.refuses(
        &["waive", "nope", "relics", "--reason", "x"],
        "unknown project \"nope\"",
    );
}

#[test]
fn notify_is_obtained_on_the_pledge_day_and_the_bulletin_follows() {
    let l = entered_late();
    // Week of Monday 2024-07-01: a 告知承诺 approval issued on 07-02.
    l.run(&[
        "pledge",
        "sr",
        "eia",
        "--kind",
        "notify",
        "--due",
        "2024-08-01",
        "--items",
        "承诺书",
        "--date",
        "2024-07-02",
        "--today",
        "2024-07-03",
    ])
    .ok();
    let week = |today: &str| {
        l.run(&["report", "weekly", "--today", today, "--format", "json"])
            .ok()
            .stdout
    };
    let obtained = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["obtained"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                format!(
                    "{} {}",
                    o["procedure"].as_str().unwrap(),
                    o["obtained"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(obtained(&week("2024-07-05")), ["eia 2024-07-02"]);
    // Made good weeks later: still obtained on the pledge day, so it is
    // not news in the week of the fulfilment.
    l.run(&[
        "fulfil",
        "sr",
        "eia",
        "--date",
        "2024-07-25",
        "--today",
        "2024-07-26",
    ])
    .ok();
    assert_eq!(
        row(&l, "eia"),
        "eia,环评批复,env,obtained,2024-08-30,2024-07-02,,notify,2024-07-02,2024-08-01,承诺书,2024-07-25,,"
    );
    assert!(obtained(&week("2024-07-26")).is_empty());
    assert_eq!(obtained(&week("2024-07-05")), ["eia 2024-07-02"]);
    // 容缺受理: obtained when the items are supplied.
    l.run(&[
        "pledge",
        "sr",
        "safety",
        "--kind",
        "tolerance",
        "--due",
        "2024-08-01",
        "--items",
        "安评",
        "--date",
        "2024-07-02",
        "--today",
        "2024-07-03",
    ])
    .ok();
    l.run(&[
        "fulfil",
        "sr",
        "safety",
        "--date",
        "2024-07-25",
        "--today",
        "2024-07-26",
    ])
    .ok();
    assert_eq!(obtained(&week("2024-07-26")), ["safety 2024-07-25"]);
}

#[test]
fn corrections_commit_when_asked() {
    let l = entered_late();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(l.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["config", "user.name", "wang"]);
    git(&["config", "user.email", "wang@example.org"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    let t = ["--today", "2024-07-01", "--commit"];
    for args in [
        &["tick", "sr", "eia"][..],
        &["edit", "sr", "eia", "--doc", "濮环审〔2024〕5号"],
        &["undo", "sr", "eia", "--reason", "误录"],
        &[
            "pledge",
            "sr",
            "soil-water",
            "--kind",
            "tolerance",
            "--due",
            "2024-07-20",
            "--items",
            "x",
        ],
        &[
            "extend",
            "sr",
            "soil-water",
            "--due",
            "2024-08-20",
            "--reason",
            "延后",
        ],
        &["require", "sr", "transport-review"],
        &["waive", "sr", "relics", "--reason", "区域评估"],
    ] {
        l.run(&[args, &t[..]].concat()).ok();
    }
    assert_eq!(
        git(&["log", "--format=%s", "-7"]),
        "waive sr relics (文物考古调查勘探)\n\
         require sr transport-review (交通行业审查)\n\
         extend sr soil-water (水土保持方案)\n\
         pledge sr soil-water (水土保持方案)\n\
         undo sr eia (环评批复)\n\
         edit sr eia (环评批复)\n\
         tick sr eia (环评批复)\n"
    );
    assert_eq!(git(&["status", "--porcelain"]), "");
}

#[test]
fn corrections_keep_a_clerks_column_in_place() {
    let l = entered_late();
    let with_column: String = l
        .read(CSV)
        .lines()
        .enumerate()
        .map(|(i, r)| {
            let (key, rest) = r.split_once(',').unwrap();
            let extra = if i == 0 { "负责人" } else { "张三" };
            format!("{key},{extra},{rest}\n")
        })
        .collect();
    l.write(CSV, &with_column);
    let t = ["--today", "2024-07-10"];
    for args in [
        &[
            "pledge",
            "sr",
            "soil-water",
            "--kind",
            "tolerance",
            "--due",
            "2024-07-20",
            "--items",
            "x",
        ][..],
        &[
            "extend",
            "sr",
            "soil-water",
            "--due",
            "2024-08-20",
            "--reason",
            "延后",
        ],
        &["undo", "sr", "soil-water"],
        &["waive", "sr", "relics", "--reason", "区域评估"],
        &["require", "sr", "transport-review"],
        &["tick", "sr", "eia", "--doc", "1号"],
        &["edit", "sr", "eia", "--doc", "2号"],
    ] {
        l.run(&[args, &t[..]].concat()).ok();
    }
    let csv = l.read(CSV);
    assert!(
        csv.starts_with("procedure,负责人,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note,applied,pledge_due_original,extensions\n"),
        "{csv}"
    );
    for r in csv.lines().skip(1) {
        let cells: Vec<&str> = r.split(',').collect();
        let clerk = if cells[0] == "transport-review" {
            ""
        } else {
            "张三"
        };
        assert_eq!(cells[1], clerk, "{r}");
    }
    assert!(
        csv.contains("\neia,张三,环评批复,env,obtained,2024-08-30,2024-07-10,2号,"),
        "{csv}"
    );
}

#[test]
fn a_bad_extension_count_is_a_problem_of_check() {
    let l = entered_late();
    let csv: String = l
        .read(CSV)
        .lines()
        .map(|r| match r.split(',').next() {
            Some("procedure") => format!("{r},pledge_due_original,extensions\n"),
            Some("eia") => format!("{r},2024-07-01,twice\n"),
            _ => format!("{r},,\n"),
        })
        .collect();
    l.write(CSV, &csv);
    let run = l.run(&["check", "--today", "2024-07-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with(
            "./projects/sr/procedures.csv:15:53: column \"extensions\": invalid number \"twice\": expected how many times the pledge was extended, e.g. 1\n"
        ),
        "{}",
        run.stdout
    );
    l.refuses_broken(
        &[
            "extend",
            "sr",
            "eia",
            "--due",
            "2024-09-01",
            "--reason",
            "x",
        ],
        "project \"sr\" cannot be used",
    );
}
