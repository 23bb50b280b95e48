//! The coordination mechanism's records (issue 13): people to call, the
//! funds ledger and its slow-payment rules, problems climbing with their
//! supervision orders, dispatch-meeting decisions and site visits; every
//! bad input refused with one line and no file changed.

use crate::support::*;

/// A ledger CSV without its `id` column (row identities are hashes, checked
/// by the merge tests).
fn no_ids(text: &str) -> String {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let Some(at) = header.iter().position(|h| *h == "id") else {
        return text.to_string();
    };
    let mut out = String::new();
    for line in text.lines() {
        let mut cells: Vec<&str> = line.split(',').collect();
        cells.remove(at);
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A ledger with chemical project `sr` opened on 2024-01-05 with its
/// people, planned start 2024-06-30.
fn with_people(lang: &str) -> Ledger {
    let l = Ledger::with_lang(lang);
    l.run(&[
        "open",
        "sr",
        "--name",
        "盛润",
        "--type",
        "chemical",
        "--planned-start",
        "2024-06-30",
        "--leader",
        "李明",
        "--unit",
        "县发展和改革委员会",
        "--person",
        "张伟",
        "--person-phone",
        "13903931234",
        "--contact",
        "赵文博",
        "--contact-phone",
        "0393-5216688",
        "--today",
        "2024-01-05",
    ])
    .ok();
    l
}

#[test]
fn open_records_people_and_show_prints_them() {
    let l = with_people("en");
    let text = l.read("projects/sr/project.toml");
    assert!(
        text.contains(
            "leader = \"李明\"\nunit = \"县发展和改革委员会\"\nperson = \"张伟\"\nperson_phone = \"13903931234\"\ncontact = \"赵文博\"\ncontact_phone = \"0393-5216688\"\n"
        ),
        "{text}"
    );
    let show = l.run(&["show", "sr"]).ok().stdout;
    assert!(show.contains("leader in charge    李明\n"), "{show}");
    assert!(
        show.contains("responsible unit    县发展和改革委员会\n"),
        "{show}"
    );
    assert!(
        show.contains("responsible person  张伟 13903931234\n"),
        "{show}"
    );
    assert!(
        show.contains("owner's contact     赵文博 0393-5216688\n"),
        "{show}"
    );
    let json = l.run(&["list", "--format", "json"]).ok().stdout;
    assert!(json.contains("\"person_phone\": \"13903931234\""), "{json}");
    l.run(&["check"]).ok();
}

#[test]
fn bad_phones_are_refused_and_found_by_check() {
    let l = with_people("en");
    for (flag, bad) in [
        ("--person-phone", "12903931234"),
        ("--person-phone", "1390393123"),
        ("--contact-phone", "0393 5216688"),
        ("--contact-phone", "5216688"),
    ] {
        l.refuses(
            &["open", "q", "--name", "二期", "--type", "化工", flag, bad],
            &format!("{flag}: invalid phone number \"{bad}\": expected a mobile number like 13903931234 or a landline with its area code like 0393-1234567"),
        );
    }
    l.edit(
        "projects/sr/project.toml",
        "person_phone = \"13903931234\"",
        "person_phone = \"139-0393-1234\"",
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("./projects/sr/project.toml:11:16: `person_phone`: invalid phone number \"139-0393-1234\""),
        "{}",
        run.stdout
    );
}

#[test]
fn overdue_names_whom_to_call_in_every_format() {
    let l = with_people("en");
    let run = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-07-10",
            "--format",
            "csv",
        ])
        .ok();
    let mut lines = run.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "kind,project,name,item,issuing authority,task force (lead unit),due,days overdue,whom to call"
    );
    assert!(
        run.stdout
            .contains("start,sr,盛润,start of works (开工),县委县政府督查服务中心,督导服务专班 (县委县政府督查服务中心),2024-06-30,10,张伟 13903931234 (leader 李明)\n"),
        "{}",
        run.stdout
    );
    let json = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-07-10",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    assert!(
        json.contains("\"people\": {\n        \"leader\": \"李明\","),
        "{json}"
    );
    let zh = l
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-07-10",
            "--lang",
            "zh",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert!(zh.contains(",张伟 13903931234（包联李明）\n"), "{zh}");
    // The workbook carries the same column.
    l.run(&[
        "export",
        "overdue",
        "--output",
        "o.csv",
        "--today",
        "2024-07-10",
    ])
    .ok();
    assert!(l.read("o.csv").contains("whom to call"));
    // A ledger without people has no such column.
    let bare = Ledger::new();
    bare.open("p");
    let csv = bare
        .run(&[
            "report",
            "overdue",
            "--today",
            "2024-07-10",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert!(
        csv.starts_with(
            "kind,project,name,item,issuing authority,task force (lead unit),due,days overdue\n"
        ),
        "{csv}"
    );
}

#[test]
fn the_bulletin_hides_phones_unless_allowed() {
    let l = with_people("zh");
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "用电",
        "--unit",
        "供电公司",
        "--limit",
        "2024-02-01",
        "--date",
        "2024-01-10",
    ])
    .ok();
    let md = l
        .run(&["report", "weekly", "--today", "2024-07-10"])
        .ok()
        .stdout;
    assert!(md.contains("| 张伟（包联李明） |"), "{md}");
    assert!(
        !md.contains("13903931234") && !md.contains("0393-5216688"),
        "{md}"
    );
    for format in ["html", "json"] {
        let out = l
            .run(&[
                "report",
                "weekly",
                "--today",
                "2024-07-10",
                "--format",
                format,
            ])
            .ok()
            .stdout;
        assert!(!out.contains("13903931234"), "{format}: {out}");
    }
    l.edit("ledger.toml", "show_phones = false", "show_phones = true");
    let md = l
        .run(&["report", "weekly", "--today", "2024-07-10"])
        .ok()
        .stdout;
    assert!(md.contains("| 张伟 13903931234（包联李明） |"), "{md}");
}

#[test]
fn task_force_leader_on_duty_is_shown() {
    let l = with_people("en");
    let csv = l
        .run(&["report", "taskforce", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        csv.starts_with("task force,lead unit,issuing authorities,procedures,"),
        "{csv}"
    );
    l.edit(
        "ledger.toml",
        "lead = \"县自然资源局\"\n",
        "lead = \"县自然资源局\"\nleader = \"副县长 王磊\"\n",
    );
    let csv = l
        .run(&["report", "taskforce", "--format", "csv"])
        .ok()
        .stdout;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "task force,lead unit,leader on duty,issuing authorities,procedures,obtained,pledged,pending,overdue"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("用地专班,县自然资源局,副县长 王磊,"),
        "{csv}"
    );
    let json = l
        .run(&["report", "taskforce", "--format", "json"])
        .ok()
        .stdout;
    assert!(json.contains("\"leader\": \"副县长 王磊\""), "{json}");
}

#[test]
fn funds_are_recorded_sorted_and_summed_by_source() {
    let l = with_people("en");
    let run = l
        .run(&[
            "funds",
            "sr",
            "--source",
            "专项债券",
            "--received",
            "5000",
            "--date",
            "2024-02-05",
            "--note",
            "第一批",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: 5000 万元 received from 专项债券 on 2024-02-05 (专项债券 to date: received 5000, paid 0 万元)\n"
    );
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--paid",
        "1200.5",
        "--date",
        "2024-02-20",
    ])
    .ok();
    l.run(&[
        "funds",
        "sr",
        "--source",
        "企业自筹",
        "--planned",
        "8000",
        "--date",
        "2024-01-10",
    ])
    .ok();
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--paid",
        "800",
        "--date",
        "2024-02-20",
    ])
    .ok();
    assert_eq!(
        no_ids(&l.read("projects/sr/funds.csv")),
        "date,source,kind,amount,note\n\
         2024-01-10,企业自筹,planned,8000,\n\
         2024-02-05,专项债券,received,5000,第一批\n\
         2024-02-20,专项债券,paid,1200.5,\n\
         2024-02-20,专项债券,paid,800,\n"
    );
    let show = l.run(&["show", "sr", "--format", "csv"]).ok();
    assert!(show.code == 0);
    let show = l.run(&["show", "sr"]).ok().stdout;
    assert!(show.contains("Funds by source"), "{show}");
    assert!(
        show.contains(
            "│ 专项债券 ┆              0 ┆            5000 ┆      2000.5 ┆              40% │"
        ),
        "{show}"
    );
    assert!(
        show.contains(
            "│ total    ┆           8000 ┆            5000 ┆      2000.5 ┆              40% │"
        ),
        "{show}"
    );
    let csv = l.run(&["list", "--format", "csv"]).ok().stdout;
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",overdue,received (万元),paid (万元),paid of received"),
        "{csv}"
    );
    assert!(
        csv.lines().nth(1).unwrap().ends_with(",5000,2000.5,40%"),
        "{csv}"
    );
    let json = l.run(&["show", "sr", "--format", "json"]).ok().stdout;
    assert!(json.contains("\"funds_by_source\": [\n    {\n      \"source\": \"专项债券\",\n      \"planned\": \"0\",\n      \"received\": \"5000\",\n      \"paid\": \"2000.5\"\n    },"), "{json}");
    // Kept through a hand-added column and comment-free edits.
    let text: String = l
        .read("projects/sr/funds.csv")
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            0 => format!("{line},凭证号\n"),
            _ if line.contains("第一批") => format!("{line},记-031\n"),
            _ => format!("{line},\n"),
        })
        .collect();
    l.write("projects/sr/funds.csv", &text);
    l.run(&["check"]).ok();
    l.run(&[
        "funds",
        "sr",
        "--source",
        "省市补助",
        "--received",
        "300",
        "--date",
        "2024-02-25",
    ])
    .ok();
    let text = l.read("projects/sr/funds.csv");
    assert!(
        text.starts_with("date,source,kind,amount,note,id,凭证号\n"),
        "{text}"
    );
    assert!(
        no_ids(&text).contains("2024-02-05,专项债券,received,5000,第一批,记-031\n"),
        "{text}"
    );
}

#[test]
fn bad_funds_are_refused_with_files_unchanged() {
    let l = with_people("en");
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--received",
        "100",
        "--date",
        "2024-02-01",
    ])
    .ok();
    let cases: [(&[&str], &str); 7] = [
        (
            &["--source", "专项债", "--received", "100"],
            "--source: unknown source of funds \"专项债\": expected one of 专项债券, 中央预算内投资",
        ),
        (
            &["--source", "专项债券", "--received", "-100"],
            "--received: invalid amount \"-100\"",
        ),
        (
            &["--source", "专项债券", "--paid", "1,00"],
            "--paid: invalid amount \"1,00\"",
        ),
        (
            &["--source", "专项债券", "--planned", "abc"],
            "--planned: invalid amount \"abc\"",
        ),
        (
            &["--source", "专项债券", "--paid", "0"],
            "--paid: the amount is 0",
        ),
        (
            &[
                "--source",
                "专项债券",
                "--paid",
                "10",
                "--date",
                "2024-03-02",
            ],
            "--date: 2024-03-02 is after today (2024-03-01)",
        ),
        (
            &["--source", "专项债券"],
            "give the amount with one of --received, --paid or --planned",
        ),
    ];
    for (args, needle) in cases {
        let mut all = vec!["funds", "sr"];
        all.extend(args);
        l.refuses(&all, needle);
    }
    // History is fact: money that arrived before the project entered the
    // ledger is recorded.
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--planned",
        "300",
        "--date",
        "2023-12-20",
    ])
    .ok();
    l.refuses(
        &["funds", "nope", "--source", "专项债券", "--paid", "1"],
        "unknown project \"nope\"",
    );
    // Two kinds at once is a usage error (exit 2), files unchanged.
    let before = l.snapshot();
    let run = l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--paid",
        "1",
        "--received",
        "2",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(l.snapshot() == before);
    // Paying more than was received is unusual, not impossible: a warning.
    let run = l
        .run(&["funds", "sr", "--source", "专项债券", "--paid", "150"])
        .ok();
    assert_eq!(
        run.stderr,
        "warning: sr: 专项债券 has paid out 150 万元, more than the 100 万元 recorded as received\n"
    );
    let check = l.run(&["check"]).ok();
    assert!(
        check.stdout.starts_with("./projects/sr/funds.csv: warning: 专项债券: 150 万元 paid out, more than the 100 万元 received\n"),
        "{}",
        check.stdout
    );
}

#[test]
fn slow_payment_and_idle_bonds_light_a_project() {
    let l = with_people("en");
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--received",
        "1000",
        "--date",
        "2024-02-01",
    ])
    .ok();
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--paid",
        "400",
        "--date",
        "2024-03-01",
    ])
    .ok();
    l.run(&[
        "funds",
        "sr",
        "--source",
        "企业自筹",
        "--received",
        "9000",
        "--date",
        "2024-02-01",
    ])
    .ok();
    let json = l
        .run(&[
            "report",
            "slow",
            "--today",
            "2024-04-15",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let reasons: Vec<&serde_json::Value> = v["projects"][0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["rule"] == "funds-payment-slow" || r["rule"] == "bond-not-started")
        .collect();
    let rules: Vec<&str> = reasons
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    // 600 万元 of bond money waits since 2024-02-01 (74 days): yellow.
    assert_eq!(rules, ["funds-payment-slow", "bond-not-started"], "{json}");
    assert_eq!(reasons[0]["light"], "yellow");
    assert_eq!(reasons[1]["light"], "yellow");
    assert_eq!(
        reasons[1]["message"],
        "bond money received, not started: 1000 万元 of special bonds received since 2024-02-01 (74 days), works not started"
    );
    // 121 days on 2024-06-01: red.
    let json = l
        .run(&[
            "report",
            "slow",
            "--today",
            "2024-06-01",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let r = v["projects"][0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "funds-payment-slow")
        .unwrap()
        .clone();
    assert_eq!(r["light"], "red");
    assert_eq!(r["unpaid"], "600");
    assert_eq!(r["received_on"], "2024-02-01");
    assert_eq!(r["paid_percent"], 40);
    assert_eq!(
        r["message"],
        "funds paid slowly: 600 万元 of government money received since 2024-02-01 not paid out (121 days), 40% of 1000 万元 received paid"
    );
    // Enterprise money alone is not judged; the rules can be turned off.
    let e = Ledger::new();
    e.open("q");
    e.run(&["funds", "q", "--source", "企业自筹", "--received", "9000"])
        .ok();
    let json = e
        .run(&[
            "report",
            "slow",
            "--today",
            "2024-12-01",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    assert!(
        !json.contains("funds-payment-slow") && !json.contains("bond-not-started"),
        "{json}"
    );
    l.edit(
        "ledger.toml",
        "unpaid_yellow_days = 60",
        "unpaid_yellow_days = 0",
    );
    l.edit(
        "ledger.toml",
        "bond_unstarted_yellow_days = 30",
        "bond_unstarted_yellow_days = 0",
    );
    let json = l
        .run(&[
            "report",
            "slow",
            "--today",
            "2024-06-01",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    assert!(
        !json.contains("funds-payment-slow") && !json.contains("bond-not-started"),
        "{json}"
    );
}

/// `sr` with problem 1 (用地, limit 2024-02-20) raised on 2024-02-01.
fn with_problem() -> Ledger {
    let l = with_people("en");
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "征地补偿未到位",
        "--unit",
        "县自然资源局",
        "--limit",
        "2024-02-20",
        "--date",
        "2024-02-01",
        "--category",
        "用地",
        "--procedure",
        "用地预审与选址意见书",
    ])
    .ok();
    l
}

#[test]
fn problems_climb_to_the_leaders_and_get_an_order() {
    let l = with_problem();
    assert_eq!(
        no_ids(&l.read("projects/sr/problems.csv")),
        "no,what,unit,limit,opened,resolved,how,category,procedure,to_mechanism,to_mechanism_note,to_leader,to_leader_note,order_no,order_date,order_due\n\
         1,征地补偿未到位,县自然资源局,2024-02-20,2024-02-01,,,用地,land-prereview,,,,,,,\n"
    );
    let run = l
        .run(&[
            "problem",
            "escalate",
            "sr",
            "1",
            "--to",
            "mechanism",
            "--date",
            "2024-02-21",
            "--note",
            "专班协调未果",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: problem 1 taken to mechanism (协调机制办公室) on 2024-02-21\n"
    );
    l.run(&[
        "problem",
        "escalate",
        "sr",
        "1",
        "--to",
        "leader",
        "--date",
        "2024-02-25",
        "--note",
        "提请分管副县长协调",
    ])
    .ok();
    let run = l
        .run(&[
            "problem",
            "order",
            "sr",
            "1",
            "--no",
            "台督〔2024〕3号",
            "--due",
            "2024-02-28",
            "--date",
            "2024-02-26",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: problem 1 under supervision order 台督〔2024〕3号 (督办) issued 2024-02-26, due 2024-02-28\n"
    );
    assert_eq!(
        no_ids(&l.read("projects/sr/problems.csv"))
            .lines()
            .nth(1)
            .unwrap(),
        "1,征地补偿未到位,县自然资源局,2024-02-20,2024-02-01,,,用地,land-prereview,2024-02-21,专班协调未果,2024-02-25,提请分管副县长协调,台督〔2024〕3号,2024-02-26,2024-02-28"
    );
    let csv = l.run(&["problem", "list", "--format", "csv"]).ok().stdout;
    assert_eq!(
        csv,
        "project,no.,problem,responsible unit,category,level,supervision order,time limit,raised,state,resolved,how\n\
         sr,1,征地补偿未到位,县自然资源局,用地,\"leader (mechanism 2024-02-21, leader 2024-02-25)\",\"台督〔2024〕3号 due 2024-02-28, overdue 2 days\",2024-02-20,2024-02-01,overdue 10 days,,\n"
    );
    // The order past its due day is overdue like the others.
    let csv = l.run(&["report", "overdue", "--format", "csv"]).ok().stdout;
    assert!(
        csv.contains("supervision order,sr,盛润,征地补偿未到位 (order 台督〔2024〕3号),县自然资源局,,2024-02-28,2,张伟 13903931234 (leader 李明)\n"),
        "{csv}"
    );
    let json = l.run(&["problem", "list", "--format", "json"]).ok().stdout;
    assert!(
        json.contains("\"level\": \"leader\",\n      \"level_auto\": false,"),
        "{json}"
    );
    assert!(json.contains("\"escalations\": [\n        {\n          \"to\": \"mechanism\",\n          \"date\": \"2024-02-21\",\n          \"note\": \"专班协调未果\"\n        },"), "{json}");
    // As of an earlier day, the later steps are not there yet.
    let csv = l
        .run(&[
            "problem",
            "list",
            "--format",
            "csv",
            "--today",
            "2024-02-22",
        ])
        .ok()
        .stdout;
    assert!(
        csv.contains(",用地,mechanism (mechanism 2024-02-21),2024-02-20,"),
        "{csv}"
    );
    l.run(&["check"]).ok();
    // Resolving (销号) needs how, and cannot predate the problem.
    l.refuses(
        &["problem", "resolve", "sr", "1", "--how", " "],
        "--how must not be empty",
    );
    l.refuses(
        &[
            "problem",
            "resolve",
            "sr",
            "1",
            "--how",
            "已补偿",
            "--date",
            "2024-01-20",
        ],
        "--date: 2024-01-20 is before the problem was raised (2024-02-01)",
    );
    l.run(&["problem", "resolve", "sr", "1", "--how", "补偿款已拨付"])
        .ok();
    let csv = l.run(&["report", "overdue", "--format", "csv"]).ok().stdout;
    assert!(!csv.contains("supervision order"), "{csv}");
}

#[test]
fn bad_escalations_and_orders_are_refused() {
    let l = with_problem();
    l.run(&[
        "problem",
        "escalate",
        "sr",
        "1",
        "--to",
        "mechanism",
        "--date",
        "2024-02-21",
        "--note",
        "未果",
    ])
    .ok();
    let cases: [(&[&str], &str); 9] = [
        (
            &["escalate", "sr", "1", "--to", "mechanism", "--note", "再报"],
            "sr: problem 1 is already at mechanism (协调机制办公室); it can only go higher",
        ),
        (
            &["escalate", "sr", "1", "--to", "taskforce", "--note", "退回"],
            "--to: a problem starts at the task force",
        ),
        (
            &["escalate", "sr", "1", "--to", "leader", "--note", " "],
            "--note must not be empty",
        ),
        (
            &[
                "escalate",
                "sr",
                "1",
                "--to",
                "leader",
                "--note",
                "报",
                "--date",
                "2024-02-10",
            ],
            "--date: 2024-02-10 is before the problem went to mechanism on 2024-02-21",
        ),
        (
            &["escalate", "sr", "2", "--to", "leader", "--note", "报"],
            "sr has no problem 2: its problems are 1",
        ),
        (
            &["escalate", "sr", "x", "--to", "leader", "--note", "报"],
            "invalid problem number \"x\"",
        ),
        (
            &[
                "order",
                "sr",
                "1",
                "--no",
                "台督1号",
                "--due",
                "2024-02-10",
                "--date",
                "2024-02-20",
            ],
            "--due: 2024-02-10 is before the order is issued (2024-02-20)",
        ),
        (
            &["order", "sr", "1", "--no", " ", "--due", "2024-03-10"],
            "--no must not be empty",
        ),
        (
            &[
                "add",
                "sr",
                "--what",
                "水电",
                "--unit",
                "供电公司",
                "--limit",
                "2024-03-10",
                "--category",
                "电力",
            ],
            "--category: unknown problem category \"电力\": expected one of 用地, 资金, 征迁, 手续, 水电气, 其他",
        ),
    ];
    for (args, needle) in cases {
        let mut all = vec!["problem"];
        all.extend(args);
        l.refuses(&all, needle);
    }
    l.refuses(
        &[
            "problem",
            "add",
            "sr",
            "--what",
            "x",
            "--unit",
            "u",
            "--limit",
            "2024-03-10",
            "--procedure",
            "nope",
        ],
        "--procedure: unknown procedure \"nope\"",
    );
    // A bad level is a usage error from the argument parser.
    let before = l.snapshot();
    let run = l.run(&[
        "problem", "escalate", "sr", "1", "--to", "county", "--note", "x",
    ]);
    assert_eq!(run.code, 2);
    assert!(l.snapshot() == before);
    l.run(&[
        "problem",
        "order",
        "sr",
        "1",
        "--no",
        "台督1号",
        "--due",
        "2024-03-10",
    ])
    .ok();
    l.refuses(
        &[
            "problem",
            "order",
            "sr",
            "1",
            "--no",
            "台督2号",
            "--due",
            "2024-03-20",
        ],
        "sr: problem 1 already has supervision order 台督1号 (issued 2024-03-01, due 2024-03-10)",
    );
    l.run(&["problem", "resolve", "sr", "1", "--how", "已解决"])
        .ok();
    l.refuses(
        &[
            "problem", "escalate", "sr", "1", "--to", "leader", "--note", "报",
        ],
        "sr: problem 1 was resolved on 2024-03-01; a resolved problem does not go up",
    );
}

#[test]
fn the_escalation_rule_lifts_problems_in_reports_only() {
    let l = with_problem();
    let before = l.snapshot();
    // 2024-02-20 + 15 days: the mechanism; + 30 days: the leaders.
    for (day, level) in [
        ("2024-03-05", "taskforce"),
        ("2024-03-06", "mechanism (by rule)"),
        ("2024-03-21", "leader (by rule)"),
    ] {
        let csv = l
            .run(&["problem", "list", "--format", "csv", "--today", day])
            .ok()
            .stdout;
        if level == "taskforce" {
            assert!(
                csv.starts_with("project,no.,problem,responsible unit,category,time limit,"),
                "{csv}"
            );
        } else {
            assert!(csv.contains(&format!(",用地,{level},")), "{day}: {csv}");
        }
    }
    assert!(l.snapshot() == before, "the rule never writes");
    let out = l
        .run(&[
            "problem",
            "list",
            "--level",
            "leader",
            "--today",
            "2024-03-21",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert_eq!(out.lines().count(), 2, "{out}");
    let out = l
        .run(&[
            "problem",
            "list",
            "--level",
            "mechanism",
            "--today",
            "2024-03-21",
        ])
        .ok()
        .stdout;
    assert_eq!(out, "No problems recorded as of 2024-03-21.\n");
    let md = l
        .run(&["report", "weekly", "--today", "2024-03-21"])
        .ok()
        .stdout;
    assert!(
        md.contains("## 4. Problems taken to the county leaders and the mechanism\n\n| level |"),
        "{md}"
    );
    assert!(
        md.contains("| leader (by rule) | sr | 盛润 | 征地补偿未到位 | 用地 | 县自然资源局 |"),
        "{md}"
    );
    l.edit(
        "ledger.toml",
        "mechanism_after_days = 15",
        "mechanism_after_days = 0",
    );
    l.edit(
        "ledger.toml",
        "leader_after_days = 30",
        "leader_after_days = 0",
    );
    let csv = l
        .run(&[
            "problem",
            "list",
            "--format",
            "csv",
            "--today",
            "2024-12-21",
        ])
        .ok()
        .stdout;
    assert!(!csv.contains("level"), "{csv}");
}

#[test]
fn problem_list_filters() {
    let l = with_problem();
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "施工用电",
        "--unit",
        "供电公司",
        "--limit",
        "2024-04-01",
        "--category",
        "水电气",
    ])
    .ok();
    let count = |args: &[&str]| {
        let mut all = vec!["problem", "list", "--format", "csv"];
        all.extend(args);
        l.run(&all).ok().stdout.lines().count() - 1
    };
    assert_eq!(count(&[]), 2);
    assert_eq!(count(&["--category", "水电气"]), 1);
    assert_eq!(count(&["--unit", "县自然资源局"]), 1);
    assert_eq!(count(&["--overdue"]), 1);
    assert_eq!(count(&["--level", "taskforce"]), 2);
    assert_eq!(count(&["--unit", "县水利局"]), 0);
    l.refuses(
        &["problem", "list", "--category", "电"],
        "--category: unknown problem category \"电\"",
    );
    // A problem holding up a procedure is in that procedure's task force's view.
    l.run(&[
        "problem",
        "add",
        "sr",
        "--what",
        "环评资金未落实",
        "--unit",
        "县财政局",
        "--limit",
        "2024-02-10",
        "--date",
        "2024-02-01",
        "--procedure",
        "eia",
    ])
    .ok();
    let csv = l
        .run(&["report", "overdue", "--taskforce", "env", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        csv.contains("\nproblem,sr,盛润,环评资金未落实,县财政局,,2024-02-10,20,"),
        "{csv}"
    );
    let csv = l
        .run(&[
            "report",
            "overdue",
            "--taskforce",
            "water",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert!(!csv.contains("环评资金未落实"), "{csv}");
}

#[test]
fn meetings_record_decisions_tracked_to_closure() {
    let l = with_people("en");
    let run = l
        .run(&[
            "meeting",
            "add",
            "--date",
            "2024-02-20",
            "--title",
            "第2次重大项目调度会",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "Meeting of 2024-02-20 recorded: 第2次重大项目调度会 (./meetings/2024-02-20.toml)\n"
    );
    l.run(&[
        "meeting",
        "decide",
        "2024-02-20",
        "--what",
        "协调供电线路迁改",
        "--unit",
        "县发展和改革委员会",
        "--due",
        "2024-02-25",
        "--project",
        "sr",
    ])
    .ok();
    l.run(&[
        "meeting",
        "decide",
        "2024-02-20",
        "--what",
        "制定资金支付计划",
        "--unit",
        "县财政局",
        "--due",
        "2024-03-15",
    ])
    .ok();
    // A clerk's comment survives the next write.
    l.edit(
        "meetings/2024-02-20.toml",
        "[[decision]]\nno = 1\n",
        "# 会议纪要〔2024〕2号\n[[decision]]\nno = 1\n",
    );
    l.run(&[
        "meeting",
        "resolve",
        "2024-02-20",
        "2",
        "--how",
        "支付计划已印发",
        "--on",
        "2024-02-28",
    ])
    .ok();
    assert_eq!(
        l.read("meetings/2024-02-20.toml"),
        "# Dispatch meeting (调度会), kept by taizhang: see docs/FORMAT.md.\n\
         # Comments you add here are kept when taizhang changes the file.\n\
         date = 2024-02-20\n\
         title = \"第2次重大项目调度会\"\n\n\
         # 会议纪要〔2024〕2号\n\
         [[decision]]\nno = 1\nwhat = \"协调供电线路迁改\"\nunit = \"县发展和改革委员会\"\ndue = 2024-02-25\nproject = \"sr\"\n\n\
         [[decision]]\nno = 2\nwhat = \"制定资金支付计划\"\nunit = \"县财政局\"\ndue = 2024-03-15\nresolved = 2024-02-28\nhow = \"支付计划已印发\"\n"
    );
    let csv = l.run(&["meeting", "list", "--format", "csv"]).ok().stdout;
    assert_eq!(
        csv,
        "meeting,no.,decision,responsible unit,project,due,state,done,how\n\
         2024-02-20,1,协调供电线路迁改,县发展和改革委员会,sr,2024-02-25,overdue 5 days,,\n\
         2024-02-20,2,制定资金支付计划,县财政局,,2024-03-15,resolved,2024-02-28,支付计划已印发\n"
    );
    let csv = l.run(&["report", "overdue", "--format", "csv"]).ok().stdout;
    assert!(
        csv.contains("decision,sr,盛润,\"协调供电线路迁改 (meeting of 2024-02-20, no. 1)\",县发展和改革委员会,,2024-02-25,5,张伟 13903931234 (leader 李明)\n"),
        "{csv}"
    );
    let json = l
        .run(&["report", "overdue", "--format", "json"])
        .ok()
        .stdout;
    assert!(json.contains("\"kind\": \"decision\""), "{json}");
    assert!(
        json.contains("\"meeting\": \"2024-02-20\",\n      \"decision_no\": 1,"),
        "{json}"
    );
    let md = l.run(&["report", "weekly"]).ok().stdout;
    assert!(
        md.contains(
            "- Decisions of the dispatch meetings: 2, carried out 1, open 1.\n\n| meeting |"
        ),
        "{md}"
    );
    // As of before the resolution, both are open.
    let csv = l
        .run(&[
            "meeting",
            "list",
            "--open",
            "--format",
            "csv",
            "--today",
            "2024-02-27",
        ])
        .ok()
        .stdout;
    assert_eq!(csv.lines().count(), 3, "{csv}");
    l.run(&["check"]).ok();
}

#[test]
fn bad_meeting_input_is_refused() {
    let l = with_people("en");
    l.run(&[
        "meeting",
        "add",
        "--date",
        "2024-02-20",
        "--title",
        "调度会",
    ])
    .ok();
    l.run(&[
        "meeting",
        "decide",
        "2024-02-20",
        "--what",
        "a",
        "--unit",
        "u",
        "--due",
        "2024-02-25",
    ])
    .ok();
    let cases: [(&[&str], &str); 10] = [
        (
            &["add", "--date", "2024-02-20", "--title", "又一次"],
            "a meeting on 2024-02-20 is already recorded",
        ),
        (
            &["add", "--date", "2024-03-02", "--title", "x"],
            "--date: 2024-03-02 is after today (2024-03-01)",
        ),
        (
            &["add", "--date", "2024-02-21", "--title", " "],
            "--title must not be empty",
        ),
        (
            &[
                "decide",
                "2024-02-19",
                "--what",
                "a",
                "--unit",
                "u",
                "--due",
                "2024-02-25",
            ],
            "no meeting on 2024-02-19",
        ),
        (
            &[
                "decide",
                "2024-02-20",
                "--what",
                "a",
                "--unit",
                "u",
                "--due",
                "2024-02-10",
            ],
            "--due: 2024-02-10 is before the meeting (2024-02-20)",
        ),
        (
            &[
                "decide",
                "2024-02-20",
                "--what",
                "a",
                "--unit",
                "u",
                "--due",
                "2024-02-25",
                "--project",
                "nope",
            ],
            "--project: unknown project \"nope\"",
        ),
        (
            &["resolve", "2024-02-20", "3", "--how", "x"],
            "the meeting of 2024-02-20 has no decision 3: its decisions are 1",
        ),
        (
            &["resolve", "2024-02-20", "1", "--how", " "],
            "--how must not be empty",
        ),
        (
            &[
                "resolve",
                "2024-02-20",
                "1",
                "--how",
                "x",
                "--on",
                "2024-02-19",
            ],
            "--on: 2024-02-19 is before the meeting (2024-02-20)",
        ),
        (
            &[
                "resolve",
                "2024-02-20",
                "1",
                "--how",
                "x",
                "--on",
                "2024-03-09",
            ],
            "--on: 2024-03-09 is after today",
        ),
    ];
    for (args, needle) in cases {
        let mut all = vec!["meeting"];
        all.extend(args);
        l.refuses(&all, needle);
    }
    l.run(&["meeting", "resolve", "2024-02-20", "1", "--how", "x"])
        .ok();
    l.refuses(
        &["meeting", "resolve", "2024-02-20", "1", "--how", "y"],
        "was already carried out on 2024-03-01",
    );
}

#[test]
fn visits_are_recorded_and_can_open_a_problem() {
    let l = with_people("en");
    let run = l
        .run(&[
            "visit",
            "sr",
            "--date",
            "2024-02-10",
            "--by",
            "督导一组",
            "--findings",
            "施工用电负荷不足",
            "--problem",
            "--unit",
            "供电公司",
            "--limit",
            "2024-03-10",
            "--category",
            "水电气",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "sr: site visit of 2024-02-10 by 督导一组 recorded\nsr: problem 1 recorded from the findings, 供电公司 to resolve it by 2024-03-10\n"
    );
    l.run(&["visit", "sr", "--by", "督导二组", "--findings", "现场正常"])
        .ok();
    assert_eq!(
        no_ids(&l.read("projects/sr/visits.csv")),
        "date,by,findings,problem\n2024-02-10,督导一组,施工用电负荷不足,1\n2024-03-01,督导二组,现场正常,\n"
    );
    assert!(
        no_ids(&l.read("projects/sr/problems.csv"))
            .contains("\n1,施工用电负荷不足,供电公司,2024-03-10,2024-02-10,,,水电气,")
    );
    let show = l.run(&["show", "sr"]).ok().stdout;
    assert!(show.contains("Site visits"), "{show}");
    assert!(
        show.contains("│ 2024-02-10 ┆ 督导一组 ┆ 施工用电负荷不足 ┆ 1           │"),
        "{show}"
    );
    let md = l.run(&["report", "weekly"]).ok().stdout;
    assert!(
        md.contains("- Site visits (现场督导): 1 this week, 2 to date.\n"),
        "{md}"
    );
    // Refusals leave every file as it was.
    l.refuses(
        &["visit", "sr", "--by", " ", "--findings", "x"],
        "--by must not be empty",
    );
    l.refuses(
        &[
            "visit",
            "sr",
            "--by",
            "组",
            "--findings",
            "x",
            "--date",
            "2024-03-05",
        ],
        "--date: 2024-03-05 is after today",
    );
    l.refuses(
        &[
            "visit",
            "sr",
            "--by",
            "组",
            "--findings",
            "x",
            "--problem",
            "--unit",
            "u",
            "--limit",
            "2024-02-01",
        ],
        "--limit: the time limit 2024-02-01 is before the visit (2024-03-01)",
    );
    let before = l.snapshot();
    let run = l.run(&[
        "visit",
        "sr",
        "--by",
        "组",
        "--findings",
        "x",
        "--unit",
        "u",
    ]);
    assert_eq!(run.code, 2, "--unit without --problem is a usage error");
    let run = l.run(&["visit", "sr", "--by", "组", "--findings", "x", "--problem"]);
    assert_eq!(
        run.code, 2,
        "--problem without --unit and --limit is a usage error"
    );
    assert!(l.snapshot() == before);
}

#[test]
fn new_records_commit_with_commit() {
    let l = with_people("en");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(l.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q"]);
    git(&["config", "user.name", "wang"]);
    git(&["config", "user.email", "wang@example.org"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    let last = |git: &dyn Fn(&[&str]) -> String| git(&["log", "-1", "--format=%s", "--name-only"]);
    l.run(&[
        "funds",
        "sr",
        "--source",
        "专项债券",
        "--received",
        "10",
        "--commit",
    ])
    .ok();
    assert_eq!(
        last(&git),
        "funds sr 2024-03-01 专项债券 received 10\n\nprojects/sr/funds.csv\n"
    );
    l.run(&[
        "visit",
        "sr",
        "--by",
        "组",
        "--findings",
        "x",
        "--problem",
        "--unit",
        "u",
        "--limit",
        "2024-03-09",
        "--commit",
    ])
    .ok();
    assert_eq!(
        last(&git),
        "visit sr 2024-03-01 (组)\n\nprojects/sr/problems.csv\nprojects/sr/visits.csv\n"
    );
    l.run(&[
        "meeting",
        "add",
        "--date",
        "2024-03-01",
        "--title",
        "会",
        "--commit",
    ])
    .ok();
    assert_eq!(
        last(&git),
        "meeting add 2024-03-01 (会)\n\nmeetings/2024-03-01.toml\n"
    );
    l.run(&[
        "problem", "escalate", "sr", "1", "--to", "leader", "--note", "报", "--commit",
    ])
    .ok();
    assert_eq!(
        last(&git),
        "problem escalate sr 1 to leader\n\nprojects/sr/problems.csv\n"
    );
}

#[test]
fn set_changes_and_removes_people() {
    let l = with_people("en");
    let run = l
        .run(&[
            "set",
            "sr",
            "--person",
            "王芳",
            "--person-phone",
            "0393-6123456",
            "--contact",
            "",
        ])
        .ok();
    assert!(run.stdout.starts_with("sr: "), "{}", run.stdout);
    assert!(run.stdout.contains("person 张伟 → 王芳"), "{}", run.stdout);
    let text = l.read("projects/sr/project.toml");
    assert!(
        text.contains("person = \"王芳\"\nperson_phone = \"0393-6123456\"\ncontact_phone"),
        "{text}"
    );
    assert!(!text.contains("contact = "), "{text}");
    l.refuses(
        &["set", "sr", "--contact-phone", "110"],
        "--contact-phone: invalid phone number \"110\"",
    );
    l.run(&["check"]).ok();
}

#[test]
fn a_broken_meeting_file_is_left_out_not_the_report() {
    let l = with_people("en");
    l.run(&[
        "meeting",
        "add",
        "--date",
        "2024-02-01",
        "--title",
        "调度会",
    ])
    .ok();
    l.run(&[
        "meeting",
        "decide",
        "2024-02-01",
        "--what",
        "协调",
        "--unit",
        "县水利局",
        "--due",
        "2024-02-10",
    ])
    .ok();
    l.write("meetings/2024-02-05.toml", "date = 2024-02-05\ntitle = \n");
    let run = l.run(&["report", "overdue", "--format", "csv"]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "\ndecision,,,\"协调 (meeting of 2024-02-01, no. 1)\",县水利局,,2024-02-10,20,\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("meetings/2024-02-05.toml"),
        "{}",
        run.stderr
    );
    // Writing to the broken meeting is refused; check names the place.
    l.refuses_broken(
        &[
            "meeting",
            "decide",
            "2024-02-05",
            "--what",
            "x",
            "--unit",
            "u",
            "--due",
            "2024-02-10",
        ],
        "cannot be used",
    );
    let check = l.run(&["check"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .starts_with("./meetings/2024-02-05.toml:2:9: TOML syntax error"),
        "{}",
        check.stdout
    );
}
