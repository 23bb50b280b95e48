//! Never losing a clerk's work: `check` finds every kind of problem (one
//! fixture per problem code), writes cannot tear or race, git merges the
//! procedure ledgers, and nothing reaches outside the ledger.

use crate::support::*;
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------
// check: one fixture per problem code
// ---------------------------------------------------------------------------

const CSV: &str = "projects/p/procedures.csv";
const RECORD: &str = "projects/p/project.toml";

/// A ledger with one chemical project `p` opened on `TODAY`.
fn ledger() -> Ledger {
    let l = Ledger::new();
    l.open("p");
    l
}

/// Rewrites the cells of the row of procedure `key` in `p`'s ledger.
fn edit_row(l: &Ledger, key: &str, change: impl Fn(&mut Vec<String>)) {
    let text = l.read(CSV);
    let mut out = String::new();
    for line in text.lines() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        if cells[0] == key {
            change(&mut cells);
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    l.write(CSV, &out);
}

/// Column indexes of procedures.csv.
const STATUS: usize = 3;
const DUE: usize = 4;
const OBTAINED: usize = 5;
const KIND: usize = 7;
const PLEDGED: usize = 8;
const PLEDGE_DUE: usize = 9;
const FULFILLED: usize = 11;

/// Runs `check` and asserts it reports exactly `expected`: each a problem
/// code and the headline `FILE:LINE[:COL]: message` of the text form, in
/// order; the JSON form holds the same problems.
#[track_caller]
fn reports(l: &Ledger, expected: &[(&str, &str)]) -> String {
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1, "check must fail:\n{}", run.stdout);
    let headlines: Vec<&str> = run.stdout.lines().filter(|s| s.starts_with("./")).collect();
    let want: Vec<&str> = expected.iter().map(|(_, h)| *h).collect();
    assert_eq!(headlines, want, "check printed:\n{}", run.stdout);
    assert!(
        run.stdout
            .ends_with(&format!("{} problem(s) in .\n", expected.len())),
        "{}",
        run.stdout
    );
    let json = l.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let problems = v["problems"].as_array().unwrap();
    let codes: Vec<&str> = problems
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = expected.iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, want, "{}", json.stdout);
    for (p, (_, headline)) in problems.iter().zip(expected) {
        let mut h = p["file"].as_str().unwrap().to_string();
        if let Some(line) = p["line"].as_u64() {
            h.push_str(&format!(":{line}"));
            if let Some(col) = p["column"].as_u64() {
                h.push_str(&format!(":{col}"));
            }
        }
        h.push_str(&format!(": {}", p["message"].as_str().unwrap()));
        assert_eq!(&h, headline);
    }
    run.stdout
}

#[test]
fn a_sound_ledger_checks_silently() {
    let l = ledger();
    let run = l.run(&["check"]).ok();
    assert_eq!(run.stdout, "");
    let json = l.run(&["check", "--format", "json"]).ok();
    assert_eq!(
        json.stdout.trim(),
        "{\n  \"errors\": 0,\n  \"problems\": [],\n  \"warnings\": 0\n}"
    );
}

#[test]
fn check_toml_syntax() {
    let l = ledger();
    l.write(
        RECORD,
        "name = \"P\"\ntype = chemical\nopened = 2024-03-01\n",
    );
    reports(
        &l,
        &[(
            "toml-syntax",
            "./projects/p/project.toml:2:8: TOML syntax error: string values must be quoted, expected literal string",
        )],
    );
}

#[test]
fn check_csv_syntax_unclosed_quote() {
    let l = ledger();
    edit_row(&l, "eia", |c| c[12] = "\"see the file".into());
    reports(
        &l,
        &[(
            "csv-syntax",
            "./projects/p/procedures.csv:15:40: CSV syntax error: the quoted field opened here is never closed",
        )],
    );
}

#[test]
fn check_csv_syntax_stray_quote() {
    let l = ledger();
    edit_row(&l, "eia", |c| c[6] = "豫环\"2024\"3号".into());
    reports(
        &l,
        &[(
            "csv-syntax",
            "./projects/p/procedures.csv:15:36: CSV syntax error: a quote inside a field that does not start with one",
        )],
    );
}

#[test]
fn check_conflict_markers_in_every_file() {
    let l = ledger();
    let csv = l.read(CSV).replacen(
        "eia,",
        "<<<<<<< ours\neia,环评批复,env,obtained,,2024-03-01,,,,,,,\n=======\neia,",
        1,
    );
    let csv = csv.replacen("energy,", ">>>>>>> theirs\nenergy,", 1);
    l.write(CSV, &csv);
    l.write(
        RECORD,
        "name = \"P\"\n<<<<<<< HEAD\ntype = \"chemical\"\n=======\ntype = \"industrial\"\n>>>>>>> other\nopened = 2024-03-01\n",
    );
    let settings = l.read("ledger.toml").replacen(
        "lang = \"en\"",
        "<<<<<<< HEAD\nlang = \"en\"\n=======\nlang = \"zh\"\n>>>>>>> b",
        1,
    );
    l.write("ledger.toml", &settings);
    let out = reports(
        &l,
        &[
            (
                "conflict-marker",
                "./ledger.toml:15: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./ledger.toml:17: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./ledger.toml:19: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/project.toml:2: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/project.toml:4: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/project.toml:6: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/procedures.csv:15: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/procedures.csv:17: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/procedures.csv:19: git conflict marker left in the file",
            ),
        ],
    );
    assert!(out.contains("15 | <<<<<<< ours\n"), "{out}");
    assert!(out.contains("taizhang git setup"), "{out}");
    assert!(out.contains("resolve the merge by hand"), "{out}");
}

#[test]
fn check_encoding() {
    let l = ledger();
    let mut bytes = l.read(CSV).into_bytes();
    // "环评" in GBK, as an old Excel would save it.
    let at = bytes.len() - 1;
    bytes.splice(at..at, [0xbb, 0xb7, 0xc6, 0xc0]);
    std::fs::write(l.file(CSV), bytes).unwrap();
    reports(
        &l,
        &[(
            "encoding",
            "./projects/p/procedures.csv:27:50: the file is not valid UTF-8; save it as UTF-8",
        )],
    );
}

#[test]
fn check_unreadable() {
    let l = ledger();
    std::fs::remove_file(l.file(CSV)).unwrap();
    std::fs::create_dir(l.file(CSV)).unwrap();
    let run = l.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["problems"][0]["code"], "unreadable");
    assert_eq!(v["problems"][0]["file"], "./projects/p/procedures.csv");
    let text = l.run(&["check"]).stdout;
    assert!(
        text.starts_with("./projects/p/procedures.csv: cannot read the file: "),
        "{text}"
    );
}

#[test]
fn check_missing_key() {
    let l = ledger();
    l.write(RECORD, "name = \"P\"\ntype = \"chemical\"\n");
    let settings = l
        .read("ledger.toml")
        .replacen("lead = \"县自然资源局\"\n", "", 1);
    l.write("ledger.toml", &settings);
    reports(
        &l,
        &[
            ("missing-key", "./ledger.toml:58:1: missing `lead`"),
            (
                "missing-key",
                "./projects/p/project.toml:1:1: missing `opened` (the date the project was opened)",
            ),
        ],
    );
    let bare = Ledger::new();
    // (lang = "en": a ledger.toml without `lang` is Chinese.)
    bare.write(
        "ledger.toml",
        "name = \"x\"\nlang = \"en\"\n[[taskforce]]\nkey = \"a\"\nname = \"A\"\nlead = \"L\"\n",
    );
    reports(
        &bare,
        &[("missing-key", "./ledger.toml: no [[type]] defined")],
    );
}

#[test]
fn check_bad_values() {
    let l = ledger();
    l.write(
        RECORD,
        "name = \"P\"\ntype = \"chemical\"\ninvestment = \"三亿\"\nopened = 2024-03-01\nplanned_start = \"2024-02-30\"\n",
    );
    edit_row(&l, "eia", |c| {
        c[DUE] = "2024/05/01".into();
        c[STATUS] = "done".into();
    });
    reports(
        &l,
        &[
            (
                "bad-value",
                "./projects/p/project.toml:3:14: `investment`: invalid amount \"三亿\": expected an amount in 万元 as digits with an optional decimal point, e.g. 3500 or 3500.25",
            ),
            (
                "bad-value",
                "./projects/p/project.toml:5:17: `planned_start`: invalid date \"2024-02-30\": no such day in the calendar; expected YYYY-MM-DD, e.g. 2024-03-15",
            ),
            (
                "bad-value",
                "./projects/p/procedures.csv:15:14: column \"status\": invalid status \"done\": expected pending, obtained, pledged or not-needed",
            ),
            (
                "bad-value",
                "./projects/p/procedures.csv:15:19: column \"due\": invalid date \"2024/05/01\": expected YYYY-MM-DD, e.g. 2024-03-15",
            ),
        ],
    );
}

#[test]
fn check_duplicate_key_and_unknown_taskforce_in_settings() {
    let l = ledger();
    let mut settings = l.read("ledger.toml");
    settings.push_str(
        "\n[[procedure]]\nkey = \"eia\"\nname = \"环评\"\ntaskforce = \"env\"\ntypes = [\"*\"]\n\n[[procedure]]\nkey = \"fire\"\nname = \"消防\"\ntaskforce = \"firemen\"\ntypes = [\"*\"]\n",
    );
    l.write("ledger.toml", &settings);
    let n = settings.lines().count();
    reports(
        &l,
        &[
            (
                "duplicate-key",
                &format!(
                    "./ledger.toml:{}:1: procedure `eia` is defined twice",
                    n - 10
                ),
            ),
            (
                "unknown-taskforce",
                &format!(
                    "./ledger.toml:{}:13: unknown task force \"firemen\": expected one of land, env, build, relics, transport, water, supervision",
                    n - 1
                ),
            ),
        ],
    );
}

#[test]
fn check_unknown_type_taskforce_and_procedure() {
    let l = ledger();
    let record = l.read(RECORD).replace("\"chemical\"", "\"spaceport\"");
    l.write(RECORD, &format!("{record}zone = \"moon\"\n"));
    edit_row(&l, "eia", |c| c[2] = "envx".into());
    edit_row(&l, "energy", |c| c[0] = "teleport".into());
    reports(
        &l,
        &[
            (
                "unknown-type",
                "./projects/p/project.toml:5:1: unknown project type \"spaceport\": expected one of industrial (工业), chemical (化工), logistics (物流), transport (交通), water (水利), municipal (市政), public (社会事业)",
            ),
            (
                "unknown-zone",
                "./projects/p/project.toml:9:1: unknown development zone \"moon\": expected a [[zone]] key of ledger.toml: kfq",
            ),
            (
                "unknown-taskforce",
                "./projects/p/procedures.csv:15:10: procedure \"eia\": unknown task force \"envx\": expected one of land, env, build, relics, transport, water, supervision",
            ),
            (
                "unknown-procedure",
                "./projects/p/procedures.csv:16:1: unknown procedure \"teleport\": not in the catalogue of ledger.toml",
            ),
        ],
    );
}

#[test]
fn check_missing_and_duplicate_columns() {
    let l = ledger();
    let csv = l.read(CSV).replacen(",note,", ",notes,", 1);
    l.write(CSV, &csv);
    l.open("q");
    let csv: String = l
        .read("projects/q/procedures.csv")
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("{line},status\n")
            } else {
                format!("{line},\n")
            }
        })
        .collect();
    l.write("projects/q/procedures.csv", &csv);
    l.open("r");
    l.write("projects/r/procedures.csv", "");
    reports(
        &l,
        &[
            (
                "missing-column",
                "./projects/p/procedures.csv:1: missing column(s) note: expected a header with procedure,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note,applied",
            ),
            (
                "duplicate-column",
                "./projects/q/procedures.csv:1: column \"status\" appears twice in the header",
            ),
            (
                "missing-column",
                "./projects/r/procedures.csv: the file is empty: expected a header line procedure,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note,applied",
            ),
        ],
    );
}

#[test]
fn check_column_count_and_duplicate_rows() {
    let l = ledger();
    edit_row(&l, "eia", |c| {
        c.pop();
    });
    let mut csv = l.read(CSV);
    csv.push_str("energy,节能审查,supervision,pending,,,,,,,,,,\n");
    l.write(CSV, &csv);
    reports(
        &l,
        &[
            (
                "column-count",
                "./projects/p/procedures.csv:15: row has 13 fields, the header has 14",
            ),
            (
                "duplicate-procedure",
                "./projects/p/procedures.csv:28: procedure \"energy\" appears twice (first on line 16)",
            ),
        ],
    );
}

#[test]
fn check_pledge_rules() {
    let l = ledger();
    edit_row(&l, "eia", |c| {
        c[STATUS] = "pledged".into();
        c[PLEDGED] = "2024-03-01".into();
        c[PLEDGE_DUE] = "2024-04-01".into();
    });
    edit_row(&l, "energy", |c| {
        c[STATUS] = "pledged".into();
        c[KIND] = "notify".into();
        c[PLEDGED] = "2024-03-01".into();
    });
    edit_row(&l, "flood", |c| {
        c[STATUS] = "obtained".into();
        c[OBTAINED] = "2024-03-01".into();
        c[FULFILLED] = "2024-03-01".into();
    });
    edit_row(&l, "relics", |c| c[STATUS] = "obtained".into());
    reports(
        &l,
        &[
            (
                "pledge-without-kind",
                "./projects/p/procedures.csv:15: procedure \"eia\": status is pledged but pledge_kind is empty: expected tolerance or notify",
            ),
            (
                "pledge-without-deadline",
                "./projects/p/procedures.csv:16: procedure \"energy\": a pledge without a deadline: pledge_due must hold the commitment deadline (承诺时限)",
            ),
            (
                "fulfilled-without-pledge",
                "./projects/p/procedures.csv:19: procedure \"flood\": a fulfilled date on a procedure that was never pledged",
            ),
            (
                "obtained-without-date",
                "./projects/p/procedures.csv:20: procedure \"relics\": status is obtained but the obtained date is empty",
            ),
        ],
    );
}

/// Column index of `applied` in procedures.csv.
const APPLIED: usize = 13;

/// History is not a problem: dates before `opened` are accepted by check,
/// by every command, by import; only the impossible is an error.
#[test]
fn check_impossible_dates() {
    let l = ledger();
    // Obtained long before the project entered the ledger: history.
    edit_row(&l, "eia", |c| {
        c[STATUS] = "obtained".into();
        c[OBTAINED] = "2023-02-28".into();
    });
    l.run(&["check"]).ok();
    edit_row(&l, "eia", |c| c[APPLIED] = "2023-03-01".into());
    edit_row(&l, "energy", |c| {
        c[STATUS] = "obtained".into();
        c[OBTAINED] = "2024-03-02".into();
    });
    edit_row(&l, "soil-water", |c| {
        c[STATUS] = "obtained".into();
        c[KIND] = "tolerance".into();
        c[PLEDGED] = "2024-02-10".into();
        c[PLEDGE_DUE] = "2024-02-01".into();
        c[OBTAINED] = "2024-02-09".into();
        c[FULFILLED] = "2024-02-09".into();
    });
    reports(
        &l,
        &[
            (
                "obtained-before-applied",
                "./projects/p/procedures.csv:15:34: procedure \"eia\": obtained 2023-02-28 before it was applied for (2023-03-01)",
            ),
            (
                "fulfilled-before-pledged",
                "./projects/p/procedures.csv:17:90: procedure \"soil-water\": pledge fulfilled 2024-02-09 before it was granted (2024-02-10)",
            ),
            (
                "deadline-before-pledge",
                "./projects/p/procedures.csv:17:78: procedure \"soil-water\": pledge deadline 2024-02-01 before the pledge (2024-02-10)",
            ),
            // Only `check` knows today: its findings come after the
            // file's own.
            (
                "date-after-today",
                "./projects/p/procedures.csv:16:35: procedure \"energy\": obtained date 2024-03-02 is after today (2024-03-01)",
            ),
        ],
    );
    // A later day: the energy date is no longer in the future.
    let later = l.run(&["check", "--today", "2024-03-02"]);
    assert_eq!(later.code, 1);
    assert!(!later.stdout.contains("date-after-today") && !later.stdout.contains("after today"));
}

/// Runs `check` and asserts it passes with exactly the warnings `expected`
/// (code, headline), in order, marked `warning:` in the text and
/// `"severity": "warning"` in JSON; `--deny-warnings` exits 1.
#[track_caller]
fn warns(l: &Ledger, expected: &[(&str, &str)]) {
    let run = l.run(&["check"]).ok();
    let headlines: Vec<&str> = run.stdout.lines().filter(|s| s.starts_with("./")).collect();
    let want: Vec<String> = expected
        .iter()
        .map(|(_, h)| h.replacen(": ", ": warning: ", 1))
        .collect();
    assert_eq!(headlines, want, "check printed:\n{}", run.stdout);
    assert!(
        run.stdout.ends_with(&format!(
            "0 problem(s), {} warning(s) in .\n",
            expected.len()
        )),
        "{}",
        run.stdout
    );
    let json = l.run(&["check", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let problems = v["problems"].as_array().unwrap();
    let codes: Vec<&str> = problems
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = expected.iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, want);
    assert!(problems.iter().all(|p| p["severity"] == "warning"));
    assert_eq!(
        (v["errors"].as_u64(), v["warnings"].as_u64()),
        (Some(0), Some(expected.len() as u64))
    );
    let deny = l.run(&["check", "--deny-warnings"]);
    assert_eq!(deny.code, 1, "{}", deny.stdout);
    assert_eq!(deny.stdout, run.stdout);
}

/// The unusual but possible: each a warning that blocks nothing.
#[test]
fn check_warnings_never_block() {
    let l = Ledger::new();
    l.open_with(
        "p",
        &[
            "--name",
            "盛润",
            "--type",
            "water",
            "--code",
            "2403-410927-04-01-382615",
            "--investment",
            "100",
            "--today",
            "2024-03-01",
        ],
    );
    l.open_with(
        "q",
        &[
            "--name",
            "路",
            "--type",
            "water",
            "--code",
            "2403-410927-04-01-382615",
            "--planned-start",
            "2023-01-15",
            "--today",
            "2024-03-01",
        ],
    );
    // Every procedure of p obtained but one; works started before it.
    for key in [
        "approval",
        "land-prereview",
        "land-planning",
        "land-title",
        "works-planning",
        "eia",
        "soil-water",
        "water-abstraction",
        "flood",
        "drawing-review",
        "construction-permit",
    ] {
        let _ = l.run(&["tick", "p", key, "--date", "2024-02-01"]);
    }
    l.run(&["progress", "p", "--invested", "150", "--date", "2024-03-01"])
        .ok();
    l.run(&["plan", "p", "--year", "2035", "--amount", "10"])
        .ok();
    let pending: Vec<String> = l
        .read("projects/p/procedures.csv")
        .lines()
        .skip(1)
        .filter(|r| r.split(',').nth(3) == Some("pending"))
        .map(|r| r.split(',').next().unwrap().to_string())
        .collect();
    l.run(&["start", "p", "--date", "2024-02-15"]).ok();
    let record = l.read("projects/p/project.toml");
    let plan_line = record
        .lines()
        .position(|x| x.starts_with("\"2035\"") || x.starts_with("2035"))
        .unwrap()
        + 1;
    let q_record = l.read("projects/q/project.toml");
    let q_plan = q_record
        .lines()
        .position(|x| x.starts_with("planned_start"))
        .unwrap()
        + 1;
    warns(
        &l,
        &[
            (
                "plan-year-far",
                &format!(
                    "./projects/p/project.toml:{plan_line}:1: `annual_plan` for 2035, more than 5 years from the project (opened 2024-03-01)"
                ),
            ),
            (
                "started-before-approval",
                &format!(
                    "./projects/p/procedures.csv: works started on 2024-02-15 while {} procedure(s) were neither obtained nor pledged (未批先建): {}",
                    pending.len(),
                    pending.join(", ")
                ),
            ),
            (
                "investment-above-total",
                "./projects/p/progress.csv: 150 万元 invested by 2024-03-01 is more than the total investment of 100 万元 in project.toml",
            ),
            (
                "planned-start-long-past",
                &format!(
                    "./projects/q/project.toml:{q_plan}:1: `planned_start` 2023-01-15 is 411 days past and works have not started"
                ),
            ),
            (
                "duplicate-code",
                "./projects/q/project.toml: national project code 2403-410927-04-01-382615 is also the code of project \"p\"",
            ),
        ],
    );
    // Reads and writes go on.
    l.run(&["list"]).ok();
    l.run(&["report", "overdue"]).ok();
    l.run(&["report", "weekly"]).ok();
    l.run(&["show", "q"]).ok();
    l.run(&["tick", "q", "approval"]).ok();
    l.run(&["start", "q"]).ok();
}

#[test]
fn check_progress_and_problem_ledgers() {
    let l = ledger();
    l.write(
        "projects/p/progress.csv",
        "date,invested,note\n2024-03-10,100,\n2024-03-10,120,\n",
    );
    l.write(
        "projects/p/problems.csv",
        "no,what,unit,limit,opened,resolved,how\n\
         1,征地,县自然资源局,2024-04-01,2024-03-05,2024-03-04,\n\
         1,环评,县生态环境局,2024-04-01,2024-03-05,,\n",
    );
    reports(
        &l,
        &[
            (
                "duplicate-date",
                "./projects/p/progress.csv:3: a second entry for 2024-03-10 (first on line 2): keep one entry per day",
            ),
            (
                "resolved-before-opened",
                "./projects/p/problems.csv:2: problem resolved on 2024-03-04, before it was opened (2024-03-05)",
            ),
            (
                "duplicate-number",
                "./projects/p/problems.csv:3: problem number 1 appears twice (first on line 2)",
            ),
        ],
    );
}

/// The coordination files (issue 13): funds, visits, problem categories,
/// meetings; each problem located.
#[test]
fn check_coordination_files() {
    let l = ledger();
    l.write(
        "projects/p/funds.csv",
        "date,source,kind,amount,note\n2024-03-01,专项债,received,100,\n2024-03-02,专项债券,spent,-5,\n",
    );
    l.write(
        "projects/p/visits.csv",
        "date,by,findings,problem\n2024-03-01,督导组,用电不足,4\n",
    );
    l.write(
        "projects/p/problems.csv",
        "no,what,unit,limit,opened,resolved,how,category\n1,征地,县自然资源局,2024-04-01,2024-03-05,,,电力\n",
    );
    l.write(
        "meetings/2024-03-02.toml",
        "date = 2024-03-01\ntitle = \"调度会\"\n\n[[decision]]\nno = 1\nwhat = \"协调\"\nunit = \"县水利局\"\ndue = 2024-03-10\nproject = \"nope\"\n",
    );
    reports(
        &l,
        &[
            (
                "unknown-category",
                "./projects/p/problems.csv:2: unknown problem category \"电力\": expected one of 用地, 资金, 征迁, 手续, 水电气, 其他 (`[problems] categories` in ledger.toml)",
            ),
            (
                "unknown-source",
                "./projects/p/funds.csv:2: unknown source of funds \"专项债\": expected one of 专项债券, 中央预算内投资, 超长期特别国债, 省市补助, 银行贷款, 企业自筹, 其他 (`[funds] sources` in ledger.toml)",
            ),
            (
                "bad-value",
                "./projects/p/funds.csv:3:17: column \"kind\": invalid kind \"spent\": expected planned (计划), received (到位) or paid (支付)",
            ),
            (
                "bad-value",
                "./projects/p/funds.csv:3:23: column \"amount\": invalid amount \"-5\": expected an amount in 万元 as digits with an optional decimal point, e.g. 3500 or 3500.25",
            ),
            (
                "unknown-problem",
                "./projects/p/visits.csv:2: the visit names problem 4, which is not in problems.csv",
            ),
            (
                "bad-file-name",
                "./meetings/2024-03-02.toml:1:8: the meeting is dated 2024-03-01 but the file is named 2024-03-02.toml: name it 2024-03-01.toml",
            ),
            (
                "unknown-project",
                "./meetings/2024-03-02.toml:9:11: unknown project \"nope\": no folder projects/nope",
            ),
        ],
    );
    // Paying out more than was received is a warning only.
    std::fs::remove_dir_all(l.file("meetings")).unwrap();
    l.write("projects/p/visits.csv", "date,by,findings,problem\n");
    l.write(
        "projects/p/problems.csv",
        "no,what,unit,limit,opened,resolved,how\n",
    );
    l.write(
        "projects/p/funds.csv",
        "date,source,kind,amount,note\n2024-03-01,专项债券,received,100,\n2024-03-02,专项债券,paid,150,\n",
    );
    let json = l.run(&["check", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["problems"][0]["code"], "paid-exceeds-received");
    assert_eq!(v["problems"][0]["severity"], "warning");
}

#[test]
fn check_stage_history() {
    let l = ledger();
    l.write(
        RECORD,
        &format!(
            "{}\n[[stages]]\nstage = \"completed\"\ndate = 2024-02-20\n",
            l.read(RECORD)
        ),
    );
    reports(
        &l,
        &[(
            "stage-history",
            "./projects/p/project.toml:11:9: stage history: change to completed on 2024-02-20: works have not started (开工): a project is completed only after it started; record the start with `taizhang start` first",
        )],
    );
}

/// A warning, not a problem: `check` still exits 0.
#[test]
fn check_calendar_not_covered() {
    let l = ledger();
    edit_row(&l, "approval", |c| c[DUE] = "2031-01-10".into());
    let run = l.run(&["check"]).ok();
    assert_eq!(
        run.stdout.lines().next().unwrap(),
        "./projects/p/procedures.csv:2: warning: procedure \"approval\": due date 2031-01-10 falls in 2031, a year the working-day calendar does not cover"
    );
    assert!(
        run.stdout.ends_with("0 problem(s), 1 warning(s) in .\n"),
        "{}",
        run.stdout
    );
    let json = l.run(&["check", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["problems"].as_array().unwrap().len(), 1);
    assert_eq!(v["problems"][0]["code"], "calendar-not-covered");
    assert_eq!(v["problems"][0]["severity"], "warning");
}

#[test]
#[cfg(unix)]
fn check_project_folders() {
    let l = ledger();
    std::fs::create_dir_all(l.file("projects/Bad Name")).unwrap();
    l.write("projects/no-record/procedures.csv", &l.read(CSV));
    l.write("projects/no-table/project.toml", &l.read(RECORD));
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.toml"), "name = \"x\"\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), l.file("projects/linked")).unwrap();
    l.open("q");
    std::fs::remove_file(l.file("projects/q/project.toml")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.toml"),
        l.file("projects/q/project.toml"),
    )
    .unwrap();
    reports(
        &l,
        &[
            (
                "bad-id",
                "./projects/Bad Name: project folder name: invalid project ID \"Bad Name\": expected a short slug of lower-case letters, digits, '-' and '_' (e.g. shengrun-hq), at most 64 characters",
            ),
            (
                "symlink",
                "./projects/linked: project folder is a symbolic link; taizhang does not follow links out of the ledger",
            ),
            (
                "missing-record",
                "./projects/no-record: project folder without its record project.toml",
            ),
            (
                "missing-procedures",
                "./projects/no-table: project folder without its procedure ledger procedures.csv",
            ),
            (
                "symlink",
                "./projects/q/project.toml: a symbolic link in place of a ledger file; taizhang does not follow links out of the ledger",
            ),
        ],
    );
}

/// Every code `check` can report has a fixture above: this list must name
/// them all, and each name must occur in a `reports` call of this file.
#[test]
fn every_problem_code_has_a_fixture() {
    let codes: BTreeSet<&str> = taizhang::store::problem::CODES
        .iter()
        .map(|(c, _)| *c)
        .collect();
    let source = include_str!("reliability.rs");
    for code in &codes {
        assert!(
            source.contains(&format!("\"{code}\","))
                || source.contains(&format!("[\"code\"], \"{code}\"")),
            "problem code {code} has no fixture"
        );
    }
}

// ---------------------------------------------------------------------------
// writes: no lost updates, no torn files, no writing over a broken file
// ---------------------------------------------------------------------------

/// A ledger whose catalogue has `n` procedures `p000`… of one task force,
/// all on the task list of type `t`, with project `big` opened.
/// On a RAM disk where there is one: the test is about lost updates, and
/// flushing 400 writes to a real disk only makes it slow.
fn big_ledger(n: usize) -> Ledger {
    let shm = std::path::Path::new("/dev/shm");
    let l = if shm.is_dir() {
        Ledger::new_in(shm)
    } else {
        Ledger::new()
    };
    let mut toml = String::from(
        "name = \"big\"\nlang = \"en\"\n\n[[taskforce]]\nkey = \"tf\"\nname = \"专班\"\nlead = \"单位\"\n\n[[type]]\nkey = \"t\"\nname = \"类型\"\n",
    );
    for i in 0..n {
        toml.push_str(&format!(
            "\n[[procedure]]\nkey = \"p{i:03}\"\nname = \"手续{i}\"\ntaskforce = \"tf\"\ntypes = [\"*\"]\n"
        ));
    }
    l.write("ledger.toml", &toml);
    l.run(&["open", "big", "--name", "大项目", "--type", "t"])
        .ok();
    l
}

/// Cells of each row of a CSV without quoted fields, by procedure key.
fn rows(csv: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<String> = l.split(',').map(str::to_string).collect();
            (cells[0].clone(), cells)
        })
        .collect()
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let l = big_ledger(400);
    let dir = l.path().to_path_buf();
    let ticker = {
        let dir = dir.clone();
        std::thread::spawn(move || {
            for i in 0..200 {
                let key = format!("p{i:03}");
                run_in(&dir, &["tick", "big", &key, "--today", TODAY]).ok();
            }
        })
    };
    let pledger = std::thread::spawn(move || {
        for i in 200..400 {
            let key = format!("p{i:03}");
            run_in(
                &dir,
                &[
                    "pledge",
                    "big",
                    &key,
                    "--due",
                    "2024-04-01",
                    "--kind",
                    "tolerance",
                    "--items",
                    "材料",
                    "--today",
                    TODAY,
                ],
            )
            .ok();
        }
    });
    ticker.join().unwrap();
    pledger.join().unwrap();
    let rows = rows(&l.read("projects/big/procedures.csv"));
    assert_eq!(rows.len(), 400);
    for (key, cells) in &rows {
        let i: usize = key[1..].parse().unwrap();
        if i < 200 {
            assert_eq!(
                (&*cells[STATUS], &*cells[OBTAINED]),
                ("obtained", TODAY),
                "{key}"
            );
        } else {
            assert_eq!(
                (&*cells[STATUS], &*cells[KIND], &*cells[PLEDGE_DUE]),
                ("pledged", "tolerance", "2024-04-01"),
                "{key}"
            );
        }
    }
    assert_eq!(l.run(&["check"]).ok().stdout, "");
}

/// Every file of the ledger but the lock and temporary files a killed
/// writer left behind.
fn files(l: &Ledger) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    l.snapshot()
        .into_iter()
        .filter(|(p, _)| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".taizhang-")
        })
        .collect()
}

/// Copies a ledger's files into a fresh directory.
fn copy_of(l: &Ledger) -> Ledger {
    let copy = Ledger::new();
    for (rel, bytes) in files(l) {
        let path = copy.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    copy
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_or_the_new_state() {
    let l = big_ledger(40);
    // A small fixed-seed generator: the moments vary, the test repeats.
    let mut seed: u64 = 0x2024_0301;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut killed = 0;
    for i in 0..40 {
        let key = format!("p{i:03}");
        let args: Vec<&str> = match i % 3 {
            0 => vec!["tick", "big", &key],
            1 => vec![
                "pledge",
                "big",
                &key,
                "--due",
                "2024-04-01",
                "--kind",
                "notify",
                "--items",
                "承诺书",
            ],
            _ if i == 2 => vec!["start", "big"],
            _ => vec!["due", "big", &key, "2024-05-01"],
        };
        let before = files(&l);
        // The state a complete run would leave, from a copy.
        let done = copy_of(&l);
        let mut all = args.clone();
        all.extend(["--today", TODAY]);
        let _ = run_in(done.path(), &all);
        let after = files(&done);
        let mut child = taizhang()
            .current_dir(l.path())
            .args(&all)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(next() % 15_000));
        if child.kill().is_ok() {
            killed += 1;
        }
        child.wait().unwrap();
        let now = files(&l);
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &now {
            assert!(
                bytes == &before[path] || bytes == &after[path],
                "round {i}: {} is neither the old nor the new state:\n{}",
                path.display(),
                String::from_utf8_lossy(bytes)
            );
        }
        // Sound: no error (works started with procedures pending is a
        // warning, 未批先建).
        let check = l.run(&["check"]).ok().stdout;
        assert!(!check.contains("error"), "round {i}: {check}");
    }
    assert!(killed > 0, "no writer was killed; the test proved nothing");
}

#[test]
fn a_write_is_refused_when_the_file_it_would_change_does_not_parse() {
    let l = ledger();
    l.open("q");
    edit_row(&l, "eia", |c| c[DUE] = "soon".into());
    let before = l.snapshot();
    let run = l.run(&["tick", "p", "energy"]).fails_with(
        "project \"p\" cannot be used: 1 problem(s); run `taizhang check` for details\n  ./projects/p/procedures.csv:15:22: column \"due\": invalid date \"soon\"",
    );
    assert_eq!(run.stdout, "");
    assert!(l.snapshot() == before, "a refused write changed files");
    // The broken record blocks writes to it too.
    l.write(
        RECORD,
        "name = \"P\"\ntype = \"chemical\"\nopened = 2024-03-01\nstarted = 2024-13-01\n",
    );
    let before = l.snapshot();
    l.run(&["start", "p"])
        .fails_with("./projects/p/project.toml:4:11: TOML syntax error: invalid date");
    assert!(l.snapshot() == before, "a refused write changed files");
    // Another project's files are not in the way.
    l.run(&["tick", "q", "eia"]).ok();
    // A broken ledger.toml blocks every write.
    l.write("ledger.toml", "name = \n");
    l.run(&["tick", "q", "energy"])
        .fails_with("cannot use ./ledger.toml: 1 problem(s)");
}

// ---------------------------------------------------------------------------
// git: the merge driver for procedures.csv
// ---------------------------------------------------------------------------

/// Runs git in `dir`, asserting success; its stdout.
#[track_caller]
fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PATH", path_with_taizhang())
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

/// Makes `dir` a repository with a committer, without touching the user's
/// own git config.
fn git_identity(dir: &std::path::Path, who: &str) {
    git(dir, &["config", "user.name", who]);
    git(
        dir,
        &["config", "user.email", &format!("{who}@example.org")],
    );
    git(dir, &["config", "commit.gpgsign", "false"]);
}

/// A ledger in a git repository with project `p` committed and the merge
/// driver set up, and a clone of it with the driver set up too.
fn two_clerks() -> (Ledger, tempfile::TempDir) {
    let l = Ledger::new();
    git(l.path(), &["init", "-q", "-b", "main"]);
    git_identity(l.path(), "wang");
    l.run(&["git", "setup"]).ok();
    l.open("p");
    git(l.path(), &["add", "-A"]);
    git(l.path(), &["commit", "-q", "-m", "open p"]);
    let other = tempfile::tempdir().unwrap();
    git(
        other.path(),
        &["clone", "-q", l.path().to_str().unwrap(), "b"],
    );
    let b = other.path().join("b");
    git_identity(&b, "li");
    run_in(&b, &["git", "setup"]).ok();
    (l, other)
}

/// Runs taizhang in the clone as of `TODAY`.
fn in_clone(dir: &tempfile::TempDir, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--today", TODAY]);
    run_in(&dir.path().join("b"), &all)
}

fn commit_all(dir: &std::path::Path, msg: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", msg]);
}

/// Adds an unknown column `contact` with a value on the row of `key`.
fn add_contact(path: &std::path::Path, key: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let out: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{l},contact\n"),
            _ if l.starts_with(&format!("{key},")) => format!("{l},张工 13800000000\n"),
            _ => format!("{l},\n"),
        })
        .collect();
    std::fs::write(path, out).unwrap();
}

const ATTRIBUTES: &str = "# Merge ledger files row by row and key by key (`taizhang git setup`).\nprojects/*/procedures.csv merge=taizhang\nprojects/*/progress.csv merge=taizhang\nprojects/*/problems.csv merge=taizhang\nprojects/*/funds.csv merge=taizhang\nprojects/*/visits.csv merge=taizhang\nprojects/*/project.toml merge=taizhang\n";

#[test]
fn git_setup_registers_the_driver_locally_and_writes_gitattributes() {
    let l = Ledger::new();
    assert_eq!(l.read(".gitattributes"), ATTRIBUTES);
    l.refuses(
        &["git", "setup"],
        "is not in a git repository: run `git init` there first",
    );
    git(l.path(), &["init", "-q"]);
    // A clerk's own file, with the line an earlier version wrote.
    l.write(
        ".gitattributes",
        "*.md text\nprojects/*/procedures.csv merge=taizhang-csv\n",
    );
    let run = l
        .run_env(
            "",
            &[("PATH", path_with_taizhang().to_str().unwrap())],
            &["git", "setup"],
        )
        .ok();
    let top = std::fs::canonicalize(l.path()).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_taizhang"));
    assert_eq!(
        run.stdout,
        format!(
            "Registered the merge driver taizhang in the git config of {}: git runs `taizhang merge-file %O %A %B %P`.\ntaizhang is found on the PATH at {}.\nWrote ./.gitattributes.\n",
            top.display(),
            bin.display()
        )
    );
    assert_eq!(
        l.read(".gitattributes"),
        format!("*.md text\nprojects/*/procedures.csv merge=taizhang-csv\n{ATTRIBUTES}")
    );
    // By name, not by path: it keeps working when the program moves. The
    // earlier name is kept working for an old .gitattributes.
    for name in ["taizhang", "taizhang-csv"] {
        assert_eq!(
            git(
                l.path(),
                &["config", "--local", &format!("merge.{name}.driver")],
            ),
            "taizhang merge-file %O %A %B %P\n"
        );
    }
    for file in [
        "procedures.csv",
        "progress.csv",
        "problems.csv",
        "project.toml",
    ] {
        assert_eq!(
            git(
                l.path(),
                &["check-attr", "merge", &format!("projects/p/{file}")]
            ),
            format!("projects/p/{file}: merge: taizhang\n")
        );
    }
    // Running it again changes nothing.
    let before = l.snapshot();
    l.run(&["git", "setup"]).ok();
    assert!(l.snapshot() == before);
    // Without taizhang on the PATH it still registers, and says git will
    // not find it.
    let run = l
        .run_env("", &[("PATH", "/usr/bin:/bin")], &["git", "setup"])
        .ok();
    assert!(
        run.stderr.starts_with(
            "warning: taizhang is not on the PATH, so git cannot run the merge driver"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn check_warns_when_the_merge_driver_cannot_run() {
    let l = Ledger::new();
    git(l.path(), &["init", "-q"]);
    let with_path = [("PATH", path_with_taizhang())];
    let env: Vec<(&str, &str)> = with_path
        .iter()
        .map(|(k, v)| (*k, v.to_str().unwrap()))
        .collect();
    // Not set up in this clone.
    let run = l.run_env("", &env, &["check"]);
    assert_eq!(run.code, 0, "a warning never fails the check: {run:?}");
    assert_eq!(
        run.stdout.lines().next().unwrap(),
        "./.gitattributes: warning: the merge driver taizhang named here is not set up in this clone: git merges the ledger files line by line; run `taizhang git setup`"
    );
    let json = l.run_env("", &env, &["check", "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["problems"][0]["code"], "merge-driver");
    assert_eq!(v["problems"][0]["severity"], "warning");
    l.run_env("", &env, &["git", "setup"]).ok();
    assert_eq!(l.run_env("", &env, &["check"]).ok().stdout, "");
    // A program that was moved away: the command git would run is gone.
    git(
        l.path(),
        &[
            "config",
            "merge.taizhang.driver",
            "'/opt/gone/taizhang' merge-csv %O %A %B %P",
        ],
    );
    let run = l.run_env("", &env, &["check"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.lines().next().unwrap(),
        "./.gitattributes: warning: the merge driver taizhang runs `'/opt/gone/taizhang' merge-csv %O %A %B %P`, which cannot be run here: git would keep one side of a merged file without a conflict marker; run `taizhang git setup` (and put taizhang on the PATH)"
    );
    // By name, when taizhang is not on the PATH.
    l.run_env("", &env, &["git", "setup"]).ok();
    let run = l.run_env("", &[("PATH", "/usr/bin:/bin")], &["check"]);
    assert!(
        run.stdout
            .contains("runs `taizhang merge-file %O %A %B %P`, which cannot be run here"),
        "{run:?}"
    );
}

#[test]
fn concurrent_edits_of_different_procedures_and_cells_merge_cleanly() {
    let (a, other) = two_clerks();
    let b = other.path().join("b");
    let csv_b = b.join(CSV);
    // Clerk A: eia obtained, safety given a due date.
    a.run(&["tick", "p", "eia", "--doc", "豫环审〔2024〕3号"])
        .ok();
    a.run(&["due", "p", "safety", "2024-05-20"]).ok();
    commit_all(a.path(), "a");
    // Clerk B: energy and safety pledged (safety: other cells than A's),
    // and a column taizhang does not know, on the eia row A changed.
    in_clone(
        &other,
        &[
            "pledge",
            "p",
            "energy",
            "--due",
            "2024-04-01",
            "--kind",
            "notify",
            "--items",
            "承诺书",
        ],
    )
    .ok();
    in_clone(
        &other,
        &[
            "pledge",
            "p",
            "safety",
            "--due",
            "2024-04-15",
            "--kind",
            "tolerance",
            "--items",
            "图纸",
        ],
    )
    .ok();
    add_contact(&csv_b, "eia");
    commit_all(&b, "b");
    // What both clerks' work together must give, made in a third copy.
    let expected = copy_of(&a);
    for args in [
        &[
            "pledge",
            "p",
            "energy",
            "--due",
            "2024-04-01",
            "--kind",
            "notify",
            "--items",
            "承诺书",
        ][..],
        &[
            "pledge",
            "p",
            "safety",
            "--due",
            "2024-04-15",
            "--kind",
            "tolerance",
            "--items",
            "图纸",
        ],
    ] {
        expected.run(args).ok();
    }
    add_contact(&expected.file(CSV), "eia");

    git(
        &b,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    assert_eq!(std::fs::read_to_string(&csv_b).unwrap(), expected.read(CSV));
    assert_eq!(in_clone(&other, &["check"]).ok().stdout, "");
    // And back the other way: A pulls B's merge, a fast-forward.
    git(
        a.path(),
        &[
            "pull",
            "-q",
            "--no-rebase",
            "--no-edit",
            b.to_str().unwrap(),
            "main",
        ],
    );
    assert_eq!(a.read(CSV), expected.read(CSV));
}

#[test]
fn the_same_cell_changed_two_ways_is_a_conflict_with_both_values() {
    let (a, other) = two_clerks();
    let b = other.path().join("b");
    a.run(&["tick", "p", "eia", "--doc", "A-1"]).ok();
    a.run(&["tick", "p", "energy"]).ok();
    commit_all(a.path(), "a");
    in_clone(&other, &["tick", "p", "eia", "--doc", "B-2"]).ok();
    in_clone(&other, &["due", "p", "flood", "2024-06-01"]).ok();
    commit_all(&b, "b");
    let out = std::process::Command::new("git")
        .args(["pull", "--no-rebase", "--no-edit", "origin", "main"])
        .env("PATH", path_with_taizhang())
        .current_dir(&b)
        .output()
        .unwrap();
    assert!(!out.status.success(), "the merge must stop on the conflict");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "CONFLICT (taizhang): projects/p/procedures.csv: procedure \"eia\": changed both ways: doc_no: ours \"B-2\", theirs \"A-1\""
        ),
        "{stdout}"
    );
    let csv = std::fs::read_to_string(b.join(CSV)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[14..20],
        [
            "<<<<<<< ours",
            "eia,环评批复,env,obtained,2024-04-30,2024-03-01,B-2,,,,,,,",
            "=======",
            "eia,环评批复,env,obtained,2024-04-30,2024-03-01,A-1,,,,,,,",
            ">>>>>>> theirs",
            "energy,节能审查,supervision,obtained,,2024-03-01,,,,,,,,",
        ]
    );
    assert!(lines.contains(&"flood,洪水影响评价,water,pending,2024-06-01,,,,,,,,,"));
    let check = in_clone(&other, &["check"]);
    assert_eq!(check.code, 1);
    let headlines: Vec<&str> = check
        .stdout
        .lines()
        .filter(|l| l.starts_with("./"))
        .collect();
    assert_eq!(
        headlines,
        [
            "./projects/p/procedures.csv: unmerged: a merge or rebase stopped on this file and git has not been told it is resolved",
            "./projects/p/procedures.csv:15: git conflict marker left in the file",
            "./projects/p/procedures.csv:17: git conflict marker left in the file",
            "./projects/p/procedures.csv:19: git conflict marker left in the file",
        ]
    );
    let json = in_clone(&other, &["check", "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["problems"][0]["code"], "unmerged");
    // Writes wait until the conflict is resolved and git is told so.
    in_clone(&other, &["tick", "p", "flood"]).fails_with(
        "a merge or rebase is not finished: nothing written: 1 problem(s); run `taizhang check` for details\n  ./projects/p/procedures.csv: unmerged",
    );
}

#[test]
fn merge_csv_falls_back_to_a_line_merge_when_a_side_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    w("o", "procedure,name\neia,环评\nflood,洪评\nsafety,安评\n");
    w(
        "a",
        "procedure,name\neia,环评\nflood,洪评\nsafety,安评\n\"broken\n",
    );
    w(
        "b",
        "procedure,name\neia,环评批复\nflood,洪评\nsafety,安评\n",
    );
    let run = run_in(
        dir.path(),
        &["merge-csv", "o", "a", "b", "p/procedures.csv"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("taizhang: p/procedures.csv: merged line by line, not row by row: our version: CSV syntax error: the quoted field opened here is never closed\n"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a")).unwrap(),
        "procedure,name\neia,环评批复\nflood,洪评\nsafety,安评\n\"broken\n"
    );
}

// ---------------------------------------------------------------------------
// git: auto-commit, history, the ledger as of a past commit
// ---------------------------------------------------------------------------

/// A ledger in a fresh git repository with everything committed.
fn ledger_in_git() -> Ledger {
    let l = ledger();
    git(l.path(), &["init", "-q", "-b", "main"]);
    git_identity(l.path(), "wang");
    commit_all(l.path(), "start the ledger");
    l
}

/// The subject and files of the last commit.
fn last_commit(l: &Ledger) -> String {
    git(l.path(), &["log", "-1", "--format=%s%n%an", "--name-only"])
}

#[test]
fn commit_makes_one_commit_of_exactly_the_changed_files() {
    let l = ledger_in_git();
    // Work of the clerk's own, staged and unstaged, stays out of it.
    l.write("notes.txt", "draft\n");
    git(l.path(), &["add", "notes.txt"]);
    l.write("todo.txt", "call 环保局\n");
    l.run(&["tick", "p", "eia", "--commit"]).ok();
    assert_eq!(
        last_commit(&l),
        "tick p eia (环评批复)\nwang\n\nprojects/p/procedures.csv\n"
    );
    assert_eq!(
        git(l.path(), &["status", "--porcelain"]),
        "A  notes.txt\n?? todo.txt\n"
    );
    l.run(&["start", "p", "--commit"]).ok();
    assert_eq!(
        last_commit(&l),
        "start p\nwang\n\nprojects/p/project.toml\n"
    );
    l.run(&["--commit", "open", "q", "--name", "二期", "--type", "化工"])
        .ok();
    assert_eq!(
        last_commit(&l),
        "open q (二期)\nwang\n\nprojects/q/procedures.csv\nprojects/q/project.toml\n"
    );
    // A refused write commits nothing.
    let head = git(l.path(), &["rev-parse", "HEAD"]);
    l.refuses(&["tick", "p", "eia", "--commit"], "already obtained");
    assert_eq!(git(l.path(), &["rev-parse", "HEAD"]), head);
}

#[test]
fn auto_commit_in_settings_commits_every_write() {
    let l = ledger_in_git();
    let settings = l
        .read("ledger.toml")
        .replace("auto_commit = false", "auto_commit = true");
    l.write("ledger.toml", &settings);
    commit_all(l.path(), "auto-commit");
    l.run(&[
        "pledge",
        "p",
        "安全条件审查",
        "--due",
        "2024-04-01",
        "--kind",
        "notify",
        "--items",
        "承诺书",
    ])
    .ok();
    assert_eq!(
        last_commit(&l),
        "pledge p safety (安全条件审查)\nwang\n\nprojects/p/procedures.csv\n"
    );
    assert_eq!(git(l.path(), &["status", "--porcelain"]), "");
}

#[test]
fn commit_outside_git_warns_and_writes_anyway() {
    let l = ledger();
    let run = l.run(&["tick", "p", "eia", "--commit"]).ok();
    assert_eq!(run.stdout, "p: 环评批复 (eia) obtained on 2024-03-01\n");
    assert_eq!(
        run.stderr,
        "warning: . is not in a git repository: the change is written but not committed\n"
    );
    assert!(l.read(CSV).contains("eia,环评批复,env,obtained,"));
}

#[test]
fn log_shows_who_changed_what() {
    let l = ledger_in_git();
    l.run(&["tick", "p", "eia", "--commit"]).ok();
    l.run(&[
        "open", "q", "--name", "二期", "--type", "chemical", "--commit",
    ])
    .ok();
    git_identity(l.path(), "li");
    l.run(&["due", "p", "flood", "2024-06-01", "--commit"]).ok();
    let cut = |out: &str| -> Vec<String> {
        out.lines()
            .map(|line| {
                let f: Vec<&str> = line.split(',').collect();
                format!("{}|{}", f[2], f[3])
            })
            .collect()
    };
    let all = l.run(&["log", "--format", "csv"]).ok().stdout;
    assert_eq!(
        cut(&all),
        [
            "Who|What",
            "li|due p flood (洪水影响评价)",
            "wang|open q (二期)",
            "wang|tick p eia (环评批复)",
            "wang|start the ledger",
        ]
    );
    let p = l.run(&["log", "p", "--format", "csv"]).ok().stdout;
    assert_eq!(
        cut(&p),
        [
            "Who|What",
            "li|due p flood (洪水影响评价)",
            "wang|tick p eia (环评批复)",
            "wang|start the ledger",
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&l.run(&["log", "q", "--format", "json"]).ok().stdout).unwrap();
    assert_eq!(json[0]["author"], "wang");
    assert_eq!(json[0]["subject"], "open q (二期)");
    assert_eq!(
        json[0]["date"].as_str().unwrap().len(),
        "2024-03-01 09:30".len()
    );
    l.refuses(&["log", "../p"], "invalid project ID \"../p\"");
    l.refuses(&["log", "nope"], "unknown project \"nope\": no folder");
    let plain = ledger();
    plain.refuses(
        &["log"],
        "is not in a git repository: there is no history to show",
    );
}

#[test]
fn at_reads_the_ledger_as_it_stood_at_a_commit() {
    let l = ledger_in_git();
    l.run(&["tick", "p", "eia", "--commit"]).ok();
    l.run(&[
        "open", "q", "--name", "二期", "--type", "chemical", "--commit",
    ])
    .ok();
    let now = l.run(&["show", "p", "--format", "json"]).ok().stdout;
    let then = l
        .run(&["show", "p", "--format", "json", "--at", "HEAD~2"])
        .ok()
        .stdout;
    let fresh = ledger();
    assert_eq!(
        then,
        fresh.run(&["show", "p", "--format", "json"]).ok().stdout
    );
    assert_ne!(then, now);
    let list_then = l
        .run(&["list", "--format", "csv", "--at", "HEAD~1"])
        .ok()
        .stdout;
    assert_eq!(list_then.lines().count(), 2, "{list_then}");
    assert_eq!(
        l.run(&["list", "--format", "csv", "--at", "HEAD"])
            .ok()
            .stdout,
        l.run(&["list", "--format", "csv"]).ok().stdout
    );
    l.run(&["check", "--at", "HEAD~2"]).ok();
    // A problem of the past is reported with the usual relative paths.
    edit_row(&l, "eia", |c| c[DUE] = "later".into());
    commit_all(l.path(), "break eia");
    edit_row(&l, "eia", |c| c[DUE] = "2024-05-01".into());
    l.run(&["check"]).ok();
    let past = l.run(&["check", "--at", "HEAD"]);
    assert_eq!(past.code, 1);
    assert!(
        past.stdout.starts_with(
            "./projects/p/procedures.csv:15:23: column \"due\": invalid date \"later\""
        ),
        "{}",
        past.stdout
    );
    // -L from elsewhere works too.
    let elsewhere = tempfile::tempdir().unwrap();
    let run = run_in(
        elsewhere.path(),
        &[
            "-L",
            l.path().to_str().unwrap(),
            "list",
            "--format",
            "csv",
            "--at",
            "HEAD~1",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    l.refuses(
        &["tick", "p", "energy", "--at", "HEAD~1"],
        "--at: only read commands",
    );
    l.refuses(&["list", "--at", "nope"], "--at: unknown revision \"nope\"");
    l.refuses(&["list", "--at=--output=x"], "--at: invalid revision");
}

// ---------------------------------------------------------------------------
// security: nothing reaches outside the ledger
// ---------------------------------------------------------------------------

#[test]
fn ids_cannot_name_paths() {
    let l = ledger();
    for bad in [
        "../p",
        "..",
        "/etc",
        "/tmp/x",
        "a/b",
        "p/../../x",
        ".",
        "./p",
        "~",
        "P",
    ] {
        let needle = format!("invalid project ID \"{bad}\"");
        l.refuses(&["tick", bad, "eia"], &needle);
        l.refuses(&["show", bad], &needle);
        l.refuses(&["open", bad, "--name", "x", "--type", "chemical"], &needle);
    }
}

/// Runs a command that must fail with `needle` and change no file; the
/// error may list the problems under its first line.
#[track_caller]
#[cfg(unix)]
fn refused(l: &Ledger, args: &[&str], needle: &str) {
    let before = l.snapshot();
    l.run(args).fails_with(needle);
    assert!(l.snapshot() == before, "files changed after {args:?}");
}

#[test]
#[cfg(unix)]
fn symlinks_out_of_the_ledger_are_not_followed() {
    let l = ledger();
    let outside = tempfile::tempdir().unwrap();
    let csv = l.read(CSV);
    // A project folder that is a link to a folder outside.
    std::fs::create_dir(outside.path().join("x")).unwrap();
    std::fs::write(outside.path().join("x/project.toml"), l.read(RECORD)).unwrap();
    std::fs::write(outside.path().join("x/procedures.csv"), &csv).unwrap();
    std::os::unix::fs::symlink(outside.path().join("x"), l.file("projects/x")).unwrap();
    refused(
        &l,
        &["tick", "x", "eia"],
        "project folder is a symbolic link",
    );
    refused(&l, &["show", "x"], "project folder is a symbolic link");
    // A ledger file that is a link to a file outside.
    std::fs::write(outside.path().join("stolen.csv"), &csv).unwrap();
    std::fs::remove_file(l.file(CSV)).unwrap();
    std::os::unix::fs::symlink(outside.path().join("stolen.csv"), l.file(CSV)).unwrap();
    refused(
        &l,
        &["tick", "p", "eia"],
        "a symbolic link in place of a ledger file",
    );
    // The projects folder itself.
    let other = ledger();
    std::fs::rename(other.file("projects"), outside.path().join("projects")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("projects"), other.file("projects")).unwrap();
    other.refuses(&["tick", "p", "eia"], "projects is a symbolic link");
    other.refuses(
        &["open", "z", "--name", "z", "--type", "chemical"],
        "projects is a symbolic link",
    );
    let check = other.run(&["check"]);
    assert!(check.stdout.starts_with(
        "./projects: the projects folder is a symbolic link; taizhang does not follow links out of the ledger\n"
    ));
    // Nothing outside changed.
    for f in [
        "x/procedures.csv",
        "stolen.csv",
        "projects/p/procedures.csv",
    ] {
        assert_eq!(
            std::fs::read_to_string(outside.path().join(f)).unwrap(),
            csv
        );
    }
    assert!(!outside.path().join("projects/z").exists());
}

// ---------------------------------------------------------------------------
// robust parsing: property tests on the loaders (PROPTEST_CASES=… for more)
// ---------------------------------------------------------------------------

mod props {
    use proptest::prelude::*;
    use std::path::Path;
    use taizhang::model::{Amount, PledgeKind, Procedure, Project, Status};
    use taizhang::store::procedures_file::ProcedureTable;
    use taizhang::store::{csv_merge, project_file, settings_file, validate};

    const SETTINGS: &str = include_str!("../../data/ledger.default.toml");
    const TABLE: &str = "procedure,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note\n\
        eia,环评批复,env,pledged,2024-04-30,,,notify,2024-03-01,2024-04-01,承诺书,,\"a, \"\"quoted\"\" note\"\n\
        flood,洪水影响评价,water,obtained,,2024-03-02,豫水〔2024〕1号,,,,,,\n";
    const RECORD: &str =
        "# 记录\nname = \"P\"\ntype = \"chemical\"\ninvestment = \"3500.5\"\nopened = 2024-03-01\n";

    /// Every loader on one text: none may panic, whatever the text, nor
    /// may printing the problems they find (excerpt, caret, hint).
    fn load_all(text: &str) {
        let p = Path::new("f");
        let mut problems = settings_file::read(p, text).1;
        problems.extend(project_file::read(p, text).1);
        let (table, more) = ProcedureTable::read(p, text);
        problems.extend(more);
        static DEFAULT: std::sync::OnceLock<taizhang::model::Settings> = std::sync::OnceLock::new();
        let settings = DEFAULT.get_or_init(|| settings_file::read(p, SETTINGS).0.unwrap());
        if let Some(table) = table {
            problems.extend(validate::procedures(p, text, settings, None, &table));
        }
        for problem in problems {
            assert!(problem.to_string().starts_with("f"));
        }
    }

    /// A valid file with bytes inserted or overwritten at random places.
    fn mutated(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            (any::<prop::sample::Index>(), any::<u8>(), any::<bool>()),
            0..8,
        )
        .prop_map(move |edits| {
            let mut bytes = base.as_bytes().to_vec();
            for (at, b, insert) in edits {
                let i = at.index(bytes.len() + 1);
                if insert || i == bytes.len() {
                    bytes.insert(i, b);
                } else {
                    bytes[i] = b;
                }
            }
            bytes
        })
    }

    /// Text drawn from the characters that matter to CSV and TOML.
    fn texty() -> impl Strategy<Value = String> {
        "[a-z0-9,\"\n\r =<>#\\[\\]{}.'\\\\:-环评\u{feff}]{0,200}"
    }

    fn date() -> impl Strategy<Value = chrono::NaiveDate> {
        (2000i32..2100, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    /// Free text as a clerk may type it (trimmed: cells are read trimmed).
    fn free() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ,\"\n'#=环评豫〔〕号；]{0,24}".prop_map(|s| s.trim().to_string())
    }

    /// A procedure row that follows the ledger's rules.
    fn procedure() -> impl Strategy<Value = Procedure> {
        (
            (free(), free(), 0usize..4, proptest::option::of(date())),
            (date(), free(), any::<bool>(), date(), date()),
            (free(), proptest::option::of(date()), free()),
        )
            .prop_map(
                |((name, tf, st, due), (obt, doc, notify, pledged, pdue), (items, ful, note))| {
                    let status = Status::ALL[st];
                    let pledge = status == Status::Pledged;
                    Procedure {
                        key: "".into(),
                        name: name.into(),
                        taskforce: tf.into(),
                        status,
                        due,
                        obtained: (status == Status::Obtained).then_some(obt),
                        doc_no: doc,
                        pledge_kind: pledge.then_some(if notify {
                            PledgeKind::Notify
                        } else {
                            PledgeKind::Tolerance
                        }),
                        pledged: pledge.then_some(pledged),
                        pledge_due: pledge.then_some(pdue),
                        missing_items: items,
                        fulfilled: ful.filter(|_| pledge),
                        note,
                        applied: None,
                        pledge_due_original: None,
                        extensions: 0,
                    }
                },
            )
    }

    fn table() -> impl Strategy<Value = ProcedureTable> {
        proptest::collection::btree_map("[a-z][a-z0-9-]{0,12}", procedure(), 0..12).prop_map(
            |rows| {
                let mut t = ProcedureTable::new();
                for (key, mut p) in rows {
                    p.key = key.into();
                    t.push(p);
                }
                t
            },
        )
    }

    fn project() -> impl Strategy<Value = Project> {
        let opt = || {
            proptest::option::of(
                "[a-zA-Z0-9 \"'\\\\#=环评]{1,16}"
                    .prop_filter("not blank", |s| !s.trim().is_empty()),
            )
        };
        (
            (
                "[a-zA-Z0-9 \"'\\\\#环评]{1,24}".prop_filter("not blank", |s| !s.trim().is_empty()),
                "[a-z]{1,10}",
            ),
            (
                opt(),
                opt(),
                proptest::option::of("[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}"),
            ),
            (
                proptest::option::of("[0-9]{1,7}(\\.[0-9]{1,4})?"),
                date(),
                proptest::option::of(date()),
                proptest::option::of(date()),
            ),
        )
            .prop_map(
                |((name, kind), (owner, township, code), (inv, opened, planned_start, started))| {
                    Project {
                        name,
                        kind,
                        owner,
                        township,
                        code,
                        investment: inv.map(|s| Amount::parse(&s).unwrap()),
                        opened,
                        planned_start,
                        started,
                        annual_plan: Default::default(),
                        people: Default::default(),
                        facts: Default::default(),
                        stages: Vec::new(),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn loaders_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            load_all(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn loaders_never_panic_on_near_valid_text(
            settings in mutated(SETTINGS),
            table in mutated(TABLE),
            record in mutated(RECORD),
            noise in texty(),
        ) {
            for bytes in [&settings, &table, &record] {
                load_all(&String::from_utf8_lossy(bytes));
            }
            load_all(&noise);
        }

        #[test]
        fn the_merge_never_panics(base in texty(), ours in mutated(TABLE), theirs in texty()) {
            let ours = String::from_utf8_lossy(&ours);
            let _ = csv_merge::merge(&csv_merge::KINDS[0], &base, &ours, &theirs);
            let _ = csv_merge::merge(&csv_merge::KINDS[0], TABLE, &ours, TABLE);
            let _ = csv_merge::merge(&csv_merge::KINDS[0], &base, TABLE, &ours);
            for kind in csv_merge::KINDS {
                let _ = csv_merge::merge(kind, &base, &ours, &theirs);
            }
            let _ = taizhang::store::toml_merge::merge(&base, &ours, &theirs);
        }

        #[test]
        fn excel_restore_never_panics(bytes in mutated(TABLE)) {
            for layout in taizhang::store::excel::LAYOUTS {
                let _ = taizhang::store::excel::restore(layout, &bytes);
            }
        }

        #[test]
        fn fix_undoes_what_excel_does_to_a_table(t in table()) {
            let bytes = t.to_bytes();
            let layout = &taizhang::store::excel::LAYOUTS[0];
            prop_assert!(taizhang::store::excel::restore(layout, &bytes).bytes.is_none());
            // A byte-order mark, CRLF record ends (a line break inside a
            // cell stays as it was), in GBK when it can be.
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            w.write_record(&t.header).unwrap();
            for row in &t.cells {
                w.write_record(row).unwrap();
            }
            let text = format!("\u{feff}{}", String::from_utf8(w.into_inner().unwrap()).unwrap());
            let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text[3..]);
            for excel in [text.clone().into_bytes(), gbk.into_owned()] {
                if unmappable && !excel.starts_with(b"\xef\xbb\xbf") {
                    continue;
                }
                let r = taizhang::store::excel::restore(layout, &excel);
                prop_assert_eq!(r.refused, None);
                prop_assert_eq!(r.bytes.unwrap_or(excel), bytes.clone());
            }
        }

        #[test]
        fn a_procedure_table_reads_back_as_written(t in table()) {
            let bytes = t.to_bytes();
            let text = String::from_utf8(bytes.clone()).unwrap();
            let (read, problems) = ProcedureTable::read(Path::new("f"), &text);
            // A random document number like "0E0" draws the Excel-number warning;
            // a warning is not a read failure.
            prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}\n{text}");
            let read = read.unwrap();
            prop_assert_eq!(&read.rows, &t.rows);
            prop_assert_eq!(read.to_bytes(), bytes);
        }

        #[test]
        fn unknown_columns_survive_a_write(t in table(), at in 0usize..14, extra in proptest::collection::vec(free(), 12)) {
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
            let mut header = t.header.clone();
            header.insert(at, "联系人".into());
            w.write_record(&header).unwrap();
            for (i, row) in t.cells.iter().enumerate() {
                let mut row = row.clone();
                row.insert(at, extra[i % extra.len()].clone());
                w.write_record(&row).unwrap();
            }
            let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let (read, problems) = ProcedureTable::read(Path::new("f"), &text);
            prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}");
            let mut read = read.unwrap();
            for i in 0..read.rows.len() {
                read.rows[i].note.push_str(" ok");
                read.sync(i);
            }
            let again = String::from_utf8(read.to_bytes()).unwrap();
            let (back, _) = ProcedureTable::read(Path::new("f"), &again);
            let back = back.unwrap();
            prop_assert_eq!(&back.header, &header);
            for (i, row) in back.cells.iter().enumerate() {
                prop_assert_eq!(&row[at], &extra[i % extra.len()]);
            }
        }

        #[test]
        fn a_project_record_reads_back_as_written(p in project()) {
            let text = project_file::render_new(&p);
            let (read, problems) = project_file::read(Path::new("f"), &text);
            prop_assert!(problems.iter().all(|p| p.warning), "{problems:?}\n{text}");
            prop_assert_eq!(read.unwrap(), p);
        }

        #[test]
        fn a_merge_of_unchanged_sides_is_the_identity(t in table()) {
            let text = String::from_utf8(t.to_bytes()).unwrap();
            let m = csv_merge::merge(&csv_merge::KINDS[0], &text, &text, &text).unwrap();
            prop_assert_eq!(&m.text, &text);
            prop_assert!(m.conflicts.is_empty());
        }

        #[test]
        fn a_merge_with_one_side_changed_takes_that_side(base in table(), ours in table()) {
            let base = String::from_utf8(base.to_bytes()).unwrap();
            let ours = String::from_utf8(ours.to_bytes()).unwrap();
            let m = csv_merge::merge(&csv_merge::KINDS[0], &base, &ours, &base).unwrap();
            prop_assert_eq!(&m.text, &ours);
            let m = csv_merge::merge(&csv_merge::KINDS[0], &base, &base, &ours).unwrap();
            prop_assert!(m.conflicts.is_empty());
            let (a, _) = ProcedureTable::read(Path::new("f"), &m.text);
            let (b, _) = ProcedureTable::read(Path::new("f"), &ours);
            let key_set = |t: &ProcedureTable| t.rows.iter().map(|r| (r.key.clone(), format!("{r:?}"))).collect::<std::collections::BTreeSet<_>>();
            prop_assert_eq!(key_set(&a.unwrap()), key_set(&b.unwrap()));
        }
    }
}

#[test]
fn a_writer_waits_for_the_lock_then_gives_up_with_a_clear_message() {
    let l = ledger();
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(l.file(".taizhang.lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = l.snapshot();
    let out = taizhang()
        .current_dir(l.path())
        .env("TAIZHANG_LOCK_WAIT_MS", "300")
        .args(["tick", "p", "eia", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: another writer is busy with this ledger (lock ./.taizhang.lock held for over 0.3 s); try again in a moment\n"
    );
    assert!(l.snapshot() == before);
    // Reads do not wait for writers.
    l.run(&["show", "p"]).ok();
    drop(lock);
    l.run(&["tick", "p", "eia"]).ok();
}

#[test]
fn edits_keep_comments_key_order_unknown_keys_and_unknown_columns() {
    let l = ledger();
    let record = "# 盛润项目\n\n# 名称\nname = \"P\"   # 正式名称待定\ntype = \"chemical\"\ncontact = \"张工\"  # not a taizhang key\nopened = 2024-03-01\n\n[extra]\nnote = \"kept\"\n";
    l.write(RECORD, record);
    let csv: String = l
        .read(CSV)
        .lines()
        .map(|line| {
            let (first, rest) = line.split_once(',').unwrap();
            let extra = if first == "procedure" {
                "联系人"
            } else {
                "王\"工\""
            };
            let extra = csv_cell(extra);
            format!("{first},{extra},{rest}\n")
        })
        .collect();
    l.write(CSV, &csv);
    l.run(&["start", "p"]).ok();
    assert_eq!(
        l.read(RECORD),
        record.replace(
            "opened = 2024-03-01\n",
            "opened = 2024-03-01\nstarted = 2024-03-01\n"
        )
    );
    l.run(&["tick", "p", "eia", "--doc", "豫环审〔2024〕3号"])
        .ok();
    let after = l.read(CSV);
    let expected = csv.replace(
        "eia,\"王\"\"工\"\"\",环评批复,env,pending,2024-04-30,,,",
        "eia,\"王\"\"工\"\"\",环评批复,env,obtained,2024-04-30,2024-03-01,豫环审〔2024〕3号,",
    );
    assert_ne!(expected, csv);
    assert_eq!(after, expected);
    // ledger.toml is never written by a command.
    let settings = l.read("ledger.toml");
    l.run(&["open", "q", "--name", "二期", "--type", "chemical"])
        .ok();
    assert_eq!(l.read("ledger.toml"), settings);
}

fn csv_cell(s: &str) -> String {
    if s.contains(['"', ',', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[test]
fn no_setting_makes_taizhang_run_a_program() {
    let l = ledger_in_git();
    let pwned = l.file("pwned");
    let cmd = format!("touch {}", pwned.display());
    let mut settings = l
        .read("ledger.toml")
        .replace("auto_commit = false", "auto_commit = true");
    // Keys a malicious or mistaken ledger.toml might carry: all ignored.
    settings = settings.replacen(
        "[slow]",
        &format!("editor = \"{cmd}\"\ngit = \"{cmd}\"\nmerge_driver = \"{cmd}\"\nhook = \"{cmd}\"\n\n[slow]"),
        1,
    );
    l.write("ledger.toml", &settings);
    commit_all(l.path(), "settings");
    l.run(&["tick", "p", "eia"]).ok();
    l.run(&["git", "setup"]).ok();
    l.run(&["list"]).ok();
    l.run(&["check"]).ok();
    assert!(!pwned.exists(), "a setting ran a program");
    let driver = git(
        l.path(),
        &["config", "--local", "merge.taizhang-csv.driver"],
    );
    assert!(!driver.contains("touch"), "{driver}");
}

#[test]
fn check_conflict_markers_in_other_files_of_the_ledger() {
    let l = ledger();
    l.write(
        ".gitattributes",
        "<<<<<<< HEAD\n*.csv text\n=======\n*.csv -text\n>>>>>>> b\n",
    );
    l.write(
        "projects/p/备忘.md",
        "# 备忘\n<<<<<<< HEAD\n王\n=======\n李\n>>>>>>> b\n",
    );
    // Binary files and big files are not text to look into.
    std::fs::write(l.file("projects/p/scan.pdf"), [0xffu8, 0, 1, 2]).unwrap();
    reports(
        &l,
        &[
            (
                "conflict-marker",
                "./.gitattributes:1: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./.gitattributes:3: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./.gitattributes:5: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/备忘.md:2: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/备忘.md:4: git conflict marker left in the file",
            ),
            (
                "conflict-marker",
                "./projects/p/备忘.md:6: git conflict marker left in the file",
            ),
        ],
    );
}

#[test]
fn check_warns_of_a_document_number_excel_shortened() {
    let l = Ledger::new();
    l.open("p");
    l.run(&["tick", "p", "eia", "--doc", "3.5E+04"]).ok();
    let run = l.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "a warning never fails the check");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["problems"][0]["code"], "excel-number");
    assert_eq!(v["problems"][0]["line"], 15);
}
