//! A clerk's terminal (issue 14): Chinese input, "did you mean", finding a
//! project by a word of its name, the catalogue.

use crate::support::*;

fn ledger() -> Ledger {
    let l = Ledger::new();
    l.open("shengrun");
    l
}

#[test]
fn dates_amounts_and_kinds_as_a_clerk_types_them() {
    let l = ledger();
    l.run(&[
        "open",
        "road",
        "--name",
        "城区道路绿化工程",
        "--type",
        "市政",
        "--investment",
        "１２，５００．５",
        "--planned-start",
        "2024年6月30日",
    ])
    .ok();
    let record = l.read("projects/road/project.toml");
    assert!(record.contains("investment = \"12500.5\""), "{record}");
    assert!(record.contains("planned_start = 2024-06-30"), "{record}");
    l.run(&["tick", "shengrun", "eia", "--date", "2024/3/1"])
        .ok();
    l.run(&["apply", "shengrun", "safety", "--date", "2024.3.1"])
        .ok();
    l.run(&[
        "pledge",
        "shengrun",
        "drawing-review",
        "--kind",
        "告知承诺",
        "--due",
        "２０２４年４月１日",
        "--items",
        "图审合格书",
    ])
    .ok();
    l.run(&[
        "pledge",
        "shengrun",
        "relics",
        "--kind",
        "容缺",
        "--due",
        "2024/4/2",
        "--items",
        "勘探报告",
    ])
    .ok();
    let csv = l.read("projects/shengrun/procedures.csv");
    assert!(
        csv.contains("eia,环评批复,env,obtained,2024-04-30,2024-03-01,"),
        "{csv}"
    );
    assert!(
        csv.contains("safety,安全条件审查,supervision,pending,2024-04-15,,,,,,,,,2024-03-01"),
        "{csv}"
    );
    assert!(
        csv.contains(",notify,2024-03-01,2024-04-01,图审合格书,"),
        "{csv}"
    );
    assert!(
        csv.contains(",tolerance,2024-03-01,2024-04-02,勘探报告,"),
        "{csv}"
    );
    l.run(&["progress", "shengrun", "--invested", "1,200"]).ok();
    assert!(l.read("projects/shengrun/progress.csv").contains(",1200,"));
}

#[test]
fn ambiguous_or_unreadable_values_say_what_is_read() {
    let l = ledger();
    for bad in ["03/04/2024", "4/3/2024", "24/3/1", "2024/3"] {
        l.refuses(
            &["tick", "shengrun", "eia", "--date", bad],
            &format!(
                "--date: invalid date \"{bad}\": expected 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 (year first)"
            ),
        );
    }
    l.refuses(
        &["tick", "shengrun", "eia", "--date", "2023年2月29日"],
        "--date: invalid date \"2023年2月29日\": no such day in the calendar",
    );
    for bad in ["12,5", "1,20", "1.200,5"] {
        l.refuses(
            &["plan", "shengrun", "--year", "2024", "--amount", bad],
            &format!("--amount: invalid amount \"{bad}\": expected 万元 as digits, e.g. 3500, 3500.25 or 1,200"),
        );
    }
}

#[test]
fn did_you_mean() {
    let l = ledger();
    for (typed, shown) in [
        ("环评", "eia (环评批复)"),
        ("环评批复 书", "eia (环评批复)"),
        ("EIA", "eia (环评批复)"),
        ("施工许可", "construction-permit (施工许可证)"),
    ] {
        let run = l.refuses(&["tick", "shengrun", typed], "");
        assert!(
            run.stderr.contains(&format!("did you mean {shown}?")),
            "{typed}: {}",
            run.stderr
        );
        assert!(run.stderr.len() < 200, "{}", run.stderr);
    }
    // A leading space is no reason to refuse a name that is right.
    l.run(&["apply", "shengrun", " 环评批复 "]).ok();
    l.refuses(
        &["tick", "shengrn", "eia"],
        "unknown project \"shengrn\": no folder ./projects/shengrn; did you mean shengrun (河南盛润年产2万吨对苯二酚项目)?",
    );
    l.refuses(
        &["open", "x", "--name", "x", "--type", "chem"],
        "--type: unknown project type \"chem\"; did you mean chemical (化工)?",
    );
    l.refuses(
        &[
            "open",
            "x",
            "--name",
            "x",
            "--type",
            "chemical",
            "--with",
            "洪水影响",
        ],
        "--with: unknown procedure \"洪水影响\"; did you mean flood (洪水影响评价)?",
    );
    l.refuses(
        &["--taskforce", "enviro", "list"],
        "--taskforce: unknown task force \"enviro\"; did you mean env (环保专班)?",
    );
}

#[test]
fn taskforce_by_chinese_name() {
    let l = ledger();
    let by_key = l.run(&["--taskforce", "land", "report", "taskforce"]).ok();
    for name in ["用地专班", "用地", " 用地 "] {
        let run = l.run(&["--taskforce", name, "report", "taskforce"]).ok();
        assert_eq!(run.stdout, by_key.stdout, "{name}");
        let run = l.run(&["--taskforce", name, "show", "shengrun"]).ok();
        assert!(run.stdout.contains("land-prereview") && !run.stdout.contains("eia"));
    }
}

#[test]
fn show_by_a_word_of_the_name() {
    let l = ledger();
    l.open_with(
        "road",
        &[
            "--name",
            "城区道路绿化工程",
            "--type",
            "municipal",
            "--owner",
            "县住建局",
        ],
    );
    let by_id = l.run(&["show", "road"]).ok();
    assert_eq!(l.run(&["show", "道路"]).ok().stdout, by_id.stdout);
    assert_eq!(l.run(&["show", "住建"]).ok().stdout, by_id.stdout);
    let run = l.run(&["show", "项目"]).ok();
    assert!(run.stdout.contains("shengrun"));
    // Two projects match: both are listed, nothing is shown.
    l.open_with("hq", &["--name", "盛润总部项目", "--type", "industrial"]);
    let run = l.run(&["show", "项目"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: \"项目\" matches 2 projects; give the ID of one:\n  hq  盛润总部项目\n  shengrun  河南盛润年产2万吨对苯二酚项目\n"
    );
    l.refuses(&["show", "化工园区"], "unknown project \"化工园区\"");
}

#[test]
fn catalogue_lists_every_procedure() {
    let l = Ledger::new();
    let run = l.run(&["catalogue"]).ok();
    for key in ["approval", "eia", "construction-permit", "safety"] {
        assert!(run.stdout.contains(key), "{key}");
    }
    assert!(run.stdout.contains("施工许可证"));
    let json = l.run(&["catalogue", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["procedures"][0]["key"], "approval");
}
