//! A project's funds ledger (`funds.csv`: date, source, kind, amount,
//! note) and site-visit record (`visits.csv`: date, by, findings, problem).
//! Read through the shared CSV reader with a located problem for every bad
//! cell; columns found by header name, unknown columns kept; a missing
//! file is an empty ledger. Sources are checked against the ledger's list
//! when the settings are known.

use super::Problem;
use super::ledger_csv::{CsvTable, Rows};
use crate::model::{Amount, FundEntry, FundKind, Settings};
use serde::Serialize;
use std::path::Path;

pub const FUNDS_FILE: &str = "funds.csv";
/// The columns of a new `funds.csv`; `id` is the stable identity git
/// merges a row on (see `ledger_csv::row_id`).
pub const FUNDS_COLUMNS: [&str; 6] = ["date", "source", "kind", "amount", "note", "id"];
pub const VISITS_FILE: &str = "visits.csv";
/// The columns of a new `visits.csv`, `id` as in `funds.csv`.
pub const VISITS_COLUMNS: [&str; 5] = ["date", "by", "findings", "problem", "id"];

/// One site visit (现场督导).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Visit {
    pub date: crate::model::Date,
    /// The team that went (督导组).
    pub by: String,
    pub findings: String,
    /// The number of the problem the visit opened, if any.
    pub problem: Option<u32>,
}

/// Reads `funds.csv`: the table and its entries (in file order).
/// The rows' identities already used in `table`.
pub fn taken_ids(table: &CsvTable) -> Vec<&str> {
    (0..table.cells.len()).map(|i| table.get(i, "id")).collect()
}

pub fn read_funds(
    path: &Path,
    text: &str,
    settings: Option<&Settings>,
) -> (Option<(CsvTable, Vec<FundEntry>)>, Vec<Problem>) {
    let (table, problems) = CsvTable::read(path, text, &FUNDS_COLUMNS[..4]);
    let Some(t) = table else {
        return (None, problems);
    };
    let mut r = Rows {
        path,
        text,
        problems,
    };
    let mut out = Vec::new();
    for i in 0..t.cells.len() {
        let line = t.lines[i];
        let date = r.date(&t, i, "date", true);
        let source = t.get(i, "source").to_string();
        if source.is_empty() {
            r.bad(&t, i, "source", tr!(EmptyFundSource));
        } else if let Some(s) = settings
            && !s.funds.sources.contains(&source)
        {
            r.problems.push(Problem::line(
                path,
                text,
                line,
                "unknown-source",
                tr!(
                    FundSourceUnknownInFile,
                    source = source,
                    list = s.funds.sources.join(crate::msg::list_separator())
                ),
            ));
        }
        let kind = FundKind::parse(t.get(i, "kind"))
            .map_err(|e| r.bad(&t, i, "kind", e))
            .ok();
        let amount = Amount::parse(t.get(i, "amount"))
            .map_err(|e| r.bad(&t, i, "amount", e))
            .ok();
        if let (Some(date), Some(kind), Some(amount)) = (date, kind, amount)
            && !source.is_empty()
        {
            out.push(FundEntry {
                date,
                source,
                kind,
                amount,
                note: t.get(i, "note").to_string(),
            });
        }
    }
    (Some((t, out)), r.problems)
}

/// Warnings of a sound funds ledger: a source paying out more than it
/// received (unusual, so a warning, never a refusal).
pub fn funds_warnings(path: &Path, entries: &[FundEntry]) -> Vec<Problem> {
    crate::model::funds::by_source(entries, &[])
        .into_iter()
        .filter(|(_, t)| t.paid > t.received)
        .map(|(source, t)| {
            Problem::file(
                path,
                "paid-exceeds-received",
                tr!(
                    PaidExceedsReceived,
                    source = source,
                    paid = t.paid,
                    received = t.received
                ),
            )
            .as_warning()
        })
        .collect()
}

/// Reads `visits.csv`: the table and its visits (in file order).
pub fn read_visits(path: &Path, text: &str) -> (Option<(CsvTable, Vec<Visit>)>, Vec<Problem>) {
    let (table, problems) = CsvTable::read(path, text, &VISITS_COLUMNS[..3]);
    let Some(t) = table else {
        return (None, problems);
    };
    let mut r = Rows {
        path,
        text,
        problems,
    };
    let mut out = Vec::new();
    for i in 0..t.cells.len() {
        let date = r.date(&t, i, "date", true);
        for col in ["by", "findings"] {
            if t.get(i, col).is_empty() {
                r.bad(&t, i, col, tr!(EmptyCell));
            }
        }
        let no_text = t.get(i, "problem");
        let problem = if no_text.is_empty() {
            None
        } else {
            let n = no_text
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0 && no_text.bytes().all(|b| b.is_ascii_digit()));
            if n.is_none() {
                r.bad(&t, i, "problem", tr!(BadProblemNumber, text = no_text));
            }
            n
        };
        if let Some(date) = date {
            out.push(Visit {
                date,
                by: t.get(i, "by").to_string(),
                findings: t.get(i, "findings").to_string(),
                problem,
            });
        }
    }
    (Some((t, out)), r.problems)
}
