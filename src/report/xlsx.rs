//! Excel and WPS output of a report's `Table`: an .xlsx workbook (dates as
//! real dates, numeric columns as numbers, every other cell as text, a bold
//! header row frozen in place with a filter, columns as wide as their text
//! with Chinese characters counted double up to a limit, longer text
//! wrapped, and an optional title row above the header) and CSV for Excel
//! (UTF-8 with a byte-order mark, so Excel and WPS show Chinese correctly;
//! cells that would start a formula neutralised, and cells Excel would
//! turn into something else — `1/2` or `3-4` into a date, `0123` into 123,
//! a long number into 4.1E+17 — kept as text).

use super::Table;
use crate::model::{Date, parse_date};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook};

/// Widest column, in character widths, so long notes do not run off.
const MAX_WIDTH: usize = 60;

/// Width of `text` in character cells: CJK and other wide characters
/// count double. For a multi-line cell, its widest line.
pub fn display_width(text: &str) -> usize {
    text.lines()
        .map(|l| l.chars().map(|c| if wide(c) { 2 } else { 1 }).sum())
        .max()
        .unwrap_or(0)
}

fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Why a sheet of `rows` rows (under its header) cannot be a worksheet,
/// if it cannot: a worksheet holds 1,048,576 rows, the header among them.
/// Asked before a large sheet is built, so a refused one never fills memory.
pub fn too_many_rows(rows: usize) -> Option<String> {
    (rows >= 1 << 20).then(|| tr!(XlsxTooManyRows, rows = rows))
}

/// The workbook's bytes: one sheet named `sheet` holding `table`. `created`
/// is recorded as the document's creation date, so the same ledger on the
/// same day gives the same file.
/// With `title`, the first row holds it (bold, merged over the columns)
/// and the header, frozen and filtered, is the second.
pub fn workbook(
    table: &Table,
    sheet: &str,
    created: Date,
    title: Option<&str>,
) -> Result<Vec<u8>, String> {
    // A title takes a row of the worksheet too.
    if let Some(e) = too_many_rows(table.rows.len() + usize::from(title.is_some())) {
        return Err(e);
    }
    let err = |e: rust_xlsxwriter::XlsxError| {
        let why = match e {
            rust_xlsxwriter::XlsxError::MaxStringLengthExceeded => tr!(XlsxCellTooLong),
            e => e.to_string(),
        };
        tr!(XlsxCannotBuild, error = why)
    };
    let mut book = Workbook::new();
    let midnight = created.and_hms_opt(0, 0, 0).expect("midnight exists");
    book.set_properties(&DocProperties::new().set_creation_datetime(&midnight));
    let header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    // The header's row: 0, or 1 under a title.
    let top = u32::from(title.is_some());
    if let Some(title) = title {
        let bold = Format::new().set_bold().set_font_size(14);
        let last = col(table.headers.len().max(1) - 1);
        if last == 0 {
            ws.write_string_with_format(0, 0, title, &bold)
                .map_err(err)?;
        } else {
            ws.merge_range(0, 0, 0, last, title, &bold).map_err(err)?;
        }
    }
    let mut widths: Vec<usize> = table.headers.iter().map(|h| display_width(h)).collect();
    for (c, h) in table.headers.iter().enumerate() {
        ws.write_string_with_format(top, col(c), h, &header)
            .map_err(err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1)
            .ok()
            .and_then(|r| r.checked_add(top))
            .ok_or_else(|| tr!(XlsxTooManyRows, rows = table.rows.len()))?;
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            // Exactly an ISO date (no spaces around it): a real date.
            let as_date = parse_date(text)
                .ok()
                .filter(|d| d.format("%Y-%m-%d").to_string() == *text);
            let width = if let Some(d) = as_date {
                ws.write_date_with_format(r, col(c), d, &date)
                    .map_err(err)?;
                10
            } else if let Some(n) = table
                .numeric
                .contains(&c)
                .then(|| text.parse::<f64>().ok())
                .flatten()
            {
                ws.write_number(r, col(c), n).map_err(err)?;
                text.len()
            } else if display_width(text) > MAX_WIDTH || text.contains('\n') {
                // Longer than the column may be: wrapped inside it.
                ws.write_string_with_format(r, col(c), text, &wrap)
                    .map_err(err)?;
                display_width(text)
            } else {
                ws.write_string(r, col(c), text).map_err(err)?;
                display_width(text)
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let w = (*w).clamp(6, MAX_WIDTH) + 2;
        ws.set_column_width(col(c), w as f64).map_err(err)?;
    }
    ws.set_freeze_panes(top + 1, 0).map_err(err)?;
    if !table.headers.is_empty() {
        let last_row = u32::try_from(table.rows.len())
            .unwrap_or(u32::MAX)
            .saturating_add(top);
        ws.autofilter(top, 0, last_row, col(table.headers.len() - 1))
            .map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).expect("reports have few columns")
}

/// A cell as CSV for Excel writes it: text beginning with `=`, `+`, `-`,
/// `@` (or a tab or carriage return) gets a leading apostrophe, so a
/// spreadsheet shows it as text instead of running it as a formula; text
/// Excel would read as something else (see `mangled`) is written as the
/// text formula `="…"`, which Excel and WPS show as the text itself.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ if mangled(cell) => format!("=\"{}\"", cell.replace('"', "\"\"")),
        _ => cell.to_string(),
    }
}

/// Whether Excel or WPS, opening CSV, would turn `cell` into a value that
/// means something else: `1/2`, `3-4`, `2024/3/1` or `1 1/2` into a date or
/// fraction, digits with a leading zero (`0123`) or more than 11 digits
/// (a document number) into a number that loses them, `1e5` into 100000,
/// `(12)` into −12. An ISO date (`2024-03-01`) is left to become the same
/// date, a plain number the same number.
pub fn mangled(cell: &str) -> bool {
    let t = cell.trim();
    if t.is_empty() || parse_date(t).is_ok_and(|d| d.format("%Y-%m-%d").to_string() == t) {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(t) {
        return (t.len() > 1 && t.starts_with('0')) || t.len() > 11;
    }
    // 1/2, 3-4, 2024/3/1, 3-4-5, 12:30 and the like.
    let parts: Vec<&str> = t.split(['/', '-', ':', '.']).collect();
    let date_like = parts.len() >= 2
        && parts.len() <= 3
        && parts.iter().all(|p| digits(p) && p.len() <= 4)
        && !(parts.len() == 2 && t.contains('.'));
    if date_like {
        return true;
    }
    // 1 1/2, 1e5, (12)
    let fraction = t.split_once(' ').is_some_and(|(whole, frac)| {
        digits(whole)
            && frac
                .split_once('/')
                .is_some_and(|(a, b)| digits(a) && digits(b))
    });
    let exponent = t.split_once(['e', 'E']).is_some_and(|(m, e)| {
        digits(m.trim_end_matches('.')) && digits(e.trim_start_matches(['+', '-']))
    });
    if fraction || exponent {
        return true;
    }
    t.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .is_some_and(|n| digits(&n.replace('.', "")))
}

/// CSV for Excel and WPS: a byte-order mark, CRLF line ends, every cell
/// neutralised against formula injection.
pub fn excel_csv(table: &Table) -> String {
    // Room for the whole text reserved once (a cell, its quotes and a
    // comma; pages never written cost nothing), so it is not copied as it
    // grows: a province's list is tens of MB.
    let size: usize = std::iter::once(&table.headers)
        .chain(&table.rows)
        .flatten()
        .map(|c| c.len() + 4)
        .sum();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer({
            let mut out = Vec::with_capacity(size + size / 8 + 4096);
            out.extend_from_slice("\u{feff}".as_bytes());
            out
        });
    let mut write = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
        w.write_record(&cells).expect("writing to memory");
    };
    write(&table.headers);
    for row in &table.rows {
        write(row);
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worksheet_holds_1048575_rows_under_its_header() {
        assert_eq!(too_many_rows(0), None);
        assert_eq!(too_many_rows((1 << 20) - 1), None);
        assert_eq!(
            too_many_rows(1_200_000).as_deref(),
            Some(
                "1200000 rows are more than an Excel worksheet holds (1,048,575 under the header): export CSV (--output FILE.csv) or one task force's rows (--taskforce)"
            )
        );
    }

    #[test]
    fn widths_count_chinese_double() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("环评批复"), 8);
        assert_eq!(display_width("用地专班 (县自然资源局)"), 23);
        assert_eq!(display_width("ab\n环评"), 4);
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in ["=1+1", "+86 123", "-3", "@SUM(A1)", "\tx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad}");
        }
        for ok in [
            "环评",
            "2024-03-01",
            "a=b",
            "",
            "35000.50",
            "12",
            "shengrun-hq",
        ] {
            assert_eq!(neutralise(ok), ok);
        }
    }

    #[test]
    fn what_excel_would_change_is_kept_as_text() {
        for risky in [
            "1/2",
            "2/14",
            "1-2",
            "3-4-5",
            "2024/3/1",
            "0123",
            "410927202411200301",
            "123456789012",
            "1e5",
            "1 1/2",
            "(12)",
            "12:30",
        ] {
            assert!(mangled(risky), "{risky}");
            assert_eq!(neutralise(risky), format!("=\"{risky}\""));
        }
        for safe in [
            "2024-03-01",
            "12",
            "3500.25",
            "0",
            "1.5",
            "濮环审〔2024〕5号",
            "第2/3期",
        ] {
            assert!(!mangled(safe), "{safe}");
        }
    }
}
