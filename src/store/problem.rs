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
    /// A warning: worth a look, but the file is usable and `check` passes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub warning: bool,
}

impl Problem {
    /// A problem about a whole file (no line).
    pub fn file(file: &Path, code: &'static str, message: impl Into<String>) -> Problem {
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
        let warning = if self.warning { "warning: " } else { "" };
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
            writeln!(f, "  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Git conflict markers left in a file after a merge.
pub fn conflict_markers(file: &Path, text: &str) -> Vec<Problem> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.starts_with("<<<<<<< ")
                || *l == "<<<<<<<"
                || *l == "======="
                || l.starts_with(">>>>>>> ")
                || *l == ">>>>>>>"
        })
        .map(|(i, _)| {
            Problem::line(file, text, i + 1, "conflict-marker", "git conflict marker left in the file")
                .with_hint("resolve the merge by hand (keep one side, delete the marker lines), then run `taizhang check`")
        })
        .collect()
}
