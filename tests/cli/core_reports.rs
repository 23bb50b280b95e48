//! The overdue and slow reports: exact output in every format, the date
//! rules at their edges, the slow-progress thresholds, and labels in zh/en.

use crate::support::*;

/// Two projects opened on 2024-03-01, reported on 2024-03-15: an open
/// pledge 10 days late, a procedure 7 days late, a start 5 days late tied
/// with another project's procedure, and a procedure 3 days late.
fn two_projects() -> Ledger {
    let l = Ledger::new();
    l.open_with(
        "road",
        &[
            "--name",
            "G106 国道 改建",
            "--type",
            "交通",
            "--planned-start",
            "2024-03-10",
        ],
    );
    l.open("shengrun");
    l.run(&[
        "pledge",
        "road",
        "eia",
        "--due",
        "2024-03-05",
        "--kind",
        "notify",
        "--items",
        "环评报告书",
    ])
    .ok();
    l.run(&["due", "road", "flood", "2024-03-08"]).ok();
    l.run(&["due", "shengrun", "land-title", "2024-03-12"]).ok();
    l.run(&["due", "shengrun", "洪水影响评价", "2024-03-10"])
        .ok();
    l
}

const AS_OF: [&str; 2] = ["--today", "2024-03-15"];

fn report(l: &Ledger, args: &[&str]) -> String {
    l.run(&[args, &AS_OF[..]].concat()).ok().stdout
}

const OVERDUE_TABLE_ZH: &str = "\
┌────────────┬──────────┬───────────────────────────────┬──────────────┬──────────────────────────────────┬───────────────────────────────────────┬────────────┬──────────┐
│ 类别       ┆ 项目     ┆ 项目名称                      ┆ 事项         ┆ 审批部门/责任单位                ┆ 协调专班(牵头单位)                    ┆ 时限       ┆ 逾期天数 │
╞════════════╪══════════╪═══════════════════════════════╪══════════════╪══════════════════════════════════╪═══════════════════════════════════════╪════════════╪══════════╡
│ 承诺逾期   ┆ road     ┆ G106 国道 改建                ┆ 环评批复     ┆ 濮阳市生态环境局台前分局（市级） ┆ 环保专班 (濮阳市生态环境局台前分局)   ┆ 2024-03-05 ┆       10 │
│ 手续逾期   ┆ road     ┆ G106 国道 改建                ┆ 洪水影响评价 ┆ 县水利局（县级）                 ┆ 水利专班 (县水利局)                   ┆ 2024-03-08 ┆        7 │
│ 未按期开工 ┆ road     ┆ G106 国道 改建                ┆ 开工         ┆ 县委县政府督查服务中心           ┆ 督导服务专班 (县委县政府督查服务中心) ┆ 2024-03-10 ┆        5 │
│ 手续逾期   ┆ shengrun ┆ 河南盛润年产2万吨对苯二酚项目 ┆ 洪水影响评价 ┆ 县水利局（县级）                 ┆ 水利专班 (县水利局)                   ┆ 2024-03-10 ┆        5 │
│ 手续逾期   ┆ shengrun ┆ 河南盛润年产2万吨对苯二酚项目 ┆ 不动产权证   ┆ 县自然资源局（县级）             ┆ 用地专班 (县自然资源局)               ┆ 2024-03-12 ┆        3 │
└────────────┴──────────┴───────────────────────────────┴──────────────┴──────────────────────────────────┴───────────────────────────────────────┴────────────┴──────────┘
共 5 项
";

const OVERDUE_CSV: &str = "\
kind,project,name,item,issuing authority,task force (lead unit),due,days overdue
pledge,road,G106 国道 改建,环评批复,濮阳市生态环境局台前分局 (city),环保专班 (濮阳市生态环境局台前分局),2024-03-05,10
procedure,road,G106 国道 改建,洪水影响评价,县水利局 (county),水利专班 (县水利局),2024-03-08,7
start,road,G106 国道 改建,start of works (开工),县委县政府督查服务中心,督导服务专班 (县委县政府督查服务中心),2024-03-10,5
procedure,shengrun,河南盛润年产2万吨对苯二酚项目,洪水影响评价,县水利局 (county),水利专班 (县水利局),2024-03-10,5
procedure,shengrun,河南盛润年产2万吨对苯二酚项目,不动产权证,县自然资源局 (county),用地专班 (县自然资源局),2024-03-12,3
";

const OVERDUE_MD: &str = "\
| kind | project | name | item | issuing authority | task force (lead unit) | due | days overdue |
| --- | --- | --- | --- | --- | --- | --- | ---: |
| pledge | road | G106 国道 改建 | 环评批复 | 濮阳市生态环境局台前分局 (city) | 环保专班 (濮阳市生态环境局台前分局) | 2024-03-05 | 10 |
| procedure | road | G106 国道 改建 | 洪水影响评价 | 县水利局 (county) | 水利专班 (县水利局) | 2024-03-08 | 7 |
| start | road | G106 国道 改建 | start of works (开工) | 县委县政府督查服务中心 | 督导服务专班 (县委县政府督查服务中心) | 2024-03-10 | 5 |
| procedure | shengrun | 河南盛润年产2万吨对苯二酚项目 | 洪水影响评价 | 县水利局 (county) | 水利专班 (县水利局) | 2024-03-10 | 5 |
| procedure | shengrun | 河南盛润年产2万吨对苯二酚项目 | 不动产权证 | 县自然资源局 (county) | 用地专班 (县自然资源局) | 2024-03-12 | 3 |

5 items
";

const OVERDUE_JSON: &str = "\
{
  \"as_of\": \"2024-03-15\",
  \"items\": [
    {
      \"kind\": \"pledge\",
      \"project\": \"road\",
      \"project_name\": \"G106 国道 改建\",
      \"item\": \"环评批复\",
      \"procedure\": \"eia\",
      \"taskforce\": \"env\",
      \"taskforce_name\": \"环保专班\",
      \"lead_unit\": \"濮阳市生态环境局台前分局\",
      \"authority\": \"濮阳市生态环境局台前分局\",
      \"authority_level\": \"city\",
      \"due\": \"2024-03-05\",
      \"days_overdue\": 10,
      \"pledge_kind\": \"notify\",
      \"missing_items\": \"环评报告书\"
    },
    {
      \"kind\": \"procedure\",
      \"project\": \"road\",
      \"project_name\": \"G106 国道 改建\",
      \"item\": \"洪水影响评价\",
      \"procedure\": \"flood\",
      \"taskforce\": \"water\",
      \"taskforce_name\": \"水利专班\",
      \"lead_unit\": \"县水利局\",
      \"authority\": \"县水利局\",
      \"authority_level\": \"county\",
      \"due\": \"2024-03-08\",
      \"days_overdue\": 7
    },
    {
      \"kind\": \"start\",
      \"project\": \"road\",
      \"project_name\": \"G106 国道 改建\",
      \"item\": \"开工\",
      \"procedure\": null,
      \"taskforce\": \"supervision\",
      \"taskforce_name\": \"督导服务专班\",
      \"lead_unit\": \"县委县政府督查服务中心\",
      \"authority\": \"县委县政府督查服务中心\",
      \"due\": \"2024-03-10\",
      \"days_overdue\": 5
    },
    {
      \"kind\": \"procedure\",
      \"project\": \"shengrun\",
      \"project_name\": \"河南盛润年产2万吨对苯二酚项目\",
      \"item\": \"洪水影响评价\",
      \"procedure\": \"flood\",
      \"taskforce\": \"water\",
      \"taskforce_name\": \"水利专班\",
      \"lead_unit\": \"县水利局\",
      \"authority\": \"县水利局\",
      \"authority_level\": \"county\",
      \"due\": \"2024-03-10\",
      \"days_overdue\": 5
    },
    {
      \"kind\": \"procedure\",
      \"project\": \"shengrun\",
      \"project_name\": \"河南盛润年产2万吨对苯二酚项目\",
      \"item\": \"不动产权证\",
      \"procedure\": \"land-title\",
      \"taskforce\": \"land\",
      \"taskforce_name\": \"用地专班\",
      \"lead_unit\": \"县自然资源局\",
      \"authority\": \"县自然资源局\",
      \"authority_level\": \"county\",
      \"due\": \"2024-03-12\",
      \"days_overdue\": 3
    }
  ],
  \"skipped\": []
}
";

const OVERDUE_TABLE: &str = "\
┌───────────┬──────────┬───────────────────────────────┬───────────────────────┬─────────────────────────────────┬───────────────────────────────────────┬────────────┬──────────────┐
│ kind      ┆ project  ┆ name                          ┆ item                  ┆ issuing authority               ┆ task force (lead unit)                ┆ due        ┆ days overdue │
╞═══════════╪══════════╪═══════════════════════════════╪═══════════════════════╪═════════════════════════════════╪═══════════════════════════════════════╪════════════╪══════════════╡
│ pledge    ┆ road     ┆ G106 国道 改建                ┆ 环评批复              ┆ 濮阳市生态环境局台前分局 (city) ┆ 环保专班 (濮阳市生态环境局台前分局)   ┆ 2024-03-05 ┆           10 │
│ procedure ┆ road     ┆ G106 国道 改建                ┆ 洪水影响评价          ┆ 县水利局 (county)               ┆ 水利专班 (县水利局)                   ┆ 2024-03-08 ┆            7 │
│ start     ┆ road     ┆ G106 国道 改建                ┆ start of works (开工) ┆ 县委县政府督查服务中心          ┆ 督导服务专班 (县委县政府督查服务中心) ┆ 2024-03-10 ┆            5 │
│ procedure ┆ shengrun ┆ 河南盛润年产2万吨对苯二酚项目 ┆ 洪水影响评价          ┆ 县水利局 (county)               ┆ 水利专班 (县水利局)                   ┆ 2024-03-10 ┆            5 │
│ procedure ┆ shengrun ┆ 河南盛润年产2万吨对苯二酚项目 ┆ 不动产权证            ┆ 县自然资源局 (county)           ┆ 用地专班 (县自然资源局)               ┆ 2024-03-12 ┆            3 │
└───────────┴──────────┴───────────────────────────────┴───────────────────────┴─────────────────────────────────┴───────────────────────────────────────┴────────────┴──────────────┘
5 items
";

const SLOW_TABLE_ZH: &str = "\
┌──────┬──────────┬───────────────────────────────┬────────────────────────────────────────────┐
│ 亮灯 ┆ 项目     ┆ 项目名称                      ┆ 原因                                       │
╞══════╪══════════╪═══════════════════════════════╪════════════════════════════════════════════╡
│ 红灯 ┆ road     ┆ G106 国道 改建                ┆ 手续滞后：手续办结6%（1/16），时序进度100% │
│ 绿灯 ┆ shengrun ┆ 河南盛润年产2万吨对苯二酚项目 ┆                                            │
└──────┴──────────┴───────────────────────────────┴────────────────────────────────────────────┘
共 2 项
";

const SLOW_CSV: &str = "\
light,project,name,reasons
red,road,G106 国道 改建,\"procedures behind: 6% obtained or pledged (1 of 16), 100% of the time to the planned start elapsed\"
green,shengrun,河南盛润年产2万吨对苯二酚项目,
";

const SLOW_MD: &str = "\
| light | project | name | reasons |
| --- | --- | --- | --- |
| red | road | G106 国道 改建 | procedures behind: 6% obtained or pledged (1 of 16), 100% of the time to the planned start elapsed |
| green | shengrun | 河南盛润年产2万吨对苯二酚项目 |  |

2 items
";

const SLOW_JSON: &str = "\
{
  \"as_of\": \"2024-03-15\",
  \"projects\": [
    {
      \"project\": \"road\",
      \"name\": \"G106 国道 改建\",
      \"light\": \"red\",
      \"reasons\": [
        {
          \"rule\": \"procedures-behind\",
          \"light\": \"red\",
          \"message\": \"procedures behind: 6% obtained or pledged (1 of 16), 100% of the time to the planned start elapsed\",
          \"done_percent\": 6,
          \"elapsed_percent\": 100
        }
      ]
    },
    {
      \"project\": \"shengrun\",
      \"name\": \"河南盛润年产2万吨对苯二酚项目\",
      \"light\": \"green\",
      \"reasons\": []
    }
  ],
  \"skipped\": []
}
";

#[test]
fn overdue_in_every_format() {
    let l = two_projects();
    assert_eq!(report(&l, &["report", "overdue"]), OVERDUE_TABLE);
    assert_eq!(
        report(&l, &["report", "overdue", "--format", "csv"]),
        OVERDUE_CSV
    );
    assert_eq!(
        report(&l, &["report", "overdue", "--format", "markdown"]),
        OVERDUE_MD
    );
    assert_eq!(
        report(&l, &["report", "overdue", "--format", "json"]),
        OVERDUE_JSON
    );
}

#[test]
fn overdue_terminal_table_in_chinese_is_aligned() {
    let l = two_projects();
    assert_eq!(
        report(&l, &["report", "overdue", "--lang", "zh"]),
        OVERDUE_TABLE_ZH
    );
    // A ledger whose settings say zh needs no --lang.
    l.edit("ledger.toml", "lang = \"en\"", "lang = \"zh\"");
    assert_eq!(report(&l, &["report", "overdue"]), OVERDUE_TABLE_ZH);
    // ... and --lang en overrides it.
    assert_eq!(
        report(&l, &["report", "overdue", "--lang", "en"]),
        OVERDUE_TABLE
    );
}

#[test]
fn slow_in_every_format() {
    let l = two_projects();
    assert_eq!(
        report(&l, &["report", "slow", "--all", "--format", "csv"]),
        SLOW_CSV
    );
    assert_eq!(
        report(&l, &["report", "slow", "--all", "--format", "markdown"]),
        SLOW_MD
    );
    assert_eq!(
        report(&l, &["report", "slow", "--all", "--format", "json"]),
        SLOW_JSON
    );
    assert_eq!(
        report(&l, &["report", "slow", "--all", "--lang", "zh"]),
        SLOW_TABLE_ZH
    );
    // Without --all the green project is left out.
    assert_eq!(
        report(&l, &["report", "slow", "--format", "csv"]),
        "light,project,name,reasons\nred,road,G106 国道 改建,\"procedures behind: 6% obtained or pledged (1 of 16), 100% of the time to the planned start elapsed\"\n"
    );
}

#[test]
fn empty_reports() {
    let l = Ledger::new();
    l.open("shengrun");
    assert_eq!(
        l.run(&["report", "overdue"]).ok().stdout,
        "Nothing overdue as of 2024-03-01.\n"
    );
    assert_eq!(
        l.run(&["report", "overdue", "--lang", "zh"]).ok().stdout,
        "截至2024-03-01，无逾期事项。\n"
    );
    assert_eq!(
        l.run(&["report", "overdue", "--format", "json"])
            .ok()
            .stdout,
        "{\n  \"as_of\": \"2024-03-01\",\n  \"items\": [],\n  \"skipped\": []\n}\n"
    );
    assert_eq!(
        l.run(&["report", "overdue", "--format", "csv"]).ok().stdout,
        "kind,project,name,item,issuing authority,task force (lead unit),due,days overdue\n"
    );
    assert_eq!(
        l.run(&["report", "slow"]).ok().stdout,
        "No project is lit red or yellow as of 2024-03-01.\n"
    );
    assert_eq!(
        l.run(&["report", "slow", "--lang", "zh"]).ok().stdout,
        "截至2024-03-01，无红灯、黄灯项目。\n"
    );
    assert_eq!(
        l.run(&["report", "slow", "--format", "json"]).ok().stdout,
        "{\n  \"as_of\": \"2024-03-01\",\n  \"projects\": [],\n  \"skipped\": []\n}\n"
    );
}

/// The overdue items as `kind,project,item,days` lines.
fn overdue_lines(l: &Ledger, today: &str) -> Vec<String> {
    let out = l
        .run(&["report", "overdue", "--format", "json", "--today", today])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of"], today);
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{},{},{},{}",
                i["kind"].as_str().unwrap(),
                i["project"].as_str().unwrap(),
                i["item"].as_str().unwrap(),
                i["days_overdue"]
            )
        })
        .collect()
}

#[test]
fn due_today_is_not_overdue_due_yesterday_is_one_day() {
    let l = Ledger::new();
    l.open_with(
        "road",
        &[
            "--name",
            "G106 国道 改建",
            "--type",
            "transport",
            "--planned-start",
            "2024-03-10",
        ],
    );
    l.run(&[
        "pledge",
        "road",
        "eia",
        "--due",
        "2024-03-10",
        "--kind",
        "tolerance",
        "--items",
        "报告",
    ])
    .ok();
    l.run(&["due", "road", "flood", "2024-03-10"]).ok();
    assert_eq!(overdue_lines(&l, "2024-03-09"), Vec::<String>::new());
    assert_eq!(overdue_lines(&l, "2024-03-10"), Vec::<String>::new());
    assert_eq!(
        l.run(&["report", "overdue", "--today", "2024-03-10"])
            .ok()
            .stdout,
        "Nothing overdue as of 2024-03-10.\n"
    );
    assert_eq!(
        overdue_lines(&l, "2024-03-11"),
        [
            "pledge,road,环评批复,1",
            "procedure,road,洪水影响评价,1",
            "start,road,开工,1"
        ]
    );
    assert_eq!(
        overdue_lines(&l, "2024-03-20"),
        [
            "pledge,road,环评批复,10",
            "procedure,road,洪水影响评价,10",
            "start,road,开工,10",
            // 10 working days from 2024-03-01: due 2024-03-15.
            "procedure,road,水土保持方案,5"
        ]
    );
}

#[test]
fn done_items_are_not_overdue() {
    let l = Ledger::new();
    l.open_with(
        "road",
        &[
            "--name",
            "G106 国道 改建",
            "--type",
            "transport",
            "--planned-start",
            "2024-03-10",
        ],
    );
    l.run(&[
        "pledge",
        "road",
        "eia",
        "--due",
        "2024-03-10",
        "--kind",
        "tolerance",
        "--items",
        "报告",
    ])
    .ok();
    l.run(&["due", "road", "flood", "2024-03-10"]).ok();
    l.run(&["due", "road", "soil-water", "2024-03-10"]).ok();
    // A pledged procedure is not overdue as a procedure, only its pledge.
    l.run(&[
        "pledge",
        "road",
        "soil-water",
        "--due",
        "2024-03-12",
        "--kind",
        "notify",
        "--items",
        "水保方案",
    ])
    .ok();
    assert_eq!(
        overdue_lines(&l, "2024-03-13"),
        [
            "pledge,road,环评批复,3",
            "procedure,road,洪水影响评价,3",
            "start,road,开工,3",
            "pledge,road,水土保持方案,1"
        ]
    );
    l.run(&["fulfil", "road", "eia", "--today", "2024-03-13"])
        .ok();
    l.run(&["tick", "road", "flood", "--today", "2024-03-13"])
        .ok();
    l.run(&["start", "road", "--today", "2024-03-13"]).ok();
    assert_eq!(
        overdue_lines(&l, "2024-03-13"),
        ["pledge,road,水土保持方案,1"]
    );
}

#[test]
fn most_overdue_first() {
    let l = two_projects();
    assert_eq!(
        overdue_lines(&l, "2024-03-15"),
        [
            "pledge,road,环评批复,10",
            "procedure,road,洪水影响评价,7",
            "start,road,开工,5",
            "procedure,shengrun,洪水影响评价,5",
            "procedure,shengrun,不动产权证,3",
        ]
    );
    // Later, the catalogue's own due dates (2024-03-29) join in.
    let later = overdue_lines(&l, "2024-04-01");
    assert_eq!(later[0], "pledge,road,环评批复,27");
    let days: Vec<i64> = later
        .iter()
        .map(|s| s.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{later:?}");
    assert!(later.contains(&"procedure,shengrun,项目审批/核准/备案,3".to_string()));
}

/// The lights of `report slow --all` as `project,light,rule:light;...`.
fn lights(l: &Ledger, today: &str) -> Vec<String> {
    let out = l
        .run(&[
            "report", "slow", "--all", "--format", "json", "--today", today,
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let reasons: Vec<String> = p["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    format!(
                        "{}:{}",
                        r["rule"].as_str().unwrap(),
                        r["light"].as_str().unwrap()
                    )
                })
                .collect();
            format!(
                "{},{},{}",
                p["project"].as_str().unwrap(),
                p["light"].as_str().unwrap(),
                reasons.join(";")
            )
        })
        .collect()
}

#[test]
fn slow_start_late_thresholds() {
    let l = Ledger::new();
    // Only the start rule: the other two are switched off in ledger.toml.
    l.edit(
        "ledger.toml",
        "procedures_behind_yellow_points = 20",
        "procedures_behind_yellow_points = 1000",
    );
    l.edit(
        "ledger.toml",
        "procedures_behind_red_points = 40",
        "procedures_behind_red_points = 1000",
    );
    l.edit("ledger.toml", "stale_days = 30", "stale_days = 0");
    l.open_with(
        "road",
        &[
            "--name",
            "G106 国道 改建",
            "--type",
            "transport",
            "--planned-start",
            "2024-03-01",
        ],
    );
    assert_eq!(lights(&l, "2024-03-30"), ["road,green,"]); // 29 days
    assert_eq!(lights(&l, "2024-03-31"), ["road,yellow,not-started:yellow"]); // 30
    assert_eq!(lights(&l, "2024-05-29"), ["road,yellow,not-started:yellow"]); // 89
    assert_eq!(lights(&l, "2024-05-30"), ["road,red,not-started:red"]); // 90
    let out = l
        .run(&[
            "report",
            "slow",
            "--format",
            "json",
            "--today",
            "2024-05-30",
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["projects"][0]["reasons"][0],
        serde_json::json!({
            "rule": "not-started", "light": "red",
            "message": "not started: 90 days past the planned start 2024-03-01",
            "days_late": 90
        })
    );
    assert_eq!(
        l.run(&[
            "report",
            "slow",
            "--lang",
            "zh",
            "--format",
            "csv",
            "--today",
            "2024-05-30"
        ])
        .ok()
        .stdout,
        "亮灯,项目,项目名称,原因\n红灯,road,G106 国道 改建,未按期开工：超过计划开工日期（2024-03-01）90天\n"
    );
    // Started late is no longer slow.
    l.run(&["start", "road", "--today", "2024-05-30"]).ok();
    assert_eq!(lights(&l, "2024-06-30"), ["road,green,"]);
}

#[test]
fn slow_procedures_behind() {
    let l = Ledger::new();
    // 14 procedures, 10 days from opening to the planned start.
    l.open_with(
        "shengrun",
        &[
            "--name",
            "盛润",
            "--type",
            "chemical",
            "--planned-start",
            "2024-03-11",
            "--hazchem",
            "yes",
        ],
    );
    assert_eq!(lights(&l, "2024-03-02"), ["shengrun,green,"]); // 10 points
    assert_eq!(
        lights(&l, "2024-03-03"),
        ["shengrun,yellow,procedures-behind:yellow"]
    ); // 20 points
    assert_eq!(
        lights(&l, "2024-03-05"),
        ["shengrun,red,procedures-behind:red"]
    ); // 40 points
    // Two procedures done (one obtained, one pledged) of 26: 8%.
    l.run(&["tick", "shengrun", "eia"]).ok();
    l.run(&[
        "pledge",
        "shengrun",
        "safety",
        "--due",
        "2024-04-01",
        "--kind",
        "notify",
        "--items",
        "x",
    ])
    .ok();
    assert_eq!(
        lights(&l, "2024-03-05"),
        ["shengrun,yellow,procedures-behind:yellow"]
    ); // 40 − 7.7 points
    assert_eq!(
        l.run(&["report", "slow", "--format", "csv", "--today", "2024-03-05"])
            .ok()
            .stdout,
        "light,project,name,reasons\nyellow,shengrun,盛润,\"procedures behind: 8% obtained or pledged (2 of 26), 40% of the time to the planned start elapsed\"\n"
    );
}

#[test]
fn slow_stale_and_every_reason_listed() {
    let l = Ledger::new();
    l.open_with("plain", &["--name", "无计划项目", "--type", "water"]);
    assert_eq!(lights(&l, "2024-03-30"), ["plain,green,"]); // 29 days
    assert_eq!(lights(&l, "2024-03-31"), ["plain,yellow,stale:yellow"]); // 30
    l.run(&["tick", "plain", "eia", "--today", "2024-03-15"])
        .ok();
    assert_eq!(lights(&l, "2024-04-13"), ["plain,green,"]);
    assert_eq!(lights(&l, "2024-04-14"), ["plain,yellow,stale:yellow"]);
    // A later date recorded in the ledger counts too (a pledge).
    l.run(&[
        "pledge",
        "plain",
        "flood",
        "--due",
        "2024-05-01",
        "--kind",
        "notify",
        "--items",
        "x",
        "--today",
        "2024-04-10",
    ])
    .ok();
    assert_eq!(lights(&l, "2024-04-14"), ["plain,green,"]);

    // Every reason of a project behind on all three counts.
    l.open_with(
        "late",
        &[
            "--name",
            "滞后项目",
            "--type",
            "water",
            "--planned-start",
            "2024-03-02",
        ],
    );
    assert_eq!(
        lights(&l, "2024-06-01"),
        [
            "late,red,not-started:red;procedures-behind:red;stale:yellow",
            "plain,yellow,stale:yellow"
        ]
    );
    assert_eq!(
        l.run(&["report", "slow", "--format", "csv", "--today", "2024-06-01"])
            .ok()
            .stdout,
        "light,project,name,reasons
red,late,滞后项目,\"not started: 91 days past the planned start 2024-03-02; procedures behind: 0% obtained or pledged (0 of 15), 100% of the time to the planned start elapsed; stale: nothing recorded for 92 days (last on 2024-03-01)\"
yellow,plain,无计划项目,stale: nothing recorded for 52 days (last on 2024-04-10)
"
    );
    assert_eq!(
        l.run(&[
            "report", "slow", "--format", "csv", "--lang", "zh", "--today", "2024-06-01"
        ])
        .ok()
        .stdout,
        "亮灯,项目,项目名称,原因
红灯,late,滞后项目,未按期开工：超过计划开工日期（2024-03-02）91天；手续滞后：手续办结0%（0/15），时序进度100%；久未更新：92天无新记录（最近一次2024-03-01）
黄灯,plain,无计划项目,久未更新：52天无新记录（最近一次2024-04-10）
"
    );
}

#[test]
fn list_labels_in_chinese_and_markdown_escapes_bars() {
    let l = Ledger::with_lang("zh");
    l.open_with(
        "c",
        &[
            "--name",
            "A|B 项目",
            "--type",
            "水利",
            "--township",
            "打渔陈镇",
        ],
    );
    assert_eq!(
        l.run(&["list", "--format", "markdown"]).ok().stdout,
        "| 项目 | 项目名称 | 类型 | 乡镇 | 总投资(万元) | 计划开工 | 开工日期 | 阶段 | 已办 | 应办 | 容缺承诺 | 待办 | 逾期 |
| --- | --- | --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
| c | A\\|B 项目 | 水利 | 打渔陈镇 |  |  |  | 前期 | 0 | 15 | 0 | 15 | 0 |

共 1 项
"
    );
    assert_eq!(
        l.run(&["list", "--format", "csv", "--lang", "en"]).ok().stdout,
        "project,name,type,township,investment (万元),planned start,started,stage,done,needed,pledged,pending,overdue
c,A|B 项目,水利,打渔陈镇,,,,preparing,0,15,0,15,0
"
    );
    assert_eq!(
        l.run(&["list"]).ok().stdout.lines().nth(1).unwrap(),
        "│ 项目 ┆ 项目名称 ┆ 类型 ┆ 乡镇     ┆ 阶段 ┆ 已办 ┆ 应办 ┆ 容缺承诺 ┆ 待办 ┆ 逾期 │"
    );
}
