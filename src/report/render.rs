//! Rendering a `Table` as an aligned terminal table (CJK-aware widths), as
//! CSV (UTF-8, LF) or as a Markdown table ready to paste. Tinted cells are
//! coloured in the terminal table when the caller allows colour.
//!
//! A terminal table fits the width it is given (the terminal's, or
//! `COLUMNS`; none when piped): columns empty in every row are left out,
//! long cells wrap by display width (a CJK character takes two cells), and
//! when even that does not fit, the least important columns go, from the
//! right, never the ones the report marks to keep (project name, item, days
//! overdue). A report's total line (共 N 项 / N items) follows its terminal
//! and Markdown table.

use comfy_table::{CellAlignment, ContentArrangement, presets};

/// Output written straight to stdout, for reports too large to hold twice
/// (a command's `Output` carries it; reports build it).
pub type Stream = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>>;

/// Output format of read commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table for the terminal.
    Table,
    /// CSV with a header line.
    Csv,
    /// A JSON object, documented in docs/FORMAT.md.
    Json,
    /// A Markdown table.
    Markdown,
    /// One self-contained HTML page (`report weekly` and `report bulletin`).
    Html,
    /// A Word document (`report bulletin`, with --output FILE.docx or --publish).
    Docx,
}

/// Rows under labelled headers; `numeric` columns are right-aligned.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<usize>,
    /// Cells (row, column) coloured on a terminal that allows colour.
    pub tints: Vec<(usize, usize, Tint)>,
    /// Columns a narrow terminal must keep (the others may be left out).
    pub keep: Vec<usize>,
    /// The order in which a narrow terminal leaves columns out, where it
    /// is not simply from the right.
    pub drop_order: Vec<usize>,
    /// A line printed under the terminal and Markdown table (the total).
    pub footer: Option<String>,
    /// The table carries its own total row: no total line is added.
    pub no_total: bool,
}

/// The terminal width a table must fit: `COLUMNS` when set to a number,
/// else the terminal's width when standard output is one, else no limit.
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Some(n);
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    comfy_table::Table::new().width().map(usize::from)
}

/// Display width of a text on a terminal: CJK characters take two cells.
pub fn display_width(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// The colour of a cell in a terminal table (red and yellow lights).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tint {
    Red,
    Yellow,
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            ..Table::default()
        }
    }

    pub fn numeric(mut self, cols: &[usize]) -> Table {
        self.numeric = cols.to_vec();
        self
    }

    /// Orders the rows by the column whose header is `field` (letter case,
    /// spaces and a unit in brackets ignored: `investment` or `总投资` for
    /// "investment (万元)"/"总投资(万元)"): numeric columns largest first,
    /// others in text order (ISO dates by date), empty cells last, ties in
    /// the report's order. An unknown field gives the list of fields.
    pub fn sort_by(&mut self, field: &str) -> Result<(), String> {
        fn norm(s: &str) -> String {
            let s = s.split(['(', '（']).next().unwrap_or(s);
            s.trim()
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("-")
        }
        let want = norm(field).replace('_', "-");
        let Some(c) = self.headers.iter().position(|h| norm(h) == want) else {
            let fields: Vec<String> = self.headers.iter().map(|h| norm(h)).collect();
            return Err(fields.join(crate::msg::list_separator()));
        };
        let numeric = self.numeric.contains(&c);
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let cell = |r: usize| self.rows[r].get(c).map_or("", |s| s.trim());
        order.sort_by(|&a, &b| {
            let (x, y) = (cell(a), cell(b));
            match (x.is_empty(), y.is_empty()) {
                (true, true) => return std::cmp::Ordering::Equal,
                (true, false) => return std::cmp::Ordering::Greater,
                (false, true) => return std::cmp::Ordering::Less,
                _ => {}
            }
            if numeric && let (Ok(x), Ok(y)) = (x.parse::<f64>(), y.parse::<f64>()) {
                return y.total_cmp(&x);
            }
            x.cmp(y)
        });
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut rows: Vec<Option<Vec<String>>> = std::mem::take(&mut self.rows)
            .into_iter()
            .map(Some)
            .collect();
        self.rows = order
            .iter()
            .map(|&i| rows[i].take().expect("each once"))
            .collect();
        for t in &mut self.tints {
            t.0 = new_index[t.0];
        }
        Ok(())
    }

    /// Marks the columns a narrow terminal must keep.
    pub fn keep(mut self, cols: &[usize]) -> Table {
        self.keep = cols.to_vec();
        self
    }

    /// The table with its footer line as a terminal table fitting `width`
    /// (see the module comment), coloured when `color`; other formats as
    /// `render` gives them, Markdown with the footer.
    pub fn render_fit(&self, format: Format, color: bool, width: Option<usize>) -> String {
        let mut out = Vec::new();
        self.write_fit(format, color, width, &mut out)
            .expect("writing to memory");
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    /// `render_fit`'s text, written into `w`: a Markdown table and a
    /// terminal table drawn straight (nothing to fit or colour) line by
    /// line as drawn, so a province's table is never held as one text.
    fn write_fit(
        &self,
        format: Format,
        color: bool,
        width: Option<usize>,
        w: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let color = color && !self.tints.is_empty();
        match format {
            Format::Markdown => self.markdown_lines(&mut |line| w.write_all(line.as_bytes()))?,
            Format::Table if width.is_none() && !color => {
                let cols = self.shown_columns(None);
                self.draw_plain_lines(&cols, &mut |line, _| w.write_all(line.as_bytes()))?;
            }
            Format::Table => {
                let cols = self.shown_columns(width);
                w.write_all(self.terminal_comfy(&cols, color, width).as_bytes())?;
            }
            f => w.write_all(self.render(f).as_bytes())?,
        }
        match (&self.footer, format) {
            (Some(f), Format::Table) => writeln!(w, "{f}"),
            (Some(f), Format::Markdown) => write!(w, "\n{f}\n"),
            _ => Ok(()),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Colours cell `col` of the last row pushed.
    pub fn tint_last(&mut self, col: usize, tint: Tint) {
        if let Some(row) = self.rows.len().checked_sub(1) {
            self.tints.push((row, col, tint));
        }
    }

    /// Like `render`, with the tinted cells in colour when `color` (only the
    /// terminal table has colour; without it the text is the same as
    /// `render`'s).
    pub fn render_color(&self, format: Format, color: bool) -> String {
        if color && format == Format::Table && !self.tints.is_empty() {
            self.terminal_with(true)
        } else {
            self.render(format)
        }
    }

    /// The table in `format` (JSON is rendered by the report itself).
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table | Format::Json => self.terminal(),
            Format::Csv => self.csv(),
            Format::Markdown => self.markdown(),
            Format::Html => self.html(),
            // A table alone is never a Word document: the bulletin renders its own.
            Format::Docx => self.markdown(),
        }
    }

    /// An HTML `<table>` (numeric columns get class `num`).
    pub fn html(&self) -> String {
        let mut out = String::from("<table>\n<thead><tr>");
        for (i, h) in self.headers.iter().enumerate() {
            out.push_str(&format!("<th{}>{}</th>", self.class(i), escape_html(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                out.push_str(&format!("<td{}>{}</td>", self.class(i), escape_html(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }

    fn class(&self, col: usize) -> &'static str {
        if self.numeric.contains(&col) {
            " class=\"num\""
        } else {
            ""
        }
    }

    fn terminal(&self) -> String {
        self.terminal_plain()
    }

    /// The terminal table without colour, drawn line by line straight into
    /// one string: the same text comfy-table draws (UTF8_FULL_CONDENSED,
    /// no wrapping), without its per-cell copies, which at a province's
    /// 100,000 rows took several hundred MB.
    fn terminal_plain(&self) -> String {
        let columns = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0);
        self.draw_plain(&(0..columns).collect::<Vec<_>>())
    }

    /// `terminal_plain` of the columns `cols` only.
    fn draw_plain(&self, cols: &[usize]) -> String {
        // Bytes of a line, at most: CJK text takes 3 bytes for 2 columns,
        // a border character 3 bytes. Reserved once, so the text is never
        // copied while it grows; pages never written cost nothing.
        let mut out = String::new();
        self.draw_plain_lines(cols, &mut |line, most| {
            if out.is_empty() {
                out.reserve(most * (self.rows.len() + 4));
            }
            out.push_str(line);
            Ok(())
        })
        .expect("writing to memory");
        out
    }

    /// Draws `draw_plain`'s lines one by one, each with the most bytes a
    /// line of the table can have, into `emit`.
    fn draw_plain_lines(
        &self,
        cols: &[usize],
        emit: &mut dyn FnMut(&str, usize) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        use unicode_width::UnicodeWidthStr;
        let width = |cell: &str| cell.split('\n').map(|l| l.width()).max().unwrap_or(0);
        let mut widths = vec![1usize; cols.len()];
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            for (k, &c) in cols.iter().enumerate() {
                if let Some(cell) = row.get(c) {
                    widths[k] = widths[k].max(width(cell));
                }
            }
        }
        let right: Vec<bool> = cols.iter().map(|c| self.numeric.contains(c)).collect();
        let most: usize = widths.iter().map(|w| (w + 2) * 3 / 2 + 3).sum::<usize>() + 4;
        let mut out = String::with_capacity(most);
        let rule = |out: &mut String, [left, fill, junction, end]: [char; 4]| {
            out.push(left);
            for (c, w) in widths.iter().enumerate() {
                if c > 0 {
                    out.push(junction);
                }
                out.extend(std::iter::repeat_n(fill, w + 2));
            }
            out.push(end);
            out.push('\n');
        };
        let row = |out: &mut String, cells: &[String]| {
            let lines = cols
                .iter()
                .filter_map(|&c| cells.get(c))
                .map(|c| c.split('\n').count())
                .max()
                // A row of no columns draws no line, as comfy-table's.
                .unwrap_or(usize::from(!cols.is_empty()));
            for i in 0..lines {
                out.push('│');
                for (c, w) in widths.iter().enumerate() {
                    if c > 0 {
                        out.push('┆');
                    }
                    match cells.get(cols[c]).and_then(|cell| cell.split('\n').nth(i)) {
                        Some(text) => {
                            let pad = w - text.width();
                            let (l, r) = if right[c] { (pad, 0) } else { (0, pad) };
                            out.extend(std::iter::repeat_n(' ', l + 1));
                            out.push_str(text);
                            out.extend(std::iter::repeat_n(' ', r + 1));
                        }
                        None => out.extend(std::iter::repeat_n(' ', w + 2)),
                    }
                }
                out.push('│');
                out.push('\n');
            }
        };
        rule(&mut out, ['┌', '─', '┬', '┐']);
        row(&mut out, &self.headers);
        rule(&mut out, ['╞', '═', '╪', '╡']);
        emit(&out, most)?;
        for r in &self.rows {
            out.clear();
            row(&mut out, r);
            emit(&out, most)?;
        }
        out.clear();
        rule(&mut out, ['└', '─', '┴', '┘']);
        emit(&out, most)
    }

    /// `render_fit`'s text and then `tail`, written as it is made
    /// (`write_fit`).
    pub fn stream(self, format: Format, color: bool, width: Option<usize>, tail: String) -> Stream {
        use std::io::Write;
        Box::new(move |w| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
            self.write_fit(format, color, width, &mut w)?;
            w.write_all(tail.as_bytes())?;
            // The rows are freed by the exit (see `json_stream`).
            std::mem::forget(self);
            w.flush()
        })
    }

    fn terminal_with(&self, color: bool) -> String {
        self.terminal_comfy(&self.shown_columns(None), color, None)
    }

    /// The columns a terminal table of `width` shows: not empty in every
    /// row, and, when their narrowest useful widths do not fit, without the
    /// rightmost columns not marked to keep.
    fn shown_columns(&self, width: Option<usize>) -> Vec<usize> {
        let n = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0);
        let mut cols: Vec<usize> = (0..n)
            .filter(|&c| {
                self.rows.is_empty()
                    || self
                        .rows
                        .iter()
                        .any(|r| r.get(c).is_some_and(|s| !s.trim().is_empty()))
            })
            .collect();
        let Some(width) = width else { return cols };
        // Each column takes 3 cells more than its content for the rule and
        // padding, and the table 1 for its left edge.
        let need = |c: usize| self.min_width(c) + 3;
        while cols.iter().map(|&c| need(c)).sum::<usize>() + 1 > width {
            let listed = self
                .drop_order
                .iter()
                .find_map(|d| cols.iter().position(|c| c == d && !self.keep.contains(c)));
            match listed.or_else(|| cols.iter().rposition(|c| !self.keep.contains(c))) {
                Some(i) => {
                    cols.remove(i);
                }
                None => break,
            }
        }
        cols
    }

    /// The narrowest content width column `c` is shown at on a narrow
    /// terminal: its header's width (at least 8 cells) or its widest cell
    /// if narrower; never narrower than its widest unbreakable cell (a
    /// date, an ID, a number), nor than 20 cells (or its widest) when the
    /// report keeps it.
    fn min_width(&self, c: usize) -> usize {
        let natural = self
            .rows
            .iter()
            .map(|r| r.get(c).map_or(0, |s| display_width(s)))
            .chain([display_width(
                self.headers.get(c).map_or("", String::as_str),
            )])
            .max()
            .unwrap_or(0);
        let mut w = natural
            .min(display_width(self.headers.get(c).map_or("", String::as_str)).max(8))
            .max(self.atom_width(c));
        if self.keep.contains(&c) {
            w = w.max(natural.min(20));
        }
        w
    }

    /// The widest cell of column `c` that must not be broken: ASCII with
    /// no space (a date, an ID, a key, a number), up to 24 cells.
    fn atom_width(&self, c: usize) -> usize {
        self.rows
            .iter()
            .filter_map(|r| r.get(c))
            .filter(|s| s.is_ascii() && !s.contains(char::is_whitespace))
            .map(|s| s.len().min(24))
            .max()
            .unwrap_or(0)
    }

    /// The terminal table of columns `cols` drawn by comfy-table, which
    /// wraps to `width` and colours (`write_fit` draws the rest straight).
    fn terminal_comfy(&self, cols: &[usize], color: bool, width: Option<usize>) -> String {
        let mut t = comfy_table::Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED).set_header(
            cols.iter()
                .map(|&c| self.headers.get(c).map_or("", String::as_str)),
        );
        match width {
            Some(w) => {
                t.set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(u16::try_from(w).unwrap_or(u16::MAX));
            }
            None => {
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        if color {
            t.enforce_styling();
        }
        for (r, row) in self.rows.iter().enumerate() {
            let cells = cols.iter().map(|&c| {
                let cell = comfy_table::Cell::new(row.get(c).map_or("", String::as_str));
                if !color {
                    return cell;
                }
                match self.tints.iter().find(|(tr, tc, _)| *tr == r && *tc == c) {
                    Some((_, _, Tint::Red)) => cell.fg(comfy_table::Color::Red),
                    Some((_, _, Tint::Yellow)) => cell.fg(comfy_table::Color::Yellow),
                    None => cell,
                }
            });
            t.add_row(cells.collect::<Vec<_>>());
        }
        for (i, &c) in cols.iter().enumerate() {
            let Some(col) = t.column_mut(i) else { continue };
            if self.numeric.contains(&c) {
                col.set_cell_alignment(CellAlignment::Right);
            }
            if width.is_some() {
                // Never narrower than `min_width` (the columns shown were
                // chosen so that these fit); the rest is shared out.
                let floor = self.min_width(c) + 2;
                col.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                    comfy_table::Width::Fixed(u16::try_from(floor).unwrap_or(u16::MAX)),
                ));
            }
        }
        let text = t.to_string();
        let mut out = String::with_capacity(text.len() + 1);
        for line in text.lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    fn csv(&self) -> String {
        let bytes = crate::store::csv_text::write(&self.headers, &self.rows);
        String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
    }

    fn markdown(&self) -> String {
        let mut out = String::new();
        self.markdown_lines(&mut |line| {
            out.push_str(line);
            Ok(())
        })
        .expect("writing to memory");
        out
    }

    /// The Markdown table's lines one by one, into `emit`.
    fn markdown_lines(
        &self,
        emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        emit(&markdown_row(&self.headers))?;
        emit(&markdown_row(
            &(0..self.headers.len())
                .map(|i| {
                    if self.numeric.contains(&i) {
                        "---:".to_string()
                    } else {
                        "---".to_string()
                    }
                })
                .collect::<Vec<_>>(),
        ))?;
        for row in &self.rows {
            emit(&markdown_row(row))?;
        }
        Ok(())
    }
}

/// One line of a Markdown table: the cells with `|` escaped and line
/// breaks made spaces.
pub fn markdown_row(cells: &[String]) -> String {
    let esc = |s: &String| s.replace('|', "\\|").replace('\n', " ");
    format!(
        "| {} |\n",
        cells.iter().map(esc).collect::<Vec<_>>().join(" | ")
    )
}

/// Text escaped for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON text with a final newline.
pub fn json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("reports serialise");
    s.push('\n');
    s
}

/// Pretty JSON with a final newline, written as it is produced.
pub fn json_stream<T: serde::Serialize + 'static>(value: T) -> Stream {
    Box::new(move |w| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        serde_json::to_writer_pretty(&mut w, &value)?;
        std::io::Write::write_all(&mut w, b"\n")?;
        // The report is the last thing the command holds: freeing its
        // hundreds of thousands of rows one by one only delays the exit
        // that gives the memory back at once.
        std::mem::forget(value);
        std::io::Write::flush(&mut w)
    })
}

/// An item of a list as serde lays it out two levels in: the writer of
/// `json_stream_list` for items without one of their own.
pub fn serde_item<I: serde::Serialize>(item: &I, out: &mut Vec<u8>) {
    let mut ser = serde_json::Serializer::with_formatter(out, super::json::Nested::at(2));
    item.serialize(&mut ser).expect("report values serialise");
}

/// Pretty JSON of `head`, whose list field `key` is empty, with `items`
/// in that list: the same text `json_stream` gives for the whole value,
/// the items serialised in parallel a batch at a time (a province's
/// overdue list is over 100 MB of JSON) and written as they are done.
pub fn json_stream_list<H, I>(
    head: H,
    key: &'static str,
    items: Vec<I>,
    write: fn(&I, &mut Vec<u8>),
) -> crate::cmd::Stream
where
    H: serde::Serialize + 'static,
    I: Sync + 'static,
{
    use rayon::prelude::*;
    use std::io::Write;
    Box::new(move |w| {
        let text = serde_json::to_string_pretty(&head).map_err(std::io::Error::other)?;
        let empty = format!("\n  \"{key}\": []");
        let Some(at) = text.find(&empty).filter(|_| !items.is_empty()) else {
            // Nothing to fill in (or no such field): the value as it is.
            std::mem::forget(items);
            return w
                .write_all(text.as_bytes())
                .and_then(|_| w.write_all(b"\n"));
        };
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        w.write_all(&text.as_bytes()[..at + empty.len() - 1])?;
        const BATCH: usize = 1024;
        const BATCHES: usize = 16;
        // The same buffers for every window of batches: memory the
        // process already has, not new pages for every batch.
        let mut parts: Vec<Vec<u8>> = (0..BATCHES)
            .map(|_| Vec::with_capacity(BATCH * 512))
            .collect();
        let mut first = true;
        for window in items.chunks(BATCH * BATCHES) {
            let batches = window.len().div_ceil(BATCH);
            parts[..batches]
                .par_iter_mut()
                .zip(window.par_chunks(BATCH))
                .for_each(|(out, batch)| {
                    out.clear();
                    // Each item as it stands in the list: after a comma, on
                    // a new line, indented two levels, its own lines two
                    // levels deeper than they would be alone.
                    for i in batch {
                        out.extend_from_slice(b",\n    ");
                        write(i, out);
                    }
                });
            for part in &parts[..batches] {
                // Every item but the very first follows a comma.
                w.write_all(if first { &part[1..] } else { part })?;
                first = false;
            }
        }
        w.write_all(b"\n  ]")?;
        w.write_all(&text.as_bytes()[at + empty.len()..])?;
        w.write_all(b"\n")?;
        // See `json_stream`: the list is freed by the exit.
        std::mem::forget(items);
        w.flush()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cell() -> impl Strategy<Value = String> {
        "[a-z 0-9环评批复〔〕号\n-]{0,12}"
    }

    proptest! {
        /// The plain terminal table is exactly what comfy-table draws.
        #[test]
        fn the_plain_table_is_comfy_tables(
            headers in proptest::collection::vec(cell(), 1..5),
            rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 0..6),
            numeric in proptest::collection::vec(0usize..6, 0..3),
        ) {
            let table = Table {
                headers,
                rows,
                numeric,
                tints: Vec::new(),
                ..Table::default()
            };
            // Every column, and the columns a terminal table shows (not
            // those empty in every row).
            let width = table.rows.iter().map(Vec::len).chain([table.headers.len()]).max().unwrap_or(0);
            let all: Vec<usize> = (0..width).collect();
            prop_assert_eq!(table.terminal_plain(), table.terminal_comfy(&all, false, None));
            let cols = table.shown_columns(None);
            prop_assert_eq!(table.draw_plain(&cols), table.terminal_comfy(&cols, false, None));
        }

        /// The list written in parallel is the JSON of the whole value.
        #[test]
        fn a_list_streamed_in_parallel_is_the_whole_values_json(
            items in proptest::collection::vec(
                (
                    cell(),
                    proptest::option::of(0u32..9),
                    proptest::collection::vec(cell(), 0..3),
                    proptest::option::of(proptest::collection::vec(0u32..99, 0..3)),
                ),
                0..40,
            ),
        ) {
            #[derive(serde::Serialize)]
            struct Inner {
                numbers: Vec<u32>,
                empty: std::collections::BTreeMap<String, u8>,
            }
            #[derive(serde::Serialize)]
            struct Item {
                name: String,
                no: Option<u32>,
                tags: Vec<String>,
                inner: Option<Inner>,
            }
            #[derive(serde::Serialize)]
            struct Report {
                as_of: &'static str,
                items: Vec<Item>,
                after: u8,
            }
            let make = || {
                items
                    .iter()
                    .map(|(n, o, t, i)| Item {
                        name: n.clone(),
                        no: *o,
                        tags: t.clone(),
                        inner: i.clone().map(|numbers| Inner { numbers, empty: Default::default() }),
                    })
                    .collect::<Vec<_>>()
            };
            let whole = json(&Report { as_of: "2024-11-25", items: make(), after: 1 });
            let mut out = Vec::new();
            let head = Report { as_of: "2024-11-25", items: Vec::new(), after: 1 };
            json_stream_list(head, "items", make(), serde_item)(&mut out).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), whole);
        }
    }
}
