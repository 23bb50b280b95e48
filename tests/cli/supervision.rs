//! The supervision task force's side: annual plan and progress ledger, the
//! problem ledger and its overdue items, the time-elapsed (时序进度) rule,
//! labels, the weekly bulletin, task-force views and the roll-up.

use crate::support::*;

/// A ledger with one chemical project handling hazardous chemicals opened on 2024-01-05, started on
/// 2024-02-15, with a 2024 plan of 1000 万元.
fn started(lang: &str) -> Ledger {
    let l = Ledger::with_lang(lang);
    l.run(&[
        "open",
        "sr",
        "--name",
        "盛润",
        "--type",
        "chemical",
        "--planned-start",
        "2024-06-30",
        "--hazchem",
        "yes",
        "--today",
        "2024-01-05",
    ])
    .ok();
    l.run(&["start", "sr", "--date", "2024-02-15"]).ok();
    l.run(&["plan", "sr", "--year", "2024", "--amount", "1000"])
        .ok();
    l
}

#[test]
fn plan_is_written_into_project_toml_keeping_comments() {
    let l = started("en");
    let path = "projects/sr/project.toml";
    let text = l.read(path).replace("name = ", "# 业主：盛润\nname = ");
    l.write(path, &text);
    let run = l
        .run(&["plan", "sr", "--year", "2025", "--amount", "1500.5"])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: planned investment for 2025 set to 1500.5 万元\n"
    );
    let run = l
        .run(&["plan", "sr", "--year", "2024", "--amount", "1200"])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: planned investment for 2024 set to 1200 万元 (was 1000)\n"
    );
    let text = l.read(path);
    assert!(text.contains("# 业主：盛润\nname = "), "{text}");
    assert!(
        text.ends_with("[annual_plan]\n\"2024\" = \"1200\"\n\"2025\" = \"1500.5\"\n"),
        "{text}"
    );
    l.run(&["check"]).ok();
}

#[test]
fn progress_entries_are_kept_sorted_by_date_and_shown() {
    let l = started("en");
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "300",
        "--date",
        "2024-02-20",
        "--note",
        "主体施工",
    ])
    .ok();
    let run = l
        .run(&[
            "progress",
            "sr",
            "--invested",
            "100",
            "--date",
            "2024-02-10",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: 100 万元 invested to date as of 2024-02-10\n"
    );
    assert_eq!(
        l.read("projects/sr/progress.csv"),
        "date,invested,note\n2024-02-10,100,\n2024-02-20,300,主体施工\n"
    );
    let show = l.run(&["show", "sr"]).ok().stdout;
    assert!(show.contains("plan 2024 (万元)     1000"), "{show}");
    assert!(show.contains("Progress ledger"), "{show}");
    assert!(
        show.contains("│ 2024-02-20 ┆                     300 ┆ 主体施工          │"),
        "{show}"
    );
    let json = l.run(&["show", "sr", "--format", "json"]).ok().stdout;
    assert!(
        json.contains("\"annual_plan\": {\n    \"2024\": \"1000\"\n  }"),
        "{json}"
    );
    assert!(
        json.contains("{\n      \"date\": \"2024-02-20\",\n      \"invested\": \"300\",\n      \"note\": \"主体施工\"\n    }"),
        "{json}"
    );
}

#[test]
fn progress_and_plan_bad_input_is_refused() {
    let l = started("en");
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "100",
        "--date",
        "2024-02-20",
    ])
    .ok();
    l.refuses(
        &["plan", "sr", "--year", "24", "--amount", "1"],
        "--year: invalid year \"24\"",
    );
    l.refuses(
        &["plan", "sr", "--year", "2024", "--amount", "1,5"],
        "--amount: invalid amount \"1,5\"",
    );
    l.refuses(
        &["plan", "nope", "--year", "2024", "--amount", "1"],
        "unknown project \"nope\"",
    );
    l.refuses(
        &["progress", "sr", "--invested=-3"],
        "--invested: invalid amount \"-3\"",
    );
    l.refuses(
        &["progress", "sr", "--invested", "5", "--date", "2024-02-30"],
        "--date: invalid date \"2024-02-30\"",
    );
    l.refuses(
        &["progress", "sr", "--invested", "5", "--date", "2024-03-02"],
        "is after today",
    );
    l.refuses(
        &["progress", "sr", "--invested", "50", "--date", "2024-02-25"],
        "--invested: 50 万元 is less than the 100 万元 completed by 2024-02-20",
    );
    l.refuses(
        &[
            "progress",
            "sr",
            "--invested",
            "150",
            "--date",
            "2024-02-10",
        ],
        "more than the 100 万元 recorded later, on 2024-02-20",
    );
    l.refuses(
        &[
            "progress",
            "sr",
            "--invested",
            "150",
            "--date",
            "2024-02-20",
        ],
        "already has a progress entry for 2024-02-20",
    );
}

#[test]
fn check_reports_bad_rows_of_the_new_ledgers_with_their_line() {
    let l = started("en");
    l.write(
        "projects/sr/progress.csv",
        "date,invested,note\n2024-02-01,10,\n2024-02-31,x,\n",
    );
    l.write(
        "projects/sr/problems.csv",
        "no,what,unit,limit,opened,resolved,how\n1,a,b,2024-13-01,2024-02-01,,\n1,a,,2024-03-01,2024-02-01,2024-01-01,\n",
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    let heads: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("./projects") || l.starts_with("projects"))
        .collect();
    let out = run.stdout.clone();
    assert!(
        out.contains("progress.csv:3:1: column \"date\": invalid date \"2024-02-31\""),
        "{out}"
    );
    assert!(
        out.contains("progress.csv:3:12: column \"invested\": invalid amount \"x\""),
        "{out}"
    );
    assert!(
        out.contains("problems.csv:2:7: column \"limit\": invalid date \"2024-13-01\""),
        "{out}"
    );
    assert!(
        out.contains("problems.csv:3:5: column \"unit\": empty"),
        "{out}"
    );
    assert!(
        out.contains("problems.csv:3: problem resolved on 2024-01-01, before it was opened"),
        "{out}"
    );
    assert!(
        out.contains("problems.csv:3: problem number 1 appears twice (first on line 2)"),
        "{out}"
    );
    assert!(!heads.is_empty() || out.contains("problems.csv"));
    assert_eq!(l.run(&["report", "slow"]).code, 4);
}

#[test]
fn problems_are_numbered_resolved_and_listed() {
    let l = started("en");
    let run = l
        .run(&[
            "problem",
            "add",
            "sr",
            "--what",
            "用地指标未落实",
            "--unit",
            "县自然资源局",
            "--limit",
            "2024-03-10",
            "--date",
            "2024-02-20",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: problem 1 recorded on 2024-02-20, 县自然资源局 to resolve it by 2024-03-10\n"
    );
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "电力接入",
        "--unit",
        "县供电公司",
        "--limit",
        "2024-02-29",
        "--date",
        "2024-02-21",
    ])
    .ok();
    let run = l
        .run(&[
            "problem",
            "resolve",
            "sr",
            "2",
            "--how",
            "已接入",
            "--date",
            "2024-03-01",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: problem 2 resolved on 2024-03-01 (1 days after the time limit 2024-02-29)\n"
    );
    assert_eq!(
        l.read("projects/sr/problems.csv"),
        "no,what,unit,limit,opened,resolved,how,id\n\
         1,用地指标未落实,县自然资源局,2024-03-10,2024-02-20,,,23790fb7\n\
         2,电力接入,县供电公司,2024-02-29,2024-02-21,2024-03-01,已接入,5984cc62\n"
    );
    let csv = l.run(&["problem", "list", "--format", "csv"]).ok().stdout;
    assert_eq!(
        csv,
        "project,no.,problem,responsible unit,time limit,raised,state,resolved,how\n\
         sr,1,用地指标未落实,县自然资源局,2024-03-10,2024-02-20,open,,\n\
         sr,2,电力接入,县供电公司,2024-02-29,2024-02-21,resolved,2024-03-01,已接入\n"
    );
    let open = l
        .run(&[
            "problem",
            "list",
            "--open",
            "--format",
            "csv",
            "--today",
            "2024-03-12",
        ])
        .ok()
        .stdout;
    assert_eq!(
        open,
        "project,no.,problem,responsible unit,time limit,raised,state,resolved,how\n\
         sr,1,用地指标未落实,县自然资源局,2024-03-10,2024-02-20,overdue 2 days,,\n"
    );
    let zh = l
        .run(&[
            "problem",
            "list",
            "--lang",
            "zh",
            "--format",
            "csv",
            "--today",
            "2024-03-12",
        ])
        .ok()
        .stdout;
    assert!(
        zh.starts_with("项目,序号,问题,责任单位,解决时限,提出日期,状态,解决日期,解决情况\n"),
        "{zh}"
    );
    assert!(zh.contains(",逾期2天,"), "{zh}");
    assert!(zh.contains(",已解决,"), "{zh}");
}

#[test]
fn problem_bad_input_is_refused() {
    let l = started("en");
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "a",
        "--unit",
        "b",
        "--limit",
        "2024-03-10",
    ])
    .ok();
    l.run(&["problem", "resolve", "sr", "1", "--how", "done"])
        .ok();
    l.refuses(
        &[
            "problem",
            "add",
            "sr",
            "--what",
            " ",
            "--unit",
            "b",
            "--limit",
            "2024-03-10",
        ],
        "--what must not be empty",
    );
    l.refuses(
        &[
            "problem",
            "add",
            "sr",
            "--what",
            "a",
            "--unit",
            "",
            "--limit",
            "2024-03-10",
        ],
        "--unit must not be empty",
    );
    l.refuses(
        &[
            "problem",
            "add",
            "sr",
            "--what",
            "a",
            "--unit",
            "b",
            "--limit",
            "next week",
        ],
        "--limit: invalid date \"next week\"",
    );
    l.refuses(
        &[
            "problem",
            "add",
            "sr",
            "--what",
            "a",
            "--unit",
            "b",
            "--limit",
            "2024-02-29",
        ],
        "--limit: the time limit 2024-02-29 is before the day the problem was raised (2024-03-01)",
    );
    l.refuses(
        &[
            "problem",
            "add",
            "nope",
            "--what",
            "a",
            "--unit",
            "b",
            "--limit",
            "2024-03-10",
        ],
        "unknown project \"nope\"",
    );
    l.refuses(
        &["problem", "resolve", "sr", "one", "--how", "x"],
        "invalid problem number \"one\"",
    );
    l.refuses(
        &["problem", "resolve", "sr", "0", "--how", "x"],
        "invalid problem number \"0\"",
    );
    l.refuses(
        &["problem", "resolve", "sr", "7", "--how", "x"],
        "sr has no problem 7: its problems are 1",
    );
    l.refuses(
        &["problem", "resolve", "sr", "1", "--how", "x"],
        "problem 1 was already resolved on 2024-03-01",
    );
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "c",
        "--unit",
        "d",
        "--limit",
        "2024-03-10",
    ])
    .ok();
    l.refuses(
        &["problem", "resolve", "sr", "2", "--how", " "],
        "--how must not be empty",
    );
    l.refuses(
        &[
            "problem",
            "resolve",
            "sr",
            "2",
            "--how",
            "x",
            "--date",
            "2024-02-29",
        ],
        "--date: 2024-02-29 is before the problem was raised (2024-03-01)",
    );
}

#[test]
fn problems_are_overdue_from_the_day_after_the_limit() {
    let l = started("en");
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "用地指标未落实",
        "--unit",
        "县自然资源局",
        "--limit",
        "2024-03-10",
    ])
    .ok();
    let overdue = |today: &str| {
        l.run(&["report", "overdue", "--format", "csv", "--today", today])
            .ok()
            .stdout
            .lines()
            .filter(|l| l.starts_with("problem,"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert!(overdue("2024-03-10").is_empty());
    assert_eq!(
        overdue("2024-03-11"),
        ["problem,sr,盛润,用地指标未落实,县自然资源局,,2024-03-10,1"]
    );
    let json = l
        .run(&[
            "report",
            "overdue",
            "--format",
            "json",
            "--today",
            "2024-03-11",
        ])
        .ok()
        .stdout;
    assert!(json.contains("\"kind\": \"problem\""), "{json}");
    assert!(json.contains("\"unit\": \"县自然资源局\""), "{json}");
    assert!(json.contains("\"problem_no\": 1"), "{json}");
    let zh = l
        .run(&[
            "report",
            "overdue",
            "--lang",
            "zh",
            "--format",
            "csv",
            "--today",
            "2024-03-12",
        ])
        .ok()
        .stdout;
    assert!(
        zh.contains("问题逾期,sr,盛润,用地指标未落实,县自然资源局,,2024-03-10,2\n"),
        "{zh}"
    );
    // Resolved on the last day: never overdue, even looking back later.
    l.run(&[
        "problem",
        "resolve",
        "sr",
        "1",
        "--how",
        "已落实",
        "--date",
        "2024-03-10",
        "--today",
        "2024-03-20",
    ])
    .ok();
    assert!(overdue("2024-03-20").is_empty());
    // As of a day before it was resolved, it was open.
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "x",
        "--unit",
        "y",
        "--limit",
        "2024-03-12",
        "--today",
        "2024-03-11",
    ])
    .ok();
    l.run(&[
        "problem",
        "resolve",
        "sr",
        "2",
        "--how",
        "z",
        "--date",
        "2024-03-15",
        "--today",
        "2024-03-20",
    ])
    .ok();
    assert_eq!(overdue("2024-03-14"), ["problem,sr,盛润,x,y,,2024-03-12,2"]);
    assert!(overdue("2024-03-15").is_empty());
}

/// The slow report's reasons for `sr` as of `today`, as CSV lines.
fn slow(l: &Ledger, today: &str, lang: &str) -> String {
    l.run(&[
        "report", "slow", "--format", "csv", "--today", today, "--lang", lang,
    ])
    .ok()
    .stdout
}

#[test]
fn investment_behind_time_elapsed_progress_in_a_leap_year() {
    let l = started("en");
    // 2024 is a leap year: 1 October is day 275 of 366 = 75.1%.
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "350",
        "--date",
        "2024-09-30",
        "--today",
        "2024-10-01",
    ])
    .ok();
    assert_eq!(
        slow(&l, "2024-10-01", "en"),
        "light,project,name,reasons\nred,sr,盛润,\"investment behind: invested 35% of plan, 时序进度 75% (350 of 1000 万元 planned for 2024)\"\n"
    );
    assert_eq!(
        slow(&l, "2024-10-01", "zh"),
        "亮灯,项目,项目名称,原因\n红灯,sr,盛润,投资滞后：完成年度计划投资35%，时序进度75%（2024年计划1000万元，已完成350万元）\n"
    );
    // Behind by exactly the yellow threshold: with a plan of 366 万元,
    // 2024-06-11 (day 163 of 366) and 126.4 万元 invested, the gap is
    // 100·(163 − 126.4)/366 = 10 points exactly: yellow.
    let l = started("en");
    l.run(&["plan", "sr", "--year", "2024", "--amount", "366"])
        .ok();
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "126.4",
        "--date",
        "2024-06-01",
        "--today",
        "2024-06-01",
    ])
    .ok();
    assert_eq!(
        slow(&l, "2024-06-11", "en"),
        "light,project,name,reasons\nyellow,sr,盛润,\"investment behind: invested 35% of plan, 时序进度 45% (126.4 of 366 万元 planned for 2024)\"\n"
    );
    // A day earlier (day 162) it is 9.7 points: green.
    assert_eq!(slow(&l, "2024-06-10", "en"), "light,project,name,reasons\n");
}

#[test]
fn investment_rule_at_year_boundaries() {
    let l = started("en");
    l.run(&["plan", "sr", "--year", "2025", "--amount", "3650"])
        .ok();
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "1000",
        "--date",
        "2024-12-31",
        "--today",
        "2024-12-31",
    ])
    .ok();
    // 31 December of a leap year: day 366 of 366 = 100%, plan done: green.
    assert_eq!(slow(&l, "2024-12-31", "en"), "light,project,name,reasons\n");
    // 1 January: day 1 of 365; nothing invested this year yet, 0.27 points behind.
    assert_eq!(slow(&l, "2025-01-01", "en"), "light,project,name,reasons\n");
    // 6 February 2025 = day 37 of 365 (10.14%); 0 invested in 2025: yellow.
    // Progress stale too: 37 days since the last entry.
    let feb = slow(&l, "2025-02-06", "en");
    assert_eq!(
        feb,
        "light,project,name,reasons\nyellow,sr,盛润,\"investment behind: invested 0% of plan, 时序进度 10% (0 of 3650 万元 planned for 2025); progress stale: no progress entry for 37 days (last on 2024-12-31)\"\n"
    );
    // Invested this year counts from the last entry of 2024 (1000).
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "1100",
        "--date",
        "2025-02-05",
        "--today",
        "2025-02-06",
    ])
    .ok();
    assert_eq!(slow(&l, "2025-02-06", "en"), "light,project,name,reasons\n");
    // Looking back: 4 February (day 35, 9.6%) was not yet 10 points behind, only stale.
    assert_eq!(
        slow(&l, "2025-02-04", "en"),
        "light,project,name,reasons\nyellow,sr,盛润,progress stale: no progress entry for 35 days (last on 2024-12-31)\n"
    );
}

#[test]
fn thresholds_come_from_ledger_toml() {
    let l = started("en");
    let text = l
        .read("ledger.toml")
        .replace(
            "investment_behind_yellow_points = 10",
            "investment_behind_yellow_points = 5",
        )
        .replace("progress_stale_days = 30", "progress_stale_days = 0");
    l.write("ledger.toml", &text);
    // 2024-02-29 is day 60 of 366 (16.4%); nothing invested: 16 points: yellow at 5.
    l.run(&[
        "progress",
        "sr",
        "--invested",
        "100",
        "--date",
        "2024-02-20",
        "--today",
        "2024-02-20",
    ])
    .ok();
    // 100 of 1000 = 10%, 6.4 points behind: yellow only because the threshold is 5.
    assert_eq!(
        slow(&l, "2024-02-29", "en"),
        "light,project,name,reasons\nyellow,sr,盛润,\"investment behind: invested 10% of plan, 时序进度 16% (100 of 1000 万元 planned for 2024)\"\n"
    );
}

/// A small county ledger with two projects and a record of everything
/// the bulletin counts, the last records dated after week 10 of 2024.
fn county(lang: &str) -> Ledger {
    let l = started(lang);
    let steps: &[&[&str]] = &[
        &[
            "open",
            "yd",
            "--name",
            "河南跃达年产2万吨丁烯二醇项目",
            "--type",
            "chemical",
            "--investment",
            "35000",
            "--planned-start",
            "2024-03-10",
            "--hazchem",
            "yes",
            "--today",
            "2024-01-10",
        ],
        &[
            "plan",
            "yd",
            "--year",
            "2024",
            "--amount",
            "12000",
            "--today",
            "2024-01-10",
        ],
        &[
            "tick",
            "sr",
            "eia",
            "--date",
            "2024-03-05",
            "--doc",
            "濮环审〔2024〕5号",
            "--today",
            "2024-03-05",
        ],
        &[
            "tick",
            "yd",
            "approval",
            "--date",
            "2024-03-04",
            "--today",
            "2024-03-04",
        ],
        &[
            "pledge",
            "sr",
            "safety",
            "--due",
            "2024-03-08",
            "--kind",
            "tolerance",
            "--items",
            "安全评价报告",
            "--date",
            "2024-02-20",
            "--today",
            "2024-03-04",
        ],
        &[
            "progress",
            "sr",
            "--invested",
            "120",
            "--date",
            "2024-02-28",
            "--note",
            "场地平整",
            "--today",
            "2024-03-04",
        ],
        &[
            "progress",
            "sr",
            "--invested",
            "180",
            "--date",
            "2024-03-06",
            "--note",
            "桩基施工",
            "--today",
            "2024-03-06",
        ],
        &[
            "problem",
            "add",
            "sr",
            "--what",
            "施工用电未接入",
            "--unit",
            "县供电公司",
            "--limit",
            "2024-03-05",
            "--date",
            "2024-03-01",
            "--today",
            "2024-03-01",
        ],
        &[
            "problem",
            "add",
            "yd",
            "--what",
            "用地指标未落实",
            "--unit",
            "县自然资源局",
            "--limit",
            "2024-03-15",
            "--date",
            "2024-03-04",
            "--today",
            "2024-03-04",
        ],
        // After the week: must not change the week's bulletin.
        &[
            "start",
            "yd",
            "--date",
            "2024-03-12",
            "--today",
            "2024-03-12",
        ],
        &[
            "fulfil",
            "sr",
            "safety",
            "--date",
            "2024-03-13",
            "--today",
            "2024-03-13",
        ],
        &[
            "problem",
            "resolve",
            "sr",
            "1",
            "--how",
            "已接入临时用电",
            "--date",
            "2024-03-14",
            "--today",
            "2024-03-14",
        ],
        &[
            "progress",
            "sr",
            "--invested",
            "260",
            "--date",
            "2024-03-15",
            "--today",
            "2024-03-15",
        ],
        &[
            "tick",
            "yd",
            "land-prereview",
            "--date",
            "2024-03-15",
            "--today",
            "2024-03-15",
        ],
    ];
    for args in steps {
        l.run(args).ok();
    }
    l
}

/// With TAIZHANG_BLESS=1 in the environment, writes `out` as the expected
/// output `name` (to regenerate after an intended change; read the diff).
fn bless(name: &str, out: &str) {
    if std::env::var_os("TAIZHANG_BLESS").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/expected")
            .join(name);
        std::fs::write(path, out).unwrap();
    }
}

fn expected(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_past_weeks_bulletin_regenerates_byte_for_byte() {
    let l = county("zh");
    for (format, file) in [
        ("markdown", "weekly-2024-w10.zh.md"),
        ("html", "weekly-2024-w10.zh.html"),
        ("json", "weekly-2024-w10.json"),
    ] {
        let out = l
            .run(&[
                "report",
                "weekly",
                "--week-of",
                "2024-03-06",
                "--format",
                format,
                "--today",
                "2024-04-20",
            ])
            .ok()
            .stdout;
        bless(file, &out);
        assert_eq!(out, expected(file), "{file}");
    }
    // Any day of the week gives the same bulletin.
    let sunday = l
        .run(&[
            "report",
            "weekly",
            "--week-of",
            "2024-03-10",
            "--today",
            "2024-03-31",
        ])
        .ok()
        .stdout;
    assert_eq!(sunday, expected("weekly-2024-w10.zh.md"));
    // Default: the week of --today, which is the same week on its Sunday.
    let default = l
        .run(&["report", "weekly", "--today", "2024-03-10"])
        .ok()
        .stdout;
    assert_eq!(default, expected("weekly-2024-w10.zh.md"));
}

#[test]
fn bulletin_in_english() {
    let l = county("en");
    let out = l
        .run(&[
            "report",
            "weekly",
            "--week-of",
            "2024-03-06",
            "--today",
            "2024-04-20",
        ])
        .ok()
        .stdout;
    bless("weekly-2024-w10.en.md", &out);
    assert_eq!(out, expected("weekly-2024-w10.en.md"));
}

#[test]
fn bulletin_counts_as_of_today_within_the_week() {
    let l = county("en");
    // On Wednesday 6 March, Thursday's records do not exist yet; the week
    // so far is counted, as of that day.
    let out = l
        .run(&[
            "report",
            "weekly",
            "--format",
            "json",
            "--today",
            "2024-03-06",
        ])
        .ok()
        .stdout;
    assert!(out.contains("\"as_of\": \"2024-03-06\""), "{out}");
    assert!(out.contains("\"week_start\": \"2024-03-04\""), "{out}");
    assert!(out.contains("\"week_end\": \"2024-03-10\""), "{out}");
}

#[test]
fn weekly_bad_input_is_refused() {
    let l = county("en");
    l.refuses(
        &["report", "weekly", "--week-of", "6/3/2024"],
        "--week-of: invalid date \"6/3/2024\"",
    );
    l.refuses(
        &[
            "report",
            "weekly",
            "--week-of",
            "2024-03-04",
            "--today",
            "2024-03-03",
        ],
        "--week-of: the week of 2024-03-04 begins on 2024-03-04, after today (2024-03-03)",
    );
    l.refuses(
        &["report", "weekly", "--format", "csv"],
        "--format csv: the bulletin has several tables",
    );
    l.refuses(
        &["report", "overdue", "--format", "html"],
        "--format html is only for `taizhang report weekly`",
    );
    l.refuses(&["list", "--format", "html"], "--format html is only for");
}

#[test]
fn taskforce_table_and_views() {
    let l = county("en");
    let out = l
        .run(&[
            "report",
            "taskforce",
            "--format",
            "csv",
            "--today",
            "2024-03-06",
        ])
        .ok()
        .stdout;
    assert_eq!(
        out,
        "task force,lead unit,issuing authorities,procedures,obtained,pledged,pending,overdue\n\
         用地专班,县自然资源局,\"县自然资源局, 河南省人民政府, 河南省自然资源厅\",18,0,0,18,8\n\
         环保专班,濮阳市生态环境局台前分局,濮阳市生态环境局台前分局,2,1,0,1,0\n\
         住建专班,县住房和城乡建设局,\"县气象局, 县住房和城乡建设局, 县人民防空办公室\",10,0,0,10,4\n\
         文物专班,县文化广电体育和旅游局,河南省文物局,2,0,0,2,0\n\
         交通专班,县交通运输局,县交通运输局,0,0,0,0,0\n\
         水利专班,县水利局,县水利局,6,0,0,6,4\n\
         督导服务专班,县委县政府督查服务中心,\"县发展和改革委员会, 濮阳市应急管理局\",14,1,1,12,4\n\
         total,,,52,2,1,49,20\n"
    );
    let zh = l
        .run(&[
            "report",
            "taskforce",
            "--format",
            "csv",
            "--lang",
            "zh",
            "--today",
            "2024-03-06",
        ])
        .ok()
        .stdout;
    assert!(
        zh.starts_with("专班,牵头单位,审批部门,手续总数,已办结,容缺/承诺,待办,逾期\n"),
        "{zh}"
    );
    assert!(zh.ends_with("合计,,,52,2,1,49,20\n"), "{zh}");
    // One task force's view: only its procedures and its lead unit's problems.
    let over = l
        .run(&[
            "report",
            "overdue",
            "--taskforce",
            "land",
            "--format",
            "csv",
            "--today",
            "2024-03-20",
        ])
        .ok()
        .stdout;
    assert_eq!(
        over,
        "kind,project,name,item,issuing authority,task force (lead unit),due,days overdue\n\
         procedure,sr,盛润,建设用地规划许可证,县自然资源局 (county),用地专班 (县自然资源局),2024-02-02,47\n\
         procedure,sr,盛润,用地预审与选址意见书,县自然资源局 (county),用地专班 (县自然资源局),2024-02-02,47\n\
         procedure,sr,盛润,建设工程规划许可证,县自然资源局 (county),用地专班 (县自然资源局),2024-02-02,47\n\
         procedure,yd,河南跃达年产2万吨丁烯二醇项目,建设用地规划许可证,县自然资源局 (county),用地专班 (县自然资源局),2024-02-06,43\n\
         procedure,yd,河南跃达年产2万吨丁烯二醇项目,建设工程规划许可证,县自然资源局 (county),用地专班 (县自然资源局),2024-02-06,43\n\
         procedure,sr,盛润,不动产权证,县自然资源局 (county),用地专班 (县自然资源局),2024-02-21,28\n\
         procedure,yd,河南跃达年产2万吨丁烯二醇项目,不动产权证,县自然资源局 (county),用地专班 (县自然资源局),2024-02-26,23\n\
         problem,yd,河南跃达年产2万吨丁烯二醇项目,用地指标未落实,县自然资源局,,2024-03-15,5\n"
    );
    let show = l
        .run(&["show", "sr", "--taskforce", "env", "--format", "csv"])
        .ok()
        .stdout;
    assert_eq!(show.lines().count(), 2, "{show}");
    assert!(
        show.contains("\neia,环评批复,环保专班 (濮阳市生态环境局台前分局),濮阳市生态环境局台前分局 (city),obtained,"),
        "{show}"
    );
    let list = l
        .run(&["list", "--taskforce", "transport", "--format", "csv"])
        .ok()
        .stdout;
    assert_eq!(
        list.lines().count(),
        1,
        "chemical projects have no transport procedures: {list}"
    );
    l.refuses(&["report", "slow", "--taskforce", "roads"], "--taskforce: unknown task force \"roads\": expected one of land, env, build, relics, transport, water, supervision");
    l.refuses(
        &["show", "sr", "--taskforce", "transport"],
        "sr has no procedures of task force transport",
    );
    l.refuses(
        &["tick", "sr", "flood", "--taskforce", "water"],
        "--taskforce applies to list, show, reports and export only",
    );
}

#[test]
fn rollup_over_two_ledgers_and_members() {
    let county_l = started("en");
    let town = Ledger::with_lang("en");
    // The same project ID in a township ledger is not a clash.
    town.run(&[
        "open",
        "sr",
        "--name",
        "侯庙镇道路",
        "--type",
        "transport",
        "--planned-start",
        "2024-02-01",
        "--today",
        "2024-01-02",
    ])
    .ok();
    let town_name = town
        .read("ledger.toml")
        .replace("name = \"测试台账\"", "name = \"侯庙镇\"");
    town.write("ledger.toml", &town_name);
    let town_dir = town.path().to_str().unwrap();
    let out = county_l
        .run(&[
            "report",
            "overdue",
            "-L",
            ".",
            "-L",
            town_dir,
            "--format",
            "csv",
            "--today",
            "2024-03-01",
        ])
        .ok()
        .stdout;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "ledger,kind,project,name,item,issuing authority,task force (lead unit),due,days overdue"
    );
    assert!(lines.contains(&"侯庙镇,start,sr,侯庙镇道路,start of works (开工),县委县政府督查服务中心,督导服务专班 (县委县政府督查服务中心),2024-02-01,29"), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("测试台账,procedure,sr,盛润,")),
        "{out}"
    );
    let json = county_l
        .run(&["list", "-L", ".", "-L", town_dir, "--format", "json"])
        .ok()
        .stdout;
    assert!(json.contains("\"ledger\": \"侯庙镇\""), "{json}");
    assert!(json.contains("\"ledger\": \"测试台账\""), "{json}");
    // A single ledger carries no ledger column.
    let single = county_l
        .run(&["report", "overdue", "--format", "csv"])
        .ok()
        .stdout;
    assert!(single.starts_with("kind,"), "{single}");

    // members = [...] in ledger.toml: relative paths under the ledger.
    let root = tempfile::tempdir().unwrap();
    let run = |dir: &std::path::Path, args: &[&str]| {
        let mut all = args.to_vec();
        if !args.contains(&"--today") {
            all.extend(["--today", "2024-03-01"]);
        }
        run_in(dir, &all).ok()
    };
    let c = root.path().join("county");
    let h = root.path().join("townships/houmiao");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::create_dir_all(&h).unwrap();
    run(&c, &["init", ".", "--name", "台前县", "--lang", "zh"]);
    run(&h, &["init", ".", "--name", "侯庙镇", "--lang", "zh"]);
    run(
        &h,
        &[
            "open",
            "road",
            "--name",
            "侯庙镇道路",
            "--type",
            "transport",
            "--planned-start",
            "2024-02-20",
            "--today",
            "2024-01-15",
        ],
    );
    let settings = std::fs::read_to_string(c.join("ledger.toml"))
        .unwrap()
        .replace(
            "lang = \"zh\"\n",
            "lang = \"zh\"\nmembers = [\"../townships/houmiao\"]\n",
        );
    std::fs::write(c.join("ledger.toml"), settings).unwrap();
    let out = run(&c, &["report", "overdue", "--format", "csv"]).stdout;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "台账,类别,项目,项目名称,事项,审批部门/责任单位,协调专班(牵头单位),时限,逾期天数"
    );
    assert_eq!(
        lines.last(),
        Some(
            &"侯庙镇,未按期开工,road,侯庙镇道路,开工,县委县政府督查服务中心,督导服务专班 (县委县政府督查服务中心),2024-02-20,10"
        )
    );
    assert!(lines[1..].iter().all(|l| l.starts_with("侯庙镇,")), "{out}");
    let weekly = run(&c, &["report", "weekly"]).stdout;
    assert!(weekly.contains("- 项目总数1个"), "{weekly}");
    // Writes stay on one ledger.
    let refused = run_in(
        &c,
        &[
            "open",
            "x",
            "--name",
            "x",
            "--type",
            "chemical",
            "-L",
            ".",
            "-L",
            "../townships/houmiao",
        ],
    );
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.starts_with("错误：-L 给出了 2 次"),
        "{}",
        refused.stderr
    );
    // Absolute member paths are refused by check.
    let settings = std::fs::read_to_string(c.join("ledger.toml"))
        .unwrap()
        .replace("\"../townships/houmiao\"", "\"/etc\"");
    std::fs::write(c.join("ledger.toml"), settings).unwrap();
    let check = run_in(&c, &["check"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains("`members`：“/etc”不是相对路径"),
        "{}",
        check.stdout
    );
}

#[test]
fn the_demo_ledgers_bulletin_is_the_stored_one() {
    // The supervisor's one command on the demo ledger (examples/build-demo.sh).
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ledgers/taiqian-2024");
    let run = run_in(
        &demo,
        &[
            "--today",
            "2024-11-25",
            "report",
            "weekly",
            "--week-of",
            "2024-11-24",
        ],
    )
    .ok();
    bless("taiqian-2024-w47.zh.md", &run.stdout);
    assert_eq!(run.stdout, expected("taiqian-2024-w47.zh.md"));
}

#[test]
fn bad_annual_plan_is_a_problem_of_check() {
    let l = started("en");
    let path = "projects/sr/project.toml";
    let text = l.read(path).replace(
        "\"2024\" = \"1000\"",
        "\"24\" = \"1000\"\n\"2025\" = \"12,5\"",
    );
    l.write(path, &text);
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(
            "project.toml:12:8: `annual_plan`: invalid year \"24\": expected a year like \"2024\""
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("project.toml:13:10: `2025`: invalid amount \"12,5\""),
        "{}",
        run.stdout
    );
    let before = l.snapshot();
    l.run(&["plan", "sr", "--year", "2024", "--amount", "1"])
        .fails_with("project \"sr\" cannot be used");
    assert!(l.snapshot() == before);
}

#[test]
fn new_views_refuse_what_they_cannot_do() {
    let l = started("en");
    l.refuses(
        &["problem", "list", "--taskforce", "land"],
        "--taskforce applies to list, show, reports and export only",
    );
    l.refuses(
        &["report", "taskforce", "--format", "html"],
        "--format html is only for `taizhang report weekly`",
    );
    l.refuses(
        &["progress", "sr", "--invested", "1", "-L", ".", "-L", "."],
        "-L was given 2 times",
    );
    l.refuses(
        &["report", "weekly", "-L", ".", "-L", "nowhere"],
        "nowhere is not a taizhang ledger",
    );
}

#[test]
fn chinese_tables_stay_aligned() {
    let l = started("zh");
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "用地指标未落实",
        "--unit",
        "县自然资源局",
        "--limit",
        "2024-03-10",
    ])
    .ok();
    let out = l.run(&["problem", "list"]).ok().stdout;
    let widths: Vec<usize> = out
        .lines()
        .filter(|line| !line.starts_with("共"))
        .map(|line| {
            line.chars()
                .map(|c| {
                    if c.is_ascii() || ('─'..='╿').contains(&c) {
                        1
                    } else {
                        2
                    }
                })
                .sum()
        })
        .collect();
    assert!(widths.windows(2).all(|w| w[0] == w[1]), "{out}");
    // The columns empty in every row (resolved, how) are left out.
    assert!(
        out.contains(
            "│ 项目 ┆ 序号 ┆ 问题           ┆ 责任单位     ┆ 解决时限   ┆ 提出日期   ┆ 状态   │"
        ),
        "{out}"
    );
    assert!(out.ends_with("└──────┴──────┴────────────────┴──────────────┴────────────┴────────────┴────────┘\n共 1 项\n"), "{out}");
    let json = l.run(&["problem", "list", "--format", "json"]).ok().stdout;
    assert!(
        json.contains("\"what\": \"用地指标未落实\""),
        "JSON keys stay English: {json}"
    );
    let show = l.run(&["show", "sr"]).ok().stdout;
    assert!(show.contains("2024年计划投资(万元)  1000\n"), "{show}");
    assert!(show.contains("\n问题台账\n"), "{show}");
}
