//! Rendering a `Table` as an aligned terminal table (CJK-aware widths), as
//! CSV (UTF-8, LF) or as a Markdown table ready to paste. Tinted cells are
//! coloured in the terminal table when the caller allows colour.

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
    /// One self-contained HTML page (`report weekly` only).
    Html,
}

/// Rows under labelled headers; `numeric` columns are right-aligned.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<usize>,
    /// Cells (row, column) coloured on a terminal that allows colour.
    pub tints: Vec<(usize, usize, Tint)>,
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
        self.terminal_with(false)
    }

    fn terminal_with(&self, color: bool) -> String {
        let mut t = comfy_table::Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(&self.headers);
        if color {
            t.enforce_styling();
        }
        for (r, row) in self.rows.iter().enumerate() {
            if !color {
                t.add_row(row);
                continue;
            }
            let cells = row.iter().enumerate().map(|(c, text)| {
                let cell = comfy_table::Cell::new(text);
                match self.tints.iter().find(|(tr, tc, _)| *tr == r && *tc == c) {
                    Some((_, _, Tint::Red)) => cell.fg(comfy_table::Color::Red),
                    Some((_, _, Tint::Yellow)) => cell.fg(comfy_table::Color::Yellow),
                    None => cell,
                }
            });
            t.add_row(cells.collect::<Vec<_>>());
        }
        for &c in &self.numeric {
            if let Some(col) = t.column_mut(c) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        format!("{t}\n")
    }

    fn csv(&self) -> String {
        let bytes = crate::store::csv_text::write(&self.headers, &self.rows);
        String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
    }

    fn markdown(&self) -> String {
        let esc = |s: &String| s.replace('|', "\\|").replace('\n', " ");
        let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
        let mut out = line(self.headers.iter().map(esc).collect());
        out.push_str(&line(
            (0..self.headers.len())
                .map(|i| {
                    if self.numeric.contains(&i) {
                        "---:".to_string()
                    } else {
                        "---".to_string()
                    }
                })
                .collect(),
        ));
        for row in &self.rows {
            out.push_str(&line(row.iter().map(esc).collect()));
        }
        out
    }
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
        std::io::Write::flush(&mut w)
    })
}
