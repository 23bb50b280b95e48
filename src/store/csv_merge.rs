//! The three-way merge of a `procedures.csv` that git's merge driver runs:
//! rows are matched on the procedure key and merged cell by cell against
//! the common ancestor, every column included (unknown ones too). A cell
//! changed the same way on both sides is taken once; a cell changed two
//! ways is a conflict, written as the row twice between git's conflict
//! markers, so both values are in the file and `check` reports it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The merged text and a description of every conflict.
#[derive(Debug, PartialEq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
}

/// One side of the merge, parsed.
struct Side {
    header: Vec<String>,
    /// Rows in file order: key and cells.
    rows: Vec<(String, Vec<String>)>,
    bom: bool,
}

impl Side {
    fn parse(what: &str, text: &str) -> Result<Side, String> {
        // The same reading as `check`'s, so any file that does not merge
        // row by row is one `check` would also report.
        let (sheet, problems) =
            super::csv_text::read(Path::new(what), text, &["procedure"], &["procedure"]);
        if let Some(p) = problems.first() {
            return Err(format!("{what}: {}", p.message));
        }
        let sheet = sheet.ok_or_else(|| format!("{what} cannot be read as CSV"))?;
        let bom = text.starts_with('\u{feff}');
        let header = sheet.header;
        let key_col = header
            .iter()
            .position(|h| h == "procedure")
            .expect("csv_text::read checked the column");
        let mut rows = Vec::new();
        let mut keys = BTreeSet::new();
        for r in sheet.rows {
            let key = r.cells[key_col].trim().to_string();
            if !keys.insert(key.clone()) {
                return Err(format!("{what} lists procedure \"{key}\" twice"));
            }
            rows.push((key, r.cells));
        }
        Ok(Side { header, rows, bom })
    }

    /// The row of `key` as a map from column name to cell.
    fn row(&self, key: &str) -> Option<BTreeMap<&str, &str>> {
        self.rows.iter().find(|(k, _)| k == key).map(|(_, cells)| {
            self.header
                .iter()
                .map(String::as_str)
                .zip(cells.iter().map(String::as_str))
                .collect()
        })
    }
}

fn record(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(cells).expect("writing to memory");
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("cells are UTF-8")
}

/// The order of the merged rows: ours, with rows only theirs has placed
/// after the row that precedes them in theirs.
fn row_order(ours: &Side, theirs: &Side) -> Vec<String> {
    let mut order: Vec<String> = ours.rows.iter().map(|(k, _)| k.clone()).collect();
    let mut prev: Option<String> = None;
    for (k, _) in &theirs.rows {
        if !order.contains(k) {
            let at = prev
                .as_ref()
                .and_then(|p| order.iter().position(|x| x == p))
                .map_or(0, |i| i + 1);
            order.insert(at, k.clone());
        }
        prev = Some(k.clone());
    }
    order
}

/// Merges `ours` and `theirs` against their common ancestor `base`. An
/// error means the files cannot be merged row by row (one does not parse).
pub fn merge(base: &str, ours: &str, theirs: &str) -> Result<Merged, String> {
    let base = Side::parse("the common ancestor", base)?;
    let ours = Side::parse("our version", ours)?;
    let theirs = Side::parse("their version", theirs)?;
    // Columns: ours, then those only theirs has. No column is dropped.
    let mut header = ours.header.clone();
    for h in &theirs.header {
        if !header.contains(h) {
            header.push(h.clone());
        }
    }
    let mut out = String::new();
    if ours.bom {
        out.push('\u{feff}');
    }
    out.push_str(&record(&header));
    let mut conflicts = Vec::new();
    for key in row_order(&ours, &theirs) {
        let b = base.row(&key);
        let o = ours.row(&key);
        let t = theirs.row(&key);
        // A side without the row (or the column) has not changed it when
        // the ancestor had it, so it counts as the ancestor's value; an
        // absent cell counts as empty.
        let cells = |side: &Option<BTreeMap<&str, &str>>| -> Vec<String> {
            header
                .iter()
                .map(|h| {
                    side.as_ref()
                        .map(|r| r.get(h.as_str()).copied())
                        .unwrap_or(None)
                        .or_else(|| b.as_ref().and_then(|r| r.get(h.as_str()).copied()))
                        .unwrap_or("")
                        .to_string()
                })
                .collect()
        };
        match (&b, &o, &t) {
            // Deleted on one side, untouched on the other: deleted.
            (Some(_), None, Some(_)) if cells(&t) == cells(&b) => continue,
            (Some(_), Some(_), None) if cells(&o) == cells(&b) => continue,
            (Some(_), None, None) => continue,
            // Deleted on one side, changed on the other: a conflict.
            (Some(_), None, Some(_)) | (Some(_), Some(_), None) => {
                let kept = if o.is_some() { &o } else { &t };
                let row = record(&cells(kept));
                let (ours_text, theirs_text) = if o.is_some() {
                    (row, String::new())
                } else {
                    (String::new(), row)
                };
                conflicts.push(format!(
                    "procedure \"{key}\": deleted on one side, changed on the other"
                ));
                out.push_str(&format!(
                    "<<<<<<< ours\n{ours_text}=======\n{theirs_text}>>>>>>> theirs\n"
                ));
                continue;
            }
            _ => {}
        }
        let (bc, oc, tc) = (cells(&b), cells(&o), cells(&t));
        let mut mine = Vec::new();
        let mut other = Vec::new();
        let mut clashes = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let (bv, ov, tv) = (&bc[i], &oc[i], &tc[i]);
            let merged = if ov == tv || tv == bv {
                ov.clone()
            } else if ov == bv {
                tv.clone()
            } else {
                clashes.push(format!("{h}: ours \"{ov}\", theirs \"{tv}\""));
                mine.push(ov.clone());
                other.push(tv.clone());
                continue;
            };
            mine.push(merged.clone());
            other.push(merged);
        }
        if clashes.is_empty() {
            out.push_str(&record(&mine));
        } else {
            conflicts.push(format!(
                "procedure \"{key}\": changed both ways: {}",
                clashes.join("; ")
            ));
            out.push_str(&format!(
                "<<<<<<< ours\n{}=======\n{}>>>>>>> theirs\n",
                record(&mine),
                record(&other)
            ));
        }
    }
    Ok(Merged {
        text: out,
        conflicts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "procedure,name,status,extra\neia,环评,pending,\nflood,洪评,pending,x\n";

    #[test]
    fn different_cells_merge() {
        let ours = "procedure,name,status,extra\neia,环评,obtained,\nflood,洪评,pending,x\n";
        let theirs = "procedure,name,status,extra\neia,环评,pending,note\nflood,洪评,pledged,x\n";
        let m = merge(BASE, ours, theirs).unwrap();
        assert_eq!(
            m.text,
            "procedure,name,status,extra\neia,环评,obtained,note\nflood,洪评,pledged,x\n"
        );
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn same_cell_two_ways_conflicts() {
        let ours = "procedure,name,status,extra\neia,环评,obtained,a\nflood,洪评,pending,x\n";
        let theirs = "procedure,name,status,extra\neia,环评,pledged,a\nflood,洪评,pending,x\n";
        let m = merge(BASE, ours, theirs).unwrap();
        assert_eq!(
            m.text,
            "procedure,name,status,extra\n<<<<<<< ours\neia,环评,obtained,a\n=======\neia,环评,pledged,a\n>>>>>>> theirs\nflood,洪评,pending,x\n"
        );
        assert_eq!(
            m.conflicts,
            ["procedure \"eia\": changed both ways: status: ours \"obtained\", theirs \"pledged\""]
        );
    }

    #[test]
    fn a_row_deleted_on_one_side_and_changed_on_the_other_conflicts() {
        let ours = "procedure,name,status,extra\nflood,洪评,pending,x\n";
        let theirs = "procedure,name,status,extra\neia,环评,obtained,\nflood,洪评,pending,x\n";
        let m = merge(BASE, ours, theirs).unwrap();
        assert_eq!(
            m.text,
            "procedure,name,status,extra\n<<<<<<< ours\n=======\neia,环评,obtained,\n>>>>>>> theirs\nflood,洪评,pending,x\n"
        );
        assert_eq!(
            m.conflicts,
            ["procedure \"eia\": deleted on one side, changed on the other"]
        );
    }

    #[test]
    fn excel_byte_order_mark_and_quoted_cells_survive() {
        let base = "\u{feff}procedure,note\neia,\"a, b\"\n";
        let ours = "\u{feff}procedure,note\neia,\"a, b\"\nflood,\"say \"\"hi\"\"\"\n";
        let m = merge(base, ours, base).unwrap();
        assert_eq!(m.text, ours);
        assert!(merge(base, "procedure\n\"eia\n", base).is_err());
    }

    #[test]
    fn added_and_deleted_rows_and_new_columns() {
        let ours = "procedure,name,status,extra\neia,环评,pending,\n";
        let theirs = "procedure,name,status,extra,owner\neia,环评,pending,,王\nsafety,安评,pending,,\nflood,洪评,pending,x,\n";
        let m = merge(BASE, ours, theirs).unwrap();
        assert_eq!(
            m.text,
            "procedure,name,status,extra,owner\neia,环评,pending,,王\nsafety,安评,pending,,\n"
        );
    }
}
