//! Record dates: history before the opening day is accepted; only the
//! impossible (a date after today) is an error.

use crate::support::*;

#[test]
fn a_start_before_the_opening_day_is_history_a_start_after_today_an_error() {
    let l = Ledger::new();
    l.open("shengrun");
    let record = l.read("projects/shengrun/project.toml");
    l.write(
        "projects/shengrun/project.toml",
        &format!("{record}started = 2023-01-01\n"),
    );
    // Works started before every procedure was obtained: 未批先建, a
    // warning; the ledger stays usable.
    let run = l.run(&["check"]).ok();
    assert!(
        run.stdout
            .contains("warning: works started on 2023-01-01 while"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("before the project was opened"));
    l.run(&["list"]).ok();
    l.write(
        "projects/shengrun/project.toml",
        &format!("{record}started = 2024-03-02\n"),
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    let line = record.lines().count() + 1;
    assert!(
        run.stdout.contains(&format!(
            "projects/shengrun/project.toml:{line}:1: `started` 2024-03-02 is after today (2024-03-01)"
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn a_task_force_view_of_overdue_items_keeps_its_own_items_only() {
    let l = Ledger::new();
    l.open("shengrun"); // planned start 2024-06-30; land and supervision procedures due in March
    let csv = |tf: &str| {
        l.run(&[
            "--taskforce",
            tf,
            "report",
            "overdue",
            "--format",
            "csv",
            "--today",
            "2024-07-02",
        ])
        .ok()
        .stdout
    };
    let land = csv("land");
    assert!(
        land.contains(",land-prereview,") || land.contains("用地预审"),
        "{land}"
    );
    assert!(
        !land.contains("start of works"),
        "a late start is not the land task force's item:\n{land}"
    );
    assert!(
        land.lines().skip(1).all(|r| r.contains("用地专班")),
        "{land}"
    );
    let supervision = csv("supervision");
    assert!(supervision.contains("start of works"), "{supervision}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_place_of_a_ledger_file_does_not_hang_check() {
    let l = Ledger::new();
    l.open("shengrun");
    let csv = l.file("projects/shengrun/procedures.csv");
    std::fs::remove_file(&csv).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&csv)
        .status()
        .unwrap();
    assert!(made.success());
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("./projects/shengrun/procedures.csv: the file is empty"),
        "{}",
        run.stdout
    );
}
