//! What the tool does to the files themselves: permissions kept, and
//! record dates checked against the opening day.

use crate::support::*;

#[cfg(unix)]
#[test]
fn written_files_are_not_narrowed_to_the_owner() {
    use std::os::unix::fs::PermissionsExt;
    let l = Ledger::new();
    l.open("shengrun");
    let csv = l.file("projects/shengrun/procedures.csv");
    std::fs::set_permissions(&csv, std::fs::Permissions::from_mode(0o664)).unwrap();
    l.run(&["tick", "shengrun", "eia"]).ok();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&csv), 0o664, "a replaced file keeps its permissions");
    // New files are readable by others unless the umask says otherwise
    // (tests run with the usual 022 or 002).
    assert_eq!(
        mode(&l.file("projects/shengrun/project.toml")) & 0o044,
        0o044
    );
    assert_eq!(mode(&l.file("ledger.toml")) & 0o044, 0o044);
}

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
