//! When Excel or WPS touched a ledger file: `check` locates what it did by
//! line and cell, and `taizhang fix` restores the file to the bytes
//! taizhang itself writes for the same values, never guessing.

use crate::support::*;

/// A ledger whose project `p` has every CSV ledger written by taizhang.
fn written_by_taizhang() -> Ledger {
    let l = Ledger::new();
    l.open("p");
    l.run(&[
        "tick",
        "p",
        "eia",
        "--doc",
        "豫环审〔2024〕3号",
        "--today",
        "2024-03-05",
    ])
    .ok();
    l.run(&["due", "p", "flood", "2024-05-20"]).ok();
    l.run(&[
        "progress",
        "p",
        "--invested",
        "120",
        "--date",
        "2024-03-04",
        "--note",
        "桩基, 承台",
        "--today",
        "2024-03-05",
    ])
    .ok();
    l.run(&[
        "progress",
        "p",
        "--invested",
        "80",
        "--date",
        "2024-03-02",
        "--today",
        "2024-03-05",
    ])
    .ok();
    l.run(&[
        "problem",
        "add",
        "p",
        "--what",
        "用地指标未落实",
        "--unit",
        "县自然资源局",
        "--limit",
        "2024-03-20",
        "--date",
        "2024-03-02",
        "--today",
        "2024-03-05",
    ])
    .ok();
    l
}

const FILES: [&str; 3] = [
    "projects/p/procedures.csv",
    "projects/p/progress.csv",
    "projects/p/problems.csv",
];

/// `text` as Excel saves it: every ISO date `YYYY-MM-DD` written as
/// `YYYY/M/D` (or `YYYY年M月D日` when `chinese`), an empty column at the
/// end, CRLF line ends.
fn as_excel_saves(text: &str, chinese: bool) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let cells: Vec<String> = line
            .split(',')
            .map(|c| {
                let iso = c.len() == 10 && c.as_bytes()[4] == b'-' && c.as_bytes()[7] == b'-';
                if !iso {
                    return c.to_string();
                }
                let (y, m, d) = (
                    &c[0..4],
                    c[5..7].trim_start_matches('0'),
                    c[8..10].trim_start_matches('0'),
                );
                if chinese {
                    format!("{y}年{m}月{d}日")
                } else {
                    format!("{y}/{m}/{d}")
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str(",\r\n");
    }
    out
}

#[test]
fn fix_restores_files_excel_saved_to_the_bytes_taizhang_writes() {
    let l = written_by_taizhang();
    let canonical: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| std::fs::read(l.file(f)).unwrap())
        .collect();
    // procedures.csv: GBK (as "CSV (逗号分隔)" on Chinese Windows), slashed
    // dates; progress.csv: UTF-8 with a byte-order mark and 年月日 dates;
    // problems.csv: its columns moved, slashed dates.
    let procedures = as_excel_saves(&l.read(FILES[0]), false);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&procedures);
    assert!(!unmappable);
    std::fs::write(l.file(FILES[0]), &gbk).unwrap();
    let progress = format!("\u{feff}{}", as_excel_saves(&l.read(FILES[1]), true));
    l.write(FILES[1], &progress);
    let problems = as_excel_saves(&l.read(FILES[2]), false);
    let moved: String = problems
        .lines()
        .map(|line| {
            let mut c: Vec<&str> = line.split(',').collect();
            c.swap(0, 1);
            format!("{}\r\n", c.join(","))
        })
        .collect();
    l.write(FILES[2], &moved);

    // check names each file and cell; reports leave the project out.
    let check = l.run(&["check", "--today", "2024-03-05"]);
    assert_eq!(check.code, 1);
    let heads: Vec<&str> = check
        .stdout
        .lines()
        .filter(|s| s.starts_with("./"))
        .collect();
    assert_eq!(
        heads,
        [
            "./projects/p/procedures.csv:2:10: the file is in GBK (as Excel and WPS save CSV on Chinese Windows), not UTF-8",
            "./projects/p/progress.csv:2:1: column \"date\": invalid date \"2024年3月2日\": expected YYYY-MM-DD, e.g. 2024-03-15",
            "./projects/p/progress.csv:3:1: column \"date\": invalid date \"2024年3月4日\": expected YYYY-MM-DD, e.g. 2024-03-15",
            "./projects/p/problems.csv:2:18: column \"limit\": invalid date \"2024/3/20\": expected YYYY-MM-DD, e.g. 2024-03-15",
            "./projects/p/problems.csv:2:28: column \"opened\": invalid date \"2024/3/2\": expected YYYY-MM-DD, e.g. 2024-03-15",
        ],
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(
            "= hint: Excel or WPS wrote this date; `taizhang fix` rewrites it as 2024-03-20"
        ),
        "{}",
        check.stdout
    );
    assert_eq!(l.run(&["list"]).code, 4);

    // A dry run lists the changes and writes nothing.
    let before = l.snapshot();
    let dry = l.run(&["fix", "--dry-run", "--today", "2024-03-05"]).ok();
    assert!(
        dry.stdout.ends_with(
            "Would restore 3 file(s), 19 cell(s) changed; nothing written (--dry-run).\n"
        ),
        "{}",
        dry.stdout
    );
    assert!(l.snapshot() == before);

    let fix = l.run(&["fix", "p", "--today", "2024-03-05"]).ok();
    let out = fix.stdout;
    for line in [
        "./projects/p/procedures.csv: GBK → UTF-8\n",
        "./projects/p/procedures.csv: CRLF line ends → LF\n",
        "./projects/p/procedures.csv: empty column at the end removed\n",
        "./projects/p/procedures.csv:15:33: obtained: 2024/3/5 → 2024-03-05\n",
        "./projects/p/progress.csv: byte-order mark removed\n",
        "./projects/p/progress.csv:3:1: date: 2024年3月4日 → 2024-03-04\n",
        "./projects/p/problems.csv: columns put in the ledger's order\n",
        "./projects/p/problems.csv:2:28: opened: 2024/3/2 → 2024-03-02\n",
        "Restored 3 file(s), 19 cell(s) changed.\n",
    ] {
        assert!(out.contains(line), "lacks {line:?}:\n{out}");
    }
    for (f, bytes) in FILES.iter().zip(&canonical) {
        assert!(
            std::fs::read(l.file(f)).unwrap() == *bytes,
            "{f} is not as taizhang writes it:\n{}",
            l.read(f)
        );
    }
    l.run(&["check", "--today", "2024-03-05"]).ok();
    // Nothing left to do.
    assert_eq!(
        l.run(&["fix"]).ok().stdout,
        "Nothing to fix: every ledger file is as taizhang writes it.\n"
    );
}

#[test]
fn fix_never_guesses_a_date_that_reads_two_ways_or_a_shortened_number() {
    let l = written_by_taizhang();
    l.open("q");
    let doc = l.read(FILES[0]).replace("豫环审〔2024〕3号", "3.5E+04");
    l.write(FILES[0], &doc);
    l.write(
        FILES[1],
        "date,invested,note\r\n03/04/2024,120,\r\n20/3/2024,130,\r\n",
    );
    // Another project's file is certain: it is restored.
    let q = l.read("projects/q/procedures.csv").replace('\n', "\r\n");
    l.write("projects/q/procedures.csv", &q);

    let check = l.run(&["check", "--today", "2024-03-05"]);
    assert!(check.stdout.contains("./projects/p/procedures.csv:15:45: warning: column \"doc_no\": \"3.5E+04\" is a number Excel shortened to scientific notation; its last digits are lost"), "{}", check.stdout);
    assert!(
        check
            .stdout
            .contains("= hint: this date could be 2024-03-04 or 2024-04-03: type it as YYYY-MM-DD"),
        "{}",
        check.stdout
    );

    let before_p: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| std::fs::read(l.file(f)).unwrap())
        .collect();
    let run = l.run(&["fix", "--today", "2024-03-05"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "./projects/p/procedures.csv:15:45: doc_no: \"3.5E+04\" left as it is: a number Excel shortened to scientific notation: its last digits are lost; type the full value (format the column as text in Excel)\n\
         ./projects/p/progress.csv: CRLF line ends → LF\n\
         ./projects/p/progress.csv:2:1: date: \"03/04/2024\" left as it is: could be 2024-03-04 or 2024-04-03; type the date as YYYY-MM-DD\n\
         ./projects/p/progress.csv:3:1: date: 20/3/2024 → 2024-03-20\n\
         ./projects/p/progress.csv: not rewritten until the cells above are corrected\n\
         ./projects/q/procedures.csv: CRLF line ends → LF\n\
         Restored 1 file(s), 0 cell(s) changed.\n\
         2 cell(s) or file(s) left for you to correct; then run `taizhang fix` again.\n"
    );
    for (f, bytes) in FILES.iter().zip(&before_p) {
        assert!(std::fs::read(l.file(f)).unwrap() == *bytes, "{f} changed");
    }
    assert!(!l.read("projects/q/procedures.csv").contains('\r'));
}

#[test]
fn fix_refuses_an_unknown_project_and_a_broken_ledger() {
    let l = written_by_taizhang();
    l.refuses(&["fix", "nope"], "unknown project \"nope\"");
    l.refuses(&["fix", "../x"], "invalid project ID");
    l.write("ledger.toml", "name = \n");
    l.refuses_broken(&["fix"], "cannot use ./ledger.toml");
}
