//! Reading TOML with positions: every value read from a `ledger.toml` or
//! `project.toml` either converts or leaves a problem pointing at its line
//! and column, so `check` can report every problem in one run.

use super::Problem;
use crate::model::{Amount, Date, parse_date};
use std::ops::Range;
use std::path::Path;
use toml_edit::{Item, TableLike, Value};

/// Parses `text`: git conflict markers, else a syntax error, become the
/// problems that make the file unusable.
pub fn parse(path: &Path, text: &str) -> Result<toml_edit::Document<String>, Vec<Problem>> {
    let markers = super::problem::conflict_markers(path, text);
    if !markers.is_empty() {
        return Err(markers);
    }
    toml_edit::Document::parse(text.to_string()).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let msg = e.message().trim().to_string();
        vec![Problem::at(
            path,
            text,
            offset,
            "toml-syntax",
            tr!(TomlSyntax, msg = msg),
        )]
    })
}

/// Converts values of one TOML file, collecting problems.
pub struct Reader<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Reader<'a> {
        Reader {
            path,
            text,
            problems: Vec::new(),
        }
    }

    pub fn problem(&mut self, span: Option<Range<usize>>, code: &'static str, msg: String) {
        let p = match span {
            Some(s) => Problem::at(self.path, self.text, s.start, code, msg),
            None => Problem::file(self.path, code, msg),
        };
        self.problems.push(p);
    }

    /// A string value, or None when absent (or wrong, with a problem).
    pub fn string(
        &mut self,
        table: &dyn TableLike,
        key: &str,
    ) -> Option<(String, Option<Range<usize>>)> {
        let item = table.get(key)?;
        match item.as_str() {
            Some(s) => Some((s.to_string(), item.span())),
            None => {
                self.problem(item.span(), "bad-value", tr!(KeyQuoted, key = key));
                None
            }
        }
    }

    pub fn opt_str(&mut self, table: &dyn TableLike, key: &str) -> Option<String> {
        self.string(table, key)
            .map(|(s, _)| s)
            .filter(|s| !s.is_empty())
    }

    /// A required, non-empty string; `at` locates the table for the message.
    pub fn req_str(
        &mut self,
        table: &dyn TableLike,
        key: &str,
        at: Option<Range<usize>>,
    ) -> Option<String> {
        if table.get(key).is_none() {
            self.problem(at, "missing-key", tr!(KeyMissing, key = key));
            return None;
        }
        let (s, span) = self.string(table, key)?;
        if s.trim().is_empty() {
            self.problem(span, "bad-value", tr!(KeyEmpty, key = key));
            return None;
        }
        Some(s)
    }

    /// A string converted by `parse`, whose error message names the value.
    pub fn parsed<T>(
        &mut self,
        table: &dyn TableLike,
        key: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        let (s, span) = self.string(table, key)?;
        match parse(&s) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(span, "bad-value", tr!(KeyError, key = key, error = e));
                None
            }
        }
    }

    /// A date: a TOML local date (`2024-03-15`) or the same as a string.
    pub fn date(&mut self, table: &dyn TableLike, key: &str) -> Option<Date> {
        let item = table.get(key)?;
        let span = item.span();
        let text = match item.as_value() {
            Some(Value::Datetime(dt)) => {
                let v = dt.value();
                if v.time.is_some() || v.offset.is_some() || v.date.is_none() {
                    self.problem(span, "bad-value", tr!(KeyDateNoTime, key = key));
                    return None;
                }
                v.to_string()
            }
            Some(Value::String(s)) => s.value().clone(),
            _ => {
                self.problem(span, "bad-value", tr!(KeyDate, key = key));
                return None;
            }
        };
        match parse_date(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.problem(span, "bad-value", tr!(KeyError, key = key, error = e));
                None
            }
        }
    }

    /// An amount in 万元: a quoted decimal, or an integer or decimal literal
    /// read from its source text so no binary float is involved.
    pub fn amount(&mut self, table: &dyn TableLike, key: &str) -> Option<Amount> {
        let item = table.get(key)?;
        let span = item.span();
        let text = match item.as_value() {
            Some(Value::String(s)) => s.value().clone(),
            Some(v @ (Value::Integer(_) | Value::Float(_))) => span
                .clone()
                .and_then(|s| self.text.get(s))
                .map(|s| s.trim().to_string())
                .unwrap_or_else(|| v.to_string().trim().to_string()),
            _ => {
                self.problem(span, "bad-value", tr!(KeyAmount, key = key));
                return None;
            }
        };
        match Amount::parse(&text) {
            Ok(a) => Some(a),
            Err(e) => {
                self.problem(span, "bad-value", tr!(KeyError, key = key, error = e));
                None
            }
        }
    }

    pub fn int(&mut self, table: &dyn TableLike, key: &str) -> Option<i64> {
        let item = table.get(key)?;
        match item.as_integer() {
            Some(i) if i >= 0 => Some(i),
            _ => {
                self.problem(item.span(), "bad-value", tr!(KeyWhole, key = key));
                None
            }
        }
    }

    pub fn boolean(&mut self, table: &dyn TableLike, key: &str) -> Option<bool> {
        let item = table.get(key)?;
        match item.as_bool() {
            Some(b) => Some(b),
            None => {
                self.problem(item.span(), "bad-value", tr!(KeyBool, key = key));
                None
            }
        }
    }

    /// An array of strings, each with its own span.
    pub fn strings(
        &mut self,
        table: &dyn TableLike,
        key: &str,
    ) -> Option<Vec<(String, Option<Range<usize>>)>> {
        let item = table.get(key)?;
        let Some(arr) = item.as_array() else {
            self.problem(item.span(), "bad-value", tr!(KeyStrings, key = key));
            return None;
        };
        let mut out = Vec::new();
        for v in arr.iter() {
            match v.as_str() {
                Some(s) => out.push((s.to_string(), v.span())),
                None => self.problem(v.span(), "bad-value", tr!(KeyOnlyStrings, key = key)),
            }
        }
        Some(out)
    }

    /// An array of dates (strings or TOML dates).
    pub fn dates(&mut self, table: &dyn TableLike, key: &str) -> Vec<Date> {
        let Some(item) = table.get(key) else {
            return Vec::new();
        };
        let Some(arr) = item.as_array() else {
            self.problem(item.span(), "bad-value", tr!(KeyDates, key = key));
            return Vec::new();
        };
        let mut out = Vec::new();
        for v in arr.iter() {
            let text = match v {
                Value::String(s) => s.value().clone(),
                Value::Datetime(d) => d.value().to_string(),
                _ => String::new(),
            };
            match parse_date(&text) {
                Ok(d) => out.push(d),
                Err(e) => self.problem(v.span(), "bad-value", tr!(KeyError, key = key, error = e)),
            }
        }
        out
    }

    /// The array of tables `[[key]]`, with each table's header span.
    pub fn tables<'d>(
        &mut self,
        root: &'d toml_edit::Table,
        key: &str,
    ) -> Vec<(&'d toml_edit::Table, Option<Range<usize>>)> {
        match root.get(key) {
            None => Vec::new(),
            Some(Item::ArrayOfTables(a)) => a.iter().map(|t| (t, t.span())).collect(),
            Some(other) => {
                self.problem(other.span(), "bad-value", tr!(KeyTables, key = key));
                Vec::new()
            }
        }
    }
}
