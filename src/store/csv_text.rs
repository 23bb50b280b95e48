//! CSV text as taizhang reads it: records with the line and byte offset
//! they start at (one parser per thread, reset for every file), quoting
//! errors the lenient parser would swallow, and the header checks every
//! ledger CSV shares — a byte-order mark, duplicate and missing columns,
//! rows with the wrong number of fields.

use super::Problem;
use std::path::Path;

/// CSV bytes of a header and rows: UTF-8, LF line ends, quotes only where
/// a value needs them (a comma, a quote or a line break).
pub fn write<R: AsRef<[String]>>(header: &[String], rows: &[R]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(header).expect("writing to memory");
    for row in rows {
        w.write_record(row.as_ref()).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// One CSV record: the line and byte offset it starts at, and its fields.
pub struct Record {
    pub line: usize,
    pub start: usize,
    pub cells: Vec<String>,
}

/// A CSV file as read: its header and the rows of the header's width
/// (blank lines left out).
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Record>,
}

/// Reads a ledger CSV: every problem of its shape, and the sheet unless the
/// file cannot be used at all. `required` columns must be in the header;
/// `expected` is the header a new file has, for the messages.
pub fn read(
    path: &Path,
    text: &str,
    required: &[&str],
    expected: &[&str],
) -> (Option<Sheet>, Vec<Problem>) {
    let markers = super::problem::csv_conflict_markers(path, text);
    if !markers.is_empty() {
        return (None, markers);
    }
    let mut problems = Vec::new();
    if let Some((offset, msg)) = quote_error(text) {
        problems
            .push(Problem::at(path, text, offset, "csv-syntax", msg).with_hint(tr!(CsvQuoteHint)));
        return (None, problems);
    }
    let mut records = records(text).into_iter();
    let Some(Record {
        cells: mut header, ..
    }) = records.next()
    else {
        problems.push(Problem::file(
            path,
            "missing-column",
            tr!(CsvEmpty, header = expected.join(",")),
        ));
        return (None, problems);
    };
    if let Some(first) = header.first_mut() {
        // A byte-order mark from Excel is not part of the column name.
        *first = first.trim_start_matches('\u{feff}').to_string();
    }
    let mut seen = std::collections::BTreeSet::new();
    for h in &header {
        if !seen.insert(h.as_str()) {
            problems.push(Problem::line(
                path,
                text,
                1,
                "duplicate-column",
                tr!(ColumnTwice, column = h),
            ));
        }
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        problems.push(Problem::line(
            path,
            text,
            1,
            "missing-column",
            tr!(
                MissingColumns,
                missing = missing.join(crate::msg::list_separator()),
                header = expected.join(",")
            ),
        ));
        return (None, problems);
    }
    let width = header.len();
    let mut rows = Vec::new();
    for r in records {
        if r.cells.len() == 1 && r.cells[0].is_empty() {
            continue;
        }
        if r.cells.len() != width {
            problems.push(Problem::line(
                path,
                text,
                r.line,
                "column-count",
                tr!(FieldCount, n = r.cells.len(), width = width),
            ));
            continue;
        }
        rows.push(r);
    }
    (Some(Sheet { header, rows }), problems)
}

thread_local! {
    /// One CSV parser per thread, reset for every file: building a parser
    /// costs more than reading a small file with it (see BENCHMARKS.md).
    static PARSER: std::cell::RefCell<csv_core::Reader> = std::cell::RefCell::new(csv_core::Reader::new());
}

/// The records of a CSV text, each with the line and byte offset it starts
/// at. The grammar is lenient (RFC 4180 with any line ending), so it cannot
/// fail: a bad row shows up as a wrong field count, a bad quote through
/// `quote_error`.
pub fn records(text: &str) -> Vec<Record> {
    use csv_core::ReadRecordResult as R;
    PARSER.with_borrow_mut(|parser| {
        parser.reset();
        let bytes = text.as_bytes();
        let mut input = bytes;
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
                    records.push(Record {
                        line: start_line,
                        start: start_byte,
                        cells: fields,
                    });
                    // The parser ends a CRLF record at its '\r' and takes
                    // the '\n' with the next one: the next record starts
                    // after every line end, on the line after them.
                    let from = start_byte;
                    start_byte = text.len() - input.len();
                    while matches!(bytes.get(start_byte), Some(b'\r' | b'\n')) {
                        start_byte += 1;
                    }
                    start_line += memchr_count(&bytes[from..start_byte]);
                    n_out = 0;
                    n_ends = 0;
                }
                R::End => return records,
            }
        }
    })
}

/// Byte offset of field `field` (0-based) of the record starting at byte
/// `start` of `text`, honouring quotes: where a problem in a cell points.
pub fn field_offset(text: &str, start: usize, field: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut n, mut quoted) = (start, 0, false);
    while i < bytes.len() && n < field {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b',' if !quoted => n += 1,
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    i.min(text.len())
}

/// The number of line feeds in `bytes`.
fn memchr_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The first quoting error of a CSV text, which the lenient `csv` reader
/// would otherwise accept by swallowing the rest of the file or keeping a
/// stray quote: the byte offset and what is wrong.
pub fn quote_error(text: &str) -> Option<(usize, String)> {
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
                return Some((i, tr!(CsvAfterQuote)));
            }
            (_, b'"') => {
                return Some((i, tr!(CsvStrayQuote)));
            }
            _ => State::Unquoted,
        };
        i += 1;
    }
    match state {
        State::Quoted(open) => Some((open, tr!(CsvUnclosed))),
        _ => None,
    }
}
