//! `procedures.csv`: one project's procedure ledger, a row per procedure in
//! catalogue order. Columns are found by their header name; columns taizhang
//! does not know are kept, in place, through every write. The `applied`
//! column came later: a file without it still reads, and gains it (empty,
//! at the end) the next time the table is written.

use super::Problem;
use crate::model::{Date, PledgeKind, Procedure, Status, parse_date};
use std::path::Path;

pub const FILE_NAME: &str = "procedures.csv";

/// The columns taizhang reads and writes, in the order a new file has them.
pub const COLUMNS: [&str; 14] = [
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
];

/// Columns a file may lack (added in later versions); read as empty.
const OPTIONAL: [&str; 1] = ["applied"];

/// A procedure ledger as read: the header, the raw cells of every row (so
/// unknown columns survive) and the typed rows.
#[derive(Debug, Clone)]
pub struct ProcedureTable {
    pub header: Vec<String>,
    /// Index in `header` of each of `COLUMNS`.
    index: [usize; COLUMNS.len()],
    pub cells: Vec<Vec<String>>,
    /// Source line of each row (1-based).
    pub lines: Vec<usize>,
    /// Byte offset in the source text where each row starts.
    pub offsets: Vec<usize>,
    pub rows: Vec<Procedure>,
}

thread_local! {
    /// One CSV parser per thread, reset for every file: building a parser
    /// costs more than reading a small file with it (see BENCHMARKS.md).
    static PARSER: std::cell::RefCell<csv_core::Reader> = std::cell::RefCell::new(csv_core::Reader::new());
}

/// The records of a CSV text, each with the line and byte offset it starts
/// at. The CSV
/// grammar is lenient (RFC 4180 with any line ending), so it cannot fail;
/// a bad row shows up as a wrong field count.
pub fn records(text: &str) -> Vec<(usize, usize, Vec<String>)> {
    use csv_core::ReadRecordResult as R;
    PARSER.with_borrow_mut(|parser| {
        parser.reset();
        let mut input = text.as_bytes();
        let mut out = vec![0u8; text.len().max(64)];
        let mut ends = vec![0usize; 32];
        let (mut n_out, mut n_ends) = (0, 0);
        let mut start_line = 1;
        let mut start_byte = 0;
        let mut records = Vec::new();
        loop {
            let (result, n_in, o, e) =
                parser.read_record(input, &mut out[n_out..], &mut ends[n_ends..]);
            input = &input[n_in..];
            n_out += o;
            n_ends += e;
            match result {
                R::InputEmpty => {}
                R::OutputFull => out.resize(out.len() * 2, 0),
                R::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                R::Record => {
                    let mut fields = Vec::with_capacity(n_ends);
                    let mut from = 0;
                    for &end in &ends[..n_ends] {
                        fields.push(String::from_utf8_lossy(&out[from..end]).into_owned());
                        from = end;
                    }
                    records.push((start_line, start_byte, fields));
                    start_line = parser.line() as usize;
                    start_byte = text.len() - input.len();
                    n_out = 0;
                    n_ends = 0;
                }
                R::End => return records,
            }
        }
    })
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

/// The first quoting error of a CSV text, which the lenient `csv` reader
/// would otherwise accept by swallowing the rest of the file or keeping a
/// stray quote: the byte offset and what is wrong.
pub(crate) fn quote_error(text: &str) -> Option<(usize, String)> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted(usize),
        AfterQuote,
    }
    let bytes = text.as_bytes();
    let mut state = State::FieldStart;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        state = match (state, b) {
            (State::Quoted(open), b'"') => {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                    State::Quoted(open)
                } else {
                    State::AfterQuote
                }
            }
            (State::Quoted(open), _) => State::Quoted(open),
            (_, b',' | b'\n' | b'\r') => State::FieldStart,
            (State::FieldStart, b'"') => State::Quoted(i),
            (State::AfterQuote, _) => {
                return Some((
                    i,
                    "CSV syntax error: text after the closing quote of a field".into(),
                ));
            }
            (_, b'"') => {
                return Some((
                    i,
                    "CSV syntax error: a quote inside a field that does not start with one".into(),
                ));
            }
            _ => State::Unquoted,
        };
        i += 1;
    }
    match state {
        State::Quoted(open) => Some((
            open,
            "CSV syntax error: the quoted field opened here is never closed".into(),
        )),
        _ => None,
    }
}

/// Byte offset of field `field` (0-based) of the record starting at byte
/// `start` of `text`, honouring quotes.
fn field_offset(text: &str, start: usize, field: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut n, mut quoted) = (start, 0, false);
    while i < bytes.len() && n < field {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b',' if !quoted => n += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    i.min(text.len())
}

impl ProcedureTable {
    /// An empty table with the standard header.
    pub fn new() -> ProcedureTable {
        let mut index = [0; COLUMNS.len()];
        for (i, slot) in index.iter_mut().enumerate() {
            *slot = i;
        }
        ProcedureTable {
            header: COLUMNS.iter().map(|s| s.to_string()).collect(),
            index,
            cells: Vec::new(),
            lines: Vec::new(),
            offsets: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Reads a table. `None` when it cannot be used at all.
    pub fn read(path: &Path, text: &str) -> (Option<ProcedureTable>, Vec<Problem>) {
        let markers = super::problem::conflict_markers(path, text);
        if !markers.is_empty() {
            return (None, markers);
        }
        let mut problems = Vec::new();
        if let Some((offset, msg)) = quote_error(text) {
            problems.push(Problem::at(path, text, offset, "csv-syntax", msg).with_hint(
                "a field holding a comma, quote or line break must be wrapped in \"…\" with inner quotes doubled (\"\")",
            ));
            return (None, problems);
        }
        let mut records = records(text);
        let Some((_, _, mut header)) = (!records.is_empty()).then(|| records.remove(0)) else {
            problems.push(Problem::file(
                path,
                "missing-column",
                "the file is empty: expected a header line",
            ));
            return (None, problems);
        };
        if let Some(first) = header.first_mut() {
            // A byte-order mark from Excel is not part of the column name.
            *first = first.trim_start_matches('\u{feff}').to_string();
        }
        let mut index = [0; COLUMNS.len()];
        let mut missing = Vec::new();
        let mut added = Vec::new();
        for (i, col) in COLUMNS.iter().enumerate() {
            match header.iter().position(|h| h == col) {
                Some(p) => index[i] = p,
                None if OPTIONAL.contains(col) => added.push(i),
                None => missing.push(*col),
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for h in &header {
            if !seen.insert(h.as_str()) {
                problems.push(Problem::line(
                    path,
                    text,
                    1,
                    "duplicate-column",
                    format!("column \"{h}\" appears twice in the header"),
                ));
            }
        }
        if !missing.is_empty() {
            problems.push(Problem::line(
                path,
                text,
                1,
                "missing-column",
                format!(
                    "missing column(s) {}: expected a header with {}",
                    missing.join(", "),
                    COLUMNS.join(",")
                ),
            ));
            return (None, problems);
        }
        // An optional column the file lacks goes at the end, empty.
        let width = header.len();
        for &i in &added {
            index[i] = header.len();
            header.push(COLUMNS[i].to_string());
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
        for (line, start, mut cells) in records {
            if cells.len() == 1 && cells[0].is_empty() {
                continue;
            }
            if cells.len() != width {
                problems.push(Problem::line(
                    path,
                    text,
                    line,
                    "column-count",
                    format!("row has {} fields, the header has {}", cells.len(), width),
                ));
                continue;
            }
            cells.resize(table.header.len(), String::new());
            let row = table.parse_row(path, text, line, start, &cells, &mut problems);
            if let Some(first) = keys.insert(row.key.clone(), line) {
                problems.push(Problem::line(
                    path,
                    text,
                    line,
                    "duplicate-procedure",
                    format!(
                        "procedure \"{}\" appears twice (first on line {first})",
                        row.key
                    ),
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
        cells[self.index[col]].trim()
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
            problems.push(Problem::at(
                path,
                text,
                at(col),
                "bad-value",
                format!("column \"{}\": {msg}", COLUMNS[col]),
            ));
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
        let mut bad = |col: usize, msg: String| {
            problems.push(Problem::at(
                path,
                text,
                at(col),
                "bad-value",
                format!("column \"{}\": {msg}", COLUMNS[col]),
            ));
        };
        let key = self.cell(cells, 0).to_string();
        if key.is_empty() {
            bad(
                0,
                "empty: expected a procedure key from the catalogue".into(),
            );
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
            name: self.cell(cells, 1).to_string(),
            taskforce: self.cell(cells, 2).to_string(),
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
        };
        let mut rule = |code: &'static str, msg: &str| {
            problems.push(Problem::line(
                path,
                text,
                line,
                code,
                format!("procedure \"{}\": {msg}", row.key),
            ));
        };
        if row.status == Status::Pledged && row.pledge_kind.is_none() && kind_text.is_empty() {
            rule(
                "pledge-without-kind",
                "status is pledged but pledge_kind is empty: expected tolerance or notify",
            );
        }
        if (row.status == Status::Pledged || row.pledge_kind.is_some())
            && row.pledge_due.is_none()
            && self.cell(cells, 9).is_empty()
        {
            rule(
                "pledge-without-deadline",
                "a pledge without a deadline: pledge_due must hold the commitment deadline (承诺时限)",
            );
        }
        if row.fulfilled.is_some() && row.pledge_kind.is_none() && kind_text.is_empty() {
            rule(
                "fulfilled-without-pledge",
                "a fulfilled date on a procedure that was never pledged",
            );
        }
        if row.status == Status::Obtained
            && row.obtained.is_none()
            && self.cell(cells, 5).is_empty()
        {
            rule(
                "obtained-without-date",
                "status is obtained but the obtained date is empty",
            );
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

    /// Writes the typed row `i` back into its cells.
    pub fn sync(&mut self, i: usize) {
        let r = &self.rows[i];
        let values: [String; COLUMNS.len()] = [
            r.key.clone(),
            r.name.clone(),
            r.taskforce.clone(),
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
        ];
        for (col, v) in values.into_iter().enumerate() {
            let cell = &mut self.cells[i][self.index[col]];
            // Keep the clerk's spelling when the value did not change.
            if cell.trim() != v {
                *cell = v;
            }
        }
    }

    /// The file's bytes: UTF-8, LF line ends, quotes only where needed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        w.write_record(&self.header).expect("writing to memory");
        for row in &self.cells {
            w.write_record(row).expect("writing to memory");
        }
        w.into_inner().expect("writing to memory")
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
