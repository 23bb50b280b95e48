//! The core ledger: init, open, the daily records, list/show, check and the
//! overdue and slow reports, with their bad inputs.

use crate::support::*;

#[test]
fn open_builds_the_task_list_in_catalogue_order() {
    let l = Ledger::new();
    l.open("shengrun");
    let csv = l.read("projects/shengrun/procedures.csv");
    let keys: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(keys.first(), Some(&"approval"));
    assert!(
        keys.contains(&"safety"),
        "chemical projects need the safety review: {keys:?}"
    );
    assert!(!keys.contains(&"transport-review"));
}

#[test]
fn tick_of_unknown_project_is_refused() {
    let l = Ledger::new();
    l.refuses(&["tick", "nope", "eia"], "unknown project \"nope\"");
}
