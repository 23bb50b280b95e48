//! A task sheet a task force keeps in Excel or WPS, saved as CSV: its bytes
//! decoded (UTF-8 with or without a byte-order mark, else GBK/GB18030 as
//! Chinese Excel saves "CSV"), its columns mapped to the fields `taizhang
//! import tasks` knows (by the usual Chinese and English headers, a small
//! TOML mapping file, or `--column FIELD=HEADER`), and its rows as text by
//! field, numbered as the spreadsheet numbers them (the header is row 1).

use std::collections::BTreeMap;

/// The fields a task sheet may fill, with the headers recognised for each
/// when no mapping names one (compared trimmed, ASCII case ignored).
pub const FIELDS: [(&str, &[&str]); 21] = [
    ("project", &["project", "项目", "项目ID", "项目编号"]),
    (
        "project_name",
        &["project name", "project_name", "项目名称"],
    ),
    ("type", &["type", "类型", "项目类型"]),
    ("owner", &["owner", "项目单位", "建设单位"]),
    (
        "township",
        &[
            "township",
            "乡镇",
            "乡镇/街道",
            "乡镇(街道)",
            "乡镇（街道）",
        ],
    ),
    (
        "planned_start",
        &[
            "planned start",
            "planned_start",
            "计划开工",
            "计划开工时间",
            "计划开工日期",
        ],
    ),
    (
        "investment",
        &[
            "investment",
            "investment (万元)",
            "总投资",
            "总投资(万元)",
            "总投资（万元）",
        ],
    ),
    ("code", &["code", "项目代码"]),
    ("opened", &["opened", "登记日期"]),
    ("procedure", &["procedure", "手续", "手续名称", "事项"]),
    ("status", &["status", "状态", "办理状态"]),
    ("applied", &["applied", "申报日期"]),
    ("due", &["due", "时间节点"]),
    ("obtained", &["obtained", "办结日期"]),
    ("doc_no", &["doc_no", "document no.", "批复文号", "文号"]),
    ("pledge_kind", &["pledge", "pledge_kind", "承诺方式"]),
    ("pledged", &["pledged", "承诺日期"]),
    ("pledge_due", &["pledge due", "pledge_due", "承诺时限"]),
    (
        "missing_items",
        &["missing items", "missing_items", "承诺补齐事项"],
    ),
    ("fulfilled", &["fulfilled", "兑现日期"]),
    ("note", &["note", "备注"]),
];

/// The mapping a clerk gives: field → header, and status words → status.
/// Its file is TOML with two tables, `[columns]` and `[status]`, of text.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    pub columns: BTreeMap<String, String>,
    /// Words of the sheet's status column, e.g. `"已批复" = "obtained"`.
    pub status: BTreeMap<String, String>,
}

impl Mapping {
    /// Reads a mapping file's text.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            tr!(
                MappingSyntax,
                line = line,
                error = tr!(TomlSyntax, msg = e.message().trim())
            )
        })?;
        let mut m = Mapping::default();
        for (name, value) in &table {
            let into = match name.as_str() {
                "columns" => &mut m.columns,
                "status" => &mut m.status,
                _ => return Err(tr!(MappingUnknownTable, table = name)),
            };
            let toml::Value::Table(entries) = value else {
                return Err(tr!(MappingNotTable, table = name));
            };
            for (key, v) in entries {
                let toml::Value::String(v) = v else {
                    return Err(tr!(MappingNotText, table = name, key = key));
                };
                into.insert(key.clone(), v.clone());
            }
        }
        for field in m.columns.keys() {
            check_field(field)?;
        }
        Ok(m)
    }

    /// Adds `FIELD=HEADER` given on the command line.
    pub fn add_flag(&mut self, text: &str) -> Result<(), String> {
        let (field, header) = text
            .split_once('=')
            .ok_or_else(|| tr!(ColumnFlagForm, text = text))?;
        let field = field.trim();
        check_field(field).map_err(|e| tr!(ColumnFlag, text = text, error = e))?;
        self.columns
            .insert(field.to_string(), header.trim().to_string());
        Ok(())
    }
}

fn field_names() -> String {
    FIELDS
        .iter()
        .map(|(f, _)| *f)
        .collect::<Vec<_>>()
        .join(crate::msg::list_separator())
}

fn check_field(field: &str) -> Result<(), String> {
    if FIELDS.iter().any(|(f, _)| *f == field) {
        Ok(())
    } else {
        Err(tr!(
            UnknownSheetField,
            field = field,
            fields = field_names()
        ))
    }
}

/// The encoding a sheet was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Gb18030,
}

impl Encoding {
    /// The encoding as messages name it.
    pub fn label(self) -> String {
        match self {
            Encoding::Utf8 => "UTF-8".to_string(),
            Encoding::Utf8Bom => tr!(EncodingUtf8Bom),
            Encoding::Gb18030 => "GBK/GB18030".to_string(),
        }
    }
}

/// Decodes a sheet: UTF-8 when it is valid UTF-8, else GB18030 (a superset
/// of GBK and GB2312); an error when it is neither.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8(rest.to_vec())
            .map(|t| (t, Encoding::Utf8Bom))
            .map_err(|_| tr!(BomNotUtf8));
    }
    if let Ok(t) = std::str::from_utf8(bytes) {
        return Ok((t.to_string(), Encoding::Utf8));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(tr!(SheetNotText));
    }
    Ok((text.into_owned(), Encoding::Gb18030))
}

/// One data row: its spreadsheet row number and its non-empty cells by field.
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub row: usize,
    pub cells: BTreeMap<&'static str, String>,
}

impl SheetRow {
    pub fn get(&self, field: &str) -> Option<&str> {
        self.cells.get(field).map(String::as_str)
    }
}

/// A sheet read and mapped.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Header of each mapped field.
    pub columns: BTreeMap<&'static str, String>,
    /// Headers no field took.
    pub ignored: Vec<String>,
    pub rows: Vec<SheetRow>,
}

fn same_header(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Reads a decoded sheet with `mapping`.
pub fn read(text: &str, mapping: &Mapping) -> Result<Sheet, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| tr!(SheetCsvSyntax, row = i + 1, error = e))?;
        records.push(rec.iter().map(str::to_string).collect::<Vec<_>>());
    }
    if records.is_empty() {
        return Err(tr!(SheetEmpty));
    }
    let header = records.remove(0);
    let mut columns = BTreeMap::new();
    let mut index = BTreeMap::new();
    for (field, aliases) in FIELDS {
        let found: Vec<usize> = match mapping.columns.get(field) {
            Some(h) => {
                let at: Vec<usize> = (0..header.len())
                    .filter(|&i| same_header(&header[i], h))
                    .collect();
                if at.is_empty() {
                    return Err(tr!(
                        MappedColumnMissing,
                        header = h,
                        field = field,
                        headers = header.join(crate::msg::list_separator())
                    ));
                }
                at
            }
            None => (0..header.len())
                .filter(|&i| aliases.iter().any(|a| same_header(&header[i], a)))
                .collect(),
        };
        match found.as_slice() {
            [] => {}
            [i] => {
                columns.insert(field, header[*i].trim().to_string());
                index.insert(field, *i);
            }
            many => {
                let names: Vec<&str> = many.iter().map(|&i| header[i].trim()).collect();
                return Err(tr!(
                    ColumnsAmbiguous,
                    headers = names.join(crate::msg::list_separator()),
                    field = field
                ));
            }
        }
    }
    let mut taken: Vec<(&str, usize)> = index.iter().map(|(f, i)| (*f, *i)).collect();
    taken.sort_by_key(|(_, i)| *i);
    for pair in taken.windows(2) {
        if pair[0].1 == pair[1].1 {
            return Err(tr!(
                ColumnMappedTwice,
                header = header[pair[0].1].trim(),
                field = pair[0].0,
                other = pair[1].0
            ));
        }
    }
    for need in ["project", "procedure"] {
        if !index.contains_key(need) {
            let aliases = FIELDS
                .iter()
                .find(|(f, _)| *f == need)
                .map_or(&[][..], |(_, a)| a);
            return Err(tr!(
                NoColumnFor,
                field = need,
                aliases = aliases.join(crate::msg::list_separator()),
                headers = header.join(crate::msg::list_separator())
            ));
        }
    }
    let ignored = (0..header.len())
        .filter(|i| !index.values().any(|j| j == i))
        .map(|i| header[i].trim().to_string())
        .filter(|h| !h.is_empty())
        .collect();
    let mut rows = Vec::new();
    for (n, rec) in records.into_iter().enumerate() {
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cells = index
            .iter()
            .filter_map(|(f, &i)| {
                let v = rec.get(i).map(|c| c.trim()).unwrap_or_default();
                (!v.is_empty()).then(|| (*f, v.to_string()))
            })
            .collect();
        rows.push(SheetRow { row: n + 2, cells });
    }
    Ok(Sheet {
        columns,
        ignored,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_gbk() {
        assert_eq!(decode("项目".as_bytes()).unwrap().1, Encoding::Utf8);
        let bom = [b"\xef\xbb\xbf".as_slice(), "项目".as_bytes()].concat();
        assert_eq!(
            decode(&bom).unwrap(),
            ("项目".to_string(), Encoding::Utf8Bom)
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("环评批复,已办结");
        assert_eq!(
            decode(&gbk).unwrap(),
            ("环评批复,已办结".to_string(), Encoding::Gb18030)
        );
        assert!(decode(b"\xff\xff\xff").is_err());
    }

    #[test]
    fn maps_headers() {
        let text = "项目,项目名称,手续,状态,其他\nsr,盛润,eia,已办结,x\n,,,,\n";
        let s = read(text, &Mapping::default()).unwrap();
        assert_eq!(s.columns["procedure"], "手续");
        assert_eq!(s.ignored, ["其他"]);
        assert_eq!(s.rows.len(), 1);
        assert_eq!(s.rows[0].row, 2);
        assert_eq!(s.rows[0].get("status"), Some("已办结"));
        let two = "项目,手续,事项\n";
        assert!(
            read(two, &Mapping::default())
                .unwrap_err()
                .contains("could each be procedure")
        );
    }
}
