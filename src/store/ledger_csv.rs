//! The project's progress ledger (`progress.csv`: date, investment
//! completed to date, note) and problem ledger (`problems.csv`: no, what,
//! responsible unit, time limit, opened, resolved, how). Columns are found
//! by header name and unknown columns are kept through every write; a
//! missing file is an empty ledger.

use super::Problem;
use crate::model::escalation::{Escalation, Order};
use crate::model::{Amount, Date, Level, ProblemRecord, ProgressEntry, parse_date};
use std::path::Path;

pub const PROGRESS_FILE: &str = "progress.csv";
pub const PROGRESS_COLUMNS: [&str; 3] = ["date", "invested", "note"];
pub const PROBLEMS_FILE: &str = "problems.csv";
/// The columns of a new `problems.csv`. `id` came later (a file without it
/// still reads, and gains it with the next problem recorded): the stable
/// identity git merges a problem's row on, while `no` is the number clerks
/// use (see `problem_id`).
pub const PROBLEMS_COLUMNS: [&str; 8] = [
    "no", "what", "unit", "limit", "opened", "resolved", "how", "id",
];

/// The identity of a new problem, for the `id` column: eight hex digits
/// derived from what it is, so the same problem recorded in two clones has
/// the same identity and two different ones (all but surely) do not; a
/// suffix `-2`, `-3`… when `taken` already holds it.
pub fn problem_id(project: &str, p: &ProblemRecord, taken: &[&str]) -> String {
    row_id(
        &format!(
            "{project}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            p.opened, p.what, p.unit, p.limit
        ),
        taken,
    )
}

/// The identity of a new row of a ledger CSV from what it records
/// (`problem_id`, and the rows of `funds.csv` and `visits.csv`): eight hex
/// digits of an FNV-1a hash, with `-2`, `-3`… when `taken` holds it.
pub fn row_id(what: &str, taken: &[&str]) -> String {
    // FNV-1a: small, and stable across versions and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in what.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let id = format!("{:08x}", (h ^ (h >> 32)) as u32);
    (1..)
        .map(|n| {
            if n == 1 {
                id.clone()
            } else {
                format!("{id}-{n}")
            }
        })
        .find(|c| !taken.contains(&c.as_str()))
        .expect("a free suffix")
}
/// The optional columns of `problems.csv`: category, linked procedure, the
/// steps up (date and note) and the supervision order (督办). Added, all in
/// this order, the first time a command writes one of them.
pub const PROBLEMS_EXTRA_COLUMNS: [&str; 9] = [
    "category",
    "procedure",
    "to_mechanism",
    "to_mechanism_note",
    "to_leader",
    "to_leader_note",
    "order_no",
    "order_date",
    "order_due",
];

/// A CSV file as cells under a header, with each row's source line.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct CsvTable {
    pub header: Vec<String>,
    pub cells: Vec<Vec<String>>,
    pub lines: Vec<usize>,
    /// Byte offset in the source text where each row starts (0 for a
    /// row added since), so a problem points at its cell.
    pub starts: Vec<usize>,
}

impl CsvTable {
    pub fn new(columns: &[&str]) -> CsvTable {
        CsvTable {
            header: columns.iter().map(|s| s.to_string()).collect(),
            cells: Vec::new(),
            lines: Vec::new(),
            starts: Vec::new(),
        }
    }

    /// Parses `text`, requiring the `required` columns.
    pub fn read(path: &Path, text: &str, required: &[&str]) -> (Option<CsvTable>, Vec<Problem>) {
        let (sheet, problems) = super::csv_text::read(path, text, required, required);
        let table = sheet.map(|sheet| {
            let mut t = CsvTable::new(&[]);
            t.header = sheet.header;
            for r in sheet.rows {
                t.lines.push(r.line);
                t.starts.push(r.start);
                t.cells.push(r.cells);
            }
            t
        });
        (table, problems)
    }

    /// The trimmed cell of `column` in row `row` ("" when there is no such column).
    pub fn get(&self, row: usize, column: &str) -> &str {
        self.header
            .iter()
            .position(|h| h == column)
            .map_or("", |c| self.cells[row][c].trim())
    }

    /// Sets a cell, adding the column when the file lacks it.
    pub fn set(&mut self, row: usize, column: &str, value: String) {
        let c = match self.header.iter().position(|h| h == column) {
            Some(c) => c,
            None => {
                self.header.push(column.to_string());
                for r in &mut self.cells {
                    r.push(String::new());
                }
                self.header.len() - 1
            }
        };
        if self.cells[row][c].trim() != value {
            self.cells[row][c] = value;
        }
    }

    /// Adds the columns of `columns` the file lacks, in that order, so
    /// optional columns always come in the same order.
    pub fn ensure_columns(&mut self, columns: &[&str]) {
        for c in columns {
            if !self.header.iter().any(|h| h == c) {
                self.header.push(c.to_string());
                for r in &mut self.cells {
                    r.push(String::new());
                }
            }
        }
    }

    /// The row whose `column` holds `value` (trimmed), if any.
    pub fn find(&self, column: &str, value: &str) -> Option<usize> {
        (0..self.cells.len()).find(|&r| self.get(r, column) == value)
    }

    /// Inserts an empty row at `at` and fills the given cells.
    pub fn insert(&mut self, at: usize, values: &[(&str, String)]) {
        self.cells
            .insert(at, vec![String::new(); self.header.len()]);
        self.lines.insert(at, 0);
        self.starts.insert(at, 0);
        for (col, v) in values {
            self.set(at, col, v.clone());
        }
    }

    /// The file's bytes: UTF-8, LF line ends, quotes only where needed.
    pub fn to_bytes(&self) -> Vec<u8> {
        super::csv_text::write(&self.header, &self.cells)
    }
}

pub(super) struct Rows<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub problems: Vec<Problem>,
}

impl Rows<'_> {
    /// A bad value in the cell of row `i` under `column`, pointing at it.
    pub fn bad(&mut self, t: &CsvTable, i: usize, column: &str, msg: String) {
        let msg = tr!(ColumnError, column = column, error = msg);
        let hint = super::excel::fix_hint(t.get(i, column));
        let problem = match t.header.iter().position(|h| h == column) {
            Some(c) if t.starts[i] > 0 => Problem::at(
                self.path,
                self.text,
                super::csv_text::field_offset(self.text, t.starts[i], c),
                "bad-value",
                msg,
            ),
            _ => Problem::line(self.path, self.text, t.lines[i], "bad-value", msg),
        };
        self.problems.push(match hint {
            Some(h) => problem.with_hint(h),
            None => problem,
        });
    }

    pub fn date(&mut self, t: &CsvTable, i: usize, column: &str, required: bool) -> Option<Date> {
        let s = t.get(i, column);
        if s.is_empty() {
            if required {
                self.bad(t, i, column, tr!(EmptyDate));
            }
            return None;
        }
        parse_date(s).map_err(|e| self.bad(t, i, column, e)).ok()
    }
}

/// Reads `progress.csv`: the table and its entries (in file order).
pub fn read_progress(
    path: &Path,
    text: &str,
) -> (Option<(CsvTable, Vec<ProgressEntry>)>, Vec<Problem>) {
    let (table, problems) = CsvTable::read(path, text, &PROGRESS_COLUMNS[..2]);
    let Some(t) = table else {
        return (None, problems);
    };
    let mut r = Rows {
        path,
        text,
        problems,
    };
    let mut entries = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for i in 0..t.cells.len() {
        let line = t.lines[i];
        let date = r.date(&t, i, "date", true);
        let invested = Amount::parse(t.get(i, "invested"))
            .map_err(|e| r.bad(&t, i, "invested", e))
            .ok();
        if let (Some(date), Some(invested)) = (date, invested) {
            if let Some(first) = seen.insert(date, line) {
                r.problems.push(Problem::line(
                    path,
                    text,
                    line,
                    "duplicate-date",
                    tr!(SecondEntry, date = date, first = first),
                ));
            }
            entries.push(ProgressEntry {
                date,
                invested,
                note: t.get(i, "note").to_string(),
            });
        }
    }
    (Some((t, entries)), r.problems)
}

/// Reads `problems.csv`: the table and its problems (in file order).
pub fn read_problems(
    path: &Path,
    text: &str,
) -> (Option<(CsvTable, Vec<ProblemRecord>)>, Vec<Problem>) {
    let (table, problems) = CsvTable::read(path, text, &PROBLEMS_COLUMNS[..7]);
    let Some(t) = table else {
        return (None, problems);
    };
    let mut r = Rows {
        path,
        text,
        problems,
    };
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for i in 0..t.cells.len() {
        let line = t.lines[i];
        let no_text = t.get(i, "no");
        let no = no_text
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0 && no_text.bytes().all(|b| b.is_ascii_digit()));
        if no.is_none() {
            r.bad(&t, i, "no", tr!(BadProblemNoFile, text = no_text));
        }
        let limit = r.date(&t, i, "limit", true);
        let opened = r.date(&t, i, "opened", true);
        let resolved = r.date(&t, i, "resolved", false);
        for col in ["what", "unit"] {
            if t.get(i, col).is_empty() {
                r.bad(&t, i, col, tr!(EmptyTextCell));
            }
        }
        if let (Some(o), Some(res)) = (opened, resolved)
            && res < o
        {
            r.problems.push(Problem::line(
                path,
                text,
                line,
                "resolved-before-opened",
                tr!(ResolvedBeforeOpened, resolved = res, opened = o),
            ));
        }
        if let Some(n) = no
            && let Some(first) = seen.insert(n, line)
        {
            r.problems.push(Problem::line(
                path,
                text,
                line,
                "duplicate-number",
                tr!(ProblemNoTwice, n = n, first = first),
            ));
        }
        let mut escalations = Vec::new();
        for (level, col, note) in [
            (Level::Mechanism, "to_mechanism", "to_mechanism_note"),
            (Level::Leader, "to_leader", "to_leader_note"),
        ] {
            if let Some(date) = r.date(&t, i, col, false) {
                if let Some(o) = opened
                    && date < o
                {
                    r.bad(
                        &t,
                        i,
                        col,
                        tr!(EscalatedBeforeRaised, date = date, raised = o),
                    );
                }
                escalations.push(Escalation {
                    to: level,
                    date,
                    note: t.get(i, note).to_string(),
                });
            }
        }
        escalations.sort_by_key(|e| (e.date, e.to));
        let order_no = t.get(i, "order_no");
        let order_date = r.date(&t, i, "order_date", !order_no.is_empty());
        let order_due = r.date(&t, i, "order_due", !order_no.is_empty());
        if order_no.is_empty() && (order_date.is_some() || order_due.is_some()) {
            r.bad(&t, i, "order_no", tr!(OrderNeedsNumber));
        }
        if let (Some(d), Some(due)) = (order_date, order_due)
            && due < d
        {
            r.bad(
                &t,
                i,
                "order_due",
                tr!(OrderDueBeforeIssuedFile, due = due, date = d),
            );
        }
        let order = match (order_date, order_due) {
            (Some(date), Some(due)) if !order_no.is_empty() => Some(Order {
                no: order_no.to_string(),
                date,
                due,
            }),
            _ => None,
        };
        if let (Some(no), Some(limit), Some(opened)) = (no, limit, opened) {
            out.push(ProblemRecord {
                category: t.get(i, "category").to_string(),
                procedure: t.get(i, "procedure").to_string(),
                escalations,
                order,
                no,
                what: t.get(i, "what").to_string(),
                unit: t.get(i, "unit").to_string(),
                limit,
                opened,
                resolved,
                how: t.get(i, "how").to_string(),
            });
        }
    }
    (Some((t, out)), r.problems)
}
