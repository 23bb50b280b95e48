//! What Excel and WPS do to a ledger CSV when a clerk opens and saves it,
//! and how `taizhang fix` undoes it: the text decoded (a byte-order mark,
//! GBK from Chinese Windows), CRLF line ends, dates rewritten as
//! `2026/3/20`, `2026-3-20` or `2026年3月20日`, empty trailing columns and
//! rows, and columns moved. Every change is listed cell by cell. What
//! cannot be undone without guessing — a date that reads two ways
//! (`03/04/2024`), a number Excel shortened to `3.5E+04` — is reported with
//! its cell and left for the clerk, and the file is then not rewritten.

use super::csv_text;
use super::ledger_csv::{PROBLEMS_COLUMNS, PROGRESS_COLUMNS};
use super::procedures_file;
use super::sheet::{self, Encoding};
use crate::model::Date;

/// How one ledger CSV is laid out: its columns in the ledger's order, the
/// columns holding dates, and those holding numbers (or long codes) that
/// Excel may have shortened to scientific notation.
#[derive(Debug)]
pub struct Layout {
    pub file: &'static str,
    pub columns: &'static [&'static str],
    pub dates: &'static [&'static str],
    pub numbers: &'static [&'static str],
}

/// Every ledger CSV `fix` restores. A new ledger file is one more entry.
pub const LAYOUTS: &[Layout] = &[
    Layout {
        file: procedures_file::FILE_NAME,
        columns: &procedures_file::COLUMNS,
        dates: &[
            "due",
            "obtained",
            "pledged",
            "pledge_due",
            "fulfilled",
            "applied",
        ],
        numbers: &["doc_no"],
    },
    Layout {
        file: super::ledger_csv::PROGRESS_FILE,
        columns: &PROGRESS_COLUMNS,
        dates: &["date"],
        numbers: &["invested"],
    },
    Layout {
        file: super::ledger_csv::PROBLEMS_FILE,
        columns: &PROBLEMS_COLUMNS,
        dates: &["limit", "opened", "resolved"],
        numbers: &["no"],
    },
    Layout {
        file: super::funds::FUNDS_FILE,
        columns: &super::funds::FUNDS_COLUMNS,
        dates: &["date"],
        numbers: &["amount"],
    },
    Layout {
        file: super::funds::VISITS_FILE,
        columns: &super::funds::VISITS_COLUMNS,
        dates: &["date"],
        numbers: &["problem"],
    },
];

/// A date as Excel or WPS may have written it.
#[derive(Debug, PartialEq)]
pub enum ExcelDate {
    /// Already ISO `YYYY-MM-DD`.
    Iso,
    /// One day, written another way.
    Day(Date),
    /// Day and month could be either way round: both readings.
    Ambiguous(Date, Date),
    /// Not a date taizhang can read without guessing.
    Unknown,
}

/// Reads a date cell the way Excel and WPS write dates in China (year
/// first: `2026/3/20`, `2026-3-20`, `2026.3.20`, `2026年3月20日`, with an
/// optional ` 0:00` time) or elsewhere (year last: `20/3/2026`, which only
/// one reading makes a date, or `3/4/2026`, which two do).
pub fn excel_date(text: &str) -> ExcelDate {
    let t = text.trim();
    if crate::model::parse_date(t).is_ok() {
        return ExcelDate::Iso;
    }
    // A time of midnight Excel adds to a date-time cell.
    let t = [" 0:00", " 00:00", " 0:00:00", " 00:00:00"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    let t = t.strip_suffix('日').unwrap_or(t);
    let parts: Vec<&str> = t.split(['/', '-', '.', '年', '月']).collect();
    let [a, b, c] = parts.as_slice() else {
        return ExcelDate::Unknown;
    };
    let num = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if a.len() == 4 {
        return match (num(a, 4), num(b, 2), num(c, 2)) {
            (Some(y), Some(m), Some(d)) => {
                Date::from_ymd_opt(y as i32, m, d).map_or(ExcelDate::Unknown, ExcelDate::Day)
            }
            _ => ExcelDate::Unknown,
        };
    }
    if c.len() != 4 || t.contains(['年', '月']) {
        return ExcelDate::Unknown;
    }
    let (Some(x), Some(y), Some(year)) = (num(a, 2), num(b, 2), num(c, 4)) else {
        return ExcelDate::Unknown;
    };
    let year = year as i32;
    let month_first = Date::from_ymd_opt(year, x, y);
    let day_first = Date::from_ymd_opt(year, y, x);
    match (month_first, day_first) {
        (Some(m), Some(d)) if m == d => ExcelDate::Day(m),
        (Some(m), Some(d)) => ExcelDate::Ambiguous(m, d),
        (Some(m), None) => ExcelDate::Day(m),
        (None, Some(d)) => ExcelDate::Day(d),
        (None, None) => ExcelDate::Unknown,
    }
}

/// The hint for a bad cell Excel or WPS wrote: what `taizhang fix` makes
/// of it, or why it cannot; `None` for a cell Excel did not touch.
pub fn fix_hint(cell: &str) -> Option<String> {
    match excel_date(cell) {
        ExcelDate::Day(d) => Some(tr!(ExcelWroteDate, date = d)),
        ExcelDate::Ambiguous(m, d) => Some(tr!(AmbiguousDate, a = m, b = d)),
        _ if is_shortened_number(cell) => Some(tr!(ShortenedNumber)),
        _ => None,
    }
}

/// Whether a cell is a number in Excel's scientific notation (`3.5E+04`),
/// which keeps only the first digits of a long number or code.
pub fn is_shortened_number(text: &str) -> bool {
    let t = text.trim();
    let Some((mantissa, exp)) = t.split_once(['E', 'e']) else {
        return false;
    };
    let mantissa = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
    let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
}

/// One cell `fix` changed, or one it left for the clerk.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cell {
    pub line: usize,
    /// The cell's column (1-based, in characters), as `check` counts it.
    pub column: usize,
    pub header: String,
    pub from: String,
    /// The new value; `None` for a cell left as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Why a cell was left as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// What restoring one file gives.
#[derive(Debug, Default)]
pub struct Restored {
    /// Changes to the whole file (encoding, line ends, columns, rows).
    pub file_changes: Vec<String>,
    /// Cells changed.
    pub cells: Vec<Cell>,
    /// Cells left for the clerk: the file is not rewritten while any is.
    pub left: Vec<Cell>,
    /// The canonical bytes, when they differ from the file's.
    pub bytes: Option<Vec<u8>>,
    /// Why the file cannot be restored at all (it does not parse).
    pub refused: Option<String>,
}

/// Restores the bytes of a ledger CSV laid out as `layout` to the form
/// taizhang writes: UTF-8 without a byte-order mark, LF line ends, ISO
/// dates, the ledger's column order (columns it does not know kept, after
/// its own), no empty trailing columns or empty rows.
pub fn restore(layout: &Layout, bytes: &[u8]) -> Restored {
    let mut r = Restored::default();
    let (text, encoding) = match sheet::decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            r.refused = Some(tr!(TheFile, error = e));
            return r;
        }
    };
    match encoding {
        Encoding::Utf8 => {}
        Encoding::Utf8Bom => r.file_changes.push(tr!(BomRemoved)),
        Encoding::Gb18030 => r.file_changes.push("GBK → UTF-8".into()),
    }
    if text.contains("\r\n") {
        r.file_changes.push(tr!(CrlfToLf));
    }
    if !super::problem::csv_conflict_markers(std::path::Path::new(""), &text).is_empty() {
        r.refused = Some(tr!(ResolveMergeFirst));
        return r;
    }
    if let Some((_, msg)) = csv_text::quote_error(&text) {
        r.refused = Some(msg);
        return r;
    }
    let mut records = csv_text::records(&text).into_iter();
    let Some(head) = records.next() else {
        r.refused = Some(tr!(FileEmpty));
        return r;
    };
    let mut header = head.cells;
    let mut rows: Vec<csv_text::Record> = Vec::new();
    for rec in records {
        if rec.cells.iter().all(|c| c.trim().is_empty()) {
            if rec.cells.len() != 1 {
                r.file_changes.push(tr!(EmptyRowRemoved, line = rec.line));
            }
            continue;
        }
        rows.push(rec);
    }
    // Empty columns at the end (a header cell and every cell blank).
    while header.last().is_some_and(|h| h.trim().is_empty())
        && rows.iter().all(|r| {
            r.cells
                .get(header.len() - 1)
                .is_none_or(|c| c.trim().is_empty())
        })
    {
        header.pop();
        r.file_changes.push(tr!(EmptyColumnRemoved));
    }
    for rec in &mut rows {
        // Excel pads rows to its widest row: extra cells are blank.
        while rec.cells.len() > header.len()
            && rec.cells.last().is_some_and(|c| c.trim().is_empty())
        {
            rec.cells.pop();
        }
        if rec.cells.len() != header.len() {
            r.refused = Some(tr!(
                LineFieldCount,
                line = rec.line,
                n = rec.cells.len(),
                width = header.len()
            ));
            return r;
        }
    }
    r.file_changes.dedup();
    // Cells.
    for rec in &mut rows {
        for (i, h) in header.iter().enumerate() {
            let cell = rec.cells[i].trim().to_string();
            if cell.is_empty() {
                continue;
            }
            let at = |why: Option<String>, to: Option<String>| {
                let offset = csv_text::field_offset(&text, rec.start, i);
                let line_start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
                Cell {
                    line: rec.line,
                    column: text[line_start..offset].chars().count() + 1,
                    header: h.clone(),
                    from: cell.clone(),
                    to,
                    why,
                }
            };
            if layout.dates.contains(&h.as_str()) {
                match excel_date(&cell) {
                    ExcelDate::Iso | ExcelDate::Unknown => {}
                    ExcelDate::Day(d) => {
                        let iso = d.format("%Y-%m-%d").to_string();
                        r.cells.push(at(None, Some(iso.clone())));
                        rec.cells[i] = iso;
                    }
                    ExcelDate::Ambiguous(m, d) => r
                        .left
                        .push(at(Some(tr!(AmbiguousDateCell, a = m, b = d)), None)),
                }
            } else if layout.numbers.contains(&h.as_str()) && is_shortened_number(&cell) {
                r.left.push(at(Some(tr!(ShortenedNumberCell)), None));
            }
        }
    }
    // The ledger's column order, then the columns it does not know.
    let mut order: Vec<usize> = layout
        .columns
        .iter()
        .filter_map(|c| header.iter().position(|h| h == c))
        .collect();
    let unknown: Vec<usize> = (0..header.len()).filter(|i| !order.contains(i)).collect();
    order.extend(unknown);
    if order.iter().enumerate().any(|(n, &i)| n != i) {
        r.file_changes.push(tr!(ColumnsReordered));
    }
    let new_header: Vec<String> = order.iter().map(|&i| header[i].clone()).collect();
    let new_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|rec| order.iter().map(|&i| rec.cells[i].clone()).collect())
        .collect();
    let out = csv_text::write(&new_header, &new_rows);
    if out != bytes {
        r.bytes = Some(out);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_as_excel_writes_them() {
        assert_eq!(excel_date("2026-03-20"), ExcelDate::Iso);
        for t in [
            "2026/3/20",
            "2026-3-20",
            "2026.3.20",
            "2026年3月20日",
            "2026/03/20 0:00",
        ] {
            assert_eq!(excel_date(t), ExcelDate::Day(day(2026, 3, 20)), "{t}");
        }
        assert_eq!(excel_date("20/3/2026"), ExcelDate::Day(day(2026, 3, 20)));
        assert_eq!(excel_date("3/20/2026"), ExcelDate::Day(day(2026, 3, 20)));
        assert_eq!(excel_date("4/4/2024"), ExcelDate::Day(day(2024, 4, 4)));
        assert_eq!(
            excel_date("03/04/2024"),
            ExcelDate::Ambiguous(day(2024, 3, 4), day(2024, 4, 3))
        );
        for t in ["2026/2/30", "26/3/20", "tomorrow", "45352", "2026/3"] {
            assert_eq!(excel_date(t), ExcelDate::Unknown, "{t}");
        }
    }

    #[test]
    fn numbers_excel_shortened() {
        for t in ["3.5E+04", "2.02403E+11", "1E5", "-1.2e-3"] {
            assert!(is_shortened_number(t), "{t}");
        }
        for t in ["35000", "豫环审〔2024〕3号", "E5", "3.5E", "PE+04"] {
            assert!(!is_shortened_number(t), "{t}");
        }
    }

    #[test]
    fn a_file_as_excel_saves_it_is_restored() {
        let excel = "\u{feff}date,note,invested,\r\n2024/3/5,\"桩基, 承台\",120,\r\n,,,\r\n2024年3月9日,,130,\r\n";
        let r = restore(&LAYOUTS[1], excel.as_bytes());
        assert_eq!(r.refused, None);
        assert_eq!(
            String::from_utf8(r.bytes.unwrap()).unwrap(),
            "date,invested,note\n2024-03-05,120,\"桩基, 承台\"\n2024-03-09,130,\n"
        );
        assert_eq!(
            r.file_changes,
            [
                "byte-order mark removed",
                "CRLF line ends → LF",
                "empty row on line 3 removed",
                "empty column at the end removed",
                "columns put in the ledger's order"
            ]
        );
        let moved: Vec<(usize, usize, &str)> = r
            .cells
            .iter()
            .map(|c| (c.line, c.column, c.to.as_deref().unwrap()))
            .collect();
        assert_eq!(moved, [(2, 1, "2024-03-05"), (4, 1, "2024-03-09")]);
        // A canonical file is left alone.
        let plain = "date,invested,note\n2024-03-05,120,\n";
        assert!(restore(&LAYOUTS[1], plain.as_bytes()).bytes.is_none());
    }
}
