//! The supervision task force's side: annual plan and progress ledger, the
//! problem ledger and its overdue items, the time-elapsed (时序进度) rule,
//! labels, the weekly bulletin, task-force views and the roll-up.

use crate::support::*;

/// A ledger with one chemical project opened on 2024-01-05, started on
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
    assert!(show.contains("plan 2024 (万元)  1000"), "{show}");
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
        &["progress", "sr", "--invested", "5", "--date", "2024-01-01"],
        "before the project was opened",
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
        out.contains("progress.csv:3: column \"date\": invalid date \"2024-02-31\""),
        "{out}"
    );
    assert!(
        out.contains("progress.csv:3: column \"invested\": invalid amount \"x\""),
        "{out}"
    );
    assert!(
        out.contains("problems.csv:2: column \"limit\": invalid date \"2024-13-01\""),
        "{out}"
    );
    assert!(
        out.contains("problems.csv:3: column \"unit\": empty"),
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
    l.run(&["report", "slow"]).fails_with("has problems");
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
        "no,what,unit,limit,opened,resolved,how\n\
         1,用地指标未落实,县自然资源局,2024-03-10,2024-02-20,,\n\
         2,电力接入,县供电公司,2024-02-29,2024-02-21,2024-03-01,已接入\n"
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
        ["problem,sr,盛润,用地指标未落实,县自然资源局,2024-03-10,1"]
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
        zh.contains("问题逾期,sr,盛润,用地指标未落实,县自然资源局,2024-03-10,2\n"),
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
    assert_eq!(overdue("2024-03-14"), ["problem,sr,盛润,x,y,2024-03-12,2"]);
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
        "light,project,name,reasons\nyellow,sr,盛润,\"investment behind: invested 34% of plan, 时序进度 44% (126.4 of 366 万元 planned for 2024)\"\n"
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
