//! Excel and WPS output of a report's `Table`: an .xlsx workbook (dates as
//! real dates, numeric columns as numbers, a bold header row frozen in place,
//! columns as wide as their text with Chinese characters counted double) and
//! CSV for Excel (UTF-8 with a byte-order mark, so Excel and WPS show Chinese
//! correctly, and cells that would start a formula neutralised).

use super::Table;
use crate::model::{Date, parse_date};
use rust_xlsxwriter::{DocProperties, Format, FormatBorder, Workbook};

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
    (rows >= 1 << 20).then(|| {
        format!(
            "{rows} rows are more than an Excel worksheet holds (1,048,575 under the header): export CSV (--output FILE.csv) or one task force's rows (--taskforce)"
        )
    })
}

/// The workbook's bytes: one sheet named `sheet` holding `table`. `created`
/// is recorded as the document's creation date, so the same ledger on the
/// same day gives the same file.
pub fn workbook(table: &Table, sheet: &str, created: Date) -> Result<Vec<u8>, String> {
    if let Some(e) = too_many_rows(table.rows.len()) {
        return Err(e);
    }
    let err = |e: rust_xlsxwriter::XlsxError| format!("cannot build the workbook: {e}");
    let mut book = Workbook::new();
    let midnight = created.and_hms_opt(0, 0, 0).expect("midnight exists");
    book.set_properties(&DocProperties::new().set_creation_datetime(&midnight));
    let header = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(err)?;
    let mut widths: Vec<usize> = table.headers.iter().map(|h| display_width(h)).collect();
    for (c, h) in table.headers.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &header)
            .map_err(err)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| "too many rows for a worksheet".to_string())?;
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
    ws.set_freeze_panes(1, 0).map_err(err)?;
    if !table.headers.is_empty() {
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        ws.autofilter(0, 0, last_row, col(table.headers.len() - 1))
            .map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).expect("reports have few columns")
}

/// A cell as CSV for Excel writes it: text beginning with `=`, `+`, `-`,
/// `@` (or a tab or carriage return) gets a leading apostrophe, so a
/// spreadsheet shows it as text instead of running it as a formula.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
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
        for ok in ["环评", "2024-03-01", "a=b", ""] {
            assert_eq!(neutralise(ok), ok);
        }
    }
}
