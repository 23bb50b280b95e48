//! The project cache (`.taizhang/cache`, `store::cache`): reports read only
//! what changed, never serve a stale value, and treat any doubt about the
//! cache as a reason to read the files. The property test at the end edits
//! a copy of the demo ledger at random, with the tool and by hand (to the
//! same size and even back to the same modification time, within the same
//! second), and checks after each step that every report equals the report
//! with `--no-cache`. CI runs it with a few hundred cases
//! (`PROPTEST_CASES=300 cargo test --test cli cache::`).

use crate::support::{Ledger, Run, taizhang};
use std::path::Path;
use std::time::{Duration, SystemTime};

const TODAY: &str = "2024-11-25";

/// A report with the cache, and the counts it printed (reused, read).
fn cached(l: &Ledger, args: &[&str]) -> (Run, (usize, usize)) {
    let mut all = args.to_vec();
    all.extend(["--today", TODAY]);
    let run = l.run_env("", &[("TAIZHANG_CACHE_STATS", "1")], &all);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("cache: "))
        .unwrap_or_else(|| panic!("no cache line in stderr:\n{}", run.stderr))
        .to_string();
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (run, (n[0], n[1]))
}

/// Reports until one reads no file (the files of a copy made a moment
/// ago are re-read until their times are older than a report's start).
fn settle(l: &Ledger) {
    let mut last = (0, 0);
    for _ in 0..200 {
        last = cached(l, &["report", "overdue"]).1;
        if last.1 == 0 {
            return;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    panic!(
        "the cache never settled: last report reused {} and read {}",
        last.0, last.1
    );
}

/// The same report with and without the cache: same exit code, same
/// output, same errors.
#[track_caller]
fn same(l: &Ledger, args: &[&str]) {
    let mut all = args.to_vec();
    all.extend(["--today", TODAY]);
    let with = l.run(&all);
    all.push("--no-cache");
    let without = l.run(&all);
    assert_eq!(with.code, without.code, "{args:?}\n{}", with.stderr);
    assert_eq!(with.stdout, without.stdout, "{args:?}");
    assert_eq!(with.stderr, without.stderr, "{args:?}");
}

/// Replaces the first `from` in a file by `to`, keeping its modification
/// time when `keep_time` (as a careless copy or an editor may).
fn edit(l: &Ledger, rel: &str, from: &str, to: &str, keep_time: bool) {
    let path = l.file(rel);
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    if keep_time {
        set_mtime(&path, before);
    }
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

const PROC: &str = "projects/gongtie-coal/procedures.csv";

#[test]
fn a_second_report_reads_nothing_and_a_change_is_read_again() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    let n = std::fs::read_dir(l.file("projects"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_dir())
        .count();
    let (first, (reused, read)) = cached(&l, &["report", "overdue"]);
    first.ok();
    assert_eq!(reused + read, n);
    settle(&l);
    let (_, counts) = cached(&l, &["list"]);
    assert_eq!(counts, (n, 0), "every project from the cache");
    // One file written by the tool: one project read.
    l.run(&["tick", "gongtie-coal", "land-planning", "--today", TODAY])
        .ok();
    let (_, counts) = cached(&l, &["report", "overdue"]);
    assert_eq!(counts, (n - 1, 1));
    // A new file in a project's folder: that project read again.
    settle(&l);
    l.write("projects/chem-sewer/notes.txt", "call the owner");
    assert_eq!(cached(&l, &["report", "overdue"]).1, (n - 1, 1));
    // Other settings: everything read again.
    settle(&l);
    let settings = l.read("ledger.toml");
    l.write("ledger.toml", &format!("{settings}\n# a comment\n"));
    assert_eq!(cached(&l, &["report", "overdue"]).1, (0, n));
    same(&l, &["report", "overdue", "--format", "json"]);
}

#[test]
fn the_cache_is_ignored_by_git_and_unused_by_check_no_cache_and_at() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    cached(&l, &["report", "overdue"]).0.ok();
    assert!(l.file(".taizhang/cache/projects").is_file());
    assert_eq!(l.read(".taizhang/.gitignore"), "*\n");
    assert!(
        l.read(".taizhang/cache/CACHEDIR.TAG")
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55")
    );
    // A new ledger's .gitignore names it too.
    let fresh = Ledger::new();
    assert!(fresh.read(".gitignore").lines().any(|l| l == ".taizhang/"));
    for args in [
        &["check"][..],
        &["report", "overdue", "--no-cache"],
        &["list", "--no-cache"],
    ] {
        let run = l.run_env("", &[("TAIZHANG_CACHE_STATS", "1")], args);
        assert!(!run.stderr.contains("cache:"), "{args:?}: {}", run.stderr);
    }
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(l.file(".taizhang/cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn at_a_past_commit_the_cache_is_not_used() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(l.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-qm",
        "demo",
    ]);
    cached(&l, &["report", "overdue"]).0.ok();
    let run = l.run_env(
        "",
        &[("TAIZHANG_CACHE_STATS", "1")],
        &["report", "overdue", "--at", "HEAD", "--today", TODAY],
    );
    let run = run.ok();
    assert!(!run.stderr.contains("cache:"), "{}", run.stderr);
    // The cache folder is not part of what git sees.
    let out = std::process::Command::new("git")
        .current_dir(l.path())
        .args(["status", "--porcelain"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}

#[test]
fn same_size_edits_with_the_old_modification_time_are_seen() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    settle(&l);
    let before = l.run(&["report", "overdue", "--today", TODAY]).ok().stdout;
    // One character of the project's name for another of the same size,
    // with the old modification time put back: only the change time tells.
    let record = "projects/gongtie-coal/project.toml";
    assert!(before.contains("公铁联运煤炭物流园项目"));
    edit(&l, record, "物流园", "物流苑", true);
    let after = cached(&l, &["report", "overdue"]);
    assert_eq!(after.1.1, 1, "the edited project is read again");
    assert!(
        after.0.stdout.contains("公铁联运煤炭物流苑项目"),
        "{}",
        after.0.stdout
    );
    same(&l, &["report", "overdue"]);
}

#[test]
fn a_project_broken_after_it_was_cached_is_left_out_not_served() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    settle(&l);
    edit(&l, PROC, ",pending,2024", ",pendinx,2024", true);
    // Left out (exit 4) with its problem, never served from the cache.
    let run = l.run(&["report", "overdue", "--today", TODAY]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stderr.contains("left out project gongtie-coal")
            || run.stderr.contains("未纳入项目 gongtie-coal"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("无效的状态“pendinx”"), "{}", run.stderr);
    // None of its procedures is listed (a meeting's decision about it may be).
    assert!(
        !run.stdout
            .lines()
            .any(|l| l.contains("gongtie-coal") && l.contains("手续逾期")),
        "{}",
        run.stdout
    );
    same(&l, &["report", "overdue"]);
    // Mended: served again, and cached again once settled.
    edit(&l, PROC, ",pendinx,2024", ",pending,2024", false);
    same(&l, &["report", "overdue"]);
    settle(&l);
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_is_read_past_never_an_error() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    settle(&l);
    let path = l.file(".taizhang/cache/projects");
    let good = std::fs::read(&path).unwrap();
    let expected = l.run(&["report", "overdue", "--today", TODAY]).ok().stdout;
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    let mut version = good.clone();
    version[12] ^= 1; // the header's format version
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("garbage", b"not a cache at all".to_vec()),
        ("truncated header", good[..10].to_vec()),
        ("truncated frame", good[..good.len() - 7].to_vec()),
        ("a flipped byte", flipped),
        ("another format", version),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&path, &bytes).unwrap();
        let run = l.run(&["report", "overdue", "--today", TODAY]);
        assert_eq!(run.code, 0, "{what}: {}", run.stderr);
        assert_eq!(run.stdout, expected, "{what}");
        assert!(run.stderr.is_empty(), "{what}: {}", run.stderr);
        // The next report writes a whole cache again.
        assert_ne!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{what}: not rewritten"
        );
    }
    // A cache folder that is not a folder: reports still run.
    std::fs::remove_dir_all(l.file(".taizhang")).unwrap();
    std::fs::write(l.file(".taizhang"), "").unwrap();
    let run = l.run(&["report", "overdue", "--today", TODAY]).ok();
    assert_eq!(run.stdout, expected);
}

#[test]
fn another_build_of_taizhang_does_not_read_this_ones_cache() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    settle(&l);
    let bin = tempfile::tempdir().unwrap();
    let copy = bin.path().join("taizhang");
    std::fs::copy(env!("CARGO_BIN_EXE_taizhang"), &copy).unwrap();
    let out = std::process::Command::new(&copy)
        .current_dir(l.path())
        .env("TAIZHANG_CACHE_STATS", "1")
        .args(["report", "overdue", "--today", TODAY])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("cache: 0 reused, "), "{stderr}");
}

#[test]
fn reports_running_at_once_leave_a_whole_cache() {
    let l = Ledger::copy_of("ledgers/taiqian-2024");
    let runs: Vec<_> = (0..4)
        .map(|_| {
            taizhang()
                .current_dir(l.path())
                .args(["report", "weekly", "--format", "json", "--today", TODAY])
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outs: Vec<_> = runs
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for o in &outs {
        assert!(o.status.success());
        assert_eq!(o.stdout, outs[0].stdout);
    }
    same(&l, &["report", "weekly", "--format", "json"]);
    settle(&l);
}

mod random_edits {
    use super::*;
    use proptest::prelude::*;

    /// The read commands compared, with and without the cache.
    const REPORTS: &[&[&str]] = &[
        &["report", "overdue", "--format", "json"],
        &["list", "--format", "json"],
        &["report", "slow", "--all", "--format", "json"],
        &["report", "weekly", "--format", "json"],
        &["report", "taskforce", "--format", "json"],
        &["problem", "list", "--format", "json"],
        &["export", "procedures", "--for-excel"],
        &["report", "overdue", "--taskforce", "land"],
    ];
    const PROJECTS: &[&str] = &["chem-sewer", "gongtie-coal", "huarui-tower"];
    const FILES: &[&str] = &[
        "project.toml",
        "procedures.csv",
        "progress.csv",
        "problems.csv",
    ];

    #[derive(Debug, Clone)]
    enum Step {
        Report(usize),
        /// A command that writes (it may be refused: that is fine too).
        Tool(usize, usize),
        /// A digit of a file changed to another: same size; `keep` puts the
        /// old modification time back.
        Digit {
            project: usize,
            file: usize,
            at: prop::sample::Index,
            digit: u8,
            keep: bool,
        },
        /// A digit inserted or removed: another size.
        Resize {
            project: usize,
            file: usize,
            at: prop::sample::Index,
            insert: bool,
        },
        /// A file of the folder removed, or a clerk's note added.
        Remove(usize, usize),
        Note(usize),
        /// A moment passes (some steps fall in the same tick, some not).
        Pause(u64),
    }

    fn step() -> impl Strategy<Value = Step> {
        let p = 0..PROJECTS.len();
        let f = 0..FILES.len();
        prop_oneof![
            3 => (0..REPORTS.len()).prop_map(Step::Report),
            2 => (0..TOOLS, p.clone()).prop_map(|(t, p)| Step::Tool(t, p)),
            3 => (p.clone(), f.clone(), any::<prop::sample::Index>(), b'0'..=b'9', any::<bool>())
                .prop_map(|(project, file, at, digit, keep)| Step::Digit { project, file, at, digit, keep }),
            1 => (p.clone(), f.clone(), any::<prop::sample::Index>(), any::<bool>())
                .prop_map(|(project, file, at, insert)| Step::Resize { project, file, at, insert }),
            1 => (p.clone(), 2usize..4).prop_map(|(p, f)| Step::Remove(p, f)),
            1 => p.prop_map(Step::Note),
            1 => (0u64..15).prop_map(Step::Pause),
        ]
    }

    const TOOLS: usize = 6;

    fn tool(l: &Ledger, t: usize, id: &str) {
        let args: Vec<&str> = match t {
            0 => vec!["tick", id, "eia"],
            1 => vec![
                "pledge",
                id,
                "drawing-review",
                "--kind",
                "notify",
                "--items",
                "x",
                "--due",
                "2024-12-01",
            ],
            2 => vec!["progress", id, "--invested", "123.5"],
            3 => vec![
                "problem",
                "add",
                id,
                "--what",
                "缺资金",
                "--unit",
                "县财政局",
                "--limit",
                "2024-11-01",
                "--date",
                "2024-10-01",
            ],
            4 => vec!["start", id],
            _ => vec!["due", id, "flood", "2024-11-20"],
        };
        let mut all = args;
        all.extend(["--today", TODAY]);
        let _ = l.run(&all);
    }

    fn digit_positions(text: &[u8]) -> Vec<usize> {
        (0..text.len())
            .filter(|&i| text[i].is_ascii_digit())
            .collect()
    }

    fn apply(l: &Ledger, s: &Step) {
        let rel = |p: usize, f: usize| format!("projects/{}/{}", PROJECTS[p], FILES[f]);
        match s {
            Step::Report(r) => same(l, REPORTS[*r]),
            Step::Tool(t, p) => tool(l, *t, PROJECTS[*p]),
            Step::Digit {
                project,
                file,
                at,
                digit,
                keep,
            } => {
                let path = l.file(&rel(*project, *file));
                let Ok(mut bytes) = std::fs::read(&path) else {
                    return;
                };
                let digits = digit_positions(&bytes);
                if digits.is_empty() {
                    return;
                }
                let time = std::fs::metadata(&path).unwrap().modified().unwrap();
                bytes[digits[at.index(digits.len())]] = *digit;
                std::fs::write(&path, &bytes).unwrap();
                if *keep {
                    set_mtime(&path, time);
                }
            }
            Step::Resize {
                project,
                file,
                at,
                insert,
            } => {
                let path = l.file(&rel(*project, *file));
                let Ok(mut bytes) = std::fs::read(&path) else {
                    return;
                };
                let digits = digit_positions(&bytes);
                if digits.is_empty() {
                    return;
                }
                let i = digits[at.index(digits.len())];
                if *insert {
                    bytes.insert(i, b'1');
                } else {
                    bytes.remove(i);
                }
                std::fs::write(&path, &bytes).unwrap();
            }
            Step::Remove(p, f) => {
                let _ = std::fs::remove_file(l.file(&rel(*p, *f)));
            }
            Step::Note(p) => l.write(&format!("projects/{}/notes.txt", PROJECTS[*p]), "备注"),
            Step::Pause(ms) => std::thread::sleep(Duration::from_millis(*ms)),
        }
    }

    fn cases() -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(8)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

        #[test]
        fn every_report_through_the_cache_equals_the_report_without_it(
            steps in proptest::collection::vec(step(), 1..12),
        ) {
            let l = Ledger::copy_of("ledgers/taiqian-2024");
            // A first report fills the cache.
            same(&l, REPORTS[0]);
            for s in &steps {
                apply(&l, s);
            }
            for r in [0, 1, 3] {
                same(&l, REPORTS[r]);
            }
        }
    }
}
