//! One broken project never stops the county: read commands leave it out
//! and say so (a line under the table, `skipped` in JSON, a note at the top
//! of the bulletin, the problems on stderr, exit 4); writes to it stay
//! refused, writes to the others go on; multi-project writes are all or
//! nothing.

use crate::support::*;

/// A ledger with two sound projects `a` and `c` and a project `b` whose
/// procedures.csv holds a slashed date (as Excel writes it).
fn one_broken() -> Ledger {
    let l = Ledger::new();
    l.open("a").open("b").open("c");
    l.run(&["tick", "a", "eia"]).ok();
    l.edit(
        "projects/b/procedures.csv",
        "land-prereview,用地预审与选址意见书,land,pending,2024-03-29",
        "land-prereview,用地预审与选址意见书,land,pending,2024/3/29",
    );
    l
}

#[test]
fn reports_leave_a_broken_project_out_and_say_so() {
    let l = one_broken();
    let list = l.run(&["list"]);
    assert_eq!(list.code, 4, "{list:?}");
    assert!(list.stdout.contains("│ a "), "{}", list.stdout);
    assert!(list.stdout.contains("│ c "), "{}", list.stdout);
    assert!(!list.stdout.contains("│ b "), "{}", list.stdout);
    assert!(
        list.stdout.ends_with(
            "\n1 project(s) could not be read and are left out: b — run taizhang check\n"
        ),
        "{}",
        list.stdout
    );
    assert_eq!(
        list.stderr,
        "warning: left out project b: 1 problem(s)\n  ./projects/b/procedures.csv:6:40: column \"due\": invalid date \"2024/3/29\": expected YYYY-MM-DD, e.g. 2024-03-15\n1 project(s) could not be read and are left out: b — run taizhang check\n"
    );
    for args in [
        &["report", "overdue"][..],
        &["report", "slow"],
        &["report", "taskforce"],
        &["problem", "list"],
        &["export", "list", "--for-excel"],
    ] {
        let run = l.run(args);
        assert_eq!(run.code, 4, "{args:?}: {run:?}");
        assert!(run.stderr.contains("left out: b"), "{args:?}: {run:?}");
    }
    // CSV on stdout stays a clean table: the note is on stderr only.
    let csv = l.run(&["list", "--format", "csv"]);
    assert_eq!(csv.code, 4);
    assert!(!csv.stdout.contains("could not be read"), "{}", csv.stdout);
    // The overdue report's own exit status combines with the skip.
    let overdue = l.run(&["report", "overdue", "--exit-code", "--today", "2024-04-15"]);
    assert_eq!(overdue.code, 5, "{overdue:?}");
    // `show` of another project and writes to other projects go on.
    l.run(&["show", "a"]).ok();
    l.run(&["tick", "c", "eia"]).ok();
    // Writes to the broken project stay refused, naming its problem.
    l.refuses_broken(&["tick", "b", "safety"], "project \"b\" cannot be used");
}

#[test]
fn every_json_report_has_a_skipped_array() {
    let l = one_broken();
    for args in [
        &["list"][..],
        &["report", "overdue"],
        &["report", "slow"],
        &["report", "taskforce"],
        &["report", "weekly"],
        &["problem", "list"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let run = l.run(&all);
        assert_eq!(run.code, 4, "{args:?}: {run:?}");
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(
            v["skipped"],
            serde_json::json!([{
                "project": "b",
                "file": "./projects/b/procedures.csv",
                "line": 6,
                "message": "column \"due\": invalid date \"2024/3/29\": expected YYYY-MM-DD, e.g. 2024-03-15"
            }]),
            "{args:?}"
        );
    }
    // A sound ledger: an empty array, exit 0.
    let sound = Ledger::new();
    sound.open("a");
    let run = sound.run(&["list", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["skipped"], serde_json::json!([]));
}

#[test]
fn the_weekly_bulletin_says_at_the_top_what_it_left_out() {
    let l = one_broken();
    let md = l.run(&["report", "weekly"]);
    assert_eq!(md.code, 4);
    let top: Vec<&str> = md.stdout.lines().take(5).collect();
    assert_eq!(
        top[4],
        "> **Note:** 1 project(s) could not be read and are left out: b — run taizhang check",
        "{}",
        md.stdout
    );
    let html = l.run(&["report", "weekly", "--format", "html"]);
    assert_eq!(html.code, 4);
    let at = html.stdout.find("<p class=\"skipped\" style=\"border:2px solid #b71c1c;padding:.5em 1em;font-weight:bold\">1 project(s) could not be read").unwrap();
    assert!(at < html.stdout.find("<h2>").unwrap());
    let zh = Ledger::with_lang("zh");
    zh.open("a").open("b");
    zh.write(
        "projects/b/progress.csv",
        "date,invested,note\n2024/3/1,5,\n",
    );
    let md = zh.run(&["report", "weekly"]);
    assert_eq!(md.code, 4);
    assert!(
        md.stdout
            .contains("\n> **注意:** 未能读取 1 个项目: b — 运行 taizhang check\n"),
        "{}",
        md.stdout
    );
}

#[test]
fn a_broken_ledger_toml_still_stops_everything() {
    let l = one_broken();
    l.write("ledger.toml", "name = \n");
    let run = l.run(&["list"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: cannot use ./ledger.toml: 1 problem(s)"),
        "{}",
        run.stderr
    );
}

#[test]
fn import_validates_every_project_before_writing_any() {
    let l = Ledger::new();
    l.open("a").open("z");
    // Row 2 and 3 would pass on their own; row 4 (the last project) gives
    // a fulfilled date to a procedure that was never pledged.
    l.write(
        "sheet.csv",
        "项目,手续,状态,办结日期,兑现日期\na,eia,已办结,2024-03-01,\na,safety,,,\nz,eia,,,2024-03-01\n",
    );
    let before = l.snapshot();
    let run = l.run(&["import", "tasks", "sheet.csv"]);
    let run = run.fails_with(
        "the import would leave a problem, nothing written: ./projects/z/procedures.csv:",
    );
    assert!(
        run.stderr
            .contains("a fulfilled date on a procedure that was never pledged"),
        "{}",
        run.stderr
    );
    assert!(l.snapshot() == before, "a refused import writes nothing");
}

#[test]
fn check_locates_a_bad_cell_of_a_crlf_file() {
    let l = Ledger::new();
    l.open("b");
    let text = l
        .read("projects/b/procedures.csv")
        .replacen(",pending,2024-03-29,", ",pending,2024/3/29,", 1)
        .replace('\n', "\r\n");
    l.write("projects/b/procedures.csv", &text);
    l.write(
        "projects/b/progress.csv",
        "date,invested,note\r\n2024-03-01,5,\"管材\r\n进场\"\r\n2024-03-02,五,\r\n",
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    let heads: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("./")).collect();
    assert_eq!(
        heads,
        [
            "./projects/b/procedures.csv:2:41: column \"due\": invalid date \"2024/3/29\": expected YYYY-MM-DD, e.g. 2024-03-15",
            "./projects/b/progress.csv:4:12: column \"invested\": invalid amount \"五\": expected an amount in 万元 as digits with an optional decimal point, e.g. 3500 or 3500.25",
        ]
    );
    assert!(
        run.stdout
            .contains("2 | approval,项目审批/核准/备案,supervision,pending,2024/3/29,"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_note_holding_a_line_of_equals_signs_is_not_a_conflict() {
    let l = Ledger::new();
    l.open("b");
    l.write(
        "projects/b/progress.csv",
        "date,invested,note\n2024-03-01,5,\"周报\n=======\n管材进场\"\n",
    );
    l.run(&["check"]).ok();
}
