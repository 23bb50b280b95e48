//! Writes a synthetic, valid ledger of N projects for benchmarks:
//! `cargo run --release --example gen_ledger -- --projects N --seed S DIR`.
//! Realistic shapes — every task force, 8–20 procedures a project, a mix of
//! pending, obtained, pledged (open, overdue and fulfilled) and not-needed
//! rows, started and late projects with annual plans and progress entries,
//! open, overdue and resolved problems, Chinese names — and the same bytes
//! for the same seed. Files are written with the library's own writers, so
//! `taizhang check` passes on the result.

use chrono::Days;
use clap::Parser;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use taizhang::model::{Amount, Date, Lang, PledgeKind, Procedure, Project, Status};
use taizhang::store::ledger_csv::{
    CsvTable, PROBLEMS_COLUMNS, PROBLEMS_FILE, PROGRESS_COLUMNS, PROGRESS_FILE,
};
use taizhang::store::procedures_file::{self, ProcedureTable};
use taizhang::store::{project_file, settings_file};

#[derive(Parser)]
struct Args {
    /// Number of projects
    #[arg(long)]
    projects: usize,
    /// Seed of the generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory of the new ledger (must not hold a ledger yet)
    dir: PathBuf,
}

const TOWNSHIPS: [&str; 9] = [
    "城关镇",
    "侯庙镇",
    "孙口镇",
    "打渔陈镇",
    "马楼镇",
    "吴坝镇",
    "后方乡",
    "清水河乡",
    "夹河乡",
];
const FIRMS: [&str; 8] = [
    "盛润", "跃达", "中硼", "星辰", "君瀚", "华瑞", "金桥", "豫东",
];
const WORKS: [&str; 8] = [
    "年产2万吨对苯二酚",
    "电力铁塔",
    "箱包生产",
    "激光设备",
    "煤炭物流园",
    "道路绿化",
    "污水管网",
    "综合管线",
];
const AS_OF: &str = "2024-11-25";

fn day(s: &str) -> Date {
    taizhang::model::parse_date(s).expect("a valid date")
}

fn plus(d: Date, n: u64) -> Date {
    d + Days::new(n)
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    anyhow::ensure!(
        !args.dir.join("ledger.toml").exists(),
        "{} already holds a ledger",
        args.dir.display()
    );
    let text = settings_file::default_text("合成台账 (synthetic)", "410927", Lang::Zh);
    let (settings, problems) = settings_file::read(Path::new("ledger.toml"), &text);
    anyhow::ensure!(problems.is_empty(), "the default settings have problems");
    let settings = settings.expect("default settings read");
    std::fs::create_dir_all(args.dir.join("projects"))?;
    std::fs::write(args.dir.join("ledger.toml"), &text)?;

    let mut rng = StdRng::seed_from_u64(args.seed);
    let as_of = day(AS_OF);
    let start_of_year = day("2024-01-01");
    for i in 0..args.projects {
        let kind = &settings.types[rng.random_range(0..settings.types.len())];
        let opened = plus(start_of_year, rng.random_range(0..270));
        let planned_start = plus(opened, rng.random_range(60..240));
        let started = (planned_start < as_of && rng.random_bool(0.6))
            .then(|| plus(planned_start, rng.random_range(0..60)))
            .filter(|d| *d <= as_of);
        let mut project = Project {
            name: format!(
                "{}{}{}项目",
                TOWNSHIPS[i % TOWNSHIPS.len()].trim_end_matches(['镇', '乡']),
                FIRMS[rng.random_range(0..FIRMS.len())],
                WORKS[rng.random_range(0..WORKS.len())]
            ),
            kind: kind.key.clone(),
            owner: Some(format!(
                "河南{}实业有限公司",
                FIRMS[rng.random_range(0..FIRMS.len())]
            )),
            township: Some(TOWNSHIPS[rng.random_range(0..TOWNSHIPS.len())].to_string()),
            code: Some(format!(
                "{}-410927-{:02}-{:02}-{:06}",
                opened.format("%y%m"),
                rng.random_range(10..99),
                rng.random_range(1..20),
                i % 1_000_000
            )),
            investment: Some(
                Amount::parse(&format!(
                    "{}.{}",
                    rng.random_range(500..200_000),
                    rng.random_range(0..10)
                ))
                .expect("valid"),
            ),
            opened,
            planned_start: Some(planned_start),
            started,
            annual_plan: Default::default(),
            people: Default::default(),
            facts: Default::default(),
            stages: Vec::new(),
        };
        // The type's task list, topped up with other catalogue entries to 8–20 rows.
        let target = rng.random_range(8..=20usize);
        let mut keys: Vec<usize> = (0..settings.catalogue.len())
            .filter(|&c| settings.catalogue[c].applies_to(&kind.key))
            .collect();
        for c in 0..settings.catalogue.len() {
            if keys.len() >= target {
                break;
            }
            if !keys.contains(&c) && rng.random_bool(0.5) {
                keys.push(c);
            }
        }
        keys.sort();
        let mut table = ProcedureTable::new();
        for c in keys {
            let entry = &settings.catalogue[c];
            let mut row = Procedure {
                key: entry.key.clone().into(),
                name: entry.name.clone().into(),
                taskforce: entry.taskforce.clone().into(),
                due: entry.limit.map(|l| l.due_from(opened, &settings.calendar)),
                ..Procedure::default()
            };
            let span = (as_of - opened).num_days().max(1) as u64;
            match rng.random_range(0..100) {
                0..55 => {
                    row.status = Status::Obtained;
                    row.obtained = Some(plus(opened, rng.random_range(0..span)));
                    row.doc_no = format!(
                        "台{}〔2024〕{}号",
                        ["环审", "自然资", "住建", "水"][c % 4],
                        rng.random_range(1..300)
                    );
                }
                55..67 => {
                    let pledged = plus(opened, rng.random_range(0..span));
                    row.status = Status::Pledged;
                    row.pledge_kind = Some(if rng.random_bool(0.5) {
                        PledgeKind::Tolerance
                    } else {
                        PledgeKind::Notify
                    });
                    row.pledged = Some(pledged);
                    row.pledge_due = Some(plus(pledged, rng.random_range(30..120)));
                    row.missing_items = "补充专家评审意见".to_string();
                    if rng.random_bool(0.4) {
                        let done = plus(pledged, rng.random_range(0..90)).min(as_of);
                        row.status = Status::Obtained;
                        row.obtained = Some(done);
                        row.fulfilled = Some(done);
                    }
                }
                67..72 => {
                    row.status = Status::NotNeeded;
                    row.due = None;
                }
                _ => {
                    if row.due.is_none() && rng.random_bool(0.5) {
                        row.due = Some(plus(opened, rng.random_range(30..300)));
                    }
                }
            }
            table.push(row);
        }
        let dir = args.dir.join("projects").join(format!("p{i:06}"));
        std::fs::create_dir_all(&dir)?;
        // A started project has a plan for the year and monthly progress.
        if let Some(started) = project.started {
            let plan = rng.random_range(300..50_000u32);
            project
                .annual_plan
                .insert(2024, Amount::parse(&plan.to_string()).expect("valid"));
            let mut progress = CsvTable::new(&PROGRESS_COLUMNS);
            let (mut day, mut invested) = (started, 0u32);
            while day <= as_of && progress.cells.len() < 12 {
                invested += rng.random_range(0..=plan / 6);
                let row = progress.cells.len();
                progress.insert(
                    row,
                    &[
                        ("date", day.to_string()),
                        ("invested", invested.to_string()),
                        ("note", "主体施工".to_string()),
                    ],
                );
                day = plus(day, rng.random_range(20..40));
            }
            std::fs::write(dir.join(PROGRESS_FILE), progress.to_bytes())?;
        }
        // One project in seven has problems on the problem ledger.
        if rng.random_range(0..7) == 0 {
            let mut problems = CsvTable::new(&PROBLEMS_COLUMNS);
            for no in 1..=rng.random_range(1..=3u32) {
                let recorded = plus(
                    opened,
                    rng.random_range(0..((as_of - opened).num_days().max(1) as u64)),
                );
                let limit = plus(recorded, rng.random_range(7..60));
                let resolved = rng
                    .random_bool(0.4)
                    .then(|| plus(recorded, rng.random_range(1..30)).min(as_of));
                let row = problems.cells.len();
                problems.insert(
                    row,
                    &[
                        ("no", no.to_string()),
                        ("what", "用地指标未落实".to_string()),
                        (
                            "unit",
                            ["县自然资源局", "县水利局", "县住房和城乡建设局"]
                                [rng.random_range(0..3)]
                            .to_string(),
                        ),
                        ("limit", limit.to_string()),
                        ("opened", recorded.to_string()),
                        (
                            "resolved",
                            resolved.map(|d| d.to_string()).unwrap_or_default(),
                        ),
                        (
                            "how",
                            resolved.map(|_| "协调解决".to_string()).unwrap_or_default(),
                        ),
                    ],
                );
            }
            std::fs::write(dir.join(PROBLEMS_FILE), problems.to_bytes())?;
        }
        std::fs::write(
            dir.join(project_file::FILE_NAME),
            project_file::render_new(&project),
        )?;
        std::fs::write(dir.join(procedures_file::FILE_NAME), table.to_bytes())?;
    }
    eprintln!("wrote {} projects to {}", args.projects, args.dir.display());
    Ok(())
}
