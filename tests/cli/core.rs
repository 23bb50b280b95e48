//! The core ledger: init, open, the daily records and list/show, each
//! checked by its exact output and the exact files it writes.

use crate::support::*;

const HEADER: &str = "procedure,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note,applied\n";

/// The task list of a government-invested road on allocated land with an
/// EIA report, opened on 2024-03-01.
const ROAD_CSV: &str = "\
approval,项目审批/核准/备案,supervision,pending,2024-03-29,,,,,,,,,
feasibility,可行性研究报告审批,supervision,pending,,,,,,,,,,
preliminary-design,初步设计及概算审批,supervision,pending,,,,,,,,,,
stability-risk,社会稳定风险评估,supervision,pending,,,,,,,,,,
land-prereview,用地预审与选址意见书,land,pending,2024-03-29,,,,,,,,,
farmland-conversion,农用地转用和土地征收,land,pending,,,,,,,,,,
land-allocation,国有建设用地划拨决定书,land,pending,,,,,,,,,,
mineral-overlay,压覆重要矿产资源查询（审批）,land,pending,,,,,,,,,,
geohazard,地质灾害危险性评估,land,pending,,,,,,,,,,
eia,环评批复,env,pending,2024-04-30,,,,,,,,,
soil-water,水土保持方案,water,pending,2024-03-15,,,,,,,,,
flood,洪水影响评价,water,pending,2024-03-29,,,,,,,,,
relics,文物考古调查勘探,relics,pending,2024-04-28,,,,,,,,,
transport-review,交通行业审查,transport,pending,,,,,,,,,,
road-permit,公路工程施工许可,transport,pending,,,,,,,,,,
";

const ROAD_CSV_PATH: &str = "projects/road/procedures.csv";
const ROAD_TOML_PATH: &str = "projects/road/project.toml";

const RECORD_HEAD: &str = "\
# Project record (项目记录), kept by taizhang: see docs/FORMAT.md.
# Comments you add here are kept when taizhang changes the file.
# investment is in 万元; dates are YYYY-MM-DD.
";

fn road() -> Ledger {
    let l = Ledger::new();
    l.open_with(
        "road",
        &[
            "--name",
            "G106 国道 改建",
            "--type",
            "交通",
            "--planned-start",
            "2024-04-15",
            "--land",
            "allocation",
            "--investment-nature",
            "government",
            "--eia",
            "report",
        ],
    );
    l
}

#[test]
fn init_writes_a_ledger_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("county");
    let run = run_in(
        dir.path(),
        &[
            "init",
            "county",
            "--name",
            "台前台账",
            "--region",
            "410927",
            "--lang",
            "zh",
        ],
    )
    .ok();
    assert!(
        run.stdout.starts_with("已在 county 新建台账“台前台账”"),
        "{}",
        run.stdout
    );
    let settings = std::fs::read_to_string(target.join("ledger.toml")).unwrap();
    // A Chinese ledger is commented in Chinese.
    assert!(settings.starts_with("# taizhang 台账设置\n"), "{settings}");
    assert!(settings.contains("name = \"台前台账\"\n"));
    assert!(settings.contains("region = \"410927\"\n"));
    assert!(settings.contains("lang = \"zh\"\n"));
    assert_eq!(
        std::fs::read_to_string(target.join(".gitignore")).unwrap(),
        ".taizhang.lock\n.taizhang-*.tmp\n.taizhang/\n"
    );
    assert_eq!(
        std::fs::read_to_string(target.join(".gitattributes")).unwrap(),
        "# Merge ledger files row by row and key by key (`taizhang git setup`).\nprojects/*/procedures.csv merge=taizhang\nprojects/*/progress.csv merge=taizhang\nprojects/*/problems.csv merge=taizhang\nprojects/*/funds.csv merge=taizhang\nprojects/*/visits.csv merge=taizhang\nprojects/*/project.toml merge=taizhang\n"
    );
    assert!(target.join("projects/.gitkeep").is_file());
    // The fresh ledger is sound.
    let check = run_in(&target, &["check"]).ok();
    assert_eq!(check.stdout, "");

    let before = std::fs::read(target.join("ledger.toml")).unwrap();
    let again = run_in(dir.path(), &["init", "county", "--name", "other"]);
    assert_eq!(again.code, 1);
    assert_eq!(
        again.stderr,
        "error: county/ledger.toml already exists: refusing to overwrite an existing ledger\n"
    );
    assert_eq!(std::fs::read(target.join("ledger.toml")).unwrap(), before);
}

#[test]
fn init_over_an_existing_ledger_is_refused() {
    let l = Ledger::new();
    l.refuses(
        &["init", ".", "--name", "x"],
        "ledger.toml already exists: refusing to overwrite an existing ledger",
    );
}

#[test]
fn init_refuses_a_bad_region_code() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["init", "x", "--region", "41092"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("invalid region code \"41092\""));
    assert!(!dir.path().join("x").exists());
}

#[test]
fn open_writes_the_record_and_the_task_list() {
    let l = Ledger::new();
    let run = l
        .run(&[
            "open",
            "shengrun",
            "--name",
            "河南盛润年产2万吨对苯二酚项目",
            "--type",
            "chemical",
            "--owner",
            "河南盛润化工有限公司",
            "--township",
            "打渔陈镇",
            "--code",
            "2403-410927-04-01-382615",
            "--investment",
            "35000.50",
            "--planned-start",
            "2024-06-30",
            "--land",
            "transfer",
            "--investment-nature",
            "filing",
            "--hazchem",
            "yes",
            "--eia",
            "report",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "Opened shengrun 河南盛润年产2万吨对苯二酚项目 (化工): 19 procedures on its task list, in ./projects/shengrun\n"
    );
    assert_eq!(
        l.read("projects/shengrun/project.toml"),
        format!(
            "{RECORD_HEAD}\
name = \"河南盛润年产2万吨对苯二酚项目\"
type = \"chemical\"
owner = \"河南盛润化工有限公司\"
township = \"打渔陈镇\"
code = \"2403-410927-04-01-382615\"
investment = \"35000.50\"
opened = 2024-03-01
planned_start = 2024-06-30
land = \"transfer\"
investment_nature = \"filing\"
hazchem = true
eia = \"report\"
"
        )
    );
    // Land by transfer: no siting opinion, pre-review or survey of its own;
    // hazardous chemicals: the safety reviews, lightning and fire design.
    // Calendar-day limits: 2024-03-01 + 60 days (eia) is Tuesday 30 April,
    // + 45 days (safety) Monday 15 April.
    assert_eq!(
        l.read("projects/shengrun/procedures.csv"),
        format!(
            "{HEADER}\
approval,项目审批/核准/备案,supervision,pending,2024-03-29,,,,,,,,,
land-transfer,国有建设用地使用权出让合同,land,pending,,,,,,,,,,
land-planning,建设用地规划许可证,land,pending,2024-03-29,,,,,,,,,
land-title,不动产权证,land,pending,2024-04-15,,,,,,,,,
works-planning,建设工程规划许可证,land,pending,2024-03-29,,,,,,,,,
mineral-overlay,压覆重要矿产资源查询（审批）,land,pending,,,,,,,,,,
geohazard,地质灾害危险性评估,land,pending,,,,,,,,,,
eia,环评批复,env,pending,2024-04-30,,,,,,,,,
energy,节能审查,supervision,pending,,,,,,,,,,
soil-water,水土保持方案,water,pending,2024-03-15,,,,,,,,,
water-abstraction,取水许可,water,pending,2024-05-08,,,,,,,,,
flood,洪水影响评价,water,pending,2024-03-29,,,,,,,,,
safety,安全条件审查,supervision,pending,2024-04-15,,,,,,,,,
safety-design,危险化学品建设项目安全设施设计审查,supervision,pending,2024-03-29,,,,,,,,,
lightning,雷电防护装置设计审核,build,pending,2024-03-15,,,,,,,,,
fire-design,特殊建设工程消防设计审查,build,pending,2024-03-22,,,,,,,,,
civil-defence,防空地下室（结建）审批,build,pending,,,,,,,,,,
drawing-review,施工图审查,build,pending,,,,,,,,,,
construction-permit,施工许可证,build,pending,,,,,,,,,,
"
        )
    );
}

#[test]
fn open_by_chinese_type_with_and_without() {
    let l = Ledger::new();
    let run = l
        .run(&[
            "open",
            "road",
            "--name",
            "G106 国道 改建",
            "--type",
            "交通",
            "--with",
            "施工许可证",
            "--without",
            "relics",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "Opened road G106 国道 改建 (交通): 16 procedures on its task list, in ./projects/road\n"
    );
    assert_eq!(
        l.read(ROAD_TOML_PATH),
        format!(
            "{RECORD_HEAD}name = \"G106 国道 改建\"\ntype = \"transport\"\nopened = 2024-03-01\n"
        )
    );
    assert_eq!(
        l.read(ROAD_CSV_PATH),
        format!(
            "{HEADER}\
approval,项目审批/核准/备案,supervision,pending,2024-03-29,,,,,,,,,
feasibility,可行性研究报告审批,supervision,pending,,,,,,,,,,
preliminary-design,初步设计及概算审批,supervision,pending,,,,,,,,,,
stability-risk,社会稳定风险评估,supervision,pending,,,,,,,,,,
land-prereview,用地预审与选址意见书,land,pending,2024-03-29,,,,,,,,,
farmland-conversion,农用地转用和土地征收,land,pending,,,,,,,,,,
land-allocation,国有建设用地划拨决定书,land,pending,,,,,,,,,,
land-transfer,国有建设用地使用权出让合同,land,pending,,,,,,,,,,
mineral-overlay,压覆重要矿产资源查询（审批）,land,pending,,,,,,,,,,
geohazard,地质灾害危险性评估,land,pending,,,,,,,,,,
eia,环评批复,env,pending,2024-04-30,,,,,,,,,
soil-water,水土保持方案,water,pending,2024-03-15,,,,,,,,,
flood,洪水影响评价,water,pending,2024-03-29,,,,,,,,,
relics,文物考古调查勘探,relics,not-needed,,,,,,,,,,
transport-review,交通行业审查,transport,pending,,,,,,,,,,
construction-permit,施工许可证,build,pending,,,,,,,,,,
road-permit,公路工程施工许可,transport,pending,,,,,,,,,,
"
        )
    );
}

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
fn tick_records_the_procedure_by_chinese_name() {
    let l = road();
    let run = l
        .run(&[
            "tick",
            "road",
            "环评批复",
            "--date",
            "2024-03-01",
            "--doc",
            "濮环审〔2024〕5号",
            "--note",
            "市局批复, \"加急\"",
        ])
        .ok();
    assert_eq!(run.stdout, "road: 环评批复 (eia) obtained on 2024-03-01\n");
    assert_eq!(
        l.read(ROAD_CSV_PATH),
        format!(
            "{HEADER}{}",
            ROAD_CSV.replace(
                "eia,环评批复,env,pending,2024-04-30,,,,,,,,",
                "eia,环评批复,env,obtained,2024-04-30,2024-03-01,濮环审〔2024〕5号,,,,,,\"市局批复, \"\"加急\"\"\""
            )
        )
    );
    // The record did not change, so it was not rewritten.
    assert!(l.read(ROAD_TOML_PATH).ends_with("eia = \"report\"\n"));
}

#[test]
fn tick_defaults_to_today_and_appends_notes() {
    let l = road();
    l.edit(
        ROAD_CSV_PATH,
        "flood,洪水影响评价,water,pending,2024-03-29,,,,,,,,",
        "flood,洪水影响评价,water,pending,2024-03-29,,,,,,,,已报市局",
    );
    l.run(&[
        "tick",
        "road",
        "flood",
        "--note",
        "已批复",
        "--today",
        "2024-03-05",
    ])
    .ok();
    assert!(l.read(ROAD_CSV_PATH).contains(
        "\nflood,洪水影响评价,water,obtained,2024-03-29,2024-03-05,,,,,,,已报市局；已批复,\n"
    ));
}

#[test]
fn pledge_then_fulfil() {
    let l = road();
    let run = l
        .run(&[
            "pledge",
            "road",
            "水土保持方案",
            "--due",
            "2024-03-20",
            "--kind",
            "tolerance",
            "--items",
            "水保方案报告书",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "road: 水土保持方案 (soil-water) granted on a commitment (tolerance) on 2024-03-01; missing items due by 2024-03-20\n"
    );
    assert!(l.read(ROAD_CSV_PATH).contains(
        "\nsoil-water,水土保持方案,water,pledged,2024-03-15,,,tolerance,2024-03-01,2024-03-20,水保方案报告书,,,\n"
    ));
    let run = l
        .run(&["fulfil", "road", "soil-water", "--today", "2024-03-22"])
        .ok();
    assert_eq!(
        run.stdout,
        "road: pledge on 水土保持方案 (soil-water) fulfilled on 2024-03-22 (2 days after the deadline 2024-03-20)\n"
    );
    assert!(l.read(ROAD_CSV_PATH).contains(
        "\nsoil-water,水土保持方案,water,obtained,2024-03-15,2024-03-22,,tolerance,2024-03-01,2024-03-20,水保方案报告书,2024-03-22,,\n"
    ));
    l.refuses(
        &["fulfil", "road", "soil-water", "--today", "2024-03-23"],
        "has no open pledge to fulfil (status obtained)",
    );
}

#[test]
fn fulfil_on_time_says_nothing_of_lateness() {
    let l = road();
    l.run(&[
        "pledge",
        "road",
        "eia",
        "--due",
        "2024-03-20",
        "--kind",
        "notify",
        "--items",
        "报告",
    ])
    .ok();
    let run = l
        .run(&[
            "fulfil",
            "road",
            "eia",
            "--date",
            "2024-03-20",
            "--today",
            "2024-03-25",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "road: pledge on 环评批复 (eia) fulfilled on 2024-03-20; obtained on 2024-03-01, the day of the commitment (告知承诺)\n"
    );
}

#[test]
fn tick_of_a_pledged_procedure_fulfils_the_pledge() {
    let l = road();
    l.run(&[
        "pledge",
        "road",
        "eia",
        "--due",
        "2024-03-20",
        "--kind",
        "notify",
        "--items",
        "报告",
    ])
    .ok();
    let run = l
        .run(&["tick", "road", "eia", "--today", "2024-03-10"])
        .ok();
    assert_eq!(
        run.stdout,
        "road: 环评批复 (eia) obtained on 2024-03-01, the day of the commitment (告知承诺); pledge fulfilled on 2024-03-10\n"
    );
    // 告知承诺: the approval is issued on the commitment.
    assert!(l.read(ROAD_CSV_PATH).contains(
        "\neia,环评批复,env,obtained,2024-04-30,2024-03-01,,notify,2024-03-01,2024-03-20,报告,2024-03-10,,\n"
    ));
}

#[test]
fn due_sets_the_date() {
    let l = road();
    let run = l.run(&["due", "road", "洪水影响评价", "2024-03-25"]).ok();
    assert_eq!(run.stdout, "road: 洪水影响评价 (flood) due by 2024-03-25\n");
    assert_eq!(
        l.read(ROAD_CSV_PATH),
        format!(
            "{HEADER}{}",
            ROAD_CSV.replace(
                "flood,洪水影响评价,water,pending,2024-03-29,",
                "flood,洪水影响评价,water,pending,2024-03-25,"
            )
        )
    );
}

#[test]
fn start_records_the_day_works_started() {
    let l = road();
    let csv_before = l.read(ROAD_CSV_PATH);
    let run = l
        .run(&[
            "start",
            "road",
            "--date",
            "2024-04-20",
            "--today",
            "2024-04-22",
        ])
        .ok();
    // Recorded, with a warning: procedures still pending (未批先建).
    let (first, warning) = run.stdout.split_once('\n').unwrap();
    assert_eq!(
        first,
        "road: works started on 2024-04-20, 5 days after the planned start 2024-04-15"
    );
    assert_eq!(
        warning,
        "warning: 15 procedure(s) neither obtained nor pledged on 2024-04-20 (未批先建): 项目审批/核准/备案、可行性研究报告审批、初步设计及概算审批、社会稳定风险评估、用地预审与选址意见书、农用地转用和土地征收、国有建设用地划拨决定书、压覆重要矿产资源查询（审批）、地质灾害危险性评估、环评批复、水土保持方案、洪水影响评价、文物考古调查勘探、交通行业审查、公路工程施工许可\n"
    );
    assert_eq!(
        l.read(ROAD_TOML_PATH),
        format!(
            "{RECORD_HEAD}name = \"G106 国道 改建\"\ntype = \"transport\"\nopened = 2024-03-01\nplanned_start = 2024-04-15\nland = \"allocation\"\ninvestment_nature = \"government\"\neia = \"report\"\nstarted = 2024-04-20\n"
        )
    );
    assert_eq!(
        l.read(ROAD_CSV_PATH),
        csv_before,
        "the task list is untouched"
    );
    l.refuses(
        &["start", "road", "--today", "2024-04-23"],
        "road already started on 2024-04-20",
    );
}

#[test]
fn start_on_schedule() {
    let l = road();
    let run = l.run(&["start", "road"]).ok();
    assert!(
        run.stdout
            .starts_with("road: works started on 2024-03-01\nwarning: "),
        "{}",
        run.stdout
    );
}

#[test]
fn list_in_every_format() {
    let l = road();
    l.open_with(
        "shengrun",
        &[
            "--name",
            "盛润化工",
            "--type",
            "chemical",
            "--township",
            "打渔陈镇",
            "--investment",
            "35000.50",
        ],
    );
    l.run(&["tick", "road", "eia"]).ok();
    l.run(&[
        "pledge",
        "road",
        "flood",
        "--due",
        "2024-03-05",
        "--kind",
        "notify",
        "--items",
        "报告",
    ])
    .ok();
    let today = ["--today", "2024-03-30"];
    let csv = l
        .run(&[&["list", "--format", "csv"][..], &today].concat())
        .ok();
    assert_eq!(
        csv.stdout,
        "project,name,type,township,investment (万元),planned start,started,stage,done,needed,pledged,pending,overdue
road,G106 国道 改建,交通,,,2024-04-15,,preparing,2,15,1,13,4
shengrun,盛润化工,化工,打渔陈镇,35000.50,,,preparing,0,22,0,22,6
"
    );
    let md = l
        .run(&[&["list", "--format", "markdown"][..], &today].concat())
        .ok();
    assert_eq!(
        md.stdout,
        "| project | name | type | township | investment (万元) | planned start | started | stage | done | needed | pledged | pending | overdue |
| --- | --- | --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
| road | G106 国道 改建 | 交通 |  |  | 2024-04-15 |  | preparing | 2 | 15 | 1 | 13 | 4 |
| shengrun | 盛润化工 | 化工 | 打渔陈镇 | 35000.50 |  |  | preparing | 0 | 22 | 0 | 22 | 6 |

2 items
"
    );
    let table = l.run(&[&["list"][..], &today].concat()).ok();
    assert_eq!(
        table.stdout,
        "\
┌──────────┬────────────────┬──────┬──────────┬───────────────────┬───────────────┬───────────┬──────┬────────┬─────────┬─────────┬─────────┐
│ project  ┆ name           ┆ type ┆ township ┆ investment (万元) ┆ planned start ┆ stage     ┆ done ┆ needed ┆ pledged ┆ pending ┆ overdue │
╞══════════╪════════════════╪══════╪══════════╪═══════════════════╪═══════════════╪═══════════╪══════╪════════╪═════════╪═════════╪═════════╡
│ road     ┆ G106 国道 改建 ┆ 交通 ┆          ┆                   ┆ 2024-04-15    ┆ preparing ┆    2 ┆     15 ┆       1 ┆      13 ┆       4 │
│ shengrun ┆ 盛润化工       ┆ 化工 ┆ 打渔陈镇 ┆          35000.50 ┆               ┆ preparing ┆    0 ┆     22 ┆       0 ┆      22 ┆       6 │
└──────────┴────────────────┴──────┴──────────┴───────────────────┴───────────────┴───────────┴──────┴────────┴─────────┴─────────┴─────────┘
2 items
"
    );
    let json: serde_json::Value = serde_json::from_str(
        &l.run(&[&["list", "--format", "json"][..], &today].concat())
            .ok()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["as_of"], "2024-03-30");
    assert_eq!(json["projects"][1]["investment"], "35000.50");
    assert_eq!(json["projects"][1]["type"], "chemical");
    assert_eq!(json["projects"][1]["type_name"], "化工");
    assert_eq!(
        json["projects"][0]["procedures"],
        serde_json::json!({
            "total": 15, "obtained": 1, "pledged": 1, "pending": 13,
            "not_needed": 0, "open_pledges": 1, "overdue": 4
        })
    );
}

#[test]
fn list_of_an_empty_ledger() {
    let l = Ledger::new();
    assert_eq!(
        l.run(&["list"]).ok().stdout,
        "No projects yet: open one with `taizhang open`.\n"
    );
    assert_eq!(
        l.run(&["list", "--format", "csv"]).ok().stdout,
        "project,name,type,township,investment (万元),planned start,started,stage,done,needed,pledged,pending,overdue\n"
    );
    assert_eq!(
        l.run(&["list", "--format", "json"]).ok().stdout,
        "{\n  \"as_of\": \"2024-03-01\",\n  \"projects\": [],\n  \"skipped\": []\n}\n"
    );
}

#[test]
fn show_in_every_format() {
    let l = road();
    l.run(&[
        "tick",
        "road",
        "环评批复",
        "--doc",
        "濮环审〔2024〕5号",
        "--note",
        "市局批复",
    ])
    .ok();
    l.run(&[
        "pledge",
        "road",
        "soil-water",
        "--due",
        "2024-03-20",
        "--kind",
        "tolerance",
        "--items",
        "水保方案报告书",
    ])
    .ok();
    l.run(&["apply", "road", "relics"]).ok();
    let csv = l.run(&["show", "road", "--format", "csv"]).ok();
    assert_eq!(
        csv.stdout,
        "procedure,name,task force (lead unit),issuing authority,status,applied,due,obtained,document no.,pledge,pledge due,missing items,fulfilled,note,why on the list
approval,项目审批/核准/备案,督导服务专班 (县委县政府督查服务中心),县发展和改革委员会 (county),pending,,2024-03-29,,,,,,,,every type
feasibility,可行性研究报告审批,督导服务专班 (县委县政府督查服务中心),县发展和改革委员会 (county),pending,,,,,,,,,,government-invested
preliminary-design,初步设计及概算审批,督导服务专班 (县委县政府督查服务中心),县发展和改革委员会 (county),pending,,,,,,,,,,government-invested
stability-risk,社会稳定风险评估,督导服务专班 (县委县政府督查服务中心),县发展和改革委员会 (county),pending,,,,,,,,,,government-invested
land-prereview,用地预审与选址意见书,用地专班 (县自然资源局),县自然资源局 (county),pending,,2024-03-29,,,,,,,,allocation (划拨)
farmland-conversion,农用地转用和土地征收,用地专班 (县自然资源局),河南省人民政府 (province),pending,,,,,,,,,,allocation (划拨)
land-allocation,国有建设用地划拨决定书,用地专班 (县自然资源局),县自然资源局 (county),pending,,,,,,,,,,allocation (划拨)
mineral-overlay,压覆重要矿产资源查询（审批）,用地专班 (县自然资源局),河南省自然资源厅 (province),pending,,,,,,,,,,allocation (划拨)
geohazard,地质灾害危险性评估,用地专班 (县自然资源局),县自然资源局 (county),pending,,,,,,,,,,allocation (划拨)
eia,环评批复,环保专班 (濮阳市生态环境局台前分局),濮阳市生态环境局台前分局 (city),obtained,,2024-04-30,2024-03-01,濮环审〔2024〕5号,,,,,市局批复,EIA report
soil-water,水土保持方案,水利专班 (县水利局),县水利局 (county),pledged,,2024-03-15,,,tolerance,2024-03-20,水保方案报告书,,,every type
flood,洪水影响评价,水利专班 (县水利局),县水利局 (county),pending,,2024-03-29,,,,,,,,every type
relics,文物考古调查勘探,文物专班 (县文化广电体育和旅游局),河南省文物局 (province),pending,2024-03-01,2024-04-28,,,,,,,,allocation (划拨)
transport-review,交通行业审查,交通专班 (县交通运输局),县交通运输局 (county),pending,,,,,,,,,,交通
road-permit,公路工程施工许可,交通专班 (县交通运输局),县交通运输局 (county),pending,,,,,,,,,,交通
"
    );
    let md = l.run(&["show", "road", "--format", "markdown"]).ok();
    assert_eq!(
        md.stdout,
        "## road G106 国道 改建

| procedure | name | task force (lead unit) | issuing authority | status | applied | due | obtained | document no. | pledge | pledge due | missing items | fulfilled | note | why on the list |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| approval | 项目审批/核准/备案 | 督导服务专班 (县委县政府督查服务中心) | 县发展和改革委员会 (county) | pending |  | 2024-03-29 |  |  |  |  |  |  |  | every type |
| feasibility | 可行性研究报告审批 | 督导服务专班 (县委县政府督查服务中心) | 县发展和改革委员会 (county) | pending |  |  |  |  |  |  |  |  |  | government-invested |
| preliminary-design | 初步设计及概算审批 | 督导服务专班 (县委县政府督查服务中心) | 县发展和改革委员会 (county) | pending |  |  |  |  |  |  |  |  |  | government-invested |
| stability-risk | 社会稳定风险评估 | 督导服务专班 (县委县政府督查服务中心) | 县发展和改革委员会 (county) | pending |  |  |  |  |  |  |  |  |  | government-invested |
| land-prereview | 用地预审与选址意见书 | 用地专班 (县自然资源局) | 县自然资源局 (county) | pending |  | 2024-03-29 |  |  |  |  |  |  |  | allocation (划拨) |
| farmland-conversion | 农用地转用和土地征收 | 用地专班 (县自然资源局) | 河南省人民政府 (province) | pending |  |  |  |  |  |  |  |  |  | allocation (划拨) |
| land-allocation | 国有建设用地划拨决定书 | 用地专班 (县自然资源局) | 县自然资源局 (county) | pending |  |  |  |  |  |  |  |  |  | allocation (划拨) |
| mineral-overlay | 压覆重要矿产资源查询（审批） | 用地专班 (县自然资源局) | 河南省自然资源厅 (province) | pending |  |  |  |  |  |  |  |  |  | allocation (划拨) |
| geohazard | 地质灾害危险性评估 | 用地专班 (县自然资源局) | 县自然资源局 (county) | pending |  |  |  |  |  |  |  |  |  | allocation (划拨) |
| eia | 环评批复 | 环保专班 (濮阳市生态环境局台前分局) | 濮阳市生态环境局台前分局 (city) | obtained |  | 2024-04-30 | 2024-03-01 | 濮环审〔2024〕5号 |  |  |  |  | 市局批复 | EIA report |
| soil-water | 水土保持方案 | 水利专班 (县水利局) | 县水利局 (county) | pledged |  | 2024-03-15 |  |  | tolerance | 2024-03-20 | 水保方案报告书 |  |  | every type |
| flood | 洪水影响评价 | 水利专班 (县水利局) | 县水利局 (county) | pending |  | 2024-03-29 |  |  |  |  |  |  |  | every type |
| relics | 文物考古调查勘探 | 文物专班 (县文化广电体育和旅游局) | 河南省文物局 (province) | pending | 2024-03-01 | 2024-04-28 |  |  |  |  |  |  |  | allocation (划拨) |
| transport-review | 交通行业审查 | 交通专班 (县交通运输局) | 县交通运输局 (county) | pending |  |  |  |  |  |  |  |  |  | 交通 |
| road-permit | 公路工程施工许可 | 交通专班 (县交通运输局) | 县交通运输局 (county) | pending |  |  |  |  |  |  |  |  |  | 交通 |
"
    );
    let table = l.run(&["show", "road"]).ok();
    assert_eq!(
        table.stdout,
        "\
project            road G106 国道 改建
type               交通 (transport)
opened             2024-03-01
planned start      2024-04-15
land supply        allocation (划拨)
investment nature  government-invested
EIA category       EIA report
started            not started
stage              preparing

┌─────────────────────┬──────────────────────────────┬───────────────────────────────────────┬─────────────────────────────────┬──────────┬────────────┬────────────┬────────────┬───────────────────┬───────────┬────────────┬────────────────┬──────────┬─────────────────────┐
│ procedure           ┆ name                         ┆ task force (lead unit)                ┆ issuing authority               ┆ status   ┆ applied    ┆ due        ┆ obtained   ┆ document no.      ┆ pledge    ┆ pledge due ┆ missing items  ┆ note     ┆ why on the list     │
╞═════════════════════╪══════════════════════════════╪═══════════════════════════════════════╪═════════════════════════════════╪══════════╪════════════╪════════════╪════════════╪═══════════════════╪═══════════╪════════════╪════════════════╪══════════╪═════════════════════╡
│ approval            ┆ 项目审批/核准/备案           ┆ 督导服务专班 (县委县政府督查服务中心) ┆ 县发展和改革委员会 (county)     ┆ pending  ┆            ┆ 2024-03-29 ┆            ┆                   ┆           ┆            ┆                ┆          ┆ every type          │
│ feasibility         ┆ 可行性研究报告审批           ┆ 督导服务专班 (县委县政府督查服务中心) ┆ 县发展和改革委员会 (county)     ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ government-invested │
│ preliminary-design  ┆ 初步设计及概算审批           ┆ 督导服务专班 (县委县政府督查服务中心) ┆ 县发展和改革委员会 (county)     ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ government-invested │
│ stability-risk      ┆ 社会稳定风险评估             ┆ 督导服务专班 (县委县政府督查服务中心) ┆ 县发展和改革委员会 (county)     ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ government-invested │
│ land-prereview      ┆ 用地预审与选址意见书         ┆ 用地专班 (县自然资源局)               ┆ 县自然资源局 (county)           ┆ pending  ┆            ┆ 2024-03-29 ┆            ┆                   ┆           ┆            ┆                ┆          ┆ allocation (划拨)   │
│ farmland-conversion ┆ 农用地转用和土地征收         ┆ 用地专班 (县自然资源局)               ┆ 河南省人民政府 (province)       ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ allocation (划拨)   │
│ land-allocation     ┆ 国有建设用地划拨决定书       ┆ 用地专班 (县自然资源局)               ┆ 县自然资源局 (county)           ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ allocation (划拨)   │
│ mineral-overlay     ┆ 压覆重要矿产资源查询（审批） ┆ 用地专班 (县自然资源局)               ┆ 河南省自然资源厅 (province)     ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ allocation (划拨)   │
│ geohazard           ┆ 地质灾害危险性评估           ┆ 用地专班 (县自然资源局)               ┆ 县自然资源局 (county)           ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ allocation (划拨)   │
│ eia                 ┆ 环评批复                     ┆ 环保专班 (濮阳市生态环境局台前分局)   ┆ 濮阳市生态环境局台前分局 (city) ┆ obtained ┆            ┆ 2024-04-30 ┆ 2024-03-01 ┆ 濮环审〔2024〕5号 ┆           ┆            ┆                ┆ 市局批复 ┆ EIA report          │
│ soil-water          ┆ 水土保持方案                 ┆ 水利专班 (县水利局)                   ┆ 县水利局 (county)               ┆ pledged  ┆            ┆ 2024-03-15 ┆            ┆                   ┆ tolerance ┆ 2024-03-20 ┆ 水保方案报告书 ┆          ┆ every type          │
│ flood               ┆ 洪水影响评价                 ┆ 水利专班 (县水利局)                   ┆ 县水利局 (county)               ┆ pending  ┆            ┆ 2024-03-29 ┆            ┆                   ┆           ┆            ┆                ┆          ┆ every type          │
│ relics              ┆ 文物考古调查勘探             ┆ 文物专班 (县文化广电体育和旅游局)     ┆ 河南省文物局 (province)         ┆ pending  ┆ 2024-03-01 ┆ 2024-04-28 ┆            ┆                   ┆           ┆            ┆                ┆          ┆ allocation (划拨)   │
│ transport-review    ┆ 交通行业审查                 ┆ 交通专班 (县交通运输局)               ┆ 县交通运输局 (county)           ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ 交通                │
│ road-permit         ┆ 公路工程施工许可             ┆ 交通专班 (县交通运输局)               ┆ 县交通运输局 (county)           ┆ pending  ┆            ┆            ┆            ┆                   ┆           ┆            ┆                ┆          ┆ 交通                │
└─────────────────────┴──────────────────────────────┴───────────────────────────────────────┴─────────────────────────────────┴──────────┴────────────┴────────────┴────────────┴───────────────────┴───────────┴────────────┴────────────────┴──────────┴─────────────────────┘
"
    );
    let json: serde_json::Value =
        serde_json::from_str(&l.run(&["show", "road", "--format", "json"]).ok().stdout).unwrap();
    assert_eq!(json["project"]["project"], "road");
    assert_eq!(json["project"]["name"], "G106 国道 改建");
    assert_eq!(
        json["procedures"][10],
        serde_json::json!({
            "procedure": "soil-water", "name": "水土保持方案", "taskforce": "water",
            "status": "pledged", "due": "2024-03-15", "obtained": null, "doc_no": "",
            "pledge_kind": "tolerance", "pledged": "2024-03-01", "pledge_due": "2024-03-20",
            "missing_items": "水保方案报告书", "fulfilled": null, "note": "", "applied": null,
            "pledge_due_original": null, "extensions": 0,
            "authority": "县水利局", "authority_level": "county", "reason": "every type"
        })
    );
}

#[test]
fn show_in_chinese() {
    let l = Ledger::with_lang("zh");
    l.open_with(
        "road",
        &[
            "--name",
            "G106 国道 改建",
            "--type",
            "transport",
            "--owner",
            "县交通运输局",
        ],
    );
    let table = l.run(&["show", "road"]).ok();
    assert!(
        table.stdout.starts_with(
            "\
项目      road G106 国道 改建
类型      交通 (transport)
项目单位  县交通运输局
登记日期  2024-03-01
计划开工  未定
开工日期  未开工
阶段      前期

┌"
        ),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("│ 手续 "), "{}", table.stdout);
    assert!(table.stdout.contains("┆ 待办 "), "{}", table.stdout);
}

#[test]
fn open_trims_what_the_clerk_typed() {
    let l = Ledger::new();
    l.open_with(
        "road",
        &[
            "--name",
            " 国道 ",
            "--type",
            "transport",
            "--owner",
            "  县交通运输局 ",
            "--township",
            " ",
        ],
    );
    assert_eq!(
        l.read(ROAD_TOML_PATH),
        format!(
            "{RECORD_HEAD}name = \"国道\"\ntype = \"transport\"\nowner = \"县交通运输局\"\nopened = 2024-03-01\n"
        )
    );
}
