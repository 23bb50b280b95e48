//! Published bulletins (简报) kept in the ledger: `bulletins/<year>-<no>.<ext>`
//! for the county's series (`bulletins/<scope>/<year>-<no>.<ext>` for a task
//! force's or a township's), and `bulletins/index.csv`, one row per issue
//! (year, no, kind, from, to, scope, file, published), from which the next
//! issue number and the previous bulletin of a kind are read. Unknown
//! columns are kept; a missing index is an empty one.

use super::ledger_csv::CsvTable;
use super::write::atomic_write;
use crate::model::{Date, parse_date};
use crate::report::bulletin::{Period, PeriodKind, Scope};
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

pub const DIR: &str = "bulletins";
pub const INDEX_FILE: &str = "bulletins/index.csv";
pub const COLUMNS: [&str; 8] = [
    "year",
    "no",
    "kind",
    "from",
    "to",
    "scope",
    "file",
    "published",
];

/// One published issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub year: i32,
    pub no: u32,
    pub period: Period,
    pub scope: String,
    /// The file, relative to the ledger root.
    pub file: String,
    pub published: Date,
}

/// The index of published bulletins.
pub struct Index {
    table: CsvTable,
    pub entries: Vec<Published>,
}

impl Index {
    /// Reads `bulletins/index.csv` of the ledger at `root`; every bad row is
    /// refused with its line, so a number is never guessed.
    pub fn read(root: &Path) -> Result<Index> {
        let path = root.join(INDEX_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Index {
                    table: CsvTable::new(&COLUMNS),
                    entries: Vec::new(),
                });
            }
            Err(e) => bail!("cannot read {}: {e}", path.display()),
        };
        let (table, problems) = CsvTable::read(&path, &text, &COLUMNS);
        if let Some(p) = problems.first() {
            bail!("{p}");
        }
        let Some(table) = table else {
            bail!("{}: cannot be read as CSV", path.display());
        };
        let mut entries = Vec::new();
        for i in 0..table.cells.len() {
            let line = table.lines[i];
            let bad = |col: &str, msg: String| {
                anyhow::anyhow!(
                    "{}:{line}: column \"{col}\": {msg}; fix the row or remove it",
                    path.display()
                )
            };
            let date = |col: &str| parse_date(table.get(i, col)).map_err(|e| bad(col, e));
            let year = table.get(i, "year").parse::<i32>().map_err(|_| {
                bad(
                    "year",
                    format!("\"{}\" is not a year", table.get(i, "year")),
                )
            })?;
            let no = table
                .get(i, "no")
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    bad(
                        "no",
                        format!(
                            "\"{}\" is not an issue number (1, 2, …)",
                            table.get(i, "no")
                        ),
                    )
                })?;
            let kind = PeriodKind::parse(table.get(i, "kind")).map_err(|e| bad("kind", e))?;
            let (from, to) = (date("from")?, date("to")?);
            if to < from {
                return Err(bad("to", format!("{to} is before from ({from})")));
            }
            entries.push(Published {
                year,
                no,
                period: Period { kind, from, to },
                scope: table.get(i, "scope").to_string(),
                file: table.get(i, "file").to_string(),
                published: date("published")?,
            });
        }
        Ok(Index { table, entries })
    }

    /// The number the next issue of `scope` in `year` gets: one after the
    /// highest published.
    pub fn next_no(&self, scope: &Scope, year: i32) -> u32 {
        let key = scope.key();
        self.entries
            .iter()
            .filter(|e| e.scope == key && e.year == year)
            .map(|e| e.no)
            .max()
            .unwrap_or(0)
            + 1
    }

    /// The issue of `scope` already published for exactly `period`.
    pub fn find(&self, scope: &Scope, period: &Period) -> Option<&Published> {
        let key = scope.key();
        self.entries
            .iter()
            .find(|e| e.scope == key && e.period == *period)
    }

    /// The latest issue of `scope` and the period's kind that ended before
    /// the period begins.
    pub fn previous(&self, scope: &Scope, period: &Period) -> Option<&Published> {
        let key = scope.key();
        self.entries
            .iter()
            .filter(|e| e.scope == key && e.period.kind == period.kind && e.period.to < period.from)
            .max_by_key(|e| (e.period.to, e.year, e.no))
    }

    /// Adds an issue (kept sorted by scope, year and number).
    pub fn add(&mut self, p: Published) {
        let at = self
            .entries
            .iter()
            .position(|e| (&e.scope, e.year, e.no) > (&p.scope, p.year, p.no))
            .unwrap_or(self.entries.len());
        self.table.insert(
            at,
            &[
                ("year", p.year.to_string()),
                ("no", p.no.to_string()),
                ("kind", p.period.kind.key().to_string()),
                ("from", p.period.from.to_string()),
                ("to", p.period.to.to_string()),
                ("scope", p.scope.clone()),
                ("file", p.file.clone()),
                ("published", p.published.to_string()),
            ],
        );
        self.entries.insert(at, p);
    }

    /// Writes the index atomically.
    pub fn save(&self, root: &Path) -> Result<()> {
        atomic_write(&root.join(INDEX_FILE), &self.table.to_bytes())
    }
}

/// The file of issue `no` of `year` in `scope`, relative to the ledger:
/// `bulletins/2024-3.docx`, `bulletins/taskforce-land/2024-1.md`.
pub fn file_name(scope: &Scope, year: i32, no: u32, ext: &str) -> PathBuf {
    let dir = PathBuf::from(DIR);
    let dir = match scope {
        Scope::County => dir,
        Scope::Taskforce { key, .. } => dir.join(format!("taskforce-{}", safe(key))),
        Scope::Township { name } => dir.join(format!("township-{}", safe(name))),
    };
    dir.join(format!("{year}-{no}.{ext}"))
}

/// A name usable as one path component.
fn safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == '.' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}
