//! `report bulletin`: periods, issue numbers and publishing, the content
//! leaders read (rates with their inputs, changes, late starts, overdue
//! lists, lights, rankings), the Word document read back from its XML, the
//! HTML page, task-force and township bulletins, and every refusal.

use crate::support::{Ledger, run_in};
use std::io::Read;

/// The demo ledger, copied, as of the end of November 2024.
fn demo() -> Ledger {
    Ledger::copy_of("ledgers/taiqian-2024")
}

const NOV: &[&str] = &[
    "report",
    "bulletin",
    "--month",
    "2024-11",
    "--today",
    "2024-11-30",
];

fn args<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    let mut v = base.to_vec();
    v.extend_from_slice(more);
    v
}

/// The text of each paragraph of a .docx (`w:t` runs joined), in order.
fn docx_paragraphs(path: &std::path::Path) -> (Vec<String>, String) {
    let file = std::fs::File::open(path).expect("docx exists");
    let mut zip = zip::ZipArchive::new(file).expect("a docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    let mut paras = Vec::new();
    for p in xml.split("</w:p>") {
        let mut text = String::new();
        for piece in p.split("<w:t").skip(1) {
            // `<w:t xml:space="preserve">text</w:t>` or `<w:tab/>`-free runs.
            if let Some(start) = piece.find('>')
                && let Some(end) = piece.find("</w:t>")
                && start < end
                && !piece[..start].contains('/')
            {
                text.push_str(&piece[start + 1..end]);
            }
        }
        paras.push(
            text.replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">"),
        );
    }
    (paras, xml)
}

#[test]
fn the_monthly_bulletin_reads_names_rates_and_rankings_in_order() {
    let l = demo();
    let out = l.run(NOV).ok().stdout;
    // Masthead: title, draft mark, 期号 it would get, unit, date.
    assert!(
        out.starts_with("# 重大项目推进工作简报\n\n**征求意见稿**\n"),
        "{out}"
    );
    // October's issue is kept in the demo ledger: November's is the 2nd.
    assert!(
        out.contains("2024年第2期　　台前县重大项目推进协调机制督导服务专班　　2024年11月30日"),
        "{out}"
    );
    // Rates with their inputs.
    assert!(
        out.contains(
            "投资完成率25%（14400÷58700），时序进度92%（第335天÷366天），慢于时序进度67个百分点"
        ),
        "{out}"
    );
    assert!(
        out.contains("开工率36%：应开工项目11个，已开工4个，应开未开7个。"),
        "{out}"
    );
    // The sections in the order leaders read them.
    let order = [
        "### 一、总体情况",
        "### 二、与上期相比（2024-11-01以来）",
        "### 三、应开未开项目",
        "### 四、提请县领导和协调机制协调的问题",
        "### 五、逾期事项",
        "### 六、调度会议定事项落实情况",
        "### 七、红黄灯项目",
        "### 八、资金使用情况",
        "### 九、红黄榜",
        "### 十、下月到期事项（2024-12-01至2024-12-31）",
    ];
    let mut at = 0;
    for h in order {
        let i = out[at..]
            .find(h)
            .unwrap_or_else(|| panic!("{h} missing or out of order:\n{out}"));
        at += i;
    }
    // Issue 13's content, every project by name.
    for line in [
        "- 本月开展现场督导3次（县督导服务专班第一组1次、县督导服务专班第二组2次），累计4次。\n",
        "### 四、提请县领导和协调机制协调的问题\n\n- 提请县政府领导协调的问题1个，协调机制办公室协调1个；下发督办单2件，逾期未办结2件。\n",
        // Leaders first, with the path up and the 督办 order.
        "| 县政府领导（2024-09-05报协调机制办公室，2024-10-12报县政府领导） | 公铁联运煤炭物流园项目 | 铁路专用线接轨协议未签订 | 县交通运输局 | 2024-08-31 | 逾期91天 | 台重项督〔2024〕7号（2024-11-15前，逾期15天） | 吴刚（包联张卫东） |\n| 协调机制办公室（2024-11-18报协调机制办公室） | 河南盛润年产2万吨对苯二酚项目 | 安全设施设计专篇专家评审未组织 | 濮阳市应急管理局 | 2024-11-15 | 逾期15天 | 台重项督〔2024〕9号（2024-11-22前，逾期8天） | 刘洋（包联王建国） |\n",
        // Whom to call on every chasing line.
        "| 公铁联运煤炭物流园项目 | 洪水影响评价 | 水利专班 | 县水利局 | 2024-03-18 | 257 | 县交通运输局，吴刚（包联张卫东） |",
        "| 2024-10-16调度会议定事项 | 制定专项债券资金支付计划 | 县财政局 | 2024-11-15 | 15 |  |",
        "- 调度会议定事项5项，已落实1项，未落实4项（其中逾期3项）。\n\n| 会议日期 | 议定事项 | 责任单位 | 项目名称 | 完成时限 | 状态 |\n| --- | --- | --- | --- | --- | --- |\n| 2024-10-16 | 督促铁路专用线接轨协议签订 | 县交通运输局 | 公铁联运煤炭物流园项目 | 2024-10-31 | 逾期30天 |\n| 2024-10-16 | 制定专项债券资金支付计划 | 县财政局 |  | 2024-11-15 | 逾期15天 |\n| 2024-11-20 | 组织安全设施设计专篇专家评审 | 县应急管理局 | 河南盛润年产2万吨对苯二酚项目 | 2024-11-29 | 逾期1天 |\n| 2024-11-20 | 加快化工园区污水管网资金支付 | 县财政局 | 化工园区污水管网 | 2024-12-06 | 未解决 |\n",
        "- 本月资金到位0万元，支付450万元；累计到位46000万元，累计支付15450万元，支付率34%（15450÷46000）。\n",
        "| 专项债券 | 0 | 0 | 18000 | 0 | 0% |",
        "| 超长期特别国债 | 0 | 350 | 2000 | 350 | 18% |",
        "| 合计 | 0 | 450 | 46000 | 15450 | 34% |",
        "#### 财政性资金支付最慢的项目\n\n| 项目名称 | 未支付财政性资金(万元) | 最早到位日期 | 滞留天数 | 包联县领导/责任人 |\n| --- | ---: | --- | ---: | --- |\n| 公铁联运煤炭物流园项目 | 12000 | 2024-05-28 | 186 | 吴刚（包联张卫东） |\n| 化工园区污水管网 | 1650 | 2024-07-01 | 152 | 陈静（包联张卫东） |\n| 羽绒\"一馆三中心\"项目 | 7500 | 2024-08-20 | 102 | 周敏（包联李志强） |\n",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    // Changes, by name.
    assert!(
        out.contains(
            "- 新亮红灯：黄河滩区农产品冷链物流园；华瑞电气电力铁塔项目；羽绒\"一馆三中心\"项目"
        ),
        "{out}"
    );
    assert!(out.contains("- 新开工：化工园区污水管网（11-22）"), "{out}");
    // Stages: the split at the period's end, and the changes with reasons.
    assert!(
        out.contains(
            "- 纳入调度项目14个，总投资338500万元；其中前期9个、在建3个、竣工1个、暂缓1个。"
        ),
        "{out}"
    );
    assert!(
        out.contains("本月新开工1个，续建2个，竣工1个，投产0个；本月办结手续6项。"),
        "{out}"
    );
    assert!(
        out.contains("- 竣工：城区道路绿化工程（11-22，通过竣工验收）"),
        "{out}"
    );
    assert!(out.contains("- 暂缓：开发区配套综合管线（11-19，"), "{out}");
    // A suspended project is not 应开未开.
    assert!(!out.contains("| 开发区配套综合管线 | 后方乡 |"), "{out}");
    assert!(
        out.contains(
            "- 解决问题：化工园区污水管网：管网穿越省道需交通部门许可（县交通运输局）；羽绒\"一馆三中心\"项目：地块西侧高压线迁改（国网台前县供电公司）"
        ),
        "{out}"
    );
    // 应开未开 with days late, and every overdue item listed with its unit.
    assert!(
        out.contains(
            "| 公铁联运煤炭物流园项目 | 孙口镇 | 台前县公铁联运物流有限公司 | 张卫东 | 县交通运输局 | 2024-06-30 | 153 |"
        ),
        "{out}"
    );
    assert!(out.contains("#### 手续办理逾期（30）"), "{out}");
    assert!(out.contains("#### 承诺事项逾期未兑现（5）"), "{out}");
    assert!(out.contains("#### 问题超过解决时限（8）"), "{out}");
    // An extended pledge says how often and from which first deadline.
    assert!(
        out.contains("| 公铁联运煤炭物流园项目 | 环评批复 | 环保专班 | 濮阳市生态环境局台前分局 | 2024-09-15 | 1次（原时限2024-07-15） | 76 | 县交通运输局，吴刚（包联张卫东） |"),
        "{out}"
    );
    assert!(
        out.contains(
            "| 君瀚实业箱包生产项目 | 不动产权证 | 用地专班 | 县自然资源局 | 2024-10-31 |  | 30 |  |"
        ),
        "{out}"
    );
    // Rankings name the best and the worst.
    assert!(
        out.contains("红榜（排名第一）：后方乡；黄榜（排名末位）：侯庙镇。"),
        "{out}"
    );
    assert!(out.contains("| 8 | 孙口镇 | 2 | 13 | 132.5 |"), "{out}");
    assert!(
        out.contains("红榜（排名第一）：文物专班；黄榜（排名末位）：用地专班。"),
        "{out}"
    );
    // Issuing authorities (审批部门), as the catalogue names them.
    assert!(
        out.contains("红榜（排名第一）：县人民防空办公室；黄榜（排名末位）：县自然资源局。"),
        "{out}"
    );
    assert!(
        out.contains("| 12 | 县自然资源局 | 56 | 14 | 122.4 |"),
        "{out}"
    );
    // 报送/抄送 at the end.
    assert!(
        out.ends_with(
            "报送：县政府领导  \n抄送：各工作专班牵头单位  \n台前县重大项目推进协调机制督导服务专班　　2024年11月30日印发  \n"
        ),
        "{out}"
    );
    // Leaders read names: no project ID anywhere.
    for id in ["chem-sewer", "gongtie-coal", "junhan-bags", "yueda-bdo"] {
        assert!(!out.contains(id), "{id} in the bulletin:\n{out}");
    }
}

#[test]
fn the_json_carries_every_rate_with_its_inputs() {
    let l = demo();
    let out = l.run(&args(NOV, &["--format", "json"])).ok().stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let h = &v["headline"];
    assert_eq!(h["start_rate"]["numerator"], 4);
    assert_eq!(h["start_rate"]["denominator"], 11);
    assert_eq!(h["start_rate"]["percent"], 36);
    assert_eq!(h["completed"], 1);
    assert_eq!(h["stages"]["suspended"], 1);
    assert_eq!(h["investment"]["numerator"], "14400");
    assert_eq!(h["investment"]["denominator"], "58700");
    assert_eq!(h["investment"]["percent"], 25);
    assert_eq!(h["time_elapsed"]["numerator"], 335);
    assert_eq!(h["time_elapsed"]["denominator"], 366);
    assert_eq!(v["issue"]["no"], 2);
    assert_eq!(v["issue"]["draft"], true);
    assert_eq!(v["period"]["kind"], "month");
    assert_eq!(v["changes"]["since"], "2024-10-31");
    let fulfilled = &v["changes"]["pledges_fulfilled"][0];
    assert_eq!(fulfilled["name"], "化工园区污水管网");
    assert_eq!(fulfilled["procedure_name"], "环评批复");
    // The machine form keeps the IDs beside the names.
    assert_eq!(v["late_starts"][0]["project"], "gongtie-coal");
    assert_eq!(v["late_starts"][0]["days_late"], 153);
    let sunkou = v["rankings"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "孙口镇")
        .unwrap()
        .clone();
    assert_eq!(sunkou["days_overdue"]["numerator"], 1722);
    assert_eq!(sunkou["days_overdue"]["denominator"], 13);
    assert_eq!(sunkou["days_overdue"]["value"], "132.5");
    // Who answers for a late start, where the project records it.
    assert_eq!(v["late_starts"][0]["leader"], "张卫东");
    assert_eq!(v["late_starts"][0]["unit"], "县交通运输局");
}

#[test]
fn publishing_numbers_the_issues_and_refuses_a_period_twice() {
    let l = demo();
    // The demo ledger keeps October's bulletin, published on 1 November.
    let october = l.read("bulletins/2024-1.md");
    assert!(october.contains("2024年第1期"), "{october}");
    assert!(!october.contains("征求意见稿"), "{october}");
    assert!(
        october.contains("## 2024年10月重大项目推进情况"),
        "{october}"
    );
    l.refuses(
        &[
            "report",
            "bulletin",
            "--month",
            "2024-10",
            "--publish",
            "--today",
            "2024-11-02",
        ],
        "2024年10月的简报已发布为 bulletins/2024-1.md（2024年第1期）",
    );

    // November, as a draft, shows the number it would get and counts the
    // changes since the October issue.
    let draft = l.run(NOV).ok().stdout;
    assert!(draft.contains("2024年第2期") && draft.contains("征求意见稿"));
    assert!(
        draft.contains("二、与上期相比（2024-11-01以来）"),
        "{draft}"
    );

    let out = l
        .run(&args(NOV, &["--publish", "--format", "docx"]))
        .ok()
        .stdout;
    assert_eq!(
        out,
        "已发布2024年第2期（2024年11月）：bulletins/2024-2.docx\n"
    );
    assert_eq!(
        l.read("bulletins/index.csv"),
        "year,no,kind,from,to,scope,file,published\n\
         2024,1,month,2024-10-01,2024-10-31,county,bulletins/2024-1.md,2024-11-01\n\
         2024,2,month,2024-11-01,2024-11-30,county,bulletins/2024-2.docx,2024-11-30\n"
    );
    let (paras, _) = docx_paragraphs(&l.file("bulletins/2024-2.docx"));
    assert!(paras.iter().any(|p| p == "2024年第2期"), "{paras:?}");
    assert!(!paras.iter().any(|p| p.contains("征求意见稿")), "{paras:?}");

    // Without --publish, a published period is that issue, in any format.
    let copy = l.run(&args(NOV, &["--format", "html"])).ok().stdout;
    assert!(
        copy.contains("<div class=\"issue\">2024年第2期</div>"),
        "{copy}"
    );
    assert!(!copy.contains("征求意见稿"), "{copy}");
    // The same period again: refused, naming the file; nothing written.
    l.refuses(
        &args(NOV, &["--publish"]),
        "2024年11月的简报已发布为 bulletins/2024-2.docx（2024年第2期）",
    );
    // The ledger with its bulletins passes check.
    l.run(&["check", "--today", "2024-11-30"]).ok();
    // A week is a series of its own kind but shares the year's numbers.
    let out = l
        .run(&[
            "report",
            "bulletin",
            "--week-of",
            "2024-11-20",
            "--publish",
            "--format",
            "html",
            "--today",
            "2024-11-30",
        ])
        .ok()
        .stdout;
    assert!(out.contains("bulletins/2024-3.html"), "{out}");
    // A new year starts at 1.
    let out = l
        .run(&[
            "report",
            "bulletin",
            "--month",
            "2025-01",
            "--today",
            "2025-01-31",
        ])
        .ok()
        .stdout;
    assert!(out.contains("2025年第1期"), "{out}");
    // With --commit the two files are committed.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(l.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .output()
            .expect("git runs")
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "demo"]);
    l.run_env(
        "",
        &[
            ("GIT_AUTHOR_NAME", "t"),
            ("GIT_AUTHOR_EMAIL", "t@example.org"),
            ("GIT_COMMITTER_NAME", "t"),
            ("GIT_COMMITTER_EMAIL", "t@example.org"),
        ],
        &[
            "report",
            "bulletin",
            "--month",
            "2024-12",
            "--publish",
            "--commit",
            "--today",
            "2025-01-02",
        ],
    )
    .ok();
    let log = String::from_utf8(git(&["log", "--stat", "-1", "--format=%s"]).stdout).unwrap();
    assert!(
        log.starts_with("Publish the bulletin 2024年第4期 (2024年12月)"),
        "{log}"
    );
    assert!(
        log.contains("bulletins/2024-4.md") && log.contains("bulletins/index.csv"),
        "{log}"
    );
}

#[test]
fn changes_count_from_the_previous_bulletin_of_the_same_kind() {
    let l = demo();
    l.run(&[
        "report",
        "bulletin",
        "--week-of",
        "2024-11-06",
        "--publish",
        "--today",
        "2024-11-10",
    ])
    .ok();
    // The week of 11-11 was skipped: the week of 11-18 counts since 11-10.
    let out = l
        .run(&[
            "report",
            "bulletin",
            "--week-of",
            "2024-11-20",
            "--today",
            "2024-11-25",
        ])
        .ok()
        .stdout;
    assert!(out.contains("二、与上期相比（2024-11-11以来）"), "{out}");
    // Weeks and months share the year's numbers: October was 1, that week 2.
    assert!(out.contains("2024年第3期"), "{out}");
    // Without a published one, the previous period of the kind is used.
    let fresh = demo();
    let out = fresh
        .run(&[
            "report",
            "bulletin",
            "--week-of",
            "2024-11-20",
            "--today",
            "2024-11-25",
        ])
        .ok()
        .stdout;
    assert!(out.contains("二、与上期相比（2024-11-18以来）"), "{out}");
    // As of the period's end: a later --today gives the same bulletin.
    let later = fresh
        .run(&[
            "report",
            "bulletin",
            "--week-of",
            "2024-11-20",
            "--today",
            "2025-03-01",
        ])
        .ok()
        .stdout;
    let on_sunday = fresh
        .run(&[
            "report",
            "bulletin",
            "--week-of",
            "2024-11-20",
            "--today",
            "2024-11-24",
        ])
        .ok()
        .stdout;
    assert_eq!(later, on_sunday);
}

/// The changes compare each project as of the period's end with the same
/// project as of the previous bulletin's end, from one reading: a project
/// opened in between (冷链物流园, opened 2024-10-08) is new in every list,
/// one already behind before is not.
#[test]
fn a_project_opened_since_the_previous_bulletin_is_new_in_the_changes() {
    let l = demo();
    let out = l
        .run(&[
            "report",
            "bulletin",
            "--month",
            "2024-10",
            "--today",
            "2024-11-25",
            "--format",
            "json",
        ])
        .ok()
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let c = &v["changes"];
    assert_eq!(c["since"], "2024-09-30");
    let newly: Vec<(&str, &str, i64)> = c["newly_overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["project"].as_str().unwrap(),
                o["kind"].as_str().unwrap(),
                o["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    // Its planned start (2024-09-01) had passed when it was opened.
    assert!(
        newly.contains(&("huanghe-coldchain", "start", 60)),
        "{newly:?}"
    );
    // gongtie-coal was already 92 days late on 2024-09-30: not new.
    assert!(
        !newly
            .iter()
            .any(|(p, k, _)| *p == "gongtie-coal" && *k == "start"),
        "{newly:?}"
    );
    let late: Vec<&str> = v["late_starts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["project"].as_str().unwrap())
        .collect();
    assert!(late.contains(&"gongtie-coal") && late.contains(&"huanghe-coldchain"));
    let yellow: Vec<(&str, &str)> = c["newly_yellow"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["project"].as_str().unwrap(),
                x["before"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        yellow.contains(&("huanghe-coldchain", "green")),
        "{yellow:?}"
    );
    // Yellow before and red now: newly red, with its light before.
    let red: Vec<(&str, &str)> = c["newly_red"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["project"].as_str().unwrap(),
                x["before"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(red.contains(&("shengrun-hq", "yellow")), "{red:?}");
}

#[test]
fn the_word_document_has_the_official_layout() {
    let l = demo();
    let out = l
        .run(&args(NOV, &["--format", "docx", "--output", "nov.docx"]))
        .ok()
        .stdout;
    assert_eq!(out, "征求意见稿2024年第2期（2024年11月）已写入 nov.docx\n");
    let (paras, xml) = docx_paragraphs(&l.file("nov.docx"));
    let first: Vec<&str> = paras.iter().take(6).map(String::as_str).collect();
    assert_eq!(
        first,
        [
            "征求意见稿",
            "重大项目推进工作简报",
            "2024年第2期",
            "台前县重大项目推进协调机制督导服务专班2024年11月30日",
            "",
            "2024年11月重大项目推进情况",
        ]
    );
    let headings: Vec<&String> = paras
        .iter()
        .filter(|p| p.len() < 80 && p.contains('、') && !p.contains('；'))
        .filter(|p| {
            [
                "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
            ]
            .iter()
            .any(|n| p.starts_with(n))
        })
        .collect();
    assert_eq!(headings.len(), 10, "{headings:?}");
    // Issue 13's content: problems taken up, decisions, funds, visits.
    for text in [
        "四、提请县领导和协调机制协调的问题",
        "提请县政府领导协调的问题1个，协调机制办公室协调1个；下发督办单2件，逾期未办结2件。",
        "县政府领导（2024-09-05报协调机制办公室，2024-10-12报县政府领导）",
        "台重项督〔2024〕7号（2024-11-15前，逾期15天）",
        "六、调度会议定事项落实情况",
        "调度会议定事项5项，已落实1项，未落实4项（其中逾期3项）。",
        "八、资金使用情况",
        "本月资金到位0万元，支付450万元；累计到位46000万元，累计支付15450万元，支付率34%（15450÷46000）。",
        "（二）财政性资金支付最慢的项目",
        "本月开展现场督导3次（县督导服务专班第一组1次、县督导服务专班第二组2次），累计4次。",
        "县交通运输局，吴刚（包联张卫东）",
    ] {
        assert!(paras.iter().any(|p| p == text), "{text}: {paras:?}");
    }
    assert!(
        paras.iter().any(|p| p == "（一）手续办理逾期（30）"),
        "{paras:?}"
    );
    assert!(paras.iter().any(|p| p == "报送：县政府领导"), "{paras:?}");
    assert!(
        paras.iter().any(|p| p == "抄送：各工作专班牵头单位"),
        "{paras:?}"
    );
    assert!(
        paras
            .iter()
            .any(|p| p.contains("开工率36%：应开工项目11个，已开工4个")),
        "{paras:?}"
    );
    // A4, the red title and red rule, the fonts.
    assert!(
        xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#),
        "A4"
    );
    assert!(xml.contains(r#"w:color w:val="FF0000""#), "red title");
    assert!(xml.contains(r#"w:color="FF0000""#), "red rule");
    assert!(xml.contains("方正小标宋简体") && xml.contains("仿宋_GB2312"));
    // Every table's header row repeats on each page it runs over.
    let tables = xml.matches("<w:tbl>").count();
    assert!(tables >= 7, "{tables} tables");
    assert_eq!(xml.matches("<w:tblHeader />").count(), tables);
    // The same bulletin gives the same bytes.
    l.run(&args(NOV, &["--format", "docx", "--output", "again.docx"]))
        .ok();
    assert_eq!(
        std::fs::read(l.file("nov.docx")).unwrap(),
        std::fs::read(l.file("again.docx")).unwrap()
    );
}

#[test]
fn the_html_prints_on_a4_and_stacks_at_phone_width() {
    let l = demo();
    let out = l.run(&args(NOV, &["--format", "html"])).ok().stdout;
    assert!(out.contains("@page{size:A4"), "A4");
    assert!(
        out.contains("section+section{break-before:page}"),
        "page breaks"
    );
    assert!(out.contains("@media (max-width:600px)"), "phone");
    assert!(
        out.contains("td::before{content:attr(data-label)"),
        "stacked cells"
    );
    // At phone width the chart keeps a legible size and scrolls sideways.
    assert!(
        out.contains(".chart svg{max-width:none;width:640px}"),
        "chart"
    );
    assert!(out.contains("<div class=\"chart\"><svg"), "chart");
    assert!(out.contains("<td data-label=\"项目名称\">公铁联运煤炭物流园项目</td>"));
    // Issue 13's sections, each its own printed section.
    for id in ["taken-up", "decisions", "funds"] {
        assert!(out.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    assert!(out.contains(
        "<td data-label=\"督办单号及时限\">台重项督〔2024〕7号（2024-11-15前，逾期15天）</td>"
    ));
    assert!(out.contains(
        "本月开展现场督导3次（县督导服务专班第一组1次、县督导服务专班第二组2次），累计4次。"
    ));
    // The legend matches the bars: each colour in the legend is a bar
    // colour, overdue pledges and overdue procedures have their own.
    for (color, label) in [
        ("#2e7d32", "已办结"),
        ("#64b5f6", "容缺/承诺（未到期）"),
        ("#8e0000", "承诺逾期未兑现"),
        ("#cfcfcf", "待办（未到期）"),
        ("#e53935", "待办逾期"),
    ] {
        assert!(
            out.contains(&format!("fill=\"{color}\"/><text")),
            "legend {label}"
        );
        assert!(out.contains(label), "{label}");
        assert!(
            out.contains(&format!("height=\"18\" fill=\"{color}\"")),
            "a bar in {color}"
        );
    }
    assert!(
        out.contains("逾期数可以多于待办数"),
        "the note on pledges and overdue"
    );
    assert!(!out.contains("chem-sewer"));
}

#[test]
fn english_labels() {
    let l = demo();
    let out = l.run(&args(NOV, &["--lang", "en"])).ok().stdout;
    assert!(out.contains("**Draft for comment**"), "{out}");
    assert!(out.contains("No. 2, 2024"), "{out}");
    assert!(
        out.contains(
            "- Start rate (开工率) 36%: 11 projects due to start, 4 started, 7 not started."
        ),
        "{out}"
    );
    assert!(out.contains("### 9. Rankings (红黄榜)"), "{out}");
    assert!(
        out.contains("Best (红榜): 后方乡; worst (黄榜): 侯庙镇."),
        "{out}"
    );
    assert!(out.contains("To: 县政府领导"), "{out}");
    for line in [
        "- Site visits (现场督导) this month: 3 (县督导服务专班第一组 1, 县督导服务专班第二组 2); 4 to date.",
        "### 4. Problems taken to the county leaders (县政府领导) and the mechanism\n\n- Problems with the county leaders: 1; with the mechanism's office: 1. Supervision orders (督办): 2, 2 past their due date.",
        "| leader (mechanism 2024-09-05, leader 2024-10-12) | 公铁联运煤炭物流园项目 | 铁路专用线接轨协议未签订 | 县交通运输局 | 2024-08-31 | overdue 91 days | 台重项督〔2024〕7号 due 2024-11-15, overdue 15 days | 吴刚 (leader 张卫东) |",
        "- Decisions of the dispatch meetings: 5, carried out 1, open 4 (3 overdue).",
        "| decision of the meeting of 2024-10-16 | 制定专项债券资金支付计划 | 县财政局 | 2024-11-15 | 15 |  |",
        "- This month: 0 万元 received, 450 万元 paid; to date 46000 万元 received, 15450 万元 paid, 34% paid out (15450 / 46000).",
        "| source | received this month (万元) | paid this month (万元) | received to date (万元) | paid to date (万元) | paid of received |",
        "| 公铁联运煤炭物流园项目 | 12000 | 2024-05-28 | 186 | 吴刚 (leader 张卫东) |",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
}

#[test]
fn a_task_force_and_a_township_get_their_own() {
    let l = demo();
    let out = l.run(&args(NOV, &["--taskforce", "env"])).ok().stdout;
    assert!(out.contains("## 环保专班2024年11月工作通报"), "{out}");
    // Only its own procedures and pledges are listed.
    assert!(
        out.contains("| 孙口至打渔陈县道升级改造工程 | 环评批复 | 环保专班 |"),
        "{out}"
    );
    assert!(!out.contains("| 用地专班 |"), "{out}");
    assert!(out.contains("#### 乡镇（街道）排名"), "{out}");

    let out = l.run(&args(NOV, &["--township", "侯庙镇"])).ok().stdout;
    assert!(out.contains("## 侯庙镇2024年11月重大项目推进情况"), "{out}");
    assert!(out.contains("纳入调度项目3个"), "{out}");
    assert!(!out.contains("公铁联运煤炭物流园项目"), "{out}");
    assert!(out.contains("#### 工作专班排名"), "{out}");
    assert!(!out.contains("#### 乡镇（街道）排名"), "{out}");

    // Each scope numbers its own series in its own folder.
    let out = l
        .run(&args(NOV, &["--township", "侯庙镇", "--publish"]))
        .ok()
        .stdout;
    assert!(out.contains("bulletins/township-侯庙镇/2024-1.md"), "{out}");
    assert!(l.file("bulletins/township-侯庙镇/2024-1.md").is_file());
    let out = l.run(&args(NOV, &["--publish"])).ok().stdout;
    assert!(out.contains("bulletins/2024-2.md"), "{out}");
}

#[test]
fn a_county_bulletin_over_several_ledgers_ranks_the_townships() {
    let county = tempfile::tempdir().unwrap();
    for (dir, name, planned) in [("a", "孙口镇", "2024-02-01"), ("b", "侯庙镇", "2024-05-01")]
    {
        let d = county.path().join(dir);
        std::fs::create_dir(&d).unwrap();
        run_in(&d, &["init", ".", "--name", name, "--lang", "zh"]).ok();
        run_in(
            &d,
            &[
                "open",
                "p1",
                "--name",
                &format!("{name}项目"),
                "--type",
                "industrial",
                "--planned-start",
                planned,
                "--today",
                "2024-01-10",
            ],
        )
        .ok();
    }
    let out = run_in(
        county.path(),
        &[
            "-L",
            "a",
            "-L",
            "b",
            "report",
            "bulletin",
            "--month",
            "2024-06",
            "--today",
            "2024-06-30",
        ],
    )
    .ok()
    .stdout;
    assert!(out.contains("#### 乡镇（街道）排名"), "{out}");
    assert!(
        out.contains("红榜（排名第一）：侯庙镇；黄榜（排名末位）：孙口镇。"),
        "{out}"
    );
    assert!(out.contains("| 孙口镇项目（孙口镇） |"), "{out}");
}

#[test]
fn the_masthead_comes_from_ledger_toml() {
    let l = Ledger::with_lang("zh");
    let toml = l.read("ledger.toml");
    assert!(toml.contains("[bulletin]\n"), "{toml}");
    assert!(toml.contains("title = \"重大项目推进工作简报\""), "{toml}");
    assert!(toml.contains("to = [\"县政府领导\"]"), "{toml}");
    assert!(toml.contains("cc = [\"各工作专班牵头单位\"]"), "{toml}");
    l.edit("ledger.toml", "signer = \"\"", "signer = \"签发：张三\"");
    l.edit(
        "ledger.toml",
        "cc = [\"各工作专班牵头单位\"]",
        "cc = [\"县发展和改革委员会\", \"各乡镇人民政府\"]",
    );
    let out = l.run(&["report", "bulletin"]).ok().stdout;
    assert!(
        out.contains("台前县重大项目推进协调机制督导服务专班"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "报送：县政府领导  \n抄送：县发展和改革委员会，各乡镇人民政府  \n签发：张三  \n台前县重大项目推进协调机制督导服务专班　　2024年3月1日印发  \n"
        ),
        "{out}"
    );
    // A ledger without [bulletin] gets the notice's defaults.
    let plain = Ledger::with_lang("zh");
    let text = plain.read("ledger.toml");
    let (head, _) = text
        .split_once("# `taizhang report bulletin` 的简报")
        .unwrap();
    plain.write("ledger.toml", head);
    let out = plain.run(&["report", "bulletin"]).ok().stdout;
    assert!(
        out.contains("　重大项目推进协调机制督导服务专班　"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "报送：县政府领导  \n抄送：各工作专班牵头单位  \n重大项目推进协调机制督导服务专班　　2024年3月1日印发  \n"
        ),
        "{out}"
    );
    // A bad value is named by check.
    l.edit(
        "ledger.toml",
        "to = [\"县政府领导\"]",
        "to = \"县政府领导\"",
    );
    let run = l.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("`to` must be an array of strings")
            || run.stderr.contains("`to` must be an array of strings"),
        "{run:?}"
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let l = demo();
    let cases: &[(&[&str], &str)] = &[
        (
            &["report", "bulletin", "--month", "2024-13"],
            "--month: invalid month \"2024-13\": expected YYYY-MM",
        ),
        (
            &["report", "bulletin", "--month", "2024-1"],
            "--month: invalid month \"2024-1\"",
        ),
        (
            &[
                "report",
                "bulletin",
                "--from",
                "2024-11-10",
                "--to",
                "2024-11-01",
            ],
            "--to: 2024-11-01 is before --from (2024-11-10)",
        ),
        (
            &[
                "report",
                "bulletin",
                "--from",
                "2024-11-x",
                "--to",
                "2024-11-01",
            ],
            "--from: invalid date \"2024-11-x\"",
        ),
        (
            &[
                "report",
                "bulletin",
                "--month",
                "2024-12",
                "--today",
                "2024-11-30",
            ],
            "the period 2024-12-01 to 2024-12-31 begins after today (2024-11-30)",
        ),
        (
            &["report", "bulletin", "--format", "csv"],
            "--format csv: the bulletin has several tables",
        ),
        (
            &["report", "bulletin", "--format", "docx"],
            "--format docx writes a Word document: give --output FILE.docx",
        ),
        (
            &["report", "overdue", "--format", "docx"],
            "--format docx is only for `taizhang report bulletin`",
        ),
        (
            &[
                "report",
                "bulletin",
                "--township",
                "侯庙镇",
                "--taskforce",
                "env",
            ],
            "--township and --taskforce: give one",
        ),
        (
            &[
                "report",
                "bulletin",
                "--township",
                "火星镇",
                "--today",
                "2024-11-30",
            ],
            "--township: no project of township \"火星镇\" as of 2024-11-30; townships in the ledger: ",
        ),
        (
            &["report", "bulletin", "--taskforce", "nope"],
            "--taskforce: unknown task force \"nope\"",
        ),
        (
            &["--at", "HEAD", "report", "bulletin", "--publish"],
            "--at: only read commands",
        ),
    ];
    // The demo ledger speaks Chinese; these are checked in English.
    for (a, needle) in cases {
        let mut all = a.to_vec();
        all.extend(["--lang", "en"]);
        l.refuses(&all, needle);
    }
    // clap refuses mixed periods (exit 2, a usage error).
    let run = l.run(&[
        "report",
        "bulletin",
        "--month",
        "2024-11",
        "--week-of",
        "2024-11-20",
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    let run = l.run(&["report", "bulletin", "--from", "2024-11-01"]);
    assert_eq!(run.code, 2, "{run:?}");
    // A broken index is named with its line; nothing is published.
    l.write(
        "bulletins/index.csv",
        "year,no,kind,from,to,scope,file,published\n2024,x,month,2024-10-01,2024-10-31,county,bulletins/2024-1.md,2024-11-02\n",
    );
    l.refuses(
        &args(NOV, &["--publish"]),
        "bulletins/index.csv:2: column \"no\": \"x\" is not an issue number",
    );
}

#[test]
fn a_project_that_cannot_be_read_is_named_and_blocks_publishing() {
    let l = demo();
    l.edit(
        "projects/junhan-bags/project.toml",
        "opened = ",
        "opened = 2024-13-01\n# was: ",
    );
    // The draft goes on without it, says so at the top, and exits 4.
    let run = l.run(NOV);
    assert_eq!(run.code, 4, "{run:?}");
    assert!(
        run.stdout
            .contains("\n> **未能读取 1 个项目: junhan-bags — 运行 taizhang check**\n"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("君瀚实业箱包生产项目"),
        "{}",
        run.stdout
    );
    // Named once: the bulletin reads each project once, for both days.
    assert_eq!(
        run.stderr.matches("警告：未纳入项目 junhan-bags").count(),
        1,
        "{}",
        run.stderr
    );
    // A published issue must cover every project.
    let before = l.snapshot();
    let run = l.run(&args(NOV, &["--publish"]));
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("错误：有 1 个项目无法读取（junhan-bags）：发布的简报须涵盖所有项目"),
        "{}",
        run.stderr
    );
    assert!(l.snapshot() == before, "nothing written");
}

/// A small ledger: project 盛润 (侯庙镇) with its people and phones, a
/// land problem raised 2024-02-01 with a limit of 2024-02-20, and project
/// 星辰 (马楼镇) beside it.
fn coordinated() -> Ledger {
    let l = Ledger::with_lang("zh");
    for (id, name, township) in [("sr", "盛润", "侯庙镇"), ("xc", "星辰", "马楼镇")] {
        l.run(&[
            "open",
            id,
            "--name",
            name,
            "--type",
            "chemical",
            "--township",
            township,
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
            "--today",
            "2024-01-05",
        ])
        .ok();
    }
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
        "--today",
        "2024-02-01",
    ])
    .ok();
    l
}

#[test]
fn coordination_sections_appear_when_the_ledger_keeps_them() {
    let l = coordinated();
    let march = [
        "report",
        "bulletin",
        "--month",
        "2024-03",
        "--today",
        "2024-03-31",
    ];
    // Nothing recorded yet: no funds, decisions or visits; in February the
    // problem is still the task force's, so nothing is taken up either.
    let feb = l
        .run(&[
            "report",
            "bulletin",
            "--month",
            "2024-02",
            "--today",
            "2024-03-31",
        ])
        .ok()
        .stdout;
    for heading in ["提请县领导", "调度会议定事项", "资金使用情况", "现场督导"]
    {
        assert!(!feb.contains(heading), "{heading}:\n{feb}");
    }
    // By the end of March the escalation rule (30 days past the limit) has
    // lifted the problem to the county leaders, without writing a file.
    let before = l.snapshot();
    let out = l.run(&march).ok().stdout;
    assert!(l.snapshot() == before, "a bulletin draft writes nothing");
    assert!(
        out.contains("### 三、提请县领导和协调机制协调的问题\n\n- 提请县政府领导协调的问题1个，协调机制办公室协调0个；下发督办单0件，逾期未办结0件。\n"),
        "{out}"
    );
    assert!(
        out.contains("| 县政府领导（超期自动升级） | 盛润 | 征地补偿未到位 | 县自然资源局 | 2024-02-20 | 逾期40天 |  | 张伟（包联李明） |"),
        "{out}"
    );
    // Every chasing line names whom to call; no phone by default.
    assert!(
        out.contains("| 盛润 | 征地补偿未到位 | 县自然资源局 | 2024-02-20 | 40 | 县发展和改革委员会，张伟（包联李明） |"),
        "{out}"
    );
    assert!(!out.contains("13903931234"), "{out}");

    // A 督办 order, money, a visit and a dispatch meeting.
    for cmd in [
        &[
            "problem",
            "order",
            "sr",
            "1",
            "--no",
            "台督〔2024〕3号",
            "--due",
            "2024-03-25",
            "--date",
            "2024-03-10",
        ][..],
        &[
            "funds",
            "sr",
            "--source",
            "专项债券",
            "--received",
            "1000",
            "--date",
            "2024-02-10",
        ],
        &[
            "funds",
            "sr",
            "--source",
            "专项债券",
            "--paid",
            "200.5",
            "--date",
            "2024-03-10",
        ],
        &[
            "funds",
            "xc",
            "--source",
            "企业自筹",
            "--received",
            "300",
            "--date",
            "2024-03-12",
        ],
        &[
            "visit",
            "sr",
            "--date",
            "2024-03-12",
            "--by",
            "督导一组",
            "--findings",
            "现场未动工",
        ],
        &[
            "visit",
            "xc",
            "--date",
            "2024-03-13",
            "--by",
            "督导一组",
            "--findings",
            "正在平整场地",
        ],
        &[
            "visit",
            "xc",
            "--date",
            "2024-02-13",
            "--by",
            "督导二组",
            "--findings",
            "尚未进场",
        ],
        &[
            "meeting",
            "add",
            "--date",
            "2024-03-01",
            "--title",
            "三月调度会",
        ],
        &[
            "meeting",
            "decide",
            "2024-03-01",
            "--what",
            "协调征地补偿资金",
            "--unit",
            "县财政局",
            "--due",
            "2024-03-20",
            "--project",
            "sr",
        ],
        &[
            "meeting",
            "decide",
            "2024-03-01",
            "--what",
            "星辰办理环评",
            "--unit",
            "濮阳市生态环境局台前分局",
            "--due",
            "2024-04-15",
            "--project",
            "xc",
        ],
        &[
            "meeting",
            "decide",
            "2024-03-01",
            "--what",
            "全县梳理用地指标",
            "--unit",
            "县自然资源局",
            "--due",
            "2024-03-29",
        ],
    ] {
        let mut c = cmd.to_vec();
        c.extend(["--today", "2024-03-31"]);
        l.run(&c).ok();
    }
    let out = l.run(&march).ok().stdout;
    let lines = [
        "- 本月开展现场督导2次（督导一组2次），累计3次。",
        "- 提请县政府领导协调的问题1个，协调机制办公室协调0个；下发督办单1件，逾期未办结1件。",
        "| 县政府领导（超期自动升级） | 盛润 | 征地补偿未到位 | 县自然资源局 | 2024-02-20 | 逾期40天 | 台督〔2024〕3号（2024-03-25前，逾期6天） | 张伟（包联李明） |",
        "| 2024-03-01调度会议定事项 | 全县梳理用地指标 | 县自然资源局 | 2024-03-29 | 2 |  |",
        "### 五、调度会议定事项落实情况\n\n- 调度会议定事项3项，已落实0项，未落实3项（其中逾期2项）。",
        "| 2024-03-01 | 协调征地补偿资金 | 县财政局 | 盛润 | 2024-03-20 | 逾期11天 |\n| 2024-03-01 | 全县梳理用地指标 | 县自然资源局 |  | 2024-03-29 | 逾期2天 |\n| 2024-03-01 | 星辰办理环评 | 濮阳市生态环境局台前分局 | 星辰 | 2024-04-15 | 未解决 |\n",
        "### 七、资金使用情况\n\n- 本月资金到位300万元，支付200.5万元；累计到位1300万元，累计支付200.5万元，支付率15%（200.5÷1300）。",
        "| 专项债券 | 0 | 200.5 | 1000 | 200.5 | 20% |\n| 企业自筹 | 300 | 0 | 300 | 0 | 0% |\n| 合计 | 300 | 200.5 | 1300 | 200.5 | 15% |\n",
        "| 盛润 | 799.5 | 2024-02-10 | 50 | 张伟（包联李明） |",
    ];
    for line in lines {
        assert!(out.contains(line), "{line}\n{out}");
    }
    assert!(!out.contains("13903931234"), "{out}");
    // JSON: the paid rate with its inputs, the visits by team.
    let json = l.run(&args(&march, &["--format", "json"])).ok().stdout;
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let total = &v["funds"]["total"];
    assert_eq!(total["paid_rate"]["numerator"], "200.5");
    assert_eq!(total["paid_rate"]["denominator"], "1300");
    assert_eq!(total["paid_rate"]["percent"], 15);
    assert_eq!(total["period"]["received"], "300");
    assert_eq!(v["funds"]["by_source"][0]["source"], "专项债券");
    assert_eq!(v["funds"]["by_source"][0]["paid_rate"]["percent"], 20);
    assert_eq!(v["visits"]["in_period"], 2);
    assert_eq!(v["visits"]["to_date"], 3);
    assert_eq!(v["visits"]["by_team"]["督导一组"], 2);
    let up = &v["problems_taken_up"][0];
    assert_eq!(up["level"], "leader");
    assert_eq!(up["level_auto"], true);
    assert_eq!(up["order"]["no"], "台督〔2024〕3号");
    assert_eq!(v["decisions"]["total"], 3);
    assert_eq!(v["decisions"]["open"][0]["project_name"], "盛润");
    assert!(!json.contains("13903931234"), "{json}");

    // A township's bulletin keeps the decisions of its projects and those
    // naming none.
    let out = l.run(&args(&march, &["--township", "侯庙镇"])).ok().stdout;
    assert!(
        out.contains("调度会议定事项2项，已落实0项，未落实2项（其中逾期2项）。"),
        "{out}"
    );
    assert!(!out.contains("星辰"), "{out}");
    assert!(
        out.contains("本月开展现场督导1次（督导一组1次），累计1次。"),
        "{out}"
    );

    // Phones only when the ledger allows them.
    l.edit("ledger.toml", "show_phones = false", "show_phones = true");
    let out = l.run(&march).ok().stdout;
    assert!(
        out.contains("| 盛润 | 征地补偿未到位 | 县自然资源局 | 2024-02-20 | 40 | 县发展和改革委员会，张伟 13903931234（包联李明） |"),
        "{out}"
    );
}

/// A bulletin whose tables are longer than a Word document of it holds
/// (5,000 rows; Word files are built whole in memory) is refused as a Word
/// document, in the ledger's language, before anything is written — and
/// is written as HTML.
#[test]
fn a_bulletin_too_long_for_word_is_refused_as_docx_and_written_as_html() {
    let l = Ledger::with_lang("zh");
    l.open_with(
        "p0000",
        &[
            "--name",
            "测试项目",
            "--type",
            "chemical",
            "--planned-start",
            "2024-06-30",
            "--hazchem",
            "yes",
            "--today",
            "2024-06-01",
        ],
    );
    // 400 projects of 16 listed rows each: 6,400 rows.
    let from = l.file("projects/p0000");
    for i in 1..400 {
        let to = l.file(&format!("projects/p{i:04}"));
        std::fs::create_dir_all(&to).unwrap();
        for f in ["project.toml", "procedures.csv"] {
            std::fs::copy(from.join(f), to.join(f)).unwrap();
        }
    }
    let before = l.snapshot();
    let week = [
        "report",
        "bulletin",
        "--week-of",
        "2024-11-25",
        "--today",
        "2024-11-30",
    ];
    let run = l.run(&args(&week, &["--format", "docx", "--output", "x.docx"]));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "错误：本期简报的表格共 6400 行，超出 Word 文档的上限（5000 行）：请用 HTML 或 Markdown 格式（--format html|markdown），或按专班、乡镇分别编发（--taskforce、--township）\n"
    );
    let publish = l.run(&args(
        &week,
        &["--format", "docx", "--publish", "--lang", "en"],
    ));
    assert_eq!(publish.code, 1);
    assert!(
        publish
            .stderr
            .starts_with("error: the bulletin lists 6400 table rows, more than a Word document of it holds (5000)"),
        "{}",
        publish.stderr
    );
    assert_eq!(l.snapshot(), before, "nothing written");
    let html = l.run(&args(&week, &["--format", "html", "--output", "x.html"]));
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(l.read("x.html").contains("测试项目"));
}
