//! A project's own life: its stage (前期 → 在建 → 竣工 / 投产, 暂缓, 终止),
//! its fields changed with `set`, its ID changed with `rename` (and its
//! history still found by `log`). Every write is followed by `check` (in
//! `Ledger::run`); every refusal leaves every file byte-identical.

use crate::support::*;

/// Runs `check` as of a day after every record of these tests and asserts
/// the ledger has no error (warnings allowed). `Ledger::run` checks after
/// every write already; this looks at the whole ledger.
#[track_caller]
fn sound(l: &Ledger) {
    l.run(&["check", "--today", "2025-01-31"]).ok();
}

/// A ledger with project `p` opened on 2024-03-01 and started on 2024-05-06.
fn started() -> Ledger {
    let l = Ledger::new();
    l.open("p");
    l.run(&[
        "start",
        "p",
        "--date",
        "2024-05-06",
        "--today",
        "2024-05-06",
    ])
    .ok();
    l
}

// ---------------------------------------------------------------------------
// stage
// ---------------------------------------------------------------------------

#[test]
fn a_completed_project_leaves_the_overdue_slow_and_taskforce_reports() {
    let l = started();
    let today = ["--today", "2024-11-25"];
    let run = |args: &[&str]| l.run(&[args, &today[..]].concat()).ok().stdout;
    assert!(run(&["report", "overdue"]).contains("河南盛润"));
    assert!(run(&["report", "slow", "--all"]).contains("河南盛润"));
    let out = run(&[
        "stage",
        "p",
        "completed",
        "--date",
        "2024-11-20",
        "--reason",
        "通过竣工验收",
    ]);
    assert_eq!(
        out,
        "p: completed (竣工) on 2024-11-20, was building (在建): 通过竣工验收\n"
    );
    sound(&l);
    assert!(l.read("projects/p/project.toml").ends_with(
        "started = 2024-05-06\n\n[[stages]]\nstage = \"completed\"\ndate = 2024-11-20\nreason = \"通过竣工验收\"\n"
    ));
    assert_eq!(
        run(&["report", "overdue"]),
        "Nothing overdue as of 2024-11-25.\n"
    );
    assert_eq!(
        run(&["report", "slow", "--all"]),
        "No project is lit red or yellow as of 2024-11-25.\n"
    );
    let tf = run(&["report", "taskforce", "--format", "csv"]);
    assert!(tf.ends_with("total,,,0,0,0,0,0\n"), "{tf}");
    let export = run(&["export", "overdue", "--for-excel"]);
    assert!(!export.contains("河南盛润"), "{export}");
    // The list keeps it, with its stage; --stage picks it out.
    let list = run(&["list", "--format", "csv"]);
    assert!(list.contains(",2024-05-06,completed,0,26,"), "{list}");
    assert!(run(&["list", "--stage", "completed", "--format", "csv"]).contains("\np,"));
    assert_eq!(
        run(&["list", "--stage", "building", "--stage", "suspended"]),
        "No project is building or suspended.\n"
    );
    let show = run(&["show", "p"]);
    assert!(
        show.contains("\nstage                completed since 2024-11-20: 通过竣工验收\n"),
        "{show}"
    );
    assert!(
        show.ends_with(
            "Stages
┌────────────┬───────────┬───────────────┐
│ date       ┆ stage     ┆ note          │
╞════════════╪═══════════╪═══════════════╡
│ 2024-05-06 ┆ building  ┆ works started │
│ 2024-11-20 ┆ completed ┆ 通过竣工验收  │
└────────────┴───────────┴───────────────┘
"
        ),
        "{show}"
    );
    let json = run(&["show", "p", "--format", "json"]);
    assert!(json.contains("\"stages\": [\n    {\n      \"stage\": \"completed\",\n      \"date\": \"2024-11-20\",\n      \"reason\": \"通过竣工验收\"\n    }\n  ]"), "{json}");
    assert!(json.contains("\"stage\": {\n      \"stage\": \"completed\",\n      \"since\": \"2024-11-20\",\n      \"reason\": \"通过竣工验收\"\n    }"), "{json}");
    // Before the day it was completed, it was still building and overdue.
    let before = l
        .run(&["report", "overdue", "--today", "2024-11-19"])
        .ok()
        .stdout;
    assert!(before.contains("河南盛润"), "{before}");
    // ...and then goes into production.
    l.run(&[&["stage", "p", "投产", "--date", "2024-11-25"][..], &today].concat())
        .ok();
    sound(&l);
    assert!(run(&["list", "--format", "csv"]).contains(",producing,"));
}

#[test]
fn a_suspended_project_resumes_building_and_the_bulletin_counts_both() {
    let l = started();
    let at = |day: &str, args: &[&str]| l.run(&[args, &["--today", day][..]].concat());
    at(
        "2024-07-03",
        &["stage", "p", "suspended", "--reason", "企业资金未到位"],
    )
    .ok();
    sound(&l);
    assert_eq!(
        at("2024-07-04", &["report", "overdue"]).ok().stdout,
        "Nothing overdue as of 2024-07-04.\n"
    );
    let bulletin = at("2024-07-07", &["report", "weekly", "--lang", "zh"])
        .ok()
        .stdout;
    assert!(bulletin.contains("- 按阶段：暂缓1个。\n"), "{bulletin}");
    assert!(
        bulletin.contains(
            "### 本周竣工、投产、暂缓、终止项目\n\n| 日期 | 项目 | 项目名称 | 阶段 | 原因 |\n| --- | --- | --- | --- | --- |\n| 2024-07-03 | p | 河南盛润年产2万吨对苯二酚项目 | 暂缓 | 企业资金未到位 |\n"
        ),
        "{bulletin}"
    );
    let json = at("2024-07-07", &["report", "weekly", "--format", "json"])
        .ok()
        .stdout;
    assert!(json.contains("\"suspended\": 1"), "{json}");
    assert!(json.contains("\"stage_changes\": [\n    {"), "{json}");
    // Refused while suspended: completing, starting again.
    l.refuses(
        &["stage", "p", "completed", "--today", "2024-08-01"],
        "error: p: the project is suspended (暂缓) since 2024-07-03: resume it with `building` first",
    );
    at("2024-09-02", &["stage", "p", "building"]).ok();
    sound(&l);
    assert!(
        at("2024-09-02", &["list", "--format", "csv"])
            .ok()
            .stdout
            .contains(",building,")
    );
    // A week later's bulletin counts it building again, and the stage line
    // says so.
    let bulletin = at("2024-09-08", &["report", "weekly"]).ok().stdout;
    assert!(bulletin.contains("- By stage: building 1.\n"), "{bulletin}");
    assert!(bulletin.contains("| 2024-09-02 | p | 河南盛润年产2万吨对苯二酚项目 | building |  |"));
}

#[test]
fn a_project_suspended_before_it_started_goes_back_to_preparing_then_starts() {
    let l = Ledger::new();
    l.open("p");
    l.run(&[
        "stage",
        "p",
        "暂缓",
        "--reason",
        "规划调整",
        "--today",
        "2024-03-10",
    ])
    .ok();
    l.refuses(
        &["start", "p", "--today", "2024-04-01"],
        "error: p: the project is suspended (暂缓) since 2024-03-10 (规划调整): resume it with `taizhang stage ID preparing` before recording the start",
    );
    l.refuses(
        &["stage", "p", "building", "--today", "2024-04-01"],
        "never started works (开工): resume it with `preparing`",
    );
    l.run(&["stage", "p", "preparing", "--today", "2024-04-01"])
        .ok();
    l.refuses(
        &[
            "start",
            "p",
            "--date",
            "2024-03-20",
            "--today",
            "2024-04-02",
        ],
        "error: p: 2024-03-20 is before the project resumed preparing on 2024-04-01",
    );
    l.run(&["start", "p", "--today", "2024-04-02"]).ok();
    sound(&l);
    let toml = l.read("projects/p/project.toml");
    assert!(toml.contains("[[stages]]\nstage = \"suspended\"\ndate = 2024-03-10\nreason = \"规划调整\"\n\n[[stages]]\nstage = \"preparing\"\ndate = 2024-04-01\n"), "{toml}");
}

#[test]
fn stage_refuses_what_cannot_happen_and_changes_nothing() {
    let l = Ledger::new();
    l.open("p");
    let t = ["--today", "2024-06-01"];
    let refuse = |args: &[&str], needle: &str| {
        l.refuses(&[args, &t[..]].concat(), needle);
    };
    refuse(
        &["stage", "p", "finished"],
        "error: unknown stage \"finished\": expected one of preparing (前期), building (在建), completed (竣工), producing (投产), suspended (暂缓), cancelled (终止)",
    );
    refuse(
        &["stage", "p", "completed"],
        "error: p: works have not started (开工): a project is completed only after it started",
    );
    refuse(
        &["stage", "p", "building"],
        "error: p: works have not started: record the start of works (开工) with `taizhang start`",
    );
    refuse(
        &["stage", "p", "suspended"],
        "error: p: a project suspended (暂缓) needs its reason: give --reason TEXT",
    );
    refuse(
        &["stage", "p", "cancelled", "--reason", "  "],
        "needs its reason: give --reason TEXT",
    );
    refuse(
        &[
            "stage",
            "p",
            "suspended",
            "--reason",
            "x",
            "--date",
            "2024-06-02",
        ],
        "error: p: 2024-06-02 is after today (2024-06-01)",
    );
    refuse(
        &[
            "stage",
            "p",
            "suspended",
            "--reason",
            "x",
            "--date",
            "6/2/2024",
        ],
        "error: --date: invalid date \"6/2/2024\"",
    );
    refuse(
        &["stage", "nope", "suspended", "--reason", "x"],
        "error: unknown project \"nope\"",
    );
    refuse(
        &["stage", "p", "preparing"],
        "error: p: the project is already preparing",
    );
    l.run(&[
        "start",
        "p",
        "--date",
        "2024-05-06",
        "--today",
        "2024-05-06",
    ])
    .ok();
    refuse(
        &["stage", "p", "completed", "--date", "2024-05-01"],
        "error: p: 2024-05-01 is before works started on 2024-05-06",
    );
    refuse(
        &["stage", "p", "preparing"],
        "error: p: only a suspended project goes back to preparing; it is building",
    );
    l.run(
        &[
            &["stage", "p", "cancelled", "--reason", "企业放弃投资"][..],
            &t,
        ]
        .concat(),
    )
    .ok();
    for stage in ["building", "completed", "suspended"] {
        refuse(
            &["stage", "p", stage, "--reason", "x"],
            "error: p: the project was cancelled (终止) on 2024-06-01 (企业放弃投资): a cancelled project is closed for good",
        );
    }
    sound(&l);
}

#[test]
fn a_stage_history_that_cannot_be_is_an_error_of_check() {
    let l = started();
    l.write(
        "projects/p/project.toml",
        &format!(
            "{}\n[[stages]]\nstage = \"completed\"\ndate = 2024-04-01\n\n[[stages]]\nstage = \"done\"\ndate = 2024-04-02\n",
            l.read("projects/p/project.toml")
        ),
    );
    let out = l.run(&["check"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("`stage`: unknown stage \"done\""),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "stage history: change to completed on 2024-04-01: works have not started (开工)"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn stage_commits_when_asked() {
    let l = started();
    git(l.path(), &["init", "-q"]);
    git_identity(l.path());
    git(l.path(), &["add", "-A"]);
    git(l.path(), &["commit", "-q", "-m", "start"]);
    l.run(&[
        "--commit",
        "stage",
        "p",
        "suspended",
        "--reason",
        "手续调整",
        "--today",
        "2024-06-01",
    ])
    .ok();
    let log = git(l.path(), &["log", "-1", "--format=%s", "--name-only"]);
    assert_eq!(log, "stage suspended p\n\nprojects/p/project.toml\n");
}

// ---------------------------------------------------------------------------
// set
// ---------------------------------------------------------------------------

#[test]
fn set_changes_fields_keeps_comments_and_adds_keys_to_the_top_table() {
    let l = Ledger::new();
    l.open_with("p", &["--name", "旧名称", "--type", "industrial"]);
    l.run(&["plan", "p", "--year", "2024", "--amount", "1200"])
        .ok();
    l.edit(
        "projects/p/project.toml",
        "name = \"旧名称\"\n",
        "# 名称以备案为准\nname = \"旧名称\"\n",
    );
    let out = l
        .run(&[
            "set",
            "p",
            "--name",
            "濮阳星辰年产100万套激光设备项目",
            "--owner",
            "濮阳星辰激光科技有限公司",
            "--investment",
            "45000",
            "--planned-start",
            "2024-12-31",
            "--code",
            "2406-410927-04-01-795036",
            "--township",
            "马楼镇",
        ])
        .ok()
        .stdout;
    assert_eq!(
        out,
        "p: name 旧名称 → 濮阳星辰年产100万套激光设备项目; owner (none) → 濮阳星辰激光科技有限公司; township (none) → 马楼镇; code (none) → 2406-410927-04-01-795036; investment (none) → 45000; planned_start (none) → 2024-12-31\n"
    );
    sound(&l);
    assert_eq!(
        l.read("projects/p/project.toml"),
        "# Project record (项目记录), kept by taizhang: see docs/FORMAT.md.
# Comments you add here are kept when taizhang changes the file.
# investment is in 万元; dates are YYYY-MM-DD.
# 名称以备案为准
name = \"濮阳星辰年产100万套激光设备项目\"
type = \"industrial\"
opened = 2024-03-01
owner = \"濮阳星辰激光科技有限公司\"
township = \"马楼镇\"
code = \"2406-410927-04-01-795036\"
investment = \"45000\"
planned_start = 2024-12-31

[annual_plan]
\"2024\" = \"1200\"
"
    );
    // An empty value removes an optional field; the same value changes nothing.
    assert_eq!(
        l.run(&["set", "p", "--township", ""]).ok().stdout,
        "p: township 马楼镇 → (none)\n"
    );
    assert!(!l.read("projects/p/project.toml").contains("township"));
    let before = l.snapshot();
    assert_eq!(
        l.run(&["set", "p", "--investment", "45000"]).ok().stdout,
        "p: nothing changed\n"
    );
    assert!(l.snapshot() == before);
}

#[test]
fn set_type_rederives_the_task_list_and_keeps_every_dated_row() {
    let l = Ledger::new();
    l.open_with("p", &["--name", "项目", "--type", "industrial"]);
    l.run(&["tick", "p", "approval"]).ok();
    let before = l.read("projects/p/procedures.csv");
    let out = l
        .run(&[
            "set",
            "p",
            "--type",
            "化工",
            "--hazchem",
            "yes",
            "--today",
            "2024-03-04",
        ])
        .ok()
        .stdout;
    assert_eq!(
        out,
        "p: type industrial → chemical; hazchem (none) → true; 4 procedure(s) added as pending: safety (安全条件审查), safety-design (危险化学品建设项目安全设施设计审查), lightning (雷电防护装置设计审核), fire-design (特殊建设工程消防设计审查)\n"
    );
    sound(&l);
    let after = l.read("projects/p/procedures.csv");
    for line in before.lines() {
        assert!(after.contains(line), "row kept as it was: {line}\n{after}");
    }
    assert!(
        after.contains("\nsafety,安全条件审查,supervision,pending,2024-04-18,"),
        "{after}"
    );
    // Back to industrial without hazardous chemicals: the rows added hold
    // their due dates, so they stay, marked not needed.
    assert_eq!(
        l.run(&["set", "p", "--type", "industrial", "--hazchem", "no"])
            .ok()
            .stdout,
        "p: type chemical → industrial; hazchem true → false; 4 procedure(s) no longer needed (by the facts or the zone's regional assessment), kept as not needed with the reason in its note: safety (安全条件审查), safety-design (危险化学品建设项目安全设施设计审查), lightning (雷电防护装置设计审核), fire-design (特殊建设工程消防设计审查)\n"
    );
    assert!(l.read("projects/p/procedures.csv").contains(
        "\nsafety,安全条件审查,supervision,not-needed,2024-04-18,,,,,,,,按项目情况无需办理,\n"
    ));
    sound(&l);
    // Procedures added go where the catalogue puts them.
    l.open_with("m", &["--name", "管网", "--type", "municipal"]);
    let out = l.run(&["set", "m", "--type", "industrial"]).ok().stdout;
    assert_eq!(
        out,
        "m: type municipal → industrial; 4 procedure(s) added as pending: land-title (不动产权证), energy (节能审查), water-abstraction (取水许可), civil-defence (防空地下室（结建）审批)\n"
    );
    let keys: Vec<String> = l
        .read("projects/m/procedures.csv")
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    assert_eq!(
        keys,
        [
            "approval",
            "feasibility",
            "preliminary-design",
            "stability-risk",
            "land-prereview",
            "farmland-conversion",
            "land-allocation",
            "land-transfer",
            "land-planning",
            "land-title",
            "works-planning",
            "mineral-overlay",
            "geohazard",
            "eia",
            "energy",
            "soil-water",
            "water-abstraction",
            "flood",
            "relics",
            "civil-defence",
            "drawing-review",
            "construction-permit",
        ]
    );
}

#[test]
fn set_refuses_bad_values_and_changes_nothing() {
    let l = Ledger::new();
    l.open("p");
    for (args, needle) in [
        (
            &["set", "p"][..],
            "error: nothing to set: give at least one of --name, --owner, --township, --code, --investment, --planned-start, --type, --started",
        ),
        (
            &["set", "p", "--name", " "],
            "error: --name must not be empty",
        ),
        (&["set", "p", "--code", "2024-41092"], "error: --code: "),
        (&["set", "p", "--investment", "-5"], "error: --investment: "),
        (
            &["set", "p", "--investment", "很多"],
            "error: --investment: ",
        ),
        (
            &["set", "p", "--planned-start", "2024-02-30"],
            "error: --planned-start: invalid date \"2024-02-30\"",
        ),
        (
            &["set", "p", "--type", "farm"],
            "error: --type: unknown project type \"farm\": expected one of",
        ),
        (
            &["set", "nope", "--owner", "x"],
            "error: unknown project \"nope\"",
        ),
        (
            &["set", "P!", "--owner", "x"],
            "error: invalid project ID \"P!\"",
        ),
        // One bad value refuses the whole command, good ones included.
        (
            &["set", "p", "--owner", "新单位", "--investment", "x"],
            "error: --investment: ",
        ),
    ] {
        l.refuses(args, needle);
    }
}

// ---------------------------------------------------------------------------
// rename
// ---------------------------------------------------------------------------

#[test]
fn rename_moves_the_folder_outside_git() {
    let l = Ledger::new();
    l.open("old-id");
    let out = l.run(&["rename", "old-id", "shengrun-hq"]).ok().stdout;
    assert_eq!(
        out,
        "Renamed old-id to shengrun-hq (河南盛润年产2万吨对苯二酚项目): ./projects/shengrun-hq (renamed)\n"
    );
    assert!(!l.file("projects/old-id").exists());
    l.run(&["show", "shengrun-hq"]).ok();
    sound(&l);
}

#[test]
fn rename_refuses_bad_ids_and_changes_nothing() {
    let l = Ledger::new();
    l.open("a");
    l.open("b");
    l.refuses(
        &["rename", "a", "b"],
        "error: project \"b\" already exists (./projects/b); choose another ID",
    );
    l.refuses(
        &["rename", "a", "B c"],
        "error: NEW: invalid project ID \"B c\"",
    );
    l.refuses(&["rename", "a", "../x"], "error: NEW: invalid project ID");
    l.refuses(&["rename", "zz", "c"], "error: unknown project \"zz\"");
    l.refuses(
        &["rename", "a", "a"],
        "error: the new ID \"a\" is the project's present ID: nothing to rename",
    );
    // A stray file under the new name blocks it too.
    l.write("projects/c", "");
    l.refuses(&["rename", "a", "c"], "error: project \"c\" already exists");
}

#[test]
fn log_of_a_renamed_project_shows_its_earlier_history() {
    let l = Ledger::new();
    git(l.path(), &["init", "-q"]);
    git_identity(l.path());
    let c = |args: &[&str]| l.run(&[&["--commit"][..], args].concat()).ok();
    c(&["open", "old-id", "--name", "盛润", "--type", "chemical"]);
    c(&["tick", "old-id", "approval"]);
    // Another project keeps its own history.
    c(&["open", "other", "--name", "其他", "--type", "chemical"]);
    let out = c(&["rename", "old-id", "shengrun-hq"]).stdout;
    assert!(out.ends_with("(git mv)\n"), "{out}");
    c(&["tick", "shengrun-hq", "eia"]);
    let subjects = |id: &str| -> Vec<String> {
        let out = l.run(&["log", id, "--format", "csv"]).ok().stdout;
        out.lines()
            .skip(1)
            .map(|l| l.rsplit(',').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        subjects("shengrun-hq"),
        [
            "tick shengrun-hq eia (环评批复)",
            "rename old-id shengrun-hq (盛润)",
            "tick old-id approval (项目审批/核准/备案)",
            "open old-id (盛润)",
        ]
    );
    // The old name's history is still there, ending with the rename.
    assert_eq!(
        subjects("old-id"),
        [
            "rename old-id shengrun-hq (盛润)",
            "tick old-id approval (项目审批/核准/备案)",
            "open old-id (盛润)",
        ]
    );
    // A new project opened under the old name later does not inherit it.
    c(&["open", "old-id", "--name", "新项目", "--type", "industrial"]);
    c(&["rename", "old-id", "xin"]);
    assert_eq!(
        subjects("xin"),
        ["rename old-id xin (新项目)", "open old-id (新项目)"]
    );
    assert_eq!(subjects("shengrun-hq").len(), 4);
}

#[test]
fn log_follows_a_rename_not_yet_committed() {
    let l = Ledger::new();
    git(l.path(), &["init", "-q"]);
    git_identity(l.path());
    l.run(&[
        "--commit",
        "open",
        "a",
        "--name",
        "项目",
        "--type",
        "industrial",
    ])
    .ok();
    l.run(&["rename", "a", "b"]).ok();
    let status = git(l.path(), &["status", "--short"]);
    assert!(
        status.contains("R  projects/a/project.toml -> projects/b/project.toml"),
        "{status}"
    );
    let log = l.run(&["log", "b", "--format", "csv"]).ok().stdout;
    assert!(log.ends_with(",open a (项目)\n"), "{log}");
    // Committed later with the next change.
    l.run(&["--commit", "rename", "b", "c"]).ok();
    let log = l.run(&["log", "c", "--format", "csv"]).ok().stdout;
    assert!(log.contains(",rename b c (项目)\n"), "{log}");
    assert!(log.ends_with(",open a (项目)\n"), "{log}");
}

/// Runs git in `dir`, asserting success; its stdout.
#[track_caller]
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn git_identity(dir: &std::path::Path) {
    git(dir, &["config", "user.name", "wang"]);
    git(dir, &["config", "user.email", "wang@example.org"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

#[test]
fn set_stage_and_rename_wait_for_the_lock_then_give_up() {
    let l = Ledger::new();
    l.open("p");
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(l.file(".taizhang.lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = l.snapshot();
    for args in [
        &["set", "p", "--owner", "x"][..],
        &["stage", "p", "suspended", "--reason", "x"],
        &["rename", "p", "q"],
    ] {
        let run = l.run_env(
            "",
            &[("TAIZHANG_LOCK_WAIT_MS", "200")],
            &[args, &["--today", TODAY][..]].concat(),
        );
        assert_eq!(run.code, 1, "{args:?}");
        assert!(
            run.stderr.starts_with("error: another writer is busy"),
            "{}",
            run.stderr
        );
    }
    assert!(l.snapshot() == before);
}

#[test]
fn set_and_rename_commit_when_the_ledger_says_so() {
    let l = Ledger::new();
    git(l.path(), &["init", "-q"]);
    git_identity(l.path());
    l.edit("ledger.toml", "auto_commit = false", "auto_commit = true");
    git(l.path(), &["add", "-A"]);
    git(l.path(), &["commit", "-q", "-m", "ledger"]);
    l.open("p");
    l.run(&["set", "p", "--investment", "52000"]).ok();
    let log = git(l.path(), &["log", "-1", "--format=%s", "--name-only"]);
    assert_eq!(log, "set p\n\nprojects/p/project.toml\n");
    l.run(&["rename", "p", "shengrun-hq"]).ok();
    let log = git(
        l.path(),
        &["log", "-1", "--format=%s", "--name-status", "-M"],
    );
    assert_eq!(
        log,
        "rename p shengrun-hq (河南盛润年产2万吨对苯二酚项目)\n\nR100\tprojects/p/procedures.csv\tprojects/shengrun-hq/procedures.csv\nR100\tprojects/p/project.toml\tprojects/shengrun-hq/project.toml\n"
    );
    assert_eq!(git(l.path(), &["status", "--short"]), "");
}

#[test]
fn log_follows_a_rename_in_a_ledger_below_the_top_of_the_repository() {
    let top = tempfile::tempdir().unwrap();
    git(top.path(), &["init", "-q"]);
    git_identity(top.path());
    let run = |args: &[&str]| {
        run_in(
            top.path(),
            &[
                &["-L", "台前县/ledger", "--today", TODAY, "--commit"][..],
                args,
            ]
            .concat(),
        )
        .ok()
    };
    std::fs::create_dir_all(top.path().join("台前县")).unwrap();
    run_in(
        top.path(),
        &["init", "台前县/ledger", "--name", "台账", "--lang", "en"],
    )
    .ok();
    run(&["open", "a", "--name", "项目", "--type", "industrial"]);
    run(&["rename", "a", "b"]);
    let log = run(&["log", "b", "--format", "csv"]).stdout;
    let subjects: Vec<&str> = log
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap())
        .collect();
    assert_eq!(subjects, ["rename a b (项目)", "open a (项目)"]);
}

#[test]
fn a_change_of_stage_recorded_by_mistake_is_taken_back() {
    let l = started();
    let original = l.read("projects/p/project.toml");
    l.refuses(
        &["stage", "p", "--undo", "--today", "2024-11-25"],
        "error: p: no change of stage to undo: the project is building",
    );
    l.run(&[
        "stage",
        "p",
        "completed",
        "--date",
        "2024-11-02",
        "--today",
        "2024-11-25",
    ])
    .ok();
    assert_eq!(
        l.run(&["stage", "p", "--undo", "--today", "2024-11-25"])
            .ok()
            .stdout,
        "p: took back completed (竣工) of 2024-11-02; the project is building (在建) again\n"
    );
    assert_eq!(l.read("projects/p/project.toml"), original);
    sound(&l);
    l.run(&[
        "stage",
        "p",
        "completed",
        "--date",
        "2024-11-20",
        "--today",
        "2024-11-25",
    ])
    .ok();
    sound(&l);
    // Undo takes no stage, date or reason.
    let run = l.run(&["stage", "p", "building", "--undo"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn set_started_corrects_the_start_of_works_within_the_stage_history() {
    let l = started();
    let t = ["--today", "2024-11-25"];
    let run = |args: &[&str]| l.run(&[args, &t[..]].concat());
    l.refuses(
        &["start", "p", "--today", "2024-11-25"],
        "error: p already started on 2024-05-06; correct the date with `taizhang set p --started DATE`",
    );
    assert_eq!(
        run(&["set", "p", "--started", "2024-05-08"]).ok().stdout,
        "p: started 2024-05-06 → 2024-05-08\n"
    );
    sound(&l);
    run(&["stage", "p", "completed", "--date", "2024-11-20"]).ok();
    l.refuses(
        &[
            "set",
            "p",
            "--started",
            "2024-11-21",
            "--today",
            "2024-11-25",
        ],
        "error: p: --started: change to completed on 2024-11-20: works have not started (开工)",
    );
    l.refuses(
        &["set", "p", "--started", "", "--today", "2024-11-25"],
        "error: p: --started: change to completed on 2024-11-20: works have not started",
    );
    l.refuses(
        &[
            "set",
            "p",
            "--started",
            "2024-11-26",
            "--today",
            "2024-11-25",
        ],
        "error: --started: 2024-11-26 is after today (2024-11-25)",
    );
    // Without a history in the way, a start recorded by mistake goes.
    let m = Ledger::new();
    m.open("q");
    m.run(&["start", "q"]).ok();
    assert_eq!(
        m.run(&["set", "q", "--started", ""]).ok().stdout,
        "q: started 2024-03-01 → (none)\n"
    );
    assert!(!m.read("projects/q/project.toml").contains("started"));
    sound(&m);
}

#[test]
fn a_change_of_stage_dated_after_today_is_an_error_of_check() {
    let l = started();
    l.write(
        "projects/p/project.toml",
        &format!(
            "{}\n[[stages]]\nstage = \"suspended\"\ndate = 2024-12-01\nreason = \"资金未到位\"\n",
            l.read("projects/p/project.toml")
        ),
    );
    let run = l.run(&["check", "--today", "2024-11-25"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains(
            "./projects/p/project.toml:11:1: [[stages]]: suspended on 2024-12-01 is after today (2024-11-25)"
        ),
        "{}",
        run.stdout
    );
    l.run(&["check", "--today", "2024-12-01"]).ok();
}
