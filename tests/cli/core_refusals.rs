//! Every bad input of issue 2 is refused: exit 1, a one-line error naming
//! the bad value and what was expected, and every file byte-identical.

use crate::support::*;

const CSV: &str = "projects/shengrun/procedures.csv";
const RECORD: &str = "projects/shengrun/project.toml";

fn ledger() -> Ledger {
    let l = Ledger::new();
    l.open("shengrun");
    l
}

fn open_args<'a>(id: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["open", id, "--name", "新项目", "--type", "chemical"];
    v.extend(extra);
    v
}

#[test]
fn bad_dates_are_refused_everywhere() {
    let l = ledger();
    for bad in ["2024-13-01", "tomorrow"] {
        let expected = if bad == "tomorrow" {
            format!(
                "invalid date \"{bad}\": expected 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 (year first)"
            )
        } else {
            format!("invalid date \"{bad}\": no such day in the calendar")
        };
        l.refuses(
            &open_args("new", &["--planned-start", bad]),
            &format!("--planned-start: {expected}"),
        );
        l.refuses(
            &["tick", "shengrun", "eia", "--date", bad],
            &format!("--date: {expected}"),
        );
        l.refuses(
            &[
                "pledge", "shengrun", "eia", "--due", bad, "--kind", "notify", "--items", "x",
            ],
            &format!("--due: {expected}"),
        );
        l.refuses(
            &[
                "pledge",
                "shengrun",
                "eia",
                "--due",
                "2024-04-01",
                "--kind",
                "notify",
                "--items",
                "x",
                "--date",
                bad,
            ],
            &format!("--date: {expected}"),
        );
        l.refuses(
            &["due", "shengrun", "eia", bad],
            &format!("DATE: {expected}"),
        );
        l.refuses(
            &["start", "shengrun", "--date", bad],
            &format!("--date: {expected}"),
        );
        l.refuses(
            &["report", "overdue", "--today", bad],
            &format!("--today: {expected}"),
        );
    }
    l.refuses(
        &["due", "shengrun", "eia", "2024-02-29x"],
        "invalid date \"2024-02-29x\"",
    );
    l.refuses(
        &["due", "shengrun", "eia", "2023-02-29"],
        "invalid date \"2023-02-29\": no such day in the calendar",
    );
}

#[test]
fn bad_amounts_are_refused() {
    let l = ledger();
    for bad in ["12,5", "-3", "1e3", "3.", "壹万"] {
        l.refuses(
            &open_args("new", &["--investment", bad]),
            &format!(
                "--investment: invalid amount \"{bad}\": expected 万元 as digits, e.g. 3500, 3500.25 or 1,200"
            ),
        );
    }
    l.refuses(
        &open_args("new", &["--investment=-3"]),
        "invalid amount \"-3\"",
    );
}

#[test]
fn unknown_type_is_refused() {
    let l = ledger();
    l.refuses(
        &["open", "new", "--name", "x", "--type", "商业"],
        "--type: unknown project type \"商业\": expected one of industrial (工业), chemical (化工), logistics (物流), transport (交通), water (水利), municipal (市政), public (社会事业)",
    );
}

#[test]
fn unknown_project_is_refused() {
    let l = ledger();
    for args in [
        &["tick", "nope", "eia"][..],
        &[
            "pledge",
            "nope",
            "eia",
            "--due",
            "2024-04-01",
            "--kind",
            "notify",
            "--items",
            "x",
        ],
        &["fulfil", "nope", "eia"],
        &["due", "nope", "eia", "2024-04-01"],
        &["start", "nope"],
        &["show", "nope"],
    ] {
        l.refuses(
            args,
            "unknown project \"nope\": no folder ./projects/nope (see `taizhang list`)",
        );
    }
}

#[test]
fn tick_of_unknown_project_is_refused() {
    let l = Ledger::new();
    l.refuses(&["tick", "nope", "eia"], "unknown project \"nope\"");
}

#[test]
fn unknown_procedure_is_refused() {
    let l = ledger();
    let run = l.refuses(
        &["tick", "shengrun", "环评"],
        "unknown procedure \"环评\"; did you mean eia (环评批复)?",
    );
    assert_eq!(
        run.stderr,
        "error: unknown procedure \"环评\"; did you mean eia (环评批复)?\n"
    );
    l.refuses(
        &["due", "shengrun", "nope", "2024-04-01"],
        "unknown procedure \"nope\"",
    );
    l.refuses(
        &["fulfil", "shengrun", "nope"],
        "unknown procedure \"nope\"",
    );
    // In the catalogue but not on this project's list.
    l.refuses(
        &["tick", "shengrun", "交通行业审查"],
        "procedure \"交通行业审查\" is not on the task list of project \"shengrun\" (`taizhang show shengrun` lists its procedures)",
    );
    l.refuses(
        &open_args("new", &["--with", "nope"]),
        "--with: unknown procedure \"nope\" (`taizhang catalogue` lists them all)",
    );
    l.refuses(
        &open_args("new", &["--without", "nope"]),
        "--without: unknown procedure \"nope\"",
    );
    l.refuses(
        &open_args("new", &["--without", "transport-review"]),
        "--without: procedure \"transport-review\" is not on the task list of type chemical (化工); nothing to leave out",
    );
    l.refuses(
        &open_args("new", &["--with", "eia", "--without", "eia"]),
        "procedure \"eia\" is given both --with and --without",
    );
}

#[test]
fn unknown_task_force_in_the_ledger_is_refused_and_reported() {
    let l = ledger();
    l.edit(CSV, "\neia,环评批复,env,", "\neia,环评批复,环保局,");
    let run = l.refuses_broken(
        &["tick", "shengrun", "eia"],
        "error: project \"shengrun\" cannot be used: 1 problem(s); run `taizhang check` for details\n",
    );
    assert!(
        run.stderr.contains(
            "./projects/shengrun/procedures.csv:15:10: procedure \"eia\": unknown task force \"环保局\": expected one of land"
        ),
        "{}",
        run.stderr
    );
    let check = l.run(&["check"]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.starts_with(
        "./projects/shengrun/procedures.csv:15:10: procedure \"eia\": unknown task force \"环保局\": expected one of land, env, build, relics, transport, water, supervision\n"
    ), "{}", check.stdout);
}

#[test]
fn duplicate_id_is_refused() {
    let l = ledger();
    l.refuses(
        &open_args("shengrun", &[]),
        "project \"shengrun\" already exists (./projects/shengrun); choose another ID",
    );
}

#[test]
fn unsafe_ids_are_refused() {
    let l = ledger();
    for bad in ["a/b", "..", "a b", "../x", "Big", "盛润", ".hidden", ""] {
        l.refuses(
            &open_args(bad, &[]),
            &format!(
                "invalid project ID \"{bad}\": expected a short slug of lower-case letters, digits, '-' and '_' (e.g. shengrun-hq), at most 64 characters"
            ),
        );
    }
    l.refuses(
        &["tick", "../shengrun", "eia"],
        "invalid project ID \"../shengrun\"",
    );
    l.refuses(&["show", "a b"], "invalid project ID \"a b\"");
    assert!(!l.file("a").exists() && !l.file("x").exists());
}

#[test]
fn malformed_national_code_is_refused() {
    let l = ledger();
    for bad in [
        "2024-410927-26-03-01234",
        "2024-410927-26-3-012345",
        "2024-41092a-26-03-012345",
        "2024410927260301234",
        "２０２４-410927-26-03-012345",
    ] {
        l.refuses(
            &open_args("new", &["--code", bad]),
            &format!(
                "--code: invalid national project code \"{bad}\": expected YYMM-RRRRRR-DD-TT-NNNNNN in digits (YYMM: the year and month the code was issued), e.g. 2403-410927-04-01-382615"
            ),
        );
    }
}

#[test]
fn open_refuses_an_empty_name() {
    let l = ledger();
    l.refuses(
        &["open", "new", "--name", "  ", "--type", "chemical"],
        "--name must not be empty",
    );
}

#[test]
fn pledge_needs_deadline_kind_and_items() {
    let l = ledger();
    l.refuses(
        &["pledge", "shengrun", "eia", "--kind", "notify", "--items", "x"],
        "a pledge needs its deadline: give --due DATE, the last day to supply what is missing (承诺时限)",
    );
    l.refuses(
        &[
            "pledge",
            "shengrun",
            "eia",
            "--due",
            "2024-04-01",
            "--items",
            "x",
        ],
        "a pledge needs its kind: give --kind tolerance (容缺受理) or --kind notify (告知承诺)",
    );
    l.refuses(
        &[
            "pledge",
            "shengrun",
            "eia",
            "--due",
            "2024-04-01",
            "--kind",
            "notify",
            "--items",
            " ",
        ],
        "a pledge needs what is promised: give --items TEXT (承诺补齐事项)",
    );
    l.refuses(
        &[
            "pledge",
            "shengrun",
            "eia",
            "--due",
            "2024-02-28",
            "--kind",
            "notify",
            "--items",
            "x",
        ],
        "--due: the deadline 2024-02-28 is before the pledge date 2024-03-01",
    );
}

#[test]
fn pledge_twice_is_refused() {
    let l = ledger();
    l.run(&[
        "pledge",
        "shengrun",
        "eia",
        "--due",
        "2024-04-01",
        "--kind",
        "notify",
        "--items",
        "x",
    ])
    .ok();
    l.refuses(
        &[
            "pledge", "shengrun", "环评批复", "--due", "2024-04-02", "--kind", "tolerance", "--items",
            "y",
        ],
        "shengrun: 环评批复 (eia) is already pledged (notify, due 2024-04-01); fulfil it, extend it (`taizhang extend`) or correct it (`taizhang edit`)",
    );
}

#[test]
fn tick_of_an_obtained_procedure_is_refused() {
    let l = ledger();
    l.run(&["tick", "shengrun", "eia", "--doc", "濮环审〔2024〕5号"])
        .ok();
    l.refuses(
        &["tick", "shengrun", "环评批复", "--today", "2024-03-05"],
        "shengrun: 环评批复 (eia) was already obtained on 2024-03-01; correct it with `taizhang edit` or `taizhang undo`",
    );
    l.refuses(
        &[
            "pledge",
            "shengrun",
            "eia",
            "--due",
            "2024-04-01",
            "--kind",
            "notify",
            "--items",
            "x",
        ],
        "already obtained on 2024-03-01",
    );
    l.refuses(
        &["due", "shengrun", "eia", "2024-04-01"],
        "already obtained on 2024-03-01",
    );
    l.refuses(
        &["fulfil", "shengrun", "eia"],
        "shengrun: 环评批复 (eia) has no open pledge to fulfil (status obtained)",
    );
}

#[test]
fn records_on_a_not_needed_procedure_are_refused() {
    let l = Ledger::new();
    l.open_with(
        "new",
        &[
            "--name",
            "x",
            "--type",
            "chemical",
            "--hazchem",
            "yes",
            "--without",
            "safety",
        ],
    );
    l.refuses(
        &["tick", "new", "safety"],
        "new: 安全条件审查 (safety) is marked not needed; put it back on the task list with `taizhang require`",
    );
}

#[test]
fn future_and_impossible_dates_are_refused() {
    let l = ledger();
    l.refuses(
        &["tick", "shengrun", "eia", "--date", "2024-03-02"],
        "--date: 2024-03-02 is after today (2024-03-01); record events on or before the day they happen",
    );
    l.refuses(
        &["start", "shengrun", "--date", "2024-03-02"],
        "--date: 2024-03-02 is after today (2024-03-01)",
    );
    l.run(&[
        "pledge",
        "shengrun",
        "eia",
        "--due",
        "2024-04-01",
        "--kind",
        "notify",
        "--items",
        "x",
        "--today",
        "2024-03-10",
    ])
    .ok();
    l.refuses(
        &[
            "fulfil",
            "shengrun",
            "eia",
            "--date",
            "2024-03-05",
            "--today",
            "2024-03-20",
        ],
        "--date: 2024-03-05 is before the pledge was accepted (2024-03-10)",
    );
    l.refuses(
        &[
            "tick",
            "shengrun",
            "eia",
            "--date",
            "2024-03-05",
            "--today",
            "2024-03-20",
        ],
        "--date: 2024-03-05 is before the pledge was accepted (2024-03-10)",
    );
}

#[test]
fn a_broken_project_toml_is_never_rewritten() {
    let l = ledger();
    l.write(
        RECORD,
        "# 盛润\nname = \"河南盛润\ntype = \"chemical\"\nopened = 2024-03-01\n",
    );
    let run = l.refuses_broken(
        &["tick", "shengrun", "eia"],
        "error: project \"shengrun\" cannot be used: 1 problem(s); run `taizhang check` for details\n  ./projects/shengrun/project.toml:2:",
    );
    assert_eq!(run.stdout, "");
    l.refuses_broken(
        &["start", "shengrun"],
        "project \"shengrun\" cannot be used",
    );
    l.refuses_broken(
        &["due", "shengrun", "eia", "2024-04-01"],
        "project \"shengrun\" cannot be used",
    );
    let before = l.snapshot();
    let report = l.run(&["report", "overdue"]);
    assert_eq!(report.code, 4, "{report:?}");
    assert!(
        report.stderr.contains("left out project shengrun"),
        "{report:?}"
    );
    assert!(l.snapshot() == before);
}

#[test]
fn a_broken_procedures_csv_is_never_rewritten() {
    let l = ledger();
    l.edit(
        CSV,
        "\neia,环评批复,env,pending,",
        "\neia,环评批复,env,done,",
    );
    let run = l.refuses_broken(
        &["tick", "shengrun", "flood"],
        "error: project \"shengrun\" cannot be used: 1 problem(s)",
    );
    assert!(run.stderr.contains(
        "./projects/shengrun/procedures.csv:15:14: column \"status\": invalid status \"done\": expected pending, obtained, pledged or not-needed"
    ), "{}", run.stderr);
}

#[test]
fn ledger_not_found_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["list"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: no ledger here: no ledger.toml in ")
    );
    assert_eq!(run.stderr.lines().count(), 1);
    let run = run_in(dir.path(), &["list", "-L", "nowhere"]);
    assert_eq!(
        run.stderr,
        "error: nowhere is not a taizhang ledger: it has no ledger.toml (create one with `taizhang init`)\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let l = ledger();
    let before = l.snapshot();
    for args in [
        &["report", "overdue", "--format", "xml"][..],
        &["open", "new", "--type", "chemical"],
        &[
            "pledge",
            "shengrun",
            "eia",
            "--due",
            "2024-04-01",
            "--kind",
            "bogus",
            "--items",
            "x",
        ],
        &["frobnicate"],
    ] {
        assert_eq!(l.run(args).code, 2, "{args:?}");
    }
    assert!(l.snapshot() == before);
}

#[test]
fn a_bad_date_is_named_before_the_state_of_the_row() {
    let l = Ledger::new();
    l.open("shengrun");
    l.run(&["tick", "shengrun", "eia"]).ok();
    // The row is already obtained, but the clerk's typo is what to hear about.
    l.refuses(
        &["tick", "shengrun", "eia", "--date", "2024-13-01"],
        "--date: invalid date \"2024-13-01\"",
    );
    l.refuses(
        &["start", "shengrun", "--date", "tomorrow"],
        "--date: invalid date \"tomorrow\"",
    );
}

#[test]
fn a_negative_progress_amount_is_a_bad_value_not_a_usage_error() {
    let l = Ledger::new();
    l.open("shengrun");
    l.refuses(
        &["progress", "shengrun", "--invested", "-3"],
        "--invested: invalid amount \"-3\"",
    );
    l.refuses(
        &["plan", "shengrun", "--year", "2024", "--amount", "-3"],
        "--amount: invalid amount \"-3\"",
    );
}
