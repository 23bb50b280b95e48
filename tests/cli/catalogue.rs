//! The catalogue: issuing authorities beside task forces, task lists
//! derived from a project's facts, the development zone's regional
//! assessment, and deadlines counted as the law counts them.

use crate::support::*;

const PROC_HEAD: &str = "procedure,name,taskforce,status,due,obtained,doc_no,pledge_kind,pledged,pledge_due,missing_items,fulfilled,note,applied\n";

/// The keys and statuses of a project's procedures.csv, one per line.
fn rows(l: &Ledger, id: &str) -> String {
    l.read(&format!("projects/{id}/procedures.csv"))
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            format!("{} {} {}", cells[0], cells[3], cells[4])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_chemical_project_on_transferred_land_gets_its_hazardous_chemical_procedures() {
    let l = Ledger::new();
    let run = l
        .run(&[
            "open",
            "sr",
            "--name",
            "盛润",
            "--type",
            "chemical",
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
        "Opened sr 盛润 (化工): 19 procedures on its task list, in ./projects/sr\n"
    );
    // No siting opinion, pre-review, land survey or feasibility approval;
    // the transfer contract and the safety reviews instead. 2024-03-01 + 60
    // days is Tuesday 30 April; 45 days is Monday 15 April.
    assert_eq!(
        rows(&l, "sr"),
        "approval pending 2024-03-29
land-transfer pending 
land-planning pending 2024-03-29
land-title pending 2024-04-15
works-planning pending 2024-03-29
mineral-overlay pending 
geohazard pending 
eia pending 2024-04-30
energy pending 
soil-water pending 2024-03-15
water-abstraction pending 2024-05-08
flood pending 2024-03-29
safety pending 2024-04-15
safety-design pending 2024-03-29
lightning pending 2024-03-15
fire-design pending 2024-03-22
civil-defence pending 
drawing-review pending 
construction-permit pending "
    );
    assert!(l.read("projects/sr/project.toml").ends_with(
        "opened = 2024-03-01\nland = \"transfer\"\ninvestment_nature = \"filing\"\nhazchem = true\neia = \"report\"\n"
    ));
    // show names the issuing authority and why each row is there.
    let csv = l
        .run(&["show", "sr", "--format", "csv", "--lang", "zh"])
        .ok()
        .stdout;
    let safety = csv.lines().find(|r| r.starts_with("safety,")).unwrap();
    assert_eq!(
        safety,
        "safety,安全条件审查,督导服务专班 (县委县政府督查服务中心),濮阳市应急管理局（市级）,待办,,2024-04-15,,,,,,,,化工 + 危化"
    );
    let transfer = csv
        .lines()
        .find(|r| r.starts_with("land-transfer,"))
        .unwrap();
    assert!(transfer.ends_with(",出让"), "{transfer}");
    let eia = csv.lines().find(|r| r.starts_with("eia,")).unwrap();
    assert!(
        eia.contains("濮阳市生态环境局台前分局（市级）") && eia.ends_with(",环评报告书"),
        "{eia}"
    );
    let json = l.run(&["show", "sr", "--format", "json"]).ok().stdout;
    assert!(json.contains("\"facts\": {\n    \"land\": \"transfer\",\n    \"investment_nature\": \"filing\",\n    \"hazchem\": true,\n    \"eia\": \"report\",\n    \"relics_found\": null,\n    \"zone\": null\n  }"), "{json}");
    assert!(json.contains("\"authority\": \"濮阳市应急管理局\",\n      \"authority_level\": \"city\",\n      \"reason\": \"化工 + hazardous chemicals\""), "{json}");
}

#[test]
fn a_government_road_on_allocated_land_gets_feasibility_design_and_the_road_permit() {
    let l = Ledger::new();
    l.run(&[
        "open",
        "road",
        "--name",
        "县道",
        "--type",
        "transport",
        "--land",
        "allocation",
        "--investment-nature",
        "government",
        "--eia",
        "table",
    ])
    .ok();
    // 30 days for an EIA table: 2024-03-31 is a Sunday, so Monday 1 April.
    assert_eq!(
        rows(&l, "road"),
        "approval pending 2024-03-29
feasibility pending 
preliminary-design pending 
stability-risk pending 
land-prereview pending 2024-03-29
farmland-conversion pending 
land-allocation pending 
mineral-overlay pending 
geohazard pending 
eia pending 2024-04-01
soil-water pending 2024-03-15
flood pending 2024-03-29
relics pending 2024-04-28
transport-review pending 
road-permit pending "
    );
    let csv = l.run(&["show", "road", "--format", "csv"]).ok().stdout;
    let permit = csv.lines().find(|r| r.starts_with("road-permit,")).unwrap();
    assert_eq!(
        permit,
        "road-permit,公路工程施工许可,交通专班 (县交通运输局),县交通运输局 (county),pending,,,,,,,,,,交通"
    );
    let f = csv.lines().find(|r| r.starts_with("feasibility,")).unwrap();
    assert!(f.ends_with(",government-invested"), "{f}");
}

#[test]
fn unrecorded_facts_keep_their_procedures_listed_and_say_so() {
    let l = Ledger::new();
    l.run(&["open", "p", "--name", "厂", "--type", "industrial"])
        .ok();
    let csv = l
        .run(&["show", "p", "--format", "csv", "--lang", "zh"])
        .ok()
        .stdout;
    let pre = csv
        .lines()
        .find(|r| r.starts_with("land-prereview,"))
        .unwrap();
    assert!(pre.ends_with(",供地方式未定"), "{pre}");
    // A yes/no fact not recorded is no: no safety reviews; open says so.
    assert!(!csv.contains("safety"));
    let run = l
        .run(&["open", "c", "--name", "化工", "--type", "chemical"])
        .ok();
    assert_eq!(
        run.stderr,
        "warning: c: hazardous chemicals (危化) not recorded, so safety, safety-design, lightning, fire-design left off the task list; if it handles them, open it with --hazchem yes\n"
    );
    let run = l
        .run(&[
            "open",
            "d",
            "--name",
            "化工",
            "--type",
            "chemical",
            "--hazchem",
            "no",
        ])
        .ok();
    assert_eq!(run.stderr, "");
    // A procedure added by hand says so.
    l.run(&[
        "open",
        "q",
        "--name",
        "厂",
        "--type",
        "industrial",
        "--with",
        "safety",
    ])
    .ok();
    let csv = l.run(&["show", "q", "--format", "csv"]).ok().stdout;
    let s = csv.lines().find(|r| r.starts_with("safety,")).unwrap();
    assert!(s.ends_with(",added by hand"), "{s}");
}

#[test]
fn the_zone_regional_assessment_waives_what_it_covers_with_the_reason() {
    let l = Ledger::new();
    let run = l
        .run(&[
            "open",
            "z",
            "--name",
            "箱包",
            "--type",
            "industrial",
            "--land",
            "transfer",
            "--investment-nature",
            "filing",
            "--eia",
            "table",
            "--zone",
            "kfq",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "Opened z 箱包 (工业): 12 procedures on its task list (3 waived by the regional assessment), in ./projects/z\n"
    );
    let csv = l.read("projects/z/procedures.csv");
    assert!(csv.contains("mineral-overlay,压覆重要矿产资源查询（审批）,land,not-needed,,,,,,,,,区域评估已覆盖（台前县先进制造业开发区）,\n"), "{csv}");
    assert!(csv.contains(
        "flood,洪水影响评价,water,not-needed,,,,,,,,,区域评估已覆盖（台前县先进制造业开发区）,\n"
    ));
    let show = l.run(&["show", "z", "--format", "csv"]).ok().stdout;
    let flood = show.lines().find(|r| r.starts_with("flood,")).unwrap();
    assert!(
        flood
            .ends_with(",every type; covered by the regional assessment of 台前县先进制造业开发区"),
        "{flood}"
    );
    assert!(
        l.read("projects/z/project.toml")
            .ends_with("zone = \"kfq\"\n")
    );
    let table = l.run(&["show", "z"]).ok().stdout;
    assert!(
        table.contains("development zone   台前县先进制造业开发区 (kfq)\n"),
        "{table}"
    );
    // By name too.
    l.run(&[
        "open",
        "z2",
        "--name",
        "箱包",
        "--type",
        "industrial",
        "--zone",
        "台前县先进制造业开发区",
    ])
    .ok();
    assert!(
        l.read("projects/z2/project.toml")
            .ends_with("zone = \"kfq\"\n")
    );
}

#[test]
fn bad_facts_are_refused_and_nothing_is_written() {
    let l = Ledger::new();
    let base = ["open", "x", "--name", "x", "--type", "industrial"];
    let with = |extra: &[&'static str]| {
        let mut v: Vec<&str> = base.to_vec();
        v.extend_from_slice(extra);
        v
    };
    l.refuses(
        &with(&["--land", "sold"]),
        "--land: invalid land supply \"sold\": expected one of transfer (出让), allocation (划拨), own (自有用地), none (不新增用地)",
    );
    l.refuses(
        &with(&["--investment-nature", "private"]),
        "--investment-nature: invalid investment nature \"private\": expected one of government (政府投资), sanction (核准), filing (备案)",
    );
    l.refuses(
        &with(&["--hazchem", "maybe"]),
        "--hazchem: invalid hazardous chemicals \"maybe\": expected yes or no",
    );
    l.refuses(
        &with(&["--eia", "big"]),
        "--eia: invalid EIA category \"big\"",
    );
    l.refuses(
        &with(&["--relics-found", "?"]),
        "--relics-found: invalid relics found \"?\": expected yes or no",
    );
    l.refuses(
        &with(&["--zone", "nowhere"]),
        "--zone: unknown development zone \"nowhere\": expected one of kfq (台前县先进制造业开发区)",
    );
    // --without of a procedure the facts leave off.
    l.refuses(
        &with(&["--land", "transfer", "--without", "land-prereview"]),
        "--without: procedure \"land-prereview\" is not on the task list of type industrial (工业)",
    );
}

#[test]
fn check_refuses_zero_and_negative_limits_and_bad_conditions() {
    let l = Ledger::new();
    l.open("p");
    l.edit("ledger.toml", "limit = \"60d\"", "limit = \"0d\"");
    l.edit("ledger.toml", "limit = \"45d\"", "limit = \"-3d\"");
    l.edit(
        "ledger.toml",
        "limit = \"10wd\"\n\n# 取水",
        "limit = \"0wd\"\n\n# 取水",
    );
    l.edit(
        "ledger.toml",
        "when = { relics_found = true }",
        "when = { relics = true }",
    );
    l.edit(
        "ledger.toml",
        "when = { land = [\"transfer\"] }",
        "when = { land = [\"sold\"] }",
    );
    l.edit(
        "ledger.toml",
        "covers = [\"mineral-overlay\", \"geohazard\", \"relics\", \"flood\"]",
        "covers = [\"mineral-overlay\", \"nothing\"]",
    );
    l.edit(
        "projects/p/project.toml",
        "opened = ",
        "zone = \"east\"\nopened = ",
    );
    l.edit(
        "ledger.toml",
        "limit_when = [{ eia = [\"table\"], limit = \"30d\" }]",
        "limit_when = [{ eia = [\"table\"] }]",
    );
    l.edit("ledger.toml", "level = \"province\"", "level = \"town\"");
    l.edit(
        "ledger.toml",
        "when = { investment_nature = [\"government\", \"sanction\"] }",
        "when = \"government\"",
    );
    let run = l.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let out = run.stdout + &run.stderr;
    for needle in [
        "`limit`: invalid time limit \"0d\": a time limit of zero days would fall due the day it starts; write at least \"1d\" or \"1wd\", or leave `limit` out",
        "`limit`: invalid time limit \"-3d\": a time limit cannot be negative",
        "`limit`: invalid time limit \"0wd\"",
        "`when`: unknown fact `relics`: expected types, land, investment_nature, hazchem, eia or relics_found",
        "`land`: invalid land supply \"sold\"",
        "`covers`: unknown procedure \"nothing\": not in the catalogue of ledger.toml",
        "unknown development zone \"east\": expected a [[zone]] key of ledger.toml: kfq",
        "`limit_when`: each condition needs its `limit`, e.g. { eia = [\"table\"], limit = \"30d\" }",
        "`level`: invalid authority level \"town\": expected one of county (县级), city (市级), province (省级)",
        "`when` must be a table or an array of tables",
    ] {
        assert!(out.contains(needle), "lacks {needle:?}:\n{out}");
    }
    // Every command refuses to run on it, and writes nothing.
    l.refuses_broken(&["tick", "p", "approval"], "ledger.toml");
}

#[test]
fn the_default_ledger_is_valid_and_every_entry_names_its_authority() {
    let l = Ledger::new();
    l.run(&["check"]).ok();
    let toml = l.read("ledger.toml");
    let entries = toml.matches("[[procedure]]").count();
    assert_eq!(entries, 30);
    assert_eq!(toml.matches("\nauthority = ").count(), entries);
    assert!(toml.contains("lead = \"濮阳市生态环境局台前分局\""));
    assert!(toml.contains("roll_rest_days = true"));
}

/// Overdue items of the project opened by `Ledger::open`, long after.
fn overdue(l: &Ledger, extra: &[&str]) -> crate::support::Run {
    let mut args = vec![
        "--today",
        "2024-12-02",
        "report",
        "overdue",
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    l.run(&args)
}

#[test]
fn overdue_names_the_issuing_authority_and_authority_filters_by_it() {
    let l = Ledger::new();
    l.open("sr");
    let csv = overdue(&l, &[]).ok().stdout;
    assert_eq!(
        csv.lines().next().unwrap(),
        "kind,project,name,item,issuing authority,task force (lead unit),due,days overdue"
    );
    let safety = csv.lines().find(|r| r.contains(",安全条件审查,")).unwrap();
    assert_eq!(
        safety,
        "procedure,sr,河南盛润年产2万吨对苯二酚项目,安全条件审查,濮阳市应急管理局 (city),督导服务专班 (县委县政府督查服务中心),2024-04-15,231"
    );
    let start = csv.lines().find(|r| r.starts_with("start,")).unwrap();
    assert!(
        start.contains(",县委县政府督查服务中心,督导服务专班"),
        "{start}"
    );

    // --authority: only what the city emergency bureau issues.
    let by = overdue(&l, &["--authority", "濮阳市应急管理局"])
        .ok()
        .stdout;
    assert_eq!(
        by.lines()
            .skip(1)
            .map(|r| r.split(',').nth(3).unwrap())
            .collect::<Vec<_>>(),
        ["危险化学品建设项目安全设施设计审查", "安全条件审查"]
    );
    // The task-force view still groups by the coordinating task force.
    let tf = overdue(&l, &["--taskforce", "supervision"]).ok().stdout;
    assert!(tf.contains("安全条件审查") && tf.contains(",start of works (开工),"));
    // show and the task-force table follow.
    let show = l
        .run(&[
            "show",
            "sr",
            "--authority",
            "县发展和改革委员会",
            "--format",
            "csv",
        ])
        .ok()
        .stdout;
    assert_eq!(
        show.lines()
            .skip(1)
            .map(|r| r.split(',').next().unwrap())
            .collect::<Vec<_>>(),
        [
            "approval",
            "feasibility",
            "preliminary-design",
            "stability-risk",
            "energy"
        ]
    );
    let tfr = l
        .run(&["report", "taskforce", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        tfr.contains(
            "督导服务专班,县委县政府督查服务中心,\"县发展和改革委员会, 濮阳市应急管理局\","
        ),
        "{tfr}"
    );
    // list and export follow too.
    let list = l
        .run(&["list", "--authority", "濮阳市应急管理局", "--format", "csv"])
        .ok()
        .stdout;
    assert!(
        list.ends_with(",2024-06-30,,preparing,0,2,0,2,0\n"),
        "{list}"
    );
    let sheet = l
        .run(&[
            "export",
            "procedures",
            "--authority",
            "县气象局",
            "--for-excel",
        ])
        .ok()
        .stdout;
    assert_eq!(sheet.lines().count(), 2, "{sheet}");
    assert!(
        sheet.contains(",lightning,雷电防护装置设计审核,"),
        "{sheet}"
    );
    // An authority the catalogue does not name.
    l.refuses(
        &["report", "overdue", "--authority", "县财政局"],
        "--authority: unknown issuing authority \"县财政局\": expected one of 县发展和改革委员会, 县自然资源局,",
    );
    l.refuses(
        &["tick", "sr", "approval", "--authority", "县自然资源局"],
        "--authority applies to list, show, reports and export only",
    );
}

#[test]
fn an_old_catalogue_without_authorities_has_the_lead_unit_stand_in() {
    let l = Ledger::new();
    l.open("sr");
    let text = l.read("ledger.toml");
    let old: String = text
        .lines()
        .filter(|line| !line.starts_with("authority = ") && !line.starts_with("level = "))
        .map(|line| format!("{line}\n"))
        .collect();
    l.write("ledger.toml", &old);
    l.run(&["check"]).ok();
    let csv = overdue(&l, &[]).ok().stdout;
    let safety = csv.lines().find(|r| r.contains(",安全条件审查,")).unwrap();
    assert!(
        safety.contains(",县委县政府督查服务中心,督导服务专班"),
        "{safety}"
    );
}

#[test]
fn apply_counts_the_eia_table_limit_and_moves_a_rest_day_to_the_next_working_day() {
    let l = Ledger::new();
    l.run(&[
        "open",
        "p",
        "--name",
        "厂",
        "--type",
        "industrial",
        "--eia",
        "table",
    ])
    .ok();
    // Applied Friday 2024-09-06: + 30 days = Sunday 6 October, in the National
    // Day holiday (1–7 October), so Tuesday 8 October.
    let run = l
        .run(&[
            "apply",
            "p",
            "eia",
            "--date",
            "2024-09-06",
            "--today",
            "2024-09-06",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "p: 环评批复 (eia) applied for on 2024-09-06; due by 2024-10-08 (30 calendar days; 2024-10-06 is a rest day, so the next working day)\n"
    );
    // A ledger that counts calendar days as they fall.
    l.edit(
        "ledger.toml",
        "roll_rest_days = true",
        "roll_rest_days = false",
    );
    l.run(&[
        "open",
        "q",
        "--name",
        "厂",
        "--type",
        "industrial",
        "--eia",
        "table",
    ])
    .ok();
    let run = l
        .run(&[
            "apply",
            "q",
            "eia",
            "--date",
            "2024-09-06",
            "--today",
            "2024-09-06",
        ])
        .ok();
    assert!(
        run.stdout
            .ends_with("due by 2024-10-06 (30 calendar days)\n"),
        "{}",
        run.stdout
    );
    let _ = PROC_HEAD;
}

/// The rows of `p`: procedure, status, due and note.
fn rows_with_notes(l: &Ledger, id: &str) -> Vec<String> {
    l.read(&format!("projects/{id}/procedures.csv"))
        .lines()
        .skip(1)
        .map(|line| {
            let c: Vec<&str> = line.split(',').collect();
            format!("{} {} {} {}", c[0], c[3], c[4], c[12])
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn set_rederives_the_task_list_when_a_fact_changes_and_never_drops_a_dated_row() {
    let l = Ledger::new();
    l.run(&["open", "p", "--name", "厂", "--type", "industrial"])
        .ok();
    l.run(&["tick", "p", "approval"]).ok();
    let run = l
        .run(&[
            "set",
            "p",
            "--land",
            "transfer",
            "--investment-nature",
            "filing",
            "--eia",
            "table",
            "--today",
            "2024-03-05",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "p: land (none) → transfer; investment_nature (none) → filing; eia (none) → table; \
         2 procedure(s) no longer needed (by the facts or the zone's regional assessment), kept as not needed with the reason in its note: \
         land-prereview (用地预审与选址意见书), relics (文物考古调查勘探); \
         5 procedure(s) no longer needed, removed (nothing was recorded on it): \
         feasibility (可行性研究报告审批), preliminary-design (初步设计及概算审批), stability-risk (社会稳定风险评估), \
         farmland-conversion (农用地转用和土地征收), land-allocation (国有建设用地划拨决定书)\n"
    );
    let rows = rows_with_notes(&l, "p");
    // The pre-review held its due date: kept, not needed, with the reason.
    assert!(
        rows.contains(&"land-prereview not-needed 2024-03-29 按项目情况无需办理".to_string()),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"approval obtained 2024-03-29".to_string()),
        "{rows:?}"
    );
    assert!(
        !rows.iter().any(|r| r.starts_with("land-allocation ")),
        "{rows:?}"
    );
    assert!(
        l.read("projects/p/project.toml")
            .ends_with("land = \"transfer\"\ninvestment_nature = \"filing\"\neia = \"table\"\n")
    );
    let show = l.run(&["show", "p", "--format", "csv"]).ok().stdout;
    let pre = show
        .lines()
        .find(|r| r.starts_with("land-prereview,"))
        .unwrap();
    assert!(
        pre.ends_with(",not called for by the project's type and facts"),
        "{pre}"
    );

    // A procedure a clerk requires by hand stays whatever the facts say.
    l.run(&["require", "p", "transport-review", "--today", "2024-03-06"])
        .ok();
    // Into the zone: what its regional assessment covers is waived.
    let run = l
        .run(&["set", "p", "--zone", "kfq", "--today", "2024-03-06"])
        .ok();
    assert!(
        run.stdout
            .contains("zone (none) → kfq; 3 procedure(s) no longer needed"),
        "{}",
        run.stdout
    );
    let rows = rows_with_notes(&l, "p");
    assert!(
        rows.contains(
            &"geohazard not-needed  区域评估已覆盖（台前县先进制造业开发区）".to_string()
        ),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"transport-review pending".to_string()),
        "{rows:?}"
    );
    // Out of it again, with hazardous chemicals: waived rows come back,
    // due from today, and the safety reviews are added.
    let run = l
        .run(&[
            "set",
            "p",
            "--zone",
            "",
            "--hazchem",
            "yes",
            "--today",
            "2024-03-07",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "p: hazchem (none) → true; zone kfq → (none); \
         4 procedure(s) added as pending: safety (安全条件审查), safety-design (危险化学品建设项目安全设施设计审查), \
         lightning (雷电防护装置设计审核), fire-design (特殊建设工程消防设计审查); \
         3 procedure(s) needed again, pending: mineral-overlay (压覆重要矿产资源查询（审批）), \
         geohazard (地质灾害危险性评估), flood (洪水影响评价)\n"
    );
    let rows = rows_with_notes(&l, "p");
    // 20 working days from 7 March 2024 end on make-up Sunday 7 April.
    assert!(
        rows.contains(&"flood pending 2024-04-07".to_string()),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"safety pending 2024-04-22".to_string()),
        "{rows:?}"
    );
    l.run(&["check"]).ok();
    // Setting a fact to what it is changes nothing.
    let run = l.run(&["set", "p", "--land", "transfer"]).ok();
    assert_eq!(run.stdout, "p: nothing changed\n");
}

#[test]
fn set_refuses_bad_facts_and_writes_nothing() {
    let l = Ledger::new();
    l.run(&["open", "p", "--name", "厂", "--type", "industrial"])
        .ok();
    l.refuses(
        &["set", "p", "--land", "sold"],
        "--land: invalid land supply \"sold\": expected one of transfer (出让), allocation (划拨), own (自有用地), none (不新增用地)",
    );
    l.refuses(
        &["set", "p", "--zone", "nowhere"],
        "--zone: unknown development zone \"nowhere\": expected one of kfq (台前县先进制造业开发区)",
    );
    l.refuses(
        &["set", "p", "--hazchem", "perhaps"],
        "--hazchem: invalid hazardous chemicals \"perhaps\": expected yes or no",
    );
    l.refuses(
        &["set", "p", "--eia", "big"],
        "--eia: invalid EIA category \"big\"",
    );
}
