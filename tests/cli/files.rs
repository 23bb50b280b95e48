//! Record dates checked against the opening day.

use crate::support::*;

#[test]
fn check_flags_a_start_before_the_opening_day() {
    let l = Ledger::new();
    l.open("shengrun");
    let record = l.read("projects/shengrun/project.toml");
    l.write(
        "projects/shengrun/project.toml",
        &format!("{record}started = 2023-01-01\n"),
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    let line = record.lines().count() + 1;
    assert!(
        run.stdout.contains(&format!(
            "projects/shengrun/project.toml:{line}:1: `started` 2023-01-01 is before the project was opened (2024-03-01)"
        )),
        "{}",
        run.stdout
    );
}
