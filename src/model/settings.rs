//! The ledger's settings (`ledger.toml`): its name and region, the label
//! language, the seven task forces (工作专班), the project types, the
//! procedure catalogue that task lists (任务清单) are drawn from, and the
//! thresholds of the slow-progress rules.

use super::calendar::Calendar;
use super::date::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese labels.
    Zh,
    /// English labels.
    En,
}

impl Lang {
    pub fn parse(text: &str) -> Result<Lang, String> {
        match text {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(tr!(BadLang, text = text)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskForce {
    pub key: String,
    /// Chinese name, e.g. 用地专班.
    pub name: String,
    /// Lead unit (牵头单位), e.g. 县自然资源局.
    pub lead: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectType {
    pub key: String,
    pub name: String,
}

/// A time limit as the catalogue states it: calendar days (`"30d"`) or
/// working days (`"20wd"`, 工作日), counted from the day after the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Days(u32),
    WorkingDays(u32),
}

impl Limit {
    pub fn parse(text: &str) -> Result<Limit, String> {
        let bad = || tr!(BadLimit, text = text);
        let (num, ctor): (&str, fn(u32) -> Limit) = if let Some(n) = text.strip_suffix("wd") {
            (n, Limit::WorkingDays)
        } else if let Some(n) = text.strip_suffix('d') {
            (n, Limit::Days)
        } else {
            return Err(bad());
        };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) || num.len() > 4 {
            return Err(bad());
        }
        Ok(ctor(num.parse().map_err(|_| bad())?))
    }

    /// The last allowed day for something started on `from`.
    pub fn due_from(self, from: Date, calendar: &Calendar) -> Date {
        match self {
            Limit::Days(n) => from + chrono::Days::new(n.into()),
            Limit::WorkingDays(n) => calendar.add_working_days(from, n),
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limit::Days(n) => write!(f, "{n}d"),
            Limit::WorkingDays(n) => write!(f, "{n}wd"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueEntry {
    pub key: String,
    pub name: String,
    pub taskforce: String,
    /// Project type keys that need this procedure; `*` means every type.
    pub types: Vec<String>,
    pub limit: Option<Limit>,
}

impl CatalogueEntry {
    pub fn applies_to(&self, type_key: &str) -> bool {
        self.types.iter().any(|t| t == "*" || t == type_key)
    }
}

/// Thresholds of the slow-progress rules (`[slow]` in ledger.toml).
#[derive(Debug, Clone, PartialEq)]
pub struct SlowRules {
    /// Not started this many days after the planned start: yellow.
    pub start_late_yellow_days: i64,
    /// ... and red from this many days.
    pub start_late_red_days: i64,
    /// Share of procedures done behind the share of time elapsed by this
    /// many percentage points: yellow.
    pub procedures_behind_yellow_points: i64,
    pub procedures_behind_red_points: i64,
    /// Nothing recorded for a project for this many days: stale (yellow).
    pub stale_days: i64,
    /// Started projects: the share of this year's planned investment
    /// completed is behind the share of the year elapsed (时序进度) by this
    /// many percentage points: yellow.
    pub investment_behind_yellow_points: i64,
    pub investment_behind_red_points: i64,
    /// Started projects: no progress entry for this many days: stale (yellow).
    pub progress_stale_days: i64,
}

impl Default for SlowRules {
    fn default() -> Self {
        SlowRules {
            start_late_yellow_days: 30,
            start_late_red_days: 90,
            procedures_behind_yellow_points: 20,
            procedures_behind_red_points: 40,
            stale_days: 30,
            investment_behind_yellow_points: 10,
            investment_behind_red_points: 30,
            progress_stale_days: 30,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub name: String,
    pub region: String,
    pub lang: Lang,
    pub taskforces: Vec<TaskForce>,
    pub types: Vec<ProjectType>,
    pub catalogue: Vec<CatalogueEntry>,
    pub slow: SlowRules,
    pub calendar: Calendar,
    /// Member ledgers (township ledgers) a county report includes: paths
    /// relative to this ledger's folder.
    pub members: Vec<String>,
    /// Commit every write to git, as `--commit` does.
    pub auto_commit: bool,
    /// The task forces again, as shared strings, for reports that repeat
    /// them on hundreds of thousands of rows (see `Settings::shared`).
    pub shared: Vec<SharedTaskForce>,
}

/// A task force's key, name and lead unit as shared strings.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedTaskForce {
    pub key: std::sync::Arc<str>,
    pub name: std::sync::Arc<str>,
    pub lead: std::sync::Arc<str>,
}

impl SharedTaskForce {
    pub fn of(taskforces: &[TaskForce]) -> Vec<SharedTaskForce> {
        taskforces
            .iter()
            .map(|t| SharedTaskForce {
                key: t.key.as_str().into(),
                name: t.name.as_str().into(),
                lead: t.lead.as_str().into(),
            })
            .collect()
    }
}

impl Settings {
    /// A task force as shared strings.
    pub fn shared(&self, key: &str) -> Option<&SharedTaskForce> {
        self.shared.iter().find(|t| &*t.key == key)
    }

    pub fn taskforce(&self, key: &str) -> Option<&TaskForce> {
        self.taskforces.iter().find(|t| t.key == key)
    }

    /// A task force as a clerk names it: key (`land`), Chinese name
    /// (`用地专班`) or the name without 专班 (`用地`), spaces around it
    /// ignored.
    pub fn find_taskforce(&self, text: &str) -> Option<&TaskForce> {
        let text = text.trim();
        self.taskforces
            .iter()
            .find(|t| t.key == text || t.name == text || t.name.strip_suffix("专班") == Some(text))
    }

    /// A project type by key (`chemical`) or Chinese name (`化工`).
    pub fn project_type(&self, key_or_name: &str) -> Option<&ProjectType> {
        self.types
            .iter()
            .find(|t| t.key == key_or_name || t.name == key_or_name)
    }

    /// A catalogue entry by key (`eia`) or Chinese name (`环评批复`).
    pub fn procedure(&self, key_or_name: &str) -> Option<&CatalogueEntry> {
        self.catalogue
            .iter()
            .find(|p| p.key == key_or_name || p.name == key_or_name)
    }

    /// Position of a procedure in the catalogue, which fixes row order.
    pub fn catalogue_rank(&self, key: &str) -> usize {
        self.catalogue
            .iter()
            .position(|p| p.key == key)
            .unwrap_or(usize::MAX)
    }

    /// The catalogue as "did you mean" candidates (key and Chinese name).
    pub fn procedure_candidates(&self) -> Vec<super::suggest::Candidate<'_>> {
        self.catalogue
            .iter()
            .map(|c| super::suggest::Candidate {
                shown: format!("{} ({})", c.key, c.name),
                names: vec![&c.key, &c.name],
            })
            .collect()
    }

    /// The project types as "did you mean" candidates.
    pub fn type_candidates(&self) -> Vec<super::suggest::Candidate<'_>> {
        self.types
            .iter()
            .map(|t| super::suggest::Candidate {
                shown: format!("{} ({})", t.key, t.name),
                names: vec![&t.key, &t.name],
            })
            .collect()
    }

    /// The task forces as "did you mean" candidates (key, name, and the
    /// name without 专班).
    pub fn taskforce_candidates(&self) -> Vec<super::suggest::Candidate<'_>> {
        self.taskforces
            .iter()
            .map(|t| super::suggest::Candidate {
                shown: format!("{} ({})", t.key, t.name),
                names: vec![
                    &t.key,
                    &t.name,
                    t.name.strip_suffix("专班").unwrap_or(&t.name),
                ],
            })
            .collect()
    }

    pub fn type_keys(&self) -> String {
        self.types
            .iter()
            .map(|t| format!("{} ({})", t.key, t.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn taskforce_keys(&self) -> String {
        self.taskforces
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!(Limit::parse("30d"), Ok(Limit::Days(30)));
        assert_eq!(Limit::parse("20wd"), Ok(Limit::WorkingDays(20)));
        for bad in ["30", "d", "wd", "-3d", "3 d", "3w"] {
            assert!(Limit::parse(bad).is_err(), "{bad}");
        }
    }
}
