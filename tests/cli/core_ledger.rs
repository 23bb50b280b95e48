//! The ledger as files: finding it (-L, TAIZHANG_LEDGER, the nearest folder
//! above), global options anywhere, `check`, and the clerk's own edits
//! (comments, unknown keys and columns) surviving the tool's writes.

use crate::support::*;

const RECORD: &str = "projects/shengrun/project.toml";
const CSV: &str = "projects/shengrun/procedures.csv";

#[test]
fn ledger_found_by_flag_env_and_nearest_folder_above() {
    let l = Ledger::new();
    l.open("shengrun");
    let root = l.path().to_str().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let expected = "project,name,type,township,investment (万元),planned start,started,stage,done,needed,pledged,pending,overdue
shengrun,河南盛润年产2万吨对苯二酚项目,化工,,,2024-06-30,,preparing,0,26,0,26,0
";
    let by_flag = run_in(
        elsewhere.path(),
        &["-L", root, "list", "--format", "csv", "--today", TODAY],
    )
    .ok();
    assert_eq!(by_flag.stdout, expected);
    let by_long_flag = run_in(
        elsewhere.path(),
        &["list", "--ledger", root, "--format=csv", "--today", TODAY],
    )
    .ok();
    assert_eq!(by_long_flag.stdout, expected);

    let out = taizhang()
        .current_dir(elsewhere.path())
        .env("TAIZHANG_LEDGER", root)
        .env("TAIZHANG_TODAY", TODAY)
        .args(["list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);

    // -L wins over the environment.
    let out = taizhang()
        .current_dir(elsewhere.path())
        .env("TAIZHANG_LEDGER", elsewhere.path())
        .args(["list", "--format", "csv", "-L", root, "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);

    // From a folder inside the ledger, the nearest ledger.toml above is used,
    // and paths are shown relative to where the clerk stands.
    std::fs::create_dir_all(l.file("notes/2024")).unwrap();
    let run = l.run_env(
        "notes/2024",
        &[("TAIZHANG_TODAY", TODAY)],
        &["open", "road", "--name", "国道", "--type", "transport"],
    );
    assert_eq!(
        run.ok().stdout,
        "Opened road 国道 (交通): 16 procedures on its task list, in ../../projects/road\n"
    );
    assert!(l.file("projects/road/procedures.csv").is_file());
    assert!(!l.file("notes/2024/projects").exists());
    let run = l.run_env("projects/shengrun", &[], &["tick", "nope", "eia"]);
    assert_eq!(
        run.stderr,
        "error: unknown project \"nope\": no folder ../../projects/nope (see `taizhang list`)\n"
    );
}

#[test]
fn today_from_the_environment_and_options_anywhere() {
    let l = Ledger::new();
    l.open_with(
        "road",
        &[
            "--name",
            "国道",
            "--type",
            "transport",
            "--planned-start",
            "2024-03-10",
        ],
    );
    let expected = "kind,project,name,item,issuing authority,task force (lead unit),due,days overdue
start,road,国道,start of works (开工),县委县政府督查服务中心,督导服务专班 (县委县政府督查服务中心),2024-03-10,5
";
    let run = l.run_env(
        "",
        &[("TAIZHANG_TODAY", "2024-03-15")],
        &["report", "overdue", "--format", "csv"],
    );
    assert_eq!(run.ok().stdout, expected);
    // --today wins over TAIZHANG_TODAY.
    let run = l.run_env(
        "",
        &[("TAIZHANG_TODAY", "2024-01-01")],
        &[
            "report",
            "overdue",
            "--format",
            "csv",
            "--today",
            "2024-03-15",
        ],
    );
    assert_eq!(run.ok().stdout, expected);
    // Global options before the subcommand.
    let run = l.run_env(
        "",
        &[],
        &[
            "--today",
            "2024-03-15",
            "--format",
            "csv",
            "-L",
            ".",
            "report",
            "overdue",
        ],
    );
    assert_eq!(run.ok().stdout, expected);
    // A bad TAIZHANG_TODAY is refused like a bad --today.
    let run = l.run_env(
        "",
        &[("TAIZHANG_TODAY", "tomorrow")],
        &["report", "overdue"],
    );
    assert_eq!(
        run.stderr,
        "error: --today: invalid date \"tomorrow\": expected 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 (year first)\n"
    );
    assert_eq!(run.code, 1);
    // The opening date comes from TAIZHANG_TODAY too.
    l.run_env(
        "",
        &[("TAIZHANG_TODAY", "2024-02-01")],
        &["open", "early", "--name", "早", "--type", "water"],
    )
    .ok();
    assert!(
        l.read("projects/early/project.toml")
            .contains("\nopened = 2024-02-01\n")
    );
}

#[test]
fn comments_and_unknown_keys_in_project_toml_survive() {
    let l = Ledger::new();
    l.open("shengrun");
    let record = l.read(RECORD);
    let edited = record
        .replace(
            "name = ",
            "# 县长督办项目，每周一报送。\nname = ",
        )
        .replace(
            "planned_start = 2024-06-30\n",
            "planned_start = 2024-06-30 # 以县政府会议纪要为准\n\n# 联系人（工具不读此键）\ncontact = \"张三 13800000000\"\n",
        );
    l.write(RECORD, &edited);
    l.run(&["tick", "shengrun", "eia"]).ok();
    assert_eq!(l.read(RECORD), edited, "a tick does not touch the record");
    l.run(&["start", "shengrun", "--today", "2024-07-02"]).ok();
    assert_eq!(l.read(RECORD), format!("{edited}started = 2024-07-02\n"));
    // Works started with procedures pending (未批先建): a warning, exit 0.
    let check = l.run(&["check", "--today", "2024-07-02"]).ok().stdout;
    assert!(
        check.contains("warning: works started on 2024-07-02 while"),
        "{check}"
    );
    assert!(
        check.ends_with("0 problem(s), 1 warning(s) in .\n"),
        "{check}"
    );
}

#[test]
fn an_unknown_csv_column_survives_a_tick_in_place() {
    let l = Ledger::new();
    l.open("shengrun");
    let csv = l.read(CSV);
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    for (i, line) in lines.iter_mut().enumerate() {
        let (key, rest) = line.split_once(',').unwrap();
        let extra = match (i, key) {
            (0, _) => "负责人".to_string(),
            (_, "energy") => "\"李四, 王五\"".to_string(),
            _ => String::new(),
        };
        *line = format!("{key},{extra},{rest}");
    }
    let edited = lines.join("\n") + "\n";
    assert!(edited.starts_with("procedure,负责人,name,"));
    assert!(edited.contains("\neia,,环评批复,env,pending,2024-04-30,,,,,,,,,\n"));
    l.write(CSV, &edited);
    l.run(&["tick", "shengrun", "eia", "--doc", "濮环审〔2024〕5号"])
        .ok();
    l.run(&["tick", "shengrun", "节能审查"]).ok();
    assert_eq!(
        l.read(CSV),
        edited
            .replace(
                "\neia,,环评批复,env,pending,2024-04-30,,,,,,,,,\n",
                "\neia,,环评批复,env,obtained,2024-04-30,2024-03-01,濮环审〔2024〕5号,,,,,,,\n"
            )
            .replace(
                "\nenergy,\"李四, 王五\",节能审查,supervision,pending,,,,,,,,,,\n",
                "\nenergy,\"李四, 王五\",节能审查,supervision,obtained,,2024-03-01,,,,,,,,\n"
            )
    );
    assert_eq!(l.run(&["check"]).ok().stdout, "");
}

#[test]
fn check_is_silent_on_a_good_ledger() {
    let l = Ledger::new();
    assert_eq!(l.run(&["check"]).ok().stdout, "");
    l.open("shengrun");
    l.run(&["tick", "shengrun", "eia"]).ok();
    l.run(&[
        "pledge",
        "shengrun",
        "safety",
        "--due",
        "2024-04-01",
        "--kind",
        "notify",
        "--items",
        "x",
    ])
    .ok();
    let run = l.run(&["check"]).ok();
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    let json = l.run(&["check", "--format", "json"]).ok();
    assert_eq!(
        json.stdout,
        "{\n  \"errors\": 0,\n  \"problems\": [],\n  \"warnings\": 0\n}\n"
    );
}

#[test]
fn check_prints_every_problem_with_file_and_line() {
    let l = Ledger::new();
    l.open_with("road", &["--name", "路", "--type", "water"]);
    l.open_with("sr", &["--name", "盛润", "--type", "water"]);
    l.edit(
        "projects/road/procedures.csv",
        "eia,环评批复,env,pending,2024-04-30",
        "eia,环评批复,env,pending,2024-04-31",
    );
    l.edit(
        "projects/road/procedures.csv",
        "flood,洪水影响评价,water,pending",
        "flood,洪水影响评价,water,got",
    );
    l.edit(
        "projects/road/procedures.csv",
        "water-review,水利行业审查,water,",
        "water-review,水利行业审查,水务局,",
    );
    l.edit(
        "projects/sr/project.toml",
        "opened = 2024-03-01\n",
        "opened = 2024-03-01\nplanned_start = \"soon\"\n",
    );
    let before = l.snapshot();
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "\
./projects/road/procedures.csv:12:22: column \"due\": invalid date \"2024-04-31\": no such day in the calendar; expected YYYY-MM-DD, e.g. 2024-03-15
   |
12 | eia,环评批复,env,pending,2024-04-31,,,,,,,,,
   |                          ^

./projects/road/procedures.csv:14:20: column \"status\": invalid status \"got\": expected pending, obtained, pledged or not-needed
   |
14 | flood,洪水影响评价,water,got,2024-03-29,,,,,,,,,
   |                          ^

./projects/road/procedures.csv:16:21: procedure \"water-review\": unknown task force \"水务局\": expected one of land, env, build, relics, transport, water, supervision
   |
16 | water-review,水利行业审查,水务局,pending,,,,,,,,,,
   |                           ^

./projects/sr/project.toml:7:17: `planned_start`: invalid date \"soon\": expected YYYY-MM-DD, e.g. 2024-03-15
  |
7 | planned_start = \"soon\"
  |                 ^

4 problem(s) in .
"
    );
    let headlines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("./")).collect();
    assert_eq!(headlines.len(), 4);
    let json: serde_json::Value =
        serde_json::from_str(&l.run(&["check", "--format", "json"]).stdout).unwrap();
    assert_eq!(
        json["problems"][3],
        serde_json::json!({
            "code": "bad-value", "column": 17, "file": "./projects/sr/project.toml",
            "line": 7,
            "message": "`planned_start`: invalid date \"soon\": expected YYYY-MM-DD, e.g. 2024-03-15",
            "severity": "error"
        })
    );
    assert!(l.snapshot() == before, "check writes nothing");
}

#[test]
fn check_reports_a_toml_syntax_error_and_a_broken_settings_file() {
    let l = Ledger::new();
    l.open_with("sr", &["--name", "盛润", "--type", "water"]);
    l.edit(
        "projects/sr/project.toml",
        "name = \"盛润\"",
        "name = \"盛润",
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("./projects/sr/project.toml:4:"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("1 problem(s) in .\n"),
        "{}",
        run.stdout
    );

    l.edit("ledger.toml", "stale_days = 30", "stale_days = \"30\"");
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with("./ledger.toml:"), "{}", run.stdout);
    assert!(
        run.stdout.ends_with("2 problem(s) in .\n"),
        "{}",
        run.stdout
    );
    l.refuses_broken(&["list"], "cannot use ./ledger.toml");
}

#[test]
fn check_reports_every_problem_of_one_row() {
    let l = Ledger::new();
    l.open_with("road", &["--name", "路", "--type", "water"]);
    l.edit(
        "projects/road/procedures.csv",
        "flood,洪水影响评价,water,pending,",
        "flood,洪水影响评价,水务局,got,",
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    let headlines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("./")).collect();
    assert_eq!(
        headlines,
        [
            "./projects/road/procedures.csv:14:18: column \"status\": invalid status \"got\": expected pending, obtained, pledged or not-needed",
            "./projects/road/procedures.csv:14:14: procedure \"flood\": unknown task force \"水务局\": expected one of land, env, build, relics, transport, water, supervision",
        ],
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn writes_keep_file_permissions_and_new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |l: &Ledger, rel: &str| {
        std::fs::metadata(l.file(rel)).unwrap().permissions().mode() & 0o777
    };
    let l = Ledger::new();
    // What any program writing a new file here gets under the umask.
    l.write("probe.txt", "");
    let usual = mode(&l, "probe.txt");
    l.open("shengrun");
    assert_eq!(mode(&l, "ledger.toml"), usual);
    assert_eq!(mode(&l, CSV), usual);
    assert_eq!(mode(&l, RECORD), usual);
    std::fs::set_permissions(l.file(CSV), std::fs::Permissions::from_mode(0o664)).unwrap();
    std::fs::set_permissions(l.file(RECORD), std::fs::Permissions::from_mode(0o640)).unwrap();
    l.run(&["tick", "shengrun", "eia"]).ok();
    l.run(&["start", "shengrun"]).ok();
    assert_eq!(mode(&l, CSV), 0o664);
    assert_eq!(mode(&l, RECORD), 0o640);
}

#[test]
fn writes_leave_no_stray_files() {
    let l = Ledger::new();
    l.open("shengrun");
    l.run(&["tick", "shengrun", "eia"]).ok();
    l.run(&["start", "shengrun"]).ok();
    l.refuses(&["tick", "shengrun", "eia"], "already obtained");
    let files: Vec<String> = l
        .snapshot()
        .keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        [
            ".gitattributes",
            ".gitignore",
            "ledger.toml",
            "projects/.gitkeep",
            "projects/shengrun/procedures.csv",
            "projects/shengrun/project.toml",
        ]
    );
}

#[test]
fn check_reports_conflict_markers_bad_folders_and_missing_files() {
    let l = Ledger::new();
    l.open_with("a", &["--name", "甲", "--type", "water"]);
    l.edit(
        "projects/a/procedures.csv",
        "eia,环评批复,env,pending,2024-04-30,,,,,,,,,\n",
        "<<<<<<< HEAD\neia,环评批复,env,pending,2024-04-30,,,,,,,,,\n=======\neia,环评批复,env,obtained,2024-04-30,2024-03-01,,,,,,,,\n>>>>>>> other\n",
    );
    std::fs::create_dir_all(l.file("projects/Bad Name")).unwrap();
    std::fs::create_dir_all(l.file("projects/.hidden")).unwrap();
    std::fs::create_dir_all(l.file("projects/empty")).unwrap();
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    let headlines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("./")).collect();
    assert_eq!(
        headlines,
        [
            "./projects/Bad Name: project folder name: invalid project ID \"Bad Name\": expected a short slug of lower-case letters, digits, '-' and '_' (e.g. shengrun-hq), at most 64 characters",
            "./projects/a/procedures.csv:12: git conflict marker left in the file",
            "./projects/a/procedures.csv:14: git conflict marker left in the file",
            "./projects/a/procedures.csv:16: git conflict marker left in the file",
            "./projects/empty: project folder without its record project.toml",
        ]
    );
    assert!(run.stdout.ends_with("\n5 problem(s) in .\n"));
    l.refuses_broken(
        &["tick", "a", "eia"],
        "project \"a\" cannot be used: 3 problem(s)",
    );
    // Reads leave the broken projects out and say so (exit 4).
    let list = l.run(&["list"]);
    assert_eq!(list.code, 4, "{list:?}");
    assert!(
        list.stdout.ends_with(
            "3 project(s) could not be read and are left out: Bad Name, a, empty — run taizhang check\n"
        ),
        "{}",
        list.stdout
    );
}

#[test]
fn a_csv_saved_by_excel_is_read_and_written_back_plain() {
    let l = Ledger::new();
    l.open_with("a", &["--name", "甲", "--type", "water"]);
    let plain = l.read("projects/a/procedures.csv");
    let excel = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    l.write("projects/a/procedures.csv", &excel);
    assert_eq!(l.run(&["check"]).ok().stdout, "");
    l.run(&["tick", "a", "eia"]).ok();
    assert_eq!(
        l.read("projects/a/procedures.csv"),
        plain.replace(
            "\neia,环评批复,env,pending,2024-04-30,,",
            "\neia,环评批复,env,obtained,2024-04-30,2024-03-01,"
        )
    );
}

#[test]
fn project_ids_up_to_64_characters() {
    let l = Ledger::new();
    let long = "a".repeat(64);
    l.open_with(&long, &["--name", "长", "--type", "water"]);
    let longer = "a".repeat(65);
    l.refuses(
        &["open", &longer, "--name", "长", "--type", "water"],
        &format!("invalid project ID \"{longer}\""),
    );
}
