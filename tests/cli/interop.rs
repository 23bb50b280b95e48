//! The clerk's world: working-day deadlines (`apply`), terminal conventions
//! (completions, man page, colour, exit codes), Excel/WPS export and import.

use crate::support::*;

/// Opens a chemical project `id` as of `day`.
fn open_on(l: &Ledger, id: &str, day: &str) {
    l.run(&[
        "open",
        id,
        "--name",
        "河南盛润年产2万吨对苯二酚项目",
        "--type",
        "chemical",
        "--today",
        day,
    ])
    .ok();
}

/// Sets the catalogue limit of the first procedure (`approval`, "20wd").
fn approval_limit(l: &Ledger, limit: &str) {
    let text = l.read("ledger.toml");
    let text = text.replacen("limit = \"20wd\"", &format!("limit = \"{limit}\""), 1);
    l.write("ledger.toml", &text);
}

/// The cells of procedure `key` in a project's procedures.csv, by column.
fn row(l: &Ledger, id: &str, key: &str) -> std::collections::BTreeMap<String, String> {
    let text = l.read(&format!("projects/{id}/procedures.csv"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[0] == key {
            return header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect();
        }
    }
    panic!("no row {key}")
}

fn apply(l: &Ledger, id: &str, key: &str, date: &str, today: &str) -> String {
    l.run(&["apply", id, key, "--date", date, "--today", today])
        .ok()
        .stdout
}

#[test]
fn apply_counts_working_days_across_spring_festival_2024() {
    let l = Ledger::new();
    open_on(&l, "shengrun", "2024-02-01");
    // Thursday 8 February; 10–17 off; Sunday 18 is a make-up working day.
    let out = apply(&l, "shengrun", "approval", "2024-02-08", "2024-02-20");
    assert_eq!(
        out,
        "shengrun: 项目审批/核准/备案 (approval) applied for on 2024-02-08; due by 2024-03-13 (20 working days)\n"
    );
    let r = row(&l, "shengrun", "approval");
    assert_eq!(r["applied"], "2024-02-08");
    assert_eq!(r["due"], "2024-03-13");
    assert_eq!(r["status"], "pending");
    // Calendar days are calendar days: 60 from 8 February (a leap year).
    let out = apply(&l, "shengrun", "eia", "2024-02-08", "2024-02-20");
    assert!(
        out.ends_with("due by 2024-04-08 (60 calendar days)\n"),
        "{out}"
    );
}

#[test]
fn apply_lands_on_make_up_sundays_around_spring_festival() {
    let l = Ledger::new();
    approval_limit(&l, "1wd");
    open_on(&l, "a", "2024-02-01");
    open_on(&l, "b", "2024-02-01");
    // Friday 2 February: the next working day is make-up Sunday 4 February.
    apply(&l, "a", "approval", "2024-02-02", "2024-02-20");
    assert_eq!(row(&l, "a", "approval")["due"], "2024-02-04");
    // Friday 9 February, the eve of the holiday: Sunday 18 February.
    apply(&l, "b", "approval", "2024-02-09", "2024-02-20");
    assert_eq!(row(&l, "b", "approval")["due"], "2024-02-18");
}

#[test]
fn apply_around_national_day_2025_with_make_up_weekend_days() {
    let l = Ledger::new();
    approval_limit(&l, "1wd");
    for id in ["a", "b", "c"] {
        open_on(&l, id, "2025-09-01");
    }
    // Friday 26 September: make-up Sunday 28 September.
    apply(&l, "a", "approval", "2025-09-26", "2025-10-20");
    assert_eq!(row(&l, "a", "approval")["due"], "2025-09-28");
    // Tuesday 30 September: 1–8 October off, so Thursday 9 October.
    apply(&l, "b", "approval", "2025-09-30", "2025-10-20");
    assert_eq!(row(&l, "b", "approval")["due"], "2025-10-09");
    // Friday 10 October: make-up Saturday 11 October.
    apply(&l, "c", "approval", "2025-10-10", "2025-10-20");
    assert_eq!(row(&l, "c", "approval")["due"], "2025-10-11");
}

#[test]
fn apply_twenty_working_days_over_national_day_2024() {
    let l = Ledger::new();
    open_on(&l, "shengrun", "2024-09-01");
    // From Friday 27 September: Sunday 29 September and Saturday 12 October
    // are worked, 1–7 October off.
    apply(&l, "shengrun", "approval", "2024-09-27", "2024-10-20");
    assert_eq!(row(&l, "shengrun", "approval")["due"], "2024-10-30");
}

#[test]
fn local_days_off_in_ledger_toml_move_the_due_date() {
    let l = Ledger::new();
    approval_limit(&l, "1wd");
    let text = l.read("ledger.toml").replace(
        "[calendar]\noff = []\nwork = []",
        "[calendar]\noff = [\"2024-03-04\"]\nwork = []",
    );
    l.write("ledger.toml", &text);
    l.open("shengrun");
    // Friday 1 March; Monday 4 March is a local day off.
    apply(&l, "shengrun", "approval", "2024-03-01", "2024-03-01");
    assert_eq!(row(&l, "shengrun", "approval")["due"], "2024-03-05");
}

#[test]
fn apply_without_a_catalogue_limit_keeps_the_due_date() {
    let l = Ledger::new();
    l.open("shengrun");
    let out = apply(&l, "shengrun", "energy", "2024-03-01", "2024-03-01");
    assert_eq!(
        out,
        "shengrun: 节能审查 (energy) applied for on 2024-03-01; the catalogue sets no time limit: set the due date with `taizhang due`\n"
    );
    let r = row(&l, "shengrun", "energy");
    assert_eq!(
        (r["applied"].as_str(), r["due"].as_str()),
        ("2024-03-01", "")
    );
}

#[test]
fn a_due_date_beyond_the_calendar_is_a_warning_in_check() {
    let l = Ledger::new();
    // Opened in October: the working-day dues of the task list stay in 2026.
    open_on(&l, "shengrun", "2026-10-12");
    let out = apply(&l, "shengrun", "approval", "2026-12-15", "2026-12-20");
    assert_eq!(
        out,
        "shengrun: 项目审批/核准/备案 (approval) applied for on 2026-12-15; due by 2027-01-12 (20 working days)\n\
         warning: the working-day calendar does not cover 2027; count holidays by hand or add them under [calendar] in ledger.toml\n"
    );
    let run = l.run(&["check", "--today", "2026-12-20"]).ok();
    assert!(
        run.stdout.starts_with(
            "./projects/shengrun/procedures.csv:2: warning: procedure \"approval\": due date 2027-01-12 falls in 2027, a year the working-day calendar does not cover\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("= hint: list 2027's official holidays"));
    assert!(
        run.stdout.ends_with("0 problem(s), 1 warning(s) in .\n"),
        "{}",
        run.stdout
    );
    let json = l
        .run(&["check", "--format", "json", "--today", "2026-12-20"])
        .ok()
        .stdout;
    assert!(
        json.contains("\"code\": \"calendar-not-covered\""),
        "{json}"
    );
    assert!(json.contains("\"severity\": \"warning\""), "{json}");
    // A warning, so --deny-warnings fails.
    let deny = l.run(&["check", "--deny-warnings", "--today", "2026-12-20"]);
    assert_eq!(deny.code, 1);
    // Adding 2027 to the calendar silences the warning.
    let text = l
        .read("ledger.toml")
        .replace("[calendar]\noff = []", "[calendar]\noff = [\"2027-01-01\"]");
    l.write("ledger.toml", &text);
    assert_eq!(l.run(&["check", "--today", "2026-12-20"]).ok().stdout, "");
}

#[test]
fn apply_is_refused_for_bad_input() {
    let l = Ledger::new();
    l.open("shengrun");
    l.refuses(&["apply", "nope", "eia"], "unknown project \"nope\"");
    l.refuses(&["apply", "shengrun", "nope"], "unknown procedure \"nope\"");
    l.refuses(
        &["apply", "shengrun", "transport-review"],
        "is not on the task list of project \"shengrun\"",
    );
    l.refuses(
        &["apply", "shengrun", "eia", "--date", "1/3/2024"],
        "--date: invalid date \"1/3/2024\": expected 2024-03-01, 2024/3/1",
    );
    l.refuses(
        &["apply", "shengrun", "eia", "--date", "2024-03-02"],
        "--date: 2024-03-02 is after today (2024-03-01)",
    );
    // An application before the project entered the ledger is history.
    l.run(&["apply", "shengrun", "eia", "--date", "2024-02-01"])
        .ok();
    l.refuses(
        &["tick", "shengrun", "eia", "--date", "2024-01-31"],
        "--date: 2024-01-31 is before 环评批复 (eia) was applied for (2024-02-01)",
    );
    l.run(&["undo", "shengrun", "eia"]).ok();
    l.run(&["apply", "shengrun", "eia"]).ok();
    l.refuses(
        &["apply", "shengrun", "环评批复"],
        "环评批复 (eia) was already applied for on 2024-03-01",
    );
    l.run(&["tick", "shengrun", "safety"]).ok();
    l.refuses(
        &["apply", "shengrun", "safety"],
        "was already obtained on 2024-03-01",
    );
    l.run(&[
        "pledge",
        "shengrun",
        "energy",
        "--due",
        "2024-04-01",
        "--kind",
        "notify",
        "--items",
        "报告",
    ])
    .ok();
    l.refuses(
        &["apply", "shengrun", "energy"],
        "is already granted on a commitment",
    );
}

#[test]
fn a_procedures_file_without_the_applied_column_still_loads() {
    let l = Ledger::new();
    l.open("shengrun");
    let path = "projects/shengrun/procedures.csv";
    let full = l.read(path);
    // The file as an older taizhang wrote it: no `applied` column.
    let old: String = full
        .lines()
        .map(|line| {
            let cut = line.strip_suffix(",applied").or(line.strip_suffix(','));
            format!("{}\n", cut.expect("the last column"))
        })
        .collect();
    assert!(!old.contains("applied"));
    l.write(path, &old);
    assert_eq!(l.run(&["check"]).ok().stdout, "");
    l.run(&["show", "shengrun"]).ok();
    l.run(&["list"]).ok();
    assert_eq!(l.read(path), old, "reading does not rewrite the file");
    l.run(&["apply", "shengrun", "eia"]).ok();
    let new = l.read(path);
    let header = new.lines().next().unwrap();
    assert!(header.ends_with(",note,applied"), "{header}");
    assert_eq!(row(&l, "shengrun", "eia")["applied"], "2024-03-01");
    assert_eq!(row(&l, "shengrun", "approval")["applied"], "");
    assert_eq!(l.run(&["check"]).ok().stdout, "");
}

#[test]
fn show_json_carries_the_application_date() {
    let l = Ledger::new();
    l.open("shengrun");
    l.run(&["apply", "shengrun", "eia"]).ok();
    let json = l.run(&["show", "shengrun", "--format", "json"]).ok().stdout;
    assert!(json.contains("\"applied\": \"2024-03-01\""), "{json}");
}

/// Runs the binary in `l` with NO_COLOR as given (None: unset).
fn run_env(l: &Ledger, no_color: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = taizhang();
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    let out = cmd.current_dir(l.path()).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn completions_for_each_shell() {
    let l = Ledger::new();
    for (shell, marker) in [
        ("bash", "_taizhang()"),
        ("zsh", "#compdef taizhang"),
        ("fish", "complete -c taizhang"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = l.run(&["completions", shell]).ok().stdout;
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(out.contains("apply"), "{shell} completes the subcommands");
    }
    let run = l.run(&["completions", "cmd.exe"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn man_page_outside_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["man"]).ok();
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &run.stdout[..200]
    );
    assert!(run.stdout.contains(".TH taizhang 1"), "{}", run.stdout);
    assert!(run.stdout.contains("apply"));
    assert_eq!(run.stderr, "");
}

#[test]
fn report_overdue_exit_code_for_cron() {
    let l = Ledger::new();
    l.open("shengrun");
    let calm = l.run(&["report", "overdue", "--exit-code"]).ok();
    assert_eq!(calm.stdout, "Nothing overdue as of 2024-03-01.\n");
    let late = &["report", "overdue", "--exit-code", "--today", "2024-12-01"];
    let run = l.run(late);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let plain = l.run(&["report", "overdue", "--today", "2024-12-01"]).ok();
    assert_eq!(run.stdout, plain.stdout, "the flag changes only the status");
    let run = l.run(&[
        "report",
        "overdue",
        "--exit-code",
        "--today",
        "2024-12-01",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 3);
}

#[test]
fn lights_are_coloured_only_when_allowed() {
    let l = Ledger::new();
    l.open("shengrun");
    let args = ["report", "slow", "--today", "2024-12-01"];
    let plain = run_env(&l, None, &args).ok().stdout;
    assert!(plain.contains("red"), "{plain}");
    assert!(!plain.contains('\x1b'), "no colour into a pipe: {plain}");
    let never = run_env(&l, None, &[&args[..], &["--color", "never"]].concat()).ok();
    assert_eq!(never.stdout, plain);
    let always = run_env(&l, None, &[&args[..], &["--color", "always"]].concat()).ok();
    assert!(
        always.stdout.contains("│\x1b[38;5;9m red   \x1b[39m┆"),
        "{:?}",
        always.stdout
    );
    // NO_COLOR wins over everything.
    let no = run_env(&l, Some("1"), &[&args[..], &["--color", "always"]].concat()).ok();
    assert_eq!(no.stdout, plain);
    // Only the terminal table is coloured.
    let csv = run_env(
        &l,
        None,
        &[&args[..], &["--color", "always", "--format", "csv"]].concat(),
    );
    assert!(!csv.ok().stdout.contains('\x1b'));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let l = Ledger::new();
    l.open("shengrun");
    for args in [
        &["completions", "bash"][..],
        &["list"],
        &["show", "shengrun"],
    ] {
        // A pipe whose reading end is closed before taizhang writes, as
        // after `| head -1`: every write fails with a broken pipe.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = taizhang()
            .current_dir(l.path())
            .args(args)
            .args(["--today", TODAY])
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// The cells of the first sheet of a workbook, with its name.
pub fn read_xlsx(path: &std::path::Path) -> (String, calamine::Range<calamine::Data>) {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    (name, range)
}

/// The XML of the first sheet, for what calamine does not read (panes, widths).
pub fn sheet_xml(path: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    xml
}

/// The width of column `n` (1-based) recorded in the sheet XML.
fn column_width(xml: &str, n: usize) -> f64 {
    let tag = format!("<col min=\"{n}\" max=\"{n}\" width=\"");
    let rest = &xml[xml.find(&tag).expect("column width set") + tag.len()..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

#[test]
fn export_overdue_as_a_workbook_with_real_dates() {
    use calamine::{Data, DataType};
    let l = Ledger::with_lang("zh");
    l.open("shengrun");
    let run = l
        .run(&[
            "export",
            "overdue",
            "--output",
            "逾期清单.xlsx",
            "--today",
            "2024-12-01",
        ])
        .ok();
    assert_eq!(run.stdout, "已导出 15 行到 逾期清单.xlsx\n");
    let path = l.file("逾期清单.xlsx");
    let (name, cells) = read_xlsx(&path);
    assert_eq!(name, "逾期清单");
    assert_eq!(cells.get_size(), (16, 8));
    let header: Vec<String> = (0..8).map(|c| cells[(0, c)].to_string()).collect();
    assert_eq!(
        header,
        [
            "类别",
            "项目",
            "项目名称",
            "事项",
            "审批部门/责任单位",
            "协调专班(牵头单位)",
            "时限",
            "逾期天数"
        ]
    );
    assert_eq!(cells[(1, 0)], Data::String("手续逾期".into()));
    assert_eq!(
        cells[(1, 2)],
        Data::String("河南盛润年产2万吨对苯二酚项目".into())
    );
    assert_eq!(cells[(1, 3)], Data::String("雷电防护装置设计审核".into()));
    assert_eq!(cells[(1, 4)], Data::String("县气象局（县级）".into()));
    assert_eq!(
        cells[(1, 5)],
        Data::String("住建专班 (县住房和城乡建设局)".into())
    );
    // A real date (10 working days from 1 March 2024), and a real number.
    assert!(cells[(1, 6)].is_datetime(), "{:?}", cells[(1, 6)]);
    assert_eq!(
        cells[(1, 6)].as_date(),
        chrono::NaiveDate::from_ymd_opt(2024, 3, 15)
    );
    assert_eq!(cells[(1, 7)].get_float(), Some(261.0));
    // Relics: 40 working days land on make-up Sunday 28 April.
    let relics = (1..16)
        .find(|&r| cells[(r, 3)] == Data::String("文物考古调查勘探".into()))
        .unwrap();
    assert_eq!(
        cells[(relics, 6)].as_date(),
        chrono::NaiveDate::from_ymd_opt(2024, 4, 28)
    );
    assert_eq!(cells[(15, 3)], Data::String("开工".into()));
    let xml = sheet_xml(&path);
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{xml}"
    );
    // 督导服务专班 (县委县政府督查服务中心): 16 Chinese characters and 3 others.
    assert!(column_width(&xml, 6) >= 35.0, "{xml}");
    assert!(column_width(&xml, 2) < 12.0, "an ASCII ID stays narrow");
    // Same ledger, same day: the same bytes.
    let first = std::fs::read(&path).unwrap();
    l.run(&[
        "export",
        "overdue",
        "-o",
        "逾期清单.xlsx",
        "--force",
        "--today",
        "2024-12-01",
    ])
    .ok();
    assert!(std::fs::read(&path).unwrap() == first);
}

#[test]
fn export_each_report_as_a_workbook() {
    let l = Ledger::new();
    l.open("shengrun");
    for (what, sheet, rows) in [
        ("slow", "slow", 2),
        ("list", "projects", 2),
        ("procedures", "procedures", 27),
    ] {
        let file = format!("{what}.xlsx");
        l.run(&["export", what, "-o", &file, "--today", "2024-12-01"])
            .ok();
        let (name, cells) = read_xlsx(&l.file(&file));
        assert_eq!(name, sheet);
        assert_eq!(cells.get_size().0, rows, "{what}");
    }
    let (_, cells) = read_xlsx(&l.file("list.xlsx"));
    assert_eq!(cells[(1, 1)].to_string(), "河南盛润年产2万吨对苯二酚项目");
    assert_eq!(cells[(1, 7)].to_string(), "preparing");
    // 已办 and 应办 are two numbers, never a "0/14" Excel would read as a date.
    assert_eq!(cells[(1, 8)], calamine::Data::Float(0.0));
    assert_eq!(cells[(1, 9)], calamine::Data::Float(26.0));
}

#[test]
fn export_a_task_force_ledger_as_csv_for_excel() {
    let l = Ledger::with_lang("zh");
    l.open("shengrun");
    l.run(&[
        "tick",
        "shengrun",
        "flood",
        "--doc",
        "台水许〔2024〕3号",
        "--note",
        "=1+1",
    ])
    .ok();
    let out = l
        .run(&[
            "export",
            "procedures",
            "--taskforce",
            "water",
            "--for-excel",
        ])
        .ok()
        .stdout;
    assert_eq!(
        out,
        "\u{feff}项目,项目名称,手续,名称,专班(牵头单位),审批部门,状态,申报日期,时间节点,办结日期,批复文号,承诺方式,承诺时限,承诺补齐事项,兑现日期,备注\r\n\
         shengrun,河南盛润年产2万吨对苯二酚项目,soil-water,水土保持方案,水利专班 (县水利局),县水利局（县级）,待办,,2024-03-15,,,,,,,\r\n\
         shengrun,河南盛润年产2万吨对苯二酚项目,water-abstraction,取水许可,水利专班 (县水利局),县水利局（县级）,待办,,2024-05-08,,,,,,,\r\n\
         shengrun,河南盛润年产2万吨对苯二酚项目,flood,洪水影响评价,水利专班 (县水利局),县水利局（县级）,已办结,,2024-03-29,2024-03-01,台水许〔2024〕3号,,,,,'=1+1\r\n"
    );
    // The ledger keeps what the clerk typed.
    assert!(
        l.read("projects/shengrun/procedures.csv")
            .contains(",=1+1,")
    );
    // The same to a file.
    let run = l
        .run(&[
            "export",
            "procedures",
            "--taskforce",
            "water",
            "-o",
            "water.csv",
        ])
        .ok();
    assert_eq!(run.stdout, "已导出 3 行到 water.csv\n");
    assert_eq!(l.read("water.csv"), out);
}

#[test]
fn export_overdue_for_one_task_force() {
    let l = Ledger::new();
    l.open("shengrun");
    let out = l
        .run(&[
            "export",
            "overdue",
            "--taskforce",
            "env",
            "--for-excel",
            "--today",
            "2024-12-01",
        ])
        .ok()
        .stdout;
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("环评批复"), "{out}");
}

#[test]
fn export_follows_the_global_task_force_view_and_as_of_day() {
    let l = Ledger::new();
    l.open("shengrun");
    // The same view as `list --taskforce env`: projects with env procedures.
    let export = l
        .run(&["export", "list", "--taskforce", "env", "--for-excel"])
        .ok()
        .stdout;
    let list = l
        .run(&["list", "--taskforce", "env", "--format", "csv"])
        .ok()
        .stdout;
    assert_eq!(export.lines().count(), list.lines().count(), "{export}");
    assert!(export.contains("shengrun"), "{export}");
    // As of a day before the project was opened, there is nothing to export.
    let before = l
        .run(&["export", "list", "--for-excel", "--today", "2024-02-01"])
        .ok()
        .stdout;
    assert_eq!(before.lines().count(), 1, "only the header: {before}");
}

#[test]
fn export_is_refused_for_bad_input() {
    let l = Ledger::new();
    l.open("shengrun");
    l.refuses(
        &["export", "overdue"],
        "nowhere to export to: give --output FILE.xlsx",
    );
    l.refuses(
        &["export", "overdue", "-o", "out.txt"],
        "--output out.txt: expected a file name ending in .xlsx (workbook) or .csv",
    );
    l.refuses(
        &["export", "overdue", "-o", "out.xlsx", "--for-excel"],
        "--for-excel writes CSV",
    );
    l.refuses(
        &["export", "procedures", "--taskforce", "fire", "--for-excel"],
        "--taskforce: unknown task force \"fire\": expected one of land, env",
    );
    l.write("out.xlsx", "a clerk's own file");
    l.refuses(
        &["export", "overdue", "-o", "out.xlsx"],
        "--output out.xlsx already exists; give --force to replace it",
    );
    let run = l.run(&["export", "sideways", "--for-excel"]);
    assert_eq!(run.code, 2);
}

/// A task sheet as a task force keeps it, in Chinese headers.
const SHEET: &str = "\
项目,项目名称,类型,手续,状态,办结日期,批复文号,备注,专班
shengrun,河南盛润年产2万吨对苯二酚项目,化工,环评批复,已办结,2024/2/20,濮环审〔2024〕12号,,环保专班
hengtai,恒泰物流园,物流,用地预审与选址意见书,已办结,2024-02-10,台自然资〔2024〕1号,,用地专班
hengtai,恒泰物流园,物流,transport-review,待办,,,跟进中,交通专班
";

const SHEET_OUT: &str = "\
change shengrun 环评批复 (eia): status obtained, obtained 2024-02-20, doc_no 濮环审〔2024〕12号
open hengtai 恒泰物流园 (物流), opened 2024-02-10, 21 procedures
change hengtai 用地预审与选址意见书 (land-prereview): status obtained, obtained 2024-02-10, doc_no 台自然资〔2024〕1号
change hengtai 交通行业审查 (transport-review): note 跟进中
ignored column(s): 专班
";

/// A ledger with `shengrun` opened on 2024-02-01.
fn import_ledger() -> Ledger {
    let l = Ledger::new();
    open_on(&l, "shengrun", "2024-02-01");
    l
}

fn write_bytes(l: &Ledger, rel: &str, bytes: &[u8]) {
    std::fs::write(l.file(rel), bytes).unwrap();
}

#[test]
fn import_a_gbk_sheet_dry_run_then_for_real_then_again() {
    let l = import_ledger();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SHEET);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the fixture is really GBK"
    );
    write_bytes(&l, "台账.csv", &gbk);

    let before = l.snapshot();
    let dry = l.run(&["import", "tasks", "台账.csv", "--dry-run"]).ok();
    assert_eq!(
        dry.stdout,
        format!(
            "{SHEET_OUT}3 row(s) read (GBK/GB18030): would open 1 project(s) and change 3 procedure(s); nothing written (--dry-run)\n"
        )
    );
    assert!(l.snapshot() == before, "a dry run writes nothing");

    let real = l.run(&["import", "tasks", "台账.csv"]).ok();
    assert_eq!(
        real.stdout,
        format!(
            "{SHEET_OUT}3 row(s) imported (GBK/GB18030): opened 1 project(s), changed 3 procedure(s)\n"
        )
    );
    let eia = row(&l, "shengrun", "eia");
    assert_eq!(
        (
            eia["status"].as_str(),
            eia["obtained"].as_str(),
            eia["doc_no"].as_str()
        ),
        ("obtained", "2024-02-20", "濮环审〔2024〕12号")
    );
    assert!(
        l.read("projects/hengtai/project.toml")
            .contains("name = \"恒泰物流园\"\ntype = \"logistics\"\nopened = 2024-02-10\n")
    );
    // Opened on its earliest date: due dates count from there (20 working
    // days over the 2024 Spring Festival).
    assert_eq!(row(&l, "hengtai", "approval")["due"], "2024-03-14");
    assert_eq!(row(&l, "hengtai", "transport-review")["note"], "跟进中");
    assert_eq!(l.run(&["check"]).ok().stdout, "");

    let after = l.snapshot();
    let again = l.run(&["import", "tasks", "台账.csv"]).ok();
    assert_eq!(
        again.stdout,
        "ignored column(s): 专班\n3 row(s) read (GBK/GB18030): nothing to change, the ledger already says so\n"
    );
    assert!(
        l.snapshot() == after,
        "re-running the same import changes nothing"
    );
}

#[test]
fn import_utf8_with_and_without_bom() {
    for bom in [true, false] {
        let l = import_ledger();
        let mut bytes = if bom {
            b"\xef\xbb\xbf".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend(SHEET.replace('\n', "\r\n").as_bytes());
        write_bytes(&l, "sheet.csv", &bytes);
        let out = l.run(&["import", "tasks", "sheet.csv"]).ok().stdout;
        let enc = if bom { "UTF-8 with BOM" } else { "UTF-8" };
        assert!(
            out.ends_with(&format!(
                "3 row(s) imported ({enc}): opened 1 project(s), changed 3 procedure(s)\n"
            )),
            "{out}"
        );
    }
}

#[test]
fn bad_rows_are_reported_by_row_and_nothing_is_written() {
    let l = import_ledger();
    l.write(
        "sheet.csv",
        "项目,项目名称,类型,手续,状态,办结日期\n\
         shengrun,,,环评批复,已办结,2024/2/20\n\
         shengrun,,,环评批复,已办结,2024/2/20\n\
         ,,,eia,,\n\
         hengtai,恒泰物流园,,approval,,\n\
         shengrun,,,安全条件审查,已办结,\n\
         shengrun,,,energy,批了,\n\
         shengrun,,,flood,已办结,2024-13-01\n\
         shengrun,,,fire-safety,已办结,2024-02-05\n\
         shengrun,,,soil-water,已办结,2024-03-02\n\
         Bad_ID,,,eia,,\n",
    );
    let before = l.snapshot();
    let run = l
        .run(&["import", "tasks", "sheet.csv"])
        .fails_with("sheet.csv: 9 bad row(s); nothing imported");
    assert_eq!(
        run.stderr,
        "error: sheet.csv: 9 bad row(s); nothing imported
  row 3: shengrun 环评批复 (eia) is already on row 2
  row 4: column project is empty: expected a project ID
  row 5: a project not yet in the ledger needs its type (column type, e.g. 类型)
  row 6: shengrun safety: status obtained needs the date it was obtained in the obtained column
  row 7: shengrun energy: column status: unknown status \"批了\": expected pending (待办), obtained (已办结), pledged (容缺/承诺) or not-needed (无需办理), or name it under [status] in a --mapping file
  row 8: shengrun flood: column obtained: invalid date \"2024-13-01\": no such day in the calendar
  row 9: column procedure: unknown procedure \"fire-safety\"; did you mean safety (安全条件审查) or fire-design (特殊建设工程消防设计审查)?
  row 10: shengrun soil-water: column obtained: 2024-03-02 is after today (2024-03-01)
  row 11: column project: invalid project ID \"Bad_ID\": expected a short slug of lower-case letters, digits, '-' and '_' (e.g. shengrun-hq), at most 64 characters
"
    );
    assert!(l.snapshot() == before, "nothing written");
}

#[test]
fn the_sheet_may_not_contradict_the_ledger() {
    let l = import_ledger();
    l.run(&[
        "tick",
        "shengrun",
        "eia",
        "--date",
        "2024-02-15",
        "--doc",
        "濮环审〔2024〕9号",
    ])
    .ok();
    for (sheet, needle) in [
        (
            "项目,手续,状态\nshengrun,eia,待办\n",
            "row 2: shengrun eia: column status: the sheet says pending, the ledger already has obtained; correct one of them",
        ),
        (
            "项目,手续,办结日期\nshengrun,eia,2024-02-16\n",
            "row 2: shengrun eia: column obtained: the sheet says 2024-02-16, the ledger already has 2024-02-15",
        ),
        (
            "项目,手续,批复文号\nshengrun,eia,濮环审〔2024〕12号\n",
            "column doc_no: the sheet says 濮环审〔2024〕12号, the ledger already has 濮环审〔2024〕9号",
        ),
    ] {
        l.write("sheet.csv", sheet);
        let before = l.snapshot();
        l.run(&["import", "tasks", "sheet.csv"]).fails_with(needle);
        assert!(l.snapshot() == before);
    }
    // Saying what the ledger says is fine, and changes nothing.
    l.write(
        "sheet.csv",
        "项目,手续,状态,办结日期\nshengrun,eia,已办结,2024年2月15日\n",
    );
    let out = l.run(&["import", "tasks", "sheet.csv"]).ok().stdout;
    assert_eq!(
        out,
        "1 row(s) read (UTF-8): nothing to change, the ledger already says so\n"
    );
}

#[test]
fn import_with_a_mapping_file_and_column_flags() {
    let l = import_ledger();
    l.write(
        "sheet.csv",
        "编号,工程名称,行业,审批事项,办理情况,完成时间,承诺类型,补齐时限\n\
         shengrun,,,环评批复,已批复,2024-02-20,,\n\
         shengrun,,,节能审查,容缺,,告知承诺,2024-04-30\n",
    );
    l.write(
        "map.toml",
        "[columns]\nproject = \"编号\"\nprocedure = \"审批事项\"\nstatus = \"办理情况\"\nobtained = \"完成时间\"\n\n[status]\n\"已批复\" = \"obtained\"\n",
    );
    let out = l
        .run(&[
            "import",
            "tasks",
            "sheet.csv",
            "--mapping",
            "map.toml",
            "--column",
            "pledge_kind=承诺类型",
            "--column",
            "pledge_due=补齐时限",
        ])
        .ok()
        .stdout;
    assert_eq!(
        out,
        "change shengrun 环评批复 (eia): status obtained, obtained 2024-02-20\n\
         change shengrun 节能审查 (energy): status pledged, pledge_due 2024-04-30, pledge_kind notify\n\
         ignored column(s): 工程名称, 行业\n\
         2 row(s) imported (UTF-8): opened 0 project(s), changed 2 procedure(s)\n"
    );
    assert_eq!(row(&l, "shengrun", "energy")["pledge_kind"], "notify");
    assert_eq!(l.run(&["check"]).ok().stdout, "");
}

#[test]
fn an_exported_ledger_imports_as_no_change() {
    for lang in ["zh", "en"] {
        let l = Ledger::with_lang(lang);
        l.open("shengrun");
        l.run(&["tick", "shengrun", "eia", "--doc", "濮环审〔2024〕12号"])
            .ok();
        l.run(&[
            "pledge",
            "shengrun",
            "energy",
            "--due",
            "2024-04-01",
            "--kind",
            "tolerance",
            "--items",
            "能评报告",
        ])
        .ok();
        // An extended pledge exports its deadline as a date, as any other.
        l.run(&[
            "extend",
            "shengrun",
            "energy",
            "--due",
            "2024-05-01",
            "--reason",
            "延后",
        ])
        .ok();
        l.run(&["apply", "shengrun", "safety"]).ok();
        l.run(&["export", "procedures", "-o", "all.csv"]).ok();
        let before = l.snapshot();
        let out = l.run(&["import", "tasks", "all.csv"]).ok().stdout;
        let nothing = if lang == "zh" {
            "没有要改的，台账已是如此\n"
        } else {
            "nothing to change, the ledger already says so\n"
        };
        assert!(out.ends_with(nothing), "{lang}: {out}");
        assert!(l.snapshot() == before);
    }
}

#[test]
fn import_is_refused_for_bad_input() {
    let l = import_ledger();
    l.refuses(&["import", "tasks", "nope.csv"], "cannot read nope.csv");
    l.write("sheet.csv", SHEET);
    l.refuses(
        &["import", "tasks", "sheet.csv", "--column", "colour=颜色"],
        "--column \"colour=颜色\": unknown field \"colour\": expected one of project, project_name",
    );
    l.refuses(
        &["import", "tasks", "sheet.csv", "--column", "procedure"],
        "--column \"procedure\": expected FIELD=HEADER",
    );
    l.refuses(
        &["import", "tasks", "sheet.csv", "--column", "procedure=审批事项"],
        "sheet.csv: the mapping names column \"审批事项\" for procedure, but the header has no such column",
    );
    l.refuses(
        &["import", "tasks", "sheet.csv", "--mapping", "missing.toml"],
        "--mapping missing.toml: cannot read it",
    );
    l.write("map.toml", "[colums]\n");
    l.refuses(
        &["import", "tasks", "sheet.csv", "--mapping", "map.toml"],
        "--mapping map.toml: ",
    );
    l.write("other.csv", "名称,状态\n环评,已办结\n");
    l.refuses(
        &["import", "tasks", "other.csv"],
        "other.csv: no column for project: expected a header such as project, 项目",
    );
    write_bytes(&l, "binary.csv", b"\x81\x30\xff\xfe\x00");
    l.refuses(
        &["import", "tasks", "binary.csv"],
        "binary.csv is neither UTF-8 nor GBK/GB18030",
    );
}

/// On a Chinese ledger the import's change lines name each column by its
/// Chinese name and each status by its Chinese label, and the summary
/// counts the procedures changed.
#[test]
fn import_lines_name_fields_in_chinese() {
    let l = Ledger::with_lang("zh");
    open_on(&l, "shengrun", "2024-02-01");
    l.write("sheet.csv", SHEET);
    let out = l.run(&["import", "tasks", "sheet.csv"]).ok().stdout;
    assert_eq!(
        out,
        "更改 shengrun 环评批复（eia）：状态 已办结，办结日期 2024-02-20，批复文号 濮环审〔2024〕12号
登记 hengtai 恒泰物流园（物流），登记日期 2024-02-10，21 项手续
更改 hengtai 用地预审与选址意见书（land-prereview）：状态 已办结，办结日期 2024-02-10，批复文号 台自然资〔2024〕1号
更改 hengtai 交通行业审查（transport-review）：备注 跟进中
未使用的列：专班
已导入 3 行（UTF-8）：登记 1 个项目，更改 3 项手续
"
    );
}

/// The refusals of a sheet, a mapping file and `--column` are Chinese on a
/// Chinese ledger; each is one line, exit 1, nothing written.
#[test]
fn import_refusals_are_said_in_chinese() {
    let l = import_ledger();
    l.write("sheet.csv", SHEET);
    let zh = |args: &[&str], needle: &str| {
        let mut all = vec!["--lang", "zh", "import", "tasks"];
        all.extend(args);
        l.refuses(&all, needle);
    };
    // The operating system's error in Chinese too.
    zh(
        &["nope.csv"],
        "错误：无法读取 nope.csv：找不到该文件或目录\n",
    );
    zh(
        &["sheet.csv", "--column", "colour=颜色"],
        "错误：--column “colour=颜色”：没有字段“colour”：可选 project，project_name，",
    );
    zh(
        &["sheet.csv", "--column", "procedure"],
        "错误：--column “procedure”：应写作 字段=表头，如 project_name=项目名称\n",
    );
    zh(
        &["sheet.csv", "--column", "procedure=审批事项"],
        "错误：sheet.csv：映射把列“审批事项”指定为 procedure，但表头中没有这一列；表头有：",
    );
    zh(
        &["sheet.csv", "--mapping", "missing.toml"],
        "错误：--mapping missing.toml：无法读取",
    );
    l.write("map.toml", "[colums]\n");
    zh(
        &["sheet.csv", "--mapping", "map.toml"],
        "错误：--mapping map.toml：没有 [colums] 这个表：映射文件只有 [columns] 和 [status]\n",
    );
    l.write("map.toml", "[columns]\nproject = 1\n");
    zh(
        &["sheet.csv", "--mapping", "map.toml"],
        "错误：--mapping map.toml：[columns] 中的 `project` 必须是加引号的文字\n",
    );
    l.write("map.toml", "[columns]\nproject = \"项目\"\nname = \n");
    zh(
        &["sheet.csv", "--mapping", "map.toml"],
        "错误：--mapping map.toml：第 3 行：TOML 语法错误：",
    );
    l.write("map.toml", "status = \"已批复\"\n");
    zh(
        &["sheet.csv", "--mapping", "map.toml"],
        "错误：--mapping map.toml：`status` 必须是由 `名称 = \"文字\"` 组成的表 [status]\n",
    );
    l.write("other.csv", "名称,状态\n环评,已办结\n");
    zh(
        &["other.csv"],
        "错误：other.csv：没有 project 列：表头应为 project，项目，项目ID，项目编号 等，或用 --column project=表头 指定；表头有：名称，状态\n",
    );
    l.write("two.csv", "项目,项目编号,手续\np,p,eia\n");
    zh(
        &["two.csv"],
        "错误：two.csv：项目，项目编号 这几列都可能是 project；请用 --column project=表头 指定一列\n",
    );
    write_bytes(&l, "binary.csv", b"\x81\x30\xff\xfe\x00");
    zh(
        &["binary.csv"],
        "错误：binary.csv 既不是 UTF-8 也不是 GBK/GB18030 编码；请在 Excel 或 WPS 中另存为“CSV UTF-8”\n",
    );
    // The same in English.
    l.write("map.toml", "[colums]\n");
    l.refuses(
        &["import", "tasks", "sheet.csv", "--mapping", "map.toml"],
        "error: --mapping map.toml: unknown table [colums]: a mapping has [columns] and [status]\n",
    );
}

#[test]
fn apply_around_spring_festival_2026_with_make_up_saturdays() {
    let l = Ledger::new();
    approval_limit(&l, "2wd");
    for id in ["a", "b"] {
        open_on(&l, id, "2026-02-02");
    }
    // Friday 13 February: make-up Saturday 14 February is the first working
    // day, then 15–23 February are off, so the second is Tuesday 24.
    let out = apply(&l, "a", "approval", "2026-02-13", "2026-03-10");
    assert_eq!(
        out,
        "a: 项目审批/核准/备案 (approval) applied for on 2026-02-13; due by 2026-02-24 (2 working days)\n"
    );
    // Thursday 26 February: Friday 27, then make-up Saturday 28 February.
    apply(&l, "b", "approval", "2026-02-26", "2026-03-10");
    assert_eq!(row(&l, "b", "approval")["due"], "2026-02-28");
}

#[test]
fn import_adds_a_catalogue_procedure_the_task_list_lacks() {
    let l = import_ledger();
    l.write(
        "sheet.csv",
        "项目,手续,状态\nshengrun,交通行业审查,无需办理\n",
    );
    let out = l.run(&["import", "tasks", "sheet.csv"]).ok().stdout;
    assert_eq!(
        out,
        "change shengrun 交通行业审查 (transport-review): status not-needed\n\
         1 row(s) imported (UTF-8): opened 0 project(s), changed 1 procedure(s)\n"
    );
    let csv = l.read("projects/shengrun/procedures.csv");
    assert!(
        csv.ends_with("transport-review,交通行业审查,transport,not-needed,,,,,,,,,,\n"),
        "{csv}"
    );
    assert_eq!(l.run(&["check"]).ok().stdout, "");
}

#[test]
fn an_import_reads_only_the_projects_its_sheet_names() {
    let l = import_ledger();
    l.open("other");
    // A broken file in a project the sheet does not name does not stop it.
    l.write(
        "projects/other/procedures.csv",
        "procedure,name\n\"unclosed\n",
    );
    let other_before = l.read("projects/other/procedures.csv");
    l.write(
        "sheet.csv",
        "项目,手续,状态,办结日期\nshengrun,eia,已办结,2024-02-20\n",
    );
    l.run(&["import", "tasks", "sheet.csv", "--today", "2024-03-01"])
        .ok();
    assert!(
        l.read("projects/shengrun/procedures.csv")
            .contains(",obtained,"),
        "the named project is updated"
    );
    assert_eq!(l.read("projects/other/procedures.csv"), other_before);
}
