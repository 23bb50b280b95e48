//! The three-way merge of a project's CSV ledgers that git's merge driver
//! runs: rows are matched on the file's key column (`KINDS`: the procedure
//! of `procedures.csv`, the date of `progress.csv`, the `id` of the rows
//! of `problems.csv`, `funds.csv` and `visits.csv`) and merged cell by
//! cell against the common ancestor, every column included (unknown ones
//! too). A cell changed the same way
//! on both sides is taken once; a cell changed two ways is a conflict,
//! written as the row twice between git's conflict markers, so both values
//! are in the file and `check` reports it. A new CSV ledger merges by
//! adding one entry to `KINDS`.

use crate::msg::{self, Msg};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Where rows only one side has go in the merged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// After the row that precedes them on their side (procedures keep the
    /// catalogue's order).
    Placed,
    /// Every row sorted by its key (progress entries by date, as
    /// `taizhang progress` keeps them).
    Sorted,
    /// Ours first, then the rows only theirs has, in their order (problems
    /// in the order they were recorded).
    Appended,
}

/// A CSV ledger git merges row by row.
#[derive(Debug)]
pub struct Kind {
    /// The file's name in a project folder.
    pub file: &'static str,
    /// The column naming a row.
    pub key: &'static str,
    /// The column naming a row whose `key` cell is empty, or whose file
    /// has no `key` column (a file from before the column came).
    pub fallback: Option<&'static str>,
    /// A number column that must stay unique: a row only theirs added
    /// whose number ours already uses gets the next free number.
    pub renumber: Option<&'static str>,
    /// What a row is, for the conflict lines (a message of `msg`).
    pub noun: Msg,
    pub order: Order,
}

/// Every CSV ledger the merge driver merges.
pub const KINDS: &[Kind] = &[
    Kind {
        file: "procedures.csv",
        key: "procedure",
        fallback: None,
        renumber: None,
        noun: Msg::NounProcedure,
        order: Order::Placed,
    },
    Kind {
        file: "progress.csv",
        key: "date",
        fallback: None,
        renumber: None,
        noun: Msg::NounProgressEntry,
        order: Order::Sorted,
    },
    Kind {
        file: "problems.csv",
        key: "id",
        fallback: Some("no"),
        renumber: Some("no"),
        noun: Msg::NounProblem,
        order: Order::Appended,
    },
    Kind {
        file: "funds.csv",
        key: "id",
        fallback: None,
        renumber: None,
        noun: Msg::NounFundsEntry,
        order: Order::Placed,
    },
    Kind {
        file: "visits.csv",
        key: "id",
        fallback: None,
        renumber: None,
        noun: Msg::NounVisit,
        order: Order::Placed,
    },
];

/// The kind of the file at `path` (by its name), if it merges row by row.
pub fn kind_of(path: &str) -> Option<&'static Kind> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    KINDS.iter().find(|k| k.file == name)
}

/// The merged text, a description of every conflict, and notes on what
/// the merge did that a clerk should know (a renumbered problem).
#[derive(Debug, PartialEq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
    pub notes: Vec<String>,
}

/// A piece of the merged file: a merged row (and whether ours has it), or
/// a conflict block.
enum Piece {
    Row(Vec<String>, bool),
    Block(String),
}

/// One side of the merge, parsed.
struct Side {
    header: Vec<String>,
    /// Rows in file order: key and cells.
    rows: Vec<(String, Vec<String>)>,
    bom: bool,
}

impl Side {
    fn parse(kind: &Kind, what: Msg, text: &str) -> Result<Side, String> {
        let what = msg::text(what, &[]);
        let what = what.as_str();
        // A file both sides added has an empty common ancestor.
        if text.trim().is_empty() {
            return Ok(Side {
                header: Vec::new(),
                rows: Vec::new(),
                bom: false,
            });
        }
        // The same reading as `check`'s, so any file that does not merge
        // row by row is one `check` would also report.
        let needed = kind.fallback.unwrap_or(kind.key);
        let (sheet, problems) = super::csv_text::read(Path::new(what), text, &[needed], &[needed]);
        if let Some(p) = problems.first() {
            return Err(tr!(MergeSideError, side = what, error = p.message));
        }
        let sheet = sheet.ok_or_else(|| tr!(MergeSideNotCsv, side = what))?;
        let bom = text.starts_with('\u{feff}');
        let header = sheet.header;
        let key_col = header.iter().position(|h| h == kind.key);
        let fallback_col = kind
            .fallback
            .and_then(|f| header.iter().position(|h| h == f));
        let mut rows = Vec::new();
        let mut keys = BTreeSet::new();
        for r in sheet.rows {
            let key = match (key_col, fallback_col) {
                (Some(k), _) if !r.cells[k].trim().is_empty() => r.cells[k].trim().to_string(),
                // Marked, so it never equals a key of the key column.
                (_, Some(f)) => format!("#{}", r.cells[f].trim()),
                (Some(k), None) => r.cells[k].trim().to_string(),
                (None, None) => unreachable!("csv_text::read checked the column"),
            };
            if !keys.insert(key.clone()) {
                let key = key.trim_start_matches('#');
                return Err(tr!(
                    MergeSideTwice,
                    side = what,
                    noun = msg::text(kind.noun, &[]),
                    key = key
                ));
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
fn row_order(kind: &Kind, ours: &Side, theirs: &Side) -> Vec<String> {
    let mut order: Vec<String> = ours.rows.iter().map(|(k, _)| k.clone()).collect();
    if kind.order == Order::Appended {
        for (k, _) in &theirs.rows {
            if !order.contains(k) {
                order.push(k.clone());
            }
        }
        return order;
    }
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
    if kind.order == Order::Sorted {
        order.sort();
    }
    order
}

/// Merges `ours` and `theirs` against their common ancestor `base`. An
/// error means the files cannot be merged row by row (one does not parse).
pub fn merge(kind: &Kind, base: &str, ours: &str, theirs: &str) -> Result<Merged, String> {
    let base = Side::parse(kind, Msg::MergeBase, base)?;
    let ours = Side::parse(kind, Msg::MergeOurs, ours)?;
    let theirs = Side::parse(kind, Msg::MergeTheirs, theirs)?;
    let noun = msg::text(kind.noun, &[]);
    // Columns: ours, then those only theirs has. No column is dropped.
    let mut header = ours.header.clone();
    for h in &theirs.header {
        if !header.contains(h) {
            header.push(h.clone());
        }
    }
    let mut pieces = Vec::new();
    let mut conflicts = Vec::new();
    for key in row_order(kind, &ours, &theirs) {
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
                conflicts.push(tr!(MergeDeletedChanged, noun = noun, key = key));
                pieces.push(Piece::Block(format!(
                    "<<<<<<< ours\n{ours_text}=======\n{theirs_text}>>>>>>> theirs\n"
                )));
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
                clashes.push(tr!(
                    MergeCellClash,
                    column = msg::field(h),
                    ours = ov,
                    theirs = tv
                ));
                mine.push(ov.clone());
                other.push(tv.clone());
                continue;
            };
            mine.push(merged.clone());
            other.push(merged);
        }
        if clashes.is_empty() {
            pieces.push(Piece::Row(mine, o.is_some()));
        } else {
            conflicts.push(tr!(
                MergeChangedBothWays,
                noun = noun,
                key = key,
                clashes = clashes.join(msg::clause_separator())
            ));
            pieces.push(Piece::Block(format!(
                "<<<<<<< ours\n{}=======\n{}>>>>>>> theirs\n",
                record(&mine),
                record(&other)
            )));
        }
    }
    let notes = match kind
        .renumber
        .and_then(|c| header.iter().position(|h| h == c))
    {
        Some(col) => renumber(kind, &mut pieces, col),
        None => Vec::new(),
    };
    let mut out = String::new();
    if ours.bom {
        out.push('\u{feff}');
    }
    out.push_str(&record(&header));
    for p in pieces {
        match p {
            Piece::Row(cells, _) => out.push_str(&record(&cells)),
            Piece::Block(text) => out.push_str(&text),
        }
    }
    Ok(Merged {
        text: out,
        conflicts,
        notes,
    })
}

/// Gives each row only theirs has whose number (column `col`) another row
/// already uses the next free number, so two clones that each recorded
/// "problem 3" keep both, as 3 and 4. Returns a note for each.
fn renumber(kind: &Kind, pieces: &mut [Piece], col: usize) -> Vec<String> {
    let number = |cells: &[String]| cells[col].trim().parse::<u64>().ok();
    let rows = || {
        pieces.iter().filter_map(|p| match p {
            Piece::Row(cells, ours) => Some((cells, *ours)),
            Piece::Block(_) => None,
        })
    };
    // Numbers held by rows ours has, and the highest of all.
    let mut held: BTreeSet<u64> = rows().filter(|r| r.1).filter_map(|r| number(r.0)).collect();
    let mut next = rows().filter_map(|r| number(r.0)).max().unwrap_or(0) + 1;
    let mut notes = Vec::new();
    for p in pieces.iter_mut() {
        let Piece::Row(cells, false) = p else {
            continue;
        };
        let Some(n) = number(cells) else {
            continue;
        };
        if held.insert(n) {
            continue;
        }
        notes.push(tr!(
            MergeRenumbered,
            noun = msg::text(kind.noun, &[]),
            n = n,
            next = next,
            what = cells
                .iter()
                .filter(|c| !c.is_empty())
                .skip(1)
                .take(1)
                .cloned()
                .collect::<String>()
        ));
        cells[col] = next.to_string();
        held.insert(next);
        next += 1;
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(base: &str, ours: &str, theirs: &str) -> Result<Merged, String> {
        super::merge(&KINDS[0], base, ours, theirs)
    }

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

    #[test]
    fn progress_entries_added_on_both_sides_merge_in_date_order() {
        let kind = kind_of("projects/p/progress.csv").unwrap();
        let base = "date,invested,note\n2024-03-01,5,\n";
        let ours = "date,invested,note\n2024-03-01,5,\n2024-03-09,9,b\n";
        let theirs = "date,invested,note\n2024-03-01,5,\n2024-03-05,7,a\n";
        let m = super::merge(kind, base, ours, theirs).unwrap();
        assert_eq!(
            m.text,
            "date,invested,note\n2024-03-01,5,\n2024-03-05,7,a\n2024-03-09,9,b\n"
        );
        let other = "date,invested,note\n2024-03-01,5,\n2024-03-09,8,b\n";
        let m = super::merge(kind, base, ours, other).unwrap();
        assert_eq!(
            m.conflicts,
            [
                "progress entry \"2024-03-09\": changed both ways: invested: ours \"9\", theirs \"8\""
            ]
        );
    }

    #[test]
    fn problems_added_on_both_sides_are_appended_in_order() {
        let kind = kind_of("problems.csv").unwrap();
        let h = "no,what,unit,limit,opened,resolved,how\n";
        let base = format!("{h}1,a,u,2024-03-09,2024-03-01,,\n");
        let ours = format!("{base}4821,b,u,2024-03-09,2024-03-02,,\n");
        let theirs = format!(
            "{h}1,a,u,2024-03-09,2024-03-01,2024-03-03,done\n1307,c,u,2024-03-09,2024-03-02,,\n"
        );
        let m = super::merge(kind, &base, &ours, &theirs).unwrap();
        assert_eq!(
            m.text,
            format!(
                "{h}1,a,u,2024-03-09,2024-03-01,2024-03-03,done\n4821,b,u,2024-03-09,2024-03-02,,\n1307,c,u,2024-03-09,2024-03-02,,\n"
            )
        );
        assert!(m.notes.is_empty());
        assert!(kind_of("projects/p/notes.csv").is_none());
    }

    #[test]
    fn problems_numbered_alike_on_both_sides_keep_both_rows() {
        let kind = kind_of("problems.csv").unwrap();
        let h = "no,what,unit,limit,opened,resolved,how,id\n";
        let base = format!("{h}1,a,u,2024-03-09,2024-03-01,,,\n");
        let ours = format!("{base}2,b,u,2024-03-09,2024-03-02,,,0b0b0b0b\n");
        let theirs = format!("{base}2,c,u,2024-03-09,2024-03-02,,,0c0c0c0c\n");
        let m = super::merge(kind, &base, &ours, &theirs).unwrap();
        assert_eq!(
            m.text,
            format!(
                "{base}2,b,u,2024-03-09,2024-03-02,,,0b0b0b0b\n3,c,u,2024-03-09,2024-03-02,,,0c0c0c0c\n"
            )
        );
        assert_eq!(
            m.notes,
            ["problem 2 added on their side is now number 3: c"]
        );
        // Later, theirs resolves its problem (still 2 on their side): the
        // resolution goes to the row of that problem, now number 3.
        let later = format!("{base}2,c,u,2024-03-09,2024-03-02,2024-03-04,done,0c0c0c0c\n");
        let m = super::merge(kind, &theirs, &m.text, &later).unwrap();
        assert_eq!(
            m.text,
            format!(
                "{base}2,b,u,2024-03-09,2024-03-02,,,0b0b0b0b\n3,c,u,2024-03-09,2024-03-02,2024-03-04,done,0c0c0c0c\n"
            )
        );
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn old_problem_files_without_the_id_column_merge_on_the_number() {
        let kind = kind_of("problems.csv").unwrap();
        let h = "no,what,unit,limit,opened,resolved,how\n";
        let base = format!("{h}1,a,u,2024-03-09,2024-03-01,,\n");
        let theirs = format!("{h}1,a,u,2024-03-09,2024-03-01,2024-03-05,ok\n");
        let ours = "no,what,unit,limit,opened,resolved,how,id\n1,a,u,2024-03-09,2024-03-01,,,\n2,b,u,2024-03-09,2024-03-02,,,0b0b0b0b\n";
        let m = super::merge(kind, &base, ours, &theirs).unwrap();
        assert_eq!(
            m.text,
            "no,what,unit,limit,opened,resolved,how,id\n1,a,u,2024-03-09,2024-03-01,2024-03-05,ok,\n2,b,u,2024-03-09,2024-03-02,,,0b0b0b0b\n"
        );
    }
}
