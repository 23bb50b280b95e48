//! Dispatch meetings on disk: `meetings/<YYYY-MM-DD>.toml` in the ledger
//! root, one file per meeting day, with its title and its decisions
//! (`[[decision]]`). Read with a located problem for every bad value;
//! written back through toml_edit, so a clerk's comments and unknown keys
//! survive.

use super::Problem;
use super::tomldoc::{self, Reader};
use crate::model::Date;
use crate::model::meeting::{Decision, Meeting};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, value};

pub const MEETINGS_DIR: &str = "meetings";

/// The file of the meeting held on `date`.
pub fn path(root: &Path, date: Date) -> PathBuf {
    root.join(MEETINGS_DIR).join(format!("{date}.toml"))
}

/// The path relative to the ledger root, for commits.
pub fn rel(date: Date) -> PathBuf {
    Path::new(MEETINGS_DIR).join(format!("{date}.toml"))
}

fn date_item(d: Date) -> toml_edit::Item {
    value(
        d.to_string()
            .parse::<toml_edit::Datetime>()
            .expect("an ISO date is a TOML date"),
    )
}

/// Reads one meeting file. `projects`, when known, are the project IDs a
/// decision may name.
pub fn read(
    path: &Path,
    text: &str,
    projects: Option<&BTreeSet<String>>,
) -> (Option<Meeting>, Vec<Problem>) {
    let doc = match tomldoc::parse(path, text) {
        Ok(d) => d,
        Err(problems) => return (None, problems),
    };
    let mut r = Reader::new(path, text);
    let root = doc.as_table();
    let date = r.date(root, "date");
    if root.get("date").is_none() {
        r.problem(Some(0..0), "missing-key", tr!(MeetingMissingDate));
    }
    let title = r.req_str(root, "title", Some(0..0));
    if let Some(d) = date {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != d.to_string() {
            let span = root.get("date").and_then(|i| i.span());
            r.problem(
                span,
                "bad-file-name",
                tr!(MeetingFileName, date = d, stem = stem),
            );
        }
    }
    let mut decisions = Vec::new();
    let mut seen = BTreeSet::new();
    for (t, span) in r.tables(root, "decision") {
        let no = match t.get("no") {
            None => {
                r.problem(span.clone(), "missing-key", "missing `no`".into());
                None
            }
            Some(_) => r.int(t, "no").filter(|n| *n > 0).map(|n| n as u32),
        };
        if let Some(n) = no
            && !seen.insert(n)
        {
            r.problem(span.clone(), "duplicate-number", tr!(DecisionTwice, n = n));
        }
        let what = r.req_str(t, "what", span.clone());
        let unit = r.req_str(t, "unit", span.clone());
        let due = r.date(t, "due");
        if t.get("due").is_none() {
            r.problem(span.clone(), "missing-key", "missing `due`".into());
        }
        let project = r.opt_str(t, "project");
        if let (Some(p), Some(known)) = (&project, projects)
            && !known.contains(p)
        {
            let s = t.get("project").and_then(|i| i.span());
            r.problem(s, "unknown-project", tr!(UnknownProjectFolder, text = p));
        }
        let resolved = r.date(t, "resolved");
        if let (Some(res), Some(d)) = (resolved, date)
            && res < d
        {
            let s = t.get("resolved").and_then(|i| i.span());
            r.problem(
                s,
                "resolved-before-opened",
                tr!(DecisionBeforeMeeting, resolved = res, date = d),
            );
        }
        let how = r.opt_str(t, "how").unwrap_or_default();
        if let (Some(no), Some(what), Some(unit), Some(due)) = (no, what, unit, due) {
            decisions.push(Decision {
                no,
                what,
                unit,
                due,
                project,
                resolved,
                how,
            });
        }
    }
    let meeting = match (date, title) {
        (Some(date), Some(title)) => Some(Meeting {
            date,
            title,
            decisions,
        }),
        _ => None,
    };
    (meeting, r.problems)
}

/// The meeting files of the ledger (`meetings/*.toml`), sorted; links and
/// hidden files left out.
pub fn files(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root.join(MEETINGS_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !name.starts_with('.')
                && name.ends_with(".toml")
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// Every meeting of the ledger whose file has no error, and every problem
/// of their files.
pub fn read_all(root: &Path, projects: Option<&BTreeSet<String>>) -> (Vec<Meeting>, Vec<Problem>) {
    let mut meetings = Vec::new();
    let mut problems = Vec::new();
    for path in files(root) {
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                let (m, p) = read(&path, &text, projects);
                // A file with an error is left out whole, never half read.
                if p.iter().all(|p| p.warning) {
                    meetings.extend(m);
                }
                problems.extend(p);
            }
            Ok(Err(_)) => problems.push(Problem::file(&path, "encoding", tr!(FileNotUtf8))),
            Err(e) => problems.push(Problem::file(
                &path,
                "unreadable",
                tr!(CannotReadFile, error = e),
            )),
        }
    }
    (meetings, problems)
}

/// The text of a new meeting file.
pub fn render_new(date: Date, title: &str) -> String {
    let mut doc = DocumentMut::new();
    doc["date"] = date_item(date);
    doc["title"] = value(title);
    format!(
        "# Dispatch meeting (调度会), kept by taizhang: see docs/FORMAT.md.\n\
         # Comments you add here are kept when taizhang changes the file.\n{doc}"
    )
}

/// `text` with a decision appended as a new `[[decision]]` table.
pub fn add_decision(text: &str, d: &Decision) -> anyhow::Result<String> {
    let mut doc: DocumentMut = text.parse()?;
    let mut t = toml_edit::Table::new();
    t["no"] = value(i64::from(d.no));
    t["what"] = value(d.what.as_str());
    t["unit"] = value(d.unit.as_str());
    t["due"] = date_item(d.due);
    if let Some(p) = &d.project {
        t["project"] = value(p.as_str());
    }
    match doc
        .get_mut("decision")
        .and_then(|i| i.as_array_of_tables_mut())
    {
        Some(a) => a.push(t),
        None => {
            let mut a = toml_edit::ArrayOfTables::new();
            a.push(t);
            doc["decision"] = toml_edit::Item::ArrayOfTables(a);
        }
    }
    Ok(doc.to_string())
}

/// `text` with decision `no` marked resolved on `date`, and how.
pub fn resolve_decision(text: &str, no: u32, date: Date, how: &str) -> anyhow::Result<String> {
    let mut doc: DocumentMut = text.parse()?;
    let t = doc
        .get_mut("decision")
        .and_then(|i| i.as_array_of_tables_mut())
        .and_then(|a| {
            a.iter_mut()
                .find(|t| t.get("no").and_then(|v| v.as_integer()) == Some(i64::from(no)))
        })
        .ok_or_else(|| anyhow::anyhow!(tr!(DecisionNotFound, no = no)))?;
    t["resolved"] = date_item(date);
    t["how"] = value(how);
    Ok(doc.to_string())
}
