//! `procedures.csv`: one project's procedure ledger, a row per procedure in
//! catalogue order. Columns are found by their header name; columns taizhang
//! does not know are kept, in place, through every write. The `applied`
//! column came later: a file without it still reads, and gains it (empty,
//! at the end) the next time the table is written. The columns of an
//! extended pledge (`pledge_due_original`, `extensions`) appear only when a
//! row needs them: a file without them keeps its exact bytes until then.

use super::Problem;
use super::csv_text::{self, Record, Sheet};
use crate::model::compact::share;
use crate::model::{Date, PledgeKind, Procedure, Status, parse_date};
use std::path::Path;

pub const FILE_NAME: &str = "procedures.csv";

/// The columns taizhang reads and writes, in the order a new file has them.
pub const COLUMNS: [&str; 16] = [
    "procedure",
    "name",
    "taskforce",
    "status",
    "due",
    "obtained",
    "doc_no",
    "pledge_kind",
    "pledged",
    "pledge_due",
    "missing_items",
    "fulfilled",
    "note",
    "applied",
    "pledge_due_original",
    "extensions",
];

/// Columns a file may lack (added in later versions); read as empty.
const OPTIONAL: [&str; 3] = ["applied", "pledge_due_original", "extensions"];

/// Optional columns added to the header only when a row has a value in
/// them (the others are added, empty, the next time the file is written).
const ON_DEMAND: [&str; 2] = ["pledge_due_original", "extensions"];

/// `index` of an on-demand column the file does not have (yet).
const ABSENT: usize = usize::MAX;

/// A procedure ledger as read: the header, the raw cells of every row (so
/// unknown columns survive) and the typed rows.
///
/// Only the typed rows go into the project cache (`store::cache`): a table
/// read back from it has no header cells, raw cells, lines or offsets. It
/// serves reports and is never written (writers read the files).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ProcedureTable {
    #[serde(skip, default = "standard_header")]
    pub header: Vec<String>,
    /// Index in `header` of each of `COLUMNS`.
    #[serde(skip, default = "standard_index")]
    index: [usize; COLUMNS.len()],
    #[serde(skip)]
    pub cells: Vec<Vec<String>>,
    /// Source line of each row (1-based).
    #[serde(skip)]
    pub lines: Vec<usize>,
    /// Byte offset in the source text where each row starts.
    #[serde(skip)]
    pub offsets: Vec<usize>,
    pub rows: Vec<Procedure>,
}

/// The header and column index of a new table, made once: a table read
/// back from the project cache gets them for every project of a report.
static STANDARD: std::sync::LazyLock<ProcedureTable> =
    std::sync::LazyLock::new(ProcedureTable::new);

fn standard_header() -> Vec<String> {
    STANDARD.header.clone()
}

fn standard_index() -> [usize; COLUMNS.len()] {
    STANDARD.index
}

fn opt_date(s: &str) -> Result<Option<Date>, String> {
    if s.is_empty() {
        Ok(None)
    } else {
        parse_date(s).map(Some)
    }
}

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

use super::csv_text::field_offset;

impl ProcedureTable {
    /// An empty table with the standard header.
    pub fn new() -> ProcedureTable {
        let mut index = [ABSENT; COLUMNS.len()];
        let mut header = Vec::new();
        for (slot, col) in index.iter_mut().zip(COLUMNS) {
            if !ON_DEMAND.contains(&col) {
                *slot = header.len();
                header.push(col.to_string());
            }
        }
        ProcedureTable {
            header,
            index,
            cells: Vec::new(),
            lines: Vec::new(),
            offsets: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Reads a table. `None` when it cannot be used at all.
    pub fn read(path: &Path, text: &str) -> (Option<ProcedureTable>, Vec<Problem>) {
        let required: Vec<&str> = COLUMNS
            .into_iter()
            .filter(|c| !OPTIONAL.contains(c))
            .collect();
        // The header a new file has (on-demand columns come when needed).
        let usual: Vec<&str> = COLUMNS
            .into_iter()
            .filter(|c| !ON_DEMAND.contains(c))
            .collect();
        let (sheet, mut problems) = csv_text::read(path, text, &required, &usual);
        let Some(Sheet {
            mut header,
            rows: records,
        }) = sheet
        else {
            return (None, problems);
        };
        let mut index = [0; COLUMNS.len()];
        for (i, col) in COLUMNS.iter().enumerate() {
            index[i] = match header.iter().position(|h| h == col) {
                Some(p) => p,
                None if ON_DEMAND.contains(col) => ABSENT,
                None => {
                    // An optional column the file lacks goes at the end, empty.
                    header.push(col.to_string());
                    header.len() - 1
                }
            };
        }
        let mut table = ProcedureTable {
            header,
            index,
            cells: Vec::new(),
            lines: Vec::new(),
            offsets: Vec::new(),
            rows: Vec::new(),
        };
        let mut keys = std::collections::BTreeMap::new();
        for Record {
            line,
            start,
            mut cells,
        } in records
        {
            cells.resize(table.header.len(), String::new());
            let row = table.parse_row(path, text, line, start, &cells, &mut problems);
            if let Some(first) = keys.insert(row.key.clone(), line) {
                problems.push(Problem::line(
                    path,
                    text,
                    line,
                    "duplicate-procedure",
                    tr!(ProcedureTwice, key = row.key, first = first),
                ));
            }
            // Kept even when a cell is bad, so that the checks against the
            // settings still see the row's other cells; a table read with
            // problems is refused, never written.
            table.cells.push(cells);
            table.lines.push(line);
            table.offsets.push(start);
            table.rows.push(row);
        }
        // In reading order, cell by cell.
        problems.sort_by_key(|p| (p.line, p.column));
        (Some(table), problems)
    }

    fn cell<'c>(&self, cells: &'c [String], col: usize) -> &'c str {
        match self.index[col] {
            ABSENT => "",
            i => cells[i].trim(),
        }
    }

    fn parse_row(
        &self,
        path: &Path,
        text: &str,
        line: usize,
        start: usize,
        cells: &[String],
        problems: &mut Vec<Problem>,
    ) -> Procedure {
        let at = |col: usize| field_offset(text, start, self.index[col]);
        let mut bad = |col: usize, msg: String| {
            let p = Problem::at(
                path,
                text,
                at(col),
                "bad-value",
                tr!(ColumnError, column = COLUMNS[col], error = msg),
            );
            problems.push(match super::excel::fix_hint(self.cell(cells, col)) {
                Some(h) => p.with_hint(h),
                None => p,
            });
        };
        let mut date = |col: usize| match opt_date(self.cell(cells, col)) {
            Ok(d) => d,
            Err(e) => {
                bad(col, e);
                None
            }
        };
        let due = date(4);
        let obtained = date(5);
        let pledged = date(8);
        let pledge_due = date(9);
        let fulfilled = date(11);
        let applied = date(13);
        let pledge_due_original = date(14);
        let extensions_text = self.cell(cells, 15);
        let extensions = if extensions_text.is_empty() {
            0
        } else {
            extensions_text.parse::<u32>().unwrap_or_else(|_| {
                bad(15, tr!(BadExtensions, text = extensions_text));
                0
            })
        };
        let key = share(self.cell(cells, 0));
        if key.is_empty() {
            bad(0, tr!(EmptyProcedureKey));
        }
        let status = Status::parse(self.cell(cells, 3)).unwrap_or_else(|e| {
            bad(3, e);
            Status::Pending
        });
        let kind_text = self.cell(cells, 7);
        let pledge_kind = if kind_text.is_empty() {
            None
        } else {
            PledgeKind::parse(kind_text).map_err(|e| bad(7, e)).ok()
        };
        let row = Procedure {
            key,
            name: share(self.cell(cells, 1)),
            taskforce: share(self.cell(cells, 2)),
            status,
            due,
            obtained,
            doc_no: self.cell(cells, 6).to_string(),
            pledge_kind,
            pledged,
            pledge_due,
            missing_items: self.cell(cells, 10).to_string(),
            fulfilled,
            note: self.cell(cells, 12).to_string(),
            applied,
            pledge_due_original,
            extensions,
        };
        if super::excel::is_shortened_number(&row.doc_no) {
            problems.push(
                Problem::at(
                    path,
                    text,
                    at(6),
                    "excel-number",
                    tr!(DocNoScientific, value = row.doc_no),
                )
                .with_hint(tr!(DocNoScientificHint))
                .as_warning(),
            );
        }
        let mut rule = |code: &'static str, msg: &str| {
            problems.push(Problem::line(
                path,
                text,
                line,
                code,
                tr!(OfProcedure, key = row.key, text = msg),
            ));
        };
        if row.status == Status::Pledged && row.pledge_kind.is_none() && kind_text.is_empty() {
            rule("pledge-without-kind", &tr!(PledgeWithoutKind));
        }
        if (row.status == Status::Pledged || row.pledge_kind.is_some())
            && row.pledge_due.is_none()
            && self.cell(cells, 9).is_empty()
        {
            rule("pledge-without-deadline", &tr!(PledgeWithoutDeadline));
        }
        if row.fulfilled.is_some() && row.pledge_kind.is_none() && kind_text.is_empty() {
            rule("fulfilled-without-pledge", &tr!(FulfilledWithoutPledge));
        }
        if row.status == Status::Obtained
            && row.obtained.is_none()
            && self.cell(cells, 5).is_empty()
        {
            rule("obtained-without-date", &tr!(ObtainedWithoutDate));
        }
        row
    }

    /// Appends a row (used when a task list is built).
    pub fn push(&mut self, row: Procedure) {
        self.cells.push(vec![String::new(); self.header.len()]);
        self.lines.push(0);
        self.offsets.push(0);
        self.rows.push(row);
        self.sync(self.rows.len() - 1);
    }

    /// Inserts a row at position `at` (a procedure added to the task list).
    pub fn insert(&mut self, at: usize, row: Procedure) {
        self.cells
            .insert(at, vec![String::new(); self.header.len()]);
        self.lines.insert(at, 0);
        self.offsets.insert(at, 0);
        self.rows.insert(at, row);
        self.sync(at);
    }

    /// Adds a row where the catalogue puts it — before the first row the
    /// catalogue ranks later — so the file stays in catalogue order.
    pub fn insert_in_catalogue_order(&mut self, settings: &crate::model::Settings, row: Procedure) {
        let rank = settings.catalogue_rank(&row.key);
        let at = self
            .rows
            .iter()
            .position(|r| settings.catalogue_rank(&r.key) > rank)
            .unwrap_or(self.rows.len());
        self.insert(at, row);
    }

    /// Applies the changes of a re-derived task list (see
    /// `model::tasklist::rederive`): new rows go in catalogue order, dropped
    /// rows go, rows no longer needed or needed again are updated in place
    /// (their unknown columns kept). Returns the keys of rows added,
    /// dropped, marked not needed and reinstated, for the message.
    pub fn apply_changes(
        &mut self,
        settings: &crate::model::Settings,
        changes: Vec<crate::model::tasklist::Change>,
    ) -> [Vec<String>; 4] {
        use crate::model::Status;
        use crate::model::tasklist::Change;
        let mut done: [Vec<String>; 4] = Default::default();
        for change in changes {
            match change {
                Change::Add(row) => {
                    done[0].push(row.key.to_string());
                    self.insert_in_catalogue_order(settings, row);
                }
                Change::Drop(key) => {
                    if let Some(i) = self.position(&key) {
                        self.cells.remove(i);
                        self.lines.remove(i);
                        self.offsets.remove(i);
                        self.rows.remove(i);
                        done[1].push(key);
                    }
                }
                Change::NotNeeded(key, note) => {
                    if let Some(i) = self.position(&key) {
                        self.rows[i].status = Status::NotNeeded;
                        self.rows[i].note = note;
                        self.sync(i);
                        done[2].push(key);
                    }
                }
                Change::Reinstate(key, due) => {
                    if let Some(i) = self.position(&key) {
                        self.rows[i].status = Status::Pending;
                        self.rows[i].note.clear();
                        self.rows[i].due = due;
                        self.sync(i);
                        done[3].push(key);
                    }
                }
            }
        }
        done
    }

    /// Writes the typed row `i` back into its cells.
    pub fn sync(&mut self, i: usize) {
        let r = &self.rows[i];
        let values: [String; COLUMNS.len()] = [
            r.key.to_string(),
            r.name.to_string(),
            r.taskforce.to_string(),
            r.status.key().to_string(),
            date_text(r.due),
            date_text(r.obtained),
            r.doc_no.clone(),
            r.pledge_kind
                .map(|k| k.key().to_string())
                .unwrap_or_default(),
            date_text(r.pledged),
            date_text(r.pledge_due),
            r.missing_items.clone(),
            date_text(r.fulfilled),
            r.note.clone(),
            date_text(r.applied),
            date_text(r.pledge_due_original),
            if r.extensions == 0 {
                String::new()
            } else {
                r.extensions.to_string()
            },
        ];
        for (col, v) in values.into_iter().enumerate() {
            if self.index[col] == ABSENT {
                if v.is_empty() {
                    continue;
                }
                // An on-demand column, needed now: added at the end.
                self.header.push(COLUMNS[col].to_string());
                for cells in &mut self.cells {
                    cells.push(String::new());
                }
                self.index[col] = self.header.len() - 1;
            }
            let cell = &mut self.cells[i][self.index[col]];
            // Keep the clerk's spelling when the value did not change.
            if cell.trim() != v {
                *cell = v;
            }
        }
    }

    /// The file's bytes: UTF-8, LF line ends, quotes only where needed.
    pub fn to_bytes(&self) -> Vec<u8> {
        assert_eq!(
            self.cells.len(),
            self.rows.len(),
            "a procedure table from the project cache is never written"
        );
        super::csv_text::write(&self.header, &self.cells)
    }

    /// Byte offset in `text` (the text the table was read from) of the
    /// cell of row `i` in column `col` of `COLUMNS`, for problems.
    pub fn cell_offset(&self, text: &str, i: usize, col: usize) -> usize {
        field_offset(text, self.offsets[i], self.index[col])
    }

    /// The row of a procedure key.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }
}

impl Default for ProcedureTable {
    fn default() -> Self {
        ProcedureTable::new()
    }
}
