//! Every file a clerk writes merges, with real git: a bare origin and two
//! clones, each clerk working in their own clone and pulling the other's
//! work, by merge and by rebase. Different rows, cells and keys merge
//! cleanly; the same cell or key changed two ways is a conflict `check`
//! reports.

use crate::support::*;
use std::path::{Path, PathBuf};

/// Runs git in `dir` with taizhang on the PATH; its output, and whether it
/// succeeded.
fn git_run(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("PATH", path_with_taizhang())
        .output()
        .expect("git runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) -> String {
    let (ok, text) = git_run(dir, args);
    assert!(ok, "git {args:?} failed:\n{text}");
    text
}

/// A bare origin holding a ledger with project `p` opened, and two clones
/// of it, `a` and `b`, each with a committer and the merge driver set up.
struct Clerks {
    _dir: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
}

impl Clerks {
    fn new() -> Clerks {
        Clerks::with_lang("en")
    }

    /// Clerks of a ledger whose `lang` is `lang`.
    fn with_lang(lang: &str) -> Clerks {
        let l = Ledger::with_lang(lang);
        git(l.path(), &["init", "-q", "-b", "main"]);
        identity(l.path(), "seed");
        l.open("p");
        git(l.path(), &["add", "-A"]);
        git(l.path(), &["commit", "-q", "-m", "open p"]);
        let dir = tempfile::tempdir().unwrap();
        git(
            dir.path(),
            &[
                "clone",
                "-q",
                "--bare",
                l.path().to_str().unwrap(),
                "origin.git",
            ],
        );
        let mut clones = Vec::new();
        for who in ["a", "b"] {
            git(dir.path(), &["clone", "-q", "origin.git", who]);
            let c = dir.path().join(who);
            identity(&c, who);
            run_in(&c, &["git", "setup"]).ok();
            clones.push(c);
        }
        let b = clones.pop().unwrap();
        let a = clones.pop().unwrap();
        Clerks { _dir: dir, a, b }
    }
}

fn identity(dir: &Path, who: &str) {
    git(dir, &["config", "user.name", who]);
    git(
        dir,
        &["config", "user.email", &format!("{who}@example.org")],
    );
    git(dir, &["config", "commit.gpgsign", "false"]);
}

/// Runs taizhang in a clone as of `TODAY`, asserting success.
#[track_caller]
fn tz(dir: &Path, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    if !args.contains(&"--today") {
        all.extend(["--today", TODAY]);
    }
    run_in(dir, &all).ok()
}

fn commit(dir: &Path, msg: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", msg]);
}

#[derive(Clone, Copy, Debug)]
enum Pull {
    Merge,
    Rebase,
}

/// Clerk A's work is pushed; clerk B pulls it onto theirs. Returns
/// whether the pull succeeded and what git said.
fn b_pulls_a(c: &Clerks, how: Pull) -> (bool, String) {
    git(&c.a, &["push", "-q", "origin", "main"]);
    let mode = match how {
        Pull::Merge => "--no-rebase",
        Pull::Rebase => "--rebase",
    };
    git_run(&c.b, &["pull", "-q", mode, "--no-edit", "origin", "main"])
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

#[test]
fn progress_entries_of_two_clerks_merge_in_date_order() {
    for how in [Pull::Merge, Pull::Rebase] {
        let c = Clerks::new();
        tz(
            &c.a,
            &[
                "progress",
                "p",
                "--invested",
                "120",
                "--date",
                "2024-03-04",
                "--note",
                "桩基",
                "--today",
                "2024-03-05",
            ],
        );
        commit(&c.a, "a");
        tz(
            &c.b,
            &[
                "progress",
                "p",
                "--invested",
                "80",
                "--date",
                "2024-03-02",
                "--note",
                "进场",
                "--today",
                "2024-03-05",
            ],
        );
        commit(&c.b, "b");
        let (ok, said) = b_pulls_a(&c, how);
        assert!(ok, "{how:?}: {said}");
        assert_eq!(
            read(&c.b, "projects/p/progress.csv"),
            "date,invested,note\n2024-03-02,80,进场\n2024-03-04,120,桩基\n",
            "{how:?}"
        );
        tz(&c.b, &["check"]);
    }
}

#[test]
fn problems_of_two_clerks_keep_both_and_their_numbers_do_not_collide() {
    for how in [Pull::Merge, Pull::Rebase] {
        let c = Clerks::new();
        tz(
            &c.a,
            &[
                "problem",
                "add",
                "p",
                "--what",
                "用地指标未落实",
                "--unit",
                "县自然资源局",
                "--limit",
                "2024-03-20",
            ],
        );
        commit(&c.a, "a");
        // B records another problem (also number 1 in B's clone) and, in a
        // second commit, resolves it.
        tz(
            &c.b,
            &[
                "problem",
                "add",
                "p",
                "--what",
                "电力接入",
                "--unit",
                "县供电公司",
                "--limit",
                "2024-03-10",
            ],
        );
        commit(&c.b, "b1");
        tz(&c.b, &["problem", "resolve", "p", "1", "--how", "已接入"]);
        commit(&c.b, "b2");
        let (ok, said) = b_pulls_a(&c, how);
        assert!(ok, "{how:?}: {said}");
        let csv = read(&c.b, "projects/p/problems.csv");
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(
            rows[0], "no,what,unit,limit,opened,resolved,how,id",
            "{how:?}"
        );
        assert_eq!(rows.len(), 3, "{how:?}: {csv}");
        // Both problems kept under different numbers; the resolution stays
        // with B's problem whatever number it has now.
        let (mine, theirs) = match how {
            // A merge keeps B's (ours) numbers; a rebase replays B's work
            // onto A's, so B's problem is the one renumbered.
            Pull::Merge => (1, 2),
            Pull::Rebase => (2, 1),
        };
        let row = |no: u32| {
            rows.iter()
                .find(|r| r.starts_with(&format!("{no},")))
                .unwrap_or_else(|| panic!("{how:?}: no problem {no} in {csv}"))
                .to_string()
        };
        assert!(
            row(mine).starts_with(&format!(
                "{mine},电力接入,县供电公司,2024-03-10,2024-03-01,2024-03-01,已接入,"
            )),
            "{how:?}: {csv}"
        );
        assert!(
            row(theirs).starts_with(&format!(
                "{theirs},用地指标未落实,县自然资源局,2024-03-20,2024-03-01,,,"
            )),
            "{how:?}: {csv}"
        );
        tz(&c.b, &["check"]);
        if let Pull::Rebase = how {
            assert!(
                said.contains("problem 1 added on their side is now number 2"),
                "{said}"
            );
        }
    }
}

#[test]
fn project_records_merge_key_by_key_and_keep_comments() {
    for how in [Pull::Merge, Pull::Rebase] {
        let c = Clerks::new();
        let rel = "projects/p/project.toml";
        tz(&c.a, &["start", "p"]);
        let text = read(&c.a, rel);
        std::fs::write(c.a.join(rel), format!("{text}# 甲: 已核对开工\n")).unwrap();
        commit(&c.a, "a");
        tz(&c.b, &["plan", "p", "--year", "2024", "--amount", "500"]);
        commit(&c.b, "b");
        let (ok, said) = b_pulls_a(&c, how);
        assert!(ok, "{how:?}: {said}");
        let merged = read(&c.b, rel);
        assert!(
            merged.contains("\nstarted = 2024-03-01\n"),
            "{how:?}: {merged}"
        );
        assert!(
            merged.contains("\n[annual_plan]\n\"2024\" = \"500\"\n"),
            "{how:?}: {merged}"
        );
        assert!(
            merged.contains("# Comments you add here are kept"),
            "{how:?}: {merged}"
        );
        tz(&c.b, &["check"]);
    }
}

#[test]
fn the_same_key_changed_two_ways_is_a_conflict_check_reports() {
    for how in [Pull::Merge, Pull::Rebase] {
        let c = Clerks::new();
        tz(&c.a, &["plan", "p", "--year", "2024", "--amount", "500"]);
        commit(&c.a, "a");
        tz(&c.b, &["plan", "p", "--year", "2024", "--amount", "600"]);
        commit(&c.b, "b");
        let (ok, said) = b_pulls_a(&c, how);
        assert!(!ok, "{how:?}: the pull must stop on the conflict");
        let (ours, theirs) = match how {
            Pull::Merge => ("600", "500"),
            Pull::Rebase => ("500", "600"),
        };
        assert!(
            said.contains(&format!(
                "CONFLICT (taizhang): projects/p/project.toml: key \"annual_plan.2024\" changed both ways: ours \"{ours}\", theirs \"{theirs}\""
            )),
            "{how:?}: {said}"
        );
        let merged = read(&c.b, "projects/p/project.toml");
        assert!(
            merged.ends_with(&format!(
                "[annual_plan]\n<<<<<<< ours\n\"2024\" = \"{ours}\"\n=======\n\"2024\" = \"{theirs}\"\n>>>>>>> theirs\n"
            )),
            "{how:?}: {merged}"
        );
        let check = run_in(&c.b, &["check"]);
        assert_eq!(check.code, 1);
        assert!(
            check
                .stdout
                .starts_with("./projects/p/project.toml: unmerged:"),
            "{}",
            check.stdout
        );
        assert!(
            check.stdout.contains("./projects/p/project.toml:"),
            "{}",
            check.stdout
        );
        // No write goes into half a merge.
        run_in(&c.b, &["tick", "p", "eia", "--today", TODAY])
            .fails_with("a merge or rebase is not finished: nothing written");
    }
}

#[test]
fn procedure_ledgers_merge_by_rebase_too() {
    let c = Clerks::new();
    tz(&c.a, &["tick", "p", "eia", "--doc", "豫环审〔2024〕3号"]);
    commit(&c.a, "a");
    tz(&c.b, &["due", "p", "eia", "2024-05-20"]);
    tz(&c.b, &["tick", "p", "energy"]);
    commit(&c.b, "b");
    let (ok, said) = b_pulls_a(&c, Pull::Rebase);
    assert!(ok, "{said}");
    let csv = read(&c.b, "projects/p/procedures.csv");
    assert!(
        csv.contains("\neia,环评批复,env,obtained,2024-05-20,2024-03-01,豫环审〔2024〕3号,"),
        "{csv}"
    );
    assert!(
        csv.contains("\nenergy,节能审查,supervision,obtained,,2024-03-01,"),
        "{csv}"
    );
    tz(&c.b, &["check"]);
}

#[test]
fn funds_and_visits_of_two_clerks_merge_row_by_row() {
    for how in [Pull::Merge, Pull::Rebase] {
        let c = Clerks::new();
        // The files exist on both sides before the clerks part ways.
        tz(
            &c.a,
            &[
                "funds",
                "p",
                "--source",
                "专项债券",
                "--received",
                "1000",
                "--date",
                "2024-02-20",
            ],
        );
        tz(
            &c.a,
            &[
                "visit",
                "p",
                "--by",
                "督导一组",
                "--findings",
                "现场正常",
                "--date",
                "2024-02-20",
            ],
        );
        commit(&c.a, "seed");
        git(&c.a, &["push", "-q", "origin", "main"]);
        git(&c.b, &["pull", "-q", "--no-rebase", "origin", "main"]);
        tz(
            &c.a,
            &[
                "funds",
                "p",
                "--source",
                "专项债券",
                "--paid",
                "300",
                "--date",
                "2024-02-28",
            ],
        );
        tz(
            &c.a,
            &[
                "visit",
                "p",
                "--by",
                "督导一组",
                "--findings",
                "钢结构进场",
                "--date",
                "2024-02-28",
            ],
        );
        commit(&c.a, "a");
        tz(
            &c.b,
            &[
                "funds",
                "p",
                "--source",
                "省市补助",
                "--received",
                "500",
                "--date",
                "2024-02-25",
            ],
        );
        tz(
            &c.b,
            &[
                "visit",
                "p",
                "--by",
                "督导二组",
                "--findings",
                "用电不足",
                "--date",
                "2024-02-26",
                "--problem",
                "--unit",
                "供电公司",
                "--limit",
                "2024-03-20",
            ],
        );
        commit(&c.b, "b");
        let (ok, said) = b_pulls_a(&c, how);
        assert!(ok, "{how:?}: {said}");
        let funds = read(&c.b, "projects/p/funds.csv");
        for row in [
            "2024-02-20,专项债券,received,1000,",
            "2024-02-25,省市补助,received,500,",
            "2024-02-28,专项债券,paid,300,",
        ] {
            assert!(funds.contains(row), "{how:?}: {funds}");
        }
        assert_eq!(funds.lines().count(), 4, "{how:?}: {funds}");
        let visits = read(&c.b, "projects/p/visits.csv");
        assert_eq!(visits.lines().count(), 4, "{how:?}: {visits}");
        assert!(visits.contains("用电不足,1,"), "{how:?}: {visits}");
        run_in(&c.b, &["check"]).ok();
    }
}

/// On a Chinese ledger the lines git prints while the driver merges are
/// Chinese: a cell changed two ways names the procedure and the column in
/// Chinese, a key changed two ways names the field; the markers in the
/// file stay git's.
#[test]
fn a_chinese_ledger_s_merge_conflicts_are_said_in_chinese() {
    let c = Clerks::with_lang("zh");
    tz(&c.a, &["tick", "p", "eia", "--doc", "A-1"]);
    tz(&c.a, &["plan", "p", "--year", "2024", "--amount", "500"]);
    commit(&c.a, "a");
    tz(&c.b, &["tick", "p", "eia", "--doc", "B-2"]);
    tz(&c.b, &["plan", "p", "--year", "2024", "--amount", "600"]);
    commit(&c.b, "b");
    let (ok, said) = b_pulls_a(&c, Pull::Merge);
    assert!(!ok, "the pull must stop on the conflict: {said}");
    assert!(
        said.contains(
            "冲突（taizhang）：projects/p/procedures.csv：手续“eia”：双方改得不同：批复文号：我方“B-2”，对方“A-1”\n"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "冲突（taizhang）：projects/p/project.toml：“年度计划投资.2024”双方改得不同：我方 \"600\"，对方 \"500\"\n"
        ),
        "{said}"
    );
    assert!(!said.contains("changed both ways"), "{said}");
    let csv = read(&c.b, "projects/p/procedures.csv");
    assert!(csv.contains("<<<<<<< ours\n"), "{csv}");
}

/// The driver runs at the top of the work tree; a ledger in a folder of
/// the repository still has its messages in its language, found from the
/// file's path; `--lang en` overrides it.
#[test]
fn the_driver_speaks_the_language_of_the_ledger_the_file_is_in() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("县台账");
    std::fs::create_dir_all(&dir).unwrap();
    let init = run_in(&dir, &["init", ".", "--name", "测试", "--lang", "zh"]);
    assert_eq!(init.code, 0, "{init:?}");
    let w = |name: &str, text: &str| std::fs::write(top.path().join(name), text).unwrap();
    w("o", "procedure,status,doc_no\neia,pending,\n");
    w("a", "procedure,status,doc_no\neia,obtained,A-1\n");
    w("b", "procedure,status,doc_no\neia,obtained,B-2\n");
    let path = "县台账/projects/p/procedures.csv";
    let run = run_in(top.path(), &["merge-file", "o", "a", "b", path]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "冲突（taizhang）：县台账/projects/p/procedures.csv：手续“eia”：双方改得不同：批复文号：我方“A-1”，对方“B-2”\n"
    );
    w("a", "procedure,status,doc_no\neia,obtained,A-1\n");
    let run = run_in(
        top.path(),
        &["--lang", "en", "merge-file", "o", "a", "b", path],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "CONFLICT (taizhang): 县台账/projects/p/procedures.csv: procedure \"eia\": changed both ways: doc_no: ours \"A-1\", theirs \"B-2\"\n"
    );
    // A side that does not parse: merged line by line, said in Chinese.
    w("a", "procedure,status,doc_no\neia,obtained,A-1\n\"broken\n");
    w("b", "procedure,status,doc_no\neia,pending,\n");
    let run = run_in(top.path(), &["merge-file", "o", "a", "b", path]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.starts_with(
            "taizhang：县台账/projects/p/procedures.csv：无法逐条合并记录，已按文本逐行合并：我方版本："
        ),
        "{run:?}"
    );
}
