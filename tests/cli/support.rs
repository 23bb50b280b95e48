//! A temporary ledger and a way to run the real binary against it, with
//! snapshots of every file to prove a refused command changed nothing.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The date tests act on unless they say otherwise.
pub const TODAY: &str = "2024-03-01";

pub struct Ledger {
    dir: tempfile::TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts exit 0 and returns self.
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts exit 1 with a one-line error containing `needle`.
    #[track_caller]
    pub fn fails_with(self, needle: &str) -> Run {
        assert_eq!(
            self.code, 1,
            "expected exit 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.starts_with("error: ") || self.stderr.starts_with("错误："),
            "stderr: {}",
            self.stderr
        );
        self
    }
}

/// The PATH with the folder of the `taizhang` under test first, so git
/// finds the merge driver by name as it would on a clerk's machine.
pub fn path_with_taizhang() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_taizhang"))
        .parent()
        .expect("the binary is in a folder")
        .to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&rest)))
        .expect("a valid PATH")
}

/// The `taizhang` command with a clean environment.
pub fn taizhang() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_taizhang"));
    cmd.env_remove("TAIZHANG_LEDGER")
        .env_remove("TAIZHANG_TODAY")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("PATH", path_with_taizhang());
    cmd
}

pub fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out = taizhang()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The errors (not warnings) `check` reports in the ledger at `dir` as of
/// `today`, as (code, file, message).
pub fn check_errors(dir: &Path, today: &str) -> Vec<(String, String, String)> {
    let check = run_in(dir, &["check", "--format", "json", "--today", today]);
    let json: serde_json::Value = serde_json::from_str(&check.stdout)
        .unwrap_or_else(|e| panic!("check --format json: {e}\n{}{}", check.stdout, check.stderr));
    json["problems"]
        .as_array()
        .expect("check lists its problems")
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap_or("").to_string();
            (s("code"), s("file"), s("message"))
        })
        .collect()
}

impl Ledger {
    /// A fresh ledger with the default settings and English labels.
    pub fn new() -> Ledger {
        Ledger::with_lang("en")
    }

    pub fn with_lang(lang: &str) -> Ledger {
        let dir = tempfile::tempdir().expect("temp dir");
        run_in(
            dir.path(),
            &[
                "init",
                ".",
                "--name",
                "测试台账",
                "--region",
                "410927",
                "--lang",
                lang,
            ],
        )
        .ok();
        Ledger { dir }
    }

    /// A fresh ledger (English labels) in a temporary directory under
    /// `parent`, e.g. a RAM disk for tests that write a lot.
    pub fn new_in(parent: &Path) -> Ledger {
        let dir = tempfile::tempdir_in(parent).expect("temp dir");
        run_in(
            dir.path(),
            &["init", ".", "--name", "测试台账", "--lang", "en"],
        )
        .ok();
        Ledger { dir }
    }

    /// A copy of the ledger at `src` (relative to the repository, e.g. the
    /// demo ledger `ledgers/taiqian-2024`) in a temporary directory.
    pub fn copy_of(src: &str) -> Ledger {
        fn copy(from: &Path, to: &Path) {
            std::fs::create_dir_all(to).expect("create dir");
            for e in std::fs::read_dir(from).expect("read dir") {
                let e = e.expect("entry");
                let target = to.join(e.file_name());
                if e.file_type().expect("type").is_dir() {
                    // Not the project cache (store::cache): not ledger data.
                    if e.file_name() != ".taizhang" {
                        copy(&e.path(), &target);
                    }
                } else {
                    std::fs::copy(e.path(), target).expect("copy");
                }
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join(src), dir.path());
        Ledger { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs the binary in the ledger directory, as of `TODAY` unless the
    /// arguments carry their own `--today`. A run that succeeded and
    /// changed files is followed by `check` as of the same day, which must
    /// find no error the write brought (`assert_checks_after_write`).
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        if !args.contains(&"--today") {
            all.extend(["--today", TODAY]);
        }
        let before = self.snapshot();
        let run = run_in(self.path(), &all);
        if run.code == 0 {
            let today = all
                .iter()
                .position(|a| *a == "--today")
                .and_then(|i| all.get(i + 1))
                .copied()
                .unwrap_or(TODAY);
            self.assert_checks_after_write(&before, today, args);
        }
        run
    }

    /// The invariant of every write: no command writes a ledger that
    /// `check` reports an error in. Compares the files with `before`; when
    /// some changed, runs `check --format json` as of `today` and fails on
    /// an error in a changed file or in the project folder of one, unless
    /// the same error was there before the write (a test may put errors by
    /// hand into a ledger, or record events out of order with `--today`:
    /// those are not the command's). Warnings are allowed: they never
    /// block.
    #[track_caller]
    pub fn assert_checks_after_write(
        &self,
        before: &BTreeMap<PathBuf, Vec<u8>>,
        today: &str,
        args: &[&str],
    ) {
        let after = self.snapshot();
        if &after == before {
            return;
        }
        let changed: Vec<&PathBuf> = after
            .iter()
            .filter(|(p, bytes)| before.get(*p) != Some(*bytes))
            .map(|(p, _)| p)
            .chain(before.keys().filter(|p| !after.contains_key(*p)))
            .collect();
        let touched = |file: &str| {
            let file = Path::new(file.trim_start_matches("./"));
            changed.iter().any(|c| {
                c.as_path() == file
                    || c.parent().is_some_and(|d| {
                        !d.as_os_str().is_empty()
                            && d != Path::new("projects")
                            && file.starts_with(d)
                    })
            })
        };
        let errors_after: Vec<(String, String, String)> = check_errors(self.path(), today)
            .into_iter()
            .filter(|(_, file, _)| touched(file))
            .collect();
        if errors_after.is_empty() {
            return;
        }
        // The ledger as it was before the write, checked the same way.
        let old = tempfile::tempdir().expect("temp dir");
        for (path, bytes) in before {
            let to = old.path().join(path);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
        let errors_before = check_errors(old.path(), today);
        let new: Vec<String> = errors_after
            .into_iter()
            .filter(|e| !errors_before.contains(e))
            .map(|(code, file, message)| format!("{file}: {code}: {message}"))
            .collect();
        assert!(
            new.is_empty(),
            "{args:?} wrote a ledger that `check` reports errors in:\n{}",
            new.join("\n")
        );
    }

    /// Opens a chemical project `id` handling hazardous chemicals, with a
    /// planned start (its land and EIA facts left open, so every procedure
    /// that depends on them is listed).
    pub fn open(&self, id: &str) -> &Ledger {
        self.run(&[
            "open",
            id,
            "--name",
            "河南盛润年产2万吨对苯二酚项目",
            "--type",
            "chemical",
            "--planned-start",
            "2024-06-30",
            "--hazchem",
            "yes",
        ])
        .ok();
        self
    }

    /// Opens project `id` with the given options after the ID.
    pub fn open_with(&self, id: &str, options: &[&str]) -> &Ledger {
        let mut args = vec!["open", id];
        args.extend(options);
        self.run(&args).ok();
        self
    }

    /// Runs the binary with extra environment variables, in `sub` (a folder
    /// of the ledger, "" for its root), without adding `--today`.
    pub fn run_env(&self, sub: &str, env: &[(&str, &str)], args: &[&str]) -> Run {
        let out = taizhang()
            .current_dir(self.path().join(sub))
            .envs(env.iter().copied())
            .args(args)
            .output()
            .expect("the binary runs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Replaces `from` by `to` in a file of the ledger; `from` must be there.
    #[track_caller]
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} lacks {from:?}:\n{text}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.file(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Every regular file of the ledger (but the lock file) and its bytes,
    /// every link and where it points; named pipes are left alone.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let e = e.unwrap();
                let p = e.path();
                let t = e.file_type().unwrap();
                if t.is_dir() {
                    // The project cache is not ledger data (store::cache).
                    if e.file_name() != ".taizhang" {
                        walk(root, &p, out);
                    }
                } else if t.is_file() && e.file_name() != ".taizhang.lock" {
                    out.insert(
                        p.strip_prefix(root).unwrap().to_path_buf(),
                        std::fs::read(&p).unwrap(),
                    );
                } else if t.is_symlink() {
                    // Where the link points, not what it points to.
                    let target = std::fs::read_link(&p).unwrap();
                    out.insert(
                        p.strip_prefix(root).unwrap().to_path_buf(),
                        target.to_string_lossy().as_bytes().to_vec(),
                    );
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.path(), self.path(), &mut out);
        out
    }

    /// Like `refuses`, for refusals that list the problems of a broken file
    /// under the error line.
    #[track_caller]
    pub fn refuses_broken(&self, args: &[&str], needle: &str) -> Run {
        let before = self.snapshot();
        let run = self.run(args).fails_with(needle);
        assert!(
            self.snapshot() == before,
            "files changed after a refused command: {args:?}"
        );
        run
    }

    /// Runs a command that must be refused: exit 1, a one-line error
    /// containing `needle`, and every file byte-identical afterwards.
    #[track_caller]
    pub fn refuses(&self, args: &[&str], needle: &str) -> Run {
        let before = self.snapshot();
        let run = self.run(args).fails_with(needle);
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "expected a one-line error, got:\n{}",
            run.stderr
        );
        assert!(
            self.snapshot() == before,
            "files changed after a refused command: {args:?}"
        );
        run
    }
}
