//! A problem found in a ledger file: where (file, line, column), what kind
//! (a stable code), what is wrong and what was expected, with the offending
//! line as an excerpt and a caret under the spot.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip)]
    pub excerpt: Option<String>,
    /// A warning: worth a look, but the file is usable, every command
    /// goes on and `check` passes (unless --deny-warnings). Serialised as
    /// `"severity": "error" | "warning"`.
    #[serde(rename = "severity", serialize_with = "severity")]
    pub warning: bool,
}

fn severity<S: serde::Serializer>(warning: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(if *warning { "warning" } else { "error" })
}

/// Every problem code `check` can report, with what it means. Each has a
/// fixture and a test in `tests/cli/reliability.rs`.
pub const CODES: &[(&str, &str)] = &[
    (
        "bad-id",
        "a project folder whose name is not a valid project ID",
    ),
    (
        "bad-value",
        "a value of the wrong kind: a bad date, amount, status, code…",
    ),
    (
        "calendar-not-covered",
        "a working-day due date in a year the calendar does not cover (a warning)",
    ),
    (
        "column-count",
        "a CSV row with more or fewer fields than the header",
    ),
    (
        "conflict-marker",
        "git conflict markers left in a file after a merge",
    ),
    (
        "csv-syntax",
        "a CSV file that does not parse (e.g. an unclosed quote)",
    ),
    (
        "date-after-today",
        "a recorded date (applied, obtained, pledged, fulfilled, opened, started) after today",
    ),
    (
        "deadline-before-pledge",
        "a pledge whose deadline (pledge_due) is before the day it was granted",
    ),
    ("duplicate-column", "a CSV header naming a column twice"),
    (
        "duplicate-code",
        "a national project code used by two projects (a warning)",
    ),
    (
        "duplicate-key",
        "a task force, type or procedure defined twice in ledger.toml",
    ),
    (
        "duplicate-procedure",
        "a procedure listed twice in one procedures.csv",
    ),
    (
        "duplicate-date",
        "a second progress entry for the same day in progress.csv",
    ),
    (
        "duplicate-number",
        "a problem number used twice in problems.csv",
    ),
    ("encoding", "a file that is not UTF-8"),
    (
        "excel-number",
        "a document number Excel shortened to scientific notation, 3.5E+04 (a warning)",
    ),
    (
        "fulfilled-before-pledged",
        "a pledge made good (fulfilled) before it was granted (pledged)",
    ),
    (
        "fulfilled-without-pledge",
        "a fulfilled date on a procedure that was never pledged",
    ),
    (
        "missing-column",
        "a CSV header without a column taizhang needs, or an empty file",
    ),
    (
        "investment-above-total",
        "more invested (progress.csv) than the total investment (a warning)",
    ),
    ("missing-key", "a required TOML key or table left out"),
    (
        "merge-driver",
        "the merge driver .gitattributes names is not set up in this clone, or its program cannot be run (a warning)",
    ),
    (
        "missing-procedures",
        "a project folder without its procedures.csv",
    ),
    (
        "missing-record",
        "a project folder without its project.toml",
    ),
    (
        "obtained-before-applied",
        "a procedure obtained before the day it was applied for",
    ),
    (
        "obtained-without-date",
        "status obtained without the date it was obtained",
    ),
    (
        "pledge-without-deadline",
        "a pledge without its commitment deadline (pledge_due)",
    ),
    (
        "pledge-without-kind",
        "status pledged without a pledge_kind",
    ),
    (
        "plan-year-far",
        "an annual plan for a year far from the project's dates (a warning)",
    ),
    (
        "planned-start-long-past",
        "a planned start more than a year past, works not started (a warning)",
    ),
    (
        "started-before-approval",
        "works started before a needed procedure was obtained or pledged, 未批先建 (a warning)",
    ),
    (
        "stage-history",
        "a change of stage that cannot have happened (e.g. completed before works started)",
    ),
    (
        "symlink",
        "a symbolic link where a project folder or file should be",
    ),
    ("toml-syntax", "a TOML file that does not parse"),
    (
        "resolved-before-opened",
        "a problem resolved before it was recorded",
    ),
    (
        "unknown-procedure",
        "a procedure key that is not in the catalogue",
    ),
    (
        "unknown-taskforce",
        "a task force key that is not defined in ledger.toml",
    ),
    (
        "unknown-type",
        "a project type key that is not defined in ledger.toml",
    ),
    (
        "unknown-source",
        "a funds entry whose source is not in `[funds] sources`",
    ),
    (
        "unknown-category",
        "a problem whose category is not in `[problems] categories`",
    ),
    (
        "unknown-problem",
        "a visit naming a problem number its project does not have",
    ),
    (
        "unknown-project",
        "a meeting decision naming a project the ledger does not have",
    ),
    (
        "paid-exceeds-received",
        "a source of funds paying out more than it received (a warning)",
    ),
    (
        "bad-file-name",
        "a meeting file not named after its date (YYYY-MM-DD.toml)",
    ),
    (
        "unknown-zone",
        "a development zone key that is not defined in ledger.toml",
    ),
    (
        "unmerged",
        "a file a merge or rebase left unmerged (git ls-files -u)",
    ),
    (
        "unreadable",
        "a file that cannot be read (e.g. a folder in its place)",
    ),
];

impl Problem {
    /// A problem about a whole file (no line).
    pub fn file(file: &Path, code: &'static str, message: impl Into<String>) -> Problem {
        debug_assert!(
            CODES.iter().any(|(c, _)| *c == code),
            "problem code {code} is not listed in CODES"
        );
        Problem {
            file: file.to_path_buf(),
            line: None,
            column: None,
            code,
            message: message.into(),
            hint: None,
            excerpt: None,
            warning: false,
        }
    }

    /// A problem at a byte offset of `text`, with line, column and excerpt.
    pub fn at(
        file: &Path,
        text: &str,
        offset: usize,
        code: &'static str,
        message: impl Into<String>,
    ) -> Problem {
        let offset = offset.min(text.len());
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[start..offset].chars().count() + 1;
        Problem {
            line: Some(line),
            column: Some(column),
            excerpt: Some(text[start..end].trim_end_matches('\r').to_string()),
            ..Problem::file(file, code, message)
        }
    }

    /// A problem on a whole line (1-based), with the line as excerpt.
    pub fn line(
        file: &Path,
        text: &str,
        line: usize,
        code: &'static str,
        message: impl Into<String>,
    ) -> Problem {
        let excerpt = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
        Problem {
            line: Some(line),
            excerpt,
            ..Problem::file(file, code, message)
        }
    }

    /// Marks the problem as a warning.
    pub fn as_warning(mut self) -> Problem {
        self.warning = true;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// `FILE:LINE[:COL]: message`, the first line of the long form.
    pub fn headline(&self) -> String {
        let mut s = self.file.display().to_string();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
            if let Some(c) = self.column {
                s.push_str(&format!(":{c}"));
            }
        }
        let warning = if self.warning {
            tr!(WarningPrefix)
        } else {
            String::new()
        };
        format!("{s}: {warning}{}", self.message)
    }
}

impl fmt::Display for Problem {
    /// The long form: headline, excerpt with a caret, hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        if let (Some(line), Some(excerpt)) = (self.line, &self.excerpt) {
            let gutter = line.to_string().len();
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{line} | {excerpt}")?;
            if let Some(col) = self.column {
                // Wide (CJK) characters take two terminal cells.
                let pad: usize = excerpt
                    .chars()
                    .take(col - 1)
                    .map(|c| if c.is_ascii() { 1 } else { 2 })
                    .sum();
                writeln!(f, "{:gutter$} | {:pad$}^", "", "")?;
            }
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{}", tr!(HintLine, hint = hint))?;
        }
        Ok(())
    }
}

/// Git conflict markers left in a file after a merge, as git writes them:
/// a `<<<<<<< ` line, later a `=======` line (after a `||||||| ` line in
/// the diff3 style), later a `>>>>>>> ` line. A `=======` line outside such
/// a block is text (e.g. a note underlining a heading), not a marker; an
/// opening or closing line is a marker wherever it stands.
pub fn conflict_markers(file: &Path, text: &str) -> Vec<Problem> {
    markers(file, text, &[])
}

/// `conflict_markers` for a CSV file: lines that begin inside a quoted
/// field (a multi-line note) are never markers.
pub fn csv_conflict_markers(file: &Path, text: &str) -> Vec<Problem> {
    markers(file, text, &quoted_lines(text))
}

/// The 1-based numbers of the lines of a CSV text that begin inside a
/// quoted field.
fn quoted_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut line = 1;
    for b in text.bytes() {
        match b {
            // A doubled quote inside a field toggles twice: no change.
            b'"' => quoted = !quoted,
            b'\n' => {
                line += 1;
                if quoted {
                    out.push(line);
                }
            }
            _ => {}
        }
    }
    out
}

fn markers(file: &Path, text: &str, skip: &[usize]) -> Vec<Problem> {
    let is = |l: &str, m: &str| l == m || l.strip_prefix(m).is_some_and(|r| r.starts_with(' '));
    let mut found = Vec::new();
    // The lines of the open block: `<<<<<<<` and any `|||||||`/`=======`.
    let mut open: Option<Vec<usize>> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if skip.binary_search(&n).is_ok() {
            continue;
        }
        let l = line.trim_end_matches('\r');
        if is(l, "<<<<<<<") {
            if let Some(lines) = open.replace(vec![n]) {
                found.extend(lines.into_iter().take(1));
            }
        } else if is(l, "|||||||") || l == "=======" {
            if let Some(lines) = &mut open {
                lines.push(n);
            }
        } else if is(l, ">>>>>>>") {
            found.extend(open.take().unwrap_or_default());
            found.push(n);
        }
    }
    if let Some(lines) = open {
        found.extend(lines.into_iter().take(1));
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|n| {
            Problem::line(file, text, n, "conflict-marker", tr!(ConflictMarker))
                .with_hint(tr!(ConflictMarkerHint))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(found: Vec<Problem>) -> Vec<usize> {
        found.into_iter().filter_map(|p| p.line).collect()
    }

    #[test]
    fn markers_are_found_as_git_writes_them() {
        let t = "h\n<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n";
        assert_eq!(lines(conflict_markers(Path::new("f"), t)), [2, 4, 6]);
        let diff3 = "<<<<<<< ours\na\n||||||| base\nc\n=======\nb\n>>>>>>> theirs\n";
        assert_eq!(lines(conflict_markers(Path::new("f"), diff3)), [1, 3, 5, 7]);
        let crlf = "h\r\n<<<<<<< ours\r\na\r\n=======\r\nb\r\n>>>>>>> theirs\r\n";
        assert_eq!(lines(csv_conflict_markers(Path::new("f"), crlf)), [2, 4, 6]);
    }

    #[test]
    fn a_line_of_equals_signs_alone_is_text() {
        let t = "key,note\neia,\"标题\n=======\n正文\"\n";
        assert!(csv_conflict_markers(Path::new("f"), t).is_empty());
        assert!(conflict_markers(Path::new("f"), "a\n=======\nb\n").is_empty());
        // Inside a quoted field even a whole block is a note's text.
        let q = "key,note\neia,\"\n<<<<<<< x\n=======\n>>>>>>> y\n\"\n";
        assert!(csv_conflict_markers(Path::new("f"), q).is_empty());
        // A stray opening line is a marker.
        assert_eq!(
            lines(conflict_markers(Path::new("f"), "<<<<<<< ours\na\n")),
            [1]
        );
    }
}
